"""The Chinese label of each payload key: the rules name a field by its key, people by its label."""

from __future__ import annotations

from collections.abc import Mapping

FIELD_LABELS: Mapping[str, str] = {
    # a clue as registered
    "channel": "举报途径",
    "channel_ref": "渠道编号",
    "due_by": "交办期限",
    "category": "污染类别",
    "priority": "紧急程度",
    "received_at": "受理时间",
    "description": "线索内容",
    "address": "地址",
    "county_code": "所属县区",
    "township_code": "所属乡镇（街道）",
    "subject_name": "被反映对象",
    "subject_credit_code": "统一社会信用代码",
    "reporter_name": "举报人",
    "reporter_phone": "举报人电话",
    "latitude": "纬度",
    "longitude": "经度",
    "phone": "联系电话",
    # the actions of the closed loop
    "lead_unit": "主办单位",
    "assisting_units": "协办单位",
    "handle_deadline": "办理时限",
    "reason": "理由",
    "days": "延期天数",
    "result": "办理结果",
    "finding": "核查结论",
    "measures": "整改措施",
    "attachments": "佐证材料",
    "note": "意见",
    "target_county": "转办县区",
    "original": "原件线索编号",
    "ground": "不予受理依据",
    "callback": "回访结果",
    "override_reason": "未闭环办结理由",
    # the weekly verification
    "verdict": "核查结果",
    "batch_id": "核查批次",
    "week": "核查周",
    "plan": "抽样方案",
    "seed": "随机种子",
    "items": "抽取的线索",
}
"""Payload key → the label a clerk reads; keys without an entry are shown as they are."""


def field_label(key: str) -> str:
    """The Chinese label of a payload key (dotted keys: the label of their first part)."""
    return FIELD_LABELS.get(key) or FIELD_LABELS.get(key.split(".")[0], key)
