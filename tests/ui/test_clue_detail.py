"""The detail panel: the fields and history of a clue, and only the actions the user may take."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QKeySequence
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from desktop.domain.codes import Status
from desktop.domain.workflow import Action, allowed_actions, owner_of
from desktop.store.attachments import store_file
from desktop.store.clue_detail import load_clue_detail
from desktop.store.local_actions import take_action
from desktop.store.models import Clue, ClueAttachment, OutboxAction
from desktop.ui.action_forms import ActionDialog, ConfirmAction
from desktop.ui.actions import ACTION_SHORTCUTS
from desktop.ui.attachments_panel import AttachmentsModel, _thumbnails
from desktop.ui.clue_detail import ClueDetailPanel
from desktop.ui.forms import ChoiceField
from desktop.ui.tasks import running_tasks
from desktop.ui.timeline import TimelineModel
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace, type_chinese
from tests.ui.loop_kit import clue_id as clue_id_of
from tests.ui.loop_kit import walk

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")  # offscreen platform

TOWNSHIP = "320706001"  # 新海街道, the unit of the township handler xinhai


def clue_id(workspace: Workspace, where: str) -> int:
    """The first clue of the store matching an SQL condition."""
    with workspace.store.engine.connect() as connection:
        found = connection.execute(text(f"SELECT id FROM clues WHERE {where} ORDER BY id LIMIT 1"))
        return int(found.scalar_one())


def made(workspace: Workspace, stage: str, **changes: Any) -> int:
    """A new clue of 海州区 (owned by its office, led by 新海街道) walked up to `stage`."""
    return clue_id_of(workspace.store, walk(workspace.store, stage, **changes))


def clue_code(workspace: Workspace, clue_id: int) -> str:
    with workspace.store.session() as session:
        row = session.get(Clue, clue_id)
        assert row is not None
        return row.code


def open_panel(qtbot: QtBot, workspace: Workspace, clue: int) -> ClueDetailPanel:
    panel = ClueDetailPanel(workspace)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.show_clue(clue)
    wait_loaded(qtbot, panel, clue)
    return panel


def wait_loaded(qtbot: QtBot, panel: ClueDetailPanel, clue: int) -> None:
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail.id == clue and not panel.loading
    )


def shown_actions(panel: ClueDetailPanel) -> set[Action]:
    """The actions whose button the user sees (and may press)."""
    shown = set()
    for action, qaction in panel.qactions.items():
        button = panel.action_buttons[action]
        if button is not None and button.isVisible():
            assert qaction.isEnabled()
            shown.add(action)
        else:
            assert not qaction.isEnabled()
    return shown


def png(path: Path, colour: str = "#3a7") -> Path:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return path


def test_the_form_shows_every_field_and_the_header(
    qtbot: QtBot, make_workspace: MakeWorkspace, now: datetime
) -> None:
    workspace = make_workspace("haizhou")
    clue = clue_id(
        workspace,
        "county_code = '320706' AND reporter_phone <> '' AND subject_credit_code <> '' "
        "AND lead_unit IS NOT NULL",
    )
    panel = open_panel(qtbot, workspace, clue)
    detail = panel.detail
    assert detail is not None
    assert panel.code_label.text() == detail.code
    assert panel.status_label.text() == detail.status.label
    assert panel.field_text("reporter_phone") == detail.reporter_phone != ""
    assert panel.field_text("subject_credit_code") == detail.subject_credit_code
    assert panel.field_text("description") == detail.description
    assert panel.field_text("channel") and panel.field_text("channel") != detail.channel
    assert detail.lead_unit is not None
    assert panel.field_text("lead_unit") == detail.lead_unit.name
    assert panel.field_text("received_at") == detail.received_at.strftime("%Y-%m-%d %H:%M")
    assert panel.field_text("owner") == workspace.unit_name(owner_of(detail.state))
    assert panel.fields["description"].textInteractionFlags() & (
        Qt.TextInteractionFlag.TextSelectableByMouse
    )
    assert panel.pending_label.isHidden()
    model = panel.timeline.timeline
    assert model.rowCount() == len(detail.timeline)
    first = model.index(0, TimelineModel.ACTION).data()
    assert first.startswith("登记")
    assert model.index(0, TimelineModel.DEVICE).data() == detail.timeline[0].device_id
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None  # not pending


def test_the_header_counts_down_to_the_deadline(
    qtbot: QtBot, fresh_desk: MakeWorkspace, now: datetime
) -> None:
    workspace = fresh_desk("haizhou")
    panel = open_panel(qtbot, workspace, made(workspace, "handling"))
    assert panel.status_label.text() == "办理中"
    assert "时限" in panel.countdown_label.text()
    assert any(word in panel.countdown_label.text() for word in ("剩余", "超期", "即将"))
    assert panel.warning_label.text() in {
        "正常",
        "一级预警（黄）",
        "二级预警（橙）",
        "三级预警（红）",
    }
    assert panel.pending_label.text() == "有 3 个操作待同步"


@pytest.mark.parametrize(
    ("username", "masked", "may_reveal"),
    [
        ("hzjw", True, True),
        ("hzhb", True, False),
        ("haizhou", False, False),
        ("xinhai", False, False),
    ],
)
def test_the_reporter_is_shown_as_received_and_only_the_commission_may_ask_for_it(
    qtbot: QtBot, fresh_desk: MakeWorkspace, username: str, masked: bool, may_reveal: bool
) -> None:
    """The client shows what the store holds (the platform masked it, or not) and marks it
    masked for the roles the platform masks; only a commission user gets 查看举报人…."""
    workspace = fresh_desk(username)
    clue = made(workspace, "handling")
    panel = open_panel(qtbot, workspace, clue)
    assert panel.field_text("reporter_phone") == "13812345678"  # as stored, never re-masked
    tip = panel.fields["reporter_phone"].toolTip()
    assert tip == ("个人信息已脱敏" if masked else "")
    assert panel.reveal_button.isVisible() is may_reveal
    if username == "hzjw":
        assert shown_actions(panel) == set()  # it acts through its own records


DISPATCHER = {
    Action.DISPATCH,
    Action.RETURN_TO_CITY,
    Action.MARK_DUPLICATE,
    Action.REFUSE,
    Action.URGE,
}
"""What a county's office may do with a clue it owns that is waiting to be dispatched."""


