"""The case list: its filters (status, warning level, filing period, unit, text) give the right
rows, the countdown and warning at an injected clock, sorting, the empty state, Enter opens a
case; in the window it sits under 预警与文书 with its shortcut, and a notice found 逾期未整改
offers 立案 through the case filing form."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from desktop.domain.cases import CaseAction, CaseStatus
from desktop.domain.notices import NoticeAction, NoticeStatus
from desktop.store.notices import draft_content_for_clue, take_notice_action
from desktop.store.number_blocks import save_number_block
from desktop.ui.cases.case_fields import NoticeLinksField
from desktop.ui.cases.case_form import CaseForm
from desktop.ui.cases.case_list import CasesView
from desktop.ui.cases.case_model import CaseIdRole, Column, WarningLevelRole
from desktop.ui.clue_detail import ClueDetailPanel
from desktop.ui.main_window import CASES_KEY, MainWindow
from desktop.ui.navigation import CASES
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import SyncController
from desktop.ui.workspace import Workspace
from tests.conftest import NOW
from tests.ui.case_kit import BUREAU, bureau_clue, decided, file, give_case_numbers
from tests.ui.conftest import MakeWorkspace

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

LONG_AGO = datetime(2026, 6, 1, 9, 0, tzinfo=NOW.tzinfo)
"""When the clues of the list were registered: long enough ago for overdue cases."""

FILED = {
    "red": datetime(2026, 8, 3, 10, 0, tzinfo=NOW.tzinfo),  # decide by 1 November: long overdue
    "orange": datetime(2026, 8, 27, 10, 0, tzinfo=NOW.tzinfo),  # by Wednesday 25 November
    "yellow": datetime(2026, 8, 29, 10, 0, tzinfo=NOW.tzinfo),  # by today, 27 November 17:30
    "fresh": NOW,
}
"""Filing moments of running cases by the warning their deadline gives at the tests' now."""


@pytest.fixture
def bureau(fresh_desk: MakeWorkspace) -> Workspace:
    workspace = fresh_desk("hzhb")
    give_case_numbers(workspace.store)
    return workspace


def seeded(workspace: Workspace, folder: Path) -> dict[str, str]:
    """One running case per warning colour and one decided case; their ids by name."""
    made = {}
    for name, at in FILED.items():
        code = bureau_clue(workspace.store, folder, at=LONG_AGO, report=False)
        made[name] = file(workspace.store, code, at=at).case_id
    code = bureau_clue(workspace.store, folder, at=LONG_AGO, report=False)
    made["decided"] = decided(workspace.store, code, at=FILED["red"]).case_id
    return made


def list_view(qtbot: QtBot, workspace: Workspace) -> CasesView:
    view = CasesView(workspace, debounce_ms=0)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.model.loading, timeout=20000)
    return view


def shown(qtbot: QtBot, view: CasesView) -> set[str]:
    qtbot.waitUntil(lambda: not view.model.loading, timeout=20000)
    return set(view.model.ids())


