"""The 预警台账 view and the clue's 预警记录 tab: the filters (unit, stage, level, period, clue
code, still open) and the presets 本周红色预警 / 红色预警未消除 give the right episodes; a
double click or Enter opens the clue on its record; in the window it sits under 预警与文书
with its shortcut; a commission user's view opens on 红色预警未消除 and red warnings new after
a sync raise one notification."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, select

from desktop.domain.stages import Stage
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.warning_record import ClearedBy, WarningEpisode
from desktop.store.database import Store
from desktop.store.models import Clue
from desktop.store.models import WarningEpisode as WarningEpisodeRow
from desktop.store.warnings import replace_clue_warnings
from desktop.sync.engine import SyncSummary
from desktop.ui.main_window import WARNING_RECORD_KEY, MainWindow
from desktop.ui.navigation import WARNING_RECORD
from desktop.ui.notifications import RED_WARNINGS
from desktop.ui.queue_model import WARNING_TINTS
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import SyncController
from desktop.ui.warning_record import ClueWarningsPanel, Column
from desktop.ui.warnings_view import WarningsView
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

STREET = "320706001"
TOWNSHIP = "320706015"
OFFICE = "320706"


def cst(m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(2026, m, d, hh, mm, tzinfo=CHINA_TZ)


def _clue(store: Store, offset: int) -> tuple[int, str]:
    with store.session() as session:
        row = session.execute(
            select(Clue.id, Clue.code)
            .where(Clue.county_code == OFFICE)
            .order_by(Clue.id)
            .offset(offset)
            .limit(1)
        ).one()
        return int(row.id), str(row.code)


def record(store: Store) -> dict[str, str]:
    """Three clues of 海州区 with a known record (the tests' now is Friday 27 November):
    "signed" went red this week and was signed; "red" has been red since last week; "yellow"
    has been yellow since yesterday at review."""
    codes = {}
    sign_due, handle_due, review_due = cst(11, 19, 17, 30), cst(11, 16, 17, 30), cst(11, 27, 17, 30)
    signed = cst(11, 25, 10)
    plan = {
        "signed": [
            (
                WarningEpisode(
                    Stage.SIGN, 1, sign_due, cst(11, 18, 17, 30), signed, ClearedBy.STAGE_COMPLETED
                ),
                STREET,
            ),
            (
                WarningEpisode(
                    Stage.SIGN, 2, sign_due, sign_due, signed, ClearedBy.STAGE_COMPLETED
                ),
                STREET,
            ),
            (
                WarningEpisode(
                    Stage.SIGN, 3, sign_due, cst(11, 24, 17, 30), signed, ClearedBy.STAGE_COMPLETED
                ),
                STREET,
            ),
        ],
        "red": [
            (WarningEpisode(Stage.HANDLE, 1, handle_due, cst(11, 13, 17, 30)), TOWNSHIP),
            (WarningEpisode(Stage.HANDLE, 2, handle_due, handle_due), TOWNSHIP),
            (WarningEpisode(Stage.HANDLE, 3, handle_due, cst(11, 20, 8, 30)), TOWNSHIP),
        ],
        "yellow": [(WarningEpisode(Stage.REVIEW, 1, review_due, cst(11, 26, 17, 30)), OFFICE)],
    }
    with store.session() as session:
        session.execute(delete(WarningEpisodeRow))  # the demo's own record gives way to these
        for offset, (name, episodes) in enumerate(plan.items()):
            clue_id, code = _clue(store, offset)
            replace_clue_warnings(session, clue_id, episodes)
            codes[name] = code
        session.commit()
    return codes


def view_of(qtbot: QtBot, workspace: Workspace) -> WarningsView:
    view = WarningsView(workspace, debounce_ms=0)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown(view: WarningsView) -> list[tuple[str, int]]:
    return [(r.code, r.episode.level) for r in view.model.rows]


def test_filters_and_presets(qtbot: QtBot, make_workspace: MakeWorkspace) -> None:
    workspace = make_workspace("haizhou")
    codes = record(workspace.store)
    view = view_of(qtbot, workspace)
    assert len(view.model.rows) == 7 and view.count_label.text() == "共 7 条"
    assert shown(view)[0] == (codes["yellow"], 1)  # newest reached first

    view.red_week_button.click()
    assert shown(view) == [(codes["signed"], 3)]
    assert view.level_combo.currentData() == 3 and view.period_check.isChecked()
    view.red_open_button.click()
    assert shown(view) == [(codes["red"], 3)]
    assert view.open_check.isChecked() and not view.period_check.isChecked()
    view.clear_button.click()
    assert len(view.model.rows) == 7

    view.unit_combo.setCurrentIndex(view.unit_combo.findData(TOWNSHIP))
    assert {code for code, _ in shown(view)} == {codes["red"]}
    view.clear_button.click()
    view.stage_combo.setCurrentIndex(view.stage_combo.findData(Stage.REVIEW.value))
    assert shown(view) == [(codes["yellow"], 1)]
    view.clear_button.click()
    view.level_combo.setCurrentIndex(view.level_combo.findData(1))
    assert sorted(shown(view)) == sorted((c, 1) for c in codes.values())
    view.clear_button.click()
    view.period_check.setChecked(True)
    view.date_from.setDate(datetime(2026, 11, 26).date())
    view.date_to.setDate(datetime(2026, 11, 27).date())
    assert shown(view) == [(codes["yellow"], 1)]
    view.clear_button.click()
    view.open_check.setChecked(True)
    assert sorted(shown(view)) == sorted(
        [(codes["red"], 1), (codes["red"], 2), (codes["red"], 3), (codes["yellow"], 1)]
    )
    view.clear_button.click()
    view.search.setText(codes["red"][-6:])
    qtbot.waitUntil(lambda: len(view.model.rows) == 3, timeout=10000)
    view.search.setText("NOTHING")
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.empty, timeout=10000)
    assert "筛选条件" in view.empty.text()


def test_level_colour_and_clearing_in_the_table(
    qtbot: QtBot, make_workspace: MakeWorkspace
) -> None:
    workspace = make_workspace("haizhou")
    codes = record(workspace.store)
    view = view_of(qtbot, workspace)
    model = view.model
    row = next(
        i for i, r in enumerate(model.rows) if r.code == codes["signed"] and r.episode.level == 3
    )
    level = model.index(row, Column.LEVEL)
    assert model.data(level) == "■ 三级（红）"
    assert model.data(level, Qt.ItemDataRole.BackgroundRole) == QColor(WARNING_TINTS[3])
    assert model.data(model.index(row, Column.CLEARED)) == "2026-11-25 10:00"
    assert model.data(model.index(row, Column.CLEARED_BY)) == "环节已完成"
    assert model.data(model.index(row, Column.STAGE)) == "签收"
    assert model.data(model.index(row, Column.UNIT)) == workspace.units[STREET].name
    still = next(
        i for i, r in enumerate(model.rows) if r.code == codes["red"] and r.episode.level == 3
    )
    assert model.data(model.index(still, Column.CLEARED)) == "未消除"
    assert model.data(model.index(still, Column.CODE), Qt.ItemDataRole.FontRole).bold()


def test_enter_and_double_click_open_the_clue(qtbot: QtBot, make_workspace: MakeWorkspace) -> None:
    workspace = make_workspace("haizhou")
    codes = record(workspace.store)
    view = view_of(qtbot, workspace)
    view.red_open_button.click()
    view.view.setFocus()
    view.view.setCurrentIndex(view.model.index(0, 0))
    with qtbot.waitSignal(view.clue_requested, timeout=5000) as opened:
        qtbot.keyClick(view.view, Qt.Key.Key_Return)
    assert opened.args == [codes["red"]]
    rect = view.view.visualRect(view.model.index(0, 1))
    with qtbot.waitSignal(view.clue_requested, timeout=5000) as clicked:
        # a real double click: press, release, then the double-click event
        qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == [codes["red"]]


def test_the_clue_tab_lists_its_episodes(qtbot: QtBot, make_workspace: MakeWorkspace) -> None:
    workspace = make_workspace("haizhou")
    codes = record(workspace.store)
    panel = ClueWarningsPanel(workspace)
    qtbot.addWidget(panel)
    assert panel.show_clue(codes["signed"]) == 3
    model = panel.model
    assert [model.data(model.index(i, 0)) for i in range(3)] == ["签收"] * 3
    assert [model.data(model.index(i, 1)) for i in range(3)] == [
        "● 一级（黄）",
        "▲ 二级（橙）",
        "■ 三级（红）",
    ]
    assert model.data(model.index(2, 2)) == "2026-11-24 17:30"
    assert model.data(model.index(2, 4)) == "环节已完成"
    assert panel.stack.currentWidget() is panel.view
    _id, quiet = _clue(workspace.store, 10)
    assert panel.show_clue(quiet) == 0
    assert panel.stack.currentWidget() is panel.empty


def open_window(qtbot: QtBot, workspace: Workspace, folder: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, SyncController(workspace, None), settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_in_the_window_under_supervision_with_a_shortcut(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = make_workspace("haizhou")
    codes = record(workspace.store)
    window = open_window(qtbot, workspace, tmp_path)
    entries = window.navigation.model.entries
    heading = next(i for i, e in enumerate(entries) if e.heading == "supervision")
    assert heading < entries.index(WARNING_RECORD) < heading + 4
    assert window.navigation.model.name(WARNING_RECORD) == "预警台账"
    QTest.keySequence(window, QKeySequence(WARNING_RECORD_KEY))
    assert window.centre.currentWidget() is window.warnings_view
    assert window.warning_record_action.shortcut().toString() == WARNING_RECORD_KEY
    view = window.warnings_view
    assert len(view.model.rows) == 7  # a county office's view starts unfiltered
    view.red_open_button.click()
    view.view.setCurrentIndex(view.model.index(0, 0))
    qtbot.keyClick(view.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=20000)
    assert window.detail.detail is not None and window.detail.detail.code == codes["red"]
    assert window.detail.tabs.currentWidget() is window.detail.warnings
    tab = window.detail.tabs.indexOf(window.detail.warnings)
    assert window.detail.tabs.tabText(tab) == "预警记录（3）"
    shortcuts = [text for text, _keys in window.shortcuts()]
    assert "预警台账" in shortcuts and "红色预警未消除" in shortcuts


def test_a_commission_user_opens_on_red_and_is_told_of_new_red_after_a_sync(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = make_workspace("hzjw")
    codes = record(workspace.store)
    window = open_window(qtbot, workspace, tmp_path)
    view = window.warnings_view
    assert view.level_combo.currentData() == 3 and view.open_check.isChecked()
    assert shown(view) == [(codes["red"], 3)]
    window.sync.finished.emit(SyncSummary())
    assert [m for m in window.notifier.sent if m.kind == RED_WARNINGS] == []

    # A sync brings two more red warnings (the store is written as sync writes it).
    later = {}
    with workspace.store.session() as session:
        for offset in (3, 4):
            clue_id, code = _clue(workspace.store, offset)
            due = cst(11, 20, 17, 30)
            replace_clue_warnings(
                session, clue_id, [(WarningEpisode(Stage.SIGN, 3, due, cst(11, 27, 8, 30)), STREET)]
            )
            later[code] = clue_id
        session.commit()
    window.show_warning_record()
    window.sync.finished.emit(SyncSummary())
    red = [m for m in window.notifier.sent if m.kind == RED_WARNINGS]
    assert len(red) == 1 and red[0].count == 2 and red[0].clue_code == min(later)
    assert "2 条线索新达到三级预警" in red[0].text
    assert {code for code, _ in shown(view)} == {codes["red"], *later}
    # Clicking the message opens the record on 红色预警未消除.
    view.clear_button.click()
    window.notifier.warnings_clicked.emit()
    assert view.open_check.isChecked() and view.level_combo.currentData() == 3
    window.sync.finished.emit(SyncSummary())  # nothing new: nothing more
    assert len([m for m in window.notifier.sent if m.kind == RED_WARNINGS]) == 1


def test_other_users_get_no_red_notification(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = make_workspace("haizhou")
    window = open_window(qtbot, workspace, tmp_path)
    record(workspace.store)
    window.sync.finished.emit(SyncSummary())
    assert [m for m in window.notifier.sent if m.kind == RED_WARNINGS] == []


def test_a_commission_user_takes_a_red_clue_into_an_accountability_record(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = make_workspace("hzjw")
    codes = record(workspace.store)
    window = open_window(qtbot, workspace, tmp_path)
    view = window.warnings_view
    button = view.accountability_button
    assert button.isVisibleTo(view) and not button.isEnabled()  # nothing selected yet
    view.clear_button.click()
    rows = [r.episode.level for r in view.model.rows]
    view.view.setCurrentIndex(view.model.index(rows.index(1), 0))
    assert not button.isEnabled()  # a yellow warning is no ground for 问责
    view.view.setCurrentIndex(view.model.index(rows.index(3), 0))
    assert button.isEnabled()
    red_code = view.selected_code()
    assert red_code in (codes["red"], codes["signed"])
    button.click()
    form = window.accountability_view.dialog
    assert form is not None and form.isVisible()
    assert red_code in str(form.clues.value())
    form.reject()


def test_only_the_commission_is_offered_accountability(
    qtbot: QtBot, make_workspace: MakeWorkspace
) -> None:
    workspace = make_workspace("haizhou")
    record(workspace.store)
    view = view_of(qtbot, workspace)
    assert not view.accountability_button.isVisibleTo(view)
