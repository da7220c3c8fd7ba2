"""Checking the platform's JSON: clue objects and pull-page changes (push answers: `parse_push`).

Everything the platform sends is parsed completely into frozen dataclasses before any store
transaction starts; a malformed answer raises `SyncDataError` naming the bad part and
changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from desktop.domain.codes import Category, Channel, Labelled, Priority, Status
from desktop.domain.timeutil import to_china
from desktop.store.clue_rows import STATE_COLUMNS

if TYPE_CHECKING:
    from desktop.store.sync_apply.parse_notice import ServerNotice


class SyncDataError(ValueError):
    """Platform data that does not have the protocol's shape; `path` names the bad part."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}：{problem}")
        self.path = path
        self.problem = problem


class UnknownUnitsError(SyncDataError):
    """Clues name units the local directory does not have (refresh the directory)."""

    def __init__(self, codes: Iterable[str]) -> None:
        self.codes = sorted(codes)
        super().__init__("units", "本地单位目录中没有：" + "、".join(self.codes))


# ---------------------------------------------------------------- fields


def field(data: Mapping[str, Any], key: str, path: str) -> Any:
    """The value of a required key (any type)."""
    if key not in data:
        raise SyncDataError(f"{path}.{key}", "缺少该字段")
    return data[key]


def text_field(data: Mapping[str, Any], key: str, path: str, *, optional: bool = False) -> Any:
    """A string value (None allowed when `optional`)."""
    value = field(data, key, path)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise SyncDataError(f"{path}.{key}", f"应为字符串，而不是 {value!r}")
    return value


def count_field(data: Mapping[str, Any], key: str, path: str) -> int:
    """A non-negative integer value."""
    value = field(data, key, path)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SyncDataError(f"{path}.{key}", f"应为非负整数，而不是 {value!r}")
    return value


def time_field(data: Mapping[str, Any], key: str, path: str, *, optional: bool = False) -> Any:
    """An ISO 8601 instant with its offset, in China time (None allowed when `optional`)."""
    value = text_field(data, key, path, optional=optional)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise SyncDataError(f"{path}.{key}", f"不是 ISO 8601 时间：{value!r}") from None
    if moment.tzinfo is None:
        raise SyncDataError(f"{path}.{key}", f"时间缺少时区：{value!r}")
    return to_china(moment)


@cache
def codes_of(enum: type[Labelled]) -> frozenset[str]:
    """The codes of `enum` (computed once)."""
    return frozenset(member.value for member in enum)


def choice_field(data: Mapping[str, Any], key: str, path: str, enum: type[Labelled]) -> str:
    """A code of `enum`."""
    value = text_field(data, key, path)
    if value not in codes_of(enum):
        raise SyncDataError(f"{path}.{key}", f"不是有效的代码：{value!r}")
    return str(value)


def number_field(data: Mapping[str, Any], key: str, path: str) -> float | None:
    """A number or null (coordinates)."""
    value = field(data, key, path)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SyncDataError(f"{path}.{key}", f"应为数字，而不是 {value!r}")
    return float(value)


def as_mapping(value: Any, path: str) -> Mapping[str, Any]:
    """`value` if it is a JSON object."""
    if not isinstance(value, Mapping):
        raise SyncDataError(path, f"应为对象，而不是 {type(value).__name__}")
    return value


def as_list(value: Any, path: str) -> list[Any]:
    """`value` if it is a JSON array."""
    if not isinstance(value, list):
        raise SyncDataError(path, f"应为数组，而不是 {type(value).__name__}")
    return value


# ---------------------------------------------------------------- clue objects

_SHA256 = re.compile(r"[0-9a-f]{64}")

