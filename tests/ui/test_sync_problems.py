"""The sync problems view: fix a refused action and send it again, or discard it."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.domain.workflow import Action
from desktop.store.local_actions import take_action
from desktop.store.models import OutboxAction
from desktop.store.sync_apply import record_push_results
from desktop.ui.sync_problems import FixDialog, SyncProblemsView
from tests.ui.conftest import MakeWorkspace
from tests.ui.loop_kit import walk

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")


def test_a_refused_reason_is_fixed_and_queued_again(
    qtbot: QtBot,
    qtmodeltester,
    make_workspace: MakeWorkspace,
    now: datetime,  # type: ignore[no-untyped-def]
) -> None:
    workspace = make_workspace("haizhou")
    code = walk(workspace.store, "reviewing")  # a report of 海州区 waiting for its office
    taken = take_action(
        workspace.store,
        "haizhou",
        workspace.device_id,
        Action.REJECT,
        code,
        {"reason": "材料不全"},
        now=now,
    )
    refusal = {
        "status": "rejected",
        "code": "invalid",
        "reason": "驳回理由过于简单，请写明缺少的材料",
    }
    record_push_results(workspace.store, [{"action_id": taken.action_id, **refusal}])
    view = SyncProblemsView(workspace)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 1
    assert view.model.index(0, 3).data() == refusal["reason"]
    with qtbot.waitSignal(view.problem_selected) as selected:
        view.table.selectRow(0)
        view.table.clearSelection()
        view.table.selectRow(0)
    assert selected.args == [code]
    qtbot.mouseClick(view.fix_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, FixDialog) and dialog.isVisible()
    editor = dialog.editors["reason"]
    assert isinstance(editor, QPlainTextEdit) and editor.toPlainText() == "材料不全"
    editor.setPlainText("")
    editor.setFocus()
    QApplication.clipboard().setText("缺少夜间噪声监测报告和整改前后照片")
    editor.paste()
    with qtbot.waitSignal(view.changed):
        dialog.accept()
    assert view.model.rowCount() == 0
    with workspace.store.session() as session:
        row = session.scalars(
            select(OutboxAction).where(OutboxAction.action_id == taken.action_id)
        ).one()
    assert row.state == "pending" and row.payload["reason"] == "缺少夜间噪声监测报告和整改前后照片"
