"""Tests for desktop.domain.cases: filing a penalty case from a clue (who, when, under which
law), every milestone allowed and refused, payload errors naming their key, the hearing
threshold, extensions' limits, the decision deadline with its countdown and three warning
levels on an injected clock, case numbers and the filed/concluded counts.

Expectations are written by hand from the issue and the 2026 State Council calendar: a case
filed on Tuesday 10 March 2026 must be decided by Monday 8 June 2026 (90 calendar days) at
the close of office, 17:30; the 端午 holiday is 19–21 June.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from desktop.domain.calendar import default_calendar
from desktop.domain.case_rules import CaseRules
from desktop.domain.cases import (
    FROM_STATUSES,
    CaseAction,
    CaseCounts,
    CaseOutcome,
    CaseRefused,
    CaseState,
    CaseStatus,
    CaseStep,
    PartyType,
    Penalty,
    PenaltyKind,
    allowed_case_actions,
    apply_case_action,
    case_countdown,
    case_counts,
    case_field_label,
    case_prefix,
    case_refusal,
    case_warning_level,
    decision_prefix,
    hearing_offered,
)
from desktop.domain.clue import ClueState
from desktop.domain.codes import Priority, Role, Status, UnitKind
from desktop.domain.notice_content import NoticeContent, NoticeKind, NoticeState, NoticeStatus
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.units import Actor, UnitInfo
from desktop.domain.validators import ValidationError


def cst(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """An instant of 2026 in China time."""
    return datetime(2026, month, day, hour, minute, tzinfo=CHINA_TZ)


NOW = cst(3, 10)  # Tuesday 10 March 2026
CALENDAR = default_calendar()
RULES = Rules()

HZ, DH = "320706", "320722"
STREET, TOWN = "320706001", "320706015"
BUREAU, HOUSING, HEALTH = "320706901", "320706905", "320706911"
DH_BUREAU, CITY_BUREAU = "320722901", "320700901"


def _unit(code: str, name: str, kind: UnitKind, county: str | None = HZ) -> UnitInfo:
    return UnitInfo(code=code, name=name, kind=kind, parent_code=county, county_code=county)


UNITS = {
    u.code: u
    for u in (
        _unit(HZ, "海州区污染防治攻坚办", UnitKind.COUNTY_OFFICE),
        _unit(DH, "东海县污染防治攻坚办", UnitKind.COUNTY_OFFICE, DH),
        _unit(STREET, "新海街道", UnitKind.STREET),
        _unit(TOWN, "锦屏镇", UnitKind.TOWNSHIP),
        _unit(BUREAU, "连云港市海州生态环境局", UnitKind.DEPARTMENT),
        _unit(HOUSING, "海州区住房和城乡建设局", UnitKind.DEPARTMENT),
        _unit(HEALTH, "海州区卫生健康委员会", UnitKind.DEPARTMENT),
        _unit(DH_BUREAU, "连云港市东海生态环境局", UnitKind.DEPARTMENT, DH),
        _unit(CITY_BUREAU, "连云港市生态环境局", UnitKind.DEPARTMENT, None),
    )
}


def actor(unit: str, role: Role = Role.HANDLER) -> Actor:
    """A user of `unit` with `role`."""
    return Actor(username=f"u{unit}", role=role, unit=UNITS[unit], display_name="张执法")


CLUE = ClueState(
    code="LYG2026000001",
    status=Status.HANDLING,
    priority=Priority.NORMAL,
    county_code=HZ,
    registered_at=cst(3, 2),
    lead_unit=STREET,
    assisting_units=(BUREAU, HOUSING, HEALTH),
)

VALID_ID = "11010519491231002X"
ORG = {
    "party_type": "organisation",
    "name": "连云港市某化工有限公司",
    "address": "海州区新海街道苍梧路1号",
    "legal_representative": "王五",
}
OFFICERS = [
    {"name": "张执法", "certificate": "32070601001"},
    {"name": "李执法", "certificate": "32070601002"},
]
AIR = "中华人民共和国大气污染防治法"


def filing(**changes: Any) -> dict[str, Any]:
    """A valid 立案 payload."""
    return {
        "case_id": str(uuid.uuid4()),
        "cause": "未采取措施防治废气无组织排放案",
        "law": AIR,
        "party": ORG,
        "officers": OFFICERS,
        "filed_on": "2026-03-10",
        **changes,
    }


def act(
    action: CaseAction,
    state: CaseState | None,
    payload: dict[str, Any],
    *,
    who: Actor | None = None,
    now: datetime = NOW,
    number: tuple[int, int] | None = None,
    clue: ClueState | None = CLUE,
    notices: tuple[NoticeState, ...] = (),
    rules: Rules = RULES,
) -> CaseState:
    """Take an action as the bureau's handler (unless `who`) and return the new state."""
    outcome = apply_case_action(
        action,
        who or actor(BUREAU),
        state,
        payload,
        now,
        CALENDAR,
        rules,
        UNITS,
        clue=clue,
        notices=notices,
        number=number,
    )
    assert outcome.action is action
    assert outcome.from_status == (state.status if state else None)
    return outcome.state


