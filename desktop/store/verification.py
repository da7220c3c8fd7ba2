"""Weekly verification (每周核查) on this device: drawing a week's sample offline (the batch and
its `verification.draw.v1` in one transaction), recording a result on a drawn clue (a failure
takes 核查不合格 on the clue's local view and queues `verification.record.v1`), the worklist
(the platform's results with this device's pending ones on top) and the figures per unit.

Every action raises `VerificationRefused` (a sentence for the clerk) or the domain's
`ValidationError` naming the payload key, and writes nothing then.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from desktop.domain.assessment import Period
from desktop.domain.codes import Status
from desktop.domain.messages import Message
from desktop.domain.timeutil import CHINA_TZ, china_now, to_china
from desktop.domain.verification import (
    DRAW_TYPE,
    RECORD_TYPE,
    Candidate,
    ItemStatus,
    Round,
    SamplePlan,
    VerificationResult,
    VerificationTally,
    check_result,
    clue_action_of,
    draw_sample,
    item_status,
    may_verify,
    new_seed,
    week_days,
    week_start,
)
from desktop.store.attachments import store_file
from desktop.store.clue_rows import find_clue_row, load_actor
from desktop.store.database import Store
from desktop.store.local_actions import take_action
from desktop.store.models import (
    Attachment,
    Clue,
    OutboxAction,
    Unit,
    User,
    VerificationBatch,
    VerificationItem,
    VerificationOutbox,
    VerificationResultRow,
)

__all__ = [
    "BatchSummary",
    "VerificationRefused",
    "VerificationTally",
    "WorkItem",
    "WorkRound",
    "draw_batch",
    "office_batches",
    "record_result",
    "redraw_batch",
    "verification_tally",
    "week_candidates",
    "worklist",
]

PENDING = "pending"
REJECTED = "rejected"


class VerificationRefused(Exception):
    """A verification step this device cannot take; `reason` is a sentence for the clerk."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class BatchSummary:
    """A batch as the view lists it."""

    batch_id: str
    office: str
    week: str
    plan: SamplePlan
    seed: int
    drawn_by: str
    drawn_by_name: str
    drawn_at: datetime
    synced: bool
    """Whether the platform has the batch (else its draw waits in the outbox)."""
    draw_problem: str
    """Why the platform refused the draw ('' none)."""
    drawn: int
    dropped: int
    recorded: int


@dataclass(frozen=True)
class WorkRound:
    """One recorded verification of a drawn clue (`pending`: not yet on the platform)."""

    round: int
    verdict: VerificationResult
    note: str
    attachments: tuple[Mapping[str, str], ...]
    verified_by: str
    verified_at: datetime
    pending: bool = False


@dataclass(frozen=True)
class WorkItem:
    """A drawn clue in the worklist: where it stands and what was recorded on it."""

    batch_id: str
    clue_code: str
    unit_code: str
    unit_name: str
    channel: str
    closed_at: datetime | None
    dropped: str
    status: ItemStatus
    rounds: tuple[WorkRound, ...]

    @property
    def last(self) -> WorkRound | None:
        """The latest round, if any."""
        return self.rounds[-1] if self.rounds else None


# --------------------------------------------------------------------------- drawing


def _week_bounds(week: str) -> tuple[datetime, datetime]:
    monday, sunday = week_days(week)
    start = datetime(monday.year, monday.month, monday.day, tzinfo=CHINA_TZ)
    end = datetime(sunday.year, sunday.month, sunday.day, tzinfo=CHINA_TZ) + timedelta(days=1)
    return start, end


def _claimed(session: Session, office: str, week: str, other_than: str | None) -> set[str]:
    """Clues already drawn (and kept) in the office's other batches of the week."""
    statement = (
        select(VerificationItem.clue_code)
        .join(VerificationBatch, VerificationBatch.batch_id == VerificationItem.batch_id)
        .where(
            VerificationBatch.office == office,
            VerificationBatch.week == week,
            VerificationItem.dropped == "",
        )
    )
    if other_than is not None:
        statement = statement.where(VerificationBatch.batch_id != other_than)
    return set(session.scalars(statement))


def _candidates(
    session: Session, office: str, week: str, other_than: str | None = None
) -> list[Candidate]:
    start, end = _week_bounds(week)
    rows = session.execute(
        select(Clue.code, Clue.lead_unit, Clue.channel, Clue.closed_at).where(
            Clue.status == Status.CLOSED.value,
            Clue.closed_at >= start,
            Clue.closed_at < end,
            Clue.lead_unit.is_not(None),
            or_(
                Clue.owner_unit == office,
                (Clue.owner_unit.is_(None)) & (Clue.county_code == office),
            ),
        )
    )
    taken = _claimed(session, office, week, other_than)
    return [
        Candidate(code, str(lead), channel, closed_at)
        for code, lead, channel, closed_at in rows
        if code not in taken
    ]


