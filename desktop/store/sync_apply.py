"""The store side of sync: pulled pages, push results, reset, reference data, sync state.

The local view
--------------
A clue row is the *local view*: the platform's state with this device's pending outbox
actions replayed on top. Actions only ever change a clue's workflow state (status, units,
stage times, deadlines), so every clue that came from the platform keeps the workflow part of
the platform's last state in `clues.server_state` (a small JSON snapshot; its descriptive
fields live in the row, which only the platform changes). Clues registered on this device and
not yet answered are `provisional` and have no snapshot: their base is the pending register.

`rebuild` of a clue = workflow columns reset to the snapshot (or the register replayed),
the clue's pending history entries dropped, then its pending outbox actions replayed in
device order with `apply_action`, each at the time it was taken. An action the rules now
refuse stays in the outbox (the platform answers it) but is left out of the view; an action
the platform's history already holds is not replayed. Every write of platform state (a
pulled clue, a push result's clue) and every outbox change ends with a rebuild of the clues
it touched, so rejecting, discarding or resending an action always leaves a consistent view.

Reset (410) is mark-and-sweep: every platform clue is marked (server_version 0) and the
cursor dropped; the full pull rewrites what is still in scope, and the page that ends it
deletes the marked clues no pending action needs. The outbox is never touched by a reset.

Every public function is one transaction: a page and its cursor are written together or
not at all. Answers are parsed completely before the transaction starts; a malformed one
raises `SyncDataError` and changes nothing.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop.domain.calendar import WorkCalendar, YearCalendar
from desktop.domain.clue import ClueState
from desktop.domain.codes import Category, Channel, Labelled, Priority, Role, Status, UnitKind
from desktop.domain.rules import Rules
from desktop.domain.timeutil import china_now, to_china
from desktop.domain.units import UnitInfo
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action, ActionRefused, Outcome, apply_action
from desktop.store.attachments import attachment_path
from desktop.store.clue_rows import (
    STATE_COLUMNS,
    draft_values,
    load_actor,
    load_calendar,
    load_directory,
    load_rules,
    save_calendar_year,
    save_rules,
    state_values,
)
from desktop.store.database import Store
from desktop.store.models import (
    AssistingUnit,
    Attachment,
    Clue,
    ClueAttachment,
    ClueEvent,
    OutboxAction,
    SyncState,
    Unit,
    User,
)
from desktop.store.search import index_clues, unindex_clue

PENDING, REJECTED = "pending", "rejected"
REGISTER_TYPE = Action.REGISTER.command_type
ATTACHMENT_TRIES = 3
"""How often an `attachment_missing` answer is retried (files present here) before it sticks."""


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


# ---------------------------------------------------------------- parsing protocol JSON


def _need(data: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in data:
        raise SyncDataError(f"{path}.{key}", "缺少该字段")
    return data[key]


def _text(data: Mapping[str, Any], key: str, path: str, *, optional: bool = False) -> Any:
    value = _need(data, key, path)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise SyncDataError(f"{path}.{key}", f"应为字符串，而不是 {value!r}")
    return value


def _int(data: Mapping[str, Any], key: str, path: str) -> int:
    value = _need(data, key, path)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SyncDataError(f"{path}.{key}", f"应为非负整数，而不是 {value!r}")
    return value


def _time(data: Mapping[str, Any], key: str, path: str, *, optional: bool = False) -> Any:
    value = _text(data, key, path, optional=optional)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise SyncDataError(f"{path}.{key}", f"不是 ISO 8601 时间：{value!r}") from None
    if moment.tzinfo is None:
        raise SyncDataError(f"{path}.{key}", f"时间缺少时区：{value!r}")
    return to_china(moment)


def _choice(data: Mapping[str, Any], key: str, path: str, enum: type[Labelled]) -> str:
    value = _text(data, key, path)
    if value not in {member.value for member in enum}:
        raise SyncDataError(f"{path}.{key}", f"不是有效的代码：{value!r}")
    return str(value)


def _coordinate(data: Mapping[str, Any], key: str, path: str) -> float | None:
    value = _need(data, key, path)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SyncDataError(f"{path}.{key}", f"应为数字，而不是 {value!r}")
    return float(value)


def _mapping(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise SyncDataError(path, f"应为对象，而不是 {type(value).__name__}")
    return value


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise SyncDataError(path, f"应为数组，而不是 {type(value).__name__}")
    return value


_SHA256 = re.compile(r"[0-9a-f]{64}")


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

    def snapshot(self) -> dict[str, Any]:
        """The workflow state as JSON: what `server_state` keeps to rebuild the view from."""
        snap: dict[str, Any] = {}
        for name in STATE_COLUMNS:
            value = self.values[name]
            snap[name] = value.isoformat() if isinstance(value, datetime) else value
        snap["assisting_units"] = list(self.assisting_units)
        return snap

    @property
    def updated_at(self) -> datetime:
        """The instant of the clue's last recorded change."""
        return max((e.at for e in self.events), default=self.values["registered_at"])

    def unit_codes(self) -> set[str]:
        """Every unit the clue's columns refer to (they must be in the directory)."""
        codes = {self.values["county_code"], *self.assisting_units}
        for name in ("township_code", "lead_unit"):
            if self.values[name]:
                codes.add(self.values[name])
        return codes


def _event(data: Any, path: str) -> ServerEvent:
    data = _mapping(data, path)
    details = _need(data, "details", path)
    if details is not None and not isinstance(details, Mapping):
        raise SyncDataError(f"{path}.details", "应为对象")
    from_status = _text(data, "from_status", path, optional=True)
    for key, value in (("from_status", from_status), ("to_status", data.get("to_status"))):
        if value is not None and value not in {s.value for s in Status}:
            raise SyncDataError(f"{path}.{key}", f"不是有效的状态：{value!r}")
    return ServerEvent(
        action_id=_text(data, "action_id", path),
        action=_text(data, "action", path),
        username=_text(data, "username", path),
        unit_code=_text(data, "unit_code", path),
        device_id=_text(data, "device_id", path, optional=True) or "",
        at=_time(data, "at", path),
        from_status=from_status,
        to_status=_text(data, "to_status", path),
        note=_text(data, "note", path, optional=True) or "",
        details=dict(details or {}),
    )


