"""The warning record (预警台账) the store holds as the platform sent it: lists with filters
(unit, stage, level, period, the presets 本周红色预警 and 红色预警未消除, a clue code) and the
record of one clue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.stages import Stage
from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.domain.warning_record import ClearedBy, WarningEpisode, episode_columns
from desktop.store.database import Store
from desktop.store.models import Clue, Unit
from desktop.store.models import WarningEpisode as EpisodeRow

__all__ = [
    "RED",
    "WarningFilter",
    "WarningRow",
    "clue_warnings",
    "list_warnings",
    "red_still_open",
    "red_this_week",
    "replace_clue_warnings",
    "week_start",
]

RED = 3
"""The level at which the discipline commission steps in (三级预警，红)."""


@dataclass(frozen=True)
class WarningFilter:
    """Which episodes a list shows; every field left empty matches everything.

    `since`/`until` bound the instant the level was reached (`until` exclusive); `open_only`
    keeps the warnings that still last; `code` matches a clue code (part of it).
    """

    unit: str | None = None
    stage: Stage | None = None
    level: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    open_only: bool = False
    code: str = ""

    def evolve(self, **changes: Any) -> WarningFilter:
        """A copy with some fields changed."""
        return replace(self, **changes)


def week_start(now: datetime) -> datetime:
    """Monday 00:00 (China time) of the ISO week holding `now`."""
    day = to_china(now).date()
    monday = day - timedelta(days=day.weekday())
    return datetime.combine(monday, time(0), tzinfo=CHINA_TZ)


def red_this_week(now: datetime) -> WarningFilter:
    """本周红色预警: level 3 reached in the ISO week of `now`."""
    start = week_start(now)
    return WarningFilter(level=RED, since=start, until=start + timedelta(days=7))


def red_still_open() -> WarningFilter:
    """红色预警未消除: level 3 not cleared yet."""
    return WarningFilter(level=RED, open_only=True)


@dataclass(frozen=True)
class WarningRow:
    """One episode as a list shows it: the clue, the episode, the unit responsible."""

    code: str
    episode: WarningEpisode
    unit_code: str
    unit_name: str

    @property
    def is_open(self) -> bool:
        """Whether the warning still lasts."""
        return self.episode.is_open

    def to_json(self) -> dict[str, Any]:
        """The line `cluedesk warnings --format json` prints."""
        e = self.episode
        return {
            "code": self.code,
            "stage": e.stage.value,
            "level": e.level,
            "reached_at": e.reached_at.isoformat(),
            "cleared_at": e.cleared_at.isoformat() if e.cleared_at else None,
            "cleared_by": e.cleared_by.value if e.cleared_by else None,
            "unit": self.unit_code,
        }


_COLUMNS = (
    Clue.code,
    EpisodeRow.stage,
    EpisodeRow.level,
    EpisodeRow.deadline,
    EpisodeRow.reached_at,
    EpisodeRow.cleared_at,
    EpisodeRow.cleared_by,
    EpisodeRow.unit_code,
    Unit.name,
)


def _select() -> Any:
    return (
        select(*_COLUMNS)
        .join(Clue, Clue.id == EpisodeRow.clue_id)
        .outerjoin(Unit, Unit.code == EpisodeRow.unit_code)
    )


def _where(statement: Any, flt: WarningFilter) -> Any:
    if flt.unit:
        statement = statement.where(EpisodeRow.unit_code == flt.unit)
    if flt.stage is not None:
        statement = statement.where(EpisodeRow.stage == flt.stage.value)
    if flt.level is not None:
        statement = statement.where(EpisodeRow.level == flt.level)
    if flt.since is not None:
        statement = statement.where(EpisodeRow.reached_at >= flt.since)
    if flt.until is not None:
        statement = statement.where(EpisodeRow.reached_at < flt.until)
    if flt.open_only:
        statement = statement.where(EpisodeRow.cleared_at.is_(None))
    if flt.code.strip():
        statement = statement.where(Clue.code.contains(flt.code.strip().upper()))
    return statement


def stored_episode(row: Any) -> WarningEpisode:
    """The episode a stored row (or a selected row with its columns) holds."""
    return WarningEpisode(
        stage=Stage(row.stage),
        level=row.level,
        deadline=row.deadline,
        reached_at=row.reached_at,
        cleared_at=row.cleared_at,
        cleared_by=ClearedBy(row.cleared_by) if row.cleared_by else None,
    )


def _row(row: Any) -> WarningRow:
    episode = stored_episode(row)
    return WarningRow(row.code, episode, row.unit_code, row.name or row.unit_code)


def query_warnings(
    session: Session, flt: WarningFilter, limit: int | None = None
) -> list[WarningRow]:
    """The episodes matching `flt`, newest reached first (then higher level, then code)."""
    statement = _where(_select(), flt).order_by(
        EpisodeRow.reached_at.desc(), EpisodeRow.level.desc(), Clue.code
    )
    if limit is not None:
        statement = statement.limit(limit)
    return [_row(r) for r in session.execute(statement)]


def list_warnings(store: Store, flt: WarningFilter, limit: int | None = None) -> list[WarningRow]:
    """The episodes matching `flt`, newest reached first."""
    with store.session() as session:
        return query_warnings(session, flt, limit)


def clue_warnings(store: Store, code: str) -> list[WarningRow]:
    """The whole warning record of one clue, in the order the levels were reached."""
    with store.session() as session:
        statement = (
            _select()
            .where(Clue.code == code)
            .order_by(EpisodeRow.reached_at, EpisodeRow.level, EpisodeRow.id)
        )
        return [_row(r) for r in session.execute(statement)]


def warning_units(store: Store) -> list[tuple[str, str]]:
    """The units named in the record (code, name), by name: the unit filter's choices."""
    with store.session() as session:
        rows = session.execute(
            select(EpisodeRow.unit_code, Unit.name)
            .outerjoin(Unit, Unit.code == EpisodeRow.unit_code)
            .distinct()
        )
        return sorted(((c, n or c) for c, n in rows), key=lambda pair: (pair[1], pair[0]))


def open_red_keys(store: Store) -> set[tuple[str, str, int, datetime]]:
    """The level-3 episodes still open, as (code, stage, level, reached_at): what a sync
    compares before and after to tell which red warnings are new."""
    with store.session() as session:
        rows = session.execute(
            select(Clue.code, EpisodeRow.stage, EpisodeRow.level, EpisodeRow.reached_at)
            .join(Clue, Clue.id == EpisodeRow.clue_id)
            .where(EpisodeRow.level == RED, EpisodeRow.cleared_at.is_(None))
        )
        return {(r.code, r.stage, r.level, r.reached_at) for r in rows}


def replace_clue_warnings(
    session: Session,
    clue_id: int,
    episodes: Iterable[tuple[WarningEpisode, str]],
) -> None:
    """Replace one clue's record with `episodes` (episode, unit code); caller commits."""
    session.query(EpisodeRow).filter(EpisodeRow.clue_id == clue_id).delete()
    session.add_all(
        EpisodeRow(clue_id=clue_id, **episode_columns(e), unit_code=unit) for e, unit in episodes
    )


def day_bounds(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """A period of whole days as (since, until) instants for `WarningFilter`."""
    since = datetime.combine(first, time(0), tzinfo=CHINA_TZ) if first else None
    until = datetime.combine(last + timedelta(days=1), time(0), tzinfo=CHINA_TZ) if last else None
    return since, until


def codes_of(rows: Sequence[WarningRow]) -> list[str]:
    """The distinct clue codes of rows, in their order."""
    return list(dict.fromkeys(r.code for r in rows))
