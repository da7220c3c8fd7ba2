"""Notices on this device: taking a notice action in one transaction (history, view, outbox;
ISSUE takes its number from the device's block), and the reads the notice screens need."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from desktop.domain.deadlines import warning_bounds
from desktop.domain.messages import Message
from desktop.domain.notices import (
    CONTENT_KEYS,
    FOLLOWED_STATUSES,
    NoticeAction,
    NoticeContent,
    NoticeKind,
    NoticeOutcome,
    NoticeState,
    NoticeStatus,
    allowed_notice_actions,
    apply_notice_action,
    draft_content_from_clue,
    draftable_kinds,
    format_number,
    frozen_clause_ids,
    notice_prefix,
    notice_refusal,
)
from desktop.domain.timeutil import china_now, to_china
from desktop.domain.validators import parse_datetime
from desktop.store.clause_library import clause_library, clauses_by_id, remove_clause, save_clause
from desktop.store.clause_map import load_clause_map
from desktop.store.clue_detail import clue_id_by_code, load_clue_detail, report_findings
from desktop.store.clue_rows import (
    clue_state,
    find_clue_row,
    load_actor,
    load_calendar,
    load_directory,
    load_judging,
    load_rules,
)
from desktop.store.database import Store
from desktop.store.event_history import history_entries
from desktop.store.models import AssistingUnit, Clue, Notice, NoticeEvent
from desktop.store.notice_rows import NOTICES, state_of
from desktop.store.number_blocks import number_stock, take_number
from desktop.store.queues import Viewer
from desktop.store.record_kinds import save_local_action

__all__ = [
    "LocalNoticeAction",
    "NoticeHistoryEntry",
    "NoticeRow",
    "clause_library",
    "clue_category",
    "draft_content_for_clue",
    "draftable_kinds_for",
    "notice_actions_for",
    "list_notices",
    "load_notice",
    "notice_history",
    "notices_of_clue",
    "number_stock",
    "remove_clause",
    "save_clause",
    "take_notice_action",
]


@dataclass(frozen=True)
class LocalNoticeAction:
    """A notice action taken on this device and queued for the platform."""

    action_id: str
    notice_id: str
    clue_code: str
    outcome: NoticeOutcome

    @property
    def state(self) -> NoticeState:
        """The notice right after the action."""
        return self.outcome.state


def _notice_row(session: Session, notice_id: str) -> Notice | None:
    return session.scalars(select(Notice).where(Notice.notice_id == notice_id)).one_or_none()


def _queued(
    action: NoticeAction, payload: Mapping[str, Any], notice_id: str, moment: datetime
) -> dict[str, Any]:
    """The payload as queued: the notice's id, and the times a replay must see again."""
    queued = dict(payload)
    queued["notice_id"] = notice_id
    if action is NoticeAction.ISSUE and not queued.get("issued_at"):
        queued["issued_at"] = moment.isoformat()
    if action is NoticeAction.REINSPECT and not queued.get("inspected_at"):
        queued["inspected_at"] = moment.isoformat()
    return queued


def _normalized(action: NoticeAction, queued: dict[str, Any], outcome: NoticeOutcome) -> None:
    """DRAFT and EDIT queue the content as the rules normalized it (e.g. the credit code)."""
    if action not in (NoticeAction.DRAFT, NoticeAction.EDIT):
        return
    content = outcome.state.content.to_dict()
    keys = (
        CONTENT_KEYS if action is NoticeAction.DRAFT else [k for k in CONTENT_KEYS if k in queued]
    )
    for key in keys:
        queued[key] = content[key]
    queued["kind"] = outcome.state.kind.value


