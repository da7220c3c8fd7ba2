"""Tests for routing and ownership in desktop.domain.workflow (issue 10).

A clue belongs to the office that owns it: that office dispatches it, decides on its
extensions, reviews and closes it, and may re-dispatch it. A county returns a misrouted clue
to the city office (退回市级); the city re-routes it to another county or functional zone
(转办); the city takes a county's clue over only through an explicit, recorded action (提级
办理). Refusals name the owning office. Expectations are written by hand; working days follow
the 2026 calendar (see tests/domain/loopkit.py).
"""

from __future__ import annotations

import pytest

from desktop.domain.clue import ClueState
from desktop.domain.codes import Status
from desktop.domain.units import city_office, county_office
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action, ActionRefused, apply_action, owner_of
from tests.domain.loopkit import (
    ACTORS,
    CALENDAR,
    CITY,
    CITY_DEPT,
    DH,
    DH_T1,
    DISPATCHED,
    HANDLING,
    HZ,
    HZ_DEPT,
    HZ_T1,
    HZ_T2,
    NOW,
    REGISTERED,
    RULES,
    STATES,
    UNITS,
    ZONE,
    ZONE_ST,
    act,
    cst,
    registered,
    why,
)

HZ_OWNS = "本线索由「海州区攻坚办」承办，只有该办可以"
CITY_OWNS = "本线索由「连云港市攻坚办」承办，只有该办可以"
DH_OWNS = "本线索由「东海县攻坚办」承办，只有该办可以"
TAKE_OVER_FIRST = "（市攻坚办须先提级办理）"


def refused(action: str | Action, actor: str, clue: ClueState, payload: dict | None = None) -> str:
    """The reason an action is refused, checked to be the same in `refusal` and on applying."""
    action = Action(action)
    with pytest.raises(ActionRefused) as info:
        act(action, actor, clue, NOW, payload or {"reason": "x", "lead_unit": HZ_T1})
    assert info.value.reason == why(action, actor, clue)
    return info.value.reason


# --------------------------------------------------------------------------- registering


@pytest.mark.parametrize(
    ("actor", "county", "owner"),
    [
        ("township_handler", HZ, HZ),  # a township registers for its county's office
        ("office_handler", HZ, HZ),
        ("county_dispatcher", HZ, HZ),
        ("city_dispatcher", HZ, CITY),  # the city keeps what it registers
        ("city_office_handler", HZ, CITY),
        ("city_dept_handler", HZ, HZ),  # a city bureau is no tackling office
        ("city_dispatcher", DH, CITY),
        ("zone_dispatcher", ZONE, ZONE),
        ("zone_handler", ZONE, ZONE),
    ],
)
def test_register_sets_the_owner(actor: str, county: str, owner: str) -> None:
    township = {HZ: HZ_T1, DH: DH_T1, ZONE: ZONE_ST}[county]
    clue = registered(actor=actor, county_code=county, township_code=township)
    assert clue.status is Status.REGISTERED
    assert clue.county_code == county
    assert clue.owner_unit == owner


def test_a_clue_the_city_registered_is_the_citys() -> None:
    clue = registered(actor="city_dispatcher")
    assert refused(Action.DISPATCH, "county_dispatcher", clue) == f"{CITY_OWNS}分办"
    assert refused(Action.REFUSE, "county_dispatcher", clue) == f"{CITY_OWNS}不予受理"
    out = act(Action.DISPATCH, "city_dispatcher", clue, NOW, {"lead_unit": CITY_DEPT})
    assert out.state.lead_unit == CITY_DEPT
    assert out.state.owner_unit == CITY


# --------------------------------------------------------------------------- misrouted clue


