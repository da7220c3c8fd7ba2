"""The data of a monthly circular (月度通报) over the store: one row per county (a city
circular) or per township, street and department (a county circular), the ranking with the
assessment score and its components, the overdue and level-3 lists, the weekly verification,
the penalty cases and the units named for praise or criticism.

Every figure comes from the statistics (`desktop.store.statistics`), with their one
definition of each figure (docs/statistics.md): a county's row is the statistics of all the
county's units together. The score is the unit assessment's combined score
(`desktop.domain.assessment.combined_score`, weights of the rules data) over the components
`components_from_counts` derives from the row's own counts, so a county is judged on the
pooled counts of its units, not on a mean of their scores. The components are taken from the
statistics' SQL aggregates rather than from `assess_store`, which reads back every history in
Python (minutes on 100,000 clues, where a circular must take seconds); see
docs/circular.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import select

from desktop.domain.assessment import Period, combined_score, components_from_counts
from desktop.domain.assessment_weights import AssessmentWeights
from desktop.domain.circular import (
    SERIES,
    Level,
    Month,
    Naming,
    Namings,
    RankedRow,
    circular_prefix,
    circular_title,
    rank_rows,
)
from desktop.domain.codes import DISPATCHING_KINDS, UnitKind
from desktop.domain.notice_numbers import format_number, load_number_prefixes
from desktop.domain.stages import Stage
from desktop.domain.statistics import Grouping
from desktop.domain.timeutil import to_china
from desktop.domain.units import UnitDirectory, UnitInfo, city_office
from desktop.domain.verification import VerificationTally
from desktop.store.assessment import suggestions_due
from desktop.store.clue_rows import load_directory, load_rules
from desktop.store.database import Store
from desktop.store.models import Clue, Unit
from desktop.store.models import WarningEpisode as EpisodeRow
from desktop.store.number_blocks import take_number
from desktop.store.statistics import Figures, compute_statistics
from desktop.store.verification import verification_tally
from desktop.store.warnings import day_bounds

__all__ = [
    "CaseLine",
    "CircularData",
    "CircularRow",
    "ListedWarning",
    "circular_data",
    "circular_issuer",
    "next_circular_number",
    "take_circular_number",
]

ASSESSMENT_COUNTS: Mapping[str, str] = {
    "received": "received",
    "signed": "sign_done",
    "signed_on_time": "sign_on_time",
    "reported": "handle_done",
    "reported_on_time": "handle_on_time",
    "closed": "handle_done",
    "handled_on_time": "handle_on_time",
    "returned": "returned",
    "rejected_at_review": "rejected",
    "red_warnings": "warning_level3",
    "satisfied": "satisfied",
    "basically_satisfied": "basically_satisfied",
    "unsatisfied": "unsatisfied",
}
"""Which count of the statistics feeds each figure of the assessment's components. The
statistics judge the handling stage's timeliness once (按时办理: every handover by the
deadline then in force), so it stands for both 按时反馈 and 按时办结."""

UNJUDGED = frozenset({"without_extension"})
"""Components the statistics hold no count for (extension requests): left out of the score,
as the assessment leaves out a component with nothing to judge."""


@dataclass(frozen=True)
class CircularRow:
    """One row of the circular: a county or a unit, its statistics, score and rank."""

    code: str
    name: str
    figures: Figures
    unit_codes: tuple[str, ...]
    ranked: RankedRow
    verification: VerificationTally | None = None

    def value(self, key: str) -> int | float | None:
        """A figure of the row (a count, or a share 0..1; None: nothing to judge)."""
        return self.figures.value(key)

    def count(self, key: str) -> int:
        """A count of the row (0 when the statistics hold none)."""
        return int(self.figures.counts.get(key, 0))

    @property
    def score(self) -> float | None:
        """The combined score of the assessment."""
        return self.ranked.score

    @property
    def rank(self) -> int:
        """The rank by score (0: no score)."""
        return self.ranked.rank


@dataclass(frozen=True)
class ListedWarning:
    """A line of the overdue or level-3 list: the clue, the stage, the unit, the area."""

    code: str
    stage: Stage
    level: int
    unit_name: str
    area_name: str
    reached_at: datetime
    cleared_at: datetime | None


@dataclass(frozen=True)
class CaseLine:
    """The penalty cases of a row: filed and concluded in the month, and the 结案率."""

    name: str
    filed: int
    concluded: int
    rate: float | None


@dataclass(frozen=True)
class CircularData:
    """Everything a circular prints, computed once: the PDF and the workbook read this."""

    month: Month
    level: Level
    area_code: str
    area_name: str
    issuer: str
    addressees: str
    now: datetime
    synced_at: datetime | None
    totals: Figures
    rows: tuple[CircularRow, ...]
    """In ranking order (best score first)."""
    overdue: tuple[ListedWarning, ...]
    red: tuple[ListedWarning, ...]
    namings: Namings = field(default_factory=Namings)
    number: str | None = None
    verified: bool = False
    """Whether any clue of the month was drawn for the weekly verification."""
    unit_names: Mapping[str, str] = field(default_factory=dict)
    """Every unit's name by code (for the units named for praise or criticism)."""

    @property
    def title(self) -> str:
        """关于2026年11月全市污染防治线索办理情况的通报."""
        return circular_title(self.month, self.level, self.area_name)

    @property
    def period(self) -> Period:
        """The month's days."""
        return self.month.period

    def row(self, code: str) -> CircularRow | None:
        """The row of a county or unit."""
        return next((r for r in self.rows if r.code == code), None)

    def cases(self) -> tuple[CaseLine, ...]:
        """The penalty cases per row, in the rows' order."""
        return tuple(
            CaseLine(
                r.name,
                r.count("cases_filed"),
                r.count("cases_closed"),
                _share(r.value("case_closure_rate")),
            )
            for r in self.rows
        )

    def name_of(self, code: str) -> str:
        """The name of a row or unit (its code when the store does not know it)."""
        found = self.row(code)
        return found.name if found is not None else self.unit_names.get(code, code)

    def with_number(self, number: str | None) -> CircularData:
        """The same circular under another number (None: a draft)."""
        return replace(self, number=number)

    def with_namings(self, namings: Namings) -> CircularData:
        """The same circular naming other units for praise or criticism."""
        return replace(self, namings=namings)