def filed(**changes: Any) -> CaseState:
    """A case filed by the bureau with 立案号 3 of 2026."""
    return act(CaseAction.FILE, None, filing(**changes), number=(2026, 3))


FINE = [{"kind": "fine", "amount_yuan": "100000"}]


def notified(state: CaseState | None = None, penalties: Any = None) -> CaseState:
    """The case after 告知 on 12 March."""
    payload = {
        "notified_on": "2026-03-12",
        "document_number": "海环罚告〔2026〕3号",
        "penalties": penalties or FINE,
    }
    return act(CaseAction.NOTIFY, state or filed(), payload, now=cst(3, 12))


DECISION = {
    "decided_on": "2026-03-20",
    "penalties": FINE,
    "facts": "经查，你单位于2026年3月5日在车间未采取集中收集处理措施，废气无组织排放。",
    "evidence": ["现场检查笔录", "现场照片"],
    "violated_clause_ids": ["air-45"],
    "basis_clause_ids": ["air-108"],
    "discretion": "首次违法，按裁量基准中档处罚。",
}


def decided(state: CaseState | None = None, **changes: Any) -> CaseState:
    """The case after its decision (决定书 7 of 2026) on 20 March."""
    return act(
        CaseAction.DECIDE,
        state or notified(),
        {**DECISION, **changes},
        now=cst(3, 20),
        number=(2026, 7),
    )


SERVICE = {
    "method": "direct",
    "served_at": "2026-03-23T10:00:00+08:00",
    "place": "该公司办公室",
    "recipient": "王五",
    "relation": "法定代表人",
    "servers": ["张执法", "李执法"],
}


def served(state: CaseState | None = None) -> CaseState:
    """The case after its decision was served on 23 March."""
    return act(CaseAction.SERVE, state or decided(), SERVICE, now=cst(3, 23, 11))


def executed(state: CaseState | None = None) -> CaseState:
    """The case after the fine was paid on 30 March."""
    payload = {"executed_on": "2026-03-30", "method": "自动履行", "amount_paid": "100000"}
    return act(CaseAction.EXECUTE, state or served(), payload, now=cst(3, 30))


# --------------------------------------------------------------------------- the life


def test_actions_have_labels_and_versioned_command_types() -> None:
    assert CaseAction.FILE.command_type == "case.file.v1"
    assert CaseAction.from_command_type("case.decide.v1") is CaseAction.DECIDE
    for bad in ("notice.file.v1", "case.file.v2", "case.nothing.v1"):
        with pytest.raises(ValueError):
            CaseAction.from_command_type(bad)
    assert [s.label for s in CaseStatus] == [
        "已立案",
        "调查取证中",
        "已告知",
        "已决定",
        "已送达",
        "已执行",
        "已结案",
    ]
    assert set(FROM_STATUSES) == set(CaseAction)


