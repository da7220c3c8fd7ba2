"""Three distributions from one repository: cluedesk-common (the rules, the wire format, the demo
city and the data files), the cluedesk client and cluedesk-platform. Their wheels are built
here, from a copy of the sources, and checked: no file in two of them, every file of the
sources in one, each with only its own dependencies; the platform runs from its wheels alone;
the client starts without the platform, and `cluedesk --demo` says how to get it."""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from resources.version import VERSION
from tests.without_platform import PLATFORM_PACKAGES, REPORT_ENV

REPO = Path(__file__).resolve().parents[1]
SOURCES = ("desktop", "cityplatform", "resources", "packaging", "setup.cfg", "pyproject.toml")
SHIPPED = ("desktop", "cityplatform", "resources")
"""The folders whose every file (modules and data) is in exactly one wheel."""
PROJECTS = {
    "cluedesk-common": "packaging/common",
    "cluedesk": ".",
    "cluedesk-platform": "packaging/platform",
}
PLATFORM_ONLY = {"fastapi", "uvicorn", "argon2-cffi", "pyjwt", "starlette"}
QT = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}

pytestmark = pytest.mark.slow


def _ignored(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in ("__pycache__", "build") or n.endswith((".pyc", ".egg-info"))}


def _source_files() -> list[str]:
    """Every file under the shipped folders of the repository (no bytecode)."""
    found = []
    for top in SHIPPED:
        for path in (REPO / top).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                found.append(path.relative_to(REPO).as_posix())
    return sorted(found)


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three wheels, built with this environment's pip and setuptools (no build isolation,
    no index) from a copy of the sources, so that no build folder is left in the checkout."""
    root = tmp_path_factory.mktemp("distributions")
    source = root / "source"
    for name in (*SOURCES, "README.md"):
        item = REPO / name
        if item.is_dir():
            shutil.copytree(item, source / name, ignore=_ignored)
        else:
            shutil.copy2(item, source / name)
    out = root / "wheels"
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    for project in PROJECTS.values():
        built = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
            + ["--no-index", "-w", str(out), str(source / project)],
            capture_output=True,
            text=True,
            timeout=600,
            env=env,
            check=False,
        )
        assert built.returncode == 0, built.stdout + built.stderr
    found = {}
    for name in PROJECTS:
        stem = name.replace("-", "_")
        (wheel,) = out.glob(f"{stem}-*.whl")
        found[name] = wheel
    return found


def _files(wheel: Path) -> set[str]:
    """The files a wheel installs (without its .dist-info)."""
    with zipfile.ZipFile(wheel) as archive:
        return {n for n in archive.namelist() if not n.split("/")[0].endswith(".dist-info")}


def _dist_info(wheel: Path, name: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        (path,) = [n for n in archive.namelist() if n.endswith(f".dist-info/{name}")]
        return archive.read(path).decode("utf-8")


def _requirements(wheel: Path) -> list[str]:
    """The wheel's Requires-Dist, without the optional extras."""
    metadata = Parser().parsestr(_dist_info(wheel, "METADATA"))
    return [r for r in metadata.get_all("Requires-Dist") or [] if "extra ==" not in r]


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_no_file_is_in_two_wheels_and_every_source_file_is_in_one(
    wheels: dict[str, Path],
) -> None:
    contents = {name: _files(wheel) for name, wheel in wheels.items()}
    owners: dict[str, list[str]] = {}
    for name, files in contents.items():
        for file in files:
            owners.setdefault(file, []).append(name)
    assert {f: o for f, o in owners.items() if len(o) > 1} == {}
    sources = _source_files()
    assert "resources/fonts/WenQuanYiMicroHei-print.ttf" in sources
    assert "desktop/store/migrations/script.py.mako" in sources
    missing = [f for f in sources if f not in owners]
    assert missing == [], "in no wheel (setup.cfg or packaging/*/pyproject.toml)"
    assert sorted(owners) == sources, "a wheel holds a file the sources do not have"


def test_each_wheel_holds_only_its_own_packages(wheels: dict[str, Path]) -> None:
    client = _files(wheels["cluedesk"])
    common = _files(wheels["cluedesk-common"])
    platform = _files(wheels["cluedesk-platform"])
    assert "desktop/__init__.py" in client and "desktop/ui/main_window.py" in client
    assert not [f for f in client if f.startswith(("cityplatform/", "resources/"))]
    assert not [f for f in client if re.match(r"desktop/(domain|wire|demo)/", f)]
    assert "desktop/__init__.py" not in common  # desktop is a namespace package there
    assert {f.split("/")[0] for f in common} == {"desktop", "resources"}
    assert {f.split("/")[1] for f in common if f.startswith("desktop/")} == {
        "domain",
        "wire",
        "demo",
    }
    assert "resources/version.py" in common and "resources/demo/city.json" in common
    assert {f.split("/")[0] for f in platform} == {"cityplatform"}
    assert "cityplatform/migrations/script.py.mako" in platform


