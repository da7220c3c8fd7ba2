"""Recording a push answer in one transaction, set-based: applied and duplicate actions
leave the outbox with a few statements, and only the clues whose view may differ are rebuilt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select, update

from desktop.store.attachments import attachment_path, payload_files
from desktop.store.database import Store
from desktop.store.models import ClueEvent, OutboxAction
from desktop.store.sync_apply.kinds import SYNCED_CASES, SYNCED_KINDS, SYNCED_NOTICES, clue_ids
from desktop.store.sync_apply.outbox import REGISTER_TYPE, REJECTED, pending_actions
from desktop.store.sync_apply.parse import SyncDataError
from desktop.store.sync_apply.parse_push import PushResult, ServerState, parse_push_result
from desktop.store.sync_apply.parse_records import ServerCase, ServerNotice
from desktop.store.sync_apply.records import (
    SyncedKind,
    confirm_events,
    drop_pending,
    write_server_records,
)
from desktop.store.sync_apply.snapshots import apply_states
from desktop.store.sync_apply.view import rebuild_touched, rename
from desktop.store.sync_apply.work import Work, chunks
from desktop.store.sync_apply.write import check_units, write_server_clues

ATTACHMENT_TRIES = 3
"""How often an `attachment_missing` answer is retried (files present here) before it sticks."""


@dataclass
class PushTally:
    """How the platform answered a push."""

    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    retry: int = 0


@dataclass
class _Answer:
    """A push answer sorted into what the store does with it."""

    confirmed: list[str] = field(default_factory=list)
    retried: list[str] = field(default_factory=list)
    forget: list[str] = field(default_factory=list)
    states: dict[str, tuple[int, ServerState]] = field(default_factory=dict)
    touched: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    notices: list[tuple[str, ServerNotice]] = field(default_factory=list)
    cases: list[tuple[str, ServerCase]] = field(default_factory=list)


def record_push_results(store: Store, results: Any) -> PushTally:
    """Record a push answer in one transaction and rebuild the views that need it.

    applied/duplicate: the action leaves the outbox, its history entry is confirmed, a
    register's provisional code becomes the platform's code everywhere and the clue's
    snapshot takes the `state` (or `clue`) the platform answered. rejected: the action stays
    in the outbox as 'rejected' with code and reason (the sync problems list) and the view is
    rebuilt without it. retry: it stays pending (attempts + 1).
    """
    if not isinstance(results, list):
        raise SyncDataError("results", "应为数组")
    parsed = [parse_push_result(r, f"results[{i}]") for i, r in enumerate(results)]
    tally = PushTally()
    with store.session() as session, session.begin():
        check_units(session, [r.clue for r in parsed if r.clue is not None])
        check_units(session, [r.state for r in parsed if r.state is not None])
        work = Work(session)
        answer = _sort(store, work, parsed, tally)
        _settle(work, answer, [r.clue for r in parsed if r.clue is not None])
    return tally


def _outbox(work: Work, parsed: Sequence[PushResult]) -> dict[str, OutboxAction]:
    found: dict[str, OutboxAction] = {}
    for ids in chunks([r.action_id for r in parsed]):
        statement = select(OutboxAction).where(OutboxAction.action_id.in_(ids))
        found.update((a.action_id, a) for a in work.session.scalars(statement))
    return found


def _sort(store: Store, work: Work, parsed: Sequence[PushResult], tally: PushTally) -> _Answer:
    """Tally the results; rename registers and mark rejections one by one (both are rare)."""
    acts = _outbox(work, parsed)
    answer = _Answer()
    for result in parsed:
        act = acts.get(result.action_id)
        if result.status in ("applied", "duplicate"):
            setattr(tally, result.status, getattr(tally, result.status) + 1)
            answer.confirmed.append(result.action_id)
            real = result.clue_code or (act.clue_code if act is not None else "")
            if act is not None and act.command_type == REGISTER_TYPE and real != act.clue_code:
                rename(work, act.clue_code, real)
                answer.touched.append(real)
            if result.notice is not None:
                answer.notices.append((real, result.notice))
            if result.case is not None:
                answer.cases.append((real, result.case))
            if result.state is not None and result.seq is not None:
                newest = answer.states.get(real)
                if newest is None or newest[0] < result.seq:
                    answer.states[real] = (result.seq, result.state)
            elif real:
                answer.touched.append(real)  # no state: the clue, or nothing, tells
        elif result.status == "retry":
            tally.retry += 1
            if act is not None:
                answer.retried.append(act.action_id)
        elif act is None or _reject(store, work, act, result):
            tally.rejected += 1
            if act is not None:
                answer.rejected.append(act.clue_code)
                if result.clue is None:
                    answer.forget.append(act.clue_code)
        else:
            tally.retry += 1  # attachment_missing with the files here: upload, push again
            answer.touched.append(act.clue_code)
    return answer


def _settle(work: Work, answer: _Answer, clues: Sequence[Any]) -> None:
    """The set-based part: outbox rows, clue snapshots, history entries, rebuilds."""
    session = work.session
    session.flush()
    for ids in chunks(answer.retried):
        session.execute(
            update(OutboxAction)
            .where(OutboxAction.action_id.in_(ids))
            .values(attempts=OutboxAction.attempts + 1)
            .execution_options(synchronize_session=False)
        )
    for ids in chunks(answer.confirmed):
        session.execute(
            delete(OutboxAction)
            .where(OutboxAction.action_id.in_(ids))
            .execution_options(synchronize_session=False)
        )
    session.expire_all()
    write_server_clues(work, clues)
    touched = answer.touched + [clue.code for clue in clues]
    for code in answer.forget:
        _forget_if_invisible(work, code)
    for ids in chunks(answer.confirmed):  # history entries the clues did not bring
        session.execute(
            update(ClueEvent)
            .where(ClueEvent.action_id.in_(ids), ClueEvent.pending)
            .values(pending=False)
            .execution_options(synchronize_session=False)
        )
    for kind in SYNCED_KINDS:
        confirm_events(session, kind.rows, answer.confirmed)
    _write_records(work, SYNCED_NOTICES, answer.notices)
    _write_records(work, SYNCED_CASES, answer.cases)
    touched += apply_states(work, answer.states)
    forced = answer.rejected + [code for code, _ in answer.notices + answer.cases]
    rebuild_touched(work, touched, always=forced)


def _write_records(work: Work, kind: SyncedKind[Any], items: Sequence[tuple[str, Any]]) -> None:
    """Store the notices or cases of applied actions (clue code, record) on their clues."""
    if items:
        rows = clue_ids(work.session, [code for code, _ in items])
        write_server_records(work, kind, [(rows[c], r) for c, r in items if c in rows])


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
    for kind in SYNCED_KINDS:
        drop_pending(work.session, kind.rows, act.action_id)
    return True


def _forget_if_invisible(work: Work, code: str) -> None:
    """A rejection without a clue means the user may not see it: drop it unless still needed."""
    row = work.clue(code)
    if row is None or row.provisional or pending_actions(work.session, code):
        return
    work.delete_clue(row)
