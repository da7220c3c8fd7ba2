"""Tests for desktop.domain.workflow: the transition table, refusals and action effects.

Every expectation here is written by hand from DESIGN.md §2 (the closed loop and the default
time limits), issue 10 (ownership: the office that owns a clue dispatches, reviews and closes
it; sign-off by the unit's head; callbacks; duplicates and refusals) and the 2026 State
Council calendar: 清明 4–6 April (Monday 6 April off), 劳动节 1–5 May with Saturday 9 May a
make-up working day. Office hours close at 17:30. The fixtures live in tests/domain/loopkit.py.
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

import pytest

from desktop.domain.clue import ClueState
from desktop.domain.codes import CallbackResult, Channel, Finding, Priority, Status
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import (
    SYSTEM_ACTIONS,
    TRANSITIONS,
    Action,
    ActionRefused,
    Relation,
    allowed_actions,
    apply_action,
    refusal,
    relations_of,
)
from tests.domain.loopkit import (
    ACTORS,
    CALENDAR,
    CITY,
    CITY_DEPT,
    CITY_JW,
    CLOSED,
    DH,
    DH_DEPT,
    DH_T1,
    DISPATCHED,
    DRAFT,
    EVERYTHING,
    HANDLING,
    HZ,
    HZ_DEPT,
    HZ_JW,
    HZ_ST,
    HZ_T1,
    HZ_T2,
    NOW,
    ORIGINAL_CLOSED,
    ORIGINAL_OPEN,
    REGISTERED,
    REPORT,
    REVIEWING,
    RULES,
    STATES,
    STATUS_OF,
    UNITS,
    act,
    cst,
    dispatched,
    lookup_of,
    owned_by,
    registered,
    why,
)

# ----------------------------------------------------------------- the independent table

# Everyone whose unit covers 海州区 (city-wide units cover every county) and whose role
# registers: handlers and dispatchers (the discipline commission acts on clues only through its
# own records: suggestions, 督办函 and accountability).
REGISTRARS = {
    "lead_handler",
    "lead_clerk",
    "assist_handler",
    "township_handler",
    "city_dept_handler",
    "office_handler",
    "county_dispatcher",
    "city_dispatcher",
    "township_dispatcher",
}
AREA_DISPATCHERS = {"county_dispatcher", "city_dispatcher"}
URGERS = AREA_DISPATCHERS  # the commission urges by its own 督办函, not on the clue
LEAD = {"lead_handler", "lead_clerk"}  # the lead unit's head and its clerk
LEAD_HEAD = {"lead_handler"}
ASSISTING = {"assist_handler"}
UNDISPATCHED = {"registered", "returned"}
IN_HANDLING = {"handling", "handling_pending"}
OPEN = UNDISPATCHED | {"dispatched", "signoff", "reviewing"} | IN_HANDLING
CLOSED_STATES = {"closed", "closed_unsatisfied"}

# The owner of the sample clue: its county's office, or the city office (after 提级办理, or
# because the city registered it).
OWNERS = {"county": HZ, "city": CITY}
OWNER_DISPATCHER = {"county": "county_dispatcher", "city": "city_dispatcher"}


def expected_table(owner: str) -> dict[Action, tuple[set[str], set[str], str | None]]:
    """action -> (states in which it is allowed, actors allowed there, status afterwards)."""
    owners = {OWNER_DISPATCHER[owner]}
    county_owned = owner == "county"
    return {
        Action.REGISTER: ({"new"}, REGISTRARS, "registered"),
        Action.DISPATCH: (UNDISPATCHED | {"dispatched"}, owners, "dispatched"),
        # a county sends a misrouted clue back to the city; the city has nobody to send it to
        Action.RETURN_TO_CITY: (UNDISPATCHED, owners if county_owned else set(), "returned"),
        # only the city re-routes a clue it owns to another county
        Action.TRANSFER: (UNDISPATCHED, set() if county_owned else owners, "registered"),
        # the city takes over any open clue it does not own yet
        Action.TAKE_OVER: (OPEN, {"city_dispatcher"} if county_owned else set(), None),
        Action.MARK_DUPLICATE: (UNDISPATCHED, owners, "duplicate"),
        Action.CLOSE_WITH_ORIGINAL: ({"duplicate"}, AREA_DISPATCHERS, "closed"),
        Action.REFUSE: (UNDISPATCHED, owners, "refused"),
        Action.SIGN: ({"dispatched"}, LEAD, "handling"),
        Action.RETURN: ({"dispatched"} | IN_HANDLING, LEAD, "returned"),
        Action.REQUEST_EXTENSION: ({"handling"}, LEAD, None),
        Action.APPROVE_EXTENSION: ({"handling_pending"}, owners, None),
        Action.DENY_EXTENSION: ({"handling_pending"}, owners, None),
        Action.REPORT: (IN_HANDLING, LEAD, "reviewing"),  # a clerk's goes to sign-off
        Action.SIGNOFF_APPROVE: ({"signoff"}, LEAD_HEAD, "reviewing"),
        Action.SIGNOFF_REJECT: ({"signoff"}, LEAD_HEAD, "handling"),
        Action.CALLBACK: ({"reviewing"} | CLOSED_STATES, owners | LEAD, None),
        Action.APPROVE: ({"reviewing"}, owners, "closed"),
        Action.REJECT: ({"reviewing"}, owners, "handling"),
        Action.REOPEN: ({"closed_unsatisfied"}, owners, "handling"),
        Action.VERIFICATION_FAIL: (CLOSED_STATES, AREA_DISPATCHERS, "handling"),
        Action.URGE: (OPEN, URGERS, None),
        Action.ASSIST_REPORT: (IN_HANDLING, ASSISTING, None),
    }


# Where the status afterwards depends on who acts: a clerk's report awaits the head.
TARGET_BY_ACTOR = {(Action.REPORT, "lead_clerk"): "signoff"}
# What an action needs to look up: the original of a duplicate, open or already closed.
CONTEXT_FOR = {Action.CLOSE_WITH_ORIGINAL: lookup_of(ORIGINAL_CLOSED)}
DEFAULT_CONTEXT = lookup_of(ORIGINAL_OPEN)

CASES = [
    pytest.param(owner, action, state, actor, id=f"{owner}-{action.value}-{state}-{actor}")
    for owner in OWNERS
    for action in Action
    for state in owned_by(OWNERS[owner])
    for actor in ACTORS
]


def test_expectation_table_covers_every_action() -> None:
    for owner in OWNERS:
        assert list(expected_table(owner)) == list(TRANSITIONS)
    assert set(TRANSITIONS) == set(Action)
    assert len(Action) == 23
    assert set(STATUS_OF.values()) == set(Status)


def test_system_actions_are_registering_and_closing_with_the_original() -> None:
    assert SYSTEM_ACTIONS == {Action.REGISTER, Action.CLOSE_WITH_ORIGINAL}


@pytest.mark.parametrize(("owner", "action", "state", "actor"), CASES)
def test_transition_table(owner: str, action: Action, state: str, actor: str) -> None:
    """`refusal` agrees with the table, and `apply_action` with both: an allowed action
    applies and lands in the expected status, a refused one raises the same reason; neither
    changes the clue it was given. (One test for both, to keep the table's 8,000 cases
    quick.)"""
    clue = owned_by(OWNERS[owner])[state]
    states, actors, to_status = expected_table(owner)[action]
    expected = state in states and actor in actors
    reason = refusal(action, ACTORS[actor], clue, NOW, CALENDAR, RULES, county_code=HZ)
    if expected:
        assert reason is None, f"{actor} should be allowed to {action.value} a {state} clue"
    else:
        assert isinstance(reason, str) and reason, f"{actor} must not {action.value} ({state})"

    before = copy.deepcopy(clue)
    context = CONTEXT_FOR.get(action, DEFAULT_CONTEXT)
    args = (action, ACTORS[actor], clue, EVERYTHING, NOW, CALENDAR, RULES, UNITS)
    if expected:
        outcome = apply_action(*args, code="HZ-2026-0001", context=context)
        assert outcome.action is action
        target = TARGET_BY_ACTOR.get((action, actor), to_status)
        assert outcome.state.status is (Status(target) if target else STATUS_OF[state])
        assert outcome.from_status == (None if clue is None else clue.status)
    else:
        with pytest.raises(ActionRefused) as info:
            apply_action(*args, code="HZ-2026-0001", context=context)
        assert info.value.action is action
        expected_reason = refusal(action, ACTORS[actor], clue, NOW, CALENDAR, RULES, HZ, UNITS)
        assert info.value.reason == expected_reason
        assert str(info.value) == expected_reason
    assert clue == before


@pytest.mark.parametrize("owner", list(OWNERS))
@pytest.mark.parametrize("state", [s for s in STATES if s != "new"])
@pytest.mark.parametrize("actor", list(ACTORS))
def test_allowed_actions_lists_the_table_in_order(owner: str, state: str, actor: str) -> None:
    clue = owned_by(OWNERS[owner])[state]
    assert clue is not None
    expected = [
        action
        for action, (states, actors, _) in expected_table(owner).items()
        if action not in (Action.REGISTER, Action.CLOSE_WITH_ORIGINAL)
        and state in states
        and actor in actors
    ]
    assert allowed_actions(ACTORS[actor], clue, NOW, CALENDAR, RULES) == expected
    assert allowed_actions(ACTORS[actor], clue, NOW, CALENDAR, RULES, UNITS) == expected


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
    def rel(actor: str, clue: ClueState = HANDLING) -> set[Relation]:
        return relations_of(ACTORS[actor], clue, None)

    area, dispatcher = Relation.AREA_UNIT, Relation.AREA_DISPATCHER
    assert rel("lead_handler") == {area, Relation.LEAD, Relation.LEAD_HEAD}
    assert rel("lead_clerk") == {area, Relation.LEAD}
    assert rel("assist_handler") == {area, Relation.ASSISTING}
    assert rel("township_handler") == {area}
    assert rel("other_county_handler") == set()
    assert rel("office_handler") == {area}  # works at the owning office, but does not dispatch
    assert rel("county_dispatcher") == {area, dispatcher, Relation.OWNER}
    assert rel("city_dispatcher") == {area, dispatcher, Relation.CITY_OFFICE}
    assert rel("township_dispatcher") == {area}
    assert rel("other_county_dispatcher") == set()
    assert rel("county_supervisor") == {area, Relation.AREA_SUPERVISOR}
    assert rel("city_supervisor") == {area, Relation.AREA_SUPERVISOR}
    assert rel("other_county_supervisor") == set()
    assert rel("admin") == {area}
    # once the city owns it, the county office is one dispatcher of the area among others
    city_owned = HANDLING.evolve(owner_unit=CITY)
    assert rel("county_dispatcher", city_owned) == {area, dispatcher}
    assert rel("city_dispatcher", city_owned) == {
        area,
        dispatcher,
        Relation.CITY_OFFICE,
        Relation.OWNER,
    }
    assert Relation.LEAD.label == "主办单位"
    assert Relation.ASSISTING.label == "协办单位"
    assert Relation.LEAD_HEAD.label == "主办单位负责人"
    assert Relation.OWNER.label == "承办攻坚办"


def test_a_clue_without_a_recorded_owner_belongs_to_its_county_office() -> None:
    legacy = HANDLING.evolve(owner_unit=None)
    assert Relation.OWNER in relations_of(ACTORS["county_dispatcher"], legacy, None)
    assert Relation.OWNER not in relations_of(ACTORS["city_dispatcher"], legacy, None)


# --------------------------------------------------------------------------- refusal reasons


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
    assert why(Action.URGE, "county_dispatcher", STATES["closed"]) == (
        "线索当前为「已办结」，不能督办"
    )
    assert why(Action.DISPATCH, "county_dispatcher", HANDLING) == "线索当前为「办理中」，不能分办"
    assert why(Action.REPORT, "lead_handler", STATES["signoff"]) == (
        "线索当前为「待审签」，不能反馈"
    )
    assert why(Action.URGE, "county_dispatcher", STATES["duplicate"]) == (
        "线索当前为「重复件」，不能督办"
    )
    assert why(Action.URGE, "county_dispatcher", STATES["refused"]) == (
        "线索当前为「不予受理」，不能督办"
    )


def test_missing_and_already_registered_clues() -> None:
    assert why(Action.SIGN, "lead_handler", None) == "线索不存在，不能签收"
    assert why(Action.REGISTER, "county_dispatcher", REGISTERED) == "线索已登记"


def test_dispatch_and_review_by_another_office_name_the_owner() -> None:
    # The clue belongs to the 海州区 office: everyone else is told who owns it, and the city
    # that it must take the clue over first.
    owner = "本线索由「海州区攻坚办」承办，只有该办可以"
    hint = "（市攻坚办须先提级办理）"
    assert why(Action.DISPATCH, "other_county_dispatcher", REGISTERED) == f"{owner}分办{hint}"
    assert why(Action.DISPATCH, "township_dispatcher", REGISTERED) == f"{owner}分办{hint}"
    assert why(Action.DISPATCH, "city_dispatcher", REGISTERED) == f"{owner}分办{hint}"
    assert why(Action.APPROVE, "other_county_dispatcher", REVIEWING) == (f"{owner}审核通过{hint}")
    assert why(Action.APPROVE, "city_dispatcher", REVIEWING) == f"{owner}审核通过{hint}"
    assert why(Action.REJECT, "city_dispatcher", REVIEWING) == f"{owner}驳回{hint}"
    assert why(Action.URGE, "other_county_dispatcher", HANDLING) == (
        "只有本辖区攻坚办可以督办（纪委监委以督办函督办）"
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
    city_owned = HANDLING.evolve(owner_unit=CITY)
    assert why(action, "city_dispatcher", city_owned) == "没有待审批的延期申请"
    # an office that does not own the clue hears about ownership, not about the request
    assert why(action, "city_dispatcher", HANDLING) == (
        f"本线索由「海州区攻坚办」承办，只有该办可以{action.label}（市攻坚办须先提级办理）"
    )


# The state in which each action is otherwise possible, for the supervisor checks.
STATE_FOR: dict[Action, ClueState | None] = {
    Action.REGISTER: None,
    Action.DISPATCH: REGISTERED,
    Action.RETURN_TO_CITY: REGISTERED,
    Action.TRANSFER: REGISTERED.evolve(owner_unit=CITY),
    Action.TAKE_OVER: HANDLING,
    Action.MARK_DUPLICATE: REGISTERED,
    Action.CLOSE_WITH_ORIGINAL: STATES["duplicate"],
    Action.REFUSE: REGISTERED,
    Action.SIGN: DISPATCHED,
    Action.RETURN: DISPATCHED,
    Action.REQUEST_EXTENSION: HANDLING,
    Action.APPROVE_EXTENSION: STATES["handling_pending"],
    Action.DENY_EXTENSION: STATES["handling_pending"],
    Action.REPORT: HANDLING,
    Action.SIGNOFF_APPROVE: STATES["signoff"],
    Action.SIGNOFF_REJECT: STATES["signoff"],
    Action.CALLBACK: REVIEWING,
    Action.APPROVE: STATES["reviewing"],
    Action.REJECT: REVIEWING,
    Action.REOPEN: STATES["closed_unsatisfied"],
    Action.VERIFICATION_FAIL: STATES["closed"],
    Action.URGE: HANDLING,
    Action.ASSIST_REPORT: HANDLING,
}


def test_state_for_covers_every_action() -> None:
    assert set(STATE_FOR) == set(Action)


@pytest.mark.parametrize("supervisor", ["county_supervisor", "city_supervisor"])
@pytest.mark.parametrize("action", list(Action), ids=[a.value for a in Action])
def test_the_commission_takes_no_action_on_a_clue(action: Action, supervisor: str) -> None:
    # It supervises through its own records (suggestions, 督办函, accountability).
    message = why(action, supervisor, STATE_FOR[action])
    assert message is not None
    assert message.startswith(f"{action.label}需要")
    assert message.endswith("角色，您是纪委监委监督人员")


def test_register_by_admin_names_every_role() -> None:
    assert why(Action.REGISTER, "admin", None) == (
        "登记需要攻坚办分办人员、办理人员角色，您是系统管理员"
    )


# --------------------------------------------------------------------------- apply_action


def test_register_outcome() -> None:
    outcome = act(Action.REGISTER, "township_handler", None, cst(3, 10, 9, 0), DRAFT)
    assert outcome.from_status is None
    assert outcome.note == ""
    # A township registers for its county: the county office owns the clue.
    assert outcome.state == ClueState(
        code="HZ-1",
        status=Status.REGISTERED,
        priority=Priority.NORMAL,
        county_code=HZ,
        township_code=HZ_T1,
        registered_at=cst(3, 10, 9, 0),
        deadline=cst(3, 11, 17, 30),
        channel=Channel.HOTLINE_12369,
        owner_unit=HZ,
    )
    assert outcome.draft is not None and outcome.draft.county_code == HZ
    assert outcome.details["channel"] == "hotline_12369"
    assert outcome.details["channel_ref"] == ""
    assert outcome.details["due_by"] is None
    assert outcome.details["category"] == "air"
    assert outcome.details["priority"] == "normal"
    assert outcome.details["received_at"] == "2026-03-10T08:40:00+08:00"
    assert outcome.details["township_code"] == HZ_T1


def test_register_with_a_bad_draft_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.REGISTER, "county_dispatcher", None, NOW, {**DRAFT, "address": " "})
    assert info.value.field == "address"
    assert str(info.value) == "地址：不能为空"


def test_register_of_another_county_is_refused() -> None:
    with pytest.raises(ActionRefused) as info:
        act(Action.REGISTER, "township_handler", None, NOW, {**DRAFT, "county_code": DH})
    assert info.value.reason == "只能登记本辖区的线索"


def test_full_closed_loop() -> None:
    clue = registered(cst(3, 10, 9, 0))
    assert clue.owner_unit == HZ

    # dispatch Tue 10 March 10:00: sign by Wed 11 March, handle by Tue 24 March 17:30
    out = act(
        Action.DISPATCH,
        "county_dispatcher",
        clue,
        cst(3, 10),
        {"lead_unit": HZ_T1, "assisting_units": [HZ_DEPT, HZ_ST], "note": "请核查"},
    )
    clue = out.state
    assert out.from_status is Status.REGISTERED
    assert out.note == "请核查"
    assert out.details == {
        "lead_unit": HZ_T1,
        "assisting_units": [HZ_DEPT, HZ_ST],
        "handle_deadline": "2026-03-24T17:30:00+08:00",
    }
    assert clue.status is Status.DISPATCHED
    assert clue.lead_unit == HZ_T1
    assert clue.assisting_units == (HZ_DEPT, HZ_ST)
    assert clue.dispatched_at == cst(3, 10)
    assert clue.handle_deadline == cst(3, 24, 17, 30)
    assert clue.deadline == cst(3, 11, 17, 30)
    assert clue.owner_unit == HZ

    # sign Wed 11 March 09:00: the current deadline becomes the handling deadline
    clue = act(Action.SIGN, "lead_handler", clue, cst(3, 11, 9, 0)).state
    assert clue.status is Status.HANDLING
    assert clue.signed_at == cst(3, 11, 9, 0)
    assert clue.deadline == cst(3, 24, 17, 30)

    # the assisting units report their part
    out = act(Action.ASSIST_REPORT, "assist_handler", clue, cst(3, 12), {"note": "已配合检测"})
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
    assert clue.extension_count == 1
    assert clue.handle_deadline == clue.deadline == cst(3, 24, 17, 30)

    # only the owning office decides on it
    with pytest.raises(ActionRefused):
        act(Action.APPROVE_EXTENSION, "city_dispatcher", clue, cst(3, 20, 15, 0))

    # approve: Tue 24 March + 3 working days = Fri 27 March 17:30
    out = act(Action.APPROVE_EXTENSION, "county_dispatcher", clue, cst(3, 20, 15, 0))
    clue = out.state
    assert out.details == {"days": 3, "handle_deadline": "2026-03-27T17:30:00+08:00"}
    assert clue.status is Status.HANDLING
    assert clue.handle_deadline == clue.deadline == cst(3, 27, 17, 30)
    assert clue.extension_requested_days == 0
    assert clue.extended_days == 3
    assert clue.extension_count == 1

    # report Wed 25 March with the finding, the measures and a photo: review within 2
    # working days, by Fri 27 March 17:30 (the head reports, so no sign-off)
    out = act(Action.REPORT, "lead_handler", clue, cst(3, 25), {**REPORT, "result": "已责令停止"})
    clue = out.state
    assert out.note == "已责令停止"
    assert out.details["finding"] == "true"
    assert out.details["measures"] == "责令停止焚烧，清理现场"
    assert clue.status is Status.REVIEWING
    assert clue.finding is Finding.TRUE
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
    again = {**REPORT, "result": "补充照片", "finding": "部分属实"}
    clue = act(Action.REPORT, "lead_handler", clue, cst(3, 31), again).state
    assert clue.status is Status.REVIEWING
    assert clue.finding is Finding.PARTLY_TRUE
    assert clue.deadline == cst(4, 2, 17, 30)

    # a 12369 clue has a reporter: closing waits for the callback
    with pytest.raises(ValidationError) as info:
        act(Action.APPROVE, "county_dispatcher", clue, cst(4, 1))
    assert info.value.field == "callback"
    out = act(Action.CALLBACK, "county_dispatcher", clue, cst(4, 1), {"callback": "满意"})
    clue = out.state
    assert clue.callback is CallbackResult.SATISFIED
    assert clue.status is Status.REVIEWING

    # the city does not own the clue and may not close it
    with pytest.raises(ActionRefused):
        act(Action.APPROVE, "city_dispatcher", clue, cst(4, 1))

    # approve Wed 1 April: closed, no deadline any more
    out = act(Action.APPROVE, "county_dispatcher", clue, cst(4, 1))
    clue = out.state
    assert out.from_status is Status.REVIEWING
    assert clue.status is Status.CLOSED
    assert clue.closed_at == cst(4, 1)
    assert clue.deadline is None
    assert clue.finding is Finding.PARTLY_TRUE

    # weekly verification Fri 3 April finds a fault: the rework limit of 5 working days,
    # skipping 清明 (Mon 6 April off): due Mon 13 April 17:30
    out = act(Action.VERIFICATION_FAIL, "county_dispatcher", clue, cst(4, 3), {"reason": "复燃"})
    clue = out.state
    assert out.note == "复燃"
    assert out.details == {"handle_deadline": "2026-04-13T17:30:00+08:00"}
    assert clue.status is Status.HANDLING
    assert clue.closed_at is None
    assert clue.reported_at is None
    assert clue.handle_deadline == clue.deadline == cst(4, 13, 17, 30)
    assert clue.lead_unit == HZ_T1
    assert clue.extended_days == 3
    assert clue.owner_unit == HZ


def test_reject_keeps_a_later_handle_deadline() -> None:
    clue = act(Action.SIGN, "lead_handler", dispatched(), cst(3, 10, 11)).state
    clue = act(Action.REPORT, "lead_handler", clue, cst(3, 11), REPORT).state
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
    clue = act(Action.REPORT, "lead_handler", clue, cst(3, 11), REPORT).state
    clue = act(Action.CALLBACK, "lead_handler", clue, cst(3, 11, 14), {"callback": "满意"}).state
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
    assert info.value.field == "handle_deadline"
    assert str(info.value).startswith("办理时限：")


@pytest.mark.parametrize("lead", [DH_T1, DH_DEPT, HZ, CITY, HZ_JW, CITY_DEPT, "999999", "", None])
def test_dispatch_lead_must_be_a_handling_unit_of_the_county(lead: str | None) -> None:
    # a county office dispatches to its own townships, streets and departments only: never
    # to another county, an office, a commission or a city bureau
    with pytest.raises(ValidationError) as info:
        act(Action.DISPATCH, "county_dispatcher", REGISTERED, NOW, {"lead_unit": lead})
    assert info.value.field == "lead_unit"
    assert str(info.value).startswith("主办单位：")


def test_county_cannot_dispatch_to_a_city_bureau() -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.DISPATCH, "county_dispatcher", REGISTERED, NOW, {"lead_unit": CITY_DEPT})
    assert info.value.field == "lead_unit"
    assert "连云港市生态环境局" in info.value.message
    with pytest.raises(ValidationError) as info:
        act(
            Action.DISPATCH,
            "county_dispatcher",
            REGISTERED,
            NOW,
            {"lead_unit": HZ_T1, "assisting_units": [CITY_DEPT]},
        )
    assert info.value.field == "assisting_units"


def test_city_office_dispatches_its_own_clue_to_a_city_department_or_a_street() -> None:
    city_owned = REGISTERED.evolve(owner_unit=CITY)
    out = act(
        Action.DISPATCH,
        "city_dispatcher",
        city_owned,
        NOW,
        {"lead_unit": CITY_DEPT, "assisting_units": [HZ_ST]},
    )
    assert out.state.lead_unit == CITY_DEPT
    assert out.state.assisting_units == (HZ_ST,)
    assert out.state.owner_unit == CITY
    out = act(
        Action.DISPATCH,
        "city_dispatcher",
        city_owned,
        NOW,
        {"lead_unit": HZ_T1, "assisting_units": [CITY_DEPT, HZ_DEPT]},
    )
    assert out.state.assisting_units == (CITY_DEPT, HZ_DEPT)


@pytest.mark.parametrize("lead", [DH_T1, DH_DEPT, HZ, DH, CITY, CITY_JW])
def test_city_office_dispatches_only_within_the_clues_county_or_to_city_departments(
    lead: str,
) -> None:
    city_owned = REGISTERED.evolve(owner_unit=CITY)
    with pytest.raises(ValidationError) as info:
        act(Action.DISPATCH, "city_dispatcher", city_owned, NOW, {"lead_unit": lead})
    assert info.value.field == "lead_unit"


@pytest.mark.parametrize(
    "assisting",
    [[HZ_DEPT, HZ_DEPT], [HZ_T1], [HZ_DEPT, HZ_T1], [DH_T1], [HZ], ["999999"], [CITY_DEPT]],
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
    assert info.value.field == "assisting_units"


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
    assert info.value.field == "reason"
    assert str(info.value) == "理由：不能为空"


@pytest.mark.parametrize("days", [0, 11, -1, "0", "11", "三", "2.5", None, ""])
def test_extension_days_out_of_range(days: Any) -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.REQUEST_EXTENSION, "lead_handler", HANDLING, NOW, {"days": days, "reason": "x"})
    assert info.value.field == "days"


@pytest.mark.parametrize("days", [1, 10, " 10 "])
def test_extension_days_at_the_bounds(days: Any) -> None:
    out = act(
        Action.REQUEST_EXTENSION, "lead_handler", HANDLING, NOW, {"days": days, "reason": "x"}
    )
    assert out.state.extension_requested_days == int(str(days))


def test_extension_needs_a_reason() -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.REQUEST_EXTENSION, "lead_handler", HANDLING, NOW, {"days": 3})
    assert info.value.field == "reason"


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
    assert info.value.field == "reason"
    out = act(Action.DENY_EXTENSION, "county_dispatcher", pending, NOW, {"reason": "理由不充分"})
    assert out.note == "理由不充分"
    # nothing moves, but the denied request counts against the stage's requests
    assert out.state == HANDLING.evolve(extension_count=1)
    assert out.state.extended_days == 0


@pytest.mark.parametrize(
    ("action", "actor", "clue", "field", "payload"),
    [
        (Action.REPORT, "lead_handler", HANDLING, "result", {}),
        (Action.REJECT, "county_dispatcher", REVIEWING, "reason", {}),
        (Action.VERIFICATION_FAIL, "county_dispatcher", STATES["closed"], "reason", {}),
        (Action.URGE, "county_dispatcher", HANDLING, "note", {}),
        (Action.ASSIST_REPORT, "assist_handler", HANDLING, "note", {}),
        (Action.RETURN_TO_CITY, "county_dispatcher", REGISTERED, "reason", {}),
        (
            Action.TRANSFER,
            "city_dispatcher",
            REGISTERED.evolve(owner_unit=CITY),
            "reason",
            {"target_county": DH},
        ),
        (Action.TAKE_OVER, "city_dispatcher", HANDLING, "reason", {}),
        (Action.REFUSE, "county_dispatcher", REGISTERED, "reason", {"ground": "no_facts"}),
        (Action.SIGNOFF_REJECT, "lead_handler", STATES["signoff"], "reason", {}),
        (Action.REOPEN, "county_dispatcher", STATES["closed_unsatisfied"], "reason", {}),
        (Action.DENY_EXTENSION, "county_dispatcher", STATES["handling_pending"], "reason", {}),
    ],
)
def test_text_required_by_actions(
    action: Action, actor: str, clue: ClueState, field: str, payload: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError) as info:
        act(action, actor, clue, NOW, {"reason": "", "result": " ", "note": "", **payload})
    assert info.value.field == field


def test_urge_changes_nothing_but_is_recorded() -> None:
    out = act(Action.URGE, "county_dispatcher", HANDLING, NOW, {"note": "请于本周内办结"})
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
        (Action.URGE, "other_county_dispatcher", HANDLING, {"note": "x"}, NOW, ActionRefused),
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
        (Action.DISPATCH, "city_dispatcher", REGISTERED, {"lead_unit": HZ_T1}, NOW, ActionRefused),
        (Action.REPORT, "lead_handler", HANDLING, {"result": "已整改"}, NOW, ValidationError),
        (Action.APPROVE, "county_dispatcher", REVIEWING, {}, NOW, ValidationError),
        (Action.TRANSFER, "county_dispatcher", REGISTERED, {"reason": "x"}, NOW, ActionRefused),
        (Action.REOPEN, "county_dispatcher", CLOSED, {"reason": "x"}, NOW, ActionRefused),
        (
            Action.MARK_DUPLICATE,
            "county_dispatcher",
            REGISTERED,
            {"original": "HZ-404"},
            NOW,
            ValidationError,
        ),
        (Action.REFUSE, "county_dispatcher", REGISTERED, {"reason": "x"}, NOW, ValidationError),
        (
            Action.SIGNOFF_APPROVE,
            "lead_clerk",
            STATES["signoff"],
            {},
            NOW,
            ActionRefused,
        ),
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
