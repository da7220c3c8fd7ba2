"""Queue queries agree with a brute-force reading of every clue, and use their indexes."""

from __future__ import annotations

import random
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import select, text

from desktop.domain.calendar import default_calendar
from desktop.domain.codes import OPEN_STATUSES, Status
from desktop.domain.deadlines import warning_bounds, warning_level
from desktop.domain.rules import Rules
from desktop.domain.units import UnitInfo
from desktop.store.clue_rows import load_calendar, load_directory, load_rules
from desktop.store.database import Store
from desktop.store.models import AssistingUnit, Clue
from desktop.store.queues import (
    QUEUE_STATUSES,
    Queue,
    QueueFilter,
    SortKey,
    Viewer,
    count,
    position,
    query_ids,
    query_page,
)

RULES = Rules()
CALENDAR = default_calendar()


@pytest.fixture(scope="module")
def everything(demo_store_dir: Any) -> dict[str, Any]:
    """Every clue of the demo store as plain dicts, plus the unit directory."""
    from desktop.store.database import open_store

    store = open_store(demo_store_dir)
    with store.session() as session:
        clues = [
            {c.name: getattr(row, c.name) for c in Clue.__table__.columns}
            for row in session.scalars(select(Clue))
        ]
        assisting: dict[int, set[str]] = {}
        for clue_id, unit in session.execute(
            select(AssistingUnit.clue_id, AssistingUnit.unit_code)
        ):
            assisting.setdefault(clue_id, set()).add(unit)
        units = load_directory(session)
    store.close()
    return {"clues": clues, "assisting": assisting, "units": units}


OWN_DECISIONS = (Queue.TO_DISPATCH, Queue.TO_REVIEW)
"""The queues in which a tackling office sees only the clues it owns (it dispatched them,
it reviews them), wherever they are; its other queues show its whole area."""


def _visible(clue: dict[str, Any], assisting: set[str], unit: UnitInfo, queue: Queue) -> bool:
    if not unit.handles:
        if unit.dispatches and queue in OWN_DECISIONS:
            return clue["owner_unit"] == unit.code
        return unit.county_code is None or clue["county_code"] == unit.county_code
    if queue is Queue.TO_DISPATCH:
        return False
    if queue in (Queue.TO_SIGN, Queue.TO_SIGNOFF, Queue.TO_REVIEW):
        return clue["lead_unit"] == unit.code
    return clue["lead_unit"] == unit.code or unit.code in assisting


def _squash(value: str) -> str:
    return "".join(value.split()).lower()


def _text_matches(clue: dict[str, Any], query: str) -> bool:
    """Every word of `query` is a substring of a searched field, or the whole query (one
    word) begins the channel's own reference (e.g. a 12345 work-order number)."""
    fields = [clue[k] or "" for k in ("code", "subject_name", "address", "description")]
    words = query.lower().split()
    if all(any(w in _squash(f) for f in fields) for w in words):
        return True
    prefix = query.strip()
    return bool(prefix) and " " not in prefix and (clue["channel_ref"] or "").startswith(prefix)


