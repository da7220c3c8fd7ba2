"""The cold start of the main window: nothing loaded that its first screen does not use, the
queue queried once, the other views built when first shown, the counts and the daily backup
after the first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import desktop.ui.queue_model as queue_model
from desktop.store.backups import DAILY, check_store_file, list_backups
from desktop.store.database import Store
from desktop.store.sync_apply import device_id, write_state
from desktop.sync.tokens import TokenStore
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.startup import Startup
from desktop.ui.sync_controller import SyncController
from desktop.ui.workspace import Workspace

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

REPO = Path(__file__).resolve().parents[2]

HEAVY = (
    "reportlab",
    "openpyxl",
    "requests",
    "urllib3",
    "pydantic",
    "alembic",
    "sqlcipher3",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
    "cityplatform",
    "desktop.sync.api",
    "desktop.sync.auth",
    "desktop.sync.engine",
    "desktop.sync.http",
    "desktop.reports.documents",
    "desktop.reports.notice_pdf",
    "desktop.reports.spreadsheet",
    "desktop.store.sync_apply.parse",
    "desktop.wire.records",
    "desktop.ui.dashboard",
    "desktop.ui.warnings_view",
    "desktop.ui.notices_view",
    "desktop.ui.cases.case_list",
    "desktop.ui.intake_import.dialog",
)
"""Packages and modules the first screen of the window does without: the PDF and workbook
writers, the HTTP client and the sync engine, the sync's parsers, SQLCipher for a plain store,
the charts and the views behind the other entries of the navigation. A module of the list
that a change makes the start load again shows up here, before it shows in the benchmark."""

CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from desktop.store.database import open_store
from desktop.ui.app import make_application
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import SyncController
from desktop.ui.workspace import Workspace

app = make_application(["cluedesk"])
settings = AppSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
workspace = Workspace(open_store(Path(sys.argv[1])), "city")
window = MainWindow(workspace, SyncController(workspace, None), settings)
window.show()
model = window.queue_view.model
for _ in range(1000):
    app.processEvents()
    if model.rows_prepared and window.navigation.model.counts:
        break
heavy = json.loads(sys.argv[3])
loaded = sorted(
    name for name in sys.modules if any(name == h or name.startswith(h + ".") for h in heavy)
)
print(json.dumps({"rows": model.rowCount(), "painted": model.rows_prepared, "loaded": loaded}))
"""


def test_the_window_starts_without_the_modules_its_first_screen_does_not_use(
    demo_copy: Store, tmp_path: Path
) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(demo_copy.data_dir),
            str(tmp_path / "settings.ini"),
            json.dumps(HEAVY),
        ],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["rows"] > 0 and found["painted"] > 0  # the first screen was really shown
    assert found["loaded"] == []


def test_the_queue_is_queried_once_and_the_other_views_wait_to_be_shown(
    qtbot: QtBot, make_workspace: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries: list[object] = []
    real_query = queue_model.query_page

    def counted(*args: object, **kwargs: object) -> object:
        queries.append(args[2])  # the filter
        return real_query(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queue_model, "query_page", counted)
    assert callable(make_workspace)
    workspace: Workspace = make_workspace("city")
    window = MainWindow(workspace, SyncController(workspace, None), AppSettings())
    qtbot.addWidget(window)
    assert window.navigation.model.counts == {}  # no count over the store before the paint
    window.show()
    qtbot.waitUntil(lambda: bool(window.navigation.model.counts), timeout=60000)
    assert len(queries) == 1  # the first block's query, made once
    assert window.queue_view.row_count() > 0
    assert window.centre.count() == 1  # only the queue: the other views are not built yet
    window.navigation.select_warning_record()
    assert window.centre.currentWidget() is window.warnings_view
    assert window.centre.count() == 2
    window.navigation.select_cases()
    assert window.centre.currentWidget() is window.cases_view
    window.navigation.select_warning_record()
    assert window.centre.count() == 3  # each view is built once, then shown again


def test_the_daily_backup_is_taken_after_the_window_is_shown_and_said_in_the_status_bar(
    qtbot: QtBot, demo_copy: Store, started: list[Startup]
) -> None:
    store = demo_copy
    folder = store.data_dir
    unreachable = "http://127.0.0.1:9"  # the discard port: the start's sync finds it offline
    write_state(store, server_url=unreachable, user={"username": "xinhai"})
    tokens = TokenStore(folder, device_id(store), use_keyring=False)
    tokens.save(unreachable, "xinhai", "a-saved-refresh-token", None)
    store.close()  # the start opens the folder itself, as the next morning
    assert list_backups(folder, DAILY) == []
    startup = Startup(AppSettings(), folder, MainWindow)
    started.append(startup)
    said: list[str] = []
    backing_up_when_shown: list[bool] = []

    def shown(window: MainWindow) -> None:  # at once, as the window is shown
        backing_up_when_shown.append(startup.daily_backup is not None)
        window.statusBar().messageChanged.connect(said.append)

    startup.window_ready.connect(shown)
    with qtbot.waitSignal(startup.window_ready, timeout=60000) as ready:
        startup.begin()
    window = ready.args[0]
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert backing_up_when_shown == [False]  # not started before the window's first paint
    assert window.queue_view.row_count() > 0
    qtbot.waitUntil(lambda: bool(list_backups(folder, DAILY)), timeout=120000)
    qtbot.waitUntil(lambda: startup.daily_backup is None, timeout=120000)
    assert "正在备份本机线索库……" in said and "本机线索库已备份" in said
    backup = list_backups(folder, DAILY)[0]
    assert check_store_file(backup.path, folder).revision is not None  # a sound store
    startup.back_up_daily()  # the same day again (after a sync, say): no second backup
    assert startup.daily_backup is None and len(list_backups(folder, DAILY)) == 1
