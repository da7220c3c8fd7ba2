"""The navigation list: the work queues with their counts, the warnings and the sync problems."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.codes import UnitKind
from desktop.store.queues import Queue, QueueFilter, Viewer, count
from desktop.ui.labels import label
from desktop.ui.supervision.areas import is_commission, waiting_suggestions
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Workspace

log = logging.getLogger("cluedesk.ui.navigation")

AnyIndex = QModelIndex | QPersistentModelIndex
CountRole = Qt.ItemDataRole.UserRole + 1
"""data() role: the entry's count (int), None while unknown or for a group heading."""
EntryRole = Qt.ItemDataRole.UserRole + 2
"""data() role: the entry's Entry."""

WORK_QUEUES = (
    Queue.TO_DISPATCH,
    Queue.TO_SIGN,
    Queue.HANDLING,
    Queue.TO_SIGNOFF,
    Queue.TO_REVIEW,
)
"""The queues of open work, under the heading 我的待办 (closed clues are under 查询)."""
LOOKUP_QUEUES = (Queue.CLOSED, Queue.ALL)


class EntryKind(Enum):
    """What a navigation entry is."""

    GROUP = "group"
    QUEUE = "queue"
    NOTICES = "notices"
    CASES = "cases"
    WARNING_RECORD = "warning_record"
    SUGGESTIONS = "suggestions"
    ACCOUNTABILITY = "accountability"
    RED_WARNINGS = "red_warnings"
    ASSESSMENT = "assessment"
    VERIFICATION = "verification"
    DASHBOARD = "dashboard"
    SYNC_PROBLEMS = "sync_problems"


@dataclass(frozen=True)
class Entry:
    """One line of the navigation list."""

    kind: EntryKind
    queue: Queue | None = None
    heading: str = ""
    """A group heading's key: "tasks", "area", "commission", "supervision" or "lookup"."""


SYNC_PROBLEMS = Entry(EntryKind.SYNC_PROBLEMS)
NOTICES = Entry(EntryKind.NOTICES)
CASES = Entry(EntryKind.CASES)
WARNING_RECORD = Entry(EntryKind.WARNING_RECORD)
SUGGESTIONS = Entry(EntryKind.SUGGESTIONS)
ACCOUNTABILITY = Entry(EntryKind.ACCOUNTABILITY)
RED_WARNINGS = Entry(EntryKind.RED_WARNINGS)
ASSESSMENT = Entry(EntryKind.ASSESSMENT)
VERIFICATION = Entry(EntryKind.VERIFICATION)
"""每周核查 (a dispatching office's weekly verification)."""
DASHBOARD = Entry(EntryKind.DASHBOARD)
COMMISSION_ENTRIES = (RED_WARNINGS, SUGGESTIONS, ACCOUNTABILITY, ASSESSMENT)
"""The commission's own section (纪委监委): 红色预警, 建议与督办, 问责记录, 单位考核."""


def entries_for(viewer: Viewer, *, commission: bool = False) -> list[Entry]:
    """The navigation entries a unit sees, under headings: a commission user's own section
    (纪委监委) first; its open work (待分办 only for dispatching units, 待审签 only for the units
    that handle clues and sign their reports off), warnings, notices, penalty cases and the
    commissions' records (and 单位考核 for a dispatching office), then the statistics dashboard
    and the closed and all clues to look things up."""
    unit = viewer.unit
    queues = [
        q
        for q in WORK_QUEUES
        if (q is not Queue.TO_DISPATCH or unit.dispatches)
        and (q is not Queue.TO_SIGNOFF or unit.handles)
    ]
    own = [Entry(EntryKind.GROUP, heading="commission"), *COMMISSION_ENTRIES] if commission else []
    records = [] if commission else [SUGGESTIONS, ACCOUNTABILITY]
    office = [ASSESSMENT] if unit.dispatches and not commission else []
    verification = [VERIFICATION] if unit.dispatches and not commission else []
    return [
        *own,
        Entry(EntryKind.GROUP, heading="area" if viewer.by_area else "tasks"),
        *(Entry(EntryKind.QUEUE, q) for q in queues),
        Entry(EntryKind.GROUP, heading="supervision"),
        Entry(EntryKind.QUEUE, Queue.WARNINGS),
        WARNING_RECORD,
        NOTICES,
        CASES,
        *records,
        *office,
        *verification,
        Entry(EntryKind.GROUP, heading="lookup"),
        DASHBOARD,
        *(Entry(EntryKind.QUEUE, q) for q in LOOKUP_QUEUES),
        SYNC_PROBLEMS,
    ]


