"""The form of every case action (立案 and each milestone): fields by payload key, the rules'
message shown at the field it names, nothing typed lost, Ctrl+Enter to submit and Esc to
cancel (asking first when something was typed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from desktop.domain.cases import CaseAction, CaseRefused, CaseState, case_field_label
from desktop.domain.validators import ValidationError
from desktop.store.cases import LocalCaseAction, act_on_case, file_case
from desktop.ui.cases.case_steps import build_step
from desktop.ui.forms import FormBody, FormField
from desktop.ui.forms.buttons import ok_cancel_buttons
from desktop.ui.labels import label
from desktop.ui.notices.errors import describe_notice_error
from desktop.ui.screen_fit import fit_to_screen, scrolling
from desktop.ui.workspace import Workspace

SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")
"""Keys that submit a case form from any of its fields."""
PARTY = "party."
"""The prefix of the party's fields' keys (party.name, party.id_number …)."""


@dataclass(frozen=True)
class CaseError:
    """Why a case action was not taken: the payload key it names (None: not one field)."""

    key: str | None
    message: str


def describe_case_error(exc: BaseException) -> CaseError:
    """The clerk's message for whatever stopped a case action."""
    if isinstance(exc, ValidationError):
        return CaseError(exc.field, exc.message)
    if isinstance(exc, CaseRefused):
        return CaseError(None, exc.reason)
    error = describe_notice_error(exc)
    return CaseError(error.field, error.message)


class CaseForm(QDialog):
    """The form of one case action; emits `completed(LocalCaseAction)` once it is taken.

    FILE: `state` is None and `notice_ids` the notices to link first; every other action
    works on `state`. The fields come from `desktop.ui.cases.case_steps`.
    """

    completed = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        action: CaseAction,
        clue_code: str,
        state: CaseState | None = None,
        parent: QWidget | None = None,
        *,
        notice_ids: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.action = action
        self.clue_code = clue_code
        self.state = state
        self.notice_ids = tuple(notice_ids)
        self.done_action: LocalCaseAction | None = None
        self.confirmation: QMessageBox | None = None
        self.dirty = False
        self.hint: QLabel | None = None
        """A line the form keeps up to date (告知: whether a hearing must be offered)."""
        subject = state.number if state is not None else clue_code
        self.setWindowTitle(self.tr("{0}：{1}").format(label(action), subject))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.body = FormBody()
        build_step(self)
        layout.addWidget(scrolling(self.body, frame=True), 1)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            self, label(action), self.submit
        )
        self.ok_button.setToolTip(self.tr("Ctrl+Enter 提交"))
        layout.addWidget(buttons)
        for keys in SUBMIT_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.submit)
        for field in self.body.fields:
            field.changed.connect(self._typed)
        if self.body.fields:
            self.body.fields[0].setFocus()
        fit_to_screen(self, self.body.sizeHint() + QSize(60, 140))

    def _typed(self) -> None:
        self.dirty = True

    def field(self, key: str) -> FormField:
        """The field of a payload key."""
        return self.body.field(key)

    def payload(self) -> dict[str, Any]:
        """What the form holds, as the action's payload (the party's fields as one object)."""
        data: dict[str, Any] = {}
        party: dict[str, Any] = {}
        for key, value in self.body.values().items():
            if key.startswith(PARTY):
                party[key.removeprefix(PARTY)] = value
            else:
                data[key] = value
        if party:
            data["party"] = party
        return data

    def submit(self) -> None:
        """Take the action; on refusal show why at the field and keep everything typed."""
        self.body.clear_errors()
        ws = self.workspace
        try:
            if self.action is CaseAction.FILE:
                done = file_case(
                    ws.store,
                    ws.username,
                    ws.device_id,
                    self.clue_code,
                    self.payload(),
                    now=ws.now(),
                )
            else:
                assert self.state is not None
                done = act_on_case(
                    ws.store,
                    ws.username,
                    ws.device_id,
                    self.action,
                    self.state.case_id,
                    self.payload(),
                    now=ws.now(),
                )
        except Exception as exc:  # every failure becomes a message, none is lost
            self.show_error(describe_case_error(exc))
            return
        ws.events.clues_changed.emit()
        self.done_action = done
        self.dirty = False
        self.completed.emit(done)
        self.accept()

    def show_error(self, error: CaseError) -> None:
        """Show a message at the field of its key (a part of a list at that part), else in
        the banner naming the field."""
        key = error.key
        field = self.body.find_field(key) if key else None
        head = key.split(".")[0] if key else ""
        message = error.message
        if field is None and key:
            field = self.body.find_field(head)
            if field is None and head == "party":
                field = self.body.find_field(PARTY + "name")
            if field is not None and key != field.key:
                message = QCoreApplication.translate("CaseForm", "{0}：{1}").format(
                    case_field_label(key), error.message
                )
        if field is None:
            self.body.show_error(key, message, label=case_field_label(key) if key else None)
            return
        self.body.show_error(field.key, message)
        part = getattr(field, "focus_part", None)
        if part is not None and key and key != field.key:
            part(key.removeprefix(field.key + "."))

    def error_text(self, key: str) -> str:
        """The message shown under a field ('' when none)."""
        return self.field(key).error_text()

    # -- cancelling -----------------------------------------------------------------------

    def reject(self) -> None:
        """Close without acting; when something was typed, ask first (non-blocking)."""
        if not self.dirty:
            super().reject()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("放弃填写"))
        box.setText(self.tr("已填写的内容尚未保存。确定放弃并关闭吗？"))
        discard = box.addButton(self.tr("放弃"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("继续填写"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def decided() -> None:
            if box.clickedButton() is discard:
                self.dirty = False
                QDialog.reject(self)

        box.finished.connect(decided)
        self.confirmation = box
        box.open()


def open_case_form(
    workspace: Workspace,
    action: CaseAction,
    clue_code: str,
    state: CaseState | None = None,
    parent: QWidget | None = None,
    *,
    notice_ids: Sequence[str] = (),
) -> CaseForm:
    """Open (non-blocking) the form of a case action; return it."""
    form = CaseForm(workspace, action, clue_code, state, parent, notice_ids=notice_ids)
    form.open()
    return form
