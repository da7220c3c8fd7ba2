"""The suggestion list as a table model: rows from `list_suggestions` (queried in a worker),
each with the reply deadline's working-day countdown and warning at the model's clock."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from desktop.domain.suggestions import SuggestionKind, SuggestionState, SuggestionStatus
from desktop.store.supervision import SuggestionRow, list_suggestions
from desktop.ui.deadline_model import DeadlineTableModel, Live
from desktop.ui.labels import label
from desktop.ui.queue_model import QueueModel, format_time
from desktop.ui.workspace import Workspace

CONTEXT = "SuggestionListModel"


class Column(IntEnum):
    """The columns of the suggestion list, in display order."""

    NUMBER = 0
    KIND = 1
    UNIT = 2
    SUBJECT = 3
    STATUS = 4
    COUNTDOWN = 5
    WARNING = 6
    DEADLINE = 7
    ISSUED = 8


HEADERS = {
    Column.NUMBER: QT_TRANSLATE_NOOP("SuggestionListModel", "文号"),
    Column.KIND: QT_TRANSLATE_NOOP("SuggestionListModel", "文书种类"),
    Column.UNIT: QT_TRANSLATE_NOOP("SuggestionListModel", "主送单位"),
    Column.SUBJECT: QT_TRANSLATE_NOOP("SuggestionListModel", "涉及"),
    Column.ISSUED: QT_TRANSLATE_NOOP("SuggestionListModel", "发出时间"),
    Column.DEADLINE: QT_TRANSLATE_NOOP("SuggestionListModel", "答复期限"),
    Column.COUNTDOWN: QT_TRANSLATE_NOOP("SuggestionListModel", "剩余时限"),
    Column.WARNING: QT_TRANSLATE_NOOP("SuggestionListModel", "预警"),
    Column.STATUS: QT_TRANSLATE_NOOP("SuggestionListModel", "状态"),
}


@dataclass(frozen=True)
class SuggestionQuery:
    """The list's filters: None or empty means any."""

    issuing_unit: str | None = None
    addressed_unit: str | None = None
    kind: SuggestionKind | None = None
    statuses: frozenset[SuggestionStatus] = frozenset()
    overdue_only: bool = False


@dataclass(frozen=True)
class SuggestionLine:
    """A row of the list: the store's row, with the code of its first clue."""

    row: SuggestionRow

    @property
    def state(self) -> SuggestionState:
        """The suggestion as it stands."""
        return self.row.state

    @property
    def clue_code(self) -> str:
        """The first clue concerned ('' for the unit's work as a whole)."""
        codes = self.row.state.clue_codes
        return codes[0] if codes else ""


def fetch_suggestions(
    workspace: Workspace, query: SuggestionQuery, now: datetime
) -> list[SuggestionLine]:
    """The suggestions the query keeps (runs in a worker)."""
    rows = list_suggestions(
        workspace.store,
        status=sorted(query.statuses) or None,
        addressed_unit=query.addressed_unit,
        issuing_unit=query.issuing_unit,
        overdue=True if query.overdue_only else None,
        now=now,
    )
    return [SuggestionLine(r) for r in rows if query.kind is None or r.state.kind is query.kind]


class SuggestionListModel(DeadlineTableModel[SuggestionLine]):
    """Suggestions for a QTableView, newest first; `refresh()` queries in a worker."""

    CONTEXT = CONTEXT
    COLUMNS = Column
    HEADERS = HEADERS

    def __init__(
        self, workspace: Workspace, query: SuggestionQuery, parent: QObject | None = None
    ) -> None:
        super().__init__(workspace, parent)
        self.query = query

    def set_query(self, query: SuggestionQuery) -> None:
        """Filter anew and query again."""
        self.query = query
        self.refresh()

    def _fetcher(self, now: datetime) -> Callable[[], list[SuggestionLine]]:
        workspace, query = self.workspace, self.query
        return lambda: fetch_suggestions(workspace, query, now)

    def _arrange(self, rows: Sequence[SuggestionLine]) -> list[SuggestionLine]:
        return list(rows)

    def row_key(self, row: SuggestionLine) -> str:
        """The suggestion id of a row."""
        return row.state.suggestion_id

    def running_deadline(self, row: SuggestionLine) -> datetime | None:
        """The reply deadline while a reply is owed."""
        return row.state.reply_deadline if row.state.awaiting_reply else None

    def line(self, row: int) -> SuggestionLine:
        """The data of `row`; IndexError when there is none."""
        return self._row_at(row)

    def subject_text(self, state: SuggestionState) -> str:
        """What the suggestion is about: a clue, several, or the unit's work as a whole."""
        if not state.clue_codes:
            return self.tr("整体工作")
        if len(state.clue_codes) == 1:
            return state.clue_codes[0]
        return self.tr("{0} 条线索").format(len(state.clue_codes))

    def text(self, row: SuggestionLine, live: Live, column: Column) -> str:
        """The display text of a cell."""
        state = row.state
        if column is Column.NUMBER:
            return state.number
        if column is Column.KIND:
            return label(state.kind)
        if column is Column.UNIT:
            return self.workspace.unit_name(state.addressed_unit)
        if column is Column.SUBJECT:
            return self.subject_text(state)
        if column is Column.ISSUED:
            return format_time(state.issued_at)
        if column is Column.DEADLINE:
            return format_time(state.reply_deadline)
        if column is Column.COUNTDOWN:
            return live.short
        if column is Column.WARNING:
            return QueueModel.warning_text(live.level)
        status = label(state.status)
        if row.row.overdue:
            status = self.tr("{0}（答复逾期）").format(status)
        return self.tr("{0}（待同步）").format(status) if row.row.pending else status

    def typed(self, row: SuggestionLine, column: Column) -> datetime | None:
        """The times of a suggestion as times (for an export)."""
        if column is Column.ISSUED:
            return row.state.issued_at
        if column is Column.DEADLINE:
            return row.state.reply_deadline
        return None

    def _tooltip(self, row: SuggestionLine, live: Live, column: Column) -> str | None:
        state = row.state
        if column in (Column.COUNTDOWN, Column.WARNING, Column.DEADLINE, Column.STATUS):
            if not state.awaiting_reply:
                return self.tr("{0}，不再计算答复期限").format(label(state.status))
            return self.tr("答复期限 {deadline}，{countdown}").format(
                deadline=format_time(state.reply_deadline), countdown=live.full
            )
        if column is Column.SUBJECT and state.clue_codes:
            return "\n".join(state.clue_codes)
        if column is Column.NUMBER:
            return state.title
        return None
