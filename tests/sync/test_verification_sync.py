"""End to end with the real platform: weekly verification drawn offline, reproducible from
its recorded seed; a failure recorded offline reopens the clue through the workflow and
reaches the unit; two dispatchers of one office drawing offline at once never verify the
same clue twice once both have synced."""

from __future__ import annotations

import itertools
import subprocess
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select
from sync_testkit import Device, Platform

from cityplatform.db import open_database
from cityplatform.security import FAST_HASHER
from cityplatform.users import add_user
from desktop.demo.city import DEMO_PASSWORD
from desktop.domain.assessment import Period
from desktop.domain.timeutil import china_now
from desktop.domain.verification import (
    ItemStatus,
    Quota,
    SamplePlan,
    VerificationResult,
    draw_sample,
    week_days,
    week_key,
)
from desktop.reports.verification_report import render_report, week_report, write_report_xlsx
from desktop.store.models import Clue, ClueEvent, OutboxAction
from desktop.store.sync_apply import sync_problems
from desktop.store.verification import (
    draw_batch,
    office_batches,
    record_result,
    verification_tally,
    week_candidates,
    worklist,
)

Make = Callable[[str], Device]
FIELDS = ("drawn", "passed", "irregular", "incomplete", "pending")


UNTRUE = {"finding": "untrue", "measures": "经检测达标，无需整改", "result": "现场核查"}


