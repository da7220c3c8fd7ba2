"""Tests for reporting back, sign-off, callbacks and closing in desktop.domain.workflow
(issue 10).

A report back carries the finding (属实 / 部分属实 / 不属实), the measures taken and, where the
finding is 属实 or 部分属实, evidence. Where the rules say so, a clerk's report leaves the unit
only after its head signs it off (审签). A clue whose channel has a reporter is called back
(回访) before it is closed; 不满意 lets the owning office send a closed clue back. Closing is
refused while a rectification notice of the clue is open, unless the reviewer says why.
Expectations are written by hand (2026 calendar, office hours closing 17:30).
"""

from __future__ import annotations

from typing import Any

import pytest

from desktop.domain.codes import CallbackResult, Channel, Finding, Status
from desktop.domain.rules import Rules
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action, ActionRefused, Context
from tests.domain.loopkit import (
    CLOSED,
    HANDLE_0324,
    HANDLING,
    NOW,
    PHOTO,
    REPORT,
    REVIEWING,
    RULES,
    SIGNOFF,
    act,
    cst,
    handling,
    why,
)

NO_SIGNOFF = Rules(signoff_required=False)


# --------------------------------------------------------------------------- report back


@pytest.mark.parametrize(
    ("finding", "member"),
    [
        ("true", Finding.TRUE),
        ("partly_true", Finding.PARTLY_TRUE),
        ("属实", Finding.TRUE),
        ("部分属实", Finding.PARTLY_TRUE),
    ],
)
def test_a_true_finding_is_reported_with_evidence(finding: str, member: Finding) -> None:
    out = act(Action.REPORT, "lead_handler", HANDLING, cst(3, 11), {**REPORT, "finding": finding})
    assert out.state.status is Status.REVIEWING
    assert out.state.finding is member
    assert out.state.reported_at == cst(3, 11)
    assert out.state.deadline == cst(3, 13, 17, 30)  # review within 2 working days
    assert out.note == REPORT["result"]
    assert out.details["finding"] == member.value
    assert out.details["measures"] == REPORT["measures"]


@pytest.mark.parametrize("attachments", [None, [], ""])
@pytest.mark.parametrize("finding", ["true", "partly_true"])
def test_a_true_finding_without_evidence_is_refused(finding: str, attachments: Any) -> None:
    payload = {**REPORT, "finding": finding, "attachments": attachments}
    with pytest.raises(ValidationError) as info:
        act(Action.REPORT, "lead_handler", HANDLING, NOW, payload)
    assert info.value.field == "attachments"
    assert str(info.value).startswith("佐证材料：")


@pytest.mark.parametrize("attachments", [None, [], [PHOTO]])
def test_an_untrue_finding_needs_no_evidence(attachments: Any) -> None:
    payload = {**REPORT, "finding": "不属实", "attachments": attachments}
    out = act(Action.REPORT, "lead_handler", HANDLING, NOW, payload)
    assert out.state.finding is Finding.UNTRUE
    assert out.state.status is Status.REVIEWING


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"result": ""}, "result"),
        ({"finding": None}, "finding"),
        ({"finding": ""}, "finding"),
        ({"finding": "属实吧"}, "finding"),
        ({"finding": "TRUE"}, "finding"),
        ({"measures": ""}, "measures"),
        ({"measures": "  \n"}, "measures"),
        ({"measures": None}, "measures"),
        ({"measures": "措" * 4001}, "measures"),
    ],
)
def test_a_report_names_its_missing_part(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.REPORT, "lead_handler", HANDLING, NOW, {**REPORT, **changes})
    assert info.value.field == field


def test_the_finding_options_are_listed() -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.REPORT, "lead_handler", HANDLING, NOW, {**REPORT, "finding": "不清楚"})
    assert str(info.value).startswith("核查结论：")
    for label in ("属实", "部分属实", "不属实"):
        assert label in info.value.message


