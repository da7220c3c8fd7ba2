"""A clue's attachments: thumbnails of photos, icons of other files, open and save a copy."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QBuffer,
    QByteArray,
    QIODevice,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.store.attachments import attachment_path, copy_out, read_plain, viewer_folder
from desktop.store.clue_detail import AttachmentInfo
from desktop.ui.file_dialogs import Mode, Purpose, file_dialog
from desktop.ui.forms.files import size_text
from desktop.ui.tasks import Task, run_task
from desktop.ui.timeline import format_moment
from desktop.ui.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
Opener = Callable[[QUrl], bool]

THUMBNAIL_SIZE = 96
_thumbnails: dict[str, QIcon] = {}
"""Thumbnails by digest: a digest names the same bytes forever, so they never go stale."""
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def read_thumbnail(data: Path | bytes, size: int = THUMBNAIL_SIZE) -> QImage | None:
    """A picture (a file, or its plain bytes) scaled to fit `size` (read scaled, in a
    worker); None if it cannot be read."""
    if isinstance(data, Path):
        reader = QImageReader(str(data))
    else:
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid():
        reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


def safe_name(info: AttachmentInfo) -> str:
    """A file name to copy the attachment out under (no folders, no forbidden characters)."""
    name = _UNSAFE.sub("_", Path(info.name.replace("\\", "/")).name).strip(" .")
    return name or info.sha256[:12]


class AttachmentsModel(QAbstractListModel):
    """The attachments of one clue (a few files: held whole, plain data)."""

    InfoRole = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[AttachmentInfo] = []

    def set_items(self, items: Sequence[AttachmentInfo]) -> None:
        """Show other attachments."""
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of attachments."""
        return 0 if parent.isValid() else len(self.items)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Selectable, read-only items."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Name (marked 未下载 when missing), thumbnail or icon, details as tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        info = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return info.name if info.present else self.tr("{0}\n未下载").format(info.name)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(info)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0}\n{1}，{2} 由 {3} 添加").format(
                info.name, size_text(info.size), format_moment(info.added_at), info.added_by
            )
        if role == self.InfoRole:
            return info
        return None

    def thumbnail_ready(self, sha256: str) -> None:
        """Repaint the items showing the file whose thumbnail just arrived."""
        for row, info in enumerate(self.items):
            if info.sha256 == sha256:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _icon(self, info: AttachmentInfo) -> QIcon:
        cached = _thumbnails.get(info.sha256)
        if cached is not None:
            return cached
        style = QApplication.style()
        if not info.present:
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)


class AttachmentsPanel(QWidget):
    """The attachments of the clue shown: double-click or 打开 opens a copy, 另存为… saves one."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.opener: Opener = QDesktopServices.openUrl
        self.open_folder = Path(tempfile.gettempdir()) / "cluedesk-attachments"
        self.save_dialog: QFileDialog | None = None
        self._requested: set[str] = set()
        layout = QVBoxLayout(self)
        self.model = AttachmentsModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        self.view.setGridSize(QSize(THUMBNAIL_SIZE + 48, THUMBNAIL_SIZE + 48))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setWordWrap(True)
        self.view.doubleClicked.connect(lambda index: self.open_attachment(self._info(index)))
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.clicked.connect(lambda: self.open_attachment(self.selected()))
        self.save_button = QPushButton(self.tr("另存为…"))
        self.save_button.clicked.connect(lambda: self.save_attachment(self.selected()))
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self.empty = QLabel(self.tr("没有附件"))
        layout.addWidget(self.empty)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_attachments(self, items: Sequence[AttachmentInfo]) -> None:
        """Show the attachments of a clue; thumbnails of its pictures are made in a worker."""
        self.model.set_items(items)
        self.status.clear()
        self.empty.setVisible(not items)
        self.view.setVisible(bool(items))
        for info in items:
            if info.present and info.is_image and info.sha256 not in _thumbnails:
                self._request_thumbnail(info)
        self._update_buttons()

    def selected(self) -> AttachmentInfo | None:
        """The attachment selected in the list."""
        indexes = self.view.selectionModel().selectedIndexes()
        return self._info(indexes[0]) if indexes else None

    def open_attachment(self, info: AttachmentInfo | None) -> None:
        """Copy the file out under its own name and open it with the system's program."""
        if info is None:
            return
        if not info.present:
            self.status.setText(self.tr("附件「{0}」尚未下载到本机，请先同步").format(info.name))
            return
        store = self.workspace.store
        folder = self.open_folder if store.key is None else viewer_folder()
        target = folder / info.sha256[:16] / safe_name(info)

        def work(_task: Task[Path]) -> Path:
            target.parent.mkdir(parents=True, exist_ok=True)
            return copy_out(store, info.sha256, target)

        def done(path: Path) -> None:
            if shiboken6.isValid(self) and not self.opener(QUrl.fromLocalFile(str(path))):
                self.status.setText(self.tr("没有可以打开「{0}」的程序").format(info.name))

        run_task(work, done, lambda _exc: self._failed(info), owner=self)

    def save_attachment(self, info: AttachmentInfo | None) -> QFileDialog | None:
        """Ask where to save a copy (non-blocking dialog, returned) and save it there."""
        if info is None:
            return None
        if not info.present:
            self.status.setText(self.tr("附件「{0}」尚未下载到本机，请先同步").format(info.name))
            return None
        dialog = file_dialog(
            self,
            self.tr("另存为"),
            Purpose.SAVE_ATTACHMENT,
            Mode.SAVE_FILE,
            file_name=safe_name(info),
        )
        dialog.fileSelected.connect(lambda name: self.save_to(info, Path(name)))
        dialog.open()
        self.save_dialog = dialog
        return dialog

    def save_to(self, info: AttachmentInfo, target: Path) -> None:
        """Copy an attachment to `target` (in a worker); the status line says how it went."""
        store = self.workspace.store

        def done(_path: Path) -> None:
            if shiboken6.isValid(self):
                self.status.setText(self.tr("已保存到 {0}").format(str(target)))

        run_task(
            lambda _task: copy_out(store, info.sha256, target), done, lambda _e: self._failed(info)
        )

    def _failed(self, info: AttachmentInfo) -> None:
        if shiboken6.isValid(self):
            self.status.setText(
                self.tr("无法复制附件「{0}」：本机附件文件缺失或无法写入目标位置").format(info.name)
            )

    def _request_thumbnail(self, info: AttachmentInfo) -> None:
        if info.sha256 in self._requested:
            return
        self._requested.add(info.sha256)
        store = self.workspace.store

        def done(image: QImage | None) -> None:
            if image is not None:
                _thumbnails[info.sha256] = QIcon(QPixmap.fromImage(image))
            if shiboken6.isValid(self):
                self._requested.discard(info.sha256)
                self.model.thumbnail_ready(info.sha256)

        run_task(
            lambda _task: read_thumbnail(
                attachment_path(store, info.sha256)
                if store.key is None
                else read_plain(store, info.sha256)
            ),
            done,
            lambda _exc: None,
            owner=self,
        )

    def _info(self, index: QModelIndex) -> AttachmentInfo | None:
        value = index.data(AttachmentsModel.InfoRole) if index.isValid() else None
        return value if isinstance(value, AttachmentInfo) else None

    def _update_buttons(self) -> None:
        info = self.selected()
        usable = info is not None and info.present
        self.open_button.setEnabled(usable)
        self.save_button.setEnabled(usable)
