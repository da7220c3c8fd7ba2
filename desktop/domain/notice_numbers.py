"""Document numbers of notices: 海环整改〔2026〕15号, the issuing unit's prefix, and the short
verification code printed beside the number in the QR code."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from desktop.domain.codes import UnitKind
from desktop.domain.notice_content import NoticeKind
from desktop.domain.units import UnitDirectory, UnitInfo

OPEN, CLOSE = "\u3014", "\u3015"
"""The brackets around the year of a document number: 〔 and 〕."""

NUMBER_PATTERN = re.compile(
    rf"(?P<prefix>[^\s{OPEN}{CLOSE}]{{1,20}}){OPEN}(?P<year>\d{{4}}){CLOSE}(?P<seq>[1-9]\d{{0,8}})号"
)
"""A document number as printed: prefix, year in 〔〕, sequence without zero padding, 号."""

ENVIRONMENT = "生态环境"
"""What the name of an environment bureau contains."""


def format_number(prefix: str, year: int, seq: int) -> str:
    """The printed document number: 海环整改〔2026〕15号 (no zero padding)."""
    return f"{prefix}{OPEN}{year}{CLOSE}{seq}号"


def parse_number(text: str) -> tuple[str, int, int] | None:
    """(prefix, year, seq) of a printed number, or None when it is not one."""
    match = NUMBER_PATTERN.fullmatch(text.strip())
    if match is None:
        return None
    return match["prefix"], int(match["year"]), int(match["seq"])


def is_environment_bureau(unit: UnitInfo) -> bool:
    """Whether the unit is an ecology and environment bureau (issues correction orders)."""
    return unit.kind is UnitKind.DEPARTMENT and ENVIRONMENT in unit.name


@dataclass(frozen=True)
class NumberPrefixes:
    """The data of `resources/notices/number_prefixes.json`."""

    kinds: Mapping[str, str]
    areas: Mapping[str, str]
    departments: Mapping[str, str]
    units: Mapping[str, str]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NumberPrefixes:
        """Read the prefix data (missing sections are empty)."""
        return cls(
            kinds=dict(data.get("kinds") or {}),
            areas=dict(data.get("areas") or {}),
            departments=dict(data.get("departments") or {}),
            units=dict(data.get("units") or {}),
        )


CASE_SERIES = "case"
DECISION_SERIES = "decision"
"""The kind keys of a penalty case's 立案号 and of its 行政处罚决定书's number."""

DEFAULT_KIND_WORDS = {
    NoticeKind.RECTIFICATION.value: "整改",
    NoticeKind.CORRECTION_ORDER.value: "责改",
    CASE_SERIES: "立",
    DECISION_SERIES: "罚",
}


@cache
def load_number_prefixes() -> NumberPrefixes:
    """The prefix data shipped with cluedesk (read once; empty rules when the file is absent)."""
    try:
        text = files("resources").joinpath("notices", "number_prefixes.json").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return NumberPrefixes(DEFAULT_KIND_WORDS, {}, {}, {})
    return NumberPrefixes.from_dict(json.loads(text))


_SUFFIXES = ("街道", "镇", "乡")


def _area_short(unit: UnitInfo, directory: UnitDirectory, data: NumberPrefixes) -> str:
    area = unit.county_code or unit.parent_code or unit.code
    known = data.areas.get(area)
    if known:
        return known
    office = directory.get(area)
    return office.name[:1] if office is not None and office.name else ""


def _unit_short(unit: UnitInfo, data: NumberPrefixes) -> str:
    name = unit.name
    if unit.kind is UnitKind.DEPARTMENT:
        for word, short in data.departments.items():
            if word in name:
                return short
        return name[:2]
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def notice_prefix(
    kind: NoticeKind,
    unit: UnitInfo,
    directory: UnitDirectory,
    prefixes: NumberPrefixes | None = None,
) -> str:
    """The issuing unit's prefix of a document number, e.g. 海环整改 (海州, 环境局, 整改).

    From `resources/notices/number_prefixes.json`: a unit listed under `units` uses its own
    short name; otherwise the county's short name plus the unit's (环 for an environment
    bureau, a department keyword, or a township's name without 街道/镇/乡); then the kind word.
    """
    return document_prefix(kind.value, unit, directory, prefixes)


def document_prefix(
    kind_key: str,
    unit: UnitInfo,
    directory: UnitDirectory,
    prefixes: NumberPrefixes | None = None,
) -> str:
    """The prefix of a document of `kind_key` (a `NoticeKind` value, "case" for a 立案号 or
    "decision" for a 行政处罚决定书): 海环立, 海环罚 (see `notice_prefix`)."""
    data = prefixes or load_number_prefixes()
    word = data.kinds.get(kind_key) or DEFAULT_KIND_WORDS.get(kind_key, "")
    own = data.units.get(unit.code)
    if own:
        return f"{own}{word}"
    return f"{_area_short(unit, directory, data)}{_unit_short(unit, data)}{word}"


_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Verification code characters: no 0/O or 1/I to misread."""


def verification_code(notice_id: str, number: str) -> str:
    """A short code printed with the number (QR code): the same on every device and the
    platform, and not guessable from the printed number alone (it hashes the notice's id)."""
    digest = hashlib.sha256(f"{notice_id}|{number}".encode()).digest()
    value = int.from_bytes(digest[:5], "big")
    chars = []
    for _ in range(8):
        value, index = divmod(value, len(_ALPHABET))
        chars.append(_ALPHABET[index])
    return "".join(chars)


__all__ = [
    "CASE_SERIES",
    "CLOSE",
    "DECISION_SERIES",
    "ENVIRONMENT",
    "NUMBER_PATTERN",
    "OPEN",
    "NumberPrefixes",
    "document_prefix",
    "format_number",
    "is_environment_bureau",
    "load_number_prefixes",
    "notice_prefix",
    "parse_number",
    "verification_code",
]
