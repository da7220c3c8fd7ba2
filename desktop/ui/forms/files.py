"""Picking evidence files for a form: photos and documents, each shown with a remove button."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.file_dialogs import Mode, Purpose, file_dialog
from desktop.ui.forms.fields import FormField


def size_text(size: int) -> str:
    """A file size as a clerk reads it: 532 B, 12.4 KB, 3.1 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class FilesField(FormField):
    """Evidence files chosen with the file dialog; nothing is copied until the form is sent."""

    def __init__(self, key: str, label: str, *, parent: QWidget | None = None) -> None:
        box = QWidget()
        super().__init__(key, label, box, parent=parent)
        self.paths: list[Path] = []
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows = QVBoxLayout()
        layout.addLayout(self.rows)
        self.add_button = QPushButton(self.tr("添加照片或文件…"))
        self.add_button.clicked.connect(self.choose)
        layout.addWidget(self.add_button)
        self.dialog: QFileDialog | None = None

    def choose(self) -> QFileDialog:
        """Open the file dialog (non-blocking); the files chosen are added."""
        dialog = file_dialog(
            self,
            self.tr("选择照片或文件"),
            Purpose.ADD_EVIDENCE,
            Mode.OPEN_FILES,
            name_filters=[
                self.tr("照片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp)"),
                self.tr("所有文件 (*)"),
            ],
        )
        dialog.filesSelected.connect(lambda names: self.add_files(Path(n) for n in names))
        dialog.open()
        self.dialog = dialog
        return dialog

    def add_files(self, paths: Iterable[Path]) -> None:
        """Add files to the list (a file already there is not added twice)."""
        for path in paths:
            if path in self.paths:
                continue
            self.paths.append(path)
            self.rows.addWidget(self._row(path))
        self.show_error(None)
        self.changed.emit()

    def remove(self, path: Path) -> None:
        """Take a file off the list."""
        if path not in self.paths:
            return
        index = self.paths.index(path)
        self.paths.pop(index)
        item = self.rows.takeAt(index)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
        self.changed.emit()

    def remove_buttons(self) -> list[QToolButton]:
        """The remove button of each listed file, in list order."""
        found = []
        for index in range(self.rows.count()):
            item = self.rows.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                button = widget.findChild(QToolButton)
                if button is not None:
                    found.append(button)
        return found

    def _row(self, path: Path) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        try:
            size = size_text(path.stat().st_size)
        except OSError:
            size = self.tr("无法读取")
        name = QLabel(self.tr("{0}（{1}）").format(path.name, size))
        name.setToolTip(str(path))
        layout.addWidget(name, 1)
        button = QToolButton()
        button.setText(self.tr("移除"))
        button.clicked.connect(lambda: self.remove(path))
        layout.addWidget(button)
        return row

    def value(self) -> list[Path]:
        """The chosen files, in the order they were added."""
        return list(self.paths)
