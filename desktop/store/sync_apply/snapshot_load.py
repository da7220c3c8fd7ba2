"""Loading a first-sync snapshot file into the store in bulk: every clue of the scope and the
cursor of the snapshot's feed position, in ONE transaction (all of it or nothing).

The file's cells are already what the store's columns hold (`desktop.wire.snapshot.cell`),
so rows go in with plain executemany INSERTs and the secondary indexes are built once
afterwards. The columns a pull derives are derived here by the pull's own functions: the
workflow snapshot `server_state` (`state_snapshot`), `updated_at` (the last history entry,
else the registration), the search index (`index_params`); notices and penalty cases go
through `write_server_records` as in a pull. The result is row for row what a pull from
scratch writes (tests/sync/test_snapshot_sync.py compares them).

A snapshot goes only into a store with no clue a pending action or this device needs: no
provisional clue and no pending clue action (`fits`). Platform clues already there (after a
reset) are deleted first, in the same transaction; otherwise the caller pulls pages, which
merge with local work and replay the outbox on top.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError

from desktop.demo.child import PARALLEL_FROM, produced_in_child
from desktop.domain.timeutil import CHINA_TZ
from desktop.store.clue_rows import STATE_COLUMNS
from desktop.store.database import Store
from desktop.store.demo_load import indexes_rebuilt_after, insert_statement
from desktop.store.models import (
    AssistingUnit,
    Attachment,
    Case,
    CaseEvent,
    Clue,
    ClueAttachment,
    ClueEvent,
    Notice,
    NoticeEvent,
    OutboxAction,
    Unit,
    WarningEpisode,
)
from desktop.store.search import INSERT_SQL, index_params
from desktop.store.sync_apply.kinds import SYNCED_CASES, SYNCED_NOTICES
from desktop.store.sync_apply.outbox import PENDING
from desktop.store.sync_apply.parse import (
    VALUE_FIELDS,
    SyncDataError,
    UnknownUnitsError,
    checked,
    event_row,
    state_snapshot,
)
from desktop.store.sync_apply.parse_records import server_case, server_notice
from desktop.store.sync_apply.pull import PageResult
from desktop.store.sync_apply.records import SyncedKind
from desktop.store.sync_apply.reset import sweep_if_resetting
from desktop.store.sync_apply.state import save_cursor
from desktop.store.sync_apply.work import Work
from desktop.store.types import ChinaDateTime, json_text
from desktop.wire import records as wire
from desktop.wire.snapshot import (
    ASSISTING_TABLE,
    CLUE_COLUMNS,
    FORMAT_VERSION,
    ITEM_COLUMNS,
    read_facts,
    select_clues,
    select_items,
)

BLOCK = 5000
"""Rows read from the file and inserted at a time."""
PULL_PAGE = 1000
"""A full pull page: attachment metadata seen on several clues is kept as a pull of such
pages keeps it (the last of the first page that names it)."""
BULK = (
    Clue,
    ClueEvent,
    AssistingUnit,
    ClueAttachment,
    Notice,
    NoticeEvent,
    Case,
    CaseEvent,
    WarningEpisode,
)
_AT = {name: i for i, name in enumerate(CLUE_COLUMNS, 1)}
_TIMES = frozenset(
    name for name in VALUE_FIELDS if isinstance(Clue.__table__.c[name].type, ChinaDateTime)
)
_STATE_NAMES = tuple(STATE_COLUMNS)


class StoreNotEmpty(Exception):
    """The store holds clues a pending action or this device needs: pull pages instead."""


def fits(store: Store) -> bool:
    """Whether a snapshot may go into the store: no provisional clue, no pending clue action."""
    with store.session() as session:
        provisional = session.scalar(select(func.count()).where(Clue.provisional.is_(True)))
        pending = session.scalar(select(func.count()).where(OutboxAction.state == PENDING))
    return not provisional and not pending


def open_snapshot(path: Path) -> sqlite3.Connection:
    """The snapshot file, read-only."""
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def load_snapshot(store: Store, path: Path, cursor: str) -> PageResult:
    """Write every clue of the snapshot at `path` and store `cursor` (its position), in one
    transaction.

    Raises SyncDataError (nothing changed) for a file that is not a snapshot of a known
    format, UnknownUnitsError when clues name units the directory lacks, StoreNotEmpty when
    the store does not `fit`.
    """
    if not cursor:
        raise SyncDataError("cursor", "快照缺少同步位置")
    try:
        db = open_snapshot(path)
    except sqlite3.Error as exc:
        raise SyncDataError("snapshot", f"无法打开快照文件：{exc}") from None
    try:
        try:
            facts = read_facts(db)
        except (sqlite3.Error, ValueError) as exc:
            raise SyncDataError("snapshot", f"不是快照文件：{exc}") from None
        if facts.format != FORMAT_VERSION:
            raise SyncDataError("snapshot.format", f"不支持的快照格式 {facts.format}")
        try:
            return _load(store, db, path, cursor)
        except (sqlite3.Error, IntegrityError) as exc:  # unreadable, or rows naming no clue
            raise SyncDataError("snapshot", f"快照文件损坏：{exc}") from None
    finally:
        db.close()


def _blocks(db: sqlite3.Connection, sql: str) -> Iterator[list[Any]]:
    rows = db.execute(sql)
    while block := rows.fetchmany(BLOCK):
        yield block


def _records(db: sqlite3.Connection) -> tuple[list[tuple[int, Any]], list[tuple[int, Any]]]:
    """(ordinal, record) of every notice and penalty case, checked by the wire's models."""
    notices: list[tuple[int, Any]] = []
    cases: list[tuple[int, Any]] = []
    sql = (
        'SELECT ordinal, code, notices, cases FROM "clues" '
        "WHERE notices <> '[]' OR cases <> '[]' ORDER BY ordinal"
    )
    for ordinal, code, notice_json, case_json in db.execute(sql):
        path = f"snapshot.clues[{ordinal}]"
        for notice in checked(list[wire.NoticeOut], notice_json, path + ".notices"):
            notices.append((ordinal, server_notice(notice, code)))
        for case in checked(list[wire.CaseOut], case_json, path + ".cases"):
            cases.append((ordinal, server_case(case, code)))
    return notices, cases


