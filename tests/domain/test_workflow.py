"""Tests for desktop.domain.workflow: the transition table, refusals and action effects.

Every expectation here is written by hand from DESIGN.md §2 (the closed loop and the default
time limits) and the 2026 State Council calendar: 清明 4–6 April (Monday 6 April off), 劳动节
1–5 May with Saturday 9 May a make-up working day. Office hours close at 17:30.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import pytest

from desktop.domain.calendar import WorkCalendar, default_calendar
from desktop.domain.clue import ClueState
from desktop.domain.codes import Priority, Role, Status, UnitKind
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.units import Actor, UnitInfo
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import (
    TRANSITIONS,
    Action,
    ActionRefused,
    Outcome,
    Relation,
    allowed_actions,
    apply_action,
    refusal,
    relations_of,
)

# --------------------------------------------------------------------------- fixtures


def cst(month: int, day: int, hour: int = 10, minute: int = 0, second: int = 0) -> datetime:
    """An instant of 2026 in China time."""
    return datetime(2026, month, day, hour, minute, second, tzinfo=CHINA_TZ)


NOW = cst(3, 10)  # Tuesday 10 March 2026, 10:00 — an ordinary working day
CALENDAR: WorkCalendar = default_calendar()
RULES = Rules()

CITY = "320700"  # 连云港市攻坚办
HZ = "320706"  # 海州区攻坚办
DH = "320722"  # 东海县攻坚办
HZ_T1 = "320706101"  # 新坝镇 — the lead unit of the sample clue
HZ_T2 = "320706102"  # 锦屏镇 — another township of the same county
HZ_ST = "320706001"  # 朐阳街道
HZ_DEPT = "320706901"  # 海州区生态环境局 — the assisting unit of the sample clue
CITY_DEPT = "320700901"  # 连云港市生态环境局
DH_T1 = "320722101"  # 桃林镇
DH_DEPT = "320722901"  # 东海县生态环境局
HZ_JW = "320706990"  # 海州区纪委监委
DH_JW = "320722990"  # 东海县纪委监委
CITY_JW = "320700990"  # 连云港市纪委监委


def _unit(code: str, name: str, kind: UnitKind, parent: str | None, county: str | None) -> UnitInfo:
    return UnitInfo(code=code, name=name, kind=kind, parent_code=parent, county_code=county)


UNITS: dict[str, UnitInfo] = {
    u.code: u
    for u in (
        _unit(CITY, "连云港市攻坚办", UnitKind.CITY_OFFICE, None, None),
        _unit(HZ, "海州区攻坚办", UnitKind.COUNTY_OFFICE, CITY, HZ),
        _unit(DH, "东海县攻坚办", UnitKind.COUNTY_OFFICE, CITY, DH),
        _unit(HZ_T1, "新坝镇", UnitKind.TOWNSHIP, HZ, HZ),
        _unit(HZ_T2, "锦屏镇", UnitKind.TOWNSHIP, HZ, HZ),
        _unit(HZ_ST, "朐阳街道", UnitKind.STREET, HZ, HZ),
        _unit(HZ_DEPT, "海州区生态环境局", UnitKind.DEPARTMENT, HZ, HZ),
        _unit(CITY_DEPT, "连云港市生态环境局", UnitKind.DEPARTMENT, CITY, None),
        _unit(DH_T1, "桃林镇", UnitKind.TOWNSHIP, DH, DH),
        _unit(DH_DEPT, "东海县生态环境局", UnitKind.DEPARTMENT, DH, DH),
        _unit(HZ_JW, "海州区纪委监委", UnitKind.DISCIPLINE, HZ, HZ),
        _unit(DH_JW, "东海县纪委监委", UnitKind.DISCIPLINE, DH, DH),
        _unit(CITY_JW, "连云港市纪委监委", UnitKind.DISCIPLINE, CITY, None),
    )
}


def _actor(username: str, role: Role, unit: str) -> Actor:
    return Actor(username=username, role=role, unit=UNITS[unit], device_id="pc-1")


ACTORS: dict[str, Actor] = {
    # handlers
    "lead_handler": _actor("xinba", Role.HANDLER, HZ_T1),
    "assist_handler": _actor("hzhb", Role.HANDLER, HZ_DEPT),
    "township_handler": _actor("jinping", Role.HANDLER, HZ_T2),
    "city_dept_handler": _actor("lyghb", Role.HANDLER, CITY_DEPT),
    "other_county_handler": _actor("taolin", Role.HANDLER, DH_T1),
    "office_handler": _actor("hzclerk", Role.HANDLER, HZ),
    # dispatchers
    "county_dispatcher": _actor("hzgjb", Role.DISPATCHER, HZ),
    "city_dispatcher": _actor("lyggjb", Role.DISPATCHER, CITY),
    "other_county_dispatcher": _actor("dhgjb", Role.DISPATCHER, DH),
    "township_dispatcher": _actor("jinping2", Role.DISPATCHER, HZ_T2),  # no office: no dispatch
    # supervisors
    "county_supervisor": _actor("hzjw", Role.SUPERVISOR, HZ_JW),
    "city_supervisor": _actor("lygjw", Role.SUPERVISOR, CITY_JW),
    "other_county_supervisor": _actor("dhjw", Role.SUPERVISOR, DH_JW),
    # admin
    "admin": _actor("admin", Role.ADMIN, CITY),
}

HANDLE_0324 = cst(3, 24, 17, 30)  # 10 working days after Tue 10 March
SIGN_0311 = cst(3, 11, 17, 30)  # 1 working day after Tue 10 March

REGISTERED = ClueState(
    code="HZ-2026-0001",
    status=Status.REGISTERED,
    priority=Priority.NORMAL,
    county_code=HZ,
    registered_at=cst(3, 10, 9, 0),
    deadline=SIGN_0311,
)
DISPATCHED = REGISTERED.evolve(
    status=Status.DISPATCHED,
    lead_unit=HZ_T1,
    assisting_units=(HZ_DEPT,),
    dispatched_at=cst(3, 10, 9, 30),
    handle_deadline=HANDLE_0324,
    deadline=SIGN_0311,
)
HANDLING = DISPATCHED.evolve(
    status=Status.HANDLING, signed_at=cst(3, 10, 9, 45), deadline=HANDLE_0324
)
REVIEWING = HANDLING.evolve(
    status=Status.REVIEWING, reported_at=cst(3, 10, 9, 50), deadline=cst(3, 12, 17, 30)
)
STATES: dict[str, ClueState | None] = {
    "new": None,
    "registered": REGISTERED,
    "returned": REGISTERED.evolve(status=Status.RETURNED, dispatched_at=cst(3, 10, 9, 30)),
    "dispatched": DISPATCHED,
    "handling": HANDLING,
    "handling_pending": HANDLING.evolve(extension_requested_days=3),
    "reviewing": REVIEWING,
    "closed": REVIEWING.evolve(status=Status.CLOSED, closed_at=cst(3, 10, 9, 55), deadline=None),
}

# ----------------------------------------------------------------- the independent table

# Handlers and dispatchers whose unit covers 海州区 (city-wide units cover every county).
REGISTRARS = {
    "lead_handler",
    "assist_handler",
    "township_handler",
    "city_dept_handler",
    "office_handler",
    "county_dispatcher",
    "city_dispatcher",
    "township_dispatcher",
}
AREA_DISPATCHERS = {"county_dispatcher", "city_dispatcher"}
URGERS = AREA_DISPATCHERS | {"county_supervisor", "city_supervisor"}
LEAD = {"lead_handler"}
ASSISTING = {"assist_handler"}
OPEN = {"registered", "returned", "dispatched", "handling", "handling_pending", "reviewing"}
IN_HANDLING = {"handling", "handling_pending"}

# action -> (states in which it is allowed, actors allowed there, status afterwards)
EXPECTED: dict[Action, tuple[set[str], set[str], str | None]] = {
    Action.REGISTER: ({"new"}, REGISTRARS, "registered"),
    Action.DISPATCH: ({"registered", "returned", "dispatched"}, AREA_DISPATCHERS, "dispatched"),
    Action.SIGN: ({"dispatched"}, LEAD, "handling"),
    Action.RETURN: ({"dispatched"} | IN_HANDLING, LEAD, "returned"),
    Action.REQUEST_EXTENSION: ({"handling"}, LEAD, None),
    Action.APPROVE_EXTENSION: ({"handling_pending"}, AREA_DISPATCHERS, None),
    Action.DENY_EXTENSION: ({"handling_pending"}, AREA_DISPATCHERS, None),
    Action.REPORT: (IN_HANDLING, LEAD, "reviewing"),
    Action.APPROVE: ({"reviewing"}, AREA_DISPATCHERS, "closed"),
    Action.REJECT: ({"reviewing"}, AREA_DISPATCHERS, "handling"),
    Action.VERIFICATION_FAIL: ({"closed"}, AREA_DISPATCHERS, "handling"),
    Action.URGE: (OPEN, URGERS, None),
    Action.ASSIST_REPORT: (IN_HANDLING, ASSISTING, None),
}

DRAFT: dict[str, Any] = {
    "channel": "12345热线",
    "received_at": "2026-03-10 08:40",
    "category": "大气",
    "priority": "一般",
    "description": "夜间露天焚烧垃圾，烟雾较大",
    "address": "海州区新坝镇新坝村三组",
    "county_code": HZ,
    "township_code": HZ_T1,
}
# A payload good enough for every action, so allowed actions can be applied as well.
EVERYTHING: dict[str, Any] = {
    **DRAFT,
    "lead_unit": HZ_T1,
    "assisting_units": [HZ_DEPT],
    "days": 3,
    "reason": "情况复杂，需要协调",
    "result": "已现场核查并责令整改",
    "note": "请抓紧办理",
}

CASES = [
    pytest.param(action, state, actor, id=f"{action.value}-{state}-{actor}")
    for action in Action
    for state in STATES
    for actor in ACTORS
]


def test_expectation_table_covers_every_action() -> None:
    assert set(EXPECTED) == set(Action)
    assert set(TRANSITIONS) == set(Action)
    assert len(Action) == 13


@pytest.mark.parametrize(("action", "state", "actor"), CASES)
def test_transition_table(action: Action, state: str, actor: str) -> None:
    clue = STATES[state]
    states, actors, _ = EXPECTED[action]
    expected = state in states and actor in actors
    reason = refusal(action, ACTORS[actor], clue, NOW, CALENDAR, RULES, county_code=HZ)
    if expected:
        assert reason is None, f"{actor} should be allowed to {action.value} a {state} clue"
    else:
        assert isinstance(reason, str) and reason, f"{actor} must not {action.value} ({state})"


@pytest.mark.parametrize(("action", "state", "actor"), CASES)
def test_apply_action_agrees_with_the_table(action: Action, state: str, actor: str) -> None:
    clue = STATES[state]
    states, actors, to_status = EXPECTED[action]
    before = copy.deepcopy(clue)
    args = (action, ACTORS[actor], clue, EVERYTHING, NOW, CALENDAR, RULES, UNITS)
    if state in states and actor in actors:
        outcome = apply_action(*args, code="HZ-2026-0001")
        assert outcome.action is action
        assert outcome.state.status.value == (to_status or state.removesuffix("_pending"))
        assert outcome.from_status == (None if clue is None else clue.status)
    else:
        with pytest.raises(ActionRefused) as info:
            apply_action(*args, code="HZ-2026-0001")
        assert info.value.action is action
        expected_reason = refusal(action, ACTORS[actor], clue, NOW, CALENDAR, RULES, HZ)
        assert info.value.reason == expected_reason
        assert str(info.value) == expected_reason
    assert clue == before


@pytest.mark.parametrize("state", [s for s in STATES if s != "new"])
@pytest.mark.parametrize("actor", list(ACTORS))
def test_allowed_actions_lists_the_table_in_order(state: str, actor: str) -> None:
    clue = STATES[state]
    assert clue is not None
    expected = [
        action
        for action, (states, actors, _) in EXPECTED.items()
        if action is not Action.REGISTER and state in states and actor in actors
    ]
    assert allowed_actions(ACTORS[actor], clue, NOW, CALENDAR, RULES) == expected


def test_register_outside_the_area_is_refused_by_county() -> None:
    # A 东海县 clue: the 海州区 township may not register it, the 东海县 one and the city may.
    def reason(actor: str) -> str | None:
        return refusal(Action.REGISTER, ACTORS[actor], None, NOW, CALENDAR, RULES, DH)

    assert reason("lead_handler") == "只能登记本辖区的线索"
    assert reason("county_dispatcher") == "只能登记本辖区的线索"
    assert reason("other_county_handler") is None
    assert reason("other_county_dispatcher") is None
    assert reason("city_dept_handler") is None
    assert reason("city_dispatcher") is None


def test_relations_of_the_sample_clue() -> None:
    def rel(actor: str) -> set[Relation]:
        return relations_of(ACTORS[actor], HANDLING, None)

    assert rel("lead_handler") == {Relation.AREA_UNIT, Relation.LEAD}
    assert rel("assist_handler") == {Relation.AREA_UNIT, Relation.ASSISTING}
    assert rel("township_handler") == {Relation.AREA_UNIT}
    assert rel("other_county_handler") == set()
    assert rel("county_dispatcher") == {Relation.AREA_UNIT, Relation.AREA_DISPATCHER}
    assert rel("city_dispatcher") == {Relation.AREA_UNIT, Relation.AREA_DISPATCHER}
    assert rel("township_dispatcher") == {Relation.AREA_UNIT}
    assert rel("other_county_dispatcher") == set()
    assert rel("county_supervisor") == {Relation.AREA_UNIT, Relation.AREA_SUPERVISOR}
    assert rel("city_supervisor") == {Relation.AREA_UNIT, Relation.AREA_SUPERVISOR}
    assert rel("other_county_supervisor") == set()
    assert Relation.LEAD.label == "主办单位"
    assert Relation.ASSISTING.label == "协办单位"


# --------------------------------------------------------------------------- refusal reasons


def why(action: Action, actor: str, clue: ClueState | None, now: datetime = NOW) -> str | None:
    return refusal(action, ACTORS[actor], clue, now, CALENDAR, RULES, county_code=HZ)


@pytest.mark.parametrize(
    "actor", ["assist_handler", "township_handler", "city_dept_handler", "other_county_handler"]
)
def test_only_the_lead_unit_may_sign(actor: str) -> None:
    assert why(Action.SIGN, actor, DISPATCHED) == "只有主办单位可以签收"


def test_handler_approving_gets_a_role_message() -> None:
    assert why(Action.APPROVE, "lead_handler", REVIEWING) == (
        "审核通过需要攻坚办分办人员角色，您是办理人员"
    )


def test_admin_gets_a_role_message() -> None:
    assert why(Action.DISPATCH, "admin", REGISTERED) == (
        "分办需要攻坚办分办人员角色，您是系统管理员"
    )


def test_wrong_status_names_the_status_label() -> None:
    assert why(Action.SIGN, "lead_handler", REVIEWING) == "线索当前为「待审核」，不能签收"
    assert why(Action.APPROVE, "county_dispatcher", HANDLING) == (
        "线索当前为「办理中」，不能审核通过"
    )
    assert why(Action.URGE, "county_supervisor", STATES["closed"]) == (
        "线索当前为「已办结」，不能督办"
    )
    assert why(Action.DISPATCH, "county_dispatcher", HANDLING) == "线索当前为「办理中」，不能分办"


def test_missing_and_already_registered_clues() -> None:
    assert why(Action.SIGN, "lead_handler", None) == "线索不存在，不能签收"
    assert why(Action.REGISTER, "county_dispatcher", REGISTERED) == "线索已登记"


def test_dispatch_and_review_by_another_county_office() -> None:
    assert why(Action.DISPATCH, "other_county_dispatcher", REGISTERED) == (
        "只有本辖区攻坚办可以分办"
    )
    assert why(Action.DISPATCH, "township_dispatcher", REGISTERED) == "只有本辖区攻坚办可以分办"
    assert why(Action.APPROVE, "other_county_dispatcher", REVIEWING) == "只有本辖区攻坚办可以审核"
    assert why(Action.URGE, "other_county_supervisor", HANDLING) == (
        "只有本辖区攻坚办或纪委监委可以督办"
    )
    assert why(Action.ASSIST_REPORT, "lead_handler", HANDLING) == "只有协办单位可以提交协办反馈"


def test_return_after_the_window_names_the_days() -> None:
    # Dispatched Tue 10 March 10:00: the window closes Thu 12 March 17:30.
    clue = DISPATCHED.evolve(dispatched_at=cst(3, 10))
    assert why(Action.RETURN, "lead_handler", clue, cst(3, 12, 16, 0)) is None
    message = why(Action.RETURN, "lead_handler", clue, cst(3, 13, 9, 0))
    assert message == "分办已超过 2 个工作日，不能退回"
    assert why(Action.RETURN, "lead_handler", clue.evolve(status=Status.HANDLING), cst(3, 16)) == (
        message
    )


def test_return_window_counts_working_days_over_a_weekend() -> None:
    # Dispatched Fri 13 March: the window runs to Tue 17 March 17:30.
    clue = DISPATCHED.evolve(dispatched_at=cst(3, 13))
    assert why(Action.RETURN, "lead_handler", clue, cst(3, 16, 17, 0)) is None
    assert why(Action.RETURN, "lead_handler", clue, cst(3, 17, 17, 0)) is None
    assert why(Action.RETURN, "lead_handler", clue, cst(3, 18, 9, 0)) is not None


def test_return_window_skips_the_qingming_holiday() -> None:
    # Dispatched Fri 3 April; Sat 4 – Mon 6 April are off, so the window ends Wed 8 April.
    clue = DISPATCHED.evolve(dispatched_at=cst(4, 3))
    assert why(Action.RETURN, "lead_handler", clue, cst(4, 8, 10, 0)) is None
    assert why(Action.RETURN, "lead_handler", clue, cst(4, 9, 9, 0)) is not None


def test_request_extension_twice() -> None:
    assert why(Action.REQUEST_EXTENSION, "lead_handler", HANDLING) is None
    pending = HANDLING.evolve(extension_requested_days=2)
    assert why(Action.REQUEST_EXTENSION, "lead_handler", pending) == "已有延期申请待审批"


@pytest.mark.parametrize("action", [Action.APPROVE_EXTENSION, Action.DENY_EXTENSION])
def test_decide_extension_with_none_pending(action: Action) -> None:
    assert why(action, "county_dispatcher", HANDLING) == "没有待审批的延期申请"
    assert why(action, "city_dispatcher", HANDLING) == "没有待审批的延期申请"


# The state in which each action is otherwise possible, for the supervisor checks.
STATE_FOR = {
    Action.DISPATCH: REGISTERED,
    Action.SIGN: DISPATCHED,
    Action.RETURN: DISPATCHED,
    Action.REQUEST_EXTENSION: HANDLING,
    Action.APPROVE_EXTENSION: STATES["handling_pending"],
    Action.DENY_EXTENSION: STATES["handling_pending"],
    Action.REPORT: HANDLING,
    Action.APPROVE: REVIEWING,
    Action.REJECT: REVIEWING,
    Action.VERIFICATION_FAIL: STATES["closed"],
    Action.URGE: HANDLING,
    Action.ASSIST_REPORT: HANDLING,
}


@pytest.mark.parametrize("supervisor", ["county_supervisor", "city_supervisor"])
@pytest.mark.parametrize("action", list(Action), ids=[a.value for a in Action])
def test_supervisor_may_only_urge(action: Action, supervisor: str) -> None:
    clue = STATE_FOR.get(action)
    message = why(action, supervisor, clue)
    if action is Action.URGE:
        assert message is None
    else:
        assert message is not None
        assert message.startswith(f"{action.label}需要")
        assert message.endswith("角色，您是纪委监委监督人员")


def test_register_by_supervisor_names_both_roles() -> None:
    assert why(Action.REGISTER, "county_supervisor", None) == (
        "登记需要攻坚办分办人员、办理人员角色，您是纪委监委监督人员"
    )


# --------------------------------------------------------------------------- apply_action


def act(
    action: Action,
    actor: str,
    clue: ClueState | None,
    now: datetime,
    payload: Mapping[str, Any] | None = None,
) -> Outcome:
    return apply_action(
        action, ACTORS[actor], clue, payload or {}, now, CALENDAR, RULES, UNITS, code="HZ-1"
    )


def registered(now: datetime = NOW, priority: str = "一般") -> ClueState:
    return act(
        Action.REGISTER, "township_handler", None, now, {**DRAFT, "priority": priority}
    ).state


def dispatched(now: datetime = NOW, priority: str = "一般", **payload: Any) -> ClueState:
    body = {"lead_unit": HZ_T1, "assisting_units": [HZ_DEPT], **payload}
    return act(Action.DISPATCH, "county_dispatcher", registered(now, priority), now, body).state


def test_register_outcome() -> None:
    outcome = act(Action.REGISTER, "township_handler", None, cst(3, 10, 9, 0), DRAFT)
    assert outcome.from_status is None
    assert outcome.note == ""
    assert outcome.state == ClueState(
        code="HZ-1",
        status=Status.REGISTERED,
        priority=Priority.NORMAL,
        county_code=HZ,
        registered_at=cst(3, 10, 9, 0),
        deadline=cst(3, 11, 17, 30),
    )
    assert outcome.details["channel"] == "hotline_12345"
    assert outcome.details["category"] == "air"
    assert outcome.details["priority"] == "normal"
    assert outcome.details["received_at"] == "2026-03-10T08:40:00+08:00"
    assert outcome.details["township_code"] == HZ_T1


def test_register_with_a_bad_draft_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.REGISTER, "county_dispatcher", None, NOW, {**DRAFT, "address": " "})
    assert info.value.field == "地址"


def test_register_of_another_county_is_refused() -> None:
    with pytest.raises(ActionRefused) as info:
        act(Action.REGISTER, "township_handler", None, NOW, {**DRAFT, "county_code": DH})
    assert info.value.reason == "只能登记本辖区的线索"


def test_full_closed_loop() -> None:
    clue = registered(cst(3, 10, 9, 0))

    # dispatch Tue 10 March 10:00: sign by Wed 11 March, handle by Tue 24 March 17:30
    out = act(
        Action.DISPATCH,
        "county_dispatcher",
        clue,
        cst(3, 10),
        {"lead_unit": HZ_T1, "assisting_units": [HZ_DEPT, CITY_DEPT], "note": "请核查"},
    )
    clue = out.state
    assert out.from_status is Status.REGISTERED
    assert out.note == "请核查"
    assert out.details == {
        "lead_unit": HZ_T1,
        "assisting_units": [HZ_DEPT, CITY_DEPT],
        "handle_deadline": "2026-03-24T17:30:00+08:00",
    }
    assert clue.status is Status.DISPATCHED
    assert clue.lead_unit == HZ_T1
    assert clue.assisting_units == (HZ_DEPT, CITY_DEPT)
    assert clue.dispatched_at == cst(3, 10)
    assert clue.handle_deadline == cst(3, 24, 17, 30)
    assert clue.deadline == cst(3, 11, 17, 30)

    # sign Wed 11 March 09:00: the current deadline becomes the handling deadline
    clue = act(Action.SIGN, "lead_handler", clue, cst(3, 11, 9, 0)).state
    assert clue.status is Status.HANDLING
    assert clue.signed_at == cst(3, 11, 9, 0)
    assert clue.deadline == cst(3, 24, 17, 30)

    # the assisting units report their part
    out = act(Action.ASSIST_REPORT, "city_dept_handler", clue, cst(3, 12), {"note": "已配合检测"})
    assert out.state == clue
    assert out.note == "已配合检测"

    # request 3 days on Fri 20 March; nothing moves until approved
    out = act(
        Action.REQUEST_EXTENSION,
        "lead_handler",
        clue,
        cst(3, 20),
        {"days": "3", "reason": "需检测"},
    )
    clue = out.state
    assert out.note == "需检测"
    assert out.details == {"days": 3}
    assert clue.status is Status.HANDLING
    assert clue.extension_requested_days == 3
    assert clue.handle_deadline == clue.deadline == cst(3, 24, 17, 30)

    # approve: Tue 24 March + 3 working days = Fri 27 March 17:30
    out = act(Action.APPROVE_EXTENSION, "county_dispatcher", clue, cst(3, 20, 15, 0))
    clue = out.state
    assert out.details == {"days": 3, "handle_deadline": "2026-03-27T17:30:00+08:00"}
    assert clue.status is Status.HANDLING
    assert clue.handle_deadline == clue.deadline == cst(3, 27, 17, 30)
    assert clue.extension_requested_days == 0
    assert clue.extended_days == 3

    # report Wed 25 March: review within 2 working days, by Fri 27 March 17:30
    out = act(Action.REPORT, "lead_handler", clue, cst(3, 25), {"result": "已责令停止焚烧"})
    clue = out.state
    assert out.note == "已责令停止焚烧"
    assert clue.status is Status.REVIEWING
    assert clue.reported_at == cst(3, 25)
    assert clue.deadline == cst(3, 27, 17, 30)

    # reject Thu 26 March: rework 5 working days (Thu 2 April) beats the old Fri 27 March
    out = act(Action.REJECT, "county_dispatcher", clue, cst(3, 26), {"reason": "缺少现场照片"})
    clue = out.state
    assert out.note == "缺少现场照片"
    assert out.details == {"handle_deadline": "2026-04-02T17:30:00+08:00"}
    assert clue.status is Status.HANDLING
    assert clue.reported_at is None
    assert clue.handle_deadline == clue.deadline == cst(4, 2, 17, 30)

    # report again Tue 31 March: review by Thu 2 April
    clue = act(Action.REPORT, "lead_handler", clue, cst(3, 31), {"result": "补充照片"}).state
    assert clue.status is Status.REVIEWING
    assert clue.deadline == cst(4, 2, 17, 30)

    # approve Wed 1 April: closed, no deadline any more
    out = act(Action.APPROVE, "city_dispatcher", clue, cst(4, 1))
    clue = out.state
    assert out.from_status is Status.REVIEWING
    assert clue.status is Status.CLOSED
    assert clue.closed_at == cst(4, 1)
    assert clue.deadline is None

    # weekly verification Fri 3 April finds a fault: a full 10 working days again, skipping
    # 清明 (Mon 6 April off): due Mon 20 April 17:30
    out = act(Action.VERIFICATION_FAIL, "county_dispatcher", clue, cst(4, 3), {"reason": "复燃"})
    clue = out.state
    assert out.note == "复燃"
    assert out.details == {"handle_deadline": "2026-04-20T17:30:00+08:00"}
    assert clue.status is Status.HANDLING
    assert clue.closed_at is None
    assert clue.reported_at is None
    assert clue.handle_deadline == clue.deadline == cst(4, 20, 17, 30)
    assert clue.lead_unit == HZ_T1
    assert clue.extended_days == 3


def test_reject_keeps_a_later_handle_deadline() -> None:
    clue = act(Action.SIGN, "lead_handler", dispatched(), cst(3, 10, 11)).state
    clue = act(Action.REPORT, "lead_handler", clue, cst(3, 11), {"result": "已整改"}).state
    # 5 working days from Wed 11 March is Wed 18 March; the handle deadline Tue 24 March wins
    clue = act(Action.REJECT, "county_dispatcher", clue, cst(3, 11, 15), {"reason": "不彻底"}).state
    assert clue.status is Status.HANDLING
    assert clue.handle_deadline == clue.deadline == cst(3, 24, 17, 30)


@pytest.mark.parametrize(
    ("now", "priority", "handle", "sign"),
    [
        (cst(3, 10), "一般", cst(3, 24, 17, 30), cst(3, 11, 17, 30)),
        (cst(3, 10), "紧急", cst(3, 13, 17, 30), cst(3, 11, 17, 30)),
        (cst(3, 10), "特急", cst(3, 11, 17, 30), cst(3, 11, 17, 30)),
        (cst(3, 10), "urgent", cst(3, 13, 17, 30), cst(3, 11, 17, 30)),
        # Thu 30 April, before 劳动节 (1–5 May off, Sat 9 May worked)
        (cst(4, 30), "一般", cst(5, 18, 17, 30), cst(5, 6, 17, 30)),
        (cst(4, 30), "紧急", cst(5, 8, 17, 30), cst(5, 6, 17, 30)),
        (cst(4, 30), "特急", cst(5, 6, 17, 30), cst(5, 6, 17, 30)),
        # Thu 7 May: 3 working days are Fri 8, Sat 9 (make-up day) and Mon 11 May
        (cst(5, 7), "紧急", cst(5, 11, 17, 30), cst(5, 8, 17, 30)),
    ],
)
def test_default_deadlines_by_priority(
    now: datetime, priority: str, handle: datetime, sign: datetime
) -> None:
    clue = dispatched(now, priority)
    assert clue.handle_deadline == handle
    assert clue.deadline == sign


def test_verification_fail_uses_the_priority_period() -> None:
    clue = dispatched(priority="紧急")
    clue = act(Action.SIGN, "lead_handler", clue, cst(3, 10, 11)).state
    clue = act(Action.REPORT, "lead_handler", clue, cst(3, 11), {"result": "已整改"}).state
    clue = act(Action.APPROVE, "county_dispatcher", clue, cst(3, 11, 15)).state
    clue = act(
        Action.VERIFICATION_FAIL, "county_dispatcher", clue, cst(3, 16), {"reason": "x"}
    ).state
    assert clue.handle_deadline == cst(3, 19, 17, 30)  # Mon 16 + 3 working days = Thu 19


def test_dispatch_with_an_explicit_handle_deadline() -> None:
    clue = dispatched(handle_deadline="2026-03-20 17:30")
    assert clue.handle_deadline == cst(3, 20, 17, 30)
    assert clue.deadline == cst(3, 11, 17, 30)


def test_explicit_handle_deadline_before_the_sign_deadline_caps_it() -> None:
    clue = dispatched(handle_deadline="2026-03-10 16:00")
    assert clue.handle_deadline == clue.deadline == cst(3, 10, 16, 0)


@pytest.mark.parametrize(
    "deadline",
    ["2026-03-09 17:30", "2026-03-10 10:00", "2026-03-10T01:00:00Z", "下周五", "2026-02-30"],
)
def test_dispatch_with_a_bad_handle_deadline(deadline: str) -> None:
    with pytest.raises(ValidationError) as info:
        dispatched(handle_deadline=deadline)
    assert info.value.field == "办理时限"


@pytest.mark.parametrize("lead", [DH_T1, DH_DEPT, HZ, CITY, HZ_JW, "999999", "", None])
def test_dispatch_lead_must_be_a_handling_unit_of_the_county(lead: str | None) -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.DISPATCH, "county_dispatcher", REGISTERED, NOW, {"lead_unit": lead})
    assert info.value.field == "主办单位"


def test_dispatch_to_a_city_department_or_a_street() -> None:
    out = act(
        Action.DISPATCH,
        "city_dispatcher",
        REGISTERED,
        NOW,
        {"lead_unit": CITY_DEPT, "assisting_units": [HZ_ST]},
    )
    assert out.state.lead_unit == CITY_DEPT
    assert out.state.assisting_units == (HZ_ST,)


@pytest.mark.parametrize(
    "assisting",
    [[HZ_DEPT, HZ_DEPT], [HZ_T1], [HZ_DEPT, HZ_T1], [DH_T1], [HZ], ["999999"]],
)
def test_dispatch_with_bad_assisting_units(assisting: list[str]) -> None:
    with pytest.raises(ValidationError) as info:
        act(
            Action.DISPATCH,
            "county_dispatcher",
            REGISTERED,
            NOW,
            {"lead_unit": HZ_T1, "assisting_units": assisting},
        )
    assert info.value.field == "协办单位"


def test_redispatch_moves_the_clue_to_another_unit() -> None:
    clue = dispatched()
    out = act(Action.DISPATCH, "county_dispatcher", clue, cst(3, 10, 15), {"lead_unit": HZ_T2})
    assert out.from_status is Status.DISPATCHED
    assert out.state.status is Status.DISPATCHED
    assert out.state.lead_unit == HZ_T2
    assert out.state.assisting_units == ()
    assert out.state.dispatched_at == cst(3, 10, 15)
    with pytest.raises(ActionRefused):
        act(Action.SIGN, "lead_handler", out.state, cst(3, 10, 16))
    assert act(Action.SIGN, "township_handler", out.state, cst(3, 10, 16)).state.status is (
        Status.HANDLING
    )


def test_return_and_dispatch_again() -> None:
    clue = act(Action.SIGN, "lead_handler", dispatched(), cst(3, 10, 11)).state
    out = act(Action.RETURN, "lead_handler", clue, cst(3, 11), {"reason": "不属于本镇辖区"})
    returned = out.state
    assert out.note == "不属于本镇辖区"
    assert out.details == {"returned_by": HZ_T1}
    assert returned.status is Status.RETURNED
    assert returned.lead_unit is None
    assert returned.assisting_units == ()
    assert returned.signed_at is None
    assert returned.handle_deadline is None
    assert returned.deadline == cst(3, 12, 17, 30)
    again = act(Action.DISPATCH, "county_dispatcher", returned, cst(3, 12), {"lead_unit": HZ_T2})
    assert again.from_status is Status.RETURNED
    assert again.state.handle_deadline == cst(3, 26, 17, 30)
    assert again.state.deadline == cst(3, 13, 17, 30)


@pytest.mark.parametrize("payload", [{}, {"reason": ""}, {"reason": "  \n "}, {"reason": None}])
def test_return_without_reason(payload: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.RETURN, "lead_handler", DISPATCHED, NOW, payload)
    assert info.value.field == "退回理由"


@pytest.mark.parametrize("days", [0, 11, -1, "0", "11", "三", "2.5", None, ""])
def test_extension_days_out_of_range(days: Any) -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.REQUEST_EXTENSION, "lead_handler", HANDLING, NOW, {"days": days, "reason": "x"})
    assert info.value.field == "延期天数"


@pytest.mark.parametrize("days", [1, 10, " 10 "])
def test_extension_days_at_the_bounds(days: Any) -> None:
    out = act(
        Action.REQUEST_EXTENSION, "lead_handler", HANDLING, NOW, {"days": days, "reason": "x"}
    )
    assert out.state.extension_requested_days == int(str(days))


def test_extension_needs_a_reason() -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.REQUEST_EXTENSION, "lead_handler", HANDLING, NOW, {"days": 3})
    assert info.value.field == "延期理由"


def test_approve_ten_days_over_qingming() -> None:
    # handle deadline Thu 2 April 17:30 + 10 working days (Mon 6 April off) = Fri 17 April
    clue = HANDLING.evolve(handle_deadline=cst(4, 2, 17, 30), extension_requested_days=10)
    out = act(Action.APPROVE_EXTENSION, "county_dispatcher", clue, NOW)
    assert out.state.handle_deadline == out.state.deadline == cst(4, 17, 17, 30)
    assert out.state.extended_days == 10


def test_deny_extension() -> None:
    pending = act(
        Action.REQUEST_EXTENSION, "lead_handler", HANDLING, NOW, {"days": 2, "reason": "x"}
    ).state
    with pytest.raises(ValidationError) as info:
        act(Action.DENY_EXTENSION, "county_dispatcher", pending, NOW, {})
    assert info.value.field == "不予延期理由"
    out = act(Action.DENY_EXTENSION, "county_dispatcher", pending, NOW, {"reason": "理由不充分"})
    assert out.note == "理由不充分"
    assert out.state == HANDLING
    assert out.state.extended_days == 0


@pytest.mark.parametrize(
    ("action", "actor", "clue", "field"),
    [
        (Action.REPORT, "lead_handler", HANDLING, "办理结果"),
        (Action.REJECT, "county_dispatcher", REVIEWING, "驳回理由"),
        (Action.VERIFICATION_FAIL, "county_dispatcher", STATES["closed"], "核查意见"),
        (Action.URGE, "county_supervisor", HANDLING, "督办意见"),
        (Action.ASSIST_REPORT, "assist_handler", HANDLING, "协办意见"),
    ],
)
def test_text_required_by_actions(action: Action, actor: str, clue: ClueState, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        act(action, actor, clue, NOW, {"reason": "", "result": " ", "note": ""})
    assert info.value.field == field


def test_urge_changes_nothing_but_is_recorded() -> None:
    out = act(Action.URGE, "city_supervisor", HANDLING, NOW, {"note": "请于本周内办结"})
    assert out.state == HANDLING
    assert out.from_status is Status.HANDLING
    assert out.note == "请于本周内办结"


AFTER_WINDOW = cst(3, 20)  # DISPATCHED was dispatched Tue 10 March: too late to return


@pytest.mark.parametrize(
    ("action", "actor", "clue", "payload", "now", "error"),
    [
        (Action.SIGN, "assist_handler", DISPATCHED, {}, NOW, ActionRefused),
        (Action.APPROVE, "lead_handler", REVIEWING, {}, NOW, ActionRefused),
        (Action.RETURN, "lead_handler", DISPATCHED, {"reason": "x"}, AFTER_WINDOW, ActionRefused),
        (
            Action.REQUEST_EXTENSION,
            "lead_handler",
            STATES["handling_pending"],
            {},
            NOW,
            ActionRefused,
        ),
        (Action.APPROVE_EXTENSION, "county_dispatcher", HANDLING, {}, NOW, ActionRefused),
        (Action.URGE, "other_county_supervisor", HANDLING, {"note": "x"}, NOW, ActionRefused),
        (
            Action.DISPATCH,
            "county_dispatcher",
            REGISTERED,
            {"lead_unit": DH_T1},
            NOW,
            ValidationError,
        ),
        (Action.REQUEST_EXTENSION, "lead_handler", HANDLING, {"days": 11}, NOW, ValidationError),
        (Action.RETURN, "lead_handler", HANDLING, {}, NOW, ValidationError),
    ],
)
def test_failed_actions_change_nothing(
    action: Action,
    actor: str,
    clue: ClueState,
    payload: dict[str, Any],
    now: datetime,
    error: type[Exception],
) -> None:
    before = copy.deepcopy(clue)
    with pytest.raises(error):
        act(action, actor, clue, now, payload)
    assert clue == before
    assert clue.status is before.status


# --------------------------------------------------------------------------- command types


@pytest.mark.parametrize("action", list(Action), ids=[a.value for a in Action])
def test_command_type_round_trip(action: Action) -> None:
    assert action.command_type == f"clue.{action.value}.v1"
    assert Action.from_command_type(action.command_type) is action


def test_command_type_examples() -> None:
    assert Action.SIGN.command_type == "clue.sign.v1"
    assert Action.from_command_type("clue.sign.v1") is Action.SIGN
    assert Action.from_command_type("clue.request_extension.v1") is Action.REQUEST_EXTENSION
    assert Action.SIGN.label == "签收"
    assert Action.VERIFICATION_FAIL.label == "核查不合格"


@pytest.mark.parametrize(
    "command",
    [
        "clue.sign.v2",
        "clue.sign.v0",
        "clue.sign",
        "clue.sign.V1",
        "case.sign.v1",
        "clue.fly.v1",
        "clue..v1",
        "clue.sign.extra.v1",
        "sign",
        "",
    ],
)
def test_unknown_command_types(command: str) -> None:
    with pytest.raises(ValueError):
        Action.from_command_type(command)
