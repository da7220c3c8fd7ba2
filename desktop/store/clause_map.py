"""The editable clause map (问题类型 → clauses), seeded from resources/notices/clause_map.json.

Like the clause library: the seed file is merged when the map is first read and again when
it changes; new rows are added, unedited ones updated, what the user edited or removed stays.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.clause_map import (
    ClauseMap,
    ProblemKind,
    clause_map_text,
    parse_clause_map,
    validate_problem_kind,
)
from desktop.domain.messages import Message
from desktop.domain.timeutil import china_now, to_china
from desktop.domain.validators import ValidationError
from desktop.store.clause_library import clause_library
from desktop.store.database import Store
from desktop.store.models import LibraryProblemKind, SyncState

SEED_KEY = "clause_map_seed"
"""Sync state key: the fingerprint of the seed file last merged into the map."""


def _data(row: ProblemKind) -> dict[str, list[str]]:
    return {
        "violated": list(row.violated),
        "penalty": list(row.penalty),
        "basis": list(row.basis),
        "keywords": list(row.keywords),
    }


def _row(stored: LibraryProblemKind) -> ProblemKind:
    data = stored.data if isinstance(stored.data, dict) else {}
    return ProblemKind.from_dict(
        {"key": stored.key, "category": stored.category, "name": stored.name, **data}
    )


def merge_seed(session: Session, rows: Iterable[ProblemKind], now: datetime) -> None:
    """Add new seed rows and update unedited ones (in the caller's transaction)."""
    existing = {row.key: row for row in session.scalars(select(LibraryProblemKind))}
    for position, row in enumerate(rows):
        stored = existing.get(row.key)
        if stored is None:
            session.add(
                LibraryProblemKind(
                    key=row.key,
                    category=row.category,
                    name=row.name,
                    data=_data(row),
                    position=position,
                    hidden=False,
                    edited=False,
                    updated_at=now,
                )
            )
        elif not stored.edited and not stored.hidden:
            stored.category, stored.name, stored.data = row.category, row.name, _data(row)
            stored.position = position
    session.flush()


def ensure_seeded(session: Session, text: str | None = None) -> None:
    """Merge the seed file into the map if it changed since the last merge."""
    text = clause_map_text() if text is None else text
    if text is None:
        return
    stamp = hashlib.sha256(text.encode()).hexdigest()
    state = session.get(SyncState, SEED_KEY)
    if state is not None and state.value == stamp:
        return
    merge_seed(session, parse_clause_map(json.loads(text)).rows, china_now())
    session.merge(SyncState(key=SEED_KEY, value=stamp))


def load_clause_map(store: Store) -> ClauseMap:
    """The clause map as this device's users left it, in order."""
    with store.session() as session, session.begin():
        ensure_seeded(session)
        rows = session.scalars(
            select(LibraryProblemKind)
            .where(LibraryProblemKind.hidden.is_(False))
            .order_by(LibraryProblemKind.position, LibraryProblemKind.key)
        )
        return ClauseMap(tuple(_row(row) for row in rows))


def save_problem_kind(
    store: Store, row: ProblemKind, *, now: datetime | None = None
) -> ProblemKind:
    """Add a row to the map or change one (it is then never overwritten by a seed).

    Raises ValidationError naming the field (`name`, `violated`, `penalty`, `basis` …); a
    clause id the library lacks is refused at its field.
    """
    known = [clause.clause_id for clause in clause_library(store, include_hidden=True)]
    checked = validate_problem_kind(row.to_dict(), known)
    moment = to_china(now) if now is not None else china_now()
    with store.session() as session, session.begin():
        ensure_seeded(session)
        stored = session.get(LibraryProblemKind, checked.key)
        if stored is None:
            last = session.scalar(select(func.max(LibraryProblemKind.position)))
            stored = LibraryProblemKind(key=checked.key, position=(last or 0) + 1)
            session.add(stored)
        stored.category, stored.name, stored.data = checked.category, checked.name, _data(checked)
        stored.hidden, stored.edited, stored.updated_at = False, True, moment
    return checked


def remove_problem_kind(store: Store, key: str) -> None:
    """Take a row out of the map (notices that cited its clauses keep them)."""
    with store.session() as session, session.begin():
        ensure_seeded(session)
        stored = session.get(LibraryProblemKind, key)
        if stored is None:
            raise ValidationError("key", Message("问题类型对照表中没有「{key}」", key=key))
        stored.hidden = True


__all__ = ["load_clause_map", "remove_problem_kind", "save_problem_kind"]
