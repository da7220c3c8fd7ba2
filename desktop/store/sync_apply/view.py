"""The local view of a clue: its platform snapshot with this device's pending actions replayed.

`rebuild` resets a clue's workflow columns to the snapshot in `clues.server_state` (for a
provisional clue: the pending register replayed), drops its pending history entries, then
replays its pending outbox actions in device order, each at the time it was taken. An action
the rules now refuse stays in the outbox but is left out of the view; an action the
platform's history already holds is not replayed. The clue's notices and penalty cases are
rebuilt the same way, right after it (`records.rebuild_records`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desktop.domain.clue import STATE_FIELDS, ClueState, state_from_record
from desktop.domain.validators import ValidationError
from desktop.domain.verification import clue_action_of
from desktop.domain.workflow import Action, ActionRefused, Outcome, apply_action
from desktop.store.action_context import action_context
from desktop.store.clue_rows import (
    assisting_codes,
    draft_values,
    load_actor,
    state_values,
)
from desktop.store.local_actions import history_entry
from desktop.store.models import AssistingUnit, Clue, ClueEvent, OutboxAction
from desktop.store.sync_apply.kinds import SYNCED_KINDS
from desktop.store.sync_apply.outbox import (
    REGISTER_TYPE,
    pending_actions,
    pending_codes,
)
from desktop.store.sync_apply.records import rebuild_records
from desktop.store.sync_apply.work import Work, chunks, search_values
from desktop.wire import records as wire


def state_from_snapshot(code: str, snap: Mapping[str, Any]) -> ClueState:
    """The workflow state a `server_state` snapshot holds (the wire's `ClueState`; a snapshot
    kept before a field existed gets the field's default)."""
    checked = wire.ClueState.model_validate_json(json.dumps(snap))
    values = {name: getattr(checked, name) for name in STATE_FIELDS}
    return state_from_record(SimpleNamespace(code=code, **values), checked.assisting_units)


@dataclass(frozen=True)
class _Replayed:
    act: OutboxAction
    outcome: Outcome
    unit_code: str

    def event(self, clue_id: int) -> ClueEvent:
        """The pending history entry, as `take_action` wrote it."""
        act = self.act
        return history_entry(
            clue_id,
            act.action_id,
            self.outcome,
            username=act.username,
            unit_code=self.unit_code,
            device_id=act.device_id,
            at=act.created_at,
        )


def _replay(
    work: Work,
    act: OutboxAction,
    state: ClueState | None,
    code: str,
    clue_id: int | None = None,
) -> _Replayed | None:
    """An outbox action taken again on `state`, or None if the rules refuse it now."""
    units, rules, calendar = work.rules()
    try:
        taken = clue_action_of(act.command_type, act.payload)
        action, payload = taken or (Action.from_command_type(act.command_type), act.payload)
        actor = load_actor(work.session, act.username, act.device_id)
        context = action_context(work.session, action, clue_id, act.created_at)
        outcome = apply_action(
            action,
            actor,
            state,
            payload,
            act.created_at,
            calendar,
            rules,
            units,
            code=code,
            context=context,
        )
    except (ActionRefused, ValidationError, LookupError, ValueError):
        return None
    return _Replayed(act, outcome, actor.unit.code)


def _set_assisting(session: Session, clue_id: int, units: Sequence[str]) -> None:
    if list(assisting_codes(session, clue_id)) == sorted(units):
        return
    session.execute(delete(AssistingUnit).where(AssistingUnit.clue_id == clue_id))
    session.add_all(
        AssistingUnit(clue_id=clue_id, unit_code=unit, position=position)
        for position, unit in enumerate(units)
    )
    session.flush()


def rebuild(work: Work, code: str) -> None:
    """Make the clue's row the platform's state with its pending actions replayed on top."""
    session = work.session
    row = work.clue(code)
    if row is not None and row.server_state is None and not row.provisional:
        return  # never came from the platform (e.g. demo data): nothing to rebuild from
    actions = pending_actions(session, code)
    if row is None or row.server_state is None:
        register = next((a for a in actions if a.command_type == REGISTER_TYPE), None)
        first = _replay(work, register, None, code) if register is not None else None
        if first is None or first.outcome.draft is None:
            if row is not None:
                work.delete_clue(row)
            return
        values = {**draft_values(first.outcome.draft), **state_values(first.outcome.state)}
        old = None
        if row is None:
            row = Clue(code=code, provisional=True, updated_at=first.act.created_at, **values)
            session.add(row)
        else:
            old = search_values(row)
            for name, value in values.items():
                setattr(row, name, value)
        session.flush()
        work.reindex(row.id, old, search_values(row))
        state: ClueState = first.outcome.state
        replayed = [first]
        actions = [a for a in actions if a is not first.act]
        confirmed: set[str] = set()
        updated = first.act.created_at
    else:
        state = state_from_snapshot(code, row.server_state)
        replayed = []
        history = session.execute(
            select(ClueEvent.action_id, ClueEvent.at).where(
                ClueEvent.clue_id == row.id, ClueEvent.pending.is_(False)
            )
        ).all()
        confirmed = {action_id for action_id, _ in history}
        updated = max((at for _, at in history), default=row.registered_at)
    session.execute(delete(ClueEvent).where(ClueEvent.clue_id == row.id, ClueEvent.pending))
    for act in actions:
        if act.action_id in confirmed:
            continue
        done = _replay(work, act, state, code, row.id)
        if done is not None:
            state = done.outcome.state
            replayed.append(done)
    for done in replayed:
        session.add(done.event(row.id))
        updated = max(updated, done.act.created_at)
    for name, value in state_values(state).items():
        setattr(row, name, value)
    row.updated_at = updated
    session.flush()
    _set_assisting(session, row.id, state.assisting_units)
    for kind in SYNCED_KINDS:
        rebuild_records(work, kind, row, actions)


def rebuild_touched(work: Work, codes: Iterable[str], always: Iterable[str] = ()) -> None:
    """Rebuild touched clues with pending actions or history, provisional ones, and `always`."""
    session = work.session
    session.flush()
    forced = set(always)
    wanted = list(dict.fromkeys([*codes, *forced]))
    if not wanted:
        return
    pending = set(session.scalars(pending_codes()))
    rows: dict[str, tuple[int, bool]] = {}
    for chunk in chunks(wanted):
        for clue_id, code, provisional in session.execute(
            select(Clue.id, Clue.code, Clue.provisional).where(Clue.code.in_(chunk))
        ):
            rows[code] = (clue_id, provisional)
    with_pending_history: set[int] = set()
    for chunk in chunks([clue_id for clue_id, _ in rows.values()]):
        with_pending_history.update(
            session.scalars(
                select(ClueEvent.clue_id).where(ClueEvent.clue_id.in_(chunk), ClueEvent.pending)
            )
        )
    for code in wanted:
        clue_id, provisional = rows.get(code, (0, False))
        if code in forced or code in pending or provisional or clue_id in with_pending_history:
            rebuild(work, code)


def rename(work: Work, old: str, new: str) -> None:
    """A register was answered: the provisional code becomes the platform's code everywhere."""
    session = work.session
    session.execute(update(OutboxAction).where(OutboxAction.clue_code == old).values(clue_code=new))
    row = work.clue(old)
    if row is None or old == new:
        return
    if work.clue(new) is not None:
        work.delete_clue(row)  # the platform's clue arrived first; replays rebuild it there
        return
    before = search_values(row)
    row.code = new
    row.provisional = False
    session.flush()
    work.reindex(row.id, before, search_values(row))
