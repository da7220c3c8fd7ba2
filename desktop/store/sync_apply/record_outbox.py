"""The outboxes of the records that are not clues (the commission's records, the weekly
verification's draws): each its own table of the same columns, pushed without a clue code,
answered `applied` / `duplicate` / `retry` / `rejected` like the clue outbox."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.timeutil import to_china
from desktop.store.database import Store
from desktop.wire.sync import PushResult

PENDING = "pending"
REJECTED = "rejected"


@dataclass
class PushTally:
    """How the platform answered a push of one outbox's actions."""

    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    retry: int = 0


def next_actions(store: Store, table: Any, limit: int) -> list[dict[str, Any]]:
    """The next queued actions of `table` to push, oldest first, as protocol JSON."""
    with store.session() as session:
        rows = session.scalars(
            select(table).where(table.state == PENDING).order_by(table.seq).limit(limit)
        )
        return [
            {
                "action_id": r.action_id,
                "device_seq": r.seq,
                "type": r.command_type,
                "payload": r.payload,
                "client_time": to_china(r.created_at).isoformat(),
            }
            for r in rows
        ]


def outbox_counts(store: Store, table: Any) -> tuple[int, int]:
    """(pending, rejected) actions queued in `table`."""
    with store.session() as session:
        counts: dict[str, int] = dict(
            session.execute(select(table.state, func.count()).group_by(table.state)).all()
        )
        return int(counts.get(PENDING, 0)), int(counts.get(REJECTED, 0))


def take_answer(session: Session, act: Any, result: PushResult, tally: PushTally) -> bool:
    """Count the platform's answer to one queued action and keep it in its outbox row (`act`,
    None when gone): an acceptance drops the row (True: the caller stores what came back), a
    retry counts an attempt, a refusal keeps the row with its reason."""
    if result.status in ("applied", "duplicate"):
        setattr(tally, result.status, getattr(tally, result.status) + 1)
        if act is not None:
            session.delete(act)
        return True
    if result.status == "retry":
        tally.retry += 1
        if act is not None:
            act.attempts += 1
        return False
    tally.rejected += 1
    if act is not None:
        act.state = REJECTED
        act.attempts += 1
        act.reject_code = result.code or ""
        act.reject_reason = result.reason or ""
    return False
