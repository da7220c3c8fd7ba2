"""The 处罚案件 tab of a clue: filing from it (prefilled from the handler's findings, refused for
a township with the reason shown), every milestone through its form to 结案, a bad ID number
refused at its field with everything typed kept, the keyboard, the countdown on an injected
clock, and the decision's print preview with an injected renderer."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.cases import CaseAction, CaseOutcome, CaseStatus
from desktop.domain.notices import NoticeAction
from desktop.store.cases import cases_of_clue, load_case
from desktop.store.notices import draft_content_for_clue, take_notice_action
from desktop.ui.cases.case_fields import CheckField, OfficersField, PenaltiesField
from desktop.ui.cases.case_form import CaseForm
from desktop.ui.cases.case_panel import CasePanel
from desktop.ui.forms import ChoiceField, TextField
from desktop.ui.notices.rendering import notice_document
from desktop.ui.workspace import Workspace
from tests.conftest import NOW
from tests.ui.case_kit import (
    COMPLAINT,
    FINDINGS,
    VALID_ID,
    bureau_clue,
    decided,
    file,
    give_case_numbers,
    step,
)
from tests.ui.conftest import MakeWorkspace, type_chinese

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")


@pytest.fixture
def bureau(fresh_desk: MakeWorkspace) -> Workspace:
    workspace = fresh_desk("hzhb")
    give_case_numbers(workspace.store)
    return workspace


def panel_on(qtbot: QtBot, workspace: Workspace, code: str) -> CasePanel:
    panel = CasePanel(workspace)
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    qtbot.waitExposed(panel)
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.show_clue(code)
    return panel


def reloaded(qtbot: QtBot, panel: CasePanel) -> None:
    qtbot.waitUntil(lambda: not panel.loading, timeout=20000)


def open_form(qtbot: QtBot, panel: CasePanel, action: CaseAction) -> CaseForm:
    button = panel.action_buttons[action]
    shown = [a for a, b in panel.action_buttons.items() if b.isVisible()]
    assert button.isVisible(), shown
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    form = panel.form
    assert isinstance(form, CaseForm) and form.isVisible() and form.action is action
    qtbot.addWidget(form)
    return form


def submit(qtbot: QtBot, panel: CasePanel, form: CaseForm) -> None:
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible(), form.body.banner_text()
    reloaded(qtbot, panel)


def text(form: CaseForm, key: str) -> TextField:
    field = form.field(key)
    assert isinstance(field, TextField), key
    return field


def write(form: CaseForm, key: str, value: str) -> None:
    field = text(form, key)
    field.set_value("")
    type_chinese(field.text_editor, value)


def choose(form: CaseForm, key: str, value: str) -> None:
    field = form.field(key)
    assert isinstance(field, ChoiceField), key
    field.select(value)


def officers_of(form: CaseForm) -> OfficersField:
    field = form.field("officers")
    assert isinstance(field, OfficersField)
    return field


def notice_pdf(workspace: Workspace, code: str) -> bytes:
    """The PDF of a notice drafted on the clue (the fake decision's bytes)."""
    from desktop.reports.notice_pdf import render_bytes

    content = draft_content_for_clue(workspace.store, code, workspace.username)
    payload = {"kind": "rectification", **content.to_dict()}
    drafted = take_notice_action(
        workspace.store,
        workspace.username,
        workspace.device_id,
        NoticeAction.DRAFT,
        None,
        code,
        payload,
        now=workspace.now(),
    )
    document = notice_document(
        workspace.store, workspace.units, drafted.state, today=workspace.now().date()
    )
    return render_bytes(document)


def test_filing_from_the_tab_takes_the_findings_and_a_number(
    qtbot: QtBot, bureau: Workspace, tmp_path: Path
) -> None:
    code = bureau_clue(bureau.store, tmp_path)
    panel = panel_on(qtbot, bureau, code)
    assert panel.empty.isVisible() and panel.file_button.isEnabled()
    assert not panel.hint.isVisible()
    qtbot.mouseClick(panel.file_button, Qt.MouseButton.LeftButton)
    form = panel.form
    assert isinstance(form, CaseForm) and form.action is CaseAction.FILE
    qtbot.addWidget(form)
    assert text(form, "party.name").value() == "华福洗车行"
    assert form.field("law").value() == "水污染防治法"
    assert "立案号 20 个" in form.body.intro.text()
    assert text(form, "cause").value()
    officers = officers_of(form)
    assert officers.table.rowCount() == 2
    assert officers.value() == [{"name": bureau.actor.display_name, "certificate": ""}]
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)  # one officer, no certificate
    assert form.isVisible()
    assert officers.error_text() and "执法证号" in officers.error_text()
    officers.set_cell(0, 1, "32070601001")
    officers.set_cell(1, 0, "李执法")
    officers.set_cell(1, 1, "32070601002")
    assert form.dirty
    submit(qtbot, panel, form)

    [state] = cases_of_clue(bureau.store, code)
    assert state.number == "海环立〔2026〕1号" and state.status is CaseStatus.FILED
    assert [o.name for o in state.officers] == [bureau.actor.display_name, "李执法"]
    assert panel.view.number_label.text() == state.number
    assert panel.view.status_label.text() == "已立案"
    assert panel.view.milestone_rows()[0][:2] == [NOW.date().isoformat(), "立案"]
    assert panel.view.milestone_rows()[0][3] == state.number
    assert "决定期限 2027-02-25 17:30" in panel.view.countdown_label.text()
    visible = {a for a, b in panel.action_buttons.items() if b.isVisible()}
    assert visible == {
        CaseAction.INVESTIGATE,
        CaseAction.NOTIFY,
        CaseAction.CLOSE,
        CaseAction.EXTEND,
    }
    assert not panel.print_button.isVisible()


