"""Penalty cases (行政处罚案件) as rules: filing from a clue, the milestones up to 结案, the
decision deadline with its extensions and warnings, case numbers, and the counts of filed and
concluded cases (the public face of `case_content`, `case_actions` and `case_rules`).

立案 (file) → 调查取证 (investigate) → 告知 (notify; 陈述申辩 statement, 听证 hearing) → 决定
(decide) → 送达 (serve) → 执行 (execute) → 结案 (close); 延期 (extend) while undecided. Every
action is validated by `apply_case_action`, on the device and again on the platform; refusals
are `CaseRefused` (a Chinese sentence), bad payload values `ValidationError` naming the
payload key (see `case_field_label`).

Payload keys of each action (dates as 2026-03-05, instants as ISO 8601 text):

- file: case_id (UUID), cause, law, party {party_type, name, credit_code, id_number, address,
  legal_representative, operator}, officers [{name, certificate}] (at least two), notice_ids
  (optional, notices of the clue), filed_on; number/number_year/number_seq (a 立案号 from the
  unit's "case" number blocks: the store fills them in).
- investigate: investigated_on, note, evidence (list of texts, optional).
- notify: notified_on, document_number (the 告知书's number), penalties [{kind, amount_yuan,
  note}] (the proposed penalties), note (optional). `hearing_offered` follows from them.
- statement: received_on, result (采纳/部分采纳/不予采纳/放弃陈述申辩), text (unless waived),
  hearing_requested (true/false; only where a hearing was offered).
- hearing: held_on, note, document_number (optional: the hearing record's number).
- decide: decided_on, penalties, facts, evidence, violated_clause_ids, basis_clause_ids,
  discretion (optional); number/number_year/number_seq (the 决定书 number from the unit's
  "decision" number blocks: the store fills them in).
- serve: method, served_at, place, recipient, relation, servers, witness (for 留置送达).
- execute: executed_on, method (自动履行/行政强制执行/申请人民法院强制执行), amount_paid
  (optional), note (optional).
- close: outcome (执行完毕/终止调查/不予处罚/移送/撤销立案), closed_on, note (required unless
  执行完毕).
- extend: days (calendar days), approved_by, reason.

The rules of when: a decision needs a prior 告知 (a case that ends without a penalty is
closed as 不予处罚 instead), and a hearing the party asked for must be held first; every
milestone's date lies between the previous milestone's and today.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from desktop.domain.calendar import WorkCalendar
from desktop.domain.case_actions import (
    CASE_COMMAND_PREFIX,
    CLOSING_FROM,
    FILING_CLUE_STATUSES,
    FROM_STATUSES,
    RUNNING_STATUSES,
    CaseAction,
    CaseActionOutcome,
    CaseRefused,
    allowed_case_actions,
    case_refusal,
    filing_refusal,
    in_reach,
)
from desktop.domain.case_content import (
    CASE_FIELD_LABELS,
    MONEY_KINDS,
    CaseOutcome,
    CaseState,
    CaseStatus,
    CaseStep,
    Decision,
    ExecutionMethod,
    Extension,
    Milestone,
    Officer,
    Penalty,
    PenaltyKind,
    StatementResult,
    case_field_label,
    money_text,
)
from desktop.domain.case_rules import CaseRules
from desktop.domain.clue import ClueState
from desktop.domain.deadlines import Countdown, countdown, warning_level
from desktop.domain.messages import Message
from desktop.domain.notice_actions import NO_NUMBER
from desktop.domain.notice_content import NoticeState, Service, ServiceMethod
from desktop.domain.notice_numbers import (
    CASE_SERIES,
    DECISION_SERIES,
    NumberPrefixes,
    document_prefix,
    format_number,
    parse_number,
)
from desktop.domain.party import Party, PartyType, validate_party
from desktop.domain.payload_values import (
    not_after_today,
    not_ahead,
    payload_choice,
    payload_day,
    payload_flag,
    payload_moment,
    payload_servers,
    payload_text,
    when_text,
)
from desktop.domain.rules import Rules
from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.domain.units import Actor, UnitDirectory, UnitInfo
from desktop.domain.validators import ValidationError, require_text

MIN_OFFICERS = 2
"""At least two enforcement officers take part in a case (行政处罚法 第四十二条)."""
MAX_OFFICERS = 10
MAX_ITEMS = 30
MAX_AMOUNT = Decimal("1000000000")
"""The largest amount accepted (元): 10 亿, far beyond any penalty of a county."""

# --------------------------------------------------------------------------- numbers


def case_prefix(
    unit: UnitInfo, directory: UnitDirectory, prefixes: NumberPrefixes | None = None
) -> str:
    """The prefix of a unit's 立案号, e.g. 海环立 (海环立〔2026〕3号)."""
    return document_prefix(CASE_SERIES, unit, directory, prefixes)