def test_the_whole_life_of_a_case_with_every_milestone() -> None:
    case = filed()
    assert case.status is CaseStatus.FILED and case.number == "海环立〔2026〕3号"
    assert (case.number_year, case.number_seq, case.unit_code) == (2026, 3, BUREAU)
    assert case.deadline == datetime(2026, 6, 8, 17, 30, tzinfo=CHINA_TZ)
    [first] = case.milestones
    assert (first.step, first.on, first.by, first.by_name) == (
        CaseStep.FILED,
        date(2026, 3, 10),
        f"u{BUREAU}",
        "张执法",
    )
    assert first.document_number == "海环立〔2026〕3号"
    case = act(
        CaseAction.INVESTIGATE,
        case,
        {"investigated_on": "2026-03-11", "note": "现场勘查并询问", "evidence": ["询问笔录"]},
        now=cst(3, 11),
    )
    assert case.status is CaseStatus.INVESTIGATING
    case = notified(case, [{"kind": "fine", "amount_yuan": 100000}])
    assert case.hearing_offered and case.proposed == (Penalty(PenaltyKind.FINE, Decimal("100000")),)
    case = act(
        CaseAction.STATEMENT,
        case,
        {
            "received_on": "2026-03-13",
            "result": "不予采纳",
            "text": "当事人称系设备故障",
            "hearing_requested": True,
        },
        now=cst(3, 13),
    )
    assert case.hearing_requested and case.status is CaseStatus.NOTIFIED
    with pytest.raises(CaseRefused, match="听证"):  # asked for a hearing: held first
        decided(case)
    case = act(
        CaseAction.HEARING,
        case,
        {"held_on": "2026-03-18", "note": "听证会维持原拟处罚"},
        now=cst(3, 18),
    )
    case = decided(case)
    assert case.status is CaseStatus.DECIDED and case.decision is not None
    assert case.decision.number == "海环罚〔2026〕7号"
    assert case.decision.fine_total == Decimal("100000.00")
    assert case_warning_level(case, cst(7, 1), CALENDAR, RULES) == 0  # decided: no warning
    case = served(case)
    assert case.service is not None and case.status is CaseStatus.SERVED
    case = executed(case)
    case = act(
        CaseAction.CLOSE, case, {"outcome": "执行完毕", "closed_on": "2026-03-31"}, now=cst(3, 31)
    )
    assert (case.status, case.outcome, case.closed_on) == (
        CaseStatus.CLOSED,
        CaseOutcome.EXECUTED,
        date(2026, 3, 31),
    )
    assert [m.step for m in case.milestones] == [
        CaseStep.FILED,
        CaseStep.INVESTIGATED,
        CaseStep.NOTIFIED,
        CaseStep.STATEMENT,
        CaseStep.HEARING,
        CaseStep.DECIDED,
        CaseStep.SERVED,
        CaseStep.EXECUTED,
        CaseStep.CLOSED,
    ]
    assert CaseState.from_dict(case.to_dict()) == case
    assert allowed_case_actions(actor(BUREAU), case) == []


def test_a_decision_needs_a_prior_notice_unless_nothing_is_imposed() -> None:
    case = filed()
    with pytest.raises(CaseRefused, match="须先告知"):
        act(CaseAction.DECIDE, case, DECISION, number=(2026, 7), now=cst(3, 20))
    closed = act(
        CaseAction.CLOSE,
        case,
        {"outcome": "不予处罚", "closed_on": "2026-03-12", "note": "违法行为轻微并及时改正"},
        now=cst(3, 12),
    )
    assert closed.outcome is CaseOutcome.NO_PENALTY and closed.decision is None


@pytest.mark.parametrize(
    ("state_of", "outcome", "allowed"),
    [
        ("filed", "终止调查", True),
        ("filed", "撤销立案", True),
        ("filed", "移送", True),
        ("filed", "执行完毕", False),
        ("decided", "不予处罚", False),
        ("served", "终止调查", False),
        ("executed", "执行完毕", True),
        ("executed", "不予处罚", False),
    ],
)
def test_how_a_case_may_be_closed_depends_on_where_it_stands(
    state_of: str, outcome: str, allowed: bool
) -> None:
    makers: dict[str, Callable[[], CaseState]] = {
        "filed": filed,
        "decided": decided,
        "served": served,
        "executed": executed,
    }
    state = makers[state_of]()
    payload = {"outcome": outcome, "closed_on": "2026-04-01", "note": "依法结案"}
    if allowed:
        assert act(CaseAction.CLOSE, state, payload, now=cst(4, 1)).status is CaseStatus.CLOSED
    else:
        with pytest.raises(CaseRefused):
            act(CaseAction.CLOSE, state, payload, now=cst(4, 1))


