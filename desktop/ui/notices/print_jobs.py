"""Print jobs of the window: one notice or a batch, rendered and sent in a worker, with a
progress dialog that can cancel; the printer chosen with the print dialog (injectable)."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from desktop.ui.notices.errors import describe_notice_error
from desktop.ui.notices.printing import PrintTarget
from desktop.ui.tasks import Task, run_task

log = logging.getLogger("cluedesk.ui.notices.print")


Render = Callable[[Path], Path]
"""Writes one notice's PDF into a folder and returns its path (runs in the worker)."""


@dataclass(frozen=True)
class PrintItem:
    """One document of a print job: its title (the number) and how to render it."""

    title: str
    render: Render


@dataclass(frozen=True)
class PrintResult:
    """How a print job ended: documents sent, of how many, cancelled, the error if any."""

    sent: int
    total: int
    cancelled: bool = False
    error: str = ""
    saving: bool = False

    @property
    def ok(self) -> bool:
        """Whether every document was sent."""
        return self.sent == self.total and not self.error and not self.cancelled

    def text(self) -> str:
        """The outcome as a sentence for the status bar or a message box."""
        if self.saving:
            return self._saving_text()
        if self.error:
            return QCoreApplication.translate(
                "NoticePrintJobs", "打印未完成（已发送 {0}/{1} 份）：{2}"
            ).format(self.sent, self.total, self.error)
        if self.cancelled:
            return QCoreApplication.translate(
                "NoticePrintJobs", "已取消打印：已发送 {0}/{1} 份"
            ).format(self.sent, self.total)
        return QCoreApplication.translate("NoticePrintJobs", "已发送打印 {0} 份").format(self.sent)

    def _saving_text(self) -> str:
        if self.error:
            return QCoreApplication.translate(
                "NoticePrintJobs", "保存未完成（已保存 {0}/{1} 份）：{2}"
            ).format(self.sent, self.total, self.error)
        if self.cancelled:
            return QCoreApplication.translate(
                "NoticePrintJobs", "已取消保存：已保存 {0}/{1} 份"
            ).format(self.sent, self.total)
        return QCoreApplication.translate("NoticePrintJobs", "已保存 {0} 份").format(self.sent)


class _Failed(Exception):
    def __init__(self, sent: int, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.sent = sent
        self.cause = cause


PrinterChooser = Callable[[QWidget | None, Callable[[QPrinter], None]], None]
"""Asks the user for a printer (non-blocking) and calls back with it; tests inject their own."""


def choose_printer(parent: QWidget | None, chosen: Callable[[QPrinter], None]) -> None:
    """Open the system's print dialog (non-blocking); `chosen` gets the printer on 打印."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("NoticePrintJobs", "打印文书"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: chosen(printer))
    QDialog.open(dialog)


class BatchPrint(QObject):
    """Renders documents one by one in a worker and hands each to `target` (a printer, the
    print queue, a folder); `finished(PrintResult)` at the end.

    A progress dialog over `parent` shows how far it got; its 取消 stops after the document
    being sent. `saving` words the dialog for saving into a folder instead of printing.
    """

    finished = Signal(object)

    def __init__(
        self,
        items: Sequence[PrintItem],
        target: PrintTarget,
        parent: QWidget | None = None,
        *,
        saving: bool = False,
        show_progress: bool = True,
    ) -> None:
        super().__init__(parent)
        self.items = list(items)
        self.target = target
        self.saving = saving
        self.task: Task[PrintResult] | None = None
        self.result: PrintResult | None = None
        self.progress: QProgressDialog | None = None
        if show_progress:
            title = self.tr("保存文书") if saving else self.tr("打印文书")
            progress = QProgressDialog(
                self.tr("正在准备…"), self.tr("取消"), 0, len(self.items), parent
            )
            progress.setWindowTitle(title)
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(0)
            progress.setAutoClose(False)
            progress.setAutoReset(False)
            progress.canceled.connect(self.cancel)
            self.progress = progress

    def start(self) -> Task[PrintResult]:
        """Start the job in the thread pool."""
        items, target, saving = self.items, self.target, self.saving
        total = len(items)

        def work(task: Task[PrintResult]) -> PrintResult:
            sent = 0
            with tempfile.TemporaryDirectory(prefix="cluedesk-print-") as folder:
                try:
                    for item in items:
                        if task.cancelled:
                            break
                        task.report("render", sent, total)
                        pdf = item.render(Path(folder))
                        if task.cancelled:
                            break
                        target.add(pdf, item.title)
                        sent += 1
                        task.report("print", sent, total)
                    target.finish()
                except Exception as exc:
                    raise _Failed(sent, exc) from exc
            return PrintResult(sent, total, cancelled=sent < total, saving=saving)

        if self.progress is not None:
            self.progress.setValue(0)
            self.progress.show()
        self.task = run_task(work, self._done, self._failed, self._progress, owner=self)
        return self.task

    def cancel(self) -> None:
        """Stop after the document being printed now."""
        if self.task is not None:
            self.task.cancel()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("正在取消…"))

    def _progress(self, phase: str, done: int, total: int) -> None:
        dialog = self.progress
        if dialog is None or dialog.wasCanceled():
            return
        if phase == "render":
            text = self.tr("正在生成第 {0}/{1} 份…").format(done + 1, total)
        elif self.saving:
            text = self.tr("已保存 {0}/{1} 份").format(done, total)
        else:
            text = self.tr("已发送打印 {0}/{1} 份").format(done, total)
        dialog.setLabelText(text)
        # Last: a modal progress dialog's setValue runs the event loop, where the job may end
        # and close the dialog.
        dialog.setValue(done)

    def _done(self, result: PrintResult) -> None:
        self._end(result)

    def _failed(self, exc: BaseException) -> None:
        sent = exc.sent if isinstance(exc, _Failed) else 0
        cause = exc.cause if isinstance(exc, _Failed) else exc
        error = describe_notice_error(cause).text()
        self._end(PrintResult(sent, len(self.items), error=error, saving=self.saving))

    def _end(self, result: PrintResult) -> None:
        self.result = result
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.finished.emit(result)
        self.deleteLater()
