"""Units and the people acting for them, as the rules see them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.domain.codes import DISPATCHING_KINDS, Role, UnitKind


@dataclass(frozen=True)
class UnitInfo:
    """A unit of the tree: code, name, kind, parent, and the county (area) it belongs to.

    `county_code` is None for units of the whole city (the city office, city departments,
    the city discipline commission).
    """

    code: str
    name: str
    kind: UnitKind
    parent_code: str | None
    county_code: str | None

    @property
    def dispatches(self) -> bool:
        """Whether the unit is a tackling office that dispatches clues."""
        return self.kind in DISPATCHING_KINDS

    @property
    def handles(self) -> bool:
        """Whether clues can be dispatched to this unit as lead or assisting unit."""
        return self.kind in (UnitKind.TOWNSHIP, UnitKind.STREET, UnitKind.DEPARTMENT)

    def covers(self, county_code: str | None) -> bool:
        """Whether the unit's area includes the county `county_code`."""
        return self.county_code is None or self.county_code == county_code


UnitDirectory = Mapping[str, UnitInfo]


@dataclass(frozen=True)
class Actor:
    """Who takes an action: the user, their role, their unit, and the device used."""

    username: str
    role: Role
    unit: UnitInfo
    display_name: str = ""
    device_id: str = ""
