"""The draft and edit form of a notice: every field a clerk types, prefilled from the clue,
the rules' messages shown at the field they name, nothing typed lost."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.clue import ClueState
from desktop.domain.notice_prefill import (
    apply_problem_kind,
    offered_kinds,
    owns_kind,
    readdress_facts,
)
from desktop.domain.notices import (
    Clause,
    NoticeAction,
    NoticeContent,
    NoticeKind,
    NoticeState,
    draftable_kinds,
    notice_refusal,
)
from desktop.domain.party import PartyType
from desktop.store.clause_library import clause_library
from desktop.store.clause_map import load_clause_map
from desktop.store.clue_detail import clue_state_by_code
from desktop.store.notices import LocalNoticeAction, clue_category, draft_content_for_clue
from desktop.ui.forms import ChoiceField, FormBody, FormField, TextField
from desktop.ui.forms.buttons import ok_cancel_buttons
from desktop.ui.labels import label
from desktop.ui.notices.clause_map_dialog import ClauseMapDialog
from desktop.ui.notices.clause_picker import ClauseField
from desktop.ui.notices.errors import NoticeError
from desktop.ui.notices.fields import LinesField, RectifyPeriodField
from desktop.ui.notices.submit import show_notice_error, take
from desktop.ui.screen_fit import fit_to_screen, scrolling
from desktop.ui.workspace import Workspace

CONTEXT = "NoticeForm"

TEXTS: tuple[tuple[str, object, bool], ...] = (
    ("party_name", QT_TRANSLATE_NOOP("NoticeForm", "当事人（名称、字号或姓名）"), False),
    ("credit_code", QT_TRANSLATE_NOOP("NoticeForm", "统一社会信用代码"), False),
    ("operator", QT_TRANSLATE_NOOP("NoticeForm", "经营者"), False),
    ("id_number", QT_TRANSLATE_NOOP("NoticeForm", "身份证号码"), False),
    ("address", QT_TRANSLATE_NOOP("NoticeForm", "地址（住所、经营场所或住址）"), False),
    ("legal_representative", QT_TRANSLATE_NOOP("NoticeForm", "法定代表人（负责人）"), False),
    ("facts", QT_TRANSLATE_NOOP("NoticeForm", "违法事实（现场检查发现的情况）"), True),
)
"""Text fields before the evidence: (payload key, label, several lines)."""

PARTY_FIELDS: dict[PartyType, tuple[str, ...]] = {
    PartyType.ORGANISATION: ("credit_code", "legal_representative"),
    PartyType.SOLE_TRADER: ("credit_code", "operator", "id_number"),
    PartyType.INDIVIDUAL: ("id_number",),
}
"""The party fields each type of party shows (name and address: every type)."""
PARTY_REQUIRED: dict[PartyType, frozenset[str]] = {
    PartyType.ORGANISATION: frozenset(),
    PartyType.SOLE_TRADER: frozenset({"operator", "id_number"}),
    PartyType.INDIVIDUAL: frozenset({"id_number"}),
}
"""The party fields a type needs before issue (marked with *)."""
OPTIONAL_PARTY = ("credit_code", "operator", "id_number", "legal_representative")

TEXTS_AFTER: tuple[tuple[str, object, bool], ...] = (
    ("report_requirement", QT_TRANSLATE_NOOP("NoticeForm", "书面报告要求"), True),
    ("consequences", QT_TRANSLATE_NOOP("NoticeForm", "逾期不改正的后果"), True),
    ("review_body", QT_TRANSLATE_NOOP("NoticeForm", "行政复议机关（60日内）"), False),
    ("litigation_court", QT_TRANSLATE_NOOP("NoticeForm", "行政诉讼法院（6个月内）"), False),
    ("authority", QT_TRANSLATE_NOOP("NoticeForm", "签发机关"), False),
    ("contact_person", QT_TRANSLATE_NOOP("NoticeForm", "联系人"), False),
    ("contact_phone", QT_TRANSLATE_NOOP("NoticeForm", "联系电话"), False),
)
"""Text fields after the period."""

ISSUE_REQUIRED = frozenset(
    {"party_name", "address", "facts", "order", "authority", "review_body", "litigation_court"}
)
"""Fields a notice needs before it is issued (marked with *; a draft may lack them)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class NoticeForm(QDialog):
    """Draft a notice on a clue (`state` None) or edit a draft; emits `completed(action)`."""

    completed = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        clue_code: str,
        content: NoticeContent,
        kinds: Sequence[NoticeKind],
        parent: QWidget | None = None,
        *,
        state: NoticeState | None = None,
        library: Sequence[Clause] | None = None,
        category: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.clue_code = clue_code
        self.category = category
        self.state = state
        self.action = NoticeAction.DRAFT if state is None else NoticeAction.EDIT
        self.done_action: LocalNoticeAction | None = None
        if state is None:
            self.setWindowTitle(self.tr("起草通知书：线索 {0}").format(clue_code))
        else:
            self.setWindowTitle(self.tr("修改通知书草稿：线索 {0}").format(clue_code))
        fit_to_screen(self, QSize(720, 760))
        layout = QVBoxLayout(self)
        self.body = FormBody()
        if state is None:
            intro = self.tr("已根据线索 {0} 预填当事人、地址和违法事实，请核对后保存为草稿。")
            self.body.set_intro(intro.format(clue_code) + self.tr("带 * 的项签发前必须填写。"))
        else:
            self.body.set_intro(self.tr("带 * 的项签发前必须填写。"))
        current = state.kind if state is not None else kinds[0]
        choices = list(dict.fromkeys([*kinds, current]))
        self.kind = ChoiceField(
            "kind",
            self.tr("文书种类"),
            [(k.value, label(k)) for k in choices],
            current=current.value,
            required=True,
        )
        self.body.add(self.kind)
        library = list(library) if library is not None else clause_library(workspace.store)
        self.library = library
        self.party_type = ChoiceField(
            "party_type",
            self.tr("当事人类型"),
            [(t.value, label(t)) for t in PartyType],
            current=content.party_kind.value,
            required=True,
        )
        self.body.add(self.party_type)
        for key, text, multiline in TEXTS:
            self._text(key, text, multiline, getattr(content, key))
        self._shown_type = content.party_kind
        self._show_party_fields()
        self.party_type.changed.connect(self._party_type_changed)
        self.evidence = LinesField(
            "evidence", self.tr("证据（每行一项）"), placeholder=self.tr("如：现场检查笔录")
        )
        self.evidence.set_lines(content.evidence)
        self.body.add(self.evidence)
        self.clause_map = load_clause_map(workspace.store)
        self.problem = ChoiceField(
            "problem_kind", self.tr("问题类型"), [], placeholder=self.tr("（未选择）")
        )
        self.body.add(self.problem)
        self.map_button = QPushButton(self.tr("编辑问题类型对照表…"))
        self.map_button.clicked.connect(self.edit_clause_map)
        self.map_editor: ClauseMapDialog | None = None
        self.body.form.addRow("", self.map_button)
        self._fill_problem_kinds(content.problem_kind)
        self.problem.changed.connect(self._problem_changed)
        self.clauses = ClauseField(
            "clause_ids",
            self.tr("违反的法律条款"),
            workspace.store,
            content.clause_ids,
            library=library,
        )
        self.body.add(self.clauses)
        self.basis = ClauseField(
            "basis_ids",
            self.tr("责令改正的法律依据（本机关执行的法律条款）"),
            workspace.store,
            content.basis_ids,
            library=library,
        )
        self.body.add(self.basis)
        self._text("order", QT_TRANSLATE_NOOP("NoticeForm", "责令改正的内容"), True, content.order)
        self.period = RectifyPeriodField(
            self.tr("整改期限"),
            days=content.deadline_days,
            day=content.deadline_date,
            earliest=workspace.now().date(),
        )
        self.body.add(self.period)
        for key, text, multiline in TEXTS_AFTER:
            self._text(key, text, multiline, getattr(content, key))
        layout.addWidget(scrolling(self.body, frame=True), 1)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(
            self, self.tr("保存草稿"), self.submit
        )
        layout.addWidget(buttons)
        self.field("party_name").setFocus()

    # -- the party --------------------------------------------------------------------

    def chosen_party_type(self) -> PartyType:
        """The party type chosen in the form."""
        try:
            return PartyType(self.party_type.value())
        except ValueError:
            return PartyType.ORGANISATION

    def _show_party_fields(self) -> None:
        kind = self.chosen_party_type()
        for key in OPTIONAL_PARTY:
            self.body.set_row_visible(key, key in PARTY_FIELDS[kind])
            self.body.set_required(key, key in PARTY_REQUIRED[kind])

    def _party_type_changed(self) -> None:
        """Show the fields of the chosen type; the prefilled facts address the party anew."""
        self._show_party_fields()
        kind = self.chosen_party_type()
        facts = self.field("facts")
        assert isinstance(facts, TextField)
        text = readdress_facts(facts.value(), self._shown_type, kind)
        if text != facts.value():
            facts.set_value(text)
        self._shown_type = kind

    # -- the problem kind and its clauses -------------------------------------------------

    def _fill_problem_kinds(self, current: str) -> None:
        unit = self.workspace.actor.unit
        powers = self.workspace.rules.powers
        rows = offered_kinds(self.category, unit, self.clause_map, self.library, powers)
        if self.category is None:
            rows = list(self.clause_map.rows)
        items = []
        for row in rows:
            text = row.name
            if powers.laws_of(unit) and not owns_kind(unit, row, self.library, powers):
                text += self.tr("（非本机关职权，移送）")
            items.append((row.key, text))
        self.problem.set_items(items, current or None)

    def _problem_changed(self) -> None:
        """Cite what the chosen kind of problem brings (the user may still edit it)."""
        row = self.clause_map.get(self.problem.value())
        if row is None:
            return
        unit = self.workspace.actor.unit
        kind = NoticeKind(self.kind.value())
        content = apply_problem_kind(
            NoticeContent(),
            row,
            kind,
            unit,
            self.workspace.units,
            self.library,
            self.workspace.rules.powers,
        )
        self.clauses.set_ids(content.clause_ids)
        self.basis.set_ids(content.basis_ids)
        consequences = self.field("consequences")
        assert isinstance(consequences, TextField)
        consequences.set_value(content.consequences)

    def edit_clause_map(self) -> ClauseMapDialog:
        """Open the clause map editor (non-blocking); its rows are offered once saved."""
        editor = ClauseMapDialog(self.workspace.store, self)
        editor.saved.connect(self._map_saved)
        editor.open()
        self.map_editor = editor
        return editor

    def _map_saved(self) -> None:
        self.clause_map = load_clause_map(self.workspace.store)
        self._fill_problem_kinds(self.problem.value())

    def _text(self, key: str, text: object, multiline: bool, value: str) -> TextField:
        required = key in ISSUE_REQUIRED
        field = TextField(key, _tr(str(text)), multiline=multiline, required=required)
        field.set_value(value)
        self.body.add(field)
        return field

    def field(self, key: str) -> FormField:
        """The field of a payload key."""
        return self.body.field(key)

    def payload(self) -> dict[str, Any]:
        """What the form holds, as the action's payload."""
        data: dict[str, Any] = {}
        for field in self.body.fields:
            if isinstance(field, RectifyPeriodField):
                data.update(field.payload())
            elif field.key in OPTIONAL_PARTY and not self.body.row_visible(field.key):
                data[field.key] = ""  # a field of another type of party is not sent
            else:
                data[field.key] = field.value()
        return data

    def submit(self) -> None:
        """Save the draft; on refusal show why at the field and keep everything typed."""
        self.body.clear_errors()
        notice_id = self.state.notice_id if self.state is not None else None
        result = take(self.workspace, self.action, notice_id, self.clue_code, self.payload())
        if isinstance(result, NoticeError):
            show_notice_error(self.body, result)
            return
        self.done_action = result
        self.completed.emit(result)
        self.accept()


