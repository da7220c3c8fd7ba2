"""Scope for every kind of unit and for supervisors; tombstones after re-dispatch and return."""

from __future__ import annotations

from typing import Any

import pytest
from platform_testkit import Api
from sqlalchemy import select

from cityplatform.models import AssistingUnit, Clue

USERS = {
    "xinhai": ("relation", "320706001"),  # a street
    "u320706015h": ("relation", "320706015"),  # a township
    "hzhb": ("relation", "320706901"),  # a county department
    "u320700901h": ("relation", "320700901"),  # a city department
    "haizhou": ("area", "320706"),  # a county office
    "u320707d": ("area", "320707"),  # another county office
    "u320771d": ("area", "320771"),  # a functional zone office
    "hzjw": ("area", "320706"),  # a county discipline commission
    "city": ("all", None),
    "u320700800s": ("all", None),  # the city discipline commission
}


def _expected(platform_db: Any, reach: str, code: str | None) -> set[str]:
    with platform_db.read() as session:
        clues = session.execute(
            select(Clue.id, Clue.code, Clue.county_code, Clue.lead_unit, Clue.registered_by_unit)
        ).all()
        assisting: dict[int, set[str]] = {}
        for clue_id, unit in session.execute(
            select(AssistingUnit.clue_id, AssistingUnit.unit_code)
        ):
            assisting.setdefault(clue_id, set()).add(unit)
    if reach == "all":
        return {c.code for c in clues}
    if reach == "area":
        return {c.code for c in clues if c.county_code == code}
    return {
        c.code
        for c in clues
        if code in (c.lead_unit, c.registered_by_unit) or code in assisting.get(c.id, set())
    }


@pytest.mark.parametrize("username", sorted(USERS))
def test_each_kind_of_unit_sees_its_scope(api: Api, platform_db: Any, username: str) -> None:
    reach, unit = USERS[username]
    login = api.login(username)
    changes, _ = api.pull_all(login)
    codes = [c["clue"]["code"] for c in changes if c["kind"] == "clue"]
    assert len(codes) == len(set(codes))
    expected = _expected(platform_db, reach, unit)
    assert set(codes) == expected
    if reach != "all":
        assert 0 < len(expected) < 300
    if username in ("hzjw", "u320700800s"):  # masking for every role: test_platform_masking
        named = [c["clue"]["reporter_name"] for c in changes if c["clue"]["reporter_name"]]
        assert named and all("*" in name for name in named)


def test_unit_that_registered_keeps_seeing_the_clue(api: Api) -> None:
    street, county = api.login("xinhai"), api.login("haizhou")
    from platform_testkit import DRAFT

    registered = api.push(street, street.action("register", "临20261127-AAAA0001", DRAFT))[0]
    code = registered["clue_code"]
    assert registered["clue"]["registered_by_unit"] == "320706001"
    _, cursor = api.pull_all(street)
    dispatched = api.push(county, county.action("dispatch", code, {"lead_unit": "320706002"}))
    assert dispatched[0]["status"] == "applied"
    changes, _ = api.pull_all(street, cursor)
    assert [(c["kind"], c["clue"]["code"]) for c in changes] == [("clue", code)]


def test_tombstones_after_redispatch_and_return(api: Api) -> None:
    county = api.login("haizhou")
    street, dept = api.login("xinhai"), api.login("hzhb")
    other = api.login("u320706002h")
    code = api.register_and_dispatch(county, lead="320706001", assisting=("320706901",))
    _, street_cursor = api.pull_all(street)
    _, dept_cursor = api.pull_all(dept)
    _, other_cursor = api.pull_all(other)
    _, county_cursor = api.pull_all(county)
    early_street_cursor = street_cursor

    redispatch = api.push(county, county.action("dispatch", code, {"lead_unit": "320706002"}))[0]
    assert redispatch["status"] == "applied"
    seq = redispatch["seq"]
    for login, cursor in ((street, street_cursor), (dept, dept_cursor)):
        changes, _ = api.pull_all(login, cursor)
        assert changes == [{"kind": "tombstone", "seq": seq, "clue_code": code}]
    changes, other_cursor = api.pull_all(other, other_cursor)
    assert [(c["kind"], c["seq"]) for c in changes] == [("clue", seq)]
    changes, county_cursor = api.pull_all(county, county_cursor)
    assert [(c["kind"], c["seq"]) for c in changes] == [("clue", seq)]

    signed, returned = api.push(
        other, other.action("sign", code), other.action("return", code, {"reason": "不属于本街道"})
    )
    assert (signed["status"], returned["status"]) == ("applied", "applied")
    assert returned["state"] is None  # the street no longer sees it
    assert signed["state"]["status"] == "handling"
    changes, _ = api.pull_all(other, other_cursor)
    assert changes == [{"kind": "tombstone", "seq": returned["seq"], "clue_code": code}]
    changes, _ = api.pull_all(county, county_cursor)
    assert [c["clue"]["status"] for c in changes] == ["returned"]

    back = api.push(county, county.action("dispatch", code, {"lead_unit": "320706001"}))[0]
    changes, _ = api.pull_all(street, early_street_cursor)
    assert [(c["kind"], c["seq"]) for c in changes] == [("clue", back["seq"])]
    changes, _ = api.pull_all(dept, dept_cursor)  # the department is still out
    assert [c["kind"] for c in changes] == ["tombstone"]


def test_out_of_scope_clue_cannot_be_acted_on(api: Api, platform_db: Any) -> None:
    county = api.login("u320703d")  # 连云区
    with platform_db.read() as session:
        code = session.scalar(
            select(Clue.code).where(Clue.county_code == "320706", Clue.status == "handling")
        )
    result = api.push(county, county.action("urge", code, {"note": "x"}))[0]
    assert (result["status"], result["code"], result["clue"]) == ("rejected", "out_of_scope", None)
