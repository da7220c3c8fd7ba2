"""Attachments: resumable chunked upload, offset mismatch, digest check, dedup, Range."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from platform_testkit import Api, Login

CHUNK = 1024 * 1024


def _put(api: Api, login: Login, sha: str, offset: int, size: int, data: bytes) -> Any:
    return api.client.put(
        f"/api/v1/attachments/{sha}",
        params={"offset": offset, "size": size},
        content=data,
        headers={**login.headers, "Content-Type": "application/octet-stream"},
    )


def _status(api: Api, login: Login, sha: str) -> dict[str, Any]:
    response = api.client.get(f"/api/v1/attachments/{sha}/status", headers=login.headers)
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def _file(size: int, seed: int = 1) -> tuple[bytes, str]:
    data = bytes((i * 31 + seed) % 251 for i in range(size))
    return data, hashlib.sha256(data).hexdigest()


def _stored(tmp_path: Path) -> list[Path]:
    root = tmp_path / "files" / "attachments"
    return [p for p in root.rglob("*") if p.is_file() and "partial" not in p.parts]


def _partial(tmp_path: Path) -> list[Path]:
    root = tmp_path / "files" / "attachments" / "partial"
    return [p for p in root.rglob("*") if p.is_file()]


def test_resume_after_interruption_then_download_with_range(api: Api, tmp_path: Path) -> None:
    street = api.login("xinhai")
    data, sha = _file(2 * CHUNK + 1000)
    assert _status(api, street, sha) == {"received": 0, "size": None, "complete": False}
    first = _put(api, street, sha, 0, len(data), data[:CHUNK])
    assert first.json() == {"received": CHUNK, "complete": False}
    # the connection dropped; the client asks where to resume
    assert _status(api, street, sha) == {"received": CHUNK, "size": len(data), "complete": False}
    second = _put(api, street, sha, CHUNK, len(data), data[CHUNK : 2 * CHUNK])
    assert second.json()["received"] == 2 * CHUNK
    last = _put(api, street, sha, 2 * CHUNK, len(data), data[2 * CHUNK :])
    assert last.json() == {"received": len(data), "complete": True}
    assert _status(api, street, sha)["complete"] is True
    whole = api.client.get(f"/api/v1/attachments/{sha}", headers=street.headers)
    assert whole.status_code == 200
    assert whole.content == data
    part = api.client.get(
        f"/api/v1/attachments/{sha}", headers={**street.headers, "Range": "bytes=100-199"}
    )
    assert part.status_code == 206
    assert part.content == data[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(data)}"
    assert len(_stored(tmp_path)) == 1


def test_offset_mismatch_answers_what_the_platform_has(api: Api) -> None:
    street = api.login("xinhai")
    data, sha = _file(3000)
    assert _put(api, street, sha, 0, len(data), data[:1000]).status_code == 200
    ahead = _put(api, street, sha, 2000, len(data), data[2000:])
    assert ahead.status_code == 409
    body = ahead.json()
    assert body["error"]["code"] == "offset_mismatch"
    assert body["error"]["received"] == body["received"] == 1000
    behind = _put(api, street, sha, 500, len(data), data[500:1500])
    assert behind.status_code == 409
    fresh = _put(api, street, "0" * 64, 10, 100, b"x" * 90)
    assert fresh.status_code == 409
    assert fresh.json()["received"] == 0


def test_corrupt_upload_is_discarded_with_digest_mismatch(api: Api, tmp_path: Path) -> None:
    street = api.login("xinhai")
    data, sha = _file(5000)
    corrupt = bytearray(data)
    corrupt[4000] ^= 0xFF
    assert _put(api, street, sha, 0, len(data), bytes(corrupt[:2500])).status_code == 200
    response = _put(api, street, sha, 2500, len(data), bytes(corrupt[2500:]))
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "digest_mismatch"
    assert _status(api, street, sha) == {"received": 0, "size": None, "complete": False}
    assert _stored(tmp_path) == []
    assert _put(api, street, sha, 0, len(data), data).json()["complete"] is True


def test_same_file_is_stored_once(api: Api, tmp_path: Path) -> None:
    street, county = api.login("xinhai"), api.login("haizhou")
    data, sha = _file(4096, seed=9)
    assert _put(api, street, sha, 0, len(data), data).json()["complete"] is True
    # The uploading device may cite it already: answered complete at once.
    again = _put(api, street, sha, 0, len(data), b"")
    assert again.status_code == 200
    assert again.json() == {"received": len(data), "complete": True}
    # Knowing the digest is not enough: the county must send every byte (proof of possession).
    known = _put(api, county, sha, 0, len(data), b"")
    assert known.json() == {"received": 0, "complete": False}
    assert _put(api, county, sha, 0, len(data), data).json() == {
        "received": len(data),
        "complete": True,
    }
    assert len(_stored(tmp_path)) == 1
    assert _partial(tmp_path) == []


def test_limits_and_bad_parameters(api: Api) -> None:
    street = api.login("xinhai")
    data, sha = _file(10)
    too_big = _put(api, street, sha, 0, 50 * CHUNK + 1, data)
    assert too_big.status_code == 413
    assert too_big.json()["error"]["code"] == "too_large"
    chunk = _put(api, street, "1" * 64, 0, 2 * CHUNK, b"x" * (CHUNK + 1))
    assert chunk.status_code == 413
    assert _put(api, street, "not-a-digest", 0, 10, data).status_code == 400
    missing = api.client.put(f"/api/v1/attachments/{sha}", content=data, headers=street.headers)
    assert missing.status_code == 400
    assert missing.json()["error"]["field"] == "offset"
    over = _put(api, street, sha, 0, 5, data)
    assert over.status_code == 422
    assert api.client.get(f"/api/v1/attachments/{sha}", headers=street.headers).status_code == 404


def test_attachments_of_actions_appear_on_the_clue(api: Api) -> None:
    county, street, other = api.login("haizhou"), api.login("xinhai"), api.login("u320703d")
    code = api.register_and_dispatch(county)
    data, sha = _file(2000, seed=3)
    data = b"%PDF-1.4\n" + data
    sha = hashlib.sha256(data).hexdigest()
    assert _put(api, street, sha, 0, len(data), data).json()["complete"] is True
    signed, reported = api.push(
        street,
        street.action("sign", code),
        _report(street, code, sha, "整改报告.pdf"),
    )
    assert reported["status"] == "applied", reported
    clue = api.clue(street, code)
    assert clue is not None
    (attachment,) = clue["attachments"]
    assert attachment["sha256"] == sha
    assert attachment["name"] == "整改报告.pdf"
    assert attachment["size"] == len(data)
    assert attachment["media_type"] == "application/pdf"
    assert attachment["added_by"] == "xinhai"
    pulled, _ = api.pull_all(county)
    mine = [c for c in pulled if c["kind"] == "clue" and c["clue"]["code"] == code]
    assert mine[0]["clue"]["attachments"][0]["sha256"] == sha
    assert api.client.get(f"/api/v1/attachments/{sha}", headers=county.headers).content == data
    outsider = api.client.get(f"/api/v1/attachments/{sha}", headers=other.headers)
    assert outsider.status_code == 404  # as for an unknown digest: existence is not told
    assert outsider.json()["error"]["code"] == "not_found"


# ---------------------------------------------------------------- attachments scoped like clues

UNKNOWN = {"received": 0, "size": None, "complete": False}
"""The status of a file the caller has not uploaded and may not cite."""


def _upload(api: Api, login: Login, data: bytes, chunk: int = CHUNK) -> str:
    """Upload all of `data` from `login`'s device; its digest."""
    sha = hashlib.sha256(data).hexdigest()
    for offset in range(0, max(len(data), 1), chunk):
        answer = _put(api, login, sha, offset, len(data), data[offset : offset + chunk])
        assert answer.status_code == 200, answer.text
    assert answer.json() == {"received": len(data), "complete": True}
    return sha


