"""Typed SQLAlchemy 2 models of the offline clue store."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    func,
    literal_column,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.store.types import ChinaDateTime, JsonText
from desktop.wire.text import ACTION_ID_LENGTH

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
}

NO_DEADLINE = "9999-12-31"
"""Sorts after every real deadline: clues without one (closed) come last."""


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so migrations name constraints stably."""

    metadata = MetaData(naming_convention=NAMING)


class Unit(Base):
    """A unit of the tree: tackling offices, townships and streets, departments, commissions."""

    __tablename__ = "units"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("units.code"))
    county_code: Mapped[str | None] = mapped_column(String(20), index=True)
    legal_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    """The name the unit signs documents with (连云港市海州区新海街道办事处)."""
    review_body: Mapped[str] = mapped_column(String(100), default="", server_default="")
    """The body that hears an administrative review of the unit's acts (行政复议机关)."""
    court: Mapped[str] = mapped_column(String(100), default="", server_default="")
    """The court that hears a suit against the unit's acts (行政诉讼法院)."""


class User(Base):
    """A cached platform account, as far as the client needs to show and act for it."""

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    phone: Mapped[str] = mapped_column(String(20), default="")
    post: Mapped[str] = mapped_column(String(8), default="head", server_default="head")
    """经办人 (clerk) or 负责人 (head) within the unit."""


class Clue(Base):
    """The local view of a clue: server state with this device's pending actions applied."""

    __tablename__ = "clues"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    channel: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    reporter_name: Mapped[str] = mapped_column(String(50), default="")
    reporter_phone: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(String(200))
    county_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    township_code: Mapped[str | None] = mapped_column(ForeignKey("units.code"))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    subject_name: Mapped[str] = mapped_column(String(200), default="")
    subject_credit_code: Mapped[str] = mapped_column(String(18), default="")
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    lead_unit: Mapped[str | None] = mapped_column(ForeignKey("units.code"))
    registered_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    dispatched_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    signed_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    reported_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    deadline: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    handle_deadline: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    extension_requested_days: Mapped[int] = mapped_column(Integer, default=0)
    extended_days: Mapped[int] = mapped_column(Integer, default=0)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    server_state: Mapped[Any | None] = mapped_column(JsonText)
    """The workflow state the platform last sent (None: never on the platform), for replays."""
    registered_by_unit: Mapped[str | None] = mapped_column(String(20))
    """The unit that registered the clue, as the platform reports it."""
    channel_ref: Mapped[str] = mapped_column(String(100), default="", server_default="")
    owner_unit: Mapped[str | None] = mapped_column(String(20))
    due_by: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    finding: Mapped[str | None] = mapped_column(String(16))
    callback: Mapped[str | None] = mapped_column(String(16))
    duplicate_of: Mapped[str | None] = mapped_column(String(40))
    extension_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


DUE = func.coalesce(Clue.__table__.c.deadline, literal_column(f"'{NO_DEADLINE}'"))
"""The deadline sort key: real deadlines first, clues without one last (of the table's
column, not the ORM's attribute: usable in queries without ORM entities)."""

Index("ix_clues_due", DUE, Clue.id)
Index("ix_clues_status_due", Clue.status, DUE, Clue.id)
Index("ix_clues_lead_status_due", Clue.lead_unit, Clue.status, DUE, Clue.id)
Index("ix_clues_county_status_due", Clue.county_code, Clue.status, DUE, Clue.id)
Index("ix_clues_county_due", Clue.county_code, DUE, Clue.id)
Index("ix_clues_received", Clue.received_at, Clue.id)
Index("ix_clues_status_received", Clue.status, Clue.received_at, Clue.id)
Index("ix_clues_lead_status_received", Clue.lead_unit, Clue.status, Clue.received_at, Clue.id)
Index("ix_clues_county_status_received", Clue.county_code, Clue.status, Clue.received_at, Clue.id)
Index("ix_clues_township", Clue.township_code)
Index("ix_clues_channel_ref", Clue.channel_ref)
Index("ix_clues_owner_status_due", Clue.owner_unit, Clue.status, DUE, Clue.id)
Index("ix_clues_duplicate_of", Clue.duplicate_of)
Index("ix_clues_channel_due", Clue.channel, DUE, Clue.id)
Index("ix_clues_category_due", Clue.category, DUE, Clue.id)
Index("ix_clues_priority_due", Clue.priority, DUE, Clue.id)
Index("ix_clues_township_due", Clue.township_code, Clue.county_code, DUE, Clue.id)
Index("ix_clues_county_received", Clue.county_code, Clue.received_at, Clue.id)


