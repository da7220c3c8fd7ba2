"""The demo city's weekly verification (每周核查): for every week of the demo year up to last
week, each dispatching office's batch of the clues it owns that were closed that week, drawn
with `draw_sample` from a seed that is recorded, and the results — mostly 合格.

The demo histories already hold the failures (核查不合格 steps, by the owning office, a few
working days after a closing). Each of them is a failed item of the batch of the week its
clue was closed in: the batch's seed is searched (from a stable sequence) until the draw
includes every clue the office failed that week; if none does within `SEED_ATTEMPTS`, the plan
of the units concerned is raised to 100 %. A failed clue closed again is rechecked 合格 a day
later, except in the last fortnight (then it waits as 待复核). Every other drawn clue is
recorded 合格 in the days after the draw; the last week's batch is left half done.

Everything is planned from plain data (closings, failures, the offices' dispatchers), so the
platform's seed and the client's demo store load the same batches.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from random import Random
from typing import Any

from desktop.demo.city import DemoCity
from desktop.domain.codes import Role
from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.domain.verification import (
    Candidate,
    Quota,
    SamplePlan,
    VerificationResult,
    draw_sample,
    last_week,
    week_days,
    week_key,
)

BATCH_ID_BASE = uuid.UUID("0b5d7e21-43c9-4a6e-9f12-000000000000").int
DRAW_ACTION_BASE = uuid.UUID("7c2e9f40-18ab-4d3c-b5e6-000000000000").int
RESULT_ACTION_BASE = uuid.UUID("c4f1a8d3-62e7-4b95-8a0c-000000000000").int

SEED_ATTEMPTS = 40
"""Seeds tried for a batch before the plan of the units with a failure is raised to 100 %."""
DEMO_PLAN = SamplePlan(Quota(percent=20))
"""The demo offices' plan: a fifth of each unit's closed clues."""
DRAW_TIME = time(9, 0)
"""When an office draws on the Monday after the week (plus a few minutes per office)."""
RECHECK_QUIET = timedelta(days=14)
"""Failed clues closed again within this time before now still wait for their recheck."""


@dataclass(frozen=True)
class Closing:
    """A clue's transition to closed: by which office it is owned, its lead unit and channel."""

    code: str
    office: str
    unit: str
    channel: str
    at: datetime


@dataclass(frozen=True)
class Failure:
    """A 核查不合格 step of a demo history (its note is `failure_reason`'s text)."""

    code: str
    username: str
    at: datetime
    note: str
    action_id: str


@dataclass(frozen=True)
class DemoItem:
    """A drawn clue of a demo batch."""

    position: int
    clue_code: str
    unit_code: str
    channel: str
    closed_at: datetime


@dataclass(frozen=True)
class DemoResult:
    """A recorded verification round of a demo batch."""

    clue_code: str
    round: int
    verdict: VerificationResult
    note: str
    verified_by: str
    verified_by_name: str
    verified_at: datetime
    action_id: str


@dataclass(frozen=True)
class DemoBatch:
    """One office's demo batch of one week."""

    batch_id: str
    action_id: str
    office: str
    week: str
    plan: SamplePlan
    seed: int
    drawn_by: str
    drawn_by_name: str
    drawn_at: datetime
    items: tuple[DemoItem, ...]
    results: tuple[DemoResult, ...]


def demo_dispatchers(city: DemoCity) -> dict[str, tuple[str, str]]:
    """Each dispatching office's dispatcher (username, name) who draws its batches: its demo
    account where it has one, else its first dispatcher by login name."""
    shown = {u.username for u in city.demo_accounts().values()}
    found: dict[str, tuple[str, str]] = {}
    users = sorted(city.users, key=lambda u: (u.username not in shown, u.username))
    for user in users:
        unit = city.unit(user.unit_code)
        if user.role is Role.DISPATCHER and unit.dispatches:
            found.setdefault(unit.code, (user.username, user.display_name))
    return found


def parse_failure(note: str) -> tuple[VerificationResult, str]:
    """The result and the verifier's note of a 核查不合格 reason ('整改不到位：…')."""
    head, sep, rest = note.partition("：")
    if sep:
        try:
            result = VerificationResult.from_text(head)
        except ValueError:
            result = None
        if result is not None and result.failed:
            return result, rest
    return VerificationResult.INCOMPLETE, note


def demo_weeks(now: datetime, failures_this_week: bool) -> list[str]:
    """The weeks of the demo year (ISO year of `now`) up to last week, and this week too when
    a failure already names a clue closed in it."""
    today = to_china(now).date()
    year = today.isocalendar()[0]
    last = last_week(now)
    weeks = []
    day = datetime.fromisocalendar(year, 1, 1).date()
    while True:
        key = week_key(day)
        if key > last or not key.startswith(f"{year}-W"):
            break
        weeks.append(key)
        day += timedelta(days=7)
    if failures_this_week:
        weeks.append(week_key(today))
    return weeks


