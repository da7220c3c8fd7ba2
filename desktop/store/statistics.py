"""The statistics (`desktop.domain.statistics`) computed over the store with SQL aggregates.

Each family of figures has one source: a FROM clause over the store's tables, the instant that
puts a row in a period (its *moment*), the unit it counts to, the item it counts (a clue code,
or a notice's or a case's id) and one condition per count. The totals, every grouping, the
trend and the click-through codes (`figure_codes`) are all read from the same source with the
same conditions, so a figure and the list behind it cannot drift apart. One query per family
and grouping: COUNT(DISTINCT CASE WHEN condition THEN item END) for every count at once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from desktop.domain.assessment import Period
from desktop.domain.codes import Category, Channel
from desktop.domain.statistics import (
    COUNT_KEYS,
    DERIVED,
    FIGURES,
    STAGES,
    Family,
    Grouping,
    buckets,
    derived_counts,
    figure,
    rate_of,
    trend_grouping,
    week_key,
)
from desktop.domain.timeutil import to_china
from desktop.store.database import Store
from desktop.store.models import OutboxAction, SyncState, Unit
from desktop.store.types import china_text

__all__ = [
    "Figures",
    "StatsGroup",
    "StoreStatistics",
    "compute_statistics",
    "figure_codes",
]


@dataclass(frozen=True)
class Figures:
    """The counts of one group (or of the whole scope); rates are computed from them."""

    counts: Mapping[str, int]

    def value(self, key: str) -> int | float | None:
        """A count, or a rate in 0..1 (None when its denominator is 0)."""
        fig = figure(key)
        if fig.is_rate:
            return rate_of(fig, self.counts)
        return self.counts.get(key, 0)

    def as_dict(self) -> dict[str, int | float | None]:
        """Every figure's value by key, in the order of `desktop.domain.statistics.FIGURES`."""
        return {f.key: self.value(f.key) for f in FIGURES}


@dataclass(frozen=True)
class StatsGroup:
    """The figures of one group: a unit, a channel, a category, a week or a month."""

    key: str
    """Unit code, channel value, category value, "2026-W48", "2026-11"."""
    label: str
    """Chinese display name."""
    figures: Figures


@dataclass(frozen=True)
class StoreStatistics:
    """The statistics of a period as the store computes them."""

    period: Period
    now: datetime
    synced_at: datetime | None
    """When the store last synced its clues (a demo store: the moment its data stands at;
    None: never)."""
    totals: Figures
    groups: tuple[StatsGroup, ...]
    """By the grouping asked for (units: worst closure rate first)."""
    trend: tuple[StatsGroup, ...]
    """By week for periods up to about three months, else by month (every one, empty too)."""
    by: Grouping | None = None
    """The grouping of `groups` (None: no groups)."""
    trend_by: Grouping = Grouping.WEEK
    """The grouping of `trend`."""
    pending_actions: int = 0
    """This device's actions not yet confirmed by the platform: figures that need a sync."""


# --------------------------------------------------------------------------------- sources

_MONDAY = "date({m}, 'weekday 0', '-6 days')"
"""The Monday of the ISO week holding a moment: the next Sunday (or the day itself), less six."""


_STAGE_DONE = {
    "dispatch": "e.action = 'dispatch'",
    "sign": "e.action = 'sign'",
    "handle": "((e.action = 'report' AND e.to_status = 'reviewing') "
    "OR e.action = 'signoff_approve')",
    "review": "(e.action IN ('approve', 'reject') AND e.from_status = 'reviewing')",
}

_RESULT_UNIT = (
    "COALESCE((SELECT h.unit_code FROM clue_events h WHERE h.clue_id = e.clue_id "
    "AND h.at <= e.at AND (h.action = 'signoff_approve' "
    "OR (h.action = 'report' AND h.to_status = 'reviewing')) "
    "ORDER BY h.at DESC, h.id DESC LIMIT 1), e.unit_code)"
)
"""The unit whose result a rejection turned back or a callback judged: the one that last
handed it over; when none did (a duplicate closed with its original), the unit that acted."""

_RUNNING_LEVEL2 = (
    "warning_episodes w CROSS JOIN clue_events e ON e.clue_id = w.clue_id "
    "AND e.at >= w.reached_at "
    "AND (w.cleared_at IS NULL OR e.at <= w.cleared_at)"
)
"""A stage's completion `e` while the stage's level-2 warning `w`, past its deadline, ran
(CROSS JOIN: the few warnings of the period first, then their clues' actions by index)."""

_LEVEL2_IN_PERIOD = (
    "w.level = 2 AND w.reached_at < :end AND (w.cleared_at IS NULL OR w.cleared_at >= :start)"
)

