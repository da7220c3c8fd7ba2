"""The detail panel: the fields and history of a clue, and only the actions the user may take."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QKeySequence
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from desktop.domain.codes import Status
from desktop.domain.workflow import Action, allowed_actions
from desktop.store.attachments import store_file
from desktop.store.clue_detail import load_clue_detail
from desktop.store.local_actions import take_action
from desktop.store.models import Clue, ClueAttachment, OutboxAction
from desktop.ui.action_forms import ActionDialog, ConfirmAction
from desktop.ui.actions import ACTION_SHORTCUTS
from desktop.ui.attachments_panel import AttachmentsModel, _thumbnails
from desktop.ui.clue_detail import ClueDetailPanel
from desktop.ui.tasks import running_tasks
from desktop.ui.timeline import TimelineModel
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace, type_chinese

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")  # offscreen platform

TOWNSHIP = "320706001"  # 新海街道, the unit of the township handler xinhai


def clue_id(workspace: Workspace, where: str) -> int:
    """The first clue of the store matching an SQL condition."""
    with workspace.store.engine.connect() as connection:
        found = connection.execute(text(f"SELECT id FROM clues WHERE {where} ORDER BY id LIMIT 1"))
        return int(found.scalar_one())


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
        "county_code = '320706' AND status = 'handling' AND reporter_phone <> '' "
        "AND subject_credit_code <> ''",
    )
    panel = open_panel(qtbot, workspace, clue)
    detail = panel.detail
    assert detail is not None
    assert panel.code_label.text() == detail.code
    assert panel.status_label.text() == "办理中"
    assert panel.field_text("reporter_phone") == detail.reporter_phone != ""
    assert panel.field_text("subject_credit_code") == detail.subject_credit_code
    assert panel.field_text("description") == detail.description
    assert panel.field_text("channel") and panel.field_text("channel") != detail.channel
    assert detail.lead_unit is not None
    assert panel.field_text("lead_unit") == detail.lead_unit.name
    assert panel.field_text("received_at") == detail.received_at.strftime("%Y-%m-%d %H:%M")
    assert panel.fields["description"].textInteractionFlags() & (
        Qt.TextInteractionFlag.TextSelectableByMouse
    )
    assert "时限" in panel.countdown_label.text()
    assert any(word in panel.countdown_label.text() for word in ("剩余", "超期", "即将"))
    assert panel.warning_label.text() in {
        "正常",
        "一级预警（黄）",
        "二级预警（橙）",
        "三级预警（红）",
    }
    assert panel.pending_label.isHidden()
    model = panel.timeline.timeline
    assert model.rowCount() == len(detail.timeline)
    first = model.index(0, TimelineModel.ACTION).data()
    assert first.startswith("登记")
    assert model.index(0, TimelineModel.DEVICE).data() == detail.timeline[0].device_id


def test_a_supervisor_sees_the_reporter_masked(qtbot: QtBot, make_workspace: MakeWorkspace) -> None:
    workspace = make_workspace("hzjw")
    clue = clue_id(
        workspace, "county_code = '320706' AND status = 'handling' AND reporter_phone <> ''"
    )
    panel = open_panel(qtbot, workspace, clue)
    assert "****" in panel.field_text("reporter_phone")
    assert "*" in panel.field_text("reporter_name")
    assert shown_actions(panel) == {Action.URGE}


@pytest.mark.parametrize(
    ("username", "where", "expected"),
    [
        ("haizhou", "status = 'registered'", {Action.DISPATCH, Action.URGE}),
        ("haizhou", "status = 'reviewing'", {Action.APPROVE, Action.REJECT, Action.URGE}),
        (
            "haizhou",
            "status = 'handling' AND extension_requested_days > 0",
            {Action.APPROVE_EXTENSION, Action.DENY_EXTENSION, Action.URGE},
        ),
        ("haizhou", "status = 'closed'", {Action.VERIFICATION_FAIL}),
        ("xinhai", f"status = 'handling' AND lead_unit = '{TOWNSHIP}'", {Action.REPORT}),
        ("xinhai", "status = 'registered'", set()),
        ("xinhai", f"status = 'reviewing' AND lead_unit = '{TOWNSHIP}'", set()),
    ],
)
def test_buttons_are_the_actions_the_rules_allow(
    qtbot: QtBot,
    make_workspace: MakeWorkspace,
    now: datetime,
    username: str,
    where: str,
    expected: set[Action],
) -> None:
    workspace = make_workspace(username)
    clue = clue_id(workspace, f"county_code = '320706' AND {where}")
    panel = open_panel(qtbot, workspace, clue)
    assert panel.detail is not None
    rules_say = allowed_actions(
        workspace.actor, panel.detail.state, now, workspace.calendar, workspace.rules
    )
    assert shown_actions(panel) == set(rules_say) == expected
    if not expected:
        assert panel.start_action(Action.SIGN) is None


def test_a_result_for_a_clue_no_longer_shown_is_ignored(
    qtbot: QtBot, make_workspace: MakeWorkspace
) -> None:
    workspace = make_workspace("haizhou")
    first = clue_id(workspace, "status = 'closed'")
    second = clue_id(workspace, "county_code = '320706' AND status = 'registered'")
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
    qtbot: QtBot, make_workspace: MakeWorkspace, now: datetime
) -> None:
    dispatcher = make_workspace("haizhou")
    clue = clue_id(dispatcher, "county_code = '320706' AND status = 'registered'")
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
    workspace = make_workspace("xinhai")
    panel = open_panel(qtbot, workspace, clue)
    assert shown_actions(panel) == {Action.SIGN, Action.RETURN}
    assert panel.pending_label.text() == "有 1 个操作待同步"
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
    assert panel.pending_label.text() == "有 2 个操作待同步" and panel.pending_label.isVisible()
    model = panel.timeline.timeline
    last = model.rowCount() - 1
    assert "待同步" in model.index(last, TimelineModel.ACTION).data()
    assert model.index(last, TimelineModel.ACTION).data().startswith("签收")
    assert model.index(last, TimelineModel.DEVICE).data() == "本机"
    assert model.index(last, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert Action.SIGN not in shown_actions(panel)
    assert Action.REPORT in shown_actions(panel)
    with workspace.store.session() as session:
        queued = session.scalars(
            select(OutboxAction.command_type).where(OutboxAction.clue_code == code)
        ).all()
    assert queued == ["clue.dispatch.v1", "clue.sign.v1"]


def test_reporting_back_with_a_photo_attaches_it_and_queues_the_action(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = make_workspace("xinhai")
    clue = clue_id(workspace, f"status = 'handling' AND lead_unit = '{TOWNSHIP}'")
    panel = open_panel(qtbot, workspace, clue)
    code = clue_code(workspace, clue)
    photo = png(tmp_path / "整改后照片.png")
    dialog = panel.start_action(Action.REPORT)
    assert isinstance(dialog, ActionDialog) and dialog.isVisible()
    result = dialog.field("result")
    type_chinese(result.editor, "已责令停止排放，现场复查无异味")
    files = dialog.field("attachments")
    files.add_files([photo])  # what the file dialog hands over
    with qtbot.waitSignal(panel.action_taken):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with workspace.store.session() as session:
        queued = session.scalars(select(OutboxAction).where(OutboxAction.clue_code == code)).one()
        attached = session.scalars(
            select(ClueAttachment).where(ClueAttachment.clue_id == clue)
        ).one()
    assert queued.command_type == "clue.report.v1"
    assert queued.payload["result"] == "已责令停止排放，现场复查无异味"
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
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path, now: datetime, qtmodeltester
) -> None:
    workspace = make_workspace("xinhai")
    clue = clue_id(workspace, f"status = 'handling' AND lead_unit = '{TOWNSHIP}'")
    code = clue_code(workspace, clue)
    stored = store_file(workspace.store, png(tmp_path / "a.png"))
    take_action(
        workspace.store,
        "xinhai",
        workspace.device_id,
        Action.REPORT,
        code,
        {"result": "已处理", "attachments": [{"sha256": stored.sha256, "name": "现场.png"}]},
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
    qtbot: QtBot, make_workspace: MakeWorkspace
) -> None:
    assert set(ACTION_SHORTCUTS) == set(Action)
    keys = [QKeySequence(k) for k in ACTION_SHORTCUTS.values()]
    assert all(not k.isEmpty() for k in keys)
    assert len({k.toString() for k in keys}) == len(keys)
    workspace = make_workspace("haizhou")
    clue = clue_id(workspace, "county_code = '320706' AND status = 'reviewing'")
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
