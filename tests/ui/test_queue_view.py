"""The queue view and the filter bar, driven as a clerk drives them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.store.queues import Queue, QueueFilter, SortKey, count, query_ids
from desktop.ui.filter_bar import FilterBar
from desktop.ui.queue_model import Column
from desktop.ui.queue_view import QueueView
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace
from tests.ui.loop_kit import warned_clues


@pytest.fixture
def county(make_workspace: MakeWorkspace) -> Workspace:
    """The county dispatcher's workspace, with clues being handled at each warning level."""
    workspace = make_workspace("haizhou")
    warned_clues(workspace.store)
    return workspace


def area_total(ws: Workspace) -> int:
    """How many clues the viewer's area holds (the 全部 queue), by the store."""
    with ws.store.session() as session:
        return count(session, ws.viewer, QueueFilter(), ws.bounds())


@pytest.fixture
def host(qtbot: Any) -> QWidget:
    """A plain window to show a widget in, as the main window would hold it.

    The host has no layout, so the offscreen platform is never asked to propagate size
    hints of a top-level window (which it warns it cannot do).
    """
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1200, 700)
    return window


def show_in(host: QWidget, qtbot: Any, widget: QWidget, height: int = 700) -> None:
    widget.setParent(host)
    widget.setGeometry(0, 0, host.width(), height)
    host.show()
    widget.show()
    qtbot.waitExposed(host)


@pytest.fixture
def view(county: Workspace, host: QWidget, qtbot: Any) -> QueueView:
    widget = QueueView(county)
    show_in(host, qtbot, widget)
    widget.set_filter(QueueFilter())
    return widget


def expected_ids(ws: Workspace, flt: QueueFilter, sort: SortKey, descending: bool) -> list[int]:
    with ws.store.session() as session:
        return query_ids(session, ws.viewer, flt, ws.bounds(), sort=sort, descending=descending)


