"""The records that sync: clues with their history, attachments, notices and penalty cases;
the pull feed."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field

from desktop.domain.case_content import (
    CaseOutcome,
    CaseStatus,
    Decision,
    Extension,
    Milestone,
    Officer,
    Penalty,
)
from desktop.domain.codes import CallbackResult, Category, Channel, Finding, Priority, Status
from desktop.domain.notice_content import NoticeContent, Service
from desktop.domain.notices import NoticeKind, NoticeStatus
from desktop.domain.party import Party
from desktop.domain.stages import Stage
from desktop.domain.warning_record import ClearedBy
from desktop.wire.base import (
    UNION_TAGS,
    ActionId,
    Answer,
    ChinaTime,
    ClueCode,
    Count,
    Sha256,
    UnitCode,
)


class Event(Answer):
    """One entry of a record's append-only history: who did what, when, on which device."""

    action_id: ActionId
    action: str
    username: str
    unit_code: UnitCode
    device_id: str = ""
    at: ChinaTime
    from_status: str | None = None
    to_status: str
    note: str = ""
    details: dict[str, Any] = Field(default_factory=dict)


class ClueEvent(Event):
    """A clue's history entry: statuses are clue statuses."""

    from_status: Status | None = None
    to_status: Status


class NoticeEvent(Event):
    """A notice's history entry: statuses are notice statuses."""

    from_status: NoticeStatus | None = None
    to_status: NoticeStatus


class CaseEvent(Event):
    """A penalty case's history entry: statuses are case statuses."""

    from_status: CaseStatus | None = None
    to_status: CaseStatus


class AttachmentOut(Answer):
    """An attachment of a clue: its digest, the name it was added with, size and type."""

    sha256: Sha256
    name: str
    size: Count
    media_type: str = "application/octet-stream"
    added_at: ChinaTime
    added_by: str = ""


class ClauseOut(Answer):
    """An article of law a notice cites, as printed."""

    id: str
    law: str
    article: str
    text: str


class NoticeOut(Answer):
    """A rectification notice or correction order: its state (the domain's `NoticeState`),
    the change that last touched it (`version`) and its history."""

    notice_id: str = Field(min_length=1, max_length=64)
    clue_code: ClueCode | None = None
    kind: NoticeKind
    status: NoticeStatus
    unit_code: UnitCode
    content: NoticeContent
    created_at: ChinaTime
    created_by: str = ""
    number: str | None = None
    number_year: int | None = None
    number_seq: int | None = None
    issued_at: ChinaTime | None = None
    clauses: list[ClauseOut] = Field(default_factory=list)
    verification: str = ""
    service: Service | None = None
    rectify_deadline: ChinaTime | None = None
    reinspected_at: ChinaTime | None = None
    reinspection_note: str = ""
    case_number: str = ""
    case_filed_at: date | None = None
    case_closed_at: date | None = None
    case_result: str = ""
    version: Count
    events: list[NoticeEvent]


class CaseOut(Answer):
    """A penalty case (行政处罚案件) of a clue: its state (the domain's `CaseState`), the
    change that last touched it (`version`) and its history. Amounts of money are text with
    two decimals ("50000.00")."""

    case_id: str = Field(min_length=1, max_length=64)
    clue_code: ClueCode | None = None
    unit_code: UnitCode
    status: CaseStatus
    cause: str
    law: str
    party: Party
    officers: list[Officer]
    filed_on: date
    deadline: ChinaTime
    created_at: ChinaTime
    created_by: str = ""
    number: str = ""
    number_year: int | None = None
    number_seq: int | None = None
    notice_ids: list[str] = Field(default_factory=list)
    extensions: list[Extension] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    proposed: list[Penalty] = Field(default_factory=list)
    hearing_offered: bool = False
    hearing_requested: bool = False
    decision: Decision | None = None
    service: Service | None = None
    outcome: CaseOutcome | None = None
    closed_on: date | None = None
    version: Count
    events: list[CaseEvent]


class WarningOut(Answer):
    """One entry of a clue's warning record (预警台账): a warning level its stage reached
    (`desktop.domain.warning_record.WarningEpisode`), when it cleared and how, and the unit
    responsible for the stage at the time."""

    stage: Stage
    level: int = Field(ge=1, le=3)
    deadline: ChinaTime
    reached_at: ChinaTime
    cleared_at: ChinaTime | None = None
    cleared_by: ClearedBy | None = None
    unit: UnitCode


class ClueState(Answer):
    """A clue's workflow state (the domain's `ClueState`) as an applied push answers it."""

    status: Status
    priority: Priority
    county_code: UnitCode
    township_code: UnitCode | None = None
    registered_at: ChinaTime
    lead_unit: UnitCode | None = None
    assisting_units: list[UnitCode]
    """In the dispatcher's order."""
    dispatched_at: ChinaTime | None = None
    signed_at: ChinaTime | None = None
    reported_at: ChinaTime | None = None
    closed_at: ChinaTime | None = None
    deadline: ChinaTime | None = None
    handle_deadline: ChinaTime | None = None
    extension_requested_days: Count = 0
    extended_days: Count = 0
    channel: Channel | None = None
    owner_unit: UnitCode | None = None
    """The tackling office that owns the clue (dispatches, reviews and closes it)."""
    due_by: ChinaTime | None = None
    """The deadline the sender set at intake, if any."""
    finding: Finding | None = None
    callback: CallbackResult | None = None
    duplicate_of: ClueCode | None = None
    extension_count: Count = 0


class ClueOut(ClueState):
    """A clue as the platform sends it: its description, state, history and files.

    The reporter's name and phone come masked to roles that need not call back.
    """

    code: ClueCode
    version: Count
    """The change sequence number of the clue's last change."""
    channel: Channel
    channel_ref: str = ""
    """The channel's own reference, e.g. the 12345 work-order number."""
    category: Category
    received_at: ChinaTime
    reporter_name: str = ""
    reporter_phone: str = ""
    address: str
    latitude: float | None = None
    longitude: float | None = None
    subject_name: str = ""
    subject_credit_code: str = ""
    description: str
    registered_by_unit: UnitCode | None = None
    events: list[ClueEvent]
    attachments: list[AttachmentOut]
    notices: list[NoticeOut] = Field(default_factory=list)
    cases: list[CaseOut] = Field(default_factory=list)
    warnings: list[WarningOut] = Field(default_factory=list)
    """The clue's warning record, oldest first."""


class ClueChange(Answer):
    """A pull change: the clue's newest state."""

    kind: Literal["clue"]
    seq: Count
    clue: ClueOut


class Tombstone(Answer):
    """A pull change: the clue left the caller's scope (or was deleted)."""

    kind: Literal["tombstone"]
    seq: Count
    clue_code: ClueCode


Change = Annotated[ClueChange | Tombstone, Field(discriminator="kind")]
"""One entry of a pull page."""
UNION_TAGS.update(("clue", "tombstone"))


class PullPage(Answer):
    """GET /pull: changes in sequence order, the cursor to continue from, more to come."""

    changes: list[Change]
    cursor: str = Field(min_length=1)
    more: bool