def decision_prefix(
    unit: UnitInfo, directory: UnitDirectory, prefixes: NumberPrefixes | None = None
) -> str:
    """The prefix of a unit's 行政处罚决定书 numbers, e.g. 海环罚 (海环罚〔2026〕7号)."""
    return document_prefix(DECISION_SERIES, unit, directory, prefixes)


NUMBER_SERIES: Mapping[CaseAction, str] = {
    CaseAction.FILE: CASE_SERIES,
    CaseAction.DECIDE: DECISION_SERIES,
}
"""The actions that take a number from the device's blocks, and the series of each."""


def case_deadline(
    filed_on: date, extensions: Iterable[Extension], calendar: WorkCalendar, rules: Rules
) -> datetime:
    """The decision deadline: office closing on the `rules.cases.decision_days`-th calendar
    day after 立案, moved by the extensions' calendar days."""
    days = rules.cases.decision_days + sum(e.days for e in extensions)
    return datetime.combine(
        filed_on + timedelta(days=days), calendar.office_hours.closing, CHINA_TZ
    )


def hearing_offered(penalties: Iterable[Penalty], party_type: PartyType, rules: CaseRules) -> bool:
    """Whether the proposed penalties give the party the right to a hearing (听证).

    Always for the kinds of `rules.hearing_kinds`; for money (fines and confiscated gains,
    added up) from `hearing_citizen_yuan` for a natural person or sole trader and from
    `hearing_organisation_yuan` for an organisation.
    """
    items = list(penalties)
    if any(p.kind.value in rules.hearing_kinds for p in items):
        return True
    money = sum(
        (p.amount_yuan for p in items if p.kind in MONEY_KINDS and p.amount_yuan), Decimal(0)
    )
    citizen = party_type in (PartyType.INDIVIDUAL, PartyType.SOLE_TRADER)
    threshold = rules.hearing_citizen_yuan if citizen else rules.hearing_organisation_yuan
    return money >= threshold


# --------------------------------------------------------------------------- payload values


def _texts(
    payload: Mapping[str, Any], key: str, longest: int, *, least: int = 0
) -> tuple[str, ...]:
    value = payload.get(key)
    if value is None or value == "":
        items: list[Any] = []
    elif isinstance(value, str):
        items = value.splitlines()
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise ValidationError(key, Message("应为文本列表"))
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise ValidationError(key, Message("应为文本列表"))
        text = require_text(item, key, longest, required=False)
        if text and text not in out:
            out.append(text)
    if len(out) > MAX_ITEMS:
        raise ValidationError(key, Message("最多 %n 项", n=MAX_ITEMS))
    if len(out) < least:
        raise ValidationError(key, Message("至少填写 %n 项", n=least))
    return tuple(out)


