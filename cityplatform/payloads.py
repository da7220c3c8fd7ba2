"""Push payloads: their JSON types, the attachments they cite, and the payload key of a
field the shared rules name by its Chinese label."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from cityplatform.changes import AttachmentRef

SHA256 = re.compile(r"[0-9a-f]{64}")

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

TEXT_KEYS = frozenset(
    {
        "channel",
        "received_at",
        "category",
        "priority",
        "description",
        "address",
        "county_code",
        "township_code",
        "subject_name",
        "subject_credit_code",
        "reporter_name",
        "reporter_phone",
        "lead_unit",
        "handle_deadline",
        "note",
        "reason",
        "result",
    }
)
NUMBER_KEYS = frozenset({"latitude", "longitude"})


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


def check_payload(payload: Mapping[str, Any]) -> list[AttachmentRef]:
    """Refuse payload values of the wrong JSON type; return the cited attachments."""
    for key in TEXT_KEYS & payload.keys():
        if payload[key] is not None and not isinstance(payload[key], str):
            raise Rejected("invalid", f"{key} 应为字符串", key)
    for key in NUMBER_KEYS & payload.keys():
        value = payload[key]
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise Rejected("invalid", f"{key} 应为数字", key)
    if "days" in payload:
        days = payload["days"]
        if isinstance(days, bool) or not isinstance(days, int | str):
            raise Rejected("invalid", "days 应为整数", "days")
    if "assisting_units" in payload:
        units = payload["assisting_units"]
        if units is not None and (
            not isinstance(units, list) or not all(isinstance(u, str) for u in units)
        ):
            raise Rejected("invalid", "assisting_units 应为单位编码列表", "assisting_units")
    raw = payload.get("attachments")
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise Rejected("invalid", "attachments 应为列表", "attachments")
    refs = []
    for index, item in enumerate(raw):
        field = f"attachments.{index}"
        if not isinstance(item, dict):
            raise Rejected("invalid", f"{field} 应为对象（sha256、name）", field)
        sha, name = item.get("sha256"), item.get("name")
        if not isinstance(sha, str) or not SHA256.fullmatch(sha):
            raise Rejected("invalid", f"{field}.sha256 应为 64 位小写十六进制", f"{field}.sha256")
        if not isinstance(name, str) or not name.strip() or len(name) > 255:
            raise Rejected("invalid", f"{field}.name 应为 1 到 255 个字符的文件名", f"{field}.name")
        refs.append(AttachmentRef(sha, name.strip()))
    return refs
