"""Translating between penalty-case rows and the domain's case state and history entries."""

from __future__ import annotations

from typing import Any

from desktop.domain.case_actions import CASE_COMMAND_PREFIX
from desktop.domain.cases import CaseState
from desktop.store.models import Case, CaseEvent
from desktop.store.record_kinds import RecordKind


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


CASES: RecordKind[CaseState] = RecordKind(
    id_key="case_id",
    model=Case,
    event_model=CaseEvent,
    command_prefix=CASE_COMMAND_PREFIX,
    from_dict=CaseState.from_dict,
    row_values=row_values,
)
"""How the store keeps penalty cases."""

state_of = CASES.state_of
snapshot_state = CASES.snapshot_state
case_event = CASES.event
