"""Penalty cases on this device: filing a case and taking its steps in one transaction each
(history, view, outbox; 立案 and 决定 take their numbers from the device's blocks of the
"case" and "decision" series), and the reads the case screens need (list, detail, history,
who may do what, counts).

Every write raises CaseRefused or ValidationError from the rules (nothing written;
ValidationError("number", …) when the device holds no unused number of the series), or
LookupError for an unknown clue, case or user.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from desktop.domain.cases import (
    NUMBER_SERIES,
    RUNNING_STATUSES,
    CaseAction,
    CaseActionOutcome,
    CaseCounts,
    CaseState,
    CaseStatus,
    allowed_case_actions,
    apply_case_action,
    case_countdown,
    case_counts,
    case_prefix,
    decision_prefix,
    filing_refusal,
)
from desktop.domain.deadlines import Countdown, warning_bounds
from desktop.domain.messages import Message
from desktop.domain.notice_numbers import format_number
from desktop.domain.timeutil import china_now, to_china
from desktop.domain.units import UnitDirectory, UnitInfo
from desktop.domain.validators import ValidationError, parse_date
from desktop.store.case_rows import CASES, state_of
from desktop.store.clue_rows import (
    clue_state,
    find_clue_row,
    load_actor,
    load_calendar,
    load_judging,
    load_rules,
)
from desktop.store.database import Store
from desktop.store.event_history import history_entries
from desktop.store.models import AssistingUnit, Case, CaseEvent, Clue
from desktop.store.number_blocks import take_number
from desktop.store.queues import Viewer
from desktop.store.record_kinds import save_local_action

if TYPE_CHECKING:
    from desktop.domain.notice_content import NoticeState

__all__ = [
    "CaseDetail",
    "CaseHistoryEntry",
    "CaseRow",
    "LocalCaseAction",
    "act_on_case",
    "case_actions_for",
    "case_counts_in",
    "case_detail",
    "case_history",
    "case_laws_for",
    "case_list",
    "cases_of_clue",
    "file_case",
    "filing_refusal_for",
    "load_case",
]

_DATE_KEYS: Mapping[CaseAction, str] = {
    CaseAction.FILE: "filed_on",
    CaseAction.DECIDE: "decided_on",
}
"""The payload key whose year a numbered action's number belongs to."""


@dataclass(frozen=True)
class LocalCaseAction:
    """A case action taken on this device and queued for the platform."""

    action_id: str
    case_id: str
    clue_code: str
    outcome: CaseActionOutcome

    @property
    def state(self) -> CaseState:
        """The case right after the action."""
        return self.outcome.state


def _case_row(session: Session, case_id: str) -> tuple[Case, Clue]:
    found = session.execute(
        select(Case, Clue).join(Clue, Clue.id == Case.clue_id).where(Case.case_id == case_id)
    ).one_or_none()
    if found is None:
        raise LookupError(Message("本机没有案件 {case}", case=case_id))
    return found[0], found[1]


def _year(payload: Mapping[str, Any], key: str, moment: datetime) -> int:
    raw = payload.get(key)
    if isinstance(raw, str) and raw.strip():
        try:
            return parse_date(raw, key).year
        except ValidationError:
            pass  # the rules name the bad date
    return moment.year


def _take(
    session: Session,
    action: CaseAction,
    actor_unit: UnitInfo,
    units: UnitDirectory,
    queued: dict[str, Any],
    moment: datetime,
) -> tuple[int, int] | None:
    """Take the number a FILE or DECIDE needs from the device's block of its series."""
    series = NUMBER_SERIES.get(action)
    if series is None:
        return None
    year = _year(queued, _DATE_KEYS[action], moment)
    number = take_number(session, actor_unit.code, year, series)
    if number is not None:
        prefix = (case_prefix if action is CaseAction.FILE else decision_prefix)(actor_unit, units)
        queued["number_year"], queued["number_seq"] = number
        queued["number"] = format_number(prefix, *number)
    return number


