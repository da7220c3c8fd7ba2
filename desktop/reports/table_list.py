"""A list printed from any table of the window (清单): a PDF of a title, who made it and when,
the table with its header on every page, the row count and 第 x 页 共 y 页; and the same list
as a sheet of the program's workbook writer (`desktop.reports.spreadsheet`).

`TableList` holds a list as data: the headers, the rows' typed values (what the .xlsx keeps)
and, when the view shows them otherwise, the rows' texts as shown (what the PDF prints).
`render_table_list` lays it on A4, portrait when the columns fit, else landscape: every column
gets the width its content needs, and when they do not all fit, the long texts share what is
left and wrap (Chinese lines break with the notices' kinsoku rules). The fonts are the
notices' own (`desktop.reports.fonts`), embedded.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table, TableStyle
from reportlab.platypus.flowables import Spacer

from desktop.domain.timeutil import to_china
from desktop.reports.flowables import SetLine, TextBlock, draw_line
from desktop.reports.fonts import HEI, SONG, FontSet, default_fonts
from desktop.reports.geometry import TextStyle
from desktop.reports.spreadsheet import CellValue, Sheet

MARGIN = 12 * mm
"""The paper's margin on every side but the foot."""
FOOT = 14 * mm
"""The room below the table for 第 x 页 共 y 页."""
CELL_SIZE = 9.0
PAD = 3.0
"""A cell's padding on each side, in points."""
MIN_WRAP_CHARS = 5
"""A column whose text wraps is at least this many characters wide."""
SHORT_CHARS = 6
"""A text up to this many characters is never wrapped (its column is at least as wide)."""
WHOLE_CHARS = 24
"""A code or number up to this many characters is never broken (its column keeps its width)."""
WIDE_SHARE = 0.4
"""A column of long texts weighs at most this share of the page's width when the columns
share what is left (the rest goes to the others)."""
MEASURED_CHARS = 200
"""Only this much of a long text counts for its column's width (it wraps anyway)."""

TITLE_STYLE = TextStyle(HEI, 15.0, "center", line=22.0)
INFO_STYLE = TextStyle(SONG, 9.0, "left", line=13.0)
HEAD_STYLE = TextStyle(HEI, CELL_SIZE, "center", line=12.0)
CELL_STYLE = TextStyle(SONG, CELL_SIZE, "left", line=12.0)
NUMBER_STYLE = TextStyle(SONG, CELL_SIZE, "right", line=12.0)
FOOT_STYLE = TextStyle(SONG, 9.0, "center", line=12.0)
RUNNING_STYLE = TextStyle(SONG, 8.0, "center", line=11.0)

_GRID = Color(0.55, 0.55, 0.55)
_HEAD_FILL = Color(0.87, 0.89, 0.93)
_GREY = Color(0.35, 0.35, 0.35)

DATE_TEXT = "%Y-%m-%d"
TIME_TEXT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class TableList:
    """A list as the user saw it: its title, who made it and when, its headers and rows."""

    title: str
    """The view's name and its filter, e.g. 逾期线索清单（红色预警，城东街道）."""
    headers: Sequence[str]
    rows: Sequence[Sequence[CellValue]]
    """The rows' typed values, in the order shown (the .xlsx keeps these)."""
    made_by: str = ""
    """The unit that made the list."""
    made_at: datetime | None = None
    texts: Sequence[Sequence[str]] | None = None
    """The rows as shown (the PDF prints these); None: the typed values written out."""
    notes: Sequence[str] = ()
    """Lines about the data: the filter, when it was last synced."""
    percent_columns: frozenset[int] = field(default_factory=frozenset)
    sheet_name: str = ""
    """The .xlsx sheet's name (default: the title)."""

    def text_rows(self) -> Sequence[Sequence[str]]:
        """The rows as printed."""
        if self.texts is not None:
            return self.texts
        return [
            [cell_text(v, i in self.percent_columns) for i, v in enumerate(row)]
            for row in self.rows
        ]

    def info_lines(self) -> list[str]:
        """The lines under the title: who made the list and when, then the notes."""
        made: list[str] = []
        if self.made_by:
            made.append(f"制表单位：{self.made_by}")
        if self.made_at is not None:
            made.append(f"制表时间：{to_china(self.made_at).strftime(TIME_TEXT)}")
        lines = ["　　".join(made)] if made else []
        return lines + [note for note in self.notes if note]

    def count_line(self) -> str:
        """The row count under the table."""
        return f"共 {len(self.rows):,} 条"


