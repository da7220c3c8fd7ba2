"""A document's history from its event rows (notices and penalty cases keep the same ones)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from desktop.store.models import CaseEvent, NoticeEvent

EntryT = TypeVar("EntryT")


def history_entries(
    events: Iterable[CaseEvent | NoticeEvent],
    entry: Callable[..., EntryT],
    action: Callable[[str], Any],
    status: Callable[[str], Any],
) -> list[EntryT]:
    """The entries of these events, in their order, with `action` and statuses parsed."""
    return [
        entry(
            action_id=e.action_id,
            action=action(e.action),
            at=e.at,
            username=e.username,
            unit_code=e.unit_code,
            from_status=status(e.from_status) if e.from_status else None,
            to_status=status(e.to_status),
            note=e.note,
            details=dict(e.details or {}),
            pending=e.pending,
        )
        for e in events
    ]
