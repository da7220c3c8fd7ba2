"""The suggestion windows: the commission's list and its filters, issuing from a clue with an
error shown at its field, the unit's reply with a file, the commission sending back and
accepting — each on a real store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.suggestions import SuggestionAction, SuggestionStatus
from desktop.store.attachments import attachment_path
from desktop.store.supervision import load_suggestion, reply_to_suggestion
from desktop.ui.forms.fields import TextField
from desktop.ui.supervision.areas import waiting_suggestions
from desktop.ui.supervision.issue_form import IssueSuggestionForm
from desktop.ui.supervision.suggestion_detail import SuggestionDetailDialog
from desktop.ui.supervision.suggestion_forms import AcceptForm, ReplyForm, SendBackForm
from desktop.ui.supervision.suggestion_model import Column
from desktop.ui.supervision.suggestions_view import SuggestionsView
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace
from tests.ui.supervision_kit import (
    COMMISSION,
    EARLY,
    OTHER_STREET,
    STREET,
    STREET_USER,
    issue,
    street_clues,
)

WAIT = 30000


def shown(qtbot: QtBot, view: SuggestionsView) -> list[str]:
    qtbot.waitUntil(lambda: not view.model.loading, timeout=WAIT)
    return [view.model.index(row, Column.NUMBER).data() for row in range(view.model.rowCount())]


def test_the_commission_lists_and_filters_its_suggestions(
    qtbot: QtBot, make_record_desk: MakeWorkspace
) -> None:
    commission = make_record_desk(COMMISSION)
    issue(commission, number="海监建〔2026〕1号", at=EARLY)  # 5 days: long overdue
    issue(
        commission,
        kind="discipline",
        number="海纪建〔2026〕2号",
        addressed_unit=OTHER_STREET,
        reply_days=30,
    )
    view = SuggestionsView(commission)
    qtbot.addWidget(view)
    assert sorted(shown(qtbot, view)) == ["海监建〔2026〕1号", "海纪建〔2026〕2号"]
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("discipline"))
    assert shown(qtbot, view) == ["海纪建〔2026〕2号"]
    view.kind_combo.setCurrentIndex(0)
    view.overdue_check.setChecked(True)
    assert shown(qtbot, view) == ["海监建〔2026〕1号"]
    row = view.model.row_of(view.model.line(0).state.suggestion_id)
    assert view.model.index(row, Column.WARNING).data().startswith("■")
    assert "答复逾期" in view.model.index(row, Column.STATUS).data()
    view.overdue_check.setChecked(False)
    view.unit_combo.setCurrentIndex(view.unit_combo.findData(OTHER_STREET))
    assert shown(qtbot, view) == ["海纪建〔2026〕2号"]
    assert view.model.index(0, Column.SUBJECT).data() == "整体工作"
    # the addressed unit sees only what is addressed to it, and counts what waits for it
    street = make_record_desk(STREET_USER)
    unit_view = SuggestionsView(street)
    qtbot.addWidget(unit_view)
    assert shown(qtbot, unit_view) == ["海监建〔2026〕1号"]
    assert not unit_view.issue_button.isVisibleTo(unit_view)
    assert waiting_suggestions(street) == 1


def test_issuing_from_a_clue_shows_the_error_at_its_field(
    qtbot: QtBot, make_record_desk: MakeWorkspace
) -> None:
    commission = make_record_desk(COMMISSION)
    code = street_clues(commission.store)[0]
    view = SuggestionsView(commission)
    qtbot.addWidget(view)
    form = view.open_issue([code])
    assert isinstance(form, IssueSuggestionForm)
    assert form.unit.value() == STREET  # the clue's lead unit
    assert form.subject_label.text() == "一条线索"
    assert isinstance(form.number, TextField) and isinstance(form.title_field, TextField)
    form.number.set_value("海纪建〔2025〕7号")  # the year differs from the issue date's
    form.title_field.set_value("关于督促加强线索签收办理工作的纪律检查建议")
    form.text.set_value("签收不及时。")  # type: ignore[attr-defined]
    form.requests.set_value("立即签收\n明确专人负责")  # type: ignore[attr-defined]
    form.basis.set_value("《中国共产党纪律检查机关监督执纪工作规则》第十四条")  # type: ignore[attr-defined]
    form.ok_button.click()
    assert set(form.errors()) == {"number"}
    assert "2025" in form.field("number").error_text()
    assert form.isVisible()
    form.number.set_value("海纪建〔2026〕7号")
    with qtbot.waitSignal(form.taken, timeout=WAIT) as taken:
        form.ok_button.click()
    detail = load_suggestion(commission.store, taken.args[0].record_id)
    assert detail is not None
    assert detail.state.clue_codes == (code,) and detail.state.addressed_unit == STREET
    assert detail.state.reply_days == 10
    assert detail.state.text.endswith("建议事项：\n立即签收\n明确专人负责")
    qtbot.waitUntil(lambda: view.current_id() == taken.args[0].record_id, timeout=WAIT)


def open_detail(qtbot: QtBot, workspace: Workspace, suggestion_id: str) -> SuggestionDetailDialog:
    dialog = SuggestionDetailDialog(workspace, suggestion_id)
    qtbot.addWidget(dialog)
    return dialog


def test_the_unit_replies_with_a_file(
    qtbot: QtBot, make_record_desk: MakeWorkspace, tmp_path: Path
) -> None:
    sid = issue(make_record_desk(COMMISSION))
    street = make_record_desk(STREET_USER)
    dialog = open_detail(qtbot, street, sid)
    assert list(dialog.action_buttons) == [SuggestionAction.REPLY]
    form = dialog.open_form(SuggestionAction.REPLY)
    assert isinstance(form, ReplyForm)
    form.ok_button.click()
    assert set(form.errors()) == {"reply"}  # the reply is required
    proof = tmp_path / "整改照片.jpg"
    proof.write_bytes(b"\xff\xd8proof")
    form.reply.set_value("已建立签收台账，专人负责。")  # type: ignore[attr-defined]
    form.files.add_files([proof])
    with qtbot.waitSignal(form.taken, timeout=WAIT):
        form.ok_button.click()
    detail = load_suggestion(street.store, sid)
    assert detail is not None and detail.state.status is SuggestionStatus.REPLIED
    (reply,) = detail.state.replies
    assert [f.name for f in reply.attachments] == ["整改照片.jpg"]
    assert (
        attachment_path(street.store, reply.attachments[0].sha256).read_bytes() == b"\xff\xd8proof"
    )
    assert dialog.action_buttons == {}  # nothing more for the unit until the review
    head = dialog.replies.topLevelItem(0)
    assert head is not None and "已建立签收台账" in head.text(0)
    opened: list[QUrl] = []
    dialog.opener = lambda url: opened.append(url) or True
    file_item = head.child(0)
    assert file_item.text(0) == "附件：整改照片.jpg"
    dialog._reply_item_activated(file_item)
    assert len(opened) == 1 and Path(opened[0].toLocalFile()).read_bytes() == b"\xff\xd8proof"


def test_the_commission_sends_back_then_accepts(
    qtbot: QtBot, make_record_desk: MakeWorkspace
) -> None:
    commission = make_record_desk(COMMISSION)
    street = make_record_desk(STREET_USER)
    sid = issue(commission)
    reply_to_suggestion(
        street.store, street.username, street.device_id, sid, "已整改", now=street.now()
    )
    dialog = open_detail(qtbot, commission, sid)
    assert set(dialog.action_buttons) == {SuggestionAction.ACCEPT, SuggestionAction.SEND_BACK}
    back = dialog.open_form(SuggestionAction.SEND_BACK)
    assert isinstance(back, SendBackForm)
    back.ok_button.click()
    assert set(back.errors()) == {"note"}  # a reason is required
    back.note.set_value("缺少整改前后对比照片。")  # type: ignore[attr-defined]
    back.new_deadline.setChecked(True)
    back.days.spin.setValue(3)
    with qtbot.waitSignal(back.taken, timeout=WAIT):
        back.ok_button.click()
    returned = load_suggestion(commission.store, sid)
    assert returned is not None and returned.state.status is SuggestionStatus.RETURNED
    assert returned.state.reply_days == 3 and returned.state.review_note == "缺少整改前后对比照片。"
    assert set(dialog.action_buttons) == {SuggestionAction.RESET_DEADLINE}
    reply_to_suggestion(
        street.store, street.username, street.device_id, sid, "已补充照片", now=street.now()
    )
    dialog.reload()
    accept = dialog.open_form(SuggestionAction.ACCEPT)
    assert isinstance(accept, AcceptForm)
    accept.ok_button.click()
    box = accept.confirm_box
    assert isinstance(box, QMessageBox) and "不能撤回" in box.text()
    with qtbot.waitSignal(accept.taken, timeout=WAIT):
        box.button(QMessageBox.StandardButton.Yes).click()
    final = load_suggestion(commission.store, sid)
    assert final is not None and final.state.status is SuggestionStatus.ACCEPTED
    assert [h.action for h in final.history] == ["issue", "reply", "send_back", "reply", "accept"]
    assert dialog.history.rowCount() == 5
    assert dialog.history.item(2, 4).text() == "缺少整改前后对比照片。"
    # People by their names, not their login names.
    replier = commission.person_name(final.history[1].username)
    assert replier != final.history[1].username
    assert dialog.history.item(1, 2).text() == replier
    assert dialog.replies.topLevelItem(0).text(2) == replier  # type: ignore[union-attr]
    assert dialog.action_buttons == {}


def test_navigation_counts_the_suggestions_waiting(
    qtbot: QtBot, make_record_desk: MakeWorkspace
) -> None:
    from desktop.ui.navigation import SUGGESTIONS, CountRole, NavigationPanel

    commission = make_record_desk(COMMISSION)
    sid = issue(commission)
    street = make_record_desk(STREET_USER)
    panel = NavigationPanel(street)
    qtbot.addWidget(panel)
    index = panel.model.index(panel.model.row_of(SUGGESTIONS))
    assert index.data() == "待答复的建议" and index.data(CountRole) == 1
    reply_to_suggestion(
        street.store, street.username, street.device_id, sid, "已整改", now=street.now()
    )
    street.events.clues_changed.emit()
    qtbot.waitUntil(lambda: index.data(CountRole) == 0, timeout=WAIT)
    board = NavigationPanel(commission)
    qtbot.addWidget(board)
    mine = board.model.index(board.model.row_of(SUGGESTIONS))
    assert mine.data() == "建议与督办" and mine.data(CountRole) == 1  # a reply to review
    with qtbot.waitSignal(board.suggestions_selected, timeout=WAIT):
        board.select_suggestions()
