"""Applying one pushed action inside its own write transaction, with few, simple statements.

What the actions of a push share is loaded once per request (`push_context`). The hot path
of an action on an existing clue is five statements: the clue row (locked) with its assisting
units and the duplicate check, the change seq, the clue's changed columns, its history entry
and the applied-action record.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, bindparam, insert, select
from sqlalchemy.orm import Session

from cityplatform.attachment_rights import citable
from cityplatform.changes import (
    AttachmentRef,
    ClueKey,
    apply_outcome,
    insert_registered,
    next_code,
    next_seq,
)
from cityplatform.domainmap import (
    STATE_COLUMNS,
    assisting_codes,
    clue_state,
    state_json,
)
from cityplatform.models import (
    AppliedAction,
    AssistingUnit,
    Clue,
    IntakeRef,
    Notice,
    ProvisionalCode,
)
from cityplatform.payloads import Rejected, check_payload
from cityplatform.push_context import PushContext
from cityplatform.warning_record import record_action
from desktop.domain.clue import ClueState
from desktop.domain.codes import DONE_STATUSES, Status
from desktop.domain.messages import Label, Message
from desktop.domain.notice_actions import UNCLOSED_STATUSES, unclosed_notices
from desktop.domain.notices import NoticeState
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import (
    NO_CONTEXT,
    Action,
    ActionRefused,
    Context,
    Outcome,
    apply_action,
)
from desktop.wire.sync import ActionIn

TARGET = (
    select(
        Clue.id,
        Clue.code,
        Clue.registered_by_unit,
        *(getattr(Clue, name) for name in STATE_COLUMNS),
        select(AppliedAction.seq)
        .where(AppliedAction.action_id == bindparam("action_id"))
        .scalar_subquery()
        .label("prior_seq"),
        AssistingUnit.unit_code.label("assisting"),
    )
    .outerjoin(AssistingUnit, AssistingUnit.clue_id == Clue.id)
    .where(Clue.code == bindparam("code"))
    .order_by(AssistingUnit.position, AssistingUnit.unit_code)
    .with_for_update(of=Clue)
)
"""In one statement: the clue an action names (locked until commit) with its assisting units,
one row per unit, and whether the action was applied before (`prior_seq`)."""


@dataclass(frozen=True)
class Target:
    """The clue an action names, as the action needs it."""

    row: Row[Any]
    assisting: tuple[str, ...]

    @property
    def applied_before(self) -> bool:
        """Whether the action's id was applied before."""
        return self.row.prior_seq is not None


_PRIOR = select(AppliedAction.clue_code, AppliedAction.provisional_code, AppliedAction.seq).where(
    AppliedAction.action_id == bindparam("action_id")
)


Prior = Row[str, str | None, int]
"""The stored record of an applied action: clue code, provisional code, seq."""


def _prior(connection: Connection, action_id: str) -> Prior | None:
    return connection.execute(_PRIOR, {"action_id": action_id}).first()


def _duplicate(ctx: PushContext, session: Session, prior: Prior, action_id: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "action_id": action_id,
        "status": "duplicate",
        "clue_code": prior.clue_code,
        "seq": prior.seq,
    }
    if prior.provisional_code:
        result["provisional_code"] = prior.provisional_code
    result["clue"] = ctx.document(session, prior.clue_code)
    return result


def _check_uploaded(ctx: PushContext, session: Session, refs: list[AttachmentRef]) -> None:
    """Every cited file is complete and this device may cite it (it uploaded all of it, or
    the user sees a clue citing it); else `attachment_missing`, the same answer whether the
    file is unknown or someone else's, so a push never tells whether a digest exists."""
    if not refs:
        return
    allowed = citable(session, ctx.viewer, ctx.caller.device_id, {r.sha256 for r in refs})
    missing = [r for r in refs if r.sha256 not in allowed]
    if missing:
        raise Rejected(
            "attachment_missing",
            Message(
                "附件尚未由本设备完整上传：{names}（请先上传附件文件再提交）",
                names=tuple(r.name for r in missing),
            ),
            "attachments",
        )


_STATE = select(
    Clue.id, Clue.code, Clue.registered_by_unit, *(getattr(Clue, name) for name in STATE_COLUMNS)
)


def _lookup(ctx: PushContext, connection: Connection, code: str) -> ClueState | None:
    """Another clue's state, when the caller sees it (what MARK_DUPLICATE names)."""
    row = connection.execute(_STATE.where(Clue.code == ctx.codes.get(code, code))).first()
    if row is None:
        return None
    assisting = assisting_codes(connection, row.id)
    if not ctx.viewer.sees(row.county_code, row.lead_unit, row.registered_by_unit, assisting):
        return None
    return clue_state(row, assisting)


