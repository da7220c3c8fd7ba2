"""A store that defends itself: a damaged, foreign, empty, newer or unwritable store is refused
before anything reads or writes it, with a message in Chinese, exit status 2 and no traceback,
and the file is left byte for byte as it was. New files are readable by the user only."""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import random
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import Engine

from desktop.store import attachments, migrate
from desktop.store.database import DB_FILE, StoreUnusable, open_store
from desktop.store.errors import BACKUP_DIR, problem_from
from desktop.store.health import (
    APPLICATION_ID,
    CLEAN_CLOSE_SUFFIX,
    inspect_store,
    record_clean_close,
)

POSIX = os.name == "posix"
PAGE = 4096
SERVER = "http://127.0.0.1:9"  # nothing listens there: a refusal must come before the network


# -- helpers ----------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def copy_of_demo(demo_store_dir: Path, folder: Path) -> Path:
    """A copy of the 3,000-clue demo store, opened and closed cleanly by cluedesk once."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo_store_dir / DB_FILE, folder / DB_FILE)
    open_store(folder).close()
    assert (folder / (DB_FILE + CLEAN_CLOSE_SUFFIX)).exists()
    return folder / DB_FILE


def overwrite_middle_pages(db: Path, pages: int = 2) -> None:
    """Write random bytes over pages in the middle of the file (same size, same name)."""
    count = db.stat().st_size // PAGE
    noise = random.Random(20261204).randbytes(PAGE * pages)
    with db.open("r+b") as out:
        out.seek((count // 2) * PAGE)
        out.write(noise)


def foreign_database(db: Path, *, application_id: int = 0, alembic: bool = False) -> None:
    """Another program's SQLite database (its own tables; maybe Alembic, maybe its own id)."""
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("INSERT INTO contacts (name) VALUES ('张三')")
    if alembic:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('0001')")
    if application_id:
        connection.execute(f"PRAGMA application_id = {application_id}")
    connection.commit()
    connection.close()


def cli_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "CLUEDESK_DATA_DIR": str(tmp_path / "default-data"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def cluedesk(
    tmp_path: Path, *args: str, code: str | None = None, **options: Any
) -> subprocess.CompletedProcess[str]:
    """`python -m desktop.cli ARGS` (or a small script that ends in desktop.cli.main)."""
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "desktop.cli"]
    if not code:
        command += args
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        input="not-the-password\n",
        timeout=180,
        env=cli_env(tmp_path),
        **options,
    )


def assert_refused(result: subprocess.CompletedProcess[str], phrase: str, named: Path) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output, output
    assert phrase in result.stderr, result.stderr
    assert str(named) in result.stderr, result.stderr


# -- the damaged, foreign, empty and newer files ----------------------------------------------


@dataclass(frozen=True)
class Case:
    """How to spoil a data folder, and the words the refusal must use."""

    name: str
    spoil: Callable[[Path, Path], None]  # (demo_store_dir, data folder)
    phrase: str


