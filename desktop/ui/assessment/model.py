"""The table of the unit assessment: one row per unit of the user's scope, its combined score,
rank, every figure of the assessment and how long its level-3 warnings lasted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.domain.assessment import FIGURES, UnitAssessment
from desktop.store.assessment import StoreAssessment
from desktop.ui.cell_roles import TypedValueRole

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "AssessmentModel"
SortRole = Qt.ItemDataRole.UserRole + 1
"""data() role: the value a column sorts by (numbers as numbers)."""
UnitCodeRole = Qt.ItemDataRole.UserRole + 2
"""data() role: the code of the row's unit."""

FIGURE_HEADINGS: Mapping[str, object] = {
    "received": QT_TRANSLATE_NOOP("AssessmentModel", "收到线索"),
    "signed": QT_TRANSLATE_NOOP("AssessmentModel", "签收"),
    "signed_on_time": QT_TRANSLATE_NOOP("AssessmentModel", "按时签收"),
    "reported": QT_TRANSLATE_NOOP("AssessmentModel", "反馈"),
    "reported_on_time": QT_TRANSLATE_NOOP("AssessmentModel", "按时反馈"),
    "closed": QT_TRANSLATE_NOOP("AssessmentModel", "办结"),
    "handled_on_time": QT_TRANSLATE_NOOP("AssessmentModel", "按时办结"),
    "returned": QT_TRANSLATE_NOOP("AssessmentModel", "退回"),
    "rejected_at_review": QT_TRANSLATE_NOOP("AssessmentModel", "审核不通过"),
    "extensions_asked": QT_TRANSLATE_NOOP("AssessmentModel", "申请延期"),
    "extensions_granted": QT_TRANSLATE_NOOP("AssessmentModel", "批准延期"),
    "red_warnings": QT_TRANSLATE_NOOP("AssessmentModel", "三级预警"),
    "callbacks": QT_TRANSLATE_NOOP("AssessmentModel", "回访"),
    "satisfied": QT_TRANSLATE_NOOP("AssessmentModel", "满意"),
    "basically_satisfied": QT_TRANSLATE_NOOP("AssessmentModel", "基本满意"),
    "unsatisfied": QT_TRANSLATE_NOOP("AssessmentModel", "不满意"),
    "unreached": QT_TRANSLATE_NOOP("AssessmentModel", "未联系上"),
    "suggestions_received": QT_TRANSLATE_NOOP("AssessmentModel", "收到建议"),
    "suggestions_answered_on_time": QT_TRANSLATE_NOOP("AssessmentModel", "按时回复建议"),
}
"""The heading of each figure's column."""

SUGGESTION_FIGURES = frozenset({"suggestions_received", "suggestions_answered_on_time"})
"""Figures whose codes are suggestion ids, not clue codes."""

UNIT, SCORE, RANK, RED_HOURS = "unit", "score", "rank", "red_hours"
COLUMNS: tuple[str, ...] = (
    UNIT,
    SCORE,
    RANK,
    *FIGURES[: FIGURES.index("red_warnings") + 1],
    RED_HOURS,
    *FIGURES[FIGURES.index("red_warnings") + 1 :],
)
"""The columns: the unit, its score and rank, then the figures (the red warnings' duration
beside their count)."""

FIGURE_OF_COLUMN: Mapping[str, str] = {
    **{name: name for name in FIGURES},
    RED_HOURS: "red_warnings",
}
"""The figure whose codes a cell of the column stands for."""


@dataclass(frozen=True)
class UnitRow:
    """One row: a unit of the scope, its assessment (None: nothing in the period), its rank."""

    code: str
    name: str
    assessment: UnitAssessment | None
    rank: int | None


def rows_of(seen: StoreAssessment, scope: Sequence[str]) -> list[UnitRow]:
    """The units of `scope`, ranked by score (the assessment's order; equal scores share a
    rank, 1, 1, 3 …), units without a score after them, then those with nothing in the
    period, by code."""
    wanted = set(scope)
    rows: list[UnitRow] = []
    scored = 0
    rank: int | None = None
    previous: float | None = None
    for unit in seen.units:
        if unit.unit not in wanted:
            continue
        if unit.score is None:
            rank = None
        else:
            scored += 1
            if unit.score != previous:
                rank, previous = scored, unit.score
        rows.append(UnitRow(unit.unit, seen.name(unit.unit), unit, rank))
    assessed = {row.code for row in rows}
    rows += [UnitRow(c, seen.name(c), None, None) for c in sorted(wanted - assessed)]
    return rows


def hours(seconds: int) -> str:
    """Working seconds as hours with one decimal."""
    return f"{seconds / 3600:.1f}"


class AssessmentModel(QAbstractTableModel):
    """The assessment's rows; a figure cell's codes are `codes_at(index)`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UnitRow] = []

    def set_rows(self, rows: Sequence[UnitRow]) -> None:
        """Show new rows."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of units."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def heading(self, column: str) -> str:
        """The title of a column."""
        if column == UNIT:
            return self.tr("单位")
        if column == SCORE:
            return self.tr("综合得分")
        if column == RANK:
            return self.tr("排名")
        if column == RED_HOURS:
            return self.tr("三级预警时长")
        return QCoreApplication.translate(CONTEXT, str(FIGURE_HEADINGS[column]))

    def headerData(  # noqa: N802 - Qt override
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles; the tooltip of a figure column says it clicks through."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.heading(column)
        if role == Qt.ItemDataRole.ToolTipRole and column == RED_HOURS:
            return self.tr("三级预警持续的工作时间（小时），至消除或至今")
        if role == Qt.ItemDataRole.ToolTipRole and column in FIGURE_OF_COLUMN:
            return self.tr("双击或按 Enter 查看该数字背后的线索")
        return None

    def figure_of(self, index: AnyIndex) -> str | None:
        """The figure a cell stands for (None: the unit, score or rank)."""
        if not index.isValid():
            return None
        return FIGURE_OF_COLUMN.get(COLUMNS[index.column()])

    def codes_at(self, index: AnyIndex) -> tuple[str, ...]:
        """The codes behind a figure cell (suggestion ids for the suggestion figures)."""
        figure = self.figure_of(index)
        row = self.rows[index.row()] if index.isValid() else None
        if figure is None or row is None or row.assessment is None:
            return ()
        return row.assessment.figure(figure).codes

    def value(self, row: UnitRow, column: str) -> Any:
        """The raw value of a cell (None: nothing to show)."""
        a = row.assessment
        if column == UNIT:
            return row.name
        if column == RANK:
            return row.rank
        if a is None:
            return None if column == SCORE else 0
        if column == SCORE:
            return a.score
        if column == RED_HOURS:
            return a.red_seconds
        return a.count(column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, sort value, alignment and tooltip of a cell."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        value = self.value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return "—"
            if column == SCORE:
                return f"{value:.2f}"
            if column == RED_HOURS:
                return hours(value)
            return str(value)
        if role == UnitCodeRole:
            return row.code
        if role == TypedValueRole:
            if column == RED_HOURS and value is not None:
                return round(value / 3600, 1)
            return value
        if role == SortRole:
            if column == UNIT:
                return row.code
            if value is None:  # nothing to rank: after the ranked ones either way round
                return float("inf") if column == RANK else -1.0
            return float(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != UNIT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == UNIT:
                return self.tr("{name}（{code}）").format(name=row.name, code=row.code)
            if column == SCORE and row.assessment is not None and value is None:
                return self.tr("本期没有可评分的事项")
            if column in FIGURE_OF_COLUMN and value:
                return self.tr("双击或按 Enter 查看这 {0} 件").format(len(self.codes_at(index)))
        return None
