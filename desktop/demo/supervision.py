"""The demo city's re-supervision by the discipline commissions (纪委监委再监督): the
suggestions (纪律检查建议 / 监察建议 / 督办函) and accountability records (问责) a commission
makes over a year of red warnings, each step played through the rules of
`desktop.domain.suggestions` and `desktop.domain.accountability`.

A clue that reached warning level 3 is, more often than not, followed within days by a 督办函
to the unit it counted against; a unit with three or more red clues gets a 纪律检查建议 naming
them; each county's worst units get a 监察建议 on their work as a whole near `now`, planned so
that every state shows (unanswered and overdue, answered and awaiting review, sent back). A
unit answers most letters in time, a few late; the commission accepts most replies and sends
some back once. Units with the most or the longest red warnings, and a unit that left a
suggestion unanswered, are taken into an accountability record.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from random import Random
from typing import Any, NamedTuple

from desktop.demo.city import DemoCity
from desktop.domain.accountability import (
    AccountabilityAction,
    Measure,
    Origins,
    apply_accountability_action,
)
from desktop.domain.calendar import WorkCalendar
from desktop.domain.clue import ClueState
from desktop.domain.codes import Post, UnitKind
from desktop.domain.notice_numbers import load_number_prefixes
from desktop.domain.suggestions import (
    SuggestionAction,
    SuggestionKind,
    SuggestionState,
    SuggestionStatus,
    apply_suggestion_action,
)
from desktop.domain.supervision_common import MAX_CLUES, RecordOutcome
from desktop.domain.units import Actor, UnitInfo
from desktop.domain.warning_record import WarningEpisode

SUGGESTION_ID_BASE = uuid.UUID("5c1e0a7d-2b44-4f0e-8d1a-000000000000").int
ACCOUNTABILITY_ID_BASE = uuid.UUID("a7c0b1d2-3e45-4f60-9a1b-000000000000").int
SUGGESTION_EVENT_BASE = uuid.UUID("d3a8e5f1-6c27-4b90-a4e3-000000000000").int
ACCOUNTABILITY_EVENT_BASE = uuid.UUID("e9b4c2a6-7d18-4f35-b6c1-000000000000").int

LETTER_SHARE = 0.55
"""The share of red clues followed by a 督办函 of their own."""
LATE_SHARE = 0.15
"""The share of replies given after the reply deadline."""
SEND_BACK_SHARE = 0.25
"""The share of first replies the commission sends back."""


class RedWarning(NamedTuple):
    """A level-3 warning of a demo clue: the clue as it stands, the episode, and its unit."""

    clue: ClueState
    episode: WarningEpisode
    unit_code: str


class DemoRecordEvent(NamedTuple):
    """One step of a demo commission record's history."""

    outcome: RecordOutcome
    username: str
    unit_code: str
    at: datetime

    def entry(self, action_id: str, device_id: str) -> dict[str, Any]:
        """The history entry as the platform's and the store's event tables hold it."""
        outcome = self.outcome
        return {
            "action_id": action_id,
            "action": outcome.action.value,
            "username": self.username,
            "unit_code": self.unit_code,
            "device_id": device_id,
            "at": self.at,
            "from_status": outcome.from_status.value if outcome.from_status else None,
            "to_status": outcome.state.status.value,
            "note": outcome.note,
            "details": dict(outcome.details),
        }


@dataclass(frozen=True)
class DemoRecord:
    """A suggestion or accountability record of the demo: its state now and its history."""

    state: Any
    events: tuple[DemoRecordEvent, ...]


@dataclass
class DemoSupervision:
    """What the demo's commissions did: suggestions and accountability records."""

    suggestions: list[DemoRecord] = field(default_factory=list)
    accountability: list[DemoRecord] = field(default_factory=list)

    def records(self) -> Iterator[tuple[str, int, DemoRecord]]:
        """("suggestion" | "accountability", its index, the record), suggestions first."""
        for index, record in enumerate(self.suggestions):
            yield "suggestion", index, record
        for index, record in enumerate(self.accountability):
            yield "accountability", index, record


def event_action_id(kind: str, index: int, position: int) -> str:
    """The stable history id of step `position` of demo record `index` of `kind`."""
    base = SUGGESTION_EVENT_BASE if kind == "suggestion" else ACCOUNTABILITY_EVENT_BASE
    return str(uuid.UUID(int=base + (index << 8) + position))


def red_warnings(
    clue: ClueState, warnings: Sequence[tuple[WarningEpisode, str]]
) -> list[RedWarning]:
    """The level-3 warnings of a clue's record."""
    return [RedWarning(clue, e, unit) for e, unit in warnings if e.level == 3]


