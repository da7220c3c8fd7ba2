"""The About dialog: name, version, where the data and the log are, Qt versions, licence."""

from __future__ import annotations

import html
import platform
from collections.abc import Callable
from pathlib import Path

import PySide6
from PySide6.QtCore import QSize, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop import __version__
from desktop.ui.screen_fit import fit_to_screen, scrolling

UrlOpener = Callable[[QUrl], bool]


def folder_link(path: Path) -> str:
    """Rich text linking to a local file or folder."""
    url = QUrl.fromLocalFile(str(path)).toString()
    return f'<a href="{html.escape(url)}">{html.escape(str(path))}</a>'


class AboutDialog(QDialog):
    """Says what the program is and where it keeps its data; the folders open on a click."""

    def __init__(
        self,
        data_dir: Path | None = None,
        log_file: Path | None = None,
        parent: QWidget | None = None,
        *,
        opener: UrlOpener = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.opener = opener
        self.setWindowTitle(self.tr("关于 cluedesk"))
        title = QLabel(self.tr("cluedesk 线索办理工作台"))
        title_font = title.font()
        if title_font.pointSizeF() > 0:
            title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        title.setFont(title_font)
        summary = QLabel(
            self.tr(
                "县区、乡镇（街道）污染防治线索的离线办理与同步客户端："
                "任务队列、办理期限倒计时与超期预警、整改通知书打印。"
            )
        )
        summary.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("版本："), QLabel(__version__))
        self.data_label = self._link_label(data_dir, "data_dir")
        form.addRow(self.tr("数据位置："), self.data_label)
        self.log_label = self._link_label(log_file, "log_file")
        form.addRow(self.tr("日志文件："), self.log_label)
        python = platform.python_version()
        versions = f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python {python}"
        form.addRow(self.tr("运行环境："), QLabel(versions))

        licence = QLabel(
            self.tr(
                "本程序以 MIT 许可证发布。界面使用 Qt（LGPLv3）与 PySide6；"
                "内置字体文泉驿微米黑按 Apache 2.0 或 GPLv3（含字体例外）许可证发布。"
            )
        )
        licence.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(title)
        column.addWidget(summary)
        column.addLayout(form)
        column.addWidget(licence)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(page), 1)
        layout.addWidget(buttons)
        fit_to_screen(self, page.sizeHint() + QSize(40, 80))

    def _link_label(self, path: Path | None, name: str) -> QLabel:
        widget = QLabel(folder_link(path) if path is not None else self.tr("（未设置）"))
        widget.setObjectName(name)
        widget.setWordWrap(True)
        widget.setOpenExternalLinks(False)
        widget.linkActivated.connect(self.open_link)
        return widget

    def open_link(self, link: str) -> None:
        """Open a clicked location: a folder itself, a file's folder."""
        path = Path(QUrl(link).toLocalFile())
        folder = path if path.is_dir() or not path.suffix else path.parent
        self.opener(QUrl.fromLocalFile(str(folder)))
