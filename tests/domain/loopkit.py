"""Shared fixtures of the closed-loop tests: a small city, its people, a sample clue in
every status and helpers to act on it.

The tests that use them write every expectation by hand from DESIGN.md §2, issue 10 and the
2026 State Council calendar: 清明 4–6 April (Monday 6 April off), 劳动节 1–5 May with Saturday
9 May a make-up working day. Office hours close at 17:30. Tuesday 10 March 2026 is "now".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from desktop.domain.calendar import WorkCalendar, default_calendar
from desktop.domain.clue import ClueState
from desktop.domain.codes import (
    CallbackResult,
    Channel,
    Finding,
    Post,
    Priority,
    Role,
    Status,
    UnitKind,
)
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.units import Actor, UnitInfo
from desktop.domain.workflow import NO_CONTEXT, Action, Context, Outcome, apply_action, refusal


def cst(month: int, day: int, hour: int = 10, minute: int = 0, second: int = 0) -> datetime:
    """An instant of 2026 in China time."""
    return datetime(2026, month, day, hour, minute, second, tzinfo=CHINA_TZ)


NOW = cst(3, 10)  # Tuesday 10 March 2026, 10:00 — an ordinary working day
CALENDAR: WorkCalendar = default_calendar()
RULES = Rules()

CITY = "320700"  # 连云港市攻坚办
HZ = "320706"  # 海州区攻坚办
DH = "320722"  # 东海县攻坚办
ZONE = "320791"  # 徐圩新区攻坚办, a functional zone
HZ_T1 = "320706101"  # 新坝镇 — the lead unit of the sample clue
HZ_T2 = "320706102"  # 锦屏镇 — another township of the same county
HZ_ST = "320706001"  # 朐阳街道
HZ_DEPT = "320706901"  # 海州区生态环境局 — the assisting unit of the sample clue
CITY_DEPT = "320700901"  # 连云港市生态环境局
DH_T1 = "320722101"  # 桃林镇
DH_DEPT = "320722901"  # 东海县生态环境局
ZONE_ST = "320791001"  # 徐圩街道
HZ_JW = "320706990"  # 海州区纪委监委
DH_JW = "320722990"  # 东海县纪委监委
CITY_JW = "320700990"  # 连云港市纪委监委


def _unit(code: str, name: str, kind: UnitKind, parent: str | None, county: str | None) -> UnitInfo:
    return UnitInfo(code=code, name=name, kind=kind, parent_code=parent, county_code=county)


UNITS: dict[str, UnitInfo] = {
    u.code: u
    for u in (
        _unit(CITY, "连云港市攻坚办", UnitKind.CITY_OFFICE, None, None),
        _unit(HZ, "海州区攻坚办", UnitKind.COUNTY_OFFICE, CITY, HZ),
        _unit(DH, "东海县攻坚办", UnitKind.COUNTY_OFFICE, CITY, DH),
        _unit(ZONE, "徐圩新区攻坚办", UnitKind.ZONE_OFFICE, CITY, ZONE),
        _unit(HZ_T1, "新坝镇", UnitKind.TOWNSHIP, HZ, HZ),
        _unit(HZ_T2, "锦屏镇", UnitKind.TOWNSHIP, HZ, HZ),
        _unit(HZ_ST, "朐阳街道", UnitKind.STREET, HZ, HZ),
        _unit(HZ_DEPT, "海州区生态环境局", UnitKind.DEPARTMENT, HZ, HZ),
        _unit(CITY_DEPT, "连云港市生态环境局", UnitKind.DEPARTMENT, CITY, None),
        _unit(DH_T1, "桃林镇", UnitKind.TOWNSHIP, DH, DH),
        _unit(DH_DEPT, "东海县生态环境局", UnitKind.DEPARTMENT, DH, DH),
        _unit(ZONE_ST, "徐圩街道", UnitKind.STREET, ZONE, ZONE),
        _unit(HZ_JW, "海州区纪委监委", UnitKind.DISCIPLINE, HZ, HZ),
        _unit(DH_JW, "东海县纪委监委", UnitKind.DISCIPLINE, DH, DH),
        _unit(CITY_JW, "连云港市纪委监委", UnitKind.DISCIPLINE, CITY, None),
    )
}


def _actor(username: str, role: Role, unit: str, post: Post = Post.HEAD) -> Actor:
    return Actor(username=username, role=role, unit=UNITS[unit], device_id="pc-1", post=post)


ACTORS: dict[str, Actor] = {
    # handlers
    "lead_handler": _actor("xinba", Role.HANDLER, HZ_T1),  # the lead unit's head
    "lead_clerk": _actor("xinba2", Role.HANDLER, HZ_T1, Post.CLERK),  # its clerk
    "assist_handler": _actor("hzhb", Role.HANDLER, HZ_DEPT),
    "township_handler": _actor("jinping", Role.HANDLER, HZ_T2),
    "city_dept_handler": _actor("lyghb", Role.HANDLER, CITY_DEPT),
    "other_county_handler": _actor("taolin", Role.HANDLER, DH_T1),
    "office_handler": _actor("hzclerk", Role.HANDLER, HZ),
    # dispatchers
    "county_dispatcher": _actor("hzgjb", Role.DISPATCHER, HZ),
    "city_dispatcher": _actor("lyggjb", Role.DISPATCHER, CITY),
    "other_county_dispatcher": _actor("dhgjb", Role.DISPATCHER, DH),
    "township_dispatcher": _actor("jinping2", Role.DISPATCHER, HZ_T2),  # no office: no dispatch
    # supervisors
    "county_supervisor": _actor("hzjw", Role.SUPERVISOR, HZ_JW),
    "city_supervisor": _actor("lygjw", Role.SUPERVISOR, CITY_JW),
    "other_county_supervisor": _actor("dhjw", Role.SUPERVISOR, DH_JW),
    # admin
    "admin": _actor("admin", Role.ADMIN, CITY),
}

# People outside the table: a township clerk of 东海, the zone's dispatcher and handler.
EXTRA_ACTORS: dict[str, Actor] = {
    "other_county_head": _actor("taolin0", Role.HANDLER, DH_T1),
    "zone_dispatcher": _actor("xwgjb", Role.DISPATCHER, ZONE),
    "zone_handler": _actor("xwjd", Role.HANDLER, ZONE_ST),
    "city_office_handler": _actor("lygclerk", Role.HANDLER, CITY),
    "township_clerk": _actor("jinping3", Role.HANDLER, HZ_T2, Post.CLERK),
}
PEOPLE: dict[str, Actor] = {**ACTORS, **EXTRA_ACTORS}

HANDLE_0324 = cst(3, 24, 17, 30)  # 10 working days after Tue 10 March
SIGN_0311 = cst(3, 11, 17, 30)  # 1 working day after Tue 10 March

# The sample clue: a 12369 report of 海州区, owned by the 海州区 office that registered it.
# 12369 has a reporter (a callback is due before closing) and no handling limit of its own.
REGISTERED = ClueState(
    code="HZ-2026-0001",
    status=Status.REGISTERED,
    priority=Priority.NORMAL,
    county_code=HZ,
    township_code=HZ_T1,
    registered_at=cst(3, 10, 9, 0),
    deadline=SIGN_0311,
    channel=Channel.HOTLINE_12369,
    owner_unit=HZ,
)
DISPATCHED = REGISTERED.evolve(
    status=Status.DISPATCHED,
    lead_unit=HZ_T1,
    assisting_units=(HZ_DEPT,),
    dispatched_at=cst(3, 10, 9, 30),
    handle_deadline=HANDLE_0324,
    deadline=SIGN_0311,
)
HANDLING = DISPATCHED.evolve(
    status=Status.HANDLING, signed_at=cst(3, 10, 9, 45), deadline=HANDLE_0324
)
SIGNOFF = HANDLING.evolve(status=Status.SIGNOFF, finding=Finding.TRUE)
REVIEWING = HANDLING.evolve(
    status=Status.REVIEWING,
    reported_at=cst(3, 10, 9, 50),
    deadline=cst(3, 12, 17, 30),
    finding=Finding.TRUE,
)
CALLED_BACK = REVIEWING.evolve(callback=CallbackResult.SATISFIED)
CLOSED = CALLED_BACK.evolve(status=Status.CLOSED, closed_at=cst(3, 10, 9, 55), deadline=None)
ORIGINAL_CODE = "HZ-2026-0000"

STATES: dict[str, ClueState | None] = {
    "new": None,
    "registered": REGISTERED,
    "returned": REGISTERED.evolve(status=Status.RETURNED, dispatched_at=cst(3, 10, 9, 30)),
    "dispatched": DISPATCHED,
    "handling": HANDLING,
    "handling_pending": HANDLING.evolve(extension_requested_days=3, extension_count=1),
    "signoff": SIGNOFF,
    "reviewing": CALLED_BACK,
    "closed": CLOSED,
    "closed_unsatisfied": CLOSED.evolve(callback=CallbackResult.UNSATISFIED),
    "duplicate": REGISTERED.evolve(
        status=Status.DUPLICATE, duplicate_of=ORIGINAL_CODE, deadline=None
    ),
    "refused": REGISTERED.evolve(status=Status.REFUSED, closed_at=cst(3, 10, 9, 40), deadline=None),
}
STATUS_OF: dict[str, Status] = {
    name: state.status for name, state in STATES.items() if state is not None
}


def owned_by(owner: str) -> dict[str, ClueState | None]:
    """The sample states owned by the office `owner` ("new" only for the county's own)."""
    if owner == HZ:
        return dict(STATES)
    return {
        name: state.evolve(owner_unit=owner) for name, state in STATES.items() if state is not None
    }


# The original of the duplicate: open (being handled) or closed with a finding.
ORIGINAL_OPEN = HANDLING.evolve(code=ORIGINAL_CODE, registered_at=cst(3, 9, 9, 0))
ORIGINAL_CLOSED = CLOSED.evolve(code=ORIGINAL_CODE, finding=Finding.PARTLY_TRUE)


def lookup_of(*clues: ClueState) -> Context:
    """A context in which `clues` (and no other clue) can be looked up by code."""
    known = {clue.code: clue for clue in clues}
    return Context(lookup=known.get)


DRAFT: dict[str, Any] = {
    "channel": "12369环保举报",
    "received_at": "2026-03-10 08:40",
    "category": "大气",
    "priority": "一般",
    "description": "夜间露天焚烧垃圾，烟雾较大",
    "address": "海州区新坝镇新坝村三组",
    "county_code": HZ,
    "township_code": HZ_T1,
}
PHOTO = {"sha256": "a" * 64, "name": "现场照片.jpg"}
REPORT: dict[str, Any] = {
    "result": "已现场核查并责令整改",
    "finding": "true",
    "measures": "责令停止焚烧，清理现场",
    "attachments": [PHOTO],
}
# A payload good enough for every action, so allowed actions can be applied as well.
EVERYTHING: dict[str, Any] = {
    **DRAFT,
    **REPORT,
    "lead_unit": HZ_T1,
    "assisting_units": [HZ_DEPT],
    "days": 3,
    "reason": "情况复杂，需要协调",
    "note": "请抓紧办理",
    "target_county": DH,
    "original": ORIGINAL_CODE,
    "ground": "out_of_scope",
    "callback": "satisfied",
}


def why(
    action: Action,
    actor: str,
    clue: ClueState | None,
    now: datetime = NOW,
    rules: Rules = RULES,
) -> str | None:
    """The refusal `actor` meets, with the unit directory at hand (so offices are named)."""
    return refusal(action, PEOPLE[actor], clue, now, CALENDAR, rules, county_code=HZ, units=UNITS)


def act(
    action: Action,
    actor: str,
    clue: ClueState | None,
    now: datetime,
    payload: Mapping[str, Any] | None = None,
    *,
    context: Context = NO_CONTEXT,
    rules: Rules = RULES,
) -> Outcome:
    return apply_action(
        action,
        PEOPLE[actor],
        clue,
        payload or {},
        now,
        CALENDAR,
        rules,
        UNITS,
        code="HZ-1",
        context=context,
    )


def registered(
    now: datetime = NOW, priority: str = "一般", actor: str = "township_handler", **draft: Any
) -> ClueState:
    """A clue of 海州区 registered at `now` by `actor` (the draft's fields overridable)."""
    return act(Action.REGISTER, actor, None, now, {**DRAFT, "priority": priority, **draft}).state


def dispatched(now: datetime = NOW, priority: str = "一般", **payload: Any) -> ClueState:
    """A fresh clue dispatched by its owner, 海州区, to 新坝镇 with 海州区生态环境局 assisting."""
    body = {"lead_unit": HZ_T1, "assisting_units": [HZ_DEPT], **payload}
    return act(Action.DISPATCH, "county_dispatcher", registered(now, priority), now, body).state


def handling(now: datetime = NOW, **draft: Any) -> ClueState:
    """A fresh clue dispatched at `now` and signed by 新坝镇 an hour later."""
    clue = act(Action.REGISTER, "township_handler", None, now, {**DRAFT, **draft}).state
    body = {"lead_unit": HZ_T1, "assisting_units": [HZ_DEPT]}
    clue = act(Action.DISPATCH, "county_dispatcher", clue, now, body).state
    return act(Action.SIGN, "lead_handler", clue, now.replace(hour=now.hour + 1)).state
