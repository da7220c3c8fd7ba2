"""Tests for the commission's own records (desktop.domain.suggestions, .accountability): every
transition, who may take it, refusals naming the payload key, the reply deadline on the work
calendar and its warning levels with an injected clock.

Expectations are written by hand from the issue and the 2026 State Council calendar: 劳动节
1–5 May off, Saturday 9 May a make-up working day; office hours 08:30–12:00, 13:30–17:30.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from desktop.domain.accountability import (
    AccountabilityAction,
    AccountabilityRefused,
    AccountabilityState,
    Measure,
    Origins,
    apply_accountability_action,
)
from desktop.domain.clue import ClueState
from desktop.domain.suggestions import (
    FROM_STATUSES,
    SuggestionAction,
    SuggestionKind,
    SuggestionRefused,
    SuggestionState,
    SuggestionStatus,
    allowed_suggestion_actions,
    apply_suggestion_action,
    not_answered_in_time,
    reply_overdue,
    suggestion_countdown,
    suggestion_warning_level,
)
from desktop.domain.validators import ValidationError
from tests.domain.loopkit import (
    ACTORS,
    CALENDAR,
    DH_T1,
    HANDLING,
    HZ_JW,
    HZ_T1,
    RULES,
    UNITS,
    cst,
)

COMMISSION = ACTORS["county_supervisor"]  # 海州区纪委监委
CITY_COMMISSION = ACTORS["city_supervisor"]
OTHER_COMMISSION = ACTORS["other_county_supervisor"]
UNIT = ACTORS["lead_handler"]  # 新坝镇, the addressed unit
CLUE = HANDLING  # a clue of 海州区 led by 新坝镇
ISSUED = cst(4, 30, 10)  # Thursday 30 April, before 劳动节


def lookup(code: str) -> ClueState | None:
    return CLUE if code == CLUE.code else None


def issue_payload(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "suggestion_id": str(uuid.uuid4()),
        "kind": "discipline",
        "number": "海纪建〔2026〕3号",
        "addressed_unit": HZ_T1,
        "clue_codes": [CLUE.code],
        "title": "关于加快办理群众举报线索的纪律检查建议",
        "text": "该线索签收超期，请立即整改。",
        "basis": "《中国共产党纪律检查机关监督执纪工作规则》",
        "reply_days": 4,
        "issued_at": ISSUED.isoformat(),
    }
    payload.update(changes)
    return payload


def act(
    action: SuggestionAction,
    actor: Any,
    state: SuggestionState | None,
    payload: dict[str, Any],
    now: Any = ISSUED,
) -> SuggestionState:
    outcome = apply_suggestion_action(
        action, actor, state, payload, now, CALENDAR, UNITS, lookup=lookup
    )
    assert outcome.action is action
    assert outcome.from_status is (state.status if state else None)
    return outcome.state


def issued() -> SuggestionState:
    return act(SuggestionAction.ISSUE, COMMISSION, None, issue_payload())


def test_issue_counts_the_reply_deadline_across_the_holiday_and_make_up_day() -> None:
    state = issued()
    assert state.status is SuggestionStatus.SENT
    assert state.kind is SuggestionKind.DISCIPLINE
    assert (state.issuing_unit, state.addressed_unit) == (HZ_JW, HZ_T1)
    assert state.subject == "clue"
    # 1–5 May off: Wed 6 (1), Thu 7 (2), Fri 8 (3), make-up Sat 9 (4), close of office.
    assert state.reply_deadline == cst(5, 9, 17, 30)
    assert SuggestionState.from_dict(state.to_dict()) == state


@pytest.mark.parametrize(
    ("now", "level"),
    [
        (cst(5, 7, 10), 0),
        (cst(5, 8, 17, 29), 0),  # 1 day and 1 minute of office time left
        (cst(5, 8, 17, 30), 1),  # exactly one working day left
        (cst(5, 9, 10), 1),  # the make-up Saturday is a working day, still in time
        (cst(5, 11, 9), 2),  # overdue
        (cst(5, 13, 17, 30), 2),  # exactly three working days overdue
        (cst(5, 14, 9), 3),
    ],
)
def test_reply_deadline_warning_levels(now: Any, level: int) -> None:
    state = issued()
    assert suggestion_warning_level(state, now, CALENDAR, RULES) == level
    assert reply_overdue(state, now) is (level >= 2)


def test_countdown_and_warning_stop_once_replied() -> None:
    state = issued()
    left = suggestion_countdown(state, cst(5, 8, 10), CALENDAR)
    assert left is not None and not left.overdue
    replied = act(SuggestionAction.REPLY, UNIT, state, {"reply": "已整改"}, cst(5, 14, 9))
    assert suggestion_countdown(replied, cst(5, 20), CALENDAR) is None
    assert suggestion_warning_level(replied, cst(5, 20), CALENDAR, RULES) == 0
    assert replied.replies[0].late
    assert not_answered_in_time(replied, cst(5, 20))


def test_whole_story_reply_send_back_reset_reply_accept() -> None:
    state = issued()
    files = [{"sha256": "a" * 64, "name": "整改照片.jpg"}]
    replied = act(
        SuggestionAction.REPLY,
        UNIT,
        state,
        {"reply": "已签收并办理", "attachments": files},
        cst(5, 7, 10),
    )
    assert replied.status is SuggestionStatus.REPLIED
    assert replied.latest_reply is not None and not replied.latest_reply.late
    assert replied.latest_reply.attachments[0].name == "整改照片.jpg"
    back = act(
        SuggestionAction.SEND_BACK,
        COMMISSION,
        replied,
        {"note": "整改措施不具体", "reply_days": 2},
        cst(5, 8, 10),
    )
    assert back.status is SuggestionStatus.RETURNED
    assert back.review_note == "整改措施不具体"
    # Fri 8 May 10:00 + 2 working days: Sat 9 (make-up) and Mon 11.
    assert back.reply_deadline == cst(5, 11, 17, 30)
    reset = act(SuggestionAction.RESET_DEADLINE, COMMISSION, back, {"reply_days": 3}, cst(5, 8))
    assert reset.status is SuggestionStatus.RETURNED
    assert reset.reply_deadline == cst(5, 12, 17, 30)
    again = act(SuggestionAction.REPLY, UNIT, reset, {"reply": "已补充整改"}, cst(5, 11))
    assert [r.text for r in again.replies] == ["已签收并办理", "已补充整改"]
    accepted = act(SuggestionAction.ACCEPT, COMMISSION, again, {"note": "同意"}, cst(5, 12))
    assert accepted.status is SuggestionStatus.ACCEPTED
    assert not not_answered_in_time(accepted, cst(6, 1))
    assert allowed_suggestion_actions(COMMISSION, accepted) == []
    assert SuggestionState.from_dict(accepted.to_dict()) == accepted


def test_a_suggestion_on_the_units_work_as_a_whole() -> None:
    state = act(SuggestionAction.ISSUE, COMMISSION, None, issue_payload(clue_codes=[]))
    assert state.subject == "unit" and state.clue_codes == ()


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"suggestion_id": "x"}, "suggestion_id"),
        ({"kind": "letter"}, "kind"),
        ({"number": " "}, "number"),
        ({"number": "海纪建〔2025〕3号"}, "number"),
        ({"addressed_unit": "999"}, "addressed_unit"),
        ({"addressed_unit": DH_T1}, "addressed_unit"),  # another county
        ({"addressed_unit": HZ_JW}, "addressed_unit"),  # a commission
        ({"clue_codes": ["LYG2026999999"]}, "clue_codes"),
        ({"clue_codes": "LYG"}, "clue_codes"),
        ({"title": ""}, "title"),
        ({"text": ""}, "text"),
        ({"basis": ""}, "basis"),
        ({"reply_days": 0}, "reply_days"),
        ({"reply_days": "5"}, "reply_days"),
        ({"issued_at": cst(5, 30).isoformat()}, "issued_at"),
    ],
)
def test_issue_refuses_bad_values_naming_the_key(changes: dict[str, Any], key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        act(SuggestionAction.ISSUE, COMMISSION, None, issue_payload(**changes))
    assert caught.value.field == key


def test_city_commission_addresses_any_county_and_county_commission_its_own() -> None:
    other = act(
        SuggestionAction.ISSUE,
        CITY_COMMISSION,
        None,
        issue_payload(addressed_unit=DH_T1, clue_codes=[]),
    )
    assert other.addressed_unit == DH_T1
    with pytest.raises(ValidationError):
        act(SuggestionAction.ISSUE, OTHER_COMMISSION, None, issue_payload())


@pytest.mark.parametrize(
    "who", ["lead_handler", "county_dispatcher", "city_dispatcher", "assist_handler", "admin"]
)
def test_only_a_commission_issues(who: str) -> None:
    with pytest.raises(SuggestionRefused) as caught:
        act(SuggestionAction.ISSUE, ACTORS[who], None, issue_payload())
    assert "纪委监委" in caught.value.reason


def test_who_takes_which_step() -> None:
    state = issued()
    for who in ("county_supervisor", "assist_handler", "county_dispatcher"):
        with pytest.raises(SuggestionRefused):
            act(SuggestionAction.REPLY, ACTORS[who], state, {"reply": "x"})
    replied = act(SuggestionAction.REPLY, UNIT, state, {"reply": "x"})
    for who in ("lead_handler", "county_dispatcher", "other_county_supervisor", "city_supervisor"):
        for action in (SuggestionAction.ACCEPT, SuggestionAction.SEND_BACK):
            with pytest.raises(SuggestionRefused):
                act(action, ACTORS[who], replied, {"note": "x"})
    assert allowed_suggestion_actions(COMMISSION, replied) == [
        SuggestionAction.ACCEPT,
        SuggestionAction.SEND_BACK,
    ]
    assert allowed_suggestion_actions(UNIT, state) == [SuggestionAction.REPLY]


@pytest.mark.parametrize("action", list(SuggestionAction))
def test_every_action_refused_outside_its_statuses(action: SuggestionAction) -> None:
    state = issued()
    states = {
        None: None,
        SuggestionStatus.SENT: state,
        SuggestionStatus.REPLIED: state.evolve(status=SuggestionStatus.REPLIED),
        SuggestionStatus.ACCEPTED: state.evolve(status=SuggestionStatus.ACCEPTED),
        SuggestionStatus.RETURNED: state.evolve(status=SuggestionStatus.RETURNED),
    }
    actor = UNIT if action is SuggestionAction.REPLY else COMMISSION
    for status, current in states.items():
        if status in FROM_STATUSES[action]:
            continue
        with pytest.raises(SuggestionRefused):
            act(action, actor, current, issue_payload() | {"reply": "x", "note": "x"})


def test_send_back_needs_a_reason() -> None:
    replied = act(SuggestionAction.REPLY, UNIT, issued(), {"reply": "x"})
    with pytest.raises(ValidationError) as caught:
        act(SuggestionAction.SEND_BACK, COMMISSION, replied, {})
    assert caught.value.field == "note"


def test_reply_refuses_bad_attachments_naming_the_key() -> None:
    with pytest.raises(ValidationError) as caught:
        act(
            SuggestionAction.REPLY,
            UNIT,
            issued(),
            {"reply": "x", "attachments": [{"sha256": "zz"}]},
        )
    assert caught.value.field == "attachments.0"


# --------------------------------------------------------------------------- accountability

RED = {CLUE.code}


def origins(suggestion: SuggestionState | None = None) -> Origins:
    return Origins(
        lookup=lookup,
        reached_level3=lambda code: code in RED,
        suggestion=lambda sid: (
            suggestion if suggestion and suggestion.suggestion_id == sid else None
        ),
    )


def record_payload(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "record_id": str(uuid.uuid4()),
        "unit_concerned": HZ_T1,
        "persons": [{"name": "张三", "post": "新坝镇副镇长"}],
        "measure": "诫勉",
        "decided_on": "2026-05-20",
        "document_number": "海纪问〔2026〕1号",
        "clue_codes": [CLUE.code],
        "facts": "线索签收超期达三级预警",
    }
    payload.update(changes)
    return payload


def record(actor: Any = COMMISSION, **changes: Any) -> AccountabilityState:
    outcome = apply_accountability_action(
        AccountabilityAction.RECORD,
        actor,
        None,
        record_payload(**changes),
        cst(5, 20),
        UNITS,
        origins(),
    )
    return outcome.state


def test_record_a_level3_clue() -> None:
    state = record()
    assert state.measure is Measure.ADMONITION and state.measure.label == "诫勉"
    assert state.decided_on == date(2026, 5, 20)
    assert state.persons[0].post == "新坝镇副镇长"
    assert AccountabilityState.from_dict(state.to_dict()) == state


def test_record_a_suggestion_not_answered_in_time() -> None:
    late = issued()  # due Sat 9 May, unanswered on 20 May
    outcome = apply_accountability_action(
        AccountabilityAction.RECORD,
        COMMISSION,
        None,
        record_payload(clue_codes=[], suggestion_id=late.suggestion_id),
        cst(5, 20),
        UNITS,
        origins(late),
    )
    assert outcome.state.suggestion_id == late.suggestion_id


def test_record_needs_a_red_clue_or_a_late_suggestion() -> None:
    RED.clear()
    try:
        with pytest.raises(ValidationError) as caught:
            record()
        assert caught.value.field == "clue_codes"
        answered = act(SuggestionAction.REPLY, UNIT, issued(), {"reply": "x"}, cst(5, 7))
        with pytest.raises(ValidationError) as caught:
            apply_accountability_action(
                AccountabilityAction.RECORD,
                COMMISSION,
                None,
                record_payload(clue_codes=[], suggestion_id=answered.suggestion_id),
                cst(5, 20),
                UNITS,
                origins(answered),
            )
        assert caught.value.field == "suggestion_id"
    finally:
        RED.add(CLUE.code)


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"record_id": "1"}, "record_id"),
        ({"unit_concerned": DH_T1}, "unit_concerned"),
        ({"persons": []}, "persons"),
        ({"persons": [{"name": "张三"}]}, "persons.0.post"),
        ({"measure": "罚款"}, "measure"),
        ({"decided_on": "2026-06-30"}, "decided_on"),
        ({"document_number": ""}, "document_number"),
        ({"suggestion_id": str(uuid.uuid4())}, "suggestion_id"),
    ],
)
def test_record_refuses_bad_values_naming_the_key(changes: dict[str, Any], key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        record(**changes)
    assert caught.value.field == key


@pytest.mark.parametrize("who", ["lead_handler", "county_dispatcher", "city_dispatcher", "admin"])
def test_only_a_commission_records_accountability(who: str) -> None:
    with pytest.raises(AccountabilityRefused):
        record(ACTORS[who])


def test_amend_by_the_recording_commission_only() -> None:
    state = record()
    payload = record_payload(measure="通报批评")
    outcome = apply_accountability_action(
        AccountabilityAction.AMEND, COMMISSION, state, payload, cst(5, 21), UNITS, origins()
    )
    assert outcome.state.measure is Measure.CIRCULATED_CRITICISM
    assert outcome.state.record_id == state.record_id
    assert "measure" in outcome.details["changed"]
    with pytest.raises(AccountabilityRefused):
        apply_accountability_action(
            AccountabilityAction.AMEND,
            CITY_COMMISSION,
            state,
            payload,
            cst(5, 21),
            UNITS,
            origins(),
        )
    with pytest.raises(AccountabilityRefused):
        apply_accountability_action(
            AccountabilityAction.RECORD, COMMISSION, state, payload, cst(5, 21), UNITS, origins()
        )


def test_command_types_round_trip() -> None:
    for action in SuggestionAction:
        assert SuggestionAction.from_command_type(action.command_type) is action
    for action in AccountabilityAction:
        assert AccountabilityAction.from_command_type(action.command_type) is action
    with pytest.raises(ValueError):
        SuggestionAction.from_command_type("notice.issue.v1")
