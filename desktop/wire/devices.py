"""Revoked devices: the error every contact of one is answered with, the wipe confirmation
its client sends, and what the platform's administrators see of devices."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from desktop.wire.base import ActionId, Answer, ChinaTime, ClueCode, Count, DeviceId, Request

DEVICE_REVOKED = "device_revoked"
"""The error code (HTTP 403) of every answer to a revoked device: the client wipes its data."""


class WipeConfirmation(Request):
    """POST /devices/wiped (no token): a revoked device's client removed its data."""

    device_id: DeviceId


class WipeConfirmed(Answer):
    """The answer to a wipe confirmation."""

    status: Literal["ok"]


class RevokeRequest(Request):
    """POST /devices/{device_id}/revoke (an administrator): why the device is revoked."""

    reason: str = Field(min_length=1, max_length=200)


class DeviceOut(Answer):
    """A device known to the platform (by its logins), and whether it is revoked."""

    device_id: DeviceId
    device_name: str
    usernames: list[str]
    last_seen: ChinaTime | None = None
    revoked: bool
    revoked_at: ChinaTime | None = None
    revoked_by: str = ""
    reason: str = ""
    wipe_confirmed_at: ChinaTime | None = None
    refused_actions: Count = 0


class DeviceList(Answer):
    """GET /devices: every device, the most recently seen first."""

    devices: list[DeviceOut]


class RefusedActionOut(Answer):
    """An action a revoked device pushed, refused and applied nowhere (never its payload)."""

    device_id: DeviceId
    username: str
    received_at: ChinaTime
    action_id: ActionId
    device_seq: int
    kind: str
    clue_code: ClueCode | None = None
    record_id: str | None = None
    created_at: str | None = None


class RefusedList(Answer):
    """GET /devices/refused: the refused actions, in the order received."""

    refused: list[RefusedActionOut]