def week_candidates(store: Store, office: str, week: str) -> list[Candidate]:
    """The clues `office` may draw for `week`: closed that week (China time), owned by the
    office, with a lead unit, and not drawn in another of its batches of the week."""
    week_start(week)
    with store.session() as session:
        return _candidates(session, office, week)


def _draw_payload(
    batch_id: str, week: str, plan: SamplePlan, seed: int, sample: Sequence[Candidate], at: str
) -> dict[str, Any]:
    return {
        "batch_id": batch_id,
        "week": week,
        "plan": plan.to_dict(),
        "seed": seed,
        "items": [{"clue_code": c.code, "unit_code": c.unit, "channel": c.channel} for c in sample],
        "drawn_at": at,
    }


def _write_items(session: Session, batch_id: str, sample: Sequence[Candidate]) -> None:
    session.execute(delete(VerificationItem).where(VerificationItem.batch_id == batch_id))
    session.add_all(
        VerificationItem(
            batch_id=batch_id,
            position=position,
            clue_code=c.code,
            unit_code=c.unit,
            channel=c.channel,
            closed_at=c.closed_at,
            dropped="",
        )
        for position, c in enumerate(sample)
    )


def draw_batch(
    store: Store,
    username: str,
    device_id: str,
    week: str,
    plan: SamplePlan,
    *,
    seed: int | None = None,
    now: datetime | None = None,
    batch_id: str | None = None,
    action_id: str | None = None,
) -> str:
    """Draw the week's sample of the user's office offline; the new batch's id.

    The batch and its draw (queued for the platform) are written in one transaction.
    """
    moment = to_china(now) if now is not None else china_now()
    week_start(week)
    seed = seed if seed is not None else new_seed()
    batch_id = batch_id or str(uuid.uuid4())
    action_id = action_id or str(uuid.uuid4())
    with store.session() as session, session.begin():
        actor = load_actor(session, username, device_id)
        refusal = may_verify(actor)
        if refusal is not None:
            raise VerificationRefused(refusal)
        office = actor.unit.code
        sample = draw_sample(_candidates(session, office, week), plan, seed)
        if not sample:
            raise VerificationRefused(
                Message("第 {week} 周没有可抽取的本单位办结线索", week=week.partition("-W")[2])
            )
        session.add(
            VerificationBatch(
                batch_id=batch_id,
                office=office,
                week=week,
                plan=plan.to_dict(),
                seed=seed,
                drawn_by=username,
                drawn_by_name=actor.display_name,
                drawn_at=moment,
                server_version=0,
            )
        )
        session.flush()
        _write_items(session, batch_id, sample)
        session.add(
            VerificationOutbox(
                action_id=action_id,
                command_type=DRAW_TYPE,
                batch_id=batch_id,
                payload=_draw_payload(batch_id, week, plan, seed, sample, moment.isoformat()),
                username=username,
                device_id=device_id,
                created_at=moment,
            )
        )
    return batch_id


def redraw_batch(
    store: Store,
    username: str,
    device_id: str,
    batch_id: str,
    plan: SamplePlan | None = None,
    *,
    seed: int | None = None,
) -> int:
    """Draw a batch again with a new seed (and maybe a new plan); the seed used.

    Only while nothing is recorded and its draw has not reached the platform yet.
    """
    seed = seed if seed is not None else new_seed()
    with store.session() as session, session.begin():
        batch = session.get(VerificationBatch, batch_id)
        if batch is None:
            raise VerificationRefused(Message("本机没有该核查批次"))
        queued = session.scalars(
            select(VerificationOutbox).where(
                VerificationOutbox.batch_id == batch_id, VerificationOutbox.state == PENDING
            )
        ).first()
        if batch.server_version or queued is None:
            raise VerificationRefused(Message("批次已同步到平台，不能重新抽取"))
        if _pending_records(session, batch_id):
            raise VerificationRefused(Message("批次已有核查记录，不能重新抽取"))
        plan = plan or SamplePlan.from_dict(batch.plan)
        sample = draw_sample(_candidates(session, batch.office, batch.week, batch_id), plan, seed)
        if not sample:
            raise VerificationRefused(Message("没有可抽取的本单位办结线索"))
        batch.seed, batch.plan = seed, plan.to_dict()
        _write_items(session, batch_id, sample)
        queued.payload = _draw_payload(
            batch_id, batch.week, plan, seed, sample, to_china(batch.drawn_at).isoformat()
        )
    return seed


