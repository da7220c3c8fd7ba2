"""Checking the notice objects the platform sends inside clue objects and push answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.notices import NoticeState, NoticeStatus
from desktop.store.sync_apply.parse import (
    SyncDataError,
    as_list,
    as_mapping,
    codes_of,
    count_field,
    field,
    text_field,
    time_field,
)


@dataclass(frozen=True)
class ServerNoticeEvent:
    """One history entry of a notice as the platform sends it."""

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


@dataclass(frozen=True)
class ServerNotice:
    """A notice object of the protocol, checked: its version, state and history."""

    notice_id: str
    version: int
    state: NoticeState
    events: tuple[ServerNoticeEvent, ...]

    def snapshot(self) -> dict[str, Any]:
        """The state as the JSON `notices.server_state` keeps."""
        return self.state.to_dict()

    @property
    def updated_at(self) -> datetime:
        """The instant of the notice's last recorded change."""
        return max((e.at for e in self.events), default=self.state.created_at)


def _event(data: Any, path: str) -> ServerNoticeEvent:
    data = as_mapping(data, path)
    details = field(data, "details", path)
    if details is not None and not isinstance(details, Mapping):
        raise SyncDataError(f"{path}.details", "应为对象")
    from_status = text_field(data, "from_status", path, optional=True)
    to_status = text_field(data, "to_status", path)
    for key, value in (("from_status", from_status), ("to_status", to_status)):
        if value is not None and value not in codes_of(NoticeStatus):
            raise SyncDataError(f"{path}.{key}", f"不是有效的通知书状态：{value!r}")
    return ServerNoticeEvent(
        action_id=text_field(data, "action_id", path),
        action=text_field(data, "action", path),
        username=text_field(data, "username", path),
        unit_code=text_field(data, "unit_code", path),
        device_id=text_field(data, "device_id", path, optional=True) or "",
        at=time_field(data, "at", path),
        from_status=from_status,
        to_status=to_status,
        note=text_field(data, "note", path, optional=True) or "",
        details=dict(details or {}),
    )


def parse_notice(data: Any, path: str = "notice", clue_code: str | None = None) -> ServerNotice:
    """Check a protocol notice object; raise SyncDataError naming the bad part."""
    data = as_mapping(data, path)
    notice_id = text_field(data, "notice_id", path)
    version = count_field(data, "version", path)
    try:
        state = NoticeState.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SyncDataError(path, f"通知书内容无效：{exc!r}") from None
    if clue_code is not None:
        state = state.evolve(clue_code=clue_code)
    events = as_list(field(data, "events", path), f"{path}.events")
    return ServerNotice(
        notice_id=notice_id,
        version=version,
        state=state,
        events=tuple(_event(e, f"{path}.events[{i}]") for i, e in enumerate(events)),
    )


def parse_notices(data: Any, path: str, clue_code: str) -> tuple[ServerNotice, ...]:
    """The `notices` array of a clue object (absent: none)."""
    if data is None:
        return ()
    items = as_list(data, path)
    return tuple(parse_notice(n, f"{path}[{i}]", clue_code) for i, n in enumerate(items))
