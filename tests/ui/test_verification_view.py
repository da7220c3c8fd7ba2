"""The 每周核查 view: drawing a week's sample shows the store's batch, results are recorded
through the form (a failure needs evidence, named at its field, and sends the clue back to
handling), the filters, the week's report as PDF and .xlsx, the plan remembered, and the
keyboard (Ctrl+Alt+V, Enter, Ctrl+Enter, Esc)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.verification import (
    ItemStatus,
    Quota,
    SamplePlan,
    VerificationResult,
    draw_sample,
    week_key,
)
from desktop.store.verification import office_batches, week_candidates, worklist
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import SyncController
from desktop.ui.verification.plan_dialog import saved_plan
from desktop.ui.verification.record_form import VerificationForm
from desktop.ui.verification.report_export import ReportFormat
from desktop.ui.verification.view import VerificationView
from desktop.ui.workspace import Workspace
from tests.conftest import NOW
from tests.ui.conftest import MakeWorkspace, type_chinese
from tests.ui.loop_kit import HAIZHOU, XINHAI, photo, status_of, walk
from tests.ui.test_main_window import open_window

THIS_WEEK = week_key(NOW.date())
XINGFU = "320706002"
"""幸福路街道 of 海州区, a second lead unit."""
PLAN = SamplePlan(Quota(percent=50), {XINGFU: Quota(count=2)})


def closed_clues(workspace: Workspace) -> list[str]:
    """Eight clues of 海州区 closed this week: six by 新海街道, two by 幸福路街道, of two
    channels."""
    store = workspace.store
    codes = [
        walk(store, "closed", channel=("daily_inspection", "hotline_12345")[n % 2])
        for n in range(6)
    ]
    codes += [walk(store, "closed", lead=XINGFU) for _ in range(2)]
    return codes


def settings_at(folder: Path) -> AppSettings:
    return AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def desk(fresh_desk: MakeWorkspace) -> Workspace:
    workspace = fresh_desk("haizhou")
    closed_clues(workspace)
    return workspace


def open_view(qtbot: QtBot, workspace: Workspace, folder: Path) -> VerificationView:
    view = VerificationView(workspace, settings_at(folder))
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    view.set_week(THIS_WEEK)
    return view


def drawn(qtbot: QtBot, view: VerificationView) -> str:
    """Draw with PLAN by the button; the batch's id."""
    view.set_plan(PLAN)
    before = {b.batch_id for b in view.batches}
    qtbot.mouseClick(view.draw_button, Qt.MouseButton.LeftButton)
    (batch,) = [b for b in view.batches if b.batch_id not in before]
    return batch.batch_id


def form_of(qtbot: QtBot, view: VerificationView, code: str) -> VerificationForm:
    """Select the item of `code` and press Enter: the record form."""
    assert view.select(code)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    form = view.dialog
    assert isinstance(form, VerificationForm)
    qtbot.waitUntil(form.isVisible)
    return form


