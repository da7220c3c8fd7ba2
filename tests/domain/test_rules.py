"""Tests for desktop.domain.rules: the time-limit and warning rules and their data form.

The defaults are written by hand from DESIGN.md §2 and issue 10: 信访 60 days (42 working
days), a 12345 work order 5 working days (urgent 2, critical 1); at most 2 extensions and 15
extra working days per stage; callbacks where the channel has a reporter; sign-off by the
unit's head; the published grounds of 不予受理.
"""

from __future__ import annotations

import json
import re
from datetime import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.assessment_weights import COMPONENTS, DEFAULT_ASSESSMENT_WEIGHTS
from desktop.domain.calendar import OfficeHours
from desktop.domain.case_rules import CaseRules
from desktop.domain.codes import Channel, Priority
from desktop.domain.powers import DEFAULT_POWERS
from desktop.domain.rules import DEFAULT_HANDLE_DAYS, Rules, TimeLimits, WarningThresholds
from desktop.domain.stages import Stage

DEFAULT_GROUNDS = {
    "out_of_scope": "不属于生态环境保护职责范围",
    "no_facts": "无具体被反映对象或违法事实",
    "already_settled": "已依法处理且无新情况、新理由",
    "in_litigation": "已进入诉讼、仲裁或行政复议程序",
    "other_channel": "依法应通过其他法定途径解决",
}

DEFAULT_DICT: dict[str, Any] = {
    "limits": {
        "dispatch_days": 1,
        "sign_days": 1,
        "handle_days": {"normal": 10, "urgent": 3, "critical": 1},
        "review_days": 2,
        "rework_days": 5,
        "verification_rework_days": 5,
        "return_window_days": 2,
        "max_extension_days": 10,
        "max_extensions": 2,
        "max_extension_total_days": 15,
        "channel_handle_days": {
            "petition": {"normal": 42, "urgent": 10, "critical": 3},
            "hotline_12345": {"normal": 5, "urgent": 2, "critical": 1},
        },
    },
    "warnings": {"level1_remaining_days": 1, "level3_overdue_days": 3},
    "office_hours": [["08:30", "12:00"], ["13:30", "17:30"]],
    "callback_channels": [
        "hotline_12345",
        "hotline_12369",
        "leader_mailbox",
        "petition",
        "wechat_report",
    ],
    "signoff_required": True,
    "refusal_grounds": DEFAULT_GROUNDS,
    "powers": DEFAULT_POWERS.to_dict(),
    "cases": CaseRules().to_dict(),
    "stage_warnings": {},
    "assessment_weights": dict(DEFAULT_ASSESSMENT_WEIGHTS),
}

LIMIT_KEYS = [
    "dispatch_days",
    "sign_days",
    "review_days",
    "rework_days",
    "verification_rework_days",
    "return_window_days",
    "max_extension_days",
    "max_extensions",
    "max_extension_total_days",
]
WARNING_KEYS = ["level1_remaining_days", "level3_overdue_days"]


def test_defaults() -> None:
    rules = Rules()
    limits = rules.limits
    assert limits.dispatch_days == 1
    assert limits.sign_days == 1
    assert limits.handle_days_for(Priority.NORMAL) == 10
    assert limits.handle_days_for(Priority.URGENT) == 3
    assert limits.handle_days_for(Priority.CRITICAL) == 1
    assert limits.review_days == 2
    assert limits.rework_days == 5
    assert limits.return_window_days == 2
    assert limits.max_extension_days == 10
    assert limits.max_extensions == 2
    assert limits.max_extension_total_days == 15
    assert rules.signoff_required is True
    assert dict(rules.refusal_grounds) == DEFAULT_GROUNDS
    assert rules.callback_channels == {
        Channel.HOTLINE_12345,
        Channel.HOTLINE_12369,
        Channel.PETITION,
        Channel.LEADER_MAILBOX,
        Channel.WECHAT_REPORT,
    }
    assert rules.warnings == WarningThresholds(level1_remaining_days=1, level3_overdue_days=3)
    assert rules.office_hours.periods == ((time(8, 30), time(12, 0)), (time(13, 30), time(17, 30)))
    assert rules.office_hours.day_seconds == 27000


