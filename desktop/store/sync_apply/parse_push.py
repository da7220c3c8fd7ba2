"""Checking a push answer: its results and the workflow `state` an applied result carries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.domain.codes import Priority, Status
from desktop.store.sync_apply.parse import (
    OPTIONAL_TIME_FIELDS,
    ServerClue,
    SyncDataError,
    as_list,
    as_mapping,
    choice_field,
    count_field,
    field,
    parse_clue,
    state_snapshot,
    text_field,
    time_field,
)
from desktop.store.sync_apply.parse_notice import ServerNotice, parse_notice

PUSH_STATUSES = ("applied", "duplicate", "rejected", "retry")


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


def parse_state(data: Any, path: str = "state") -> ServerState:
    """Check a push result's `state` object."""
    data = as_mapping(data, path)
    values: dict[str, Any] = {
        "status": choice_field(data, "status", path, Status),
        "priority": choice_field(data, "priority", path, Priority),
        "county_code": text_field(data, "county_code", path),
        "lead_unit": text_field(data, "lead_unit", path, optional=True) or None,
        "registered_at": time_field(data, "registered_at", path),
    }
    for name in OPTIONAL_TIME_FIELDS:
        values[name] = time_field(data, name, path, optional=True)
    for name in ("extension_requested_days", "extended_days"):
        values[name] = count_field(data, name, path)
    assisting = as_list(field(data, "assisting_units", path), f"{path}.assisting_units")
    if not all(isinstance(unit, str) and unit for unit in assisting):
        raise SyncDataError(f"{path}.assisting_units", "应为单位编码的数组")
    return ServerState(values, tuple(dict.fromkeys(assisting)))


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


def parse_push_result(data: Any, path: str) -> PushResult:
    """Check one entry of a push answer's `results`."""
    data = as_mapping(data, path)
    status = field(data, "status", path)
    if status not in PUSH_STATUSES:
        raise SyncDataError(f"{path}.status", f"未知的结果：{status!r}")
    raw_clue = data.get("clue")
    clue = parse_clue(raw_clue, f"{path}.clue") if raw_clue is not None else None
    code = reason = ""
    if status == "rejected":
        code = text_field(data, "code", path)
        reason = text_field(data, "reason", path, optional=True) or code
        bad = data.get("field")
        if isinstance(bad, str) and bad and bad not in reason:
            reason = f"{reason}（{bad}）"
    clue_code = data.get("clue_code")
    seq: int | None = None
    state: ServerState | None = None
    if status in ("applied", "duplicate"):
        clue_code = text_field(data, "clue_code", path)
        if data.get("state") is not None:
            seq = count_field(data, "seq", path)
            state = parse_state(data["state"], f"{path}.state")
    elif clue_code is not None and not isinstance(clue_code, str):
        raise SyncDataError(f"{path}.clue_code", "应为字符串")
    notice: ServerNotice | None = None
    if status == "applied" and data.get("notice") is not None:
        seq = count_field(data, "seq", path)
        notice = parse_notice(data["notice"], f"{path}.notice", clue_code)
    action_id = text_field(data, "action_id", path)
    if "provisional_code" in data:  # checked for shape only: `clue_code` is what counts
        text_field(data, "provisional_code", path, optional=True)
    return PushResult(
        action_id=action_id,
        status=status,
        clue_code=clue_code,
        code=code,
        reason=reason,
        clue=clue,
        seq=seq,
        state=state,
        notice=notice,
    )
