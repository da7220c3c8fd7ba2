"""The forms of the loop as offices run it: routing across counties, findings with evidence,
sign-off, callbacks, closing with a notice open, duplicates, refusals and extension caps."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.domain.codes import Channel, Post
from desktop.domain.deadlines import Stage, stage_deadline
from desktop.domain.workflow import Action
from desktop.store.clue_detail import load_clue_detail
from desktop.ui.action_forms import FORMS
from desktop.ui.actions import ActionError
from desktop.ui.forms import (
    ChoiceField,
    DaysField,
    DeadlineField,
    FilesField,
    FormBody,
    TextField,
    UnitChecklistField,
)
from desktop.ui.notices.errors import NoticeError
from desktop.ui.timeline import TimelineModel
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace, type_chinese
from tests.ui.loop_kit import (
    CITY,
    CITY_BUREAU,
    DONGHAI,
    HAIZHOU,
    XINHAI,
    act,
    click_ok,
    clue_id,
    form,
    handling,
    photo,
    register,
    reported,
    set_post,
    status_of,
)
from tests.ui.test_notices_helpers import issued

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")  # offscreen platform


def row_label(body: FormBody, key: str) -> str:
    label = body.row_labels[key]
    assert isinstance(label, QLabel)
    return label.text()


def choose(field: object, value: str) -> None:
    assert isinstance(field, ChoiceField)
    field.combo.setCurrentIndex(field.combo.findData(value))
    assert field.value() == value


def timeline_notes(workspace: Workspace, code: str) -> list[str]:
    """The 说明 column of a clue's history, as the window shows it."""
    store = workspace.store
    detail = load_clue_detail(store, clue_id(store, code))
    assert detail is not None
    model = TimelineModel(workspace.unit_name)
    model.set_entries(detail.timeline)
    return [
        str(model.index(row, TimelineModel.NOTE).data() or "") for row in range(model.rowCount())
    ]


# -- errors by key ----------------------------------------------------------------------------


def test_an_error_lands_at_the_field_of_its_key(qtbot: QtBot) -> None:
    body = FormBody()
    qtbot.addWidget(body)
    reason = body.add(TextField("reason", "退回市级理由", required=True))
    override = body.add(TextField("override_reason", "未闭环办结理由", required=True))
    body.set_row_visible("override_reason", False)
    assert row_label(body, "reason") == "退回市级理由 *"
    assert "override_reason" not in body.values()
    body.show_error("reason", "不能为空")
    assert reason.error_text() == "不能为空"
    assert body.banner_text() == "请修改「退回市级理由」：不能为空"
    body.show_error("lead_unit", "不是可承办线索的单位")
    assert reason.error_text() == ""
    assert body.banner_text() == "主办单位：不是可承办线索的单位"
    body.show_error("override_reason", "须写明理由")
    assert body.row_visible("override_reason") and override.error_text() == "须写明理由"
    assert "override_reason" in body.values()
    body.show_error(None, "线索当前为「办理中」，不能审核通过")
    assert body.banner_text() == "线索当前为「办理中」，不能审核通过"
    body.show_error("number", "没有可用的编号", label="文书编号")
    assert body.banner_text() == "文书编号：没有可用的编号"
    body.set_required("reason", False)
    assert row_label(body, "reason") == "退回市级理由"


def test_an_action_error_names_its_field_by_label() -> None:
    assert ActionError("finding", "不能为空").text() == "核查结论：不能为空"
    assert ActionError("override_reason", "x").label == "未闭环办结理由"
    assert ActionError(None, "线索已登记").text() == "线索已登记"
    assert NoticeError("party_name", "不能为空", "当事人").text() == "当事人：不能为空"


