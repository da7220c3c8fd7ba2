"""Task queues: indexed, filtered, sorted, keyset-paged queries over the clue store."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    bindparam,
    false,
    func,
    literal_column,
    not_,
    or_,
    select,
    text,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from desktop.domain.codes import OPEN_STATUSES, Labelled, Status
from desktop.domain.deadlines import WarningBounds
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.units import UnitInfo
from desktop.store.models import DUE, AssistingUnit, Clue
from desktop.store.schema_extras import SEARCH_TABLE
from desktop.store.search import match_expression
from desktop.store.types import ChinaDateTime

CLUE_TABLE = Clue.__table__
CLUES = CLUE_TABLE.c
"""The clue table's columns. The queues are written with them, not with the ORM's
attributes: a statement without ORM entities skips the ORM's execution layer, which took
half of a queue query's time in Python."""
ASSISTING = AssistingUnit.__table__.c


class Queue(Labelled):
    """A work queue of the navigation list."""

    TO_DISPATCH = "to_dispatch"
    TO_SIGN = "to_sign"
    HANDLING = "handling"
    TO_SIGNOFF = "to_signoff"
    TO_REVIEW = "to_review"
    CLOSED = "closed"
    WARNINGS = "warnings"
    ALL = "all"

    @property
    def label(self) -> str:
        """The Chinese name of the queue."""
        return _QUEUE_LABELS[self]


_QUEUE_LABELS = {
    Queue.TO_DISPATCH: "待分办",
    Queue.TO_SIGN: "待签收",
    Queue.HANDLING: "办理中",
    Queue.TO_SIGNOFF: "待审签",
    Queue.TO_REVIEW: "待审核",
    Queue.CLOSED: "已办结",
    Queue.WARNINGS: "预警",
    Queue.ALL: "全部",
}

QUEUE_STATUSES: dict[Queue, frozenset[Status]] = {
    Queue.TO_DISPATCH: frozenset({Status.REGISTERED, Status.RETURNED}),
    Queue.TO_SIGN: frozenset({Status.DISPATCHED}),
    Queue.HANDLING: frozenset({Status.HANDLING}),
    Queue.TO_SIGNOFF: frozenset({Status.SIGNOFF}),
    Queue.TO_REVIEW: frozenset({Status.REVIEWING}),
    Queue.CLOSED: frozenset({Status.CLOSED, Status.REFUSED}),
    Queue.WARNINGS: frozenset(OPEN_STATUSES),
    Queue.ALL: frozenset(Status),
}


class SortKey(Labelled):
    """What a queue is ordered by."""

    DEADLINE = "deadline"
    RECEIVED = "received"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """The Chinese name of the sort key."""
        return {"deadline": "办理期限", "received": "受理时间", "warning": "预警等级"}[self.value]


@dataclass(frozen=True)
class QueueFilter:
    """Everything that narrows a queue; empty fields do not filter."""

    queue: Queue = Queue.ALL
    statuses: frozenset[Status] = frozenset()
    text: str = ""
    channels: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    priorities: frozenset[str] = frozenset()
    county_code: str | None = None
    township_code: str | None = None
    warning_levels: frozenset[int] = frozenset()
    received_from: date | None = None
    received_to: date | None = None
    codes: frozenset[str] | None = None
    """Exactly these clues (None: no such filter; empty: none), e.g. behind an assessment's
    figure."""


@dataclass(frozen=True)
class Viewer:
    """Whose queues these are: a handling unit sees its own clues, an office its area."""

    unit: UnitInfo

    @property
    def by_area(self) -> bool:
        """Whether the unit sees clues by area (tackling offices, discipline commissions)."""
        return not self.unit.handles


@dataclass(frozen=True)
class ClueRow:
    """One row of a queue, plain data for any view."""

    id: int
    code: str
    status: Status
    channel: str
    category: str
    priority: str
    county_code: str
    township_code: str | None
    lead_unit: str | None
    subject_name: str
    address: str
    received_at: datetime
    deadline: datetime | None
    warning_level: int
    channel_ref: str = ""
    finding: str | None = None
    owner_unit: str | None = None
    summary: str = ""
    """The first words of the clue's content (SUMMARY_CHARS at most), for a glance."""
    summary_cut: bool = False
    """Whether the content goes on beyond `summary`."""
    sort_value: Any = field(repr=False, default=None)


