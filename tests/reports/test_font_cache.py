"""Parsed font tables kept on disk, and fonts loaded only when a notice needs them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from desktop.reports import font_cache
from desktop.reports.font_cache import CACHE_ENV, LazyFace, load_face
from desktop.reports.fonts import bundled_dir
from desktop.reports.subsets import SharedSubsetFont

ROOT = Path(__file__).resolve().parents[2]
KEPT = (
    "name",
    "flags",
    "ascent",
    "descent",
    "capHeight",
    "bbox",
    "stemV",
    "italicAngle",
    "defaultWidth",
    "unitsPerEm",
    "charToGlyph",
    "charWidths",
    "hmetrics",
    "glyphPos",
    "table",
    "subfontNameX",
)


@pytest.fixture
def font(tmp_path: Path) -> Path:
    """A copy of the bundled 黑体 stand-in (the smallest CJK font)."""
    path = tmp_path / "hei.ttf"
    shutil.copy(bundled_dir() / "WenQuanYiMicroHei-print.ttf", path)
    return path


def test_a_kept_face_is_the_parsed_one(
    font: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    parsed = load_face(font)
    assert type(parsed) is TTFontFace
    assert len(list((tmp_path / "cache").iterdir())) == 1
    kept = load_face(font)
    assert isinstance(kept, LazyFace)
    for name in KEPT:
        assert getattr(kept, name) == getattr(parsed, name), name
    assert kept.name.ustr == parsed.name.ustr
    assert kept._pdfScale(700) == parsed._pdfScale(700)
    subset = [0, *range(32, 128), *(ord(c) for c in "整改通知书黑体")]
    assert kept.makeSubset(subset) == parsed.makeSubset(subset)


def test_a_font_made_from_a_kept_face_is_set_up_as_reportlab_sets_one_up(font: Path) -> None:
    plain = TTFont("plain", str(font))
    made = SharedSubsetFont.from_face("made", load_face(font))
    ours = SharedSubsetFont("ours", str(font))
    assert set(vars(plain)) <= set(vars(made)) == set(vars(ours))
    for name in ("_asciiReadable", "shapable", "_multiByte", "_dynamicFont"):
        assert getattr(made, name) == getattr(plain, name), name


def test_a_damaged_or_stale_cache_is_parsed_afresh(
    font: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    load_face(font)
    (kept,) = cache.iterdir()
    kept.write_bytes(b"\x00garbage")
    assert type(load_face(font)) is TTFontFace, "a damaged file is not used"
    assert isinstance(load_face(font), LazyFace), "and it is written again"
    os.utime(font, ns=(1_000_000_000, 1_000_000_000))
    assert type(load_face(font)) is TTFontFace, "a changed font file is parsed again"
    assert len(list(cache.iterdir())) == 1, "what was kept of its older version is dropped"
    assert isinstance(load_face(font), LazyFace)


def test_the_folder_keeps_a_bounded_number_of_fonts(
    font: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    monkeypatch.setattr(font_cache, "KEPT_FILES", 2)
    copies = []
    for n in range(3):
        copy = tmp_path / f"copy{n}.ttf"
        shutil.copy(font, copy)
        load_face(copy)
        copies.append(copy)
    kept = sorted(p.name.split("-")[0] for p in cache.iterdir())
    assert kept == ["copy1", "copy2"]


def test_an_unwritable_or_switched_off_cache_still_loads(
    font: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert type(load_face(font)) is TTFontFace
    monkeypatch.setenv(CACHE_ENV, "off")
    assert type(load_face(font)) is TTFontFace
    assert type(load_face(font)) is TTFontFace


FIRST = """
from desktop.reports import build_document, default_fonts, render_bytes
from pathlib import Path
from desktop.reports import fonts
from bench.notice_bench import sample
data = render_bytes(build_document(sample(0)), fonts=default_fonts())
assert data.startswith(b"%PDF-")
print("|".join(sorted(Path(path).name for path, _ in fonts._REGISTERED)))
"""


def test_a_fresh_process_loads_only_the_fonts_a_notice_prints_with(tmp_path: Path) -> None:
    """The 楷 face and the rare-character fallback stay unread for a plain notice; the
    second process reads the two it needs from the cache the first one left."""
    env = {**os.environ, CACHE_ENV: str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", FIRST],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs[0] == runs[1] == "ARPLUMingCN-print.ttf|WenQuanYiMicroHei-print.ttf"
    assert len(list((tmp_path / "cache").iterdir())) == 2
