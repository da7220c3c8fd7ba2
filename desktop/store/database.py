"""Opening the store: the data directory, the SQLite engine and its session factory."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

DB_FILE = "cluedesk.sqlite3"
HEAD_REVISION = "0003"
"""The newest migration (a test holds it equal to Alembic's head): a current store opens
without loading Alembic at all, which keeps the window's cold start short."""
DATA_DIR_ENV = "CLUEDESK_DATA_DIR"


def default_data_dir() -> Path:
    """The data directory: $CLUEDESK_DATA_DIR, else the user's data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("cluedesk", appauthor=False)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(db_path: Path) -> Engine:
    """An engine on the SQLite file: WAL, foreign keys and a busy timeout on every connection."""
    engine = create_engine(f"sqlite:///{db_path}")
    event.listen(engine, "connect", _on_connect)
    return engine


@dataclass
class Store:
    """An opened clue store: its folder, engine and sessions (expire_on_commit off)."""

    data_dir: Path
    engine: Engine
    sessions: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def db_path(self) -> Path:
        """The SQLite file."""
        return self.data_dir / DB_FILE

    @property
    def attachments_dir(self) -> Path:
        """Where attachment files live, named by SHA-256."""
        return self.data_dir / "attachments"

    def session(self) -> Session:
        """A new session; use it as a context manager and commit explicitly."""
        return self.sessions()

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def open_store(data_dir: Path | None = None, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the store in `data_dir`, migrated to the newest schema."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / DB_FILE
    engine = make_engine(db_path)
    if migrate and _revision(engine) != HEAD_REVISION:
        from desktop.store.migrate import upgrade_if_needed

        upgrade_if_needed(engine, db_path)
    return Store(folder, engine)


def _revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database, read without loading Alembic."""
    with engine.connect() as connection:
        try:
            return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        except OperationalError:  # a new database: no version table yet
            return None
