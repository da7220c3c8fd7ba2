"""Applied actions' workflow states as the clues' snapshots, rebuilding only what differs.

A push answer's `state` is the clue's workflow state right after the action. It becomes the
clue's `server_state` (its `server_version` stays, so the next pull still brings the whole
clue). A clue with no pending actions or history whose row already shows that state needs
no rebuild: the common case, since the view replayed the very same action.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import bindparam, select, update

from desktop.store.clue_rows import STATE_COLUMNS
from desktop.store.models import AssistingUnit, Clue, ClueEvent, OutboxAction
from desktop.store.sync_apply.outbox import PENDING
from desktop.store.sync_apply.parse_push import ServerState
from desktop.store.sync_apply.view import rebuild
from desktop.store.sync_apply.work import Work, chunks

_SNAPSHOT = update(Clue).where(Clue.id == bindparam("clue_id"))

_COLUMNS = (Clue.id, Clue.code, Clue.server_version, *(getattr(Clue, n) for n in STATE_COLUMNS))


Answered = Mapping[str, tuple[int, ServerState]]
"""Per clue code: the seq of the newest applied action and the state it left."""


def _newer(work: Work, states: Answered) -> list[tuple[Any, ServerState]]:
    """The clue rows whose snapshot is older than the state answered for them."""
    found = []
    for codes in chunks(list(states)):
        for row in work.connection.execute(select(*_COLUMNS).where(Clue.code.in_(codes))):
            seq, state = states[row.code]
            if seq > row.server_version:
                found.append((row, state))
    return found


def _busy(work: Work, rows: Sequence[Any]) -> set[str]:
    """Codes of the clues with pending actions or pending history (rebuilt anyway)."""
    session = work.session
    busy: set[str] = set()
    for chunk in chunks(rows):
        busy.update(
            session.scalars(
                select(OutboxAction.clue_code).where(
                    OutboxAction.state == PENDING,
                    OutboxAction.clue_code.in_([row.code for row in chunk]),
                )
            )
        )
        codes = {row.id: row.code for row in chunk}
        busy.update(
            codes[clue_id]
            for clue_id in session.scalars(
                select(ClueEvent.clue_id).where(ClueEvent.clue_id.in_(codes), ClueEvent.pending)
            )
        )
    return busy


def _assisting(work: Work, rows: Sequence[Any]) -> dict[int, list[str]]:
    units: dict[int, list[str]] = {}
    for chunk in chunks([row.id for row in rows]):
        statement = (
            select(AssistingUnit.clue_id, AssistingUnit.unit_code)
            .where(AssistingUnit.clue_id.in_(chunk))
            .order_by(AssistingUnit.clue_id, AssistingUnit.position)
        )
        for clue_id, unit in work.session.execute(statement):
            units.setdefault(clue_id, []).append(unit)
    return units


def _shows(row: Any, units: list[str], state: ServerState) -> bool:
    """Whether the clue row already shows `state` (workflow columns and assisting units)."""
    values = state.values
    if any(getattr(row, name) != values[name] for name in STATE_COLUMNS):
        return False
    return sorted(units) == sorted(state.assisting_units)


def apply_states(work: Work, states: Answered) -> list[str]:
    """Store newer answered states as snapshots; rebuild the idle clues whose row differs.

    Returns the codes with pending actions or history, for `rebuild_touched`.
    """
    if not states:
        return []
    session = work.session
    session.flush()
    newer = _newer(work, states)
    if not newer:
        return []
    work.connection.execute(
        _SNAPSHOT, [{"clue_id": row.id, "server_state": state.snapshot()} for row, state in newer]
    )
    rows = [row for row, _ in newer]
    busy = _busy(work, rows)
    units = _assisting(work, rows)
    for row, state in newer:
        if row.code not in busy and not _shows(row, units.get(row.id, []), state):
            rebuild(work, row.code)
    return sorted(busy)
