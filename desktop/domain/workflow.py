"""The closed loop as a transition table: who may take which action in which status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.domain.calendar import WorkCalendar
from desktop.domain.clue import ClueDraft, ClueState, validate_draft
from desktop.domain.codes import OPEN_STATUSES, Labelled, Role, Status
from desktop.domain.deadlines import Stage, extend_deadline, stage_deadline
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.domain.units import Actor, UnitDirectory
from desktop.domain.validators import (
    ValidationError,
    parse_date,
    parse_datetime,
    require_text,
)


class Action(Labelled):
    """An action on a clue; each is recorded in the history and synced as a command."""

    REGISTER = "register"
    DISPATCH = "dispatch"
    SIGN = "sign"
    RETURN = "return"
    REQUEST_EXTENSION = "request_extension"
    APPROVE_EXTENSION = "approve_extension"
    DENY_EXTENSION = "deny_extension"
    REPORT = "report"
    APPROVE = "approve"
    REJECT = "reject"
    VERIFICATION_FAIL = "verification_fail"
    URGE = "urge"
    ASSIST_REPORT = "assist_report"

    @property
    def label(self) -> str:
        """The Chinese name of the action."""
        return _ACTION_LABELS[self]

    @property
    def command_type(self) -> str:
        """The versioned command name used by sync, e.g. clue.sign.v1."""
        return f"clue.{self.value}.v1"

    @classmethod
    def from_command_type(cls, command_type: str) -> Action:
        """The action of a command name; ValueError for an unknown name or version."""
        prefix, _, rest = command_type.partition(".")
        name, _, version = rest.rpartition(".")
        if prefix != "clue" or version != "v1":
            raise ValueError(command_type)
        return cls(name)


_ACTION_LABELS = {
    Action.REGISTER: "登记",
    Action.DISPATCH: "分办",
    Action.SIGN: "签收",
    Action.RETURN: "退回",
    Action.REQUEST_EXTENSION: "申请延期",
    Action.APPROVE_EXTENSION: "批准延期",
    Action.DENY_EXTENSION: "不予延期",
    Action.REPORT: "反馈",
    Action.APPROVE: "审核通过",
    Action.REJECT: "驳回",
    Action.VERIFICATION_FAIL: "核查不合格",
    Action.URGE: "督办",
    Action.ASSIST_REPORT: "协办反馈",
}


class Relation(Labelled):
    """How the actor's unit stands to a clue."""

    LEAD = "lead"
    ASSISTING = "assisting"
    AREA_DISPATCHER = "area_dispatcher"
    AREA_SUPERVISOR = "area_supervisor"
    AREA_UNIT = "area_unit"

    @property
    def label(self) -> str:
        """The Chinese name of the relation."""
        return _RELATION_LABELS[self]


_RELATION_LABELS = {
    Relation.LEAD: "主办单位",
    Relation.ASSISTING: "协办单位",
    Relation.AREA_DISPATCHER: "本辖区攻坚办",
    Relation.AREA_SUPERVISOR: "本辖区纪委监委",
    Relation.AREA_UNIT: "本辖区单位",
}


@dataclass(frozen=True)
class Rule:
    """One row of the transition table."""

    action: Action
    statuses: frozenset[Status | None]
    roles: frozenset[Role]
    relations: frozenset[Relation]
    to_status: Status | None
    refusal: str

    def target(self, current: Status) -> Status:
        """The status after the action (unchanged when the rule has none)."""
        return self.to_status if self.to_status is not None else current


def _rule(
    action: Action,
    statuses: set[Status | None] | frozenset[Status],
    roles: set[Role],
    relations: set[Relation],
    to_status: Status | None,
    refusal: str,
) -> Rule:
    return Rule(
        action, frozenset(statuses), frozenset(roles), frozenset(relations), to_status, refusal
    )


H, D, S = Role.HANDLER, Role.DISPATCHER, Role.SUPERVISOR
OPEN_WORK = frozenset({Status.DISPATCHED, Status.HANDLING, Status.REVIEWING})

