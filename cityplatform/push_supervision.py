"""Applying one pushed action on a commission's own record (`suggestion.*.v1`,
`accountability.*.v1`) inside its own write transaction; such an action names no clue.

Checked in the protocol's order — duplicate (the action id in the record's history), unknown
type, payload types, record not found / out of sight, the shared rules (who may act, the
values, the origin of an accountability record), a suggestion's number unused by its
commission that year, the files a reply cites uploaded — then written with a new change seq,
so the record comes in the next supervision feed of everyone who sees it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from cityplatform.attachment_rights import citable
from cityplatform.changes import next_seq
from cityplatform.domainmap import assisting_codes, clue_state
from cityplatform.models import Clue, Suggestion, SuggestionAttachment, WarningEpisodeRow
from cityplatform.payloads import Rejected, checked_payload
from cityplatform.push_context import PushContext
from cityplatform.supervision_records import SUGGESTIONS, SupervisionKind
from cityplatform.supervision_scope import sees_record
from desktop.domain.accountability import Origins, apply_accountability_action
from desktop.domain.clue import ClueState
from desktop.domain.messages import Label, Message
from desktop.domain.suggestions import SuggestionState, apply_suggestion_action
from desktop.domain.supervision_common import RecordOutcome, red_now
from desktop.domain.validators import ValidationError
from desktop.wire.sync import ActionIn


def _prior(session: Session, kind: SupervisionKind, action_id: str) -> Any:
    event = kind.event_model
    return session.execute(
        select(getattr(event, kind.id_key).label("record_id"), event.seq).where(
            event.action_id == action_id
        )
    ).first()


def _duplicate(
    ctx: PushContext, session: Session, kind: SupervisionKind, item: ActionIn, prior: Any
) -> dict[str, Any]:
    return {
        "action_id": item.action_id,
        "status": "duplicate",
        "seq": prior.seq,
        kind.name: _visible_document(ctx, session, kind, prior.record_id),
    }


def _visible_document(
    ctx: PushContext, session: Session, kind: SupervisionKind, record_id: str
) -> dict[str, Any] | None:
    row = session.execute(
        kind.select_rows().where(getattr(kind.model, kind.id_key) == record_id)
    ).first()
    if row is None or not sees_record(ctx.viewer, row.own, row.addressed, row.area_county):
        return None
    return kind.documents(session, [row])[0]


def _clue_lookup(ctx: PushContext, session: Session) -> Any:
    def lookup(code: str) -> ClueState | None:
        row = session.scalar(select(Clue).where(Clue.code == ctx.resolve(session, code)))
        if row is None:
            return None
        assisting = assisting_codes(session, row.id)
        return clue_state(row, assisting) if ctx.viewer.sees_row(row, assisting) else None

    return lookup


def _suggestion_lookup(ctx: PushContext, session: Session) -> Any:
    def lookup(suggestion_id: str) -> SuggestionState | None:
        document = _visible_document(ctx, session, SUGGESTIONS, suggestion_id)
        return SuggestionState.from_dict(document) if document is not None else None

    return lookup


def _ever_red(session: Session, code: str) -> bool:
    """Whether the clue's warning record holds a level-3 episode."""
    found = session.execute(
        select(WarningEpisodeRow.id)
        .join(Clue, Clue.id == WarningEpisodeRow.clue_id)
        .where(Clue.code == code, WarningEpisodeRow.level == 3)
        .limit(1)
    ).first()
    return found is not None


def _rules(
    ctx: PushContext,
    session: Session,
    kind: SupervisionKind,
    action: Any,
    before: Any,
    item: ActionIn,
) -> RecordOutcome:
    now, book = ctx.platform.now(), ctx.book
    clues = _clue_lookup(ctx, session)
    try:
        if kind is SUGGESTIONS:
            return apply_suggestion_action(
                action, ctx.actor, before, item.payload, now, book.calendar, ctx.units, lookup=clues
            )

        def red(code: str) -> bool:
            clue = clues(code)
            if clue is None:
                return False
            return red_now(clue, now, book.calendar, book.rules) or _ever_red(session, code)

        origins = Origins(clues, red, _suggestion_lookup(ctx, session))
        return apply_accountability_action(
            action, ctx.actor, before, item.payload, now, ctx.units, origins
        )
    except kind.refused as exc:
        raise Rejected("refused", exc.reason) from None
    except ValidationError as exc:
        reason = Message(
            "{field}：{message}", field=Label(kind.field_label(exc.field)), message=exc.message
        )
        raise Rejected("invalid", reason, exc.field) from None


