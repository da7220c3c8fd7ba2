"""The editable library of the clauses clerks cite, seeded from resources/notices/clauses.json.

The seed file is read when the library is first used and again whenever it changes (a newer
cluedesk): new clauses are added, unedited ones updated; what the user edited or removed
stays as the user left it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from importlib.resources import files
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.messages import Message
from desktop.domain.notices import Clause
from desktop.domain.timeutil import china_now, to_china
from desktop.domain.validators import ValidationError, require_text
from desktop.store.database import Store
from desktop.store.models import LibraryClause, SyncState

SEED_KEY = "clause_seed"
"""Sync state key: the fingerprint of the seed file last merged into the library."""


def seed_text() -> str | None:
    """The seed file's text, or None when cluedesk ships none."""
    try:
        return files("resources").joinpath("notices", "clauses.json").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None


def parse_seed(text: str) -> list[Clause]:
    """The clauses of a seed file: a list of {"id", "law", "article", "text"} (or such a
    list under "clauses"); entries without an id or text are skipped."""
    data: Any = json.loads(text)
    if isinstance(data, Mapping):
        data = data.get("clauses", [])
    out = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, Mapping) and item.get("id") and item.get("text"):
            out.append(Clause.from_dict({"law": "", "article": "", **item}))
    return out


def merge_seed(session: Session, clauses: Iterable[Clause], now: datetime) -> None:
    """Add new seed clauses and update unedited ones (in the caller's transaction)."""
    existing = {row.clause_id: row for row in session.scalars(select(LibraryClause))}
    for position, clause in enumerate(clauses):
        row = existing.get(clause.clause_id)
        if row is None:
            session.add(
                LibraryClause(
                    clause_id=clause.clause_id,
                    law=clause.law,
                    article=clause.article,
                    text=clause.text,
                    position=position,
                    hidden=False,
                    edited=False,
                    updated_at=now,
                )
            )
        elif not row.edited and not row.hidden:
            row.law, row.article, row.text = clause.law, clause.article, clause.text
            row.position = position
    session.flush()


def ensure_seeded(session: Session, text: str | None = None) -> None:
    """Merge the seed file into the library if it changed since the last merge."""
    text = seed_text() if text is None else text
    if text is None:
        return
    stamp = hashlib.sha256(text.encode()).hexdigest()
    row = session.get(SyncState, SEED_KEY)
    if row is not None and row.value == stamp:
        return
    merge_seed(session, parse_seed(text), china_now())
    session.merge(SyncState(key=SEED_KEY, value=stamp))


def _clause(row: LibraryClause) -> Clause:
    return Clause(row.clause_id, row.law, row.article, row.text)


def clauses_by_id(session: Session, ids: Iterable[str]) -> dict[str, Clause]:
    """Library clauses by id (hidden ones too: a notice may cite what was later removed)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    ensure_seeded(session)
    rows = session.scalars(select(LibraryClause).where(LibraryClause.clause_id.in_(wanted)))
    return {row.clause_id: _clause(row) for row in rows}


def clause_library(store: Store, *, include_hidden: bool = False) -> list[Clause]:
    """The clauses to pick from, in library order."""
    with store.session() as session, session.begin():
        ensure_seeded(session)
        statement = select(LibraryClause).order_by(LibraryClause.position, LibraryClause.clause_id)
        if not include_hidden:
            statement = statement.where(LibraryClause.hidden.is_(False))
        return [_clause(row) for row in session.scalars(statement)]


def save_clause(store: Store, clause: Clause, *, now: datetime | None = None) -> Clause:
    """Add a clause to the library or change one (it is then never overwritten by a seed).

    Raises ValidationError naming the field (`id`, `law`, `article`, `text`).
    """
    clause_id = require_text(clause.clause_id, "id", 64)
    checked = Clause(
        clause_id,
        require_text(clause.law, "law", 100),
        require_text(clause.article, "article", 50),
        require_text(clause.text, "text", 4000),
    )
    moment = to_china(now) if now is not None else china_now()
    with store.session() as session, session.begin():
        ensure_seeded(session)
        row = session.get(LibraryClause, clause_id)
        if row is None:
            last = session.scalar(select(func.max(LibraryClause.position)))
            row = LibraryClause(clause_id=clause_id, position=(last or 0) + 1)
            session.add(row)
        row.law, row.article, row.text = checked.law, checked.article, checked.text
        row.hidden, row.edited, row.updated_at = False, True, moment
    return checked


def remove_clause(store: Store, clause_id: str) -> None:
    """Take a clause out of the picker (notices citing it keep their text)."""
    with store.session() as session, session.begin():
        ensure_seeded(session)
        row = session.get(LibraryClause, clause_id)
        if row is None:
            raise ValidationError("id", Message("条款库中没有「{clause}」", clause=clause_id))
        row.hidden = True