TRANSITIONS: Mapping[Action, Rule] = {
    rule.action: rule
    for rule in (
        _rule(
            Action.REGISTER,
            {None},
            {H, D},
            {Relation.AREA_UNIT},
            Status.REGISTERED,
            "只能登记本辖区的线索",
        ),
        _rule(
            Action.DISPATCH,
            {Status.REGISTERED, Status.RETURNED, Status.DISPATCHED},
            {D},
            {Relation.AREA_DISPATCHER},
            Status.DISPATCHED,
            "只有本辖区攻坚办可以分办",
        ),
        _rule(
            Action.SIGN,
            {Status.DISPATCHED},
            {H},
            {Relation.LEAD},
            Status.HANDLING,
            "只有主办单位可以签收",
        ),
        _rule(
            Action.RETURN,
            {Status.DISPATCHED, Status.HANDLING},
            {H},
            {Relation.LEAD},
            Status.RETURNED,
            "只有主办单位可以退回",
        ),
        _rule(
            Action.REQUEST_EXTENSION,
            {Status.HANDLING},
            {H},
            {Relation.LEAD},
            None,
            "只有主办单位可以申请延期",
        ),
        _rule(
            Action.APPROVE_EXTENSION,
            {Status.HANDLING},
            {D},
            {Relation.AREA_DISPATCHER},
            None,
            "只有本辖区攻坚办可以审批延期申请",
        ),
        _rule(
            Action.DENY_EXTENSION,
            {Status.HANDLING},
            {D},
            {Relation.AREA_DISPATCHER},
            None,
            "只有本辖区攻坚办可以审批延期申请",
        ),
        _rule(
            Action.REPORT,
            {Status.HANDLING},
            {H},
            {Relation.LEAD},
            Status.REVIEWING,
            "只有主办单位可以反馈办理结果",
        ),
        _rule(
            Action.APPROVE,
            {Status.REVIEWING},
            {D},
            {Relation.AREA_DISPATCHER},
            Status.CLOSED,
            "只有本辖区攻坚办可以审核",
        ),
        _rule(
            Action.REJECT,
            {Status.REVIEWING},
            {D},
            {Relation.AREA_DISPATCHER},
            Status.HANDLING,
            "只有本辖区攻坚办可以审核",
        ),
        _rule(
            Action.VERIFICATION_FAIL,
            {Status.CLOSED},
            {D},
            {Relation.AREA_DISPATCHER},
            Status.HANDLING,
            "只有本辖区攻坚办可以核查",
        ),
        _rule(
            Action.URGE,
            OPEN_STATUSES,
            {D, S},
            {Relation.AREA_DISPATCHER, Relation.AREA_SUPERVISOR},
            None,
            "只有本辖区攻坚办或纪委监委可以督办",
        ),
        _rule(
            Action.ASSIST_REPORT,
            {Status.HANDLING},
            {H},
            {Relation.ASSISTING},
            None,
            "只有协办单位可以提交协办反馈",
        ),
    )
}


class ActionRefused(Exception):
    """The rules refuse an action; `reason` is a sentence a clerk understands."""

    def __init__(self, action: Action, reason: str) -> None:
        super().__init__(reason)
        self.action = action
        self.reason = reason


def relations_of(actor: Actor, clue: ClueState | None, county_code: str | None) -> set[Relation]:
    """Every relation the actor's unit has to a clue (or to a new clue in `county_code`)."""
    unit = actor.unit
    found: set[Relation] = set()
    county = clue.county_code if clue is not None else county_code
    if unit.covers(county):
        found.add(Relation.AREA_UNIT)
        if actor.role is Role.DISPATCHER and unit.dispatches:
            found.add(Relation.AREA_DISPATCHER)
        if actor.role is Role.SUPERVISOR:
            found.add(Relation.AREA_SUPERVISOR)
    if clue is not None:
        if clue.lead_unit == unit.code:
            found.add(Relation.LEAD)
        if unit.code in clue.assisting_units:
            found.add(Relation.ASSISTING)
    return found


def refusal(
    action: Action,
    actor: Actor,
    clue: ClueState | None,
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    county_code: str | None = None,
) -> str | None:
    """Why `actor` may not take `action` on `clue` now, or None when the rules allow it."""
    rule = TRANSITIONS[action]
    status = clue.status if clue is not None else None
    if status not in rule.statuses:
        if status is None:
            return f"线索不存在，不能{action.label}"
        if action is Action.REGISTER:
            return "线索已登记"
        return f"线索当前为「{status.label}」，不能{action.label}"
    if actor.role not in rule.roles:
        allowed = "、".join(r.label for r in sorted(rule.roles))
        return f"{action.label}需要{allowed}角色，您是{actor.role.label}"
    if not rule.relations & relations_of(actor, clue, county_code):
        return rule.refusal
    if clue is None:
        return None
    if action is Action.RETURN and clue.dispatched_at is not None:
        window = calendar.deadline_after(clue.dispatched_at, rules.limits.return_window_days)
        if to_china(now) > window:
            return f"分办已超过 {rules.limits.return_window_days} 个工作日，不能退回"
    if action is Action.REQUEST_EXTENSION:
        if clue.extension_requested_days:
            return "已有延期申请待审批"
        if clue.handle_deadline is not None and to_china(now) > clue.handle_deadline:
            return "办理期限已过，不能再申请延期"
    if action in (Action.APPROVE_EXTENSION, Action.DENY_EXTENSION):
        if not clue.extension_requested_days:
            return "没有待审批的延期申请"
    return None


