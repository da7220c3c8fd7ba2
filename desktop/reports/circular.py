"""The monthly circular (月度通报) as a PDF in the official format of the notices, and as an
.xlsx workbook with the same numbers.

The PDF uses the notices' GB/T 9704 page (`desktop.reports.notice_pdf.NoticeDocTemplate`):
the issuing office's name in red as the 发文机关标志, the number under it and the red rule,
the title (关于2026年11月全市污染防治线索办理情况的通报), the addressees, a paragraph of the
month's overall figures, then the sections 一、二、… with their tables (表头 repeated on every
page a table runs over), the issuer and the date with room for the seal, and the sync time of
the data. Every table of the PDF is a sheet of the workbook (`circular_sheets`), with the
shares as percentages; both print from one `CircularData`.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.flowables import CondPageBreak

from desktop.domain.assessment_weights import COMPONENTS
from desktop.domain.circular import (
    COMPONENT_LABELS,
    Level,
    Mention,
    percent,
    score_text,
)
from desktop.domain.timeutil import to_china
from desktop.reports.documents import Block, NoticeDocument, day_cn, moment_cn
from desktop.reports.flowables import SetLine, Signature, TextBlock, draw_line
from desktop.reports.fonts import FANGSONG, HEI, TITLE, FontSet, default_fonts
from desktop.reports.geometry import BLOCK_WIDTH, EM_ASCENT, STYLES, TextStyle
from desktop.reports.notice_pdf import DRAFT_NUMBER, NoticeDocTemplate
from desktop.reports.numerals import chinese_count
from desktop.reports.spreadsheet import CellValue, Sheet, write_workbook
from desktop.store.circular import CircularData, ListedWarning

KIND = "circular"
RED = Color(0.85, 0.0, 0.0)
"""The red of the 发文机关标志 and the rule under it."""

NO_VERIFICATION = "本月未开展核查"
NO_WARNINGS = "本月无"

_CELL = TextStyle(FANGSONG, 10.5, "center", line=14.0)
_CELL_LEFT = replace(_CELL, align="left")
_HEAD = TextStyle(HEI, 10.5, "center", line=14.0)
_SMALL = TextStyle(FANGSONG, 9.0, "center", line=12.0)
_SMALL_HEAD = TextStyle(HEI, 9.0, "center", line=12.0)
_CAPTION = TextStyle(HEI, 12.0, "center", line=20.0)
_MASTHEAD = TextStyle(TITLE, 30.0, "center", line=44.0)
_NOTE = replace(STYLES["body"], first_indent=2)


@dataclass(frozen=True)
class Column:
    """A column of a table: its header and its width in millimetres (0: the rest)."""

    header: str
    width: float = 0.0


@dataclass(frozen=True)
class CircularTable:
    """A table of the circular: its caption, columns and rows of printed text, and the same
    rows as typed cells for the workbook."""

    key: str
    caption: str
    columns: tuple[Column, ...]
    texts: tuple[tuple[str, ...], ...]
    cells: tuple[tuple[CellValue, ...], ...]
    percent_columns: frozenset[int] = frozenset()
    small: bool = False


def _rate(value: int | float | None) -> float | None:
    return None if value is None else float(value)


def _word(level: Level) -> str:
    return "县区" if level is Level.CITY else "单位"


FIGURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("received", "收到线索"),
    ("closed", "办结"),
    ("closure_rate", "办结率"),
    ("handle_on_time_rate", "按时办理率"),
    ("warning_level2", "超期（二级预警）"),
    ("warning_level3", "三级预警"),
    ("returned", "退回"),
    ("rejected", "审核驳回"),
    ("satisfaction_rate", "回访满意率"),
)
"""表1's figures (statistics keys, see docs/statistics.md) and their headers."""

RATE_KEYS = frozenset(
    {"closure_rate", "handle_on_time_rate", "satisfaction_rate", "case_closure_rate"}
)


def _figure_cells(values: Callable[[str], int | float | None]) -> list[CellValue]:
    out: list[CellValue] = []
    for key, _ in FIGURE_COLUMNS:
        value = values(key)
        out.append(_rate(value) if key in RATE_KEYS else int(value or 0))
    return out


