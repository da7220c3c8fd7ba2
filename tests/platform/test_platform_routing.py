"""The closed loop as offices run it, enforced by the platform: ownership and routing across
counties, findings and closing, callbacks, sign-off, extension caps, duplicates, refusals,
channel time limits and intake deadlines. Each story ends with the clue's own history."""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime
from typing import Any

from platform_testkit import DRAFT, Api, Login

HZ, DH = "320706", "320722"  # 海州区, 东海县
HZ_STREET, HZ_BUREAU = "320706001", "320706901"  # 新海街道, 海州生态环境局
DH_STREET = "320722001"  # 牛山街道
CITY_BUREAU = "320700901"  # 连云港市生态环境局
CITY = "320700"
UNTRUE = {"result": "现场核查", "finding": "untrue", "measures": "经核查未发现所反映问题"}


def _one(api: Api, login: Login, kind: str, code: str, payload: dict[str, Any] | None = None):
    [result] = api.push(login, login.action(kind, code, payload or {}))
    return result


def _applied(api: Api, login: Login, kind: str, code: str, payload: dict[str, Any] | None = None):
    result = _one(api, login, kind, code, payload)
    assert result["status"] == "applied", result
    return result


def _refused(api: Api, login: Login, kind: str, code: str, payload: dict[str, Any] | None = None):
    result = _one(api, login, kind, code, payload)
    assert result["status"] == "rejected", result
    return result


def _register(api: Api, login: Login, **draft: Any) -> str:
    provisional = f"临20261127-{uuid.uuid4().hex[:8].upper()}"
    [result] = api.push(login, login.action("register", provisional, {**DRAFT, **draft}))
    assert result["status"] == "applied", result
    code: str = result["clue_code"]
    return code


def _evidence(api: Api, login: Login, text: str = "现场照片") -> list[dict[str, str]]:
    """Upload a small evidence file from `login`'s device; its citation."""
    data = f"{text}-{uuid.uuid4()}".encode()
    sha = hashlib.sha256(data).hexdigest()
    answer = api.client.put(
        f"/api/v1/attachments/{sha}",
        params={"offset": 0, "size": len(data)},
        content=data,
        headers={**login.headers, "Content-Type": "application/octet-stream"},
    )
    assert answer.status_code == 200, answer.text
    return [{"sha256": sha, "name": f"{text}.jpg"}]


def _handling(api: Api, county: Login, street: Login, **draft: Any) -> str:
    code = api.register_and_dispatch(county, lead=HZ_STREET, **draft)
    _applied(api, street, "sign", code)
    return code


def _actions(api: Api, login: Login, code: str) -> list[str]:
    clue = api.clue(login, code)
    assert clue is not None
    return [event["action"] for event in clue["events"]]


# ------------------------------------------------------------------------------- routing


def test_a_misrouted_clue_goes_back_to_the_city_and_on_to_another_county(api: Api) -> None:
    haizhou, city, donghai = api.login("haizhou"), api.login("city"), api.login("donghai")
    code = _register(api, haizhou)  # a 东海 matter registered in 海州 by mistake
    refused = _refused(api, haizhou, "dispatch", code, {"lead_unit": DH_STREET})
    assert "不是本县区可承办的单位" in refused["reason"]
    refused = _refused(api, haizhou, "transfer", code, {"target_county": DH, "reason": "属东海"})
    assert "县区攻坚办请退回市级" in refused["reason"]
    back = _applied(api, haizhou, "return_to_city", code, {"reason": "地址位于东海县牛山街道"})
    assert back["state"]["owner_unit"] == CITY and back["state"]["status"] == "returned"
    moved = _applied(api, city, "transfer", code, {"target_county": DH, "reason": "属地为东海县"})
    assert moved["state"]["county_code"] == DH and moved["state"]["owner_unit"] == DH
    assert moved["state"]["township_code"] is None and moved["state"]["status"] == "registered"
    # 东海 now owns it and dispatches it to its own street; 海州 lost it with a tombstone
    done = _applied(api, donghai, "dispatch", code, {"lead_unit": DH_STREET})
    assert done["state"]["lead_unit"] == DH_STREET
    changes, _ = api.pull_all(haizhou)
    gone = [c for c in changes if c["kind"] == "tombstone" and c["clue_code"] == code]
    assert gone and api.clue(haizhou, code) is None
    clue = api.clue(city, code)
    assert clue is not None
    assert [e["action"] for e in clue["events"]] == [
        "register",
        "return_to_city",
        "transfer",
        "dispatch",
    ]
    transfer = clue["events"][2]
    assert transfer["details"] == {"from_county": HZ, "county_code": DH}
    assert transfer["note"] == "属地为东海县" and transfer["unit_code"] == CITY


