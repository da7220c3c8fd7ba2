"""Printing notices: the PDF itself to the system's print queue where possible, else each page
rendered at 300 dpi onto a white page through QPrinter.

A print job goes to a `PrintTarget`: `SpoolerTarget` hands the file to `lp`/`lpr` (Linux,
macOS), `ShellPrintTarget` to Windows' "print" verb (the default printer only), and
`RasterTarget` paints the pages on the QPrinter itself (any printer, or a PDF file when the
user prints to a file). `target_for(printer)` picks one; every caller takes a target factory
so tests can hand in their own and check what it received. Painting on a QPrinter outside the
UI thread is supported by Qt, so a batch runs whole in a worker (`run_task`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

DPI = 300
"""The resolution pages are rendered at when the PDF cannot go to the queue as it is."""


class PrintFailed(Exception):
    """A print job could not be handed over; `message` is for the clerk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PrintTarget(Protocol):
    """Where the PDFs of one print job go, one `add` per document, then `finish`."""

    def add(self, pdf: Path, title: str) -> None:
        """Send one document (raise PrintFailed with a clerk's message)."""

    def finish(self) -> None:
        """End the job (everything added is printed)."""


Runner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]


def _run(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, timeout=60, check=False)


class SpoolerTarget:
    """The PDF file itself to the system's queue with `lp` or `lpr` (CUPS prints PDF)."""

    def __init__(self, command: str, printer: str, copies: int = 1, *, run: Runner = _run) -> None:
        self.command = command
        self.printer = printer
        self.copies = max(1, copies)
        self.run = run
        self.sent: list[Path] = []

    def argv(self, pdf: Path, title: str) -> list[str]:
        """The command line that queues `pdf`."""
        if Path(self.command).name == "lpr":
            argv = [self.command, "-#", str(self.copies), "-T", title]
            if self.printer:
                argv += ["-P", self.printer]
        else:
            argv = [self.command, "-n", str(self.copies), "-t", title]
            if self.printer:
                argv += ["-d", self.printer]
        return [*argv, str(pdf.resolve())]

    def add(self, pdf: Path, title: str) -> None:
        """Queue the file; a refusal of the spooler becomes PrintFailed."""
        try:
            result = self.run(self.argv(pdf, title))
        except (OSError, subprocess.SubprocessError) as exc:
            raise PrintFailed(
                QCoreApplication.translate("NoticePrinting", "无法调用系统打印服务：{0}").format(
                    exc
                )
            ) from exc
        if result.returncode != 0:
            detail = (result.stderr or result.stdout or "").strip()
            raise PrintFailed(
                QCoreApplication.translate(
                    "NoticePrinting", "打印机“{0}”拒绝了打印任务：{1}"
                ).format(self.printer, detail)
            )
        self.sent.append(pdf)

    def finish(self) -> None:
        """Nothing to end: every file is its own queue entry."""


class ShellPrintTarget:
    """Windows: the PDF to the default printer through the shell's "print" verb."""

    def __init__(self, startfile: Callable[[str, str], None] | None = None) -> None:
        self.startfile = startfile or _startfile
        self.sent: list[Path] = []

    def add(self, pdf: Path, title: str) -> None:
        """Hand the file to the program registered for printing PDFs."""
        try:
            self.startfile(str(pdf), "print")
        except OSError as exc:
            raise PrintFailed(
                QCoreApplication.translate(
                    "NoticePrinting", "本机没有可以打印PDF的程序，或打印机不可用：{0}"
                ).format(exc)
            ) from exc
        self.sent.append(pdf)

    def finish(self) -> None:
        """Nothing to end."""


def _startfile(path: str, verb: str) -> None:
    starter = getattr(os, "startfile", None)
    if starter is None:
        raise OSError(path)
    starter(path, verb)


