"""The platypus flowables of a notice: grid-set text, the signature and seal area, the QR mark."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from desktop.reports.fonts import TITLE_STROKE, FontSet
from desktop.reports.geometry import (
    BLOCK_BOTTOM,
    BLOCK_LEFT,
    BLOCK_RIGHT,
    LINE,
    PAGE_NUMBER_GAP,
    QR_SIZE,
    SEAL_DIAMETER,
    SEAL_LINES,
    STYLES,
    TextStyle,
    baseline_offset,
)
from desktop.reports.linebreak import break_lines
from desktop.reports.punctuation import CLOSING, OPENING
from desktop.reports.qr_matrix import qr_modules

MARKS = CLOSING | OPENING

_EPS = 1e-6
_GREY = Color(0.55, 0.55, 0.55)


def _subsets(canv: Canvas, name: str, run: str) -> tuple[list[int], bytes]:
    """The font subset of each character of `run` and its one-byte code in it (a TrueType
    font is embedded as subsets of 256 glyphs, one text-showing operator each)."""
    font: Any = pdfmetrics.getFont(name)
    subsets: list[int] = []
    codes: list[bytes] = []
    for subset, chunk in font.splitString(run, canv._doc):  # type: ignore[attr-defined]
        subsets += [subset] * len(chunk)
        codes.append(chunk)
    return subsets, b"".join(codes)


_NUMBERS: dict[float, str] = {}


def number(value: float) -> str:
    """A number as reportlab writes it into a page (`fp_str`), remembered: a notice's text
    lines sit on a grid, so the same few thousand positions come back in every document."""
    text = _NUMBERS.get(value)
    if text is None:
        if len(_NUMBERS) >= 65536:
            _NUMBERS.clear()
        text = _NUMBERS[value] = fp_str(value)
    return text


class _TextCode:
    """The operators of one text object, written as reportlab's PDFTextObject writes them
    (`beginText`, `setFont`, `textOut`, `setTextOrigin`), without its per-call work."""

    def __init__(self, canv: Canvas, x: float, y: float, spacing: float) -> None:
        self.canv: Any = canv
        self.code = ["BT", f"1 0 0 1 {number(x)} {number(y)} Tm", f"{number(spacing)} Tc"]
        self.mode = 0
        self.font: Any = None
        self.subset = -1
        self.size = ""

    def set_mode(self, mode: int) -> None:
        """Tr, when it changes."""
        if mode != self.mode:
            self.mode = mode
            self.code.append(f"{mode} Tr")

    def set_font(self, name: str, size: float) -> None:
        """The font of what follows (its subset operator comes with the first text)."""
        self.font = pdfmetrics.getFont(name)
        self.subset = -1
        self.size = f"{number(size)} Tf {number(size * 1.2)} TL"

    def show(self, subsets: list[int], codes: bytes) -> None:
        """Show characters (their subsets and codes), a Tj per subset."""
        doc = self.canv._doc
        escape = self.canv._escape
        start = 0
        for i in range(1, len(subsets) + 1):
            if i < len(subsets) and subsets[i] == subsets[start]:
                continue
            subset = subsets[start]
            if subset != self.subset:
                name = self.font.getSubsetInternalName(subset, doc)
                self.code.append(f"{name} {self.size}")
                self.subset = subset
            self.code.append(f"({escape(codes[start:i])}) Tj")
            start = i

    def move(self, x: float, y: float) -> None:
        """Tm to a new text origin."""
        self.code.append(f"1 0 0 1 {number(x)} {number(y)} Tm")

    def draw(self) -> None:
        """Put the text object on the canvas."""
        self.code.append("ET")
        self.canv._code.append(" ".join(self.code))


@dataclass(frozen=True)
class SetLine:
    """A line ready to draw: text, natural width, indent, and whether it ends its paragraph."""

    text: str
    width: float
    indent: float
    last: bool


def draw_line(
    canv: Canvas, fonts: FontSet, style: TextStyle, line: SetLine, x: float, y: float, room: float
) -> None:
    """Draw one set line with its baseline at y, in `room` points starting at x.

    The line sets its own character spacing (Tc), 0 unless it is justified: Tc belongs to the
    graphics state and outlives the text object, so a line that left it alone would inherit
    the spacing of the justified line before it. Squeezed punctuation pairs start a new text
    position, and so does every change of font or font subset: a reader that, like
    pdfminer, adds Tc between the glyphs of one string but not after its last one then still
    finds every glyph where it is drawn. The title in a bundled face is filled and stroked
    (FontSet.synthetic_bold).
    """
    size = style.size
    key = (line.text, style, room, line.width, line.last)
    plan = fonts.line_plans.get(key)
    if plan is None:
        plan = _plan(fonts, style, line, room)
        fonts.remember_plan(key, plan)
    x += plan.shift
    spacing = plan.spacing
    kerns, advances = plan.kerns, plan.advances
    last = len(kerns)  # no cut after a line's last character
    if plan.bold:
        canv.saveState()
        canv.setLineWidth(TITLE_STROKE * size)
    text = _TextCode(canv, x, y, spacing)
    pos = x
    for name, heavy, start, end in plan.runs:
        text.set_font(name, size)
        if heavy:
            text.set_mode(2)
        subsets, codes = _subsets(canv, name, line.text[start:end])
        cuts = {i for i in plan.kerned if start <= i < end}
        if spacing:
            # every change of subset (and the run's end) starts a new text position
            ends = {start + j for j in range(end - start - 1) if subsets[j] != subsets[j + 1]}
            cuts |= {i for i in ends | {end - 1} if i < last}
        cut = start
        for i in sorted(cuts):
            text.show(subsets[cut - start : i + 1 - start], codes[cut - start : i + 1 - start])
            pos += sum(advances[cut : i + 1])
            pos += spacing * (i + 1 - cut) + kerns[i]
            text.move(pos, y)
            cut = i + 1
        if cut < end:
            text.show(subsets[cut - start :], codes[cut - start :])
            pos += sum(advances[cut:end])
            pos += spacing * (end - cut)
        if heavy:
            text.set_mode(0)
    text.draw()
    if plan.bold:
        canv.restoreState()


@dataclass(frozen=True)
class LinePlan:
    """What drawing a set line needs besides its document's font subsets: where it starts
    (`shift` from the left of its room), its character spacing, its runs (font, drawn
    heavier, start, end), each character's advance and squeeze after it, and where a
    squeeze starts a new text position."""

    shift: float
    spacing: float
    runs: tuple[tuple[str, bool, int, int], ...]
    advances: tuple[float, ...]
    kerns: tuple[float, ...]
    kerned: frozenset[int]
    bold: bool


def _plan(fonts: FontSet, style: TextStyle, line: SetLine, room: float) -> LinePlan:
    """The plan of a set line in `room` points (kept by the font set for every document)."""
    text_ = line.text
    role, size = style.role, style.size
    kerns = tuple(
        fonts.kern(a, b, role, size) if a in MARKS else 0.0
        for a, b in zip(text_, text_[1:], strict=False)
    )
    shift = spacing = 0.0
    if style.align == "center":
        shift = (room - line.width) / 2
    elif style.align == "right":
        shift = room - line.width
    elif style.align == "justify" and not line.last and len(text_) > 1:
        spacing = max(0.0, (room - line.width) / (len(text_) - 1))
    runs = []
    start = 0
    for name, run in fonts.runs(text_, role):
        runs.append((name, fonts.synthetic_bold(name, role), start, start + len(run)))
        start += len(run)
    return LinePlan(
        shift=shift,
        spacing=spacing,
        runs=tuple(runs),
        advances=tuple(fonts.advance(c, role, size) for c in text_),
        kerns=kerns,
        kerned=frozenset(i for i, k in enumerate(kerns) if k),
        bold=any(heavy for _, heavy, _, _ in runs),
    )


class TextBlock(Flowable):
    """Plain text set on the grid in one style; "\\n" starts a new paragraph.

    Lines come from `desktop.reports.linebreak.break_lines` (kinsoku rules), justified lines
    fill the room exactly, and the block splits between lines across pages.
    """

    def __init__(
        self,
        text: str,
        style: TextStyle,
        fonts: FontSet,
        *,
        lines: list[SetLine] | None = None,
        space_before: int | None = None,
        space_after: int | None = None,
        min_lines: int = 0,
    ) -> None:
        super().__init__()
        self.min_lines = min_lines
        self.text = text
        self.style = style
        self.fonts = fonts
        self.space_before = style.space_before if space_before is None else space_before
        self.space_after = style.space_after if space_after is None else space_after
        self.keepWithNext = style.keep_with_next
        self._lines = lines
        self._laid_for = -1.0 if lines is None else None

    def _measure(self, piece: str) -> float:
        advance = self.fonts.advance
        role, size = self.style.role, self.style.size
        return sum(advance(char, role, size) for char in piece)

    def _kern(self, first: str, second: str) -> float:
        return self.fonts.kern(first, second, self.style.role, self.style.size)

    def room(self, avail_width: float) -> float:
        """The width the lines may fill."""
        style = self.style
        return avail_width - style.indent(style.left_indent) - style.indent(style.right_indent)

    def set_lines(self, avail_width: float) -> list[SetLine]:
        """The lines of the block for a frame `avail_width` wide (cached, and kept by the
        font set for the next document that sets the same text in the same style)."""
        if self._lines is not None and self._laid_for in (None, avail_width):
            return self._lines
        key = (self.text, self.style, avail_width)
        known = self.fonts.layouts.get(key)
        if known is not None:
            self._lines = list(known)
            self._laid_for = avail_width
            return self._lines
        room = self.room(avail_width)
        first = self.style.indent(self.style.first_indent)
        lines: list[SetLine] = []
        for paragraph in self.text.split("\n"):
            broken = break_lines(
                paragraph, self._measure, room - first, room, kern=self._kern, em=self.style.size
            )
            for i, line in enumerate(broken):
                indent = first if i == 0 else 0.0
                lines.append(SetLine(line.text, line.width, indent, i == len(broken) - 1))
        self._lines = lines
        self._laid_for = avail_width
        self.fonts.remember_layout(key, tuple(lines))
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        lines = self.set_lines(availWidth)
        self.width = availWidth
        count = max(len(lines), self.min_lines)
        self.height = (count + self.space_before + self.space_after) * self.style.line
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        lines = self.set_lines(availWidth)
        fit = int((availHeight + _EPS) / self.style.line) - self.space_before
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        head = TextBlock(
            self.text,
            self.style,
            self.fonts,
            lines=lines[:fit],
            space_before=self.space_before,
            space_after=0,
        )
        tail = TextBlock(
            self.text,
            self.style,
            self.fonts,
            lines=lines[fit:],
            space_before=0,
            space_after=self.space_after,
        )
        return [head, tail]

    def draw(self) -> None:
        style = self.style
        lines = self.set_lines(self.width)
        left = style.indent(style.left_indent)
        room = self.room(self.width)
        top = self.height - self.space_before * style.line - baseline_offset(style)
        # fewer lines than min_lines (a table cell's value): centred in the room, like a label
        top -= max(0, self.min_lines - len(lines)) * style.line / 2
        for i, line in enumerate(lines):
            y = top - i * style.line
            draw_line(self.canv, self.fonts, style, line, left + line.indent, y, room - line.indent)


class Signature(Flowable):
    """The authority's name and the date, with room above for the seal (GB/T 9704 7.3.5.1).

    The date is right-aligned four characters in; the name is centred on the date; the seal
    (4.2 cm) presses on both, so SEAL_LINES blank lines are kept above the name. Drafts show
    a dashed circle where the seal goes.
    """

    def __init__(self, authority: str, date: str, fonts: FontSet, *, draft: bool) -> None:
        super().__init__()
        self.authority = authority
        self.date = date
        self.fonts = fonts
        self.draft = draft

    def _width(self, text: str, style: TextStyle) -> float:
        return sum(self.fonts.advance(c, style.role, style.size) for c in text)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = (SEAL_LINES + 2) * LINE
        return self.width, self.height

    def draw(self) -> None:
        date_style = STYLES["date"]
        name_style = STYLES["authority"]
        date_width = self._width(self.date, date_style)
        date_right = self.width - date_style.indent(date_style.right_indent)
        centre = date_right - date_width / 2
        name_width = self._width(self.authority, name_style)
        name_room = min(self.width, 2 * (self.width - centre))
        name_x = max(0.0, centre - name_room / 2)
        offset = baseline_offset(date_style)
        name_y = self.height - SEAL_LINES * LINE - offset
        date_y = name_y - LINE
        if name_width > name_room:
            name_x, name_room = self.width - name_width, name_width
        name = SetLine(self.authority, name_width, 0.0, True)
        draw_line(self.canv, self.fonts, name_style, name, name_x, name_y, name_room)
        date = SetLine(self.date, date_width, 0.0, True)
        draw_line(
            self.canv, self.fonts, date_style, date, date_right - date_width, date_y, date_width
        )
        if self.draft:
            canv = self.canv
            canv.saveState()
            canv.setStrokeColor(_GREY)
            canv.setDash(3, 3)
            # the name and the date sit a little below the seal's centre (GB/T 9704 7.3.5.1)
            canv.circle(centre, name_y + 2, SEAL_DIAMETER / 2, stroke=1, fill=0)
            canv.restoreState()


def draw_qr(canvas: Canvas, data: str, left: float, bottom: float, size: float) -> None:
    """Draw a QR code (reportlab's own encoder, the one behind reportlab.graphics.barcode.qr,
    error correction M, its mask chosen by desktop.reports.qr_matrix) as filled rectangles.

    The modules go straight into the page as one path in module units: reportlab's renderPDF
    would set its default font (Helvetica, a standard-14 font that is not embedded) on the
    page, and a path of a few hundred small rectangles is much faster to write this way.
    """
    modules = qr_modules(data)
    count = len(modules)
    module = size / count
    rects: list[str] = []
    for r, row in enumerate(modules):
        c = 0
        y = count - r - 1
        for dark, run in groupby(bool(m) for m in row):
            n = len(list(run))
            if dark:
                rects.append(f"{c} {y} {n} 1 re")
            c += n
    canvas.saveState()
    canvas.setFillColor(black)
    canvas.transform(module, 0, 0, module, left, bottom)
    canvas.addLiteral(" ".join(rects) + " f")
    canvas.restoreState()


class QrMark(Flowable):
    """A zero-size mark that draws the QR code in the bottom corner of the page it lands on.

    Placed after the notice's last flowable, it lands on the notice's last page; the code sits
    in the corner opposite the page number (left on odd pages, right on even ones), below the
    text block, with its data as a small caption.
    """

    def __init__(self, data: str, caption: str, fonts: FontSet) -> None:
        super().__init__()
        self.data = data
        self.caption = caption
        self.fonts = fonts
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802,N803
        odd = canvas.getPageNumber() % 2 == 1
        left = BLOCK_LEFT if odd else BLOCK_RIGHT - QR_SIZE
        bottom = BLOCK_BOTTOM - PAGE_NUMBER_GAP - QR_SIZE
        draw_qr(canvas, self.data, left, bottom, QR_SIZE)
        style = STYLES["qr_caption"]
        line = SetLine(self.caption, 0.0, 0.0, True)
        draw_line(canvas, self.fonts, style, line, left, bottom - style.line, QR_SIZE)