@dataclass(frozen=True)
class Page:
    """A page of rows and the cursor of the next page (None at the end)."""

    rows: list[ClueRow]
    next_cursor: tuple[Any, int] | None


SUMMARY_CHARS = 120
"""How much of a clue's content a queue row carries (the detail panel shows it all)."""

ROW_COLUMNS = (
    CLUES.id,
    CLUES.code,
    CLUES.status,
    CLUES.channel,
    CLUES.category,
    CLUES.priority,
    CLUES.county_code,
    CLUES.township_code,
    CLUES.lead_unit,
    CLUES.subject_name,
    CLUES.address,
    CLUES.received_at,
    CLUES.deadline,
    CLUES.channel_ref,
    CLUES.finding,
    CLUES.owner_unit,
    func.substr(CLUES.description, 1, SUMMARY_CHARS).label("summary"),
    (func.length(CLUES.description) > SUMMARY_CHARS).label("summary_cut"),
)


OWNED_QUEUES = frozenset({Queue.TO_DISPATCH, Queue.TO_REVIEW})
"""The queues of an office's own decisions: the clues it owns (dispatch, review)."""


def _scope(viewer: Viewer, queue: Queue) -> ColumnElement[bool]:
    unit = viewer.unit
    if viewer.by_area:
        if unit.dispatches and queue in OWNED_QUEUES:
            return CLUES.owner_unit == unit.code
        return true() if unit.county_code is None else CLUES.county_code == unit.county_code
    if queue in (Queue.TO_DISPATCH,):
        return false()
    lead = CLUES.lead_unit == unit.code
    if queue in (Queue.TO_SIGN, Queue.TO_SIGNOFF, Queue.TO_REVIEW):
        return lead
    assisting = select(ASSISTING.clue_id).where(ASSISTING.unit_code == unit.code)
    return or_(lead, CLUES.id.in_(assisting))


DUE_TIME = type_coerce(DUE, ChinaDateTime)
"""The deadline sort key compared with instants: the indexed expression, bound as stored."""


def warning_ranges(
    levels: frozenset[int], bounds: WarningBounds
) -> list[tuple[datetime | None, bool, datetime | None, bool]]:
    """The deadline ranges of `levels` at the bounds' instant, adjacent levels merged.

    Each range is (low, low included, high, high included), None for an open end. Along
    the deadline, the levels lie 3, 2, 1, 0: level 3 before `level3_before`, level 2 up to
    `now`, level 1 up to `level1_until` (included), level 0 after it (and no deadline).
    """
    edges: dict[int, tuple[datetime | None, bool, datetime | None, bool]] = {
        3: (None, False, bounds.level3_before, False),
        2: (bounds.level3_before, True, bounds.now, False),
        1: (bounds.now, True, bounds.level1_until, True),
        0: (bounds.level1_until, False, None, False),
    }
    ranges: list[tuple[datetime | None, bool, datetime | None, bool]] = []
    previous: int | None = None
    for level in sorted(levels, reverse=True):
        low, low_in, high, high_in = edges[level]
        if ranges and previous == level + 1:
            ranges[-1] = (*ranges[-1][:2], high, high_in)
        else:
            ranges.append((low, low_in, high, high_in))
        previous = level
    return ranges


def _due_between(
    low: datetime | None, low_in: bool, high: datetime | None, high_in: bool
) -> list[ColumnElement[bool]]:
    terms: list[ColumnElement[bool]] = []
    if low is not None:
        terms.append(DUE_TIME >= low if low_in else DUE_TIME > low)
    if high is not None:
        terms.append(DUE_TIME <= high if high_in else DUE_TIME < high)
    return terms


