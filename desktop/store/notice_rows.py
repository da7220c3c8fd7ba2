"""Translating between notice rows and the domain's notice state and history entries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.domain.notices import NoticeOutcome, NoticeState
from desktop.store.local_actions import pending_event_values
from desktop.store.models import Notice, NoticeEvent


def row_values(state: NoticeState) -> dict[str, Any]:
    """Column values of a notice row that hold its state (the JSON and the queried columns)."""
    return {
        "kind": state.kind.value,
        "status": state.status.value,
        "unit_code": state.unit_code,
        "number": state.number,
        "number_year": state.number_year,
        "number_seq": state.number_seq,
        "issued_at": state.issued_at,
        "rectify_deadline": state.rectify_deadline,
        "created_at": state.created_at,
        "state": state.to_dict(),
    }


def state_of(row: Notice, clue_code: str) -> NoticeState:
    """The state a notice row holds (its clue's code as the store has it now)."""
    return NoticeState.from_dict(row.state).evolve(clue_code=clue_code)


def snapshot_state(snapshot: Any, clue_code: str) -> NoticeState:
    """The state a `server_state` snapshot holds."""
    return NoticeState.from_dict(snapshot).evolve(clue_code=clue_code)


def notice_event(
    notice_id: str,
    action_id: str,
    outcome: NoticeOutcome,
    *,
    username: str,
    unit_code: str,
    device_id: str,
    at: datetime,
) -> NoticeEvent:
    """The pending history entry of a notice action taken on this device."""
    values = pending_event_values(
        action_id, outcome, username=username, unit_code=unit_code, device_id=device_id, at=at
    )
    return NoticeEvent(notice_id=notice_id, **values)
