"""The notice list with what can be done to the notices selected: the follow-up actions,
preview, print and save as PDF (one or a batch). Shared by the clue's notice tab and the
文书 view."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.notices import (
    NoticeAction,
    NoticeState,
    NoticeStatus,
    allowed_notice_actions,
)
from desktop.store.cases import filing_refusal_for
from desktop.store.clue_detail import clue_state_by_code
from desktop.store.notices import LocalNoticeAction, load_notice
from desktop.ui.file_dialogs import Mode, Purpose, file_dialog
from desktop.ui.labels import label
from desktop.ui.notices.notice_actions import (
    FORM_ACTIONS,
    NoticeActionDialog,
    offer_case,
    open_notice_action,
)
from desktop.ui.notices.notice_form import NoticeForm, open_edit
from desktop.ui.notices.notice_list import Column, NoticeListModel
from desktop.ui.notices.preview import NoticePreview, pdf_save_dialog
from desktop.ui.notices.print_jobs import (
    BatchPrint,
    PrinterChooser,
    PrintItem,
    PrintResult,
    choose_printer,
)
from desktop.ui.notices.printing import FileTarget, FolderTarget, TargetFactory, target_for
from desktop.ui.notices.rendering import notice_title, print_item, renderer, state_title
from desktop.ui.table_export import ExportTitle, install_table_export
from desktop.ui.timeline import format_moment
from desktop.ui.workspace import Workspace

TICK_MS = 60_000
BUTTON_ACTIONS = tuple(
    a for a in FORM_ACTIONS if a not in (NoticeAction.FILE_CASE, NoticeAction.CLOSE_CASE)
)
"""The notice actions with a button: a penalty case is filed and closed as a case of its own
(the case tab), so the notice-level 立案 and 结案 are not offered any more."""
FolderChooser = Callable[[QWidget, Callable[[Path], None]], None]
"""Asks for a folder (non-blocking) and calls back with it; tests inject their own."""
FileChooser = Callable[[QWidget, str, Callable[[Path], None]], None]
"""Asks where to save one PDF, suggesting a file name (non-blocking); tests inject their own."""


def choose_folder(parent: QWidget, chosen: Callable[[Path], None]) -> None:
    """Open a folder dialog (non-blocking); `chosen` gets the folder picked."""
    title = QCoreApplication.translate("NoticeWorkbench", "选择保存文书的文件夹")
    dialog = file_dialog(parent, title, Purpose.SAVE_PDF_FOLDER, Mode.FOLDER)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.open()


def choose_pdf_file(parent: QWidget, suggested: str, chosen: Callable[[Path], None]) -> None:
    """Open a save dialog for one PDF (non-blocking); `chosen` gets the file named."""
    dialog = pdf_save_dialog(parent, suggested)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.open()


class NoticeWorkbench(QWidget):
    """Notices (one clue's, or all the user follows) with their actions and printing."""

    notice_selected = Signal(str)
    """The notice now selected ('' for none or several)."""
    action_taken = Signal(object)
    """A LocalNoticeAction just taken from here."""
    count_changed = Signal(int)
    """How many notices the list holds, after each query."""
    clue_requested = Signal(str)
    """A clue code the user asked to open (double click on a notice)."""
    file_case_requested = Signal(str, str)
    """立案 on a notice found 逾期未整改: (clue code, notice id) for the case filing form."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        clue_code: str | None = None,
        statuses: Collection[NoticeStatus] | None = None,
        printer_chooser: PrinterChooser = choose_printer,
        target_factory: TargetFactory = target_for,
        folder_chooser: FolderChooser = choose_folder,
        file_chooser: FileChooser = choose_pdf_file,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.printer_chooser = printer_chooser
        self.target_factory = target_factory
        self.folder_chooser = folder_chooser
        self.file_chooser = file_chooser
        self.state: NoticeState | None = None
        self.dialog: NoticeActionDialog | NoticeForm | None = None
        self.preview: NoticePreview | None = None
        self.job: BatchPrint | None = None
        self.last_result: PrintResult | None = None
        self.model = NoticeListModel(workspace, self, clue_code=clue_code, statuses=statuses)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.exporter = install_table_export(self.view, self.export_title, workspace, scope=self)
        layout.addWidget(self.view, 1)
        self.summary = QLabel()
        self.summary.setObjectName("noticeSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        bar = QHBoxLayout()
        self.action_buttons: dict[NoticeAction, QPushButton] = {}
        for action in (NoticeAction.EDIT, *BUTTON_ACTIONS):
            button = QPushButton(label(action) + "…")
            button.setObjectName(f"notice_{action.value}")
            button.clicked.connect(lambda _checked=False, a=action: self.start_action(a))
            bar.addWidget(button)
            self.action_buttons[action] = button
        self.case_button = QPushButton(self.tr("立案…"))
        self.case_button.setObjectName("notice_penalty_case")
        self.case_button.setToolTip(self.tr("以这份逾期未整改的通知书立案（行政处罚案件）"))
        self.case_button.clicked.connect(self.file_case)
        bar.addWidget(self.case_button)
        bar.addStretch(1)
        self.preview_button = QPushButton(self.tr("预览"))
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为PDF…"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.print_button.clicked.connect(self.print_selected)
        self.save_button.clicked.connect(self.save_selected)
        for button in (self.preview_button, self.print_button, self.save_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.status_label = QLabel()
        self.status_label.setObjectName("noticeStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status_label)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.doubleClicked.connect(self._double_clicked)
        self.model.loaded.connect(self._loaded)
        workspace.events.clues_changed.connect(self.refresh)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.model.tick(self.workspace.now()))
        self.timer.start()
        self._update_buttons()

    # -- the list -------------------------------------------------------------------------

    def export_title(self) -> ExportTitle:
        """The notice list's title for Excel and print (a clue's notices name the clue)."""
        code = self.model.clue_code
        filters = (self.tr("线索 {0}").format(code),) if code else ()
        return ExportTitle(self.tr("文书清单"), filters, self.tr("文书"))

    def refresh(self) -> None:
        """Query the notices again (the selection is kept where it still exists)."""
        self.model.refresh()

    def _loaded(self) -> None:
        keep = self.state.notice_id if self.state is not None else None
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(Column.PARTY, min(self.view.columnWidth(Column.PARTY), 240))
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select(keep)
        else:
            self._selection_changed()
        self.count_changed.emit(self.model.rowCount())

    def select(self, notice_id: str) -> bool:
        """Select a notice of the list; False when it is not shown."""
        row = self.model.row_of(notice_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self._selection_changed()
        return True

    def selected_ids(self) -> list[str]:
        """The notices selected, in list order."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.notice_id(row) for row in rows]

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.state = load_notice(self.workspace.store, ids[0]) if len(ids) == 1 else None
        self.summary.setText(self._summary(self.state) if self.state is not None else "")
        self._update_buttons()
        self.notice_selected.emit(self.state.notice_id if self.state is not None else "")

    def _double_clicked(self) -> None:
        if self.state is not None:
            self.clue_requested.emit(self.state.clue_code)

    def _summary(self, state: NoticeState) -> str:
        parts = [
            self.tr("{0}，{1}").format(state_title(state), label(state.status)),
            self.tr("当事人：{0}").format(state.content.party_name or "—"),
        ]
        if state.rectify_deadline is not None:
            parts.append(self.tr("整改期限：{0}").format(format_moment(state.rectify_deadline)))
        if state.service is not None:
            parts.append(
                self.tr("{0}：{1}，签收人 {2}").format(
                    label(state.service.method),
                    format_moment(state.service.served_at),
                    state.service.recipient,
                )
            )
        if state.reinspected_at is not None:
            parts.append(
                self.tr("复查：{0}，{1}").format(
                    format_moment(state.reinspected_at), state.reinspection_note
                )
            )
        if state.case_number:
            parts.append(self.tr("立案编号：{0}").format(state.case_number))
        if state.case_result:
            parts.append(self.tr("结案情况：{0}").format(state.case_result))
        return self.tr("；").join(parts)

    # -- actions --------------------------------------------------------------------------

    def allowed(self) -> list[NoticeAction]:
        """The actions the user may take on the notice selected, now."""
        if self.state is None:
            return []
        clue = clue_state_by_code(self.workspace.store, self.state.clue_code)
        return allowed_notice_actions(self.workspace.actor, self.state, clue)

    def _update_buttons(self) -> None:
        allowed = set(self.allowed())
        for action, button in self.action_buttons.items():
            button.setVisible(action in allowed)
        self.case_button.setVisible(self.may_file_case())
        selected = bool(self.selected_ids())
        busy = self.job is not None
        self.preview_button.setEnabled(self.state is not None)
        self.print_button.setEnabled(selected and not busy)
        self.save_button.setEnabled(selected and not busy)

    def start_action(self, action: NoticeAction) -> NoticeActionDialog | NoticeForm | None:
        """Open the form of an action on the notice selected; return it."""
        if self.state is None or action not in self.allowed():
            return None
        dialog: NoticeActionDialog | NoticeForm
        if action is NoticeAction.EDIT:
            dialog = open_edit(self.workspace, self.state, self)
        else:
            dialog = open_notice_action(self.workspace, action, self.state, self)
        dialog.completed.connect(self._completed)
        self.dialog = dialog
        return dialog

    def _completed(self, done: LocalNoticeAction) -> None:
        self.action_taken.emit(done)
        after = done.state
        if done.outcome.action is NoticeAction.REINSPECT:
            if self.may_file_case(after):
                box = offer_case(after, self)
                box.accepted.connect(lambda: self._file_case(after.notice_id))

    def _file_case(self, notice_id: str) -> None:
        state = load_notice(self.workspace.store, notice_id)
        if state is not None and self.may_file_case(state):
            self.file_case_requested.emit(state.clue_code, notice_id)

    def may_file_case(self, state: NoticeState | None = None) -> bool:
        """Whether a notice (default: the one selected) offers 立案: found 逾期未整改, and
        the user's unit may file a case on its clue."""
        state = state or self.state
        if state is None or state.status is not NoticeStatus.NOT_RECTIFIED:
            return False
        ws = self.workspace
        try:
            return filing_refusal_for(ws.store, ws.username, state.clue_code) is None
        except LookupError:
            return False

    def file_case(self) -> None:
        """Ask for the case filing form with the selected notice linked (the penalty case is
        a record of its own: the old notice-level 立案 stays only for existing data)."""
        if self.state is not None and self.may_file_case():
            self.file_case_requested.emit(self.state.clue_code, self.state.notice_id)

    # -- preview, print, save -------------------------------------------------------------

    def preview_selected(self) -> NoticePreview | None:
        """Preview the notice selected (rendered in a worker)."""
        if self.state is None:
            return None
        preview = NoticePreview.show_new(
            renderer(self.workspace, self.state.notice_id),
            state_title(self.state),
            self,
            printer_chooser=self.printer_chooser,
            target_factory=self.target_factory,
        )
        self.preview = preview
        return preview

    def _items(self, ids: list[str]) -> list[PrintItem]:
        items = []
        for notice_id in ids:
            row = self.model.row_by_id(notice_id)
            title = notice_title(row.number, label(row.kind)) if row is not None else notice_id
            items.append(print_item(self.workspace, notice_id, title))
        return items

    def print_selected(self) -> None:
        """Ask for a printer, then print every notice selected (with progress)."""
        if self.selected_ids() and self.job is None:
            self.printer_chooser(self, lambda printer: self._print_chosen(printer))

    def print_to(self, printer: QPrinter, ids: list[str] | None = None) -> BatchPrint | None:
        """Print notices (default: those selected) on `printer`."""
        ids = ids if ids is not None else self.selected_ids()
        if not ids or self.job is not None:
            return None
        return self._run(BatchPrint(self._items(ids), self.target_factory(printer), self))

    def save_selected(self) -> None:
        """Save the notices selected as PDF: one asks for a file name (as the preview does),
        several for a folder that receives one file per notice, named by its number."""
        ids = self.selected_ids()
        if not ids or self.job is not None:
            return
        if len(ids) == 1:
            items = self._items(ids)
            self.file_chooser(self, items[0].title + ".pdf", self._save_as_chosen)
        else:
            self.folder_chooser(self, lambda folder: self._save_chosen(folder))

    def save_to(self, folder: Path, ids: list[str] | None = None) -> BatchPrint | None:
        """Save notices (default: those selected) as PDF files into `folder`."""
        ids = ids if ids is not None else self.selected_ids()
        if not ids or self.job is not None:
            return None
        job = BatchPrint(self._items(ids), FolderTarget(folder), self, saving=True)
        return self._run(job)

    def save_as(self, path: Path) -> BatchPrint | None:
        """Save the one notice selected as the PDF file `path`."""
        ids = self.selected_ids()
        if len(ids) != 1 or self.job is not None:
            return None
        job = BatchPrint(self._items(ids), FileTarget(path), self, saving=True)
        return self._run(job)

    def _print_chosen(self, printer: QPrinter) -> None:
        self.print_to(printer)

    def _save_chosen(self, folder: Path) -> None:
        self.save_to(folder)

    def _save_as_chosen(self, path: Path) -> None:
        self.save_as(path)

    def _run(self, job: BatchPrint) -> BatchPrint:
        self.job = job
        job.finished.connect(self._job_done)
        self._update_buttons()
        job.start()
        return job

    def _job_done(self, result: PrintResult) -> None:
        self.job = None
        self.last_result = result
        self.status_label.setText(result.text())
        self._update_buttons()
