"""Penalty cases on the platform: push of case.*.v1 filed from a clue directly and after a
notice was found 逾期未整改, every milestone, units refused where they hold no power, case and
decision numbers only from the pushing device's blocks of their series, the cases inside the
clue objects of pulls, and the audit of every case action."""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from alembic import command
from platform_testkit import Api, Clock, Login
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.pool import NullPool

from cityplatform.db import Database, normalize_url
from cityplatform.migrate import alembic_config, upgrade_if_needed
from cityplatform.models import AuditEntry, Counter
from cityplatform.numbers import notice_counter, number_counter
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.validators import credit_code_check_char

STREET = "320706001"  # 新海街道: lead unit of the test clue, no power to file cases
BUREAU = "320706901"  # 连云港市海州生态环境局: assisting, files cases
MARKET = "320706909"  # 海州区市场监督管理局: assisting, no power over pollution cases
BLOCKS = "/api/v1/number-blocks"
TODAY = "2026-11-27"
COUNTER = itertools.count(5000)

PARTY = {
    "party_type": "organisation",
    "name": "连云港市某化工有限公司",
    "credit_code": "91320700MA1MXXXX0" + credit_code_check_char("91320700MA1MXXXX0"),
    "address": "海州区新海街道苍梧路1号",
    "legal_representative": "王五",
}
OFFICERS = [
    {"name": "张执法", "certificate": "32070601001"},
    {"name": "李执法", "certificate": "32070601002"},
]
FINE = [{"kind": "fine", "amount_yuan": "80000"}]


def _act(login: Login, kind: str, code: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "action_id": str(uuid.uuid4()),
        "device_seq": next(COUNTER),
        "type": kind if "." in kind else f"case.{kind}.v1",
        "clue_code": code,
        "payload": payload,
        "client_time": None,
    }


def _one(api: Api, login: Login, action: dict[str, Any]) -> dict[str, Any]:
    [result] = api.push(login, action)
    return result


def _clue(api: Api) -> tuple[str, Login, Login, Login]:
    """A clue of 海州区 led by 新海街道 (signed), assisted by the bureau and 市场监管."""
    county, street, bureau = api.login("haizhou"), api.login("xinhai"), api.login("hzhb")
    code = api.register_and_dispatch(county, lead=STREET, assisting=(BUREAU, MARKET))
    [signed] = api.push(street, street.action("sign", code))
    assert signed["status"] == "applied", signed
    return code, county, street, bureau


def _reserve(api: Api, login: Login, series: str, size: int = 5) -> dict[str, Any]:
    response = api.client.post(
        BLOCKS,
        json={
            "device_id": login.device_id,
            "unit_code": login.tokens["user"]["unit_code"],
            "year": 2026,
            "size": size,
            "series": series,
        },
        headers=login.headers,
    )
    assert response.status_code == 200, response.text
    block: dict[str, Any] = response.json()
    assert block["series"] == series
    return block


def _filing(seq: int, **changes: Any) -> dict[str, Any]:
    return {
        "case_id": str(uuid.uuid4()),
        "cause": "未采取措施防治废气无组织排放案",
        "law": "中华人民共和国大气污染防治法",
        "party": PARTY,
        "officers": OFFICERS,
        "filed_on": TODAY,
        "number_year": 2026,
        "number_seq": seq,
        "number": f"海环立〔2026〕{seq}号",
        **changes,
    }


def _file(api: Api, login: Login, code: str, seq: int, **changes: Any) -> dict[str, Any]:
    result = _one(api, login, _act(login, "file", code, _filing(seq, **changes)))
    assert result["status"] == "applied", result
    case: dict[str, Any] = result["case"]
    return case


@pytest.fixture
def engine(seeded_url: str) -> Iterator[Engine]:
    """A plain engine on the platform database (to read the audit log)."""
    made = create_engine(normalize_url(seeded_url), poolclass=NullPool)
    yield made
    made.dispose()