def _expected(
    data: dict[str, Any],
    unit: UnitInfo,
    flt: QueueFilter,
    now: datetime,
    sort: SortKey,
    descending: bool,
) -> list[int]:
    out = []
    statuses = {s.value for s in (flt.statuses or QUEUE_STATUSES[flt.queue])}
    for clue in data["clues"]:
        if not _visible(clue, data["assisting"].get(clue["id"], set()), unit, flt.queue):
            continue
        if clue["status"] not in statuses:
            continue
        level = warning_level(clue["deadline"], now, CALENDAR, RULES.warnings)
        levels = flt.warning_levels or ({1, 2, 3} if flt.queue is Queue.WARNINGS else set())
        if levels and level not in levels:
            continue
        if flt.channels and clue["channel"] not in flt.channels:
            continue
        if flt.categories and clue["category"] not in flt.categories:
            continue
        if flt.priorities and clue["priority"] not in flt.priorities:
            continue
        if flt.county_code and clue["county_code"] != flt.county_code:
            continue
        if flt.township_code and clue["township_code"] != flt.township_code:
            continue
        received = clue["received_at"].date()
        if flt.received_from and received < flt.received_from:
            continue
        if flt.received_to and received > flt.received_to:
            continue
        if flt.text and not _text_matches(clue, flt.text):
            continue
        out.append(clue)

    def key(clue: dict[str, Any]) -> tuple[Any, int]:
        if sort is SortKey.RECEIVED:
            return (clue["received_at"], clue["id"])
        deadline = clue["deadline"]
        return ((0, deadline) if deadline else (1, None), clue["id"])  # type: ignore[return-value]

    if sort is SortKey.RECEIVED:
        out.sort(key=lambda c: (c["received_at"], c["id"]), reverse=descending)
    else:
        far = datetime.max.replace(tzinfo=now.tzinfo)
        out.sort(key=lambda c: (c["deadline"] or far, c["id"]), reverse=descending)
    return [c["id"] for c in out]


def _viewers(data: dict[str, Any], city: Any) -> list[UnitInfo]:
    units = data["units"]
    accounts = city.demo_accounts()
    chosen = [
        units[city.user(accounts[k].username).unit_code]
        for k in ("township", "department", "county", "supervisor", "city")
    ]
    return chosen


QUEUE_CASES = [QueueFilter(queue=q) for q in Queue] + [
    QueueFilter(queue=Queue.ALL, warning_levels=frozenset({3})),
    QueueFilter(queue=Queue.ALL, warning_levels=frozenset({0})),
    QueueFilter(queue=Queue.HANDLING, warning_levels=frozenset({1, 2})),
    QueueFilter(queue=Queue.ALL, channels=frozenset({"hotline_12345", "petition"})),
    QueueFilter(queue=Queue.ALL, categories=frozenset({"water"}), priorities=frozenset({"urgent"})),
    QueueFilter(queue=Queue.ALL, statuses=frozenset({Status.HANDLING, Status.REVIEWING})),
    QueueFilter(queue=Queue.ALL, received_from=date(2026, 6, 1), received_to=date(2026, 8, 31)),
    QueueFilter(queue=Queue.ALL, channels=frozenset({"hotline_12345"})),
    QueueFilter(queue=Queue.ALL, categories=frozenset({"water"})),
    QueueFilter(queue=Queue.ALL, priorities=frozenset({"urgent"})),
    QueueFilter(queue=Queue.ALL, warning_levels=frozenset({1, 3})),
    QueueFilter(queue=Queue.ALL, warning_levels=frozenset({0, 3})),
    QueueFilter(queue=Queue.WARNINGS, warning_levels=frozenset({2})),
    QueueFilter(queue=Queue.ALL, text="化工"),
]


@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("case", range(len(QUEUE_CASES)))
def test_queue_matches_brute_force(
    demo_store: Store,
    everything: dict[str, Any],
    demo_city: Any,
    now: datetime,
    case: int,
    sort: SortKey,
) -> None:
    flt = QUEUE_CASES[case]
    bounds = warning_bounds(now, CALENDAR, RULES.warnings)
    with demo_store.session() as session:
        for unit in _viewers(everything, demo_city):
            for descending in (False, True):
                expected = _expected(everything, unit, flt, now, sort, descending)
                got = query_ids(
                    session, Viewer(unit), flt, bounds, sort=sort, descending=descending
                )
                assert got == expected, (unit.name, flt, sort, descending)
                if flt.text:  # looked for along the sort order's index: the same rows
                    along = query_page(
                        session,
                        Viewer(unit),
                        flt,
                        bounds,
                        sort=sort,
                        descending=descending,
                        limit=len(expected) + 1,
                        text_along_order=True,
                    )
                    assert [r.id for r in along.rows] == expected
            assert count(session, Viewer(unit), flt, bounds) == len(expected)


