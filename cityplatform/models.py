"""Typed SQLAlchemy 2 models of the platform database (SQLite or PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from cityplatform.types import ChinaDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so migrations name constraints stably."""

    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """A named value shared by every worker: signing secret, instance id, retention."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Counter(Base):
    """A named counter taken under a row lock: change sequence, clue codes, notice numbers."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


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
    """A platform account: password hash, role, unit, and the epoch of its scope."""

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(50))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    post: Mapped[str] = mapped_column(String(8), default="head")
    """经办人 (clerk) or 负责人 (head) within the unit."""
    phone: Mapped[str] = mapped_column(String(20), default="")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    scope_epoch: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)


class TokenFamily(Base):
    """One login of a user on a device; every refresh token of the login belongs to it."""

    __tablename__ = "token_families"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("users.username"))
    device_id: Mapped[str] = mapped_column(String(64))
    device_name: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    last_used_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    revoked_reason: Mapped[str] = mapped_column(String(32), default="")
    fresh_jti: Mapped[str | None] = mapped_column(String(32))
    """The id of the newest access token while it has never been used (then NULL)."""
    device_kind: Mapped[str] = mapped_column(String(16), default="office", server_default="office")
    """office or field, as the client said at login (the store-encryption policy uses it)."""


Index("ix_token_families_user_device", TokenFamily.username, TokenFamily.device_id)


class RefreshToken(Base):
    """A refresh token, kept only as the SHA-256 of its text; `used_at` set once rotated
    (or once discarded unused after its predecessor's grace, then `replaced_by` stays NULL).

    `replaced_by` is the hash of the token it was rotated into; `grace_used_at` is when it
    was accepted once more because that successor's answer was evidently lost."""

    __tablename__ = "refresh_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("token_families.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    expires_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    used_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    replaced_by: Mapped[str | None] = mapped_column(String(64))
    grace_used_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)


class LoginFailure(Base):
    """A failed login, counted per user name to throttle guessing."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(ChinaDateTime)


Index("ix_login_failures_username_at", LoginFailure.username, LoginFailure.at)


class Clue(Base):
    """The server's state of a clue; `seq` is the change sequence number of its last change."""

    __tablename__ = "clues"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
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
    registered_by_unit: Mapped[str] = mapped_column(ForeignKey("units.code"))
    dispatched_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    signed_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    reported_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    deadline: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    handle_deadline: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    extension_requested_days: Mapped[int] = mapped_column(Integer, default=0)
    extended_days: Mapped[int] = mapped_column(Integer, default=0)
    channel_ref: Mapped[str] = mapped_column(String(100), default="")
    owner_unit: Mapped[str | None] = mapped_column(ForeignKey("units.code"))
    due_by: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    finding: Mapped[str | None] = mapped_column(String(16))
    callback: Mapped[str | None] = mapped_column(String(16))
    duplicate_of: Mapped[str | None] = mapped_column(String(40), index=True)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)


Index("ix_clues_county_seq", Clue.county_code, Clue.seq)
Index("ix_clues_lead_seq", Clue.lead_unit, Clue.seq)
Index("ix_clues_registered_by_seq", Clue.registered_by_unit, Clue.seq)


class AssistingUnit(Base):
    """An assisting unit (协办) of a clue, in the order the dispatcher named them."""

    __tablename__ = "clue_assisting_units"

    clue_id: Mapped[int] = mapped_column(
        ForeignKey("clues.id", ondelete="CASCADE"), primary_key=True
    )
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


Index("ix_clue_assisting_units_unit", AssistingUnit.unit_code, AssistingUnit.clue_id)


class ClueEvent(Base):
    """One entry of a clue's history; `action_id` is the action that made it."""

    __tablename__ = "clue_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(BigInteger)
    action_id: Mapped[str] = mapped_column(String(64), unique=True)
    action: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(ChinaDateTime)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[Any] = mapped_column(JSON)


Index("ix_clue_events_clue_id", ClueEvent.clue_id, ClueEvent.id)


class AppliedAction(Base):
    """The stored result of an applied push action, answered again for a duplicate."""

    __tablename__ = "applied_actions"

    action_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    username: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(64))
    clue_code: Mapped[str] = mapped_column(String(40))
    provisional_code: Mapped[str | None] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(BigInteger)
    applied_at: Mapped[datetime] = mapped_column(ChinaDateTime)


class ProvisionalCode(Base):
    """The real code a device's provisional code (临…) was registered under."""

    __tablename__ = "provisional_codes"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    provisional_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    action_id: Mapped[str] = mapped_column(String(64))