def test_steps_out_of_order_are_refused_by_status() -> None:
    case = filed()
    with pytest.raises(CaseRefused, match="尚未作出处罚决定"):
        act(CaseAction.SERVE, case, SERVICE, now=cst(3, 23))
    with pytest.raises(CaseRefused, match="尚未告知"):
        act(CaseAction.STATEMENT, case, {"received_on": "2026-03-12", "result": "采纳"})
    with pytest.raises(CaseRefused, match="尚未送达"):
        act(CaseAction.EXECUTE, decided(), {"executed_on": "2026-03-30", "method": "自动履行"})
    with pytest.raises(CaseRefused, match="案件已存在"):
        act(CaseAction.FILE, case, filing(), number=(2026, 4))
    with pytest.raises(CaseRefused, match="案件不存在"):
        act(CaseAction.NOTIFY, None, {})
    closed = act(
        CaseAction.CLOSE, case, {"outcome": "撤销立案", "closed_on": "2026-03-10", "note": "误立"}
    )
    for action in CaseAction:
        if action is not CaseAction.FILE:
            assert case_refusal(action, actor(BUREAU), closed) is not None
    with pytest.raises(CaseRefused, match="已结案"):
        act(CaseAction.INVESTIGATE, closed, {"investigated_on": "2026-03-10", "note": "补充"})


def test_a_hearing_only_where_offered_and_requested() -> None:
    small = notified(penalties=[{"kind": "fine", "amount_yuan": "20000"}])  # organisation
    assert not small.hearing_offered
    with pytest.raises(ValidationError) as caught:
        act(
            CaseAction.STATEMENT,
            small,
            {
                "received_on": "2026-03-13",
                "result": "采纳",
                "text": "请求从轻",
                "hearing_requested": True,
            },
            now=cst(3, 13),
        )
    assert caught.value.field == "hearing_requested"
    with pytest.raises(CaseRefused, match="不属于应当告知听证"):
        act(CaseAction.HEARING, small, {"held_on": "2026-03-18", "note": "x"}, now=cst(3, 18))
    big = notified()
    with pytest.raises(CaseRefused, match="未申请听证"):
        act(CaseAction.HEARING, big, {"held_on": "2026-03-18", "note": "x"}, now=cst(3, 18))
    assert decided(big).status is CaseStatus.DECIDED  # no hearing asked: decide at once


@pytest.mark.parametrize(
    ("penalties", "party_type", "offered"),
    [
        ([Penalty(PenaltyKind.FINE, Decimal("4999.99"))], PartyType.INDIVIDUAL, False),
        ([Penalty(PenaltyKind.FINE, Decimal("5000"))], PartyType.INDIVIDUAL, True),
        ([Penalty(PenaltyKind.FINE, Decimal("5000"))], PartyType.SOLE_TRADER, True),
        ([Penalty(PenaltyKind.FINE, Decimal("49999"))], PartyType.ORGANISATION, False),
        ([Penalty(PenaltyKind.FINE, Decimal("50000"))], PartyType.ORGANISATION, True),
        (
            [
                Penalty(PenaltyKind.FINE, Decimal("30000")),
                Penalty(PenaltyKind.CONFISCATE_GAINS, Decimal("20000")),
            ],
            PartyType.ORGANISATION,
            True,
        ),
        ([Penalty(PenaltyKind.WARNING)], PartyType.ORGANISATION, False),
        ([Penalty(PenaltyKind.PRODUCTION_SUSPENDED)], PartyType.ORGANISATION, True),
        ([Penalty(PenaltyKind.CLOSURE_ORDERED)], PartyType.INDIVIDUAL, True),
        ([Penalty(PenaltyKind.LICENCE_REVOKED)], PartyType.ORGANISATION, True),
    ],
)
def test_the_hearing_threshold(
    penalties: list[Penalty], party_type: PartyType, offered: bool
) -> None:
    assert hearing_offered(penalties, party_type, RULES.cases) is offered


