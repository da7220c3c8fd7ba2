"""Push: the actions a device sends and the platform's answer to each."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from desktop.wire.base import (
    ActionId,
    Answer,
    ClueCode,
    Count,
    DeviceId,
    MessageTemplate,
    Request,
)
from desktop.wire.records import CaseOut, ClueOut, ClueState, NoticeOut
from desktop.wire.supervision import AccountabilityOut, SuggestionOut
from desktop.wire.verification import VerificationBatchOut


class ActionIn(Request):
    """One offline action, in the device's order."""

    model_config = Request.model_config | {"extra": "ignore"}
    checked_later = frozenset({"payload"})

    action_id: ActionId
    device_seq: int
    type: str = Field(min_length=1, max_length=64)
    clue_code: ClueCode | None = None
    """The clue acted on; none for the commission's own records (suggestion.*, accountability.*)."""
    payload: dict[str, Any] = Field(default_factory=dict)
    client_time: str | None = Field(default=None, max_length=64)


class PushRequest(Request):
    """POST /push: the device's actions, oldest first (at most `limits.push_batch`)."""

    device_id: DeviceId
    actions: list[ActionIn]


class PushResult(Answer):
    """The answer to one action: applied | duplicate | rejected | retry.

    applied/duplicate carry the clue's code (the platform's code for a registration) and
    the change `seq`; `state` is the workflow state right after a clue action, `notice` the
    notice after a notice action (`case`, `suggestion`, `accountability` likewise;
    `verification`: the batch after a verification action); rejected
    carries `code`, `reason` (in Chinese) and maybe `template` (the reason as a message the
    client renders in its language) and `field`, and the clue as the platform has it (when
    the caller may see it).
    """

    action_id: ActionId
    status: Literal["applied", "duplicate", "rejected", "retry"]
    clue_code: ClueCode | None = None
    provisional_code: ClueCode | None = None
    seq: Count | None = None
    state: ClueState | None = None
    notice: NoticeOut | None = None
    case: CaseOut | None = None
    clue: ClueOut | None = None
    suggestion: SuggestionOut | None = None
    accountability: AccountabilityOut | None = None
    verification: VerificationBatchOut | None = None
    code: str | None = None
    reason: str | None = None
    template: MessageTemplate | None = None
    field: str | None = None


class PushAnswer(Answer):
    """POST /push: one result per action, in the order sent."""

    results: list[PushResult]
