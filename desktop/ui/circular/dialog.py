"""The compose dialog of the monthly circular (月度通报, Ctrl+Alt+T): month, scope, the units
named for praise or criticism, the number; 预览, 保存PDF, 导出Excel and 打印.

The figures are computed in a worker (`desktop.store.circular.circular_data`) whenever the
month or the scope changes; rendering and writing run in workers too. The number field holds
the next number of the office's circular block; it is taken from the block only when a
circular is saved or printed with it unchanged (a typed number is used as typed, an empty
field prints a draft).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.circular import Mention, Month, Naming, Namings
from desktop.domain.notice_numbers import parse_number
from desktop.domain.timeutil import to_china
from desktop.reports.circular import render_circular, write_circular_workbook
from desktop.store.circular import (
    OFFICE_SUFFIX,
    CircularData,
    circular_data,
    next_circular_number,
    take_circular_number,
)
from desktop.store.clue_rows import load_directory
from desktop.ui.file_dialogs import Mode, Purpose, file_dialog
from desktop.ui.notices.preview import NoticePreview, pdf_save_dialog
from desktop.ui.notices.print_jobs import PrinterChooser, Render, choose_printer
from desktop.ui.notices.printing import TargetFactory, safe_file_name, target_for
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Workspace

log = logging.getLogger("cluedesk.ui.circular")

MONTHS_BACK = 24
"""How many months the month list offers (the last whole month first)."""


def months_before(today: date, count: int = MONTHS_BACK) -> list[Month]:
    """The whole months before `today`'s, latest first, then the current month last."""
    found = []
    year, month = today.year, today.month
    for _ in range(count):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        found.append(Month(year, month))
    return [*found, Month(today.year, today.month)]


@dataclass(frozen=True)
class Scope:
    """A scope the user may compose for: the city (county None) or one county."""

    county: str | None
    label: str


def scopes_for(workspace: Workspace) -> list[Scope]:
    """The city's circular and every county's for a user of the whole city, else the
    user's own county's."""
    unit = workspace.actor.unit
    with workspace.store.session() as session:
        directory = load_directory(session)
    counties = sorted(
        (u for u in directory.values() if u.dispatches and u.code == u.county_code),
        key=lambda u: u.code,
    )
    if unit.county_code is None:
        city = QCoreApplication.translate("CircularDialog", "全市（各县区）")
        return [Scope(None, city), *(Scope(u.code, _area(u.name)) for u in counties)]
    return [Scope(u.code, _area(u.name)) for u in counties if u.code == unit.county_code]


def _area(name: str) -> str:
    return name.removesuffix(OFFICE_SUFFIX) or name


