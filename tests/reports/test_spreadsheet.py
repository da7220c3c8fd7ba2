"""The workbook writer: typed cells, China time, no formulas, valid sheet names."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from openpyxl import Workbook, load_workbook

from desktop.reports.spreadsheet import Sheet, display_width, sheet_title, write_workbook


def _read(sheets: list[Sheet]) -> Workbook:
    buffer = io.BytesIO()
    write_workbook(buffer, sheets)
    buffer.seek(0)
    return load_workbook(buffer)


def test_cells_keep_their_types_and_times_read_in_china_time() -> None:
    sheet = Sheet(
        title="线索",
        headers=("编号", "数量", "办结率", "受理时间", "日期"),
        rows=(("XS-1", 3, 0.5, datetime(2026, 11, 29, 3, 53, tzinfo=UTC), date(2026, 11, 30)),),
        caption="2026年11月线索办理情况",
        percent_columns=frozenset({2}),
        notes=("数据截至 11-29 11:53 同步",),
    )
    ws = _read([sheet])["线索"]
    assert ws["A1"].value == "2026年11月线索办理情况"
    assert [c.value for c in ws[2]] == ["编号", "数量", "办结率", "受理时间", "日期"]
    assert ws["A3"].value == "XS-1"
    assert ws["B3"].value == 3
    assert ws["C3"].value == 0.5 and ws["C3"].number_format == "0.00%"
    assert ws["D3"].value == datetime(2026, 11, 29, 11, 53)
    assert ws["E3"].value.date() == date(2026, 11, 30)
    assert ws["A4"].value == "数据截至 11-29 11:53 同步"
    assert ws.freeze_panes == "A3"


def test_text_is_never_a_formula_and_illegal_characters_are_dropped() -> None:
    sheet = Sheet(title="x", headers=("a",), rows=(('=HYPERLINK("x")',), ("ab\x07c",)))
    ws = _read([sheet])["x"]
    assert ws["A2"].data_type == "s" and ws["A2"].value == '=HYPERLINK("x")'
    assert ws["A3"].value == "abc"


def test_sheet_titles_are_valid_and_unique() -> None:
    assert sheet_title("a/b:c") == "a_b_c"
    long = "很" * 40
    first = sheet_title(long)
    assert len(first) == 31
    second = sheet_title(long, [first])
    assert len(second) == 31 and second != first
    book = _read([Sheet("同名", ("a",), ()), Sheet("同名", ("a",), ())])
    assert book.sheetnames == ["同名", "同名(2)"]


def test_wide_characters_count_double() -> None:
    assert display_width("ab") == 2
    assert display_width("办结") == 4
