"""Commit order equals sequence order: a reader never sees change N+1 before change N.

A real server (two uvicorn workers) holds writer A's transaction open after it took seq N
(the CLUEDESK_PLATFORM_TEST_DELAY_AFTER_SEQ hook, per request), while writer B takes N+1;
readers pulling all the while must never get N+1 without N.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import httpx
from platform_testkit import DRAFT

from cityplatform.config import DELAY_HEADER
from cityplatform.launcher import start_platform, stop_platform

PROTOCOL = {"X-Cluedesk-Protocol": "1"}
HOLD = 1.5


def _login(client: httpx.Client, username: str, device: str) -> dict[str, str]:
    response = client.post(
        "/api/v1/auth/login",
        json={"username": username, "password": "demo1234", "device_id": device},
    )
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def _push(
    client: httpx.Client, headers: dict[str, str], device: str, *actions: dict[str, Any]
) -> list[dict[str, Any]]:
    response = client.post(
        "/api/v1/push", json={"device_id": device, "actions": list(actions)}, headers=headers
    )
    response.raise_for_status()
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def _action(kind: str, code: str, payload: dict[str, Any], seq: int) -> dict[str, Any]:
    import uuid

    return {
        "action_id": str(uuid.uuid4()),
        "device_seq": seq,
        "type": f"clue.{kind}.v1",
        "clue_code": code,
        "payload": payload,
    }


def test_pull_never_returns_n_plus_one_without_n(platform_server: str) -> None:
    with httpx.Client(base_url=platform_server, headers=PROTOCOL, timeout=30) as client:
        a = _login(client, "haizhou", "device-a")
        b = _login(client, "haizhou", "device-b")
        reader = _login(client, "city", "reader")
        codes = []
        for n in range(2):
            registered = _push(
                client, a, "device-a", _action("register", f"临20261127-0000000{n}", DRAFT, n)
            )
            codes.append(registered[0]["clue_code"])
        before = client.get("/api/v1/pull", params={"limit": 1000}, headers=reader)
        cursor = before.json()["cursor"]
        assert not before.json()["more"]

        answers: dict[str, Any] = {}

        def write(name: str, headers: dict[str, str], device: str, code: str) -> None:
            extra = {DELAY_HEADER: str(HOLD)} if name == "a" else {}
            response = client.post(
                "/api/v1/push",
                json={
                    "device_id": device,
                    "actions": [_action("urge", code, {"note": f"writer {name}"}, 10)],
                },
                headers={**headers, **extra},
            )
            answers[name] = response.json()["results"][0]

        writer_a = threading.Thread(target=write, args=("a", a, "device-a", codes[0]))
        writer_b = threading.Thread(target=write, args=("b", b, "device-b", codes[1]))
        writer_a.start()
        time.sleep(HOLD / 3)  # A holds seq N now
        writer_b.start()
        observations: list[set[int]] = []
        advancing, seen = cursor, set()
        while writer_a.is_alive() or writer_b.is_alive() or len(observations) < 3:
            fixed = client.get("/api/v1/pull", params={"cursor": cursor}, headers=reader)
            assert fixed.status_code == 200
            observations.append({c["seq"] for c in fixed.json()["changes"]})
            moving = client.get("/api/v1/pull", params={"cursor": advancing}, headers=reader).json()
            seen.update(c["seq"] for c in moving["changes"])
            advancing = moving["cursor"]
            time.sleep(0.02)
        writer_a.join()
        writer_b.join()
        final = client.get("/api/v1/pull", params={"cursor": advancing}, headers=reader)
        seen.update(c["seq"] for c in final.json()["changes"])
    result_a = answers["a"]
    result_b = answers["b"]
    assert result_a["status"] == result_b["status"] == "applied"
    n = result_a["seq"]
    assert result_b["seq"] == n + 1
    for observed in observations:
        assert observed <= {n, n + 1}
        if n + 1 in observed:
            assert n in observed, f"a pull returned {n + 1} without {n}"
    assert any(not o for o in observations), "a pull ran while A held its seq"
    assert {n, n + 1} <= seen  # the advancing reader missed nothing
    # B's answer may reach its client a moment before A's (answers are built after the
    # commit), so the order of arrival proves nothing; the pulls above are the proof.


def test_served_platform_with_a_fake_clock(seeded_url: str, tmp_path: Path) -> None:
    from cityplatform.config import FAKE_NOW_ENV

    base_url, process = start_platform(
        seeded_url, tmp_path / "files", env={FAKE_NOW_ENV: "2026-11-27T10:00:00+08:00"}
    )
    try:
        with httpx.Client(base_url=base_url, headers=PROTOCOL, timeout=30) as client:
            assert client.get("/health").json() == {"status": "ok"}
            headers = _login(client, "city", "served")
            meta = client.get("/api/v1/meta", headers=headers).json()
            assert meta["server_time"].startswith("2026-11-27T10:00")
            page = client.get("/api/v1/pull", headers=headers)
            assert page.headers["content-encoding"] == "gzip"
            assert len(page.json()["changes"]) == 300
    finally:
        stop_platform(process)
    assert process.poll() is not None
