"""The notices of the window: list with countdowns, draft/edit and follow-up forms, the clause
library, preview, print and save as PDF.

The main window uses `NoticePanel` (a tab of the clue detail) and `desktop.ui.notices_view.
NoticesView` (the 文书 view); the rest is reached through them.
"""

from __future__ import annotations

from desktop.ui.notices.notice_list import NoticeListModel
from desktop.ui.notices.notice_panel import NoticePanel
from desktop.ui.notices.preview import NoticePreview
from desktop.ui.notices.workbench import NoticeWorkbench

__all__ = ["NoticeListModel", "NoticePanel", "NoticePreview", "NoticeWorkbench"]
