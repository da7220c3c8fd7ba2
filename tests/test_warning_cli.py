"""`cluedesk warnings`: the store's warning record as JSON lines or a table, with its filters,
and a clear Chinese message with exit status 2 for a bad option; all without Qt."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from desktop.cli import main
from desktop.domain.stages import Stage
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.warning_record import ClearedBy, WarningEpisode
from desktop.store.database import DB_FILE, open_store
from desktop.store.models import Clue
from desktop.store.models import WarningEpisode as WarningEpisodeRow
from desktop.store.warnings import replace_clue_warnings
from desktop.warning_cli import run


def cst(m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(2026, m, d, hh, mm, tzinfo=CHINA_TZ)


SIGN_DUE = cst(11, 2, 17, 30)
HANDLE_DUE = cst(11, 16, 17, 30)


@pytest.fixture
def data_dir(demo_store_dir: Path, tmp_path: Path) -> Path:
    """A copy of the demo store with a known warning record on two clues."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(demo_store_dir / DB_FILE, folder / DB_FILE)
    store = open_store(folder)
    with store.session() as session:
        session.execute(delete(WarningEpisodeRow))  # the demo's own record gives way to these
        first, second = session.execute(select(Clue.id, Clue.code).order_by(Clue.id).limit(2))
        signed = cst(11, 6, 9)
        replace_clue_warnings(
            session,
            first.id,
            [
                (
                    WarningEpisode(
                        Stage.SIGN,
                        1,
                        SIGN_DUE,
                        cst(10, 30, 17, 30),
                        signed,
                        ClearedBy.STAGE_COMPLETED,
                    ),
                    "320706001",
                ),
                (
                    WarningEpisode(
                        Stage.SIGN, 2, SIGN_DUE, SIGN_DUE, signed, ClearedBy.STAGE_COMPLETED
                    ),
                    "320706001",
                ),
                (
                    WarningEpisode(
                        Stage.SIGN,
                        3,
                        SIGN_DUE,
                        cst(11, 6, 8, 30),
                        signed,
                        ClearedBy.STAGE_COMPLETED,
                    ),
                    "320706001",
                ),
            ],
        )
        replace_clue_warnings(
            session,
            second.id,
            [
                (WarningEpisode(Stage.HANDLE, 1, HANDLE_DUE, cst(11, 13, 17, 30)), "320706015"),
                (WarningEpisode(Stage.HANDLE, 2, HANDLE_DUE, HANDLE_DUE), "320706015"),
                (WarningEpisode(Stage.HANDLE, 3, HANDLE_DUE, cst(11, 20, 8, 30)), "320706015"),
            ],
        )
        session.commit()
    store.close()
    (folder / "codes.txt").write_text(f"{first.code} {second.code}", encoding="utf-8")
    return folder


def _codes(folder: Path) -> tuple[str, str]:
    first, second = (folder / "codes.txt").read_text(encoding="utf-8").split()
    return first, second


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert run(["warnings", *args, "--format", "json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_json_prints_one_object_a_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    signed_clue, open_clue = _codes(data_dir)
    lines = _json(capsys, "--data-dir", str(data_dir))
    assert len(lines) == 6
    assert lines[0] == {
        "code": open_clue,
        "stage": "handle",
        "level": 3,
        "reached_at": "2026-11-20T08:30:00+08:00",
        "cleared_at": None,
        "cleared_by": None,
        "unit": "320706015",
    }
    signed_red = next(x for x in lines if x["code"] == signed_clue and x["level"] == 3)
    assert signed_red["cleared_at"] == "2026-11-06T09:00:00+08:00"
    assert signed_red["cleared_by"] == "stage_completed"
    assert set(lines[0]) == {
        "code",
        "stage",
        "level",
        "reached_at",
        "cleared_at",
        "cleared_by",
        "unit",
    }


def test_level_since_until_unit_and_open_filter(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed_clue, open_clue = _codes(data_dir)
    folder = str(data_dir)
    red = _json(capsys, "--data-dir", folder, "--level", "3")
    assert [(x["code"], x["level"]) for x in red] == [(open_clue, 3), (signed_clue, 3)]
    since = _json(capsys, "--data-dir", folder, "--since", "2026-11-13")
    assert [x["code"] for x in since] == [open_clue] * 3
    until = _json(capsys, "--data-dir", folder, "--until", "2026-11-02")
    assert [(x["code"], x["level"]) for x in until] == [(signed_clue, 2), (signed_clue, 1)]
    since_time = _json(capsys, "--data-dir", folder, "--since", "2026-11-16T17:30+08:00")
    assert [x["level"] for x in since_time] == [3, 2]
    unit = _json(capsys, "--data-dir", folder, "--unit", "320706001")
    assert {x["code"] for x in unit} == {signed_clue}
    still = _json(capsys, "--data-dir", folder, "--open", "--level", "3")
    assert [x["code"] for x in still] == [open_clue]


def test_text_format_is_a_table(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    signed_clue, _ = _codes(data_dir)
    assert main(["warnings", "--data-dir", str(data_dir), "--level", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("\t")[:3] == ["线索编号", "环节", "预警等级"]
    assert "未消除" in out[1]
    assert signed_clue in out[2] and "环节已完成" in out[2] and "三级（红）" in out[2]
    assert out[-1] == "共 2 条"


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--since", "昨天"], "--since"),
        (["--until", "2026-13-01"], "--until"),
        (["--level", "4"], "--level"),
    ],
)
def test_a_bad_option_exits_2_naming_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], names: str
) -> None:
    assert main(["warnings", "--data-dir", str(data_dir), *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert names in captured.err and "cluedesk warnings" in captured.err


def test_a_folder_without_a_store_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["warnings", "--data-dir", str(tmp_path / "nothing")]) == 2
    assert "没有线索库" in capsys.readouterr().err
