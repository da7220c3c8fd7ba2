"""Tests for desktop.reports.suggestion: the printed 纪律检查建议书 / 监察建议书 / 督办函."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from desktop.reports import FontSet, MissingGlyph
from desktop.reports.geometry import BLOCK_LEFT, BLOCK_RIGHT, BODY_SIZE, CELL
from desktop.reports.linebreak import MAX_GAP
from desktop.reports.suggestion import (
    SuggestionFieldError,
    SuggestionFields,
    SuggestionKind,
    build_suggestion_document,
    render_suggestion,
    render_suggestion_bytes,
)
from tests.reports.conftest import poppler
from tests.reports.test_notice_pdf import TOL, body_lines, squeeze
from tests.reports.test_typesetting import gaps, text_of

ISSUER = "中共连云港市海州区纪律检查委员会"

FIELDS = SuggestionFields(
    kind=SuggestionKind.DISCIPLINE,
    issuer=ISSUER,
    number="海纪建〔2026〕3号",
    addressee="连云港市海州区新海街道办事处",
    subject="督促加强生态环境信访举报线索签收办理工作",
    body=(
        "近期，我委在对全区生态环境问题线索办理情况开展监督检查中发现，你单位在线索签收、"
        "办理和反馈环节存在以下问题：",
        "一是签收不及时。2026年10月以来，你单位有3件线索超过签收时限5个工作日以上未签收，"
        "触发三级预警。",
        "二是办理不到位。部分线索现场核查流于形式，反馈材料缺少现场照片等佐证材料。",
    ),
    basis=("《中国共产党纪律检查机关监督执纪工作规则》第四十一条",),
    requests=(
        "立即组织对超期线索逐件核查办理，明确责任人和完成时限",
        "建立线索签收、办理日清周结机制，防止超期问题反弹。",
    ),
    reply_due=date(2026, 12, 15),
    issued_on=date(2026, 11, 30),
    copy_to="连云港市海州区生态环境问题攻坚办公室",
    clues=(
        ("LYG2026001234", "新海街道某小区餐饮油烟扰民"),
        ("LYG2026001301", "新坝路沿线夜间施工噪声"),
    ),
)

LONG = replace(
    FIELDS,
    body=tuple(
        f"问题{n}：经查，你单位在办理编号为LYG20260{n:05d}的线索过程中，未按规定时限签收，"
        "签收后又未按要求组织现场核查，反馈的办理结果与实际情况不符，被审核退回后仍未"
        "按期整改到位，群众反映强烈，造成不良影响。对此，你单位主要负责人和分管负责人负有"
        "领导责任，具体经办人员负有直接责任。"
        for n in range(1, 15)
    ),
)


def text(path: Path) -> str:
    return squeeze(poppler("pdftotext", str(path), "-")).replace("—1—", "")


def pages_lines(path: Path, *, spaces: bool = False) -> list[list[list[dict[str, Any]]]]:
    """The body-size lines of every page (with space characters if `spaces`)."""
    with pdfplumber.open(path) as pdf:
        if not spaces:
            return [body_lines(page) for page in pdf.pages]
        out = []
        for page in pdf.pages:
            rows: dict[float, list[dict[str, Any]]] = {}
            for char in page.chars:
                if abs(char["size"] - BODY_SIZE) < 0.05:
                    rows.setdefault(round(char["top"], 1), []).append(char)
            out.append([sorted(row, key=lambda c: c["x0"]) for _, row in sorted(rows.items())])
        return out


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, fonts: FontSet) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("suggestions")
    out = {}
    for name, fields in (("short", FIELDS), ("long", LONG)):
        path = folder / f"{name}.pdf"
        render_suggestion(fields, path, fonts=fonts)
        out[name] = path
    return out


def test_the_pdf_reads_back_exactly_with_every_field(rendered: dict[str, Path]) -> None:
    found = text(rendered["short"])
    doc = build_suggestion_document(FIELDS)
    expected = [
        ISSUER + "关于督促加强生态环境信访举报线索签收办理工作的纪律检查建议书海纪建〔2026〕3号",
        "连云港市海州区新海街道办事处：",
        "根据《中国共产党纪律检查机关监督执纪工作规则》第四十一条的规定，现提出如下纪律检查建议：",
        "一、立即组织对超期线索逐件核查办理，明确责任人和完成时限。",
        "二、建立线索签收、办理日清周结机制，防止超期问题反弹。",
        "请你单位于2026年12月15日前将整改落实情况书面报送我委",
        "附件：涉及线索清单",
        ISSUER + "2026年11月30日",
        "抄送：连云港市海州区生态环境问题攻坚办公室。",
        "附件涉及线索清单1．LYG2026001234新海街道某小区餐饮油烟扰民"
        "2．LYG2026001301新坝路沿线夜间施工噪声",
    ]
    for piece in expected:
        assert squeeze(piece) in found, piece
    for paragraph in FIELDS.body:
        assert squeeze(paragraph) in found
    body = squeeze("".join(b.text for b in doc.blocks))
    assert body in found  # every block in order, nothing lost at a line end


def test_each_kind_has_its_title_and_lead_in(fonts: FontSet) -> None:
    supervision = replace(
        FIELDS,
        kind=SuggestionKind.SUPERVISION,
        issuer="连云港市海州区监察委员会",
        number="海监建〔2026〕2号",
        basis=("《中华人民共和国监察法》第四十五条第一款第六项",),
    )
    urging = replace(FIELDS, kind=SuggestionKind.URGING, number="海纪督〔2026〕9号")
    for fields, title, lead in (
        (supervision, "的监察建议书", "第六项的规定，现提出如下监察建议："),
        (urging, "的督办函", "的规定，现提出如下督办意见："),
    ):
        data = render_suggestion_bytes(fields, fonts=fonts)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            first = squeeze(pdf.pages[0].extract_text())
        assert squeeze(fields.issuer + "关于" + fields.subject + title) in first
        assert lead in first
        assert squeeze(fields.number or "") in first


def test_the_clue_list_starts_a_page_of_its_own(rendered: dict[str, Path]) -> None:
    pages = pages_lines(rendered["short"])
    last = [text_of(line) for line in pages[-1]]
    assert last[0] == "附件"
    assert last[1:] == [
        "1．LYG2026001234新海街道某小区餐饮油烟扰民",
        "2．LYG2026001301新坝路沿线夜间施工噪声",
    ]
    before = [text_of(line) for page in pages[:-1] for line in page]
    assert "附件：涉及线索清单" in before and ISSUER in before


def test_without_clues_there_is_no_attachment(fonts: FontSet) -> None:
    data = render_suggestion_bytes(replace(FIELDS, clues=(), copy_to=""), fonts=fonts)
    whole = squeeze("".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
    assert "附件" not in whole and "抄送" not in whole
    assert whole.endswith(squeeze(ISSUER + "2026年11月30日"))
    with_clues = render_suggestion_bytes(FIELDS, fonts=fonts)
    pages = len(PdfReader(io.BytesIO(with_clues)).pages)
    assert len(PdfReader(io.BytesIO(data)).pages) == pages - 1


def test_a_long_body_spans_pages_and_the_signature_is_not_orphaned(
    rendered: dict[str, Path],
) -> None:
    pages = pages_lines(rendered["long"])
    assert len(pages) >= 3
    signed = [i for i, lines in enumerate(pages) if "2026年11月30日" in map(text_of, lines)]
    assert len(signed) == 1 and signed[0] >= 1
    page = [text_of(line) for line in pages[signed[0]]]
    at = page.index("2026年11月30日")
    assert page[at - 1] == ISSUER
    # the reply sentence and the 附件 note stand above the signature on its page
    above = page[: at - 1]
    assert above[-1] == "附件：涉及线索清单"
    assert any(line.startswith("请你单位于2026年12月15日前") for line in above)
    assert at >= 4
    assert squeeze(text(rendered["long"])).count("问题14") == 1


@pytest.mark.parametrize("name", ["short", "long"])
def test_no_glyph_lies_outside_the_text_block(name: str, rendered: dict[str, Path]) -> None:
    lines = [line for page in pages_lines(rendered[name]) for line in page]
    assert len(lines) > 15
    for line in lines:
        assert line[-1]["x1"] <= BLOCK_RIGHT + TOL, text_of(line)
        assert line[0]["x0"] >= BLOCK_LEFT - TOL, text_of(line)


def test_full_lines_hold_28_cells_and_no_gap_is_too_wide(rendered: dict[str, Path]) -> None:
    lines = [line for page in pages_lines(rendered["long"], spaces=True) for line in page]
    full = [line for line in lines if line[-1]["x1"] == pytest.approx(BLOCK_RIGHT, abs=TOL)]
    assert len(full) > 20
    for line in full:
        assert max(gaps(line)) <= MAX_GAP * BODY_SIZE + 0.05, text_of(line)
        natural = sum(c["x1"] - c["x0"] for c in line) + sum(min(0.0, g) for g in gaps(line))
        assert natural <= 28 * CELL + TOL, text_of(line)


@pytest.mark.parametrize("name", ["short", "long"])
def test_every_font_is_embedded(name: str, rendered: dict[str, Path]) -> None:
    rows = poppler("pdffonts", str(rendered[name])).splitlines()[2:]
    assert rows
    for row in rows:
        _, kind, *rest = row.split()
        assert kind == "TrueType", row
        assert tuple(rest[-5:-2]) == ("yes", "yes", "yes"), row


def test_pages_are_numbered_in_the_notices_way(rendered: dict[str, Path]) -> None:
    with pdfplumber.open(rendered["long"]) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            assert f"— {number} —" in page.extract_text()


def test_a_draft_has_no_number_and_a_watermark(fonts: FontSet) -> None:
    data = render_suggestion_bytes(replace(FIELDS, number=None), fonts=fonts)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        first = squeeze(pdf.pages[0].extract_text())
        big = [c for c in pdf.pages[0].chars if c["size"] > 50]
    assert "纪律检查建议书（草稿，未编号）" in first
    assert "".join(c["text"] for c in big) == "草稿"


@pytest.mark.parametrize(
    ("changes", "field", "label"),
    [
        ({"issuer": " "}, "issuer", "发文机关"),
        ({"addressee": ""}, "addressee", "主送单位"),
        ({"subject": ""}, "subject", "事由"),
        ({"number": " "}, "number", "文号"),
        ({"body": ()}, "body", "发现的问题"),
        ({"basis": ("",)}, "basis", "依据"),
        ({"requests": ()}, "requests", "建议事项"),
        ({"reply_due": date(2026, 11, 30)}, "reply_due", "回复期限"),
        ({"clues": (("", "无编号"),)}, "clues", "涉及线索"),
        ({"kind": "纪律检查建议书"}, "kind", "文书种类"),
    ],
)
def test_a_suggestion_missing_what_it_must_state_is_refused(
    changes: dict[str, Any], field: str, label: str
) -> None:
    with pytest.raises(SuggestionFieldError) as caught:
        replace(FIELDS, **changes)
    assert (caught.value.field, caught.value.label) == (field, label)


def test_a_character_no_font_has_names_its_field(fonts: FontSet) -> None:
    with pytest.raises(MissingGlyph) as caught:
        render_suggestion_bytes(replace(FIELDS, addressee="新海街道\ue000办事处"), fonts=fonts)
    assert (caught.value.field, caught.value.label) == ("addressee", "主送单位")


def test_a_file_or_a_stream_receives_the_rendered_pdf(fonts: FontSet, tmp_path: Path) -> None:
    data = render_suggestion_bytes(FIELDS, fonts=fonts)
    stream = io.BytesIO()
    render_suggestion(FIELDS, stream, fonts=fonts)
    path = tmp_path / "建议书.pdf"
    render_suggestion(FIELDS, str(path), fonts=fonts)
    assert data.startswith(b"%PDF") and stream.getvalue() == data == path.read_bytes()
