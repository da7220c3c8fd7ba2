"""The queue table model: a window of the queue read from indexed queries, in blocks.

The model knows how many clues the queue holds (an indexed count, kept while only the sort
changes) and reads the rows in blocks as the view asks for them: the first block with the
query itself, the next one by key after the last row read (keyset, along the index), a block
far off by offset. Rows are kept in a bounded LRU cache; an evicted row is read again by id
(`rows_by_id`). No work is done per row of the whole result: a re-filter or re-sort is one
query for the rows shown (and the count, for a new filter). Sorting and filtering re-query
in SQL.
The warning level and the countdown of a row are computed at the model's `now` (moved on by
`tick`), never taken from the level stored with the row, so colours are right the moment a
level is crossed.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
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
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.domain.codes import Category, Channel, Priority, Status
from desktop.domain.deadlines import Countdown, WarningBounds, deadline_state
from desktop.domain.timeutil import to_china
from desktop.store.queues import (
    TEXT_ALONG_ORDER_ROWS,
    ClueRow,
    Page,
    QueueFilter,
    SortKey,
    count,
    position,
    query_ids,
    query_page,
    rows_by_id,
    timed_bounds,
)
from desktop.ui.cell_roles import TypedValueRole
from desktop.ui.contrast import READABLE_RATIO, contrast_ratio
from desktop.ui.labels import area_label, label_of
from desktop.ui.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "QueueModel"

ClueIdRole = Qt.ItemDataRole.UserRole + 1
"""data() role: the clue id of the row (int)."""
WarningLevelRole = Qt.ItemDataRole.UserRole + 2
"""data() role: the warning level 0–3 of the row at the model's now (int)."""


class Column(IntEnum):
    """The columns of the queue table, in display order."""

    CODE = 0
    STATUS = 1
    WARNING = 2
    COUNTDOWN = 3
    SUBJECT = 4
    ADDRESS = 5
    SUMMARY = 6
    DEADLINE = 7
    CHANNEL = 8
    CATEGORY = 9
    PRIORITY = 10
    COUNTY = 11
    LEAD_UNIT = 12
    RECEIVED = 13


HEADERS = {
    Column.CODE: QT_TRANSLATE_NOOP("QueueModel", "编号"),
    Column.STATUS: QT_TRANSLATE_NOOP("QueueModel", "状态"),
    Column.WARNING: QT_TRANSLATE_NOOP("QueueModel", "预警"),
    Column.COUNTDOWN: QT_TRANSLATE_NOOP("QueueModel", "剩余时限"),
    Column.DEADLINE: QT_TRANSLATE_NOOP("QueueModel", "办理期限"),
    Column.CHANNEL: QT_TRANSLATE_NOOP("QueueModel", "来源渠道"),
    Column.CATEGORY: QT_TRANSLATE_NOOP("QueueModel", "类别"),
    Column.PRIORITY: QT_TRANSLATE_NOOP("QueueModel", "紧急程度"),
    Column.COUNTY: QT_TRANSLATE_NOOP("QueueModel", "县区"),
    Column.LEAD_UNIT: QT_TRANSLATE_NOOP("QueueModel", "承办单位"),
    Column.SUBJECT: QT_TRANSLATE_NOOP("QueueModel", "被反映对象"),
    Column.ADDRESS: QT_TRANSLATE_NOOP("QueueModel", "地址"),
    Column.SUMMARY: QT_TRANSLATE_NOOP("QueueModel", "内容摘要"),
    Column.RECEIVED: QT_TRANSLATE_NOOP("QueueModel", "受理时间"),
}

SORT_KEYS: dict[Column, SortKey] = {
    Column.WARNING: SortKey.WARNING,
    Column.COUNTDOWN: SortKey.DEADLINE,
    Column.DEADLINE: SortKey.DEADLINE,
    Column.RECEIVED: SortKey.RECEIVED,
}
"""The columns a click on the header sorts by, and the SQL sort key of each."""