def cell_text(value: CellValue, percent: bool = False) -> str:
    """A typed value as a list prints it: times in China time, shares as percentages."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        moment = to_china(value) if value.tzinfo else value
        return moment.strftime(TIME_TEXT)
    if isinstance(value, date):
        return value.strftime(DATE_TEXT)
    if isinstance(value, float):
        return f"{value:.2%}" if percent else f"{value:.2f}"
    return str(value)


def table_sheet(table: TableList) -> Sheet:
    """The list as a sheet of the workbook writer: caption = the title, notes under it."""
    notes = [*table.info_lines(), table.count_line()]
    return Sheet(
        title=table.sheet_name or table.title,
        headers=list(table.headers),
        rows=table.rows,
        caption=table.title,
        percent_columns=table.percent_columns,
        notes=notes,
    )


# -- column widths --------------------------------------------------------------------------


class _Measure:
    """Text widths in one style, with the advance of every character cached."""

    def __init__(self, fonts: FontSet, style: TextStyle) -> None:
        self.fonts = fonts
        self.style = style
        self._advance: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        width = 0.0
        for char in text[:MEASURED_CHARS]:
            found = self._advance.get(char)
            if found is None:
                found = self._advance[char] = self.fonts.advance(
                    char, self.style.role, self.style.size
                )
            width += found
        return width


def _whole(values: Sequence[CellValue], texts: Sequence[str]) -> bool:
    """Whether a column holds only numbers, dates and short codes (never wrapped)."""
    for value, text in zip(values, texts, strict=True):
        if value is None or isinstance(value, int | float | date):
            continue
        if len(text) > WHOLE_CHARS or any(ord(c) > 0x2E7F or c.isspace() for c in text):
            return False
    return True


def _numeric(values: Sequence[CellValue]) -> bool:
    present = [v for v in values if v is not None and v != ""]
    return bool(present) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in present
    )


def fit_widths(natural: Sequence[float], least: Sequence[float], room: float) -> list[float]:
    """Column widths filling `room`: every column its natural width when they all fit (the
    rest shared out by size). Else the columns that cannot wrap keep theirs and the others
    share what is left by how much text they hold (a long one weighing at most WIDE_SHARE of
    the room), never below their least width; all scaled down when even that is too much."""
    total = sum(natural)
    if total <= room:
        extra = room - total
        return [w + extra * w / total for w in natural] if total else list(natural)
    weight = [min(n, WIDE_SHARE * room) for n in natural]
    assigned = {i: n for i, (n, m) in enumerate(zip(natural, least, strict=True)) if m >= n}
    while len(assigned) < len(natural):
        flexible = [i for i in range(len(natural)) if i not in assigned]
        left = room - sum(assigned.values())
        weights = sum(weight[i] for i in flexible)
        share = {i: left * weight[i] / weights for i in flexible}
        settled = {i: natural[i] for i in flexible if natural[i] <= share[i]}
        settled |= {i: least[i] for i in flexible if i not in settled and least[i] >= share[i]}
        if not settled:
            assigned |= share
            break
        assigned |= settled
    widths = [assigned[i] for i in range(len(natural))]
    used = sum(widths)
    if used > room:
        widths = [w * room / used for w in widths]
    return widths


@dataclass(frozen=True)
class Layout:
    """How a list lies on the paper: the page size and the columns' widths."""

    pagesize: tuple[float, float]
    widths: list[float]
    numeric: list[bool]

    @property
    def landscape(self) -> bool:
        """Whether the page is turned."""
        return self.pagesize[0] > self.pagesize[1]


def plan_layout(table: TableList, fonts: FontSet) -> Layout:
    """Portrait when the columns fit it at their natural widths, else landscape; the widths."""
    head, cell = _Measure(fonts, HEAD_STYLE), _Measure(fonts, CELL_STYLE)
    texts = table.text_rows()
    columns = len(table.headers)
    natural: list[float] = []
    least: list[float] = []
    numeric: list[bool] = []
    for c in range(columns):
        values = [row[c] if c < len(row) else None for row in table.rows]
        shown = [row[c] if c < len(row) else "" for row in texts]
        content = max((cell(t) for t in shown), default=0.0)
        header = head(table.headers[c])
        width = max(content, header) + 2 * PAD + 1
        natural.append(width)
        if _whole(values, shown):  # codes whole; a time may go onto two lines at its space
            pieces = max((cell(p) for t in shown for p in t.split()), default=0.0)
            smallest = max(pieces, min(header, MIN_WRAP_CHARS * CELL_SIZE))
        else:  # a short text (▲ 二级预警) stays on one line
            short = max((cell(t) for t in shown if len(t) <= SHORT_CHARS), default=0.0)
            smallest = max(short, MIN_WRAP_CHARS * CELL_SIZE)
        least.append(min(width, smallest + 2 * PAD + 1))
        numeric.append(_numeric(values))
    portrait = A4
    room = portrait[0] - 2 * MARGIN
    pagesize = portrait if sum(natural) <= room else landscape(A4)
    widths = fit_widths(natural, least, pagesize[0] - 2 * MARGIN)
    return Layout(pagesize, widths, numeric)