def warning_condition(levels: frozenset[int], bounds: WarningBounds) -> ColumnElement[bool]:
    """Clues whose current stage is at one of `levels` at the bounds' instant.

    One range of the indexed deadline key (`DUE`) from the worst chosen level to the best,
    less the levels between them that were not chosen (levels 1 and 3: up to the end of
    level 1, less level 2), with the boundaries computed once by the work calendar
    (`WarningBounds`): the filter reads one index range, never a per-row expression. A clue
    without a deadline sorts after every deadline: level 0.
    """
    ranges = warning_ranges(levels, bounds)
    if not ranges:
        return false()
    terms = _due_between(ranges[0][0], ranges[0][1], ranges[-1][2], ranges[-1][3])
    for before, after in itertools.pairwise(ranges):
        terms.append(not_(and_(*_due_between(before[2], not before[3], after[0], not after[1]))))
    return and_(*terms) if terms else true()


def warning_levels(flt: QueueFilter) -> frozenset[int]:
    """The warning levels `flt` keeps; a queue so filtered changes with time."""
    if flt.queue is Queue.WARNINGS:
        return (flt.warning_levels or frozenset({1, 2, 3})) - {0}
    return flt.warning_levels


def timed_bounds(flt: QueueFilter, bounds: WarningBounds) -> WarningBounds | None:
    """The bounds a queue filtered by `flt` depends on: None when it keeps no warning levels
    (then it is the same at every instant)."""
    return bounds if warning_levels(flt) else None


def _conditions(
    viewer: Viewer,
    flt: QueueFilter,
    bounds: WarningBounds | None,
    *,
    text_along_order: bool = False,
    sort: SortKey | None = None,
) -> list[ColumnElement[bool]]:
    statuses = flt.statuses or QUEUE_STATUSES[flt.queue]
    if flt.statuses:
        statuses = statuses & QUEUE_STATUSES[flt.queue]
    conditions: list[ColumnElement[bool]] = [_scope(viewer, flt.queue)]
    if statuses != frozenset(Status):
        status: Any = CLUES.status
        if flt.queue is Queue.CLOSED and sort is SortKey.RECEIVED:
            # Most clues are closed: walk the received index and check the status of each,
            # rather than sort every closed clue (`|| ''` keeps SQLite off the status index).
            status = CLUES.status.op("||")(literal_column("''"))
        conditions.append(status.in_(sorted(s.value for s in statuses)))
    levels = warning_levels(flt)
    if levels:
        assert bounds is not None, "a warning-level filter needs the bounds of its instant"
        conditions.append(warning_condition(levels, bounds))
    if flt.codes is not None:
        conditions.append(CLUES.code.in_(sorted(flt.codes)) if flt.codes else false())
    if flt.channels:
        conditions.append(CLUES.channel.in_(sorted(flt.channels)))
    if flt.categories:
        conditions.append(CLUES.category.in_(sorted(flt.categories)))
    if flt.priorities:
        conditions.append(CLUES.priority.in_(sorted(flt.priorities)))
    if flt.county_code:
        conditions.append(CLUES.county_code == flt.county_code)
    if flt.township_code:
        conditions.append(CLUES.township_code == flt.township_code)
    if flt.received_from:
        start = datetime.combine(flt.received_from, time(0), CHINA_TZ)
        conditions.append(CLUES.received_at >= start)
    if flt.received_to:
        end = datetime.combine(flt.received_to + timedelta(days=1), time(0), CHINA_TZ)
        conditions.append(CLUES.received_at < end)
    expression = match_expression(flt.text)
    if expression:
        conditions.append(_text_condition(flt.text, expression, along_order=text_along_order))
    return conditions


