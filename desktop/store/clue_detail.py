"""Everything the detail view shows of one clue, read in one session as plain data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.clue import ClueState
from desktop.domain.codes import Status
from desktop.domain.notice_prefill import SiteFindings, site_findings
from desktop.domain.timeutil import to_china
from desktop.domain.workflow import Action
from desktop.store.attachments import attachment_path
from desktop.store.clue_rows import clue_state
from desktop.store.database import Store
from desktop.store.models import Attachment, Clue, ClueAttachment, ClueEvent, OutboxAction, Unit
from desktop.store.models import User as UserRow
from desktop.store.sync_apply.outbox import PENDING, REJECTED


@dataclass(frozen=True)
class UnitRef:
    """A unit named on a clue: its code and its name ('' when the store does not know it)."""

    code: str
    name: str

    @property
    def display(self) -> str:
        """The name, or the code when the name is unknown."""
        return self.name or self.code


@dataclass(frozen=True)
class TimelineEntry:
    """One entry of a clue's history."""

    action_id: str
    action: str
    at: datetime
    username: str
    user_name: str
    unit: UnitRef
    from_status: str | None
    to_status: str
    note: str
    details: Mapping[str, Any]
    device_id: str
    pending: bool


@dataclass(frozen=True)
class AttachmentInfo:
    """A file attached to a clue, and whether its bytes are on this machine."""

    sha256: str
    name: str
    size: int
    media_type: str
    added_at: datetime
    added_by: str
    present: bool

    @property
    def is_image(self) -> bool:
        """Whether the file is a picture a thumbnail can be made of."""
        return self.media_type.startswith("image/")


@dataclass(frozen=True)
class OutboxEntry:
    """An action of this device for the clue not yet accepted by the platform."""

    action_id: str
    action: str
    created_at: datetime
    state: str
    reject_reason: str


@dataclass(frozen=True)
class ClueDetail:
    """Every field of one clue, its history, attachments and unsent actions."""

    id: int
    code: str
    provisional: bool
    status: Status
    channel: str
    channel_ref: str
    category: str
    priority: str
    received_at: datetime
    reporter_name: str
    reporter_phone: str
    address: str
    county: UnitRef
    township: UnitRef | None
    latitude: float | None
    longitude: float | None
    subject_name: str
    subject_credit_code: str
    description: str
    lead_unit: UnitRef | None
    assisting_units: tuple[UnitRef, ...]
    registered_by_unit: UnitRef | None
    registered_at: datetime
    dispatched_at: datetime | None
    signed_at: datetime | None
    reported_at: datetime | None
    closed_at: datetime | None
    deadline: datetime | None
    handle_deadline: datetime | None
    extension_requested_days: int
    extended_days: int
    result: str
    measures: str
    server_version: int
    updated_at: datetime
    state: ClueState
    timeline: tuple[TimelineEntry, ...] = ()
    attachments: tuple[AttachmentInfo, ...] = ()
    outbox: tuple[OutboxEntry, ...] = field(default=())

    @property
    def pending_actions(self) -> tuple[OutboxEntry, ...]:
        """The actions waiting to be pushed."""
        return tuple(entry for entry in self.outbox if entry.state == PENDING)

    @property
    def rejected_actions(self) -> tuple[OutboxEntry, ...]:
        """The actions the platform refused (sync problems)."""
        return tuple(entry for entry in self.outbox if entry.state == REJECTED)


def _details(details: Any) -> dict[str, Any]:
    """A history entry's details as a plain dict."""
    return dict(details) if isinstance(details, Mapping) else {}


def _unit_names(session: Session, codes: set[str]) -> dict[str, str]:
    if not codes:
        return {}
    rows = session.execute(select(Unit.code, Unit.name).where(Unit.code.in_(codes)))
    return {code: name for code, name in rows}


