"""The queue's queries read indexes: no filter of the filter bar and no sortable column makes
SQLite scan the whole clue table and sort it (a plan check on the 3,000-clue demo store)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import CursorResult, event

from desktop.domain.codes import UnitKind
from desktop.domain.deadlines import WarningBounds, warning_bounds
from desktop.domain.units import UnitInfo
from desktop.store.clue_rows import load_calendar, load_directory, load_rules
from desktop.store.database import Store
from desktop.store.queues import (
    Queue,
    QueueFilter,
    SortKey,
    Viewer,
    count,
    page_statement,
    position,
    query_page,
)

CITY = UnitInfo("320700", "全市", UnitKind.CITY_OFFICE, None, None)


def filter_bar_cases(county: str, township: str) -> dict[str, QueueFilter]:
    """One filter per control of the filter bar, and the navigation's warning queue."""
    return {
        "none": QueueFilter(),
        "text": QueueFilter(text="化工"),
        "one character": QueueFilter(text="噪"),
        "channel": QueueFilter(channels=frozenset({"hotline_12345"})),
        "two channels": QueueFilter(channels=frozenset({"hotline_12345", "petition"})),
        "category": QueueFilter(categories=frozenset({"water"})),
        "priority": QueueFilter(priorities=frozenset({"urgent"})),
        "county": QueueFilter(county_code=county),
        "township": QueueFilter(county_code=county, township_code=township),
        "level 3": QueueFilter(warning_levels=frozenset({3})),
        "levels 1 and 3": QueueFilter(warning_levels=frozenset({1, 3})),
        "level 0": QueueFilter(warning_levels=frozenset({0})),
        "received": QueueFilter(received_from=date(2026, 6, 1), received_to=date(2026, 6, 30)),
        "warnings queue": QueueFilter(queue=Queue.WARNINGS),
        "handling queue": QueueFilter(queue=Queue.HANDLING),
    }


COUNTED_FROM_AN_INDEX = frozenset(
    {"none", "channel", "category", "priority", "county", "township", "received"}
)
"""Filters whose count (the footer's 共 N 条) comes from an index alone, no clue row read.
(A warning level's count reads its range of the deadline index and the rows in it only:
SQLite does not take an index on an expression as covering it.)"""


def plan_of(store: Store, sql: str, params: Any) -> list[str]:
    """SQLite's plan of a statement, one step a line."""
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return [str(row[-1]) for row in rows]


def full_scan_and_sort(plan: list[str]) -> bool:
    """Whether a plan reads every clue row (no index) and sorts them in a temporary b-tree."""
    scans = any(step.strip() == "SCAN clues" for step in plan)
    return scans and any("TEMP B-TREE FOR ORDER BY" in step for step in plan)


def ranges_the_deadline(plan: list[str]) -> bool:
    """Whether a plan reads a range of an index on the deadline key (the warning levels)."""
    return any(step.startswith("SEARCH clues USING") and "<expr>" in step for step in plan)


def full_scan(plan: list[str]) -> bool:
    """Whether a plan reads every clue row through no index at all."""
    return any(step.strip() == "SCAN clues" for step in plan)


@pytest.fixture(scope="module")
def viewers(demo_store_dir: Any, demo_city: Any) -> dict[str, Viewer]:
    from desktop.store.database import open_store

    store = open_store(demo_store_dir)
    with store.session() as session:
        units = load_directory(session)
    store.close()
    accounts = demo_city.demo_accounts()
    return {
        "city": Viewer(CITY),
        "county": Viewer(units[accounts["county"].unit_code]),
        "township": Viewer(units[accounts["township"].unit_code]),
    }


def bounds_of(store: Store, now: Any) -> WarningBounds:
    with store.session() as session:
        rules = load_rules(session)
        return warning_bounds(now, load_calendar(session, rules), rules.warnings)


def test_no_queue_query_scans_and_sorts_every_clue(
    demo_store: Store, viewers: dict[str, Viewer], now: Any
) -> None:
    bounds = bounds_of(demo_store, now)
    with demo_store.session() as session:
        county, township = session.execute(
            __import__("sqlalchemy").text(
                "SELECT county_code, township_code FROM clues WHERE township_code IS NOT NULL "
                "GROUP BY township_code ORDER BY count(*) DESC LIMIT 1"
            )
        ).one()
    statements: list[tuple[str, Any]] = []

    def capture(_c: Any, _cur: Any, sql: str, params: Any, *_: Any) -> None:
        statements.append((sql, params))

    checked = 0
    bad: list[str] = []
    event.listen(demo_store.engine, "before_cursor_execute", capture)
    try:
        for who, viewer in viewers.items():
            for name, flt in filter_bar_cases(county, township).items():
                for sort in SortKey:
                    for descending in (False, True):
                        statements.clear()
                        with demo_store.session() as session:
                            first = query_page(
                                session,
                                viewer,
                                flt,
                                bounds,
                                sort=sort,
                                descending=descending,
                                limit=20,
                            )
                            if first.next_cursor is not None:
                                query_page(
                                    session,
                                    viewer,
                                    flt,
                                    bounds,
                                    sort=sort,
                                    descending=descending,
                                    limit=20,
                                    after=first.next_cursor,
                                )
                                query_page(
                                    session,
                                    viewer,
                                    flt,
                                    bounds,
                                    sort=sort,
                                    descending=descending,
                                    limit=20,
                                    offset=40,
                                )
                            if flt.text:  # a text found in many: along the sort order
                                query_page(
                                    session,
                                    viewer,
                                    flt,
                                    bounds,
                                    sort=sort,
                                    descending=descending,
                                    limit=20,
                                    text_along_order=True,
                                )
                            count(session, viewer, flt, bounds)
                            if first.rows:
                                position(
                                    session,
                                    viewer,
                                    flt,
                                    bounds,
                                    first.rows[-1].id,
                                    sort=sort,
                                    descending=descending,
                                )
                        for number, (sql, params) in enumerate(list(statements)):
                            plan = plan_of(demo_store, sql, params)
                            checked += 1
                            what = f"{who}, {name}, {sort.value}, desc={descending}"
                            if full_scan_and_sort(plan):
                                bad.append(f"{what}: scans and sorts every clue: {plan}")
                            elif full_scan(plan):
                                bad.append(f"{what}: scans every clue: {plan}")
                            elif (
                                who == "city"
                                and name in COUNTED_FROM_AN_INDEX
                                and sql.lstrip().lower().startswith("select count(")
                                and not re.search(r"clues\.id [<>]", sql)  # not a position
                                and not any("COVERING INDEX" in step for step in plan)
                            ):
                                bad.append(f"{what}: counts reading the clue rows: {plan}")
                            elif (
                                number == 0  # the first page
                                and who == "city"
                                and flt.warning_levels
                                and sort is not SortKey.RECEIVED
                                and not ranges_the_deadline(plan)
                            ):
                                bad.append(f"{what}: no deadline range: {plan}")
    finally:
        event.remove(demo_store.engine, "before_cursor_execute", capture)
    assert checked > 500
    assert not bad, "\n".join(bad)


