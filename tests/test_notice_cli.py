"""`cluedesk notice`: a clue's latest notice or a prefilled draft, every issued notice, and a
clear message (exit 2) for bad input; all without Qt."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from desktop.domain.notices import NoticeAction, NoticeKind
from desktop.notice_cli import run
from desktop.store.database import DB_FILE, Store, open_store
from desktop.store.notices import draft_content_for_clue, take_notice_action
from desktop.store.number_blocks import save_number_block

ROOT = Path(__file__).resolve().parents[1]
USER = "xinhai"
UNIT = "320706001"


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


def clues(store: Store) -> list[dict[str, Any]]:
    """Clues of the user's unit being handled or reviewed that carry no notice yet (the demo
    store holds notices on many clues), so the notices a test makes are all a clue has."""
    with store.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT code, subject_name, address FROM clues WHERE lead_unit = :unit "
                "AND status IN ('handling', 'reviewing') "
                "AND NOT EXISTS (SELECT 1 FROM notices WHERE notices.clue_id = clues.id) "
                "ORDER BY code"
            ),
            {"unit": UNIT},
        ).all()
    return [dict(row._mapping) for row in rows]


def act(
    store: Store, action: NoticeAction, notice_id: str | None, clue: str, now: datetime, **kw: Any
) -> Any:
    return take_notice_action(store, USER, "test-device", action, notice_id, clue, kw, now=now)


def drafted(store: Store, clue: str, now: datetime, **changes: Any) -> str:
    content = draft_content_for_clue(store, clue, USER).to_dict()
    content["facts"] += "废气收集处理设施未运行，车间异味明显。"  # what the handler found
    content.update(changes)
    done = act(store, NoticeAction.DRAFT, None, clue, now, kind="rectification", **content)
    return str(done.notice_id)


def issued(store: Store, clue: str, now: datetime, **changes: Any) -> str:
    save_number_block(
        store, {"block_id": 9001, "unit_code": UNIT, "year": 2026, "first": 15, "last": 34}
    )
    notice_id = drafted(store, clue, now, **changes)
    return str(act(store, NoticeAction.ISSUE, notice_id, clue, now).state.number)


def issued_numbers(store: Store) -> list[str]:
    """The numbers of every notice of the store that carries one (all but drafts), sorted."""
    with store.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT number FROM notices WHERE status != 'draft' ORDER BY number")
        ).scalars()
        return sorted(str(number) for number in rows)


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.replace(" ", "")


def test_a_clue_without_a_notice_gives_a_prefilled_draft(
    data_dir: Path, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clue = clues(store)[0]
    out = tmp_path / "out" / "draft.pdf"
    assert run(["notice", clue["code"], "--data-dir", str(data_dir), "--out", str(out)]) == 0
    assert "草稿" in capsys.readouterr().out
    body = pdf_text(out)
    assert "草稿" in body
    assert clue["subject_name"] in body
    assert "整改通知书" in body
    assert len(PdfReader(out).pages) >= 2  # with the proof of service


def test_the_latest_notice_of_a_clue_is_printed_with_its_number(
    data_dir: Path, store: Store, now: datetime, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clue = clues(store)[0]["code"]
    first = issued(store, clue, now, party_name="连云港市第一化工有限公司")
    drafted(store, clue, now.replace(hour=11), party_name="连云港市第二化工有限公司")
    out = tmp_path / "latest.pdf"
    assert run(["notice", clue, "--data-dir", str(data_dir), "--out", str(out)]) == 0
    body = pdf_text(out)
    assert "第二化工" in body and "草稿" in body  # the draft is the latest
    assert first.endswith("〔2026〕15号")

    second = act(store, NoticeAction.ISSUE, _latest_id(store, clue), clue, now.replace(hour=12))
    assert run(["notice", clue, "--data-dir", str(data_dir), "--out", str(out)]) == 0
    assert second.state.number in capsys.readouterr().out
    body = pdf_text(out)
    assert second.state.number.replace(" ", "") in body
    assert "第二化工" in body


def _latest_id(store: Store, clue: str) -> str:
    from desktop.store.notices import notices_of_clue

    return notices_of_clue(store, clue)[-1].notice_id


def test_all_issued_notices_one_file_each(
    data_dir: Path, store: Store, now: datetime, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [one, two] = [c["code"] for c in clues(store)[:2]]
    held = issued_numbers(store)  # the demo store's own notices, issued in every state
    assert held
    numbers = [issued(store, one, now), issued(store, two, now)]
    assert not set(numbers) & set(held)
    drafted(store, one, now)  # a draft is not issued: not printed
    folder = tmp_path / "issued"
    assert (
        run(["notice", "--all-issued", "--data-dir", str(data_dir), "--out-dir", str(folder)]) == 0
    )
    files = sorted(folder.glob("*.pdf"))
    assert [f.stem for f in files] == sorted([*held, *numbers])
    assert issued_numbers(store) == sorted([*held, *numbers])  # the draft has no number
    for path in files:
        assert path.stem in pdf_text(path)
    listed = capsys.readouterr().out
    assert all(number in listed for number in [*held, *numbers])


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "请指定线索编号"),
        (["LYG2026000001"], "--out"),
        (["LYG2026000001", "--out", "x.pdf", "--all-issued"], "只能选一个"),
        (["--all-issued"], "--out-dir"),
        (["NO-SUCH-CLUE", "--out", "x.pdf"], "本机没有编号为 NO-SUCH-CLUE 的线索"),
    ],
)
def test_bad_input_exits_2_with_a_chinese_message(
    argv: list[str],
    message: str,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    full = ["notice", *argv, "--data-dir", str(data_dir)]
    full = [str(tmp_path / a) if a == "x.pdf" else a for a in full]
    assert run(full) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_a_folder_without_a_store_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    argv = ["notice", "X", "--data-dir", str(empty), "--out", str(tmp_path / "x.pdf")]
    assert run(argv) == 2
    assert "没有线索库" in capsys.readouterr().err
    assert not (empty / DB_FILE).exists()


def test_a_character_no_font_has_is_named(
    data_dir: Path, store: Store, now: datetime, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clue = clues(store)[0]["code"]
    drafted(store, clue, now, party_name="连云港市ꀀ化工有限公司")
    out = tmp_path / "bad.pdf"
    assert run(["notice", clue, "--data-dir", str(data_dir), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "ꀀ" in err and "U+A000" in err
    assert not out.exists()


def test_a_correction_order_draft_can_be_asked_for(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    clue = clues(store)[0]["code"]
    out = tmp_path / "order.pdf"
    argv = ["notice", clue, "--kind", NoticeKind.CORRECTION_ORDER.value]
    assert run([*argv, "--data-dir", str(data_dir), "--out", str(out)]) == 0
    assert "责令改正违法行为决定书" in pdf_text(out)


def test_the_command_imports_no_qt() -> None:
    code = (
        "import sys, desktop.notice_cli, desktop.reports, desktop.store.notices; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
        "sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
