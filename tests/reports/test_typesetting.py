"""The typesetting defects of issue 12, each read back from a rendered PDF."""

from __future__ import annotations

import io
import itertools
import re
import shutil
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from desktop.reports import FontSet, NoticeDocument, build_document, render_bytes
from desktop.reports.fonts import TITLE, bundled_dir
from desktop.reports.geometry import BLOCK_LEFT, BLOCK_RIGHT, BODY_SIZE, CELL, TITLE_SIZE
from desktop.reports.linebreak import MAX_GAP
from desktop.reports.tounicode import to_unicode_cmap, utf16_hex
from tests.reports.conftest import Content, Service, State, long_facts, poppler
from tests.reports.test_notice_pdf import TOL, body_lines, notice_pages, squeeze

CODE = "DW001-320706MA1X2Y3Z4W001P"
REALISTIC = (
    "2026年3月2日，我局执法人员对你单位进行现场检查，发现你单位废水排放口（编号："
    + CODE
    + "）外排废水化学需氧量超过《污水综合排放标准》（GB 8978-1996）表4规定的限值；"
    "“雨污分流”未落实。"
)
SMP = "\U0002c1d5"  # 𬇕, level 3 of the 通用规范汉字表


@pytest.fixture(scope="module")
def realistic(pdf_dir: Path, fonts: FontSet) -> tuple[NoticeDocument, Path]:
    """A notice whose facts hold long codes, a standard's number and punctuation pairs."""
    facts = "\n".join([REALISTIC * 3, long_facts(3), REALISTIC.replace("2026年", "同年")])
    state = State(content=Content(facts=facts), service=Service())
    doc = build_document(state)
    path = pdf_dir / "realistic.pdf"
    path.write_bytes(render_bytes(doc, fonts=fonts))
    return doc, path


def all_body_lines(path: Path, *, spaces: bool = False) -> list[list[dict[str, Any]]]:
    """The body lines of the notice's pages (with their space characters if `spaces`)."""
    with pdfplumber.open(path) as pdf:
        if not spaces:
            return [line for page in pdf.pages[: notice_pages(path)] for line in body_lines(page)]
        out = []
        for page in pdf.pages[: notice_pages(path)]:
            rows: dict[float, list[dict[str, Any]]] = {}
            for char in page.chars:
                if abs(char["size"] - BODY_SIZE) < 0.05:
                    rows.setdefault(round(char["top"], 1), []).append(char)
            out += [sorted(row, key=lambda c: c["x0"]) for _, row in sorted(rows.items())]
        return out


def text_of(line: list[dict[str, Any]]) -> str:
    return "".join(c["text"] for c in line)


def gaps(line: list[dict[str, Any]]) -> list[float]:
    """The empty room between each glyph's advance and the next glyph."""
    return [b["x0"] - a["x1"] for a, b in itertools.pairwise(line)]


@pytest.mark.parametrize("which", ["realistic", "rectification", "correction"])
def test_no_glyph_lies_right_of_the_text_block(which: str, request: pytest.FixtureRequest) -> None:
    path = request.getfixturevalue(which)[1]
    lines = all_body_lines(path)
    assert len(lines) > 20
    for line in lines:
        assert line[-1]["x1"] <= BLOCK_RIGHT + TOL, text_of(line)
        assert line[0]["x0"] >= BLOCK_LEFT - TOL, text_of(line)


@pytest.mark.parametrize("which", ["realistic", "rectification"])
def test_a_line_short_of_the_right_edge_has_no_character_spacing(
    which: str, request: pytest.FixtureRequest
) -> None:
    """A paragraph's last line after a justified one: its glyphs sit at their own advances."""
    path = request.getfixturevalue(which)[1]
    lines = all_body_lines(path, spaces=True)
    short = [line for line in lines if line[-1]["x1"] < BLOCK_RIGHT - CELL / 2]
    assert len(short) >= 4
    for line in short:
        for gap in gaps(line):
            assert gap <= 0.01, text_of(line)  # 0, or negative where punctuation squeezes


def test_full_lines_hold_28_cells_and_no_gap_is_too_wide(
    realistic: tuple[NoticeDocument, Path],
) -> None:
    """A justified line widens each gap by at most MAX_GAP em; an unstretched line is 28 cells."""
    lines = all_body_lines(realistic[1], spaces=True)  # "GB 8978-1996" keeps its space
    full = [line for line in lines if line[-1]["x1"] == pytest.approx(BLOCK_RIGHT, abs=TOL)]
    assert len(full) > 15
    for line in full:
        limit = MAX_GAP * BODY_SIZE + 0.05
        assert max(gaps(line)) <= limit, text_of(line)
        natural = sum(c["x1"] - c["x0"] for c in line) + sum(min(0.0, g) for g in gaps(line))
        assert natural <= 28 * CELL + TOL
        if max(gaps(line)) < 0.01:
            assert natural == pytest.approx(28 * CELL - (line[0]["x0"] - BLOCK_LEFT), abs=TOL)


def test_a_long_code_is_cut_instead_of_stretching_a_line(
    realistic: tuple[NoticeDocument, Path],
) -> None:
    texts = [text_of(line) for line in all_body_lines(realistic[1])]
    joined = "".join(texts)
    assert (
        joined.count(CODE)
        + sum(1 for a, b in itertools.pairwise(texts) if (a + b).count(CODE) > a.count(CODE))
        >= 4
    )
    for a, b in itertools.pairwise(texts):
        assert not (a.endswith("GB") and b.startswith("8978")), "split at the space"
        assert not b.startswith("）"), b


