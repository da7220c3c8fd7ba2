"""Translating between penalty-case rows and the domain's case state and history entries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.domain.cases import CaseActionOutcome, CaseState
from desktop.store.local_actions import pending_event_values
from desktop.store.models import Case, CaseEvent


def row_values(state: CaseState) -> dict[str, Any]:
    """Column values of a case row that hold its state (the JSON and the queried columns)."""
    decision = state.decision
    return {
        "status": state.status.value,
        "unit_code": state.unit_code,
        "number": state.number,
        "number_year": state.number_year,
        "number_seq": state.number_seq,
        "decision_number": decision.number if decision is not None else "",
        "party_name": state.party.name,
        "filed_on": state.filed_on,
        "deadline": state.deadline,
        "decided_on": decision.decided_on if decision is not None else None,
        "closed_on": state.closed_on,
        "created_at": state.created_at,
        "state": state.to_dict(),
    }


def state_of(row: Case, clue_code: str) -> CaseState:
    """The state a case row holds (its clue's code as the store has it now)."""
    return CaseState.from_dict(row.state).evolve(clue_code=clue_code)


def snapshot_state(snapshot: Any, clue_code: str) -> CaseState:
    """The state a `server_state` snapshot holds."""
    return CaseState.from_dict(snapshot).evolve(clue_code=clue_code)


def case_event(
    case_id: str,
    action_id: str,
    outcome: CaseActionOutcome,
    *,
    username: str,
    unit_code: str,
    device_id: str,
    at: datetime,
) -> CaseEvent:
    """The pending history entry of a case action taken on this device."""
    values = pending_event_values(
        action_id, outcome, username=username, unit_code=unit_code, device_id=device_id, at=at
    )
    return CaseEvent(case_id=case_id, **values)
