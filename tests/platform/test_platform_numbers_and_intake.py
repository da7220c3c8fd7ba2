"""Document-number blocks never overlap; intake is idempotent by channel and external id."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from platform_testkit import DRAFT, Api

BLOCKS = "/api/v1/number-blocks"
INTAKE = "/api/v1/intake"


def test_number_blocks_never_overlap_under_concurrency(api: Api) -> None:
    street = api.login("xinhai")

    def reserve(size: int) -> dict[str, Any]:
        response = api.client.post(
            BLOCKS,
            json={
                "device_id": street.device_id,
                "unit_code": "320706001",
                "year": 2026,
                "size": size,
            },
            headers=street.headers,
        )
        assert response.status_code == 200, response.text
        block: dict[str, Any] = response.json()
        return block

    sizes = [1 + i % 50 for i in range(24)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        blocks = list(pool.map(reserve, sizes))
    numbers = [n for b in blocks for n in range(b["first"], b["last"] + 1)]
    assert len(numbers) == len(set(numbers)) == sum(sizes)
    first = min(numbers)  # after the numbers the seeded demo notices used
    assert sorted(numbers) == list(range(first, first + sum(sizes)))
    assert len({b["block_id"] for b in blocks}) == len(blocks)
    assert all(b["last"] - b["first"] + 1 == size for b, size in zip(blocks, sizes, strict=True))
    next_year = reserve_for(api, street, 2027, 5)
    assert (next_year["first"], next_year["last"]) == (1, 5)


def reserve_for(api: Api, login: Any, year: int, size: int) -> dict[str, Any]:
    """A block for the login's unit."""
    response = api.client.post(
        BLOCKS,
        json={
            "device_id": login.device_id,
            "unit_code": login.tokens["user"]["unit_code"],
            "year": year,
            "size": size,
        },
        headers=login.headers,
    )
    assert response.status_code == 200, response.text
    block: dict[str, Any] = response.json()
    return block


def test_number_block_errors(api: Api) -> None:
    street = api.login("xinhai")
    base = {"device_id": street.device_id, "unit_code": "320706001", "year": 2026, "size": 5}
    cases = [
        ({"size": 51}, 422, "size"),
        ({"size": 0}, 422, "size"),
        ({"year": 1999}, 422, "year"),
        ({"size": "5"}, 422, "size"),
        ({"unit_code": "320706002"}, 403, None),
        ({"device_id": "other"}, 403, None),
        ({"colour": "red"}, 422, "colour"),
    ]
    for change, status, field in cases:
        response = api.client.post(BLOCKS, json={**base, **change}, headers=street.headers)
        assert response.status_code == status, (change, response.text)
        assert response.json()["error"].get("field") == field, change


def _intake(api: Api, login: Any, **changes: Any) -> Any:
    body = {"external_id": "12345-20261127-0001", **DRAFT, **changes}
    return api.client.post(INTAKE, json=body, headers=login.headers)


def test_intake_is_idempotent(api: Api) -> None:
    city = api.login("city")
    created = _intake(api, city)
    assert created.status_code == 201
    code = created.json()["code"]
    assert created.json() == {"code": code, "status": "registered"}
    again = _intake(api, city, description="重复推送，内容略有不同")
    assert again.status_code == 200
    assert again.json()["code"] == code
    other_channel = _intake(api, city, channel="hotline_12369")
    assert other_channel.status_code == 201
    assert other_channel.json()["code"] != code
    county = api.login("haizhou")
    changes, _ = api.pull_all(county)
    clue = next(c["clue"] for c in changes if c["kind"] == "clue" and c["clue"]["code"] == code)
    assert clue["status"] == "registered"
    assert clue["registered_by_unit"] == "320700"
    assert clue["events"][0]["device_id"] == "intake:hotline_12345"
    assert clue["channel_ref"] == "12345-20261127-0001" and clue["owner_unit"] == "320700"
    dispatch = {"lead_unit": "320706001"}
    [refused] = api.push(county, county.action("dispatch", code, dispatch))
    assert refused["status"] == "rejected" and "连云港市污染防治攻坚办" in refused["reason"]
    dispatched = api.push(city, city.action("dispatch", code, dispatch))
    assert dispatched[0]["status"] == "applied"


def test_concurrent_intake_of_the_same_external_id_makes_one_clue(api: Api) -> None:
    city = api.login("city")
    with ThreadPoolExecutor(max_workers=4) as pool:
        responses = list(pool.map(lambda _: _intake(api, city, external_id="dup-1"), range(6)))
    assert sorted(r.status_code for r in responses) == [200] * 5 + [201]
    assert len({r.json()["code"] for r in responses}) == 1


def test_intake_errors(api: Api) -> None:
    city, street, county = api.login("city"), api.login("xinhai"), api.login("u320703d")
    assert _intake(api, street).status_code == 403
    out_of_area = _intake(api, county)  # 连云区's office registering for 海州区
    assert out_of_area.status_code == 403
    for change, field in (
        ({"county_code": "999999"}, "county_code"),
        ({"channel": "carrier_pigeon"}, "channel"),
        ({"reporter_phone": "12a45"}, "reporter_phone"),
        ({"priority": 3}, "priority"),
        ({"unexpected": True}, "unexpected"),
    ):
        response = _intake(api, city, external_id=f"bad-{field}", **change)
        assert response.status_code == 422, (change, response.text)
        assert response.json()["error"]["code"] == "invalid"
        assert response.json()["error"]["field"] == field
    missing = api.client.post(INTAKE, json={"channel": "hotline_12345"}, headers=city.headers)
    assert missing.status_code == 422
    assert missing.json()["error"]["field"] == "external_id"


def test_circular_numbers_only_for_a_tackling_office(api: Api) -> None:
    county = api.login("haizhou")
    body = {"device_id": county.device_id, "unit_code": "320706", "year": 2026, "size": 5}
    first = api.client.post(BLOCKS, json={**body, "series": "circular"}, headers=county.headers)
    assert first.status_code == 200, first.text
    assert first.json()["series"] == "circular" and first.json()["first"] == 1
    second = api.client.post(BLOCKS, json={**body, "series": "circular"}, headers=county.headers)
    assert second.json()["first"] == first.json()["last"] + 1  # a series of its own
    street = api.login("xinhai")
    refused = api.client.post(
        BLOCKS,
        json={
            "device_id": street.device_id,
            "unit_code": "320706001",
            "year": 2026,
            "size": 5,
            "series": "circular",
        },
        headers=street.headers,
    )
    assert refused.status_code == 403 and "攻坚办" in refused.text
