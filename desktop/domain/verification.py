"""Weekly verification (每周核查): the results, the sample plan, the stratified draw reproducible
from its seed, the state of a drawn item, and how a recorded failure acts on its clue.

A dispatching office draws, each week, a sample of the clues closed that week (Monday to
Sunday, China time) that it owns, per lead unit. Inside a unit the sample is stratified by
channel (proportional allocation, largest remainder). The same candidates, plan and seed give
the same sample on any machine: candidates are sorted by code and drawn with
`random.Random(seed)` (never Python's salted `hash`).
"""

from __future__ import annotations

import math
import random
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from desktop.domain.codes import Labelled, Role, Status
from desktop.domain.messages import Message
from desktop.domain.timeutil import to_china
from desktop.domain.units import Actor
from desktop.domain.validators import ValidationError, require_text
from desktop.domain.workflow import Action

DRAW_TYPE = "verification.draw.v1"
"""The command of drawing a week's sample (names no clue)."""
RECORD_TYPE = "verification.record.v1"
"""The command of recording a result on a drawn clue (names its clue)."""
COMMAND_PREFIX = "verification."

MAX_NOTE = 2000


class VerificationResult(Labelled):
    """What the verification of one closed clue found."""

    PASSED = "passed"
    IRREGULAR = "irregular"
    INCOMPLETE = "incomplete"

    @property
    def label(self) -> str:
        """The Chinese name of the result."""
        return _RESULT_LABELS[self]

    @property
    def failed(self) -> bool:
        """Whether the result sends the clue back to its unit (整改提升)."""
        return self is not VerificationResult.PASSED


_RESULT_LABELS = {
    VerificationResult.PASSED: "合格",
    VerificationResult.IRREGULAR: "处置流程不规范",
    VerificationResult.INCOMPLETE: "整改不到位",
}


class ItemStatus(Labelled):
    """Where a drawn clue stands in its batch's worklist."""

    TO_VERIFY = "to_verify"
    RECHECK = "recheck"
    REWORK = "rework"
    PASSED = "passed"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        """The Chinese name shown in the worklist."""
        return _STATUS_LABELS[self]

    @property
    def open(self) -> bool:
        """Whether the verifier has something to record on the item now."""
        return self in (ItemStatus.TO_VERIFY, ItemStatus.RECHECK)


_STATUS_LABELS = {
    ItemStatus.TO_VERIFY: "待核查",
    ItemStatus.RECHECK: "待复核",
    ItemStatus.REWORK: "整改中",
    ItemStatus.PASSED: "已核查",
    ItemStatus.DROPPED: "已由他人抽取",
}


# --------------------------------------------------------------------------- weeks


def week_key(day: date) -> str:
    """The ISO week of a day, as '2026-W48'."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(key: str) -> date:
    """The Monday of an ISO week key ('2026-W48'); ValueError for a malformed key."""
    year_text, sep, week_text = key.partition("-W")
    if not sep or not year_text.isdigit() or not week_text.isdigit():
        raise ValueError(key)
    return date.fromisocalendar(int(year_text), int(week_text), 1)


def week_days(key: str) -> tuple[date, date]:
    """The Monday and the Sunday of an ISO week."""
    monday = week_start(key)
    return monday, monday + timedelta(days=6)


def week_number(key: str) -> int:
    """The number of the week in its ISO year (48 for '2026-W48')."""
    return int(key.partition("-W")[2])


def last_week(now: datetime) -> str:
    """The week before the one `now` (China time) falls in: the week verified by default."""
    return week_key(to_china(now).date() - timedelta(days=7))


def in_week(moment: datetime, key: str) -> bool:
    """Whether an instant falls in the week (Monday 00:00 to Sunday 24:00, China time)."""
    monday, sunday = week_days(key)
    return monday <= to_china(moment).date() <= sunday


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Quota:
    """How many of a unit's candidates are drawn: a count, or a share in percent."""

    count: int | None = None
    percent: int | None = None

    def __post_init__(self) -> None:
        if (self.count is None) == (self.percent is None):
            raise ValueError("a quota is a count or a share, not both")
        if self.count is not None and not 0 <= self.count <= 1000:
            raise ValueError("count out of range")
        if self.percent is not None and not 0 <= self.percent <= 100:
            raise ValueError("percent out of range")

    def size(self, available: int) -> int:
        """How many are drawn of `available` candidates (at least 1 when there are any)."""
        if available <= 0:
            return 0
        if self.count is not None:
            wanted = self.count
        else:
            assert self.percent is not None
            wanted = math.ceil(available * self.percent / 100)
        return max(1, min(available, wanted))

    def text(self) -> str:
        """The quota as people write it: '10 件' or '20%'."""
        return f"{self.count} 件" if self.count is not None else f"{self.percent}%"

    def to_dict(self) -> dict[str, int]:
        """The JSON form."""
        if self.count is not None:
            return {"count": self.count}
        assert self.percent is not None
        return {"percent": self.percent}

    @classmethod
    def from_dict(cls, data: Any) -> Quota:
        """Read a quota; ValueError when it is neither a count nor a share."""
        if not isinstance(data, Mapping):
            raise ValueError(data)
        count, percent = data.get("count"), data.get("percent")
        for value in (count, percent):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise ValueError(data)
        return cls(count=count, percent=percent)

    @classmethod
    def parse(cls, text: str) -> Quota:
        """A quota typed by a person: '10' or '10 件' (a count), '20%' (a share)."""
        cleaned = text.strip().replace("％", "%").replace("件", "").strip()
        if cleaned.endswith("%"):
            return cls(percent=int(cleaned[:-1].strip()))
        return cls(count=int(cleaned))


