"""A clue as the rules see it: its descriptive draft and its workflow state."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from desktop.domain.codes import (
    CallbackResult,
    Category,
    Channel,
    Finding,
    Labelled,
    Priority,
    Status,
    UnitKind,
)
from desktop.domain.messages import Message, labels
from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.domain.units import UnitDirectory
from desktop.domain.validators import (
    ValidationError,
    parse_datetime,
    require_text,
    validate_credit_code,
    validate_phone,
)


@dataclass(frozen=True)
class ClueDraft:
    """The descriptive fields of a clue, as registered (validated by `validate_draft`)."""

    channel: Channel
    received_at: datetime
    category: Category
    priority: Priority
    description: str
    address: str
    county_code: str
    township_code: str | None = None
    subject_name: str = ""
    subject_credit_code: str = ""
    reporter_name: str = ""
    reporter_phone: str = ""
    latitude: float | None = None
    longitude: float | None = None
    channel_ref: str = ""
    due_by: datetime | None = None

    def to_payload(self) -> dict[str, Any]:
        """JSON-ready form, the payload of a register action."""
        return {
            "channel": self.channel.value,
            "received_at": self.received_at.isoformat(),
            "category": self.category.value,
            "priority": self.priority.value,
            "description": self.description,
            "address": self.address,
            "county_code": self.county_code,
            "township_code": self.township_code,
            "subject_name": self.subject_name,
            "subject_credit_code": self.subject_credit_code,
            "reporter_name": self.reporter_name,
            "reporter_phone": self.reporter_phone,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "channel_ref": self.channel_ref,
            "due_by": self.due_by.isoformat() if self.due_by is not None else None,
        }


def choice(enum: type[Labelled], value: Any, key: str) -> Any:
    """The member of `enum` named by `value` (code or label); ValidationError on `key`."""
    try:
        return enum.from_text(str(value or ""))
    except ValueError:
        raise ValidationError(
            key,
            Message(
                "「{value}」不是有效选项（可选：{options}）", value=str(value), options=labels(enum)
            ),
        ) from None


def _coordinate(value: Any, field_label: str, low: float, high: float) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(
            field_label, Message("「{value}」不是数字", value=str(value))
        ) from None
    if not low <= number <= high:
        raise ValidationError(
            field_label, Message("应在 {low} 到 {high} 之间", low=str(low), high=str(high))
        )
    return number


def validate_draft(data: Mapping[str, Any], units: UnitDirectory, now: datetime) -> ClueDraft:
    """Check every field of a new clue; raise ValidationError naming the first bad field."""
    channel = choice(Channel, data.get("channel"), "channel")
    category = choice(Category, data.get("category"), "category")
    priority = choice(Priority, data.get("priority") or Priority.NORMAL.value, "priority")
    raw_received = data.get("received_at")
    if isinstance(raw_received, datetime):
        if raw_received.tzinfo is None:
            raw_received = raw_received.replace(tzinfo=CHINA_TZ)
        received = to_china(raw_received)
    else:
        received = parse_datetime(str(raw_received or ""), "received_at")
    if received > to_china(now):
        raise ValidationError("received_at", Message("不能晚于当前时间"))
    description = require_text(data.get("description"), "description", 4000)
    address = require_text(data.get("address"), "address", 200)
    county_code = str(data.get("county_code") or "")
    county = units.get(county_code)
    if county is None or county.county_code != county_code or not county.dispatches:
        raise ValidationError("county_code", Message("「{code}」不是有效的县区", code=county_code))
    township_code = data.get("township_code") or None
    if township_code is not None:
        township = units.get(str(township_code))
        if (
            township is None
            or township.county_code != county_code
            or township.kind not in (UnitKind.TOWNSHIP, UnitKind.STREET)
        ):
            raise ValidationError(
                "township_code",
                Message("「{code}」不属于{county}", code=str(township_code), county=county.name),
            )
    subject_name = require_text(data.get("subject_name"), "subject_name", 200, required=False)
    credit = str(data.get("subject_credit_code") or "").strip()
    if credit:
        credit = validate_credit_code(credit)
    reporter_name = require_text(data.get("reporter_name"), "reporter_name", 50, required=False)
    phone = str(data.get("reporter_phone") or "").strip()
    if phone:
        phone = validate_phone(phone, "reporter_phone")
    channel_ref = require_text(data.get("channel_ref"), "channel_ref", 100, required=False)
    if "\n" in channel_ref:
        raise ValidationError("channel_ref", Message("应为一行编号"))
    raw_due = data.get("due_by")
    due_by = None
    if raw_due not in (None, ""):
        due_by = parse_datetime(str(raw_due), "due_by")
        if due_by <= received:
            raise ValidationError("due_by", Message("必须晚于受理时间"))
    return ClueDraft(
        channel=channel,
        received_at=received,
        category=category,
        priority=priority,
        description=description,
        address=address,
        county_code=county_code,
        township_code=str(township_code) if township_code else None,
        subject_name=subject_name,
        subject_credit_code=credit,
        reporter_name=reporter_name,
        reporter_phone=phone,
        latitude=_coordinate(data.get("latitude"), "latitude", -90, 90),
        longitude=_coordinate(data.get("longitude"), "longitude", -180, 180),
        channel_ref=channel_ref,
        due_by=due_by,
    )


@dataclass(frozen=True)
class ClueState:
    """The workflow state of one clue: what the transition rules read and write."""

    code: str
    status: Status
    priority: Priority
    county_code: str
    registered_at: datetime
    township_code: str | None = None
    lead_unit: str | None = None
    assisting_units: tuple[str, ...] = ()
    dispatched_at: datetime | None = None
    signed_at: datetime | None = None
    reported_at: datetime | None = None
    closed_at: datetime | None = None
    deadline: datetime | None = None
    handle_deadline: datetime | None = None
    extension_requested_days: int = 0
    extended_days: int = 0
    channel: Channel | None = None
    owner_unit: str | None = None
    """The tackling office that owns the clue: it dispatches, reviews and closes it."""
    due_by: datetime | None = None
    """The deadline the sender set at intake (督察交办), which no handling deadline passes."""
    finding: Finding | None = None
    callback: CallbackResult | None = None
    duplicate_of: str | None = None
    extension_count: int = 0
    extra: Mapping[str, Any] = field(default_factory=dict)

    def evolve(self, **changes: Any) -> ClueState:
        """A copy with some fields changed."""
        return replace(self, **changes)


STATE_FIELDS = (
    "status",
    "priority",
    "county_code",
    "township_code",
    "registered_at",
    "lead_unit",
    "dispatched_at",
    "signed_at",
    "reported_at",
    "closed_at",
    "deadline",
    "handle_deadline",
    "extension_requested_days",
    "extended_days",
    "channel",
    "owner_unit",
    "due_by",
    "finding",
    "callback",
    "duplicate_of",
    "extension_count",
)
"""The fields of a clue's workflow state as records (rows, JSON) hold them, besides its code."""


