"""Subset the bundled print fonts of the notices (developer script; the app never runs it).

Usage (fontTools is a developer tool, not a project dependency: install it in a venv of
your own, outside the repository):

    python3 -m venv ../fontvenv && ../fontvenv/bin/pip install fonttools
    ../fontvenv/bin/python tools/subset_print_fonts.py            # Debian's font paths
    ../fontvenv/bin/python tools/subset_print_fonts.py --check    # coverage only

Makes, from Debian's packages `fonts-arphic-uming`, `fonts-arphic-ukai` and
`fonts-wqy-microhei` (face 0 of each collection, the CN / proportional face):

- resources/fonts/ARPLUMingCN-print.ttf   宋/仿宋 stand-in (title and body)
- resources/fonts/ARPLUKaiCN-print.ttf    楷 (second-level headings)
- resources/fonts/WenQuanYiMicroHei-print.ttf   黑 (first-level headings)

and, from `fonts-hanazono` (HanaMinA), `resources/fonts/CluedeskRareHanzi-fallback.ttf`: only
the wanted characters that none of the three has (rare characters of the table's levels 2
and 3), drawn when no chosen font has a character.

Each keeps ASCII, Latin-1, general and CJK punctuation, full-width forms, enclosed numbers
(①…), the characters of GB2312 and the 8,105 characters of the 通用规范汉字表
(resources/fonts/tongyong_guifan_8105.txt). Hinting, embedded bitmaps and layout tables are
dropped (reportlab embeds plain TrueType outlines and lays out text itself), and each subset
gets a family name of its own so it is never confused with the full font.

`--table-from-unihan Unihan_OtherMappings.txt(.bz2)` rewrites the character list from the
Unicode Han database's `kTGH` field (Debian package `unicode-data`).
"""

from __future__ import annotations

import argparse
import bz2
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "resources" / "fonts"
TABLE = FONTS / "tongyong_guifan_8105.txt"


@dataclass(frozen=True)
class PrintFont:
    """One bundled print font: where it comes from and what the subset is called."""

    source: str
    face: int
    out: str
    family: str
    family_zh: str


PRINT_FONTS: tuple[PrintFont, ...] = (
    PrintFont(
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        0,
        "ARPLUMingCN-print.ttf",
        "AR PL UMing CN Print",
        "文鼎PL细上海宋印刷子集",
    ),
    PrintFont(
        "/usr/share/fonts/truetype/arphic/ukai.ttc",
        0,
        "ARPLUKaiCN-print.ttf",
        "AR PL UKai CN Print",
        "文鼎PL中楷印刷子集",
    ),
    PrintFont(
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        0,
        "WenQuanYiMicroHei-print.ttf",
        "WenQuanYi Micro Hei Print",
        "文泉驿微米黑印刷子集",
    ),
)

FALLBACK = PrintFont(
    "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
    0,
    "CluedeskRareHanzi-fallback.ttf",
    "Cluedesk Rare Hanzi",
    "线索台生僻字补字",
)
"""The last resort: HanaMinA cut down to what the three print fonts lack (OFL names reserved)."""

RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement (· × ÷ § °)
    (0x2010, 0x203B),  # dashes, quotes, ‰, ※ (— ‘ ’ “ ” …)
    (0x2103, 0x2103),  # ℃
    (0x2116, 0x2116),  # №
    (0x2160, 0x216B),  # Roman numerals Ⅰ…Ⅻ
    (0x2190, 0x2193),  # arrows
    (0x2460, 0x249B),  # ①…⑳, ⑴…⒇, ⒈…⒛
    (0x25A0, 0x25CF),  # □ ■ ○ ●
    (0x2610, 0x2612),  # ☐ ☑ ☒
    (0x3000, 0x3029),  # CJK symbols and punctuation (、。〈〉《》「」【】〔〕〖〗)
    (0x3030, 0x303F),  # (0x302A-0x302F are combining tone marks: no font has them)
    (0x3220, 0x3229),  # ㈠…㈩
    (0xFF01, 0xFF5E),  # full-width forms
    (0xFFE0, 0xFFE5),  # ￠ ￡ ￢ ￣ ￤ ￥
)
"""The fixed Unicode ranges every print font keeps (when it has them)."""


def gb2312_characters() -> Iterator[str]:
    """Every character of GB2312, found by decoding each two-byte code."""
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                yield bytes((high, low)).decode("gb2312")
            except UnicodeDecodeError:
                continue


def table_characters(path: Path = TABLE) -> list[str]:
    """The 通用规范汉字表 in its own order (comment lines start with #)."""
    chars: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        chars.extend(ch for ch in line if not ch.isspace())
    return chars


def range_characters(ranges: Iterable[tuple[int, int]] = RANGES) -> Iterator[str]:
    """Every character of the fixed Unicode ranges."""
    for first, last in ranges:
        for code in range(first, last + 1):
            yield chr(code)


def wanted_characters() -> set[str]:
    """The characters a notice can need: ranges + GB2312 + 通用规范汉字表."""
    chars = set(range_characters()) | set(gb2312_characters()) | set(table_characters())
    return {ch for ch in chars if ch.isprintable() or ch == "\u3000"}


