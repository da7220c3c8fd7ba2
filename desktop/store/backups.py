"""Rotating backups of the store: the one writer of backup files, with SQLite's backup API.

Backups live in the data folder's `backups/`, named by time and kind:
`cluedesk-20261205-093012-daily.sqlite3`, `cluedesk-…-premigrate-rev0011.sqlite3`,
`cluedesk-…-manual.sqlite3`, `cluedesk-…-pre-restore.sqlite3`. A backup is written to a
hidden temporary name, checked (`PRAGMA quick_check`) and only then renamed into place; only
after that are the oldest of its kind beyond the number kept deleted. The copy is
consistent even while the window writes the store (the backup API reads a snapshot, WAL
included). Attachments are not in a backup: they are files named by their SHA-256 that the
platform serves again.
"""

from __future__ import annotations

import configparser
import logging
import os
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop.domain.messages import Message
from desktop.store import sqlite_files
from desktop.store.errors import BACKUP_DIR, StoreUnusable, driver_errors, problem_from
from desktop.store.health import APPLICATION_ID, OUR_TABLES, create_private_file, private_dir

log = logging.getLogger("cluedesk.store.backups")

DAILY, PREMIGRATE, MANUAL, PRE_RESTORE = "daily", "premigrate", "manual", "pre-restore"
KINDS = (DAILY, PREMIGRATE, MANUAL, PRE_RESTORE)
DEFAULT_KEEP: Mapping[str, int] = {DAILY: 7, PREMIGRATE: 3, MANUAL: 10}
"""How many backups of each kind are kept; pre-restore copies are never deleted."""
KIND_LABELS: Mapping[str, str] = {
    DAILY: "每日备份",
    PREMIGRATE: "升级前备份",
    MANUAL: "手动备份",
    PRE_RESTORE: "恢复前保存的线索库",
}
SETTINGS_FILE = "settings.ini"
"""The data folder's settings (the window's INI file): `[backups] keep_daily=7` etc."""
SETTINGS_SECTION = "backups"
DAILY_INTERVAL = timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+?)-(?P<stamp>\d{8}-\d{6})"
    r"(?:-(?P<kind>daily|premigrate|manual|pre-restore))?"
    r"(?:-rev(?P<revision>[0-9A-Za-z_]+))?(?:-(?P<serial>\d+))?\.sqlite3$"
)


def _connect(path: Path, key: bytes | None) -> sqlite3.Connection:
    """Every SQLite connection this module opens: SQLCipher with the key of an encrypted
    store (its backups are encrypted like it, by the same key), plain sqlite3 without."""
    return sqlite_files.connect(path, key)


def open_database(path: Path, data_dir: Path | None = None) -> sqlite3.Connection:
    """A connection to a backup or an old store file of `data_dir` (by default the folder
    the file lies in), encrypted or not (StoreUnusable when its key cannot be had)."""
    return _connect(path, sqlite_files.file_key(path, data_dir))


@dataclass(frozen=True)
class Backup:
    """A backup file: where, what kind, when it was taken and its size in bytes."""

    path: Path
    kind: str
    taken_at: datetime
    revision: str | None
    size: int

    @property
    def label(self) -> str:
        """The kind in words (每日备份 …)."""
        return KIND_LABELS.get(self.kind, self.kind)


def backup_dir(data_dir: Path) -> Path:
    """The folder of a data folder's backups."""
    return Path(data_dir) / BACKUP_DIR


def parse_name(path: Path) -> Backup | None:
    """The backup a file's name describes (None: not a backup's name).

    The pre-migration backups of older versions (`cluedesk-…-rev0011.sqlite3`) read as
    premigrate backups.
    """
    found = _NAME.match(path.name)
    if found is None:
        return None
    try:
        taken = datetime.strptime(found["stamp"], _STAMP)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path, found["kind"] or PREMIGRATE, taken, found["revision"], size)


def list_backups(data_dir: Path, kind: str | None = None) -> list[Backup]:
    """The backups of a data folder (of one kind), oldest first."""
    try:
        files = list(backup_dir(data_dir).glob("*.sqlite3"))
    except OSError:
        return []
    found = [b for b in map(parse_name, files) if b is not None]
    if kind is not None:
        found = [b for b in found if b.kind == kind]
    return sorted(found, key=lambda b: (b.taken_at, _written(b.path), b.path.name))