def click_header(qtbot: Any, view: QueueView, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def click_row(qtbot: Any, view: QueueView, row: int, *, double: bool = False) -> None:
    rect = view.table.visualRect(view.model.index(row, Column.CODE))
    if double:  # a real double click: press, release, then the double-click event
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    else:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_view_shows_the_count_and_the_visible_rows(view: QueueView) -> None:
    rows = view.row_count()
    assert rows == area_total(view.workspace) > 100
    assert view.count_label.text() == f"共 {rows} 条"
    assert view.empty_label.isHidden()
    first, last = view.model.visible_rows()
    assert first == 0 and 10 < last < 60
    assert view.model.cached_rows() <= view.model.block_size


def test_empty_queue_says_so(view: QueueView) -> None:
    view.set_filter(QueueFilter(text="绝对没有的内容词"))
    assert view.row_count() == 0
    assert view.empty_label.isVisible()
    assert view.empty_label.text() == "没有符合条件的线索"
    assert view.count_label.text() == "共 0 条"


def test_clicking_a_sortable_header_requeries_sorted(view: QueueView, qtbot: Any) -> None:
    county = view.workspace
    header = view.table.horizontalHeader()
    click_header(qtbot, view, Column.RECEIVED)
    assert header.sortIndicatorSection() == Column.RECEIVED
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder  # newest first
    assert list(view.model.ids()) == expected_ids(county, QueueFilter(), SortKey.RECEIVED, True)
    click_header(qtbot, view, Column.RECEIVED)
    assert list(view.model.ids()) == expected_ids(county, QueueFilter(), SortKey.RECEIVED, False)
    click_header(qtbot, view, Column.WARNING)  # worst first
    assert list(view.model.ids()) == expected_ids(county, QueueFilter(), SortKey.WARNING, False)


def test_a_header_that_does_not_sort_keeps_the_order(view: QueueView, qtbot: Any) -> None:
    before = list(view.model.ids())
    header = view.table.horizontalHeader()
    click_header(qtbot, view, Column.ADDRESS)
    assert list(view.model.ids()) == before
    assert header.sortIndicatorSection() == Column.DEADLINE
    tip = view.model.headerData(
        Column.ADDRESS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert tip == "此列不能排序"


def test_selection_survives_refresh_and_sort(view: QueueView, qtbot: Any) -> None:
    with qtbot.waitSignal(view.clue_selected) as blocker:
        click_row(qtbot, view, 5)
    chosen = view.model.clue_id(5)
    assert blocker.args == [chosen]
    with qtbot.assertNotEmitted(view.clue_selected), qtbot.assertNotEmitted(view.selection_cleared):
        view.workspace.events.clues_changed.emit()  # a sync finished: the queue re-queries
    assert view.selected_clue_id() == chosen
    selected = view.table.selectionModel().selectedRows()
    assert [view.model.clue_id(i.row()) for i in selected] == [chosen]
    click_header(qtbot, view, Column.RECEIVED)
    row = view.model.row_of(chosen)
    assert view.table.selectionModel().isRowSelected(row)
    assert view.selected_clue_id() == chosen


def test_a_clue_selected_far_down_stays_selected_after_a_resort(
    view: QueueView, qtbot: Any
) -> None:
    model = view.model
    row = model.rowCount() - 3
    view.table.scrollTo(model.index(row, Column.CODE))
    with qtbot.waitSignal(view.clue_selected):
        click_row(qtbot, view, row)
    chosen = model.clue_id(row)
    click_header(qtbot, view, Column.RECEIVED)  # newest first: the clue moves elsewhere
    assert view.selected_clue_id() == chosen
    moved = model.row_of(chosen)
    assert view.table.selectionModel().isRowSelected(moved)
    assert expected_ids(view.workspace, QueueFilter(), SortKey.RECEIVED, True)[moved] == chosen
    assert model.cached_rows() < model.rowCount()  # a window of the queue, not all of it


def test_selection_is_cleared_when_the_clue_leaves_the_queue(view: QueueView, qtbot: Any) -> None:
    click_row(qtbot, view, 0)
    chosen = view.selected_clue_id()
    assert chosen is not None
    with qtbot.waitSignal(view.selection_cleared):
        view.set_filter(QueueFilter(text="绝对没有的内容词"))
    assert view.selected_clue_id() is None


def test_double_click_and_enter_open_the_clue(view: QueueView, qtbot: Any) -> None:
    with qtbot.waitSignal(view.clue_activated) as blocker:
        click_row(qtbot, view, 2, double=True)
    assert blocker.args == [view.model.clue_id(2)]
    view.table.setFocus()
    view.select_clue(view.model.clue_id(3))
    with qtbot.waitSignal(view.clue_activated) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [view.model.clue_id(3)]


def test_header_state_round_trips(view: QueueView, county: Workspace, qtbot: Any) -> None:
    second_host = QWidget()
    qtbot.addWidget(second_host)
    second_host.resize(1200, 700)
    header = view.table.horizontalHeader()
    header.resizeSection(Column.ADDRESS, 333)
    header.moveSection(header.visualIndex(Column.RECEIVED), 0)
    assert header.visualIndex(Column.CODE) == 0  # the frozen code column stays first
    assert header.visualIndex(Column.RECEIVED) == 1
    click_header(qtbot, view, Column.RECEIVED)
    state = view.header_state()
    assert isinstance(state, bytes) and state
    other = QueueView(county)
    show_in(second_host, qtbot, other)
    other.set_filter(QueueFilter())
    assert other.restore_header_state(state)
    restored = other.table.horizontalHeader()
    assert restored.sectionSize(Column.ADDRESS) == 333
    assert restored.visualIndex(Column.RECEIVED) == 1
    assert other.model.sort_column() == Column.RECEIVED
    assert list(other.model.ids()) == list(view.model.ids())
    assert not other.restore_header_state(b"not a header state")


def test_ticker_recolours_the_visible_row(view: QueueView, qtbot: Any) -> None:
    view.set_filter(QueueFilter(warning_levels=frozenset({1})))
    QApplication.processEvents()  # paint: the visible rows are built
    clue = view.model.clue_row(0)
    assert clue is not None and clue.deadline is not None
    index = view.model.index(0, Column.CODE)
    before = index.data(Qt.ItemDataRole.BackgroundRole).name()
    later = clue.deadline + timedelta(minutes=1)
    view.workspace.clock = lambda: later
    with qtbot.waitSignal(view.model.dataChanged):
        view.ticker.tick()
    assert index.data(Qt.ItemDataRole.BackgroundRole).name() != before
    assert view.model.index(0, Column.WARNING).data() == "▲ 二级预警"


# -- the filter bar ----------------------------------------------------------------------------


@pytest.fixture
def bar_host(qtbot: Any) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1200, 80)
    return window


@pytest.fixture
def bar(county: Workspace, bar_host: QWidget, qtbot: Any) -> FilterBar:
    widget = FilterBar(county)
    show_in(bar_host, qtbot, widget, height=80)
    return widget


def test_typing_emits_the_text_after_a_pause(bar: FilterBar, qtbot: Any) -> None:
    bar.set_queue(Queue.HANDLING)
    emitted: list[QueueFilter] = []
    bar.filter_changed.connect(emitted.append)
    bar.search.setFocus()
    with qtbot.waitSignal(bar.filter_changed, timeout=2000) as blocker:
        qtbot.keyClicks(bar.search, "000123")
    assert emitted == [blocker.args[0]]  # one emission for the whole word, after the pause
    assert blocker.args[0] == QueueFilter(queue=Queue.HANDLING, text="000123")


def test_chinese_typed_through_the_input_method_is_searched(
    bar: FilterBar, view: QueueView, qtbot: Any
) -> None:
    bar.filter_changed.connect(view.set_filter)
    bar.search.setFocus()
    commit = QInputMethodEvent()
    commit.setCommitString("化工")  # what a pinyin input method sends when a word is picked
    with qtbot.waitSignal(bar.filter_changed, timeout=2000) as blocker:
        QApplication.sendEvent(bar.search, commit)
    assert blocker.args[0] == QueueFilter(text="化工")
    ids = list(view.model.ids())
    assert 0 < len(ids) < area_total(view.workspace)
    assert ids == expected_ids(view.workspace, QueueFilter(text="化工"), SortKey.DEADLINE, False)


def test_picking_a_channel_and_a_level_narrows_the_queue(
    bar: FilterBar, view: QueueView, qtbot: Any
) -> None:
    bar.filter_changed.connect(view.set_filter)
    bar.channel.setFocus()
    with qtbot.waitSignal(bar.filter_changed) as blocker:
        qtbot.keyClicks(bar.channel, "12345")
    assert blocker.args[0].channels == frozenset({"hotline_12345"})
    with qtbot.waitSignal(bar.filter_changed) as blocker:
        qtbot.mouseClick(bar.warning_boxes[3], Qt.MouseButton.LeftButton)
    flt = blocker.args[0]
    assert flt == QueueFilter(channels=frozenset({"hotline_12345"}), warning_levels=frozenset({3}))
    ids = list(view.model.ids())
    assert ids and ids == expected_ids(view.workspace, flt, SortKey.DEADLINE, False)
    with qtbot.waitSignal(bar.filter_changed) as blocker:
        qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == QueueFilter()
    assert view.row_count() == area_total(view.workspace)


def test_township_and_dates(bar: FilterBar, county: Workspace, qtbot: Any) -> None:
    assert not bar.shows_county and bar.shows_township
    names = [bar.township.itemText(i) for i in range(bar.township.count())]
    assert names[0] == "全部乡镇街道" and "新海街道" in names
    with qtbot.waitSignal(bar.filter_changed) as blocker:
        bar.township.setCurrentIndex(names.index("新海街道"))
    assert blocker.args[0].township_code == "320706001"
    assert not bar.date_from.isEnabled()
    with qtbot.waitSignal(bar.filter_changed) as blocker:
        qtbot.mouseClick(bar.date_check, Qt.MouseButton.LeftButton)
    flt = blocker.args[0]
    assert bar.date_from.isEnabled()
    assert flt.received_to == date(2026, 11, 27) and flt.received_from == date(2026, 10, 28)


def test_area_filters_follow_the_viewer(
    make_workspace: MakeWorkspace, host: QWidget, qtbot: Any
) -> None:
    township = FilterBar(make_workspace("xinhai"))
    show_in(host, qtbot, township, height=80)
    assert not township.county.isVisible() and not township.township.isVisible()
    assert township.current_filter().township_code is None


def test_controls_are_labelled_and_tab_in_order(bar: FilterBar, qtbot: Any) -> None:
    for widget in (bar.search, bar.channel, bar.category, bar.priority, bar.township):
        assert widget.accessibleName()
    bar.window().activateWindow()
    qtbot.waitActive(bar.window())
    bar.search.setFocus()
    order: list[QWidget | None] = [QApplication.focusWidget()]
    for _ in range(5):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    expected = [bar.search, bar.channel, bar.category, bar.priority, bar.township]
    assert order == [*expected, bar.warning_boxes[0]]


def test_a_city_unit_picks_a_county_then_its_townships(
    make_workspace: MakeWorkspace, host: QWidget, qtbot: Any
) -> None:
    city = FilterBar(make_workspace("city"))
    show_in(host, qtbot, city, height=80)
    assert city.county.isVisible() and city.township.isVisible()
    assert not city.township.isEnabled()
    assert city.county.findText("海州区") > 0
    with qtbot.waitSignal(city.filter_changed) as blocker:
        city.county.setCurrentIndex(city.county.findData("320706"))
    assert blocker.args[0].county_code == "320706"
    assert city.township.isEnabled() and city.township.findText("新海街道") > 0
    with qtbot.waitSignal(city.filter_changed) as blocker:
        city.township.setCurrentIndex(city.township.findText("新海街道"))
    assert blocker.args[0].township_code == "320706001"
