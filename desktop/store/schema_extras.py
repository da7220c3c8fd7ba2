"""Schema the models cannot express: the full-text index and the append-only guard."""

from __future__ import annotations

from typing import Any

SEARCH_TABLE = "clue_search"

CREATE_SEARCH = (
    f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5("
    "code, subject, address, description, content='', "
    "tokenize=\"unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*' separators ' '\")"
)

CREATE_HISTORY_GUARD = """
CREATE TRIGGER clue_events_append_only BEFORE UPDATE OF
    clue_id, action_id, action, username, unit_code, device_id, at, from_status, to_status,
    note, details
ON clue_events
BEGIN
    SELECT RAISE(ABORT, 'clue history is append-only');
END
"""

EXTRA_TABLE_PREFIXES = (SEARCH_TABLE,)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Keep the FTS shadow tables out of autogenerate comparisons."""
    if type_ == "table" and name is not None and name.startswith(EXTRA_TABLE_PREFIXES):
        return False
    return True
