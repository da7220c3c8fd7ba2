"""A table whose first column stays put when it scrolls sideways (Qt's "Frozen Column" example).

A second QTableView lies over the table's first column: it shares the model and the selection
model, shows only that column, and scrolls vertically with the table. It takes no keyboard
focus, so the keyboard always works in the table; clicks, double-clicks and context menus on
it act as they would on the table.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex

FROZEN_STYLE = "QTableView#frozenColumn { border: none; border-right: 1px solid palette(mid); }"


class FrozenColumnTable(QTableView):
    """A QTableView whose column `frozen_column` (first in display order) never scrolls away."""

    def __init__(self, frozen_column: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen_column = frozen_column
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumn")
        self.frozen.setStyleSheet(FROZEN_STYLE)
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.frozen.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        frozen_header = self.frozen.horizontalHeader()
        frozen_header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        frozen_header.setSectionsClickable(False)
        frozen_header.setHighlightSections(False)
        frozen_header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.viewport().stackUnder(self.frozen)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.horizontalHeader().sectionMoved.connect(self._keep_frozen_first)
        self.horizontalHeader().geometriesChanged.connect(self.update_frozen_geometry)
        self.verticalHeader().sectionResized.connect(self._row_resized)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.activated.connect(self.activated.emit)
        self.frozen.doubleClicked.connect(self.doubleClicked.emit)
        self.frozen.customContextMenuRequested.connect(self._forward_context_menu)
        frozen_header.customContextMenuRequested.connect(self._forward_header_menu)

    # -- the model ----------------------------------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt override
        """Show `model` in the table and its frozen column in the overlay."""
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._show_frozen_only)
            model.columnsInserted.connect(self._show_frozen_only)
        self._show_frozen_only()
        self.frozen.show()

    def setSelectionBehavior(  # noqa: N802 - Qt override
        self, behavior: QAbstractItemView.SelectionBehavior
    ) -> None:
        """Select the same way in the table and its frozen column (whole rows, say)."""
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def setSelectionMode(self, mode: QAbstractItemView.SelectionMode) -> None:  # noqa: N802
        """Select as many rows in the frozen column as in the table."""
        super().setSelectionMode(mode)
        self.frozen.setSelectionMode(mode)

    def _show_frozen_only(self) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column != self.frozen_column)
        self.frozen.setColumnWidth(self.frozen_column, self.columnWidth(self.frozen_column))
        self.update_frozen_geometry()

    # -- keeping the overlay in place -------------------------------------------------------

    def update_frozen_geometry(self) -> None:
        """Lay the overlay over the frozen column, rows and header aligned with the table's."""
        rows = self.verticalHeader()
        self.frozen.verticalHeader().setDefaultSectionSize(rows.defaultSectionSize())
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        left = self.frameWidth() + (rows.width() if rows.isVisible() else 0)
        hidden = self.isColumnHidden(self.frozen_column)
        self.frozen.setVisible(not hidden)
        self.frozen.setGeometry(
            left,
            self.frameWidth(),
            self.columnWidth(self.frozen_column),
            self.viewport().height() + self.horizontalHeader().height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Keep the overlay over the frozen column when the table's size changes."""
        super().resizeEvent(event)
        self.update_frozen_geometry()

    def _section_resized(self, logical: int, _old: int, new: int) -> None:
        if logical == self.frozen_column:
            self.frozen.setColumnWidth(logical, new)
            self.update_frozen_geometry()

    def _row_resized(self, logical: int, _old: int, new: int) -> None:
        self.frozen.setRowHeight(logical, new)

    def _keep_frozen_first(self) -> None:
        """The frozen column stays the first one shown: a move that displaces it is undone."""
        header = self.horizontalHeader()
        visual = header.visualIndex(self.frozen_column)
        if visual > 0:
            header.blockSignals(True)
            try:
                header.moveSection(visual, 0)
            finally:
                header.blockSignals(False)
        self.update_frozen_geometry()

    def keep_frozen_first(self) -> None:
        """Put the frozen column first again (after a header state was restored)."""
        self._keep_frozen_first()

    # -- scrolling with the keyboard --------------------------------------------------------

    def moveCursor(  # noqa: N802 - Qt override
        self, cursor_action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Moving left brings a column hidden under the frozen one into view."""
        current = super().moveCursor(cursor_action, modifiers)
        width = self.frozen.columnWidth(self.frozen_column)
        if (
            cursor_action == QAbstractItemView.CursorAction.MoveLeft
            and current.column() != self.frozen_column
            and self.visualRect(current).topLeft().x() < width
        ):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + self.visualRect(current).topLeft().x() - width)
        return current

    def scrollTo(  # noqa: N802 - Qt override
        self,
        index: AnyIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Scroll to a row without scrolling sideways for the frozen column (it is always
        in view)."""
        if index.isValid() and index.column() == self.frozen_column:
            bar = self.horizontalScrollBar()
            keep = bar.value()
            super().scrollTo(index, hint)
            bar.setValue(keep)
            return
        super().scrollTo(index, hint)

    # -- the overlay acts as the table ------------------------------------------------------

    def _forward_context_menu(self, pos: QPoint) -> None:
        target = self.viewport().mapFromGlobal(self.frozen.viewport().mapToGlobal(pos))
        self.customContextMenuRequested.emit(target)

    def _forward_header_menu(self, pos: QPoint) -> None:
        header = self.horizontalHeader()
        target = header.mapFromGlobal(self.frozen.horizontalHeader().mapToGlobal(pos))
        header.customContextMenuRequested.emit(target)