def _download(api: Api, login: Login, sha: str) -> Any:
    return api.client.get(f"/api/v1/attachments/{sha}", headers=login.headers)


def _report(login: Login, code: str, sha: str, name: str = "现场照片.jpg") -> dict[str, Any]:
    evidence = [{"sha256": sha, "name": name}]
    report = {
        "result": "已整改",
        "finding": "true",
        "measures": "责令整改",
        "attachments": evidence,
    }
    return login.action("report", code, report)


def _not_found(response: Any) -> None:
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_foreign_digest_is_neither_readable_nor_citable(api: Api) -> None:
    county = api.login("haizhou")
    owner, other = api.login("xinhai"), api.login("u320706002h")
    mine = api.register_and_dispatch(county, lead="320706001")
    theirs = api.register_and_dispatch(county, lead="320706002")
    data, _ = _file(3000, seed=21)
    sha = _upload(api, owner, data)
    signed, reported = api.push(owner, owner.action("sign", mine), _report(owner, mine, sha))
    assert reported["status"] == "applied", reported

    # Another township that learned the digest: reading it answers as for an unknown file.
    unknown = "e" * 64
    _not_found(_download(api, other, sha))
    assert _download(api, other, sha).json() == _download(api, other, unknown).json()
    # Citing it on its own clue is refused, naming the attachments, like a missing file.
    sign, cite = api.push(other, other.action("sign", theirs), _report(other, theirs, sha))
    assert sign["status"] == "applied", sign
    assert (cite["status"], cite["code"], cite["field"]) == (
        "rejected",
        "attachment_missing",
        "attachments",
    )
    assert "现场照片.jpg" in cite["reason"]
    missing = api.push(other, _report(other, theirs, unknown))[0]
    assert (missing["code"], missing["field"], missing["reason"]) == (
        "attachment_missing",
        "attachments",
        cite["reason"],
    )  # the same answer: a push tells nothing of whether a digest exists
    clue = api.clue(other, theirs)
    assert clue is not None and clue["attachments"] == []
    _not_found(_download(api, other, sha))
    # Claiming it by its digest alone (an empty upload) proves nothing.
    assert _put(api, other, sha, 0, len(data), b"").json() == {"received": 0, "complete": False}
    _not_found(_download(api, other, sha))

    # The owner and whoever sees the owner's clue still read it.
    assert _download(api, owner, sha).content == data
    assert _download(api, county, sha).content == data
    assert _status(api, county, sha) == {"received": len(data), "size": len(data), "complete": True}

    # Whoever really holds the file proves it by sending all of it, then may cite it.
    bad = bytearray(data)
    bad[-1] ^= 0xFF
    refused = _put(api, other, sha, 0, len(data), bytes(bad))
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "digest_mismatch"
    _not_found(_download(api, other, sha))
    assert _upload(api, other, data) == sha
    cited = api.push(other, _report(other, theirs, sha))[0]
    assert cited["status"] == "applied", cited
    assert _download(api, other, sha).content == data


