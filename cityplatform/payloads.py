"""Push payloads checked against their wire models, and the attachments they cite."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from cityplatform.changes import AttachmentRef
from desktop.domain.messages import Message
from desktop.wire.base import wire_error
from desktop.wire.payloads import CluePayload

P = TypeVar("P", bound=BaseModel)


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
        raise Rejected(
            "invalid", Message("{key}：{problem}", key=key, problem=problem), key
        ) from None


def check_payload(payload: Mapping[str, Any]) -> list[AttachmentRef]:
    """Refuse payload values of the wrong JSON type; return the cited attachments."""
    checked = checked_payload(CluePayload, payload)
    return [AttachmentRef(cite.sha256, cite.name) for cite in checked.attachments or ()]
