"""End to end with the real platform: a clue goes red unsigned (the platform's warning job,
nobody pushing) → the commission's next sync brings the red warning → it issues a
suggestion → the unit replies offline (with a file) → sync → the commission sends it back →
the unit replies again → accepted; the history on both devices tells the story."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_testkit import Device, Platform

from cityplatform.config import FAKE_NOW_ENV, WARNING_JOB_ENV
from cityplatform.launcher import LOG_NAME, start_platform, stop_platform
from cityplatform.security import FAST_HASHER
from cityplatform.seed import seed_demo
from desktop.domain.suggestions import SuggestionAction, SuggestionStatus
from desktop.domain.supervision_common import red_now
from desktop.domain.timeutil import china_now
from desktop.store.clue_rows import clue_state, load_calendar, load_rules
from desktop.store.models import Clue
from desktop.store.supervision import (
    accept_reply,
    issue_suggestion,
    list_suggestions,
    load_suggestion,
    reply_to_suggestion,
    send_back,
    suggestion_actions_for,
)
from desktop.store.supervision_rows import SUGGESTIONS
from desktop.store.warnings import open_red_keys

Make = Callable[[str], Device]


@pytest.fixture
def red_clue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Platform, str]]:
    """A platform whose clock went three weeks on since the county dispatched a clue to the
    township, unsigned since: the platform is first run at a fake time three weeks back for
    the dispatch, then again on the real clock. The platform and the clue's code."""
    folder = tmp_path_factory.mktemp("platform")
    db_url = f"sqlite:///{folder / 'platform.sqlite3'}"
    files = folder / "files"
    past = china_now().replace(second=0, microsecond=0) - timedelta(days=21)
    accounts = seed_demo(
        db_url, 60, seed=5, now=past, hasher=FAST_HASHER, data_dir=files, backlog=0.5
    )
    platform = Platform("", db_url, {a.key: a.to_json() for a in accounts}, files / LOG_NAME)
    url, process = start_platform(db_url, files, env={FAKE_NOW_ENV: past.isoformat()}, timeout=60)
    try:
        platform.url = url
        county = platform.session("county", device="inspector-county")
        draft = {
            "channel": "hotline_12345",
            "received_at": (past - timedelta(hours=1)).isoformat(),
            "category": "water",
            "priority": "normal",
            "description": "河道边某厂夜间排放污水",
            "address": "海州区新海街道通灌北路88号",
            "county_code": "320706",
            "township_code": platform.unit("township"),
            "reporter_name": "王五",
            "reporter_phone": "13912345678",
        }
        provisional = "临20260101-REDCLUE1"
        actions = [
            ("clue.register.v1", draft),
            ("clue.dispatch.v1", {"lead_unit": platform.unit("township")}),
        ]
        body = {
            "device_id": "inspector-county",
            "actions": [
                {
                    "action_id": str(uuid.uuid4()),
                    "device_seq": seq,
                    "type": kind,
                    "clue_code": provisional,
                    "payload": payload,
                }
                for seq, (kind, payload) in enumerate(actions, 1)
            ],
        }
        answer = county.post(f"{url}/api/v1/push", json=body, timeout=60)
        results = answer.json()["results"]
        assert [r["status"] for r in results] == ["applied", "applied"], results
        code = str(results[0]["clue_code"])
    finally:
        stop_platform(process)
    # On the real clock with the warning job running (each second), as a served platform does.
    url, process = start_platform(db_url, files, env={WARNING_JOB_ENV: "1"}, timeout=60)
    platform.url = url
    try:
        yield platform, code
    finally:
        stop_platform(process)


def _story(device: Device, suggestion_id: str) -> list[tuple[str, str, bool]]:
    detail = load_suggestion(device.store, suggestion_id)
    assert detail is not None
    return [(e.action, e.username, e.pending) for e in detail.history]


def test_a_red_clue_suggestion_replied_sent_back_replied_and_accepted(
    red_clue: tuple[Platform, str], tmp_path: Path
) -> None:
    platform, code = red_clue
    made: list[Device] = []

    def device(key: str) -> Device:
        made.append(Device(platform, key, tmp_path / f"device-{len(made)}-{key}"))
        return made[-1]

    try:
        _story_of_a_red_clue(platform, code, device, tmp_path)
    finally:
        for item in made:
            item.close()


