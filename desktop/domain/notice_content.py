"""What a rectification notice holds: its kind and status, the text a clerk types, the proof
of service, and its whole state as the rules, the store and the protocol see it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from desktop.domain.codes import Labelled
from desktop.domain.messages import Message
from desktop.domain.party import Party, PartyType, validate_party
from desktop.domain.timeutil import day_or_none, iso_or_none, moment_or_none, to_china
from desktop.domain.validators import (
    ValidationError,
    parse_date,
    require_text,
    validate_phone,
)


class NoticeKind(Labelled):
    """Which document: a rectification notice, or the environment bureau's correction order."""

    RECTIFICATION = "rectification"
    CORRECTION_ORDER = "correction_order"

    @property
    def label(self) -> str:
        """The document's title."""
        return _LABELS[self]


class NoticeStatus(Labelled):
    """Where a notice stands in its life, from draft to the end of a penalty case."""

    DRAFT = "draft"
    ISSUED = "issued"
    SERVED = "served"
    RECTIFIED = "rectified"
    NOT_RECTIFIED = "not_rectified"
    CASE_FILED = "case_filed"
    CASE_CLOSED = "case_closed"

    @property
    def label(self) -> str:
        """The Chinese name of the status."""
        return _LABELS[self]


class ServiceMethod(Labelled):
    """How a notice was served (送达方式); LEFT needs a witness."""

    DIRECT = "direct"
    LEFT = "left"
    MAIL = "mail"
    ENTRUSTED = "entrusted"
    ELECTRONIC = "electronic"
    PUBLIC = "public"

    @property
    def label(self) -> str:
        """The Chinese name of the method."""
        return _LABELS[self]


_LABELS: dict[Labelled, str] = {
    NoticeKind.RECTIFICATION: "整改通知书",
    NoticeKind.CORRECTION_ORDER: "责令改正违法行为决定书",
    NoticeStatus.DRAFT: "草稿",
    NoticeStatus.ISSUED: "已签发",
    NoticeStatus.SERVED: "已送达",
    NoticeStatus.RECTIFIED: "已整改",
    NoticeStatus.NOT_RECTIFIED: "逾期未整改",
    NoticeStatus.CASE_FILED: "已立案",
    NoticeStatus.CASE_CLOSED: "已结案",
    ServiceMethod.DIRECT: "直接送达",
    ServiceMethod.LEFT: "留置送达",
    ServiceMethod.MAIL: "邮寄送达",
    ServiceMethod.ENTRUSTED: "委托送达",
    ServiceMethod.ELECTRONIC: "电子送达",
    ServiceMethod.PUBLIC: "公告送达",
}

FIELD_LABELS: Mapping[str, str] = {
    "notice_id": "通知书编号",
    "kind": "文书种类",
    "party_name": "当事人",
    "party_type": "当事人类型",
    "credit_code": "统一社会信用代码",
    "id_number": "身份证号码",
    "operator": "经营者",
    "address": "地址",
    "legal_representative": "法定代表人（负责人）",
    "facts": "违法事实",
    "evidence": "证据",
    "problem_kind": "问题类型",
    "clause_ids": "违反的法律条款",
    "basis_ids": "责令改正的法律依据",
    "order": "责令改正的内容",
    "deadline_days": "整改期限（工作日）",
    "deadline_date": "整改截止日期",
    "report_requirement": "书面报告要求",
    "consequences": "逾期不改正的后果",
    "review_body": "行政复议机关",
    "litigation_court": "行政诉讼法院",
    "authority": "签发机关",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "number": "文书编号",
    "issued_at": "签发时间",
    "clauses": "所引条款",
    "method": "送达方式",
    "served_at": "送达时间",
    "place": "送达地点",
    "recipient": "受送达人",
    "relation": "与当事人关系",
    "witness": "见证人",
    "servers": "送达人",
    "result": "复查结论",
    "inspected_at": "复查时间",
    "note": "复查情况",
    "case_number": "立案编号",
    "filed_on": "立案日期",
    "closed_on": "结案日期",
    "case_result": "结案情况",
}
"""The Chinese label of each payload key a notice action's ValidationError may name."""


def field_label(key: str) -> str:
    """The Chinese label of a payload key (the key itself when unknown)."""
    return FIELD_LABELS.get(key, key)


# --------------------------------------------------------------------------- content

MAX_DEADLINE_DAYS = 180
"""The longest rectification period in working days."""