def parse_amount(value: Any, key: str) -> Decimal:
    """An amount of money in 元: positive, at most two decimals (text or a JSON number)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise ValidationError(key, Message("应为金额，如 50000 或 12345.67"))
    text = str(value).strip().replace(",", "").replace("，", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError(key, Message("「{value}」不是金额", value=str(value))) from None
    if not amount.is_finite() or amount <= 0:
        raise ValidationError(key, Message("金额应大于零"))
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValidationError(key, Message("金额最多保留两位小数（到分）"))
    if amount > MAX_AMOUNT:
        raise ValidationError(key, Message("金额过大"))
    return amount.quantize(Decimal("0.01"))


def _penalties(payload: Mapping[str, Any], key: str = "penalties") -> tuple[Penalty, ...]:
    raw = payload.get(key)
    if not isinstance(raw, list) or not raw:
        raise ValidationError(key, Message("至少填写一项处罚"))
    out: list[Penalty] = []
    for index, item in enumerate(raw):
        where = f"{key}.{index}"
        if not isinstance(item, Mapping):
            raise ValidationError(where, Message("应为对象（kind、amount_yuan、note）"))
        kind: PenaltyKind = payload_choice(PenaltyKind, item.get("kind"), f"{where}.kind")
        if any(p.kind is kind for p in out):
            raise ValidationError(f"{where}.kind", Message("处罚种类重复"))
        amount_raw = item.get("amount_yuan")
        amount = None
        if amount_raw is not None and amount_raw != "":
            if not kind.may_have_amount:
                raise ValidationError(
                    f"{where}.amount_yuan", Message("「{kind}」不填写金额", kind=kind.label)
                )
            amount = parse_amount(amount_raw, f"{where}.amount_yuan")
        elif kind.needs_amount:
            raise ValidationError(
                f"{where}.amount_yuan", Message("「{kind}」须填写金额", kind=kind.label)
            )
        note = payload_text(item, "note", 500, required=False) if "note" in item else ""
        out.append(Penalty(kind, amount, note))
    return tuple(out)


def _officers(payload: Mapping[str, Any]) -> tuple[Officer, ...]:
    raw = payload.get("officers")
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise ValidationError("officers", Message("应为执法人员列表（name、certificate）"))
    out: list[Officer] = []
    for index, item in enumerate(raw):
        where = f"officers.{index}"
        if not isinstance(item, Mapping):
            raise ValidationError(where, Message("应为对象（name、certificate）"))
        try:
            name = payload_text(item, "name", 50)
            certificate = payload_text(item, "certificate", 30)
        except ValidationError as exc:
            raise ValidationError(f"{where}.{exc.field}", exc.message) from None
        if any(o.name == name for o in out):
            raise ValidationError(f"{where}.name", Message("执法人员重复"))
        if any(o.certificate == certificate for o in out):
            raise ValidationError(f"{where}.certificate", Message("执法证号重复"))
        out.append(Officer(name, certificate))
    if len(out) < MIN_OFFICERS:
        raise ValidationError(
            "officers", Message("至少需要 %n 名持有执法证的执法人员", n=MIN_OFFICERS)
        )
    if len(out) > MAX_OFFICERS:
        raise ValidationError("officers", Message("最多 %n 名执法人员", n=MAX_OFFICERS))
    return tuple(out)


def _party(payload: Mapping[str, Any]) -> Party:
    raw = payload.get("party")
    if raw is None:
        raise ValidationError("party", Message("不能为空"))
    return validate_party(raw, "party")


def _case_id(payload: Mapping[str, Any]) -> str:
    raw = payload.get("case_id")
    try:
        return str(uuid.UUID(str(raw)))
    except ValueError:
        raise ValidationError(
            "case_id", Message("「{value}」不是有效的案件编号（UUID）", value=str(raw))
        ) from None


def _numbered(
    payload: Mapping[str, Any], number: tuple[int, int] | None, prefix: str, day: date, key: str
) -> str:
    """The printed number of a (year, seq) taken from a block: of the year of `day`."""
    if number is None:
        raise ValidationError("number", Message(NO_NUMBER))
    year, seq = number
    if year != day.year:
        raise ValidationError(
            "number",
            Message(
                "文书编号的年份 {year} 与{field}（{day}）不符",
                year=str(year),
                field=case_field_label(key),
                day=day.isoformat(),
            ),
        )
    text = payload.get("number")
    if text is None or text == "":
        text = format_number(prefix, year, seq)
    parsed = parse_number(text) if isinstance(text, str) else None
    if parsed is None or parsed[1:] != (year, seq):
        raise ValidationError(
            "number",
            Message(
                "「{text}」不是{year}年第{seq}号的文书编号", text=text, year=str(year), seq=seq
            ),
        )
    return str(text).strip()


def _in_order(state: CaseState, day: date, now: datetime, key: str) -> None:
    not_after_today(day, now, key)
    last = state.last_day
    if day < last:
        raise ValidationError(key, Message("不能早于上一环节的日期（{day}）", day=last.isoformat()))


class _Context(NamedTuple):
    """What an action's effect reads besides the case and the payload."""

    now: datetime
    calendar: WorkCalendar
    rules: Rules
    units: UnitDirectory
    actor: Actor
    clue: ClueState | None
    notices: Sequence[NoticeState]
    number: tuple[int, int] | None


