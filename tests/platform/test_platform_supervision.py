"""The commissions' own records on the platform (SQLite, and PostgreSQL when configured):
suggestions and accountability records pushed as actions that name no clue, re-validated by
the shared rules, audited, numbered uniquely per commission and year, fed to exactly the users
who may see them; and a commission user refused every clue, notice and case action but 督办
(and registering a clue it received, 应录必录 since issue 10)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from platform_testkit import DRAFT, Api, Clock, Login
from sqlalchemy import select

from cityplatform.models import AuditEntry
from desktop.domain.case_actions import CaseAction
from desktop.domain.notices import NoticeAction
from desktop.domain.workflow import Action

STREET = "320706001"  # 新海街道 (xinhai), the lead unit of the test clues
HZ_JW = "320706800"  # 海州区纪委监委 (hzjw)
CITY_JW_USER = "u320700800s"  # 连云港市纪委监委
DH_JW_USER = "u320722800s"  # 东海县纪委监委
DH_STREET = "320722001"


def sup(login: Login, kind: str, action: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A push action on a commission record (no clue code)."""
    return {
        "action_id": str(uuid.uuid4()),
        "device_seq": next(login.seq),
        "type": f"{kind}.{action}.v1",
        "payload": payload,
        "client_time": "2026-11-27T10:00:00+08:00",
    }


def issue(code: str | None, number: str = "海纪建〔2026〕3号", **changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "suggestion_id": str(uuid.uuid4()),
        "kind": "discipline",
        "number": number,
        "addressed_unit": STREET,
        "clue_codes": [code] if code else [],
        "title": "关于及时签收群众举报线索的纪律检查建议",
        "text": "该线索逾期未签收，请立即整改并报告整改落实情况。",
        "basis": "《监察法》第四十五条",
        "reply_days": 5,
    }
    payload.update(changes)
    return payload


def feed(api: Api, login: Login, cursor: str | None = None) -> dict[str, Any]:
    params = {"cursor": cursor} if cursor else {}
    response = api.client.get("/api/v1/supervision", params=params, headers=login.headers)
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


def seen(api: Api, username: str) -> set[str]:
    """The ids of the records `username` gets from the feed."""
    page = feed(api, api.login(username))
    return {
        c[c["kind"]]["suggestion_id" if c["kind"] == "suggestion" else "record_id"]
        for c in page["changes"]
    }


def one(api: Api, login: Login, action: dict[str, Any]) -> dict[str, Any]:
    (result,) = api.push(login, action)
    return result


def test_the_whole_suggestion_story_on_the_platform(api: Api, platform_db: Any) -> None:
    county, commission, street = api.login("haizhou"), api.login("hzjw"), api.login("xinhai")
    code = api.register_and_dispatch(county)
    payload = issue(code)
    sid = payload["suggestion_id"]
    issued = one(api, commission, sup(commission, "suggestion", "issue", payload))
    assert issued["status"] == "applied", issued
    assert "clue_code" not in issued or issued["clue_code"] is None
    document = issued["suggestion"]
    assert (document["status"], document["issuing_unit"], document["clue_codes"]) == (
        "sent",
        HZ_JW,
        [code],
    )
    # Fri 27 Nov 10:00 + 5 working days: Mon 30 Nov … Fri 4 Dec, close of office.
    assert document["reply_deadline"] == "2026-12-04T17:30:00+08:00"
    steps = [
        (street, "reply", {"reply": "已签收并现场核查，责令停产整改。"}),
        (commission, "send_back", {"note": "整改措施不具体，请补充。", "reply_days": 3}),
        (street, "reply", {"reply": "已补充整改措施和照片。"}),
        (commission, "accept", {"note": "同意。"}),
    ]
    for login, action, extra in steps:
        result = one(api, login, sup(login, "suggestion", action, {"suggestion_id": sid, **extra}))
        assert result["status"] == "applied", result
    final = result["suggestion"]
    assert final["status"] == "accepted"
    assert [r["text"] for r in final["replies"]] == [
        "已签收并现场核查，责令停产整改。",
        "已补充整改措施和照片。",
    ]
    assert [(e["action"], e["username"], e["to_status"]) for e in final["events"]] == [
        ("issue", "hzjw", "sent"),
        ("reply", "xinhai", "replied"),
        ("send_back", "hzjw", "returned"),
        ("reply", "xinhai", "replied"),
        ("accept", "hzjw", "accepted"),
    ]
    assert final["events"][2]["note"] == "整改措施不具体，请补充。"
    with platform_db.read() as session:
        entries = [
            json.loads(e.details)
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        ]
    audited = [d for d in entries if d.get("suggestion_id") == sid]
    assert [d["type"] for d in audited] == [
        "suggestion.issue.v1",
        "suggestion.reply.v1",
        "suggestion.send_back.v1",
        "suggestion.reply.v1",
        "suggestion.accept.v1",
    ]
    assert all(d["status"] == "applied" for d in audited)