# --------------------------------------------------------------------------- sign-off


def test_a_clerks_report_waits_for_the_heads_sign_off() -> None:
    out = act(Action.REPORT, "lead_clerk", HANDLING, cst(3, 11), REPORT)
    waiting = out.state
    assert out.from_status is Status.HANDLING
    assert waiting.status is Status.SIGNOFF
    assert waiting.finding is Finding.TRUE
    # it has not left the unit: the handling deadline still runs, nothing to review yet
    assert waiting.deadline == waiting.handle_deadline == HANDLE_0324
    assert waiting.reported_at is None

    # the clerk may not sign it off, nor may another unit's head
    assert why(Action.SIGNOFF_APPROVE, "lead_clerk", waiting) == "只有主办单位负责人可以审签"
    assert why(Action.SIGNOFF_REJECT, "lead_clerk", waiting) == "只有主办单位负责人可以审签"
    assert why(Action.SIGNOFF_APPROVE, "township_handler", waiting) == "只有主办单位负责人可以审签"
    assert why(Action.SIGNOFF_APPROVE, "assist_handler", waiting) == "只有主办单位负责人可以审签"
    with pytest.raises(ActionRefused):
        act(Action.SIGNOFF_APPROVE, "lead_clerk", waiting, cst(3, 11, 15))
    # the owning office does not review it before it leaves the unit
    assert why(Action.APPROVE, "county_dispatcher", waiting) is not None
    assert why(Action.REJECT, "county_dispatcher", waiting) is not None

    # the head signs it off Thu 12 March 09:00: off to review, due Mon 16 March 17:30
    out = act(Action.SIGNOFF_APPROVE, "lead_handler", waiting, cst(3, 12, 9), {"note": "同意"})
    sent = out.state
    assert out.from_status is Status.SIGNOFF
    assert out.note == "同意"
    assert sent.status is Status.REVIEWING
    assert sent.reported_at == cst(3, 12, 9)
    assert sent.deadline == cst(3, 16, 17, 30)
    assert sent.finding is Finding.TRUE


def test_the_head_sends_a_report_back_to_the_clerk() -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.SIGNOFF_REJECT, "lead_handler", SIGNOFF, cst(3, 11), {})
    assert info.value.field == "reason"
    out = act(Action.SIGNOFF_REJECT, "lead_handler", SIGNOFF, cst(3, 11), {"reason": "措施不具体"})
    back = out.state
    assert out.note == "措施不具体"
    assert back.status is Status.HANDLING
    assert back.deadline == back.handle_deadline == HANDLE_0324
    assert back.reported_at is None
    # the clerk reports again
    again = act(Action.REPORT, "lead_clerk", back, cst(3, 12), REPORT).state
    assert again.status is Status.SIGNOFF


def test_a_heads_own_report_needs_no_sign_off() -> None:
    out = act(Action.REPORT, "lead_handler", HANDLING, cst(3, 11), REPORT)
    assert out.state.status is Status.REVIEWING


def test_without_the_sign_off_rule_a_clerks_report_goes_straight_to_review() -> None:
    out = act(Action.REPORT, "lead_clerk", HANDLING, cst(3, 11), REPORT, rules=NO_SIGNOFF)
    assert out.state.status is Status.REVIEWING
    assert out.state.reported_at == cst(3, 11)
    assert out.state.deadline == cst(3, 13, 17, 30)


def test_a_clerks_report_discards_a_pending_extension_request() -> None:
    pending = HANDLING.evolve(extension_requested_days=3, extension_count=1)
    out = act(Action.REPORT, "lead_clerk", pending, cst(3, 11), REPORT)
    assert out.state.status is Status.SIGNOFF
    assert out.state.extension_requested_days == 0


def test_sign_off_waits_on_the_handling_deadline_and_can_be_urged() -> None:
    assert why(Action.URGE, "county_dispatcher", SIGNOFF) is None
    assert why(Action.REQUEST_EXTENSION, "lead_handler", SIGNOFF) is not None
    assert why(Action.REPORT, "lead_handler", SIGNOFF) is not None


