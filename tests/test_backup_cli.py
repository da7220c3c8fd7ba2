"""`cluedesk backup` and `cluedesk restore`: copies while the store is in use, restores checked
before anything is touched, refused while the window holds the folder, the old store kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store.backups import MANUAL, PRE_RESTORE, list_backups
from desktop.store.database import DB_FILE, open_store
from desktop.store.sync_apply import sync_status
from desktop.ui.single_instance import SingleInstance
from tests.store.backup_kit import content, copy_demo, damage, outbox_ids, register_clue, sha256


@pytest.fixture
def folder(demo_store_dir: Path, tmp_path: Path) -> Path:
    """A data folder with a copy of the demo store and one pending action."""
    store = copy_demo(demo_store_dir, tmp_path / "data")
    register_clue(store, 1)
    store.close()
    return tmp_path / "data"


def test_backup_makes_a_rotated_manual_copy_even_while_the_store_is_open(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(folder)  # the window has it open
    register_clue(store, 2)  # in the WAL, not yet in the file
    assert main(["backup", "--data-dir", str(folder)]) == 0
    store.close()
    out = capsys.readouterr().out
    made = list_backups(folder, MANUAL)
    assert len(made) == 1 and str(made[0].path) in out and "MB" in out
    assert "附件" in out
    assert len(outbox_ids(made[0].path)) == 2
    assert content(made[0].path) == content(folder / DB_FILE)


def test_backup_to_a_file_of_ones_choice_never_overwrites(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "U盘" / "线索库备份.sqlite3"
    target.parent.mkdir()
    assert main(["backup", "--data-dir", str(folder), "--out", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    assert content(target) == content(folder / DB_FILE)
    assert main(["backup", "--data-dir", str(folder), "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cluedesk: ") and "已存在" in err and len(err.strip().splitlines()) == 1
    assert main(["backup", "--data-dir", str(tmp_path / "nothing")]) == 2
    assert "没有线索库" in capsys.readouterr().err


def test_restore_puts_the_copy_in_place_and_keeps_the_current_store(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "saved.sqlite3"
    assert main(["backup", "--data-dir", str(folder), "--out", str(saved)]) == 0
    store = open_store(folder)
    register_clue(store, 2)  # after the backup: must survive the restore
    store.close()
    current = sha256(folder / DB_FILE)
    capsys.readouterr()
    assert main(["restore", str(saved), "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    (aside,) = list_backups(folder, PRE_RESTORE)
    assert sha256(aside.path) == current and str(aside.path) in out
    assert "1 条" in out and "重新同步" in out
    assert len(outbox_ids(folder / DB_FILE)) == 2  # the backup's action and the later one
    store = open_store(folder)
    assert sync_status(store).cursor is None
    store.close()


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (lambda p: p.write_text("备忘", encoding="utf-8"), "不是 SQLite"),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.close(), "不是"),
        (lambda p: None, "不存在"),
    ],
)
def test_restore_refuses_bad_input_before_touching_anything(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], make, phrase: str
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.sqlite3"
    make(bad)
    before = sorted(p.name for p in folder.iterdir())
    digest = sha256(folder / DB_FILE)
    assert main(["restore", str(bad), "--data-dir", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cluedesk: ") and phrase in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in folder.iterdir()) == before
    assert sha256(folder / DB_FILE) == digest


def test_a_newer_backup_is_refused(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = tmp_path / "newer.sqlite3"
    assert main(["backup", "--data-dir", str(folder), "--out", str(newer)]) == 0
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    connection.commit()
    connection.close()
    assert main(["restore", str(newer), "--data-dir", str(folder)]) == 2
    assert "比本程序新" in capsys.readouterr().err


def test_restore_is_refused_while_the_window_holds_the_folder(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "saved.sqlite3"
    assert main(["backup", "--data-dir", str(folder), "--out", str(saved)]) == 0
    window = SingleInstance(folder)
    assert window.lock.tryLock(0)  # as the running window holds it
    digest = sha256(folder / DB_FILE)
    try:
        assert main(["restore", str(saved), "--data-dir", str(folder)]) == 2
    finally:
        window.release()
    assert "关闭窗口" in capsys.readouterr().err
    assert sha256(folder / DB_FILE) == digest and not list_backups(folder, PRE_RESTORE)
    assert main(["restore", str(saved), "--data-dir", str(folder)]) == 0  # closed: it goes


def test_restore_latest_recovers_a_damaged_store_with_its_pending_actions(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--data-dir", str(folder)]) == 0
    store = open_store(folder)
    later = register_clue(store, 2)
    store.close()
    damage(folder / DB_FILE)
    assert main(["queue", "--data-dir", str(folder)]) == 2
    capsys.readouterr()
    assert main(["restore", "--latest", "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    (kept,) = folder.glob("cluedesk-damaged-*.sqlite3")
    assert str(kept) in out and "取回了 1 条" in out
    store = open_store(folder)
    status = sync_status(store)
    store.close()
    assert status.pending == 2 and status.cursor is None
    assert main(["queue", "--data-dir", str(folder), "--search", later, "--format", "json"]) == 0
    assert later in capsys.readouterr().out


def test_restore_needs_a_file_or_latest(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["restore", "--data-dir", str(folder)]) == 2
    assert "--latest" in capsys.readouterr().err
    assert main(["restore", "--latest", "--data-dir", str(folder)]) == 2
    assert "没有可用的备份" in capsys.readouterr().err