def figures_table(data: CircularData) -> CircularTable:
    """表1: the month's figures per row (in the ranking's order), then the total."""
    columns = (
        Column("序号", 8),
        Column(_word(data.level), 0),
        *(Column(header, 12) for _, header in FIGURE_COLUMNS),
    )
    shares = {i + 2 for i, (key, _) in enumerate(FIGURE_COLUMNS) if key in RATE_KEYS}
    texts, cells = [], []
    for n, row in enumerate(data.rows, start=1):
        values: tuple[CellValue, ...] = (n, row.name, *_figure_cells(row.value))
        cells.append(values)
        texts.append(_texts(values, shares))
    total: tuple[CellValue, ...] = ("", "合计", *_figure_cells(data.totals.value))
    cells.append(total)
    texts.append(_texts(total, shares))
    caption = f"表1　{data.month.label}各{_word(data.level)}线索办理情况"
    return CircularTable(
        "figures", caption, columns, tuple(texts), tuple(cells), frozenset(shares), small=True
    )


def _total(data: CircularData, key: str) -> int:
    return int(data.totals.counts.get(key, 0))


def _texts(values: Sequence[CellValue], shares: set[int]) -> tuple[str, ...]:
    out = []
    for i, value in enumerate(values):
        if i in shares:
            out.append(percent(value if isinstance(value, float) else None))
        elif value is None:
            out.append("—")
        elif isinstance(value, datetime):
            out.append(f"{to_china(value):%m-%d %H:%M}")
        else:
            out.append(str(value))
    return tuple(out)


def ranking_table(data: CircularData) -> CircularTable:
    """表2: the ranking by the assessment's combined score, with its components."""
    columns = [Column("排名", 8), Column(_word(data.level), 0), Column("综合得分", 13)]
    columns += [Column(COMPONENT_LABELS[c], 11) for c in COMPONENTS]
    texts, cells = [], []
    for row in data.rows:
        components = [_rate(row.ranked.components.get(c)) for c in COMPONENTS]
        values: tuple[CellValue, ...] = (
            row.rank or None,
            row.name,
            row.score,
            *components,
        )
        cells.append(values)
        shown = [str(row.rank) if row.rank else "—", row.name, score_text(row.score)]
        shown += ["—" if v is None else f"{v * 100:.1f}" for v in components]
        texts.append(tuple(shown))
    caption = f"表2　{data.month.label}各{_word(data.level)}考核得分及排名（得分项为百分比）"
    shares = frozenset(range(3, 3 + len(COMPONENTS)))
    return CircularTable(
        "ranking", caption, tuple(columns), tuple(texts), tuple(cells), shares, small=True
    )


def warning_table(data: CircularData, red: bool) -> CircularTable:
    """表3 (level 3) or 表4 (overdue, level 2): the warnings reached in the month."""
    items = data.red if red else data.overdue
    columns = [Column("序号", 9), Column("线索编号", 27), Column("环节", 17)]
    if data.level is Level.CITY:
        columns.append(Column("县区", 22))
    columns += [Column("责任单位", 0), Column("达到时间", 21), Column("消除时间", 21)]
    texts, cells = [], []
    for n, item in enumerate(items, start=1):
        values = _warning_values(n, item, data.level)
        cells.append(values)
        texts.append(_texts(values, set()))
    number, what = ("3", "三级预警（红色）线索") if red else ("4", "超期（二级预警）线索")
    caption = f"表{number}　{data.month.label}{what}清单"
    key = "red" if red else "overdue"
    return CircularTable(key, caption, tuple(columns), tuple(texts), tuple(cells), small=True)


def _warning_values(n: int, item: ListedWarning, level: Level) -> tuple[CellValue, ...]:
    values: list[CellValue] = [n, item.code, item.stage.label]
    if level is Level.CITY:
        values.append(item.area_name)
    values += [item.unit_name, item.reached_at, item.cleared_at if item.cleared_at else "未消除"]
    return tuple(values)


