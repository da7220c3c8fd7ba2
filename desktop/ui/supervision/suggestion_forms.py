"""The forms of the steps after a suggestion is issued: the unit's reply (整改落实情况 with
files), and the commission's 采纳答复, 退回重新答复 and 重设答复时限."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QWidget

from desktop.domain.suggestions import MAX_REPLY_DAYS, SuggestionAction, SuggestionState
from desktop.store.supervision import (
    accept_reply,
    reply_to_suggestion,
    reset_reply_deadline,
    send_back,
)
from desktop.ui.forms.fields import DaysField, TextField
from desktop.ui.forms.files import FilesField
from desktop.ui.supervision.issue_form import DEFAULT_REPLY_DAYS
from desktop.ui.supervision.record_form import RecordForm
from desktop.ui.workspace import Workspace


class ReplyForm(RecordForm):
    """答复（整改落实情况）: what the unit did and the files proving it; saved on this computer
    and uploaded by the next sync."""

    def __init__(
        self, workspace: Workspace, state: SuggestionState, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            workspace,
            self.tr("答复建议：{0}").format(state.number),
            self.tr(
                "填写整改落实情况并附佐证材料。答复先保存在本机，联网同步后送达纪委监委；"
                "纪委监委可采纳或退回重新答复。"
            ),
            self.tr("提交答复"),
            parent,
        )
        self.state = state
        self.reply = self.add_field(
            TextField("reply", self.tr("整改落实情况"), multiline=True, required=True)
        )
        self.files = FilesField("attachments", self.tr("佐证材料"))
        self.add_field(self.files)

    def take(self) -> Any:
        """Reply with the text and the files (copied into the store)."""
        ws = self.workspace
        return reply_to_suggestion(
            ws.store,
            ws.username,
            ws.device_id,
            self.state.suggestion_id,
            str(self.reply.value()),
            self.files.value(),
            now=ws.now(),
        )


class AcceptForm(RecordForm):
    """采纳答复: the commission accepts the unit's reply (the suggestion is then closed)."""

    def __init__(
        self, workspace: Workspace, state: SuggestionState, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            workspace,
            self.tr("采纳答复：{0}").format(state.number),
            self.tr("采纳后建议办结，主送单位不再答复。"),
            self.tr("采纳"),
            parent,
            confirm_text=self.tr("采纳{0}的答复？采纳后不能撤回。").format(
                workspace.unit_name(state.addressed_unit)
            ),
        )
        self.state = state
        self.note = self.add_field(TextField("note", self.tr("意见"), multiline=True))

    def take(self) -> Any:
        """Accept the reply."""
        ws = self.workspace
        return accept_reply(
            ws.store,
            ws.username,
            ws.device_id,
            self.state.suggestion_id,
            str(self.note.value()),
            now=ws.now(),
        )


class SendBackForm(RecordForm):
    """退回重新答复: the reason (required) and maybe a new reply deadline."""

    def __init__(
        self, workspace: Workspace, state: SuggestionState, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            workspace,
            self.tr("退回重新答复：{0}").format(state.number),
            self.tr("写明退回的理由，主送单位据此重新答复。可同时重设答复期限。"),
            self.tr("退回"),
            parent,
        )
        self.state = state
        self.note = self.add_field(
            TextField("note", self.tr("退回理由"), multiline=True, required=True)
        )
        self.new_deadline = QCheckBox(self.tr("重设答复期限（自今日起计算）"))
        self.add_row("", self.new_deadline)
        self.days = DaysField("reply_days", self.tr("新的答复期限"), 1, MAX_REPLY_DAYS)
        self.days.spin.setValue(DEFAULT_REPLY_DAYS)
        self.add_field(self.days)
        self.days.setEnabled(False)
        self.new_deadline.toggled.connect(self.days.setEnabled)

    def take(self) -> Any:
        """Send the reply back."""
        ws = self.workspace
        days = self.days.value() if self.new_deadline.isChecked() else None
        return send_back(
            ws.store,
            ws.username,
            ws.device_id,
            self.state.suggestion_id,
            str(self.note.value()),
            days,
            now=ws.now(),
        )


class ResetDeadlineForm(RecordForm):
    """重设答复时限: a new deadline, so many working days from now."""

    def __init__(
        self, workspace: Workspace, state: SuggestionState, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            workspace,
            self.tr("重设答复时限：{0}").format(state.number),
            self.tr("新的答复期限自今日起按工作日计算。"),
            self.tr("重设"),
            parent,
        )
        self.state = state
        self.days = DaysField("reply_days", self.tr("答复期限"), 1, MAX_REPLY_DAYS)
        self.days.spin.setValue(state.reply_days)
        self.add_field(self.days)
        self.note = self.add_field(TextField("note", self.tr("说明"), multiline=True))

    def take(self) -> Any:
        """Reset the deadline."""
        ws = self.workspace
        return reset_reply_deadline(
            ws.store,
            ws.username,
            ws.device_id,
            self.state.suggestion_id,
            self.days.value(),
            str(self.note.value()),
            now=ws.now(),
        )


StateForm = Callable[[Workspace, SuggestionState, QWidget | None], RecordForm]
"""A form of an action on an existing suggestion."""

FORMS: dict[SuggestionAction, StateForm] = {
    SuggestionAction.REPLY: ReplyForm,
    SuggestionAction.ACCEPT: AcceptForm,
    SuggestionAction.SEND_BACK: SendBackForm,
    SuggestionAction.RESET_DEADLINE: ResetDeadlineForm,
}
"""The form of each action on an existing suggestion."""
