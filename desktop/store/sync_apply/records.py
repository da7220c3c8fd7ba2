"""The sub-records of a clue (notices, penalty cases) in the local view, like clues: the
platform's snapshot of each record (from a pulled clue object or an applied push answer) with
this device's pending actions on it replayed on top.

`write_server_records` stores snapshots newer than ours with their history and shows them;
`rebuild_records` (run by the clue's `view.rebuild`) resets a clue's records of one kind to
their snapshots and replays the pending actions in device order, each at the time it was
taken. An action the rules now refuse stays in the outbox (the platform answers it) and is
left out of the view; a record only created here whose creating action is gone disappears.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.domain.clue import ClueState
from desktop.domain.units import Actor
from desktop.domain.validators import ValidationError
from desktop.store.clue_rows import clue_state, load_actor
from desktop.store.models import Clue, OutboxAction
from desktop.store.record_kinds import RecordKind, RecordOutcome, S
from desktop.store.sync_apply.outbox import PENDING
from desktop.store.sync_apply.parse import event_row
from desktop.store.sync_apply.parse_records import ServerRecord
from desktop.store.sync_apply.work import Work, chunks

Replay = Callable[[Work, OutboxAction, Actor, "S | None", ClueState, Any], RecordOutcome]
"""Take a queued action again: (work, outbox action, actor, state before, clue, context)."""


@dataclass(frozen=True)
class SyncedKind(Generic[S]):
    """A kind of sub-record as sync keeps it: its rows, how a queued action is taken again,
    what else the replays of a clue's records need and what the rules raise to refuse."""

    rows: RecordKind[S]
    replay: Replay[S]
    refused: type[Exception]
    context: Callable[[Session, Clue], Any] = lambda session, row: None


def queued_number(payload: Any) -> tuple[int, int] | None:
    """The (year, sequence) number a queued action took from the device's block, if any."""
    year, seq = payload.get("number_year"), payload.get("number_seq")
    if isinstance(year, int) and isinstance(seq, int):
        return year, seq
    return None


def write_server_records(
    work: Work, kind: SyncedKind[S], items: Sequence[tuple[int, ServerRecord[S]]]
) -> None:
    """Store the platform's records (clue row id, record) newer than ours, with their history.

    The row shows the snapshot at once; a clue with pending actions is rebuilt by the caller
    afterwards (its view replays them on top).
    """
    if not items:
        return
    rows = kind.rows
    session = work.session
    session.flush()
    newest: dict[str, tuple[int, ServerRecord[S]]] = {}
    for clue_id, record in items:
        known = newest.get(record.record_id)
        if known is None or known[1].version < record.version:
            newest[record.record_id] = (clue_id, record)
    existing: dict[str, tuple[int, int]] = {}
    for ids in chunks(list(newest)):
        statement = select(rows.id_column, rows.model.id, rows.model.server_version)
        for record_id, row_id, version in session.execute(statement.where(rows.id_column.in_(ids))):
            existing[record_id] = (row_id, version)
    written: list[ServerRecord[S]] = []
    for record_id, (clue_id, record) in newest.items():
        found = existing.get(record_id)
        if found is not None and found[1] >= record.version:
            continue
        values = {
            **rows.row_values(record.state),
            "clue_id": clue_id,
            "server_state": record.snapshot(),
            "server_version": record.version,
            "pending": False,
            "updated_at": record.updated_at,
        }
        if found is None:
            session.execute(insert(rows.model).values(**{rows.id_key: record_id}, **values))
        else:
            session.execute(update(rows.model).where(rows.model.id == found[0]).values(**values))
        written.append(record)
    _merge_events(session, rows, written)
    session.expire_all()


def _merge_events(
    session: Session, rows: RecordKind[S], records: Sequence[ServerRecord[S]]
) -> None:
    """The platform's history of the records replaces ours (pending entries of actions it does
    not hold yet stay, for the rebuild)."""
    if not records:
        return
    model = rows.event_model
    ids = [r.record_id for r in records]
    recorded = [e.action_id for r in records for e in r.events]
    for chunk in chunks(ids):
        session.execute(delete(model).where(rows.event_id_column.in_(chunk), ~model.pending))
    for chunk in chunks(recorded):
        session.execute(delete(model).where(model.action_id.in_(chunk)))
    entries = [{rows.id_key: r.record_id, **event_row(e)} for r in records for e in r.events]
    if entries:
        session.execute(insert(model), entries)


