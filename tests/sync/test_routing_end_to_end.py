"""The closed loop as offices run it, end to end: devices working offline and syncing with
the real platform server; each clue's history, as every office pulls it, tells the story."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select

from desktop.domain.timeutil import china_now
from desktop.domain.workflow import Action
from desktop.store.attachments import store_file
from desktop.store.models import Clue

if TYPE_CHECKING:
    from sync_testkit import Device, Platform

pytestmark = pytest.mark.slow

Make = Callable[[str], "Device"]
DH_STREET = "320722001"  # 牛山街道 of 东海县
HZ_STREET = "320706001"  # 新海街道 of 海州区


def _draft(subject: str, **changes: Any) -> dict[str, Any]:
    return {
        "channel": "12345热线",
        "channel_ref": f"GD{subject}",
        "received_at": (china_now() - timedelta(hours=1)).isoformat(),
        "category": "大气",
        "priority": "一般",
        "description": f"{subject}夜间排放刺鼻废气",
        "address": "牛山街道某工业园",
        "county_code": "320706",
        "reporter_name": "王女士",
        "reporter_phone": "13812345678",
        "subject_name": subject,
        **changes,
    }


def _code(device: Device, subject: str) -> str:
    with device.store.session() as session:
        code = session.scalar(select(Clue.code).where(Clue.subject_name == subject))
    assert code is not None and not code.startswith("临")
    return str(code)


def _history(platform: Platform, key: str, code: str) -> list[str]:
    clue = platform.view(key)[code]
    return [event["action"] for event in clue["events"]]


def _synced(device: Device, applied: int) -> None:
    summary = device.sync()
    assert (summary.applied, summary.rejected) == (applied, 0), summary


def test_a_misrouted_clue_travels_from_one_county_through_the_city_to_another(
    platform: Platform, device: Make
) -> None:
    haizhou, city, donghai = device("county"), device("city"), device("other_county")
    for each in (haizhou, city, donghai):
        each.sync()
    registered = haizhou.act(Action.REGISTER, None, _draft("东海某化工厂"))
    haizhou.act(Action.RETURN_TO_CITY, registered.clue_code, {"reason": "地址在东海县牛山街道"})
    _synced(haizhou, 2)
    code = _code(haizhou, "东海某化工厂")
    city.sync()
    city.act(Action.TRANSFER, code, {"target_county": "320722", "reason": "属地为东海县"})
    _synced(city, 1)
    donghai.sync()
    donghai.act(Action.DISPATCH, code, {"lead_unit": DH_STREET})
    _synced(donghai, 1)
    haizhou.sync()
    with haizhou.store.session() as session:  # 海州 lost it with the transfer
        assert session.scalar(select(Clue.id).where(Clue.code == code)) is None
    assert _history(platform, "city", code) == [
        "register",
        "return_to_city",
        "transfer",
        "dispatch",
    ]
    clue = platform.view("other_county")[code]
    assert clue["owner_unit"] == "320722" and clue["channel_ref"] == "GD东海某化工厂"


def test_a_clerks_report_signed_off_offline_then_called_back_and_closed(
    platform: Platform, device: Make, tmp_path: Path
) -> None:
    county, clerk, head = device("county"), device("township_clerk"), device("township")
    county.sync()
    registered = county.act(Action.REGISTER, None, _draft("新海某厂", address="新海街道某路"))
    county.act(Action.DISPATCH, registered.clue_code, {"lead_unit": HZ_STREET})
    _synced(county, 2)
    code = _code(county, "新海某厂")
    head.sync()
    head.act(Action.SIGN, code)
    _synced(head, 1)
    clerk.sync()
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo of the outlet")
    stored = store_file(clerk.store, photo)
    report = {
        "result": "现场核查属实，已责令停产",
        "finding": "true",
        "measures": "责令停产整改，拆除排放口",
        "attachments": [{"sha256": stored.sha256, "name": photo.name}],
    }
    held = clerk.act(Action.REPORT, code, report)
    assert held.outcome.state.status.value == "signoff"  # offline, before any sync
    _synced(clerk, 1)
    head.sync()
    head.act(Action.SIGNOFF_APPROVE, code, {"note": "同意上报"})
    _synced(head, 1)
    county.sync()
    county.act(Action.CALLBACK, code, {"callback": "satisfied", "note": "举报人表示满意"})
    county.act(Action.APPROVE, code, {})
    _synced(county, 2)
    clue = platform.view("county")[code]
    assert clue["status"] == "closed" and clue["finding"] == "true"
    assert clue["callback"] == "satisfied"
    assert [e["action"] for e in clue["events"]] == [
        "register",
        "dispatch",
        "sign",
        "report",
        "signoff_approve",
        "callback",
        "approve",
    ]
    assert [a["sha256"] for a in clue["attachments"]] == [stored.sha256]


def test_a_duplicate_marked_offline_closes_with_its_original(
    platform: Platform, device: Make
) -> None:
    county, street = device("county"), device("township")
    county.sync()
    first = county.act(Action.REGISTER, None, _draft("某砂场", channel="日常检查"))
    county.act(Action.DISPATCH, first.clue_code, {"lead_unit": HZ_STREET})
    county.act(Action.REGISTER, None, _draft("某砂场二"))
    _synced(county, 3)
    original, second = _code(county, "某砂场"), _code(county, "某砂场二")
    county.act(Action.MARK_DUPLICATE, second, {"original": original, "note": "同一砂场"})
    _synced(county, 1)
    street.sync()
    street.act(Action.SIGN, original)
    untrue = {"result": "现场核查", "finding": "untrue", "measures": "未发现问题"}
    street.act(Action.REPORT, original, untrue)
    _synced(street, 2)
    county.sync()
    county.act(Action.APPROVE, original, {})
    _synced(county, 1)
    county.sync()  # the platform closed the duplicate: it arrives with the pull
    with county.store.session() as session:
        status = session.scalar(select(Clue.status).where(Clue.code == second))
    assert status == "closed"
    assert _history(platform, "county", second) == [
        "register",
        "mark_duplicate",
        "close_with_original",
    ]