def _dated(
    state: CaseState | None, payload: Mapping[str, Any], ctx: _Context, key: str
) -> tuple[CaseState, date]:
    """The case a step acts on, and the step's date under `key`: not after today and not
    before the last step's."""
    assert state is not None
    day = payload_day(payload, key)
    _in_order(state, day, ctx.now, key)
    return state, day


# --------------------------------------------------------------------------- effects


def _milestone(
    step: CaseStep,
    on: date,
    ctx: _Context,
    *,
    document_number: str = "",
    note: str = "",
    details: Mapping[str, Any] | None = None,
) -> Milestone:
    now, actor = ctx.now, ctx.actor
    return Milestone(
        step=step,
        on=on,
        at=now,
        by=actor.username,
        by_name=actor.display_name,
        document_number=document_number,
        note=note,
        details=dict(details or {}),
    )


def _file(state: CaseState | None, payload: Mapping[str, Any], ctx: _Context) -> CaseActionOutcome:
    now, calendar, rules, units, actor = ctx.now, ctx.calendar, ctx.rules, ctx.units, ctx.actor
    clue, notices, number = ctx.clue, ctx.notices, ctx.number
    assert clue is not None  # checked by the refusal
    case_id = _case_id(payload)
    cause = payload_text(payload, "cause", 200)
    law = payload_text(payload, "law", 100).strip("《》")
    party = _party(payload)
    officers = _officers(payload)
    linked = _texts(payload, "notice_ids", 64)
    of_clue = {n.notice_id for n in notices}
    for notice_id in linked:
        if notice_id not in of_clue:
            raise ValidationError(
                "notice_ids",
                Message("通知书 {notice} 不属于线索 {code}", notice=notice_id, code=clue.code),
            )
    filed_on = payload_day(payload, "filed_on")
    not_after_today(filed_on, now, "filed_on")
    registered = to_china(clue.registered_at).date()
    if filed_on < registered:
        raise ValidationError(
            "filed_on", Message("不能早于线索登记日期（{day}）", day=registered.isoformat())
        )
    text = _numbered(payload, number, case_prefix(actor.unit, units), filed_on, "filed_on")
    assert number is not None
    deadline = case_deadline(filed_on, (), calendar, rules)
    filed = _milestone(CaseStep.FILED, filed_on, ctx, document_number=text, note=cause)
    created = CaseState(
        case_id=case_id,
        clue_code=clue.code,
        unit_code=actor.unit.code,
        status=CaseStatus.FILED,
        cause=cause,
        law=law,
        party=party,
        officers=officers,
        filed_on=filed_on,
        deadline=deadline,
        created_at=now,
        created_by=actor.username,
        number=text,
        number_year=number[0],
        number_seq=number[1],
        notice_ids=linked,
        milestones=(filed,),
    )
    details = {"number": text, "filed_on": filed_on.isoformat(), "deadline": deadline.isoformat()}
    return CaseActionOutcome(CaseAction.FILE, created, None, cause, details)


def _investigate(
    state: CaseState | None, payload: Mapping[str, Any], ctx: _Context
) -> CaseActionOutcome:
    state, day = _dated(state, payload, ctx, "investigated_on")
    note = payload_text(payload, "note", 2000)
    evidence = _texts(payload, "evidence", 200)
    step = _milestone(
        CaseStep.INVESTIGATED, day, ctx, note=note, details={"evidence": list(evidence)}
    )
    after = state.evolve(status=CaseStatus.INVESTIGATING, milestones=(*state.milestones, step))
    details = {"investigated_on": day.isoformat(), "evidence": len(evidence)}
    return CaseActionOutcome(CaseAction.INVESTIGATE, after, state.status, note, details)