def _stable_seeds(office: str, week: str, seed: int) -> Iterable[int]:
    rng = Random(f"verification:{seed}:{office}:{week}")
    for _ in range(SEED_ATTEMPTS):
        yield rng.randrange(1, 2**31 - 1)


def _draw(
    candidates: Sequence[Candidate], must: set[str], office: str, week: str, seed: int
) -> tuple[SamplePlan, int, tuple[Candidate, ...]]:
    """The plan, seed and sample of a batch whose sample holds every clue of `must`: the demo
    plan if a seed gives one; else the units concerned draw one clue of each of their
    channels at least; else all of theirs."""
    units = {c.unit for c in candidates if c.code in must}
    channels: dict[str, set[str]] = {}
    sizes: dict[str, int] = {}
    for c in candidates:
        channels.setdefault(c.unit, set()).add(c.channel)
        sizes[c.unit] = sizes.get(c.unit, 0) + 1
    wider = SamplePlan(
        DEMO_PLAN.default,
        {
            u: Quota(count=max(len(channels[u]), DEMO_PLAN.default.size(sizes[u])))
            for u in sorted(units)
        },
    )
    whole = SamplePlan(DEMO_PLAN.default, {u: Quota(percent=100) for u in sorted(units)})
    first = None
    for plan in (DEMO_PLAN, wider):
        for tried in _stable_seeds(office, week, seed):
            first = first or tried
            sample = draw_sample(candidates, plan, tried)
            if must <= {c.code for c in sample}:
                return plan, tried, sample
    assert first is not None
    return whole, first, draw_sample(candidates, whole, first)


def _monday_after(week: str, office: str) -> datetime:
    _, sunday = week_days(week)
    day = sunday + timedelta(days=1)
    minutes = sum(map(ord, office)) % 50
    return datetime.combine(day, DRAW_TIME, tzinfo=CHINA_TZ) + timedelta(minutes=minutes)


def plan_verification(
    closings: Iterable[Closing],
    failures: Iterable[Failure],
    dispatchers: Mapping[str, tuple[str, str]],
    names: Mapping[str, str],
    now: datetime,
    seed: int = 1,
) -> list[DemoBatch]:
    """The demo offices' batches, oldest week first.

    `dispatchers` gives each office's dispatcher (username, name) who draws and records the
    passes; `names` the names of the users recording failures.
    """
    now = to_china(now)
    by_code: dict[str, list[Closing]] = {}
    for closing in closings:
        by_code.setdefault(closing.code, []).append(closing)
    for found in by_code.values():
        found.sort(key=lambda c: c.at)
    failed_after: dict[tuple[str, str, str], list[tuple[Failure, Closing]]] = {}
    for failure in sorted(failures, key=lambda f: f.at):
        before = [c for c in by_code.get(failure.code, ()) if c.at < failure.at]
        if before:
            closing = before[-1]
            key = (closing.office, week_key(to_china(closing.at).date()), failure.code)
            failed_after.setdefault(key, []).append((failure, closing))
    this_week = week_key(now.date())
    weeks = demo_weeks(now, any(k[1] == this_week for k in failed_after))
    covered = set(weeks)
    pool: dict[tuple[str, str], dict[str, Closing]] = {}
    for found in by_code.values():
        for closing in found:
            week = week_key(to_china(closing.at).date())
            if week in covered and closing.office in dispatchers:
                pool.setdefault((closing.office, week), {}).setdefault(closing.code, closing)
    batches: list[DemoBatch] = []
    for week in weeks:
        for office in sorted({o for o, w in pool if w == week}):
            failed = sorted(
                (
                    found[0]
                    for (o, w, _code), found in failed_after.items()
                    if (o, w) == (office, week)
                ),
                key=lambda pair: (pair[0].at, pair[0].code),
            )
            closed = dict(pool[(office, week)])
            week_failures = {f.code: f for f, _closing in failed}
            regular = _monday_after(week, office)
            groups = _failure_groups(failed, regular)
            if not groups or groups[-1][0] < regular:
                groups.append((regular, []))
            for drawn_at, group in groups:
                must = {f.code for f in group if f.code in closed}  # else drawn earlier
                if group and not must and drawn_at < regular:
                    continue
                drawn_by = dispatchers[office]
                if drawn_at < regular:  # a dispatcher's own batch during the week
                    drawn_by = (group[0].username, names.get(group[0].username, group[0].username))
                made = _batch(
                    len(batches), office, week, closed, must, week_failures, drawn_at,
                    drawn_by, by_code, names, now, seed,
                    last=drawn_at == regular and week >= last_week(now),
                )  # fmt: skip
                if made is not None:
                    batches.append(made)
                    for item in made.items:
                        closed.pop(item.clue_code, None)
    return batches