def test_a_misrouted_clue_goes_back_to_the_city_and_on_to_another_county() -> None:
    # Registered Tue 10 March 09:00 for 海州区; the place is really in 东海县桃林镇.
    clue = registered(cst(3, 10, 9, 0))
    assert clue.owner_unit == HZ

    # 海州区 cannot send it to a 东海 township, and the city cannot dispatch 海州区's clue
    with pytest.raises(ValidationError) as info:
        act(Action.DISPATCH, "county_dispatcher", clue, cst(3, 10, 10), {"lead_unit": DH_T1})
    assert info.value.field == "lead_unit"
    assert "桃林镇" in info.value.message
    assert refused(Action.DISPATCH, "city_dispatcher", clue) == f"{HZ_OWNS}分办{TAKE_OVER_FIRST}"

    # 退回市级, with a reason: the city owns it now, for 1 working day of dispatching
    out = act(
        Action.RETURN_TO_CITY,
        "county_dispatcher",
        clue,
        cst(3, 10, 11),
        {"reason": "地址位于东海县桃林镇，非本区辖区"},
    )
    clue = out.state
    assert out.from_status is Status.REGISTERED
    assert out.note == "地址位于东海县桃林镇，非本区辖区"
    assert out.details["returned_by"] == HZ
    assert clue.status is Status.RETURNED
    assert clue.owner_unit == CITY
    assert clue.county_code == HZ  # where it goes is the city's call
    assert clue.lead_unit is None
    assert clue.deadline == cst(3, 11, 17, 30)

    # 海州区 no longer owns it: it may neither dispatch it nor send it back again
    assert refused(Action.DISPATCH, "county_dispatcher", clue) == f"{CITY_OWNS}分办"
    assert refused(Action.RETURN_TO_CITY, "county_dispatcher", clue) == f"{CITY_OWNS}退回市级"
    # the city has nobody above it to return the clue to
    assert why(Action.RETURN_TO_CITY, "city_dispatcher", clue)

    # 转办 to 东海县 on Wed 11 March 09:00: 东海县 owns it and has 1 working day to dispatch
    out = act(
        Action.TRANSFER,
        "city_dispatcher",
        clue,
        cst(3, 11, 9),
        {"target_county": DH, "reason": "经核实属东海县桃林镇"},
    )
    clue = out.state
    assert out.from_status is Status.RETURNED
    assert out.note == "经核实属东海县桃林镇"
    assert {HZ, DH} <= set(out.details.values())  # the history says from where to where
    assert clue.status is Status.REGISTERED
    assert clue.county_code == DH
    assert clue.owner_unit == DH
    assert clue.township_code is None  # 新坝镇 is no township of 东海县
    assert clue.lead_unit is None
    assert clue.deadline == cst(3, 12, 17, 30)

    # neither 海州区 nor the city may dispatch it now; 东海县 does, within its own county
    assert refused(Action.DISPATCH, "county_dispatcher", clue) == f"{DH_OWNS}分办{TAKE_OVER_FIRST}"
    assert refused(Action.DISPATCH, "city_dispatcher", clue) == f"{DH_OWNS}分办{TAKE_OVER_FIRST}"
    with pytest.raises(ValidationError):
        act(Action.DISPATCH, "other_county_dispatcher", clue, cst(3, 11, 10), {"lead_unit": HZ_T1})
    out = act(
        Action.DISPATCH, "other_county_dispatcher", clue, cst(3, 11, 10), {"lead_unit": DH_T1}
    )
    clue = out.state
    assert clue.status is Status.DISPATCHED
    assert clue.lead_unit == DH_T1
    assert clue.handle_deadline == cst(3, 25, 17, 30)  # 10 working days from Wed 11 March
    clue = act(Action.SIGN, "other_county_handler", clue, cst(3, 11, 11)).state
    assert clue.status is Status.HANDLING
    # 海州区's people no longer see it as theirs
    assert why(Action.URGE, "county_supervisor", clue) is not None
    assert why(Action.SIGN, "lead_handler", clue) is not None


def test_a_county_returns_to_the_city_after_a_township_returned_it() -> None:
    returned = STATES["returned"]
    assert returned is not None
    out = act(Action.RETURN_TO_CITY, "county_dispatcher", returned, NOW, {"reason": "非本区"})
    assert out.from_status is Status.RETURNED
    assert out.state.status is Status.RETURNED
    assert out.state.owner_unit == CITY


@pytest.mark.parametrize("state", ["dispatched", "handling", "reviewing", "closed"])
def test_only_an_undispatched_clue_goes_back_to_the_city(state: str) -> None:
    clue = STATES[state]
    assert clue is not None
    assert why(Action.RETURN_TO_CITY, "county_dispatcher", clue) == (
        f"线索当前为「{clue.status.label}」，不能退回市级"
    )


def test_transfer_to_a_functional_zone() -> None:
    clue = REGISTERED.evolve(owner_unit=CITY)
    out = act(Action.TRANSFER, "city_dispatcher", clue, NOW, {"target_county": ZONE, "reason": "x"})
    assert out.state.county_code == ZONE
    assert out.state.owner_unit == ZONE
    out = act(Action.DISPATCH, "zone_dispatcher", out.state, NOW, {"lead_unit": ZONE_ST})
    assert out.state.lead_unit == ZONE_ST


@pytest.mark.parametrize("target", [HZ, DH_T1, CITY, CITY_DEPT, HZ_DEPT, "999999", "", None])
def test_transfer_needs_another_county_office(target: str | None) -> None:
    clue = REGISTERED.evolve(owner_unit=CITY)
    with pytest.raises(ValidationError) as info:
        act(Action.TRANSFER, "city_dispatcher", clue, NOW, {"target_county": target, "reason": "x"})
    assert info.value.field == "target_county"
    assert str(info.value).startswith("转办县区：")


