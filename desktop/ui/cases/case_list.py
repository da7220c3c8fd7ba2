"""The 处罚案件 view of the window: every penalty case the user's unit follows, filtered by
status, filing unit, warning level, filing period and text, with the decision deadline's
countdown; Enter or a double click opens the case on its clue."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.cases import RUNNING_STATUSES, CaseStatus
from desktop.domain.codes import Role
from desktop.domain.timeutil import to_china
from desktop.domain.units import UnitInfo
from desktop.ui.cases.case_model import CaseListModel, CaseQuery, Column
from desktop.ui.countdown import CountdownTicker
from desktop.ui.filter_bar import compact_combo, show_first_entry_whole
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.labels import label
from desktop.ui.notices.fields import from_qdate, to_qdate
from desktop.ui.table_export import ExportTitle, filter_texts, install_table_export
from desktop.ui.workspace import Workspace

CONTEXT = "CasesView"
DEBOUNCE_MS = 250
DEFAULT_PERIOD_DAYS = 365
RUNNING = "running"
"""The status filter's value for every case not yet decided (决定期限 counting down)."""

WARNING_FILTERS: tuple[tuple[object, frozenset[int] | None], ...] = (
    (QT_TRANSLATE_NOOP("CasesView", "全部预警"), None),
    (QT_TRANSLATE_NOOP("CasesView", "已预警（任一级）"), frozenset({1, 2, 3})),
    (QT_TRANSLATE_NOOP("CasesView", "● 一级预警"), frozenset({1})),
    (QT_TRANSLATE_NOOP("CasesView", "▲ 二级预警"), frozenset({2})),
    (QT_TRANSLATE_NOOP("CasesView", "■ 三级预警"), frozenset({3})),
    (QT_TRANSLATE_NOOP("CasesView", "未预警"), frozenset({0})),
)
"""The warning filters: their label and the levels they keep (None: any)."""


def filing_units(workspace: Workspace) -> list[UnitInfo]:
    """The units whose cases the viewer may see that hold the power to file cases: an office
    the units of its area (the city office: all), a unit itself."""
    own = workspace.actor.unit
    powers = workspace.rules.powers
    units = [u for u in workspace.units.values() if powers.may_file_case(u)]
    if workspace.viewer.by_area:
        if own.county_code is not None:
            units = [u for u in units if u.county_code in (own.county_code, None)]
    else:
        units = [u for u in units if u.code == own.code]
    return sorted(units, key=lambda u: u.code)


def sees_cases(workspace: Workspace) -> bool:
    """Whether the user has a case list: everyone but the administrator's account."""
    return workspace.actor.role is not Role.ADMIN