# --------------------------------------------------------------------------- callbacks


def test_closing_a_clue_with_a_reporter_waits_for_the_callback() -> None:
    assert REVIEWING.channel is Channel.HOTLINE_12369
    with pytest.raises(ValidationError) as info:
        act(Action.APPROVE, "county_dispatcher", REVIEWING, cst(3, 11))
    assert info.value.field == "callback"
    assert str(info.value).startswith("回访结果：")
    assert "12369环保举报" in info.value.message


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("satisfied", CallbackResult.SATISFIED),
        ("基本满意", CallbackResult.BASICALLY),
        ("不满意", CallbackResult.UNSATISFIED),
    ],
)
def test_a_callback_is_recorded_and_the_clue_closes(text: str, result: CallbackResult) -> None:
    out = act(Action.CALLBACK, "county_dispatcher", REVIEWING, cst(3, 11), {"callback": text})
    called = out.state
    assert out.from_status is Status.REVIEWING
    assert called == REVIEWING.evolve(callback=result)
    assert out.details["callback"] == result.value
    closed = act(Action.APPROVE, "county_dispatcher", called, cst(3, 11, 11)).state
    assert closed.status is Status.CLOSED
    assert closed.closed_at == cst(3, 11, 11)
    assert closed.callback is result


def test_the_lead_unit_may_call_back_too() -> None:
    out = act(
        Action.CALLBACK, "lead_clerk", REVIEWING, NOW, {"callback": "满意", "note": "电话回访"}
    )
    assert out.state.callback is CallbackResult.SATISFIED
    assert out.note == "电话回访"
    assert why(Action.CALLBACK, "assist_handler", REVIEWING) is not None
    assert why(Action.CALLBACK, "city_dispatcher", REVIEWING) is not None
    assert why(Action.CALLBACK, "county_supervisor", REVIEWING) is not None


def test_an_unreached_reporter_needs_a_note_and_then_counts_as_called() -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.CALLBACK, "county_dispatcher", REVIEWING, NOW, {"callback": "unreached"})
    assert info.value.field == "note"
    note = "3月11日上午、下午两次拨打138****5678均无人接听"
    out = act(
        Action.CALLBACK,
        "county_dispatcher",
        REVIEWING,
        NOW,
        {"callback": "unreached", "note": note},
    )
    assert out.state.callback is CallbackResult.UNREACHED
    assert out.note == note
    closed = act(Action.APPROVE, "county_dispatcher", out.state, cst(3, 11)).state
    assert closed.status is Status.CLOSED


@pytest.mark.parametrize("value", [None, "", "很好", "SATISFIED"])
def test_a_callback_needs_a_valid_result(value: str | None) -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.CALLBACK, "county_dispatcher", REVIEWING, NOW, {"callback": value})
    assert info.value.field == "callback"


@pytest.mark.parametrize(
    "channel", [Channel.DAILY_INSPECTION, Channel.GRID_PATROL, Channel.ONLINE_MONITORING]
)
def test_a_channel_without_a_reporter_has_no_callback(channel: Channel) -> None:
    clue = REVIEWING.evolve(channel=channel)
    message = why(Action.CALLBACK, "county_dispatcher", clue)
    assert message is not None and channel.label in message
    with pytest.raises(ActionRefused):
        act(Action.CALLBACK, "county_dispatcher", clue, NOW, {"callback": "满意"})
    # and it closes without one
    assert act(Action.APPROVE, "county_dispatcher", clue, NOW).state.status is Status.CLOSED


