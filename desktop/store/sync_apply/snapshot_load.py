"""Loading a first-sync snapshot file into the store in bulk: every clue of the scope and the
cursor of the snapshot's feed position, in ONE transaction (all of it or nothing).

The file's cells are already what the store's columns hold (`desktop.wire.snapshot.cell`).
The file is attached to the loading connection: history entries, warning records and
attachments are copied by INSERT ... SELECT; the clue rows go in with executemany INSERTs;
the secondary indexes are built once afterwards. The columns a pull derives are derived
here by the pull's own functions: the workflow snapshot `server_state` (`state_snapshot`),
`updated_at` (the last history entry, else the registration), the search index
(`index_params`); notices and penalty cases are written as `write_server_records` writes
them. The result is row for row what a pull from scratch writes
(tests/sync/test_snapshot_sync.py compares them). From `PARALLEL_FROM` clues on, a second
process makes most of the clue rows and then the notices' and penalty cases' rows while this
one writes. The commit skips the write-ahead log's checkpoint; a background thread does it
(`Store.checkpoint_soon`).

A snapshot goes only into a store with no clue a pending action or this device needs: no
provisional clue and no pending clue action (`fits`). Platform clues already there (after a
reset) are deleted first, in the same transaction; otherwise the caller pulls pages, which
merge with local work and replay the outbox on top.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError

from desktop.demo.child import PARALLEL_FROM, produced_in_child
from desktop.domain.timeutil import CHINA_TZ
from desktop.store.clue_rows import STATE_COLUMNS
from desktop.store.database import Store
from desktop.store.demo_load import Statement, indexes_rebuilt_after, insert_statement
from desktop.store.errors import StoreUnusable
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
OWN_SHARE = 0.4
"""Of a large file, the share of clue rows this process makes while the second one starts."""
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
        except (StoreUnusable, RuntimeError):
            # A damaged page of the file, met while the store's connection copied from it
            # (reported as the store's damage) or while the second process read it.
            if _intact(db):
                raise
            raise SyncDataError("snapshot", "快照文件损坏：数据页校验未通过") from None
    finally:
        db.close()


def _intact(db: sqlite3.Connection) -> bool:
    """Whether SQLite's quick check finds the file sound."""
    try:
        return [row[0] for row in db.execute("PRAGMA quick_check")] == ["ok"]
    except sqlite3.DatabaseError:
        return False


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


def _clue_units(db: sqlite3.Connection) -> set[str]:
    """The unit codes the file's clues name."""
    wanted: set[str] = set()
    for row in db.execute('SELECT DISTINCT county_code, township_code, lead_unit FROM "clues"'):
        wanted.update(code for code in row if code)
    wanted.update(u for (u,) in db.execute(f'SELECT DISTINCT unit_code FROM "{ASSISTING_TABLE}"'))
    return wanted


def _check_units(connection: Connection, wanted: set[str]) -> None:
    """UnknownUnitsError when the file names units the directory lacks (as `check_units`)."""
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


ATTACHED = "snap"
"""The snapshot file's schema name while it is attached to the store's connection."""
LOAD_PRAGMAS = {
    "cache_size": -262144,  # 256 MiB while bulk loading
    "threads": 2,  # the index builds sort on two threads
    "wal_autocheckpoint": 0,  # the log is copied into the file afterwards, in the background
}
"""Settings of the loading connection, put back when it is done."""


@contextmanager
def _loading(connection: Connection, path: Path) -> Iterator[None]:
    """The snapshot file attached as `ATTACHED` (before any transaction: SQLite attaches
    only outside one) and `LOAD_PRAGMAS` set; all undone at the end."""
    kept = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in LOAD_PRAGMAS}
    connection.exec_driver_sql(f"ATTACH DATABASE ? AS {ATTACHED}", (str(path),))
    for name, value in LOAD_PRAGMAS.items():
        connection.exec_driver_sql(f"PRAGMA {name}={value}")
    connection.commit()
    try:
        yield
    finally:
        connection.rollback()  # nothing left open after a failure
        for name, old in kept.items():
            connection.exec_driver_sql(f"PRAGMA {name}={int(old or 0)}")
        connection.exec_driver_sql(f"DETACH DATABASE {ATTACHED}")
        connection.commit()


def _load(store: Store, db: sqlite3.Connection, path: Path, cursor: str) -> PageResult:
    with store.engine.connect() as connection, _loading(connection, path):
        with store.sessions(bind=connection) as session, session.begin():
            work = Work(session)
            codes = _write_all(work, db, path)
            save_cursor(session, cursor)
            sweep_if_resetting(work)
    store.checkpoint_soon()
    return PageResult(codes, 0, 0)


