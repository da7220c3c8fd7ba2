"""The unit assessment view (单位考核): a period, the units of the user's scope ranked by the
combined score, every figure of the assessment, the weights as published; a figure cell
opens the clues (or suggestions) behind it."""

from __future__ import annotations

import csv
import logging
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.assessment import Period
from desktop.domain.assessment_weights import COMPONENTS
from desktop.domain.codes import UnitKind
from desktop.store.assessment import StoreAssessment, assess_store
from desktop.ui.assessment.model import (
    COLUMNS,
    SUGGESTION_FIGURES,
    AssessmentModel,
    SortRole,
    UnitRow,
    rows_of,
)
from desktop.ui.assessment.periods import PeriodPreset
from desktop.ui.file_dialogs import Mode, Purpose, file_dialog
from desktop.ui.frozen_table import FrozenColumnTable
from desktop.ui.period_picker import PeriodPicker
from desktop.ui.table_export import ExportTitle, install_table_export
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Workspace

log = logging.getLogger("cluedesk.ui.assessment")

UNIT_WIDTH = 200
"""The unit column's widest (a long name is cut, whole in its tooltip)."""


def scope_units(workspace: Workspace) -> list[str]:
    """The units the user's unit assesses: those of its area (every unit for a city-level
    unit) that dispatch or handle clues, the commissions left out."""
    county = workspace.viewer.unit.county_code
    return sorted(
        u.code
        for u in workspace.units.values()
        if u.kind is not UnitKind.DISCIPLINE
        and (u.dispatches or u.handles)
        and (county is None or u.county_code == county)
    )