DEFAULT_QUOTA = Quota(percent=20)


@dataclass(frozen=True)
class SamplePlan:
    """The quota of each unit (units not named take the default)."""

    default: Quota = DEFAULT_QUOTA
    units: Mapping[str, Quota] = field(default_factory=dict)

    def quota(self, unit: str) -> Quota:
        """The quota of one unit."""
        return self.units.get(unit, self.default)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form kept with the batch."""
        return {
            "default": self.default.to_dict(),
            "units": {code: q.to_dict() for code, q in sorted(self.units.items())},
        }

    @classmethod
    def from_dict(cls, data: Any) -> SamplePlan:
        """Read a plan; ValueError for a malformed one."""
        if not isinstance(data, Mapping):
            raise ValueError(data)
        units = data.get("units") or {}
        if not isinstance(units, Mapping):
            raise ValueError(data)
        return cls(
            Quota.from_dict(data.get("default") or DEFAULT_QUOTA.to_dict()),
            {str(code): Quota.from_dict(q) for code, q in units.items()},
        )


# --------------------------------------------------------------------------- the draw


@dataclass(frozen=True)
class Candidate:
    """A clue that may be drawn: closed in the week, owned by the drawing office."""

    code: str
    unit: str
    channel: str
    closed_at: datetime | None = None


def new_seed() -> int:
    """A fresh seed for a draw (recorded in the batch, so the draw can be repeated)."""
    return secrets.randbelow(2**31 - 1) + 1


def allocate(sizes: Mapping[str, int], total: int) -> dict[str, int]:
    """Split `total` draws over strata of `sizes` in proportion (largest remainder).

    When `total` reaches the number of non-empty strata, each gets at least one (taken from
    the stratum most above its exact share); ties go by the stratum's name, so the
    allocation is the same everywhere.
    """
    strata = sorted(name for name, size in sizes.items() if size > 0)
    available = sum(sizes[name] for name in strata)
    total = max(0, min(total, available))
    if total == 0:
        return {name: 0 for name in strata}
    exact = {name: total * sizes[name] / available for name in strata}
    given = {name: int(exact[name]) for name in strata}
    left = total - sum(given.values())
    for name in sorted(strata, key=lambda n: (-(exact[n] - given[n]), n))[:left]:
        given[name] += 1
    if total >= len(strata):
        for name in strata:
            if given[name] == 0:
                donor = max(
                    (n for n in strata if given[n] > 1),
                    key=lambda n: (given[n] - exact[n], n),
                )
                given[donor] -= 1
                given[name] = 1
    return given


def draw_sample(
    candidates: Iterable[Candidate], plan: SamplePlan, seed: int
) -> tuple[Candidate, ...]:
    """The week's sample: per unit its quota, stratified by channel, drawn with `seed`.

    The result is sorted by unit, then channel, then code; a clue appears at most once.
    """
    by_code: dict[str, Candidate] = {}
    for candidate in candidates:
        by_code.setdefault(candidate.code, candidate)
    strata: dict[str, dict[str, list[Candidate]]] = {}
    for code in sorted(by_code):
        candidate = by_code[code]
        strata.setdefault(candidate.unit, {}).setdefault(candidate.channel, []).append(candidate)
    rng = random.Random(seed)
    drawn: list[Candidate] = []
    for unit in sorted(strata):
        channels = strata[unit]
        total = plan.quota(unit).size(sum(len(c) for c in channels.values()))
        shares = allocate({name: len(c) for name, c in channels.items()}, total)
        for channel in sorted(channels):
            picked = rng.sample(channels[channel], shares[channel])
            drawn.extend(sorted(picked, key=lambda c: c.code))
    return tuple(drawn)


# --------------------------------------------------------------------------- recording


@dataclass(frozen=True)
class Round:
    """One recorded verification of a drawn clue."""

    round: int
    result: VerificationResult
    at: datetime


def item_status(
    rounds: Sequence[Round],
    clue_status: Status | str | None,
    closed_at: datetime | None,
    *,
    dropped: bool = False,
) -> ItemStatus:
    """Where a drawn item stands: nothing recorded yet, passed, or failed and either still
    in rework or closed again since (then it waits for the next round: 待复核)."""
    if dropped:
        return ItemStatus.DROPPED
    if not rounds:
        return ItemStatus.TO_VERIFY
    last = max(rounds, key=lambda r: r.round)
    if not last.result.failed:
        return ItemStatus.PASSED
    if (
        str(clue_status) == Status.CLOSED.value
        and closed_at is not None
        and to_china(closed_at) > to_china(last.at)
    ):
        return ItemStatus.RECHECK
    return ItemStatus.REWORK


def next_round(rounds: Sequence[Round]) -> int:
    """The number of the next round of an item."""
    return max((r.round for r in rounds), default=0) + 1


def check_result(payload: Mapping[str, Any]) -> tuple[VerificationResult, str]:
    """The result and note of a record payload: the note is required unless 合格, and a
    failure needs evidence (`attachments`); ValidationError names the field."""
    raw = payload.get("verdict")
    try:
        result = VerificationResult.from_text(str(raw or ""))
    except ValueError:
        raise ValidationError("verdict", Message("请选择核查结果")) from None
    note = require_text(payload.get("note"), "note", MAX_NOTE, required=result.failed)
    files = payload.get("attachments") or []
    if result.failed and not files:
        raise ValidationError("attachments", Message("核查不合格须附佐证材料"))
    return result, note


def may_verify(actor: Actor) -> Message | None:
    """Why the actor may not draw or record verifications (None: they may)."""
    if actor.role is not Role.DISPATCHER or not actor.unit.dispatches:
        return Message("只有攻坚办的分办人员可以开展每周核查")
    return None


def failure_reason(result: VerificationResult, note: str) -> str:
    """The reason a failed verification gives its clue's history (核查不合格)."""
    return f"{result.label}：{note}"


