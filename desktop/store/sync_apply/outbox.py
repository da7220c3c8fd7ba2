"""The outbox as sync sees it: action states, a clue's pending actions, the files they cite."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop.domain.workflow import Action
from desktop.store.models import OutboxAction

PENDING, REJECTED = "pending", "rejected"
"""Outbox states: waiting to be pushed, or refused by the platform (a sync problem)."""

REGISTER_TYPE = Action.REGISTER.command_type


def pending_codes() -> Select[str]:
    """SELECT of the clue codes pending actions name (clues a reset must keep)."""
    return select(OutboxAction.clue_code).where(OutboxAction.state == PENDING)


def pending_actions(session: Session, code: str) -> list[OutboxAction]:
    """The pending actions of a clue, in the order they were taken."""
    return list(
        session.scalars(
            select(OutboxAction)
            .where(OutboxAction.clue_code == code, OutboxAction.state == PENDING)
            .order_by(OutboxAction.seq)
        )
    )
