"""The context menu of a queue row: the actions the user may take on that clue, the list's
导出Excel… and 打印列表…, and 复制编号.

The actions are the clue panel's own QActions (the same as the 办理 menu and the panel's
buttons), so they are offered only once the panel shows the clue with its rules applied.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from desktop.ui.clue_detail import ClueDetailPanel
from desktop.ui.queue_view import QueueView


class ClueRowMenu(QObject):
    """Opens a row's menu when the queue asks for it (right-click, Menu key, Shift+F10)."""

    def __init__(self, queue: QueueView, panel: ClueDetailPanel) -> None:
        super().__init__(queue)
        self.queue = queue
        self.panel = panel
        self.menu: QMenu | None = None
        """The menu shown last (kept for tests and accessibility tools)."""
        self._waiting: tuple[int, QPoint] | None = None
        queue.row_menu_requested.connect(self.request)
        panel.loaded.connect(self._panel_loaded)

    def request(self, clue_id: int, where: QPoint) -> None:
        """Show the menu of `clue_id` at `where` once the panel shows that clue."""
        detail = self.panel.detail
        if detail is not None and detail.id == clue_id and not self.panel.loading:
            self._waiting = None
            self.popup(where)
        else:
            self._waiting = (clue_id, where)

    def _panel_loaded(self, clue_id: int) -> None:
        if self._waiting is not None and self._waiting[0] == clue_id:
            where = self._waiting[1]
            self._waiting = None
            self.popup(where)

    def build(self) -> QMenu:
        """The menu for the clue the panel shows: its allowed actions, then 复制编号."""
        menu = QMenu(self.queue)
        menu.setObjectName("clueRowMenu")
        for qaction in self.panel.qactions.values():
            if qaction.isVisible() and qaction.isEnabled():
                menu.addAction(qaction)
        if menu.actions():
            menu.addSeparator()
        menu.addActions(self.queue.exporter.actions())  # the whole list: 导出Excel…, 打印列表…
        menu.addSeparator()
        copy = menu.addAction(self.tr("复制编号"))
        copy.setObjectName("copyCode")
        detail = self.panel.detail
        code = detail.code if detail is not None else ""
        copy.setEnabled(bool(code))
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(code))
        return menu

    def popup(self, where: QPoint) -> QMenu:
        """Build the menu and show it at `where` (global coordinates), its first entry active."""
        if self.menu is not None:
            self.menu.close()
            self.menu.deleteLater()
        menu = self.menu = self.build()
        first = menu.actions()[0] if menu.actions() else None
        menu.popup(where, first)
        if first is not None:
            menu.setActiveAction(first)
        return menu
