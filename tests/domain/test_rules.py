"""Tests for desktop.domain.rules: the time-limit and warning rules and their data form."""

from __future__ import annotations

import json
import re
from datetime import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.calendar import OfficeHours
from desktop.domain.codes import Priority
from desktop.domain.rules import DEFAULT_HANDLE_DAYS, Rules, TimeLimits, WarningThresholds

DEFAULT_DICT: dict[str, Any] = {
    "limits": {
        "dispatch_days": 1,
        "sign_days": 1,
        "handle_days": {"normal": 10, "urgent": 3, "critical": 1},
        "review_days": 2,
        "rework_days": 5,
        "return_window_days": 2,
        "max_extension_days": 10,
    },
    "warnings": {"level1_remaining_days": 1, "level3_overdue_days": 3},
    "office_hours": [["08:30", "12:00"], ["13:30", "17:30"]],
}

LIMIT_KEYS = [
    "dispatch_days",
    "sign_days",
    "review_days",
    "rework_days",
    "return_window_days",
    "max_extension_days",
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
            "return_window_days": 1,
            "max_extension_days": 365,
        },
        "warnings": {"level1_remaining_days": 2, "level3_overdue_days": 5},
        "office_hours": [["09:00", "17:00"]],
    }
    rules = Rules.from_dict(data)
    assert rules.limits.max_extension_days == 365
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
RULES_DATA = st.fixed_dictionaries(
    {
        "limits": st.fixed_dictionaries(
            {
                **{key: DAYS for key in LIMIT_KEYS},
                "handle_days": st.fixed_dictionaries(
                    {"normal": DAYS, "urgent": DAYS, "critical": DAYS}
                ),
            }
        ),
        "warnings": st.fixed_dictionaries({key: DAYS for key in WARNING_KEYS}),
        "office_hours": HOURS,
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
