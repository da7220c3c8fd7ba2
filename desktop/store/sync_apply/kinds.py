"""The kinds of clue sub-records sync keeps (notices, penalty cases): how a queued action on
each is taken again, for the generic mechanism of `records`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.cases import (
    CaseAction,
    CaseActionOutcome,
    CaseRefused,
    CaseState,
    apply_case_action,
)
from desktop.domain.clue import ClueState
from desktop.domain.notices import (
    NoticeAction,
    NoticeOutcome,
    NoticeRefused,
    NoticeState,
    apply_notice_action,
)
from desktop.domain.units import Actor
from desktop.store.case_rows import CASES
from desktop.store.models import Clue, Notice, OutboxAction
from desktop.store.notice_rows import NOTICES
from desktop.store.sync_apply.records import SyncedKind, queued_number
from desktop.store.sync_apply.work import Work, chunks


def _replay_notice(
    work: Work,
    act: OutboxAction,
    actor: Actor,
    state: NoticeState | None,
    clue: ClueState,
    context: Any,
) -> NoticeOutcome:
    units, rules, calendar = work.rules()
    return apply_notice_action(
        NoticeAction.from_command_type(act.command_type),
        actor,
        state,
        act.payload,
        act.created_at,
        calendar,
        rules,
        units,
        clue=clue,
        number=queued_number(act.payload),
    )


def clue_notices(session: Session, clue_id: int, clue_code: str) -> list[NoticeState]:
    """The notices of a clue as the store shows them (what a filing may link)."""
    rows = session.scalars(select(Notice.state).where(Notice.clue_id == clue_id))
    return [NoticeState.from_dict(data).evolve(clue_code=clue_code) for data in rows]


def _replay_case(
    work: Work,
    act: OutboxAction,
    actor: Actor,
    state: CaseState | None,
    clue: ClueState,
    notices: Sequence[NoticeState],
) -> CaseActionOutcome:
    units, rules, calendar = work.rules()
    return apply_case_action(
        CaseAction.from_command_type(act.command_type),
        actor,
        state,
        act.payload,
        act.created_at,
        calendar,
        rules,
        units,
        clue=clue,
        notices=notices,
        number=queued_number(act.payload),
    )


SYNCED_NOTICES = SyncedKind(rows=NOTICES, replay=_replay_notice, refused=NoticeRefused)
"""Notices as sync keeps them."""

SYNCED_CASES = SyncedKind(
    rows=CASES,
    replay=_replay_case,
    refused=CaseRefused,
    context=lambda session, row: clue_notices(session, row.id, row.code),
)
"""Penalty cases as sync keeps them (a replayed filing may link the clue's notices)."""

SYNCED_KINDS: tuple[SyncedKind[Any], ...] = (SYNCED_NOTICES, SYNCED_CASES)
"""Every kind, in the order a clue's view rebuilds them (cases may link notices)."""


def clue_ids(session: Session, codes: Sequence[str]) -> dict[str, int]:
    """Row ids of clues by code."""
    found: dict[str, int] = {}
    for chunk in chunks(list(dict.fromkeys(codes))):
        found.update(session.execute(select(Clue.code, Clue.id).where(Clue.code.in_(chunk))).all())
    return found
