"""The notices of the window: list with countdowns, draft/edit and follow-up forms, the clause
library, preview, print and save as PDF.

The main window uses `NoticePanel` (a tab of the clue detail) and `desktop.ui.notices_view.
NoticesView` (the 文书 view); the rest is reached through them. The names below are imported
on first use, so that a module of the package (the rendering helpers, say) comes without the
others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.ui.notices.notice_list import NoticeListModel
    from desktop.ui.notices.notice_panel import NoticePanel
    from desktop.ui.notices.preview import NoticePreview
    from desktop.ui.notices.workbench import NoticeWorkbench

__all__ = ["NoticeListModel", "NoticePanel", "NoticePreview", "NoticeWorkbench"]

_HOMES = {
    "NoticeListModel": "notice_list",
    "NoticePanel": "notice_panel",
    "NoticePreview": "preview",
    "NoticeWorkbench": "workbench",
}


def __getattr__(name: str) -> Any:
    """The public name `name`, imported from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
