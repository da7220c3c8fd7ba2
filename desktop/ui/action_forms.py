"""The forms of the workflow actions, built from a table of fields rather than one class each.

`open_action(...)` opens the right one (non-blocking): a confirmation for signing, a form for
every action that needs input. A form keeps everything typed when the rules refuse it and
shows the message at the field they name (by its payload key).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.clue import ClueState
from desktop.domain.codes import CallbackResult, Finding
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action
from desktop.store.local_actions import LocalAction
from desktop.ui.action_fields import FieldKind, FieldSpec, build_field
from desktop.ui.action_intros import intro
from desktop.ui.actions import (
    ATTACHMENTS_FIELD,
    ActionError,
    check_action,
    describe_error,
    perform_action,
    submit_action,
)
from desktop.ui.forms import ChoiceField, FormBody, FormField, UnitChecklistField
from desktop.ui.forms.buttons import ok_cancel_buttons
from desktop.ui.labels import label
from desktop.ui.screen_fit import fit_to_screen, scrolling
from desktop.ui.timeline import format_moment
from desktop.ui.workspace import Workspace

OVERRIDE_FIELD = "override_reason"
"""The reason to close a clue whose rectification notice is not closed (the rules ask)."""


def _spec(
    kind: FieldKind, key: str, text: object, *, required: bool = False, hidden: bool = False
) -> FieldSpec:
    """A field whose label `text` is marked for lupdate with QT_TRANSLATE_NOOP (it is
    translated where it is shown)."""
    return FieldSpec(kind, key, str(text), required, hidden)


TEXT = FieldKind.TEXT
_EVIDENCE = _spec(FieldKind.FILES, ATTACHMENTS_FIELD, QT_TRANSLATE_NOOP("ActionForms", "佐证材料"))

FORMS: dict[Action, tuple[FieldSpec, ...]] = {
    Action.DISPATCH: (
        _spec(
            FieldKind.LEAD_UNIT,
            "lead_unit",
            QT_TRANSLATE_NOOP("ActionForms", "主办单位"),
            required=True,
        ),
        _spec(
            FieldKind.ASSISTING_UNITS,
            "assisting_units",
            QT_TRANSLATE_NOOP("ActionForms", "协办单位"),
        ),
        _spec(
            FieldKind.DEADLINE,
            "handle_deadline",
            QT_TRANSLATE_NOOP("ActionForms", "办理时限"),
            required=True,
        ),
        _spec(TEXT, "note", QT_TRANSLATE_NOOP("ActionForms", "分办意见")),
    ),
    Action.RETURN: (
        _spec(TEXT, "reason", QT_TRANSLATE_NOOP("ActionForms", "退回理由"), required=True),
    ),
    Action.RETURN_TO_CITY: (
        _spec(TEXT, "reason", QT_TRANSLATE_NOOP("ActionForms", "退回市级理由"), required=True),
    ),
    Action.TRANSFER: (
        _spec(
            FieldKind.COUNTY,
            "target_county",
            QT_TRANSLATE_NOOP("ActionForms", "转至县区"),
            required=True,
        ),
        _spec(TEXT, "reason", QT_TRANSLATE_NOOP("ActionForms", "转办理由"), required=True),
    ),
    Action.TAKE_OVER: (
        _spec(TEXT, "reason", QT_TRANSLATE_NOOP("ActionForms", "提级理由"), required=True),
    ),
    Action.REQUEST_EXTENSION: (
        _spec(FieldKind.DAYS, "days", QT_TRANSLATE_NOOP("ActionForms", "延期天数"), required=True),
        _spec(TEXT, "reason", QT_TRANSLATE_NOOP("ActionForms", "延期理由"), required=True),
    ),
    Action.APPROVE_EXTENSION: (_spec(TEXT, "note", QT_TRANSLATE_NOOP("ActionForms", "审批意见")),),
    Action.DENY_EXTENSION: (
        _spec(TEXT, "reason", QT_TRANSLATE_NOOP("ActionForms", "不予延期理由"), required=True),
    ),
    Action.REPORT: (
        _spec(TEXT, "result", QT_TRANSLATE_NOOP("ActionForms", "办理结果"), required=True),
        _spec(
            FieldKind.FINDING,
            "finding",
            QT_TRANSLATE_NOOP("ActionForms", "核查结论"),
            required=True,
        ),
        _spec(TEXT, "measures", QT_TRANSLATE_NOOP("ActionForms", "整改措施"), required=True),
        _EVIDENCE,
    ),
    Action.SIGNOFF_APPROVE: (_spec(TEXT, "note", QT_TRANSLATE_NOOP("ActionForms", "审签意见")),),
    Action.SIGNOFF_REJECT: (
        _spec(TEXT, "reason", QT_TRANSLATE_NOOP("ActionForms", "退回修改意见"), required=True),
    ),
    Action.CALLBACK: (
        _spec(
            FieldKind.CALLBACK,
            "callback",
            QT_TRANSLATE_NOOP("ActionForms", "回访结果"),
            required=True,
        ),
        _spec(TEXT, "note", QT_TRANSLATE_NOOP("ActionForms", "回访情况")),
    ),
    Action.APPROVE: (
        _spec(TEXT, "note", QT_TRANSLATE_NOOP("ActionForms", "审核意见")),
        _spec(
            TEXT,
            OVERRIDE_FIELD,
            QT_TRANSLATE_NOOP("ActionForms", "未闭环办结理由"),
            required=True,
            hidden=True,
        ),
    ),
    Action.REJECT: (
        _spec(TEXT, "reason", QT_TRANSLATE_NOOP("ActionForms", "驳回理由"), required=True),
    ),
    Action.REOPEN: (
        _spec(TEXT, "reason", QT_TRANSLATE_NOOP("ActionForms", "重办理由"), required=True),
    ),
    Action.VERIFICATION_FAIL: (
        _spec(TEXT, "reason", QT_TRANSLATE_NOOP("ActionForms", "核查意见"), required=True),
    ),
    Action.URGE: (
        _spec(TEXT, "note", QT_TRANSLATE_NOOP("ActionForms", "督办意见"), required=True),
    ),
    Action.ASSIST_REPORT: (
        _spec(TEXT, "note", QT_TRANSLATE_NOOP("ActionForms", "协办意见"), required=True),
        _EVIDENCE,
    ),
    Action.MARK_DUPLICATE: (
        _spec(
            FieldKind.CLUE_CODE,
            "original",
            QT_TRANSLATE_NOOP("ActionForms", "原件线索编号"),
            required=True,
        ),
        _spec(TEXT, "note", QT_TRANSLATE_NOOP("ActionForms", "说明")),
    ),
    Action.REFUSE: (
        _spec(
            FieldKind.GROUND,
            "ground",
            QT_TRANSLATE_NOOP("ActionForms", "不予受理依据"),
            required=True,
        ),
        _spec(TEXT, "reason", QT_TRANSLATE_NOOP("ActionForms", "不予受理理由"), required=True),
    ),
}
"""The fields of every action that needs input; the other actions are confirmed only."""

CONFIRMED = frozenset({Action.TAKE_OVER})
"""Actions whose form asks once more before the action is taken (another office sees it)."""


class ActionDialog(QDialog):
    """The form of one action on one clue; emits `completed(LocalAction)` once taken."""

    completed = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        action: Action,
        state: ClueState,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.action = action
        self.state = state
        self.busy = False
        self.confirmation: QMessageBox | None = None
        self.setWindowTitle(self.tr("{0}：{1}").format(label(action), state.code))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.body = FormBody()
        self.body.set_intro(intro(workspace, action, state))
        for spec in FORMS[action]:
            self.body.add(build_field(spec, workspace, state))
            if spec.hidden:
                self.body.set_row_visible(spec.key, False)
        layout.addWidget(scrolling(self.body))
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            self, label(action), self.submit
        )
        layout.addWidget(buttons)
        self._link_fields()
        if action is Action.APPROVE:
            self._probe_approval()
        if self.body.fields:
            self.body.fields[0].setFocus()
        fit_to_screen(self)

    def field(self, key: str) -> FormField:
        """The field of a payload key."""
        return self.body.field(key)

    def submit(self) -> None:
        """Take the action with what the form holds; on refusal show why and keep it all."""
        if self.busy:
            return
        self.body.clear_errors()
        if self.action in CONFIRMED and not self._checked():
            return
        self._send()

    def _send(self) -> None:
        payload = self.body.values()
        files = payload.pop(ATTACHMENTS_FIELD, [])
        self._set_busy(True)
        submit_action(
            self.workspace, self.action, self.state.code, payload, files, self._done, self._failed
        )

    def _checked(self) -> bool:
        """Dry-run the rules; when they allow the action ask once more (False: not yet)."""
        payload = self.body.values()
        try:
            check_action(self.workspace, self.action, self.state.code, payload)
        except Exception as exc:
            self._failed(describe_error(exc))
            return False
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(label(self.action))
        box.setText(self.tr("确定对线索 {0} {1}吗？").format(self.state.code, label(self.action)))
        box.setInformativeText(self.body.intro.text())
        yes = box.addButton(label(self.action), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        yes.clicked.connect(self._send)
        self.confirmation = box
        box.open()
        return False

    def _done(self, done: LocalAction) -> None:
        self._set_busy(False)
        self.completed.emit(done)
        self.accept()

    def _failed(self, error: ActionError) -> None:
        self._set_busy(False)
        self.body.show_error(error.field, error.message)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.body.setEnabled(not busy)
        self.ok_button.setText(self.tr("正在保存…") if busy else label(self.action))

    def reject(self) -> None:
        """Close without acting (not while the action is being saved)."""
        if not self.busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Refuse to close while saving."""
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)

    def _link_fields(self) -> None:
        """Fields that follow another: the lead unit is no assisting unit; evidence is
        required for a true finding; a note for a reporter not reached."""
        body = self.body
        if self.action is Action.DISPATCH:
            lead = body.field("lead_unit")
            assisting = body.field("assisting_units")
            assert isinstance(lead, ChoiceField) and isinstance(assisting, UnitChecklistField)
            lead.changed.connect(lambda: assisting.model.set_excluded(lead.value()))
        elif self.action is Action.REPORT:
            finding = body.field("finding")

            def evidence() -> None:
                needed = {f.value for f in Finding if f.needs_evidence}
                body.set_required(ATTACHMENTS_FIELD, finding.value() in needed)

            finding.changed.connect(evidence)
        elif self.action is Action.CALLBACK:
            callback = body.field("callback")

            def note() -> None:
                body.set_required("note", callback.value() == CallbackResult.UNREACHED.value)

            callback.changed.connect(note)

    def _probe_approval(self) -> None:
        """Ask the rules at once whether closing needs more (a callback, or a reason to close
        with a notice open) so the reviewer sees it before pressing the button."""
        try:
            check_action(self.workspace, self.action, self.state.code, {})
        except ValidationError as exc:
            if exc.field == OVERRIDE_FIELD:
                self.body.set_row_visible(OVERRIDE_FIELD, True)
            self.body.set_intro(exc.message)
        except Exception:  # a refusal is shown when the form is sent
            return


