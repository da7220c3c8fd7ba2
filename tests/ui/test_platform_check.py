"""Before Qt starts its xcb plugin: missing system libraries are named with the exact apt
packages, and the window command ends with status 2 and a log entry instead of Qt's abort."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.ui import app, logging_setup, platform_check
from desktop.ui.platform_check import (
    XCB_LIBRARIES,
    missing_display_libraries,
    missing_libraries_message,
    missing_xcb_libraries,
    uses_xcb,
)

MISSING = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
X11 = {"DISPLAY": ":0"}


def absent(names: set[str]) -> Callable[[str], bool]:
    """A loader check that finds every library but `names`."""
    return lambda soname: soname not in names


def test_the_table_has_the_libraries_qt_failed_on_without_saying_so() -> None:
    packages = {package for _, package in XCB_LIBRARIES}
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0"} <= packages
    assert all(soname.startswith("lib") and ".so." in soname for soname, _ in XCB_LIBRARIES)


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        (X11, "linux", True),
        ({**X11, "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({**X11, "QT_QPA_PLATFORM": "xcb:nograb"}, "linux", True),
        ({**X11, "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({**X11, "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({**X11, "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({}, "linux", False),
        (X11, "win32", False),
        (X11, "darwin", False),
    ],
)
def test_the_check_runs_only_where_qt_takes_the_xcb_plugin(
    environ: dict[str, str], platform: str, expected: bool
) -> None:
    assert uses_xcb(environ, platform) is expected


def test_missing_libraries_are_named_with_their_packages() -> None:
    assert missing_xcb_libraries(absent(MISSING)) == [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ]
    missing = missing_display_libraries(X11, "linux", absent(MISSING))
    message = missing_libraries_message(missing)
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in message
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert missing_display_libraries(X11, "linux", absent(set())) == []
    offscreen = {**X11, "QT_QPA_PLATFORM": "offscreen"}
    assert missing_display_libraries(offscreen, "linux", absent(MISSING)) == []


def test_a_library_that_is_not_there_is_found_missing() -> None:
    assert not platform_check.library_present("libcluedesk-does-not-exist.so.7")


def test_the_window_command_says_what_to_install_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(platform_check, "sys", SimpleNamespace(platform="linux"))
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(platform_check, "library_present", absent(MISSING))
    folder = tmp_path / "data"
    try:
        status = app.run(app.AppOptions(data_dir=folder))
    finally:
        logging_setup.shutdown_logging()
    assert status == 2
    said = capsys.readouterr().err
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in said
    assert "Traceback" not in said
    logged = (folder / "logs" / "cluedesk.log").read_text(encoding="utf-8")
    assert "ERROR" in logged and "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in logged
    assert not (folder / "cluedesk.lock").exists()  # nothing else was started
