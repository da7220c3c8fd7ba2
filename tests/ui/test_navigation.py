"""The navigation list: which queues a unit sees, their counts, and what a click emits."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, or_, select

from desktop.domain.workflow import Status
from desktop.store.models import AssistingUnit, Clue
from desktop.store.queues import QUEUE_STATUSES, Queue, QueueFilter, count
from desktop.ui.navigation import (
    COUNT_GAP,
    COUNT_MARGIN,
    SUGGESTIONS,
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
        "辖区线索",
        "待分办",
        "待签收",
        "办理中",
        "待审核",
        "预警与文书",
        "预警",
        "预警台账",
        "整改文书",
        "处罚案件",
        "待答复的建议",
        "问责记录",
        "单位考核",
        "每周核查",
        "查询",
        "统计看板",
        "已办结",
        "全部",
        "同步问题",
    ]
    township = make_workspace("xinhai").viewer
    assert titles(NavigationModel(entries_for(township))) == [
        "我的待办",
        "待签收",
        "办理中",
        "待审签",
        "待审核",
        "预警与文书",
        "预警",
        "预警台账",
        "整改文书",
        "处罚案件",
        "待答复的建议",
        "问责记录",
        "查询",
        "统计看板",
        "已办结",
        "全部",
        "同步问题",
    ]
    assert default_queue(township) is Queue.TO_SIGN
    assert default_queue(make_workspace("haizhou").viewer) is Queue.TO_DISPATCH
    assert default_queue(make_workspace("hzjw").viewer) is Queue.WARNINGS
    heading = county.index(0)
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable


def test_the_commission_has_its_own_section_first(make_workspace: MakeWorkspace) -> None:
    """纪委监委: 红色预警, 建议与督办, 问责记录, 单位考核, each once; 单位考核 otherwise only for
    the dispatching offices."""
    viewer = make_workspace("hzjw").viewer
    commission = NavigationModel(entries_for(viewer, commission=True))
    commission.commission = True
    listed = titles(commission)
    assert listed[:5] == ["纪委监委", "红色预警", "建议与督办", "问责记录", "单位考核"]
    assert listed[5] == "辖区线索" and "预警台账" in listed
    for title in ("建议与督办", "问责记录", "单位考核"):
        assert listed.count(title) == 1, title
    assert not commission.index(0).flags() & Qt.ItemFlag.ItemIsSelectable
    assert "纪委监委" not in titles(NavigationModel(entries_for(viewer, commission=False)))
    township = NavigationModel(entries_for(make_workspace("xinhai").viewer))
    assert "单位考核" not in titles(township) and "纪委监委" not in titles(township)


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
        click(qtbot, panel, Entry(EntryKind.GROUP, heading="area"))
    with qtbot.waitSignal(panel.queue_selected) as blocker:
        assert panel.select_queue(Queue.WARNINGS)
    assert blocker.args == [Queue.WARNINGS]
    with (
        qtbot.waitSignal(panel.assessment_selected),
        qtbot.assertNotEmitted(panel.queue_selected),
    ):
        click(qtbot, panel, Entry(EntryKind.ASSESSMENT))
    assert not panel.select_red_warnings()  # the commission's own entry


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


def test_my_tasks_hold_open_work_only_and_only_what_the_unit_may_sign(
    make_workspace: MakeWorkspace,
) -> None:
    """我的待办 lists no closed clue; a unit that only assists a dispatched clue does not
    find it among the clues it has to sign for (it cannot sign them)."""
    ws = make_workspace("xinhai")
    entries = entries_for(ws.viewer)
    headings = [i for i, e in enumerate(entries) if e.kind is EntryKind.GROUP]
    task_queues = [e.queue for e in entries[headings[0] + 1 : headings[1]]]
    assert task_queues and Queue.CLOSED not in task_queues and Queue.ALL not in task_queues
    assert all(not QUEUE_STATUSES[q] & {Status.CLOSED, Status.REFUSED} for q in task_queues if q)
    unit = ws.viewer.unit.code
    bounds = ws.bounds()
    with ws.store.session() as session:
        assisted_only = select(AssistingUnit.clue_id).where(AssistingUnit.unit_code == unit)
        waiting = (
            select(func.count())
            .select_from(Clue)
            .where(Clue.id.in_(assisted_only), Clue.status == Status.DISPATCHED.value)
        )
        assert session.scalar(waiting), "the demo has a dispatched clue xinhai only assists"
        to_sign = count(session, ws.viewer, QueueFilter(queue=Queue.TO_SIGN), bounds)
        led = (
            select(func.count())
            .select_from(Clue)
            .where(Clue.lead_unit == unit, Clue.status == Status.DISPATCHED.value)
        )
        assert to_sign == session.scalar(led)


def test_a_long_title_is_elided_short_of_its_count(
    qtbot: Any, make_workspace: MakeWorkspace
) -> None:
    """A title too long for the list (in English, or in a narrow list) ends before the count
    beside it."""
    panel, host = make_panel(make_workspace("haizhou"), qtbot)
    panel.model.set_suggestion_count(7)
    row = panel.model.row_of(SUGGESTIONS)
    title = panel.model.index(row).data()
    metrics = panel.view.fontMetrics()
    host.resize(metrics.horizontalAdvance(title) // 2 + 40, 400)  # too narrow for the title
    panel.setGeometry(0, 0, host.width(), 400)
    qtbot.waitUntil(lambda: panel.view.viewport().width() < host.width())
    image = panel.view.viewport().grab().toImage()
    rect = panel.view.visualRect(panel.model.index(row))
    right = min(rect.right(), image.width() - 1)
    count_left = right - COUNT_MARGIN - metrics.horizontalAdvance("7")
    background = panel.view.palette().color(QPalette.ColorRole.Base)

    def inked(x: int) -> bool:
        return any(
            image.pixelColor(x, y).lightness() < background.lightness() - 60
            for y in range(rect.top() + 1, rect.bottom())
        )

    assert any(inked(x) for x in range(count_left, right))  # the count is drawn
    gap = range(count_left - COUNT_GAP + 2, count_left - 1)
    assert not any(inked(x) for x in gap), "the title runs into the count"
    assert any(inked(x) for x in range(rect.left(), rect.left() + 30))  # the title is drawn
