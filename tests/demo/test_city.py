"""The demo city: Lianyungang's unit tree and its users."""

from __future__ import annotations

import re

import pytest

from desktop.demo.city import DEMO_PASSWORD, DemoCity, load_city
from desktop.domain.codes import Post, Role, UnitKind
from desktop.domain.units import Actor
from desktop.domain.validators import validate_phone

AREAS = {
    "320706": ("海州区", UnitKind.COUNTY_OFFICE),
    "320703": ("连云区", UnitKind.COUNTY_OFFICE),
    "320707": ("赣榆区", UnitKind.COUNTY_OFFICE),
    "320722": ("东海县", UnitKind.COUNTY_OFFICE),
    "320723": ("灌云县", UnitKind.COUNTY_OFFICE),
    "320724": ("灌南县", UnitKind.COUNTY_OFFICE),
    "320771": ("连云港经济技术开发区", UnitKind.ZONE_OFFICE),
    "320772": ("徐圩新区", UnitKind.ZONE_OFFICE),
    "320773": ("云台山风景名胜区", UnitKind.ZONE_OFFICE),
}


@pytest.fixture(scope="module")
def city() -> DemoCity:
    return load_city()


def test_the_city_office_heads_the_tree(city: DemoCity) -> None:
    office = city.unit("320700")
    assert office.name == "连云港市污染防治攻坚办"
    assert office.kind is UnitKind.CITY_OFFICE
    assert office.parent_code is None and office.county_code is None


def test_the_six_counties_and_three_zones(city: DemoCity) -> None:
    areas = city.areas()
    assert {a.code for a in areas} == set(AREAS)
    for area in areas:
        name, kind = AREAS[area.code]
        assert area.kind is kind
        assert city.area_name(area.code) == name
        assert area.name.startswith(name)
        assert area.parent_code == "320700"
        assert area.county_code == area.code


def test_codes_are_unique_and_every_parent_exists(city: DemoCity) -> None:
    codes = [u.code for u in city.units]
    assert len(codes) == len(set(codes))
    directory = city.directory()
    for unit in city.units:
        if unit.parent_code is not None:
            parent = directory[unit.parent_code]
            assert parent.county_code in (None, unit.county_code)


def test_unit_codes_follow_the_scheme(city: DemoCity) -> None:
    for unit in city.units:
        if unit.kind in (UnitKind.TOWNSHIP, UnitKind.STREET):
            assert re.fullmatch(r"\d{9}", unit.code)
            assert unit.county_code is not None
            assert unit.code[:6] == unit.county_code == unit.parent_code
            assert unit.code[6] != "9" and unit.code[6:] != "800"
            expected = UnitKind.STREET if unit.name.endswith("街道") else UnitKind.TOWNSHIP
            assert unit.kind is expected
        elif unit.kind is UnitKind.DEPARTMENT:
            prefix = unit.county_code or "320700"
            assert re.fullmatch(prefix + r"9\d\d", unit.code)
            assert unit.parent_code == prefix
        elif unit.kind is UnitKind.DISCIPLINE:
            assert unit.code == (unit.county_code or "320700") + "800"


def test_every_area_has_townships_and_departments(city: DemoCity) -> None:
    for area in city.areas():
        units = city.handling_units(area.code)
        places = [u for u in units if u.kind in (UnitKind.TOWNSHIP, UnitKind.STREET)]
        departments = [u for u in units if u.kind is UnitKind.DEPARTMENT]
        least = 6 if area.kind is UnitKind.COUNTY_OFFICE else 2
        assert len(places) >= least, area.name
        assert departments, area.name
        assert all(u.county_code == area.code and u.handles for u in units)
        assert any("生态环境" in u.name for u in departments)


def test_real_township_names(city: DemoCity) -> None:
    names = {u.name for u in city.handling_units("320706")}
    assert {"新海街道", "幸福路街道", "朐阳街道", "锦屏镇", "板浦镇", "浦南镇"} <= names
    names = {u.name for u in city.handling_units("320722")}
    assert {"牛山街道", "石榴街道", "白塔埠镇", "桃林镇", "平明镇"} <= names


