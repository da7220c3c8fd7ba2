"""An imported list reaches the real platform through sync: only its whole valid rows, each
once — importing it again adds nothing, and two offices' desks that imported the same list
offline end with each work order once on the platform."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from sync_testkit import Device, Platform

from desktop.domain.codes import Channel
from desktop.domain.import_mapping import resolve_columns
from desktop.domain.import_rows import RowResult, RowStatus
from desktop.domain.timeutil import china_now
from desktop.store.clue_import import queue_import
from desktop.store.import_files import read_table
from desktop.store.sync_apply import sync_problems
from tests.import_kit import write_nasty_list, write_one_row

HOTLINE = Channel.HOTLINE_12345


def _import(device: Device, path: Path) -> tuple[RowResult, ...]:
    table, _sheet = read_table(path)
    columns = resolve_columns(table.headers, HOTLINE)
    return queue_import(
        device.store, device.username, device.device_id, table, HOTLINE, columns, china_now()
    )


def _refs_on_platform(platform: Platform, prefix: str) -> Counter[str]:
    return Counter(
        clue["channel_ref"]
        for clue in platform.view("county").values()
        if clue["channel"] == HOTLINE.value and clue["channel_ref"].startswith(prefix)
    )


def test_only_whole_valid_rows_arrive_once(
    platform: Platform, device: Callable[[str], Device], tmp_path: Path
) -> None:
    day = china_now() - timedelta(days=1)
    desk = device("county")
    desk.sync()
    write_one_row(tmp_path / "before.xlsx", "IMP900", day)
    _import(desk, tmp_path / "before.xlsx")
    desk.sync()
    expected = write_nasty_list(tmp_path / "nasty.xlsx", "IMP", day, "IMP900")

    report = _import(desk, tmp_path / "nasty.xlsx")  # offline: the rows wait in the outbox
    assert [r.status.value for r in report] == [expected[r.number].status for r in report]
    accepted = {r.channel_ref for r in report if r.status is RowStatus.ACCEPTED}
    assert len(accepted) == 5
    assert _refs_on_platform(platform, "IMP") == Counter({"IMP900": 1})
    desk.sync()

    assert sync_problems(desk.store) == []
    assert _refs_on_platform(platform, "IMP") == Counter(accepted | {"IMP900"})
    again = _import(desk, tmp_path / "nasty.xlsx")
    assert all(r.status is not RowStatus.ACCEPTED for r in again)
    assert {r.status for r in again if r.channel_ref in accepted} == {RowStatus.DUPLICATE}
    desk.sync()
    assert _refs_on_platform(platform, "IMP") == Counter(accepted | {"IMP900"})


def test_two_desks_importing_one_list_offline_register_each_work_order_once(
    platform: Platform, device: Callable[[str], Device], tmp_path: Path
) -> None:
    day = china_now() - timedelta(days=1)
    first, second = device("county"), device("county")
    first.sync()
    second.sync()
    expected = write_nasty_list(tmp_path / "nasty.xlsx", "TWO", day, "TWO900")
    ours = _import(first, tmp_path / "nasty.xlsx")
    accepted = {r.channel_ref for r in ours if r.status is RowStatus.ACCEPTED}
    mine = _import(second, tmp_path / "nasty.xlsx")
    assert [r.status.value for r in mine] == [
        "accepted" if expected[r.number].ref == "TWO900" else expected[r.number].status
        for r in mine
    ]
    queued = {r.channel_ref for r in mine if r.status is RowStatus.ACCEPTED}
    assert len(queued) == 6

    first.sync()
    second.sync()

    on_platform = _refs_on_platform(platform, "TWO")
    assert on_platform == Counter(queued)  # each work order once
    problems = sync_problems(second.store)
    assert sorted(p.payload["channel_ref"] for p in problems) == sorted(queued)
    codes = {c["channel_ref"]: c["code"] for c in platform.view("county").values()}
    for problem in problems:
        assert problem.code == "duplicate_ref"
        assert codes[problem.payload["channel_ref"]] in problem.reason
    assert accepted == queued
