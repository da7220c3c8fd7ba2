"""`cluedesk import`: one JSON line per data row, the accepted rows queued (once), a Chinese
summary, and exit status 2 with one Chinese line when the file or an option is unusable."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.domain.timeutil import china_now
from desktop.store.database import DB_FILE, open_store
from desktop.store.models import ImportMapping, OutboxAction
from tests.import_kit import write_nasty_list, write_one_row

DAY = china_now() - timedelta(days=1)


@pytest.fixture
def data_dir(demo_store_dir: Path, tmp_path: Path) -> Path:
    """A writable copy of the demo store."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(demo_store_dir / DB_FILE, folder / DB_FILE)
    return folder


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["import", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def _lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def _queued(folder: Path) -> list[str]:
    store = open_store(folder)
    try:
        with store.session() as session:
            return [p["channel_ref"] for p in session.scalars(select(OutboxAction.payload))]
    finally:
        store.close()


def test_json_lines_name_every_row_and_the_valid_rows_are_queued_once(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = tmp_path / "one.xlsx"
    write_one_row(one, "CLI900", DAY)
    common = ("--channel", "hotline_12345", "--data-dir", str(data_dir), "--user", "haizhou")
    status, out, _err = _run(capsys, str(one), *common, "--json")
    assert status == 0
    [line] = _lines(out)
    assert line["row"] == 2 and line["status"] == "accepted"
    assert line["clue_code"].startswith("临")
    nasty = tmp_path / "nasty.xlsx"
    expected = write_nasty_list(nasty, "CLI", DAY, "CLI900")

    status, out, _err = _run(capsys, str(nasty), *common, "--json")

    assert status == 0
    lines = _lines(out)
    assert [x["row"] for x in lines] == sorted(expected)
    for record in lines:
        wanted = expected[record["row"]]
        assert record["status"] == wanted.status, record
        assert set(record) >= {"row", "status", "field", "reason"}
        if wanted.field:
            assert record["field"] == wanted.field and record["reason"], record
        else:
            assert record["field"] is None and record["reason"] is None
    accepted = {x["channel_ref"] for x in lines if x["status"] == "accepted"}
    assert sorted(_queued(data_dir)) == sorted(accepted | {"CLI900"})
    assert "13812345678" not in out  # the reporter's phone is never printed

    status, out, _err = _run(capsys, str(nasty), *common, "--json")
    again = _lines(out)
    assert {x["status"] for x in again if expected[x["row"]].status != "rejected"} == {"duplicate"}
    assert sorted(_queued(data_dir)) == sorted(accepted | {"CLI900"})


def test_a_chinese_summary_without_json(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nasty = tmp_path / "nasty.xlsx"
    write_nasty_list(nasty, "SUM", DAY, "SUM900")
    status, out, _err = _run(
        capsys,
        str(nasty),
        "--channel",
        "12345热线",
        "--data-dir",
        str(data_dir),
        "--user",
        "haizhou",
    )
    assert status == 0
    assert "共 12 行，导入 6 行，拒绝 5 行，重复 1 行" in out
    assert "第 9 行 拒绝：统一社会信用代码：校验位" in out
    assert "下次同步" in out


def test_a_mapping_file_names_the_columns(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        f"单号,受理时间,诉求内容,位置,分类\nM1,{DAY:%Y-%m-%d %H:%M},臭气,海州区新海街道,大气\n",
        encoding="utf-8",
    )
    base = ("--channel", "hotline_12345", "--data-dir", str(data_dir), "--user", "haizhou")
    status, _out, err = _run(capsys, str(path), *base, "--json")
    assert status == 2 and "找不到必填字段的列：渠道编号、地址、污染类别" in err
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"渠道编号": "单号", "address": "位置"}), encoding="utf-8")
    status, _out, err = _run(capsys, str(path), *base, "--mapping", str(mapping), "--json")
    assert status == 2 and "找不到必填字段的列：污染类别" in err
    mapping.write_text(
        json.dumps({"渠道编号": "单号", "address": "位置", "category": "分类"}), encoding="utf-8"
    )
    status, out, err = _run(capsys, str(path), *base, "--mapping", str(mapping), "--json")
    assert status == 0, err
    assert _lines(out)[0]["status"] == "accepted"
    store = open_store(data_dir)
    try:
        with store.session() as session:
            remembered = session.get(ImportMapping, "hotline_12345")
            assert remembered is not None and remembered.columns["channel_ref"] == "单号"
    finally:
        store.close()
    path.write_text(
        f"单号,受理时间,诉求内容,位置,分类\nM2,{DAY:%Y-%m-%d},烟尘,海州区,大气\n", "utf-8"
    )
    status, out, err = _run(capsys, str(path), *base, "--json")  # remembered from last time
    assert status == 0 and _lines(out)[0]["status"] == "accepted", err


def test_unusable_files_and_options_exit_2_with_one_chinese_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "one.xlsx"
    write_one_row(good, "BAD1", DAY)
    gibberish = tmp_path / "bad.csv"
    gibberish.write_bytes(b"\x81\x30\xff\xfe\xfd\xff\xff")
    numbers = tmp_path / "numbers.csv"
    numbers.write_text("1,2\n3,4\n", encoding="utf-8")
    notes = tmp_path / "notes.docx"
    notes.write_text("hello")
    bad_mapping = tmp_path / "mapping.json"
    bad_mapping.write_text('{"颜色": "红"}', encoding="utf-8")
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    shutil.copyfile(data_dir / DB_FILE, fresh / DB_FILE)
    base = ["--data-dir", str(data_dir), "--user", "haizhou"]
    cases: list[tuple[list[str], str]] = [
        ([str(tmp_path / "missing.xlsx"), "--channel", "hotline_12345", *base], "不存在"),
        ([str(gibberish), "--channel", "hotline_12345", *base], "编码"),
        ([str(numbers), "--channel", "hotline_12345", *base], "表头"),
        ([str(notes), "--channel", "hotline_12345", *base], "不是可导入的表格文件"),
        ([str(good), "--channel", "carrier_pigeon", *base], "--channel"),
        ([str(good), *base], "--channel"),
        ([str(good), "--channel", "hotline_12345", "--mapping", str(bad_mapping), *base], "颜色"),
        ([str(good), "--channel", "hotline_12345", "--data-dir", str(fresh)], "尚未登录"),
        (
            [
                str(good),
                "--channel",
                "hotline_12345",
                "--data-dir",
                str(data_dir),
                "--user",
                "xinhai",
            ],
            "攻坚办",
        ),
        (
            [
                str(good),
                "--channel",
                "hotline_12345",
                "--data-dir",
                str(data_dir),
                "--user",
                "nobody",
            ],
            "nobody",
        ),
        (["--channel", "hotline_12345", *base], "请指定清单文件"),
    ]
    for argv, words in cases:
        status, out, err = _run(capsys, *argv)
        assert status == 2, (argv, out, err)
        assert err.startswith("cluedesk import: ") and words in err, (argv, err)
        assert len(err.strip().splitlines()) == 1 and out == ""
    assert _queued(data_dir) == []