WARNING_GLYPHS = {1: "●", 2: "▲", 3: "■"}
"""A distinct shape per level, so the level never rests on colour alone."""
WARNING_TEXTS = {
    1: QT_TRANSLATE_NOOP("QueueModel", "一级预警"),
    2: QT_TRANSLATE_NOOP("QueueModel", "二级预警"),
    3: QT_TRANSLATE_NOOP("QueueModel", "三级预警"),
}
WARNING_TINTS = {1: "#fff3b0", 2: "#ffd49e", 3: "#f9b4ae"}
"""Light yellow / orange / red row backgrounds; dark text stays readable on each."""
TINTED_TEXT = "#1b1b1b"
"""The text of a tinted row when the theme's own text would not read on the tints."""
WARNING_STYLES = {
    0: "",
    1: "background: #f7dc6f; color: #5a4500; padding: 1px 6px;",
    2: "background: #e67e22; color: white; padding: 1px 6px;",
    3: "background: #c0392b; color: white; padding: 1px 6px;",
}
"""The style of a warning level's badge beside a deadline (a clue's, a case's)."""
TIP_LINE = 40
"""Characters per line of a long cell's tooltip (CJK text has no spaces to wrap at)."""
WHOLE_TEXT_COLUMNS = frozenset({Column.SUBJECT, Column.ADDRESS, Column.SUMMARY})
"""Columns whose narrow cells are elided: the tooltip carries the whole text."""

_LIVE_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    WarningLevelRole,
)
_ROLES = frozenset({*_LIVE_ROLES, ClueIdRole, TypedValueRole})
_DISPLAY = Qt.ItemDataRole.DisplayRole
_COLUMN_LIST = list(Column)
_COLUMNS = len(_COLUMN_LIST)
_SORTABLE = frozenset(int(column) for column in SORT_KEYS)
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole


def sort_key_of(column: int) -> SortKey | None:
    """The SQL sort key behind a column, None when the column does not sort."""
    try:
        return SORT_KEYS.get(Column(column))
    except ValueError:
        return None


def sql_order(column: int, order: Qt.SortOrder) -> tuple[SortKey, bool] | None:
    """(sort key, descending) of a header sort; None for a column that does not sort.

    The 预警 column sorts by level, which is the deadline reversed: ascending levels are
    descending deadlines.
    """
    key = sort_key_of(column)
    if key is None:
        return None
    descending = order == Qt.SortOrder.DescendingOrder
    if key is SortKey.WARNING:
        descending = not descending
    return key, descending


def translated(source: object) -> str:
    """A string marked with QT_TRANSLATE_NOOP("QueueModel", …), translated now."""
    return QCoreApplication.translate(CONTEXT, str(source))


def tooltip_lines(text: str, width: int = TIP_LINE) -> str:
    """A long text broken into lines of `width` characters, for a tooltip."""
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def format_time(moment: datetime | None) -> str:
    """A time as the tables show it: 2026-11-27 10:00 (China time)."""
    if moment is None:
        return ""
    t = to_china(moment)  # formatted by hand: strftime takes 5 times as long
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}"


def tinted_text() -> QColor | None:
    """The text colour of a row tinted by its warning: None (the theme's own, as painting
    needs no colour of its own) when the theme's text reads well on every tint, as a light
    theme's does; dark text for a dark theme."""
    text = QGuiApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    if all(contrast_ratio(text, QColor(tint)) >= READABLE_RATIO for tint in WARNING_TINTS.values()):
        return None
    return QColor(TINTED_TEXT)


def area_name(workspace: Workspace, county_code: str | None) -> str:
    """The name of a county area: its tackling office's name without the office suffix."""
    return area_label(workspace.unit_name(county_code))


@dataclass(frozen=True)
class Live:
    """What changes with the clock: a row's warning level and countdown at one instant (equal
    when the texts shown are)."""

    level: int
    short: str
    """The countdown in a cell: 剩 2 个工作日 3 小时."""
    left: Countdown | None = field(default=None, compare=False)

    @property
    def full(self) -> str:
        """The countdown in a sentence, for tooltips: 剩余 2 个工作日 3 小时."""
        return "" if self.left is None else self.left.text()


NOT_RUNNING = Live(0, "")
"""The live state of a row whose deadline does not run."""


def live_at(deadline: datetime | None, now: datetime, workspace: Workspace) -> Live:
    """The live state of a row due at `deadline`, at `now`."""
    if deadline is None:
        return NOT_RUNNING
    level, left = deadline_state(deadline, now, workspace.calendar, workspace.rules.warnings)
    return Live(level, left.short_text(), left)


@dataclass(frozen=True)
class Shown:
    """What painting asks of a row at the model's now: its texts and colours."""

    clue: ClueRow
    live: Live
    texts: tuple[str, ...]
    background: QColor | None
    foreground: QColor | None