def test_default_to_dict() -> None:
    assert Rules().to_dict() == DEFAULT_DICT


def test_to_dict_is_json_ready() -> None:
    assert json.loads(json.dumps(Rules().to_dict())) == DEFAULT_DICT


@pytest.mark.parametrize(
    "data",
    [{}, {"limits": None, "warnings": None}, {"limits": {}, "warnings": {}}, DEFAULT_DICT],
)
def test_from_dict_defaults(data: dict[str, Any]) -> None:
    assert Rules.from_dict(data) == Rules()


def test_from_dict_partial_keeps_other_defaults() -> None:
    rules = Rules.from_dict(
        {
            "limits": {"sign_days": 2, "handle_days": {"urgent": 5}},
            "warnings": {"level3_overdue_days": 7},
        }
    )
    assert rules.limits.sign_days == 2
    assert rules.limits.dispatch_days == 1
    assert rules.limits.review_days == 2
    assert dict(rules.limits.handle_days) == {
        Priority.NORMAL: 10,
        Priority.URGENT: 5,
        Priority.CRITICAL: 1,
    }
    assert rules.warnings == WarningThresholds(level1_remaining_days=1, level3_overdue_days=7)
    assert rules.office_hours == OfficeHours()
    # The module defaults and fresh rules are untouched.
    assert DEFAULT_HANDLE_DAYS[Priority.URGENT] == 3
    assert Rules().limits.handle_days_for(Priority.URGENT) == 3


def test_default_handle_days_are_not_shared() -> None:
    first, second = TimeLimits(), TimeLimits()
    assert first.handle_days is not second.handle_days
    assert first.handle_days is not DEFAULT_HANDLE_DAYS


def test_custom_round_trip() -> None:
    data = {
        "limits": {
            "dispatch_days": 2,
            "sign_days": 3,
            "handle_days": {"normal": 15, "urgent": 5, "critical": 2},
            "review_days": 4,
            "rework_days": 6,
            "verification_rework_days": 4,
            "return_window_days": 1,
            "max_extension_days": 365,
            "max_extensions": 3,
            "max_extension_total_days": 20,
            "channel_handle_days": {"inspection_assignment": {"normal": 7, "urgent": 2}},
        },
        "warnings": {"level1_remaining_days": 2, "level3_overdue_days": 5},
        "office_hours": [["09:00", "17:00"]],
        "callback_channels": ["leader_mailbox", "npc_cppcc"],
        "signoff_required": False,
        "refusal_grounds": {"dup_case": "同一事项已立案查处"},
        "powers": [
            {
                "key": "environment",
                "name": "生态环境部门",
                "unit_kinds": ["department"],
                "words": ["生态环境"],
                "laws": {"大气污染防治法": []},
                "documents": ["correction_order", "rectification"],
                "files_cases": True,
            }
        ],
        "cases": {
            "decision_days": 60,
            "extension_days": [30],
            "hearing_citizen_yuan": "2000",
            "hearing_organisation_yuan": "30000",
            "hearing_kinds": ["closure_ordered"],
        },
        "stage_warnings": {"sign": {"level1_remaining_days": 1, "level3_overdue_days": 1}},
        "assessment_weights": dict(DEFAULT_ASSESSMENT_WEIGHTS, satisfaction=30, handled_on_time=0),
    }
    rules = Rules.from_dict(data)
    assert rules.warnings_for(Stage.SIGN) == WarningThresholds(1, 1)
    assert rules.warnings_for(Stage.HANDLE) == WarningThresholds(2, 5)
    assert rules.cases.decision_days == 60 and rules.cases.max_extensions == 1
    assert rules.limits.max_extension_days == 365
    assert rules.limits.max_extensions == 3
    assert rules.limits.max_extension_total_days == 20
    assert rules.limits.handle_days_for(Priority.NORMAL, Channel.INSPECTION_ASSIGNMENT) == 7
    assert rules.limits.handle_days_for(Priority.URGENT, Channel.INSPECTION_ASSIGNMENT) == 2
    # no critical limit of its own: the priority's default; 信访 no longer has its own
    assert rules.limits.handle_days_for(Priority.CRITICAL, Channel.INSPECTION_ASSIGNMENT) == 2
    assert rules.limits.handle_days_for(Priority.NORMAL, Channel.PETITION) == 15
    assert rules.callback_channels == {Channel.LEADER_MAILBOX, Channel.NPC_CPPCC}
    assert rules.needs_callback(Channel.NPC_CPPCC)
    assert not rules.needs_callback(Channel.HOTLINE_12345)
    assert rules.signoff_required is False
    assert dict(rules.refusal_grounds) == {"dup_case": "同一事项已立案查处"}
    assert rules.limits.handle_days_for(Priority.CRITICAL) == 2
    assert rules.office_hours.day_seconds == 8 * 3600
    assert rules.office_hours.closing == time(17, 0)
    assert rules.to_dict() == data
    assert Rules.from_dict(json.loads(json.dumps(rules.to_dict()))) == rules


