"""Checking the notice objects the platform sends inside clue objects and push answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.notices import NoticeState, NoticeStatus
from desktop.store.sync_apply.parse import (
    ServerEvent,
    SyncDataError,
    as_list,
    as_mapping,
    count_field,
    field,
    parse_event,
    text_field,
)


@dataclass(frozen=True)
class ServerNotice:
    """A notice object of the protocol, checked: its version, state and history."""

    notice_id: str
    version: int
    state: NoticeState
    events: tuple[ServerEvent, ...]

    def snapshot(self) -> dict[str, Any]:
        """The state as the JSON `notices.server_state` keeps."""
        return self.state.to_dict()

    @property
    def updated_at(self) -> datetime:
        """The instant of the notice's last recorded change."""
        return max((e.at for e in self.events), default=self.state.created_at)


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
        events=tuple(
            parse_event(e, f"{path}.events[{i}]", NoticeStatus, "通知书状态")
            for i, e in enumerate(events)
        ),
    )


def parse_notices(data: Any, path: str, clue_code: str) -> tuple[ServerNotice, ...]:
    """The `notices` array of a clue object (absent: none)."""
    if data is None:
        return ()
    items = as_list(data, path)
    return tuple(parse_notice(n, f"{path}[{i}]", clue_code) for i, n in enumerate(items))