def row_texts(workspace: Workspace, clue: ClueRow) -> tuple[str, ...]:
    """The display texts of a row's columns that do not change with the clock, by column
    (the live 预警 and 剩余时限 are empty here; see `live_at`)."""
    by_column = {
        Column.CODE: clue.code,
        Column.STATUS: label_of(Status, clue.status),
        Column.WARNING: "",  # live
        Column.COUNTDOWN: "",  # live
        Column.SUBJECT: clue.subject_name,
        Column.ADDRESS: clue.address,
        Column.SUMMARY: clue.summary + ("…" if clue.summary_cut else ""),
        Column.DEADLINE: format_time(clue.deadline),
        Column.CHANNEL: label_of(Channel, clue.channel),
        Column.CATEGORY: label_of(Category, clue.category),
        Column.PRIORITY: label_of(Priority, clue.priority),
        Column.COUNTY: area_name(workspace, clue.county_code),
        Column.LEAD_UNIT: workspace.unit_name(clue.lead_unit),
        Column.RECEIVED: format_time(clue.received_at),
    }
    return tuple(map(by_column.__getitem__, _COLUMN_LIST))


def typed_value(clue: ClueRow, column: int) -> datetime | None:
    """The typed value of a cell where the text is not all there is: the times."""
    if column == Column.DEADLINE:
        return clue.deadline
    if column == Column.RECEIVED:
        return clue.received_at
    return None


def count_key(flt: QueueFilter, bounds: WarningBounds) -> tuple[QueueFilter, WarningBounds | None]:
    """What a queue's count depends on: its filter, and the instant when it filters by
    warning level (the levels move with time)."""
    return flt, timed_bounds(flt, bounds)


