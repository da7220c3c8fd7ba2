"""What the store-side sync steps share inside one transaction: the session with the rules
loaded once for replays, clue lookup, search-index upkeep and bulk deletes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, delete, select
from sqlalchemy.orm import Session

from desktop.domain.calendar import WorkCalendar
from desktop.domain.rules import Rules
from desktop.domain.units import UnitInfo
from desktop.store.clue_rows import load_calendar, load_directory, load_rules
from desktop.store.models import Clue
from desktop.store.search import index_clues, unindex_clue

SearchValues = tuple[str, str, str, str]
"""What the search index holds of a clue: code, subject, address, description."""

SEARCHED = (Clue.code, Clue.subject_name, Clue.address, Clue.description)
"""The columns of `SearchValues`, for queries that feed `search_values`."""

CHUNK = 500
"""Parameters per IN (...) list."""


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    """`items` in slices of at most `size` (for IN lists)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def search_values(row: Any) -> SearchValues:
    """The indexed fields of a clue row (an ORM row or a row of `SEARCHED` columns)."""
    return (row.code, row.subject_name, row.address, row.description)


class Work:
    """One transaction's helpers: the session, and the rules loaded once for replays."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._rules: tuple[dict[str, UnitInfo], Rules, WorkCalendar] | None = None

    @property
    def connection(self) -> Connection:
        """The transaction's connection (for the full-text index)."""
        return self.session.connection()

    def rules(self) -> tuple[dict[str, UnitInfo], Rules, WorkCalendar]:
        """Directory, rules and calendar, as `apply_action` needs them."""
        if self._rules is None:
            rules = load_rules(self.session)
            self._rules = (load_directory(self.session), rules, load_calendar(self.session, rules))
        return self._rules

    def clue(self, code: str) -> Clue | None:
        """The clue row with `code`, if any (fresh from the database)."""
        statement = select(Clue).where(Clue.code == code)
        statement = statement.execution_options(populate_existing=True)
        return self.session.scalars(statement).one_or_none()

    def reindex(self, clue_id: int, old: SearchValues | None, new: SearchValues) -> None:
        """Keep the search index right after a clue's searched fields may have changed."""
        if old == new:
            return
        if old is not None:
            unindex_clue(self.connection, clue_id, old)
        index_clues(self.connection, [(clue_id, new)])

    def delete_clue(self, row: Clue) -> None:
        """Remove a clue with its history, units, attachment links and index entry."""
        unindex_clue(self.connection, row.id, search_values(row))
        self.session.delete(row)
        self.session.flush()

    def delete_clues(self, *where: ColumnElement[bool]) -> int:
        """Delete the clues matching `where` with history, units, links and index entries."""
        session = self.session
        session.flush()
        rows = session.execute(select(Clue.id, *SEARCHED).where(*where)).all()
        for row in rows:
            unindex_clue(self.connection, row.id, search_values(row))
        for ids in chunks([row.id for row in rows]):
            session.execute(
                delete(Clue).where(Clue.id.in_(ids)).execution_options(synchronize_session=False)
            )
        session.expire_all()
        return len(rows)
