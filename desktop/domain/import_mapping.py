"""Which column of a channel's list holds which field of a clue: the fields an import fills,
the column names channel systems use for them, and the mapping of a file's columns."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from desktop.domain.codes import Channel
from desktop.domain.fields import field_label
from desktop.domain.import_table import header_key


@dataclass(frozen=True)
class ImportField:
    """A clue field an imported row may fill: its payload key, whether a row must have it,
    and the column names lists commonly give it (the first is the one shown as an example)."""

    key: str
    required: bool
    names: tuple[str, ...]

    @property
    def label(self) -> str:
        """The Chinese label of the field (desktop.domain.fields)."""
        return field_label(self.key)


IMPORT_FIELDS: tuple[ImportField, ...] = (
    ImportField(
        "channel_ref",
        True,
        (
            "工单编号",
            "工单号",
            "渠道编号",
            "交办编号",
            "交办件编号",
            "受理编号",
            "信件编号",
            "编号",
        ),
    ),
    ImportField(
        "received_at",
        True,
        ("受理时间", "来电时间", "交办时间", "登记时间", "派单时间", "受理日期", "交办日期"),
    ),
    ImportField(
        "description",
        True,
        ("诉求内容", "线索内容", "交办内容", "反映内容", "问题描述", "来电内容", "举报内容"),
    ),
    ImportField("address", True, ("地址", "事发地址", "问题地址", "详细地址", "发生地址")),
    ImportField("category", True, ("类别", "污染类别", "问题类别", "诉求类别", "线索类别")),
    ImportField("priority", False, ("紧急程度", "缓急程度", "紧急度")),
    ImportField(
        "township_code",
        False,
        ("所属乡镇（街道）", "所属乡镇/街道", "乡镇（街道）", "乡镇街道", "所属乡镇", "乡镇"),
    ),
    ImportField("county_code", False, ("所属县区", "县区", "所属区县", "区县")),
    ImportField(
        "subject_name", False, ("被反映对象", "被举报对象", "被反映单位", "涉事单位", "被投诉对象")
    ),
    ImportField("subject_credit_code", False, ("统一社会信用代码", "社会信用代码", "信用代码")),
    ImportField(
        "reporter_name", False, ("举报人", "举报人姓名", "来电人", "来电人姓名", "反映人", "姓名")
    ),
    ImportField(
        "reporter_phone", False, ("联系电话", "举报人电话", "来电号码", "联系方式", "电话")
    ),
    ImportField("due_by", False, ("办理时限", "交办期限", "办结时限", "要求办结时间", "反馈时限")),
)
"""The fields of a clue an import fills, in the order the mapping editor shows them."""

FIELDS_BY_KEY: Mapping[str, ImportField] = {f.key: f for f in IMPORT_FIELDS}

BUILT_IN_MAPPINGS: Mapping[Channel, Mapping[str, str]] = {
    Channel.HOTLINE_12345: {
        "channel_ref": "工单编号",
        "received_at": "受理时间",
        "description": "诉求内容",
        "address": "地址",
        "township_code": "所属乡镇（街道）",
        "subject_name": "被反映对象",
        "subject_credit_code": "统一社会信用代码",
        "reporter_name": "来电人",
        "reporter_phone": "联系电话",
        "category": "类别",
        "priority": "紧急程度",
        "due_by": "办理时限",
    },
    Channel.HIGHER_ASSIGNMENT: {
        "channel_ref": "交办编号",
        "received_at": "交办时间",
        "description": "交办内容",
        "address": "地址",
        "township_code": "所属乡镇（街道）",
        "subject_name": "被反映对象",
        "subject_credit_code": "统一社会信用代码",
        "reporter_name": "举报人",
        "reporter_phone": "联系电话",
        "category": "类别",
        "priority": "紧急程度",
        "due_by": "办结时限",
    },
}
"""The column names of the 12345 hotline's daily work orders and of a 上级交办 list."""

_KNOWN_KEYS = frozenset(header_key(name) for f in IMPORT_FIELDS for name in f.names)


def _keys_of(header: str) -> tuple[str, ...]:
    """The forms a header is matched by: whole, its group and name run together, its last part
    (a two-row header reads "举报人信息/联系电话")."""
    parts = [p for p in header.split("/") if p.strip()]
    forms = [header_key(header), header_key("".join(parts))]
    if parts:
        forms.append(header_key(parts[-1]))
    return tuple(dict.fromkeys(forms))


def is_known_header(header: str) -> bool:
    """Whether a column name is one a channel's list uses for a clue field."""
    return any(key in _KNOWN_KEYS for key in _keys_of(header))


def header_matcher(mapping: Mapping[str, str | None] | None) -> Callable[[str], bool]:
    """What a header row is recognised by: the common names, and the columns a mapping
    (given, or remembered for the channel) names."""
    named = {header_key(n) for n in (mapping or {}).values() if n}

    def known(header: str) -> bool:
        return is_known_header(header) or any(key in named for key in _keys_of(header))

    return known


def _find(headers: Sequence[str], name: str, taken: set[int]) -> int | None:
    wanted = header_key(name)
    for index, header in enumerate(headers):
        if index not in taken and header and wanted in _keys_of(header):
            return index
    return None


def resolve_columns(
    headers: Sequence[str], channel: Channel, remembered: Mapping[str, str | None] | None = None
) -> dict[str, int | None]:
    """Each import field's column in a file with these headers (None: not in the file).

    A field the user mapped before (`remembered`: field → header, None for "not imported")
    keeps that choice when the file has that column; otherwise the channel's built-in name,
    then the common names, are looked for. No column serves two fields.
    """
    remembered = remembered or {}
    built_in = BUILT_IN_MAPPINGS.get(channel, {})
    columns: dict[str, int | None] = {}
    taken: set[int] = set()
    pending: list[ImportField] = []
    for field in IMPORT_FIELDS:
        if field.key in remembered:
            name = remembered[field.key]
            found = _find(headers, name, taken) if name else None
            if found is not None or not name:
                columns[field.key] = found
                if found is not None:
                    taken.add(found)
                continue
        pending.append(field)
    for field in pending:
        found = None
        for name in (built_in.get(field.key), *field.names):
            if name:
                found = _find(headers, name, taken)
                if found is not None:
                    break
        columns[field.key] = found
        if found is not None:
            taken.add(found)
    return {f.key: columns.get(f.key) for f in IMPORT_FIELDS}


def mapping_of(
    headers: Sequence[str], columns: Mapping[str, int | None], channel: Channel
) -> dict[str, str | None]:
    """The columns chosen for each field as the store remembers them: field → header name,
    or None where the user chose not to import a column the names would have found. A field
    this file has no column for is left out, so the next file is matched afresh."""
    found = resolve_columns(headers, channel)
    mapping: dict[str, str | None] = {}
    for key, index in columns.items():
        if index is not None and index < len(headers):
            mapping[key] = headers[index]
        elif found.get(key) is not None:
            mapping[key] = None
    return mapping


def missing_required(columns: Mapping[str, int | None]) -> tuple[ImportField, ...]:
    """The required fields no column is chosen for."""
    return tuple(f for f in IMPORT_FIELDS if f.required and columns.get(f.key) is None)
