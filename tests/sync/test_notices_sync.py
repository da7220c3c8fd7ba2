"""End to end: notices drafted, issued with offline numbers, served and followed up on client
devices, synced through the real city platform server (no mocks)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import delete, select

from desktop.domain.notices import NoticeAction, NoticeStatus
from desktop.domain.timeutil import china_now
from desktop.domain.workflow import Action
from desktop.store.models import Clue, Notice, NoticeEvent, NumberBlock
from desktop.store.notices import (
    LocalNoticeAction,
    draft_content_for_clue,
    list_notices,
    notices_of_clue,
    number_stock,
    take_notice_action,
)
from desktop.store.number_blocks import number_blocks, save_number_block
from desktop.store.queues import Viewer
from desktop.store.sync_apply import (
    SyncDataError,
    apply_pull_page,
    discard_problem,
    export_clue,
    read_state,
    sync_problems,
    sync_status,
)
from desktop.sync.api import PlatformApi
from desktop.sync.engine import summary_lines

if TYPE_CHECKING:
    from sync_testkit import Device, Platform

pytestmark = pytest.mark.slow

Make = Callable[[str], "Device"]


def _normal(value: Any) -> Any:
    """JSON with instants as datetimes, so equal instants compare equal however written."""
    if isinstance(value, str) and len(value) >= 19 and value[4:5] == "-" and "T" in value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    return value


def _new_handled_clue(platform: Platform, county: Device, township: Device, subject: str) -> str:
    """A clue registered and dispatched by the county, signed by the township (synced)."""
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
    county.act(Action.DISPATCH, registered.clue_code, {"lead_unit": platform.unit("township")})
    assert county.sync().applied == 2
    with county.store.session() as session:
        code = session.scalar(select(Clue.code).where(Clue.subject_name == subject))
    assert code is not None and not code.startswith("临")
    township.sync()
    township.act(Action.SIGN, code)
    return str(code)


def _notice(
    device: Device,
    action: NoticeAction,
    notice_id: str | None,
    code: str,
    payload: dict[str, Any] | None = None,
) -> LocalNoticeAction:
    return take_notice_action(
        device.store, device.username, device.device_id, action, notice_id, code, payload or {}
    )


def _draft(device: Device, code: str, **changes: Any) -> str:
    content = draft_content_for_clue(device.store, code, device.username).to_dict()
    content["facts"] += "废气收集处理设施未运行。"  # the handler's findings after the lead-in
    content.update({"deadline_days": 5, "legal_representative": "王五", **changes})
    return _notice(
        device, NoticeAction.DRAFT, None, code, {"kind": "rectification", **content}
    ).notice_id


def _issue(device: Device, code: str, **issue: Any) -> LocalNoticeAction:
    notice_id = _draft(device, code)
    return _notice(device, NoticeAction.ISSUE, notice_id, code, issue)


def _service(when: datetime) -> dict[str, Any]:
    return {
        "method": "direct",
        "served_at": when.isoformat(),
        "place": "该公司办公室",
        "recipient": "王五",
        "relation": "法定代表人",
        "servers": ["李四", "赵六"],
    }


def _server_notices(platform: Platform, key: str, code: str) -> list[dict[str, Any]]:
    notices: list[dict[str, Any]] = platform.view(key)[code]["notices"]
    return notices


def test_a_township_issues_offline_and_the_county_sees_the_same_number(
    platform: Platform, device: Make
) -> None:
    county, township = device("county"), device("township")
    county.sync()
    first = township.sync()
    unit, year = platform.unit("township"), china_now().year
    assert first.numbers_reserved == 20 and number_stock(township.store, unit, year) == 20
    code = _new_handled_clue(platform, county, township, "离线签发化工厂")
    issued = _issue(township, code)  # all offline from here
    notice_id = issued.notice_id
    [block] = number_blocks(township.store, unit)
    assert (issued.state.number_year, issued.state.number_seq) == (year, block.first)
    assert issued.state.number.endswith(f"〔{year}〕{block.first}号")  # type: ignore[union-attr]
    _notice(township, NoticeAction.SERVE, notice_id, code, _service(china_now()))
    done = _notice(
        township,
        NoticeAction.REINSPECT,
        notice_id,
        code,
        {"result": "rectified", "note": "废气收集设施已恢复运行"},
    )
    assert done.state.status is NoticeStatus.RECTIFIED
    summary = township.sync()
    assert (summary.applied, summary.rejected, summary.pending) == (5, 0, 0)
    assert summary.numbers_reserved == 0  # 19 left: enough
    [local] = notices_of_clue(township.store, code)
    assert local.number == issued.state.number and local.status is NoticeStatus.RECTIFIED
    with township.store.session() as session:
        assert not session.scalar(select(Notice.pending))
        assert not session.scalars(select(NoticeEvent).where(NoticeEvent.pending)).all()
    server = _server_notices(platform, "township", code)
    exported = export_clue(township.store, code)
    assert exported is not None
    assert _normal(exported["notices"]) == _normal(server)
    assert [e["action"] for e in server[0]["events"]] == ["draft", "issue", "serve", "reinspect"]
    county.sync()
    [seen] = notices_of_clue(county.store, code)
    assert seen.number == issued.state.number and seen.status is NoticeStatus.RECTIFIED
    assert seen.service is not None and seen.service.servers == ("李四", "赵六")
    rows = list_notices(county.store, Viewer(county_unit(county)))
    # The county's list holds the demo city's notices too; this clue's is there, once.
    assert [r.notice_id for r in rows if r.clue_code == code] == [notice_id]
    assert len({r.notice_id for r in rows}) == len(rows)
    assert "领取文书编号 20 个" in summary_lines(first)
    # A malformed notice in a pulled clue changes nothing, not even the cursor.
    broken = copy.deepcopy(platform.view("county")[code])
    broken["version"] += 1000
    broken["notices"][0]["status"] = "lost"
    cursor = read_state(county.store, "cursor")
    with pytest.raises(SyncDataError) as malformed:
        apply_pull_page(county.store, [{"kind": "clue", "seq": 1, "clue": broken}], "elsewhere")
    assert "notices[0]" in malformed.value.path
    assert read_state(county.store, "cursor") == cursor
    assert notices_of_clue(county.store, code) == [seen]


def county_unit(device: Device) -> Any:
    """The unit of a device's user, as the store knows it."""
    from desktop.store.clue_rows import load_actor

    with device.store.session() as session:
        return load_actor(session, device.username, device.device_id).unit


