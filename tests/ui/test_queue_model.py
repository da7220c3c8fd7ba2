"""The queue table model: ids from SQL, rows on demand, live warning levels and countdowns."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from desktop.domain.deadlines import countdown, warning_level
from desktop.domain.timeutil import CHINA_TZ
from desktop.store.queues import Queue, QueueFilter, SortKey, query_ids
from desktop.ui.contrast import READABLE_RATIO, contrast_ratio
from desktop.ui.countdown import CountdownTicker
from desktop.ui.queue_model import (
    WARNING_TINTS,
    ClueIdRole,
    Column,
    QueueModel,
    WarningLevelRole,
    format_time,
    sql_order,
)
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace
from tests.ui.loop_kit import warned_clues

BG = Qt.ItemDataRole.BackgroundRole
DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def county(make_workspace: MakeWorkspace) -> Workspace:
    """The county dispatcher's workspace (the demo's clues of the area, and some being handled
    at each warning level)."""
    workspace = make_workspace("haizhou")
    warned_clues(workspace.store)
    return workspace


def expected_ids(ws: Workspace, flt: QueueFilter, sort: SortKey, descending: bool) -> list[int]:
    with ws.store.session() as session:
        return query_ids(session, ws.viewer, flt, ws.bounds(), sort=sort, descending=descending)


class StatementCounter:
    """Counts the SQL statements run on an engine while active."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        self.statements.append(statement)


@pytest.fixture
def sql_counter(county: Workspace) -> Iterator[StatementCounter]:
    counter = StatementCounter()
    event.listen(county.store.engine, "before_cursor_execute", counter)
    yield counter
    event.remove(county.store.engine, "before_cursor_execute", counter)


def test_model_passes_the_model_tester(county: Workspace, qtmodeltester: Any) -> None:
    model = QueueModel(county)
    model.set_filter(QueueFilter(queue=Queue.HANDLING))
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_empty_model_passes_the_model_tester(county: Workspace, qtmodeltester: Any) -> None:
    model = QueueModel(county)
    model.set_filter(QueueFilter(text="没有这样的线索内容"))
    assert model.rowCount() == 0
    qtmodeltester.check(model)


@pytest.mark.parametrize(
    "flt",
    [
        QueueFilter(),
        QueueFilter(text="化工"),
        QueueFilter(channels=frozenset({"hotline_12345"})),
        QueueFilter(warning_levels=frozenset({3})),
        QueueFilter(queue=Queue.WARNINGS, warning_levels=frozenset({1, 2})),
    ],
    ids=["all", "text", "channel", "level3", "warnings-1-2"],
)
def test_filtered_rows_equal_the_store_query(county: Workspace, flt: QueueFilter) -> None:
    model = QueueModel(county)
    model.set_filter(flt)
    assert list(model.ids()) == expected_ids(county, flt, SortKey.DEADLINE, False)
    assert model.rowCount() == len(model.ids())


def test_filters_change_the_rows(county: Workspace) -> None:
    model = QueueModel(county)
    model.set_filter(QueueFilter())
    everything = set(model.ids())
    model.set_filter(QueueFilter(text="化工"))
    chemical = set(model.ids())
    assert chemical and chemical < everything
    model.set_filter(QueueFilter(warning_levels=frozenset({3})))
    assert {model.data(model.index(r, 0), WarningLevelRole) for r in range(model.rowCount())} == {3}


@pytest.mark.parametrize("column", [Column.DEADLINE, Column.RECEIVED, Column.WARNING])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_requeries_in_sql_order(
    county: Workspace, column: Column, order: Qt.SortOrder
) -> None:
    model = QueueModel(county)
    flt = QueueFilter(queue=Queue.WARNINGS)
    model.set_filter(flt)
    model.sort(column, order)
    found = sql_order(column, order)
    assert found is not None
    assert list(model.ids()) == expected_ids(county, flt, *found)
    assert (model.sort_column(), model.sort_order()) == (column, order)


def test_warning_sort_puts_the_worst_first_when_descending(county: Workspace) -> None:
    model = QueueModel(county)
    model.set_filter(QueueFilter(queue=Queue.WARNINGS))
    model.sort(Column.WARNING, Qt.SortOrder.DescendingOrder)
    levels = [model.data(model.index(r, 0), WarningLevelRole) for r in range(model.rowCount())]
    assert levels == sorted(levels, reverse=True)
    assert levels[0] == 3


def test_a_column_that_does_not_sort_is_ignored(county: Workspace) -> None:
    model = QueueModel(county)
    model.set_filter(QueueFilter())
    before = list(model.ids())
    model.sort(Column.ADDRESS, Qt.SortOrder.DescendingOrder)
    assert list(model.ids()) == before
    assert model.sort_column() == Column.DEADLINE
    assert not model.is_sortable(Column.ADDRESS) and model.is_sortable(Column.RECEIVED)


