"""The 每周核查 view of a dispatching office: the week (last week by default), the sample plan,
抽取 (the seed recorded and shown; 重新抽取 while the store allows it, after a question), the
worklist of every batch the office drew for the week with its filters, the form recording a
result, and the week's report as PDF or .xlsx. Works offline; refreshes after a sync."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.codes import UnitKind
from desktop.domain.timeutil import to_china
from desktop.domain.units import UnitInfo
from desktop.domain.verification import (
    ItemStatus,
    Quota,
    SamplePlan,
    VerificationResult,
    last_week,
    may_verify,
    week_days,
    week_key,
    week_number,
)
from desktop.store.verification import (
    BatchSummary,
    VerificationRefused,
    WorkItem,
    draw_batch,
    office_batches,
    redraw_batch,
    worklist,
)
from desktop.ui.file_dialogs import Mode, Purpose, file_dialog
from desktop.ui.filter_bar import compact_combo, show_first_entry_whole
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.forms.fields import ERROR_STYLE
from desktop.ui.labels import label
from desktop.ui.settings import AppSettings
from desktop.ui.table_export import ExportTitle, filter_texts, install_table_export
from desktop.ui.tasks import Task
from desktop.ui.verification.plan_dialog import PlanDialog, save_plan, saved_plan
from desktop.ui.verification.record_form import VerificationForm
from desktop.ui.verification.report_export import (
    ReportFormat,
    export_in_background,
    report_file_name,
)
from desktop.ui.verification.worklist_model import (
    NOT_RECORDED,
    Column,
    WorklistFilter,
    WorklistModel,
    WorklistProxy,
)
from desktop.ui.workspace import Workspace

log = logging.getLogger("cluedesk.ui.verification")

WEEKS_BACK = 26
"""How many weeks before this one the week list offers."""
DEBOUNCE_MS = 250


def offered_weeks(now: datetime, count: int = WEEKS_BACK) -> list[str]:
    """This week and the `count` before it, newest first."""
    today = to_china(now).date()
    return [week_key(today - timedelta(days=7 * n)) for n in range(count + 1)]


def plan_units(workspace: Workspace) -> list[UnitInfo]:
    """The units an office's plan names: those of its area that handle clues."""
    county = workspace.actor.unit.county_code
    return sorted(
        (
            u
            for u in workspace.units.values()
            if u.handles
            and u.kind is not UnitKind.DISCIPLINE
            and (county is None or u.county_code == county)
        ),
        key=lambda u: u.code,
    )


