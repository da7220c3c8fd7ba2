"""Opening the store: the data directory, the SQLite engine and its session factory."""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker

from desktop.store.errors import StoreUnusable, problem_from
from desktop.store.health import (
    APPLICATION_ID,
    forget_clean_close,
    inspect_store,
    prepare_data_dir,
    record_clean_close,
    tighten_store_files,
)
from desktop.store.sqlite_files import connect, store_key

log = logging.getLogger("cluedesk.store")

DB_FILE = "cluedesk.sqlite3"
HEAD_REVISION = "0013"
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


ENCRYPTED_CACHE_KIB = 65536
"""The page cache of an encrypted store's connections (64 MiB; SQLite's default is 2 MiB).

SQLCipher decrypts and authenticates a page each time it enters the cache: with the default
cache a queue query re-decrypted most of its pages on every run (3.7 times a plain store's
time on 40,000 clues); with this one the hot pages stay decrypted, and the encrypted store
answers the queue and search queries in the time of a plain store given the same cache
(bench/cipher_bench.py). A plain store keeps the default: the system's file cache serves it
as well, and the larger cache would cost a window over 100,000 clues some 120 MB at start.
The cache grows only as far as pages are read."""


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def set_cache(kib: int) -> Callable[[Any, Any], None]:
    """A connect listener giving every connection a page cache of `kib` KiB."""

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA cache_size = -{int(kib)}")
        cursor.close()

    return on_connect


def make_engine(db_path: Path, *, shown_as: Path | None = None, key: bytes | None = None) -> Engine:
    """An engine on the SQLite file: WAL, foreign keys and a busy timeout on every connection.

    With a `key` the file is an SQLCipher one: every connection is made by
    `sqlite_files.connect` (the key its first statement) through SQLCipher's driver.
    A full disk, a read-only file or damage met while it runs is raised as StoreUnusable,
    naming the file (`shown_as` when the file is a temporary one that becomes it). The
    statements' parameters (reporter data among them) are kept out of every error's text.
    """
    if key is None:
        engine = create_engine(f"sqlite:///{db_path}", hide_parameters=True)
    else:
        from sqlcipher3 import dbapi2

        engine = create_engine(
            f"sqlite:///{db_path}",
            hide_parameters=True,
            module=dbapi2,
            creator=lambda: connect(db_path, key, check_same_thread=False),
        )
    event.listen(engine, "connect", _on_connect)
    if key is not None:
        event.listen(engine, "connect", set_cache(ENCRYPTED_CACHE_KIB))
    named = shown_as or db_path

    def explain(context: ExceptionContext) -> BaseException | None:
        return problem_from(context.original_exception, named)

    event.listen(engine, "handle_error", explain)
    return engine


def _damage(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    damage = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_IOERR)
    return isinstance(code, int) and code & 0xFF in damage


@dataclass
class Store:
    """An opened clue store: its folder, engine and sessions (expire_on_commit off)."""

    data_dir: Path
    engine: Engine
    sessions: sessionmaker[Session] = field(init=False)
    record_close: bool = False
    """Whether closing notes the file as cleanly closed (stores opened by `open_store`)."""
    key: bytes | None = None
    """The SQLCipher key of an encrypted store (fetched once, at open); None: plain."""
    encryption_problem: str = ""
    """Why the platform's request to encrypt this store could not be met ("" when none)."""
    _checkpoints: list[threading.Thread] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self.engine, "handle_error", self._on_error)

    def _on_error(self, context: ExceptionContext) -> None:
        if _damage(context.original_exception):  # check the whole file at the next open
            self.record_close = False
            forget_clean_close(self.db_path)

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

    def checkpoint_soon(self) -> None:
        """Copy the write-ahead log into the file in a background thread: after a bulk load
        whose commit skipped it (`wal_autocheckpoint` off), so the caller goes on at once.

        A passive checkpoint never blocks readers or writers; a truncating one then empties
        the log (waiting at most the busy timeout). `settle` and `close` wait for it.
        """
        self._checkpoints[:] = [t for t in self._checkpoints if t.is_alive()]
        thread = threading.Thread(target=self._checkpoint, name="cluedesk-checkpoint", daemon=True)
        self._checkpoints.append(thread)
        thread.start()

    def _checkpoint(self) -> None:
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception:  # the next commit's automatic checkpoint folds the log in instead
            log.warning("background checkpoint of %s failed", self.db_path.name, exc_info=True)

    def settle(self) -> None:
        """Wait for the background checkpoints started so far."""
        for thread in self._checkpoints:
            thread.join()

    def close(self) -> None:
        """Release every pooled connection (and note the file as cleanly closed)."""
        self.settle()
        self.engine.dispose()
        if self.record_close and self.db_path.is_file():
            record_clean_close(self.db_path)


