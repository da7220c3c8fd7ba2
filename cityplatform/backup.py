"""Backing the platform's database up and restoring it: SQLite's backup API (consistent while the
server runs) for a SQLite file, `pg_dump --format=custom` / `pg_restore` for PostgreSQL.

The PostgreSQL password never goes on a command line: the child gets it in PGPASSWORD. The
client tools must be at least the server's major version (an older pg_dump refuses a newer
server, or writes a dump the server cannot read back).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from cityplatform.db import normalize_url

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
_VERSION = re.compile(r"\)\s*(\d+)")
"""The major version in `pg_dump --version` ("pg_dump (PostgreSQL) 15.14 (Debian …)")."""


class BackupError(ValueError):
    """The backup or restore cannot be done; the message (Chinese) says why."""


@dataclass(frozen=True)
class Done:
    """What a backup or restore did: the file and its size in bytes."""

    path: Path
    size: int


def _connect(path: Path) -> sqlite3.Connection:
    """Every SQLite connection of the platform's backups."""
    return sqlite3.connect(path)


def _sqlite_path(url: URL) -> Path:
    assert url.database is not None
    return Path(url.database)


def _checked_copy(source: Path, target: Path) -> None:
    """Copy the SQLite file with the backup API to a temporary name, check it, rename it."""
    temporary = target.with_name(f".{target.name}.part")
    temporary.unlink(missing_ok=True)
    try:
        origin = _connect(source)
        try:
            copy = _connect(temporary)
            try:
                origin.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
                found = [str(r[0]) for r in copy.execute("PRAGMA quick_check(5)")]
            finally:
                copy.close()
        finally:
            origin.close()
        if found != ["ok"]:
            raise BackupError(f"副本没有通过完整性检查（{'；'.join(found[:3])}）")
        os.replace(temporary, target)
    except sqlite3.Error as exc:
        raise BackupError(f"SQLite 复制失败：{exc}") from exc
    except OSError as exc:
        raise BackupError(f"无法写入 {target}：{exc.strerror or exc}") from exc
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{temporary}{suffix}").unlink(missing_ok=True)


def backup(db_url: str, out: Path) -> Done:
    """Back the platform's database up into `out` (which must not exist)."""
    url = normalize_url(db_url)
    if os.path.lexists(out):
        raise BackupError(f"--out 文件已存在：{out}（为免覆盖，请换一个文件名）")
    if not out.parent.is_dir():
        raise BackupError(f"--out 所在的文件夹不存在：{out.parent}")
    if url.get_backend_name() == "sqlite":
        source = _sqlite_path(url)
        if not source.is_file():
            raise BackupError(f"数据库文件不存在：{source}")
        _checked_copy(source, out)
    else:
        _pg_dump(url, out)
    return Done(out, out.stat().st_size)


def restore(db_url: str, source: Path, *, force: bool = False) -> Done:
    """Restore the backup `source` into the database; a non-empty one only with `force`.

    Stop the platform first: a restore replaces the database under a running server.
    """
    url = normalize_url(db_url)
    if not source.is_file():
        raise BackupError(f"备份文件不存在：{source}")
    head = source.read_bytes()[:16]
    if url.get_backend_name() == "sqlite":
        if head != SQLITE_MAGIC:
            raise BackupError(f"{source} 不是 SQLite 数据库备份")
        _check_platform_file(source)
        target = _sqlite_path(url)
        if not force and _sqlite_has_tables(target):
            raise BackupError(f"目标数据库 {target} 不是空的；确认要覆盖时请加 --force")
        target.parent.mkdir(parents=True, exist_ok=True)
        _checked_copy(source, target)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        return Done(target, target.stat().st_size)
    if not head.startswith(PG_DUMP_MAGIC):
        raise BackupError(f"{source} 不是 pg_dump 的备份文件（--format=custom）")
    if not force and _pg_has_tables(url):
        raise BackupError("目标数据库不是空的；确认要覆盖时请加 --force")
    _pg_restore(url, source)
    return Done(source, source.stat().st_size)