def test_rows_are_built_on_demand_into_a_bounded_cache(
    county: Workspace, sql_counter: StatementCounter
) -> None:
    model = QueueModel(county, block_size=50, cache_limit=120)
    model.set_filter(QueueFilter())
    total = model.rowCount()
    assert total > 600
    assert model.cached_rows() == 50  # the first block came with the query
    assert model.blocks_read == 0
    assert model.data(model.index(0, Column.CODE)) is not None
    model.data(model.index(10, Column.ADDRESS))  # in the block already: no new read
    assert model.blocks_read == 0
    model.data(model.index(50, Column.CODE))  # the next block, by key after the first
    assert model.blocks_read == 1 and model.cached_rows() == 100
    for row in range(0, total, 37):  # scrolling through the whole queue
        assert model.data(model.index(row, Column.CODE)) is not None
        assert model.cached_rows() <= 120
    assert model.cached_rows() <= 120
    last = total - 1
    clue = model.clue_row(last)
    assert clue is not None and clue.id == model.clue_id(last)
    assert model.data(model.index(last, 0), ClueIdRole) == model.ids()[last]
    assert list(model.ids()) == expected_ids(county, QueueFilter(), SortKey.DEADLINE, False)


def test_a_jump_far_into_the_queue_reads_only_that_block(county: Workspace) -> None:
    model = QueueModel(county, block_size=50)
    model.set_filter(QueueFilter())
    expected = expected_ids(county, QueueFilter(), SortKey.DEADLINE, False)
    far = len(expected) - 3
    assert model.clue_id(far) == expected[far]  # read by offset: no block before it read
    assert model.blocks_read == 1
    assert model.cached_rows() == 50 + len(expected) - far // 50 * 50
    assert model.clue_id(51) == expected[51]  # by key after the first block
    assert [model.clue_id(r) for r in range(len(expected))] == expected