def _open_notices(connection: Connection, clue_id: int, code: str, now: datetime) -> list[str]:
    """The clue's notices that keep it from closing, as a clerk names them."""
    rows = connection.execute(
        select(Notice.state)
        .where(Notice.clue_id == clue_id, Notice.status.in_([s.value for s in UNCLOSED_STATUSES]))
        .order_by(Notice.id)
    )
    states = (NoticeState.from_dict(data).evolve(clue_code=code) for (data,) in rows)
    return unclosed_notices(states, now)


def _context(
    ctx: PushContext, connection: Connection, action: Action, row: Row[Any], now: datetime
) -> Context:
    """What the action needs to know beyond its clue (loaded only for the actions that ask)."""
    if action in (Action.MARK_DUPLICATE, Action.CLOSE_WITH_ORIGINAL):
        return Context(lookup=lambda code: _lookup(ctx, connection, code))
    if action is Action.APPROVE:
        return Context(open_notices=_open_notices(connection, row.id, row.code, now))
    return NO_CONTEXT


def _outcome(
    ctx: PushContext,
    action: Action,
    before: ClueState | None,
    item: ActionIn,
    now: datetime,
    context: Context = NO_CONTEXT,
) -> Outcome:
    book = ctx.book
    try:
        return apply_action(
            action,
            ctx.actor,
            before,
            item.payload,
            now,
            book.calendar,
            book.rules,
            ctx.units,
            context=context,
        )
    except ActionRefused as exc:
        raise Rejected("refused", exc.reason) from None
    except ValidationError as exc:
        raise Rejected("invalid", exc.text, exc.field) from None


def _close_duplicates(
    ctx: PushContext, session: Session, original: ClueState, now: datetime
) -> None:
    """Close every duplicate (重复件) of a clue that was just closed or refused, each with its
    own history entry and change, so each reporter's record shows the result."""
    connection = session.connection()
    rows = connection.execute(
        _STATE.where(Clue.duplicate_of == original.code, Clue.status == Status.DUPLICATE.value)
        .order_by(Clue.id)
        .with_for_update(of=Clue)
    ).all()
    book = ctx.book
    context = Context(lookup=lambda code: original if code == original.code else None)
    for row in rows:
        before = clue_state(row, assisting_codes(connection, row.id))
        outcome = apply_action(
            Action.CLOSE_WITH_ORIGINAL,
            ctx.actor,
            before,
            {"original": original.code},
            now,
            book.calendar,
            book.rules,
            ctx.units,
            context=context,
        )
        apply_outcome(
            session,
            ClueKey(row.id, row.code, row.registered_by_unit),
            before,
            outcome,
            action_id=str(uuid.uuid4()),
            actor=ctx.actor,
            at=now,
            seq=next_seq(session),
        )
        record_action(
            connection, book, row.id, before, outcome.state, Action.CLOSE_WITH_ORIGINAL.value, now
        )


_RECORD = insert(AppliedAction)


def _record(
    connection: Connection,
    ctx: PushContext,
    item: ActionIn,
    code: str,
    seq: int,
    now: datetime,
    provisional: str | None = None,
) -> None:
    connection.execute(
        _RECORD,
        {
            "action_id": item.action_id,
            "device_id": ctx.caller.device_id,
            "username": ctx.caller.username,
            "type": item.type,
            "clue_code": code,
            "provisional_code": provisional,
            "seq": seq,
            "applied_at": now,
        },
    )


def _unclaimed_ref(session: Session, outcome: Outcome) -> tuple[str, str] | None:
    """The (channel, channel_ref) a registration claims, None when it names no channel_ref;
    Rejected (naming the clue) when the channel already has a clue with that number."""
    draft = outcome.draft
    if draft is None or not draft.channel_ref:
        return None
    channel = draft.channel.value
    existing = session.execute(
        select(Clue.code)
        .join(IntakeRef, IntakeRef.clue_id == Clue.id)
        .where(IntakeRef.channel == channel, IntakeRef.external_id == draft.channel_ref)
    ).scalar_one_or_none()
    if existing is not None:
        raise Rejected(
            "duplicate_ref",
            Message(
                "{channel}渠道编号 {ref} 已登记为线索 {code}，不能重复登记",
                channel=Label(draft.channel.label),
                ref=draft.channel_ref,
                code=existing,
            ),
            "channel_ref",
        )
    return channel, draft.channel_ref