_BASIS = {
    SuggestionKind.DISCIPLINE: "《中国共产党纪律检查机关监督执纪工作规则》第十四条",
    SuggestionKind.SUPERVISION: "《中华人民共和国监察法》第四十五条第一款第（六）项",
    SuggestionKind.URGING_LETTER: "《连云港市生态环境问题线索闭环管理办法》第二十二条",
}
_NUMBER_WORD = {
    SuggestionKind.DISCIPLINE: "纪建",
    SuggestionKind.SUPERVISION: "监建",
    SuggestionKind.URGING_LETTER: "纪督",
}
_REPLY_DAYS = {
    SuggestionKind.DISCIPLINE: 15,
    SuggestionKind.SUPERVISION: 15,
    SuggestionKind.URGING_LETTER: 5,
}
_REPLIES = (
    "收到督办后，单位主要负责人召开专题会议研究部署，已于当日完成线索签收并安排专人办理；"
    "对超期原因逐一倒查，系经办人员外出未及时登录平台，已对其进行提醒谈话，"
    "并建立每日登录、专人盯办制度。",
    "已对所涉线索逐件复核，现场核查已全部完成，相关整改措施已落实到位，"
    "整改前后照片及核查记录附后；同时修订线索办理内部流程，明确签收、办理、反馈各环节责任人和时限。",
    "单位高度重视，成立由主要负责人任组长的整改工作专班，对照建议事项逐条制定整改措施，"
    "目前已整改完成，并将线索办理情况纳入月度工作考核。",
)
_SECOND_REPLIES = (
    "按照退回意见补充报送：已补齐所涉线索的现场核查记录、整改前后对比照片和企业整改承诺书，"
    "对责任人员的处理情况一并报告。",
    "根据退回意见，已对整改情况开展“回头看”，补充提供复查记录及相关制度文件。",
)
_SEND_BACK_NOTES = (
    "整改落实情况报告过于笼统，未说明超期原因及对责任人员的处理情况，请补充后重新报送。",
    "未附整改佐证材料，请补充现场核查记录和整改前后照片后重新报送。",
)
_ACCEPT_NOTES = ("整改措施具体，佐证材料齐全，予以采纳。", "同意采纳，请持续巩固整改成果。", "")
_MEASURES = (
    (Measure.TALK_REMINDER,),
    (Measure.TALK_REMINDER, Measure.TALK_REMINDER, Measure.CRITICISM),
    (Measure.TALK_REMINDER, Measure.CRITICISM, Measure.CRITICISM, Measure.ORDERED_INSPECTION),
    (Measure.CRITICISM, Measure.ORDERED_INSPECTION, Measure.CIRCULATED_CRITICISM),
    (Measure.ORDERED_INSPECTION, Measure.CIRCULATED_CRITICISM, Measure.ADMONITION),
)
"""The measures a commission draws from for a unit with 1, 2, … 5 or more red clues: mostly
a talk or criticism, heavier ones for the worst."""
_POSTS = {
    UnitKind.TOWNSHIP: ("党委委员、副镇长", "生态环境办公室主任"),
    UnitKind.STREET: ("党工委委员、副主任", "城市管理办公室主任"),
    UnitKind.DEPARTMENT: ("党组成员、副局长", "执法科科长"),
}


