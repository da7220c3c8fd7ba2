"""When and by whom each demo clue is worked: the planned steps of its history.

Times are planned on a `WorkClock` (office seconds on working days). A closed clue's history
is put somewhere in the ~14 months before `now`. An open clue's history is timed backwards
from the deadline its current stage should have at `now`: the step that began that stage
(the anchor) is put on the working day that makes the stage end on the chosen deadline day,
the steps before it go back from there and the few after it are fitted in before `now`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from operator import itemgetter
from random import Random
from typing import Any

from desktop.demo import texts
from desktop.demo.cases import Case, CaseMaker
from desktop.demo.clock import WorkClock
from desktop.domain.calendar import WorkCalendar
from desktop.domain.codes import Priority, Status
from desktop.domain.deadlines import warning_level
from desktop.domain.rules import Rules
from desktop.domain.timeutil import to_china
from desktop.domain.units import Actor
from desktop.domain.workflow import Action

Step = tuple[int, Action, Actor, dict[str, Any]]
"""A planned action: office position (see `WorkClock`), action, actor and payload."""

_Gap = tuple[float, Action, Actor, dict[str, Any]]

# Warning level 0-3 of an open clue's current stage, by status. Registered, returned and
# dispatched clues have a one-day limit, so they are never far from their deadline.
LEVEL_WEIGHTS: Mapping[Status, tuple[float, float, float, float]] = {
    Status.REGISTERED: (0, 1, 1, 1),
    Status.RETURNED: (0, 1, 1, 1),
    Status.DISPATCHED: (0, 1, 1, 1),
    Status.HANDLING: (0.9, 0.0333, 0.0333, 0.0334),
    Status.REVIEWING: (0.65, 0.1167, 0.1167, 0.1166),
}
"""How open clues of each status spread over the warning levels 0–3 (relative weights)."""

_MIN_GAP = 60  # office seconds between two planned steps, at least
_ROOM = 3600  # office seconds kept free between an open clue's anchor and `now`
_CLOSED_SPAN_DAYS = 290  # working days (about 14 months) in which closed clues lie


class _Plan:
    """A history being planned: steps at office positions relative to the registration."""

    __slots__ = ("steps", "t", "dispatched")

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.t = 0
        self.dispatched = 0

    def add(self, gap: float, action: Action, actor: Actor, payload: dict[str, Any]) -> None:
        """Append a step `gap` office seconds (at least a minute) after the previous one."""
        self.t += max(int(gap), _MIN_GAP) if self.steps else 0
        self.steps.append((self.t, action, actor, payload))
        if action is Action.DISPATCH:
            self.dispatched = self.t


class HistoryPlanner:
    """Plans the steps of a clue's history for a calendar, rules and `now`."""

    def __init__(
        self, cases: CaseMaker, calendar: WorkCalendar, rules: Rules, now: datetime
    ) -> None:
        self.cases = cases
        self.calendar = calendar
        self.rules = rules
        self.now = to_china(now)
        today = self.now.date()
        self.clock = WorkClock(calendar, today - timedelta(days=620), today + timedelta(days=200))
        self.day = self.clock.day
        self.now_pos = self.clock.position(self.now)
        self._levels: dict[int, int] = {}
        self._candidates: dict[tuple[int, int], list[int]] = {}

    def steps(self, rng: Random, case: Case, status: Status) -> list[Step]:
        """The steps, at absolute office positions, that leave the clue in `status`."""
        plan = _Plan()
        plan.add(0, Action.REGISTER, case.registrar, {})
        if status is Status.CLOSED:
            self._closed_chain(rng, case, plan)
            return self._place_closed(rng, plan)
        post: list[_Gap] = []
        days = self._open_chain(rng, case, plan, post, status)
        deadline_day = self.choose_deadline(rng, status, days)
        return self._place_open(rng, case, plan, post, deadline_day, days)

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

    def choose_deadline(self, rng: Random, status: Status, days: int) -> int:
        """A deadline day for an open clue whose current stage is `days` long."""
        weights = list(LEVEL_WEIGHTS[status])
        for level in range(4):
            if not self.deadline_days(level, days):
                weights[level] = 0
        if not any(weights):
            raise ValueError("no deadline can be placed before now")
        level = rng.choices(range(4), weights=weights)[0]
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
        handle_days = limits.handle_days_for(case.priority)
        if status is Status.REGISTERED:
            return limits.dispatch_days
        if status is Status.RETURNED:
            self._dispatch(rng, case, plan, detour=False)
            lead = self.cases.handler(case.lead)
            if rng.random() < 0.4:
                plan.add(self.day * rng.uniform(0.05, 0.4), Action.SIGN, lead, {})
            reason = texts.fill(rng, texts.RETURN_REASONS, self.cases.other_unit(rng, case).name)
            plan.add(self.day * rng.uniform(0.1, 0.6), Action.RETURN, lead, {"reason": reason})
            return limits.dispatch_days
        if status is Status.DISPATCHED:
            self._dispatch(rng, case, plan, detour=rng.random() < 0.15)
            return min(limits.sign_days, handle_days)
        if status is Status.REVIEWING:
            self._dispatch(rng, case, plan, detour=rng.random() < 0.06)
            self._sign(rng, case, plan)
            self._handle(rng, case, plan, extension=0.07)
            if rng.random() < 0.1:
                self._reject(rng, case, plan)
                self._report(rng, case, plan, self.day * rng.uniform(0.5, 4.5))
            return limits.review_days
        roll = rng.random()
        self._dispatch(rng, case, plan, detour=rng.random() < 0.06)
        if roll < 0.8:
            return self._signed_recently(rng, case, post, handle_days)
        self._sign(rng, case, plan)
        if roll < 0.92:
            # Rejected after the report: the rework limit counts from the rejection, as the
            # handling deadline has passed by then.
            least = handle_days - limits.rework_days + 1.2
            self._handle(rng, case, plan, extension=0.0, least_days=least)
            self._reject(rng, case, plan)
            return limits.rework_days
        self._handle(rng, case, plan, extension=0.05)
        self._approve(rng, case, plan)
        self._verification_fail(rng, case, plan, self.day * rng.uniform(1, 8))
        return handle_days

    def _signed_recently(self, rng: Random, case: Case, post: list[_Gap], handle_days: int) -> int:
        """Plan what follows the dispatch of a clue still in its first handling stage: the
        signing, maybe an extension request (asked well before the deadline, then approved,
        denied or pending) and assist reports; return the stage's length with extensions."""
        day = self.day
        lead = self.cases.handler(case.lead)
        days = handle_days
        post.append((day * rng.uniform(0.02, 0.6), Action.SIGN, lead, {}))
        ext = rng.random()
        if ext < 0.2 and case.priority is Priority.NORMAL and handle_days >= 3:
            extension = self._extension_days(rng)
            payload = {"days": extension, "reason": rng.choice(texts.EXTENSION_REASONS)}
            asked = day * handle_days * rng.uniform(0.2, 0.6)
            post.append((asked, Action.REQUEST_EXTENSION, lead, payload))
            decided = day * rng.uniform(0.05, 0.6)
            if ext < 0.09:
                note = {"note": rng.choice(texts.APPROVE_EXTENSION_NOTES)}
                post.append((decided, Action.APPROVE_EXTENSION, case.dispatcher, note))
                days += extension
            elif ext < 0.13:
                reason = {"reason": rng.choice(texts.DENY_REASONS)}
                post.append((decided, Action.DENY_EXTENSION, case.dispatcher, reason))
        for unit in case.assisting:
            if rng.random() < 0.5:
                note = {"note": rng.choice(texts.ASSIST_NOTES)}
                gap = day * rng.uniform(0.3, 3)
                post.append((gap, Action.ASSIST_REPORT, self.cases.handler(unit), note))
        return days

    # -- building blocks -----------------------------------------------------------------

    def _extension_days(self, rng: Random) -> int:
        most = self.rules.limits.max_extension_days
        return min(most, rng.choice((3, 5, 5, 7, 10)))

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
            "note": rng.choice(texts.DISPATCH_NOTES),
        }
        plan.add(gap, Action.DISPATCH, case.dispatcher, payload)

    def _sign(self, rng: Random, case: Case, plan: _Plan) -> None:
        late = rng.random() < 0.08
        gap = self.day * (rng.uniform(0.8, 2.5) if late else rng.uniform(0.02, 0.7))
        plan.add(gap, Action.SIGN, self.cases.handler(case.lead), {})

    def _handle(
        self,
        rng: Random,
        case: Case,
        plan: _Plan,
        *,
        extension: float,
        least_days: float = 0.0,
    ) -> None:
        """Plan the work between signing and the report: assist reports, an urge, maybe an
        extension request, then the report (sometimes late)."""
        day = self.day
        limit = self.rules.limits.handle_days_for(case.priority) * day
        late = rng.random() < 0.06
        duration = limit * (rng.uniform(1.02, 1.8) if late else rng.uniform(0.1, 0.95))
        body: list[_Gap] = []
        lead = self.cases.handler(case.lead)
        # An extension is asked for before the handling deadline (close of office on the
        # limit-th working day after the dispatch, so `limit` after the dispatch is safe).
        before_due = plan.dispatched + limit - plan.t
        wants = case.priority is Priority.NORMAL and rng.random() < extension
        if wants and before_due > limit * 0.3:
            days = self._extension_days(rng)
            asked = before_due * rng.uniform(0.5, 0.9)
            payload = {"days": days, "reason": rng.choice(texts.EXTENSION_REASONS)}
            body.append((asked, Action.REQUEST_EXTENSION, lead, payload))
            decided = asked + day * rng.uniform(0.05, 0.6)
            if rng.random() < 0.7:
                note = {"note": rng.choice(texts.APPROVE_EXTENSION_NOTES)}
                body.append((decided, Action.APPROVE_EXTENSION, case.dispatcher, note))
                duration = max(duration, limit + days * day * rng.uniform(0.1, 0.95))
            else:
                reason = {"reason": rng.choice(texts.DENY_REASONS)}
                body.append((decided, Action.DENY_EXTENSION, case.dispatcher, reason))
            duration = max(duration, decided + day * rng.uniform(0.2, 2))
        duration = max(duration, least_days * day)
        for unit in case.assisting:
            if rng.random() < 0.8:
                note = {"note": rng.choice(texts.ASSIST_NOTES)}
                at = duration * rng.uniform(0.15, 0.85)
                body.append((at, Action.ASSIST_REPORT, self.cases.handler(unit), note))
        if rng.random() < (0.35 if late else 0.07):
            notes = texts.OVERDUE_URGE_NOTES if late else texts.URGE_NOTES
            at = duration * rng.uniform(0.3, 0.95)
            body.append((at, Action.URGE, case.area.dispatcher, {"note": rng.choice(notes)}))
        start = plan.t
        body.sort(key=itemgetter(0))
        for at, action, actor, payload in body:
            plan.add(start + at - plan.t, action, actor, payload)
        self._report(rng, case, plan, start + duration - plan.t)

    def _report(self, rng: Random, case: Case, plan: _Plan, gap: float) -> None:
        checkers = texts.CHECKERS.get(case.lead.kind.value, texts.CHECKERS["department"])
        reporter = bool(case.reporter[0] or case.reporter[1])
        result = texts.report_text(rng, case.scenario, case.subject, rng.choice(checkers), reporter)
        plan.add(gap, Action.REPORT, self.cases.handler(case.lead), {"result": result})

    def _reject(self, rng: Random, case: Case, plan: _Plan) -> None:
        reason = {"reason": rng.choice(texts.REJECT_REASONS)}
        plan.add(self.day * rng.uniform(0.1, 1.5), Action.REJECT, case.dispatcher, reason)

    def _approve(self, rng: Random, case: Case, plan: _Plan) -> None:
        """Review the report: sometimes reject it first and review the next one."""
        if rng.random() < 0.08:
            self._reject(rng, case, plan)
            self._report(rng, case, plan, self.day * rng.uniform(0.5, 4.5))
        late = rng.random() < 0.1
        gap = self.day * (rng.uniform(2, 4) if late else rng.uniform(0.1, 1.9))
        note = {"note": rng.choice(texts.APPROVE_NOTES)}
        plan.add(gap, Action.APPROVE, case.dispatcher, note)

    def _verification_fail(self, rng: Random, case: Case, plan: _Plan, gap: float) -> None:
        """The weekly verification (by the area's or the city's office) finds a fault."""
        cases = self.cases
        verifier = cases.city_dispatcher if rng.random() < 0.3 else case.area.dispatcher
        reason = {"reason": rng.choice(texts.VERIFICATION_REASONS)}
        plan.add(gap, Action.VERIFICATION_FAIL, verifier, reason)

    def _closed_chain(self, rng: Random, case: Case, plan: _Plan) -> None:
        self._dispatch(rng, case, plan, detour=rng.random() < 0.06)
        self._sign(rng, case, plan)
        self._handle(rng, case, plan, extension=0.06)
        self._approve(rng, case, plan)
        if rng.random() < 0.03:
            self._verification_fail(rng, case, plan, self.day * rng.uniform(1, 6))
            self._report(rng, case, plan, self.day * rng.uniform(1, 5))
            self._approve(rng, case, plan)

    # -- timing --------------------------------------------------------------------------

    def _place_closed(self, rng: Random, plan: _Plan) -> list[Step]:
        """Put a finished history somewhere in the ~14 months before now."""
        span = plan.steps[-1][0]
        latest = self.now_pos - span - 600
        earliest = max(1, self.now_pos - _CLOSED_SPAN_DAYS * self.day)
        start = rng.randint(earliest, latest) if latest > earliest else max(1, latest)
        return [(start + t, action, actor, payload) for t, action, actor, payload in plan.steps]

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
        if level == 3 and case.area.supervisor is not None and rng.random() < 0.5:
            urges.append((due + 3 * day + 60, case.area.supervisor, texts.SUPERVISION_URGE_NOTES))
        if level == 1 and rng.random() < 0.25:
            urges.append((position + _MIN_GAP, case.dispatcher, texts.URGE_NOTES))
        for earliest, actor, notes in urges:
            low = max(position + _MIN_GAP, earliest)
            if low < now_pos:
                position = rng.randint(low, now_pos)
                steps.append((position, Action.URGE, actor, {"note": rng.choice(notes)}))
        return steps
