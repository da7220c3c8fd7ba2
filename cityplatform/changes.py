"""Writing a change: the next sequence number, the clue row, its history and tombstones."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from cityplatform.domainmap import draft_values, state_values
from cityplatform.models import AssistingUnit, Clue, ClueAttachment, ClueEvent, ScopeExit
from cityplatform.scope import exited_units
from cityplatform.state import CHANGE_SEQ, Executor, bump_counter
from desktop.domain.clue import ClueState
from desktop.domain.units import Actor
from desktop.domain.workflow import Outcome

CODE_PREFIX = "LYG"
"""Clue codes are LYG<year><number>, as the demo city's generator writes them."""


def code_counter(year: int) -> str:
    """The counter name of clue codes of `year`."""
    return f"clue_code:{year}"


def next_code(session: Session, year: int) -> str:
    """The next clue code of `year` (its counter row stays locked until commit)."""
    number = bump_counter(session, code_counter(year))
    return f"{CODE_PREFIX}{year}{number:06d}"


def next_seq(session: Session) -> int:
    """The next change sequence number, held under the counter's row lock until commit.

    Take it as late as possible: every other writer waits for this commit from here on,
    which is what makes commit order equal sequence order.
    """
    return bump_counter(session, CHANGE_SEQ)


@dataclass(frozen=True)
class ClueKey:
    """What writing a change needs to know of the clue beyond its state."""

    id: int
    code: str
    registered_by_unit: str


@dataclass(frozen=True)
class AttachmentRef:
    """An attachment an action cites: content hash and the name it is shown under."""

    sha256: str
    name: str


def _members(state: ClueState) -> set[str]:
    units = set(state.assisting_units)
    if state.lead_unit:
        units.add(state.lead_unit)
    return units


def event_row(
    clue_id: int, seq: int, action_id: str, outcome: Outcome, actor: Actor, at: datetime
) -> dict[str, Any]:
    """The history row of an outcome."""
    return {
        "clue_id": clue_id,
        "seq": seq,
        "action_id": action_id,
        "action": outcome.action.value,
        "username": actor.username,
        "unit_code": actor.unit.code,
        "device_id": actor.device_id,
        "at": at,
        "from_status": outcome.from_status.value if outcome.from_status else None,
        "to_status": outcome.state.status.value,
        "note": outcome.note,
        "details": dict(outcome.details),
    }


def link_attachments(
    session: Session, clue_id: int, refs: Sequence[AttachmentRef], actor: Actor, at: datetime
) -> None:
    """Add attachments to a clue (a file already attached keeps its first name)."""
    if not refs:
        return
    known = set(
        session.scalars(
            select(ClueAttachment.sha256).where(
                ClueAttachment.clue_id == clue_id,
                ClueAttachment.sha256.in_([r.sha256 for r in refs]),
            )
        )
    )
    for ref in refs:
        if ref.sha256 in known:
            continue
        known.add(ref.sha256)
        session.add(
            ClueAttachment(
                clue_id=clue_id,
                sha256=ref.sha256,
                name=ref.name,
                added_at=at,
                added_by=actor.username,
            )
        )


def _write_assisting(executor: Executor, clue_id: int, units: Iterable[str]) -> None:
    rows = [
        {"clue_id": clue_id, "unit_code": code, "position": position}
        for position, code in enumerate(units)
    ]
    if rows:
        executor.execute(insert(AssistingUnit), rows)


_UPDATE_CLUE = update(Clue).where(Clue.id == bindparam("clue_id"))
"""UPDATE of a clue by id; the SET clause is the columns of the parameters given."""

_INSERT_EVENT = insert(ClueEvent)


def apply_outcome(
    session: Session,
    clue: ClueKey,
    before: ClueState,
    outcome: Outcome,
    *,
    action_id: str,
    actor: Actor,
    at: datetime,
    seq: int,
    attachments: Sequence[AttachmentRef] = (),
) -> None:
    """Write an allowed action on an existing clue with a few Core statements; caller commits.

    The changed columns and the seq, assisting units, tombstones for units that left, the
    history entry and attachments.
    """
    connection = session.connection()
    after = outcome.state
    old, new = state_values(before), state_values(after)
    changed = {name: value for name, value in new.items() if old[name] != value}
    connection.execute(_UPDATE_CLUE, {**changed, "seq": seq, "clue_id": clue.id})
    if tuple(after.assisting_units) != tuple(before.assisting_units):
        connection.execute(delete(AssistingUnit).where(AssistingUnit.clue_id == clue.id))
        _write_assisting(connection, clue.id, after.assisting_units)
    left = exited_units(_members(before), _members(after), clue.registered_by_unit)
    if after.county_code != before.county_code:
        left.append(before.county_code)  # transferred: the old county's area loses it
    exits = [
        {"seq": seq, "clue_id": clue.id, "clue_code": clue.code, "unit_code": unit, "at": at}
        for unit in left
    ]
    if exits:
        connection.execute(insert(ScopeExit), exits)
    connection.execute(_INSERT_EVENT, event_row(clue.id, seq, action_id, outcome, actor, at))
    link_attachments(session, clue.id, attachments, actor, at)


def insert_registered(
    session: Session,
    outcome: Outcome,
    *,
    code: str,
    action_id: str,
    actor: Actor,
    at: datetime,
    seq: int,
    attachments: Sequence[AttachmentRef] = (),
) -> Clue:
    """Write a newly registered clue with its first history entry; caller commits."""
    assert outcome.draft is not None
    state = outcome.state.evolve(code=code)
    values = {**draft_values(outcome.draft), **state_values(state)}
    row = Clue(code=code, seq=seq, registered_by_unit=actor.unit.code, **values)
    session.add(row)
    session.flush()
    session.execute(insert(ClueEvent), [event_row(row.id, seq, action_id, outcome, actor, at)])
    link_attachments(session, row.id, attachments, actor, at)
    session.flush()
    return row
