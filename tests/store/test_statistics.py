"""The statistics of the demo store, checked against an independent computation.

The independent side reads the store's tables with plain SQL and counts in plain Python: the
clues' rows, each clue's events walked in order with the deadline in force before each event
from the history's replay (`desktop.store.assessment.clue_histories`, never the warning record
the SQL side reads), the warning record's rows, the notices' and the cases' rows.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import text

from desktop.domain.assessment import Period
from desktop.domain.statistics import (
    COUNT_KEYS,
    FIGURES,
    Family,
    Grouping,
    figure,
    week_key,
)
from desktop.domain.timeutil import CHINA_TZ
from desktop.store.assessment import clue_histories
from desktop.store.statistics import StoreStatistics, compute_statistics, figure_codes
from tests.conftest import NOW

AUTUMN = Period(date(2026, 9, 1), date(2026, 11, 27))
MID_MONTH = Period(date(2026, 10, 9), date(2026, 11, 18))
WHOLE = Period(date(2024, 1, 1), date(2026, 11, 27))
PERIODS = [AUTUMN, MID_MONTH, WHOLE]
PERIOD_IDS = ["autumn", "mid-month", "whole-history"]

DIMENSIONS = ("unit", "channel", "category", "county", "township")
GROUPINGS = [*(Grouping(d) for d in DIMENSIONS), Grouping.WEEK, Grouping.MONTH]


def _china(value: Any) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=CHINA_TZ)


@dataclass(frozen=True)
class Counted:
    """One thing a figure counts: its item (clue code, notice or case id), the clue, the day
    that puts it in a period, and the group keys it falls in."""

    key: str
    item: str
    code: str
    day: date
    groups: dict[str, str]


def _rows(store: Any, sql: str) -> list[Any]:
    with store.session() as session:
        return list(session.execute(text(sql)))


def _clue_dims(store: Any) -> dict[str, dict[str, str]]:
    """channel, category, county and township of every clue, by code."""
    found = {}
    for row in _rows(
        store, "SELECT code, channel, category, county_code, township_code FROM clues"
    ):
        found[row.code] = {
            "channel": row.channel,
            "category": row.category,
            "county": row.county_code,
            "township": row.township_code or "",
        }
    return found


def _from_clues(store: Any, dims: dict[str, dict[str, str]]) -> Iterator[Counted]:
    sql = (
        "SELECT code, received_at, status, closed_at, lead_unit, owner_unit, county_code, "
        "finding FROM clues"
    )
    for row in _rows(store, sql):
        unit = row.lead_unit or row.owner_unit or row.county_code
        groups = {**dims[row.code], "unit": unit}
        day = _china(row.received_at).date()
        keys = ["received"]
        if row.status == "refused":
            keys.append("refused")
        closed = row.status == "closed" and _china(row.closed_at) <= NOW
        if closed:
            keys.append("closed")
            keys.append(f"finding_{row.finding}")
        for key in keys:
            yield Counted(key, row.code, row.code, day, groups)


_VERDICTS = {
    "satisfied": ["satisfied", "content", "verdicts"],
    "basically": ["basically_satisfied", "content", "verdicts"],
    "unsatisfied": ["unsatisfied", "verdicts"],
    "unreached": ["unreached"],
}
_STAGE_OF_ACTION = {"dispatch": "dispatch", "sign": "sign", "signoff_approve": "handle"}


def _from_events(store: Any, dims: dict[str, dict[str, str]]) -> Iterator[Counted]:
    histories = {h.code: h.steps for h in clue_histories(store)}
    events: dict[str, list[Any]] = defaultdict(list)
    sql = (
        "SELECT c.code, e.action, e.at, e.unit_code, e.from_status, e.to_status, e.details "
        "FROM clue_events e JOIN clues c ON c.id = e.clue_id ORDER BY e.at, e.id"
    )
    for row in _rows(store, sql):
        events[row.code].append(row)
    for code, rows in events.items():
        steps = histories[code]
        assert len(steps) == len(rows), code
        last_handover: str | None = None
        for index, row in enumerate(rows):
            at = _china(row.at)
            before = steps[index - 1][1] if index else None
            stage = _STAGE_OF_ACTION.get(row.action)
            if row.action == "report" and row.to_status == "reviewing":
                stage = "handle"
            if row.action in ("approve", "reject") and row.from_status == "reviewing":
                stage = "review"
            judged = last_handover or row.unit_code  # whose result a rejection or callback met
            if stage == "handle":
                last_handover = row.unit_code
            keys = []
            if stage is not None:
                keys.append(f"{stage}_done")
                assert before is not None and before.deadline is not None, (code, row.action)
                if at > before.deadline:
                    keys.append(f"{stage}_late")
            if row.action == "return":
                keys.append("returned")
            judgements = []
            if row.action == "reject":
                judgements.append("rejected")
            if row.action == "callback":
                verdict = json.loads(row.details)["callback"]
                judgements += ["callbacks", *_VERDICTS[verdict]]
            for key in keys:
                yield Counted(key, code, code, at.date(), {**dims[code], "unit": row.unit_code})
            for key in judgements:
                yield Counted(key, code, code, at.date(), {**dims[code], "unit": judged})


def _from_warnings(store: Any, dims: dict[str, dict[str, str]]) -> Iterator[Counted]:
    sql = (
        "SELECT c.code, w.level, w.reached_at, w.unit_code FROM warning_episodes w "
        "JOIN clues c ON c.id = w.clue_id"
    )
    for row in _rows(store, sql):
        day = _china(row.reached_at).date()
        groups = {**dims[row.code], "unit": row.unit_code}
        yield Counted(f"warning_level{row.level}", row.code, row.code, day, groups)


def _from_notices(store: Any, dims: dict[str, dict[str, str]]) -> Iterator[Counted]:
    sql = (
        "SELECT c.code, n.notice_id, n.status, n.issued_at, n.unit_code FROM notices n "
        "JOIN clues c ON c.id = n.clue_id"
    )
    for row in _rows(store, sql):
        if row.status == "draft" or row.issued_at is None:
            continue
        keys = ["notices_issued"]
        if row.status == "rectified":
            keys += ["notices_rectified", "notices_reinspected"]
        if row.status in ("not_rectified", "case_filed", "case_closed"):
            keys += ["notices_overdue", "notices_reinspected"]
        groups = {**dims[row.code], "unit": row.unit_code}
        day = _china(row.issued_at).date()
        for key in keys:
            yield Counted(key, row.notice_id, row.code, day, groups)


def _from_cases(store: Any, dims: dict[str, dict[str, str]]) -> Iterator[Counted]:
    sql = (
        "SELECT c.code, k.case_id, k.status, k.filed_on, k.unit_code FROM cases k "
        "JOIN clues c ON c.id = k.clue_id"
    )
    for row in _rows(store, sql):
        keys = ["cases_filed"] + (["cases_closed"] if row.status == "closed" else [])
        groups = {**dims[row.code], "unit": row.unit_code}
        day = date.fromisoformat(str(row.filed_on)[:10])
        for key in keys:
            yield Counted(key, row.case_id, row.code, day, groups)


@pytest.fixture(scope="module")
def counted(demo_store_dir: Any) -> list[Counted]:
    """Everything the figures count in the demo store, the independent way."""
    from desktop.store.database import open_store

    store = open_store(demo_store_dir)
    try:
        dims = _clue_dims(store)
        found: list[Counted] = []
        for source in (_from_clues, _from_events, _from_warnings, _from_notices, _from_cases):
            found.extend(source(store, dims))
        return found
    finally:
        store.close()


Key = Callable[[Counted], str]


def _group_of(by: Grouping | None) -> Key:
    if by is None:
        return lambda c: ""
    if by is Grouping.WEEK:
        return lambda c: week_key(c.day)
    if by is Grouping.MONTH:
        return lambda c: f"{c.day.year}-{c.day.month:02d}"
    return lambda c: c.groups[by.value]


def _expected(
    counted: list[Counted], period: Period, by: Grouping | None
) -> dict[str, dict[str, tuple[set[str], set[str]]]]:
    """(items, clue codes) of every count, by group key."""
    group_of = _group_of(by)
    found: dict[str, dict[str, tuple[set[str], set[str]]]] = defaultdict(
        lambda: defaultdict(lambda: (set(), set()))
    )
    for c in counted:
        if period.start <= c.day <= period.end:
            items, codes = found[group_of(c)][c.key]
            items.add(c.item)
            codes.add(c.code)
    for groups in found.values():
        _derive(groups)
    return found


def _derive(groups: dict[str, tuple[set[str], set[str]]]) -> None:
    def get(key: str) -> tuple[set[str], set[str]]:
        return groups.get(key, (set(), set()))

    received, refused = get("received")[0], get("refused")[0]
    groups["accepted"] = (received - refused, received - refused)
    for stage in ("dispatch", "sign", "handle", "review"):
        on_time = get(f"{stage}_done")[0] - get(f"{stage}_late")[0]
        groups[f"{stage}_on_time"] = (on_time, on_time)


def _count(expected: dict[str, tuple[set[str], set[str]]], key: str) -> int:
    return len(expected.get(key, (set(), set()))[0])


def _check_figures(found: Any, expected: dict[str, tuple[set[str], set[str]]], where: str) -> None:
    for fig in FIGURES:
        if fig.is_rate:
            below = _count(expected, fig.denominator or "")
            rate = _count(expected, fig.numerator) / below if below else None
            assert found.value(fig.key) == pytest.approx(rate), (where, fig.key)
        else:
            assert found.value(fig.key) == _count(expected, fig.key), (where, fig.key)


@pytest.fixture(scope="module")
def statistics(demo_store_dir: Any) -> dict[tuple[Period, Grouping | None], StoreStatistics]:
    from desktop.store.database import open_store

    store = open_store(demo_store_dir)
    try:
        return {
            (period, by): compute_statistics(store, period, NOW, by=by)
            for period in PERIODS
            for by in [None, *GROUPINGS]
        }
    finally:
        store.close()


@pytest.mark.parametrize("period", PERIODS, ids=PERIOD_IDS)
def test_totals_agree_with_an_independent_computation(
    statistics: dict[Any, StoreStatistics], counted: list[Counted], period: Period
) -> None:
    found = statistics[(period, None)]
    expected = _expected(counted, period, None)[""]
    _check_figures(found.totals, expected, "totals")
    assert found.period == period and found.now == NOW and found.groups == ()


@pytest.mark.parametrize("by", GROUPINGS, ids=[g.value for g in GROUPINGS])
@pytest.mark.parametrize("period", PERIODS, ids=PERIOD_IDS)
def test_every_grouping_agrees_with_an_independent_computation(
    statistics: dict[Any, StoreStatistics], counted: list[Counted], period: Period, by: Grouping
) -> None:
    found = statistics[(period, by)]
    expected = _expected(counted, period, by)
    keys = {g.key for g in found.groups}
    if by in (Grouping.WEEK, Grouping.MONTH):
        assert set(expected) <= keys  # every week or month is listed, empty ones too
    else:
        assert keys == set(expected)
    for group in found.groups:
        _check_figures(group.figures, expected.get(group.key, {}), f"{by}={group.key}")
        assert group.label


@pytest.mark.parametrize("period", PERIODS, ids=PERIOD_IDS)
def test_the_trend_is_the_week_or_month_grouping(
    statistics: dict[Any, StoreStatistics], period: Period
) -> None:
    found = statistics[(period, None)]
    by = Grouping.WEEK if period is not WHOLE else Grouping.MONTH
    assert found.trend_by is by
    assert found.trend == statistics[(period, by)].groups
    keys = [g.key for g in found.trend]
    assert keys == sorted(keys) and len(keys) == len(set(keys))


def test_the_demo_gives_every_figure_something_to_count(
    statistics: dict[Any, StoreStatistics],
) -> None:
    totals = statistics[(WHOLE, None)].totals
    for key in COUNT_KEYS:
        assert totals.counts[key] > 0, key
    for fig in FIGURES:
        if fig.is_rate:
            assert 0 < totals.value(fig.key) <= 1, fig.key  # type: ignore[operator]


def test_units_are_listed_worst_closure_rate_first(
    statistics: dict[Any, StoreStatistics],
) -> None:
    groups = statistics[(AUTUMN, Grouping.UNIT)].groups
    rates = [g.figures.value("closure_rate") for g in groups]
    known = [r for r in rates if r is not None]
    assert known == sorted(known)
    assert rates[: len(known)] == known  # units with nothing to close come last
    assert len({r for r in known}) > 3
    assert all(g.label != g.key for g in groups if g.key.isdigit())  # names, not codes


def test_figure_codes_are_the_clues_behind_every_count(
    demo_store: Any, counted: list[Counted]
) -> None:
    expected = _expected(counted, MID_MONTH, None)[""]
    for fig in FIGURES:
        codes = figure_codes(demo_store, MID_MONTH, NOW, fig.key)
        mine = expected.get(fig.numerator, (set(), set()))
        clue_codes = mine[1] if fig.family in (Family.NOTICES, Family.CASES) else mine[0]
        assert codes == tuple(sorted(clue_codes)), fig.key
        if fig.family not in (Family.NOTICES, Family.CASES):
            assert len(codes) == _count(expected, fig.numerator), fig.key


@pytest.mark.parametrize("by", GROUPINGS, ids=[g.value for g in GROUPINGS])
def test_figure_codes_of_a_group_click_through(
    demo_store: Any,
    statistics: dict[Any, StoreStatistics],
    counted: list[Counted],
    by: Grouping,
) -> None:
    found = statistics[(AUTUMN, by)]
    expected = _expected(counted, AUTUMN, by)
    busy = [g for g in found.groups if g.figures.counts["received"]][:3]
    assert busy
    for group in busy:
        for key in ("received", "closure_rate", "sign_on_time", "handle_late", "warning_level3"):
            codes = figure_codes(demo_store, AUTUMN, NOW, key, by=by, group=group.key)
            numerator = figure(key).numerator
            assert codes == tuple(sorted(expected[group.key].get(numerator, ((), ()))[0]))
            assert len(codes) == group.figures.counts[numerator]


def test_unit_codes_narrow_the_scope_to_units(
    demo_store: Any, statistics: dict[Any, StoreStatistics]
) -> None:
    by_unit = statistics[(AUTUMN, Grouping.UNIT)].groups
    chosen = [g for g in by_unit if g.figures.counts["received"]][:2]
    units = {g.key for g in chosen}
    narrowed = compute_statistics(demo_store, AUTUMN, NOW, by=Grouping.UNIT, unit_codes=units)
    assert {g.key for g in narrowed.groups} == units
    for group in narrowed.groups:
        theirs = next(g for g in chosen if g.key == group.key)
        assert group.figures == theirs.figures
    assert narrowed.totals.counts["received"] == sum(g.figures.counts["received"] for g in chosen)
    codes = figure_codes(demo_store, AUTUMN, NOW, "received", unit_codes=units)
    assert len(codes) == narrowed.totals.counts["received"]
    nothing = compute_statistics(demo_store, AUTUMN, NOW, unit_codes=())
    assert all(v == 0 for v in nothing.totals.counts.values())


def test_the_store_says_when_its_data_stands(statistics: dict[Any, StoreStatistics]) -> None:
    found = statistics[(AUTUMN, None)]
    assert found.synced_at == NOW  # a demo store: the moment its data was generated at
    assert found.pending_actions == 0
