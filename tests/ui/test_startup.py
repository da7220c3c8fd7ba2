"""Start-up: the login dialog against the real platform, the saved session, the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.demo.city import DEMO_PASSWORD
from desktop.store.sync_apply import sync_status
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.startup import Startup
from tests.ui.conftest import RunningPlatform

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")


def window_of(qtbot: QtBot, startup: Startup) -> MainWindow:
    with qtbot.waitSignal(startup.window_ready, timeout=60000) as ready:
        pass
    window = ready.args[0]
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    return window


def test_login_dialog_then_the_window_and_next_time_no_login(
    qtbot: QtBot,
    platform: RunningPlatform,
    platform_url: str,
    tmp_path: Path,
    started: list[Startup],
) -> None:
    folder = tmp_path / "data"
    startup = Startup(AppSettings(), folder, MainWindow)
    started.append(startup)
    startup.begin()  # the store opens in a worker; then the login dialog
    qtbot.waitUntil(lambda: startup.login_dialog is not None, timeout=30000)
    dialog = startup.login_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    dialog.server_url.clear()
    qtbot.keyClicks(dialog.server_url, platform_url)
    qtbot.keyClicks(dialog.username, "xinhai")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and not dialog.is_busy(), timeout=20000)
    assert "登录失败" in dialog.error.text()
    assert dialog.server_url.text() == platform_url and dialog.username.text() == "xinhai"
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    with qtbot.waitSignal(startup.window_ready, timeout=60000) as ready:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    window = ready.args[0]
    qtbot.addWidget(window)
    assert not dialog.isVisible()
    assert "夏红婷" in window.windowTitle() and "新海街道" in window.windowTitle()
    assert window.queue_view.row_count() > 0
    settings = AppSettings()
    assert (settings.server_url, settings.username) == (platform_url, "xinhai")
    assert DEMO_PASSWORD not in (folder / "cluedesk.sqlite3").read_bytes().decode("latin-1")
    status = window.status  # the first sync just worked: online, not "to be checked"
    assert status.online_label.text() == "● 在线" and not window.sync.running
    platform.stop()  # the line goes down
    with qtbot.waitSignal(window.sync.failed, timeout=120000):
        assert window.sync.sync_now()
    assert status.online_label.text() == "○ 离线"
    assert platform_url in status.online_label.toolTip()
    platform.start_again()
    with qtbot.waitSignal(window.sync.finished, timeout=60000):
        assert window.sync.sync_now()
    assert status.online_label.text() == "● 在线"
    window.close()
    startup.store.close()  # type: ignore[union-attr]
    startup.store = None

    again = Startup(AppSettings(), folder, MainWindow)  # the next morning: no login asked
    started.append(again)
    with qtbot.waitSignal(again.window_ready, timeout=60000):
        again.begin()
    assert again.login_dialog is None
    assert isinstance(again.window, QWidget) and again.window.isVisible()
    assert again.store is not None
    qtbot.addWidget(again.window)
    qtbot.waitUntil(lambda: sync_status(again.store).last_sync_at is not None)  # type: ignore[arg-type]


def test_the_demo_starts_its_platform_and_logs_in(
    qtbot: QtBot, tmp_path: Path, started: list[Startup]
) -> None:
    startup = Startup(AppSettings(), tmp_path / "demo", MainWindow, demo=True)
    started.append(startup)
    startup.begin()
    chooser = startup.account_dialog
    assert chooser is not None and chooser.isVisible()
    qtbot.addWidget(chooser)
    chooser.select("haizhou")
    with qtbot.waitSignal(startup.window_ready, timeout=120000) as ready:
        chooser.accept()
    window = ready.args[0]
    qtbot.addWidget(window)
    assert "海州区" in window.windowTitle()
    assert startup.demo is not None and startup.demo.base_url.startswith("http://127.0.0.1:")
    assert window.queue_view.row_count() > 100  # the county sees its share of 5,000 clues
    status = sync_status(startup.store)  # type: ignore[arg-type]
    assert status.server_url == startup.demo.base_url and status.pending == 0


def test_the_progress_dialog_has_a_cancel_button_only_where_it_can_cancel(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QPushButton

    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    startup = Startup(settings, tmp_path / "data", lambda *_: QWidget())
    startup._show_progress("正在启动演示平台……", cancel=False)
    assert startup.progress is not None
    qtbot.addWidget(startup.progress)
    buttons = [b for b in startup.progress.findChildren(QPushButton) if b.isVisible()]
    assert buttons == []  # before: a blank button that did nothing
    startup._show_progress("正在从平台下载线索……", cancel=True)
    buttons = [b for b in startup.progress.findChildren(QPushButton) if b.isVisible()]
    assert [b.text() for b in buttons] == ["取消"]
    startup._hide_progress()


def test_the_store_opens_and_the_session_is_looked_up_off_the_ui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started: list[Startup]
) -> None:
    import threading

    from desktop.ui import startup as startup_module

    threads: dict[str, threading.Thread] = {}
    release = threading.Event()
    real_open, real_lookup = startup_module.open_store, startup_module.saved_connection

    def slow_open(folder: Path) -> object:  # a migration with its backup takes its time
        threads["open"] = threading.current_thread()
        assert release.wait(30)
        return real_open(folder)

    def lookup(store: object, ca_bundle: str | None) -> object:  # the keyring may hang
        threads["lookup"] = threading.current_thread()
        return real_lookup(store, ca_bundle)  # type: ignore[arg-type]

    monkeypatch.setattr(startup_module, "open_store", slow_open)
    monkeypatch.setattr(startup_module, "saved_connection", lookup)
    startup = Startup(AppSettings(), tmp_path / "data", MainWindow)
    started.append(startup)
    startup.begin()
    progress = startup.progress
    assert progress is not None
    qtbot.addWidget(progress)
    qtbot.waitUntil(lambda: "open" in threads, timeout=30000)
    qtbot.wait(50)  # the event loop runs while the store opens: the dialog is painted
    assert progress.isVisible() and "正在打开本机线索库" in progress.labelText()
    assert startup.login_dialog is None
    release.set()
    qtbot.waitUntil(lambda: startup.login_dialog is not None, timeout=30000)
    assert startup.login_dialog is not None
    qtbot.addWidget(startup.login_dialog)
    assert not progress.isVisible()
    main = threading.main_thread()
    assert threads["open"] is not main and threads["lookup"] is not main
    assert startup.store is not None and startup.store.db_path.is_file()
    startup.login_dialog.reject()