def _failure_groups(
    failed: Sequence[tuple[Failure, Closing]], regular: datetime
) -> list[tuple[datetime, list[Failure]]]:
    """The failures of an office's week in batches (failures in time order): each drawn at
    the regular time, or half an hour before its first failure when that is earlier, and
    after every closing it must include."""
    groups: list[tuple[datetime, list[Failure]]] = []
    for failure, closing in failed:
        if groups and closing.at < groups[-1][0]:
            groups[-1][1].append(failure)
        else:
            groups.append((min(regular, failure.at - timedelta(minutes=30)), [failure]))
    return groups


def _batch(
    index: int,
    office: str,
    week: str,
    closed: Mapping[str, Closing],
    must: set[str],
    failed: Mapping[str, Failure],
    drawn_at: datetime,
    drawn_by: tuple[str, str],
    by_code: Mapping[str, list[Closing]],
    names: Mapping[str, str],
    now: datetime,
    seed: int,
    *,
    last: bool,
) -> DemoBatch | None:
    if drawn_at >= now:
        return None
    candidates = [
        Candidate(c.code, c.unit, c.channel, c.at) for c in closed.values() if c.at < drawn_at
    ]
    if not candidates:
        return None
    plan, chosen, sample = _draw(candidates, must, office, week, seed + index)
    username, display = drawn_by
    results: list[DemoResult] = []
    serial = 0

    def result_id() -> str:
        nonlocal serial
        serial += 1
        return str(uuid.UUID(int=RESULT_ACTION_BASE + (index << 16) + serial))

    for position, candidate in enumerate(sample):
        failure = failed.get(candidate.code)
        if failure is not None:
            verdict, note = parse_failure(failure.note)
            results.append(
                DemoResult(
                    candidate.code, 1, verdict, note, failure.username,
                    names.get(failure.username, failure.username), failure.at, failure.action_id,
                )
            )  # fmt: skip
            again = [c for c in by_code.get(candidate.code, ()) if c.at > failure.at]
            if again and again[0].at < now - RECHECK_QUIET:
                results.append(
                    DemoResult(
                        candidate.code, 2, VerificationResult.PASSED, "", username, display,
                        again[0].at + timedelta(days=1), result_id(),
                    )
                )  # fmt: skip
            continue
        if last and position % 2:
            continue  # the last week's batch is half done
        at = drawn_at + timedelta(hours=2 + position // 4, minutes=7 * (position % 4))
        if at >= now:
            continue
        results.append(
            DemoResult(
                candidate.code, 1, VerificationResult.PASSED, "", username, display, at,
                result_id(),
            )
        )  # fmt: skip
    items = tuple(
        DemoItem(position, c.code, c.unit, c.channel, closed[c.code].at)
        for position, c in enumerate(sample)
    )
    return DemoBatch(
        str(uuid.UUID(int=BATCH_ID_BASE + index)),
        str(uuid.UUID(int=DRAW_ACTION_BASE + index)),
        office,
        week,
        plan,
        chosen,
        username,
        display,
        drawn_at,
        items,
        tuple(results),
    )


def item_values(batch_id: str, item: DemoItem) -> dict[str, Any]:
    """A drawn clue as the platform's and the store's item tables hold it."""
    return {
        "batch_id": batch_id,
        "position": item.position,
        "clue_code": item.clue_code,
        "unit_code": item.unit_code,
        "channel": item.channel,
        "closed_at": item.closed_at,
        "dropped": "",
    }


def result_values(batch_id: str, result: DemoResult) -> dict[str, Any]:
    """A recorded round as the platform's and the store's result tables hold it."""
    return {
        "batch_id": batch_id,
        "clue_code": result.clue_code,
        "round": result.round,
        "verdict": result.verdict.value,
        "note": result.note,
        "attachments": [],
        "verified_by": result.verified_by,
        "verified_by_name": result.verified_by_name,
        "verified_at": result.verified_at,
        "action_id": result.action_id,
    }


def closing_of(
    code: str,
    owner: str | None,
    county: str | None,
    lead: str | None,
    channel: str,
    at: datetime,
) -> Closing:
    """A closing read from a clue row (an office owns the clues of its county it has no
    other owner for)."""
    return Closing(code, owner or county or "", lead or "", channel, at)


__all__ = [
    "Closing",
    "DemoBatch",
    "DemoItem",
    "DemoResult",
    "Failure",
    "closing_of",
    "demo_dispatchers",
    "item_values",
    "parse_failure",
    "plan_verification",
    "result_values",
]
