"""The life of a rectification notice as rules: who may take which action in which status,
what each action checks and changes, the follow-up warning, and a draft prefilled from a clue
(the public face of `notice_actions`, `notice_content`, `notice_numbers` and `notice_prefill`).

draft → edit → issue (a number from the device's block) → serve → re-inspect (已整改 /
逾期未整改) → file a penalty case → close it. Every action is validated by
`apply_notice_action`, on the device and again on the platform; refusals are
`NoticeRefused` (a Chinese sentence), bad payload values `ValidationError` naming the
payload key (see `field_label` for its Chinese label).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from desktop.domain.calendar import WorkCalendar
from desktop.domain.clue import ClueState
from desktop.domain.deadlines import Countdown, countdown, warning_level
from desktop.domain.messages import Label, Message
from desktop.domain.notice_actions import (
    FOLLOWED_STATUSES,
    FROM_STATUSES,
    NO_NUMBER,
    NoticeAction,
    NoticeOutcome,
    NoticeRefused,
    allowed_notice_actions,
    draftable_kinds,
    notice_refusal,
)
from desktop.domain.notice_content import (
    CONTENT_KEYS,
    FIELD_LABELS,
    MAX_DEADLINE_DAYS,
    Clause,
    NoticeContent,
    NoticeKind,
    NoticeState,
    NoticeStatus,
    Service,
    ServiceMethod,
    field_label,
    missing_for_issue,
    validate_content,
)
from desktop.domain.notice_numbers import (
    NumberPrefixes,
    format_number,
    is_environment_bureau,
    load_number_prefixes,
    notice_prefix,
    parse_number,
    verification_code,
)
from desktop.domain.notice_prefill import (
    draft_content_from_clue,
)
from desktop.domain.payload_values import (
    not_after_today,
    not_ahead,
    payload_choice,
    payload_day,
    payload_moment,
    payload_servers,
    payload_text,
    when_text,
)
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.domain.units import Actor, UnitDirectory
from desktop.domain.validators import ValidationError

__all__ = [
    "CONTENT_KEYS",
    "FIELD_LABELS",
    "FOLLOWED_STATUSES",
    "FROM_STATUSES",
    "MAX_DEADLINE_DAYS",
    "NO_NUMBER",
    "Clause",
    "NoticeAction",
    "NoticeContent",
    "NoticeKind",
    "NoticeOutcome",
    "NoticeRefused",
    "NoticeState",
    "NoticeStatus",
    "NumberPrefixes",
    "Service",
    "ServiceMethod",
    "allowed_notice_actions",
    "apply_notice_action",
    "draft_content_from_clue",
    "draftable_kinds",
    "frozen_clause_ids",
    "field_label",
    "format_number",
    "is_environment_bureau",
    "load_number_prefixes",
    "notice_countdown",
    "notice_prefix",
    "notice_refusal",
    "notice_warning_level",
    "parse_number",
    "service_advice",
    "validate_content",
    "verification_code",
]


# --------------------------------------------------------------------------- payload helpers

_text = payload_text
_moment = payload_moment
_day = payload_day
_choice = payload_choice
_not_ahead = not_ahead
_when = when_text


def _working_day(day: date | None, calendar: WorkCalendar) -> None:
    if day is not None and not calendar.is_working_day(day):
        raise ValidationError("deadline_date", Message("{day} 不是工作日", day=day.isoformat()))


def format_date_cn_day(day: date) -> str:
    """A date as printed: 2026年3月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


def rectify_deadline(content: NoticeContent, start: datetime, calendar: WorkCalendar) -> datetime:
    """The rectification deadline counted from `start` (issue or service): close of office
    on the `deadline_days`-th working day after it, or on the `deadline_date`."""
    if content.deadline_days is not None:
        return calendar.deadline_after(start, content.deadline_days)
    if content.deadline_date is None:
        raise ValidationError("deadline_days", Message("请填写整改期限（工作日天数或截止日期）"))
    _working_day(content.deadline_date, calendar)
    return datetime.combine(content.deadline_date, calendar.office_hours.closing, CHINA_TZ)


def _deadline_after(
    content: NoticeContent, start: datetime, calendar: WorkCalendar, key: str
) -> datetime:
    deadline = rectify_deadline(content, start, calendar)
    if deadline <= start:
        raise ValidationError(
            key,
            Message(
                "整改截止时间（{deadline}）不晚于{moment}，请修改整改期限",
                deadline=_when(deadline),
                moment=Label(field_label(key)),
            ),
        )
    return deadline


