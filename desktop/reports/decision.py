"""The 行政处罚决定书 (administrative penalty decision): what it prints, as plain values
(`DecisionFields`), and its printed form (`build_decision_document` → a `NoticeDocument`,
rendered by the notices' own GB/T 9704 pipeline with its 送达回证 page).

The wording follows the 生态环境行政处罚决定书 of the 生态环境行政处罚办法 (2023): the party
(a 单位, a 个体工商户 or a 自然人), the case, 一、环境违法事实和证据 (with the 告知 and the
party's 陈述申辩 and 听证), 二、行政处罚的依据、种类及其履行方式、期限 (the 裁量 reasoning,
the penalties with amounts in capitals and figures, how to pay, the late-payment surcharge of
行政处罚法 第七十二条), 三、申请行政复议或者提起行政诉讼的途径和期限 (the review body and the
court exactly as given), the authority's seal line and the cited articles on a page of their
own. Values are display-ready; a value the decision cannot print raises DecisionFieldError
naming the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, BinaryIO

from desktop.reports.documents import Block, NoticeDocument, citations, day_cn, proof_fields
from desktop.reports.fonts import FontSet, default_fonts
from desktop.reports.notice_pdf import render_bytes
from desktop.reports.numerals import chinese_count, rmb_text
from desktop.reports.templates import Template, parse_template

KIND = "penalty_decision"
"""The document's kind (its template's name)."""

ORGANISATION = "organisation"
SOLE_TRADER = "sole_trader"
INDIVIDUAL = "individual"
PARTY_KINDS: Mapping[str, str] = {
    ORGANISATION: "单位",
    SOLE_TRADER: "个体工商户",
    INDIVIDUAL: "自然人",
}
"""The three kinds of party and their Chinese names (either is accepted as `Party.party_type`,
as is desktop.domain.party.PartyType)."""

ANSWERS: Mapping[str, str] = {
    "adopted": "予以采纳",
    "partly": "部分采纳",
    "rejected": "不予采纳",
}
"""The authority's answer to the party's 陈述申辩 (the key, or its Chinese words)."""

FINE = "罚款"
"""The penalty kind that the late-payment surcharge (行政处罚法 第七十二条) applies to."""

LABELS: Mapping[str, str] = {
    "number": "决定书文号",
    "case_number": "立案编号",
    "authority": "作出决定的机关",
    "party": "当事人",
    "party.party_type": "当事人类型",
    "party.name": "当事人",
    "party.credit_code": "统一社会信用代码",
    "party.address": "地址",
    "party.legal_representative": "法定代表人（负责人）",
    "party.operator": "经营者",
    "party.id_number": "身份证号码",
    "party.premises": "经营场所",
    "cause": "案由",
    "filed_on": "立案日期",
    "inspected_on": "检查日期",
    "inspected_at": "检查地点",
    "facts": "违法事实",
    "evidence": "证据",
    "violated": "违反的条款",
    "basis": "处罚依据",
    "notification": "告知",
    "notification.number": "告知书文号",
    "notification.served_on": "告知日期",
    "notification.statement": "陈述申辩意见",
    "notification.answer": "对陈述申辩的处理",
    "notification.reason": "复核理由",
    "discretion": "裁量理由",
    "penalties": "处罚内容",
    "penalties.kind": "处罚种类",
    "penalties.amount": "处罚金额",
    "penalties.detail": "处罚内容说明",
    "payment.days": "缴款期限",
    "payment.payee": "收款单位",
    "payment.bank": "开户银行",
    "payment.account": "账号",
    "payment.note": "缴款说明",
    "performance": "履行方式",
    "review_body": "行政复议机关",
    "litigation_court": "人民法院",
    "decided_on": "决定日期",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "verification": "核验码",
}
"""The Chinese name of each field, as errors and MissingGlyph name it."""

PLACEHOLDERS = frozenset(
    {
        "we",
        "you",
        "party_name",
        "party_note",
        "credit_code",
        "address",
        "legal_representative",
        "operator",
        "id_number",
        "residence",
        "premises",
        "cause",
        "case_number",
        "filed_on",
        "inspected_on",
        "inspected_at",
        "facts",
        "evidence",
        "violated_citations",
        "notification",
        "discretion",
        "basis_citations",
        "penalties",
        "payment_deadline",
        "money_word",
        "payee",
        "bank",
        "account",
        "no_account",
        "payment_note",
        "fine_total",
        "performance",
        "review_body",
        "litigation_court",
        "authority",
        "contact_person",
        "contact_phone",
        "number",
        "date",
    }
)
"""Every field the decision's template may name."""
LIST_FIELDS = frozenset({"evidence", "penalties"})


