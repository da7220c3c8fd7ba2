"""The queue shows what each clue is about, keeps its code column put when scrolled sideways,
and lets the user choose the columns it shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QStandardItemModel
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from desktop.store.queues import SUMMARY_CHARS, QueueFilter
from desktop.ui.column_chooser import set_section_shown, visible_sections
from desktop.ui.queue_model import Column, QueueModel
from desktop.ui.queue_view import QueueView
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace
from tests.ui.loop_kit import clue_id, walk
from tests.ui.test_main_window import open_window

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

LONG_SUBJECT = "连云港市远鑫市政工程有限公司（宇泰名苑二期项目工地东侧临时搅拌站）"
LONG_ADDRESS = "连云港市海州区锦屏镇海州经济开发区工业大道127号院内东北角"
CONTENT = "夜间施工噪声扰民，" + "搅拌站粉尘无组织排放，周边居民晾晒衣物落满灰尘，" * 20
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def host_view(qtbot: Any, workspace: Workspace, width: int = 700) -> QueueView:
    view = QueueView(workspace)
    qtbot.addWidget(view)
    view.resize(width, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_filter(QueueFilter())
    assert view.row_count() > 0
    return view


def test_a_row_says_what_the_clue_is_about_and_never_who_reported_it(
    fresh_desk: MakeWorkspace,
) -> None:
    office = fresh_desk("haizhou")
    code = walk(
        office.store,
        "dispatched",
        subject_name=LONG_SUBJECT,
        address=LONG_ADDRESS,
        description=CONTENT,
        channel="hotline_12345",
    )
    model = QueueModel(office)
    model.set_filter(QueueFilter())
    row = model.row_of(clue_id(office.store, code))
    cell = lambda column, role=Qt.ItemDataRole.DisplayRole: model.index(row, column).data(role)  # noqa: E731
    assert cell(Column.SUBJECT) == LONG_SUBJECT
    assert cell(Column.ADDRESS) == LONG_ADDRESS
    summary = cell(Column.SUMMARY)
    assert summary == CONTENT[:SUMMARY_CHARS] + "…"  # the first words, marked as cut
    for column, whole in ((Column.SUBJECT, LONG_SUBJECT), (Column.SUMMARY, summary)):
        tip = cell(column, Qt.ItemDataRole.ToolTipRole)
        assert tip.replace("\n", "") == whole  # the whole text, broken into short lines
        assert max(len(line) for line in tip.splitlines()) <= 40
    shown = [str(cell(c, role) or "") for c in Column for role in ROLES]
    for private in ("张三", "13812345678"):  # the reporter of `register`
        assert not any(private in text for text in shown)


def test_at_1366_pixels_object_address_and_content_show_beside_the_code(
    qtbot: Any, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_workspace("haizhou"), tmp_path / "settings.ini")
    window.resize(1366, 768)
    table = window.queue_view.table
    qtbot.waitUntil(lambda: table.viewport().width() > 400)
    assert window.queue_view.row_count() > 0
    assert table.horizontalScrollBar().value() == 0
    char = table.fontMetrics().horizontalAdvance("中")
    width = table.viewport().width()
    for column in (Column.CODE, Column.STATUS, Column.WARNING, Column.SUBJECT, Column.ADDRESS):
        left = table.columnViewportPosition(column)
        assert 0 <= left and left + table.columnWidth(column) <= width, column
    summary = table.columnViewportPosition(Column.SUMMARY)
    assert 0 < summary and summary + 3 * char <= width  # its first words at least
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in Column:  # narrow, yet no column title is cut off
        title = str(window.queue_view.model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title) + 8, title


def test_the_code_column_stays_put_when_the_table_scrolls(
    qtbot: Any, make_workspace: MakeWorkspace
) -> None:
    view = host_view(qtbot, make_workspace("haizhou"), 600)
    table = view.table
    frozen = table.frozen
    bar = table.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert table.columnViewportPosition(Column.CODE) < 0  # the table's own column scrolled off
    assert frozen.isVisible()
    assert frozen.geometry().left() == table.frameWidth()
    assert frozen.width() == table.columnWidth(Column.CODE)
    shown = [c for c in range(frozen.model().columnCount()) if not frozen.isColumnHidden(c)]
    assert shown == [Column.CODE]
    assert frozen.selectionModel() is table.selectionModel()
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    assert frozen.verticalScrollBar().value() == table.verticalScrollBar().value()
    row = frozen.rowAt(frozen.viewport().height() // 2)
    assert frozen.indexAt(QPoint(5, frozen.viewport().height() // 2)).data() == (
        view.model.index(row, Column.CODE).data()
    )
    rect = frozen.visualRect(view.model.index(row, Column.CODE))
    with qtbot.waitSignal(view.clue_selected) as chosen:
        qtbot.mouseClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args == [view.model.clue_id(row)]
    assert bar.value() == bar.maximum()  # selecting by the code did not scroll sideways
    table.setColumnWidth(Column.CODE, 150)
    assert frozen.width() == 150
    header = table.horizontalHeader()
    header.moveSection(header.visualIndex(Column.ADDRESS), 0)
    assert header.visualIndex(Column.CODE) == 0


def test_the_code_column_overlay_is_made_and_shown_only_while_the_table_is_scrolled_sideways(
    qtbot: Any, make_workspace: MakeWorkspace
) -> None:
    view = host_view(qtbot, make_workspace("haizhou"), 600)
    table = view.table
    sideways, down = table.horizontalScrollBar(), table.verticalScrollBar()
    qtbot.waitUntil(lambda: sideways.maximum() > 0 and down.maximum() > 0)
    assert table.findChildren(QTableView) == []  # a new queue paints one table, not two
    down.setValue(down.maximum() // 2)  # down first: the overlay is made in mid-scroll
    sideways.setValue(sideways.maximum())
    overlay = table.frozen
    assert table.findChildren(QTableView) == [overlay]
    assert overlay.isVisible()
    qtbot.waitUntil(lambda: overlay.verticalScrollBar().value() == down.maximum() // 2)
    assert down.value() == down.maximum() // 2  # showing the overlay did not scroll the table
    middle = QPoint(5, overlay.viewport().height() // 2)
    beside = QPoint(table.columnViewportPosition(Column.SUMMARY) + 5, middle.y())
    assert overlay.indexAt(middle).row() == table.indexAt(beside).row() > 0
    sideways.setValue(0)  # the table's own code column is back in place
    assert not overlay.isVisible()
    assert table.columnViewportPosition(Column.CODE) == 0
    down.setValue(down.maximum() // 4)  # scrolled while the overlay is hidden, then shown again
    sideways.setValue(sideways.maximum())
    qtbot.waitUntil(lambda: overlay.verticalScrollBar().value() == down.maximum() // 4)
    assert down.value() == down.maximum() // 4


def test_default_widths_follow_the_font(qtbot: Any, make_workspace: MakeWorkspace) -> None:
    workspace = make_workspace("haizhou")
    view = host_view(qtbot, workspace)
    header = view.table.horizontalHeader()
    before = [header.sectionSize(c) for c in Column]
    assert [host_view(qtbot, workspace).table.columnWidth(c) for c in Column] == before
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)  # a larger font: wider columns
    view.setFont(font)
    view.apply_default_widths()
    after = [header.sectionSize(c) for c in Column]
    assert all(a > b for a, b in zip(after, before, strict=True)), (before, after)


def test_the_header_menu_hides_and_shows_columns_and_they_are_kept(
    qtbot: Any, make_workspace: MakeWorkspace
) -> None:
    workspace = make_workspace("haizhou")
    view = host_view(qtbot, workspace)
    header = view.table.horizontalHeader()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(20, 5), header.viewport().mapToGlobal(QPoint(20, 5))
    )
    QApplication.sendEvent(header.viewport(), event)
    menu = view.header_menu
    assert menu is not None and menu.isVisible()
    boxes = {action.data(): action for action in menu.actions() if action.isCheckable()}
    assert set(boxes) == set(Column)
    assert all(box.isChecked() for box in boxes.values())
    assert not boxes[Column.CODE].isEnabled()  # the code is always shown
    boxes[Column.CHANNEL].trigger()
    assert header.isSectionHidden(Column.CHANNEL)
    menu.close()
    state = view.header_state()
    again = host_view(qtbot, workspace)
    assert again.restore_header_state(state)
    assert again.table.horizontalHeader().isSectionHidden(Column.CHANNEL)
    assert not again.table.horizontalHeader().isSectionHidden(Column.CODE)
    reopened = again.open_header_menu(QPoint(5, 5))
    checked = {a.data(): a.isChecked() for a in reopened.actions() if a.isCheckable()}
    assert checked[Column.CHANNEL] is False
    show_all = next(a for a in reopened.actions() if a.objectName() == "showAllColumns")
    show_all.trigger()
    assert not again.table.horizontalHeader().isSectionHidden(Column.CHANNEL)
    reopened.close()


def test_the_last_column_shown_cannot_be_hidden(qtbot: Any, make_workspace: MakeWorkspace) -> None:
    view = host_view(qtbot, make_workspace("haizhou"))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(view.model)
    header: QHeaderView = table.horizontalHeader()
    for column in list(Column)[1:]:
        assert set_section_shown(header, column, False)
    assert visible_sections(header) == [Column.CODE]
    assert not set_section_shown(header, Column.CODE, False)
    assert not header.isSectionHidden(Column.CODE)


def test_a_layout_saved_for_the_old_columns_is_not_applied_to_the_new(
    qtbot: Any, make_workspace: MakeWorkspace
) -> None:
    view = host_view(qtbot, make_workspace("haizhou"))
    old = QTableView()  # the 13 columns of the previous version, its 来源渠道 (5) hidden
    qtbot.addWidget(old)
    old.setModel(QStandardItemModel(1, 13, old))
    old.horizontalHeader().hideSection(5)
    state = bytes(old.horizontalHeader().saveState().data())
    assert not view.restore_header_state(state)
    assert not view.table.horizontalHeader().isSectionHidden(Column.ADDRESS)  # now column 5
