"""Notice content a legal reviewer accepts: facts from the handler's findings, clauses from
the clause map, the basis under the issuer's own law, the issuer's legal name and remedies
from the directory, parties of every type (issue 12)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib.resources import files

import pytest

from desktop.demo.city import DemoCity, load_city
from desktop.domain.clause_map import (
    ClauseMap,
    ProblemKind,
    parse_clause_map,
    shipped_clause_map,
    validate_problem_kind,
)
from desktop.domain.codes import Category, UnitKind
from desktop.domain.notice_content import (
    Clause,
    NoticeContent,
    NoticeKind,
    missing_for_issue,
    validate_content,
)
from desktop.domain.notice_prefill import (
    SiteFindings,
    draft_content_from_clue,
    offered_kinds,
    site_findings,
)
from desktop.domain.validators import ValidationError

LIBRARY = tuple(
    Clause.from_dict(item)
    for item in json.loads(files("resources").joinpath("notices", "clauses.json").read_text())
)
VALID_ID = "11010519491231002X"
"""A valid resident ID number (the GB 11643 example)."""
INVALID_ID = "110105194912310021"
"""The same number with a wrong check character."""


@dataclass
class Clue:
    """The clue fields a draft reads."""

    subject_name: str = "连云港市某某化工有限公司"
    subject_credit_code: str = ""
    address: str = "新海街道苍梧路1号"
    description: str = "来电人反映：厂里晚上偷排，气味刺鼻"
    category: str = "air"
    channel: str = "hotline_12345"
    channel_ref: str = ""


@pytest.fixture(scope="module")
def city() -> DemoCity:
    return load_city()


def _draft(
    city: DemoCity,
    unit_code: str,
    clue: Clue,
    findings: str | None = None,
    kind: NoticeKind = NoticeKind.RECTIFICATION,
    clause_map: ClauseMap | None = None,
) -> NoticeContent:
    found = SiteFindings(date(2026, 3, 2), findings) if findings else None
    return draft_content_from_clue(
        clue,
        city.unit(unit_code),
        city.directory(),
        kind,
        LIBRARY,
        findings=found,
        clause_map=clause_map,
        today=date(2026, 3, 2),
    )


BUREAU = "320706901"  # 连云港市海州生态环境局
STREET = "320706001"  # 新海街道
HOUSING = "320706905"  # 海州区住房和城乡建设局
URBAN = "320706904"  # 海州区城市管理局


def test_the_shipped_map_cites_only_clauses_of_the_library_with_their_text() -> None:
    known = {clause.clause_id: clause for clause in LIBRARY}
    rows = shipped_clause_map().rows
    assert len(rows) >= 15
    for row in rows:
        assert row.violated, row.key
        for clause_id in (*row.violated, *row.penalty, *row.basis):
            assert known[clause_id].text, clause_id
        assert validate_problem_kind(row.to_dict(), known) == row
    categories = {row.category for row in rows}
    for category in (Category.AIR, Category.WATER, Category.NOISE, Category.SOLID_WASTE):
        assert category.value in categories


@pytest.mark.parametrize(
    ("category", "findings", "kind", "violated", "basis"),
    [
        ("air", "喷漆房挥发性有机物废气未经处理直排", "air-untreated", ("dqfz-45",), ("dqfz-108",)),
        (
            "air",
            "工地未设置围挡，渣土裸露，扬尘严重",
            "air-dust-construction",
            ("dqfz-69",),
            ("dqfz-115",),
        ),
        ("air", "油烟净化器未开启，油烟直排", "air-cooking", ("dqfz-81",), ("dqfz-118",)),
        ("air", "未取得排污许可证排放工业废气", "air-permit", ("dqfz-19",), ("dqfz-99",)),
        ("water", "私设暗管排放生产废水", "water-evasion", ("szfz-39",), ("szfz-83",)),
        ("water", "外排废水超标", "water-excess", ("szfz-10",), ("szfz-83",)),
        ("noise", "夜间施工打桩噪声扰民", "noise-construction-night", ("zsfz-43",), ("zsfz-77",)),
        ("noise", "车间设备噪声扰民", "noise-industrial", ("zsfz-36",), ("zsfz-75",)),
        ("solid_waste", "废机油等危险废物露天堆放", "solid-hazardous", ("gfwf-77", "gfwf-79"), ()),
        ("water", "环评未批先建，已投入生产", "eia-unapproved", ("hpf-25",), ("hpf-31",)),
    ],
)
def test_each_kind_of_problem_brings_its_clauses(
    city: DemoCity,
    category: str,
    findings: str,
    kind: str,
    violated: tuple[str, ...],
    basis: tuple[str, ...],
) -> None:
    content = _draft(city, BUREAU, Clue(category=category), findings, NoticeKind.CORRECTION_ORDER)
    assert content.problem_kind == kind
    assert content.clause_ids == violated
    assert content.basis_ids == basis  # the law's own article, not 行政处罚法 第二十八条


def test_an_edited_row_of_the_map_is_used(city: DemoCity) -> None:
    row = ProblemKind(
        "user-voc", "air", "喷涂废气", ("dqfz-48",), ("dqfz-108",), ("dqfz-108",), ("喷涂",)
    )
    edited = ClauseMap((row, *shipped_clause_map().rows))
    content = _draft(city, BUREAU, Clue(), "喷涂车间废气外逸", clause_map=edited)
    assert content.problem_kind == "user-voc" and content.clause_ids == ("dqfz-48",)
    assert content.basis_ids == ("dqfz-108",)


def test_the_facts_are_the_findings_never_the_complaint(city: DemoCity) -> None:
    clue = Clue(channel_ref="2026030200123")
    content = _draft(city, BUREAU, clue, "活性炭吸附装置长期未更换，废气未经有效处理排放。")
    assert content.facts == (
        "根据12345热线（编号：2026030200123）交办，2026年3月2日，我局执法人员对你单位位于"
        "新海街道苍梧路1号的生产经营场所进行现场检查，发现：活性炭吸附装置长期未更换，废气未经"
        "有效处理排放。"
    )
    assert "来电人反映" not in content.facts and "偷排" not in content.facts
    bare = _draft(city, BUREAU, clue)
    assert bare.facts.endswith("发现：") and "来电人反映" not in bare.facts
    problem = missing_for_issue(bare, NoticeKind.RECTIFICATION)
    assert problem is not None and problem.field == "facts"
    assert missing_for_issue(content, NoticeKind.RECTIFICATION) is None


def test_a_report_gives_findings_unless_it_found_nothing() -> None:
    found = site_findings(
        "经新海街道现场核查，反映问题属实。厂区废气直排。", "true", date(2026, 3, 2)
    )
    assert found == SiteFindings(date(2026, 3, 2), "反映问题属实。厂区废气直排。")
    assert site_findings("经现场核查，未发现反映的问题。", "untrue", date(2026, 3, 2)) is None
    assert site_findings("", "true", None) is None


def test_a_department_cites_its_own_law_and_hands_over_what_is_not(city: DemoCity) -> None:
    dust = Clue(description="工地扬尘")
    housing = _draft(city, HOUSING, dust, "施工工地未设置硬质围挡，渣土裸露未覆盖。")
    assert housing.clause_ids == ("dqfz-69",) and housing.basis_ids == ("dqfz-115",)
    assert housing.consequences == "逾期未整改或整改不到位的，将依法立案查处。"
    kinds = offered_kinds("air", city.unit(HOUSING), shipped_clause_map(), LIBRARY)
    assert kinds[0].key == "air-dust-construction"  # its own kind first
    # VOCs are not 住建's: cited as violated, no basis of its own, handed to the bureau
    voc = _draft(city, HOUSING, Clue(), "喷漆房挥发性有机物废气未经处理直排。")
    assert voc.clause_ids == ("dqfz-45",) and voc.basis_ids == ()
    assert (
        voc.consequences == "逾期未整改或整改不到位的，将依法移送连云港市海州生态环境局立案查处。"
    )


def test_a_street_hands_over_to_the_department_whose_matter_it_is(city: DemoCity) -> None:
    fumes = _draft(city, STREET, Clue(subject_name="某烧烤店"), "油烟未经净化直排。")
    assert fumes.clause_ids == ("dqfz-81",) and fumes.basis_ids == ()
    # 餐饮油烟 is 城管's (its own articles), named by its legal name from the directory
    assert fumes.consequences.endswith("将依法移送连云港市海州区城市管理局立案查处。")
    gas = _draft(city, STREET, Clue(), "废气未经处理直排。")
    assert gas.consequences.endswith("将依法移送连云港市海州生态环境局立案查处。")
    assert gas.authority == "连云港市海州区新海街道办事处"  # the legal name signs


def test_review_body_court_and_issuer_come_from_the_directory(city: DemoCity) -> None:
    content = _draft(city, STREET, Clue(), "废气直排。")
    assert content.review_body == "连云港市海州区人民政府"
    assert content.litigation_court == "灌南县人民法院"
    bureau = _draft(city, BUREAU, Clue(), "废气直排。", NoticeKind.CORRECTION_ORDER)
    assert bureau.review_body == "连云港市人民政府"  # a 派出机构 of the city bureau
    assert bureau.authority == "连云港市海州生态环境局"
    town = _draft(city, "320706015", Clue(), "废气直排。")
    assert town.authority == "连云港市海州区锦屏镇人民政府"


def test_no_unit_of_the_demo_names_a_government_or_court_that_does_not_exist(
    city: DemoCity,
) -> None:
    zones = ("连云港经济技术开发区", "徐圩新区", "云台山风景名胜区")
    handling = [u for u in city.units if u.handles]
    assert len(handling) > 150
    for unit in handling:
        content = _draft(city, unit.code, Clue(), "废气直排。")
        assert content.review_body and content.litigation_court, unit.name
        assert not any(content.review_body.startswith(zone) for zone in zones), unit.name
        court = content.litigation_court
        assert court.startswith("连云港市") or court.endswith(("县人民法院", "海事法院")), court
        if unit.kind in (UnitKind.TOWNSHIP, UnitKind.STREET):
            assert content.authority.endswith(("街道办事处", "人民政府")), content.authority
    for zone in ("320771", "320772", "320773"):
        for unit in city.handling_units(zone):
            if "海事" not in unit.name:  # vertical: its superior maritime authority
                assert unit.review_body in ("连云港市连云区人民政府", "连云港市人民政府")


def test_a_unit_without_remedies_in_the_directory_leaves_them_empty(city: DemoCity) -> None:
    from dataclasses import replace

    bare = replace(city.unit(STREET), review_body="", court="")
    clue = Clue()
    content = draft_content_from_clue(
        clue, bare, city.directory(), findings=SiteFindings(None, "废气直排。")
    )
    assert content.review_body == "" and content.litigation_court == ""
    problem = missing_for_issue(content, NoticeKind.RECTIFICATION)
    assert problem is not None and problem.field == "review_body"
    court = missing_for_issue(content.evolve(review_body="甲"), NoticeKind.RECTIFICATION)
    assert court is not None and court.field == "litigation_court"


BASE = {
    "party_name": "王某",
    "address": "连云港市海州区新海街道海连东路8号",
    "facts": "2026年3月2日，我办工作人员对你位于…的场所进行现场检查，发现：露天焚烧垃圾。",
    "order": "立即停止。",
    "deadline_days": 5,
    "authority": "连云港市海州区新海街道办事处",
    "review_body": "连云港市海州区人民政府",
    "litigation_court": "灌南县人民法院",
}


def test_an_individual_party_with_a_valid_and_an_invalid_id_number() -> None:
    content = validate_content({**BASE, "party_type": "individual", "id_number": VALID_ID})
    assert content.party_type == "individual" and content.id_number == VALID_ID
    assert missing_for_issue(content, NoticeKind.RECTIFICATION) is None
    with pytest.raises(ValidationError) as caught:
        validate_content({**BASE, "party_type": "individual", "id_number": INVALID_ID})
    assert caught.value.field == "id_number" and "校验位" in caught.value.message
    lacking = validate_content({**BASE, "party_type": "individual"})  # a draft may lack it
    problem = missing_for_issue(lacking, NoticeKind.RECTIFICATION)
    assert problem is not None and problem.field == "id_number"


def test_a_sole_trader_needs_its_operator_before_issue() -> None:
    raw = {**BASE, "party_name": "老王烧烤店", "party_type": "sole_trader", "id_number": VALID_ID}
    draft = validate_content(raw)
    problem = missing_for_issue(draft, NoticeKind.RECTIFICATION)
    assert problem is not None and problem.field == "operator"
    done = validate_content({**raw, "operator": "王建国", "legal_representative": "不该有"})
    assert done.operator == "王建国" and done.legal_representative == ""
    assert missing_for_issue(done, NoticeKind.RECTIFICATION) is None


def test_a_row_a_user_edits_is_checked_at_its_field() -> None:
    known = [clause.clause_id for clause in LIBRARY]
    with pytest.raises(ValidationError) as caught:
        validate_problem_kind(
            {"key": "k", "name": "甲", "violated": ["dqfz-45"], "basis": "nope"}, known
        )
    assert caught.value.field == "basis"
    with pytest.raises(ValidationError) as empty:
        validate_problem_kind({"key": "k", "name": "甲", "violated": []}, known)
    assert empty.value.field == "violated"
    row = validate_problem_kind({"key": "k", "name": "甲", "violated": "dqfz-45、dqfz-48"}, known)
    assert row.violated == ("dqfz-45", "dqfz-48")
    assert parse_clause_map([row.to_dict(), {"key": ""}]).rows == (row,)


def test_a_problem_neither_the_findings_nor_the_clue_name_gets_the_general_row(
    city: DemoCity,
) -> None:
    clue = Clue(description="来电人反映：村口有人焚烧秸秆", category="air")
    content = _draft(city, STREET, clue, "现场有焚烧痕迹，已督促清理。")
    assert content.clause_ids == ("hbf-42",)  # 环境保护法 第四十二条, never 大气法 第四十五条
    by_clue = _draft(city, STREET, Clue(description="来电人反映：饭店油烟直排", category="air"))
    assert by_clue.clause_ids == ("dqfz-81",)  # the findings name nothing yet: the clue does
