"""The notices of one clue, as a tab of the clue's detail: draft a new one, follow the others."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.domain.notices import NoticeAction, notice_refusal
from desktop.store.clue_detail import clue_state_by_code
from desktop.store.notices import LocalNoticeAction
from desktop.ui.notices.notice_form import NoticeForm, open_draft
from desktop.ui.notices.print_jobs import PrinterChooser, choose_printer
from desktop.ui.notices.printing import TargetFactory, target_for
from desktop.ui.notices.workbench import FolderChooser, NoticeWorkbench, choose_folder
from desktop.ui.workspace import Workspace


class NoticePanel(QWidget):
    """The notices of the clue shown by the detail panel (`show_clue`), with 起草通知书."""

    count_changed = Signal(int)
    """How many notices the clue has (for the tab's title), after each query."""
    action_taken = Signal(object)
    """A LocalNoticeAction just taken (drafts included)."""
    file_case_requested = Signal(str, str)
    """立案 on a notice found 逾期未整改: (clue code, notice id)."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        printer_chooser: PrinterChooser = choose_printer,
        target_factory: TargetFactory = target_for,
        folder_chooser: FolderChooser = choose_folder,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.clue_code: str | None = None
        self.form: NoticeForm | QMessageBox | None = None
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title = QLabel()
        header.addWidget(self.title, 1)
        self.draft_button = QPushButton(self.tr("起草通知书…"))
        self.draft_button.clicked.connect(self.start_draft)
        header.addWidget(self.draft_button)
        layout.addLayout(header)
        self.workbench = NoticeWorkbench(
            workspace,
            self,
            clue_code="",
            printer_chooser=printer_chooser,
            target_factory=target_factory,
            folder_chooser=folder_chooser,
        )
        layout.addWidget(self.workbench, 1)
        self._select_after_load: str | None = None
        self.workbench.count_changed.connect(self._counted)
        self.workbench.model.loaded.connect(self._after_load)
        self.workbench.action_taken.connect(self.action_taken)
        self.workbench.file_case_requested.connect(self.file_case_requested)
        workspace.events.clues_changed.connect(self._update_draft)
        self.show_clue(None)

    def show_clue(self, clue_code: str | None) -> None:
        """Show the notices of another clue (None: none)."""
        self.clue_code = clue_code
        self.workbench.model.set_scope(clue_code or "")
        self._update_draft()

    def draft_refusal(self) -> str | None:
        """Why the user may not draft a notice on the clue now (None: they may)."""
        if not self.clue_code:
            return self.tr("请选择一条线索")
        clue = clue_state_by_code(self.workspace.store, self.clue_code)
        return notice_refusal(NoticeAction.DRAFT, self.workspace.actor, None, clue)

    def _update_draft(self) -> None:
        reason = self.draft_refusal()
        self.draft_button.setEnabled(reason is None)
        self.draft_button.setToolTip(reason or self.tr("根据线索内容起草整改通知书"))

    def _counted(self, count: int) -> None:
        if self.clue_code:
            self.title.setText(self.tr("线索 {0} 的通知书：{1} 份").format(self.clue_code, count))
        else:
            self.title.setText("")
        self.count_changed.emit(count)

    def start_draft(self) -> NoticeForm | QMessageBox | None:
        """Open the draft form, prefilled from the clue (or say why not)."""
        if not self.clue_code:
            return None
        form = open_draft(self.workspace, self.clue_code, self)
        if isinstance(form, NoticeForm):
            form.completed.connect(self._drafted)
        self.form = form
        return form

    def _drafted(self, done: LocalNoticeAction) -> None:
        self._select_after_load = done.notice_id
        self.action_taken.emit(done)

    def _after_load(self) -> None:
        if self._select_after_load is not None:
            self.workbench.select(self._select_after_load)
            self._select_after_load = None