class AssistingUnit(Base):
    """An assisting unit (协办) of a clue."""

    __tablename__ = "clue_assisting_units"

    clue_id: Mapped[int] = mapped_column(
        ForeignKey("clues.id", ondelete="CASCADE"), primary_key=True
    )
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """The dispatcher's order (the platform's order: the wire sends the units in it)."""


Index("ix_clue_assisting_units_unit", AssistingUnit.unit_code, AssistingUnit.clue_id)


class ClueEvent(Base):
    """One entry of a clue's append-only history: who did what, when, on which device."""

    __tablename__ = "clue_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id", ondelete="CASCADE"), index=True)
    action_id: Mapped[str] = mapped_column(String(ACTION_ID_LENGTH), unique=True)
    action: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(ChinaDateTime)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[Any] = mapped_column(JsonText, default=dict)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)


Index(
    "ix_clue_events_action_at",
    ClueEvent.action,
    ClueEvent.at,
    ClueEvent.clue_id,
    ClueEvent.unit_code,
    ClueEvent.from_status,
    ClueEvent.to_status,
)
"""The statistics find a period's actions of some kinds here, reading no event row."""
Index(
    "ix_clue_events_clue_at",
    ClueEvent.clue_id,
    ClueEvent.at,
    ClueEvent.action,
    ClueEvent.from_status,
    ClueEvent.to_status,
    ClueEvent.unit_code,
)
"""The statistics walk one clue's actions in time order here (who handed over last)."""


class Attachment(Base):
    """A file stored once by its SHA-256, beside the database."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)


class ClueAttachment(Base):
    """An attachment of a clue, under the name it was added with."""

    __tablename__ = "clue_attachments"

    clue_id: Mapped[int] = mapped_column(
        ForeignKey("clues.id", ondelete="CASCADE"), primary_key=True
    )
    sha256: Mapped[str] = mapped_column(ForeignKey("attachments.sha256"), primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    added_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    added_by: Mapped[str] = mapped_column(String(64))


class OutboxAction(Base):
    """A pending action waiting to be pushed to the platform, in device order."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action_id: Mapped[str] = mapped_column(String(ACTION_ID_LENGTH), unique=True)
    command_type: Mapped[str] = mapped_column(String(64))
    clue_code: Mapped[str] = mapped_column(String(40), index=True)
    payload: Mapped[Any] = mapped_column(JsonText)
    username: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    reject_code: Mapped[str] = mapped_column(String(64), default="")
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    device_seq: Mapped[int | None] = mapped_column(Integer)
    """The per-device sequence number, given when the action is first pushed."""


class SyncState(Base):
    """Small named values of the sync engine and the device (cursor, device id, user)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JsonText)


class CalendarYear(Base):
    """A year of the work calendar as published by the platform (replaces the default)."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[Any] = mapped_column(JsonText)


class RuleSet(Base):
    """Rules data by name (time limits, warning thresholds, office hours)."""

    __tablename__ = "rules"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[Any] = mapped_column(JsonText)


class Notice(Base):
    """The local view of a notice: its platform snapshot with this device's pending notice
    actions replayed (the whole state as JSON, the columns queries need beside it)."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[str] = mapped_column(String(36), unique=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16))
    unit_code: Mapped[str] = mapped_column(String(20), index=True)
    number: Mapped[str | None] = mapped_column(String(60))
    number_year: Mapped[int | None] = mapped_column(Integer)
    number_seq: Mapped[int | None] = mapped_column(Integer)
    issued_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    rectify_deadline: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    updated_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    state: Mapped[Any] = mapped_column(JsonText)
    """The notice's state (`NoticeState.to_dict()`): what `load_notice` reads."""
    server_state: Mapped[Any | None] = mapped_column(JsonText)
    """The state the platform last sent (None: only on this device so far), for replays."""
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    """Whether the view holds actions of this device the platform has not confirmed."""


Index("ix_notices_status_deadline", Notice.status, Notice.rectify_deadline)


class NoticeEvent(Base):
    """One entry of a notice's append-only history."""

    __tablename__ = "notice_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[str] = mapped_column(
        ForeignKey("notices.notice_id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[str] = mapped_column(String(ACTION_ID_LENGTH), unique=True)
    action: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(ChinaDateTime)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[Any] = mapped_column(JsonText, default=dict)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)


