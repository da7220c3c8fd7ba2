"""The unit assessment of the demo store, checked against an independent computation.

The independent side reads the store's tables with plain SQL and walks each clue's events in
plain Python (the deadlines from the calendar and `warning_level` directly), never through
`desktop.domain.assessment`, `desktop.domain.clue_history` or the warning record.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import text

from desktop.domain.assessment import FIGURES, Period
from desktop.domain.clue import ClueState
from desktop.domain.codes import Status
from desktop.domain.deadlines import warning_level
from desktop.domain.stages import Stage
from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.store.assessment import StoreAssessment, assess_store, clue_histories
from desktop.store.clue_rows import load_calendar, load_rules
from tests.conftest import NOW

PERIODS = [
    Period(date(2026, 9, 1), date(2026, 11, 27)),
    Period(date(2020, 1, 1), date(2026, 11, 27)),
]

_STAGE_OF = {
    "registered": Stage.DISPATCH,
    "returned": Stage.DISPATCH,
    "dispatched": Stage.SIGN,
    "handling": Stage.HANDLE,
    "signoff": Stage.HANDLE,
    "reviewing": Stage.REVIEW,
}
_NEW_HANDLE_DEADLINE = {"dispatch", "approve_extension", "reject", "reopen", "verification_fail"}


def _china(value: Any) -> datetime:
    """A time as the store's text holds it (China local time, no zone)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=CHINA_TZ)


def _events(store: Any) -> dict[str, list[dict[str, Any]]]:
    """Every clue's events, oldest first, by clue code (plain SQL)."""
    by_clue: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with store.session() as session:
        rows = session.execute(
            text(
                "SELECT c.code, e.action, e.at, e.to_status, e.details FROM clue_events e "
                "JOIN clues c ON c.id = e.clue_id ORDER BY e.at, e.id"
            )
        ).all()
    for code, action, at, to_status, details in rows:
        parsed = details if isinstance(details, dict) else json.loads(details or "{}")
        moment = _china(at)
        by_clue[code].append({"action": action, "at": moment, "to": to_status, "details": parsed})
    return by_clue


def _independent(store: Any, period: Period) -> dict[str, dict[str, set[str]]]:
    """received, signed on time, returned, extensions granted and red (sign and handling
    stages) by unit, walking each clue's events."""
    with store.session() as session:
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
    figures: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for code, events in _events(store).items():
        lead: str | None = None
        handle: datetime | None = None
        deadline: datetime | None = None
        stage: Stage | None = None
        for index, event in enumerate(events):
            action, at, details = event["action"], event["at"], event["details"]
            inside = period.start <= at.date() <= period.end
            if action == "dispatch" and inside:
                figures[details["lead_unit"]]["received"].add(code)
            if action == "sign" and inside and lead is not None:
                if deadline is not None and at <= deadline:
                    figures[lead]["signed_on_time"].add(code)
            if action == "return" and inside:
                figures[details["returned_by"]]["returned"].add(code)
            if action == "approve_extension" and inside and lead is not None:
                figures[lead]["extensions_granted"].add(code)
            # the state after the event
            if action == "dispatch":
                lead = details["lead_unit"]
            if action in ("return", "return_to_city", "transfer", "refuse", "mark_duplicate"):
                lead = None
            if action in _NEW_HANDLE_DEADLINE and details.get("handle_deadline"):
                handle = to_china(datetime.fromisoformat(details["handle_deadline"]))
            stage = _STAGE_OF.get(event["to"])
            if stage is Stage.SIGN:
                if action == "dispatch":
                    sign_by = calendar.deadline_after(at, rules.limits.sign_days)
                    deadline = min(sign_by, handle) if handle is not None else sign_by
            elif stage is Stage.HANDLE:
                deadline = handle
            else:
                deadline = None
            # red: the level at the end of this step of a signing or handling stage
            end = events[index + 1]["at"] if index + 1 < len(events) else NOW
            if stage in (Stage.SIGN, Stage.HANDLE) and lead is not None:
                thresholds = rules.warnings_for(stage)
                if warning_level(deadline, end, calendar, thresholds) == 3:
                    figures[lead]["red"].add(code)
    return figures


@pytest.fixture(scope="module")
def assessments(demo_store_dir: Any) -> dict[Period, StoreAssessment]:
    from desktop.store.database import open_store

    store = open_store(demo_store_dir)
    try:
        return {period: assess_store(store, period, NOW) for period in PERIODS}
    finally:
        store.close()


@pytest.mark.parametrize("period", PERIODS, ids=["autumn", "whole-history"])
def test_figures_agree_with_an_independent_computation(
    demo_store: Any, assessments: dict[Period, StoreAssessment], period: Period
) -> None:
    found = assessments[period]
    expected = _independent(demo_store, period)
    assert len(found.units) > 20
    units = {u.unit for u in found.units} | set(expected)
    checked = 0
    for unit in units:
        mine = found.unit(unit)
        theirs = expected.get(unit, {})
        for figure in ("received", "signed_on_time", "returned", "extensions_granted"):
            assert set(found.codes(unit, figure)) == theirs.get(figure, set()), (unit, figure)
        red = (
            {r.code for r in mine.red_episodes if r.stage in (Stage.SIGN, Stage.HANDLE)}
            if mine
            else set()
        )
        if period.start.year == 2020:  # over the whole history every red episode is in it
            assert red == theirs.get("red", set()), unit
        checked += sum(len(v) for v in theirs.values())
    assert checked > 100  # the demo gives each figure something to count


def test_the_demo_gives_every_figure_something_to_count(
    assessments: dict[Period, StoreAssessment],
) -> None:
    found = assessments[PERIODS[1]]
    for figure in FIGURES:
        if figure.startswith("suggestions"):
            continue  # the suggestions come from the commission's records, not the clues
        assert sum(u.count(figure) for u in found.units) > 0, figure
    assert any(u.red_seconds > 0 for u in found.units)


def test_the_rebuilt_history_ends_in_each_clues_stored_state(demo_store: Any) -> None:
    histories = clue_histories(demo_store)
    with demo_store.session() as session:
        rows = {
            code: (status, deadline, lead, handle)
            for code, status, deadline, lead, handle in session.execute(
                text("SELECT code, status, deadline, lead_unit, handle_deadline FROM clues")
            )
        }
    assert len(histories) == len(rows) == 3000
    for history in histories:
        state: ClueState = history.steps[-1][1]
        status, deadline, lead, handle = rows[history.code]
        assert state.status is Status(status), history.code
        assert state.lead_unit == lead, history.code
        for mine, stored in ((state.deadline, deadline), (state.handle_deadline, handle)):
            if stored is None:
                assert mine is None, history.code
            else:
                assert mine == _china(stored), history.code


def test_codes_behind_a_figure_click_through(assessments: dict[Period, StoreAssessment]) -> None:
    found = assessments[PERIODS[0]]
    best = found.units[0]
    assert found.codes(best.unit, "received") == best.figure("received").codes
    assert found.codes("no-such-unit", "received") == ()
    assert found.name(best.unit) != best.unit  # the store knows the unit's name
    scores = [u.score for u in found.units if u.score is not None]
    assert scores == sorted(scores, reverse=True)