def allowed_actions(
    actor: Actor, clue: ClueState, now: datetime, calendar: WorkCalendar, rules: Rules
) -> list[Action]:
    """The actions `actor` may take on `clue` now, in table order."""
    return [
        action
        for action in TRANSITIONS
        if action is not Action.REGISTER
        and refusal(action, actor, clue, now, calendar, rules) is None
    ]


@dataclass(frozen=True)
class Outcome:
    """The result of an allowed action: the clue's new state and what the history records."""

    action: Action
    state: ClueState
    from_status: Status | None
    note: str
    details: Mapping[str, Any] = field(default_factory=dict)
    draft: ClueDraft | None = None


def _reason(payload: Mapping[str, Any], field_label: str = "理由") -> str:
    return require_text(payload.get("reason"), field_label, 500)


def _days_field(value: Any, low: int, high: int, field_label: str) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError(field_label, f"「{value}」不是整数") from None
    if not low <= number <= high:
        raise ValidationError(field_label, f"应在 {low} 到 {high} 个工作日之间")
    return number


def apply_action(
    action: Action,
    actor: Actor,
    clue: ClueState | None,
    payload: Mapping[str, Any],
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    units: UnitDirectory,
    code: str = "",
) -> Outcome:
    """Validate and take `action`; raise ActionRefused or ValidationError, changing nothing.

    For REGISTER, `clue` is None, `payload` holds the draft and `code` the clue's code.
    """
    now = to_china(now)
    county = str(payload.get("county_code") or "") if clue is None else None
    reason = refusal(action, actor, clue, now, calendar, rules, county)
    if reason is not None:
        raise ActionRefused(action, reason)
    if clue is None:
        draft = validate_draft(payload, units, now)
        state = ClueState(
            code=code,
            status=Status.REGISTERED,
            priority=draft.priority,
            county_code=draft.county_code,
            registered_at=now,
            deadline=stage_deadline(Stage.DISPATCH, now, calendar, rules),
        )
        return Outcome(action, state, None, "", draft.to_payload(), draft)
    handler = _EFFECTS[action]
    changes, note, details = handler(clue, payload, now, calendar, rules, units)
    state = clue.evolve(status=TRANSITIONS[action].target(clue.status), **changes)
    return Outcome(action, state, clue.status, note, details)


_Effect = tuple[dict[str, Any], str, dict[str, Any]]
"""What an action changes in the clue, its history note, and its recorded details."""


def _dispatch(
    clue: ClueState,
    payload: Mapping[str, Any],
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    units: UnitDirectory,
) -> _Effect:
    lead_code = str(payload.get("lead_unit") or "")
    lead = units.get(lead_code)
    if lead is None or not lead.handles or not lead.covers(clue.county_code):
        raise ValidationError("主办单位", f"「{lead_code}」不是本县区可承办的单位")
    assisting: list[str] = []
    for code in payload.get("assisting_units") or []:
        unit = units.get(str(code))
        if unit is None or not unit.handles or not unit.covers(clue.county_code):
            raise ValidationError("协办单位", f"「{code}」不是本县区可承办的单位")
        if unit.code == lead.code or unit.code in assisting:
            raise ValidationError("协办单位", f"「{unit.name}」重复或与主办单位相同")
        assisting.append(unit.code)
    default = stage_deadline(Stage.HANDLE, now, calendar, rules, clue.priority)
    raw_deadline = payload.get("handle_deadline")
    handle = _explicit_deadline(str(raw_deadline), calendar) if raw_deadline else default
    if handle <= now:
        raise ValidationError("办理时限", "必须晚于分办时间")
    sign = min(stage_deadline(Stage.SIGN, now, calendar, rules), handle)
    changes = dict(
        lead_unit=lead.code,
        assisting_units=tuple(assisting),
        dispatched_at=now,
        signed_at=None,
        handle_deadline=handle,
        deadline=sign,
        extension_requested_days=0,
        extended_days=0,
    )
    details = {
        "lead_unit": lead.code,
        "assisting_units": assisting,
        "handle_deadline": handle.isoformat(),
    }
    return changes, str(payload.get("note") or ""), details