class CircularDialog(QDialog):
    """Compose, preview, save, export and print the monthly circular."""

    computed = Signal(object)
    """The CircularData of the chosen month and scope, once computed."""
    saved = Signal(object)
    """The path of a PDF or workbook written."""

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
        self.data: CircularData | None = None
        self.peeked: str | None = None
        self.taken: str | None = None
        self.error = ""
        self.preview: NoticePreview | None = None
        self.file_dialog: QFileDialog | None = None
        self._generation = 0
        self.setWindowTitle(self.tr("月度通报"))
        fit_to_screen(self, QSize(900, 700))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.month_combo = QComboBox()
        for month in months_before(to_china(workspace.now()).date()):
            self.month_combo.addItem(month.label, month)
        self.scope_combo = QComboBox()
        for scope in scopes_for(workspace):
            self.scope_combo.addItem(scope.label, scope.county)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("（草稿，未编号）"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today = to_china(workspace.now()).date()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        form.addRow(self.tr("通报月份(&M)："), self.month_combo)
        form.addRow(self.tr("通报范围(&R)："), self.scope_combo)
        form.addRow(self.tr("文号(&N)："), self.number_edit)
        form.addRow(self.tr("成文日期(&D)："), self.date_edit)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("表扬和批评（选择要点名的单位，可写一句说明）：")))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("单位"), self.tr("点名"), self.tr("说明")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("预览(&V)"))
        self.pdf_button = QPushButton(self.tr("保存PDF(&S)…"))
        self.xlsx_button = QPushButton(self.tr("导出Excel(&E)…"))
        self.print_button = QPushButton(self.tr("打印(&P)…"))
        self.close_button = QPushButton(self.tr("关闭"))
        for button in (
            self.preview_button,
            self.pdf_button,
            self.xlsx_button,
            self.print_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.preview_button.clicked.connect(self.open_preview)
        self.pdf_button.clicked.connect(self.ask_pdf)
        self.xlsx_button.clicked.connect(self.ask_xlsx)
        self.print_button.clicked.connect(self.print_circular)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_circular)
        self.month_combo.currentIndexChanged.connect(self.recompute)
        self.scope_combo.currentIndexChanged.connect(self.recompute)
        self._set_ready(False)
        self.recompute()

    # -- the data --------------------------------------------------------------------------

    @property
    def month(self) -> Month:
        """The month chosen."""
        month: Month = self.month_combo.currentData()
        return month

    @property
    def county(self) -> str | None:
        """The county chosen (None: the city's circular)."""
        value = self.scope_combo.currentData()
        return value or None

    def recompute(self) -> None:
        """Compute the chosen month and scope's figures in a worker."""
        self._generation += 1
        generation = self._generation
        self.data = None
        self._set_ready(False)
        self.progress.setVisible(True)
        self.status_label.setText(self.tr("正在统计{0}的数据…").format(self.month.label))
        store, month, county = self.workspace.store, self.month, self.county
        now = self.workspace.now()

        def work(_task: Task[CircularData]) -> CircularData:
            return circular_data(store, month, now, county=county)

        run_task(
            work,
            lambda data: self._computed(generation, data),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _computed(self, generation: int, data: CircularData) -> None:
        if generation != self._generation:
            return  # the user chose another month or scope meanwhile
        self.data = data
        self.progress.setVisible(False)
        self._fill_table(data)
        self._fill_number(data)
        first = data.rows[0].name if data.rows and data.rows[0].score is not None else "—"
        synced = (
            self.tr("数据截至 {0} 同步").format(f"{data.synced_at:%m-%d %H:%M}")
            if data.synced_at is not None
            else self.tr("本机数据尚未同步")
        )
        self.status_label.setText(
            self.tr("{title}：{rows} 个单位，综合得分第一：{first}；{synced}。").format(
                title=data.title, rows=len(data.rows), first=first, synced=synced
            )
        )
        self._set_ready(True)
        self.computed.emit(data)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.progress.setVisible(False)
        self.error = self.tr("无法统计通报数据：{0}").format(exc)
        self.status_label.setText(self.error)

    def _fill_table(self, data: CircularData) -> None:
        chosen = {n.unit_code: n for n in self.namings().items}
        self.table.setRowCount(len(data.rows))
        for index, row in enumerate(data.rows):
            item = QTableWidgetItem(row.name)
            item.setData(Qt.ItemDataRole.UserRole, row.code)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(index, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr("不点名"), None)
            combo.addItem(self.tr("表扬"), Mention.PRAISE)
            combo.addItem(self.tr("批评"), Mention.CRITICISM)
            before = chosen.get(row.code)
            if before is not None:
                combo.setCurrentIndex(1 if before.mention is Mention.PRAISE else 2)
            self.table.setCellWidget(index, 1, combo)
            self.table.setItem(index, 2, QTableWidgetItem(before.sentence if before else ""))

    def _fill_number(self, data: CircularData) -> None:
        if self.taken is not None:
            return  # this dialog's circular already took its number
        year = self.date_edit.date().year()
        self.peeked = None
        if self.workspace.actor.unit.code == data.area_code:  # the office's own block
            self.peeked = next_circular_number(self.workspace.store, data.area_code, year)
        self.number_edit.setText(self.peeked or "")

    def namings(self) -> Namings:
        """The units the user chose to name, with their sentences, in the table's order."""
        found = []
        for index in range(self.table.rowCount()):
            combo = self.table.cellWidget(index, 1)
            unit = self.table.item(index, 0)
            if not isinstance(combo, QComboBox) or unit is None:
                continue
            mention = combo.currentData()
            if mention is None:
                continue
            sentence = self.table.item(index, 2)
            text = sentence.text().strip() if sentence is not None else ""
            code = str(unit.data(Qt.ItemDataRole.UserRole))
            found.append(Naming(code, Mention(mention), text))  # Qt hands the value back
        return Namings.build(found)

    def choose(self, unit_code: str, mention: Mention | None, sentence: str = "") -> None:
        """Name a unit of the table for praise or criticism (None: not at all)."""
        for index in range(self.table.rowCount()):
            item = self.table.item(index, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == unit_code:
                combo = self.table.cellWidget(index, 1)
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex({None: 0, Mention.PRAISE: 1, Mention.CRITICISM: 2}[mention])
                self.table.setItem(index, 2, QTableWidgetItem(sentence))
                return
        raise LookupError(unit_code)

    def issued_on(self) -> date:
        """The date the circular is signed."""
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def final_data(self, *, take: bool) -> CircularData | None:
        """The circular as it prints: the namings of the table, the number of the field (taken
        from the block when `take` and the field still shows the block's next number). None,
        with the reason in the status line, when the number is not a valid one."""
        if self.data is None:
            return None
        text = self.number_edit.text().strip()
        if text and parse_number(text) is None:
            self.error = self.tr("文号「{0}」无效，应写作 海攻坚通〔2026〕3号").format(text)
            self.status_label.setText(self.error)
            self.number_edit.setFocus()
            return None
        number: str | None = text or None
        if take and text and text == self.peeked and self.taken is None:
            number = take_circular_number(
                self.workspace.store, self.data.area_code, self.issued_on().year
            )
            self.taken = number
            self.peeked = None
            self.number_edit.setText(number or "")
        return self.data.with_namings(self.namings()).with_number(number)

    def _set_ready(self, ready: bool) -> None:
        for button in (self.preview_button, self.pdf_button, self.xlsx_button, self.print_button):
            button.setEnabled(ready)

    # -- preview, save, export, print --------------------------------------------------------

    def _render(self, data: CircularData, issued: date) -> Render:
        def render(folder: Path) -> Path:
            path = folder / (safe_file_name(data.number or data.title) + ".pdf")
            render_circular(data, path, issued)
            return path

        return render

    def open_preview(self, *, take: bool = False) -> NoticePreview | None:
        """Show the circular's pages (rendered in a worker), with print and save."""
        data = self.final_data(take=take)
        if data is None:
            return None
        render = self._render(data, self.issued_on())
        self.preview = NoticePreview.show_new(
            render,
            data.number or data.title,
            self,
            printer_chooser=self.printer_chooser,
            target_factory=self.target_factory,
        )
        return self.preview

    def print_circular(self) -> NoticePreview | None:
        """Print the circular (its number taken): the preview opens and asks for a printer."""
        preview = self.open_preview(take=True)
        if preview is not None:
            preview.rendered.connect(lambda _pdf: preview.print_notice())
        return preview

    def ask_pdf(self) -> QFileDialog | None:
        """Ask where to save the PDF (non-blocking), then write it in a worker."""
        if self.data is None:
            return None
        dialog = pdf_save_dialog(self, self.data.title + ".pdf")
        dialog.fileSelected.connect(lambda name: self.save_pdf(Path(name)))
        dialog.open()
        self.file_dialog = dialog
        return dialog

    def save_pdf(self, path: Path) -> None:
        """Write the PDF (its number taken from the block) to `path` in a worker."""
        data = self.final_data(take=True)
        if data is None:
            return
        issued = self.issued_on()
        self._write(lambda: render_circular(data, path, issued), path)

    def ask_xlsx(self) -> QFileDialog | None:
        """Ask where to export the workbook (non-blocking), then write it in a worker."""
        if self.data is None:
            return None
        dialog = file_dialog(
            self,
            self.tr("导出Excel"),
            Purpose.EXPORT_TABLE,
            Mode.SAVE_FILE,
            file_name=safe_file_name(self.data.title) + ".xlsx",
            name_filters=[self.tr("Excel 工作簿 (*.xlsx)")],
        )
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(lambda name: self.save_xlsx(Path(name)))
        dialog.open()
        self.file_dialog = dialog
        return dialog

    def save_xlsx(self, path: Path) -> None:
        """Write the workbook (the same numbers as the PDF) to `path` in a worker."""
        data = self.final_data(take=False)
        if data is None:
            return
        self._write(lambda: write_circular_workbook(data, path), path)

    def _write(self, write: Callable[[], None], path: Path) -> None:
        self.progress.setVisible(True)
        self.status_label.setText(self.tr("正在写入 {0}…").format(path.name))

        def work(_task: Task[Path]) -> Path:
            write()
            return path

        run_task(work, self._written, self._write_failed, owner=self)

    def _written(self, path: Path) -> None:
        self.progress.setVisible(False)
        self.status_label.setText(self.tr("已保存：{0}").format(path))
        self.saved.emit(path)

    def _write_failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.error = self.tr("无法保存：{0}").format(reason)
        self.status_label.setText(self.error)