def _story_of_a_red_clue(platform: Platform, code: str, device: Make, tmp_path: Path) -> None:
    commission, township = device("supervisor"), device("township")
    # The job put the unsigned clue at level 3 with nobody pushing: the commission's next sync
    # brings the red warning (what its window notifies of, see tests/ui).
    before = open_red_keys(commission.store)
    deadline = time.monotonic() + 60
    while not any(key[0] == code for key in open_red_keys(commission.store)):
        assert time.monotonic() < deadline, "the red warning never reached the commission"
        commission.sync()
    new = open_red_keys(commission.store) - before
    assert [(c, stage) for c, stage, _, _ in new if c == code] == [(code, "sign")]
    township.sync()
    now = china_now()
    lead = platform.unit("township")
    with commission.store.session() as session:  # the commission sees the clue red, unsigned
        row = session.scalars(select(Clue).where(Clue.code == code)).one()
        rules = load_rules(session)
        assert row.status == "dispatched"
        assert red_now(clue_state(session, row), now, load_calendar(session, rules), rules)
    issued = issue_suggestion(
        commission.store,
        commission.username,
        commission.device_id,
        {
            "kind": "discipline",
            "number": f"海纪建〔{now.year}〕7号",
            "addressed_unit": lead,
            "clue_codes": [code],
            "title": "关于线索逾期未签收的纪律检查建议",
            "text": "该线索已达三级预警仍未签收，请立即签收办理并报告整改落实情况。",
            "basis": "《中华人民共和国监察法》第四十五条",
            "reply_days": 5,
        },
    )
    sid = issued.record_id
    assert _story(commission, sid) == [("issue", commission.username, True)]
    summary = commission.sync()
    assert summary.applied == 1 and summary.pending == 0
    assert _story(commission, sid) == [("issue", commission.username, False)]

    # The unit sees it in its queue after syncing, and replies offline with a photo.
    township.sync()
    (row,) = list_suggestions(township.store, addressed_unit=lead)
    assert (row.state.suggestion_id, row.state.status) == (sid, SuggestionStatus.SENT)
    assert suggestion_actions_for(township.store, township.username, sid) == [
        SuggestionAction.REPLY
    ]
    photo = tmp_path / "整改照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"rectified" * 100)
    reply_to_suggestion(
        township.store,
        township.username,
        township.device_id,
        sid,
        "已签收，正在现场核查。",
        [photo],
    )
    local = load_suggestion(township.store, sid)
    assert local is not None and local.pending and local.state.status is SuggestionStatus.REPLIED
    assert township.sync().applied == 1

    # The commission sees the reply and its file, and sends it back.
    commission.sync()
    seen = load_suggestion(commission.store, sid)
    assert seen is not None and seen.state.status is SuggestionStatus.REPLIED
    (reply,) = seen.state.replies
    (cited,) = reply.attachments
    http = platform.session("supervisor")
    download = http.get(f"{platform.url}/api/v1/attachments/{cited.sha256}", timeout=30)
    assert download.status_code == 200 and download.content == photo.read_bytes()
    send_back(
        commission.store,
        commission.username,
        commission.device_id,
        sid,
        "整改措施不具体，请补充签收和办理情况。",
        reply_days=3,
    )
    assert commission.sync().applied == 1

    township.sync()
    back = load_suggestion(township.store, sid)
    assert back is not None and back.state.status is SuggestionStatus.RETURNED
    assert back.state.review_note == "整改措施不具体，请补充签收和办理情况。"
    assert back.countdown is not None and not back.countdown.overdue
    reply_to_suggestion(
        township.store, township.username, township.device_id, sid, "已签收并办理完毕，附整改报告。"
    )
    assert township.sync().applied == 1

    commission.sync()
    accept_reply(commission.store, commission.username, commission.device_id, sid, "同意。")
    assert commission.sync().applied == 1
    township.sync()

    story = [
        ("issue", commission.username, False),
        ("reply", township.username, False),
        ("send_back", commission.username, False),
        ("reply", township.username, False),
        ("accept", commission.username, False),
    ]
    for side in (commission, township):
        assert _story(side, sid) == story
        final = load_suggestion(side.store, sid)
        assert final is not None and final.state.status is SuggestionStatus.ACCEPTED
        assert not final.pending
        assert [r.text for r in final.state.replies] == [
            "已签收，正在现场核查。",
            "已签收并办理完毕，附整改报告。",
        ]
    assert list_suggestions(commission.store, overdue=True, now=now) == []


def test_a_rejected_action_leaves_the_view_as_the_platform_has_it(
    platform: Platform, device: Make
) -> None:
    commission, other = device("supervisor"), device("supervisor")
    commission.sync()
    other.sync()
    payload = {
        "kind": "urging_letter",
        "number": f"海纪督〔{china_now().year}〕1号",
        "addressed_unit": platform.unit("township"),
        "title": "督办函",
        "text": "请加快办理本单位积压线索。",
        "basis": "市纪委监委工作要求",
        "reply_days": 10,
    }
    first = issue_suggestion(commission.store, commission.username, commission.device_id, payload)
    second = issue_suggestion(other.store, other.username, other.device_id, payload)
    assert commission.sync().applied == 1
    summary = other.sync()  # the same number again: refused by the platform
    assert (summary.rejected, summary.problems) == (1, 1)
    with other.store.session() as session:
        assert SUGGESTIONS.row(session, second.record_id) is None
        assert SUGGESTIONS.row(session, first.record_id) is not None  # fetched from the feed
