"""A clue's workflow state after each entry of its history, rebuilt from the entries alone.

The history keeps what each action did (its status, its time, the deadlines and units it
recorded in its details), not the state it left. `states_after` replays the entries with the
same deadline rules as `desktop.domain.workflow`, so a clue's past deadlines and lead units can
be judged (on time or late, warning levels) without the actors or the payloads.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.domain.calendar import WorkCalendar
from desktop.domain.clue import ClueState
from desktop.domain.codes import CallbackResult, Status
from desktop.domain.deadlines import Stage, stage_deadline
from desktop.domain.rules import Rules
from desktop.domain.timeutil import to_china
from desktop.domain.workflow import Action


@dataclass(frozen=True)
class HistoryEntry:
    """One entry of a clue's history as the rules read it back."""

    action: str
    at: datetime
    to_status: str
    unit_code: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)


StateStep = tuple[datetime, ClueState, str | None]
"""(time of the action, the clue's state after it, the action), as `record_from_history`
takes them."""

_UNDISPATCHED: dict[str, Any] = dict(
    lead_unit=None,
    assisting_units=(),
    dispatched_at=None,
    signed_at=None,
    handle_deadline=None,
    extension_requested_days=0,
)


@dataclass(frozen=True)
class _Replay:
    state: ClueState
    entry: HistoryEntry
    calendar: WorkCalendar
    rules: Rules

    @property
    def at(self) -> datetime:
        return to_china(self.entry.at)

    def recorded(self, key: str, default: datetime | None) -> datetime | None:
        """A deadline the action recorded in its details, else `default`."""
        raw = self.entry.details.get(key)
        return to_china(datetime.fromisoformat(str(raw))) if raw else default

    def stage_deadline(self, stage: Stage) -> datetime:
        clue = self.state
        return stage_deadline(
            stage, self.at, self.calendar, self.rules, clue.priority, clue.channel
        )


def _dispatch(step: _Replay) -> dict[str, Any]:
    details = step.entry.details
    handle = step.recorded("handle_deadline", None) or step.stage_deadline(Stage.HANDLE)
    return dict(
        lead_unit=details.get("lead_unit") or step.state.lead_unit,
        assisting_units=tuple(details.get("assisting_units") or ()),
        dispatched_at=step.at,
        signed_at=None,
        handle_deadline=handle,
        deadline=min(step.stage_deadline(Stage.SIGN), handle),
        extension_requested_days=0,
        extended_days=0,
        extension_count=0,
    )


def _undispatched(step: _Replay) -> dict[str, Any]:
    changes = dict(_UNDISPATCHED, deadline=step.stage_deadline(Stage.DISPATCH))
    details = step.entry.details
    if details.get("owner_unit"):
        changes["owner_unit"] = details["owner_unit"]
    if details.get("county_code"):
        code = details["county_code"]
        changes.update(county_code=code, township_code=None, owner_unit=code)
    return changes


def _ended(step: _Replay) -> dict[str, Any]:
    changes: dict[str, Any] = dict(deadline=None)
    if Status(step.entry.to_status) in (Status.CLOSED, Status.REFUSED):
        changes["closed_at"] = step.at
    if step.entry.action != Action.CLOSE_WITH_ORIGINAL.value:
        changes.update(_UNDISPATCHED)
    return changes


def _request_extension(step: _Replay) -> dict[str, Any]:
    days = int(step.entry.details.get("days") or 0)
    return dict(extension_requested_days=days, extension_count=step.state.extension_count + 1)


def _approve_extension(step: _Replay) -> dict[str, Any]:
    clue = step.state
    days = int(step.entry.details.get("days") or clue.extension_requested_days)
    handle = step.recorded("handle_deadline", clue.handle_deadline)
    return dict(
        handle_deadline=handle,
        deadline=handle,
        extension_requested_days=0,
        extended_days=clue.extended_days + days,
    )


