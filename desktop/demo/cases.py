"""What each demo clue is about: area, channel, category, subject, reporter and the units
that will work on it, drawn with realistic weights from the demo city."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random
from typing import Any

from desktop.demo import places, texts
from desktop.demo.city import CITY_CODE, DemoCity
from desktop.demo.texts import (
    CATEGORY_SEASONS,
    CATEGORY_WEIGHTS,
    CHANNEL_WEIGHTS,
    SCENARIO_SEASONS,
    Scenario,
    between,
    one,
)
from desktop.domain.codes import Category, Channel, Finding, Post, Priority, Role, UnitKind
from desktop.domain.units import Actor, UnitInfo

WeightTable = tuple[list[Any], list[float]]
"""Keys and their running weight totals, as `weights` builds them for `pick`."""


def weights(table: Mapping[Any, float]) -> WeightTable:
    """The weight table of a mapping from keys to relative weights (zero weights dropped)."""
    keys = [key for key in table if table[key] > 0]
    total = 0.0
    running = []
    for key in keys:
        total += table[key]
        running.append(total)
    return keys, running


def pick(rng: Random, table: WeightTable) -> Any:
    """A key drawn with the probability of its weight."""
    keys, running = table
    return keys[bisect_right(running, rng.random() * running[-1])]


AREA_WEIGHTS: Mapping[str, float] = {
    "320706": 22,
    "320722": 17,
    "320707": 16,
    "320723": 12,
    "320724": 10,
    "320703": 9,
    "320771": 6,
    "320772": 5,
    "320773": 3,
}
"""How many clues each county or zone has (relative weights; others get 4)."""

TOWNSHIP_WEIGHTS: Mapping[str, float] = {
    "320706001": 4,  # 新海街道: the city centre, the busiest street office (and a demo account)
    "320706002": 2,  # 幸福路街道
    "320706003": 2,  # 朐阳街道
}
"""How many clues a township or street has against the others of its area (others get 1)."""

MONTHS = range(1, 13)
_EVEN = (1.0,) * 12

_CHANNEL_CATEGORIES: Mapping[Channel, Mapping[Category, float]] = {
    Channel.ONLINE_MONITORING: {Category.AIR: 6, Category.WATER: 4},
    Channel.REMOTE_SENSING: {
        Category.ECOLOGY: 5,
        Category.SOLID_WASTE: 3,
        Category.AIR: 2,
        Category.SOIL: 1,
    },
}

_DUTIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("eco", ("生态环境",)),
    ("agri", ("农业农村",)),
    ("transport", ("交通运输",)),
    ("urban", ("城市管理",)),
    ("housing", ("住房和城乡建设", "建设局")),
    ("water", ("水利",)),
    ("land", ("自然资源",)),
    ("police", ("公安",)),
    ("market", ("市场监督",)),
    ("emergency", ("应急管理",)),
    ("health", ("卫生健康",)),
    ("industry", ("工业和信息化",)),
    ("development", ("发展和改革",)),
    ("port", ("港口",)),
    ("maritime", ("海事",)),
)

UPPER_CHANNELS = frozenset(
    {Channel.HIGHER_ASSIGNMENT, Channel.INSPECTION_ASSIGNMENT, Channel.DISCIPLINE_TRANSFER}
)
"""Channels that bring clues from above; the city office often takes them itself."""

FINDING_WEIGHTS: Mapping[Finding, float] = {
    Finding.TRUE: 60,
    Finding.PARTLY_TRUE: 20,
    Finding.UNTRUE: 20,
}
"""How often a report finds the complaint true, partly true or untrue (relative weights)."""

CLERK_SHARE = 0.4
"""The share of clues a unit's clerk (经办人) works and reports; the head signs it off."""

CHANNEL_REFS: Mapping[Channel, tuple[str, int, float]] = {
    Channel.HOTLINE_12345: ("{day}{n:05d}", 1800, 1.0),  # 12345 work order: 2026112700123
    Channel.HOTLINE_12369: ("HJ{day}{n:04d}", 300, 1.0),
    Channel.PETITION: ("XF{county}{day}{n:03d}", 60, 1.0),  # 信访件号
    Channel.INSPECTION_ASSIGNMENT: ("DC{year}-{batch:02d}-{n:04d}", 400, 1.0),  # 督察交办编号
    Channel.HIGHER_ASSIGNMENT: ("连攻坚交〔{year}〕{n}号", 900, 0.6),  # 交办文号
}
"""The references the channels' own systems give their items: a template (n: the item's
number that day, or year or batch), the highest usual number, and the share that has one."""

