"""The life of a rectification notice as rules: who may take which action in which status,
what each action checks and changes, the follow-up warning, and a draft prefilled from a clue.

draft → edit → issue (a number from the device's block) → serve → re-inspect (已整改 /
逾期未整改) → file a penalty case → close it. Every action is validated by
`apply_notice_action`, on the device and again on the platform; refusals are
`NoticeRefused` (a Chinese sentence), bad payload values `ValidationError` naming the
payload key (see `field_label` for its Chinese label).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from desktop.domain.calendar import WorkCalendar
from desktop.domain.clue import ClueState
from desktop.domain.codes import Category, Labelled, Role, Status, UnitKind
from desktop.domain.deadlines import Countdown, countdown, warning_level
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
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ, format_date_cn, to_china
from desktop.domain.units import Actor, UnitDirectory, UnitInfo
from desktop.domain.validators import ValidationError, parse_date, parse_datetime, require_text

__all__ = [
    "CONTENT_KEYS",
    "FIELD_LABELS",
    "FOLLOWED_STATUSES",
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


class NoticeAction(Labelled):
    """An action on a notice; each is recorded in its history and synced as a command."""

    DRAFT = "draft"
    EDIT = "edit"
    ISSUE = "issue"
    SERVE = "serve"
    REINSPECT = "reinspect"
    FILE_CASE = "file_case"
    CLOSE_CASE = "close_case"

    @property
    def label(self) -> str:
        """The Chinese name of the action."""
        return _ACTION_LABELS[self]

    @property
    def command_type(self) -> str:
        """The versioned command name used by sync, e.g. notice.issue.v1."""
        return f"notice.{self.value}.v1"

    @classmethod
    def from_command_type(cls, command_type: str) -> NoticeAction:
        """The action of a command name; ValueError for an unknown name or version."""
        prefix, _, rest = command_type.partition(".")
        name, _, version = rest.rpartition(".")
        if prefix != "notice" or version != "v1":
            raise ValueError(command_type)
        return cls(name)


NOTICE_COMMAND_PREFIX = "notice."
"""Every notice command type starts with this."""

_ACTION_LABELS = {
    NoticeAction.DRAFT: "起草",
    NoticeAction.EDIT: "修改",
    NoticeAction.ISSUE: "签发",
    NoticeAction.SERVE: "送达",
    NoticeAction.REINSPECT: "复查",
    NoticeAction.FILE_CASE: "立案",
    NoticeAction.CLOSE_CASE: "结案",
}

FROM_STATUSES: Mapping[NoticeAction, frozenset[NoticeStatus | None]] = {
    NoticeAction.DRAFT: frozenset({None}),
    NoticeAction.EDIT: frozenset({NoticeStatus.DRAFT}),
    NoticeAction.ISSUE: frozenset({NoticeStatus.DRAFT}),
    NoticeAction.SERVE: frozenset({NoticeStatus.ISSUED}),
    NoticeAction.REINSPECT: frozenset({NoticeStatus.SERVED}),
    NoticeAction.FILE_CASE: frozenset({NoticeStatus.NOT_RECTIFIED}),
    NoticeAction.CLOSE_CASE: frozenset({NoticeStatus.CASE_FILED}),
}
"""The statuses each action may start from (None: the notice does not exist yet)."""

DRAFTING_CLUE_STATUSES = frozenset({Status.HANDLING, Status.REVIEWING})
"""A notice is drafted while its clue is being handled."""

FOLLOWED_STATUSES = frozenset({NoticeStatus.ISSUED, NoticeStatus.SERVED})
"""Statuses whose rectification deadline counts down (and warns)."""

CLOCK_TOLERANCE = timedelta(minutes=10)
"""How far a time typed on a device may lie ahead of the clock that checks it."""

NO_NUMBER = "本机没有可用的文书编号，请先联网同步领取编号段"


class NoticeRefused(Exception):
    """The rules refuse a notice action; `reason` is a sentence a clerk understands."""

    def __init__(self, reason: str, action: NoticeAction | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.action = action


@dataclass(frozen=True)
class NoticeOutcome:
    """The result of an allowed action: the notice's new state and what the history records."""

    action: NoticeAction
    state: NoticeState
    from_status: NoticeStatus | None
    note: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- who may act