@dataclass(frozen=True)
class _Replayed:
    act: OutboxAction
    outcome: RecordOutcome
    unit_code: str


def _replay(
    work: Work,
    kind: SyncedKind[S],
    act: OutboxAction,
    state: S | None,
    clue: ClueState,
    context: Any,
) -> _Replayed | None:
    """An action taken again on `state`, or None if the rules refuse it now."""
    try:
        actor = load_actor(work.session, act.username, act.device_id)
        outcome = kind.replay(work, act, actor, state, clue, context)
    except (kind.refused, ValidationError, LookupError, ValueError, TypeError):
        return None
    return _Replayed(act, outcome, actor.unit.code)


def rebuild_records(
    work: Work, kind: SyncedKind[S], row: Clue, actions: Sequence[OutboxAction] | None = None
) -> None:
    """Make the clue's records of `kind` their platform snapshots with pending actions replayed.

    `actions` are the clue's pending outbox actions in device order (read when not given).
    """
    rows = kind.rows
    session = work.session
    if actions is None:
        actions = session.scalars(
            select(OutboxAction)
            .where(OutboxAction.clue_code == row.code, OutboxAction.state == PENDING)
            .order_by(OutboxAction.seq)
        ).all()
    acts = [a for a in actions if rows.is_command(a.command_type)]
    shown = {
        getattr(r, rows.id_key): r
        for r in session.scalars(select(rows.model).where(rows.model.clue_id == row.id))
    }
    if not acts and not any(r.pending for r in shown.values()):
        return
    by_record: dict[str, list[OutboxAction]] = {}
    for act in acts:
        by_record.setdefault(str((act.payload or {}).get(rows.id_key) or ""), []).append(act)
    clue = clue_state(session, row)
    context = kind.context(session, row)
    for record_id in dict.fromkeys([*shown, *by_record]):
        if record_id:
            one = shown.get(record_id), by_record.get(record_id)
            _rebuild_one(work, kind, row, clue, context, record_id, *one)


def _rebuild_one(
    work: Work,
    kind: SyncedKind[S],
    clue_row: Clue,
    clue: ClueState,
    context: Any,
    record_id: str,
    row: Any,
    acts: Sequence[OutboxAction] | None,
) -> None:
    rows = kind.rows
    session = work.session
    state = (
        rows.snapshot_state(row.server_state, clue_row.code) if row and row.server_state else None
    )
    model = rows.event_model
    confirmed = set(
        session.scalars(
            select(model.action_id).where(rows.event_id_column == record_id, ~model.pending)
        )
    )
    replayed: list[_Replayed] = []
    for act in acts or ():
        if act.action_id in confirmed:
            continue
        done = _replay(work, kind, act, state, clue, context)
        if done is not None:
            state = done.outcome.state  # type: ignore[assignment]
            replayed.append(done)
    session.execute(delete(model).where(rows.event_id_column == record_id, model.pending))
    if state is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return
    row = rows.show(session, row, record_id, clue_row.id, state)
    row.pending = bool(replayed)
    row.updated_at = max([state.created_at, *(d.act.created_at for d in replayed)])
    session.flush()
    for done in replayed:
        session.add(
            rows.event(
                record_id,
                done.act.action_id,
                done.outcome,
                username=done.act.username,
                unit_code=done.unit_code,
                device_id=done.act.device_id,
                at=done.act.created_at,
            )
        )
    session.flush()


def confirm_events(session: Session, rows: RecordKind[Any], action_ids: Sequence[str]) -> None:
    """History entries of applied actions are the platform's now (until it sends its own)."""
    model = rows.event_model
    for ids in chunks(list(action_ids)):
        session.execute(
            update(model)
            .where(model.action_id.in_(ids), model.pending)
            .values(pending=False)
            .execution_options(synchronize_session=False)
        )


def drop_pending(session: Session, rows: RecordKind[Any], action_id: str) -> None:
    """A rejected action's pending history entry goes (the rebuild leaves it out)."""
    model = rows.event_model
    session.execute(delete(model).where(model.action_id == action_id, model.pending))
