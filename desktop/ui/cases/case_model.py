"""The case list as a table model: rows from `desktop.store.cases.case_list` (queried in a
worker), each with the countdown of its decision deadline in working days and its warning
level at the model's clock, sortable by any column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.domain.cases import RUNNING_STATUSES, CaseStatus
from desktop.domain.deadlines import countdown, warning_level
from desktop.store.cases import CaseRow, case_list
from desktop.ui.labels import label
from desktop.ui.queue_model import TINTED_TEXT, WARNING_TINTS, QueueModel, format_time
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "CaseListModel"

CaseIdRole = Qt.ItemDataRole.UserRole + 1
"""data() role: the case id (UUID text) of the row."""
WarningLevelRole = Qt.ItemDataRole.UserRole + 2
"""data() role: the warning level 0–3 of the row's decision deadline, at the model's now."""
ClueCodeRole = Qt.ItemDataRole.UserRole + 3
"""data() role: the code of the case's clue."""


class Column(IntEnum):
    """The columns of the case list, in display order."""

    NUMBER = 0
    PARTY = 1
    CAUSE = 2
    UNIT = 3
    FILED = 4
    STATUS = 5
    COUNTDOWN = 6
    WARNING = 7
    CLUE = 8


HEADERS = {
    Column.NUMBER: QT_TRANSLATE_NOOP("CaseListModel", "立案号"),
    Column.PARTY: QT_TRANSLATE_NOOP("CaseListModel", "当事人"),
    Column.CAUSE: QT_TRANSLATE_NOOP("CaseListModel", "案由"),
    Column.UNIT: QT_TRANSLATE_NOOP("CaseListModel", "办案单位"),
    Column.FILED: QT_TRANSLATE_NOOP("CaseListModel", "立案日期"),
    Column.STATUS: QT_TRANSLATE_NOOP("CaseListModel", "状态"),
    Column.COUNTDOWN: QT_TRANSLATE_NOOP("CaseListModel", "决定期限"),
    Column.WARNING: QT_TRANSLATE_NOOP("CaseListModel", "预警"),
    Column.CLUE: QT_TRANSLATE_NOOP("CaseListModel", "线索编号"),
}

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_LIVE_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    WarningLevelRole,
]


@dataclass(frozen=True)
class CaseQuery:
    """The list's filters (see `case_list`): None or empty means any."""

    statuses: frozenset[CaseStatus] = frozenset()
    unit_code: str | None = None
    warning_levels: frozenset[int] | None = None
    filed_from: date | None = None
    filed_to: date | None = None
    text: str = ""


@dataclass(frozen=True)
class Live:
    """What changes with the clock: the warning level and the countdown texts."""

    level: int
    short: str
    full: str


def _translated(source: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(source))