def _written(path: Path) -> int:
    """When the file was last written (orders backups taken within the same second)."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def retention(data_dir: Path) -> dict[str, int]:
    """How many backups of each kind to keep: the defaults, or the data folder's settings."""
    keep = dict(DEFAULT_KEEP)
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(Path(data_dir) / SETTINGS_FILE, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return keep
    if parser.has_section(SETTINGS_SECTION):
        for kind in DEFAULT_KEEP:
            raw = parser.get(SETTINGS_SECTION, f"keep_{kind}", fallback="")
            if raw.strip().isdigit() and int(raw) >= 1:
                keep[kind] = int(raw)
    return keep


def _target_name(stem: str, kind: str, when: datetime, revision: str | None) -> str:
    rev = f"-rev{revision}" if revision else ""
    return f"{stem}-{when.strftime(_STAMP)}-{kind}{rev}.sqlite3"


def _free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, with -2, -3 … before the suffix when it is taken."""
    target = folder / name
    serial = 1
    while os.path.lexists(target):
        serial += 1
        target = folder / name.replace(".sqlite3", f"-{serial}.sqlite3")
    return target


def quick_check(path: Path, data_dir: Path | None = None) -> list[str]:
    """SQLite's quick_check of a file of `data_dir` (["ok"] when sound), never raising for
    damage (nor for a missing key: its message is the finding)."""
    try:
        key = sqlite_files.file_key(path, data_dir)
    except StoreUnusable as exc:
        return [str(exc)]
    return _quick_check(path, key)


def _quick_check(path: Path, key: bytes | None) -> list[str]:
    try:
        connection = _connect(path, key)
        try:
            return [str(r[0]) for r in connection.execute("PRAGMA quick_check(5)")]
        finally:
            connection.close()
    except driver_errors() as exc:
        return [f"SQLite：{exc}"]


def _remove_with_sides(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


"""What a copy can meet: the file system's errors and both SQLite drivers' ones."""


def copy_database(source: Path, target: Path, *, data_dir: Path | None = None) -> None:
    """A consistent, checked copy of the SQLite file `source` at `target` (which must not exist),
    encrypted like `source` (with the key of `data_dir`, by default the folder it belongs to).

    Written to a temporary name beside `target`, checked with quick_check, made a single
    file (rollback journal instead of WAL) and renamed into place; nothing is left behind
    when it fails (StoreUnusable says why: a full disk, no permission, a damaged source).
    """
    if not source.is_file():
        raise StoreUnusable(Message("找不到线索库文件 {path}", path=str(source)), source)
    private_dir(target.parent)
    temporary = target.with_name(f".{target.name}.part")
    _remove_with_sides(temporary)
    try:
        create_private_file(temporary)
        key = sqlite_files.file_key(source, data_dir)
        origin = _connect(source, key)
        try:
            copy = _connect(temporary, key)
            try:
                origin.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
        finally:
            origin.close()
        found = _quick_check(temporary, key)
        if found != ["ok"]:
            raise StoreUnusable(
                Message(
                    "备份的副本没有通过完整性检查（{found}），已删除该副本；原线索库没有改动。",
                    found="；".join(found[:3]),
                ),
                target,
            )
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except driver_errors(OSError) as exc:
        _remove_with_sides(temporary)
        code = getattr(exc, "sqlite_errorcode", 0)
        damage = isinstance(code, int) and code & 0xFF in (
            sqlite3.SQLITE_CORRUPT,
            sqlite3.SQLITE_NOTADB,
        )
        problem = problem_from(exc, source if damage else target)
        if problem is None:
            raise
        raise problem from exc
    except BaseException:
        _remove_with_sides(temporary)
        raise


def take_backup(
    db_path: Path,
    kind: str,
    *,
    revision: str | None = None,
    now: datetime | None = None,
    keep: Mapping[str, int] | None = None,
) -> Backup:
    """Back the store file up into its folder's backups/ and rotate that kind's backups.

    The oldest backups of the kind beyond the number kept (`keep`, else the data folder's
    setting) are deleted only after the new one is complete and checked.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    when = now or datetime.now()
    folder = backup_dir(db_path.parent)
    private_dir(folder)
    target = _free_name(folder, _target_name(db_path.stem, kind, when, revision))
    copy_database(db_path, target)
    made = parse_name(target)
    assert made is not None
    log.info("%s backup of the store written to %s (%d bytes)", kind, target, made.size)
    limits = keep if keep is not None else retention(db_path.parent)
    if kind in limits:
        prune(db_path.parent, kind, limits[kind], keep_path=target)
    return made


def prune(data_dir: Path, kind: str, keep: int, *, keep_path: Path | None = None) -> list[Path]:
    """Delete the oldest backups of `kind` beyond the newest `keep`; the files deleted."""
    found = list_backups(data_dir, kind)
    extra = found[: max(len(found) - max(keep, 1), 0)]
    removed = []
    for old in extra:
        if old.path == keep_path:
            continue
        try:
            _remove_with_sides(old.path)
            removed.append(old.path)
        except OSError as exc:
            log.warning("could not delete the old backup %s: %s", old.path, exc)
    return removed


def daily_due(data_dir: Path, now: datetime | None = None) -> bool:
    """Whether the latest daily backup is older than a day (or there is none)."""
    dailies = list_backups(data_dir, DAILY)
    if not dailies:
        return True
    return (now or datetime.now()) - dailies[-1].taken_at >= DAILY_INTERVAL


def daily_backup_if_due(db_path: Path, now: datetime | None = None) -> Backup | None:
    """Take the day's backup when the latest daily one is older than a day."""
    if not db_path.is_file() or not daily_due(db_path.parent, now):
        return None
    return take_backup(db_path, DAILY, now=now)


# -- is a file a cluedesk store? -------------------------------------------------------------


@dataclass(frozen=True)
class StoreFile:
    """What the checks found in a file offered as a store: its schema revision."""

    path: Path
    revision: str | None


def check_store_file(path: Path, data_dir: Path | None = None) -> StoreFile:
    """Check that `path` is a sound cluedesk store this program can open, reading only.

    A cluedesk store: SQLite (or SQLCipher with the key of `data_dir`, by default the folder
    the file belongs to), our application_id (or our tables), a schema revision this program
    knows (a newer one is refused), and quick_check ok. StoreUnusable says what is wrong,
    naming the file.
    """
    from desktop.store.migrate import known_revision

    if not path.is_file():
        raise StoreUnusable(Message("文件 {path} 不存在", path=str(path)), path)
    try:
        with path.open("rb") as data:
            header = data.read(16)
    except OSError as exc:
        raise StoreUnusable(
            Message("无法读取文件 {path}：{error}", path=str(path), error=str(exc.strerror or exc)),
            path,
        ) from None
    key = None
    if header != sqlite_files.SQLITE_MAGIC:
        try:
            key = sqlite_files.file_key(path, data_dir)
        except StoreUnusable:
            key = None
        if key is None:
            raise StoreUnusable(
                Message(
                    "{path} 不是 SQLite 数据库文件，也不是用本机密钥加密的线索库", path=str(path)
                ),
                path,
            )
    try:
        connection = _connect(path, key)
        try:
            application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
            tables = {
                str(name)
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = str(row[0]) if row else None
        finally:
            connection.close()
    except driver_errors() as exc:
        raise StoreUnusable(
            Message("{path} 无法读取（SQLite：{error}）", path=str(path), error=str(exc)), path
        ) from None
    if application_id != APPLICATION_ID and not (application_id == 0 and OUR_TABLES <= tables):
        raise StoreUnusable(Message("{path} 不是 cluedesk 的线索库", path=str(path)), path)
    if revision is None:
        raise StoreUnusable(
            Message("{path} 中没有数据库版本记录，不是完整的线索库", path=str(path)), path
        )
    if not known_revision(revision):
        raise StoreUnusable(
            Message(
                "{path} 的数据库版本 {revision} 比本程序新（由更新版本的 cluedesk 写入），"
                "请升级 cluedesk 后再恢复",
                path=str(path),
                revision=revision,
            ),
            path,
        )
    found = quick_check(path, data_dir)
    if found != ["ok"]:
        raise StoreUnusable(
            Message(
                "{path} 没有通过完整性检查（{found}）", path=str(path), found="；".join(found[:3])
            ),
            path,
        )
    return StoreFile(path, revision)


def latest_good_backup(data_dir: Path) -> Backup | None:
    """The newest backup that passes `check_store_file` (None: no usable backup)."""
    for candidate in reversed(list_backups(data_dir)):
        try:
            check_store_file(candidate.path)
        except StoreUnusable as exc:
            log.warning("backup %s is not usable: %s", candidate.path, exc)
            continue
        return candidate
    return None
