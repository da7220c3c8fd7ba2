"""The window part of `cluedesk self-test`: the main window over a small demo store, shown and
closed (with the application's fonts, translations and Qt plugins, as a clerk would see it)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop
from PySide6.QtWidgets import QApplication

from desktop.domain.timeutil import china_now
from desktop.self_test import (
    SCREENSHOT_FAILED,
    WINDOW,
    WINDOW_NOT_CLOSED,
    WINDOW_NOT_SHOWN,
    WINDOW_SHOWN,
    Check,
)
from desktop.store.database import open_store
from desktop.store.demo_load import load_demo

SELF_TEST_CLUES = 40
"""Clues in the window's demo store: enough for a queue with rows, quick to generate."""
SELF_TEST_ACCOUNT = "haizhou"
"""The demo account whose window is shown: 海州区 (the county office, the widest queue)."""
SHOW_TIMEOUT_MS = 60_000
"""How long the window may take to show and to finish loading (a busy machine is slow)."""


def _process_until(done: Callable[[], bool], timeout_ms: int) -> bool:
    """Process Qt events until `done()` is true or the time is up; whether it became true."""
    deadline = QDeadlineTimer(timeout_ms)
    while not done():
        if deadline.hasExpired():
            return False
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return True


def check_window(folder: Path, screenshot: Path | None = None) -> Check:
    """Open the main window over a demo store made in `folder`, show it, let it load, save a
    screenshot to `screenshot` when asked, close it; the check's outcome."""
    from desktop.ui.app import make_application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import AppSettings
    from desktop.ui.sync_controller import SyncController
    from desktop.ui.tasks import running_tasks, wait_for_tasks
    from desktop.ui.workspace import Workspace

    store = open_store(folder)
    try:
        with store.session() as session:
            empty = not session.connection().exec_driver_sql("SELECT 1 FROM units LIMIT 1").first()
        if empty:
            load_demo(store, SELF_TEST_CLUES, now=china_now())
        settings = AppSettings.for_folder(folder)
        existing = QApplication.instance()
        app = (  # the application a caller made (a test's) is used as it is
            existing
            if isinstance(existing, QApplication)
            else make_application(sys.argv[:1], settings)
        )
        workspace = Workspace(store, SELF_TEST_ACCOUNT)
        window = MainWindow(workspace, SyncController(workspace, None), settings)
        try:
            window.show()
            handle = window.windowHandle()
            shown = _process_until(
                lambda: window.isVisible() and handle is not None and handle.isExposed(),
                SHOW_TIMEOUT_MS,
            )
            if not shown:
                return Check(WINDOW, False, WINDOW_NOT_SHOWN)
            _process_until(lambda: running_tasks() == 0, SHOW_TIMEOUT_MS)
            QApplication.processEvents()
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                if not window.grab().save(str(screenshot)):
                    return Check(WINDOW, False, SCREENSHOT_FAILED.format(path=screenshot))
        finally:
            window.close()
            window.deleteLater()
            QApplication.processEvents()
            wait_for_tasks()
        if window.isVisible():
            return Check(WINDOW, False, WINDOW_NOT_CLOSED)
        return Check(WINDOW, True, WINDOW_SHOWN.format(platform=app.platformName()))
    finally:
        store.close()
