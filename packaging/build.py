"""Build the self-contained cluedesk client: the folder, and on Linux a .deb package.

    python packaging/build.py [--smoke] [--deb] [--install-check] [--out DIR]

Runs PyInstaller on packaging/cluedesk.spec (PyInstaller must be installed: pip install
".[bundle]"; this script installs nothing), writes DIR/cluedesk/ (default dist/), and with
  --smoke          runs the bundled `cluedesk self-test --offscreen` in a temporary folder;
  --deb            builds DIR/cluedesk_<version>_<arch>.deb (Linux, dpkg-deb);
  --install-check  (root, with --deb) installs the .deb, runs its self-test, removes it and
                   checks that nothing is left.
Every step says what it does; any failure ends the build with a message and exit status 1.
The Windows recipe (packaging/windows/build.ps1) runs this script too, without the .deb steps.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bundle_config as config  # noqa: E402

WINDOWS = sys.platform == "win32"
SPEC = HERE / "cluedesk.spec"
ICONS = HERE / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
INSTALL_DIR = "/opt/cluedesk"
LAUNCHER = "/usr/bin/cluedesk"
DESKTOP_FILE = "/usr/share/applications/cluedesk.desktop"
MAINTAINER = "cluedesk maintainers <cluedesk@localhost>"

DEB_DEPENDS = (
    "libegl1",
    "libgl1",
    "libdrm2",
    "libxcb1",
    "libwayland-client0",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0t64 | libglib2.0-0",
)
"""What the bundle takes from the system (besides the C library, whose version is read from
the bundle): the graphics stack, which PyInstaller never bundles (libGL, libEGL, libdrm,
libxcb, libwayland-client: they belong to the PC's graphics driver), the XCB helpers of Qt's
xcb platform plugin that a build machine without a desktop may lack, and the font
configuration, D-Bus and GLib the desktop provides."""

DESKTOP_ENTRY = f"""[Desktop Entry]
Type=Application
Name={config.DISPLAY_NAME}
Name[zh_CN]={config.DISPLAY_NAME}
Name[en]=cluedesk Clue Desk
GenericName=污染线索办理
GenericName[en]=Pollution clue desk
Comment=县区污染防治线索的办理、预警、文书与同步
Comment[en]=Handle, track, print and sync pollution clues for county offices
Exec=cluedesk
Icon=cluedesk
Terminal=false
Categories=Office;
Keywords=cluedesk;clue;线索;整改;预警;
StartupWMClass=cluedesk
"""
"""The application menu entry (freedesktop.org Desktop Entry 1.5)."""

LAUNCHER_SCRIPT = f"""#!/bin/sh
# cluedesk: the window, or a command (cluedesk --help); the program lives in {INSTALL_DIR}.
exec {INSTALL_DIR}/{config.GUI_EXE} "$@"
"""


class BuildError(Exception):
    """A step failed; the message says which and why."""


def say(message: str) -> None:
    """Report a step's progress on stdout, at once."""
    print(f"[build] {message}", flush=True)


def run(
    command: Sequence[str | Path],
    *,
    timeout: float = 3600,
    cwd: Path | str | None = None,
    env: Mapping[str, str] | None = None,
) -> str:
    """Run a command; its standard output, or BuildError with its output on failure."""
    say("$ " + " ".join(str(c) for c in command))
    try:
        done = subprocess.run(
            [str(c) for c in command],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            cwd=cwd,
            env=env,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildError(f"{command[0]} could not run: {exc}") from exc
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-40:])
        raise BuildError(f"{Path(str(command[0])).name} failed (status {done.returncode}):\n{tail}")
    return done.stdout


def package_version() -> str:
    """The client's version (desktop.__version__), as Debian wants it."""
    sys.path.insert(0, str(ROOT))
    try:
        from desktop import __version__
    finally:
        sys.path.remove(str(ROOT))
    if not re.fullmatch(r"[0-9][A-Za-z0-9.+~-]*", __version__):
        raise BuildError(f"the version {__version__!r} is not a valid Debian version")
    return __version__


def deb_architecture() -> str:
    """The machine's Debian architecture (dpkg --print-architecture)."""
    return run(["dpkg", "--print-architecture"]).strip()


