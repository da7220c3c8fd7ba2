"""The demo city: Lianyungang's unit tree (from resources/demo/city.json) and its users."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from random import Random
from typing import Any

from desktop.demo.texts import mobile, person_name
from desktop.domain.codes import Post, Role, UnitKind
from desktop.domain.units import Actor, UnitInfo

DEMO_PASSWORD = "demo1234"
"""The password of every demo account."""

CITY_CODE = "320700"
"""The code of the city tackling office (连云港市污染防治攻坚办)."""

OFFICE_SUFFIX = "污染防治攻坚办"
"""How the name of a tackling office ends; what precedes it names the area."""

# The demo accounts: key -> (username, unit code, role, post).
_DEMO_ACCOUNTS: Mapping[str, tuple[str, str, Role, Post]] = {
    "township": ("xinhai", "320706001", Role.HANDLER, Post.HEAD),
    "department": ("hzhb", "320706901", Role.HANDLER, Post.HEAD),
    "county": ("haizhou", "320706", Role.DISPATCHER, Post.HEAD),
    "supervisor": ("hzjw", "320706800", Role.SUPERVISOR, Post.HEAD),
    "city": ("city", CITY_CODE, Role.DISPATCHER, Post.HEAD),
    "admin": ("admin", CITY_CODE, Role.ADMIN, Post.HEAD),
    "township_clerk": ("xinhaijb", "320706001", Role.HANDLER, Post.CLERK),
    "other_county": ("donghai", "320722", Role.DISPATCHER, Post.HEAD),
}

_ROLE_LETTERS = {Role.HANDLER: "h", Role.DISPATCHER: "d", Role.SUPERVISOR: "s", Role.ADMIN: "a"}
CLERK_LETTER = "j"
"""The last letter of a clerk's (经办人) username: u<unit code>j."""


@dataclass(frozen=True)
class DemoUser:
    """A demo account: login name, the person's name, role, unit, mobile phone, and post
    within the unit (负责人 unless said otherwise; each handling unit also has a 经办人)."""

    username: str
    display_name: str
    role: Role
    unit_code: str
    phone: str
    post: Post = Post.HEAD


@dataclass(frozen=True)
class DemoCity:
    """The demo city: every unit of the tree and every user account."""

    units: tuple[UnitInfo, ...]
    users: tuple[DemoUser, ...]

    @cached_property
    def _units_by_code(self) -> dict[str, UnitInfo]:
        return {unit.code: unit for unit in self.units}

    @cached_property
    def _users_by_name(self) -> dict[str, DemoUser]:
        return {user.username: user for user in self.users}

    def directory(self) -> dict[str, UnitInfo]:
        """Every unit by code (the rules' unit directory); cached, do not modify it."""
        return self._units_by_code

    def unit(self, code: str) -> UnitInfo:
        """The unit with `code`; KeyError if there is none."""
        return self._units_by_code[code]

    def areas(self) -> list[UnitInfo]:
        """The county and zone tackling offices, in file order."""
        return [u for u in self.units if u.kind in (UnitKind.COUNTY_OFFICE, UnitKind.ZONE_OFFICE)]

    def area_name(self, county_code: str) -> str:
        """The name of an area, e.g. 海州区 or 徐圩新区."""
        return self.unit(county_code).name.removesuffix(OFFICE_SUFFIX)

    def handling_units(self, county_code: str) -> list[UnitInfo]:
        """The townships, streets and county departments of an area, in file order."""
        return [
            u
            for u in self.units
            if u.county_code == county_code
            and u.kind in (UnitKind.TOWNSHIP, UnitKind.STREET, UnitKind.DEPARTMENT)
        ]

    def user(self, username: str) -> DemoUser:
        """The user with `username`; KeyError if there is none."""
        return self._users_by_name[username]

    def actor(self, username: str, device_id: str = "demo") -> Actor:
        """The user as the rules see them when acting."""
        user = self.user(username)
        return Actor(
            username=user.username,
            role=user.role,
            unit=self.unit(user.unit_code),
            display_name=user.display_name,
            device_id=device_id,
            post=user.post,
        )

    def demo_accounts(self) -> dict[str, DemoUser]:
        """The accounts to try the client with, by what they show (the first six are the
        ones offered at login; then a township clerk and another county's office)."""
        return {key: self.user(name) for key, (name, *_) in _DEMO_ACCOUNTS.items()}


def _kind_of_place(name: str) -> UnitKind:
    return UnitKind.STREET if name.endswith("街道") else UnitKind.TOWNSHIP


CITY_PREFIX = "连云港"
"""How the names of the city's own bodies (and their 派出机构) begin."""


@dataclass(frozen=True)
class _Legal:
    """The facts an area's units take their legal names, review body and court from."""

    place: str
    government: str
    departments_government: str
    court: str
    city_government: str
    city_court: str
    vertical: tuple[Mapping[str, str], ...]

    def township(self, name: str, kind: UnitKind) -> dict[str, str]:
        """A township's (镇人民政府) or street's (街道办事处) legal name, review body, court."""
        office = "办事处" if kind is UnitKind.STREET else "人民政府"
        return {
            "legal_name": f"{self.place}{name}{office}",
            "review_body": self.government,
            "court": self.court,
        }

    def department(self, name: str, area: str) -> dict[str, str]:
        """A department's legal name, review body and court: a 派出机构 of a city department
        (named 连云港市…) answers to the city government, a vertical one to its superior."""
        for rule in self.vertical:
            if rule["word"] in name:
                return {
                    "legal_name": name,
                    "review_body": rule["review_body"],
                    "court": rule["court"],
                }
        legal = name
        if area and name.startswith(area) and self.place.endswith(area):
            legal = self.place + name.removeprefix(area)
        if name.startswith(CITY_PREFIX) or not area:
            review = self.city_government
        else:
            review = self.departments_government
        return {
            "legal_name": legal,
            "review_body": review,
            "court": self.court if area else self.city_court,
        }


