"""Translating between notice rows and the domain's notice state and history entries."""

from __future__ import annotations

from typing import Any

from desktop.domain.notice_actions import NOTICE_COMMAND_PREFIX
from desktop.domain.notices import NoticeState
from desktop.store.models import Notice, NoticeEvent
from desktop.store.record_kinds import RecordKind


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


NOTICES: RecordKind[NoticeState] = RecordKind(
    id_key="notice_id",
    model=Notice,
    event_model=NoticeEvent,
    command_prefix=NOTICE_COMMAND_PREFIX,
    from_dict=NoticeState.from_dict,
    row_values=row_values,
)
"""How the store keeps notices."""

state_of = NOTICES.state_of
snapshot_state = NOTICES.snapshot_state
notice_event = NOTICES.event
