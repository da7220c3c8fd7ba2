"""The statistics dashboard (统计看板) over the demo store: its tiles, table and bars show the
figures of `compute_statistics` and the same numbers counted independently from the clues;
a tile, a unit bar, a trend bar and a table row (Enter) open the queue on exactly the codes of
`figure_codes`; the note says when the data was synced, and a sync recomputes the figures."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.demo.city import DEMO_PASSWORD
from desktop.domain.assessment import Period
from desktop.domain.statistics import FIGURES, Grouping, figure
from desktop.domain.timeutil import to_china
from desktop.store.database import Store, open_store
from desktop.store.models import Clue
from desktop.store.queues import Queue
from desktop.store.statistics import StoreStatistics, compute_statistics, figure_codes
from desktop.ui.assessment.periods import PeriodPreset, preset_period
from desktop.ui.dashboard.scope import dashboard_scope
from desktop.ui.dashboard.texts import value_text
from desktop.ui.dashboard.tiles import TILE_KEYS, tile_keys
from desktop.ui.dashboard.unit_table import TABLE_KEYS
from desktop.ui.dashboard.view import DashboardView
from desktop.ui.main_window import DASHBOARD_KEY, MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import Connection, SyncController, login_job, sync_job
from desktop.ui.tasks import Task
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace, RunningPlatform
from tests.ui.loop_kit import register

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

AUTUMN = Period(date(2026, 9, 1), date(2026, 11, 27))
WAIT = 120_000
"""Computing over the 3,000 demo clues on a busy machine: generous."""


def computed(qtbot: QtBot, view: DashboardView, period: Period) -> StoreStatistics:
    qtbot.waitUntil(
        lambda: not view.computing and view.seen is not None and view.seen.period == period,
        timeout=WAIT,
    )
    assert view.seen is not None
    return view.seen


def open_window(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, SyncController(workspace, None), settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def independent_counts(
    store: Store, period: Period, now: datetime
) -> dict[str, tuple[int, int, int]]:
    """(received, refused, closed) per unit, counted in Python over the clues: received on a
    day of the period (China time), counted to the lead unit, else the owning office, else the
    county; closed: closed by `now`."""
    found: dict[str, Counter[str]] = {}
    with store.session() as session:
        for clue in session.scalars(select(Clue)):
            if not period.start <= to_china(clue.received_at).date() <= period.end:
                continue
            unit = clue.lead_unit or clue.owner_unit or clue.county_code
            counts = found.setdefault(unit, Counter())
            counts["received"] += 1
            counts["refused"] += clue.status == "refused"
            closed = clue.status == "closed" and clue.closed_at is not None
            counts["closed"] += closed and clue.closed_at <= now
    return {u: (c["received"], c["refused"], c["closed"]) for u, c in found.items()}


def test_every_shown_key_is_a_figure_of_the_statistics() -> None:
    keys = {f.key for f in FIGURES}
    assert set(TILE_KEYS) <= keys and set(TABLE_KEYS) <= keys
    assert tile_keys() == TILE_KEYS


def test_tiles_and_table_show_the_statistics_and_an_independent_count(
    qtbot: QtBot, make_workspace: MakeWorkspace, now: datetime
) -> None:
    workspace = make_workspace("haizhou")
    view = DashboardView(workspace)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    assert view.preset.currentData() is PeriodPreset.LAST_MONTH  # the default
    computed(qtbot, view, preset_period(PeriodPreset.LAST_MONTH, now.date()))
    view.set_custom(AUTUMN.start, AUTUMN.end)
    seen = computed(qtbot, view, AUTUMN)
    scope = dashboard_scope(workspace)
    assert scope is not None and "320706" in scope and "320706001" in scope
    expected = compute_statistics(workspace.store, AUTUMN, now, by=Grouping.UNIT, unit_codes=scope)
    assert seen.totals == expected.totals and seen.groups == expected.groups
    # the tiles: every figure of the whole scope
    for key, tile in view.tiles.items():
        value = expected.totals.value(key)
        assert tile.value == value, key
        assert tile.value_label.text() == value_text(figure(key), value), key
        assert tile.accessibleName() == f"{figure(key).label}：{value_text(figure(key), value)}"
    assert view.tile("received").value_label.text() != "0"
    # the table: every unit's figures, in the chart's order (the worst closure rate first)
    assert [g.key for g in view.unit_rows] == [g.key for g in expected.groups]
    for group in expected.groups:
        for key in TABLE_KEYS:
            text = value_text(figure(key), group.figures.value(key))
            assert view.index_of(group.key, key).data() == text, (group.key, key)
    # the same numbers counted independently, per unit and in total
    independent = independent_counts(workspace.store, AUTUMN, now)
    shown = {g.key: g.figures for g in expected.groups}
    assert {u for u in independent if u in scope} <= set(shown) <= set(scope)
    for unit in set(shown) - set(independent):  # other figures only (stages, warnings)
        assert shown[unit].value("received") == 0, unit
    for unit, (received, refused, closed) in independent.items():
        if unit not in scope:
            continue
        figures = shown[unit]
        assert figures.value("received") == received, unit
        assert figures.value("closed") == closed, unit
        rate = closed / (received - refused) if received - refused else None
        assert figures.value("closure_rate") == pytest.approx(rate), unit
        assert view.index_of(unit, "closure_rate").data() == value_text(
            figure("closure_rate"), rate
        )
    in_scope = [c for u, c in independent.items() if u in scope]
    assert view.tile("received").value == sum(c[0] for c in in_scope) > 0
    assert view.tile("closed").value == sum(c[2] for c in in_scope) > 0
    # the unit chart: the worst closure rates at the top, as many bars as units (≤ 40)
    chart = view.units_chart
    assert chart.count == len(expected.groups)
    categories = chart.axis_y.categories()
    assert categories[-1].strip() == expected.groups[0].label  # the top bar is the worst
    worst = expected.groups[0].figures.value("closure_rate")
    assert chart.bars.at(chart.count - 1) == pytest.approx((worst or 0) * 100)
    # the trend: received and closed per week of the period
    assert [g.key for g in expected.trend][0] == "2026-W36"
    trend = view.trend
    assert trend.received.count() == len(expected.trend)
    for index, group in enumerate(expected.trend):
        assert trend.received.at(index) == group.figures.value("received")
        assert trend.closed.at(index) == group.figures.value("closed")


def test_switching_the_compared_figure_orders_the_units_worst_first(
    qtbot: QtBot, make_workspace: MakeWorkspace, now: datetime
) -> None:
    workspace = make_workspace("haizhou")
    view = DashboardView(workspace)
    qtbot.addWidget(view)
    view.show()
    view.set_custom(AUTUMN.start, AUTUMN.end)
    seen = computed(qtbot, view, AUTUMN)
    view.unit_figure.setCurrentIndex(view.unit_figure.findData("warning_level3"))
    reds = [g.figures.value("warning_level3") for g in view.unit_rows]
    assert reds == sorted(reds, reverse=True) and reds[0]  # the most red warnings first
    assert view.units_chart.axis_y.categories()[-1].strip() == view.unit_rows[0].label
    assert "三级预警" in view.units_chart.chart().title()
    assert len(view.unit_rows) == len(seen.groups)
    view.unit_figure.setCurrentIndex(view.unit_figure.findData("sign_on_time_rate"))
    rates = [g.figures.value("sign_on_time_rate") for g in view.unit_rows]
    known = [r for r in rates if r is not None]
    assert known == sorted(known) and rates[: len(known)] == known  # no rate: last


def test_a_tile_opens_the_queue_on_exactly_its_clues(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path, now: datetime
) -> None:
    workspace = make_workspace("haizhou")
    window = open_window(qtbot, workspace, tmp_path)
    qtbot.keyClick(
        window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert window.dashboard_action.shortcut().toString() == DASHBOARD_KEY
    view = window.dashboard_view
    assert view is not None and window.centre.currentWidget() is view
    assert window.navigation.current_entry() is not None
    assert window.navigation.model.name(window.navigation.current_entry()) == "统计看板"
    assert not window.detail_scroll.isVisible()  # the dashboard has the width
    last_month = preset_period(PeriodPreset.LAST_MONTH, now.date())
    computed(qtbot, view, last_month)
    scope = dashboard_scope(workspace)
    expected = set(figure_codes(workspace.store, last_month, now, "closed", unit_codes=scope))
    assert len(expected) > 1
    assert view.tile("received").hasFocus()  # the keyboard starts on the tiles
    qtbot.mouseClick(view.tile("closed"), Qt.MouseButton.LeftButton)
    queue = window.queue_view
    qtbot.waitUntil(lambda: window.filter_bar.codes() == expected, timeout=WAIT)
    qtbot.waitUntil(lambda: queue.row_count() == len(expected), timeout=WAIT)
    assert {queue.model.clue_row(r).code for r in range(queue.row_count())} == expected
    assert window.navigation.current_queue() is Queue.ALL
    assert window.detail_scroll.isVisible()
    caption = f"统计 {last_month.start} 至 {last_month.end}：办结 {len(expected)} 件"
    assert window.filter_bar.codes_chip.text().startswith(caption)
    # a rate opens the clues behind its numerator; the keyboard: Tab to the tile, Space
    window.open_dashboard()
    rate_codes = set(
        figure_codes(workspace.store, last_month, now, "sign_on_time_rate", unit_codes=scope)
    )
    assert rate_codes == set(
        figure_codes(workspace.store, last_month, now, "sign_on_time", unit_codes=scope)
    )
    tile = view.tile("sign_on_time_rate")
    qtbot.waitUntil(view.tile("received").hasFocus)
    while not tile.hasFocus():
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(tile, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.filter_bar.codes() == rate_codes, timeout=WAIT)
    assert "按时签收 " in window.filter_bar.codes_chip.text()
    window.close()


def test_a_bar_and_a_table_row_open_the_queue_on_exactly_their_clues(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path, now: datetime
) -> None:
    workspace = make_workspace("haizhou")
    window = open_window(qtbot, workspace, tmp_path)
    window.resize(1400, 900)
    view = window.open_dashboard()
    view.set_custom(AUTUMN.start, AUTUMN.end)
    computed(qtbot, view, AUTUMN)
    scope = dashboard_scope(workspace)
    store = workspace.store

    def codes(key: str, by: Grouping, group: str) -> set[str]:
        found = figure_codes(store, AUTUMN, now, key, by=by, group=group, unit_codes=scope)
        return set(found)

    # a unit's bar: the units compared on 收到线索, the busiest at the top
    view.unit_figure.setCurrentIndex(view.unit_figure.findData("received"))
    top = view.unit_rows[0]
    expected = codes("received", Grouping.UNIT, top.key)
    assert len(expected) == top.figures.value("received") > 1
    chart = view.units_chart
    view.units_scroll.ensureWidgetVisible(chart, 0, 0)
    qtbot.waitUntil(lambda: chart.paint_count > 0, timeout=WAIT)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_point(0))
    qtbot.waitUntil(lambda: window.filter_bar.codes() == expected, timeout=WAIT)
    assert window.filter_bar.codes_chip.text().startswith(
        f"统计 {AUTUMN.start} 至 {AUTUMN.end}：{top.label} 收到线索 {len(expected)} 件"
    )
    qtbot.waitUntil(lambda: window.queue_view.row_count() == len(expected), timeout=WAIT)
    # a week's bar of the trend: the clues closed among those received that week
    window.open_dashboard()
    assert view.seen is not None
    week = max(
        range(len(view.seen.trend)), key=lambda i: view.seen.trend[i].figures.value("closed") or 0
    )
    group = view.seen.trend[week]
    expected = codes("closed", Grouping.WEEK, group.key)
    assert len(expected) == group.figures.value("closed") > 0
    trend = view.trend
    qtbot.waitUntil(lambda: trend.paint_count > 0, timeout=WAIT)
    qtbot.mouseClick(
        trend.viewport(), Qt.MouseButton.LeftButton, pos=trend.bar_point("closed", week)
    )
    qtbot.waitUntil(lambda: window.filter_bar.codes() == expected, timeout=WAIT)
    assert f"{group.label} 办结 {len(expected)} 件" in window.filter_bar.codes_chip.text()
    # the table under the chart: Enter on a unit's cell opens that figure of that unit
    window.open_dashboard()
    unit = max(view.unit_rows, key=lambda g: g.figures.value("returned") or 0)
    expected = codes("returned", Grouping.UNIT, unit.key)
    assert expected
    cell = view.index_of(unit.key, "returned")
    view.table.setFocus()
    view.table.setCurrentIndex(cell)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.filter_bar.codes() == expected, timeout=WAIT)
    # Enter on the unit's name opens the compared figure (here 收到线索)
    window.open_dashboard()
    view.table.setCurrentIndex(view.index_of(unit.key, None))
    qtbot.keyClick(view.table, Qt.Key.Key_Enter)
    expected = codes("received", Grouping.UNIT, unit.key)
    qtbot.waitUntil(lambda: window.filter_bar.codes() == expected, timeout=WAIT)
    window.close()


def test_the_sync_note_and_a_sync_recomputes(
    qtbot: QtBot, platform: RunningPlatform, tmp_path: Path
) -> None:
    username = "haizhou"
    store = open_store(tmp_path / "desk")
    connection = Connection(platform.url, username)
    login_job(store, connection, DEMO_PASSWORD)
    sync_job(store, connection, Task(lambda _task: None))  # the first sync
    workspace = Workspace(store, username, platform.url)
    sync = SyncController(workspace, connection)
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, sync, settings)
    qtbot.addWidget(window)
    window.show()
    view = window.open_dashboard()
    today = workspace.now().date()
    period = Period(today - timedelta(days=40), today)
    view.set_custom(period.start, period.end)
    seen = computed(qtbot, view, period)
    assert seen.synced_at is not None
    assert view.sync_note.text() == f"数据截至 {seen.synced_at:%m-%d %H:%M} 同步"
    received = view.tile("received").value
    assert isinstance(received, int)
    # a clue registered on this desk counts at once, and says a sync is still due
    provisional = register(store, username, at=workspace.now())
    workspace.events.clues_changed.emit()
    qtbot.waitUntil(lambda: view.tile("received").value == received + 1, timeout=WAIT)
    assert view.seen is not None and view.seen.pending_actions == 1
    assert view.sync_note.text().endswith("（1 个操作待上传）")
    # the sync: the figures are computed again, the clue under its platform code
    before = view.seen
    with qtbot.waitSignal(sync.finished, timeout=WAIT):
        qtbot.mouseClick(window.status.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: view.seen is not before and not view.computing and not view.seen.pending_actions,
        timeout=WAIT,
    )
    after = view.seen
    assert after.synced_at is not None and after.synced_at > seen.synced_at
    assert view.sync_note.text() == f"数据截至 {after.synced_at:%m-%d %H:%M} 同步"
    scope = dashboard_scope(workspace)
    codes = figure_codes(store, period, after.now, "received", unit_codes=scope)
    assert provisional not in codes and len(codes) == view.tile("received").value
    window.close()
    store.close()


def test_a_store_never_synced_says_so(qtbot: QtBot, fresh_desk: MakeWorkspace) -> None:
    workspace = fresh_desk("xinhai")
    view = DashboardView(workspace)
    qtbot.addWidget(view)
    view.show()
    assert dashboard_scope(workspace) == ["320706001"]  # a township: its own clues
    qtbot.waitUntil(lambda: view.seen is not None and not view.computing, timeout=WAIT)
    assert view.sync_note.text() == "尚未同步"
    assert view.tile("received").value_label.text() == "0"
    assert view.tile("closure_rate").value_label.text() == "—"  # nothing to divide by
