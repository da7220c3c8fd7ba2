"""Taking an action on this device: validate, record history, update the view, queue for sync."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from desktop.domain.calendar import WorkCalendar
from desktop.domain.case_actions import CaseActionOutcome
from desktop.domain.clue import ClueState
from desktop.domain.notices import NoticeOutcome
from desktop.domain.rules import Rules
from desktop.domain.timeutil import china_now, to_china
from desktop.domain.units import Actor, UnitInfo
from desktop.domain.workflow import Action, Outcome, apply_action
from desktop.store.action_context import action_context
from desktop.store.attachments import StoredFile, attach, cited_files
from desktop.store.clue_rows import (
    clue_state,
    draft_values,
    find_clue_row,
    load_judging,
    state_values,
)
from desktop.store.database import Store
from desktop.store.models import AssistingUnit, Clue, ClueEvent, OutboxAction
from desktop.store.search import index_clues

JudgedBy = tuple[Actor, dict[str, UnitInfo], Rules, WorkCalendar]
"""What the rules judge an action on this device by (`load_judging`)."""


@dataclass(frozen=True)
class LocalAction:
    """An action taken on this device and queued for the platform."""

    action_id: str
    clue_code: str
    outcome: Outcome


def provisional_code(now: datetime, action_id: str) -> str:
    """A code for a clue registered offline, until the platform assigns the real one."""
    return f"临{to_china(now):%Y%m%d}-{action_id[:8].upper()}"


def pending_event_values(
    action_id: str,
    outcome: Outcome | NoticeOutcome | CaseActionOutcome,
    *,
    username: str,
    unit_code: str,
    device_id: str,
    at: datetime,
) -> dict[str, Any]:
    """The columns of the pending history entry of an action taken on this device (a clue's,
    a notice's or a case's, until the platform's entry replaces it)."""
    return {
        "action_id": action_id,
        "action": outcome.action.value,
        "username": username,
        "unit_code": unit_code,
        "device_id": device_id,
        "at": at,
        "from_status": outcome.from_status.value if outcome.from_status else None,
        "to_status": outcome.state.status.value,
        "note": outcome.note,
        "details": dict(outcome.details),
        "pending": True,
    }


def history_entry(
    clue_id: int,
    action_id: str,
    outcome: Outcome,
    *,
    username: str,
    unit_code: str,
    device_id: str,
    at: datetime,
) -> ClueEvent:
    """The pending history entry of an action taken on this device (until the platform's)."""
    values = pending_event_values(
        action_id, outcome, username=username, unit_code=unit_code, device_id=device_id, at=at
    )
    return ClueEvent(clue_id=clue_id, **values)


@dataclass(frozen=True)
class _Decision:
    """An action the rules allowed: its clue row and state before, the actor, the outcome."""

    row: Clue | None
    before: ClueState | None
    actor: Actor
    outcome: Outcome


def _decide(
    session: Session,
    username: str,
    device_id: str,
    action: Action,
    clue_code: str | None,
    payload: Mapping[str, Any],
    moment: datetime,
    action_id: str,
    judging: JudgedBy | None = None,
) -> _Decision:
    """The clue row an action names (None for REGISTER) and what the rules make of it."""
    actor, units, rules, calendar = judging or load_judging(session, username, device_id)
    row: Clue | None = None
    state: ClueState | None = None
    code = provisional_code(moment, action_id)
    if action is not Action.REGISTER:
        row = find_clue_row(session, clue_code)
        code = row.code
        state = clue_state(session, row)
    context = action_context(session, action, row.id if row is not None else None, moment)
    outcome = apply_action(
        action, actor, state, payload, moment, calendar, rules, units, code=code, context=context
    )
    return _Decision(row, state, actor, outcome)


def check_local_action(
    store: Store,
    username: str,
    device_id: str,
    action: Action,
    clue_code: str | None,
    payload: Mapping[str, Any],
    now: datetime,
) -> Outcome:
    """Run the rules on an action as `take_action` would, writing nothing (cited files are
    not looked for: a form checks before it copies them into the store)."""
    with store.session() as session:
        moment = to_china(now)
        return _decide(
            session, username, device_id, action, clue_code, payload, moment, "-"
        ).outcome


def take_action(
    store: Store,
    username: str,
    device_id: str,
    action: Action,
    clue_code: str | None,
    payload: Mapping[str, Any],
    *,
    now: datetime | None = None,
    action_id: str | None = None,
    command: tuple[str, Mapping[str, Any]] | None = None,
) -> LocalAction:
    """Take `action` locally in one transaction: all of it is written, or none of it.

    `command`: the (command type, payload) queued for the platform instead of the action's
    own, for a command that takes this clue action on the platform too (a failed weekly
    verification queues `verification.record.v1`, which the platform applies as 核查不合格).

    Files cited under "attachments" ({"sha256", "name"}, already in the attachment store)
    are attached to the clue. Raises ActionRefused or ValidationError (from the rules, or a
    cited file missing) and LookupError for an unknown clue or user; the store is then
    unchanged.
    """
    moment = to_china(now) if now is not None else china_now()
    action_id = action_id or str(uuid.uuid4())
    files = cited_files(store, payload)
    with store.session() as session, session.begin():
        return record_action(
            session,
            username,
            device_id,
            action,
            clue_code,
            payload,
            moment,
            action_id,
            files,
            command=command,
        )


def record_action(
    session: Session,
    username: str,
    device_id: str,
    action: Action,
    clue_code: str | None,
    payload: Mapping[str, Any],
    moment: datetime,
    action_id: str,
    files: list[tuple[StoredFile, str]] | None = None,
    judging: JudgedBy | None = None,
    command: tuple[str, Mapping[str, Any]] | None = None,
) -> LocalAction:
    """Take `action` inside the caller's transaction (see `take_action`); `judging`, when
    given, spares loading the directory, rules and calendar again for each of many actions."""
    files = files or []
    decision = _decide(
        session, username, device_id, action, clue_code, payload, moment, action_id, judging
    )
    row, state, actor, outcome = (
        decision.row,
        decision.before,
        decision.actor,
        decision.outcome,
    )
    code = outcome.state.code
    if row is None:
        draft = outcome.draft
        assert draft is not None  # a register outcome carries its draft
        values = {**draft_values(draft), **state_values(outcome.state)}
        row = Clue(code=code, provisional=True, updated_at=moment, **values)
        session.add(row)
        session.flush()
        index_clues(
            session.connection(),
            [(row.id, (code, draft.subject_name, draft.address, draft.description))],
        )
    else:
        session.execute(
            update(Clue)
            .where(Clue.id == row.id)
            .values(updated_at=moment, **state_values(outcome.state))
        )
    if outcome.state.assisting_units != (state.assisting_units if state else ()):
        session.execute(delete(AssistingUnit).where(AssistingUnit.clue_id == row.id))
        session.add_all(
            AssistingUnit(clue_id=row.id, unit_code=unit, position=position)
            for position, unit in enumerate(outcome.state.assisting_units)
        )
    session.add(
        history_entry(
            row.id,
            action_id,
            outcome,
            username=actor.username,
            unit_code=actor.unit.code,
            device_id=device_id,
            at=moment,
        )
    )
    session.flush()
    for stored, name in files:
        attach(session, code, stored, name, actor.username, moment)
    queued = dict(payload) if action is not Action.REGISTER else dict(outcome.details)
    if files:
        queued["attachments"] = payload["attachments"]
    command_type = action.command_type
    if command is not None:
        command_type, queued = command[0], dict(command[1])
    session.add(
        OutboxAction(
            action_id=action_id,
            command_type=command_type,
            clue_code=code,
            payload=queued,
            username=actor.username,
            device_id=device_id,
            created_at=moment,
        )
    )
    return LocalAction(action_id, code, outcome)