def test_the_hearing_threshold_is_rules_data() -> None:
    lower = replace(RULES, cases=CaseRules(hearing_organisation_yuan=Decimal("10000")))
    penalty = [Penalty(PenaltyKind.FINE, Decimal("20000"))]
    assert hearing_offered(penalty, PartyType.ORGANISATION, lower.cases)
    assert not hearing_offered(penalty, PartyType.ORGANISATION, RULES.cases)
    assert CaseRules.from_dict(lower.cases.to_dict()) == lower.cases
    with pytest.raises(ValueError, match="hearing_citizen_yuan"):
        CaseRules.from_dict({"hearing_citizen_yuan": "-1"})
    with pytest.raises(ValueError, match="extension_days"):
        CaseRules.from_dict({"extension_days": [30, "60"]})


# --------------------------------------------------------------------------- who and when


def test_filing_from_a_clue_directly_by_units_holding_the_power() -> None:
    assert filed().unit_code == BUREAU
    housing = act(
        CaseAction.FILE,
        None,
        filing(law="大气污染防治法", cause="施工工地扬尘案"),
        who=actor(HOUSING),
        number=(2026, 1),
    )
    assert housing.number == "海住建立〔2026〕1号" and housing.law == "大气污染防治法"
    # the environment bureau of the county files on a clue it neither leads nor assists
    unrelated = CLUE.evolve(assisting_units=())
    assert filed_by(BUREAU, unrelated).unit_code == BUREAU
    assert filed_by(CITY_BUREAU, unrelated).unit_code == CITY_BUREAU
    with pytest.raises(CaseRefused, match="主办、协办单位或本辖区生态环境部门"):
        filed_by(DH_BUREAU, unrelated)


def filed_by(unit: str, clue: ClueState, **changes: Any) -> CaseState:
    """A case filed by `unit`'s handler on `clue`."""
    return act(
        CaseAction.FILE, None, filing(**changes), who=actor(unit), clue=clue, number=(2026, 9)
    )


@pytest.mark.parametrize(
    ("unit", "law", "reason"),
    [
        (HEALTH, AIR, "没有行政处罚权"),  # a department without enforcement power
        (STREET, AIR, "没有行政处罚权"),  # a street (township-level) files no cases
        (TOWN, AIR, "没有行政处罚权"),
        (HOUSING, "中华人民共和国水污染防治法", "应移送有权机关"),  # not its law
    ],
)
def test_a_unit_without_the_power_is_refused(unit: str, law: str, reason: str) -> None:
    clue = CLUE.evolve(lead_unit=unit) if unit in (STREET, TOWN) else CLUE
    with pytest.raises(CaseRefused, match=reason) as refused:
        filed_by(unit, clue, law=law)
    assert refused.value.action is CaseAction.FILE
    assert case_refusal(CaseAction.FILE, actor(unit), None, clue, RULES, law=law) is not None


def test_only_handlers_file_and_only_the_filing_unit_acts() -> None:
    with pytest.raises(CaseRefused, match="办理人员"):
        act(CaseAction.FILE, None, filing(), who=actor(HZ, Role.DISPATCHER), number=(2026, 1))
    case = filed()
    with pytest.raises(CaseRefused, match="只有立案单位"):
        act(
            CaseAction.INVESTIGATE,
            case,
            {"investigated_on": "2026-03-10", "note": "x"},
            who=actor(HOUSING),
        )
    with pytest.raises(CaseRefused, match="办理人员"):
        act(
            CaseAction.INVESTIGATE,
            case,
            {"investigated_on": "2026-03-10", "note": "x"},
            who=Actor("jw", Role.SUPERVISOR, UNITS[BUREAU]),
        )
    assert CaseAction.INVESTIGATE in allowed_case_actions(actor(BUREAU), case)
    assert allowed_case_actions(actor(HOUSING), case) == []


def _notice(status: NoticeStatus) -> NoticeState:
    return NoticeState(
        notice_id=str(uuid.uuid4()),
        clue_code=CLUE.code,
        kind=NoticeKind.RECTIFICATION,
        status=status,
        unit_code=STREET,
        content=NoticeContent(party_name="连云港市某化工有限公司"),
        created_at=cst(3, 3),
    )


@pytest.mark.parametrize("status", [Status.HANDLING, Status.REVIEWING, Status.CLOSED])
def test_a_case_is_filed_wherever_a_violation_is_found(status: Status) -> None:
    assert filed_by(BUREAU, CLUE.evolve(status=status)).status is CaseStatus.FILED


