"""`cluedesk case`: the 行政处罚决定书 of a clue's latest decided penalty case as a PDF, and a
clear Chinese message with exit status 2 for a clue that does not exist, one without a
decided case and a bad --out; all without Qt."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from desktop.case_cli import run
from desktop.cli import main
from desktop.domain.cases import CaseAction
from desktop.domain.notice_numbers import CASE_SERIES, DECISION_SERIES
from desktop.store.cases import act_on_case, file_case
from desktop.store.database import DB_FILE, Store, open_store
from desktop.store.number_blocks import save_number_block

ROOT = Path(__file__).resolve().parents[1]
USER = "hzhb"
BUREAU = "320706901"
DEVICE = "test-device"


@pytest.fixture
def data_dir(demo_store_dir: Path, tmp_path: Path) -> Path:
    """A writable copy of the demo store."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(demo_store_dir / DB_FILE, folder / DB_FILE)
    return folder


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir)
    yield opened
    opened.close()


def clues_without_cases(store: Store) -> list[str]:
    """Clues of 海州区 being handled that carry no penalty case yet."""
    with store.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT code FROM clues WHERE county_code = '320706' AND status = 'handling' "
                "AND NOT EXISTS (SELECT 1 FROM cases WHERE cases.clue_id = clues.id) "
                "ORDER BY code"
            )
        ).scalars()
        return [str(code) for code in rows]


def blocks(store: Store) -> None:
    """Blocks of 立案号 and 决定书 numbers for the bureau on this device."""
    for block_id, series in ((9101, CASE_SERIES), (9102, DECISION_SERIES)):
        block = {"block_id": block_id, "unit_code": BUREAU, "year": 2026, "series": series}
        save_number_block(store, {**block, "first": 801, "last": 820})


def step(store: Store, action: CaseAction, case_id: str, now: datetime, **payload: Any) -> None:
    act_on_case(store, USER, DEVICE, action, case_id, payload, now=now)


def filed(store: Store, clue: str, now: datetime, party: str = "连云港市某某化工有限公司") -> str:
    blocks(store)
    payload = {
        "case_id": str(uuid.uuid4()),
        "cause": "未采取措施防治废气无组织排放案",
        "law": "中华人民共和国大气污染防治法",
        "party": {
            "party_type": "organisation",
            "name": party,
            "address": "连云港市海州区新海街道苍梧路1号",
            "legal_representative": "王五",
        },
        "officers": [
            {"name": "张执法", "certificate": "32070619001"},
            {"name": "李执法", "certificate": "32070619002"},
        ],
        "filed_on": now.date().isoformat(),
    }
    return file_case(store, USER, DEVICE, clue, payload, now=now).case_id


def decided(store: Store, case_id: str, now: datetime, amount: str = "80000") -> None:
    day = now.date().isoformat()
    fine = [{"kind": "fine", "amount_yuan": amount}]
    step(store, CaseAction.INVESTIGATE, case_id, now, investigated_on=day, note="现场检查")
    step(
        store,
        CaseAction.NOTIFY,
        case_id,
        now,
        notified_on=day,
        document_number="海环罚告〔2026〕801号",
        penalties=fine,
    )
    step(
        store,
        CaseAction.DECIDE,
        case_id,
        now,
        decided_on=day,
        penalties=fine,
        facts="你单位喷涂车间废气未经收集处理直接排放。",
        evidence=["现场检查（勘察）笔录", "现场照片6张"],
        violated_clause_ids=["dqfz-45"],
        basis_clause_ids=["dqfz-108"],
    )


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return "".join(out.stdout.split())


