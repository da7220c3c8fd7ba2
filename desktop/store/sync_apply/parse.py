"""Checking the platform's JSON: clue objects and pull-page changes (push answers: `parse_push`).

The shapes are the wire format's (`desktop.wire`): everything the platform sends is checked
against those models and turned into frozen dataclasses before any store transaction starts;
a malformed answer raises `SyncDataError` naming the bad part and changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from desktop.store.clue_rows import STATE_COLUMNS
from desktop.wire import records as wire
from desktop.wire.base import WireError, parse_wire

if TYPE_CHECKING:
    from desktop.store.sync_apply.parse_records import ServerCase, ServerNotice


class SyncDataError(ValueError):
    """Platform data that does not have the protocol's shape; `path` names the bad part."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}：{problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[Any, ...]:  # handed over from a second process
        return (type(self), (self.path, self.problem))

    @classmethod
    def of(cls, exc: WireError) -> SyncDataError:
        """The same complaint as a SyncDataError."""
        return cls(exc.path, exc.problem)


class UnknownUnitsError(SyncDataError):
    """Clues name units the local directory does not have (refresh the directory)."""

    def __init__(self, codes: Iterable[str]) -> None:
        self.codes = sorted(codes)
        super().__init__("units", "本地单位目录中没有：" + "、".join(self.codes))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.codes,))


def checked(kind: Any, data: Any, path: str) -> Any:
    """`data` (JSON text or decoded JSON, or already a wire object) checked as `kind`."""
    if isinstance(kind, type) and isinstance(data, kind):
        return data
    try:
        return parse_wire(kind, data, path)
    except WireError as exc:
        raise SyncDataError.of(exc) from None


def plain(value: Any) -> Any:
    """A code enum as its plain string (what the store's columns hold)."""
    return value.value if isinstance(value, Enum) else value


# ---------------------------------------------------------------- clue objects

NESTED_FIELDS = frozenset(
    {
        "code",
        "version",
        "assisting_units",
        "events",
        "attachments",
        "notices",
        "cases",
        "warnings",
    }
)
VALUE_FIELDS = tuple(name for name in wire.ClueOut.model_fields if name not in NESTED_FIELDS)
"""The clue object's fields that are columns of the local clue row."""


def state_snapshot(values: Mapping[str, Any], assisting: Iterable[str]) -> dict[str, Any]:
    """The workflow state of checked `values` as the JSON `server_state` keeps."""
    snap: dict[str, Any] = {}
    for name in STATE_COLUMNS:
        value = values[name]
        snap[name] = value.isoformat() if isinstance(value, datetime) else value
    snap["assisting_units"] = list(assisting)
    return snap


ServerEvent = wire.Event
"""One history entry as the platform sends it (the wire's record)."""

ServerAttachment = wire.AttachmentOut
"""One attachment of a clue as the platform sends it (the wire's record)."""


def event_row(event: wire.Event) -> dict[str, Any]:
    """A history entry as a confirmed history row (without the clue's or notice's key)."""
    return {name: plain(value) for name, value in event.model_dump().items()} | {"pending": False}


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
    cases: tuple[ServerCase, ...] = ()
    warnings: tuple[wire.WarningOut, ...] = ()
    """The clue's warning record as the platform keeps it (replaces the stored one)."""

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
        codes.update(case.state.unit_code for case in self.cases)
        return codes


def server_clue(clue: wire.ClueOut) -> ServerClue:
    """The store's view of a checked wire clue."""
    from desktop.store.sync_apply.parse_records import server_case, server_notice

    values = {name: plain(getattr(clue, name)) for name in VALUE_FIELDS}
    return ServerClue(
        code=clue.code,
        version=clue.version,
        values=values,
        assisting_units=tuple(dict.fromkeys(clue.assisting_units)),
        events=tuple(clue.events),
        attachments=tuple(clue.attachments),
        notices=tuple(server_notice(n, clue.code) for n in clue.notices),
        cases=tuple(server_case(c, clue.code) for c in clue.cases),
        warnings=tuple(clue.warnings),
    )


def parse_clue(data: Any, path: str = "clue") -> ServerClue:
    """Check a protocol clue object; raise SyncDataError naming the first bad field."""
    return server_clue(checked(wire.ClueOut, data, path))


# ---------------------------------------------------------------- pull pages


@dataclass(frozen=True)
class Change:
    """One entry of a pull page: a clue's newest state, or a tombstone (`clue` None)."""

    seq: int
    code: str
    clue: ServerClue | None


WIRE_CHANGES = (wire.ClueChange, wire.Tombstone)


def parse_changes(changes: Sequence[Any] | Any, path: str = "changes") -> list[Change]:
    """Check the `changes` of a pull page (wire objects, or the decoded JSON array)."""
    if isinstance(changes, list) and all(isinstance(c, WIRE_CHANGES) for c in changes):
        items = changes
    else:
        items = checked(list[wire.Change], changes, path)
    return [
        Change(item.seq, item.clue.code, server_clue(item.clue))
        if isinstance(item, wire.ClueChange)
        else Change(item.seq, item.clue_code, None)
        for item in items
    ]
