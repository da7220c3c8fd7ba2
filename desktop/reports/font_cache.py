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

FORMAT = 1
"""The layout of a cache file (raise it when what is kept changes)."""
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
    """A face made from kept tables; it reads its file when a subset is first made."""

    def __getattr__(self, name: str) -> Any:
        if name == "_ttf_data":
            data = Path(self.filename).read_bytes()
            self._ttf_data = data
            return data
        raise AttributeError(name)


def _scale(units_per_em: int) -> Any:
    """reportlab's glyph-unit → PDF-unit scale of a face (TTFontFile.extractInfo)."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _key(path: Path, subfont: int) -> str:
    """The cache file's name: the font's name, then a digest of all that makes it valid."""
    stat = path.stat()
    what = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{subfont}"
    what += f"|{reportlab.Version}|{FORMAT}"
    digest = hashlib.sha256(what.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return f"{path.stem}-{subfont}-{digest}.bin"


def _dump(face: TTFontFace) -> bytes | None:
    """The face's parsed attributes as bytes (None when one of them cannot be kept)."""
    kept: dict[str, Any] = {}
    for name, value in vars(face).items():
        if name in ("_ttf_data", "_pdfScale", "filename"):
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
        _store(file, face)
    return face


def _store(file: Path, face: TTFontFace) -> None:
    """Keep a parsed face (atomically; silently nothing when the folder cannot be written)."""
    data = _dump(face)
    if data is None:
        return
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=file.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, file)
    except OSError:
        try:
            os.unlink(temp)
        except (OSError, UnboundLocalError):
            pass
