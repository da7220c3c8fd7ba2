"""The commission's window against the real platform: the warning job turns clues red while
nobody pushes, the next sync brings them and raises one notification, and the 预警台账 view
shows them on 红色预警未消除. Nothing is mocked: a real `cluedesk-platform serve` runs."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from cityplatform.db import open_database
from cityplatform.warning_job import run_warning_job
from desktop.demo.city import DEMO_PASSWORD
from desktop.domain.timeutil import china_now
from desktop.store.database import open_store
from desktop.store.warnings import open_red_keys
from desktop.ui.main_window import MainWindow
from desktop.ui.notifications import RED_WARNINGS
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import Connection, SyncController, login_job, sync_job
from desktop.ui.tasks import Task
from desktop.ui.workspace import Workspace
from tests.ui.conftest import RunningPlatform

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

COMMISSION = "hzjw"
"""海州区纪委监委's supervisor."""


def run_job(platform: RunningPlatform, days: float) -> int:
    db = open_database(platform.db_url)
    try:
        run = run_warning_job(db, china_now() + timedelta(days=days))
    finally:
        db.dispose()
    assert run.ran
    return run.changed


def test_new_red_warnings_reach_the_commission_after_a_sync(
    qtbot: QtBot, platform: RunningPlatform, tmp_path: Path
) -> None:
    run_job(platform, 0)
    store = open_store(tmp_path / "desk")
    connection = Connection(platform.url, COMMISSION)
    login_job(store, connection, DEMO_PASSWORD)
    sync_job(store, connection, Task(lambda _task: None))  # the first sync
    workspace = Workspace(store, COMMISSION, platform.url)
    sync = SyncController(workspace, connection)
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, sync, settings)
    qtbot.addWidget(window)
    window.show()
    before = open_red_keys(store)
    view = window.warnings_view
    assert view.open_check.isChecked() and view.level_combo.currentData() == 3

    assert run_job(platform, 12) > 0  # nobody pushes: the job alone turns clues red
    with qtbot.waitSignal(sync.finished, timeout=120000):
        qtbot.mouseClick(window.status.sync_button, Qt.MouseButton.LeftButton)
    new = open_red_keys(store) - before
    assert new
    red = [m for m in window.notifier.sent if m.kind == RED_WARNINGS]
    assert len(red) == 1
    assert red[0].count == len({code for code, *_ in new})
    assert red[0].clue_code == min(code for code, *_ in new)
    window.show_red_still_open()
    shown = {row.code for row in view.model.rows}
    assert {code for code, *_ in new} <= shown
    window.close()
    store.close()