def _register(
    ctx: PushContext, session: Session, item: ActionIn, refs: list[AttachmentRef]
) -> dict[str, Any]:
    provisional = item.clue_code
    assert provisional is not None  # a clue action names its clue (checked by push)
    mapped = ctx.resolve(session, provisional)
    if mapped != provisional:
        raise Rejected(
            "invalid",
            Message("临时编号 {provisional} 已登记为 {code}", provisional=provisional, code=mapped),
            "clue_code",
        )
    now = ctx.platform.now()
    outcome = _outcome(ctx, Action.REGISTER, None, item, now)
    channel_ref = _unclaimed_ref(session, outcome)
    _check_uploaded(ctx, session, refs)
    code = next_code(session, now.year)
    seq = next_seq(session)
    ctx.platform.hold_after_seq(ctx.request)
    registered = insert_registered(
        session,
        outcome,
        code=code,
        action_id=item.action_id,
        actor=ctx.actor,
        at=now,
        seq=seq,
        attachments=refs,
    )
    session.add(
        ProvisionalCode(
            device_id=ctx.caller.device_id,
            provisional_code=provisional,
            code=code,
            action_id=item.action_id,
        )
    )
    if channel_ref is not None:  # claimed as intake claims it: a second one is refused
        session.add(
            IntakeRef(
                channel=channel_ref[0],
                external_id=channel_ref[1],
                clue_id=registered.id,
                created_at=now,
            )
        )
    session.flush()
    state = outcome.state.evolve(code=code)
    connection = session.connection()
    record_action(connection, ctx.book, registered.id, None, state, Action.REGISTER.value, now)
    _record(connection, ctx, item, code, seq, now, provisional)
    return {
        "action_id": item.action_id,
        "status": "applied",
        "clue_code": code,
        "provisional_code": provisional,
        "seq": seq,
        "state": state_json(outcome.state.evolve(code=code)),
        "clue": ctx.document(session, code),
    }


def _target(ctx: PushContext, connection: Connection, item: ActionIn) -> tuple[str, Target | None]:
    """The code of the clue an action names and the clue, locked (None: no such clue)."""
    named = item.clue_code
    assert named is not None  # a clue action names its clue (checked by push)
    code = ctx.codes.get(named, named)
    rows = connection.execute(TARGET, {"code": code, "action_id": item.action_id}).all()
    if not rows and named not in ctx.codes:
        mapped = ctx.resolve(connection, named)
        if mapped != named:
            code = mapped
            rows = connection.execute(TARGET, {"code": code, "action_id": item.action_id}).all()
    if not rows:
        return code, None
    units = tuple(r.assisting for r in rows if r.assisting is not None)
    return code, Target(rows[0], units)


def apply_action_to_clue(ctx: PushContext, session: Session, item: ActionIn) -> dict[str, Any]:
    """Validate and apply one action inside `session`'s write transaction; its result.

    Raises Rejected for a refusal (the caller rolls back and answers `rejected`).
    """
    connection = session.connection()
    code, target = _target(ctx, connection, item)
    if target is None or target.applied_before:
        prior = _prior(connection, item.action_id)
        if prior is not None:
            return _duplicate(ctx, session, prior, item.action_id)
    try:
        action = Action.from_command_type(item.type)
    except ValueError:
        raise Rejected(
            "unknown_type", Message("平台不支持的操作类型：{type}", type=item.type)
        ) from None
    refs = check_payload(item.payload)
    if action is Action.REGISTER:
        return _register(ctx, session, item, refs)
    if target is None:
        raise Rejected("not_found", Message("线索 {code} 不存在", code=code))
    row, assisting = target.row, target.assisting
    if not ctx.sqlite:
        # A concurrent push of the same action may have committed while this one waited for
        # the clue's row lock (PostgreSQL, READ COMMITTED): answer duplicate, not a refusal.
        # (SQLite: BEGIN IMMEDIATE already serialized the first check against it.)
        prior = _prior(connection, item.action_id)
        if prior is not None:
            return _duplicate(ctx, session, prior, item.action_id)
    viewer = ctx.viewer
    if not viewer.sees(row.county_code, row.lead_unit, row.registered_by_unit, assisting):
        raise Rejected("out_of_scope", Message("线索 {code} 不在您的办理范围内", code=code))
    if viewer.supervisor:
        raise Rejected(
            "refused", Message("纪委监委只读本辖区线索，通过建议、督办函和问责记录开展监督")
        )
    now = ctx.platform.now()
    before = clue_state(row, assisting)
    context = _context(ctx, connection, action, row, now)
    outcome = _outcome(ctx, action, before, item, now, context)
    _check_uploaded(ctx, session, refs)
    seq = next_seq(session)
    ctx.platform.hold_after_seq(ctx.request)
    apply_outcome(
        session,
        ClueKey(row.id, row.code, row.registered_by_unit),
        before,
        outcome,
        action_id=item.action_id,
        actor=ctx.actor,
        at=now,
        seq=seq,
        attachments=refs,
    )
    _record(connection, ctx, item, code, seq, now)
    after = outcome.state
    record_action(connection, ctx.book, row.id, before, after, action.value, now)
    if after.status in DONE_STATUSES and before.status not in DONE_STATUSES:
        _close_duplicates(ctx, session, after, now)
    sees = viewer.sees(
        after.county_code, after.lead_unit, row.registered_by_unit, after.assisting_units
    )
    return {
        "action_id": item.action_id,
        "status": "applied",
        "clue_code": code,
        "seq": seq,
        "state": state_json(after) if sees else None,
    }
