"""导入线索清单: pick a channel's list and its channel, map its columns, see every row's result
before anything is written, then queue the whole valid rows for the platform."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.codes import Channel
from desktop.domain.import_mapping import (
    header_matcher,
    mapping_of,
    missing_required,
    resolve_columns,
)
from desktop.domain.import_rows import RowResult, count_results
from desktop.domain.import_table import ImportTable
from desktop.store.clue_import import preview_import, queue_import, remembered_mapping
from desktop.store.import_files import ImportFileError, read_table
from desktop.ui.actions import describe_error, show_error
from desktop.ui.file_dialogs import Mode, Purpose, file_dialog
from desktop.ui.intake_import.mapping_editor import MappingEditor
from desktop.ui.intake_import.report_model import RowReportModel
from desktop.ui.labels import field_title, label
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Workspace

log = logging.getLogger("cluedesk.ui.import")

DEFAULT_CHANNEL = Channel.HOTLINE_12345
"""The list most often imported: the 12345 hotline's daily work orders."""


class ImportDialog(QDialog):
    """The import of a channel's list; emits `imported(provisional codes)` once queued."""

    imported = Signal(tuple)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.path: Path | None = None
        self.table: ImportTable | None = None
        self.results: tuple[RowResult, ...] = ()
        self.queued = False
        self.busy = False
        self._generation = 0
        self.setWindowTitle(self.tr("导入线索清单"))
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("选择 .xlsx 或 .csv 清单文件"))
        self.choose_button = QPushButton(self.tr("选择文件(&O)…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        self.channel_combo = QComboBox()
        for channel in Channel:
            self.channel_combo.addItem(label(channel), channel.value)
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(DEFAULT_CHANNEL.value))
        self.channel_combo.currentIndexChanged.connect(self._channel_changed)
        form = QFormLayout()
        form.addRow(self.tr("清单文件"), file_row)
        form.addRow(self.tr("举报途径"), self.channel_combo)
        self.sheet_label = QLabel()
        self.sheet_label.setWordWrap(True)
        form.addRow("", self.sheet_label)
        self.mapping = MappingEditor()
        self.mapping.changed.connect(self.refresh)
        mapping_box = QGroupBox(self.tr("列对应关系（下次导入此途径的清单时沿用）"))
        QVBoxLayout(mapping_box).addWidget(self.mapping)
        self.summary = QLabel(self.tr("请选择清单文件。"))
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.model = RowReportModel()
        self.view = QTableView()
        self.view.setObjectName("import_report")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.progress = QProgressBar()
        self.progress.hide()
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            self.tr("导出报告(&E)…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(self.choose_report_file)
        self.import_button = buttons.addButton(
            self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = buttons.addButton(
            self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(mapping_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self._update_buttons()
        fit_to_screen(self, QSize(960, 680))

    # -- the file --------------------------------------------------------------------------

    @property
    def channel(self) -> Channel:
        """The channel the list came from."""
        return Channel(self.channel_combo.currentData())

    def choose_file(self) -> QDialog:
        """Ask for the list's file (non-blocking; the dialog is returned for tests)."""
        dialog = file_dialog(
            self,
            self.tr("选择线索清单"),
            Purpose.IMPORT_LIST,
            Mode.OPEN_FILE,
            name_filters=[self.tr("表格文件 (*.xlsx *.xlsm *.csv)"), self.tr("所有文件 (*)")],
        )
        dialog.fileSelected.connect(lambda name: self.load_file(Path(name)))
        dialog.open()
        return dialog

    def load_file(self, path: Path) -> None:
        """Read a list (in the background), then map its columns and check its rows."""
        self.path = path
        self.file_edit.setText(path.name)
        self.file_edit.setToolTip(str(path))
        self.table = None
        self.queued = False
        self.results = ()
        self.model.set_results(())
        self.summary.setText(self.tr("正在读取 {0}…").format(path.name))
        self._generation += 1
        generation = self._generation
        store, channel = self.workspace.store, self.channel

        def work(
            _task: Task[tuple[ImportTable, str, dict[str, int | None]]],
        ) -> tuple[ImportTable, str, dict[str, int | None]]:
            remembered = remembered_mapping(store, channel)
            table, sheet = read_table(path, header_matcher(remembered))
            return table, sheet, resolve_columns(table.headers, channel, remembered)

        def loaded(read: tuple[ImportTable, str, dict[str, int | None]]) -> None:
            if generation != self._generation:
                return
            table, sheet, columns = read
            self.table = table
            self.mapping.set_columns(table.headers, columns)
            first, last = table.header_rows
            rows = f"{first}" if first == last else f"{first}–{last}"
            where = self.tr("工作表“{0}”，").format(sheet) if sheet else ""
            self.sheet_label.setText(
                self.tr("{0}表头在第 {1} 行，数据 {2} 行。").format(where, rows, len(table.rows))
            )
            self.refresh()

        run_task(work, loaded, self._read_failed, owner=self)
        self._update_buttons()

    def _read_failed(self, exc: BaseException) -> None:
        self.table = None
        self.sheet_label.clear()
        if isinstance(exc, ImportFileError):
            self.summary.setText(self.tr("无法导入：{0}").format(str(exc)))
        else:
            log.warning("reading an import file failed: %s", type(exc).__name__)
            self.summary.setText(self.tr("无法导入：{0}").format(describe_error(exc).message))
        self._update_buttons()

    def _channel_changed(self) -> None:
        if self.path is not None and not self.busy:
            self.load_file(self.path)  # the channel's own remembered mapping

    # -- the report ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Check every row with the current mapping (in the background), writing nothing."""
        if self.table is None or self.busy:
            return
        self.queued = False
        self._generation += 1
        generation = self._generation
        table, channel, columns = self.table, self.channel, self.mapping.columns()
        workspace = self.workspace
        now = workspace.now()

        def work(_task: Task[tuple[RowResult, ...]]) -> tuple[RowResult, ...]:
            return preview_import(
                workspace.store,
                workspace.username,
                workspace.device_id,
                table,
                channel,
                columns,
                now,
            )

        def checked(results: tuple[RowResult, ...]) -> None:
            if generation == self._generation:
                self._show(results)

        self.summary.setText(self.tr("正在检查…"))
        run_task(work, checked, self._check_failed, owner=self)

    def _check_failed(self, exc: BaseException) -> None:
        error = describe_error(exc)
        self.summary.setText(self.tr("无法检查：{0}").format(error.message))
        self._update_buttons()

    def _show(self, results: Sequence[RowResult]) -> None:
        self.results = tuple(results)
        self.model.set_results(self.results)
        counts = count_results(self.results)
        if self.queued:
            text = self.tr(
                "已导入 {0} 行，将在下次同步时登记到市平台；拒绝 {1} 行，重复 {2} 行。"
            ).format(counts.accepted, counts.rejected, counts.duplicate)
        else:
            text = self.tr("共 {0} 行：可导入 {1} 行，拒绝 {2} 行，重复 {3} 行。").format(
                counts.total, counts.accepted, counts.rejected, counts.duplicate
            )
        missing = missing_required(self.mapping.columns())
        if missing and not self.queued:
            names = self.tr("、").join(field_title(f.key) for f in missing)
            text += " " + self.tr("请为必填字段选择列：{0}").format(names)
        self.summary.setText(text)
        self._update_buttons()

    def accepted_count(self) -> int:
        """How many rows the import would queue."""
        return count_results(self.results).accepted

    def _update_buttons(self) -> None:
        ready = self.table is not None and not self.busy and not self.queued
        accepted = self.accepted_count() if ready else 0
        self.import_button.setText(
            self.tr("导入 {0} 行").format(accepted) if accepted else self.tr("导入")
        )
        self.import_button.setEnabled(ready and accepted > 0)
        self.export_button.setEnabled(bool(self.results) and not self.busy)
        self.choose_button.setEnabled(not self.busy)
        self.channel_combo.setEnabled(not self.busy)
        self.mapping.setEnabled(not self.busy and not self.queued)
        self.close_button.setEnabled(not self.busy)

    # -- importing -------------------------------------------------------------------------

    def start_import(self) -> None:
        """Queue the whole valid rows (all in one transaction) and show the final report."""
        if self.table is None or self.busy or self.queued or not self.accepted_count():
            return
        table, channel, columns = self.table, self.channel, self.mapping.columns()
        mapping = mapping_of(table.headers, columns, channel)
        workspace = self.workspace
        now = workspace.now()
        total = self.accepted_count()

        def work(task: Task[tuple[RowResult, ...]]) -> tuple[RowResult, ...]:
            return queue_import(
                workspace.store,
                workspace.username,
                workspace.device_id,
                table,
                channel,
                columns,
                now,
                mapping=mapping,
                progress=lambda done, count: task.report("", done, count),
            )

        self.busy = True
        self._generation += 1
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("正在导入 %v / %m 行"))
        self.progress.show()
        self._update_buttons()
        run_task(
            work,
            self._imported,
            self._import_failed,
            lambda _phase, done, _count: self.progress.setValue(done),
            owner=self,
        )

    def _imported(self, results: tuple[RowResult, ...]) -> None:
        self.busy = False
        self.queued = True
        self.progress.hide()
        self._show(results)
        codes = tuple(r.clue_code for r in results if r.status.value == "accepted")
        log.info("imported %d rows of a %s list", len(codes), self.channel.value)
        self.workspace.events.clues_changed.emit()
        self.imported.emit(codes)

    def _import_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.progress.hide()
        self._update_buttons()
        show_error(self, describe_error(exc))

    # -- the report file -------------------------------------------------------------------

    def choose_report_file(self) -> QDialog:
        """Ask where to save the report as .xlsx (non-blocking; returned for tests)."""
        stem = self.path.stem if self.path is not None else self.tr("清单")
        dialog = file_dialog(
            self,
            self.tr("导出导入报告"),
            Purpose.EXPORT_TABLE,
            Mode.SAVE_FILE,
            file_name=self.tr("{0}_导入报告.xlsx").format(stem),
            name_filters=[self.tr("Excel 工作簿 (*.xlsx)")],
        )
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(lambda name: self.export_report(Path(name)))
        dialog.open()
        return dialog

    def export_report(self, target: Path) -> bool:
        """Write the report shown to `target` (.xlsx); False (after saying why) on failure."""
        name = self.path.name if self.path is not None else ""
        try:
            from desktop.reports.import_report import write_import_report  # openpyxl

            write_import_report(target, self.results, name, self.channel, self.workspace.now())
        except OSError as exc:
            show_error(self, describe_error(exc))
            return False
        self.summary.setText(
            self.summary.text() + " " + self.tr("报告已导出到 {0}。").format(target.name)
        )
        return True

    def reject(self) -> None:
        """Close (not while importing)."""
        if not self.busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Refuse to close while importing."""
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)
