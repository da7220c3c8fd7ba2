"""The fonts a printed notice embeds: official Windows fonts when present, else the bundled ones.

Every font is TrueType (glyf outlines) registered with reportlab's `TTFont`, so the PDF embeds
a subset of it; reportlab's built-in CID fonts are never used (they are not embedded). Each
role (宋 title, 仿宋 body, 黑 and 楷 headings) has a chain of fonts: a character the first one
lacks is drawn with the next one that has it, and a character none has is refused before
anything is drawn (`MissingGlyph`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any, cast

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop.reports.font_cache import load_face
from desktop.reports.punctuation import FULL_WIDTH, SQUEEZE, squeezes
from desktop.reports.subsets import SharedSubsetFont

TITLE = "title"
"""小标宋 (the title; 方正小标宋 when the PC has it, else the bundled AR PL UMing drawn heavier
with a stroke: see `FontSet.synthetic_bold`)."""
SONG = "song"
"""宋 (page numbers, the watermark; the bundled stand-in is AR PL UMing)."""
FANGSONG = "fangsong"
"""仿宋 (body; the bundled stand-in is AR PL UMing, a 宋/明 face)."""
HEI = "hei"
"""黑 (first-level headings 一、)."""
KAI = "kai"
"""楷 (second-level headings （一）)."""
ROLES = (TITLE, SONG, FANGSONG, HEI, KAI)


@dataclass(frozen=True)
class FontFile:
    """A TrueType file (or one face of a collection) on disk."""

    path: Path
    subfont: int = 0


BUNDLED_FILES: Mapping[str, str] = {
    TITLE: "ARPLUMingCN-print.ttf",
    SONG: "ARPLUMingCN-print.ttf",
    FANGSONG: "ARPLUMingCN-print.ttf",
    HEI: "WenQuanYiMicroHei-print.ttf",
    KAI: "ARPLUKaiCN-print.ttf",
}
"""The bundled print fonts of resources/fonts/ by role (see tools/subset_print_fonts.py)."""

FALLBACK_FILE = "CluedeskRareHanzi-fallback.ttf"
"""The last resort: the rare characters of the 通用规范汉字表 that the three fonts lack."""

OFFICIAL_FILES: Mapping[str, tuple[str, int]] = {
    SONG: ("simsun.ttc", 0),
    FANGSONG: ("simfang.ttf", 0),
    HEI: ("simhei.ttf", 0),
    KAI: ("simkai.ttf", 0),
}
"""The official Windows fonts by role: 宋体, 仿宋, 黑体, 楷体 (file name, face)."""
OFFICIAL_TITLE_FILES: tuple[str, ...] = (
    "fzxbsjw.ttf",
    "fzxbsk.ttf",
    "fzxiaobiaosong-b05s.ttf",
    "fzxiaobiaosong-b05.ttf",
    "方正小标宋简体.ttf",
    "方正小标宋_gbk.ttf",
)
"""方正小标宋 (FZXiaoBiaoSong-B05S), the title face of GB/T 9704, under its usual file names
(简体 FZXBSJW.TTF, GBK FZXBSK.TTF), first found wins; any letter case."""
TITLE_STROKE = 0.035
"""The stroke (in em) that thickens the bundled title face: AR PL UMing is a light 明体 and
no heavy serif is bundled, so the title is drawn filled and stroked (text render mode 2)."""

KEPT_LAYOUTS = 4096
"""How many set paragraphs (and line plans, and texts known drawable) a font set keeps."""
KEPT_PRESETS = 64
"""How many documents' preset characters a font set keeps (one per template and office)."""

_FALLBACK_ORDER: Mapping[str, tuple[str, ...]] = {
    TITLE: (TITLE, SONG, FANGSONG, HEI, KAI),
    SONG: (SONG, FANGSONG, HEI, KAI),
    FANGSONG: (FANGSONG, SONG, KAI, HEI),
    HEI: (HEI, SONG, FANGSONG, KAI),
    KAI: (KAI, FANGSONG, SONG, HEI),
}


class MissingGlyph(ValueError):
    """A character that no font of the set can draw, with the field it appears in."""

    def __init__(self, char: str, field: str, label: str | None = None) -> None:
        self.char = char
        self.field = field
        self.label = label or field
        super().__init__(f"“{self.label}”中的字“{char}”(U+{ord(char):04X})没有字体可以显示")


