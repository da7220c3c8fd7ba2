"""Tests for desktop.domain.notices: who may take which notice action in which status, what
each action checks and changes, numbers, prefixes, the follow-up warning and drafts.

Expectations are written by hand from the issue and the 2026 State Council calendar: 清明
4–6 April (Monday 6 April off); office hours close at 17:30.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.calendar import default_calendar
from desktop.domain.clue import ClueState
from desktop.domain.codes import Priority, Role, Status, UnitKind
from desktop.domain.notice_actions import UNCLOSED_STATUSES, unclosed_notice
from desktop.domain.notice_content import missing_for_issue
from desktop.domain.notice_prefill import SiteFindings
from desktop.domain.notices import (
    FIELD_LABELS,
    FROM_STATUSES,
    Clause,
    NoticeAction,
    NoticeContent,
    NoticeKind,
    NoticeRefused,
    NoticeState,
    NoticeStatus,
    NumberPrefixes,
    Service,
    ServiceMethod,
    allowed_notice_actions,
    apply_notice_action,
    draft_content_from_clue,
    draftable_kinds,
    field_label,
    format_number,
    notice_countdown,
    notice_prefix,
    notice_refusal,
    notice_warning_level,
    parse_number,
    service_advice,
    validate_content,
    verification_code,
)
from desktop.domain.powers import Powers
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.units import Actor, UnitInfo
from desktop.domain.validators import ValidationError, credit_code_check_char


def cst(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """An instant of 2026 in China time."""
    return datetime(2026, month, day, hour, minute, tzinfo=CHINA_TZ)


NOW = cst(3, 10)  # Tuesday 10 March 2026
CALENDAR = default_calendar()
RULES = Rules()

CITY, HZ, DH = "320700", "320706", "320722"
STREET, OTHER_STREET, TOWN = "320706001", "320706002", "320706015"
BUREAU, AGRI = "320706901", "320706902"
CITY_BUREAU, DH_BUREAU, HZ_JW = "320700901", "320722901", "320706800"
HOUSING = "320706905"


def _unit(code: str, name: str, kind: UnitKind, parent: str | None, county: str | None) -> UnitInfo:
    return UnitInfo(code=code, name=name, kind=kind, parent_code=parent, county_code=county)


UNITS = {
    u.code: u
    for u in (
        _unit(CITY, "连云港市污染防治攻坚办", UnitKind.CITY_OFFICE, None, None),
        _unit(HZ, "海州区污染防治攻坚办", UnitKind.COUNTY_OFFICE, CITY, HZ),
        _unit(DH, "东海县污染防治攻坚办", UnitKind.COUNTY_OFFICE, CITY, DH),
        _unit(STREET, "新海街道", UnitKind.STREET, HZ, HZ),
        _unit(OTHER_STREET, "幸福路街道", UnitKind.STREET, HZ, HZ),
        _unit(TOWN, "锦屏镇", UnitKind.TOWNSHIP, HZ, HZ),
        _unit(BUREAU, "连云港市海州生态环境局", UnitKind.DEPARTMENT, HZ, HZ),
        _unit(AGRI, "海州区农业农村局", UnitKind.DEPARTMENT, HZ, HZ),
        _unit(CITY_BUREAU, "连云港市生态环境局", UnitKind.DEPARTMENT, CITY, None),
        _unit(DH_BUREAU, "连云港市东海生态环境局", UnitKind.DEPARTMENT, DH, DH),
        _unit(HZ_JW, "海州区纪委监委", UnitKind.DISCIPLINE, HZ, HZ),
        _unit(HOUSING, "海州区住房和城乡建设局", UnitKind.DEPARTMENT, HZ, HZ),
    )
}


def actor(unit: str, role: Role = Role.HANDLER) -> Actor:
    """A user of `unit` with `role`."""
    return Actor(username=f"u{unit}", role=role, unit=UNITS[unit], device_id="pc-1")


CLUE = ClueState(
    code="LYG2026000001",
    status=Status.HANDLING,
    priority=Priority.NORMAL,
    county_code=HZ,
    registered_at=cst(3, 2),
    lead_unit=STREET,
    assisting_units=(BUREAU, AGRI),
)


def _credit(first17: str) -> str:
    return first17 + credit_code_check_char(first17)


CONTENT: dict[str, Any] = {
    "party_name": "连云港市某化工有限公司",
    "credit_code": _credit("91320700MA1MXXXX0"),
    "address": "海州区新海街道苍梧路1号",
    "legal_representative": "王五",
    "facts": "现场检查发现废气收集设施未运行。",
    "evidence": ["现场检查笔录", "现场照片"],
    "clause_ids": ["air-108"],
    "order": "立即恢复废气收集处理设施正常运行。",
    "deadline_days": 5,
    "report_requirement": "整改完成后书面报告。",
    "consequences": "逾期未整改的，依法移送查处。",
    "review_body": "海州区人民政府",
    "litigation_court": "海州区人民法院",
    "authority": "新海街道办事处",
    "contact_person": "李四",
    "contact_phone": "0518-85821234",
}
AIR_108 = Clause("air-108", "中华人民共和国大气污染防治法", "第一百零八条", "违反本法规定……")


def act(
    action: NoticeAction,
    who: Actor,
    state: NoticeState | None,
    payload: dict[str, Any],
    now: datetime = NOW,
    number: tuple[int, int] | None = None,
    clue: ClueState | None = CLUE,
) -> NoticeState:
    """Take an action and return the new state."""
    outcome = apply_notice_action(
        action, who, state, payload, now, CALENDAR, RULES, UNITS, clue=clue, number=number
    )
    assert outcome.action is action
    assert outcome.from_status == (state.status if state else None)
    return outcome.state


def drafted(kind: str = "rectification", who: str = STREET, **changes: Any) -> NoticeState:
    """A fresh draft."""
    payload = {"notice_id": str(uuid.uuid4()), "kind": kind, **CONTENT, **changes}
    return act(NoticeAction.DRAFT, actor(who), None, payload)


def issued(state: NoticeState | None = None, seq: int = 15, when: datetime = NOW) -> NoticeState:
    """`state` (or a fresh draft) issued with number 2026/seq."""
    state = state or drafted()
    payload = {"notice_id": state.notice_id, "clauses": [AIR_108.to_dict()]}
    return act(NoticeAction.ISSUE, actor(state.unit_code), state, payload, when, (2026, seq))


SERVICE = {
    "method": "直接送达",
    "served_at": "2026-03-11 09:00",
    "place": "该公司办公室",
    "recipient": "王五",
    "relation": "法定代表人",
    "servers": ["李四", "赵六"],
}


def served(state: NoticeState | None = None, **changes: Any) -> NoticeState:
    """`state` (or a fresh issued notice) served on 11 March 09:00."""
    state = state or issued()
    payload = {"notice_id": state.notice_id, **SERVICE, **changes}
    return act(NoticeAction.SERVE, actor(state.unit_code), state, payload, cst(3, 11, 9, 5))


# --------------------------------------------------------------------------- codes


def test_actions_have_labels_and_versioned_command_types() -> None:
    assert NoticeAction.ISSUE.label == "签发"
    assert NoticeAction.ISSUE.command_type == "notice.issue.v1"
    for action in NoticeAction:
        assert NoticeAction.from_command_type(action.command_type) is action
    for bad in ("clue.issue.v1", "notice.issue.v2", "notice.recall.v1", "issue"):
        with pytest.raises(ValueError):
            NoticeAction.from_command_type(bad)
    assert NoticeStatus.from_text("逾期未整改") is NoticeStatus.NOT_RECTIFIED
    assert ServiceMethod.from_text("留置送达") is ServiceMethod.LEFT
    assert NoticeKind.CORRECTION_ORDER.label == "责令改正违法行为决定书"
    assert field_label("party_name") == "当事人" and field_label("zzz") == "zzz"
    assert set(FIELD_LABELS) >= set(CONTENT)


def test_document_numbers_use_tortoise_brackets_without_padding() -> None:
    assert format_number("海环整改", 2026, 15) == "海环整改\u30142026\u301515号"
    assert format_number("海环整改", 2026, 5) == "海环整改〔2026〕5号"
    assert parse_number("海环整改〔2026〕15号") == ("海环整改", 2026, 15)
    for bad in ("海环整改〔2026〕015号", "海环整改[2026]15号", "〔2026〕15号", "海环整改〔26〕1号"):
        assert parse_number(bad) is None


@given(
    st.text(alphabet="海连赣东灌环整改责新浦街镇", min_size=1, max_size=8),
    st.integers(2000, 2100),
    st.integers(1, 10**8),
)
def test_numbers_parse_back(prefix: str, year: int, seq: int) -> None:
    text = format_number(prefix, year, seq)
    assert parse_number(text) == (prefix, year, seq)
    assert "〔" in text and not text.endswith(f"〕0{seq}号")


def test_prefixes_name_the_issuing_unit_and_the_kind() -> None:
    rect, order = NoticeKind.RECTIFICATION, NoticeKind.CORRECTION_ORDER
    assert notice_prefix(rect, UNITS[BUREAU], UNITS) == "海环整改"
    assert notice_prefix(order, UNITS[BUREAU], UNITS) == "海环责改"
    assert notice_prefix(rect, UNITS[STREET], UNITS) == "海新海整改"
    assert notice_prefix(rect, UNITS[TOWN], UNITS) == "海锦屏整改"
    assert notice_prefix(rect, UNITS[AGRI], UNITS) == "海农整改"
    assert notice_prefix(rect, UNITS[CITY_BUREAU], UNITS) == "连环整改"
    assert notice_prefix(rect, UNITS[DH_BUREAU], UNITS) == "东环整改"
    own = NumberPrefixes({"rectification": "改"}, {}, {}, {STREET: "新街"})
    assert notice_prefix(rect, UNITS[STREET], UNITS, own) == "新街改"
    fallback = NumberPrefixes({}, {}, {}, {})  # no data: the office's first character
    assert notice_prefix(rect, UNITS[TOWN], UNITS, fallback) == "海锦屏整改"


def test_every_demo_unit_gets_its_own_prefix(demo_city: Any) -> None:
    directory = {u.code: u for u in demo_city.units}
    handling = [u for u in demo_city.units if u.handles]
    for kind in NoticeKind:
        prefixes = [notice_prefix(kind, unit, directory) for unit in handling]
        assert len(set(prefixes)) == len(prefixes)
        assert all(parse_number(format_number(p, 2026, 1)) for p in prefixes)


def test_verification_codes_are_stable_short_and_unguessable_from_the_number() -> None:
    code = verification_code("a5f0c1de-0000-4000-8000-000000000001", "海环整改〔2026〕15号")
    assert code == verification_code("a5f0c1de-0000-4000-8000-000000000001", "海环整改〔2026〕15号")
    assert len(code) == 8 and not set(code) & set("01IO")
    other = verification_code("a5f0c1de-0000-4000-8000-000000000002", "海环整改〔2026〕15号")
    assert other != code


# --------------------------------------------------------------------------- who may act


def test_who_may_draft_which_kind() -> None:
    assert draftable_kinds(actor(STREET), CLUE) == [NoticeKind.RECTIFICATION]
    both = [NoticeKind.RECTIFICATION, NoticeKind.CORRECTION_ORDER]
    assert draftable_kinds(actor(BUREAU), CLUE) == both
    assert draftable_kinds(actor(AGRI), CLUE) == both  # 农业农村 holds its own laws' power
    assert draftable_kinds(actor(OTHER_STREET), CLUE) == []
    assert draftable_kinds(actor(CITY_BUREAU), CLUE) == []
    assert draftable_kinds(actor(HZ, Role.DISPATCHER), CLUE) == []
    led_by_bureau = CLUE.evolve(lead_unit=BUREAU, assisting_units=(STREET,))
    assert draftable_kinds(actor(BUREAU), led_by_bureau) == both
    assert draftable_kinds(actor(STREET), led_by_bureau) == []  # a street assisting: no
    order = {"notice_id": str(uuid.uuid4()), "kind": "correction_order", **CONTENT}
    with pytest.raises(NoticeRefused, match="生态环境部门"):
        act(NoticeAction.DRAFT, actor(STREET), None, order)
    assert act(NoticeAction.DRAFT, actor(BUREAU), None, order).kind is NoticeKind.CORRECTION_ORDER
    assert act(NoticeAction.DRAFT, actor(AGRI), None, order).kind is NoticeKind.CORRECTION_ORDER


def test_the_published_powers_decide_who_drafts_a_correction_order() -> None:
    led_by_housing = CLUE.evolve(lead_unit=HOUSING, assisting_units=(STREET,))
    order = {"notice_id": str(uuid.uuid4()), "kind": "correction_order", **CONTENT}
    drafted_by_housing = act(NoticeAction.DRAFT, actor(HOUSING), None, order, clue=led_by_housing)
    assert drafted_by_housing.kind is NoticeKind.CORRECTION_ORDER
    assert draftable_kinds(actor(HOUSING), led_by_housing, RULES) == [
        NoticeKind.RECTIFICATION,
        NoticeKind.CORRECTION_ORDER,
    ]
    led_by_town = CLUE.evolve(lead_unit=TOWN)
    assert draftable_kinds(actor(TOWN), led_by_town, RULES) == [NoticeKind.RECTIFICATION]
    with pytest.raises(NoticeRefused, match="责令改正违法行为决定书"):
        act(NoticeAction.DRAFT, actor(TOWN), None, order, clue=led_by_town)
    plain = {**order, "kind": "rectification"}
    draft = act(NoticeAction.DRAFT, actor(TOWN), None, plain, clue=led_by_town)
    refused = notice_refusal(
        NoticeAction.EDIT, actor(TOWN), draft, kind=NoticeKind.CORRECTION_ORDER
    )
    assert refused is not None and "责令改正违法行为决定书" in refused
    # A city whose published powers take the document from 住建 is obeyed.
    without = Powers(
        tuple(
            replace(p, documents=frozenset({"rectification"})) if p.key == "housing" else p
            for p in RULES.powers.entries
        )
    )
    narrowed = replace(RULES, powers=without)
    assert draftable_kinds(actor(HOUSING), led_by_housing, narrowed) == [NoticeKind.RECTIFICATION]
    with pytest.raises(NoticeRefused, match="责令改正违法行为决定书"):
        apply_notice_action(
            NoticeAction.DRAFT,
            actor(HOUSING),
            None,
            order,
            NOW,
            CALENDAR,
            narrowed,
            UNITS,
            clue=led_by_housing,
        )


@pytest.mark.parametrize("status", [Status.DISPATCHED, Status.CLOSED, Status.RETURNED])
def test_a_notice_is_drafted_while_the_clue_is_handled(status: Status) -> None:
    payload = {"notice_id": str(uuid.uuid4()), "kind": "rectification", **CONTENT}
    with pytest.raises(NoticeRefused, match="办理中或待审核"):
        act(NoticeAction.DRAFT, actor(STREET), None, payload, clue=CLUE.evolve(status=status))
    reviewing = CLUE.evolve(status=Status.REVIEWING)
    assert act(NoticeAction.DRAFT, actor(STREET), None, payload, clue=reviewing)
    with pytest.raises(NoticeRefused, match="线索不存在"):
        act(NoticeAction.DRAFT, actor(STREET), None, payload, clue=None)


@dataclass(frozen=True)
class Who:
    """An actor of the refusal matrix."""

    name: str
    actor: Actor


PEOPLE = [
    Who("issuer", actor(STREET)),
    Who("bureau", actor(BUREAU)),  # assisting environment bureau of the county
    Who("agri", actor(AGRI)),  # assisting department, not environment
    Who("city_bureau", actor(CITY_BUREAU)),  # environment bureau covering the whole city
    Who("far_bureau", actor(DH_BUREAU)),  # environment bureau of another county
    Who("stranger", actor(OTHER_STREET)),
    Who("dispatcher", actor(HZ, Role.DISPATCHER)),
    Who("supervisor", actor(HZ_JW, Role.SUPERVISOR)),
]


def _expected(action: NoticeAction, status: NoticeStatus | None, who: str) -> bool:
    """The rules as the issue states them, written independently of the code."""
    allowed_from = {
        NoticeAction.DRAFT: None,
        NoticeAction.EDIT: NoticeStatus.DRAFT,
        NoticeAction.ISSUE: NoticeStatus.DRAFT,
        NoticeAction.SERVE: NoticeStatus.ISSUED,
        NoticeAction.REINSPECT: NoticeStatus.SERVED,
        NoticeAction.FILE_CASE: NoticeStatus.NOT_RECTIFIED,
        NoticeAction.CLOSE_CASE: NoticeStatus.CASE_FILED,
    }[action]
    if status != allowed_from or who in ("dispatcher", "supervisor"):
        return False
    if action is NoticeAction.DRAFT:  # the lead unit or a department assisting
        return who in ("issuer", "bureau", "agri")
    if action in (NoticeAction.FILE_CASE, NoticeAction.CLOSE_CASE):
        return who in ("issuer", "bureau", "city_bureau")
    return who == "issuer"


def _state_in(status: NoticeStatus) -> NoticeState:
    base = drafted()
    return base.evolve(status=status)


@pytest.mark.parametrize("action", list(NoticeAction))
@pytest.mark.parametrize("status", [None, *NoticeStatus])
def test_every_action_status_and_relation(
    action: NoticeAction, status: NoticeStatus | None
) -> None:
    state = _state_in(status) if status is not None else None
    for who in PEOPLE:
        reason = notice_refusal(action, who.actor, state, CLUE)
        expected = _expected(action, status, who.name)
        assert (reason is None) is expected, (action, status, who.name, reason)
        if not expected:
            assert reason and all("\u4e00" <= c <= "\u9fff" for c in reason if c.isalpha())
            with pytest.raises(NoticeRefused) as refused:
                payload = {"notice_id": str(uuid.uuid4()), "kind": "rectification"}
                apply_notice_action(
                    action, who.actor, state, payload, NOW, CALENDAR, RULES, UNITS, clue=CLUE
                )
            assert refused.value.reason == reason and refused.value.action is action
    assert set(FROM_STATUSES) == set(NoticeAction)


def test_allowed_actions_are_the_buttons_to_show() -> None:
    draft = drafted()
    assert allowed_notice_actions(actor(STREET), draft) == [NoticeAction.EDIT, NoticeAction.ISSUE]
    assert allowed_notice_actions(actor(BUREAU), draft) == []
    failed = draft.evolve(status=NoticeStatus.NOT_RECTIFIED)
    assert allowed_notice_actions(actor(BUREAU), failed, CLUE) == [NoticeAction.FILE_CASE]
    assert allowed_notice_actions(actor(BUREAU), failed) == []  # without the clue: issuer only


# --------------------------------------------------------------------------- the life


def test_the_whole_life_with_working_day_deadlines() -> None:
    draft = drafted()
    assert draft.status is NoticeStatus.DRAFT and draft.unit_code == STREET
    assert draft.created_at == NOW and draft.created_by == f"u{STREET}"
    assert draft.clue_code == CLUE.code and draft.number is None
    edited = act(
        NoticeAction.EDIT, actor(STREET), draft, {"notice_id": draft.notice_id, "order": "停产"}
    )
    assert edited.content.order == "停产" and edited.content.party_name == CONTENT["party_name"]
    out = issued(edited)
    assert out.status is NoticeStatus.ISSUED
    assert out.number == "海新海整改〔2026〕15号" and (out.number_year, out.number_seq) == (
        2026,
        15,
    )
    assert out.issued_at == NOW
    assert out.clauses == (AIR_108,)
    assert out.verification == verification_code(out.notice_id, out.number)
    assert out.rectify_deadline == cst(3, 17, 17, 30)  # 5 working days after Tuesday
    done = served(out)
    assert done.status is NoticeStatus.SERVED
    assert done.service == Service(
        ServiceMethod.DIRECT, cst(3, 11, 9), "该公司办公室", "王五", "法定代表人", ("李四", "赵六")
    )
    assert done.rectify_deadline == cst(3, 18, 17, 30)  # counted again from service
    payload = {"notice_id": done.notice_id, "result": "逾期未整改", "note": "设施仍未运行"}
    with pytest.raises(ValidationError) as early:
        act(NoticeAction.REINSPECT, actor(STREET), done, payload, cst(3, 18, 17, 0))
    assert early.value.field == "result" and "尚未届满" in early.value.message
    failed = act(NoticeAction.REINSPECT, actor(STREET), done, payload, cst(3, 19, 9))
    assert failed.status is NoticeStatus.NOT_RECTIFIED
    assert failed.reinspected_at == cst(3, 19, 9) and failed.reinspection_note == "设施仍未运行"
    case = {
        "notice_id": done.notice_id,
        "case_number": "海环罚立〔2026〕8号",
        "filed_on": "2026-03-19",
    }
    filed = act(NoticeAction.FILE_CASE, actor(BUREAU), failed, case, cst(3, 19, 10))
    assert filed.status is NoticeStatus.CASE_FILED and filed.case_filed_at == date(2026, 3, 19)
    close = {"notice_id": done.notice_id, "closed_on": "2026年3月20日", "case_result": "罚款五万元"}
    closed = act(NoticeAction.CLOSE_CASE, actor(STREET), filed, close, cst(3, 20, 10))
    assert closed.status is NoticeStatus.CASE_CLOSED
    assert (closed.case_closed_at, closed.case_result) == (date(2026, 3, 20), "罚款五万元")
    assert NoticeState.from_dict(closed.to_dict()) == closed


def test_rectified_needs_no_deadline_to_pass() -> None:
    done = served()
    payload = {"notice_id": done.notice_id, "result": "rectified", "note": "已恢复运行"}
    fixed = act(NoticeAction.REINSPECT, actor(STREET), done, payload, cst(3, 12))
    assert fixed.status is NoticeStatus.RECTIFIED and fixed.reinspected_at == cst(3, 12)
    with pytest.raises(NoticeRefused, match="复查认定逾期未整改"):
        act(NoticeAction.FILE_CASE, actor(STREET), fixed, {"case_number": "x"}, cst(3, 12))


def test_deadlines_skip_holidays_and_dates_must_be_working_days() -> None:
    out = issued(drafted(deadline_days=3), when=cst(4, 2))  # Thursday before 清明
    assert out.rectify_deadline == cst(4, 8, 17, 30)  # Fri 3, (Mon 6 off) Tue 7, Wed 8
    by_date = issued(drafted(deadline_days=None, deadline_date="2026-03-20"))
    assert by_date.rectify_deadline == cst(3, 20, 17, 30)
    with pytest.raises(ValidationError) as holiday:
        drafted(deadline_days=None, deadline_date="2026-04-06")
    assert holiday.value.field == "deadline_date" and "不是工作日" in holiday.value.message
    early = drafted(deadline_days=None, deadline_date="2026-03-09")
    with pytest.raises(ValidationError) as past:
        issued(early)
    assert past.value.field == "deadline_date"
    late = issued(drafted(deadline_days=None, deadline_date="2026-03-12"))
    payload = {"notice_id": late.notice_id, **SERVICE, "served_at": "2026-03-13 09:00"}
    with pytest.raises(ValidationError) as after:
        act(NoticeAction.SERVE, actor(STREET), late, payload, cst(3, 13, 10))
    assert after.value.field == "served_at" and "整改截止" in after.value.message


def test_an_issued_notice_is_frozen() -> None:
    out = issued()
    with pytest.raises(NoticeRefused, match="已签发"):
        act(NoticeAction.EDIT, actor(STREET), out, {"notice_id": out.notice_id, "order": "x"})
    with pytest.raises(NoticeRefused, match="已签发"):
        issued(out, seq=16)


def test_issue_checks_completeness_number_and_cited_clauses() -> None:
    draft = drafted(party_name="")
    with pytest.raises(ValidationError) as missing:
        issued(draft)
    assert missing.value.field == "party_name"
    order = drafted("correction_order", BUREAU, clause_ids=[])
    with pytest.raises(ValidationError) as uncited:
        issued(order)
    assert uncited.value.field == "clause_ids"
    draft = drafted()
    payload = {"notice_id": draft.notice_id}
    with pytest.raises(ValidationError) as no_number:
        act(NoticeAction.ISSUE, actor(STREET), draft, payload, number=None)
    assert no_number.value.field == "number" and "编号段" in no_number.value.message
    with pytest.raises(ValidationError) as no_text:
        act(NoticeAction.ISSUE, actor(STREET), draft, payload, number=(2026, 1))
    assert no_text.value.field == "clauses"
    broken = {**payload, "clauses": [{**AIR_108.to_dict(), "text": ""}]}
    with pytest.raises(ValidationError) as empty_text:
        act(NoticeAction.ISSUE, actor(STREET), draft, broken, number=(2026, 1))
    assert empty_text.value.field == "clauses.0.text"
    cited = {**payload, "clauses": [AIR_108.to_dict()]}
    with pytest.raises(ValidationError) as year:
        act(NoticeAction.ISSUE, actor(STREET), draft, cited, number=(2025, 1))
    assert year.value.field == "number" and "签发日期" in year.value.message
    with pytest.raises(ValidationError) as text:
        act(
            NoticeAction.ISSUE,
            actor(STREET),
            draft,
            {**cited, "number": "海环整改〔2026〕2号"},
            number=(2026, 1),
        )
    assert text.value.field == "number"
    printed = act(
        NoticeAction.ISSUE,
        actor(STREET),
        draft,
        {**cited, "number": "新街整改〔2026〕1号"},
        number=(2026, 1),
    )
    assert printed.number == "新街整改〔2026〕1号"  # the device's printed prefix stands
    backdated = {**cited, "issued_at": "2026-03-09 16:00"}
    out = act(NoticeAction.ISSUE, actor(STREET), draft, backdated, number=(2026, 2))
    assert out.issued_at == cst(3, 9, 16) and out.rectify_deadline == cst(3, 16, 17, 30)
    with pytest.raises(ValidationError) as ahead:
        act(
            NoticeAction.ISSUE,
            actor(STREET),
            draft,
            {**cited, "issued_at": "2026-03-10 11:00"},
            number=(2026, 3),
        )
    assert ahead.value.field == "issued_at"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"method": "飞鸽传书"}, "method"),
        ({"served_at": ""}, "served_at"),
        ({"served_at": "2026-03-10 09:59"}, "served_at"),  # before the issue
        ({"served_at": "2026-03-11 09:30"}, "served_at"),  # ahead of the clock
        ({"place": " "}, "place"),
        ({"recipient": ""}, "recipient"),
        ({"relation": ""}, "relation"),
        ({"servers": []}, "servers"),
        ({"servers": ["a", "b", "c", "d", "e", "f"]}, "servers"),
        ({"method": "留置送达"}, "witness"),
        ({"place": 7}, "place"),
    ],
)
def test_service_needs_every_field_of_the_proof(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        served(**changes)
    assert refused.value.field == field


def test_service_methods_and_advice() -> None:
    left = served(method="留置送达", witness="村委会主任张某")
    assert left.service is not None and left.service.witness == "村委会主任张某"
    alone = served(servers="李四")
    assert alone.service is not None and alone.service.servers == ("李四",)
    assert service_advice(alone.service) == ["直接送达一般应由两名送达人送达"]
    two = served(servers="李四、赵六")
    assert two.service is not None and service_advice(two.service) == []
    mailed = served(method="mail", servers=["李四"])
    assert mailed.service is not None and service_advice(mailed.service) == []


def test_follow_up_checks_dates_and_texts() -> None:
    done = served()
    base = {"notice_id": done.notice_id, "result": "rectified", "note": "已整改"}
    for changes, field in (
        ({"result": "已签发"}, "result"),
        ({"note": ""}, "note"),
        ({"inspected_at": "2026-03-11 08:00"}, "inspected_at"),
    ):
        with pytest.raises(ValidationError) as refused:
            act(NoticeAction.REINSPECT, actor(STREET), done, {**base, **changes}, cst(3, 12))
        assert refused.value.field == field
    failed = done.evolve(status=NoticeStatus.NOT_RECTIFIED, reinspected_at=cst(3, 19, 9))
    case = {"notice_id": done.notice_id, "case_number": "罚立8号", "filed_on": "2026-03-18"}
    with pytest.raises(ValidationError) as before:
        act(NoticeAction.FILE_CASE, actor(STREET), failed, case, cst(3, 20))
    assert before.value.field == "filed_on"
    with pytest.raises(ValidationError) as future:
        act(
            NoticeAction.FILE_CASE,
            actor(STREET),
            failed,
            {**case, "filed_on": "2026-03-21"},
            cst(3, 20),
        )
    assert future.value.field == "filed_on"
    filed = failed.evolve(status=NoticeStatus.CASE_FILED, case_filed_at=date(2026, 3, 19))
    close = {"notice_id": done.notice_id, "closed_on": "2026-03-18", "case_result": "罚款"}
    with pytest.raises(ValidationError) as early:
        act(NoticeAction.CLOSE_CASE, actor(STREET), filed, close, cst(3, 20))
    assert early.value.field == "closed_on"
    with pytest.raises(ValidationError) as empty:
        act(
            NoticeAction.CLOSE_CASE,
            actor(STREET),
            filed,
            {**close, "closed_on": "2026-03-20", "case_result": ""},
            cst(3, 20),
        )
    assert empty.value.field == "case_result"


# --------------------------------------------------------------------------- content


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"credit_code": "91320700MA1MXXXX0X"}, "credit_code"),
        ({"deadline_days": 5, "deadline_date": "2026-03-20"}, "deadline_days"),
        ({"deadline_days": 0}, "deadline_days"),
        ({"deadline_days": 181}, "deadline_days"),
        ({"deadline_days": "五"}, "deadline_days"),
        ({"deadline_date": "2026-02-30", "deadline_days": None}, "deadline_date"),
        ({"party_name": "x" * 201}, "party_name"),
        ({"facts": 12}, "facts"),
        ({"contact_phone": "12"}, "contact_phone"),
        ({"evidence": [f"证据{i}" for i in range(31)]}, "evidence"),
        ({"evidence": [1]}, "evidence"),
    ],
)
def test_content_errors_name_the_payload_key(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_content({**CONTENT, **changes})
    assert refused.value.field == field
    assert field_label(field) != field


def test_content_is_normalized_and_round_trips() -> None:
    content = validate_content(
        {**CONTENT, "credit_code": CONTENT["credit_code"].lower(), "evidence": "笔录\n照片\n\n笔录"}
    )
    assert content.credit_code == CONTENT["credit_code"]
    assert content.evidence == ("笔录", "照片")
    assert NoticeContent.from_dict(content.to_dict()) == content
    empty = validate_content({})
    assert empty == NoticeContent()
    with_date = validate_content({"deadline_date": "2026年3月20日"})
    assert with_date.deadline_date == date(2026, 3, 20)
    assert with_date.to_dict()["deadline_date"] == "2026-03-20"


@given(
    st.builds(
        NoticeContent,
        party_name=st.text(max_size=20),
        evidence=st.lists(st.text(max_size=10), max_size=3).map(tuple),
        deadline_days=st.none() | st.integers(1, 180),
        deadline_date=st.none() | st.dates(date(2020, 1, 1), date(2030, 1, 1)),
    )
)
def test_states_round_trip_through_json(content: NoticeContent) -> None:
    state = drafted().evolve(content=content, service=served().service, clauses=(AIR_108,))
    assert NoticeState.from_dict(state.to_dict()) == state


# --------------------------------------------------------------------------- follow-up


def test_the_rectification_deadline_warns_like_every_deadline() -> None:
    done = served()  # due Wednesday 18 March 17:30
    level = [
        notice_warning_level(done, moment, CALENDAR, RULES)
        for moment in (
            cst(3, 16, 10),  # two working days left
            cst(3, 17, 18),  # within one working day
            cst(3, 19, 10),  # overdue
            cst(3, 24, 10),  # overdue by more than three working days
        )
    ]
    assert level == [0, 1, 2, 3]
    countdown = notice_countdown(done, cst(3, 17, 17, 30), CALENDAR)
    assert countdown is not None and countdown.days == 1 and not countdown.overdue
    fixed = done.evolve(status=NoticeStatus.RECTIFIED)
    assert notice_warning_level(fixed, cst(3, 24), CALENDAR, RULES) == 0
    assert notice_countdown(fixed, cst(3, 24), CALENDAR) is None
    assert notice_warning_level(drafted(), cst(3, 24), CALENDAR, RULES) == 0


# --------------------------------------------------------------------------- drafts


@dataclass
class FakeDetail:
    """The clue fields a draft reads, as the detail view or a row holds them."""

    subject_name: str
    subject_credit_code: str
    address: str
    description: str
    category: str
    channel: str = "daily_inspection"
    channel_ref: str = ""


def test_a_draft_is_prefilled_from_the_clue() -> None:
    detail = FakeDetail(
        "连云港市某水产养殖有限公司",
        CONTENT["credit_code"],
        "新海街道通灌北路88号",
        "来电人反映：尾水直排入蔷薇河支流",
        "water",
    )
    library = [
        Clause("szfz-39", "中华人民共和国水污染防治法", "第三十九条", "……"),
        Clause("szfz-83", "中华人民共和国水污染防治法", "第八十三条", "……"),
        AIR_108,
    ]
    found = SiteFindings(date(2026, 3, 2), "养殖尾水经暗管直接排入蔷薇河支流。")
    content = draft_content_from_clue(detail, UNITS[STREET], UNITS, clauses=library, findings=found)
    assert content.party_name == detail.subject_name
    assert content.credit_code == detail.subject_credit_code
    assert content.address == detail.address
    # the handler's findings, phrased as found on site; never the complaint
    assert content.facts == (
        "2026年3月2日，我办工作人员对你单位位于新海街道通灌北路88号的生产经营场所进行现场"
        "检查，发现：养殖尾水经暗管直接排入蔷薇河支流。"
    )
    assert "来电人反映" not in content.facts and "尾水直排入" not in content.facts
    assert content.clause_ids == ("szfz-39",) and content.problem_kind == "water-evasion"
    assert content.basis_ids == ()  # a street does not order correction under the water law
    assert content.deadline_days == 10 and content.deadline_date is None
    # the directory says nothing of this street's remedies: nothing is made up
    assert content.review_body == "" and content.litigation_court == ""
    assert content.authority == "新海街道"
    assert validate_content(content.to_dict()) == content  # a valid draft as it stands
    problem = missing_for_issue(content, NoticeKind.RECTIFICATION)
    assert problem is not None and problem.field == "review_body"
    assert "编号" not in content.facts  # a daily inspection has no channel number


def test_the_channels_number_is_printed_with_the_facts() -> None:
    detail = FakeDetail(
        "某餐饮店",
        "",
        "新海街道海连东路8号",
        "来电人反映：油烟直排扰民",
        "air",
        channel="hotline_12345",
        channel_ref="2026112700123",
    )
    content = draft_content_from_clue(detail, UNITS[STREET], UNITS, today=date(2026, 11, 30))
    assert content.facts.startswith("根据12345热线（编号：2026112700123）交办，2026年11月30日，")
    assert content.facts.endswith("发现：") and "油烟直排扰民" not in content.facts
    problem = missing_for_issue(
        content.evolve(review_body="甲", litigation_court="乙"), NoticeKind.RECTIFICATION
    )
    assert problem is not None and problem.field == "facts"


# --------------------------------------------------------------------------- open notices


def test_notices_that_keep_a_clue_from_closing() -> None:
    # Closing a clue is refused while a notice of it is unserved, running or overdue
    # (issue 10); drafts and finished notices do not count.
    assert UNCLOSED_STATUSES == {
        NoticeStatus.ISSUED,
        NoticeStatus.SERVED,
        NoticeStatus.NOT_RECTIFIED,
    }
    number = "海新海整改〔2026〕15号"
    notice = issued()
    assert notice.number == number
    assert unclosed_notice(notice, cst(3, 10, 11)) == f"{number}未送达"
    done = served()  # served Wed 11 March 09:00: rectify by Wed 18 March 17:30
    assert done.rectify_deadline == cst(3, 18, 17, 30)
    assert unclosed_notice(done, cst(3, 18, 17, 30)) == f"{number}整改期内"
    assert unclosed_notice(done, cst(3, 19, 9)) == f"{number}整改已逾期"
    overdue = done.evolve(status=NoticeStatus.NOT_RECTIFIED)
    assert unclosed_notice(overdue, cst(3, 20)) == f"{number}逾期未整改"
    for status in (
        NoticeStatus.DRAFT,
        NoticeStatus.RECTIFIED,
        NoticeStatus.CASE_FILED,
        NoticeStatus.CASE_CLOSED,
    ):
        assert unclosed_notice(done.evolve(status=status), cst(3, 20)) is None


def test_an_unnumbered_open_notice_is_named_by_its_kind() -> None:
    notice = issued().evolve(number=None)
    assert unclosed_notice(notice, NOW) == "整改通知书未送达"
