"""The inputs of the action forms: one kind per sort of field, built for one clue."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QCompleter, QLineEdit

from desktop.domain.clue import ClueState
from desktop.domain.codes import CallbackResult, Finding, Status
from desktop.domain.deadlines import Stage, stage_deadline
from desktop.domain.units import UnitInfo
from desktop.domain.workflow import extension_allowance
from desktop.store.queues import Queue, QueueFilter, SortKey, query_page
from desktop.ui.forms import (
    ChoiceField,
    DaysField,
    DeadlineField,
    FilesField,
    FormField,
    TextField,
    UnitChecklistField,
    dispatch_units,
)
from desktop.ui.labels import area_label, label
from desktop.ui.workspace import Workspace

CONTEXT = "ActionForms"
COMPLETION_DELAY_MS = 200
COMPLETIONS = 20


class FieldKind(Enum):
    """What kind of input a form field is."""

    TEXT = auto()
    """Several lines of text (a reason, a result)."""
    DAYS = auto()
    LEAD_UNIT = auto()
    ASSISTING_UNITS = auto()
    DEADLINE = auto()
    FILES = auto()
    FINDING = auto()
    CALLBACK = auto()
    COUNTY = auto()
    """Another county or functional zone (the target of a transfer)."""
    GROUND = auto()
    """A refusal ground of the rules."""
    CLUE_CODE = auto()
    """The code of another clue of the same county (the original of a duplicate)."""


@dataclass(frozen=True)
class FieldSpec:
    """One field of an action form: its kind, payload key and label (marked for lupdate).

    A `hidden` field is shown only when the rules ask for it (a reason to close with a
    rectification notice still open).
    """

    kind: FieldKind
    key: str
    label: str
    required: bool = False
    hidden: bool = False


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def transfer_targets(units: Mapping[str, UnitInfo], state: ClueState) -> list[UnitInfo]:
    """The county and functional-zone tackling offices a clue may be transferred to."""
    return sorted(
        (
            u
            for u in units.values()
            if u.dispatches and u.code == u.county_code and u.code != state.county_code
        ),
        key=lambda u: u.code,
    )


def default_handle_deadline(workspace: Workspace, state: ClueState) -> datetime:
    """The handling deadline a dispatch gets by default: the channel's and priority's limit
    on the work calendar, never later than the deadline the sender set."""
    deadline = stage_deadline(
        Stage.HANDLE,
        workspace.now(),
        workspace.calendar,
        workspace.rules,
        state.priority,
        state.channel,
    )
    return min(deadline, state.due_by) if state.due_by is not None else deadline


class ClueCodeCompleter(QCompleter):
    """Completes a clue code from the local store: clues of one county that may be originals."""

    def __init__(self, workspace: Workspace, state: ClueState, line: QLineEdit) -> None:
        super().__init__(line)
        self.workspace = workspace
        self.state = state
        self.line = line
        self.codes = QStringListModel(self)
        self.setModel(self.codes)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(COMPLETION_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        line.textEdited.connect(self.timer.start)
        line.setCompleter(self)

    def candidates(self, typed: str) -> list[str]:
        """Codes of the county's clues containing `typed` (newest first, a few)."""
        typed = typed.strip()
        if len(typed) < 2:
            return []
        ws = self.workspace
        flt = QueueFilter(queue=Queue.ALL, text=typed, county_code=self.state.county_code)
        with ws.store.session() as session:
            page = query_page(
                session,
                ws.viewer,
                flt,
                ws.bounds(),
                sort=SortKey.RECEIVED,
                descending=True,
                limit=COMPLETIONS * 3,
            )
        skip = (Status.DUPLICATE, Status.REFUSED)
        found = [
            row.code
            for row in page.rows
            if row.code != self.state.code
            and row.status not in skip
            and typed.upper() in row.code.upper()
        ]
        return found[:COMPLETIONS]

    def refresh(self) -> None:
        """Offer the codes matching what is typed now."""
        self.codes.setStringList(self.candidates(self.line.text()))
        if self.codes.rowCount() and self.line.hasFocus():
            self.complete()


class ClueCodeField(TextField):
    """The code of another clue, typed or picked from the completer's list."""

    def __init__(
        self, key: str, label: str, workspace: Workspace, state: ClueState, *, required: bool
    ) -> None:
        placeholder = QCoreApplication.translate(
            "ActionForms", "输入编号中的几位数字可从本机线索中选取"
        )
        super().__init__(key, label, required=required, placeholder=placeholder)
        editor = self.text_editor
        assert isinstance(editor, QLineEdit)
        self.code_completer = ClueCodeCompleter(workspace, state, editor)

    def value(self) -> str:
        """The code typed, without surrounding spaces."""
        return super().value().strip()


def build_field(spec: FieldSpec, workspace: Workspace, state: ClueState) -> FormField:
    """The input for one field of a form on the clue `state`."""
    shown = _tr(spec.label)
    kind, key, required = spec.kind, spec.key, spec.required
    if kind is FieldKind.TEXT:
        return TextField(key, shown, multiline=True, required=required)
    if kind is FieldKind.CLUE_CODE:
        return ClueCodeField(key, shown, workspace, state, required=required)
    if kind is FieldKind.DAYS:
        _, left = extension_allowance(state, workspace.rules)
        return DaysField(key, shown, 1, max(1, left))
    if kind is FieldKind.FILES:
        return FilesField(key, shown)
    if kind in (FieldKind.FINDING, FieldKind.CALLBACK, FieldKind.COUNTY, FieldKind.GROUND):
        return ChoiceField(
            key,
            shown,
            _choices(kind, workspace, state),
            required=required,
            placeholder=QCoreApplication.translate("ActionForms", "请选择"),
        )
    if kind is FieldKind.LEAD_UNIT:
        units = dispatch_units(workspace.units, state)
        return ChoiceField(
            key,
            shown,
            [(u.code, u.name) for u in units],
            current=state.lead_unit if any(u.code == state.lead_unit for u in units) else None,
            searchable=True,
            required=True,
            placeholder=QCoreApplication.translate("ActionForms", "输入名称搜索可承办的单位"),
        )
    if kind is FieldKind.ASSISTING_UNITS:
        checklist = UnitChecklistField(key, shown, dispatch_units(workspace.units, state))
        checklist.model.set_excluded(state.lead_unit)
        checklist.model.set_checked(state.assisting_units)
        return checklist
    return DeadlineField(
        key,
        shown,
        workspace.calendar,
        workspace.now(),
        default_handle_deadline(workspace, state),
        latest=state.due_by,
    )


def _choices(kind: FieldKind, workspace: Workspace, state: ClueState) -> list[tuple[str, str]]:
    if kind is FieldKind.FINDING:
        return [(f.value, label(f)) for f in Finding]
    if kind is FieldKind.CALLBACK:
        return [(c.value, label(c)) for c in CallbackResult]
    if kind is FieldKind.COUNTY:
        return [(u.code, area_label(u.name)) for u in transfer_targets(workspace.units, state)]
    return list(workspace.rules.refusal_grounds.items())