def test_two_devices_of_one_unit_never_issue_the_same_number(
    platform: Platform, device: Make
) -> None:
    county, a, b = device("county"), device("township"), device("township")
    county.sync()
    a.sync()
    b.sync()
    unit = platform.unit("township")
    [block_a], [block_b] = number_blocks(a.store, unit), number_blocks(b.store, unit)
    assert not set(range(block_a.first, block_a.last + 1)) & set(
        range(block_b.first, block_b.last + 1)
    )
    code = _new_handled_clue(platform, county, a, "两台设备同时签发")
    a.sync()
    b.sync()
    offline_a = [_issue(a, code).state.number for _ in range(3)]
    offline_b = [_issue(b, code).state.number for _ in range(3)]
    before = offline_a + offline_b
    assert len(set(before)) == 6  # before any sync
    for side in (a, b):
        summary = side.sync()
        assert (summary.rejected, summary.pending) == (0, 0)
    a.sync()
    county.sync()
    after = {n.number for n in notices_of_clue(county.store, code)}
    assert after == set(before)  # after sync: the same six numbers, all different
    assert {n.number for n in notices_of_clue(a.store, code)} == after
    # Device a runs low: the next sync reserves a block that overlaps nothing handed out.
    more = [_issue(a, code).state.number for _ in range(13)]
    assert number_stock(a.store, unit, china_now().year) == 4
    summary = a.sync()
    assert summary.numbers_reserved == 20 and summary.rejected == 0
    blocks = number_blocks(a.store, unit) + number_blocks(b.store, unit)
    spans = [set(range(x.first, x.last + 1)) for x in blocks]
    assert sum(len(s) for s in spans) == len(set().union(*spans))
    extra = _issue(a, code).state
    assert extra.number not in set(before) | set(more)
    b.sync()
    everything = [n.number for n in notices_of_clue(b.store, code)]
    assert len(everything) == len(set(everything)) == 19  # the last one is not synced yet
    assert a.sync().rejected == 0
    server = [n["number"] for n in _server_notices(platform, "county", code)]
    assert len(server) == len(set(server)) == 20