def test_another_device_cannot_hijack_an_upload_in_progress(api: Api, tmp_path: Path) -> None:
    owner = api.login("xinhai")
    data, sha = _file(3 * CHUNK + 500, seed=22)
    assert _put(api, owner, sha, 0, len(data), data[:CHUNK]).json() == {
        "received": CHUNK,
        "complete": False,
    }
    attackers = [
        api.login("u320706002h"),
        # the owner's device id (history entries show it), under another account
        api.login("u320706002h", device_id=owner.device_id),
        api.login("xinhai", device_id="dev-xinhai-laptop"),  # the same user on another device
    ]
    for attacker in attackers:
        # Restarting "the" upload with another size starts the attacker's own upload only.
        hijack = _put(api, attacker, sha, 0, len(data) + 7, b"x" * 100)
        assert hijack.status_code == 200, hijack.text
        assert hijack.json() == {"received": 100, "complete": False}
        assert _status(api, attacker, sha) == {
            "received": 100,
            "size": len(data) + 7,
            "complete": False,
        }
        # Chunks at the owner's offset do not land in the owner's upload either.
        assert _put(api, attacker, sha, CHUNK, len(data), b"y" * 10).status_code == 422
    assert _status(api, owner, sha) == {"received": CHUNK, "size": len(data), "complete": False}
    # The owner carries on where it was and completes.
    for offset in range(CHUNK, len(data), CHUNK):
        answer = _put(api, owner, sha, offset, len(data), data[offset : offset + CHUNK])
        assert answer.status_code == 200, answer.text
    assert answer.json() == {"received": len(data), "complete": True}
    assert _download(api, owner, sha).content == data
    assert len(_stored(tmp_path)) == 1
    # The attackers' own uploads are still theirs: none may cite the file; the other
    # township may not read it either (the uploading user may, from any device).
    for attacker in attackers:
        assert _status(api, attacker, sha)["complete"] is False
    for attacker in attackers[:2]:
        _not_found(_download(api, attacker, sha))


