"""The row report of an imported list as an .xlsx sheet: each data row with its result, the
field at fault and why (no reporter's name or phone: only what the clerk needs to fix)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from desktop.domain.codes import Channel
from desktop.domain.import_rows import RowResult, RowStatus, count_results
from desktop.reports.spreadsheet import Sheet, write_workbook

STATUS_LABELS = {
    RowStatus.ACCEPTED: "可导入",
    RowStatus.REJECTED: "拒绝",
    RowStatus.DUPLICATE: "重复",
}
"""How each row status reads in the report."""

HEADERS = ("行号", "结果", "渠道编号", "字段", "原因", "线索编号")


def import_report_sheet(
    results: Sequence[RowResult], file_name: str, channel: Channel, checked_at: datetime
) -> Sheet:
    """The report as a sheet: one line per data row, in the file's order."""
    counts = count_results(results)
    rows = [
        (
            r.number,
            STATUS_LABELS[r.status],
            r.channel_ref,
            r.problems[0].label if r.problems else "",
            r.reason,
            r.clue_code,
        )
        for r in results
    ]
    return Sheet(
        title="导入报告",
        headers=HEADERS,
        rows=rows,
        caption=f"{channel.label}清单 {file_name} 导入报告",
        notes=(
            f"检查时间：{checked_at:%Y-%m-%d %H:%M}",
            f"共 {counts.total} 行：可导入 {counts.accepted} 行，拒绝 {counts.rejected} 行，"
            f"重复 {counts.duplicate} 行。",
            "行号为该行在原文件中的行号；只有完整有效的行会登记，拒绝的行修改后可重新导入。",
        ),
    )


def write_import_report(
    target: Path | BinaryIO,
    results: Sequence[RowResult],
    file_name: str,
    channel: Channel,
    checked_at: datetime,
) -> None:
    """Write the report as an .xlsx workbook."""
    write_workbook(target, [import_report_sheet(results, file_name, channel, checked_at)])
