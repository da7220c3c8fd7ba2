"""The button row of the app's form dialogs: OK with the action's name, and 取消."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


def ok_cancel_buttons(
    dialog: QDialog, ok_text: str, on_ok: Callable[[], None], *, default: bool = True
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """The row, its OK button (runs `on_ok`, the default button unless told otherwise) and
    its 取消 button (rejects the dialog)."""
    buttons = QDialogButtonBox()
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    cancel = buttons.addButton(
        QCoreApplication.translate("FormButtons", "取消"), QDialogButtonBox.ButtonRole.RejectRole
    )
    if default:
        ok.setDefault(True)
    ok.clicked.connect(on_ok)
    cancel.clicked.connect(dialog.reject)
    return buttons, ok, cancel
