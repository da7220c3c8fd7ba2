"""File dialogs: they start in a folder of the user's, remember it per purpose, speak Chinese."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.ui.file_dialogs import Mode, Purpose, default_folder, file_dialog, start_folder
from desktop.ui.i18n import install_translators, remove_translators
from desktop.ui.notices.preview import pdf_save_dialog

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")


def test_a_dialog_opens_in_the_user_s_folder_not_the_working_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    dialog = file_dialog(None, "选择照片或文件", Purpose.ADD_EVIDENCE, Mode.OPEN_FILES)
    qtbot.addWidget(dialog)
    opened = Path(dialog.directory().absolutePath())
    assert opened == default_folder() and opened != tmp_path
    assert dialog.fileMode() is QFileDialog.FileMode.ExistingFiles


def test_each_purpose_remembers_its_last_folder(qtbot: QtBot, tmp_path: Path) -> None:
    saved_here = tmp_path / "文书"
    saved_here.mkdir()
    dialog = pdf_save_dialog(None, "海环整改〔2026〕15号")  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
    assert dialog.selectedFiles()[0].endswith("海环整改〔2026〕15号.pdf")
    dialog.filesSelected.emit([str(saved_here / "a.pdf")])
    assert start_folder(Purpose.SAVE_PDF) == saved_here
    again = pdf_save_dialog(None, "另一份.pdf")  # type: ignore[arg-type]
    qtbot.addWidget(again)
    assert Path(again.directory().absolutePath()) == saved_here
    assert start_folder(Purpose.SAVE_ATTACHMENT) != saved_here  # another purpose: its own
    os.rmdir(saved_here)
    assert start_folder(Purpose.SAVE_PDF) == default_folder()  # gone: back to Documents


def test_the_dialog_labels_are_chinese_where_qt_leaves_them_english(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, "zh_CN")
    try:
        dialog = file_dialog(None, "另存为", Purpose.SAVE_ATTACHMENT, Mode.SAVE_FILE)
        qtbot.addWidget(dialog)
        assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "查找范围："
        assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "文件类型："
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"
        assert QCoreApplication.translate("QFileDialog", "Detail View") == "详情视图"  # Qt's
        assert QCoreApplication.translate("NoSuchContext", "Untranslated") == "Untranslated"
    finally:
        remove_translators(app)