def open_store(data_dir: Path | None = None, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the store in `data_dir`, migrated to the newest schema.

    The folder and an existing file are checked before anything reads or writes them (see
    desktop.store.health); StoreUnusable, with a message in Chinese, says why one cannot be
    used, and leaves it as it was.
    """
    folder = prepare_data_dir(Path(data_dir) if data_dir is not None else default_data_dir())
    db_path = folder / DB_FILE
    key: bytes | None = None
    if not os.path.lexists(db_path) and _create_store(db_path, migrate=migrate):
        revision, adopt = (HEAD_REVISION if migrate else None), False
    else:
        key = store_key(folder)
        found = inspect_store(db_path, key=key)
        revision, adopt = found.revision, found.needs_application_id
        if migrate and revision not in (None, HEAD_REVISION):
            from desktop.store.migrate import refuse_unknown

            refuse_unknown(revision, db_path)
        tighten_store_files(db_path)
    engine = make_engine(db_path, key=key)
    try:
        if migrate and revision != HEAD_REVISION:
            from desktop.store.migrate import upgrade_if_needed

            upgrade_if_needed(engine, db_path)
        if adopt:  # a store of an older cluedesk: mark it as ours
            with engine.begin() as connection:
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    except BaseException:
        engine.dispose()
        raise
    store = Store(folder, engine, record_close=True, key=key)
    from desktop.store.cipher_requests import encryption_pending

    if encryption_pending(store):  # the platform asked for it: only ever at an open
        from desktop.store.cipher_upgrade import encrypt_on_open

        store = encrypt_on_open(store)
    return store


def _create_store(db_path: Path, *, migrate: bool) -> bool:
    """Build a new store in a temporary file and put it in place only once it is complete.

    So an interrupted first start (or a full disk) never leaves a half-made or empty store
    behind. False when another process put its store there first (then that one is used).
    """
    try:
        handle, name = tempfile.mkstemp(dir=db_path.parent, prefix=".new-", suffix=".sqlite3")
    except OSError as exc:
        raise problem_from(exc, db_path) or StoreUnusable(
            f"无法在 {db_path.parent} 中新建线索库：{exc.strerror or exc}", db_path
        ) from None
    os.close(handle)  # mkstemp made it readable by the user only; SQLite's side files follow
    temporary = Path(name)
    try:
        engine = make_engine(temporary, shown_as=db_path)
        try:
            with engine.begin() as connection:
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            if migrate:
                from desktop.store.migrate import upgrade_if_needed

                upgrade_if_needed(engine, temporary)
        finally:
            engine.dispose()
        try:
            os.link(temporary, db_path)
        except FileExistsError:
            log.info("another process created %s first: using it", db_path)
            return False
        except OSError:  # no hard links on this file system
            if os.path.lexists(db_path):
                return False
            os.replace(temporary, db_path)
        return True
    except OSError as exc:
        raise problem_from(exc, db_path) or StoreUnusable(
            f"无法新建线索库 {db_path}：{exc.strerror or exc}", db_path
        ) from None
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{temporary}{suffix}").unlink(missing_ok=True)
