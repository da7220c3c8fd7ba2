"""Registering a clue found in the field: checked field by field, saved with a provisional code."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.domain.validators import credit_code_check_char
from desktop.store.models import Clue, ClueAttachment, ClueEvent, OutboxAction
from desktop.ui.forms import ChoiceField, DateTimeField, FilesField
from desktop.ui.register_dialog import RegisterDialog, registrable_counties
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace, type_chinese

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")  # offscreen platform

BASE = "91320706MA1W2X3Y4"
VALID = BASE + credit_code_check_char(BASE)
INVALID = BASE + ("0" if VALID[-1] != "0" else "1")


def counts(workspace: Workspace) -> tuple[int, int, int]:
    with workspace.store.session() as session:
        return (
            int(session.scalar(select(func.count()).select_from(Clue)) or 0),
            int(session.scalar(select(func.count()).select_from(OutboxAction)) or 0),
            int(session.scalar(select(func.count()).select_from(ClueAttachment)) or 0),
        )


def open_dialog(qtbot: QtBot, workspace: Workspace) -> RegisterDialog:
    dialog = RegisterDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def fill(qtbot: QtBot, dialog: RegisterDialog, credit: str) -> None:
    category = dialog.body.field("category")
    assert isinstance(category, ChoiceField)
    category.combo.setCurrentIndex(category.combo.findData("water"))
    type_chinese(dialog.body.field("subject_name").editor, "华福洗车行")
    qtbot.keyClicks(dialog.body.field("subject_credit_code").editor, credit)
    type_chinese(dialog.body.field("address").editor, "连云港市海州区新海街道建设东路139号")
    type_chinese(dialog.body.field("description").editor, "现场巡查发现洗车污水直排雨水管网")
    qtbot.keyClicks(dialog.body.field("reporter_phone").editor, "13812345678")


def click_register(qtbot: QtBot, dialog: RegisterDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)


def test_defaults_are_the_field_inspection_of_the_user_s_own_area(
    qtbot: QtBot, make_workspace: MakeWorkspace, now: datetime
) -> None:
    workspace = make_workspace("xinhai")
    dialog = open_dialog(qtbot, workspace)
    assert dialog.body.field("channel").value() == "daily_inspection"
    assert dialog.body.field("priority").value() == "normal"
    assert dialog.body.field("category").value() == ""
    assert dialog.body.field("county_code").value() == "320706"
    assert dialog.body.field("township_code").value() == "320706001"
    received = dialog.body.field("received_at")
    assert isinstance(received, DateTimeField) and received.moment() == now
    county = dialog.body.field("county_code")
    assert isinstance(county, ChoiceField) and county.combo.count() == 1
    assert [u.code for u in registrable_counties(workspace)] == ["320706"]


def test_a_bad_credit_code_is_named_and_nothing_is_written(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    workspace = make_workspace("xinhai")
    before = counts(workspace)
    dialog = open_dialog(qtbot, workspace)
    fill(qtbot, dialog, INVALID)
    photo = tmp_path / "现场.png"
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    image.fill(QColor("#48c"))
    assert image.save(str(photo))
    files = dialog.body.field("attachments")
    assert isinstance(files, FilesField)
    files.add_files([photo])
    click_register(qtbot, dialog)
    credit = dialog.body.field("subject_credit_code")
    assert "校验位" in credit.error_text()
    assert "统一社会信用代码" in dialog.body.banner_text()
    assert dialog.isVisible() and counts(workspace) == before
    assert not workspace.store.attachments_dir.exists() or not any(
        p.is_file() for p in workspace.store.attachments_dir.rglob("*")
    )
    assert dialog.body.field("address").value() == "连云港市海州区新海街道建设东路139号"
    assert files.value() == [photo]


def test_bad_phone_and_missing_address_are_named(
    qtbot: QtBot, make_workspace: MakeWorkspace
) -> None:
    workspace = make_workspace("xinhai")
    before = counts(workspace)
    dialog = open_dialog(qtbot, workspace)
    fill(qtbot, dialog, "")
    phone = dialog.body.field("reporter_phone")
    phone.editor.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(phone.editor, "1381234")
    click_register(qtbot, dialog)
    assert "举报人电话" in dialog.body.banner_text() and phone.error_text()
    phone.editor.clear()  # type: ignore[attr-defined]
    dialog.body.field("address").editor.clear()  # type: ignore[attr-defined]
    click_register(qtbot, dialog)
    assert dialog.body.field("address").error_text() == "不能为空"
    assert phone.error_text() == "" and counts(workspace) == before


def test_a_valid_clue_is_registered_with_a_provisional_code_and_its_photo(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path, now: datetime
) -> None:
    workspace = make_workspace("xinhai")
    clues, queued, attached = counts(workspace)
    dialog = open_dialog(qtbot, workspace)
    fill(qtbot, dialog, VALID.lower())
    photo = tmp_path / "排污口.png"
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    image.fill(QColor("#844"))
    assert image.save(str(photo))
    files = dialog.body.field("attachments")
    assert isinstance(files, FilesField)
    files.add_files([photo])
    with qtbot.waitSignal(dialog.registered) as registered:
        click_register(qtbot, dialog)
    code = registered.args[0]
    assert code.startswith("临20261127-")
    assert not dialog.isVisible()
    box = dialog.confirmation
    assert box is not None and box.isVisible() and code in box.text()
    assert "正式线索编号" in box.informativeText()
    assert counts(workspace) == (clues + 1, queued + 1, attached + 1)
    with workspace.store.session() as session:
        row = session.scalars(select(Clue).where(Clue.code == code)).one()
        name = session.scalars(
            select(ClueAttachment.name).where(ClueAttachment.clue_id == row.id)
        ).one()
        event = session.scalars(select(ClueEvent).where(ClueEvent.clue_id == row.id)).one()
        outbox = session.scalars(select(OutboxAction).where(OutboxAction.clue_code == code)).one()
    assert row.provisional and row.status == "registered"
    assert (row.channel, row.category, row.priority) == ("daily_inspection", "water", "normal")
    assert (row.county_code, row.township_code) == ("320706", "320706001")
    assert row.subject_credit_code == VALID and row.reporter_phone == "13812345678"
    assert row.received_at == now and row.subject_name == "华福洗车行"
    assert name == "排污口.png" and event.pending and event.username == "xinhai"
    assert outbox.command_type == "clue.register.v1"
    assert outbox.payload["attachments"][0]["name"] == "排污口.png"
    box.close()