def test_the_city_takes_a_county_clue_over_only_by_a_recorded_action(api: Api) -> None:
    haizhou, city, street = api.login("haizhou"), api.login("city"), api.login("xinhai")
    code = api.register_and_dispatch(haizhou, lead=HZ_STREET)
    refused = _refused(api, city, "dispatch", code, {"lead_unit": HZ_BUREAU})
    assert "海州区" in refused["reason"] and "提级办理" in refused["reason"]
    taken = _applied(api, city, "take_over", code, {"reason": "群众反复举报，市级督办"})
    assert taken["state"]["owner_unit"] == CITY
    assert taken["state"]["status"] == "dispatched"  # the work goes on where it stood
    _applied(api, city, "dispatch", code, {"lead_unit": HZ_BUREAU})
    county_view = api.clue(haizhou, code)  # the county still sees it, and why
    assert county_view is not None and county_view["owner_unit"] == CITY
    take = [e for e in county_view["events"] if e["action"] == "take_over"]
    assert take and take[0]["details"] == {"from_owner": HZ}
    bureau = api.login("hzhb")
    _applied(api, bureau, "sign", code)
    _applied(api, bureau, "report", code, UNTRUE)
    refused = _refused(api, haizhou, "approve", code)
    assert "连云港市污染防治攻坚办" in refused["reason"]  # the county may not close it now
    _applied(api, city, "callback", code, {"callback": "satisfied"})
    _applied(api, city, "approve", code)
    assert _actions(api, city, code)[-1] == "approve"
    assert _one(api, street, "sign", code)["status"] == "rejected"  # long since signed


def test_a_county_may_not_dispatch_to_a_city_bureau_but_the_city_may(api: Api) -> None:
    haizhou, city = api.login("haizhou"), api.login("city")
    code = _register(api, haizhou)
    refused = _refused(api, haizhou, "dispatch", code, {"lead_unit": CITY_BUREAU})
    assert refused["code"] == "invalid" and refused["field"] == "lead_unit"
    city_code = _register(api, city)
    done = _applied(api, city, "dispatch", city_code, {"lead_unit": CITY_BUREAU})
    assert done["state"]["owner_unit"] == CITY and done["state"]["lead_unit"] == CITY_BUREAU
    refused = _refused(api, haizhou, "dispatch", city_code, {"lead_unit": HZ_STREET})
    assert "连云港市污染防治攻坚办" in refused["reason"]


def test_only_the_owner_redispatches_while_the_clue_waits_to_be_signed(api: Api) -> None:
    haizhou, city = api.login("haizhou"), api.login("city")
    code = api.register_and_dispatch(haizhou, lead=HZ_STREET)
    _refused(api, city, "dispatch", code, {"lead_unit": "320706002"})
    again = _applied(api, haizhou, "dispatch", code, {"lead_unit": "320706002"})
    assert again["state"]["lead_unit"] == "320706002"