def _share(value: int | float | None) -> float | None:
    return None if value is None else float(value)


def _county_of(unit: UnitInfo) -> bool:
    return unit.kind in DISPATCHING_KINDS and unit.code == unit.county_code


def _area_short(code: str, directory: UnitDirectory) -> str:
    known = load_number_prefixes().areas.get(code)
    if known:
        return known
    unit = directory.get(code)
    return unit.name[:1] if unit is not None and unit.name else ""


def circular_issuer(directory: UnitDirectory, county: str | None) -> UnitInfo:
    """The office that issues the circular: the county's tackling office, or the city's.
    LookupError when the store does not know it."""
    if county is None:
        office = city_office(directory)
        if office is None:
            raise LookupError("本地库中没有市攻坚办，请先同步")
        return office
    unit = directory.get(county)
    if unit is None or not _county_of(unit):
        raise LookupError(f"「{county}」不是本地库中的县区编码")
    return unit


def _row_units(directory: UnitDirectory, county: str | None) -> list[tuple[UnitInfo, list[str]]]:
    """The rows and the units each row's statistics cover, in code order."""
    if county is None:
        counties = sorted((u for u in directory.values() if _county_of(u)), key=lambda u: u.code)
        return [
            (c, sorted(u.code for u in directory.values() if u.county_code == c.code))
            for c in counties
        ]
    units = sorted(
        (u for u in directory.values() if u.county_code == county and u.handles),
        key=lambda u: (u.kind is UnitKind.DEPARTMENT, u.code),
    )
    return [(u, [u.code]) for u in units]


def _suggestions_due(store: Store, period: Period, now: datetime) -> dict[str, tuple[int, int]]:
    """Per unit: the commission's suggestions issued in the period that are due (answered,
    or past their deadline), and those answered on time (as the assessment counts them)."""
    found: dict[str, tuple[int, int]] = {}
    moment = to_china(now)
    for item in suggestions_due(store):
        if not period.holds(item.issued_at):
            continue
        due, on_time = found.get(item.unit, (0, 0))
        if item.answered_at is not None or item.due_at <= moment:
            due += 1
        found[item.unit] = (due, on_time + int(item.answered_on_time))
    return found


