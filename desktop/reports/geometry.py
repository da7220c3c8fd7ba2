"""The page of GB/T 9704-2012 and the text styles of a notice, as data.

A4 paper; the text block (版心) is 156 × 225 mm with its top 37 mm below the paper's top and
its left 28 mm from the paper's left. The body is 3号 仿宋 on a grid of 22 lines × 28
characters: a character cell is 156 mm / 28 = 15.79 pt wide (the 3号 size, 16 pt, as it
really fits 28 to a line, which is what Word's character grid prints too) and a line is
225 mm / 22 = 28.99 pt high, so 22 lines fill the block exactly. Every line of every style
sits on that grid.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from desktop.reports.fonts import FANGSONG, HEI, KAI, SONG, TITLE

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 37 * mm
MARGIN_LEFT = 28 * mm
BLOCK_WIDTH = 156 * mm
BLOCK_HEIGHT = 225 * mm
BLOCK_LEFT = MARGIN_LEFT
BLOCK_RIGHT = MARGIN_LEFT + BLOCK_WIDTH
BLOCK_TOP = PAGE_HEIGHT - MARGIN_TOP
BLOCK_BOTTOM = BLOCK_TOP - BLOCK_HEIGHT

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
CELL = BLOCK_WIDTH / CHARS_PER_LINE
"""The width of one body character: 15.79 pt (3号 on the 28-character grid)."""
LINE = math.floor(BLOCK_HEIGHT / LINES_PER_PAGE * 1024) / 1024
"""The height of one grid line: 28.99 pt (rounded down to 1/1024 pt, so that sums of whole
lines are exact in floating point and 22 of them always fit the block: 0.01 pt to spare)."""
BODY_SIZE = CELL

TITLE_SIZE = 22.0
"""2号."""
PAGE_NUMBER_SIZE = 14.0
"""4号."""
PAGE_NUMBER_GAP = 7 * mm
"""The page number's 一字线 lies 7 mm below the text block."""

EM_ASCENT = 0.88
"""Where the ideographic em box's top lies above the baseline, in em."""

SEAL_DIAMETER = 42 * mm
"""An official round seal (公章)."""
SEAL_LINES = 2
"""Blank grid lines left above the authority's name so the seal (4.2 cm) can press on the
name and the date: with the two text lines, 4 × 28.99 pt ≈ 4.1 cm."""

QR_SIZE = 18 * mm

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class TextStyle:
    """How a block of text is set: font role, size, alignment and indents in characters.

    `keep_with_next` keeps the whole block with the next one (title, number); a heading
    instead asks for `orphan_lines` lines of room below it, else it starts a new page.
    """

    role: str
    size: float
    align: Align = "justify"
    first_indent: float = 0.0
    left_indent: float = 0.0
    right_indent: float = 0.0
    space_before: int = 0
    space_after: int = 0
    line: float = LINE
    keep_with_next: bool = False
    orphan_lines: int = 0

    def indent(self, chars: float) -> float:
        """An indent of `chars` body characters, in points."""
        return chars * CELL


STYLES: dict[str, TextStyle] = {
    "title": TextStyle(TITLE, TITLE_SIZE, "center", keep_with_next=True),
    "number": TextStyle(FANGSONG, BODY_SIZE, "center", space_after=1, keep_with_next=True),
    "party": TextStyle(FANGSONG, BODY_SIZE, "justify", keep_with_next=False),
    "addressee": TextStyle(FANGSONG, BODY_SIZE, "justify"),
    "body": TextStyle(FANGSONG, BODY_SIZE, "justify", first_indent=2),
    "item": TextStyle(FANGSONG, BODY_SIZE, "justify", first_indent=2),
    "heading1": TextStyle(HEI, BODY_SIZE, "justify", first_indent=2, orphan_lines=2),
    "heading2": TextStyle(KAI, BODY_SIZE, "justify", first_indent=2, orphan_lines=2),
    "contact": TextStyle(FANGSONG, BODY_SIZE, "justify", first_indent=2),
    "authority": TextStyle(FANGSONG, BODY_SIZE, "center"),
    "date": TextStyle(FANGSONG, BODY_SIZE, "right", right_indent=4),
    "attachment_heading": TextStyle(HEI, BODY_SIZE, "left", space_before=1, orphan_lines=3),
    "clause_title": TextStyle(HEI, BODY_SIZE, "justify", first_indent=2, orphan_lines=2),
    "clause_text": TextStyle(FANGSONG, BODY_SIZE, "justify", first_indent=2),
    "proof_title": TextStyle(TITLE, TITLE_SIZE, "center", space_after=1),
    "cell": TextStyle(FANGSONG, 12.0, "justify", line=18.0),
    "cell_label": TextStyle(HEI, 12.0, "center", line=18.0),
    "proof_footer": TextStyle(FANGSONG, BODY_SIZE, "right", right_indent=2),
    "draft_mark": TextStyle(SONG, 96.0, "center"),
    "qr_caption": TextStyle(HEI, 7.0, "left", line=9.0),
    "page_number": TextStyle(SONG, PAGE_NUMBER_SIZE, "right", line=PAGE_NUMBER_SIZE),
}
"""Every style of the notice and its proof of service, by name."""


def baseline_offset(style: TextStyle) -> float:
    """How far below the top of its grid line a line's baseline lies (the em box centred)."""
    return (style.line - style.size) / 2 + EM_ASCENT * style.size
