"""The demo clue generator: deterministic, varied, and consistent with the workflow rules."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from desktop.demo.city import DemoCity, load_city
from desktop.demo.clock import WorkClock
from desktop.demo.generator import DemoClue, DemoEvent, generate_clues
from desktop.demo.histories import INTAKE_DAYS
from desktop.domain.calendar import WorkCalendar, default_calendar
from desktop.domain.clue import ClueState, validate_draft
from desktop.domain.codes import (
    DONE_STATUSES,
    OPEN_STATUSES,
    Category,
    Channel,
    Finding,
    Priority,
    Status,
    UnitKind,
)
from desktop.domain.deadlines import warning_level
from desktop.domain.rules import Rules, TimeLimits
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.validators import validate_credit_code, validate_phone
from desktop.domain.workflow import Action, Context, apply_action

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=CHINA_TZ)  # a Saturday morning
COUNT = 3000
DEMO_STATUSES = {
    Status.REGISTERED,
    Status.RETURNED,
    Status.DISPATCHED,
    Status.HANDLING,
    Status.SIGNOFF,
    Status.REVIEWING,
    Status.CLOSED,
    Status.REFUSED,
}
"""The statuses the demo's histories leave clues in (besides a duplicate whose original
still runs, which a small demo may not have)."""


@pytest.fixture(scope="module")
def city() -> DemoCity:
    return load_city()


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return default_calendar()


@pytest.fixture(scope="module")
def clues(city: DemoCity, calendar: WorkCalendar) -> list[DemoClue]:
    return list(generate_clues(city, COUNT, seed=7, now=NOW, calendar=calendar))


def _payload(event: DemoEvent, clue: DemoClue) -> Mapping[str, Any]:
    """The payload of an action, rebuilt from what its history entry records."""
    note, details = event.note, event.details
    action = event.action
    if action is Action.REGISTER:
        return details
    if action is Action.DISPATCH:
        return {
            "lead_unit": details["lead_unit"],
            "assisting_units": details["assisting_units"],
            "note": note,
        }
    if action is Action.REQUEST_EXTENSION:
        return {"days": details["days"], "reason": note}
    if action is Action.REPORT:
        files = [{"sha256": a.sha256, "name": a.name} for a in clue.attachments]
        payload = {"result": note, "finding": details["finding"], "measures": details["measures"]}
        if Finding(details["finding"]).needs_evidence:
            assert files, f"{clue.state.code}: a {details['finding']} report without evidence"
            payload["attachments"] = files
        return payload
    if action is Action.CALLBACK:
        return {"callback": details["callback"], "note": note}
    if action is Action.TRANSFER:
        return {"target_county": details["county_code"], "reason": note}
    if action is Action.REFUSE:
        return {"ground": details["ground"], "reason": note}
    if action in (Action.MARK_DUPLICATE, Action.CLOSE_WITH_ORIGINAL):
        return {"original": details["original"], "note": note}
    if action is Action.APPROVE:
        return {"note": note, "override_reason": details.get("override_reason", "")}
    if action in (
        Action.RETURN,
        Action.DENY_EXTENSION,
        Action.REJECT,
        Action.VERIFICATION_FAIL,
        Action.RETURN_TO_CITY,
        Action.TAKE_OVER,
        Action.SIGNOFF_REJECT,
        Action.REOPEN,
    ):
        return {"reason": note}
    return {"note": note}


Timelines = dict[str, list[tuple[datetime, ClueState]]]
"""The states each replayed clue went through, by code (to look originals up)."""


def _context(event: DemoEvent, timelines: Timelines) -> Context:
    """What the rules needed to know beyond the clue: the original of a duplicate as it
    stood then, the notices still running when a clue was approved."""
    if event.action is Action.APPROVE:
        return Context(open_notices=tuple(event.details.get("open_notices", ())))
    if event.action not in (Action.MARK_DUPLICATE, Action.CLOSE_WITH_ORIGINAL):
        return Context()
    timeline = timelines[event.details["original"]]
    before = [state for at, state in timeline if at <= event.at]
    return Context(lookup=lambda code: before[-1] if before and code == before[-1].code else None)


def _replay(
    clue: DemoClue,
    city: DemoCity,
    calendar: WorkCalendar,
    rules: Rules,
    timelines: Timelines | None = None,
) -> ClueState | None:
    state: ClueState | None = None
    units = city.directory()
    timeline = []
    for event in clue.events:
        actor = city.actor(event.username)
        assert actor.unit.code == event.unit_code
        outcome = apply_action(
            event.action,
            actor,
            state,
            _payload(event, clue),
            event.at,
            calendar,
            rules,
            units,
            code=clue.state.code,
            context=_context(event, timelines or {}),
        )
        assert outcome.from_status == event.from_status
        assert outcome.state.status == event.to_status
        assert outcome.note == event.note
        assert dict(outcome.details) == dict(event.details)
        state = outcome.state
        timeline.append((event.at, state))
    if timelines is not None:
        timelines[clue.state.code] = timeline
    return state


def test_same_seed_same_clues_other_seed_other_clues(
    city: DemoCity, calendar: WorkCalendar, clues: list[DemoClue]
) -> None:
    again = list(generate_clues(city, COUNT, seed=7, now=NOW, calendar=calendar))
    assert again == clues
    other = list(generate_clues(city, 50, seed=8, now=NOW, calendar=calendar))
    assert [c.draft for c in other] != [c.draft for c in clues[:50]]
    # the first clues do not depend on how many are asked for
    assert list(generate_clues(city, 40, seed=7, now=NOW, calendar=calendar)) == clues[:40]


def test_codes_are_unique_and_numbered(clues: list[DemoClue]) -> None:
    codes = [c.state.code for c in clues]
    assert len(set(codes)) == COUNT
    for index, clue in enumerate(clues, 1):
        assert clue.state.code == f"LYG{clue.draft.received_at.year}{index:06d}"
        assert re.fullmatch(r"LYG20\d\d\d{6}", clue.state.code)


def test_every_history_replays_through_the_rules(
    city: DemoCity, calendar: WorkCalendar, clues: list[DemoClue]
) -> None:
    rules = Rules()
    timelines: Timelines = {}
    for clue in clues:  # an original comes before its duplicates
        assert clue.events[0].action is Action.REGISTER
        assert _replay(clue, city, calendar, rules, timelines) == clue.state


def test_drafts_are_valid_and_registered_as_generated(
    city: DemoCity, clues: list[DemoClue]
) -> None:
    units = city.directory()
    for clue in clues:
        draft = clue.draft
        assert validate_draft(draft.to_payload(), units, NOW) == draft
        assert dict(clue.events[0].details) == draft.to_payload()
        actions = {e.action for e in clue.events}
        transfers = [e.details["county_code"] for e in clue.events if e.action is Action.TRANSFER]
        county = transfers[-1] if transfers else draft.county_code  # misrouted, sent on
        waiting = Action.RETURN_TO_CITY in actions and not transfers  # misrouted, at the city
        if draft.subject_credit_code:
            assert validate_credit_code(draft.subject_credit_code) == draft.subject_credit_code
            assert waiting or draft.subject_credit_code[2:8] == county
        if draft.reporter_phone:
            assert validate_phone(draft.reporter_phone) == draft.reporter_phone
        if draft.township_code is not None:
            assert units[draft.township_code].county_code == draft.county_code
        if draft.latitude is not None:
            assert draft.longitude is not None
            assert 34.0 <= draft.latitude <= 35.1 and 118.4 <= draft.longitude <= 119.8
        assert draft.address.startswith("连云港")
        assert clue.state.county_code == county
        assert clue.state.priority is draft.priority


def test_times_increase_stay_before_now_and_keep_office_hours(
    calendar: WorkCalendar, clues: list[DemoClue]
) -> None:
    earliest = NOW - timedelta(days=INTAKE_DAYS + 4)  # received up to a weekend before
    in_office = 0
    total = 0
    for clue in clues:
        received = clue.draft.received_at
        assert earliest <= received <= clue.events[0].at
        times = [e.at for e in clue.events]
        assert times == sorted(times) and len(set(times)) == len(times)
        assert times[-1] <= NOW
        for moment in times:
            total += 1
            clock = moment.time()
            open_hours = any(s <= clock <= e for s, e in calendar.office_hours.periods)
            in_office += calendar.is_working_day(moment.date()) and open_hours
    assert in_office / total > 0.95
    received_months = Counter((c.draft.received_at.year, c.draft.received_at.month) for c in clues)
    assert len(received_months) >= 24


def test_everything_occurs(city: DemoCity, clues: list[DemoClue]) -> None:
    assert {c.draft.channel for c in clues} == set(Channel)
    assert {c.draft.category for c in clues} == set(Category)
    assert {c.draft.priority for c in clues} == set(Priority)
    assert {c.state.status for c in clues} - {Status.DUPLICATE} == DEMO_STATUSES
    assert {c.draft.county_code for c in clues} == {a.code for a in city.areas()}
    actions = Counter(e.action for c in clues for e in c.events)
    assert set(actions) == set(Action)
    assert any(c.state.extension_requested_days for c in clues)  # pending extension requests
    leads = {city.unit(c.state.lead_unit) for c in clues if c.state.lead_unit}
    assert {u.kind for u in leads} >= {UnitKind.TOWNSHIP, UnitKind.STREET, UnitKind.DEPARTMENT}
    assert any(u.county_code is None for u in leads)  # a city department leads sometimes
    assert {len(c.state.assisting_units) for c in clues} == {0, 1, 2}
    assert any(c.draft.reporter_name and c.draft.reporter_phone for c in clues)
    assert any(not c.draft.reporter_name for c in clues if c.draft.channel is Channel.HOTLINE_12345)
    assert all(
        not c.draft.reporter_name
        for c in clues
        if c.draft.channel in (Channel.DAILY_INSPECTION, Channel.ONLINE_MONITORING)
    )


def test_channel_category_and_status_mix(clues: list[DemoClue]) -> None:
    channels = Counter(c.draft.channel for c in clues)
    assert channels.most_common(1)[0][0] is Channel.HOTLINE_12345
    assert channels[Channel.DAILY_INSPECTION] > channels[Channel.MEDIA_EXPOSURE]
    categories = Counter(c.draft.category for c in clues)
    assert {c for c, _ in categories.most_common(2)} == {Category.AIR, Category.WATER}
    priorities = Counter(c.draft.priority for c in clues)
    assert priorities[Priority.NORMAL] > priorities[Priority.URGENT] > priorities[Priority.CRITICAL]
    statuses = Counter(c.state.status for c in clues)
    assert 0.93 < statuses[Status.CLOSED] / COUNT < 0.99
    assert 0.005 < statuses[Status.REFUSED] / COUNT < 0.03
    for status in (Status.CLOSED, Status.REFUSED, Status.DUPLICATE):
        del statuses[status]
    assert statuses.most_common(1)[0][0] is Status.HANDLING
    for clue in clues:
        done = clue.state.status in DONE_STATUSES or clue.state.status is Status.DUPLICATE
        assert (clue.state.deadline is None) == done


def test_open_clues_spread_over_the_warning_levels(
    calendar: WorkCalendar, clues: list[DemoClue]
) -> None:
    thresholds = Rules().warnings
    levels = Counter(
        warning_level(c.state.deadline, NOW, calendar, thresholds)
        for c in clues
        if c.state.status in OPEN_STATUSES
    )
    open_count = sum(levels.values())
    assert levels[0] / open_count > 0.55
    assert levels[1] / open_count > 0.1
    assert levels[2] and levels[3]
    assert levels[3] < levels[2] < levels[1] < levels[0]


def test_texts_vary(clues: list[DemoClue]) -> None:
    descriptions = {c.draft.description for c in clues}
    assert len(descriptions) >= 0.8 * COUNT
    reports = [e.note for c in clues for e in c.events if e.action is Action.REPORT]
    assert len(set(reports)) >= 0.3 * len(reports)
    subjects = [c.draft.subject_name for c in clues if c.draft.subject_name]
    assert len(set(subjects)) >= 0.8 * len(subjects)


def test_other_rules_and_a_weekday_now(city: DemoCity, calendar: WorkCalendar) -> None:
    limits = replace(TimeLimits(), handle_days={p: 5 for p in Priority}, review_days=3)
    rules = Rules(limits=limits)
    now = datetime(2026, 6, 17, 10, 45, tzinfo=CHINA_TZ)  # a Wednesday morning
    clues = list(generate_clues(city, 3000, seed=3, now=now, calendar=calendar, rules=rules))
    timelines: Timelines = {}
    for clue in clues:
        assert _replay(clue, city, calendar, rules, timelines) == clue.state
        assert clue.events[-1].at <= now
    levels = {
        warning_level(c.state.deadline, now, calendar, rules.warnings)
        for c in clues
        if c.state.status in OPEN_STATUSES
    }
    assert levels == {0, 1, 2, 3}


def test_a_naive_now_is_refused(city: DemoCity) -> None:
    with pytest.raises(ValueError):
        generate_clues(city, 1, now=datetime(2026, 11, 28, 10, 0))


def test_the_clock_agrees_with_the_calendar(calendar: WorkCalendar) -> None:
    clock = WorkClock(calendar, date(2025, 12, 1), date(2026, 3, 1))
    day = clock.day
    for position in (0, 1, 12599, 12600, 12601, day, day + 1, 5 * day + 777, 40 * day):
        moment = clock.instant(position)
        assert clock.position(moment) == position
        assert calendar.working_seconds_between(clock.epoch, moment) == position
    for index in (0, 3, 20, 40):
        closing = clock.closing(index)
        assert closing.time() == calendar.office_hours.closing
        assert calendar.is_working_day(closing.date())
        assert calendar.deadline_after(clock.instant(index * day + 100), 1) == clock.closing(
            index + 1
        )


def test_a_backlog_leaves_that_share_open(city: DemoCity, calendar: WorkCalendar) -> None:
    clues = list(generate_clues(city, 1200, seed=2, now=NOW, calendar=calendar, backlog=0.5))
    statuses = Counter(c.state.status for c in clues)
    still_open = sum(n for s, n in statuses.items() if s in OPEN_STATUSES)
    assert 0.4 <= still_open / len(clues) <= 0.6
    assert all(statuses[s] >= 5 for s in OPEN_STATUSES)
    timelines: Timelines = {}
    rules = Rules()
    for clue in clues:
        assert _replay(clue, city, calendar, rules, timelines) == clue.state
    assert list(generate_clues(city, 30, seed=2, now=NOW, calendar=calendar)) != clues[:30]
    with pytest.raises(ValueError):
        generate_clues(city, 1, now=NOW, backlog=1.5)


def test_demo_notices_state_findings_and_the_directorys_remedies(
    city: DemoCity, clues: list[DemoClue]
) -> None:
    issued = [n.state for c in clues for n in c.notices if n.state.number]
    assert len(issued) >= 5
    for clue in clues:
        for notice in clue.notices:
            content, unit = notice.state.content, city.unit(notice.state.unit_code)
            assert clue.draft.description not in content.facts  # findings, not the complaint
            assert "发现：" in content.facts and not content.facts.endswith("发现：")
            assert content.authority == unit.legal_name
            assert (content.review_body, content.litigation_court) == (unit.review_body, unit.court)
            assert "开发区人民政府" not in content.review_body
            assert content.clause_ids, content.problem_kind
