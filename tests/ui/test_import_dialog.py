"""导入线索清单: the dialog maps a list's columns, shows every row's result before writing
anything (rejected rows in red with field and reason), imports the whole valid rows once,
remembers the mapping per channel and exports its report; the window offers it (Ctrl+Alt+I)
to tackling offices' dispatchers only."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush, QKeySequence
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.domain.codes import Channel
from desktop.domain.import_rows import RowStatus
from desktop.store.models import ImportMapping, OutboxAction
from desktop.ui.intake_import import IMPORT_KEY, ImportDialog
from desktop.ui.intake_import.mapping_editor import NOT_IMPORTED
from desktop.ui.intake_import.report_model import REJECTED_COLOUR
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import SyncController
from desktop.ui.workspace import Workspace
from tests.conftest import NOW
from tests.import_kit import Expected, write_nasty_list
from tests.ui.conftest import MakeWorkspace

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

DAY = NOW - timedelta(days=1)
WAIT = 30000


def open_dialog(qtbot: QtBot, workspace: Workspace) -> ImportDialog:
    dialog = ImportDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def load(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0 and not dialog.busy, timeout=WAIT)
    qtbot.waitUntil(lambda: "正在" not in dialog.summary.text(), timeout=WAIT)


def never_imported(expected: dict[int, Expected], ref: str) -> dict[int, Expected]:
    """The expectations when the "already imported" work order was never imported here."""
    return {n: Expected("accepted", ref=ref) if e.ref == ref else e for n, e in expected.items()}


def outbox_refs(workspace: Workspace) -> list[str]:
    with workspace.store.session() as session:
        return [p["channel_ref"] for p in session.scalars(select(OutboxAction.payload))]


def test_the_report_shows_every_row_and_the_valid_rows_are_imported_once(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    workspace = make_workspace("haizhou")
    path = tmp_path / "工单.xlsx"
    expected = never_imported(write_nasty_list(path, "UI", DAY, "UI900"), "UI900")
    dialog = open_dialog(qtbot, workspace)

    load(qtbot, dialog, path)

    model = dialog.model
    assert [r.number for r in model.results] == sorted(expected)
    assert "表头在第 2–3 行" in dialog.sheet_label.text()
    for row, result in enumerate(model.results):
        wanted = expected[result.number]
        assert result.status.value == wanted.status
        status_text = model.index(row, 1).data()
        assert (
            status_text
            == {"accepted": "可导入", "rejected": "拒绝", "duplicate": "重复"}[wanted.status]
        )
        brush = model.index(row, 4).data(Qt.ItemDataRole.ForegroundRole)
        if wanted.status == "rejected":
            assert isinstance(brush, QBrush) and brush.color() == REJECTED_COLOUR
            assert model.index(row, 3).data() and model.index(row, 4).data()
    credit_row = next(i for i, r in enumerate(model.results) if r.number == 9)
    assert model.index(credit_row, 3).data() == "统一社会信用代码"
    assert "校验位" in model.index(credit_row, 4).data()
    assert "共 12 行：可导入 6 行，拒绝 5 行，重复 1 行" in dialog.summary.text()
    assert dialog.import_button.text() == "导入 6 行" and dialog.import_button.isEnabled()
    assert outbox_refs(workspace) == []  # nothing written before 导入

    with qtbot.waitSignal(dialog.imported, timeout=WAIT) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    codes = imported.args[0]
    assert len(codes) == 6 and all(code.startswith("临") for code in codes)
    assert "已导入 6 行" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert sorted(outbox_refs(workspace)) == sorted(
        e.ref for e in expected.values() if e.status == "accepted"
    )
    logged = caplog.text
    assert "13812345678" not in logged and "张三" not in logged

    again = open_dialog(qtbot, workspace)
    load(qtbot, again, path)
    assert {r.status for r in again.model.results} == {RowStatus.DUPLICATE, RowStatus.REJECTED}
    assert not again.import_button.isEnabled() and again.import_button.text() == "导入"
    assert len(outbox_refs(workspace)) == 6


def test_the_mapping_editor_changes_the_report_and_is_remembered(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = make_workspace("haizhou")
    path = tmp_path / "list.csv"
    path.write_text(
        "单号,受理时间,诉求内容,位置,分类\n"
        f"MAP1,{DAY:%Y-%m-%d %H:%M},臭气扰民,海州区新海街道,大气\n",
        encoding="utf-8",
    )
    dialog = open_dialog(qtbot, workspace)
    load(qtbot, dialog, path)
    assert dialog.model.results[0].status is RowStatus.REJECTED
    assert "请为必填字段选择列：渠道编号、地址、污染类别" in dialog.summary.text()
    combos = dialog.mapping.combos
    assert combos["description"].currentText() == "诉求内容"
    for key, header in (("channel_ref", "单号"), ("address", "位置"), ("category", "分类")):
        combos[key].setCurrentIndex(combos[key].findText(header))
    qtbot.waitUntil(lambda: dialog.import_button.text() == "导入 1 行", timeout=WAIT)
    combos["description"].setCurrentIndex(combos["description"].findData(NOT_IMPORTED))
    qtbot.waitUntil(lambda: dialog.import_button.text() == "导入", timeout=WAIT)
    assert dialog.model.results[0].field == "description"
    combos["description"].setCurrentIndex(combos["description"].findText("诉求内容"))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT)
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        dialog.import_button.click()
    with workspace.store.session() as session:
        remembered = session.get(ImportMapping, Channel.HOTLINE_12345.value)
        assert remembered is not None and remembered.columns["channel_ref"] == "单号"

    path.write_text(
        f"单号,受理时间,诉求内容,位置,分类\nMAP2,{DAY:%Y-%m-%d},烟尘,海州区,大气\n",
        encoding="utf-8",
    )
    second = open_dialog(qtbot, workspace)
    load(qtbot, second, path)
    assert second.mapping.combos["channel_ref"].currentText() == "单号"
    assert second.import_button.text() == "导入 1 行"
    petition = second.channel_combo.findData(Channel.PETITION.value)
    second.channel_combo.setCurrentIndex(petition)  # another channel: its own mapping
    qtbot.waitUntil(
        lambda: second.mapping.combos["channel_ref"].currentData() == NOT_IMPORTED, timeout=WAIT
    )


def test_the_report_exports_as_a_workbook(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = make_workspace("haizhou")
    path = tmp_path / "工单.xlsx"
    expected = never_imported(write_nasty_list(path, "XL", DAY, "XL900"), "XL900")
    dialog = open_dialog(qtbot, workspace)
    load(qtbot, dialog, path)
    target = tmp_path / "报告.xlsx"
    assert dialog.export_report(target)
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = [r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert [r[0] for r in rows] == sorted(expected)
    statuses = {"accepted": "可导入", "rejected": "拒绝", "duplicate": "重复"}
    assert [r[1] for r in rows] == [statuses[expected[r[0]].status] for r in rows]
    assert next(r for r in rows if r[0] == 9)[3] == "统一社会信用代码"
    texts = " ".join(str(c) for r in sheet.iter_rows(values_only=True) for c in r if c)
    assert "13812345678" not in texts and "张三" not in texts


def test_unreadable_files_are_told_in_the_dialog(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, make_workspace("haizhou"))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x81\x30\xff\xfe\xfd\xff\xff")
    dialog.load_file(bad)
    qtbot.waitUntil(lambda: "无法导入" in dialog.summary.text(), timeout=WAIT)
    assert "编码" in dialog.summary.text() and not dialog.import_button.isEnabled()


def test_the_dialog_fits_a_small_screen(qtbot: QtBot, make_workspace: MakeWorkspace) -> None:
    dialog = open_dialog(qtbot, make_workspace("haizhou"))
    needed = dialog.minimumSizeHint()
    assert needed.width() <= 1024 and needed.height() <= 740, needed


@pytest.mark.parametrize(("username", "offered"), [("haizhou", True), ("xinhai", False)])
def test_the_window_offers_the_import_to_dispatchers(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path, username: str, offered: bool
) -> None:
    workspace = make_workspace(username)
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, SyncController(workspace, None), settings)
    qtbot.addWidget(window)
    action = window.import_action
    assert action.shortcut() == IMPORT_KEY == QKeySequence("Ctrl+Alt+I")
    assert action.isEnabled() is offered
    assert action in window.menuBar().actions()[0].menu().actions()  # the 文件 menu
    if offered:
        action.trigger()
        assert isinstance(window.dialog, ImportDialog)
        window.dialog.close()
