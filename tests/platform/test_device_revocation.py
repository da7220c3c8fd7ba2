"""Revoking a device: every contact of it is answered `device_revoked`, its pushes apply
nothing and are listed (without reporter data) for the office, other devices of the same
user keep working, the wipe confirmation is recorded; the CLI, the admin API and the audit."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from platform_testkit import DRAFT, Api, Login
from sqlalchemy import func, select

from cityplatform import audit, devices
from cityplatform.cli import main as platform_cli
from cityplatform.db import Database
from cityplatform.models import AppliedAction, AuditEntry, ClueEvent, RefusedPush, RevokedDevice
from cityplatform.security import FAST_HASHER
from cityplatform.users import add_user

REVOKED = "device_revoked"
NAME, PHONE = "钱多多", "13900001111"
"""The reporter of the revoked device's unsent registration: never on the platform."""


def _error(response: Any) -> str:
    code: str = response.json()["error"]["code"]
    return code


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as session:
        events = session.scalar(select(func.count()).select_from(ClueEvent)) or 0
        applied = session.scalar(select(func.count()).select_from(AppliedAction)) or 0
    return events, applied


def _audit(db: Database, kind: str) -> list[dict[str, Any]]:
    with db.read() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.kind == kind)).all()
    return [{"device_id": r.device_id, **json.loads(r.details)} for r in rows]


def _pending(login: Login, code: str) -> list[dict[str, Any]]:
    """A registration with a known reporter and an action on an existing clue."""
    draft = {**DRAFT, "reporter_name": NAME, "reporter_phone": PHONE}
    provisional = f"临20261127-{uuid.uuid4().hex[:8].upper()}"
    return [
        login.action("register", provisional, draft),
        login.action("urge", code, {"note": f"请 {NAME} 配合 {PHONE}"}),
    ]


def _some_clue(api: Api, login: Login) -> str:
    changes, _ = api.pull_all(login)
    return str(next(c["clue"]["code"] for c in changes if c["kind"] == "clue"))


