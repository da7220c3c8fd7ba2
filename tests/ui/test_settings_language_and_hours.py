"""The settings dialog: a new language asks to restart; office hours say who decides them."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.calendar import OfficeHours
from desktop.store.sync_apply import platform_office_hours
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.settings_dialog import Restarter, SettingsDialog, restart_command
from desktop.ui.sync_controller import SyncController
from tests.ui.conftest import MakeWorkspace

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

PLATFORM_HOURS = OfficeHours(((time(9, 0), time(12, 0)), (time(14, 0), time(18, 0))))


class Launches:
    """Records the programs a Restarter starts instead of starting them."""

    def __init__(self) -> None:
        self.started: list[tuple[str, list[str], str]] = []

    def __call__(self, program: str, arguments: list[str], folder: str) -> bool:
        self.started.append((program, arguments, folder))
        return True


def open_window(qtbot: QtBot, make_workspace: MakeWorkspace, folder: Path) -> MainWindow:
    workspace = make_workspace("haizhou")
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, SyncController(workspace, None), settings)
    qtbot.addWidget(window)
    window.show()
    return window


def save_language(qtbot: QtBot, dialog: SettingsDialog, language: str) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )


def prompt_of(dialog: SettingsDialog) -> tuple[QMessageBox, QPushButton, QPushButton]:
    box = dialog.restart_prompt
    assert box is not None and box.isVisible()
    now = box.findChild(QPushButton, "restart_now")
    later = box.findChild(QPushButton, "restart_later")
    assert now is not None and later is not None
    return box, now, later


def test_a_new_language_asks_to_restart_and_later_changes_nothing(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_workspace, tmp_path)
    dialog = window.open_settings()
    launches = Launches()
    dialog.launch = launches
    save_language(qtbot, dialog, "en")
    box, now, later = prompt_of(dialog)
    assert box.text() == "界面语言将在重新启动 cluedesk 后生效。"
    assert (now.text(), later.text()) == ("立即重启", "稍后")
    assert box.defaultButton() is later
    qtbot.mouseClick(later, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.isVisible() and launches.started == []
    assert window.settings.language == "en"


def test_restart_now_closes_the_window_and_starts_the_same_command_again(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_workspace, tmp_path)
    dialog = window.open_settings()
    launches = Launches()
    dialog.launch = launches
    save_language(qtbot, dialog, "en")
    box, now, _later = prompt_of(dialog)
    restarter = box.property("restarter")
    assert isinstance(restarter, Restarter)
    qtbot.mouseClick(now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())  # closed the normal way (layout saved)
    assert restarter.armed and launches.started == []  # nothing starts before we quit
    restarter.start_again()  # what the application's aboutToQuit does
    program, arguments = restart_command()
    assert launches.started == [(program, arguments, str(Path.cwd()))]
    restarter.start_again()  # once only
    assert len(launches.started) == 1


def test_restart_now_starts_nothing_when_the_window_stays_open(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_workspace, tmp_path)
    launches = Launches()
    restarter = Restarter(window, launches)
    window.closeEvent = lambda event: event.ignore()  # type: ignore[method-assign]
    restarter.restart()
    assert window.isVisible() and not restarter.armed
    restarter.start_again()
    assert launches.started == []


def test_the_same_language_asks_nothing(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_workspace, tmp_path)
    dialog = window.open_settings()
    save_language(qtbot, dialog, "zh_CN")
    assert dialog.restart_prompt is None and not dialog.restart_needed


def test_office_hours_the_platform_governs_are_shown_read_only_with_why(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = SettingsDialog(settings, platform_hours=PLATFORM_HOURS)
    qtbot.addWidget(dialog)
    dialog.show()
    assert all(not edit.isEnabled() for edit in dialog.time_edits())
    assert dialog.morning_start.time().toString("HH:mm") == "09:00"
    assert dialog.afternoon_end.time().toString("HH:mm") == "18:00"
    assert "以市级平台发布的时限规则为准" in dialog.office_note.text()
    assert "不能修改" in dialog.office_note.text()
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert settings.office_hours == OfficeHours()  # the settings' own hours are kept


def test_office_hours_apply_here_until_the_platform_publishes_rules(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert all(edit.isEnabled() for edit in dialog.time_edits())
    assert "尚未从市级平台收到时限规则" in dialog.office_note.text()
    dialog.morning_start.setTime(dialog.morning_start.time().addSecs(1800))
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert settings.office_hours.periods[0][0] == time(9, 0)


def test_the_window_tells_the_dialog_whether_the_platform_governs(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_workspace, tmp_path)
    governed = platform_office_hours(window.workspace.store)
    dialog = window.open_settings()
    assert dialog.platform_hours == governed
    assert dialog.morning_start.isEnabled() is (governed is None)