class ConfirmAction(QMessageBox):
    """A yes/no confirmation of an action that needs no input (signing)."""

    completed = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        action: Action,
        state: ClueState,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.action = action
        self.state = state
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(label(action))
        if action is Action.SIGN:
            self.setText(self.tr("确定签收线索 {0} 吗？").format(state.code))
            self.setInformativeText(
                self.tr("签收后线索进入办理，须在 {0} 前办结并反馈。").format(
                    format_moment(state.handle_deadline)
                )
            )
        else:
            self.setText(self.tr("确定对线索 {0} {1}吗？").format(state.code, label(action)))
        self.ok_button = self.addButton(self.tr("确定"), QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.ok_button)
        self.ok_button.clicked.connect(self._confirmed)

    def _confirmed(self) -> None:
        done = perform_action(self.workspace, self.action, self.state.code, {}, self.parentWidget())
        if done is not None:
            self.completed.emit(done)


def open_action(
    workspace: Workspace, action: Action, state: ClueState, parent: QWidget | None = None
) -> ActionDialog | ConfirmAction:
    """Open (non-blocking) the form or confirmation of `action` on the clue; return it."""
    dialog: ActionDialog | ConfirmAction
    if action in FORMS:
        dialog = ActionDialog(workspace, action, state, parent)
    else:
        dialog = ConfirmAction(workspace, action, state, parent)
    dialog.open()
    return dialog