def test_from_dict_ignores_unknown_keys() -> None:
    assert Rules.from_dict({"version": 3, "limits": {"unknown_days": 0}}) == Rules()


BAD_DAYS = [0, -1, 366, "3", 2.0, True, False, None, [1]]


@pytest.mark.parametrize("value", BAD_DAYS, ids=repr)
@pytest.mark.parametrize("key", LIMIT_KEYS)
def test_bad_limit_names_the_key(key: str, value: Any) -> None:
    with pytest.raises(ValueError, match=re.escape(f"limits.{key} ")):
        Rules.from_dict({"limits": {key: value}})


@pytest.mark.parametrize("value", BAD_DAYS, ids=repr)
@pytest.mark.parametrize("key", WARNING_KEYS)
def test_bad_warning_threshold_names_the_key(key: str, value: Any) -> None:
    with pytest.raises(ValueError, match=re.escape(f"warnings.{key} ")):
        Rules.from_dict({"warnings": {key: value}})


@pytest.mark.parametrize("value", BAD_DAYS, ids=repr)
@pytest.mark.parametrize("key", WARNING_KEYS)
def test_bad_stage_threshold_names_the_stage_and_key(key: str, value: Any) -> None:
    with pytest.raises(ValueError, match=re.escape(f"stage_warnings.sign.{key} ")):
        Rules.from_dict({"stage_warnings": {"sign": {key: value}}})


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ({"stage_warnings": 5}, "时限规则 stage_warnings 应为对象"),
        ({"stage_warnings": {"signing": {}}}, "时限规则 stage_warnings 中的环节无效：signing"),
        ({"stage_warnings": {"handle": 3}}, "时限规则 stage_warnings.handle 应为对象"),
    ],
)
def test_malformed_stage_warnings_are_refused(data: dict[str, Any], text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(text)):
        Rules.from_dict(data)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ({"assessment_weights": [1, 2]}, "时限规则 assessment_weights 应为对象"),
        ({"assessment_weights": {"speed": 3}}, "时限规则 assessment_weights.speed 不是考核项"),
        (
            {"assessment_weights": {"satisfaction": -1}},
            "时限规则 assessment_weights.satisfaction 应为 0 到 1000 之间的数",
        ),
        (
            {"assessment_weights": {"signed_on_time": "15"}},
            "时限规则 assessment_weights.signed_on_time 应为 0 到 1000 之间的数",
        ),
        (
            {"assessment_weights": {"passed_review": True}},
            "时限规则 assessment_weights.passed_review 应为 0 到 1000 之间的数",
        ),
        (
            {"assessment_weights": dict.fromkeys(COMPONENTS, 0)},
            "时限规则 assessment_weights 的权重不能全为 0",
        ),
    ],
)
def test_malformed_assessment_weights_are_refused(data: dict[str, Any], text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(text)):
        Rules.from_dict(data)


def test_assessment_weights_keep_defaults_for_missing_components() -> None:
    rules = Rules.from_dict({"assessment_weights": {"satisfaction": 40}})
    assert rules.assessment_weights.weight("satisfaction") == 40
    assert rules.assessment_weights.weight("handled_on_time") == 20
    assert Rules.from_dict(rules.to_dict()) == rules