def test_a_number_from_outside_the_devices_blocks_is_rejected(
    platform: Platform, device: Make
) -> None:
    county, a, b = device("county"), device("township"), device("township")
    county.sync()
    a.sync()
    b.sync()
    unit, year = platform.unit("township"), china_now().year
    code = _new_handled_clue(platform, county, a, "编号来路不明")
    a.sync()
    [theirs] = number_blocks(b.store, unit)
    with a.store.session() as session, session.begin():  # a believes it holds b's block
        session.execute(delete(NumberBlock))
    save_number_block(
        a.store,
        {
            "block_id": theirs.block_id,
            "unit_code": unit,
            "year": year,
            "first": theirs.first,
            "last": theirs.last,
        },
    )
    borrowed = _issue(a, code)
    assert borrowed.state.number_seq == theirs.first
    with a.store.session() as session, session.begin():  # and then one nobody handed out
        session.execute(delete(NumberBlock))
    save_number_block(
        a.store,
        {"block_id": 999_999, "unit_code": unit, "year": year, "first": 900, "last": 900},
    )
    invented = _issue(a, code)
    summary = a.sync()
    assert (summary.rejected, summary.problems) == (2, 2)
    problems = {p.action_id: p for p in sync_problems(a.store)}
    assert set(problems) == {borrowed.action_id, invented.action_id}
    for problem in problems.values():
        assert problem.code == "invalid" and "编号段" in problem.reason
        assert problem.action_label == "签发通知书" and problem.clue_code == code
    local = {n.notice_id: n for n in notices_of_clue(a.store, code)}
    assert local[borrowed.notice_id].status is NoticeStatus.DRAFT  # the view left it out
    assert local[invented.notice_id].number is None
    server = {n["notice_id"]: n for n in _server_notices(platform, "township", code)}
    assert server[borrowed.notice_id]["status"] == "draft"
    discard_problem(a.store, invented.action_id)
    assert sync_status(a.store).problems == 1


def test_not_rectified_then_case_filed_and_closed_syncs(platform: Platform, device: Make) -> None:
    county, township = device("county"), device("township")
    county.sync()
    township.sync()
    code = _new_handled_clue(platform, county, township, "逾期未整改企业")
    now = china_now()
    issued_at = now - timedelta(days=25)  # 3 working days have passed since, whatever holidays
    unit = platform.unit("township")
    if number_stock(township.store, unit, issued_at.year) == 0:  # the first days of a year
        block = PlatformApi(township.http).number_block(unit, issued_at.year, 5)
        save_number_block(township.store, block)
    notice_id = _draft(township, code, deadline_days=3)
    issued = _notice(
        township, NoticeAction.ISSUE, notice_id, code, {"issued_at": issued_at.isoformat()}
    )
    assert issued.state.issued_at == issued_at
    _notice(township, NoticeAction.SERVE, notice_id, code, _service(issued_at + timedelta(days=1)))
    _notice(
        township,
        NoticeAction.REINSPECT,
        notice_id,
        code,
        {"result": "not_rectified", "note": "复查时设施仍未运行"},
    )
    today = now.date().isoformat()
    _notice(
        township,
        NoticeAction.FILE_CASE,
        notice_id,
        code,
        {"case_number": "海环罚立〔2026〕12号", "filed_on": today},
    )
    _notice(
        township,
        NoticeAction.CLOSE_CASE,
        notice_id,
        code,
        {"closed_on": today, "case_result": "罚款五万元，已缴纳"},
    )
    summary = township.sync()
    assert (summary.applied, summary.rejected) == (7, 0)
    county.sync()
    [seen] = notices_of_clue(county.store, code)
    assert seen.status is NoticeStatus.CASE_CLOSED
    assert seen.case_number == "海环罚立〔2026〕12号" and seen.case_result == "罚款五万元，已缴纳"
    assert seen.issued_at == issued.state.issued_at  # the printed date, not the sync's
    [server] = _server_notices(platform, "county", code)
    assert [e["action"] for e in server["events"]] == [
        "draft",
        "issue",
        "serve",
        "reinspect",
        "file_case",
        "close_case",
    ]
