"""A suggestion record as its printed document: `suggestion_fields` builds the
`SuggestionFields` of `desktop.reports.suggestion` from the record the store holds, the unit
directory (legal names) and the titles of the clues concerned.

The record holds one text; the issuing form writes it as the problems found, then a line
「建议事项：」 and one request a line (`compose_text`); `split_text` reads it back. A text
without that line prints whole as the problems, with one general request.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from desktop.domain.suggestions import SuggestionKind as RecordKind
from desktop.domain.suggestions import SuggestionState
from desktop.domain.timeutil import to_china
from desktop.domain.units import UnitInfo
from desktop.reports.suggestion import SuggestionFields, SuggestionKind

REQUESTS_MARK = "建议事项："
"""The line of the record's text after which the requests follow, one a line."""
GENERAL_REQUEST = "针对上述问题认真整改落实，举一反三，健全工作机制"
"""The request printed when the text names none."""
COMMISSION_SUFFIX = "纪委监委"

_KINDS = {
    RecordKind.DISCIPLINE: SuggestionKind.DISCIPLINE,
    RecordKind.SUPERVISION: SuggestionKind.SUPERVISION,
    RecordKind.URGING_LETTER: SuggestionKind.URGING,
}
_NUMBERING = re.compile(r"^\s*(?:\d+|[一二三四五六七八九十]+)\s*[、.．)）]\s*")


def compose_text(problems: str, requests: list[str] | tuple[str, ...]) -> str:
    """The record's text from the problems found and the requests (one a line)."""
    body = problems.strip()
    items = [item.strip() for item in requests if item.strip()]
    if not items:
        return body
    return f"{body}\n{REQUESTS_MARK}\n" + "\n".join(items)


def split_text(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The problems (paragraphs) and the requests (numbering dropped) of a record's text."""
    head, mark, tail = text.partition(REQUESTS_MARK)
    body = tuple(line.strip() for line in head.splitlines() if line.strip())
    requests = tuple(_NUMBERING.sub("", line).strip() for line in tail.splitlines() if line.strip())
    if not mark or not requests:
        return body, (GENERAL_REQUEST,)
    return body, requests


def _city_prefix(base: str, units: Mapping[str, UnitInfo], addressed: UnitInfo | None) -> str:
    """The city's name before a county's (连云港市) as the addressed unit's legal name has it."""
    for unit in (addressed, *units.values()):
        legal = unit.legal_name if unit is not None else ""
        if base and legal and base in legal:
            return legal[: legal.index(base)]
    return ""


def issuer_name(
    commission: UnitInfo,
    kind: SuggestionKind,
    units: Mapping[str, UnitInfo],
    addressed: UnitInfo | None = None,
) -> str:
    """The body that signs: the commission's legal name, else from its name (海州区纪委监委) the
    纪律检查委员会 (中共连云港市海州区纪律检查委员会) or, for a 监察建议, the 监察委员会."""
    if commission.legal_name:
        return commission.legal_name
    base = commission.name.removesuffix(COMMISSION_SUFFIX)
    if base == commission.name:
        return commission.name
    prefix = _city_prefix(base, units, addressed)
    place = prefix + base if prefix and not base.startswith(prefix) else base
    if kind is SuggestionKind.SUPERVISION:
        return f"{place}监察委员会"
    return f"中共{place}纪律检查委员会"


def subject_of(title: str) -> str:
    """The matter the title names (关于……的 and the document's name stripped)."""
    subject = title.strip().removeprefix("关于")
    endings = [k.document for k in SuggestionKind] + [k.noun for k in SuggestionKind]
    for ending in sorted({*endings, "建议书", "建议"}, key=len, reverse=True):
        if subject.endswith(ending):
            subject = subject.removesuffix(ending)
            break
    return subject.removesuffix("的").strip() or title.strip()


def suggestion_fields(
    state: SuggestionState,
    units: Mapping[str, UnitInfo],
    clue_titles: Mapping[str, str] | None = None,
) -> SuggestionFields:
    """What the printed suggestion says, from the record (its number, its addressee's legal
    name, the issuer's, its text, basis, reply deadline and clues)."""
    kind = _KINDS[state.kind]
    commission = units.get(state.issuing_unit)
    addressed = units.get(state.addressed_unit)
    issuer = issuer_name(commission, kind, units, addressed) if commission else state.issuing_unit
    body, requests = split_text(state.text)
    basis = tuple(part.strip() for part in re.split(r"[、\n]", state.basis) if part.strip())
    titles = clue_titles or {}
    return SuggestionFields(
        kind=kind,
        issuer=issuer,
        number=state.number.strip() or None,
        addressee=addressed.signature if addressed is not None else state.addressed_unit,
        subject=subject_of(state.title),
        body=body or (state.title,),
        basis=basis or (state.basis,),
        requests=requests,
        reply_due=to_china(state.reply_deadline).date(),
        issued_on=to_china(state.issued_at).date(),
        clues=tuple((code, titles.get(code, "")) for code in state.clue_codes),
    )


__all__ = [
    "REQUESTS_MARK",
    "compose_text",
    "issuer_name",
    "split_text",
    "subject_of",
    "suggestion_fields",
]