# --------------------------------------------------------------------------- effects


class _Context(NamedTuple):
    """What an action's effect reads besides the notice and the payload."""

    now: datetime
    calendar: WorkCalendar
    rules: Rules
    units: UnitDirectory
    actor: Actor
    clue: ClueState | None
    number: tuple[int, int] | None


def _draft(state: NoticeState | None, payload: Mapping[str, Any], ctx: _Context) -> NoticeOutcome:
    now, calendar, actor, clue = ctx.now, ctx.calendar, ctx.actor, ctx.clue
    assert clue is not None  # checked by the refusal
    raw_id = payload.get("notice_id")
    try:
        notice_id = str(uuid.UUID(str(raw_id)))
    except ValueError:
        raise ValidationError("notice_id", f"「{raw_id}」不是有效的通知书编号（UUID）") from None
    kind = _choice(NoticeKind, payload.get("kind"), "kind")
    content = validate_content(payload)
    _working_day(content.deadline_date, calendar)
    created = NoticeState(
        notice_id=notice_id,
        clue_code=clue.code,
        kind=kind,
        status=NoticeStatus.DRAFT,
        unit_code=actor.unit.code,
        content=content,
        created_at=now,
        created_by=actor.username,
    )
    return NoticeOutcome(NoticeAction.DRAFT, created, None, "", {"kind": kind.value})


def _edit(state: NoticeState | None, payload: Mapping[str, Any], ctx: _Context) -> NoticeOutcome:
    calendar = ctx.calendar
    assert state is not None
    merged = state.content.to_dict()
    merged.update({key: payload[key] for key in CONTENT_KEYS if key in payload})
    content = validate_content(merged)
    _working_day(content.deadline_date, calendar)
    kind = state.kind
    if payload.get("kind") is not None:
        kind = _choice(NoticeKind, payload.get("kind"), "kind")
    old, new = state.content.to_dict(), content.to_dict()
    changed = sorted(key for key in new if old[key] != new[key])
    if kind is not state.kind:
        changed.insert(0, "kind")
    after = state.evolve(content=content, kind=kind)
    return NoticeOutcome(NoticeAction.EDIT, after, state.status, "", {"changed": changed})


def frozen_clause_ids(content: NoticeContent) -> tuple[str, ...]:
    """The clauses whose text a notice freezes at issue: those violated, then its basis."""
    return tuple(dict.fromkeys([*content.clause_ids, *content.basis_ids]))


def _cited(payload: Mapping[str, Any], wanted: Sequence[str]) -> tuple[Clause, ...]:
    raw = payload.get("clauses")
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise ValidationError("clauses", Message("应为条款列表"))
    found: dict[str, Clause] = {}
    for index, item in enumerate(raw):
        key = f"clauses.{index}"
        if not isinstance(item, Mapping):
            raise ValidationError(key, Message("应为对象（id、law、article、text）"))
        try:
            clause = Clause(
                _text(item, "id", 64),
                _text(item, "law", 100),
                _text(item, "article", 50),
                _text(item, "text", 4000),
            )
        except ValidationError as exc:
            raise ValidationError(f"{key}.{exc.field}", exc.message) from None
        found[clause.clause_id] = clause
    missing = [clause_id for clause_id in wanted if clause_id not in found]
    if missing:
        raise ValidationError(
            "clauses",
            Message("缺少所引条款「{clause}」的条文，请在条款库中补充", clause=missing[0]),
        )
    return tuple(found[clause_id] for clause_id in wanted)