def test_the_plan_check_sees_a_scan_and_sort() -> None:
    assert full_scan_and_sort(["SCAN clues", "USE TEMP B-TREE FOR ORDER BY"])
    assert not full_scan_and_sort(["SCAN clues USING INDEX ix_clues_due"])
    assert not full_scan_and_sort(
        [
            "SEARCH clues USING INDEX ix_clues_received (received_at>? AND received_at<?)",
            "USE TEMP B-TREE FOR ORDER BY",
        ]
    )


@pytest.mark.parametrize("queue", [Queue.ALL, Queue.CLOSED, Queue.HANDLING])
@pytest.mark.parametrize("sort", list(SortKey))
def test_the_big_queues_read_their_first_page_in_index_order(
    demo_store: Store, viewers: dict[str, Viewer], now: Any, queue: Queue, sort: SortKey
) -> None:
    """The queues that hold most clues never sort them all for a page (no temporary b-tree):
    a page comes from walking an index in the order asked."""
    bounds = bounds_of(demo_store, now)
    statements: list[tuple[str, Any]] = []

    def capture(_c: Any, _cur: Any, sql: str, params: Any, *_: Any) -> None:
        statements.append((sql, params))

    for who in ("city", "county"):
        for descending in (False, True):
            event.listen(demo_store.engine, "before_cursor_execute", capture)
            try:
                with demo_store.session() as session:
                    query_page(
                        session,
                        viewers[who],
                        QueueFilter(queue=queue),
                        bounds,
                        sort=sort,
                        descending=descending,
                        limit=20,
                    )
            finally:
                event.remove(demo_store.engine, "before_cursor_execute", capture)
            plan = plan_of(demo_store, *statements[-1])
            if queue is Queue.CLOSED and sort is not SortKey.RECEIVED:
                continue  # closed clues have no deadline: SQLite sorts the ties by id itself
            assert not any("TEMP B-TREE" in step for step in plan), (who, descending, plan)


def test_a_page_statement_is_built_once_and_the_clock_counts_only_for_warning_levels(
    demo_store: Store, viewers: dict[str, Viewer], now: Any
) -> None:
    county = viewers["county"]
    earlier, later = bounds_of(demo_store, now), bounds_of(demo_store, now + timedelta(hours=30))
    assert earlier != later
    flt = QueueFilter(queue=Queue.TO_DISPATCH)
    first = page_statement(county, flt, earlier)
    assert page_statement(county, flt, later) is first  # the clock changes nothing here
    assert page_statement(county, flt, earlier, sort=SortKey.RECEIVED) is not first
    assert page_statement(viewers["city"], flt, earlier) is not first
    for timed in (QueueFilter(queue=Queue.WARNINGS), QueueFilter(warning_levels=frozenset({0}))):
        statement = page_statement(county, timed, earlier)
        assert page_statement(county, timed, earlier) is statement
        moved = page_statement(county, timed, later)
        assert moved is not statement
        assert str(moved.compile()) == str(statement.compile())  # the same SQL, other bounds
        assert moved.compile().params != statement.compile().params


@pytest.mark.parametrize("who", ["city", "county", "township"])
def test_queue_statements_run_without_the_orm_layer(
    demo_store: Store, viewers: dict[str, Viewer], now: Any, who: str
) -> None:
    """Written with the table's columns, a queue's statements skip the ORM's execution layer
    (which took half of a query's time in Python): their results are plain cursor results."""
    bounds = bounds_of(demo_store, now)
    filters = [
        QueueFilter(),
        QueueFilter(queue=Queue.WARNINGS, text="化工"),
        QueueFilter(text="LYG", warning_levels=frozenset({1, 3}), received_from=date(2026, 1, 1)),
        QueueFilter(queue=Queue.HANDLING, codes=frozenset({"X"}), channels=frozenset({"a"})),
    ]
    with demo_store.session() as session:
        for flt in filters:
            statement = page_statement(viewers[who], flt, bounds, text_along_order=True)
            assert isinstance(session.execute(statement), CursorResult), flt
