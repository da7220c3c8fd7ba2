"""The closed loop as a transition table: who may take which action in which status."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.domain.calendar import WorkCalendar
from desktop.domain.clue import ClueDraft, ClueState, choice, validate_draft
from desktop.domain.codes import (
    DONE_STATUSES,
    OPEN_STATUSES,
    CallbackResult,
    Finding,
    Labelled,
    Post,
    Role,
    Status,
    UnitKind,
)
from desktop.domain.deadlines import Stage, extend_deadline, stage_deadline
from desktop.domain.messages import N_, Label, Message, labels
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.domain.units import Actor, UnitDirectory, UnitInfo, city_office, county_office
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
    RETURN_TO_CITY = "return_to_city"
    TRANSFER = "transfer"
    TAKE_OVER = "take_over"
    SIGNOFF_APPROVE = "signoff_approve"
    SIGNOFF_REJECT = "signoff_reject"
    CALLBACK = "callback"
    REOPEN = "reopen"
    MARK_DUPLICATE = "mark_duplicate"
    CLOSE_WITH_ORIGINAL = "close_with_original"
    REFUSE = "refuse"

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
    Action.RETURN_TO_CITY: "退回市级",
    Action.TRANSFER: "转办",
    Action.TAKE_OVER: "提级办理",
    Action.SIGNOFF_APPROVE: "审签通过",
    Action.SIGNOFF_REJECT: "审签退回",
    Action.CALLBACK: "回访",
    Action.REOPEN: "回访不满意重办",
    Action.MARK_DUPLICATE: "标记重复件",
    Action.CLOSE_WITH_ORIGINAL: "随原件办结",
    Action.REFUSE: "不予受理",
}

SYSTEM_ACTIONS = frozenset({Action.REGISTER, Action.CLOSE_WITH_ORIGINAL})
"""Actions not offered on a clue's menu: registering is its own form, and a duplicate is
closed with its original by the platform."""


class Relation(Labelled):
    """How the actor's unit stands to a clue."""

    LEAD = "lead"
    LEAD_HEAD = "lead_head"
    ASSISTING = "assisting"
    OWNER = "owner"
    CITY_OFFICE = "city_office"
    AREA_DISPATCHER = "area_dispatcher"
    AREA_SUPERVISOR = "area_supervisor"
    AREA_UNIT = "area_unit"

    @property
    def label(self) -> str:
        """The Chinese name of the relation."""
        return _RELATION_LABELS[self]


