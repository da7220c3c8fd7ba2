"""A channel's work-order number names one clue: a pushed registration claims its
(channel, channel_ref) as intake does, and a second one is refused naming the first clue."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from platform_testkit import DRAFT, Api

INTAKE = "/api/v1/intake"
REF = "GD-20261127-0042"


def _register(api: Api, login: Any, provisional: str, **changes: Any) -> dict[str, Any]:
    payload = {**DRAFT, "channel_ref": REF, **changes}
    [result] = api.push(login, login.action("register", provisional, payload))
    return result


def test_a_second_registration_of_a_work_order_is_refused_naming_the_first(api: Api) -> None:
    first_clerk, second_clerk = api.login("haizhou", "pc-1"), api.login("haizhou", "pc-2")
    first = _register(api, first_clerk, "临20261127-AAAA0001")
    assert first["status"] == "applied"
    code = first["clue_code"]
    second = _register(api, second_clerk, "临20261127-BBBB0002", description="同一工单再导入")
    assert second["status"] == "rejected"
    assert second["code"] == "duplicate_ref" and second["field"] == "channel_ref"
    assert code in second["reason"] and REF in second["reason"]
    again = _register(api, first_clerk, "临20261127-CCCC0003", channel_ref=f" {REF} ")
    assert again["status"] == "rejected" and code in again["reason"]
    other_channel = _register(api, first_clerk, "临20261127-DDDD0004", channel="hotline_12369")
    assert other_channel["status"] == "applied"
    without_ref = _register(api, first_clerk, "临20261127-EEEE0005", channel_ref="")
    assert without_ref["status"] == "applied"
    city = api.login("city")
    body = {**DRAFT, "external_id": REF}
    answer = api.client.post(INTAKE, json=body, headers=city.headers)
    assert answer.status_code == 200 and answer.json()["code"] == code


def test_a_pushed_registration_of_an_intake_work_order_is_refused(api: Api) -> None:
    city = api.login("city")
    created = api.client.post(INTAKE, json={**DRAFT, "external_id": REF}, headers=city.headers)
    assert created.status_code == 201
    result = _register(api, api.login("haizhou"), "临20261127-AAAA0001")
    assert result["status"] == "rejected" and created.json()["code"] in result["reason"]


def test_concurrent_registrations_of_one_work_order_make_one_clue(api: Api) -> None:
    clerks = [api.login("haizhou", f"pc-{i}") for i in range(4)]

    def push(index: int) -> dict[str, Any]:
        return _register(api, clerks[index], f"临20261127-0000000{index}")

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(push, range(4)))
    assert sorted(r["status"] for r in results) == ["applied"] + ["rejected"] * 3
    [applied] = [r for r in results if r["status"] == "applied"]
    assert all(applied["clue_code"] in r["reason"] for r in results if r is not applied)
