"""The queue table of the main window: sortable headers, live countdowns, selection by clue id."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.store.queues import QueueFilter
from desktop.ui.countdown import DEFAULT_INTERVAL_MS, CountdownTicker
from desktop.ui.queue_model import Column, QueueModel
from desktop.ui.workspace import Workspace

COLUMN_WIDTHS = {
    Column.CODE: 9,
    Column.STATUS: 4,
    Column.WARNING: 6,
    Column.COUNTDOWN: 10,
    Column.DEADLINE: 9,
    Column.CHANNEL: 7,
    Column.CATEGORY: 3,
    Column.PRIORITY: 4,
    Column.COUNTY: 5,
    Column.LEAD_UNIT: 8,
    Column.SUBJECT: 8,
    Column.ADDRESS: 16,
    Column.RECEIVED: 9,
}
"""Initial column widths, in CJK characters (the user may resize; the state is saved)."""


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
        self._restoring = False

        self.table = QTableView(self)
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
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
        char = self.fontMetrics().height()  # about the advance of one CJK character
        for column, chars in COLUMN_WIDTHS.items():
            # never narrower than its title (English titles are longer than their Chinese)
            header.resizeSection(column, max(chars * char + 16, header.sectionSizeHint(column)))
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
        self.table.viewport().installEventFilter(self)
        workspace.events.clues_changed.connect(self.refresh)
        self._after_reset()
        self.ticker.start()

    # -- public API -------------------------------------------------------------------------

    def set_filter(self, flt: QueueFilter) -> None:
        """Show the queue narrowed by `flt` (the selected clue stays selected if it is in it)."""
        self.model.set_filter(flt)

    def refresh(self) -> None:
        """Query the queue again (after the store changed), keeping the selection."""
        self.model.refresh()

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

    def row_count(self) -> int:
        """How many clues the queue shows."""
        return self.model.rowCount()

    def header_state(self) -> bytes:
        """The column order, widths and sort, to save in the settings."""
        return bytes(self.table.horizontalHeader().saveState().data())

    def restore_header_state(self, state: bytes) -> bool:
        """Restore what `header_state` saved (re-sorting if needed); False if it did not fit."""
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        try:
            restored = header.restoreState(QByteArray(state))
        finally:
            header.blockSignals(False)
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        if restored and self.model.is_sortable(column):
            if (column, order) != (self.model.sort_column(), self.model.sort_order()):
                self.model.sort(column, order)
        else:
            self._show_model_sort()
        self._update_visible_rows()
        return bool(restored)

    # -- internals --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Keeps the empty-state message over the viewport and the visible rows up to date."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.setGeometry(self.table.viewport().rect())
            self._update_visible_rows()
        return super().eventFilter(watched, event)

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

    def _after_reset(self) -> None:
        self._restoring = False
        rows = self.model.rowCount()
        self.empty_label.setVisible(rows == 0)
        self.count_label.setText(self.tr("共 {count} 条").format(count=f"{rows:,}"))
        if self._selected_id is not None and not self.select_clue(self._selected_id):
            self._selected_id = None
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
