"""Pull: pagination in sequence order, end marker, cursors, reset_required."""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from typing import Any

from platform_testkit import Api, Clock
from sqlalchemy import func, select

from cityplatform.models import Clue


def _codes(changes: list[dict[str, Any]]) -> list[str]:
    return [c["clue"]["code"] if c["kind"] == "clue" else c["clue_code"] for c in changes]


def test_pages_join_to_the_whole_scope_in_seq_order(api: Api, platform_db: Any) -> None:
    city = api.login("city")
    with platform_db.read() as session:
        everything = set(session.scalars(select(Clue.code)))
    pages: list[list[dict[str, Any]]] = []
    cursor = None
    while True:
        page = api.pull(city, cursor, limit=7)
        pages.append(page["changes"])
        assert len(page["changes"]) <= 7
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert all(len(p) == 7 for p in pages[:-1])
    seqs = [c["seq"] for p in pages for c in p]
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))
    assert set(_codes([c for p in pages for c in p])) == everything
    for change in (c for p in pages for c in p):
        assert change["clue"]["version"] == change["seq"]
    empty = api.pull(city, cursor)
    assert empty == {"changes": [], "cursor": cursor, "more": False}


def test_a_clue_changed_while_paging_comes_once_per_page_with_its_newest_state(
    api: Api,
) -> None:
    county, city = api.login("haizhou"), api.login("city")
    code = api.register_and_dispatch(county)
    first = api.pull(city, limit=100)
    assert code not in _codes(first["changes"])
    urged = api.push(county, county.action("urge", code, {"note": "快"}))[0]
    rest, _ = api.pull_all(city, first["cursor"], limit=1000)
    mine = [c for c in rest if c["kind"] == "clue" and c["clue"]["code"] == code]
    assert len(mine) == 1
    assert mine[0]["seq"] == urged["seq"]
    assert mine[0]["clue"]["events"][-1]["action"] == "urge"


def test_limits_and_malformed_parameters(api: Api) -> None:
    city = api.login("city")
    client = api.client
    assert len(api.pull(city, limit=5000)["changes"]) == 300  # clamped to 1000
    assert len(api.pull(city)["changes"]) == 300  # default 500
    for params in ({"limit": "0"}, {"limit": "abc"}, {"cursor": "!!!"}, {"cursor": "e30"}):
        response = client.get("/api/v1/pull", params=params, headers=city.headers)
        assert response.status_code == 400, params
        assert response.json()["error"]["code"] == "bad_request"


def _forged(cursor: str, **changes: Any) -> str:
    data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    data.update(changes)
    raw = json.dumps(data).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def test_reset_required_for_another_epoch_instance_or_future(api: Api) -> None:
    from cityplatform.db import open_database
    from cityplatform.users import move_user

    street = api.login("xinhai")
    _, cursor = api.pull_all(street)
    for forged in (_forged(cursor, i="another"), _forged(cursor, s=10**9)):
        response = api.client.get("/api/v1/pull", params={"cursor": forged}, headers=street.headers)
        assert response.status_code == 410
        assert response.json()["error"]["code"] == "reset_required"
    db = open_database(api.url)
    try:
        assert move_user(db, "xinhai", "320706901") == 2
    finally:
        db.dispose()
    response = api.client.get("/api/v1/pull", params={"cursor": cursor}, headers=street.headers)
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "reset_required"
    meta = api.client.get("/api/v1/meta", headers=street.headers).json()
    assert meta["scope_epoch"] == 2
    assert meta["user"]["unit_code"] == "320706901"
    changes, fresh = api.pull_all(street)
    assert changes and all(c["kind"] == "clue" for c in changes)
    assert api.pull(street, fresh)["changes"] == []


def test_old_cursor_below_the_retention_horizon(api: Api, clock: Clock, platform_db: Any) -> None:
    from cityplatform.state import prune_tombstones

    county, street = api.login("haizhou"), api.login("xinhai")
    code = api.register_and_dispatch(county)
    _, old = api.pull_all(street)
    api.push(county, county.action("dispatch", code, {"lead_unit": "320706002"}))
    changes, recent = api.pull_all(street, old)
    assert [c["kind"] for c in changes] == ["tombstone"]
    with platform_db.write() as session:
        removed, _ = prune_tombstones(session, clock() + timedelta(days=200))
        session.commit()
    assert removed == 1
    response = api.client.get("/api/v1/pull", params={"cursor": old}, headers=street.headers)
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "reset_required"
    assert api.pull(street, recent)["changes"] == []


def test_seeded_versions_are_one_to_n(platform_db: Any) -> None:
    with platform_db.read() as session:
        low, high, count = session.execute(
            select(func.min(Clue.seq), func.max(Clue.seq), func.count())
        ).one()
    assert (low, high, count) == (1, 300, 300)
