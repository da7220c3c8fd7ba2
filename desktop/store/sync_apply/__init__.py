"""The store side of sync: pulled pages, push results, reset, reference data, sync state.

The local view
--------------
A clue row is the *local view*: the platform's state with this device's pending outbox
actions replayed on top. Actions only ever change a clue's workflow state (status, units,
stage times, deadlines), so every clue that came from the platform keeps the workflow part of
the platform's last state in `clues.server_state` (a small JSON snapshot; its descriptive
fields live in the row, which only the platform changes). Clues registered on this device and
not yet answered are `provisional` and have no snapshot: their base is the pending register.
Every write of platform state (a pulled clue, a push result's clue or state) and every
outbox change ends with a rebuild of the clues it touched whose view may differ (`view`), so
rejecting, discarding or resending an action always leaves a consistent view.

Reset (410) is mark-and-sweep (`reset`): every platform clue is marked (server_version 0)
and the cursor dropped; the full pull rewrites what is still in scope, and the page that
ends it deletes the marked clues no pending action needs. The outbox is never touched.

Every public function is one transaction: a page and its cursor are written together or
not at all. Answers are parsed completely (`parse`) before the transaction starts; a
malformed one raises `SyncDataError` and changes nothing.

Modules: `parse` and `parse_push` (protocol JSON), `state` (sync_state values, device id,
status), `outbox` (action states, pending actions), `work` (per-transaction helpers),
`write` and `merge` (platform clues into rows, history and attachments), `view` (rebuilding
the local view), `snapshots` (applied actions' states), `pull`, `push` (batches) and
`confirm` (recording push answers), `reset`, `problems` (the sync problems list),
`reference` (directory and rules), `export`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.store.sync_apply.confirm import ATTACHMENT_TRIES, PushTally, record_push_results
    from desktop.store.sync_apply.export import export_clue
    from desktop.store.sync_apply.outbox import PENDING, REGISTER_TYPE, REJECTED
    from desktop.store.sync_apply.parse import (
        Change,
        ServerAttachment,
        ServerClue,
        ServerEvent,
        SyncDataError,
        UnknownUnitsError,
        parse_changes,
        parse_clue,
    )
    from desktop.store.sync_apply.parse_push import (
        PUSH_STATUSES,
        PushResult,
        ServerState,
        parse_push_result,
    )
    from desktop.store.sync_apply.problems import (
        SyncProblem,
        discard_problem,
        resend_problem,
        sync_problems,
    )
    from desktop.store.sync_apply.pull import PageResult, apply_pull_page
    from desktop.store.sync_apply.push import next_push_batch, pending_files
    from desktop.store.sync_apply.reference import (
        apply_local_office_hours,
        platform_office_hours,
        save_directory,
        save_platform_rules,
    )
    from desktop.store.sync_apply.reset import reset_server_data
    from desktop.store.sync_apply.state import (
        SyncStatus,
        device_id,
        mark_synced,
        read_state,
        sync_status,
        write_state,
    )
    from desktop.store.sync_apply.work import CHUNK

_HOMES: dict[str, str] = {
    "ATTACHMENT_TRIES": "confirm",
    "PushTally": "confirm",
    "record_push_results": "confirm",
    "export_clue": "export",
    "PENDING": "outbox",
    "REGISTER_TYPE": "outbox",
    "REJECTED": "outbox",
    "Change": "parse",
    "ServerAttachment": "parse",
    "ServerClue": "parse",
    "ServerEvent": "parse",
    "SyncDataError": "parse",
    "UnknownUnitsError": "parse",
    "parse_changes": "parse",
    "parse_clue": "parse",
    "PUSH_STATUSES": "parse_push",
    "PushResult": "parse_push",
    "ServerState": "parse_push",
    "parse_push_result": "parse_push",
    "SyncProblem": "problems",
    "discard_problem": "problems",
    "resend_problem": "problems",
    "sync_problems": "problems",
    "PageResult": "pull",
    "apply_pull_page": "pull",
    "next_push_batch": "push",
    "pending_files": "push",
    "apply_local_office_hours": "reference",
    "platform_office_hours": "reference",
    "save_directory": "reference",
    "save_platform_rules": "reference",
    "reset_server_data": "reset",
    "SyncStatus": "state",
    "device_id": "state",
    "mark_synced": "state",
    "read_state": "state",
    "sync_status": "state",
    "write_state": "state",
    "CHUNK": "work",
}
"""Which module of the package holds each public name: a name is imported when first used,
so a window that only reads the sync state does not load the parsers and the wire models."""


def __getattr__(name: str) -> Any:
    """The public name `name`, imported from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ATTACHMENT_TRIES",
    "CHUNK",
    "PENDING",
    "PUSH_STATUSES",
    "REGISTER_TYPE",
    "REJECTED",
    "Change",
    "PageResult",
    "PushResult",
    "PushTally",
    "ServerAttachment",
    "ServerClue",
    "ServerEvent",
    "ServerState",
    "SyncDataError",
    "SyncProblem",
    "SyncStatus",
    "UnknownUnitsError",
    "apply_local_office_hours",
    "platform_office_hours",
    "apply_pull_page",
    "device_id",
    "discard_problem",
    "export_clue",
    "mark_synced",
    "next_push_batch",
    "parse_changes",
    "parse_clue",
    "parse_push_result",
    "pending_files",
    "read_state",
    "record_push_results",
    "resend_problem",
    "reset_server_data",
    "save_directory",
    "save_platform_rules",
    "sync_problems",
    "sync_status",
    "write_state",
]
