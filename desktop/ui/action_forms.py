"""The forms of the workflow actions, built from a table of fields rather than one class each.

`open_action(...)` opens the right one (non-blocking): a confirmation for signing, a form for
every action that needs input. A form keeps everything typed when the rules refuse it and
shows the message at the field they name.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.clue import ClueState
from desktop.domain.deadlines import Stage, extend_deadline, stage_deadline, stage_limit_days
from desktop.domain.workflow import Action
from desktop.store.local_actions import LocalAction
from desktop.ui.actions import ATTACHMENTS_FIELD, ActionError, perform_action, submit_action
from desktop.ui.forms import (
    ChoiceField,
    DaysField,
    DeadlineField,
    FilesField,
    FormBody,
    FormField,
    TextField,
    UnitChecklistField,
    handling_units,
)
from desktop.ui.forms.buttons import ok_cancel_buttons
from desktop.ui.labels import label
from desktop.ui.timeline import format_moment
from desktop.ui.workspace import Workspace


class FieldKind(Enum):
    """What kind of input a form field is."""

    TEXT = auto()
    DAYS = auto()
    LEAD_UNIT = auto()
    ASSISTING_UNITS = auto()
    DEADLINE = auto()
    FILES = auto()


@dataclass(frozen=True)
class FieldSpec:
    """One field of an action form: its kind, payload key and the label the rules use.

    `label` is shown instead of `domain_label` when the rules' name is not for people.
    """

    kind: FieldKind
    key: str
    domain_label: str
    required: bool = False
    label: str = ""


def _t(text: object) -> str:
    """A label marked for lupdate with QT_TRANSLATE_NOOP; translated where it is shown."""
    return str(text)


_EVIDENCE = FieldSpec(
    FieldKind.FILES,
    ATTACHMENTS_FIELD,
    ATTACHMENTS_FIELD,
    label=_t(QT_TRANSLATE_NOOP("ActionForms", "佐证材料")),
)

FORMS: dict[Action, tuple[FieldSpec, ...]] = {
    Action.DISPATCH: (
        FieldSpec(
            FieldKind.LEAD_UNIT,
            "lead_unit",
            _t(QT_TRANSLATE_NOOP("ActionForms", "主办单位")),
            required=True,
        ),
        FieldSpec(
            FieldKind.ASSISTING_UNITS,
            "assisting_units",
            _t(QT_TRANSLATE_NOOP("ActionForms", "协办单位")),
        ),
        FieldSpec(
            FieldKind.DEADLINE,
            "handle_deadline",
            _t(QT_TRANSLATE_NOOP("ActionForms", "办理时限")),
            required=True,
        ),
        FieldSpec(FieldKind.TEXT, "note", _t(QT_TRANSLATE_NOOP("ActionForms", "分办意见"))),
    ),
    Action.RETURN: (
        FieldSpec(
            FieldKind.TEXT,
            "reason",
            _t(QT_TRANSLATE_NOOP("ActionForms", "退回理由")),
            required=True,
        ),
    ),
    Action.REQUEST_EXTENSION: (
        FieldSpec(
            FieldKind.DAYS, "days", _t(QT_TRANSLATE_NOOP("ActionForms", "延期天数")), required=True
        ),
        FieldSpec(
            FieldKind.TEXT,
            "reason",
            _t(QT_TRANSLATE_NOOP("ActionForms", "延期理由")),
            required=True,
        ),
    ),
    Action.APPROVE_EXTENSION: (
        FieldSpec(FieldKind.TEXT, "note", _t(QT_TRANSLATE_NOOP("ActionForms", "审批意见"))),
    ),
    Action.DENY_EXTENSION: (
        FieldSpec(
            FieldKind.TEXT,
            "reason",
            _t(QT_TRANSLATE_NOOP("ActionForms", "不予延期理由")),
            required=True,
        ),
    ),
    Action.REPORT: (
        FieldSpec(
            FieldKind.TEXT,
            "result",
            _t(QT_TRANSLATE_NOOP("ActionForms", "办理结果")),
            required=True,
        ),
        _EVIDENCE,
    ),
    Action.APPROVE: (
        FieldSpec(FieldKind.TEXT, "note", _t(QT_TRANSLATE_NOOP("ActionForms", "审核意见"))),
    ),
    Action.REJECT: (
        FieldSpec(
            FieldKind.TEXT,
            "reason",
            _t(QT_TRANSLATE_NOOP("ActionForms", "驳回理由")),
            required=True,
        ),
    ),
    Action.VERIFICATION_FAIL: (
        FieldSpec(
            FieldKind.TEXT,
            "reason",
            _t(QT_TRANSLATE_NOOP("ActionForms", "核查意见")),
            required=True,
        ),
    ),
    Action.URGE: (
        FieldSpec(
            FieldKind.TEXT, "note", _t(QT_TRANSLATE_NOOP("ActionForms", "督办意见")), required=True
        ),
    ),
    Action.ASSIST_REPORT: (
        FieldSpec(
            FieldKind.TEXT, "note", _t(QT_TRANSLATE_NOOP("ActionForms", "协办意见")), required=True
        ),
        _EVIDENCE,
    ),
}
"""The fields of every action that needs input; the other actions are confirmed only."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActionForms", text)


