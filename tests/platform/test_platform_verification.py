"""Weekly verification on the platform (SQLite, and PostgreSQL when configured): only a
dispatching office's dispatcher draws, for clues the office owns; the first batch to reach the
platform keeps a clue (a later batch's duplicates are dropped and its answer says which);
a failure reopens the clue through the workflow in the same transaction, with the rework
deadline; the office's users get the batches through their own feed."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from platform_testkit import Api, Clock, Login
from sqlalchemy import select

from cityplatform.models import AuditEntry

UNTRUE = {"finding": "untrue", "measures": "经检测达标，无需整改"}
WEEK = "2026-W48"  # Mon 23 – Sun 29 Nov 2026; the tests' clock stands on Fri 27 Nov


def verification_action(
    login: Login, kind: str, payload: dict[str, Any], clue_code: str | None = None
) -> dict[str, Any]:
    action: dict[str, Any] = {
        "action_id": str(uuid.uuid4()),
        "device_seq": next(login.seq),
        "type": f"verification.{kind}.v1",
        "payload": payload,
        "client_time": "2026-11-27T10:00:00+08:00",
    }
    if clue_code is not None:
        action["clue_code"] = clue_code
    return action


def closed_clue(api: Api, county: Login, street: Login) -> str:
    code = api.register_and_dispatch(county)
    for login, kind, payload in (
        (street, "sign", {}),
        (street, "report", UNTRUE | {"result": "现场核查"}),
        (county, "callback", {"callback": "satisfied"}),
        (county, "approve", {}),
    ):
        (result,) = api.push(login, login.action(kind, code, payload))
        assert result["status"] == "applied", result
    return code


def draw(login: Login, codes: list[str], batch_id: str | None = None) -> dict[str, Any]:
    return verification_action(
        login,
        "draw",
        {
            "batch_id": batch_id or str(uuid.uuid4()),
            "week": WEEK,
            "plan": {"default": {"percent": 20}, "units": {}},
            "seed": 12345,
            "items": [
                {"clue_code": c, "unit_code": "320706001", "channel": "hotline_12345"}
                for c in codes
            ],
        },
    )


def upload(api: Api, login: Login, data: bytes) -> dict[str, str]:
    sha = hashlib.sha256(data).hexdigest()
    response = api.client.put(
        f"/api/v1/attachments/{sha}",
        params={"offset": 0, "size": len(data)},
        content=data,
        headers={**login.headers, "Content-Type": "application/octet-stream"},
    )
    assert response.status_code in (200, 201), response.text
    return {"sha256": sha, "name": "现场照片.jpg"}


def record(login: Login, batch_id: str, code: str, **payload: Any) -> dict[str, Any]:
    return verification_action(login, "record", {"batch_id": batch_id, **payload}, code)


def feed(api: Api, login: Login) -> list[dict[str, Any]]:
    response = api.client.get("/api/v1/verification", headers=login.headers)
    assert response.status_code == 200, response.text
    batches: list[dict[str, Any]] = response.json()["batches"]
    return batches


def test_only_a_dispatching_office_draws_and_only_its_own_clues(api: Api) -> None:
    county, street = api.login("haizhou"), api.login("xinhai")
    code = closed_clue(api, county, street)
    (refused,) = api.push(street, draw(street, [code]))
    assert refused["status"] == "rejected"
    assert refused["code"] == "refused"
    assert "攻坚办" in refused["reason"]
    donghai = api.login("donghai")
    (foreign,) = api.push(donghai, draw(donghai, [code]))
    assert foreign["status"] == "applied"
    assert [i["dropped"] for i in foreign["verification"]["items"]] == ["not_candidate"]


def test_the_first_batch_keeps_a_clue_and_the_later_drops_it(api: Api) -> None:
    county, street = api.login("haizhou"), api.login("xinhai")
    first_code, second_code = closed_clue(api, county, street), closed_clue(api, county, street)
    one, other = api.login("haizhou", "dev-a"), api.login("haizhou", "dev-b")
    (kept,) = api.push(one, draw(one, [first_code]))
    later_batch = str(uuid.uuid4())
    (later,) = api.push(other, draw(other, [first_code, second_code], later_batch))
    assert kept["status"] == later["status"] == "applied"
    assert [(i["clue_code"], i["dropped"]) for i in later["verification"]["items"]] == [
        (first_code, "claimed"),
        (second_code, ""),
    ]
    assert later["verification"]["seed"] == 12345
    # a result recorded offline on the dropped item is refused with a clear reason
    (refused,) = api.push(other, record(other, later_batch, first_code, verdict="passed"))
    assert refused["status"] == "rejected"
    assert "已由本单位他人" in refused["reason"]
    # the same draw pushed again is a duplicate, not a second batch
    again = draw(one, [first_code])
    (first_answer,) = api.push(one, again)
    (second_answer,) = api.push(one, again)
    assert second_answer["status"] == "duplicate"
    assert second_answer["verification"]["batch_id"] == first_answer["verification"]["batch_id"]
    assert {b["batch_id"] for b in feed(api, county)} >= {later_batch}


def test_a_failure_reopens_the_clue_and_a_recheck_follows_its_closing(
    api: Api, clock: Clock
) -> None:
    county, street = api.login("haizhou"), api.login("xinhai")
    code = closed_clue(api, county, street)
    action = draw(county, [code])
    batch_id = action["payload"]["batch_id"]
    assert api.push(county, action)[0]["status"] == "applied"
    (no_file,) = api.push(county, record(county, batch_id, code, verdict="incomplete", note="x"))
    assert (no_file["status"], no_file["field"]) == ("rejected", "attachments")
    evidence = upload(api, county, b"photo of the site")
    (failed,) = api.push(
        county,
        record(
            county,
            batch_id,
            code,
            verdict="incomplete",
            note="围挡未恢复，扬尘依旧",
            attachments=[evidence],
        ),
    )
    assert failed["status"] == "applied", failed
    assert failed["state"]["status"] == "handling"
    # Fri 27 Nov + 5 working days (the rework limit): Fri 4 Dec, close of office
    assert failed["state"]["handle_deadline"] == "2026-12-04T17:30:00+08:00"
    (item,) = failed["verification"]["items"]
    assert [(r["round"], r["verdict"]) for r in item["results"]] == [(1, "incomplete")]
    clue = api.clue(street, code)
    assert clue is not None
    last = clue["events"][-1]
    assert last["action"] == "verification_fail"
    assert last["note"] == "整改不到位：围挡未恢复，扬尘依旧"
    # nothing to recheck while the unit reworks
    (early,) = api.push(county, record(county, batch_id, code, verdict="passed"))
    assert early["status"] == "rejected" and "正在整改" in early["reason"]
    clock.advance(minutes=5)
    for login, kind, payload in (
        (street, "report", UNTRUE | {"result": "已恢复围挡"}),
        (county, "callback", {"callback": "satisfied"}),
        (county, "approve", {}),
    ):
        assert api.push(login, login.action(kind, code, payload))[0]["status"] == "applied"
    clock.advance(minutes=5)
    (passed,) = api.push(county, record(county, batch_id, code, verdict="passed"))
    assert passed["status"] == "applied", passed
    (item,) = passed["verification"]["items"]
    assert [(r["round"], r["verdict"]) for r in item["results"]] == [
        (1, "incomplete"),
        (2, "passed"),
    ]
    assert api.clue(county, code)["status"] == "closed"  # type: ignore[index]


def test_verification_actions_are_audited_and_fed_to_the_office_only(
    api: Api, platform_db: Any
) -> None:
    county, street = api.login("haizhou"), api.login("xinhai")
    code = closed_clue(api, county, street)
    action = draw(county, [code])
    api.push(county, action)
    drawn = action["payload"]["batch_id"]
    assert drawn in [b["batch_id"] for b in feed(api, county)]
    assert feed(api, street) == []  # a township draws nothing and is fed nothing
    others = [b["batch_id"] for b in feed(api, api.login("donghai"))]
    assert others and drawn not in others  # another office sees only its own batches
    with platform_db.read() as session:
        details = [e.details for e in session.scalars(select(AuditEntry))]
    assert any(action["action_id"] in d for d in details)
