"""The 行政处罚决定书 of a penalty case: a case played through the rules (立案 → 调查取证 →
告知 → 陈述申辩 → 决定 → 送达), its DecisionFields, and the PDF read back; a case without a
decision, a clause missing from the library or a unit without its review body is refused,
naming what is missing."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.calendar import default_calendar
from desktop.domain.case_content import CaseState
from desktop.domain.cases import CaseAction, apply_case_action
from desktop.domain.clue import ClueState
from desktop.domain.codes import Priority, Role, Status, UnitKind
from desktop.domain.notice_content import Clause
from desktop.domain.notice_numbers import verification_code
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.units import Actor, UnitInfo
from desktop.reports import FontSet
from desktop.reports.case_decision import CaseDocumentError, decision_fields
from desktop.reports.decision import render_decision_bytes
from desktop.reports.templates import seed_clauses
from tests.reports.test_notice_pdf import notice_text

HZ, STREET, BUREAU = "320706", "320706001", "320706901"
REVIEW = "连云港市人民政府"
COURT = "灌南县人民法院"
UNITS = {
    u.code: u
    for u in (
        UnitInfo(HZ, "海州区污染防治攻坚办", UnitKind.COUNTY_OFFICE, HZ, HZ),
        UnitInfo(STREET, "新海街道", UnitKind.STREET, HZ, HZ, "连云港市海州区新海街道办事处"),
        UnitInfo(
            BUREAU,
            "海州生态环境局",
            UnitKind.DEPARTMENT,
            HZ,
            HZ,
            legal_name="连云港市海州生态环境局",
            review_body=REVIEW,
            court=COURT,
        ),
    )
}
CLAUSES = {c["id"]: Clause.from_dict(c) for c in seed_clauses()}
CLUE = ClueState(
    code="LYG2026000042",
    status=Status.HANDLING,
    priority=Priority.NORMAL,
    county_code=HZ,
    registered_at=datetime(2026, 3, 2, 9, tzinfo=CHINA_TZ),
    lead_unit=STREET,
    assisting_units=(BUREAU,),
)
ADDRESS = "连云港市海州区新海街道苍梧路1号"
ACTOR = Actor("hzhb", Role.HANDLER, UNITS[BUREAU], display_name="张执法")
COMPANY = {
    "party_type": "organisation",
    "name": "连云港市某某家具制造有限公司",
    "credit_code": "91320706MA1X2Y3R4E",
    "address": "连云港市海州区新坝镇工业集中区纬三路6号",
    "legal_representative": "王某某",
}


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 16, tzinfo=CHINA_TZ)


def act(
    action: CaseAction,
    state: CaseState | None,
    payload: dict[str, Any],
    now: datetime,
    number: tuple[int, int] | None = None,
) -> CaseState:
    return apply_case_action(
        action,
        ACTOR,
        state,
        payload,
        now,
        default_calendar(),
        Rules(),
        UNITS,
        clue=CLUE,
        number=number,
    ).state


def played(
    *, party: dict[str, Any] = COMPANY, statement: bool = True, decide: bool = True
) -> CaseState:
    """A case of the bureau, from 立案 on 10 March up to its decision served on 9 April."""
    case = act(
        CaseAction.FILE,
        None,
        {
            "case_id": str(uuid.uuid4()),
            "cause": "未在密闭空间中进行产生含挥发性有机物废气的生产活动案",
            "law": "中华人民共和国大气污染防治法",
            "party": party,
            "officers": [
                {"name": "张执法", "certificate": "32070619001"},
                {"name": "李执法", "certificate": "32070619002"},
            ],
            "filed_on": "2026-03-10",
        },
        at(3, 10),
        (2026, 3),
    )
    case = act(
        CaseAction.INVESTIGATE,
        case,
        {
            "investigated_on": "2026-03-12",
            "note": "现场检查，询问法定代表人",
            "evidence": ["现场检查（勘察）笔录1份", "调查询问笔录2份"],
        },
        at(3, 12),
    )
    fine = [{"kind": "fine", "amount_yuan": "50000"}]
    case = act(
        CaseAction.NOTIFY,
        case,
        {"notified_on": "2026-03-20", "document_number": "海环罚告〔2026〕9号", "penalties": fine},
        at(3, 20),
    )
    if statement:
        case = act(
            CaseAction.STATEMENT,
            case,
            {
                "received_on": "2026-03-23",
                "result": "partly_adopted",
                "text": "检查当日即已停止喷漆作业，废气处理设施已修复，请求从轻处罚",
                "hearing_requested": False,
            },
            at(3, 23),
        )
    if not decide:
        return case
    case = act(
        CaseAction.DECIDE,
        case,
        {
            "decided_on": "2026-04-08",
            "penalties": fine,
            "facts": "经查，你单位喷漆车间喷漆作业未在密闭空间中进行，废气处理设施未开启。",
            "evidence": ["现场检查（勘察）笔录1份", "调查询问笔录2份", "现场照片8张"],
            "violated_clause_ids": ["dqfz-45"],
            "basis_clause_ids": ["dqfz-108"],
            "discretion": "违法情节一般，积极整改，依法从轻处罚。",
        },
        at(4, 8),
        (2026, 7),
    )
    return act(
        CaseAction.SERVE,
        case,
        {
            "method": "direct",
            "served_at": "2026-04-09T15:20:00+08:00",
            "place": COMPANY["address"],
            "recipient": "王某某",
            "relation": "法定代表人",
            "servers": ["张执法", "李执法"],
        },
        at(4, 9),
    )


@pytest.fixture(scope="module")
def case() -> CaseState:
    return played()


@pytest.fixture(scope="module")
def printed(case: CaseState, fonts: FontSet, tmp_path_factory: pytest.TempPathFactory) -> str:
    fields = decision_fields(case, clue_address=ADDRESS, units=UNITS, clauses=CLAUSES)
    path = tmp_path_factory.mktemp("case-decision") / "decision.pdf"
    path.write_bytes(render_decision_bytes(fields, fonts=fonts))
    return notice_text(path)


def test_the_fields_come_from_the_case_and_the_directory(case: CaseState) -> None:
    fields = decision_fields(case, clue_address=ADDRESS, units=UNITS, clauses=CLAUSES)
    assert fields.number == "海环罚〔2026〕7号"
    assert fields.case_number == "海环立〔2026〕3号"
    assert fields.authority == "连云港市海州生态环境局"  # the legal name, not the short one
    assert (fields.review_body, fields.litigation_court) == (REVIEW, COURT)
    assert fields.cause == "未在密闭空间中进行产生含挥发性有机物废气的生产活动"
    assert fields.party.name == COMPANY["name"] and fields.party.party_type == "organisation"
    assert (fields.filed_on, fields.inspected_on) == (date(2026, 3, 10), date(2026, 3, 12))
    assert fields.inspected_at == ADDRESS
    assert fields.facts.startswith("你单位喷漆车间")  # the template says 经查 itself
    assert [c.article for c in fields.violated] == ["第四十五条"]
    assert [c.article for c in fields.basis] == ["第一百零八条"]
    assert fields.basis[0].text.startswith("违反本法规定")
    note = fields.notification
    assert (note.number, note.served_on) == ("海环罚告〔2026〕9号", date(2026, 3, 20))
    assert note.hearing_offered  # 5 万元 for an organisation
    assert note.answer == "partly" and note.statement.startswith("检查当日")
    assert [(p.kind, p.amount) for p in fields.penalties] == [("罚款", 50000)]
    assert fields.decided_on == date(2026, 4, 8)
    assert fields.verification == verification_code(case.case_id, "海环罚〔2026〕7号")
    assert fields.service is case.service


def test_the_printed_decision_reads_back(printed: str) -> None:
    assert "行政处罚决定书" in printed
    assert "海环罚〔2026〕7号" in printed
    assert "立案编号：海环立〔2026〕3号" in printed
    assert "当事人：连云港市某某家具制造有限公司" in printed
    assert "统一社会信用代码：91320706MA1X2Y3R4E" in printed
    assert "罚款人民币伍万元整（¥50,000.00）" in printed
    assert f"向{REVIEW}申请行政复议" in printed
    assert f"直接向{COURT}提起行政诉讼" in printed
    assert "《行政处罚事先（听证）告知书》（海环罚告〔2026〕9号）" in printed
    assert "部分采纳" in printed
    assert "《中华人民共和国大气污染防治法》第四十五条" in printed
    assert "连云港市海州生态环境局" in printed
    assert "2026年4月8日" in printed


def test_a_draft_has_no_number(case: CaseState, fonts: FontSet, tmp_path: Path) -> None:
    fields = decision_fields(case, clue_address=ADDRESS, units=UNITS, clauses=CLAUSES, draft=True)
    assert fields.number is None and fields.verification == ""
    path = tmp_path / "draft.pdf"
    path.write_bytes(render_decision_bytes(fields, fonts=fonts))
    text = notice_text(path)
    assert "草稿" in text and "海环罚〔2026〕7号" not in text


def test_a_sole_trader_and_a_waived_statement(fonts: FontSet, tmp_path: Path) -> None:
    trader = {
        "party_type": "sole_trader",
        "name": "连云港市海州区老王烧烤店",
        "operator": "王某",
        "id_number": "11010519491231002X",
        "address": "连云港市海州区洪门街道幸福路23号",
    }
    case = played(party=trader, statement=False)
    fields = decision_fields(case, clue_address=ADDRESS, units=UNITS, clauses=CLAUSES)
    assert fields.party.premises == ADDRESS and fields.party.you == "你"
    assert fields.notification.statement == ""
    path = tmp_path / "trader.pdf"
    path.write_bytes(render_decision_bytes(fields, fonts=fonts))
    text = notice_text(path)
    assert "经营者：王某" in text and "身份证号码：11010519491231002X" in text
    assert f"经营场所：{ADDRESS}" in text
    assert "你在规定期限内未提出陈述、申辩意见" in text


def test_an_undecided_case_is_refused() -> None:
    case = played(decide=False)
    with pytest.raises(CaseDocumentError) as caught:
        decision_fields(case, clue_address=ADDRESS, units=UNITS, clauses=CLAUSES)
    assert caught.value.field == "decision"
    assert "尚未作出处罚决定" in str(caught.value) and "海环立〔2026〕3号" in str(caught.value)


def test_remedies_are_never_made_up(case: CaseState) -> None:
    bare = {**UNITS, BUREAU: replace(UNITS[BUREAU], court="")}
    with pytest.raises(CaseDocumentError) as caught:
        decision_fields(case, clue_address=ADDRESS, units=bare, clauses=CLAUSES)
    assert caught.value.field == "litigation_court"
    assert "连云港市海州生态环境局的管辖法院" in str(caught.value)
    bare = {**UNITS, BUREAU: replace(UNITS[BUREAU], review_body="")}
    with pytest.raises(CaseDocumentError, match="行政复议机关"):
        decision_fields(case, clue_address=ADDRESS, units=bare, clauses=CLAUSES)


def test_a_clause_missing_from_the_library_is_named(case: CaseState) -> None:
    clauses = {k: v for k, v in CLAUSES.items() if k != "dqfz-108"}
    with pytest.raises(CaseDocumentError) as caught:
        decision_fields(case, clue_address=ADDRESS, units=UNITS, clauses=clauses)
    assert caught.value.field == "basis" and "dqfz-108" in str(caught.value)
