"""Accountability records: the form from a red clue (persons added and removed, errors at the
fields), the list and its filters, the unit concerned seeing its record read-only, amending;
and from a suggestion not answered in time."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.accountability import Measure
from desktop.store.supervision import list_accountability
from desktop.ui.supervision.accountability_form import AccountabilityForm
from desktop.ui.supervision.accountability_view import AccountabilityView
from tests.ui.conftest import MakeWorkspace
from tests.ui.supervision_kit import COMMISSION, EARLY, STREET_USER, issue, red_clue

WAIT = 30000


def confirm(qtbot: QtBot, form: AccountabilityForm) -> None:
    form.ok_button.click()
    box = form.confirm_box
    assert isinstance(box, QMessageBox)
    with qtbot.waitSignal(form.taken, timeout=WAIT):
        box.button(QMessageBox.StandardButton.Yes).click()


def test_recording_from_a_red_clue(qtbot: QtBot, make_record_desk: MakeWorkspace) -> None:
    commission = make_record_desk(COMMISSION)
    code = red_clue(commission)
    view = AccountabilityView(commission)
    qtbot.addWidget(view)
    assert view.rows == []
    form = view.open_record_form([code])
    assert isinstance(form, AccountabilityForm)
    lead = form.unit.value()
    assert lead  # the red clue's lead unit
    assert form.persons.table.rowCount() == 1  # one empty row to type in
    form.ok_button.click()
    form.confirm_box.button(QMessageBox.StandardButton.Yes).click()  # type: ignore[union-attr]
    assert "persons" in form.errors()  # no responsible person yet
    form.persons.table.item(0, 0).setText("王明")  # type: ignore[union-attr]
    form.persons.table.item(0, 1).setText("副主任")  # type: ignore[union-attr]
    row = form.persons.add_person("赵刚", "")
    assert row == 1
    form.measure.select(Measure.TALK_REMINDER.value)
    form.document_number.set_value("海纪问〔2026〕1号")
    form.ok_button.click()
    form.confirm_box.button(QMessageBox.StandardButton.Yes).click()  # type: ignore[union-attr]
    assert set(form.errors()) == {"persons"}  # the second person has no post
    form.persons.table.setCurrentCell(1, 0)
    form.persons.remove_current()
    confirm(qtbot, form)
    (record,) = list_accountability(commission.store)
    assert record.state.clue_codes == (code,) and record.state.unit_concerned == lead
    assert [(p.name, p.post) for p in record.state.persons] == [("王明", "副主任")]
    assert [r.state.record_id for r in view.rows] == [record.state.record_id]
    assert view.model.index(0, 3).data() == "谈话提醒"
    view.measure_combo.setCurrentIndex(view.measure_combo.findData("criticism"))
    assert view.rows == []
    view.measure_combo.setCurrentIndex(0)
    # the commission amends it; the detail shows the history
    view.view.setCurrentIndex(view.model.index(0, 0))
    dialog = view.open_current()
    assert dialog is not None and dialog.amend_button.isVisibleTo(dialog)
    amend = dialog.open_amend()
    assert amend is not None and amend.document_number.value() == "海纪问〔2026〕1号"
    amend.measure.select(Measure.CRITICISM.value)
    with qtbot.waitSignal(amend.taken, timeout=WAIT):
        amend.ok_button.click()
    assert dialog.history.rowCount() == 2
    assert list_accountability(commission.store)[0].state.measure is Measure.CRITICISM


def test_a_clue_that_is_not_red_is_refused_at_its_field(
    qtbot: QtBot, make_record_desk: MakeWorkspace
) -> None:
    commission = make_record_desk(COMMISSION)
    view = AccountabilityView(commission)
    qtbot.addWidget(view)
    form = view.open_record_form()
    assert form is not None
    form.unit.select("320706001")
    form.persons.table.item(0, 0).setText("王明")  # type: ignore[union-attr]
    form.persons.table.item(0, 1).setText("副主任")  # type: ignore[union-attr]
    form.measure.select(Measure.TALK_REMINDER.value)
    form.document_number.set_value("海纪问〔2026〕2号")
    form.ok_button.click()
    form.confirm_box.button(QMessageBox.StandardButton.Yes).click()  # type: ignore[union-attr]
    assert set(form.errors()) == {"clue_codes"}
    assert "三级预警" in form.errors()["clue_codes"]


def test_from_an_overdue_suggestion_and_seen_by_the_unit(
    qtbot: QtBot, make_record_desk: MakeWorkspace
) -> None:
    commission = make_record_desk(COMMISSION)
    sid = issue(commission, at=EARLY)
    view = AccountabilityView(commission)
    qtbot.addWidget(view)
    form = view.open_record_form(suggestion_id=sid)
    assert form is not None
    assert form.unit.value() == "320706001" and form.suggestion.value() == sid
    form.persons.table.item(0, 0).setText("王明")  # type: ignore[union-attr]
    form.persons.table.item(0, 1).setText("副主任")  # type: ignore[union-attr]
    form.measure.select(Measure.ORDERED_INSPECTION.value)
    form.document_number.set_value("海纪问〔2026〕3号")
    confirm(qtbot, form)
    street = AccountabilityView(make_record_desk(STREET_USER))
    qtbot.addWidget(street)
    assert len(street.rows) == 1 and not street.record_button.isVisibleTo(street)
    street.view.setCurrentIndex(street.model.index(0, 0))
    dialog = street.open_current()
    assert dialog is not None and not dialog.amend_button.isVisibleTo(dialog)
