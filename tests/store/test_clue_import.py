"""Importing a channel's list into the store: the row report names every nasty row, only whole
valid rows are queued (once), and the files' forms (merged headers, encodings) are read."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop.domain.codes import Channel
from desktop.domain.import_mapping import resolve_columns
from desktop.domain.import_rows import RowStatus, count_results
from desktop.store.clue_import import (
    preview_import,
    queue_import,
    remember_mapping,
    remembered_mapping,
)
from desktop.store.database import Store
from desktop.store.import_files import ImportFileError, read_table
from desktop.store.models import Clue, OutboxAction
from tests.conftest import NOW
from tests.import_kit import (
    FIRST_DATA_ROW,
    write_gbk_csv,
    write_nasty_list,
    write_one_row,
)

HOTLINE = Channel.HOTLINE_12345
DAY = NOW - timedelta(days=1)


def _import(store: Store, path: Path, *, preview: bool = False, user: str = "haizhou") -> Any:
    table, _sheet = read_table(path)
    columns = resolve_columns(table.headers, HOTLINE)
    run = preview_import if preview else queue_import
    return run(store, user, "test", table, HOTLINE, columns, NOW)


def _outbox(store: Store) -> list[dict[str, Any]]:
    with store.session() as session:
        return [dict(p) for p in session.scalars(select(OutboxAction.payload))]


def test_the_report_names_every_nasty_row_and_only_whole_rows_are_queued(
    fresh_store: Store, tmp_path: Path
) -> None:
    write_one_row(tmp_path / "before.xlsx", "GD900", DAY)
    [first] = _import(fresh_store, tmp_path / "before.xlsx")
    assert first.status is RowStatus.ACCEPTED and first.clue_code.startswith("临")
    expected = write_nasty_list(tmp_path / "nasty.xlsx", "GD", DAY, "GD900")

    report = _import(fresh_store, tmp_path / "nasty.xlsx")

    assert [r.number for r in report] == sorted(expected)
    for result in report:
        wanted = expected[result.number]
        assert result.status.value == wanted.status, (result.number, result.reason)
        if wanted.field:
            assert result.field == wanted.field, (result.number, result.reason)
            assert result.reason.startswith(result.problems[0].label)
    by_row = {r.number: r for r in report}
    assert "校验位" in by_row[FIRST_DATA_ROW + 5].reason
    assert "不存在镇" in by_row[FIRST_DATA_ROW + 7].reason
    assert "第 4 行" in by_row[FIRST_DATA_ROW + 8].reason
    assert first.clue_code in by_row[FIRST_DATA_ROW + 9].reason
    queued = {p["channel_ref"]: p for p in _outbox(fresh_store)}
    accepted = [r for r in report if r.status is RowStatus.ACCEPTED]
    assert set(queued) == {"GD900"} | {r.channel_ref for r in accepted}
    assert len(accepted) == 5
    full_width = queued["GD003"]  # ＧＤ００３, its phone and credit code folded to half width
    assert full_width["reporter_phone"] == "13912345678"
    assert full_width["received_at"] == DAY.replace(hour=9, minute=15).isoformat()
    assert (
        full_width["due_by"] == (DAY + timedelta(days=10)).replace(hour=17, minute=30).isoformat()
    )
    serial = queued["GD002"]  # an Excel serial number, the township by its code
    assert serial["received_at"] == DAY.replace(hour=8, minute=30).isoformat()
    assert serial["township_code"] == "320706001" and serial["category"] == "water"
    assert queued["GD011"]["priority"] == "urgent"
    assert queued["GD012"]["received_at"] == DAY.replace(hour=0, minute=0).isoformat()
    assert queued["GD001"]["category"] == "air"  # 大气污染

    again = _import(fresh_store, tmp_path / "nasty.xlsx")
    assert {r.status for r in again if r.number not in _rejected(expected)} == {RowStatus.DUPLICATE}
    assert len(_outbox(fresh_store)) == 6


def _rejected(expected: dict[int, Any]) -> set[int]:
    return {n for n, e in expected.items() if e.status == "rejected"}


def test_preview_writes_nothing(fresh_store: Store, tmp_path: Path) -> None:
    write_nasty_list(tmp_path / "nasty.xlsx", "PV", DAY, "PV900")
    report = _import(fresh_store, tmp_path / "nasty.xlsx", preview=True)
    assert count_results(report).accepted == 6  # the one "already imported" is new here
    assert _outbox(fresh_store) == []
    with fresh_store.session() as session:
        assert session.scalar(select(func.count()).select_from(Clue)) == 0


def test_a_gbk_csv_as_chinese_excel_saves_it(fresh_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "工单.csv"
    valid = write_gbk_csv(path, "CSV", DAY)
    report = _import(fresh_store, path)
    assert [(r.number, r.status) for r in report] == [
        (2, RowStatus.ACCEPTED),
        (3, RowStatus.ACCEPTED),
        (4, RowStatus.REJECTED),
    ]
    assert report[2].field == "township_code"
    assert sorted(p["channel_ref"] for p in _outbox(fresh_store)) == valid


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_csv_in_unicode_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("工单编号,受理时间,诉求内容\nA1,2026-11-26,异味\n".encode(encoding))
    table, _sheet = read_table(path)
    assert table.headers == ("工单编号", "受理时间", "诉求内容")
    assert table.rows[0].values == ("A1", "2026-11-26", "异味")


def test_files_that_cannot_be_read_say_why(tmp_path: Path) -> None:
    undecodable = tmp_path / "bad.csv"
    undecodable.write_bytes(b"\x81\x30\xff\xfe\xfd garbage \xff\xff")
    not_text = tmp_path / "binary.csv"
    not_text.write_bytes(b"\x00\x01\x02")
    not_xlsx = tmp_path / "fake.xlsx"
    not_xlsx.write_text("hello")
    old_xls = tmp_path / "old.xls"
    old_xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    no_header = tmp_path / "numbers.csv"
    no_header.write_text("1,2,3\n4,5,6\n", encoding="utf-8")
    cases = {
        tmp_path / "missing.xlsx": "不存在",
        undecodable: "编码",
        not_text: "不是文本",
        not_xlsx: "不是有效的 Excel",
        old_xls: ".xls",
        no_header: "表头",
        tmp_path / "list.pdf": "不存在",
    }
    for path, words in cases.items():
        with pytest.raises(ImportFileError) as caught:
            read_table(path)
        assert words in str(caught.value), (path, str(caught.value))


def test_the_header_row_is_found_below_a_title_and_notes(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["上级交办线索清单"])
    sheet.append(["导出时间：2026-11-27"])
    sheet.append([])
    sheet.append(["序号", "交办编号", "交办时间", "交办内容", "地址", "类别", "办结时限"])
    sheet.append([1, "JB-1", datetime(2026, 11, 20, 9, 0), "河道排污", "海州区", "水", None])
    path = tmp_path / "交办.xlsx"
    book.save(path)
    table, sheet_name = read_table(path)
    assert table.header_rows == (4, 4) and sheet_name == "Sheet"
    columns = resolve_columns(table.headers, Channel.HIGHER_ASSIGNMENT)
    assert columns["channel_ref"] == 1 and columns["received_at"] == 2
    assert columns["description"] == 3 and columns["due_by"] == 6
    assert table.rows[0].number == 5


def test_the_mapping_is_remembered_per_channel(fresh_store: Store, tmp_path: Path) -> None:
    headers = ("单号", "时间", "内容", "位置", "分类", "乡镇")
    remember_mapping(
        fresh_store,
        HOTLINE,
        {
            "channel_ref": "单号",
            "received_at": "时间",
            "description": "内容",
            "address": "位置",
            "category": "分类",
            "township_code": None,
        },
        NOW,
    )
    remembered = remembered_mapping(fresh_store, HOTLINE)
    assert remembered is not None and remembered["channel_ref"] == "单号"
    assert remembered_mapping(fresh_store, Channel.PETITION) is None
    columns = resolve_columns(headers, HOTLINE, remembered)
    assert [columns[k] for k in ("channel_ref", "received_at", "description", "address")] == [
        0,
        1,
        2,
        3,
    ]
    assert columns["township_code"] is None  # chosen "not imported", though 乡镇 is there
    assert resolve_columns(headers, HOTLINE)["township_code"] == 5


def test_another_county_cannot_import_this_countys_townships(
    fresh_store: Store, tmp_path: Path
) -> None:
    write_one_row(tmp_path / "one.xlsx", "X1", DAY)
    table, _sheet = read_table(tmp_path / "one.xlsx")
    columns = resolve_columns(table.headers, HOTLINE)
    [result] = preview_import(fresh_store, "donghai", "test", table, HOTLINE, columns, NOW)
    assert result.status is RowStatus.REJECTED and result.field == "township_code"
    assert "东海县" in result.reason
