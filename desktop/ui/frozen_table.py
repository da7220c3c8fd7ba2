"""A table whose first column stays put when it scrolls sideways (Qt's "Frozen Column" example).

A second QTableView lies over the table's first column while the table is scrolled sideways:
it shares the model and the selection model, shows only that column, and scrolls vertically
with the table. It takes no keyboard focus, so the keyboard always works in the table;
clicks, double-clicks and context menus on it act as they would on the table.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex

FROZEN_STYLE = "QTableView#frozenColumn { border: none; border-right: 1px solid palette(mid); }"


class FrozenColumnTable(QTableView):
    """A QTableView whose column `frozen_column` (first in display order) never scrolls away."""

    viewport_resized = Signal()
    """The viewport's size changed (a signal, not an event filter on every viewport event)."""

    def __init__(self, frozen_column: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen_column = frozen_column
        self._frozen: QTableView | None = None
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.horizontalHeader().sectionMoved.connect(self._keep_frozen_first)
        self.horizontalHeader().geometriesChanged.connect(self.update_frozen_geometry)
        self.horizontalScrollBar().valueChanged.connect(self.update_frozen_geometry)
        self.verticalHeader().sectionResized.connect(self._row_resized)

    @property
    def frozen(self) -> QTableView:
        """The overlay over the frozen column. It is made when first needed and shown only
        while the table is scrolled sideways: until then the table's own column lies in the
        same place, and a new table paints no second view."""
        if self._frozen is None:
            self._frozen = self._new_overlay()
            self._show_frozen_only()
        return self._frozen

    def _new_overlay(self) -> QTableView:
        overlay = QTableView(self)
        overlay.setObjectName("frozenColumn")
        overlay.setStyleSheet(FROZEN_STYLE)
        overlay.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        overlay.verticalHeader().hide()
        overlay.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        overlay.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        overlay.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        overlay.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        overlay.setSelectionBehavior(self.selectionBehavior())
        overlay.setSelectionMode(self.selectionMode())
        overlay.setWordWrap(self.wordWrap())
        overlay.setTextElideMode(self.textElideMode())
        overlay.setAlternatingRowColors(self.alternatingRowColors())
        overlay.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = overlay.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionsClickable(False)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        if self.model() is not None:
            overlay.setModel(self.model())
            overlay.setSelectionModel(self.selectionModel())
        self.viewport().stackUnder(overlay)
        overlay.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        rows, bar = overlay.verticalScrollBar(), self.verticalScrollBar()
        rows.valueChanged.connect(bar.setValue)
        bar.valueChanged.connect(rows.setValue)
        # Its range may change after the table scrolled (a refresh, a resize): it lines up again.
        rows.rangeChanged.connect(lambda: rows.setValue(bar.value()))
        overlay.activated.connect(self.activated.emit)
        overlay.doubleClicked.connect(self.doubleClicked.emit)
        overlay.customContextMenuRequested.connect(self._forward_context_menu)
        header.customContextMenuRequested.connect(self._forward_header_menu)
        return overlay

    # -- the model ----------------------------------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt override
        """Show `model` in the table and its frozen column in the overlay."""
        super().setModel(model)
        if self._frozen is not None:
            self._frozen.setModel(model)
            self._frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._show_frozen_only)
            model.columnsInserted.connect(self._show_frozen_only)
        self._show_frozen_only()

    def setSelectionBehavior(  # noqa: N802 - Qt override
        self, behavior: QAbstractItemView.SelectionBehavior
    ) -> None:
        """Select the same way in the table and its frozen column (whole rows, say)."""
        super().setSelectionBehavior(behavior)
        if self._frozen is not None:
            self._frozen.setSelectionBehavior(behavior)

    def setSelectionMode(self, mode: QAbstractItemView.SelectionMode) -> None:  # noqa: N802
        """Select as many rows in the frozen column as in the table."""
        super().setSelectionMode(mode)
        if self._frozen is not None:
            self._frozen.setSelectionMode(mode)

    def _show_frozen_only(self) -> None:
        overlay, model = self._frozen, self.model()
        if overlay is not None and model is not None:
            for column in range(model.columnCount()):
                overlay.setColumnHidden(column, column != self.frozen_column)
            overlay.setColumnWidth(self.frozen_column, self.columnWidth(self.frozen_column))
        self.update_frozen_geometry()

    # -- keeping the overlay in place -------------------------------------------------------

    def update_frozen_geometry(self) -> None:
        """Lay the overlay over the frozen column, rows and header aligned with the table's;
        shown while the table is scrolled sideways (and made then, the first time)."""
        needed = (
            self.model() is not None
            and self.horizontalScrollBar().value() > 0
            and not self.isColumnHidden(self.frozen_column)
        )
        overlay = self._frozen
        if overlay is None:
            if needed:
                self.frozen  # noqa: B018 - made now, and laid out by this method again
            return
        rows = self.verticalHeader()
        overlay.verticalHeader().setDefaultSectionSize(rows.defaultSectionSize())
        overlay.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        left = self.frameWidth() + (rows.width() if rows.isVisible() else 0)
        if needed and not overlay.isVisible():
            # Laid out as it shows, the overlay scrolls to its top: the table must not follow.
            with QSignalBlocker(overlay.verticalScrollBar()):
                overlay.show()
            overlay.verticalScrollBar().setValue(self.verticalScrollBar().value())
        else:
            overlay.setVisible(needed)
        overlay.setGeometry(
            left,
            self.frameWidth(),
            self.columnWidth(self.frozen_column),
            self.viewport().height() + self.horizontalHeader().height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Keep the overlay over the frozen column when the viewport's size changes (a scroll
        area's resize events are its viewport's)."""
        super().resizeEvent(event)
        self.update_frozen_geometry()
        self.viewport_resized.emit()

    def _section_resized(self, logical: int, _old: int, new: int) -> None:
        if logical == self.frozen_column:
            if self._frozen is not None:
                self._frozen.setColumnWidth(logical, new)
            self.update_frozen_geometry()

    def _row_resized(self, logical: int, _old: int, new: int) -> None:
        if self._frozen is not None:
            self._frozen.setRowHeight(logical, new)

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
        width = self.columnWidth(self.frozen_column)
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
