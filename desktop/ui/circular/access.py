"""Who may compose the monthly circular, and its shortcut (read by the main window's menu)."""

from __future__ import annotations

from desktop.domain.codes import UnitKind
from desktop.ui.workspace import Workspace

CIRCULAR_KEY = "Ctrl+Alt+T"


def may_compose(workspace: Workspace) -> bool:
    """Whether the user may compose a circular: a tackling office or a discipline commission."""
    unit = workspace.actor.unit
    return unit.dispatches or unit.kind is UnitKind.DISCIPLINE