def test_stage_thresholds_default_to_the_general_ones() -> None:
    rules = Rules.from_dict(
        {
            "warnings": {"level3_overdue_days": 5},
            "stage_warnings": {"sign": {"level3_overdue_days": 1}},
        }
    )
    assert rules.warnings_for(Stage.SIGN) == WarningThresholds(1, 1)
    assert rules.warnings_for(Stage.HANDLE) == WarningThresholds(1, 5)
    assert Rules().warnings_for(Stage.REVIEW) == Rules().warnings


@pytest.mark.parametrize("value", BAD_DAYS, ids=repr)
@pytest.mark.parametrize("priority", ["normal", "urgent", "critical"])
def test_bad_handle_days_names_the_priority(priority: str, value: Any) -> None:
    with pytest.raises(ValueError, match=re.escape(f"limits.handle_days.{priority} ")):
        Rules.from_dict({"limits": {"handle_days": {priority: value}}})


def test_error_message_shows_the_bad_value() -> None:
    with pytest.raises(ValueError) as info:
        Rules.from_dict({"limits": {"review_days": "3"}})
    assert str(info.value) == "时限规则 limits.review_days 必须是 1 到 365 之间的整数，而不是 '3'"


@pytest.mark.parametrize("key", ["super", "紧急", "NORMAL", ""])
def test_unknown_priority_names_it(key: str) -> None:
    with pytest.raises(ValueError, match=f"limits.handle_days 中的紧急程度无效：{re.escape(key)}$"):
        Rules.from_dict({"limits": {"handle_days": {key: 3}}})


@pytest.mark.parametrize("value", [1, 365])
def test_limit_range_ends_are_accepted(value: int) -> None:
    rules = Rules.from_dict({"limits": {"rework_days": value, "handle_days": {"normal": value}}})
    assert rules.limits.rework_days == value
    assert rules.limits.handle_days_for(Priority.NORMAL) == value


@pytest.mark.parametrize(
    "hours",
    [[], [["08:30"]], [["17:30", "08:30"]], [["08:30", "12:00"], ["11:00", "17:30"]], [["x", "y"]]],
)
def test_bad_office_hours_raise_value_error(hours: list[list[str]]) -> None:
    with pytest.raises(ValueError):
        Rules.from_dict({"office_hours": hours})


@pytest.mark.parametrize(
    "data",
    [
        {"office_hours": None},
        {"limits": {"handle_days": None}},
        {"limits": 5},
    ],
    ids=["office_hours-null", "handle_days-null", "limits-not-a-mapping"],
)
def test_malformed_structure_raises_value_error(data: dict[str, Any]) -> None:
    """`from_dict` promises ValueError for bad entries (callers catch it to reject a rules
    file); JSON nulls and non-objects escape as TypeError instead."""
    with pytest.raises(ValueError):
        Rules.from_dict(data)


# -- properties ---------------------------------------------------------------------------

DAYS = st.integers(1, 365)
HOURS = st.sampled_from(
    [
        [["08:30", "12:00"], ["13:30", "17:30"]],
        [["09:00", "17:00"]],
        [["08:00", "12:00"], ["14:00", "18:00"]],
        [["08:00", "11:30"], ["11:30", "12:00"], ["13:00", "17:00"]],
    ]
)
PRIORITY_DAYS = st.dictionaries(st.sampled_from(["normal", "urgent", "critical"]), DAYS)
CHANNEL_CODES = st.sampled_from([c.value for c in Channel])
RULES_DATA = st.fixed_dictionaries(
    {
        "limits": st.fixed_dictionaries(
            {
                **{key: DAYS for key in LIMIT_KEYS},
                "handle_days": st.fixed_dictionaries(
                    {"normal": DAYS, "urgent": DAYS, "critical": DAYS}
                ),
                "channel_handle_days": st.dictionaries(CHANNEL_CODES, PRIORITY_DAYS, max_size=4),
            }
        ),
        "warnings": st.fixed_dictionaries({key: DAYS for key in WARNING_KEYS}),
        "office_hours": HOURS,
        "callback_channels": st.lists(CHANNEL_CODES, unique=True).map(sorted),
        "signoff_required": st.booleans(),
        "refusal_grounds": st.dictionaries(
            st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12),
            st.sampled_from(["不属于职责范围", "无具体违法事实", "已依法处理"]),
            min_size=1,
            max_size=4,
        ),
        "powers": st.just(DEFAULT_POWERS.to_dict()),
        "cases": st.just(CaseRules().to_dict()),
        "stage_warnings": st.dictionaries(
            st.sampled_from([s.value for s in Stage]),
            st.fixed_dictionaries({key: DAYS for key in WARNING_KEYS}),
        ),
        "assessment_weights": st.fixed_dictionaries(
            {name: st.integers(min_value=1, max_value=1000) for name in COMPONENTS}
        ),
    }
)