def draftable_kinds(actor: Actor, clue: ClueState) -> list[NoticeKind]:
    """The kinds of notice `actor` may draft on `clue` (ignoring the clue's status).

    The unit handling the clue — its lead unit, or a department assisting it — drafts
    整改通知书; an environment bureau leading or assisting it drafts 责令改正违法行为决定书.
    """
    if actor.role is not Role.HANDLER:
        return []
    unit = actor.unit
    lead = clue.lead_unit == unit.code
    assisting = unit.code in clue.assisting_units
    kinds = []
    if lead or (assisting and unit.kind is UnitKind.DEPARTMENT):
        kinds.append(NoticeKind.RECTIFICATION)
    if (lead or assisting) and is_environment_bureau(unit):
        kinds.append(NoticeKind.CORRECTION_ORDER)
    return kinds


_STATUS_REFUSALS: Mapping[tuple[NoticeAction, NoticeStatus], str] = {
    (NoticeAction.SERVE, NoticeStatus.DRAFT): "通知书尚未签发，不能送达",
    (NoticeAction.REINSPECT, NoticeStatus.DRAFT): "通知书尚未签发，不能复查",
    (NoticeAction.REINSPECT, NoticeStatus.ISSUED): "通知书尚未送达，不能复查",
    (NoticeAction.CLOSE_CASE, NoticeStatus.CASE_CLOSED): "案件已结案",
}

_UNIT_REFUSALS: Mapping[NoticeAction, str] = {
    NoticeAction.EDIT: "只有起草单位可以修改通知书",
    NoticeAction.ISSUE: "只有起草单位可以签发通知书",
    NoticeAction.SERVE: "只有签发单位可以记录送达",
    NoticeAction.REINSPECT: "只有签发单位可以复查",
    NoticeAction.FILE_CASE: "只有签发单位或本辖区生态环境部门可以记录立案",
    NoticeAction.CLOSE_CASE: "只有签发单位或本辖区生态环境部门可以记录结案",
}


def _status_refusal(action: NoticeAction, status: NoticeStatus) -> str:
    special = _STATUS_REFUSALS.get((action, status))
    if special is not None:
        return special
    if action in (NoticeAction.EDIT, NoticeAction.ISSUE):
        return f"通知书已签发（{status.label}），内容不能再{action.label}"
    if action is NoticeAction.SERVE:
        return "通知书已送达，不能重复记录送达"
    if action is NoticeAction.REINSPECT:
        return "通知书已复查，不能重复复查"
    if action is NoticeAction.FILE_CASE:
        if status in (NoticeStatus.CASE_FILED, NoticeStatus.CASE_CLOSED):
            return "已立案，不能重复立案"
        return "只有复查认定逾期未整改的通知书才能立案"
    return "尚未立案，不能结案"


def notice_refusal(
    action: NoticeAction,
    actor: Actor,
    state: NoticeState | None,
    clue: ClueState | None = None,
    *,
    kind: NoticeKind | None = None,
) -> str | None:
    """Why `actor` may not take `action` on the notice now, or None when the rules allow it.

    `clue` is the notice's clue (needed to draft; it lets an environment bureau of the
    clue's area record a case); `kind` the kind a DRAFT or EDIT asks for.
    """
    status = state.status if state is not None else None
    if status not in FROM_STATUSES[action]:
        if status is None:
            return f"通知书不存在，不能{action.label}"
        if action is NoticeAction.DRAFT:
            return "通知书已存在"
        return _status_refusal(action, status)
    if actor.role is not Role.HANDLER:
        return f"{action.label}通知书需要{Role.HANDLER.label}角色，您是{actor.role.label}"
    if action is NoticeAction.DRAFT:
        if clue is None:
            return "线索不存在，不能起草通知书"
        if clue.status not in DRAFTING_CLUE_STATUSES:
            return f"线索当前为「{clue.status.label}」，只有办理中或待审核的线索才能起草通知书"
        kinds = draftable_kinds(actor, clue)
        if not kinds:
            return "只有线索的主办单位或协办的职能部门可以起草通知书"
        if kind is not None and kind not in kinds:
            if kind is NoticeKind.CORRECTION_ORDER:
                return "只有生态环境部门可以起草责令改正违法行为决定书"
            return "只有线索的主办单位或协办的职能部门可以起草整改通知书"
        return None
    assert state is not None
    if actor.unit.code == state.unit_code:
        if action is NoticeAction.EDIT and kind is NoticeKind.CORRECTION_ORDER:
            if not is_environment_bureau(actor.unit):
                return "只有生态环境部门可以起草责令改正违法行为决定书"
        return None
    if action in (NoticeAction.FILE_CASE, NoticeAction.CLOSE_CASE):
        bureau = is_environment_bureau(actor.unit)
        if bureau and clue is not None and actor.unit.covers(clue.county_code):
            return None
    return _UNIT_REFUSALS[action]


