"""`cluedesk circular`: the month's circular as a PDF and an .xlsx from a data folder, the
number from the device's block, praise and criticism; a bad month, folder or output told in
one Chinese line with exit status 2; all without Qt."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.circular_cli import run
from desktop.cli import main
from desktop.domain.circular import Month
from desktop.store.circular import circular_data
from desktop.store.database import DB_FILE, open_store
from desktop.store.number_blocks import CIRCULAR_SERIES, number_stock, save_number_block
from tests.conftest import NOW

AT = NOW.isoformat()


@pytest.fixture
def data_dir(demo_store_dir: Path, tmp_path: Path) -> Path:
    """A copy of the demo store holding a block of circular numbers for the city office."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(demo_store_dir / DB_FILE, folder / DB_FILE)
    store = open_store(folder)
    block = {"block_id": 901, "unit_code": "320700", "year": 2026, "first": 7, "last": 9}
    save_number_block(store, {**block, "series": CIRCULAR_SERIES})
    store.close()
    return folder


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout.replace(" ", "").replace("\n", "")


def test_the_city_circular_with_a_number_from_the_block(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, xlsx = tmp_path / "通报.pdf", tmp_path / "通报.xlsx"
    argv = ["circular", "--month", "2026-10", "--data-dir", str(data_dir), "--out", str(pdf)]
    argv += ["--xlsx", str(xlsx), "--take-number", "--date", "2026-11-03", "--at", AT]
    argv += ["--praise", "320722:办结率全市第一", "--criticise", "320723"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "连攻坚通〔2026〕7号" in out
    text = _text(pdf)
    assert "连攻坚通〔2026〕7号" in text
    assert "关于2026年10月全市污染防治线索办理情况的通报" in text
    assert "东海县。办结率全市第一。" in text and "灌云县。" in text
    store = open_store(data_dir)
    try:
        assert number_stock(store, "320700", 2026, CIRCULAR_SERIES) == 2  # 7 used, 8 and 9 left
        data = circular_data(store, Month(2026, 10), NOW)
    finally:
        store.close()
    sheet = load_workbook(xlsx)["表1 办理情况"]
    names = [row[1] for row in sheet.iter_rows(3, values_only=True) if row[1]]
    assert names[: len(data.rows)] == [r.name for r in data.rows]
    received = {row[1]: row[2] for row in sheet.iter_rows(3, values_only=True) if row[1]}
    for row in data.rows:
        assert received[row.name] == row.count("received")
    assert f"共收到污染防治线索{data.totals.counts['received']}件" in text


def test_a_county_circular_as_a_draft(data_dir: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "海州.pdf"
    argv = ["circular", "--month", "2026-10", "--data-dir", str(data_dir), "--out", str(pdf)]
    assert run([*argv, "--county", "320706", "--at", AT]) == 0
    text = _text(pdf)
    assert "海州区污染防治攻坚办" in text and "（草稿，未编号）" in text
    assert "关于2026年10月海州区污染防治线索办理情况的通报" in text
    store = open_store(data_dir)
    try:
        data = circular_data(store, Month(2026, 10), NOW, county="320706")
    finally:
        store.close()
    verified = [r for r in data.rows if r.verification is not None and r.verification.drawn]
    assert verified  # the demo's office verified October's closed clues every week
    assert "每周核查情况" in text and "本月未开展核查" not in text
    for row in verified:
        assert row.name in text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (["--month", "2026-13"], "--month「2026-13」无效"),
        (["--month", "十一月"], "--month「十一月」无效"),
        (["--out", "{tmp}/no/such/folder/x.pdf"], "--out「"),
        (["--out", "{tmp}/x.txt"], "应为 .pdf 文件"),
        (["--xlsx", "{tmp}/x.csv"], "应为 .xlsx 文件"),
        (["--county", "999999"], "--county"),
        (["--number", "第三号"], "--number「第三号」不是有效的文号"),
        (["--praise", "888888:好"], "「888888」不是本地库中的单位编码"),
        (["--date", "2026-02-30"], "--date「2026-02-30」"),
    ],
)
def test_bad_input_is_one_chinese_line_with_status_2(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: list[str],
    message: str,
) -> None:
    argv = {"--month": "2026-10", "--data-dir": str(data_dir), "--out": str(tmp_path / "a.pdf")}
    argv["--at"] = AT
    extra = [value.format(tmp=tmp_path) for value in change]
    argv.update({extra[0]: extra[1]})
    flat = ["circular", *(x for pair in argv.items() for x in pair)]
    assert main(flat) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err, err
    assert not (tmp_path / "a.pdf").exists()


def test_an_unreadable_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["circular", "--month", "2026-10", "--data-dir", str(tmp_path / "nothing")]
    assert main([*argv, "--out", str(tmp_path / "a.pdf")]) == 2
    err = capsys.readouterr().err
    assert "中没有线索库" in err and len(err.strip().splitlines()) == 1


def test_no_number_left_in_the_block(data_dir: Path, tmp_path: Path) -> None:
    argv = ["circular", "--month", "2026-10", "--data-dir", str(data_dir), "--at", AT]
    for n in range(3):
        assert run([*argv, "--out", str(tmp_path / f"{n}.pdf"), "--take-number"]) == 0
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", *argv, "--out", str(tmp_path / "x.pdf")]
        + ["--take-number"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "没有 2026 年可用的通报文号" in result.stderr
    assert "PySide6" not in result.stderr


def test_the_command_line_imports_no_qt(data_dir: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from desktop.cli import main; "
        f"status = main(['circular', '--month', '2026-10', '--data-dir', {str(data_dir)!r}, "
        f"'--out', {str(tmp_path / 'q.pdf')!r}, '--at', {AT!r}]); "
        "assert 'PySide6' not in sys.modules; sys.exit(status)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
