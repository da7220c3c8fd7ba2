"""The bundle's recipe (fast checks; the build itself runs in .ci/run): what the spec leaves
out, the .deb's control file and menu entry, and the Windows installer naming the built exe."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(PACKAGING))
    try:
        spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(PACKAGING))


config = _load("bundle_config")
build = _load("build")


def spec_excludes() -> list[str]:
    """The excludes the spec hands to PyInstaller's Analysis, computed as the spec does."""
    tree = ast.parse((PACKAGING / "cluedesk.spec").read_text(encoding="utf-8"))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Analysis"
    ]
    assert len(calls) == 1
    (keyword,) = [k for k in calls[0].keywords if k.arg == "excludes"]
    assert ast.unparse(keyword.value) == "config.excludes(available_qt)"
    import PySide6

    available = sorted({p.name.split(".")[0] for p in Path(PySide6.__file__).parent.iterdir()})
    return list(config.excludes(available))


def test_the_spec_leaves_out_the_platform_its_dependencies_and_the_test_tools() -> None:
    excludes = spec_excludes()
    for module in ("cityplatform", "fastapi", "starlette", "uvicorn", "argon2", "jwt", "httpx"):
        assert module in excludes
    for module in ("pytest", "pytestqt", "hypothesis", "pypdf", "mypy"):
        assert module in excludes


def test_the_spec_leaves_out_the_big_qt_modules_and_keeps_the_ones_the_client_imports() -> None:
    excludes = set(spec_excludes())
    for module in ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia", "QtDesigner"):
        if importlib.util.find_spec(f"PySide6.{module}") is not None:
            assert f"PySide6.{module}" in excludes
    used = set()
    for path in (REPO / "desktop").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt[A-Za-z]+)", path.read_text(encoding="utf-8")))
    assert used and used <= config.USED_QT_MODULES
    assert not {f"PySide6.{m}" for m in used} & excludes


def test_the_virtual_keyboard_and_what_only_it_needs_are_dropped_not_the_input_methods() -> None:
    assert config.dropped_library("libQt6Quick.so.6")
    assert config.dropped_library("Qt6Qml.dll")
    assert config.dropped_library("libqtvirtualkeyboardplugin.so")
    assert not config.dropped_library("libibusplatforminputcontextplugin.so")
    assert not config.dropped_library("libQt6Widgets.so.6")
    assert not config.dropped_library("qwindows.dll")


def test_the_control_file_names_version_architecture_and_depends() -> None:
    text = build.control_text("0.1.0", "arm64", 12345, ["libc6 (>= 2.28)", *build.DEB_DEPENDS])
    fields = dict(re.findall(r"^([A-Za-z-]+): (.*)$", text, re.MULTILINE))
    assert fields["Package"] == "cluedesk"
    assert fields["Version"] == "0.1.0"
    assert fields["Architecture"] == "arm64"
    assert fields["Installed-Size"] == "12345"
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert depends[0] == "libc6 (>= 2.28)"
    for package in ("libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3"):
        assert package in depends
    assert "libxcb-cursor0" in depends and "libglib2.0-0t64 | libglib2.0-0" in depends
    assert text.endswith("\n") and all(line.startswith(" ") for line in text.splitlines()[9:])


def test_the_package_version_is_the_clients() -> None:
    from desktop import __version__

    assert build.package_version() == __version__


def test_the_architecture_is_dpkgs() -> None:
    machine = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert build.deb_architecture() == machine


def test_the_glibc_requirement_is_read_from_the_binaries(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.so").write_bytes(b"\x7fELF" + b"\0GLIBC_2.17\0GLIBC_2.34\0")
    (tmp_path / "b.so").write_bytes(b"\x7fELF" + b"\0GLIBC_2.28\0GLIBCXX_3.4.30\0")
    (tmp_path / "notes.txt").write_bytes(b"GLIBC_2.99")  # not a binary
    assert build.required_glibc(tmp_path) == "2.34"


def test_the_stage_lays_out_app_launcher_menu_entry_and_icons(tmp_path: Path) -> None:
    folder = tmp_path / "cluedesk"
    (folder / "_internal").mkdir(parents=True)
    (folder / "cluedesk").write_bytes(b"\x7fELF\0GLIBC_2.28\0")
    (folder / "cluedesk").chmod(0o755)
    (folder / "_internal" / "data.txt").write_text("x")
    stage = build.stage_deb(folder, tmp_path / "root", "0.1.0", "amd64")
    assert (stage / "opt/cluedesk/cluedesk").stat().st_mode & 0o777 == 0o755
    assert (stage / "opt/cluedesk/_internal/data.txt").stat().st_mode & 0o777 == 0o644
    launcher = stage / "usr/bin/cluedesk"
    assert launcher.stat().st_mode & 0o111
    assert 'exec /opt/cluedesk/cluedesk "$@"' in launcher.read_text()
    for size in build.ICON_SIZES:
        assert (stage / f"usr/share/icons/hicolor/{size}x{size}/apps/cluedesk.png").is_file()
    control = (stage / "DEBIAN/control").read_text(encoding="utf-8")
    assert "Depends: libc6 (>= 2.28), libegl1" in control
    entry = (stage / "usr/share/applications/cluedesk.desktop").read_text(encoding="utf-8")
    assert "Name=线索办理工作台" in entry and "Exec=cluedesk\n" in entry
    assert "Icon=cluedesk\n" in entry


def test_the_menu_entry_validates(tmp_path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.fail("desktop-file-validate is missing: apt-get install desktop-file-utils")
    path = tmp_path / "cluedesk.desktop"
    path.write_text(build.DESKTOP_ENTRY, encoding="utf-8")
    done = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def _iss() -> tuple[dict[str, str], str]:
    text = (PACKAGING / "windows" / "cluedesk.iss").read_text(encoding="utf-8-sig")
    defines = dict(re.findall(r'^\s*#define (\w+) "([^"]*)"', text, re.MULTILINE))
    return defines, text


def test_the_windows_installer_ships_the_exe_the_spec_builds() -> None:
    defines, text = _iss()
    assert defines["AppExe"] == f"{config.GUI_EXE}.exe"
    assert defines["CliExe"] == f"{config.CLI_EXE}.exe"
    assert defines["SourceDir"] == rf"..\..\dist\{config.APP_NAME}"
    assert defines["AppName"] == config.DISPLAY_NAME
    spec = (PACKAGING / "cluedesk.spec").read_text(encoding="utf-8")
    assert "name=config.GUI_EXE" in spec and "name=config.CLI_EXE" in spec
    assert "name=config.APP_NAME" in spec
    icons = re.findall(
        r'^Name: "\{group\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', text, re.M
    )
    assert icons, "the Start-menu shortcut opens cluedesk.exe"
    assert (PACKAGING / "windows" / "cluedesk.iss").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (PACKAGING / "icons" / "cluedesk.ico").read_bytes()[:4] == b"\0\0\1\0"


def test_the_windows_script_builds_smoke_tests_and_compiles_the_installer() -> None:
    script = (PACKAGING / "windows" / "build.ps1").read_text(encoding="utf-8")
    assert "packaging\\build.py --smoke" in script
    assert "packaging\\windows\\cluedesk.iss" in script
    assert "ChineseSimplified.isl" in script


def test_the_entry_point_runs_the_command_line() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # this checkout's desktop, as frozen
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "entry.py"), "--version"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    from desktop import __version__

    assert done.returncode == 0 and done.stdout.strip() == f"cluedesk {__version__}"