class VerificationView(QWidget):
    """The week's verification worklist of the user's office."""

    clue_selected = Signal(str)
    """The item now selected: its clue's code ('' for none)."""
    clue_requested = Signal(str)
    """查看线索 on an item: its clue's code."""
    refreshed = Signal()
    """The worklist was read again."""
    exported = Signal(object)
    """A report was written: its Path."""

    def __init__(
        self,
        workspace: Workspace,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self.office = workspace.actor.unit.code
        self.plan: SamplePlan = saved_plan(settings)
        self.batches: list[BatchSummary] = []
        self.dialog: QWidget | None = None
        self.task: Task[Path] | None = None
        self.refusal = may_verify(workspace.actor)
        layout = QVBoxLayout(self)

        top_widget = QWidget()
        top = FlowLayout(top_widget)
        week_caption = QLabel(self.tr("核查周(&K)："))
        self.week_combo = QComboBox()
        self.week_combo.setObjectName("verificationWeek")
        self.week_combo.setAccessibleName(self.tr("核查周"))
        week_caption.setBuddy(self.week_combo)
        now = workspace.now()
        for week in offered_weeks(now):
            self.week_combo.addItem(self.week_text(week), week)
        self.week_combo.setCurrentIndex(max(0, self.week_combo.findData(last_week(now))))
        self.plan_label = QLabel()
        self.plan_label.setObjectName("verificationPlan")
        self.plan_button = QPushButton(self.tr("抽样方案…"))
        self.plan_button.setObjectName("verificationPlanButton")
        self.draw_button = QPushButton(self.tr("抽取"))
        self.draw_button.setObjectName("verificationDraw")
        self.draw_button.setToolTip(self.tr("按抽样方案从本周办结的本办线索中随机抽取"))
        self.redraw_button = QPushButton(self.tr("重新抽取…"))
        self.redraw_button.setObjectName("verificationRedraw")
        self.redraw_button.setToolTip(
            self.tr("尚未同步、也未录入结果的本机批次可以换一个随机种子重新抽取")
        )
        for widget in (
            week_caption,
            self.week_combo,
            self.plan_label,
            self.plan_button,
            self.draw_button,
            self.redraw_button,
        ):
            top.addWidget(widget)
        layout.addWidget(top_widget)

        self.batch_label = QLabel()
        self.batch_label.setObjectName("verificationBatches")
        self.batch_label.setWordWrap(True)
        self.batch_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.batch_label)
        self.message = QLabel()
        self.message.setObjectName("verificationMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        layout.addWidget(self.message)

        bar_widget = QWidget()
        bar = FlowLayout(bar_widget)
        self.status_combo = compact_combo(self)
        self.status_combo.setObjectName("verificationStatusFilter")
        self.status_combo.setAccessibleName(self.tr("核查状态"))
        self.status_combo.addItem(self.tr("全部状态"), "")
        for status in ItemStatus:
            self.status_combo.addItem(label(status), status.value)
        self.unit_combo = compact_combo(self)
        self.unit_combo.setObjectName("verificationUnitFilter")
        self.unit_combo.setAccessibleName(self.tr("承办单位"))
        self.unit_combo.addItem(self.tr("全部单位"), "")
        self.result_combo = compact_combo(self)
        self.result_combo.setObjectName("verificationResultFilter")
        self.result_combo.setAccessibleName(self.tr("核查结果"))
        self.result_combo.addItem(self.tr("全部结果"), "")
        self.result_combo.addItem(self.tr("未录入"), NOT_RECORDED)
        for result in VerificationResult:
            self.result_combo.addItem(label(result), result.value)
        for combo in (self.status_combo, self.unit_combo, self.result_combo):
            show_first_entry_whole(combo)
        self.search = QLineEdit()
        self.search.setObjectName("verificationSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("线索编号"))
        self.search.setAccessibleName(self.tr("线索编号"))
        self.count_label = QLabel()
        self.count_label.setObjectName("verificationCount")
        filters: tuple[QWidget, ...] = (
            QLabel(self.tr("筛选：")),
            self.status_combo,
            self.unit_combo,
            self.result_combo,
            self.search,
            self.count_label,
        )
        for part in filters:
            bar.addWidget(part)
        layout.addWidget(bar_widget)

        self.model = WorklistModel(self)
        self.proxy = WorklistProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("verificationTable")
        self.table.setAccessibleName(self.tr("核查清单"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # drawing order until asked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.exporter = install_table_export(self.table, self.export_title, workspace, scope=self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.record_button = QPushButton(self.tr("录入核查结果…"))
        self.record_button.setObjectName("verificationRecord")
        self.record_button.setToolTip(self.tr("Enter 或双击"))
        self.open_button = QPushButton(self.tr("查看线索"))
        self.open_button.setObjectName("verificationOpenClue")
        self.pdf_button = QPushButton(self.tr("导出报告PDF…"))
        self.pdf_button.setObjectName("verificationExportPdf")
        self.xlsx_button = QPushButton(self.tr("导出Excel…"))
        self.xlsx_button.setObjectName("verificationExportXlsx")
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        layout.addLayout(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.week_combo.currentIndexChanged.connect(self.refresh)
        for combo in (self.status_combo, self.unit_combo, self.result_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_entered)
        self.plan_button.clicked.connect(self.edit_plan)
        self.draw_button.clicked.connect(self.draw)
        self.redraw_button.clicked.connect(self.ask_redraw)
        self.record_button.clicked.connect(self.open_record_form)
        self.open_button.clicked.connect(self._request_clue)
        self.pdf_button.clicked.connect(lambda: self.choose_export(ReportFormat.PDF))
        self.xlsx_button.clicked.connect(lambda: self.choose_export(ReportFormat.XLSX))
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        for keys in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._activated)
        workspace.events.clues_changed.connect(self._store_changed)
        self.setFocusProxy(self.table)
        self.show_plan()
        self.refresh()

    # -- the week and the plan ---------------------------------------------------------

    def week_text(self, week: str) -> str:
        """第48周（11-23 至 11-29）."""
        monday, sunday = week_days(week)
        return self.tr("{year}年第{number}周（{start} 至 {end}）").format(
            year=week.partition("-W")[0],
            number=week_number(week),
            start=monday.strftime("%m-%d"),
            end=sunday.strftime("%m-%d"),
        )

    def export_title(self) -> ExportTitle:
        """每周核查清单（2026年第48周…，待核查）: the worklist as filtered, exported and printed."""
        filters = filter_texts(self.status_combo, self.unit_combo, self.result_combo, self.search)
        week = self.week_combo.currentText()
        return ExportTitle(self.tr("每周核查清单"), (week, *filters), self.tr("每周核查"))

    def week(self) -> str:
        """The week chosen."""
        return str(self.week_combo.currentData())

    def set_week(self, week: str) -> None:
        """Choose a week (added to the list when it is older than the weeks offered)."""
        index = self.week_combo.findData(week)
        if index < 0:
            self.week_combo.addItem(self.week_text(week), week)
            index = self.week_combo.count() - 1
        self.week_combo.setCurrentIndex(index)

    def plan_text(self, plan: SamplePlan) -> str:
        """The plan in a line."""
        text = self.tr("抽样方案：每单位 {0}").format(self._quota_text(plan.default))
        if plan.units:
            text += self.tr("（{0} 个单位单独设定）").format(len(plan.units))
        return text

    def _quota_text(self, quota: Quota) -> str:
        if quota.count is not None:
            return self.tr("{0} 件").format(quota.count)
        return self.tr("{0}%").format(quota.percent)

    def show_plan(self) -> None:
        """Show the plan the next draw uses."""
        self.plan_label.setText(self.plan_text(self.plan))

    def edit_plan(self) -> PlanDialog:
        """Open the plan editor (non-blocking); an accepted plan is kept for next time."""
        dialog = PlanDialog(self.plan, plan_units(self.workspace), self)

        def accepted() -> None:
            self.set_plan(dialog.plan)

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_plan(self, plan: SamplePlan) -> None:
        """Use `plan` from now on (and remember it in the settings)."""
        self.plan = plan
        save_plan(self.settings, plan)
        self.show_plan()

    # -- drawing ------------------------------------------------------------------------

    def draw(self) -> str | None:
        """Draw the week's sample with the plan; the new batch's id (None: refused, said why)."""
        ws = self.workspace
        try:
            batch_id = draw_batch(
                ws.store, ws.username, ws.device_id, self.week(), self.plan, now=ws.now()
            )
        except VerificationRefused as exc:
            self.say(str(exc.reason), error=True)
            return None
        save_plan(self.settings, self.plan)
        self.refresh()
        mine = next((b for b in self.batches if b.batch_id == batch_id), None)
        if mine is not None:
            self.say(
                self.tr("已抽取 {0} 件，随机种子 {1}。结果保存在本机，联网同步后上传平台。").format(
                    mine.drawn, mine.seed
                )
            )
        ws.events.clues_changed.emit()
        return batch_id

    def redrawable(self) -> BatchSummary | None:
        """The user's own batch of the week that may be drawn again (not synced, nothing
        recorded), if any."""
        for batch in self.batches:
            if (
                batch.drawn_by == self.workspace.username
                and not batch.synced
                and not batch.recorded
            ):
                return batch
        return None

    def ask_redraw(self) -> QMessageBox | None:
        """Ask before drawing the user's unsynced batch again with a new seed."""
        batch = self.redrawable()
        if batch is None:
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("重新抽取"))
        box.setText(
            self.tr(
                "按当前抽样方案换一个随机种子重新抽取？原抽取的 {0} 件（随机种子 {1}）将作废。"
            ).format(batch.drawn, batch.seed)
        )
        again = box.addButton(self.tr("重新抽取"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def decided() -> None:
            if box.clickedButton() is again and shiboken6.isValid(self):
                self.redraw(batch.batch_id)

        box.finished.connect(decided)
        self.dialog = box
        box.open()
        return box

    def redraw(self, batch_id: str) -> int | None:
        """Draw a batch again with the plan and a new seed; the seed (None: refused)."""
        ws = self.workspace
        try:
            seed = redraw_batch(ws.store, ws.username, ws.device_id, batch_id, self.plan)
        except VerificationRefused as exc:
            self.say(str(exc.reason), error=True)
            self.refresh()
            return None
        save_plan(self.settings, self.plan)
        self.refresh()
        self.say(self.tr("已重新抽取，随机种子 {0}。").format(seed))
        ws.events.clues_changed.emit()
        return seed

    # -- the worklist -------------------------------------------------------------------

    def _store_changed(self) -> None:
        if shiboken6.isValid(self):
            self.refresh()

    def refresh(self) -> None:
        """Read the week's batches and their worklists again, keeping filters and selection."""
        chosen = self.selected_item()
        store, week = self.workspace.store, self.week()
        self.batches = office_batches(store, self.office, week)
        items: list[WorkItem] = []
        for batch in self.batches:
            items.extend(worklist(store, batch.batch_id))
        self.model.set_items(items)
        self._fill_units(items)
        self.batch_label.setText(self.batches_text())
        self.apply_filter()
        if chosen is not None:
            self.select(chosen.clue_code)
        self._update_buttons()
        self.refreshed.emit()

    def batches_text(self) -> str:
        """Who drew the week's batches, when, with which seed, and whether they are synced."""
        if not self.batches:
            if self.refusal is not None:
                return str(self.refusal)
            return self.tr("本周尚未抽取。设定抽样方案后点「抽取」。")
        lines = []
        for batch in self.batches:
            if batch.draw_problem:
                state = self.tr("平台未接受：{0}").format(batch.draw_problem)
            elif batch.synced:
                state = self.tr("已同步")
            else:
                state = self.tr("待上传")
            lines.append(
                self.tr("{name} {at} 抽取 {count} 件，随机种子 {seed}，{state}").format(
                    name=batch.drawn_by_name or batch.drawn_by,
                    at=to_china(batch.drawn_at).strftime("%m-%d %H:%M"),
                    count=batch.drawn,
                    seed=batch.seed,
                    state=state,
                )
            )
        return self.tr("本周批次：") + self.tr("；").join(lines)

    def _fill_units(self, items: list[WorkItem]) -> None:
        chosen = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("全部单位"), "")
        for code, name in sorted({(i.unit_code, i.unit_name) for i in items}):
            self.unit_combo.addItem(name, code)
        index = self.unit_combo.findData(chosen) if chosen else 0
        self.unit_combo.setCurrentIndex(max(index, 0))
        self.unit_combo.blockSignals(False)

    def query(self) -> WorklistFilter:
        """The filters as chosen now."""
        return WorklistFilter(
            status=str(self.status_combo.currentData() or ""),
            unit=str(self.unit_combo.currentData() or ""),
            result=str(self.result_combo.currentData() or ""),
            text=self.search.text(),
        )

    def apply_filter(self) -> None:
        """Show the items passing the filters."""
        self._debounce.stop()
        self.proxy.set_filter(self.query())
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        done = sum(1 for i in self.model.items if i.rounds)
        self.count_label.setText(
            self.tr("显示 {0} / 共 {1} 件，已录入 {2} 件").format(shown, total, done)
        )
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def clear_filters(self) -> None:
        """Every item of the week."""
        for combo in (self.status_combo, self.unit_combo, self.result_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filter()

    def _search_entered(self) -> None:
        self.apply_filter()
        self.table.setFocus()

    def rows(self) -> list[WorkItem]:
        """The items shown, in their order."""
        return [self.proxy.item(row) for row in range(self.proxy.rowCount())]

    def selected_item(self) -> WorkItem | None:
        """The item selected, None when none is."""
        index = self.table.currentIndex()
        return self.proxy.item(index.row()) if index.isValid() else None

    def select(self, code: str) -> bool:
        """Select the item of a clue among those shown."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.item(row).clue_code == code:
                self.table.selectionModel().setCurrentIndex(
                    self.proxy.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    def _current_changed(self) -> None:
        self._update_buttons()
        item = self.selected_item()
        self.clue_selected.emit(item.clue_code if item is not None else "")

    def _update_buttons(self) -> None:
        item = self.selected_item()
        allowed = self.refusal is None
        self.draw_button.setEnabled(allowed)
        self.plan_button.setEnabled(allowed)
        self.redraw_button.setEnabled(allowed and self.redrawable() is not None)
        self.record_button.setEnabled(allowed and item is not None and item.status.open)
        self.open_button.setEnabled(item is not None)
        has_items = self.model.rowCount() > 0
        busy = self.task is not None
        self.pdf_button.setEnabled(has_items and not busy)
        self.xlsx_button.setEnabled(has_items and not busy)

    def _activated(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        if item.status.open and self.refusal is None:
            self.open_record_form()
        else:
            self.clue_requested.emit(item.clue_code)

    def _request_clue(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.clue_requested.emit(item.clue_code)

    # -- recording ----------------------------------------------------------------------

    def open_record_form(self) -> VerificationForm | None:
        """The form recording the selected item's result (None: nothing to record on it)."""
        item = self.selected_item()
        if item is None or not item.status.open or self.refusal is not None:
            return None
        form = VerificationForm(self.workspace, item, self)
        form.recorded.connect(lambda _id: self._recorded(item.clue_code))
        self.dialog = form
        form.open()
        return form

    def _recorded(self, code: str) -> None:
        if not shiboken6.isValid(self):
            return
        self.refresh()
        self.select(code)
        self.say(self.tr("线索 {0} 的核查结果已保存在本机，联网同步后上传平台。").format(code))
        self.table.setFocus()

    # -- the report ---------------------------------------------------------------------

    def choose_export(self, kind: ReportFormat) -> QWidget:
        """Ask where to save the week's report, then write it in the background."""
        pdf = kind is ReportFormat.PDF
        dialog = file_dialog(
            self,
            self.tr("导出核查报告") if pdf else self.tr("导出核查情况表"),
            Purpose.SAVE_PDF if pdf else Purpose.EXPORT_TABLE,
            Mode.SAVE_FILE,
            file_name=report_file_name(self.week(), kind),
            name_filters=[self.tr("PDF 文件 (*.pdf)") if pdf else self.tr("Excel 工作簿 (*.xlsx)")],
        )
        dialog.fileSelected.connect(lambda chosen: self.export(kind, Path(chosen)))
        self.dialog = dialog
        dialog.open()
        return dialog

    def export(self, kind: ReportFormat, target: Path) -> None:
        """Write the week's report to `target` off the UI thread; `exported(path)` when done."""
        if target.suffix.lower() != f".{kind.value}":
            target = target.with_name(target.name + f".{kind.value}")
        unit = self.workspace.actor.unit
        args = (self.office, unit.name, self.week(), to_china(self.workspace.now()).date())
        self.say(self.tr("正在导出…"))
        self.task = export_in_background(
            self, self.workspace.store, args, kind, target, self._exported, self._export_failed
        )
        self._update_buttons()

    def _exported(self, path: Path) -> None:
        if not shiboken6.isValid(self):
            return
        self.task = None
        self._update_buttons()
        self.say(self.tr("已导出：{0}").format(path))
        self.exported.emit(path)

    def _export_failed(self, exc: BaseException) -> None:
        log.warning("exporting the verification report failed", exc_info=exc)
        if not shiboken6.isValid(self):
            return
        self.task = None
        self._update_buttons()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.say(self.tr("导出失败：{0}").format(reason), error=True)

    # -- messages -----------------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        """Show a line above the worklist (an error in red)."""
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def message_text(self) -> str:
        """The line shown above the worklist ('' when none)."""
        return self.message.text() if not self.message.isHidden() else ""


__all__ = ["Column", "VerificationView", "offered_weeks", "plan_units"]