_SENT_BACK = frozenset(
    a.value for a in (Action.REJECT, Action.VERIFICATION_FAIL, Action.SIGNOFF_REJECT, Action.REOPEN)
)
"""Actions after which the last reported result no longer stands."""


def standing_report(timeline: Sequence[TimelineEntry]) -> TimelineEntry | None:
    """The report (反馈) that stands: the latest, unless the clue was sent back since."""
    for entry in reversed(timeline):
        if entry.action == Action.REPORT.value:
            return entry
        if entry.action in _SENT_BACK:
            break
    return None


def _report(timeline: tuple[TimelineEntry, ...]) -> tuple[str, str]:
    """The result and measures of the report that stands (empty when none, or when sent
    back since)."""
    entry = standing_report(timeline)
    if entry is None:
        return "", ""
    return entry.note, str(entry.details.get("measures") or "")


def report_findings(detail: ClueDetail) -> SiteFindings | None:
    """What the handler found on site, from the report that stands (办理结果 and 核查结论),
    for a notice's facts; None when there is no report or it found nothing."""
    entry = standing_report(detail.timeline)
    if entry is None:
        return None
    return site_findings(entry.note, entry.details.get("finding"), to_china(entry.at).date())


SENT_BACK_ACTIONS = frozenset(
    a.value
    for a in (
        Action.REJECT,
        Action.SIGNOFF_REJECT,
        Action.VERIFICATION_FAIL,
        Action.REOPEN,
        Action.RETURN,
        Action.RETURN_TO_CITY,
    )
)
"""Actions that send a clue back to a unit with a reason (驳回, 退回, 审签退回, 重办…)."""

_ALONGSIDE = frozenset(
    a.value
    for a in (
        Action.URGE,
        Action.ASSIST_REPORT,
        Action.TAKE_OVER,
        Action.REQUEST_EXTENSION,
        Action.APPROVE_EXTENSION,
        Action.DENY_EXTENSION,
        Action.CALLBACK,
    )
)
"""Actions that leave the clue where it stands: the reason it was sent back still holds."""

_PASSED_ON = frozenset({Action.DISPATCH.value, Action.TRANSFER.value})
"""Actions by which an office hands a returned clue on: the next unit still reads why."""


def sent_back_entry(timeline: Sequence[TimelineEntry], unit_code: str) -> TimelineEntry | None:
    """The 驳回/退回 a unit has to read before it acts on the clue again, or None.

    The last entry that sent the clue back stands until the clue moves on (a report, a
    signing, a dispatch by the viewer's own unit…); urges, extensions and callbacks do not
    move it. A unit is not told of its own sending back, except a head's sign-off refusal,
    which its clerks have to read. A returned clue dispatched on keeps the reason for the
    unit it reaches.
    """
    for entry in reversed(timeline):
        if entry.action in SENT_BACK_ACTIONS:
            own = entry.unit.code == unit_code and entry.action != Action.SIGNOFF_REJECT.value
            return None if own else entry
        if entry.action in _ALONGSIDE:
            continue
        if entry.action in _PASSED_ON and entry.unit.code != unit_code:
            continue
        return None
    return None


