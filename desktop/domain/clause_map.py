"""The clause map: which clauses a kind of problem (问题类型) violates, which article punishes it
and which article the order to correct it rests on, per pollution category.

Shipped as data (resources/notices/clause_map.json) and edited by users in the store like the
clause library. A row names clause ids of the library: `violated` (违反的条款), `penalty` (罚则)
and `basis` (责令改正的依据, usually the penalty article itself, which says 责令改正).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from desktop.domain.messages import Message
from desktop.domain.validators import ValidationError, require_text

ANY_CATEGORY = ""
"""The category of a row that fits every category (e.g. 未批先建)."""
ID_SEPARATOR = "、"
"""How clause ids and keywords are listed in one line of text."""


def split_ids(text: str) -> tuple[str, ...]:
    """The ids (or keywords) of a line: separated by 、, commas or spaces."""
    for mark in ("，", ",", " ", "　"):
        text = text.replace(mark, ID_SEPARATOR)
    return tuple(part.strip() for part in text.split(ID_SEPARATOR) if part.strip())


def join_ids(ids: Iterable[str]) -> str:
    """A line listing ids (or keywords), as `split_ids` reads it."""
    return ID_SEPARATOR.join(ids)


@dataclass(frozen=True)
class ProblemKind:
    """One row of the clause map: a kind of problem and the clauses it brings."""

    key: str
    category: str
    name: str
    violated: tuple[str, ...] = ()
    penalty: tuple[str, ...] = ()
    basis: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    def fits(self, category: str) -> bool:
        """Whether the row is offered for a clue of `category`."""
        return self.category in (ANY_CATEGORY, category)

    @property
    def key_clauses(self) -> tuple[str, ...]:
        """The clauses that decide whose matter this is: the penalty, else the basis, else
        the violated clauses."""
        return self.penalty or self.basis or self.violated

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the seed file's keys)."""
        return {
            "key": self.key,
            "category": self.category,
            "name": self.name,
            "violated": list(self.violated),
            "penalty": list(self.penalty),
            "basis": list(self.basis),
            "keywords": list(self.keywords),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ProblemKind:
        """Read a row object as it is (trusted data; see `validate_problem_kind`)."""

        def ids(name: str) -> tuple[str, ...]:
            return tuple(str(item) for item in data.get(name) or ())

        return cls(
            key=str(data["key"]),
            category=str(data.get("category") or ""),
            name=str(data.get("name") or ""),
            violated=ids("violated"),
            penalty=ids("penalty"),
            basis=ids("basis"),
            keywords=ids("keywords"),
        )


def _ids(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        items: Iterable[Any] = split_ids(value)
    elif isinstance(value, list | tuple):
        items = value
    else:
        raise ValidationError(key, Message("应为条款编号列表"))
    out: list[str] = []
    for item in items:
        text = str(item).strip()
        if text and text not in out:
            out.append(require_text(text, key, 64))
    return tuple(out)


def validate_problem_kind(data: Mapping[str, Any], known: Iterable[str] = ()) -> ProblemKind:
    """Check a row a user edited; ValidationError names the key (`name`, `violated` …).

    `known` are the clause ids of the library: an id it lacks is refused at its field.
    """
    known_ids = set(known)
    row = ProblemKind(
        key=require_text(data.get("key"), "key", 64),
        category=require_text(data.get("category"), "category", 30, required=False),
        name=require_text(data.get("name"), "name", 100),
        violated=_ids(data.get("violated") or (), "violated"),
        penalty=_ids(data.get("penalty") or (), "penalty"),
        basis=_ids(data.get("basis") or (), "basis"),
        keywords=_ids(data.get("keywords") or (), "keywords"),
    )
    if not row.violated:
        raise ValidationError("violated", Message("至少填写一条违反的条款"))
    if known_ids:
        for key in ("violated", "penalty", "basis"):
            for clause_id in getattr(row, key):
                if clause_id not in known_ids:
                    raise ValidationError(
                        key, Message("条款库中没有「{clause}」", clause=clause_id)
                    )
    return row


@dataclass(frozen=True)
class ClauseMap:
    """Every row, in order."""

    rows: tuple[ProblemKind, ...]

    def get(self, key: str) -> ProblemKind | None:
        """The row with `key`, or None."""
        return next((row for row in self.rows if row.key == key), None)

    def of_category(self, category: str) -> list[ProblemKind]:
        """The rows offered for a clue of `category`: its own rows, then those of any."""
        own = [row for row in self.rows if row.category == category]
        return own + [row for row in self.rows if row.category == ANY_CATEGORY]

    def guess(self, rows: Sequence[ProblemKind], text: str) -> ProblemKind | None:
        """The row of `rows` whose keywords `text` mentions most (each keyword weighs its
        length times its occurrences; the first row on a tie), or None when it mentions none."""
        best, hits = None, 0
        for row in rows:
            count = sum(len(word) * text.count(word) for word in row.keywords if word)
            if count > hits:
                best, hits = row, count
        return best


def parse_clause_map(data: Any) -> ClauseMap:
    """The rows of a seed file: a list of row objects (or such a list under "rows"); rows
    without a key or name are skipped."""
    if isinstance(data, Mapping):
        data = data.get("rows", [])
    rows = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, Mapping) and item.get("key") and item.get("name"):
            rows.append(ProblemKind.from_dict(item))
    return ClauseMap(tuple(rows))


def clause_map_text() -> str | None:
    """The shipped clause map's text (resources/notices/clause_map.json), or None."""
    try:
        return files("resources").joinpath("notices", "clause_map.json").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None


@cache
def shipped_clause_map() -> ClauseMap:
    """The clause map as cluedesk ships it (a store's edited map: `desktop.store.clause_map`)."""
    text = clause_map_text()
    return parse_clause_map(json.loads(text)) if text is not None else ClauseMap(())


__all__ = [
    "ANY_CATEGORY",
    "ClauseMap",
    "ProblemKind",
    "clause_map_text",
    "join_ids",
    "split_ids",
    "parse_clause_map",
    "shipped_clause_map",
    "validate_problem_kind",
]
