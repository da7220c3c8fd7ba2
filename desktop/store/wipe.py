"""Wiping a data folder after the platform revoked the device (lost or stolen laptop).

Everything in the folder goes — the store and its -wal/-shm/-journal files, `attachments/`,
`backups/`, the refresh-token file, exports and temporary files — except what holds no clue
data: the settings file (with the user name taken out), the logs (they never hold reporter
data, and they record the wipe), the lock files a running window or sync may hold open, and
the demo city's own folder. Close the store's engine first: on Windows an open file cannot
be removed. A removal refused for a moment (a virus scanner, the indexer) is retried with a
short backoff; symbolic links and junctions are removed themselves, never followed.
"""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("cluedesk.store")

KEPT = frozenset({"settings.ini", "logs", "cluedesk.lock", "sync.lock", "demo"})
"""What a wipe leaves in the data folder: nothing of it holds clue data."""
SETTINGS_FILE = "settings.ini"
USER_KEYS = frozenset({"username"})
"""Keys of the settings file's [platform] section that name the user (the address stays)."""
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)
"""Seconds to wait between attempts at removing a file that is in use for a moment."""


@dataclass
class WipeReport:
    """What a wipe removed and what it could not (names inside the data folder)."""

    removed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    settings_cleaned: bool = False

    @property
    def complete(self) -> bool:
        """Whether everything that was to go is gone."""
        return not self.failed


def _retrying(operation: Callable[[], None], sleep: Callable[[float], None]) -> None:
    """Run a removal; PermissionError (Windows: in use, or read-only) is retried."""
    for delay in (*RETRY_DELAYS, None):
        try:
            operation()
            return
        except FileNotFoundError:
            return
        except PermissionError:
            if delay is None:
                raise
            sleep(delay)


def _unlink(path: Path, sleep: Callable[[float], None]) -> None:
    def remove() -> None:
        try:
            os.unlink(path)
        except PermissionError:
            if os.name != "nt":
                raise
            os.chmod(path, stat.S_IWRITE)  # a read-only file on Windows
            os.unlink(path)

    _retrying(remove, sleep)


def _is_link(entry: os.DirEntry[str]) -> bool:
    is_junction = getattr(entry, "is_junction", None)  # Python 3.12+, Windows junctions
    return entry.is_symlink() or bool(is_junction is not None and is_junction())


def _remove_tree(path: Path, sleep: Callable[[float], None]) -> None:
    """Remove a folder and what is in it, never following a link out of it."""
    with os.scandir(path) as entries:
        items = list(entries)
    for entry in items:
        child = Path(entry.path)
        if _is_link(entry):
            _remove_link(child, sleep)
        elif entry.is_dir(follow_symlinks=False):
            _remove_tree(child, sleep)
        else:
            _unlink(child, sleep)
    _retrying(lambda: os.rmdir(path), sleep)


def _remove_link(path: Path, sleep: Callable[[float], None]) -> None:
    """Remove a symbolic link or junction itself (a link to a folder is an empty folder
    to rmdir on Windows)."""
    try:
        _unlink(path, sleep)
    except (IsADirectoryError, PermissionError):
        _retrying(lambda: os.rmdir(path), sleep)


def _remove(path: Path, sleep: Callable[[float], None]) -> None:
    if path.is_symlink():
        _remove_link(path, sleep)
    elif path.is_dir():
        _remove_tree(path, sleep)
    else:
        _unlink(path, sleep)


def forget_user_in_settings(path: Path) -> bool:
    """Take the user name out of a settings file (INI, as QSettings writes it); True when
    one was there. The rest of the file stays exactly as it was."""
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return False
    kept: list[str] = []
    section, dropped = "", False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip().lower()
        key = stripped.partition("=")[0].strip().lower()
        if section == "platform" and "=" in stripped and key in USER_KEYS:
            dropped = True
            continue
        kept.append(line)
    if dropped:
        temporary = path.with_name(path.name + ".wipe")
        temporary.write_text("".join(kept), encoding="utf-8")
        os.replace(temporary, path)
    return dropped


def wipe_data_dir(data_dir: Path, *, sleep: Callable[[float], None] = time.sleep) -> WipeReport:
    """Remove every piece of clue data and every credential file from a data folder (see the
    module docstring); what was removed and what could not be. Close the store first."""
    folder = Path(data_dir)
    report = WipeReport()
    if not folder.is_dir():
        return report
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name in KEPT and not _is_link(entry):
            continue
        try:
            _remove(Path(entry.path), sleep)
        except OSError as exc:
            report.failed[entry.name] = exc.strerror or type(exc).__name__
            log.error("wipe: %s could not be removed: %s", entry.name, type(exc).__name__)
        else:
            report.removed.append(entry.name)
    try:
        report.settings_cleaned = forget_user_in_settings(folder / SETTINGS_FILE)
    except OSError as exc:
        report.failed[SETTINGS_FILE] = exc.strerror or type(exc).__name__
    log.warning(
        "data folder wiped: %d entries removed, %d could not be",
        len(report.removed),
        len(report.failed),
    )
    return report