def _write_all(work: Work, db: sqlite3.Connection, path: Path) -> int:
    """Replace the store's platform clues by the file's; the number of clues written."""
    session = work.session
    work.delete_clues(Clue.provisional.is_(False))
    if session.scalar(select(func.count()).select_from(Clue)) or session.scalar(
        select(func.count()).where(OutboxAction.state == PENDING)
    ):
        raise StoreNotEmpty
    connection = session.connection()
    base = int(session.scalar(select(func.coalesce(func.max(Clue.id), 0))) or 0)
    clues = int(db.execute('SELECT count(*) FROM "clues"').fetchone()[0])
    _check_units(connection, _clue_units(db))
    # A large file's rows are made in a second process while this one writes: the clue
    # blocks after the first `OWN_SHARE` (which this process makes meanwhile), then the
    # notices and penalty cases, which this process takes only after building the indexes.
    own = int(clues * OWN_SHARE) if clues >= PARALLEL_FROM else clues
    rest = range(own + 1, clues + 1)
    rows = _Drained(path, base, rest) if rest else snapshot_rows(str(path), base, rest)
    try:
        with indexes_rebuilt_after(connection, BULK):
            _write_clues(connection, clue_blocks(str(path), base, range(1, own + 1)), own)
            _write_clues(connection, rows, len(rest))
            _write_items(connection, base)
        records = next(rows)
        if isinstance(records, SyncDataError):
            raise records
        assert isinstance(records, RecordRows)
        _check_units(connection, records.units)
        for statement in records.statements:
            connection.exec_driver_sql(*statement)
    finally:
        if isinstance(rows, _Drained):
            rows.thread.join()
    return clues


@dataclass(frozen=True)
class RecordRows:
    """The INSERTs of a snapshot's notices and penalty cases, and the units they name."""

    statements: list[Statement]
    units: set[str]


def record_rows(db: sqlite3.Connection, base: int) -> RecordRows:
    """The notices and penalty cases of the file, checked by the wire's models, as rows."""
    notices, cases = _records(db)
    return RecordRows(
        [
            *_record_statements(SYNCED_NOTICES, [(base + o, r) for o, r in notices]),
            *_record_statements(SYNCED_CASES, [(base + o, r) for o, r in cases]),
        ],
        {record.state.unit_code for _, record in [*notices, *cases]},
    )


def _record_statements(kind: SyncedKind[Any], items: list[tuple[int, Any]]) -> list[Statement]:
    """The INSERTs of notices or penalty cases with their history, as `write_server_records`
    writes them into a store without them: one executemany of the rows, one of their history,
    the values stored as the columns' types store them (`insert_statement`)."""
    if not items:
        return []
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
    statements = [insert_statement(rows.model, values)]
    entries = [
        {rows.id_key: record.record_id, **event_row(e)}
        for _, record in items
        for e in record.events
    ]
    if entries:
        statements.append(insert_statement(rows.event_model, entries))
    return statements


def _assisting(db: sqlite3.Connection) -> dict[int, list[str]]:
    units: dict[int, list[str]] = {}
    for ordinal, unit in db.execute(select_items(ASSISTING_TABLE)):
        units.setdefault(ordinal, []).append(unit)
    return units


ClueBlock = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]
"""Driver parameters of a block of clues: rows, search index entries, assisting units."""


def clue_blocks(path: str, base: int, ordinals: range | None = None) -> Iterator[ClueBlock]:
    """The clue rows of the snapshot at `path` (with `server_state` and `updated_at`), their
    search index entries and assisting units, a block at a time (only the `ordinals` given,
    or all): CPU work only, so that a second process can do it while this one writes."""
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
        for block in _blocks(db, select_clues(latest, ordinals)):
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


def snapshot_rows(
    path: str, base: int, ordinals: range | None = None
) -> Iterator[ClueBlock | RecordRows | SyncDataError]:
    """The blocks of `clue_blocks`, then the file's `RecordRows` (or the SyncDataError its
    notices or penalty cases raise, handed over as a value): CPU work only, so that a second
    process can do it while this one writes (a module-level function)."""
    yield from clue_blocks(path, base, ordinals)
    db = open_snapshot(Path(path))
    try:
        yield record_rows(db, base)
    except SyncDataError as exc:
        yield exc
    finally:
        db.close()


