"""The banner at the top of the clue panel: who sent the clue back, when, and why, in full."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.domain.timeutil import to_china
from desktop.domain.workflow import Action
from desktop.store.clue_detail import TimelineEntry
from desktop.ui.labels import label_of

SENT_BACK_STYLE = (
    "QFrame#sentBackBanner { background: #fdf2e9; border: 1px solid #e59866;"
    " border-left: 4px solid #d35400; }"
    " QLabel { color: #6e2c00; background: transparent; }"
)
BANNER_TIME = "%m-%d %H:%M"


class SentBackBanner(QFrame):
    """Says that a clue came back (驳回, 退回, 审签退回 …): the sender, the time, the reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sentBackBanner")
        self.setStyleSheet(SENT_BACK_STYLE)
        self.setAccessibleName(self.tr("退回提示"))
        self.entry: TimelineEntry | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("sentBackText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.text_label)
        self.hide()

    def show_entry(self, entry: TimelineEntry | None) -> None:
        """Show why the clue came back (None: hide the banner)."""
        self.entry = entry
        if entry is None:
            self.text_label.clear()
            self.hide()
            return
        self.text_label.setText(self.describe(entry))
        self.show()

    def describe(self, entry: TimelineEntry) -> str:
        """区攻坚办 11-28 14:02 驳回：整改照片不清晰，请补充…"""
        sender = entry.unit.display
        if entry.user_name:
            sender = self.tr("{unit}（{person}）").format(unit=sender, person=entry.user_name)
        reason = entry.note or self.tr("未写明原因")
        return self.tr("{sender} {time} {action}：{reason}").format(
            sender=sender,
            time=to_china(entry.at).strftime(BANNER_TIME),
            action=label_of(Action, entry.action),
            reason=reason,
        )
