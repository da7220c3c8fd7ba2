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
    again = _put(api, county, sha, 0, len(data), b"")
    assert again.status_code == 200
    assert again.json() == {"received": len(data), "complete": True}
    assert len(_stored(tmp_path)) == 1


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
        street.action(
            "report",
            code,
            {"result": "已整改", "attachments": [{"sha256": sha, "name": "整改报告.pdf"}]},
        ),
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
    assert outsider.status_code == 403
