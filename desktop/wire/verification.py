"""Weekly verification (每周核查) on the wire: a batch with its drawn clues and their results,
the payloads of drawing and recording, and the feed that brings an office's batches to its
users (GET /api/v1/verification)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from desktop.domain.verification import VerificationResult
from desktop.wire.base import Answer, ChinaTime, ClueCode, Count, UnitCode
from desktop.wire.payloads import AttachmentCite, Payload
from desktop.wire.supervision import FileOut

BatchId = Annotated[str, Field(min_length=1, max_length=36)]

DROPPED_CLAIMED = "claimed"
"""Why an item was dropped from its batch: another batch of the office drew it first."""
DROPPED_NOT_CANDIDATE = "not_candidate"
"""Why an item was dropped from its batch: the clue is not the office's, or not closed."""


class VerificationResultOut(Answer):
    """One round of verification of a drawn clue."""

    round: int = Field(ge=1)
    verdict: VerificationResult
    note: str = ""
    attachments: list[FileOut] = Field(default_factory=list)
    verified_by: str = ""
    verified_by_name: str = ""
    verified_at: ChinaTime
    action_id: str


class VerificationItemOut(Answer):
    """A clue drawn into a batch: its lead unit and channel, whether the platform dropped it
    from the batch (and why) and the results recorded on it, oldest round first."""

    clue_code: ClueCode
    unit_code: UnitCode
    channel: str
    closed_at: ChinaTime | None = None
    dropped: str = ""
    results: list[VerificationResultOut] = Field(default_factory=list)


class VerificationBatchOut(Answer):
    """A week's sample drawn by a dispatching office: plan, seed (the draw can be repeated),
    who drew it and when, the change that last touched it (`version`) and its items."""

    batch_id: BatchId
    office: UnitCode
    week: str = Field(pattern=r"^\d{4}-W\d{2}$")
    plan: dict[str, Any]
    seed: int = Field(ge=0)
    drawn_by: str
    drawn_by_name: str = ""
    drawn_at: ChinaTime
    version: Count
    items: list[VerificationItemOut]


class VerificationPage(Answer):
    """GET /verification: the office's batches that changed, in change order, the cursor to
    continue from and whether more follow."""

    batches: list[VerificationBatchOut]
    cursor: str = Field(min_length=1)
    more: bool


class DrawItemIn(Payload):
    """A drawn clue in a draw's payload."""

    clue_code: str
    unit_code: str
    channel: str


class DrawPayload(Payload):
    """The payload of `verification.draw.v1`: a new batch and the clues drawn into it."""

    batch_id: str = Field(min_length=1, max_length=36)
    week: str
    plan: dict[str, Any]
    seed: int
    items: list[DrawItemIn]
    drawn_at: str | None = None


class RecordPayload(Payload):
    """The payload of `verification.record.v1` (the action names the clue)."""

    batch_id: str = Field(min_length=1, max_length=36)
    verdict: str
    note: str | None = None
    attachments: list[AttachmentCite] | None = None
    round: int | None = None
    verified_at: str | None = None
