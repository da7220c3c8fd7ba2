"""Weekly verification's rules: the stratified draw reproducible from its seed, the quotas,
the weeks, the state of a drawn item and what a recorded result does to its clue."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.validators import ValidationError
from desktop.domain.verification import (
    RECORD_TYPE,
    Candidate,
    ItemStatus,
    Quota,
    Round,
    SamplePlan,
    VerificationResult,
    allocate,
    check_result,
    clue_action_of,
    draw_sample,
    item_status,
    last_week,
    week_days,
    week_key,
)
from desktop.domain.workflow import Action

UNITS = ("320706001", "320706002", "320706003")
CHANNELS = ("hotline_12345", "hotline_12369", "letter", "online")

candidate_lists = st.lists(
    st.builds(
        Candidate,
        code=st.from_regex(r"LYG2026[0-9]{4}", fullmatch=True),
        unit=st.sampled_from(UNITS),
        channel=st.sampled_from(CHANNELS),
    ),
    max_size=60,
    unique_by=lambda c: c.code,
)
quotas = st.one_of(
    st.builds(Quota, count=st.integers(0, 30)),
    st.builds(Quota, percent=st.integers(0, 100)),
)
plans = st.builds(SamplePlan, default=quotas, units=st.dictionaries(st.sampled_from(UNITS), quotas))
seeds = st.integers(1, 2**31 - 1)


@settings(max_examples=150, deadline=None)
@given(candidate_lists, plans, seeds)
def test_the_same_seed_draws_the_same_sample_whatever_the_order(
    candidates: list[Candidate], plan: SamplePlan, seed: int
) -> None:
    first = draw_sample(candidates, plan, seed)
    assert draw_sample(list(reversed(candidates)), plan, seed) == first
    assert draw_sample(sorted(candidates, key=lambda c: c.channel), plan, seed) == first


@settings(max_examples=150, deadline=None)
@given(candidate_lists, plans, seeds)
def test_a_sample_holds_each_clue_once_and_only_candidates(
    candidates: list[Candidate], plan: SamplePlan, seed: int
) -> None:
    sample = draw_sample(candidates, plan, seed)
    codes = [c.code for c in sample]
    assert len(codes) == len(set(codes))
    assert set(sample) <= set(candidates)


@settings(max_examples=150, deadline=None)
@given(candidate_lists, plans, seeds)
def test_each_unit_gets_its_quota_split_over_its_channels(
    candidates: list[Candidate], plan: SamplePlan, seed: int
) -> None:
    sample = draw_sample(candidates, plan, seed)
    for unit in UNITS:
        mine = [c for c in candidates if c.unit == unit]
        drawn = [c for c in sample if c.unit == unit]
        size = plan.quota(unit).size(len(mine))
        assert len(drawn) == size
        if mine:
            assert size >= 1  # a unit that closed anything is verified
        per_channel = Counter(c.channel for c in mine)
        got = Counter(c.channel for c in drawn)
        for channel, available in per_channel.items():
            exact = size * available / len(mine)
            assert got[channel] <= available
            if size >= len(per_channel):
                assert got[channel] >= 1  # every channel with clues gets its share
            else:
                assert abs(got[channel] - exact) < 1 + 1e-9


def test_a_different_seed_draws_differently() -> None:
    candidates = [Candidate(f"LYG2026{i:04d}", UNITS[0], CHANNELS[i % 2]) for i in range(40)]
    plan = SamplePlan(Quota(count=5))
    samples = {draw_sample(candidates, plan, seed) for seed in range(1, 8)}
    assert len(samples) > 1


def test_a_known_sample_is_drawn_the_same_on_every_machine() -> None:
    candidates = [Candidate(f"LYG2026{i:04d}", UNITS[0], CHANNELS[i % 3]) for i in range(30)]
    sample = draw_sample(candidates, SamplePlan(Quota(count=6)), 20261130)
    assert [c.code for c in sample] == [
        "LYG20260000",
        "LYG20260006",
        "LYG20260016",
        "LYG20260028",
        "LYG20260005",
        "LYG20260014",
    ]


def test_largest_remainder_allocation() -> None:
    assert allocate({"a": 6, "b": 3, "c": 1}, 5) == {"a": 3, "b": 1, "c": 1}
    assert allocate({"a": 6, "b": 3, "c": 1}, 2) == {"a": 1, "b": 1, "c": 0}
    assert allocate({"a": 6, "b": 0}, 10) == {"a": 6}
    assert allocate({"a": 9, "b": 1, "c": 1}, 3) == {"a": 1, "b": 1, "c": 1}
    assert sum(allocate({"x": 7, "y": 5, "z": 2}, 9).values()) == 9


def test_quotas() -> None:
    assert Quota(percent=20).size(12) == 3  # 2.4 rounds up
    assert Quota(percent=10).size(3) == 1  # at least one
    assert Quota(count=10).size(4) == 4
    assert Quota(count=0).size(4) == 1
    assert Quota(count=3).size(0) == 0
    assert Quota.parse("20%") == Quota(percent=20)
    assert Quota.parse(" 8 件") == Quota(count=8)
    with pytest.raises(ValueError):
        Quota(count=1, percent=2)
    plan = SamplePlan(Quota(count=2), {UNITS[1]: Quota(percent=50)})
    assert SamplePlan.from_dict(plan.to_dict()) == plan


def test_weeks_run_monday_to_sunday_china_time() -> None:
    assert week_key(date(2026, 11, 29)) == "2026-W48"
    assert week_days("2026-W48") == (date(2026, 11, 23), date(2026, 11, 29))
    assert week_key(date(2027, 1, 1)) == "2026-W53"
    monday = datetime(2026, 11, 30, 0, 30, tzinfo=CHINA_TZ)
    assert last_week(monday) == "2026-W48"


def _at(day: int) -> datetime:
    return datetime(2026, 11, day, 10, tzinfo=CHINA_TZ)


def test_item_status() -> None:
    failed = [Round(1, VerificationResult.INCOMPLETE, _at(2))]
    assert item_status([], "closed", _at(1)) is ItemStatus.TO_VERIFY
    assert item_status(failed, "handling", None) is ItemStatus.REWORK
    assert item_status(failed, "closed", _at(1)) is ItemStatus.REWORK
    assert item_status(failed, "closed", _at(5)) is ItemStatus.RECHECK
    passed = [*failed, Round(2, VerificationResult.PASSED, _at(6))]
    assert item_status(passed, "closed", _at(5)) is ItemStatus.PASSED
    assert item_status([], "closed", _at(1), dropped=True) is ItemStatus.DROPPED


def test_a_failure_needs_a_note_and_evidence() -> None:
    assert check_result({"verdict": "合格"}) == (VerificationResult.PASSED, "")
    with pytest.raises(ValidationError) as caught:
        check_result({"verdict": "irregular", "attachments": [{"sha256": "a" * 64}]})
    assert caught.value.field == "note"
    with pytest.raises(ValidationError) as caught:
        check_result({"verdict": "incomplete", "note": "围挡未恢复"})
    assert caught.value.field == "attachments"
    with pytest.raises(ValidationError) as caught:
        check_result({"verdict": "maybe"})
    assert caught.value.field == "verdict"


def test_a_failure_reopens_its_clue_and_a_pass_leaves_it() -> None:
    files = [{"sha256": "b" * 64, "name": "现场.jpg"}]
    taken = clue_action_of(
        RECORD_TYPE, {"verdict": "incomplete", "note": "未整改", "attachments": files}
    )
    assert taken == (
        Action.VERIFICATION_FAIL,
        {"reason": "整改不到位：未整改", "attachments": files},
    )
    assert clue_action_of(RECORD_TYPE, {"verdict": "passed"}) is None
    assert clue_action_of("clue.sign.v1", {}) is None


def test_week_days_cover_seven_days() -> None:
    monday, sunday = week_days("2026-W01")
    assert sunday - monday == timedelta(days=6)