class ScopeExit(Base):
    """A unit stopped being lead or assisting unit of a clue at change `seq`, or a county's
    area lost it to a transfer (`unit_code` is then the county's code): a tombstone."""

    __tablename__ = "scope_exits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id", ondelete="CASCADE"))
    clue_code: Mapped[str] = mapped_column(String(40))
    unit_code: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(ChinaDateTime)


Index("ix_scope_exits_unit_seq", ScopeExit.unit_code, ScopeExit.seq)
Index("ix_scope_exits_seq", ScopeExit.seq)


class Attachment(Base):
    """A file stored once by SHA-256. Since uploads are kept per device
    (`AttachmentUpload`) a row is written only once a file is complete and checked
    (`received` = `size`, `complete` true); who may read or cite it is in
    `AttachmentHolder` and the clues that cite it."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    uploaded_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)


class AttachmentUpload(Base):
    """An upload in progress of one user on one device: its own part file and progress.

    Each device resumes only its own upload; the `attachments` row is made (or confirmed)
    when the upload completes with the right digest, and this row is then deleted."""

    __tablename__ = "attachment_uploads"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    updated_at: Mapped[datetime] = mapped_column(ChinaDateTime)


class AttachmentHolder(Base):
    """A user and device that proved they hold a file by uploading all of it.

    They may read it, and cite it in actions from that device; `device_id` "" (rows carried
    over from before uploads were kept per device) stands for every device of the user."""

    __tablename__ = "attachment_holders"

    sha256: Mapped[str] = mapped_column(
        ForeignKey("attachments.sha256", ondelete="CASCADE"), primary_key=True
    )
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    proved_at: Mapped[datetime] = mapped_column(ChinaDateTime)


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


Index("ix_clue_attachments_sha256", ClueAttachment.sha256)


class NumberBlock(Base):
    """Document numbers first..last of one series a device may use offline for a unit and year."""

    __tablename__ = "number_blocks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    year: Mapped[int] = mapped_column(Integer)
    first: Mapped[int] = mapped_column(BigInteger)
    last: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str] = mapped_column(String(64))
    username: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    series: Mapped[str] = mapped_column(String(16), server_default="notice", default="notice")
    """notice (notices' numbers), case (立案号) or decision (行政处罚决定书 numbers)."""


Index("ix_number_blocks_unit_year", NumberBlock.unit_code, NumberBlock.year)


class RuleSet(Base):
    """Rules data by name (time limits, warning thresholds, office hours)."""

    __tablename__ = "rule_sets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[Any] = mapped_column(JSON)


class CalendarYear(Base):
    """A year of the work calendar published by the platform (replaces the default)."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[Any] = mapped_column(JSON)


class IntakeRef(Base):
    """The clue a channel system's external id was registered as (intake is idempotent)."""

    __tablename__ = "intake_refs"

    channel: Mapped[str] = mapped_column(String(32), primary_key=True)
    external_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id"))
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)


