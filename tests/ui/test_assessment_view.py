"""The unit assessment view (单位考核) over the demo store: the figures are those of
`assess_store` for the period, a figure cell opens the queue on exactly the clues behind it,
a suggestion figure lists its suggestions, and changing the period computes again."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from desktop.domain.assessment import FIGURES, Period
from desktop.domain.assessment_weights import COMPONENTS
from desktop.domain.timeutil import CHINA_TZ
from desktop.store.assessment import StoreAssessment, assess_store
from desktop.store.queues import Queue
from desktop.store.supervision import issue_suggestion
from desktop.ui.assessment.model import (
    COLUMNS,
    FIGURE_HEADINGS,
    RED_HOURS,
    UnitCodeRole,
    hours,
    rows_of,
)
from desktop.ui.assessment.periods import PeriodPreset, preset_period
from desktop.ui.assessment.suggestion_list import SuggestionListDialog
from desktop.ui.assessment.view import AssessmentView, scope_units
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import SyncController
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

AUTUMN = Period(date(2026, 9, 1), date(2026, 11, 27))
WAIT = 120_000
"""Computing over the 3,000 demo clues on a busy machine: generous."""


def computed(qtbot: QtBot, view: AssessmentView, period: Period) -> StoreAssessment:
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
    qtbot.waitExposed(window)
    return window


def test_period_presets() -> None:
    today = date(2026, 11, 27)
    assert preset_period(PeriodPreset.LAST_MONTH, today) == Period(
        date(2026, 10, 1), date(2026, 10, 31)
    )
    assert preset_period(PeriodPreset.LAST_MONTH, date(2026, 1, 5)) == Period(
        date(2025, 12, 1), date(2025, 12, 31)
    )
    assert preset_period(PeriodPreset.THIS_MONTH, today) == Period(date(2026, 11, 1), today)
    assert preset_period(PeriodPreset.THIS_QUARTER, today) == Period(date(2026, 10, 1), today)
    assert preset_period(PeriodPreset.THIS_YEAR, today) == Period(date(2026, 1, 1), today)
    assert set(FIGURE_HEADINGS) == set(FIGURES)  # every figure has a column


def test_the_view_shows_the_figures_of_the_store_assessment(
    qtbot: QtBot, make_workspace: MakeWorkspace, now: datetime
) -> None:
    workspace = make_workspace("haizhou")
    view = AssessmentView(workspace)
    qtbot.addWidget(view)
    view.show()
    assert view.preset.currentData() is PeriodPreset.LAST_MONTH  # the default
    computed(qtbot, view, preset_period(PeriodPreset.LAST_MONTH, now.date()))
    view.set_custom(AUTUMN.start, AUTUMN.end)
    seen = computed(qtbot, view, AUTUMN)
    scope = scope_units(workspace)
    assert "320706001" in scope and all(workspace.units[c].county_code == "320706" for c in scope)
    expected = assess_store(workspace.store, AUTUMN, now, unit_codes=scope)
    model = view.model
    assert {row.code for row in model.rows} == set(scope)
    assert any(row.assessment is not None for row in model.rows)
    for row in model.rows:
        unit = expected.unit(row.code)
        for figure in FIGURES:
            cell = view.index_of(row.code, figure)
            assert cell.data() == str(unit.count(figure) if unit else 0), (row.code, figure)
        red = view.index_of(row.code, RED_HOURS).data()
        assert red == hours(unit.red_seconds if unit else 0)
    # sorted by score, best first: the table's rows from the top
    shown = [
        view.proxy.index(r, COLUMNS.index("unit")).data(UnitCodeRole)
        for r in range(view.proxy.rowCount())
    ]
    ranked = [u.unit for u in expected.units if u.score is not None]
    assert shown[: len(ranked)] == ranked
    assert view.proxy.index(0, COLUMNS.index("rank")).data() == "1"
    best = expected.units[0]
    assert view.proxy.index(0, COLUMNS.index("score")).data() == f"{best.score:.2f}"
    # the weights as published
    weights = workspace.rules.assessment_weights
    for component in COMPONENTS:
        text = f"{view.component_name(component)} {weights.weight(component):g}"
        assert text in view.weights.text() and text in view.weights_button.toolTip()
    assert seen.period == AUTUMN


def test_changing_the_period_computes_again(
    qtbot: QtBot, make_workspace: MakeWorkspace, now: datetime
) -> None:
    workspace = make_workspace("haizhou")
    view = AssessmentView(workspace)
    qtbot.addWidget(view)
    view.show()
    computed(qtbot, view, preset_period(PeriodPreset.LAST_MONTH, now.date()))
    view.set_preset(PeriodPreset.THIS_YEAR)
    year = preset_period(PeriodPreset.THIS_YEAR, now.date())
    seen = computed(qtbot, view, year)
    assert not view.date_from.isEnabled()
    assert view.date_from.date().toPython() == year.start
    expected = assess_store(workspace.store, year, now, unit_codes=scope_units(workspace))
    for unit in expected.units:
        assert view.index_of(unit.unit, "received").data() == str(unit.count("received"))
    assert seen.units == expected.units


def test_a_figure_opens_the_queue_on_exactly_its_clues(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path, now: datetime
) -> None:
    workspace = make_workspace("haizhou")
    window = open_window(qtbot, workspace, tmp_path)
    view = window.open_assessment()
    assert window.centre.currentWidget() is view
    computed(qtbot, view, preset_period(PeriodPreset.LAST_MONTH, now.date()))
    view.set_custom(AUTUMN.start, AUTUMN.end)
    seen = computed(qtbot, view, AUTUMN)
    unit = max(seen.units, key=lambda u: u.count("signed_on_time"))
    codes = set(unit.figure("signed_on_time").codes)
    assert len(codes) > 1
    cell = view.index_of(unit.unit, "signed_on_time")
    view.table.setCurrentIndex(cell)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    queue = window.queue_view
    assert window.centre.currentIndex() == 0
    qtbot.waitUntil(lambda: queue.row_count() == len(codes), timeout=WAIT)
    shown = {queue.model.clue_row(r).code for r in range(queue.row_count())}
    assert shown == codes
    assert window.filter_bar.codes() == codes
    assert window.navigation.current_queue() is Queue.ALL
    chip = window.filter_bar.codes_chip
    assert chip.isVisible()
    assert chip.text().startswith(f"考核：{seen.name(unit.unit)} 按时签收 {len(codes)} 件")
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert not chip.isVisible() and window.filter_bar.codes() is None
    qtbot.waitUntil(lambda: queue.row_count() > len(codes), timeout=WAIT)
    # double-clicking a unit's red warnings opens them too (here: whatever their number)
    window.open_assessment()
    red_unit = max(seen.units, key=lambda u: u.count("red_warnings"))
    red = view.index_of(red_unit.unit, "red_warnings")
    view.table.scrollTo(red)
    rect = view.table.visualRect(red)
    # a real double click: press and release, then the double click on the same cell
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    red_codes = set(red_unit.figure("red_warnings").codes)
    qtbot.waitUntil(lambda: window.filter_bar.codes() == red_codes, timeout=WAIT)
    qtbot.waitUntil(lambda: queue.row_count() == len(red_codes), timeout=WAIT)
    window.close()


def test_a_suggestion_figure_lists_the_suggestions(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path, now: datetime
) -> None:
    commission = make_workspace("hzjw")
    issued = issue_suggestion(
        commission.store,
        "hzjw",
        "laptop-7",
        {
            "kind": "supervision",
            "number": "海监建〔2026〕9号",
            "addressed_unit": "320706001",
            "title": "关于加强线索签收工作的监察建议",
            "text": "请健全线索签收制度。",
            "basis": "《中华人民共和国监察法》第四十五条",
            "reply_days": 5,
        },
        now=datetime(2026, 11, 2, 10, tzinfo=CHINA_TZ),
    )
    window = open_window(qtbot, commission, tmp_path)
    assert window.navigation.select_assessment()
    view = window.assessment_view
    assert view is not None and window.centre.currentWidget() is view
    view.set_preset(PeriodPreset.THIS_MONTH)
    seen = computed(qtbot, view, preset_period(PeriodPreset.THIS_MONTH, now.date()))
    expected = set(seen.codes("320706001", "suggestions_received"))
    assert issued.record_id in expected  # with whatever the demo's commissions issued
    cell = view.index_of("320706001", "suggestions_received")
    assert cell.data() == str(len(expected))
    view.table.setCurrentIndex(cell)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = window.dialog
    assert isinstance(dialog, SuggestionListDialog)
    assert {r.state.suggestion_id for r in dialog.rows} == expected
    row = next(i for i, r in enumerate(dialog.rows) if r.state.suggestion_id == issued.record_id)
    assert dialog.table.item(row, 0).text() == "海监建〔2026〕9号"
    assert dialog.table.item(row, 7).text() == "未答复"
    dialog.close()
    window.close()


def test_export_writes_the_table_as_shown(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path, now: datetime
) -> None:
    view = AssessmentView(make_workspace("haizhou"))
    qtbot.addWidget(view)
    view.show()
    computed(qtbot, view, preset_period(PeriodPreset.LAST_MONTH, now.date()))
    target = tmp_path / "考核.csv"
    view.export_csv(target)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(",")[:3] == ["单位", "综合得分", "排名"]
    assert len(lines) == 1 + view.proxy.rowCount()
    assert "已导出" in view.status.text()


def test_equal_scores_share_a_rank(make_workspace: MakeWorkspace, now: datetime) -> None:
    workspace = make_workspace("haizhou")
    seen = assess_store(workspace.store, AUTUMN, now, unit_codes=scope_units(workspace))
    rows = rows_of(seen, scope_units(workspace))
    scored = [
        row for row in rows if row.assessment is not None and row.assessment.score is not None
    ]
    for position, row in enumerate(scored):
        assert row.assessment is not None
        better = sum(
            1
            for other in scored
            if other.assessment is not None
            and (other.assessment.score or 0) > (row.assessment.score or 0)
        )
        assert row.rank == better + 1, (position, row.code)
    assert all(row.rank is None for row in rows if row not in scored)