def test_a_rules_message_by_key_lands_at_the_form_s_field(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    county = fresh_desk("haizhou")
    code = register(county.store)
    dialog = form(qtbot, county, Action.RETURN_TO_CITY, code)
    click_ok(qtbot, dialog)
    assert dialog.field("reason").error_text() == "不能为空"
    assert dialog.body.banner_text() == "请修改「退回市级理由」：不能为空"
    assert status_of(county.store, code) == "registered"


# -- every form -------------------------------------------------------------------------------


def test_every_form_builds_with_its_labels_and_required_marks(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    county = fresh_desk("haizhou")
    code = handling(county.store)
    for action, specs in FORMS.items():
        dialog = form(qtbot, county, action, code)
        assert [f.key for f in dialog.body.fields] == [s.key for s in specs]
        for spec in specs:
            shown = row_label(dialog.body, spec.key)
            assert shown.endswith(" *") == spec.required, (action, spec.key)
            assert shown.removesuffix(" *") == spec.label and not shown.isascii()
        assert dialog.ok_button.text() == action.label
        dialog.reject()


# -- routing ----------------------------------------------------------------------------------


def test_a_misrouted_clue_goes_back_to_the_city_and_on_to_another_county(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    county, city = fresh_desk("haizhou"), fresh_desk("city")
    code = register(county.store)
    back = form(qtbot, county, Action.RETURN_TO_CITY, code)
    type_chinese(back.field("reason").editor, "地址在东海县境内")
    with qtbot.waitSignal(back.completed):
        click_ok(qtbot, back)
    detail = load_clue_detail(county.store, clue_id(county.store, code))
    assert detail is not None and detail.state.owner_unit == CITY
    transfer = form(qtbot, city, Action.TRANSFER, code)
    target = transfer.field("target_county")
    assert isinstance(target, ChoiceField)
    names = [target.combo.itemText(i) for i in range(target.combo.count())]
    assert "东海县" in names and "海州区" not in names and target.value() == ""
    assert all(not name.endswith("攻坚办") for name in names)
    click_ok(qtbot, transfer)
    assert transfer.field("target_county").error_text()
    assert "转至县区" in transfer.body.banner_text()
    choose(target, DONGHAI)
    type_chinese(transfer.field("reason").editor, "属东海县管辖")
    with qtbot.waitSignal(transfer.completed):
        click_ok(qtbot, transfer)
    detail = load_clue_detail(city.store, clue_id(city.store, code))
    assert detail is not None
    assert (detail.state.county_code, detail.state.owner_unit) == (DONGHAI, DONGHAI)
    notes = timeline_notes(city, code)
    assert any("由「海州区污染防治攻坚办」退回「连云港市污染防治攻坚办」" in n for n in notes)
    assert "属东海县管辖；从「海州区」转至「东海县」" in notes


def test_the_city_takes_a_county_s_clue_over_after_a_confirmation(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    county, city = fresh_desk("haizhou"), fresh_desk("city")
    code = handling(county.store)
    dialog = form(qtbot, city, Action.TAKE_OVER, code)
    assert "海州区污染防治攻坚办" in dialog.body.intro.text()
    assert "提级" in dialog.body.intro.text()
    click_ok(qtbot, dialog)
    assert dialog.field("reason").error_text() == "不能为空" and dialog.confirmation is None
    type_chinese(dialog.field("reason").editor, "群众反复举报，市级督办")
    click_ok(qtbot, dialog)
    box = dialog.confirmation
    assert box is not None and box.isVisible() and code in box.text()
    assert "海州区污染防治攻坚办" in box.informativeText()
    assert status_of(city.store, code) == "handling"  # nothing taken before the answer
    yes = box.buttons()[0]
    assert yes.text() == "提级办理"
    with qtbot.waitSignal(dialog.completed):
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    detail = load_clue_detail(city.store, clue_id(city.store, code))
    assert detail is not None and detail.state.owner_unit == CITY
    assert any(
        "由「海州区污染防治攻坚办」提级至「连云港市污染防治攻坚办」承办" in note
        for note in timeline_notes(city, code)
    )


def test_dispatch_offers_city_bureaus_only_for_a_clue_the_city_owns(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    county, city = fresh_desk("haizhou"), fresh_desk("city")
    own = register(county.store)
    dialog = form(qtbot, county, Action.DISPATCH, own)
    lead = dialog.field("lead_unit")
    assisting = dialog.field("assisting_units")
    assert isinstance(lead, ChoiceField) and isinstance(assisting, UnitChecklistField)
    codes = [lead.combo.itemData(i) for i in range(lead.combo.count())]
    assert XINHAI in codes and CITY_BUREAU not in codes
    assert all(code.startswith(HAIZHOU) for code in codes)
    assert [u.code for u in assisting.model.units] == codes
    dialog.reject()
    taken = register(city.store, "city")
    dialog = form(qtbot, city, Action.DISPATCH, taken)
    lead = dialog.field("lead_unit")
    assert isinstance(lead, ChoiceField)
    codes = [lead.combo.itemData(i) for i in range(lead.combo.count())]
    assert XINHAI in codes and CITY_BUREAU in codes and codes[0].startswith(HAIZHOU)


def test_the_default_deadline_follows_the_channel_and_the_sender_s_deadline(
    qtbot: QtBot, fresh_desk: MakeWorkspace, now: datetime
) -> None:
    county = fresh_desk("haizhou")
    hotline = register(county.store)
    dialog = form(qtbot, county, Action.DISPATCH, hotline)
    deadline = dialog.field("handle_deadline")
    assert isinstance(deadline, DeadlineField)
    expected = stage_deadline(
        Stage.HANDLE, now, county.calendar, county.rules, channel=Channel.HOTLINE_12345
    )
    assert deadline.deadline() == expected and deadline.working_days() == 5
    assert "12345" in dialog.body.intro.text() and "5 个工作日" in dialog.body.intro.text()
    dialog.reject()
    due = register(county.store, due_by="2026-12-01T12:00:00+08:00")
    dialog = form(qtbot, county, Action.DISPATCH, due)
    deadline = dialog.field("handle_deadline")
    assert isinstance(deadline, DeadlineField)
    assert deadline.day() == date(2026, 12, 1) and deadline.value() == "2026-12-01T12:00:00+08:00"
    assert deadline.edit.maximumDate().toPython() == date(2026, 12, 1)
    assert "交办单位要求 2026-12-01 12:00 前办结" in deadline.hint.text()
    assert "交办单位要求 2026-12-01 12:00 前办结" in dialog.body.intro.text()
    lead = dialog.field("lead_unit")
    assert isinstance(lead, ChoiceField)
    choose(lead, XINHAI)
    with qtbot.waitSignal(dialog.completed):
        click_ok(qtbot, dialog)
    detail = load_clue_detail(county.store, clue_id(county.store, due))
    assert detail is not None and detail.handle_deadline == datetime.fromisoformat(
        "2026-12-01T12:00:00+08:00"
    )


# -- report, sign-off, callback ---------------------------------------------------------------


def test_a_report_needs_a_finding_measures_and_evidence_for_a_true_finding(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    township = fresh_desk("xinhai")
    code = handling(township.store)
    dialog = form(qtbot, township, Action.REPORT, code)
    assert "佐证材料" in dialog.body.intro.text()
    type_chinese(dialog.field("result").editor, "已责令停止排放")
    click_ok(qtbot, dialog)
    assert dialog.field("finding").error_text()
    assert "核查结论" in dialog.body.banner_text()
    assert row_label(dialog.body, "attachments") == "佐证材料"
    choose(dialog.field("finding"), "true")
    assert row_label(dialog.body, "attachments") == "佐证材料 *"
    type_chinese(dialog.field("measures").editor, "封堵排污口，接入污水管网")
    click_ok(qtbot, dialog)
    files = dialog.field("attachments")
    assert isinstance(files, FilesField)
    assert "属实" in files.error_text() and "佐证材料" in dialog.body.banner_text()
    assert status_of(township.store, code) == "handling"
    files.add_files([photo(tmp_path)])
    with qtbot.waitSignal(dialog.completed):
        click_ok(qtbot, dialog)
    detail = load_clue_detail(township.store, clue_id(township.store, code))
    assert detail is not None and detail.status.value == "reviewing"
    assert detail.state.finding is not None and detail.state.finding.value == "true"
    last = timeline_notes(township, code)[-1]
    assert "核查结论：属实；整改措施：封堵排污口，接入污水管网" in last


def test_an_untrue_finding_needs_no_evidence(qtbot: QtBot, fresh_desk: MakeWorkspace) -> None:
    township = fresh_desk("xinhai")
    code = handling(township.store)
    dialog = form(qtbot, township, Action.REPORT, code)
    type_chinese(dialog.field("result").editor, "现场核查未发现直排")
    choose(dialog.field("finding"), "untrue")
    assert row_label(dialog.body, "attachments") == "佐证材料"
    type_chinese(dialog.field("measures").editor, "已向举报人说明")
    with qtbot.waitSignal(dialog.completed):
        click_ok(qtbot, dialog)
    assert status_of(township.store, code) == "reviewing"


def test_a_clerk_s_report_waits_for_the_head_s_sign_off(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    store = fresh_desk("xinhai").store
    set_post(store, "xinhai", Post.CLERK)
    clerk = fresh_desk("xinhai")
    code = handling(store)
    dialog = form(qtbot, clerk, Action.REPORT, code)
    assert "负责人审签" in dialog.body.intro.text()
    type_chinese(dialog.field("result").editor, "现场核查未发现直排")
    choose(dialog.field("finding"), "untrue")
    type_chinese(dialog.field("measures").editor, "已向举报人说明")
    with qtbot.waitSignal(dialog.completed):
        click_ok(qtbot, dialog)
    assert status_of(store, code) == "signoff"
    set_post(store, "xinhai", Post.HEAD)
    head = fresh_desk("xinhai")
    reject = form(qtbot, head, Action.SIGNOFF_REJECT, code)
    click_ok(qtbot, reject)
    assert reject.field("reason").error_text() == "不能为空"
    assert "退回修改意见" in reject.body.banner_text()
    reject.reject()
    approve = form(qtbot, head, Action.SIGNOFF_APPROVE, code)
    assert "不属实" in approve.body.intro.text()
    with qtbot.waitSignal(approve.completed):
        click_ok(qtbot, approve)
    assert status_of(store, code) == "reviewing"


def test_a_callback_not_reached_needs_a_note(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    county = fresh_desk("haizhou")
    code = reported(county.store, tmp_path)
    approve = form(qtbot, county, Action.APPROVE, code)
    assert "回访" in approve.body.intro.text()  # a 12345 work order is called back first
    assert not approve.body.row_visible("override_reason")
    approve.reject()
    dialog = form(qtbot, county, Action.CALLBACK, code)
    assert row_label(dialog.body, "note") == "回访情况"
    choose(dialog.field("callback"), "unreached")
    assert row_label(dialog.body, "note") == "回访情况 *"
    click_ok(qtbot, dialog)
    assert "联系的时间和方式" in dialog.field("note").error_text()
    choose(dialog.field("callback"), "satisfied")
    assert row_label(dialog.body, "note") == "回访情况"
    with qtbot.waitSignal(dialog.completed):
        click_ok(qtbot, dialog)
    assert timeline_notes(county, code)[-1] == "回访结果：满意"
    approve = form(qtbot, county, Action.APPROVE, code)
    with qtbot.waitSignal(approve.completed):
        click_ok(qtbot, approve)
    assert status_of(county.store, code) == "closed"


def test_an_unhappy_reporter_sends_the_clue_back(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    county = fresh_desk("haizhou")
    code = reported(county.store, tmp_path)
    act(county.store, "haizhou", Action.CALLBACK, code, callback="satisfied")
    act(county.store, "haizhou", Action.APPROVE, code)
    act(county.store, "haizhou", Action.CALLBACK, code, callback="unsatisfied")
    dialog = form(qtbot, county, Action.REOPEN, code)
    assert "不满意" in dialog.body.intro.text()
    type_chinese(dialog.field("reason").editor, "举报人称仍有污水外排")
    with qtbot.waitSignal(dialog.completed):
        click_ok(qtbot, dialog)
    assert status_of(county.store, code) == "handling"


def test_closing_with_an_open_notice_asks_for_the_reason(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    township, county = fresh_desk("xinhai"), fresh_desk("haizhou")
    code = handling(township.store, channel="daily_inspection")
    issued(township, code)
    act(township.store, "xinhai", Action.REPORT, code, result="已整改", finding="untrue",
        measures="说明")  # fmt: skip
    dialog = form(qtbot, county, Action.APPROVE, code)
    assert dialog.body.row_visible("override_reason")
    assert "未送达" in dialog.body.intro.text()
    assert row_label(dialog.body, "override_reason") == "未闭环办结理由 *"
    click_ok(qtbot, dialog)
    override = dialog.field("override_reason")
    assert "须写明理由" in override.error_text()
    assert "未闭环办结理由" in dialog.body.banner_text()
    assert status_of(county.store, code) == "reviewing"
    type_chinese(override.editor, "当事人已停业，通知书无法送达，另案处理")
    with qtbot.waitSignal(dialog.completed):
        click_ok(qtbot, dialog)
    assert status_of(county.store, code) == "closed"
    assert "未闭环办结理由：当事人已停业" in timeline_notes(county, code)[-1]


def test_without_an_open_notice_the_reason_stays_hidden_until_the_rules_ask(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    township, county = fresh_desk("xinhai"), fresh_desk("haizhou")
    code = handling(township.store, channel="daily_inspection")
    act(township.store, "xinhai", Action.REPORT, code, result="已整改", finding="untrue",
        measures="说明")  # fmt: skip
    dialog = form(qtbot, county, Action.APPROVE, code)
    assert not dialog.body.row_visible("override_reason")
    assert "override_reason" not in dialog.body.values()
    issued(township, code)  # a notice issued while the form is open
    click_ok(qtbot, dialog)
    assert dialog.body.row_visible("override_reason")
    assert "须写明理由" in dialog.field("override_reason").error_text()


# -- extension --------------------------------------------------------------------------------


def test_the_extension_form_shows_what_remains(qtbot: QtBot, fresh_desk: MakeWorkspace) -> None:
    township = fresh_desk("xinhai")
    limits = township.rules.limits
    code = handling(township.store)
    dialog = form(qtbot, township, Action.REQUEST_EXTENSION, code)
    first = min(limits.max_extension_days, limits.max_extension_total_days)
    assert f"本阶段还可申请 {limits.max_extensions} 次，最多 {first} 个工作日" in (
        dialog.body.intro.text()
    )
    days = dialog.field("days")
    assert isinstance(days, DaysField) and days.spin.maximum() == first
    days.spin.setValue(8)
    type_chinese(dialog.field("reason").editor, "需第三方检测")
    with qtbot.waitSignal(dialog.completed):
        click_ok(qtbot, dialog)
    act(township.store, "haizhou", Action.APPROVE_EXTENSION, code)
    again = form(qtbot, township, Action.REQUEST_EXTENSION, code)
    left = min(limits.max_extension_days, limits.max_extension_total_days - 8)
    assert f"本阶段还可申请 {limits.max_extensions - 1} 次，最多 {left} 个工作日" in (
        again.body.intro.text()
    )
    days = again.field("days")
    assert isinstance(days, DaysField) and days.spin.maximum() == left


# -- duplicates and refusals ------------------------------------------------------------------


def test_a_duplicate_names_its_original_from_the_completer(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    county = fresh_desk("haizhou")
    original = register(county.store)
    other = register(county.store, county=DONGHAI, username="city")
    code = register(county.store, channel_ref="GD20261127002")
    dialog = form(qtbot, county, Action.MARK_DUPLICATE, code)
    field = dialog.field("original")
    assert isinstance(field, TextField)
    completer = field.code_completer  # type: ignore[attr-defined]
    typed = original.split("-")[-1][:4]
    found = completer.candidates(typed)
    assert original in found and code not in found and other not in found
    qtbot.keyClicks(field.editor, typed)
    qtbot.waitUntil(lambda: original in completer.codes.stringList())
    field.set_value("")
    click_ok(qtbot, dialog)
    assert field.error_text() == "不能为空"
    type_chinese(field.editor, original)  # the provisional code begins with 临
    with qtbot.waitSignal(dialog.completed):
        click_ok(qtbot, dialog)
    assert status_of(county.store, code) == "duplicate"
    assert f"重复件，原件：{original}" in timeline_notes(county, code)[-1]


def test_a_refusal_names_its_ground(qtbot: QtBot, fresh_desk: MakeWorkspace) -> None:
    county = fresh_desk("haizhou")
    code = register(county.store)
    dialog = form(qtbot, county, Action.REFUSE, code)
    ground = dialog.field("ground")
    assert isinstance(ground, ChoiceField)
    grounds = county.rules.refusal_grounds
    assert [ground.combo.itemData(i) for i in range(ground.combo.count())] == list(grounds)
    type_chinese(dialog.field("reason").editor, "反映的是邻里纠纷")
    click_ok(qtbot, dialog)
    assert ground.error_text() and "不予受理依据" in dialog.body.banner_text()
    choose(ground, "out_of_scope")
    with qtbot.waitSignal(dialog.completed):
        click_ok(qtbot, dialog)
    assert status_of(county.store, code) == "refused"
    note = timeline_notes(county, code)[-1]
    assert note == f"反映的是邻里纠纷；不予受理依据：{grounds['out_of_scope']}"