class RasterTarget:
    """Each page rendered at `dpi` onto a white page and painted on the QPrinter (one job)."""

    def __init__(self, printer: QPrinter, dpi: int = DPI) -> None:
        self.printer = printer
        self.dpi = dpi
        self.painter: QPainter | None = None
        self.pages = 0

    def add(self, pdf: Path, title: str) -> None:
        """Paint every page of `pdf` on the printer."""
        document = QPdfDocument()
        try:
            if document.load(str(pdf)) != QPdfDocument.Error.None_:
                raise PrintFailed(
                    QCoreApplication.translate("NoticePrinting", "无法读取文书文件“{0}”").format(
                        pdf.name
                    )
                )
            for page in range(document.pageCount()):
                self._page(document, page, title)
        finally:
            document.close()

    def _page(self, document: QPdfDocument, page: int, title: str) -> None:
        points = document.pagePointSize(page)
        if self.painter is None:
            self.printer.setDocName(title)
            self.printer.setFullPage(True)
            self.printer.setPageSize(QPageSize(QSizeF(points), QPageSize.Unit.Point))
            self.printer.setPageOrientation(QPageLayout.Orientation.Portrait)
            painter = QPainter()
            if not painter.begin(self.printer):
                raise PrintFailed(
                    QCoreApplication.translate("NoticePrinting", "打印机无法开始打印任务")
                )
            self.painter = painter
        elif not self.printer.newPage():
            raise PrintFailed(QCoreApplication.translate("NoticePrinting", "打印机无法换页"))
        image = page_image(document, page, self.dpi)
        device = QRect(0, 0, self.printer.width(), self.printer.height())
        self.painter.drawImage(device, image)
        self.pages += 1

    def finish(self) -> None:
        """End the job: the printer (or the PDF file) receives the pages."""
        if self.painter is not None:
            self.painter.end()
            self.painter = None


def page_image(document: QPdfDocument, page: int, dpi: int = DPI) -> QImage:
    """One page of a PDF at `dpi`, on white (a PDF page is transparent where nothing is)."""
    points = document.pagePointSize(page)
    size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    rendered = document.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    return image


TargetFactory = Callable[[QPrinter], PrintTarget]
"""Makes the target of a job for the printer the user chose (injectable for tests)."""


def target_for(
    printer: QPrinter,
    *,
    which: Callable[[str], str | None] = shutil.which,
    platform: str = sys.platform,
    default_printer: Callable[[], str] = QPrinterInfo.defaultPrinterName,
) -> PrintTarget:
    """The best way to print on `printer`: the PDF to the queue, else rendered pages."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return RasterTarget(printer)
    name = printer.printerName()
    if platform.startswith("win"):
        if name and name == default_printer() and printer.copyCount() == 1:
            return ShellPrintTarget()
        return RasterTarget(printer)
    for command in ("lp", "lpr"):
        found = which(command)
        if found and name:
            return SpoolerTarget(found, name, printer.copyCount())
    return RasterTarget(printer)


def pdf_printer(path: Path) -> QPrinter:
    """A QPrinter writing a PDF file (print to file; tests use it as a checkable printer)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(DPI)
    return printer


class FolderTarget:
    """Save as PDF: each document copied into a folder, named by its title (the number)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.saved: list[Path] = []

    def add(self, pdf: Path, title: str) -> None:
        """Copy the PDF into the folder (a name already taken gets (2), (3) …)."""
        stem = safe_file_name(title)
        target = self.folder / f"{stem}.pdf"
        count = 1
        while target.exists() or target in self.saved:
            count += 1
            target = self.folder / f"{stem} ({count}).pdf"
        self.saved.append(save_pdf(pdf, target))

    def finish(self) -> None:
        """Nothing to end."""


class FileTarget:
    """Save as PDF: the one document copied to the file the user named."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.saved: list[Path] = []

    def add(self, pdf: Path, title: str) -> None:
        """Copy the PDF to the chosen file (.pdf added when the name lacks it)."""
        self.saved.append(save_pdf(pdf, self.path))

    def finish(self) -> None:
        """Nothing to end."""


def safe_file_name(text: str) -> str:
    """A document title usable as a file name (海环整改〔2026〕15号 stays as it is)."""
    cleaned = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in text).strip()
    return cleaned or "notice"


def save_pdf(source: Path, target: Path) -> Path:
    """Save a rendered notice as a PDF file where the user chose (adds .pdf when missing)."""
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target