def _refused(parent: QWidget | None, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("NoticeForm", "不能起草通知书"))
    box.setText(text)
    box.open()
    return box


def open_draft(
    workspace: Workspace,
    clue_code: str,
    parent: QWidget | None = None,
    *,
    clue: ClueState | None = None,
) -> NoticeForm | QMessageBox:
    """Open (non-blocking) the draft form of a new notice on a clue, prefilled from it; a
    message box saying why when the rules do not let the user draft one."""
    clue = clue or clue_state_by_code(workspace.store, clue_code)
    reason = notice_refusal(NoticeAction.DRAFT, workspace.actor, None, clue)
    if reason is not None or clue is None:
        return _refused(parent, reason or "")
    kinds = draftable_kinds(workspace.actor, clue)
    content = draft_content_for_clue(
        workspace.store, clue_code, workspace.username, kinds[0], now=workspace.now()
    )
    form = NoticeForm(
        workspace,
        clue_code,
        content,
        kinds,
        parent,
        category=clue_category(workspace.store, clue_code),
    )
    form.open()
    return form


def open_edit(
    workspace: Workspace, state: NoticeState, parent: QWidget | None = None
) -> NoticeForm:
    """Open (non-blocking) the edit form of a draft."""
    clue = clue_state_by_code(workspace.store, state.clue_code)
    kinds = draftable_kinds(workspace.actor, clue) if clue is not None else []
    form = NoticeForm(
        workspace,
        state.clue_code,
        state.content,
        kinds or [state.kind],
        parent,
        state=state,
        category=clue_category(workspace.store, state.clue_code),
    )
    form.open()
    return form