def test_a_revoked_device_is_refused_everywhere_and_its_push_applies_nothing(
    api: Api, platform_db: Database
) -> None:
    lost, other = api.login("haizhou", "lost-laptop"), api.login("haizhou", "office-pc")
    code = api.register_and_dispatch(other)
    revoked = devices.revoke(platform_db, "lost-laptop", reason="笔记本电脑丢失", by="王科长")
    assert revoked == 1
    before = _counts(platform_db)

    pushed = api.client.post(
        "/api/v1/push",
        json={"device_id": "lost-laptop", "actions": _pending(lost, code)},
        headers=lost.headers,
    )
    assert pushed.status_code == 403 and _error(pushed) == REVOKED
    assert _counts(platform_db) == before  # nothing applied
    for method, path in (
        ("GET", "/api/v1/pull"),
        ("GET", "/api/v1/meta"),
        ("GET", "/api/v1/supervision"),
        ("GET", "/api/v1/verification"),
        ("GET", f"/api/v1/attachments/{'0' * 64}/status"),
    ):
        answer = api.client.request(method, path, headers=lost.headers)
        assert answer.status_code == 403 and _error(answer) == REVOKED, path
    refresh = api.client.post(
        "/api/v1/auth/refresh",
        json={"refresh_token": lost.tokens["refresh_token"], "device_id": "lost-laptop"},
    )
    assert refresh.status_code == 403 and _error(refresh) == REVOKED
    for password in ("demo1234", "wrong-password"):
        relogin = api.client.post(
            "/api/v1/auth/login",
            json={"username": "haizhou", "password": password, "device_id": "lost-laptop"},
        )
        assert relogin.status_code == 403 and _error(relogin) == REVOKED

    # the office sees what the lost laptop still held (its own unit's users' devices only)
    seen = api.client.get("/api/v1/devices/refused", headers=other.headers)
    assert seen.status_code == 200, seen.text
    assert {r["device_id"] for r in seen.json()["refused"]} == {"lost-laptop"}
    assert len(seen.json()["refused"]) == 2
    elsewhere = api.login("xinhai", "township-pc")  # a township of another unit
    hidden = api.client.get("/api/v1/devices/refused", headers=elsewhere.headers)
    assert hidden.status_code == 200 and hidden.json() == {"refused": []}

    # the same user's other device keeps working
    assert api.client.get("/api/v1/pull", headers=other.headers).status_code == 200
    (urged,) = api.push(other, other.action("urge", code, {"note": "请尽快办理"}))
    assert urged["status"] == "applied", urged
    api.login("haizhou", "new-laptop")

    listed = devices.refused_actions(platform_db, "lost-laptop")
    assert [(r.kind, r.device_seq) for r in listed] == [
        ("clue.register.v1", 1),
        ("clue.urge.v1", 2),
    ]
    assert listed[1].clue_code == code and listed[0].clue_code.startswith("临")
    assert {r.username for r in listed} == {"haizhou"}
    with platform_db.read() as session:
        mark = session.get(RevokedDevice, "lost-laptop")
        assert mark is not None and mark.last_told_at is not None
        stored = [
            json.dumps([getattr(r, c.name) for c in RefusedPush.__table__.columns], default=str)
            for r in session.scalars(select(RefusedPush))
        ]
    (revocation,) = _audit(platform_db, audit.DEVICE_REVOKED)
    assert revocation["target_device"] == "lost-laptop" and revocation["reason"] == "笔记本电脑丢失"
    assert revocation["revoked_by"] == "王科长" and revocation["revoked_logins"] == 1
    (refusal,) = _audit(platform_db, audit.PUSH_REFUSED_REVOKED)
    assert refusal["device_id"] == "lost-laptop" and refusal["refused"] == 2
    assert [a["clue_code"] for a in refusal["actions"]][1] == code
    refused_logins = [e for e in _audit(platform_db, audit.LOGIN_FAILED) if e["result"] == REVOKED]
    assert len(refused_logins) == 2
    # reporter privacy: the refused list and the audit never hold the reporter
    with platform_db.read() as session:
        details = " ".join(session.scalars(select(AuditEntry.details)))
    for text in (*stored, details):
        assert NAME not in text and PHONE not in text


def test_a_repeated_push_is_listed_once_and_the_wipe_confirmation_is_recorded(
    api: Api, platform_db: Database
) -> None:
    lost = api.login("xinhai", "stolen")
    code = _some_clue(api, lost)
    devices.revoke(platform_db, "stolen", reason="被盗", by="admin")
    actions = _pending(lost, code)
    for _ in range(2):
        answer = api.client.post(
            "/api/v1/push", json={"device_id": "stolen", "actions": actions}, headers=lost.headers
        )
        assert _error(answer) == REVOKED
    assert len(devices.refused_actions(platform_db, "stolen")) == 2
    assert devices.refused_actions(platform_db, "nobody") == []

    not_revoked = api.client.post("/api/v1/devices/wiped", json={"device_id": "other"})
    assert not_revoked.status_code == 404
    wiped = api.client.post("/api/v1/devices/wiped", json={"device_id": "stolen"})
    assert wiped.status_code == 200 and wiped.json() == {"status": "ok"}
    (row,) = [d for d in devices.list_devices(platform_db) if d.device_id == "stolen"]
    assert row.revoked and row.wipe_confirmed_at is not None and row.refused_actions == 2
    (entry,) = _audit(platform_db, audit.DEVICE_WIPED)
    assert entry["device_id"] == "stolen" and entry["first_confirmation"] is True


def test_revoking_needs_a_known_device_a_reason_and_happens_once(
    api: Api, platform_db: Database
) -> None:
    api.login("xinhai", "pc-1")
    with pytest.raises(devices.UnknownDevice):
        devices.revoke(platform_db, "never-seen", reason="丢失", by="admin")
    with pytest.raises(devices.DeviceError, match="理由"):
        devices.revoke(platform_db, "pc-1", reason="  ", by="admin")
    devices.revoke(platform_db, "pc-1", reason="丢失", by="admin")
    with pytest.raises(devices.AlreadyRevoked):
        devices.revoke(platform_db, "pc-1", reason="丢失", by="admin")


