"""The dashboard's figure tiles: one focusable button per figure of the period, its value large
and its name under it; a click (or Space/Enter) opens the clues behind it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.statistics import FIGURES, FigureDef
from desktop.ui.dashboard.texts import value_text
from desktop.ui.queue_model import TINTED_TEXT, WARNING_TINTS

TILE_KEYS: tuple[str, ...] = (
    "received",
    "closed",
    "closure_rate",
    "dispatch_on_time_rate",
    "sign_on_time_rate",
    "handle_on_time_rate",
    "review_on_time_rate",
    "warning_level1",
    "warning_level2",
    "warning_level3",
    "returned",
    "rejected",
    "satisfaction_rate",
    "notices_issued",
    "rectification_rate",
    "cases_filed",
    "case_closure_rate",
)
"""The figures shown as tiles, in this order (a key the statistics do not define is left out)."""

OVERDUE_LEVELS: dict[str, int] = {
    "warning_level1": 1,
    "warning_level2": 2,
    "warning_level3": 3,
}
"""The tiles of the overdue clues by warning level, tinted as the queue tints those rows."""

SYNC_MARK = "*"
"""Marks a figure that only a sync brings up to date (the platform writes its records)."""

TILE_STYLE = (
    "QPushButton#{name} {{ background: {background}; border: 1px solid #b8c2cc;"
    " border-radius: 4px; padding: 0px; }}"
    " QPushButton#{name}:hover {{ border: 1px solid #5b8def; }}"
    " QPushButton#{name}:focus {{ border: 2px solid #2a6fdb; }}"
    " QPushButton#{name} QLabel {{ background: transparent; color: {text}; }}"
)


def tile_keys() -> tuple[str, ...]:
    """The tile figures the statistics define, in the tiles' order."""
    defined = {f.key for f in FIGURES}
    return tuple(key for key in TILE_KEYS if key in defined)


class FigureTile(QPushButton):
    """One figure of the period: a button showing its value, opening the clues behind it."""

    opened = Signal(str)
    """The figure's key: show the clues behind it."""

    def __init__(self, definition: FigureDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.definition = definition
        self.setObjectName(f"tile_{definition.key}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        level = OVERDUE_LEVELS.get(definition.key)
        background = WARNING_TINTS[level] if level else "palette(base)"
        text = TINTED_TEXT if level else "palette(text)"
        self.setStyleSheet(
            TILE_STYLE.format(name=self.objectName(), background=background, text=text)
        )
        self.value_label = QLabel(self)
        self.value_label.setObjectName("tileValue")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value_label.setFont(font)
        marked = f"{definition.label} {SYNC_MARK}" if definition.needs_sync else definition.label
        self.caption = QLabel(marked, self)
        self.caption.setObjectName("tileCaption")
        for label in (self.value_label, self.caption):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption)
        self.value: int | float | None = None
        self.set_value(None, known=False)
        self.clicked.connect(lambda: self.opened.emit(self.definition.key))

    def set_value(self, value: int | float | None, *, known: bool = True) -> None:
        """Show the figure's value (`known` False: not computed yet)."""
        self.value = value
        shown = value_text(self.definition, value) if known else "…"
        self.value_label.setText(shown)
        self.setAccessibleName(
            self.tr("{figure}：{value}").format(figure=self.definition.label, value=shown)
        )
        lines = [self.definition.definition]
        if self.definition.needs_sync:
            lines.append(self.tr("此数字来自平台的预警台账：本机尚未上传的操作，同步后才计入。"))
        lines.append(self.tr("单击或按空格键查看这些线索。"))
        self.setToolTip("\n".join(lines))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """As large as its two labels need, at least a tile's width."""
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else super().sizeHint()
        return QSize(
            max(hint.width(), self.fontMetrics().horizontalAdvance("M") * 9), hint.height()
        )

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Never smaller than its labels."""
        return self.sizeHint()