def test_only_the_city_transfers_a_clue() -> None:
    # a county owner is told to return the clue to the city instead
    message = refused(Action.TRANSFER, "county_dispatcher", REGISTERED, {"target_county": DH})
    assert "退回市级" in message
    # the city must own the clue first
    assert refused(Action.TRANSFER, "city_dispatcher", REGISTERED, {"target_county": DH}) == (
        f"{HZ_OWNS}转办{TAKE_OVER_FIRST}"
    )
    assert refused(
        Action.TRANSFER, "other_county_dispatcher", REGISTERED, {"target_county": DH}
    ) == (f"{HZ_OWNS}转办{TAKE_OVER_FIRST}")


# --------------------------------------------------------------------------- 提级办理


def test_the_city_takes_a_county_clue_over_explicitly() -> None:
    pending = HANDLING.evolve(extension_requested_days=3, extension_count=1)
    # without taking over, the city may not decide for 海州区
    assert refused(Action.APPROVE_EXTENSION, "city_dispatcher", pending) == (
        f"{HZ_OWNS}批准延期{TAKE_OVER_FIRST}"
    )
    # a county cannot take over; the city must give a reason
    assert refused(Action.TAKE_OVER, "county_dispatcher", pending) == "只有市攻坚办可以提级办理"
    assert refused(Action.TAKE_OVER, "other_county_dispatcher", pending) == (
        "只有市攻坚办可以提级办理"
    )
    with pytest.raises(ValidationError) as info:
        act(Action.TAKE_OVER, "city_dispatcher", pending, NOW, {})
    assert info.value.field == "reason"

    out = act(
        Action.TAKE_OVER, "city_dispatcher", pending, NOW, {"reason": "群众反复投诉，提级办理"}
    )
    taken = out.state
    assert out.from_status is Status.HANDLING
    assert out.note == "群众反复投诉，提级办理"
    assert out.details["from_owner"] == HZ  # recorded: the county sees who took it
    # only the owner changes: the clue stays where it is in the loop
    assert taken == pending.evolve(owner_unit=CITY)

    # now the county is refused and told who owns the clue; the city decides
    assert refused(Action.APPROVE_EXTENSION, "county_dispatcher", taken) == (f"{CITY_OWNS}批准延期")
    assert refused(Action.TAKE_OVER, "city_dispatcher", taken)
    approved = act(Action.APPROVE_EXTENSION, "city_dispatcher", taken, NOW).state
    assert approved.extended_days == 3
    assert approved.owner_unit == CITY
    # the county keeps watching its area: it may still urge
    assert why(Action.URGE, "county_dispatcher", taken) is None


@pytest.mark.parametrize(
    "state", ["registered", "returned", "dispatched", "handling", "signoff", "reviewing"]
)
def test_take_over_any_open_clue(state: str) -> None:
    clue = STATES[state]
    assert clue is not None
    out = act(Action.TAKE_OVER, "city_dispatcher", clue, NOW, {"reason": "提级"})
    assert out.state == clue.evolve(owner_unit=CITY)


@pytest.mark.parametrize("state", ["closed", "duplicate", "refused"])
def test_take_over_no_finished_clue(state: str) -> None:
    clue = STATES[state]
    assert clue is not None
    assert why(Action.TAKE_OVER, "city_dispatcher", clue) == (
        f"线索当前为「{clue.status.label}」，不能提级办理"
    )


def test_after_take_over_the_city_reviews_and_closes() -> None:
    reviewing = STATES["reviewing"]
    assert reviewing is not None
    taken = act(Action.TAKE_OVER, "city_dispatcher", reviewing, NOW, {"reason": "提级"}).state
    assert refused(Action.APPROVE, "county_dispatcher", taken) == f"{CITY_OWNS}审核通过"
    assert refused(Action.REJECT, "county_dispatcher", taken) == f"{CITY_OWNS}驳回"
    closed = act(Action.APPROVE, "city_dispatcher", taken, cst(3, 11)).state
    assert closed.status is Status.CLOSED
    assert closed.owner_unit == CITY


# --------------------------------------------------------------------------- re-dispatch


