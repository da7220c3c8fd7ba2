"""What a legal reviewer reads in the printed notices (issue 12), read back from the PDFs: the
basis of the order under the law's own article, the party block of each type of party, and
the remedies and issuer as the directory gives them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop.reports import FontSet, build_document
from tests.reports.conftest import Content, State, render
from tests.reports.test_notice_pdf import notice_text

VALID_ID = "11010519491231002X"
PERSONAL_FACTS = (
    "2026年3月2日，我办工作人员对你位于连云港市海州区新海街道海连东路8号的经营场所进行现场检查，"
    "发现：油烟净化设施未开启，油烟未经净化直接排放。"
)


def test_a_correction_order_cites_the_laws_own_article_beside_the_penalty_law(
    pdf_dir: Path, fonts: FontSet
) -> None:
    content = Content(clause_ids=("dqfz-45",), basis_ids=("dqfz-108",))
    state = State(kind="correction_order", number="海环责改〔2026〕7号", content=content)
    doc = build_document(state)
    text = notice_text(render(doc, pdf_dir / "basis-correction.pdf", fonts))
    assert (
        "依据《中华人民共和国行政处罚法》第二十八条第一款、《中华人民共和国大气污染防治法》"
        "第一百零八条的规定，现责令你单位改正上述违法行为" in text
    )
    assert "你单位的上述行为违反了《中华人民共和国大气污染防治法》第四十五条的规定" in text
    titles = [title for title, _ in doc.attachments]
    assert titles == [
        "《中华人民共和国大气污染防治法》第四十五条",
        "《中华人民共和国行政处罚法》第二十八条第一款",
        "《中华人民共和国大气污染防治法》第一百零八条",
    ]


def test_a_rectification_notice_cites_its_basis_or_none(pdf_dir: Path, fonts: FontSet) -> None:
    water = Content(clause_ids=("szfz-39",), basis_ids=("szfz-83",))
    doc = build_document(State(content=water))
    text = notice_text(render(doc, pdf_dir / "basis-water.pdf", fonts))
    assert "依据《中华人民共和国水污染防治法》第八十三条的规定，现责令你单位" in text
    assert "行政处罚法" not in text  # no hard-wired 第二十八条
    street = build_document(State(content=replace(water, basis_ids=())))
    plain = "\n".join(block.text for block in street.blocks)
    assert "依据" not in plain and "现责令你单位自收到本通知之日起15个工作日内完成整改" in plain


def test_a_sole_trader_is_printed_with_its_operator(pdf_dir: Path, fonts: FontSet) -> None:
    trader = Content(
        party_name="海州区老王烧烤店",
        party_type="sole_trader",
        credit_code="",
        operator="王建国",
        id_number=VALID_ID,
        legal_representative="",
        address="连云港市海州区新海街道海连东路8号",
        facts=PERSONAL_FACTS,
        clause_ids=("dqfz-81",),
        authority="连云港市海州区新海街道办事处",
    )
    doc = build_document(State(content=trader))
    text = notice_text(render(doc, pdf_dir / "sole-trader.pdf", fonts))
    assert "当事人（字号）：海州区老王烧烤店" in text
    assert (
        f"经营者：王建国身份证号码：{VALID_ID}经营场所：连云港市海州区新海街道海连东路8号" in text
    )
    assert "法定代表人" not in text and "统一社会信用代码" not in text
    assert "你的上述行为违反了《中华人民共和国大气污染防治法》第八十一条的规定" in text
    assert "你单位" not in text
    assert "连云港市海州区新海街道办事处" in text  # the issuer's legal name


def test_an_individual_is_printed_with_id_number_and_address(pdf_dir: Path, fonts: FontSet) -> None:
    person = Content(
        party_name="王某某",
        party_type="individual",
        credit_code="",
        legal_representative="",
        id_number=VALID_ID,
        address="连云港市海州区锦屏镇某村3组",
        facts=PERSONAL_FACTS.replace("经营场所", "场所"),
    )
    doc = build_document(State(content=person))
    text = notice_text(render(doc, pdf_dir / "individual.pdf", fonts))
    assert f"当事人：王某某身份证号码：{VALID_ID}住址：连云港市海州区锦屏镇某村3组" in text
    assert "你的上述行为违反了" in text and "你单位" not in text


def test_the_remedies_name_the_directorys_review_body_and_court(
    pdf_dir: Path, fonts: FontSet
) -> None:
    content = Content(review_body="连云港市人民政府", litigation_court="灌南县人民法院")
    doc = build_document(State(kind="correction_order", content=content))
    text = notice_text(render(doc, pdf_dir / "remedies.pdf", fonts))
    assert "六十日内向连云港市人民政府申请行政复议" in text
    assert "六个月内向灌南县人民法院提起行政诉讼" in text