def load_clue_detail(store: Store, clue_id: int) -> ClueDetail | None:
    """The detail of a clue, or None when the store no longer holds it.

    The reporter is as the store holds it: as the platform sent it, masked for the roles
    that need not contact the reporter (the client never masks or unmasks it itself).
    """
    with store.session() as session:
        row = session.get(Clue, clue_id)
        if row is None:
            return None
        state = clue_state(session, row)
        events = session.execute(
            select(ClueEvent, UserRow.display_name)
            .outerjoin(UserRow, UserRow.username == ClueEvent.username)
            .where(ClueEvent.clue_id == clue_id)
            .order_by(ClueEvent.at, ClueEvent.id)
        ).all()
        files = session.execute(
            select(ClueAttachment, Attachment.size, Attachment.media_type)
            .join(Attachment, Attachment.sha256 == ClueAttachment.sha256)
            .where(ClueAttachment.clue_id == clue_id)
            .order_by(ClueAttachment.added_at, ClueAttachment.name)
        ).all()
        outbox = session.scalars(
            select(OutboxAction)
            .where(OutboxAction.clue_code == row.code)
            .order_by(OutboxAction.seq)
        ).all()
        codes = {row.county_code, *state.assisting_units}
        codes.update(c for c in (row.township_code, row.lead_unit, row.registered_by_unit) if c)
        codes.update(event.unit_code for event, _ in events)
        names = _unit_names(session, codes)

    def ref(code: str | None) -> UnitRef | None:
        return UnitRef(code, names.get(code, "")) if code else None

    timeline = tuple(
        TimelineEntry(
            action_id=event.action_id,
            action=event.action,
            at=event.at,
            username=event.username,
            user_name=display_name or "",
            unit=UnitRef(event.unit_code, names.get(event.unit_code, "")),
            from_status=event.from_status,
            to_status=event.to_status,
            note=event.note or "",
            details=_details(event.details),
            device_id=event.device_id or "",
            pending=bool(event.pending),
        )
        for event, display_name in events
    )
    attachments = tuple(
        AttachmentInfo(
            sha256=link.sha256,
            name=link.name,
            size=size,
            media_type=media_type,
            added_at=link.added_at,
            added_by=link.added_by,
            present=attachment_path(store, link.sha256).is_file(),
        )
        for link, size, media_type in files
    )
    county = ref(row.county_code)
    assert county is not None  # every clue has a county
    result, measures = _report(timeline)
    return ClueDetail(
        id=row.id,
        code=row.code,
        provisional=bool(row.provisional),
        status=state.status,
        channel=row.channel,
        channel_ref=row.channel_ref,
        category=row.category,
        priority=row.priority,
        received_at=row.received_at,
        reporter_name=row.reporter_name,
        reporter_phone=row.reporter_phone,
        address=row.address,
        county=county,
        township=ref(row.township_code),
        latitude=row.latitude,
        longitude=row.longitude,
        subject_name=row.subject_name,
        subject_credit_code=row.subject_credit_code,
        description=row.description,
        lead_unit=ref(row.lead_unit),
        assisting_units=tuple(UnitRef(c, names.get(c, "")) for c in state.assisting_units),
        registered_by_unit=ref(row.registered_by_unit),
        registered_at=row.registered_at,
        dispatched_at=row.dispatched_at,
        signed_at=row.signed_at,
        reported_at=row.reported_at,
        closed_at=row.closed_at,
        deadline=row.deadline,
        handle_deadline=row.handle_deadline,
        extension_requested_days=row.extension_requested_days,
        extended_days=row.extended_days,
        result=result,
        measures=measures,
        server_version=row.server_version,
        updated_at=row.updated_at,
        state=state,
        timeline=timeline,
        attachments=attachments,
        outbox=tuple(
            OutboxEntry(
                action_id=action.action_id,
                action=_action_name(action.command_type),
                created_at=action.created_at,
                state=action.state,
                reject_reason=action.reject_reason,
            )
            for action in outbox
        ),
    )


def _action_name(command_type: str) -> str:
    """The action code of a command name (the command name itself when unknown)."""
    try:
        return Action.from_command_type(command_type).value
    except ValueError:
        return command_type


def clue_state_by_code(store: Store, code: str) -> ClueState | None:
    """The workflow state of the clue with `code`, or None when the store does not hold it."""
    with store.session() as session:
        row = session.scalars(select(Clue).where(Clue.code == code)).one_or_none()
        return clue_state(session, row) if row is not None else None


def clue_id_by_code(store: Store, code: str) -> int | None:
    """The id of the clue with `code`, or None when the store does not hold it."""
    with store.session() as session:
        return session.scalar(select(Clue.id).where(Clue.code == code))
