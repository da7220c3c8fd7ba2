"""Applying a pull page: the platform's clues, tombstones and the cursor, in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from desktop.store.database import Store
from desktop.store.models import Clue, OutboxAction
from desktop.store.sync_apply.outbox import REGISTER_TYPE
from desktop.store.sync_apply.parse import Change, ServerClue, SyncDataError, parse_changes
from desktop.store.sync_apply.reset import sweep_if_resetting
from desktop.store.sync_apply.state import save_cursor
from desktop.store.sync_apply.view import rebuild_touched, rename
from desktop.store.sync_apply.work import Work, chunks
from desktop.store.sync_apply.write import check_units, write_server_clues


@dataclass(frozen=True)
class PageResult:
    """What applying a pull page did."""

    clues: int
    skipped: int
    tombstones: int


def apply_pull_page(store: Store, changes: Any, cursor: Any, *, more: bool = True) -> PageResult:
    """Apply a pull page and store its cursor, in one transaction (both or neither).

    A clue not newer than ours is skipped, so re-applying a page is harmless. `more=False`
    (the end marker) also finishes a reset: platform clues the full pull did not bring back
    are deleted. Raises SyncDataError (nothing changed) for a malformed page and
    UnknownUnitsError when clues name units the directory lacks.
    """
    parsed = parse_changes(changes)
    if not isinstance(cursor, str) or not cursor:
        raise SyncDataError("cursor", f"应为非空字符串，而不是 {cursor!r}")
    clues = [c.clue for c in parsed if c.clue is not None]
    try:
        return _apply(store, parsed, clues, cursor, more)
    except IntegrityError as exc:  # e.g. one history entry on two clues: refused whole
        raise SyncDataError("changes", "与本地已有的记录冲突（同一操作出现在两条线索上）") from exc


def _apply(
    store: Store, parsed: list[Change], clues: list[ServerClue], cursor: str, more: bool
) -> PageResult:
    with store.session() as session, session.begin():
        check_units(session, clues)
        work = Work(session)
        touched = _settle_confirmed(work, clues)
        final = {change.code: change for change in parsed}  # the newest change of each clue
        batch = [c.clue for c in final.values() if c.clue is not None]
        written = write_server_clues(work, batch)
        touched.extend(written)
        gone = [code for code, c in final.items() if c.clue is None]
        tombstones = sum(
            work.delete_clues(Clue.code.in_(codes), Clue.provisional.is_(False))
            for codes in chunks(gone)
        )
        rebuild_touched(work, touched)
        if not more:
            sweep_if_resetting(work)
        save_cursor(session, cursor)
    return PageResult(len(written), len(batch) - len(written), tombstones)


def _settle_confirmed(work: Work, clues: Sequence[ServerClue]) -> list[str]:
    """Outbox actions the platform's history already holds leave the outbox (a lost answer).

    A register found there renames its provisional clue to the platform's code first.
    """
    session = work.session
    outbox = {a.action_id: a for a in session.scalars(select(OutboxAction))}
    touched: list[str] = []
    if not outbox:
        return touched
    for clue in clues:
        recorded = [e.action_id for e in clue.events]
        recorded += [e.action_id for notice in clue.notices for e in notice.events]
        recorded += [e.action_id for case in clue.cases for e in case.events]
        for action_id in recorded:
            act = outbox.pop(action_id, None)
            if act is None:
                continue
            if act.command_type == REGISTER_TYPE and act.clue_code != clue.code:
                rename(work, act.clue_code, clue.code)
            session.delete(act)
            touched.append(clue.code)
    session.flush()
    return touched
