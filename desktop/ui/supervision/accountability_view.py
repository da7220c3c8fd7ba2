"""问责记录: the commission's accountability records (the unit concerned sees its own, read
only), filtered by unit, measure and decision period; Enter opens a record with its history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accountability import AccountabilityAction, Measure
from desktop.store.supervision import (
    AccountabilityRow,
    list_accountability,
    load_accountability,
    load_suggestion,
)
from desktop.ui.cell_roles import TypedValueRole
from desktop.ui.filter_bar import compact_combo, show_first_entry_whole
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.labels import label
from desktop.ui.notices.fields import from_qdate, to_qdate
from desktop.ui.queue_model import format_time
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.supervision.accountability_form import AccountabilityForm
from desktop.ui.supervision.areas import (
    CLOSE_BRACKET,
    LIST_SEPARATOR,
    OPEN_BRACKET,
    is_commission,
    supervised_units,
)
from desktop.ui.table_export import ExportTitle, filter_texts, install_table_export
from desktop.ui.workspace import Workspace

RECORD_KEY = "Ctrl+Alt+K"
"""登记问责… in the commission's list."""
IdRole = Qt.ItemDataRole.UserRole + 1
DEFAULT_PERIOD_DAYS = 365


def persons_text(row: AccountabilityRow) -> str:
    """The persons as one line: 张三（副镇长）、李四（站长）."""
    return LIST_SEPARATOR.join(
        f"{p.name}{OPEN_BRACKET}{p.post}{CLOSE_BRACKET}" for p in row.state.persons
    )


