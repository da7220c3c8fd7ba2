"""Notices in the local view, like clues: the platform's snapshot of each notice (from a
pulled clue object or an applied push answer) with this device's pending notice actions
replayed on top.

`write_server_notices` stores snapshots newer than ours with their history and shows them;
`rebuild_notices` (run by the clue's `view.rebuild`) resets a clue's notices to their
snapshots and replays the pending notice actions in device order, each at the time it was
taken. An action the rules now refuse stays in the outbox (the platform answers it) and is
left out of the view; a notice only drafted here whose draft is gone disappears.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.domain.clue import ClueState
from desktop.domain.notice_actions import NOTICE_COMMAND_PREFIX
from desktop.domain.notices import (
    NoticeAction,
    NoticeOutcome,
    NoticeRefused,
    NoticeState,
    apply_notice_action,
)
from desktop.domain.validators import ValidationError
from desktop.store.clue_rows import clue_state, load_actor
from desktop.store.models import Clue, Notice, NoticeEvent, OutboxAction
from desktop.store.notice_rows import notice_event, row_values, snapshot_state
from desktop.store.sync_apply.outbox import PENDING
from desktop.store.sync_apply.parse import ServerEvent, event_row
from desktop.store.sync_apply.parse_notice import ServerNotice
from desktop.store.sync_apply.work import Work, chunks


def is_notice_command(command_type: str) -> bool:
    """Whether an outbox command is a notice action."""
    return command_type.startswith(NOTICE_COMMAND_PREFIX)


def _event_row(e: ServerEvent, notice_id: str) -> dict[str, Any]:
    return {"notice_id": notice_id, **event_row(e)}


def write_server_notices(work: Work, items: Sequence[tuple[int, ServerNotice]]) -> None:
    """Store the platform's notices (clue row id, notice) newer than ours, with their history.

    The row shows the snapshot at once; a clue with pending notice actions is rebuilt by the
    caller afterwards (its view replays them on top).
    """
    if not items:
        return
    session = work.session
    session.flush()
    newest: dict[str, tuple[int, ServerNotice]] = {}
    for clue_id, notice in items:
        known = newest.get(notice.notice_id)
        if known is None or known[1].version < notice.version:
            newest[notice.notice_id] = (clue_id, notice)
    existing: dict[str, tuple[int, int]] = {}
    for ids in chunks(list(newest)):
        statement = select(Notice.notice_id, Notice.id, Notice.server_version)
        for notice_id, row_id, version in session.execute(
            statement.where(Notice.notice_id.in_(ids))
        ):
            existing[notice_id] = (row_id, version)
    written: list[ServerNotice] = []
    for notice_id, (clue_id, notice) in newest.items():
        found = existing.get(notice_id)
        if found is not None and found[1] >= notice.version:
            continue
        values = {
            **row_values(notice.state),
            "clue_id": clue_id,
            "server_state": notice.snapshot(),
            "server_version": notice.version,
            "pending": False,
            "updated_at": notice.updated_at,
        }
        if found is None:
            session.execute(insert(Notice).values(notice_id=notice_id, **values))
        else:
            session.execute(update(Notice).where(Notice.id == found[0]).values(**values))
        written.append(notice)
    _merge_events(session, written)
    session.expire_all()


def _merge_events(session: Session, notices: Sequence[ServerNotice]) -> None:
    """The platform's history of the notices replaces ours (pending entries of actions it
    does not hold yet stay, for the rebuild)."""
    if not notices:
        return
    ids = [n.notice_id for n in notices]
    recorded = [e.action_id for n in notices for e in n.events]
    for chunk in chunks(ids):
        session.execute(
            delete(NoticeEvent).where(NoticeEvent.notice_id.in_(chunk), ~NoticeEvent.pending)
        )
    for chunk in chunks(recorded):
        session.execute(delete(NoticeEvent).where(NoticeEvent.action_id.in_(chunk)))
    rows = [_event_row(e, n.notice_id) for n in notices for e in n.events]
    if rows:
        session.execute(insert(NoticeEvent), rows)


def server_notice_actions(notices: Sequence[ServerNotice]) -> set[str]:
    """The action ids the notices' platform history holds."""
    return {e.action_id for n in notices for e in n.events}


@dataclass(frozen=True)
class _Replayed:
    act: OutboxAction
    outcome: NoticeOutcome
    unit_code: str


def _number(payload: Any) -> tuple[int, int] | None:
    year, seq = payload.get("number_year"), payload.get("number_seq")
    if isinstance(year, int) and isinstance(seq, int):
        return year, seq
    return None


