"""Whose clues the dashboard counts: the area of a dispatching office or commission, the unit
itself for a unit that handles clues, every unit for the city."""

from __future__ import annotations

from desktop.domain.codes import UnitKind
from desktop.ui.workspace import Workspace


def dashboard_scope(workspace: Workspace) -> list[str] | None:
    """The unit codes the statistics are limited to (None: the whole city)."""
    unit = workspace.viewer.unit
    area = unit.dispatches or unit.kind is UnitKind.DISCIPLINE
    if area and unit.county_code is None:
        return None
    if area:
        return sorted(
            u.code
            for u in workspace.units.values()
            if u.kind is not UnitKind.DISCIPLINE
            and (u.dispatches or u.handles)
            and u.county_code == unit.county_code
        )
    return [unit.code]