@pytest.mark.parametrize(
    ("username", "stage", "channel", "expected"),
    [
        ("haizhou", "registered", "daily_inspection", DISPATCHER),
        ("city", "registered", "daily_inspection", {Action.TAKE_OVER, Action.URGE}),
        (
            "haizhou",
            "reviewing",
            "daily_inspection",
            {Action.APPROVE, Action.REJECT, Action.URGE},
        ),
        (
            "haizhou",
            "reviewing",
            "hotline_12345",
            {Action.APPROVE, Action.REJECT, Action.CALLBACK, Action.URGE},
        ),
        (
            "haizhou",
            "extension",
            "daily_inspection",
            {Action.APPROVE_EXTENSION, Action.DENY_EXTENSION, Action.URGE},
        ),
        ("haizhou", "closed", "daily_inspection", {Action.VERIFICATION_FAIL}),
        (
            "haizhou",
            "closed",
            "hotline_12345",
            {Action.VERIFICATION_FAIL, Action.CALLBACK},
        ),
        (
            "xinhai",
            "handling",
            "daily_inspection",
            {Action.REPORT, Action.RETURN, Action.REQUEST_EXTENSION},
        ),
        ("xinhai", "extension", "daily_inspection", {Action.REPORT, Action.RETURN}),
        ("xinhai", "registered", "daily_inspection", set()),
        ("xinhai", "reviewing", "daily_inspection", set()),
        ("xinhai", "reviewing", "hotline_12345", {Action.CALLBACK}),
    ],
)
def test_buttons_are_the_actions_the_rules_allow(
    qtbot: QtBot,
    fresh_desk: MakeWorkspace,
    now: datetime,
    username: str,
    stage: str,
    channel: str,
    expected: set[Action],
) -> None:
    workspace = fresh_desk(username)
    panel = open_panel(qtbot, workspace, made(workspace, stage, channel=channel))
    assert panel.detail is not None
    ws = workspace
    rules_say = allowed_actions(ws.actor, panel.detail.state, now, ws.calendar, ws.rules, ws.units)
    assert shown_actions(panel) == set(rules_say) == expected
    if not expected:
        assert panel.start_action(Action.SIGN) is None