def _check_units(connection: Connection, db: sqlite3.Connection, records: list[Any]) -> None:
    """UnknownUnitsError when the file names units the directory lacks (as `check_units`)."""
    wanted: set[str] = set()
    for row in db.execute('SELECT DISTINCT county_code, township_code, lead_unit FROM "clues"'):
        wanted.update(code for code in row if code)
    wanted.update(u for (u,) in db.execute(f'SELECT DISTINCT unit_code FROM "{ASSISTING_TABLE}"'))
    wanted.update(record.state.unit_code for _, record in records)
    known = set(connection.scalars(select(Unit.code).where(Unit.code.in_(wanted))))
    if wanted - known:
        raise UnknownUnitsError(wanted - known)


def _iso(text: str | None) -> str | None:
    """A cell's instant (naive China time, microseconds written) as `isoformat()` writes the
    aware China time a pull parses it to: what `state_snapshot` keeps of it."""
    if text is None:
        return None
    if len(text) == 26 and text[10] == " ":  # the cell's own shape: no parsing needed
        fraction = "" if text.endswith(".000000") else text[19:]
        return f"{text[:10]}T{text[11:19]}{fraction}+08:00"
    return datetime.fromisoformat(text).replace(tzinfo=CHINA_TZ).isoformat()


def _load(store: Store, db: sqlite3.Connection, path: Path, cursor: str) -> PageResult:
    with store.session() as session, session.begin():
        work = Work(session)
        work.delete_clues(Clue.provisional.is_(False))
        if session.scalar(select(func.count()).select_from(Clue)) or session.scalar(
            select(func.count()).where(OutboxAction.state == PENDING)
        ):
            raise StoreNotEmpty
        connection = session.connection()
        base = int(session.scalar(select(func.coalesce(func.max(Clue.id), 0))) or 0)
        clues = int(db.execute('SELECT count(*) FROM "clues"').fetchone()[0])
        # A large file's clue rows are made in a second process while this one checks the
        # notices and penalty cases.
        drained = _Drained(path, base) if clues >= PARALLEL_FROM else None
        notices, cases = _records(db)
        _check_units(connection, db, [*notices, *cases])
        cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        connection.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MiB while bulk loading
        try:
            with indexes_rebuilt_after(connection, BULK):
                blocks = drained if drained is not None else clue_blocks(str(path), base)
                codes = _write_clues(connection, blocks)
                _write_items(connection, db, base)
            for kind, records in ((SYNCED_NOTICES, notices), (SYNCED_CASES, cases)):
                _write_records(work, kind, [(base + o, r) for o, r in records])
        finally:
            connection.exec_driver_sql(f"PRAGMA cache_size={int(cache or -2000)}")
            if drained is not None:
                drained.thread.join()
        save_cursor(session, cursor)
        sweep_if_resetting(work)
    return PageResult(codes, 0, 0)


