"""Checking a push answer: its results and the workflow `state` an applied result carries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from desktop.store.sync_apply.parse import (
    ServerClue,
    SyncDataError,
    checked,
    plain,
    server_clue,
    state_snapshot,
)
from desktop.store.sync_apply.parse_records import (
    ServerCase,
    ServerNotice,
    server_case,
    server_notice,
)
from desktop.wire import records as wire
from desktop.wire import sync as wire_sync
from desktop.wire.base import localized

PUSH_STATUSES: tuple[str, ...] = get_args(wire_sync.PushResult.model_fields["status"].annotation)
"""The answers a pushed action may get (the wire's)."""
STATE_VALUE_FIELDS = tuple(
    name for name in wire.ClueState.model_fields if name != "assisting_units"
)


@dataclass(frozen=True)
class ServerState:
    """A clue's workflow state right after an applied action, as the platform sends it."""

    values: dict[str, Any]
    assisting_units: tuple[str, ...]

    def snapshot(self) -> dict[str, Any]:
        """The state as the JSON `server_state` keeps."""
        return state_snapshot(self.values, self.assisting_units)

    def unit_codes(self) -> set[str]:
        """Every unit the state refers to (they must be in the directory)."""
        codes = {self.values["county_code"], *self.assisting_units}
        if self.values["lead_unit"]:
            codes.add(self.values["lead_unit"])
        return codes


def server_state(state: wire.ClueState) -> ServerState:
    """The store's view of a checked workflow state."""
    values = {name: plain(getattr(state, name)) for name in STATE_VALUE_FIELDS}
    return ServerState(values, tuple(dict.fromkeys(state.assisting_units)))


def parse_state(data: Any, path: str = "state") -> ServerState:
    """Check a push result's `state` object."""
    return server_state(checked(wire.ClueState, data, path))


@dataclass(frozen=True)
class PushResult:
    """One checked result of a push answer."""

    action_id: str
    status: str
    clue_code: str | None
    code: str
    reason: str
    clue: ServerClue | None
    seq: int | None = None
    state: ServerState | None = None
    notice: ServerNotice | None = None
    """The notice an applied notice action left (notice actions answer no clue `state`)."""
    case: ServerCase | None = None
    """The penalty case an applied case action left (case actions answer no clue `state`)."""


def push_result(result: wire_sync.PushResult, path: str) -> PushResult:
    """The store's view of one checked result."""
    status = result.status
    code = reason = ""
    if status == "rejected":
        if not result.code:
            raise SyncDataError(f"{path}.code", "被拒绝的操作缺少原因代码")
        code = result.code
        reason = localized(result.reason or code, result.template)
        if result.template is None and result.field and result.field not in reason:
            reason = f"{reason}（{result.field}）"
    seq = state = notice = case = None
    if status in ("applied", "duplicate"):
        if not result.clue_code:
            raise SyncDataError(f"{path}.clue_code", "缺少该字段")
        if result.state is not None or result.notice is not None or result.case is not None:
            if result.seq is None:
                raise SyncDataError(f"{path}.seq", "缺少该字段")
            seq = result.seq
        if result.state is not None:
            state = server_state(result.state)
    if status == "applied" and result.notice is not None:
        notice = server_notice(result.notice, result.clue_code, f"{path}.notice")
    if status == "applied" and result.case is not None:
        case = server_case(result.case, result.clue_code, f"{path}.case")
    return PushResult(
        action_id=result.action_id,
        status=status,
        clue_code=result.clue_code,
        code=code,
        reason=reason,
        clue=server_clue(result.clue) if result.clue is not None else None,
        seq=seq,
        state=state,
        notice=notice,
        case=case,
    )


def parse_push_result(data: Any, path: str) -> PushResult:
    """Check one entry of a push answer's `results`."""
    return push_result(checked(wire_sync.PushResult, data, path), path)