def test_the_city_office_registers_clues_and_the_commission_hands_them_over(api: Api) -> None:
    city, county, commission = api.login("city"), api.login("haizhou"), api.login("hzjw")
    by_city = _register(api, city)
    assert api.clue(city, by_city)["owner_unit"] == CITY  # type: ignore[index]
    # A clue the commission receives is registered by the tackling office (纪委监委移交); the
    # commission itself acts on no clue.
    provisional = f"临20261127-{uuid.uuid4().hex[:8].upper()}"
    draft = {**DRAFT, "channel": "discipline_transfer"}
    [refused] = api.push(commission, commission.action("register", provisional, draft))
    assert (refused["status"], refused["code"]) == ("rejected", "refused")
    handed_over = api.clue(city, _register(api, county, channel="discipline_transfer"))
    assert handed_over is not None and handed_over["owner_unit"] == HZ
    assert handed_over["channel"] == "discipline_transfer"


# -------------------------------------------------------------------- findings and closing


def test_a_report_carries_its_finding_measures_and_evidence(api: Api) -> None:
    haizhou, street = api.login("haizhou"), api.login("xinhai")
    code = _handling(api, haizhou, street)
    missing = _refused(api, street, "report", code, {"result": "已整改"})
    assert missing["field"] == "finding"
    no_evidence = {"result": "已整改", "finding": "true", "measures": "责令停产"}
    refused = _refused(api, street, "report", code, no_evidence)
    assert refused["field"] == "attachments"
    report = {**no_evidence, "attachments": _evidence(api, street)}
    done = _applied(api, street, "report", code, report)
    assert done["state"]["finding"] == "true" and done["state"]["status"] == "reviewing"
    clue = api.clue(haizhou, code)
    assert clue is not None and clue["finding"] == "true"
    assert clue["events"][-1]["details"] == {"finding": "true", "measures": "责令停产"}
    assert [a["sha256"] for a in clue["attachments"]] == [report["attachments"][0]["sha256"]]


def _issued_notice(api: Api, street: Login, code: str) -> str:
    from test_platform_notices import CONTENT, SERVICE, _act, _issue_payload, _reserve

    block = _reserve(api, street)
    notice_id = str(uuid.uuid4())
    payload = {"notice_id": notice_id, "kind": "rectification", **CONTENT}
    steps = [
        ("draft", payload),
        ("issue", _issue_payload(notice_id, block["first"])),
        ("serve", {"notice_id": notice_id, **SERVICE}),
    ]
    for kind, body in steps:
        [result] = api.push(street, _act(street, kind, code, body))
        assert result["status"] == "applied", result
    return notice_id


def test_closing_is_refused_while_a_notice_runs_unless_the_reviewer_says_why(api: Api) -> None:
    haizhou, street = api.login("haizhou"), api.login("xinhai")
    code = _handling(api, haizhou, street, channel="daily_inspection")
    _issued_notice(api, street, code)
    _applied(api, street, "report", code, UNTRUE)
    refused = _refused(api, haizhou, "approve", code)
    assert refused["field"] == "override_reason"
    assert "整改期内" in refused["reason"]
    why = "企业已停产关闭，整改通知书无需继续跟踪"
    done = _applied(api, haizhou, "approve", code, {"override_reason": why})
    assert done["state"]["status"] == "closed"
    clue = api.clue(haizhou, code)
    assert clue is not None
    details = clue["events"][-1]["details"]
    assert details["override_reason"] == why and len(details["open_notices"]) == 1


def test_a_callback_is_needed_before_closing_and_unsatisfied_sends_back(api: Api) -> None:
    haizhou, street = api.login("haizhou"), api.login("xinhai")
    code = _handling(api, haizhou, street)  # 12345: a reporter to call back
    _applied(api, street, "report", code, UNTRUE)
    refused = _refused(api, haizhou, "approve", code)
    assert refused["field"] == "callback" and "回访" in refused["reason"]
    _applied(api, haizhou, "callback", code, {"callback": "unsatisfied", "note": "认为仍有异味"})
    _refused(api, haizhou, "reopen", code, {"reason": "x"})  # still reviewing: reject it
    rejected = _applied(api, haizhou, "reject", code, {"reason": "举报人不满意，重新核查"})
    assert rejected["state"]["status"] == "handling"
    report = {
        "result": "复查属实",
        "finding": "partly_true",
        "measures": "已责令整改",
        "attachments": _evidence(api, street),
    }
    _applied(api, street, "report", code, report)
    _applied(api, haizhou, "callback", code, {"callback": "satisfied"})
    _applied(api, haizhou, "approve", code)
    _applied(api, haizhou, "callback", code, {"callback": "unsatisfied", "note": "又出现"})
    reopened = _applied(api, haizhou, "reopen", code, {"reason": "回访不满意，重新办理"})
    assert reopened["state"]["status"] == "handling" and reopened["state"]["callback"] is None
    actions = _actions(api, haizhou, code)
    assert actions[actions.index("callback") :] == [
        "callback",
        "reject",
        "report",
        "callback",
        "approve",
        "callback",
        "reopen",
    ]


