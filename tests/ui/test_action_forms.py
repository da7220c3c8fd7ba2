"""The action forms: the rules' messages at the named field, nothing lost, nothing half-written."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.domain.clue import ClueState
from desktop.domain.codes import Priority, Status
from desktop.domain.deadlines import Stage, stage_deadline
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.workflow import Action
from desktop.store.clue_detail import load_clue_detail
from desktop.store.local_actions import take_action
from desktop.store.models import AssistingUnit, Clue, OutboxAction
from desktop.ui.action_forms import FORMS, ActionDialog, open_action
from desktop.ui.forms import (
    ChoiceField,
    DaysField,
    DeadlineField,
    FilesField,
    TextField,
    UnitChecklistField,
    dispatch_units,
)
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace, type_chinese
from tests.ui.loop_kit import clue_id, walk

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")  # offscreen platform

TOWNSHIP = "320706001"  # 新海街道


def made_clue(workspace: Workspace, stage: str, **changes: Any) -> tuple[int, str]:
    """A new clue of 海州区 (owned by its office, led by 新海街道) walked up to `stage`."""
    code = walk(workspace.store, stage, **changes)
    return clue_id(workspace.store, code), code


def outbox_count(workspace: Workspace) -> int:
    with workspace.store.session() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxAction)) or 0)


def stored_files(workspace: Workspace) -> list[Path]:
    folder = workspace.store.attachments_dir
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def form(qtbot: QtBot, workspace: Workspace, action: Action, clue: int) -> ActionDialog:
    detail = load_clue_detail(workspace.store, clue)
    assert detail is not None
    dialog = open_action(workspace, action, detail.state)
    assert isinstance(dialog, ActionDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    return dialog


def click_ok(qtbot: QtBot, dialog: ActionDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)


def test_every_form_is_built_from_its_table(qtbot: QtBot, fresh_desk: MakeWorkspace) -> None:
    workspace = fresh_desk("haizhou")
    clue, _ = made_clue(workspace, "handling")
    for action, specs in FORMS.items():
        dialog = form(qtbot, workspace, action, clue)
        assert [f.key for f in dialog.body.fields] == [s.key for s in specs]
        assert dialog.ok_button.text() == action.label
        dialog.reject()
        assert not dialog.isVisible()


def test_a_missing_lead_unit_is_named_and_the_note_kept(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    workspace = fresh_desk("haizhou")
    clue, _ = made_clue(workspace, "registered")
    before = outbox_count(workspace)
    dialog = form(qtbot, workspace, Action.DISPATCH, clue)
    note = dialog.field("note")
    assert isinstance(note, TextField)
    type_chinese(note.editor, "请尽快到现场核实")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    lead = dialog.field("lead_unit")
    assert "不是可承办线索的单位" in lead.error_text()
    assert dialog.body.banner_text().startswith("请修改「主办单位」")
    assert note.value() == "请尽快到现场核实"
    assert outbox_count(workspace) == before


def test_reporting_without_a_result_stores_nothing_and_keeps_the_files(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = fresh_desk("xinhai")
    clue, _ = made_clue(workspace, "handling")
    before = outbox_count(workspace)
    dialog = form(qtbot, workspace, Action.REPORT, clue)
    photos = []
    for index, colour in enumerate(("#a33", "#3a3")):
        image = QImage(8, 8, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        photos.append(tmp_path / f"照片{index}.png")
        assert image.save(str(photos[-1]))
    files = dialog.field("attachments")
    assert isinstance(files, FilesField)
    files.add_files(photos)
    qtbot.mouseClick(files.remove_buttons()[0], Qt.MouseButton.LeftButton)
    assert files.value() == [photos[1]]
    click_ok(qtbot, dialog)
    result = dialog.field("result")
    assert result.error_text() == "不能为空"
    assert "办理结果" in dialog.body.banner_text()
    assert files.value() == [photos[1]] and dialog.isVisible()
    assert stored_files(workspace) == [] and outbox_count(workspace) == before


def test_an_unreadable_evidence_file_is_reported_at_the_files(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = fresh_desk("xinhai")
    clue, _ = made_clue(workspace, "handling")
    before = outbox_count(workspace)
    dialog = form(qtbot, workspace, Action.REPORT, clue)
    type_chinese(dialog.field("result").editor, "已整改")
    finding = dialog.field("finding")
    assert isinstance(finding, ChoiceField)
    finding.combo.setCurrentIndex(finding.combo.findData("true"))
    type_chinese(dialog.field("measures").editor, "封堵排污口")
    files = dialog.field("attachments")
    assert isinstance(files, FilesField)
    files.add_files([tmp_path / "已删除.jpg"])
    click_ok(qtbot, dialog)
    assert "已删除.jpg" in files.error_text() and "无法读取" in files.error_text()
    assert dialog.isVisible() and outbox_count(workspace) == before


def test_dispatch_computes_the_deadline_on_the_work_calendar_and_refuses_a_weekend(
    qtbot: QtBot, fresh_desk: MakeWorkspace, now: datetime, qtmodeltester
) -> None:
    workspace = fresh_desk("haizhou")
    clue, code = made_clue(workspace, "registered", priority="normal")
    before = outbox_count(workspace)
    dialog = form(qtbot, workspace, Action.DISPATCH, clue)
    deadline = dialog.field("handle_deadline")
    assert isinstance(deadline, DeadlineField)
    expected = stage_deadline(
        Stage.HANDLE, now, workspace.calendar, workspace.rules, Priority.NORMAL
    )  # an inspection: the channel has no limits of its own
    assert deadline.deadline() == expected
    assert deadline.working_days() == 10
    assert "共 10 个工作日" in deadline.hint.text()
    lead = dialog.field("lead_unit")
    assert isinstance(lead, ChoiceField)
    names = [lead.combo.itemText(i) for i in range(lead.combo.count())]
    assert names[0] == "新海街道" and workspace.unit_name("320706901") in names
    assert "连云港市生态环境局" not in names  # a county's clue stays with the county's units
    assert "海州区纪委监委" not in names and "海州区污染防治攻坚办" not in names
    line = lead.combo.lineEdit()
    assert line is not None
    type_chinese(line, "新海街道")
    assert lead.value() == TOWNSHIP
    assisting = dialog.field("assisting_units")
    assert isinstance(assisting, UnitChecklistField)
    model = assisting.model
    qtmodeltester.check(model)
    lead_row = [u.code for u in model.units].index(TOWNSHIP)
    assert not model.flags(model.index(lead_row)) & Qt.ItemFlag.ItemIsEnabled
    type_chinese(assisting.filter_edit, "城市管理")
    assert assisting.proxy.rowCount() == 1  # the county's bureau, not the city's
    first = assisting.proxy.index(0, 0)
    assert assisting.proxy.setData(first, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    chosen = assisting.value()
    assert len(chosen) == 1 and chosen[0] != TOWNSHIP
    saturday = date(2026, 11, 28)
    deadline.set_day(saturday)
    assert "不是工作日" in deadline.hint.text()
    click_ok(qtbot, dialog)
    assert deadline.error_text() == "2026-11-28 不是工作日"
    assert "办理时限" in dialog.body.banner_text()
    assert dialog.isVisible() and outbox_count(workspace) == before
    assert lead.value() == TOWNSHIP and assisting.value() == chosen
    deadline.set_day(date(2026, 12, 4))
    assert deadline.error_text() == "" and "共 5 个工作日" in deadline.hint.text()
    with qtbot.waitSignal(dialog.completed):
        click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    with workspace.store.session() as session:
        row = session.scalars(select(Clue).where(Clue.code == code)).one()
        assisting_rows = session.scalars(
            select(AssistingUnit.unit_code).where(AssistingUnit.clue_id == row.id)
        ).all()
    closing = workspace.calendar.office_hours.closing
    assert row.status == Status.DISPATCHED.value and row.lead_unit == TOWNSHIP
    assert row.handle_deadline == datetime.combine(date(2026, 12, 4), closing, CHINA_TZ)
    assert list(assisting_rows) == chosen
    assert outbox_count(workspace) == before + 1


def test_an_extension_request_takes_days_within_the_rules(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    workspace = fresh_desk("xinhai")
    clue, _ = made_clue(workspace, "handling")
    dialog = form(qtbot, workspace, Action.REQUEST_EXTENSION, clue)
    days = dialog.field("days")
    assert isinstance(days, DaysField)
    limits = workspace.rules.limits
    assert (days.spin.minimum(), days.spin.maximum()) == (
        1,
        min(limits.max_extension_days, limits.max_extension_total_days),
    )
    assert f"本阶段还可申请 {limits.max_extensions} 次" in dialog.body.intro.text()
    days.spin.clear()
    qtbot.keyClicks(days.spin, "3")
    click_ok(qtbot, dialog)
    assert dialog.field("reason").error_text() == "不能为空" and days.value() == 3
    type_chinese(dialog.field("reason").editor, "需第三方检测")
    with qtbot.waitSignal(dialog.completed):
        click_ok(qtbot, dialog)
    detail = load_clue_detail(workspace.store, clue)
    assert detail is not None and detail.extension_requested_days == 3
    assert detail.timeline[-1].note == "需第三方检测" and detail.timeline[-1].pending


def test_a_refusal_after_the_form_opened_is_shown_in_the_banner(
    qtbot: QtBot, fresh_desk: MakeWorkspace, now: datetime
) -> None:
    workspace = fresh_desk("haizhou")
    clue, code = made_clue(workspace, "reviewing")
    reject = form(qtbot, workspace, Action.REJECT, clue)
    click_ok(qtbot, reject)
    assert reject.field("reason").error_text() == "不能为空"
    assert "驳回理由" in reject.body.banner_text()
    approve = form(qtbot, workspace, Action.APPROVE, clue)
    type_chinese(approve.field("note").editor, "同意办结")
    take_action(workspace.store, "haizhou", "d", Action.REJECT, code, {"reason": "x"}, now=now)
    click_ok(qtbot, approve)
    assert approve.body.banner_text() == "线索当前为「办理中」，不能审核通过"
    assert approve.field("note").value() == "同意办结" and approve.isVisible()


def test_dispatch_units_are_the_county_s_and_for_the_city_also_the_city_s(
    fresh_desk: MakeWorkspace,
) -> None:
    workspace = fresh_desk("haizhou")
    clue = ClueState(
        code="LYG2026000001",
        status=Status.REGISTERED,
        priority=Priority.NORMAL,
        county_code="320706",
        registered_at=workspace.now(),
        owner_unit="320706",
    )
    units = dispatch_units(workspace.units, clue)
    assert all(u.handles for u in units)
    assert {u.county_code for u in units} == {"320706"}
    units = dispatch_units(workspace.units, clue.evolve(owner_unit="320700"))
    assert {u.county_code for u in units} == {"320706", None}
    assert units[0].county_code == "320706" and units[-1].county_code is None