def _notify(
    state: CaseState | None, payload: Mapping[str, Any], ctx: _Context
) -> CaseActionOutcome:
    rules = ctx.rules
    state, day = _dated(state, payload, ctx, "notified_on")
    document = payload_text(payload, "document_number", 60)
    proposed = _penalties(payload)
    note = payload_text(payload, "note", 2000, required=False)
    offered = hearing_offered(proposed, state.party.party_type, rules.cases)
    step = _milestone(
        CaseStep.NOTIFIED,
        day,
        ctx,
        document_number=document,
        note=note,
        details={"penalties": [p.to_dict() for p in proposed], "hearing_offered": offered},
    )
    after = state.evolve(
        status=CaseStatus.NOTIFIED,
        proposed=proposed,
        hearing_offered=offered,
        milestones=(*state.milestones, step),
    )
    details = {"document_number": document, "hearing_offered": offered}
    return CaseActionOutcome(CaseAction.NOTIFY, after, state.status, note, details)


def _statement(
    state: CaseState | None, payload: Mapping[str, Any], ctx: _Context
) -> CaseActionOutcome:
    state, day = _dated(state, payload, ctx, "received_on")
    result: StatementResult = payload_choice(StatementResult, payload.get("result"), "result")
    text = payload_text(payload, "text", 2000, required=result is not StatementResult.WAIVED)
    requested = payload_flag(payload, "hearing_requested")
    if requested and not state.hearing_offered:
        raise ValidationError(
            "hearing_requested", Message("拟作出的处罚不属于应当告知听证权利的情形")
        )
    step = _milestone(
        CaseStep.STATEMENT,
        day,
        ctx,
        note=text,
        details={"result": result.value, "hearing_requested": requested},
    )
    after = state.evolve(
        hearing_requested=state.hearing_requested or requested,
        milestones=(*state.milestones, step),
    )
    details = {"result": result.value, "hearing_requested": requested}
    return CaseActionOutcome(CaseAction.STATEMENT, after, state.status, text, details)


def _hearing(
    state: CaseState | None, payload: Mapping[str, Any], ctx: _Context
) -> CaseActionOutcome:
    state, day = _dated(state, payload, ctx, "held_on")
    note = payload_text(payload, "note", 2000)
    document = payload_text(payload, "document_number", 60, required=False)
    step = _milestone(CaseStep.HEARING, day, ctx, document_number=document, note=note)
    after = state.evolve(milestones=(*state.milestones, step))
    return CaseActionOutcome(
        CaseAction.HEARING, after, state.status, note, {"held_on": day.isoformat()}
    )


def _decide(
    state: CaseState | None, payload: Mapping[str, Any], ctx: _Context
) -> CaseActionOutcome:
    units, actor, number = ctx.units, ctx.actor, ctx.number
    state, day = _dated(state, payload, ctx, "decided_on")
    penalties = _penalties(payload)
    facts = payload_text(payload, "facts", 4000)
    evidence = _texts(payload, "evidence", 200)
    violated = _texts(payload, "violated_clause_ids", 64, least=1)
    basis = _texts(payload, "basis_clause_ids", 64, least=1)
    discretion = payload_text(payload, "discretion", 2000, required=False)
    text = _numbered(payload, number, decision_prefix(actor.unit, units), day, "decided_on")
    assert number is not None
    decision = Decision(
        penalties=penalties,
        facts=facts,
        evidence=evidence,
        violated_clause_ids=violated,
        basis_clause_ids=basis,
        discretion=discretion,
        number=text,
        number_year=number[0],
        number_seq=number[1],
        decided_on=day,
    )
    step = _milestone(
        CaseStep.DECIDED,
        day,
        ctx,
        document_number=text,
        details={"penalties": [p.to_dict() for p in penalties]},
    )
    after = state.evolve(
        status=CaseStatus.DECIDED, decision=decision, milestones=(*state.milestones, step)
    )
    details = {
        "number": text,
        "decided_on": day.isoformat(),
        "fine": money_text(decision.fine_total),
    }
    return CaseActionOutcome(CaseAction.DECIDE, after, state.status, "", details)


