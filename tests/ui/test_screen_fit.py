"""Every window fits the office screens (1024x768, 1366x768, 1920x1080) at 100, 150 and 200 %,
in Chinese and in English, with no text cut; the main window repairs a layout from a bigger
screen. A screen's size and scale are fixed for a QApplication, so each combination runs the
child process tests/ui/screen_fit_child.py, which prints what it found."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import SyncController
from tests.ui.conftest import MakeWorkspace

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

ROOT = Path(__file__).resolve().parents[2]
SCREENS = [(1024, 768), (1366, 768), (1920, 1080)]
SCALES = [1.0, 1.5, 2.0]
CHECKED = {
    "main window",
    "register dialog",
    "settings dialog",
    "help dialog",
    "about dialog",
    "login dialog",
    "demo account dialog",
    "dispatch form on a registered clue",
    "report form on a handling clue",
    "notice form",
    "clause picker",
    "clause editor",
    "print preview",
    "case list",
    "case tab",
    "case file form",
    "case decide form",
    "case serve form",
    "verification view",
    "verification record form",
    "verification plan dialog",
    "dashboard",
}
"""Windows every run must have opened (the action forms an account may take are added)."""


def run_child(width: int, height: int, scale: float, folder: Path) -> dict[str, Any]:
    """The findings of the child process on a screen of that size and scale."""
    screen = folder / "screen.json"
    spec = {"name": "office", "x": 0, "y": 0, "width": width, "height": height}
    spec |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    screen.write_text(json.dumps({"screens": [spec]}), encoding="utf-8")
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    env["QT_SCALE_FACTOR"] = str(scale)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.screen_fit_child", str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{int(s * 100)}%")
@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_window_fits_the_screen_with_no_text_cut(
    size: tuple[int, int], scale: float, tmp_path: Path
) -> None:
    width, height = size
    report = run_child(width, height, scale, tmp_path)
    assert report["screen"] == [round(width / scale), round(height / scale)]
    assert report["ratio"] == scale
    problems = []
    for language, findings in report["languages"].items():
        opened = {finding["window"] for finding in findings}
        assert CHECKED <= opened, f"{language}: not opened: {sorted(CHECKED - opened)}"
        for finding in findings:
            where = f"{language} {finding['account']} {finding['window']}"
            problems += [f"{where}: {problem}" for problem in finding["problems"]]
    assert not problems, "\n".join(problems)


# -- the main window's own layout, on the tests' offscreen screen ----------------------------


def open_window(qtbot: QtBot, make_workspace: MakeWorkspace, ini: Path, user: str) -> MainWindow:
    workspace = make_workspace(user)
    settings = AppSettings(QSettings(str(ini), QSettings.Format.IniFormat))
    window = MainWindow(workspace, SyncController(workspace, None), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.isVisible)
    return window


def on_screen(window: MainWindow) -> bool:
    return window.screen().availableGeometry().contains(window.frameGeometry())


def test_first_window_is_sized_to_its_screen_and_centred(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_workspace, tmp_path / "settings.ini", "city")
    area = window.screen().availableGeometry()
    assert on_screen(window), (window.frameGeometry(), area)
    assert window.width() >= area.width() * 0.8  # a small screen is used, not a corner of it
    centre = window.frameGeometry().center()  # centred for a frame assumed before it is shown
    assert abs(centre.x() - area.center().x()) <= 20 and abs(centre.y() - area.center().y()) <= 20
    assert all(window.splitter.sizes())


def test_layout_from_a_bigger_screen_is_repaired(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    ini = tmp_path / "settings.ini"
    window = open_window(qtbot, make_workspace, ini, "haizhou")
    area = window.screen().availableGeometry()
    window.setGeometry(area.right() - 100, area.bottom() - 80, 2400, 1300)  # a 2560 screen
    window.splitter.setSizes([0, 2400, 0])  # the list and the clue dragged shut
    window.save_layout()
    window.close()
    again = open_window(qtbot, make_workspace, ini, "haizhou")
    assert on_screen(again), (again.frameGeometry(), area)
    assert all(size > 0 for size in again.splitter.sizes()), again.splitter.sizes()
    status = again.status
    qtbot.waitUntil(lambda: status.isVisible())
    corner = status.mapTo(again, status.rect().bottomRight())
    assert again.rect().contains(corner)  # the status bar (and its 立即同步) is in the window


def filter_rows(window: MainWindow) -> int:
    """How many rows the wrapping filters take now."""
    groups = [w for w in window.filter_bar.more.children() if isinstance(w, QWidget)]
    return sum(1 for group in groups if group.isVisible() and group.x() == 0)  # row starts


def test_filters_wrap_onto_more_rows_when_the_queue_is_narrow(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_workspace, tmp_path / "settings.ini", "city")
    window.resize(2200, 700)
    window.splitter.setSizes([150, 1650, 400])
    qtbot.waitUntil(lambda: filter_rows(window) == 1)
    window.resize(1000, 700)
    window.splitter.setSizes([150, 420, 430])
    qtbot.waitUntil(lambda: filter_rows(window) >= 3)
    bar = window.filter_bar
    qtbot.waitUntil(lambda: bar.more.height() >= bar.more.layout().heightForWidth(bar.more.width()))
    inside = bar.more.rect()
    for caption in bar.more.findChildren(QLabel):
        if caption.isVisible():
            box = caption.geometry().translated(caption.parentWidget().pos())
            assert inside.contains(box), caption.text()
            assert caption.width() >= caption.minimumSizeHint().width(), caption.text()
