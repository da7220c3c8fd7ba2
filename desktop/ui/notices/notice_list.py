"""The notice list: notice ids from the store (queried in a worker), rows kept by id, each with
its follow-up state and the countdown of its rectification deadline in working days."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
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

from desktop.domain.deadlines import countdown, warning_level
from desktop.domain.notices import FOLLOWED_STATUSES, NoticeStatus
from desktop.store.notices import NoticeRow, list_notices
from desktop.ui.labels import label
from desktop.ui.notices.rendering import notice_title
from desktop.ui.queue_model import TINTED_TEXT, WARNING_TINTS, QueueModel, format_time
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "NoticeListModel"

NoticeIdRole = Qt.ItemDataRole.UserRole + 1
"""data() role: the notice id (UUID text) of the row."""
WarningLevelRole = Qt.ItemDataRole.UserRole + 2
"""data() role: the warning level 0–3 of the row's rectification deadline, at the model's now."""
ClueCodeRole = Qt.ItemDataRole.UserRole + 3
"""data() role: the code of the notice's clue."""


class Column(IntEnum):
    """The columns of the notice list, in display order."""

    NUMBER = 0
    KIND = 1
    PARTY = 2
    CLUE = 3
    STATUS = 4
    WARNING = 5
    COUNTDOWN = 6
    DEADLINE = 7
    UNIT = 8
    ISSUED = 9
    SERVED = 10