class Notice(Base):
    """A rectification notice of a clue: its whole state as JSON (`NoticeState.to_dict()`),
    with the columns the checks need; `seq` is the change that last changed it (its version).

    A unit's (year, seq) number and the printed number are unique: a number is never used
    twice."""

    __tablename__ = "notices"
    __table_args__ = (UniqueConstraint("unit_code", "number_year", "number_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[str] = mapped_column(String(36), unique=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16))
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    number: Mapped[str | None] = mapped_column(String(60), unique=True)
    number_year: Mapped[int | None] = mapped_column(Integer)
    number_seq: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    state: Mapped[Any] = mapped_column(JSON)


class NoticeEvent(Base):
    """One entry of a notice's history; `action_id` is the action that made it."""

    __tablename__ = "notice_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[str] = mapped_column(ForeignKey("notices.notice_id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(BigInteger)
    action_id: Mapped[str] = mapped_column(String(64), unique=True)
    action: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(ChinaDateTime)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[Any] = mapped_column(JSON)


Index("ix_notice_events_notice_id", NoticeEvent.notice_id, NoticeEvent.id)


class Case(Base):
    """A penalty case of a clue: its whole state as JSON (`CaseState.to_dict()`), with the
    columns the checks and counts need; `seq` is the change that last changed it (its version).

    A unit's (year, seq) 立案号 and its (year, seq) decision number are each unique, and so are
    the printed numbers: a number is never used twice."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("unit_code", "number_year", "number_seq"),
        UniqueConstraint("unit_code", "decision_year", "decision_seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), unique=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16))
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"))
    number: Mapped[str] = mapped_column(String(60), unique=True)
    number_year: Mapped[int] = mapped_column(Integer)
    number_seq: Mapped[int] = mapped_column(BigInteger)
    decision_number: Mapped[str | None] = mapped_column(String(60), unique=True)
    decision_year: Mapped[int | None] = mapped_column(Integer)
    decision_seq: Mapped[int | None] = mapped_column(BigInteger)
    filed_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    state: Mapped[Any] = mapped_column(JSON)


Index("ix_cases_unit_filed_on", Case.unit_code, Case.filed_on)


class CaseEvent(Base):
    """One entry of a penalty case's history; `action_id` is the action that made it."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.case_id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(BigInteger)
    action_id: Mapped[str] = mapped_column(String(64), unique=True)
    action: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(ChinaDateTime)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[Any] = mapped_column(JSON)


Index("ix_case_events_case_id", CaseEvent.case_id, CaseEvent.id)


class AuditEntry(Base):
    """One entry of the tamper-evident audit log (`cityplatform.audit`).

    `details` is canonical JSON text (sorted keys, compact, UTF-8), stored verbatim;
    `hash` is the SHA-256 of the canonical serialization of (seq, prev_hash, time, kind,
    actor, details), and `prev_hash` the previous entry's `hash`: a hash chain."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(ChinaDateTime, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    username: Mapped[str] = mapped_column(String(64), default="")
    device_id: Mapped[str] = mapped_column(String(64), default="")
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The head of the audit chain: the last entry's seq and hash, in one row (id 1).

    Appending locks this row, so writers never fork the chain; keeping the head apart from
    the entries lets verification notice entries deleted from the end."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime | None] = mapped_column(ChinaDateTime)


class Suggestion(Base):
    """A suggestion of a discipline commission (纪律检查建议 / 监察建议 / 督办函): its whole
    state as JSON (`SuggestionState.to_dict()`) with the columns scope and checks need; `seq`
    is the change that last changed it. A commission's document number is unique per year."""

    __tablename__ = "suggestions"
    __table_args__ = (UniqueConstraint("issuing_unit", "number_year", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    suggestion_id: Mapped[str] = mapped_column(String(36), unique=True)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16))
    issuing_unit: Mapped[str] = mapped_column(ForeignKey("units.code"))
    addressed_unit: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    area_county: Mapped[str | None] = mapped_column(String(20), index=True)
    """The county of the addressed unit (None: a unit of the whole city), for scope."""
    number: Mapped[str] = mapped_column(String(60))
    number_year: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    state: Mapped[Any] = mapped_column(JSON)


class SuggestionEvent(Base):
    """One entry of a suggestion's history; `action_id` is the action that made it."""

    __tablename__ = "suggestion_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    suggestion_id: Mapped[str] = mapped_column(
        ForeignKey("suggestions.suggestion_id", ondelete="CASCADE")
    )
    seq: Mapped[int] = mapped_column(BigInteger)
    action_id: Mapped[str] = mapped_column(String(64), unique=True)
    action: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(ChinaDateTime)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[Any] = mapped_column(JSON)


Index("ix_suggestion_events_suggestion_id", SuggestionEvent.suggestion_id, SuggestionEvent.id)


class SuggestionAttachment(Base):
    """A file a reply to a suggestion cites: readable by whoever sees the suggestion."""

    __tablename__ = "suggestion_attachments"

    suggestion_id: Mapped[str] = mapped_column(
        ForeignKey("suggestions.suggestion_id", ondelete="CASCADE"), primary_key=True
    )
    sha256: Mapped[str] = mapped_column(
        ForeignKey("attachments.sha256"), primary_key=True, index=True
    )
    name: Mapped[str] = mapped_column(String(255))


class AccountabilityRecord(Base):
    """An accountability record (问责) of a discipline commission: its state as JSON
    (`AccountabilityState.to_dict()`) with the columns scope needs; `seq` as for suggestions."""

    __tablename__ = "accountability_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), unique=True)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    status: Mapped[str] = mapped_column(String(16))
    commission_unit: Mapped[str] = mapped_column(ForeignKey("units.code"))
    unit_concerned: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    area_county: Mapped[str | None] = mapped_column(String(20), index=True)
    """The county of the unit concerned (None: a unit of the whole city), for scope."""
    measure: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    state: Mapped[Any] = mapped_column(JSON)


class AccountabilityEvent(Base):
    """One entry of an accountability record's history."""

    __tablename__ = "accountability_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(
        ForeignKey("accountability_records.record_id", ondelete="CASCADE")
    )
    seq: Mapped[int] = mapped_column(BigInteger)
    action_id: Mapped[str] = mapped_column(String(64), unique=True)
    action: Mapped[str] = mapped_column(String(32))
    username: Mapped[str] = mapped_column(String(64))
    unit_code: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(ChinaDateTime)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[Any] = mapped_column(JSON)


Index("ix_accountability_events_record_id", AccountabilityEvent.record_id, AccountabilityEvent.id)