def test_redispatch_by_the_owner_only() -> None:
    clue = DISPATCHED
    # 海州区 owns it and re-dispatches it to 锦屏镇
    out = act(Action.DISPATCH, "county_dispatcher", clue, NOW, {"lead_unit": HZ_T2})
    assert out.state.lead_unit == HZ_T2
    # nobody else may, not even the city while 海州区 owns it
    hint = f"{HZ_OWNS}分办{TAKE_OVER_FIRST}"
    assert refused(Action.DISPATCH, "city_dispatcher", clue) == hint
    assert refused(Action.DISPATCH, "other_county_dispatcher", clue) == hint
    assert refused(Action.DISPATCH, "township_dispatcher", clue) == hint
    # after taking over, the city re-dispatches (also to a city bureau) and 海州区 may not
    taken = act(Action.TAKE_OVER, "city_dispatcher", clue, NOW, {"reason": "提级"}).state
    out = act(Action.DISPATCH, "city_dispatcher", taken, NOW, {"lead_unit": CITY_DEPT})
    assert out.state.lead_unit == CITY_DEPT
    assert out.state.status is Status.DISPATCHED
    assert out.state.owner_unit == CITY
    assert refused(Action.DISPATCH, "county_dispatcher", taken) == f"{CITY_OWNS}分办"


def test_a_township_returns_a_clue_to_the_office_that_owns_it() -> None:
    taken = act(Action.TAKE_OVER, "city_dispatcher", DISPATCHED, NOW, {"reason": "提级"}).state
    out = act(Action.RETURN, "lead_handler", taken, cst(3, 10, 11), {"reason": "不属于本镇"})
    returned = out.state
    assert returned.status is Status.RETURNED
    assert returned.owner_unit == CITY
    assert returned.lead_unit is None
    assert refused(Action.DISPATCH, "county_dispatcher", returned) == f"{CITY_OWNS}分办"
    again = act(Action.DISPATCH, "city_dispatcher", returned, cst(3, 10, 12), {"lead_unit": HZ_T2})
    assert again.state.lead_unit == HZ_T2


@pytest.mark.parametrize(
    ("action", "state"),
    [
        (Action.DISPATCH, "registered"),
        (Action.MARK_DUPLICATE, "registered"),
        (Action.REFUSE, "returned"),
        (Action.APPROVE_EXTENSION, "handling_pending"),
        (Action.DENY_EXTENSION, "handling_pending"),
        (Action.APPROVE, "reviewing"),
        (Action.REJECT, "reviewing"),
        (Action.REOPEN, "closed_unsatisfied"),
    ],
)
def test_a_county_is_refused_on_a_city_owned_clue(action: Action, state: str) -> None:
    clue = STATES[state]
    assert clue is not None
    city_owned = clue.evolve(owner_unit=CITY)
    assert why(action, "county_dispatcher", city_owned) == f"{CITY_OWNS}{action.label}"
    assert why(action, "other_county_dispatcher", city_owned) == f"{CITY_OWNS}{action.label}"
    # ... and the city is refused on the county's with the hint to take it over first
    assert why(action, "city_dispatcher", clue) == f"{HZ_OWNS}{action.label}{TAKE_OVER_FIRST}"


# --------------------------------------------------------------------------- the offices


def test_city_and_county_offices_in_the_directory() -> None:
    assert city_office(UNITS) == UNITS[CITY]
    assert county_office(UNITS, HZ) == UNITS[HZ]
    assert county_office(UNITS, DH) == UNITS[DH]
    assert county_office(UNITS, ZONE) == UNITS[ZONE]  # a functional zone has its office too
    for code in (CITY, HZ_T1, DH_T1, CITY_DEPT, HZ_DEPT, "999999", ""):
        assert county_office(UNITS, code) is None
    assert city_office({HZ: UNITS[HZ]}) is None


def test_city_wide_units() -> None:
    assert UNITS[CITY].city_wide
    assert UNITS[CITY_DEPT].city_wide
    assert not UNITS[HZ].city_wide
    assert not UNITS[HZ_T1].city_wide
    assert not UNITS[ZONE_ST].city_wide


def test_the_owner_of_a_clue() -> None:
    assert owner_of(REGISTERED) == HZ
    assert owner_of(REGISTERED.evolve(owner_unit=CITY)) == CITY
    # clues registered before ownership was kept belong to their county's office
    assert owner_of(REGISTERED.evolve(owner_unit=None)) == HZ
    assert owner_of(REGISTERED.evolve(owner_unit=None, county_code=DH)) == DH


def test_no_return_to_the_city_without_a_city_office() -> None:
    units = {code: unit for code, unit in UNITS.items() if code != CITY}
    with pytest.raises(ActionRefused) as info:
        apply_action(
            Action.RETURN_TO_CITY,
            ACTORS["county_dispatcher"],
            REGISTERED,
            {"reason": "非本区"},
            NOW,
            CALENDAR,
            RULES,
            units,
        )
    assert "市攻坚办" in info.value.reason
