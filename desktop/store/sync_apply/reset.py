"""Reset by mark-and-sweep: forget the cursor and mark the platform's clues, let the full
pull rewrite what is still in scope, and sweep the rest when it ends.

The outbox (pending and rejected actions) and provisional clues survive a reset; so do the
clues pending actions still need.
"""

from __future__ import annotations

from sqlalchemy import func, select, update

from desktop.store.database import Store
from desktop.store.models import Clue
from desktop.store.sync_apply.outbox import pending_codes
from desktop.store.sync_apply.state import get_value, put_value, save_cursor
from desktop.store.sync_apply.work import Work

FULL_RESYNC = "full_resync"
"""Sync state key: a reset marked the platform clues and the full pull has not ended yet."""


def sweep_if_resetting(work: Work) -> None:
    """End of a full pull: drop the marked clues it did not bring back, unless still needed."""
    session = work.session
    if not get_value(session, FULL_RESYNC):
        return
    work.delete_clues(
        Clue.server_version == 0, Clue.provisional.is_(False), Clue.code.not_in(pending_codes())
    )
    put_value(session, FULL_RESYNC, None)


def reset_server_data(store: Store, *, drop: bool = False) -> int:
    """Answer `reset_required`: forget the cursor and mark every platform clue for re-pull.

    The outbox (pending and rejected actions) and provisional clues are kept; the full pull
    that follows rewrites the clues still in scope and its last page deletes the rest.
    `drop` deletes the platform clues no pending action needs right away instead (another
    account takes the store over). Returns the number of platform clues marked or dropped.
    """
    with store.session() as session, session.begin():
        platform_clue = Clue.provisional.is_(False)
        count = session.scalar(select(func.count()).select_from(Clue).where(platform_clue))
        if drop:
            Work(session).delete_clues(platform_clue, Clue.code.not_in(pending_codes()))
        session.execute(update(Clue).where(platform_clue).values(server_version=0))
        save_cursor(session, None)
        put_value(session, FULL_RESYNC, True)
    return int(count or 0)