def _check_platform_file(path: Path) -> None:
    try:
        connection = _connect(path)
        try:
            tables = {str(r[0]) for r in connection.execute("SELECT name FROM sqlite_master")}
            found = [str(r[0]) for r in connection.execute("PRAGMA quick_check(5)")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} 无法读取：{exc}") from exc
    if "alembic_version" not in tables or "clues" not in tables:
        raise BackupError(f"{path} 不是市级平台的数据库")
    if found != ["ok"]:
        raise BackupError(f"{path} 没有通过完整性检查（{'；'.join(found[:3])}）")


def _sqlite_has_tables(path: Path) -> bool:
    if not path.is_file() or path.stat().st_size == 0:
        return False
    connection = _connect(path)
    try:
        return bool(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    finally:
        connection.close()


# -- PostgreSQL --------------------------------------------------------------------------------


def _search_path(url: URL) -> str | None:
    """The schema a URL's `options=-csearch_path=X` selects (the tests use one per test)."""
    options = url.query.get("options")
    raw = options if isinstance(options, str) else None
    if raw is None:
        return None
    found = re.search(r"-csearch_path=([^\s,]+)", unquote(raw))
    return found.group(1) if found else None


def _pg_arguments(url: URL) -> tuple[list[str], dict[str, str]]:
    """Connection options of pg_dump/pg_restore and the child's environment (the password)."""
    args = []
    if url.host:
        args += ["--host", url.host]
    if url.port:
        args += ["--port", str(url.port)]
    if url.username:
        args += ["--username", url.username]
    args += ["--no-password"]
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    schema = _search_path(url)
    if schema:
        env["PGOPTIONS"] = f"-csearch_path={schema}"
    return args, env


def _server_major(url: URL) -> int:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            number = int(connection.execute(text("SHOW server_version_num")).scalar_one())
    finally:
        engine.dispose()
    return number // 10000


def _pg_has_tables(url: URL) -> bool:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            count = connection.execute(
                text(
                    "SELECT count(*) FROM information_schema.tables "
                    "WHERE table_schema = current_schema()"
                )
            ).scalar_one()
    finally:
        engine.dispose()
    return bool(count)


def _tool(name: str, url: URL) -> str:
    """The path of pg_dump/pg_restore, checked to be at least the server's major version."""
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"找不到 {name}：请安装 PostgreSQL 客户端工具（版本不低于服务器），"
            "并把它所在的文件夹加入 PATH"
        )
    output = subprocess.run(
        [found, "--version"], capture_output=True, text=True, timeout=60, check=False
    ).stdout
    match = _VERSION.search(output)
    tool_major = int(match.group(1)) if match else 0
    server_major = _server_major(url)
    if tool_major < server_major:
        raise BackupError(
            f"{name} 的版本（{tool_major}）低于数据库服务器的版本（{server_major}），"
            f"请安装 {server_major} 或更新版本的 PostgreSQL 客户端工具"
        )
    return found


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        reason = " ".join((result.stderr or result.stdout).split())[-400:]
        raise BackupError(f"{what}失败：{reason}")


def _pg_dump(url: URL, out: Path) -> None:
    tool = _tool("pg_dump", url)
    args, env = _pg_arguments(url)
    schema = _search_path(url)
    temporary = out.with_name(f".{out.name}.part")
    command = [tool, "--format=custom", "--no-owner", "--file", str(temporary), *args]
    if schema:
        command += ["--schema", schema]
    command += ["--dbname", str(url.database)]
    try:
        _run(command, env, "pg_dump 备份")
        os.replace(temporary, out)
    finally:
        temporary.unlink(missing_ok=True)


def _pg_restore(url: URL, source: Path) -> None:
    tool = _tool("pg_restore", url)
    args, env = _pg_arguments(url)
    command = [tool, "--clean", "--if-exists", "--no-owner", "--single-transaction", *args]
    command += ["--dbname", str(url.database), str(source)]
    _run(command, env, "pg_restore 恢复")