def verification_table(data: CircularData) -> CircularTable:
    """表5: the weekly verification of the month per row."""
    columns = (
        Column("序号", 9),
        Column(_word(data.level), 0),
        Column("抽查", 14),
        Column("合格", 14),
        Column("处置流程不规范", 20),
        Column("整改不到位", 18),
        Column("待核查", 14),
        Column("合格率", 16),
    )
    texts, cells = [], []
    rows = [r for r in data.rows if r.verification is not None and r.verification.drawn]
    for n, row in enumerate(rows, start=1):
        tally = row.verification
        assert tally is not None
        values: tuple[CellValue, ...] = (
            n,
            row.name,
            tally.drawn,
            tally.passed,
            tally.irregular,
            tally.incomplete,
            tally.pending,
            tally.pass_rate,
        )
        cells.append(values)
        texts.append(_texts(values, {7}))
    caption = f"表5　{data.month.label}每周核查情况"
    return CircularTable(
        "verification", caption, columns, tuple(texts), tuple(cells), frozenset({7})
    )


def cases_table(data: CircularData) -> CircularTable:
    """表6: the penalty cases filed and concluded in the month per row."""
    columns = (
        Column("序号", 12),
        Column(_word(data.level), 0),
        Column("立案数", 24),
        Column("结案数", 24),
        Column("结案率", 24),
    )
    texts, cells = [], []
    for n, line in enumerate(data.cases(), start=1):
        values: tuple[CellValue, ...] = (n, line.name, line.filed, line.concluded, line.rate)
        cells.append(values)
        texts.append(_texts(values, {4}))
    total: tuple[CellValue, ...] = (
        "",
        "合计",
        _total(data, "cases_filed"),
        _total(data, "cases_closed"),
        _rate(data.totals.value("case_closure_rate")),
    )
    cells.append(total)
    texts.append(_texts(total, {4}))
    caption = f"表6　{data.month.label}行政处罚案件办理情况"
    return CircularTable("cases", caption, columns, tuple(texts), tuple(cells), frozenset({4}))


def circular_tables(data: CircularData) -> tuple[CircularTable, ...]:
    """Every table of the circular, in the order it prints them."""
    return (
        figures_table(data),
        ranking_table(data),
        warning_table(data, red=True),
        warning_table(data, red=False),
        verification_table(data),
        cases_table(data),
    )


def overall_text(data: CircularData) -> str:
    """The paragraph of the month's overall figures."""
    t = data.totals
    area = "全市" if data.level is Level.CITY else data.area_name

    def n(key: str) -> int:
        return int(t.counts.get(key, 0))

    return (
        f"{data.month.label}，{area}共收到污染防治线索{n('received')}件，"
        f"办结{n('closed')}件，办结率{percent(_rate(t.value('closure_rate')))}；"
        f"按时办理率{percent(_rate(t.value('handle_on_time_rate')))}；"
        f"超期（二级预警）{n('warning_level2')}件，三级预警{n('warning_level3')}件；"
        f"退回{n('returned')}件，审核驳回{n('rejected')}件；"
        f"回访满意率{percent(_rate(t.value('satisfaction_rate')))}；"
        f"立案查处{n('cases_filed')}件，结案{n('cases_closed')}件，"
        f"结案率{percent(_rate(t.value('case_closure_rate')))}。现将有关情况通报如下："
    )


def sync_note(data: CircularData) -> str:
    """When the data were last synced (the figures count what the store held then)."""
    if data.synced_at is None:
        return "（本通报数据为本机数据，尚未与市级平台同步。）"
    return f"（本通报数据截至{moment_cn(data.synced_at)}同步。）"


def _ranking_text(data: CircularData) -> str:
    ranked = [r for r in data.rows if r.score is not None]
    if not ranked:
        return f"本月各{_word(data.level)}均无可考核事项。"
    first, last = ranked[0], ranked[-1]
    return (
        f"按照线索办理考核办法，本月综合得分前三名为"
        f"{'、'.join(r.name for r in ranked[:3])}，"
        f"其中{first.name}以{score_text(first.score)}分位列第一；"
        f"{last.name}综合得分{score_text(last.score)}分，排名末位。"
    )


def _warning_text(data: CircularData) -> str:
    return (
        f"本月共发生三级预警（红色）{len(data.red)}件次、超期（二级预警）{len(data.overdue)}件次，"
        "清单见表3、表4。请相关单位逐件说明原因，限期办结。"
    )


