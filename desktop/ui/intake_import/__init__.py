"""Importing a channel's list (导入线索清单): the dialog, its column mapping and row report."""

from __future__ import annotations

from desktop.ui.intake_import.dialog import (
    IMPORT_KEY,
    ImportDialog,
    add_import_action,
    may_import_lists,
)

__all__ = ["IMPORT_KEY", "ImportDialog", "add_import_action", "may_import_lists"]
