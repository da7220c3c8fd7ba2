"""The daily flow from the keyboard alone: Ctrl+F, the search, Enter to the results, Enter to
the clue's first action, its form, and on to the next clue; and a row's context menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.workflow import Action
from desktop.store.queues import Queue
from desktop.ui.action_forms import ActionDialog, ConfirmAction
from desktop.ui.main_window import MainWindow
from desktop.ui.queue_model import Column
from tests.ui.conftest import MakeWorkspace, type_chinese
from tests.ui.loop_kit import clue_id, status_of, walk
from tests.ui.test_main_window import open_window

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

SUBJECT = "华福洗车行"
"""The subject `walk` registers its clues with (what the test searches for)."""


def township_window(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path, clues: int
) -> tuple[MainWindow, list[str]]:
    """新海街道's window over `clues` clues dispatched to it (待签收), showing that queue."""
    office = fresh_desk("haizhou")
    codes = [walk(office.store, "dispatched") for _ in range(clues)]
    window = open_window(qtbot, fresh_desk("xinhai"), tmp_path / "settings.ini")
    window.resize(1366, 768)
    window.navigation.select_queue(Queue.TO_SIGN)
    qtbot.waitUntil(lambda: window.queue_view.row_count() == clues)
    return window, codes


def test_search_results_action_and_next_clue_without_the_mouse(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    window, codes = township_window(qtbot, fresh_desk, tmp_path, 4)
    queue, panel, table = window.queue_view, window.detail, window.queue_view.table
    store = window.workspace.store

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.filter_bar.search
    assert search.hasFocus()
    type_chinese(search, SUBJECT)
    qtbot.keyClick(search, Qt.Key.Key_Return)  # Enter: the filter now, then the results
    assert table.hasFocus()
    ids = list(queue.model.ids())
    assert len(ids) == 4 and queue.selected_clue_id() == ids[0]

    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter: the clue's first action
    sign = panel.action_buttons[Action.SIGN]
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.id == ids[0])
    qtbot.waitUntil(sign.hasFocus)
    qtbot.keyClick(sign, Qt.Key.Key_Return)
    confirm = panel.current_dialog
    assert isinstance(confirm, ConfirmAction) and confirm.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is confirm)  # as a person waits for it
    qtbot.keyClick(confirm, Qt.Key.Key_Return)  # 确定 is the default button
    qtbot.waitUntil(lambda: not confirm.isVisible())
    back_to(qtbot, window)
    assert status_of(store, codes_of(store, codes, ids[0])) == "handling"
    # The signed clue left 待签收: the next one is selected and the keyboard is in the queue.
    qtbot.waitUntil(lambda: queue.selected_clue_id() == ids[1])
    qtbot.waitUntil(table.hasFocus)
    assert list(queue.model.ids()) == ids[1:]

    # A form from the keyboard: Enter to the actions, Tab to 退回, Enter, its reason, Enter.
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.id == ids[1])
    qtbot.waitUntil(sign.hasFocus)
    qtbot.keyClick(sign, Qt.Key.Key_Tab)
    back = panel.action_buttons[Action.RETURN]
    assert back.hasFocus()
    qtbot.keyClick(back, Qt.Key.Key_Return)
    dialog = panel.current_dialog
    assert isinstance(dialog, ActionDialog) and dialog.action is Action.RETURN
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    reason = QApplication.focusWidget()
    assert reason is not None and dialog.isAncestorOf(reason)
    type_chinese(reason, "该地址属于浦西街道辖区")
    qtbot.keyClick(reason, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    back_to(qtbot, window)
    assert status_of(store, codes_of(store, codes, ids[1])) == "returned"
    qtbot.waitUntil(lambda: queue.selected_clue_id() == ids[2])
    qtbot.waitUntil(table.hasFocus)

    # Ctrl+Down / Ctrl+Up: the next and the previous clue.
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert queue.selected_clue_id() == ids[3]
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert queue.selected_clue_id() == ids[2]
    listed = {text for text, _keys in window.shortcuts()}
    assert {"下一条线索", "上一条线索"} <= listed
    assert {"搜索框中：转到结果列表（Enter 亦可）", "线索操作菜单（菜单键亦可）"} <= listed


def back_to(qtbot: QtBot, window: MainWindow) -> None:
    """The window is active again once a dialog closed (a window manager's part: the
    offscreen platform has none)."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def codes_of(store: object, codes: list[str], wanted: int) -> str:
    """The code (among `codes`) of the clue with id `wanted`."""
    return next(code for code in codes if clue_id(store, code) == wanted)  # type: ignore[arg-type]


def test_down_in_the_search_box_goes_to_the_results_too(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    window, _codes = township_window(qtbot, fresh_desk, tmp_path, 2)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.filter_bar.search, Qt.Key.Key_Down)
    assert window.queue_view.table.hasFocus()
    assert window.queue_view.selected_clue_id() == window.queue_view.model.clue_id(0)


def test_a_rows_menu_offers_the_clues_actions_and_copies_its_code(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    window, codes = township_window(qtbot, fresh_desk, tmp_path, 2)
    queue, panel, table = window.queue_view, window.detail, window.queue_view.table
    rect = table.visualRect(queue.model.index(1, Column.STATUS))
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, rect.center(), table.viewport().mapToGlobal(rect.center())
    )
    QApplication.sendEvent(table.viewport(), event)
    wanted = queue.model.clue_id(1)
    assert queue.selected_clue_id() == wanted  # right-click selects the row
    qtbot.waitUntil(lambda: window.row_menu.menu is not None and window.row_menu.menu.isVisible())
    menu = window.row_menu.menu
    assert menu is not None
    offered = [a for a in menu.actions() if not a.isSeparator()]
    assert offered[:2] == [panel.qactions[Action.SIGN], panel.qactions[Action.RETURN]]
    assert offered[-1].text() == "复制编号"
    assert all(a.isEnabled() for a in offered)
    offered[-1].trigger()
    assert QGuiApplication.clipboard().text() == codes_of(window.workspace.store, codes, wanted)
    menu.close()

    # The keyboard's way: Shift+F10 in the queue opens the same menu on the selected row.
    table.setFocus()
    queue.select_clue(queue.model.clue_id(0))
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.id == queue.model.clue_id(0))
    qtbot.keyClick(table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.row_menu.menu is not menu and window.row_menu.menu.isVisible())
    again = window.row_menu.menu
    assert again is not None and again.activeAction() is panel.qactions[Action.SIGN]


def test_the_menu_key_opens_the_rows_menu(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    window, _codes = township_window(qtbot, fresh_desk, tmp_path, 1)
    queue, table = window.queue_view, window.queue_view.table
    table.setFocus()
    queue.select_clue(queue.model.clue_id(0))
    qtbot.keyClick(table, Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: window.row_menu.menu is not None and window.row_menu.menu.isVisible())
    assert window.row_menu.menu.activeAction() is window.detail.qactions[Action.SIGN]


def test_after_an_action_the_clue_stays_selected_when_it_stays_in_the_queue(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    window, _codes = township_window(qtbot, fresh_desk, tmp_path, 3)
    window.navigation.select_queue(Queue.ALL)
    queue, panel = window.queue_view, window.detail
    qtbot.waitUntil(lambda: queue.row_count() == 3)
    chosen = queue.model.clue_id(1)
    queue.select_clue(chosen)
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.id == chosen)
    panel.qactions[Action.SIGN].trigger()
    confirm = panel.current_dialog
    assert isinstance(confirm, ConfirmAction)
    confirm.ok_button.click()
    qtbot.waitUntil(lambda: not confirm.isVisible())
    back_to(qtbot, window)
    assert queue.selected_clue_id() == chosen  # signed, still in 全部: still selected
    assert queue.table.selectionModel().isRowSelected(queue.model.row_of(chosen))
    qtbot.waitUntil(queue.table.hasFocus)
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.status.value == "handling")