def test_refusals_name_the_reason_and_the_key(api: Api) -> None:
    county, commission, street = api.login("haizhou"), api.login("hzjw"), api.login("xinhai")
    code = api.register_and_dispatch(county)
    payload = issue(code)
    sid = payload["suggestion_id"]
    not_commission = one(api, county, sup(county, "suggestion", "issue", issue(code)))
    assert (not_commission["status"], not_commission["code"]) == ("rejected", "refused")
    bad = one(api, commission, sup(commission, "suggestion", "issue", issue(code, reply_days=0)))
    assert (bad["code"], bad["field"]) == ("invalid", "reply_days")
    assert bad["reason"].startswith("答复期限（工作日）：")
    typed = one(
        api, commission, sup(commission, "suggestion", "issue", issue(code, reply_days="5"))
    )
    assert (typed["code"], typed["field"]) == ("invalid", "reply_days")
    assert one(api, commission, sup(commission, "suggestion", "issue", payload))["status"] == (
        "applied"
    )
    for login, action in ((street, "accept"), (commission, "reply"), (county, "reply")):
        answer = one(
            api, login, sup(login, "suggestion", action, {"suggestion_id": sid, "reply": "x"})
        )
        assert answer["status"] == "rejected", (login.username, action, answer)
    other = api.login(DH_JW_USER)
    hidden = one(api, other, sup(other, "suggestion", "accept", {"suggestion_id": sid}))
    assert (hidden["status"], hidden["code"]) == ("rejected", "not_found")
    unknown = one(api, commission, sup(commission, "suggestion", "approve", {"suggestion_id": sid}))
    assert unknown["code"] == "unknown_type"
    missing = api.push(county, {**county.action("sign", code), "clue_code": None})[0]
    assert (missing["code"], missing["field"]) == ("invalid", "clue_code")


def test_numbers_are_unique_per_commission_and_year(api: Api) -> None:
    commission, city = api.login("hzjw"), api.login(CITY_JW_USER)
    first = one(api, commission, sup(commission, "suggestion", "issue", issue(None)))
    assert first["status"] == "applied"
    again = one(api, commission, sup(commission, "suggestion", "issue", issue(None)))
    assert (again["status"], again["field"]) == ("rejected", "number")
    assert "海纪建〔2026〕3号" in again["reason"]
    other_year = issue(None, number="海纪建〔2025〕3号")
    wrong = one(api, commission, sup(commission, "suggestion", "issue", other_year))
    assert wrong["field"] == "number"  # the year in the number is not the year of issue
    same_text_elsewhere = one(api, city, sup(city, "suggestion", "issue", issue(None)))
    assert same_text_elsewhere["status"] == "applied"


def test_a_duplicate_push_answers_duplicate(api: Api) -> None:
    commission = api.login("hzjw")
    action = sup(commission, "suggestion", "issue", issue(None))
    assert one(api, commission, action)["status"] == "applied"
    again = one(api, commission, {**action, "device_seq": next(commission.seq)})
    assert again["status"] == "duplicate"
    assert again["suggestion"]["suggestion_id"] == action["payload"]["suggestion_id"]


def test_each_role_sees_exactly_the_records_it_may(api: Api, clock: Clock) -> None:
    county, commission, city = api.login("haizhou"), api.login("hzjw"), api.login(CITY_JW_USER)
    code = api.register_and_dispatch(county)
    hz = issue(code)
    dh = issue(None, addressed_unit=DH_STREET, number="市纪建〔2026〕1号")
    assert one(api, commission, sup(commission, "suggestion", "issue", hz))["status"] == "applied"
    assert one(api, city, sup(city, "suggestion", "issue", dh))["status"] == "applied"
    clock.advance(days=14)  # the clue, unsigned, is far beyond level 3 by now
    commission = api.login("hzjw")
    record = {
        "record_id": str(uuid.uuid4()),
        "unit_concerned": STREET,
        "persons": [{"name": "李四", "post": "新海街道办事处副主任"}],
        "measure": "谈话提醒",
        "decided_on": "2026-12-10",
        "document_number": "海纪问〔2026〕2号",
        "clue_codes": [code],
    }
    answer = one(api, commission, sup(commission, "accountability", "record", record))
    assert answer["status"] == "applied", answer
    assert answer["accountability"]["measure"] == "talk_reminder"
    assert answer["accountability"]["events"][0]["action"] == "record"
    amended = {**record, "measure": "通报批评"}
    city = api.login(CITY_JW_USER)
    refused = one(api, city, sup(city, "accountability", "amend", amended))
    assert (refused["status"], refused["code"]) == ("rejected", "refused")
    changed = one(api, commission, sup(commission, "accountability", "amend", amended))
    assert changed["accountability"]["measure"] == "circulated_criticism"
    assert [e["action"] for e in changed["accountability"]["events"]] == ["record", "amend"]
    hz_id, dh_id, acc_id = hz["suggestion_id"], dh["suggestion_id"], record["record_id"]
    ours = {hz_id, dh_id, acc_id}  # the demo's own records are seen by the same rules

    def seen_of_ours(username: str) -> set[str]:
        return seen(api, username) & ours

    assert seen_of_ours("hzjw") == {hz_id, acc_id}  # its county's
    assert seen_of_ours(CITY_JW_USER) == {hz_id, dh_id, acc_id}  # the city commission: all
    assert seen_of_ours(DH_JW_USER) == {dh_id}
    assert seen_of_ours("xinhai") == {hz_id, acc_id}  # the unit addressed and concerned
    assert seen_of_ours("xinhaijb") == {hz_id, acc_id}  # its clerk too
    assert seen_of_ours("hzhb") == set()  # a unit neither addressed nor concerned
    for outsider in ("haizhou", "city", "admin", "donghai"):  # offices never, nor the admin
        assert seen(api, outsider) == set(), outsider  # not even the demo's records