class QueueModel(QAbstractTableModel):
    """A queue of clues for a QTableView: a count and blocks of rows read as they are shown."""

    requeried = Signal()
    """The queue was queried again (filter, sort or refresh); the model was reset."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QObject | None = None,
        *,
        block_size: int = 100,
        cache_limit: int = 3000,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.block_size = max(1, block_size)
        self.cache_limit = max(self.block_size, cache_limit)
        self._filter = QueueFilter()
        self._sort_column = int(Column.DEADLINE)
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._total = 0
        self._counted: tuple[QueueFilter, WarningBounds | None] | None = None
        """What `_total` was counted for (None: count again at the next query)."""
        self._ids: list[int] = []
        """The clue id of every row; 0 where its block was not read yet."""
        self._blocks: dict[int, tuple[Any, int]] = {}
        """The blocks read: block number -> (sort value, id) of its last row."""
        self._row_index: dict[int, int] = {}
        self._rows: OrderedDict[int, ClueRow | None] = OrderedDict()
        self._live: dict[int, Live] = {}
        self._texts: dict[int, tuple[str, ...]] = {}
        self._shown: dict[int, Shown] = {}
        """What painting asks of a row, by row: built once per row until the row changes."""
        self._tints = {level: QColor(tint) for level, tint in WARNING_TINTS.items()}
        self._tinted_text = tinted_text()
        self._headers = self._header_data()
        self._now = workspace.now()
        self._bounds = workspace.bounds(self._now)
        self._visible = (0, -1)
        self._along = False
        """Whether the filter's text is looked for along the sort order (found in many)."""
        self.blocks_read = 0
        """How many blocks of rows were read from the store after the query's first (for
        tests and benchmarks)."""
        self.rows_prepared = 0
        """How many rows painting asked for and got prepared (for tests and benchmarks)."""

    # -- querying ---------------------------------------------------------------------------

    def queue_filter(self) -> QueueFilter:
        """The filter the rows were queried with."""
        return self._filter

    def set_filter(self, flt: QueueFilter) -> None:
        """Query the queue again with `flt` (same sort)."""
        self._filter = flt
        self._requery()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query sorted by `column`; a column that does not sort is ignored."""
        if sql_order(column, order) is None:
            return
        self._sort_column = column
        self._sort_order = order
        self._requery()

    def sort_column(self) -> int:
        """The column the rows are sorted by."""
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        """The order of the sort column."""
        return self._sort_order

    @staticmethod
    def is_sortable(column: int) -> bool:
        """Whether a click on this column's header sorts the queue."""
        return sort_key_of(column) is not None

    def refresh(self) -> None:
        """Query again with the same filter and sort (after the store changed)."""
        self._counted = None
        self._requery()

    def _order(self) -> tuple[SortKey, bool]:
        order = sql_order(self._sort_column, self._sort_order)
        assert order is not None
        return order

    def _requery(self) -> None:
        """Read the first block (one query) and, for a new filter, count the queue."""
        now = self.workspace.now()
        bounds = self.workspace.bounds(now)
        key, descending = self._order()
        viewer = self.workspace.viewer
        counted = count_key(self._filter, bounds)
        known = self._total if self._counted == counted else None
        with self.workspace.store.session() as session:
            if self._filter.text.strip() and known is None:
                # A text: count its clues first, to know how best to look for a page of them.
                known = count(session, viewer, self._filter, bounds)
            self._along = known is not None and known > TEXT_ALONG_ORDER_ROWS * self.block_size
            page = Page([], None)
            if known != 0:
                page = query_page(
                    session,
                    viewer,
                    self._filter,
                    bounds,
                    sort=key,
                    descending=descending,
                    limit=self.block_size,
                    text_along_order=self._along,
                )
            if page.next_cursor is None:
                total = len(page.rows)  # all of it: no count needed
            elif known is not None and known > len(page.rows):
                total = known  # only the order changed
            else:
                total = count(session, viewer, self._filter, bounds)
        self.beginResetModel()
        self._total = max(total, len(page.rows))
        self._counted = counted
        self._ids = [0] * self._total
        self._blocks.clear()
        self._row_index.clear()
        self._rows.clear()
        self._live.clear()
        self._texts.clear()
        self._shown.clear()
        self._now = now
        self._bounds = bounds
        self._tinted_text = tinted_text()  # the theme may have changed
        self._keep_block(0, page.rows)
        self.endResetModel()
        self.requeried.emit()

    def _keep_block(self, block: int, rows: Sequence[ClueRow]) -> None:
        start = block * self.block_size
        room = max(0, min(len(rows), self._total - start))
        for offset, clue in enumerate(rows[:room]):
            self._ids[start + offset] = clue.id
            self._row_index[clue.id] = start + offset
            self._rows[clue.id] = clue
        if room:
            last = rows[room - 1]
            self._blocks[block] = (last.sort_value, last.id)
        else:
            self._blocks[block] = (None, 0)
        self._trim_cache()

    def _read_ids(self, block: int) -> None:
        """Read a block of rows not read yet: by key after the block before it, else by
        offset."""
        key, descending = self._order()
        before = self._blocks.get(block - 1)
        after = before if before is not None and before[1] else None
        with self.workspace.store.session() as session:
            page = query_page(
                session,
                self.workspace.viewer,
                self._filter,
                self._bounds,
                sort=key,
                descending=descending,
                limit=self.block_size,
                after=after,
                offset=0 if after is not None else block * self.block_size,
                text_along_order=self._along,
            )
        self.blocks_read += 1
        self._keep_block(block, page.rows)

    def _ensure_block(self, row: int) -> None:
        block = row // self.block_size
        if block not in self._blocks:
            self._read_ids(block)

    # -- ids and rows -----------------------------------------------------------------------

    def ids(self) -> Sequence[int]:
        """Every clue id in display order (reads the ids not read yet; do not modify)."""
        if len(self._blocks) * self.block_size < self._total:
            key, descending = self._order()
            with self.workspace.store.session() as session:
                every = query_ids(
                    session,
                    self.workspace.viewer,
                    self._filter,
                    self._bounds,
                    sort=key,
                    descending=descending,
                )
            if len(every) == self._total:
                self._ids = every
                self._row_index = {cid: row for row, cid in enumerate(every)}
                last = (self._total - 1) // self.block_size
                for block in range(last + 1):
                    self._blocks.setdefault(block, (None, 0))
        return self._ids

    def clue_id(self, row: int) -> int:
        """The clue id shown in `row`; IndexError when there is no such row."""
        if not 0 <= row < self._total:
            raise IndexError(row)
        self._ensure_block(row)
        return self._ids[row]

    def row_of(self, clue_id: int) -> int:
        """The row showing `clue_id`, or -1 when the queue does not hold it.

        A clue in a block not read yet is found by its position (indexed), and its block read.
        """
        row = self._row_index.get(clue_id, -1)
        if row >= 0 or len(self._blocks) * self.block_size >= self._total:
            return row
        key, descending = self._order()
        with self.workspace.store.session() as session:
            found = position(
                session,
                self.workspace.viewer,
                self._filter,
                self._bounds,
                clue_id,
                sort=key,
                descending=descending,
            )
        if found is None or found >= self._total:
            return -1
        self._ensure_block(found)
        return found if self._ids[found] == clue_id else self._row_index.get(clue_id, -1)

    def clue_row(self, row: int) -> ClueRow | None:
        """The data of `row` (read from the store if needed); None if the clue is gone."""
        clue_id = self.clue_id(row)
        if clue_id in self._rows:
            self._rows.move_to_end(clue_id)
            return self._rows[clue_id]
        if not clue_id:
            return None
        self._read_block(row)
        return self._rows.get(clue_id)

    def cached_rows(self) -> int:
        """How many rows the cache holds."""
        return len(self._rows)

    def invalidate(self, ids: Iterable[int]) -> None:
        """Forget the cached rows of `ids` (changed in the store); visible ones are re-read."""
        last = len(Column) - 1
        for clue_id in ids:
            self._rows.pop(clue_id, None)
            self._live.pop(clue_id, None)
            self._texts.pop(clue_id, None)
            row = self._row_index.get(clue_id, -1)
            if row >= 0:
                self._shown.pop(row, None)
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _read_block(self, row: int) -> None:
        """Read again the evicted rows of the block around `row` (their ids are known)."""
        stop = min(self._total, max(0, row - self.block_size // 2) + self.block_size)
        start = max(0, stop - self.block_size)
        wanted = [cid for cid in self._ids[start:stop] if cid and cid not in self._rows]
        with self.workspace.store.session() as session:
            found = rows_by_id(session, wanted, self._bounds)
        self.blocks_read += 1
        for clue_id in wanted:
            self._rows[clue_id] = found.get(clue_id)
        self._rows.move_to_end(self._ids[row])
        self._trim_cache()

    def _trim_cache(self) -> None:
        while len(self._rows) > self.cache_limit:
            self._rows.popitem(last=False)

    # -- the clock --------------------------------------------------------------------------

    def now(self) -> datetime:
        """The instant the warning levels and countdowns are computed at."""
        return self._now

    def set_visible_rows(self, first: int, last: int) -> None:
        """The rows the view shows now (inclusive); `tick` updates only these."""
        self._visible = (first, last)

    def visible_rows(self) -> tuple[int, int]:
        """The rows last reported visible (first, last), inclusive; last < first for none."""
        return self._visible

    def tick(self, now: datetime) -> int:
        """Move the clock to `now` and update the visible rows' countdowns and levels.

        Reads nothing from the store: a visible row is in the cache (it was painted).
        Emits dataChanged for the countdown and warning columns of the rows whose text changed,
        and for the whole row when its level changed (a new background). Returns how many
        rows changed.
        """
        self._now = now
        first, last = self._visible
        first, last = max(0, first), min(last, self._total - 1)
        old, self._live = self._live, {}
        changed = 0
        for row in range(first, last + 1):
            clue = self._rows.get(self._ids[row])
            if clue is None:
                continue
            live = self._compute_live(clue)
            self._live[clue.id] = live
            before = old.get(clue.id)
            if before == live:
                continue
            changed += 1
            self._shown.pop(row, None)
            if before is None or before.level != live.level:
                self.dataChanged.emit(
                    self.index(row, 0), self.index(row, len(Column) - 1), list(_LIVE_ROLES)
                )
            else:
                self.dataChanged.emit(
                    self.index(row, Column.WARNING),
                    self.index(row, Column.COUNTDOWN),
                    [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
                )
        return changed

    def _compute_live(self, clue: ClueRow) -> Live:
        return live_at(clue.deadline, self._now, self.workspace)

    def live(self, clue: ClueRow) -> Live:
        """The warning level and countdown of `clue` at the model's now (cached until a tick)."""
        found = self._live.get(clue.id)
        if found is None:
            if len(self._live) >= self.cache_limit:
                self._live.clear()
            found = self._live[clue.id] = self._compute_live(clue)
        return found

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of clues in the queue."""
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else _COLUMNS

    # flags() is QAbstractTableModel's (enabled, selectable, not editable): a Python override
    # would be called for every cell painted.

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; the tooltip says whether a click sorts by the column."""
        if orientation is not Qt.Orientation.Horizontal:
            return None
        return self._headers.get((section, role))  # asked for some hundreds of times a paint

    def _header_data(self) -> dict[tuple[int, int], Any]:
        """What `headerData` answers, by (section, role)."""
        found: dict[tuple[int, int], Any] = {}
        sorts, fixed = self.tr("单击按此列排序，再次单击反向排序"), self.tr("此列不能排序")
        for section, column in enumerate(_COLUMN_LIST):
            found[section, Qt.ItemDataRole.DisplayRole] = translated(HEADERS[column])
            found[section, Qt.ItemDataRole.ToolTipRole] = sorts if section in _SORTABLE else fixed
            if section in _SORTABLE:
                # The first click shows what matters first: the worst warning, the newest clue.
                newest = section in (Column.WARNING, Column.RECEIVED)
                found[section, Qt.ItemDataRole.InitialSortOrderRole] = (
                    Qt.SortOrder.DescendingOrder if newest else Qt.SortOrder.AscendingOrder
                )
        return found

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text, colours and tooltip; the row is read from the store on demand."""
        if role not in _ROLES:
            return None
        row = index.row()
        shown = self._shown.get(row)
        if shown is None:
            if not index.isValid() or not 0 <= row < self._total:
                return None
            shown = self._shown_row(row)
            if shown is None:
                return None
        if role == _DISPLAY:
            return shown.texts[index.column()]
        if role == _BACKGROUND:
            return shown.background
        if role == _FOREGROUND:
            return shown.foreground
        if role == WarningLevelRole:
            return shown.live.level
        if role == ClueIdRole:
            return shown.clue.id
        if role == TypedValueRole:
            return typed_value(shown.clue, index.column())
        return self._tooltip(shown.clue, shown.live, Column(index.column()))

    def _shown_row(self, row: int) -> Shown | None:
        clue = self.clue_row(row)
        if clue is None:
            return None
        live = self.live(clue)
        texts = list(self.texts(clue))
        texts[Column.WARNING] = self.warning_text(live.level)
        texts[Column.COUNTDOWN] = live.short
        shown = Shown(
            clue,
            live,
            tuple(texts),
            self._tints[live.level] if live.level else None,
            self._tinted_text if live.level else None,
        )
        if len(self._shown) >= self.cache_limit:
            self._shown.clear()
        self._shown[row] = shown
        self.rows_prepared += 1
        return shown

    def texts(self, clue: ClueRow) -> tuple[str, ...]:
        """The display texts of a row's columns that do not change with the clock (cached)."""
        found = self._texts.get(clue.id)
        if found is None:
            if len(self._texts) >= self.cache_limit:
                self._texts.clear()
            found = self._texts[clue.id] = row_texts(self.workspace, clue)
        return found

    @staticmethod
    def warning_text(level: int) -> str:
        """The 预警 cell: a shape and the level's name ("▲ 二级预警"); '' for no warning."""
        if not level:
            return ""
        name = translated(WARNING_TEXTS[level])
        return f"{WARNING_GLYPHS[level]} {name}"

    def warning_explanation(self, level: int) -> str:
        """What a warning level means, with the rules' thresholds (for tooltips)."""
        thresholds = self.workspace.rules.warnings
        if level == 1:
            return self.tr("一级预警（黄色，●）：距办理期限不足 {days} 个工作日").format(
                days=thresholds.level1_remaining_days
            )
        if level == 2:
            return self.tr("二级预警（橙色，▲）：已超过办理期限")
        if level == 3:
            return self.tr(
                "三级预警（红色，■）：超过办理期限 {days} 个工作日以上，纪委监委介入"
            ).format(days=thresholds.level3_overdue_days)
        return self.tr("未预警")

    def _tooltip(self, clue: ClueRow, live: Live, column: Column) -> str | None:
        if column in (Column.WARNING, Column.COUNTDOWN, Column.DEADLINE):
            if clue.deadline is None:
                return self.tr("当前环节没有办理期限")
            return self.tr("{warning}\n{countdown}（办理期限 {deadline}）").format(
                warning=self.warning_explanation(live.level),
                countdown=live.full,
                deadline=format_time(clue.deadline),
            )
        if column in WHOLE_TEXT_COLUMNS:
            return tooltip_lines(self.texts(clue)[column]) or None
        lines = []
        if column is Column.CODE and clue.channel_ref:
            lines.append(self.tr("渠道编号：{0}").format(clue.channel_ref))
        if live.level:
            lines.append(self.warning_explanation(live.level))
        return "\n".join(lines) or None
