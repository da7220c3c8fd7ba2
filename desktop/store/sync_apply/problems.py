"""The "sync problems" list: actions the platform rejected, to discard or send again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.case_actions import CaseAction
from desktop.domain.messages import Label, Message
from desktop.domain.notices import NoticeAction
from desktop.domain.verification import RECORD_TYPE
from desktop.domain.workflow import Action
from desktop.store.database import Store
from desktop.store.models import OutboxAction
from desktop.store.sync_apply.outbox import PENDING, REJECTED
from desktop.store.sync_apply.view import rebuild, rebuild_touched
from desktop.store.sync_apply.work import Work


@dataclass(frozen=True)
class SyncProblem:
    """A rejected action kept for the "sync problems" list."""

    action_id: str
    clue_code: str
    action: str
    action_label: str
    created_at: datetime
    code: str
    reason: str
    attempts: int
    payload: dict[str, Any]


def _label(command_type: str) -> str:
    if command_type == RECORD_TYPE:
        return Message("每周核查：记录核查结果")
    try:
        return Action.from_command_type(command_type).label
    except ValueError:
        pass
    try:
        notice_action = NoticeAction.from_command_type(command_type)
        return Message("{action}通知书", action=Label(notice_action.label))
    except ValueError:
        pass
    try:
        case_action = CaseAction.from_command_type(command_type)
        return Message("行政处罚案件：{action}", action=Label(case_action.label))
    except ValueError:
        return command_type


def sync_problems(store: Store) -> list[SyncProblem]:
    """The actions the platform rejected, oldest first, with its reasons."""
    with store.session() as session:
        rows = session.scalars(
            select(OutboxAction).where(OutboxAction.state == REJECTED).order_by(OutboxAction.seq)
        ).all()
    return [
        SyncProblem(
            action_id=row.action_id,
            clue_code=row.clue_code,
            action=row.command_type,
            action_label=_label(row.command_type),
            created_at=row.created_at,
            code=row.reject_code,
            reason=row.reject_reason,
            attempts=row.attempts,
            payload=dict(row.payload or {}),
        )
        for row in rows
    ]


def _rejected(session: Session, action_id: str) -> OutboxAction:
    row = session.scalars(
        select(OutboxAction).where(
            OutboxAction.action_id == action_id, OutboxAction.state == REJECTED
        )
    ).one_or_none()
    if row is None:
        raise LookupError(Message("没有被退回的同步操作 {action}", action=action_id))
    return row


def discard_problem(store: Store, action_id: str) -> None:
    """Give up a rejected action: it leaves the outbox (the view never showed it)."""
    with store.session() as session, session.begin():
        row = _rejected(session, action_id)
        code = row.clue_code
        session.delete(row)
        session.flush()
        rebuild_touched(Work(session), [code])


def resend_problem(store: Store, action_id: str, payload: Mapping[str, Any] | None = None) -> None:
    """Queue a rejected action again (with a new device_seq); the view replays it if allowed.

    `payload` replaces the action's payload: the user fixed what the platform refused.
    """
    with store.session() as session, session.begin():
        row = _rejected(session, action_id)
        if payload is not None:
            row.payload = dict(payload)
        row.state = PENDING
        row.reject_code = row.reject_reason = ""
        row.device_seq = None
        session.flush()
        rebuild(Work(session), row.clue_code)
