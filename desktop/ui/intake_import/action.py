"""导入线索清单… in the window's menu: its shortcut, who may import, and the action that
opens the import dialog (imported when first opened, with the file readers it needs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.domain.import_rows import may_import
from desktop.ui.workspace import Workspace

IMPORT_KEY = QKeySequence("Ctrl+Alt+I")
"""Opens 导入线索清单… from the window."""


def may_import_lists(workspace: Workspace) -> bool:
    """Whether the signed-in user may import a channel's list (a tackling office's
    dispatcher)."""
    return may_import(workspace.actor)


def add_import_action(window: QMainWindow, menu: QMenu) -> QAction:
    """Add 导入线索清单… (Ctrl+Alt+I) to a window's menu: enabled for those who may import;
    the rows imported are then shown in the window's queue."""
    workspace: Workspace = window.workspace  # type: ignore[attr-defined]
    action = QAction(QCoreApplication.translate("ImportDialog", "导入线索清单…"), window)
    action.setObjectName("import_action")
    action.setShortcut(IMPORT_KEY)
    action.setEnabled(may_import_lists(workspace))

    def open_dialog() -> None:
        if not may_import_lists(workspace):
            return
        from desktop.ui.intake_import.dialog import ImportDialog

        dialog = ImportDialog(workspace, window)
        caption = QCoreApplication.translate("ImportDialog", "本次导入的线索")
        dialog.imported.connect(lambda codes: window.show_codes(codes, caption) if codes else None)  # type: ignore[attr-defined]
        window.dialog = dialog  # type: ignore[attr-defined]
        dialog.open()

    action.triggered.connect(open_dialog)
    window.addAction(action)
    menu.addAction(action)
    return action