class AssessmentView(QWidget):
    """The units' assessment for a period, computed off the UI thread."""

    clues_requested = Signal(object, str)
    """(clue codes, caption): show the queue filtered to exactly these clues."""
    suggestions_requested = Signal(object, str)
    """(suggestion ids, caption): show these suggestions."""
    computed = Signal()
    """A new assessment is shown."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.scope = scope_units(workspace)
        self.seen: StoreAssessment | None = None
        self.task: Task[StoreAssessment] | None = None
        self._generation = 0
        self._stale = True

        self.picker = PeriodPicker(
            "assessment",
            self.tr("考核期间(&Q)："),
            self.tr("考核期间"),
            lambda: workspace.now().date(),
            self,
        )
        self.preset = self.picker.preset
        self.date_from, self.date_to = self.picker.date_from, self.picker.date_to
        self.refresh_button = QPushButton(self.tr("重新计算"), self)
        self.refresh_button.setObjectName("assessmentRefresh")
        self.export_button = QPushButton(self.tr("导出 CSV…"), self)
        self.export_button.setObjectName("assessmentExport")
        self.weights_button = QPushButton(self.tr("权重说明"), self)
        self.weights_button.setObjectName("assessmentWeights")
        self.weights_button.setCheckable(True)

        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        top.addWidget(self.weights_button)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        self.status = QLabel(self)
        self.status.setObjectName("assessmentStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("assessmentProgress")
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.progress.hide()
        state = QHBoxLayout()
        state.addWidget(self.status, 1)
        state.addWidget(self.progress)

        self.model = AssessmentModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = FrozenColumnTable(COLUMNS.index("unit"), self)
        self.table.setObjectName("assessmentTable")
        self.table.setAccessibleName(self.tr("单位考核"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter)
        self.table.sortByColumn(COLUMNS.index("rank"), Qt.SortOrder.AscendingOrder)
        self.exporter = install_table_export(self.table, self.export_title, workspace, scope=self)

        self.weights = QLabel(self)
        self.weights.setObjectName("assessmentWeightsText")
        self.weights.setWordWrap(True)
        self.weights.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.weights.hide()
        hint = QLabel(
            self.tr("双击数字或按 Enter 查看其背后的线索；点击列标题排序。"),
            self,
        )
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(state)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.weights)
        layout.addWidget(hint)

        self.show_weights()
        self.picker.changed.connect(self._clues_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.choose_export_file)
        self.weights_button.toggled.connect(self.weights.setVisible)
        self.table.activated.connect(self.open_cell)
        workspace.events.clues_changed.connect(self._clues_changed)
        workspace.events.reference_changed.connect(self.show_weights)

    # -- the period ---------------------------------------------------------------------

    def period(self) -> Period:
        """The period chosen."""
        return self.picker.period()

    def set_preset(self, preset: PeriodPreset) -> None:
        """Choose a named period (recomputes)."""
        self.picker.set_preset(preset)

    def set_custom(self, start: date, end: date) -> None:
        """Choose a period from `start` to `end` (recomputes)."""
        self.picker.set_custom(start, end)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        """Compute when first shown (and when the clues changed while hidden)."""
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale and self.task is None:
            self.refresh()

    def _clues_changed(self) -> None:
        """The clues or the period changed: compute again now, or when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    @property
    def computing(self) -> bool:
        """Whether an assessment is being computed."""
        return self.task is not None

    def refresh(self) -> None:
        """Compute the assessment of the chosen period in the background."""
        self._generation += 1
        generation = self._generation
        if self.task is not None:
            self.task.cancel()
        store, period, now = self.workspace.store, self.period(), self.workspace.now()
        scope = list(self.scope)
        self._stale = False
        self.status.setText(
            self.tr("正在计算 {start} 至 {end} 的考核数据…").format(
                start=period.start.isoformat(), end=period.end.isoformat()
            )
        )
        self.progress.setRange(0, 0)
        self.progress.show()
        self.refresh_button.setEnabled(False)

        def work(task: Task[StoreAssessment]) -> StoreAssessment:
            return assess_store(
                store,
                period,
                now,
                unit_codes=scope,
                progress=lambda done, total: task.report("clues", done, total),
            )

        def progressed(_phase: str, done: int, total: int) -> None:
            if generation == self._generation and shiboken6.isValid(self) and total:
                self.progress.setRange(0, total)
                self.progress.setValue(done)

        def done(seen: StoreAssessment) -> None:
            if generation != self._generation or not shiboken6.isValid(self):
                return
            self.task = None
            self._show(seen)

        def failed(exc: BaseException) -> None:
            log.warning("computing the unit assessment failed", exc_info=exc)
            if generation != self._generation or not shiboken6.isValid(self):
                return
            self.task = None
            self.progress.hide()
            self.refresh_button.setEnabled(True)
            self.status.setText(self.tr("无法计算考核数据，请稍后再试（详情见日志）。"))

        self.task = run_task(work, done, failed, progressed, owner=self)

    def _show(self, seen: StoreAssessment) -> None:
        self.seen = seen
        self.model.set_rows(rows_of(seen, self.scope))
        self.table.resizeColumnsToContents()
        unit = COLUMNS.index("unit")
        self.table.setColumnWidth(unit, min(self.table.columnWidth(unit), UNIT_WIDTH))
        self.progress.hide()
        self.refresh_button.setEnabled(True)
        assessed = sum(1 for row in self.model.rows if row.assessment is not None)
        summary = self.tr(
            "考核期间 {start} 至 {end}：{count} 个单位，其中 {assessed} 个有考核事项。"
        )
        self.status.setText(
            summary.format(
                start=seen.period.start.isoformat(),
                end=seen.period.end.isoformat(),
                count=len(self.model.rows),
                assessed=assessed,
            )
        )
        self.computed.emit()

    # -- the weights --------------------------------------------------------------------

    def component_name(self, component: str) -> str:
        """The title of a component of the score."""
        names = {
            "signed_on_time": self.tr("按时签收率"),
            "handled_on_time": self.tr("按时办结率"),
            "reported_on_time": self.tr("按时反馈率"),
            "not_returned": self.tr("未退回率"),
            "passed_review": self.tr("审核通过率"),
            "without_extension": self.tr("未申请延期率"),
            "without_red_warning": self.tr("未发生三级预警率"),
            "satisfaction": self.tr("回访满意率"),
            "suggestions_answered_on_time": self.tr("建议按时回复率"),
        }
        return names.get(component, component)

    def weights_text(self) -> str:
        """The published weights, one component after the other."""
        weights = self.workspace.rules.assessment_weights
        parts = [
            self.tr("{name} {weight}").format(
                name=self.component_name(c), weight=f"{weights.weight(c):g}"
            )
            for c in COMPONENTS
        ]
        return self.tr(
            "综合得分 = 各项比率按市平台发布的权重加权平均 × 100（本期没有可评判事项的项不计入）。"
            "权重：{parts}。权重只影响得分，不改变任何数字。"
        ).format(parts=self.tr("；").join(parts))

    def show_weights(self) -> None:
        """Show the weights the platform published (tooltip and panel)."""
        text = self.weights_text()
        self.weights.setText(text)
        self.weights_button.setToolTip(text)

    # -- click-through ------------------------------------------------------------------

    def row_at(self, index: QModelIndex) -> UnitRow | None:
        """The unit row of a table index (the proxy's)."""
        source = self.proxy.mapToSource(index)
        return self.model.rows[source.row()] if source.isValid() else None

    def open_cell(self, index: QModelIndex) -> None:
        """Open the clues (or suggestions) behind a figure cell."""
        source = self.proxy.mapToSource(index)
        figure = self.model.figure_of(source)
        row = self.row_at(index)
        if figure is None or row is None:
            return
        codes = self.model.codes_at(source)
        caption = self.tr("考核：{unit} {figure} {count} 件").format(
            unit=row.name, figure=self.model.heading(figure), count=len(codes)
        )
        if figure in SUGGESTION_FIGURES:
            self.suggestions_requested.emit(codes, caption)
        else:
            self.clues_requested.emit(codes, caption)

    def index_of(self, unit: str, column: str) -> QModelIndex:
        """The table index of a unit's cell in `column` (invalid when not shown)."""
        for row, found in enumerate(self.model.rows):
            if found.code == unit:
                return self.proxy.mapFromSource(self.model.index(row, COLUMNS.index(column)))
        return QModelIndex()

    # -- export -------------------------------------------------------------------------

    def export_title(self) -> ExportTitle:
        """The table's title for Excel and print: 单位考核表（考核期间 … 至 …）."""
        period = self.seen.period if self.seen is not None else self.period()
        during = self.tr("考核期间 {start} 至 {end}").format(
            start=period.start.isoformat(), end=period.end.isoformat()
        )
        return ExportTitle(self.tr("单位考核表"), (during,), self.tr("单位考核"))

    def choose_export_file(self) -> None:
        """Ask where to save the table as .csv, then save it."""
        period = self.period()
        name = self.tr("单位考核_{start}_{end}.csv").format(
            start=period.start.isoformat(), end=period.end.isoformat()
        )
        dialog = file_dialog(
            self,
            self.tr("导出单位考核"),
            Purpose.EXPORT_TABLE,
            Mode.SAVE_FILE,
            file_name=name,
            name_filters=[self.tr("CSV 表格 (*.csv)")],
        )
        dialog.fileSelected.connect(lambda chosen: self.export_csv(Path(chosen)))
        self.export_dialog = dialog
        dialog.open()

    def export_csv(self, path: Path) -> None:
        """Save the table as shown (rows in their order) as .csv, readable by Excel."""
        rows = [[self.model.heading(c) for c in COLUMNS]]
        for row in range(self.proxy.rowCount()):
            rows.append(
                [
                    str(self.proxy.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")
                    for column in range(len(COLUMNS))
                ]
            )
        try:
            with path.open("w", encoding="utf-8-sig", newline="") as out:
                csv.writer(out).writerows(rows)
        except OSError as exc:
            log.warning("exporting the assessment failed: %s", exc.strerror)
            self.status.setText(
                self.tr("无法保存文件 {name}：{reason}").format(
                    name=path.name, reason=exc.strerror or ""
                )
            )
            return
        self.status.setText(self.tr("已导出到 {name}").format(name=path.name))
