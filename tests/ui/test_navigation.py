"""The navigation list: which queues a unit sees, their counts, and what a click emits."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, or_, select

from desktop.store.models import AssistingUnit, Clue
from desktop.store.queues import Queue, QueueFilter, count
from desktop.ui.navigation import (
    SYNC_PROBLEMS,
    CountRole,
    Entry,
    EntryKind,
    NavigationModel,
    NavigationPanel,
    default_queue,
    entries_for,
)
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace
from tests.ui.loop_kit import walk


@pytest.fixture
def county(make_workspace: MakeWorkspace) -> Workspace:
    return make_workspace("haizhou")


def make_panel(ws: Workspace, qtbot: Any) -> tuple[NavigationPanel, QWidget]:
    """A panel shown in a plain host window, its first counts arrived."""
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(220, 400)
    panel = NavigationPanel(ws, host)
    panel.setGeometry(0, 0, 220, 400)
    host.show()
    qtbot.waitExposed(host)
    qtbot.waitUntil(lambda: bool(panel.model.counts), timeout=5000)
    return panel, host


def click(qtbot: Any, panel: NavigationPanel, entry: Entry) -> None:
    rect = panel.view.visualRect(panel.model.index(panel.model.row_of(entry)))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def titles(model: NavigationModel) -> list[str]:
    return [model.index(r).data() for r in range(model.rowCount())]


def test_the_model_passes_the_model_tester(county: Workspace, qtmodeltester: Any) -> None:
    model = NavigationModel(entries_for(county.viewer))
    model.set_counts({Queue.TO_SIGN: 3, Queue.ALL: 10})
    model.set_problem_count(2)
    qtmodeltester.check(model)


def test_dispatchers_see_the_dispatch_queue_handlers_do_not(
    make_workspace: MakeWorkspace,
) -> None:
    county = NavigationModel(entries_for(make_workspace("haizhou").viewer))
    assert titles(county) == [
        "我的待办",
        "待分办",
        "待签收",
        "办理中",
        "待审核",
        "已办结",
        "全部",
        "预警",
        "整改文书",
        "同步问题",
    ]
    township = make_workspace("xinhai").viewer
    assert titles(NavigationModel(entries_for(township))) == [
        "我的待办",
        "待签收",
        "办理中",
        "待审签",
        "待审核",
        "已办结",
        "全部",
        "预警",
        "整改文书",
        "同步问题",
    ]
    assert default_queue(township) is Queue.TO_SIGN
    assert default_queue(make_workspace("haizhou").viewer) is Queue.TO_DISPATCH
    assert default_queue(make_workspace("hzjw").viewer) is Queue.WARNINGS
    heading = county.index(0)
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable


def test_counts_equal_the_store_counts(county: Workspace, qtbot: Any) -> None:
    panel, _host = make_panel(county, qtbot)
    bounds = county.bounds()
    with county.store.session() as session:
        for entry in panel.model.entries:
            if entry.queue is None:
                continue
            expected = count(session, county.viewer, QueueFilter(queue=entry.queue), bounds)
            index = panel.model.index(panel.model.row_of(entry))
            assert index.data(CountRole) == expected
            assert index.data(Qt.ItemDataRole.ToolTipRole) == f"{entry.queue.label}：{expected} 条"
    assert panel.model.counts[Queue.ALL] > 100  # the demo's clues of 海州区: hundreds
    assert panel.model.index(0).data(CountRole) is None


def test_clicking_entries_emits_what_was_chosen(county: Workspace, qtbot: Any) -> None:
    panel, _host = make_panel(county, qtbot)
    with qtbot.waitSignal(panel.queue_selected) as blocker:
        click(qtbot, panel, Entry(EntryKind.QUEUE, Queue.TO_SIGN))
    assert blocker.args == [Queue.TO_SIGN]
    assert panel.current_queue() is Queue.TO_SIGN
    with (
        qtbot.waitSignal(panel.sync_problems_selected),
        qtbot.assertNotEmitted(panel.queue_selected),
    ):
        click(qtbot, panel, SYNC_PROBLEMS)
    assert panel.current_entry() == SYNC_PROBLEMS and panel.current_queue() is None
    with (
        qtbot.assertNotEmitted(panel.queue_selected),
        qtbot.assertNotEmitted(panel.sync_problems_selected),
    ):
        click(qtbot, panel, Entry(EntryKind.GROUP))
    with qtbot.waitSignal(panel.queue_selected) as blocker:
        assert panel.select_queue(Queue.WARNINGS)
    assert blocker.args == [Queue.WARNINGS]


def test_problem_count_and_recount_on_store_change(county: Workspace, qtbot: Any) -> None:
    panel, _host = make_panel(county, qtbot)
    panel.set_problem_count(4)
    index = panel.model.index(panel.model.row_of(SYNC_PROBLEMS))
    assert index.data(CountRole) == 4
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "同步问题 4"
    everything = panel.model.counts[Queue.ALL]
    walk(county.store, "registered")
    panel.model.counts = {}
    with qtbot.waitSignal(panel.counts_updated, timeout=5000):
        county.events.clues_changed.emit()
    assert panel.model.counts[Queue.ALL] == everything + 1


def test_township_handler_has_no_dispatch_queue(make_workspace: MakeWorkspace, qtbot: Any) -> None:
    ws = make_workspace("xinhai")
    panel, _host = make_panel(ws, qtbot)
    assert not panel.select_queue(Queue.TO_DISPATCH)
    unit = ws.viewer.unit.code
    with ws.store.session() as session:  # the clues it leads or assists, counted straight
        assisting = select(AssistingUnit.clue_id).where(AssistingUnit.unit_code == unit)
        own = select(func.count()).select_from(Clue)
        own = own.where(or_(Clue.lead_unit == unit, Clue.id.in_(assisting)))
        expected = session.scalar(own)
        everything = session.scalar(select(func.count()).select_from(Clue))
    assert expected and expected < everything  # a township sees some clues, not the city's
    assert panel.model.counts[Queue.ALL] == expected