def _take_case_action(
    store: Store,
    username: str,
    device_id: str,
    action: CaseAction,
    case_id: str | None,
    clue_code: str | None,
    payload: Mapping[str, Any],
    now: datetime | None,
    action_id: str | None,
) -> LocalCaseAction:
    moment = to_china(now) if now is not None else china_now()
    action_id = action_id or str(uuid.uuid4())
    with store.session() as session, session.begin():
        actor, units, rules, calendar = load_judging(session, username, device_id)
        row: Case | None = None
        state: CaseState | None = None
        if action is CaseAction.FILE:
            assert clue_code is not None
            clue_row = find_clue_row(session, clue_code)
            case_id = case_id or str(payload.get("case_id") or "") or str(uuid.uuid4())
        else:
            row, clue_row = _case_row(session, case_id or "")
            state = state_of(row, clue_row.code)
        assert case_id is not None
        clue = clue_state(session, clue_row)
        notices = _clue_notices(session, clue_row.id, clue_row.code)
        queued = {**payload, "case_id": case_id}
        number = _take(session, action, actor.unit, units, queued, moment)
        outcome = apply_case_action(
            action,
            actor,
            state,
            queued,
            moment,
            calendar,
            rules,
            units,
            clue=clue,
            notices=notices,
            number=number,
        )
        save_local_action(
            session,
            CASES,
            row,
            case_id,
            clue_row,
            outcome,
            command_type=action.command_type,
            action_id=action_id,
            actor=actor,
            device_id=device_id,
            queued=queued,
            moment=moment,
        )
        return LocalCaseAction(action_id, case_id, clue_row.code, outcome)


def file_case(
    store: Store,
    username: str,
    device_id: str,
    clue_code: str,
    payload: Mapping[str, Any],
    *,
    now: datetime | None = None,
    action_id: str | None = None,
) -> LocalCaseAction:
    """File (立案) a penalty case on a clue, offline: all of it is written, or none of it.

    `payload` holds the keys of `desktop.domain.cases` for file (cause, law, party, officers,
    filed_on, notice_ids; case_id optional: a new UUID). The 立案号 is the next unused number
    of the device's "case" block for the unit and the year of `filed_on`.
    """
    return _take_case_action(
        store, username, device_id, CaseAction.FILE, None, clue_code, payload, now, action_id
    )


def act_on_case(
    store: Store,
    username: str,
    device_id: str,
    action: CaseAction,
    case_id: str,
    payload: Mapping[str, Any],
    *,
    now: datetime | None = None,
    action_id: str | None = None,
) -> LocalCaseAction:
    """Take a step of an existing case (any action but FILE) offline, in one transaction.

    DECIDE takes the decision's number from the device's "decision" block for the unit and
    the year of `decided_on`.
    """
    if action is CaseAction.FILE:
        raise ValueError("立案请用 file_case")
    return _take_case_action(
        store, username, device_id, action, case_id, None, payload, now, action_id
    )


# --------------------------------------------------------------------------- reads


def load_case(store: Store, case_id: str) -> CaseState | None:
    """A case as this device shows it (None if the store lacks it)."""
    with store.session() as session:
        try:
            row, clue = _case_row(session, case_id)
        except LookupError:
            return None
        return state_of(row, clue.code)


def cases_of_clue(store: Store, clue_code: str) -> list[CaseState]:
    """The penalty cases of a clue, oldest first."""
    with store.session() as session:
        rows = session.execute(
            select(Case, Clue.code)
            .join(Clue, Clue.id == Case.clue_id)
            .where(Clue.code == clue_code)
            .order_by(Case.created_at, Case.case_id)
        ).all()
        return [state_of(row, code) for row, code in rows]


@dataclass(frozen=True)
class CaseRow:
    """One row of the case list, plain data for any view.

    `countdown` and `warning_level` are those of the decision deadline at the list's `now`
    (None and 0 once decided or closed).
    """

    case_id: str
    clue_code: str
    status: CaseStatus
    number: str
    decision_number: str
    party_name: str
    cause: str
    unit_code: str
    filed_on: date
    deadline: datetime
    decided_on: date | None
    closed_on: date | None
    warning_level: int
    countdown: Countdown | None
    pending: bool


