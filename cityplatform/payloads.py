"""Push payloads checked against their wire models, the attachments they cite, and the key of a
field the shared rules name by its Chinese label."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from cityplatform.changes import AttachmentRef
from desktop.wire.base import wire_error
from desktop.wire.payloads import CluePayload

P = TypeVar("P", bound=BaseModel)

FIELD_KEYS: Mapping[str, str] = {
    "举报途径": "channel",
    "污染类别": "category",
    "紧急程度": "priority",
    "受理时间": "received_at",
    "线索内容": "description",
    "地址": "address",
    "所属县区": "county_code",
    "所属乡镇（街道）": "township_code",
    "被反映对象": "subject_name",
    "统一社会信用代码": "subject_credit_code",
    "举报人": "reporter_name",
    "举报人电话": "reporter_phone",
    "纬度": "latitude",
    "经度": "longitude",
    "主办单位": "lead_unit",
    "协办单位": "assisting_units",
    "办理时限": "handle_deadline",
    "理由": "reason",
    "退回理由": "reason",
    "延期理由": "reason",
    "不予延期理由": "reason",
    "驳回理由": "reason",
    "核查意见": "reason",
    "延期天数": "days",
    "办理结果": "result",
    "督办意见": "note",
    "协办意见": "note",
}
"""Payload keys of the fields the rules name by their Chinese labels."""


def field_key(label: str) -> str:
    """The payload key of a field the rules name by its label."""
    return FIELD_KEYS.get(label, label)


class Rejected(Exception):
    """A final refusal of one action."""

    def __init__(self, code: str, reason: str, field: str | None = None) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.field = field


_TYPE_NAMES = frozenset({"int", "str", "float", "bool", "none"})


def _key(loc: tuple[int | str, ...]) -> str:
    """`attachments.0.sha256` from a payload validation error's location (union member
    labels such as `int` or `list[...]` left out)."""
    parts = [str(p) for p in loc if not (isinstance(p, str) and (p in _TYPE_NAMES or "[" in p))]
    return ".".join(parts)


def checked_payload(model: type[P], payload: Mapping[str, Any]) -> P:
    """The payload checked against its wire model; Rejected `invalid` names the bad key."""
    try:
        return model.model_validate(payload)
    except PydanticValidationError as exc:
        first = exc.errors(include_url=False)[0]
        key = _key(tuple(first["loc"]))
        problem = wire_error(exc).problem
        raise Rejected("invalid", f"{key}：{problem}", key) from None


def check_payload(payload: Mapping[str, Any]) -> list[AttachmentRef]:
    """Refuse payload values of the wrong JSON type; return the cited attachments."""
    checked = checked_payload(CluePayload, payload)
    return [AttachmentRef(cite.sha256, cite.name) for cite in checked.attachments or ()]
