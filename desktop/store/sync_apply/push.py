"""Pushing the outbox: the next batch as protocol JSON, the files it cites, and recording
the platform's answer (applied, duplicate, rejected, retry) in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update

from desktop.domain.timeutil import to_china
from desktop.store.attachments import attachment_path
from desktop.store.database import Store
from desktop.store.models import ClueEvent, OutboxAction
from desktop.store.sync_apply.outbox import (
    PENDING,
    REGISTER_TYPE,
    REJECTED,
    payload_files,
    pending_actions,
)
from desktop.store.sync_apply.parse import PushResult, as_list, parse_push_result
from desktop.store.sync_apply.state import get_value, put_value
from desktop.store.sync_apply.view import rebuild_touched, rename
from desktop.store.sync_apply.work import Work
from desktop.store.sync_apply.write import check_units, write_server_clues

ATTACHMENT_TRIES = 3
"""How often an `attachment_missing` answer is retried (files present here) before it sticks."""


def next_push_batch(store: Store, limit: int, skip: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The next pending actions to push (at most `limit`), in device order, as protocol JSON.

    Actions get their `device_seq` when first pushed, in the order they were taken; it stays
    theirs on every later push. `skip` leaves out actions already tried in this run.
    """
    skipped = set(skip)
    with store.session() as session, session.begin():
        rows = session.scalars(
            select(OutboxAction).where(OutboxAction.state == PENDING).order_by(OutboxAction.seq)
        ).all()
        last = int(get_value(session, "device_seq", 0))
        last = max(last, session.scalar(select(func.max(OutboxAction.device_seq))) or 0)
        for row in rows:
            if row.device_seq is None:
                last += 1
                row.device_seq = last
        put_value(session, "device_seq", last)
        chosen = sorted(
            (r for r in rows if r.action_id not in skipped), key=lambda r: r.device_seq or 0
        )
        return [
            {
                "action_id": r.action_id,
                "device_seq": r.device_seq,
                "type": r.command_type,
                "clue_code": r.clue_code,
                "payload": r.payload,
                "client_time": to_china(r.created_at).isoformat(),
            }
            for r in chosen[:limit]
        ]


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


@dataclass
class PushTally:
    """How the platform answered a push."""

    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    retry: int = 0


def record_push_results(store: Store, results: Any) -> PushTally:
    """Record a push answer in one transaction and rebuild the views it touched.

    applied/duplicate: the action leaves the outbox, its history entry is confirmed and a
    register's provisional code becomes the platform's code everywhere. rejected: the action
    stays in the outbox as 'rejected' with code and reason (the sync problems list) and the
    view is rebuilt without it. retry: it stays pending (attempts + 1).
    """
    parsed = [
        parse_push_result(r, f"results[{i}]") for i, r in enumerate(as_list(results, "results"))
    ]
    tally = PushTally()
    with store.session() as session, session.begin():
        check_units(session, [r.clue for r in parsed if r.clue is not None])
        work = Work(session)
        touched: list[str] = []
        for result in parsed:
            touched.extend(_record_one(store, work, result, tally))
        rebuild_touched(work, touched)
    return tally


def _record_one(store: Store, work: Work, result: PushResult, tally: PushTally) -> list[str]:
    session = work.session
    act = session.scalars(
        select(OutboxAction).where(OutboxAction.action_id == result.action_id)
    ).one_or_none()
    touched = [act.clue_code] if act is not None else []
    if result.status in ("applied", "duplicate"):
        setattr(tally, result.status, getattr(tally, result.status) + 1)
        if act is not None:
            real = result.clue_code or act.clue_code
            if act.command_type == REGISTER_TYPE and real != act.clue_code:
                rename(work, act.clue_code, real)
            session.delete(act)
            touched = [real]
    elif result.status == "retry":
        tally.retry += 1
        if act is not None:
            act.attempts += 1
    elif act is None or _reject(store, work, act, result):
        tally.rejected += 1
    else:
        tally.retry += 1  # attachment_missing with the files here: upload, push again
    if result.clue is not None:
        write_server_clues(work, [result.clue])
        touched.append(result.clue.code)
    elif result.status == "rejected" and act is not None:
        _forget_if_invisible(work, act.clue_code)
    if result.status in ("applied", "duplicate"):  # history entries the clue did not bring
        session.execute(
            update(ClueEvent).where(ClueEvent.action_id == result.action_id).values(pending=False)
        )
    session.flush()
    return touched


def _reject(store: Store, work: Work, act: OutboxAction, result: PushResult) -> bool:
    """Mark an action rejected; False when it stays pending to be pushed again."""
    act.attempts += 1
    files = payload_files(act.payload)
    if (
        result.code == "attachment_missing"
        and act.attempts < ATTACHMENT_TRIES
        and files
        and all(attachment_path(store, sha).exists() for sha, _ in files)
    ):
        return False
    act.state = REJECTED
    act.reject_code = result.code
    act.reject_reason = result.reason
    work.session.execute(
        delete(ClueEvent).where(ClueEvent.action_id == act.action_id, ClueEvent.pending)
    )
    return True


def _forget_if_invisible(work: Work, code: str) -> None:
    """A rejection without a clue means the user may not see it: drop it unless still needed."""
    row = work.clue(code)
    if row is None or row.provisional or pending_actions(work.session, code):
        return
    work.delete_clue(row)