class DecisionFieldError(ValueError):
    """A value the decision cannot print; `field` is its key, `label` its Chinese name."""

    def __init__(self, field: str, message: str, label: str | None = None) -> None:
        self.field = field
        self.label = label or LABELS.get(field, field)
        self.message = message
        super().__init__(f"{self.label}：{message}")


def _require(value: str, key: str, label: str | None = None) -> None:
    if not isinstance(value, str) or not value.strip():
        raise DecisionFieldError(key, "不能为空", label)


def _require_date(value: object, key: str) -> None:
    if not isinstance(value, date):
        raise DecisionFieldError(key, f"应为日期，实际为“{value}”")


def _law(law: str) -> str:
    return law if law.startswith("《") else f"《{law}》"


def _paragraphs(text: str) -> str:
    """Each line of `text` a paragraph, ending with a full stop unless it ends with a mark."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            out.append(line if line[-1] in "。！？；：…”’）" else line + "。")
    return "\n".join(out)


def _value(item: Any, name: str) -> str:
    value = item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)
    return str(value).strip() if value is not None else ""


@dataclass(frozen=True)
class LawClause:
    """An article cited: its law, the article (第一百零八条), an optional 款/项 cited within it
    (第一项) and the article's text (printed in the attachment)."""

    law: str
    article: str
    text: str = ""
    item: str = ""

    @classmethod
    def of(cls, clause: Any) -> LawClause:
        """A LawClause from a clause of the library (an object or mapping with law, article,
        text and optionally item)."""
        if isinstance(clause, LawClause):
            return clause
        return cls(*(_value(clause, name) for name in ("law", "article", "text", "item")))

    @property
    def cited(self) -> dict[str, str]:
        """The clause as documents.citations reads it (the 项 cited after the article)."""
        return {"law": self.law, "article": self.article + self.item}


@dataclass(frozen=True)
class Party:
    """Who the decision is against: a 单位, a 个体工商户 or a 自然人.

    `name` is the 单位's name, the 个体工商户's 字号 (or the operator's name when it has none)
    or the person's 姓名; `address` is a 单位's 地址 and a person's 住址;
    `legal_representative` (法定代表人（负责人）) is a 单位's, `operator` (经营者) a
    个体工商户's; `id_number` is the operator's or the person's 身份证号码 (checked where it is
    entered, printed as given); `premises` a 个体工商户's 经营场所.
    """

    party_type: str
    name: str
    credit_code: str = ""
    address: str = ""
    legal_representative: str = ""
    operator: str = ""
    id_number: str = ""
    premises: str = ""

    @classmethod
    def of(cls, party: Any, premises: str = "") -> Party:
        """A Party from any object or mapping with a party's fields (the domain's Party:
        party_type, name, credit_code, address, legal_representative, operator, id_number)."""
        names = ("name", "credit_code", "address", "legal_representative", "operator", "id_number")
        kind: Any = party.get("party_type") if isinstance(party, Mapping) else party.party_type
        values = {name: _value(party, name) for name in names}
        return cls(party_type=kind or "", premises=premises, **values)

    def __post_init__(self) -> None:
        kind = str(getattr(self.party_type, "value", self.party_type)).strip()
        by_label = {label: key for key, label in PARTY_KINDS.items()}
        kind = by_label.get(kind, kind)
        if kind not in PARTY_KINDS:
            allowed = "、".join(f"{label}（{key}）" for key, label in PARTY_KINDS.items())
            raise DecisionFieldError(
                "party.party_type", f"未知的当事人类型“{self.party_type}”，应为{allowed}之一"
            )
        object.__setattr__(self, "party_type", kind)
        _require(self.name, "party.name")
        if kind == SOLE_TRADER:
            _require(self.operator, "party.operator")
        if kind in (SOLE_TRADER, INDIVIDUAL):
            _require(self.id_number, "party.id_number")
        _require(self.address, "party.address", self.label("party.address"))

    def label(self, key: str) -> str:
        """The Chinese name of a field of the party (a person's address is 住址)."""
        if key == "party.address" and self.party_type != ORGANISATION:
            return "住址"
        return LABELS.get(key, key)

    @property
    def you(self) -> str:
        """How the decision addresses the party: 你单位, or 你 for a person."""
        return "你单位" if self.party_type == ORGANISATION else "你"

    @property
    def addressee(self) -> str:
        """Whom the 送达回证 names: the party, a 个体工商户 with its operator."""
        if self.party_type == SOLE_TRADER:
            return f"{self.name.strip()}（经营者：{self.operator.strip()}）"
        return self.name.strip()

    def lines(self) -> dict[str, str]:
        """The party's template fields (those of other kinds of party empty)."""
        person = self.party_type != ORGANISATION
        return {
            "party_name": self.name.strip(),
            "party_note": "（个体工商户）" if self.party_type == SOLE_TRADER else "",
            "credit_code": "" if self.party_type == INDIVIDUAL else self.credit_code.strip(),
            "address": "" if person else self.address.strip(),
            "legal_representative": "" if person else self.legal_representative.strip(),
            "operator": self.operator.strip() if self.party_type == SOLE_TRADER else "",
            "id_number": self.id_number.strip() if person else "",
            "residence": self.address.strip() if person else "",
            "premises": self.premises.strip() if self.party_type == SOLE_TRADER else "",
        }