def test_city_departments_and_discipline_commissions(city: DemoCity) -> None:
    city_departments = {
        u.name for u in city.units if u.kind is UnitKind.DEPARTMENT and u.county_code is None
    }
    assert {"连云港市生态环境局", "连云港市农业农村局", "连云港市交通运输局"} <= city_departments
    assert "连云港市纪委监委" == city.unit("320700800").name
    assert city.unit("320706800").name == "海州区纪委监委"
    assert city.unit("320706901").name == "连云港市海州生态环境局"
    for area in city.areas():
        assert city.unit(area.code + "800").kind is UnitKind.DISCIPLINE


def test_demo_accounts(city: DemoCity) -> None:
    accounts = city.demo_accounts()
    assert list(accounts) == [
        "township",
        "department",
        "county",
        "supervisor",
        "city",
        "admin",
        "township_clerk",
        "other_county",
    ]
    expected = {
        "township": (Role.HANDLER, {UnitKind.TOWNSHIP, UnitKind.STREET}),
        "department": (Role.HANDLER, {UnitKind.DEPARTMENT}),
        "county": (Role.DISPATCHER, {UnitKind.COUNTY_OFFICE}),
        "supervisor": (Role.SUPERVISOR, {UnitKind.DISCIPLINE}),
        "city": (Role.DISPATCHER, {UnitKind.CITY_OFFICE}),
        "admin": (Role.ADMIN, {UnitKind.CITY_OFFICE}),
        "township_clerk": (Role.HANDLER, {UnitKind.STREET}),
        "other_county": (Role.DISPATCHER, {UnitKind.COUNTY_OFFICE}),
    }
    for key, user in accounts.items():
        role, kinds = expected[key]
        assert user.role is role
        assert city.unit(user.unit_code).kind in kinds
        assert re.fullmatch(r"[a-z]{3,10}", user.username)
        assert user.post is (Post.CLERK if key == "township_clerk" else Post.HEAD)
    assert city.unit(accounts["township"].unit_code).county_code == "320706"
    assert city.unit(accounts["department"].unit_code).name == "连云港市海州生态环境局"
    assert accounts["county"].unit_code == "320706"
    assert accounts["supervisor"].unit_code == "320706800"
    assert (accounts["township_clerk"].username, accounts["township_clerk"].unit_code) == (
        "xinhaijb",
        "320706001",
    )
    assert (accounts["other_county"].username, accounts["other_county"].unit_code) == (
        "donghai",
        "320722",
    )
    assert DEMO_PASSWORD == "demo1234"


def test_users_one_per_unit_and_role(city: DemoCity) -> None:
    names = [u.username for u in city.users]
    assert len(names) == len(set(names))
    by_unit: dict[str, list[tuple[Role, Post]]] = {}
    for user in city.users:
        by_unit.setdefault(user.unit_code, []).append((user.role, user.post))
    for unit in city.units:
        accounts = by_unit.get(unit.code, [])
        if unit.handles:  # a head and a clerk
            assert accounts == [(Role.HANDLER, Post.HEAD), (Role.HANDLER, Post.CLERK)]
        elif unit.dispatches:
            assert accounts.count((Role.DISPATCHER, Post.HEAD)) == 1
        elif unit.kind is UnitKind.DISCIPLINE:
            assert accounts == [(Role.SUPERVISOR, Post.HEAD)]
    assert [u.role for u in city.users].count(Role.ADMIN) == 1
    special = {u.username for u in city.demo_accounts().values()}
    for user in city.users:
        if user.username not in special:
            letter = "j" if user.post is Post.CLERK else user.role.value[0]
            assert user.username == f"u{user.unit_code}{letter}"
        assert validate_phone(user.phone) == user.phone and len(user.phone) == 11
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,3}", user.display_name)


def test_actor_and_lookups(city: DemoCity) -> None:
    actor = city.actor("xinhai")
    assert isinstance(actor, Actor)
    assert actor.role is Role.HANDLER and actor.unit is city.unit("320706001")
    assert actor.device_id == "demo" and actor.display_name == city.user("xinhai").display_name
    assert actor.post is Post.HEAD and city.actor("xinhaijb").post is Post.CLERK
    assert city.actor("haizhou", device_id="pc-1").device_id == "pc-1"
    assert city.directory() is city.directory()
    with pytest.raises(KeyError):
        city.user("nobody")
    with pytest.raises(KeyError):
        city.unit("999999")


def test_loading_is_deterministic(city: DemoCity) -> None:
    assert load_city() == city
