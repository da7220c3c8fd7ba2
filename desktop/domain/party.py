"""The party (当事人) of a notice or a penalty case: an organisation (单位), a sole trader
(个体工商户, with its operator) or a natural person (自然人), and the checks of each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from desktop.domain.codes import Labelled
from desktop.domain.id_numbers import validate_id_number
from desktop.domain.messages import Message
from desktop.domain.validators import ValidationError, require_text, validate_credit_code


class PartyType(Labelled):
    """Who the party is: 单位, 个体工商户 or 自然人."""

    ORGANISATION = "organisation"
    SOLE_TRADER = "sole_trader"
    INDIVIDUAL = "individual"

    @property
    def label(self) -> str:
        """The Chinese name of the party type."""
        return _LABELS[self]


_LABELS = {
    PartyType.ORGANISATION: "单位",
    PartyType.SOLE_TRADER: "个体工商户",
    PartyType.INDIVIDUAL: "自然人",
}

PARTY_LABELS: Mapping[str, str] = {
    "party_type": "当事人类型",
    "name": "当事人",
    "credit_code": "统一社会信用代码",
    "id_number": "身份证号码",
    "address": "住所（住址）",
    "legal_representative": "法定代表人（负责人）",
    "operator": "经营者",
}
"""The Chinese label of each party key."""


@dataclass(frozen=True)
class Party:
    """A party as printed: its type, name, codes, address and the person answering for it."""

    party_type: PartyType = PartyType.ORGANISATION
    name: str = ""
    credit_code: str = ""
    id_number: str = ""
    address: str = ""
    legal_representative: str = ""
    operator: str = ""

    @property
    def person(self) -> str:
        """Who answers for the party: the legal representative, the operator, or the person."""
        if self.party_type is PartyType.ORGANISATION:
            return self.legal_representative
        if self.party_type is PartyType.SOLE_TRADER:
            return self.operator
        return self.name

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        data = {item.name: getattr(self, item.name) for item in fields(self)}
        data["party_type"] = self.party_type.value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Party:
        """Read stored or sent data as it is (trusted; see `validate_party`)."""
        values = {item.name: str(data.get(item.name) or "") for item in fields(cls)}
        kind = values.pop("party_type") or PartyType.ORGANISATION.value
        return cls(party_type=PartyType(kind), **values)


def _key(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def validate_party(
    raw: Mapping[str, Any], prefix: str = "party", *, complete: bool = True
) -> Party:
    """Check a party's fields by its type; ValidationError names the key (e.g. party.id_number).

    单位: name required, a credit code checked when given. 个体工商户: name (字号) and operator
    required, the operator's ID number required and checked, a credit code checked when given.
    自然人: name, ID number (checked) and address required. With `complete` False (a draft)
    nothing is required, but what is given is checked all the same.
    """
    if not isinstance(raw, Mapping):
        raise ValidationError(prefix or "party", Message("应为对象"))

    def text(name: str, limit: int, required: bool = False) -> str:
        value = raw.get(name)
        if value is not None and not isinstance(value, str):
            raise ValidationError(_key(prefix, name), Message("应为文本"))
        return require_text(value, _key(prefix, name), limit, required=required)

    kind_text = raw.get("party_type") or PartyType.ORGANISATION.value
    try:
        if not isinstance(kind_text, str):
            raise ValueError(kind_text)
        kind = PartyType.from_text(kind_text)
    except ValueError:
        raise ValidationError(
            _key(prefix, "party_type"),
            Message("「{value}」不是有效选项（可选：单位、个体工商户、自然人）", value=kind_text),
        ) from None
    individual = kind is PartyType.INDIVIDUAL and complete
    trader = kind is PartyType.SOLE_TRADER and complete
    name = text("name", 200, required=complete)
    credit = "" if kind is PartyType.INDIVIDUAL else text("credit_code", 30)
    if credit:
        credit = validate_credit_code(credit, _key(prefix, "credit_code"))
    id_number = text("id_number", 30, required=individual or trader)
    if id_number:
        id_number = validate_id_number(id_number, _key(prefix, "id_number"))
    return Party(
        party_type=kind,
        name=name,
        credit_code=credit,
        id_number=id_number,
        address=text("address", 200, required=individual),
        legal_representative=text("legal_representative", 50)
        if kind is PartyType.ORGANISATION
        else "",
        operator=text("operator", 50, required=trader) if kind is PartyType.SOLE_TRADER else "",
    )


__all__ = ["PARTY_LABELS", "Party", "PartyType", "validate_party"]