def _write_records(work: Work, kind: SyncedKind[Any], items: list[tuple[int, Any]]) -> None:
    """Notices or penalty cases with their history, as `write_server_records` writes them
    into a store without them: one executemany of the rows, one of their history, the values
    stored as the columns' types store them (`insert_statement`)."""
    if not items:
        return
    rows = kind.rows
    values = [
        {
            rows.id_key: record.record_id,
            **rows.row_values(record.state),
            "clue_id": clue_id,
            "server_state": record.snapshot(),
            "server_version": record.version,
            "pending": False,
            "updated_at": record.updated_at,
        }
        for clue_id, record in items
    ]
    connection = work.session.connection()
    connection.exec_driver_sql(*insert_statement(rows.model, values))
    entries = [
        {rows.id_key: record.record_id, **event_row(e)}
        for _, record in items
        for e in record.events
    ]
    if entries:
        connection.exec_driver_sql(*insert_statement(rows.event_model, entries))


def _assisting(db: sqlite3.Connection) -> dict[int, list[str]]:
    units: dict[int, list[str]] = {}
    for ordinal, unit in db.execute(select_items(ASSISTING_TABLE)):
        units.setdefault(ordinal, []).append(unit)
    return units


ClueBlock = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]
"""Driver parameters of a block of clues: rows, search index entries, assisting units."""


def clue_blocks(path: str, base: int) -> Iterator[ClueBlock]:
    """The clue rows of the snapshot at `path` (with `server_state` and `updated_at`), their
    search index entries and assisting units, a block at a time: CPU work only, so that a
    second process can do it while this one writes (a module-level function)."""
    db = open_snapshot(Path(path))
    try:
        assisting = _assisting(db)
        latest = (
            "coalesce((SELECT max(e.at) FROM events e WHERE e.ordinal = c.ordinal), "
            "c.registered_at)"
        )
        code_at, version_at = _AT["code"], _AT["version"]
        value_at = [_AT[name] for name in VALUE_FIELDS]
        state_at = [(name, _AT[name], name in _TIMES) for name in _STATE_NAMES]
        searched = [code_at, _AT["subject_name"], _AT["address"], _AT["description"]]
        for block in _blocks(db, select_clues(latest)):
            params = []
            search = []
            units_rows: list[tuple[Any, ...]] = []
            for row in block:
                ordinal = row[0]
                state = {name: _iso(row[i]) if timed else row[i] for name, i, timed in state_at}
                units = assisting.get(ordinal, [])
                snapshot = json_text(state_snapshot(state, units))
                clue_id = base + ordinal
                params.append(
                    (
                        clue_id,
                        row[code_at],
                        0,
                        row[version_at],
                        snapshot,
                        row[-1],
                        *(row[i] for i in value_at),
                    )
                )
                search.append((clue_id, [row[i] for i in searched]))
                units_rows.extend((clue_id, unit, place) for place, unit in enumerate(units))
            yield params, index_params(search), units_rows
    finally:
        db.close()


