"""The 行政处罚决定书: its fields, the amounts in capitals, and the PDF read back for each kind
of party (text, attachment page, text block, 28-cell lines, embedded fonts)."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from desktop.domain.timeutil import CHINA_TZ
from desktop.reports import FontSet, MissingGlyph
from desktop.reports.decision import (
    LIST_FIELDS,
    PLACEHOLDERS,
    DecisionFieldError,
    DecisionFields,
    LawClause,
    Notification,
    Party,
    Payment,
    PenaltyItem,
    build_decision_document,
    decision_template,
    render_decision,
    render_decision_bytes,
    we_of,
)
from desktop.reports.geometry import BLOCK_LEFT, BLOCK_RIGHT, BODY_SIZE, CELL
from desktop.reports.linebreak import MAX_GAP, units
from desktop.reports.numerals import chinese_count, rmb_capitals, rmb_figures, rmb_text
from desktop.reports.templates import load_template, parse_template, seed_clauses
from tests.reports.conftest import Service, poppler
from tests.reports.test_notice_pdf import TOL, body_lines, notice_pages, notice_text, squeeze
from tests.reports.test_typesetting import all_body_lines, gaps, text_of

CLAUSES = {c["id"]: c for c in seed_clauses()}
COMPANY = Party(
    party_type="organisation",
    name="连云港市海州区某某家具制造有限公司",
    credit_code="91320706MA1X2Y3R4E",
    address="连云港市海州区新坝镇工业集中区纬三路6号",
    legal_representative="王某某",
)
SOLE_TRADER = Party(
    party_type="sole_trader",
    name="连云港市海州区老张汽车修理部",
    operator="张某某",
    id_number="320706198003124533",
    address="连云港市海州区洪门街道幸福路23号3栋201室",
    credit_code="92320706MA2B3C4D55",
    premises="连云港市海州区洪门街道通灌南路108号",
)
PERSON = Party(
    party_type="individual",
    name="李某某",
    id_number="320706197509180028",
    address="连云港市海州区新海街道解放东路66号",
)
FACTS = (
    "你单位主要从事实木家具的生产，喷漆工序产生含挥发性有机物废气。检查时，你单位喷漆车间"
    "正在进行喷漆作业，车间门窗敞开，喷漆作业未在密闭空间或者设备中进行；车间配套的"
    "“水帘+活性炭吸附”废气处理设施未开启，含挥发性有机物废气未经收集处理直接排放，"
    "现场有明显漆雾异味。\n"
    "经调查询问，你单位法定代表人王某某承认废气处理设施自2026年2月下旬起因风机故障停用，"
    "其间喷漆工序照常生产。"
)
DISCRETION = (
    "根据《江苏省生态环境行政处罚裁量基准规定》，你单位的违法行为适用《中华人民共和国大气污染"
    "防治法》第一百零八条第一项的裁量标准：喷漆工序未密闭、废气处理设施停用约十日，违法情节"
    "一般；你单位在检查后立即停止喷漆作业，修复了废气处理设施并经我局复查合格，积极配合调查，"
    "依法可以从轻处罚。综合考虑上述因素，经我局案件审查委员会集体讨论，裁量罚款五万元。"
)
REVIEW = "连云港市人民政府"
COURT = "连云港市海州区人民法院"
SERVED = datetime(2026, 4, 9, 15, 20, tzinfo=CHINA_TZ)


def decision(party: Party = COMPANY, **changes: Any) -> DecisionFields:
    """A realistic decision: untreated VOCs, 大气污染防治法 第四十五条 / 第一百零八条第一项."""

    def you(text: str) -> str:
        return text.replace("你单位", party.you)

    fields = DecisionFields(
        number="海环罚〔2026〕12号",
        case_number="海环立〔2026〕8号",
        authority="连云港市海州生态环境局",
        party=party,
        cause="未在密闭空间中进行产生含挥发性有机物废气的生产活动",
        filed_on=date(2026, 3, 4),
        inspected_on=date(2026, 3, 2),
        inspected_at="连云港市海州区新坝镇工业集中区纬三路6号",
        facts=you(FACTS),
        evidence=(
            "现场检查（勘察）笔录1份",
            "调查询问笔录2份",
            "现场照片8张、视频1段",
            "营业执照及法定代表人身份证明复印件",
            "环境影响评价文件及其批复复印件",
        ),
        violated=(LawClause.of(CLAUSES["dqfz-45"]),),
        basis=(replace(LawClause.of(CLAUSES["dqfz-108"]), item="第一项"),),
        notification=Notification(
            number="海环罚告〔2026〕9号",
            served_on=date(2026, 3, 20),
            hearing_offered=True,
            statement="检查当日即已停止喷漆作业，废气处理设施已于3月5日修复，请求从轻处罚",
            statement_on=date(2026, 3, 23),
            answer="partly",
            reason=you(
                "你单位所述整改情况属实，已在裁量时予以考虑；但违法事实清楚、证据确凿，"
                "不属于《中华人民共和国行政处罚法》第三十三条规定的不予行政处罚的情形"
            ),
        ),
        discretion=you(DISCRETION),
        penalties=(PenaltyItem("罚款", Decimal("50000")),),
        payment=Payment(
            payee="连云港市海州区财政局",
            bank="中国工商银行连云港海州支行",
            account="1107020109000012345",
            note="缴款时请注明本决定书文号；也可以凭本决定书载明的非税收入缴款码"
            "（3207062600001234）通过江苏省非税收入统一缴款平台缴纳",
        ),
        review_body=REVIEW,
        litigation_court=COURT,
        decided_on=date(2026, 4, 8),
        contact_person="李明",
        contact_phone="0518-85551234",
        verification="9M4T2K",
        service=Service(
            method="direct",
            served_at=SERVED,
            place=party.address,
            recipient=party.name
            if party.party_type == "individual"
            else party.legal_representative,
            relation="本人",
            witness="",
        ),
    )
    return replace(fields, **changes) if changes else fields


PARTIES = {"organisation": COMPANY, "sole_trader": SOLE_TRADER, "individual": PERSON}


@pytest.fixture(scope="module")
def decisions(pdf_dir: Path, fonts: FontSet) -> dict[str, Path]:
    """The PDF of the sample decision for each kind of party."""
    out = {}
    for kind, party in PARTIES.items():
        path = pdf_dir / f"decision-{kind}.pdf"
        render_decision(decision(party), path, fonts=fonts)
        out[kind] = path
    return out


# ---------------------------------------------------------------- amounts in capitals


@pytest.mark.parametrize(
    ("amount", "capitals"),
    [
        ("0.5", "伍角整"),
        ("0.05", "伍分"),
        ("0", "零元整"),
        ("10", "壹拾元整"),
        ("15", "壹拾伍元整"),
        ("110", "壹佰壹拾元整"),
        ("50000", "伍万元整"),
        ("1000000", "壹佰万元整"),
        ("123400.00", "壹拾贰万叁仟肆佰元整"),
        ("100000001", "壹亿零壹元整"),
        ("100010000", "壹亿零壹万元整"),
        ("200000000000", "贰仟亿元整"),
        # the examples of the 支付结算办法's rules
        ("1409.50", "壹仟肆佰零玖元伍角整"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
        ("107000.53", "壹拾万柒仟元零伍角叁分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "叁佰贰拾伍元零肆分"),
        ("1004.56", "壹仟零肆元伍角陆分"),
        ("100070", "壹拾万零柒拾元整"),
        ("1000100", "壹佰万零壹佰元整"),
    ],
)
def test_amounts_in_capitals_follow_the_rules(amount: str, capitals: str) -> None:
    assert rmb_capitals(Decimal(amount)) == capitals


def test_amounts_in_figures_and_both() -> None:
    assert rmb_figures(Decimal("123400")) == "¥123,400.00"
    assert rmb_figures(Decimal("0.5")) == "¥0.50"
    assert rmb_figures(100000001) == "¥100,000,001.00"
    assert rmb_text(Decimal("123400.00")) == "人民币壹拾贰万叁仟肆佰元整（¥123,400.00）"


@pytest.mark.parametrize("bad", ["-1", "0.001", "abc", "NaN", "1e16"])
def test_an_amount_that_is_not_whole_fen_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        rmb_capitals(bad)


@pytest.mark.parametrize(
    ("number", "text"),
    [(0, "零"), (7, "七"), (15, "十五"), (60, "六十"), (105, "一百零五"), (110, "一百一十")],
)
def test_counts_in_lower_case_numerals(number: int, text: str) -> None:
    assert chinese_count(number) == text


def test_an_amount_stays_whole_on_a_line() -> None:
    assert "¥50,000.00" in units("罚款人民币伍万元整（¥50,000.00）。")
    assert "1,234.50" in units("违法所得1,234.50元")
    assert "GB 8978-1996" in units("（GB 8978-1996）")


# ---------------------------------------------------------------- the fields


def test_an_unknown_party_type_is_refused_naming_the_field() -> None:
    with pytest.raises(DecisionFieldError) as caught:
        Party(party_type="company", name="某某公司", address="某地")
    assert caught.value.field == "party.party_type"
    assert str(caught.value).startswith("当事人类型：")
    assert "company" in str(caught.value) and "个体工商户" in str(caught.value)


def test_the_chinese_names_of_the_party_types_are_accepted() -> None:
    party = Party("自然人", name="李某某", id_number="320706197509180028", address="某地")
    assert party.party_type == "individual"


class _Kind(StrEnum):
    """Like the domain's PartyType: a str enum."""

    SOLE_TRADER = "sole_trader"


