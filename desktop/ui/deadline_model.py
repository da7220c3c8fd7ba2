"""A table model of document rows that each run against a deadline: the rows are queried in a
worker, and each row's warning level and countdown are computed at the model's clock (moved on
by `tick`), then shown as tints, tooltips and texts. The notice and case lists derive from it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any, ClassVar, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.ui.cell_roles import TypedValueRole
from desktop.ui.queue_model import WARNING_TINTS, Live, live_at, tinted_text
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex

IdRole = Qt.ItemDataRole.UserRole + 1
"""data() role: the id (UUID text) of the row's document."""
WarningLevelRole = Qt.ItemDataRole.UserRole + 2
"""data() role: the warning level 0–3 of the row's deadline, at the model's now."""
ClueCodeRole = Qt.ItemDataRole.UserRole + 3
"""data() role: the code of the document's clue."""

FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
LIVE_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    WarningLevelRole,
]
"""The roles whose data changes with the model's clock."""


class ClueRow(Protocol):
    """What the model needs of every row: the code of its clue."""

    @property
    def clue_code(self) -> str:
        """The code of the row's clue."""
        ...


RowT = TypeVar("RowT", bound=ClueRow)


class DeadlineTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows with a running deadline for a QTableView; `refresh()` queries in a worker.

    A subclass names its translation `CONTEXT`, its `COLUMNS` enum and their `HEADERS` and says how
    to query its rows, a row's id and its running deadline; it draws the texts and tooltips.
    """

    loaded = Signal()

    CONTEXT: ClassVar[str]
    COLUMNS: ClassVar[type[IntEnum]]
    HEADERS: ClassVar[Mapping[Any, object]]

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._rows: list[RowT] = []
        self._live: dict[str, Live] = {}
        self._now = workspace.now()
        self._tints = {level: QColor(tint) for level, tint in WARNING_TINTS.items()}
        self._tinted_text = tinted_text()
        self._generation = 0
        self.loading = False

    # -- what a subclass says -------------------------------------------------------------

    def _fetcher(self, now: datetime) -> Callable[[], list[RowT]]:
        """A query of the rows at `now` to run in a worker (state read here, not there)."""
        raise NotImplementedError

    def _arrange(self, rows: Sequence[RowT]) -> list[RowT]:
        """The rows to show, in display order."""
        return list(rows)

    def row_key(self, row: RowT) -> str:
        """The id of a row's document."""
        raise NotImplementedError

    def running_deadline(self, row: RowT) -> datetime | None:
        """The deadline a row runs against, None when none runs."""
        raise NotImplementedError

    def text(self, row: RowT, live: Live, column: Any) -> str:
        """The display text of a cell."""
        raise NotImplementedError

    def _tooltip(self, row: RowT, live: Live, column: Any) -> str | None:
        raise NotImplementedError

    def typed(self, row: RowT, column: Any) -> Any:
        """A cell's typed value for an export (dates, numbers), None where the text is all."""
        return None

    # -- querying -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Query the rows again in a worker; `loaded` follows."""
        self._generation += 1
        generation = self._generation
        now = self.workspace.now()
        fetch = self._fetcher(now)
        self.loading = True

        def work(_task: Task[list[RowT]]) -> list[RowT]:
            return fetch()

        def done(rows: list[RowT]) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.set_rows(rows, now)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.loading = False
                self.loaded.emit()

        run_task(work, done, failed, owner=self)

    def set_rows(self, rows: Sequence[RowT], now: datetime | None = None) -> None:
        """Show these rows (as the query returned them)."""
        self.beginResetModel()
        self._rows = self._arrange(rows)
        self._live.clear()
        self._now = now or self.workspace.now()
        self._tinted_text = tinted_text()  # the theme may have changed
        self.endResetModel()
        self.loading = False
        self.loaded.emit()

    def ids(self) -> list[str]:
        """The ids of the rows' documents in display order."""
        return [self.row_key(row) for row in self._rows]

    def _row_at(self, row: int) -> RowT:
        if not 0 <= row < len(self._rows):
            raise IndexError(row)
        return self._rows[row]

    def row_of(self, key: str) -> int:
        """The row of a document, -1 when not shown."""
        return next((i for i, row in enumerate(self._rows) if self.row_key(row) == key), -1)

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
            if old.get(self.row_key(row)) != self.live(row):
                changed += 1
                last = self.index(index, len(self.COLUMNS) - 1)
                self.dataChanged.emit(self.index(index, 0), last, LIVE_ROLES)
        return changed

    def live(self, row: RowT) -> Live:
        """The level and countdown of a row at the model's now."""
        key = self.row_key(row)
        found = self._live.get(key)
        if found is None:
            found = self._live[key] = self._compute(row)
        return found

    def _compute(self, row: RowT) -> Live:
        return live_at(self.running_deadline(row), self._now, self.workspace)

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of rows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Rows are selectable, not editable."""
        return FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            source = str(self.HEADERS[self.COLUMNS(section)])
            return QCoreApplication.translate(self.CONTEXT, source)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts, warning colours and tooltips of a cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == IdRole:
            return self.row_key(row)
        if role == ClueCodeRole:
            return row.clue_code
        if role == TypedValueRole:
            return self.typed(row, self.COLUMNS(index.column()))
        if role not in LIVE_ROLES:
            return None
        live = self.live(row)
        if role == WarningLevelRole:
            return live.level
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._tints[live.level] if live.level else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._tinted_text if live.level else None
        column = self.COLUMNS(index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, live, column)
        return self.text(row, live, column)
