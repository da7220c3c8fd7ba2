"""The first-sync snapshot on the platform: the offer, the cache (same feed position → same
file, moved feed → rebuilt), Range downloads, scope and masking in the file's bytes, and a
feed that moves during a build."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from platform_testkit import DRAFT, Api, Login
from test_platform_masking import MASKED_NAME, MASKED_PHONE, NAME, PHONE, _setup

from cityplatform.context import platform_of
from cityplatform.domainmap import unit_info
from cityplatform.models import Unit, User
from cityplatform.pull import Cursor
from cityplatform.scope import Viewer
from cityplatform.snapshot_build import folder_of, scope_key, snapshot_of
from cityplatform.state import CHANGE_SEQ, INSTANCE_ID, counter_value, get_setting
from desktop.domain.codes import Role
from desktop.wire.snapshot import CLUE_COLUMNS, ITEM_COLUMNS, read_facts


def offer(api: Api, login: Login, min_clues: int = 0) -> dict[str, Any]:
    """GET /snapshot as `login`."""
    response = api.client.get(
        "/api/v1/snapshot", params={"min_clues": min_clues}, headers=login.headers
    )
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def download(api: Api, login: Login, snapshot_id: str, **headers: str) -> Any:
    """GET /snapshots/{id} as `login`."""
    return api.client.get(f"/api/v1/snapshots/{snapshot_id}", headers={**login.headers, **headers})


def codes_in(path: Path) -> set[str]:
    """The clue codes a snapshot file holds."""
    db = sqlite3.connect(path)
    try:
        return {str(code).strip('"') for (code,) in db.execute("SELECT code FROM clues")}
    finally:
        db.close()


def saved(tmp_path: Path, body: bytes) -> Path:
    """A downloaded snapshot written to a file."""
    path = tmp_path / f"{uuid.uuid4().hex}.sqlite3"
    path.write_bytes(body)
    return path


def test_the_offer_names_a_file_whose_digest_size_and_cursor_match(
    api: Api, tmp_path: Path
) -> None:
    city = api.login("city")
    made = offer(api, city)
    assert made["available"] and made["format"] == 1
    response = download(api, city, made["id"])
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.sqlite3"
    body = response.content
    assert len(body) == made["size"]
    assert hashlib.sha256(body).hexdigest() == made["sha256"]
    path = saved(tmp_path, body)
    db = sqlite3.connect(path)
    facts = read_facts(db)
    columns = [row[1] for row in db.execute("PRAGMA table_info(clues)")]
    events = [row[1] for row in db.execute("PRAGMA table_info(events)")]
    db.close()
    assert columns == ["ordinal", *CLUE_COLUMNS]  # the columns come from ClueOut
    assert events == ["ordinal", "position", *ITEM_COLUMNS["events"]]
    assert facts.clues == made["clues"] == len(codes_in(path))
    cursor = Cursor.decode(made["cursor"])
    assert cursor.seq == facts.seq and cursor.base is None
    # The file's position is the feed head: pulling on from it brings nothing.
    page = api.pull(city, made["cursor"])
    assert page["changes"] == [] and not page["more"]
    # Every clue of a pull from scratch is in the file, and no other.
    changes, _ = api.pull_all(city)
    assert codes_in(path) == {c["clue"]["code"] for c in changes if c["kind"] == "clue"}


def test_a_small_scope_gets_no_snapshot(api: Api) -> None:
    township = api.login("xinhai")
    made = offer(api, township, min_clues=1_000_000)
    assert made["available"] is False and made["clues"] > 0
    assert "id" not in made and "cursor" not in made  # nothing was built


def test_the_same_feed_position_serves_the_same_file_and_a_moved_feed_rebuilds(
    api: Api, client: Any
) -> None:
    city, county = api.login("city"), api.login("haizhou")
    first = offer(api, city)
    folder = folder_of(platform_of(client).data_dir)
    path = folder / f"{first['id']}.sqlite3"
    built_at = path.stat().st_mtime_ns
    again = offer(api, city)
    assert again == first and path.stat().st_mtime_ns == built_at  # served from the cache
    # Another device (any user of the same unit and role) gets the same file.
    other = api.login("city", device_id="another-device")
    assert offer(api, other)["id"] == first["id"]

    register = county.action("register", f"临SNAP-{uuid.uuid4().hex[:6]}", DRAFT)
    (result,) = api.push(county, register)
    assert result["status"] == "applied"
    moved = offer(api, city)
    assert moved["id"] != first["id"] and moved["sha256"] != first["sha256"]
    assert moved["clues"] == first["clues"] + 1
    assert Cursor.decode(moved["cursor"]).seq == result["seq"]
    # The file before stays for a download under way; no half-written file is ever listed.
    assert path.exists()
    assert not list(folder.glob("*.tmp"))


def test_range_requests_resume_a_download(api: Api) -> None:
    city = api.login("city")
    made = offer(api, city)
    whole = download(api, city, made["id"]).content
    part = download(api, city, made["id"], Range="bytes=1000-")
    assert part.status_code == 206
    assert part.headers["content-range"] == f"bytes 1000-{len(whole) - 1}/{len(whole)}"
    assert whole[:1000] + part.content == whole
    beyond = download(api, city, made["id"], Range=f"bytes={len(whole) + 5}-")
    assert beyond.status_code == 416
    assert beyond.json()["error"]["code"] == "range_not_satisfiable"


def test_a_snapshot_is_served_only_to_its_scope(api: Api) -> None:
    city, township = api.login("city"), api.login("xinhai")
    made = offer(api, city)
    refused = download(api, township, made["id"])
    assert refused.status_code == 404
    assert refused.json()["error"]["code"] == "not_found"
    unknown = download(api, city, "0123456789abcdef-1")
    assert unknown.status_code == 404


def test_a_townships_snapshot_holds_only_its_clues(api: Api, tmp_path: Path) -> None:
    township = api.login("xinhai")
    made = offer(api, township)
    path = saved(tmp_path, download(api, township, made["id"]).content)
    changes, _ = api.pull_all(township)
    mine = {c["clue"]["code"] for c in changes if c["kind"] == "clue"}
    city_changes, _ = api.pull_all(api.login("city"))
    assert 0 < len(mine) < len(city_changes)
    assert codes_in(path) == mine


def test_the_file_of_a_role_that_must_not_see_reporters_does_not_hold_them(
    api: Api, tmp_path: Path
) -> None:
    setup = _setup(api)
    for username, unmasked in (("u320706002h", False), ("hzjw", False), ("xinhai", True)):
        login = api.login(username)
        made = offer(api, login)
        body = download(api, login, made["id"]).content
        assert setup.code.encode() in body
        if unmasked:
            assert NAME.encode() in body and PHONE.encode() in body
        else:  # the raw bytes of the file: nowhere, not in the history's details either
            assert NAME.encode() not in body and PHONE.encode() not in body
            assert MASKED_NAME.encode() in body and MASKED_PHONE.encode() in body


def test_a_feed_moving_during_the_build_does_not_enter_the_file(
    api: Api, client: Any, tmp_path: Path
) -> None:
    """The position and the rows are read in one snapshot of the database: a change
    committed while the file is built is after its cursor, and comes by pull."""
    city, county = api.login("city"), api.login("haizhou")
    platform = platform_of(client)
    with platform.db.read() as session:
        user = session.get(User, "city")
        assert user is not None
        unit = session.get(Unit, user.unit_code)
        viewer = Viewer(user.username, Role(user.role), unit_info(unit))
        epoch = user.scope_epoch
    with platform.db.snapshot() as session:
        head = counter_value(session, CHANGE_SEQ)
        instance = get_setting(session, INSTANCE_ID)
        register = county.action("register", f"临MOVE-{uuid.uuid4().hex[:6]}", DRAFT)
        (result,) = api.push(county, register)  # committed while the build reads
        assert result["status"] == "applied" and result["seq"] > head
        built = snapshot_of(session, viewer, platform.data_dir, head, instance)
    assert built.facts.seq == head
    assert result["clue_code"] not in codes_in(built.path)
    cursor = Cursor(built.facts.seq, epoch, built.facts.instance).encode()
    page = api.pull(city, cursor)
    assert [c["clue"]["code"] for c in page["changes"]] == [result["clue_code"]]


def _viewer_of(client: Any, username: str) -> Viewer:
    platform = platform_of(client)
    with platform.db.read() as session:
        user = session.get(User, username)
        assert user is not None
        unit = session.get(Unit, user.unit_code)
        return Viewer(user.username, Role(user.role), unit_info(unit))


def test_while_another_worker_builds_the_scope_the_offer_says_preparing(
    api: Api, client: Any
) -> None:
    """A large scope takes minutes to build: the offer does not hold the request that long.
    While the scope's first file is being built (here: by another worker, by its marker) the
    answer is "preparing" with when to ask again; then the file is offered."""
    platform = platform_of(client)
    folder = folder_of(platform.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f".{scope_key(_viewer_of(client, 'city'))}.building"
    marker.touch()
    city = api.login("city")
    waiting = offer(api, city)
    assert waiting["preparing"] and not waiting["available"]
    assert waiting["retry_after"] > 0 and waiting["clues"] > 0 and waiting.get("id") is None
    marker.unlink()  # the other worker is done (without a file: it failed)
    made = offer(api, city)
    assert made["available"] and not made.get("preparing")


def test_a_moved_feed_is_offered_the_newest_kept_file_while_the_new_one_builds(
    api: Api, client: Any
) -> None:
    """A file of an older position is still a sound start: the pull goes on from its cursor."""
    city, county = api.login("city"), api.login("haizhou")
    first = offer(api, city)
    assert first["available"]
    (result,) = api.push(county, county.action("register", f"临NEW-{uuid.uuid4().hex[:6]}", DRAFT))
    assert result["status"] == "applied"
    folder = folder_of(platform_of(client).data_dir)
    marker = folder / f".{scope_key(_viewer_of(client, 'city'))}.building"
    marker.touch()  # the build at the new head is under way elsewhere
    try:
        kept = offer(api, city)
    finally:
        marker.unlink()
    assert kept["available"] and kept["id"] == first["id"]
    page = api.pull(city, kept["cursor"])
    assert result["clue_code"] in [c["clue"]["code"] for c in page["changes"]]
    assert offer(api, city)["id"] != first["id"]  # built now at the head
