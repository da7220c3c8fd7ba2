"""Errors at the edges, as the window meets them: a damaged store, a read-only one, a full disk
and an unexpected error each give a calm message in plain words and a log entry, never a
traceback on the terminal or SQL on the screen, and leave the store as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from desktop.demo.city import DEMO_PASSWORD
from desktop.domain.workflow import Action
from desktop.store.database import DB_FILE, Store, open_store
from desktop.store.sync_apply import device_id
from desktop.sync.api import PlatformApi
from desktop.sync.auth import login, open_client
from desktop.sync.engine import run_sync
from desktop.ui.actions import ActionError, perform_action
from desktop.ui.logging_setup import setup_logging, shutdown_logging
from desktop.ui.sync_controller import Connection, SyncController
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace
from tests.ui.loop_kit import HAIZHOU

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

SQL_WORDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "parameters", "sqlalchemy", "Error(")
REPORTER, PHONE = "张秀英", "13912345678"

WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from sqlalchemy import Engine, event

MODE = sys.argv.pop(1)
import faulthandler

faulthandler.dump_traceback_later(150, exit=True)  # a hang shows every thread's stack
app = QApplication(sys.argv[:1])

if MODE == "readonly":  # as a read-only file would, even for root: every write is refused
    def read_only(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA query_only = ON")

    event.listen(Engine, "connect", read_only)
if MODE == "unexpected":  # a bug on the UI thread, in a slot of the start-up
    from desktop.ui.startup import Startup

    def broken(self):
        raise KeyError("lead_unit")

    Startup._ask_login = broken


def watch():
    from desktop.ui.error_dialog import ErrorDialog

    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible():
            continue
        if type(widget).__name__ == "LoginDialog":  # no saved session: say so, do not wait
            print("LOGIN", flush=True)
            app.quit()
            return
        if type(widget).__name__ == "RecoveryDialog":  # a damaged store: 退出
            print("RECOVERY", widget.intro.text(), widget.details.text(), flush=True)
            widget.quit_button.click()
            return
        if isinstance(widget, QMessageBox):
            print("BOX", widget.text(), flush=True)
            widget.done(0)
            return
        if isinstance(widget, ErrorDialog):
            print("DIALOG", widget.message.text(), widget.log_place.text(), flush=True)
            widget.quit_button.click()
            return
        if isinstance(widget, QMainWindow):
            message = widget.statusBar().currentMessage()
            if message.startswith("同步没有完成"):
                print("STATUS", message, flush=True)
                app.quit()
                return
    QTimer.singleShot(50, watch)


QTimer.singleShot(50, watch)
from desktop.cli import main

sys.exit(main(sys.argv[1:]))
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_window(tmp_path: Path, data_dir: Path, mode: str) -> subprocess.CompletedProcess[str]:
    """`cluedesk --data-dir DIR` (the window), with a watcher that reads what it shows."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "CLUEDESK_DATA_DIR": str(tmp_path / "default-data"),
    }
    command = [sys.executable, "-c", WINDOW, mode, "--data-dir", str(data_dir)]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, env=env)


def log_text(folder: Path) -> str:
    log = folder / "logs" / "cluedesk.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def plain(message: str) -> None:
    for word in (*SQL_WORDS, REPORTER, PHONE):
        assert word not in message, (word, message)


