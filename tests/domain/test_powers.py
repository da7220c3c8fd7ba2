"""Which unit may issue which document and file which cases: the published powers table."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.domain.codes import UnitKind
from desktop.domain.powers import (
    CORRECTION_ORDER,
    DEFAULT_POWERS,
    RECTIFICATION,
    Powers,
    law_short,
)
from desktop.domain.rules import Rules
from desktop.domain.units import UnitInfo


def _unit(name: str, kind: UnitKind = UnitKind.DEPARTMENT) -> UnitInfo:
    return UnitInfo("320706901", name, kind, "320706", "320706")


BUREAU = _unit("连云港市海州生态环境局")
HOUSING = _unit("海州区住房和城乡建设局")
URBAN = _unit("海州区城市管理局")
HEALTH = _unit("海州区卫生健康委员会")
STREET = _unit("新海街道", UnitKind.STREET)
TOWN = _unit("锦屏镇", UnitKind.TOWNSHIP)
OFFICE = _unit("海州区污染防治攻坚办", UnitKind.COUNTY_OFFICE)


def test_environment_bureau_issues_both_documents_and_files_cases_under_its_laws() -> None:
    assert DEFAULT_POWERS.may_issue(BUREAU, CORRECTION_ORDER)
    assert DEFAULT_POWERS.may_issue(BUREAU, RECTIFICATION)
    assert DEFAULT_POWERS.may_file_case(BUREAU, "中华人民共和国大气污染防治法")
    assert DEFAULT_POWERS.may_file_case(BUREAU, "《水污染防治法》")
    assert not DEFAULT_POWERS.may_file_case(BUREAU, "建筑法")


def test_a_department_holds_only_its_own_articles() -> None:
    assert DEFAULT_POWERS.enforces(HOUSING, "中华人民共和国大气污染防治法", "第六十九条")
    assert not DEFAULT_POWERS.enforces(HOUSING, "中华人民共和国大气污染防治法", "第四十五条")
    assert DEFAULT_POWERS.may_file_case(HOUSING, "大气污染防治法")
    assert DEFAULT_POWERS.enforces(URBAN, "大气污染防治法", "第一百一十八条")
    assert "城市市容和环境卫生管理条例" in DEFAULT_POWERS.laws_of(URBAN)


def test_units_without_power_issue_rectification_notices_only() -> None:
    for unit in (STREET, TOWN, HEALTH):
        assert DEFAULT_POWERS.may_issue(unit, RECTIFICATION), unit.name
        assert not DEFAULT_POWERS.may_issue(unit, CORRECTION_ORDER), unit.name
        assert not DEFAULT_POWERS.may_file_case(unit), unit.name
        assert DEFAULT_POWERS.laws_of(unit) == ()
    assert DEFAULT_POWERS.of(OFFICE) is None
    assert not DEFAULT_POWERS.may_issue(OFFICE, RECTIFICATION)


def test_law_short_names() -> None:
    assert law_short("中华人民共和国大气污染防治法") == "大气污染防治法"
    assert law_short("《排污许可管理条例》") == "排污许可管理条例"


def test_powers_round_trip_through_the_published_rules() -> None:
    data = Rules().to_dict()
    assert data["powers"][0]["key"] == "environment"
    again = Rules.from_dict(data)
    assert again.powers == DEFAULT_POWERS


def test_a_city_can_grant_townships_a_power_through_the_rules() -> None:
    data = Rules().to_dict()
    data["powers"].insert(
        0,
        {
            "key": "straw",
            "name": "乡镇综合行政执法",
            "unit_kinds": ["township"],
            "laws": {"大气污染防治法": ["第一百一十九条"]},
            "documents": ["rectification", "correction_order"],
            "files_cases": True,
        },
    )
    powers = Rules.from_dict(data).powers
    assert powers.may_file_case(TOWN, "大气污染防治法")
    assert powers.may_issue(TOWN, CORRECTION_ORDER)
    assert not powers.may_file_case(STREET)


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        ([], "powers"),
        ({"key": "x"}, "powers"),
        ([{"key": "x", "name": "甲", "unit_kinds": ["nowhere"]}], "powers[0].unit_kinds"),
        ([{"key": "x", "name": "甲", "unit_kinds": []}], "powers[0].unit_kinds"),
        ([{"name": "甲", "unit_kinds": ["department"]}], "powers[0]"),
        (
            [{"key": "x", "name": "甲", "unit_kinds": ["department"], "documents": ["fine"]}],
            "powers[0].documents",
        ),
        (
            [{"key": "x", "name": "甲", "unit_kinds": ["department"], "laws": ["水法"]}],
            "powers[0].laws",
        ),
        (
            [{"key": "x", "name": "甲", "unit_kinds": ["department"], "files_cases": "yes"}],
            "powers[0].files_cases",
        ),
    ],
)
def test_malformed_powers_are_refused_naming_the_entry(raw: Any, named: str) -> None:
    with pytest.raises(ValueError, match=named.replace("[", r"\[").replace("]", r"\]")):
        Powers.from_dict(raw)
