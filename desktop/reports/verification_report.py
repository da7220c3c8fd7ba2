"""The week's verification report (第N周线索核查情况报告) of a dispatching office: as a PDF on
the notices' GB/T 9704 page (title, office, week, seed and plan, a per-unit table whose header
row repeats on every page, the failed items with their notes, the issuer and the date) and as
an .xlsx with the same numbers (`desktop.reports.spreadsheet`).

`week_report` reads the figures from the store once; both forms are written from it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
)
from reportlab.platypus.tables import TableStyle

from desktop.domain.codes import Channel
from desktop.domain.verification import VerificationResult, week_days, week_number
from desktop.reports.documents import day_cn
from desktop.reports.flowables import Signature, TextBlock
from desktop.reports.fonts import FANGSONG, HEI, FontSet, default_fonts
from desktop.reports.geometry import (
    BLOCK_BOTTOM,
    BLOCK_HEIGHT,
    BLOCK_LEFT,
    BLOCK_WIDTH,
    MARGIN_LEFT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_NUMBER_GAP,
    PAGE_NUMBER_SIZE,
    PAGE_WIDTH,
    STYLES,
)
from desktop.reports.spreadsheet import Sheet, write_workbook
from desktop.store.database import Store
from desktop.store.verification import office_batches, worklist

UNIT_HEADERS = ("单位", "抽取", "合格", "处置流程不规范", "整改不到位", "待核查", "合格率")
FAILED_HEADERS = ("线索编号", "单位", "来源渠道", "核查结果", "核查意见")
TABLE_SIZE = 11.0
KEEP_FAILED_WITH_ISSUER = 12
"""Up to this many failed clues, their table goes onto the page of the issuer and date."""


@dataclass(frozen=True)
class UnitLine:
    """One unit's figures in the week (by each clue's first round)."""

    unit_code: str
    unit_name: str
    drawn: int
    passed: int
    irregular: int
    incomplete: int
    pending: int

    @property
    def pass_rate(self) -> float | None:
        """合格 among the clues verified (None when none was)."""
        done = self.passed + self.irregular + self.incomplete
        return self.passed / done if done else None


@dataclass(frozen=True)
class FailedLine:
    """A clue the week's verification failed."""

    clue_code: str
    unit_name: str
    channel: str
    verdict: VerificationResult
    note: str


@dataclass(frozen=True)
class WeekReport:
    """What the week's report says."""

    office_name: str
    week: str
    seeds: tuple[int, ...]
    plans: tuple[str, ...]
    units: tuple[UnitLine, ...]
    failed: tuple[FailedLine, ...]
    issued_on: date

    @property
    def title(self) -> str:
        """第48周线索核查情况报告."""
        return f"第{week_number(self.week)}周线索核查情况报告"

    @property
    def totals(self) -> UnitLine:
        """The sum over the units."""
        return UnitLine(
            "",
            "合计",
            *(sum(getattr(u, name) for u in self.units) for name in _COUNTS),
        )


_COUNTS = ("drawn", "passed", "irregular", "incomplete", "pending")


def _channel(value: str) -> str:
    try:
        return Channel(value).label
    except ValueError:
        return value


def week_report(
    store: Store, office: str, office_name: str, week: str, issued_on: date
) -> WeekReport:
    """The week's report of `office` from every batch it drew for `week`."""
    figures: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    failed: list[FailedLine] = []
    batches = office_batches(store, office, week)
    for batch in batches:
        for item in worklist(store, batch.batch_id):
            if item.dropped:
                continue
            names[item.unit_code] = item.unit_name
            counts = figures.setdefault(item.unit_code, [0, 0, 0, 0, 0])
            counts[0] += 1
            first = item.rounds[0] if item.rounds else None
            if first is None:
                counts[4] += 1
                continue
            counts[1 + list(VerificationResult).index(first.verdict)] += 1
            for round_ in item.rounds:
                if round_.verdict.failed:
                    failed.append(
                        FailedLine(
                            item.clue_code,
                            item.unit_name,
                            _channel(item.channel),
                            round_.verdict,
                            round_.note,
                        )
                    )
    units = sorted(
        (UnitLine(code, names[code], *counts) for code, counts in figures.items()),
        key=lambda u: (-(u.irregular + u.incomplete), u.unit_code),
    )
    return WeekReport(
        office_name,
        week,
        tuple(b.seed for b in batches),
        tuple(dict.fromkeys(_plan_text(b.plan.default.text(), len(b.plan.units)) for b in batches)),
        tuple(units),
        tuple(failed),
        issued_on,
    )


def _plan_text(default: str, special: int) -> str:
    return f"每单位抽取{default}" + (f"（{special}个单位另定）" if special else "")


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def unit_rows(report: WeekReport) -> list[list[str | int]]:
    """The per-unit table's rows with the total last (as printed)."""
    rows: list[list[str | int]] = []
    for line in (*report.units, report.totals):
        rows.append(
            [
                line.unit_name,
                line.drawn,
                line.passed,
                line.irregular,
                line.incomplete,
                line.pending,
                _rate(line.pass_rate),
            ]
        )
    return rows


# --------------------------------------------------------------------------- PDF


def _summary(report: WeekReport) -> str:
    monday, sunday = week_days(report.week)
    total = report.totals
    seeds = "、".join(str(s) for s in report.seeds) or "—"
    return (
        f"按照每周核查工作安排，{report.office_name}对{monday.month}月{monday.day}日至"
        f"{sunday.month}月{sunday.day}日本办交办并已办结的线索按单位分层抽样核查"
        f"（{'；'.join(report.plans) or '未抽样'}，随机种子{seeds}），共抽取{total.drawn}件，"
        f"合格{total.passed}件，处置流程不规范{total.irregular}件，整改不到位{total.incomplete}件，"
        f"待核查{total.pending}件。核查不合格的线索已退回承办单位整改提升，整改后复核。"
    )


