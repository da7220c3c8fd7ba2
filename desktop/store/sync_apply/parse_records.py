"""Checking the sub-records of a clue (notices, penalty cases) the platform sends inside clue
objects and push answers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from desktop.domain.cases import CaseState
from desktop.domain.notices import NoticeState
from desktop.store.record_kinds import RecordState
from desktop.store.sync_apply.parse import ServerEvent, SyncDataError
from desktop.wire import records as wire

S = TypeVar("S", bound=RecordState)


@dataclass(frozen=True)
class ServerRecord(Generic[S]):
    """A notice or case object of the protocol, checked: its id, version, state and history."""

    record_id: str
    version: int
    state: S
    events: tuple[ServerEvent, ...]

    def snapshot(self) -> dict[str, Any]:
        """The state as the JSON `server_state` column keeps."""
        return self.state.to_dict()

    @property
    def updated_at(self) -> datetime:
        """The instant of the record's last recorded change."""
        return max((e.at for e in self.events), default=self.state.created_at)


ServerNotice = ServerRecord[NoticeState]
ServerCase = ServerRecord[CaseState]


def _server_record(
    item: wire.NoticeOut | wire.CaseOut,
    record_id: str,
    from_dict: Callable[[Any], S],
    clue_code: str | None,
    path: str,
    what: str,
) -> ServerRecord[S]:
    """The store's view of a checked wire record (its state read by the domain)."""
    data = item.model_dump(mode="json", exclude={"version", "events"})
    try:
        state = from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
        raise SyncDataError(path, f"{what}内容无效：{exc!r}") from None
    if clue_code is not None:
        state = state.evolve(clue_code=clue_code)
    return ServerRecord(record_id, item.version, state, tuple(item.events))


def server_notice(
    notice: wire.NoticeOut, clue_code: str | None = None, path: str = "notice"
) -> ServerNotice:
    """The store's view of a checked wire notice."""
    return _server_record(
        notice, notice.notice_id, NoticeState.from_dict, clue_code, path, "通知书"
    )


def server_case(case: wire.CaseOut, clue_code: str | None = None, path: str = "case") -> ServerCase:
    """The store's view of a checked wire case."""
    return _server_record(case, case.case_id, CaseState.from_dict, clue_code, path, "案件")
