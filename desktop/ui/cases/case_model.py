"""The case list as a table model: rows from `desktop.store.cases.case_list` (queried in a
worker), each with the countdown of its decision deadline in working days and its warning
level at the model's clock, sortable by any column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt

from desktop.domain.cases import RUNNING_STATUSES, CaseStatus
from desktop.store.cases import CaseRow, case_list
from desktop.ui.deadline_model import ClueCodeRole as ClueCodeRole
from desktop.ui.deadline_model import DeadlineTableModel, IdRole, Live
from desktop.ui.deadline_model import WarningLevelRole as WarningLevelRole
from desktop.ui.labels import label
from desktop.ui.queue_model import NOT_RUNNING, QueueModel, format_time
from desktop.ui.workspace import Workspace

CONTEXT = "CaseListModel"

CaseIdRole = IdRole
"""data() role: the case id (UUID text) of the row."""


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


@dataclass(frozen=True)
class CaseQuery:
    """The list's filters (see `case_list`): None or empty means any."""

    statuses: frozenset[CaseStatus] = frozenset()
    unit_code: str | None = None
    warning_levels: frozenset[int] | None = None
    filed_from: date | None = None
    filed_to: date | None = None
    text: str = ""


class CaseListModel(DeadlineTableModel[CaseRow]):
    """Penalty cases for a QTableView; `refresh()` queries in a worker, `loaded` follows."""

    CONTEXT = CONTEXT
    COLUMNS = Column
    HEADERS = HEADERS

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(workspace, parent)
        self.query = CaseQuery()
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- querying -------------------------------------------------------------------------

    def set_query(self, query: CaseQuery) -> None:
        """Filter anew and query again."""
        self.query = query
        self.refresh()

    def _fetcher(self, now: datetime) -> Callable[[], list[CaseRow]]:
        store, viewer, query = self.workspace.store, self.workspace.viewer, self.query
        return lambda: case_list(
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

    def _arrange(self, rows: Sequence[CaseRow]) -> list[CaseRow]:
        """The rows in the store's order, or sorted by the column sorted by."""
        arranged = list(rows)
        if self._sort is not None:
            column, order = self._sort
            arranged.sort(key=self._sort_key(Column(column)), reverse=_descending(order))
        return arranged

    # -- rows -----------------------------------------------------------------------------

    def row_key(self, row: CaseRow) -> str:
        """The case id of a row."""
        return row.case_id

    def running_deadline(self, row: CaseRow) -> datetime | None:
        """The decision deadline while the case runs."""
        return row.deadline if row.status in RUNNING_STATUSES else None

    def case_row(self, row: int) -> CaseRow:
        """The data of `row`; IndexError when there is none."""
        return self._row_at(row)

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
        self._rows.sort(key=self._sort_key(Column(column)), reverse=_descending(order))

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
        return lambda r: self.text(r, NOT_RUNNING, column)

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

    def typed(self, row: CaseRow, column: Column) -> date | None:
        """The filing date as a date (for an export)."""
        return row.filed_on if column is Column.FILED else None

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


def _descending(order: Qt.SortOrder) -> bool:
    return order == Qt.SortOrder.DescendingOrder
