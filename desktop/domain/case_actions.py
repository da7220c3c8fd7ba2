"""Case actions and who may take them: the action codes, the statuses each starts from, and
the refusals (a Chinese sentence) for an actor, a case and its clue.

Who: a handler (办理人员) of the filing unit takes every step of its case. Filing (立案) needs
the published power to file cases under the matter's law (`rules.powers.may_file_case`) and
the clue in the unit's reach: it leads or assists the clue, or it is the environment bureau
covering the clue's county. When: a violation is found at any point of the clue's handling —
the clue is being handled, reviewed or already closed — or a linked notice was found 逾期未整改.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.case_content import CaseOutcome, CaseState, CaseStatus, CaseStep
from desktop.domain.clue import ClueState
from desktop.domain.codes import Labelled, Role, Status
from desktop.domain.messages import N_, Label, Message
from desktop.domain.notice_content import NoticeState, NoticeStatus
from desktop.domain.notice_numbers import is_environment_bureau
from desktop.domain.rules import Rules
from desktop.domain.units import Actor


class CaseAction(Labelled):
    """An action on a case; each is recorded in its history and synced as a command."""

    FILE = "file"
    INVESTIGATE = "investigate"
    NOTIFY = "notify"
    STATEMENT = "statement"
    HEARING = "hearing"
    DECIDE = "decide"
    SERVE = "serve"
    EXECUTE = "execute"
    CLOSE = "close"
    EXTEND = "extend"

    @property
    def label(self) -> str:
        """The Chinese name of the action."""
        return _ACTION_LABELS[self]

    @property
    def command_type(self) -> str:
        """The versioned command name used by sync, e.g. case.file.v1."""
        return f"case.{self.value}.v1"

    @classmethod
    def from_command_type(cls, command_type: str) -> CaseAction:
        """The action of a command name; ValueError for an unknown name or version."""
        prefix, _, rest = command_type.partition(".")
        name, _, version = rest.rpartition(".")
        if prefix != "case" or version != "v1":
            raise ValueError(command_type)
        return cls(name)


CASE_COMMAND_PREFIX = "case."
"""Every case command type starts with this."""

_ACTION_LABELS = {
    CaseAction.FILE: "立案",
    CaseAction.INVESTIGATE: "记录调查取证",
    CaseAction.NOTIFY: "告知",
    CaseAction.STATEMENT: "记录陈述申辩",
    CaseAction.HEARING: "记录听证",
    CaseAction.DECIDE: "作出处罚决定",
    CaseAction.SERVE: "送达处罚决定书",
    CaseAction.EXECUTE: "记录执行",
    CaseAction.CLOSE: "结案",
    CaseAction.EXTEND: "延期",
}

_BEFORE_DECISION = frozenset({CaseStatus.FILED, CaseStatus.INVESTIGATING, CaseStatus.NOTIFIED})

FROM_STATUSES: Mapping[CaseAction, frozenset[CaseStatus | None]] = {
    CaseAction.FILE: frozenset({None}),
    CaseAction.INVESTIGATE: frozenset({CaseStatus.FILED, CaseStatus.INVESTIGATING}),
    CaseAction.NOTIFY: frozenset({CaseStatus.FILED, CaseStatus.INVESTIGATING}),
    CaseAction.STATEMENT: frozenset({CaseStatus.NOTIFIED}),
    CaseAction.HEARING: frozenset({CaseStatus.NOTIFIED}),
    CaseAction.DECIDE: frozenset({CaseStatus.NOTIFIED}),
    CaseAction.SERVE: frozenset({CaseStatus.DECIDED}),
    CaseAction.EXECUTE: frozenset({CaseStatus.SERVED}),
    CaseAction.CLOSE: frozenset({*_BEFORE_DECISION, CaseStatus.EXECUTED}),
    CaseAction.EXTEND: _BEFORE_DECISION,
}
"""The statuses each action may start from (None: the case does not exist yet)."""

CLOSING_FROM: Mapping[CaseOutcome, frozenset[CaseStatus]] = {
    CaseOutcome.EXECUTED: frozenset({CaseStatus.EXECUTED}),
    CaseOutcome.TERMINATED: _BEFORE_DECISION,
    CaseOutcome.NO_PENALTY: _BEFORE_DECISION,
    CaseOutcome.TRANSFERRED: _BEFORE_DECISION,
    CaseOutcome.WITHDRAWN: _BEFORE_DECISION,
}
"""Which statuses each way of closing a case starts from: 执行完毕 after 执行, the others
(终止调查, 不予处罚 as the decision's alternative, 移送, 撤销立案) before a decision."""

FILING_CLUE_STATUSES = frozenset({Status.HANDLING, Status.REVIEWING, Status.CLOSED})
"""A case is filed where a violation is found: while the clue is handled or reviewed, or after
it was closed with its violation established."""

RUNNING_STATUSES = _BEFORE_DECISION
"""Statuses whose decision deadline counts down (and warns)."""


class CaseRefused(Exception):
    """The rules refuse a case action; `reason` is a sentence a clerk understands."""

    def __init__(self, reason: str, action: CaseAction | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.action = action


@dataclass(frozen=True)
class CaseActionOutcome:
    """The result of an allowed action: the case's new state and what the history records."""

    action: CaseAction
    state: CaseState
    from_status: CaseStatus | None
    note: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- who may act


def in_reach(actor: Actor, clue: ClueState) -> bool:
    """Whether the clue is in the reach of the actor's unit for a case: it leads or assists
    the clue, or it is the environment bureau covering the clue's county."""
    unit = actor.unit
    if clue.lead_unit == unit.code or unit.code in clue.assisting_units:
        return True
    return is_environment_bureau(unit) and unit.covers(clue.county_code)


def filing_refusal(
    actor: Actor,
    clue: ClueState | None,
    rules: Rules,
    *,
    law: str | None = None,
    linked: Sequence[NoticeState] = (),
) -> str | None:
    """Why `actor` may not file a case on `clue` (under `law`, when given), or None.

    `linked` are the notices the case would link: one found 逾期未整改 offers filing whatever
    the clue's status.
    """
    if actor.role is not Role.HANDLER:
        return Message(
            "立案需要{needed}角色，您是{role}",
            needed=Label(Role.HANDLER.label),
            role=Label(actor.role.label),
        )
    if clue is None:
        return Message("线索不存在，不能立案")
    overdue = any(n.status is NoticeStatus.NOT_RECTIFIED for n in linked)
    if clue.status not in FILING_CLUE_STATUSES and not overdue:
        return Message(
            "线索当前为「{status}」，只有办理中、待审核或已办结的线索才能立案",
            status=Label(clue.status.label),
        )
    powers = rules.powers
    if not powers.may_file_case(actor.unit):
        return Message("{unit}没有行政处罚权，不能立案", unit=actor.unit.name)
    if law is not None and law.strip() and not powers.may_file_case(actor.unit, law):
        return Message(
            "{unit}对《{law}》所涉事项没有行政处罚权，应移送有权机关",
            unit=actor.unit.name,
            law=law.strip().strip("《》"),
        )
    if not in_reach(actor, clue):
        return Message("只有线索的主办、协办单位或本辖区生态环境部门可以立案")
    return None


_STATUS_REFUSALS: Mapping[tuple[CaseAction, CaseStatus], str] = {
    (CaseAction.DECIDE, CaseStatus.FILED): N_(
        "作出处罚决定前须先告知当事人拟作出的处罚及其权利（不予处罚的，以「不予处罚」结案）"
    ),
    (CaseAction.DECIDE, CaseStatus.INVESTIGATING): N_(
        "作出处罚决定前须先告知当事人拟作出的处罚及其权利（不予处罚的，以「不予处罚」结案）"
    ),
    (CaseAction.STATEMENT, CaseStatus.FILED): N_("尚未告知当事人，不能记录陈述申辩"),
    (CaseAction.STATEMENT, CaseStatus.INVESTIGATING): N_("尚未告知当事人，不能记录陈述申辩"),
    (CaseAction.HEARING, CaseStatus.FILED): N_("尚未告知当事人，不能记录听证"),
    (CaseAction.HEARING, CaseStatus.INVESTIGATING): N_("尚未告知当事人，不能记录听证"),
    (CaseAction.SERVE, CaseStatus.FILED): N_("尚未作出处罚决定，不能送达"),
    (CaseAction.SERVE, CaseStatus.INVESTIGATING): N_("尚未作出处罚决定，不能送达"),
    (CaseAction.SERVE, CaseStatus.NOTIFIED): N_("尚未作出处罚决定，不能送达"),
    (CaseAction.EXECUTE, CaseStatus.DECIDED): N_("处罚决定书尚未送达，不能记录执行"),
}


def _status_refusal(action: CaseAction, status: CaseStatus) -> str:
    special = _STATUS_REFUSALS.get((action, status))
    if special is not None:
        return Message(special)
    if status is CaseStatus.CLOSED:
        return Message("案件已结案，不能{action}", action=Label(action.label))
    if action is CaseAction.EXTEND:
        return Message("已作出处罚决定，不再需要延期")
    if action is CaseAction.CLOSE:
        return Message("已作出处罚决定的案件，执行完毕后才能结案")
    return Message(
        "案件当前为「{status}」，不能{action}",
        status=Label(status.label),
        action=Label(action.label),
    )


def case_refusal(
    action: CaseAction,
    actor: Actor,
    state: CaseState | None,
    clue: ClueState | None = None,
    rules: Rules | None = None,
    *,
    law: str | None = None,
    outcome: CaseOutcome | None = None,
    linked: Sequence[NoticeState] = (),
) -> str | None:
    """Why `actor` may not take `action` on the case now, or None when the rules allow it.

    FILE: `state` is None, `clue` the clue, `law` the matter's law and `linked` the notices the
    case links (see `filing_refusal`). CLOSE: `outcome` the way it is closed, if known.
    """
    rules = rules or Rules()
    status = state.status if state is not None else None
    if status not in FROM_STATUSES[action]:
        if status is None:
            return Message("案件不存在，不能{action}", action=Label(action.label))
        if action is CaseAction.FILE:
            return Message("案件已存在")
        return _status_refusal(action, status)
    if action is CaseAction.FILE:
        return filing_refusal(actor, clue, rules, law=law, linked=linked)
    assert state is not None and status is not None
    if actor.role is not Role.HANDLER:
        return Message(
            "{action}需要{needed}角色，您是{role}",
            action=Label(action.label),
            needed=Label(Role.HANDLER.label),
            role=Label(actor.role.label),
        )
    if actor.unit.code != state.unit_code:
        return Message("只有立案单位可以{action}", action=Label(action.label))
    if action is CaseAction.HEARING:
        if not state.hearing_offered:
            return Message("拟作出的处罚不属于应当告知听证权利的情形，不能记录听证")
        if not state.hearing_requested:
            return Message("当事人未申请听证，不能记录听证")
        if state.milestone(CaseStep.HEARING) is not None:
            return Message("听证已举行，不能重复记录")
    if action is CaseAction.CLOSE and outcome is not None:
        if status not in CLOSING_FROM[outcome]:
            if outcome is CaseOutcome.EXECUTED:
                return Message("尚未记录执行，不能以「执行完毕」结案")
            return Message("已作出处罚决定，不能以「{outcome}」结案", outcome=Label(outcome.label))
    if action is CaseAction.EXTEND and len(state.extensions) >= rules.cases.max_extensions:
        return Message("办案期限已延长 %n 次，不能再延期", n=len(state.extensions))
    return None


def allowed_case_actions(
    actor: Actor, state: CaseState, clue: ClueState | None = None, rules: Rules | None = None
) -> list[CaseAction]:
    """The actions `actor` may take on an existing case now (the buttons to show)."""
    return [
        action
        for action in CaseAction
        if action is not CaseAction.FILE and case_refusal(action, actor, state, clue, rules) is None
    ]


__all__ = [
    "CASE_COMMAND_PREFIX",
    "CLOSING_FROM",
    "FILING_CLUE_STATUSES",
    "FROM_STATUSES",
    "RUNNING_STATUSES",
    "CaseAction",
    "CaseActionOutcome",
    "CaseRefused",
    "allowed_case_actions",
    "case_refusal",
    "filing_refusal",
    "in_reach",
]
