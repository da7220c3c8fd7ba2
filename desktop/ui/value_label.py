"""The label a detail pane shows a value in: plain text, wrapped, selectable to copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def value_label() -> QLabel:
    """An empty value label: plain text, word-wrapped, selectable by mouse and keyboard."""
    value = QLabel()
    value.setWordWrap(True)
    value.setTextFormat(Qt.TextFormat.PlainText)
    value.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return value
