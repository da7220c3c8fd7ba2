"""Embedded font subsets made once per process and shared by every PDF that uses them.

reportlab embeds a TrueType font as subsets of at most 256 glyphs, numbered in the order the
characters are first drawn, and builds and compresses each subset's font program, widths and
ToUnicode map anew for every document: most of a notice's time went there. `SharedSubsetFont`
keeps each finished subset (its compressed font program and map, its widths) by its glyph
list, and `preset` lets a document give the characters it certainly draws (a template's own
text) before anything is drawn, in a fixed order and in subsets of their own: every notice of
one template then shares those subsets, and only the characters of its own (the facts, the
party) go into a small subset built for it. Each PDF still embeds every glyph it draws and
nothing of another document's text.
"""

from __future__ import annotations

import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatch
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTEncoding,
    TTFontFace,
)
from reportlab.rl_config import unShapedFontGlob

from desktop.reports.tounicode import Utf16TTFont, to_unicode_cmap

_SUBSETTING = threading.Lock()
"""Held while a face makes a subset: reportlab's face is not safe in two threads at once."""
KEPT_SUBSETS = 48
"""How many finished subsets a font keeps (least recently used dropped first)."""


@dataclass(frozen=True)
class Prepared:
    """One subset, finished: its widths as PDF text, its font program and ToUnicode map as
    they go into the file (compressed when the document compresses), the program's length."""

    widths: bytes
    program: bytes
    program_length: int
    cmap: bytes


class Formatted(pdfdoc.PDFObject):
    """A direct PDF object already written out."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        """The object as it goes into the file."""
        return self.data


def _stream(data: bytes, compressed: bool, **entries: int) -> pdfdoc.PDFStream:
    """A stream whose content is already encoded (reportlab adds only its length)."""
    dictionary = pdfdoc.PDFDictionary(dict(entries))
    if compressed:
        dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
    return pdfdoc.PDFStream(dictionary, data)


class SharedSubsetFont(Utf16TTFont):
    """A TrueType font whose finished subsets are shared by every document of the process."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._prepared: OrderedDict[tuple[bool, int, tuple[int, ...]], Prepared] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def from_face(cls, name: str, face: TTFontFace) -> SharedSubsetFont:
        """The font of a face already parsed (desktop.reports.font_cache), set up as
        reportlab's TTFont.__init__ sets up one it parses itself."""
        font: Any = cls.__new__(cls)
        font.fontName = name
        font.face = face
        font.encoding = TTEncoding()
        font.state = WeakKeyDictionary()
        font._asciiReadable = rl_config.ttfAsciiReadable
        font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob or ())
        font._prepared = OrderedDict()
        font._lock = threading.Lock()
        made: SharedSubsetFont = font
        return made

    def _state(self, doc: Any) -> Any:
        """reportlab's per-document state of this font (made when missing)."""
        me: Any = self
        return me._assignState(doc)

    def preset(self, doc: Any, codes: Iterable[int]) -> None:
        """Give `doc` the characters `codes` (those this font has) before anything is drawn,
        in code point order, and start the document's other characters on a new subset."""
        glyphs = self.face.charToGlyph
        text = "".join(chr(c) for c in sorted(set(codes)) if c in glyphs and c > 32)
        # (sorted: the same characters always take the same codes)
        if not text:
            return
        state = self._state(doc)
        if state.nextCode > 1 or len(state.subsets) > 1:
            raise ValueError("preset before anything is drawn")
        self.splitString(text, doc)
        if state.nextCode & 0xFF:
            state.nextCode = (state.nextCode | 0xFF) + 1

    def _prepare(self, doc: Any, number: int, subset: list[int], base: str) -> Prepared:
        key = (bool(doc.compression), number, tuple(subset))
        with self._lock:
            found = self._prepared.get(key)
            if found is not None:
                self._prepared.move_to_end(key)
                return found
        with _SUBSETTING:  # a face reads its file through one shared position
            program = self.face.makeSubset(subset)
        cmap = to_unicode_cmap(base, subset).encode("latin-1")
        widths = pdfdoc.PDFArray([self.face.getCharWidth(c) for c in subset]).format(doc)
        compress = zlib.compress if doc.compression else bytes
        made = Prepared(widths, compress(program), len(program), compress(cmap))
        with self._lock:
            self._prepared[key] = made
            while len(self._prepared) > KEPT_SUBSETS:
                self._prepared.popitem(last=False)
        return made

    def addObjects(self, doc: Any) -> None:  # noqa: N802 (reportlab's name)
        """Write the font's subsets into `doc` as reportlab does, from the finished ones."""
        state = self._state(doc)
        state.frozen = 1
        face = self.face
        fonts = doc.idToObject["BasicFonts"].dict
        flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
        for number, subset in enumerate(state.subsets):
            internal = self.getSubsetInternalName(number, doc)[1:]
            base = b"".join((SUBSETN(number), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            made = self._prepare(doc, number, subset, base)
            compressed = bool(doc.compression)
            program = _stream(made.program, compressed, Length1=made.program_length)
            descriptor = pdfdoc.PDFDictionary(
                {
                    "Type": "/FontDescriptor",
                    "Ascent": face.ascent,
                    "CapHeight": face.capHeight,
                    "Descent": face.descent,
                    "Flags": flags,
                    "FontBBox": pdfdoc.PDFArray(face.bbox),
                    "FontName": pdfdoc.PDFName(base),
                    "ItalicAngle": face.italicAngle,
                    "StemV": face.stemV,
                    "FontFile2": doc.Reference(program, f"fontFile:{face.filename}({base})"),
                    "MissingWidth": face.defaultWidth,
                }
            )
            font: Any = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {number}"
            font.Name = internal
            font.BaseFont = base
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = Formatted(made.widths)
            cmap = _stream(made.cmap, compressed)
            font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base)
            font.FontDescriptor = doc.Reference(descriptor, "fontDescriptor:" + base)
            doc.Reference(font, internal)
            fonts[internal] = font
        del self.state[doc]