@dataclass(frozen=True)
class Notification:
    """The 告知 before the decision (行政处罚法 第四十四条, 第六十三条) and what followed it:
    the 告知书's number and date, whether it offered a hearing (听证), the party's
    陈述申辩 ("" if none) with the authority's answer (ANSWERS) and reason, and a hearing
    requested and held (a request without a hearing is a hearing given up)."""

    number: str
    served_on: date
    hearing_offered: bool = False
    statement: str = ""
    statement_on: date | None = None
    answer: str = ""
    reason: str = ""
    hearing_requested_on: date | None = None
    hearing_held_on: date | None = None

    def __post_init__(self) -> None:
        _require(self.number, "notification.number")
        _require_date(self.served_on, "notification.served_on")
        if self.statement.strip():
            answer = self.answer.strip()
            answer = {label: key for key, label in ANSWERS.items()}.get(answer, answer)
            if answer not in ANSWERS:
                allowed = "、".join(ANSWERS.values())
                raise DecisionFieldError(
                    "notification.answer", f"应为{allowed}之一，实际为“{self.answer}”"
                )
            object.__setattr__(self, "answer", answer)
            _require(self.reason, "notification.reason")

    def text(self, you: str, we: str) -> str:
        """The paragraphs the decision prints about the 告知, 陈述申辩 and 听证."""
        title = "行政处罚事先（听证）告知书" if self.hearing_offered else "行政处罚事先告知书"
        rights = "陈述、申辩和要求听证的权利" if self.hearing_offered else "陈述、申辩的权利"
        out = [
            f"{we}于{day_cn(self.served_on)}以《{title}》（{self.number.strip()}）告知{you}"
            f"拟作出行政处罚的内容及事实、理由、依据，以及{you}依法享有的{rights}。"
        ]
        statement = self.statement.strip().rstrip("。；;，, ")
        requested = self.hearing_offered and self.hearing_requested_on is not None
        if statement:
            when = f"于{day_cn(self.statement_on)}" if self.statement_on else ""
            reason = self.reason.strip().rstrip("。；;，, ")
            out.append(
                f"{you}{when}提出陈述、申辩意见：{statement}。经复核，{we}认为：{reason}。"
                f"故对{you}的陈述、申辩意见{ANSWERS[self.answer]}。"
            )
        elif not requested:
            tail = "，也未要求听证" if self.hearing_offered else ""
            out.append(f"{you}在规定期限内未提出陈述、申辩意见{tail}。")
        if requested and self.hearing_requested_on is not None:
            asked = f"{you}于{day_cn(self.hearing_requested_on)}要求听证，"
            if self.hearing_held_on is not None:
                out.append(f"{asked}{we}于{day_cn(self.hearing_held_on)}依法举行了听证。")
            else:
                out.append(f"{asked}后放弃听证。")
        elif statement and self.hearing_offered:
            out.append(f"{you}在规定期限内未要求听证。")
        return "\n".join(out)


@dataclass(frozen=True)
class PenaltyItem:
    """One penalty decided: its kind (罚款, 没收违法所得, 没收非法财物, 责令停产整治, 警告 …),
    the amount in yuan for a money penalty, and what else it says (printed after a colon)."""

    kind: str
    amount: Decimal | None = None
    detail: str = ""

    def __post_init__(self) -> None:
        _require(self.kind, "penalties.kind")
        if self.amount is None:
            if self.kind.strip() == FINE:
                raise DecisionFieldError("penalties.amount", "罚款须写明金额")
            return
        try:
            rmb_text(self.amount)
        except ValueError as error:
            raise DecisionFieldError("penalties.amount", str(error)) from None
        amount = Decimal(str(self.amount))
        if self.kind.strip() == FINE and amount <= 0:
            raise DecisionFieldError("penalties.amount", "罚款金额应大于零")
        object.__setattr__(self, "amount", amount)

    @property
    def money(self) -> bool:
        """Whether the party pays this penalty (an amount above zero)."""
        return self.amount is not None and self.amount > 0

    def text(self) -> str:
        """The penalty as printed: 罚款人民币伍万元整（¥50,000.00）."""
        out = self.kind.strip()
        if self.amount is not None:
            out += rmb_text(self.amount)
        detail = self.detail.strip()
        return f"{out}：{detail}" if detail else out


