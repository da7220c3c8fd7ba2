"""A damaged store at start-up: the recovery dialog, the latest good backup restored, the actions
only the damaged file held brought back, a full resync against the real platform, and the
damaged file kept."""

from __future__ import annotations

import io
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.demo.city import DEMO_PASSWORD
from desktop.store.backups import DAILY, MANUAL, list_backups, take_backup
from desktop.store.database import DB_FILE, open_store
from desktop.store.sync_apply import sync_status
from desktop.ui.main_window import MainWindow
from desktop.ui.recovery_dialog import RecoveryDialog, recovery_offer
from desktop.ui.settings import AppSettings
from desktop.ui.startup import Startup
from desktop.ui.sync_controller import SyncController
from tests.store.backup_kit import damage, outbox_ids, register_clue, sha256
from tests.ui.conftest import MakeWorkspace, RunningPlatform

USER = "haizhou"


def synced_folder(folder: Path, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A data folder logged in and synced with the platform, as `cluedesk sync` does."""
    monkeypatch.setattr("sys.stdin", io.StringIO(DEMO_PASSWORD + "\n"))
    argv = ["sync", "--server", url, "--username", USER, "--password-stdin"]
    assert main([*argv, "--data-dir", str(folder)]) == 0


def clue_states(db: Path) -> set[tuple[str, str, int]]:
    """The platform clues of a store: code, status and the platform's version."""
    connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {
            (str(c), str(s), int(v))
            for c, s, v in connection.execute(
                "SELECT code, status, server_version FROM clues WHERE provisional = 0"
            )
        }
    finally:
        connection.close()


def subjects(db: Path) -> set[str]:
    connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {str(r[0]) for r in connection.execute("SELECT subject_name FROM clues")}
    finally:
        connection.close()


def test_a_damaged_store_is_restored_from_the_latest_backup_and_resynced(
    qtbot: QtBot,
    platform: RunningPlatform,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    started: list[Startup],
) -> None:
    folder = tmp_path / "data"
    synced_folder(folder, platform.url, monkeypatch)
    store = open_store(folder)
    register_clue(store, 1)  # pending when the backup is taken
    yesterday = datetime.now() - timedelta(days=1, minutes=5)
    made = take_backup(store.db_path, DAILY, now=yesterday)
    later = [register_clue(store, n) for n in (2, 3)]  # only in the file that will break
    store.close()
    damage(folder / DB_FILE, pages=4)
    broken = sha256(folder / DB_FILE)

    startup = Startup(AppSettings(), folder, MainWindow)
    started.append(startup)
    startup.begin()
    qtbot.waitUntil(lambda: startup.recovery_dialog is not None, timeout=60000)
    dialog = startup.recovery_dialog
    assert dialog is not None and dialog.isVisible()
    assert made.taken_at.strftime("%Y-%m-%d %H:%M") in dialog.found.text()
    assert "每日备份" in dialog.found.text()
    assert "尚未上传的操作：2 条" in dialog.cost.text() and "重新下载" in dialog.cost.text()
    assert dialog.restore_button.text() == "恢复最近的备份并重新同步"
    assert dialog.choose_button.text() == "选择其他备份…" and dialog.quit_button.text() == "退出"
    with qtbot.waitSignal(startup.window_ready, timeout=120000) as ready:
        dialog.restore_button.click()
    window = ready.args[0]
    qtbot.addWidget(window)
    store = startup.store
    assert store is not None and startup.recovery is not None
    assert startup.recovery.salvaged == 2
    qtbot.waitUntil(lambda: sync_status(store).last_sync_at is not None, timeout=120000)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=120000)
    status = sync_status(store)
    assert status.pending == 0 and status.problems == 0  # the three registers were pushed
    assert {f"备份测试洗车行{n}" for n in (1, 2, 3)} <= subjects(store.db_path)
    assert not any(code in later for code, _s, _v in clue_states(store.db_path))

    # the window is shown and the last daily backup is a day old: today's is taken
    qtbot.waitUntil(lambda: len(list_backups(folder, DAILY)) == 2, timeout=60000)
    (kept,) = folder.glob("cluedesk-damaged-*.sqlite3")
    assert sha256(kept) == broken  # the damaged file is kept as it was

    reference = tmp_path / "reference"  # what the platform holds for this user now
    synced_folder(reference, platform.url, monkeypatch)
    assert clue_states(store.db_path) == clue_states(reference / DB_FILE)


def test_without_a_backup_the_dialog_offers_a_new_store(
    qtbot: QtBot, demo_store_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / DB_FILE).write_bytes((demo_store_dir / DB_FILE).read_bytes())
    store = open_store(folder)
    register_clue(store, 1)
    store.close()
    damage(folder / DB_FILE)
    offer = recovery_offer(folder)
    assert offer.latest is None and offer.unsent == 1
    dialog = RecoveryDialog(offer, "线索库文件已损坏")
    qtbot.addWidget(dialog)
    assert dialog.restore_button.text() == "新建线索库并重新同步"
    assert "没有找到可用的备份" in dialog.found.text() and "1 条" in dialog.cost.text()
    with qtbot.waitSignal(dialog.restore_requested) as chosen:
        dialog.restore_button.click()
    assert chosen.args == [None]


def test_another_backup_can_be_chosen(qtbot: QtBot, demo_store_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / DB_FILE).write_bytes((demo_store_dir / DB_FILE).read_bytes())
    store = open_store(folder)
    older = take_backup(store.db_path, MANUAL)
    register_clue(store, 1)
    take_backup(store.db_path, DAILY)
    store.close()
    damage(folder / DB_FILE)
    offer = recovery_offer(folder)
    assert offer.latest is not None and offer.latest.kind == DAILY and offer.unsent == 0
    dialog = RecoveryDialog(offer, "线索库文件已损坏")
    qtbot.addWidget(dialog)
    dialog.choose_other()
    assert dialog.file_dialog is not None
    assert Path(dialog.file_dialog.directory().path()) == folder / "backups"  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.restore_requested) as chosen:
        dialog.file_dialog.fileSelected.emit(str(older.path))  # type: ignore[attr-defined]
    assert chosen.args == [older.path]
    assert len(list_backups(folder)) == 2 and outbox_ids(older.path) == []


def test_the_file_menu_backs_the_open_store_up(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    workspace = make_workspace("haizhou")
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, SyncController(workspace, None), settings)
    qtbot.addWidget(window)
    action = window.backup_action
    assert (
        action.text() == "备份线索库…" and action in window.menuBar().actions()[0].menu().actions()
    )
    action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "backup_box", None) is not None, timeout=60000)
    box = window.backup_box  # type: ignore[attr-defined]
    (made,) = list_backups(workspace.store.data_dir, MANUAL)
    assert str(made.path) in box.text() and "附件文件不在备份中" in box.text()
    assert action.isEnabled()
    box.done(0)