@pytest.mark.parametrize("status", [Status.REGISTERED, Status.DISPATCHED, Status.DUPLICATE])
def test_no_case_before_the_clue_is_handled(status: Status) -> None:
    with pytest.raises(CaseRefused, match="办理中、待审核或已办结"):
        filed_by(BUREAU, CLUE.evolve(status=status))


def test_filing_after_a_notice_was_not_rectified_links_it() -> None:
    overdue = _notice(NoticeStatus.NOT_RECTIFIED)
    other = _notice(NoticeStatus.SERVED)
    returned = CLUE.evolve(status=Status.RETURNED)  # 逾期未整改 offers filing in any status
    case = act(
        CaseAction.FILE,
        None,
        filing(notice_ids=[overdue.notice_id]),
        clue=returned,
        notices=(overdue, other),
        number=(2026, 4),
    )
    assert case.notice_ids == (overdue.notice_id,)
    with pytest.raises(CaseRefused):
        act(
            CaseAction.FILE,
            None,
            filing(notice_ids=[other.notice_id]),
            clue=returned,
            notices=(overdue, other),
            number=(2026, 4),
        )
    with pytest.raises(ValidationError) as caught:  # a notice of another clue
        act(CaseAction.FILE, None, filing(notice_ids=[str(uuid.uuid4())]), number=(2026, 4))
    assert caught.value.field == "notice_ids"


