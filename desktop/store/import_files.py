"""Reading a channel's list from a file: .xlsx through openpyxl (read-only, merged cells
resolved) or .csv in UTF-8 (with or without BOM), UTF-16 or GB18030/GBK as Chinese Excel
saves it. A file that cannot be read at all raises ImportFileError, saying why in Chinese."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from desktop.domain.import_mapping import is_known_header
from desktop.domain.import_table import (
    ImportTable,
    Merge,
    NoHeaderFound,
    SheetGrid,
    find_table,
)
from desktop.domain.messages import Message

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
CSV_SUFFIXES = frozenset({".csv", ".txt"})
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MERGE_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}mergeCell"


class ImportFileError(Exception):
    """A file that cannot be read as a channel's list; the message says why, in Chinese."""


def read_table(
    path: Path, known: Callable[[str], bool] = is_known_header
) -> tuple[ImportTable, str]:
    """The table of a channel's list and the name of the sheet it is on ("" for a .csv)."""
    grids = read_grids(path)
    problem: NoHeaderFound | None = None
    for grid in grids:
        try:
            return find_table(grid, known), grid.sheet_name
        except NoHeaderFound as exc:
            problem = problem or exc
    if problem is None or not any(grid.rows for grid in grids):
        raise ImportFileError(Message("{name} 中没有数据", name=path.name))
    raise ImportFileError(Message("{name}：{problem}", name=path.name, problem=str(problem)))


def read_grids(path: Path) -> list[SheetGrid]:
    """The cells of each sheet of a file (one for a .csv)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise ImportFileError(Message("文件不存在：{path}", path=str(path))) from None
    except IsADirectoryError:
        raise ImportFileError(Message("{path} 是文件夹，请选择文件", path=str(path))) from None
    except OSError as exc:
        raise ImportFileError(
            Message("无法读取 {path}：{error}", path=str(path), error=exc.strerror or str(exc))
        ) from None
    suffix = path.suffix.lower()
    if head.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise ImportFileError(
            Message(
                "{name} 是旧版 Excel 文件（.xls），请在 Excel 中另存为 .xlsx 后再导入",
                name=path.name,
            )
        )
    if head.startswith(_ZIP_MAGIC):
        return _read_xlsx(path)
    if suffix in XLSX_SUFFIXES:
        raise ImportFileError(Message("{name} 不是有效的 Excel 工作簿（.xlsx）", name=path.name))
    if suffix not in CSV_SUFFIXES:
        raise ImportFileError(
            Message("{name} 不是可导入的表格文件（支持 .xlsx 和 .csv）", name=path.name)
        )
    return [_read_csv(path)]


# --------------------------------------------------------------------------- .xlsx


def _read_xlsx(path: Path) -> list[SheetGrid]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise ImportFileError(
            Message(
                "{name} 不是有效的 Excel 工作簿（.xlsx）：{error}", name=path.name, error=str(exc)
            )
        ) from None
    try:
        grids = []
        with zipfile.ZipFile(path) as archive:
            for sheet in book.worksheets:
                rows = tuple(tuple(row) for row in sheet.iter_rows(values_only=True))
                merges = _merges(archive, getattr(sheet, "_worksheet_path", None))
                if merges is None:
                    return _read_xlsx_whole(path)
                grids.append(SheetGrid(rows, merges, sheet.title))
        return grids
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportFileError(
            Message("{name} 已损坏，无法读取：{error}", name=path.name, error=str(exc))
        ) from None
    finally:
        book.close()


def _merges(archive: zipfile.ZipFile, member: Any) -> tuple[Merge, ...] | None:
    """The merged ranges of a sheet read from its XML (a read-only workbook does not keep
    them); None when the sheet's part is not known."""
    from openpyxl.utils.cell import range_boundaries

    if not isinstance(member, str):
        return None
    name = member.lstrip("/")
    if name not in archive.namelist():
        return None
    merges = []
    with archive.open(name) as part:
        for _event, element in iterparse(part):
            if element.tag == _MERGE_TAG:
                low_col, low_row, high_col, high_row = range_boundaries(element.get("ref", ""))
                if None not in (low_col, low_row, high_col, high_row):
                    merges.append(Merge(low_row, low_col, high_row, high_col))  # type: ignore[arg-type]
            element.clear()
    return tuple(merges)


def _read_xlsx_whole(path: Path) -> list[SheetGrid]:
    """The workbook loaded whole (when the sheet parts cannot be read apart)."""
    from openpyxl import load_workbook

    book = load_workbook(path, data_only=True)
    grids = []
    for sheet in book.worksheets:
        rows = tuple(tuple(row) for row in sheet.iter_rows(values_only=True))
        merges = tuple(
            Merge(r.min_row, r.min_col, r.max_row, r.max_col) for r in sheet.merged_cells.ranges
        )
        grids.append(SheetGrid(rows, merges, sheet.title))
    return grids


# --------------------------------------------------------------------------- .csv


def decode_text(data: bytes, name: str) -> str:
    """The text of a .csv file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030
    (which includes GBK); refused when it is none of them."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(Message("{name} 不是文本格式的 CSV 文件", name=name))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    elif data.startswith(b"\xef\xbb\xbf"):
        encodings = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(
        Message(
            "无法识别 {name} 的文字编码：既不是 UTF-8，也不是中文版 Excel 保存的 GB18030/GBK，"
            "请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再导入",
            name=name,
        )
    )


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:5])
    counts = {d: sample.count(d) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _read_csv(path: Path) -> SheetGrid:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            Message("无法读取 {path}：{error}", path=str(path), error=exc.strerror or str(exc))
        ) from None
    text = decode_text(data, path.name)
    try:
        rows = tuple(
            tuple(row) for row in csv.reader(io.StringIO(text), delimiter=_delimiter(text))
        )
    except csv.Error as exc:
        raise ImportFileError(
            Message("{name} 不是有效的 CSV 文件：{error}", name=path.name, error=str(exc))
        ) from None
    return SheetGrid(rows)