class CasesView(QWidget):
    """The case list with its filters; `case_requested(case_id, clue_code)` opens a case."""

    case_requested = Signal(str, str)
    """Enter or a double click on a case: (case id, clue code)."""
    case_selected = Signal(str, str)
    """The case now selected: (case id, clue code); ('', '') for none."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = CaseListModel(workspace, self)
        layout = QVBoxLayout(self)
        bar_widget = QWidget()
        bar = FlowLayout(bar_widget)
        self.status_combo = compact_combo(self)
        self.status_combo.setObjectName("case_status")
        self.status_combo.addItem(self.tr("全部状态"), "")
        self.status_combo.addItem(self.tr("未决定（期限计算中）"), RUNNING)
        for status in CaseStatus:
            self.status_combo.addItem(label(status), status.value)
        self.unit_combo = compact_combo(self)
        self.unit_combo.setObjectName("case_unit")
        self.unit_combo.addItem(self.tr("全部办案单位"), "")
        for unit in filing_units(workspace):
            self.unit_combo.addItem(unit.name, unit.code)
        self.warning_combo = compact_combo(self)
        self.warning_combo.setObjectName("case_warning")
        for index, (text, _levels) in enumerate(WARNING_FILTERS):
            self.warning_combo.addItem(QCoreApplication.translate(CONTEXT, str(text)), index)
        for combo in (self.status_combo, self.unit_combo, self.warning_combo):
            show_first_entry_whole(combo)
        today = to_china(workspace.now()).date()
        self.period_check = QCheckBox(self.tr("立案日期"))
        self.period_check.setObjectName("case_period")
        self.filed_from = self._date_edit(today - timedelta(days=DEFAULT_PERIOD_DAYS))
        self.filed_from.setObjectName("case_filed_from")
        self.filed_to = self._date_edit(today)
        self.filed_to.setObjectName("case_filed_to")
        self.to_label = QLabel(self.tr("至"))
        self.search = QLineEdit()
        self.search.setObjectName("case_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("立案号、决定书文号、当事人、案由、线索编号"))
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("M" * 18))
        self.count_label = QLabel()
        self.count_label.setObjectName("case_count")
        for widget in (
            QLabel(self.tr("筛选：")),
            self.status_combo,
            self.unit_combo,
            self.warning_combo,
            self.period_check,
            self.filed_from,
            self.to_label,
            self.filed_to,
            self.search,
            self.count_label,
        ):
            bar.addWidget(widget)
        layout.addWidget(bar_widget)
        self.stack = QStackedWidget()
        self.view = QTableView()
        self.view.setObjectName("case_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The store's order (soonest deadline first) until a column header is clicked.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAccessibleName(self.tr("处罚案件列表"))
        self.exporter = install_table_export(self.view, self.export_title, workspace, scope=self)
        self.empty = QLabel()
        self.empty.setObjectName("case_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self._set_period_enabled(False)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.apply_filter)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.unit_combo.currentIndexChanged.connect(self.apply_filter)
        self.warning_combo.currentIndexChanged.connect(self.apply_filter)
        self.period_check.toggled.connect(self._period_toggled)
        self.filed_from.dateChanged.connect(self.apply_filter)
        self.filed_to.dateChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_entered)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.loaded.connect(self._loaded)
        self.ticker = CountdownTicker(self.model, workspace, self)
        self.ticker.start()
        workspace.events.clues_changed.connect(self.refresh)
        self.setFocusProxy(self.view)
        self.apply_filter()

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(to_qdate(day))
        return edit

    def export_title(self) -> ExportTitle:
        """The list's title for Excel and print, with its filters."""
        period = (self.period_check, self.filed_from, self.filed_to)
        filters = filter_texts(
            self.status_combo, self.unit_combo, self.warning_combo, period, self.search
        )
        return ExportTitle(self.tr("处罚案件清单"), filters, self.tr("处罚案件"))

    # -- filters --------------------------------------------------------------------------

    def query(self) -> CaseQuery:
        """The filters as chosen now."""
        status = str(self.status_combo.currentData() or "")
        if status == RUNNING:
            statuses = frozenset(RUNNING_STATUSES)
        elif status:
            statuses = frozenset({CaseStatus(status)})
        else:
            statuses = frozenset()
        levels = WARNING_FILTERS[max(0, self.warning_combo.currentIndex())][1]
        period = self.period_check.isChecked()
        return CaseQuery(
            statuses=statuses,
            unit_code=str(self.unit_combo.currentData() or "") or None,
            warning_levels=levels,
            filed_from=from_qdate(self.filed_from.date()) if period else None,
            filed_to=from_qdate(self.filed_to.date()) if period else None,
            text=self.search.text().strip(),
        )

    def filtered(self) -> bool:
        """Whether any filter narrows the list."""
        return self.query() != CaseQuery()

    def apply_filter(self) -> None:
        """Query the cases with the filters as they are now."""
        self._debounce.stop()
        self.model.set_query(self.query())

    def refresh(self) -> None:
        """Query the cases again with the same filters."""
        self.model.refresh()

    def _period_toggled(self, on: bool) -> None:
        self._set_period_enabled(on)
        self.apply_filter()

    def _set_period_enabled(self, on: bool) -> None:
        for widget in (self.filed_from, self.to_label, self.filed_to):
            widget.setEnabled(on)

    def _search_entered(self) -> None:
        self.apply_filter()
        self.view.setFocus()

    # -- rows -----------------------------------------------------------------------------

    def _loaded(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("共 {0} 件").format(count))
        if count:
            self.stack.setCurrentWidget(self.view)
            self.view.resizeColumnsToContents()
            for column, widest in ((Column.PARTY, 240), (Column.CAUSE, 280)):
                self.view.setColumnWidth(column, min(self.view.columnWidth(column), widest))
        else:
            self.empty.setText(self.empty_text())
            self.stack.setCurrentWidget(self.empty)

    def empty_text(self) -> str:
        """What the list says when it holds no case."""
        if self.filtered():
            return self.tr("没有符合筛选条件的处罚案件。请放宽筛选条件。")
        return self.tr("暂无处罚案件。在线索的“处罚案件”页可对发现的违法行为立案。")

    def selected_case(self) -> tuple[str, str] | None:
        """The (case id, clue code) selected, None when none is."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        row = self.model.case_row(index.row())
        return row.case_id, row.clue_code

    def select_case(self, case_id: str) -> bool:
        """Select a case of the list; False when it is not shown."""
        row = self.model.row_of(case_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    def _current_changed(self) -> None:
        chosen = self.selected_case()
        self.case_selected.emit(*(chosen or ("", "")))

    def _activated(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            row = self.model.case_row(index.row())
            self.case_requested.emit(row.case_id, row.clue_code)