def state_from_record(record: Any, assisting: Sequence[str]) -> ClueState:
    """The workflow state held by a record with `code` and the STATE_FIELDS as attributes."""
    values = {name: getattr(record, name) for name in STATE_FIELDS}
    values["status"] = Status(values["status"])
    values["priority"] = Priority(values["priority"])
    for name, enum in _ENUM_FIELDS.items():
        if values[name] is not None:
            values[name] = enum(values[name])
    return ClueState(code=record.code, assisting_units=tuple(assisting), **values)


def state_record(state: ClueState) -> dict[str, Any]:
    """The STATE_FIELDS of a state as a record stores them (codes as plain strings)."""
    values = {name: getattr(state, name) for name in STATE_FIELDS}
    values["status"] = state.status.value
    values["priority"] = state.priority.value
    for name in _ENUM_FIELDS:
        if values[name] is not None:
            values[name] = values[name].value
    return values


_ENUM_FIELDS: Mapping[str, type[Labelled]] = {
    "channel": Channel,
    "finding": Finding,
    "callback": CallbackResult,
}


def draft_record(draft: ClueDraft) -> dict[str, Any]:
    """The registered description as a record stores it (codes as plain strings)."""
    return {
        "channel": draft.channel.value,
        "category": draft.category.value,
        "priority": draft.priority.value,
        "received_at": draft.received_at,
        "reporter_name": draft.reporter_name,
        "reporter_phone": draft.reporter_phone,
        "address": draft.address,
        "county_code": draft.county_code,
        "township_code": draft.township_code,
        "latitude": draft.latitude,
        "longitude": draft.longitude,
        "subject_name": draft.subject_name,
        "subject_credit_code": draft.subject_credit_code,
        "description": draft.description,
        "channel_ref": draft.channel_ref,
    }
