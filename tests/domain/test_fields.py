"""Tests for desktop.domain.fields and the code tables of issue 10.

A field is named by its payload key everywhere the rules speak (ValidationError.field); the
window shows its Chinese label. Labels and code sets are written by hand from the issue:
待审签 / 重复件 / 不予受理, 经办人 / 负责人, 属实 / 部分属实 / 不属实, 满意 / 基本满意 /
不满意 and a reporter who could not be reached.
"""

from __future__ import annotations

from typing import Any

import pytest

from desktop.domain.clue import ClueState
from desktop.domain.codes import (
    DONE_STATUSES,
    OPEN_STATUSES,
    CallbackResult,
    Finding,
    Post,
    Role,
    Status,
    UnitKind,
)
from desktop.domain.fields import FIELD_LABELS, field_label
from desktop.domain.units import Actor, UnitInfo
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action, Context
from tests.domain.loopkit import (
    CALLED_BACK,
    CITY,
    CITY_DEPT,
    DH_T1,
    DISPATCHED,
    DRAFT,
    HANDLING,
    HZ_T1,
    NOW,
    REGISTERED,
    REPORT,
    REVIEWING,
    act,
)

# --------------------------------------------------------------------------- field labels

EXPECTED_LABELS = {
    "channel": "举报途径",
    "channel_ref": "渠道编号",
    "due_by": "交办期限",
    "received_at": "受理时间",
    "county_code": "所属县区",
    "township_code": "所属乡镇（街道）",
    "subject_credit_code": "统一社会信用代码",
    "reporter_phone": "举报人电话",
    "phone": "联系电话",
    "lead_unit": "主办单位",
    "assisting_units": "协办单位",
    "handle_deadline": "办理时限",
    "reason": "理由",
    "days": "延期天数",
    "result": "办理结果",
    "finding": "核查结论",
    "measures": "整改措施",
    "attachments": "佐证材料",
    "note": "意见",
    "target_county": "转办县区",
    "original": "原件线索编号",
    "ground": "不予受理依据",
    "callback": "回访结果",
    "override_reason": "未闭环办结理由",
}


@pytest.mark.parametrize(("key", "label"), EXPECTED_LABELS.items())
def test_every_payload_key_has_its_label(key: str, label: str) -> None:
    assert FIELD_LABELS[key] == label
    assert field_label(key) == label


def test_keys_are_ascii_and_labels_chinese() -> None:
    for key, label in FIELD_LABELS.items():
        assert key.isascii() and key == key.strip() and " " not in key
        assert label and not label.isascii()


def test_a_key_without_label_is_shown_as_it_is() -> None:
    assert field_label("zzz") == "zzz"
    assert field_label("日期") == "日期"
    assert field_label("") == ""


def test_a_dotted_key_takes_the_label_of_its_first_part() -> None:
    # e.g. the second assisting unit of a dispatch, or one attachment of a report
    assert field_label("assisting_units.1") == "协办单位"
    assert field_label("attachments.0.sha256") == "佐证材料"
    assert field_label("nothing.here") == "nothing.here"


@pytest.mark.parametrize(("key", "label"), EXPECTED_LABELS.items())
def test_validation_error_names_the_key_and_shows_the_label(key: str, label: str) -> None:
    err = ValidationError(key, "不能为空")
    assert err.field == key
    assert err.label == label
    assert err.message == "不能为空"
    assert str(err) == f"{label}：不能为空"


def test_validation_error_of_a_dotted_key() -> None:
    err = ValidationError("assisting_units.1", "重复")
    assert err.field == "assisting_units.1"
    assert str(err) == "协办单位：重复"


# --------------------------------------------------------------------------- statuses


def test_new_statuses_and_their_labels() -> None:
    assert Status.SIGNOFF.value == "signoff" and Status.SIGNOFF.label == "待审签"
    assert Status.DUPLICATE.value == "duplicate" and Status.DUPLICATE.label == "重复件"
    assert Status.REFUSED.value == "refused" and Status.REFUSED.label == "不予受理"
    assert Status.from_text("待审签") is Status.SIGNOFF
    assert Status.from_text("重复件") is Status.DUPLICATE
    assert Status.from_text("不予受理") is Status.REFUSED


def test_open_and_done_statuses() -> None:
    # open: every status with a running stage deadline, the head's sign-off included
    assert OPEN_STATUSES == {
        Status.REGISTERED,
        Status.RETURNED,
        Status.DISPATCHED,
        Status.HANDLING,
        Status.SIGNOFF,
        Status.REVIEWING,
    }
    # done: closed, or refused at intake
    assert DONE_STATUSES == {Status.CLOSED, Status.REFUSED}
    # a duplicate is neither: it follows its original
    assert Status.DUPLICATE not in OPEN_STATUSES | DONE_STATUSES
    assert not OPEN_STATUSES & DONE_STATUSES
    assert OPEN_STATUSES | DONE_STATUSES | {Status.DUPLICATE} == set(Status)


# --------------------------------------------------------------------------- posts


