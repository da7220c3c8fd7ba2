"""The row report of an import as a table: row number, result, work-order number, field and
reason; rejected rows in red, duplicates in grey."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.import_rows import RowResult, RowStatus
from desktop.ui.labels import field_title

REJECTED_COLOUR = QColor("#b3261e")
DUPLICATE_COLOUR = QColor("#6b6b6b")

Index = QModelIndex | QPersistentModelIndex


class RowReportModel(QAbstractTableModel):
    """The checked rows of a list (a few thousand at most: a day's work orders)."""

    COLUMNS = ("row", "status", "channel_ref", "field", "reason", "clue_code")

    def __init__(self) -> None:
        super().__init__()
        self.results: tuple[RowResult, ...] = ()
        self._titles = (
            self.tr("行号"),
            self.tr("结果"),
            self.tr("渠道编号"),
            self.tr("字段"),
            self.tr("原因"),
            self.tr("线索编号"),
        )
        self._statuses = {
            RowStatus.ACCEPTED: self.tr("可导入"),
            RowStatus.REJECTED: self.tr("拒绝"),
            RowStatus.DUPLICATE: self.tr("重复"),
        }

    def set_results(self, results: Sequence[RowResult]) -> None:
        """Show a new report."""
        self.beginResetModel()
        self.results = tuple(results)
        self.endResetModel()

    def status_text(self, status: RowStatus) -> str:
        """How a row's result reads."""
        return self._statuses[status]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One row per data row of the file."""
        return 0 if parent.isValid() else len(self.results)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Row, result, work-order number, field, reason, clue code."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._titles):
                return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, and the colour of rejected and duplicate rows."""
        if not index.isValid() or not 0 <= index.row() < len(self.results):
            return None
        result = self.results[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = self.COLUMNS[index.column()]
            if column == "row":
                return str(result.number)
            if column == "status":
                return self._statuses[result.status]
            if column == "channel_ref":
                return result.channel_ref
            if column == "field":
                return field_title(result.field) if result.field else ""
            if column == "reason":
                return result.reason
            return result.clue_code
        if role == Qt.ItemDataRole.ForegroundRole:
            if result.status is RowStatus.REJECTED:
                return QBrush(REJECTED_COLOUR)
            if result.status is RowStatus.DUPLICATE:
                return QBrush(DUPLICATE_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and result.problems:
            return result.reason
        return None
