"""The notice form's legal content (issue 12): the party's type with its own fields and the ID
number refused at its field, the problem kind filling the cited clauses and the basis, and the
clause map edited in its dialog and offered at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from desktop.domain.codes import Category
from desktop.domain.party import PartyType
from desktop.store.clause_map import load_clause_map
from desktop.store.notices import clue_category, load_notice, notices_of_clue
from desktop.ui.forms import ChoiceField
from desktop.ui.notices.clause_map_dialog import BASIS, KEYWORDS, NAME, VIOLATED
from desktop.ui.notices.notice_form import NoticeForm
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace, type_chinese
from tests.ui.test_notices_form import open_form, panel_on, replace_text, save, text_of
from tests.ui.test_notices_helpers import handling_clue

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

VALID_ID = "11010519491231002X"
INVALID_ID = "110105194912310021"


@pytest.fixture
def xinhai(make_workspace: MakeWorkspace) -> Workspace:
    return make_workspace("xinhai")


def choose(form: NoticeForm, key: str, value: str) -> None:
    field = form.field(key)
    assert isinstance(field, ChoiceField)
    field.combo.setCurrentIndex(field.combo.findData(value))


def test_the_party_type_shows_its_fields_and_the_id_number_is_checked_at_its_field(
    qtbot: QtBot, xinhai: Workspace
) -> None:
    clue = handling_clue(xinhai)
    panel = panel_on(qtbot, xinhai, clue)
    form = open_form(qtbot, panel)
    body = form.body
    assert form.field("party_type").value() == PartyType.ORGANISATION.value
    assert body.row_visible("legal_representative") and not body.row_visible("id_number")
    assert "你单位位于" in text_of(form, "facts")
    choose(form, "party_type", PartyType.INDIVIDUAL.value)
    assert body.row_visible("id_number") and not body.row_visible("credit_code")
    assert not body.row_visible("legal_representative") and not body.row_visible("operator")
    assert "对你位于" in text_of(form, "facts")  # the prefilled facts address a person
    replace_text(qtbot, form, "party_name", "王某某")
    replace_text(qtbot, form, "id_number", INVALID_ID)
    held = len(notices_of_clue(xinhai.store, clue))
    save(qtbot, form)
    assert form.isVisible()
    assert "校验位" in form.field("id_number").error_text()
    assert len(notices_of_clue(xinhai.store, clue)) == held
    replace_text(qtbot, form, "id_number", VALID_ID)
    with qtbot.waitSignal(panel.action_taken):
        save(qtbot, form)
    [notice] = [n for n in notices_of_clue(xinhai.store, clue) if n.content.party_name == "王某某"]
    assert notice.content.party_type == PartyType.INDIVIDUAL.value
    assert notice.content.id_number == VALID_ID
    assert notice.content.credit_code == "" and notice.content.legal_representative == ""


def test_a_sole_trader_has_an_operator(qtbot: QtBot, xinhai: Workspace) -> None:
    clue = handling_clue(xinhai)
    panel = panel_on(qtbot, xinhai, clue)
    form = open_form(qtbot, panel)
    choose(form, "party_type", PartyType.SOLE_TRADER.value)
    body = form.body
    assert body.row_visible("operator") and body.row_visible("id_number")
    assert body.row_visible("credit_code") and not body.row_visible("legal_representative")
    replace_text(qtbot, form, "party_name", "老王烧烤店")
    replace_text(qtbot, form, "operator", "王建国")
    replace_text(qtbot, form, "id_number", VALID_ID)
    with qtbot.waitSignal(panel.action_taken):
        save(qtbot, form)
    [notice] = [n for n in notices_of_clue(xinhai.store, clue) if n.content.operator]
    assert notice.content.operator == "王建国" and notice.content.party_type == "sole_trader"


def test_choosing_a_problem_kind_fills_the_clauses_the_user_may_still_edit(
    qtbot: QtBot, xinhai: Workspace
) -> None:
    clue = handling_clue(xinhai)
    category = clue_category(xinhai.store, clue)
    panel = panel_on(qtbot, xinhai, clue)
    form = open_form(qtbot, panel)
    problem = form.field("problem_kind")
    assert isinstance(problem, ChoiceField)
    offered = [str(problem.combo.itemData(i)) for i in range(problem.combo.count())]
    rows = load_clause_map(xinhai.store)
    assert offered and all(rows.get(key) is not None for key in offered)
    assert all(rows.get(key).fits(str(category)) for key in offered)  # type: ignore[union-attr]
    for key in offered:
        choose(form, "problem_kind", key)
        row = rows.get(key)
        assert row is not None
        assert form.clauses.value() == list(row.violated)
        assert form.basis.value() == []  # a street holds no power under these laws
        assert "移送" in text_of(form, "consequences")
    form.clauses.set_ids(["hbf-42"])  # the user edits the citation
    with qtbot.waitSignal(panel.action_taken):
        save(qtbot, form)
    notice = notices_of_clue(xinhai.store, clue)[-1]
    assert notice.content.clause_ids == ("hbf-42",)
    assert notice.content.problem_kind == offered[-1]


def test_a_row_edited_in_the_map_dialog_is_offered_and_cited(
    qtbot: QtBot, xinhai: Workspace
) -> None:
    clue = handling_clue(xinhai)
    category = str(clue_category(xinhai.store, clue))
    panel = panel_on(qtbot, xinhai, clue)
    form = open_form(qtbot, panel)
    qtbot.mouseClick(form.map_button, Qt.MouseButton.LeftButton)
    dialog = form.map_editor
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    index = dialog.add_row(None)
    table = dialog.table
    table.item(index, NAME).setText("测试问题类型")
    box = table.cellWidget(index, 1)
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData(category))
    table.item(index, VIOLATED).setText("hbf-42、nope-1")
    table.item(index, BASIS).setText("")
    table.item(index, KEYWORDS).setText("测试")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # an unknown clause is refused, naming its column
    assert "违反条款" in dialog.error_label.text() and "nope-1" in dialog.error_label.text()
    table.item(index, VIOLATED).setText("hbf-42")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = next(r for r in load_clause_map(xinhai.store).rows if r.name == "测试问题类型")
    assert row.category == category and row.violated == ("hbf-42",)
    problem = form.field("problem_kind")
    assert isinstance(problem, ChoiceField)
    assert problem.combo.findData(row.key) >= 0  # offered at once
    choose(form, "problem_kind", row.key)
    assert form.clauses.value() == ["hbf-42"]
    type_chinese(form.field("facts").editor, "现场发现测试问题。")
    with qtbot.waitSignal(panel.action_taken):
        save(qtbot, form)
    notice = notices_of_clue(xinhai.store, clue)[-1]
    stored = load_notice(xinhai.store, notice.notice_id)
    assert stored is not None and stored.content.problem_kind == row.key
    assert Category(category)  # a real category
