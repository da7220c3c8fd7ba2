"""The commission sees its area read-only: walking a clue in every status as a commission
user, no workflow, notice or case action is offered anywhere in its window (the clue's
buttons, the queue's context menu, the 办理 menu, the notice and case panes) but 督办 where
the rules give it and 查看举报人; and its navigation opens its own section."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.domain.codes import Status
from desktop.domain.workflow import Action
from desktop.store.models import Case, Clue, Notice
from desktop.store.queues import Queue
from desktop.ui.labels import label
from desktop.ui.main_window import MainWindow
from desktop.ui.navigation import Entry, EntryKind
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import SyncController
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

HAIZHOU = "320706"
WAIT = 60_000
READING = {"预览", "打印…", "另存为PDF…", "打开", "另存为…", "预览/打印决定书…", "查看举报人…"}
"""Buttons that read, print or save what is shown: no action on a clue, notice or case."""


def sample_clues(workspace: Workspace) -> dict[Status, str]:
    """A clue of the commission's area in each status, one with notices or cases if any."""
    with workspace.store.session() as session:
        with_papers = set(session.scalars(select(Notice.clue_id))) | set(
            session.scalars(select(Case.clue_id))
        )
        by_status: dict[Status, list[tuple[bool, str]]] = defaultdict(list)
        rows = session.execute(
            select(Clue.id, Clue.code, Clue.status).where(Clue.county_code == HAIZHOU)
        )
        for clue_id, code, status in rows:
            by_status[Status(status)].append((clue_id not in with_papers, code))
    return {status: sorted(found)[0][1] for status, found in by_status.items()}


def open_window(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, SyncController(workspace, None), settings)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def offered_buttons(window: MainWindow) -> set[str]:
    """The texts of the buttons of the clue panel one may press now, on every tab."""
    found: set[str] = set()
    detail = window.detail
    for tab in range(detail.tabs.count()):
        detail.tabs.setCurrentIndex(tab)
        for button in detail.findChildren(QAbstractButton):
            if button.isVisibleTo(window) and button.isEnabled() and button.text():
                found.add(button.text())
    return found


def test_no_action_but_urging_is_offered_on_a_clue_in_any_status(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = make_workspace("hzjw")
    window = open_window(qtbot, workspace, tmp_path)
    samples = sample_clues(workspace)
    assert {Status.REGISTERED, Status.DISPATCHED, Status.HANDLING, Status.REVIEWING} <= set(
        samples
    ) and Status.CLOSED in samples
    detail = window.detail
    cases = detail.cases
    workbench = detail.notices.workbench
    urge = label(Action.URGE)
    papers = 0
    for status, code in sorted(samples.items(), key=lambda item: item[0].value):
        window.show_clue_code(code)
        qtbot.waitUntil(
            lambda c=code: detail.detail is not None and detail.detail.code == c,
            timeout=WAIT,
        )
        qtbot.waitUntil(lambda: not detail.loading, timeout=WAIT)
        qtbot.waitUntil(lambda: not cases.loading and cases.data is not None, timeout=WAIT)
        with workspace.store.session() as session:
            clue_id = session.scalars(select(Clue.id).where(Clue.code == code)).one()
            notices = list(
                session.scalars(select(Notice.notice_id).where(Notice.clue_id == clue_id))
            )
        held = len(notices)
        qtbot.waitUntil(lambda n=held: workbench.model.rowCount() == n, timeout=WAIT)
        # the clue's own actions: 督办 at most, wherever they are offered
        allowed = set(detail.allowed())
        assert allowed <= {Action.URGE}, (status, allowed)
        enabled = {a for a, q in detail.qactions.items() if q.isVisible() and q.isEnabled()}
        assert enabled <= {Action.URGE}, (status, enabled)
        assert window.row_menu.build().actions()[-1].text() == "复制编号"
        menu_actions = [a.text() for a in window.row_menu.build().actions() if a.text()]
        reading = {"复制编号", "导出Excel…", "打印列表…"}  # the list's own, read-only
        assert set(menu_actions) <= {urge} | reading, (status, menu_actions)
        # no notice or case to draft or file, and nothing to do on one there is
        assert not detail.notices.draft_button.isEnabled()
        assert not cases.file_button.isEnabled()
        for notice_id in notices:
            assert workbench.select(notice_id)
            assert workbench.allowed() == [], (status, notice_id)
            assert not workbench.case_button.isVisibleTo(window)
            assert offered_buttons(window) <= READING | {urge}, status
            papers += 1
        for case in cases.details():
            assert cases.select_case(case.state.case_id)
            assert cases.allowed() == [], (status, case.state.case_id)
            assert offered_buttons(window) <= READING | {urge}, status
            papers += 1
        assert offered_buttons(window) <= READING | {urge}, status
    assert papers > 0  # some of the clues walked had notices or cases
    window.close()


def test_the_commission_section_opens_its_views(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_workspace("hzjw"), tmp_path)
    navigation = window.navigation
    titles = [navigation.model.index(r).data() for r in range(navigation.model.rowCount())]
    assert titles[:5] == ["纪委监委", "红色预警", "建议与督办", "问责记录", "单位考核"]
    # 红色预警: the warning record on 红色预警未消除, the entry staying selected
    assert navigation.select_red_warnings()
    record = window.warnings_view
    assert window.centre.currentWidget() is record
    assert navigation.current_entry() == Entry(EntryKind.RED_WARNINGS)
    qtbot.waitUntil(lambda: record.model.rowCount() > 0, timeout=WAIT)
    shown = [record.model.row_at(r) for r in range(record.model.rowCount())]
    assert all(row.episode.level == 3 and row.is_open for row in shown)
    assert navigation.select_suggestions() is None
    assert window.centre.currentWidget() is window.suggestions_view
    assert navigation.select_assessment()
    assert window.centre.currentWidget() is window.assessment_view
    assert not window.detail_scroll.isVisible()  # the table takes the clue pane's width
    navigation.select_queue(Queue.ALL)
    assert window.detail_scroll.isVisible()
    window.close()


def test_the_same_walk_finds_the_actions_of_a_dispatching_office(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    """The check above is not blind: the county office is offered its actions on a clue."""
    workspace = make_workspace("haizhou")
    window = open_window(qtbot, workspace, tmp_path)
    with workspace.store.session() as session:
        code = session.scalars(
            select(Clue.code)
            .where(Clue.status == Status.REGISTERED.value)
            .where(Clue.owner_unit == workspace.actor.unit.code)
            .order_by(Clue.code)
        ).first()
    assert code is not None
    window.show_clue_code(code)
    detail = window.detail
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.code == code, timeout=WAIT)
    qtbot.waitUntil(lambda: not detail.loading, timeout=WAIT)
    assert label(Action.DISPATCH) in offered_buttons(window) - READING
    window.close()
