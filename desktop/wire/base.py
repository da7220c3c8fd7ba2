"""Building blocks of the wire format: base models, shared field types, parsing with a path."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from desktop.domain.messages import N_, Message, message_data
from desktop.domain.timeutil import to_china
from desktop.wire.text import ACTION_ID_LENGTH

ChinaTime = Annotated[AwareDatetime, AfterValidator(to_china)]
"""An ISO 8601 instant with its offset, read as China time."""

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
"""A SHA-256 digest: 64 lower-case hexadecimal digits."""

ActionId = Annotated[str, StringConstraints(min_length=1, max_length=ACTION_ID_LENGTH)]
"""A client-generated action id (a UUID)."""

DeviceId = Annotated[str, StringConstraints(min_length=1, max_length=64)]
"""A device's id, chosen by the client once per installation."""

ClueCode = Annotated[str, StringConstraints(min_length=1, max_length=64)]
"""A clue's code: the platform's LYG… or a device's provisional 临… code."""

UnitCode = Annotated[str, StringConstraints(min_length=1, max_length=20)]
"""A unit's code (administrative division code or department code)."""

Count = Annotated[int, Field(ge=0)]
"""A non-negative integer."""


class Answer(BaseModel):
    """A body the platform sends: immutable, strictly typed, unknown keys ignored (so an
    older client reads a newer platform's answer)."""

    model_config = ConfigDict(frozen=True, strict=True, extra="ignore", defer_build=True)


def refuse_nul(value: Any) -> Any:
    """`value` unless a string in it holds U+0000 (which PostgreSQL cannot store and no
    record of ours contains): ValueError then."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError(Message("不能含有 NUL 字符（U+0000）"))
    elif isinstance(value, dict):
        for key, item in value.items():
            refuse_nul(key)
            refuse_nul(item)
    elif isinstance(value, list | tuple):
        for item in value:
            refuse_nul(item)
    return value


class MessageTemplate(Answer):
    """A sentence for people as its Chinese source template, plural count and arguments,
    so that each client renders it in its own language (desktop.domain.messages).

    `args` maps a placeholder to data (a string or integer, shown as it is), {"label": …}
    (a code's Chinese label), {"message": {…}} (a nested sentence) or {"list": […]}. The
    rendered Chinese text travels beside it (`reason`, `message`) for logs and old clients.
    """

    source: str = Field(min_length=1, max_length=2000)
    n: int | None = None
    args: dict[str, Any] = Field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> MessageTemplate | None:
        """The template of a domain message, or None for a plain text."""
        data = message_data(text)
        return cls.model_validate(data, strict=False) if data is not None else None

    def message(self) -> Message:
        """The sentence, rendered in the installed language."""
        return Message.from_data(self.model_dump(exclude_none=True))


def localized(text: str, template: MessageTemplate | None) -> str:
    """`template` rendered in the installed language when there is one, else `text`."""
    return template.message() if template is not None else text


class Request(BaseModel):
    """A body the client sends: strictly typed, unknown keys refused, no NUL characters."""

    model_config = ConfigDict(strict=True, extra="forbid", defer_build=True)

    checked_later: ClassVar[frozenset[str]] = frozenset()
    """Fields checked on their own later (a push action's payload: per action)."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any, info: ValidationInfo) -> Any:
        return value if info.field_name in cls.checked_later else refuse_nul(value)


M = TypeVar("M", bound=BaseModel)


class WireError(ValueError):
    """A body that does not have the protocol's shape; `path` names the first bad part."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}：{problem}")
        self.path = path
        self.problem = problem


UNION_TAGS: set[str] = set()
"""Tags of the wire's discriminated unions: pydantic puts the tag into an error's location
(changes.1.clue.clue.status); the path a person reads leaves it out."""


def error_path(loc: Sequence[int | str], root: str = "") -> str:
    """`changes[3].clue.events[0].at` from pydantic's location tuple."""
    path = root
    previous: int | str | None = None
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif isinstance(previous, int) and part in UNION_TAGS:
            pass
        else:
            path += f".{part}" if path else str(part)
        previous = part
    return path or "body"


_PROBLEMS = {
    "missing": N_("缺少该字段"),
    "timezone_aware": N_("时间缺少时区"),
    "datetime_from_date_parsing": N_("不是 ISO 8601 时间"),
    "datetime_parsing": N_("不是 ISO 8601 时间"),
    "datetime_type": N_("应为 ISO 8601 时间"),
    "string_type": N_("应为字符串"),
    "int_type": N_("应为整数"),
    "int_parsing": N_("应为整数"),
    "float_type": N_("应为数字"),
    "bool_type": N_("应为 true 或 false"),
    "list_type": N_("应为数组"),
    "dict_type": N_("应为对象"),
    "model_type": N_("应为对象"),
    "model_attributes_type": N_("应为对象"),
    "enum": N_("不是有效的代码"),
    "literal_error": N_("不是有效的取值"),
    "greater_than_equal": N_("应为非负数"),
    "string_pattern_mismatch": N_("格式不对"),
    "string_too_short": N_("不能为空"),
    "string_too_long": N_("过长"),
    "json_invalid": N_("不是有效的 JSON"),
    "union_tag_invalid": N_("未知的类型"),
    "union_tag_not_found": N_("缺少类型"),
}


def wire_error(exc: ValidationError, root: str = "") -> WireError:
    """The first problem of a validation error, in Chinese, with its path."""
    first = exc.errors(include_url=False)[0]
    known = _PROBLEMS.get(first["type"])
    problem: str = Message(known) if known is not None else str(first["msg"])
    if first["type"] not in ("missing", "json_invalid") and "input" in first:
        problem = Message(
            "{problem}，而不是 {value}", problem=problem, value=_short(first["input"])
        )
    return WireError(error_path(first["loc"], root), problem)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


@cache
def adapter(kind: Any) -> TypeAdapter[Any]:
    """The (cached) validator and serializer of a wire type."""
    return TypeAdapter(kind)


def parse_wire(kind: type[M] | Any, data: bytes | str | Any, root: str = "") -> M | Any:
    """JSON text, or decoded JSON, checked as `kind` (a model or a type such as
    `list[Change]`); WireError names the bad part."""
    if not isinstance(data, bytes | str):
        data = json.dumps(data, ensure_ascii=False)
    try:
        return adapter(kind).validate_json(data)
    except ValidationError as exc:
        raise wire_error(exc, root) from None


def build(model: type[M], data: Any) -> M:
    """`model` from Python data the platform assembled (datetimes, enums, rows' values)."""
    return model.model_validate(data, strict=False)
