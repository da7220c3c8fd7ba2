"""How the store keeps the commissions' own records (suggestions, accountability records):
their rows and histories, the rules that take an action on them, and the local view — the
platform's state with this device's pending actions replayed on top (`rebuild_view`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.accountability import (
    ACCOUNTABILITY_COMMAND_PREFIX,
    AccountabilityAction,
    AccountabilityRefused,
    AccountabilityState,
    Origins,
    apply_accountability_action,
)
from desktop.domain.clue import ClueState
from desktop.domain.suggestions import (
    SUGGESTION_COMMAND_PREFIX,
    SuggestionAction,
    SuggestionRefused,
    SuggestionState,
    apply_suggestion_action,
)
from desktop.domain.supervision_common import RecordOutcome, red_now
from desktop.domain.units import Actor
from desktop.domain.validators import ValidationError
from desktop.store.clue_rows import clue_state, load_actor, load_judging
from desktop.store.models import (
    AccountabilityEvent,
    AccountabilityRecord,
    Clue,
    Suggestion,
    SuggestionEvent,
    SupervisionOutbox,
    WarningEpisode,
)

PENDING = "pending"
REJECTED = "rejected"

REPLAY_REFUSALS = (SuggestionRefused, AccountabilityRefused, ValidationError, LookupError)
"""What replaying a queued action may raise when the rules no longer allow it."""


@dataclass(frozen=True)
class StoredKind:
    """One kind of commission record as the store keeps it."""

    name: str
    """suggestion | accountability: the feed's kind and the push answer's key."""
    id_key: str
    model: Any
    event_model: Any
    prefix: str
    action_of: Callable[[str], Any]
    from_dict: Callable[[Any], Any]
    row_values: Callable[[Any], dict[str, Any]]

    @property
    def id_column(self) -> Any:
        """The rows' record id column."""
        return getattr(self.model, self.id_key)

    def row(self, session: Session, record_id: str) -> Any:
        """The row of a record, or None."""
        return session.scalars(select(self.model).where(self.id_column == record_id)).first()

    def show(self, session: Session, row: Any, record_id: str, state: Any, at: datetime) -> Any:
        """Make `row` (a new one when None) show `state`; the row, added to the session."""
        values = self.row_values(state)
        if row is None:
            row = self.model(
                **{self.id_key: record_id}, server_state=None, server_version=0, **values
            )
            session.add(row)
        else:
            for name, value in values.items():
                setattr(row, name, value)
        row.updated_at = at
        return row


def _suggestion_values(state: SuggestionState) -> dict[str, Any]:
    return {
        "kind": state.kind.value,
        "status": state.status.value,
        "number": state.number,
        "issuing_unit": state.issuing_unit,
        "addressed_unit": state.addressed_unit,
        "issued_at": state.issued_at,
        "reply_deadline": state.reply_deadline,
        "state": state.to_dict(),
    }


def _accountability_values(state: AccountabilityState) -> dict[str, Any]:
    return {
        "status": state.status.value,
        "commission_unit": state.commission_unit,
        "unit_concerned": state.unit_concerned,
        "measure": state.measure.value,
        "decided_on": state.decided_on,
        "state": state.to_dict(),
    }


SUGGESTIONS = StoredKind(
    name="suggestion",
    id_key="suggestion_id",
    model=Suggestion,
    event_model=SuggestionEvent,
    prefix=SUGGESTION_COMMAND_PREFIX,
    action_of=SuggestionAction.from_command_type,
    from_dict=SuggestionState.from_dict,
    row_values=_suggestion_values,
)
ACCOUNTABILITY = StoredKind(
    name="accountability",
    id_key="record_id",
    model=AccountabilityRecord,
    event_model=AccountabilityEvent,
    prefix=ACCOUNTABILITY_COMMAND_PREFIX,
    action_of=AccountabilityAction.from_command_type,
    from_dict=AccountabilityState.from_dict,
    row_values=_accountability_values,
)
KINDS: Mapping[str, StoredKind] = {kind.name: kind for kind in (SUGGESTIONS, ACCOUNTABILITY)}


def kind_of_command(command_type: str) -> StoredKind:
    """The kind of record a queued command acts on."""
    return ACCOUNTABILITY if command_type.startswith(ACCOUNTABILITY_COMMAND_PREFIX) else SUGGESTIONS


def local_clue(session: Session, code: str) -> ClueState | None:
    """A clue's state as this device has it, or None."""
    row = session.scalars(select(Clue).where(Clue.code == code)).first()
    return clue_state(session, row) if row is not None else None


def _local_suggestion(session: Session, suggestion_id: str) -> SuggestionState | None:
    row = SUGGESTIONS.row(session, suggestion_id)
    return SuggestionState.from_dict(row.state) if row is not None else None


def judge(
    session: Session,
    kind: StoredKind,
    actor: Actor,
    action: Any,
    before: Any,
    payload: Mapping[str, Any],
    now: datetime,
) -> RecordOutcome:
    """Take `action` by the shared rules, with what this device knows (its clues, rules,
    calendar and suggestions); raises the kind's refusal or ValidationError."""
    _, units, rules, calendar = load_judging(session, actor.username, actor.device_id)

    def lookup(code: str) -> ClueState | None:
        return local_clue(session, code)

    if kind is SUGGESTIONS:
        return apply_suggestion_action(
            action, actor, before, payload, now, calendar, units, lookup=lookup
        )

    def red(code: str) -> bool:
        clue = lookup(code)
        if clue is None:
            return False
        return red_now(clue, now, calendar, rules) or _ever_red(session, code)

    origins = Origins(lookup, red, lambda sid: _local_suggestion(session, sid))
    return apply_accountability_action(action, actor, before, payload, now, units, origins)


def _ever_red(session: Session, code: str) -> bool:
    """Whether the clue's warning record, as the platform sent it, holds a level-3 episode."""
    found = session.execute(
        select(WarningEpisode.id)
        .join(Clue, Clue.id == WarningEpisode.clue_id)
        .where(Clue.code == code, WarningEpisode.level == 3)
        .limit(1)
    ).first()
    return found is not None


def pending_actions(session: Session, record_id: str) -> list[SupervisionOutbox]:
    """The record's queued actions not yet confirmed (nor rejected), oldest first."""
    return list(
        session.scalars(
            select(SupervisionOutbox)
            .where(SupervisionOutbox.record_id == record_id, SupervisionOutbox.state == PENDING)
            .order_by(SupervisionOutbox.seq)
        )
    )


def rebuild_view(session: Session, kind: StoredKind, record_id: str) -> None:
    """Show the platform's state with the pending actions replayed on top; an action the
    rules now refuse is left out of the view (the platform will answer it). A record with
    neither a platform state nor a pending action is removed."""
    row = kind.row(session, record_id)
    if row is None:
        return
    state = kind.from_dict(row.server_state) if row.server_state is not None else None
    queued = pending_actions(session, record_id)
    for act in queued:
        try:
            actor = load_actor(session, act.username, act.device_id)
            action = kind.action_of(act.command_type)
            state = judge(session, kind, actor, action, state, act.payload, act.created_at).state
        except REPLAY_REFUSALS:  # the platform will answer it
            continue
    if state is None:
        session.delete(row)
        return
    kind.show(session, row, record_id, state, row.updated_at)
    row.pending = bool(queued)
