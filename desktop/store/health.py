"""A store that defends itself: checks made before anything reads or writes the SQLite file.

Every open goes through `inspect_store`, which refuses, with `StoreUnusable` and a message in
Chinese, a file that is empty, truncated, not SQLite, another program's database, or damaged,
and leaves it byte for byte as it was. The cheap checks (the file's size and header, and a
read-only look at its schema, well under a millisecond) run on every open. SQLite's
`quick_check` reads the whole file (about 1 s warm and 6 s from a cold disk cache on a
100,000-clue store), so it runs only when the file is not exactly as cluedesk left it at its
last clean close: `record_clean_close` notes the file's size, times and inode beside it when
a store is closed (after setting its modification time to a sentinel in the past that no
later write can produce), and any later change by anything else, a crash after the file was
written to, or a copied-in file, fails that comparison and gets the full check.

The sentences themselves, and `problem_from`, which maps the errors a running store can
still meet (a full disk, a read-only folder, damage found on reading) to the same exception,
live in desktop.store.errors, so the command line and the window explain them the same way.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import stat
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.messages import Message
from desktop.store.errors import (
    StoreUnusable,
    damaged,
    driver_errors,
    empty_file,
    file_not_writable,
    folder_not_writable,
    foreign,
    not_a_folder,
    problem_from,
)

log = logging.getLogger("cluedesk.store")

APPLICATION_ID = 0x434C5545
"""SQLite's application_id of a cluedesk store ("CLUE"), set when the store is created."""
CLEAN_CLOSE_SUFFIX = ".clean-close"
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
OUR_TABLES = frozenset({"clues", "outbox", "units", "alembic_version"})
"""Tables every cluedesk store has had since its first schema: how an older store, made
before the application_id was set, is told from another program's database."""
_SENTINEL_STEP = 1000
"""Nanoseconds: the clean-close sentinel is a whole microsecond, just before the last write."""
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700

# -- files and folders only the user can read -------------------------------------------------


def _tighten(path: Path, mode: int) -> None:
    """Take group and other permissions away from a path this user owns (POSIX only)."""
    if sys.platform == "win32":  # ACLs there: the user's profile folders are the user's
        return
    try:
        info = path.stat()
        if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) & 0o077:
            path.chmod(stat.S_IMODE(info.st_mode) & mode)
    except OSError:  # not ours to change, or gone: leave it
        pass


def private_dir(path: Path) -> Path:
    """Create `path` (and its parents) readable by the user only; tighten it if it exists."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    _tighten(path, PRIVATE_DIR)
    return path


def create_private_file(path: Path) -> Path:
    """Create an empty file only the user can read (fails if it exists)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    return path


def tighten_store_files(db_path: Path) -> None:
    """The store file and its WAL and SHM side files: readable by the user only."""
    for suffix in ("", "-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            _tighten(side, PRIVATE_FILE)


# -- the data folder --------------------------------------------------------------------------


def prepare_data_dir(folder: Path) -> Path:
    """The data folder, created if missing (user-only), or StoreUnusable saying why not."""
    try:
        if folder.exists() and not folder.is_dir():
            raise not_a_folder(folder)
        folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    except FileExistsError:  # a broken link, or something made in between
        raise not_a_folder(folder) from None
    except NotADirectoryError:
        raise StoreUnusable(
            Message(
                "无法创建数据目录 {folder}：路径中的上级目录是一个文件。"
                "请用 --data-dir 指定一个文件夹。",
                folder=str(folder),
            ),
            folder,
        ) from None
    except OSError as exc:
        problem = problem_from(exc, folder)
        if problem is None:
            problem = StoreUnusable(
                Message(
                    "无法使用数据目录 {folder}：{error}。"
                    "请检查路径和权限，或用 --data-dir 指定其他文件夹。",
                    folder=str(folder),
                    error=str(exc.strerror or exc),
                ),
                folder,
            )
        raise problem from None
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        raise folder_not_writable(folder)
    return folder


def store_missing(folder: Path, name: str) -> bool:
    """Whether `folder` plainly holds no store file `name` (absent, or a folder without it).

    A data folder that is a file, or one that cannot be looked into, is not "missing":
    opening it says what is wrong.
    """
    try:
        if not folder.exists():
            return True
        return folder.is_dir() and not os.path.lexists(folder / name)
    except OSError:
        return False


# -- the clean-close record -------------------------------------------------------------------


def _clean_close_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + CLEAN_CLOSE_SUFFIX)