def test_the_device_commands(
    api: Api, platform_db: Database, seeded_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lost = api.login("xinhai", "field-laptop")
    api.login("haizhou", "county-pc")
    code = _some_clue(api, lost)
    assert (
        platform_cli(
            [
                "device",
                "revoke",
                "field-laptop",
                "--db",
                seeded_url,
                "--reason",
                "丢失",
                "--by",
                "李",
            ]
        )
        == 0
    )
    assert "已停用设备 field-laptop" in capsys.readouterr().out
    assert (
        platform_cli(
            ["device", "revoke", "field-laptop", "--db", seeded_url, "--reason", "x", "--by", "李"]
        )
        == 2
    )
    assert "已经停用" in capsys.readouterr().err
    api.client.post(
        "/api/v1/push",
        json={"device_id": "field-laptop", "actions": _pending(lost, code)},
        headers=lost.headers,
    )

    assert platform_cli(["device", "list", "--db", seeded_url, "--json"]) == 0
    listed = {d["device_id"]: d for d in map(json.loads, capsys.readouterr().out.splitlines())}
    assert listed["field-laptop"]["revoked"] is True
    assert listed["field-laptop"]["usernames"] == ["xinhai"]
    assert listed["field-laptop"]["refused_actions"] == 2
    assert listed["county-pc"]["revoked"] is False
    assert platform_cli(["device", "list", "--db", seeded_url]) == 0
    table = capsys.readouterr().out
    assert "field-laptop" in table and "已停用" in table and "county-pc" in table

    assert platform_cli(["device", "refused", "field-laptop", "--db", seeded_url]) == 0
    out = capsys.readouterr().out
    assert "clue.register.v1" in out and code in out and "共 2 个" in out
    assert NAME not in out and PHONE not in out
    assert platform_cli(["device", "refused", "--db", seeded_url, "--json"]) == 0
    kinds = [json.loads(line)["kind"] for line in capsys.readouterr().out.splitlines()]
    assert kinds == ["clue.register.v1", "clue.urge.v1"]


def test_the_admin_api(api: Api, platform_db: Database) -> None:
    add_user(
        platform_db,
        username="sysadmin",
        unit_code="320706",
        role="admin",
        password="demo1234",
        hasher=FAST_HASHER,
    )
    admin, handler = api.login("sysadmin", "admin-pc"), api.login("xinhai", "tablet")
    answer = api.client.get("/api/v1/devices", headers=handler.headers)
    assert answer.status_code == 403 and _error(answer) == "forbidden"
    denied = api.client.post(
        "/api/v1/devices/tablet/revoke", json={"reason": "丢失"}, headers=handler.headers
    )
    assert denied.status_code == 403 and _error(denied) == "forbidden"

    listed = api.client.get("/api/v1/devices", headers=admin.headers).json()["devices"]
    assert {"tablet", "admin-pc"} <= {d["device_id"] for d in listed}
    unknown = api.client.post(
        "/api/v1/devices/nope/revoke", json={"reason": "丢失"}, headers=admin.headers
    )
    assert unknown.status_code == 404
    done = api.client.post(
        "/api/v1/devices/tablet/revoke", json={"reason": "丢失"}, headers=admin.headers
    )
    assert done.status_code == 200, done.text
    (device,) = done.json()["devices"]
    assert device["revoked"] is True and device["revoked_by"] == "sysadmin"
    again = api.client.post(
        "/api/v1/devices/tablet/revoke", json={"reason": "丢失"}, headers=admin.headers
    )
    assert again.status_code == 409
    assert _error(api.client.get("/api/v1/pull", headers=handler.headers)) == REVOKED
    (entry,) = _audit(platform_db, audit.DEVICE_REVOKED)
    assert entry["device_id"] == "admin-pc" and entry["target_device"] == "tablet"
    refused = api.client.get(
        "/api/v1/devices/refused", params={"device_id": "tablet"}, headers=admin.headers
    )
    assert refused.status_code == 200 and refused.json() == {"refused": []}
