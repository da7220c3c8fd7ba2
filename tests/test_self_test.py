"""`cluedesk self-test`: every check passes on a good install, and each failure is named."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from desktop import self_test
from desktop.cli import main
from desktop.domain import calendar as calendar_module
from desktop.domain.calendar import WorkCalendar
from desktop.reports import FontSet, build_document, render_bytes
from desktop.self_test import (
    CHECK_NAMES,
    DEADLINE,
    FONTS,
    NOTICE_FILE,
    STORE,
    WINDOW,
    check_deadline,
    check_fonts,
    pdf_fonts,
)
from desktop.store.database import DB_FILE

REPO = Path(__file__).resolve().parents[1]


def test_the_checks_without_the_window_pass_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, out = tmp_path / "data", tmp_path / "out"
    status = main(["self-test", "--no-window", "--data-dir", str(data), "--out", str(out)])
    printed = capsys.readouterr().out.splitlines()
    assert status == 0, printed
    assert printed[1:] == [
        f"{STORE}：通过（{data / DB_FILE}，0 条线索）",
        f"{DEADLINE}：通过（2026-09-30 10:00 后 1 个工作日为 2026-10-08 17:30）",
        *[line for line in printed if line.startswith("文书：通过（")],
        f"{FONTS}：通过（{pdf_font_count(out / NOTICE_FILE)} 种字体均已嵌入，主用随附字体）",
        "加密：通过（SQLCipher 可用：写入、读回，错误的密钥被拒绝）",
        "自检通过",
    ]
    assert (data / DB_FILE).is_file()  # the store was created
    pdf = (out / NOTICE_FILE).read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert all(font.embedded for font in pdf_fonts(pdf))


def pdf_font_count(path: Path) -> int:
    return len(pdf_fonts(path.read_bytes()))


def test_the_window_check_shows_the_main_window_and_closes_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow
    from desktop.ui.self_test_window import check_window

    shot = tmp_path / "window.png"
    check = check_window(tmp_path / "window", shot)
    assert check.ok, check.detail
    assert check.name == WINDOW
    image = QImage(str(shot))
    assert image.width() > 400 and image.height() > 300
    assert len({image.pixel(x, image.height() // 3) for x in range(0, image.width(), 7)}) > 3
    open_windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert not any(w.isVisible() for w in open_windows)


def test_a_damaged_store_fails_the_store_check_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_FILE).write_bytes(b"not a database at all " * 400)
    status = main(["self-test", "--no-window", "--data-dir", str(data)])
    printed = capsys.readouterr().out.splitlines()
    assert status == 1
    assert printed[1].startswith(f"{STORE}：失败（")
    assert printed[-1] == f"自检未通过：{STORE}"
    assert (data / DB_FILE).read_bytes() == b"not a database at all " * 400  # left as it was


def test_a_calendar_without_the_holidays_fails_the_deadline_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(calendar_module, "default_calendar", lambda: WorkCalendar())
    check = check_deadline()
    assert not check.ok
    assert "2026-10-01 17:30" in check.detail and "应为 2026-10-08 17:30" in check.detail


def test_a_font_not_embedded_fails_the_font_check_by_name() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 720, "cluedesk")
    canvas.save()
    fonts = pdf_fonts(buffer.getvalue())
    assert [(f.name, f.embedded) for f in fonts] == [("Helvetica", False)]
    check = check_fonts(buffer.getvalue(), [])
    assert not check.ok and check.name == FONTS and "Helvetica" in check.detail


def test_the_notice_fonts_are_found_embedded_in_the_pdf() -> None:
    fonts = FontSet.bundled()
    data = render_bytes(build_document(self_test.SAMPLE_NOTICE), fonts=fonts)
    found = pdf_fonts(data)
    assert found and all(f.embedded and f.subtype == "TrueType" for f in found)
    assert any("ARPLUMingCN" in f.name for f in found)


def test_the_command_runs_as_a_subprocess_with_every_check(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # --offscreen sets it
    shot = tmp_path / "shot.png"
    command = [sys.executable, "-m", "desktop.cli", "self-test", "--offscreen"]
    command += ["--data-dir", str(tmp_path / "data"), "--screenshot", str(shot)]
    done = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for name in CHECK_NAMES:
        assert sum(line.startswith(f"{name}：通过") for line in lines) == 1, done.stdout
    assert lines[-1] == "自检通过"
    assert QImage(str(shot)).width() > 400


def test_the_cipher_check_fails_without_sqlcipher(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import self_test

    assert self_test.check_cipher(tmp_path).ok
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # an install without SQLCipher
    found = self_test.check_cipher(tmp_path)
    assert (found.name, found.ok) == (self_test.CIPHER, False)
    assert "SQLCipher 不可用" in found.detail
    assert list(tmp_path.iterdir()) == []