def _attachment(data: Any, path: str) -> ServerAttachment:
    data = _mapping(data, path)
    sha256 = _text(data, "sha256", path)
    if not _SHA256.fullmatch(sha256):
        raise SyncDataError(f"{path}.sha256", f"不是 SHA-256 摘要：{sha256!r}")
    return ServerAttachment(
        sha256=sha256,
        name=_text(data, "name", path),
        size=_int(data, "size", path),
        media_type=_text(data, "media_type", path, optional=True) or "application/octet-stream",
        added_at=_time(data, "added_at", path),
        added_by=_text(data, "added_by", path, optional=True) or "",
    )


_TEXTS = ("address", "county_code", "description")
_BLANKABLE = ("reporter_name", "reporter_phone", "subject_name", "subject_credit_code")
_OPTIONAL_TEXTS = ("township_code", "lead_unit", "registered_by_unit")
_OPTIONAL_TIMES = (
    "dispatched_at",
    "signed_at",
    "reported_at",
    "closed_at",
    "deadline",
    "handle_deadline",
)
_ENUMS: dict[str, type[Labelled]] = {
    "channel": Channel,
    "category": Category,
    "priority": Priority,
    "status": Status,
}


def parse_clue(data: Any, path: str = "clue") -> ServerClue:
    """Check a protocol clue object; raise SyncDataError naming the first bad field."""
    data = _mapping(data, path)
    code = _text(data, "code", path)
    if not code or len(code) > 40:
        raise SyncDataError(f"{path}.code", f"线索编号无效：{code!r}")
    values: dict[str, Any] = {name: _choice(data, name, path, e) for name, e in _ENUMS.items()}
    for name in _TEXTS:
        values[name] = _text(data, name, path)
    for name in _BLANKABLE:
        values[name] = _text(data, name, path, optional=True) or ""
    for name in _OPTIONAL_TEXTS:
        values[name] = _text(data, name, path, optional=True) or None
    for name in ("received_at", "registered_at"):
        values[name] = _time(data, name, path)
    for name in _OPTIONAL_TIMES:
        values[name] = _time(data, name, path, optional=True)
    for name in ("extension_requested_days", "extended_days"):
        values[name] = _int(data, name, path)
    for name in ("latitude", "longitude"):
        values[name] = _coordinate(data, name, path)
    assisting = _list(_need(data, "assisting_units", path), f"{path}.assisting_units")
    if not all(isinstance(unit, str) and unit for unit in assisting):
        raise SyncDataError(f"{path}.assisting_units", "应为单位编码的数组")
    events = _list(_need(data, "events", path), f"{path}.events")
    attachments = _list(_need(data, "attachments", path), f"{path}.attachments")
    return ServerClue(
        code=code,
        version=_int(data, "version", path),
        values=values,
        assisting_units=tuple(dict.fromkeys(assisting)),
        events=tuple(_event(e, f"{path}.events[{i}]") for i, e in enumerate(events)),
        attachments=tuple(
            _attachment(a, f"{path}.attachments[{i}]") for i, a in enumerate(attachments)
        ),
    )


@dataclass(frozen=True)
class Change:
    """One entry of a pull page: a clue's newest state, or a tombstone (`clue` None)."""

    seq: int
    code: str
    clue: ServerClue | None


def parse_changes(changes: Any, path: str = "changes") -> list[Change]:
    """Check the `changes` array of a pull page."""
    out = []
    for i, item in enumerate(_list(changes, path)):
        where = f"{path}[{i}]"
        item = _mapping(item, where)
        kind = _need(item, "kind", where)
        seq = _int(item, "seq", where)
        if kind == "clue":
            clue = parse_clue(_need(item, "clue", where), f"{where}.clue")
            out.append(Change(seq, clue.code, clue))
        elif kind == "tombstone":
            out.append(Change(seq, _text(item, "clue_code", where), None))
        else:
            raise SyncDataError(f"{where}.kind", f"未知的变更类型：{kind!r}")
    return out


@dataclass(frozen=True)
class PushResult:
    """One checked result of a push answer."""

    action_id: str
    status: str
    clue_code: str | None
    provisional_code: str | None
    code: str
    reason: str
    clue: ServerClue | None


PUSH_STATUSES = ("applied", "duplicate", "rejected", "retry")


def parse_push_result(data: Any, path: str) -> PushResult:
    """Check one entry of a push answer's `results`."""
    data = _mapping(data, path)
    status = _need(data, "status", path)
    if status not in PUSH_STATUSES:
        raise SyncDataError(f"{path}.status", f"未知的结果：{status!r}")
    raw_clue = data.get("clue")
    clue = parse_clue(raw_clue, f"{path}.clue") if raw_clue is not None else None
    code = reason = ""
    if status == "rejected":
        code = _text(data, "code", path)
        reason = _text(data, "reason", path, optional=True) or code
        field = data.get("field")
        if isinstance(field, str) and field and field not in reason:
            reason = f"{reason}（{field}）"
    clue_code = data.get("clue_code")
    if status in ("applied", "duplicate"):
        clue_code = _text(data, "clue_code", path)
    elif clue_code is not None and not isinstance(clue_code, str):
        raise SyncDataError(f"{path}.clue_code", "应为字符串")
    return PushResult(
        action_id=_text(data, "action_id", path),
        status=status,
        clue_code=clue_code,
        provisional_code=_text(data, "provisional_code", path, optional=True)
        if "provisional_code" in data
        else None,
        code=code,
        reason=reason,
        clue=clue,
    )