def build_field(spec: FieldSpec, workspace: Workspace, state: ClueState) -> FormField:
    """The input for one field of a form on the clue `state`."""
    shown = _tr(spec.label or spec.domain_label)
    kind = spec.kind
    if kind is FieldKind.TEXT:
        return TextField(spec.key, spec.domain_label, shown, multiline=True, required=spec.required)
    if kind is FieldKind.DAYS:
        high = workspace.rules.limits.max_extension_days
        return DaysField(spec.key, spec.domain_label, shown, 1, high)
    if kind is FieldKind.FILES:
        return FilesField(spec.key, spec.domain_label, shown)
    units = handling_units(workspace.units, state.county_code)
    if kind is FieldKind.LEAD_UNIT:
        return ChoiceField(
            spec.key,
            spec.domain_label,
            shown,
            [(u.code, u.name) for u in units],
            current=state.lead_unit,
            searchable=True,
            required=True,
            placeholder=QCoreApplication.translate("ActionForms", "输入名称搜索本县区可承办的单位"),
        )
    if kind is FieldKind.ASSISTING_UNITS:
        field = UnitChecklistField(spec.key, spec.domain_label, shown, units)
        field.model.set_excluded(state.lead_unit)
        field.model.set_checked(state.assisting_units)
        return field
    now = workspace.now()
    default = stage_deadline(Stage.HANDLE, now, workspace.calendar, workspace.rules, state.priority)
    return DeadlineField(spec.key, spec.domain_label, shown, workspace.calendar, now, default)


def _intro(workspace: Workspace, action: Action, state: ClueState) -> str:
    """A sentence saying what the action will do to this clue."""
    limits = workspace.rules.limits
    if action is Action.DISPATCH:
        days = stage_limit_days(Stage.HANDLE, workspace.rules, state.priority)
        return QCoreApplication.translate(
            "ActionForms", "按工作日历计算，{0}线索的办理时限为 {1} 个工作日。"
        ).format(label(state.priority), days)
    if action is Action.REQUEST_EXTENSION:
        return QCoreApplication.translate(
            "ActionForms", "当前办理时限：{0}；最多可延期 {1} 个工作日。"
        ).format(format_moment(state.handle_deadline), limits.max_extension_days)
    if action is Action.APPROVE_EXTENSION:
        base = state.handle_deadline or workspace.now()
        after = extend_deadline(base, state.extension_requested_days, workspace.calendar)
        return QCoreApplication.translate(
            "ActionForms", "主办单位申请延期 {0} 个工作日，批准后办理时限延至 {1}。"
        ).format(state.extension_requested_days, format_moment(after))
    if action is Action.DENY_EXTENSION:
        return QCoreApplication.translate("ActionForms", "主办单位申请延期 {0} 个工作日。").format(
            state.extension_requested_days
        )
    if action is Action.RETURN:
        return QCoreApplication.translate("ActionForms", "退回后，线索回到攻坚办重新分办。")
    if action is Action.REPORT:
        return QCoreApplication.translate("ActionForms", "反馈后，线索交攻坚办审核。")
    if action in (Action.REJECT, Action.VERIFICATION_FAIL):
        return QCoreApplication.translate("ActionForms", "线索将回到主办单位继续办理。")
    return ""


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
        self.setWindowTitle(self.tr("{0}：{1}").format(label(action), state.code))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.body = FormBody()
        self.body.set_intro(_intro(workspace, action, state))
        for spec in FORMS[action]:
            self.body.add(build_field(spec, workspace, state))
        layout.addWidget(self.body)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            self, label(action), self.submit
        )
        layout.addWidget(buttons)
        self._link_dispatch_fields()
        if self.body.fields:
            self.body.fields[0].setFocus()

    def field(self, key: str) -> FormField:
        """The field of a payload key."""
        return self.body.field(key)

    def submit(self) -> None:
        """Take the action with what the form holds; on refusal show why and keep it all."""
        if self.busy:
            return
        self.body.clear_errors()
        payload = self.body.values()
        files = payload.pop(ATTACHMENTS_FIELD, [])
        self._set_busy(True)
        submit_action(
            self.workspace, self.action, self.state.code, payload, files, self._done, self._failed
        )

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

    def _link_dispatch_fields(self) -> None:
        if self.action is not Action.DISPATCH:
            return
        lead = self.body.field("lead_unit")
        assisting = self.body.field("assisting_units")
        assert isinstance(lead, ChoiceField) and isinstance(assisting, UnitChecklistField)
        lead.changed.connect(lambda: assisting.model.set_excluded(lead.value()))


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
