"""Subset the bundled CJK font (developer script; the app never runs it).

Usage (fontTools is a developer tool, not a project dependency: install it in a venv of
your own):

    python tools/subset_fonts.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc \
        resources/fonts/WenQuanYiMicroHei-subset.ttf

Keeps ASCII, Latin-1, general and CJK punctuation, full-width forms, every GB2312 character,
and every character used in resources/demo/*.json and in the sources under desktop/. The
output is a single TrueType font (face 0 of a collection) with hinting dropped, renamed to
FAMILY so that it is never confused with a full copy of the font installed on the system.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]

FAMILY = "WenQuanYi Micro Hei Subset"
"""The family name of the subset (a modified font gets a name of its own)."""

RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement
    (0x2000, 0x206F),  # general punctuation
    (0x2190, 0x21FF),  # arrows (→ in help texts)
    (0x2460, 0x24FF),  # enclosed alphanumerics (①)
    (0x2500, 0x257F),  # box drawing (─ in GB2312 tables)
    (0x25A0, 0x25FF),  # geometric shapes (● ▲ …)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # half-width and full-width forms
)


def gb2312_characters() -> Iterator[str]:
    """Every character of GB2312, found by decoding each two-byte code."""
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                yield bytes((high, low)).decode("gb2312")
            except UnicodeDecodeError:
                continue


def range_characters(ranges: Iterable[tuple[int, int]] = RANGES) -> Iterator[str]:
    """Every character of the fixed Unicode ranges."""
    for first, last in ranges:
        for code in range(first, last + 1):
            yield chr(code)


def used_characters(root: Path = ROOT) -> set[str]:
    """Every non-ASCII character of the demo data and of the client's sources."""
    found: set[str] = set()
    files = list((root / "resources" / "demo").glob("*.json"))
    files += list((root / "desktop").rglob("*.py"))
    for path in files:
        found.update(ch for ch in path.read_text(encoding="utf-8") if ord(ch) > 0x7F)
    return found


def wanted_codepoints(root: Path = ROOT) -> set[int]:
    """The code points the subset keeps."""
    chars = set(range_characters()) | set(gb2312_characters()) | used_characters(root)
    return {ord(ch) for ch in chars if ch.isprintable() or ch == "\u3000"}


def rename(font: TTFont, family: str = FAMILY) -> None:
    """Give the subset its own family, full, unique and PostScript names."""
    postscript = family.replace(" ", "")
    table = font["name"]
    for record in table.names:
        english = record.langID == 0x409 or record.platformID == 1
        if record.nameID in (1, 4, 16, 18):
            record.string = family if english else record.toUnicode() + "子集"
        elif record.nameID == 3:
            record.string = f"{family} (cluedesk)"
        elif record.nameID == 6:
            record.string = postscript


def subset(source: Path, out: Path, root: Path = ROOT) -> tuple[int, int]:
    """Write the subset of face 0 of `source` to `out`; return (kept, missing) code points."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), fontNumber=0, lazy=False)
    cmap = font.getBestCmap()
    wanted = wanted_codepoints(root)
    present = sorted(code for code in wanted if code in cmap)
    options = ft_subset.Options()
    options.hinting = False
    options.layout_features = ["*"]
    options.name_languages = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.recalc_bounds = True
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=present)
    subsetter.subset(font)
    rename(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = None
    font.save(str(out))
    return len(present), len(wanted) - len(present)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the font (.ttf or .ttc) to subset")
    parser.add_argument("out", type=Path, help="the .ttf file to write")
    args = parser.parse_args(argv)
    kept, missing = subset(args.source, args.out)
    size = args.out.stat().st_size
    print(f"{args.out}: {size / 1e6:.2f} MB, {kept} code points kept, {missing} not in the font")
    return 0


if __name__ == "__main__":
    sys.exit(main())