class WarningEpisodeRow(Base):
    """One warning level a clue's stage reached (`desktop.domain.warning_record`): when, until
    when and how it cleared, with the unit responsible then and the clue's county, so lists
    by unit or area are one query. Kept by the pushes and the warning job."""

    __tablename__ = "warning_episodes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(16))
    level: Mapped[int] = mapped_column(Integer)
    deadline: Mapped[datetime] = mapped_column(ChinaDateTime)
    reached_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    cleared_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    cleared_by: Mapped[str | None] = mapped_column(String(24))
    unit_code: Mapped[str] = mapped_column(String(20))
    county_code: Mapped[str] = mapped_column(String(20))


Index("ix_warning_episodes_clue_id", WarningEpisodeRow.clue_id, WarningEpisodeRow.id)
Index(
    "ix_warning_episodes_county_reached",
    WarningEpisodeRow.county_code,
    WarningEpisodeRow.reached_at,
)
Index("ix_warning_episodes_unit_reached", WarningEpisodeRow.unit_code, WarningEpisodeRow.reached_at)


class VerificationBatch(Base):
    """A week's sample drawn by a dispatching office (每周核查): plan and seed as drawn; `seq`
    is the change that last touched the batch or one of its items."""

    __tablename__ = "verification_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(36), unique=True)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    office: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    week: Mapped[str] = mapped_column(String(10))
    plan: Mapped[Any] = mapped_column(JSON)
    seed: Mapped[int] = mapped_column(BigInteger)
    drawn_by: Mapped[str] = mapped_column(String(64))
    drawn_by_name: Mapped[str] = mapped_column(String(64), default="")
    drawn_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    action_id: Mapped[str] = mapped_column(String(64), unique=True)


class VerificationItem(Base):
    """A clue drawn into a batch; `dropped` says why the platform left it out ('' kept)."""

    __tablename__ = "verification_items"
    __table_args__ = (UniqueConstraint("batch_id", "clue_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = mapped_column(
        ForeignKey("verification_batches.batch_id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    clue_code: Mapped[str] = mapped_column(String(40), index=True)
    unit_code: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(32))
    closed_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    dropped: Mapped[str] = mapped_column(String(20), default="")


class VerificationClaim(Base):
    """A clue an office verifies in a week: the first batch to reach the platform keeps it."""

    __tablename__ = "verification_claims"
    __table_args__ = (UniqueConstraint("office", "week", "clue_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office: Mapped[str] = mapped_column(String(20))
    week: Mapped[str] = mapped_column(String(10))
    clue_code: Mapped[str] = mapped_column(String(40))
    batch_id: Mapped[str] = mapped_column(
        ForeignKey("verification_batches.batch_id", ondelete="CASCADE")
    )


class VerificationResultRow(Base):
    """One round of verification of a drawn clue; `action_id` is the action that recorded it."""

    __tablename__ = "verification_results"
    __table_args__ = (UniqueConstraint("batch_id", "clue_code", "round"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = mapped_column(
        ForeignKey("verification_batches.batch_id", ondelete="CASCADE"), index=True
    )
    clue_code: Mapped[str] = mapped_column(String(40))
    round: Mapped[int] = mapped_column(Integer)
    verdict: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[Any] = mapped_column(JSON)
    verified_by: Mapped[str] = mapped_column(String(64))
    verified_by_name: Mapped[str] = mapped_column(String(64), default="")
    verified_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    action_id: Mapped[str] = mapped_column(String(64), unique=True)


class RevokedDevice(Base):
    """A device the platform's administrators revoked (lost or stolen): every contact of it
    is answered `device_revoked`, and the client wipes its data on that answer.

    `last_told_at` is the last time a contact of it was answered so; `wipe_confirmed_at`
    when the client confirmed the wipe (NULL until then)."""

    __tablename__ = "revoked_devices"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    revoked_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    revoked_by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(200), default="")
    last_told_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)
    wipe_confirmed_at: Mapped[datetime | None] = mapped_column(ChinaDateTime)


class RefusedPush(Base):
    """One action a revoked device pushed, refused and applied nowhere, kept for the office
    to see: which action, of which kind, on which clue or record. Never the payload (it may
    hold reporter data)."""

    __tablename__ = "refused_pushes"
    __table_args__ = (UniqueConstraint("device_id", "action_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    username: Mapped[str] = mapped_column(String(64), default="")
    received_at: Mapped[datetime] = mapped_column(ChinaDateTime)
    action_id: Mapped[str] = mapped_column(String(64))
    device_seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(64))
    clue_code: Mapped[str | None] = mapped_column(String(64))
    record_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[str | None] = mapped_column(String(64))
    """The action's time as the device gave it (its `client_time`), unchecked."""
