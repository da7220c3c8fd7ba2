"""File dialogs that start where the user last saved or picked that kind of file, in Chinese.

Every file dialog of the window comes from `file_dialog`: it opens in the folder last used for
the same purpose (else the user's Documents folder, never the process's working folder), says
"查找范围 / 文件类型 / 文件名" in the window's language (Qt's own widget dialog leaves a few of
its labels in English), and is non-blocking like every dialog of the window.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTranslator
from PySide6.QtWidgets import QFileDialog, QWidget


class Purpose(Enum):
    """What a file dialog is for; each remembers its own last folder."""

    SAVE_PDF = "save_pdf"
    SAVE_PDF_FOLDER = "save_pdf_folder"
    SAVE_ATTACHMENT = "save_attachment"
    ADD_EVIDENCE = "add_evidence"
    CERTIFICATE = "certificate"
    EXPORT_TABLE = "export_table"
    IMPORT_LIST = "import_list"
    RESTORE_BACKUP = "restore_backup"


class Mode(Enum):
    """What the dialog asks for."""

    SAVE_FILE = "save_file"
    OPEN_FILES = "open_files"
    OPEN_FILE = "open_file"
    FOLDER = "folder"


_last_folders: dict[Purpose, Path] = {}


def default_folder() -> Path:
    """The user's Documents folder (their home folder when the system names none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder(purpose: Purpose) -> Path:
    """Where a dialog for `purpose` opens: its last folder while it exists, else Documents."""
    last = _last_folders.get(purpose)
    return last if last is not None and last.is_dir() else default_folder()


def remember(purpose: Purpose, chosen: Path) -> None:
    """Note the folder of a chosen file or folder for the next dialog of the same purpose."""
    _last_folders[purpose] = chosen if chosen.is_dir() else chosen.parent


def _qt(text: str) -> str:
    return QCoreApplication.translate("QFileDialog", text)


def file_dialog(
    parent: QWidget | None,
    title: str,
    purpose: Purpose,
    mode: Mode,
    *,
    file_name: str = "",
    name_filters: list[str] | None = None,
) -> QFileDialog:
    """A file dialog for `purpose`, not yet opened (the caller connects and calls open())."""
    dialog = QFileDialog(parent, title)
    dialog.setDirectory(str(start_folder(purpose)))
    if mode is Mode.SAVE_FILE:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    elif mode is Mode.OPEN_FILES:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    elif mode is Mode.OPEN_FILE:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if name_filters:
        dialog.setNameFilters(name_filters)
    if file_name:
        dialog.selectFile(file_name)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, _qt("Look in:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, _qt("Files of type:"))

    def chosen(names: list[str]) -> None:
        if names:
            remember(purpose, Path(names[0]))

    dialog.filesSelected.connect(chosen)
    return dialog


UNTRANSLATED = {
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
}
"""Texts of Qt's file dialog that Qt's own Chinese catalogue lacks (Chinese already)."""


class QtChineseGaps(QTranslator):
    """Fills the few texts of Qt's file dialog that Qt's Chinese catalogue leaves English."""

    def translate(  # noqa: D102 - QTranslator API
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        return UNTRANSLATED.get((context, source_text))  # None: not ours, the next translator

    def isEmpty(self) -> bool:  # noqa: N802 - QTranslator API
        """Never empty (Qt skips empty translators)."""
        return False