_RELATION_LABELS = {
    Relation.LEAD: "主办单位",
    Relation.LEAD_HEAD: "主办单位负责人",
    Relation.ASSISTING: "协办单位",
    Relation.OWNER: "承办攻坚办",
    Relation.CITY_OFFICE: "市攻坚办",
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
UNDISPATCHED = frozenset({Status.REGISTERED, Status.RETURNED})
OWNER_ONLY = "{owner}"
"""A refusal that names the office owning the clue (filled in by `refusal`)."""

TRANSITIONS: Mapping[Action, Rule] = {
    rule.action: rule
    for rule in (
        _rule(
            Action.REGISTER,
            {None},
            {H, D},
            {Relation.AREA_UNIT},
            Status.REGISTERED,
            N_("只能登记本辖区的线索"),
        ),
        _rule(
            Action.DISPATCH,
            {Status.REGISTERED, Status.RETURNED, Status.DISPATCHED},
            {D},
            {Relation.OWNER},
            Status.DISPATCHED,
            OWNER_ONLY,
        ),
        _rule(
            Action.RETURN_TO_CITY,
            UNDISPATCHED,
            {D},
            {Relation.OWNER},
            Status.RETURNED,
            OWNER_ONLY,
        ),
        _rule(
            Action.TRANSFER,
            UNDISPATCHED,
            {D},
            {Relation.OWNER},
            Status.REGISTERED,
            OWNER_ONLY,
        ),
        _rule(
            Action.TAKE_OVER,
            OPEN_STATUSES,
            {D},
            {Relation.CITY_OFFICE},
            None,
            N_("只有市攻坚办可以提级办理"),
        ),
        _rule(
            Action.MARK_DUPLICATE,
            UNDISPATCHED,
            {D},
            {Relation.OWNER},
            Status.DUPLICATE,
            OWNER_ONLY,
        ),
        _rule(
            Action.CLOSE_WITH_ORIGINAL,
            {Status.DUPLICATE},
            {D},
            {Relation.AREA_DISPATCHER},
            Status.CLOSED,
            N_("只有本辖区攻坚办可以办结重复件"),
        ),
        _rule(
            Action.REFUSE,
            UNDISPATCHED,
            {D},
            {Relation.OWNER},
            Status.REFUSED,
            OWNER_ONLY,
        ),
        _rule(
            Action.SIGN,
            {Status.DISPATCHED},
            {H},
            {Relation.LEAD},
            Status.HANDLING,
            N_("只有主办单位可以签收"),
        ),
        _rule(
            Action.RETURN,
            {Status.DISPATCHED, Status.HANDLING},
            {H},
            {Relation.LEAD},
            Status.RETURNED,
            N_("只有主办单位可以退回"),
        ),
        _rule(
            Action.REQUEST_EXTENSION,
            {Status.HANDLING},
            {H},
            {Relation.LEAD},
            None,
            N_("只有主办单位可以申请延期"),
        ),
        _rule(
            Action.APPROVE_EXTENSION,
            {Status.HANDLING},
            {D},
            {Relation.OWNER},
            None,
            OWNER_ONLY,
        ),
        _rule(
            Action.DENY_EXTENSION,
            {Status.HANDLING},
            {D},
            {Relation.OWNER},
            None,
            OWNER_ONLY,
        ),
        _rule(
            Action.REPORT,
            {Status.HANDLING},
            {H},
            {Relation.LEAD},
            Status.REVIEWING,
            N_("只有主办单位可以反馈办理结果"),
        ),
        _rule(
            Action.SIGNOFF_APPROVE,
            {Status.SIGNOFF},
            {H},
            {Relation.LEAD_HEAD},
            Status.REVIEWING,
            N_("只有主办单位负责人可以审签"),
        ),
        _rule(
            Action.SIGNOFF_REJECT,
            {Status.SIGNOFF},
            {H},
            {Relation.LEAD_HEAD},
            Status.HANDLING,
            N_("只有主办单位负责人可以审签"),
        ),
        _rule(
            Action.CALLBACK,
            {Status.REVIEWING, Status.CLOSED},
            {D, H},
            {Relation.OWNER, Relation.LEAD},
            None,
            N_("只有承办攻坚办或主办单位可以回访举报人"),
        ),
        _rule(
            Action.APPROVE,
            {Status.REVIEWING},
            {D},
            {Relation.OWNER},
            Status.CLOSED,
            OWNER_ONLY,
        ),
        _rule(
            Action.REJECT,
            {Status.REVIEWING},
            {D},
            {Relation.OWNER},
            Status.HANDLING,
            OWNER_ONLY,
        ),
        _rule(
            Action.REOPEN,
            {Status.CLOSED},
            {D},
            {Relation.OWNER},
            Status.HANDLING,
            OWNER_ONLY,
        ),
        _rule(
            Action.VERIFICATION_FAIL,
            {Status.CLOSED},
            {D},
            {Relation.AREA_DISPATCHER},
            Status.HANDLING,
            N_("只有本辖区攻坚办可以核查"),
        ),
        _rule(
            Action.URGE,
            OPEN_STATUSES,
            {D},
            {Relation.AREA_DISPATCHER},
            None,
            N_("只有本辖区攻坚办可以督办（纪委监委以督办函督办）"),
        ),
        _rule(
            Action.ASSIST_REPORT,
            {Status.HANDLING},
            {H},
            {Relation.ASSISTING},
            None,
            N_("只有协办单位可以提交协办反馈"),
        ),
    )
}


class ActionRefused(Exception):
    """The rules refuse an action; `reason` is a sentence a clerk understands."""

    def __init__(self, action: Action, reason: str) -> None:
        super().__init__(reason)
        self.action = action
        self.reason = reason


@dataclass(frozen=True)
class Context:
    """What an action may need to know beyond the clue: other clues, the clue's notices."""

    lookup: Callable[[str], ClueState | None] = field(default=lambda code: None)
    """The state of another clue in the actor's scope by its code, or None."""
    open_notices: Sequence[str] = ()
    """The clue's notices still unserved, running or overdue, as a clerk names them."""


NO_CONTEXT = Context()


def owner_of(clue: ClueState) -> str:
    """The office that owns a clue; one registered before ownership was kept is its county's."""
    return clue.owner_unit or clue.county_code


def relations_of(actor: Actor, clue: ClueState | None, county_code: str | None) -> set[Relation]:
    """Every relation the actor's unit has to a clue (or to a new clue in `county_code`)."""
    unit = actor.unit
    found: set[Relation] = set()
    county = clue.county_code if clue is not None else county_code
    dispatcher = actor.role is Role.DISPATCHER and unit.dispatches
    if unit.covers(county):
        found.add(Relation.AREA_UNIT)
        if dispatcher:
            found.add(Relation.AREA_DISPATCHER)
        if actor.role is Role.SUPERVISOR:
            found.add(Relation.AREA_SUPERVISOR)
    if dispatcher and unit.kind is UnitKind.CITY_OFFICE:
        found.add(Relation.CITY_OFFICE)
    if clue is not None:
        if dispatcher and owner_of(clue) == unit.code:
            found.add(Relation.OWNER)
        if clue.lead_unit == unit.code:
            found.add(Relation.LEAD)
            if actor.post is Post.HEAD:
                found.add(Relation.LEAD_HEAD)
        if unit.code in clue.assisting_units:
            found.add(Relation.ASSISTING)
    return found


def _owner_refusal(action: Action, clue: ClueState | None, units: UnitDirectory | None) -> Message:
    code = owner_of(clue) if clue is not None else ""
    unit = units.get(code) if units is not None else None
    name = unit.name if unit is not None else code
    if unit is not None and not unit.city_wide and action is not Action.RETURN_TO_CITY:
        return Message(
            "本线索由「{office}」承办，只有该办可以{action}（市攻坚办须先提级办理）",
            office=name,
            action=Label(action.label),
        )
    return Message(
        "本线索由「{office}」承办，只有该办可以{action}", office=name, action=Label(action.label)
    )


def extension_allowance(clue: ClueState, rules: Rules) -> tuple[int, int]:
    """How many extension requests and how many extra working days this stage has left."""
    limits = rules.limits
    requests = max(0, limits.max_extensions - clue.extension_count)
    days = max(
        0, min(limits.max_extension_days, limits.max_extension_total_days - clue.extended_days)
    )
    return requests, days


def refusal(
    action: Action,
    actor: Actor,
    clue: ClueState | None,
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    county_code: str | None = None,
    units: UnitDirectory | None = None,
) -> str | None:
    """Why `actor` may not take `action` on `clue` now, or None when the rules allow it."""
    rule = TRANSITIONS[action]
    status = clue.status if clue is not None else None
    if status not in rule.statuses:
        if status is None:
            return Message("线索不存在，不能{action}", action=Label(action.label))
        if action is Action.REGISTER:
            return Message("线索已登记")
        return Message(
            "线索当前为「{status}」，不能{action}",
            status=Label(status.label),
            action=Label(action.label),
        )
    if actor.role not in rule.roles:
        return Message(
            "{action}需要{roles}角色，您是{role}",
            action=Label(action.label),
            roles=labels(sorted(rule.roles)),
            role=Label(actor.role.label),
        )
    relations = relations_of(actor, clue, county_code)
    if not rule.relations & relations:
        if rule.refusal == OWNER_ONLY:
            return _owner_refusal(action, clue, units)
        return Message(rule.refusal)
    if clue is None:
        return None
    return _state_refusal(action, actor, clue, now, calendar, rules)


def _state_refusal(
    action: Action,
    actor: Actor,
    clue: ClueState,
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
) -> str | None:
    """Why the clue's own state forbids an action the actor's role and relation allow."""
    if action is Action.RETURN and clue.dispatched_at is not None:
        window = calendar.deadline_after(clue.dispatched_at, rules.limits.return_window_days)
        if to_china(now) > window:
            return Message("分办已超过 %n 个工作日，不能退回", n=rules.limits.return_window_days)
    if action is Action.RETURN_TO_CITY and actor.unit.city_wide:
        return Message("市攻坚办承办的线索无需退回市级，可转办到县区")
    if action is Action.TRANSFER and actor.unit.kind is not UnitKind.CITY_OFFICE:
        return Message("只有市攻坚办可以转办到其他县区；县区攻坚办请退回市级")
    if action is Action.TAKE_OVER and owner_of(clue) == actor.unit.code:
        return Message("本线索已由市攻坚办承办")
    if action is Action.REQUEST_EXTENSION:
        if clue.extension_requested_days:
            return Message("已有延期申请待审批")
        if clue.handle_deadline is not None and to_china(now) > clue.handle_deadline:
            return Message("办理期限已过，不能再申请延期")
        requests, days = extension_allowance(clue, rules)
        if requests == 0:
            return Message("本阶段已申请延期 %n 次，达到上限，不能再申请", n=clue.extension_count)
        if days == 0:
            total = rules.limits.max_extension_total_days
            return Message(
                "本阶段已延期 {days}，达到 {limit}上限",
                days=Message("%n 个工作日", n=clue.extended_days),
                limit=Message("%n 个工作日", n=total),
            )
    if action in (Action.APPROVE_EXTENSION, Action.DENY_EXTENSION):
        if not clue.extension_requested_days:
            return Message("没有待审批的延期申请")
    if action is Action.CALLBACK and clue.channel is not None:
        if not rules.needs_callback(clue.channel):
            return Message(
                "「{channel}」线索没有举报人，无需回访", channel=Label(clue.channel.label)
            )
    if action is Action.REOPEN and clue.callback is not CallbackResult.UNSATISFIED:
        return Message("只有回访不满意的线索可以重新办理")
    if action in (Action.REOPEN, Action.VERIFICATION_FAIL) and clue.lead_unit is None:
        if clue.duplicate_of:
            return Message(
                "重复件随原件办理，请对原件「{original}」{action}",
                original=clue.duplicate_of,
                action=Label(action.label),
            )
        return Message("线索没有主办单位，不能重新办理")
    return None


def allowed_actions(
    actor: Actor,
    clue: ClueState,
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    units: UnitDirectory | None = None,
) -> list[Action]:
    """The actions `actor` may take on `clue` now, in table order."""
    return [
        action
        for action in TRANSITIONS
        if action not in SYSTEM_ACTIONS
        and refusal(action, actor, clue, now, calendar, rules, units=units) is None
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


@dataclass(frozen=True)
class _Step:
    """Everything an effect reads: the clue, the payload, who, when, and the rules."""

    clue: ClueState
    payload: Mapping[str, Any]
    actor: Actor
    now: datetime
    calendar: WorkCalendar
    rules: Rules
    units: UnitDirectory
    context: Context

    def reason(self) -> str:
        return require_text(self.payload.get("reason"), "reason", 500)

    def note(self) -> str:
        return require_text(self.payload.get("note"), "note", 2000, required=False)

    def dispatch_deadline(self) -> datetime:
        return stage_deadline(Stage.DISPATCH, self.now, self.calendar, self.rules)


def _days_field(value: Any, low: int, high: int, key: str) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError(key, Message("「{value}」不是整数", value=value)) from None
    if not low <= number <= high:
        raise ValidationError(key, Message("应在 {low} 到 %n 个工作日之间", n=high, low=low))
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
    context: Context = NO_CONTEXT,
) -> Outcome:
    """Validate and take `action`; raise ActionRefused or ValidationError, changing nothing.

    For REGISTER, `clue` is None, `payload` holds the draft and `code` the clue's code.
    """
    now = to_china(now)
    county = str(payload.get("county_code") or "") if clue is None else None
    reason = refusal(action, actor, clue, now, calendar, rules, county, units)
    if reason is not None:
        raise ActionRefused(action, reason)
    if clue is None:
        return _register(actor, payload, now, calendar, rules, units, code)
    step = _Step(clue, payload, actor, now, calendar, rules, units, context)
    changes, note, details = _EFFECTS[action](step)
    status = changes.pop("status", TRANSITIONS[action].target(clue.status))
    state = clue.evolve(status=status, **changes)
    return Outcome(action, state, clue.status, note, details)


def _register(
    actor: Actor,
    payload: Mapping[str, Any],
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    units: UnitDirectory,
    code: str,
) -> Outcome:
    draft = validate_draft(payload, units, now)
    owner = actor.unit.code if actor.unit.dispatches else draft.county_code
    state = ClueState(
        code=code,
        status=Status.REGISTERED,
        priority=draft.priority,
        county_code=draft.county_code,
        township_code=draft.township_code,
        registered_at=now,
        deadline=stage_deadline(Stage.DISPATCH, now, calendar, rules),
        channel=draft.channel,
        owner_unit=owner,
        due_by=draft.due_by,
    )
    return Outcome(Action.REGISTER, state, None, "", draft.to_payload(), draft)


_Effect = tuple[dict[str, Any], str, dict[str, Any]]
"""What an action changes in the clue, its history note, and its recorded details."""


def city_owned(clue: ClueState, units: UnitDirectory) -> bool:
    """Whether the clue's owner is an office of the whole city."""
    owner = units.get(owner_of(clue))
    return owner is not None and owner.city_wide


def may_handle(unit: UnitInfo, clue: ClueState, units: UnitDirectory) -> bool:
    """Whether the clue's owner may dispatch it to `unit`: a township, street or department
    of the clue's county, and for the city office also a city department."""
    if not unit.handles:
        return False
    return unit.county_code == clue.county_code or (unit.city_wide and city_owned(clue, units))


def _handling_unit(step: _Step, code: str, key: str) -> UnitInfo:
    """The unit `code` names, when the clue may be dispatched to it."""
    unit = step.units.get(code)
    if unit is None or not unit.handles:
        raise ValidationError(key, Message("「{unit}」不是可承办线索的单位", unit=code))
    if not may_handle(unit, step.clue, step.units):
        if city_owned(step.clue, step.units):
            raise ValidationError(
                key, Message("「{unit}」不是本县区或市级部门可承办的单位", unit=unit.name)
            )
        raise ValidationError(key, Message("「{unit}」不是本县区可承办的单位", unit=unit.name))
    return unit


def _dispatch(step: _Step) -> _Effect:
    clue, payload, now = step.clue, step.payload, step.now
    lead = _handling_unit(step, str(payload.get("lead_unit") or ""), "lead_unit")
    assisting: list[str] = []
    for code in payload.get("assisting_units") or []:
        unit = _handling_unit(step, str(code), "assisting_units")
        if unit.code == lead.code or unit.code in assisting:
            raise ValidationError(
                "assisting_units", Message("「{unit}」重复或与主办单位相同", unit=unit.name)
            )
        assisting.append(unit.code)
    default = stage_deadline(
        Stage.HANDLE, now, step.calendar, step.rules, clue.priority, clue.channel
    )
    if clue.due_by is not None:
        default = min(default, clue.due_by)
    raw_deadline = payload.get("handle_deadline")
    handle = _explicit_deadline(str(raw_deadline), step.calendar) if raw_deadline else default
    if handle <= now:
        raise ValidationError("handle_deadline", Message("必须晚于分办时间"))
    if clue.due_by is not None and handle > clue.due_by:
        due = f"{clue.due_by:%Y-%m-%d %H:%M}"
        raise ValidationError(
            "handle_deadline", Message("不能晚于交办单位要求的期限 {due}", due=due)
        )
    sign = min(stage_deadline(Stage.SIGN, now, step.calendar, step.rules), handle)
    changes = dict(
        lead_unit=lead.code,
        assisting_units=tuple(assisting),
        dispatched_at=now,
        signed_at=None,
        handle_deadline=handle,
        deadline=sign,
        extension_requested_days=0,
        extended_days=0,
        extension_count=0,
    )
    details = {
        "lead_unit": lead.code,
        "assisting_units": assisting,
        "handle_deadline": handle.isoformat(),
    }
    return changes, step.note(), details


def _explicit_deadline(text: str, calendar: WorkCalendar) -> datetime:
    """A deadline typed by the dispatcher; a bare date means close of office that day."""
    key = "handle_deadline"
    if len(text.strip()) <= 11 and ":" not in text and "时" not in text:
        day = parse_date(text, key)
        if not calendar.is_working_day(day):
            raise ValidationError(key, Message("{day} 不是工作日", day=day.isoformat()))
        return datetime.combine(day, calendar.office_hours.closing, CHINA_TZ)
    return parse_datetime(text, key)


_UNDISPATCHED = dict(
    lead_unit=None,
    assisting_units=(),
    dispatched_at=None,
    signed_at=None,
    handle_deadline=None,
    extension_requested_days=0,
)


def _return_to_city(step: _Step) -> _Effect:
    city = city_office(step.units)
    if city is None:
        raise ActionRefused(Action.RETURN_TO_CITY, Message("单位目录中没有市攻坚办，无法退回市级"))
    reason = step.reason()
    changes = dict(_UNDISPATCHED, owner_unit=city.code, deadline=step.dispatch_deadline())
    return changes, reason, {"returned_by": owner_of(step.clue), "owner_unit": city.code}


def _transfer(step: _Step) -> _Effect:
    code = str(step.payload.get("target_county") or "")
    office = county_office(step.units, code)
    if office is None:
        raise ValidationError(
            "target_county", Message("「{unit}」不是县区或功能板块攻坚办", unit=code)
        )
    if office.code == step.clue.county_code:
        raise ValidationError(
            "target_county", Message("线索已属于{office}，请选择其他县区", office=office.name)
        )
    reason = step.reason()
    changes = dict(
        _UNDISPATCHED,
        county_code=office.code,
        township_code=None,
        owner_unit=office.code,
        deadline=step.dispatch_deadline(),
    )
    details = {"from_county": step.clue.county_code, "county_code": office.code}
    return changes, reason, details


def _take_over(step: _Step) -> _Effect:
    reason = step.reason()
    previous = owner_of(step.clue)
    return dict(owner_unit=step.actor.unit.code), reason, {"from_owner": previous}


def _original(step: _Step) -> ClueState:
    code = str(step.payload.get("original") or step.clue.duplicate_of or "").strip()
    if not code:
        raise ValidationError("original", Message("不能为空"))
    if code == step.clue.code:
        raise ValidationError("original", Message("不能是本线索自己"))
    original = step.context.lookup(code)
    if original is None:
        raise ValidationError(
            "original", Message("找不到线索「{code}」，或它不在您的范围内", code=code)
        )
    return original


def _mark_duplicate(step: _Step) -> _Effect:
    original = _original(step)
    if original.status in (Status.DUPLICATE, Status.REFUSED):
        raise ValidationError(
            "original",
            Message(
                "「{code}」本身是{status}，请选择原件",
                code=original.code,
                status=Label(original.status.label),
            ),
        )
    if original.county_code != step.clue.county_code:
        raise ValidationError("original", Message("「{code}」不属于本县区", code=original.code))
    note = step.note()
    changes: dict[str, Any] = dict(_UNDISPATCHED, duplicate_of=original.code, deadline=None)
    if original.status in DONE_STATUSES:
        changes.update(status=Status.CLOSED, closed_at=step.now, finding=original.finding)
    return changes, note, {"original": original.code}


def _close_with_original(step: _Step) -> _Effect:
    original = _original(step)
    if original.status not in DONE_STATUSES:
        raise ActionRefused(
            Action.CLOSE_WITH_ORIGINAL,
            Message("原件「{code}」尚未办结，重复件随原件办结", code=original.code),
        )
    changes = dict(closed_at=step.now, deadline=None, finding=original.finding)
    return changes, "", {"original": original.code}


def _refuse(step: _Step) -> _Effect:
    grounds = step.rules.refusal_grounds
    ground = str(step.payload.get("ground") or "")
    if ground not in grounds:
        raise ValidationError(
            "ground",
            Message("请选择不予受理依据（可选：{options}）", options=tuple(grounds.values())),
        )
    reason = step.reason()
    changes = dict(_UNDISPATCHED, closed_at=step.now, deadline=None)
    return changes, reason, {"ground": ground, "ground_text": grounds[ground]}


def _sign(step: _Step) -> _Effect:
    return dict(signed_at=step.now, deadline=step.clue.handle_deadline), "", {}


def _return(step: _Step) -> _Effect:
    reason = step.reason()
    changes = dict(_UNDISPATCHED, deadline=step.dispatch_deadline())
    return changes, reason, {"returned_by": step.clue.lead_unit}


def _request_extension(step: _Step) -> _Effect:
    clue = step.clue
    _, left = extension_allowance(clue, step.rules)
    days = _days_field(step.payload.get("days"), 1, left, "days")
    if clue.due_by is not None and clue.handle_deadline is not None:
        extended = extend_deadline(clue.handle_deadline, days, step.calendar)
        if extended > clue.due_by:
            due = f"{clue.due_by:%Y-%m-%d %H:%M}"
            raise ValidationError(
                "days", Message("交办单位要求 {due} 前办结，延期不能超过该期限", due=due)
            )
    reason = step.reason()
    changes = dict(extension_requested_days=days, extension_count=clue.extension_count + 1)
    return changes, reason, {"days": days}


def _approve_extension(step: _Step) -> _Effect:
    clue = step.clue
    days = clue.extension_requested_days
    base = clue.handle_deadline or step.now
    handle = extend_deadline(base, days, step.calendar)
    changes = dict(
        handle_deadline=handle,
        deadline=handle,
        extension_requested_days=0,
        extended_days=clue.extended_days + days,
    )
    return changes, step.note(), {"days": days, "handle_deadline": handle.isoformat()}


def _deny_extension(step: _Step) -> _Effect:
    return dict(extension_requested_days=0), step.reason(), {}


def _report(step: _Step) -> _Effect:
    payload = step.payload
    result = require_text(payload.get("result"), "result", 4000)
    finding = choice(Finding, payload.get("finding"), "finding")
    measures = require_text(payload.get("measures"), "measures", 4000)
    if finding.needs_evidence and not payload.get("attachments"):
        raise ValidationError(
            "attachments",
            Message(
                "核查结论为「{finding}」时须附现场照片等佐证材料", finding=Label(finding.label)
            ),
        )
    changes: dict[str, Any] = dict(extension_requested_days=0, finding=finding, callback=None)
    if step.rules.signoff_required and step.actor.post is Post.CLERK:
        changes.update(status=Status.SIGNOFF)
    else:
        changes.update(reported_at=step.now, deadline=_review_deadline(step))
    return changes, result, {"finding": finding.value, "measures": measures}


def _review_deadline(step: _Step) -> datetime:
    return stage_deadline(Stage.REVIEW, step.now, step.calendar, step.rules)


def _signoff_approve(step: _Step) -> _Effect:
    changes = dict(reported_at=step.now, deadline=_review_deadline(step))
    return changes, step.note(), {}


def _signoff_reject(step: _Step) -> _Effect:
    return dict(finding=None, deadline=step.clue.handle_deadline), step.reason(), {}


def _callback(step: _Step) -> _Effect:
    result = choice(CallbackResult, step.payload.get("callback"), "callback")
    note = step.note()
    if result is CallbackResult.UNREACHED and not note:
        raise ValidationError("note", Message("未能联系上举报人时，请写明联系的时间和方式"))
    return dict(callback=result), note, {"callback": result.value}


def _approve(step: _Step) -> _Effect:
    clue, rules = step.clue, step.rules
    if clue.channel is not None and rules.needs_callback(clue.channel) and clue.callback is None:
        raise ValidationError(
            "callback",
            Message("「{channel}」线索办结前须回访举报人", channel=Label(clue.channel.label)),
        )
    details: dict[str, Any] = {}
    notices = list(step.context.open_notices)
    if notices:
        override = require_text(
            step.payload.get("override_reason"), "override_reason", 500, required=False
        )
        if not override:
            listed = "；".join(notices)
            raise ValidationError(
                "override_reason",
                Message("整改通知书尚未闭环（{notices}），须写明理由才能办结", notices=listed),
            )
        details = {"override_reason": override, "open_notices": notices}
    return dict(closed_at=step.now, deadline=None), step.note(), details


def _reject(step: _Step) -> _Effect:
    reason = step.reason()
    rework = step.calendar.deadline_after(step.now, step.rules.limits.rework_days)
    handle = max(step.clue.handle_deadline or rework, rework)
    if step.clue.due_by is not None:
        handle = min(handle, step.clue.due_by)  # the sender's deadline still holds
    changes = dict(reported_at=None, handle_deadline=handle, deadline=handle)
    return changes, reason, {"handle_deadline": handle.isoformat()}


def _rework(step: _Step) -> _Effect:
    """Back to handling after closing (weekly verification fault, or an unhappy reporter)."""
    reason = step.reason()
    clue = step.clue
    handle = stage_deadline(
        Stage.HANDLE, step.now, step.calendar, step.rules, clue.priority, clue.channel
    )
    changes = dict(
        closed_at=None, reported_at=None, handle_deadline=handle, deadline=handle, callback=None
    )
    return changes, reason, {"handle_deadline": handle.isoformat()}


def _verification_rework(step: _Step) -> _Effect:
    """Back to handling after a failed weekly verification (整改提升): its own limit, or the
    clue's handling period when that is shorter."""
    changes, reason, details = _rework(step)
    own = step.calendar.deadline_after(step.now, step.rules.limits.verification_rework_days)
    handle = min(own, changes["handle_deadline"])  # an urgent clue keeps its shorter period
    changes.update(handle_deadline=handle, deadline=handle)
    return changes, reason, {"handle_deadline": handle.isoformat()}


def _required_note(step: _Step) -> _Effect:
    return {}, require_text(step.payload.get("note"), "note", 2000), {}


_EFFECTS: Mapping[Action, Callable[[_Step], _Effect]] = {
    Action.DISPATCH: _dispatch,
    Action.RETURN_TO_CITY: _return_to_city,
    Action.TRANSFER: _transfer,
    Action.TAKE_OVER: _take_over,
    Action.MARK_DUPLICATE: _mark_duplicate,
    Action.CLOSE_WITH_ORIGINAL: _close_with_original,
    Action.REFUSE: _refuse,
    Action.SIGN: _sign,
    Action.RETURN: _return,
    Action.REQUEST_EXTENSION: _request_extension,
    Action.APPROVE_EXTENSION: _approve_extension,
    Action.DENY_EXTENSION: _deny_extension,
    Action.REPORT: _report,
    Action.SIGNOFF_APPROVE: _signoff_approve,
    Action.SIGNOFF_REJECT: _signoff_reject,
    Action.CALLBACK: _callback,
    Action.APPROVE: _approve,
    Action.REJECT: _reject,
    Action.REOPEN: _rework,
    Action.VERIFICATION_FAIL: _verification_rework,
    Action.URGE: _required_note,
    Action.ASSIST_REPORT: _required_note,
}
