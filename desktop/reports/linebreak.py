"""Chinese line breaking with the kinsoku rules (禁则) for the notice's text blocks.

Why this module exists: reportlab's CJK wrapping (`Paragraph` with wordWrap="CJK", i.e.
`cjkFragSplit` and `textsplit.wordSplit`) only knows a Japanese list of characters that may
not start a line, which lacks the Chinese full-width ，；：！？ and 》”’, so a line of a
reportlab paragraph can start with them; and where it does apply the rule it lets the
character hang past the right margin, outside the GB/T 9704 text block. It also cannot
justify CJK lines. The notice therefore sets its text with `TextBlock`
(desktop/reports/flowables.py), whose lines come from `break_lines` below: a character that
may not start a line pulls the last character of the line before down with it (推出), an
opening bracket or quote never ends a line, and numbers, codes and phone numbers stay whole
as long as the line before them need not stretch more than MAX_GAP per gap: then a code is
cut, after a - / : . _ where it has one that fits, else between two characters. A standard's
number ("GB 8978-1996", "GB/T 9704-2012") is one piece whose space never breaks. Adjacent
full-width punctuation is set closer (标点挤压) by the `kern` a caller passes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

CANNOT_START = frozenset("，。；：！？、》）”’" + "」』】〕〉〗］｝〙〛" + "!),.:;?]}%‰℃·")
"""Characters that never start a line (closing punctuation)."""
CANNOT_END = frozenset("《（“‘" + "「『【〔〈〖［｛〘〚" + "([{")
"""Characters that never end a line (opening punctuation)."""

MAX_PUSH = 4
"""At most this many pieces move down to keep one forbidden character off a line start."""
MAX_GAP = 0.25
"""The most a justified line may widen each gap between two characters, in em: a line of 28
cells that pushed four characters down stretches 4/23 ≈ 0.17 em per gap; a code that would
leave more room than this at a line end is cut instead of moving down whole."""
BREAK_AFTER = frozenset("-/:._@#")
"""Inside a code, the characters a line may break after (preferred to a cut elsewhere)."""

_UNIT = re.compile(
    r"[A-Za-z]+(?:/[A-Za-z]+)? [0-9](?:[0-9A-Za-z.\-/:@_#+%]*[0-9A-Za-z%])?"
    r"|[¥￥]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[¥￥][0-9]+(?:\.[0-9]+)?"
    r"|[0-9A-Za-z][0-9A-Za-z.\-/:@_#+%]*[0-9A-Za-z%]|——|……|.",
    re.DOTALL,
)

_EPS = 1e-6

Kern = Callable[[str, str], float]


@dataclass(frozen=True)
class Line:
    """One set line: its text and natural width in points (punctuation squeezes counted)."""

    text: str
    width: float


def units(text: str) -> list[str]:
    """The pieces a line may break between: single characters, Latin/digit runs (a standard's
    number with its space), amounts with their ¥ and thousands commas (¥50,000.00), —— and
    ……."""
    return _UNIT.findall(text)


def _starts_badly(unit: str) -> bool:
    return unit[0] in CANNOT_START


def _ends_badly(unit: str) -> bool:
    return unit[-1] in CANNOT_END


def _is_code(piece: str) -> bool:
    return len(piece) > 1 and piece[0].isascii() and piece[0].isalnum()


def _no_kern(first: str, second: str) -> float:
    return 0.0


def cut_points(code: str) -> tuple[list[int], list[int]]:
    """Where a code may be cut: after a BREAK_AFTER character (preferred), and anywhere else
    except beside a space or before a character that may not start a line."""
    preferred: list[int] = []
    other: list[int] = []
    for i in range(1, len(code)):
        if code[i - 1] == " " or code[i] == " " or code[i] in CANNOT_START:
            continue
        (preferred if code[i - 1] in BREAK_AFTER else other).append(i)
    return preferred, other


def break_lines(
    text: str,
    measure: Callable[[str], float],
    first_width: float,
    width: float,
    *,
    kern: Kern | None = None,
    em: float | None = None,
) -> list[Line]:
    """Break `text` into lines no wider than `first_width` (the first) and `width` (the rest).

    `measure` gives a piece's width in points, `kern(a, b)` the (negative) adjustment between
    two adjacent characters, `em` the size MAX_GAP counts in (default: the width of 中). No
    line starts with a CANNOT_START character and none ends with a CANNOT_END one, unless a
    line has nothing else to give.
    """
    kern = kern or _no_kern
    em = em if em is not None else measure("中")

    def span(seq: Sequence[str]) -> float:
        total = sum(measure(p) for p in seq)
        return total + sum(kern(a[-1], b[0]) for a, b in zip(seq, seq[1:], strict=False))

    def too_loose(seq: Sequence[str], room: float) -> bool:
        gaps = sum(len(p) for p in seq) - 1
        return gaps > 0 and (room - span(seq)) / gaps > MAX_GAP * em + _EPS

    def cut(seq: list[str], code: str, room: float) -> int:
        preferred, other = cut_points(code)
        fits = [i for i in preferred + other if span([*seq, code[:i]]) <= room + _EPS]
        good = [i for i in fits if i in preferred and not too_loose([*seq, code[:i]], room)]
        return max(good) if good else max(fits, default=0)

    pieces = units(text)
    lines: list[list[str]] = []
    current: list[str] = []
    avail = first_width
    i = 0
    used = 0.0  # span(current), kept as pieces are added
    while i < len(pieces):
        piece = pieces[i]
        wide = measure(piece) + (kern(current[-1][-1], piece[0]) if current else 0.0)
        if used + wide > avail + _EPS:
            if len(piece) > 1 and (not current or too_loose(current, avail)):
                at = cut(current, piece, avail)
                if at:
                    pieces[i : i + 1] = [piece[:at], piece[at:]]
                    continue
            if current:
                carry: list[str] = []
                while (
                    len(current) > 1
                    and len(carry) < MAX_PUSH
                    and (_starts_badly(carry[0] if carry else piece) or _ends_badly(current[-1]))
                ):
                    last = current.pop()
                    if _is_code(last) and too_loose(current, avail):
                        # a whole code going down would leave a loose line: cut it instead
                        at = cut(current, last, avail)
                        if at:
                            current.append(last[:at])
                            last = last[at:]
                    carry.insert(0, last)
                lines.append(current)
                current = carry
                avail = width
            used = span(current)
            wide = measure(piece) + (kern(current[-1][-1], piece[0]) if current else 0.0)
        current.append(piece)
        used += wide
        i += 1
    if current or not lines:
        lines.append(current)
    return [Line("".join(line), span(line)) for line in lines]