def made_store(folder: Path) -> Path:
    """A store made and closed cleanly, as cluedesk leaves one; its file."""
    store = open_store(folder)
    store.close()
    return folder / DB_FILE


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_store_gives_the_refusal_and_a_log_entry(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "data"
    db = made_store(folder)
    if damage == "garbage":
        db.write_bytes(os.urandom(8192))
    else:
        db.write_bytes(db.read_bytes()[: 4096 + 1000])
    before = sha256(db)
    result = run_window(tmp_path, folder, damage)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "RECOVERY" in result.stdout and "已损坏" in result.stdout and str(db) in result.stdout
    assert "start-up failed" in log_text(folder) and "已损坏" in log_text(folder)
    assert sha256(db) == before


@pytest.fixture
def synced_folder(platform_url: str, tmp_path: Path) -> Path:
    """A data folder whose store has logged in as xinhai and synced once (then closed)."""
    folder = tmp_path / "synced"
    store = open_store(folder)
    try:
        # the token in the folder's file, where the window (a fresh process) finds it: this
        # process's keyring may be another backend, cached by an earlier test
        with open_client(store, platform_url, "xinhai", use_keyring=False) as http:
            login(store, http, "xinhai", DEMO_PASSWORD, "test")
            run_sync(store, PlatformApi(http))
    finally:
        store.close()
    return folder


@pytest.mark.slow
def test_a_read_only_store_stops_the_sync_with_plain_words(
    tmp_path: Path, synced_folder: Path
) -> None:
    db = synced_folder / DB_FILE
    before = sha256(db)
    result = run_window(tmp_path, synced_folder, "readonly")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    status = next(line for line in result.stdout.splitlines() if line.startswith("STATUS"))
    assert "不可读写" in status and str(db) in status
    plain(status)
    assert "sync stopped: the store could not be written or read" in log_text(synced_folder)
    assert sha256(db) == before


def test_an_unexpected_error_gives_the_calm_dialog_and_its_traceback_goes_to_the_log(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    result = run_window(tmp_path, folder, "unexpected")
    assert result.returncode == 1, result.stdout + result.stderr  # the user chose 退出
    assert "Traceback" not in result.stdout + result.stderr
    dialog = next(line for line in result.stdout.splitlines() if line.startswith("DIALOG"))
    assert "cluedesk 遇到了一个内部错误，您的数据已保存在本机。" in dialog
    assert str(folder / "logs" / "cluedesk.log") in dialog
    assert "lead_unit" not in dialog and "KeyError" not in dialog
    logged = log_text(folder)
    assert "Traceback" in logged and "KeyError: 'lead_unit'" in logged


# -- a full disk (SQLite's SQLITE_FULL: the file may not grow by a page) ----------------------


def fill_the_disk(store: Store) -> None:
    """From now on the store's file cannot grow: every connection gets a page limit."""
    with store.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    def limit(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(store.engine, "connect", limit)
    store.engine.dispose()


def content(store: Store) -> str:
    """The store's whole content (its SQL dump): what "unchanged" means while WAL holds pages."""
    with store.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        return hashlib.sha256("\n".join(raw.iterdump()).encode()).hexdigest()


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Path]:
    """The log file, written to tmp_path/logs."""
    path = setup_logging(tmp_path)
    yield path
    shutdown_logging()


def test_a_full_disk_stops_an_action_with_plain_words(
    fresh_desk: MakeWorkspace, logged: Path
) -> None:
    workspace = fresh_desk("haizhou")
    before = content(workspace.store)
    fill_the_disk(workspace.store)
    payload = {
        "channel": "hotline_12345",
        "channel_ref": "GD20261127001",
        "received_at": workspace.now().isoformat(),
        "category": "water",
        "priority": "normal",
        "county_code": HAIZHOU,
        "township_code": None,
        "subject_name": "华福洗车行",
        "address": "海州区新海街道建设东路139号",
        "description": "洗车污水直排雨水管网" * 200,
        "reporter_name": REPORTER,
        "reporter_phone": PHONE,
    }
    errors: list[ActionError] = []
    done = perform_action(workspace, Action.REGISTER, None, payload, on_error=errors.append)
    assert done is None and len(errors) == 1
    message = errors[0].text()
    assert "磁盘空间不足" in message and "清理磁盘空间后重试" in message
    plain(message)
    assert "action not saved: the store could not be written" in logged.read_text("utf-8")
    assert content(workspace.store) == before


def test_a_full_disk_during_sync_reads_as_one_in_the_status_line(
    qtbot: QtBot, fresh_desk: MakeWorkspace, logged: Path
) -> None:
    workspace: Workspace = fresh_desk("haizhou")
    controller = SyncController(workspace, Connection("http://127.0.0.1:9", "haizhou"))
    db = workspace.store.db_path
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE filler (x)")
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(sqlite3.OperationalError) as raised:
        connection.execute("INSERT INTO filler VALUES (?)", (f"{REPORTER} {PHONE}" * 5000,))
    connection.close()
    try:
        raise RuntimeError("INSERT INTO clues (reporter_name) VALUES (?)") from raised.value
    except RuntimeError as exc:
        message = controller.failure_text(exc)
    assert message.startswith("同步没有完成：磁盘空间不足") and str(db) in message
    plain(message)
    assert "sync stopped: the store could not be written" in logged.read_text("utf-8")
    assert device_id(workspace.store)  # the store still reads


def test_an_unexpected_sync_failure_points_to_the_log_not_to_the_exception(
    fresh_desk: MakeWorkspace, logged: Path
) -> None:
    workspace = fresh_desk("haizhou")
    controller = SyncController(workspace, Connection("http://127.0.0.1:9", "haizhou"))
    message = controller.failure_text(KeyError("lead_unit"))
    assert "lead_unit" not in message and "KeyError" not in message and "日志" in message
    assert "KeyError: 'lead_unit'" in logged.read_text("utf-8")