ENUM_FIELDS: dict[str, type[Labelled]] = {
    "channel": Channel,
    "category": Category,
    "priority": Priority,
    "status": Status,
}
TEXT_FIELDS = ("address", "county_code", "description")
BLANKABLE_FIELDS = ("reporter_name", "reporter_phone", "subject_name", "subject_credit_code")
OPTIONAL_TEXT_FIELDS = ("township_code", "lead_unit", "registered_by_unit")
OPTIONAL_TIME_FIELDS = (
    "dispatched_at",
    "signed_at",
    "reported_at",
    "closed_at",
    "deadline",
    "handle_deadline",
)


def state_snapshot(values: Mapping[str, Any], assisting: Iterable[str]) -> dict[str, Any]:
    """The workflow state of checked `values` as the JSON `server_state` keeps."""
    snap: dict[str, Any] = {}
    for name in STATE_COLUMNS:
        value = values[name]
        snap[name] = value.isoformat() if isinstance(value, datetime) else value
    snap["assisting_units"] = list(assisting)
    return snap


@dataclass(frozen=True)
class ServerEvent:
    """One history entry as the platform sends it."""

    action_id: str
    action: str
    username: str
    unit_code: str
    device_id: str
    at: datetime
    from_status: str | None
    to_status: str
    note: str
    details: dict[str, Any]

    def row(self) -> dict[str, Any]:
        """The entry as a confirmed history row (without the clue's or notice's key)."""
        return {**asdict(self), "pending": False}


@dataclass(frozen=True)
class ServerAttachment:
    """One attachment of a clue as the platform sends it."""

    sha256: str
    name: str
    size: int
    media_type: str
    added_at: datetime
    added_by: str


@dataclass(frozen=True)
class ServerClue:
    """A clue object of the protocol, checked and turned into column values."""

    code: str
    version: int
    values: dict[str, Any]
    assisting_units: tuple[str, ...]
    events: tuple[ServerEvent, ...]
    attachments: tuple[ServerAttachment, ...]
    notices: tuple[ServerNotice, ...] = ()

    def snapshot(self) -> dict[str, Any]:
        """The workflow state as JSON: what `server_state` keeps to rebuild the view from."""
        return state_snapshot(self.values, self.assisting_units)

    @property
    def updated_at(self) -> datetime:
        """The instant of the clue's last recorded change."""
        return max((e.at for e in self.events), default=self.values["registered_at"])

    def search_values(self) -> tuple[str, str, str, str]:
        """What the search index holds of the clue: code, subject, address, description."""
        v = self.values
        return (self.code, v["subject_name"], v["address"], v["description"])

    def unit_codes(self) -> set[str]:
        """Every unit the clue's columns refer to (they must be in the directory)."""
        codes = {self.values["county_code"], *self.assisting_units}
        for name in ("township_code", "lead_unit"):
            if self.values[name]:
                codes.add(self.values[name])
        codes.update(notice.state.unit_code for notice in self.notices)
        return codes


def parse_event(
    data: Any, path: str, statuses: type[Labelled] = Status, what: str = "状态"
) -> ServerEvent:
    """Check one history entry (of a clue, or of a notice with `statuses` NoticeStatus)."""
    data = as_mapping(data, path)
    details = field(data, "details", path)
    if details is not None and not isinstance(details, Mapping):
        raise SyncDataError(f"{path}.details", "应为对象")
    from_status = text_field(data, "from_status", path, optional=True)
    for key, value in (("from_status", from_status), ("to_status", data.get("to_status"))):
        if value is not None and value not in codes_of(statuses):
            raise SyncDataError(f"{path}.{key}", f"不是有效的{what}：{value!r}")
    return ServerEvent(
        action_id=text_field(data, "action_id", path),
        action=text_field(data, "action", path),
        username=text_field(data, "username", path),
        unit_code=text_field(data, "unit_code", path),
        device_id=text_field(data, "device_id", path, optional=True) or "",
        at=time_field(data, "at", path),
        from_status=from_status,
        to_status=text_field(data, "to_status", path),
        note=text_field(data, "note", path, optional=True) or "",
        details=dict(details or {}),
    )


