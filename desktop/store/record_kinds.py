"""The sub-records of a clue with their own history (notices, penalty cases), kept one way:
a `RecordKind` names a kind's rows, history entries, id column and outbox commands, and
`save_local_action` writes an action taken on this device (row, pending history entry,
outbox command) the same way for every kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, Protocol, Self, TypeVar

from sqlalchemy.orm import Session

from desktop.domain.case_actions import CaseActionOutcome
from desktop.domain.notices import NoticeOutcome
from desktop.domain.units import Actor
from desktop.store.local_actions import pending_event_values
from desktop.store.models import Clue, OutboxAction


class RecordState(Protocol):
    """What the store needs of a sub-record's domain state."""

    @property
    def created_at(self) -> datetime: ...

    def evolve(self, **changes: Any) -> Self: ...

    def to_dict(self) -> dict[str, Any]: ...


S = TypeVar("S", bound=RecordState)

RecordOutcome = NoticeOutcome | CaseActionOutcome
"""What taking an action on a sub-record gives: the state after, with its history entry."""


@dataclass(frozen=True)
class RecordKind(Generic[S]):
    """How the store keeps one kind of a clue's sub-records (its ORM models, id key, state)."""

    id_key: str
    """The key naming a record in its rows, history entries and action payloads."""
    model: Any
    """The ORM class of the records' rows (the local view)."""
    event_model: Any
    """The ORM class of their history entries."""
    command_prefix: str
    """What the outbox command types of the kind's actions start with."""
    from_dict: Callable[[Any], S]
    """The domain state from its JSON."""
    row_values: Callable[[S], dict[str, Any]]
    """Column values of a row that hold a state (the JSON and the queried columns)."""

    @property
    def id_column(self) -> Any:
        """The rows' record id column."""
        return getattr(self.model, self.id_key)

    @property
    def event_id_column(self) -> Any:
        """The history entries' record id column."""
        return getattr(self.event_model, self.id_key)

    def is_command(self, command_type: str) -> bool:
        """Whether an outbox command is an action on this kind of record."""
        return command_type.startswith(self.command_prefix)

    def state_of(self, row: Any, clue_code: str) -> S:
        """The state a row holds (its clue's code as the store has it now)."""
        return self.snapshot_state(row.state, clue_code)

    def snapshot_state(self, snapshot: Any, clue_code: str) -> S:
        """The state a `server_state` snapshot (or a row's JSON) holds."""
        return self.from_dict(snapshot).evolve(clue_code=clue_code)

    def event(
        self,
        record_id: str,
        action_id: str,
        outcome: RecordOutcome,
        *,
        username: str,
        unit_code: str,
        device_id: str,
        at: datetime,
    ) -> Any:
        """The pending history entry of an action taken on this device."""
        values = pending_event_values(
            action_id, outcome, username=username, unit_code=unit_code, device_id=device_id, at=at
        )
        return self.event_model(**{self.id_key: record_id}, **values)

    def show(self, session: Session, row: Any, record_id: str, clue_id: int, state: S) -> Any:
        """Make `row` (a new one when None) show `state`; the row, added to the session."""
        values = self.row_values(state)
        if row is None:
            row = self.model(
                **{self.id_key: record_id},
                clue_id=clue_id,
                server_state=None,
                server_version=0,
                **values,
            )
            session.add(row)
        else:
            for name, value in values.items():
                setattr(row, name, value)
        return row


def save_local_action(
    session: Session,
    kind: RecordKind[S],
    row: Any,
    record_id: str,
    clue_row: Clue,
    outcome: RecordOutcome,
    *,
    command_type: str,
    action_id: str,
    actor: Actor,
    device_id: str,
    queued: Mapping[str, Any],
    moment: datetime,
) -> None:
    """Write an action taken on this device: the row shows the state after it (pending), its
    pending history entry and its outbox command (with the payload as queued)."""
    state: Any = outcome.state
    row = kind.show(session, row, record_id, clue_row.id, state.evolve(clue_code=clue_row.code))
    row.pending = True
    row.updated_at = moment
    session.flush()
    session.add(
        kind.event(
            record_id,
            action_id,
            outcome,
            username=actor.username,
            unit_code=actor.unit.code,
            device_id=device_id,
            at=moment,
        )
    )
    session.add(
        OutboxAction(
            action_id=action_id,
            command_type=command_type,
            clue_code=clue_row.code,
            payload=dict(queued),
            username=actor.username,
            device_id=device_id,
            created_at=moment,
        )
    )