def take_notice_action(
    store: Store,
    username: str,
    device_id: str,
    action: NoticeAction,
    notice_id: str | None,
    clue_code: str,
    payload: Mapping[str, Any],
    *,
    now: datetime | None = None,
    action_id: str | None = None,
) -> LocalNoticeAction:
    """Take a notice action locally in one transaction: all of it is written, or none of it.

    DRAFT makes a new notice (`notice_id` None: a new UUID) with `kind` and the content keys
    of `payload`. ISSUE takes the next unused number of a block of the actor's unit for the
    year of `issued_at` (default now) and freezes the cited clauses' texts. Raises
    NoticeRefused or ValidationError (nothing written; ValidationError("number", …) when the
    device holds no unused number), LookupError for an unknown clue, notice or user.
    """
    moment = to_china(now) if now is not None else china_now()
    action_id = action_id or str(uuid.uuid4())
    with store.session() as session, session.begin():
        actor, units, rules, calendar = load_judging(session, username, device_id)
        clue_row = find_clue_row(session, clue_code)
        clue = clue_state(session, clue_row)
        row: Notice | None = None
        state: NoticeState | None = None
        if action is NoticeAction.DRAFT:
            notice_id = notice_id or str(payload.get("notice_id") or "") or str(uuid.uuid4())
        else:
            row = _notice_row(session, notice_id or "")
            if row is None or row.clue_id != clue_row.id:
                raise LookupError(
                    Message(
                        "本机没有线索 {code} 的通知书 {notice}", code=clue_code, notice=notice_id
                    )
                )
            state = state_of(row, clue_row.code)
        assert notice_id is not None
        queued = _queued(action, payload, notice_id, moment)
        number: tuple[int, int] | None = None
        if action is NoticeAction.ISSUE and state is not None:
            year = parse_datetime(str(queued["issued_at"]), "issued_at").year
            number = take_number(session, actor.unit.code, year)
            if number is not None:
                prefix = notice_prefix(state.kind, actor.unit, units)
                queued["number_year"], queued["number_seq"] = number
                queued["number"] = format_number(prefix, *number)
                wanted = frozen_clause_ids(state.content)
                cited = clauses_by_id(session, wanted)
                queued["clauses"] = [cited[c].to_dict() for c in wanted if c in cited]
        outcome = apply_notice_action(
            action, actor, state, queued, moment, calendar, rules, units, clue=clue, number=number
        )
        _normalized(action, queued, outcome)
        save_local_action(
            session,
            NOTICES,
            row,
            notice_id,
            clue_row,
            outcome,
            command_type=action.command_type,
            action_id=action_id,
            actor=actor,
            device_id=device_id,
            queued=queued,
            moment=moment,
        )
        return LocalNoticeAction(action_id, notice_id, clue_row.code, outcome)


# --------------------------------------------------------------------------- reads


def load_notice(store: Store, notice_id: str) -> NoticeState | None:
    """A notice as this device shows it (None if the store lacks it)."""
    with store.session() as session:
        found = session.execute(
            select(Notice, Clue.code)
            .join(Clue, Clue.id == Notice.clue_id)
            .where(Notice.notice_id == notice_id)
        ).one_or_none()
        return state_of(found[0], found[1]) if found is not None else None


def notices_of_clue(store: Store, clue_code: str) -> list[NoticeState]:
    """The notices of a clue, oldest first."""
    with store.session() as session:
        rows = session.execute(
            select(Notice, Clue.code)
            .join(Clue, Clue.id == Notice.clue_id)
            .where(Clue.code == clue_code)
            .order_by(Notice.created_at, Notice.notice_id)
        ).all()
        return [state_of(row, code) for row, code in rows]


@dataclass(frozen=True)
class NoticeRow:
    """One row of the notice list, plain data for any view."""

    notice_id: str
    clue_code: str
    kind: NoticeKind
    status: NoticeStatus
    unit_code: str
    party_name: str
    number: str | None
    issued_at: datetime | None
    served_at: datetime | None
    rectify_deadline: datetime | None
    warning_level: int
    pending: bool


def _scope(viewer: Viewer) -> ColumnElement[bool] | None:
    unit = viewer.unit
    if viewer.by_area:
        return None if unit.county_code is None else Clue.county_code == unit.county_code
    assisting = select(AssistingUnit.clue_id).where(AssistingUnit.unit_code == unit.code)
    return or_(Notice.unit_code == unit.code, Clue.lead_unit == unit.code, Clue.id.in_(assisting))


