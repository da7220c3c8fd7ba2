"""The queue table of the main window: sortable headers, live countdowns, selection by clue id,
a frozen code column, a column chooser, and the keyboard path from search to the next clue."""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from desktop.store.queues import QueueFilter
from desktop.ui.column_chooser import column_menu
from desktop.ui.countdown import DEFAULT_INTERVAL_MS, CountdownTicker
from desktop.ui.frozen_table import FrozenColumnTable
from desktop.ui.queue_export import queue_rows, queue_title
from desktop.ui.queue_model import Column, QueueModel
from desktop.ui.table_export import ExportTitle, install_table_export
from desktop.ui.workspace import Workspace

UNTRANSLATED = ("临20261127-22EBA850", "中")
"""Texts measured to size columns, never shown: a provisional code (longer than
LYG2026001152) and one CJK character."""
CODE_SAMPLE, CJK_CHARACTER = UNTRANSLATED
TIME_SAMPLE = "2026-11-27 10:00"

COLUMN_WIDTHS: dict[Column, int | str] = {
    Column.CODE: CODE_SAMPLE,
    Column.STATUS: 3,
    Column.WARNING: 3,  # and at least the widest level's text, in the language shown
    Column.COUNTDOWN: 6,
    Column.SUBJECT: 6,
    Column.ADDRESS: 6,
    Column.SUMMARY: 12,
    Column.DEADLINE: TIME_SAMPLE,
    Column.CHANNEL: 6,
    Column.CATEGORY: 2,
    Column.PRIORITY: 2,
    Column.COUNTY: 3,
    Column.LEAD_UNIT: 7,
    Column.RECEIVED: TIME_SAMPLE,
}
"""Initial column widths: CJK characters, or a sample text as wide as the column's values.
Narrow, so that what a clue is about (对象, 地址, 内容) shows beside its code and deadline on a
1366-pixel laptop; long values are elided, their tooltip carries the whole text. The user may
resize (the state is saved)."""
CELL_PADDING = 16
HEADER_PADDING = 24
"""Room beside a header's title for the sort indicator, so no title is cut off."""

HEADER_STATE_TAG = b"queue-columns-v2:"
"""Marks a saved header state as one of these columns: a state saved before the columns
changed (v1 had 13, in another order) would hide or size the wrong ones, so it is dropped."""

_default_widths: dict[tuple[object, ...], tuple[int, ...]] = {}
"""The default column widths by fonts, resolution and titles: measured once, not for every
new view."""

NEXT_KEY = "Ctrl+Down"
PREVIOUS_KEY = "Ctrl+Up"
ROW_MENU_KEYS = ("Shift+F10", "Menu")