def _write_clues(connection: Connection, rows: Iterator[Any], count: int) -> None:
    """Insert the `count` clue rows, their search index entries and their assisting units."""
    names = ("id", "code", "provisional", "server_version", "server_state", "updated_at")
    columns = (*names, *VALUE_FIELDS)
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {Clue.__tablename__} ({', '.join(columns)}) VALUES ({marks})"
    units_sql = (
        f"INSERT INTO {AssistingUnit.__tablename__} (clue_id, unit_code, position) VALUES (?, ?, ?)"
    )
    written = 0
    while written < count:
        params, search, units = next(rows)
        connection.exec_driver_sql(sql, params)
        connection.exec_driver_sql(INSERT_SQL, search)
        if units:
            connection.exec_driver_sql(units_sql, units)
        written += len(params)


class _Drained:
    """The items of `snapshot_rows` made in a second process from now on, handed over by a
    thread of this one as they come (iterate once; what the producer raised is raised)."""

    def __init__(self, path: Path, base: int, ordinals: range) -> None:
        self.blocks: queue.SimpleQueue[Any] = queue.SimpleQueue()
        args = (str(path), base, ordinals)
        self.thread = threading.Thread(target=self._drain, args=(args,), daemon=True)
        self.thread.start()

    def _drain(self, args: tuple[str, int, range]) -> None:
        try:
            for block in produced_in_child(snapshot_rows, args, "cluedesk-snapshot"):
                self.blocks.put(block)
            self.blocks.put(None)
        except BaseException as exc:  # handed to the consumer
            self.blocks.put(exc)

    def __iter__(self) -> _Drained:
        return self

    def __next__(self) -> Any:
        item = self.blocks.get()
        if item is None:
            raise StopIteration
        if isinstance(item, BaseException):
            raise item
        return item


def _copy_items(
    connection: Connection,
    table: str,
    target: str,
    base: int,
    renamed: dict[str, str] | None = None,
    constant: dict[str, str] | None = None,
) -> None:
    """INSERT ... SELECT of an item table of the attached file into `target`, in (ordinal,
    position) order: `renamed` names a column of the file as the store does, `constant` adds
    store columns with a fixed SQL value."""
    names = ITEM_COLUMNS[table]
    stored = [(renamed or {}).get(name, name) for name in names]
    values = [f'"{name}"' for name in names]
    for name, value in (constant or {}).items():
        stored.append(name)
        values.append(value)
    connection.exec_driver_sql(
        f"INSERT INTO {target} (clue_id, {', '.join(stored)}) "
        f"SELECT ordinal + ?, {', '.join(values)} "
        f'FROM {ATTACHED}."{table}" ORDER BY ordinal, position',
        (base,),
    )


def _write_items(connection: Connection, base: int) -> None:
    """History entries, warning records, attachment links and metadata: copied from the
    attached file by SQL."""
    _copy_items(connection, "events", ClueEvent.__tablename__, base, constant={"pending": "0"})
    _copy_items(
        connection, "warnings", WarningEpisode.__tablename__, base, renamed={"unit": "unit_code"}
    )
    _write_attachments(connection, base)


def _write_attachments(connection: Connection, base: int) -> None:
    """Attachment links, and metadata kept as a pull of `PULL_PAGE`-clue pages keeps it: of
    the file's rows naming the same file, the last of the first page that names it."""
    table = f'{ATTACHED}."attachments"'
    page = f"(ordinal - 1) / {PULL_PAGE}"
    connection.exec_driver_sql(
        f"INSERT INTO {Attachment.__tablename__} (sha256, size, media_type, created_at) "
        "SELECT sha256, size, media_type, added_at FROM ("
        "SELECT sha256, size, media_type, added_at, row_number() OVER (PARTITION BY sha256 "
        f"ORDER BY {page}, ordinal DESC, position DESC) AS choice FROM {table}"
        ") WHERE choice = 1 ON CONFLICT DO NOTHING"
    )
    connection.exec_driver_sql(
        f"INSERT INTO {ClueAttachment.__tablename__} (clue_id, sha256, name, added_at, added_by) "
        f"SELECT ordinal + ?, sha256, substr(name, 1, 255), added_at, added_by FROM {table} "
        "WHERE true ORDER BY ordinal, position "
        "ON CONFLICT (clue_id, sha256) DO UPDATE SET "
        "name = excluded.name, added_at = excluded.added_at, added_by = excluded.added_by",
        (base,),
    )