def test_status_tells_only_about_the_callers_own_upload(api: Api) -> None:
    owner = api.login("xinhai")
    others = [
        api.login("u320706002h"),
        api.login("haizhou"),
        api.login("city"),
        api.login("xinhai", device_id="dev-xinhai-laptop"),
    ]
    data, sha = _file(2 * CHUNK + 10, seed=23)
    unknown = "f" * 64
    assert _put(api, owner, sha, 0, len(data), data[:CHUNK]).status_code == 200
    for other in others:  # a foreign upload in progress looks like no file at all
        assert _status(api, other, sha) == UNKNOWN == _status(api, other, unknown)
    assert _status(api, owner, sha) == {"received": CHUNK, "size": len(data), "complete": False}
    for offset in (CHUNK, 2 * CHUNK):
        _put(api, owner, sha, offset, len(data), data[offset : offset + CHUNK])
    assert _status(api, owner, sha) == {"received": len(data), "size": len(data), "complete": True}
    for other in others:  # complete but cited nowhere they see: still nothing
        assert _status(api, other, sha) == UNKNOWN
    for other in others[:-1]:
        _not_found(_download(api, other, sha))
    # The uploading user reads it from another device, but cites it only from a device
    # that uploaded it.
    laptop = others[-1]
    assert _download(api, laptop, sha).content == data
    # Once cited on a clue the county sees, the county is told it is complete (and may cite it).
    county = others[1]
    code = api.register_and_dispatch(county, lead="320706001")
    applied = api.push(owner, owner.action("sign", code), _report(owner, code, sha))
    assert [r["status"] for r in applied] == ["applied", "applied"], applied
    assert _status(api, county, sha) == {"received": len(data), "size": len(data), "complete": True}
    assert _put(api, county, sha, 0, len(data), b"").json() == {
        "received": len(data),
        "complete": True,
    }
    assert _status(api, others[0], sha) == UNKNOWN  # the other township still sees nothing


def test_a_one_chunk_upload_with_the_wrong_content_is_422_digest_mismatch(
    api: Api, tmp_path: Path
) -> None:
    street = api.login("xinhai")
    data, sha = _file(2000, seed=24)
    wrong = _put(api, street, sha, 0, len(data), data[:-1] + b"!")
    assert wrong.status_code == 422
    body = wrong.json()
    assert body["error"]["code"] == "digest_mismatch"
    assert body["error"]["field"] == "sha256"
    assert "SHA-256" in body["error"]["message"]
    assert _status(api, street, sha) == UNKNOWN
    assert _stored(tmp_path) == [] and _partial(tmp_path) == []
    assert _upload(api, street, data) == sha
    assert _download(api, street, sha).content == data


def test_a_bad_range_is_answered_in_the_protocols_json(api: Api) -> None:
    street = api.login("xinhai")
    data, _ = _file(1000, seed=25)
    sha = _upload(api, street, data)
    for header in ("bytes=abc", "items=0-10", "bytes=20-10", "nonsense"):
        answer = api.client.get(
            f"/api/v1/attachments/{sha}", headers={**street.headers, "Range": header}
        )
        assert answer.status_code == 400, (header, answer.text)
        assert answer.headers["content-type"].startswith("application/json")
        assert answer.json()["error"]["code"] == "bad_request"
        assert answer.json()["error"]["field"] == "Range"
    beyond = api.client.get(
        f"/api/v1/attachments/{sha}", headers={**street.headers, "Range": "bytes=5000-"}
    )
    assert beyond.status_code == 416
    assert beyond.json()["error"]["code"] == "range_not_satisfiable"
    assert beyond.headers["content-range"] == "bytes */1000"
    # A Range that does not match If-Range is ignored: the whole file, as before.
    stale = api.client.get(
        f"/api/v1/attachments/{sha}",
        headers={**street.headers, "Range": "bytes=abc", "If-Range": '"other"'},
    )
    assert stale.status_code == 200 and stale.content == data
    tail = api.client.get(
        f"/api/v1/attachments/{sha}", headers={**street.headers, "Range": "bytes=-10"}
    )
    assert tail.status_code == 206 and tail.content == data[-10:]