def test_a_clue_in_a_block_not_read_yet_is_found_and_selected(county: Workspace) -> None:
    model = QueueModel(county, block_size=50)
    model.sort(Column.RECEIVED, Qt.SortOrder.DescendingOrder)
    expected = expected_ids(county, QueueFilter(), SortKey.RECEIVED, True)
    target = expected[len(expected) // 2]
    assert model.row_of(target) == len(expected) // 2
    assert model.blocks_read == 1
    model.set_filter(QueueFilter(queue=Queue.HANDLING))
    handling = set(expected_ids(county, model.queue_filter(), SortKey.RECEIVED, True))
    assert model.row_of(next(i for i in expected if i not in handling)) == -1


def test_a_requery_is_one_query_and_a_resort_keeps_the_count(
    county: Workspace, sql_counter: StatementCounter
) -> None:
    model = QueueModel(county, block_size=50)
    sql_counter.statements.clear()
    model.set_filter(QueueFilter(channels=frozenset({"hotline_12345"})))
    assert len(sql_counter.statements) == 2  # the first block, and the count of a new filter
    assert "count(" in sql_counter.statements[1].lower()
    total = model.rowCount()
    assert total == len(expected_ids(county, model.queue_filter(), SortKey.DEADLINE, False))
    sql_counter.statements.clear()
    model.sort(Column.RECEIVED, Qt.SortOrder.DescendingOrder)
    assert len(sql_counter.statements) == 1  # the same clues in another order: no count
    assert model.rowCount() == total
    sql_counter.statements.clear()
    model.set_filter(QueueFilter(queue=Queue.TO_REVIEW))
    assert len(sql_counter.statements) == 1  # a short first block is the whole queue
    assert 0 < model.rowCount() < 50
    sql_counter.statements.clear()
    model.set_filter(QueueFilter(text="化工"))
    assert len(sql_counter.statements) == 2  # a text is counted first, then its first block
    assert "count(" in sql_counter.statements[0].lower()
    assert list(model.ids()) == expected_ids(county, model.queue_filter(), SortKey.RECEIVED, True)
    sql_counter.statements.clear()
    model.set_filter(QueueFilter(text="没有这样的线索内容"))
    assert len(sql_counter.statements) == 1  # found nowhere: no rows to read
    assert model.rowCount() == 0


def test_a_text_found_in_many_clues_is_read_along_the_sort_order(
    county: Workspace, sql_counter: StatementCounter
) -> None:
    model = QueueModel(county, block_size=2)  # 化工 is in more than 20 blocks of 2
    model.sort(Column.RECEIVED, Qt.SortOrder.DescendingOrder)
    flt = QueueFilter(text="化工")
    sql_counter.statements.clear()
    model.set_filter(flt)
    assert model.rowCount() > 40
    assert "clues.id + 0 IN" in sql_counter.statements[1]  # along the index of the order
    expected = expected_ids(county, flt, SortKey.RECEIVED, True)
    assert [model.clue_id(r) for r in range(model.rowCount())] == expected
    assert model.blocks_read > 20
    model.set_filter(QueueFilter(text="化工 河道"))  # rarer: from the list of its matches
    sql_counter.statements.clear()
    model.refresh()
    assert 0 < model.rowCount() <= 40
    assert "clues.id + 0 IN" not in sql_counter.statements[-1]
    assert list(model.ids()) == expected_ids(county, model.queue_filter(), SortKey.RECEIVED, True)


def test_cells_show_the_row(county: Workspace) -> None:
    model = QueueModel(county)
    model.set_filter(QueueFilter(queue=Queue.HANDLING))
    clue = model.clue_row(0)
    assert clue is not None and clue.deadline is not None
    cell = lambda column: model.data(model.index(0, column))  # noqa: E731
    assert cell(Column.CODE) == clue.code
    assert cell(Column.STATUS) == "办理中"
    assert cell(Column.DEADLINE) == format_time(clue.deadline)
    assert len(cell(Column.RECEIVED)) == len("2026-11-27 10:00")
    assert cell(Column.COUNTY) == "海州区"
    assert (
        cell(Column.COUNTDOWN)
        == countdown(clue.deadline, county.now(), county.calendar).short_text()
    )
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers[:7] == ["编号", "状态", "预警", "剩余时限", "被反映对象", "地址", "内容摘要"]
    assert headers[-1] == "受理时间"
    assert model.headerData(len(Column), Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    flags = model.flags(model.index(0, Column.CODE))
    assert flags & Qt.ItemFlag.ItemIsSelectable and flags & Qt.ItemFlag.ItemIsEnabled
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_times_are_shown_in_china_time_to_the_minute() -> None:
    assert format_time(datetime(2026, 1, 5, 23, 7, 59, tzinfo=UTC)) == "2026-01-06 07:07"
    assert format_time(datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ)) == "2026-11-27 10:00"
    assert format_time(None) == ""


def test_warning_cells_carry_shape_text_colour_and_explanation(county: Workspace) -> None:
    model = QueueModel(county)
    model.set_filter(QueueFilter(queue=Queue.WARNINGS))
    model.sort(Column.WARNING, Qt.SortOrder.DescendingOrder)
    seen: dict[int, int] = {}
    for row in range(model.rowCount()):
        level = model.data(model.index(row, 0), WarningLevelRole)
        seen.setdefault(level, row)
    assert set(seen) == {1, 2, 3}
    for level, glyph, name in ((1, "●", "一级预警"), (2, "▲", "二级预警"), (3, "■", "三级预警")):
        row = seen[level]
        text = model.data(model.index(row, Column.WARNING))
        assert text == f"{glyph} {name}"
        assert model.data(model.index(row, Column.ADDRESS), BG).name() == WARNING_TINTS[level]
        tip = model.data(model.index(row, Column.WARNING), Qt.ItemDataRole.ToolTipRole)
        assert name in tip and "办理期限" in tip


@pytest.mark.parametrize("dark", [False, True], ids=["light theme", "dark theme"])
def test_tinted_rows_keep_readable_text_in_a_light_and_a_dark_theme(
    county: Workspace, qapp: QApplication, dark: bool
) -> None:
    saved = qapp.palette()
    palette = QPalette(saved)
    if dark:  # light text on dark cells, as a dark system theme gives
        palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
        palette.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    qapp.setPalette(palette)
    try:
        model = QueueModel(county)
        model.set_filter(QueueFilter(queue=Queue.WARNINGS))
        text = palette.color(QPalette.ColorRole.Text)
        for row in range(min(model.rowCount(), 30)):
            index = model.index(row, Column.ADDRESS)
            own = model.data(index, Qt.ItemDataRole.ForegroundRole)
            assert (own is not None) == dark  # a light theme's text needs no colour of its own
            shown = own if own is not None else text
            tint = model.data(index, BG)
            assert contrast_ratio(shown, tint) >= READABLE_RATIO, (row, tint.name())
    finally:
        qapp.setPalette(saved)


def test_contrast_ratio() -> None:
    black, white = QColor("black"), QColor("white")
    assert contrast_ratio(black, white) == pytest.approx(21)
    assert contrast_ratio(white, black) == pytest.approx(21)
    assert contrast_ratio(white, white) == pytest.approx(1)
    assert contrast_ratio(QColor("#767676"), white) == pytest.approx(4.54, abs=0.01)


def test_level_is_computed_at_the_models_now_not_taken_from_the_row(county: Workspace) -> None:
    model = QueueModel(county)
    model.set_filter(QueueFilter(queue=Queue.HANDLING))
    model.set_visible_rows(0, model.rowCount() - 1)
    later = county.now() + timedelta(days=40)
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    model.tick(later)
    for row in range(model.rowCount()):
        clue = model.clue_row(row)
        assert clue is not None
        expected = warning_level(clue.deadline, later, county.calendar, county.rules.warnings)
        assert model.data(model.index(row, 0), WarningLevelRole) == expected
    assert model.data(model.index(0, 0), WarningLevelRole) == 3


def _first_level1_model(county: Workspace) -> QueueModel:
    model = QueueModel(county)
    model.set_filter(QueueFilter(warning_levels=frozenset({1})))
    assert model.rowCount() >= 3
    visible = min(40, model.rowCount()) - 1
    model.set_visible_rows(0, visible)
    for row in range(visible + 1):  # what painting the visible rows does
        for column in range(model.columnCount()):
            model.data(model.index(row, column))
            model.data(model.index(row, column), BG)
    return model


def test_tick_recolours_a_row_crossing_a_level_without_querying(
    county: Workspace, sql_counter: StatementCounter, qtbot: Any
) -> None:
    model = _first_level1_model(county)
    first = model.clue_row(0)
    assert first is not None and first.deadline is not None
    assert model.data(model.index(0, Column.WARNING)) == "● 一级预警"
    before_bg = model.data(model.index(0, Column.CODE), BG)
    crossed = first.deadline + timedelta(minutes=1)
    county.clock = lambda: crossed
    ticker = CountdownTicker(model, county)
    changes: list[tuple[QModelIndex, QModelIndex, list[int]]] = []
    model.dataChanged.connect(lambda a, b, roles: changes.append((a, b, list(roles))))
    sql_counter.statements.clear()
    with qtbot.waitSignal(ticker.ticked) as blocker:
        changed = ticker.tick()
    assert sql_counter.statements == []
    assert blocker.args is not None and blocker.args[0] == crossed and changed >= 1
    assert model.now() == crossed
    assert model.data(model.index(0, Column.WARNING)) == "▲ 二级预警"
    after_bg = model.data(model.index(0, Column.CODE), BG)
    assert after_bg.name() == WARNING_TINTS[2] != before_bg.name()
    whole = [(a, b, r) for a, b, r in changes if a.row() == 0]
    assert whole and whole[0][0].column() == 0 and whole[0][1].column() == len(Column) - 1
    assert BG in whole[0][2]
    last_visible = model.visible_rows()[1]
    for top, bottom, roles in changes:
        assert top.row() == bottom.row() <= last_visible
        span = (top.column(), bottom.column())
        assert span in ((0, len(Column) - 1), (Column.WARNING, Column.COUNTDOWN))
        if span != (0, len(Column) - 1):
            assert BG not in roles
    assert sql_counter.statements == []


def test_tick_without_change_emits_nothing(county: Workspace, qtbot: Any) -> None:
    model = _first_level1_model(county)
    with qtbot.assertNotEmitted(model.dataChanged):
        assert model.tick(county.now()) == 0


def test_invalidate_rereads_the_rows(county: Workspace) -> None:
    model = QueueModel(county)
    model.set_filter(QueueFilter())
    model.data(model.index(0, 0))
    reads = model.blocks_read
    model.invalidate([model.clue_id(0)])
    model.data(model.index(0, 0))
    assert model.blocks_read == reads + 1


def test_refresh_sees_the_clock_and_the_store(county: Workspace) -> None:
    model = QueueModel(county)
    model.set_filter(QueueFilter(queue=Queue.WARNINGS, warning_levels=frozenset({1})))
    level1 = list(model.ids())
    later: datetime = county.now() + timedelta(days=20)
    county.clock = lambda: later
    model.refresh()
    assert model.now() == later
    assert list(model.ids()) != level1
    assert list(model.ids()) == expected_ids(
        county, model.queue_filter(), SortKey.DEADLINE, descending=False
    )


def test_ticker_interval_and_clock(county: Workspace, qtbot: Any) -> None:
    model = QueueModel(county)
    moment = county.now() + timedelta(hours=1)
    ticker = CountdownTicker(model, county, interval_ms=20, clock=lambda: moment)
    assert ticker.interval() == 20
    ticker.start()
    with qtbot.waitSignal(ticker.ticked, timeout=2000):
        pass
    ticker.stop()
    assert model.now() == moment and not ticker.is_active()
    ticker.set_interval(30_000)
    assert ticker.interval() == 30_000