def _serve(state: CaseState | None, payload: Mapping[str, Any], ctx: _Context) -> CaseActionOutcome:
    now = ctx.now
    assert state is not None and state.decision is not None
    method: ServiceMethod = payload_choice(ServiceMethod, payload.get("method"), "method")
    served_at = payload_moment(payload, "served_at")
    not_ahead(served_at, now, "served_at")
    day = to_china(served_at).date()
    if day < state.last_day:
        raise ValidationError(
            "served_at", Message("不能早于决定日期（{day}）", day=state.last_day.isoformat())
        )
    service = Service(
        method=method,
        served_at=served_at,
        place=payload_text(payload, "place", 200),
        recipient=payload_text(payload, "recipient", 50),
        relation=payload_text(payload, "relation", 50),
        servers=payload_servers(payload),
        witness=payload_text(payload, "witness", 50, required=method is ServiceMethod.LEFT),
    )
    step = _milestone(
        CaseStep.SERVED,
        day,
        ctx,
        document_number=state.decision.number,
        details={"method": method.value, "served_at": served_at.isoformat()},
    )
    after = state.evolve(
        status=CaseStatus.SERVED, service=service, milestones=(*state.milestones, step)
    )
    details = {"method": method.value, "served_at": served_at.isoformat()}
    return CaseActionOutcome(CaseAction.SERVE, after, state.status, "", details)


def _execute(
    state: CaseState | None, payload: Mapping[str, Any], ctx: _Context
) -> CaseActionOutcome:
    state, day = _dated(state, payload, ctx, "executed_on")
    method: ExecutionMethod = payload_choice(ExecutionMethod, payload.get("method"), "method")
    raw = payload.get("amount_paid")
    paid = parse_amount(raw, "amount_paid") if raw not in (None, "") else None
    note = payload_text(payload, "note", 2000, required=False)
    shown = money_text(paid) if paid is not None else None
    step = _milestone(
        CaseStep.EXECUTED,
        day,
        ctx,
        note=note,
        details={"method": method.value, "amount_paid": shown},
    )
    after = state.evolve(status=CaseStatus.EXECUTED, milestones=(*state.milestones, step))
    details = {"method": method.value, "executed_on": day.isoformat(), "amount_paid": shown}
    return CaseActionOutcome(CaseAction.EXECUTE, after, state.status, note, details)


def _close(state: CaseState | None, payload: Mapping[str, Any], ctx: _Context) -> CaseActionOutcome:
    assert state is not None
    outcome: CaseOutcome = payload_choice(CaseOutcome, payload.get("outcome"), "outcome")
    if state.status not in CLOSING_FROM[outcome]:  # refused already; kept for safety
        raise ValidationError("outcome", Message("当前状态不能以该方式结案"))
    state, day = _dated(state, payload, ctx, "closed_on")
    note = payload_text(payload, "note", 2000, required=outcome is not CaseOutcome.EXECUTED)
    step = _milestone(CaseStep.CLOSED, day, ctx, note=note, details={"outcome": outcome.value})
    after = state.evolve(
        status=CaseStatus.CLOSED,
        outcome=outcome,
        closed_on=day,
        milestones=(*state.milestones, step),
    )
    details = {"outcome": outcome.value, "closed_on": day.isoformat()}
    return CaseActionOutcome(CaseAction.CLOSE, after, state.status, note, details)