class CaseListModel(QAbstractTableModel):
    """Penalty cases for a QTableView; `refresh()` queries in a worker, `loaded` follows."""

    loaded = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.query = CaseQuery()
        self._rows: list[CaseRow] = []
        self._live: dict[str, Live] = {}
        self._now = workspace.now()
        self._tints = {level: QColor(tint) for level, tint in WARNING_TINTS.items()}
        self._tinted_text = QColor(TINTED_TEXT)
        self._generation = 0
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.loading = False

    # -- querying -------------------------------------------------------------------------

    def set_query(self, query: CaseQuery) -> None:
        """Filter anew and query again."""
        self.query = query
        self.refresh()

    def refresh(self) -> None:
        """Query the cases again in a worker; `loaded` follows."""
        self._generation += 1
        generation = self._generation
        ws, query = self.workspace, self.query
        store, viewer, now = ws.store, ws.viewer, ws.now()
        self.loading = True

        def work(_task: Task[list[CaseRow]]) -> list[CaseRow]:
            return case_list(
                store,
                viewer,
                statuses=query.statuses or None,
                unit_codes={query.unit_code} if query.unit_code else None,
                warning_levels=query.warning_levels,
                filed_from=query.filed_from,
                filed_to=query.filed_to,
                text=query.text,
                now=now,
            )

        def done(rows: list[CaseRow]) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.set_rows(rows, now)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.loading = False
                self.loaded.emit()

        run_task(work, done, failed, owner=self)

    def set_rows(self, rows: Sequence[CaseRow], now: datetime | None = None) -> None:
        """Show these rows (in the store's order, or the column sorted by)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._live.clear()
        self._now = now or self.workspace.now()
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()
        self.loading = False
        self.loaded.emit()

    # -- rows -----------------------------------------------------------------------------

    def ids(self) -> list[str]:
        """The case ids in display order."""
        return [row.case_id for row in self._rows]

    def case_row(self, row: int) -> CaseRow:
        """The data of `row`; IndexError when there is none."""
        if not 0 <= row < len(self._rows):
            raise IndexError(row)
        return self._rows[row]

    def row_of(self, case_id: str) -> int:
        """The row of a case, -1 when not shown."""
        return next((i for i, row in enumerate(self._rows) if row.case_id == case_id), -1)

    # -- the clock ------------------------------------------------------------------------

    def now(self) -> datetime:
        """The instant warning levels and countdowns are computed at."""
        return self._now

    def tick(self, now: datetime) -> int:
        """Move the clock on; rows whose countdown or level changed are updated. How many."""
        self._now = now
        old, self._live = self._live, {}
        changed = 0
        for index, row in enumerate(self._rows):
            if old.get(row.case_id) != self.live(row):
                changed += 1
                last = self.index(index, len(Column) - 1)
                self.dataChanged.emit(self.index(index, 0), last, _LIVE_ROLES)
        return changed

    def live(self, row: CaseRow) -> Live:
        """The level and countdown of a row at the model's now."""
        found = self._live.get(row.case_id)
        if found is None:
            found = self._live[row.case_id] = self._compute(row)
        return found

    def _compute(self, row: CaseRow) -> Live:
        if row.status not in RUNNING_STATUSES:
            return Live(0, "", "")
        ws = self.workspace
        level = warning_level(row.deadline, self._now, ws.calendar, ws.rules.warnings)
        left = countdown(row.deadline, self._now, ws.calendar)
        return Live(level, left.short_text(), left.text())

    # -- sorting --------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column (kept across queries); -1: the store's order again."""
        if column < 0:
            self._sort = None
            return
        if column >= len(Column):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        key = self._sort_key(Column(column))
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def _sort_key(self, column: Column) -> Callable[[CaseRow], Any]:
        if column is Column.FILED:
            return lambda r: (r.filed_on, r.number)
        if column is Column.COUNTDOWN:
            return lambda r: (r.status not in RUNNING_STATUSES, r.deadline)
        if column is Column.WARNING:
            return lambda r: (self.live(r).level, -r.deadline.timestamp())
        if column is Column.STATUS:
            order = {s: i for i, s in enumerate(CaseStatus)}
            return lambda r: order[r.status]
        return lambda r: self.text(r, Live(0, "", ""), column)

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of cases."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Rows are selectable, not editable."""
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _translated(HEADERS[Column(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts, warning colours and tooltips of a cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == CaseIdRole:
            return row.case_id
        if role == ClueCodeRole:
            return row.clue_code
        if role not in _LIVE_ROLES:
            return None
        live = self.live(row)
        if role == WarningLevelRole:
            return live.level
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._tints[live.level] if live.level else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._tinted_text if live.level else None
        column = Column(index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, live, column)
        return self.text(row, live, column)

    def text(self, row: CaseRow, live: Live, column: Column) -> str:
        """The display text of a cell."""
        if column is Column.NUMBER:
            return row.number
        if column is Column.PARTY:
            return row.party_name
        if column is Column.CAUSE:
            return row.cause
        if column is Column.UNIT:
            return self.workspace.unit_name(row.unit_code)
        if column is Column.FILED:
            return row.filed_on.isoformat()
        if column is Column.STATUS:
            status = label(row.status)
            return self.tr("{0}（待同步）").format(status) if row.pending else status
        if column is Column.COUNTDOWN:
            return live.short
        if column is Column.WARNING:
            return QueueModel.warning_text(live.level)
        return row.clue_code

    def _tooltip(self, row: CaseRow, live: Live, column: Column) -> str | None:
        if column in (Column.COUNTDOWN, Column.WARNING, Column.STATUS):
            if row.status not in RUNNING_STATUSES:
                if row.decided_on is not None:
                    return self.tr("已于 {0} 作出处罚决定（{1}），不再计算决定期限").format(
                        row.decided_on.isoformat(), row.decision_number
                    )
                return self.tr("{0}，不再计算决定期限").format(label(row.status))
            return self.tr("{warning}\n决定期限 {deadline}，{countdown}").format(
                warning=self.warning_explanation(live.level),
                deadline=format_time(row.deadline),
                countdown=live.full,
            )
        if column in (Column.PARTY, Column.CAUSE):
            return self.text(row, live, column) or None
        if live.level:
            return self.warning_explanation(live.level)
        return None

    def warning_explanation(self, level: int) -> str:
        """What a warning level of a decision deadline means."""
        days = self.workspace.rules.warnings
        if level == 1:
            return self.tr("一级预警（黄色，●）：距决定期限不足 {0} 个工作日").format(
                days.level1_remaining_days
            )
        if level == 2:
            return self.tr("二级预警（橙色，▲）：已超过决定期限，请尽快作出决定或报批延期")
        if level == 3:
            return self.tr("三级预警（红色，■）：超过决定期限 {0} 个工作日以上").format(
                days.level3_overdue_days
            )
        return self.tr("未预警")
