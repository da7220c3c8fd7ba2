"""The 文书 view of the window: every notice the user's unit follows, filtered by follow-up
state, with batch print and save."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.notices import NoticeStatus
from desktop.ui.notices.print_jobs import PrinterChooser, choose_printer
from desktop.ui.notices.printing import TargetFactory, target_for
from desktop.ui.notices.workbench import (
    FileChooser,
    FolderChooser,
    NoticeWorkbench,
    choose_folder,
    choose_pdf_file,
)
from desktop.ui.table_export import ExportTitle
from desktop.ui.workspace import Workspace

S = NoticeStatus
FILTERS: tuple[tuple[object, frozenset[NoticeStatus]], ...] = (
    (QT_TRANSLATE_NOOP("NoticesView", "跟进中（已签发、已送达）"), frozenset({S.ISSUED, S.SERVED})),
    (QT_TRANSLATE_NOOP("NoticesView", "全部"), frozenset()),
    (QT_TRANSLATE_NOOP("NoticesView", "草稿"), frozenset({S.DRAFT})),
    (QT_TRANSLATE_NOOP("NoticesView", "已整改"), frozenset({S.RECTIFIED})),
    (QT_TRANSLATE_NOOP("NoticesView", "逾期未整改"), frozenset({S.NOT_RECTIFIED})),
    (QT_TRANSLATE_NOOP("NoticesView", "立案查处"), frozenset({S.CASE_FILED, S.CASE_CLOSED})),
)
"""The follow-up filters, the first one shown at start."""


class NoticesView(QWidget):
    """All notices the user follows, with their countdowns; double click opens the clue."""

    clue_requested = Signal(str)
    """A clue code to show in the queue / detail."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        printer_chooser: PrinterChooser = choose_printer,
        target_factory: TargetFactory = target_for,
        folder_chooser: FolderChooser = choose_folder,
        file_chooser: FileChooser = choose_pdf_file,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("跟进状态：")))
        self.filter_combo = QComboBox()
        for text, _statuses in FILTERS:
            self.filter_combo.addItem(QCoreApplication.translate("NoticesView", str(text)))
        row.addWidget(self.filter_combo)
        self.count_label = QLabel()
        row.addWidget(self.count_label, 1)
        layout.addLayout(row)
        self.workbench = NoticeWorkbench(
            workspace,
            self,
            statuses=FILTERS[0][1],
            printer_chooser=printer_chooser,
            target_factory=target_factory,
            folder_chooser=folder_chooser,
            file_chooser=file_chooser,
        )
        layout.addWidget(self.workbench, 1)
        self.filter_combo.currentIndexChanged.connect(self._filter)
        self.workbench.count_changed.connect(
            lambda n: self.count_label.setText(self.tr("共 {0} 份").format(n))
        )
        self.workbench.clue_requested.connect(self.clue_requested)
        self.workbench.exporter.set_title(self.export_title)
        self.workbench.exporter.add_scope(self)
        self.workbench.refresh()

    def export_title(self) -> ExportTitle:
        """The notice list's title for Excel and print, with its follow-up filter."""
        chosen = self.filter_combo.currentIndex()
        filters = (self.filter_combo.currentText(),) if FILTERS[chosen][1] else ()
        return ExportTitle(self.tr("文书清单"), filters, self.tr("文书"))

    def _filter(self, index: int) -> None:
        self.workbench.model.set_scope(None, FILTERS[index][1])

    def refresh(self) -> None:
        """Query the notices again."""
        self.workbench.refresh()
