"""The store side of syncing weekly verification: the queued draws to push, recording the
platform's answers to them (a draw answered with items dropped: 已由他人抽取), and writing a
page of the verification feed (each one transaction).

A batch document from the platform replaces the batch's items and results as this device
had them; results recorded here and not yet answered wait in the clue outbox and are shown
on top (`desktop.store.verification`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.store.database import Store
from desktop.store.models import (
    OutboxAction,
    VerificationBatch,
    VerificationItem,
    VerificationOutbox,
    VerificationResultRow,
)
from desktop.store.sync_apply.record_outbox import (
    PushTally,
    next_actions,
    outbox_counts,
    take_answer,
)
from desktop.store.sync_apply.state import get_value, put_value
from desktop.wire.sync import PushResult
from desktop.wire.verification import VerificationBatchOut

CURSOR_KEY = "verification_cursor"
"""The sync_state key of the verification feed's cursor."""


def next_verification_batch(store: Store, limit: int) -> list[dict[str, Any]]:
    """The next queued draws to push, oldest first, as protocol JSON (no clue code)."""
    return next_actions(store, VerificationOutbox, limit)


def verification_counts(store: Store) -> tuple[int, int]:
    """(pending, rejected) queued draws."""
    return outbox_counts(store, VerificationOutbox)


def write_batch(session: Session, document: VerificationBatchOut) -> None:
    """Store the platform's batch with its items and results (unless older than ours)."""
    row = session.get(VerificationBatch, document.batch_id)
    if row is not None and row.server_version > document.version:
        return
    if row is None:
        row = VerificationBatch(batch_id=document.batch_id)
        session.add(row)
    row.office = document.office
    row.week = document.week
    row.plan = dict(document.plan)
    row.seed = document.seed
    row.drawn_by = document.drawn_by
    row.drawn_by_name = document.drawn_by_name
    row.drawn_at = document.drawn_at
    row.server_version = document.version
    session.flush()
    session.execute(delete(VerificationItem).where(VerificationItem.batch_id == row.batch_id))
    session.execute(
        delete(VerificationResultRow).where(VerificationResultRow.batch_id == row.batch_id)
    )
    for position, item in enumerate(document.items):
        session.add(
            VerificationItem(
                batch_id=row.batch_id,
                position=position,
                clue_code=item.clue_code,
                unit_code=item.unit_code,
                channel=item.channel,
                closed_at=item.closed_at,
                dropped=item.dropped,
            )
        )
        for result in item.results:
            session.add(
                VerificationResultRow(
                    batch_id=row.batch_id,
                    clue_code=item.clue_code,
                    round=result.round,
                    verdict=result.verdict.value,
                    note=result.note,
                    attachments=[f.model_dump() for f in result.attachments],
                    verified_by=result.verified_by,
                    verified_by_name=result.verified_by_name,
                    verified_at=result.verified_at,
                    action_id=result.action_id,
                )
            )
    session.flush()


def record_verification_results(
    store: Store, sent: Sequence[dict[str, Any]], results: Sequence[PushResult]
) -> PushTally:
    """Record the platform's answers to pushed draws in one transaction."""
    tally = PushTally()
    with store.session() as session, session.begin():
        for result in results:
            act = session.scalars(
                select(VerificationOutbox).where(VerificationOutbox.action_id == result.action_id)
            ).first()
            if take_answer(session, act, result, tally) and result.verification is not None:
                write_batch(session, result.verification)
    return tally


def read_verification_cursor(store: Store) -> str | None:
    """Where this device stands in the verification feed (None: fetch everything)."""
    with store.session() as session:
        value = get_value(session, CURSOR_KEY, None)
        return str(value) if value else None


def apply_verification_page(
    store: Store,
    batches: Sequence[VerificationBatchOut],
    cursor: str,
    *,
    more: bool,
    first_of_full: bool,
) -> int:
    """Write one page of the feed in one transaction; the batches written.

    `first_of_full`: the first page of a fetch from no cursor — the platform's batches this
    device holds are dropped first (those not in the feed are no longer the user's office's);
    the cursor of a full fetch is kept only with its last page, so a fetch stopped halfway
    starts again from the beginning.
    """
    with store.session() as session, session.begin():
        if first_of_full:
            waiting = set(session.scalars(select(VerificationOutbox.batch_id)))
            for row in session.scalars(
                select(VerificationBatch).where(VerificationBatch.server_version > 0)
            ):
                if row.batch_id not in waiting:
                    session.delete(row)
            session.flush()
            put_value(session, CURSOR_KEY, None)
        for document in batches:
            write_batch(session, document)
        if not more or not first_of_full:
            put_value(session, CURSOR_KEY, cursor)
        return len(batches)


def drop_verification(store: Store) -> int:
    """Another account takes the store over: delete every batch no queued action of this
    device needs, with the feed's cursor; the number of batches deleted."""
    with store.session() as session, session.begin():
        waiting = set(session.scalars(select(VerificationOutbox.batch_id)))
        waiting.update(
            str(p.get("batch_id"))
            for p in session.scalars(
                select(OutboxAction.payload).where(OutboxAction.command_type.like("verification.%"))
            )
        )
        dropped = 0
        for row in session.scalars(select(VerificationBatch)):
            if row.batch_id not in waiting:
                session.delete(row)
                dropped += 1
        put_value(session, CURSOR_KEY, None)
        return dropped
