"""Writing the week's verification report (PDF or .xlsx) off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject

from desktop.reports.verification_report import render_report, week_report, write_report_xlsx
from desktop.store.database import Store
from desktop.ui.tasks import Task, run_task


class ReportFormat(Enum):
    """What the report is written as."""

    PDF = "pdf"
    XLSX = "xlsx"


def report_file_name(week: str, kind: ReportFormat) -> str:
    """The file name offered: 每周核查报告_2026-W48.pdf."""
    stem = QCoreApplication.translate("VerificationReport", "每周核查报告_{0}").format(week)
    return f"{stem}.{kind.value}"


def write_week_report(
    store: Store,
    office: str,
    office_name: str,
    week: str,
    issued_on: date,
    kind: ReportFormat,
    target: Path,
) -> Path:
    """Read the week's figures and write the report; the path written."""
    report = week_report(store, office, office_name, week, issued_on)
    partial = target.with_name(target.name + ".part")
    try:
        if kind is ReportFormat.PDF:
            render_report(report, partial)
        else:
            write_report_xlsx(report, partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def export_in_background(
    owner: QObject,
    store: Store,
    args: tuple[str, str, str, date],
    kind: ReportFormat,
    target: Path,
    on_done: Callable[[Path], None],
    on_error: Callable[[BaseException], None],
) -> Task[Path]:
    """Write the report in the thread pool; `on_done(path)` or `on_error(exc)` on the UI thread.

    `args` are the office, its name, the week and the day the report is issued.
    """
    office, office_name, week, issued_on = args

    def work(_task: Task[Path]) -> Path:
        return write_week_report(store, office, office_name, week, issued_on, kind, target)

    return run_task(work, on_done, on_error, owner=owner)
