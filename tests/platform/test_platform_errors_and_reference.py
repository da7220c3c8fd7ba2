"""Error shape on every endpoint (never 500), body limits, gzip, and the reference data."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from platform_testkit import Api

from desktop.demo.city import load_city

POSTS = (
    "/api/v1/auth/login",
    "/api/v1/auth/refresh",
    "/api/v1/push",
    "/api/v1/number-blocks",
    "/api/v1/intake",
)


def _shape(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error: dict[str, Any] = response.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    return error


@pytest.mark.parametrize("path", POSTS)
def test_malformed_json_wrong_types_and_oversized_bodies(api: Api, path: str) -> None:
    headers = {**api.login("city").headers, "Content-Type": "application/json"}
    client = api.client
    _shape(client.post(path, content=b'{"a": ', headers=headers), 400, "bad_request")
    _shape(client.post(path, content=b"[1, 2]", headers=headers), 422, "invalid")
    _shape(client.post(path, content=b'"text"', headers=headers), 422, "invalid")
    wrong = client.post(path, json={"device_id": 17, "username": ["x"]}, headers=headers)
    error = _shape(wrong, 422, "invalid")
    assert error["field"]
    big = json.dumps({"padding": "x" * (5 * 1024 * 1024 + 10)}).encode()
    _shape(client.post(path, content=big, headers=headers), 413, "too_large")
    bomb = gzip.compress(big)
    _shape(
        client.post(path, content=bomb, headers={**headers, "Content-Encoding": "gzip"}),
        413,
        "too_large",
    )
    _shape(
        client.post(path, content=b"not gzip", headers={**headers, "Content-Encoding": "gzip"}),
        400,
        "bad_request",
    )


def test_gzip_request_and_response(api: Api) -> None:
    body = gzip.compress(
        json.dumps({"username": "city", "password": "demo1234", "device_id": "gz"}).encode()
    )
    response = api.client.post(
        "/api/v1/auth/login",
        content=body,
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert response.status_code == 200
    headers = {"Authorization": f"Bearer {response.json()['access_token']}"}
    pulled = api.client.get("/api/v1/pull", headers={**headers, "Accept-Encoding": "gzip"})
    assert pulled.headers["content-encoding"] == "gzip"
    assert len(pulled.json()["changes"]) == 300


def test_non_finite_numbers_are_refused_not_crashed_on(api: Api) -> None:
    login = api.login("haizhou")
    for payload in ('{"latitude": Infinity}', '{"lead_unit": NaN}', '{"days": -Infinity}'):
        action = login.action("register", "临20261127-0000FFFF")
        action["payload"] = "@PAYLOAD@"
        raw = json.dumps({"device_id": login.device_id, "actions": [action]})
        raw = raw.replace('"@PAYLOAD@"', payload)
        response = api.client.post(
            "/api/v1/push",
            content=raw.encode(),
            headers={**login.headers, "Content-Type": "application/json"},
        )
        assert response.status_code in (200, 400, 422), response.text
        if response.status_code == 200:
            assert response.json()["results"][0]["status"] == "rejected"


def test_unknown_routes_and_methods_use_the_error_shape(api: Api) -> None:
    headers = api.login("city").headers
    _shape(api.client.get("/api/v1/nothing", headers=headers), 404, "not_found")
    assert api.client.delete("/api/v1/push", headers=headers).status_code == 405
    assert "error" in api.client.delete("/api/v1/push", headers=headers).json()


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
KEYS = st.sampled_from(
    [
        "lead_unit",
        "assisting_units",
        "handle_deadline",
        "days",
        "reason",
        "note",
        "result",
        "attachments",
        "channel",
        "received_at",
        "county_code",
        "latitude",
        "description",
    ]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.sampled_from(
        [
            "register",
            "dispatch",
            "sign",
            "return",
            "request_extension",
            "approve_extension",
            "report",
            "reject",
            "urge",
            "assist_report",
            "clue.x.v9",
        ]
    ),
    payload=st.dictionaries(KEYS, JSON, max_size=5),
    code=st.sampled_from(["LYG2026000001", "LYG2025000002", "临20261127-ABCDEF01", "", "x" * 70]),
)
def test_push_never_fails_on_odd_payloads(
    api: Api, kind: str, payload: dict[str, Any], code: str
) -> None:
    login = api.login("haizhou")
    response = api.client.post(
        "/api/v1/push",
        json={"device_id": login.device_id, "actions": [login.action(kind, code, payload)]},
        headers=login.headers,
    )
    assert response.status_code in (200, 422), response.text
    if response.status_code == 200:
        (result,) = response.json()["results"]
        assert result["status"] in ("applied", "rejected")
    else:
        assert response.json()["error"]["code"] == "invalid"


def test_meta_directory_and_rules(api: Api) -> None:
    from cityplatform.db import open_database
    from cityplatform.users import import_calendar

    login = api.login("hzhb")
    meta = api.client.get("/api/v1/meta", headers=login.headers).json()
    assert meta["protocol_versions"] == [1]
    assert "clue.sign.v1" in meta["action_types"]
    assert meta["limits"] == {
        "push_batch": 500,
        "pull_page": 1000,
        "attachment_bytes": 52428800,
        "chunk_bytes": 1048576,
    }
    assert meta["server_time"] == "2026-11-27T10:00:00+08:00"
    directory = api.client.get("/api/v1/directory", headers=login.headers).json()
    city = load_city()
    assert len(directory["units"]) == len(city.units) > 200
    assert len(directory["users"]) == len(city.users) > len(city.units)
    street = next(u for u in directory["units"] if u["code"] == "320706001")
    assert street == {
        "code": "320706001",
        "name": "新海街道",
        "kind": "street",
        "parent_code": "320706",
        "county_code": "320706",
        "legal_name": "连云港市海州区新海街道办事处",
        "review_body": "连云港市海州区人民政府",
        "court": "灌南县人民法院",
    }
    zone_street = next(u for u in directory["units"] if u["code"] == "320771001")
    assert zone_street["review_body"] == "连云港市连云区人民政府"  # no 开发区人民政府
    rules = api.client.get("/api/v1/rules", headers=login.headers).json()
    assert rules["version"] == 1
    assert rules["calendar"] == []
    assert rules["rules"]["limits"]["handle_days"] == {"normal": 10, "urgent": 3, "critical": 1}
    db = open_database(api.url)
    try:
        version, years = import_calendar(
            db,
            {
                "rules": {"limits": {"return_window_days": 3}},
                "calendar": [{"year": 2027, "holidays": ["2027-01-01"], "workdays": []}],
            },
        )
    finally:
        db.dispose()
    assert (version, years) == (2, [2027])
    rules = api.client.get("/api/v1/rules", headers=login.headers).json()
    assert rules["version"] == 2
    assert rules["rules"]["limits"]["return_window_days"] == 3
    assert [y["year"] for y in rules["calendar"]] == [2027]
