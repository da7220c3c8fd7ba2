"""Adjacent full-width punctuation set closer (标点挤压), as Chinese typesetting does.

A full-width closing mark (，。、；：！？）》」…) has its ink in the left half of its em, an
opening mark (（《「…) in the right half. Two of them in a row ("）：", "》（", "。」", "（《")
would leave a whole empty em between their inks; the empty half next to the pair's joint
collapses, so the second mark moves half an em closer (GB/T 15834 practice, W3C clreq 3.1.6).
"""

from __future__ import annotations

CLOSING = frozenset("，。、；：！？）》」』】〕〉〗］｝”’")
"""Full-width closing (and pause/stop) marks: ink left, empty right half."""
OPENING = frozenset("（《「『【〔〈〖［｛“‘")
"""Full-width opening marks: empty left half, ink right."""
SQUEEZE = 0.5
"""How much closer the second mark of a squeezed pair moves, in em."""
FULL_WIDTH = 0.9
"""A mark counts as full width (and squeezable) when its advance is at least this many em."""


def squeezes(first: str, second: str) -> bool:
    """Whether the gap between two adjacent marks collapses by half an em."""
    if first in CLOSING:
        return second in CLOSING or second in OPENING
    return first in OPENING and second in OPENING
