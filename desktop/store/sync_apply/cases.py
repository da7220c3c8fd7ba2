"""Penalty cases in the local view, like notices: the platform's snapshot of each case (from a
pulled clue object or an applied push answer) with this device's pending case actions
replayed on top.

`write_server_cases` stores snapshots newer than ours with their history and shows them;
`rebuild_cases` (run by the clue's `view.rebuild`) resets a clue's cases to their snapshots
and replays the pending case actions in device order, each at the time it was taken. An
action the rules now refuse stays in the outbox (the platform answers it) and is left out of
the view; a case only filed here whose filing is gone disappears.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.domain.case_actions import CASE_COMMAND_PREFIX
from desktop.domain.cases import (
    CaseAction,
    CaseActionOutcome,
    CaseRefused,
    CaseState,
    apply_case_action,
)
from desktop.domain.clue import ClueState
from desktop.domain.notices import NoticeState
from desktop.domain.validators import ValidationError
from desktop.store.case_rows import case_event, row_values, snapshot_state
from desktop.store.clue_rows import clue_state, load_actor
from desktop.store.models import Case, CaseEvent, Clue, Notice, OutboxAction
from desktop.store.sync_apply.outbox import PENDING
from desktop.store.sync_apply.parse import ServerEvent, event_row
from desktop.store.sync_apply.parse_case import ServerCase
from desktop.store.sync_apply.work import Work, chunks


def is_case_command(command_type: str) -> bool:
    """Whether an outbox command is a penalty-case action."""
    return command_type.startswith(CASE_COMMAND_PREFIX)


def _event_row(e: ServerEvent, case_id: str) -> dict[str, Any]:
    return {"case_id": case_id, **event_row(e)}


def write_server_cases(work: Work, items: Sequence[tuple[int, ServerCase]]) -> None:
    """Store the platform's cases (clue row id, case) newer than ours, with their history.

    The row shows the snapshot at once; a clue with pending case actions is rebuilt by the
    caller afterwards (its view replays them on top).
    """
    if not items:
        return
    session = work.session
    session.flush()
    newest: dict[str, tuple[int, ServerCase]] = {}
    for clue_id, case in items:
        known = newest.get(case.case_id)
        if known is None or known[1].version < case.version:
            newest[case.case_id] = (clue_id, case)
    existing: dict[str, tuple[int, int]] = {}
    for ids in chunks(list(newest)):
        statement = select(Case.case_id, Case.id, Case.server_version)
        for case_id, row_id, version in session.execute(statement.where(Case.case_id.in_(ids))):
            existing[case_id] = (row_id, version)
    written: list[ServerCase] = []
    for case_id, (clue_id, case) in newest.items():
        found = existing.get(case_id)
        if found is not None and found[1] >= case.version:
            continue
        values = {
            **row_values(case.state),
            "clue_id": clue_id,
            "server_state": case.snapshot(),
            "server_version": case.version,
            "pending": False,
            "updated_at": case.updated_at,
        }
        if found is None:
            session.execute(insert(Case).values(case_id=case_id, **values))
        else:
            session.execute(update(Case).where(Case.id == found[0]).values(**values))
        written.append(case)
    _merge_events(session, written)
    session.expire_all()


def _merge_events(session: Session, cases: Sequence[ServerCase]) -> None:
    """The platform's history of the cases replaces ours (pending entries of actions it does
    not hold yet stay, for the rebuild)."""
    if not cases:
        return
    ids = [c.case_id for c in cases]
    recorded = [e.action_id for c in cases for e in c.events]
    for chunk in chunks(ids):
        session.execute(delete(CaseEvent).where(CaseEvent.case_id.in_(chunk), ~CaseEvent.pending))
    for chunk in chunks(recorded):
        session.execute(delete(CaseEvent).where(CaseEvent.action_id.in_(chunk)))
    rows = [_event_row(e, c.case_id) for c in cases for e in c.events]
    if rows:
        session.execute(insert(CaseEvent), rows)


@dataclass(frozen=True)
class _Replayed:
    act: OutboxAction
    outcome: CaseActionOutcome
    unit_code: str


def _number(payload: Any) -> tuple[int, int] | None:
    year, seq = payload.get("number_year"), payload.get("number_seq")
    if isinstance(year, int) and isinstance(seq, int):
        return year, seq
    return None


def clue_notices(session: Session, clue_id: int, clue_code: str) -> list[NoticeState]:
    """The notices of a clue as the store shows them (what a filing may link)."""
    rows = session.scalars(select(Notice.state).where(Notice.clue_id == clue_id))
    return [NoticeState.from_dict(data).evolve(clue_code=clue_code) for data in rows]


def _replay(
    work: Work,
    act: OutboxAction,
    state: CaseState | None,
    clue: ClueState,
    notices: Sequence[NoticeState],
) -> _Replayed | None:
    """A case action taken again on `state`, or None if the rules refuse it now."""
    units, rules, calendar = work.rules()
    try:
        action = CaseAction.from_command_type(act.command_type)
        actor = load_actor(work.session, act.username, act.device_id)
        outcome = apply_case_action(
            action,
            actor,
            state,
            act.payload,
            act.created_at,
            calendar,
            rules,
            units,
            clue=clue,
            notices=notices,
            number=_number(act.payload),
        )
    except (CaseRefused, ValidationError, LookupError, ValueError, TypeError):
        return None
    return _Replayed(act, outcome, actor.unit.code)


def rebuild_cases(work: Work, row: Clue, actions: Sequence[OutboxAction] | None = None) -> None:
    """Make the clue's cases their platform snapshots with pending case actions replayed.

    `actions` are the clue's pending outbox actions in device order (read when not given).
    """
    session = work.session
    if actions is None:
        actions = session.scalars(
            select(OutboxAction)
            .where(OutboxAction.clue_code == row.code, OutboxAction.state == PENDING)
            .order_by(OutboxAction.seq)
        ).all()
    acts = [a for a in actions if is_case_command(a.command_type)]
    rows = {c.case_id: c for c in session.scalars(select(Case).where(Case.clue_id == row.id))}
    if not acts and not any(c.pending for c in rows.values()):
        return
    by_case: dict[str, list[OutboxAction]] = {}
    for act in acts:
        by_case.setdefault(str((act.payload or {}).get("case_id") or ""), []).append(act)
    clue = clue_state(session, row)
    notices = clue_notices(session, row.id, row.code)
    for case_id in dict.fromkeys([*rows, *by_case]):
        if case_id:
            _rebuild_one(work, row, clue, notices, case_id, rows.get(case_id), by_case.get(case_id))


def _rebuild_one(
    work: Work,
    clue_row: Clue,
    clue: ClueState,
    notices: Sequence[NoticeState],
    case_id: str,
    row: Case | None,
    acts: Sequence[OutboxAction] | None,
) -> None:
    session = work.session
    state = snapshot_state(row.server_state, clue_row.code) if row and row.server_state else None
    confirmed = set(
        session.scalars(
            select(CaseEvent.action_id).where(CaseEvent.case_id == case_id, ~CaseEvent.pending)
        )
    )
    replayed: list[_Replayed] = []
    for act in acts or ():
        if act.action_id in confirmed:
            continue
        done = _replay(work, act, state, clue, notices)
        if done is not None:
            state = done.outcome.state
            replayed.append(done)
    session.execute(delete(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.pending))
    if state is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return
    if row is None:
        row = Case(case_id=case_id, clue_id=clue_row.id, server_state=None, server_version=0)
        session.add(row)
    for name, value in row_values(state).items():
        setattr(row, name, value)
    row.pending = bool(replayed)
    row.updated_at = max([state.created_at, *(d.act.created_at for d in replayed)])
    session.flush()
    for done in replayed:
        session.add(
            case_event(
                case_id,
                done.act.action_id,
                done.outcome,
                username=done.act.username,
                unit_code=done.unit_code,
                device_id=done.act.device_id,
                at=done.act.created_at,
            )
        )
    session.flush()


def confirm_case_events(session: Session, action_ids: Sequence[str]) -> None:
    """History entries of applied actions are the platform's now (until it sends its own)."""
    for ids in chunks(list(action_ids)):
        session.execute(
            update(CaseEvent)
            .where(CaseEvent.action_id.in_(ids), CaseEvent.pending)
            .values(pending=False)
            .execution_options(synchronize_session=False)
        )


def drop_pending_case_event(session: Session, action_id: str) -> None:
    """A rejected action's pending history entry goes (the rebuild leaves it out)."""
    session.execute(delete(CaseEvent).where(CaseEvent.action_id == action_id, CaseEvent.pending))
