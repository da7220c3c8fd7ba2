"""Revoking devices: a lost or stolen laptop is revoked by the platform's administrators
(`cluedesk-platform device revoke`, or an admin user's API); every later contact of it is
answered 403 `device_revoked` (see `cityplatform.auth`), its pushes are refused and listed
here for the office, and its client wipes its data and confirms the wipe.

What is kept of a refused action is which action it was, of which kind, on which clue or
record, and when the device says it was taken: never its payload (reporter data may be in
it). Revoking, refused pushes and wipe confirmations are audited.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from sqlalchemy import func, select
from starlette.responses import Response

from cityplatform import audit
from cityplatform.audit import CLI_ACTOR, AuditActor
from cityplatform.auth import CallerDep, note_told, revoke_device
from cityplatform.context import Platform, platform_of
from cityplatform.db import Database
from cityplatform.errors import (
    AUTHENTICATED_ERRORS,
    COMMON_ERRORS,
    ApiError,
    error_responses,
    forbidden,
    invalid,
    not_found,
)
from cityplatform.jsonresp import wire_response
from cityplatform.models import RefusedPush, RevokedDevice, TokenFamily, User
from cityplatform.push_cases import CASE_KIND
from cityplatform.push_notices import NOTICE_KIND
from cityplatform.supervision_records import supervision_kind
from desktop.domain.codes import Role
from desktop.domain.timeutil import china_now
from desktop.domain.verification import COMMAND_PREFIX as VERIFICATION_PREFIX
from desktop.wire.base import WireError, parse_wire
from desktop.wire.devices import (
    DeviceList,
    DeviceOut,
    RefusedActionOut,
    RefusedList,
    RevokeRequest,
    WipeConfirmation,
    WipeConfirmed,
)
from desktop.wire.sync import ActionIn, PushRequest

REASON_LENGTH = 200


class DeviceError(ValueError):
    """A device request that cannot be done, explained in Chinese."""


class UnknownDevice(DeviceError):
    """No login of the platform ever came from this device."""


class AlreadyRevoked(DeviceError):
    """The device is revoked already."""


class DeviceRow(DeviceOut):
    """A device known to the platform by its logins (the wire's device object)."""

    def to_json(self) -> dict[str, Any]:
        """The wire's device object, as JSON."""
        return self.model_dump(mode="json")


class RefusedRow(RefusedActionOut):
    """An action a revoked device pushed, refused and applied nowhere (the wire's object)."""

    def to_json(self) -> dict[str, Any]:
        """The wire's refused action object, as JSON."""
        return self.model_dump(mode="json")


def _admin_details(details: dict[str, Any]) -> dict[str, Any]:
    return {**details, "os_user": audit.os_user()}


def revoke(
    db: Database,
    device_id: str,
    *,
    reason: str,
    by: str,
    actor: AuditActor = CLI_ACTOR,
    now: datetime | None = None,
) -> int:
    """Revoke a device: every login of it ends and every later contact is refused. Returns
    how many logins were revoked. DeviceError when the device is unknown or revoked already."""
    reason, by = reason.strip(), by.strip()
    if not reason:
        raise DeviceError("请说明停用理由（--reason）")
    if len(reason) > REASON_LENGTH:
        raise DeviceError(f"停用理由最多 {REASON_LENGTH} 个字")
    if not by or len(by) > 64:
        raise DeviceError("请写明由谁停用（--by，1 到 64 个字）")
    moment = now or china_now()
    with db.write() as session:
        users = session.scalars(
            select(TokenFamily.username).where(TokenFamily.device_id == device_id).distinct()
        ).all()
        if not users:
            raise UnknownDevice(f"平台不认识设备 {device_id}（从未登录过）")
        if session.get(RevokedDevice, device_id) is not None:
            raise AlreadyRevoked(f"设备 {device_id} 已经停用")
        session.add(
            RevokedDevice(
                device_id=device_id,
                revoked_at=moment,
                revoked_by=by,
                reason=reason,
                last_told_at=None,
                wipe_confirmed_at=None,
            )
        )
        revoked = sum(
            revoke_device(session, username, device_id, moment, "device_revoked")
            for username in users
        )
        details = {
            "target_device": device_id,
            "reason": reason,
            "revoked_by": by,
            "usernames": sorted(users),
            "revoked_logins": revoked,
        }
        audit.append(session, audit.DEVICE_REVOKED, actor, _admin_details(details), moment)
        session.commit()
    return revoked


def list_devices(db: Database) -> list[DeviceRow]:
    """Every device the platform knows (by its logins), the most recently seen first."""
    with db.read() as session:
        seen = session.execute(
            select(
                TokenFamily.device_id,
                func.max(TokenFamily.last_used_at),
                func.max(TokenFamily.id),
            ).group_by(TokenFamily.device_id)
        ).all()
        names = dict(
            session.execute(
                select(TokenFamily.device_id, TokenFamily.device_name).where(
                    TokenFamily.id.in_([row[2] for row in seen])
                )
            ).all()
        )
        users: dict[str, set[str]] = {}
        for device, username in session.execute(
            select(TokenFamily.device_id, TokenFamily.username).distinct()
        ):
            users.setdefault(device, set()).add(username)
        revoked = {row.device_id: row for row in session.scalars(select(RevokedDevice))}
        refused = dict(
            session.execute(
                select(RefusedPush.device_id, func.count()).group_by(RefusedPush.device_id)
            ).all()
        )
    rows: list[DeviceRow] = []
    for device, last_seen, _ in seen:
        mark = revoked.get(device)
        rows.append(
            DeviceRow(
                device_id=device,
                device_name=names.get(device, ""),
                usernames=sorted(users.get(device, ())),
                last_seen=last_seen,
                revoked=mark is not None,
                revoked_at=mark.revoked_at if mark is not None else None,
                revoked_by=mark.revoked_by if mark is not None else "",
                reason=mark.reason if mark is not None else "",
                wipe_confirmed_at=mark.wipe_confirmed_at if mark is not None else None,
                refused_actions=int(refused.get(device, 0)),
            )
        )
    rows.sort(key=lambda r: r.last_seen.timestamp() if r.last_seen else 0.0, reverse=True)
    return rows


def refused_actions(
    db: Database, device_id: str | None = None, *, unit_code: str | None = None
) -> list[RefusedRow]:
    """The actions revoked devices pushed (of one device, when given; of the users of one
    unit, when given: what that office has to take up again), in the order received."""
    query = select(RefusedPush).order_by(RefusedPush.id)
    if device_id is not None:
        query = query.where(RefusedPush.device_id == device_id)
    if unit_code is not None:
        members = select(User.username).where(User.unit_code == unit_code)
        query = query.where(RefusedPush.username.in_(members))
    with db.read() as session:
        return [
            RefusedRow(
                device_id=row.device_id,
                username=row.username,
                received_at=row.received_at,
                action_id=row.action_id,
                device_seq=row.device_seq,
                kind=row.kind,
                clue_code=row.clue_code,
                record_id=row.record_id,
                created_at=row.created_at,
            )
            for row in session.scalars(query)
        ]


def _record_id(item: ActionIn) -> str | None:
    """The commission's record, notice, case or verification batch an action acts on."""
    keys: list[str] = []
    supervision = supervision_kind(item.type)
    if supervision is not None:
        keys.append(supervision.id_key)
    keys.extend(kind.id_key for kind in (NOTICE_KIND, CASE_KIND) if kind.is_type(item.type))
    if item.type.startswith(VERIFICATION_PREFIX):
        keys.append("batch_id")
    for key in keys:
        value = item.payload.get(key)
        if isinstance(value, str) and value:
            return value[:64]
    return None


def pushed_actions(body: bytes) -> list[ActionIn]:
    """The actions of a push body, as far as they can be read (one bad action does not hide
    the others); none when the body is no push at all."""
    try:
        return list(parse_wire(PushRequest, body).actions)
    except WireError:
        pass
    try:
        raw = json.loads(body)
    except ValueError:
        return []
    items = raw.get("actions") if isinstance(raw, dict) else None
    found: list[ActionIn] = []
    for entry in items if isinstance(items, list) else []:
        try:
            found.append(parse_wire(ActionIn, entry))
        except WireError:
            continue
    return found


def refuse_push(
    platform: Platform, device_id: str, username: str, actions: Iterable[ActionIn]
) -> int:
    """Record the actions of a revoked device's push (refused, applied nowhere) and audit
    the refusal; how many were recorded for the first time."""
    now = platform.now()
    with platform.db.write() as session:
        known = set(
            session.scalars(select(RefusedPush.action_id).where(RefusedPush.device_id == device_id))
        )
        summary: list[dict[str, Any]] = []
        for item in actions:
            if item.action_id in known:
                continue
            known.add(item.action_id)
            record = {
                "action_id": item.action_id,
                "device_seq": item.device_seq,
                "kind": item.type,
                "clue_code": item.clue_code,
                "record_id": _record_id(item),
                "created_at": item.client_time,
            }
            session.add(
                RefusedPush(device_id=device_id, username=username, received_at=now, **record)
            )
            summary.append({k: v for k, v in record.items() if k != "created_at"})
        note_told(session, device_id, now)
        details = {"target_device": device_id, "refused": len(summary), "actions": summary}
        audit.append(
            session, audit.PUSH_REFUSED_REVOKED, AuditActor(username, device_id), details, now
        )
        session.commit()
    return len(summary)


def confirm_wipe(db: Database, device_id: str, now: datetime | None = None) -> bool:
    """Note that a revoked device's client wiped its data (audited); False when the device
    is not revoked."""
    moment = now or china_now()
    with db.write() as session:
        mark = session.get(RevokedDevice, device_id, with_for_update=True)
        if mark is None:
            return False
        first = mark.wipe_confirmed_at is None
        mark.wipe_confirmed_at = moment
        details = {"target_device": device_id, "first_confirmation": first}
        audit.append(session, audit.DEVICE_WIPED, AuditActor("", device_id), details, moment)
        session.commit()
    return True


# -- the API ---------------------------------------------------------------------------------

router = APIRouter(prefix="/api/v1/devices", tags=["devices"])

DevicePath = Annotated[str, PathParam(description="设备编号", min_length=1, max_length=64)]


def _admin_only(role: Role) -> None:
    if role is not Role.ADMIN:
        raise forbidden("只有系统管理员可以管理设备")


@router.get(
    "",
    response_model=DeviceList,
    responses=error_responses(*AUTHENTICATED_ERRORS),
    summary="设备列表（系统管理员）",
)
def get_devices(request: Request, caller: CallerDep) -> Response:
    """Every device the platform knows by its logins, and whether it is revoked."""
    _admin_only(caller.role)
    rows = list_devices(platform_of(request).db)
    return wire_response(DeviceList, {"devices": [row.to_json() for row in rows]})


@router.get(
    "/refused",
    response_model=RefusedList,
    responses=error_responses(*AUTHENTICATED_ERRORS),
    summary="停用设备被拒绝的操作（系统管理员：全部；其他用户：本单位人员的设备）",
)
def get_refused(
    request: Request,
    caller: CallerDep,
    device_id: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
) -> Response:
    """The actions revoked devices pushed, refused and applied nowhere (of one device): all
    of them for an admin; for anyone else those of their own unit's users, so the office
    sees the work a lost laptop still held and takes it up again."""
    unit = None if caller.role is Role.ADMIN else caller.unit.code
    rows = refused_actions(platform_of(request).db, device_id, unit_code=unit)
    return wire_response(RefusedList, {"refused": [row.to_json() for row in rows]})


@router.post(
    "/{device_id}/revoke",
    response_model=DeviceList,
    responses=error_responses(*AUTHENTICATED_ERRORS, 404, 409),
    summary="停用设备（系统管理员）",
)
def post_revoke(
    device_id: DevicePath, body: RevokeRequest, request: Request, caller: CallerDep
) -> Response:
    """Revoke a device: its logins end, its next contact wipes its data. Answers the device."""
    _admin_only(caller.role)
    db = platform_of(request).db
    actor = AuditActor(caller.username, caller.device_id)
    try:
        revoke(db, device_id, reason=body.reason, by=caller.username, actor=actor)
    except UnknownDevice as exc:
        raise not_found(str(exc)) from None
    except AlreadyRevoked as exc:
        raise ApiError(409, "conflict", str(exc)) from None
    except DeviceError as exc:
        raise invalid(str(exc), "reason") from None
    rows = [row for row in list_devices(db) if row.device_id == device_id]
    return wire_response(DeviceList, {"devices": [row.to_json() for row in rows]})


@router.post(
    "/wiped",
    response_model=WipeConfirmed,
    responses=error_responses(*COMMON_ERRORS, 404, 422),
    summary="停用设备确认已清除本机数据（无需令牌）",
)
def post_wiped(body: WipeConfirmation, request: Request) -> Response:
    """A revoked device's client confirms it removed its data; only for a revoked device."""
    platform = platform_of(request)
    if not confirm_wipe(platform.db, body.device_id, platform.now()):
        raise not_found("该设备未被停用")
    return wire_response(WipeConfirmed, {"status": "ok"})