HEADERS = {
    Column.NUMBER: QT_TRANSLATE_NOOP("NoticeListModel", "文书编号"),
    Column.KIND: QT_TRANSLATE_NOOP("NoticeListModel", "文书种类"),
    Column.PARTY: QT_TRANSLATE_NOOP("NoticeListModel", "当事人"),
    Column.CLUE: QT_TRANSLATE_NOOP("NoticeListModel", "线索编号"),
    Column.STATUS: QT_TRANSLATE_NOOP("NoticeListModel", "跟进状态"),
    Column.WARNING: QT_TRANSLATE_NOOP("NoticeListModel", "预警"),
    Column.COUNTDOWN: QT_TRANSLATE_NOOP("NoticeListModel", "整改剩余时限"),
    Column.DEADLINE: QT_TRANSLATE_NOOP("NoticeListModel", "整改期限"),
    Column.UNIT: QT_TRANSLATE_NOOP("NoticeListModel", "签发单位"),
    Column.ISSUED: QT_TRANSLATE_NOOP("NoticeListModel", "签发时间"),
    Column.SERVED: QT_TRANSLATE_NOOP("NoticeListModel", "送达时间"),
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
class Live:
    """What changes with the clock: the warning level and the countdown texts."""

    level: int
    short: str
    full: str


def _translated(source: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(source))


class NoticeListModel(QAbstractTableModel):
    """Notices for a QTableView: ids in display order (soonest deadline first), rows by id.

    `clue_code` limits the list to one clue's notices, `statuses` to some statuses.
    `refresh()` queries in a worker; `loaded` is emitted once the new rows are in.
    """

    loaded = Signal()

    def __init__(
        self,
        workspace: Workspace,
        parent: QObject | None = None,
        *,
        clue_code: str | None = None,
        statuses: Collection[NoticeStatus] | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.clue_code = clue_code
        self.statuses = frozenset(statuses or ())
        self._ids: list[str] = []
        self._rows: dict[str, NoticeRow] = {}
        self._live: dict[str, Live] = {}
        self._now = workspace.now()
        self._tints = {level: QColor(tint) for level, tint in WARNING_TINTS.items()}
        self._tinted_text = QColor(TINTED_TEXT)
        self._generation = 0
        self.loading = False

    # -- querying -------------------------------------------------------------------------

    def set_scope(
        self, clue_code: str | None, statuses: Collection[NoticeStatus] | None = None
    ) -> None:
        """Show another clue's notices (None: all the viewer follows) or other statuses."""
        self.clue_code = clue_code
        self.statuses = frozenset(statuses or ())
        self.refresh()

    def refresh(self) -> None:
        """Query the notices again in a worker; `loaded` follows."""
        self._generation += 1
        generation = self._generation
        ws, clue, statuses = self.workspace, self.clue_code, self.statuses
        store, viewer, now = ws.store, ws.viewer, ws.now()
        self.loading = True

        def work(_task: Task[list[NoticeRow]]) -> list[NoticeRow]:
            return list_notices(store, viewer, statuses=statuses or None, clue_code=clue, now=now)

        def done(rows: list[NoticeRow]) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.set_rows(rows, now)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.loading = False
                self.loaded.emit()

        run_task(work, done, failed, owner=self)

    def set_rows(self, rows: Sequence[NoticeRow], now: datetime | None = None) -> None:
        """Show these rows (from `list_notices`), in their order."""
        self.beginResetModel()
        self._rows = {row.notice_id: row for row in rows}
        self._ids = list(self._rows)
        self._live.clear()
        self._now = now or self.workspace.now()
        self.endResetModel()
        self.loading = False
        self.loaded.emit()

    # -- ids and rows ---------------------------------------------------------------------

    def ids(self) -> list[str]:
        """The notice ids in display order."""
        return list(self._ids)

    def notice_id(self, row: int) -> str:
        """The notice shown in `row`; IndexError when there is none."""
        if not 0 <= row < len(self._ids):
            raise IndexError(row)
        return self._ids[row]

    def notice_row(self, row: int) -> NoticeRow:
        """The data of `row`."""
        return self._rows[self.notice_id(row)]

    def row_by_id(self, notice_id: str) -> NoticeRow | None:
        """The data of a notice shown, by id."""
        return self._rows.get(notice_id)

    def row_of(self, notice_id: str) -> int:
        """The row of a notice, -1 when not shown."""
        try:
            return self._ids.index(notice_id)
        except ValueError:
            return -1

    # -- the clock ------------------------------------------------------------------------

    def now(self) -> datetime:
        """The instant warning levels and countdowns are computed at."""
        return self._now

    def tick(self, now: datetime) -> int:
        """Move the clock on; rows whose countdown or level changed are updated. How many."""
        self._now = now
        old, self._live = self._live, {}
        changed = 0
        for row, notice_id in enumerate(self._ids):
            live = self.live(self._rows[notice_id])
            if old.get(notice_id) != live:
                changed += 1
                last = self.index(row, len(Column) - 1)
                self.dataChanged.emit(self.index(row, 0), last, _LIVE_ROLES)
        return changed

    def live(self, row: NoticeRow) -> Live:
        """The level and countdown of a row at the model's now."""
        found = self._live.get(row.notice_id)
        if found is None:
            found = self._live[row.notice_id] = self._compute(row)
        return found

    def _compute(self, row: NoticeRow) -> Live:
        deadline = row.rectify_deadline
        if row.status not in FOLLOWED_STATUSES or deadline is None:
            return Live(0, "", "")
        ws = self.workspace
        level = warning_level(deadline, self._now, ws.calendar, ws.rules.warnings)
        left = countdown(deadline, self._now, ws.calendar)
        return Live(level, left.short_text(), left.text())

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of notices."""
        return 0 if parent.isValid() else len(self._ids)

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
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = self._rows[self._ids[index.row()]]
        if role == NoticeIdRole:
            return row.notice_id
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

    def text(self, row: NoticeRow, live: Live, column: Column) -> str:
        """The display text of a cell."""
        if column is Column.NUMBER:
            return row.number or self.tr("（草稿，未编号）")
        if column is Column.KIND:
            return label(row.kind)
        if column is Column.PARTY:
            return row.party_name
        if column is Column.CLUE:
            return row.clue_code
        if column is Column.STATUS:
            status = label(row.status)
            return self.tr("{0}（待同步）").format(status) if row.pending else status
        if column is Column.WARNING:
            return QueueModel.warning_text(live.level)
        if column is Column.COUNTDOWN:
            return live.short
        if column is Column.DEADLINE:
            return format_time(row.rectify_deadline)
        if column is Column.UNIT:
            return self.workspace.unit_name(row.unit_code)
        if column is Column.ISSUED:
            return format_time(row.issued_at)
        return format_time(row.served_at)

    def _tooltip(self, row: NoticeRow, live: Live, column: Column) -> str | None:
        if column in (Column.WARNING, Column.COUNTDOWN, Column.DEADLINE, Column.STATUS):
            if row.rectify_deadline is None:
                return self.tr("尚未签发，整改期限自签发或送达之日起计算")
            if row.status not in FOLLOWED_STATUSES:
                return self.tr("{0}，不再计算整改期限").format(label(row.status))
            return self.tr("{warning}\n整改期限 {deadline}，{countdown}").format(
                warning=self.warning_explanation(live.level),
                deadline=format_time(row.rectify_deadline),
                countdown=live.full,
            )
        if column is Column.NUMBER:
            return notice_title(row.number, label(row.kind))
        if column is Column.PARTY:
            return row.party_name or None
        if live.level:
            return self.warning_explanation(live.level)
        return None

    def warning_explanation(self, level: int) -> str:
        """What a warning level of a rectification deadline means."""
        days = self.workspace.rules.warnings
        if level == 1:
            return self.tr("一级预警（黄色，●）：距整改期限不足 {0} 个工作日").format(
                days.level1_remaining_days
            )
        if level == 2:
            return self.tr("二级预警（橙色，▲）：已超过整改期限，请及时复查")
        if level == 3:
            return self.tr("三级预警（红色，■）：超过整改期限 {0} 个工作日以上").format(
                days.level3_overdue_days
            )
        return self.tr("未预警")
