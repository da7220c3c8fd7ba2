"""The commissions' records in the main window: the keys that show them, 发出建议… and 登记问责…
on the clue shown, a clue of a suggestion opening in the queue."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.store.clue_detail import clue_id_by_code
from desktop.ui.supervision.accountability_form import AccountabilityForm
from desktop.ui.supervision.issue_form import IssueSuggestionForm
from tests.ui.conftest import MakeWorkspace
from tests.ui.supervision_kit import COMMISSION, STREET_USER, issue, red_clue
from tests.ui.test_main_window import open_window

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")
WAIT = 30000


def test_the_commission_works_from_the_window(
    qtbot: QtBot, make_record_desk: MakeWorkspace, tmp_path: Path
) -> None:
    commission = make_record_desk(COMMISSION)
    issue(commission)
    window = open_window(qtbot, commission, tmp_path / "settings.ini")
    QTest.keyClick(
        window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert window.centre.currentWidget() is window.suggestions_view
    qtbot.waitUntil(lambda: window.suggestions_view.model.rowCount() == 1, timeout=WAIT)
    QTest.keyClick(
        window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert window.centre.currentWidget() is window.accountability_view
    code = red_clue(commission)
    window.detail.show_clue(clue_id_by_code(commission.store, code))
    qtbot.waitUntil(lambda: window.shown_clue_code() == code, timeout=WAIT)
    form = window.issue_suggestion_on_clue()
    assert isinstance(form, IssueSuggestionForm) and form.clue_codes() == [code]
    form.reject()
    record = window.record_accountability_on_clue()
    assert isinstance(record, AccountabilityForm) and record.clues.value() == code
    record.reject()
    # a clue of a suggestion opens in the queue
    window.suggestions_view.clue_requested.emit(code)
    qtbot.waitUntil(lambda: window.shown_clue_code() == code, timeout=WAIT)


def test_a_unit_has_no_commission_actions(
    qtbot: QtBot, make_record_desk: MakeWorkspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, make_record_desk(STREET_USER), tmp_path / "settings.ini")
    assert not window.clue_suggestion_action.isVisible()
    assert window.issue_suggestion_on_clue() is None
    assert window.suggestions_action.text() == "待答复的建议"
