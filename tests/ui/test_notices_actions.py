"""Following a notice to the end from the window: issue with a number from the device's block,
record service, re-inspect, and the penalty case offered, filed and closed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.notices import (
    NO_NUMBER,
    NoticeAction,
    NoticeStatus,
    ServiceMethod,
    parse_number,
)
from desktop.store.notices import load_notice
from desktop.store.number_blocks import number_stock
from desktop.ui.forms import ChoiceField, TextField
from desktop.ui.notices.fields import LinesField
from desktop.ui.notices.notice_actions import NoticeActionDialog
from desktop.ui.notices.notice_panel import NoticePanel
from desktop.ui.notices.workbench import NoticeWorkbench
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace, type_chinese
from tests.ui.test_notices_helpers import XINHAI, draft, give_numbers, handling_clue, served

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")


@pytest.fixture
def xinhai(make_workspace: MakeWorkspace) -> Workspace:
    return make_workspace("xinhai")


def workbench_on(qtbot: QtBot, workspace: Workspace, clue: str) -> NoticePanel:
    panel = NoticePanel(workspace)
    qtbot.addWidget(panel)
    panel.resize(1100, 600)
    panel.show()
    qtbot.waitExposed(panel)
    with qtbot.waitSignal(panel.count_changed, timeout=10000):
        panel.show_clue(clue)
    return panel


def start(qtbot: QtBot, bench: NoticeWorkbench, action: NoticeAction) -> NoticeActionDialog:
    button = bench.action_buttons[action]
    assert button.isVisible(), [a for a, b in bench.action_buttons.items() if b.isVisible()]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = bench.dialog
    assert isinstance(dialog, NoticeActionDialog) and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def submit(qtbot: QtBot, dialog: NoticeActionDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def write(field: object, text: str) -> None:
    assert isinstance(field, TextField)
    field.set_value("")
    type_chinese(field.text_editor, text)


def status(workspace: Workspace, notice_id: str) -> NoticeStatus:
    state = load_notice(workspace.store, notice_id)
    assert state is not None
    return state.status


def test_issuing_takes_the_next_number_of_the_device(qtbot: QtBot, xinhai: Workspace) -> None:
    clue = handling_clue(xinhai)
    made = draft(xinhai, clue)
    panel = workbench_on(qtbot, xinhai, clue)
    bench = panel.workbench
    bench.select(made.notice_id)
    dialog = start(qtbot, bench, NoticeAction.ISSUE)
    assert "没有可用的 2026 年文书编号" in dialog.body.intro.text()
    submit(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.body.banner_text() == f"文书编号：{NO_NUMBER}"
    assert status(xinhai, made.notice_id) is NoticeStatus.DRAFT
    dialog.reject()

    give_numbers(xinhai)
    dialog = start(qtbot, bench, NoticeAction.ISSUE)
    assert "2026 年文书编号 20 个" in dialog.body.intro.text()
    with qtbot.waitSignal(bench.action_taken) as taken:
        submit(qtbot, dialog)
    assert not dialog.isVisible()
    number = taken.args[0].state.number
    parsed = parse_number(number)
    assert parsed is not None and parsed[1:] == (2026, 15)
    assert number_stock(xinhai.store, XINHAI, 2026) == 19
    assert status(xinhai, made.notice_id) is NoticeStatus.ISSUED
    qtbot.waitUntil(lambda: bench.state is not None and bench.state.number == number)
    assert not bench.action_buttons[NoticeAction.ISSUE].isVisible()
    assert bench.action_buttons[NoticeAction.SERVE].isVisible()
    assert number in bench.summary.text()


def test_service_left_with_the_party_needs_a_witness(qtbot: QtBot, xinhai: Workspace) -> None:
    clue = handling_clue(xinhai)
    give_numbers(xinhai)
    made = draft(xinhai, clue, legal_representative="王建国")
    panel = workbench_on(qtbot, xinhai, clue)
    bench = panel.workbench
    bench.select(made.notice_id)
    submit(qtbot, start(qtbot, bench, NoticeAction.ISSUE))
    qtbot.waitUntil(lambda: bench.state is not None and bench.state.status is NoticeStatus.ISSUED)

    dialog = start(qtbot, bench, NoticeAction.SERVE)
    assert dialog.field("recipient").value() == "王建国"
    servers = dialog.field("servers")
    assert isinstance(servers, LinesField)
    assert dialog.advice.isVisible() and "两名送达人" in dialog.advice.text()
    servers.text_editor.setFocus()
    qtbot.keyClick(servers.text_editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(servers.text_editor, Qt.Key.Key_Return)
    type_chinese(servers.text_editor, "李四")
    assert not dialog.advice.isVisible()
    method = dialog.field("method")
    assert isinstance(method, ChoiceField)
    method.select(ServiceMethod.LEFT.value)
    write(dialog.field("place"), "当事人厂区门卫室")
    submit(qtbot, dialog)
    assert dialog.field("relation").error_text()  # who signed, in what capacity
    write(dialog.field("relation"), "法定代表人")
    submit(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.field("witness").error_text()
    assert "见证人" in dialog.body.banner_text()
    assert dialog.field("place").value() == "当事人厂区门卫室"
    assert status(xinhai, made.notice_id) is NoticeStatus.ISSUED

    write(dialog.field("witness"), "赵六（社区网格员）")
    with qtbot.waitSignal(bench.action_taken):
        submit(qtbot, dialog)
    state = load_notice(xinhai.store, made.notice_id)
    assert state is not None and state.status is NoticeStatus.SERVED
    assert state.service is not None
    assert state.service.method is ServiceMethod.LEFT
    assert state.service.witness == "赵六（社区网格员）"
    assert len(state.service.servers) == 2
    assert state.rectify_deadline is not None and state.rectify_deadline > xinhai.now()


def test_not_rectified_offers_no_notice_level_case(qtbot: QtBot, xinhai: Workspace) -> None:
    clue = handling_clue(xinhai)
    done = served(xinhai, clue, days=2)
    deadline = done.state.rectify_deadline
    assert deadline is not None
    panel = workbench_on(qtbot, xinhai, clue)
    bench = panel.workbench
    bench.select(done.notice_id)

    dialog = start(qtbot, bench, NoticeAction.REINSPECT)
    result = dialog.field("result")
    assert isinstance(result, ChoiceField)
    result.select(NoticeStatus.NOT_RECTIFIED.value)
    write(dialog.field("note"), "现场复查，废水仍直排雨水管网")
    submit(qtbot, dialog)
    assert dialog.isVisible()
    assert "尚未届满" in dialog.field("result").error_text()
    dialog.reject()

    xinhai.clock = lambda: deadline + timedelta(days=3)
    dialog = start(qtbot, bench, NoticeAction.REINSPECT)
    result = dialog.field("result")
    assert isinstance(result, ChoiceField)
    result.select(NoticeStatus.NOT_RECTIFIED.value)
    write(dialog.field("note"), "现场复查，废水仍直排雨水管网")
    with qtbot.waitSignal(bench.action_taken):
        submit(qtbot, dialog)
    assert status(xinhai, done.notice_id) is NoticeStatus.NOT_RECTIFIED
    # A penalty case is a record of its own, filed in the case tab by a unit holding the
    # power: a township is offered no notice-level 立案 or 结案 any more.
    qtbot.waitUntil(lambda: "逾期未整改" in bench.summary.text())
    assert not [w for w in bench.findChildren(QMessageBox) if w.isVisible()]
    assert not bench.case_button.isVisible()
    assert NoticeAction.FILE_CASE not in bench.action_buttons
    assert NoticeAction.CLOSE_CASE not in bench.action_buttons
    visible = [a for a, b in bench.action_buttons.items() if b.isVisible()]
    assert visible == []
