"""The notice templates (resources/notices/templates/*.json) and the clause library seed.

A template is data: its title, how it words the deadline, and an ordered list of blocks, each
a style name (desktop.reports.geometry.STYLES) and a text with `{placeholders}` filled from the
document's fields. A block may repeat for each item of a list field (`"each": "evidence"`,
with `{n}`, `{item}` and `{end}`), and is left out when any field of `skip_if_empty` is empty,
when any field of `only_if_empty` is not, or when the party's type (`party_type`: 单位
organisation, 个体工商户 sole_trader, 自然人 individual) is not one of `party_types`.
The notices' templates name the fields of PLACEHOLDERS; another document (the penalty decision,
desktop.reports.decision) parses its template with its own set of fields and lists.
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from desktop.reports.geometry import STYLES

PLACEHOLDERS = frozenset(
    {
        "party_name",
        "party_type",
        "you",
        "id_number",
        "operator",
        "credit_code",
        "address",
        "legal_representative",
        "facts",
        "order",
        "deadline",
        "report_requirement",
        "consequences",
        "review_body",
        "litigation_court",
        "authority",
        "contact_person",
        "contact_phone",
        "clause_citations",
        "basis_citations",
        "number",
        "date",
        "clue_code",
        "evidence",
    }
)
"""Every field a template may name (`evidence` only in `each` and `skip_if_empty`)."""
ITEM_PLACEHOLDERS = frozenset({"n", "item", "end"})
PARTY_TYPES = frozenset({"organisation", "sole_trader", "individual"})
"""The values of `party_types` (those of `desktop.domain.party.PartyType`)."""
LIST_FIELDS = frozenset({"evidence"})


@dataclass(frozen=True)
class TemplateBlock:
    """One block of a template."""

    style: str
    text: str
    each: str | None = None
    skip_if_empty: tuple[str, ...] = ()
    only_if_empty: tuple[str, ...] = ()
    party_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    """A notice template: title, deadline wording, blocks and the attached articles."""

    kind: str
    title: str
    deadline_days_text: str
    deadline_date_text: str
    blocks: tuple[TemplateBlock, ...]
    basis_clause_ids: tuple[str, ...] = ()
    attachment_heading: str | None = None
    list_fields: frozenset[str] = LIST_FIELDS

    def shown(
        self, values: Mapping[str, str], lists: Mapping[str, Sequence[str]]
    ) -> list[TemplateBlock]:
        """The blocks printed for these fields (skip_if_empty, only_if_empty, party_types)."""

        def given(key: str) -> bool:
            return bool(lists.get(key) if key in self.list_fields else values.get(key))

        out = []
        for block in self.blocks:
            if not all(given(k) for k in block.skip_if_empty):
                continue
            if any(given(k) for k in block.only_if_empty):
                continue
            if block.party_types and values.get("party_type") not in block.party_types:
                continue
            if block.each is not None and not lists.get(block.each):
                continue
            out.append(block)
        return out

    def literals(
        self, values: Mapping[str, str], lists: Mapping[str, Sequence[str]]
    ) -> list[tuple[str, str]]:
        """The (style, text) of the template's own words in the blocks printed for these
        fields, placeholders left out: what every notice of the template prints."""
        return [
            (block.style, "".join(text for text, _, _, _ in string.Formatter().parse(block.text)))
            for block in self.shown(values, lists)
        ]

    def fill(
        self, values: Mapping[str, str], lists: Mapping[str, Sequence[str]]
    ) -> list[tuple[str, str]]:
        """The (style, text) blocks with every placeholder filled."""
        out: list[tuple[str, str]] = []
        for block in self.shown(values, lists):
            if block.each is None:
                out.append((block.style, block.text.format_map(values)))
                continue
            items = list(lists.get(block.each, ()))
            for n, item in enumerate(items, start=1):
                end = "。" if n == len(items) else "；"
                fields = {**values, "n": str(n), "item": item.rstrip("。；;，,. "), "end": end}
                out.append((block.style, block.text.format_map(fields)))
        return out


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def parse_template(
    data: Mapping[str, Any],
    *,
    placeholders: frozenset[str] = PLACEHOLDERS,
    list_fields: frozenset[str] = LIST_FIELDS,
) -> Template:
    """A template from its JSON object; ValueError naming what is wrong.

    `placeholders` are the fields its texts may name, `list_fields` those of them a block may
    repeat for (`each`); both default to the notices' own.
    """
    blocks: list[TemplateBlock] = []
    for raw in data["blocks"]:
        block = TemplateBlock(
            style=str(raw["style"]),
            text=str(raw["text"]),
            each=raw.get("each"),
            skip_if_empty=tuple(raw.get("skip_if_empty", ())),
            only_if_empty=tuple(raw.get("only_if_empty", ())),
            party_types=tuple(raw.get("party_types", ())),
        )
        if block.style not in STYLES:
            raise ValueError(f"unknown style {block.style!r}")
        allowed = placeholders | (ITEM_PLACEHOLDERS if block.each else set())
        unknown = _names(block.text) - allowed
        unknown |= set(block.skip_if_empty + block.only_if_empty) - placeholders
        unknown |= set(block.party_types) - PARTY_TYPES
        if block.each is not None and block.each not in list_fields:
            unknown.add(block.each)
        if unknown:
            raise ValueError(f"unknown placeholders {sorted(unknown)} in {block.text!r}")
        blocks.append(block)
    attachments = data.get("attachments") or {}
    return Template(
        kind=str(data["kind"]),
        title=str(data["title"]),
        deadline_days_text=str(data["deadline_days_text"]),
        deadline_date_text=str(data["deadline_date_text"]),
        blocks=tuple(blocks),
        basis_clause_ids=tuple(data.get("basis_clause_ids", ())),
        attachment_heading=attachments.get("heading"),
        list_fields=list_fields,
    )


@cache
def load_template(kind: str) -> Template:
    """The bundled template of a notice kind ("rectification", "correction_order")."""
    resource = files("resources") / "notices" / "templates" / f"{kind}.json"
    return parse_template(json.loads(resource.read_text(encoding="utf-8")))


@cache
def seed_clauses() -> tuple[Mapping[str, str], ...]:
    """The clause library seed: resources/notices/clauses.json ({id, law, article, text})."""
    resource = files("resources") / "notices" / "clauses.json"
    data = json.loads(resource.read_text(encoding="utf-8"))
    return tuple({k: str(v) for k, v in item.items()} for item in data)
