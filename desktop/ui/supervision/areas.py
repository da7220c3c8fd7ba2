"""Which units a commission's records may address (the supervised units of its area), and how
many suggestions wait for the user."""

from __future__ import annotations

from desktop.domain.codes import UnitKind
from desktop.domain.suggestions import AWAITING_REPLY, SuggestionStatus
from desktop.domain.supervision_common import commission_covers, is_commission_user
from desktop.domain.units import UnitInfo
from desktop.store.supervision import list_suggestions
from desktop.ui.workspace import Workspace

UNTRANSLATED = ("、", "（", "）", "\u3000", "，,；;、\n\t", "，")
"""Chinese punctuation that joins names and codes in the records' own (Chinese) data."""
LIST_SEPARATOR, OPEN_BRACKET, CLOSE_BRACKET, WIDE_SPACE, CODE_SEPARATORS, CODE_JOINER = UNTRANSLATED


def supervised_units(workspace: Workspace) -> list[UnitInfo]:
    """The units the signed-in commission supervises (not commissions), offices first."""
    own = workspace.actor.unit
    units = [
        u
        for u in workspace.units.values()
        if u.kind is not UnitKind.DISCIPLINE and commission_covers(own, u)
    ]
    return sorted(units, key=lambda u: (not u.dispatches, u.code))


def is_commission(workspace: Workspace) -> bool:
    """Whether the signed-in user acts for a discipline commission."""
    return is_commission_user(workspace.actor)


def waiting_suggestions(workspace: Workspace) -> int:
    """Suggestions waiting for the user: for a unit those owing its reply, for a commission
    the replies to review."""
    own = workspace.actor.unit.code
    if is_commission(workspace):
        rows = list_suggestions(
            workspace.store, status=SuggestionStatus.REPLIED, issuing_unit=own, now=workspace.now()
        )
    else:
        rows = list_suggestions(
            workspace.store, status=sorted(AWAITING_REPLY), addressed_unit=own, now=workspace.now()
        )
    return len(rows)
