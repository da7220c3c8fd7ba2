"""The monthly circular's compose dialog (月度通报).

The dialog (and the report it builds) is imported on first use: the main window's menu
only needs who may compose and the shortcut.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.ui.circular.access import CIRCULAR_KEY, may_compose

if TYPE_CHECKING:
    from desktop.ui.circular.dialog import CircularDialog

__all__ = ["CIRCULAR_KEY", "CircularDialog", "may_compose"]


def __getattr__(name: str) -> Any:
    """CircularDialog, imported when first asked for."""
    if name == "CircularDialog":
        from desktop.ui.circular.dialog import CircularDialog

        return CircularDialog
    raise AttributeError(name)
