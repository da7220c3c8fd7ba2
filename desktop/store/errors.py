"""Storage failures in plain words: the one place that says what a full disk, a read-only
folder or a damaged store means for the clerk, and what to do about it.

`StoreUnusable` carries the sentence (Chinese, naming the file); the constructors below make
the ones the store raises when it opens a file, and `problem_from` / `storage_problem` map
what SQLite, SQLAlchemy and the operating system raise while it runs (SQLITE_FULL, a
read-only database, a malformed page, ENOSPC, EROFS, EACCES …) to the same sentences. The
technical text (SQLite's message, SQL statements) is for the log only: no message here
quotes SQL or its parameters, which may hold reporter data.
"""

from __future__ import annotations

import errno
import sqlite3
import sys
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from desktop.domain.messages import Message

BACKUP_DIR = "backups"
"""Where the pre-migration backups of a store are kept (inside its data folder)."""
STORE_NAME = "本机线索库"
"""How a message names the store when it does not know the file."""

_FULL, _CORRUPT, _NOTADB = sqlite3.SQLITE_FULL, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB
_READONLY, _CANTOPEN, _PERM = sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM
_IOERR = sqlite3.SQLITE_IOERR
_DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_DENIED_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
_MESSAGES: tuple[tuple[str, int], ...] = (
    ("database or disk is full", _FULL),
    ("attempt to write a readonly database", _READONLY),
    ("database disk image is malformed", _CORRUPT),
    ("file is not a database", _NOTADB),
    ("unable to open database file", _CANTOPEN),
    ("disk i/o error", _IOERR),
)
"""SQLite's messages of the failures below, for an error that carries no result code."""
UNKNOWN_STORE = Path(STORE_NAME)
"""Stands for the store file in a message when the error does not say which file it was."""


def driver_errors(*others: type[Exception]) -> tuple[type[Exception], ...]:
    """The errors of both SQLite drivers (and `others`): sqlite3's, and SQLCipher's once it is
    loaded (an encrypted store's; a plain store never loads it, so none of its errors can
    arise). Called where an error is caught, so an encrypted store opened later counts."""
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    if cipher is None:
        return (*others, sqlite3.Error)
    return (*others, sqlite3.Error, cipher.Error)


