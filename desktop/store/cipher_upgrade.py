"""Encrypting a plain store in place, without loss: the SQLite file, then its attachments.

It runs when a store is opened and the platform has asked for encryption (see
desktop.store.cipher_requests): then nothing else in this program holds a connection to it.
The steps, each leaving a usable store behind if the program stops there:

1. the key is made and put into the keyring (read back) before anything else;
2. the plain file is checkpointed and exported by SQLCipher (`sqlcipher_export`) into a
   temporary file beside it, its application_id and user_version carried over;
3. the copy is verified: SQLCipher's and SQLite's integrity checks, and the row count of
   every table equal to the plain file's;
4. the marker `cluedesk.encrypted` and the note that attachments are still to do are
   written, then the copy atomically replaces the plain file (`os.replace`) and the plain
   file's emptied WAL and SHM files are removed;
5. every attachment file is encrypted where it lies (each one atomically), then the notes
   are removed.

Stopped before 4 the plain file is still the store (the marker beside a file that has an
SQLite header means nothing) and the next open starts again; stopped after 4 the encrypted
file is the store, and the next open finishes the attachments.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock, Timeout

from desktop.domain.messages import Message
from desktop.store import cipher_files
from desktop.store.cipher_requests import ATTACHMENTS_PENDING, REQUEST_FILE
from desktop.store.database import DB_FILE, Store, make_engine
from desktop.store.errors import driver_errors
from desktop.store.health import APPLICATION_ID, forget_clean_close, tighten_store_files
from desktop.store.sqlite_files import (
    KeyringUnavailable,
    connect,
    ensure_store_key,
    marker_path,
)

log = logging.getLogger("cluedesk.store")

TEMPORARY = ".encrypting-" + DB_FILE
SYNC_LOCK = "sync.lock"
"""The data folder's sync lock (desktop.sync.engine.LOCK_FILE): no sync runs meanwhile."""
Progress = Callable[[str, int, int], None]
"""progress(step, done, total): step is "database" or "attachments"."""


class EncryptionFailed(RuntimeError):
    """The encrypted copy did not match the plain store; the plain store is kept."""


