"""The demo platform's process: it stops when the pipe from its parent closes (however the
parent ends), and a start replaces a platform an earlier start left running on the folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cityplatform.demo_site import ensure_demo_platform
from cityplatform.launcher import platform_answers, start_platform, stop_platform
from desktop.ui.demo_platform import RECORD_FILE, DemoPlatform

SMALL = 60
"""Clues in the small demo platforms these tests seed (the demo's own 5,000 take long)."""


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, str]:
    """A demo folder whose platform is seeded (small), and the platform's database URL."""
    folder = tmp_path / "demo"
    return folder, ensure_demo_platform(folder / "platform", clues=SMALL)


@pytest.mark.slow
def test_a_platform_that_stops_with_its_parent_ends_when_the_pipe_closes(
    seeded: tuple[Path, str],
) -> None:
    folder, url = seeded
    base_url, process = start_platform(url, folder / "platform", stop_with_parent=True)
    try:
        assert platform_answers(base_url)
        assert process.stdin is not None
        process.stdin.close()  # what the system does when the parent ends, even killed
        process.wait(timeout=60)  # no signal sent: it ends by itself
        assert not platform_answers(base_url)
        log = (folder / "platform" / "platform-serve.log").read_text(encoding="utf-8")
        assert "标准输入已关闭" in log
    finally:
        stop_platform(process)


@pytest.mark.slow
def test_a_start_replaces_the_platform_an_earlier_start_left_running(
    seeded: tuple[Path, str],
) -> None:
    folder, url = seeded
    left_url, leftover = start_platform(url, folder / "platform", testing=False)
    record = folder / "platform" / RECORD_FILE
    record.write_text(json.dumps({"pid": leftover.pid, "base_url": left_url}), encoding="utf-8")
    demo = DemoPlatform(folder)
    try:
        base_url = demo.start()
        assert leftover.wait(timeout=60) is not None  # stopped before the new one started
        assert not platform_answers(left_url)
        assert platform_answers(base_url)
        assert demo.process is not None
        assert json.loads(record.read_text(encoding="utf-8")) == {
            "pid": demo.process.pid,
            "base_url": base_url,
        }
        process = demo.process
        demo.stop()
        assert process.poll() is not None
        assert not record.exists()
    finally:
        demo.stop()
        stop_platform(leftover)


def test_a_record_of_a_process_that_is_gone_is_dropped(tmp_path: Path) -> None:
    demo = DemoPlatform(tmp_path)
    demo.platform_dir.mkdir(parents=True)
    demo.record_path.write_text('{"pid": 999999999, "base_url": "http://127.0.0.1:9"}')
    assert demo.stop_leftover() is None
    assert not demo.record_path.exists()
    demo.record_path.write_text("not json")
    assert demo.stop_leftover() is None
    assert not demo.record_path.exists()
