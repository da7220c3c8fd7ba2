"""The help window: a short guide to the account's daily work, and the keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.screen_fit import fit_to_screen

KeyLike = QKeySequence | QKeySequence.StandardKey | str
"""A shortcut as the caller has it: a key sequence, a standard key or its portable text."""

Shortcut = tuple[str, KeyLike | Sequence[QKeySequence]]
"""(action text, its key sequence or sequences)."""

Index = QModelIndex | QPersistentModelIndex


def action_text(text: str) -> str:
    """An action's text without its mnemonic ampersands ("&&" stays a literal "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def key_text(keys: KeyLike | Sequence[QKeySequence]) -> str:
    """The key sequence(s) as the platform writes them (e.g. Ctrl+F; ⌘F on macOS)."""
    if isinstance(keys, QKeySequence | QKeySequence.StandardKey | str):
        sequences = [QKeySequence(keys)]
    else:
        sequences = [QKeySequence(k) for k in keys]
    texts = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences]
    return ", ".join(t for t in texts if t)


class ShortcutsModel(QAbstractTableModel):
    """The table of shortcuts: action, keys."""

    def __init__(self, shortcuts: Sequence[Shortcut], parent: QObject | None = None) -> None:
        super().__init__(parent)
        rows = [(action_text(text), key_text(keys)) for text, keys in shortcuts]
        self.rows: list[tuple[str, str]] = [row for row in rows if row[1]]
        self.headers = (self.tr("操作"), self.tr("快捷键"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.rows[index.row()][index.column()]

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 2:
            return self.headers[section]
        return None


class HelpDialog(QDialog):
    """The guide for the signed-in account's role, and the shortcuts the caller passes in."""

    def __init__(
        self, shortcuts: Sequence[Shortcut], guide: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("帮助"))
        self.tabs = QTabWidget()
        self.guide = QTextBrowser()
        self.guide.setObjectName("roleGuide")
        self.guide.setOpenExternalLinks(False)
        self.guide.setHtml(guide)
        if guide:
            self.tabs.addTab(self.guide, self.tr("使用指南"))
        shortcuts_page = QWidget()
        column = QVBoxLayout(shortcuts_page)
        column.addWidget(QLabel(self.tr("键盘快捷键：")))
        self.model = ShortcutsModel(shortcuts, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        column.addWidget(self.table)
        self.tabs.addTab(shortcuts_page, self.tr("快捷键"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(560, 460))