@dataclass(frozen=True)
class Payment:
    """How to pay a money penalty: within `days` (十五日, 行政处罚法 第六十七条), to the payee's
    account at the bank, with a note (the 非税收入 payment code and how to use it)."""

    days: int = 15
    payee: str = ""
    bank: str = ""
    account: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if self.days <= 0:
            raise DecisionFieldError("payment.days", f"应为正整数，实际为{self.days}")


def we_of(authority: str) -> str:
    """How an authority names itself in its decision: 我局, 我委, 我队, else 本机关."""
    name = authority.strip()
    for ending, we in (("局", "我局"), ("委员会", "我委"), ("大队", "我队"), ("支队", "我队")):
        if name.endswith(ending):
            return we
    return "本机关"


@dataclass(frozen=True)
class DecisionFields:
    """What a 行政处罚决定书 prints, display-ready (the case fills it).

    `number` None prints a draft (草稿, no number, no QR code) for the legal review;
    `violated` are the articles broken, `basis` those the penalty rests on; the review body
    and the court print exactly as given; `service` is the service record of the decision
    (a notice Service's fields: method, served_at, place, recipient, relation, servers,
    witness) or None for a 送达回证 to fill by hand.
    """

    number: str | None
    case_number: str
    authority: str
    party: Party
    cause: str
    filed_on: date
    inspected_on: date
    inspected_at: str
    facts: str
    evidence: tuple[str, ...]
    violated: tuple[LawClause, ...]
    basis: tuple[LawClause, ...]
    notification: Notification
    penalties: tuple[PenaltyItem, ...]
    review_body: str
    litigation_court: str
    decided_on: date
    discretion: str = ""
    payment: Payment = field(default_factory=Payment)
    performance: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    verification: str = ""
    service: object | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.party, Party):
            raise DecisionFieldError("party", "应为当事人（Party）")
        for key in (
            "case_number",
            "authority",
            "cause",
            "inspected_at",
            "facts",
            "review_body",
            "litigation_court",
        ):
            _require(getattr(self, key), key)
        if self.number is not None:
            _require(self.number, "number")
        for key in ("filed_on", "inspected_on", "decided_on"):
            _require_date(getattr(self, key), key)
        for key in ("evidence", "violated", "basis", "penalties"):
            if not getattr(self, key):
                raise DecisionFieldError(key, "至少需要一项")
        for key in ("violated", "basis"):
            object.__setattr__(self, key, tuple(LawClause.of(c) for c in getattr(self, key)))
        object.__setattr__(self, "evidence", tuple(self.evidence))
        object.__setattr__(self, "penalties", tuple(self.penalties))
        if not isinstance(self.notification, Notification):
            raise DecisionFieldError("notification", "应为告知记录（Notification）")

    def label(self, key: str) -> str:
        """The Chinese name of a field (as errors and MissingGlyph print it)."""
        return self.party.label(key)

    def texts(self) -> Iterable[tuple[str, str]]:
        """Every text typed for the decision, as (field key, text)."""
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, str):
                yield item.name, value
        for key in ("name", "credit_code", "address", "operator", "id_number", "premises"):
            yield f"party.{key}", getattr(self.party, key)
        yield "party.legal_representative", self.party.legal_representative
        yield "evidence", "\n".join(self.evidence)
        for name, clauses in (("violated", self.violated), ("basis", self.basis)):
            for clause in clauses:
                yield name, f"{clause.law}{clause.article}{clause.item}\n{clause.text}"
        yield "notification.number", self.notification.number
        yield "notification.statement", self.notification.statement
        yield "notification.reason", self.notification.reason
        for penalty in self.penalties:
            yield "penalties.kind", penalty.kind
            yield "penalties.detail", penalty.detail
        for key in ("payee", "bank", "account", "note"):
            yield f"payment.{key}", getattr(self.payment, key)


