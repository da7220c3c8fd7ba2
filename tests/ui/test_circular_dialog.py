"""The compose dialog of the monthly circular (月度通报): the scopes each user may compose for,
the figures computed in a worker, praise and criticism from the table, the number from the
office's block (taken once, when saved), the PDF and the workbook written in workers, the
preview, a bad number named, Ctrl+Alt+T in the window for the offices only; 1024×768."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.circular import Mention, Month
from desktop.store.circular import circular_data
from desktop.store.number_blocks import CIRCULAR_SERIES, number_stock, save_number_block
from desktop.ui.circular import CIRCULAR_KEY, CircularDialog, may_compose
from desktop.ui.circular.dialog import months_before, scopes_for
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import SyncController
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

WAIT = 120_000
"""Statistics and a PDF on a busy machine: generous."""
OCTOBER = Month(2026, 10)


def ready(qtbot: QtBot, dialog: CircularDialog) -> None:
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=WAIT)


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout.replace(" ", "").replace("\n", "")


def _dialog(qtbot: QtBot, workspace: Workspace) -> CircularDialog:
    dialog = CircularDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    ready(qtbot, dialog)
    return dialog


def test_who_may_compose_and_for_which_scope(make_workspace: MakeWorkspace) -> None:
    county, city = make_workspace("haizhou"), make_workspace("city")
    township, commission = make_workspace("xinhai"), make_workspace("hzjw")
    assert may_compose(county) and may_compose(city) and may_compose(commission)
    assert not may_compose(township)
    assert [s.county for s in scopes_for(county)] == ["320706"]
    assert [s.label for s in scopes_for(commission)] == ["海州区"]
    city_scopes = scopes_for(city)
    assert city_scopes[0].county is None and len(city_scopes) == 10  # 全市, then 9 areas
    months = months_before(county.now().date())
    assert months[0] == Month(2026, 10) and months[-1] == Month(2026, 11)


def test_compose_save_and_export_a_county_circular(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = make_workspace("haizhou")
    block = {"block_id": 77, "unit_code": "320706", "year": 2026, "first": 4, "last": 6}
    save_number_block(workspace.store, {**block, "series": CIRCULAR_SERIES})
    dialog = _dialog(qtbot, workspace)
    assert dialog.width() <= 1024 and dialog.height() <= 768
    data = dialog.data
    assert data is not None and data.month == OCTOBER and len(data.rows) == 31
    expected = circular_data(workspace.store, OCTOBER, workspace.now(), county="320706")
    assert [r.name for r in data.rows] == [r.name for r in expected.rows]
    assert dialog.table.rowCount() == 31
    assert dialog.number_edit.text() == "海攻坚通〔2026〕4号"  # the block's next, not yet taken
    assert number_stock(workspace.store, "320706", 2026, CIRCULAR_SERIES) == 3
    dialog.choose("320706001", Mention.PRAISE, "签收及时，办结率高")
    dialog.choose(data.rows[-1].code, Mention.CRITICISM, "")
    pdf = tmp_path / "通报.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_pdf(pdf)
    text = _text(pdf)
    assert "海攻坚通〔2026〕4号" in text
    assert "关于2026年10月海州区污染防治线索办理情况的通报" in text
    assert "新海街道。签收及时，办结率高。" in text
    assert f"{data.rows[-1].name}。" in text
    assert number_stock(workspace.store, "320706", 2026, CIRCULAR_SERIES) == 2
    again = tmp_path / "again.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_pdf(again)  # the same circular keeps its number
    assert "海攻坚通〔2026〕4号" in _text(again)
    assert number_stock(workspace.store, "320706", 2026, CIRCULAR_SERIES) == 2
    xlsx = tmp_path / "通报.xlsx"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_xlsx(xlsx)
    book = load_workbook(xlsx)
    received = [r[2] for r in book["表1 办理情况"].iter_rows(3, values_only=True) if r[1]]
    assert received[: len(data.rows)] == [r.count("received") for r in data.rows]
    named = list(book["表扬和批评"].iter_rows(3, values_only=True))
    assert named[0] == ("表扬", "新海街道", "签收及时，办结率高")


def test_a_bad_number_is_named_and_nothing_is_written(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, make_workspace("haizhou"))
    dialog.number_edit.setText("第三号")
    dialog.save_pdf(tmp_path / "x.pdf")
    assert "文号「第三号」无效" in dialog.status_label.text()
    assert not (tmp_path / "x.pdf").exists()
    dialog.number_edit.setText("")  # empty: a draft
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_pdf(tmp_path / "draft.pdf")
    assert "（草稿，未编号）" in _text(tmp_path / "draft.pdf")


def test_the_city_circular_and_its_preview(qtbot: QtBot, make_workspace: MakeWorkspace) -> None:
    dialog = _dialog(qtbot, make_workspace("city"))
    assert dialog.county is None and dialog.data is not None and len(dialog.data.rows) == 9
    dialog.scope_combo.setCurrentIndex(1)  # a county of the city
    qtbot.waitUntil(
        lambda: dialog.data is not None and dialog.data.level.value == "county", timeout=WAIT
    )
    dialog.scope_combo.setCurrentIndex(0)
    qtbot.waitUntil(
        lambda: dialog.data is not None and dialog.data.level.value == "city", timeout=WAIT
    )
    preview = dialog.open_preview()
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pdf is not None, timeout=WAIT)
    assert preview.pane.page_count() >= 3


def test_ctrl_alt_t_in_the_window_for_the_offices_only(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    for username, allowed in (("haizhou", True), ("xinhai", False)):
        workspace = make_workspace(username)
        settings = AppSettings(
            QSettings(str(tmp_path / f"{username}.ini"), QSettings.Format.IniFormat)
        )
        window = MainWindow(workspace, SyncController(workspace, None), settings)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # noqa: B023
        action = window.circular_action
        assert action.shortcut() == QKeySequence(CIRCULAR_KEY)
        assert action.isVisible() is allowed and action.isEnabled() is allowed
        if allowed:
            qtbot.keyClick(
                window,
                Qt.Key.Key_T,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
            )
            qtbot.waitUntil(lambda: window.circular_dialog is not None, timeout=WAIT)  # noqa: B023
            assert window.circular_dialog is not None
            ready(qtbot, window.circular_dialog)
            window.circular_dialog.close()
        else:
            assert window.open_circular() is None