@pytest.mark.parametrize(
    "channel",
    [
        Channel.HOTLINE_12345,
        Channel.HOTLINE_12369,
        Channel.PETITION,
        Channel.LEADER_MAILBOX,
        Channel.WECHAT_REPORT,
    ],
)
def test_every_channel_with_a_reporter_needs_the_callback(channel: Channel) -> None:
    clue = REVIEWING.evolve(channel=channel)
    with pytest.raises(ValidationError) as info:
        act(Action.APPROVE, "county_dispatcher", clue, NOW)
    assert info.value.field == "callback"


def test_which_channels_need_a_callback_is_rules_data() -> None:
    rules = Rules(callback_channels=frozenset({Channel.GRID_PATROL}))
    patrol = REVIEWING.evolve(channel=Channel.GRID_PATROL)
    assert why(Action.CALLBACK, "county_dispatcher", patrol, rules=rules) is None
    with pytest.raises(ValidationError):
        act(Action.APPROVE, "county_dispatcher", patrol, NOW, rules=rules)
    # 12369 is not in these rules: it closes without a callback, and none is offered
    assert act(Action.APPROVE, "county_dispatcher", REVIEWING, NOW, rules=rules).state.status is (
        Status.CLOSED
    )
    assert why(Action.CALLBACK, "county_dispatcher", REVIEWING, rules=rules) is not None


def test_an_unsatisfied_reporter_lets_the_owner_send_a_closed_clue_back() -> None:
    # closed Tue 10 March; the callback on Wed 11 March finds the reporter unsatisfied
    out = act(
        Action.CALLBACK,
        "county_dispatcher",
        CLOSED,
        cst(3, 11),
        {"callback": "不满意", "note": "仍有夜间焚烧"},
    )
    unhappy = out.state
    assert unhappy.status is Status.CLOSED
    assert unhappy.callback is CallbackResult.UNSATISFIED

    # only the owner, and with a reason
    assert why(Action.REOPEN, "city_dispatcher", unhappy) is not None
    assert why(Action.REOPEN, "lead_handler", unhappy) is not None
    with pytest.raises(ValidationError) as info:
        act(Action.REOPEN, "county_dispatcher", unhappy, cst(3, 11, 11), {})
    assert info.value.field == "reason"

    # sent back Wed 11 March 11:00: 10 working days again (12369 has no limit of its own)
    out = act(Action.REOPEN, "county_dispatcher", unhappy, cst(3, 11, 11), {"reason": "回访不满意"})
    back = out.state
    assert out.from_status is Status.CLOSED
    assert out.note == "回访不满意"
    assert back.status is Status.HANDLING
    assert back.closed_at is None
    assert back.reported_at is None
    assert back.handle_deadline == back.deadline == cst(3, 25, 17, 30)
    assert back.lead_unit == CLOSED.lead_unit
    # the next closing needs a fresh callback
    assert back.callback is None


@pytest.mark.parametrize(
    "result", [None, CallbackResult.SATISFIED, CallbackResult.BASICALLY, CallbackResult.UNREACHED]
)
def test_only_an_unsatisfied_callback_reopens(result: CallbackResult | None) -> None:
    clue = CLOSED.evolve(callback=result)
    assert why(Action.REOPEN, "county_dispatcher", clue) is not None
    with pytest.raises(ActionRefused):
        act(Action.REOPEN, "county_dispatcher", clue, NOW, {"reason": "x"})


def test_reopen_uses_the_channels_time_limit() -> None:
    # a 12345 work order: 5 working days from Wed 11 March is Wed 18 March
    clue = CLOSED.evolve(channel=Channel.HOTLINE_12345, callback=CallbackResult.UNSATISFIED)
    back = act(Action.REOPEN, "county_dispatcher", clue, cst(3, 11), {"reason": "x"}).state
    assert back.handle_deadline == cst(3, 18, 17, 30)


def test_an_unsatisfied_reporter_during_review_means_rejecting() -> None:
    called = act(Action.CALLBACK, "lead_handler", REVIEWING, NOW, {"callback": "不满意"}).state
    out = act(Action.REJECT, "county_dispatcher", called, cst(3, 11), {"reason": "举报人不满意"})
    assert out.state.status is Status.HANDLING