def _scope(viewer: Viewer) -> ColumnElement[bool] | None:
    unit = viewer.unit
    if viewer.by_area:
        return None if unit.county_code is None else Clue.county_code == unit.county_code
    assisting = select(AssistingUnit.clue_id).where(AssistingUnit.unit_code == unit.code)
    return or_(Case.unit_code == unit.code, Clue.lead_unit == unit.code, Clue.id.in_(assisting))


def _matches(state: CaseState, code: str, text: str) -> bool:
    haystack = (
        state.number,
        state.decision.number if state.decision is not None else "",
        state.party.name,
        state.cause,
        code,
    )
    return any(text in item for item in haystack)


def case_list(
    store: Store,
    viewer: Viewer,
    *,
    statuses: Collection[CaseStatus] | None = None,
    unit_codes: Collection[str] | None = None,
    warning_levels: Collection[int] | None = None,
    filed_from: date | None = None,
    filed_to: date | None = None,
    text: str = "",
    clue_code: str | None = None,
    now: datetime | None = None,
) -> list[CaseRow]:
    """The cases the viewer's unit follows, soonest decision deadline first (decided and
    closed cases after the running ones, newest first).

    An office sees its area's cases; a handling unit those it filed and those of the clues it
    leads or assists. Filters: `statuses`, filing `unit_codes`, `warning_levels` (0–3),
    the filing period `filed_from`..`filed_to` (both included), `text` (in the 立案号, the
    decision's number, the party, the cause or the clue's code) and one clue.
    """
    moment = to_china(now) if now is not None else china_now()
    wanted = text.strip()
    with store.session() as session:
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
        bounds = warning_bounds(moment, calendar, rules.warnings)
        statement = select(Case, Clue.code).join(Clue, Clue.id == Case.clue_id)
        scope = _scope(viewer)
        if scope is not None:
            statement = statement.where(scope)
        if statuses:
            statement = statement.where(Case.status.in_(sorted(s.value for s in statuses)))
        if unit_codes:
            statement = statement.where(Case.unit_code.in_(sorted(unit_codes)))
        if filed_from is not None:
            statement = statement.where(Case.filed_on >= filed_from)
        if filed_to is not None:
            statement = statement.where(Case.filed_on <= filed_to)
        if clue_code is not None:
            statement = statement.where(Clue.code == clue_code)
        statement = statement.order_by(Case.deadline, Case.created_at, Case.case_id)
        running: list[CaseRow] = []
        done: list[CaseRow] = []
        for row, code in session.execute(statement):
            state = state_of(row, code)
            if wanted and not _matches(state, code, wanted):
                continue
            follows = state.status in RUNNING_STATUSES
            level = bounds.level(state.deadline) if follows else 0
            if warning_levels is not None and level not in warning_levels:
                continue
            item = CaseRow(
                case_id=state.case_id,
                clue_code=code,
                status=state.status,
                number=state.number,
                decision_number=state.decision.number if state.decision is not None else "",
                party_name=state.party.name,
                cause=state.cause,
                unit_code=state.unit_code,
                filed_on=state.filed_on,
                deadline=state.deadline,
                decided_on=state.decided_on,
                closed_on=state.closed_on,
                warning_level=level,
                countdown=case_countdown(state, moment, calendar),
                pending=row.pending,
            )
            (running if follows else done).append(item)
        done.sort(key=lambda r: (r.filed_on, r.number), reverse=True)
        return running + done


@dataclass(frozen=True)
class CaseHistoryEntry:
    """One entry of a case's history."""

    action_id: str
    action: CaseAction
    at: datetime
    username: str
    unit_code: str
    from_status: CaseStatus | None
    to_status: CaseStatus
    note: str
    details: Mapping[str, Any]
    pending: bool