def test_decision_facts_are_the_findings_not_the_complaint(
    qtbot: QtBot, bureau: Workspace, tmp_path: Path
) -> None:
    code = bureau_clue(bureau.store, tmp_path)
    made = file(bureau.store, code)
    step(
        bureau.store,
        made.case_id,
        CaseAction.NOTIFY,
        notified_on=NOW.date().isoformat(),
        document_number="海环罚告〔2026〕1号",
        penalties=[{"kind": "fine", "amount_yuan": "8000"}],
    )
    panel = panel_on(qtbot, bureau, code)
    form = open_form(qtbot, panel, CaseAction.DECIDE)
    facts = text(form, "facts").value()
    assert FINDINGS in facts and COMPLAINT not in facts
    assert form.field("violated_clause_ids").value() == ["szfz-39"]
    assert form.field("basis_clause_ids").value() == ["szfz-83"]
    penalties = form.field("penalties")
    assert isinstance(penalties, PenaltiesField)
    assert penalties.value() == [{"kind": "fine", "amount_yuan": "8000.00"}]


def test_a_township_is_told_why_it_may_not_file(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    township = fresh_desk("xinhai")
    code = bureau_clue(township.store, tmp_path, report=False)
    panel = panel_on(qtbot, township, code)
    assert not panel.file_button.isEnabled()
    assert "没有行政处罚权" in panel.file_button.toolTip()
    assert panel.hint.isVisible() and "没有行政处罚权" in panel.hint.text()
    box = panel.start_filing()
    assert isinstance(box, QMessageBox) and "没有行政处罚权" in box.text()
    box.close()
    assert cases_of_clue(township.store, code) == []


def test_a_bad_id_number_is_refused_at_its_field_and_nothing_is_lost(
    qtbot: QtBot, bureau: Workspace, tmp_path: Path
) -> None:
    code = bureau_clue(bureau.store, tmp_path)
    panel = panel_on(qtbot, bureau, code)
    form = panel.start_filing()
    assert isinstance(form, CaseForm)
    qtbot.addWidget(form)
    choose(form, "party.party_type", "individual")
    assert not form.body.row_visible("party.credit_code")
    assert form.body.row_visible("party.id_number")
    write(form, "party.name", "王某某")
    write(form, "party.id_number", "110105194912310021")  # the check digit should be X
    write(form, "cause", "无证排放案")
    officers = officers_of(form)
    officers.set_cell(0, 1, "32070601001")
    officers.set_cell(1, 0, "李执法")
    officers.set_cell(1, 1, "32070601002")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.error_text("party.id_number")
    assert "身份证" in form.body.banner_text()
    assert form.error_text("cause") == ""
    assert text(form, "party.name").value() == "王某某"
    assert text(form, "cause").value() == "无证排放案"
    assert officers.value()[1] == {"name": "李执法", "certificate": "32070601002"}
    assert cases_of_clue(bureau.store, code) == []
    write(form, "party.id_number", VALID_ID)
    submit(qtbot, panel, form)
    [state] = cases_of_clue(bureau.store, code)
    assert state.party.id_number == VALID_ID and state.party.name == "王某某"


def test_every_milestone_through_its_form_to_closing(
    qtbot: QtBot, bureau: Workspace, tmp_path: Path
) -> None:
    code = bureau_clue(bureau.store, tmp_path)
    made = file(bureau.store, code)
    panel = panel_on(qtbot, bureau, code)

    form = open_form(qtbot, panel, CaseAction.EXTEND)
    assert "本次最多 30 日" in form.body.intro.text()
    write(form, "approved_by", "局长")
    write(form, "reason", "案情复杂，需补充检测")
    submit(qtbot, panel, form)

    form = open_form(qtbot, panel, CaseAction.INVESTIGATE)
    write(form, "note", "现场勘察并制作笔录，提取水样送检")
    form.field("evidence").set_lines(["现场检查笔录", "水质检测报告"])  # type: ignore[attr-defined]
    submit(qtbot, panel, form)
    assert panel.view.status_label.text() == "调查取证中"

    form = open_form(qtbot, panel, CaseAction.NOTIFY)
    write(form, "document_number", "海环罚告〔2026〕3号")
    penalties = form.field("penalties")
    assert isinstance(penalties, PenaltiesField)
    penalties.rows[0].amount.setText("60000")
    assert form.hint is not None and "应当告知当事人有要求听证的权利" in form.hint.text()
    penalties.rows[0].amount.setText("6000")
    assert "无需告知听证权利" in form.hint.text()
    penalties.rows[0].amount.setText("60000")
    submit(qtbot, panel, form)

    form = open_form(qtbot, panel, CaseAction.STATEMENT)
    choose(form, "result", "not_adopted")
    write(form, "text", "当事人称已停止排放")
    hearing = form.field("hearing_requested")
    assert isinstance(hearing, CheckField)
    hearing.check.setChecked(True)
    submit(qtbot, panel, form)
    assert CaseAction.HEARING in panel.allowed()
    early = open_form(qtbot, panel, CaseAction.DECIDE)  # the hearing the party asked for first
    qtbot.mouseClick(early.ok_button, Qt.MouseButton.LeftButton)
    assert early.isVisible() and "须先举行听证" in early.body.banner_text()
    early.done(0)

    form = open_form(qtbot, panel, CaseAction.HEARING)
    write(form, "note", "听证会按期举行，当事人到场陈述")
    submit(qtbot, panel, form)

    form = open_form(qtbot, panel, CaseAction.DECIDE)
    assert "决定书文号 20 个" in form.body.intro.text()
    write(form, "discretion", "首次违法，积极配合调查")
    submit(qtbot, panel, form)
    state = load_case(bureau.store, made.case_id)
    assert state is not None and state.decision is not None
    assert state.decision.number == "海环罚〔2026〕1号"
    assert "罚款 ¥60,000.00" in panel.view.fields["decision"].text()
    assert panel.print_button.isVisible()

    form = open_form(qtbot, panel, CaseAction.SERVE)
    write(form, "recipient", "张三")
    write(form, "relation", "负责人")
    submit(qtbot, panel, form)

    form = open_form(qtbot, panel, CaseAction.EXECUTE)
    assert text(form, "amount_paid").value() == "60000.00"
    submit(qtbot, panel, form)

    form = open_form(qtbot, panel, CaseAction.CLOSE)
    outcome = form.field("outcome")
    assert isinstance(outcome, ChoiceField)
    offered = [outcome.combo.itemData(i) for i in range(outcome.combo.count())]
    assert offered == [CaseOutcome.EXECUTED.value]  # only what is allowed now
    submit(qtbot, panel, form)

    state = load_case(bureau.store, made.case_id)
    assert state is not None and state.status is CaseStatus.CLOSED
    steps = [row[1] for row in panel.view.milestone_rows()]
    assert steps == ["立案", "调查取证", "告知", "陈述申辩", "听证", "决定", "送达", "执行", "结案"]
    assert "30 日（局长 批准" in panel.view.fields["extensions"].text()
    assert "执行完毕" in panel.view.fields["outcome"].text()
    assert not any(b.isVisible() for b in panel.action_buttons.values())


def test_keyboard_submits_and_escape_asks_before_dropping_typed_text(
    qtbot: QtBot, bureau: Workspace, tmp_path: Path
) -> None:
    code = bureau_clue(bureau.store, tmp_path)
    file(bureau.store, code)
    panel = panel_on(qtbot, bureau, code)
    form = open_form(qtbot, panel, CaseAction.INVESTIGATE)
    write(form, "note", "现场勘察")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    box = form.confirmation
    assert isinstance(box, QMessageBox) and box.isVisible()
    box.reject()  # 继续填写
    qtbot.waitUntil(lambda: not box.isVisible())
    assert form.isVisible() and text(form, "note").value() == "现场勘察"
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    text(form, "note").text_editor.setFocus()
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        qtbot.keyClick(
            text(form, "note").text_editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert not form.isVisible()
    assert panel.view.status_label.text() == "调查取证中"

    untouched = open_form(qtbot, panel, CaseAction.INVESTIGATE)
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not untouched.isVisible()


def test_countdown_and_warning_follow_the_clock(
    qtbot: QtBot, bureau: Workspace, tmp_path: Path
) -> None:
    code = bureau_clue(bureau.store, tmp_path)
    made = file(bureau.store, code)
    deadline = made.state.deadline
    panel = panel_on(qtbot, bureau, code)
    assert panel.view.warning_level() == 0 and panel.view.warning_label.text() == "正常"
    bureau.clock = lambda: deadline - timedelta(hours=2)
    panel.view.refresh_time(bureau.now())
    assert panel.view.warning_label.text() == "一级预警（黄）"
    bureau.clock = lambda: deadline + timedelta(days=1)
    panel.view.refresh_time(bureau.now())
    assert panel.view.warning_label.text() == "二级预警（橙）"
    assert "超" in panel.view.countdown_label.text() or "逾期" in panel.view.countdown_label.text()
    bureau.clock = lambda: deadline + timedelta(days=14)
    panel.view.refresh_time(bureau.now())
    assert panel.view.warning_label.text() == "三级预警（红）"


def test_the_decision_prints_through_the_injected_renderer(
    qtbot: QtBot, bureau: Workspace, tmp_path: Path
) -> None:
    code = bureau_clue(bureau.store, tmp_path)
    done = decided(bureau.store, code)
    pdf = notice_pdf(bureau, code)
    asked: list[str] = []

    def fake(_store: object, case_id: str) -> bytes:
        asked.append(case_id)
        return pdf

    panel = panel_on(qtbot, bureau, code)
    panel.decision_renderer = fake
    assert panel.print_button.isVisible()
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    preview = panel.preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pane.page_count() > 0 or bool(preview.error), timeout=60000)
    assert preview.error_text() == ""
    assert asked == [done.case_id]
    assert preview.pdf is not None and preview.pdf.read_bytes() == pdf
    assert preview.pdf.name == "海环罚〔2026〕1号.pdf"
    assert "海环罚〔2026〕1号" in preview.windowTitle()
    preview.close()