def folder_size(folder: Path) -> int:
    """Bytes of every file under `folder`."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def largest(folder: Path, count: int = 15) -> list[tuple[int, str]]:
    """The `count` largest files and folders under `folder` (size, relative path), a folder
    only when its largest child is less than 90 % of it (not the same figure twice)."""
    sizes: dict[Path, int] = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size = path.stat().st_size
            for parent in [path, *path.parents]:
                if parent == folder:
                    break
                sizes[parent] = sizes.get(parent, 0) + size
    biggest_child: dict[Path, int] = {}
    for path, size in sizes.items():
        biggest_child[path.parent] = max(biggest_child.get(path.parent, 0), size)
    shown = [
        (path, size)
        for path, size in sizes.items()
        if not (path.is_dir() and biggest_child.get(path, 0) >= 0.9 * size)
    ]
    ranked = sorted(shown, key=lambda item: -item[1])
    return [(size, path.relative_to(folder).as_posix()) for path, size in ranked[:count]]


def size_report(folder: Path) -> str:
    """The bundle's total size and its largest parts, as lines of text."""
    total = folder_size(folder)
    lines = [
        f"{folder.name}: {total / 2**20:.0f} MiB in {sum(1 for _ in folder.rglob('*'))} entries"
    ]
    lines += [f"  {size / 2**20:7.1f} MiB  {name}" for size, name in largest(folder)]
    return "\n".join(lines)


def required_glibc(folder: Path) -> str:
    """The newest GLIBC symbol version any bundled binary asks for ("2.28")."""
    newest = (2, 17)
    pattern = re.compile(rb"GLIBC_(\d+)\.(\d+)")
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
            data = handle.read()
        for major, minor in pattern.findall(data):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def control_text(
    version: str, architecture: str, installed_kib: int, depends: Iterable[str]
) -> str:
    """The DEBIAN/control file of the cluedesk package."""
    return (
        "Package: cluedesk\n"
        f"Version: {version}\n"
        f"Architecture: {architecture}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: county clue desk for the city pollution-supervision platform\n"
        f" {config.DISPLAY_NAME}: the offline clue store, work-calendar deadlines, printed\n"
        " notices and sync with the city platform, for county and township offices.\n"
        " Self-contained: Python, Qt and the print fonts are inside /opt/cluedesk.\n"
    )


def build_folder(out: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; the built folder out/cluedesk."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError("PyInstaller is not installed in this Python: pip install -e '.[bundle]'")
    target = out / config.APP_NAME
    say(f"PyInstaller: {SPEC.relative_to(ROOT)} -> {target}")
    started = time.monotonic()
    run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
        + ["--distpath", str(out), "--workpath", str(work), str(SPEC)],
        cwd=ROOT,
    )
    executable = target / (config.GUI_EXE + (".exe" if WINDOWS else ""))
    if not executable.is_file():
        raise BuildError(f"PyInstaller wrote no {executable}")
    say(f"built {target} in {time.monotonic() - started:.0f} s")
    say(size_report(target))
    return target


def cli_executable(folder: Path) -> Path:
    """The executable that runs commands with a console: cluedesk-cli.exe, or cluedesk."""
    return folder / (config.CLI_EXE + ".exe" if WINDOWS else config.GUI_EXE)


def self_test(executable: Path | str) -> None:
    """Run `<executable> self-test --offscreen` in a temporary data folder; fail on non-zero."""
    with tempfile.TemporaryDirectory(prefix="cluedesk-smoke-") as scratch:
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        data = Path(scratch) / "data"
        command = [str(executable), "self-test", "--offscreen", "--data-dir", str(data)]
        output = run(command, timeout=600, env=env, cwd=scratch)
    for line in output.splitlines():
        say("  " + line)