@settings(max_examples=100, deadline=None)
@given(data=RULES_DATA)
def test_round_trip_property(data: dict[str, Any]) -> None:
    rules = Rules.from_dict(data)
    assert rules.to_dict() == data
    assert Rules.from_dict(rules.to_dict()) == rules
    assert rules.limits.review_days == data["limits"]["review_days"]
    assert rules.limits.handle_days_for(Priority.URGENT) == data["limits"]["handle_days"]["urgent"]
    assert rules.warnings.level3_overdue_days == data["warnings"]["level3_overdue_days"]
    assert rules.signoff_required is data["signoff_required"]
    for stage in Stage:
        own = data["stage_warnings"].get(stage.value, data["warnings"])
        assert rules.warnings_for(stage) == WarningThresholds(**own)
    assert sorted(c.value for c in rules.callback_channels) == data["callback_channels"]
    for channel, days in data["limits"]["channel_handle_days"].items():
        for priority in Priority:
            expected = days.get(priority.value, data["limits"]["handle_days"][priority.value])
            assert rules.limits.handle_days_for(priority, Channel(channel)) == expected


@settings(max_examples=100, deadline=None)
@given(
    key=st.sampled_from(LIMIT_KEYS),
    value=st.one_of(
        st.integers(max_value=0),
        st.integers(min_value=366),
        st.floats(allow_nan=False),
        st.text(max_size=3),
        st.booleans(),
    ),
)
def test_out_of_range_or_wrong_type_is_rejected(key: str, value: Any) -> None:
    with pytest.raises(ValueError, match=re.escape(f"limits.{key} ")):
        Rules.from_dict({"limits": {key: value}})


# -- the rules data of issue 10 -----------------------------------------------------------


@pytest.mark.parametrize(
    ("priority", "channel", "days"),
    [
        (Priority.NORMAL, Channel.PETITION, 42),
        (Priority.URGENT, Channel.PETITION, 10),
        (Priority.CRITICAL, Channel.PETITION, 3),
        (Priority.NORMAL, Channel.HOTLINE_12345, 5),
        (Priority.URGENT, Channel.HOTLINE_12345, 2),
        (Priority.CRITICAL, Channel.HOTLINE_12345, 1),
        (Priority.NORMAL, Channel.HOTLINE_12369, 10),  # no limits of its own
        (Priority.URGENT, Channel.INSPECTION_ASSIGNMENT, 3),
        (Priority.CRITICAL, Channel.GRID_PATROL, 1),
        (Priority.NORMAL, None, 10),
    ],
)
def test_handle_days_by_channel_and_priority(
    priority: Priority, channel: Channel | None, days: int
) -> None:
    assert Rules().limits.handle_days_for(priority, channel) == days


def test_channels_that_need_a_callback() -> None:
    rules = Rules()
    with_reporter = {
        Channel.HOTLINE_12345,
        Channel.HOTLINE_12369,
        Channel.PETITION,
        Channel.LEADER_MAILBOX,
        Channel.WECHAT_REPORT,
    }
    for channel in Channel:
        assert rules.needs_callback(channel) is (channel in with_reporter)


def test_default_channel_limits_are_not_shared() -> None:
    first, second = TimeLimits(), TimeLimits()
    assert first.channel_handle_days is not second.channel_handle_days
    assert (
        first.channel_handle_days[Channel.PETITION]
        is not (second.channel_handle_days[Channel.PETITION])
    )
    assert Rules().refusal_grounds is not Rules().refusal_grounds