def _extend(
    state: CaseState | None, payload: Mapping[str, Any], ctx: _Context
) -> CaseActionOutcome:
    now, calendar, rules = ctx.now, ctx.calendar, ctx.rules
    assert state is not None
    most = rules.cases.extension_days[len(state.extensions)]
    raw = payload.get("days")
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise ValidationError("days", Message("应为整数（日历日）"))
    try:
        days = int(str(raw).strip())
    except ValueError:
        raise ValidationError("days", Message("「{value}」不是整数", value=str(raw))) from None
    if not 1 <= days <= most:
        which = len(state.extensions) + 1
        raise ValidationError(
            "days",
            Message("第 {which} 次延期最多 %n 日", n=most, which=str(which)),
        )
    approved_by = payload_text(payload, "approved_by", 50)
    reason = payload_text(payload, "reason", 500)
    extensions = (*state.extensions, Extension(days, approved_by, reason, now))
    deadline = case_deadline(state.filed_on, extensions, calendar, rules)
    after = state.evolve(extensions=extensions, deadline=deadline)
    details = {"days": days, "approved_by": approved_by, "deadline": deadline.isoformat()}
    return CaseActionOutcome(CaseAction.EXTEND, after, state.status, reason, details)


_Effect = Callable[[CaseState | None, Mapping[str, Any], _Context], CaseActionOutcome]

_EFFECTS: Mapping[CaseAction, _Effect] = {
    CaseAction.FILE: _file,
    CaseAction.INVESTIGATE: _investigate,
    CaseAction.NOTIFY: _notify,
    CaseAction.STATEMENT: _statement,
    CaseAction.HEARING: _hearing,
    CaseAction.DECIDE: _decide,
    CaseAction.SERVE: _serve,
    CaseAction.EXECUTE: _execute,
    CaseAction.CLOSE: _close,
    CaseAction.EXTEND: _extend,
}


def _asked_outcome(action: CaseAction, payload: Mapping[str, Any]) -> CaseOutcome | None:
    raw = payload.get("outcome")
    if action is not CaseAction.CLOSE or not isinstance(raw, str):
        return None
    try:
        return CaseOutcome.from_text(raw)
    except ValueError:
        return None


def _asked_law(action: CaseAction, payload: Mapping[str, Any]) -> str | None:
    raw = payload.get("law")
    return raw if action is CaseAction.FILE and isinstance(raw, str) else None


def _linked(
    action: CaseAction, payload: Mapping[str, Any], notices: Sequence[NoticeState]
) -> list[NoticeState]:
    raw = payload.get("notice_ids")
    if action is not CaseAction.FILE or not isinstance(raw, list):
        return []
    wanted = {str(item) for item in raw}
    return [n for n in notices if n.notice_id in wanted]


def apply_case_action(
    action: CaseAction,
    actor: Actor,
    state: CaseState | None,
    payload: Mapping[str, Any],
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    units: UnitDirectory,
    *,
    clue: ClueState | None = None,
    notices: Sequence[NoticeState] = (),
    number: tuple[int, int] | None = None,
) -> CaseActionOutcome:
    """Validate and take `action`; raise CaseRefused or ValidationError, changing nothing.

    FILE: `state` is None, `clue` the clue and `notices` its notices (the payload's
    `notice_ids` must be among them). FILE and DECIDE: `number` is the (year, seq) taken from
    the device's "case" or "decision" block (`NUMBER_SERIES`); the payload may hold the printed
    `number`. Every other action needs the case's `state` (its clue is optional).
    """
    now = to_china(now)
    reason = case_refusal(
        action,
        actor,
        state,
        clue,
        rules,
        law=_asked_law(action, payload),
        outcome=_asked_outcome(action, payload),
        linked=_linked(action, payload, notices),
    )
    if reason is None and action is CaseAction.DECIDE and state is not None:
        if state.hearing_requested and state.milestone(CaseStep.HEARING) is None:
            reason = Message("当事人申请了听证，须先举行听证再作出处罚决定")
    if reason is not None:
        raise CaseRefused(reason, action)
    ctx = _Context(now, calendar, rules, units, actor, clue, notices, number)
    return _EFFECTS[action](state, payload, ctx)


# --------------------------------------------------------------------------- follow-up


def case_countdown(state: CaseState, now: datetime, calendar: WorkCalendar) -> Countdown | None:
    """Office time left until the decision deadline, in working days (None once decided or
    closed: nothing counts down then)."""
    if state.status not in RUNNING_STATUSES:
        return None
    return countdown(state.deadline, now, calendar)