def test_a_case_filed_from_a_clue_goes_through_every_milestone(
    api: Api, clock: Clock, engine: Engine
) -> None:
    code, county, _, bureau = _clue(api)
    with engine.connect() as connection:  # the demo's numbers of each series
        used = dict(connection.execute(select(Counter.name, Counter.value)).all())
    cases, decisions = _reserve(api, bureau, "case"), _reserve(api, bureau, "decision")
    notices = _reserve(api, bureau, "notice")
    for block, series in ((cases, "case"), (decisions, "decision"), (notices, "notice")):
        assert block["first"] == used.get(f"{series}:{BUREAU}:2026", 0) + 1  # each counts alone
    case = _file(api, bureau, code, cases["first"])
    case_id = case["case_id"]
    assert case["status"] == "filed" and case["number"] == f"海环立〔2026〕{cases['first']}号"
    assert case["deadline"] == "2027-02-25T17:30:00+08:00"  # 90 days after 27 November
    seq = decisions["first"]
    steps: list[tuple[str, dict[str, Any], str]] = [
        ("investigate", {"investigated_on": TODAY, "note": "现场勘查、询问"}, "investigating"),
        (
            "notify",
            {"notified_on": TODAY, "document_number": "海环罚告〔2026〕1号", "penalties": FINE},
            "notified",
        ),
        (
            "statement",
            {
                "received_on": TODAY,
                "result": "不予采纳",
                "text": "称设备故障",
                "hearing_requested": True,
            },
            "notified",
        ),
        ("hearing", {"held_on": TODAY, "note": "听证维持拟处罚意见"}, "notified"),
        (
            "decide",
            {
                "decided_on": TODAY,
                "penalties": FINE,
                "facts": "你单位废气收集设施未运行，车间废气无组织排放。",
                "evidence": ["现场检查笔录"],
                "violated_clause_ids": ["air-45"],
                "basis_clause_ids": ["air-108"],
                "number_year": 2026,
                "number_seq": seq,
                "number": f"海环罚〔2026〕{seq}号",
            },
            "decided",
        ),
        (
            "serve",
            {
                "method": "direct",
                "served_at": "2026-11-27T10:00:00+08:00",
                "place": "该公司办公室",
                "recipient": "王五",
                "relation": "法定代表人",
                "servers": ["张执法", "李执法"],
            },
            "served",
        ),
        ("execute", {"executed_on": TODAY, "method": "自动履行", "amount_paid": 80000}, "executed"),
        ("close", {"outcome": "执行完毕", "closed_on": TODAY}, "closed"),
    ]
    last = 0
    for kind, payload, status in steps:
        result = _one(api, bureau, _act(bureau, kind, code, {"case_id": case_id, **payload}))
        assert result["status"] == "applied", (kind, result)
        assert result["case"]["status"] == status and result["case"]["version"] == result["seq"]
        assert result["seq"] > last
        last = result["seq"]
    closed = result["case"]
    assert closed["decision"]["number"] == f"海环罚〔2026〕{seq}号"
    assert closed["decision"]["penalties"] == [
        {"kind": "fine", "amount_yuan": "80000.00", "note": ""}
    ]
    assert [m["step"] for m in closed["milestones"]] == [
        "filed",
        "investigated",
        "notified",
        "statement",
        "hearing",
        "decided",
        "served",
        "executed",
        "closed",
    ]
    # whoever sees the clue pulls the case with it: the county office and the lead street
    for login in (county, api.login("xinhai")):
        clue = api.clue(login, code)
        assert clue is not None and clue["version"] == last
        assert clue["cases"] == [closed]
    assert [e["action"] for e in closed["events"]] == [s[0] for s in [("file",), *steps]]
    with Database(engine).read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
    pushes = [json.loads(e.details) for e in entries if e.kind == "push.action"]
    audited = [(p["type"], p["status"]) for p in pushes if p["type"].startswith("case.")]
    assert audited == [(f"case.{kind}.v1", "applied") for kind in ["file", *[s[0] for s in steps]]]


def test_filing_after_a_notice_was_not_rectified_links_the_notice(api: Api, clock: Clock) -> None:
    code, _, street, bureau = _clue(api)
    block = _reserve(api, street, "notice")
    notice_id = str(uuid.uuid4())
    content = {
        "party_name": PARTY["name"],
        "address": PARTY["address"],
        "facts": "现场检查发现废气收集设施未运行。",
        "order": "立即恢复废气收集处理设施正常运行。",
        "deadline_days": 3,
        "authority": "连云港市海州区新海街道办事处",
        "review_body": "连云港市海州区人民政府",
        "litigation_court": "灌南县人民法院",
    }
    seq = block["first"]
    for kind, payload in [
        ("notice.draft.v1", {"kind": "rectification", **content}),
        (
            "notice.issue.v1",
            {"number_year": 2026, "number_seq": seq, "number": f"海新海整改〔2026〕{seq}号"},
        ),
        (
            "notice.serve.v1",
            {
                "method": "direct",
                "served_at": "2026-11-27T10:05:00+08:00",
                "place": "该公司",
                "recipient": "王五",
                "relation": "法定代表人",
                "servers": ["甲", "乙"],
            },
        ),
    ]:
        done = _one(api, street, _act(street, kind, code, {"notice_id": notice_id, **payload}))
        assert done["status"] == "applied", done
    clock.advance(days=10)
    street, bureau = api.login("xinhai"), api.login("hzhb")
    reinspected = _one(
        api,
        street,
        _act(
            street,
            "notice.reinspect.v1",
            code,
            {"notice_id": notice_id, "result": "not_rectified", "note": "设施仍未运行"},
        ),
    )
    assert reinspected["notice"]["status"] == "not_rectified"
    cases = _reserve(api, bureau, "case")
    case = _file(api, bureau, code, cases["first"], filed_on="2026-12-07", notice_ids=[notice_id])
    assert case["notice_ids"] == [notice_id] and case["filed_on"] == "2026-12-07"
    foreign = _one(
        api,
        bureau,
        _act(bureau, "file", code, _filing(cases["first"] + 1, notice_ids=[str(uuid.uuid4())])),
    )
    assert (foreign["status"], foreign["code"], foreign["field"]) == (
        "rejected",
        "invalid",
        "notice_ids",
    )


