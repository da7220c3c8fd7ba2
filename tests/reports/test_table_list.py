"""The printed list (desktop.reports.table_list): its layout, its text read back from the PDF,
its fonts, and the same list as a workbook sheet."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.domain.timeutil import CHINA_TZ
from desktop.reports import FontSet
from desktop.reports.spreadsheet import write_workbook
from desktop.reports.table_list import (
    TableList,
    cell_text,
    fit_widths,
    plan_layout,
    render_table_list,
    table_sheet,
)
from tests.reports.conftest import poppler

MADE = datetime(2026, 12, 5, 10, 30, tzinfo=CHINA_TZ)
WIDE_HEADERS = (
    "编号",
    "状态",
    "预警",
    "被反映对象",
    "地址",
    "内容摘要",
    "办理期限",
    "来源渠道",
    "类别",
    "承办单位",
    "受理时间",
)


def wide_rows(count: int) -> list[list[object]]:
    """Rows of a queue: codes, long Chinese texts that must wrap, times."""
    base = datetime(2026, 11, 20, 9, 0, tzinfo=CHINA_TZ)
    rows: list[list[object]] = []
    for i in range(count):
        rows.append(
            [
                f"LYG2026{i:06d}",
                ("待签收", "办理中", "已办结")[i % 3],
                "■ 三级预警" if i % 4 == 0 else "",
                "连云港市海州区某某化工有限公司" + "第二分厂" * (i % 3),
                f"新海街道工业路{i % 90 + 1}号",
                "夜间生产噪声扰民，" * (1 + i % 5) + f"（第{i}件）",
                base + timedelta(hours=i),
                "12345热线",
                "噪声",
                "新海街道办事处",
                base - timedelta(days=3, minutes=i),
            ]
        )
    return rows


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return FontSet.bundled()


@pytest.fixture(scope="module")
def long_list(tmp_path_factory: pytest.TempPathFactory, fonts: FontSet) -> tuple[TableList, Path]:
    table = TableList(
        title="预警线索清单（三级预警，新海街道）",
        headers=WIDE_HEADERS,
        rows=wide_rows(260),
        made_by="连云港市海州区生态环境问题攻坚办公室",
        made_at=MADE,
        notes=("筛选条件：三级预警；新海街道", "数据截至 2026-12-05 09:12 同步"),
    )
    path = tmp_path_factory.mktemp("lists") / "list.pdf"
    render_table_list(table, path, fonts=fonts)
    return table, path


def page_texts(path: Path) -> list[str]:
    """The text of each page (pdftotext's page breaks)."""
    return poppler("pdftotext", "-layout", str(path), "-").split("\f")[:-1]


def test_every_page_has_the_header_row_and_its_number_of_all(
    long_list: tuple[TableList, Path],
) -> None:
    _table, path = long_list
    pages = page_texts(path)
    assert len(pages) > 3
    for number, text in enumerate(pages, start=1):
        assert re.search(r"编号\s+状态\s+预警\s+被反映对象", text), f"page {number}"
        assert f"第 {number} 页 共 {len(pages)} 页" in text
    assert "预警线索清单（三级预警，新海街道）" in pages[0]
    assert "制表单位：连云港市海州区生态环境问题攻坚办公室" in pages[0]
    assert "制表时间：2026-12-05 10:30" in pages[0]
    assert "筛选条件：三级预警；新海街道" in pages[0]
    assert "共 260 条" in pages[-1]


def test_every_row_is_printed_once_in_order_with_its_cells(
    long_list: tuple[TableList, Path],
) -> None:
    table, path = long_list
    text = "\n".join(page_texts(path))
    codes = re.findall(r"LYG2026\d{6}", text)
    assert codes == [str(row[0]) for row in table.rows]
    flat = re.sub(r"\s+", "", text)
    # times in China time (the date and the hour on two lines when the room is short)
    first = text[text.index("LYG2026000000") - 200 : text.index("LYG2026000001")]
    assert all(part in first for part in ("2026-11-20", "09:00", "2026-11-17"))
    assert "08:56" in text  # the fifth row's time received
    assert "（第259件）" in flat  # the end of a wrapped text


def test_a_wide_list_is_landscape_and_a_narrow_one_portrait(
    long_list: tuple[TableList, Path], fonts: FontSet, tmp_path: Path
) -> None:
    table, path = long_list
    page = PdfReader(path).pages[0]
    assert page.mediabox.width > page.mediabox.height
    layout = plan_layout(table, fonts)
    assert layout.landscape
    room = layout.pagesize[0] - 2 * 12 * 72 / 25.4
    assert sum(layout.widths) == pytest.approx(room)
    narrow = TableList("同步问题清单", ("线索编号", "尝试次数"), [["LYG2026000001", 3]])
    out = tmp_path / "narrow.pdf"
    assert not render_table_list(narrow, out, fonts=fonts).landscape
    page = PdfReader(out).pages[0]
    assert page.mediabox.width < page.mediabox.height


def test_columns_fit_their_content_and_long_texts_share_the_rest(
    long_list: tuple[TableList, Path], fonts: FontSet
) -> None:
    table, _path = long_list
    widths = plan_layout(table, fonts).widths
    code, summary, deadline = widths[0], widths[5], widths[6]
    assert code >= fonts.advance("L", "song", 9) * 13  # a code is never broken
    assert deadline >= sum(fonts.advance(c, "song", 9) for c in "2026-11-20")  # broken at its space
    assert widths[2] >= sum(fonts.advance(c, "song", 9) for c in "■ 三级预警")  # a short text
    assert summary > widths[7]  # the long text gets more room than 12345热线
    # every column at least its own width when they fit; the rest shared by size
    assert fit_widths([10, 20], [10, 5], 60) == pytest.approx([20, 40])
    # too wide: the column that may not wrap keeps its width, the others share the rest
    assert fit_widths([50, 300, 300], [50, 20, 20], 250) == pytest.approx([50, 100, 100])
    assert fit_widths([200, 200], [200, 200], 100) == pytest.approx([50, 50])


def test_every_font_is_embedded(long_list: tuple[TableList, Path]) -> None:
    _table, path = long_list
    fonts = poppler("pdffonts", str(path)).splitlines()[2:]
    assert fonts
    for line in fonts:
        assert re.search(r"\syes\s+yes\s+yes\s", line), line


def test_numbers_are_right_aligned_and_shares_printed_as_percentages(
    fonts: FontSet, tmp_path: Path
) -> None:
    table = TableList(
        "单位考核表",
        ("单位", "收到线索", "办结率"),
        [["新海街道", 1234, 0.875], ["浦南镇", 7, None]],
        percent_columns=frozenset({2}),
    )
    assert plan_layout(table, fonts).numeric == [False, True, True]
    out = tmp_path / "scores.pdf"
    render_table_list(table, out, fonts=fonts)
    text = page_texts(out)[0]
    assert "87.50%" in text and "1234" in text


def test_cell_texts() -> None:
    assert cell_text(None) == ""
    assert cell_text(datetime(2026, 12, 1, 2, 5, tzinfo=CHINA_TZ)) == "2026-12-01 02:05"
    utc = datetime(2026, 11, 30, 18, 5, tzinfo=CHINA_TZ).astimezone(UTC)
    assert cell_text(utc) == "2026-11-30 18:05"
    assert cell_text(date(2026, 12, 1)) == "2026-12-01"
    assert cell_text(0.5, percent=True) == "50.00%"
    assert cell_text(3) == "3"


def test_the_sheet_has_the_same_title_rows_and_notes(long_list: tuple[TableList, Path]) -> None:
    table, _path = long_list
    buffer = io.BytesIO()
    write_workbook(buffer, [table_sheet(table)])
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    assert sheet is not None
    assert sheet["A1"].value == "预警线索清单（三级预警，新海街道）"
    assert [c.value for c in sheet[2]] == list(WIDE_HEADERS)
    assert sheet.cell(row=3, column=1).value == "LYG2026000000"
    assert sheet.cell(row=3, column=7).value == datetime(2026, 11, 20, 9, 0)
    assert sheet.cell(row=262, column=1).value == "LYG2026000259"
    late = sheet.cell(row=200, column=7)  # styled as the first cell of its kind
    assert late.number_format == "yyyy-mm-dd hh:mm" and late.border.left.style == "thin"
    assert sheet.cell(row=200, column=2).border.bottom.style == "thin"
    notes = [sheet.cell(row=r, column=1).value for r in range(263, 268)]
    assert notes == [
        "制表单位：连云港市海州区生态环境问题攻坚办公室　　制表时间：2026-12-05 10:30",
        "筛选条件：三级预警；新海街道",
        "数据截至 2026-12-05 09:12 同步",
        "共 260 条",
        None,
    ]
