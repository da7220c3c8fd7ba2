"""Checking the penalty-case objects the platform sends inside clue objects and push answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.cases import CaseState
from desktop.store.sync_apply.parse import ServerEvent, SyncDataError, checked
from desktop.wire import records as wire


@dataclass(frozen=True)
class ServerCase:
    """A case object of the protocol, checked: its version, state and history."""

    case_id: str
    version: int
    state: CaseState
    events: tuple[ServerEvent, ...]

    def snapshot(self) -> dict[str, Any]:
        """The state as the JSON `cases.server_state` keeps."""
        return self.state.to_dict()

    @property
    def updated_at(self) -> datetime:
        """The instant of the case's last recorded change."""
        return max((e.at for e in self.events), default=self.state.created_at)


def server_case(case: wire.CaseOut, clue_code: str | None = None, path: str = "case") -> ServerCase:
    """The store's view of a checked wire case (its state read by the domain)."""
    data = case.model_dump(mode="json", exclude={"version", "events"})
    try:
        state = CaseState.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
        raise SyncDataError(path, f"案件内容无效：{exc!r}") from None
    if clue_code is not None:
        state = state.evolve(clue_code=clue_code)
    return ServerCase(
        case_id=case.case_id, version=case.version, state=state, events=tuple(case.events)
    )


def parse_case(data: Any, path: str = "case", clue_code: str | None = None) -> ServerCase:
    """Check a protocol case object; raise SyncDataError naming the bad part."""
    return server_case(checked(wire.CaseOut, data, path), clue_code, path)
