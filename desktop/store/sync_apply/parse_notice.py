"""Checking the notice objects the platform sends inside clue objects and push answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.notices import NoticeState
from desktop.store.sync_apply.parse import (
    ServerEvent,
    SyncDataError,
    checked,
)
from desktop.wire import records as wire


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


def server_notice(
    notice: wire.NoticeOut, clue_code: str | None = None, path: str = "notice"
) -> ServerNotice:
    """The store's view of a checked wire notice (its state read by the domain)."""
    data = notice.model_dump(mode="json", exclude={"version", "events"})
    try:
        state = NoticeState.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SyncDataError(path, f"通知书内容无效：{exc!r}") from None
    if clue_code is not None:
        state = state.evolve(clue_code=clue_code)
    return ServerNotice(
        notice_id=notice.notice_id,
        version=notice.version,
        state=state,
        events=tuple(notice.events),
    )


def parse_notice(data: Any, path: str = "notice", clue_code: str | None = None) -> ServerNotice:
    """Check a protocol notice object; raise SyncDataError naming the bad part."""
    return server_notice(checked(wire.NoticeOut, data, path), clue_code, path)