# --------------------------------------------------------------------------- open notices

CALLED = REVIEWING.evolve(callback=CallbackResult.SATISFIED)
OPEN_NOTICES = Context(open_notices=("海新海整改〔2026〕15号未送达", "海环责改〔2026〕3号整改期内"))


def test_closing_is_refused_while_a_notice_is_open() -> None:
    with pytest.raises(ValidationError) as info:
        act(Action.APPROVE, "county_dispatcher", CALLED, cst(3, 11), context=OPEN_NOTICES)
    assert info.value.field == "override_reason"
    assert str(info.value).startswith("未闭环办结理由：")
    assert "海新海整改〔2026〕15号未送达" in info.value.message
    assert "海环责改〔2026〕3号整改期内" in info.value.message
    with pytest.raises(ValidationError):
        act(
            Action.APPROVE,
            "county_dispatcher",
            CALLED,
            cst(3, 11),
            {"override_reason": "  "},
            context=OPEN_NOTICES,
        )


def test_closing_with_an_open_notice_records_why() -> None:
    reason = "企业已停产关闭，通知书无法送达"
    out = act(
        Action.APPROVE,
        "county_dispatcher",
        CALLED,
        cst(3, 11),
        {"override_reason": reason, "note": "同意办结"},
        context=OPEN_NOTICES,
    )
    assert out.state.status is Status.CLOSED
    assert out.state.closed_at == cst(3, 11)
    assert out.details["override_reason"] == reason
    assert out.note == "同意办结"


def test_closing_with_every_notice_closed_needs_no_reason() -> None:
    out = act(Action.APPROVE, "county_dispatcher", CALLED, cst(3, 11), context=Context())
    assert out.state.status is Status.CLOSED
    assert "override_reason" not in out.details


def test_the_callback_is_checked_as_well_as_the_notices() -> None:
    # both are required: an override for the notices does not replace the callback
    with pytest.raises(ValidationError) as info:
        act(
            Action.APPROVE,
            "county_dispatcher",
            REVIEWING,
            cst(3, 11),
            {"override_reason": "已停产"},
            context=OPEN_NOTICES,
        )
    assert info.value.field == "callback"


# --------------------------------------------------------------------------- the story


def test_a_clerk_reports_the_head_signs_the_reporter_is_unhappy_and_the_clue_is_redone() -> None:
    clue = handling(cst(3, 10, 9))  # dispatched 09:00, signed 10:00: handle by Tue 24 March
    assert clue.handle_deadline == HANDLE_0324
    clue = act(Action.REPORT, "lead_clerk", clue, cst(3, 16), REPORT).state
    assert clue.status is Status.SIGNOFF
    clue = act(Action.SIGNOFF_APPROVE, "lead_handler", clue, cst(3, 16, 15)).state
    assert clue.status is Status.REVIEWING
    assert clue.deadline == cst(3, 18, 17, 30)
    clue = act(Action.CALLBACK, "county_dispatcher", clue, cst(3, 17), {"callback": "满意"}).state
    clue = act(Action.APPROVE, "county_dispatcher", clue, cst(3, 17, 11)).state
    assert clue.status is Status.CLOSED
    assert clue.finding is Finding.TRUE
    # a week later the reporter calls: the burning goes on
    clue = act(
        Action.CALLBACK,
        "county_dispatcher",
        clue,
        cst(3, 24),
        {"callback": "不满意", "note": "仍在焚烧"},
    ).state
    clue = act(Action.REOPEN, "county_dispatcher", clue, cst(3, 24, 11), {"reason": "复燃"}).state
    assert clue.status is Status.HANDLING
    assert clue.handle_deadline == cst(4, 8, 17, 30)  # 10 working days, Mon 6 April off
    assert why(Action.APPROVE, "county_dispatcher", clue) is not None
    assert RULES.signoff_required
