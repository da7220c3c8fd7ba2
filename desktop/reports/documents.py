"""What a printed notice says: `NoticeDocument`, display strings only, and `build_document`,
which fills a template from a notice's state, the cited clauses and the date.

`build_document` is duck-typed: it reads the attributes (or keys) of the spec's NoticeState
(notice_id, kind, number, issued_at, clauses, verification, service, content) and of its
NoticeContent (party_name … contact_phone); a flat object or mapping holding the content
fields directly works too.

The order to correct cites the law's own articles the content names (`basis_ids`), after
those the template always cites (a 责令改正违法行为决定书: 行政处罚法 第二十八条第一款); the
party block and the way the party is addressed (你单位, 你) follow the party's type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.domain.notice_content import FIELD_LABELS
from desktop.domain.timeutil import china_now, to_china
from desktop.reports.templates import Template, load_template, seed_clauses

LABELS: Mapping[str, str] = {
    **FIELD_LABELS,
    "party_name": "当事人名称",
    "recipient": "收件人",
    "template": "文书模板",
}
"""The Chinese name of each field a MissingGlyph may name (the printed form's wording)."""

METHODS: tuple[tuple[str, str], ...] = (
    ("direct", "直接送达"),
    ("left", "留置送达"),
    ("mail", "邮寄送达"),
    ("entrusted", "委托送达"),
    ("electronic", "电子送达"),
    ("public", "公告送达"),
)
"""The service methods of the proof of service, in the form's order."""
HAND_DATED = frozenset({"left", "mail", "留置送达", "邮寄送达"})
"""Service methods whose 收件日期 the recipient writes by hand (a refused or a posted notice:
the serving officer cannot know it), so it prints blank."""
SELF_RELATIONS = frozenset({"", "本人", "法定代表人", "负责人", "法定代表人（负责人）"})

TEXT_FIELDS = (
    "party_name",
    "credit_code",
    "id_number",
    "operator",
    "address",
    "legal_representative",
    "facts",
    "order",
    "report_requirement",
    "consequences",
    "review_body",
    "litigation_court",
    "authority",
    "contact_person",
    "contact_phone",
)


@dataclass(frozen=True)
class Block:
    """One block of the notice: a style name (geometry.STYLES) and its text."""

    style: str
    text: str


@dataclass(frozen=True)
class ProofFields:
    """What the proof of service (送达回证) prints; empty strings are left to fill by hand."""

    document: str
    addressee: str
    place: str = ""
    method: str = ""
    received_at: str = ""
    proxy: str = ""
    witness: str = ""
    servers: str = ""
    served_at: str = ""
    note: str = ""


@dataclass(frozen=True)
class NoticeDocument:
    """A notice as printed: display strings only (a draft has no number)."""

    kind: str
    title: str
    number: str | None
    blocks: tuple[Block, ...]
    authority: str
    date: str
    attachment_heading: str | None = None
    attachments: tuple[tuple[str, str], ...] = ()
    verification: str = ""
    proof: ProofFields | None = None
    inputs: tuple[tuple[str, str], ...] = ()
    notice_id: str = ""
    boilerplate: tuple[tuple[str, str], ...] = ()
    """(style, text) that every notice of its template and office prints: the template's
    own words, the title, the authority, the attached articles (the PDF shares their font
    subsets between notices: desktop.reports.subsets)."""

    @property
    def draft(self) -> bool:
        """Whether this is an unnumbered draft (printed with the 草稿 mark)."""
        return self.number is None

    @property
    def qr_data(self) -> str:
        """What the QR code holds: the number and the verification code."""
        return f"{self.number or '草稿'}|V:{self.verification}"

    def file_stem(self) -> str:
        """A file name (without .pdf) for this notice."""
        if self.number:
            return re.sub(r'[\\/:*?"<>|\s]', "_", self.number)
        return f"草稿-{self.notice_id[:8]}" if self.notice_id else "草稿"

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every string printed, as (field, text): the clerk's inputs first."""
        yield from self.inputs
        yield "template", self.title
        yield "number", self.number or ""
        for block in self.blocks:
            yield "template", block.text
        yield "authority", self.authority
        yield "template", self.date
        yield "template", self.attachment_heading or ""
        for title, text in self.attachments:
            yield "clauses", title
            yield "clauses", text
        if self.proof is not None:
            for value in vars(self.proof).values():
                yield "template", value


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(getattr(value, "value", value)) if not isinstance(value, str) else value.strip()


def day_cn(day: date) -> str:
    """A date as printed on documents: 2026年3月5日 (no zero padding)."""
    return f"{day.year}年{day.month}月{day.day}日"


def moment_cn(moment: datetime) -> str:
    """An instant as printed on the proof of service: 2026年3月5日10时05分 (China time)."""
    local = to_china(moment) if moment.tzinfo is not None else moment
    return f"{day_cn(local.date())}{local.hour}时{local.minute:02d}分"


def _sentence(text: str) -> str:
    text = text.strip()
    if text and text[-1] not in "。！？；：…”’）":
        text += "。"
    return text


def _clause(item: Any) -> dict[str, str]:
    return {
        "id": _text(_get(item, "clause_id") or _get(item, "id")),
        "law": _text(_get(item, "law")),
        "article": _text(_get(item, "article")),
        "text": _text(_get(item, "text")),
    }


def _law(law: str) -> str:
    return law if law.startswith("《") else f"《{law}》"


def citations(clauses: Iterable[Mapping[str, str]]) -> str:
    """How clauses are cited in a sentence; articles of one law share its name:
    《中华人民共和国大气污染防治法》第四十五条、第一百零八条."""
    parts: list[str] = []
    last_law = None
    for clause in clauses:
        law = _law(clause["law"])
        parts.append(clause["article"] if law == last_law else f"{law}{clause['article']}")
        last_law = law
    return "、".join(parts)


def _library(clauses: Any) -> dict[str, dict[str, str]]:
    items = clauses.values() if isinstance(clauses, Mapping) else clauses
    out = {}
    for item in items:
        clause = _clause(item)
        out[clause["id"]] = clause
    return out


def _cited(
    notice: Any, content: Any, library: Mapping[str, dict[str, str]]
) -> list[dict[str, str]]:
    frozen = [_clause(c) for c in _get(notice, "clauses") or ()]
    ids = list(_get(content, "clause_ids") or ())
    if frozen:  # frozen at issue: the cited clauses, then the basis ones (printed apart)
        basis_only = set(_get(content, "basis_ids") or ()) - set(ids)
        return [c for c in frozen if c["id"] not in basis_only]
    return [library[i] for i in ids if i in library]


def _basis(
    notice: Any, content: Any, template: Template, library: Mapping[str, dict[str, str]]
) -> list[dict[str, str]]:
    """The articles the order to correct rests on: the template's, then the content's own
    (`basis_ids`); an issued notice's frozen clauses give their text when they hold them."""
    frozen = {c["id"]: c for c in (_clause(x) for x in _get(notice, "clauses") or ())}
    ids = list(dict.fromkeys([*template.basis_clause_ids, *(_get(content, "basis_ids") or ())]))
    return [frozen.get(i) or library[i] for i in ids if i in frozen or i in library]


def _deadline(content: Any, template: Template) -> str:
    days = _get(content, "deadline_days")
    when = _get(content, "deadline_date")
    if days:
        return template.deadline_days_text.format(days=int(days))
    if isinstance(when, date):
        return template.deadline_date_text.format(date=day_cn(when))
    return template.deadline_days_text.format(days="　　")


def proof_fields(notice: Any, title: str, number: str | None, party: str) -> ProofFields:
    """The proof of service of a document (anything with a `service`: a notice's Service)."""
    document = f"{title}（{number}）" if number else f"{title}（草稿）"
    service = _get(notice, "service")
    if service is None:
        return ProofFields(document=document, addressee=party)
    method = _get(service, "method")
    label = getattr(method, "label", None) or dict(METHODS).get(_text(method), _text(method))
    served = _get(service, "served_at")
    when = moment_cn(served) if isinstance(served, datetime) else ""
    recipient = _text(_get(service, "recipient"))
    relation = _text(_get(service, "relation"))
    proxy = f"{recipient}（{relation}）" if relation not in SELF_RELATIONS else ""
    servers = _get(service, "servers") or ()
    return ProofFields(
        document=document,
        addressee=party,
        place=_text(_get(service, "place")),
        method=label,
        received_at="" if _text(method) in HAND_DATED or label in HAND_DATED else when,
        proxy=proxy,
        witness=_text(_get(service, "witness")),
        servers=servers if isinstance(servers, str) else "、".join(servers),
        served_at=when,
    )


def build_document(
    notice: Any,
    *,
    clauses: Mapping[str, Any] | Iterable[Any] | None = None,
    template: Template | None = None,
    today: date | None = None,
    unit: Any = None,
) -> NoticeDocument:
    """The printed form of a notice (a NoticeState, or any object or mapping with its fields).

    `clauses` is the clause library (by id, or a list of objects with clause_id/id, law,
    article, text) used when the notice has no clauses frozen at issue; it defaults to the
    seed library. The date is the issue date, else `today` (a draft), else today in China.
    `unit` (anything with a `name`) names the authority when the content does not.
    """
    content = _get(notice, "content") or notice
    kind = _text(_get(notice, "kind")) or "rectification"
    template = template or load_template(kind)
    library = _library(seed_clauses())
    if clauses is not None:
        library.update(_library(clauses))
    number = _text(_get(notice, "number")) or None
    issued = _get(notice, "issued_at")
    if isinstance(issued, datetime):
        day = to_china(issued).date() if issued.tzinfo is not None else issued.date()
    else:
        day = today or china_now().date()
    authority = _text(_get(content, "authority")) or _text(
        _get(unit, "legal_name") or _get(unit, "name")
    )
    cited = _cited(notice, content, library)
    basis = _basis(notice, content, template, library)
    values = {key: _text(_get(content, key)) for key in TEXT_FIELDS}
    values["authority"] = authority
    party_type = _text(_get(content, "party_type")) or "organisation"
    values["party_type"] = party_type
    values["you"] = "你单位" if party_type == "organisation" else "你"
    for key in ("facts", "order", "report_requirement", "consequences"):
        values[key] = "\n".join(_sentence(p) for p in values[key].splitlines() if p.strip())
    evidence = [_text(e) for e in _get(content, "evidence") or () if _text(e)]
    values.update(
        deadline=_deadline(content, template),
        clause_citations=citations(cited),
        basis_citations=citations(basis),
        number=number or "",
        date=day_cn(day),
        clue_code=_text(_get(notice, "clue_code")),
    )
    lists = {"evidence": evidence}
    blocks = [Block(style, text) for style, text in template.fill(values, lists)]
    attached = cited + [c for c in basis if c["id"] not in {x["id"] for x in cited}]
    attachments = (
        tuple((f"{_law(c['law'])}{c['article']}", c["text"]) for c in attached)
        if template.attachment_heading
        else ()
    )
    heading = template.attachment_heading if attached else None
    boilerplate = [("title", template.title), ("title", authority), ("authority", authority)]
    boilerplate += template.literals(values, lists)
    if heading and attachments:
        boilerplate.append(("attachment_heading", heading))
        for title, text in attachments:
            boilerplate += [("clause_title", title), ("clause_text", text)]
    inputs = [(key, values[key]) for key in TEXT_FIELDS]
    inputs.append(("evidence", "\n".join(evidence)))
    proof = proof_fields(notice, template.title, number, values["party_name"])
    service = _get(notice, "service")
    if service is not None:
        for key in ("place", "recipient", "relation", "witness"):
            inputs.append((key, _text(_get(service, key))))
        inputs.append(("servers", proof.servers))
    return NoticeDocument(
        kind=kind,
        title=template.title,
        number=number,
        blocks=tuple(blocks),
        authority=authority,
        date=day_cn(day),
        attachment_heading=heading,
        attachments=attachments,
        verification=_text(_get(notice, "verification")),
        proof=proof,
        inputs=tuple(inputs),
        notice_id=_text(_get(notice, "notice_id")),
        boilerplate=tuple((s, t) for s, t in boilerplate if t),
    )