def test_adjacent_full_width_punctuation_is_squeezed(
    realistic: tuple[NoticeDocument, Path],
) -> None:
    pairs = 0
    for line in all_body_lines(realistic[1]):
        step = [b["x0"] - a["x0"] for a, b in itertools.pairwise(line)]
        normal = [
            s
            for s, (a, b) in zip(step, itertools.pairwise(line), strict=True)
            if "\u4e00" <= a["text"] <= "\u9fff" and "\u4e00" <= b["text"] <= "\u9fff"
        ]
        if not normal:
            continue
        for s, (a, b) in zip(step, itertools.pairwise(line), strict=True):
            if a["text"] + b["text"] in ("）：", "》（", "；“", "”。", "）；", "。”"):
                pairs += 1
                assert s <= max(normal) - 0.45 * BODY_SIZE, a["text"] + b["text"]
    assert pairs >= 3


def test_a_character_beyond_the_bmp_extracts_as_itself(fonts: FontSet, tmp_path: Path) -> None:
    party = f"连云港市海州区{SMP}记五金加工厂"
    doc = build_document(State(content=Content(party_name=party)))
    path = tmp_path / "smp.pdf"
    path.write_bytes(render_bytes(doc, fonts=fonts))
    text = squeeze(poppler("pdftotext", "-f", "1", "-l", "1", str(path), "-"))
    assert f"当事人：{party}" in text
    assert utf16_hex(0x2C1D5) == "D870DDD5" and utf16_hex(0x4E2D) == "4E2D"
    cmap = to_unicode_cmap("X", [0x4E2D, 0x2C1D5])
    assert "<01> <D870DDD5>" in cmap and "2C1D5" not in cmap


def test_the_related_articles_start_on_a_page_of_their_own(
    correction: tuple[NoticeDocument, Path],
) -> None:
    doc, path = correction
    with pdfplumber.open(path) as pdf:
        pages = [body_lines(page) for page in pdf.pages[: notice_pages(path)]]
    starts = [i for i, lines in enumerate(pages) if "附：相关法律规定" in map(text_of, lines)]
    assert len(starts) == 1
    page = pages[starts[0]]
    assert text_of(page[0]) == "附：相关法律规定"
    before = [text_of(line) for line in pages[starts[0] - 1]]
    assert doc.date in before and doc.authority in before


@pytest.mark.parametrize(("method", "blank"), [("left", True), ("mail", True), ("direct", False)])
def test_the_receipt_date_is_left_to_the_recipient_when_left_or_mailed(
    method: str, blank: bool, fonts: FontSet
) -> None:
    doc = build_document(State(service=Service(method=method)))
    assert doc.proof is not None
    assert (doc.proof.received_at == "") is blank
    assert doc.proof.served_at == "2026年3月6日10时05分"
    data = render_bytes(doc, fonts=fonts)
    reader = PdfReader(io.BytesIO(data))
    proof = squeeze(reader.pages[-1].extract_text())
    assert proof.count("2026年3月6日") == (1 if blank else 2)
    assert ("收件日期年月日时分" in proof) is blank


def test_values_of_the_proof_table_are_centred_like_their_labels(
    rectification: tuple[NoticeDocument, Path],
) -> None:
    with pdfplumber.open(rectification[1]) as pdf:
        chars = [c for c in pdf.pages[-1].chars if abs(c["size"] - 12) < 0.01]

    def middle(text: str) -> float:
        found = [c for c in chars if c["text"] == text[0]]
        for first in found:
            row = [c for c in chars if abs(c["top"] - first["top"]) < 0.5]
            row_text = "".join(c["text"] for c in sorted(row, key=lambda c: c["x0"]))
            if text in row_text:
                return float(first["matrix"][5])  # the baseline
        raise AssertionError(text)

    for label, value in (("受送达人", "连云港市海州区某某化工有限公司"), ("送达地点", "新海街道")):
        assert middle(value) == pytest.approx(middle(label), abs=1.0)


def title_streams(data: bytes) -> bytes:
    return PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data()  # type: ignore[union-attr]


def test_the_bundled_title_is_drawn_heavier_than_the_body(fonts: FontSet) -> None:
    data = render_bytes(build_document(State()), fonts=fonts)
    stream = title_streams(data)
    assert re.search(rb"[0-9.]+ w\s", stream) and b"2 Tr" in stream
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        title = [c for c in pdf.pages[0].chars if abs(c["size"] - TITLE_SIZE) < 0.01]
        body = [c for c in pdf.pages[0].chars if abs(c["size"] - BODY_SIZE) < 0.01]
    assert title and all("UMing" in c["fontname"] for c in title)
    assert {c["fontname"] for c in body} & {c["fontname"] for c in title}, "same light face"


@pytest.mark.parametrize("file_name", ["FZXBSJW.TTF", "方正小标宋简体.ttf", "fzxbsk.ttf"])
def test_the_title_uses_fangzheng_xiaobiaosong_when_the_pc_has_it(
    file_name: str, tmp_path: Path
) -> None:
    folder = tmp_path / "Fonts"
    folder.mkdir()
    shutil.copy(bundled_dir() / "ARPLUKaiCN-print.ttf", folder / file_name)
    fonts = FontSet.default([folder])
    data = render_bytes(build_document(State()), fonts=fonts)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        title = [c for c in pdf.pages[0].chars if abs(c["size"] - TITLE_SIZE) < 0.01]
    assert Path(file_name).stem in fonts.font_names(TITLE)[0]
    assert title and all("UKai" in c["fontname"] for c in title)  # the copied face
    assert b"2 Tr" not in title_streams(data), "the real 小标宋 is not thickened"
