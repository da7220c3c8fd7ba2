"""Templates as data, the clause library seed, and build_document on duck-typed states."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.reports import FontSet, build_document
from desktop.reports.documents import citations, day_cn, moment_cn
from desktop.reports.templates import load_template, parse_template, seed_clauses
from tests.reports.conftest import Content, Service, State

ROOT = Path(__file__).resolve().parents[2]
LAWS = {
    "中华人民共和国大气污染防治法",
    "中华人民共和国水污染防治法",
    "中华人民共和国固体废物污染环境防治法",
    "中华人民共和国噪声污染防治法",
    "中华人民共和国环境影响评价法",
    "中华人民共和国环境保护法",
    "中华人民共和国行政处罚法",
}


def test_clause_library_seed(fonts: FontSet) -> None:
    clauses = seed_clauses()
    raw = json.loads((ROOT / "resources/notices/clauses.json").read_text(encoding="utf-8"))
    assert len(raw) == len(clauses) >= 20
    assert {c["law"] for c in clauses} == LAWS
    assert len({c["id"] for c in clauses}) == len(clauses)
    for clause in clauses:
        assert set(clause) == {"id", "law", "article", "text"}
        assert clause["article"].startswith("第") and "条" in clause["article"]
        assert clause["text"].endswith(("。", "；")), clause["id"]
        fonts.check(clause["text"], "clauses")


@pytest.mark.parametrize("kind", ["rectification", "correction_order"])
def test_templates_load_and_fill_every_placeholder(kind: str) -> None:
    template = load_template(kind)
    assert template.kind == kind
    doc = build_document(State(kind=kind))
    for block in doc.blocks:
        assert "{" not in block.text and "}" not in block.text, block.text
    assert doc.title == template.title


def test_rectification_wording() -> None:
    doc = build_document(State(service=Service()))
    text = "\n".join(b.text for b in doc.blocks)
    assert doc.title == "整改通知书"
    assert "当事人：连云港市海州区某某化工有限公司" in text
    assert "统一社会信用代码：91320706MA1X2Y3Z4W" in text
    assert "法定代表人（负责人）：王某某" in text
    assert "1．现场检查（勘察）笔录；" in text and "3．调查询问笔录。" in text
    assert (
        "违反了《中华人民共和国大气污染防治法》第四十五条、第一百零八条、"
        "《中华人民共和国固体废物污染环境防治法》第七十七条的规定。" in text
    )
    assert "现责令你单位自收到本通知之日起15个工作日内完成整改：" in text
    assert "整改完成后三个工作日内，将整改情况书面报告我局。" in text
    assert (
        "如不服本通知，可在收到本通知之日起六十日内向连云港市海州区人民政府申请行政复议，"
        "或者在收到本通知之日起六个月内向连云港市海州区人民法院提起行政诉讼。" in text
    )
    assert "联系人：李明　　联系电话：0518-85551234" in text
    assert doc.attachments == () and doc.attachment_heading is None
    assert doc.qr_data == "海环整改〔2026〕15号|V:7K3Q9P"


def test_correction_order_structure_and_attachments() -> None:
    doc = build_document(State(kind="correction_order", number="海环改〔2026〕7号"))
    headings = [b.text for b in doc.blocks if b.style == "heading1"]
    assert headings == [
        "一、违法事实和证据",
        "二、责令改正的依据和种类",
        "三、履行方式和期限",
        "四、救济途径和期限",
    ]
    assert [b.text for b in doc.blocks if b.style == "heading2"] == ["（一）违法事实", "（二）证据"]
    assert doc.attachment_heading == "附：相关法律规定"
    titles = [title for title, _ in doc.attachments]
    assert titles == [
        "《中华人民共和国大气污染防治法》第四十五条",
        "《中华人民共和国大气污染防治法》第一百零八条",
        "《中华人民共和国固体废物污染环境防治法》第七十七条",
        "《中华人民共和国行政处罚法》第二十八条第一款",
    ]
    text = "\n".join(b.text for b in doc.blocks)
    assert "依据《中华人民共和国行政处罚法》第二十八条第一款的规定" in text
    assert "你单位应当自收到本决定书之日起15个工作日内改正" in text


def test_deadline_as_a_date_and_empty_fields_are_left_out() -> None:
    content = Content(
        deadline_days=None,
        deadline_date=date(2026, 3, 20),
        credit_code="",
        evidence=(),
        clause_ids=(),
        report_requirement="",
    )
    doc = build_document(State(content=content))
    text = "\n".join(b.text for b in doc.blocks)
    assert "现责令你单位于2026年3月20日前完成整改" in text
    assert "统一社会信用代码" not in text and "证据" not in text and "违反了" not in text


def test_clauses_frozen_at_issue_win_over_the_library() -> None:
    frozen = ({"id": "x", "law": "某法", "article": "第一条", "text": "冻结的条文。"},)
    doc = build_document(State(kind="correction_order", clauses=frozen))
    assert doc.attachments[0] == ("《某法》第一条", "冻结的条文。")
    library = {"dqfz-45": {"id": "dqfz-45", "law": "甲法", "article": "第九条", "text": "改了。"}}
    doc = build_document(State(kind="correction_order"), clauses=library)
    assert doc.attachments[0] == ("《甲法》第九条", "改了。")


def test_a_mapping_works_as_well_as_an_object() -> None:
    flat = {**vars(Content()), "kind": "rectification", "number": "海环整改〔2026〕3号"}
    doc = build_document(flat, today=date(2026, 4, 1))
    assert doc.number == "海环整改〔2026〕3号" and doc.date == "2026年4月1日"
    assert doc.blocks[0].text == "当事人：连云港市海州区某某化工有限公司"


def test_a_draft_has_no_number_and_is_dated_today() -> None:
    doc = build_document(State(number=None, issued_at=None), today=date(2026, 11, 27))
    assert doc.draft and doc.number is None
    assert doc.date == "2026年11月27日"
    assert doc.file_stem() == "草稿-3f2a9c1e"
    assert doc.proof is not None and doc.proof.document == "整改通知书（草稿）"


def test_service_fields_fill_the_proof() -> None:
    doc = build_document(State(service=Service()))
    proof = doc.proof
    assert proof is not None
    assert proof.method == "留置送达"
    assert proof.place == "连云港市海州区新海街道工业路18号"
    assert proof.proxy == "赵某（员工）"
    assert proof.servers == "李明、陈刚"
    assert proof.served_at == "2026年3月6日10时05分"
    assert ("witness", "周某（社区网格员）") in doc.inputs


def test_formatting_helpers() -> None:
    assert day_cn(date(2026, 3, 5)) == "2026年3月5日"
    assert (
        citations(
            [
                {"law": "甲法", "article": "第一条"},
                {"law": "甲法", "article": "第二条"},
                {"law": "《乙法》", "article": "第三条"},
            ]
        )
        == "《甲法》第一条、第二条、《乙法》第三条"
    )
    assert moment_cn(Service().served_at) == "2026年3月6日10时05分"


def test_a_template_naming_an_unknown_field_is_refused() -> None:
    bad = {
        "kind": "x",
        "title": "x",
        "deadline_days_text": "{days}",
        "deadline_date_text": "{date}",
        "blocks": [{"style": "body", "text": "{no_such_field}"}],
    }
    with pytest.raises(ValueError, match="no_such_field"):
        parse_template(bad)
    bad["blocks"] = [{"style": "no_such_style", "text": "x"}]
    with pytest.raises(ValueError, match="no_such_style"):
        parse_template(bad)