_VERDICT = "json_extract(e.details, '$.callback')"
_VERDICTS = (
    ("satisfied", "satisfied"),
    ("basically_satisfied", "basically"),
    ("unsatisfied", "unsatisfied"),
    ("unreached", "unreached"),
)

_STAGE_ACTIONS = "('dispatch', 'sign', 'report', 'signoff_approve', 'approve', 'reject', 'return')"
"""The actions that end a stage or return a clue (the index on (action, at) finds them)."""

_CLOSED = "(c.status = 'closed' AND c.closed_at <= :now)"
_REINSPECTED = "('rectified', 'not_rectified', 'case_filed', 'case_closed')"
_NOT_RECTIFIED = "('not_rectified', 'case_filed', 'case_closed')"


@dataclass(frozen=True)
class _Source:
    family: Family
    table: str
    """The FROM clause, without the clue unless the rows are clues (alias `c`)."""
    clue_id: str
    """The expression of the row's clue id (joined to `clues c` when the clue is needed)."""
    moment: str
    unit: str
    item: str
    """What a count counts: a clue's id, a notice's or a case's."""
    where: str
    counts: Mapping[str, str]

    @property
    def per_row(self) -> bool:
        """Whether every row is its own item (then counting is summing)."""
        return self.item != self.clue_id or self.family is Family.CLUES

    def source(self, by: Grouping | None, *, codes: bool = False) -> str:
        """The FROM clause, joined to the clue when a grouping or the codes need it."""
        if self.family is Family.CLUES or not (codes or by in _CLUE_DIMENSIONS):
            return self.table
        return f"{self.table} JOIN clues c ON c.id = {self.clue_id}"

    def dimension(self, by: Grouping | None) -> str:
        """The SQL expression of a row's group key."""
        if by is None:
            return "''"
        return {
            Grouping.UNIT: self.unit,
            Grouping.CHANNEL: "c.channel",
            Grouping.CATEGORY: "c.category",
            Grouping.COUNTY: "c.county_code",
            Grouping.TOWNSHIP: "COALESCE(c.township_code, '')",
            Grouping.WEEK: _MONDAY.format(m=self.moment),
            Grouping.MONTH: f"substr({self.moment}, 1, 7)",
        }[by]


_CLUE_DIMENSIONS = frozenset(
    {Grouping.CHANNEL, Grouping.CATEGORY, Grouping.COUNTY, Grouping.TOWNSHIP}
)

_SOURCES: tuple[_Source, ...] = (
    _Source(
        Family.CLUES,
        "clues c",
        "c.id",
        "c.received_at",
        "COALESCE(c.lead_unit, c.owner_unit, c.county_code)",
        "c.id",
        "1 = 1",
        {
            "received": "1 = 1",
            "refused": "c.status = 'refused'",
            "closed": _CLOSED,
            "finding_true": f"{_CLOSED} AND c.finding = 'true'",
            "finding_partly_true": f"{_CLOSED} AND c.finding = 'partly_true'",
            "finding_untrue": f"{_CLOSED} AND c.finding = 'untrue'",
        },
    ),
    _Source(
        Family.ACTIONS,
        "clue_events e",
        "e.clue_id",
        "e.at",
        "e.unit_code",
        "e.clue_id",
        f"e.action IN {_STAGE_ACTIONS}",
        {
            **{f"{s}_done": _STAGE_DONE[s] for s in STAGES},
            "returned": "e.action = 'return'",
        },
    ),
    _Source(
        Family.ACTIONS,
        _RUNNING_LEVEL2,
        "e.clue_id",
        "e.at",
        "e.unit_code",
        "e.clue_id",
        f"{_LEVEL2_IN_PERIOD} AND e.action IN {_STAGE_ACTIONS}",
        {f"{s}_late": f"w.stage = '{s}' AND {_STAGE_DONE[s]}" for s in STAGES},
    ),
    _Source(
        Family.ACTIONS,
        "clue_events e",
        "e.clue_id",
        "e.at",
        _RESULT_UNIT,
        "e.clue_id",
        "e.action IN ('reject', 'callback')",
        {
            "rejected": "e.action = 'reject'",
            "callbacks": "e.action = 'callback'",
            **{key: f"e.action = 'callback' AND {_VERDICT} = '{v}'" for key, v in _VERDICTS},
            "content": f"e.action = 'callback' AND {_VERDICT} IN ('satisfied', 'basically')",
            "verdicts": f"e.action = 'callback' AND {_VERDICT} IN "
            "('satisfied', 'basically', 'unsatisfied')",
        },
    ),
    _Source(
        Family.WARNINGS,
        "warning_episodes w",
        "w.clue_id",
        "w.reached_at",
        "w.unit_code",
        "w.clue_id",
        "w.level IN (1, 2, 3)",
        {f"warning_level{n}": f"w.level = {n}" for n in (1, 2, 3)},
    ),
    _Source(
        Family.NOTICES,
        "notices n",
        "n.clue_id",
        "n.issued_at",
        "n.unit_code",
        "n.notice_id",
        "n.issued_at IS NOT NULL AND n.status != 'draft'",
        {
            "notices_issued": "1 = 1",
            "notices_reinspected": f"n.status IN {_REINSPECTED}",
            "notices_rectified": "n.status = 'rectified'",
            "notices_overdue": f"n.status IN {_NOT_RECTIFIED}",
        },
    ),
    _Source(
        Family.CASES,
        "cases k",
        "k.clue_id",
        "k.filed_on",
        "k.unit_code",
        "k.case_id",
        "1 = 1",
        {"cases_filed": "1 = 1", "cases_closed": "k.status = 'closed'"},
    ),
)