def _text_condition(query: str, expression: str, *, along_order: bool) -> ColumnElement[bool]:
    """Clues the full-text index finds, or whose channel reference starts with the query.

    One list of ids (the index's matches, then the references' indexed range). Read
    `along_order`, the clue's id is only looked up in that list (`+id`) while the query walks
    the index of its sort order: the first rows of a text found often come at once, without
    sorting every match. Otherwise the query starts from the list (few matches)."""
    match = text(f"{SEARCH_TABLE} MATCH :match").bindparams(
        bindparam("match", value=expression, type_=String)
    )
    found: Any = select(text("rowid")).select_from(text(SEARCH_TABLE)).where(match)
    prefix = query.strip()
    if prefix and " " not in prefix:
        by_ref = CLUE_TABLE.alias("by_ref")
        found = union_all(
            found,
            select(by_ref.c.id).where(
                by_ref.c.channel_ref >= prefix, by_ref.c.channel_ref < prefix + "\U0010ffff"
            ),
        )
    key = CLUES.id + literal_column("0") if along_order else CLUES.id
    return key.in_(found)


def _clue_row(r: Any, bounds: WarningBounds) -> ClueRow:
    return ClueRow(
        id=r.id,
        code=r.code,
        status=Status(r.status),
        channel=r.channel,
        category=r.category,
        priority=r.priority,
        county_code=r.county_code,
        township_code=r.township_code,
        lead_unit=r.lead_unit,
        subject_name=r.subject_name,
        address=r.address,
        received_at=r.received_at,
        deadline=r.deadline,
        warning_level=bounds.level(r.deadline),
        channel_ref=r.channel_ref,
        finding=r.finding,
        owner_unit=r.owner_unit,
        summary=" ".join((r.summary or "").split()),
        summary_cut=bool(r.summary_cut),
        sort_value=r.sort_value,
    )


TEXT_ALONG_ORDER_ROWS = 20
"""A text found in more than this many times a page's rows is looked for along the sort
order's index (a page of it comes within some thousands of index entries); a rarer one from
its list of matches, sorted (fewer rows than walking the index)."""


def _sort_column(sort: SortKey) -> ColumnElement[Any]:
    if sort is SortKey.RECEIVED:
        return type_coerce(CLUES.received_at, String)
    return type_coerce(DUE, String)


def page_statement(
    viewer: Viewer,
    flt: QueueFilter,
    bounds: WarningBounds,
    *,
    sort: SortKey = SortKey.DEADLINE,
    descending: bool = False,
    limit: int = 100,
    after: tuple[Any, int] | None = None,
    offset: int = 0,
    text_along_order: bool = False,
) -> Select[*tuple[Any, ...]]:
    """The SELECT of one page of a queue (one row more than `limit`, to see if more follow).

    `after` (a page's `next_cursor`) pages by key, along the index; `offset` skips rows
    (for a jump far into the queue, where no cursor is known). `text_along_order`: a text
    found in many clues is looked for along the sort order's index (see `_text_condition`).
    Built once for the same arguments (a view's first page is asked for at every refresh and
    by every new view): the bounds count only when the filter keeps warning levels.
    """
    return _page_statement(
        viewer,
        flt,
        timed_bounds(flt, bounds),
        sort,
        descending,
        limit,
        after,
        offset,
        text_along_order,
    )


@functools.lru_cache(maxsize=64)
def _page_statement(
    viewer: Viewer,
    flt: QueueFilter,
    bounds: WarningBounds | None,
    sort: SortKey,
    descending: bool,
    limit: int,
    after: tuple[Any, int] | None,
    offset: int,
    text_along_order: bool,
) -> Select[*tuple[Any, ...]]:
    key = _sort_column(sort)
    statement = select(*ROW_COLUMNS, key.label("sort_value")).where(
        *_conditions(viewer, flt, bounds, text_along_order=text_along_order, sort=sort)
    )
    if after is not None:
        value, last_id = after
        if descending:
            statement = statement.where(or_(key < value, and_(key == value, CLUES.id < last_id)))
        else:
            statement = statement.where(or_(key > value, and_(key == value, CLUES.id > last_id)))
    order = (key.desc(), CLUES.id.desc()) if descending else (key.asc(), CLUES.id.asc())
    statement = statement.order_by(*order).limit(limit + 1)
    return statement.offset(offset) if offset else statement


