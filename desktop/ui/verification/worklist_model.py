"""The worklist of a week's verification as a table: one row per drawn clue with where it
stands and what was last recorded on it, filtered by status, unit, result and code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from desktop.domain.codes import Channel
from desktop.domain.timeutil import to_china
from desktop.domain.verification import ItemStatus, VerificationResult
from desktop.store.verification import WorkItem
from desktop.ui.cell_roles import TypedValueRole
from desktop.ui.labels import label, label_of

CONTEXT = "VerificationWorklist"

AnyIndex = QModelIndex | QPersistentModelIndex
ItemRole = Qt.ItemDataRole.UserRole + 1
"""data() role: the row's WorkItem."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""data() role: the value a column sorts by."""

NOT_RECORDED = "none"
"""The result filter's value for items with nothing recorded yet."""


class Column(IntEnum):
    """The worklist's columns."""

    CODE = 0
    UNIT = 1
    CHANNEL = 2
    CLOSED = 3
    STATUS = 4
    RESULT = 5
    NOTE = 6


HEADERS = {
    Column.CODE: QT_TRANSLATE_NOOP("VerificationWorklist", "线索编号"),
    Column.UNIT: QT_TRANSLATE_NOOP("VerificationWorklist", "承办单位"),
    Column.CHANNEL: QT_TRANSLATE_NOOP("VerificationWorklist", "来源渠道"),
    Column.CLOSED: QT_TRANSLATE_NOOP("VerificationWorklist", "办结日期"),
    Column.STATUS: QT_TRANSLATE_NOOP("VerificationWorklist", "核查状态"),
    Column.RESULT: QT_TRANSLATE_NOOP("VerificationWorklist", "核查结果"),
    Column.NOTE: QT_TRANSLATE_NOOP("VerificationWorklist", "核查意见"),
}

STATUS_TINTS = {
    ItemStatus.TO_VERIFY: None,
    ItemStatus.RECHECK: "#b35900",
    ItemStatus.REWORK: "#c0392b",
    ItemStatus.PASSED: "#2e7d32",
    ItemStatus.DROPPED: "#808080",
}
"""The text colour of each status (None: the palette's)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def result_text(item: WorkItem) -> str:
    """The last recorded result, with the round when there were several ('' for none)."""
    last = item.last
    if last is None:
        return ""
    text = label(last.verdict)
    if last.round > 1:
        text = QCoreApplication.translate("VerificationWorklist", "{0}（第{1}轮）").format(
            text, last.round
        )
    if last.pending:
        text = QCoreApplication.translate("VerificationWorklist", "{0}（待上传）").format(text)
    return text


def result_key(item: WorkItem) -> str:
    """The last result's value, or NOT_RECORDED."""
    last = item.last
    return last.verdict.value if last is not None else NOT_RECORDED


@dataclass(frozen=True)
class WorklistFilter:
    """What the worklist shows: '' for any."""

    status: str = ""
    unit: str = ""
    result: str = ""
    text: str = ""

    def accepts(self, item: WorkItem) -> bool:
        """Whether an item passes every filter."""
        if self.status and item.status.value != self.status:
            return False
        if self.unit and item.unit_code != self.unit:
            return False
        if self.result and result_key(item) != self.result:
            return False
        needle = self.text.strip().upper()
        return not needle or needle in item.clue_code.upper()


class WorklistModel(QAbstractTableModel):
    """The drawn clues of the week (every batch of the office), in drawing order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[WorkItem] = []
        self._tints = {s: QColor(t) for s, t in STATUS_TINTS.items() if t}

    def set_items(self, items: Sequence[WorkItem]) -> None:
        """Show these items."""
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of drawn clues."""
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(str(HEADERS[Column(section)]))
        return None

    def text(self, item: WorkItem, column: Column) -> str:
        """What a cell shows."""
        if column is Column.CODE:
            return item.clue_code
        if column is Column.UNIT:
            return item.unit_name
        if column is Column.CHANNEL:
            return label_of(Channel, item.channel)
        if column is Column.CLOSED:
            return to_china(item.closed_at).strftime("%Y-%m-%d") if item.closed_at else ""
        if column is Column.STATUS:
            return label(item.status)
        if column is Column.RESULT:
            return result_text(item)
        last = item.last
        return last.note.replace("\n", " ") if last is not None else ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tooltip, colour and sort value of a cell; the row's item."""
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == ItemRole:
            return item
        if role == TypedValueRole and column is Column.CLOSED:
            return to_china(item.closed_at) if item.closed_at else None
        if role == SortRole:
            if column is Column.CLOSED:
                return to_china(item.closed_at).isoformat() if item.closed_at else ""
            if column is Column.STATUS:
                return list(ItemStatus).index(item.status)
            return self.text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.NOTE, Column.UNIT):
            return self.text(item, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.STATUS, Column.RESULT):
            if column is Column.RESULT:
                last = item.last
                if last is None:
                    return None
                status = ItemStatus.REWORK if last.verdict.failed else ItemStatus.PASSED
                return self._tints.get(status)
            return self._tints.get(item.status)
        return None

    def item_at(self, row: int) -> WorkItem:
        """The item of a row."""
        return self.items[row]


class WorklistProxy(QSortFilterProxyModel):
    """The worklist as filtered and sorted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.filter = WorklistFilter()
        self.setSortRole(SortRole)

    def set_filter(self, chosen: WorklistFilter) -> None:
        """Show only the items passing `chosen`."""
        self.beginFilterChange()
        self.filter = chosen
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        """Whether the source row passes the filter."""
        model = self.sourceModel()
        assert isinstance(model, WorklistModel)
        return self.filter.accepts(model.item_at(source_row))

    def item(self, row: int) -> WorkItem:
        """The item shown in a row."""
        source = self.mapToSource(self.index(row, 0))
        model = self.sourceModel()
        assert isinstance(model, WorklistModel)
        return model.item_at(source.row())


RESULT_CHOICES = (NOT_RECORDED, *(r.value for r in VerificationResult))
"""The result filter's values after 全部."""
