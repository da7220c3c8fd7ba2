"""Notice actions and who may take them: the action codes, the statuses each starts from,
and the refusals (a Chinese sentence) for an actor, a notice and its clue.

FILE_CASE and CLOSE_CASE (a case recorded as four fields of a notice found 逾期未整改) stay
valid for the data that has them; new cases are records of their own (`desktop.domain.cases`),
filed with the notice linked, and the UI offers those instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.domain.clue import ClueState
from desktop.domain.codes import Labelled, Role, Status, UnitKind
from desktop.domain.messages import N_, Label, Message
from desktop.domain.notice_content import NoticeKind, NoticeState, NoticeStatus
from desktop.domain.notice_numbers import is_environment_bureau
from desktop.domain.rules import Rules
from desktop.domain.timeutil import to_china
from desktop.domain.units import Actor


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

UNCLOSED_STATUSES = frozenset(
    {NoticeStatus.ISSUED, NoticeStatus.SERVED, NoticeStatus.NOT_RECTIFIED}
)
"""Statuses in which a notice keeps its clue from closing: unserved, running, not rectified."""


def unclosed_notice(state: NoticeState, now: datetime) -> str | None:
    """How a clerk names a notice that keeps its clue from closing, or None if it does not."""
    if state.status not in UNCLOSED_STATUSES:
        return None
    name = state.number or Label(state.kind.label)
    if state.status is NoticeStatus.ISSUED:
        return Message("{notice}未送达", notice=name)
    if state.status is NoticeStatus.NOT_RECTIFIED:
        return Message("{notice}逾期未整改", notice=name)
    deadline = state.rectify_deadline
    if deadline is not None and to_china(now) > deadline:
        return Message("{notice}整改已逾期", notice=name)
    return Message("{notice}整改期内", notice=name)


def unclosed_notices(states: Iterable[NoticeState], now: datetime) -> list[str]:
    """How a clerk names each of the notices that keep their clue from closing."""
    return [text for state in states if (text := unclosed_notice(state, now)) is not None]


DEFAULT_RULES = Rules()
"""The rules used when a caller names none (the published defaults)."""

NO_NUMBER = N_("本机没有可用的文书编号，请先联网同步领取编号段")


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


def draftable_kinds(actor: Actor, clue: ClueState, rules: Rules | None = None) -> list[NoticeKind]:
    """The kinds of notice `actor` may draft on `clue` (ignoring the clue's status).

    The unit handling the clue — its lead unit, or a department assisting it — drafts
    整改通知书; a unit leading or assisting it drafts 责令改正违法行为决定书 where the published
    powers (`rules.powers`, the defaults without `rules`) give it that document.
    """
    if actor.role is not Role.HANDLER:
        return []
    powers = (rules or DEFAULT_RULES).powers
    unit = actor.unit
    lead = clue.lead_unit == unit.code
    assisting = unit.code in clue.assisting_units
    kinds = []
    if lead or (assisting and unit.kind is UnitKind.DEPARTMENT):
        if powers.may_issue(unit, NoticeKind.RECTIFICATION.value):
            kinds.append(NoticeKind.RECTIFICATION)
    if (lead or assisting) and powers.may_issue(unit, NoticeKind.CORRECTION_ORDER.value):
        kinds.append(NoticeKind.CORRECTION_ORDER)
    return kinds


NO_ORDER_POWER = N_("只有依法享有该职权的部门（如生态环境部门）可以起草责令改正违法行为决定书")


_STATUS_REFUSALS: Mapping[tuple[NoticeAction, NoticeStatus], str] = {
    (NoticeAction.SERVE, NoticeStatus.DRAFT): N_("通知书尚未签发，不能送达"),
    (NoticeAction.REINSPECT, NoticeStatus.DRAFT): N_("通知书尚未签发，不能复查"),
    (NoticeAction.REINSPECT, NoticeStatus.ISSUED): N_("通知书尚未送达，不能复查"),
    (NoticeAction.CLOSE_CASE, NoticeStatus.CASE_CLOSED): N_("案件已结案"),
}

_UNIT_REFUSALS: Mapping[NoticeAction, str] = {
    NoticeAction.EDIT: N_("只有起草单位可以修改通知书"),
    NoticeAction.ISSUE: N_("只有起草单位可以签发通知书"),
    NoticeAction.SERVE: N_("只有签发单位可以记录送达"),
    NoticeAction.REINSPECT: N_("只有签发单位可以复查"),
    NoticeAction.FILE_CASE: N_("只有签发单位或本辖区生态环境部门可以记录立案"),
    NoticeAction.CLOSE_CASE: N_("只有签发单位或本辖区生态环境部门可以记录结案"),
}


def _status_refusal(action: NoticeAction, status: NoticeStatus) -> str:
    special = _STATUS_REFUSALS.get((action, status))
    if special is not None:
        return Message(special)
    if action in (NoticeAction.EDIT, NoticeAction.ISSUE):
        return Message(
            "通知书已签发（{status}），内容不能再{action}",
            status=Label(status.label),
            action=Label(action.label),
        )
    if action is NoticeAction.SERVE:
        return Message("通知书已送达，不能重复记录送达")
    if action is NoticeAction.REINSPECT:
        return Message("通知书已复查，不能重复复查")
    if action is NoticeAction.FILE_CASE:
        if status in (NoticeStatus.CASE_FILED, NoticeStatus.CASE_CLOSED):
            return Message("已立案，不能重复立案")
        return Message("只有复查认定逾期未整改的通知书才能立案")
    return Message("尚未立案，不能结案")


def notice_refusal(
    action: NoticeAction,
    actor: Actor,
    state: NoticeState | None,
    clue: ClueState | None = None,
    *,
    kind: NoticeKind | None = None,
    rules: Rules | None = None,
) -> str | None:
    """Why `actor` may not take `action` on the notice now, or None when the rules allow it.

    `clue` is the notice's clue (needed to draft; it lets an environment bureau of the
    clue's area record a case); `kind` the kind a DRAFT or EDIT asks for; `rules` hold the
    powers deciding who issues a correction order (the defaults without them).
    """
    status = state.status if state is not None else None
    if status not in FROM_STATUSES[action]:
        if status is None:
            return Message("通知书不存在，不能{action}", action=Label(action.label))
        if action is NoticeAction.DRAFT:
            return Message("通知书已存在")
        return _status_refusal(action, status)
    if actor.role is not Role.HANDLER:
        return Message(
            "{action}通知书需要{needed}角色，您是{role}",
            action=Label(action.label),
            needed=Label(Role.HANDLER.label),
            role=Label(actor.role.label),
        )
    if action is NoticeAction.DRAFT:
        if clue is None:
            return Message("线索不存在，不能起草通知书")
        if clue.status not in DRAFTING_CLUE_STATUSES:
            return Message(
                "线索当前为「{status}」，只有办理中或待审核的线索才能起草通知书",
                status=Label(clue.status.label),
            )
        kinds = draftable_kinds(actor, clue, rules)
        if not kinds:
            return Message("只有线索的主办单位或协办的职能部门可以起草通知书")
        if kind is not None and kind not in kinds:
            if kind is NoticeKind.CORRECTION_ORDER:
                return Message(NO_ORDER_POWER)
            return Message("只有线索的主办单位或协办的职能部门可以起草整改通知书")
        return None
    assert state is not None
    if actor.unit.code == state.unit_code:
        if action is NoticeAction.EDIT and kind is NoticeKind.CORRECTION_ORDER:
            powers = (rules or DEFAULT_RULES).powers
            if not powers.may_issue(actor.unit, NoticeKind.CORRECTION_ORDER.value):
                return Message(NO_ORDER_POWER)
        return None
    if action in (NoticeAction.FILE_CASE, NoticeAction.CLOSE_CASE):
        bureau = is_environment_bureau(actor.unit)
        if bureau and clue is not None and actor.unit.covers(clue.county_code):
            return None
    return Message(_UNIT_REFUSALS[action])


def allowed_notice_actions(
    actor: Actor, state: NoticeState, clue: ClueState | None = None, rules: Rules | None = None
) -> list[NoticeAction]:
    """The actions `actor` may take on an existing notice now (the buttons to show)."""
    return [
        action
        for action in NoticeAction
        if action is not NoticeAction.DRAFT
        and notice_refusal(action, actor, state, clue, rules=rules) is None
    ]
