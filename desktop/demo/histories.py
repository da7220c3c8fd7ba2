"""When and by whom each demo clue is worked: the planned steps of its history.

Times are planned on a `WorkClock` (office seconds on working days). Every clue comes in on a
working day of the two years before `now`, drawn with the seasonal intake of
`INTAKE_BY_MONTH`, and its whole closed loop is planned from there. A loop that ends before
`now` is the clue's history: it is closed. A clue whose loop would still be running at `now`
is still open: its history is then planned from its current stage (see `OPEN_STATUS_WEIGHTS`
and `LEVEL_WEIGHTS`). The step that began that stage (the anchor) is put on the working day
that makes the stage end on a deadline day with the wanted warning level; the steps before it
go back from there and the few after it are fitted in before `now`. So the older a clue is,
the likelier it is closed, as on the real platform (99.57 % closed), and the intake stays
even up to `now`. With a `backlog` (for tests that need many open clues) that share of the
clues is left open whatever their age.

A loop is the one the offices run (see `SHARES` for how often each turn is taken): the owner
office refuses an invalid item (不予受理) or dispatches it, after a misrouted one went back to
the city and on to its county (退回市级, 转办); the lead unit's clerk or head signs and handles
it, maybe with extension requests within the caps, a rectification notice followed to its end
(or to a penalty case), the city taking it over (提级办理); the report carries a finding, the
measures and evidence, and a clerk's report is signed off by the head (审签); the reporter is
called back (回访) where the channel has one, and an unhappy reporter sends it back; the
weekly verification sometimes finds a fault after closing. Duplicates (重复件) are planned by
`duplicate_steps` beside their original.

A history is built from blocks (`_dispatch`, `_sign`, `_handle`, `_report`, `_review`,
`_verification_fail`, ...) that each append their steps to a `_Plan`. A new kind of step is a
new block, called from `_closed_chain` and from the branch of `_open_chain` of each status it
can leave a clue in. Notice steps (`NoticeAction`s) are planned with the clue's steps; their
payloads name the notice by its number within the clue (`notice_id`: 0) and the generator
fills in what only the played clue knows (content, document number, dates).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from operator import itemgetter
from random import Random
from typing import Any

from desktop.demo import texts
from desktop.demo.cases import Area, Case, CaseMaker, WeightTable, pick, weights
from desktop.demo.clock import WorkClock
from desktop.demo.evidence import EvidencePicker
from desktop.demo.texts import one
from desktop.domain.calendar import WorkCalendar
from desktop.domain.codes import Finding, Post, Priority, Status
from desktop.domain.deadlines import warning_level
from desktop.domain.notice_actions import NoticeAction
from desktop.domain.notice_content import NoticeKind, ServiceMethod
from desktop.domain.notice_numbers import is_environment_bureau
from desktop.domain.rules import Rules
from desktop.domain.timeutil import to_china
from desktop.domain.units import Actor
from desktop.domain.workflow import Action

Step = tuple[int, Action | NoticeAction, Actor, dict[str, Any]]
"""A planned action: office position (see `WorkClock`), action, actor and payload."""

_Gap = tuple[float, Action | NoticeAction, Actor, dict[str, Any]]

INTAKE_DAYS = 730
"""Clues come in over the two years (calendar days) before `now`."""

INTAKE_BY_MONTH: tuple[float, ...] = (
    0.85, 0.9, 0.95, 1.0, 1.05, 1.25, 1.3, 1.25, 1.1, 1.05, 1.0, 0.85
)  # fmt: skip
"""Clues per working day by month, January first (relative): more in summer (noise, odour,
black and smelly water) and at the harvests (straw burning in June and October), fewer in
winter. The Spring Festival week has no working days, which makes its month the leanest."""

OPEN_STATUS_WEIGHTS: Mapping[Status, float] = {
    Status.REGISTERED: 5,
    Status.RETURNED: 3,
    Status.DISPATCHED: 9,
    Status.HANDLING: 64,
    Status.SIGNOFF: 4,
    Status.REVIEWING: 15,
}
"""Where the clues still open at `now` stand (relative weights)."""

LEVEL_WEIGHTS: Mapping[Status, tuple[float, float, float]] = {
    Status.REGISTERED: (0, 0.85, 0.15),
    Status.RETURNED: (0, 0.8, 0.2),
    Status.DISPATCHED: (0, 0.85, 0.15),
    Status.HANDLING: (0.9, 0.06, 0.04),
    Status.SIGNOFF: (0.9, 0.08, 0.02),
    Status.REVIEWING: (0.7, 0.25, 0.05),
}
"""How open clues of each status that are not red spread over the warning levels 0–2
(relative weights). Registered, returned and dispatched clues have a one-day limit, so they
are never far from their deadline."""

RED_SHARE = 0.015
"""The share of open clues at warning level 3 (red: overdue by more than three working days,
the discipline commission steps in)."""

RED_STATUS_WEIGHTS: Mapping[Status, float] = {
    Status.DISPATCHED: 10,
    Status.HANDLING: 85,
    Status.REVIEWING: 5,
}
"""Where the red clues stand (relative weights): mostly in handling."""

SHARES: Mapping[str, float] = {
    "refuse": 0.03,  # of clues from citizen channels: not accepted (不予受理)
    "misroute": 0.009,  # registered in the wrong county, back to the city, on to the right one
    "take_over": 0.004,  # of county-owned clues: the city takes it over while it is handled
    "detour": 0.08,  # dispatched to a wrong unit first, which returns it
    "extension": 0.08,  # a normal-priority clue asks for an extension
    "second_extension": 0.25,  # after an approved extension, asks for a second one
    "signoff_reject": 0.06,  # the head sends a clerk's report back (审签退回)
    "unsatisfied": 0.035,  # a reached reporter is unhappy with the result (不满意)
    "unreached": 0.07,  # a reporter who left a phone number cannot be reached
    "basically": 0.27,  # a reached reporter is basically satisfied (基本满意)
    "reopen": 0.01,  # of callback clues: unhappy when called back after closing, reopened
    "reject": 0.08,  # the reviewer rejects a report
    "verification_fail": 0.03,  # the weekly verification finds a fault after closing
    "notice": 0.08,  # of 属实 clues with a party: a rectification notice
    "notice_case": 0.2,  # of notices: not rectified in time, a penalty case is filed
    "notice_override": 0.07,  # of notices: the clue is closed while the notice still runs
}
"""How often each turn of the loop is taken (shares of the clues it can happen to)."""

OPEN_NOTICES: Mapping[str, float] = {
    "": 45,
    "draft": 11,
    "issued": 10,
    "served": 13,
    "not_rectified": 12,
    "case_filed": 9,
}
"""How far the notice of an open clue in handling with a 属实 finding and a party has got
(relative weights; "" for none), spread evenly over those clues."""

NOTICE_DAYS = (3, 5, 5, 7, 10, 15)
"""Rectification periods (working days) of a notice followed to its end."""

_MIN_GAP = 60  # office seconds between two planned steps, at least
_ROOM = 3600  # office seconds kept free between an open clue's anchor (or a loop's end) and now
_EDGE = 600  # office seconds kept free at both ends of the office day for a registration


class _Spread:
    """Draws keys in the proportions of their weights, spread evenly over the draws (by the
    golden-ratio sequence, not at random), so that a small demo has its share of each too."""

    __slots__ = ("table", "count")

    def __init__(self, table: Mapping[Any, float]) -> None:
        self.table = weights(table)
        self.count = 0

    def draw(self) -> Any:
        """The next key."""
        self.count += 1
        keys, running = self.table
        return keys[bisect_right(running, (self.count * _GOLDEN) % 1.0 * running[-1])]


_GOLDEN = 0.6180339887498949


class _Plan:
    """A history being planned: steps at office positions, the first one (the registration)
    at `origin` (0 while the history is yet to be placed), and the notice steps that follow
    the loop (`tail`: a re-inspection or a penalty case that ends after the clue closed)."""

    __slots__ = ("steps", "t", "dispatched", "tail")

    def __init__(self, origin: int = 0) -> None:
        self.steps: list[Step] = []
        self.t = origin
        self.dispatched = origin
        self.tail: list[Step] = []

    def add(
        self, gap: float, action: Action | NoticeAction, actor: Actor, payload: dict[str, Any]
    ) -> None:
        """Append a step `gap` office seconds (at least a minute) after the previous one."""
        if self.steps:
            self.t += max(int(gap), _MIN_GAP)
        self.steps.append((self.t, action, actor, payload))
        if action is Action.DISPATCH:
            self.dispatched = self.t


class HistoryPlanner:
    """Plans the steps of a clue's history for a calendar, rules and `now`."""

    def __init__(
        self,
        cases: CaseMaker,
        calendar: WorkCalendar,
        rules: Rules,
        now: datetime,
        backlog: float | None = None,
    ) -> None:
        if backlog is not None and not 0 <= backlog <= 1:
            raise ValueError("backlog must be a share between 0 and 1")
        self.cases = cases
        self.calendar = calendar
        self.rules = rules
        self.backlog = backlog
        self.now = to_china(now)
        today = self.now.date()
        first = today - timedelta(days=INTAKE_DAYS + 60)
        self.clock = WorkClock(calendar, first, today + timedelta(days=200))
        self.day = self.clock.day
        self.now_pos = self.clock.position(self.now)
        self.evidence = EvidencePicker()
        self._levels: dict[int, int] = {}
        self._candidates: dict[tuple[int, int], list[int]] = {}
        self._intake = self._intake_table(today - timedelta(days=INTAKE_DAYS))
        statuses = dict(OPEN_STATUS_WEIGHTS)
        if not rules.signoff_required:
            statuses[Status.HANDLING] += statuses.pop(Status.SIGNOFF)
        self._open_status = _Spread(statuses)
        self._red_status = _Spread(RED_STATUS_WEIGHTS)
        self._levels_of = {
            status: _Spread(dict(enumerate(w))) for status, w in LEVEL_WEIGHTS.items()
        }
        self._open_notice = _Spread(OPEN_NOTICES)
        self._open_count = 0
        self._areas = list(cases.areas.values())

    # -- intake --------------------------------------------------------------------------

    def _intake_table(self, start: date) -> tuple[list[int], list[float], list[int], float]:
        """The working days clues come in on (from `start` to now), their running weights,
        their months, and the share of the last one that lies before now."""
        clock, day = self.clock, self.day
        last, elapsed = divmod(self.now_pos, day)
        if elapsed < 2 * _EDGE + _ROOM:
            last, elapsed = last - 1, day
        days: list[int] = []
        running: list[float] = []
        months: list[int] = []
        total = 0.0
        previous = None
        for index in range(last + 1):
            when = clock.date_of(index)
            if when < start:
                previous = when
                continue
            weight = INTAKE_BY_MONTH[when.month - 1]
            if previous is not None:
                # what came in over a weekend or a holiday is registered the day after
                weight *= 1 + 0.1 * ((when - previous).days - 1)
            previous = when
            if index == last:
                weight *= elapsed / day
            total += weight
            days.append(index)
            running.append(total)
            months.append(when.month)
        return days, running, months, elapsed / day

    def intake(self, rng: Random) -> tuple[int, int]:
        """When a clue is registered: its office position, and the month it came in."""
        days, running, months, last_share = self._intake
        k = min(bisect_right(running, rng.random() * running[-1]), len(days) - 1)
        share = last_share if k == len(days) - 1 else 1.0
        length = int(self.day * share) - 2 * _EDGE
        position = days[k] * self.day + _EDGE + int(rng.random() * max(1, length))
        return position, months[k]

    def due_by(self, case: Case, registered: int) -> datetime | None:
        """The deadline the sender of a clue set (due_by), counted from its registration."""
        if case.due_days is None:
            return None
        days = self._handle_days(case) + 1 + case.due_days
        return self.clock.closing(registered // self.day + days)

    # -- the plan ------------------------------------------------------------------------

    def steps(self, rng: Random, case: Case, start: int) -> list[Step]:
        """The steps, at absolute office positions, of a clue registered at `start`: its
        whole loop if that ends before now, otherwise an open clue's history up to now."""
        owner = case.dispatcher
        plan = _Plan(start)
        self._closed_chain(rng, case, plan)
        closed = plan.t + _ROOM <= self.now_pos
        if closed and self.backlog is not None:
            closed = rng.random() >= self.backlog
        if closed:
            if not plan.tail:
                return plan.steps
            tail = [step for step in plan.tail if step[0] < self.now_pos]
            return sorted(plan.steps + tail, key=itemgetter(0))
        case.dispatcher, case.registered_in = owner, None
        # Still open at now: which status and warning level, spread evenly over the open
        # clues (the first red one is the 15th open clue, then every 1 / RED_SHARE-th).
        self._open_count += 1
        count = self._open_count
        red = int(count * RED_SHARE + 0.78) > int((count - 1) * RED_SHARE + 0.78)
        status: Status = (self._red_status if red else self._open_status).draw()
        level: int = 3 if red else self._levels_of[status].draw()
        plan = _Plan()
        post: list[_Gap] = []
        days = self._open_chain(rng, case, plan, post, status)
        deadline_day = self.choose_deadline(rng, status, days, level)
        return self._place_open(rng, case, plan, post, deadline_day, days)

    def _handle_days(self, case: Case) -> int:
        return self.rules.limits.handle_days_for(case.priority, case.channel)

    # -- warning levels ------------------------------------------------------------------

    def level_of_day(self, index: int) -> int:
        """The warning level at `now` of a deadline at the close of working day `index`."""
        level = self._levels.get(index)
        if level is None:
            deadline = self.clock.closing(index)
            level = warning_level(deadline, self.now, self.calendar, self.rules.warnings)
            self._levels[index] = level
        return level

    def deadline_days(self, level: int, days: int) -> list[int]:
        """Deadline days of `level` whose stage, `days` working days long, began before now
        (level 3: most recent first)."""
        key = (level, days)
        found = self._candidates.get(key)
        if found is None:
            latest_start = (self.now_pos - 600 - _ROOM) // self.day
            today = self.now_pos // self.day
            found = [
                j
                for j in range(today - 130, today + 60)
                if 1 <= j - days <= latest_start and self.level_of_day(j) == level
            ]
            if level == 3:
                found.reverse()
            self._candidates[key] = found
        return found

    def choose_deadline(self, rng: Random, status: Status, days: int, level: int) -> int:
        """A deadline day of warning level `level` for an open clue whose current stage is
        `days` long (another level of the status's `LEVEL_WEIGHTS` if none is possible)."""
        if not self.deadline_days(level, days):
            table: WeightTable = weights(
                {
                    lvl: weight
                    for lvl, weight in enumerate(LEVEL_WEIGHTS[status])
                    if self.deadline_days(lvl, days)
                }
            )
            if not table[0]:
                raise ValueError("no deadline can be placed before now")
            level = pick(rng, table)
        found = self.deadline_days(level, days)
        if level == 3:
            return found[min(len(found) - 1, int(rng.expovariate(1 / 8)))]
        return found[rng.randrange(len(found))]

    # -- open clues ----------------------------------------------------------------------

    def _open_chain(
        self, rng: Random, case: Case, plan: _Plan, post: list[_Gap], status: Status
    ) -> int:
        """Plan an open clue up to the step that began its current stage (the last one in
        `plan`) and the steps after it (`post`); return the stage's length in working days."""
        limits = self.rules.limits
        handle_days = self._handle_days(case)
        day = self.day
        misroutable = case.registrar is case.area.dispatcher
        if status is Status.REGISTERED:
            if misroutable and rng.random() < 0.15:
                self._misroute(rng, case, plan)  # transferred, waiting to be dispatched
            else:
                self._register(case, plan)
            return limits.dispatch_days
        if status is Status.RETURNED:
            if misroutable and rng.random() < 0.25:
                self._misroute(rng, case, plan, transfer=False)  # waiting for the city
                return limits.dispatch_days
            self._register(case, plan)
            self._dispatch(rng, case, plan, detour=False)
            lead = self.cases.worker(case)
            if rng.random() < 0.4:
                plan.add(day * rng.uniform(0.05, 0.4), Action.SIGN, lead, {})
            reason = texts.fill(rng, texts.RETURN_REASONS, self.cases.other_unit(rng, case).name)
            plan.add(day * rng.uniform(0.1, 0.6), Action.RETURN, lead, {"reason": reason})
            return limits.dispatch_days
        self._register(case, plan)
        if status is Status.DISPATCHED:
            self._dispatch(rng, case, plan, detour=rng.random() < 0.15)
            return min(limits.sign_days, handle_days)
        if status is Status.REVIEWING:
            self._dispatch(rng, case, plan, detour=rng.random() < 0.06)
            self._sign(rng, case, plan)
            notice = self._notice_variant(rng, case, ("rectified", "served", "case"))
            self._handle(rng, case, plan, extension=0.07, notice=notice)
            if rng.random() < 0.1:
                self._reject(rng, case, plan)
                self._report(rng, case, plan, day * rng.uniform(0.5, 4.5))
            if self.rules.needs_callback(case.channel) and rng.random() < 0.5:
                caller, payload = self._callback_payload(rng, case, unhappy=False)
                post.append((day * rng.uniform(0.05, 0.9), Action.CALLBACK, caller, payload))
            return limits.review_days
        variant: str = self._open_notice.draw() if self._notice_fits(case) else ""
        if status is Status.SIGNOFF:
            case.clerk_works = True
            self._dispatch(rng, case, plan, detour=rng.random() < 0.06)
            if variant in ("not_rectified", "case_filed"):
                variant = "served"
            return self._signed_recently(rng, case, post, handle_days, variant, report=True)
        roll = rng.random()
        if variant in ("not_rectified", "case_filed"):
            roll = 0.85  # reported and rejected: time enough for the notice to run out
        elif variant:
            roll = min(roll, 0.79)  # a notice on its way: still in the first handling stage
        self._dispatch(rng, case, plan, detour=rng.random() < 0.06)
        if roll < 0.8:
            return self._signed_recently(rng, case, post, handle_days, variant)
        self._sign(rng, case, plan)
        if roll < 0.92:
            # Rejected after the report: the rework limit counts from the rejection, as the
            # handling deadline has passed by then (and no sender's deadline cuts it short).
            case.due_days = None
            least = handle_days - limits.rework_days + 1.2
            if variant == "not_rectified":
                notice = variant
            elif variant == "case_filed":
                notice = "case"
            else:
                notice = self._notice_variant(rng, case, ("not_rectified", "rectified", "case"))
            self._handle(rng, case, plan, extension=0.0, least_days=least, notice=notice)
            reasons = (texts.NOT_RECTIFIED_REJECT,) if notice == "not_rectified" else None
            self._reject(rng, case, plan, reasons)
            return limits.rework_days
        notice = self._notice_variant(rng, case, ("rectified", "case", "override"))
        self._handle(rng, case, plan, extension=0.05, notice=notice)
        self._review(rng, case, plan, override=notice == "override")
        gap = day * rng.uniform(1, 8)
        if self.rules.needs_callback(case.channel) and rng.random() < 0.4:
            self._reopen(rng, case, plan, gap)
        else:
            self._verification_fail(rng, case, plan, gap)
        plan.tail.clear()
        return handle_days

    def _signed_recently(
        self,
        rng: Random,
        case: Case,
        post: list[_Gap],
        handle_days: int,
        notice: str,
        *,
        report: bool = False,
    ) -> int:
        """Plan what follows the dispatch of a clue still in its first handling stage: the
        signing, maybe an extension request (asked well before the deadline, then approved,
        denied or pending), assist reports, a notice on its way (as far as `notice`: draft,
        issued or served), and with `report` the clerk's report waiting for sign-off; return
        the stage's length with extensions."""
        day = self.day
        worker = self.cases.worker(case)
        days = handle_days
        post.append((day * rng.uniform(0.02, 0.6), Action.SIGN, worker, {}))
        ext = rng.random()
        normal = case.priority is Priority.NORMAL and case.due_days is None
        if ext < 0.2 and normal and handle_days >= 3:
            extension = self._extension_days(rng)
            payload = {"days": extension, "reason": one(rng, texts.EXTENSION_REASONS)}
            asked = day * handle_days * rng.uniform(0.2, 0.6)
            post.append((asked, Action.REQUEST_EXTENSION, worker, payload))
            decided = day * rng.uniform(0.05, 0.6)
            if ext < 0.09:
                note = {"note": one(rng, texts.APPROVE_EXTENSION_NOTES)}
                post.append((decided, Action.APPROVE_EXTENSION, case.dispatcher, note))
                days += extension
            elif ext < 0.13:
                reason = {"reason": one(rng, texts.DENY_REASONS)}
                post.append((decided, Action.DENY_EXTENSION, case.dispatcher, reason))
        for unit in case.assisting:
            if rng.random() < 0.5:
                note = {"note": one(rng, texts.ASSIST_NOTES)}
                gap = day * rng.uniform(0.3, 3)
                post.append((gap, Action.ASSIST_REPORT, self.cases.handler(unit), note))
        if notice:
            self._notice_on_its_way(rng, case, post, notice)
        if report:
            gap = day * rng.uniform(0.3, max(0.5, handle_days * 0.6))
            post.append((gap, Action.REPORT, worker, self._report_payload(rng, case)))
        return days

    # -- building blocks -----------------------------------------------------------------

    def _extension_days(self, rng: Random) -> int:
        most = self.rules.limits.max_extension_days
        return min(most, one(rng, (3, 5, 5, 7, 10)))

    def _register(self, case: Case, plan: _Plan) -> None:
        plan.add(0, Action.REGISTER, case.registrar, {})

    def _other_area(self, rng: Random, case: Case) -> Area:
        for _ in range(8):
            area = one(rng, self._areas)
            if area is not case.area:
                return area
        return self._areas[0] if self._areas[0] is not case.area else self._areas[-1]

    def _misroute(self, rng: Random, case: Case, plan: _Plan, *, transfer: bool = True) -> None:
        """Registered by another area's office, which returns it to the city (退回市级); the
        city transfers it to the clue's own area (转办), which owns it from then on."""
        wrong = self._other_area(rng, case)
        case.registered_in = wrong
        day = self.day
        plan.add(0, Action.REGISTER, wrong.dispatcher, {})
        reason = texts.fill(rng, texts.RETURN_TO_CITY_REASONS, case.area.name)
        payload = {"reason": reason}
        plan.add(day * rng.uniform(0.1, 0.9), Action.RETURN_TO_CITY, wrong.dispatcher, payload)
        if transfer:
            reason = texts.fill(rng, texts.TRANSFER_REASONS, case.area.name)
            payload = {"target_county": case.area.unit.code, "reason": reason}
            city = self.cases.city_dispatcher
            plan.add(day * rng.uniform(0.1, 1.2), Action.TRANSFER, city, payload)
        else:
            case.dispatcher = self.cases.city_dispatcher  # the city owns it now

    def _refuse(self, rng: Random, case: Case, plan: _Plan) -> None:
        """The owner office does not accept the item (不予受理), with the ground and why."""
        grounds = self.rules.refusal_grounds
        table = weights({g: texts.REFUSAL_GROUND_WEIGHTS.get(g, 1) for g in grounds})
        ground: str = pick(rng, table)
        reasons = texts.REFUSAL_REASONS.get(ground) or (grounds[ground],)
        payload = {"ground": ground, "reason": one(rng, reasons)}
        plan.add(self.day * rng.uniform(0.05, 1.0), Action.REFUSE, case.dispatcher, payload)

    def _dispatch(self, rng: Random, case: Case, plan: _Plan, *, detour: bool) -> None:
        """Dispatch to the lead unit, after a detour through a wrong unit that returns it."""
        day = self.day
        gap = day * (rng.uniform(0.03, 0.9) if rng.random() < 0.88 else rng.uniform(1, 3))
        if detour:
            wrong = self.cases.other_unit(rng, case)
            handler = self.cases.handler(wrong)
            payload = {"lead_unit": wrong.code, "assisting_units": [], "note": ""}
            plan.add(gap, Action.DISPATCH, case.dispatcher, payload)
            if rng.random() < 0.4:
                plan.add(day * rng.uniform(0.05, 0.4), Action.SIGN, handler, {})
            reason = texts.fill(rng, texts.RETURN_REASONS, case.lead.name)
            plan.add(day * rng.uniform(0.1, 0.6), Action.RETURN, handler, {"reason": reason})
            gap = day * rng.uniform(0.05, 0.9)
        payload = {
            "lead_unit": case.lead.code,
            "assisting_units": [u.code for u in case.assisting],
            "note": one(rng, texts.DISPATCH_NOTES),
        }
        plan.add(gap, Action.DISPATCH, case.dispatcher, payload)

    def _sign(self, rng: Random, case: Case, plan: _Plan) -> None:
        late = rng.random() < 0.08
        gap = self.day * (rng.uniform(0.8, 2.5) if late else rng.uniform(0.02, 0.7))
        plan.add(gap, Action.SIGN, self.cases.worker(case), {})

    def _take_over(self, rng: Random, case: Case, plan: _Plan) -> None:
        """The city office takes the clue over (提级办理) and owns it from then on."""
        city = self.cases.city_dispatcher
        payload = {"reason": one(rng, texts.TAKE_OVER_REASONS)}
        plan.add(self.day * rng.uniform(0.1, 1.5), Action.TAKE_OVER, city, payload)
        case.dispatcher = city

    def _handle(
        self,
        rng: Random,
        case: Case,
        plan: _Plan,
        *,
        extension: float,
        least_days: float = 0.0,
        notice: str = "",
    ) -> None:
        """Plan the work between signing and the report: assist reports, an urge, maybe
        extension requests, a notice (`notice`: how it ends, see `_notice_steps`), then the
        report (sometimes late)."""
        day = self.day
        limits = self.rules.limits
        limit = self._handle_days(case) * day
        late = rng.random() < 0.06
        # Most units report in the second half of the limit, many just before it ends.
        duration = limit * (rng.uniform(1.02, 1.8) if late else 0.15 + 0.82 * rng.random() ** 0.5)
        body: list[_Gap] = []
        worker = self.cases.worker(case)
        # The handling deadline is the close of office on the limit-th working day after
        # the dispatch: between `limit` and `limit + day` after it. An extension is asked for
        # before `limit`; urges for an overdue clue come after `limit + day`.
        before_due = plan.dispatched + limit - plan.t
        normal = case.priority is Priority.NORMAL and case.due_days is None
        if normal and rng.random() < extension and before_due > limit * 0.3:
            days = self._extension_days(rng)
            asked = before_due * rng.uniform(0.5, 0.9)
            payload = {"days": days, "reason": one(rng, texts.EXTENSION_REASONS)}
            body.append((asked, Action.REQUEST_EXTENSION, worker, payload))
            decided = asked + day * rng.uniform(0.05, 0.6)
            if rng.random() < 0.7:
                note = {"note": one(rng, texts.APPROVE_EXTENSION_NOTES)}
                body.append((decided, Action.APPROVE_EXTENSION, case.dispatcher, note))
                before_due += days * day
                duration = max(duration, limit + days * day * rng.uniform(0.1, 0.95))
                left = min(limits.max_extension_days, limits.max_extension_total_days - days)
                second = rng.random() < SHARES["second_extension"]
                if second and limits.max_extensions >= 2 and left >= 1:
                    more = min(left, one(rng, (2, 3, 5, 5)))
                    asked = decided + (before_due - decided) * rng.uniform(0.4, 0.85)
                    payload = {"days": more, "reason": one(rng, texts.EXTENSION_REASONS)}
                    body.append((asked, Action.REQUEST_EXTENSION, worker, payload))
                    decided = asked + day * rng.uniform(0.05, 0.6)
                    if rng.random() < 0.6:
                        note = {"note": one(rng, texts.APPROVE_EXTENSION_NOTES)}
                        body.append((decided, Action.APPROVE_EXTENSION, case.dispatcher, note))
                        before_due += more * day
                        total = (days + more) * day
                        duration = max(duration, limit + total * rng.uniform(0.5, 0.95))
                    else:
                        reason = {"reason": one(rng, texts.DENY_REASONS)}
                        body.append((decided, Action.DENY_EXTENSION, case.dispatcher, reason))
            else:
                reason = {"reason": one(rng, texts.DENY_REASONS)}
                body.append((decided, Action.DENY_EXTENSION, case.dispatcher, reason))
            duration = max(duration, decided + day * rng.uniform(0.2, 2))
        duration = max(duration, least_days * day)
        start = plan.t
        followed = ""
        if notice:
            first = max(0.05 * day, duration * rng.uniform(0.05, 0.2))
            end, tail, followed = self._notice_steps(rng, case, body, first, notice)
            duration = max(duration, end + day * rng.uniform(0.1, 1.0))
            plan.tail.extend((start + int(at), action, actor, p) for at, action, actor, p in tail)
        for unit in case.assisting:
            if rng.random() < 0.8:
                note = {"note": one(rng, texts.ASSIST_NOTES)}
                at = duration * rng.uniform(0.15, 0.85)
                body.append((at, Action.ASSIST_REPORT, self.cases.handler(unit), note))
        overdue = duration - before_due - day
        if overdue > 2 * _MIN_GAP and rng.random() < 0.6:
            at = before_due + day + overdue * rng.uniform(0.05, 0.9)
            note = {"note": one(rng, texts.OVERDUE_URGE_NOTES)}
            body.append((at, Action.URGE, case.dispatcher, note))
        elif rng.random() < 0.07:
            note = {"note": one(rng, texts.URGE_NOTES)}
            at = min(duration, before_due) * rng.uniform(0.5, 0.95)
            body.append((at, Action.URGE, case.area.dispatcher, note))
        # A red clue's commission acts through its own records (督办函, `desktop.demo.supervision`).
        body.sort(key=itemgetter(0))
        for at, action, actor, payload in body:
            plan.add(start + at - plan.t, action, actor, payload)
        self._report(rng, case, plan, start + duration - plan.t, followed)

    def _report_payload(self, rng: Random, case: Case, followed: str = "") -> dict[str, Any]:
        checkers = texts.CHECKERS.get(case.lead.kind.value, texts.CHECKERS["department"])
        result, measures = texts.report_text(
            rng, case.scenario, case.subject, one(rng, checkers), not case.anonymous, case.finding
        )
        if followed:  # what became of the notice issued while handling
            result = f"{result.removesuffix('。')}{followed}。"
            measures = f"{measures.removesuffix('。')}{followed}。"
        payload: dict[str, Any] = {
            "result": result,
            "finding": case.finding.value,
            "measures": measures,
        }
        cited = self.evidence.cite(rng, case.scenario.category, case.finding)
        if cited:
            payload["attachments"] = cited
        return payload

    def _report(self, rng: Random, case: Case, plan: _Plan, gap: float, followed: str = "") -> None:
        """The report back (`followed`: what became of the notice issued while handling);
        a clerk's goes to the unit's head for sign-off first (审签)."""
        worker = self.cases.worker(case)
        plan.add(gap, Action.REPORT, worker, self._report_payload(rng, case, followed))
        if worker.post is not Post.CLERK or not self.rules.signoff_required:
            return
        day = self.day
        head = self.cases.handler(case.lead)
        if rng.random() < SHARES["signoff_reject"]:
            reason = {"reason": one(rng, texts.SIGNOFF_REJECTS)}
            plan.add(day * rng.uniform(0.05, 0.8), Action.SIGNOFF_REJECT, head, reason)
            payload = self._report_payload(rng, case, followed)
            plan.add(day * rng.uniform(0.2, 1.5), Action.REPORT, worker, payload)
        note = {"note": one(rng, texts.SIGNOFF_NOTES)}
        plan.add(day * rng.uniform(0.05, 0.8), Action.SIGNOFF_APPROVE, head, note)

    def _reject(
        self, rng: Random, case: Case, plan: _Plan, reasons: tuple[str, ...] | None = None
    ) -> None:
        reason = {"reason": one(rng, reasons or texts.REJECT_REASONS)}
        plan.add(self.day * rng.uniform(0.1, 1.5), Action.REJECT, case.dispatcher, reason)

    def _callback_payload(
        self, rng: Random, case: Case, *, unhappy: bool, after_close: bool = False
    ) -> tuple[Actor, dict[str, Any]]:
        """Who calls the reporter back and what they hear (`unhappy`: 不满意 may come out;
        `after_close`: a callback after closing, which is unhappy)."""
        roll = rng.random()
        if case.anonymous:
            result, note = "unreached", texts.ANONYMOUS_CALLBACK
        else:
            if after_close:
                result = "unsatisfied"
            elif unhappy and roll < SHARES["unsatisfied"]:
                result = "unsatisfied"
            elif roll < SHARES["unsatisfied"] + SHARES["unreached"]:
                result = "unreached"
            elif roll < SHARES["unsatisfied"] + SHARES["unreached"] + SHARES["basically"]:
                result = "basically"
            else:
                result = "satisfied"
            note = one(rng, texts.CALLBACK_NOTES[result])
        if after_close or rng.random() < 0.75:
            actor = case.dispatcher
        else:
            actor = self.cases.handler(case.lead)
        return actor, {"callback": result, "note": note}

    def _callback(self, rng: Random, case: Case, plan: _Plan, *, unhappy: bool) -> str:
        actor, payload = self._callback_payload(rng, case, unhappy=unhappy)
        plan.add(self.day * rng.uniform(0.05, 0.9), Action.CALLBACK, actor, payload)
        return str(payload["callback"])

    def _review(self, rng: Random, case: Case, plan: _Plan, *, override: bool = False) -> None:
        """After the report: the callback where the channel has one (an unhappy reporter
        sends the clue back), sometimes a rejection and a new report, then the approval
        (with `override`, while the clue's notice still runs: the reviewer says why)."""
        day = self.day
        rejected = False
        callback = self.rules.needs_callback(case.channel)
        while True:
            if callback and self._callback(rng, case, plan, unhappy=not rejected) == "unsatisfied":
                self._reject(rng, case, plan, texts.CALLBACK_REJECTS)
                self._report(rng, case, plan, day * rng.uniform(0.5, 4.5))
                rejected = True
                continue
            if not rejected and rng.random() < SHARES["reject"]:
                self._reject(rng, case, plan)
                self._report(rng, case, plan, day * rng.uniform(0.5, 4.5))
                rejected = True
                continue
            break
        late = rng.random() < 0.1
        gap = day * (rng.uniform(2, 4) if late else rng.uniform(0.1, 1.9))
        payload = {"note": one(rng, texts.APPROVE_NOTES)}
        if override:
            payload["override_reason"] = one(rng, texts.OVERRIDE_REASONS)
        plan.add(gap, Action.APPROVE, case.dispatcher, payload)

    def _verification_fail(self, rng: Random, case: Case, plan: _Plan, gap: float) -> None:
        """The weekly verification of the office that owns the clue finds a fault."""
        rng.random()  # (a draw kept so that the rest of the history stays as it was)
        verifier = case.dispatcher
        reason = {"reason": one(rng, texts.VERIFICATION_REASONS)}
        plan.add(gap, Action.VERIFICATION_FAIL, verifier, reason)

    def _reopen(self, rng: Random, case: Case, plan: _Plan, gap: float) -> None:
        """Called back after closing, the reporter is unhappy; the owner reopens the clue."""
        actor, payload = self._callback_payload(rng, case, unhappy=True, after_close=True)
        if payload["callback"] != "unsatisfied":  # an anonymous reporter cannot be asked
            self._verification_fail(rng, case, plan, gap)
            return
        plan.add(gap, Action.CALLBACK, actor, payload)
        reason = {"reason": one(rng, texts.REOPEN_REASONS)}
        plan.add(self.day * rng.uniform(0.05, 1), Action.REOPEN, case.dispatcher, reason)

    def _closed_chain(self, rng: Random, case: Case, plan: _Plan) -> None:
        """The whole loop: refused at intake, or dispatched (after a misrouting, or to a
        wrong unit first), signed, handled (maybe taken over by the city, with a notice),
        reported, reviewed (with the callback; sometimes rejected once), and now and then
        called back unhappy or failed by the weekly verification after closing."""
        day = self.day
        roll = rng.random()
        if case.channel in texts.CITIZEN_CHANNELS and roll < SHARES["refuse"]:
            self._register(case, plan)
            self._refuse(rng, case, plan)
            return
        if roll > 1 - SHARES["misroute"] and case.registrar is case.area.dispatcher:
            self._misroute(rng, case, plan)
        else:
            self._register(case, plan)
        self._dispatch(rng, case, plan, detour=rng.random() < SHARES["detour"])
        self._sign(rng, case, plan)
        county_owned = case.dispatcher is case.area.dispatcher
        if county_owned and rng.random() < SHARES["take_over"]:
            self._take_over(rng, case, plan)
        notice = ""
        if self._notice_fits(case) and rng.random() < SHARES["notice"]:
            roll = rng.random()
            if roll < SHARES["notice_case"]:
                notice = "case"
            elif roll < SHARES["notice_case"] + SHARES["notice_override"]:
                notice = "override"
            else:
                notice = "rectified"
        self._handle(rng, case, plan, extension=SHARES["extension"], notice=notice)
        override = notice == "override"  # the notice may still run at a later approval too
        self._review(rng, case, plan, override=override)
        callback = self.rules.needs_callback(case.channel)
        if callback and rng.random() < SHARES["reopen"]:
            self._reopen(rng, case, plan, day * rng.uniform(1, 6))
            self._report(rng, case, plan, day * rng.uniform(1, 5))
            self._review(rng, case, plan, override=override)
        elif rng.random() < SHARES["verification_fail"]:
            self._verification_fail(rng, case, plan, day * rng.uniform(1, 6))
            self._report(rng, case, plan, day * rng.uniform(1, 5))
            self._review(rng, case, plan, override=override)

    # -- notices -------------------------------------------------------------------------

    def _notice_fits(self, case: Case) -> bool:
        """Whether the clue's lead unit would issue a notice: a 属实 finding about a party."""
        return case.finding is Finding.TRUE and bool(case.subject)

    def _notice_variant(self, rng: Random, case: Case, variants: tuple[str, ...]) -> str:
        """How an open clue's notice ends (one of `variants`, the first most often), or ""
        for none."""
        if not self._notice_fits(case) or rng.random() >= 0.3:
            return ""
        roll = rng.random()
        return variants[0] if roll < 0.5 else variants[1] if roll < 0.8 else variants[-1]

    def _notice_kind(self, rng: Random, case: Case) -> NoticeKind:
        if is_environment_bureau(case.lead) and rng.random() < 0.6:
            return NoticeKind.CORRECTION_ORDER
        return NoticeKind.RECTIFICATION

    def _filer(self, case: Case) -> Actor:
        """Who files a penalty case: the lead unit if it is an environment bureau, else the
        area's (or the city's) environment bureau."""
        if is_environment_bureau(case.lead):
            return self.cases.worker(case)
        bureau = case.area.departments.get("eco") or self.cases.city_departments["eco"]
        return self.cases.handler(bureau)

    def _service(self, rng: Random, case: Case) -> dict[str, Any]:
        roll = rng.random()
        if roll < 0.75:
            method = ServiceMethod.DIRECT
        elif roll < 0.85:
            method = ServiceMethod.LEFT
        elif roll < 0.95:
            method = ServiceMethod.MAIL
        else:
            method = ServiceMethod.ELECTRONIC
        payload: dict[str, Any] = {
            "method": method.value,
            "recipient": texts.person_name(rng),
            "relation": one(rng, texts.SERVICE_RELATIONS),
            "servers": [texts.person_name(rng), texts.person_name(rng)],
        }
        if method is ServiceMethod.LEFT:
            payload["witness"] = texts.person_name(rng)
        return payload

    def _notice_steps(
        self, rng: Random, case: Case, body: list[_Gap], first: float, variant: str
    ) -> tuple[float, list[_Gap], str]:
        """Plan a notice inside the handling (offsets from the signing, into `body`): drafted
        at `first`, issued, served, then by `variant` re-inspected as rectified ("rectified"),
        found not rectified ("not_rectified") and a case filed ("case", concluded later),
        or still running when the clue is reported ("served", "override": re-inspected after
        the clue closed). Returns when the last step before the report is, the steps after
        the clue's loop (offsets too), and what the report says of the notice."""
        day = self.day
        worker = self.cases.worker(case)
        head = self.cases.handler(case.lead)
        kind = self._notice_kind(rng, case)
        if variant in ("case", "not_rectified"):
            period = one(rng, (3, 5, 5, 7))
        elif variant == "override":
            period = one(rng, (10, 15))
        else:
            period = one(rng, NOTICE_DAYS)
        ref = {"notice_id": 0}
        at = first
        body.append((at, NoticeAction.DRAFT, worker, {**ref, "kind": kind.value, "days": period}))
        at += day * rng.uniform(0.05, 0.6)
        body.append((at, NoticeAction.ISSUE, head, dict(ref)))
        at += day * rng.uniform(0.1, 1.5)
        body.append((at, NoticeAction.SERVE, worker, {**ref, **self._service(rng, case)}))
        tail: list[_Gap] = []
        issued = f"已下达《{kind.label}》，责令{period}个工作日内整改"
        if variant in ("served", "override"):
            if variant == "override":
                later = at + period * day * rng.uniform(0.6, 1.0)
                note = one(rng, texts.REINSPECTION_RECTIFIED)
                payload = {**ref, "result": "rectified", "note": note}
                tail.append((later, NoticeAction.REINSPECT, worker, payload))
            return at, tail, f"；{issued}，目前处于整改期内，期满后复查"
        if variant == "rectified":
            at += period * day * rng.uniform(0.4, 1.0)
            note = one(rng, texts.REINSPECTION_RECTIFIED)
            payload = {**ref, "result": "rectified", "note": note}
            body.append((at, NoticeAction.REINSPECT, worker, payload))
            return at, tail, f"；{issued}，经复查已整改到位"
        at += (period + 1 + rng.uniform(0.1, 2)) * day
        note = one(rng, texts.REINSPECTION_NOT_RECTIFIED)
        payload = {**ref, "result": "not_rectified", "note": note}
        body.append((at, NoticeAction.REINSPECT, worker, payload))
        if variant == "not_rectified":
            return at, tail, f"；{issued}，当事人逾期未整改，拟依法查处"
        filer = self._filer(case)
        at += day * rng.uniform(0.2, 3)
        body.append((at, NoticeAction.FILE_CASE, filer, dict(ref)))
        later = at + day * rng.uniform(20, 80)
        result = one(rng, texts.CASE_RESULTS).replace("{fine}", str(one(rng, (1, 2, 3, 5, 10))))
        tail.append((later, NoticeAction.CLOSE_CASE, filer, {**ref, "case_result": result}))
        return at, tail, f"；{issued}，当事人逾期未整改，已由生态环境部门立案查处"

    def _notice_on_its_way(self, rng: Random, case: Case, post: list[_Gap], variant: str) -> None:
        """The notice of a clue in its first handling stage, as far as `variant` (draft,
        issued or served), as steps after the signing."""
        day = self.day
        worker = self.cases.worker(case)
        kind = self._notice_kind(rng, case)
        ref = {"notice_id": 0}
        draft = {**ref, "kind": kind.value, "days": one(rng, NOTICE_DAYS)}
        post.append((day * rng.uniform(0.1, 1.0), NoticeAction.DRAFT, worker, draft))
        if variant == "draft":
            return
        head = self.cases.handler(case.lead)
        post.append((day * rng.uniform(0.05, 0.6), NoticeAction.ISSUE, head, dict(ref)))
        if variant == "issued":
            return
        service = {**ref, **self._service(rng, case)}
        post.append((day * rng.uniform(0.1, 1.2), NoticeAction.SERVE, worker, service))

    # -- duplicates ----------------------------------------------------------------------

    def duplicate_steps(self, rng: Random, case: Case, original: list[Step]) -> list[Step] | None:
        """The history of a clue reporting again what the clue of `original` (its steps)
        reports: registered while the original runs (now and then after it closed), marked
        a duplicate (重复件) before dispatch, closed with the original right after its
        approval, its reporter called back; None when no such clue fits before now."""
        day = self.day
        latest = self.now_pos - _ROOM
        registered = original[0][0]
        loop = [(p, a) for p, a, _, _ in original if a.__class__ is Action]
        approved = next((p for p, a in loop if a is Action.APPROVE), None)
        closed = loop[-1][0] if loop[-1][1] is Action.APPROVE else None
        if closed is not None and rng.random() < 0.12:
            start = closed + day * rng.uniform(1, 15)  # reported again after it was closed
        else:
            end = latest if approved is None else approved - 0.6 * day
            if end - 0.2 * day <= registered:
                return None
            start = rng.uniform(registered + 0.2 * day, end)
        if start > latest:
            return None
        office = case.area.dispatcher
        plan = _Plan(int(start))
        plan.add(0, Action.REGISTER, office, {})
        note = {"note": one(rng, texts.DUPLICATE_NOTES)}
        gap = min(day * rng.uniform(0.05, 0.5), self.now_pos - 120 - plan.t)
        plan.add(gap, Action.MARK_DUPLICATE, office, note)
        closes = approved
        if approved is not None and plan.t < approved:
            plan.add(approved + 30 - plan.t, Action.CLOSE_WITH_ORIGINAL, office, {})
        elif approved is None:
            closes = None
        if closes is not None and self.rules.needs_callback(case.channel):
            _, payload = self._callback_payload(rng, case, unhappy=False)
            plan.add(day * rng.uniform(0.1, 2), Action.CALLBACK, office, payload)
        return [step for step in plan.steps if step[0] < self.now_pos]

    # -- timing --------------------------------------------------------------------------

    def _place_open(
        self,
        rng: Random,
        case: Case,
        plan: _Plan,
        post: list[_Gap],
        deadline_day: int,
        days: int,
    ) -> list[Step]:
        """Place an open clue so that its current stage, begun by the last planned step on
        working day `deadline_day - days`, is due at the close of `deadline_day`; fit the
        later steps (and urges for overdue clues) between that step and now."""
        day, now_pos = self.day, self.now_pos
        start_day = deadline_day - days
        latest = min(day - 600, now_pos - _ROOM - start_day * day)
        anchor = start_day * day + rng.randint(600, latest)
        shift = anchor - plan.steps[-1][0]
        if shift < 1:
            raise ValueError("the demo clock starts too late for this history")
        steps = [(shift + t, action, actor, payload) for t, action, actor, payload in plan.steps]
        room = now_pos - anchor - 1
        total = sum(max(gap, _MIN_GAP) for gap, *_ in post)
        factor = min(1.0, 0.9 * room / total) if total else 1.0
        position = anchor
        for gap, action, actor, payload in post:
            position += max(1, int(max(gap, _MIN_GAP) * factor))
            steps.append((position, action, actor, payload))
        level = self.level_of_day(deadline_day)
        due = (deadline_day + 1) * day
        urges: list[tuple[int, Actor, tuple[str, ...]]] = []
        if level >= 2 and rng.random() < 0.55:
            urges.append((due + 60, case.dispatcher, texts.OVERDUE_URGE_NOTES))
        if level == 1 and rng.random() < 0.25:
            urges.append((position + _MIN_GAP, case.dispatcher, texts.URGE_NOTES))
        for earliest, actor, notes in urges:
            low = max(position + _MIN_GAP, earliest)
            if low < now_pos:
                position = rng.randint(low, now_pos)
                steps.append((position, Action.URGE, actor, {"note": one(rng, notes)}))
        return steps