def stage_deb(folder: Path, stage: Path, version: str, architecture: str) -> Path:
    """Lay out the package's files under `stage` (the future /): the app, the launcher, the
    menu entry, the icons and DEBIAN/control; the stage."""
    if stage.exists():
        shutil.rmtree(stage)
    app = stage / INSTALL_DIR.lstrip("/")
    shutil.copytree(folder, app, symlinks=True)
    launcher = stage / LAUNCHER.lstrip("/")
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER_SCRIPT, encoding="utf-8")
    launcher.chmod(0o755)
    entry = stage / DESKTOP_FILE.lstrip("/")
    entry.parent.mkdir(parents=True)
    entry.write_text(DESKTOP_ENTRY, encoding="utf-8")
    for size in ICON_SIZES:
        icon = stage / f"usr/share/icons/hicolor/{size}x{size}/apps/cluedesk.png"
        icon.parent.mkdir(parents=True)
        shutil.copyfile(ICONS / f"cluedesk-{size}.png", icon)
    for path in stage.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
        elif path.is_file() and not path.is_symlink():
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)
    depends = [f"libc6 (>= {required_glibc(app)})", *DEB_DEPENDS]
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.parent.chmod(0o755)
    control.write_text(
        control_text(version, architecture, folder_size(stage) // 1024, depends), encoding="utf-8"
    )
    return stage


def build_deb(folder: Path, out: Path, work: Path) -> Path:
    """Build out/cluedesk_<version>_<arch>.deb from the built folder; its path."""
    if WINDOWS or shutil.which("dpkg-deb") is None:
        raise BuildError("--deb needs dpkg-deb (a Debian-based Linux: Debian, 统信UOS, 麒麟)")
    version, architecture = package_version(), deb_architecture()
    stage = stage_deb(folder, work / "deb-root", version, architecture)
    say("DEBIAN/control:\n" + (stage / "DEBIAN" / "control").read_text(encoding="utf-8"))
    validator = shutil.which("desktop-file-validate")
    if validator:
        run([validator, str(stage / DESKTOP_FILE.lstrip("/"))])
    deb = out / f"cluedesk_{version}_{architecture}.deb"
    run(["dpkg-deb", "--build", "--root-owner-group", "-Zxz", "-z1", str(stage), str(deb)])
    say(f"built {deb} ({deb.stat().st_size / 2**20:.0f} MiB)")
    return deb


def missing_packages(depends: Iterable[str]) -> list[str]:
    """The Depends entries (with alternatives "a | b") none of whose packages is installed."""
    missing = []
    for entry in depends:
        names = [part.split("(")[0].strip() for part in entry.split("|")]
        installed = any(
            subprocess.run(
                ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
            ).stdout.endswith("installed")
            for name in names
        )
        if not installed:
            missing.append(names[-1])
    return missing


def install_check(deb: Path) -> None:
    """Install the .deb, run its self-test, remove it, and check that nothing is left."""
    if WINDOWS or not hasattr(os, "geteuid") or os.geteuid() != 0:
        raise BuildError("--install-check installs a package: run it as root (CI does)")
    missing = missing_packages(DEB_DEPENDS)
    if missing:
        raise BuildError(
            "the package's dependencies are not installed: apt-get install " + " ".join(missing)
        )
    run(["dpkg", "-i", str(deb)])
    try:
        for path in (INSTALL_DIR, LAUNCHER, DESKTOP_FILE):
            if not os.path.lexists(path):
                raise BuildError(f"the installed package has no {path}")
        self_test(LAUNCHER)
    finally:
        run(["dpkg", "-r", "cluedesk"])
    left = [p for p in (INSTALL_DIR, LAUNCHER, DESKTOP_FILE) if os.path.lexists(p)]
    if left:
        raise BuildError("removing the package left " + ", ".join(left))
    status = subprocess.run(["dpkg", "-s", "cluedesk"], capture_output=True, text=True)
    if status.returncode == 0 and "Status: install ok installed" in status.stdout:
        raise BuildError("dpkg -s cluedesk still says installed after dpkg -r")
    say("installed, self-tested and removed cleanly: nothing of cluedesk is left")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The build's options."""
    parser = argparse.ArgumentParser(description="Build the self-contained cluedesk client.")
    parser.add_argument("--out", default=str(ROOT / "dist"), help="output folder (dist/)")
    parser.add_argument("--work", default=str(ROOT / "build"), help="PyInstaller's work folder")
    parser.add_argument("--smoke", action="store_true", help="self-test the built folder")
    parser.add_argument("--deb", action="store_true", help="build the .deb package (Linux)")
    parser.add_argument(
        "--install-check", action="store_true", help="install, self-test, remove the .deb (root)"
    )
    args = parser.parse_args(argv)
    if args.install_check and not args.deb:
        parser.error("--install-check needs --deb")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the steps asked for; 0 when all of them succeeded."""
    args = parse_args(argv)
    out, work = Path(args.out).resolve(), Path(args.work).resolve()
    started = time.monotonic()
    try:
        folder = build_folder(out, work)
        if args.smoke:
            say("smoke test of the built folder")
            self_test(cli_executable(folder))
        if args.deb:
            deb = build_deb(folder, out, work)
            if args.install_check:
                install_check(deb)
    except BuildError as exc:
        print(f"[build] FAILED: {exc}", file=sys.stderr, flush=True)
        return 1
    say(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
