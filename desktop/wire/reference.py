"""Reference data and session bodies: users, tokens, /meta, /directory, /rules, number blocks,
intake, attachments' upload state, and the error body."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from desktop.domain.codes import Post, Role, UnitKind
from desktop.wire.base import (
    Answer,
    ChinaTime,
    ClueCode,
    Count,
    DeviceId,
    MessageTemplate,
    Request,
    UnitCode,
)

DeviceKind = Literal["office", "field"]
"""What kind of computer a device is: an office PC, or a field laptop that leaves the
office (and may be lost)."""


class UserOut(Answer):
    """A user as the protocol shows them."""

    username: str = Field(min_length=1, max_length=64)
    display_name: str = ""
    role: Role
    unit_code: UnitCode
    post: Post = Post.HEAD
    """经办人 or 负责人 within the unit."""


class LoginRequest(Request):
    """POST /auth/login."""

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    device_id: DeviceId
    device_name: str = Field(default="", max_length=100)
    device_kind: DeviceKind = "office"
    """办公电脑 (office) or 外业笔记本 (field): the platform's store-encryption policy may
    depend on it."""


class RefreshRequest(Request):
    """POST /auth/refresh."""

    refresh_token: str = Field(min_length=1, max_length=200)
    device_id: DeviceId


class LogoutRequest(Request):
    """POST /auth/logout (optional when a bearer token is sent)."""

    refresh_token: str | None = Field(default=None, max_length=200)
    device_id: DeviceId | None = None


class TokenPair(Answer):
    """The answer of login and refresh."""

    access_token: str = Field(min_length=1)
    access_expires_at: ChinaTime
    refresh_token: str = Field(min_length=1)
    refresh_expires_at: ChinaTime
    user: UserOut
    encrypt_store: bool = False
    """Whether the platform's policy wants this device's store encrypted at rest (an older
    platform does not say: False)."""


class LogoutAnswer(Answer):
    """The answer of logout."""

    status: str


class Limits(Answer):
    """The platform's size limits."""

    push_batch: int = Field(default=500, ge=1)
    pull_page: int = Field(default=1000, ge=1)
    attachment_bytes: int = Field(default=50 * 1024 * 1024, ge=1)
    chunk_bytes: int = Field(default=1024 * 1024, ge=1)


class Meta(Answer):
    """GET /meta: clock, protocol versions, action types, the caller's scope epoch, limits."""

    server_time: ChinaTime
    protocol_versions: list[int]
    action_types: list[str]
    scope_epoch: int
    user: UserOut
    limits: Limits = Field(default_factory=Limits)


class UnitOut(Answer):
    """A unit of the tree."""

    code: UnitCode
    name: str = Field(min_length=1)
    kind: UnitKind
    parent_code: UnitCode | None = None
    county_code: UnitCode | None = None
    legal_name: str = Field(default="", max_length=100)
    """The name the unit signs documents with (empty: the directory does not say)."""
    review_body: str = Field(default="", max_length=100)
    """The unit's 行政复议机关 (empty: not set; notices are then refused at issue)."""
    court: str = Field(default="", max_length=100)
    """The court that hears suits against the unit's acts (empty: not set)."""


class Directory(Answer):
    """GET /directory: every unit and user."""

    units: list[UnitOut]
    users: list[UserOut]


class RulesOut(Answer):
    """GET /rules: the rules (`Rules.to_dict`), published calendar years
    (`YearCalendar.to_dict`) and their version."""

    rules: dict[str, Any]
    calendar: list[dict[str, Any]]
    version: Count


Series = Literal["notice", "case", "decision", "circular"]
"""Which numbers a block holds: notices' document numbers, 立案号 of penalty cases, the
numbers of 行政处罚决定书, or those of a tackling office's monthly circulars (月度通报); each
series of a unit and year counts on its own."""


class BlockRequest(Request):
    """POST /number-blocks: reserve document numbers of the caller's unit for a year."""

    device_id: DeviceId
    unit_code: UnitCode
    year: int = Field(ge=2000, le=2100)
    size: int = Field(ge=1, description="at most the platform's limit (`limits` of /meta)")
    series: Series = Field(
        default="notice",
        description="notice (default), case (立案号), decision (行政处罚决定书) or circular "
        "(月度通报); case and decision numbers only for a unit that files penalty cases, "
        "circular numbers only for a tackling office",
    )


class BlockOut(Answer):
    """A block of numbers of one series: first..last inclusive."""

    block_id: Count
    unit_code: UnitCode
    year: int
    first: int = Field(ge=1)
    last: int = Field(ge=1)
    series: Series = "notice"


class IntakeRequest(Request):
    """POST /intake: a clue from a channel system; `external_id` is the channel's id."""

    external_id: str = Field(min_length=1, max_length=100)
    channel: str = Field(min_length=1, max_length=32)
    received_at: str = Field(min_length=1, max_length=64)
    category: str = Field(min_length=1, max_length=32)
    priority: str | None = Field(default=None, max_length=32)
    description: str = Field(max_length=10000)
    address: str = Field(max_length=1000)
    county_code: UnitCode
    township_code: UnitCode | None = None
    subject_name: str | None = Field(default=None, max_length=1000)
    subject_credit_code: str | None = Field(default=None, max_length=64)
    reporter_name: str | None = Field(default=None, max_length=200)
    reporter_phone: str | None = Field(default=None, max_length=64)
    latitude: float | None = None
    longitude: float | None = None
    due_by: str | None = Field(
        default=None, max_length=64, description="the deadline the sender set (督察交办)"
    )


class IntakeOut(Answer):
    """The clue an intake became."""

    code: ClueCode
    status: str


class UploadState(Answer):
    """How much of an attachment the platform has from this device."""

    received: Count
    size: Count | None = None
    complete: bool


class ChunkAnswer(Answer):
    """The answer to an uploaded chunk."""

    received: Count
    complete: bool


class ErrorDetail(Answer):
    """What went wrong: a code, a message in Chinese (and maybe as a template the client
    renders in its language) and the field it concerns."""

    model_config = Answer.model_config | {"extra": "allow"}

    code: str
    message: str
    template: MessageTemplate | None = None
    field: str | None = None


class ErrorBody(Answer):
    """Every 4xx and 5xx answer: {"error": {"code", "message", "field"?}}."""

    model_config = Answer.model_config | {"extra": "allow"}

    error: ErrorDetail


class HealthOut(Answer):
    """GET /health."""

    status: str