def list_notices(
    store: Store,
    viewer: Viewer,
    *,
    statuses: Collection[NoticeStatus] | None = None,
    clue_code: str | None = None,
    now: datetime | None = None,
) -> list[NoticeRow]:
    """The notices the viewer's unit follows, soonest rectification deadline first.

    An office sees its area's notices; a handling unit those it issued and those of the
    clues it leads or assists. `statuses` filters; the warning level is that of the
    rectification deadline at `now` (0 unless issued or served).
    """
    moment = to_china(now) if now is not None else china_now()
    with store.session() as session:
        rules = load_rules(session)
        bounds = warning_bounds(moment, load_calendar(session, rules), rules.warnings)
        statement = select(Notice, Clue.code).join(Clue, Clue.id == Notice.clue_id)
        scope = _scope(viewer)
        if scope is not None:
            statement = statement.where(scope)
        if statuses:
            statement = statement.where(Notice.status.in_(sorted(s.value for s in statuses)))
        if clue_code is not None:
            statement = statement.where(Clue.code == clue_code)
        statement = statement.order_by(
            Notice.rectify_deadline.is_(None),
            Notice.rectify_deadline,
            Notice.created_at,
            Notice.notice_id,
        )
        out = []
        for row, code in session.execute(statement):
            state = state_of(row, code)
            followed = state.status in FOLLOWED_STATUSES
            out.append(
                NoticeRow(
                    notice_id=state.notice_id,
                    clue_code=code,
                    kind=state.kind,
                    status=state.status,
                    unit_code=state.unit_code,
                    party_name=state.content.party_name,
                    number=state.number,
                    issued_at=state.issued_at,
                    served_at=state.served_at,
                    rectify_deadline=state.rectify_deadline,
                    warning_level=bounds.level(state.rectify_deadline) if followed else 0,
                    pending=row.pending,
                )
            )
        return out


@dataclass(frozen=True)
class NoticeHistoryEntry:
    """One entry of a notice's history."""

    action_id: str
    action: NoticeAction
    at: datetime
    username: str
    unit_code: str
    from_status: NoticeStatus | None
    to_status: NoticeStatus
    note: str
    details: Mapping[str, Any]
    pending: bool


def notice_history(store: Store, notice_id: str) -> list[NoticeHistoryEntry]:
    """A notice's history, oldest first (pending entries: this device's, not yet confirmed)."""
    with store.session() as session:
        rows = session.scalars(
            select(NoticeEvent)
            .where(NoticeEvent.notice_id == notice_id)
            .order_by(NoticeEvent.at, NoticeEvent.id)
        ).all()
        return history_entries(rows, NoticeHistoryEntry, NoticeAction, NoticeStatus)


def draft_content_for_clue(
    store: Store,
    clue_code: str,
    username: str,
    kind: NoticeKind = NoticeKind.RECTIFICATION,
    *,
    now: datetime | None = None,
) -> NoticeContent:
    """The content a new notice on a clue starts from, for `username`'s unit to edit: the
    findings of the clue's report as facts, the clauses of the edited clause map, the unit's
    directory entry as issuer and remedies.

    LookupError for an unknown clue or user.
    """
    clauses = clause_library(store)
    clause_map = load_clause_map(store)
    clue_id = clue_id_by_code(store, clue_code)
    detail = load_clue_detail(store, clue_id) if clue_id is not None else None
    with store.session() as session:
        actor = load_actor(session, username, "")
        row = find_clue_row(session, clue_code)
        return draft_content_from_clue(
            row,
            actor.unit,
            load_directory(session),
            kind,
            clauses,
            findings=report_findings(detail) if detail is not None else None,
            clause_map=clause_map,
            powers=load_rules(session).powers,
            today=to_china(now).date() if now is not None else None,
        )


def clue_category(store: Store, clue_code: str) -> str | None:
    """The pollution category of a clue (its value), or None for an unknown clue."""
    with store.session() as session:
        return session.scalar(select(Clue.category).where(Clue.code == clue_code))


def draftable_kinds_for(store: Store, username: str, clue_code: str) -> list[NoticeKind]:
    """The kinds of notice `username` may draft on the clue now (empty: none; LookupError
    for an unknown clue or user)."""
    with store.session() as session:
        actor = load_actor(session, username, "")
        clue = clue_state(session, find_clue_row(session, clue_code))
        rules = load_rules(session)
    if notice_refusal(NoticeAction.DRAFT, actor, None, clue, rules=rules) is not None:
        return []
    return draftable_kinds(actor, clue, rules)


def notice_actions_for(store: Store, username: str, notice_id: str) -> list[NoticeAction]:
    """The actions `username` may take on the notice now (the buttons to enable)."""
    with store.session() as session:
        found = session.execute(
            select(Notice, Clue)
            .join(Clue, Clue.id == Notice.clue_id)
            .where(Notice.notice_id == notice_id)
        ).one_or_none()
        if found is None:
            return []
        row, clue_row = found
        actor = load_actor(session, username, "")
        state = state_of(row, clue_row.code)
        return allowed_notice_actions(
            actor, state, clue_state(session, clue_row), load_rules(session)
        )
