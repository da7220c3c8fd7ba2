"""End to end: penalty cases filed offline on client devices with numbers from their blocks,
their milestones synced to every client in scope, and a refused case action shown as a sync
problem — through the real city platform server (no mocks)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select

from desktop.domain.cases import CaseAction, CaseStatus, CaseStep
from desktop.domain.timeutil import china_now
from desktop.domain.workflow import Action
from desktop.store.cases import act_on_case, case_history, cases_of_clue, file_case, load_case
from desktop.store.models import Clue
from desktop.store.number_blocks import number_blocks, number_stock
from desktop.store.sync_apply import sync_problems, sync_status

if TYPE_CHECKING:
    from sync_testkit import Device, Platform

pytestmark = pytest.mark.slow

Make = Callable[[str], "Device"]

OFFICERS = [
    {"name": "张执法", "certificate": "32070601001"},
    {"name": "李执法", "certificate": "32070601002"},
]


def _filing(cause: str) -> dict[str, Any]:
    return {
        "cause": cause,
        "law": "中华人民共和国大气污染防治法",
        "party": {
            "party_type": "organisation",
            "name": "连云港市某化工有限公司",
            "address": "海州区新海街道苍梧路1号",
            "legal_representative": "王五",
        },
        "officers": OFFICERS,
        "filed_on": china_now().date().isoformat(),
    }


def _clue_assisted_by_the_bureau(
    platform: Platform, county: Device, township: Device, subject: str
) -> str:
    """A clue registered and dispatched by the county to the township (lead, signed) with
    the environment bureau assisting (synced)."""
    registered = county.act(
        Action.REGISTER,
        None,
        {
            "channel": "日常检查",
            "received_at": (china_now() - timedelta(hours=1)).isoformat(),
            "category": "大气",
            "priority": "一般",
            "description": f"巡查发现{subject}车间无组织排放",
            "address": "海州区新海街道苍梧路1号",
            "county_code": "320706",
            "township_code": platform.unit("township"),
            "subject_name": subject,
        },
    )
    county.act(
        Action.DISPATCH,
        registered.clue_code,
        {"lead_unit": platform.unit("township"), "assisting_units": [platform.unit("department")]},
    )
    assert county.sync().applied == 2
    with county.store.session() as session:
        code = session.scalar(select(Clue.code).where(Clue.subject_name == subject))
    assert code is not None and not code.startswith("临")
    township.sync()
    township.act(Action.SIGN, code)
    assert township.sync().applied == 1
    return str(code)


def test_two_devices_of_one_unit_file_offline_and_never_share_a_number(
    platform: Platform, device: Make
) -> None:
    county, township = device("county"), device("township")
    a, b = device("department"), device("department")
    county.sync()
    township.sync()
    first = a.sync()
    b.sync()
    unit, year = platform.unit("department"), china_now().year
    assert first.numbers_reserved == 60  # notice, case and decision numbers
    for series in ("notice", "case", "decision"):
        assert number_stock(a.store, unit, year, series) == 20
        [mine], [theirs] = (
            number_blocks(a.store, unit, series),
            number_blocks(b.store, unit, series),
        )
        assert mine.last < theirs.first or theirs.last < mine.first
    assert township.sync().numbers_reserved == 0  # a street keeps its notice numbers only
    code = _clue_assisted_by_the_bureau(platform, county, township, "两台设备同时立案")
    a.sync()
    b.sync()
    on_a = [file_case(a.store, a.username, a.device_id, code, _filing(f"甲案{i}")) for i in (1, 2)]
    on_b = [file_case(b.store, b.username, b.device_id, code, _filing(f"乙案{i}")) for i in (1, 2)]
    numbers = [done.state.number for done in on_a + on_b]
    assert len(set(numbers)) == 4  # before any sync
    for side in (a, b):
        summary = side.sync()
        assert (summary.applied, summary.rejected, summary.pending) == (2, 0, 0)
    county.sync()
    seen = {case.number for case in cases_of_clue(county.store, code)}
    assert seen == set(numbers)
    server = [c["number"] for c in platform.view("county")[code]["cases"]]
    assert sorted(server) == sorted(numbers)


def test_milestones_sync_to_every_client_in_scope(platform: Platform, device: Make) -> None:
    county, township, bureau = device("county"), device("township"), device("department")
    for side in (county, township, bureau):
        side.sync()
    code = _clue_assisted_by_the_bureau(platform, county, township, "立案后逐步办理")
    bureau.sync()
    today = china_now().date().isoformat()
    filed = file_case(bureau.store, bureau.username, bureau.device_id, code, _filing("废气案"))
    case_id = filed.case_id
    steps: list[tuple[CaseAction, dict[str, Any]]] = [
        (CaseAction.INVESTIGATE, {"investigated_on": today, "note": "现场检查、询问"}),
        (
            CaseAction.NOTIFY,
            {
                "notified_on": today,
                "document_number": "海环罚告〔2026〕1号",
                "penalties": [{"kind": "fine", "amount_yuan": "30000"}],
            },
        ),
        (CaseAction.EXTEND, {"days": 30, "approved_by": "局长 王某", "reason": "需补充监测"}),
        (
            CaseAction.DECIDE,
            {
                "decided_on": today,
                "penalties": [{"kind": "fine", "amount_yuan": "30000"}],
                "facts": "你单位废气收集设施未运行。",
                "violated_clause_ids": ["air-45"],
                "basis_clause_ids": ["air-108"],
            },
        ),
    ]
    for action, payload in steps:
        act_on_case(bureau.store, bureau.username, bureau.device_id, action, case_id, payload)
    local = load_case(bureau.store, case_id)
    assert local is not None and local.status is CaseStatus.DECIDED
    summary = bureau.sync()
    assert (summary.applied, summary.rejected, summary.pending) == (5, 0, 0)
    after = load_case(bureau.store, case_id)
    assert after is not None
    same = ("number", "decision", "deadline", "party", "officers", "proposed", "status")
    assert {k: after.to_dict()[k] for k in same} == {k: local.to_dict()[k] for k in same}
    assert [m.step for m in after.milestones] == [
        CaseStep.FILED,
        CaseStep.INVESTIGATED,
        CaseStep.NOTIFIED,
        CaseStep.DECIDED,
    ]
    assert not any(h.pending for h in case_history(bureau.store, case_id))
    for side in (county, township):
        side.sync()
        [seen] = cases_of_clue(side.store, code)
        assert seen.status is CaseStatus.DECIDED and seen.number == local.number
        assert seen.decision is not None and seen.decision == after.decision
        assert len(seen.extensions) == 1
        assert [h.action for h in case_history(side.store, case_id)] == [
            CaseAction.FILE,
            *(action for action, _ in steps),
        ]


def test_a_refused_case_action_shows_as_a_sync_problem(platform: Platform, device: Make) -> None:
    county, township = device("county"), device("township")
    a, b = device("department"), device("department")
    for side in (county, township, a, b):
        side.sync()
    code = _clue_assisted_by_the_bureau(platform, county, township, "两台设备意见不一")
    a.sync()
    case_id = file_case(a.store, a.username, a.device_id, code, _filing("待撤销的案件")).case_id
    a.sync()
    b.sync()
    today = china_now().date().isoformat()
    act_on_case(  # a withdraws the case …
        a.store,
        a.username,
        a.device_id,
        CaseAction.CLOSE,
        case_id,
        {"outcome": "撤销立案", "closed_on": today, "note": "不属于本机关管辖"},
    )
    stale = act_on_case(  # … while b, offline, still investigates it
        b.store,
        b.username,
        b.device_id,
        CaseAction.INVESTIGATE,
        case_id,
        {"investigated_on": today, "note": "补充询问"},
    )
    assert a.sync().applied == 1
    summary = b.sync()
    assert (summary.rejected, summary.problems) == (1, 1)
    [problem] = sync_problems(b.store)
    assert problem.action_id == stale.action_id and problem.code == "refused"
    assert "已结案" in problem.reason
    assert problem.action_label == "行政处罚案件：记录调查取证"
    shown = load_case(b.store, case_id)
    assert shown is not None and shown.status is CaseStatus.CLOSED  # the view left it out
    assert all(h.action_id != stale.action_id for h in case_history(b.store, case_id))
    assert sync_status(b.store).problems == 1