def _truncated_mid_page(demo: Path, folder: Path) -> None:
    db = copy_of_demo(demo, folder)
    with db.open("r+b") as out:
        out.truncate(db.stat().st_size // 2 + 1000)


def _truncated_on_a_page(demo: Path, folder: Path) -> None:
    db = copy_of_demo(demo, folder)
    with db.open("r+b") as out:
        out.truncate((db.stat().st_size // PAGE // 2) * PAGE)


def _random_bytes(_demo: Path, folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / DB_FILE).write_bytes(random.Random(9).randbytes(64 * 1024))


def _zero_bytes(_demo: Path, folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / DB_FILE).write_bytes(b"")


def _corrupted_pages(demo: Path, folder: Path) -> None:
    overwrite_middle_pages(copy_of_demo(demo, folder))


def _future_version(demo: Path, folder: Path) -> None:
    db = copy_of_demo(demo, folder)
    connection = sqlite3.connect(db)
    connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    connection.commit()
    connection.close()


def _foreign_tables(_demo: Path, folder: Path) -> None:
    folder.mkdir(parents=True)
    foreign_database(folder / DB_FILE)


def _foreign_with_alembic(_demo: Path, folder: Path) -> None:
    folder.mkdir(parents=True)
    foreign_database(folder / DB_FILE, alembic=True)


def _foreign_application_id(_demo: Path, folder: Path) -> None:
    folder.mkdir(parents=True)
    foreign_database(folder / DB_FILE, application_id=0x47504B47)  # a GeoPackage's id


CASES = [
    Case("truncated-mid-page", _truncated_mid_page, "文件不完整"),
    Case("truncated-on-a-page", _truncated_on_a_page, "文件不完整"),
    Case("random-bytes", _random_bytes, "不是 SQLite 数据库"),
    Case("zero-bytes", _zero_bytes, "是空的（0 字节）"),
    Case("corrupted-pages", _corrupted_pages, "完整性检查发现损坏的数据页"),
    Case("future-version", _future_version, "比本程序新"),
    Case("foreign-tables", _foreign_tables, "不是 cluedesk 的线索库"),
    Case("foreign-with-alembic", _foreign_with_alembic, "不是 cluedesk 的线索库"),
    Case("foreign-application-id", _foreign_application_id, "不是 cluedesk 的线索库"),
]
COMMANDS = {
    "queue": ["queue", "--limit", "5"],
    "sync": ["sync", "--server", SERVER, "--username", "xinhai", "--password-stdin"],
    "demo-data": ["demo-data", "--clues", "20"],
}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_open_store_refuses_and_leaves_the_file_as_it_was(
    case: Case, demo_store_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    case.spoil(demo_store_dir, folder)
    db = folder / DB_FILE
    before, files = sha256(db), listing(folder)
    with pytest.raises(StoreUnusable, match=case.phrase) as refused:
        open_store(folder)
    assert str(db) in str(refused.value)
    assert sha256(db) == before
    assert listing(folder) == files  # not even a -wal or -shm beside it


@pytest.mark.parametrize(
    ("case", "command"),
    [(case, "queue") for case in CASES]
    + [(case, command) for case in CASES[2:6] for command in ("sync", "demo-data")]
    + [(CASES[6], "sync")],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_the_command_line_refuses_with_a_chinese_message(
    case: Case, command: str, demo_store_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    case.spoil(demo_store_dir, folder)
    db = folder / DB_FILE
    before, files = sha256(db), listing(folder)
    result = cluedesk(tmp_path, *COMMANDS[command], "--data-dir", str(folder))
    assert_refused(result, case.phrase, db)
    assert sha256(db) == before
    assert listing(folder) == files


@pytest.mark.parametrize("case", [CASES[3], CASES[4], CASES[6]], ids=lambda c: c.name)
def test_the_notice_command_refuses_too(case: Case, demo_store_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    case.spoil(demo_store_dir, folder)
    db, out = folder / DB_FILE, tmp_path / "notice.pdf"
    before = sha256(db)
    result = cluedesk(
        tmp_path, "notice", "LYG2026000001", "--data-dir", str(folder), "--out", str(out)
    )
    assert_refused(result, case.phrase, db)
    assert result.stderr.startswith("cluedesk notice: ")
    assert sha256(db) == before and not out.exists()


def test_the_refusal_names_the_newest_backup_to_restore(
    demo_store_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    _corrupted_pages(demo_store_dir, folder)
    saved = folder / BACKUP_DIR / "cluedesk-20261120-083000-rev0002.sqlite3"
    newer = folder / BACKUP_DIR / "cluedesk-20261128-083000-rev0003.sqlite3"
    saved.parent.mkdir()
    shutil.copyfile(demo_store_dir / DB_FILE, saved)
    shutil.copyfile(demo_store_dir / DB_FILE, newer)
    with pytest.raises(StoreUnusable) as refused:
        open_store(folder)
    message = str(refused.value)
    assert str(newer) in message and f"cluedesk restore --latest --data-dir {folder}" in message
    assert "同步时从平台重新下载" in message


def test_a_change_right_after_a_clean_close_is_still_noticed(
    demo_store_dir: Path, tmp_path: Path
) -> None:
    db = copy_of_demo(demo_store_dir, tmp_path / "data")
    assert not inspect_store(db).checked  # as cluedesk left it: no full check needed
    with db.open("r+b") as out:  # the same bytes written again, within the same clock tick
        out.seek(PAGE * 3)
        page = out.read(PAGE)
        out.seek(PAGE * 3)
        out.write(page)
    assert inspect_store(db).checked
    overwrite_middle_pages(db)
    with pytest.raises(StoreUnusable, match="损坏的数据页"):
        inspect_store(db)


def test_damage_met_while_running_is_explained_and_checked_next_time(
    demo_store_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    db = copy_of_demo(demo_store_dir, folder)
    raw = sqlite3.connect(db)
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'clues'").fetchone()[0]
    raw.close()
    with db.open("r+b") as out:  # damage the clue table's root page ...
        out.seek((root - 1) * PAGE)
        out.write(random.Random(3).randbytes(PAGE))
    record_clean_close(db)  # ... so that the file looks untouched (as bit rot would)
    result = cluedesk(tmp_path, *COMMANDS["queue"], "--data-dir", str(folder))
    assert_refused(result, "读取时发现数据页损坏", db)
    assert not (folder / (DB_FILE + CLEAN_CLOSE_SUFFIX)).exists()  # the next open checks all
    with pytest.raises(StoreUnusable, match="完整性检查发现损坏的数据页"):
        open_store(folder)


def test_a_cleanly_closed_store_opens_without_alembic_or_a_full_check(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    open_store(folder).close()
    script = (
        "import sys\n"
        "from desktop.store.database import open_store\n"
        "from desktop.store.health import inspect_store\n"
        "store = open_store(sys.argv[1])\n"
        "print(inspect_store(store.db_path).checked, 'alembic' in sys.modules)\n"
        "store.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(folder)], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


# -- a new data folder, our own store, and older stores ----------------------------------------


def test_a_new_data_folder_gets_a_fresh_store_marked_as_ours(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    store = open_store(folder)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
        assert connection.exec_driver_sql("SELECT count(*) FROM clues").scalar() == 0
    store.close()
    assert listing(folder) == [DB_FILE, DB_FILE + CLEAN_CLOSE_SUFFIX]  # no temporary left


def test_a_store_of_an_older_cluedesk_is_adopted(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    open_store(folder).close()
    db = folder / DB_FILE
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA application_id = 0")  # as every store was before this check
    raw.commit()
    raw.close()
    (folder / (DB_FILE + CLEAN_CLOSE_SUFFIX)).unlink()
    if POSIX:
        db.chmod(0o644)
    found = inspect_store(db)
    assert found.needs_application_id and found.checked
    store = open_store(folder)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
    store.close()
    if POSIX:
        assert mode(db) == 0o600


def test_an_empty_sqlite_file_of_no_one_becomes_the_store(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    raw = sqlite3.connect(folder / DB_FILE)
    raw.execute("PRAGMA user_version = 7")  # a valid database without tables: nothing to lose
    raw.close()
    assert (folder / DB_FILE).stat().st_size > 0
    store = open_store(folder)
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM clues")).scalar() == 0
    store.close()


# -- the data folder: a file, read-only -------------------------------------------------------


def test_a_data_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("我的笔记\n", encoding="utf-8")
    before = sha256(afile)
    for command in ("queue", "demo-data", "sync"):
        result = cluedesk(tmp_path, *COMMANDS[command], "--data-dir", str(afile))
        assert_refused(result, "是一个文件，不是文件夹", afile)
    result = cluedesk(tmp_path, *COMMANDS["queue"], "--data-dir", str(afile / "below"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = cluedesk(tmp_path, "demo-data", "--clues", "3", "--data-dir", str(afile / "below"))
    assert_refused(result, "上级目录是一个文件", afile / "below")
    assert sha256(afile) == before


PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3


def _as_an_ordinary_user() -> None:
    """In the child, before exec: drop the capabilities that let root ignore file permissions.

    Root keeps its uid (so it can still read the interpreter in root's home), but without
    CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER the kernel holds it to the folder's
    mode bits like any user: a 0555 folder cannot be written.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.fixture
def read_only_folder(demo_store_dir: Path, tmp_path: Path) -> Iterator[Path]:
    """A data folder with a store in it, made read-only (0555); writable again afterwards."""
    folder = tmp_path / "data"
    copy_of_demo(demo_store_dir, folder)
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def run_unprivileged(
    tmp_path: Path, *args: str, code: str | None = None
) -> subprocess.CompletedProcess[str]:
    preexec = _as_an_ordinary_user if os.geteuid() == 0 else None
    return cluedesk(tmp_path, *args, code=code, preexec_fn=preexec)


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
@pytest.mark.parametrize("command", ["queue", "sync", "demo-data"])
def test_a_read_only_data_folder_is_refused(
    command: str, read_only_folder: Path, tmp_path: Path
) -> None:
    probe = run_unprivileged(  # the harness really cannot write there (as root too)
        tmp_path, str(read_only_folder), code="import sys; open(sys.argv[1] + '/probe', 'w')"
    )
    db = read_only_folder / DB_FILE
    before, files = sha256(db), listing(read_only_folder)
    result = run_unprivileged(tmp_path, *COMMANDS[command], "--data-dir", str(read_only_folder))
    assert_refused(result, "不可写", read_only_folder)
    assert sha256(db) == before and listing(read_only_folder) == files
    assert "PermissionError" in probe.stderr


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_a_new_data_folder_under_a_read_only_one_is_refused(
    read_only_folder: Path, tmp_path: Path
) -> None:
    target = read_only_folder / "new"
    result = run_unprivileged(tmp_path, "demo-data", "--clues", "3", "--data-dir", str(target))
    assert_refused(result, "没有权限写入", target)
    assert not target.exists()


# -- a full disk ------------------------------------------------------------------------------

FULL_DISK = """
import sys
from sqlalchemy import event
from sqlalchemy.engine import Engine

def full_disk(dbapi_connection, _record):
    # SQLite answers SQLITE_FULL ("database or disk is full") once the file would grow past
    # this many pages: the same error code a real ENOSPC gives, from SQLite itself.
    pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
    dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 8}")

event.listen(Engine, "connect", full_disk)
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_full_disk_while_writing_is_explained_and_loses_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    open_store(folder).close()
    db = folder / DB_FILE
    before = sha256(db)
    result = cluedesk(
        tmp_path, "demo-data", "--clues", "200", "--data-dir", str(folder), code=FULL_DISK
    )
    assert_refused(result, "磁盘空间不足", db)
    assert "没有丢失" in result.stderr
    assert sha256(db) == before
    assert listing(folder) == [DB_FILE, DB_FILE + CLEAN_CLOSE_SUFFIX]
    store = open_store(folder)  # and the store still opens, empty as it was
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM clues")).scalar() == 0
    store.close()


def test_a_full_disk_while_creating_the_store_leaves_nothing_half_made(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    result = cluedesk(
        tmp_path, "demo-data", "--clues", "5", "--data-dir", str(folder), code=FULL_DISK
    )
    assert_refused(result, "磁盘空间不足", folder / DB_FILE)
    assert listing(folder) == []


@contextmanager
def nearly_full_disk() -> Iterator[None]:
    """While it lasts, each new SQLite connection may grow its file by 8 pages at most."""

    def limit(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 8}")

    event.listen(Engine, "connect", limit)
    try:
        yield
    finally:
        event.remove(Engine, "connect", limit)


def test_sqlite_full_in_a_session_becomes_store_unusable(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    fill = text("INSERT INTO sync_state (key, value) VALUES (:key, :value)")
    with nearly_full_disk():
        store = open_store(tmp_path)
        with store.session() as session, pytest.raises(StoreUnusable, match="磁盘空间不足"):
            for n in range(20):
                session.execute(fill, {"key": f"filler-{n}", "value": '"' + "x" * 8000 + '"'})
            session.commit()
        with store.engine.connect() as connection:  # the transaction is gone, nothing half-kept
            found = "SELECT count(*) FROM sync_state WHERE key LIKE 'filler-%'"
            assert connection.exec_driver_sql(found).scalar() == 0
        store.close()


def test_os_errors_of_a_full_disk_and_of_no_permission_are_mapped(tmp_path: Path) -> None:
    full = problem_from(OSError(errno.ENOSPC, "No space left on device", "x.bin"), tmp_path)
    assert full is not None and "磁盘空间不足" in str(full) and "x.bin" in str(full)
    denied = problem_from(PermissionError(errno.EACCES, "Permission denied"), tmp_path)
    assert denied is not None and "没有权限" in str(denied)
    assert problem_from(ValueError("x"), tmp_path) is None
    assert problem_from(sqlite3.OperationalError("no such table: x"), tmp_path) is None


def test_a_full_disk_while_storing_an_attachment(
    fresh_store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8 a photo")

    def no_space(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(attachments.os, "replace", no_space)
    with pytest.raises(StoreUnusable, match="磁盘空间不足"):
        attachments.store_file(fresh_store, source)
    assert [p for p in fresh_store.attachments_dir.rglob("*") if p.is_file()] == []


# -- files readable by the user only ----------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_the_store_and_its_side_files_are_readable_by_the_user_only(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    previous = os.umask(0o022)
    try:
        store = open_store(folder)
        with store.session() as session:
            session.execute(text("INSERT INTO sync_state (key, value) VALUES ('probe', '1')"))
            session.commit()
            db = store.db_path
            sides = [db.with_name(DB_FILE + s) for s in ("-wal", "-shm")]
            assert all(p.exists() for p in sides)
            assert {mode(p) for p in [db, *sides]} == {0o600}
        store.close()
    finally:
        os.umask(previous)
    assert mode(folder) == 0o700
    assert mode(folder / (DB_FILE + CLEAN_CLOSE_SUFFIX)) == 0o600


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_backups_are_readable_by_the_user_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(tmp_path)
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    saved = migrate.upgrade_if_needed(store.engine, store.db_path)
    store.close()
    assert saved is not None
    assert mode(saved) == 0o600 and mode(saved.parent) == 0o700


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_attachments_are_readable_by_the_user_only(fresh_store: Any, tmp_path: Path) -> None:
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8 a photo")
    source.chmod(0o644)
    stored = attachments.store_file(fresh_store, source)
    path = attachments.attachment_path(fresh_store, stored.sha256)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700 and mode(fresh_store.attachments_dir) == 0o700