def test_partial_new_data_keeps_the_other_defaults() -> None:
    rules = Rules.from_dict({"signoff_required": False, "limits": {"max_extensions": 1}})
    assert rules.signoff_required is False
    assert rules.limits.max_extensions == 1
    assert rules.limits.max_extension_total_days == 15
    assert rules.limits.handle_days_for(Priority.NORMAL, Channel.PETITION) == 42
    assert rules.callback_channels == Rules().callback_channels
    assert rules.refusal_grounds == Rules().refusal_grounds


def test_empty_callback_channels_mean_no_callbacks() -> None:
    rules = Rules.from_dict({"callback_channels": []})
    assert rules.callback_channels == frozenset()
    assert not any(rules.needs_callback(channel) for channel in Channel)
    assert rules.to_dict()["callback_channels"] == []


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"limits": {"channel_handle_days": []}}, "limits.channel_handle_days"),
        ({"limits": {"channel_handle_days": None}}, "limits.channel_handle_days"),
        ({"limits": {"channel_handle_days": {"fax": {"normal": 5}}}}, "举报途径无效：fax"),
        ({"limits": {"channel_handle_days": {"12345热线": {"normal": 5}}}}, "举报途径无效"),
        ({"limits": {"channel_handle_days": {"petition": 42}}}, "channel_handle_days.petition"),
        ({"limits": {"channel_handle_days": {"petition": {"紧急": 3}}}}, "紧急程度无效：紧急"),
        (
            {"limits": {"channel_handle_days": {"petition": {"normal": 0}}}},
            "limits.channel_handle_days.petition.normal ",
        ),
        (
            {"limits": {"channel_handle_days": {"petition": {"urgent": "3"}}}},
            "limits.channel_handle_days.petition.urgent ",
        ),
        ({"callback_channels": "petition"}, "callback_channels"),
        ({"callback_channels": None}, "callback_channels"),
        ({"callback_channels": {"petition": True}}, "callback_channels"),
        ({"callback_channels": ["petition", "fax"]}, "举报途径无效：fax"),
        ({"signoff_required": "yes"}, "signoff_required"),
        ({"signoff_required": 1}, "signoff_required"),
        ({"signoff_required": None}, "signoff_required"),
        ({"refusal_grounds": {}}, "refusal_grounds"),
        ({"refusal_grounds": None}, "refusal_grounds"),
        ({"refusal_grounds": ["out_of_scope"]}, "refusal_grounds"),
        ({"refusal_grounds": {"out_of_scope": ""}}, "refusal_grounds"),
        ({"refusal_grounds": {"out_of_scope": "  "}}, "refusal_grounds"),
        ({"refusal_grounds": {"": "不属于职责范围"}}, "refusal_grounds"),
        ({"refusal_grounds": {"out_of_scope": 3}}, "refusal_grounds"),
    ],
    ids=repr,
)
def test_bad_new_rules_data_is_a_chinese_value_error(data: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValueError) as info:
        Rules.from_dict(data)
    message = str(info.value)
    assert message.startswith("时限规则 ")
    assert fragment in message


def test_refusal_grounds_are_trimmed() -> None:
    rules = Rules.from_dict({"refusal_grounds": {"out_of_scope": " 不属于职责范围 "}})
    assert dict(rules.refusal_grounds) == {"out_of_scope": "不属于职责范围"}


def test_new_data_round_trips_through_json() -> None:
    rules = Rules.from_dict(
        {
            "limits": {
                "max_extensions": 1,
                "max_extension_total_days": 5,
                "channel_handle_days": {"petition": {"normal": 40}},
            },
            "callback_channels": ["petition"],
            "signoff_required": False,
            "refusal_grounds": {"x": "理由"},
        }
    )
    again = Rules.from_dict(json.loads(json.dumps(rules.to_dict())))
    assert again == rules
    assert again.to_dict()["limits"]["channel_handle_days"] == {"petition": {"normal": 40}}
    assert again.limits.handle_days_for(Priority.URGENT, Channel.PETITION) == 3
