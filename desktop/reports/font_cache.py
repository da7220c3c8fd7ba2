"""Parsed TrueType tables kept on disk, so that a fresh process prints its first notice sooner.

reportlab reads a font's character map, metrics and glyph offsets with a Python loop over the
file (20–40 ms for each bundled CJK font): `load_face` does that once per font file and keeps
what it found (`marshal`, in the user's cache folder, named after the file's path, size and
modification time, the subfont, reportlab's version and this module's format), and then gives
the next process a face made from it. The font file itself is read only when a subset of it
is embedded. Anything wrong with the cache (missing, unreadable, stale, another format, a
folder that cannot be written) means the font is parsed as before.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

import reportlab
from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace

FORMAT = 2
"""The layout of a cache file (raise it when what is kept changes)."""
KEPT_FILES = 24
"""How many parsed fonts the folder keeps (the least recently written go first)."""
CACHE_ENV = "CLUEDESK_FONT_CACHE"
"""A folder to keep the parsed tables in instead of the user's cache folder; "off" for none."""
_NAME = "ttfname"


def cache_dir() -> Path | None:
    """The folder of the parsed fonts (None when caching is off)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_path

    return user_cache_path("cluedesk", appauthor=False) / "fonts"


class LazyFace(TTFontFace):
    """A face made from kept tables; it reads its file when a subset is first made, and
    makes its glyph → characters map (only reportlab's text shaping reads it) when asked."""

    def __getattr__(self, name: str) -> Any:
        if name == "_ttf_data":
            data = Path(self.filename).read_bytes()
            self._ttf_data = data
            return data
        if name == "glyphToChar":
            chars: dict[int, list[int]] = {}
            for char, glyph in self.charToGlyph.items():
                chars.setdefault(glyph, []).append(char)
            self.glyphToChar = chars
            return chars
        raise AttributeError(name)


def _scale(units_per_em: int) -> Any:
    """reportlab's glyph-unit → PDF-unit scale of a face (TTFontFile.extractInfo)."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _key(path: Path, subfont: int) -> str:
    """The cache file's name: the font's name and subfont, a digest of its path, then a
    digest of all that makes the kept tables valid (size, time, reportlab, this format)."""
    stat = path.stat()
    valid = f"{stat.st_size}|{stat.st_mtime_ns}|{reportlab.Version}|{FORMAT}"
    return f"{_font_prefix(path, subfont)}{_digest(valid)}.bin"


def _font_prefix(path: Path, subfont: int) -> str:
    """What every cache file of one font file's face starts with."""
    return f"{path.stem}-{subfont}-{_digest(str(path.resolve()))}-"


def _dump(face: TTFontFace) -> bytes | None:
    """The face's parsed attributes as bytes (None when one of them cannot be kept)."""
    kept: dict[str, Any] = {}
    for name, value in vars(face).items():
        if name in ("_ttf_data", "_pdfScale", "filename", "glyphToChar"):
            continue
        if isinstance(value, TTFNameBytes):
            value = (_NAME, bytes(value))
        kept[name] = value
    try:
        return marshal.dumps((FORMAT, kept))
    except ValueError:
        return None


def _load(data: bytes, path: Path) -> LazyFace | None:
    """A face from kept bytes (None when they are not this format's)."""
    version, kept = marshal.loads(data)
    if version != FORMAT or not isinstance(kept, dict) or "charToGlyph" not in kept:
        return None
    face: Any = LazyFace.__new__(LazyFace)
    for name, value in kept.items():
        if isinstance(value, tuple) and len(value) == 2 and value[0] == _NAME:
            value = TTFNameBytes(value[1])
        setattr(face, name, value)
    face.filename = str(path)
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def load_face(path: Path, subfont: int = 0) -> TTFontFace:
    """The parsed face of a font file: from the cache when it holds it, else parsed by
    reportlab (and kept for the next process). Raises what reportlab raises for a bad file."""
    folder = cache_dir()
    file = None
    if folder is not None:
        try:
            file = folder / _key(path, subfont)
            kept = _load(file.read_bytes(), path)
            if kept is not None:
                return kept
        except Exception:  # noqa: BLE001 - any trouble with the cache: parse the file
            pass
    face = TTFontFace(str(path), subfontIndex=subfont)
    if file is not None:
        _store(file, face, _font_prefix(path, subfont))
    return face


def _store(file: Path, face: TTFontFace, prefix: str) -> None:
    """Keep a parsed face (atomically; silently nothing when the folder cannot be written),
    dropping what was kept of an older version of the same file and, beyond KEPT_FILES,
    the fonts written longest ago."""
    data = _dump(face)
    if data is None:
        return
    temp = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=file.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, file)
        temp = None
        kept = sorted(file.parent.glob("*.bin"), key=lambda p: p.stat().st_mtime_ns)
        stale = [p for p in kept if p.name.startswith(prefix) and p != file]
        stale += [p for p in kept if p not in stale and p != file][: max(0, len(kept) - KEPT_FILES)]
        for old in stale:
            old.unlink(missing_ok=True)
    except OSError:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