@pytest.mark.parametrize(
    ("who", "law", "code", "reason"),
    [
        ("xinhai", "中华人民共和国大气污染防治法", "refused", "没有行政处罚权"),
        ("market", "中华人民共和国大气污染防治法", "refused", "没有行政处罚权"),
        ("hzhb", "中华人民共和国建筑法", "refused", "应移送有权机关"),
        ("haizhou", "中华人民共和国大气污染防治法", "refused", "办理人员"),
        ("hzjw", "中华人民共和国大气污染防治法", "refused", "督办"),
    ],
)
def test_a_unit_without_the_power_is_refused(
    api: Api, who: str, law: str, code: str, reason: str
) -> None:
    clue, _, _, bureau = _clue(api)
    login = bureau if who == "hzhb" else api.login("u320706909h" if who == "market" else who)
    block = _reserve(api, bureau, "case")
    result = _one(api, login, _act(login, "file", clue, _filing(block["first"], law=law)))
    assert (result["status"], result["code"]) == ("rejected", code), result
    assert reason in result["reason"]
    assert result["clue"] is not None and result["clue"]["cases"] == []


def test_only_units_that_file_cases_reserve_case_numbers(api: Api) -> None:
    street = api.login("xinhai")
    for series in ("case", "decision"):
        response = api.client.post(
            BLOCKS,
            json={
                "device_id": street.device_id,
                "unit_code": STREET,
                "year": 2026,
                "size": 5,
                "series": series,
            },
            headers=street.headers,
        )
        assert response.status_code == 403, response.text
        assert "行政处罚权" in response.json()["error"]["message"]
    assert _reserve(api, street, "notice")["series"] == "notice"
    unknown = api.client.post(
        BLOCKS,
        json={
            "device_id": street.device_id,
            "unit_code": STREET,
            "year": 2026,
            "size": 5,
            "series": "receipt",
        },
        headers=street.headers,
    )
    assert unknown.status_code == 422


def test_numbers_come_only_from_the_devices_blocks_of_their_series(api: Api) -> None:
    code, _, _, bureau = _clue(api)
    laptop = api.login("hzhb", "bureau-laptop")
    mine, theirs = _reserve(api, bureau, "case"), _reserve(api, laptop, "case")
    notice_block = _reserve(api, bureau, "notice", size=20)
    assert theirs["first"] > mine["last"]
    for seq in (theirs["first"], 999, notice_block["last"]):  # another device's, none, notices'
        refused = _one(api, bureau, _act(bureau, "file", code, _filing(seq)))
        assert (refused["status"], refused["code"], refused["field"]) == (
            "rejected",
            "invalid",
            "number",
        ), (seq, refused)
        assert "编号段" in refused["reason"]
    _file(api, bureau, code, mine["first"])
    twice = _one(api, bureau, _act(bureau, "file", code, _filing(mine["first"])))
    assert (twice["status"], twice["field"]) == ("rejected", "number")
    assert "已被使用" in twice["reason"]
    missing = _filing(mine["first"] + 1)
    del missing["number_year"], missing["number_seq"], missing["number"]
    no_number = _one(api, bureau, _act(bureau, "file", code, missing))
    assert (no_number["code"], no_number["field"]) == ("invalid", "number")
    # a decision number must come from a "decision" block, not a case block
    case = _file(api, bureau, code, mine["first"] + 1)
    notify = {
        "case_id": case["case_id"],
        "notified_on": TODAY,
        "document_number": "海环罚告〔2026〕9号",
        "penalties": [{"kind": "fine", "amount_yuan": "20000"}],
    }
    assert _one(api, bureau, _act(bureau, "notify", code, notify))["status"] == "applied"
    decide = {
        "case_id": case["case_id"],
        "decided_on": TODAY,
        "penalties": [{"kind": "fine", "amount_yuan": "20000"}],
        "facts": "违法事实",
        "violated_clause_ids": ["air-45"],
        "basis_clause_ids": ["air-108"],
        "number_year": 2026,
        "number_seq": mine["first"] + 2,
        "number": f"海环罚〔2026〕{mine['first'] + 2}号",
    }
    refused = _one(api, bureau, _act(bureau, "decide", code, decide))
    assert (refused["status"], refused["field"]) == ("rejected", "number"), refused
    decisions = _reserve(api, bureau, "decision")
    seq = decisions["first"]
    decide |= {"number_seq": seq, "number": f"海环罚〔2026〕{seq}号"}
    assert _one(api, bureau, _act(bureau, "decide", code, decide))["status"] == "applied"


