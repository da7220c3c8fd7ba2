"""Kinsoku line breaking: closing punctuation never starts a line, opening never ends one."""

from __future__ import annotations

import pytest
from reportlab.lib.textsplit import ALL_CANNOT_START

from desktop.reports.linebreak import CANNOT_END, CANNOT_START, break_lines, units
from tests.reports.conftest import long_facts

WIDTH = 28.0


def measure(piece: str) -> float:
    """A CJK character is one cell, Latin letters and digits half a cell."""
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in piece)


def naive(text: str) -> list[str]:
    lines, current, used = [], "", 0.0
    for ch in text:
        if used + measure(ch) > WIDTH:
            lines.append(current)
            current, used = "", 0.0
        current += ch
        used += measure(ch)
    return [*lines, current]


def test_reportlab_lacks_the_chinese_closing_punctuation() -> None:
    """Why the module exists: reportlab lets these start a line."""
    assert set("，；：！？》”’") - set(ALL_CANNOT_START) == set("，；：！？》”’")


@pytest.mark.parametrize("paragraph", long_facts(8).splitlines())
def test_no_line_starts_or_ends_badly(paragraph: str) -> None:
    lines = break_lines(paragraph, measure, WIDTH - 2, WIDTH)
    assert "".join(line.text for line in lines) == paragraph
    for line in lines:
        assert line.width <= WIDTH + 1e-9
        assert line.text[0] not in CANNOT_START, line.text
        assert line.text[-1] not in CANNOT_END, line.text


def test_the_naive_break_would_have_started_lines_with_punctuation() -> None:
    bad = [
        line
        for paragraph in long_facts(8).splitlines()
        for line in naive(paragraph)[1:]
        if line[0] in CANNOT_START or line[-1] in CANNOT_END
    ]
    assert len(bad) >= 3


def test_a_full_line_holds_28_characters() -> None:
    text = "我" * 60
    lines = break_lines(text, measure, WIDTH, WIDTH)
    assert [len(line.text) for line in lines] == [28, 28, 4]
    assert lines[0].width == WIDTH


def test_punctuation_at_a_line_start_pulls_the_previous_character_down() -> None:
    text = "甲" * 28 + "，乙丙。"
    lines = break_lines(text, measure, WIDTH, WIDTH)
    assert [line.text for line in lines] == ["甲" * 27, "甲，乙丙。"]


def test_closing_quote_and_full_stop_move_together() -> None:
    text = "甲" * 27 + "“乙”。" + "丙" * 5
    lines = break_lines(text, measure, WIDTH, WIDTH)
    assert all(line.text[0] not in CANNOT_START for line in lines)
    assert all(line.text[-1] not in CANNOT_END for line in lines)
    assert "".join(line.text for line in lines) == text


def test_opening_bracket_never_ends_a_line() -> None:
    text = "甲" * 27 + "《乙法》"
    lines = break_lines(text, measure, WIDTH, WIDTH)
    assert lines[0].text == "甲" * 27
    assert lines[1].text == "《乙法》"


def test_numbers_and_codes_stay_whole() -> None:
    text = "甲" * 24 + "联系电话0518-85551234。"
    lines = break_lines(text, measure, WIDTH, WIDTH)
    assert any("0518-85551234" in line.text for line in lines)
    assert "0518-85551234" in units(text)
    assert "——" in units("甲——乙") and "……" in units("甲……")


def test_an_overlong_code_is_cut_between_characters() -> None:
    code = "A" * 80
    lines = break_lines(code, measure, WIDTH, WIDTH)
    assert "".join(line.text for line in lines) == code
    assert all(line.width <= WIDTH for line in lines)


def test_empty_text_is_one_empty_line() -> None:
    assert [line.text for line in break_lines("", measure, WIDTH, WIDTH)] == [""]
