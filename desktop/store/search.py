"""Substring search over Chinese text: an FTS5 index of character bigrams.

Chinese has no spaces between words and most words are two characters, so every field is
indexed as its overlapping bigrams plus its last character. A query of two or more
characters is the phrase of its bigrams (exactly a substring match, answered by the index);
a one-character query is a prefix query on the bigrams.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, text

from desktop.store.schema_extras import SEARCH_TABLE

SEARCHED_FIELDS = ("code", "subject", "address", "description")


def _squash(value: str) -> str:
    return "".join(value.split()).lower()


def bigrams(value: str) -> str:
    """The index form of a text: its overlapping bigrams and last character, space-separated."""
    squashed = _squash(value)
    if not squashed:
        return ""
    pairs = [squashed[i : i + 2] for i in range(len(squashed) - 1)]
    pairs.append(squashed[-1])
    return " ".join(pairs)


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for a search box text (words ANDed); None if empty."""
    terms = []
    for word in query.split():
        word = word.lower()
        quoted = word.replace('"', '""')
        if len(word) == 1:
            terms.append(f'"{quoted}"*')
        else:
            phrase = " ".join(quoted[i : i + 2] for i in range(len(quoted) - 1))
            terms.append(f'"{phrase}"')
    return " AND ".join(terms) if terms else None


INSERT_SQL = (
    f"INSERT INTO {SEARCH_TABLE}(rowid, code, subject, address, description) VALUES (?, ?, ?, ?, ?)"
)


def _row(values: Sequence[str]) -> dict[str, str]:
    return {name: bigrams(value or "") for name, value in zip(SEARCHED_FIELDS, values, strict=True)}


def index_params(rows: Iterable[tuple[int, Sequence[str]]]) -> list[tuple[object, ...]]:
    """Driver parameters of `INSERT_SQL` for (clue id, (code, subject, address, description))."""
    return [(clue_id, *(bigrams(value or "") for value in values)) for clue_id, values in rows]


def index_clues(connection: Connection, rows: Iterable[tuple[int, Sequence[str]]]) -> None:
    """Add clues to the index: (clue id, (code, subject, address, description)) each."""
    params = index_params(rows)
    if params:
        connection.exec_driver_sql(INSERT_SQL, params)


def unindex_clue(connection: Connection, clue_id: int, values: Sequence[str]) -> None:
    """Remove a clue from the contentless index; `values` must be what was indexed."""
    connection.execute(
        text(
            f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, code, subject, address, "
            "description) VALUES ('delete', :rowid, :code, :subject, :address, :description)"
        ),
        {"rowid": clue_id, **_row(values)},
    )
