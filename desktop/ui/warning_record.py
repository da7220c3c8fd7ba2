"""The warning record (预警台账) as tables: the rows of episodes with their level's colour, and
the 预警记录 tab of a clue."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
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
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.stages import Stage
from desktop.domain.timeutil import to_china
from desktop.domain.warning_record import ClearedBy
from desktop.store.warnings import WarningRow, clue_warnings
from desktop.ui.cell_roles import TypedValueRole
from desktop.ui.queue_model import TINTED_TEXT, WARNING_GLYPHS, WARNING_TINTS
from desktop.ui.table_export import ExportTitle, install_table_export
from desktop.ui.workspace import Workspace

CONTEXT = "WarningRecord"

AnyIndex = QModelIndex | QPersistentModelIndex

STAGE_NAMES = {
    Stage.DISPATCH: QT_TRANSLATE_NOOP("WarningRecord", "分办"),
    Stage.SIGN: QT_TRANSLATE_NOOP("WarningRecord", "签收"),
    Stage.HANDLE: QT_TRANSLATE_NOOP("WarningRecord", "办理"),
    Stage.REVIEW: QT_TRANSLATE_NOOP("WarningRecord", "审核"),
}
"""The short name of each stage as the record's lists show it."""

LEVEL_NAMES = {
    1: QT_TRANSLATE_NOOP("WarningRecord", "一级（黄）"),
    2: QT_TRANSLATE_NOOP("WarningRecord", "二级（橙）"),
    3: QT_TRANSLATE_NOOP("WarningRecord", "三级（红）"),
}

CLEARED_NAMES = {
    ClearedBy.STAGE_COMPLETED: QT_TRANSLATE_NOOP("WarningRecord", "环节已完成"),
    ClearedBy.EXTENSION_APPROVED: QT_TRANSLATE_NOOP("WarningRecord", "延期已批准"),
    ClearedBy.CLUE_CLOSED: QT_TRANSLATE_NOOP("WarningRecord", "线索已办结"),
    ClearedBy.DEADLINE_CHANGED: QT_TRANSLATE_NOOP("WarningRecord", "时限已变更"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def stage_name(stage: Stage) -> str:
    """The (translated) short name of a stage."""
    return _tr(str(STAGE_NAMES[stage]))


def level_name(level: int) -> str:
    """The level with its shape and colour name, e.g. "■ 三级（红）"."""
    return f"{WARNING_GLYPHS[level]} {_tr(str(LEVEL_NAMES[level]))}"


def cleared_name(by: ClearedBy | None) -> str:
    """How an episode cleared (empty while it lasts)."""
    return _tr(str(CLEARED_NAMES[by])) if by is not None else ""


class Column(IntEnum):
    """The columns of a record table."""

    CODE = 0
    STAGE = 1
    LEVEL = 2
    REACHED = 3
    CLEARED = 4
    CLEARED_BY = 5
    UNIT = 6


HEADERS = {
    Column.CODE: QT_TRANSLATE_NOOP("WarningRecord", "线索编号"),
    Column.STAGE: QT_TRANSLATE_NOOP("WarningRecord", "环节"),
    Column.LEVEL: QT_TRANSLATE_NOOP("WarningRecord", "预警等级"),
    Column.REACHED: QT_TRANSLATE_NOOP("WarningRecord", "达到时间"),
    Column.CLEARED: QT_TRANSLATE_NOOP("WarningRecord", "消除时间"),
    Column.CLEARED_BY: QT_TRANSLATE_NOOP("WarningRecord", "消除方式"),
    Column.UNIT: QT_TRANSLATE_NOOP("WarningRecord", "责任单位"),
}


def _moment(value: Any) -> str:
    return to_china(value).strftime("%Y-%m-%d %H:%M")


class WarningRecordModel(QAbstractTableModel):
    """Rows of the warning record; the level column is tinted in the level's colour."""

    def __init__(self, parent: QObject | None = None, *, with_code: bool = True) -> None:
        super().__init__(parent)
        self.rows: list[WarningRow] = []
        self.columns = [c for c in Column if with_code or c is not Column.CODE]
        self._tints = {level: QColor(tint) for level, tint in WARNING_TINTS.items()}
        self._text = QColor(TINTED_TEXT)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[WarningRow]) -> None:
        """Show these rows."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> WarningRow:
        """The record row shown at `row`."""
        return self.rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of episodes."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(str(HEADERS[self.columns[section]]))
        return None

    def text(self, row: WarningRow, column: Column) -> str:
        """What a cell shows."""
        e = row.episode
        if column is Column.CODE:
            return row.code
        if column is Column.STAGE:
            return stage_name(e.stage)
        if column is Column.LEVEL:
            return level_name(e.level)
        if column is Column.REACHED:
            return _moment(e.reached_at)
        if column is Column.CLEARED:
            return _moment(e.cleared_at) if e.cleared_at else self.tr("未消除")
        if column is Column.CLEARED_BY:
            return cleared_name(e.cleared_by)
        return row.unit_name

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, the level's tint, and bold type for the warnings that still last."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, column)
        if role == TypedValueRole:
            if column is Column.REACHED:
                return row.episode.reached_at
            return row.episode.cleared_at if column is Column.CLEARED else None
        if role == Qt.ItemDataRole.BackgroundRole and column is Column.LEVEL:
            return self._tints[row.episode.level]
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.LEVEL:
            return self._text
        if role == Qt.ItemDataRole.FontRole and row.is_open:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.LEVEL:
            return self.tr("{stage}时限 {deadline}").format(
                stage=stage_name(row.episode.stage), deadline=_moment(row.episode.deadline)
            )
        return None


def record_table(model: WarningRecordModel, name: str) -> QTableView:
    """A read-only, row-selecting table over `model`."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    return view


class ClueWarningsPanel(QWidget):
    """The 预警记录 tab of a clue: every warning level its stages reached and how each ended."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.clue_code = ""
        self.model = WarningRecordModel(self, with_code=False)
        self.view = record_table(self.model, "clue_warnings")
        self.view.setAccessibleName(self.tr("预警记录"))
        self.exporter = install_table_export(self.view, self.export_title, workspace)
        self.empty = QLabel(self.tr("该线索没有预警记录：各环节都在时限内办理。"))
        self.empty.setObjectName("clue_warnings_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.setFocusProxy(self.view)

    def export_title(self) -> ExportTitle:
        """The clue's warning record as a list: 预警记录（线索 …）."""
        code = self.clue_code
        return ExportTitle(
            self.tr("预警记录"),
            (self.tr("线索 {0}").format(code),) if code else (),
            self.tr("预警记录_{0}").format(code) if code else "",
        )

    def show_clue(self, code: str) -> int:
        """Read and show the record of the clue `code`; the number of episodes."""
        self.clue_code = code
        rows = clue_warnings(self.workspace.store, code) if code else []
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.view if rows else self.empty)
        if rows:
            self.view.resizeColumnsToContents()
        return len(rows)