@dataclass(frozen=True)
class _DomainParty:
    """The fields of the domain's Party (desktop.domain.party)."""

    party_type: _Kind
    name: str
    credit_code: str = ""
    id_number: str = ""
    address: str = ""
    legal_representative: str = ""
    operator: str = ""


def test_a_party_comes_from_the_domain_party_or_a_mapping() -> None:
    source = _DomainParty(
        _Kind.SOLE_TRADER,
        SOLE_TRADER.name,
        SOLE_TRADER.credit_code,
        SOLE_TRADER.id_number,
        SOLE_TRADER.address,
        operator=SOLE_TRADER.operator,
    )
    assert Party.of(source, premises=SOLE_TRADER.premises) == SOLE_TRADER
    data = {"party_type": "individual", "name": "李某某", "id_number": PERSON.id_number}
    assert Party.of({**data, "address": PERSON.address}) == PERSON
    with pytest.raises(DecisionFieldError) as caught:
        Party.of({**data, "address": None})
    assert str(caught.value) == "住址：不能为空"


def _without(party: Party, key: str) -> dict[str, str]:
    keys = ("party_type", "name", "credit_code", "address", "legal_representative")
    keys += ("operator", "id_number")
    return {k: "  " if k == key else getattr(party, k) for k in keys}


@pytest.mark.parametrize(
    ("party", "field", "label"),
    [
        (_without(SOLE_TRADER, "operator"), "party.operator", "经营者"),
        (_without(SOLE_TRADER, "id_number"), "party.id_number", "身份证号码"),
        (_without(PERSON, "id_number"), "party.id_number", "身份证号码"),
        (_without(PERSON, "address"), "party.address", "住址"),
        (_without(COMPANY, "address"), "party.address", "地址"),
        (_without(COMPANY, "name"), "party.name", "当事人"),
    ],
)
def test_a_missing_party_field_is_named(party: dict[str, str], field: str, label: str) -> None:
    with pytest.raises(DecisionFieldError) as caught:
        Party(**party)
    assert (caught.value.field, caught.value.label) == (field, label)
    assert str(caught.value) == f"{label}：不能为空"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"review_body": ""}, "review_body"),
        ({"litigation_court": "  "}, "litigation_court"),
        ({"penalties": ()}, "penalties"),
        ({"basis": ()}, "basis"),
        ({"evidence": ()}, "evidence"),
        ({"decided_on": None}, "decided_on"),
        ({"number": " "}, "number"),
    ],
)
def test_a_decision_without_what_it_must_state_is_refused(
    changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(DecisionFieldError) as caught:
        decision(**changes)
    assert caught.value.field == field


def test_a_fine_needs_an_amount_and_an_answer_must_be_known() -> None:
    with pytest.raises(DecisionFieldError) as caught:
        PenaltyItem("罚款")
    assert caught.value.label == "处罚金额"
    with pytest.raises(DecisionFieldError) as caught:
        PenaltyItem("罚款", Decimal("100.001"))
    assert "分" in str(caught.value)
    with pytest.raises(DecisionFieldError) as caught:
        Notification("海环罚告〔2026〕9号", date(2026, 3, 20), statement="请求从轻", answer="ok")
    assert caught.value.label == "对陈述申辩的处理"


def test_how_the_authority_names_itself() -> None:
    assert we_of("连云港市海州生态环境局") == "我局"
    assert we_of("连云港市海州区综合行政执法大队") == "我队"
    assert we_of("连云港市海州区新坝镇人民政府") == "本机关"


def test_the_template_names_only_known_fields_and_the_notices_still_parse() -> None:
    template = decision_template()
    assert template.title == "行政处罚决定书"
    assert template.attachment_heading == "附：相关法律规定"
    for kind in ("rectification", "correction_order"):
        assert load_template(kind).list_fields == frozenset({"evidence"})
    raw = json.loads(
        (Path(__file__).parents[2] / "resources/notices/templates/penalty_decision.json").read_text(
            encoding="utf-8"
        )
    )
    with pytest.raises(ValueError, match="unknown placeholders"):
        parse_template(raw)  # the notices' fields do not include the decision's
    parsed = parse_template(raw, placeholders=PLACEHOLDERS, list_fields=LIST_FIELDS)
    assert parsed == template
    raw["blocks"].append({"style": "body", "text": "{penalty_total}"})
    with pytest.raises(ValueError, match="penalty_total"):
        parse_template(raw, placeholders=PLACEHOLDERS, list_fields=LIST_FIELDS)


# ---------------------------------------------------------------- the document


def test_the_notification_paragraphs_tell_what_happened() -> None:
    base = decision().notification
    quiet = replace(base, statement="", answer="", reason="", hearing_offered=False)
    assert quiet.text("你单位", "我局").splitlines() == [
        "我局于2026年3月20日以《行政处罚事先告知书》（海环罚告〔2026〕9号）告知你单位拟作出"
        "行政处罚的内容及事实、理由、依据，以及你单位依法享有的陈述、申辩的权利。",
        "你单位在规定期限内未提出陈述、申辩意见。",
    ]
    lines = base.text("你单位", "我局").splitlines()
    assert "《行政处罚事先（听证）告知书》" in lines[0] and "要求听证的权利" in lines[0]
    assert lines[1].startswith("你单位于2026年3月23日提出陈述、申辩意见：检查当日")
    assert lines[1].endswith("。故对你单位的陈述、申辩意见部分采纳。")
    assert lines[2] == "你单位在规定期限内未要求听证。"
    heard = replace(
        base,
        statement="",
        hearing_requested_on=date(2026, 3, 22),
        hearing_held_on=date(2026, 3, 30),
    )
    assert heard.text("你", "我局").splitlines()[1:] == [
        "你于2026年3月22日要求听证，我局于2026年3月30日依法举行了听证。"
    ]
    gave_up = replace(heard, hearing_held_on=None)
    assert gave_up.text("你", "我局").splitlines()[1:] == [
        "你于2026年3月22日要求听证，后放弃听证。"
    ]


@pytest.mark.parametrize(
    ("kind", "lines"),
    [
        (
            "organisation",
            [
                "当事人：连云港市海州区某某家具制造有限公司",
                "统一社会信用代码：91320706MA1X2Y3R4E",
                "地址：连云港市海州区新坝镇工业集中区纬三路6号",
                "法定代表人（负责人）：王某某",
            ],
        ),
        (
            "sole_trader",
            [
                "当事人：连云港市海州区老张汽车修理部（个体工商户）",
                "统一社会信用代码：92320706MA2B3C4D55",
                "经营者：张某某",
                "身份证号码：320706198003124533",
                "住址：连云港市海州区洪门街道幸福路23号3栋201室",
                "经营场所：连云港市海州区洪门街道通灌南路108号",
            ],
        ),
        (
            "individual",
            [
                "当事人：李某某",
                "身份证号码：320706197509180028",
                "住址：连云港市海州区新海街道解放东路66号",
            ],
        ),
    ],
)
def test_the_party_lines_of_each_kind_of_party(kind: str, lines: list[str]) -> None:
    doc = build_decision_document(decision(PARTIES[kind]))
    party = [b.text for b in doc.blocks if b.style == "party"]
    assert party == lines
    you = "你单位" if kind == "organisation" else "你"
    body = "\n".join(b.text for b in doc.blocks)
    assert f"{you}的上述行为违反了" in body
    assert ("你单位" in body) is (kind == "organisation")


def test_the_document_says_what_a_decision_says() -> None:
    doc = build_decision_document(decision())
    assert (doc.kind, doc.title, doc.number) == (
        "penalty_decision",
        "行政处罚决定书",
        "海环罚〔2026〕12号",
    )
    assert (doc.authority, doc.date) == ("连云港市海州生态环境局", "2026年4月8日")
    texts = [b.text for b in doc.blocks]
    assert (
        "我局于2026年3月4日对你单位未在密闭空间中进行产生含挥发性有机物废气的生产活动一案立案调查"
        "（立案编号：海环立〔2026〕8号），现已调查终结。"
    ) in texts
    assert "你单位的上述行为违反了《中华人民共和国大气污染防治法》第四十五条的规定。" in texts
    assert (
        "依据《中华人民共和国大气污染防治法》第一百零八条第一项的规定，我局决定对你单位作出如下"
        "行政处罚："
    ) in texts
    assert "1．罚款人民币伍万元整（¥50,000.00）。" in texts
    assert "你单位应当自收到本决定书之日起十五日内，将罚款缴至下列账户：" in texts
    assert "账号：1107020109000012345" in texts
    assert any(
        t.startswith("到期不缴纳罚款的，我局可以依据《中华人民共和国行政处罚法》第七十二条")
        for t in texts
    )
    assert (
        "你单位如不服本处罚决定，可以在收到本决定书之日起六十日内向连云港市人民政府申请行政复议，"
        "也可以在收到本决定书之日起六个月内直接向连云港市海州区人民法院提起行政诉讼。"
        "申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。"
    ) in texts
    headings = [b.text for b in doc.blocks if b.style == "heading1"]
    assert headings == [
        "一、环境违法事实和证据",
        "二、行政处罚的依据、种类及其履行方式、期限",
        "三、申请行政复议或者提起行政诉讼的途径和期限",
    ]
    assert [title for title, _ in doc.attachments] == [
        "《中华人民共和国大气污染防治法》第四十五条",
        "《中华人民共和国大气污染防治法》第一百零八条",
    ]
    assert doc.proof is not None
    assert doc.proof.document == "行政处罚决定书（海环罚〔2026〕12号）"
    assert doc.proof.addressee == "连云港市海州区某某家具制造有限公司"
    trader = build_decision_document(decision(SOLE_TRADER)).proof
    assert trader is not None
    assert trader.addressee == "连云港市海州区老张汽车修理部（经营者：张某某）"
    assert doc.proof.served_at == doc.proof.received_at == "2026年4月9日15时20分"


def test_the_remedies_print_as_given_never_from_the_area() -> None:
    doc = build_decision_document(
        decision(review_body="连云港市生态环境局", litigation_court="灌南县人民法院")
    )
    body = "".join(b.text for b in doc.blocks)
    assert "向连云港市生态环境局申请行政复议" in body
    assert "直接向灌南县人民法院提起行政诉讼" in body
    assert "海州区人民政府" not in body


def test_several_penalties_and_no_account() -> None:
    penalties = (
        PenaltyItem("罚款", Decimal("123400")),
        PenaltyItem("没收违法所得", Decimal("8650.50")),
        PenaltyItem("责令停产整治", None, "自收到本决定书之日起停产整治，期限为三个月"),
    )
    doc = build_decision_document(decision(penalties=penalties, payment=Payment()))
    texts = [b.text for b in doc.blocks]
    assert texts[texts.index("1．罚款人民币壹拾贰万叁仟肆佰元整（¥123,400.00）；") + 1 :][:2] == [
        "2．没收违法所得人民币捌仟陆佰伍拾元零伍角整（¥8,650.50）；",
        "3．责令停产整治：自收到本决定书之日起停产整治，期限为三个月。",
    ]
    assert "你单位应当自收到本决定书之日起十五日内缴纳罚没款。" in texts
    assert not any(t.startswith(("收款单位", "开户银行", "账号")) for t in texts)


def test_a_warning_alone_asks_for_no_payment() -> None:
    doc = build_decision_document(decision(penalties=(PenaltyItem("警告"),)))
    body = "".join(b.text for b in doc.blocks)
    assert "1．警告。" in body
    assert "缴" not in body and "加处罚款" not in body


# ---------------------------------------------------------------- the PDF read back


@pytest.mark.parametrize("kind", list(PARTIES))
def test_the_pdf_reads_back_exactly(kind: str, decisions: dict[str, Path]) -> None:
    path = decisions[kind]
    doc = build_decision_document(decision(PARTIES[kind]))
    text = notice_text(path)
    expected = [
        "连云港市海州生态环境局行政处罚决定书海环罚〔2026〕12号",
        *(b.text for b in doc.blocks if b.style == "party"),
        "罚款人民币伍万元整（¥50,000.00）",
        "账号：1107020109000012345",
        "六十日内向连云港市人民政府申请行政复议",
        "直接向连云港市海州区人民法院提起行政诉讼",
        "连云港市海州生态环境局2026年4月8日",
    ]
    for piece in expected:
        assert squeeze(piece) in text, piece
    body = squeeze("".join(b.text for b in doc.blocks))
    assert body in text  # every block, in order, nothing lost at a line or page end
    proof = squeeze(PdfReader(path).pages[-1].extract_text())
    assert "送达回证" in proof and "行政处罚决定书（海环罚〔2026〕12号）" in proof
    assert squeeze(PARTIES[kind].addressee) in proof


def test_the_related_articles_start_on_a_page_of_their_own(decisions: dict[str, Path]) -> None:
    path = decisions["organisation"]
    with pdfplumber.open(path) as pdf:
        pages = [body_lines(page) for page in pdf.pages[: notice_pages(path)]]
    starts = [i for i, lines in enumerate(pages) if "附：相关法律规定" in map(text_of, lines)]
    assert len(starts) == 1 and starts[0] > 0
    page = [text_of(line) for line in pages[starts[0]]]
    assert page[0] == "附：相关法律规定"
    assert page[1] == "《中华人民共和国大气污染防治法》第四十五条"
    before = [text_of(line) for line in pages[starts[0] - 1]]
    assert before[-2:] == ["连云港市海州生态环境局", "2026年4月8日"]
    later = "".join(text_of(line) for lines in pages[starts[0] :] for line in lines)
    assert "《中华人民共和国大气污染防治法》第一百零八条" in later
    assert "处二万元以上二十万元以下的罚款" in later


@pytest.mark.parametrize("kind", list(PARTIES))
def test_no_glyph_lies_outside_the_text_block(kind: str, decisions: dict[str, Path]) -> None:
    lines = all_body_lines(decisions[kind])
    assert len(lines) > 40
    for line in lines:
        assert line[-1]["x1"] <= BLOCK_RIGHT + TOL, text_of(line)
        assert line[0]["x0"] >= BLOCK_LEFT - TOL, text_of(line)


@pytest.mark.parametrize("kind", list(PARTIES))
def test_full_lines_hold_28_cells_and_no_gap_is_too_wide(
    kind: str, decisions: dict[str, Path]
) -> None:
    lines = all_body_lines(decisions[kind], spaces=True)
    full = [line for line in lines if line[-1]["x1"] == pytest.approx(BLOCK_RIGHT, abs=TOL)]
    assert len(full) > 20
    unstretched = 0
    for line in full:
        assert max(gaps(line)) <= MAX_GAP * BODY_SIZE + 0.05, text_of(line)
        natural = sum(c["x1"] - c["x0"] for c in line) + sum(min(0.0, g) for g in gaps(line))
        assert natural <= 28 * CELL + TOL, text_of(line)
        if max(gaps(line)) < 0.01:
            unstretched += 1
            assert natural == pytest.approx(28 * CELL - (line[0]["x0"] - BLOCK_LEFT), abs=TOL)
    assert unstretched > 10
    short = [line for line in lines if line[-1]["x1"] < BLOCK_RIGHT - CELL / 2]
    assert len(short) > 10
    for line in short:  # a paragraph's last line keeps no spacing from the line before
        assert max(gaps(line), default=0.0) <= 0.01, text_of(line)


@pytest.mark.parametrize("kind", list(PARTIES))
def test_every_font_is_embedded(kind: str, decisions: dict[str, Path]) -> None:
    rows = poppler("pdffonts", str(decisions[kind])).splitlines()[2:]
    assert rows
    for row in rows:
        name, kind_, *rest = row.split()
        assert kind_ == "TrueType", row
        assert tuple(rest[-5:-2]) == ("yes", "yes", "yes"), row


def test_a_draft_has_no_number_and_a_watermark(fonts: FontSet) -> None:
    data = render_decision_bytes(decision(number=None), fonts=fonts)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        first = squeeze(pdf.pages[0].extract_text())
        big = [c for c in pdf.pages[0].chars if c["size"] > 50]
    assert "行政处罚决定书（草稿，未编号）" in first
    assert "".join(c["text"] for c in big) == "草稿"
    proof = squeeze(PdfReader(io.BytesIO(data)).pages[-1].extract_text())
    assert "行政处罚决定书（草稿）" in proof


def test_a_character_no_font_has_names_its_field(fonts: FontSet) -> None:
    party = replace(PERSON, address="连云港市海州区\ue000路1号")
    with pytest.raises(MissingGlyph) as caught:
        render_decision_bytes(decision(party), fonts=fonts)
    assert (caught.value.field, caught.value.label) == ("party.address", "住址")


def test_a_file_or_a_stream_receives_the_rendered_pdf(fonts: FontSet, tmp_path: Path) -> None:
    data = render_decision_bytes(decision(PERSON), fonts=fonts)
    stream = io.BytesIO()
    render_decision(decision(PERSON), stream, fonts=fonts)
    path = tmp_path / "决定书.pdf"
    render_decision(decision(PERSON), str(path), fonts=fonts)
    assert data.startswith(b"%PDF") and stream.getvalue() == data == path.read_bytes()
    without = render_decision_bytes(decision(PERSON), fonts=fonts, proof_of_service=False)
    assert len(PdfReader(io.BytesIO(without)).pages) == len(PdfReader(io.BytesIO(data)).pages) - 1
