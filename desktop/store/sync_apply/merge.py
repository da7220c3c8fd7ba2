"""Merging a written clue's history entries and attachments with what the store has."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop.store.attachments import payload_files
from desktop.store.models import Attachment, ClueAttachment, ClueEvent, OutboxAction
from desktop.store.sync_apply.outbox import PENDING
from desktop.store.sync_apply.parse import ServerClue, ServerEvent, event_row
from desktop.store.sync_apply.work import chunks


def _event_row(clue_id: int, e: ServerEvent) -> dict[str, Any]:
    return {"clue_id": clue_id, **event_row(e)}


_RECORDED = (
    ClueEvent.id,
    ClueEvent.action_id,
    ClueEvent.clue_id,
    ClueEvent.pending,
    ClueEvent.at,
    ClueEvent.device_id,
    ClueEvent.from_status,
    ClueEvent.to_status,
    ClueEvent.note,
)


def _same(row: Any, e: ServerEvent) -> bool:
    """Whether a stored entry is the platform's record (not this device's own copy of it)."""
    return (row.at, row.device_id, row.from_status, row.to_status, row.note) == (
        e.at,
        e.device_id,
        e.from_status,
        e.to_status,
        e.note,
    )


def merge_events(session: Session, written: Sequence[tuple[int, ServerClue]]) -> None:
    """The platform's history replaces local entries of its action ids that differ from it.

    Pending entries, and confirmed ones this device wrote itself (an applied push answer
    carries no history), are replaced; the platform's own records are kept.
    """
    owner = {e.action_id: (clue_id, e) for clue_id, clue in written for e in clue.events}
    kept: set[str] = set()
    stale: list[int] = []
    for ids in chunks(list(owner)):
        statement = select(*_RECORDED).where(ClueEvent.action_id.in_(ids))
        for row in session.connection().execute(statement):
            clue_id, event = owner[row.action_id]
            if not row.pending and row.clue_id == clue_id and _same(row, event):
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


def merge_attachments(
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