class Case(Base):
    """The local view of a penalty case: its platform snapshot with this device's pending case
    actions replayed (the whole state as JSON, the columns lists and counts query beside it)."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), unique=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    unit_code: Mapped[str] = mapped_column(String(20), index=True)
    number: Mapped[str] = mapped_column(String(60), default="")
    number_year: Mapped[int | None] = mapped_column(Integer)
    number_seq: Mapped[int | None] = mapped_column(Integer)
    decision_number: Mapped[str] = mapped_column(String(60), default="")
    party_name: Mapped[str] = mapped_column(String(200), default="")
    filed_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[datetime] = mapped_column(ChinaDateTime)
    decided_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    updated_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    state: Mapped[Any] = mapped_column(JsonText)
    """The case's state (`CaseState.to_dict()`): what `case_detail` reads."""
    server_state: Mapped[Any | None] = mapped_column(JsonText)
    """The state the platform last sent (None: only on this device so far), for replays."""
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    """Whether the view holds actions of this device the platform has not confirmed."""


Index("ix_cases_status_deadline", Case.status, Case.deadline)
Index("ix_cases_filed_on", Case.filed_on)


class CaseEvent(Base):
    """One entry of a penalty case's append-only history."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.case_id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[str] = mapped_column(String(ACTION_ID_LENGTH), unique=True)
    action: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(ChinaDateTime)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[Any] = mapped_column(JsonText, default=dict)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)


class NumberBlock(Base):
    """Document numbers first..last the platform reserved for this device, its unit and year;
    `next_seq` is the next one not used yet (next_seq > last: the block is used up)."""

    __tablename__ = "number_blocks"

    block_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    unit_code: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)
    next_seq: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    series: Mapped[str] = mapped_column(String(16), server_default="notice", default="notice")
    """notice (notices' numbers), case (立案号) or decision (行政处罚决定书)."""


Index("ix_number_blocks_unit_year", NumberBlock.unit_code, NumberBlock.year, NumberBlock.first)


class LibraryProblemKind(Base):
    """A row of the editable clause map: a kind of problem and the clauses it brings."""

    __tablename__ = "clause_map"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    category: Mapped[str] = mapped_column(String(30), default="")
    name: Mapped[str] = mapped_column(String(100))
    data: Mapped[Any] = mapped_column(JsonText)
    """The clause ids (violated, penalty, basis) and keywords of the row."""
    position: Mapped[int] = mapped_column(Integer, default=0)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    """Removed by the user (kept so that a newer seed file does not bring it back)."""
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    """Changed by the user (a newer seed file does not overwrite it)."""
    updated_at: Mapped[datetime] = mapped_column(ChinaDateTime)


class LibraryClause(Base):
    """An article of law in the editable clause library clerks cite from."""

    __tablename__ = "clauses"

    clause_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    law: Mapped[str] = mapped_column(String(100))
    article: Mapped[str] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    """Removed by the user (kept so that a newer seed file does not bring it back)."""
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    """Changed by the user (a newer seed file does not overwrite it)."""
    updated_at: Mapped[datetime] = mapped_column(ChinaDateTime)


class Suggestion(Base):
    """The local view of a commission's suggestion: the platform's state with this device's
    pending actions on it replayed (the whole state as JSON, the columns lists filter on)."""

    __tablename__ = "suggestions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    suggestion_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16), index=True)
    number: Mapped[str] = mapped_column(String(60))
    issuing_unit: Mapped[str] = mapped_column(String(20))
    addressed_unit: Mapped[str] = mapped_column(String(20), index=True)
    issued_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    reply_deadline: Mapped[datetime] = mapped_column(ChinaDateTime)
    updated_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    state: Mapped[Any] = mapped_column(JsonText)
    """The suggestion's state (`SuggestionState.to_dict()`) as this device shows it."""
    server_state: Mapped[Any | None] = mapped_column(JsonText)
    """The state the platform last sent (None: only on this device so far), for replays."""
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)


class SuggestionEvent(Base):
    """One entry of a suggestion's history (pending: taken here, not yet confirmed)."""

    __tablename__ = "suggestion_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    suggestion_id: Mapped[str] = mapped_column(
        ForeignKey("suggestions.suggestion_id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[str] = mapped_column(String(ACTION_ID_LENGTH), unique=True)
    action: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(ChinaDateTime)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[Any] = mapped_column(JsonText, default=dict)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)


class AccountabilityRecord(Base):
    """The local view of an accountability record (问责), like a suggestion's."""

    __tablename__ = "accountability_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), unique=True)
    status: Mapped[str] = mapped_column(String(16))
    commission_unit: Mapped[str] = mapped_column(String(20))
    unit_concerned: Mapped[str] = mapped_column(String(20), index=True)
    measure: Mapped[str] = mapped_column(String(32))
    decided_on: Mapped[date] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    state: Mapped[Any] = mapped_column(JsonText)
    server_state: Mapped[Any | None] = mapped_column(JsonText)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)


