"""What an action needs to know beyond its clue, read from the store: other clues, notices."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.clue import ClueState
from desktop.domain.notice_actions import UNCLOSED_STATUSES, unclosed_notices
from desktop.domain.notices import NoticeState
from desktop.domain.workflow import NO_CONTEXT, Action, Context
from desktop.store.clue_rows import clue_state
from desktop.store.models import Clue, Notice


def _lookup(session: Session, code: str) -> ClueState | None:
    row = session.scalars(select(Clue).where(Clue.code == code)).one_or_none()
    return clue_state(session, row) if row is not None else None


def _open_notices(session: Session, clue_id: int, now: datetime) -> list[str]:
    rows = session.scalars(
        select(Notice.state)
        .where(Notice.clue_id == clue_id, Notice.status.in_([s.value for s in UNCLOSED_STATUSES]))
        .order_by(Notice.id)
    )
    return unclosed_notices((NoticeState.from_dict(data) for data in rows), now)


def action_context(session: Session, action: Action, clue_id: int | None, now: datetime) -> Context:
    """The context of `action` on the clue `clue_id` (None: a new clue) inside `session`."""
    if action in (Action.MARK_DUPLICATE, Action.CLOSE_WITH_ORIGINAL):
        return Context(lookup=lambda code: _lookup(session, code))
    if action is Action.APPROVE and clue_id is not None:
        return Context(open_notices=_open_notices(session, clue_id, now))
    return NO_CONTEXT