def _naming_blocks(data: CircularData) -> list[Block]:
    blocks: list[Block] = []
    for mention, lead in (
        (Mention.PRAISE, "对以下单位予以通报表扬："),
        (Mention.CRITICISM, "对以下单位予以通报批评，请其认真整改："),
    ):
        named = data.namings.of(mention)
        if not named:
            continue
        blocks.append(Block("body", lead))
        for n, item in enumerate(named, start=1):
            sentence = item.sentence.strip()
            if sentence and not sentence.endswith(("。", "！", "；")):
                sentence += "。"
            blocks.append(Block("body", f"{n}．{data.name_of(item.unit_code)}。{sentence}"))
    if not blocks:
        blocks.append(Block("body", "本月不作表扬和批评。"))
    return blocks


REQUIREMENTS = (
    "各单位要对照本通报，逐件梳理超期和三级预警线索，查明原因，限期办结，并于下月5日前"
    "将整改情况报送攻坚办。",
    "每周核查发现处置流程不规范、整改不到位的线索，责任单位要重新办理，按期反馈。",
    "线索办理情况纳入年度考核，攻坚办将持续通报。",
)


@dataclass(frozen=True)
class Section:
    """A section of the body: its heading, the paragraphs, and the tables after them."""

    heading: str
    paragraphs: tuple[Block, ...]
    tables: tuple[CircularTable, ...] = ()


def circular_sections(data: CircularData) -> tuple[Section, ...]:
    """The sections of the body, numbered 一、二、…."""
    figures, ranking, red, overdue, verification, cases = circular_tables(data)
    verified: tuple[tuple[Block, ...], tuple[CircularTable, ...]] = (
        (Block("body", "本月对已办结线索开展每周核查，各单位核查结果见表5。"),),
        (verification,),
    )
    if not data.verified:
        verified = ((Block("body", f"{NO_VERIFICATION}。"),), ())
    sections = [
        ("总体情况", (Block("body", "各单位线索办理情况见表1。"),), (figures,)),
        ("考核排名", (Block("body", _ranking_text(data)),), (ranking,)),
        ("超期和三级预警情况", (Block("body", _warning_text(data)),), (red, overdue)),
        ("每周核查情况", *verified),
        (
            "行政处罚案件办理情况",
            (Block("body", "各单位本月立案查处和结案情况见表6。"),),
            (cases,),
        ),
        ("表扬和批评", tuple(_naming_blocks(data)), ()),
        (
            "工作要求",
            tuple(
                Block("body", f"（{chinese_count(i)}）{t}")
                for i, t in enumerate(REQUIREMENTS, start=1)
            ),
            (),
        ),
    ]
    return tuple(
        Section(f"{chinese_count(i)}、{heading}", paragraphs, tables)
        for i, (heading, paragraphs, tables) in enumerate(sections, start=1)
    )


def build_circular_document(data: CircularData, issued_on: date) -> NoticeDocument:
    """The circular as the notices' document type (kind "circular"): what the page template
    and the signature read."""
    blocks = [Block("addressee", f"{data.addressees}："), Block("body", overall_text(data))]
    for section in circular_sections(data):
        blocks.append(Block("heading1", section.heading))
        blocks += section.paragraphs
    return NoticeDocument(
        kind=KIND,
        title=data.title,
        number=data.number,
        blocks=tuple(blocks),
        authority=data.issuer,
        date=day_cn(issued_on),
    )


class RedText(TextBlock):
    """A text block drawn in red (the 发文机关标志)."""

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setFillColor(RED)
        self.canv.setStrokeColor(RED)
        super().draw()
        self.canv.restoreState()


class RedRule(Flowable):
    """The red rule under the number (版头中的分隔线), across the text block."""

    def __init__(self, gap: float = 6.0) -> None:
        super().__init__()
        self.gap = gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = 2 * self.gap
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(RED)
        self.canv.setLineWidth(1.5)
        self.canv.line(0, self.gap, self.width, self.gap)
        self.canv.restoreState()


