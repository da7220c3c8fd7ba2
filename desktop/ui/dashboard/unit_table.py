"""The table under the unit chart: one row per unit (or other group) with the same figures, so
every bar can be reached from the keyboard; Enter on a cell opens the clues behind it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.domain.statistics import FIGURES, FigureDef
from desktop.store.statistics import StatsGroup
from desktop.ui.cell_roles import PercentColumnRole, TypedValueRole
from desktop.ui.dashboard.texts import value_text

AnyIndex = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
"""data() role: the value a column sorts by (numbers as numbers, no rate last)."""
GroupKeyRole = Qt.ItemDataRole.UserRole + 2
"""data() role: the row's group key (a unit code)."""
FigureKeyRole = Qt.ItemDataRole.UserRole + 3
"""data() role: the column's figure key (None for the unit's name)."""

TABLE_KEYS: tuple[str, ...] = (
    "received",
    "closed",
    "closure_rate",
    "sign_on_time_rate",
    "handle_on_time_rate",
    "warning_level2",
    "warning_level3",
    "returned",
    "rejected",
    "satisfaction_rate",
    "notices_issued",
    "cases_filed",
)
"""The figure columns of the table, in order (a key the statistics do not define is left out)."""


def table_figures() -> tuple[FigureDef, ...]:
    """The figures of the table's columns."""
    defined = {f.key: f for f in FIGURES}
    return tuple(defined[key] for key in TABLE_KEYS if key in defined)


class GroupFiguresModel(QAbstractTableModel):
    """The groups of the statistics (units, worst first) with one column per figure."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.figures = table_figures()
        self.rows: list[StatsGroup] = []
        self.values: list[list[int | float | None]] = []
        """Each row's figure values, in the columns' order (read once, not per paint)."""
        self.texts: list[list[str]] = []
        """Each row's cell texts, the unit's name first."""

    def set_rows(self, rows: Sequence[StatsGroup]) -> None:
        """Show these groups, in this order."""
        self.beginResetModel()
        self.rows = list(rows)
        self.values = [[g.figures.value(f.key) for f in self.figures] for g in self.rows]
        self.texts = [
            [group.label, *(value_text(f, v) for f, v in zip(self.figures, values, strict=True))]
            for group, values in zip(self.rows, self.values, strict=True)
        ]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """One row per group."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """The unit's name, then the figures."""
        return 0 if parent.isValid() else 1 + len(self.figures)

    def figure_of(self, column: int) -> FigureDef | None:
        """The figure of a column, None for the unit's name."""
        return self.figures[column - 1] if 1 <= column <= len(self.figures) else None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The figures' names over their columns."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        definition = self.figure_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if definition is None:
                return QCoreApplication.translate("GroupFiguresModel", "单位")
            return definition.label
        if role == Qt.ItemDataRole.ToolTipRole and definition is not None:
            return definition.definition
        if role == PercentColumnRole:
            return definition is not None and definition.is_rate
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A group's name or one of its figures."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts[row][column]
        group = self.rows[row]
        definition = self.figure_of(column)
        if role == GroupKeyRole:
            return group.key
        if role == FigureKeyRole:
            return definition.key if definition is not None else None
        if definition is None:
            if role in (Qt.ItemDataRole.DisplayRole, SortRole, Qt.ItemDataRole.ToolTipRole):
                return group.label
            return None
        value = self.values[row][column - 1]
        if role == TypedValueRole:
            return value
        if role == SortRole:
            return float("-inf") if value is None else float(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "GroupFiguresModel", "{unit} {figure}：{value}（按 Enter 查看这些线索）"
            ).format(unit=group.label, figure=definition.label, value=self.texts[row][column])
        return None