class StoreUnusable(Exception):
    """The store cannot be used as it is; the message (Chinese) says why and what to do."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class StoreDamaged(StoreUnusable):
    """The store file is damaged: a backup and a resync can replace it."""


# -- the messages ---------------------------------------------------------------------------


def _restore_hint(db_path: Path, *, may_hold_actions: bool = True) -> str:
    backups = db_path.parent / BACKUP_DIR
    try:
        known = db_path != UNKNOWN_STORE
        saved = sorted(backups.glob(f"{db_path.stem}-*.sqlite3"), key=lambda p: p.name)
        saved = saved if known else []
    except OSError:
        saved = []
    keep = Message("（其中可能还有尚未同步的操作，可交技术人员取回）") if may_hold_actions else ""
    if saved:
        return Message(
            "请先退出 cluedesk，然后执行 cluedesk restore --latest --data-dir {folder}："
            "它把 {path} 改名保留在数据目录中（其中尚未同步、仍能读出的操作会自动取回），"
            "用 {backups} 中最近一份完好的备份（最新的一份是 {backup}）恢复线索库，"
            "再次同步时从平台重新下载备份之后的变化。",
            folder=str(db_path.parent),
            path=str(db_path),
            backups=str(backups),
            backup=str(saved[-1]),
        )
    return Message(
        "请先退出 cluedesk，把 {path} 移到别处保存{keep}；然后"
        "重新打开 cluedesk 并登录同步，会新建线索库并从平台重新下载线索。",
        path=str(db_path),
        keep=keep,
    )


def not_a_folder(folder: Path) -> StoreUnusable:
    """The data folder given is a file."""
    return StoreUnusable(
        Message(
            "数据目录 {folder} 是一个文件，不是文件夹，cluedesk 没有改动它。"
            "请用 --data-dir 指定一个文件夹（不存在时会自动创建）。",
            folder=str(folder),
        ),
        folder,
    )


def folder_not_writable(folder: Path) -> StoreUnusable:
    """The data folder is read-only for this user."""
    return StoreUnusable(
        Message(
            "数据目录 {folder} 不可写（只读，或当前用户没有写权限），cluedesk 无法在其中保存"
            "线索库，没有做任何改动。请为当前用户开放该文件夹的读写权限，"
            "或用 --data-dir 指定其他文件夹。",
            folder=str(folder),
        ),
        folder,
    )


def file_not_writable(db_path: Path) -> StoreUnusable:
    """The store file is read-only for this user (or cannot be opened)."""
    return StoreUnusable(
        Message(
            "线索库文件 {path} 不可读写（只读，或当前用户没有权限），cluedesk 没有改动它。"
            "请为当前用户开放该文件及其所在文件夹的读写权限后重试。",
            path=str(db_path),
        ),
        db_path,
    )


def disk_full(path: Path) -> StoreUnusable:
    """The disk (or the user's quota) is full."""
    return StoreUnusable(
        Message(
            "磁盘空间不足：写入 {path} 时磁盘已满。这次的操作没有保存，"
            "已有的线索和待同步的操作都没有丢失。请清理磁盘空间后重试。",
            path=str(path),
        ),
        path,
    )


def damaged(db_path: Path, what: str) -> StoreUnusable:
    """The store file is damaged: `what` says how it was found out."""
    return StoreDamaged(
        Message(
            "线索库文件 {path} 已损坏（{what}），cluedesk 已停止使用它，也没有改动它。{hint}",
            path=str(db_path),
            what=what,
            hint=_restore_hint(db_path),
        ),
        db_path,
    )


def empty_file(db_path: Path) -> StoreUnusable:
    """The store file has zero bytes."""
    return StoreUnusable(
        Message(
            "线索库文件 {path} 是空的（0 字节），可能在写入时被中断或被其他程序清空。"
            "为免尚未同步的操作在不知不觉中丢失，cluedesk 没有用新库替换它。{hint}",
            path=str(db_path),
            hint=_restore_hint(db_path, may_hold_actions=False),
        ),
        db_path,
    )


def foreign(db_path: Path, tables: list[str]) -> StoreUnusable:
    """Another program's SQLite database sits where the store should be."""
    if len(tables) > 5:
        content = Message("其中是其他程序的数据表：{tables}等", tables=tuple(tables[:5]))
    elif tables:
        content = Message("其中是其他程序的数据表：{tables}", tables=tuple(tables))
    else:
        content = Message("它属于其他程序")
    return StoreUnusable(
        Message(
            "{path} 不是 cluedesk 的线索库（{content}），cluedesk 没有改动它。"
            "请把该文件移到别处，或用 --data-dir 指定其他数据目录，"
            "然后重新打开 cluedesk 并登录同步。",
            path=str(db_path),
            content=content,
        ),
        db_path,
    )


def newer_version(db_path: Path, revision: str) -> StoreUnusable:
    """The store was written by a newer cluedesk."""
    return StoreUnusable(
        Message(
            "线索库 {path} 的数据库版本 {revision} 比本程序新（由更新版本的 cluedesk 写入），"
            "cluedesk 没有改动它。请升级 cluedesk 后再打开。",
            path=str(db_path),
            revision=revision,
        ),
        db_path,
    )


def problem_from(exc: BaseException, path: Path) -> StoreUnusable | None:
    """The store problem an SQLite or OS error means (None: not one of those, re-raise it)."""
    if isinstance(exc, StoreUnusable):
        return exc
    if isinstance(exc, driver_errors()):
        primary = _primary_code(exc)
        if primary == _FULL:
            return disk_full(path)
        if primary in (_CORRUPT, _NOTADB):
            return damaged(path, Message("读取时发现数据页损坏，SQLite：{error}", error=str(exc)))
        if primary in (_READONLY, _CANTOPEN, _PERM):
            return file_not_writable(path)
        if primary == _IOERR:
            return StoreUnusable(
                Message(
                    "读写线索库文件 {path} 时发生磁盘错误（{error}），这次的操作没有保存。"
                    "请检查磁盘或存储设备后重试；如再次出现，{hint}",
                    path=str(path),
                    error=str(exc),
                    hint=_restore_hint(path),
                ),
                path,
            )
        return None
    if isinstance(exc, OSError):
        target = Path(exc.filename) if isinstance(exc.filename, str) else path
        if exc.errno in _DISK_FULL_ERRNOS:
            return disk_full(target)
        if exc.errno in _DENIED_ERRNOS:
            return StoreUnusable(
                Message(
                    "没有权限写入 {path}（只读，或当前用户没有写权限），cluedesk 没有做任何改动。"
                    "请为当前用户开放读写权限，或用 --data-dir 指定其他文件夹。",
                    path=str(target),
                ),
                target,
            )
    return None


def _primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of an error (from its code, else from its message)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    return next((primary for message, primary in _MESSAGES if message in text), None)


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception, what SQLAlchemy wrapped in it, and what it was raised from, in order."""
    found: list[BaseException] = []
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop(0)
        if current is None or any(current is seen for seen in found):
            continue
        found.append(current)
        wrapped = current.orig if isinstance(current, DBAPIError) else None
        pending += [
            wrapped if isinstance(wrapped, BaseException) else None,
            current.__cause__,
            current.__context__,
        ]
    return found


def storage_problem(exc: BaseException, path: Path | None = None) -> StoreUnusable | None:
    """The plain-words storage problem behind `exc` (None: it is not a storage failure).

    Looks through what SQLAlchemy wrapped and what the exception was raised from, so an
    OperationalError("database or disk is full") met anywhere reads as the full disk it is.
    `path` names the file in the message when the error does not (default: 本机线索库).
    """
    for cause in _causes(exc):
        if isinstance(cause, StoreUnusable):
            return cause
    for cause in _causes(exc):
        if isinstance(cause, driver_errors(OSError)):
            problem = problem_from(cause, path or UNKNOWN_STORE)
            if problem is not None:
                return problem
    return None
