"""The warning record (预警台账) in the platform database: reading a clue's open episodes and
writing what `desktop.domain.warning_record.advance_record` decides, at a push and in the job.

The levels are never derived here: every step is `advance_record` of the shared rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from cityplatform.domainmap import RuleBook
from cityplatform.models import WarningEpisodeRow
from desktop.domain.clue import ClueState
from desktop.domain.stages import Stage
from desktop.domain.warning_record import (
    RecordChange,
    WarningEpisode,
    advance_record,
    current_stage,
    episode_columns,
    responsible_unit,
)

EpisodeKey = tuple[Stage, int, datetime, datetime]
"""What names an episode within its clue: stage, level, deadline, reached_at."""

_STAGE_START = {
    Stage.DISPATCH: "registered_at",
    Stage.SIGN: "dispatched_at",
    Stage.HANDLE: "signed_at",
    Stage.REVIEW: "reported_at",
}


def stage_started(state: ClueState) -> datetime:
    """When the running stage of the clue began, as far as its state tells (its stamp)."""
    running = current_stage(state)
    if running is None:
        return state.registered_at
    started: datetime | None = getattr(state, _STAGE_START[running[0]])
    return started if started is not None else state.registered_at


def key_of(episode: WarningEpisode) -> EpisodeKey:
    """The episode's key within its clue."""
    return (episode.stage, episode.level, episode.deadline, episode.reached_at)


@dataclass(frozen=True)
class OpenEpisode:
    """An open episode as stored: its row id, the episode and the unit it names."""

    id: int
    episode: WarningEpisode
    unit_code: str


_OPEN = select(
    WarningEpisodeRow.id,
    WarningEpisodeRow.clue_id,
    WarningEpisodeRow.stage,
    WarningEpisodeRow.level,
    WarningEpisodeRow.deadline,
    WarningEpisodeRow.reached_at,
    WarningEpisodeRow.unit_code,
).where(WarningEpisodeRow.cleared_at.is_(None))


def open_episodes(connection: Connection, clue_ids: Sequence[int]) -> dict[int, list[OpenEpisode]]:
    """The open episodes of the clues, by clue id (one query)."""
    found: dict[int, list[OpenEpisode]] = {}
    if not clue_ids:
        return found
    rows = connection.execute(
        _OPEN.where(WarningEpisodeRow.clue_id.in_(list(clue_ids))).order_by(
            WarningEpisodeRow.clue_id, WarningEpisodeRow.id
        )
    )
    for row in rows:
        episode = WarningEpisode(Stage(row.stage), row.level, row.deadline, row.reached_at)
        found.setdefault(row.clue_id, []).append(OpenEpisode(row.id, episode, row.unit_code))
    return found


_CLEAR = (
    update(WarningEpisodeRow)
    .where(WarningEpisodeRow.id == bindparam("episode_id"))
    .values(cleared_at=bindparam("at"), cleared_by=bindparam("by"))
)


def write_change(
    connection: Connection,
    clue_id: int,
    state: ClueState,
    stored: Iterable[OpenEpisode],
    change: RecordChange,
) -> list[OpenEpisode]:
    """Write one step of the record: clear the ended open rows, insert the ended episodes the
    record lacked and the new open ones; the clue's open episodes afterwards."""
    by_key = {key_of(o.episode): o for o in stored}
    clears: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    for episode in change.closed:
        found = by_key.pop(key_of(episode), None)
        by = episode.cleared_by.value if episode.cleared_by else None
        if found is not None:
            clears.append({"episode_id": found.id, "at": episode.cleared_at, "by": by})
            continue
        group_unit = next(
            (o.unit_code for o in by_key.values() if o.episode.stage is episode.stage), None
        )
        unit = group_unit or responsible_unit(episode.stage, state)
        inserts.append(episode_row(clue_id, episode, unit, state.county_code))
    opened = [
        episode_row(clue_id, e, responsible_unit(e.stage, state), state.county_code)
        for e in change.opened
    ]
    if clears:
        connection.execute(_CLEAR, clears)
    if inserts:
        connection.execute(insert(WarningEpisodeRow), inserts)
    kept = list(by_key.values())
    if opened:
        result = connection.execute(
            insert(WarningEpisodeRow).returning(WarningEpisodeRow.id), opened
        )
        ids = list(result.scalars())
        for row_id, episode, values in zip(ids, change.opened, opened, strict=True):
            kept.append(OpenEpisode(row_id, episode, values["unit_code"]))
    return kept


def episode_row(clue_id: int, episode: WarningEpisode, unit: str, county: str) -> dict[str, Any]:
    """The row of the warning_episodes table holding `episode` of clue `clue_id`."""
    return {
        "clue_id": clue_id,
        **episode_columns(episode),
        "unit_code": unit,
        "county_code": county,
    }


def advance_stored(
    connection: Connection,
    book: RuleBook,
    clue_id: int,
    state: ClueState,
    stored: Sequence[OpenEpisode],
    now: datetime,
    changed_at: datetime | None = None,
    last_action: str | None = None,
) -> tuple[bool, list[OpenEpisode]]:
    """Advance one clue's stored record to `now`; whether it changed, and its open episodes."""
    change = advance_record(
        [o.episode for o in stored],
        state,
        changed_at if changed_at is not None else stage_started(state),
        now,
        book.calendar,
        book.rules,
        last_action,
    )
    if change.empty:
        return False, list(stored)
    return True, write_change(connection, clue_id, state, stored, change)


def record_action(
    connection: Connection,
    book: RuleBook,
    clue_id: int,
    before: ClueState | None,
    after: ClueState,
    action: str,
    now: datetime,
) -> bool:
    """Keep the record across one applied action on a clue (same transaction): advance it
    with the state before, at the action's time, then with the new state; whether it changed."""
    stored = open_episodes(connection, [clue_id]).get(clue_id, [])
    changed = False
    if before is not None:
        changed, stored = advance_stored(connection, book, clue_id, before, stored, now)
    if before is not None and current_stage(before) == current_stage(after):
        return changed
    moved, _ = advance_stored(connection, book, clue_id, after, stored, now, now, action)
    return changed or moved