def _legal(city: Mapping[str, Any], vertical: Any, area: Mapping[str, Any] | None) -> _Legal:
    place = area or {}
    government = str(place.get("government") or "")
    return _Legal(
        place=str(place.get("place") or ""),
        government=government,
        departments_government=str(place.get("departments_government") or government),
        court=str(place.get("court") or ""),
        city_government=str(city.get("government") or ""),
        city_court=str(city.get("court") or ""),
        vertical=tuple(vertical or ()),
    )


def _units_from_data(data: Mapping[str, Any]) -> list[UnitInfo]:
    city = data["city"]
    vertical = data.get("vertical")
    units = [UnitInfo(city["code"], city["name"], UnitKind.CITY_OFFICE, None, None)]
    whole = _legal(city, vertical, None)
    for item in data["city_departments"]:
        facts = whole.department(item["name"], "")
        units.append(
            UnitInfo(item["code"], item["name"], UnitKind.DEPARTMENT, city["code"], None, **facts)
        )
    discipline = data["city_discipline"]
    units.append(
        UnitInfo(discipline["code"], discipline["name"], UnitKind.DISCIPLINE, city["code"], None)
    )
    for area in data["areas"]:
        code = area["code"]
        legal = _legal(city, vertical, area)
        units.append(UnitInfo(code, area["office"], UnitKind(area["kind"]), city["code"], code))
        discipline = area["discipline"]
        units.append(
            UnitInfo(discipline["code"], discipline["name"], UnitKind.DISCIPLINE, code, code)
        )
        for item in area["townships"]:
            kind = _kind_of_place(item["name"])
            facts = legal.township(item["name"], kind)
            units.append(UnitInfo(item["code"], item["name"], kind, code, code, **facts))
        for item in area["departments"]:
            facts = legal.department(item["name"], area["area"])
            units.append(
                UnitInfo(item["code"], item["name"], UnitKind.DEPARTMENT, code, code, **facts)
            )
    _check_tree(units)
    return units


def _check_tree(units: list[UnitInfo]) -> None:
    """Refuse a unit file with duplicate codes, dangling parents or codes off the scheme."""
    codes = {u.code for u in units}
    if len(codes) != len(units):
        raise ValueError("city.json: duplicate unit codes")
    for unit in units:
        if unit.parent_code is not None and unit.parent_code not in codes:
            raise ValueError(f"city.json: parent {unit.parent_code} of {unit.code} is missing")
        if unit.county_code is not None and not unit.code.startswith(unit.county_code):
            raise ValueError(f"city.json: {unit.code} does not start with {unit.county_code}")


def _role_of(unit: UnitInfo) -> Role | None:
    if unit.kind in (UnitKind.TOWNSHIP, UnitKind.STREET, UnitKind.DEPARTMENT):
        return Role.HANDLER
    if unit.dispatches:
        return Role.DISPATCHER
    if unit.kind is UnitKind.DISCIPLINE:
        return Role.SUPERVISOR
    return None


def _users_for(units: list[UnitInfo]) -> list[DemoUser]:
    """One handler (the unit's head, 负责人) and one clerk (经办人) per handling unit, one
    dispatcher per office, one supervisor per discipline commission, and one admin; names
    and phones drawn from each unit's code."""
    special = {(code, role, post): name for name, code, role, post in _DEMO_ACCOUNTS.values()}
    seen: set[str] = set()
    users = []

    def person(seed: str) -> tuple[str, str]:
        rng = Random(seed)
        name = person_name(rng)
        while name in seen:
            name = person_name(rng)
        seen.add(name)
        return name, mobile(rng)

    for unit in units:
        role = _role_of(unit)
        if role is None:
            continue
        default = f"u{unit.code}{_ROLE_LETTERS[role]}"
        username = special.get((unit.code, role, Post.HEAD), default)
        name, phone = person(f"demo-user:{unit.code}:{role.value}")
        users.append(DemoUser(username, name, role, unit.code, phone))
        if role is Role.HANDLER:
            default = f"u{unit.code}{CLERK_LETTER}"
            username = special.get((unit.code, role, Post.CLERK), default)
            name, phone = person(f"demo-user:{unit.code}:clerk")
            users.append(DemoUser(username, name, role, unit.code, phone, Post.CLERK))
    name, phone = person(f"demo-user:{CITY_CODE}:{Role.ADMIN.value}")
    admin = special[(CITY_CODE, Role.ADMIN, Post.HEAD)]
    users.append(DemoUser(admin, name, Role.ADMIN, CITY_CODE, phone))
    return users


def load_city() -> DemoCity:
    """The demo city from resources/demo/city.json, with its users derived from the units."""
    text = files("resources").joinpath("demo", "city.json").read_text(encoding="utf-8")
    units = _units_from_data(json.loads(text))
    return DemoCity(units=tuple(units), users=tuple(_users_for(units)))
