"""The demo city's penalty cases: the shares a real county has (most concluded within their
deadline, some running at each milestone, a few overdue, 不予处罚 or 终止调查, a couple
extended), filed by units holding the power, every case played again through the rules to the
same state, and the platform seed and the demo store carrying the same cases, with the
platform's number counters past every number the demo used."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.demo.city import DemoCity, load_city
from desktop.demo.generator import DemoClue, generate_clues
from desktop.demo.penalties import DemoCase
from desktop.domain.calendar import default_calendar
from desktop.domain.cases import (
    CaseAction,
    CaseOutcome,
    CaseStatus,
    apply_case_action,
    case_counts,
    case_deadline,
    case_warning_level,
)
from desktop.domain.notice_content import NoticeStatus
from desktop.domain.notice_numbers import CASE_SERIES, DECISION_SERIES, parse_number
from desktop.domain.rules import Rules

COUNT = 3000
CALENDAR = default_calendar()
RULES = Rules()


@pytest.fixture(scope="module")
def city() -> DemoCity:
    return load_city()


@pytest.fixture(scope="module")
def clues(city: DemoCity, now: datetime) -> list[DemoClue]:
    return list(generate_clues(city, COUNT, seed=7, now=now))


@pytest.fixture(scope="module")
def cases(clues: list[DemoClue]) -> list[DemoCase]:
    return [case for clue in clues for case in clue.cases]


def test_about_one_clue_in_thirty_has_a_case(cases: list[DemoCase]) -> None:
    assert 0.02 * COUNT <= len(cases) <= 0.06 * COUNT  # 3,300 of 97,876 on the source platform


def test_most_cases_are_concluded_within_their_deadline(
    cases: list[DemoCase], now: datetime
) -> None:
    counts = case_counts([c.state for c in cases], date(2020, 1, 1), now.date())
    assert counts.filed == len(cases)
    assert counts.concluded >= 0.8 * counts.filed
    assert counts.concluded_in_time == counts.concluded
    outcomes = Counter(c.state.outcome for c in cases)
    assert outcomes[CaseOutcome.EXECUTED] >= 0.7 * len(cases)  # 执行完毕
    assert outcomes[CaseOutcome.NO_PENALTY] + outcomes[CaseOutcome.TERMINATED] >= 1
    extended = [c.state for c in cases if c.state.extensions]
    assert extended and all(s.decision is not None for s in extended)
    assert all(s.extensions[0].days == 30 for s in extended)


def test_some_cases_run_at_each_milestone_and_a_few_are_overdue(
    cases: list[DemoCase], now: datetime
) -> None:
    statuses = Counter(c.state.status for c in cases)
    for status in (
        CaseStatus.INVESTIGATING,
        CaseStatus.NOTIFIED,
        CaseStatus.DECIDED,
        CaseStatus.SERVED,
    ):
        assert statuses[status] >= 1, status
    running = sum(n for s, n in statuses.items() if s is not CaseStatus.CLOSED)
    assert running <= 0.2 * len(cases)
    levels = Counter(case_warning_level(c.state, now, CALENDAR, RULES) for c in cases)
    assert 1 <= levels[3] <= max(2, 0.03 * len(cases))
    for case in cases:
        if case_warning_level(case.state, now, CALENDAR, RULES) == 3:
            assert case.state.decision is None and case.state.deadline < now


def test_units_file_within_their_powers_and_parties_are_of_every_kind(
    cases: list[DemoCase], city: DemoCity
) -> None:
    units = {c.state.unit_code: city.unit(c.state.unit_code) for c in cases}
    filers = Counter(units[c.state.unit_code].name for c in cases)
    bureaus = sum(n for name, n in filers.items() if "生态环境" in name)
    assert bureaus >= 0.6 * len(cases)
    others = {name for name in filers if "生态环境" not in name}
    assert any("住房和城乡建设" in name or "城市管理" in name for name in others)
    for case in cases:
        unit = units[case.state.unit_code]
        assert RULES.powers.may_file_case(unit, case.state.law), (unit.name, case.state.law)
    kinds = Counter(c.state.party.party_type.value for c in cases)
    assert kinds["organisation"] and kinds["sole_trader"] and kinds["individual"]
    restaurants = [c for c in cases if "油烟" in c.state.cause]
    assert restaurants and all(c.state.party.party_type.value == "sole_trader" for c in restaurants)
    officers = [o for c in cases for o in c.state.officers]
    assert all(len(c.state.officers) >= 2 for c in cases)
    assert all(len(o.certificate) == 11 and o.certificate.isdigit() for o in officers)


def test_fines_lie_within_the_articles_ranges(cases: list[DemoCase]) -> None:
    ranges = {
        "dqfz-108": (20000, 200000),
        "dqfz-99": (100000, 1000000),
        "dqfz-115": (10000, 100000),
        "dqfz-118": (5000, 50000),
        "szfz-83": (100000, 1000000),
        "zsfz-75": (20000, 200000),
        "zsfz-77": (10000, 100000),
    }
    decided = [c.state.decision for c in cases if c.state.decision is not None]
    assert decided
    for decision in decided:
        low, high = ranges[decision.basis_clause_ids[0]]
        assert low <= decision.fine_total <= high, decision


def test_numbers_are_each_units_series_without_gaps_or_repeats(cases: list[DemoCase]) -> None:
    seen: dict[tuple[str, str, int], list[int]] = {}
    for case in cases:
        state = case.state
        parsed = parse_number(state.number)
        assert parsed is not None and parsed[1:] == (state.number_year, state.number_seq)
        seen.setdefault((CASE_SERIES, state.unit_code, parsed[1]), []).append(parsed[2])
        if state.decision is not None:
            decision = state.decision
            key = (DECISION_SERIES, state.unit_code, decision.number_year)
            seen.setdefault(key, []).append(decision.number_seq)
    assert len({c.state.number for c in cases}) == len(cases)
    for key, numbers in seen.items():
        assert len(set(numbers)) == len(numbers), key
        if key[0] == DECISION_SERIES:
            assert sorted(numbers) == list(range(1, len(numbers) + 1)), key


def test_every_case_plays_again_through_the_rules(
    clues: list[DemoClue], city: DemoCity, now: datetime
) -> None:
    units = city.directory()
    linked = 0
    for clue in clues:
        for case in clue.cases:
            assert case.clue is not None and len(case.payloads) == len(case.events)
            state = None
            for event, (payload, number) in zip(case.events, case.payloads, strict=True):
                assert event.at <= now
                outcome = apply_case_action(
                    event.action,
                    city.actor(event.username),
                    state,
                    payload,
                    event.at,
                    CALENDAR,
                    RULES,
                    units,
                    clue=case.clue,
                    notices=case.notices,
                    number=number,
                )
                assert outcome.from_status == event.from_status
                assert outcome.state.status is event.to_status
                state = outcome.state
            assert state == case.state
            assert case.state.deadline == case_deadline(
                case.state.filed_on, case.state.extensions, CALENDAR, RULES
            )
            if case.state.notice_ids:  # filed on a notice found 逾期未整改
                linked += 1
                [notice] = [n for n in clue.notices if n.state.notice_id in case.state.notice_ids]
                assert [n.status for n in case.notices] == [NoticeStatus.NOT_RECTIFIED]
                assert notice.state.case_number == case.state.number
                if case.state.status is CaseStatus.CLOSED:
                    assert notice.state.status is NoticeStatus.CASE_CLOSED
                    assert notice.state.case_closed_at == case.state.closed_on
    assert linked >= 1


def test_filing_takes_the_first_step_and_steps_follow_in_order(cases: list[DemoCase]) -> None:
    for case in cases:
        actions = [e.action for e in case.events]
        assert actions[0] is CaseAction.FILE and CaseAction.FILE not in actions[1:]
        days = [m.on for m in case.state.milestones]
        assert days == sorted(days)


def test_seed_and_store_carry_the_same_cases(tmp_path: Path, now: datetime) -> None:
    from sqlalchemy import create_engine

    from cityplatform.db import normalize_url
    from cityplatform.models import Case as PlatformCase
    from cityplatform.models import CaseEvent as PlatformCaseEvent
    from cityplatform.models import Counter as PlatformCounter
    from cityplatform.models import NumberBlock as PlatformBlock
    from cityplatform.numbers import number_counter
    from cityplatform.security import FAST_HASHER
    from cityplatform.seed import seed_demo
    from desktop.store.cases import case_history, cases_of_clue
    from desktop.store.database import open_store
    from desktop.store.demo_load import load_demo

    count = 900
    url = f"sqlite:///{tmp_path / 'platform.sqlite3'}"
    seed_demo(url, count, seed=11, now=now, hasher=FAST_HASHER)
    store = open_store(tmp_path / "store")
    try:
        load_demo(store, count, seed=11, now=now)
        engine = create_engine(normalize_url(url))
        with engine.connect() as connection:
            rows = connection.execute(
                select(PlatformCase.case_id, PlatformCase.state, PlatformCase.decision_number)
            ).all()
            events = Counter(connection.execute(select(PlatformCaseEvent.case_id)).scalars().all())
            counters = dict(
                connection.execute(select(PlatformCounter.name, PlatformCounter.value)).all()
            )
            blocks = connection.execute(
                select(
                    PlatformBlock.series,
                    PlatformBlock.unit_code,
                    PlatformBlock.year,
                    PlatformBlock.first,
                    PlatformBlock.last,
                )
            ).all()
        engine.dispose()
        assert rows
        platform = {case_id: state for case_id, state, _ in rows}
        local = {}
        with store.engine.connect() as connection:
            codes = (
                connection.exec_driver_sql(
                    "SELECT DISTINCT clues.code FROM cases JOIN clues ON clues.id = cases.clue_id"
                )
                .scalars()
                .all()
            )
        for code in codes:
            for state in cases_of_clue(store, code):
                local[state.case_id] = state.to_dict()
                assert len(case_history(store, state.case_id)) == events[state.case_id]
        assert local == platform
        used: dict[tuple[str, str, int], int] = {}
        for state in platform.values():
            unit = state["unit_code"]
            key = (CASE_SERIES, unit, state["number_year"])
            used[key] = max(used.get(key, 0), state["number_seq"])
            if state["decision"]:
                decision = state["decision"]
                key = (DECISION_SERIES, unit, decision["number_year"])
                used[key] = max(used.get(key, 0), decision["number_seq"])
        for (series, unit, year), last in used.items():
            # a new filing's block starts after every number the demo used
            assert counters[number_counter(series, unit, year)] >= last
            assert (series, unit, year, 1, counters[number_counter(series, unit, year)]) in blocks
    finally:
        store.close()