class AccountabilityView(QWidget):
    """The accountability records with their filters."""

    clue_requested = Signal(str)
    count_changed = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.commission = is_commission(workspace)
        self.dialog: QWidget | None = None
        self.rows: list[AccountabilityRow] = []
        layout = QVBoxLayout(self)
        bar_widget = QWidget()
        bar = FlowLayout(bar_widget)
        self.unit_combo = compact_combo(self)
        self.unit_combo.setObjectName("accountability_unit")
        self.unit_combo.addItem(self.tr("全部被问责单位"), "")
        if self.commission:
            for unit in supervised_units(workspace):
                self.unit_combo.addItem(unit.name, unit.code)
        self.unit_combo.setVisible(self.commission)
        self.measure_combo = compact_combo(self)
        self.measure_combo.setObjectName("accountability_measure")
        self.measure_combo.addItem(self.tr("全部问责方式"), "")
        for measure in Measure:
            self.measure_combo.addItem(label(measure), measure.value)
        for combo in (self.unit_combo, self.measure_combo):
            show_first_entry_whole(combo)
        today = workspace.now().date()
        self.period_check = QCheckBox(self.tr("决定日期"))
        self.decided_from = self._date_edit(today - timedelta(days=DEFAULT_PERIOD_DAYS))
        self.decided_to = self._date_edit(today)
        self.count_label = QLabel()
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.clicked.connect(self.open_current)
        self.record_button = QPushButton(self.tr("登记问责…"))
        self.record_button.setToolTip(RECORD_KEY)
        self.record_button.setVisible(self.commission)
        self.record_button.clicked.connect(lambda: self.open_record_form())
        for widget in (
            QLabel(self.tr("筛选：")),
            self.unit_combo,
            self.measure_combo,
            self.period_check,
            self.decided_from,
            QLabel(self.tr("至")),
            self.decided_to,
            self.count_label,
            self.open_button,
            self.record_button,
        ):
            bar.addWidget(widget)
        layout.addWidget(bar_widget)
        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("决定日期"),
                self.tr("被问责单位"),
                self.tr("责任人"),
                self.tr("问责方式"),
                self.tr("文号"),
                self.tr("涉及"),
                self.tr("状态"),
            ]
        )
        self.view = QTableView()
        self.view.setObjectName("accountability_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.setAccessibleName(self.tr("问责记录列表"))
        self.exporter = install_table_export(self.view, self.export_title, workspace, scope=self)
        layout.addWidget(self.view, 1)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self._set_period_enabled(False)
        self.unit_combo.currentIndexChanged.connect(self.refresh)
        self.measure_combo.currentIndexChanged.connect(self.refresh)
        self.period_check.toggled.connect(self._period_toggled)
        self.decided_from.dateChanged.connect(self.refresh)
        self.decided_to.dateChanged.connect(self.refresh)
        self.view.activated.connect(lambda _index: self.open_current())
        if self.commission:
            QShortcut(QKeySequence(RECORD_KEY), self, lambda: self.open_record_form())
        workspace.events.clues_changed.connect(self.refresh)
        self.setFocusProxy(self.view)
        self.refresh()

    def export_title(self) -> ExportTitle:
        """The list's title for Excel and print, with its filters."""
        period = (self.period_check, self.decided_from, self.decided_to)
        filters = filter_texts(self.unit_combo, self.measure_combo, period)
        return ExportTitle(self.tr("问责记录清单"), filters, self.tr("问责记录"))

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(to_qdate(day))
        return edit

    def _period_toggled(self, on: bool) -> None:
        self._set_period_enabled(on)
        self.refresh()

    def _set_period_enabled(self, on: bool) -> None:
        self.decided_from.setEnabled(on)
        self.decided_to.setEnabled(on)

    def refresh(self) -> None:
        """Read the records again with the filters as they are now."""
        if not shiboken6.isValid(self):
            return
        own = self.workspace.actor.unit.code
        unit = str(self.unit_combo.currentData() or "") or None
        measure = str(self.measure_combo.currentData() or "")
        rows = list_accountability(
            self.workspace.store,
            unit_concerned=unit if self.commission else own,
            measure=Measure(measure) if measure else None,
        )
        if self.commission:
            rows = [r for r in rows if r.state.commission_unit == own]
        if self.period_check.isChecked():
            first, last = from_qdate(self.decided_from.date()), from_qdate(self.decided_to.date())
            rows = [r for r in rows if first <= r.state.decided_on <= last]
        self.show_rows(rows)

    def show_rows(self, rows: Sequence[AccountabilityRow]) -> None:
        """Show these records."""
        self.rows = list(rows)
        self.model.removeRows(0, self.model.rowCount())
        ws = self.workspace
        for row in self.rows:
            state = row.state
            about = []
            if state.clue_codes:
                about.append(self.tr("{0} 条线索").format(len(state.clue_codes)))
            if state.suggestion_id:
                about.append(self.tr("逾期未答复的建议"))
            status = label(state.status)
            if row.pending:
                status = self.tr("{0}（待同步）").format(status)
            cells = [
                state.decided_on.isoformat(),
                ws.unit_name(state.unit_concerned),
                persons_text(row),
                label(state.measure),
                state.document_number,
                LIST_SEPARATOR.join(about),
                status,
            ]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(state.record_id, IdRole)
            items[0].setData(state.decided_on, TypedValueRole)
            self.model.appendRow(items)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(2, min(self.view.columnWidth(2), 260))
        count = len(self.rows)
        self.count_label.setText(self.tr("共 {0} 条").format(count))
        self.empty.setText("" if count else self.tr("没有问责记录。"))
        self.empty.setVisible(not count)
        self.count_changed.emit(count)

    def current_id(self) -> str | None:
        """The record selected, None when none is."""
        index = self.view.currentIndex()
        return self.rows[index.row()].state.record_id if index.isValid() else None

    def open_current(self) -> AccountabilityDialog | None:
        """Open the selected record."""
        chosen = self.current_id()
        return self.open_record(chosen) if chosen else None

    def open_record(self, record_id: str) -> AccountabilityDialog:
        """Open a record in its window."""
        dialog = AccountabilityDialog(self.workspace, record_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.clue_requested.connect(self.clue_requested)
        dialog.changed.connect(self.refresh)
        self.dialog = dialog
        dialog.show()
        return dialog

    def open_record_form(
        self, clue_codes: Sequence[str] = (), suggestion_id: str | None = None
    ) -> AccountabilityForm | None:
        """登记问责…, prefilled with clues or a suggestion (the commission only)."""
        if not self.commission:
            return None
        form = AccountabilityForm(
            self.workspace, self, clue_codes=clue_codes, suggestion_id=suggestion_id
        )
        form.taken.connect(lambda _done: self.refresh())
        self.dialog = form
        form.open()
        return form


class AccountabilityDialog(QDialog):
    """One accountability record with its history; the commission that made it may amend it."""

    clue_requested = Signal(str)
    changed = Signal()

    def __init__(self, workspace: Workspace, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.record_id = record_id
        self.form: AccountabilityForm | None = None
        fit_to_screen(self, QSize(760, 600))
        layout = QVBoxLayout(self)
        self.facts = QFormLayout()
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(self.facts)
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("accountability_history")
        self.history.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("操作"), self.tr("用户"), self.tr("说明")]
        )
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(QLabel(self.tr("历史：")))
        layout.addWidget(self.history, 1)
        row = QHBoxLayout()
        self.amend_button = QPushButton(self.tr("修改…"))
        self.amend_button.clicked.connect(self.open_amend)
        row.addWidget(self.amend_button)
        row.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        """Read the record again and show it."""
        found = load_accountability(self.workspace.store, self.record_id)
        while self.facts.rowCount():
            self.facts.removeRow(0)
        if found is None:
            self.facts.addRow(QLabel(self.tr("本机没有这条问责记录")))
            self.amend_button.hide()
            return
        ws = self.workspace
        state = found.state
        self.setWindowTitle(self.tr("问责记录：{0}").format(state.document_number))
        rows = [
            (self.tr("作出单位"), ws.unit_name(state.commission_unit)),
            (self.tr("被问责单位"), ws.unit_name(state.unit_concerned)),
            (self.tr("责任人"), persons_text(found)),
            (self.tr("问责方式"), label(state.measure)),
            (self.tr("决定日期"), state.decided_on.isoformat()),
            (self.tr("文号"), state.document_number),
            (self.tr("涉及线索"), LIST_SEPARATOR.join(state.clue_codes) or self.tr("（无）")),
            (self.tr("问责事实"), state.facts or self.tr("（未填写）")),
        ]
        if state.suggestion_id:
            rows.insert(
                7, (self.tr("未按期答复的建议"), self._suggestion_text(state.suggestion_id))
            )
        for name, value in rows:
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(name + self.tr("："), shown)
        self.history.setRowCount(len(found.history))
        for index, entry in enumerate(found.history):
            try:
                action = label(AccountabilityAction(entry.action))
            except ValueError:
                action = entry.action
            if entry.pending:
                action = self.tr("{0}（待同步）").format(action)
            values = [format_time(entry.at), action, ws.person_name(entry.username), entry.note]
            for column, value in enumerate(values):
                self.history.setItem(index, column, QTableWidgetItem(value))
        self.history.resizeColumnsToContents()
        mine = is_commission(ws) and state.commission_unit == ws.actor.unit.code
        self.amend_button.setVisible(mine)

    def _suggestion_text(self, suggestion_id: str) -> str:
        detail = load_suggestion(self.workspace.store, suggestion_id)
        return detail.state.number if detail is not None else suggestion_id

    def _amended(self, _done: object) -> None:
        if shiboken6.isValid(self):
            self.reload()
            self.changed.emit()

    def open_amend(self) -> AccountabilityForm | None:
        """Open the amending form (the commission that recorded it)."""
        found = load_accountability(self.workspace.store, self.record_id)
        if found is None:
            return None
        form = AccountabilityForm(self.workspace, self, record=found.state)
        form.taken.connect(self._amended)
        self.form = form
        form.open()
        return form