def case_warning_level(
    state: CaseState, now: datetime, calendar: WorkCalendar, rules: Rules
) -> int:
    """The warning level 0–3 of the decision deadline, like every deadline (`rules.warnings`):
    1 within the last working day, 2 overdue, 3 overdue by more than three working days; 0
    once decided or closed."""
    if state.status not in RUNNING_STATUSES:
        return 0
    return warning_level(state.deadline, now, calendar, rules.warnings)


@dataclass(frozen=True)
class CaseCounts:
    """Filed and concluded cases of a period (see `case_counts`)."""

    filed: int
    concluded: int
    concluded_in_time: int
    overdue_open: int
    filed_concluded: int
    """Of the cases filed in the period, those concluded by its end (the rate's numerator)."""

    @property
    def rate(self) -> float | None:
        """结案率: `filed_concluded` / `filed` (None when nothing was filed)."""
        return self.filed_concluded / self.filed if self.filed else None


def _decided_or_closed_on(state: CaseState) -> date | None:
    if state.decision is not None:
        return state.decision.decided_on
    return state.closed_on


def case_counts(
    states: Iterable[CaseState],
    start: date,
    end: date,
    unit_codes: Iterable[str] | None = None,
) -> CaseCounts:
    """Counts of penalty cases for the period `start`..`end` (both days included), of the
    units `unit_codes` (all units when None).

    - filed: cases whose 立案 date lies in the period;
    - concluded: cases whose 结案 date lies in the period (whenever they were filed);
    - concluded_in_time: of those, the ones decided — or closed without a decision — on or
      before the day of their decision deadline (extensions included);
    - overdue_open: cases filed by the period's end, not closed by then, without a decision by
      then, whose decision deadline day lies before the period's end;
    - rate (结案率): of the cases filed in the period, the share concluded by the period's end
      (`filed_concluded` / `filed`; None when nothing was filed).
    """
    units = set(unit_codes) if unit_codes is not None else None
    filed = concluded = in_time = overdue = filed_concluded = 0
    for state in states:
        if units is not None and state.unit_code not in units:
            continue
        closed = state.closed_on if state.status is CaseStatus.CLOSED else None
        deadline_day = to_china(state.deadline).date()
        if start <= state.filed_on <= end:
            filed += 1
            if closed is not None and closed <= end:
                filed_concluded += 1
        if closed is not None and start <= closed <= end:
            concluded += 1
            ended = _decided_or_closed_on(state)
            if ended is not None and ended <= deadline_day:
                in_time += 1
        if state.filed_on <= end and (closed is None or closed > end):
            decided = state.decided_on
            if (decided is None or decided > end) and deadline_day < end:
                overdue += 1
    return CaseCounts(filed, concluded, in_time, overdue, filed_concluded)


__all__ = [
    "CASE_COMMAND_PREFIX",
    "CASE_FIELD_LABELS",
    "CLOSING_FROM",
    "FILING_CLUE_STATUSES",
    "FROM_STATUSES",
    "MIN_OFFICERS",
    "MONEY_KINDS",
    "NUMBER_SERIES",
    "RUNNING_STATUSES",
    "CaseAction",
    "CaseActionOutcome",
    "CaseCounts",
    "CaseOutcome",
    "CaseRefused",
    "CaseRules",
    "CaseState",
    "CaseStatus",
    "CaseStep",
    "Decision",
    "ExecutionMethod",
    "Extension",
    "Milestone",
    "Officer",
    "Party",
    "PartyType",
    "Penalty",
    "PenaltyKind",
    "Service",
    "ServiceMethod",
    "StatementResult",
    "allowed_case_actions",
    "apply_case_action",
    "case_countdown",
    "case_counts",
    "case_deadline",
    "case_field_label",
    "case_prefix",
    "case_refusal",
    "case_warning_level",
    "decision_prefix",
    "filing_refusal",
    "hearing_offered",
    "in_reach",
    "money_text",
    "parse_amount",
    "when_text",
]
