"""The 处罚案件 tab of a clue: its penalty cases (read in a worker), the one selected with its
countdown and timeline, the buttons of the actions the user may take now, 立案 where the rules
allow it (else why not), and the preview and print of a decided case's 行政处罚决定书."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.cases import CaseAction
from desktop.store.cases import (
    CaseDetail,
    LocalCaseAction,
    case_actions_for,
    case_detail,
    cases_of_clue,
    filing_refusal_for,
)
from desktop.ui.cases.case_form import CaseForm, open_case_form
from desktop.ui.cases.case_view import CaseView
from desktop.ui.cases.decision_print import (
    DecisionRenderer,
    decision_render,
    render_case_decision,
)
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.labels import label
from desktop.ui.notices.preview import NoticePreview
from desktop.ui.notices.print_jobs import PrinterChooser, choose_printer
from desktop.ui.notices.printing import TargetFactory, target_for
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Workspace

log = logging.getLogger("cluedesk.ui.cases")

TICK_MS = 60_000
STEP_ACTIONS = tuple(a for a in CaseAction if a is not CaseAction.FILE)
"""The actions on an existing case, in the order of their buttons."""
HINT_STYLE = "color: #8a5a00;"


@dataclass(frozen=True)
class ClueCases:
    """What the tab shows of one clue, read in one worker task."""

    clue_code: str
    details: list[CaseDetail]
    actions: dict[str, list[CaseAction]] = field(default_factory=dict)
    refusal: str | None = None


class CasePanel(QWidget):
    """The penalty cases of the clue shown by the detail panel (`show_clue`)."""

    count_changed = Signal(int)
    """How many cases the clue has (for the tab's title), after each read."""
    loaded = Signal()
    """The clue's cases were read and are shown."""
    action_taken = Signal(object)
    """A LocalCaseAction just taken from here."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        printer_chooser: PrinterChooser = choose_printer,
        target_factory: TargetFactory = target_for,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.printer_chooser = printer_chooser
        self.target_factory = target_factory
        self.decision_renderer: DecisionRenderer = render_case_decision
        """Makes the 行政处罚决定书's PDF; tests put a renderer of their own here."""
        self.clue_code: str | None = None
        self.data: ClueCases | None = None
        self.case_id: str | None = None
        self._wanted: str | None = None
        self.form: CaseForm | QMessageBox | None = None
        self.preview: NoticePreview | None = None
        self.loading = False
        self._generation = 0
        layout = QVBoxLayout(self)
        top = QWidget()
        head = FlowLayout(top)
        self.title = QLabel()
        self.title.setObjectName("cases_title")
        self.file_button = QPushButton(self.tr("立案…"))
        self.file_button.setObjectName("case_file")
        self.file_button.clicked.connect(lambda: self.start_filing())
        head.addWidget(self.title)
        head.addWidget(self.file_button)
        layout.addWidget(top)
        self.hint = QLabel()
        self.hint.setObjectName("case_file_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.hide()
        layout.addWidget(self.hint)
        self.list = QListWidget()
        self.list.setObjectName("clue_cases")
        self.list.setAccessibleName(self.tr("本线索的处罚案件"))
        self.list.currentRowChanged.connect(self._row_changed)
        layout.addWidget(self.list)
        self.empty = QLabel(self.tr("本线索尚无处罚案件。发现违法行为的，可由有处罚权的单位立案。"))
        self.empty.setObjectName("cases_empty")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.view = CaseView(workspace)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.view)
        layout.addWidget(self.scroll_area, 1)
        bar_widget = QWidget()
        bar = FlowLayout(bar_widget)
        self.action_buttons: dict[CaseAction, QPushButton] = {}
        for action in STEP_ACTIONS:
            button = QPushButton(label(action) + "…")
            button.setObjectName(f"case_{action.value}")
            button.clicked.connect(lambda _checked=False, a=action: self.start_action(a))
            bar.addWidget(button)
            self.action_buttons[action] = button
        self.print_button = QPushButton(self.tr("预览/打印决定书…"))
        self.print_button.setObjectName("case_print")
        self.print_button.clicked.connect(self.print_decision)
        bar.addWidget(self.print_button)
        layout.addWidget(bar_widget)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.view.refresh_time(self.workspace.now()))
        self.timer.start()
        workspace.events.clues_changed.connect(self.reload)
        self._show()

    # -- loading --------------------------------------------------------------------------

    def show_clue(self, clue_code: str | None) -> None:
        """Show the cases of another clue (None: none)."""
        if clue_code != self.clue_code:
            self.case_id = None
            self.data = None
        self.clue_code = clue_code
        self.reload()

    def reload(self) -> None:
        """Read the clue's cases again (after an action or a sync), in a worker."""
        self._generation += 1
        generation, code = self._generation, self.clue_code
        if code is None:
            self.data = None
            self._show()
            return
        ws = self.workspace
        store, username, now = ws.store, ws.username, ws.now()
        self.loading = True
        self._update_buttons()

        def work(_task: Task[ClueCases]) -> ClueCases:
            details = []
            actions = {}
            for state in cases_of_clue(store, code):
                detail = case_detail(store, state.case_id, now=now)
                if detail is not None:
                    details.append(detail)
                    actions[state.case_id] = case_actions_for(store, username, state.case_id)
            return ClueCases(code, details, actions, filing_refusal_for(store, username, code))

        def done(data: ClueCases) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.loading = False
                self.data = data
                self._show()
                self.loaded.emit()

        def failed(exc: BaseException) -> None:
            log.error("could not read the cases of a clue", exc_info=exc)
            if shiboken6.isValid(self) and generation == self._generation:
                self.loading = False
                self.data = ClueCases(code, [], refusal=self.tr("无法读取本线索的处罚案件"))
                self._show()
                self.loaded.emit()

        run_task(work, done, failed, owner=self)

    # -- showing --------------------------------------------------------------------------

    def details(self) -> list[CaseDetail]:
        """The clue's cases shown, oldest first."""
        return list(self.data.details) if self.data is not None else []

    def current(self) -> CaseDetail | None:
        """The case selected."""
        return next((d for d in self.details() if d.state.case_id == self.case_id), None)

    def _show(self) -> None:
        details = self.details()
        code = self.clue_code or ""
        self.title.setText(
            self.tr("线索 {0} 的处罚案件：{1} 件").format(code, len(details)) if code else ""
        )
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for detail in details:
            state = detail.state
            text = self.tr("{0} · {1} · {2}").format(
                state.number, label(state.status), state.party.name
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, state.case_id)
            self.list.addItem(item)
        ids = [d.state.case_id for d in details]
        if self._wanted in ids:
            self.case_id, self._wanted = self._wanted, None
        if details and self.current() is None:
            self.case_id = details[-1].state.case_id
        self.list.setCurrentRow(ids.index(self.case_id) if self.case_id in ids else -1)
        self.list.blockSignals(blocked)
        self.list.setVisible(len(details) > 1)
        self.list.setMaximumHeight(self.list.sizeHintForRow(0) * 4 + 8 if details else 0)
        self.empty.setVisible(not details and bool(code))
        self.scroll_area.setVisible(bool(details))
        self.view.show_case(self.current())
        self._update_buttons()
        self.count_changed.emit(len(details))

    def _row_changed(self, row: int) -> None:
        details = self.details()
        if 0 <= row < len(details):
            self.case_id = details[row].state.case_id
            self.view.show_case(details[row])
            self._update_buttons()

    def select_case(self, case_id: str) -> bool:
        """Show one of the clue's cases; False when the clue has no such case."""
        ids = [d.state.case_id for d in self.details()]
        if case_id not in ids:
            self._wanted = case_id  # shown once the clue's cases are read
            return False
        self.list.setCurrentRow(ids.index(case_id))
        self._row_changed(ids.index(case_id))
        return True

    def filing_refusal(self) -> str | None:
        """Why the user may not file a case on the clue now (None: 立案 is offered)."""
        if not self.clue_code:
            return self.tr("请选择一条线索")
        if self.data is None:
            return self.tr("正在读取…")
        return self.data.refusal

    def allowed(self) -> list[CaseAction]:
        """The actions the user may take on the selected case now."""
        current = self.current()
        if current is None or self.data is None or self.loading:
            return []
        return list(self.data.actions.get(current.state.case_id, []))

    def _update_buttons(self) -> None:
        refusal = self.filing_refusal()
        self.file_button.setEnabled(refusal is None and not self.loading)
        self.file_button.setToolTip(refusal or self.tr("对本线索发现的违法行为立案查处"))
        show_hint = refusal is not None and self.data is not None and bool(self.clue_code)
        self.hint.setText(self.tr("不能立案：{0}").format(refusal) if show_hint else "")
        self.hint.setVisible(show_hint)
        allowed = set(self.allowed())
        for action, button in self.action_buttons.items():
            button.setVisible(action in allowed)
        current = self.current()
        self.print_button.setVisible(current is not None and current.state.decision is not None)

    # -- actions --------------------------------------------------------------------------

    def start_filing(self, notice_ids: Sequence[str] = ()) -> CaseForm | QMessageBox | None:
        """Open the 立案 form on the clue (linking `notice_ids`), or say why not."""
        if not self.clue_code:
            return None
        ws = self.workspace
        refusal = filing_refusal_for(ws.store, ws.username, self.clue_code)
        if refusal is not None:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("不能立案"),
                refusal,
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.open()
            self.form = box
            return box
        form = open_case_form(
            ws, CaseAction.FILE, self.clue_code, None, self, notice_ids=notice_ids
        )
        form.completed.connect(self._completed)
        self.form = form
        return form

    def start_action(self, action: CaseAction) -> CaseForm | None:
        """Open the form of an action on the selected case; return it."""
        current = self.current()
        if current is None or self.clue_code is None or action not in self.allowed():
            return None
        form = open_case_form(self.workspace, action, self.clue_code, current.state, self)
        form.completed.connect(self._completed)
        self.form = form
        return form

    def _completed(self, done: LocalCaseAction) -> None:
        self.case_id = done.case_id
        self.action_taken.emit(done)

    def print_decision(self) -> NoticePreview | None:
        """Preview the selected case's 行政处罚决定书 (rendered in a worker), to print or save."""
        current = self.current()
        if current is None or current.state.decision is None:
            return None
        title = current.state.decision.number
        render = decision_render(
            self.decision_renderer, self.workspace.store, current.state.case_id, title
        )
        preview = NoticePreview.show_new(
            render,
            title,
            self,
            printer_chooser=self.printer_chooser,
            target_factory=self.target_factory,
        )
        self.preview = preview
        return preview