DUE_BY_SHARES: Mapping[Channel, float] = {
    Channel.INSPECTION_ASSIGNMENT: 0.8,
    Channel.HIGHER_ASSIGNMENT: 0.3,
}
"""The share of clues of a channel that come with the sender's own deadline (due_by)."""


def duty_of(name: str) -> str:
    """The duty of a department, from its name: eco, agri, transport, urban, housing, water,
    land, police, market, emergency, health, industry, development, port, maritime."""
    for duty, words in _DUTIES:
        if any(word in name for word in words):
            return duty
    return ""


@dataclass
class Area:
    """What the generator needs to know about one county or zone."""

    unit: UnitInfo
    name: str
    dispatcher: Actor
    townships: list[UnitInfo]
    township_table: WeightTable
    departments: dict[str, UnitInfo]
    handling: list[UnitInfo]
    parks: list[UnitInfo]
    scenarios: dict[tuple[int, Category], WeightTable]
    monitored: dict[Category, WeightTable]


@dataclass
class Case:
    """The choices made for one clue before its history is planned."""

    area: Area
    channel: Channel
    scenario: Scenario
    priority: Priority
    township: UnitInfo
    lead: UnitInfo
    assisting: list[UnitInfo]
    dispatcher: Actor
    registrar: Actor
    subject: str
    credit_code: str
    reporter: tuple[str, str]
    finding: Finding = Finding.TRUE
    clerk_works: bool = False
    due_days: int | None = None
    """Working days from the registration to the sender's deadline (None: no deadline)."""
    registered_in: Area | None = None
    """The area a misrouted clue was registered in (None: its own)."""

    @property
    def anonymous(self) -> bool:
        """Whether the reporter left neither a name nor a phone number."""
        return not (self.reporter[0] or self.reporter[1])


