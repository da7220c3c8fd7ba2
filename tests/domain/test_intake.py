"""Tests for intake as the channels send it, in desktop.domain.workflow (issue 10): time limits
per channel, the deadline a sender sets (督察交办), the extension cap, duplicates (重复件) and
refusals (不予受理).

Expectations are written by hand from the issue and the 2026 calendar: 清明 Monday 6 April
off, 劳动节 1–5 May off with Saturday 9 May worked; office hours close at 17:30. Default rules:
信访 42 working days (urgent 10, critical 3), a 12345 work order 5 (2, 1), everything else by
priority 10 (3, 1); at most 2 extension requests and 15 extra working days per stage, each
request at most 10.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.domain.clue import ClueState
from desktop.domain.codes import CallbackResult, Finding, Status
from desktop.domain.rules import Rules, TimeLimits
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import (
    Action,
    ActionRefused,
    Context,
    allowed_actions,
    extension_allowance,
)
from tests.domain.loopkit import (
    ACTORS,
    CALENDAR,
    DH,
    DRAFT,
    HANDLING,
    HZ_T1,
    NOW,
    ORIGINAL_CLOSED,
    ORIGINAL_CODE,
    ORIGINAL_OPEN,
    REGISTERED,
    REPORT,
    RULES,
    STATES,
    act,
    cst,
    lookup_of,
    registered,
    why,
)

# --------------------------------------------------------------------------- channel limits


@pytest.mark.parametrize(
    ("channel", "priority", "handle", "sign"),
    [
        # dispatched Tue 10 March 10:00
        ("12345热线", "一般", cst(3, 17, 17, 30), cst(3, 11, 17, 30)),
        ("12345热线", "紧急", cst(3, 12, 17, 30), cst(3, 11, 17, 30)),
        ("12345热线", "特急", cst(3, 11, 17, 30), cst(3, 11, 17, 30)),
        # 信访: 42 working days, over 清明 and 劳动节 (Sat 9 May worked): Tue 12 May
        ("信访", "一般", cst(5, 12, 17, 30), cst(3, 11, 17, 30)),
        ("信访", "紧急", cst(3, 24, 17, 30), cst(3, 11, 17, 30)),
        ("信访", "特急", cst(3, 13, 17, 30), cst(3, 11, 17, 30)),
        # no limits of their own: by priority
        ("12369环保举报", "一般", cst(3, 24, 17, 30), cst(3, 11, 17, 30)),
        ("网格员巡查", "紧急", cst(3, 13, 17, 30), cst(3, 11, 17, 30)),
        ("督察交办", "特急", cst(3, 11, 17, 30), cst(3, 11, 17, 30)),
    ],
)
def test_the_handling_deadline_follows_channel_and_priority(
    channel: str, priority: str, handle: datetime, sign: datetime
) -> None:
    clue = registered(channel=channel, priority=priority)
    out = act(Action.DISPATCH, "county_dispatcher", clue, NOW, {"lead_unit": HZ_T1})
    assert out.state.handle_deadline == handle
    assert out.state.deadline == sign
    assert out.details["handle_deadline"] == handle.isoformat()


def test_channel_limits_are_rules_data() -> None:
    rules = Rules(limits=TimeLimits(channel_handle_days={}))
    clue = registered(channel="12345热线")
    out = act(Action.DISPATCH, "county_dispatcher", clue, NOW, {"lead_unit": HZ_T1}, rules=rules)
    assert out.state.handle_deadline == cst(3, 24, 17, 30)


def test_the_channel_reference_is_recorded_at_registration() -> None:
    out = act(
        Action.REGISTER,
        "county_dispatcher",
        None,
        NOW,
        {**DRAFT, "channel": "12345热线", "channel_ref": " GD20260310000123 "},
    )
    assert out.details["channel_ref"] == "GD20260310000123"
    assert out.draft is not None and out.draft.channel_ref == "GD20260310000123"


# --------------------------------------------------------------------------- the sender's deadline

DUE_0320 = "2026-03-20 17:30"


def inspection(due_by: str = DUE_0320, **draft: str) -> ClueState:
    """A 督察交办 item of 海州区 the sender wants settled by `due_by`."""
    return registered(channel="督察交办", due_by=due_by, **draft)


def test_the_senders_deadline_is_kept_on_the_clue() -> None:
    clue = inspection()
    assert clue.due_by == cst(3, 20, 17, 30)
    assert clue.status is Status.REGISTERED


def test_the_default_handling_deadline_is_capped_by_the_senders() -> None:
    # 10 working days would end Tue 24 March; the sender wants Fri 20 March 17:30
    out = act(Action.DISPATCH, "county_dispatcher", inspection(), NOW, {"lead_unit": HZ_T1})
    assert out.state.handle_deadline == cst(3, 20, 17, 30)
    assert out.state.deadline == cst(3, 11, 17, 30)


def test_a_later_senders_deadline_leaves_the_default() -> None:
    clue = inspection("2026-03-31 17:30")
    out = act(Action.DISPATCH, "county_dispatcher", clue, NOW, {"lead_unit": HZ_T1})
    assert out.state.handle_deadline == cst(3, 24, 17, 30)


def test_the_senders_deadline_caps_a_channel_limit_too() -> None:
    clue = registered(channel="信访", due_by="2026-04-15 17:30")
    out = act(Action.DISPATCH, "county_dispatcher", clue, NOW, {"lead_unit": HZ_T1})
    assert out.state.handle_deadline == cst(4, 15, 17, 30)


@pytest.mark.parametrize("deadline", ["2026-03-23", "2026-03-20 17:31", "2026-03-24 17:30"])
def test_an_explicit_deadline_past_the_senders_is_refused(deadline: str) -> None:
    with pytest.raises(ValidationError) as info:
        act(
            Action.DISPATCH,
            "county_dispatcher",
            inspection(),
            NOW,
            {"lead_unit": HZ_T1, "handle_deadline": deadline},
        )
    assert info.value.field == "handle_deadline"
    assert "2026-03-20 17:30" in info.value.message


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [("2026-03-19", cst(3, 19, 17, 30)), ("2026-03-20 17:30", cst(3, 20, 17, 30))],
)
def test_an_explicit_deadline_up_to_the_senders_is_accepted(
    deadline: str, expected: datetime
) -> None:
    out = act(
        Action.DISPATCH,
        "county_dispatcher",
        inspection(),
        NOW,
        {"lead_unit": HZ_T1, "handle_deadline": deadline},
    )
    assert out.state.handle_deadline == expected


def signed_inspection(due_by: str = DUE_0320) -> ClueState:
    clue = act(Action.DISPATCH, "county_dispatcher", inspection(due_by), NOW, {"lead_unit": HZ_T1})
    return act(Action.SIGN, "lead_handler", clue.state, cst(3, 10, 11)).state


def test_an_extension_past_the_senders_deadline_is_refused() -> None:
    clue = signed_inspection()
    assert clue.handle_deadline == cst(3, 20, 17, 30)
    with pytest.raises(ValidationError) as info:
        act(Action.REQUEST_EXTENSION, "lead_handler", clue, NOW, {"days": 1, "reason": "x"})
    assert info.value.field == "days"
    assert "2026-03-20 17:30" in info.value.message


def test_an_extension_up_to_the_senders_deadline_is_allowed() -> None:
    # handle by Tue 24 March, the sender wants Fri 27 March 17:30: 3 days fit, 4 do not
    clue = signed_inspection("2026-03-27 17:30")
    assert clue.handle_deadline == cst(3, 24, 17, 30)
    with pytest.raises(ValidationError):
        act(Action.REQUEST_EXTENSION, "lead_handler", clue, NOW, {"days": 4, "reason": "x"})
    pending = act(
        Action.REQUEST_EXTENSION, "lead_handler", clue, NOW, {"days": 3, "reason": "x"}
    ).state
    extended = act(Action.APPROVE_EXTENSION, "county_dispatcher", pending, NOW).state
    assert extended.handle_deadline == cst(3, 27, 17, 30)


def test_rework_after_a_rejection_does_not_pass_the_senders_deadline() -> None:
    # Reported Thu 19 March and rejected at 15:00: 5 working days of rework would end Thu 26
    # March, but the sender wants the item settled by Fri 20 March 17:30, which no handling
    # deadline passes.
    clue = signed_inspection()
    clue = act(Action.REPORT, "lead_handler", clue, cst(3, 19), REPORT).state
    out = act(Action.REJECT, "county_dispatcher", clue, cst(3, 19, 15), {"reason": "不彻底"})
    assert out.state.handle_deadline == out.state.deadline == cst(3, 20, 17, 30)


# --------------------------------------------------------------------------- extension cap


def request(clue: ClueState, days: int, now: datetime = NOW) -> ClueState:
    return act(
        Action.REQUEST_EXTENSION, "lead_handler", clue, now, {"days": days, "reason": "需检测"}
    ).state


def approve(clue: ClueState, now: datetime = NOW) -> ClueState:
    return act(Action.APPROVE_EXTENSION, "county_dispatcher", clue, now).state


def test_extension_allowance() -> None:
    assert extension_allowance(HANDLING, RULES) == (2, 10)
    assert extension_allowance(HANDLING.evolve(extension_count=1, extended_days=10), RULES) == (
        1,
        5,
    )
    assert extension_allowance(HANDLING.evolve(extension_count=1, extended_days=12), RULES) == (
        1,
        3,
    )
    assert extension_allowance(HANDLING.evolve(extension_count=2, extended_days=6), RULES) == (
        0,
        9,
    )
    assert extension_allowance(HANDLING.evolve(extension_count=2, extended_days=15), RULES) == (
        0,
        0,
    )
    rules = Rules(limits=TimeLimits(max_extensions=3, max_extension_days=4))
    assert extension_allowance(HANDLING, rules) == (3, 4)
    assert extension_allowance(HANDLING.evolve(extended_days=13), rules) == (3, 2)


def test_two_extensions_and_fifteen_days_per_stage() -> None:
    # handle by Tue 24 March; 10 days more: Wed 8 April (Mon 6 April off)
    clue = approve(request(HANDLING, 10))
    assert clue.handle_deadline == cst(4, 8, 17, 30)
    assert (clue.extension_count, clue.extended_days) == (1, 10)
    assert extension_allowance(clue, RULES) == (1, 5)

    # 5 days remain: 6 are refused, 5 granted (Wed 15 April)
    with pytest.raises(ValidationError) as info:
        request(clue, 6)
    assert info.value.field == "days"
    assert "5" in info.value.message
    clue = approve(request(clue, 5))
    assert clue.handle_deadline == cst(4, 15, 17, 30)
    assert (clue.extension_count, clue.extended_days) == (2, 15)
    assert extension_allowance(clue, RULES) == (0, 0)

    # no third request
    message = why(Action.REQUEST_EXTENSION, "lead_handler", clue)
    assert message is not None and "上限" in message
    with pytest.raises(ActionRefused):
        request(clue, 1)
    assert Action.REQUEST_EXTENSION not in allowed_actions(
        ACTORS["lead_handler"], clue, NOW, CALENDAR, RULES
    )


def test_the_request_count_caps_short_extensions() -> None:
    clue = approve(request(approve(request(HANDLING, 3)), 3))
    assert (clue.extension_count, clue.extended_days) == (2, 6)
    assert extension_allowance(clue, RULES) == (0, 9)
    assert why(Action.REQUEST_EXTENSION, "lead_handler", clue) is not None


def test_the_total_days_cap_with_requests_left() -> None:
    rules = Rules(limits=TimeLimits(max_extensions=3))
    clue = HANDLING.evolve(extension_count=2, extended_days=15)
    assert extension_allowance(clue, rules) == (1, 0)
    message = why(Action.REQUEST_EXTENSION, "lead_handler", clue, rules=rules)
    assert message is not None and "15" in message


def test_a_denied_request_counts() -> None:
    denied = act(
        Action.DENY_EXTENSION, "county_dispatcher", request(HANDLING, 3), NOW, {"reason": "不充分"}
    ).state
    assert (denied.extension_count, denied.extended_days) == (1, 0)
    assert extension_allowance(denied, RULES) == (1, 10)
    denied = act(
        Action.DENY_EXTENSION, "county_dispatcher", request(denied, 3), NOW, {"reason": "不充分"}
    ).state
    assert extension_allowance(denied, RULES) == (0, 10)
    assert why(Action.REQUEST_EXTENSION, "lead_handler", denied) is not None


def test_a_new_dispatch_starts_a_new_count() -> None:
    used = HANDLING.evolve(extension_count=2, extended_days=15)
    returned = act(Action.RETURN, "lead_handler", used, NOW, {"reason": "不属于本镇"}).state
    again = act(Action.DISPATCH, "county_dispatcher", returned, NOW, {"lead_unit": HZ_T1}).state
    assert (again.extension_count, again.extended_days) == (0, 0)
    assert extension_allowance(again, RULES) == (2, 10)


# --------------------------------------------------------------------------- duplicates


def mark(original: ClueState | None, payload: dict | None = None, clue: ClueState = REGISTERED):
    context = lookup_of(original) if original is not None else Context()
    body = {"original": ORIGINAL_CODE} if payload is None else payload
    return act(Action.MARK_DUPLICATE, "county_dispatcher", clue, NOW, body, context=context)


def test_a_duplicate_of_an_open_clue_follows_it() -> None:
    out = mark(ORIGINAL_OPEN)
    dup = out.state
    assert out.from_status is Status.REGISTERED
    assert out.details["original"] == ORIGINAL_CODE
    assert dup.status is Status.DUPLICATE
    assert dup.duplicate_of == ORIGINAL_CODE
    assert dup.deadline is None  # it has no stage of its own
    assert dup.closed_at is None
    assert dup.lead_unit is None
    # nothing more to do on it by hand
    for actor in ACTORS.values():
        assert allowed_actions(actor, dup, NOW, CALENDAR, RULES) == []


def test_a_duplicate_of_a_closed_clue_closes_at_once() -> None:
    out = mark(ORIGINAL_CLOSED)
    dup = out.state
    assert dup.status is Status.CLOSED
    assert dup.closed_at == NOW
    assert dup.deadline is None
    assert dup.duplicate_of == ORIGINAL_CODE
    assert dup.finding is Finding.PARTLY_TRUE  # each reporter gets the original's result


def test_a_returned_clue_may_be_marked_a_duplicate() -> None:
    returned = STATES["returned"]
    assert returned is not None
    assert mark(ORIGINAL_OPEN, clue=returned).state.status is Status.DUPLICATE


@pytest.mark.parametrize(
    ("original", "payload"),
    [
        (None, {"original": ORIGINAL_CODE}),  # not found
        (ORIGINAL_OPEN, {"original": ""}),
        (ORIGINAL_OPEN, {}),
        (ORIGINAL_OPEN, {"original": "HZ-2026-0404"}),
        (REGISTERED, {"original": REGISTERED.code}),  # the clue itself
        (ORIGINAL_OPEN.evolve(status=Status.DUPLICATE, duplicate_of="HZ-9"), None),
        (ORIGINAL_OPEN.evolve(status=Status.REFUSED), None),
        (ORIGINAL_OPEN.evolve(county_code=DH, owner_unit=DH), None),  # another county
    ],
    ids=["missing", "empty", "absent", "unknown", "itself", "a-duplicate", "refused", "elsewhere"],
)
def test_a_duplicate_needs_a_valid_original(
    original: ClueState | None, payload: dict | None
) -> None:
    with pytest.raises(ValidationError) as info:
        mark(original, payload)
    assert info.value.field == "original"
    assert str(info.value).startswith("原件线索编号：")


def test_only_the_owner_marks_a_duplicate() -> None:
    assert why(Action.MARK_DUPLICATE, "city_dispatcher", REGISTERED) == (
        "本线索由「海州区攻坚办」承办，只有该办可以标记重复件（市攻坚办须先提级办理）"
    )
    assert why(Action.MARK_DUPLICATE, "lead_handler", REGISTERED) is not None
    assert why(Action.MARK_DUPLICATE, "county_dispatcher", HANDLING) is not None


def test_a_duplicate_closes_with_its_original_only_when_the_original_is_done() -> None:
    dup = mark(ORIGINAL_OPEN).state
    with pytest.raises(ActionRefused) as info:
        act(
            Action.CLOSE_WITH_ORIGINAL,
            "county_dispatcher",
            dup,
            cst(3, 12),
            context=lookup_of(ORIGINAL_OPEN),
        )
    assert ORIGINAL_CODE in info.value.reason
    # the original is closed on Thu 12 March: the duplicate closes with it and its finding
    out = act(
        Action.CLOSE_WITH_ORIGINAL,
        "county_dispatcher",
        dup,
        cst(3, 12),
        context=lookup_of(ORIGINAL_CLOSED),
    )
    assert out.from_status is Status.DUPLICATE
    assert out.state.status is Status.CLOSED
    assert out.state.closed_at == cst(3, 12)
    assert out.state.finding is Finding.PARTLY_TRUE
    assert out.details["original"] == ORIGINAL_CODE


def test_closing_with_the_original_is_no_menu_action() -> None:
    dup = STATES["duplicate"]
    assert dup is not None
    assert why(Action.CLOSE_WITH_ORIGINAL, "county_dispatcher", dup) is None
    for actor in ACTORS.values():
        assert Action.CLOSE_WITH_ORIGINAL not in allowed_actions(actor, dup, NOW, CALENDAR, RULES)


@pytest.mark.parametrize("action", [Action.REOPEN, Action.VERIFICATION_FAIL])
def test_rework_never_leaves_a_closed_duplicate_in_handling_without_a_lead_unit(
    action: Action,
) -> None:
    # A duplicate closed with its original was never dispatched: nobody could sign, report or
    # return it in handling. Sending it back must either be refused or leave it with a unit
    # that can act on it (or back with its owner for dispatching).
    closed_dup = mark(ORIGINAL_CLOSED).state.evolve(callback=CallbackResult.UNSATISFIED)
    assert closed_dup.status is Status.CLOSED and closed_dup.lead_unit is None
    if why(action, "county_dispatcher", closed_dup) is not None:
        return
    out = act(action, "county_dispatcher", closed_dup, cst(3, 12), {"reason": "回访不满意"})
    state = out.state
    assert state.status is not Status.HANDLING or state.lead_unit is not None


# --------------------------------------------------------------------------- refusals


def test_refuse_an_invalid_item_with_the_rule_and_the_reason() -> None:
    out = act(
        Action.REFUSE,
        "county_dispatcher",
        REGISTERED,
        NOW,
        {"ground": "out_of_scope", "reason": "反映的是邻里噪声纠纷，建议向派出所反映"},
    )
    refused = out.state
    assert out.from_status is Status.REGISTERED
    assert out.note == "反映的是邻里噪声纠纷，建议向派出所反映"
    assert out.details["ground"] == "out_of_scope"
    assert "不属于生态环境保护职责范围" in out.details.values()
    assert refused.status is Status.REFUSED
    assert refused.closed_at == NOW
    assert refused.deadline is None
    assert refused.lead_unit is None
    for actor in ACTORS.values():
        assert allowed_actions(actor, refused, NOW, CALENDAR, RULES) == []


@pytest.mark.parametrize("ground", [None, "", "不属于生态环境保护职责范围", "spam"])
def test_a_refusal_needs_a_published_ground(ground: str | None) -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.REFUSE, "county_dispatcher", REGISTERED, NOW, {"ground": ground, "reason": "x"})
    assert info.value.field == "ground"
    assert "无具体被反映对象或违法事实" in info.value.message  # the options are listed


def test_a_refusal_needs_a_reason() -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.REFUSE, "county_dispatcher", REGISTERED, NOW, {"ground": "no_facts"})
    assert info.value.field == "reason"


def test_refusal_grounds_are_rules_data() -> None:
    rules = Rules(refusal_grounds={"dup_case": "同一事项已立案查处"})
    with pytest.raises(ValidationError):
        act(
            Action.REFUSE,
            "county_dispatcher",
            REGISTERED,
            NOW,
            {"ground": "out_of_scope", "reason": "x"},
            rules=rules,
        )
    out = act(
        Action.REFUSE,
        "county_dispatcher",
        REGISTERED,
        NOW,
        {"ground": "dup_case", "reason": "x"},
        rules=rules,
    )
    assert out.state.status is Status.REFUSED


@pytest.mark.parametrize("state", ["dispatched", "handling", "reviewing", "closed", "duplicate"])
def test_only_an_undispatched_item_is_refused(state: str) -> None:
    clue = STATES[state]
    assert clue is not None
    assert why(Action.REFUSE, "county_dispatcher", clue) == (
        f"线索当前为「{clue.status.label}」，不能不予受理"
    )
