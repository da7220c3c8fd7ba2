"""Between database rows and the shared domain: units, actors, rules, calendar, clue state."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, bindparam, select
from sqlalchemy.orm import Session

from cityplatform.models import AssistingUnit, CalendarYear, Clue, RuleSet, Unit, User
from desktop.domain.calendar import WorkCalendar, YearCalendar, default_calendar
from desktop.domain.clue import (
    STATE_FIELDS,
    ClueDraft,
    ClueState,
    draft_record,
    state_from_record,
    state_record,
)
from desktop.domain.codes import Post, Role, UnitKind
from desktop.domain.rules import Rules
from desktop.domain.units import Actor, UnitInfo

RULES_NAME = "rules"


def unit_info(row: Unit) -> UnitInfo:
    """The domain view of a unit row."""
    return UnitInfo(
        code=row.code,
        name=row.name,
        kind=UnitKind(row.kind),
        parent_code=row.parent_code,
        county_code=row.county_code,
        legal_name=row.legal_name or "",
        review_body=row.review_body or "",
        court=row.court or "",
    )


def load_directory(session: Session) -> dict[str, UnitInfo]:
    """Every unit by code (the rules' unit directory)."""
    return {row.code: unit_info(row) for row in session.scalars(select(Unit))}


def actor_of(user: User, unit: UnitInfo, device_id: str) -> Actor:
    """The user as the rules see them when acting."""
    return Actor(
        username=user.username,
        role=Role(user.role),
        unit=unit,
        display_name=user.display_name,
        device_id=device_id,
        post=Post(user.post),
    )


def load_rules(session: Session) -> Rules:
    """The rules stored in the database, or the defaults."""
    data = session.scalar(select(RuleSet.data).where(RuleSet.name == RULES_NAME))
    return Rules.from_dict(data) if data is not None else Rules()


def load_years(session: Session) -> list[YearCalendar]:
    """The calendar years published by the platform (imported), in year order."""
    rows = session.scalars(select(CalendarYear.data).order_by(CalendarYear.year))
    return [YearCalendar.from_dict(data) for data in rows]


@dataclass(frozen=True)
class RuleBook:
    """The rules and the work calendar the platform validates actions with."""

    version: int
    rules: Rules
    years: tuple[YearCalendar, ...]
    calendar: WorkCalendar


def load_rulebook(session: Session, version: int) -> RuleBook:
    """Rules from the database; the calendar is the default one with published years on top."""
    rules = load_rules(session)
    years = tuple(load_years(session))
    calendar = default_calendar(rules.office_hours)
    for year in years:
        calendar = calendar.with_year(year)
    return RuleBook(version, rules, years, calendar)


_ASSISTING = (
    select(AssistingUnit.unit_code)
    .where(AssistingUnit.clue_id == bindparam("clue_id"))
    .order_by(AssistingUnit.position, AssistingUnit.unit_code)
)


def assisting_codes(session: Session | Connection, clue_id: int) -> tuple[str, ...]:
    """The assisting units of a clue, in the dispatcher's order."""
    return tuple(session.scalars(_ASSISTING, {"clue_id": clue_id}))


def clue_state(row: Clue | Row[Any], assisting: Sequence[str]) -> ClueState:
    """The workflow state of a clue row."""
    return state_from_record(row, assisting)


STATE_COLUMNS = STATE_FIELDS


def state_values(state: ClueState) -> dict[str, Any]:
    """Column values of a clue row that hold its workflow state."""
    return state_record(state)


def state_json(state: ClueState) -> dict[str, Any]:
    """The workflow state as the protocol sends it (push results): ISO times, unit codes."""
    data: dict[str, Any] = {
        name: value.isoformat() if isinstance(value, datetime) else value
        for name, value in state_values(state).items()
    }
    data["assisting_units"] = list(state.assisting_units)
    return data


def draft_values(draft: ClueDraft) -> dict[str, Any]:
    """Column values of a clue row that hold its registered description."""
    return draft_record(draft)


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with the China offset, or None."""
    return moment.isoformat() if moment is not None else None