class CaseMaker:
    """The city's units, accounts and weight tables; draws the case of each clue."""

    def __init__(self, city: DemoCity) -> None:
        self.city = city
        self.actors: dict[tuple[str, Role], Actor] = {}
        self.clerks: dict[str, Actor] = {}
        self.phones = {user.username: user.phone for user in city.users}
        for user in city.users:
            if user.post is Post.CLERK:
                self.clerks[user.unit_code] = city.actor(user.username)
            else:
                self.actors.setdefault((user.unit_code, user.role), city.actor(user.username))
        self.finding_table = weights(FINDING_WEIGHTS)
        self._refs: set[tuple[Channel, str]] = set()
        self.city_dispatcher = self.actors[(CITY_CODE, Role.DISPATCHER)]
        self.city_departments = {
            duty_of(u.name): u
            for u in city.units
            if u.kind is UnitKind.DEPARTMENT and u.county_code is None
        }
        self.areas = {a.code: self._area(a) for a in city.areas()}
        self.area_table = weights({c: AREA_WEIGHTS.get(c, 4) for c in self.areas})
        self.channel_table = weights(CHANNEL_WEIGHTS)
        seasonal = {
            month: {
                category: weight * CATEGORY_SEASONS.get(category, _EVEN)[month - 1]
                for category, weight in CATEGORY_WEIGHTS.items()
            }
            for month in MONTHS
        }
        self.category_tables = {
            (month, channel): weights(_CHANNEL_CATEGORIES.get(channel, seasonal[month]))
            for month in MONTHS
            for channel in Channel
        }

    def _area(self, office: UnitInfo) -> Area:
        code = office.code
        handling = self.city.handling_units(code)
        townships = [u for u in handling if u.kind is not UnitKind.DEPARTMENT]
        departments = {duty_of(u.name): u for u in handling if u.kind is UnitKind.DEPARTMENT}
        scenarios: dict[tuple[int, Category], WeightTable] = {}
        monitored: dict[Category, WeightTable] = {}
        for category in Category:
            fitting = [
                s
                for s in texts.SCENARIOS
                if s.category is category and (not s.areas or code in s.areas)
            ]
            for month in MONTHS:
                scenarios[(month, category)] = weights(
                    {
                        s: s.weight * SCENARIO_SEASONS.get(s.season, _EVEN)[month - 1]
                        for s in fitting
                    }
                )
            monitored[category] = weights({s: s.weight for s in fitting if s.subject == "company"})
        parks = places.geography(code).parks
        return Area(
            unit=office,
            name=self.city.area_name(code),
            dispatcher=self.actors[(code, Role.DISPATCHER)],
            townships=townships,
            township_table=weights({u: TOWNSHIP_WEIGHTS.get(u.code, 1) for u in townships}),
            departments=departments,
            handling=handling,
            parks=[u for u in townships if u.name in parks],
            scenarios=scenarios,
            monitored=monitored,
        )

    def handler(self, unit: UnitInfo) -> Actor:
        """The handler account of a handling unit: its head (负责人)."""
        return self.actors[(unit.code, Role.HANDLER)]

    def clerk(self, unit: UnitInfo) -> Actor:
        """The clerk (经办人) of a handling unit (its head when it has none)."""
        return self.clerks.get(unit.code) or self.handler(unit)

    def worker(self, case: Case) -> Actor:
        """Who signs, handles and reports the clue in its lead unit."""
        return self.clerk(case.lead) if case.clerk_works else self.handler(case.lead)

    # -- the case ------------------------------------------------------------------------

    def case(self, rng: Random, month: int) -> Case:
        """Draw what one clue coming in in `month` (1–12) is about and who will work on it."""
        area: Area = self.areas[pick(rng, self.area_table)]
        channel: Channel = pick(rng, self.channel_table)
        category: Category = pick(rng, self.category_tables[(month, channel)])
        if channel is Channel.ONLINE_MONITORING:
            table = area.monitored.get(category)
        else:
            table = area.scenarios.get((month, category))
        if not table or not table[0]:
            table = area.scenarios[(month, Category.AIR)]
        scenario: Scenario = pick(rng, table)
        roll = rng.random()
        urgent = 0.3 if channel in UPPER_CHANNELS or channel is Channel.MEDIA_EXPOSURE else 0.1
        if roll < urgent / 4:
            priority = Priority.CRITICAL
        elif roll < urgent:
            priority = Priority.URGENT
        else:
            priority = Priority.NORMAL
        if scenario.subject == "company" and area.parks and rng.random() < 0.6:
            township = one(rng, area.parks)
        else:
            township = pick(rng, area.township_table)
        lead = self._lead(rng, area, scenario, channel, township)
        dispatcher = self.city_dispatcher if lead.county_code is None else area.dispatcher
        if channel is Channel.REMOTE_SENSING:
            subject, credit = "", ""
        else:
            subject, credit, _ = places.subject(rng, scenario, area.unit.code, township.name)
        case = Case(
            area=area,
            channel=channel,
            scenario=scenario,
            priority=priority,
            township=township,
            lead=lead,
            assisting=[],
            dispatcher=dispatcher,
            registrar=area.dispatcher,
            subject=subject,
            credit_code=credit,
            reporter=_reporter(rng, channel),
        )
        case.assisting = self._assisting(rng, case)
        case.registrar = self._registrar(rng, case)
        if case.registrar.unit.code == CITY_CODE:
            case.dispatcher = self.city_dispatcher  # the office that registers owns it
        case.finding = pick(rng, self.finding_table)
        case.clerk_works = rng.random() < CLERK_SHARE
        share = DUE_BY_SHARES.get(channel)
        if share is not None and rng.random() < share:
            case.due_days = one(rng, (3, 5, 5, 8, 12))
        return case

    def _lead(
        self, rng: Random, area: Area, scenario: Scenario, channel: Channel, township: UnitInfo
    ) -> UnitInfo:
        duty = scenario.duty
        if rng.random() < (0.3 if channel in UPPER_CHANNELS else 0.03):
            return self.city_departments.get(duty) or self.city_departments["eco"]
        if duty and duty in area.departments and rng.random() < 0.55:
            return area.departments[duty]
        return township

    def _assisting(self, rng: Random, case: Case) -> list[UnitInfo]:
        """Most clues have only a lead unit; about one in four has one or two assisting."""
        roll = rng.random()
        wanted = 0 if roll < 0.72 else 1 if roll < 0.94 else 2
        if not wanted:
            return []
        area = case.area
        pool = [
            case.township,
            area.departments.get(case.scenario.duty or "eco"),
            area.departments.get("eco"),
            one(rng, area.handling),
        ]
        out: list[UnitInfo] = []
        for unit in pool:
            if unit is not None and unit.code != case.lead.code and unit not in out:
                out.append(unit)
        return out[:wanted]

    def _registrar(self, rng: Random, case: Case) -> Actor:
        """Who registers: the unit that found it in the field, the city office for clues
        from above, otherwise the area's tackling office."""
        if case.lead.county_code is None:
            return self.city_dispatcher  # only the city office dispatches to a city bureau
        if case.channel in texts.FIELD_CHANNELS and rng.random() < 0.7:
            return self.handler(case.lead)
        if case.channel in UPPER_CHANNELS and rng.random() < 0.5:
            return self.city_dispatcher
        return case.area.dispatcher

    def other_unit(self, rng: Random, case: Case) -> UnitInfo:
        """A handling unit of the area that is neither the lead nor assisting."""
        for _ in range(8):
            unit = one(rng, case.area.handling)
            if unit.code != case.lead.code and unit not in case.assisting:
                return unit
        return case.township

    # -- the registration ----------------------------------------------------------------

    def registration(
        self,
        rng: Random,
        case: Case,
        registered_at: datetime,
        due_by: datetime | None = None,
    ) -> dict[str, Any]:
        """The registered fields (the payload of the register action; the rules make the
        draft of it): when and how it came in, where, about whom, what; the channel's own
        reference and the sender's deadline `due_by` where the channel has them."""
        if case.registrar.role is Role.HANDLER:
            before = between(rng, 300, 5400)
        else:
            roll = rng.random()
            if roll < 0.7:
                before = between(rng, 120, 9000)
            elif roll < 0.92:
                before = between(rng, 7200, 64800)
            else:
                before = between(rng, 64800, 237600)
        area, township, scenario = case.area, case.township, case.scenario
        address = places.address(
            rng,
            area.unit.code,
            area.name,
            township.name,
            township.kind is UnitKind.TOWNSHIP,
            scenario.subject,
        )
        river = places.river(rng, area.unit.code)
        description = texts.describe(
            rng, case.channel, scenario, case.subject, address.removeprefix("连云港市"), river
        )
        latitude = longitude = None
        if rng.random() < 0.75:
            latitude, longitude = places.coordinates(rng, area.unit.code)
        received = registered_at - timedelta(seconds=before)
        township_code = township.code if rng.random() < 0.95 else None
        county_code = area.unit.code
        if case.registered_in is not None:  # misrouted: registered in the wrong area
            county_code, township_code = case.registered_in.unit.code, None
        return {
            "channel": case.channel,
            "received_at": received,
            "category": scenario.category,
            "priority": case.priority,
            "description": description,
            "address": address,
            "county_code": county_code,
            "township_code": township_code,
            "subject_name": case.subject,
            "subject_credit_code": case.credit_code,
            "reporter_name": case.reporter[0],
            "reporter_phone": case.reporter[1],
            "latitude": latitude,
            "longitude": longitude,
            "channel_ref": self.channel_ref(rng, case.channel, received, area.unit.code),
            "due_by": due_by,
        }

    def duplicate_registration(
        self, rng: Random, case: Case, original: Mapping[str, Any], registered_at: datetime
    ) -> dict[str, Any]:
        """The registered fields of a clue reporting again what `original` (a register
        payload) reported: same place and party, another reporter and channel."""
        before = between(rng, 120, 9000) if rng.random() < 0.8 else between(rng, 7200, 64800)
        received = registered_at - timedelta(seconds=before)
        address = str(original["address"]).removeprefix("连云港市")
        river = places.river(rng, case.area.unit.code)
        text = texts.describe(rng, case.channel, case.scenario, case.subject, address, river)
        _, _, tail = text.partition("：")
        intro = one(rng, texts.DUPLICATE_INTROS)
        return {
            **original,
            "channel": case.channel,
            "received_at": received,
            "description": f"{intro}：{tail}" if tail else text,
            "reporter_name": case.reporter[0],
            "reporter_phone": case.reporter[1],
            "channel_ref": self.channel_ref(rng, case.channel, received, case.area.unit.code),
            "due_by": None,
        }

    def channel_ref(self, rng: Random, channel: Channel, received: datetime, county: str) -> str:
        """The reference the channel's own system gave the item (unique per channel), or ""."""
        spec = CHANNEL_REFS.get(channel)
        if spec is None:
            return ""
        template, high, share = spec
        if share < 1 and rng.random() >= share:
            return ""
        number = between(rng, 1, high)
        year = received.year
        values = {
            "day": f"{year}{received.month:02d}{received.day:02d}",
            "year": year,
            "county": county,
            "batch": 1 + received.timetuple().tm_yday // 14,
        }
        ref = template.format(n=number, **values)
        while (channel, ref) in self._refs:
            number += 1
            ref = template.format(n=number, **values)
        self._refs.add((channel, ref))
        return ref


def _reporter(rng: Random, channel: Channel) -> tuple[str, str]:
    """Who reported: a citizen (sometimes anonymous), the grid worker, or nobody."""
    if channel in texts.CITIZEN_CHANNELS:
        if rng.random() < 0.15:
            return "", ""
        phone = texts.landline(rng) if rng.random() < 0.1 else texts.mobile(rng)
        return texts.person_name(rng), phone
    if channel is Channel.GRID_PATROL:
        return texts.person_name(rng), texts.mobile(rng)
    if channel is Channel.NPC_CPPCC:
        return texts.person_name(rng), ""
    return "", ""