def allowed_notice_actions(
    actor: Actor, state: NoticeState, clue: ClueState | None = None
) -> list[NoticeAction]:
    """The actions `actor` may take on an existing notice now (the buttons to show)."""
    return [
        action
        for action in NoticeAction
        if action is not NoticeAction.DRAFT and notice_refusal(action, actor, state, clue) is None
    ]


# --------------------------------------------------------------------------- payload helpers


def _text(payload: Mapping[str, Any], key: str, limit: int, *, required: bool = True) -> str:
    value = payload.get(key)
    if value is not None and not isinstance(value, str):
        raise ValidationError(key, "应为文本")
    return require_text(value, key, limit, required=required)


def _moment(payload: Mapping[str, Any], key: str, default: datetime | None = None) -> datetime:
    value = payload.get(key)
    if value is None or value == "":
        if default is None:
            raise ValidationError(key, "不能为空")
        return default
    if not isinstance(value, str):
        raise ValidationError(key, "应为时间文本，如 2026-03-05 09:30")
    return parse_datetime(value, key)


def _day(payload: Mapping[str, Any], key: str) -> date:
    value = payload.get(key)
    if value is not None and not isinstance(value, str):
        raise ValidationError(key, "应为日期文本，如 2026-03-05")
    return parse_date(value or "", key)


def _choice(enum: type[Labelled], value: Any, key: str) -> Any:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return enum.from_text(value)
    except ValueError:
        options = "、".join(m.label for m in enum)
        raise ValidationError(key, f"「{value}」不是有效选项（可选：{options}）") from None


def _not_ahead(moment: datetime, now: datetime, key: str) -> None:
    if moment > now + CLOCK_TOLERANCE:
        raise ValidationError(key, "不能晚于当前时间")


def _when(moment: datetime) -> str:
    local = to_china(moment)
    return f"{format_date_cn(local)} {local:%H:%M}"


def _working_day(day: date | None, calendar: WorkCalendar) -> None:
    if day is not None and not calendar.is_working_day(day):
        raise ValidationError("deadline_date", f"{format_date_cn_day(day)}不是工作日")