def _issue(state: NoticeState | None, payload: Mapping[str, Any], ctx: _Context) -> NoticeOutcome:
    now, calendar, units, actor = ctx.now, ctx.calendar, ctx.units, ctx.actor
    number = ctx.number
    assert state is not None
    problem = missing_for_issue(state.content, state.kind)
    if problem is not None:
        raise problem
    if number is None:
        raise ValidationError("number", Message(NO_NUMBER))
    year, seq = number
    issued_at = _moment(payload, "issued_at", now)
    _not_ahead(issued_at, now, "issued_at")
    if issued_at.year != year:
        raise ValidationError(
            "number",
            Message(
                "文书编号的年份 {year} 与签发日期（{issued}年）不符",
                year=str(year),
                issued=str(issued_at.year),
            ),
        )
    text = payload.get("number")
    if text is None:
        text = format_number(notice_prefix(state.kind, actor.unit, units), year, seq)
    parsed = parse_number(text) if isinstance(text, str) else None
    if parsed is None or parsed[1:] != (year, seq):
        raise ValidationError(
            "number",
            Message(
                "「{text}」不是{year}年第{seq}号的文书编号", text=text, year=str(year), seq=seq
            ),
        )
    clauses = _cited(payload, frozen_clause_ids(state.content))
    deadline = _deadline_after(state.content, issued_at, calendar, "deadline_date")
    after = state.evolve(
        status=NoticeStatus.ISSUED,
        number=text,
        number_year=year,
        number_seq=seq,
        issued_at=issued_at,
        clauses=clauses,
        verification=verification_code(state.notice_id, text),
        rectify_deadline=deadline,
    )
    details = {
        "number": text,
        "issued_at": issued_at.isoformat(),
        "rectify_deadline": deadline.isoformat(),
    }
    return NoticeOutcome(NoticeAction.ISSUE, after, state.status, "", details)


_servers = payload_servers


def _serve(state: NoticeState | None, payload: Mapping[str, Any], ctx: _Context) -> NoticeOutcome:
    now, calendar = ctx.now, ctx.calendar
    assert state is not None and state.issued_at is not None
    method = _choice(ServiceMethod, payload.get("method"), "method")
    served_at = _moment(payload, "served_at")
    _not_ahead(served_at, now, "served_at")
    if served_at < state.issued_at:
        raise ValidationError(
            "served_at", Message("不能早于签发时间（{time}）", time=_when(state.issued_at))
        )
    service = Service(
        method=method,
        served_at=served_at,
        place=_text(payload, "place", 200),
        recipient=_text(payload, "recipient", 50),
        relation=_text(payload, "relation", 50),
        servers=_servers(payload),
        witness=_text(payload, "witness", 50, required=method is ServiceMethod.LEFT),
    )
    deadline = _deadline_after(state.content, served_at, calendar, "served_at")
    after = state.evolve(status=NoticeStatus.SERVED, service=service, rectify_deadline=deadline)
    details = {
        "method": method.value,
        "served_at": served_at.isoformat(),
        "rectify_deadline": deadline.isoformat(),
    }
    return NoticeOutcome(NoticeAction.SERVE, after, state.status, "", details)


REINSPECTION_RESULTS = frozenset({NoticeStatus.RECTIFIED, NoticeStatus.NOT_RECTIFIED})


def _reinspect(
    state: NoticeState | None, payload: Mapping[str, Any], ctx: _Context
) -> NoticeOutcome:
    now = ctx.now
    assert state is not None and state.served_at is not None
    result = _choice(NoticeStatus, payload.get("result"), "result")
    if result not in REINSPECTION_RESULTS:
        raise ValidationError("result", Message("应为「已整改」或「逾期未整改」"))
    inspected_at = _moment(payload, "inspected_at", now)
    _not_ahead(inspected_at, now, "inspected_at")
    if inspected_at < state.served_at:
        raise ValidationError(
            "inspected_at", Message("不能早于送达时间（{time}）", time=_when(state.served_at))
        )
    note = _text(payload, "note", 2000)
    deadline = state.rectify_deadline
    if result is NoticeStatus.NOT_RECTIFIED and (deadline is None or inspected_at <= deadline):
        shown = _when(deadline) if deadline is not None else Message("未设定")
        raise ValidationError(
            "result", Message("整改期限（{deadline}）尚未届满，不能认定逾期未整改", deadline=shown)
        )
    after = state.evolve(status=result, reinspected_at=inspected_at, reinspection_note=note)
    details = {"result": result.value, "inspected_at": inspected_at.isoformat()}
    return NoticeOutcome(NoticeAction.REINSPECT, after, state.status, note, details)


_not_after_today = not_after_today