def clue_action_of(
    command_type: str, payload: Mapping[str, Any]
) -> tuple[Action, dict[str, Any]] | None:
    """The clue action a verification command takes (a failure: 核查不合格), with its
    payload; None when it leaves the clue as it is (a pass, a draw, a malformed payload)."""
    if command_type != RECORD_TYPE:
        return None
    try:
        result, note = check_result(payload)
    except ValidationError:
        return None
    if not result.failed:
        return None
    clue_payload: dict[str, Any] = {"reason": failure_reason(result, note)}
    if payload.get("attachments"):
        clue_payload["attachments"] = payload["attachments"]
    return Action.VERIFICATION_FAIL, clue_payload


@dataclass(frozen=True)
class VerificationTally:
    """The weekly verification (每周核查) of a unit's clues in a period: how many were drawn,
    found 合格, 处置流程不规范 or 整改不到位, and how many wait for a result."""

    drawn: int = 0
    passed: int = 0
    irregular: int = 0
    incomplete: int = 0
    pending: int = 0

    @property
    def failed(self) -> int:
        """The clues found wanting (不规范 or 不到位)."""
        return self.irregular + self.incomplete

    @property
    def pass_rate(self) -> float | None:
        """合格率: passed among those with a result (None when none has one yet)."""
        judged = self.passed + self.failed
        return self.passed / judged if judged else None