def format_date_cn_day(day: date) -> str:
    """A date as printed: 2026年3月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


def rectify_deadline(content: NoticeContent, start: datetime, calendar: WorkCalendar) -> datetime:
    """The rectification deadline counted from `start` (issue or service): close of office
    on the `deadline_days`-th working day after it, or on the `deadline_date`."""
    if content.deadline_days is not None:
        return calendar.deadline_after(start, content.deadline_days)
    if content.deadline_date is None:
        raise ValidationError("deadline_days", "请填写整改期限（工作日天数或截止日期）")
    _working_day(content.deadline_date, calendar)
    return datetime.combine(content.deadline_date, calendar.office_hours.closing, CHINA_TZ)


def _deadline_after(
    content: NoticeContent, start: datetime, calendar: WorkCalendar, key: str, what: str
) -> datetime:
    deadline = rectify_deadline(content, start, calendar)
    if deadline <= start:
        raise ValidationError(key, f"整改截止时间（{_when(deadline)}）不晚于{what}，请修改整改期限")
    return deadline


# --------------------------------------------------------------------------- effects

_Context = tuple[datetime, WorkCalendar, Rules, UnitDirectory, Actor]


def _draft(
    state: NoticeState | None,
    payload: Mapping[str, Any],
    ctx: _Context,
    clue: ClueState | None,
    number: tuple[int, int] | None,
) -> NoticeOutcome:
    now, calendar, _, _, actor = ctx
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


def _edit(
    state: NoticeState | None,
    payload: Mapping[str, Any],
    ctx: _Context,
    clue: ClueState | None,
    number: tuple[int, int] | None,
) -> NoticeOutcome:
    _, calendar, _, _, _ = ctx
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


def _cited(payload: Mapping[str, Any], wanted: Sequence[str]) -> tuple[Clause, ...]:
    raw = payload.get("clauses")
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise ValidationError("clauses", "应为条款列表")
    found: dict[str, Clause] = {}
    for index, item in enumerate(raw):
        key = f"clauses.{index}"
        if not isinstance(item, Mapping):
            raise ValidationError(key, "应为对象（id、law、article、text）")
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
        raise ValidationError("clauses", f"缺少所引条款「{missing[0]}」的条文，请在条款库中补充")
    return tuple(found[clause_id] for clause_id in wanted)


def _issue(
    state: NoticeState | None,
    payload: Mapping[str, Any],
    ctx: _Context,
    clue: ClueState | None,
    number: tuple[int, int] | None,
) -> NoticeOutcome:
    now, calendar, _, units, actor = ctx
    assert state is not None
    problem = missing_for_issue(state.content, state.kind)
    if problem is not None:
        raise problem
    if number is None:
        raise ValidationError("number", NO_NUMBER)
    year, seq = number
    issued_at = _moment(payload, "issued_at", now)
    _not_ahead(issued_at, now, "issued_at")
    if issued_at.year != year:
        raise ValidationError(
            "number", f"文书编号的年份 {year} 与签发日期（{issued_at.year}年）不符"
        )
    text = payload.get("number")
    if text is None:
        text = format_number(notice_prefix(state.kind, actor.unit, units), year, seq)
    parsed = parse_number(text) if isinstance(text, str) else None
    if parsed is None or parsed[1:] != (year, seq):
        raise ValidationError("number", f"「{text}」不是{year}年第{seq}号的文书编号")
    clauses = _cited(payload, state.content.clause_ids)
    deadline = _deadline_after(state.content, issued_at, calendar, "deadline_date", "签发时间")
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


MAX_SERVERS = 5


def _servers(payload: Mapping[str, Any]) -> tuple[str, ...]:
    raw = payload.get("servers")
    if isinstance(raw, str):
        raw = [part for part in raw.replace("、", "\n").replace("，", "\n").splitlines()]
    if raw is None:
        raw = []
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ValidationError("servers", "应为送达人姓名的列表")
    names: list[str] = []
    for item in raw:
        name = require_text(item, "servers", 50, required=False)
        if name and name not in names:
            names.append(name)
    if not names:
        raise ValidationError("servers", "至少填写一名送达人")
    if len(names) > MAX_SERVERS:
        raise ValidationError("servers", f"最多填写 {MAX_SERVERS} 名送达人")
    return tuple(names)


def _serve(
    state: NoticeState | None,
    payload: Mapping[str, Any],
    ctx: _Context,
    clue: ClueState | None,
    number: tuple[int, int] | None,
) -> NoticeOutcome:
    now, calendar, _, _, _ = ctx
    assert state is not None and state.issued_at is not None
    method = _choice(ServiceMethod, payload.get("method"), "method")
    served_at = _moment(payload, "served_at")
    _not_ahead(served_at, now, "served_at")
    if served_at < state.issued_at:
        raise ValidationError("served_at", f"不能早于签发时间（{_when(state.issued_at)}）")
    service = Service(
        method=method,
        served_at=served_at,
        place=_text(payload, "place", 200),
        recipient=_text(payload, "recipient", 50),
        relation=_text(payload, "relation", 50),
        servers=_servers(payload),
        witness=_text(payload, "witness", 50, required=method is ServiceMethod.LEFT),
    )
    deadline = _deadline_after(state.content, served_at, calendar, "served_at", "送达时间")
    after = state.evolve(status=NoticeStatus.SERVED, service=service, rectify_deadline=deadline)
    details = {
        "method": method.value,
        "served_at": served_at.isoformat(),
        "rectify_deadline": deadline.isoformat(),
    }
    return NoticeOutcome(NoticeAction.SERVE, after, state.status, "", details)


REINSPECTION_RESULTS = frozenset({NoticeStatus.RECTIFIED, NoticeStatus.NOT_RECTIFIED})


def _reinspect(
    state: NoticeState | None,
    payload: Mapping[str, Any],
    ctx: _Context,
    clue: ClueState | None,
    number: tuple[int, int] | None,
) -> NoticeOutcome:
    now = ctx[0]
    assert state is not None and state.served_at is not None
    result = _choice(NoticeStatus, payload.get("result"), "result")
    if result not in REINSPECTION_RESULTS:
        raise ValidationError("result", "应为「已整改」或「逾期未整改」")
    inspected_at = _moment(payload, "inspected_at", now)
    _not_ahead(inspected_at, now, "inspected_at")
    if inspected_at < state.served_at:
        raise ValidationError("inspected_at", f"不能早于送达时间（{_when(state.served_at)}）")
    note = _text(payload, "note", 2000)
    deadline = state.rectify_deadline
    if result is NoticeStatus.NOT_RECTIFIED and (deadline is None or inspected_at <= deadline):
        shown = _when(deadline) if deadline is not None else "未设定"
        raise ValidationError("result", f"整改期限（{shown}）尚未届满，不能认定逾期未整改")
    after = state.evolve(status=result, reinspected_at=inspected_at, reinspection_note=note)
    details = {"result": result.value, "inspected_at": inspected_at.isoformat()}
    return NoticeOutcome(NoticeAction.REINSPECT, after, state.status, note, details)


def _not_after_today(day: date, now: datetime, key: str) -> None:
    if day > to_china(now + CLOCK_TOLERANCE).date():
        raise ValidationError(key, "不能晚于今天")


def _file_case(
    state: NoticeState | None,
    payload: Mapping[str, Any],
    ctx: _Context,
    clue: ClueState | None,
    number: tuple[int, int] | None,
) -> NoticeOutcome:
    now = ctx[0]
    assert state is not None and state.reinspected_at is not None
    case_number = _text(payload, "case_number", 50)
    filed_on = _day(payload, "filed_on")
    _not_after_today(filed_on, now, "filed_on")
    inspected = to_china(state.reinspected_at).date()
    if filed_on < inspected:
        raise ValidationError("filed_on", f"不能早于复查日期（{format_date_cn_day(inspected)}）")
    after = state.evolve(
        status=NoticeStatus.CASE_FILED, case_number=case_number, case_filed_at=filed_on
    )
    details = {"case_number": case_number, "filed_on": filed_on.isoformat()}
    return NoticeOutcome(NoticeAction.FILE_CASE, after, state.status, "", details)


def _close_case(
    state: NoticeState | None,
    payload: Mapping[str, Any],
    ctx: _Context,
    clue: ClueState | None,
    number: tuple[int, int] | None,
) -> NoticeOutcome:
    now = ctx[0]
    assert state is not None and state.case_filed_at is not None
    closed_on = _day(payload, "closed_on")
    _not_after_today(closed_on, now, "closed_on")
    if closed_on < state.case_filed_at:
        shown = format_date_cn_day(state.case_filed_at)
        raise ValidationError("closed_on", f"不能早于立案日期（{shown}）")
    result = _text(payload, "case_result", 1000)
    after = state.evolve(
        status=NoticeStatus.CASE_CLOSED, case_closed_at=closed_on, case_result=result
    )
    details = {"closed_on": closed_on.isoformat()}
    return NoticeOutcome(NoticeAction.CLOSE_CASE, after, state.status, result, details)


_Effect = Callable[
    [
        NoticeState | None,
        Mapping[str, Any],
        _Context,
        ClueState | None,
        tuple[int, int] | None,
    ],
    NoticeOutcome,
]

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
    reason = notice_refusal(action, actor, state, clue, kind=_asked_kind(action, payload))
    if reason is not None:
        raise NoticeRefused(reason, action)
    ctx: _Context = (now, calendar, rules, units, actor)
    return _EFFECTS[action](state, payload, ctx, clue, number)


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
    advice = []
    if service.method is ServiceMethod.DIRECT and len(service.servers) < 2:
        advice.append("直接送达一般应由两名送达人送达")
    return advice


# --------------------------------------------------------------------------- drafts


class ClueFacts(Protocol):
    """What a draft takes from a clue (a clue row or the detail view's ClueDetail)."""

    @property
    def subject_name(self) -> str: ...

    @property
    def subject_credit_code(self) -> str: ...

    @property
    def address(self) -> str: ...

    @property
    def description(self) -> str: ...

    @property
    def category(self) -> Any: ...


CATEGORY_LAWS: Mapping[str, tuple[str, ...]] = {
    Category.AIR.value: ("大气污染防治法",),
    Category.WATER.value: ("水污染防治法",),
    Category.SOIL.value: ("土壤污染防治法",),
    Category.NOISE.value: ("噪声污染防治法",),
    Category.SOLID_WASTE.value: ("固体废物污染环境防治法",),
    Category.RADIATION.value: ("放射性污染防治法",),
    Category.ECOLOGY.value: ("环境保护法",),
    Category.OTHER.value: ("环境保护法",),
}
"""Which laws a clue's category usually cites (clauses are suggested from the library)."""

DEFAULT_DEADLINE_DAYS = 10
CITY_NAME = "连云港市"


def _area_name(unit: UnitInfo, directory: UnitDirectory) -> str:
    office = directory.get(unit.county_code) if unit.county_code else None
    if office is None:
        return CITY_NAME
    for suffix in ("污染防治攻坚办", "攻坚办"):
        if office.name.endswith(suffix):
            return office.name[: -len(suffix)]
    return office.name


def draft_content_from_clue(
    clue: ClueFacts,
    unit: UnitInfo,
    directory: UnitDirectory,
    kind: NoticeKind = NoticeKind.RECTIFICATION,
    clauses: Sequence[Clause] = (),
) -> NoticeContent:
    """A new notice's content prefilled from a clue, for `unit` to edit and issue.

    The party, credit code and address come from the clue's subject; the facts from its
    description; clauses of `clauses` (the library) whose law fits the clue's category are
    suggested; the remedies name the area's people's government and court.
    """
    category = str(getattr(clue.category, "value", clue.category))
    laws = CATEGORY_LAWS.get(category, ())
    cited = tuple(c.clause_id for c in clauses if any(law in c.law for law in laws))[:3]
    area = _area_name(unit, directory)
    party = clue.subject_name or ""
    facts = f"经查，{party or '你单位'}（地址：{clue.address}）存在以下问题：{clue.description}"
    if kind is NoticeKind.CORRECTION_ORDER:
        consequences = "逾期不改正的，我局将依法作出行政处罚决定。"
    else:
        consequences = "逾期未整改或整改不到位的，将依法移送生态环境主管部门立案查处。"
    credit = clue.subject_credit_code or ""
    return NoticeContent(
        party_name=party,
        credit_code=credit,
        address=clue.address or "",
        facts=facts[:4000],
        evidence=("现场检查（勘察）笔录", "现场照片"),
        clause_ids=cited,
        order="立即停止上述违法行为，并按要求完成整改。",
        deadline_days=DEFAULT_DEADLINE_DAYS,
        report_requirement="请于整改期限届满前将整改情况书面报告我单位。",
        consequences=consequences,
        review_body=f"{area}人民政府",
        litigation_court=f"{area}人民法院",
        authority=unit.name,
    )
