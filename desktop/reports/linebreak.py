"""Chinese line breaking with the kinsoku rules (禁则) for the notice's text blocks.

Why this module exists: reportlab's CJK wrapping (`Paragraph` with wordWrap="CJK", i.e.
`cjkFragSplit` and `textsplit.wordSplit`) only knows a Japanese list of characters that may
not start a line, which lacks the Chinese full-width ，；：！？ and 》”’, so a line of a
reportlab paragraph can start with them; and where it does apply the rule it lets the
character hang past the right margin, outside the GB/T 9704 text block. It also cannot
justify CJK lines. The notice therefore sets its text with `TextBlock`
(desktop/reports/flowables.py), whose lines come from `break_lines` below: a character that
may not start a line pulls the last character of the line before down with it (推出), an
opening bracket or quote never ends a line, and numbers, codes and phone numbers stay whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

CANNOT_START = frozenset("，。；：！？、》）”’" + "」』】〕〉〗］｝〙〛" + "!),.:;?]}%‰℃·")
"""Characters that never start a line (closing punctuation)."""
CANNOT_END = frozenset("《（“‘" + "「『【〔〈〖［｛〘〚" + "([{")
"""Characters that never end a line (opening punctuation)."""

MAX_PUSH = 4
"""At most this many characters move down to keep one forbidden character off a line start."""
KEEP_WHOLE = 0.4
"""A run of Latin letters and digits stays on one line if it is at most this share of a line."""

_UNIT = re.compile(r"[0-9A-Za-z][0-9A-Za-z.\-/:@_#+%]*[0-9A-Za-z%]|——|……|.", re.DOTALL)

_EPS = 1e-6


@dataclass(frozen=True)
class Line:
    """One set line: its text and natural width in points."""

    text: str
    width: float


def units(text: str) -> list[str]:
    """The pieces a line may break between: single characters, Latin/digit runs, —— and ……."""
    return _UNIT.findall(text)


def _starts_badly(unit: str) -> bool:
    return unit[0] in CANNOT_START


def _ends_badly(unit: str) -> bool:
    return unit[-1] in CANNOT_END


def break_lines(
    text: str, measure: Callable[[str], float], first_width: float, width: float
) -> list[Line]:
    """Break `text` into lines no wider than `first_width` (the first) and `width` (the rest).

    `measure` gives a piece's width in points. No line starts with a CANNOT_START character
    and none ends with a CANNOT_END one, unless a line has nothing else to give.
    """
    pieces: list[str] = []
    widths: list[float] = []
    for unit in units(text):
        wide = measure(unit)
        if len(unit) > 1 and wide > KEEP_WHOLE * width:
            pieces.extend(unit)
            widths.extend(measure(char) for char in unit)
        else:
            pieces.append(unit)
            widths.append(wide)
    lines: list[list[int]] = []
    current: list[int] = []
    used = 0.0
    avail = first_width
    for index, wide in enumerate(widths):
        if current and used + wide > avail + _EPS:
            carry: list[int] = []
            while (
                len(current) > 1
                and len(carry) < MAX_PUSH
                and (
                    _starts_badly(pieces[carry[0] if carry else index])
                    or _ends_badly(pieces[current[-1]])
                )
            ):
                carry.insert(0, current.pop())
            lines.append(current)
            current = carry
            used = sum(widths[i] for i in carry)
            avail = width
        current.append(index)
        used += wide
    if current or not lines:
        lines.append(current)
    return [Line("".join(pieces[i] for i in line), sum(widths[i] for i in line)) for line in lines]
