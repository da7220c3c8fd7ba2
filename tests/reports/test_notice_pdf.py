"""The notice PDF read back: page size, fonts, geometry, line breaking, text, numbers."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from desktop.reports import FontSet, NoticeDocument, build_document, render_bytes
from desktop.reports.geometry import (
    BLOCK_BOTTOM,
    BLOCK_LEFT,
    BLOCK_RIGHT,
    BLOCK_TOP,
    BODY_SIZE,
    CELL,
    LINE,
    PAGE_HEIGHT,
    TITLE_SIZE,
)
from desktop.reports.linebreak import CANNOT_END, CANNOT_START
from tests.reports.conftest import Content, State, poppler

FORBIDDEN_START = "，。；：！？、》）”’"
FORBIDDEN_END = "《（“‘"
TOL = 0.6


def notice_pages(path: Path) -> int:
    """How many pages the notice has (the proof of service is the last page)."""
    return len(PdfReader(path).pages) - 1


def body_lines(page: Any) -> list[list[dict[str, Any]]]:
    """The lines of body-size characters of a pdfplumber page, each sorted left to right."""
    rows: dict[float, list[dict[str, Any]]] = defaultdict(list)
    for char in page.chars:
        if abs(char["size"] - BODY_SIZE) < 0.05 and char["text"].strip():
            rows[round(char["top"], 1)].append(char)
    return [sorted(row, key=lambda c: c["x0"]) for _, row in sorted(rows.items())]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def notice_text(path: Path) -> str:
    """The notice's text by pdftotext, whitespace and the page furniture (— 1 —, the QR
    caption) taken out."""
    text = squeeze(poppler("pdftotext", "-l", str(notice_pages(path)), str(path), "-"))
    return re.sub(r"—\d+—|核验码[0-9A-Z]+", "", text)


def test_pages_are_a4(rectification: tuple[NoticeDocument, Path]) -> None:
    reader = PdfReader(rectification[1])
    assert len(reader.pages) >= 3
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            (595.276, 841.89), abs=0.01
        )


@pytest.mark.parametrize("which", ["rectification", "correction"])
def test_every_font_is_embedded_truetype(which: str, request: pytest.FixtureRequest) -> None:
    path = request.getfixturevalue(which)[1]
    rows = poppler("pdffonts", str(path)).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        name, kind, *rest = row.split()
        assert kind == "TrueType", row
        emb, sub, uni = rest[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
        assert "Helvetica" not in name and "Times" not in name, row


def test_body_text_lies_inside_the_text_block(rectification: tuple[NoticeDocument, Path]) -> None:
    with pdfplumber.open(rectification[1]) as pdf:
        checked = 0
        for page in pdf.pages:
            for char in page.chars:
                if char["size"] < BODY_SIZE - 0.05 or not char["text"].strip():
                    continue
                checked += 1
                assert char["x0"] >= BLOCK_LEFT - TOL, char
                assert char["x1"] <= BLOCK_RIGHT + TOL, char
                assert char["top"] >= PAGE_HEIGHT - BLOCK_TOP - TOL, char
                assert char["bottom"] <= PAGE_HEIGHT - BLOCK_BOTTOM + TOL, char
        assert checked > 500


def test_a_page_holds_22_lines_and_a_full_line_28_characters(
    rectification: tuple[NoticeDocument, Path],
) -> None:
    with pdfplumber.open(rectification[1]) as pdf:
        second = body_lines(pdf.pages[1])
        assert len(second) == 22
        full = [
            line
            for page in pdf.pages[:-1]
            for line in body_lines(page)
            if line[0]["x0"] == pytest.approx(BLOCK_LEFT, abs=TOL)
            and line[-1]["x1"] == pytest.approx(BLOCK_RIGHT, abs=TOL)
            and all(c["x1"] - c["x0"] == pytest.approx(CELL, abs=0.01) for c in line)
        ]
        # an unstretched line: a cell per character, half a cell after a squeezed mark
        steps = {
            id(line): [round((b["x0"] - a["x0"]) / CELL, 2) for a, b in itertools.pairwise(line)]
            for line in full
        }
        unspaced = [line for line in full if set(steps[id(line)]) <= {1.0, 0.5}]
        assert len(unspaced) > 10
        for line in unspaced:
            cells = sum(steps[id(line)]) + 1
            assert cells == pytest.approx(28, abs=0.01), "".join(c["text"] for c in line)
        for line in full:
            assert len(line) - steps[id(line)].count(0.5) <= 28


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(
    rectification: tuple[NoticeDocument, Path],
) -> None:
    starts: list[str] = []
    with pdfplumber.open(rectification[1]) as pdf:
        for page in pdf.pages[:-1]:
            for line in body_lines(page):
                text = "".join(c["text"] for c in line)
                starts.append(text[0])
                assert text[0] not in FORBIDDEN_START, text
                assert text[-1] not in FORBIDDEN_END, text
    assert len(starts) > 50
    assert set(FORBIDDEN_START) <= CANNOT_START
    assert set(FORBIDDEN_END) <= CANNOT_END


def test_pdftotext_reads_the_body_back_exactly(rectification: tuple[NoticeDocument, Path]) -> None:
    doc, path = rectification
    text = notice_text(path)
    position = 0
    for block in doc.blocks:
        found = text.find(squeeze(block.text), position)
        assert found >= 0, block.text
        position = found
    assert squeeze(doc.blocks[5].text) in text
    assert doc.number is not None and doc.number in text


def test_number_is_printed_with_hexagonal_brackets_and_no_padding(
    rectification: tuple[NoticeDocument, Path],
) -> None:
    doc, path = rectification
    assert doc.number == "海环整改〔2026〕15号"
    first = poppler("pdftotext", "-f", "1", "-l", "1", str(path), "-")
    assert re.search(r"海环整改〔2026〕15号", first)
    proof = poppler("pdftotext", "-f", str(notice_pages(path) + 1), str(path), "-")
    assert "海环整改〔2026〕15号" in squeeze(proof)
    assert "〔2026〕015号" not in first and "[2026]" not in first


def test_date_has_no_zero_padding(fonts: FontSet) -> None:
    doc = build_document(State())
    assert doc.date == "2026年3月5日"


def test_page_numbers_alternate_sides(rectification: tuple[NoticeDocument, Path]) -> None:
    path = rectification[1]
    pages = notice_pages(path)
    assert pages >= 2
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages):
            number = [c for c in page.chars if abs(c["size"] - 14) < 0.01 and c["text"] != " "]
            if index == pages:
                assert number == [], "the proof of service has no page number"
                continue
            text = "".join(c["text"] for c in sorted(number, key=lambda c: c["x0"]))
            assert text == f"—{index + 1}—"
            assert min(c["top"] for c in number) > PAGE_HEIGHT - BLOCK_BOTTOM
            if (index + 1) % 2:
                assert max(c["x1"] for c in number) == pytest.approx(BLOCK_RIGHT - 14, abs=TOL)
            else:
                assert min(c["x0"] for c in number) == pytest.approx(BLOCK_LEFT + 14, abs=TOL)


def test_title_and_headings_use_their_fonts(correction: tuple[NoticeDocument, Path]) -> None:
    with pdfplumber.open(correction[1]) as pdf:
        chars = pdf.pages[0].chars
        lines = body_lines(pdf.pages[0])
    title = [c for c in chars if abs(c["size"] - TITLE_SIZE) < 0.01]
    assert "责令改正违法行为决定书" in "".join(c["text"] for c in title)
    assert all("UMing" in c["fontname"] for c in title)  # 宋 (小标宋 stand-in)
    fonts = {"".join(c["text"] for c in line): {c["fontname"] for c in line} for line in lines}
    assert {"+".join(f.split("+")[1:]) for f in fonts["一、违法事实和证据"]} == {
        "WenQuanYiMicroHeiPrint"
    }  # 黑体
    assert all("UKai" in f for f in fonts["（一）违法事实"])  # 楷体
    assert all("UMing" in f for f in fonts["当事人：连云港市海州区某某化工有限公司"])  # 仿宋


def test_qr_code_is_on_the_last_notice_page_only(
    rectification: tuple[NoticeDocument, Path],
) -> None:
    path = rectification[1]
    pages = notice_pages(path)
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages):
            rects = page.rects
            if index == pages - 1:
                assert len(rects) > 50
                assert max(r["bottom"] for r in rects) < PAGE_HEIGHT - 10
                assert min(r["top"] for r in rects) > PAGE_HEIGHT - BLOCK_BOTTOM
                caption = "".join(c["text"] for c in page.chars if c["size"] < 8)
                assert "7K3Q9P" in caption
            elif index < pages:
                assert rects == []


def test_a_draft_is_marked_and_has_no_qr(fonts: FontSet, tmp_path: Path) -> None:
    doc = build_document(State(number=None, issued_at=None, verification=""))
    assert doc.draft
    path = tmp_path / "draft.pdf"
    path.write_bytes(render_bytes(doc, fonts=fonts))
    text = squeeze(poppler("pdftotext", str(path), "-"))
    assert "（草稿，未编号）" in text
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            mark = "".join(c["text"] for c in page.chars if c["size"] > 90)
            assert mark == "草稿", "every page carries the 草稿 watermark"
            assert page.rects == [] or all(r["width"] > 5 for r in page.rects)


def test_proof_of_service_page_has_every_field(rectification: tuple[NoticeDocument, Path]) -> None:
    path = rectification[1]
    text = squeeze(poppler("pdftotext", "-f", str(notice_pages(path) + 1), str(path), "-"))
    for label in (
        "送达回证",
        "送达文书名称及文号",
        "受送达人",
        "送达地点",
        "送达方式",
        "收件人签名或盖章",
        "收件日期",
        "代收人及代收理由",
        "见证人（留置送达时）",
        "送达人",
        "送达时间",
        "备注",
    ):
        assert label in text, label
    assert "整改通知书（海环整改〔2026〕15号）" in text
    assert "■留置送达" in text and "□直接送达" in text
    assert "周某（社区网格员）" in text
    assert "李明、陈刚" in text
    assert "2026年3月6日10时05分" in text
    assert "赵某（员工）" in text
    assert "连云港市海州生态环境局" in text
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages[-1].lines) + len(pdf.pages[-1].rects) >= 10


def test_unserved_proof_leaves_the_fields_blank(fonts: FontSet, tmp_path: Path) -> None:
    doc = build_document(State())
    assert doc.proof is not None and doc.proof.method == "" and doc.proof.witness == ""
    path = tmp_path / "unserved.pdf"
    path.write_bytes(render_bytes(doc, fonts=fonts))
    pages = len(PdfReader(path).pages)
    text = squeeze(poppler("pdftotext", "-f", str(pages), str(path), "-"))
    assert "□直接送达" in text and "■" not in text
    assert all(char in text for char in "年月日时分")


def test_correction_order_attaches_the_cited_articles(
    correction: tuple[NoticeDocument, Path],
) -> None:
    doc, path = correction
    text = notice_text(path)
    for heading in (
        "一、违法事实和证据",
        "二、责令改正的依据和种类",
        "三、履行方式和期限",
        "四、救济途径和期限",
        "附：相关法律规定",
    ):
        assert heading in text
    assert text.index("附：相关法律规定") > text.index("四、救济途径和期限")
    for title, body in doc.attachments:
        assert squeeze(title) in text
        assert squeeze(body) in text
    assert "《中华人民共和国行政处罚法》第二十八条" in text


def test_content_without_a_long_body_fits_on_fewer_pages(fonts: FontSet) -> None:
    short = build_document(State(content=Content(evidence=())))
    data = render_bytes(short, fonts=fonts)
    assert data.startswith(b"%PDF")
    assert len(PdfReader(__import__("io").BytesIO(data)).pages) <= 3


def test_no_page_ends_with_a_heading(correction: tuple[NoticeDocument, Path]) -> None:
    doc, path = correction
    headings = {b.text for b in doc.blocks if b.style.startswith("heading")}
    headings |= {title for title, _ in doc.attachments} | {doc.attachment_heading or ""}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[: notice_pages(path)]:
            last = "".join(c["text"] for c in body_lines(page)[-1])
            assert last not in headings, last


def test_date_and_authority_are_placed_for_the_seal(
    rectification: tuple[NoticeDocument, Path],
) -> None:
    doc, path = rectification
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[notice_pages(path) - 1]
        lines = {"".join(c["text"] for c in line): line for line in body_lines(page)}
    date, name = lines[doc.date], lines[doc.authority]
    assert date[-1]["x1"] == pytest.approx(BLOCK_RIGHT - 4 * CELL, abs=TOL)  # 右空四字
    date_centre = (date[0]["x0"] + date[-1]["x1"]) / 2
    name_centre = (name[0]["x0"] + name[-1]["x1"]) / 2
    assert name_centre == pytest.approx(date_centre, abs=TOL)
    above = [line for text, line in lines.items() if line[0]["top"] < name[0]["top"]]
    gap = name[0]["top"] - max(line[0]["top"] for line in above)
    assert gap == pytest.approx(3 * LINE, abs=TOL)  # two blank grid lines: room for the seal


@pytest.mark.skipif(
    shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
    reason="zbarimg (Debian's zbar-tools) is not installed",
)
def test_qr_code_decodes_to_number_and_verification(
    rectification: tuple[NoticeDocument, Path], tmp_path: Path
) -> None:
    doc, path = rectification
    page = str(notice_pages(path))
    poppler("pdftoppm", "-r", "200", "-png", "-f", page, "-l", page, str(path), str(tmp_path / "p"))
    image = next(tmp_path.glob("p*.png"))
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True, timeout=60
    ).stdout.strip()
    assert decoded == doc.qr_data == "海环整改〔2026〕15号|V:7K3Q9P"
