"""The main window over the demo store: layout kept between runs, help, about, settings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.store.clue_rows import load_rules
from desktop.store.queues import Queue
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.help_dialog import HelpDialog
from desktop.ui.i18n import install_translators, remove_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.role_guide import Role, guide_html, role_of
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import Connection, SyncController
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")


def open_window(qtbot: QtBot, workspace: Workspace, settings_file: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(workspace, SyncController(workspace, None), settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_layout_and_columns_are_kept_between_runs(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = make_workspace("haizhou")
    window = open_window(qtbot, workspace, tmp_path / "settings.ini")
    table = window.queue_view.table
    table.setColumnWidth(1, 211)
    table.horizontalHeader().hideSection(5)
    window.close()
    again = open_window(qtbot, workspace, tmp_path / "settings.ini")
    assert again.queue_view.table.columnWidth(1) == 211
    assert again.queue_view.table.horizontalHeader().isSectionHidden(5)
    # The offscreen screen is small: restored geometry is clamped to it, so the splitter's
    # pixel sizes cannot be compared; what was saved is.
    saved = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert saved.window_geometry and saved.splitter_state


def test_help_lists_every_shortcut_and_f1_opens_it(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_workspace("xinhai"), tmp_path / "settings.ini")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.dialog
    assert isinstance(dialog, HelpDialog) and dialog.isVisible()
    listed = {text for text, _keys in window.shortcuts()}
    assert {"签收", "登记", "立即同步", "查找线索", "同步问题"} <= listed
    keys = {window.sync_action.shortcut().toString(), window.register_action.shortcut().toString()}
    assert keys == {"F5", "Ctrl+Shift+N"}
    assert dialog.tabs.tabText(0) == "使用指南" and dialog.tabs.currentIndex() == 0
    guide = dialog.guide.toPlainText()
    assert "乡镇（街道）、部门" in guide and "签收（Ctrl+Shift+S）" in guide
    assert "待分办" not in guide  # a township does not dispatch


@pytest.mark.parametrize(
    ("username", "role", "says"),
    [
        ("xinhai", Role.HANDLER_HEAD, "待审签"),
        ("xinhaijb", Role.HANDLER, "反馈（Ctrl+Shift+R）"),
        ("haizhou", Role.COUNTY_OFFICE, "分办（Ctrl+Shift+D）"),
        ("hzjw", Role.COMMISSION, "「建议与督办」（Ctrl+Alt+S）"),
    ],
)
def test_the_help_guide_follows_the_account_s_role(
    make_workspace: MakeWorkspace, username: str, role: Role, says: str
) -> None:
    actor = make_workspace(username).actor
    assert role_of(actor) is role
    assert says in guide_html(actor)


def _mnemonic(text: str) -> str | None:
    """The Alt letter of a label such as 搜索(&F) (None without one; && is a literal &)."""
    match = re.search(r"(?<!&)&([^&])", text)
    return match.group(1).upper() if match else None


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_alt_letter_of_the_window_is_its_own(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path, language: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, language)
    try:
        window = open_window(qtbot, make_workspace("haizhou"), tmp_path / "settings.ini")
        texts = [action.text() for action in window.menuBar().actions()]
        texts += [
            label.text() for label in window.findChildren(QLabel) if label.buddy() is not None
        ]
        letters = [letter for text in texts if (letter := _mnemonic(text))]
        assert len(letters) >= 8
        assert sorted(letters) == sorted(set(letters)), texts  # Alt+S was 同步 and 搜索
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
        assert window.filter_bar.search.hasFocus()
    finally:
        remove_translators(app)


def test_find_shortcut_and_queue_switching(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_workspace("haizhou"), tmp_path / "settings.ini")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.search.hasFocus()
    window.navigation.select_queue(Queue.TO_REVIEW)
    assert window.queue_view.model.queue_filter().queue is Queue.TO_REVIEW
    assert window.queue_view.row_count() > 0
    window.navigation.select_notices()
    assert window.centre.currentWidget() is window.notices_view
    window.navigation.select_queue(Queue.ALL)
    assert window.centre.currentIndex() == 0


def test_about_shows_the_data_folder_and_settings_apply_office_hours(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    from datetime import time

    from desktop.domain.calendar import OfficeHours

    workspace = make_workspace("haizhou")
    window = open_window(qtbot, workspace, tmp_path / "settings.ini")
    about = window.open_about()
    assert isinstance(about, AboutDialog)
    assert str(workspace.store.data_dir) in about.data_label.text()
    about.close()
    late = OfficeHours(((time(9, 0), time(12, 0)), (time(14, 0), time(18, 0))))
    window.settings.office_hours = late
    window.settings.prefer_official_fonts = False
    window.settings.print_font_dir = str(tmp_path)
    window.apply_settings()  # what OK in the settings dialog does
    assert workspace.print_font_choice == ((str(tmp_path),), False)
    assert workspace.calendar.office_hours == late
    with workspace.store.session() as session:
        assert load_rules(session).office_hours == late


def test_settings_show_the_platform_the_window_is_bound_to(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    """The demo's settings named no platform address: the one in use is shown, read-only,
    and saving leaves the address a first login starts from as it was."""
    workspace = make_workspace("xinhai")
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    address = "http://127.0.0.1:8123"
    sync = SyncController(workspace, Connection(address, "xinhai"))
    window = MainWindow(workspace, sync, settings)
    qtbot.addWidget(window)
    dialog = window.open_settings()
    assert dialog.server_url.text() == address and dialog.server_url.isReadOnly()
    assert "--data-dir" in dialog.server_url.toolTip()
    dialog.submit()
    assert settings.server_url == ""


def test_print_fonts_follow_the_choice_and_are_made_once() -> None:
    from desktop.ui.notices.rendering import print_fonts

    bundled = print_fonts((), False)
    assert print_fonts((), False) is bundled  # registering fonts is not repeated
    assert print_fonts((), True) is not bundled


def test_closing_with_actions_waiting_to_sync_asks_first(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.domain.workflow import Action
    from desktop.store.local_actions import take_action
    from desktop.store.models import Clue

    workspace = make_workspace("haizhou")
    window = open_window(qtbot, workspace, tmp_path / "settings.ini")
    with workspace.store.session() as session:
        from sqlalchemy import select

        code = session.scalars(
            select(Clue.code).where(Clue.status == "handling", Clue.county_code == "320706")
        ).first()
    assert code is not None
    take_action(workspace.store, "haizhou", workspace.device_id, Action.URGE, code, {"note": "快"})
    assert window.close() is False  # not yet: it asks
    box = window.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "1 个操作没有上传" in box.text() and "不会丢失" in box.informativeText()
    stay = next(b for b in box.buttons() if b.text() == "留下同步")
    qtbot.mouseClick(stay, Qt.MouseButton.LeftButton)
    assert window.isVisible()
    window.close()
    box = window.dialog
    assert isinstance(box, QMessageBox)
    close = next(b for b in box.buttons() if b.text() == "关闭")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_closing_with_nothing_waiting_just_closes(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_workspace("haizhou"), tmp_path / "settings.ini")
    assert window.close() is True and not window.isVisible()


def test_back_in_the_queue_the_panel_shows_the_queue_s_clue_again(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    """The notices and sync problems show their clue in the panel; the queue's selection, kept
    meanwhile, is what the panel shows again when the user comes back or asks for it."""
    window = open_window(qtbot, make_workspace("haizhou"), tmp_path / "settings.ini")
    window.navigation.select_queue(Queue.ALL)
    view = window.queue_view
    qtbot.waitUntil(lambda: view.row_count() > 1)
    first, other = view.model.clue_id(0), view.model.clue_id(1)
    view.select_clue(first)
    detail = window.detail
    qtbot.waitUntil(lambda: detail.detail is not None and detail.clue_id == first)
    code = detail.detail.code if detail.detail else ""
    window.navigation.select_notices()
    detail.show_clue(other)  # what choosing a notice of another clue does
    window.show_clue_code(code)  # the row is still selected: no selection change to follow
    qtbot.waitUntil(lambda: detail.detail is not None and detail.clue_id == first)
    window.navigation.select_notices()
    detail.show_clue(other)
    window.navigation.select_queue(Queue.ALL)
    qtbot.waitUntil(lambda: detail.clue_id == view.selected_clue_id())
