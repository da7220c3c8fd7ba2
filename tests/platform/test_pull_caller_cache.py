"""The fast pull keeps every refusal immediate: a token's verified claims are kept per process,
but a logout, a revoked device, a disabled user, a moved user and an expired token are each
refused on the very next pull of a token that pulled many times before (its claims cached),
on SQLite and PostgreSQL, in process and on a served platform with two workers. A pull at the
head of the feed answers from the feed state alone, and still sees the next change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
from platform_testkit import Api, Clock, Login

from cityplatform import devices
from cityplatform.auth import CLAIMS
from cityplatform.db import Database
from cityplatform.security import TokenInvalid, issue_access_token
from cityplatform.token_cache import ClaimsCache
from cityplatform.users import disable_user, move_user

WARM = 5
"""Pulls that put a token's claims in the cache before the change under test."""


def _error(response: Any) -> str:
    code: str = response.json()["error"]["code"]
    return code


def _warm(api: Api, login: Login) -> str:
    """Pull everything, then pull at the head a few times: the cursor at the head."""
    _, cursor = api.pull_all(login)
    for _ in range(WARM):
        page = api.pull(login, cursor)
        assert page["changes"] == [] and page["more"] is False
        assert page["cursor"] == cursor
    token = login.tokens["access_token"]
    assert any(key[1] == token for key in CLAIMS._known)  # the claims are cached
    return cursor


def _pull(api: Api, login: Login, cursor: str | None = None) -> Any:
    params = {"cursor": cursor} if cursor else {}
    return api.client.get("/api/v1/pull", params=params, headers=login.headers)


def test_a_logged_out_token_is_refused_at_once(api: Api) -> None:
    login = api.login("xinhai", "office-pc")
    cursor = _warm(api, login)
    assert api.client.post("/api/v1/auth/logout", headers=login.headers).status_code == 200
    for attempt in (cursor, None):
        answer = _pull(api, login, attempt)
        assert answer.status_code == 401 and _error(answer) == "token_invalid"


def test_a_revoked_device_is_refused_at_once(api: Api, platform_db: Database) -> None:
    lost, other = api.login("haizhou", "lost-laptop"), api.login("haizhou", "office-pc")
    cursor = _warm(api, lost)
    _warm(api, other)
    assert devices.revoke(platform_db, "lost-laptop", reason="笔记本电脑丢失", by="王科长") == 1
    answer = _pull(api, lost, cursor)
    assert answer.status_code == 403 and _error(answer) == "device_revoked"
    assert api.pull(other)["changes"]  # the same user's other device still pulls


def test_a_disabled_user_is_refused_at_once(api: Api, platform_db: Database) -> None:
    login = api.login("xinhai", "office-pc")
    cursor = _warm(api, login)
    disable_user(platform_db, "xinhai")
    answer = _pull(api, login, cursor)
    assert answer.status_code == 401 and _error(answer) == "user_disabled"


def test_a_user_moved_to_another_unit_is_reset_at_once(api: Api, platform_db: Database) -> None:
    login = api.login("xinhai", "office-pc")
    before, cursor = api.pull_all(login)
    _warm(api, login)
    assert move_user(platform_db, "xinhai", "320706901") == 2
    answer = _pull(api, login, cursor)  # at the head: still checked against the new epoch
    assert answer.status_code == 410 and _error(answer) == "reset_required"
    after, fresh = api.pull_all(login)  # a pull from scratch gives the new unit's scope
    assert after and {c["clue"]["code"] for c in after} != {c["clue"]["code"] for c in before}
    meta = api.client.get("/api/v1/meta", headers=login.headers).json()
    assert meta["user"]["unit_code"] == "320706901" and meta["scope_epoch"] == 2
    assert api.pull(login, fresh)["changes"] == []


def test_an_expired_token_is_refused_though_its_claims_are_cached(api: Api, clock: Clock) -> None:
    login = api.login("xinhai", "office-pc")
    cursor = _warm(api, login)
    clock.advance(minutes=15)
    answer = _pull(api, login, cursor)
    assert answer.status_code == 401 and _error(answer) == "token_expired"


def test_a_pull_at_the_head_sees_the_next_change(api: Api) -> None:
    county, street = api.login("haizhou", "county-pc"), api.login("xinhai", "street-pc")
    code = api.register_and_dispatch(county, lead="320706001")
    cursor = _warm(api, street)
    (urged,) = api.push(county, county.action("urge", code, {"note": "请抓紧办理"}))
    assert urged["status"] == "applied", urged
    page = api.pull(street, cursor)
    assert [(c["kind"], c["clue"]["code"]) for c in page["changes"]] == [("clue", code)]
    assert page["cursor"] != cursor and page["more"] is False
    assert api.pull(street, page["cursor"])["changes"] == []


def test_a_served_platform_refuses_at_once_in_every_worker(
    platform_server: str, platform_db: Database
) -> None:
    """Two worker processes, each with its own claims cache: after many pulls of the same
    token have gone to both, a revocation is refused by whichever worker answers next."""
    session = requests.Session()
    session.headers["X-Cluedesk-Protocol"] = "1"
    login = session.post(
        f"{platform_server}/api/v1/auth/login",
        json={"username": "xinhai", "password": "demo1234", "device_id": "served-pc"},
        timeout=30,
    )
    assert login.status_code == 200, login.text
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    url = f"{platform_server}/api/v1/pull"
    cursor = None
    while True:
        page = session.get(url, params={"cursor": cursor} if cursor else {}, headers=headers)
        assert page.status_code == 200, page.text
        cursor = page.json()["cursor"]
        if not page.json()["more"]:
            break
    for _ in range(40):  # new connections each time: both workers answer some
        answer = requests.get(
            url, params={"cursor": cursor}, headers={**headers, "Connection": "close"}, timeout=30
        )
        assert answer.status_code == 200 and answer.json()["changes"] == []
    devices.revoke(platform_db, "served-pc", reason="测试", by="admin")
    for _ in range(20):
        answer = requests.get(
            url, params={"cursor": cursor}, headers={**headers, "Connection": "close"}, timeout=30
        )
        assert answer.status_code == 403 and _error(answer) == "device_revoked"


NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


def _token(secret: str, family: int = 1, device: str = "pc") -> str:
    return issue_access_token(secret, "xinhai", family, device, NOW, NOW + timedelta(minutes=15))


def test_the_claims_cache_keeps_verified_claims_only() -> None:
    cache = ClaimsCache(size=3)
    token = _token("s" * 64)
    claims = cache.claims("s" * 64, token)
    assert (claims.username, claims.family_id, claims.device_id) == ("xinhai", 1, "pc")
    assert cache.claims("s" * 64, token) is claims  # verified once
    with pytest.raises(TokenInvalid):  # the same token under another platform's secret
        cache.claims("t" * 64, token)
    head, payload, signature = token.split(".")
    forged = ".".join((head, payload, signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB")))
    with pytest.raises(TokenInvalid):
        cache.claims("s" * 64, forged)
    assert len(cache) == 1  # refusals are not kept
    for family in range(2, 6):
        cache.claims("s" * 64, _token("s" * 64, family))
    assert len(cache) == 3  # the least recently used are forgotten
    assert ("s" * 64, token) not in cache._known