def _ranked(
    code: str,
    name: str,
    figures: Figures,
    units: Sequence[str],
    suggestions: Mapping[str, tuple[int, int]],
    weights: AssessmentWeights,
) -> RankedRow:
    counts = {name_: int(figures.counts.get(key, 0)) for name_, key in ASSESSMENT_COUNTS.items()}
    due = sum(suggestions.get(u, (0, 0))[0] for u in units)
    counts["suggestions_answered_on_time"] = sum(suggestions.get(u, (0, 0))[1] for u in units)
    components = components_from_counts(counts, due)
    for unjudged in UNJUDGED:
        components[unjudged] = None
    closure = figures.value("closure_rate")
    return RankedRow(
        code,
        name,
        combined_score(components, weights),
        components,
        None if closure is None else float(closure),
    )


def _row_tally(
    tallies: Mapping[str, VerificationTally], units: Sequence[str]
) -> VerificationTally | None:
    found = [tallies[u] for u in units if u in tallies]
    if not found:
        return None
    return VerificationTally(
        drawn=sum(t.drawn for t in found),
        passed=sum(t.passed for t in found),
        irregular=sum(t.irregular for t in found),
        incomplete=sum(t.incomplete for t in found),
        pending=sum(t.pending for t in found),
    )


def _warnings(
    store: Store,
    period: Period,
    level: int,
    row_of: Callable[[str, str | None], str | None],
    names: Mapping[str, str],
) -> tuple[ListedWarning, ...]:
    """The episodes of `level` reached in the period that fall to a row (`row_of(unit,
    county)` gives the row's name, None: not in the circular), by when they were reached."""
    since, until = day_bounds(period.start, period.end)
    statement = (
        select(Clue.code, Clue.county_code, EpisodeRow)
        .join(Clue, Clue.id == EpisodeRow.clue_id)
        .where(EpisodeRow.level == level, EpisodeRow.reached_at >= since)
        .where(EpisodeRow.reached_at < until)
        .order_by(EpisodeRow.reached_at, Clue.code, EpisodeRow.stage)
    )
    found = []
    with store.session() as session:
        for code, county, episode in session.execute(statement):
            area = row_of(episode.unit_code, county)
            if area is None:
                continue
            found.append(
                ListedWarning(
                    code,
                    Stage(episode.stage),
                    level,
                    names.get(episode.unit_code, episode.unit_code),
                    area,
                    to_china(episode.reached_at),
                    to_china(episode.cleared_at) if episode.cleared_at else None,
                )
            )
    return tuple(found)


def circular_data(
    store: Store,
    month: Month,
    now: datetime,
    *,
    county: str | None = None,
    verification: Mapping[str, VerificationTally] | None = None,
    namings: Sequence[Naming] = (),
) -> CircularData:
    """The circular of `month` seen at `now`: the city's (`county` None: a row per county,
    the statistics grouped by county) or a county's (a row per township, street and
    department, the statistics grouped by unit over all the county's units).

    LookupError when the store does not know the issuing office or the county."""
    period = month.period
    with store.session() as session:
        directory = load_directory(session)
        weights = load_rules(session).assessment_weights
    issuer = circular_issuer(directory, county)
    level = Level.CITY if county is None else Level.COUNTY
    rows_units = _row_units(directory, county)
    scope = None if county is None else sorted(u for u in directory if _in(directory, u, county))
    by = Grouping.COUNTY if county is None else Grouping.UNIT
    stats = compute_statistics(store, period, now, by=by, unit_codes=scope)
    groups = {g.key: g.figures for g in stats.groups}
    suggestions = _suggestions_due(store, period, now)
    every = sorted({code for _, units in rows_units for code in units})
    tallies = verification_tally(store, period, every) if verification is None else verification
    ranked: dict[str, RankedRow] = {}
    made: dict[str, CircularRow] = {}
    for unit, units in rows_units:
        name = _area_name(unit) if county is None else unit.name
        figures = groups.get(unit.code, Figures({}))
        ranked[unit.code] = _ranked(unit.code, name, figures, units, suggestions, weights)
        made[unit.code] = CircularRow(
            unit.code, name, figures, tuple(units), ranked[unit.code], _row_tally(tallies, units)
        )
    rows = tuple(replace(made[r.code], ranked=r) for r in rank_rows(ranked[code] for code in made))
    names = {code: unit.name for code, unit in directory.items()}
    row_names = {r.code: r.name for r in rows}

    def row_of(unit_code: str, clue_county: str | None) -> str | None:
        if county is None:
            return row_names.get(clue_county or "")
        return row_names.get(unit_code) if _in(directory, unit_code, county) else None

    return CircularData(
        month=month,
        level=level,
        area_code=issuer.code,
        area_name=_area_name(issuer),
        issuer=issuer.signature,
        addressees=_addressees(level),
        now=to_china(now),
        synced_at=stats.synced_at,
        totals=stats.totals,
        rows=rows,
        overdue=_warnings(store, period, 2, row_of, names),
        red=_warnings(store, period, 3, row_of, names),
        namings=Namings.build(namings),
        verified=any(r.verification is not None and r.verification.drawn for r in rows),
        unit_names=names,
    )


