"""Writing the platform's state of clues in bulk: rows, assisting units, history entries,
attachment metadata and the search index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop.store.models import (
    AssistingUnit,
    Attachment,
    Clue,
    ClueAttachment,
    ClueEvent,
    OutboxAction,
    Unit,
)
from desktop.store.search import index_clues
from desktop.store.sync_apply.outbox import PENDING, payload_files
from desktop.store.sync_apply.parse import ServerClue, ServerEvent, UnknownUnitsError
from desktop.store.sync_apply.work import SEARCHED, Work, chunks, search_values


def check_units(session: Session, clues: Iterable[ServerClue]) -> None:
    """Raise UnknownUnitsError when the clues name units the local directory lacks."""
    wanted = set().union(*(c.unit_codes() for c in clues))
    if wanted:
        known = set(session.scalars(select(Unit.code).where(Unit.code.in_(wanted))))
        if wanted - known:
            raise UnknownUnitsError(wanted - known)


def _event_row(clue_id: int, e: ServerEvent) -> dict[str, Any]:
    return {
        "clue_id": clue_id,
        "action_id": e.action_id,
        "action": e.action,
        "username": e.username,
        "unit_code": e.unit_code,
        "device_id": e.device_id,
        "at": e.at,
        "from_status": e.from_status,
        "to_status": e.to_status,
        "note": e.note,
        "details": e.details,
        "pending": False,
    }


def _merge_events(session: Session, written: Sequence[tuple[int, ServerClue]]) -> None:
    """The platform's history replaces local entries of the same action_id (pending ones)."""
    owner = {e.action_id: clue_id for clue_id, clue in written for e in clue.events}
    kept: set[str] = set()
    stale: list[int] = []
    for ids in chunks(list(owner)):
        found = session.execute(
            select(ClueEvent.id, ClueEvent.action_id, ClueEvent.clue_id, ClueEvent.pending).where(
                ClueEvent.action_id.in_(ids)
            )
        )
        for row in found:
            if not row.pending and row.clue_id == owner[row.action_id]:
                kept.add(row.action_id)
            else:
                stale.append(row.id)
    for ids in chunks(stale):
        session.execute(delete(ClueEvent).where(ClueEvent.id.in_(ids)))
    new_rows = [
        _event_row(clue_id, e)
        for clue_id, clue in written
        for e in clue.events
        if e.action_id not in kept
    ]
    if new_rows:
        session.connection().execute(insert(ClueEvent), new_rows)


def _merge_attachments(
    session: Session, written: Sequence[tuple[int, ServerClue]], updated: set[int]
) -> None:
    """Attachment metadata as the platform has it; links only pending actions cite stay."""
    local_only: dict[str, set[str]] = {}
    for code, payload in session.execute(
        select(OutboxAction.clue_code, OutboxAction.payload).where(OutboxAction.state == PENDING)
    ):
        local_only.setdefault(code, set()).update(sha for sha, _ in payload_files(payload))
    wanted = {
        clue_id: {a.sha256 for a in clue.attachments} | local_only.get(clue.code, set())
        for clue_id, clue in written
    }
    for ids in chunks(sorted(updated)):
        for clue_id, sha in session.execute(
            select(ClueAttachment.clue_id, ClueAttachment.sha256).where(
                ClueAttachment.clue_id.in_(ids)
            )
        ).all():
            if sha not in wanted[clue_id]:
                session.execute(
                    delete(ClueAttachment).where(
                        ClueAttachment.clue_id == clue_id, ClueAttachment.sha256 == sha
                    )
                )
    files = {a.sha256: a for _, clue in written for a in clue.attachments}
    if not files:
        return
    session.execute(
        sqlite_insert(Attachment).on_conflict_do_nothing(),
        [
            {
                "sha256": a.sha256,
                "size": a.size,
                "media_type": a.media_type,
                "created_at": a.added_at,
            }
            for a in files.values()
        ],
    )
    upsert = sqlite_insert(ClueAttachment)
    upsert = upsert.on_conflict_do_update(
        index_elements=[ClueAttachment.clue_id, ClueAttachment.sha256],
        set_={
            "name": upsert.excluded.name,
            "added_at": upsert.excluded.added_at,
            "added_by": upsert.excluded.added_by,
        },
    )
    session.execute(
        upsert,
        [
            {
                "clue_id": clue_id,
                "sha256": a.sha256,
                "name": a.name[:255],
                "added_at": a.added_at,
                "added_by": a.added_by,
            }
            for clue_id, clue in written
            for a in clue.attachments
        ],
    )


def _clue_values(clue: ServerClue) -> dict[str, Any]:
    return {
        **clue.values,
        "code": clue.code,
        "provisional": False,
        "server_version": clue.version,
        "server_state": clue.snapshot(),
        "updated_at": clue.updated_at,
    }


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
        columns = (Clue.id, Clue.server_version, *SEARCHED)
        for row in session.execute(select(*columns).where(Clue.code.in_(codes))):
            existing[row.code] = row
    inserts = [c for code, c in latest.items() if code not in existing]
    updates = [
        (existing[code], c)
        for code, c in latest.items()
        if code in existing and existing[code].server_version < c.version
    ]
    written: list[tuple[int, ServerClue]] = []
    if inserts:
        result = session.connection().execute(
            insert(Clue).returning(Clue.id, Clue.code), [_clue_values(c) for c in inserts]
        )
        new_ids = {code: clue_id for clue_id, code in result}
        written += [(new_ids[c.code], c) for c in inserts]
        index_clues(work.connection, [(new_ids[c.code], c.search_values()) for c in inserts])
    if updates:
        session.execute(update(Clue), [{"id": row.id, **_clue_values(c)} for row, c in updates])
        for row, clue in updates:
            work.reindex(row.id, search_values(row), clue.search_values())
        written += [(row.id, c) for row, c in updates]
        for ids in chunks([row.id for row, _ in updates]):
            session.execute(delete(AssistingUnit).where(AssistingUnit.clue_id.in_(ids)))
    assisting = [
        {"clue_id": clue_id, "unit_code": unit}
        for clue_id, clue in written
        for unit in clue.assisting_units
    ]
    if assisting:
        session.connection().execute(insert(AssistingUnit), assisting)
    _merge_events(session, written)
    _merge_attachments(session, written, {row.id for row, _ in updates})
    session.expire_all()
    return [clue.code for _, clue in written]