class AccountabilityEvent(Base):
    """One entry of an accountability record's history."""

    __tablename__ = "accountability_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(
        ForeignKey("accountability_records.record_id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[str] = mapped_column(String(ACTION_ID_LENGTH), unique=True)
    action: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(ChinaDateTime)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[Any] = mapped_column(JsonText, default=dict)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)


class SupervisionOutbox(Base):
    """An action on a commission record (suggestion.*, accountability.*) waiting to be pushed,
    in the order taken; kept apart from the clue outbox because it names no clue."""

    __tablename__ = "supervision_outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action_id: Mapped[str] = mapped_column(String(ACTION_ID_LENGTH), unique=True)
    command_type: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    payload: Mapped[Any] = mapped_column(JsonText)
    username: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    reject_code: Mapped[str] = mapped_column(String(64), default="")
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class WarningEpisode(Base):
    """One entry of a clue's warning record (预警台账) as the platform sent it: a warning level
    a stage reached, when it cleared and how, and the unit responsible then. Replaced whole
    whenever sync applies the clue's document; never written on this device."""

    __tablename__ = "warning_episodes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    level: Mapped[int] = mapped_column(Integer)
    deadline: Mapped[datetime] = mapped_column(ChinaDateTime)
    reached_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    cleared_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    cleared_by: Mapped[str | None] = mapped_column(String(24))
    unit_code: Mapped[str] = mapped_column(String(20))


Index("ix_warning_episodes_reached_at", WarningEpisode.reached_at)
Index("ix_warning_episodes_unit_code", WarningEpisode.unit_code, WarningEpisode.reached_at)


class VerificationBatch(Base):
    """A week's verification sample of a dispatching office (每周核查); `server_version` is
    the platform's change that last touched it (0: drawn on this device, not yet answered)."""

    __tablename__ = "verification_batches"

    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office: Mapped[str] = mapped_column(String(20), index=True)
    week: Mapped[str] = mapped_column(String(10), index=True)
    plan: Mapped[Any] = mapped_column(JsonText)
    seed: Mapped[int] = mapped_column(Integer)
    drawn_by: Mapped[str] = mapped_column(String(64))
    drawn_by_name: Mapped[str] = mapped_column(String(64), default="")
    drawn_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    server_version: Mapped[int] = mapped_column(Integer, default=0)


class VerificationItem(Base):
    """A clue drawn into a batch; `dropped` says why the platform left it out ('' kept)."""

    __tablename__ = "verification_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = mapped_column(
        ForeignKey("verification_batches.batch_id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    clue_code: Mapped[str] = mapped_column(String(40), index=True)
    unit_code: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(32))
    closed_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    dropped: Mapped[str] = mapped_column(String(20), default="")


class VerificationResultRow(Base):
    """One round of verification of a drawn clue as the platform keeps it."""

    __tablename__ = "verification_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = mapped_column(
        ForeignKey("verification_batches.batch_id", ondelete="CASCADE"), index=True
    )
    clue_code: Mapped[str] = mapped_column(String(40))
    round: Mapped[int] = mapped_column(Integer)
    verdict: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[Any] = mapped_column(JsonText)
    verified_by: Mapped[str] = mapped_column(String(64))
    verified_by_name: Mapped[str] = mapped_column(String(64), default="")
    verified_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    action_id: Mapped[str] = mapped_column(String(ACTION_ID_LENGTH), unique=True)


class VerificationOutbox(Base):
    """A draw (verification.draw.v1) waiting to be pushed, in the order taken; kept apart
    from the clue outbox because it names no clue. (Results recorded on a drawn clue name
    their clue and wait in the clue outbox.)"""

    __tablename__ = "verification_outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action_id: Mapped[str] = mapped_column(String(ACTION_ID_LENGTH), unique=True)
    command_type: Mapped[str] = mapped_column(String(64))
    batch_id: Mapped[str] = mapped_column(String(36), index=True)
    payload: Mapped[Any] = mapped_column(JsonText)
    username: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    reject_code: Mapped[str] = mapped_column(String(64), default="")
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class ImportMapping(Base):
    """The column mapping a user set for importing a channel's list (渠道清单): payload key →
    the file's column header, remembered per channel for the next file."""

    __tablename__ = "import_mappings"

    channel: Mapped[str] = mapped_column(String(32), primary_key=True)
    columns: Mapped[Any] = mapped_column(JsonText)
    updated_at: Mapped[datetime] = mapped_column(ChinaDateTime)


Index(
    "ix_warning_episodes_level_reached",
    WarningEpisode.level,
    WarningEpisode.reached_at,
    WarningEpisode.cleared_at,
    WarningEpisode.clue_id,
    WarningEpisode.stage,
    WarningEpisode.unit_code,
)
"""The statistics find the warnings of a level that ran in a period here, reading no row."""
