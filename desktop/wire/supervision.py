"""The commission's own records on the wire: suggestions (纪律检查建议 / 监察建议 / 督办函) and
accountability records (问责) with their histories, their action payloads and the feed that
brings them to the clients in sight (GET /api/v1/supervision)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from desktop.domain.accountability import AccountabilityStatus, Measure
from desktop.domain.suggestions import SuggestionKind, SuggestionStatus
from desktop.wire.base import UNION_TAGS, Answer, ChinaTime, ClueCode, Count, Sha256, UnitCode
from desktop.wire.payloads import AttachmentCite, Payload
from desktop.wire.records import Event

RecordId = Annotated[str, Field(min_length=1, max_length=64)]


class FileOut(Answer):
    """A file a reply cites: its digest and the name it is shown under."""

    sha256: Sha256
    name: str


class ReplyOut(Answer):
    """One reply of the addressed unit (整改落实情况) and the deadline in force then."""

    text: str
    attachments: list[FileOut] = Field(default_factory=list)
    replied_at: ChinaTime
    replied_by: str = ""
    deadline: ChinaTime


class SuggestionEvent(Event):
    """A suggestion's history entry: statuses are suggestion statuses."""

    from_status: SuggestionStatus | None = None
    to_status: SuggestionStatus


class AccountabilityEvent(Event):
    """An accountability record's history entry."""

    from_status: AccountabilityStatus | None = None
    to_status: AccountabilityStatus


class SuggestionOut(Answer):
    """A suggestion (the domain's `SuggestionState`), the change that last touched it
    (`version`) and its history."""

    suggestion_id: RecordId
    kind: SuggestionKind
    status: SuggestionStatus
    number: str
    issuing_unit: UnitCode
    addressed_unit: UnitCode
    clue_codes: list[ClueCode] = Field(default_factory=list)
    title: str
    text: str
    basis: str = ""
    reply_days: int
    issued_at: ChinaTime
    issued_by: str = ""
    reply_deadline: ChinaTime
    replies: list[ReplyOut] = Field(default_factory=list)
    review_note: str = ""
    reviewed_at: ChinaTime | None = None
    version: Count
    events: list[SuggestionEvent]


class PersonOut(Answer):
    """A responsible person as the commission names them."""

    name: str
    post: str = ""


class AccountabilityOut(Answer):
    """An accountability record (the domain's `AccountabilityState`), its version and
    history; seen by the commission and the unit concerned only."""

    record_id: RecordId
    commission_unit: UnitCode
    unit_concerned: UnitCode
    persons: list[PersonOut]
    measure: Measure
    decided_on: date
    document_number: str = ""
    clue_codes: list[ClueCode] = Field(default_factory=list)
    suggestion_id: str | None = None
    facts: str = ""
    created_at: ChinaTime
    created_by: str = ""
    status: AccountabilityStatus = AccountabilityStatus.RECORDED
    version: Count
    events: list[AccountabilityEvent]


class SuggestionChange(Answer):
    """A suggestion that changed (or came into sight)."""

    kind: Literal["suggestion"]
    seq: Count
    suggestion: SuggestionOut


class AccountabilityChange(Answer):
    """An accountability record that changed (or came into sight)."""

    kind: Literal["accountability"]
    seq: Count
    accountability: AccountabilityOut


SupervisionChange = Annotated[SuggestionChange | AccountabilityChange, Field(discriminator="kind")]
UNION_TAGS.update({"suggestion", "accountability"})


class SupervisionPage(Answer):
    """GET /supervision: the commission's records in sight, in change order, the cursor to
    continue from and whether more follow."""

    changes: list[SupervisionChange]
    cursor: str = Field(min_length=1)
    more: bool


class SuggestionPayload(Payload):
    """The payload of a suggestion action (issue, reply, accept, send back, reset)."""

    suggestion_id: str
    kind: str | None = None
    number: str | None = None
    addressed_unit: str | None = None
    clue_codes: list[str] | None = None
    title: str | None = None
    text: str | None = None
    basis: str | None = None
    reply_days: int | None = None
    issued_at: str | None = None
    reply: str | None = None
    attachments: list[AttachmentCite] | None = None
    replied_at: str | None = None
    note: str | None = None


class PersonIn(Payload):
    """A responsible person in a payload."""

    name: str | None = None
    post: str | None = None


class AccountabilityPayload(Payload):
    """The payload of an accountability action (record, amend)."""

    record_id: str
    unit_concerned: str | None = None
    persons: list[PersonIn] | None = None
    measure: str | None = None
    decided_on: str | None = None
    document_number: str | None = None
    clue_codes: list[str] | None = None
    suggestion_id: str | None = None
    facts: str | None = None