# --------------------------------------------------------------------------- payload values


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"case_id": "not-a-uuid"}, "case_id"),
        ({"cause": ""}, "cause"),
        ({"cause": "案" * 201}, "cause"),
        ({"law": ""}, "law"),
        ({"party": None}, "party"),
        ({"party": {**ORG, "name": ""}}, "party.name"),
        (
            {
                "party": {
                    "party_type": "individual",
                    "name": "李某",
                    "id_number": "110105194912310021",
                    "address": "某地",
                }
            },
            "party.id_number",
        ),
        ({"party": {**ORG, "party_type": "company"}}, "party.party_type"),
        ({"officers": OFFICERS[:1]}, "officers"),
        (
            {"officers": [OFFICERS[0], {"name": "李执法", "certificate": ""}]},
            "officers.1.certificate",
        ),
        (
            {"officers": [OFFICERS[0], {**OFFICERS[1], "certificate": "32070601001"}]},
            "officers.1.certificate",
        ),
        ({"officers": "张三、李四"}, "officers"),
        ({"filed_on": "2026-03-11"}, "filed_on"),  # tomorrow
        ({"filed_on": "2026-03-01"}, "filed_on"),  # before the clue was registered
        ({"filed_on": "2026-02-30"}, "filed_on"),
        ({"number": "海环立〔2026〕4号"}, "number"),  # not the number taken
    ],
)
def test_filing_errors_name_the_payload_key(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        act(CaseAction.FILE, None, filing(**changes), number=(2026, 3))
    assert caught.value.field == field
    assert case_field_label(field) != field


def test_an_individual_party_with_a_valid_id_number() -> None:
    person = {
        "party_type": "自然人",
        "name": "李某",
        "id_number": VALID_ID,
        "address": "海州区某村",
    }
    case = filed(party=person)
    assert case.party.party_type is PartyType.INDIVIDUAL and case.party.id_number == VALID_ID


def test_filing_needs_a_number_of_its_year() -> None:
    with pytest.raises(ValidationError, match="编号") as caught:
        act(CaseAction.FILE, None, filing())
    assert caught.value.field == "number"
    with pytest.raises(ValidationError) as caught:
        act(CaseAction.FILE, None, filing(), number=(2025, 3))
    assert caught.value.field == "number"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"penalties": []}, "penalties"),
        ({"penalties": [{"kind": "fine"}]}, "penalties.0.amount_yuan"),
        ({"penalties": [{"kind": "fine", "amount_yuan": "0"}]}, "penalties.0.amount_yuan"),
        ({"penalties": [{"kind": "fine", "amount_yuan": "-5"}]}, "penalties.0.amount_yuan"),
        ({"penalties": [{"kind": "fine", "amount_yuan": "1.234"}]}, "penalties.0.amount_yuan"),
        ({"penalties": [{"kind": "fine", "amount_yuan": "一万"}]}, "penalties.0.amount_yuan"),
        ({"penalties": [{"kind": "fine", "amount_yuan": True}]}, "penalties.0.amount_yuan"),
        ({"penalties": [{"kind": "warning", "amount_yuan": "10"}]}, "penalties.0.amount_yuan"),
        ({"penalties": [{"kind": "flogging"}]}, "penalties.0.kind"),
        ({"penalties": [FINE[0], FINE[0]]}, "penalties.1.kind"),
        ({"facts": ""}, "facts"),
        ({"violated_clause_ids": []}, "violated_clause_ids"),
        ({"basis_clause_ids": []}, "basis_clause_ids"),
        ({"decided_on": "2026-03-11"}, "decided_on"),  # before 告知 (12 March)
        ({"decided_on": "2026-03-21"}, "decided_on"),  # tomorrow
    ],
)
def test_decision_errors_name_the_payload_key(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        decided(**changes)
    assert caught.value.field == field


def test_amounts_keep_two_decimals() -> None:
    case = decided(
        penalties=[{"kind": "罚款", "amount_yuan": "12,345.6"}, {"kind": "警告、通报批评"}]
    )
    assert case.decision is not None
    assert case.decision.penalties[0].amount_yuan == Decimal("12345.60")
    assert case.decision.to_dict()["penalties"][0]["amount_yuan"] == "12345.60"
    assert CaseState.from_dict(case.to_dict()) == case


def test_milestone_dates_are_in_order_and_not_ahead() -> None:
    case = notified()
    with pytest.raises(ValidationError) as caught:
        act(
            CaseAction.STATEMENT,
            case,
            {"received_on": "2026-03-11", "result": "采纳", "text": "x"},
            now=cst(3, 13),
        )
    assert caught.value.field == "received_on"
    with pytest.raises(ValidationError) as caught:
        act(
            CaseAction.SERVE,
            decided(),
            {**SERVICE, "served_at": "2026-03-19T10:00:00+08:00"},
            now=cst(3, 23),
        )
    assert caught.value.field == "served_at"
    with pytest.raises(ValidationError) as caught:
        act(CaseAction.SERVE, decided(), {**SERVICE, "method": "留置送达"}, now=cst(3, 23, 11))
    assert caught.value.field == "witness"
    with pytest.raises(ValidationError) as caught:
        act(CaseAction.CLOSE, filed(), {"outcome": "终止调查", "closed_on": "2026-03-10"})
    assert caught.value.field == "note"  # ending without a penalty needs its reason


# --------------------------------------------------------------------------- deadline


def test_extensions_and_their_limits() -> None:
    case = filed()
    with pytest.raises(ValidationError) as caught:
        act(CaseAction.EXTEND, case, {"days": 31, "approved_by": "局长 王某", "reason": "案情复杂"})
    assert caught.value.field == "days"
    once = act(
        CaseAction.EXTEND, case, {"days": 30, "approved_by": "局长 王某", "reason": "案情复杂"}
    )
    assert once.deadline == datetime(2026, 7, 8, 17, 30, tzinfo=CHINA_TZ)
    with pytest.raises(ValidationError, match="60"):
        act(CaseAction.EXTEND, once, {"days": 61, "approved_by": "局集体讨论", "reason": "需鉴定"})
    twice = act(
        CaseAction.EXTEND, once, {"days": 60, "approved_by": "局集体讨论", "reason": "需鉴定"}
    )
    assert twice.deadline == datetime(2026, 9, 6, 17, 30, tzinfo=CHINA_TZ)
    assert [e.days for e in twice.extensions] == [30, 60]
    with pytest.raises(CaseRefused, match="2 次"):
        act(CaseAction.EXTEND, twice, {"days": 1, "approved_by": "局长", "reason": "再议"})
    with pytest.raises(ValidationError) as caught:
        act(CaseAction.EXTEND, case, {"days": 10, "approved_by": "", "reason": "x"})
    assert caught.value.field == "approved_by"
    with pytest.raises(CaseRefused, match="不再需要延期"):
        act(CaseAction.EXTEND, decided(), {"days": 10, "approved_by": "局长", "reason": "x"})


def test_the_deadline_counts_down_in_working_days_with_three_warnings() -> None:
    case = filed()  # due Monday 8 June 2026, 17:30
    assert case_warning_level(case, cst(6, 5, 10), CALENDAR, RULES) == 0
    left = case_countdown(case, cst(6, 5, 17, 30), CALENDAR)  # Friday evening
    assert left is not None and (left.days, left.overdue) == (1, False)
    assert case_warning_level(case, cst(6, 5, 17, 30), CALENDAR, RULES) == 1
    assert case_warning_level(case, cst(6, 8, 17, 30), CALENDAR, RULES) == 1  # at the deadline
    assert case_warning_level(case, cst(6, 8, 17, 31), CALENDAR, RULES) == 2  # just past it
    assert case_warning_level(case, cst(6, 11, 17, 30), CALENDAR, RULES) == 2  # 3 days over
    assert case_warning_level(case, cst(6, 12, 9), CALENDAR, RULES) == 3
    late = case_countdown(case, cst(6, 12, 17, 30), CALENDAR)
    assert late is not None and late.overdue and late.days == 4
    assert case_countdown(decided(), cst(6, 12), CALENDAR) is None
    # the deadline moves with the rules' number of days
    sixty = replace(RULES, cases=CaseRules(decision_days=60))
    short = act(CaseAction.FILE, None, filing(), number=(2026, 3), rules=sixty)
    assert short.deadline == datetime(2026, 5, 9, 17, 30, tzinfo=CHINA_TZ)


# --------------------------------------------------------------------------- numbers, counts


def test_case_and_decision_numbers_have_their_own_prefixes() -> None:
    assert case_prefix(UNITS[BUREAU], UNITS) == "海环立"
    assert decision_prefix(UNITS[BUREAU], UNITS) == "海环罚"
    assert decision_prefix(UNITS[HOUSING], UNITS) == "海住建罚"


def _case(unit: str, filed_on: date, **changes: Any) -> CaseState:
    base = filed()
    return base.evolve(
        unit_code=unit,
        filed_on=filed_on,
        deadline=datetime.combine(
            date.fromordinal(filed_on.toordinal() + 90), base.deadline.timetz()
        ),
        **changes,
    )


def test_counts_of_filed_and_concluded_cases() -> None:
    jan, feb, mar = date(2026, 1, 10), date(2026, 2, 10), date(2026, 3, 10)
    cases = [
        _case(BUREAU, jan, status=CaseStatus.CLOSED, closed_on=date(2026, 1, 20)),
        _case(BUREAU, jan, status=CaseStatus.CLOSED, closed_on=date(2026, 2, 5)),
        _case(BUREAU, jan, status=CaseStatus.CLOSED, closed_on=date(2026, 5, 1)),  # late
        _case(BUREAU, feb),  # open, due 11 May
        _case(HOUSING, jan, status=CaseStatus.CLOSED, closed_on=date(2026, 1, 25)),
        _case(BUREAU, mar),
    ]
    january = case_counts(cases, date(2026, 1, 1), date(2026, 1, 31))
    assert january == CaseCounts(
        filed=4, concluded=2, concluded_in_time=2, overdue_open=0, filed_concluded=2
    )
    assert january.rate == 0.5
    bureau_q1 = case_counts(cases, date(2026, 1, 1), date(2026, 3, 31), [BUREAU])
    assert (bureau_q1.filed, bureau_q1.concluded, bureau_q1.filed_concluded) == (5, 2, 2)
    assert bureau_q1.rate == 0.4
    year = case_counts(cases, date(2026, 1, 1), date(2026, 12, 31))
    assert (year.filed, year.concluded, year.concluded_in_time) == (6, 4, 3)
    assert year.overdue_open == 2  # February's and March's: undecided past their deadline
    assert case_counts([], date(2026, 1, 1), date(2026, 1, 31)).rate is None


def test_field_labels_are_chinese() -> None:
    assert case_field_label("party.id_number") == "当事人身份证号码"
    assert case_field_label("officers.1.certificate") == "执法人员（第2名）执法证号"
    assert case_field_label("penalties.0.amount_yuan") == "处罚内容（第1项）金额（元）"
    assert case_field_label("filed_on") == "立案日期"