def _report(step: _Replay) -> dict[str, Any]:
    changes: dict[str, Any] = dict(extension_requested_days=0, callback=None)
    if Status(step.entry.to_status) is Status.REVIEWING:
        changes.update(reported_at=step.at, deadline=step.stage_deadline(Stage.REVIEW))
    return changes


def _signoff_approve(step: _Replay) -> dict[str, Any]:
    return dict(reported_at=step.at, deadline=step.stage_deadline(Stage.REVIEW))


def _callback(step: _Replay) -> dict[str, Any]:
    raw = step.entry.details.get("callback")
    return dict(callback=CallbackResult(raw)) if raw else {}


def _reject(step: _Replay) -> dict[str, Any]:
    handle = step.recorded("handle_deadline", step.state.handle_deadline)
    return dict(reported_at=None, handle_deadline=handle, deadline=handle)


def _rework(step: _Replay) -> dict[str, Any]:
    handle = step.recorded("handle_deadline", None) or step.stage_deadline(Stage.HANDLE)
    return dict(
        closed_at=None, reported_at=None, handle_deadline=handle, deadline=handle, callback=None
    )


_CHANGES: Mapping[str, Callable[[_Replay], dict[str, Any]]] = {
    Action.DISPATCH.value: _dispatch,
    Action.RETURN_TO_CITY.value: _undispatched,
    Action.TRANSFER.value: _undispatched,
    Action.RETURN.value: _undispatched,
    Action.TAKE_OVER.value: lambda step: dict(owner_unit=step.entry.unit_code),
    Action.MARK_DUPLICATE.value: _ended,
    Action.CLOSE_WITH_ORIGINAL.value: _ended,
    Action.REFUSE.value: _ended,
    Action.APPROVE.value: lambda step: dict(closed_at=step.at, deadline=None),
    Action.SIGN.value: lambda step: dict(signed_at=step.at, deadline=step.state.handle_deadline),
    Action.REQUEST_EXTENSION.value: _request_extension,
    Action.APPROVE_EXTENSION.value: _approve_extension,
    Action.DENY_EXTENSION.value: lambda step: dict(extension_requested_days=0),
    Action.REPORT.value: _report,
    Action.SIGNOFF_APPROVE.value: _signoff_approve,
    Action.SIGNOFF_REJECT.value: lambda step: dict(deadline=step.state.handle_deadline),
    Action.CALLBACK.value: _callback,
    Action.REJECT.value: _reject,
    Action.REOPEN.value: _rework,
    Action.VERIFICATION_FAIL.value: _rework,
}
"""What each action changes, read back from its entry (actions not listed change only the
status, e.g. 督办 and 协办反馈)."""


def states_after(
    base: ClueState,
    entries: Sequence[HistoryEntry],
    calendar: WorkCalendar,
    rules: Rules,
    offices: Collection[str] = (),
) -> list[StateStep]:
    """The clue's state after each entry, oldest first.

    `base` gives what the history does not (code, priority, channel, the sender's deadline,
    the county it was registered in); the register entry resets the workflow fields. A clue
    registered by one of the dispatching `offices` is owned by it, else by its county's.
    """
    steps: list[StateStep] = []
    state = base
    for entry in entries:
        at = to_china(entry.at)
        if entry.action == Action.REGISTER.value:
            county = str(entry.details.get("county_code") or base.county_code)
            state = ClueState(
                code=base.code,
                status=Status.REGISTERED,
                priority=base.priority,
                county_code=county,
                township_code=entry.details.get("township_code") or base.township_code,
                registered_at=at,
                deadline=stage_deadline(Stage.DISPATCH, at, calendar, rules),
                channel=base.channel,
                owner_unit=entry.unit_code if entry.unit_code in offices else county,
                due_by=base.due_by,
            )
        else:
            change = _CHANGES.get(entry.action)
            changes = change(_Replay(state, entry, calendar, rules)) if change else {}
            state = state.evolve(status=Status(entry.to_status), **changes)
        steps.append((at, state, entry.action))
    return steps