def test_a_result_for_a_clue_no_longer_shown_is_ignored(
    qtbot: QtBot, make_workspace: MakeWorkspace
) -> None:
    workspace = make_workspace("haizhou")
    first = clue_id(workspace, "status = 'closed'")
    second = made(workspace, "registered")
    panel = ClueDetailPanel(workspace)
    qtbot.addWidget(panel)
    panel.show_clue(first)
    panel.show_clue(second)
    qtbot.waitUntil(lambda: running_tasks() == 0)
    wait_loaded(qtbot, panel, second)
    assert panel.detail is not None and panel.detail.id == second
    panel.show_clue(None)
    assert panel.detail is None and shown_actions(panel) == set()


def test_a_township_handler_signs_through_the_button(
    qtbot: QtBot, fresh_desk: MakeWorkspace, now: datetime
) -> None:
    dispatcher = fresh_desk("haizhou")
    clue = made(dispatcher, "registered")
    code = clue_code(dispatcher, clue)
    take_action(
        dispatcher.store,
        "haizhou",
        dispatcher.device_id,
        Action.DISPATCH,
        code,
        {"lead_unit": TOWNSHIP},
        now=now,
    )
    workspace = fresh_desk("xinhai")
    panel = open_panel(qtbot, workspace, clue)
    assert shown_actions(panel) == {Action.SIGN, Action.RETURN}
    assert panel.pending_label.text() == "有 2 个操作待同步"  # registered and dispatched
    button = panel.action_buttons[Action.SIGN]
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = panel.current_dialog
    assert isinstance(box, ConfirmAction) and box.isVisible()
    assert code in box.text() and "签收" in box.text()
    with qtbot.waitSignal(panel.action_taken) as taken:
        qtbot.mouseClick(box.ok_button, Qt.MouseButton.LeftButton)
    assert taken.args == [code]
    qtbot.waitUntil(
        lambda: (
            panel.detail is not None
            and panel.detail.status is Status.HANDLING
            and not panel.loading
        )
    )
    assert panel.pending_label.text() == "有 3 个操作待同步" and panel.pending_label.isVisible()
    model = panel.timeline.timeline
    last = model.rowCount() - 1
    assert "待同步" in model.index(last, TimelineModel.ACTION).data()
    assert model.index(last, TimelineModel.ACTION).data().startswith("签收")
    assert model.index(last, TimelineModel.DEVICE).data() == "本机"
    assert model.index(last, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert Action.SIGN not in shown_actions(panel)
    assert Action.REPORT in shown_actions(panel)
    with workspace.store.session() as session:
        queued = session.scalars(
            select(OutboxAction.command_type).where(OutboxAction.clue_code == code)
        ).all()
    assert queued == ["clue.register.v1", "clue.dispatch.v1", "clue.sign.v1"]


def test_reporting_back_with_a_photo_attaches_it_and_queues_the_action(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = fresh_desk("xinhai")
    clue = made(workspace, "handling")
    panel = open_panel(qtbot, workspace, clue)
    code = clue_code(workspace, clue)
    photo = png(tmp_path / "整改后照片.png")
    dialog = panel.start_action(Action.REPORT)
    assert isinstance(dialog, ActionDialog) and dialog.isVisible()
    result = dialog.field("result")
    type_chinese(result.editor, "已责令停止排放，现场复查无异味")
    finding = dialog.field("finding")
    assert isinstance(finding, ChoiceField)
    finding.combo.setCurrentIndex(finding.combo.findData("true"))
    type_chinese(dialog.field("measures").editor, "拆除排污暗管")
    files = dialog.field("attachments")
    files.add_files([photo])  # what the file dialog hands over
    with qtbot.waitSignal(panel.action_taken):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with workspace.store.session() as session:
        queued = session.scalars(
            select(OutboxAction).where(
                OutboxAction.clue_code == code, OutboxAction.command_type == "clue.report.v1"
            )
        ).one()
        attached = session.scalars(
            select(ClueAttachment).where(ClueAttachment.clue_id == clue)
        ).one()
    assert queued.command_type == "clue.report.v1"
    assert queued.payload["result"] == "已责令停止排放，现场复查无异味"
    assert (queued.payload["finding"], queued.payload["measures"]) == ("true", "拆除排污暗管")
    assert queued.payload["attachments"] == [{"sha256": attached.sha256, "name": "整改后照片.png"}]
    assert attached.name == "整改后照片.png" and attached.added_by == "xinhai"
    qtbot.waitUntil(
        lambda: (
            panel.detail is not None
            and panel.detail.status is Status.REVIEWING
            and not panel.loading
        )
    )
    model = panel.timeline.timeline
    assert "待同步" in model.index(model.rowCount() - 1, TimelineModel.ACTION).data()
    assert panel.field_text("result") == "已责令停止排放，现场复查无异味"
    assert panel.field_text("finding") == "属实" and panel.field_text("measures") == "拆除排污暗管"
    assert panel.tabs.tabText(2) == "附件（1）"
    files_model = panel.attachments.model
    assert files_model.index(0).data() == "整改后照片.png"
    qtbot.waitUntil(lambda: attached.sha256 in _thumbnails)
    icon = files_model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert icon.availableSizes() and icon.availableSizes()[0].width() == 96
    opened: list[QUrl] = []
    panel.attachments.opener = lambda url: opened.append(url) or True
    panel.attachments.open_folder = tmp_path / "open"
    panel.attachments.view.setCurrentIndex(files_model.index(0))
    qtbot.mouseClick(panel.attachments.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened))
    opened_path = Path(opened[0].toLocalFile())
    assert opened_path.name == "整改后照片.png"
    assert opened_path.read_bytes() == photo.read_bytes()
    saved = tmp_path / "saved.png"
    panel.attachments.save_to(files_model.index(0).data(AttachmentsModel.InfoRole), saved)
    qtbot.waitUntil(lambda: saved.exists() and "已保存" in panel.attachments.status.text())


def test_a_missing_file_shows_not_downloaded(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path, now: datetime, qtmodeltester
) -> None:
    workspace = fresh_desk("xinhai")
    clue = made(workspace, "handling")
    code = clue_code(workspace, clue)
    stored = store_file(workspace.store, png(tmp_path / "a.png"))
    take_action(
        workspace.store,
        "xinhai",
        workspace.device_id,
        Action.REPORT,
        code,
        {
            "result": "已处理",
            "finding": "true",
            "measures": "责令整改",
            "attachments": [{"sha256": stored.sha256, "name": "现场.png"}],
        },
        now=now,
    )
    for path in workspace.store.attachments_dir.rglob(stored.sha256):
        path.unlink()
    panel = open_panel(qtbot, workspace, clue)
    model = panel.attachments.model
    assert model.index(0).data() == "现场.png\n未下载"
    panel.attachments.open_attachment(model.index(0).data(AttachmentsModel.InfoRole))
    assert "尚未下载" in panel.attachments.status.text()
    qtmodeltester.check(model)
    qtmodeltester.check(panel.timeline.timeline)


def test_shortcuts_are_unique_and_trigger_the_action(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    # every action a person takes; the platform closes a duplicate with its original itself
    assert set(ACTION_SHORTCUTS) == set(Action) - {Action.CLOSE_WITH_ORIGINAL}
    keys = [QKeySequence(k) for k in ACTION_SHORTCUTS.values()]
    assert all(not k.isEmpty() for k in keys)
    assert len({k.toString() for k in keys}) == len(keys)
    workspace = fresh_desk("haizhou")
    clue = made(workspace, "reviewing")
    panel = open_panel(qtbot, workspace, clue)
    approve = panel.qactions[Action.APPROVE]
    assert approve.shortcut() == QKeySequence(ACTION_SHORTCUTS[Action.APPROVE])
    assert not panel.qactions[Action.DISPATCH].isEnabled()
    panel.activateWindow()
    qtbot.waitActive(panel)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(panel, Qt.Key.Key_D, ctrl_shift)  # dispatch: not allowed, nothing opens
    assert panel.current_dialog is None
    qtbot.keyClick(panel, Qt.Key.Key_A, ctrl_shift)
    dialog = panel.current_dialog
    assert isinstance(dialog, ActionDialog) and dialog.action is Action.APPROVE
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    detail = load_clue_detail(workspace.store, clue)
    assert detail is not None and detail.status is Status.REVIEWING