def table_from_unihan(unihan: Path, out: Path = TABLE) -> int:
    """Rewrite the character list from Unihan's kTGH field; return the count."""
    opener = bz2.open if unihan.suffix == ".bz2" else open
    entries: list[tuple[int, str]] = []
    with opener(unihan, "rt", encoding="utf-8") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == "kTGH":
                position = int(parts[2].split(":")[1])
                entries.append((position, chr(int(parts[0][2:], 16))))
    entries.sort()
    chars = [ch for _, ch in entries]
    header = [
        "# 通用规范汉字表 (国务院 2013): 8,105 characters in the table's own order,",
        "# level 1 (1-3500), level 2 (3501-6500), level 3 (6501-8105), 50 to a line.",
        "# Source: the Unicode Han database (Unihan), field kTGH, Unihan_OtherMappings.txt of",
        "# Unicode 15.0 (Debian package unicode-data 15.0.0-1); rebuilt by",
        "# tools/subset_print_fonts.py --table-from-unihan. Checked against the public list",
        "# kitty-panics/cn-tables 通用规范汉字表.txt (same characters, same order).",
    ]
    body = ["".join(chars[i : i + 50]) for i in range(0, len(chars), 50)]
    out.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    return len(chars)


def rename(font: TTFont, family: str, family_zh: str) -> None:
    """Give the subset its own family, full, unique and PostScript names."""
    postscript = family.replace(" ", "")
    table = font["name"]
    for record in table.names:
        english = record.langID == 0x409 or record.platformID == 1
        if record.nameID in (1, 4, 16, 18):
            record.string = family if english else family_zh
        elif record.nameID == 3:
            record.string = f"{family} (cluedesk)"
        elif record.nameID == 6:
            record.string = postscript


def subset(
    spec: PrintFont, out_dir: Path = FONTS, wanted: set[str] | None = None
) -> tuple[int, list[str]]:
    """Write the subset of one font; return (kept code points, wanted characters missing)."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    font = TTFont(spec.source, fontNumber=spec.face, lazy=False)
    cmap = font.getBestCmap()
    wanted = wanted_characters() if wanted is None else wanted
    present = sorted(ord(ch) for ch in wanted if ord(ch) in cmap)
    missing = sorted((ch for ch in wanted if ord(ch) not in cmap), key=ord)
    options = ft_subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_languages = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.recalc_bounds = True
    options.glyph_names = False
    options.drop_implied_oncurves = True  # lossless: on-curve points midway between two off
    options.drop_tables += ["EBDT", "EBLC", "EBSC", "GSUB", "GPOS", "GDEF", "BASE", "DSIG"]
    options.drop_tables += ["VORG", "vhea", "vmtx"]
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=present)
    subsetter.subset(font)
    rename(font, spec.family, spec.family_zh)
    font.flavor = None
    out_dir.mkdir(parents=True, exist_ok=True)
    font.save(str(out_dir / spec.out))
    return len(present), missing


def coverage(path: Path, face: int = 0) -> list[str]:
    """The wanted CJK ideographs that a font file lacks."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(path), fontNumber=face, lazy=True).getBestCmap()
    hanzi = set(gb2312_characters()) | set(table_characters())
    return sorted((ch for ch in hanzi if ord(ch) not in cmap and ord(ch) > 0x2E80), key=ord)


def missing_from_all(paths: Iterable[Path]) -> set[str]:
    """The wanted characters that none of the fonts has."""
    from fontTools.ttLib import TTFont

    missing = wanted_characters()
    for path in paths:
        cmap = TTFont(str(path), lazy=True).getBestCmap()
        missing = {ch for ch in missing if ord(ch) not in cmap}
    return missing


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report coverage, write nothing")
    parser.add_argument("--table-from-unihan", type=Path, help="rebuild the character list")
    args = parser.parse_args(argv)
    if args.table_from_unihan:
        count = table_from_unihan(args.table_from_unihan)
        print(f"{TABLE}: {count} characters")
    table = set(table_characters())
    gb = set(gb2312_characters())
    print(
        f"wanted: {len(wanted_characters())} characters ({len(table)} 通用规范, {len(gb)} GB2312)"
    )
    for spec in PRINT_FONTS:
        out = FONTS / spec.out
        if not args.check:
            kept, _ = subset(spec, FONTS)
            print(f"{out.name}: {out.stat().st_size / 1e6:.2f} MB, {kept} code points")
        lacking = coverage(out if out.exists() else Path(spec.source))
        in_table = [ch for ch in lacking if ch in table]
        in_gb = [ch for ch in lacking if ch in gb]
        print(
            f"  missing: {len(in_table)} of the 通用规范汉字表, {len(in_gb)} of GB2312: "
            + "".join(in_table[:60])
            + (" …" if len(in_table) > 60 else "")
        )
    lacking_all = missing_from_all(FONTS / spec.out for spec in PRINT_FONTS)
    fallback = FONTS / FALLBACK.out
    if not args.check:
        kept, _ = subset(FALLBACK, FONTS, lacking_all)
        print(f"{fallback.name}: {fallback.stat().st_size / 1e3:.0f} kB, {kept} code points")
    left = missing_from_all([*(FONTS / spec.out for spec in PRINT_FONTS), fallback])
    print(f"in none of the three: {len(lacking_all)}; in none of the four: {len(left)}")
    print("  " + "".join(sorted(left, key=ord)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