def _replay(
    work: Work, act: OutboxAction, state: NoticeState | None, clue: ClueState
) -> _Replayed | None:
    """A notice action taken again on `state`, or None if the rules refuse it now."""
    units, rules, calendar = work.rules()
    try:
        action = NoticeAction.from_command_type(act.command_type)
        actor = load_actor(work.session, act.username, act.device_id)
        outcome = apply_notice_action(
            action,
            actor,
            state,
            act.payload,
            act.created_at,
            calendar,
            rules,
            units,
            clue=clue,
            number=_number(act.payload),
        )
    except (NoticeRefused, ValidationError, LookupError, ValueError, TypeError):
        return None
    return _Replayed(act, outcome, actor.unit.code)


def rebuild_notices(work: Work, row: Clue, actions: Sequence[OutboxAction] | None = None) -> None:
    """Make the clue's notices their platform snapshots with pending notice actions replayed.

    `actions` are the clue's pending outbox actions in device order (read when not given).
    """
    session = work.session
    if actions is None:
        actions = session.scalars(
            select(OutboxAction)
            .where(OutboxAction.clue_code == row.code, OutboxAction.state == PENDING)
            .order_by(OutboxAction.seq)
        ).all()
    acts = [a for a in actions if is_notice_command(a.command_type)]
    rows = {n.notice_id: n for n in session.scalars(select(Notice).where(Notice.clue_id == row.id))}
    if not acts and not any(n.pending for n in rows.values()):
        return
    by_notice: dict[str, list[OutboxAction]] = {}
    for act in acts:
        by_notice.setdefault(str((act.payload or {}).get("notice_id") or ""), []).append(act)
    clue = clue_state(session, row)
    for notice_id in dict.fromkeys([*rows, *by_notice]):
        if notice_id:
            _rebuild_one(work, row, clue, notice_id, rows.get(notice_id), by_notice.get(notice_id))


def _rebuild_one(
    work: Work,
    clue_row: Clue,
    clue: ClueState,
    notice_id: str,
    row: Notice | None,
    acts: Sequence[OutboxAction] | None,
) -> None:
    session = work.session
    state = snapshot_state(row.server_state, clue_row.code) if row and row.server_state else None
    confirmed = set(
        session.scalars(
            select(NoticeEvent.action_id).where(
                NoticeEvent.notice_id == notice_id, ~NoticeEvent.pending
            )
        )
    )
    replayed: list[_Replayed] = []
    for act in acts or ():
        if act.action_id in confirmed:
            continue
        done = _replay(work, act, state, clue)
        if done is not None:
            state = done.outcome.state
            replayed.append(done)
    session.execute(
        delete(NoticeEvent).where(NoticeEvent.notice_id == notice_id, NoticeEvent.pending)
    )
    if state is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return
    if row is None:
        row = Notice(notice_id=notice_id, clue_id=clue_row.id, server_state=None, server_version=0)
        session.add(row)
    for name, value in row_values(state).items():
        setattr(row, name, value)
    row.pending = bool(replayed)
    row.updated_at = max([state.created_at, *(d.act.created_at for d in replayed)])
    session.flush()
    for done in replayed:
        session.add(
            notice_event(
                notice_id,
                done.act.action_id,
                done.outcome,
                username=done.act.username,
                unit_code=done.unit_code,
                device_id=done.act.device_id,
                at=done.act.created_at,
            )
        )
    session.flush()


def confirm_notice_events(session: Session, action_ids: Sequence[str]) -> None:
    """History entries of applied actions are the platform's now (until it sends its own)."""
    for ids in chunks(list(action_ids)):
        session.execute(
            update(NoticeEvent)
            .where(NoticeEvent.action_id.in_(ids), NoticeEvent.pending)
            .values(pending=False)
            .execution_options(synchronize_session=False)
        )


def drop_pending_event(session: Session, action_id: str) -> None:
    """A rejected action's pending history entry goes (the rebuild leaves it out)."""
    session.execute(
        delete(NoticeEvent).where(NoticeEvent.action_id == action_id, NoticeEvent.pending)
    )


def clue_ids(session: Session, codes: Sequence[str]) -> dict[str, int]:
    """Row ids of clues by code."""
    found: dict[str, int] = {}
    for chunk in chunks(list(dict.fromkeys(codes))):
        found.update(session.execute(select(Clue.code, Clue.id).where(Clue.code.in_(chunk))).all())
    return found