def _push(platform: Platform, key: str, actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    http = platform.session(key, device=f"inspector-{key}")
    body = {"device_id": f"inspector-{key}", "actions": actions}
    answer = http.post(f"{platform.url}/api/v1/push", json=body, timeout=60)
    assert answer.status_code == 200, answer.text
    results: list[dict[str, Any]] = answer.json()["results"]
    assert all(r["status"] == "applied" for r in results), results
    return results


def close_clues(platform: Platform, count: int) -> list[str]:
    """`count` new clues of the county, handled by the township and closed now (this week),
    through two channels; their codes."""
    now = china_now()
    seq = itertools.count(1)

    def action(kind: str, code: str, payload: dict[str, Any]) -> dict[str, Any]:
        return {
            "action_id": str(uuid.uuid4()),
            "device_seq": next(seq),
            "type": f"clue.{kind}.v1",
            "clue_code": code,
            "payload": payload,
        }

    drafts = [
        {
            "channel": ("hotline_12345", "hotline_12369")[n % 2],
            "received_at": (now - timedelta(hours=2)).isoformat(),
            "category": "air",
            "priority": "normal",
            "description": f"某厂夜间排放废气（{n}）",
            "address": "海州区新海街道苍梧路1号",
            "county_code": platform.unit("county"),
            "township_code": platform.unit("township"),
            "reporter_name": "张三",
            "reporter_phone": "13812345678",
        }
        for n in range(count)
    ]
    registered = _push(
        platform, "county", [action("register", f"临T-{n}", d) for n, d in enumerate(drafts)]
    )
    codes = [r["clue_code"] for r in registered]
    lead = {"lead_unit": platform.unit("township")}
    _push(platform, "county", [action("dispatch", c, lead) for c in codes])
    _push(platform, "township", [action("sign", c, {}) for c in codes])
    _push(platform, "township", [action("report", c, UNTRUE) for c in codes])
    _push(platform, "county", [action("callback", c, {"callback": "satisfied"}) for c in codes])
    _push(platform, "county", [action("approve", c, {}) for c in codes])
    return codes


def test_a_failed_verification_reopens_the_clue_and_reaches_its_unit(
    platform: Platform, device: Make, tmp_path: Path
) -> None:
    close_clues(platform, 6)
    county = device("county")
    county.sync()
    office, street = platform.unit("county"), platform.unit("township")
    week = week_key(china_now().date())
    plan = SamplePlan(Quota(percent=30), {street: Quota(count=2)})
    candidates = week_candidates(county.store, office, week)
    batch_id = draw_batch(county.store, county.username, county.device_id, week, plan, seed=4242)
    items = worklist(county.store, batch_id)
    expected = draw_sample(candidates, plan, 4242)
    assert [i.clue_code for i in items] == [c.code for c in expected]
    target = next(i for i in items if i.unit_code == street)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of the site")
    record_result(
        county.store,
        county.username,
        county.device_id,
        batch_id,
        target.clue_code,
        VerificationResult.INCOMPLETE,
        "围挡未恢复，扬尘依旧",
        [photo],
    )
    with county.store.session() as session:  # offline: the local view has it back in handling
        status = session.scalar(select(Clue.status).where(Clue.code == target.clue_code))
    assert status == "handling"
    summary = county.sync()
    assert summary.rejected == 0, sync_problems(county.store)
    (batch,) = office_batches(county.store, office, week)
    assert (batch.seed, batch.plan, batch.synced) == (4242, plan, True)
    item = next(i for i in worklist(county.store, batch_id) if i.clue_code == target.clue_code)
    assert item.status is ItemStatus.REWORK
    assert item.last is not None and not item.last.pending
    assert item.last.verdict is VerificationResult.INCOMPLETE
    # the same draw from the recorded seed on the platform's copy of the candidates
    assert [i.clue_code for i in worklist(county.store, batch_id)] == [c.code for c in expected]

    township = device("township")
    township.sync()
    with township.store.session() as session:
        row = session.scalars(select(Clue).where(Clue.code == target.clue_code)).one()
        last = session.scalars(
            select(ClueEvent).where(ClueEvent.clue_id == row.id).order_by(ClueEvent.at.desc())
        ).first()
    assert row.status == "handling"
    assert last is not None and last.action == "verification_fail"
    assert last.note == "整改不到位：围挡未恢复，扬尘依旧"


def test_two_offline_dispatchers_never_verify_the_same_clue_twice(
    platform: Platform, device: Make
) -> None:
    office = platform.unit("county")
    db = open_database(platform.db_url)  # in process: this checkout's platform code
    try:
        add_user(
            db,
            username="haizhou2",
            unit_code=office,
            role="dispatcher",
            password=DEMO_PASSWORD,
            display_name="李明",
            hasher=FAST_HASHER,
        )
    finally:
        db.dispose()
    platform.accounts["county2"] = {"username": "haizhou2", "unit_code": office}
    close_clues(platform, 4)
    first, second = device("county"), device("county2")
    first.sync()
    second.sync()
    week = week_key(china_now().date())
    everything = SamplePlan(Quota(count=1000))
    one = draw_batch(first.store, first.username, first.device_id, week, everything, seed=1)
    other = draw_batch(second.store, second.username, second.device_id, week, everything, seed=2)
    both = {i.clue_code for i in worklist(first.store, one)}
    assert both == {i.clue_code for i in worklist(second.store, other)}  # offline: the same
    victim = worklist(second.store, other)[0]
    record_result(
        second.store,
        second.username,
        second.device_id,
        other,
        victim.clue_code,
        VerificationResult.PASSED,
    )
    first.sync()
    second.sync()  # the later batch: its items are dropped, its result refused
    first.sync()
    kept = {
        i.clue_code
        for store in (first.store, second.store)
        for batch in office_batches(store, office, week)
        for i in worklist(store, batch.batch_id)
        if i.status is not ItemStatus.DROPPED
    }
    assert kept == both
    for store in (first.store, second.store):
        open_items = [
            (b.batch_id, i.clue_code)
            for b in office_batches(store, office, week)
            for i in worklist(store, b.batch_id)
            if i.status is not ItemStatus.DROPPED
        ]
        assert len(open_items) == len({code for _, code in open_items})  # once each
        assert {b.batch_id for b in office_batches(store, office, week)} == {one, other}
    dropped = worklist(second.store, other)
    assert all(i.status is ItemStatus.DROPPED for i in dropped)
    problems = sync_problems(second.store)
    assert [p.reason for p in problems if victim.clue_code in p.reason] != []
    with second.store.session() as session:
        refused = session.scalars(
            select(OutboxAction).where(OutboxAction.state == "rejected")
        ).all()
    assert [a.payload["verdict"] for a in refused] == ["passed"]  # kept, not silently lost


def test_the_week_report_pdf_and_xlsx_hold_the_store_numbers(
    platform: Platform, device: Make, tmp_path: Path
) -> None:
    close_clues(platform, 5)
    county = device("county")
    county.sync()
    office = platform.unit("county")
    week = week_key(china_now().date())
    batch_id = draw_batch(
        county.store, county.username, county.device_id, week, SamplePlan(Quota(count=4)), seed=9
    )
    items = worklist(county.store, batch_id)
    photo = tmp_path / "照片.jpg"
    photo.write_bytes(b"evidence")
    verdicts = [VerificationResult.PASSED, VerificationResult.IRREGULAR]
    for item, verdict in zip(items, verdicts, strict=False):
        record_result(
            county.store,
            county.username,
            county.device_id,
            batch_id,
            item.clue_code,
            verdict,
            "" if verdict is VerificationResult.PASSED else "未按规定现场复查",
            [] if verdict is VerificationResult.PASSED else [photo],
        )
    county.sync()
    monday, sunday = week_days(week)
    tally = verification_tally(county.store, Period(monday, sunday))
    report = week_report(county.store, office, "海州区污染防治攻坚办", week, china_now().date())
    totals = report.totals
    figures = [sum(getattr(t, name) for t in tally.values()) for name in FIELDS]
    assert figures == [getattr(totals, name) for name in FIELDS] == [len(items), 1, 1, 0, 2]
    pdf = tmp_path / "report.pdf"
    render_report(report, pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert report.title in text
    assert "随机种子9" in text
    total_line = next(line for line in text.splitlines() if line.strip().startswith("合计"))
    assert total_line.split()[1:6] == [str(v) for v in figures]
    assert "未按规定现场复查" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert all(" yes " in line for line in fonts.stdout.splitlines()[2:])  # all embedded
    book = tmp_path / "report.xlsx"
    write_report_xlsx(report, book)
    sheet = load_workbook(book)["各单位核查情况"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    total_row = next(row for row in rows if row and row[0] == "合计")
    assert total_row[1:6] == figures
    assert total_row[6] == 0.5