def test_accountability_needs_a_red_clue_or_a_late_suggestion(api: Api, clock: Clock) -> None:
    county, commission = api.login("haizhou"), api.login("hzjw")
    code = api.register_and_dispatch(county)
    suggestion = issue(None, reply_days=1)
    assert one(api, commission, sup(commission, "suggestion", "issue", suggestion))["status"] == (
        "applied"
    )
    base = {
        "unit_concerned": STREET,
        "persons": [{"name": "李四", "post": "副主任"}],
        "measure": "批评教育",
        "decided_on": "2026-11-27",
        "document_number": "海纪问〔2026〕5号",
    }
    early = {**base, "record_id": str(uuid.uuid4()), "clue_codes": [code]}
    refused = one(api, commission, sup(commission, "accountability", "record", early))
    assert (refused["status"], refused["field"]) == ("rejected", "clue_codes")
    clock.advance(days=7)  # the reply (due Mon 30 Nov) is overdue, the clue red
    commission = api.login("hzjw")
    late = {**base, "record_id": str(uuid.uuid4()), "suggestion_id": suggestion["suggestion_id"]}
    assert one(api, commission, sup(commission, "accountability", "record", late))["status"] == (
        "applied"
    )
    street = api.login("xinhai")
    not_theirs = {**base, "record_id": str(uuid.uuid4()), "clue_codes": [code]}
    answer = one(api, street, sup(street, "accountability", "record", not_theirs))
    assert (answer["status"], answer["code"]) == ("rejected", "refused")


def _clue_version(api: Api, login: Login, code: str) -> int:
    clue = api.clue(login, code)
    assert clue is not None
    return int(clue["version"])


def test_a_commission_user_changes_nothing_but_its_own_records(api: Api) -> None:
    county, commission = api.login("haizhou"), api.login("hzjw")
    code = api.register_and_dispatch(county)
    before = _clue_version(api, county, code)
    ids = {"notice_id": str(uuid.uuid4()), "case_id": str(uuid.uuid4())}
    walked = [
        *(a.command_type for a in Action if a is not Action.REGISTER),
        *(a.command_type for a in NoticeAction),
        *(a.command_type for a in CaseAction),
    ]
    actions = [{**commission.action("sign", code, dict(ids)), "type": t} for t in walked]
    results = api.push(commission, *actions)
    refusals = {
        (a["type"], r["status"], r.get("code")) for a, r in zip(actions, results, strict=True)
    }
    assert refusals == {(t, "rejected", "refused") for t in walked}
    assert _clue_version(api, county, code) == before
    # Registering is refused too (a clue it receives goes to the tackling office); its own
    # records succeed.
    registered = api.push(commission, commission.action("register", "临20261127-JW000001", DRAFT))[
        0
    ]
    assert (registered["status"], registered["code"]) == ("rejected", "refused")
    assert _clue_version(api, county, code) == before
    own = one(api, commission, sup(commission, "suggestion", "issue", issue(code)))
    assert own["status"] == "applied"
    # The other mutating endpoints: intake and document numbers.
    intake = api.client.post(
        "/api/v1/intake",
        json={"external_id": "12345-20261127-0009", **DRAFT},
        headers=commission.headers,
    )
    assert intake.status_code == 403, intake.text
    numbers = api.client.post(
        "/api/v1/number-blocks",
        json={"device_id": commission.device_id, "unit_code": HZ_JW, "year": 2026, "size": 5},
        headers=commission.headers,
    )
    assert numbers.status_code == 403, numbers.text


def test_the_feed_continues_from_its_cursor(api: Api) -> None:
    commission, street = api.login("hzjw"), api.login("xinhai")
    payload = issue(None)
    one(api, commission, sup(commission, "suggestion", "issue", payload))
    first = feed(api, street)
    assert [c["kind"] for c in first["changes"]] == ["suggestion"]
    assert feed(api, street, first["cursor"])["changes"] == []
    reply = {"suggestion_id": payload["suggestion_id"], "reply": "已整改"}
    one(api, street, sup(street, "suggestion", "reply", reply))
    later = feed(api, street, first["cursor"])
    assert [c["suggestion"]["status"] for c in later["changes"]] == ["replied"]
    assert later["changes"][0]["seq"] > 0
    gone = api.client.get(
        "/api/v1/supervision", params={"cursor": "nonsense"}, headers=street.headers
    )
    assert gone.status_code == 400
