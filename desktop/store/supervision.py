"""The commissions' own records on this device, for the commission's and the units' windows:
taking an action (each in one transaction: the view, a pending history entry, the outbox
command) and the reads — lists with filters, a detail with its history and countdown.

Actions: `issue_suggestion`, `reply_to_suggestion`, `accept_reply`, `send_back`,
`reset_reply_deadline`, `record_accountability`, `amend_accountability`. Each raises the
rules' refusal (`SuggestionRefused`, `AccountabilityRefused`) or `ValidationError` naming the
payload key, and writes nothing then; LookupError for a record or user the store lacks.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.accountability import (
    AccountabilityAction,
    AccountabilityState,
    Measure,
)
from desktop.domain.codes import Category
from desktop.domain.deadlines import Countdown
from desktop.domain.messages import Message
from desktop.domain.suggestions import (
    AWAITING_REPLY,
    SuggestionAction,
    SuggestionState,
    SuggestionStatus,
    allowed_suggestion_actions,
    suggestion_countdown,
    suggestion_warning_level,
)
from desktop.domain.supervision_common import RecordOutcome
from desktop.domain.timeutil import china_now, to_china
from desktop.store.attachments import store_file
from desktop.store.clue_rows import load_actor, load_calendar, load_rules
from desktop.store.database import Store
from desktop.store.models import Attachment, Clue, SupervisionOutbox
from desktop.store.supervision_rows import (
    ACCOUNTABILITY,
    REJECTED,
    SUGGESTIONS,
    StoredKind,
    judge,
)

__all__ = [
    "AccountabilityRow",
    "ClueBrief",
    "HistoryEntry",
    "LocalRecordAction",
    "SuggestionDetail",
    "SuggestionRow",
    "accept_reply",
    "amend_accountability",
    "clue_briefs",
    "issue_suggestion",
    "list_accountability",
    "list_suggestions",
    "load_accountability",
    "load_suggestion",
    "record_accountability",
    "reply_to_suggestion",
    "reset_reply_deadline",
    "send_back",
    "suggestion_actions_for",
    "supervision_problems",
]


@dataclass(frozen=True)
class LocalRecordAction:
    """An action on a commission record taken on this device and queued for the platform."""

    action_id: str
    record_id: str
    outcome: RecordOutcome

    @property
    def state(self) -> Any:
        """The record right after the action."""
        return self.outcome.state


def _take(
    store: Store,
    kind: StoredKind,
    username: str,
    device_id: str,
    action: Any,
    record_id: str,
    payload: Mapping[str, Any],
    now: datetime | None,
    action_id: str | None,
    times: Sequence[str] = (),
) -> LocalRecordAction:
    moment = to_china(now) if now is not None else china_now()
    action_id = action_id or str(uuid.uuid4())
    queued = {**payload, kind.id_key: record_id}
    for key in times:  # a replay, and the platform, must see the moment it was taken
        if not queued.get(key):
            queued[key] = moment.isoformat()
    with store.session() as session, session.begin():
        actor = load_actor(session, username, device_id)
        row = kind.row(session, record_id)
        creating = action in (SuggestionAction.ISSUE, AccountabilityAction.RECORD)
        if row is None and not creating:
            raise LookupError(Message("本机没有记录 {record}", record=record_id))
        before = kind.from_dict(row.state) if row is not None else None
        outcome = judge(session, kind, actor, action, before, queued, moment)
        row = kind.show(session, row, record_id, outcome.state, moment)
        row.pending = True
        session.flush()
        session.add(
            kind.event_model(
                **{kind.id_key: record_id},
                action_id=action_id,
                action=outcome.action.value,
                username=actor.username,
                unit_code=actor.unit.code,
                device_id=device_id,
                at=moment,
                from_status=outcome.from_status.value if outcome.from_status else None,
                to_status=outcome.state.status.value,
                note=outcome.note,
                details=dict(outcome.details),
                pending=True,
            )
        )
        session.add(
            SupervisionOutbox(
                action_id=action_id,
                command_type=action.command_type,
                record_id=record_id,
                payload=queued,
                username=username,
                device_id=device_id,
                created_at=moment,
            )
        )
    return LocalRecordAction(action_id, record_id, outcome)


# --------------------------------------------------------------------------- suggestions


def issue_suggestion(
    store: Store,
    username: str,
    device_id: str,
    payload: Mapping[str, Any],
    *,
    now: datetime | None = None,
    action_id: str | None = None,
) -> LocalRecordAction:
    """Issue a suggestion (the commission): `payload` holds `kind`, `number`,
    `addressed_unit`, `clue_codes` (none: the unit's work as a whole), `title`, `text`,
    `basis`, `reply_days` and maybe `suggestion_id` (default: a new UUID)."""
    suggestion_id = str(payload.get("suggestion_id") or uuid.uuid4())
    return _take(
        store,
        SUGGESTIONS,
        username,
        device_id,
        SuggestionAction.ISSUE,
        suggestion_id,
        payload,
        now,
        action_id,
        ("issued_at",),
    )


def reply_to_suggestion(
    store: Store,
    username: str,
    device_id: str,
    suggestion_id: str,
    reply: str,
    files: Sequence[Path] = (),
    *,
    now: datetime | None = None,
    action_id: str | None = None,
) -> LocalRecordAction:
    """Reply (the addressed unit): what was done (整改落实情况) and the files proving it,
    copied into the store now and uploaded by the next sync."""
    moment = to_china(now) if now is not None else china_now()
    cited = []
    for path in files:
        stored = store_file(store, path)
        with store.session() as session, session.begin():
            if session.get(Attachment, stored.sha256) is None:
                session.add(
                    Attachment(
                        sha256=stored.sha256,
                        size=stored.size,
                        media_type=stored.media_type,
                        created_at=moment,
                    )
                )
        cited.append({"sha256": stored.sha256, "name": path.name})
    payload = {"reply": reply, "attachments": cited}
    return _take(
        store,
        SUGGESTIONS,
        username,
        device_id,
        SuggestionAction.REPLY,
        suggestion_id,
        payload,
        moment,
        action_id,
        ("replied_at",),
    )


def accept_reply(
    store: Store,
    username: str,
    device_id: str,
    suggestion_id: str,
    note: str = "",
    *,
    now: datetime | None = None,
    action_id: str | None = None,
) -> LocalRecordAction:
    """Accept the unit's reply (the issuing commission): the suggestion is 已采纳."""
    payload = {"note": note}
    return _take(
        store,
        SUGGESTIONS,
        username,
        device_id,
        SuggestionAction.ACCEPT,
        suggestion_id,
        payload,
        now,
        action_id,
    )


def send_back(
    store: Store,
    username: str,
    device_id: str,
    suggestion_id: str,
    note: str,
    reply_days: int | None = None,
    *,
    now: datetime | None = None,
    action_id: str | None = None,
) -> LocalRecordAction:
    """Send the reply back with a reason (the issuing commission); the unit replies again,
    by a new deadline of `reply_days` working days from now when given."""
    payload: dict[str, Any] = {"note": note}
    if reply_days is not None:
        payload["reply_days"] = reply_days
    return _take(
        store,
        SUGGESTIONS,
        username,
        device_id,
        SuggestionAction.SEND_BACK,
        suggestion_id,
        payload,
        now,
        action_id,
    )


def reset_reply_deadline(
    store: Store,
    username: str,
    device_id: str,
    suggestion_id: str,
    reply_days: int,
    note: str = "",
    *,
    now: datetime | None = None,
    action_id: str | None = None,
) -> LocalRecordAction:
    """Give the unit a new reply deadline, `reply_days` working days from now."""
    payload = {"reply_days": reply_days, "note": note}
    return _take(
        store,
        SUGGESTIONS,
        username,
        device_id,
        SuggestionAction.RESET_DEADLINE,
        suggestion_id,
        payload,
        now,
        action_id,
    )


# --------------------------------------------------------------------------- accountability


def record_accountability(
    store: Store,
    username: str,
    device_id: str,
    payload: Mapping[str, Any],
    *,
    now: datetime | None = None,
    action_id: str | None = None,
) -> LocalRecordAction:
    """Record an accountability decision (the commission): `payload` holds
    `unit_concerned`, `persons` [{name, post}], `measure`, `decided_on`, `document_number`,
    maybe `facts`, and `clue_codes` (that reached level 3) and/or an overdue `suggestion_id`."""
    record_id = str(payload.get("record_id") or uuid.uuid4())
    return _take(
        store,
        ACCOUNTABILITY,
        username,
        device_id,
        AccountabilityAction.RECORD,
        record_id,
        payload,
        now,
        action_id,
    )


def amend_accountability(
    store: Store,
    username: str,
    device_id: str,
    record_id: str,
    payload: Mapping[str, Any],
    *,
    now: datetime | None = None,
    action_id: str | None = None,
) -> LocalRecordAction:
    """Amend an accountability record (the commission that recorded it): the whole record
    again, as it should stand."""
    return _take(
        store,
        ACCOUNTABILITY,
        username,
        device_id,
        AccountabilityAction.AMEND,
        record_id,
        payload,
        now,
        action_id,
    )


# --------------------------------------------------------------------------- reads


@dataclass(frozen=True)
class HistoryEntry:
    """One step of a record's history: who did what, when (pending: not yet confirmed)."""

    action: str
    username: str
    unit_code: str
    at: datetime
    from_status: str | None
    to_status: str
    note: str
    details: Mapping[str, Any]
    pending: bool


@dataclass(frozen=True)
class SuggestionRow:
    """A suggestion as a list shows it, with its reply warning seen at `now`."""

    state: SuggestionState
    pending: bool
    warning_level: int
    overdue: bool


@dataclass(frozen=True)
class SuggestionDetail:
    """A suggestion with its history, its countdown and whether it waits for the platform."""

    state: SuggestionState
    history: tuple[HistoryEntry, ...]
    pending: bool
    warning_level: int
    countdown: Countdown | None


@dataclass(frozen=True)
class AccountabilityRow:
    """An accountability record with its history."""

    state: AccountabilityState
    history: tuple[HistoryEntry, ...]
    pending: bool


def _history(session: Session, kind: StoredKind, record_id: str) -> tuple[HistoryEntry, ...]:
    events = session.scalars(
        select(kind.event_model)
        .where(getattr(kind.event_model, kind.id_key) == record_id)
        .order_by(kind.event_model.at, kind.event_model.id)
    )
    return tuple(
        HistoryEntry(
            e.action,
            e.username,
            e.unit_code,
            e.at,
            e.from_status,
            e.to_status,
            e.note,
            dict(e.details or {}),
            e.pending,
        )
        for e in events
    )


def list_suggestions(
    store: Store,
    *,
    status: SuggestionStatus | Sequence[SuggestionStatus] | None = None,
    addressed_unit: str | None = None,
    issuing_unit: str | None = None,
    overdue: bool | None = None,
    now: datetime | None = None,
) -> list[SuggestionRow]:
    """The suggestions on this device, newest first, filtered by status, addressed or
    issuing unit, and (when `overdue` is given) whether a reply is owed past its deadline."""
    moment = to_china(now) if now is not None else china_now()
    model = SUGGESTIONS.model
    statement = select(model).order_by(model.issued_at.desc(), model.suggestion_id)
    if status is not None:
        wanted = [status] if isinstance(status, SuggestionStatus) else list(status)
        statement = statement.where(model.status.in_([s.value for s in wanted]))
    if addressed_unit is not None:
        statement = statement.where(model.addressed_unit == addressed_unit)
    if issuing_unit is not None:
        statement = statement.where(model.issuing_unit == issuing_unit)
    if overdue is not None:
        late = model.status.in_([s.value for s in AWAITING_REPLY]) & (model.reply_deadline < moment)
        statement = statement.where(late if overdue else ~late)
    with store.session() as session:
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
        rows = []
        for row in session.scalars(statement):
            state = SuggestionState.from_dict(row.state)
            level = suggestion_warning_level(state, moment, calendar, rules)
            late_now = state.awaiting_reply and moment > state.reply_deadline
            rows.append(SuggestionRow(state, row.pending, level, late_now))
        return rows


def load_suggestion(
    store: Store, suggestion_id: str, *, now: datetime | None = None
) -> SuggestionDetail | None:
    """A suggestion with its history and countdown (None when the store lacks it)."""
    moment = to_china(now) if now is not None else china_now()
    with store.session() as session:
        row = SUGGESTIONS.row(session, suggestion_id)
        if row is None:
            return None
        state = SuggestionState.from_dict(row.state)
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
        return SuggestionDetail(
            state,
            _history(session, SUGGESTIONS, suggestion_id),
            row.pending,
            suggestion_warning_level(state, moment, calendar, rules),
            suggestion_countdown(state, moment, calendar),
        )


def suggestion_actions_for(
    store: Store, username: str, suggestion_id: str
) -> list[SuggestionAction]:
    """The actions `username` may take on the suggestion now (the buttons to show)."""
    with store.session() as session:
        row = SUGGESTIONS.row(session, suggestion_id)
        if row is None:
            return []
        actor = load_actor(session, username, "")
        return allowed_suggestion_actions(actor, SuggestionState.from_dict(row.state))


def list_accountability(
    store: Store, *, unit_concerned: str | None = None, measure: Measure | None = None
) -> list[AccountabilityRow]:
    """The accountability records on this device, newest decision first."""
    model = ACCOUNTABILITY.model
    statement = select(model).order_by(model.decided_on.desc(), model.record_id)
    if unit_concerned is not None:
        statement = statement.where(model.unit_concerned == unit_concerned)
    if measure is not None:
        statement = statement.where(model.measure == measure.value)
    with store.session() as session:
        return [
            AccountabilityRow(
                AccountabilityState.from_dict(row.state),
                _history(session, ACCOUNTABILITY, row.record_id),
                row.pending,
            )
            for row in session.scalars(statement)
        ]


def load_accountability(store: Store, record_id: str) -> AccountabilityRow | None:
    """One accountability record with its history (None when the store lacks it)."""
    with store.session() as session:
        row = ACCOUNTABILITY.row(session, record_id)
        if row is None:
            return None
        return AccountabilityRow(
            AccountabilityState.from_dict(row.state),
            _history(session, ACCOUNTABILITY, record_id),
            row.pending,
        )


def supervision_problems(store: Store) -> list[tuple[str, str, str]]:
    """The queued actions the platform rejected: (command type, record id, reason)."""
    with store.session() as session:
        return [
            (a.command_type, a.record_id, a.reject_reason)
            for a in session.scalars(
                select(SupervisionOutbox)
                .where(SupervisionOutbox.state == REJECTED)
                .order_by(SupervisionOutbox.seq)
            )
        ]


@dataclass(frozen=True)
class ClueBrief:
    """What a commission record's window shows of a clue it names: a title (category and
    address, nothing of the reporter), its lead unit and county."""

    code: str
    title: str
    lead_unit: str | None
    county_code: str


def clue_briefs(store: Store, codes: Sequence[str]) -> dict[str, ClueBrief]:
    """The clues of `codes` this device holds, by code (codes it lacks are left out)."""
    wanted = list(dict.fromkeys(codes))
    if not wanted:
        return {}
    columns = (Clue.code, Clue.category, Clue.address, Clue.lead_unit, Clue.county_code)
    with store.session() as session:
        rows = session.execute(select(*columns).where(Clue.code.in_(wanted))).all()
    found = {}
    for code, category, address, lead, county in rows:
        try:
            kind = Category(category).label
        except ValueError:
            kind = str(category)
        found[code] = ClueBrief(code, f"{kind}：{address}", lead, county)
    return found
