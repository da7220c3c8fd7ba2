"""The real main window over an existing store, for the cold-start benchmark.

`python -m bench.ui_bench --store DIR --window bench.ui_window:main_window` starts a fresh
interpreter that builds it the way `cluedesk` does after a saved login (application, font,
translations, store, workspace, window) and stops the clock when the queue shows its rows
(`usable`: the rows in view were read from the store to be painted).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from desktop.store.database import open_store
from desktop.ui.app import make_application
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import SyncController
from desktop.ui.workspace import Workspace

USERNAME = "city"
"""The city office: its queues hold every clue of the store (the largest window)."""


def main_window(data_dir: Path) -> QWidget:
    """The main window of the city office over `data_dir` (no platform: sync stays idle)."""
    make_application(["cluedesk"])
    settings_file = Path(tempfile.mkdtemp()) / "settings.ini"
    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    store = open_store(data_dir)
    workspace = Workspace(store, USERNAME)
    window = MainWindow(workspace, SyncController(workspace, None), settings)
    window.resize(1440, 860)
    return window


def usable(window: QWidget) -> bool:
    """Whether the main window shows its first rows: the queue has rows, and those in view
    were read from the store and prepared for painting."""
    assert isinstance(window, MainWindow)
    model = window.queue_view.model
    first, last = model.visible_rows()
    return model.rowCount() > 0 and last >= first and model.rows_prepared > 0
