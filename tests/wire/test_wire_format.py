"""The wire format is defined once: both sides use it, the platform's OpenAPI comes from it,
and its records match what the domain and the stores hold."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from cityplatform import models as platform_models
from cityplatform.app import create_app
from desktop.domain.notice_content import NoticeContent
from desktop.domain.notices import NoticeKind, NoticeState, NoticeStatus
from desktop.store import models as store_models
from desktop.store.sync_apply.parse import VALUE_FIELDS
from desktop.wire.base import WireError, error_path, parse_wire
from desktop.wire.payloads import CluePayload
from desktop.wire.records import ClueOut, NoticeOut, PullPage
from desktop.wire.reference import LoginRequest
from desktop.wire.sync import PushAnswer, PushRequest
from desktop.wire.text import canonical_json

ERROR_REF = "#/components/schemas/ErrorBody"


@pytest.fixture(scope="module")
def openapi(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder: Path = tmp_path_factory.mktemp("openapi")
    app = create_app(f"sqlite:///{folder / 'platform.sqlite3'}", data_dir=folder / "files")
    return app.openapi()


def _operations(openapi: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, item in openapi["paths"].items()
        for method, operation in item.items()
    ]


FILE_DOWNLOADS = ("/attachments/{sha256}", "/snapshots/{snapshot_id}")
"""The operations whose success answer is a file (an attachment, a first-sync snapshot)."""


def test_every_success_body_is_a_wire_model(openapi: dict[str, Any]) -> None:
    for method, path, operation in _operations(openapi):
        success = [code for code in operation["responses"] if code.startswith("2")]
        assert success, f"{method} {path}: no success answer documented"
        for code in success:
            content = operation["responses"][code].get("content", {})
            if path.endswith(FILE_DOWNLOADS) and method == "GET":  # a file, not JSON
                assert [c["schema"]["format"] for c in content.values()] == ["binary"], path
                continue
            schema = content["application/json"]["schema"]
            assert "$ref" in schema, f"{method} {path} {code}: {schema}"


WITHOUT_TOKEN = frozenset({"/api/v1/devices/wiped"})
"""Operations outside /auth that take no token: a revoked device's wipe confirmation."""


def test_every_operation_documents_its_errors_in_the_error_shape(
    openapi: dict[str, Any],
) -> None:
    for method, path, operation in _operations(openapi):
        errors = {code: r for code, r in operation["responses"].items() if code[0] in "45"}
        assert "400" in errors or path == "/health", f"{method} {path}"
        behind_token = path.startswith("/api/v1/") and not path.startswith("/api/v1/auth/")
        if behind_token and path not in WITHOUT_TOKEN:
            assert "401" in errors, f"{method} {path}: 401 not documented"
        if "requestBody" in operation or operation.get("parameters"):
            assert "422" in errors or "400" in errors, f"{method} {path}"
        for code, answer in errors.items():
            schema = answer["content"]["application/json"]["schema"]
            assert schema == {"$ref": ERROR_REF}, f"{method} {path} {code}"
    schemas = openapi["components"]["schemas"]
    assert "HTTPValidationError" not in schemas  # FastAPI's own 422 shape is not ours


def test_request_bodies_are_the_wire_models(openapi: dict[str, Any]) -> None:
    bodies = {
        path: operation["requestBody"]["content"]["application/json"]["schema"]
        for _, path, operation in _operations(openapi)
        if "requestBody" in operation and "application/json" in operation["requestBody"]["content"]
    }
    assert bodies["/api/v1/push"] == {"$ref": "#/components/schemas/PushRequest"}
    assert bodies["/api/v1/auth/login"] == {"$ref": "#/components/schemas/LoginRequest"}
    push = openapi["components"]["schemas"]["ActionIn"]["properties"]["action_id"]
    assert (
        push["maxLength"]
        == ClueOut.model_fields["events"]
        .annotation.__args__[0]
        .model_fields["action_id"]
        .metadata[0]
        .max_length
    )


def test_the_clue_record_is_what_both_stores_hold() -> None:
    platform_columns = set(platform_models.Clue.__table__.columns.keys())
    store_columns = set(store_models.Clue.__table__.columns.keys())
    assert set(VALUE_FIELDS) <= platform_columns
    assert set(VALUE_FIELDS) <= store_columns


def test_the_notice_record_is_the_domain_notice() -> None:
    state = NoticeState(
        notice_id="n1",
        clue_code="LYG2026000001",
        kind=NoticeKind.RECTIFICATION,
        status=NoticeStatus.DRAFT,
        unit_code="320706001",
        content=NoticeContent(),
        created_at=datetime.fromisoformat("2026-11-27T09:00:00+08:00"),
    )
    assert set(NoticeOut.model_fields) == set(state.to_dict()) | {"version", "events"}
    wire = parse_wire(NoticeOut, {**state.to_dict(), "version": 3, "events": []})
    again = wire.model_dump(mode="json", exclude={"version", "events"})
    assert NoticeState.from_dict(again) == state


def test_a_bad_answer_names_its_path_in_chinese() -> None:
    page = {"changes": [{"kind": "tombstone", "seq": -1, "clue_code": "x"}], "cursor": "c"}
    with pytest.raises(WireError) as error:
        parse_wire(PullPage, {**page, "more": False})
    assert error.value.path == "changes[0].seq"
    assert "非负" in error.value.problem
    with pytest.raises(WireError) as error:
        parse_wire(PushAnswer, b'{"results": [{"action_id": "a", "status": "maybe"}]}')
    assert error.value.path == "results[0].status"
    assert error_path(("changes", 2, "clue", "clue", "at")) == "changes[2].clue.at"


def test_canonical_json_is_one_text() -> None:
    assert canonical_json({"b": 1, "a": "线索"}) == '{"a":"线索","b":1}'
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})


def test_no_request_carries_a_nul_character() -> None:
    """PostgreSQL cannot store U+0000: every request refuses it, naming the field; a push
    action's payload is checked on its own (per action), not with the whole batch."""
    action = {"action_id": "a", "device_seq": 1, "type": "clue.sign.v1", "clue_code": "c"}
    with pytest.raises(WireError) as error:
        parse_wire(PushRequest, {"device_id": "d", "actions": [{**action, "action_id": "a\x00"}]})
    assert error.value.path == "actions[0].action_id" and "NUL" in error.value.problem
    fine = parse_wire(
        PushRequest, {"device_id": "d", "actions": [{**action, "payload": {"note": "\x00"}}]}
    )
    with pytest.raises(ValidationError):
        CluePayload.model_validate(fine.actions[0].payload)
    with pytest.raises(ValidationError, match="extra_key"):
        CluePayload.model_validate({"extra_key": ["\x00"]})
    with pytest.raises(WireError):
        parse_wire(LoginRequest, {"username": "u\x00", "password": "p", "device_id": "d"})


def test_operations_behind_a_token_declare_it(openapi: dict[str, Any]) -> None:
    schemes = openapi["components"]["securitySchemes"]
    assert schemes["accessToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["accessToken"]["description"],
    }
    open_paths = {
        "/health",
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/auth/logout",
        *WITHOUT_TOKEN,
    }
    for method, path, operation in _operations(openapi):
        if path in open_paths:
            continue
        assert operation.get("security") == [{"accessToken": []}], f"{method} {path}"
