"""Translating between store rows and the domain's view of clues, units, users and rules."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from desktop.domain.messages import Message
from desktop.domain.rules import Rules
from desktop.domain.units import Actor, UnitInfo
from desktop.store.models import AssistingUnit, CalendarYear, Clue, RuleSet, Unit, User

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
    """Every unit the store knows, by code."""
    return {row.code: unit_info(row) for row in session.scalars(select(Unit))}


def load_actor(session: Session, username: str, device_id: str) -> Actor:
    """The actor for a cached user; LookupError when the store does not know them."""
    user = session.get(User, username)
    if user is None:
        raise LookupError(f"本机没有用户 {username} 的资料，请先同步")
    unit = session.get(Unit, user.unit_code)
    assert unit is not None  # foreign key
    return Actor(
        username=user.username,
        role=Role(user.role),
        unit=unit_info(unit),
        display_name=user.display_name,
        device_id=device_id,
        post=Post(user.post),
    )


def load_rules(session: Session) -> Rules:
    """The rules published by the platform, or the defaults."""
    row = session.get(RuleSet, RULES_NAME)
    return Rules.from_dict(row.data) if row is not None else Rules()


def find_clue_row(session: Session, clue_code: str | None) -> Clue:
    """The row of a clue by code; LookupError when the store does not have it."""
    row = session.scalars(select(Clue).where(Clue.code == clue_code)).one_or_none()
    if row is None:
        raise LookupError(Message("本机没有编号为 {code} 的线索", code=clue_code))
    return row


def load_judging(
    session: Session, username: str, device_id: str
) -> tuple[Actor, dict[str, UnitInfo], Rules, WorkCalendar]:
    """What an action on this device is judged by: the actor (LookupError when the store does
    not know them), the unit directory, the rules and the calendar."""
    actor = load_actor(session, username, device_id)
    rules = load_rules(session)
    return actor, load_directory(session), rules, load_calendar(session, rules)


def load_calendar(session: Session, rules: Rules | None = None) -> WorkCalendar:
    """The offline default calendar with the platform's published years on top."""
    rules = rules or load_rules(session)
    calendar = default_calendar(rules.office_hours)
    for row in session.scalars(select(CalendarYear)):
        calendar = calendar.with_year(YearCalendar.from_dict(row.data))
    return calendar


def assisting_codes(session: Session, clue_id: int) -> tuple[str, ...]:
    """The assisting units of a clue, in the dispatcher's order."""
    rows = session.scalars(
        select(AssistingUnit.unit_code)
        .where(AssistingUnit.clue_id == clue_id)
        .order_by(AssistingUnit.position, AssistingUnit.unit_code)
    )
    return tuple(rows)


def clue_state(session: Session, row: Clue) -> ClueState:
    """The workflow state of a clue row."""
    return state_from_record(row, assisting_codes(session, row.id))


STATE_COLUMNS = STATE_FIELDS


def state_values(state: ClueState) -> dict[str, object]:
    """Column values of a clue row that hold its workflow state."""
    return state_record(state)


def draft_values(draft: ClueDraft) -> dict[str, object]:
    """Column values of a clue row that hold its registered description."""
    return draft_record(draft)


def save_rules(session: Session, rules: Rules) -> None:
    """Keep the rules published by the platform (replacing the previous ones)."""
    session.merge(RuleSet(name=RULES_NAME, data=rules.to_dict()))


def save_calendar_year(session: Session, year: YearCalendar) -> None:
    """Keep a year of the work calendar published by the platform (replacing the default)."""
    session.merge(CalendarYear(year=year.year, data=year.to_dict()))
