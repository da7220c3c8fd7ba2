"""The outbox as sync sees it: action states, a clue's pending actions, the files they cite."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


def payload_files(payload: Any) -> list[tuple[str, str]]:
    """The (sha256, name) pairs an action payload cites under "attachments"."""
    if not isinstance(payload, Mapping):
        return []
    found = []
    for item in payload.get("attachments") or []:
        if isinstance(item, Mapping) and isinstance(item.get("sha256"), str):
            found.append((str(item["sha256"]), str(item.get("name") or "")))
    return found
