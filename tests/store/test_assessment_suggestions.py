"""The suggestion figures of the unit assessment come from the suggestions the store holds:
received in the period, answered on time by the first reply against the deadline then in
force, an unanswered one judged once its deadline passed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from desktop.domain.assessment import Period
from desktop.domain.timeutil import CHINA_TZ
from desktop.store.assessment import assess_store, suggestions_due
from desktop.store.database import Store
from desktop.store.supervision import (
    issue_suggestion,
    reply_to_suggestion,
    send_back,
)

DEVICE = "laptop-7"
STREET = "320706001"
ISSUED = datetime(2026, 4, 30, 10, tzinfo=CHINA_TZ)  # 4 working days: due Sat 9 May 17:30
DUE = datetime(2026, 5, 9, 17, 30, tzinfo=CHINA_TZ)
SPRING = Period(date(2026, 4, 1), date(2026, 5, 31))


def users(city: Any) -> tuple[str, str]:
    accounts = {key: user.username for key, user in city.demo_accounts().items()}
    return accounts["supervisor"], accounts["township"]


def issue(store: Store, commission: str, number: int, **changes: Any) -> str:
    payload = {
        "kind": "supervision",
        "number": f"海监建〔2026〕{number}号",
        "addressed_unit": STREET,
        "title": "关于加强线索办理工作的监察建议",
        "text": "请健全线索签收制度。",
        "basis": "《中华人民共和国监察法》第四十五条",
        "reply_days": 4,
        **changes,
    }
    return issue_suggestion(store, commission, DEVICE, payload, now=ISSUED).record_id


def test_answered_on_time_late_and_unanswered_count_right(
    fresh_store: Store, demo_city: Any
) -> None:
    commission, street = users(demo_city)
    on_time = issue(fresh_store, commission, 1)
    reply_to_suggestion(fresh_store, street, DEVICE, on_time, "已整改", now=DUE)
    late = issue(fresh_store, commission, 2)
    reply_to_suggestion(
        fresh_store, street, DEVICE, late, "已整改", now=datetime(2026, 5, 11, 9, tzinfo=CHINA_TZ)
    )
    # answered on time, sent back, answered again after the new deadline: still on time
    sent_back = issue(fresh_store, commission, 3)
    reply_to_suggestion(fresh_store, street, DEVICE, sent_back, "已整改", now=ISSUED)
    send_back(fresh_store, commission, DEVICE, sent_back, "请补充", 2, now=ISSUED)
    reply_to_suggestion(
        fresh_store,
        street,
        DEVICE,
        sent_back,
        "已补充",
        now=datetime(2026, 5, 20, 9, tzinfo=CHINA_TZ),
    )
    unanswered = issue(fresh_store, commission, 4)
    not_due = issue(fresh_store, commission, 5, reply_days=30)

    due = {s.id: s for s in suggestions_due(fresh_store)}
    assert due[on_time].answered_at == DUE and due[on_time].due_at == DUE
    assert due[unanswered].answered_at is None

    now = datetime(2026, 5, 25, 10, tzinfo=CHINA_TZ)
    seen = assess_store(fresh_store, SPRING, now)
    town = seen.unit(STREET)
    assert town is not None
    received = {on_time, late, sent_back, unanswered, not_due}
    assert set(seen.codes(STREET, "suggestions_received")) == received
    assert set(seen.codes(STREET, "suggestions_answered_on_time")) == {on_time, sent_back}
    # judged: the four answered or past due; the fifth is not due yet
    assert town.components["suggestions_answered_on_time"] == 2 / 4
    # a period before the suggestions were issued counts none of them
    march = assess_store(fresh_store, Period(date(2026, 3, 1), date(2026, 3, 31)), now)
    assert march.codes(STREET, "suggestions_received") == ()