_SOURCE_OF: Mapping[str, _Source] = {key: s for s in _SOURCES for key in s.counts}

_MISSING = set(COUNT_KEYS) - set(_SOURCE_OF) - set(DERIVED)
assert not _MISSING, f"counts without a source: {_MISSING}"


# --------------------------------------------------------------------------------- queries


def _bounds(period: Period) -> dict[str, str]:
    return {
        "start": period.start.isoformat(),
        "end": (period.end + timedelta(days=1)).isoformat(),
    }


def _filters(source: _Source, unit_codes: Collection[str] | None, extra: Iterable[str] = ()) -> str:
    parts = [source.where, f"{source.moment} >= :start", f"{source.moment} < :end", *extra]
    if unit_codes is not None:
        parts.append(f"{source.unit} IN :units")
    return " AND ".join(f"({p})" for p in parts)


def _params(
    period: Period, now: datetime, unit_codes: Collection[str] | None, **more: Any
) -> dict[str, Any]:
    params: dict[str, Any] = {**_bounds(period), "now": china_text(now), **more}
    if unit_codes is not None:
        params["units"] = sorted(unit_codes)
    return params


def _statement(sql: str, unit_codes: Collection[str] | None) -> Any:
    statement = text(sql)
    if unit_codes is not None:
        statement = statement.bindparams(bindparam("units", expanding=True))
    return statement


def _group_key(by: Grouping | None, raw: Any) -> str:
    value = "" if raw is None else str(raw)
    if by is Grouping.WEEK and value:
        return week_key(date.fromisoformat(value))
    return value


def _count_sql(source: _Source, by: Grouping | None, unit_codes: Collection[str] | None) -> str:
    """One query for every count of a source by group: each row is its own item, so a count
    is a sum; or the rows are a clue's, then first one row per group and clue with a flag per
    count, then the sums of the flags."""
    where = _filters(source, unit_codes)
    keys = list(source.counts)
    flags = [f"CASE WHEN {source.counts[k]} THEN 1 ELSE 0 END" for k in keys]
    table, dimension = source.source(by), source.dimension(by)
    if source.per_row:
        sums = ", ".join(f"SUM({f})" for f in flags)
        return f"SELECT {dimension} AS g, {sums} FROM {table} WHERE {where} GROUP BY g"
    inner = ", ".join(f"MAX({f}) AS f{i}" for i, f in enumerate(flags))
    sums = ", ".join(f"SUM(f{i})" for i in range(len(keys)))
    return (
        f"SELECT g, {sums} FROM (SELECT {dimension} AS g, {source.clue_id} AS clue, {inner} "
        f"FROM {table} WHERE {where} GROUP BY g, clue) GROUP BY g"
    )


def _count_rows(
    session: Session,
    period: Period,
    now: datetime,
    by: Grouping | None,
    unit_codes: Collection[str] | None,
) -> dict[str, dict[str, int]]:
    """The counts by group key (one key "" without a grouping), derived ones included."""
    found: dict[str, dict[str, int]] = {}
    for source in _SOURCES:
        keys = list(source.counts)
        rows = session.execute(
            _statement(_count_sql(source, by, unit_codes), unit_codes),
            _params(period, now, unit_codes),
        )
        for row in rows:
            counts = found.setdefault(_group_key(by, row[0]), dict.fromkeys(_BASIC, 0))
            for key, value in zip(keys, row[1:], strict=True):
                counts[key] += int(value or 0)
    return {key: derived_counts(counts) for key, counts in found.items() if any(counts.values())}


_BASIC = tuple(key for key in COUNT_KEYS if key not in DERIVED)


def _empty() -> dict[str, int]:
    return derived_counts(dict.fromkeys(_BASIC, 0))


def _labels(session: Session, by: Grouping) -> dict[str, str]:
    if by in (Grouping.UNIT, Grouping.COUNTY, Grouping.TOWNSHIP):
        names = {code: name for code, name in session.execute(select(Unit.code, Unit.name))}
        if by is Grouping.TOWNSHIP:
            names[""] = "未定乡镇街道"
        return names
    if by is Grouping.CHANNEL:
        return {c.value: c.label for c in Channel}
    if by is Grouping.CATEGORY:
        return {c.value: c.label for c in Category}
    return {}