def test_a_channel_without_a_reporter_has_no_callback(api: Api) -> None:
    haizhou, street = api.login("haizhou"), api.login("xinhai")
    code = _handling(api, haizhou, street, channel="remote_sensing")
    _applied(api, street, "report", code, UNTRUE)
    refused = _refused(api, haizhou, "callback", code, {"callback": "satisfied"})
    assert "无需回访" in refused["reason"]
    _applied(api, haizhou, "approve", code)


# ------------------------------------------------------------------------------ sign-off


def test_a_clerks_report_leaves_the_unit_after_the_heads_sign_off(api: Api) -> None:
    haizhou, head, clerk = api.login("haizhou"), api.login("xinhai"), api.login("xinhaijb")
    assert clerk.tokens["user"]["post"] == "clerk" and head.tokens["user"]["post"] == "head"
    code = _handling(api, haizhou, head)
    held = _applied(api, clerk, "report", code, UNTRUE)
    assert held["state"]["status"] == "signoff"
    _refused(api, clerk, "signoff_approve", code)
    _refused(api, haizhou, "approve", code)
    back = _applied(api, head, "signoff_reject", code, {"reason": "核查过程描述不清"})
    assert back["state"]["status"] == "handling"
    _applied(api, clerk, "report", code, {**UNTRUE, "result": "补充了核查过程"})
    passed = _applied(api, head, "signoff_approve", code, {"note": "同意上报"})
    assert passed["state"]["status"] == "reviewing" and passed["state"]["reported_at"]
    assert _actions(api, haizhou, code)[-4:] == [
        "report",
        "signoff_reject",
        "report",
        "signoff_approve",
    ]


# ---------------------------------------------------------------------------- extensions


def test_extensions_are_capped_by_count_and_by_total_days(api: Api) -> None:
    haizhou, street = api.login("haizhou"), api.login("xinhai")
    code = _handling(api, haizhou, street)
    too_many = _refused(api, street, "request_extension", code, {"days": 11, "reason": "检测"})
    assert too_many["field"] == "days"
    _applied(api, street, "request_extension", code, {"days": 10, "reason": "第三方检测"})
    _applied(api, haizhou, "approve_extension", code)
    over = _refused(api, street, "request_extension", code, {"days": 6, "reason": "再检测"})
    assert over["field"] == "days" and "5" in over["reason"]  # 15 in all: 5 left
    _applied(api, street, "request_extension", code, {"days": 5, "reason": "再检测"})
    _applied(api, haizhou, "deny_extension", code, {"reason": "不同意"})
    third = _refused(api, street, "request_extension", code, {"days": 1, "reason": "再延"})
    assert "上限" in third["reason"]
    clue = api.clue(haizhou, code)
    assert clue is not None and clue["extension_count"] == 2 and clue["extended_days"] == 10


# ------------------------------------------------------------------- duplicates, refusals