def _tables(connection: object) -> dict[str, int]:
    cursor = connection.execute(  # type: ignore[attr-defined]
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    names = sorted(str(name) for (name,) in cursor.fetchall())
    return {
        name: int(
            connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # type: ignore[attr-defined]
        )
        for name in names
    }


def _export(db_path: Path, temporary: Path, key: bytes) -> dict[str, int]:
    """Step 2: the plain file exported into an encrypted copy; the plain row counts."""
    from sqlcipher3 import dbapi2

    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{temporary}{suffix}").unlink(missing_ok=True)
    plain = dbapi2.connect(str(db_path))
    try:
        plain.execute("PRAGMA busy_timeout = 5000")
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        application_id = int(plain.execute("PRAGMA application_id").fetchone()[0])
        user_version = int(plain.execute("PRAGMA user_version").fetchone()[0])
        counts = _tables(plain)
        plain.execute("ATTACH DATABASE ? AS enc KEY ?", (str(temporary), f"x'{key.hex()}'"))
        plain.execute("SELECT sqlcipher_export('enc')").fetchall()
        plain.execute(f"PRAGMA enc.application_id = {application_id or APPLICATION_ID}")
        plain.execute(f"PRAGMA enc.user_version = {user_version}")
        plain.commit()
        plain.execute("DETACH DATABASE enc")
    finally:
        plain.close()
    return counts


def _verify(temporary: Path, key: bytes, counts: dict[str, int]) -> None:
    """Step 3: the encrypted copy is whole and holds every row of the plain file."""
    copy = connect(temporary, key)
    try:
        problems = [str(row[0]) for row in copy.execute("PRAGMA cipher_integrity_check")]
        checked = [str(row[0]) for row in copy.execute("PRAGMA quick_check")]
        found = _tables(copy)
    finally:
        copy.close()
    if problems or checked != ["ok"] or found != counts:
        raise EncryptionFailed(
            f"encrypted copy differs: integrity {problems[:3]} {checked[:3]}, "
            f"tables {sorted(set(found.items()) ^ set(counts.items()))[:5]}"
        )
    with open(temporary, "rb+") as data:  # on disk before it can replace the store
        os.fsync(data.fileno())


def _write_note(path: Path) -> None:
    with open(path, "w", encoding="ascii") as out:
        out.write("1\n")
        out.flush()
        os.fsync(out.fileno())


def _replace(temporary: Path, db_path: Path) -> None:
    """Step 4: the encrypted copy becomes the store (the notes written first)."""
    folder = db_path.parent
    _write_note(marker_path(folder))
    _write_note(folder / ATTACHMENTS_PENDING)
    os.replace(temporary, db_path)
    for suffix in ("-wal", "-shm"):  # the plain file's, emptied by the checkpoint
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    forget_clean_close(db_path)
    tighten_store_files(db_path)
    if os.name == "posix":  # the rename itself on disk
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def encrypt_attachments(attachments_dir: Path, key: bytes, progress: Progress | None = None) -> int:
    """Step 5: every plain attachment file encrypted where it lies; how many were."""
    if not attachments_dir.is_dir():
        return 0
    files = [
        path
        for path in sorted(attachments_dir.glob("??/*"))
        if path.is_file() and not path.name.startswith(".")
    ]
    done = 0
    for index, path in enumerate(files, 1):
        done += cipher_files.encrypt_in_place(path, key)
        if progress is not None:
            progress("attachments", index, len(files))
    return done


def encrypt_store_file(data_dir: Path, key: bytes, progress: Progress | None = None) -> None:
    """Steps 2 to 5 on a plain store no connection is open to (the key already kept)."""
    db_path = data_dir / DB_FILE
    temporary = data_dir / TEMPORARY
    if progress is not None:
        progress("database", 0, 1)
    try:
        counts = _export(db_path, temporary, key)
        _verify(temporary, key, counts)
        _replace(temporary, db_path)
    except BaseException:
        for suffix in ("", "-journal"):
            Path(f"{temporary}{suffix}").unlink(missing_ok=True)
        raise
    if progress is not None:
        progress("database", 1, 1)
    finish_attachments(data_dir, key, progress)


def finish_attachments(data_dir: Path, key: bytes, progress: Progress | None = None) -> None:
    """Step 5 and the notes' removal (also what an interrupted upgrade left to do)."""
    count = encrypt_attachments(data_dir / "attachments", key, progress)
    (data_dir / ATTACHMENTS_PENDING).unlink(missing_ok=True)
    (data_dir / REQUEST_FILE).unlink(missing_ok=True)
    log.info("store encrypted (%d attachment files)", count)


def no_keyring_message(cause: str) -> str:
    """What the window's banner says when there is no keyring to keep the key in."""
    return Message(
        "平台要求加密本机线索库，但{cause}，线索库仍保持未加密。请启用系统密钥环"
        "（Windows 凭据管理器，或 Linux 的 Secret Service，如 GNOME 密钥环）后重新启动 cluedesk。",
        cause=cause,
    )


def encrypt_on_open(store: Store, progress: Progress | None = None) -> Store:
    """The store, encrypted if the platform asked for it: called by `open_store`.

    Without a usable keyring the store stays plain and `encryption_problem` says why (the
    window shows it; the log names the cause). A failed upgrade keeps the plain store.
    """
    folder = store.data_dir
    if store.key is not None:  # an upgrade stopped after the file was replaced
        finish_attachments(folder, store.key, progress)
        return store
    try:
        key = ensure_store_key(folder)
    except KeyringUnavailable as exc:
        log.warning("the platform asks for an encrypted store, but: %s; it stays plain", exc)
        store.encryption_problem = no_keyring_message(str(exc))
        return store
    try:
        with FileLock(folder / SYNC_LOCK, timeout=0):
            store.engine.dispose()
            log.info("encrypting the store in %s as the platform asks", folder)
            encrypt_store_file(folder, key, progress)
    except Timeout:
        log.info("a sync holds the data folder: the store is encrypted at a later start")
        return store
    except driver_errors(OSError, EncryptionFailed) as exc:
        log.error("encrypting the store failed, it stays plain: %s", exc)
        store.encryption_problem = Message(
            "加密本机线索库没有完成（{error}），线索库保持未加密，数据没有损失；下次启动时会再试。",
            error=type(exc).__name__,
        )
        return store
    return Store(folder, make_engine(folder / DB_FILE, key=key), record_close=True, key=key)
