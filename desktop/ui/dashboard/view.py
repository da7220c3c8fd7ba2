"""The statistics dashboard (统计看板): the period's figures as tiles, received vs closed over
time, and the units side by side worst first, over the user's scope; every tile, bar and table
cell opens the queue of the clues behind it. Figures are computed off the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import date, datetime

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.assessment import Period
from desktop.domain.statistics import FIGURES, FigureDef, Grouping, figure
from desktop.domain.timeutil import to_china
from desktop.store.statistics import StatsGroup, StoreStatistics, compute_statistics, figure_codes
from desktop.ui.assessment.periods import PeriodPreset
from desktop.ui.dashboard.charts import TrendChart, UnitChart
from desktop.ui.dashboard.scope import dashboard_scope
from desktop.ui.dashboard.texts import value_text, worst_first_key
from desktop.ui.dashboard.tiles import SYNC_MARK, FigureTile, tile_keys
from desktop.ui.dashboard.unit_table import GroupFiguresModel, GroupKeyRole, SortRole
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.period_picker import PeriodPicker
from desktop.ui.screen_fit import scrolling
from desktop.ui.table_export import ExportTitle, install_table_export
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Workspace

log = logging.getLogger("cluedesk.ui.dashboard")

DEFAULT_UNIT_FIGURE = "closure_rate"
"""The figure the units are compared on when the dashboard opens."""
MAX_BARS = 40
"""The unit chart shows at most this many units (every unit of a county), the worst; the table
lists them all."""


NAME_WIDTH = 220
"""The unit column's widest (a long name is cut, whole in its tooltip)."""


def trend_label(by: Grouping, key: str) -> str:
    """A trend group's short axis label: a week by its Monday "11-23", a month "11月"."""
    if by is Grouping.WEEK:
        year, _, week = key.partition("-W")
        return date.fromisocalendar(int(year), int(week), 1).strftime("%m-%d")
    month = key.partition("-")[2]
    return QCoreApplication.translate("DashboardView", "{month}月").format(month=int(month))