def test_each_wheel_depends_only_on_what_it_imports(wheels: dict[str, Path]) -> None:
    for wheel in wheels.values():
        metadata = Parser().parsestr(_dist_info(wheel, "METADATA"))
        assert metadata["Version"] == VERSION
    client = _requirements(wheels["cluedesk"])
    platform = _requirements(wheels["cluedesk-platform"])
    common = _requirements(wheels["cluedesk-common"])
    pin = f"cluedesk-common=={VERSION}"
    assert pin in [r.replace(" ", "") for r in client]
    assert pin in [r.replace(" ", "") for r in platform]
    assert {_name(r) for r in client} & PLATFORM_ONLY == set()
    assert {"pyside6-essentials", "sqlalchemy", "requests", "keyring"} <= {_name(r) for r in client}
    assert {_name(r) for r in platform} & QT == set()
    assert {"fastapi", "uvicorn", "argon2-cffi", "pyjwt"} <= {_name(r) for r in platform}
    assert {_name(r) for r in common} == {"pydantic", "chinese-calendar", "reportlab"}
    scripts = {
        name: _dist_info(wheel, "entry_points.txt") if name != "cluedesk-common" else ""
        for name, wheel in wheels.items()
    }
    assert "cluedesk = desktop.cli:main" in scripts["cluedesk"]
    assert "cluedesk-platform" not in scripts["cluedesk"]
    assert "cluedesk-platform = cityplatform.cli:main" in scripts["cluedesk-platform"]


PLATFORM_ALONE = """
import importlib.util, json, sys
# the environment's libraries (FastAPI, SQLAlchemy …) but none of its .pth files: no
# editable install of this checkout reaches in
sys.path.extend(json.loads(sys.argv[2]))
import cityplatform.app
import desktop
import desktop.domain.deadlines
from cityplatform.cli import main
status = main(["seed", "--db", sys.argv[1], "--clues", "5", "--fast-hash", "--json"])
print(json.dumps({
    "status": status,
    "cityplatform": cityplatform.app.__file__,
    "domain": desktop.domain.deadlines.__file__,
    "desktop_file": getattr(desktop, "__file__", None),
    "desktop_path": list(desktop.__path__),
    "version": hasattr(desktop, "__version__"),
    "client": [m for m in ("desktop.store", "desktop.ui", "desktop.sync", "desktop.reports")
               if importlib.util.find_spec(m) is not None],
    "qt": [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))],
}))
"""


def test_the_platform_runs_from_its_wheels_without_the_client(
    wheels: dict[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
        + ["--target", str(target), str(wheels["cluedesk-common"])]
        + [str(wheels["cluedesk-platform"])],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert not (target / "desktop" / "__init__.py").exists()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(target)
    db_url = f"sqlite:///{tmp_path / 'platform.sqlite3'}"
    ran = subprocess.run(  # -S: no site-packages .pth; the repository is not on the path
        [sys.executable, "-S", "-c", PLATFORM_ALONE, db_url, json.dumps(site.getsitepackages())],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    found = json.loads(ran.stdout.strip().splitlines()[-1])
    assert found["status"] == 0
    assert Path(found["cityplatform"]).is_relative_to(target)
    assert Path(found["domain"]).is_relative_to(target)
    assert found["desktop_file"] is None  # a namespace package: desktop/__init__ is the client's
    assert [Path(p) for p in found["desktop_path"]] == [target / "desktop"]
    assert found["version"] is False
    assert found["client"] == [] and found["qt"] == []


def _client(args: list[str], tmp_path: Path) -> tuple[int, str, dict]:
    """Run `cluedesk ARGS` from this checkout as a client-only install would (the platform's
    packages refused); its status, its stderr and its import report."""
    report = tmp_path / "imports.json"
    report.unlink(missing_ok=True)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        REPORT_ENV: str(report),
    }
    ran = subprocess.run(
        [sys.executable, "-m", "tests.without_platform", *args],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return ran.returncode, ran.stderr, json.loads(report.read_text(encoding="utf-8"))


def test_the_demo_without_the_platform_says_how_to_get_it(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    status, stderr, report = _client(["--demo", "--data-dir", str(folder)], tmp_path)
    assert status == 2, stderr
    assert "演示需要参考平台" in stderr and "pip install cluedesk-platform" in stderr
    assert "pip install -e packaging/platform" in stderr
    assert "Traceback" not in stderr
    assert report["attempted"] == ["cityplatform"] and report["loaded"] == []
    assert not folder.exists()  # nothing made before saying no


def test_demo_data_and_the_queue_need_only_the_common_rules(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    command = ["demo-data", "--clues", "20", "--data-dir", str(folder)]
    status, stderr, report = _client([*command, "--now", "2026-11-27 10:00"], tmp_path)
    assert status == 0, stderr
    assert report == {"attempted": [], "loaded": [], "client": []}


IMPORTS_OF_THE_WINDOW = f"""
import sys
import desktop.cli, desktop.ui.app, desktop.ui.startup, desktop.ui.main_window
from desktop.ui.startup import Startup
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
startup = Startup(AppSettings(), __import__("pathlib").Path(sys.argv[1]), MainWindow)
assert startup.demo is None
print(sorted(m for m in sys.modules if m.split(".")[0] in {PLATFORM_PACKAGES!r}))
"""


def test_the_window_without_the_demo_does_not_import_the_platform(tmp_path: Path) -> None:
    """Everything the window's start imports, with the platform installed (this environment):
    none of it is loaded until a demo starts."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    ran = subprocess.run(
        [sys.executable, "-c", IMPORTS_OF_THE_WINDOW, str(tmp_path / "data")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.strip().splitlines()[-1] == "[]"
    assert importable("cityplatform.launcher")  # it was there to import: the test means it


def importable(name: str) -> bool:
    """Whether this environment has the module (the platform is installed for the tests)."""
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S)[:2]]


def test_the_readme_installs_the_three_and_ci_runs_its_test_command() -> None:
    first, second = _readme_commands()
    for command in (first, second):
        assert "-e packaging/common" in command and "-e packaging/platform" in command
    assert " -e . " in first and first.endswith(".venv/bin/cluedesk --demo")
    assert "-e '.[test]'" in second and second.endswith("-m pytest")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").rstrip().splitlines()
    assert ci[-1] == second