def windows_font_dirs() -> list[Path]:
    """The usual Windows font folders (system-wide, then the user's own)."""
    dirs = [Path(os.environ.get("WINDIR", "C:\\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def find_official(search_dirs: Iterable[Path]) -> dict[str, FontFile]:
    """The official fonts found in `search_dirs` (first match per role; any letter case)."""
    found: dict[str, FontFile] = {}
    for folder in search_dirs:
        try:
            names = {p.name.lower(): p for p in Path(folder).iterdir()}
        except OSError:
            continue
        for role, (name, face) in OFFICIAL_FILES.items():
            if role not in found and name in names:
                found[role] = FontFile(names[name], face)
        for name in OFFICIAL_TITLE_FILES:
            if TITLE not in found and name in names:
                found[TITLE] = FontFile(names[name])
    return found


_LOCK = threading.Lock()
_REGISTERED: dict[tuple[str, int], str | None] = {}
_BUNDLED_DIR: Path | None = None


def bundled_dir() -> Path:
    """The folder of the bundled fonts (the installed `resources` package)."""
    global _BUNDLED_DIR
    if _BUNDLED_DIR is None:
        with as_file(files("resources") / "fonts") as folder:
            _BUNDLED_DIR = Path(folder)
    return _BUNDLED_DIR


def _register_as_itself(font: SharedSubsetFont) -> None:
    """Register `font` under its name as itself. `pdfmetrics.registerFont` would hand out a
    font registered earlier for the same face instead (a plain `TTFont` of another part of the
    program, the demo's evidence files say): its subsets are neither shared nor safe to make
    in several threads at once, and its text maps are reportlab's."""
    fonts: dict[str, Any] = pdfmetrics._fonts  # type: ignore[attr-defined]
    fonts[font.fontName] = font
    pdfmetrics.registerFontFamily(font.fontName)


def register(font: FontFile) -> str | None:
    """Register a font with reportlab once per process; its name, or None if unusable.

    A file that is missing, not TrueType, or whose licence bits forbid embedding is unusable.
    """
    key = (str(font.path), font.subfont)
    with _LOCK:
        if key in _REGISTERED:
            return _REGISTERED[key]
        name = f"cluedesk-{len(_REGISTERED)}-{font.path.stem}-{font.subfont}"
        try:
            face = SharedSubsetFont.from_face(name, load_face(font.path, font.subfont))
            _register_as_itself(face)
        except (OSError, TTFError, ValueError, KeyError, IndexError):
            _REGISTERED[key] = None
            return None
        _REGISTERED[key] = name
        return name


class FontSet:
    """The fonts of a printed notice: one chain of registered reportlab fonts per role.

    A role's chain is its own font (the official one first when given, then the bundled one),
    then the other roles' fonts in the same way, then the bundled rare-character fallback.
    """

    def __init__(self, primary: Mapping[str, FontFile], *, bundled_fallback: bool = True) -> None:
        chains: dict[str, list[FontFile]] = {}
        bundled = {role: FontFile(bundled_dir() / name) for role, name in BUNDLED_FILES.items()}
        self._title = register(primary[TITLE]) if TITLE in primary else None
        extra = [FontFile(bundled_dir() / FALLBACK_FILE)] if bundled_fallback else []
        for role in ROLES:
            files_: list[FontFile] = []
            for other in _FALLBACK_ORDER[role]:
                if other in primary:
                    files_.append(primary[other])
                if bundled_fallback and role != TITLE:
                    files_.append(bundled[other])
            if role == TITLE and bundled_fallback:
                # the official faces first (方正小标宋, then 宋体 …), the bundled ones behind
                files_ += [bundled[other] for other in _FALLBACK_ORDER[role]]
            chains[role] = list(dict.fromkeys(files_ + extra))
        # each file is read when a character first needs it: a notice never loads 楷 or
        # the rare-character fallback unless it prints one of theirs
        self._files = chains
        self._glyphs: dict[str, Mapping[int, int]] = {}
        self._choice: dict[tuple[str, str], str | None] = {}
        self._widths: dict[tuple[str, str], float] = {}
        self.layouts: dict[Hashable, tuple[Any, ...]] = {}
        """Set lines by (text, style, width): the template's and the clauses' paragraphs are
        broken once for every document (desktop.reports.flowables.TextBlock)."""
        self.line_plans: dict[Hashable, Any] = {}
        """How each set line is drawn, by (text, style, room, width, last): its runs,
        advances and squeezes (desktop.reports.flowables.draw_line)."""
        self._presets: dict[tuple[tuple[str, str], ...], dict[str, tuple[int, ...]]] = {}
        self._drawable: set[str] = set()

    @classmethod
    def bundled(cls) -> FontSet:
        """Only the bundled fonts (the same print on every machine)."""
        return cls({})

    @classmethod
    def default(cls, search_dirs: Sequence[Path] = (), *, prefer_official: bool = True) -> FontSet:
        """The official Windows fonts found in `search_dirs` and the Windows font folders,
        with the bundled fonts behind them; only the bundled ones if `prefer_official` is off."""
        if not prefer_official:
            return cls.bundled()
        return cls(find_official([*search_dirs, *windows_font_dirs()]))

    def _chain(self, role: str) -> Iterator[str]:
        """The registered names of a role's fonts, first choice first, each file loaded
        (once per process) when the chain first reaches it; unusable files left out."""
        seen: set[str] = set()
        for item in self._files[role]:
            name = register(item)
            if name is None or name in seen:
                continue
            seen.add(name)
            if name not in self._glyphs:
                self._glyphs[name] = cast(TTFont, pdfmetrics.getFont(name)).face.charToGlyph
            yield name

    def font_names(self, role: str) -> tuple[str, ...]:
        """The registered reportlab font names of a role, first choice first (loads them
        all: `first_font` loads only what the first choice needs)."""
        names = tuple(self._chain(role))
        if not names:
            raise FileNotFoundError(f"no usable font for {role}")
        return names

    def first_font(self, role: str) -> str:
        """The registered name of a role's first usable font."""
        for name in self._chain(role):
            return name
        raise FileNotFoundError(f"no usable font for {role}")

    def synthetic_bold(self, name: str, role: str) -> bool:
        """Whether text of `role` in font `name` is drawn heavier with a stroke: the title in
        any face but 方正小标宋 (the bundled 明体 and 宋体 are light faces)."""
        return role == TITLE and name != self._title

    def font_for(self, char: str, role: str) -> str | None:
        """The font that draws `char` in `role`, or None if no font has it."""
        key = (char, role)
        try:
            return self._choice[key]
        except KeyError:
            pass
        code = ord(char)
        choice = next((n for n in self._chain(role) if code in self._glyphs[n]), None)
        self._choice[key] = choice
        return choice

    def missing(self, text: str) -> str | None:
        """The first character of `text` that no font of the set has (spaces ignored)."""
        if text in self._drawable:
            return None
        for char in text:
            if char.isspace() or char < " ":
                continue
            if self.font_for(char, FANGSONG) is None:
                return char
        if len(self._drawable) >= KEPT_LAYOUTS:
            self._drawable.clear()
        self._drawable.add(text)
        return None

    def check(self, text: str, field: str, label: str | None = None) -> None:
        """Raise MissingGlyph for the first character of `text` no font can draw."""
        char = self.missing(text)
        if char is not None:
            raise MissingGlyph(char, field, label)

    def remember_layout(self, key: Hashable, lines: tuple[Any, ...]) -> None:
        """Keep the set lines of a paragraph (at most KEPT_LAYOUTS, then started afresh)."""
        if len(self.layouts) >= KEPT_LAYOUTS:
            self.layouts.clear()
        self.layouts[key] = lines

    def remember_plan(self, key: Hashable, plan: object) -> None:
        """Keep the plan of a set line (at most KEPT_LAYOUTS, then started afresh)."""
        if len(self.line_plans) >= KEPT_LAYOUTS:
            self.line_plans.clear()
        self.line_plans[key] = plan

    def preset(self, doc: object, texts: Iterable[tuple[str, str]]) -> None:
        """Give the PDF document `doc` the characters of `texts` ((role, text) it certainly
        draws) before anything is drawn, so that documents printing the same words share
        their font subsets (desktop.reports.subsets)."""
        key = tuple(texts)
        codes = self._presets.get(key)
        if codes is None:
            found: dict[str, set[int]] = {}
            for role, text in key:
                for char in text:
                    if char.isspace() or char < " ":
                        continue
                    name = self.font_for(char, role)
                    if name is not None:
                        found.setdefault(name, set()).add(ord(char))
            codes = {name: tuple(sorted(chars)) for name, chars in found.items()}
            if len(self._presets) >= KEPT_PRESETS:
                self._presets.clear()
            self._presets[key] = codes
        for name, chars in codes.items():
            font = pdfmetrics.getFont(name)
            if isinstance(font, SharedSubsetFont):
                font.preset(doc, chars)

    def advance(self, char: str, role: str, size: float) -> float:
        """The advance width of `char` at `size` points in the font that draws it."""
        name = self.font_for(char, role)
        if name is None:
            return size
        key = (name, char)
        width = self._widths.get(key)
        if width is None:
            width = pdfmetrics.stringWidth(char, name, 1000.0) / 1000.0
            self._widths[key] = width
        return width * size

    def kern(self, first: str, second: str, role: str, size: float) -> float:
        """The adjustment (≤ 0) between two adjacent characters: −½ em between two full-width
        marks that squeeze (desktop.reports.punctuation), else 0."""
        if not squeezes(first, second):
            return 0.0
        wide = FULL_WIDTH * size
        if self.advance(first, role, size) < wide or self.advance(second, role, size) < wide:
            return 0.0
        return -SQUEEZE * size

    def runs(self, text: str, role: str) -> list[tuple[str, str]]:
        """`text` cut into (font name, text) runs, each drawn with one font."""
        out: list[tuple[str, str]] = []
        current = ""
        start = 0
        for i, char in enumerate(text):
            name = self.font_for(char, role) or self.first_font(role)
            if char == " " and current:
                name = current
            if name != current:
                if i > start:
                    out.append((current, text[start:i]))
                current, start = name, i
        if start < len(text):
            out.append((current, text[start:]))
        return out


_DEFAULT: FontSet | None = None


def default_fonts() -> FontSet:
    """The process-wide default font set (made once: official fonts first, then bundled)."""
    global _DEFAULT
    with _LOCK:
        cached = _DEFAULT
    if cached is None:
        cached = FontSet.default()
        with _LOCK:
            _DEFAULT = cached
    return cached