def test_payload_errors_name_the_key_and_only_the_filing_unit_acts(api: Api) -> None:
    code, _, street, bureau = _clue(api)
    block = _reserve(api, bureau, "case")
    bad_type = _one(api, bureau, _act(bureau, "file", code, _filing(block["first"], cause=5)))
    assert (bad_type["code"], bad_type["field"]) == ("invalid", "cause")
    one_officer = _filing(block["first"], officers=OFFICERS[:1])
    refused = _one(api, bureau, _act(bureau, "file", code, one_officer))
    assert (refused["code"], refused["field"]) == ("invalid", "officers")
    assert "执法人员" in refused["reason"]
    bad_id = _filing(
        block["first"],
        party={
            "party_type": "individual",
            "name": "李某",
            "id_number": "110105194912310021",
            "address": "某村",
        },
    )
    refused = _one(api, bureau, _act(bureau, "file", code, bad_id))
    assert (refused["code"], refused["field"]) == ("invalid", "party.id_number")
    assert "身份证号码" in refused["reason"]
    case = _file(api, bureau, code, block["first"])
    other = _one(
        api,
        street,
        _act(
            street,
            "investigate",
            code,
            {"case_id": case["case_id"], "investigated_on": TODAY, "note": "x"},
        ),
    )
    assert (other["code"], other["status"]) == ("refused", "rejected")
    assert "立案单位" in other["reason"]
    unknown = _one(
        api,
        bureau,
        _act(bureau, "investigate", code, {"case_id": str(uuid.uuid4()), "note": "x"}),
    )
    assert unknown["code"] == "not_found"
    again = _act(bureau, "extend", code, {"case_id": case["case_id"], "days": 30})
    again["payload"] |= {"approved_by": "局长", "reason": "案情复杂"}
    first = _one(api, bureau, again)
    assert first["status"] == "applied"
    assert first["case"]["deadline"] == "2027-03-27T17:30:00+08:00"
    duplicate = api.push(bureau, again)[0]
    assert duplicate["status"] == "duplicate" and duplicate["seq"] == first["seq"]


def test_meta_lists_the_case_commands(api: Api) -> None:
    login = api.login("hzhb")
    types = api.client.get("/api/v1/meta", headers=login.headers).json()["action_types"]
    assert {f"case.{name}.v1" for name in ("file", "notify", "decide", "close", "extend")} <= set(
        types
    )


def test_the_migration_keeps_the_blocks_and_notice_counters(engine: Engine) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
        connection.execute(
            text(
                "INSERT INTO number_blocks (unit_code, year, first, last, device_id, username,"
                " created_at) VALUES (:unit, 2026, 41, 60, 'old-pc', 'xinhai', :at)"
            ),
            {"unit": STREET, "at": datetime(2026, 11, 1, tzinfo=CHINA_TZ)},
        )
        connection.execute(
            text("UPDATE counters SET value = 60 WHERE name = :name"),
            {"name": notice_counter(STREET, 2026)},
        )
        counters: dict[str, int] = dict(
            connection.execute(text("SELECT name, value FROM counters")).all()
        )
    assert upgrade_if_needed(engine) is True
    with engine.connect() as connection:
        series = connection.execute(
            text("SELECT series FROM number_blocks WHERE device_id = 'old-pc'")
        ).scalar_one()
        after: dict[str, int] = dict(
            connection.execute(text("SELECT name, value FROM counters")).all()
        )
        assert connection.execute(text("SELECT count(*) FROM cases")).scalar_one() == 0
    assert series == "notice" and after == counters
    assert notice_counter(STREET, 2026) == number_counter("notice", STREET, 2026)
    assert notice_counter(STREET, 2026) == f"notice:{STREET}:2026"  # the name it always had
