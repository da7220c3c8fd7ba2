"""A TrueType font whose ToUnicode map is right for characters outside the BMP.

reportlab's `makeToUnicodeCMap` (reportlab.pdfbase.ttfonts) writes each code point as
`<%04X>`, so U+2C1D5 becomes `<2C1D5>`: an odd number of hex digits that no reader takes as
UTF-16, and search and copy of such a character break (196 of the 8,105 characters of the
通用规范汉字表 lie outside the BMP). `Utf16TTFont` lets reportlab write its font objects and
then replaces each subset's map with one that writes UTF-16BE (a surrogate pair above U+FFFF).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.ttfonts import TTFont


def utf16_hex(code: int) -> str:
    """A code point as the hex digits of its UTF-16BE form (a surrogate pair above U+FFFF)."""
    return chr(code).encode("utf-16-be").hex().upper()


def to_unicode_cmap(font_name: str, subset: Sequence[int]) -> str:
    """The ToUnicode CMap of one 256-glyph subset: byte code → UTF-16BE text."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({font_name})",
        f"/Ordering ({font_name})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{font_name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
    ]
    pairs = list(enumerate(subset))
    for start in range(0, len(pairs), 100):  # at most 100 entries per bfchar section
        chunk = pairs[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{code:02X}> <{utf16_hex(value)}>" for code, value in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class Utf16TTFont(TTFont):
    """reportlab's embedded TrueType font with a UTF-16 ToUnicode map per subset."""

    def addObjects(self, doc: Any) -> None:  # noqa: N802 (reportlab's name)
        """Write the font objects as reportlab does, then put the right maps in."""
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state is not None else []
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(subsets))]
        super().addObjects(doc)
        for internal, subset in zip(names, subsets, strict=True):
            font = doc.idToObject["BasicFonts"].dict[internal]
            stream = doc.idToObject["toUnicodeCMap:" + font.BaseFont]
            stream.content = to_unicode_cmap(font.BaseFont, subset)