def _write_clues(connection: Connection, blocks: Iterable[ClueBlock]) -> int:
    """Insert the clue rows, their search index entries and their assisting units."""
    names = ("id", "code", "provisional", "server_version", "server_state", "updated_at")
    columns = (*names, *VALUE_FIELDS)
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {Clue.__tablename__} ({', '.join(columns)}) VALUES ({marks})"
    units_sql = (
        f"INSERT INTO {AssistingUnit.__tablename__} (clue_id, unit_code, position) VALUES (?, ?, ?)"
    )
    count = 0
    for params, search, units in blocks:
        connection.exec_driver_sql(sql, params)
        connection.exec_driver_sql(INSERT_SQL, search)
        if units:
            connection.exec_driver_sql(units_sql, units)
        count += len(params)
    return count


class _Drained:
    """The blocks of `clue_blocks` made in a second process from now on, handed over by a
    thread of this one as they come (iterate once; what the producer raised is raised)."""

    def __init__(self, path: Path, base: int) -> None:
        self.blocks: queue.SimpleQueue[ClueBlock | BaseException | None] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._drain, args=(str(path), base), daemon=True)
        self.thread.start()

    def _drain(self, path: str, base: int) -> None:
        try:
            for block in produced_in_child(clue_blocks, (path, base), "cluedesk-snapshot"):
                self.blocks.put(block)
            self.blocks.put(None)
        except BaseException as exc:  # handed to the consumer
            self.blocks.put(exc)

    def __iter__(self) -> Iterator[ClueBlock]:
        while True:
            item = self.blocks.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item


def _write_items(connection: Connection, db: sqlite3.Connection, base: int) -> None:
    """History entries, attachment links and metadata, and warning records."""
    events = ITEM_COLUMNS["events"]
    sql = (
        f"INSERT INTO {ClueEvent.__tablename__} (clue_id, {', '.join(events)}, pending) "
        f"VALUES ({', '.join('?' * (len(events) + 2))})"
    )
    for block in _blocks(db, select_items("events")):
        connection.exec_driver_sql(sql, [(base + r[0], *r[1:], 0) for r in block])
    warnings = ITEM_COLUMNS["warnings"]
    stored = ["unit_code" if name == "unit" else name for name in warnings]
    sql = (
        f"INSERT INTO {WarningEpisode.__tablename__} (clue_id, {', '.join(stored)}) "
        f"VALUES ({', '.join('?' * (len(stored) + 1))})"
    )
    for block in _blocks(db, select_items("warnings")):
        connection.exec_driver_sql(sql, [(base + r[0], *r[1:]) for r in block])
    _write_attachments(connection, db, base)


def _write_attachments(connection: Connection, db: sqlite3.Connection, base: int) -> None:
    names = ITEM_COLUMNS["attachments"]
    at = {name: i for i, name in enumerate(names, 1)}
    links: list[tuple[Any, ...]] = []
    files: dict[str, tuple[int, tuple[Any, ...]]] = {}
    for block in _blocks(db, select_items("attachments")):
        for row in block:
            ordinal, sha = row[0], row[at["sha256"]]
            page = (ordinal - 1) // PULL_PAGE
            seen = files.get(sha)
            if seen is None or seen[0] == page:
                files[sha] = (
                    page,
                    (sha, row[at["size"]], row[at["media_type"]], row[at["added_at"]]),
                )
            links.append(
                (
                    base + ordinal,
                    sha,
                    row[at["name"]][:255],
                    row[at["added_at"]],
                    row[at["added_by"]],
                )
            )
    if not links:
        return
    connection.exec_driver_sql(
        f"INSERT INTO {Attachment.__tablename__} (sha256, size, media_type, created_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [row for _, row in files.values()],
    )
    connection.exec_driver_sql(
        f"INSERT INTO {ClueAttachment.__tablename__} (clue_id, sha256, name, added_at, added_by) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (clue_id, sha256) DO UPDATE SET "
        "name = excluded.name, added_at = excluded.added_at, added_by = excluded.added_by",
        links,
    )
