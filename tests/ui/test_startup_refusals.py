"""The window refuses an unusable data folder or store: a critical message box says why (in
Chinese, naming the file), the program exits with status 2, and the file stays as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.store.database import DB_FILE
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.startup import Startup

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

CLOSE_THE_BOX = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

app = QApplication(sys.argv[:1])


def close_the_box():
    # the user reads the message box and closes it
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            critical = widget.icon() == QMessageBox.Icon.Critical
            print("BOX", "critical" if critical else widget.icon(), widget.text(), flush=True)
            widget.done(0)
            return
    QTimer.singleShot(50, close_the_box)


QTimer.singleShot(50, close_the_box)
from desktop.cli import main

sys.exit(main(sys.argv[1:]))
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_the_window(tmp_path: Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """`cluedesk --data-dir DIR` (the window), with someone to close its message box."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "CLUEDESK_DATA_DIR": str(tmp_path / "default-data"),
    }
    command = [sys.executable, "-c", CLOSE_THE_BOX, "--data-dir", str(data_dir)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def test_the_window_refuses_a_data_dir_that_is_a_file(tmp_path: Path) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("我的笔记\n", encoding="utf-8")
    before = sha256(afile)
    result = open_the_window(tmp_path, afile)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "BOX critical" in result.stdout and "是一个文件，不是文件夹" in result.stdout
    assert str(afile) in result.stderr
    assert sha256(afile) == before


def test_the_window_refuses_a_foreign_database(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / DB_FILE
    other = sqlite3.connect(db)
    other.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    other.commit()
    other.close()
    before = sha256(db)
    result = open_the_window(tmp_path, folder)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "BOX critical" in result.stdout and "不是 cluedesk 的线索库" in result.stdout
    assert str(db) in result.stdout
    assert sha256(db) == before


def test_startup_shows_a_zero_byte_store_in_a_critical_box(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / DB_FILE
    db.write_bytes(b"")
    startup = Startup(AppSettings(), folder, MainWindow)

    def boxes() -> list[QMessageBox]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]

    with qtbot.waitSignal(startup.failed, timeout=30000) as failed:
        startup.begin()  # the store is checked in a worker: the box comes when it is done
        qtbot.waitUntil(lambda: len(boxes()) == 1, timeout=30000)
        box = boxes()[0]
        assert box.icon() == QMessageBox.Icon.Critical
        assert "是空的（0 字节）" in box.text() and str(db) in box.text()
        box.done(0)
    assert "是空的（0 字节）" in failed.args[0]
    assert startup.exit_status == 2 and startup.store is None
    assert db.read_bytes() == b""
