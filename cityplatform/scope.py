"""Which clues a user sees and may act on, computed for every read and write."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, exists, or_, select, true

from cityplatform.models import AssistingUnit, Clue
from desktop.domain.codes import Role, UnitKind
from desktop.domain.reporter_privacy import commission_user, may_see_reporter, sees_reveals
from desktop.domain.units import UnitInfo


class Reach(StrEnum):
    """How far a unit sees."""

    ALL = "all"
    AREA = "area"
    RELATION = "relation"


@dataclass(frozen=True)
class Viewer:
    """A user as scope sees them: unit, role, and what follows from them."""

    username: str
    role: Role
    unit: UnitInfo

    @property
    def reach(self) -> Reach:
        """The city office sees all; county offices and commissions their area; others
        the clues they lead, assist or registered."""
        kind = self.unit.kind
        if kind is UnitKind.CITY_OFFICE:
            return Reach.ALL
        if kind in (UnitKind.COUNTY_OFFICE, UnitKind.ZONE_OFFICE, UnitKind.DISCIPLINE):
            return Reach.ALL if self.unit.county_code is None else Reach.AREA
        return Reach.RELATION

    @property
    def supervisor(self) -> bool:
        """A discipline commission's user: read-only but for urging, reporters masked."""
        return commission_user(self.role, self.unit)

    def may_see_reporter(self, clue: Any) -> bool:
        """Whether this viewer gets the reporter of `clue` (a clue row, or a row of its
        columns) unmasked: the one decision every clue document follows."""
        return may_see_reporter(
            self.role,
            self.unit,
            lead_unit=clue.lead_unit,
            owner_unit=clue.owner_unit,
            county_code=clue.county_code,
        )

    def sees_reveals(self, clue: Any) -> bool:
        """Whether the reveal entries of `clue`'s history are shown to this viewer."""
        return sees_reveals(
            self.role, self.unit, owner_unit=clue.owner_unit, county_code=clue.county_code
        )

    def clue_filter(self) -> ColumnElement[bool]:
        """A WHERE clause over `clues` selecting the clues in scope."""
        reach = self.reach
        if reach is Reach.ALL:
            return true()
        if reach is Reach.AREA:
            return Clue.county_code == self.unit.county_code
        code = self.unit.code
        assisting = exists(
            select(AssistingUnit.clue_id).where(
                AssistingUnit.clue_id == Clue.id, AssistingUnit.unit_code == code
            )
        )
        return or_(Clue.lead_unit == code, Clue.registered_by_unit == code, assisting)

    def sees(
        self,
        county_code: str,
        lead_unit: str | None,
        registered_by_unit: str,
        assisting: Collection[str],
    ) -> bool:
        """Whether a clue with these fields is in scope."""
        reach = self.reach
        if reach is Reach.ALL:
            return True
        if reach is Reach.AREA:
            return county_code == self.unit.county_code
        code = self.unit.code
        return lead_unit == code or registered_by_unit == code or code in assisting

    def sees_row(self, row: Clue, assisting: Collection[str]) -> bool:
        """Whether a clue row is in scope."""
        return self.sees(row.county_code, row.lead_unit, row.registered_by_unit, assisting)

    def gets_tombstones(self) -> bool:
        """Relation-scoped units lose a clue when they stop working on it, area-scoped ones
        when it is transferred to another county; the whole city never loses one."""
        return self.reach is not Reach.ALL

    @property
    def exit_key(self) -> str:
        """What a scope exit names to reach this viewer: the county of an area-scoped unit,
        else the unit itself."""
        if self.reach is Reach.AREA:
            assert self.unit.county_code is not None  # area reach has a county
            return self.unit.county_code
        return self.unit.code


def exited_units(
    before: Collection[str], after: Collection[str], registered_by_unit: str
) -> list[str]:
    """Units that stopped being lead or assisting unit and no longer see the clue."""
    return sorted(set(before) - set(after) - {registered_by_unit})