def default_queue(viewer: Viewer) -> Queue:
    """The queue a user starts in: dispatchers 待分办, commissions 预警, handlers 待签收."""
    if viewer.unit.dispatches:
        return Queue.TO_DISPATCH
    if viewer.unit.kind is UnitKind.DISCIPLINE:
        return Queue.WARNINGS
    return Queue.TO_SIGN


class NavigationModel(QAbstractListModel):
    """The fixed short list of navigation entries, with a count beside each."""

    def __init__(self, entries: list[Entry], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries = list(entries)
        self.counts: dict[Queue, int] = {}
        self.problem_count: int | None = None
        self.commission = False
        """Whether the user acts for a commission (建议与督办) or a unit (待答复的建议)."""
        self.suggestion_count: int | None = None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of entries."""
        return 0 if parent.isValid() else len(self.entries)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Entries are selectable; the group heading is not."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.entries[index.row()].kind is EntryKind.GROUP:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def name(self, entry: Entry) -> str:
        """The entry's title."""
        if entry.kind is EntryKind.GROUP:
            return self.heading_name(entry.heading)
        if entry.kind is EntryKind.SYNC_PROBLEMS:
            return self.tr("同步问题")
        if entry.kind is EntryKind.NOTICES:
            return self.tr("整改文书")
        if entry.kind is EntryKind.CASES:
            return self.tr("处罚案件")
        if entry.kind is EntryKind.WARNING_RECORD:
            return self.tr("预警台账")
        if entry.kind is EntryKind.SUGGESTIONS:
            return self.tr("建议与督办") if self.commission else self.tr("待答复的建议")
        if entry.kind is EntryKind.ACCOUNTABILITY:
            return self.tr("问责记录")
        if entry.kind is EntryKind.RED_WARNINGS:
            return self.tr("红色预警")
        if entry.kind is EntryKind.ASSESSMENT:
            return self.tr("单位考核")
        if entry.kind is EntryKind.VERIFICATION:
            return self.tr("每周核查")
        if entry.kind is EntryKind.DASHBOARD:
            return self.tr("统计看板")
        assert entry.queue is not None
        return label(entry.queue)

    def heading_name(self, heading: str) -> str:
        """The title of a group heading."""
        names = {
            "tasks": self.tr("我的待办"),
            "area": self.tr("辖区线索"),
            "commission": self.tr("纪委监委"),
            "supervision": self.tr("预警与文书"),
            "lookup": self.tr("查询"),
        }
        return names[heading]

    def count_of(self, entry: Entry) -> int | None:
        """The entry's count, None while unknown (or for the heading)."""
        if entry.kind is EntryKind.SYNC_PROBLEMS:
            return self.problem_count
        if entry.kind is EntryKind.SUGGESTIONS:
            return self.suggestion_count
        if entry.queue is None:
            return None
        return self.counts.get(entry.queue)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title, count, tooltip and font of an entry."""
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        number = self.count_of(entry)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.name(entry)
        if role == CountRole:
            return number
        if role == EntryRole:
            return entry
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.name(entry) if number is None else f"{self.name(entry)} {number}"
        if role == Qt.ItemDataRole.ToolTipRole and number is not None:
            return self.tr("{name}：{count} 条").format(name=self.name(entry), count=number)
        if role == Qt.ItemDataRole.FontRole and entry.kind is EntryKind.GROUP:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def row_of(self, entry: Entry) -> int:
        """The row of an entry, -1 if the list does not hold it."""
        try:
            return self.entries.index(entry)
        except ValueError:
            return -1

    def set_counts(self, counts: dict[Queue, int]) -> None:
        """New queue counts (from the background count task)."""
        self.counts = dict(counts)
        self._counts_changed()

    def set_problem_count(self, number: int) -> None:
        """The number of sync problems."""
        self.problem_count = number
        self._counts_changed()

    def set_suggestion_count(self, number: int) -> None:
        """Suggestions waiting: for a unit its replies owed, for a commission replies to review."""
        self.suggestion_count = number
        self._counts_changed()

    def _counts_changed(self) -> None:
        if self.entries:
            self.dataChanged.emit(
                self.index(0),
                self.index(len(self.entries) - 1),
                [
                    CountRole,
                    Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole,
                ],
            )


COUNT_MARGIN = 8
"""Room right of an entry's count."""
COUNT_GAP = 6
"""Room between an entry's title and its count."""


def title_width(metrics: QFontMetrics, cell_width: int, count: str, margin: int) -> int:
    """How wide an entry's title may be drawn: the cell, less the text's `margin` on each
    side and the count at the right (a long title is elided before the count)."""
    reserved = metrics.horizontalAdvance(count) + COUNT_MARGIN + COUNT_GAP
    return max(0, cell_width - reserved - 2 * margin)


class CountDelegate(QStyledItemDelegate):
    """Draws an entry's count right-aligned beside its title."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """The entry as usual, its title elided short of its count, then the count at the
        right edge."""
        number = index.data(CountRole)
        if number is None:
            super().paint(painter, option, index)
            return
        count = str(number)
        entry = QStyleOptionViewItem(option)
        self.initStyleOption(entry, index)
        widget = entry.widget
        style = widget.style() if widget is not None else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        width = title_width(entry.fontMetrics, entry.rect.width(), count, margin)
        entry.text = entry.fontMetrics.elidedText(entry.text, Qt.TextElideMode.ElideRight, width)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, entry, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = option.rect.adjusted(0, 0, -COUNT_MARGIN, 0)
        painter.save()
        painter.setPen(option.palette.color(role))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count)
        painter.restore()


class NavigationPanel(QWidget):
    """The queue list at the left of the window; counts are queried in the background."""

    queue_selected = Signal(object)
    """The user chose this Queue."""
    sync_problems_selected = Signal()
    notices_selected = Signal()
    """The user chose 整改文书."""
    cases_selected = Signal()
    """The user chose 处罚案件."""
    warning_record_selected = Signal()
    """The user chose 预警台账."""
    suggestions_selected = Signal()
    """The user chose 建议与督办 / 待答复的建议."""
    accountability_selected = Signal()
    """The user chose 问责记录."""
    red_warnings_selected = Signal()
    """The commission chose 红色预警 (the warning record on 红色预警未消除)."""
    assessment_selected = Signal()
    """The user chose 单位考核."""
    verification_selected = Signal()
    """The user chose 每周核查."""
    dashboard_selected = Signal()
    """The user chose 统计看板."""
    counts_updated = Signal()
    """The counts beside the queues were queried again."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, count_now: bool = True
    ) -> None:
        """`count_now`: count the queues at once; else when `refresh_counts` is first called
        (the main window does so once its first screen is painted)."""
        super().__init__(parent)
        self.workspace = workspace
        commission = is_commission(workspace)
        self.model = NavigationModel(entries_for(workspace.viewer, commission=commission), self)
        self.model.commission = commission
        self.view = QListView(self)
        self.view.setObjectName("navigation")
        self.view.setAccessibleName(self.tr("线索队列"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(CountDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._counting: Task[dict[Queue, int]] | None = None
        self._recount = False
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        workspace.events.clues_changed.connect(self.refresh_counts)
        if count_now:
            self.refresh_counts()

    def current_entry(self) -> Entry | None:
        """The selected entry, None when none is."""
        index = self.view.currentIndex()
        return self.model.entries[index.row()] if index.isValid() else None

    def current_queue(self) -> Queue | None:
        """The selected queue, None when none is (or 同步问题 is)."""
        entry = self.current_entry()
        return entry.queue if entry is not None else None

    def select_queue(self, queue: Queue) -> bool:
        """Select a queue as if the user clicked it (emits queue_selected)."""
        return self._select(Entry(EntryKind.QUEUE, queue))

    def select_sync_problems(self) -> None:
        """Select 同步问题 as if the user clicked it."""
        self._select(SYNC_PROBLEMS)

    def select_notices(self) -> None:
        """Select 整改文书 as if the user clicked it."""
        self._select(NOTICES)

    def select_cases(self) -> None:
        """Select 处罚案件 as if the user clicked it."""
        self._select(CASES)

    def select_warning_record(self) -> None:
        """Select 预警台账 as if the user clicked it."""
        self._select(WARNING_RECORD)

    def set_problem_count(self, number: int) -> None:
        """Show how many sync problems wait (fed by the main window)."""
        self.model.set_problem_count(number)

    def select_suggestions(self) -> None:
        """Select 建议与督办 / 待答复的建议 as if the user clicked it."""
        self._select(SUGGESTIONS)

    def select_accountability(self) -> None:
        """Select 问责记录 as if the user clicked it."""
        self._select(ACCOUNTABILITY)

    def select_red_warnings(self) -> bool:
        """Select 红色预警 as if the user clicked it (False: not offered to the user)."""
        return self._select(RED_WARNINGS)

    def select_assessment(self) -> bool:
        """Select 单位考核 as if the user clicked it (False: not offered to the user)."""
        return self._select(ASSESSMENT)

    def select_verification(self) -> bool:
        """Select 每周核查 as if the user clicked it (False: not offered to the user)."""
        return self._select(VERIFICATION)

    def select_dashboard(self) -> bool:
        """Select 统计看板 as if the user clicked it (False: not offered to the user)."""
        return self._select(DASHBOARD)

    def refresh_suggestion_count(self) -> None:
        """Count the suggestions waiting for the user's unit (a small local query)."""
        self.model.set_suggestion_count(waiting_suggestions(self.workspace))

    def refresh_counts(self) -> None:
        """Count every queue again in one background task (coalesced while one runs)."""
        if self._counting is not None:
            self._recount = True
            return
        self.refresh_suggestion_count()
        store = self.workspace.store
        viewer = self.workspace.viewer
        bounds = self.workspace.bounds()
        queues = [e.queue for e in self.model.entries if e.queue is not None]

        def count_all(_task: Task[dict[Queue, int]]) -> dict[Queue, int]:
            with store.session() as session:
                return {q: count(session, viewer, QueueFilter(queue=q), bounds) for q in queues}

        self._counting = run_task(count_all, self._counted, self._count_failed, owner=self)

    def _counted(self, counts: dict[Queue, int]) -> None:
        if not shiboken6.isValid(self):
            return
        self._counting = None
        self.model.set_counts(counts)
        self.counts_updated.emit()
        if self._recount:
            self._recount = False
            self.refresh_counts()

    def _count_failed(self, exc: BaseException) -> None:
        log.warning("counting the queues failed", exc_info=exc)
        if not shiboken6.isValid(self):
            return
        self._counting = None
        self._recount = False
        self.view.setToolTip(self.tr("无法统计各队列的线索数量，请稍后再试。"))

    def _select(self, entry: Entry) -> bool:
        row = self.model.row_of(entry)
        if row < 0:
            return False
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry = self.model.entries[current.row()]
        if entry.kind is EntryKind.SYNC_PROBLEMS:
            self.sync_problems_selected.emit()
        elif entry.kind is EntryKind.NOTICES:
            self.notices_selected.emit()
        elif entry.kind is EntryKind.CASES:
            self.cases_selected.emit()
        elif entry.kind is EntryKind.WARNING_RECORD:
            self.warning_record_selected.emit()
        elif entry.kind is EntryKind.SUGGESTIONS:
            self.suggestions_selected.emit()
        elif entry.kind is EntryKind.ACCOUNTABILITY:
            self.accountability_selected.emit()
        elif entry.kind is EntryKind.RED_WARNINGS:
            self.red_warnings_selected.emit()
        elif entry.kind is EntryKind.ASSESSMENT:
            self.assessment_selected.emit()
        elif entry.kind is EntryKind.VERIFICATION:
            self.verification_selected.emit()
        elif entry.kind is EntryKind.DASHBOARD:
            self.dashboard_selected.emit()
        elif entry.queue is not None:
            self.queue_selected.emit(entry.queue)
