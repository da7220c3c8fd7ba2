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
from desktop.demo.texts import CATEGORY_WEIGHTS, CHANNEL_WEIGHTS, Scenario
from desktop.domain.clue import ClueDraft
from desktop.domain.codes import Category, Channel, Priority, Role, UnitKind
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
)

UPPER_CHANNELS = frozenset(
    {Channel.HIGHER_ASSIGNMENT, Channel.INSPECTION_ASSIGNMENT, Channel.DISCIPLINE_TRANSFER}
)
"""Channels that bring clues from above; the city office often takes them itself."""


def duty_of(name: str) -> str:
    """The duty of a department, from its name: eco, agri, transport, urban, housing, …"""
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
    supervisor: Actor | None
    townships: list[UnitInfo]
    departments: dict[str, UnitInfo]
    handling: list[UnitInfo]
    parks: list[UnitInfo]
    scenarios: dict[Category, WeightTable]
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


class CaseMaker:
    """The city's units, accounts and weight tables; draws the case of each clue."""

    def __init__(self, city: DemoCity) -> None:
        self.city = city
        self.actors: dict[tuple[str, Role], Actor] = {}
        for user in city.users:
            self.actors.setdefault((user.unit_code, user.role), city.actor(user.username))
        self.city_dispatcher = self.actors[(CITY_CODE, Role.DISPATCHER)]
        self.city_departments = {
            duty_of(u.name): u
            for u in city.units
            if u.kind is UnitKind.DEPARTMENT and u.county_code is None
        }
        self.areas = {a.code: self._area(a) for a in city.areas()}
        self.area_table = weights({c: AREA_WEIGHTS.get(c, 4) for c in self.areas})
        self.channel_table = weights(CHANNEL_WEIGHTS)
        self.category_tables = {
            channel: weights(_CHANNEL_CATEGORIES.get(channel, CATEGORY_WEIGHTS))
            for channel in Channel
        }

    def _area(self, office: UnitInfo) -> Area:
        code = office.code
        handling = self.city.handling_units(code)
        townships = [u for u in handling if u.kind is not UnitKind.DEPARTMENT]
        departments = {duty_of(u.name): u for u in handling if u.kind is UnitKind.DEPARTMENT}
        supervisor = next(
            (
                actor
                for (_, role), actor in self.actors.items()
                if role is Role.SUPERVISOR and actor.unit.county_code == code
            ),
            None,
        )
        scenarios: dict[Category, WeightTable] = {}
        monitored: dict[Category, WeightTable] = {}
        for category in Category:
            fitting = {
                s: s.weight
                for s in texts.SCENARIOS
                if s.category is category and (not s.areas or code in s.areas)
            }
            scenarios[category] = weights(fitting)
            companies = {s: w for s, w in fitting.items() if s.subject == "company"}
            monitored[category] = weights(companies)
        parks = places.geography(code).parks
        return Area(
            unit=office,
            name=self.city.area_name(code),
            dispatcher=self.actors[(code, Role.DISPATCHER)],
            supervisor=supervisor,
            townships=townships,
            departments=departments,
            handling=handling,
            parks=[u for u in townships if u.name in parks],
            scenarios=scenarios,
            monitored=monitored,
        )

    def handler(self, unit: UnitInfo) -> Actor:
        """The handler account of a handling unit."""
        return self.actors[(unit.code, Role.HANDLER)]

    # -- the case ------------------------------------------------------------------------

    def case(self, rng: Random) -> Case:
        """Draw what one clue is about and who will work on it."""
        area: Area = self.areas[pick(rng, self.area_table)]
        channel: Channel = pick(rng, self.channel_table)
        category: Category = pick(rng, self.category_tables[channel])
        monitored = channel is Channel.ONLINE_MONITORING
        table = (area.monitored if monitored else area.scenarios).get(category)
        if not table or not table[0]:
            table = area.scenarios[Category.AIR]
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
            township = area.parks[rng.randrange(len(area.parks))]
        else:
            township = area.townships[rng.randrange(len(area.townships))]
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
        roll = rng.random()
        wanted = 0 if roll < 0.6 else 1 if roll < 0.9 else 2
        if not wanted:
            return []
        area = case.area
        pool = [
            case.township,
            area.departments.get(case.scenario.duty or "eco"),
            area.departments.get("eco"),
            rng.choice(area.handling),
        ]
        out: list[UnitInfo] = []
        for unit in pool:
            if unit is not None and unit.code != case.lead.code and unit not in out:
                out.append(unit)
        return out[:wanted]

    def _registrar(self, rng: Random, case: Case) -> Actor:
        """Who registers: the unit that found it in the field, the city office for clues
        from above, otherwise the area's tackling office."""
        if case.channel in texts.FIELD_CHANNELS and case.lead.county_code is not None:
            if rng.random() < 0.7:
                return self.handler(case.lead)
        if case.channel in UPPER_CHANNELS and rng.random() < 0.5:
            return self.city_dispatcher
        return case.area.dispatcher

    def other_unit(self, rng: Random, case: Case) -> UnitInfo:
        """A handling unit of the area that is neither the lead nor assisting."""
        for _ in range(8):
            unit = rng.choice(case.area.handling)
            if unit.code != case.lead.code and unit not in case.assisting:
                return unit
        return case.township

    # -- the draft -----------------------------------------------------------------------

    def draft(self, rng: Random, case: Case, registered_at: datetime) -> ClueDraft:
        """The registered fields: when and how it came in, where, about whom, what."""
        if case.registrar.role is Role.HANDLER:
            before = rng.randint(300, 5400)
        else:
            roll = rng.random()
            if roll < 0.7:
                before = rng.randint(120, 9000)
            elif roll < 0.92:
                before = rng.randint(7200, 64800)
            else:
                before = rng.randint(64800, 237600)
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
        return ClueDraft(
            channel=case.channel,
            received_at=registered_at - timedelta(seconds=before),
            category=scenario.category,
            priority=case.priority,
            description=description,
            address=address,
            county_code=area.unit.code,
            township_code=township.code if rng.random() < 0.95 else None,
            subject_name=case.subject,
            subject_credit_code=case.credit_code,
            reporter_name=case.reporter[0],
            reporter_phone=case.reporter[1],
            latitude=latitude,
            longitude=longitude,
        )


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