def _closure_sort(group: StatsGroup) -> tuple[Any, ...]:
    rate = group.figures.value("closure_rate")
    return (
        rate is None,
        rate if rate is not None else 0.0,
        -group.figures.counts.get("received", 0),
        group.key,
    )


def _groups(
    session: Session,
    period: Period,
    now: datetime,
    by: Grouping,
    unit_codes: Collection[str] | None,
) -> tuple[StatsGroup, ...]:
    counted = _count_rows(session, period, now, by, unit_codes)
    if by in (Grouping.WEEK, Grouping.MONTH):
        return tuple(
            StatsGroup(key, label, Figures(counted.get(key, _empty())))
            for key, label in buckets(period.start, period.end, by)
        )
    labels = _labels(session, by)
    groups = [
        StatsGroup(key, labels.get(key, key), Figures(counts)) for key, counts in counted.items()
    ]
    if by in (Grouping.UNIT, Grouping.COUNTY, Grouping.TOWNSHIP):
        groups.sort(key=_closure_sort)
    else:
        groups.sort(key=lambda g: (-g.figures.counts.get("received", 0), g.key))
    return tuple(groups)


def synced_at(session: Session) -> datetime | None:
    """When the store last synced: the last successful sync run; for a demo store never
    synced, the moment its data stands at; None otherwise."""
    for key, field in (("last_sync_at", None), ("demo", "now")):
        row = session.get(SyncState, key)
        if row is None or row.value is None:
            continue
        raw = row.value.get(field) if field and isinstance(row.value, dict) else row.value
        try:
            return to_china(datetime.fromisoformat(str(raw)))
        except (TypeError, ValueError):
            continue
    return None


def _pending(session: Session) -> int:
    statement = select(OutboxAction.seq).where(OutboxAction.state == "pending")
    return len(session.scalars(statement).all())


def compute_statistics(
    store: Store,
    period: Period,
    now: datetime,
    *,
    by: Grouping | None = None,
    unit_codes: Collection[str] | None = None,
) -> StoreStatistics:
    """The figures of `period` seen at `now` over the store, for all it holds or only the
    units `unit_codes` (each figure counted to its unit, see `desktop.domain.statistics`):
    the totals, the groups `by` asks for, and the trend by week or month."""
    now = to_china(now)
    trend_by = trend_grouping(period.start, period.end)
    with store.session() as session:
        totals = _count_rows(session, period, now, None, unit_codes).get("", _empty())
        groups = _groups(session, period, now, by, unit_codes) if by is not None else ()
        trend = _groups(session, period, now, trend_by, unit_codes)
        return StoreStatistics(
            period=period,
            now=now,
            synced_at=synced_at(session),
            totals=Figures(totals),
            groups=groups,
            trend=trend,
            by=by,
            trend_by=trend_by,
            pending_actions=_pending(session),
        )


def _group_value(by: Grouping, group: str) -> str:
    if by is Grouping.WEEK:
        year, _, week = group.partition("-W")
        return date.fromisocalendar(int(year), int(week), 1).isoformat()
    return group


def _codes(
    session: Session,
    period: Period,
    now: datetime,
    key: str,
    by: Grouping | None,
    group: str | None,
    unit_codes: Collection[str] | None,
) -> set[str]:
    if key in DERIVED:
        first, others = DERIVED[key]
        found = _codes(session, period, now, first, by, group, unit_codes)
        for other in others:
            found -= _codes(session, period, now, other, by, group, unit_codes)
        return found
    source = _SOURCE_OF[key]
    extra = [source.counts[key]]
    more: dict[str, Any] = {}
    if by is not None and group is not None:
        extra.append(f"{source.dimension(by)} = :group")
        more["group"] = _group_value(by, group)
    table = source.source(by, codes=True)
    sql = f"SELECT DISTINCT c.code FROM {table} WHERE {_filters(source, unit_codes, extra)}"
    params = _params(period, now, unit_codes, **more)
    return set(session.scalars(_statement(sql, unit_codes), params))


def figure_codes(
    store: Store,
    period: Period,
    now: datetime,
    key: str,
    *,
    by: Grouping | None = None,
    group: str | None = None,
    unit_codes: Collection[str] | None = None,
) -> tuple[str, ...]:
    """The clue codes behind the figure `key` (a rate: behind its numerator), in the whole
    scope or in one `group` of the grouping `by`, sorted: what a click on it lists."""
    fig = figure(key)
    with store.session() as session:
        codes = _codes(session, period, to_china(now), fig.numerator, by, group, unit_codes)
    return tuple(sorted(codes))