class Cell(Flowable):
    """A table cell's text: one line when it fits, else broken into lines (kinsoku rules).

    The lines are set once per column width: a table asks its cells for their size many
    times while it splits across pages."""

    def __init__(self, text: str, style: TextStyle, fonts: FontSet) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.fonts = fonts
        self._natural = -1.0
        self._set_for = -1.0
        self._lines: list[SetLine] = []

    def _lines_for(self, width: float) -> list[SetLine]:
        if width != self._set_for:
            if self._natural < 0:
                role, size, advance = self.style.role, self.style.size, self.fonts.advance
                self._natural = sum(advance(c, role, size) for c in self.text)
            if self._natural <= width + 0.01:
                self._lines = [SetLine(self.text, self._natural, 0.0, True)]
            else:
                self._lines = TextBlock(self.text, self.style, self.fonts).set_lines(width)
            self._set_for = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        lines = self._lines_for(availWidth)
        self.width = availWidth
        self.height = len(lines) * self.style.line
        return self.width, self.height

    def draw(self) -> None:
        style = self.style
        lines = self._lines_for(self.width)
        offset = (style.line - style.size) / 2 + EM_ASCENT * style.size
        for i, line in enumerate(lines):
            y = self.height - i * style.line - offset
            runs = self.fonts.runs(line.text, style.role)
            if len(runs) == 1 and not self.fonts.synthetic_bold(runs[0][0], style.role):
                # one font, no squeezed marks to kern in a cell's short text: drawn directly
                x = (self.width - line.width) / 2 if style.align == "center" else 0.0
                self.canv.setFont(runs[0][0], style.size)
                self.canv.drawString(x, y, line.text)
            else:
                draw_line(self.canv, self.fonts, style, line, 0.0, y, self.width)


def _widths(columns: Sequence[Column]) -> list[float]:
    fixed = sum(c.width for c in columns) * mm
    flexible = [c for c in columns if not c.width]
    rest = (BLOCK_WIDTH - fixed) / max(len(flexible), 1)
    return [c.width * mm if c.width else rest for c in columns]


def _cell(text: str, style: TextStyle, width: float, fonts: FontSet) -> str | Flowable:
    """A cell's content: plain text (drawn by the table itself, much faster) when one font
    draws all of it, its lines broken to the column's width; else a `Cell` flowable, which
    draws each run in the font that has its characters."""
    runs = fonts.runs(text, style.role)
    if len(runs) > 1 or (runs and runs[0][0] != fonts.first_font(style.role)):
        return Cell(text, style, fonts)
    cell = Cell(text, style, fonts)
    return "\n".join(line.text for line in cell._lines_for(width))