def test_a_file_uploaded_before_per_device_uploads_keeps_its_uploaders_rights(
    api: Api, platform_db: Any, tmp_path: Path, clock: Any
) -> None:
    from cityplatform.models import Attachment, AttachmentHolder

    data, sha = _file(1500, seed=26)
    target = tmp_path / "files" / "attachments" / sha[:2] / sha
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    with platform_db.write() as session:  # what the migration leaves of an old upload
        session.add(
            Attachment(
                sha256=sha,
                size=len(data),
                received=len(data),
                complete=True,
                media_type="application/octet-stream",
                uploaded_by="xinhai",
                created_at=clock(),
                completed_at=clock(),
            )
        )
        session.flush()
        legacy = AttachmentHolder(sha256=sha, username="xinhai", device_id="", proved_at=clock())
        session.add(legacy)
        session.commit()
    county = api.login("haizhou")
    street, other = api.login("xinhai", device_id="dev-xinhai-new"), api.login("u320706002h")
    assert _status(api, street, sha)["complete"] is True
    assert _download(api, street, sha).content == data
    code = api.register_and_dispatch(county, lead="320706001")
    applied = api.push(street, street.action("sign", code), _report(street, code, sha))
    assert [r["status"] for r in applied] == ["applied", "applied"], applied
    assert _status(api, other, sha) == UNKNOWN
    _not_found(_download(api, other, sha))


def test_the_migration_carries_old_uploads_over(platform_db_url: str) -> None:
    from alembic import command
    from sqlalchemy import text

    from cityplatform.db import open_database
    from cityplatform.migrate import alembic_config, upgrade_if_needed

    db = open_database(platform_db_url)
    try:
        config = alembic_config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0002")
        insert = text(
            "INSERT INTO attachments (sha256, size, received, complete, media_type, "
            "uploaded_by, created_at, completed_at) VALUES "
            "(:sha, 10, :received, :complete, 'image/png', :user, :at, :done)"
        )
        with db.engine.begin() as connection:
            connection.execute(
                insert,
                [
                    {"sha": "a" * 64, "received": 10, "complete": True, "user": "xinhai",
                     "at": "2026-11-20 09:00:00", "done": "2026-11-20 09:01:00"},
                    {"sha": "b" * 64, "received": 4, "complete": False, "user": "haizhou",
                     "at": "2026-11-20 09:00:00", "done": None},
                ],
            )  # fmt: skip
        assert upgrade_if_needed(db.engine) is True
        with db.engine.connect() as connection:
            holders = connection.execute(
                text("SELECT sha256, username, device_id FROM attachment_holders")
            ).all()
            left = connection.execute(text("SELECT sha256 FROM attachments")).scalars().all()
            uploads = connection.execute(text("SELECT COUNT(*) FROM attachment_uploads")).scalar()
        assert [tuple(h) for h in holders] == [("a" * 64, "xinhai", "")]
        assert left == ["a" * 64]  # the unfinished shared upload is dropped (sent again)
        assert uploads == 0
    finally:
        db.dispose()


def test_devices_finishing_the_same_file_at_once_all_complete(api: Api, tmp_path: Path) -> None:
    import threading

    logins = [api.login("xinhai", f"dev-xinhai-{i}") for i in range(3)]
    logins += [api.login("haizhou", f"dev-haizhou-{i}") for i in range(3)]
    for round_ in range(3):
        data, sha = _file(5000, seed=30 + round_)
        for login in logins:
            assert _put(api, login, sha, 0, len(data), data[:4000]).status_code == 200
        answers: list[Any] = []

        def finish(login: Login, data: bytes, sha: str, answers: list[Any]) -> None:
            answers.append(_put(api, login, sha, 4000, len(data), data[4000:]))

        threads = [
            threading.Thread(target=finish, args=(login, data, sha, answers)) for login in logins
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [(a.status_code, a.json()["complete"]) for a in answers] == [(200, True)] * 6
        for login in logins:
            assert _status(api, login, sha)["complete"] is True
    assert len(_stored(tmp_path)) == 3
    assert _partial(tmp_path) == []
