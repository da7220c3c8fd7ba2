"""The payloads of pushed actions: the JSON types of their keys (what they mean is the
rules' business, `desktop.domain.workflow` and `desktop.domain.notices`).

A push request is checked whole by `desktop.wire.sync.PushRequest`; each action's payload
is checked on its own with these models, so that one bad action is rejected (`invalid`,
naming the key) while the others of the batch are applied.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
    field_validator,
    model_validator,
)

from desktop.domain.notice_content import CONTENT_KEYS
from desktop.wire.base import Sha256, refuse_nul

FileName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]


class Payload(BaseModel):
    """A payload: JSON types checked strictly, no NUL characters; keys it does not name are
    the rules' concern."""

    model_config = ConfigDict(strict=True, extra="allow", frozen=True, defer_build=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        return refuse_nul(value)

    @model_validator(mode="after")
    def _no_nul_in_other_keys(self) -> Payload:
        for key, value in (self.model_extra or {}).items():
            try:
                refuse_nul(value)
            except ValueError as exc:
                raise ValueError(f"{key} {exc}") from None
        return self


class AttachmentCite(BaseModel):
    """A file an action cites: its digest (uploaded first) and the name it is added with."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True, defer_build=True)

    sha256: Sha256
    name: FileName


class CluePayload(Payload):
    """The payload of a clue action (register, dispatch, sign, report, …)."""

    channel: str | None = None
    received_at: str | None = None
    category: str | None = None
    priority: str | None = None
    description: str | None = None
    address: str | None = None
    county_code: str | None = None
    township_code: str | None = None
    subject_name: str | None = None
    subject_credit_code: str | None = None
    reporter_name: str | None = None
    reporter_phone: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    channel_ref: str | None = None
    due_by: str | None = None
    lead_unit: str | None = None
    assisting_units: list[str] | None = None
    handle_deadline: str | None = None
    days: int | str | None = None
    reason: str | None = None
    result: str | None = None
    finding: str | None = None
    measures: str | None = None
    callback: str | None = None
    override_reason: str | None = None
    target_county: str | None = None
    original: str | None = None
    ground: str | None = None
    note: str | None = None
    attachments: list[AttachmentCite] | None = None


_NOTICE_LISTS = ("evidence", "clause_ids", "basis_ids")
_NOTICE_TEXTS = (
    *(key for key in CONTENT_KEYS if key not in (*_NOTICE_LISTS, "deadline_days")),
    "kind",
    "number",
    "issued_at",
    "method",
    "served_at",
    "place",
    "recipient",
    "relation",
    "witness",
    "result",
    "inspected_at",
    "note",
    "case_number",
    "filed_on",
    "closed_on",
    "case_result",
)
_notice_fields: dict[str, Any] = {
    "notice_id": (str, Field(min_length=1, max_length=64)),
    **{key: (str | None, None) for key in _NOTICE_TEXTS},
    "number_year": (int | None, None),
    "number_seq": (int | None, None),
    **{key: (str | list[Any] | None, None) for key in (*_NOTICE_LISTS, "servers")},
    "clauses": (list[Any] | None, None),
}
NoticePayload = create_model(
    "NoticePayload",
    __base__=Payload,
    __doc__="The payload of a notice action: the content keys of the notice (the domain's "
    "`NoticeContent`) and those of its steps (issue, serve, re-inspect, case).",
    **_notice_fields,
)
"""The payload of a notice action (`notice.*`)."""


_CASE_TEXTS = (
    "cause",
    "law",
    "filed_on",
    "investigated_on",
    "note",
    "notified_on",
    "document_number",
    "received_on",
    "result",
    "text",
    "held_on",
    "decided_on",
    "facts",
    "discretion",
    "method",
    "served_at",
    "place",
    "recipient",
    "relation",
    "witness",
    "executed_on",
    "outcome",
    "closed_on",
    "approved_by",
    "reason",
    "number",
)
_CASE_LISTS = ("evidence", "notice_ids", "violated_clause_ids", "basis_clause_ids", "servers")
_case_fields: dict[str, Any] = {
    "case_id": (str, Field(min_length=1, max_length=64)),
    **{key: (str | None, None) for key in _CASE_TEXTS},
    "number_year": (int | None, None),
    "number_seq": (int | None, None),
    "days": (int | str | None, None),
    "amount_paid": (str | int | float | None, None),
    "hearing_requested": (bool | None, None),
    "party": (dict[str, Any] | None, None),
    "officers": (list[Any] | None, None),
    "penalties": (list[Any] | None, None),
    **{key: (str | list[Any] | None, None) for key in _CASE_LISTS},
}
CasePayload = create_model(
    "CasePayload",
    __base__=Payload,
    __doc__="The payload of a penalty-case action: the keys of its steps (file, investigate, "
    "notify, statement, hearing, decide, serve, execute, close, extend; see "
    "`desktop.domain.cases`).",
    **_case_fields,
)
"""The payload of a penalty-case action (`case.*`)."""
