"""The platform's store-encryption policy, end to end with a real platform server: which
devices are told to encrypt, the audited setting, and a field laptop that encrypts its
store and keeps syncing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from sync_testkit import DEMO_PASSWORD, Device, Platform

from desktop.store.cipher_requests import REQUEST_FILE
from desktop.store.database import DB_FILE
from desktop.store.sqlite_files import SQLITE_MAGIC, is_encrypted
from desktop.store.sync_apply import read_state
from desktop.sync.device_kind import detect_device_kind

PLATFORM_CLI = [sys.executable, "-m", "cityplatform.cli"]
"""This checkout's platform command line (as the platform fixture's server runs it)."""


def _policy(platform: Platform, *value: str) -> str:
    argv = [*PLATFORM_CLI, "policy", "store-encryption", "--db", platform.db_url, *value]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _login(platform: Platform, kind: str | None) -> dict[str, Any]:
    body = {
        "username": platform.username("township"),
        "password": DEMO_PASSWORD,
        "device_id": f"policy-{kind}-{time.monotonic_ns()}",
        "device_name": "policy test",
    }
    if kind is not None:
        body["device_kind"] = kind
    answer = requests.post(
        f"{platform.url}/api/v1/auth/login",
        json=body,
        headers={"X-Cluedesk-Protocol": "1"},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return {**answer.json(), "device_id": body["device_id"]}


def _refresh(platform: Platform, pair: dict[str, Any]) -> dict[str, Any]:
    answer = requests.post(
        f"{platform.url}/api/v1/auth/refresh",
        json={"refresh_token": pair["refresh_token"], "device_id": pair["device_id"]},
        headers={"X-Cluedesk-Protocol": "1"},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return {**answer.json(), "device_id": pair["device_id"]}


def _audit(platform: Platform, kind: str) -> list[dict[str, Any]]:
    path = platform.db_url.removeprefix("sqlite:///")
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT details FROM audit_log WHERE kind = ? ORDER BY seq", (kind,)
        ).fetchall()
    finally:
        connection.close()
    return [json.loads(details) for (details,) in rows]


def test_the_policy_decides_per_device_kind_at_login_and_refresh(platform: Platform) -> None:
    assert "field" in _policy(platform)  # the default: field laptops only
    field, office = _login(platform, "field"), _login(platform, "office")
    assert field["encrypt_store"] is True
    assert office["encrypt_store"] is False
    assert _login(platform, None)["encrypt_store"] is False  # an older client: an office PC

    _policy(platform, "all")
    assert _login(platform, "office")["encrypt_store"] is True
    office = _refresh(platform, office)  # the refresh answer follows the current policy
    assert office["encrypt_store"] is True

    _policy(platform, "none")
    assert _login(platform, "field")["encrypt_store"] is False
    assert _refresh(platform, field)["encrypt_store"] is False

    changes = _audit(platform, "policy.store_encryption")
    assert [(c["previous"], c["store_encryption"]) for c in changes] == [
        ("field", "all"),
        ("all", "none"),
    ]
    logins = _audit(platform, "auth.login")
    assert {"field", "office"} <= {entry.get("device_kind") for entry in logins}


def test_an_unknown_policy_or_device_kind_is_refused(platform: Platform) -> None:
    argv = [*PLATFORM_CLI, "policy", "store-encryption", "--db", platform.db_url, "some"]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode != 0 and "some" in result.stderr
    answer = requests.post(
        f"{platform.url}/api/v1/auth/login",
        json={
            "username": platform.username("township"),
            "password": DEMO_PASSWORD,
            "device_id": "policy-bad-kind",
            "device_kind": "tablet",
        },
        headers={"X-Cluedesk-Protocol": "1"},
        timeout=30,
    )
    assert answer.status_code == 422


def _clue_codes(device: Device) -> set[str]:
    with device.store.engine.connect() as connection:
        return {row[0] for row in connection.exec_driver_sql("SELECT code FROM clues")}


def test_a_field_laptop_encrypts_its_store_and_keeps_syncing(
    platform: Platform, file_keyring: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "laptop"
    laptop = Device(platform, "township", folder)
    try:
        from desktop.sync.auth import login

        login(laptop.store, laptop.http, laptop.username, DEMO_PASSWORD, "外业", "field")
        assert read_state(laptop.store, "device_kind") == "field"
        assert (folder / REQUEST_FILE).exists()
        summary = laptop.sync()
        assert summary.pulled_clues > 0 and not summary.problems
        codes = _clue_codes(laptop)
    finally:
        laptop.close()
    assert (folder / DB_FILE).read_bytes().startswith(SQLITE_MAGIC)  # not while it was open

    laptop = Device(platform, "township", folder)  # the next start encrypts it
    try:
        assert laptop.store.key is not None and is_encrypted(folder / DB_FILE)
        assert not (folder / REQUEST_FILE).exists()
        assert _clue_codes(laptop) == codes
        summary = laptop.sync()
        assert not summary.problems and not summary.encryption_requested
        assert _clue_codes(laptop) >= codes
    finally:
        laptop.close()


def test_an_office_pc_is_not_asked_to_encrypt(
    platform: Platform, file_keyring: Path, tmp_path: Path
) -> None:
    desk = Device(platform, "county", tmp_path / "desk")
    try:
        from desktop.sync.auth import login

        login(desk.store, desk.http, desk.username, DEMO_PASSWORD, "办公室", "office")
        desk.sync()
        assert not (tmp_path / "desk" / REQUEST_FILE).exists()
    finally:
        desk.close()
    _policy(platform, "all")  # a later refresh tells it: noted by the next sync
    desk = Device(platform, "county", tmp_path / "desk")
    try:
        assert desk.store.key is None
        summary = desk.sync()
        assert summary.encryption_requested
    finally:
        desk.close()
    desk = Device(platform, "county", tmp_path / "desk")
    try:
        assert desk.store.key is not None
    finally:
        desk.close()


@pytest.mark.parametrize(("content", "kind"), [("Battery\n", "field"), ("Mains\n", "office")])
def test_the_device_kind_is_detected_from_a_battery(
    tmp_path: Path, content: str, kind: str
) -> None:
    supply = tmp_path / "power_supply" / "BAT0"
    supply.mkdir(parents=True)
    (supply / "type").write_text(content, encoding="ascii")
    assert detect_device_kind(tmp_path / "power_supply") == kind
    assert detect_device_kind(tmp_path / "nothing") == "office"
