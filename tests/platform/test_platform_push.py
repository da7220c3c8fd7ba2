"""Push: applied, duplicate, every rejection code, retry, provisional codes, batch rules."""

from __future__ import annotations

import re
from typing import Any

import pytest
from platform_testkit import DRAFT, Api
from sqlalchemy import func, select

from cityplatform.models import Clue

UNTRUE = {"finding": "untrue", "measures": "经检测达标，无需整改"}
"""A report's finding where no evidence file is needed."""


def _only(results: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(results) == 1
    return results[0]


def test_full_closed_loop_through_the_platform(api: Api) -> None:
    county, street, dept = api.login("haizhou"), api.login("xinhai"), api.login("hzhb")
    code = api.register_and_dispatch(county, lead="320706001", assisting=("320706901",))
    steps = [
        (street, "sign", {}, "handling"),
        (street, "request_extension", {"days": 3, "reason": "需要第三方检测"}, "handling"),
        (county, "approve_extension", {"note": "同意"}, "handling"),
        (dept, "assist_report", {"note": "已配合现场检查"}, "handling"),
        (street, "report", UNTRUE | {"result": "经核查未发现排放"}, "reviewing"),
        (county, "reject", {"reason": "核查过程不全"}, "handling"),
        (street, "report", UNTRUE | {"result": "补充了检测报告"}, "reviewing"),
        (county, "callback", {"callback": "satisfied"}, "reviewing"),
        (county, "approve", {}, "closed"),
        (county, "verification_fail", {"reason": "回访发现仍有排放"}, "handling"),
        (county, "urge", {"note": "请尽快办结"}, "handling"),
    ]
    last_seq = 0
    for login, kind, payload, status in steps:
        result = _only(api.push(login, login.action(kind, code, payload)))
        assert result["status"] == "applied", result
        assert result["seq"] > last_seq
        last_seq = result["seq"]
        assert result["state"]["status"] == status
        assert "clue" not in result  # the client pulls the changed clue right after pushing
    clue = api.clue(county, code)
    assert clue is not None and clue["version"] == last_seq
    assert clue["extended_days"] == result["state"]["extended_days"] == 3
    assert [e["action"] for e in clue["events"]] == [
        "register",
        "dispatch",
        *[kind for _, kind, _, _ in steps],
    ]
    assert clue["events"][2]["device_id"] == "dev-xinhai"


def test_applied_answers_the_workflow_state_the_action_left(api: Api) -> None:
    county, street = api.login("haizhou"), api.login("xinhai")
    code = api.register_and_dispatch(county, lead="320706001", assisting=("320706901",))
    signed = _only(api.push(street, street.action("sign", code)))
    urged = _only(api.push(county, county.action("urge", code, {"note": "快"})))
    assert signed["status"] == urged["status"] == "applied"
    clue = api.clue(county, code)
    assert clue is not None and clue["version"] == urged["seq"] > signed["seq"]
    workflow = {name: clue[name] for name in signed["state"] if name != "assisting_units"}
    assert signed["state"] == {**workflow, "assisting_units": ["320706901"]}
    assert signed["state"]["status"] == "handling" and signed["state"]["signed_at"]
    assert set(signed) == {"action_id", "status", "clue_code", "seq", "state"}


def test_applied_then_duplicate_returns_the_stored_result(api: Api) -> None:
    county, street = api.login("haizhou"), api.login("xinhai")
    code = api.register_and_dispatch(county)
    sign = street.action("sign", code)
    first = _only(api.push(street, sign))
    assert first["status"] == "applied"
    assert first["clue_code"] == code
    urge = _only(api.push(county, county.action("urge", code, {"note": "抓紧"})))
    again = _only(api.push(street, {**sign, "device_seq": 99}))
    assert again["status"] == "duplicate"
    assert again["seq"] == first["seq"]
    assert again["clue_code"] == code
    assert again["clue"]["version"] == urge["seq"]  # the clue as it now stands


def test_rejection_codes(api: Api, platform_db: Any) -> None:
    county, street = api.login("haizhou"), api.login("xinhai")
    code = api.register_and_dispatch(county)
    assert _only(api.push(street, street.action("sign", code)))["status"] == "applied"
    with platform_db.read() as session:
        elsewhere = session.scalar(
            select(Clue.code).where(Clue.county_code == "320703").order_by(Clue.seq).limit(1)
        )
        version = session.scalar(select(Clue.seq).where(Clue.code == code))
    results = api.push(
        street,
        street.action("sign", code),
        street.action("return", code, {"reason": "  "}),
        street.action("sign", "LYG2099999999"),
        street.action("sign", elsewhere),
        street.action("clue.sign.v2", code),
        street.action("clue.fly.v1", code),
        street.action(
            "report",
            code,
            {
                "result": "见附件",
                "finding": "true",
                "measures": "责令整改",
                "attachments": [{"sha256": "a" * 64, "name": "a.pdf"}],
            },
        ),
        street.action("request_extension", code, {"days": "many", "reason": "x"}),
        street.action("request_extension", code, {"days": 3, "reason": ["x"]}),
    )
    codes = [(r["status"], r.get("code"), r.get("field")) for r in results]
    assert codes == [
        ("rejected", "refused", None),
        ("rejected", "invalid", "reason"),
        ("rejected", "not_found", None),
        ("rejected", "out_of_scope", None),
        ("rejected", "unknown_type", None),
        ("rejected", "unknown_type", None),
        ("rejected", "attachment_missing", "attachments"),
        ("rejected", "invalid", "days"),
        ("rejected", "invalid", "reason"),
    ]
    assert "不能签收" in results[0]["reason"]
    assert results[0]["clue"]["code"] == code
    assert results[2]["clue"] is None
    assert results[3]["clue"] is None
    assert all(r["reason"] for r in results)
    with platform_db.read() as session:
        assert session.scalar(select(Clue.seq).where(Clue.code == code)) == version


def test_payload_types_come_from_the_wire_and_reject_one_action(api: Api) -> None:
    """Each action's payload is checked against the wire's payload model on its own: a key of
    the wrong JSON type rejects that action (`invalid`, the key named), the rest apply."""
    county, street = api.login("haizhou"), api.login("xinhai")
    code = api.register_and_dispatch(county)
    results = api.push(
        street,
        street.action("report", code, {"result": "已整改", "attachments": [{"sha256": "XYZ"}]}),
        street.action("report", code, {"result": "已整改", "attachments": [{"name": "a.pdf"}]}),
        street.action("return", code, {"reason": 12}),
        street.action("request_extension", code, {"days": True, "reason": "雨天"}),
        street.action("return", code, {"reason": "错派\x00"}),
        street.action("sign", code),
    )
    assert [(r["status"], r.get("code"), r.get("field")) for r in results] == [
        ("rejected", "invalid", "attachments.0.sha256"),
        ("rejected", "invalid", "attachments.0.sha256"),
        ("rejected", "invalid", "reason"),
        ("rejected", "invalid", "days"),
        ("rejected", "invalid", "reason"),
        ("applied", None, None),
    ]
    assert "NUL" in results[4]["reason"]
    assert "应为字符串" in results[2]["reason"]


def test_register_assigns_a_code_and_maps_the_provisional_one(api: Api, platform_db: Any) -> None:
    county = api.login("haizhou")
    with platform_db.read() as session:
        seeded = session.scalar(select(func.max(Clue.code)).where(Clue.code.like("LYG2026%")))
    provisional = "临20261127-1A2B3C4D"
    register = county.action("register", provisional, DRAFT)
    results = api.push(
        county,
        register,
        county.action("dispatch", provisional, {"lead_unit": "320706002"}),
    )
    first, second = results
    assert first["status"] == "applied"
    assert first["provisional_code"] == provisional
    code = first["clue_code"]
    assert re.fullmatch(r"LYG2026\d{6}", code)
    assert code > seeded
    assert first["clue"]["registered_by_unit"] == "320706"
    assert first["clue"]["status"] == "registered"
    assert first["clue"]["reporter_name"] == "张三"
    assert second["status"] == "applied"
    assert second["clue_code"] == code
    assert second["state"]["lead_unit"] == "320706002"
    assert second["state"]["status"] == "dispatched"
    duplicate = _only(api.push(county, {**register, "device_seq": 100}))
    assert duplicate["status"] == "duplicate"
    assert (duplicate["clue_code"], duplicate["provisional_code"]) == (code, provisional)
    again = _only(api.push(county, county.action("register", provisional, DRAFT)))
    assert (again["status"], again["code"], again["field"]) == ("rejected", "invalid", "clue_code")
    other_device = api.login("haizhou", "other-pc")
    elsewhere = _only(
        api.push(other_device, other_device.action("urge", provisional, {"note": "x"}))
    )
    assert elsewhere["code"] == "not_found"
    second_code = _only(api.push(county, county.action("register", "临20261127-FFFF0000", DRAFT)))[
        "clue_code"
    ]
    assert int(second_code[7:]) == int(code[7:]) + 1


def test_register_validation_names_the_field(api: Api) -> None:
    county = api.login("haizhou")
    bad = [
        ({**DRAFT, "county_code": "320703"}, ("refused", None)),
        ({**DRAFT, "reporter_phone": "12a45"}, ("invalid", "reporter_phone")),
        ({**DRAFT, "received_at": "2026-11-28T09:00:00+08:00"}, ("invalid", "received_at")),
        ({**DRAFT, "category": "lava"}, ("invalid", "category")),
        ({**DRAFT, "latitude": "north"}, ("invalid", "latitude")),
        ({**DRAFT, "description": 42}, ("invalid", "description")),
    ]
    results = api.push(
        county,
        *[county.action("register", f"临20261127-0000000{i}", p) for i, (p, _) in enumerate(bad)],
    )
    assert [(r["code"], r.get("field")) for r in results] == [want for _, want in bad]


def test_actions_apply_one_by_one(api: Api) -> None:
    county, street = api.login("haizhou"), api.login("xinhai")
    code = api.register_and_dispatch(county)
    results = api.push(
        street,
        street.action("sign", code),
        street.action("report", code, {"result": "", "finding": "untrue", "measures": "无"}),
        street.action("report", code, {"result": "已核查", "finding": "untrue", "measures": "无"}),
    )
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert results[2]["state"]["status"] == "reviewing"


def test_supervisor_acts_on_no_clue_and_sees_masked_reporters(api: Api) -> None:
    county, supervisor = api.login("haizhou"), api.login("hzjw")
    code = api.register_and_dispatch(county)
    urged, signed = api.push(
        supervisor,
        supervisor.action("urge", code, {"note": "请按期办结"}),
        supervisor.action("sign", code),
    )
    assert (urged["status"], urged["code"]) == ("rejected", "refused")  # 督办函 instead
    assert (signed["status"], signed["code"]) == ("rejected", "refused")
    for clue in (signed["clue"], api.clue(supervisor, code)):
        assert clue is not None
        assert clue["reporter_name"] == "张*"
        assert clue["reporter_phone"] == "138****5678"
        assert clue["events"][0]["details"]["reporter_name"] == "张*"
        assert clue["events"][0]["details"]["reporter_phone"] == "138****5678"
    plain = api.clue(county, code)
    assert plain is not None and plain["reporter_phone"] == "13812345678"


def test_batch_level_errors(api: Api) -> None:
    street = api.login("xinhai")
    actions = [street.action("sign", "LYG2026000001") for _ in range(2)]
    actions[1]["device_seq"] = actions[0]["device_seq"]
    response = api.client.post(
        "/api/v1/push",
        json={"device_id": street.device_id, "actions": actions},
        headers=street.headers,
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "actions.1.device_seq"
    wrong_device = api.client.post(
        "/api/v1/push", json={"device_id": "someone-else", "actions": []}, headers=street.headers
    )
    assert wrong_device.status_code == 403
    assert wrong_device.json()["error"]["code"] == "forbidden"
    many = [street.action("urge", "LYG2026000001", {"note": "x"}) for _ in range(501)]
    too_many = api.client.post(
        "/api/v1/push",
        json={"device_id": street.device_id, "actions": many},
        headers=street.headers,
    )
    assert too_many.status_code == 413
    assert too_many.json()["error"]["code"] == "too_large"
    assert api.push(street) == []


def test_transient_failure_answers_retry_for_the_rest(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    import cityplatform.push as push_module

    county = api.login("haizhou")
    code = api.register_and_dispatch(county)
    real = push_module.apply_one
    calls = {"n": 0}

    def flaky(ctx: Any, item: Any) -> dict[str, Any]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OperationalError("UPDATE counters", {}, Exception("database is locked"))
        return real(ctx, item)

    monkeypatch.setattr(push_module, "apply_one", flaky)
    actions = [county.action("urge", code, {"note": f"第{i}次"}) for i in range(3)]
    results = api.push(county, *actions)
    assert [r["status"] for r in results] == ["applied", "retry", "retry"]
    assert all(r["reason"] for r in results[1:])
    monkeypatch.setattr(push_module, "apply_one", real)
    again = api.push(county, *actions)
    assert [r["status"] for r in again] == ["duplicate", "applied", "applied"]