# ---------------------------------------------------------------- sync state


def _get(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(SyncState, key)
    return default if row is None else row.value


def _put(session: Session, key: str, value: Any) -> None:
    if value is None:
        session.execute(delete(SyncState).where(SyncState.key == key))
    else:
        session.merge(SyncState(key=key, value=value))


def read_state(store: Store, key: str, default: Any = None) -> Any:
    """A value of the sync state (cursor, server_url, user, last_sync_at, …)."""
    with store.session() as session:
        return _get(session, key, default)


def write_state(store: Store, **values: Any) -> None:
    """Set sync state values in one transaction (None removes a key)."""
    with store.session() as session, session.begin():
        for key, value in values.items():
            _put(session, key, value)


def device_id(store: Store) -> str:
    """This device's id: generated once, then always the same for this store."""
    with store.session() as session, session.begin():
        current = _get(session, "device_id")
        if current is None:
            current = str(uuid.uuid4())
            _put(session, "device_id", current)
        return str(current)


def _save_cursor(session: Session, cursor: str | None) -> None:
    _put(session, "cursor", cursor)


@dataclass(frozen=True)
class SyncStatus:
    """What the sync panel shows: binding, device, cursor, last run, clock, outbox."""

    server_url: str | None
    user: Mapping[str, Any] | None
    device_id: str | None
    cursor: str | None
    last_sync_at: str | None
    clock_skew_seconds: float | None
    pending: int
    problems: int


def sync_status(store: Store) -> SyncStatus:
    """The store's sync state and outbox counts."""
    with store.session() as session:
        counts = dict(
            session.execute(
                select(OutboxAction.state, func.count()).group_by(OutboxAction.state)
            ).all()
        )
        return SyncStatus(
            server_url=_get(session, "server_url"),
            user=_get(session, "user"),
            device_id=_get(session, "device_id"),
            cursor=_get(session, "cursor"),
            last_sync_at=_get(session, "last_sync_at"),
            clock_skew_seconds=_get(session, "clock_skew_seconds"),
            pending=int(counts.get(PENDING, 0)),
            problems=int(counts.get(REJECTED, 0)),
        )


# ---------------------------------------------------------------- writing platform clues


_SEARCHED = (Clue.subject_name, Clue.address, Clue.description)
_SEARCH_COLUMNS = (Clue.code, *_SEARCHED)


def _search_values(row: Clue) -> tuple[str, str, str, str]:
    return (row.code, row.subject_name, row.address, row.description)


class _Work:
    """One transaction's helpers: the session, and the rules loaded once for replays."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._rules: tuple[dict[str, UnitInfo], Rules, WorkCalendar] | None = None

    @property
    def connection(self) -> Connection:
        """The transaction's connection (for the full-text index)."""
        return self.session.connection()

    def rules(self) -> tuple[dict[str, UnitInfo], Rules, WorkCalendar]:
        """Directory, rules and calendar, as `apply_action` needs them."""
        if self._rules is None:
            rules = load_rules(self.session)
            self._rules = (load_directory(self.session), rules, load_calendar(self.session, rules))
        return self._rules

    def clue(self, code: str) -> Clue | None:
        """The clue row with `code`, if any (fresh from the database)."""
        statement = select(Clue).where(Clue.code == code)
        statement = statement.execution_options(populate_existing=True)
        return self.session.scalars(statement).one_or_none()

    def reindex(self, row: Clue, old: tuple[str, str, str, str] | None) -> None:
        """Keep the search index right after the row's searched fields may have changed."""
        new = _search_values(row)
        if old == new:
            return
        if old is not None:
            unindex_clue(self.connection, row.id, old)
        index_clues(self.connection, [(row.id, new)])

    def delete_clue(self, row: Clue) -> None:
        """Remove a clue with its history, units, attachment links and index entry."""
        unindex_clue(self.connection, row.id, _search_values(row))
        self.session.delete(row)
        self.session.flush()


def _delete_clues(work: _Work, *where: ColumnElement[bool]) -> int:
    """Delete the clues matching `where` with history, units, links and index entries."""
    session = work.session
    session.flush()
    rows = session.execute(select(Clue.id, *_SEARCH_COLUMNS).where(*where)).all()
    for row in rows:
        unindex_clue(work.connection, row.id, (row.code, *row[2:]))
    for ids in _chunks([row.id for row in rows]):
        session.execute(
            delete(Clue).where(Clue.id.in_(ids)).execution_options(synchronize_session=False)
        )
    session.expire_all()
    return len(rows)


def _set_assisting(session: Session, clue_id: int, units: Sequence[str]) -> None:
    current = session.scalars(
        select(AssistingUnit.unit_code).where(AssistingUnit.clue_id == clue_id)
    ).all()
    if sorted(current) == sorted(units):
        return
    session.execute(delete(AssistingUnit).where(AssistingUnit.clue_id == clue_id))
    session.add_all(AssistingUnit(clue_id=clue_id, unit_code=unit) for unit in units)
    session.flush()


CHUNK = 500
"""Parameters per IN (...) list."""


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _event_row(clue_id: int, e: ServerEvent) -> dict[str, Any]:
    return {
        "clue_id": clue_id,
        "action_id": e.action_id,
        "action": e.action,
        "username": e.username,
        "unit_code": e.unit_code,
        "device_id": e.device_id,
        "at": e.at,
        "from_status": e.from_status,
        "to_status": e.to_status,
        "note": e.note,
        "details": e.details,
        "pending": False,
    }


def _merge_events(session: Session, written: Sequence[tuple[int, ServerClue]]) -> None:
    """The platform's history replaces local entries of the same action_id (pending ones)."""
    owner = {e.action_id: clue_id for clue_id, clue in written for e in clue.events}
    kept: set[str] = set()
    stale: list[int] = []
    for ids in _chunks(list(owner)):
        found = session.execute(
            select(ClueEvent.id, ClueEvent.action_id, ClueEvent.clue_id, ClueEvent.pending).where(
                ClueEvent.action_id.in_(ids)
            )
        )
        for row in found:
            if not row.pending and row.clue_id == owner[row.action_id]:
                kept.add(row.action_id)
            else:
                stale.append(row.id)
    for ids in _chunks(stale):
        session.execute(delete(ClueEvent).where(ClueEvent.id.in_(ids)))
    new_rows = [
        _event_row(clue_id, e)
        for clue_id, clue in written
        for e in clue.events
        if e.action_id not in kept
    ]
    if new_rows:
        session.connection().execute(insert(ClueEvent), new_rows)


def _payload_files(payload: Any) -> list[tuple[str, str]]:
    """The (sha256, name) pairs an action payload cites under "attachments"."""
    if not isinstance(payload, Mapping):
        return []
    found = []
    for item in payload.get("attachments") or []:
        if isinstance(item, Mapping) and isinstance(item.get("sha256"), str):
            found.append((str(item["sha256"]), str(item.get("name") or "")))
    return found


def _merge_attachments(
    session: Session, written: Sequence[tuple[int, ServerClue]], updated: set[int]
) -> None:
    """Attachment metadata as the platform has it; links only pending actions cite stay."""
    local_only: dict[str, set[str]] = {}
    for code, payload in session.execute(
        select(OutboxAction.clue_code, OutboxAction.payload).where(OutboxAction.state == PENDING)
    ):
        local_only.setdefault(code, set()).update(sha for sha, _ in _payload_files(payload))
    wanted = {
        clue_id: {a.sha256 for a in clue.attachments} | local_only.get(clue.code, set())
        for clue_id, clue in written
    }
    for ids in _chunks(sorted(updated)):
        for clue_id, sha in session.execute(
            select(ClueAttachment.clue_id, ClueAttachment.sha256).where(
                ClueAttachment.clue_id.in_(ids)
            )
        ).all():
            if sha not in wanted[clue_id]:
                session.execute(
                    delete(ClueAttachment).where(
                        ClueAttachment.clue_id == clue_id, ClueAttachment.sha256 == sha
                    )
                )
    files = {a.sha256: a for _, clue in written for a in clue.attachments}
    if not files:
        return
    session.execute(
        sqlite_insert(Attachment).on_conflict_do_nothing(),
        [
            {
                "sha256": a.sha256,
                "size": a.size,
                "media_type": a.media_type,
                "created_at": a.added_at,
            }
            for a in files.values()
        ],
    )
    upsert = sqlite_insert(ClueAttachment)
    upsert = upsert.on_conflict_do_update(
        index_elements=[ClueAttachment.clue_id, ClueAttachment.sha256],
        set_={
            "name": upsert.excluded.name,
            "added_at": upsert.excluded.added_at,
            "added_by": upsert.excluded.added_by,
        },
    )
    session.execute(
        upsert,
        [
            {
                "clue_id": clue_id,
                "sha256": a.sha256,
                "name": a.name[:255],
                "added_at": a.added_at,
                "added_by": a.added_by,
            }
            for clue_id, clue in written
            for a in clue.attachments
        ],
    )


def _clue_values(clue: ServerClue) -> dict[str, Any]:
    return {
        **clue.values,
        "code": clue.code,
        "provisional": False,
        "server_version": clue.version,
        "server_state": clue.snapshot(),
        "updated_at": clue.updated_at,
    }


def _clue_search(clue: ServerClue) -> tuple[str, str, str, str]:
    v = clue.values
    return (clue.code, v["subject_name"], v["address"], v["description"])


def _write_server_clues(work: _Work, clues: Sequence[ServerClue]) -> list[str]:
    """Write the platform's state of the clues newer than ours, in bulk; the codes written.

    A clue not newer than what the store has (by `server_version`) is left alone.
    """
    session = work.session
    session.flush()
    latest: dict[str, ServerClue] = {}
    for clue in clues:
        if clue.code not in latest or clue.version > latest[clue.code].version:
            latest[clue.code] = clue
    existing = {}
    for codes in _chunks(list(latest)):
        columns = (Clue.id, Clue.code, Clue.server_version, *_SEARCHED)
        for row in session.execute(select(*columns).where(Clue.code.in_(codes))):
            existing[row.code] = row
    inserts = [c for code, c in latest.items() if code not in existing]
    updates = [
        (existing[code], c)
        for code, c in latest.items()
        if code in existing and existing[code].server_version < c.version
    ]
    written: list[tuple[int, ServerClue]] = []
    if inserts:
        result = session.connection().execute(
            insert(Clue).returning(Clue.id, Clue.code), [_clue_values(c) for c in inserts]
        )
        new_ids = {code: clue_id for clue_id, code in result}
        written += [(new_ids[c.code], c) for c in inserts]
        index_clues(work.connection, [(new_ids[c.code], _clue_search(c)) for c in inserts])
    if updates:
        session.execute(update(Clue), [{"id": row.id, **_clue_values(c)} for row, c in updates])
        for row, clue in updates:
            old = (row.code, row.subject_name, row.address, row.description)
            if old != _clue_search(clue):
                unindex_clue(work.connection, row.id, old)
                index_clues(work.connection, [(row.id, _clue_search(clue))])
        written += [(row.id, c) for row, c in updates]
        for ids in _chunks([row.id for row, _ in updates]):
            session.execute(delete(AssistingUnit).where(AssistingUnit.clue_id.in_(ids)))
    assisting = [
        {"clue_id": clue_id, "unit_code": unit}
        for clue_id, clue in written
        for unit in clue.assisting_units
    ]
    if assisting:
        session.connection().execute(insert(AssistingUnit), assisting)
    _merge_events(session, written)
    _merge_attachments(session, written, {row.id for row, _ in updates})
    session.expire_all()
    return [clue.code for _, clue in written]


def _check_units(session: Session, clues: Iterable[ServerClue]) -> None:
    wanted = set().union(*(c.unit_codes() for c in clues))
    if wanted:
        known = set(session.scalars(select(Unit.code).where(Unit.code.in_(wanted))))
        if wanted - known:
            raise UnknownUnitsError(wanted - known)


# ---------------------------------------------------------------- the view: replaying


def _state_from_snapshot(code: str, snap: Mapping[str, Any]) -> ClueState:
    def moment(name: str) -> datetime | None:
        value = snap.get(name)
        return to_china(datetime.fromisoformat(value)) if value else None

    registered = moment("registered_at")
    assert registered is not None  # every platform clue was registered
    return ClueState(
        code=code,
        status=Status(snap["status"]),
        priority=Priority(snap["priority"]),
        county_code=snap["county_code"],
        registered_at=registered,
        lead_unit=snap.get("lead_unit"),
        assisting_units=tuple(snap.get("assisting_units") or ()),
        dispatched_at=moment("dispatched_at"),
        signed_at=moment("signed_at"),
        reported_at=moment("reported_at"),
        closed_at=moment("closed_at"),
        deadline=moment("deadline"),
        handle_deadline=moment("handle_deadline"),
        extension_requested_days=int(snap.get("extension_requested_days") or 0),
        extended_days=int(snap.get("extended_days") or 0),
    )


def _replay(work: _Work, act: OutboxAction, state: ClueState | None, code: str) -> _Replayed | None:
    """An outbox action taken again on `state`, or None if the rules refuse it now."""
    units, rules, calendar = work.rules()
    try:
        action = Action.from_command_type(act.command_type)
        actor = load_actor(work.session, act.username, act.device_id)
        outcome = apply_action(
            action, actor, state, act.payload, act.created_at, calendar, rules, units, code=code
        )
    except (ActionRefused, ValidationError, LookupError, ValueError):
        return None
    return _Replayed(act, outcome, actor.unit.code)


@dataclass(frozen=True)
class _Replayed:
    act: OutboxAction
    outcome: Outcome
    unit_code: str

    def event(self, clue_id: int) -> ClueEvent:
        """The pending history entry, as `take_action` wrote it."""
        act, outcome = self.act, self.outcome
        return ClueEvent(
            clue_id=clue_id,
            action_id=act.action_id,
            action=outcome.action.value,
            username=act.username,
            unit_code=self.unit_code,
            device_id=act.device_id,
            at=act.created_at,
            from_status=outcome.from_status.value if outcome.from_status else None,
            to_status=outcome.state.status.value,
            note=outcome.note,
            details=dict(outcome.details),
            pending=True,
        )


def _pending_actions(session: Session, code: str) -> list[OutboxAction]:
    return list(
        session.scalars(
            select(OutboxAction)
            .where(OutboxAction.clue_code == code, OutboxAction.state == PENDING)
            .order_by(OutboxAction.seq)
        )
    )


def _rebuild(work: _Work, code: str) -> None:
    """Make the clue's row the platform's state with its pending actions replayed on top."""
    session = work.session
    row = work.clue(code)
    actions = _pending_actions(session, code)
    if row is not None and row.server_state is None and not row.provisional:
        return  # never came from the platform (e.g. demo data): nothing to rebuild from
    if row is None or row.server_state is None:
        register = next((a for a in actions if a.command_type == REGISTER_TYPE), None)
        first = _replay(work, register, None, code) if register is not None else None
        if first is None or first.outcome.draft is None:
            if row is not None:
                work.delete_clue(row)
            return
        values = {**draft_values(first.outcome.draft), **state_values(first.outcome.state)}
        old = None
        if row is None:
            row = Clue(code=code, provisional=True, updated_at=first.act.created_at, **values)
            session.add(row)
        else:
            old = _search_values(row)
            for name, value in values.items():
                setattr(row, name, value)
        session.flush()
        work.reindex(row, old)
        state: ClueState = first.outcome.state
        replayed = [first]
        actions = [a for a in actions if a is not first.act]
        confirmed: set[str] = set()
        updated = first.act.created_at
    else:
        state = _state_from_snapshot(code, row.server_state)
        replayed = []
        history = session.execute(
            select(ClueEvent.action_id, ClueEvent.at).where(
                ClueEvent.clue_id == row.id, ClueEvent.pending.is_(False)
            )
        ).all()
        confirmed = {action_id for action_id, _ in history}
        updated = max((at for _, at in history), default=row.registered_at)
    session.execute(delete(ClueEvent).where(ClueEvent.clue_id == row.id, ClueEvent.pending))
    for act in actions:
        if act.action_id in confirmed:
            continue
        done = _replay(work, act, state, code)
        if done is not None:
            state = done.outcome.state
            replayed.append(done)
    for done in replayed:
        session.add(done.event(row.id))
        updated = max(updated, done.act.created_at)
    for name, value in state_values(state).items():
        setattr(row, name, value)
    row.updated_at = updated
    session.flush()
    _set_assisting(session, row.id, state.assisting_units)


def _rebuild_touched(work: _Work, codes: Iterable[str]) -> None:
    """Rebuild the touched clues that have pending actions, pending history or are provisional."""
    session = work.session
    session.flush()
    wanted = list(dict.fromkeys(codes))
    if not wanted:
        return
    pending = set(
        session.scalars(select(OutboxAction.clue_code).where(OutboxAction.state == PENDING))
    )
    rows: dict[str, tuple[int, bool]] = {}
    for chunk in _chunks(wanted):
        for clue_id, code, provisional in session.execute(
            select(Clue.id, Clue.code, Clue.provisional).where(Clue.code.in_(chunk))
        ):
            rows[code] = (clue_id, provisional)
    with_pending_history: set[int] = set()
    for chunk in _chunks([clue_id for clue_id, _ in rows.values()]):
        with_pending_history.update(
            session.scalars(
                select(ClueEvent.clue_id).where(ClueEvent.clue_id.in_(chunk), ClueEvent.pending)
            )
        )
    for code in wanted:
        clue_id, provisional = rows.get(code, (0, False))
        if code in pending or provisional or clue_id in with_pending_history:
            _rebuild(work, code)


def _rename(work: _Work, old: str, new: str) -> None:
    """A register was answered: the provisional code becomes the platform's code everywhere."""
    session = work.session
    session.execute(update(OutboxAction).where(OutboxAction.clue_code == old).values(clue_code=new))
    row = work.clue(old)
    if row is None or old == new:
        return
    if work.clue(new) is not None:
        work.delete_clue(row)  # the platform's clue arrived first; replays rebuild it there
        return
    before = _search_values(row)
    row.code = new
    row.provisional = False
    session.flush()
    work.reindex(row, before)


# ---------------------------------------------------------------- pulled pages


@dataclass(frozen=True)
class PageResult:
    """What applying a pull page did."""

    clues: int
    skipped: int
    tombstones: int


def apply_pull_page(store: Store, changes: Any, cursor: Any, *, more: bool = True) -> PageResult:
    """Apply a pull page and store its cursor, in one transaction (both or neither).

    A clue not newer than ours is skipped, so re-applying a page is harmless. `more=False`
    (the end marker) also finishes a reset: platform clues the full pull did not bring back
    are deleted. Raises SyncDataError (nothing changed) for a malformed page and
    UnknownUnitsError when clues name units the directory lacks.
    """
    parsed = parse_changes(changes)
    if not isinstance(cursor, str) or not cursor:
        raise SyncDataError("cursor", f"应为非空字符串，而不是 {cursor!r}")
    clues = [c.clue for c in parsed if c.clue is not None]
    with store.session() as session, session.begin():
        _check_units(session, clues)
        work = _Work(session)
        touched = _settle_confirmed(work, clues)
        final = {change.code: change for change in parsed}  # the newest change of each clue
        batch = [c.clue for c in final.values() if c.clue is not None]
        written = _write_server_clues(work, batch)
        touched.extend(written)
        gone = [code for code, c in final.items() if c.clue is None]
        tombstones = sum(
            _delete_clues(work, Clue.code.in_(codes), Clue.provisional.is_(False))
            for codes in _chunks(gone)
        )
        _rebuild_touched(work, touched)
        if not more and _get(session, "full_resync"):
            _sweep(work)
        _save_cursor(session, cursor)
    return PageResult(len(written), len(batch) - len(written), tombstones)


def _settle_confirmed(work: _Work, clues: Sequence[ServerClue]) -> list[str]:
    """Outbox actions the platform's history already holds leave the outbox (a lost answer).

    A register found there renames its provisional clue to the platform's code first.
    """
    session = work.session
    outbox = {a.action_id: a for a in session.scalars(select(OutboxAction))}
    touched: list[str] = []
    if not outbox:
        return touched
    for clue in clues:
        for event in clue.events:
            act = outbox.pop(event.action_id, None)
            if act is None:
                continue
            if act.command_type == REGISTER_TYPE and act.clue_code != clue.code:
                _rename(work, act.clue_code, clue.code)
            session.delete(act)
            touched.append(clue.code)
    session.flush()
    return touched


def _sweep(work: _Work) -> None:
    """End of a full resync: drop platform clues it did not bring back, unless still needed."""
    session = work.session
    needed = select(OutboxAction.clue_code).where(OutboxAction.state == PENDING)
    _delete_clues(
        work, Clue.server_version == 0, Clue.provisional.is_(False), Clue.code.not_in(needed)
    )
    _put(session, "full_resync", None)


def reset_server_data(store: Store, *, drop: bool = False) -> int:
    """Answer `reset_required`: forget the cursor and mark every platform clue for re-pull.

    The outbox (pending and rejected actions) and provisional clues are kept; the full pull
    that follows rewrites the clues still in scope and its last page deletes the rest.
    `drop` deletes the platform clues no pending action needs right away instead (another
    account takes the store over). Returns the number of platform clues marked or dropped.
    """
    with store.session() as session, session.begin():
        platform_clue = Clue.provisional.is_(False)
        count = session.scalar(select(func.count()).select_from(Clue).where(platform_clue))
        if drop:
            needed = select(OutboxAction.clue_code).where(OutboxAction.state == PENDING)
            _delete_clues(_Work(session), platform_clue, Clue.code.not_in(needed))
        session.execute(update(Clue).where(platform_clue).values(server_version=0))
        _save_cursor(session, None)
        _put(session, "full_resync", True)
    return int(count or 0)


# ---------------------------------------------------------------- push


def next_push_batch(store: Store, limit: int, skip: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The next pending actions to push (at most `limit`), in device order, as protocol JSON.

    Actions get their `device_seq` when first pushed, in the order they were taken; it stays
    theirs on every later push. `skip` leaves out actions already tried in this run.
    """
    skipped = set(skip)
    with store.session() as session, session.begin():
        rows = session.scalars(
            select(OutboxAction).where(OutboxAction.state == PENDING).order_by(OutboxAction.seq)
        ).all()
        last = int(_get(session, "device_seq", 0))
        last = max(last, session.scalar(select(func.max(OutboxAction.device_seq))) or 0)
        for row in rows:
            if row.device_seq is None:
                last += 1
                row.device_seq = last
        _put(session, "device_seq", last)
        chosen = sorted(
            (r for r in rows if r.action_id not in skipped), key=lambda r: r.device_seq or 0
        )
        return [
            {
                "action_id": r.action_id,
                "device_seq": r.device_seq,
                "type": r.command_type,
                "clue_code": r.clue_code,
                "payload": r.payload,
                "client_time": to_china(r.created_at).isoformat(),
            }
            for r in chosen[:limit]
        ]


def pending_files(store: Store) -> list[tuple[str, str]]:
    """The attachments (sha256, name) that pending actions cite, to upload before pushing."""
    with store.session() as session:
        payloads = session.scalars(
            select(OutboxAction.payload)
            .where(OutboxAction.state == PENDING)
            .order_by(OutboxAction.seq)
        )
        found: dict[str, str] = {}
        for payload in payloads:
            for sha, name in _payload_files(payload):
                found.setdefault(sha, name)
        return list(found.items())


@dataclass
class PushTally:
    """How the platform answered a push."""

    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    retry: int = 0


def record_push_results(store: Store, results: Any) -> PushTally:
    """Record a push answer in one transaction and rebuild the views it touched.

    applied/duplicate: the action leaves the outbox, its history entry is confirmed and a
    register's provisional code becomes the platform's code everywhere. rejected: the action
    stays in the outbox as 'rejected' with code and reason (the sync problems list) and the
    view is rebuilt without it. retry: it stays pending (attempts + 1).
    """
    parsed = [
        parse_push_result(r, f"results[{i}]") for i, r in enumerate(_list(results, "results"))
    ]
    tally = PushTally()
    with store.session() as session, session.begin():
        _check_units(session, [r.clue for r in parsed if r.clue is not None])
        work = _Work(session)
        touched: list[str] = []
        for result in parsed:
            touched.extend(_record_one(store, work, result, tally))
        _rebuild_touched(work, touched)
    return tally


def _record_one(store: Store, work: _Work, result: PushResult, tally: PushTally) -> list[str]:
    session = work.session
    act = session.scalars(
        select(OutboxAction).where(OutboxAction.action_id == result.action_id)
    ).one_or_none()
    touched = [act.clue_code] if act is not None else []
    if result.status in ("applied", "duplicate"):
        setattr(tally, result.status, getattr(tally, result.status) + 1)
        if act is not None:
            real = result.clue_code or act.clue_code
            if act.command_type == REGISTER_TYPE and real != act.clue_code:
                _rename(work, act.clue_code, real)
            session.delete(act)
            touched = [real]
    elif result.status == "retry":
        tally.retry += 1
        if act is not None:
            act.attempts += 1
    elif act is None or _reject(store, work, act, result):
        tally.rejected += 1
    else:
        tally.retry += 1  # attachment_missing with the files here: upload, push again
    if result.clue is not None:
        _write_server_clues(work, [result.clue])
        touched.append(result.clue.code)
    elif result.status == "rejected" and act is not None:
        _forget_if_invisible(work, act.clue_code)
    if result.status in ("applied", "duplicate"):  # history entries the clue did not bring
        session.execute(
            update(ClueEvent).where(ClueEvent.action_id == result.action_id).values(pending=False)
        )
    session.flush()
    return touched


def _reject(store: Store, work: _Work, act: OutboxAction, result: PushResult) -> bool:
    """Mark an action rejected; False when it stays pending to be pushed again."""
    act.attempts += 1
    files = _payload_files(act.payload)
    if (
        result.code == "attachment_missing"
        and act.attempts < ATTACHMENT_TRIES
        and files
        and all(attachment_path(store, sha).exists() for sha, _ in files)
    ):
        return False
    act.state = REJECTED
    act.reject_code = result.code
    act.reject_reason = result.reason
    work.session.execute(
        delete(ClueEvent).where(ClueEvent.action_id == act.action_id, ClueEvent.pending)
    )
    return True


def _forget_if_invisible(work: _Work, code: str) -> None:
    """A rejection without a clue means the user may not see it: drop it unless still needed."""
    row = work.clue(code)
    if row is None or row.provisional or _pending_actions(work.session, code):
        return
    work.delete_clue(row)


# ---------------------------------------------------------------- sync problems


@dataclass(frozen=True)
class SyncProblem:
    """A rejected action kept for the "sync problems" list."""

    action_id: str
    clue_code: str
    action: str
    action_label: str
    created_at: datetime
    code: str
    reason: str
    attempts: int


def sync_problems(store: Store) -> list[SyncProblem]:
    """The actions the platform rejected, oldest first, with its reasons."""
    with store.session() as session:
        rows = session.scalars(
            select(OutboxAction).where(OutboxAction.state == REJECTED).order_by(OutboxAction.seq)
        ).all()
    problems = []
    for row in rows:
        try:
            label = Action.from_command_type(row.command_type).label
        except ValueError:
            label = row.command_type
        problems.append(
            SyncProblem(
                action_id=row.action_id,
                clue_code=row.clue_code,
                action=row.command_type,
                action_label=label,
                created_at=row.created_at,
                code=row.reject_code,
                reason=row.reject_reason,
                attempts=row.attempts,
            )
        )
    return problems


def _rejected(session: Session, action_id: str) -> OutboxAction:
    row = session.scalars(
        select(OutboxAction).where(
            OutboxAction.action_id == action_id, OutboxAction.state == REJECTED
        )
    ).one_or_none()
    if row is None:
        raise LookupError(f"没有被退回的同步操作 {action_id}")
    return row


def discard_problem(store: Store, action_id: str) -> None:
    """Give up a rejected action: it leaves the outbox (the view never showed it)."""
    with store.session() as session, session.begin():
        row = _rejected(session, action_id)
        code = row.clue_code
        session.delete(row)
        session.flush()
        work = _Work(session)
        _rebuild_touched(work, [code])


def resend_problem(store: Store, action_id: str) -> None:
    """Queue a rejected action again (with a new device_seq); the view replays it if allowed."""
    with store.session() as session, session.begin():
        row = _rejected(session, action_id)
        row.state = PENDING
        row.reject_code = row.reject_reason = ""
        row.device_seq = None
        session.flush()
        _rebuild(_Work(session), row.clue_code)


# ---------------------------------------------------------------- reference data


def _unit_rows(units: Any) -> list[dict[str, Any]]:
    kinds = {k.value for k in UnitKind}
    rows = []
    for i, item in enumerate(_list(units, "units")):
        where = f"units[{i}]"
        item = _mapping(item, where)
        kind = _text(item, "kind", where)
        if kind not in kinds:
            raise SyncDataError(f"{where}.kind", f"不是有效的单位类型：{kind!r}")
        rows.append(
            {
                "code": _text(item, "code", where),
                "name": _text(item, "name", where),
                "kind": kind,
                "parent_code": _text(item, "parent_code", where, optional=True) or None,
                "county_code": _text(item, "county_code", where, optional=True) or None,
            }
        )
    return rows


def _user_rows(users: Any) -> list[dict[str, Any]]:
    roles = {r.value for r in Role}
    rows = []
    for i, item in enumerate(_list(users, "users")):
        where = f"users[{i}]"
        item = _mapping(item, where)
        role = _text(item, "role", where)
        if role not in roles:
            raise SyncDataError(f"{where}.role", f"不是有效的角色：{role!r}")
        rows.append(
            {
                "username": _text(item, "username", where),
                "display_name": _text(item, "display_name", where),
                "role": role,
                "unit_code": _text(item, "unit_code", where),
            }
        )
    return rows


def save_directory(store: Store, data: Any) -> tuple[int, int]:
    """Keep the platform's units and users (parents first); returns (units, users) written."""
    data = _mapping(data, "directory")
    units = _unit_rows(_need(data, "units", "directory"))
    users = _user_rows(_need(data, "users", "directory"))
    with store.session() as session, session.begin():
        known = set(session.scalars(select(Unit.code)))
        placed = set(known)
        pending = list(units)
        while pending:
            ready = [u for u in pending if u["parent_code"] is None or u["parent_code"] in placed]
            if not ready:
                raise SyncDataError("directory.units", f"上级单位不存在：{pending[0]['code']}")
            for unit in ready:
                session.merge(Unit(**unit))
            session.flush()
            placed.update(u["code"] for u in ready)
            pending = [u for u in pending if u["code"] not in placed]
        for user in users:
            if user["unit_code"] not in placed:
                raise SyncDataError("directory.users", f"用户 {user['username']} 的单位不存在")
            existing = session.get(User, user["username"])
            if existing is None:
                session.add(User(phone="", **user))
            else:
                for name, value in user.items():
                    setattr(existing, name, value)
    return len(units), len(users)


def save_platform_rules(store: Store, data: Any) -> int | None:
    """Keep the platform's rules and calendar years; returns the rules' version."""
    data = _mapping(data, "rules")
    try:
        rules = Rules.from_dict(_mapping(_need(data, "rules", "rules"), "rules.rules"))
        years = [
            YearCalendar.from_dict(_mapping(y, f"rules.calendar[{i}]"))
            for i, y in enumerate(_list(_need(data, "calendar", "rules"), "rules.calendar"))
        ]
    except SyncDataError:
        raise
    except ValueError as exc:
        raise SyncDataError("rules", str(exc)) from exc
    version = data.get("version")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        raise SyncDataError("rules.version", f"应为整数，而不是 {version!r}")
    with store.session() as session, session.begin():
        save_rules(session, rules)
        for year in years:
            save_calendar_year(session, year)
        _put(session, "rules_version", version)
    return version


# ---------------------------------------------------------------- export


def _iso(value: datetime | None) -> str | None:
    return to_china(value).isoformat() if value is not None else None


def export_clue(store: Store, code: str) -> dict[str, Any] | None:
    """The local view of a clue as a protocol clue object (None if the store lacks it)."""
    with store.session() as session:
        row = session.scalars(select(Clue).where(Clue.code == code)).one_or_none()
        if row is None:
            return None
        data: dict[str, Any] = {"code": row.code, "version": row.server_version}
        for name in (*_ENUMS, *_TEXTS, *_BLANKABLE, *_OPTIONAL_TEXTS, "latitude", "longitude"):
            data[name] = getattr(row, name)
        for name in ("received_at", "registered_at", *_OPTIONAL_TIMES):
            data[name] = _iso(getattr(row, name))
        data["extension_requested_days"] = row.extension_requested_days
        data["extended_days"] = row.extended_days
        data["assisting_units"] = list(
            session.scalars(select(AssistingUnit.unit_code).where(AssistingUnit.clue_id == row.id))
        )
        data["events"] = [
            {
                "action_id": e.action_id,
                "action": e.action,
                "username": e.username,
                "unit_code": e.unit_code,
                "device_id": e.device_id,
                "at": _iso(e.at),
                "from_status": e.from_status,
                "to_status": e.to_status,
                "note": e.note,
                "details": e.details,
                "pending": e.pending,
            }
            for e in session.scalars(
                select(ClueEvent).where(ClueEvent.clue_id == row.id).order_by(ClueEvent.id)
            )
        ]
        data["attachments"] = [
            {
                "sha256": link.sha256,
                "name": link.name,
                "size": size,
                "media_type": media_type,
                "added_at": _iso(link.added_at),
                "added_by": link.added_by,
            }
            for link, size, media_type in session.execute(
                select(ClueAttachment, Attachment.size, Attachment.media_type)
                .join(Attachment, Attachment.sha256 == ClueAttachment.sha256)
                .where(ClueAttachment.clue_id == row.id)
                .order_by(ClueAttachment.added_at, ClueAttachment.sha256)
            )
        ]
        return data


def mark_synced(store: Store, *, skew_seconds: float | None) -> str:
    """Record the end of a successful sync run; returns its time (ISO)."""
    stamp = china_now().isoformat()
    write_state(store, last_sync_at=stamp, clock_skew_seconds=skew_seconds)
    return stamp
