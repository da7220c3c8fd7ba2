"""Pushing the outbox: the next batch as protocol JSON and the files it cites (recording the
platform's answer is `confirm`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from desktop.domain.timeutil import to_china
from desktop.store.attachments import payload_files
from desktop.store.database import Store
from desktop.store.models import OutboxAction
from desktop.store.sync_apply.outbox import PENDING
from desktop.store.sync_apply.state import get_value, put_value

BATCH_COLUMNS = (
    OutboxAction.action_id,
    OutboxAction.device_seq,
    OutboxAction.command_type,
    OutboxAction.clue_code,
    OutboxAction.payload,
    OutboxAction.created_at,
)


def _number(session: Session) -> None:
    """Give pending actions without a `device_seq` the next numbers, in the order taken."""
    unnumbered = session.scalars(
        select(OutboxAction.seq)
        .where(OutboxAction.state == PENDING, OutboxAction.device_seq.is_(None))
        .order_by(OutboxAction.seq)
    ).all()
    last = int(get_value(session, "device_seq", 0))
    last = max(last, session.scalar(select(func.max(OutboxAction.device_seq))) or 0)
    if unnumbered:
        statement = (
            update(OutboxAction)
            .where(OutboxAction.seq == bindparam("row_seq"))
            .values(device_seq=bindparam("number"))
        )
        session.connection().execute(
            statement,
            [{"row_seq": seq, "number": last + i} for i, seq in enumerate(unnumbered, 1)],
        )
        last += len(unnumbered)
    put_value(session, "device_seq", last)


def next_push_batch(store: Store, limit: int, skip: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The next pending actions to push (at most `limit`), in device order, as protocol JSON.

    Actions get their `device_seq` when first pushed, in the order they were taken; it stays
    theirs on every later push. `skip` leaves out actions already tried in this run.
    """
    skipped = set(skip)
    with store.session() as session, session.begin():
        _number(session)
        rows = session.execute(
            select(*BATCH_COLUMNS)
            .where(OutboxAction.state == PENDING)
            .order_by(OutboxAction.device_seq)
            .limit(limit + len(skipped))
        ).all()
        batch: list[dict[str, Any]] = []
        for r in rows:
            if r.action_id in skipped:
                continue
            batch.append(
                {
                    "action_id": r.action_id,
                    "device_seq": r.device_seq,
                    "type": r.command_type,
                    "clue_code": r.clue_code,
                    "payload": r.payload,
                    "client_time": to_china(r.created_at).isoformat(),
                }
            )
            if len(batch) >= limit:
                break
        return batch


def pending_files(store: Store) -> list[tuple[str, str]]:
    """The attachments (sha256, name) that pending actions cite, to upload before pushing."""
    with store.session() as session:
        payloads = session.scalars(
            select(OutboxAction.payload)
            .where(OutboxAction.state == PENDING)
            .order_by(OutboxAction.seq)
        )
        found: dict[str, str] = {}
        for payload in payloads:
            for sha, name in payload_files(payload):
                found.setdefault(sha, name)
        return list(found.items())
