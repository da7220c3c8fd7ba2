"""Notices on the platform: push of notice.*.v1 (applied, duplicate, every rejection), the
number-block check of ISSUE, and notices inside the clue objects of pulls (scope)."""

from __future__ import annotations

import itertools
import uuid
from typing import Any

import pytest
from platform_testkit import Api, Clock, Login

STREET = "320706001"  # 新海街道: lead unit of the test clue
OTHER_STREET = "320706002"  # 幸福路街道: no relation to it
BUREAU = "320706901"  # 连云港市海州生态环境局: assisting unit
BLOCKS = "/api/v1/number-blocks"

CONTENT: dict[str, Any] = {
    "party_name": "连云港市某化工有限公司",
    "credit_code": "91320700MA1MXXXX00",
    "address": "海州区新海街道苍梧路1号",
    "legal_representative": "王五",
    "facts": "2026年11月26日现场检查发现你单位废气收集设施未运行，车间无组织排放明显。",
    "evidence": ["现场检查笔录", "现场照片12张"],
    "clause_ids": [],
    "order": "立即恢复废气收集处理设施正常运行。",
    "deadline_days": 5,
    "report_requirement": "整改完成后书面报告。",
    "consequences": "逾期未整改的，依法移送查处。",
    "review_body": "海州区人民政府",
    "litigation_court": "海州区人民法院",
    "authority": "新海街道办事处",
    "contact_person": "李四",
    "contact_phone": "0518-85821234",
}


def _fix_credit(content: dict[str, Any]) -> dict[str, Any]:
    from desktop.domain.validators import credit_code_check_char

    code = content["credit_code"][:17]
    return {**content, "credit_code": code + credit_code_check_char(code)}


CONTENT = _fix_credit(CONTENT)
COUNTER = itertools.count(1000)