def _check_number(session: Session, state: SuggestionState) -> None:
    """A commission uses a document number once a year."""
    used = session.scalar(
        select(Suggestion.suggestion_id).where(
            Suggestion.issuing_unit == state.issuing_unit,
            Suggestion.number_year == state.issued_at.year,
            Suggestion.number == state.number,
            Suggestion.suggestion_id != state.suggestion_id,
        )
    )
    if used is not None:
        raise Rejected(
            "invalid", Message("文号 {number} 本年度已使用", number=state.number), "number"
        )


def _check_files(ctx: PushContext, session: Session, outcome: RecordOutcome) -> list[Any]:
    state = outcome.state
    if not isinstance(state, SuggestionState) or state.latest_reply is None:
        return []
    if outcome.action.value != "reply":
        return []
    files = list(state.latest_reply.attachments)
    if not files:
        return []
    allowed = citable(session, ctx.viewer, ctx.caller.device_id, {f.sha256 for f in files})
    missing = [f for f in files if f.sha256 not in allowed]
    if missing:
        raise Rejected(
            "attachment_missing",
            Message(
                "附件尚未由本设备完整上传：{names}（请先上传附件文件再提交）",
                names=tuple(f.name for f in missing),
            ),
            "attachments",
        )
    return files


def apply_supervision_action(
    kind: SupervisionKind, ctx: PushContext, session: Session, item: ActionIn
) -> dict[str, Any]:
    """Validate and apply one action on a commission record inside `session`'s write
    transaction; raises Rejected for a refusal (the caller rolls back and answers it)."""
    prior = _prior(session, kind, item.action_id)
    if prior is not None:
        return _duplicate(ctx, session, kind, item, prior)
    try:
        action = kind.action_of(item.type)
    except ValueError:
        raise Rejected(
            "unknown_type", Message("平台不支持的操作类型：{type}", type=item.type)
        ) from None
    checked_payload(kind.payload_model, item.payload)
    model = kind.model
    record_id = str(item.payload[kind.id_key])
    existing = session.execute(
        select(
            model.id,
            model.state,
            getattr(model, kind.own_column).label("own"),
            getattr(model, kind.addressed_column).label("addressed"),
            model.area_county,
        )
        .where(getattr(model, kind.id_key) == record_id)
        .with_for_update(of=model)
    ).first()
    before: Any = None
    if action is kind.creates:
        if existing is not None:
            raise Rejected("invalid", Message("{noun}已存在", noun=Label(kind.noun)), kind.id_key)
    else:
        visible = existing is not None and sees_record(
            ctx.viewer, existing.own, existing.addressed, existing.area_county
        )
        if not visible:
            raise Rejected("not_found", Message("{noun}不存在", noun=Label(kind.noun)))
        assert existing is not None
        before = kind.from_dict(existing.state)
    outcome = _rules(ctx, session, kind, action, before, item)
    after = outcome.state
    if isinstance(after, SuggestionState):
        _check_number(session, after)
    files = _check_files(ctx, session, outcome)
    now = ctx.platform.now()
    seq = next_seq(session)
    ctx.platform.hold_after_seq(ctx.request)
    values = {"seq": seq, **kind.row_values(after, ctx.units)}
    key = getattr(after, kind.id_key)
    if existing is None:
        session.execute(
            insert(model).values(**{kind.id_key: key}, created_at=after.created_at, **values)
        )
    else:
        session.execute(update(model).where(model.id == existing.id).values(**values))
    session.execute(
        insert(kind.event_model).values(
            **{kind.id_key: key},
            seq=seq,
            action_id=item.action_id,
            action=outcome.action.value,
            username=ctx.actor.username,
            unit_code=ctx.actor.unit.code,
            device_id=ctx.actor.device_id,
            at=now,
            from_status=outcome.from_status.value if outcome.from_status else None,
            to_status=after.status.value,
            note=outcome.note,
            details=dict(outcome.details),
        )
    )
    for ref in files:
        exists = session.scalar(
            select(SuggestionAttachment.sha256).where(
                SuggestionAttachment.suggestion_id == key, SuggestionAttachment.sha256 == ref.sha256
            )
        )
        if exists is None:
            session.execute(
                insert(SuggestionAttachment).values(
                    suggestion_id=key, sha256=ref.sha256, name=ref.name
                )
            )
    return {
        "action_id": item.action_id,
        "status": "applied",
        "seq": seq,
        kind.name: kind.document(session, key),
    }