# --------------------------------------------------------------------------- reading


def _pending_records(session: Session, batch_id: str | None = None) -> list[OutboxAction]:
    rows = session.scalars(
        select(OutboxAction)
        .where(OutboxAction.command_type == RECORD_TYPE, OutboxAction.state == PENDING)
        .order_by(OutboxAction.seq)
    )
    return [r for r in rows if batch_id is None or r.payload.get("batch_id") == batch_id]


def _rounds(session: Session, batch_ids: Collection[str]) -> dict[tuple[str, str], list[WorkRound]]:
    found: dict[tuple[str, str], list[WorkRound]] = {}
    for row in session.scalars(
        select(VerificationResultRow)
        .where(VerificationResultRow.batch_id.in_(list(batch_ids)))
        .order_by(VerificationResultRow.round)
    ):
        found.setdefault((row.batch_id, row.clue_code), []).append(
            WorkRound(
                row.round,
                VerificationResult(row.verdict),
                row.note,
                tuple(row.attachments or ()),
                row.verified_by_name or row.verified_by,
                row.verified_at,
            )
        )
    for act in _pending_records(session):
        key = (str(act.payload.get("batch_id")), act.clue_code)
        if key[0] not in batch_ids:
            continue
        rounds = found.setdefault(key, [])
        try:
            result, note = check_result(act.payload)
        except ValueError:
            continue
        rounds.append(
            WorkRound(
                len(rounds) + 1,
                result,
                note,
                tuple(act.payload.get("attachments") or ()),
                act.username,
                act.created_at,
                pending=True,
            )
        )
    return found


def worklist(store: Store, batch_id: str) -> list[WorkItem]:
    """The batch's drawn clues in drawing order, each with where it stands and its rounds."""
    with store.session() as session:
        items = list(
            session.scalars(
                select(VerificationItem)
                .where(VerificationItem.batch_id == batch_id)
                .order_by(VerificationItem.position)
            )
        )
        rounds = _rounds(session, {batch_id})
        codes = [i.clue_code for i in items]
        clues = {
            code: (status, closed_at)
            for code, status, closed_at in session.execute(
                select(Clue.code, Clue.status, Clue.closed_at).where(Clue.code.in_(codes))
            )
        }
        names = dict(session.execute(select(Unit.code, Unit.name)).all())
        found = []
        for item in items:
            mine = rounds.get((batch_id, item.clue_code), [])
            status, closed_at = clues.get(item.clue_code, (None, None))
            state = item_status(
                [Round(r.round, r.verdict, r.verified_at) for r in mine],
                status,
                closed_at,
                dropped=bool(item.dropped),
            )
            found.append(
                WorkItem(
                    batch_id,
                    item.clue_code,
                    item.unit_code,
                    names.get(item.unit_code, item.unit_code),
                    item.channel,
                    item.closed_at,
                    item.dropped,
                    state,
                    tuple(mine),
                )
            )
        return found


def office_batches(store: Store, office: str, week: str | None = None) -> list[BatchSummary]:
    """The office's batches (of one week, or all), newest week first."""
    with store.session() as session:
        statement = select(VerificationBatch).where(VerificationBatch.office == office)
        if week is not None:
            statement = statement.where(VerificationBatch.week == week)
        batches = list(
            session.scalars(
                statement.order_by(VerificationBatch.week.desc(), VerificationBatch.drawn_at)
            )
        )
        ids = [b.batch_id for b in batches]
        counts: dict[str, list[int]] = {b: [0, 0] for b in ids}
        for batch_id, dropped in session.execute(
            select(VerificationItem.batch_id, VerificationItem.dropped).where(
                VerificationItem.batch_id.in_(ids)
            )
        ):
            counts[batch_id][1 if dropped else 0] += 1
        rounds = _rounds(session, set(ids))
        problems = dict(
            session.execute(
                select(VerificationOutbox.batch_id, VerificationOutbox.reject_reason).where(
                    VerificationOutbox.state == REJECTED
                )
            ).all()
        )
        return [
            BatchSummary(
                b.batch_id,
                b.office,
                b.week,
                SamplePlan.from_dict(b.plan),
                b.seed,
                b.drawn_by,
                b.drawn_by_name,
                b.drawn_at,
                b.server_version > 0,
                problems.get(b.batch_id, ""),
                counts[b.batch_id][0],
                counts[b.batch_id][1],
                sum(1 for (bid, _), r in rounds.items() if bid == b.batch_id and r),
            )
            for b in batches
        ]


# --------------------------------------------------------------------------- recording


