"""Top-level windows sized to the screen they open on, whatever its size and scaling."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

FRAME_ALLOWANCE = QSize(16, 40)
"""Room kept for the title bar and borders the window manager adds (logical pixels)."""

DIALOG_SHARE = 0.9
"""The largest share of the screen's free area a window takes when it opens."""


def screen_of(widget: QWidget) -> QScreen:
    """The screen a top-level widget opens on: its parent window's, else its own."""
    parent = widget.parentWidget()
    screen = parent.window().screen() if parent is not None else widget.screen()
    return screen or QGuiApplication.primaryScreen()


def room_on_screen(widget: QWidget) -> QRect:
    """The screen's free area (without task bars) less the window frame: the most a window's
    client area may take."""
    area = screen_of(widget).availableGeometry()
    return QRect(
        area.topLeft(),
        QSize(
            max(1, area.width() - FRAME_ALLOWANCE.width()),
            max(1, area.height() - FRAME_ALLOWANCE.height()),
        ),
    )


def fit_to_screen(
    widget: QWidget,
    preferred: QSize | None = None,
    *,
    share: float = DIALOG_SHARE,
    centre: bool = False,
) -> QSize:
    """Size a top-level widget to its screen; returns the size it got.

    The size is `preferred` (default: the widget's size hint), no larger than `share` of the
    screen's free area, and no smaller than the widget needs (but never beyond the screen).
    A minimum size larger than the screen is lowered to it, so the window always fits.
    `centre` puts it in the middle of the screen (dialogs are centred on their parent by Qt).
    """
    room = room_on_screen(widget)
    if widget.minimumWidth() > room.width():
        widget.setMinimumWidth(room.width())
    if widget.minimumHeight() > room.height():
        widget.setMinimumHeight(room.height())
    wanted = preferred if preferred is not None else widget.sizeHint()
    limit = QSize(int(room.width() * share), int(room.height() * share))
    needed = widget.minimumSizeHint().expandedTo(widget.minimumSize()).boundedTo(room.size())
    size = wanted.boundedTo(limit).expandedTo(needed)
    widget.resize(size)
    if centre:
        centre_on_screen(widget)
    return size


def frame_margins(widget: QWidget) -> QMargins:
    """The frame the window manager puts around a window (assumed until it is shown)."""
    if widget.isVisible():
        outer, inner = widget.frameGeometry(), widget.geometry()
        return QMargins(
            inner.left() - outer.left(),
            inner.top() - outer.top(),
            outer.right() - inner.right(),
            outer.bottom() - inner.bottom(),
        )
    side = FRAME_ALLOWANCE.width() // 2
    return QMargins(side, FRAME_ALLOWANCE.height() - side, side, side)


def centre_on_screen(widget: QWidget) -> None:
    """Put a top-level widget in the middle of its screen's free area."""
    area = screen_of(widget).availableGeometry()
    margins = frame_margins(widget)
    outer = widget.size().grownBy(margins)
    left = area.left() + max(0, (area.width() - outer.width()) // 2)
    top = area.top() + max(0, (area.height() - outer.height()) // 2)
    widget.move(left, top)  # move() places the frame's top left corner


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move a top-level widget (e.g. a geometry saved on a larger screen) so that
    all of it, frame included, is on the free area of its screen."""
    room = room_on_screen(widget)
    size = widget.size().boundedTo(room.size())
    if size != widget.size():
        widget.resize(size)
    area = screen_of(widget).availableGeometry()
    outer = widget.geometry().marginsAdded(frame_margins(widget))
    left = max(area.left(), min(outer.left(), area.right() + 1 - outer.width()))
    top = max(area.top(), min(outer.top(), area.bottom() + 1 - outer.height()))
    if (left, top) != (outer.left(), outer.top()):
        widget.move(left, top)


class ScrollArea(QScrollArea):
    """A scroll area whose size hint leaves room for its vertical scroll bar, so a form that
    scrolls is not squeezed sideways by the bar."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + bar, hint.height())


def scrolling(widget: QWidget, *, frame: bool = False) -> QScrollArea:
    """A scroll area around `widget` that scrolls only when the widget cannot get the room it
    needs (a long form on a small screen); frameless unless `frame`."""
    area = ScrollArea()
    area.setWidgetResizable(True)
    if not frame:
        area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area
