"""Units and the people acting for them, as the rules see them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.domain.codes import DISPATCHING_KINDS, Post, Role, UnitKind


@dataclass(frozen=True)
class UnitInfo:
    """A unit of the tree: code, name, kind, parent, and the county (area) it belongs to.

    `county_code` is None for units of the whole city (the city office, city departments,
    the city discipline commission). `legal_name` is the name the unit signs documents with
    (连云港市海州区新海街道办事处), `review_body` the body that hears an administrative review
    of its acts (行政复议机关) and `court` the court that hears a suit against them; each is
    empty when the directory does not say.
    """

    code: str
    name: str
    kind: UnitKind
    parent_code: str | None
    county_code: str | None
    legal_name: str = ""
    review_body: str = ""
    court: str = ""

    @property
    def signature(self) -> str:
        """The name documents are signed with: the legal name, else the name."""
        return self.legal_name or self.name

    @property
    def dispatches(self) -> bool:
        """Whether the unit is a tackling office that dispatches clues."""
        return self.kind in DISPATCHING_KINDS

    @property
    def handles(self) -> bool:
        """Whether clues can be dispatched to this unit as lead or assisting unit."""
        return self.kind in (UnitKind.TOWNSHIP, UnitKind.STREET, UnitKind.DEPARTMENT)

    @property
    def city_wide(self) -> bool:
        """Whether the unit belongs to the whole city rather than to one county."""
        return self.county_code is None

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
    post: Post = Post.HEAD
    """经办人 or 负责人; an account without a post acts as its unit's head."""


def city_office(units: UnitDirectory) -> UnitInfo | None:
    """The city tackling office (市攻坚办), the office above the counties."""
    return next((u for u in units.values() if u.kind is UnitKind.CITY_OFFICE), None)


def county_office(units: UnitDirectory, county_code: str) -> UnitInfo | None:
    """The tackling office of a county or functional zone (its code is the county's)."""
    unit = units.get(county_code)
    return unit if unit is not None and unit.dispatches and unit.code == unit.county_code else None