def pick(combo: Any, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_filters_give_the_right_rows(qtbot: QtBot, bureau: Workspace, tmp_path: Path) -> None:
    made = seeded(bureau, tmp_path)
    view = list_view(qtbot, bureau)
    assert shown(qtbot, view) == set(made.values())
    assert view.count_label.text() == "共 5 件"
    running = [made[n] for n in ("red", "orange", "yellow", "fresh")]
    assert view.model.ids() == [*running, made["decided"]]  # soonest deadline first

    pick(view.status_combo, CaseStatus.DECIDED.value)
    assert shown(qtbot, view) == {made["decided"]}
    pick(view.status_combo, "running")
    assert shown(qtbot, view) == set(running)
    pick(view.status_combo, "")

    view.warning_combo.setCurrentIndex(1)  # any level
    assert shown(qtbot, view) == {made["red"], made["orange"], made["yellow"]}
    view.warning_combo.setCurrentIndex(2)  # ● 一级
    assert shown(qtbot, view) == {made["yellow"]}
    view.warning_combo.setCurrentIndex(3)  # ▲ 二级
    assert shown(qtbot, view) == {made["orange"]}
    view.warning_combo.setCurrentIndex(4)  # ■ 三级
    assert shown(qtbot, view) == {made["red"]}
    view.warning_combo.setCurrentIndex(5)  # 未预警: the fresh and the decided case
    assert shown(qtbot, view) == {made["fresh"], made["decided"]}
    view.warning_combo.setCurrentIndex(0)

    view.filed_from.setDate(view.filed_from.date().fromString("2026-08-20", "yyyy-MM-dd"))
    view.filed_to.setDate(view.filed_to.date().fromString("2026-08-31", "yyyy-MM-dd"))
    assert shown(qtbot, view) == set(made.values())  # the period is off until ticked
    view.period_check.setChecked(True)
    assert shown(qtbot, view) == {made["orange"], made["yellow"]}
    view.period_check.setChecked(False)

    pick(view.unit_combo, BUREAU)
    assert shown(qtbot, view) == set(made.values())
    view.search.setText("海环罚〔2026〕1号")  # the decision's number
    view.apply_filter()
    assert shown(qtbot, view) == {made["decided"]}
    view.search.setText("没有这样的案件")
    view.apply_filter()
    assert shown(qtbot, view) == set()
    assert view.stack.currentWidget() is view.empty
    assert "没有符合筛选条件" in view.empty.text()


def test_countdown_and_warning_cells_follow_the_clock(
    qtbot: QtBot, bureau: Workspace, tmp_path: Path, qtmodeltester: Any
) -> None:
    made = seeded(bureau, tmp_path)
    view = list_view(qtbot, bureau)
    model = view.model
    qtmodeltester.check(model)
    fresh = model.row_of(made["fresh"])
    assert model.index(fresh, Column.WARNING).data(WarningLevelRole) == 0
    yellow = model.row_of(made["yellow"])
    assert model.index(yellow, Column.WARNING).data() == "● 一级预警"
    assert model.index(yellow, Column.COUNTDOWN).data()
    tip = model.index(yellow, Column.COUNTDOWN).data(Qt.ItemDataRole.ToolTipRole)
    assert "决定期限 2026-11-27 17:30" in tip
    decided_row = model.row_of(made["decided"])
    assert model.index(decided_row, Column.COUNTDOWN).data() == ""
    assert "作出处罚决定" in model.index(decided_row, Column.STATUS).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert model.index(yellow, Column.CLUE).data()
    assert model.index(yellow, Column.UNIT).data() == bureau.unit_name(BUREAU)

    changed = model.tick(NOW + timedelta(days=1))  # Saturday: today's deadline has passed
    assert changed >= 1
    assert model.index(yellow, Column.WARNING).data(WarningLevelRole) == 2
    fresh_deadline = model.case_row(fresh).deadline
    model.tick(fresh_deadline + timedelta(days=20))
    assert model.index(fresh, Column.WARNING).data(WarningLevelRole) == 3
    assert model.index(decided_row, Column.WARNING).data(WarningLevelRole) == 0


def test_sorting_and_enter_open_a_case(qtbot: QtBot, bureau: Workspace, tmp_path: Path) -> None:
    made = seeded(bureau, tmp_path)
    view = list_view(qtbot, bureau)
    view.view.sortByColumn(Column.FILED, Qt.SortOrder.DescendingOrder)
    assert view.model.ids()[0] == made["fresh"]
    view.view.sortByColumn(Column.WARNING, Qt.SortOrder.DescendingOrder)
    assert view.model.ids()[0] == made["red"]
    view.view.setFocus()
    assert view.select_case(made["orange"])
    with qtbot.waitSignal(view.case_requested) as opened:
        qtbot.keyClick(view.view, Qt.Key.Key_Return)
    assert opened.args is not None and opened.args[0] == made["orange"]
    assert view.model.index(view.model.row_of(made["orange"]), 0).data(CaseIdRole) == made["orange"]


def test_an_empty_list_says_so(qtbot: QtBot, bureau: Workspace) -> None:
    view = list_view(qtbot, bureau)
    assert view.model.rowCount() == 0
    assert view.stack.currentWidget() is view.empty
    assert "暂无处罚案件" in view.empty.text()


def test_the_window_lists_cases_and_opens_one_on_its_clue(
    qtbot: QtBot, bureau: Workspace, tmp_path: Path
) -> None:
    made = seeded(bureau, tmp_path)
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(bureau, SyncController(bureau, None), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.navigation.model.row_of(CASES) > 0
    assert window.cases_action.shortcut().toString() == CASES_KEY
    assert any(keys == window.cases_action.shortcut() for _, keys in window.shortcuts())
    window.cases_action.trigger()
    assert window.centre.currentWidget() is window.cases_view
    view = window.cases_view
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == 5, timeout=20000)
    view.select_case(made["orange"])
    view.case_requested.emit(
        made["orange"], view.model.case_row(view.model.row_of(made["orange"])).clue_code
    )
    cases = window.detail.cases
    qtbot.waitUntil(
        lambda: cases.current() is not None and cases.case_id == made["orange"], timeout=20000
    )
    assert window.detail.tabs.currentWidget() is cases
    assert cases.view.warning_label.text() == "二级预警（橙）"


def issue_and_find_not_rectified(workspace: Workspace, code: str) -> str:
    """The bureau issues a notice on its clue, serves it and finds it 逾期未整改 later."""
    save_number_block(
        workspace.store,
        {"block_id": 8200, "unit_code": BUREAU, "year": 2026, "first": 1, "last": 20},
    )

    def take(action: NoticeAction, notice_id: str | None, at: datetime, **payload: Any) -> Any:
        return take_notice_action(
            workspace.store,
            workspace.username,
            workspace.device_id,
            action,
            notice_id,
            code,
            payload,
            now=at,
        )

    content = draft_content_for_clue(workspace.store, code, workspace.username).to_dict()
    start = datetime(2026, 11, 2, 10, 0, tzinfo=NOW.tzinfo)
    content.update(deadline_days=3, deadline_date=None)
    drafted = take(NoticeAction.DRAFT, None, start, kind="rectification", **content)
    take(NoticeAction.ISSUE, drafted.notice_id, start)
    take(
        NoticeAction.SERVE,
        drafted.notice_id,
        start,
        method="direct",
        served_at=start.isoformat(),
        place="当事人经营场所",
        recipient="张三",
        relation="负责人",
        servers=["张执法", "李执法"],
    )
    take(
        NoticeAction.REINSPECT,
        drafted.notice_id,
        NOW - timedelta(days=1),
        result=NoticeStatus.NOT_RECTIFIED.value,
        inspected_at=(NOW - timedelta(days=1)).isoformat(),
        note="复查发现仍通过暗管排放",
    )
    return str(drafted.notice_id)


def test_a_notice_found_not_rectified_offers_filing_with_it_linked(
    qtbot: QtBot, bureau: Workspace, tmp_path: Path
) -> None:
    code = bureau_clue(bureau.store, tmp_path, at=datetime(2026, 11, 2, 9, 0, tzinfo=NOW.tzinfo))
    notice_id = issue_and_find_not_rectified(bureau, code)
    panel = ClueDetailPanel(bureau)
    qtbot.addWidget(panel)
    panel.resize(1100, 800)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.show_clue(bureau_clue_id(bureau, code))
    panel.tabs.setCurrentWidget(panel.notices)
    bench = panel.notices.workbench
    qtbot.waitUntil(lambda: bench.model.row_of(notice_id) >= 0, timeout=20000)
    bench.select(notice_id)
    assert not bench.action_buttons.get(NoticeAction.FILE_CASE)  # the old record is gone
    assert bench.case_button.isVisible()
    qtbot.mouseClick(bench.case_button, Qt.MouseButton.LeftButton)
    form = panel.cases.form
    assert isinstance(form, CaseForm) and form.action is CaseAction.FILE
    qtbot.addWidget(form)
    assert panel.tabs.currentWidget() is panel.cases
    links = form.field("notice_ids")
    assert isinstance(links, NoticeLinksField) and links.value() == [notice_id]
    form.done(0)


def bureau_clue_id(workspace: Workspace, code: str) -> int:
    from desktop.store.clue_detail import clue_id_by_code

    found = clue_id_by_code(workspace.store, code)
    assert found is not None
    return found