def test_the_latest_decided_case_is_printed(
    data_dir: Path, store: Store, now: datetime, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clue = clues_without_cases(store)[0]
    earlier = now - timedelta(hours=2)
    first = filed(store, clue, earlier, party="连云港市第一化工有限公司")
    decided(store, first, earlier)
    second = filed(store, clue, now, party="连云港市第二化工有限公司")
    decided(store, second, now, amount="120000")
    filed(store, clue, now, party="连云港市第三化工有限公司")  # filed last, not decided
    out = tmp_path / "out" / "决定书.pdf"
    assert run(["case", clue, "--data-dir", str(data_dir), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "海环罚〔2026〕802号" in printed and "海环立〔2026〕802号" in printed
    body = pdf_text(out)
    assert "行政处罚决定书" in body
    assert "海环罚〔2026〕802号" in body
    assert "连云港市第二化工有限公司" in body and "第一化工" not in body
    assert "罚款人民币壹拾贰万元整（¥120,000.00）" in body
    assert "连云港市海州生态环境局" in body
    assert len(PdfReader(out).pages) >= 2  # with the 送达回证


def test_a_demo_case_prints_with_its_decision(
    data_dir: Path, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with store.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT clues.code, cases.decision_number, cases.party_name FROM cases "
                "JOIN clues ON clues.id = cases.clue_id WHERE cases.decision_number != '' "
                "ORDER BY cases.decided_on DESC LIMIT 2"
            )
        ).all()
    assert rows  # the demo store holds decided cases
    for code, number, party in rows:
        out = tmp_path / f"{code}.pdf"
        assert run(["case", code, "--data-dir", str(data_dir), "--out", str(out)]) == 0
        body = pdf_text(out)
        assert number in body and party in body
        assert "人民政府申请行政复议" in body and "人民法院提起行政诉讼" in body
    assert "Traceback" not in capsys.readouterr().err


def test_cluedesk_runs_the_command(
    data_dir: Path, store: Store, now: datetime, tmp_path: Path
) -> None:
    clue = clues_without_cases(store)[0]
    decided(store, filed(store, clue, now), now)
    out = tmp_path / "case.pdf"
    assert main(["case", clue, "--data-dir", str(data_dir), "--out", str(out)]) == 0
    assert "海环罚〔2026〕801号" in pdf_text(out)


def test_a_clue_without_a_decided_case_exits_2(
    data_dir: Path, store: Store, now: datetime, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [bare, undecided] = clues_without_cases(store)[:2]
    filed(store, undecided, now)
    for clue in (bare, undecided):
        out = tmp_path / "x.pdf"
        assert run(["case", clue, "--data-dir", str(data_dir), "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert f"线索 {clue} 没有已作出处罚决定的行政处罚案件" in err
        assert "Traceback" not in err and err.count("\n") == 1
        assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "请指定线索编号"),
        (["LYG2026000001"], "请用 --out 指定输出的PDF文件"),
        (["NO-SUCH-CLUE", "--out", "x.pdf"], "本机没有编号为 NO-SUCH-CLUE 的线索"),
        (["LYG2026000001", "--out", "folder"], "是一个文件夹"),
        (["LYG2026000001", "--out", "x.txt"], "应为 .pdf 文件"),
    ],
)
def test_bad_input_exits_2_with_a_chinese_message(
    argv: list[str],
    message: str,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "folder").mkdir()
    full = ["case", *argv, "--data-dir", str(data_dir)]
    full = [str(tmp_path / a) if a in ("x.pdf", "x.txt", "folder") else a for a in full]
    assert run(full) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.txt").exists()


def test_a_folder_without_a_store_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    argv = ["case", "X", "--data-dir", str(empty), "--out", str(tmp_path / "x.pdf")]
    assert run(argv) == 2
    assert "没有线索库" in capsys.readouterr().err
    assert not (empty / DB_FILE).exists()


def test_a_unit_without_its_court_in_the_directory_is_named(
    data_dir: Path, store: Store, now: datetime, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clue = clues_without_cases(store)[0]
    decided(store, filed(store, clue, now), now)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE units SET court = '' WHERE code = :c"), {"c": BUREAU})
    out = tmp_path / "x.pdf"
    assert run(["case", clue, "--data-dir", str(data_dir), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "管辖法院" in err and "单位目录" in err
    assert not out.exists()


def test_the_command_imports_no_qt() -> None:
    code = (
        "import sys, desktop.case_cli, desktop.cli, desktop.reports.case_decision; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
        "sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