class DashboardView(QWidget):
    """The dashboard of the user's scope for a period; a figure opens the clues behind it."""

    clues_requested = Signal(object, str)
    """(clue codes, caption): show the queue filtered to exactly these clues."""
    computed = Signal()
    """New figures are shown."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.workspace = workspace
        self.scope = dashboard_scope(workspace)
        self.seen: StoreStatistics | None = None
        self.task: Task[StoreStatistics] | None = None
        self.opening: Task[tuple[str, ...]] | None = None
        self._generation = 0
        self._stale = True
        self.unit_rows: list[StatsGroup] = []

        self.picker = PeriodPicker(
            "dashboard",
            self.tr("统计期间(&Q)："),
            self.tr("统计期间"),
            lambda: workspace.now().date(),
            self,
        )
        self.preset = self.picker.preset
        self.date_from, self.date_to = self.picker.date_from, self.picker.date_to
        self.refresh_button = QPushButton(self.tr("重新计算"), self)
        self.refresh_button.setObjectName("dashboardRefresh")
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        self.status = QLabel(self)
        self.status.setObjectName("dashboardStatus")
        self.status.setWordWrap(True)
        self.sync_note = QLabel(self)
        self.sync_note.setObjectName("dashboardSyncNote")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("dashboardProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 0)
        self.progress.hide()
        state = QHBoxLayout()
        state.addWidget(self.status, 1)
        state.addWidget(self.progress)
        state.addWidget(self.sync_note)

        tiles_box = QWidget(self)
        tiles_box.setObjectName("dashboardTiles")
        flow = FlowLayout(tiles_box, spacing=6)
        self.tiles: dict[str, FigureTile] = {}
        for key in tile_keys():
            tile = FigureTile(figure(key), tiles_box)
            tile.opened.connect(self.open_total)
            flow.addWidget(tile)
            self.tiles[key] = tile

        self.trend = TrendChart(self)
        self.trend.bar_clicked.connect(self.open_trend_bar)
        self.unit_figure = QComboBox(self)
        self.unit_figure.setObjectName("dashboardUnitFigure")
        for definition in FIGURES:
            self.unit_figure.addItem(definition.label, definition.key)
        self.unit_figure.setCurrentIndex(max(0, self.unit_figure.findData(DEFAULT_UNIT_FIGURE)))
        self.units_chart = UnitChart(self)
        self.units_chart.bar_clicked.connect(self.open_unit_bar)
        self.model = GroupFiguresModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setObjectName("dashboardTable")
        self.table.setAccessibleName(self.tr("各单位统计"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorShown(False)
        self.table.activated.connect(self.open_cell)
        self.exporter = install_table_export(self.table, self.export_title, workspace, scope=self)

        figure_row = QHBoxLayout()
        figure_caption = QLabel(self.tr("单位对比指标(&F)："), self)
        figure_caption.setBuddy(self.unit_figure)
        figure_row.addWidget(figure_caption)
        figure_row.addWidget(self.unit_figure)
        figure_row.addStretch(1)
        self.units_scroll = scrolling(self.units_chart)
        self.units_scroll.setObjectName("dashboardUnitsScroll")
        units_pane = QWidget(self)
        units_column = QVBoxLayout(units_pane)
        units_column.setContentsMargins(0, 0, 0, 0)
        units_column.addLayout(figure_row)
        units_column.addWidget(self.units_scroll, 1)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.setChildrenCollapsible(False)
        left.addWidget(self.trend)
        left.addWidget(self.table)
        self.charts = QSplitter(Qt.Orientation.Horizontal, self)
        self.charts.setObjectName("dashboardSplitter")
        self.charts.setChildrenCollapsible(False)
        self.charts.addWidget(left)
        self.charts.addWidget(units_pane)
        self.charts.setStretchFactor(0, 1)
        self.charts.setStretchFactor(1, 1)

        hint = QLabel(
            self.tr(
                "单击数字、柱形或在表格中按 Enter，查看其背后的线索。"
                "带 {mark} 的数字来自平台的预警台账，本机的操作同步后才计入。"
            ).format(mark=SYNC_MARK),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(state)
        layout.addWidget(tiles_box)
        layout.addWidget(self.charts, 1)
        layout.addWidget(hint)

        self.picker.changed.connect(self._clues_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.unit_figure.currentIndexChanged.connect(self._show_units)
        workspace.events.clues_changed.connect(self._clues_changed)

    # -- the period ---------------------------------------------------------------------

    def export_title(self) -> ExportTitle:
        """各单位统计（2026-11-01 至 2026-11-30）: the units' table as exported and printed."""
        period = self.period()
        shown = self.tr("{start} 至 {end}").format(start=period.start, end=period.end)
        return ExportTitle(self.tr("各单位线索办理统计"), (shown,), self.tr("线索办理统计"))

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
        """Whether figures are being computed."""
        return self.task is not None

    def refresh(self) -> None:
        """Compute the figures of the chosen period in the background."""
        self._generation += 1
        generation = self._generation
        if self.task is not None:
            self.task.cancel()
        store, period, now = self.workspace.store, self.period(), self.workspace.now()
        scope = None if self.scope is None else list(self.scope)
        self._stale = False
        self.status.setText(
            self.tr("正在计算 {start} 至 {end} 的统计数据…").format(
                start=period.start.isoformat(), end=period.end.isoformat()
            )
        )
        self.progress.show()
        self.refresh_button.setEnabled(False)

        def work(_task: Task[StoreStatistics]) -> StoreStatistics:
            return compute_statistics(store, period, now, by=Grouping.UNIT, unit_codes=scope)

        def done(seen: StoreStatistics) -> None:
            if generation != self._generation or not shiboken6.isValid(self):
                return
            self.task = None
            self._show(seen)

        def failed(exc: BaseException) -> None:
            log.warning("computing the statistics failed", exc_info=exc)
            if generation != self._generation or not shiboken6.isValid(self):
                return
            self.task = None
            self.progress.hide()
            self.refresh_button.setEnabled(True)
            self.status.setText(self.tr("无法计算统计数据，请稍后再试（详情见日志）。"))

        self.task = run_task(work, done, failed, owner=self)

    def _show(self, seen: StoreStatistics) -> None:
        self.seen = seen
        for key, tile in self.tiles.items():
            tile.set_value(seen.totals.value(key))
        self.trend.paint_count = self.units_chart.paint_count = 0
        self.trend.set_trend(
            [trend_label(seen.trend_by, group.key) for group in seen.trend],
            [int(group.figures.value("received") or 0) for group in seen.trend],
            [int(group.figures.value("closed") or 0) for group in seen.trend],
        )
        self._show_units()
        note = self.sync_text(seen.synced_at)
        if seen.pending_actions:
            note = self.tr("{note}（{count} 个操作待上传）").format(
                note=note, count=seen.pending_actions
            )
        self.sync_note.setText(note)
        self.sync_note.setToolTip(self.pending_text(seen.pending_actions))
        self.progress.hide()
        self.refresh_button.setEnabled(True)
        self.status.setText(
            self.tr("统计期间 {start} 至 {end}：受理 {received} 件，办结 {closed} 件。").format(
                start=seen.period.start.isoformat(),
                end=seen.period.end.isoformat(),
                received=value_text(figure("received"), seen.totals.value("received")),
                closed=value_text(figure("closed"), seen.totals.value("closed")),
            )
        )
        self.computed.emit()

    def sync_text(self, synced_at: datetime | None) -> str:
        """When the figures' data last came from the platform: "数据截至 MM-DD HH:MM 同步"."""
        if synced_at is None:
            return self.tr("尚未同步")
        moment = to_china(synced_at)
        return self.tr("数据截至 {moment} 同步").format(moment=moment.strftime("%m-%d %H:%M"))

    def pending_text(self, pending: int) -> str:
        """What a sync would still change: this device's actions not yet on the platform."""
        if not pending:
            return self.tr("本机的操作都已同步。")
        return self.tr(
            "本机还有 {count} 个操作没有上传：带 {mark} 的数字在同步后才计入它们。"
        ).format(count=pending, mark=SYNC_MARK)

    @property
    def painted(self) -> bool:
        """Whether figures are shown and both charts have been painted since."""
        return (
            self.seen is not None
            and self.task is None
            and self.trend.paint_count > 0
            and self.units_chart.paint_count > 0
        )

    # -- the units ----------------------------------------------------------------------

    def unit_definition(self) -> FigureDef:
        """The figure the units are compared on."""
        return figure(str(self.unit_figure.currentData()))

    def _show_units(self) -> None:
        """Order the units worst first on the chosen figure; the chart shows the worst."""
        if self.seen is None:
            return
        definition = self.unit_definition()
        self.unit_rows = sorted(
            self.seen.groups,
            key=lambda g: worst_first_key(definition, g.figures.value(definition.key)),
        )
        shown = self.unit_rows[:MAX_BARS]
        percent = definition.kind == "rate"
        values = []
        for group in shown:
            value = group.figures.value(definition.key)
            values.append(0.0 if value is None else float(value) * (100 if percent else 1))
        if len(self.unit_rows) > MAX_BARS:
            title = self.tr("各单位{figure}（最差的 {count} 个，全部见左表）").format(
                figure=definition.label, count=MAX_BARS
            )
        else:
            title = self.tr("各单位{figure}（最差的在上）").format(figure=definition.label)
        self.units_chart.set_bars(title, [g.label for g in shown], values, percent=percent)
        self.model.set_rows(self.unit_rows)
        self.proxy.sort(-1)  # the rows in the chart's order until a heading is clicked
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its widest text (measured directly: asking the view to size
        every cell of a city's 200 units costs more than the rest of the first paint)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        heading = header.fontMetrics()
        margin = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        padding = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = heading.horizontalAdvance(title) + margin + padding
            for texts in self.model.texts:
                width = max(width, metrics.horizontalAdvance(texts[column]) + padding)
            self.table.setColumnWidth(column, min(width, NAME_WIDTH) if column == 0 else width)

    # -- click-through ------------------------------------------------------------------

    def open_total(self, key: str) -> None:
        """Open the clues behind a figure of the whole scope (a tile)."""
        self.open_figure(key, None, None, "")

    def open_unit_bar(self, index: int) -> None:
        """Open the clues behind the chosen figure of the unit at `index` (0: the worst)."""
        if 0 <= index < len(self.unit_rows):
            group = self.unit_rows[index]
            self.open_figure(self.unit_definition().key, Grouping.UNIT, group.key, group.label)

    def open_trend_bar(self, which: str, index: int) -> None:
        """Open the clues received (or closed) in one week or month of the trend."""
        if self.seen is None or not 0 <= index < len(self.seen.trend):
            return
        group = self.seen.trend[index]
        self.open_figure(which, self.seen.trend_by, group.key, group.label)

    def open_cell(self, index: QModelIndex) -> None:
        """Open the clues behind a table cell (the unit's name: the chosen figure)."""
        source = self.proxy.mapToSource(index)
        if not source.isValid():
            return
        definition = self.model.figure_of(source.column()) or self.unit_definition()
        unit = str(source.data(GroupKeyRole))
        label = self.model.rows[source.row()].label
        self.open_figure(definition.key, Grouping.UNIT, unit, label)

    def open_figure(self, key: str, by: Grouping | None, group: str | None, who: str) -> None:
        """Find the clues behind a figure in the background, then ask for their queue."""
        if self.seen is None:
            return
        store, period, now = self.workspace.store, self.seen.period, self.seen.now
        scope: Collection[str] | None = None if self.scope is None else list(self.scope)
        definition = figure(key)
        counted = figure(definition.numerator) if definition.kind == "rate" else definition
        if self.opening is not None:
            self.opening.cancel()

        def work(_task: Task[tuple[str, ...]]) -> tuple[str, ...]:
            return figure_codes(store, period, now, key, by=by, group=group, unit_codes=scope)

        def done(codes: tuple[str, ...]) -> None:
            if not shiboken6.isValid(self) or self.opening is not task:
                return
            self.opening = None
            caption = self.tr("统计 {start} 至 {end}：{who}{figure} {count} 件").format(
                start=period.start.isoformat(),
                end=period.end.isoformat(),
                who=f"{who} " if who else "",
                figure=counted.label,
                count=len(codes),
            )
            self.clues_requested.emit(codes, caption)

        def failed(exc: BaseException) -> None:
            log.warning("finding the clues behind a figure failed", exc_info=exc)
            if shiboken6.isValid(self) and self.opening is task:
                self.opening = None
                self.status.setText(self.tr("无法列出这些线索，请稍后再试（详情见日志）。"))

        task = self.opening = run_task(work, done, failed, owner=self)

    def focus_first(self) -> None:
        """Put the keyboard on the first tile."""
        tiles = list(self.tiles.values())
        if tiles:
            tiles[0].setFocus()
        else:
            self.table.setFocus()

    def tile(self, key: str) -> FigureTile:
        """The tile of a figure."""
        return self.tiles[key]

    def index_of(self, unit: str, key: str | None) -> QModelIndex:
        """The table index of a unit's figure (key None: its name); invalid when not shown."""
        for row, group in enumerate(self.model.rows):
            if group.key != unit:
                continue
            column = 0
            if key is not None:
                keys = [f.key for f in self.model.figures]
                if key not in keys:
                    return QModelIndex()
                column = 1 + keys.index(key)
            return self.proxy.mapFromSource(self.model.index(row, column))
        return QModelIndex()