# -- the document ---------------------------------------------------------------------------


def _footer_canvas(fonts: FontSet, title: str, pagesize: tuple[float, float]) -> type[Canvas]:
    """A canvas that holds its pages back until the end, to print 第 x 页 共 y 页 on each."""

    class ListCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._foot(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _text(self, text: str, style: TextStyle, y: float) -> None:
            width = pagesize[0]
            advance = sum(fonts.advance(c, style.role, style.size) for c in text)
            room = width - 2 * MARGIN
            line = SetLine(text, advance, 0.0, True)
            draw_line(self, fonts, style, line, MARGIN, y, room)

        def _foot(self, total: int) -> None:
            number = self.getPageNumber()
            self.saveState()
            self.setFillColor(_GREY)
            self._text(f"第 {number} 页 共 {total} 页", FOOT_STYLE, FOOT / 2)
            if number > 1:
                self._text(title, RUNNING_STYLE, pagesize[1] - MARGIN / 2 - 3)
            self.restoreState()

    return ListCanvas


def _cell(text: str, style: TextStyle, fonts: FontSet) -> TextBlock:
    return TextBlock(text, style, fonts)


def list_story(table: TableList, fonts: FontSet, layout: Layout) -> list[Flowable]:
    """The flowables of a list: title, who and when, the table, the row count."""
    story: list[Flowable] = [TextBlock(table.title, TITLE_STYLE, fonts), Spacer(1, 4)]
    for line in table.info_lines():
        story.append(TextBlock(line, INFO_STYLE, fonts))
    story.append(Spacer(1, 4))
    header: list[Flowable] = [_cell(h, HEAD_STYLE, fonts) for h in table.headers]
    styles = [NUMBER_STYLE if n else CELL_STYLE for n in layout.numeric]
    data: list[list[Flowable]] = [header]
    columns = len(table.headers)
    for row in table.text_rows():
        cells = list(row[:columns]) + [""] * (columns - len(row))
        data.append([_cell(t, styles[i], fonts) for i, t in enumerate(cells)])
    grid = Table(data, colWidths=layout.widths, repeatRows=1, hAlign="CENTER")
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.first_font(SONG)),
                ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
                ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    story += [grid, Spacer(1, 4), TextBlock(table.count_line(), INFO_STYLE, fonts)]
    return story


def render_table_list(
    table: TableList,
    target: Path | str | BinaryIO,
    *,
    fonts: FontSet | None = None,
    page_done: Callable[[int], None] | None = None,
) -> Layout:
    """Write the list as a PDF to a path or a binary file; returns how it was laid out.

    `page_done(n)` is called as page n is laid out (it may raise to stop the job).
    """
    fonts = fonts or default_fonts()
    layout = plan_layout(table, fonts)
    width, height = layout.pagesize
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=layout.pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=FOOT,
        title=table.title,
        author=table.made_by,
        creator="cluedesk",
        lang="zh-CN",
        invariant=1,
        initialFontName=fonts.first_font(SONG),
        initialFontSize=CELL_SIZE,
    )
    frame = Frame(
        MARGIN,
        FOOT,
        width - 2 * MARGIN,
        height - MARGIN - FOOT,
        id="list",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def on_page(canv: Canvas, _doc: BaseDocTemplate) -> None:
        if page_done is not None:
            page_done(canv.getPageNumber())

    doc.addPageTemplates([PageTemplate("list", frames=[frame], onPage=on_page)])
    doc.build(
        list_story(table, fonts, layout),
        canvasmaker=_footer_canvas(fonts, table.title, layout.pagesize),
    )
    data = buffer.getvalue()
    if isinstance(target, str | Path):
        Path(target).write_bytes(data)
    else:
        target.write(data)
    return layout
