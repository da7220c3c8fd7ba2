"""The 预警台账 view of the window: every warning level the clues in the user's scope reached,
filtered by responsible unit, stage, level, period, clue code and whether it still lasts, with
the presets 本周红色预警 and 红色预警未消除; Enter or a double click opens the clue."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.stages import Stage
from desktop.domain.timeutil import to_china
from desktop.store.warnings import (
    RED,
    WarningFilter,
    day_bounds,
    list_warnings,
    warning_units,
    week_start,
)
from desktop.ui.filter_bar import compact_combo, show_first_entry_whole
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.notices.fields import from_qdate, to_qdate
from desktop.ui.supervision.areas import is_commission
from desktop.ui.table_export import ExportTitle, filter_texts, install_table_export
from desktop.ui.warning_keys import RED_OPEN_KEY, RED_THIS_WEEK_KEY
from desktop.ui.warning_record import WarningRecordModel, level_name, record_table, stage_name
from desktop.ui.workspace import Workspace

DEBOUNCE_MS = 250
DEFAULT_PERIOD_DAYS = 30


class WarningsView(QWidget):
    """The warning record with its filters; `clue_requested(code)` opens a clue."""

    clue_requested = Signal(str)
    """Enter or a double click on an episode: its clue's code."""
    clue_selected = Signal(str)
    """The episode now selected: its clue's code ('' for none)."""
    accountability_requested = Signal(str)
    """A commission user asked to take the selected red clue into an accountability record."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = WarningRecordModel(self)
        layout = QVBoxLayout(self)
        presets_widget = QWidget()
        presets = FlowLayout(presets_widget)
        self.red_week_button = QPushButton(self.tr("本周红色预警"))
        self.red_week_button.setObjectName("warnings_red_week")
        self.red_week_button.setToolTip(
            self.tr("本周（周一至周日）达到三级预警的线索（{0}）").format(RED_THIS_WEEK_KEY)
        )
        self.red_open_button = QPushButton(self.tr("红色预警未消除"))
        self.red_open_button.setObjectName("warnings_red_open")
        self.red_open_button.setToolTip(
            self.tr("已达到三级预警、至今仍未消除的线索（{0}）").format(RED_OPEN_KEY)
        )
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.setObjectName("warnings_clear")
        self.accountability_button = QPushButton(self.tr("登记问责…"))
        self.accountability_button.setObjectName("warnings_accountability")
        self.accountability_button.setToolTip(self.tr("就选中的三级预警线索登记问责"))
        self.accountability_button.setVisible(is_commission(workspace))
        self.accountability_button.setEnabled(False)
        for preset in (
            QLabel(self.tr("常用：")),
            self.red_week_button,
            self.red_open_button,
            self.clear_button,
            self.accountability_button,
        ):
            presets.addWidget(preset)
        layout.addWidget(presets_widget)
        bar_widget = QWidget()
        bar = FlowLayout(bar_widget)
        self.unit_combo = compact_combo(self)
        self.unit_combo.setObjectName("warnings_unit")
        self.unit_combo.setAccessibleName(self.tr("责任单位"))
        self.stage_combo = compact_combo(self)
        self.stage_combo.setObjectName("warnings_stage")
        self.stage_combo.setAccessibleName(self.tr("环节"))
        self.stage_combo.addItem(self.tr("全部环节"), "")
        for stage in Stage:
            self.stage_combo.addItem(stage_name(stage), stage.value)
        self.level_combo = compact_combo(self)
        self.level_combo.setObjectName("warnings_level")
        self.level_combo.setAccessibleName(self.tr("预警等级"))
        self.level_combo.addItem(self.tr("全部等级"), 0)
        for level in (1, 2, 3):
            self.level_combo.addItem(level_name(level), level)
        self._fill_units()
        for combo in (self.unit_combo, self.stage_combo, self.level_combo):
            show_first_entry_whole(combo)
        today = to_china(workspace.now()).date()
        self.period_check = QCheckBox(self.tr("达到日期"))
        self.period_check.setObjectName("warnings_period")
        self.date_from = self._date_edit(today - timedelta(days=DEFAULT_PERIOD_DAYS))
        self.date_from.setObjectName("warnings_from")
        self.date_to = self._date_edit(today)
        self.date_to.setObjectName("warnings_to")
        self.to_label = QLabel(self.tr("至"))
        self.open_check = QCheckBox(self.tr("仅未消除"))
        self.open_check.setObjectName("warnings_open")
        self.search = QLineEdit()
        self.search.setObjectName("warnings_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("线索编号"))
        self.search.setAccessibleName(self.tr("线索编号"))
        self.count_label = QLabel()
        self.count_label.setObjectName("warnings_count")
        for widget in (
            QLabel(self.tr("筛选：")),
            self.unit_combo,
            self.stage_combo,
            self.level_combo,
            self.period_check,
            self.date_from,
            self.to_label,
            self.date_to,
            self.open_check,
            self.search,
            self.count_label,
        ):
            bar.addWidget(widget)
        layout.addWidget(bar_widget)
        self.view = record_table(self.model, "warnings_table")
        self.view.setAccessibleName(self.tr("预警台账"))
        self.exporter = install_table_export(self.view, self.export_title, workspace, scope=self)
        self.empty = QLabel()
        self.empty.setObjectName("warnings_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self._set_period_enabled(False)
        self._applying = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.apply_filter)
        for combo in (self.unit_combo, self.stage_combo, self.level_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.period_check.toggled.connect(self._period_toggled)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)
        self.open_check.toggled.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_entered)
        self.red_week_button.clicked.connect(self.show_red_this_week)
        self.red_open_button.clicked.connect(self.show_red_still_open)
        self.clear_button.clicked.connect(self.clear_filters)
        self.accountability_button.clicked.connect(self._request_accountability)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        workspace.events.clues_changed.connect(self.refresh)
        self.setFocusProxy(self.view)
        if is_commission(workspace):
            self.show_red_still_open()
        else:
            self.apply_filter()

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(to_qdate(day))
        return edit

    def _fill_units(self) -> None:
        chosen = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("全部责任单位"), "")
        for code, name in warning_units(self.workspace.store):
            self.unit_combo.addItem(name, code)
        index = self.unit_combo.findData(chosen) if chosen else 0
        self.unit_combo.setCurrentIndex(max(index, 0))
        self.unit_combo.blockSignals(False)

    def export_title(self) -> ExportTitle:
        """The record's title for Excel and print, with its filters."""
        period = (self.period_check, self.date_from, self.date_to)
        filters = filter_texts(
            self.unit_combo,
            self.stage_combo,
            self.level_combo,
            period,
            self.open_check,
            self.search,
        )
        return ExportTitle(self.tr("预警台账"), filters)

    # -- filters ------------------------------------------------------------------------

    def query(self) -> WarningFilter:
        """The filters as chosen now."""
        stage = str(self.stage_combo.currentData() or "")
        level = int(self.level_combo.currentData() or 0)
        since, until = (None, None)
        if self.period_check.isChecked():
            since, until = day_bounds(
                from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
            )
        return WarningFilter(
            unit=str(self.unit_combo.currentData() or "") or None,
            stage=Stage(stage) if stage else None,
            level=level or None,
            since=since,
            until=until,
            open_only=self.open_check.isChecked(),
            code=self.search.text().strip(),
        )

    def apply_filter(self) -> None:
        """Read the record again with the filters as they are now."""
        if self._applying:
            return
        self._debounce.stop()
        rows = list_warnings(self.workspace.store, self.query())
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("共 {0} 条").format(len(rows)))
        if rows:
            self.stack.setCurrentWidget(self.view)
            self.view.resizeColumnsToContents()
        else:
            self.empty.setText(self.empty_text())
            self.stack.setCurrentWidget(self.empty)

    def refresh(self) -> None:
        """Read the record again (after a sync), keeping the filters."""
        self._fill_units()
        self.apply_filter()

    def empty_text(self) -> str:
        """What the list says when it holds no episode."""
        if self.query() != WarningFilter():
            return self.tr("没有符合筛选条件的预警记录。请放宽筛选条件。")
        return self.tr("暂无预警记录。线索的某一环节临近或超过时限时，市平台会在此记下预警。")

    def _set_filters(
        self, *, level: int = 0, open_only: bool = False, period: tuple[date, date] | None = None
    ) -> None:
        """Set the filter widgets at once, then query once."""
        self._applying = True
        try:
            self.unit_combo.setCurrentIndex(0)
            self.stage_combo.setCurrentIndex(0)
            self.level_combo.setCurrentIndex(max(self.level_combo.findData(level), 0))
            self.open_check.setChecked(open_only)
            self.period_check.setChecked(period is not None)
            if period is not None:
                self.date_from.setDate(to_qdate(period[0]))
                self.date_to.setDate(to_qdate(period[1]))
            self.search.clear()
        finally:
            self._applying = False
        self.apply_filter()

    def show_red_this_week(self) -> None:
        """本周红色预警: level 3 reached this week (Monday to Sunday)."""
        monday = week_start(self.workspace.now()).date()
        self._set_filters(level=RED, period=(monday, monday + timedelta(days=6)))

    def show_red_still_open(self) -> None:
        """红色预警未消除: level 3 that still lasts."""
        self._set_filters(level=RED, open_only=True)

    def clear_filters(self) -> None:
        """Every episode of the record."""
        self._set_filters()

    def _period_toggled(self, on: bool) -> None:
        self._set_period_enabled(on)
        self.apply_filter()

    def _set_period_enabled(self, on: bool) -> None:
        for widget in (self.date_from, self.to_label, self.date_to):
            widget.setEnabled(on)

    def _search_entered(self) -> None:
        self.apply_filter()
        self.view.setFocus()

    # -- rows -----------------------------------------------------------------------------

    def selected_code(self) -> str:
        """The clue code of the selected episode ('' for none)."""
        index = self.view.currentIndex()
        return self.model.row_at(index.row()).code if index.isValid() else ""

    def _current_changed(self) -> None:
        index = self.view.currentIndex()
        red = index.isValid() and self.model.row_at(index.row()).episode.level == 3
        self.accountability_button.setEnabled(red)
        self.clue_selected.emit(self.selected_code())

    def _request_accountability(self) -> None:
        code = self.selected_code()
        if code:
            self.accountability_requested.emit(code)

    def _activated(self) -> None:
        code = self.selected_code()
        if code:
            self.clue_requested.emit(code)