def _attachment(data: Any, path: str) -> ServerAttachment:
    data = as_mapping(data, path)
    sha256 = text_field(data, "sha256", path)
    if not _SHA256.fullmatch(sha256):
        raise SyncDataError(f"{path}.sha256", f"不是 SHA-256 摘要：{sha256!r}")
    return ServerAttachment(
        sha256=sha256,
        name=text_field(data, "name", path),
        size=count_field(data, "size", path),
        media_type=text_field(data, "media_type", path, optional=True)
        or "application/octet-stream",
        added_at=time_field(data, "added_at", path),
        added_by=text_field(data, "added_by", path, optional=True) or "",
    )


def parse_clue(data: Any, path: str = "clue") -> ServerClue:
    """Check a protocol clue object; raise SyncDataError naming the first bad field."""
    data = as_mapping(data, path)
    code = text_field(data, "code", path)
    if not code or len(code) > 40:
        raise SyncDataError(f"{path}.code", f"线索编号无效：{code!r}")
    values: dict[str, Any] = {
        name: choice_field(data, name, path, enum) for name, enum in ENUM_FIELDS.items()
    }
    for name in TEXT_FIELDS:
        values[name] = text_field(data, name, path)
    for name in BLANKABLE_FIELDS:
        values[name] = text_field(data, name, path, optional=True) or ""
    for name in OPTIONAL_TEXT_FIELDS:
        values[name] = text_field(data, name, path, optional=True) or None
    for name in ("received_at", "registered_at"):
        values[name] = time_field(data, name, path)
    for name in OPTIONAL_TIME_FIELDS:
        values[name] = time_field(data, name, path, optional=True)
    for name in ("extension_requested_days", "extended_days"):
        values[name] = count_field(data, name, path)
    for name in ("latitude", "longitude"):
        values[name] = number_field(data, name, path)
    assisting = as_list(field(data, "assisting_units", path), f"{path}.assisting_units")
    if not all(isinstance(unit, str) and unit for unit in assisting):
        raise SyncDataError(f"{path}.assisting_units", "应为单位编码的数组")
    events = as_list(field(data, "events", path), f"{path}.events")
    attachments = as_list(field(data, "attachments", path), f"{path}.attachments")
    notices: tuple[ServerNotice, ...] = ()
    if data.get("notices"):  # optional: a clue without notices may leave it out
        from desktop.store.sync_apply.parse_notice import parse_notices

        notices = parse_notices(data["notices"], f"{path}.notices", code)
    return ServerClue(
        code=code,
        version=count_field(data, "version", path),
        values=values,
        assisting_units=tuple(dict.fromkeys(assisting)),
        events=tuple(parse_event(e, f"{path}.events[{i}]") for i, e in enumerate(events)),
        attachments=tuple(
            _attachment(a, f"{path}.attachments[{i}]") for i, a in enumerate(attachments)
        ),
        notices=notices,
    )


# ---------------------------------------------------------------- pull pages


@dataclass(frozen=True)
class Change:
    """One entry of a pull page: a clue's newest state, or a tombstone (`clue` None)."""

    seq: int
    code: str
    clue: ServerClue | None


def parse_changes(changes: Any, path: str = "changes") -> list[Change]:
    """Check the `changes` array of a pull page."""
    out = []
    for i, item in enumerate(as_list(changes, path)):
        where = f"{path}[{i}]"
        item = as_mapping(item, where)
        kind = field(item, "kind", where)
        seq = count_field(item, "seq", where)
        if kind == "clue":
            clue = parse_clue(field(item, "clue", where), f"{where}.clue")
            out.append(Change(seq, clue.code, clue))
        elif kind == "tombstone":
            out.append(Change(seq, text_field(item, "clue_code", where), None))
        else:
            raise SyncDataError(f"{where}.kind", f"未知的变更类型：{kind!r}")
    return out