def table_flowable(table: CircularTable, fonts: FontSet) -> Table:
    """The ruled table, its header row repeated on every page it runs over."""
    head, cell = (_SMALL_HEAD, _SMALL) if table.small else (_HEAD, _CELL)
    widths = _widths(table.columns)
    room = [w - 2 * _PADDING for w in widths]
    rows: list[list[str | Flowable]] = [
        [_cell(c.header, head, room[i], fonts) for i, c in enumerate(table.columns)]
    ]
    name_column = next(
        (i for i, c in enumerate(table.columns) if c.header in ("县区", "单位", "责任单位")), -1
    )
    left = replace(cell, align="left")
    for texts in table.texts:
        rows.append(
            [
                _cell(t, left if i == name_column else cell, room[i], fonts)
                for i, t in enumerate(texts)
            ]
        )
    flowable = Table(rows, colWidths=widths, repeatRows=1, hAlign="CENTER")
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, 0), fonts.first_font(head.role)),
        ("FONTNAME", (0, 1), (-1, -1), fonts.first_font(cell.role)),
        ("FONTSIZE", (0, 0), (-1, -1), cell.size),
        ("LEADING", (0, 0), (-1, -1), cell.line),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.5, black),
        ("BOX", (0, 0), (-1, -1), 1.0, black),
        ("LINEBELOW", (0, 0), (-1, 0), 1.0, black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if name_column >= 0:
        commands.append(("ALIGN", (name_column, 1), (name_column, -1), "LEFT"))
    flowable.setStyle(TableStyle(commands))
    return flowable


_PADDING = 2.0


def _add(story: list[Flowable], block: Block, fonts: FontSet) -> None:
    style = STYLES[block.style]
    if style.orphan_lines:
        story.append(CondPageBreak((style.space_before + 1 + style.orphan_lines) * style.line))
    story.append(TextBlock(block.text, style, fonts))


def circular_story(data: CircularData, document: NoticeDocument, fonts: FontSet) -> list[Flowable]:
    """The flowables of the circular: masthead, number, rule, title, body with tables,
    signature, and the sync note."""
    story: list[Flowable] = [
        RedText(data.issuer, _MASTHEAD, fonts),
        TextBlock(document.number or DRAFT_NUMBER, STYLES["number"], fonts, space_after=0),
        RedRule(),
        TextBlock(document.title, replace(STYLES["title"], space_after=1), fonts),
    ]
    _add(story, Block("addressee", f"{data.addressees}："), fonts)
    _add(story, Block("body", overall_text(data)), fonts)
    _add(story, Block("body", sync_note(data)), fonts)
    for section in circular_sections(data):
        _add(story, Block("heading1", section.heading), fonts)
        for block in section.paragraphs:
            _add(story, block, fonts)
        for table in section.tables:
            story.append(CondPageBreak(_CAPTION.line + 4 * _CELL.line))
            story.append(TextBlock(table.caption, _CAPTION, fonts))
            if table.texts:
                story.append(table_flowable(table, fonts))
            else:
                story.append(TextBlock(f"{NO_WARNINGS}。", _NOTE, fonts))
    story[-1].keepWithNext = True
    story.append(Signature(document.authority, document.date, fonts, draft=document.draft))
    return story


def _check(data: CircularData, document: NoticeDocument, fonts: FontSet) -> None:
    for naming in data.namings.items:
        fonts.check(naming.sentence, "namings", "表扬和批评")
    for row in data.rows:
        fonts.check(row.name, "rows", "单位名称")
    fonts.check(document.title + (document.number or "") + data.issuer, "template", "通报")


def render_circular_bytes(
    data: CircularData, issued_on: date, *, fonts: FontSet | None = None
) -> bytes:
    """The PDF of the circular as bytes; MissingGlyph names a character no font can draw."""
    fonts = fonts or default_fonts()
    document = build_circular_document(data, issued_on)
    _check(data, document, fonts)
    buffer = io.BytesIO()
    NoticeDocTemplate(buffer, document, fonts).build(circular_story(data, document, fonts))
    return buffer.getvalue()


def render_circular(
    data: CircularData,
    target: Path | str | BinaryIO,
    issued_on: date,
    *,
    fonts: FontSet | None = None,
) -> None:
    """Write the PDF of the circular to a path or a binary file."""
    pdf = render_circular_bytes(data, issued_on, fonts=fonts)
    if isinstance(target, str | Path):
        Path(target).write_bytes(pdf)
    else:
        target.write(pdf)


def circular_sheets(data: CircularData) -> list[Sheet]:
    """The workbook's sheets: one per table of the PDF, the same numbers as typed cells."""
    sheets = []
    notes = [sync_note(data).strip("（）")]
    for table in circular_tables(data):
        title = table.caption.split("　", 1)[0]
        sheets.append(
            Sheet(
                title=f"{title} {_SHEET_NAMES[table.key]}",
                headers=[c.header for c in table.columns],
                rows=[list(r) for r in table.cells],
                caption=f"{data.title}　{table.caption}",
                percent_columns=table.percent_columns,
                notes=notes
                if table.cells
                else [NO_VERIFICATION if table.key == "verification" else f"{NO_WARNINGS}", *notes],
            )
        )
    namings = [[n.mention.label, data.name_of(n.unit_code), n.sentence] for n in data.namings.items]
    sheets.append(
        Sheet(
            "表扬和批评",
            ["类别", _word(data.level), "说明"],
            namings,
            caption=data.title,
            notes=notes,
        )
    )
    return sheets


_SHEET_NAMES = {
    "figures": "办理情况",
    "ranking": "考核排名",
    "red": "三级预警",
    "overdue": "超期",
    "verification": "每周核查",
    "cases": "处罚案件",
}


def write_circular_workbook(data: CircularData, target: Path | BinaryIO) -> None:
    """Write the .xlsx of the circular (one sheet per table)."""
    write_workbook(target, circular_sheets(data))


Progress = Callable[[int, int], None]

__all__ = [
    "CircularTable",
    "build_circular_document",
    "circular_sections",
    "circular_sheets",
    "circular_tables",
    "render_circular",
    "render_circular_bytes",
    "write_circular_workbook",
]