class _ReportTemplate(BaseDocTemplate):
    """A4 with the GB/T 9704 text block and page numbers — 1 —."""

    def __init__(self, target: BinaryIO, report: WeekReport, fonts: FontSet) -> None:
        self.fonts = fonts
        super().__init__(
            target,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN_LEFT,
            topMargin=MARGIN_TOP,
            title=report.title,
            author=report.office_name,
            creator="cluedesk",
            lang="zh-CN",
            invariant=1,
            initialFontName=fonts.first_font(FANGSONG),
            initialFontSize=TABLE_SIZE,
        )
        frame = Frame(
            BLOCK_LEFT,
            BLOCK_BOTTOM,
            BLOCK_WIDTH,
            BLOCK_HEIGHT,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate("report", [frame], onPage=self._page_number)])

    def _page_number(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        text = f"— {doc.page} —"
        canvas.setFont(self.fonts.first_font(FANGSONG), PAGE_NUMBER_SIZE)
        canvas.drawCentredString(PAGE_WIDTH / 2, BLOCK_BOTTOM - PAGE_NUMBER_GAP - 10, text)


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    fonts: FontSet,
) -> Table:
    body = fonts.first_font(FANGSONG)
    head = fonts.first_font(HEI)
    data = [list(headers), *[[str(v) for v in row] for row in rows]]
    table = Table(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), body, TABLE_SIZE),
                ("FONT", (0, 0), (-1, 0), head, TABLE_SIZE),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _wrap(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width)) or ""


def report_story(report: WeekReport, fonts: FontSet) -> list[Flowable]:
    """The flowables of the report."""
    story: list[Flowable] = [
        TextBlock(report.office_name, STYLES["title"], fonts),
        TextBlock(report.title, STYLES["title"], fonts),
        TextBlock(_summary(report), STYLES["body"], fonts),
        TextBlock("一、各单位核查情况", STYLES["heading1"], fonts),
    ]
    unit = BLOCK_WIDTH / 28
    headers = [h if len(h) <= 4 else _wrap(h, 4) for h in UNIT_HEADERS]
    rows = [[_wrap(str(row[0]), 12), *row[1:]] for row in unit_rows(report)]
    story.append(_table(headers, rows, [9 * unit, *[3 * unit] * 5, 4 * unit], fonts))
    story.append(Spacer(1, 12))
    # The failed clues end the report with the issuer: kept on one page with it, so that the
    # issuer and date never stand alone on the last page (GB/T 9704).
    closing: list[Flowable] = [TextBlock("二、核查不合格线索", STYLES["heading1"], fonts)]
    if report.failed:
        rows = [
            [
                f.clue_code,
                _wrap(f.unit_name, 6),
                f.channel,
                _wrap(f.verdict.label, 4),
                _wrap(f.note, 10),
            ]
            for f in report.failed
        ]
        widths = [6.5 * unit, 5 * unit, 4 * unit, 4.5 * unit, 8 * unit]
        closing.append(_table(FAILED_HEADERS, rows, widths, fonts))
    else:
        closing.append(TextBlock("本周抽查线索未发现不合格。", STYLES["body"], fonts))
    closing.append(Spacer(1, 12))
    closing.append(Signature(report.office_name, day_cn(report.issued_on), fonts, draft=False))
    if len(report.failed) <= KEEP_FAILED_WITH_ISSUER:
        story.append(KeepTogether(closing))
    else:
        story.extend(closing)
    return story


def render_report_bytes(report: WeekReport, *, fonts: FontSet | None = None) -> bytes:
    """The PDF of the week's report."""
    fonts = fonts or default_fonts()
    buffer = io.BytesIO()
    _ReportTemplate(buffer, report, fonts).build(report_story(report, fonts))
    return buffer.getvalue()


def render_report(report: WeekReport, target: Path | str, *, fonts: FontSet | None = None) -> None:
    """Write the PDF of the week's report."""
    Path(target).write_bytes(render_report_bytes(report, fonts=fonts))


# --------------------------------------------------------------------------- xlsx


def report_sheets(report: WeekReport) -> list[Sheet]:
    """The report's workbook: the per-unit figures and the failed clues."""
    units = [
        [
            line.unit_name,
            line.drawn,
            line.passed,
            line.irregular,
            line.incomplete,
            line.pending,
            line.pass_rate,
        ]
        for line in (*report.units, report.totals)
    ]
    failed = [[f.clue_code, f.unit_name, f.channel, f.verdict.label, f.note] for f in report.failed]
    caption = f"{report.office_name} {report.title}"
    seeds = "、".join(str(s) for s in report.seeds)
    return [
        Sheet(
            "各单位核查情况",
            UNIT_HEADERS,
            units,
            caption=caption,
            percent_columns=frozenset({6}),
            notes=(f"核查周：{report.week}；随机种子：{seeds}", "按每件线索首轮核查结果统计。"),
        ),
        Sheet("核查不合格线索", FAILED_HEADERS, failed, caption=caption),
    ]


def write_report_xlsx(report: WeekReport, target: Path | BinaryIO) -> None:
    """Write the report's .xlsx (the same numbers as the PDF)."""
    write_workbook(target, report_sheets(report))
