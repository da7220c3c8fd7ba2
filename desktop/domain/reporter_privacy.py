"""Reporter privacy (举报人保密): who may see a clue's reporter, and the record of a reveal.

The reporter's name and phone reach only the people who must contact the reporter: the
clue's lead unit (its clerk and head call back, 回访) and the dispatching office that owns
the clue. Everyone else (assisting units, a registering unit that is neither, departments,
the discipline commission, administrators) gets them masked by the platform. A commission
user may have a masked reporter revealed by recording a reason; the reveal is a history
entry of the clue that the dispatching office sees.
"""

from __future__ import annotations

from desktop.domain.codes import Role, UnitKind
from desktop.domain.messages import Message
from desktop.domain.units import UnitInfo

REPORTER_REVEALED = "reporter_revealed"
"""The `action` of the history entry a reveal leaves (a platform record, not a pushed action)."""

REVEAL_REASON_MIN = 5
"""The fewest characters a reveal's reason has (after trimming)."""

REVEAL_REASON_MAX = 500
"""The most characters a reveal's reason has."""


def commission_user(role: Role, unit: UnitInfo) -> bool:
    """Whether the user is a discipline commission's (纪委监委) supervisor."""
    return role is Role.SUPERVISOR or unit.kind is UnitKind.DISCIPLINE


def dispatching_office(owner_unit: str | None, county_code: str) -> str:
    """The office that dispatches a clue: its owner, else its county's office (as
    `workflow.owner_of` reads it)."""
    return owner_unit or county_code


def may_see_reporter(
    role: Role, unit: UnitInfo, *, lead_unit: str | None, owner_unit: str | None, county_code: str
) -> bool:
    """Whether a user of `unit` with `role` gets a clue's reporter unmasked: the lead unit's
    users (for the callback) and the dispatching office's, never an administrator or the
    commission."""
    if role is Role.ADMIN or commission_user(role, unit):
        return False
    if lead_unit is not None and unit.code == lead_unit:
        return True
    return unit.dispatches and unit.code == dispatching_office(owner_unit, county_code)


def sees_reveals(role: Role, unit: UnitInfo, *, owner_unit: str | None, county_code: str) -> bool:
    """Whether a user sees the reveal entries of a clue's history: the dispatching office
    (to which reveals are shown) and the commission (whose reveals they are)."""
    if commission_user(role, unit):
        return True
    if role is Role.ADMIN:
        return False
    return unit.dispatches and unit.code == dispatching_office(owner_unit, county_code)


def reveal_reason_problem(reason: str) -> Message | None:
    """What is wrong with a reveal's reason, or None when it will do."""
    text = reason.strip()
    if len(text) < REVEAL_REASON_MIN:
        return Message("请填写查看理由（至少 {count} 个字）", count=REVEAL_REASON_MIN)
    if len(text) > REVEAL_REASON_MAX:
        return Message("查看理由不能超过 {count} 个字", count=REVEAL_REASON_MAX)
    return None
