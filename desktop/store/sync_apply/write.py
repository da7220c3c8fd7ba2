"""Writing the platform's state of clues in bulk: rows (only the changed columns), assisting
units and the search index; history and attachments are merged by `merge`, notices and penalty
cases by `records`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.domain.warning_record import episode_columns
from desktop.store.models import AssistingUnit, Clue, Unit, WarningEpisode
from desktop.store.search import index_clues
from desktop.store.sync_apply.kinds import SYNCED_CASES, SYNCED_NOTICES
from desktop.store.sync_apply.merge import merge_attachments, merge_events
from desktop.store.sync_apply.parse import VALUE_FIELDS, ServerClue, UnknownUnitsError
from desktop.store.sync_apply.records import write_server_records
from desktop.store.sync_apply.work import Work, chunks, search_values


class NamesUnits(Protocol):
    """Platform data that refers to units: a clue, or a push result's state."""

    def unit_codes(self) -> set[str]:
        """Every unit it refers to."""
        ...


def check_units(session: Session, clues: Iterable[NamesUnits]) -> None:
    """Raise UnknownUnitsError when the clues (or states) name units the directory lacks."""
    wanted = set().union(*(c.unit_codes() for c in clues))
    if wanted:
        known = set(session.scalars(select(Unit.code).where(Unit.code.in_(wanted))))
        if wanted - known:
            raise UnknownUnitsError(wanted - known)


def _clue_values(clue: ServerClue) -> dict[str, Any]:
    return {
        **clue.values,
        "code": clue.code,
        "provisional": False,
        "server_version": clue.version,
        "server_state": clue.snapshot(),
        "updated_at": clue.updated_at,
    }


_UPDATE_BY_ID = update(Clue).where(Clue.id == bindparam("clue_id"))
"""UPDATE of a clue by id (Core executemany; SET: the columns of the parameters)."""

STORED_FIELDS = (
    *VALUE_FIELDS,
    "code",
    "provisional",
    "server_version",
    "server_state",
    "updated_at",
)
"""The columns `_clue_values` writes."""

_STORED = (Clue.id, *(getattr(Clue, name) for name in STORED_FIELDS))


def _update_changed(work: Work, updates: Sequence[tuple[Any, ServerClue]]) -> None:
    """UPDATE only the changed columns (no index upkeep for the rest), grouped by column set."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row, clue in updates:
        changed = {k: v for k, v in _clue_values(clue).items() if getattr(row, k) != v}
        groups.setdefault(tuple(sorted(changed)), []).append({"clue_id": row.id, **changed})
    for names, params in groups.items():
        if names:
            work.session.connection().execute(_UPDATE_BY_ID, params)


Written = list[tuple[int, ServerClue]]
"""Clues written, with their row ids."""


def _new_units(work: Work, updates: Sequence[tuple[Any, ServerClue]]) -> Written:
    """The updated clues whose assisting units changed, their old units deleted."""
    session = work.session
    ids = {row.id: clue for row, clue in updates}
    stored: dict[int, list[str]] = {}
    for chunk in chunks(list(ids)):
        statement = (
            select(AssistingUnit.clue_id, AssistingUnit.unit_code)
            .where(AssistingUnit.clue_id.in_(chunk))
            .order_by(AssistingUnit.clue_id, AssistingUnit.position)
        )
        for clue_id, unit in session.execute(statement):
            stored.setdefault(clue_id, []).append(unit)
    changed = [i for i, clue in ids.items() if stored.get(i, []) != list(clue.assisting_units)]
    for chunk in chunks(changed):
        session.execute(delete(AssistingUnit).where(AssistingUnit.clue_id.in_(chunk)))
    return [(i, ids[i]) for i in changed]


def write_server_clues(work: Work, clues: Sequence[ServerClue]) -> list[str]:
    """Write the platform's state of the clues newer than ours, in bulk; the codes written.

    A clue not newer than what the store has (by `server_version`) is left alone.
    """
    session = work.session
    session.flush()
    latest: dict[str, ServerClue] = {}
    for clue in clues:
        if clue.code not in latest or clue.version > latest[clue.code].version:
            latest[clue.code] = clue
    existing = {}
    for codes in chunks(list(latest)):
        for row in session.connection().execute(select(*_STORED).where(Clue.code.in_(codes))):
            existing[row.code] = row
    inserts = [c for code, c in latest.items() if code not in existing]
    updates = [
        (existing[code], c)
        for code, c in latest.items()
        if code in existing and existing[code].server_version < c.version
    ]
    written: Written = []
    new_ids: dict[str, int] = {}
    if inserts:
        result = session.connection().execute(
            insert(Clue).returning(Clue.id, Clue.code), [_clue_values(c) for c in inserts]
        )
        new_ids = {code: clue_id for clue_id, code in result}
        written += [(new_ids[c.code], c) for c in inserts]
        index_clues(work.connection, [(new_ids[c.code], c.search_values()) for c in inserts])
    if updates:
        _update_changed(work, updates)
        for row, clue in updates:
            work.reindex(row.id, search_values(row), clue.search_values())
        written += [(row.id, c) for row, c in updates]
    regrouped = [(new_ids[c.code], c) for c in inserts] + _new_units(work, updates)
    assisting = [
        {"clue_id": clue_id, "unit_code": unit, "position": position}
        for clue_id, clue in regrouped
        for position, unit in enumerate(clue.assisting_units)
    ]
    if assisting:
        session.connection().execute(insert(AssistingUnit), assisting)
    merge_events(session, written)
    merge_attachments(session, written, {row.id for row, _ in updates})
    notices = [(i, notice) for i, clue in written for notice in clue.notices]
    write_server_records(work, SYNCED_NOTICES, notices)
    write_server_records(
        work, SYNCED_CASES, [(i, case) for i, clue in written for case in clue.cases]
    )
    write_warnings(work, written)
    session.expire_all()
    return [clue.code for _, clue in written]


def write_warnings(work: Work, written: Written) -> None:
    """Replace the warning record of the written clues with the one the platform sent."""
    connection = work.session.connection()
    for ids in chunks([clue_id for clue_id, _ in written]):
        connection.execute(delete(WarningEpisode).where(WarningEpisode.clue_id.in_(ids)))
    rows = [
        {"clue_id": clue_id, **episode_columns(w), "unit_code": w.unit}
        for clue_id, clue in written
        for w in clue.warnings
    ]
    if rows:
        connection.execute(insert(WarningEpisode), rows)