def _file_case(
    state: NoticeState | None, payload: Mapping[str, Any], ctx: _Context
) -> NoticeOutcome:
    now = ctx.now
    assert state is not None and state.reinspected_at is not None
    case_number = _text(payload, "case_number", 50)
    filed_on = _day(payload, "filed_on")
    _not_after_today(filed_on, now, "filed_on")
    inspected = to_china(state.reinspected_at).date()
    if filed_on < inspected:
        raise ValidationError(
            "filed_on", Message("不能早于复查日期（{day}）", day=inspected.isoformat())
        )
    after = state.evolve(
        status=NoticeStatus.CASE_FILED, case_number=case_number, case_filed_at=filed_on
    )
    details = {"case_number": case_number, "filed_on": filed_on.isoformat()}
    return NoticeOutcome(NoticeAction.FILE_CASE, after, state.status, "", details)


def _close_case(
    state: NoticeState | None, payload: Mapping[str, Any], ctx: _Context
) -> NoticeOutcome:
    now = ctx.now
    assert state is not None and state.case_filed_at is not None
    closed_on = _day(payload, "closed_on")
    _not_after_today(closed_on, now, "closed_on")
    if closed_on < state.case_filed_at:
        raise ValidationError(
            "closed_on",
            Message("不能早于立案日期（{day}）", day=state.case_filed_at.isoformat()),
        )
    result = _text(payload, "case_result", 1000)
    after = state.evolve(
        status=NoticeStatus.CASE_CLOSED, case_closed_at=closed_on, case_result=result
    )
    details = {"closed_on": closed_on.isoformat()}
    return NoticeOutcome(NoticeAction.CLOSE_CASE, after, state.status, result, details)


_Effect = Callable[[NoticeState | None, Mapping[str, Any], _Context], NoticeOutcome]

_EFFECTS: Mapping[NoticeAction, _Effect] = {
    NoticeAction.DRAFT: _draft,
    NoticeAction.EDIT: _edit,
    NoticeAction.ISSUE: _issue,
    NoticeAction.SERVE: _serve,
    NoticeAction.REINSPECT: _reinspect,
    NoticeAction.FILE_CASE: _file_case,
    NoticeAction.CLOSE_CASE: _close_case,
}


def _asked_kind(action: NoticeAction, payload: Mapping[str, Any]) -> NoticeKind | None:
    if action not in (NoticeAction.DRAFT, NoticeAction.EDIT):
        return None
    raw = payload.get("kind")
    try:
        return NoticeKind.from_text(raw) if isinstance(raw, str) else None
    except ValueError:
        return None


def apply_notice_action(
    action: NoticeAction,
    actor: Actor,
    state: NoticeState | None,
    payload: Mapping[str, Any],
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    units: UnitDirectory,
    *,
    clue: ClueState | None = None,
    number: tuple[int, int] | None = None,
) -> NoticeOutcome:
    """Validate and take `action`; raise NoticeRefused or ValidationError, changing nothing.

    DRAFT: `state` is None and `clue` the clue (the payload holds `notice_id`, `kind` and
    the content). ISSUE: `number` is the (year, seq) taken from the device's block; the
    payload may hold the printed `number`, `issued_at` and the cited `clauses`.
    """
    now = to_china(now)
    reason = notice_refusal(
        action, actor, state, clue, kind=_asked_kind(action, payload), rules=rules
    )
    if reason is not None:
        raise NoticeRefused(reason, action)
    ctx = _Context(now, calendar, rules, units, actor, clue, number)
    return _EFFECTS[action](state, payload, ctx)


# --------------------------------------------------------------------------- follow-up


def notice_warning_level(
    state: NoticeState, now: datetime, calendar: WorkCalendar, rules: Rules
) -> int:
    """The warning level 0–3 of the rectification deadline (while issued or served)."""
    if state.status not in FOLLOWED_STATUSES:
        return 0
    return warning_level(state.rectify_deadline, now, calendar, rules.warnings)


def notice_countdown(state: NoticeState, now: datetime, calendar: WorkCalendar) -> Countdown | None:
    """Office time left until the rectification deadline (None when nothing counts down)."""
    if state.status not in FOLLOWED_STATUSES or state.rectify_deadline is None:
        return None
    return countdown(state.rectify_deadline, now, calendar)


def service_advice(service: Service) -> list[str]:
    """Customs of service the record does not follow (shown, never refused)."""
    advice: list[str] = []
    if service.method is ServiceMethod.DIRECT and len(service.servers) < 2:
        advice.append(Message("直接送达一般应由两名送达人送达"))
    return advice