_TEXT_LIMITS: Mapping[str, int] = {
    "problem_kind": 64,
    "party_name": 200,
    "address": 200,
    "legal_representative": 50,
    "facts": 4000,
    "order": 2000,
    "report_requirement": 1000,
    "consequences": 1000,
    "review_body": 100,
    "litigation_court": 100,
    "authority": 100,
    "contact_person": 50,
}
_LIST_LIMITS: Mapping[str, tuple[int, int]] = {
    "evidence": (30, 200),
    "clause_ids": (30, 64),
    "basis_ids": (10, 64),
}
_PARTY_KEYS: Mapping[str, str] = {
    "party_type": "party_type",
    "name": "party_name",
    "credit_code": "credit_code",
    "id_number": "id_number",
    "address": "address",
    "legal_representative": "legal_representative",
    "operator": "operator",
}
"""The keys of `validate_party` and the content keys they are (its `name` is `party_name`)."""

LEAD_IN_END = "发现："
"""How the prefilled lead-in of the facts ends: facts ending so still lack the findings."""


@dataclass(frozen=True)
class NoticeContent:
    """Everything a clerk types into a notice (checked by `validate_content`).

    The party is an organisation, a sole trader (with its operator and the operator's ID
    number) or a natural person (`party_type`, a `PartyType` value); `clause_ids` are the
    clauses violated, `basis_ids` the law's own articles the order to correct rests on,
    `problem_kind` the row of the clause map they were suggested from.
    """

    party_name: str = ""
    party_type: str = PartyType.ORGANISATION.value
    credit_code: str = ""
    id_number: str = ""
    operator: str = ""
    address: str = ""
    legal_representative: str = ""
    facts: str = ""
    evidence: tuple[str, ...] = ()
    problem_kind: str = ""
    clause_ids: tuple[str, ...] = ()
    basis_ids: tuple[str, ...] = ()
    order: str = ""
    deadline_days: int | None = None
    deadline_date: date | None = None
    report_requirement: str = ""
    consequences: str = ""
    review_body: str = ""
    litigation_court: str = ""
    authority: str = ""
    contact_person: str = ""
    contact_phone: str = ""

    @property
    def party_kind(self) -> PartyType:
        """The party's type (单位 when the stored value is unknown)."""
        try:
            return PartyType(self.party_type)
        except ValueError:
            return PartyType.ORGANISATION

    @property
    def party(self) -> Party:
        """The party as `desktop.domain.party` reads it."""
        return Party(
            party_type=self.party_kind,
            name=self.party_name,
            credit_code=self.credit_code,
            id_number=self.id_number,
            address=self.address,
            legal_representative=self.legal_representative,
            operator=self.operator,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the content keys of DRAFT and EDIT payloads)."""
        data: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, date):
                value = value.isoformat()
            data[item.name] = value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NoticeContent:
        """Read stored or sent content as it is (trusted data; see `validate_content`)."""
        values: dict[str, Any] = {}
        for item in fields(cls):
            if item.name not in data or data[item.name] is None:
                continue
            value = data[item.name]
            if item.name in _LIST_LIMITS:
                value = tuple(str(v) for v in value)
            elif item.name == "deadline_date":
                value = date.fromisoformat(str(value))
            elif item.name == "deadline_days":
                value = int(value)
            else:
                value = str(value)
            values[item.name] = value
        return cls(**values)

    def evolve(self, **changes: Any) -> NoticeContent:
        """A copy with some fields changed."""
        return replace(self, **changes)


CONTENT_KEYS = tuple(item.name for item in fields(NoticeContent))
"""The payload keys that hold content."""


def _lines(value: Any, key: str, most: int, longest: int) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        items: Iterable[Any] = value.splitlines()
    elif isinstance(value, list | tuple):
        items = value
    else:
        raise ValidationError(key, Message("应为文本列表"))
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise ValidationError(key, Message("应为文本列表"))
        text = require_text(item, key, longest, required=False)
        if text and text not in out:
            out.append(text)
    if len(out) > most:
        raise ValidationError(
            key,
            Message(
                "最多 {limit}，当前为 {count}",
                limit=Message("%n 项", n=most),
                count=Message("%n 项", n=len(out)),
            ),
        )
    return tuple(out)


def _deadline_days(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError("deadline_days", Message("「{value}」不是整数", value=str(value)))
    try:
        days = int(str(value).strip())
    except ValueError:
        raise ValidationError(
            "deadline_days", Message("「{value}」不是整数", value=str(value))
        ) from None
    if not 1 <= days <= MAX_DEADLINE_DAYS:
        raise ValidationError(
            "deadline_days", Message("应在 {low} 到 %n 个工作日之间", n=MAX_DEADLINE_DAYS, low=1)
        )
    return days


def _party(data: Mapping[str, Any], complete: bool) -> Party:
    """The party keys of `data` checked by `validate_party`, errors naming the content key."""
    raw = {key: data.get(content_key) for key, content_key in _PARTY_KEYS.items()}
    try:
        return validate_party(raw, prefix="", complete=complete)
    except ValidationError as exc:
        if exc.field in _PARTY_KEYS and _PARTY_KEYS[exc.field] != exc.field:
            raise ValidationError(_PARTY_KEYS[exc.field], exc.message) from None
        raise


def validate_content(data: Mapping[str, Any]) -> NoticeContent:
    """Check the content keys of a payload (a draft may be incomplete: see `missing_for_issue`).

    The party is checked by its type (`desktop.domain.party.validate_party`): an ID number
    given is checked by its check character, whatever else is still missing. Raises
    ValidationError naming the payload key of the first bad field.
    """
    values: dict[str, Any] = {}
    for key, limit in _TEXT_LIMITS.items():
        raw = data.get(key)
        if raw is not None and not isinstance(raw, str):
            raise ValidationError(key, Message("应为文本"))
        values[key] = require_text(raw, key, limit, required=False)
    for key, (most, longest) in _LIST_LIMITS.items():
        values[key] = _lines(data.get(key), key, most, longest)
    party = _party(data, complete=False)
    values.update(
        party_type=party.party_type.value,
        credit_code=party.credit_code,
        id_number=party.id_number,
        operator=party.operator,
        legal_representative=party.legal_representative,
    )
    phone = str(data.get("contact_phone") or "").strip()
    values["contact_phone"] = validate_phone(phone, "contact_phone") if phone else ""
    values["deadline_days"] = _deadline_days(data.get("deadline_days"))
    raw_date = data.get("deadline_date")
    if raw_date is not None and not isinstance(raw_date, str | date):
        raise ValidationError("deadline_date", Message("应为日期文本，如 2026-03-05"))
    if isinstance(raw_date, date):
        values["deadline_date"] = raw_date
    else:
        text = (raw_date or "").strip()
        values["deadline_date"] = parse_date(text, "deadline_date") if text else None
    if values["deadline_days"] is not None and values["deadline_date"] is not None:
        raise ValidationError(
            "deadline_days", Message("整改期限只能填写工作日天数或截止日期中的一项")
        )
    return NoticeContent(**values)


def missing_for_issue(content: NoticeContent, kind: NoticeKind) -> ValidationError | None:
    """The first field a notice of `kind` still lacks before it can be issued, or None.

    The party needs what its type needs (an individual's ID number and address, a sole
    trader's operator and ID number); the facts need the findings after the lead-in; the
    review body and the court come from the unit directory and are never guessed, so a
    notice without them is refused until they are filled in.
    """
    if not content.party_name:
        return ValidationError("party_name", Message("签发前必须填写"))
    try:
        _party(content.to_dict(), complete=True)
    except ValidationError as exc:
        return exc
    required = ["address", "facts", "order", "authority", "review_body", "litigation_court"]
    for key in required:
        if not getattr(content, key):
            return ValidationError(key, Message("签发前必须填写"))
    if content.facts.rstrip().endswith(LEAD_IN_END):
        return ValidationError(
            "facts", Message("请在“发现：”之后写明现场检查发现的违法事实（不能只有开头）")
        )
    if content.deadline_days is None and content.deadline_date is None:
        return ValidationError(
            "deadline_days", Message("签发前必须填写整改期限（工作日天数或截止日期）")
        )
    if kind is NoticeKind.CORRECTION_ORDER and not content.clause_ids:
        return ValidationError("clause_ids", Message("责令改正违法行为决定书须引用法律条款"))
    return None


# --------------------------------------------------------------------------- parts


@dataclass(frozen=True)
class Clause:
    """An article of law a notice cites: the library's id, the law, the article and its text."""

    clause_id: str
    law: str
    article: str
    text: str

    @property
    def title(self) -> str:
        """How the clause is cited: 《中华人民共和国大气污染防治法》第一百零八条."""
        law = self.law if self.law.startswith("《") else f"《{self.law}》"
        return f"{law}{self.article}"

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form (the seed file's and the protocol's keys)."""
        return {"id": self.clause_id, "law": self.law, "article": self.article, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Clause:
        """Read a clause object ({"id", "law", "article", "text"})."""
        return cls(str(data["id"]), str(data["law"]), str(data["article"]), str(data["text"]))


@dataclass(frozen=True)
class Service:
    """The proof of service (送达回证): how, when, where, to whom, by whom."""

    method: ServiceMethod
    served_at: datetime
    place: str
    recipient: str
    relation: str
    servers: tuple[str, ...]
    witness: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "method": self.method.value,
            "served_at": self.served_at.isoformat(),
            "place": self.place,
            "recipient": self.recipient,
            "relation": self.relation,
            "witness": self.witness,
            "servers": list(self.servers),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Service:
        """Read a stored or sent service object."""
        return cls(
            method=ServiceMethod(data["method"]),
            served_at=to_china(datetime.fromisoformat(data["served_at"])),
            place=str(data["place"]),
            recipient=str(data["recipient"]),
            relation=str(data["relation"]),
            witness=str(data.get("witness") or ""),
            servers=tuple(str(s) for s in data.get("servers") or ()),
        )


# --------------------------------------------------------------------------- state


@dataclass(frozen=True)
class NoticeState:
    """One notice as the rules read and write it.

    `rectify_deadline` is set at ISSUE (from the issue time) and again at SERVE (from the
    service time); `clauses` are the cited articles frozen at ISSUE, as printed.
    """

    notice_id: str
    clue_code: str
    kind: NoticeKind
    status: NoticeStatus
    unit_code: str
    content: NoticeContent
    created_at: datetime
    created_by: str = ""
    number: str | None = None
    number_year: int | None = None
    number_seq: int | None = None
    issued_at: datetime | None = None
    clauses: tuple[Clause, ...] = ()
    verification: str = ""
    service: Service | None = None
    rectify_deadline: datetime | None = None
    reinspected_at: datetime | None = None
    reinspection_note: str = ""
    case_number: str = ""
    case_filed_at: date | None = None
    case_closed_at: date | None = None
    case_result: str = ""

    def evolve(self, **changes: Any) -> NoticeState:
        """A copy with some fields changed."""
        return replace(self, **changes)

    @property
    def served_at(self) -> datetime | None:
        """When the notice was served, if it was."""
        return self.service.served_at if self.service is not None else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: what the store keeps and the protocol's notice object carries."""
        return {
            "notice_id": self.notice_id,
            "clue_code": self.clue_code,
            "kind": self.kind.value,
            "status": self.status.value,
            "unit_code": self.unit_code,
            "content": self.content.to_dict(),
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "number": self.number,
            "number_year": self.number_year,
            "number_seq": self.number_seq,
            "issued_at": iso_or_none(self.issued_at),
            "clauses": [c.to_dict() for c in self.clauses],
            "verification": self.verification,
            "service": self.service.to_dict() if self.service is not None else None,
            "rectify_deadline": iso_or_none(self.rectify_deadline),
            "reinspected_at": iso_or_none(self.reinspected_at),
            "reinspection_note": self.reinspection_note,
            "case_number": self.case_number,
            "case_filed_at": iso_or_none(self.case_filed_at),
            "case_closed_at": iso_or_none(self.case_closed_at),
            "case_result": self.case_result,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NoticeState:
        """Read a stored or sent notice; KeyError, TypeError or ValueError if malformed."""
        service = data.get("service")
        year, seq = data.get("number_year"), data.get("number_seq")
        created = moment_or_none(data["created_at"])
        if created is None:
            raise ValueError("created_at")
        return cls(
            notice_id=str(data["notice_id"]),
            clue_code=str(data.get("clue_code") or ""),
            kind=NoticeKind(data["kind"]),
            status=NoticeStatus(data["status"]),
            unit_code=str(data["unit_code"]),
            content=NoticeContent.from_dict(data["content"]),
            created_at=created,
            created_by=str(data.get("created_by") or ""),
            number=data.get("number") or None,
            number_year=int(year) if year is not None else None,
            number_seq=int(seq) if seq is not None else None,
            issued_at=moment_or_none(data.get("issued_at")),
            clauses=tuple(Clause.from_dict(c) for c in data.get("clauses") or ()),
            verification=str(data.get("verification") or ""),
            service=Service.from_dict(service) if service else None,
            rectify_deadline=moment_or_none(data.get("rectify_deadline")),
            reinspected_at=moment_or_none(data.get("reinspected_at")),
            reinspection_note=str(data.get("reinspection_note") or ""),
            case_number=str(data.get("case_number") or ""),
            case_filed_at=day_or_none(data.get("case_filed_at")),
            case_closed_at=day_or_none(data.get("case_closed_at")),
            case_result=str(data.get("case_result") or ""),
        )
