"""The commissions' records on a device: each action in one transaction (view, pending history
entry, outbox), a refusal writes nothing, the lists filter by status, unit and overdue, and the
local view is the platform's state with the pending actions replayed (a rejection rolls the
view back to the platform's state)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.domain.accountability import AccountabilityRefused
from desktop.domain.suggestions import SuggestionRefused, SuggestionStatus
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.validators import ValidationError
from desktop.store.database import Store
from desktop.store.models import Suggestion, SuggestionEvent, SupervisionOutbox
from desktop.store.supervision import (
    accept_reply,
    issue_suggestion,
    list_accountability,
    list_suggestions,
    load_suggestion,
    record_accountability,
    reply_to_suggestion,
    send_back,
    supervision_problems,
)
from desktop.store.sync_apply.supervision import (
    drop_supervision_records,
    next_supervision_batch,
    record_supervision_results,
    supervision_counts,
)
from desktop.wire.sync import PushResult

DEVICE = "laptop-7"
STREET, OTHER_STREET = "320706001", "320706002"
ISSUED = datetime(2026, 4, 30, 10, tzinfo=CHINA_TZ)  # due Sat 9 May 17:30 with 4 days


def users(city: Any) -> dict[str, str]:
    accounts = {key: user.username for key, user in city.demo_accounts().items()}
    return {"commission": accounts["supervisor"], "street": accounts["township"], **accounts}


def payload(**changes: Any) -> dict[str, Any]:
    return {
        "kind": "supervision",
        "number": "海监建〔2026〕1号",
        "addressed_unit": STREET,
        "title": "关于加强线索办理工作的监察建议",
        "text": "请健全线索签收制度。",
        "basis": "《中华人民共和国监察法》第四十五条",
        "reply_days": 4,
        **changes,
    }


def count(store: Store, model: Any) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_actions_write_view_history_and_outbox(fresh_store: Store, demo_city: Any) -> None:
    who = users(demo_city)
    issued = issue_suggestion(fresh_store, who["commission"], DEVICE, payload(), now=ISSUED)
    sid = issued.record_id
    detail = load_suggestion(fresh_store, sid, now=datetime(2026, 5, 9, 10, tzinfo=CHINA_TZ))
    assert detail is not None and detail.pending
    assert detail.state.reply_deadline == datetime(2026, 5, 9, 17, 30, tzinfo=CHINA_TZ)
    assert detail.warning_level == 1  # the make-up Saturday, less than a day left
    assert [(h.action, h.pending) for h in detail.history] == [("issue", True)]
    (queued,) = next_supervision_batch(fresh_store, 10)
    assert queued["type"] == "suggestion.issue.v1" and "clue_code" not in queued
    assert queued["payload"]["suggestion_id"] == sid
    assert queued["payload"]["issued_at"] == ISSUED.isoformat()
    reply_to_suggestion(fresh_store, who["street"], DEVICE, sid, "已建立制度", now=ISSUED)
    send_back(fresh_store, who["commission"], DEVICE, sid, "请补充", 2, now=ISSUED)
    reply_to_suggestion(fresh_store, who["street"], DEVICE, sid, "已补充", now=ISSUED)
    accept_reply(fresh_store, who["commission"], DEVICE, sid, now=ISSUED)
    final = load_suggestion(fresh_store, sid)
    assert final is not None and final.state.status is SuggestionStatus.ACCEPTED
    assert [h.action for h in final.history] == [
        "issue",
        "reply",
        "send_back",
        "reply",
        "accept",
    ]
    assert count(fresh_store, SupervisionOutbox) == 5


def test_a_refusal_writes_nothing(fresh_store: Store, demo_city: Any) -> None:
    who = users(demo_city)
    with pytest.raises(SuggestionRefused):
        issue_suggestion(fresh_store, who["street"], DEVICE, payload(), now=ISSUED)
    with pytest.raises(ValidationError) as caught:
        issue_suggestion(fresh_store, who["commission"], DEVICE, payload(title=""), now=ISSUED)
    assert caught.value.field == "title"
    with pytest.raises(AccountabilityRefused):
        record_accountability(fresh_store, who["county"], DEVICE, {}, now=ISSUED)
    for model in (Suggestion, SuggestionEvent, SupervisionOutbox):
        assert count(fresh_store, model) == 0


def test_lists_filter_by_status_unit_and_overdue(fresh_store: Store, demo_city: Any) -> None:
    who = users(demo_city)
    first = issue_suggestion(fresh_store, who["commission"], DEVICE, payload(), now=ISSUED)
    other = payload(addressed_unit=OTHER_STREET, number="海监建〔2026〕2号", reply_days=20)
    second = issue_suggestion(fresh_store, who["commission"], DEVICE, other, now=ISSUED)
    reply_to_suggestion(fresh_store, who["street"], DEVICE, first.record_id, "已整改", now=ISSUED)
    later = datetime(2026, 5, 20, 10, tzinfo=CHINA_TZ)

    def ids(**filters: Any) -> list[str]:
        return [r.state.suggestion_id for r in list_suggestions(fresh_store, now=later, **filters)]

    assert set(ids()) == {first.record_id, second.record_id}
    assert ids(status=SuggestionStatus.REPLIED) == [first.record_id]
    assert ids(addressed_unit=OTHER_STREET) == [second.record_id]
    assert ids(overdue=True) == []  # the first replied in time, the second is not due yet
    later_still = datetime(2026, 6, 15, 10, tzinfo=CHINA_TZ)
    rows = list_suggestions(fresh_store, overdue=True, now=later_still)
    assert [(r.state.suggestion_id, r.overdue, r.warning_level) for r in rows] == [
        (second.record_id, True, 3)
    ]


def test_a_rejected_action_leaves_the_platform_state(fresh_store: Store, demo_city: Any) -> None:
    who = users(demo_city)
    issued = issue_suggestion(fresh_store, who["commission"], DEVICE, payload(), now=ISSUED)
    sid = issued.record_id
    (sent,) = next_supervision_batch(fresh_store, 10)
    document = {**issued.state.to_dict(), "version": 41, "events": []}
    applied = PushResult.model_validate(
        {"action_id": sent["action_id"], "status": "applied", "seq": 41, "suggestion": document},
        strict=False,
    )
    record_supervision_results(fresh_store, [sent], [applied])
    assert count(fresh_store, SupervisionOutbox) == 0
    reply_to_suggestion(fresh_store, who["street"], DEVICE, sid, "已整改", now=ISSUED)
    shown = load_suggestion(fresh_store, sid)
    assert shown is not None and shown.pending and shown.state.status is SuggestionStatus.REPLIED
    (reply,) = next_supervision_batch(fresh_store, 10)
    refused = PushResult.model_validate(
        {
            "action_id": reply["action_id"],
            "status": "rejected",
            "code": "refused",
            "reason": "建议当前为「已采纳」，不能答复",
        }
    )
    record_supervision_results(fresh_store, [reply], [refused])
    back = load_suggestion(fresh_store, sid)
    assert back is not None and not back.pending
    assert back.state.status is SuggestionStatus.SENT
    assert [h.action for h in back.history] == ["issue"]
    assert supervision_problems(fresh_store) == [
        ("suggestion.reply.v1", sid, "建议当前为「已采纳」，不能答复")
    ]
    assert list_accountability(fresh_store) == []


def test_another_account_taking_the_store_over_drops_the_records(
    fresh_store: Store, demo_city: Any
) -> None:
    who = users(demo_city)
    issued = issue_suggestion(fresh_store, who["commission"], DEVICE, payload(), now=ISSUED)
    assert supervision_counts(fresh_store) == (1, 0)  # unsent: login refuses to rebind
    assert drop_supervision_records(fresh_store) == 0  # a queued action keeps its record
    (sent,) = next_supervision_batch(fresh_store, 10)
    document = {**issued.state.to_dict(), "version": 7, "events": []}
    applied = PushResult.model_validate(
        {"action_id": sent["action_id"], "status": "applied", "suggestion": document},
        strict=False,
    )
    record_supervision_results(fresh_store, [sent], [applied])
    assert supervision_counts(fresh_store) == (0, 0)
    assert drop_supervision_records(fresh_store) == 1
    assert list_suggestions(fresh_store) == []
