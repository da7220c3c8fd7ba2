"""A 12345 hotline work-order list full of nasty rows, built with openpyxl, and what its row
report must say about each row (shared by the store, CLI, sync and window tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.validators import credit_code_check_char

CREDIT_BASE = "91320706MA1W2X3Y4"
GOOD_CREDIT = CREDIT_BASE + credit_code_check_char(CREDIT_BASE)
BAD_CREDIT = CREDIT_BASE + ("0" if GOOD_CREDIT[-1] != "0" else "1")
"""A credit code whose check digit is wrong."""

HEADERS = (
    "工单编号",
    "受理时间",
    "来电人信息",
    None,
    "诉求内容",
    "地址",
    "所属乡镇（街道）",
    "被反映对象",
    "统一社会信用代码",
    "类别",
    "紧急程度",
    "办理时限",
)
"""Row 2 of the sheet; 来电人信息 is merged over two columns named in row 3."""


@dataclass(frozen=True)
class Expected:
    """What the report must say about a row: its status and the field at fault."""

    status: str
    field: str | None = None
    ref: str = ""


def excel_serial(moment: datetime) -> float:
    """A China-time moment as an Excel serial number (1900 date system)."""
    naive = moment.astimezone(CHINA_TZ).replace(tzinfo=None)
    return (naive - datetime(1899, 12, 30)).total_seconds() / 86400


def refs(prefix: str) -> dict[str, str]:
    """The work-order numbers of the nasty list (prefix makes them unique to a test)."""
    return {name: f"{prefix}{index:03d}" for index, name in enumerate(ROW_NAMES, 1)}


ROW_NAMES = (
    "text_date",
    "serial_date",
    "full_width",
    "no_description",
    "bad_date",
    "bad_credit",
    "bad_phone",
    "no_township",
    "same_file_duplicate",
    "already_imported",
    "datetime_cell",
    "bare_date",
)


def full_width(text: str) -> str:
    """ASCII digits and letters as their full-width forms."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def nasty_rows(prefix: str, day: datetime, imported_ref: str) -> list[tuple[list[Any], Expected]]:
    """The data rows (from sheet row 4) and what the report says of each; `imported_ref` is
    the work-order number of a row imported before."""
    r = refs(prefix)
    morning = day.replace(hour=8, minute=30, second=0, microsecond=0)

    def row(ref: str, received: Any, **changes: Any) -> list[Any]:
        values = {
            "received": received,
            "name": "张三",
            "phone": "13812345678",
            "description": "夜间有工厂排放刺鼻废气",
            "address": "海州区新海街道苍梧路1号",
            "township": "新海街道",
            "subject": "某化工厂",
            "credit": GOOD_CREDIT,
            "category": "大气污染",
            "priority": "一般",
            "due": None,
        }
        values.update(changes)
        return [
            ref,
            values["received"],
            values["name"],
            values["phone"],
            values["description"],
            values["address"],
            values["township"],
            values["subject"],
            values["credit"],
            values["category"],
            values["priority"],
            values["due"],
        ]

    text = f"{morning:%Y-%m-%d %H:%M}"
    return [
        (row(r["text_date"], text), Expected("accepted", ref=r["text_date"])),
        (
            row(r["serial_date"], excel_serial(morning), township="320706001", category="水"),
            Expected("accepted", ref=r["serial_date"]),
        ),
        (
            row(
                full_width(r["full_width"]),
                f"{morning:%Y年%m月%d日} 9时15分",
                phone=full_width("13912345678"),
                credit=full_width(GOOD_CREDIT),
                due=f"{(morning + timedelta(days=10)):%Y/%m/%d}",
            ),
            Expected("accepted", ref=r["full_width"]),
        ),
        (row(r["no_description"], text, description=None), Expected("rejected", "description")),
        (row(r["bad_date"], "2026-13-45 08:00"), Expected("rejected", "received_at")),
        (
            row(r["bad_credit"], text, credit=BAD_CREDIT),
            Expected("rejected", "subject_credit_code"),
        ),
        (row(r["bad_phone"], text, phone="12345678"), Expected("rejected", "reporter_phone")),
        (row(r["no_township"], text, township="不存在镇"), Expected("rejected", "township_code")),
        (row(r["text_date"], text), Expected("duplicate", "channel_ref", r["text_date"])),
        (row(imported_ref, text), Expected("duplicate", "channel_ref", imported_ref)),
        (
            row(r["datetime_cell"], morning.replace(tzinfo=None), priority="紧急"),
            Expected("accepted", ref=r["datetime_cell"]),
        ),
        (row(r["bare_date"], f"{morning:%Y/%m/%d}"), Expected("accepted", ref=r["bare_date"])),
    ]


FIRST_DATA_ROW = 4


def write_nasty_list(
    path: Path, prefix: str, day: datetime, imported_ref: str
) -> dict[int, Expected]:
    """Write the nasty list to `path` (.xlsx); what the report must say by sheet row."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "工单"
    sheet["A1"] = "连云港市12345热线工单日报"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    for column, name in enumerate(HEADERS, 1):
        if name is not None:
            sheet.cell(row=2, column=column, value=name)
        if name not in ("来电人信息", None):
            sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    sheet.merge_cells("C2:D2")
    sheet["C3"] = "来电人"
    sheet["D3"] = "联系电话"
    expected: dict[int, Expected] = {}
    for number, (values, outcome) in enumerate(
        nasty_rows(prefix, day, imported_ref), FIRST_DATA_ROW
    ):
        for column, value in enumerate(values, 1):
            cell = sheet.cell(row=number, column=column, value=value)
            if isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
        expected[number] = outcome
    book.save(path)
    return expected


def write_one_row(path: Path, ref: str, day: datetime) -> None:
    """A list of a single valid work order (imported before the nasty list)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["工单编号", "受理时间", "诉求内容", "地址", "所属乡镇（街道）", "类别"])
    morning = day.replace(hour=8, minute=0, second=0, microsecond=0)
    sheet.append(
        [ref, f"{morning:%Y-%m-%d %H:%M}", "河道有异味", "海州区新海街道", "新海街道", "水"]
    )
    book.save(path)


def write_gbk_csv(path: Path, prefix: str, day: datetime) -> list[str]:
    """A CSV as Chinese Excel saves it (GBK, CRLF): two valid rows and one with an unknown
    township; the work-order numbers of the valid rows."""
    when = day.replace(hour=9, minute=0, second=0, microsecond=0)
    lines = [
        "工单编号,受理时间,诉求内容,地址,所属乡镇（街道）,类别,联系电话",
        f"{prefix}1,{when:%Y/%m/%d %H:%M},噪声扰民严重,海州区新海街道海连路2号,新海街道,噪声,"
        "13812345678",
        f"{prefix}2,{when:%Y-%m-%d},工地夜间施工,海州区新海街道朝阳路5号,新海街道,噪声,",
        f"{prefix}3,{when:%Y-%m-%d},垃圾焚烧冒黑烟,海州区某地,火星镇,固废,",
    ]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    return [f"{prefix}1", f"{prefix}2"]
