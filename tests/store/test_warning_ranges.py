"""The queue's warning filter (ranges of the indexed deadline, boundaries computed once by the
work calendar) gives exactly the clues the domain's per-clue rule gives, at many moments:
on each boundary and a second either side of it, and across the National Day holiday."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.calendar import default_calendar
from desktop.domain.codes import OPEN_STATUSES, Status, UnitKind
from desktop.domain.deadlines import warning_bounds, warning_level
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.units import UnitInfo
from desktop.store.clue_rows import load_calendar, load_rules
from desktop.store.database import DB_FILE, Store, open_store
from desktop.store.models import Clue
from desktop.store.queues import (
    Queue,
    QueueFilter,
    SortKey,
    Viewer,
    count,
    query_ids,
    warning_ranges,
)

CITY = Viewer(UnitInfo("320700", "全市", UnitKind.CITY_OFFICE, None, None))
MOMENTS = [
    datetime(2026, 9, 30, 16, 30, tzinfo=CHINA_TZ),  # the last working hour before the holiday
    datetime(2026, 10, 4, 11, 0, tzinfo=CHINA_TZ),  # in the middle of the holiday
    datetime(2026, 10, 8, 9, 0, tzinfo=CHINA_TZ),  # the first working morning after it
    datetime(2026, 10, 9, 14, 0, tzinfo=CHINA_TZ),
    datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ),
]
LEVEL_SETS = [
    frozenset({3}),
    frozenset({2}),
    frozenset({1}),
    frozenset({0}),
    frozenset({1, 2, 3}),
    frozenset({2, 3}),
    frozenset({1, 3}),
    frozenset({0, 3}),
    frozenset({0, 1}),
]
SECOND = timedelta(seconds=1)


@pytest.fixture
def store(demo_store_dir: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of the demo store whose open clues have deadlines on every boundary of every
    moment, a second before and a second after it."""
    shutil.copyfile(demo_store_dir / DB_FILE, tmp_path / DB_FILE)
    opened = open_store(tmp_path)
    with opened.session() as session:
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
        deadlines: list[datetime] = []
        for moment in MOMENTS:
            bounds = warning_bounds(moment, calendar, rules.warnings)
            for edge in (bounds.level3_before, bounds.now, bounds.level1_until):
                deadlines += [edge - SECOND, edge, edge + SECOND]
        open_clues = session.scalars(
            select(Clue).where(Clue.status == "handling").order_by(Clue.id).limit(len(deadlines))
        ).all()
        assert len(open_clues) == len(deadlines)
        for clue, deadline in zip(open_clues, deadlines, strict=True):
            clue.deadline = deadline
        session.commit()
    yield opened
    opened.close()


def per_clue(store: Store, moment: datetime, levels: frozenset[int], queue: Queue) -> list[int]:
    """The clues of the city's queue at one of `levels` by the domain's rule, deadline order."""
    with store.session() as session:
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
        rows = session.execute(select(Clue.id, Clue.deadline, Clue.status)).all()
    far = datetime.max.replace(tzinfo=CHINA_TZ)
    found = [
        (deadline or far, clue_id)
        for clue_id, deadline, status in rows
        if warning_level(deadline, moment, calendar, rules.warnings) in levels
        and (queue is Queue.ALL or Status(status) in OPEN_STATUSES)
    ]
    return [clue_id for _, clue_id in sorted(found)]


def test_the_warning_filter_is_the_domain_rule_at_every_moment(store: Store) -> None:
    with store.session() as session:
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
    checked = 0
    for base in MOMENTS:
        bounds_then = warning_bounds(base, calendar, rules.warnings)
        moments = [base]
        for edge in (bounds_then.level3_before, bounds_then.level1_until):
            moments += [edge - SECOND, edge, edge + SECOND]  # other moments' boundaries too
        for moment in moments:
            bounds = warning_bounds(moment, calendar, rules.warnings)
            for levels in LEVEL_SETS:
                flt = QueueFilter(warning_levels=levels)
                with store.session() as session:
                    got = query_ids(session, CITY, flt, bounds, sort=SortKey.WARNING)
                    total = count(session, CITY, flt, bounds)
                expected = per_clue(store, moment, levels, Queue.ALL)
                assert got == expected, (moment, sorted(levels))
                assert total == len(expected)
                checked += 1
    assert checked == len(MOMENTS) * 7 * len(LEVEL_SETS)


def test_the_boundaries_fall_between_the_crafted_deadlines(store: Store) -> None:
    """The crafted deadlines really sit on both sides of each boundary (else the test above
    would prove little): at each moment every level holds some of them."""
    with store.session() as session:
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
    for moment in MOMENTS:
        for level in (1, 2, 3):
            assert per_clue(store, moment, frozenset({level}), Queue.ALL), (moment, level)
        bounds = warning_bounds(moment, calendar, rules.warnings)
        assert bounds.level3_before < bounds.now <= bounds.level1_until


def test_the_warning_queue_is_the_domain_rule_across_the_holiday(store: Store) -> None:
    with store.session() as session:
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
    for moment in MOMENTS[:4]:
        bounds = warning_bounds(moment, calendar, rules.warnings)
        with store.session() as session:
            got = query_ids(session, CITY, QueueFilter(queue=Queue.WARNINGS), bounds)
        assert got == per_clue(store, moment, frozenset({1, 2, 3}), Queue.WARNINGS)


def test_adjacent_levels_merge_into_one_range() -> None:
    now = datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ)
    bounds = warning_bounds(now, default_calendar(), Rules().warnings)
    assert warning_ranges(frozenset({1, 2, 3}), bounds) == [
        (None, False, bounds.level1_until, True)
    ]
    assert warning_ranges(frozenset({0, 1}), bounds) == [(bounds.now, True, None, False)]
    assert len(warning_ranges(frozenset({1, 3}), bounds)) == 2
