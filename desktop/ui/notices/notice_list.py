"""The notice list: notice ids from the store (queried in a worker), rows kept by id, each with
its follow-up state and the countdown of its rectification deadline in working days."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from desktop.domain.notices import FOLLOWED_STATUSES, NoticeStatus
from desktop.store.notices import NoticeRow, list_notices
from desktop.ui.deadline_model import ClueCodeRole as ClueCodeRole
from desktop.ui.deadline_model import DeadlineTableModel, IdRole, Live
from desktop.ui.deadline_model import WarningLevelRole as WarningLevelRole
from desktop.ui.labels import label
from desktop.ui.notices.rendering import notice_title
from desktop.ui.queue_model import QueueModel, format_time
from desktop.ui.workspace import Workspace

CONTEXT = "NoticeListModel"

NoticeIdRole = IdRole
"""data() role: the notice id (UUID text) of the row."""


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


class NoticeListModel(DeadlineTableModel[NoticeRow]):
    """Notices for a QTableView: ids in display order (soonest deadline first), rows by id.

    `clue_code` limits the list to one clue's notices, `statuses` to some statuses.
    `refresh()` queries in a worker; `loaded` is emitted once the new rows are in.
    """

    CONTEXT = CONTEXT
    COLUMNS = Column
    HEADERS = HEADERS

    def __init__(
        self,
        workspace: Workspace,
        parent: QObject | None = None,
        *,
        clue_code: str | None = None,
        statuses: Collection[NoticeStatus] | None = None,
    ) -> None:
        super().__init__(workspace, parent)
        self.clue_code = clue_code
        self.statuses = frozenset(statuses or ())
        self._by_id: dict[str, NoticeRow] = {}

    # -- querying -------------------------------------------------------------------------

    def set_scope(
        self, clue_code: str | None, statuses: Collection[NoticeStatus] | None = None
    ) -> None:
        """Show another clue's notices (None: all the viewer follows) or other statuses."""
        self.clue_code = clue_code
        self.statuses = frozenset(statuses or ())
        self.refresh()

    def _fetcher(self, now: datetime) -> Callable[[], list[NoticeRow]]:
        store, viewer = self.workspace.store, self.workspace.viewer
        clue, statuses = self.clue_code, self.statuses or None
        return lambda: list_notices(store, viewer, statuses=statuses, clue_code=clue, now=now)

    def _arrange(self, rows: Sequence[NoticeRow]) -> list[NoticeRow]:
        """The rows from `list_notices`, in their order, once each."""
        self._by_id = {row.notice_id: row for row in rows}
        return list(self._by_id.values())

    # -- ids and rows ---------------------------------------------------------------------

    def row_key(self, row: NoticeRow) -> str:
        """The notice id of a row."""
        return row.notice_id

    def running_deadline(self, row: NoticeRow) -> datetime | None:
        """The rectification deadline while the notice is followed."""
        return row.rectify_deadline if row.status in FOLLOWED_STATUSES else None

    def notice_id(self, row: int) -> str:
        """The notice shown in `row`; IndexError when there is none."""
        return self._row_at(row).notice_id

    def notice_row(self, row: int) -> NoticeRow:
        """The data of `row`."""
        return self._row_at(row)

    def row_by_id(self, notice_id: str) -> NoticeRow | None:
        """The data of a notice shown, by id."""
        return self._by_id.get(notice_id)

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

    def typed(self, row: NoticeRow, column: Column) -> datetime | None:
        """The times of a notice as times (for an export)."""
        if column is Column.DEADLINE:
            return row.rectify_deadline
        if column is Column.ISSUED:
            return row.issued_at
        if column is Column.SERVED:
            return row.served_at
        return None

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
