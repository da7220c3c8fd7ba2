"""The banner above the clue list that says what is wrong with the store's protection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def store_banner(problem: str) -> QLabel:
    """A warning strip with `problem` (the store could not be encrypted); hidden when empty."""
    banner = QLabel(problem)
    banner.setObjectName("store_banner")
    banner.setWordWrap(True)
    banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    banner.setStyleSheet(
        "QLabel#store_banner { background: #fff4ce; color: #5c4300;"
        " border: 1px solid #e0c060; padding: 6px; }"
    )
    banner.setVisible(bool(problem))
    return banner