def _fingerprint(info: os.stat_result) -> dict[str, int]:
    return {
        "size": info.st_size,
        "mtime_ns": info.st_mtime_ns,
        "ctime_ns": info.st_ctime_ns,
        "inode": info.st_ino,
    }


def record_clean_close(db_path: Path) -> None:
    """Note, beside the file, how it looks now that cluedesk has closed it cleanly.

    The file's modification time is first set back to the whole microsecond before it (a
    sentinel): any later write sets it to the present, which is later, so even a change
    within the same clock tick as the close, and of the same size, is noticed. A time already
    on a whole microsecond (the sentinel of a previous close, nothing written since) is kept.
    File systems that keep coarser times (FAT, exFAT, HFS+) truncate the sentinel: there a
    change within the same second (FAT: two) as the close goes unnoticed until the next one.
    """
    try:
        info = db_path.stat()
        if info.st_mtime_ns % _SENTINEL_STEP:
            sentinel = (info.st_mtime_ns // _SENTINEL_STEP - 1) * _SENTINEL_STEP
            try:
                os.utime(db_path, ns=(info.st_atime_ns, sentinel))
                info = db_path.stat()
            except OSError:  # not the file's owner: the record is only as fine as the clock
                pass
        record = json.dumps(_fingerprint(info)).encode()
        handle, temporary = tempfile.mkstemp(dir=db_path.parent, prefix=".clean-close-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(record)
            os.replace(temporary, _clean_close_path(db_path))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:  # no record only means a full check next time
        log.warning("could not record the clean close of %s: %s", db_path, exc)


def forget_clean_close(db_path: Path) -> None:
    """Drop the record, so that the next open checks the whole file."""
    try:
        _clean_close_path(db_path).unlink(missing_ok=True)
    except OSError:
        pass


def closed_cleanly(db_path: Path, info: os.stat_result) -> bool:
    """Whether the file is exactly as cluedesk left it when it last closed it cleanly."""
    try:
        record = json.loads(_clean_close_path(db_path).read_bytes())
    except (OSError, ValueError):
        return False
    return bool(record == _fingerprint(info))


# -- the checks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Inspection:
    """What the checks found out about an existing store file."""

    revision: str | None
    """The schema revision recorded in it (None: no schema yet)."""
    needs_application_id: bool
    """An older cluedesk store (or an empty SQLite file): mark it as ours once migrated."""
    checked: bool
    """Whether SQLite's quick_check ran (the file was not as cluedesk last left it)."""


def _check_header(db_path: Path, size: int) -> int:
    """The application_id in the header; StoreUnusable if the file cannot be an SQLite store."""
    with db_path.open("rb") as data:
        header = data.read(HEADER_SIZE)
    if not header.startswith(SQLITE_MAGIC) and not SQLITE_MAGIC.startswith(header):
        raise damaged(
            db_path, Message("文件头不是 SQLite 数据库，可能被其他程序覆盖或写入了随机内容")
        )
    if len(header) < HEADER_SIZE:
        raise damaged(db_path, Message("文件不完整，只有 %n 字节", n=size))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise damaged(db_path, Message("文件头中的页大小无效"))
    if size % page_size:
        raise damaged(
            db_path,
            Message("文件不完整：{size} 字节不是页大小 {page} 的整数倍", size=size, page=page_size),
        )
    pages = int.from_bytes(header[28:32], "big")
    if pages and header[24:28] == header[92:96] and size < pages * page_size:
        raise damaged(
            db_path,
            Message(
                "文件不完整：应有 {expected} 字节，实际只有 {size} 字节",
                expected=pages * page_size,
                size=size,
            ),
        )
    return int.from_bytes(header[68:72], "big", signed=True)


def _peek(db_path: Path, wal_in_use: bool, key: bytes | None = None) -> sqlite3.Connection:
    """A read-only connection that writes nothing, not even side files when there is no WAL."""
    from desktop.store.sqlite_files import connect

    options = "mode=ro" if wal_in_use else "mode=ro&immutable=1"
    return connect(db_path, key, database=f"{db_path.resolve().as_uri()}?{options}", uri=True)


def _check_encrypted_size(db_path: Path, size: int) -> None:
    """An encrypted file has no readable header: only its size can be checked unopened."""
    if size % 512:
        raise damaged(db_path, Message("文件不完整，只有 %n 字节", n=size))


def inspect_store(db_path: Path, *, key: bytes | None = None) -> Inspection:
    """Check an existing store file before anything opens it; StoreUnusable if it is not one.

    `key`: the store is an SQLCipher one (see desktop.store.sqlite_files); it has no
    readable header, so its checks are made through a keyed read-only connection, and a key
    that does not open it is said to be the wrong key.
    """
    try:
        info = db_path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise StoreUnusable(
                Message(
                    "{path} 不是文件，cluedesk 无法把它当作线索库，没有做任何改动。"
                    "请把它移到别处，或用 --data-dir 指定其他数据目录。",
                    path=str(db_path),
                ),
                db_path,
            )
        if not os.access(db_path, os.R_OK | os.W_OK):
            raise file_not_writable(db_path)
        wal = db_path.with_name(db_path.name + "-wal")
        wal_in_use = wal.exists() and wal.stat().st_size > 0
        if info.st_size == 0 and not wal_in_use:
            raise empty_file(db_path)
        application_id = 0
        if key is not None:
            _check_encrypted_size(db_path, info.st_size)
        elif not wal_in_use:  # with a WAL the file alone is not the database: SQLite reads both
            application_id = _check_header(db_path, info.st_size)
            if application_id not in (0, APPLICATION_ID):
                raise foreign(db_path, [])
        clean = closed_cleanly(db_path, info)  # a WAL beside it is checksummed by SQLite
    except OSError as exc:
        raise problem_from(exc, db_path) or file_not_writable(db_path) from None
    try:
        return _inspect_content(db_path, wal_in_use, clean, key)
    except driver_errors() as exc:
        if key is not None and "file is not a database" in str(exc):
            from desktop.store.sqlite_files import wrong_key

            raise wrong_key(db_path.parent) from None
        raise problem_from(exc, db_path) or damaged(
            db_path, Message("SQLite 无法读取：{error}", error=str(exc))
        ) from None


def _inspect_content(
    db_path: Path, wal_in_use: bool, clean: bool, key: bytes | None = None
) -> Inspection:
    connection = _peek(db_path, wal_in_use, key)
    try:
        application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
        tables = sorted(
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        )
        ours = application_id == APPLICATION_ID
        if not ours and (application_id != 0 or (tables and not OUR_TABLES <= set(tables))):
            raise foreign(db_path, tables)
        revision: str | None = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = str(row[0]) if row else None
        elif tables:  # ours, yet the schema's version record is gone
            raise damaged(db_path, Message("缺少数据库版本记录"))
        if not clean:
            started = time.perf_counter()
            try:
                found = [str(r[0]) for r in connection.execute("PRAGMA quick_check(5)")]
            except driver_errors() as exc:
                found = [f"SQLite：{exc}"]
            log.info(
                "quick_check of %s (no clean-close record matches it): %.2f s",
                db_path,
                time.perf_counter() - started,
            )
            if found != ["ok"]:
                raise damaged(
                    db_path,
                    Message("完整性检查发现损坏的数据页：{pages}", pages="；".join(found[:3])),
                )
        return Inspection(revision, not ours, not clean)
    finally:
        connection.close()
