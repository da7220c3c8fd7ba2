"""The code stays clean: ruff, mypy (also as on Windows) and the import-linter contracts, which
name every module of the client."""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


def test_ruff_is_clean() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", "desktop", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_is_clean() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_as_on_windows_is_clean() -> None:
    """The client and the platform type-check for win32: no POSIX-only call (os.killpg,
    os.getpgid, signal.SIGKILL, os.geteuid, fcntl, os.pwrite …) on a path Windows takes (such
    calls sit behind a `sys.platform` check, which mypy follows; it does not follow os.name)."""
    result = _run(
        sys.executable,
        "-m",
        "mypy",
        "--platform",
        "win32",
        "--cache-dir",
        str(ROOT / ".mypy_cache" / "win32"),
        "-p",
        "desktop",
        "-p",
        "cityplatform",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_layering_contracts_hold() -> None:
    result = _run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


COMMON_PACKAGES = {"domain", "wire", "demo"}
"""desktop's packages in the cluedesk-common distribution; every other one is the client's."""


def _contracts() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    return config


def _listed(config: configparser.ConfigParser, contract: str, option: str) -> set[str]:
    text = config[f"importlinter:contract:{contract}"][option]
    return {name for name in re.split(r"[\s|:]+", text) if name}


def _client_modules() -> set[str]:
    """Every top-level module and package of desktop/, as desktop.NAME."""
    found = set()
    for path in (ROOT / "desktop").iterdir():
        if path.is_dir() and (path / "__init__.py").exists():
            found.add(f"desktop.{path.name}")
        elif path.suffix == ".py" and path.name != "__init__.py":
            found.add(f"desktop.{path.stem}")
    return found


def test_every_client_module_is_in_a_layer_and_no_layer_is_optional() -> None:
    config = _contracts()
    layers = config["importlinter:contract:layers"]["layers"]
    assert "(" not in layers, "a layer in parentheses is optional: name every layer plainly"
    modules = _client_modules()
    assert {"desktop.cli", "desktop.ui", "desktop.store", "desktop.domain"} <= modules
    assert _listed(config, "layers", "layers") == modules, (
        "every module of desktop/ belongs in one layer of setup.cfg's layers contract"
    )


def test_qt_and_the_common_contracts_name_every_client_module() -> None:
    config = _contracts()
    modules = _client_modules()
    common = {f"desktop.{name}" for name in COMMON_PACKAGES}
    assert _listed(config, "qt-only-in-ui", "source_modules") == modules - {"desktop.ui"}
    client_only = modules - common
    assert _listed(config, "common-stands-alone", "forbidden_modules") == client_only | {
        "cityplatform"
    }
    assert _listed(config, "platform-shares-only-rules", "forbidden_modules") == client_only | {
        "PySide6"
    }
    assert _listed(config, "client-never-imports-platform", "source_modules") == {"desktop"}
