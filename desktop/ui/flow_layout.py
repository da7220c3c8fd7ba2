"""A layout that puts its items in a row and wraps them onto more rows when the width runs out."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right at their preferred widths, wrapping like words in a paragraph.

    Its widget's minimum height follows the rows the current width needs, so a scroll area or a
    window around it makes room for the wrapped rows instead of squeezing them.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- the QLayout interface ---------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Everything on one row."""
        width = height = 0
        for item in self._visible():
            hint = item.sizeHint()
            width += hint.width() + (self._gap() if width else 0)
            height = max(height, hint.height())
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        """The widest item alone on a row."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        height = self._arrange(rect, move=True)
        owner = self.parentWidget()
        if owner is not None and owner.minimumHeight() != height:
            owner.setMinimumHeight(height)  # the rows this width needs: the parents make room

    # -- internals ---------------------------------------------------------------------------

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        owner = self.parentWidget()
        style = owner.style() if owner is not None else None
        if style is None:
            return 6
        metric = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, owner)
        if metric >= 0:
            return metric
        return style.layoutSpacing(
            QSizePolicy.ControlType.DefaultType,
            QSizePolicy.ControlType.DefaultType,
            Qt.Orientation.Horizontal,
        )

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items (when `move`) in rows within `rect`; the height they take."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        gap = self._gap()
        x, y, row_height = area.x(), area.y(), 0
        row: list[tuple[QLayoutItem, QSize]] = []

        def place(row: list[tuple[QLayoutItem, QSize]], top: int, height: int) -> None:
            left = area.x()
            for item, size in row:
                offset = (height - size.height()) // 2
                item.setGeometry(QRect(QPoint(left, top + offset), size))
                left += size.width() + gap

        for item in self._visible():
            size = item.sizeHint().boundedTo(QSize(max(area.width(), 1), 1 << 20))
            size = size.expandedTo(item.minimumSize())
            if row and x + size.width() > area.x() + area.width():
                if move:
                    place(row, y, row_height)
                y += row_height + gap
                x, row_height, row = area.x(), 0, []
            row.append((item, size))
            x += size.width() + gap
            row_height = max(row_height, size.height())
        if row and move:
            place(row, y, row_height)
        return y + row_height - area.y() + margins.top() + margins.bottom()