def test_county_and_township_filters(
    demo_store: Store, everything: dict[str, Any], now: datetime
) -> None:
    bounds = warning_bounds(now, CALENDAR, RULES.warnings)
    city = UnitInfo("", "全市", next(iter(everything["units"].values())).kind, None, None)
    city = UnitInfo("", "全市", city.kind.CITY_OFFICE, None, None)
    townships = sorted({c["township_code"] for c in everything["clues"] if c["township_code"]})
    with demo_store.session() as session:
        for township in townships[:5]:
            county = everything["units"][township].county_code
            flt = QueueFilter(county_code=county, township_code=township)
            assert query_ids(session, Viewer(city), flt, bounds) == _expected(
                everything, city, flt, now, SortKey.DEADLINE, False
            )


def test_every_status_and_warning_level_occurs(everything: dict[str, Any], now: datetime) -> None:
    statuses = {c["status"] for c in everything["clues"]}
    assert statuses == {s.value for s in Status}
    levels = {
        warning_level(c["deadline"], now, CALENDAR, RULES.warnings)
        for c in everything["clues"]
        if Status(c["status"]) in OPEN_STATUSES
    }
    assert levels == {0, 1, 2, 3}


def test_keyset_pages_join_up_to_the_whole_queue(
    demo_store: Store, demo_city: Any, everything: dict[str, Any], now: datetime
) -> None:
    bounds = warning_bounds(now, CALENDAR, RULES.warnings)
    county = _viewers(everything, demo_city)[2]
    with demo_store.session() as session:
        for sort in SortKey:
            for descending in (False, True):
                whole = query_ids(
                    session, Viewer(county), QueueFilter(), bounds, sort=sort, descending=descending
                )
                pages: list[int] = []
                cursor = None
                while True:
                    page = query_page(
                        session,
                        Viewer(county),
                        QueueFilter(),
                        bounds,
                        sort=sort,
                        descending=descending,
                        limit=37,
                        after=cursor,
                    )
                    pages.extend(r.id for r in page.rows)
                    assert len(page.rows) <= 37
                    if page.next_cursor is None:
                        break
                    cursor = page.next_cursor
                assert pages == whole and len(whole) > 100