def test_a_duplicate_follows_its_original_and_closes_with_it(api: Api) -> None:
    haizhou, street = api.login("haizhou"), api.login("xinhai")
    original = _handling(api, haizhou, street, channel="daily_inspection")
    second = _register(api, haizhou, reporter_name="李四", reporter_phone="13912345678")
    refused = _refused(api, haizhou, "mark_duplicate", second, {"original": "LYG2026999999"})
    assert refused["field"] == "original"
    marked = _applied(api, haizhou, "mark_duplicate", second, {"original": original})
    assert marked["state"]["status"] == "duplicate" and marked["state"]["duplicate_of"] == original
    _refused(api, haizhou, "close_with_original", second, {"original": original})
    _applied(api, street, "report", original, UNTRUE)
    _applied(api, haizhou, "approve", original)
    clue = api.clue(haizhou, second)
    assert clue is not None and clue["status"] == "closed" and clue["finding"] == "untrue"
    assert [e["action"] for e in clue["events"]] == [
        "register",
        "mark_duplicate",
        "close_with_original",
    ]
    # the duplicate's reporter is called back too (12345)
    _applied(api, haizhou, "callback", second, {"callback": "basically"})


def test_an_invalid_item_is_refused_with_its_rule(api: Api) -> None:
    haizhou = api.login("haizhou")
    code = _register(api, haizhou)
    bad = _refused(api, haizhou, "refuse", code, {"ground": "nonsense", "reason": "x"})
    assert bad["field"] == "ground"
    done = _applied(api, haizhou, "refuse", code, {"ground": "no_facts", "reason": "无具体地址"})
    assert done["state"]["status"] == "refused" and done["state"]["closed_at"]
    clue = api.clue(haizhou, code)
    assert clue is not None
    assert clue["events"][-1]["details"]["ground_text"] == "无具体被反映对象或违法事实"
    _refused(api, haizhou, "dispatch", code, {"lead_unit": HZ_STREET})


# ------------------------------------------------------------ channel limits and intake


def test_time_limits_come_from_the_channel(api: Api) -> None:
    haizhou = api.login("haizhou")
    petition = api.register_and_dispatch(haizhou, lead=HZ_STREET, channel="petition")
    hotline = api.register_and_dispatch(haizhou, lead=HZ_STREET)  # 12345: 5 working days
    inspection = api.register_and_dispatch(haizhou, lead=HZ_STREET, channel="daily_inspection")
    deadlines = {
        code: api.clue(haizhou, code)["handle_deadline"]  # type: ignore[index]
        for code in (petition, hotline, inspection)
    }
    # dispatched Friday 27 November 2026, 10:00
    assert deadlines[hotline] == "2026-12-04T17:30:00+08:00"  # 5 working days
    assert deadlines[inspection] == "2026-12-11T17:30:00+08:00"  # the default 10
    # 42 working days run into 2027, whose holidays the calendar data may not hold yet
    from desktop.domain.calendar import default_calendar
    from desktop.domain.timeutil import CHINA_TZ

    dispatched = datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ)
    petition_due = default_calendar().deadline_after(dispatched, 42).isoformat()
    assert deadlines[petition] == petition_due > "2027-01-25"


def test_an_intake_item_keeps_its_channel_reference_and_its_senders_deadline(api: Api) -> None:
    city, haizhou = api.login("city"), api.login("haizhou")
    body = {
        "external_id": "DC-2026-0451",
        "channel": "inspection_assignment",
        "received_at": "2026-11-27T08:00:00+08:00",
        "category": "water",
        "description": "中央督察交办：某河道发现黑臭水体",
        "address": "海州区新海街道某河段",
        "county_code": HZ,
        "due_by": "2026-12-02 17:30",
    }
    response = api.client.post("/api/v1/intake", json=body, headers=city.headers)
    assert response.status_code == 201, response.text
    code = response.json()["code"]
    clue = api.clue(haizhou, code)
    assert clue is not None and clue["channel_ref"] == "DC-2026-0451"
    assert clue["due_by"] == "2026-12-02T17:30:00+08:00" and clue["owner_unit"] == CITY
    late = _refused(
        api, city, "dispatch", code, {"lead_unit": HZ_STREET, "handle_deadline": "2026-12-04"}
    )
    assert late["field"] == "handle_deadline" and "交办" in late["reason"]
    done = _applied(api, city, "dispatch", code, {"lead_unit": HZ_STREET})
    assert done["state"]["handle_deadline"] == "2026-12-02T17:30:00+08:00"
