"""Login, throttling, rotating refresh tokens, reuse detection, logout, disabled users."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from platform_testkit import Api, Clock

LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
META = "/api/v1/meta"


def _login(client: TestClient, password: str = "demo1234", **extra: Any) -> Any:
    body = {"username": "xinhai", "password": password, "device_id": "pc-1", **extra}
    return client.post(LOGIN, json=body)


def _error(response: Any) -> str:
    code: str = response.json()["error"]["code"]
    return code


def test_login_answers_tokens_and_user(client: TestClient) -> None:
    response = _login(client, device_name="办公室电脑")
    assert response.status_code == 200
    body = response.json()
    assert body["user"] == {
        "username": "xinhai",
        "display_name": body["user"]["display_name"],
        "role": "handler",
        "unit_code": "320706001",
        "post": "head",
    }
    assert body["access_expires_at"] == "2026-11-27T10:15:00+08:00"
    assert body["refresh_expires_at"] == "2027-01-26T10:00:00+08:00"
    meta = client.get(META, headers={"Authorization": f"Bearer {body['access_token']}"})
    assert meta.status_code == 200
    assert meta.json()["user"]["username"] == "xinhai"


def test_bad_credentials_and_unknown_user(client: TestClient) -> None:
    assert _error(_login(client, "wrong")) == "bad_credentials"
    response = client.post(LOGIN, json={"username": "nobody", "password": "x", "device_id": "d"})
    assert response.status_code == 401
    assert _error(response) == "bad_credentials"


def test_five_failures_throttle_the_user_name(client: TestClient, clock: Clock) -> None:
    for _ in range(5):
        assert _login(client, "wrong").status_code == 401
        clock.advance(seconds=30)
    throttled = _login(client)  # even the right password
    assert throttled.status_code == 429
    assert _error(throttled) == "too_many_attempts"
    retry_after = int(throttled.headers["Retry-After"])
    assert 0 < retry_after <= 15 * 60
    other = client.post(LOGIN, json={"username": "hzhb", "password": "demo1234", "device_id": "x"})
    assert other.status_code == 200  # per user name
    clock.advance(seconds=retry_after)
    assert _login(client).status_code == 200


def test_refresh_rotates_and_reuse_revokes_the_device(client: TestClient) -> None:
    first = _login(client).json()
    second = client.post(
        REFRESH, json={"refresh_token": first["refresh_token"], "device_id": "pc-1"}
    )
    assert second.status_code == 200
    pair = second.json()
    assert pair["refresh_token"] != first["refresh_token"]
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    assert client.get(META, headers=headers).status_code == 200
    reused = client.post(
        REFRESH, json={"refresh_token": first["refresh_token"], "device_id": "pc-1"}
    )
    assert reused.status_code == 401
    assert _error(reused) == "refresh_reused"
    # every token of the device is gone: the new refresh token and the access token
    after = client.post(REFRESH, json={"refresh_token": pair["refresh_token"], "device_id": "pc-1"})
    assert _error(after) == "refresh_revoked"
    assert _error(client.get(META, headers=headers)) == "token_invalid"


def test_refresh_is_bound_to_the_device(client: TestClient) -> None:
    tokens = _login(client).json()
    response = client.post(
        REFRESH, json={"refresh_token": tokens["refresh_token"], "device_id": "x"}
    )
    assert response.status_code == 401
    assert _error(response) == "refresh_revoked"
    garbage = client.post(REFRESH, json={"refresh_token": "nonsense", "device_id": "pc-1"})
    assert _error(garbage) == "refresh_revoked"


def test_refresh_token_lives_sixty_days_from_last_use(client: TestClient, clock: Clock) -> None:
    tokens = _login(client).json()
    clock.advance(days=50)
    tokens = client.post(
        REFRESH, json={"refresh_token": tokens["refresh_token"], "device_id": "pc-1"}
    ).json()
    clock.advance(days=59)  # 109 days after login, 59 after the last use
    response = client.post(
        REFRESH, json={"refresh_token": tokens["refresh_token"], "device_id": "pc-1"}
    )
    assert response.status_code == 200
    clock.advance(days=61)
    expired = client.post(
        REFRESH, json={"refresh_token": response.json()["refresh_token"], "device_id": "pc-1"}
    )
    assert expired.status_code == 401
    assert _error(expired) == "refresh_expired"


def test_access_token_expires_after_fifteen_minutes(client: TestClient, clock: Clock) -> None:
    tokens = _login(client).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    clock.advance(minutes=14, seconds=59)
    assert client.get(META, headers=headers).status_code == 200
    clock.advance(seconds=1)
    response = client.get(META, headers=headers)
    assert response.status_code == 401
    assert _error(response) == "token_expired"
    fresh = client.post(
        REFRESH, json={"refresh_token": tokens["refresh_token"], "device_id": "pc-1"}
    )
    headers = {"Authorization": f"Bearer {fresh.json()['access_token']}"}
    assert client.get(META, headers=headers).status_code == 200


def test_missing_or_forged_tokens(client: TestClient) -> None:
    assert _error(client.get(META)) == "token_invalid"
    assert _error(client.get(META, headers={"Authorization": "Bearer abc.def.ghi"})) == (
        "token_invalid"
    )
    assert _error(client.get(META, headers={"Authorization": "Basic eHg6eXk="})) == (
        "token_invalid"
    )
    import jwt

    forged = jwt.encode({"sub": "city", "fam": 1, "dev": "x", "exp": 9999999999}, "g" * 32)
    assert _error(client.get(META, headers={"Authorization": f"Bearer {forged}"})) == (
        "token_invalid"
    )


def test_logout_revokes_the_device(client: TestClient) -> None:
    tokens = _login(client).json()
    other = _login(client, device_id="laptop").json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert client.post("/api/v1/auth/logout", headers=headers).status_code == 200
    assert _error(client.get(META, headers=headers)) == "token_invalid"
    refreshed = client.post(
        REFRESH, json={"refresh_token": tokens["refresh_token"], "device_id": "pc-1"}
    )
    assert _error(refreshed) == "refresh_revoked"
    laptop = {"Authorization": f"Bearer {other['access_token']}"}
    assert client.get(META, headers=laptop).status_code == 200  # another device stays
    by_refresh = client.post(
        "/api/v1/auth/logout", json={"refresh_token": other["refresh_token"], "device_id": "laptop"}
    )
    assert by_refresh.status_code == 200
    assert _error(client.get(META, headers=laptop)) == "token_invalid"
    assert _error(client.post("/api/v1/auth/logout")) == "token_invalid"


def test_disabled_user_loses_every_token(client: TestClient, api: Api) -> None:
    from cityplatform.db import open_database
    from cityplatform.users import disable_user

    tokens = _login(client).json()
    db = open_database(api.url)
    try:
        disable_user(db, "xinhai")
    finally:
        db.dispose()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert _error(client.get(META, headers=headers)) == "user_disabled"
    refreshed = client.post(
        REFRESH, json={"refresh_token": tokens["refresh_token"], "device_id": "pc-1"}
    )
    assert _error(refreshed) == "user_disabled"
    again = _login(client)
    assert again.status_code == 401
    assert _error(again) == "user_disabled"


def test_protocol_header_and_open_endpoints(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    schema = client.get("/openapi.json")
    assert schema.status_code == 200
    assert "/api/v1/push" in schema.json()["paths"]
    newer = client.get(META, headers={"X-Cluedesk-Protocol": "2"})
    assert newer.status_code == 426
    assert _error(newer) == "upgrade_required"
    login_newer = client.post(
        LOGIN,
        json={"username": "xinhai", "password": "demo1234", "device_id": "d"},
        headers={"X-Cluedesk-Protocol": "abc"},
    )
    assert login_newer.status_code == 426
    # a missing header counts as version 1
    bare = TestClient(client.app)
    assert (
        bare.post(
            LOGIN, json={"username": "xinhai", "password": "demo1234", "device_id": "d"}
        ).status_code
        == 200
    )


# ---------------------------------------------------------------- the refresh grace


def _refresh(client: TestClient, token: str, device: str = "pc-1") -> Any:
    return client.post(REFRESH, json={"refresh_token": token, "device_id": device})


def _audited(api: Api, kind: str) -> list[dict[str, Any]]:
    """The details of the audit entries of `kind`, oldest first."""
    import json

    from sqlalchemy import select

    from cityplatform.db import open_database
    from cityplatform.models import AuditEntry

    db = open_database(api.url)
    try:
        with db.read() as session:
            rows = session.scalars(
                select(AuditEntry.details).where(AuditEntry.kind == kind).order_by(AuditEntry.seq)
            ).all()
    finally:
        db.dispose()
    return [json.loads(row) for row in rows]


def test_a_lost_refresh_answer_is_recovered_once_with_the_previous_token(
    client: TestClient, api: Api, clock: Clock
) -> None:
    first = _login(client).json()
    lost = _refresh(client, first["refresh_token"])  # the answer never reaches the client
    assert lost.status_code == 200
    clock.advance(minutes=3)
    again = _refresh(client, first["refresh_token"])
    assert again.status_code == 200  # the grace: a fresh pair, no password
    pair = again.json()
    assert pair["refresh_token"] not in (first["refresh_token"], lost.json()["refresh_token"])
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    assert client.get(META, headers=headers).status_code == 200
    # the new pair rotates as usual
    assert _refresh(client, pair["refresh_token"]).status_code == 200
    [grace] = _audited(api, "auth.refresh_grace")
    assert grace["rotated_at"] == "2026-11-27T10:00:00.000000+08:00"


def test_the_grace_is_single_use(client: TestClient, api: Api) -> None:
    first = _login(client).json()
    assert _refresh(client, first["refresh_token"]).status_code == 200  # lost
    graced = _refresh(client, first["refresh_token"])
    assert graced.status_code == 200
    third = _refresh(client, first["refresh_token"])  # the same old token a second time
    assert third.status_code == 401
    assert _error(third) == "refresh_reused"
    # the whole login of the device is revoked, the pair the grace gave too
    assert _error(_refresh(client, graced.json()["refresh_token"])) == "refresh_revoked"
    headers = {"Authorization": f"Bearer {graced.json()['access_token']}"}
    assert _error(client.get(META, headers=headers)) == "token_invalid"
    [reused] = _audited(api, "auth.refresh_reused")
    assert reused["why"] == "presented_again" and reused["revoked_logins"] == 1


def test_the_grace_is_time_limited(client: TestClient, clock: Clock) -> None:
    from cityplatform.config import PlatformSettings

    window = PlatformSettings().refresh_grace
    first = _login(client).json()
    assert _refresh(client, first["refresh_token"]).status_code == 200  # lost
    clock.advance(seconds=window.total_seconds() + 1)
    late = _refresh(client, first["refresh_token"])
    assert late.status_code == 401
    assert _error(late) == "refresh_reused"
    # just inside the window on another device it still works
    other = _login(client, device_id="laptop").json()
    assert _refresh(client, other["refresh_token"], "laptop").status_code == 200
    clock.advance(seconds=window.total_seconds() - 1)
    assert _refresh(client, other["refresh_token"], "laptop").status_code == 200


def test_the_discarded_successor_counts_as_reuse(client: TestClient) -> None:
    first = _login(client).json()
    successor = _refresh(client, first["refresh_token"]).json()  # arrives late, say
    graced = _refresh(client, first["refresh_token"]).json()
    late = _refresh(client, successor["refresh_token"])
    assert _error(late) == "refresh_reused"
    assert _error(_refresh(client, graced["refresh_token"])) == "refresh_revoked"


def test_a_stolen_refresh_token_used_after_its_owner_is_still_theft(
    client: TestClient, api: Api
) -> None:
    stolen = _login(client).json()["refresh_token"]  # copied off the laptop
    owner = _refresh(client, stolen).json()
    owner = _refresh(client, owner["refresh_token"]).json()  # the successor is used
    thief = _refresh(client, stolen)
    assert thief.status_code == 401
    assert _error(thief) == "refresh_reused"
    assert _error(_refresh(client, owner["refresh_token"])) == "refresh_revoked"
    headers = {"Authorization": f"Bearer {owner['access_token']}"}
    assert _error(client.get(META, headers=headers)) == "token_invalid"
    [reused] = _audited(api, "auth.refresh_reused")
    assert reused["why"] == "successor_used"


def test_a_used_access_token_ends_the_grace(client: TestClient, api: Api) -> None:
    stolen = _login(client).json()["refresh_token"]
    owner = _refresh(client, stolen).json()  # the owner got the answer and works with it
    headers = {"Authorization": f"Bearer {owner['access_token']}"}
    assert client.get(META, headers=headers).status_code == 200
    thief = _refresh(client, stolen)
    assert _error(thief) == "refresh_reused"
    assert _error(client.get(META, headers=headers)) == "token_invalid"
    [reused] = _audited(api, "auth.refresh_reused")
    assert reused["why"] == "successor_access_used"
