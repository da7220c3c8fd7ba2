"""The statistics' figure definitions: one per key, rates over counts, the derived counts, the
weeks and months of a period and the default period."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain.statistics import (
    COUNT_KEYS,
    DERIVED,
    FIGURES,
    Family,
    Grouping,
    buckets,
    derived_counts,
    figure,
    last_whole_month,
    month_key,
    month_label,
    rate_of,
    trend_grouping,
    week_key,
    week_label,
    week_monday,
)


def test_every_figure_has_one_definition() -> None:
    keys = [f.key for f in FIGURES]
    assert len(keys) == len(set(keys))
    labels = [f.label for f in FIGURES]
    assert len(labels) == len(set(labels))
    for fig in FIGURES:
        assert figure(fig.key) is fig
        assert fig.definition.endswith("。"), fig.key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in fig.label), fig.key
        if fig.is_rate:
            assert fig.numerator in COUNT_KEYS and fig.denominator in COUNT_KEYS, fig.key
            assert "÷" in fig.definition
        else:
            assert fig.kind == "count" and fig.numerator == fig.key
            assert fig.denominator is None
    with pytest.raises(KeyError):
        figure("no-such-figure")


def test_the_issue_asks_for_these_figures() -> None:
    labels = {f.label for f in FIGURES}
    for label in (
        "收到线索",
        "办结",
        "办结率",
        "按时签收率",
        "按时办理率",
        "按时审核率",
        "退回",
        "驳回",
        "属实",
        "部分属实",
        "不属实",
        "回访",
        "满意",
        "基本满意",
        "不满意",
        "未联系上",
        "满意率",
        "一级预警",
        "二级预警",
        "三级预警",
        "下发通知书",
        "按期整改",
        "逾期未整改",
        "立案",
        "结案",
        "结案率",
    ):
        assert label in labels, label


def test_only_the_warning_record_needs_a_sync() -> None:
    needs = {f.key for f in FIGURES if f.needs_sync}
    assert {"warning_level1", "warning_level2", "warning_level3", "sign_late"} <= needs
    assert "received" not in needs and "closed" not in needs
    assert {f.family for f in FIGURES} == set(Family)


def test_a_rate_is_none_when_nothing_is_below() -> None:
    rate = figure("closure_rate")
    assert rate_of(rate, {"closed": 3, "accepted": 4}) == 0.75
    assert rate_of(rate, {"closed": 0, "accepted": 0}) is None
    assert rate_of(rate, {}) is None


def test_derived_counts_take_the_part_away() -> None:
    counts = derived_counts(
        {"received": 10, "refused": 2, "sign_done": 7, "sign_late": 3, "handle_done": 0}
    )
    assert counts["accepted"] == 8
    assert counts["sign_on_time"] == 4
    assert counts["handle_on_time"] == 0
    assert set(DERIVED) <= set(COUNT_KEYS)


def test_weeks_and_months() -> None:
    friday = date(2026, 11, 27)
    assert week_monday(friday) == date(2026, 11, 23)
    assert week_key(friday) == "2026-W48"
    assert week_key(date(2027, 1, 1)) == "2026-W53"  # ISO: the week of its Thursday
    assert week_label(friday) == "11月23日—11月29日"
    assert month_key(friday) == "2026-11" and month_label("2026-11") == "2026年11月"


def test_a_trend_lists_every_week_or_month_of_the_period() -> None:
    weeks = buckets(date(2026, 11, 1), date(2026, 11, 30), Grouping.WEEK)
    assert [k for k, _ in weeks] == [f"2026-W{n}" for n in range(44, 50)]
    months = buckets(date(2025, 11, 15), date(2026, 2, 1), Grouping.MONTH)
    assert months == [
        ("2025-11", "2025年11月"),
        ("2025-12", "2025年12月"),
        ("2026-01", "2026年1月"),
        ("2026-02", "2026年2月"),
    ]
    with pytest.raises(ValueError):
        buckets(date(2026, 1, 1), date(2026, 2, 1), Grouping.UNIT)


def test_the_trend_goes_by_week_up_to_three_months() -> None:
    assert trend_grouping(date(2026, 9, 1), date(2026, 11, 30)) is Grouping.WEEK
    assert trend_grouping(date(2026, 1, 1), date(2026, 11, 30)) is Grouping.MONTH


def test_the_last_whole_month() -> None:
    assert last_whole_month(date(2026, 11, 27)) == (date(2026, 10, 1), date(2026, 10, 31))
    assert last_whole_month(date(2026, 1, 1)) == (date(2025, 12, 1), date(2025, 12, 31))
    assert last_whole_month(date(2024, 3, 31)) == (date(2024, 2, 1), date(2024, 2, 29))


def test_groupings_have_chinese_labels() -> None:
    assert Grouping.UNIT.label == "单位" and Grouping.MONTH.label == "月"
    assert all(g.label for g in Grouping)


def test_the_documentation_lists_every_figure_as_the_code_defines_it() -> None:
    page = (Path(__file__).parents[2] / "docs" / "statistics.md").read_text(encoding="utf-8")
    for fig in FIGURES:
        sync = "是" if fig.needs_sync else ""
        assert f"| `{fig.key}` | {fig.label} | {fig.definition} | {sync} |" in page, fig.key