def _act(
    login: Login, kind: str, code: str, payload: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    return {
        "action_id": extra.pop("action_id", str(uuid.uuid4())),
        "device_seq": next(COUNTER),
        "type": kind if kind.startswith("notice.") else f"notice.{kind}.v1",
        "clue_code": code,
        "payload": payload,
        "client_time": None,
    }


def _one(api: Api, login: Login, action: dict[str, Any]) -> dict[str, Any]:
    [result] = api.push(login, action)
    return result


def _handling_clue(api: Api) -> tuple[str, Login, Login, Login]:
    """A clue of 海州区 led by 新海街道 (signed) and assisted by the environment bureau."""
    county, street, bureau = api.login("haizhou"), api.login("xinhai"), api.login("hzhb")
    code = api.register_and_dispatch(county, lead=STREET, assisting=(BUREAU,))
    [signed] = api.push(street, street.action("sign", code))
    assert signed["status"] == "applied", signed
    return code, county, street, bureau


def _reserve(api: Api, login: Login, size: int = 5, year: int = 2026) -> dict[str, Any]:
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


def _draft(api: Api, login: Login, code: str, **changes: Any) -> str:
    notice_id = str(uuid.uuid4())
    payload = {"notice_id": notice_id, "kind": "rectification", **CONTENT, **changes}
    result = _one(api, login, _act(login, "draft", code, payload))
    assert result["status"] == "applied", result
    return notice_id


def _issue_payload(notice_id: str, seq: int, prefix: str = "海新海整改", **extra: Any) -> dict:
    return {
        "notice_id": notice_id,
        "number_year": 2026,
        "number_seq": seq,
        "number": f"{prefix}〔2026〕{seq}号",
        "issued_at": "2026-11-27T10:00:00+08:00",
        "clauses": [],
        **extra,
    }


SERVICE = {
    "method": "direct",
    "served_at": "2026-11-27T10:05:00+08:00",
    "place": "该公司办公室",
    "recipient": "王五",
    "relation": "法定代表人",
    "servers": ["李四", "赵六"],
}


def test_the_whole_life_of_a_notice_through_the_platform(api: Api, clock: Clock) -> None:
    code, county, street, _ = _handling_clue(api)
    block = _reserve(api, street)
    notice_id = _draft(api, street, code)
    steps: list[tuple[str, dict[str, Any], str]] = [
        ("edit", {"notice_id": notice_id, "order": "立即停产整改。"}, "draft"),
        ("issue", _issue_payload(notice_id, block["first"]), "issued"),
        ("serve", {"notice_id": notice_id, **SERVICE}, "served"),
    ]
    last = 0
    for kind, payload, status in steps:
        result = _one(api, street, _act(street, kind, code, payload))
        assert result["status"] == "applied", result
        assert result["state"] is None and result["seq"] > last
        last = result["seq"]
        assert result["notice"]["status"] == status
        assert result["notice"]["version"] == result["seq"]
    issued = result["notice"]
    assert issued["number"] == f"海新海整改〔2026〕{block['first']}号"
    assert issued["content"]["order"] == "立即停产整改。"
    assert issued["rectify_deadline"] == "2026-12-04T17:30:00+08:00"  # 5 working days
    assert len(issued["verification"]) == 8
    clock.advance(days=10)  # 7 December: the deadline has passed
    street, county = api.login("xinhai"), api.login("haizhou")  # the old tokens expired
    later = [
        ("reinspect", {"result": "not_rectified", "note": "设施仍未运行"}, "not_rectified"),
        (
            "file_case",
            {"case_number": "海环罚立〔2026〕88号", "filed_on": "2026-12-07"},
            "case_filed",
        ),
        ("close_case", {"closed_on": "2026-12-07", "case_result": "罚款五万元"}, "case_closed"),
    ]
    for kind, payload, status in later:
        result = _one(api, street, _act(street, kind, code, {"notice_id": notice_id, **payload}))
        assert result["status"] == "applied", result
        assert result["notice"]["status"] == status
    clue = api.clue(county, code)
    assert clue is not None and clue["version"] == result["seq"]
    [notice] = clue["notices"]
    assert notice == result["notice"]
    assert notice["case_number"] == "海环罚立〔2026〕88号"
    assert [e["action"] for e in notice["events"]] == [
        "draft",
        "edit",
        "issue",
        "serve",
        "reinspect",
        "file_case",
        "close_case",
    ]
    assert notice["events"][0]["device_id"] == street.device_id
    assert notice["events"][-1]["note"] == "罚款五万元"


def test_an_issued_number_must_lie_in_a_block_of_the_pushing_device(api: Api) -> None:
    code, _, street, _ = _handling_clue(api)
    other_device = api.login("xinhai", "second-laptop")
    mine = _reserve(api, street)
    theirs = _reserve(api, other_device)
    assert theirs["first"] > mine["last"]
    first, second = _draft(api, street, code), _draft(api, street, code)

    def issue(notice_id: str, seq: int, **extra: Any) -> dict[str, Any]:
        payload = _issue_payload(notice_id, seq, **extra)
        return _one(api, street, _act(street, "issue", code, payload))

    for seq in (theirs["first"], 999):
        refused = issue(first, seq)
        assert (refused["status"], refused["code"], refused["field"]) == (
            "rejected",
            "invalid",
            "number",
        ), refused
        assert "编号段" in refused["reason"]
        assert refused["clue"]["notices"][0]["status"] == "draft"  # nothing was written
    assert issue(first, mine["first"])["status"] == "applied"
    again = issue(second, mine["first"])
    assert (again["status"], again["field"]) == ("rejected", "number")
    assert "已被使用" in again["reason"]
    wrong_text = issue(second, mine["first"] + 1, prefix="海环整改")
    assert wrong_text["status"] == "applied"  # the printed prefix is the device's
    missing = _one(api, street, _act(street, "issue", code, {"notice_id": second, "number_seq": 3}))
    assert (missing["status"], missing["code"]) == ("rejected", "refused")


def test_the_number_checked_is_the_units_and_the_years(api: Api) -> None:
    code, _, street, _ = _handling_clue(api)
    _reserve(api, street, year=2025)
    notice_id = _draft(api, street, code)
    payload = _issue_payload(notice_id, 1)
    refused = _one(api, street, _act(street, "issue", code, payload))
    assert (refused["status"], refused["field"]) == ("rejected", "number")
    stale = {**payload, "number_year": 2025, "number": "海新海整改〔2025〕1号"}
    mismatch = _one(api, street, _act(street, "issue", code, stale))
    assert (mismatch["status"], mismatch["field"]) == ("rejected", "number")
    assert "签发日期" in mismatch["reason"]


@pytest.mark.parametrize(
    ("who", "kind", "code", "reason"),
    [
        ("hzhb", "correction_order", "applied", None),
        ("hzhb", "rectification", "applied", None),
        ("xinhai", "correction_order", "refused", "生态环境部门"),
        ("haizhou", "rectification", "refused", "办理人员"),
        ("hzjw", "rectification", "refused", "督办"),
        ("other_street", "rectification", "out_of_scope", None),
    ],
)
def test_who_may_draft_which_kind(api: Api, who: str, kind: str, code: str, reason: Any) -> None:
    clue, _, _, _ = _handling_clue(api)
    if who == "other_street":
        login = api.login(_user_of(api, OTHER_STREET))
    else:
        login = api.login(who)
    payload = {"notice_id": str(uuid.uuid4()), "kind": kind, **CONTENT}
    result = _one(api, login, _act(login, "draft", clue, payload))
    assert result["status"] == ("applied" if code == "applied" else "rejected"), result
    if code != "applied":
        assert result["code"] == code
        if reason:
            assert reason in result["reason"]
    if code == "out_of_scope":
        assert result["clue"] is None


def _user_of(api: Api, unit: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(api.url)
    try:
        with engine.connect() as connection:
            name = connection.execute(
                text("SELECT username FROM users WHERE unit_code = :u AND role = 'handler'"),
                {"u": unit},
            ).scalar()
    finally:
        engine.dispose()
    assert name
    return str(name)


def test_only_the_issuing_unit_follows_its_notice_up(api: Api) -> None:
    code, _, street, bureau = _handling_clue(api)
    block = _reserve(api, street)
    notice_id = _draft(api, street, code)
    edit = _one(api, bureau, _act(bureau, "edit", code, {"notice_id": notice_id, "order": "x"}))
    assert (edit["status"], edit["code"]) == ("rejected", "refused")
    assert "起草单位" in edit["reason"]
    issued = _one(
        api, street, _act(street, "issue", code, _issue_payload(notice_id, block["first"]))
    )
    assert issued["status"] == "applied"
    serve = _one(api, bureau, _act(bureau, "serve", code, {"notice_id": notice_id, **SERVICE}))
    assert (serve["status"], serve["code"]) == ("rejected", "refused")
    frozen = _one(api, street, _act(street, "edit", code, {"notice_id": notice_id, "order": "y"}))
    assert (frozen["status"], frozen["code"]) == ("rejected", "refused")
    assert "已签发" in frozen["reason"]


def test_payload_errors_unknown_types_and_duplicates(api: Api) -> None:
    code, _, street, _ = _handling_clue(api)
    bad_type = {"notice_id": str(uuid.uuid4()), "kind": "rectification", **CONTENT, "facts": 5}
    result = _one(api, street, _act(street, "draft", code, bad_type))
    assert (result["status"], result["code"], result["field"]) == ("rejected", "invalid", "facts")
    no_id = _one(api, street, _act(street, "draft", code, {"kind": "rectification"}))
    assert (no_id["code"], no_id["field"]) == ("invalid", "notice_id")
    bad_credit = {**CONTENT, "credit_code": "91320700MA1MXXXX0X"}
    credit = _one(
        api,
        street,
        _act(
            street,
            "draft",
            code,
            {"notice_id": str(uuid.uuid4()), "kind": "rectification", **bad_credit},
        ),
    )
    assert (credit["code"], credit["field"]) == ("invalid", "credit_code")
    assert credit["reason"].startswith("统一社会信用代码：")
    unknown = _one(api, street, _act(street, "notice.recall.v1", code, {"notice_id": "x"}))
    assert unknown["code"] == "unknown_type"
    nowhere = _one(api, street, _act(street, "edit", code, {"notice_id": str(uuid.uuid4())}))
    assert nowhere["code"] == "not_found"
    no_clue = _one(api, street, _act(street, "draft", "LYG2026999999", {"notice_id": "y"}))
    assert no_clue["code"] == "not_found"
    payload = {"notice_id": str(uuid.uuid4()), "kind": "rectification", **CONTENT}
    action = _act(street, "draft", code, payload)
    first = _one(api, street, action)
    again = _one(api, street, {**action, "device_seq": next(COUNTER)})
    assert (first["status"], again["status"]) == ("applied", "duplicate")
    assert again["seq"] == first["seq"]
    assert [n["notice_id"] for n in again["clue"]["notices"]] == [payload["notice_id"]]
    twice = _one(api, street, _act(street, "draft", code, payload))
    assert (twice["code"], twice["field"]) == ("invalid", "notice_id")


def test_whoever_sees_the_clue_sees_its_notices(api: Api) -> None:
    code, county, street, bureau = _handling_clue(api)
    notice_id = _draft(api, street, code)
    for login in (county, street, bureau, api.login("hzjw"), api.login("city")):
        clue = api.clue(login, code)
        assert clue is not None, login.username
        assert [n["notice_id"] for n in clue["notices"]] == [notice_id]
        assert clue["notices"][0]["clue_code"] == code
    assert api.clue(api.login(_user_of(api, OTHER_STREET)), code) is None


def test_meta_lists_the_notice_commands(api: Api) -> None:
    login = api.login("xinhai")
    response = api.client.get("/api/v1/meta", headers=login.headers)
    types = response.json()["action_types"]
    assert "clue.sign.v1" in types
    assert {f"notice.{n}.v1" for n in ("draft", "issue", "serve", "close_case")} <= set(types)
