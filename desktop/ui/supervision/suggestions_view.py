"""建议与督办 (the commission: every suggestion it issued) and 待答复的建议 (a unit: those
addressed to it): filters by kind, state, addressed unit and 答复逾期, the reply deadline's
countdown; Enter or a double click opens a suggestion."""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.suggestions import AWAITING_REPLY, SuggestionKind, SuggestionStatus
from desktop.ui.countdown import CountdownTicker
from desktop.ui.filter_bar import compact_combo, show_first_entry_whole
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.labels import label
from desktop.ui.supervision.areas import is_commission, supervised_units
from desktop.ui.supervision.issue_form import IssueSuggestionForm
from desktop.ui.supervision.suggestion_detail import SuggestionDetailDialog
from desktop.ui.supervision.suggestion_model import (
    Column,
    SuggestionListModel,
    SuggestionQuery,
)
from desktop.ui.table_export import ExportTitle, filter_texts, install_table_export
from desktop.ui.workspace import Workspace

ISSUE_KEY = "Ctrl+Alt+N"
"""发出建议… in the commission's list."""
AWAITING = "awaiting"
"""The state filter's value for every suggestion owing a reply (已发出, 已退回)."""


class SuggestionsView(QWidget):
    """The suggestion list with its filters; opens a suggestion in its own window."""

    clue_requested = Signal(str)
    """A clue code to show in the window (from a suggestion's clues)."""
    accountability_requested = Signal(str)
    """登记问责… on a suggestion: its id."""
    count_changed = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.commission = is_commission(workspace)
        self.dialog: QWidget | None = None
        self.model = SuggestionListModel(workspace, self._base_query(), self)
        layout = QVBoxLayout(self)
        bar_widget = QWidget()
        bar = FlowLayout(bar_widget)
        self.kind_combo = compact_combo(self)
        self.kind_combo.setObjectName("suggestion_kind")
        self.kind_combo.addItem(self.tr("全部种类"), "")
        for kind in SuggestionKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.status_combo = compact_combo(self)
        self.status_combo.setObjectName("suggestion_status")
        self.status_combo.addItem(self.tr("全部状态"), "")
        self.status_combo.addItem(self.tr("待答复（已发出、已退回）"), AWAITING)
        for status in SuggestionStatus:
            self.status_combo.addItem(label(status), status.value)
        self.unit_combo = compact_combo(self)
        self.unit_combo.setObjectName("suggestion_unit")
        self.unit_combo.addItem(self.tr("全部主送单位"), "")
        if self.commission:
            for unit in supervised_units(workspace):
                self.unit_combo.addItem(unit.name, unit.code)
        self.unit_combo.setVisible(self.commission)
        for combo in (self.kind_combo, self.status_combo, self.unit_combo):
            show_first_entry_whole(combo)
        self.overdue_check = QCheckBox(self.tr("答复逾期"))
        self.overdue_check.setObjectName("suggestion_overdue")
        self.count_label = QLabel()
        self.issue_button = QPushButton(self.tr("发出建议…"))
        self.issue_button.setToolTip(ISSUE_KEY)
        self.issue_button.setVisible(self.commission)
        self.issue_button.clicked.connect(lambda: self.open_issue())
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.clicked.connect(self.open_current)
        for widget in (
            QLabel(self.tr("筛选：")),
            self.kind_combo,
            self.status_combo,
            self.unit_combo,
            self.overdue_check,
            self.count_label,
            self.open_button,
            self.issue_button,
        ):
            bar.addWidget(widget)
        layout.addWidget(bar_widget)
        self.stack = QStackedWidget()
        self.view = QTableView()
        self.view.setObjectName("suggestion_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAccessibleName(self.tr("建议列表"))
        self.exporter = install_table_export(self.view, self.export_title, workspace, scope=self)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        for combo in (self.kind_combo, self.status_combo, self.unit_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.overdue_check.toggled.connect(self.apply_filter)
        self.view.activated.connect(lambda _index: self.open_current())
        self.model.loaded.connect(self._loaded)
        if self.commission:
            QShortcut(QKeySequence(ISSUE_KEY), self, lambda: self.open_issue())
        self.ticker = CountdownTicker(self.model, workspace, self)
        self.ticker.start()
        workspace.events.clues_changed.connect(self.refresh)
        self.setFocusProxy(self.view)
        self.apply_filter()

    def _base_query(self) -> SuggestionQuery:
        own = self.workspace.actor.unit.code
        if self.commission:
            return SuggestionQuery(issuing_unit=own)
        return SuggestionQuery(addressed_unit=own)

    def export_title(self) -> ExportTitle:
        """The list's title for Excel and print, with its filters."""
        filters = filter_texts(
            self.kind_combo, self.status_combo, self.unit_combo, self.overdue_check
        )
        if self.commission:
            return ExportTitle(self.tr("建议与督办清单"), filters, self.tr("建议与督办"))
        return ExportTitle(self.tr("待答复的建议清单"), filters, self.tr("待答复的建议"))

    # -- filters --------------------------------------------------------------------------

    def query(self) -> SuggestionQuery:
        """The filters as chosen now."""
        base = self._base_query()
        kind = str(self.kind_combo.currentData() or "")
        status = str(self.status_combo.currentData() or "")
        if status == AWAITING:
            statuses = frozenset(AWAITING_REPLY)
        elif status:
            statuses = frozenset({SuggestionStatus(status)})
        else:
            statuses = frozenset()
        unit = str(self.unit_combo.currentData() or "") if self.commission else ""
        return SuggestionQuery(
            issuing_unit=base.issuing_unit,
            addressed_unit=unit or base.addressed_unit,
            kind=SuggestionKind(kind) if kind else None,
            statuses=statuses,
            overdue_only=self.overdue_check.isChecked(),
        )

    def apply_filter(self) -> None:
        """Query with the filters as they are now."""
        self.model.set_query(self.query())

    def refresh(self) -> None:
        """Query again with the same filters."""
        if shiboken6.isValid(self):
            self.model.refresh()

    def _loaded(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("共 {0} 份").format(count))
        if count:
            self.stack.setCurrentWidget(self.view)
            self.view.resizeColumnsToContents()
            self.view.setColumnWidth(Column.UNIT, min(self.view.columnWidth(Column.UNIT), 200))
        else:
            if self.query() != self._base_query():
                self.empty.setText(self.tr("没有符合筛选条件的建议。请放宽筛选条件。"))
            elif self.commission:
                self.empty.setText(
                    self.tr("尚未发出建议。点击“发出建议…”，或在线索上选择“发出建议…”。")
                )
            else:
                self.empty.setText(self.tr("纪委监委没有向本单位发出的建议。"))
            self.stack.setCurrentWidget(self.empty)
        self.count_changed.emit(count)

    # -- opening --------------------------------------------------------------------------

    def current_id(self) -> str | None:
        """The suggestion selected, None when none is."""
        index = self.view.currentIndex()
        return self.model.line(index.row()).state.suggestion_id if index.isValid() else None

    def select(self, suggestion_id: str) -> bool:
        """Select a suggestion of the list; False when it is not shown."""
        row = self.model.row_of(suggestion_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    def open_current(self) -> SuggestionDetailDialog | None:
        """Open the selected suggestion."""
        chosen = self.current_id()
        return self.open_suggestion(chosen) if chosen else None

    def open_suggestion(self, suggestion_id: str) -> SuggestionDetailDialog:
        """Open a suggestion in its window (non-modal)."""
        dialog = SuggestionDetailDialog(self.workspace, suggestion_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.clue_requested.connect(self.clue_requested)
        dialog.accountability_requested.connect(self.accountability_requested)
        dialog.changed.connect(self.refresh)
        self.dialog = dialog
        dialog.show()
        return dialog

    def open_issue(self, clue_codes: Sequence[str] = ()) -> IssueSuggestionForm | None:
        """发出建议…, prefilled with clues (the commission only)."""
        if not self.commission:
            return None
        form = IssueSuggestionForm(self.workspace, clue_codes, self)
        form.taken.connect(lambda done: self._issued(done.record_id))
        self.dialog = form
        form.open()
        return form

    def _issued(self, suggestion_id: str) -> None:
        if not shiboken6.isValid(self):
            return
        self.model.loaded.connect(
            lambda: self.select(suggestion_id), Qt.ConnectionType.SingleShotConnection
        )
        self.refresh()