def submit(qtbot: QtBot, form: VerificationForm) -> None:
    """Ctrl+Enter in the note field."""
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.note.editor.setFocus()
    qtbot.keyClick(form.note.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def status_column(view: VerificationView) -> dict[str, ItemStatus]:
    return {item.clue_code: item.status for item in view.rows()}


def test_drawing_shows_the_store_batch_reproducible_from_its_seed(
    qtbot: QtBot, desk: Workspace, tmp_path: Path
) -> None:
    view = open_view(qtbot, desk, tmp_path)
    assert view.model.rowCount() == 0
    assert "尚未抽取" in view.batch_label.text()
    candidates = week_candidates(desk.store, HAIZHOU, THIS_WEEK)
    batch_id = drawn(qtbot, view)
    (batch,) = office_batches(desk.store, HAIZHOU, THIS_WEEK)
    store_items = worklist(desk.store, batch_id)
    assert [i.clue_code for i in view.rows()] == [i.clue_code for i in store_items]
    assert [i.clue_code for i in store_items] == [
        c.code for c in draw_sample(candidates, PLAN, batch.seed)
    ]
    assert len(store_items) == 3 + 2  # half of 新海街道's six, two of 幸福路街道's
    assert f"随机种子 {batch.seed}" in view.batch_label.text()
    assert "待上传" in view.batch_label.text()
    assert str(batch.seed) in view.message_text()
    assert set(status_column(view).values()) == {ItemStatus.TO_VERIFY}
    assert saved_plan(settings_at(tmp_path)) == PLAN  # remembered for next week
    again = VerificationView(desk, settings_at(tmp_path))
    qtbot.addWidget(again)
    assert again.plan == PLAN
    assert "50%" in again.plan_label.text()


def test_a_pass_and_a_failure_recorded_through_the_form(
    qtbot: QtBot, desk: Workspace, tmp_path: Path
) -> None:
    view = open_view(qtbot, desk, tmp_path)
    drawn(qtbot, view)
    first, second = view.rows()[0].clue_code, view.rows()[1].clue_code

    form = form_of(qtbot, view, first)
    form.verdict.select(VerificationResult.PASSED.value)
    submit(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert status_column(view)[first] is ItemStatus.PASSED
    assert view.selected_item() is not None and view.selected_item().clue_code == first

    form = form_of(qtbot, view, second)
    form.verdict.select(VerificationResult.INCOMPLETE.value)
    assert form.body.row_labels["note"].text().endswith("*")  # required for a failure
    submit(qtbot, form)
    assert form.isVisible()
    assert form.note.error_text()  # the note first
    type_chinese(form.note.editor, "围挡未恢复，扬尘依旧")
    submit(qtbot, form)
    assert form.isVisible()
    assert form.files.error_text() == "核查不合格须附佐证材料"
    assert "佐证材料" in form.body.banner_text()
    assert form.note.value() == "围挡未恢复，扬尘依旧"  # nothing typed is lost
    form.files.add_files([photo(tmp_path)])
    submit(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert status_column(view)[second] is ItemStatus.REWORK
    row = next(i for i in view.rows() if i.clue_code == second)
    assert row.last is not None and row.last.pending and row.last.note == "围挡未恢复，扬尘依旧"
    assert status_of(desk.store, second) == "handling"  # 核查不合格 on the local view
    assert status_of(desk.store, first) == "closed"
    view.select(second)
    assert not view.record_button.isEnabled()  # in rework: nothing to record until closed again


def test_the_filters(qtbot: QtBot, desk: Workspace, tmp_path: Path) -> None:
    view = open_view(qtbot, desk, tmp_path)
    drawn(qtbot, view)
    items = view.rows()
    form = form_of(qtbot, view, items[0].clue_code)
    form.verdict.select(VerificationResult.PASSED.value)
    submit(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible())

    view.result_combo.setCurrentIndex(view.result_combo.findData("none"))
    assert len(view.rows()) == len(items) - 1
    view.result_combo.setCurrentIndex(view.result_combo.findData("passed"))
    assert [i.clue_code for i in view.rows()] == [items[0].clue_code]
    view.clear_filters()
    view.status_combo.setCurrentIndex(view.status_combo.findData(ItemStatus.TO_VERIFY.value))
    assert len(view.rows()) == len(items) - 1
    view.clear_filters()
    view.unit_combo.setCurrentIndex(view.unit_combo.findData(XINGFU))
    assert {i.unit_code for i in view.rows()} == {XINGFU} and len(view.rows()) == 2
    view.clear_filters()
    view.search.setText(items[3].clue_code[-6:].lower())
    view.apply_filter()
    assert [i.clue_code for i in view.rows()] == [items[3].clue_code]
    assert "显示 1 / 共 5 件" in view.count_label.text()
    view.clear_filters()
    assert len(view.rows()) == len(items)
    assert {i.unit_code for i in view.rows()} == {XINHAI, XINGFU}


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_the_report_buttons_write_the_tally(qtbot: QtBot, desk: Workspace, tmp_path: Path) -> None:
    view = open_view(qtbot, desk, tmp_path)
    drawn(qtbot, view)
    codes = [i.clue_code for i in view.rows()]
    verdicts = [VerificationResult.PASSED, VerificationResult.PASSED, VerificationResult.IRREGULAR]
    for code, verdict in zip(codes, verdicts, strict=False):
        form = form_of(qtbot, view, code)
        form.verdict.select(verdict.value)
        if verdict.failed:
            type_chinese(form.note.editor, "未按规定现场复查")
            form.files.add_files([photo(tmp_path)])
        submit(qtbot, form)
        qtbot.waitUntil(lambda form=form: not form.isVisible())
    tally = ["5", "2", "1", "0", "2"]  # drawn, passed, irregular, incomplete, pending
    dialog = view.choose_export(ReportFormat.PDF)
    assert dialog.windowTitle() == "导出核查报告"
    dialog.close()

    pdf = tmp_path / "第48周核查报告"  # the suffix is added
    with qtbot.waitSignal(view.exported, timeout=60000) as done:
        view.export(ReportFormat.PDF, pdf)
    assert done.args == [tmp_path / "第48周核查报告.pdf"]
    text = pdf_text(done.args[0])
    assert "第48周线索核查情况报告" in text
    total = next(line for line in text.splitlines() if line.strip().startswith("合计"))
    assert total.split()[1:6] == tally
    assert "未按规定现场复查" in text
    assert "已导出" in view.message_text()

    book = tmp_path / "核查.xlsx"
    with qtbot.waitSignal(view.exported, timeout=60000):
        qtbot.mouseClick(view.xlsx_button, Qt.MouseButton.LeftButton)
        view.dialog.close()  # the file dialog the button opened
        view.export(ReportFormat.XLSX, book)
    sheet = load_workbook(book)["各单位核查情况"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    total_row = next(row for row in rows if row and row[0] == "合计")
    assert [str(v) for v in total_row[1:6]] == tally
    assert total_row[6] == pytest.approx(2 / 3)


def test_an_export_that_cannot_be_written_says_why(
    qtbot: QtBot, desk: Workspace, tmp_path: Path
) -> None:
    view = open_view(qtbot, desk, tmp_path)
    drawn(qtbot, view)
    target = tmp_path / "没有的文件夹" / "报告.xlsx"
    view.export(ReportFormat.XLSX, target)
    qtbot.waitUntil(lambda: "导出失败" in view.message_text(), timeout=60000)
    assert view.xlsx_button.isEnabled()
    assert not target.exists()


def test_redrawing_asks_and_is_refused_once_a_result_is_recorded(
    qtbot: QtBot, desk: Workspace, tmp_path: Path
) -> None:
    view = open_view(qtbot, desk, tmp_path)
    assert not view.redraw_button.isEnabled()
    drawn(qtbot, view)
    (before,) = view.batches
    assert view.redraw_button.isEnabled()
    box = view.ask_redraw()
    assert isinstance(box, QMessageBox)
    assert str(before.seed) in box.text()
    again = next(b for b in box.buttons() if b.text() == "重新抽取")
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.batches[0].seed != before.seed)
    (after,) = view.batches
    assert after.batch_id == before.batch_id
    assert f"随机种子 {after.seed}" in view.message_text()
    form = form_of(qtbot, view, view.rows()[0].clue_code)
    form.verdict.select(VerificationResult.PASSED.value)
    submit(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert not view.redraw_button.isEnabled()
    assert view.redraw(after.batch_id) is None
    assert "不能重新抽取" in view.message_text()


def test_a_second_draw_takes_only_the_clues_left(
    qtbot: QtBot, desk: Workspace, tmp_path: Path
) -> None:
    view = open_view(qtbot, desk, tmp_path)
    first = drawn(qtbot, view)
    second = drawn(qtbot, view)
    one = {i.clue_code for i in worklist(desk.store, first)}
    two = {i.clue_code for i in worklist(desk.store, second)}
    assert one and two and not one & two
    assert len(view.rows()) == len(one) + len(two)
    view.set_plan(SamplePlan(Quota(percent=100)))
    view.draw()
    view.draw()  # nothing left
    assert "没有可抽取" in view.message_text()


def test_escape_asks_before_dropping_what_was_typed(
    qtbot: QtBot, desk: Workspace, tmp_path: Path
) -> None:
    view = open_view(qtbot, desk, tmp_path)
    drawn(qtbot, view)
    form = form_of(qtbot, view, view.rows()[0].clue_code)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible())  # nothing typed: closes at once
    form = form_of(qtbot, view, view.rows()[0].clue_code)
    type_chinese(form.note.editor, "备注")
    qtbot.keyClick(form.note.editor, Qt.Key.Key_Escape)
    assert form.isVisible() and form.confirmation is not None
    keep = next(b for b in form.confirmation.buttons() if b.text() == "继续填写")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.note.value() == "备注"
    form.reject()
    assert form.confirmation is not None
    discard = next(b for b in form.confirmation.buttons() if b.text() == "放弃")
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert status_column(view)[view.rows()[0].clue_code] is ItemStatus.TO_VERIFY


def test_the_worklist_refreshes_when_the_store_changes(
    qtbot: QtBot, desk: Workspace, tmp_path: Path
) -> None:
    from desktop.store.verification import draw_batch

    view = open_view(qtbot, desk, tmp_path)
    assert view.model.rowCount() == 0
    draw_batch(desk.store, "haizhou", "another-pc", THIS_WEEK, PLAN, seed=7)  # e.g. a sync
    with qtbot.waitSignal(view.refreshed):
        desk.events.clues_changed.emit()
    assert view.model.rowCount() == 5
    assert "随机种子 7" in view.batch_label.text()


def test_ctrl_alt_v_opens_the_view_for_a_dispatching_office_only(
    qtbot: QtBot, desk: Workspace, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, desk, tmp_path / "settings.ini")
    assert window.verification_action.isEnabled()
    qtbot.keyClick(
        window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    view = window.verification_view
    assert view is not None and window.centre.currentWidget() is view
    assert window.navigation.current_entry() is not None
    assert window.navigation.model.name(window.navigation.current_entry()) == "每周核查"
    assert view.week() == "2026-W47"  # last week by default
    view.set_week(THIS_WEEK)
    view.set_plan(PLAN)
    view.draw()
    code = view.rows()[0].clue_code
    view.select(code)
    qtbot.waitUntil(lambda: window.detail.detail is not None and window.detail.detail.code == code)

    handler = fresh_desk("xinhai")
    other = MainWindow(handler, SyncController(handler, None), settings_at(tmp_path / "x"))
    qtbot.addWidget(other)
    assert not other.verification_action.isEnabled()
    assert not other.navigation.select_verification()
