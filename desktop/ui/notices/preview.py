"""The preview of a notice: its PDF rendered in a worker and shown page by page (QPdfView),
with print and save-as-PDF."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.file_dialogs import Mode, Purpose, file_dialog
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.notices.errors import describe_notice_error
from desktop.ui.notices.print_jobs import (
    BatchPrint,
    PrinterChooser,
    PrintItem,
    PrintResult,
    Render,
    choose_printer,
)
from desktop.ui.notices.printing import TargetFactory, safe_file_name, save_pdf, target_for
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.tasks import Task, run_task

log = logging.getLogger("cluedesk.ui.notices.preview")

ZOOM_STEP = 1.25


class PdfPane(QWidget):
    """A PDF shown as continuous pages, fitted to the width, with zoom buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout.addWidget(self.view, 1)

    def load(self, path: Path) -> bool:
        """Show the PDF at `path`; False when it cannot be read."""
        self.document.close()
        return self.document.load(str(path)) == QPdfDocument.Error.None_

    def page_count(self) -> int:
        """Pages of the PDF shown."""
        return self.document.pageCount()

    def zoom(self, factor: float) -> None:
        """Zoom by `factor` (leaves fit-to-width)."""
        current = self.view.zoomFactor()
        if self.view.zoomMode() is not QPdfView.ZoomMode.Custom:
            current = 1.0
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, current * factor)))

    def fit_width(self) -> None:
        """Fit the pages to the view's width again."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)


def pdf_save_dialog(parent: QWidget, suggested: str) -> QFileDialog:
    """The save dialog of one PDF document (not yet opened), suggesting a file name."""
    title = QCoreApplication.translate("NoticePreview", "另存为PDF")
    pdf_files = QCoreApplication.translate("NoticePreview", "PDF 文件 (*.pdf)")
    dialog = file_dialog(
        parent,
        title,
        Purpose.SAVE_PDF,
        Mode.SAVE_FILE,
        file_name=safe_file_name(suggested.removesuffix(".pdf")) + ".pdf",
        name_filters=[pdf_files],
    )
    dialog.setDefaultSuffix("pdf")
    return dialog


class NoticePreview(QDialog):
    """A rendered notice: preview, print, save as PDF.

    `render(folder) -> pdf` runs in a worker (see `desktop.ui.notices.rendering`); `title`
    names the document (its number, or 草稿). `printer_chooser` and `target_factory` are
    injectable so tests never print for real.
    """

    rendered = Signal(object)
    """The path of the PDF shown, once rendered."""
    printed = Signal(object)
    """A PrintResult after a print job ended."""
    saved = Signal(object)
    """The path a copy was saved to."""

    def __init__(
        self,
        render: Render,
        title: str,
        parent: QWidget | None = None,
        *,
        printer_chooser: PrinterChooser = choose_printer,
        target_factory: TargetFactory = target_for,
    ) -> None:
        super().__init__(parent)
        self.render_pdf = render
        self.title = title
        self.printer_chooser = printer_chooser
        self.target_factory = target_factory
        self.pdf: Path | None = None
        self.error = ""
        self.job: BatchPrint | None = None
        self.save_dialog: QFileDialog | None = None
        self._folder = tempfile.TemporaryDirectory(prefix="cluedesk-preview-")
        self.setWindowTitle(self.tr("文书预览：{0}").format(title))
        fit_to_screen(self, QSize(760, 900))  # an A4 page, within the screen
        layout = QVBoxLayout(self)
        toolbar = QWidget()
        bar = FlowLayout(toolbar)  # the buttons wrap onto two rows on a narrow screen
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为PDF…"))
        self.zoom_in_button = QPushButton(self.tr("放大"))
        self.zoom_out_button = QPushButton(self.tr("缩小"))
        self.fit_button = QPushButton(self.tr("适合宽度"))
        for button in (
            self.print_button,
            self.save_button,
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_button,
        ):
            bar.addWidget(button)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        layout.addWidget(toolbar)
        layout.addWidget(self.status_label)
        self.stack = QStackedWidget()
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.pane = PdfPane()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.pane)
        layout.addWidget(self.stack, 1)
        self.print_button.clicked.connect(self.print_notice)
        self.save_button.clicked.connect(self.ask_save)
        self.zoom_in_button.clicked.connect(lambda: self.pane.zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.pane.zoom(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(self.pane.fit_width)
        self._set_ready(False)
        self.refresh()

    @classmethod
    def show_new(
        cls,
        render: Render,
        title: str,
        parent: QWidget | None,
        *,
        printer_chooser: PrinterChooser = choose_printer,
        target_factory: TargetFactory = target_for,
    ) -> NoticePreview:
        """Show a new preview that deletes itself once closed."""
        preview = cls(
            render, title, parent, printer_chooser=printer_chooser, target_factory=target_factory
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.show()
        return preview

    def refresh(self) -> None:
        """Render the notice again (in a worker) and show it."""
        self._set_ready(False)
        self.error = ""
        self.message.setText(self.tr("正在生成文书…"))
        self.stack.setCurrentWidget(self.message)
        folder, render = Path(self._folder.name), self.render_pdf

        def work(_task: Task[Path]) -> Path:
            return render(folder)

        run_task(work, self._rendered, self._render_failed, owner=self)

    def _rendered(self, pdf: Path) -> None:
        if not self.pane.load(pdf):
            self._render_failed(OSError(0, self.tr("生成的文书无法读取")))
            return
        self.pdf = pdf
        self.stack.setCurrentWidget(self.pane)
        self.status_label.setText(self.tr("共 {0} 页").format(self.pane.page_count()))
        self._set_ready(True)
        self.rendered.emit(pdf)

    def _render_failed(self, exc: BaseException) -> None:
        self.error = self.tr("无法生成文书：{0}").format(describe_notice_error(exc).text())
        self.message.setText(self.error)
        self.stack.setCurrentWidget(self.message)

    def _set_ready(self, ready: bool) -> None:
        for button in (
            self.print_button,
            self.save_button,
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_button,
        ):
            button.setEnabled(ready)

    def error_text(self) -> str:
        """Why the notice could not be rendered ('' unless it failed)."""
        return self.error

    # -- print and save -------------------------------------------------------------------

    def print_notice(self) -> None:
        """Ask for a printer, then print the PDF shown."""
        if self.pdf is None or self.job is not None:
            return
        self.printer_chooser(self, lambda printer: self._print_chosen(printer))

    def _print_chosen(self, printer: QPrinter) -> None:
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> BatchPrint | None:
        """Print the PDF shown on `printer` (in a worker); `printed` tells the outcome."""
        if self.pdf is None or self.job is not None:
            return None
        pdf = self.pdf
        try:
            target = self.target_factory(printer)
        except Exception as exc:
            self.status_label.setText(describe_notice_error(exc).text())
            return None
        job = BatchPrint(
            [PrintItem(self.title, lambda _folder: pdf)], target, self, show_progress=False
        )
        job.finished.connect(self._printed)
        self.job = job
        self.print_button.setEnabled(False)
        self.status_label.setText(self.tr("正在发送到打印机…"))
        job.start()
        return job

    def _printed(self, result: PrintResult) -> None:
        self.job = None
        if shiboken6.isValid(self):
            self.print_button.setEnabled(self.pdf is not None)
            self.status_label.setText(result.text())
            self.printed.emit(result)

    def ask_save(self) -> QFileDialog:
        """Ask where to save a copy as PDF (non-blocking)."""
        dialog = pdf_save_dialog(self, self.title + ".pdf")
        dialog.fileSelected.connect(lambda name: self.save_to(Path(name)))
        dialog.open()
        self.save_dialog = dialog
        return dialog

    def save_to(self, target: Path) -> Path | None:
        """Save a copy of the PDF shown at `target`."""
        if self.pdf is None:
            return None
        try:
            path = save_pdf(self.pdf, target)
        except OSError as exc:
            self.status_label.setText(describe_notice_error(exc).text())
            return None
        self.status_label.setText(self.tr("已保存到 {0}").format(str(path)))
        self.saved.emit(path)
        return path

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Forget the rendered file (not while it is being printed)."""
        if self.job is not None:
            event.ignore()
            return
        self.pane.document.close()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        """Close (not while printing)."""
        if self.job is None:
            self.pane.document.close()
            super().done(result)
