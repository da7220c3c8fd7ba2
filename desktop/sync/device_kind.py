"""What kind of computer this device is: an office PC or a field laptop (外业笔记本).

Detected once (a battery present: a laptop, so `field`), then remembered in the store, where
the login dialog and the settings change it. The platform's store-encryption policy is
decided on it (desktop.wire.reference.LoginRequest.device_kind).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Literal, cast

from desktop.store.database import Store
from desktop.store.sync_apply import read_state, write_state

log = logging.getLogger("cluedesk.sync")

DeviceKind = Literal["office", "field"]
KINDS: tuple[DeviceKind, ...] = ("office", "field")
POWER_SUPPLY = Path("/sys/class/power_supply")


def _linux_battery(root: Path = POWER_SUPPLY) -> bool:
    try:
        supplies = list(root.iterdir())
    except OSError:
        return False
    for supply in supplies:
        try:
            if (supply / "type").read_text(encoding="ascii").strip() == "Battery":
                return True
        except (OSError, UnicodeDecodeError):
            continue
    return False


def _windows_battery() -> bool:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    class PowerStatus(ctypes.Structure):
        _fields_ = [
            ("ACLineStatus", wintypes.BYTE),
            ("BatteryFlag", wintypes.BYTE),
            ("BatteryLifePercent", wintypes.BYTE),
            ("SystemStatusFlag", wintypes.BYTE),
            ("BatteryLifeTime", wintypes.DWORD),
            ("BatteryFullLifeTime", wintypes.DWORD),
        ]

    status = PowerStatus()
    kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 - absent off Windows
    if not kernel32.GetSystemPowerStatus(ctypes.byref(status)):
        return False
    flag = status.BatteryFlag & 0xFF
    return flag not in (128, 255)  # 128: no system battery; 255: unknown


def detect_device_kind(power_supply: Path = POWER_SUPPLY) -> DeviceKind:
    """`field` when the computer has a battery, else `office` (also when it cannot tell)."""
    try:
        battery = _windows_battery() if sys.platform == "win32" else _linux_battery(power_supply)
    except Exception:  # noqa: BLE001 - never let detection stop a login
        log.info("could not tell whether this computer has a battery")
        battery = False
    return "field" if battery else "office"


def device_kind(store: Store) -> DeviceKind:
    """The kind remembered for this store's device; detected (and remembered) the first time."""
    saved = read_state(store, "device_kind")
    if saved in KINDS:
        return cast(DeviceKind, saved)
    kind = detect_device_kind()
    write_state(store, device_kind=kind)
    return kind


def set_device_kind(store: Store, kind: str) -> None:
    """Remember the device's kind (ValueError for an unknown one)."""
    if kind not in KINDS:
        raise ValueError(kind)
    write_state(store, device_kind=kind)