def _in(directory: UnitDirectory, code: str, county: str) -> bool:
    unit = directory.get(code)
    return unit is not None and unit.county_code == county


OFFICE_SUFFIX = "污染防治攻坚办"


def _area_name(unit: UnitInfo) -> str:
    """The area an office stands for: 海州区 (全市 for the city office)."""
    if unit.kind is UnitKind.CITY_OFFICE:
        return "全市"
    return unit.name.removesuffix(OFFICE_SUFFIX) or unit.name


def _addressees(level: Level) -> str:
    if level is Level.CITY:
        return "各县区污染防治攻坚办，市各有关部门"
    return "各镇（街道），各有关部门"


def _issuer_unit(store: Store, code: str) -> UnitInfo:
    with store.session() as session:
        directory = load_directory(session)
    unit = directory.get(code)
    if unit is None:
        raise LookupError(f"「{code}」不是本地库中的单位编码")
    return unit


def circular_prefix_of(store: Store, issuer_code: str) -> str:
    """The prefix of the numbers of circulars issued by `issuer_code`: 海攻坚通."""
    with store.session() as session:
        directory = load_directory(session)
    area = directory[issuer_code].county_code or issuer_code
    return circular_prefix(_area_short(area, directory))


def next_circular_number(store: Store, issuer_code: str, year: int) -> str | None:
    """The number the next circular of the office would take from its blocks (nothing
    taken); None when this device holds no unused circular number for the year."""
    from desktop.store.models import NumberBlock

    with store.session() as session:
        seq = session.scalar(
            select(NumberBlock.next_seq)
            .where(
                NumberBlock.unit_code == issuer_code,
                NumberBlock.year == year,
                NumberBlock.series == SERIES,
                NumberBlock.next_seq <= NumberBlock.last,
            )
            .order_by(NumberBlock.first)
            .limit(1)
        )
    if seq is None:
        return None
    return format_number(circular_prefix_of(store, issuer_code), year, int(seq))


def take_circular_number(store: Store, issuer_code: str, year: int) -> str | None:
    """Use the lowest unused circular number of the office's blocks for `year`; None when
    this device holds none (the circular then prints as a draft or with a number typed in)."""
    prefix = circular_prefix_of(store, issuer_code)
    with store.session() as session, session.begin():
        taken = take_number(session, issuer_code, year, SERIES)
    if taken is None:
        return None
    return format_number(prefix, *taken)


def office_codes(store: Store) -> list[tuple[str, str]]:
    """The tackling offices of the store (code, name): the city's first, then the counties'."""
    with store.session() as session:
        rows = session.execute(
            select(Unit.code, Unit.name, Unit.kind).where(
                Unit.kind.in_([k.value for k in DISPATCHING_KINDS])
            )
        ).all()
    ordered = sorted(rows, key=lambda r: (r.kind != UnitKind.CITY_OFFICE.value, r.code))
    return [(r.code, r.name) for r in ordered]