class QueueView(QWidget):
    """A queue of clues: a table over `QueueModel`, a row count and an empty-state message."""

    clue_selected = Signal(int)
    """The user selected the clue with this id (not re-emitted when a refresh keeps it)."""
    clue_activated = Signal(int)
    """The user opened a clue (double-click or Enter)."""
    selection_cleared = Signal()
    """No clue is selected any more (the selected one left the queue)."""
    count_changed = Signal(int)
    """How many clues the queue holds, after every query."""
    row_menu_requested = Signal(int, QPoint)
    """The user asked for the actions of a clue (right-click, Menu key, Shift+F10): its id and
    where to show them (global coordinates)."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        model: QueueModel | None = None,
        tick_interval_ms: int = DEFAULT_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = model if model is not None else QueueModel(workspace, self)
        self._selected_id: int | None = None
        self._selected_row = -1
        self._advance = False
        self._restoring = False
        self.header_menu: QMenu | None = None

        self.table = FrozenColumnTable(Column.CODE, self)
        self.table.setObjectName("queueTable")
        self.table.setAccessibleName(self.tr("线索列表"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(False)  # the warning tints carry meaning
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform row heights
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setModel(self.model)  # after the settings: each lays the table out again
        self.apply_default_widths()
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        header.sortIndicatorChanged.connect(self._sort_requested)

        self.empty_label = QLabel(self.tr("没有符合条件的线索"), self.table.viewport())
        self.empty_label.setObjectName("emptyQueue")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("queueCount")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        footer = QHBoxLayout()
        footer.setContentsMargins(6, 2, 6, 2)
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        layout.addLayout(footer)

        self.ticker = CountdownTicker(self.model, workspace, self, interval_ms=tick_interval_ms)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._after_reset)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)
        self.table.verticalScrollBar().valueChanged.connect(self._update_visible_rows)
        self.table.viewport_resized.connect(self._viewport_resized)
        self.table.customContextMenuRequested.connect(self._row_menu_at)
        header.customContextMenuRequested.connect(self.open_header_menu)
        self.next_action = self._shortcut(self.tr("下一条线索"), NEXT_KEY, self.select_next)
        self.previous_action = self._shortcut(
            self.tr("上一条线索"), PREVIOUS_KEY, self.select_previous
        )
        self.row_menu_action = QAction(self.tr("线索操作菜单"), self.table)
        self.row_menu_action.setShortcuts([QKeySequence(k) for k in ROW_MENU_KEYS])
        self.row_menu_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.row_menu_action.triggered.connect(self.request_row_menu)
        self.table.addAction(self.row_menu_action)
        workspace.events.clues_changed.connect(self.refresh)
        self.codes_caption = ""
        """What the clues of a `QueueFilter.codes` filter are (the filter bar's chip), for the
        title of an exported or printed list."""
        self.exporter = install_table_export(
            self.table,
            self.export_title,
            workspace,
            lazy_rows=lambda: queue_rows(self.model),
            scope=self,
            context_menu=False,  # the row menu offers them (desktop.ui.row_menu)
        )
        self._after_reset()
        self.ticker.start()

    # -- public API -------------------------------------------------------------------------

    def _shortcut(self, text: str, keys: str, slot: object) -> QAction:
        """An action of the queue with a window-wide shortcut (while the queue is shown)."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def apply_default_widths(self) -> None:
        """Size every column to its default: narrow, but never cutting off its title."""
        header = self.table.horizontalHeader()
        titles = tuple(
            str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            for column in COLUMN_WIDTHS
        )
        key = (self.font().key(), header.font().key(), self.logicalDpiY(), titles)
        widths = _default_widths.get(key)
        if widths is None:
            widths = _default_widths[key] = self._default_widths(titles)
        for column, width in zip(COLUMN_WIDTHS, widths, strict=True):
            header.resizeSection(column, width)

    def _default_widths(self, titles: tuple[str, ...]) -> tuple[int, ...]:
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        char = metrics.horizontalAdvance(CJK_CHARACTER)
        widths: list[int] = []
        for (column, width), title in zip(COLUMN_WIDTHS.items(), titles, strict=True):
            if isinstance(width, str):
                content = metrics.horizontalAdvance(width)
            else:
                content = width * char
            if column is Column.WARNING:
                content = max(content, metrics.horizontalAdvance(self.model.warning_text(3)))
            needed = max(
                header.fontMetrics().horizontalAdvance(title) + HEADER_PADDING,
                header.sectionSizeHint(column),  # the title and the sort indicator, as Qt needs
            )
            widths.append(max(content + CELL_PADDING, needed))
        return tuple(widths)

    def export_title(self) -> ExportTitle:
        """The title of the queue as an exported or printed list (its filter as set now)."""
        return queue_title(self.workspace, self.model.queue_filter(), self.codes_caption)

    def set_filter(self, flt: QueueFilter) -> None:
        """Show the queue narrowed by `flt` (the selected clue stays selected if it is in it)."""
        self.model.set_filter(flt)

    def refresh(self) -> None:
        """Query the queue again (after the store changed), keeping the selection; when the
        selected clue left the queue (an action moved it on), the clue now in its row is
        selected: the next one to work on."""
        self._advance = True
        try:
            self.model.refresh()
        finally:
            self._advance = False

    def selected_clue_id(self) -> int | None:
        """The id of the selected clue, None when none is."""
        return self._selected_id

    def select_clue(self, clue_id: int) -> bool:
        """Select and show `clue_id`; False when the queue does not hold it."""
        row = self.model.row_of(clue_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def select_row(self, row: int) -> bool:
        """Select the clue in `row` (clamped to the queue); False when the queue is empty."""
        count = self.model.rowCount()
        if count == 0:
            return False
        return self.select_clue(self.model.clue_id(max(0, min(row, count - 1))))

    def select_next(self) -> bool:
        """Select the next clue of the queue (the first when none is selected)."""
        row = self.model.row_of(self._selected_id) if self._selected_id is not None else -1
        moved = self.select_row(row + 1)
        if moved:
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return moved

    def select_previous(self) -> bool:
        """Select the previous clue of the queue (the first when none is selected)."""
        row = self.model.row_of(self._selected_id) if self._selected_id is not None else 1
        moved = self.select_row(row - 1)
        if moved:
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return moved

    def focus_results(self) -> bool:
        """Put the keyboard in the queue on its first clue (from the search box); False when
        the queue is empty."""
        if not self.select_row(0):
            return False
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def focus_table(self) -> None:
        """Put the keyboard back in the queue (after an action)."""
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def request_row_menu(self) -> None:
        """Ask for the actions of the selected clue beside its row (the keyboard's menu)."""
        if self._selected_id is None:
            return
        row = self.model.row_of(self._selected_id)
        rect = self.table.visualRect(self.model.index(row, Column.CODE))
        where = QPoint(self.table.columnWidth(Column.CODE) // 2, rect.center().y())
        self.row_menu_requested.emit(self._selected_id, self.table.viewport().mapToGlobal(where))

    def open_header_menu(self, pos: QPoint) -> QMenu:
        """The column chooser, at `pos` on the header (the code column is always shown)."""
        header = self.table.horizontalHeader()
        menu = column_menu(header, locked=(Column.CODE,), parent=self)
        self.header_menu = menu
        menu.popup(header.mapToGlobal(pos))
        return menu

    def row_count(self) -> int:
        """How many clues the queue shows."""
        return self.model.rowCount()

    def header_state(self) -> bytes:
        """The column order, widths and sort, to save in the settings."""
        return HEADER_STATE_TAG + bytes(self.table.horizontalHeader().saveState().data())

    def restore_header_state(self, state: bytes) -> bool:
        """Restore what `header_state` saved (re-sorting if needed); False if it did not fit."""
        header = self.table.horizontalHeader()
        if not state.startswith(HEADER_STATE_TAG):
            self._show_model_sort()
            return False
        header.blockSignals(True)
        try:
            restored = header.restoreState(QByteArray(state[len(HEADER_STATE_TAG) :]))
        finally:
            header.blockSignals(False)
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        if restored and self.model.is_sortable(column):
            if (column, order) != (self.model.sort_column(), self.model.sort_order()):
                self.model.sort(column, order)
        else:
            self._show_model_sort()
        if header.isSectionHidden(Column.CODE):
            header.showSection(Column.CODE)
        self.table.keep_frozen_first()
        self._update_visible_rows()
        return bool(restored)

    # -- internals --------------------------------------------------------------------------

    def _viewport_resized(self) -> None:
        """Keeps the empty-state message over the viewport and the visible rows up to date."""
        self.empty_label.setGeometry(self.table.viewport().rect())
        self._update_visible_rows()

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.is_sortable(column):
            self.model.sort(column, order)  # the reset keeps the selected clue selected
        else:
            self._show_model_sort()

    def _show_model_sort(self) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        header.blockSignals(False)

    def _remember_selection(self) -> None:
        self._restoring = True
        selected = self._selected_id
        self._selected_row = self.model.row_of(selected) if selected is not None else -1

    def _after_reset(self) -> None:
        self._restoring = False
        rows = self.model.rowCount()
        self.empty_label.setVisible(rows == 0)
        self.count_label.setText(self.tr("共 {count} 条").format(count=f"{rows:,}"))
        if self._selected_id is not None and not self.select_clue(self._selected_id):
            self._selected_id = None
            if not (
                self._advance and self._selected_row >= 0 and self.select_row(self._selected_row)
            ):
                self.selection_cleared.emit()
        self._update_visible_rows()
        self.count_changed.emit(rows)

    def _selection_changed(self) -> None:
        if self._restoring:
            return
        rows = self.table.selectionModel().selectedRows()
        clue_id = self.model.clue_id(rows[0].row()) if rows else None
        if clue_id == self._selected_id:
            return
        self._selected_id = clue_id
        if clue_id is None:
            self.selection_cleared.emit()
        else:
            self.clue_selected.emit(clue_id)

    def _row_menu_at(self, pos: QPoint) -> None:
        row = self.table.rowAt(pos.y())
        if row < 0:
            return
        clue_id = self.model.clue_id(row)
        self.select_clue(clue_id)
        self.row_menu_requested.emit(clue_id, self.table.viewport().mapToGlobal(pos))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.clue_activated.emit(self.model.clue_id(index.row()))

    def _update_visible_rows(self) -> None:
        rows = self.model.rowCount()
        first = self.table.rowAt(0)
        if rows == 0 or first < 0:
            self.model.set_visible_rows(0, -1)
            return
        last = self.table.rowAt(self.table.viewport().height() - 1)
        self.model.set_visible_rows(first, rows - 1 if last < 0 else last)