def _history(session: Session, case_id: str) -> list[CaseHistoryEntry]:
    rows = session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.at, CaseEvent.id)
    ).all()
    return history_entries(rows, CaseHistoryEntry, CaseAction, CaseStatus)


def case_history(store: Store, case_id: str) -> list[CaseHistoryEntry]:
    """A case's history, oldest first (pending entries: this device's, not yet confirmed)."""
    with store.session() as session:
        return _history(session, case_id)


@dataclass(frozen=True)
class CaseDetail:
    """Everything the case screen shows: the state, its clue, the deadline's countdown and
    warning, the history, and whether this device holds unconfirmed actions."""

    state: CaseState
    clue_code: str
    countdown: Countdown | None
    warning_level: int
    history: list[CaseHistoryEntry]
    pending: bool


def case_detail(store: Store, case_id: str, *, now: datetime | None = None) -> CaseDetail | None:
    """The case with its history and deadline at `now` (None if the store lacks it)."""
    moment = to_china(now) if now is not None else china_now()
    with store.session() as session:
        try:
            row, clue = _case_row(session, case_id)
        except LookupError:
            return None
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
        state = state_of(row, clue.code)
        follows = state.status in RUNNING_STATUSES
        bounds = warning_bounds(moment, calendar, rules.warnings)
        return CaseDetail(
            state=state,
            clue_code=clue.code,
            countdown=case_countdown(state, moment, calendar),
            warning_level=bounds.level(state.deadline) if follows else 0,
            history=_history(session, case_id),
            pending=row.pending,
        )


def case_actions_for(store: Store, username: str, case_id: str) -> list[CaseAction]:
    """The actions `username` may take on the case now (the buttons to enable)."""
    with store.session() as session:
        try:
            row, clue_row = _case_row(session, case_id)
        except LookupError:
            return []
        actor = load_actor(session, username, "")
        state = state_of(row, clue_row.code)
        return allowed_case_actions(
            actor, state, clue_state(session, clue_row), load_rules(session)
        )


def filing_refusal_for(
    store: Store, username: str, clue_code: str, law: str | None = None
) -> str | None:
    """Why `username` may not file a case on the clue now (None: the 立案 button is enabled).

    With `law`, also whether the unit holds the power under that law. LookupError for an
    unknown clue or user.
    """
    with store.session() as session:
        actor = load_actor(session, username, "")
        row = find_clue_row(session, clue_code)
        notices = _clue_notices(session, row.id, row.code)
        return filing_refusal(
            actor, clue_state(session, row), load_rules(session), law=law, linked=notices
        )


def case_laws_for(store: Store, username: str) -> tuple[str, ...]:
    """The short names of the laws under which `username`'s unit files cases (the choices of
    the 立案 form's law; empty for a unit without the power)."""
    with store.session() as session:
        actor = load_actor(session, username, "")
        powers = load_rules(session).powers
        return powers.laws_of(actor.unit) if powers.may_file_case(actor.unit) else ()


def case_counts_in(
    store: Store, start: date, end: date, unit_codes: Collection[str] | None = None
) -> CaseCounts:
    """Filed and concluded cases of the period held by this store (see
    `desktop.domain.cases.case_counts` for the definitions)."""
    with store.session() as session:
        statement = select(Case, Clue.code).join(Clue, Clue.id == Case.clue_id)
        statement = statement.where(Case.filed_on <= end)
        if unit_codes is not None:
            statement = statement.where(Case.unit_code.in_(sorted(unit_codes)))
        states = [state_of(row, code) for row, code in session.execute(statement)]
    return case_counts(states, start, end, unit_codes)


def _clue_notices(session: Session, clue_id: int, clue_code: str) -> list[NoticeState]:
    """The clue's notices as the store shows them (from the sync's record kinds, loaded on
    first use: the window's first screen does without the sync's parsers)."""
    from desktop.store.sync_apply.kinds import clue_notices

    return clue_notices(session, clue_id, clue_code)
