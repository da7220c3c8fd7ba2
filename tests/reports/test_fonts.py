"""Fonts: bundled TrueType subsets cover GB2312 and the 通用规范汉字表; official fonts win."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.reports.fonts import (
    BUNDLED_FILES,
    FALLBACK_FILE,
    FANGSONG,
    HEI,
    KAI,
    ROLES,
    SONG,
    FontSet,
    MissingGlyph,
    bundled_dir,
    find_official,
)

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "resources" / "fonts" / "tongyong_guifan_8105.txt"


def table_characters() -> list[str]:
    chars: list[str] = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            chars.extend(line.strip())
    return chars


def gb2312_hanzi() -> list[str]:
    out = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                out.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def test_the_character_table_is_the_8105_of_the_standard() -> None:
    chars = table_characters()
    assert len(chars) == 8105 == len(set(chars))
    assert chars[:5] == list("一乙二十丁") and chars[3499] == "矗" and chars[-1] == "蠼"
    assert "源:" not in TABLE.read_text(encoding="utf-8")[:10]
    assert "kTGH" in TABLE.read_text(encoding="utf-8").splitlines()[2]


def test_bundled_fonts_cover_gb2312_and_the_table(fonts: FontSet) -> None:
    wanted = set(table_characters()) | set(gb2312_hanzi())
    assert len(wanted) > 8200
    for role in ROLES:
        missing = [ch for ch in wanted if fonts.font_for(ch, role) is None]
        assert missing == [], f"{role}: {''.join(missing[:20])}"


def test_each_role_prefers_its_own_face(fonts: FontSet) -> None:
    assert "UMing" in fonts.font_names(SONG)[0]
    assert "UMing" in fonts.font_names(FANGSONG)[0]
    assert "MicroHei" in fonts.font_names(HEI)[0]
    assert "UKai" in fonts.font_names(KAI)[0]
    rare = "𬉼"  # U+2C27C, level 3 of the table: only the fallback has it
    assert "RareHanzi" in (fonts.font_for(rare, FANGSONG) or "")
    assert fonts.runs("甲𬉼乙", FANGSONG)[1] == (fonts.font_for(rare, FANGSONG), rare)


def test_bundled_files_are_truetype_and_small() -> None:
    folder = bundled_dir()
    total = 0
    for name in {*BUNDLED_FILES.values(), FALLBACK_FILE}:
        data = (folder / name).read_bytes()
        assert data[:4] == b"\x00\x01\x00\x00", f"{name} is not TrueType (glyf)"
        total += len(data)
    assert total < 14_000_000


def test_missing_glyph_names_the_character_and_field(fonts: FontSet) -> None:
    with pytest.raises(MissingGlyph) as caught:
        fonts.check("某某𠀀有限公司", "party_name", "当事人名称")
    error = caught.value
    assert error.char == "𠀀" and error.field == "party_name"
    assert str(error) == "“当事人名称”中的字“𠀀”(U+20000)没有字体可以显示"
    assert isinstance(error, ValueError)
    fonts.check("连云港市海州区 ABC 123 〔2026〕①", "party_name")


def test_official_windows_fonts_are_preferred_when_present(tmp_path: Path) -> None:
    folder = tmp_path / "Fonts"
    folder.mkdir()
    for name, source in [
        ("SIMFANG.TTF", "ARPLUKaiCN-print.ttf"),
        ("simhei.ttf", "WenQuanYiMicroHei-print.ttf"),
    ]:
        shutil.copy(bundled_dir() / source, folder / name)
    found = find_official([tmp_path / "nowhere", folder])
    assert set(found) == {FANGSONG, HEI}
    fonts = FontSet.default([folder])
    assert "SIMFANG" in fonts.font_names(FANGSONG)[0]
    assert "simhei" in fonts.font_names(HEI)[0]
    assert "UMing" in fonts.font_names(SONG)[0], "no simsun.ttc: the bundled 宋 is used"
    assert any("UMing" in name for name in fonts.font_names(FANGSONG)[1:])
    bundled_only = FontSet.default([folder], prefer_official=False)
    assert "UMing" in bundled_only.font_names(FANGSONG)[0]


def test_an_unusable_official_font_falls_back_to_the_bundled_one(tmp_path: Path) -> None:
    (tmp_path / "simkai.ttf").write_bytes(b"not a font")
    fonts = FontSet.default([tmp_path])
    assert "UKai" in fonts.font_names(KAI)[0]
