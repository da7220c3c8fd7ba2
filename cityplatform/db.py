"""Engines and transactions: one code path for SQLite (default) and PostgreSQL (psycopg 3).

Writers serialize where it matters: on SQLite every write transaction starts with
`BEGIN IMMEDIATE`; on PostgreSQL rows are locked with `SELECT … FOR UPDATE` and counters
with `UPDATE … RETURNING`. Readers of the change feed get one snapshot per transaction
(WAL snapshot on SQLite, REPEATABLE READ on PostgreSQL).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

from cityplatform.types import json_dumps, naive_china, sqlite_text

WRITE_OPTION = "cluedesk_write"
PG_POOL_SIZE = 16
"""Connections a worker keeps to PostgreSQL: one for each thread of its pool for blocking
routes (cityplatform/serving.py, 12 by default) and a few to spare, so that a busy worker
opens none per request (opening one costs milliseconds on both sides)."""
PG_POOL_OVERFLOW = 16
"""More, opened only while requests hold two at once (a write beside a read snapshot)."""
SQLITE_BUSY_SECONDS = 60.0


class DatabaseUrlError(ValueError):
    """The database URL is not one the platform can use."""


def normalize_url(url: str) -> URL:
    """Parse a URL; `postgresql://` means psycopg 3; only SQLite files and PostgreSQL."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # noqa: BLE001 - SQLAlchemy raises ArgumentError and others
        raise DatabaseUrlError(f"数据库地址无效：{url}") from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
            parsed = parsed.set(drivername="postgresql+psycopg")
        return parsed
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise DatabaseUrlError("SQLite 数据库必须是一个文件（sqlite:///路径）")
        return parsed
    raise DatabaseUrlError(f"不支持的数据库：{backend}（可用 sqlite:///文件 或 postgresql://…）")


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_SECONDS * 1000)}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    if connection.get_execution_options().get(WRITE_OPTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def make_engine(url: str | URL) -> Engine:
    """An engine for the URL: WAL, foreign keys and immediate write transactions on SQLite."""
    parsed = normalize_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            parsed,
            connect_args={"timeout": SQLITE_BUSY_SECONDS, "check_same_thread": False},
            json_serializer=json_dumps,
            pool_size=8,
            max_overflow=32,
        )
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(
        parsed,
        json_serializer=json_dumps,
        pool_size=PG_POOL_SIZE,
        max_overflow=PG_POOL_OVERFLOW,
        pool_pre_ping=True,
    )


@dataclass
class Database:
    """The platform database: engine, and sessions for writing, reading and snapshots."""

    engine: Engine
    _writer: Engine = field(init=False, repr=False)
    _snapshot: Engine = field(init=False, repr=False)
    _single: Engine = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._writer = self.engine.execution_options(**{WRITE_OPTION: True})
        if self.is_sqlite:
            self._snapshot = self._single = self.engine
        else:
            self._snapshot = self.engine.execution_options(isolation_level="REPEATABLE READ")
            self._single = self.engine.execution_options(isolation_level="AUTOCOMMIT")

    @property
    def is_sqlite(self) -> bool:
        """Whether the database is SQLite (else PostgreSQL)."""
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file, or None on PostgreSQL."""
        if not self.is_sqlite or not self.engine.url.database:
            return None
        return Path(self.engine.url.database)

    def write(self) -> Session:
        """A session whose transaction serializes against other writers (commit explicitly)."""
        return Session(self._writer, expire_on_commit=False)

    def writer(self) -> Connection:
        """A connection whose every transaction serializes against other writers."""
        return self._writer.connect()

    def read(self) -> Session:
        """A session for plain reads."""
        return Session(self.engine, expire_on_commit=False)

    def snapshot(self) -> Session:
        """A read session that sees one consistent snapshot for its whole transaction."""
        return Session(self._snapshot, expire_on_commit=False)

    def statement_connection(self) -> Connection:
        """A Core connection for a single read statement, which sees one consistent state on
        its own: no transaction around it on PostgreSQL (no BEGIN and COMMIT round trips)."""
        return self._single.connect()

    def snapshot_connection(self) -> Connection:
        """A Core connection whose transactions each see one consistent snapshot (as
        `snapshot`, without an ORM session's bookkeeping: for the hot read paths)."""
        return self._snapshot.connect()

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_database(url: str) -> Database:
    """Open (not migrate) the database at `url`."""
    return Database(make_engine(normalize_url(url)))


def default_data_dir(db: Database) -> Path | None:
    """Where attachment files live by default: beside the SQLite file (None on PostgreSQL)."""
    path = db.sqlite_path
    if path is None:
        return None
    return path.resolve().parent / f"{path.stem}-files"


def stored_value(value: Any, sqlite: bool) -> Any:
    """A Python value as `bulk_insert` hands it to the driver (China-time text on SQLite)."""
    if isinstance(value, datetime):
        return sqlite_text(value) if sqlite else naive_china(value)
    if isinstance(value, dict | list):
        return json_dumps(value)
    if isinstance(value, bool) and sqlite:
        return int(value)
    return value


def stored_row(values: Sequence[Any], sqlite: bool) -> tuple[Any, ...]:
    """A row of `stored_value`s."""
    return tuple(stored_value(v, sqlite) for v in values)


def bulk_insert(
    connection: Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    prepared: bool = False,
) -> int:
    """Insert many plain rows fast (executemany on SQLite, COPY on PostgreSQL).

    Rows hold Python values, or driver values from `stored_row` when `prepared`.
    """
    sqlite = connection.dialect.name == "sqlite"
    params = list(rows) if prepared else [stored_row(row, sqlite) for row in rows]
    if not params:
        return 0
    names = ", ".join(columns)
    if sqlite:
        marks = ", ".join("?" * len(columns))
        connection.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", params)
        return len(params)
    raw: Any = connection.connection.dbapi_connection
    with raw.cursor() as cursor:
        with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in params:
                copy.write_row(row)
    return len(params)


def sync_id_sequence(connection: Connection, table: str, column: str = "id") -> None:
    """After inserting explicit ids, move PostgreSQL's id sequence past them (no-op on SQLite)."""
    if connection.dialect.name != "postgresql":
        return
    connection.exec_driver_sql(
        f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
        f"COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
    )