def _explicit_deadline(text: str, calendar: WorkCalendar) -> datetime:
    """A deadline typed by the dispatcher; a bare date means close of office that day."""
    label = "办理时限"
    if len(text.strip()) <= 11 and ":" not in text and "时" not in text:
        day = parse_date(text, label)
        if not calendar.is_working_day(day):
            raise ValidationError(label, f"{day.isoformat()} 不是工作日")
        return datetime.combine(day, calendar.office_hours.closing, CHINA_TZ)
    return parse_datetime(text, label)


def _sign(clue: ClueState, payload: Mapping[str, Any], now: datetime, *_: Any) -> _Effect:
    return dict(signed_at=now, deadline=clue.handle_deadline), "", {}


def _return(
    clue: ClueState,
    payload: Mapping[str, Any],
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    *_: Any,
) -> _Effect:
    reason = _reason(payload, "退回理由")
    changes = dict(
        lead_unit=None,
        assisting_units=(),
        signed_at=None,
        handle_deadline=None,
        extension_requested_days=0,
        deadline=stage_deadline(Stage.DISPATCH, now, calendar, rules),
    )
    return changes, reason, {"returned_by": clue.lead_unit}


def _request_extension(
    clue: ClueState,
    payload: Mapping[str, Any],
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    *_: Any,
) -> _Effect:
    days = _days_field(payload.get("days"), 1, rules.limits.max_extension_days, "延期天数")
    reason = _reason(payload, "延期理由")
    return dict(extension_requested_days=days), reason, {"days": days}


def _approve_extension(
    clue: ClueState,
    payload: Mapping[str, Any],
    now: datetime,
    calendar: WorkCalendar,
    *_: Any,
) -> _Effect:
    days = clue.extension_requested_days
    base = clue.handle_deadline or now
    handle = extend_deadline(base, days, calendar)
    changes = dict(
        handle_deadline=handle,
        deadline=handle,
        extension_requested_days=0,
        extended_days=clue.extended_days + days,
    )
    return (
        changes,
        str(payload.get("note") or ""),
        {"days": days, "handle_deadline": handle.isoformat()},
    )


def _deny_extension(clue: ClueState, payload: Mapping[str, Any], *_: Any) -> _Effect:
    reason = _reason(payload, "不予延期理由")
    return dict(extension_requested_days=0), reason, {}


def _report(
    clue: ClueState,
    payload: Mapping[str, Any],
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    *_: Any,
) -> _Effect:
    result = require_text(payload.get("result"), "办理结果", 4000)
    changes = dict(
        reported_at=now,
        extension_requested_days=0,
        deadline=stage_deadline(Stage.REVIEW, now, calendar, rules),
    )
    return changes, result, {}


def _approve(clue: ClueState, payload: Mapping[str, Any], now: datetime, *_: Any) -> _Effect:
    return dict(closed_at=now, deadline=None), str(payload.get("note") or ""), {}


def _reject(
    clue: ClueState,
    payload: Mapping[str, Any],
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    *_: Any,
) -> _Effect:
    reason = _reason(payload, "驳回理由")
    rework = calendar.deadline_after(now, rules.limits.rework_days)
    handle = max(clue.handle_deadline or rework, rework)
    changes = dict(reported_at=None, handle_deadline=handle, deadline=handle)
    return changes, reason, {"handle_deadline": handle.isoformat()}


def _verification_fail(
    clue: ClueState,
    payload: Mapping[str, Any],
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    *_: Any,
) -> _Effect:
    reason = _reason(payload, "核查意见")
    handle = stage_deadline(Stage.HANDLE, now, calendar, rules, clue.priority)
    changes = dict(closed_at=None, reported_at=None, handle_deadline=handle, deadline=handle)
    return changes, reason, {"handle_deadline": handle.isoformat()}


def _note_only(field_label: str) -> Any:
    def effect(clue: ClueState, payload: Mapping[str, Any], *_: Any) -> _Effect:
        return {}, require_text(payload.get("note"), field_label, 2000), {}

    return effect


_EFFECTS: Mapping[Action, Any] = {
    Action.DISPATCH: _dispatch,
    Action.SIGN: _sign,
    Action.RETURN: _return,
    Action.REQUEST_EXTENSION: _request_extension,
    Action.APPROVE_EXTENSION: _approve_extension,
    Action.DENY_EXTENSION: _deny_extension,
    Action.REPORT: _report,
    Action.APPROVE: _approve,
    Action.REJECT: _reject,
    Action.VERIFICATION_FAIL: _verification_fail,
    Action.URGE: _note_only("督办意见"),
    Action.ASSIST_REPORT: _note_only("协办意见"),
}