def test_offset_pages_and_positions_agree_with_the_whole_queue(
    demo_store: Store, demo_city: Any, everything: dict[str, Any], now: datetime
) -> None:
    bounds = warning_bounds(now, CALENDAR, RULES.warnings)
    city = _viewers(everything, demo_city)[4]
    flt = QueueFilter(categories=frozenset({"water"}))
    with demo_store.session() as session:
        for sort in SortKey:
            for descending in (False, True):
                whole = query_ids(
                    session, Viewer(city), flt, bounds, sort=sort, descending=descending
                )
                assert len(whole) > 100
                for offset in (0, 37, len(whole) - 5):
                    page = query_page(
                        session,
                        Viewer(city),
                        flt,
                        bounds,
                        sort=sort,
                        descending=descending,
                        limit=20,
                        offset=offset,
                    )
                    assert [r.id for r in page.rows] == whole[offset : offset + 20]
                for row in (0, 1, len(whole) // 2, len(whole) - 1):
                    found = position(
                        session,
                        Viewer(city),
                        flt,
                        bounds,
                        whole[row],
                        sort=sort,
                        descending=descending,
                    )
                    assert found == row
                outside = next(c["id"] for c in everything["clues"] if c["id"] not in whole)
                assert position(session, Viewer(city), flt, bounds, outside, sort=sort) is None


def test_rows_carry_the_warning_level_of_their_deadline(
    demo_store: Store, everything: dict[str, Any], now: datetime, demo_city: Any
) -> None:
    bounds = warning_bounds(now, CALENDAR, RULES.warnings)
    county = _viewers(everything, demo_city)[2]
    with demo_store.session() as session:
        page = query_page(
            session, Viewer(county), QueueFilter(queue=Queue.WARNINGS), bounds, limit=500
        )
    assert page.rows
    for row in page.rows:
        assert row.warning_level == warning_level(row.deadline, now, CALENDAR, RULES.warnings)
        assert row.warning_level >= 1


def test_full_text_search_is_substring_search(
    demo_store: Store, everything: dict[str, Any], now: datetime
) -> None:
    bounds = warning_bounds(now, CALENDAR, RULES.warnings)
    city = UnitInfo(
        "", "全市", next(iter(everything["units"].values())).kind.CITY_OFFICE, None, None
    )
    rng = random.Random(5)
    queries = ["化工", "噪声", "河", "LYG", "0001", "有限公司"]
    for _ in range(40):
        clue = rng.choice(everything["clues"])
        field = rng.choice(["code", "subject_name", "address", "description"])
        value = _squash(clue[field] or "")
        if not value:
            continue
        size = rng.choice([1, 2, 3, 5, 8])
        start = rng.randrange(max(len(value) - size, 0) + 1)
        queries.append(value[start : start + size])
    queries.append("河 污水")
    with demo_store.session() as session:
        for query in queries:
            flt = QueueFilter(text=query)
            expected = _expected(everything, city, flt, now, SortKey.RECEIVED, True)
            got = query_ids(
                session, Viewer(city), flt, bounds, sort=SortKey.RECEIVED, descending=True
            )
            assert got == expected, query
    assert any(
        _expected(everything, city, QueueFilter(text=q), now, SortKey.RECEIVED, True)
        for q in queries[:4]
    )


def _plan(store: Store, sql: str, **params: Any) -> str:
    with store.engine.connect() as connection:
        rows = connection.execute(text("EXPLAIN QUERY PLAN " + sql), params).fetchall()
    return " | ".join(str(r[-1]) for r in rows)


def test_queue_queries_use_their_indexes(
    demo_store: Store, demo_city: Any, everything: dict[str, Any], now: datetime
) -> None:
    from sqlalchemy.dialects import sqlite

    bounds = warning_bounds(now, CALENDAR, RULES.warnings)
    township, _, county, _, city = _viewers(everything, demo_city)
    # (viewer, filter, index, whether the index gives the order): the owned queues (待分办,
    # 待审核) select by owner and status; 待分办 holds two statuses (registered, returned),
    # whose rows the index holds in two runs, so SQLite sorts that small queue itself.
    cases = [
        (township, QueueFilter(queue=Queue.TO_SIGN), "ix_clues_lead_status_due", True),
        (county, QueueFilter(queue=Queue.TO_REVIEW), "ix_clues_owner_status_due", True),
        (city, QueueFilter(queue=Queue.TO_REVIEW), "ix_clues_owner_status_due", True),
        (county, QueueFilter(queue=Queue.TO_DISPATCH), "ix_clues_owner_status_due", False),
        (county, QueueFilter(queue=Queue.ALL), "ix_clues_county_due", True),
    ]
    from desktop.store import queues

    for unit, flt, index, ordered in cases:
        statement = (
            select(Clue.id)
            .where(*queues._conditions(Viewer(unit), flt, bounds))
            .order_by(queues._sort_column(SortKey.DEADLINE), Clue.id)
            .limit(100)
        )
        compiled = statement.compile(
            dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
        )
        plan = _plan(demo_store, str(compiled))
        assert index in plan, plan
        if ordered:
            assert "TEMP B-TREE" not in plan, plan


def test_task_snapshot_holds_each_open_clue_of_the_task_queues_once(
    demo_store: Store, demo_city: Any, now: datetime
) -> None:
    from desktop.store.queues import TASK_QUEUES, task_snapshot

    county = Viewer(demo_city.unit(demo_city.demo_accounts()["county"].unit_code))
    with demo_store.session() as session:
        rules = load_rules(session)
        bounds = warning_bounds(now, load_calendar(session, rules), rules.warnings)
        snapshot = task_snapshot(session, county, bounds)
        for queue in TASK_QUEUES:
            flt = QueueFilter(queue=queue)
            rows = query_page(session, county, flt, bounds, limit=100_000).rows
            assert {r.code for r in rows} == {c for c, (q, _) in snapshot.items() if q is queue}
            assert all(snapshot[r.code][1] == r.warning_level for r in rows)


def test_search_finds_a_clue_by_a_prefix_of_its_channel_ref(
    demo_store: Store, everything: dict[str, Any], now: datetime, demo_city: Any
) -> None:
    bounds = warning_bounds(now, CALENDAR, RULES.warnings)
    city = _viewers(everything, demo_city)[4]
    referenced = [c for c in everything["clues"] if c["channel_ref"]]
    assert {c["channel"] for c in referenced} >= {"hotline_12345", "hotline_12369", "petition"}
    rng = random.Random(11)
    with demo_store.session() as session:

        def found(unit: UnitInfo, query: str) -> list[int]:
            flt = QueueFilter(text=query)
            ids = query_ids(session, Viewer(unit), flt, bounds, sort=SortKey.RECEIVED)
            assert ids == _expected(everything, unit, flt, now, SortKey.RECEIVED, False), query
            return ids

        for clue in rng.sample(referenced, 12):
            ref = clue["channel_ref"]
            fields = [clue[k] or "" for k in ("code", "subject_name", "address", "description")]
            assert not any(_squash(ref) in _squash(f) for f in fields)  # found by its ref only
            assert clue["id"] in found(city, ref)
            prefix = ref[: max(len(ref) - 3, 2)]
            starting = {c["id"] for c in referenced if c["channel_ref"].startswith(prefix)}
            assert clue["id"] in starting and starting <= set(found(city, prefix))
        petition = rng.choice([c for c in referenced if c["channel"] == "petition"])
        county = everything["units"][petition["county_code"]]
        assert petition["id"] in found(county, petition["channel_ref"])
        elsewhere = next(
            u
            for u in everything["units"].values()
            if u.dispatches and u.county_code and u.county_code != petition["county_code"]
        )
        assert petition["id"] not in found(elsewhere, petition["channel_ref"])


def test_a_county_does_not_dispatch_or_review_a_clue_the_city_owns(
    demo_store: Store, everything: dict[str, Any], now: datetime, demo_city: Any
) -> None:
    bounds = warning_bounds(now, CALENDAR, RULES.warnings)
    units, city = everything["units"], _viewers(everything, demo_city)[4]
    assert city.dispatches and city.county_code is None
    waiting = {s.value for s in QUEUE_STATUSES[Queue.TO_DISPATCH]}
    taken = [
        c
        for c in everything["clues"]
        if c["owner_unit"] == city.code and c["status"] in waiting and c["county_code"]
    ]
    assert taken, "the demo city has clues of a county that the city office owns"
    with demo_store.session() as session:

        def ids(unit: UnitInfo, queue: Queue) -> list[int]:
            return query_ids(session, Viewer(unit), QueueFilter(queue=queue), bounds)

        for clue in taken:
            county = units[clue["county_code"]]
            assert county.dispatches and county.code == clue["county_code"]
            to_dispatch = ids(county, Queue.TO_DISPATCH)
            assert clue["id"] not in to_dispatch
            assert clue["id"] in ids(city, Queue.TO_DISPATCH)
            assert clue["id"] in ids(county, Queue.ALL)  # still seen in the county's area
            own = [
                c["id"]
                for c in everything["clues"]
                if c["owner_unit"] == county.code and c["status"] in waiting
            ]
            assert own and sorted(to_dispatch) == sorted(own)
        reviewing = [
            c
            for c in everything["clues"]
            if c["owner_unit"] == city.code and c["status"] == Status.REVIEWING.value
        ]
        assert reviewing
        for clue in reviewing:
            county = units[clue["county_code"]]
            assert clue["id"] not in ids(county, Queue.TO_REVIEW)
            assert clue["id"] in ids(city, Queue.TO_REVIEW)