def _stable(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


@dataclass
class _Commission:
    unit: UnitInfo
    actor: Actor
    prefix: str
    numbers: dict[tuple[str, int], int] = field(default_factory=dict)

    def number(self, kind: SuggestionKind, year: int) -> str:
        key = (_NUMBER_WORD[kind], year)
        self.numbers[key] = self.numbers.get(key, 0) + 1
        return f"{self.prefix}{key[0]}〔{year}〕{self.numbers[key]}号"


class SupervisionPlanner:
    """Plays the commissions' year over the red warnings of the demo city."""

    def __init__(
        self,
        city: DemoCity,
        calendar: WorkCalendar,
        now: datetime,
        lookup: Callable[[str], ClueState | None],
    ) -> None:
        self.city = city
        self.units = city.directory()
        self.calendar = calendar
        self.now = now
        self.lookup = lookup
        self.out = DemoSupervision()
        self._suggestions: dict[str, SuggestionState] = {}
        self._red_codes: set[str] = set()

    # -- helpers ---------------------------------------------------------------------------

    def _user(self, unit_code: str, post: Post = Post.HEAD) -> Actor:
        for user in self.city.users:
            if user.unit_code == unit_code and user.post is post:
                return self.city.actor(user.username)
        raise LookupError(unit_code)

    def _at(self, start: datetime, days: float) -> datetime:
        """`days` working days (may be fractional) of office time after `start`."""
        day = self.calendar.office_hours.day_length
        return self.calendar.shift_working_time(start, day * days)

    def _commission(self, county: str | None) -> _Commission | None:
        for unit in self.units.values():
            if unit.kind is UnitKind.DISCIPLINE and unit.county_code == county:
                area = unit.county_code or unit.parent_code or unit.code
                prefix = load_number_prefixes().areas.get(area) or unit.name[:1]
                return _Commission(unit, self._user(unit.code), prefix)
        return None

    def _step(
        self, record: list[DemoRecordEvent], actor: Actor, outcome: RecordOutcome, at: datetime
    ) -> Any:
        """Note a step taken at `at` in the record's history; the state after it."""
        record.append(DemoRecordEvent(outcome, actor.username, actor.unit.code, at))
        return outcome.state

    # -- suggestions -----------------------------------------------------------------------

    def suggest(
        self,
        commission: _Commission,
        kind: SuggestionKind,
        unit: UnitInfo,
        reds: Sequence[RedWarning],
        issued_at: datetime,
        plan: str | None = None,
    ) -> SuggestionState | None:
        """Issue one suggestion and play its life up to `now` (`plan` forces how it ends:
        "sent", "replied" or "returned"); None when it would be issued after `now`."""
        if issued_at >= self.now:
            return None
        rng = Random(_stable(f"demo-suggestion:{unit.code}:{issued_at.isoformat()}"))
        index = len(self.out.suggestions)
        codes = sorted({r.clue.code for r in reds})
        payload = {
            "suggestion_id": str(uuid.UUID(int=SUGGESTION_ID_BASE + index)),
            "kind": kind.value,
            "number": commission.number(kind, issued_at.year),
            "addressed_unit": unit.code,
            "clue_codes": codes,
            "title": self._title(kind, unit, len(codes)),
            "text": self._text(kind, unit, reds),
            "basis": _BASIS[kind],
            "reply_days": _REPLY_DAYS[kind],
            "issued_at": issued_at.isoformat(),
        }
        events: list[DemoRecordEvent] = []
        actor = commission.actor
        outcome = apply_suggestion_action(
            SuggestionAction.ISSUE,
            actor,
            None,
            payload,
            issued_at,
            self.calendar,
            self.units,
            lookup=self.lookup,
        )
        state: SuggestionState = self._step(events, actor, outcome, issued_at)
        replier = self._user(unit.code)
        days = state.reply_days
        # The first reply: mostly in time, now and then late; a forced plan fixes it.
        first = (
            rng.uniform(0.3, 0.9) * days if rng.random() > LATE_SHARE else days + rng.uniform(1, 4)
        )
        if plan == "sent":
            first = float("inf")
        elif plan is not None:  # answered in time, a week after issue
            first = days / 3
        state = self._reply(events, state, replier, first, rng, _REPLIES)
        back = rng.random() < SEND_BACK_SHARE or plan == "returned"
        if state.replies and plan != "replied":
            review_at = self._at(state.replies[-1].replied_at, rng.uniform(0.5, 3))
            if review_at < self.now:
                if back:
                    note = rng.choice(_SEND_BACK_NOTES)
                    payload = {"note": note, "reply_days": 5}
                    outcome = apply_suggestion_action(
                        SuggestionAction.SEND_BACK,
                        actor,
                        state,
                        payload,
                        review_at,
                        self.calendar,
                        self.units,
                    )
                    state = self._step(events, actor, outcome, review_at)
                    if plan != "returned":
                        state = self._reply(
                            events, state, replier, rng.uniform(1, 4), rng, _SECOND_REPLIES
                        )
                        state = self._accept(events, state, actor, rng)
                else:
                    state = self._accept(events, state, actor, rng, review_at)
        self._suggestions[state.suggestion_id] = state
        self.out.suggestions.append(DemoRecord(state, tuple(events)))
        return state

    def _reply(
        self,
        events: list[DemoRecordEvent],
        state: SuggestionState,
        replier: Actor,
        days: float,
        rng: Random,
        texts: Sequence[str],
    ) -> SuggestionState:
        if days == float("inf"):
            return state
        start = state.reviewed_at or state.issued_at
        at = self._at(start, days)
        if at >= self.now:
            return state
        payload = {"reply": rng.choice(texts), "replied_at": at.isoformat()}
        outcome = apply_suggestion_action(
            SuggestionAction.REPLY, replier, state, payload, at, self.calendar, self.units
        )
        return self._step(events, replier, outcome, at)

    def _accept(
        self,
        events: list[DemoRecordEvent],
        state: SuggestionState,
        actor: Actor,
        rng: Random,
        at: datetime | None = None,
    ) -> SuggestionState:
        reply = state.latest_reply
        if reply is None or state.status is not SuggestionStatus.REPLIED:
            return state
        at = at or self._at(reply.replied_at, rng.uniform(0.5, 3))
        if at >= self.now:
            return state
        payload = {"note": rng.choice(_ACCEPT_NOTES)}
        outcome = apply_suggestion_action(
            SuggestionAction.ACCEPT, actor, state, payload, at, self.calendar, self.units
        )
        return self._step(events, actor, outcome, at)

    def _title(self, kind: SuggestionKind, unit: UnitInfo, count: int) -> str:
        if kind is SuggestionKind.URGING_LETTER:
            return f"关于督促{unit.name}加快办理超期生态环境问题线索的督办函"
        if kind is SuggestionKind.SUPERVISION:
            return f"关于{unit.name}生态环境问题线索办理工作的监察建议"
        return f"关于督促{unit.name}整改{count}件线索超期办理问题的纪律检查建议"

    def _text(self, kind: SuggestionKind, unit: UnitInfo, reds: Sequence[RedWarning]) -> str:
        if not reds:
            return (
                f"近期，我委对{unit.name}使用生态环境问题线索闭环管理平台情况开展监督检查，"
                "发现该单位线索签收、办理、反馈不及时的问题较为突出，多件线索触发预警，"
                "部分整改不到位，群众反映的问题未能及时解决，反映出主体责任落实不到位。"
            )
        clues = "、".join(sorted({r.clue.code for r in reds})[:6])
        stages = "、".join(sorted({r.episode.stage.label for r in reds}))
        return (
            f"经生态环境问题线索闭环管理平台预警，你单位承办的线索{clues}在{stages}环节"
            "超过规定时限三个工作日以上，触发三级（红色）预警。请你单位立即组织核查办理，"
            "查明超期原因，落实责任，并将整改落实情况书面报送我委。"
        )

    # -- accountability --------------------------------------------------------------------

    def hold_accountable(
        self,
        commission: _Commission,
        unit: UnitInfo,
        reds: Sequence[RedWarning],
        decided: datetime,
        measure: Measure,
        suggestion: SuggestionState | None = None,
    ) -> None:
        """Record one accountability record (when its date is before `now`)."""
        if decided >= self.now:
            return
        index = len(self.out.accountability)
        year = decided.year
        key = ("纪问", year)
        commission.numbers[key] = commission.numbers.get(key, 0) + 1
        head = self._user(unit.code)
        persons = [{"name": head.display_name, "post": _POSTS[unit.kind][0]}]
        if len(reds) >= 3 or measure in (Measure.ADMONITION, Measure.CIRCULATED_CRITICISM):
            clerk = self._user(unit.code, Post.CLERK)
            persons.append({"name": clerk.display_name, "post": _POSTS[unit.kind][1]})
        codes = sorted({r.clue.code for r in reds})
        facts = (
            f"{unit.name}承办的{len(codes)}件生态环境问题线索超期办理，触发三级（红色）预警"
            if codes
            else f"{unit.name}未按期答复我委{suggestion.number if suggestion else ''}"
        )
        payload = {
            "record_id": str(uuid.UUID(int=ACCOUNTABILITY_ID_BASE + index)),
            "unit_concerned": unit.code,
            "persons": persons,
            "measure": measure.value,
            "decided_on": decided.date().isoformat(),
            "document_number": f"{commission.prefix}纪问〔{year}〕{commission.numbers[key]}号",
            "facts": facts + "，相关责任人员履职不力。",
            "clue_codes": codes[:MAX_CLUES],  # a record links at most 50 (a large store has more)
            "suggestion_id": suggestion.suggestion_id if suggestion else None,
        }
        origins = Origins(self.lookup, self._red_codes.__contains__, self._suggestions.get)
        outcome = apply_accountability_action(
            AccountabilityAction.RECORD,
            commission.actor,
            None,
            payload,
            decided,
            self.units,
            origins,
        )
        event = DemoRecordEvent(outcome, commission.actor.username, commission.unit.code, decided)
        self.out.accountability.append(DemoRecord(outcome.state, (event,)))

    # -- the year --------------------------------------------------------------------------

    def plan(self, reds: Sequence[RedWarning]) -> DemoSupervision:
        """Every commission's suggestions and accountability records over `reds`."""
        self._red_codes = {r.clue.code for r in reds}
        by_area: dict[str | None, list[RedWarning]] = {}
        for red in sorted(reds, key=lambda r: (r.episode.reached_at, r.clue.code)):
            unit = self.units.get(red.unit_code)
            if unit is not None:  # the commission that covers the unit the warning names
                by_area.setdefault(unit.county_code, []).append(red)
        for county, area_reds in sorted(by_area.items(), key=lambda item: item[0] or ""):
            commission = self._commission(county)
            if commission is not None:
                self._county(commission, area_reds)
        return self.out

    def _county(self, commission: _Commission, reds: Sequence[RedWarning]) -> None:
        by_unit: dict[str, list[RedWarning]] = {}
        for red in reds:
            unit = self.units.get(red.unit_code)
            if unit is not None and unit.kind in _POSTS:
                by_unit.setdefault(unit.code, []).append(red)
        letters: list[tuple[datetime, UnitInfo, list[RedWarning], SuggestionKind]] = []
        for code, unit_reds in by_unit.items():
            unit = self.units.get(code)
            assert unit is not None
            rng = Random(_stable(f"demo-supervision:{code}"))
            for red in unit_reds:
                if rng.random() < LETTER_SHARE:
                    at = self._at(red.episode.reached_at, rng.uniform(0.5, 2))
                    letters.append((at, unit, [red], SuggestionKind.URGING_LETTER))
            if len(unit_reds) >= 3:
                at = self._at(unit_reds[2].episode.reached_at, rng.uniform(3, 8))
                letters.append((at, unit, unit_reds[:3], SuggestionKind.DISCIPLINE))
        issued: dict[str, list[SuggestionState]] = {}
        for at, unit, unit_reds, kind in sorted(letters, key=lambda item: item[0]):
            state = self.suggest(commission, kind, unit, unit_reds, at)
            if state is not None:
                issued.setdefault(unit.code, []).append(state)
        worst = sorted(by_unit, key=lambda c: (-len(by_unit[c]), c))
        # Near `now`, the worst units get a 监察建议 each, planned to show every open state.
        plans = (("sent", 18), ("replied", 12), ("returned", 14))
        # (A county with fewer red units gives its worst more than one.)
        chosen = [worst[i % len(worst)] for i in range(len(plans))] if worst else []
        for (plan, days_ago), code in zip(plans, chosen, strict=False):
            unit = self.units.get(code)
            assert unit is not None
            start = self._at(self.now, -days_ago)
            state = self.suggest(commission, SuggestionKind.SUPERVISION, unit, (), start, plan)
            if state is not None:
                issued.setdefault(code, []).append(state)
        planned: list[tuple[datetime, UnitInfo, Sequence[RedWarning], Measure, Any]] = []
        for rank, code in enumerate(worst[:3]):
            unit = self.units.get(code)
            assert unit is not None
            unit_reds = by_unit[code]
            rng = Random(_stable(f"demo-accountability:{code}"))
            measure = rng.choice(_MEASURES[min(len(unit_reds), len(_MEASURES)) - 1])
            latest = max(r.episode.reached_at for r in unit_reds)
            planned.append((self._at(latest, 10 + rank), unit, unit_reds, measure, None))
        # Now and then the unit that left its 监察建议 unanswered well past the deadline.
        if worst and _stable(f"demo-unanswered:{commission.unit.code}") % 2 == 0:
            unit = self.units.get(worst[0])
            late = [
                s
                for s in issued.get(worst[0], ())
                if s.awaiting_reply and self._at(s.reply_deadline, 2) < self.now
            ]
            if late and unit is not None:
                decided = self._at(late[0].reply_deadline, 2)
                planned.append((decided, unit, (), Measure.TALK_REMINDER, late[0]))
        for decided, unit, named, measure, suggestion in sorted(planned, key=lambda p: p[0]):
            self.hold_accountable(commission, unit, named, decided, measure, suggestion)


def plan_supervision(
    city: DemoCity,
    reds: Sequence[RedWarning],
    calendar: WorkCalendar,
    now: datetime,
) -> DemoSupervision:
    """The demo commissions' suggestions and accountability records over the city's red
    warnings (the clues they name are looked up among `reds`)."""
    clues: Mapping[str, ClueState] = {r.clue.code: r.clue for r in reds}
    return SupervisionPlanner(city, calendar, now, clues.get).plan(reds)


__all__ = [
    "DemoRecord",
    "DemoRecordEvent",
    "DemoSupervision",
    "RedWarning",
    "event_action_id",
    "plan_supervision",
    "red_warnings",
]