@cache
def decision_template() -> Template:
    """The bundled template of the decision (resources/notices/templates/penalty_decision.json)."""
    resource = files("resources") / "notices" / "templates" / f"{KIND}.json"
    data = json.loads(resource.read_text(encoding="utf-8"))
    return parse_template(data, placeholders=PLACEHOLDERS, list_fields=LIST_FIELDS)


def _attachments(clauses: Iterable[LawClause]) -> tuple[tuple[str, str], ...]:
    """The articles printed under 附：相关法律规定: each once, those with a text."""
    out: dict[tuple[str, str], str] = {}
    for clause in clauses:
        key = (_law(clause.law), clause.article)
        if clause.text.strip() and key not in out:
            out[key] = clause.text.strip()
    return tuple((law + article, text) for (law, article), text in out.items())


def build_decision_document(
    decision: DecisionFields, *, template: Template | None = None
) -> NoticeDocument:
    """The printed form of a decision: the notices' document type, kind "penalty_decision"."""
    template = template or decision_template()
    party = decision.party
    you, we = party.you, we_of(decision.authority)
    payment = decision.payment
    money = [p for p in decision.penalties if p.money]
    fines = sum((p.amount or Decimal(0) for p in money if p.kind.strip() == FINE), Decimal(0))
    money_word = "" if not money else FINE if all(p.kind == FINE for p in money) else "罚没款"
    number = decision.number.strip() if decision.number is not None else None
    values = {
        **party.lines(),
        "we": we,
        "you": you,
        "cause": decision.cause.strip().removesuffix("一案"),
        "case_number": decision.case_number.strip(),
        "filed_on": day_cn(decision.filed_on),
        "inspected_on": day_cn(decision.inspected_on),
        "inspected_at": decision.inspected_at.strip(),
        "facts": _paragraphs(decision.facts),
        "violated_citations": citations(c.cited for c in decision.violated),
        "notification": decision.notification.text(you, we),
        "discretion": _paragraphs(decision.discretion),
        "basis_citations": citations(c.cited for c in decision.basis),
        "payment_deadline": template.deadline_days_text.format(days=chinese_count(payment.days)),
        "money_word": money_word,
        "payee": payment.payee.strip(),
        "bank": payment.bank.strip(),
        "account": payment.account.strip(),
        "no_account": "" if payment.account.strip() else "是",
        "payment_note": _paragraphs(payment.note),
        "fine_total": rmb_text(fines) if fines else "",
        "performance": _paragraphs(decision.performance),
        "review_body": decision.review_body.strip(),
        "litigation_court": decision.litigation_court.strip(),
        "authority": decision.authority.strip(),
        "contact_person": decision.contact_person.strip(),
        "contact_phone": decision.contact_phone.strip(),
        "number": number or "",
        "date": day_cn(decision.decided_on),
    }
    lists = {
        "evidence": [e.strip() for e in decision.evidence if e.strip()],
        "penalties": [p.text() for p in decision.penalties],
    }
    blocks = tuple(Block(style, text) for style, text in template.fill(values, lists))
    attachments = _attachments((*decision.violated, *decision.basis))
    proof = proof_fields({"service": decision.service}, template.title, number, party.addressee)
    return NoticeDocument(
        kind=KIND,
        title=template.title,
        number=number,
        blocks=blocks,
        authority=values["authority"],
        date=values["date"],
        attachment_heading=template.attachment_heading if attachments else None,
        attachments=attachments if template.attachment_heading else (),
        verification=decision.verification.strip(),
        proof=proof,
        inputs=tuple(decision.texts()),
    )


def render_decision_bytes(
    decision: DecisionFields,
    *,
    fonts: FontSet | None = None,
    proof_of_service: bool = True,
) -> bytes:
    """The PDF of a decision (and its 送达回证) as bytes.

    Raises MissingGlyph naming the decision's field (its Chinese name) that holds a character
    no font can draw.
    """
    fonts = fonts or default_fonts()
    document = build_decision_document(decision)
    for key, text in document.inputs:
        if text:
            fonts.check(text, key, decision.label(key))
    return render_bytes(document, fonts=fonts, proof_of_service=proof_of_service)


def render_decision(
    decision: DecisionFields,
    target: Path | str | BinaryIO,
    *,
    fonts: FontSet | None = None,
    proof_of_service: bool = True,
) -> None:
    """Write the PDF of a decision (with its 送达回证) to a path or a binary file."""
    data = render_decision_bytes(decision, fonts=fonts, proof_of_service=proof_of_service)
    if isinstance(target, str | Path):
        Path(target).write_bytes(data)
    else:
        target.write(data)