def query_page(
    session: Session,
    viewer: Viewer,
    flt: QueueFilter,
    bounds: WarningBounds,
    *,
    sort: SortKey = SortKey.DEADLINE,
    descending: bool = False,
    limit: int = 100,
    after: tuple[Any, int] | None = None,
    offset: int = 0,
    text_along_order: bool = False,
) -> Page:
    """One page of a queue, ordered by `sort` then id; pass `next_cursor` to get the next
    (or `offset`, rows to skip, when no cursor is known). `text_along_order` when the
    filter's text is known to be found in many clues (see `TEXT_ALONG_ORDER_ROWS`)."""
    statement = page_statement(
        viewer,
        flt,
        bounds,
        sort=sort,
        descending=descending,
        limit=limit,
        after=after,
        offset=offset,
        text_along_order=text_along_order,
    )
    rows = [_clue_row(r, bounds) for r in session.execute(statement).all()]
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = (rows[-1].sort_value, rows[-1].id) if more and rows else None
    return Page(rows, cursor)


def query_ids(
    session: Session,
    viewer: Viewer,
    flt: QueueFilter,
    bounds: WarningBounds,
    *,
    sort: SortKey = SortKey.DEADLINE,
    descending: bool = False,
) -> list[int]:
    """Every id of a queue in order: what an id-backed table model holds."""
    key = _sort_column(sort)
    order = (key.desc(), CLUES.id.desc()) if descending else (key.asc(), CLUES.id.asc())
    statement = select(CLUES.id).where(*_conditions(viewer, flt, bounds)).order_by(*order)
    return list(session.scalars(statement))


def position(
    session: Session,
    viewer: Viewer,
    flt: QueueFilter,
    bounds: WarningBounds,
    clue_id: int,
    *,
    sort: SortKey = SortKey.DEADLINE,
    descending: bool = False,
) -> int | None:
    """The row of `clue_id` in the queue (0 first), None when the queue does not hold it.

    Two indexed look-ups: the clue's sort key, then a count of the rows before it.
    """
    key = _sort_column(sort)
    conditions = _conditions(viewer, flt, bounds)
    value = session.scalar(select(key).where(*conditions, CLUES.id == clue_id))
    if value is None:
        return None
    if descending:
        before = or_(key > value, and_(key == value, CLUES.id > clue_id))
    else:
        before = or_(key < value, and_(key == value, CLUES.id < clue_id))
    statement = select(func.count()).select_from(CLUE_TABLE).where(*conditions, before)
    return int(session.scalar(statement) or 0)


def count(session: Session, viewer: Viewer, flt: QueueFilter, bounds: WarningBounds) -> int:
    """How many clues a queue holds (the numbers beside the navigation list)."""
    conditions = _conditions(viewer, flt, bounds)
    statement = select(func.count()).select_from(CLUE_TABLE).where(*conditions)
    return int(session.scalar(statement) or 0)


def rows_by_id(session: Session, ids: Sequence[int], bounds: WarningBounds) -> dict[int, ClueRow]:
    """Queue rows for the given ids (for a table model that builds rows on demand)."""
    statement = select(*ROW_COLUMNS, type_coerce(DUE, String).label("sort_value")).where(
        CLUES.id.in_(list(ids))
    )
    return {r.id: _clue_row(r, bounds) for r in session.execute(statement)}


TASK_QUEUES = (
    Queue.TO_DISPATCH,
    Queue.TO_SIGN,
    Queue.HANDLING,
    Queue.TO_SIGNOFF,
    Queue.TO_REVIEW,
)
"""The queues that hold a unit's open work (what notifications watch)."""


def task_snapshot(
    session: Session, viewer: Viewer, bounds: WarningBounds
) -> dict[str, tuple[Queue, int]]:
    """Every open clue of the viewer's task queues: code → (queue, warning level now)."""
    found: dict[str, tuple[Queue, int]] = {}
    for queue in TASK_QUEUES:
        statement = select(CLUES.code, CLUES.deadline).where(
            *_conditions(viewer, QueueFilter(queue=queue), bounds)
        )
        for code, deadline in session.execute(statement):
            found.setdefault(code, (queue, bounds.level(deadline)))
    return found
