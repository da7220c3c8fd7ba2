"""Importing a channel's list (导入线索清单): the dialog, its column mapping and row report.

The menu's action comes from `action`; the dialog is imported when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.ui.intake_import.action import IMPORT_KEY, add_import_action, may_import_lists

if TYPE_CHECKING:
    from desktop.ui.intake_import.dialog import ImportDialog

__all__ = ["IMPORT_KEY", "ImportDialog", "add_import_action", "may_import_lists"]


def __getattr__(name: str) -> Any:
    """ImportDialog, imported when first asked for."""
    if name == "ImportDialog":
        from desktop.ui.intake_import.dialog import ImportDialog

        return ImportDialog
    raise AttributeError(name)