def record_result(
    store: Store,
    username: str,
    device_id: str,
    batch_id: str,
    clue_code: str,
    verdict: VerificationResult | str,
    note: str = "",
    files: Sequence[Path] = (),
    *,
    now: datetime | None = None,
    action_id: str | None = None,
) -> str:
    """Record a verification of a drawn clue offline; the action's id.

    A failure (处置流程不规范 / 整改不到位) needs a note and evidence files (copied into the
    store now, uploaded by the next sync) and takes 核查不合格 on the clue's local view.
    """
    moment = to_china(now) if now is not None else china_now()
    action_id = action_id or str(uuid.uuid4())
    result = verdict if isinstance(verdict, VerificationResult) else None
    raw = result.value if result is not None else str(verdict)
    shown = [{"sha256": "0" * 64, "name": path.name} for path in files]
    check_result({"verdict": raw, "note": note, "attachments": shown})
    items = {i.clue_code: i for i in worklist(store, batch_id)}
    item = items.get(clue_code)
    if item is None:
        raise VerificationRefused(Message("线索 {code} 不在该核查批次中", code=clue_code))
    if item.status is ItemStatus.DROPPED:
        raise VerificationRefused(Message("线索 {code} 已由他人抽取核查", code=clue_code))
    if not item.status.open:
        if item.status is ItemStatus.REWORK:
            raise VerificationRefused(
                Message("线索 {code} 正在整改，重新办结后才能复核", code=clue_code)
            )
        raise VerificationRefused(Message("线索 {code} 已核查合格", code=clue_code))
    with store.session() as session:
        actor = load_actor(session, username, device_id)
    refusal = may_verify(actor)
    if refusal is not None:
        raise VerificationRefused(refusal)
    cited = []
    for path in files:
        stored = store_file(store, path)
        with store.session() as session, session.begin():
            if session.get(Attachment, stored.sha256) is None:
                session.add(
                    Attachment(
                        sha256=stored.sha256,
                        size=stored.size,
                        media_type=stored.media_type,
                        created_at=moment,
                    )
                )
        cited.append({"sha256": stored.sha256, "name": path.name})
    payload: dict[str, Any] = {
        "batch_id": batch_id,
        "verdict": raw,
        "note": note.strip(),
        "attachments": cited,
        "round": len(item.rounds) + 1,
        "verified_at": moment.isoformat(),
    }
    taken = clue_action_of(RECORD_TYPE, payload)
    if taken is not None:
        action, clue_payload = taken
        take_action(
            store,
            username,
            device_id,
            action,
            clue_code,
            clue_payload,
            now=moment,
            action_id=action_id,
            command=(RECORD_TYPE, payload),
        )
        return action_id
    with store.session() as session, session.begin():
        find_clue_row(session, clue_code)
        session.add(
            OutboxAction(
                action_id=action_id,
                command_type=RECORD_TYPE,
                clue_code=clue_code,
                payload=payload,
                username=username,
                device_id=device_id,
                created_at=moment,
            )
        )
    return action_id


# --------------------------------------------------------------------------- figures


def verification_tally(
    store: Store, period: Period, unit_codes: Collection[str] | None = None
) -> dict[str, VerificationTally]:
    """Per lead unit, the verification of the weeks whose Monday falls in `period`: clues
    drawn (kept in their batch), and by the first round's result — passed, 处置流程不规范,
    整改不到位 — or pending (nothing recorded yet). Pending results of this device count."""
    with store.session() as session:
        batches = [
            b
            for b in session.scalars(select(VerificationBatch))
            if period.start <= week_start(b.week) <= period.end
        ]
        ids = {b.batch_id for b in batches}
        rounds = _rounds(session, ids)
        tallies: dict[str, dict[str, int]] = {}
        for item in session.scalars(
            select(VerificationItem).where(
                VerificationItem.batch_id.in_(list(ids)), VerificationItem.dropped == ""
            )
        ):
            if unit_codes is not None and item.unit_code not in unit_codes:
                continue
            figures = tallies.setdefault(
                item.unit_code,
                {"drawn": 0, "passed": 0, "irregular": 0, "incomplete": 0, "pending": 0},
            )
            figures["drawn"] += 1
            mine = rounds.get((item.batch_id, item.clue_code))
            key = mine[0].verdict.value if mine else "pending"
            figures[key] += 1
        return {unit: VerificationTally(**figures) for unit, figures in tallies.items()}


def display_name(store: Store, username: str) -> str:
    """A user's name as the store knows it (the login name when unknown)."""
    with store.session() as session:
        user = session.get(User, username)
        return user.display_name if user is not None else username