def test_posts_and_their_labels() -> None:
    assert [p.value for p in Post] == ["clerk", "head"]
    assert Post.CLERK.label == "经办人"
    assert Post.HEAD.label == "负责人"
    assert Post.from_text("负责人") is Post.HEAD


def test_an_account_without_a_post_acts_as_its_units_head() -> None:
    unit = UnitInfo("320706101", "新坝镇", UnitKind.TOWNSHIP, "320706", "320706")
    assert Actor(username="xinba", role=Role.HANDLER, unit=unit).post is Post.HEAD
    clerk = Actor(username="xinba2", role=Role.HANDLER, unit=unit, post=Post.CLERK)
    assert clerk.post is Post.CLERK


# --------------------------------------------------------------------------- findings


def test_findings_and_their_labels() -> None:
    assert {f.value: f.label for f in Finding} == {
        "true": "属实",
        "partly_true": "部分属实",
        "untrue": "不属实",
    }
    assert Finding.from_text("部分属实") is Finding.PARTLY_TRUE


def test_a_true_or_partly_true_finding_needs_evidence() -> None:
    assert Finding.TRUE.needs_evidence
    assert Finding.PARTLY_TRUE.needs_evidence
    assert not Finding.UNTRUE.needs_evidence


def test_callback_results_and_their_labels() -> None:
    assert {c.value: c.label for c in CallbackResult} == {
        "satisfied": "满意",
        "basically": "基本满意",
        "unsatisfied": "不满意",
        "unreached": "未能联系上举报人",
    }
    assert CallbackResult.from_text("不满意") is CallbackResult.UNSATISFIED


# --------------------------------------------------------------------------- keys of the actions


def _action_errors() -> list[Any]:
    """Bad payloads for every action with fields, as (action, actor, clue, payload, key)."""
    city_owned = REGISTERED.evolve(owner_unit=CITY)
    return [
        (Action.REGISTER, "county_dispatcher", None, {**DRAFT, "channel": "x"}, "channel"),
        (Action.REGISTER, "county_dispatcher", None, {**DRAFT, "due_by": "x"}, "due_by"),
        (
            Action.REGISTER,
            "county_dispatcher",
            None,
            {**DRAFT, "channel_ref": "a\nb"},
            "channel_ref",
        ),
        (Action.DISPATCH, "county_dispatcher", REGISTERED, {"lead_unit": CITY_DEPT}, "lead_unit"),
        (
            Action.DISPATCH,
            "county_dispatcher",
            REGISTERED,
            {"lead_unit": HZ_T1, "assisting_units": [DH_T1]},
            "assisting_units",
        ),
        (
            Action.DISPATCH,
            "county_dispatcher",
            REGISTERED,
            {"lead_unit": HZ_T1, "handle_deadline": "x"},
            "handle_deadline",
        ),
        (Action.RETURN_TO_CITY, "county_dispatcher", REGISTERED, {}, "reason"),
        (Action.TRANSFER, "city_dispatcher", city_owned, {"reason": "x"}, "target_county"),
        (Action.TAKE_OVER, "city_dispatcher", HANDLING, {}, "reason"),
        (Action.MARK_DUPLICATE, "county_dispatcher", REGISTERED, {}, "original"),
        (Action.REFUSE, "county_dispatcher", REGISTERED, {"reason": "x"}, "ground"),
        (Action.RETURN, "lead_handler", DISPATCHED, {}, "reason"),
        (Action.REQUEST_EXTENSION, "lead_handler", HANDLING, {"days": 99}, "days"),
        (Action.REPORT, "lead_handler", HANDLING, {**REPORT, "finding": "x"}, "finding"),
        (Action.REPORT, "lead_handler", HANDLING, {**REPORT, "measures": ""}, "measures"),
        (Action.REPORT, "lead_handler", HANDLING, {**REPORT, "attachments": []}, "attachments"),
        (Action.CALLBACK, "county_dispatcher", REVIEWING, {"callback": "x"}, "callback"),
        (Action.CALLBACK, "county_dispatcher", REVIEWING, {"callback": "unreached"}, "note"),
        (Action.APPROVE, "county_dispatcher", REVIEWING, {}, "callback"),
        (Action.URGE, "county_dispatcher", HANDLING, {}, "note"),
    ]


@pytest.mark.parametrize(
    ("action", "actor", "clue", "payload", "key"),
    _action_errors(),
    ids=lambda value: value.value if isinstance(value, Action) else None,
)
def test_every_action_error_names_a_key_the_window_can_label(
    action: Action, actor: str, clue: ClueState | None, payload: dict[str, Any], key: str
) -> None:
    with pytest.raises(ValidationError) as info:
        act(action, actor, clue, NOW, payload)
    assert info.value.field == key
    assert key in FIELD_LABELS
    assert str(info.value) == f"{FIELD_LABELS[key]}：{info.value.message}"


def test_the_override_reason_error_names_its_key() -> None:
    context = Context(open_notices=("海新海整改〔2026〕15号未送达",))
    with pytest.raises(ValidationError) as info:
        act(Action.APPROVE, "county_dispatcher", CALLED_BACK, NOW, context=context)
    assert info.value.field == "override_reason"
    assert info.value.label == "未闭环办结理由"
