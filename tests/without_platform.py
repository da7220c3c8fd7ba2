"""Run `cluedesk ARGS` as on a machine where only the client is installed (no tests here).

`python -m tests.without_platform ARGS…` (from the repository's root) puts a finder first on
`sys.meta_path` that refuses the reference platform and its dependencies (cityplatform,
FastAPI, uvicorn, starlette, argon2, PyJWT) as if they were not installed, then runs
`desktop.cli.main(ARGS)`. At exit it writes a JSON report to the file named by
$CLUEDESK_IMPORT_REPORT: which refused modules something tried to import, which of them (or
of their submodules) ended up loaded, and which client modules were loaded.
"""

from __future__ import annotations

import atexit
import importlib.abc
import importlib.machinery
import json
import os
import sys
from collections.abc import Sequence
from types import ModuleType

PLATFORM_PACKAGES = ("cityplatform", "fastapi", "uvicorn", "starlette", "argon2", "jwt")
"""The reference platform and what only it needs: absent from a client-only install."""
REPORT_ENV = "CLUEDESK_IMPORT_REPORT"
CLIENT_MODULES = (
    "desktop.ui.main_window",
    "desktop.sync.engine",
    "desktop.reports.notice_pdf",
)
"""Reported when loaded: the window, sync and documents ran in this process."""


def _platform_package(name: str) -> bool:
    return name.partition(".")[0] in PLATFORM_PACKAGES


class PlatformMissing(importlib.abc.MetaPathFinder):
    """Refuses the platform's packages as if they were not installed; notes every attempt."""

    def __init__(self) -> None:
        self.attempted: list[str] = []

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        """Raise ModuleNotFoundError for a platform package; leave the rest to the others."""
        if not _platform_package(fullname):
            return None
        self.attempted.append(fullname)
        raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)


def _report(path: str, finder: PlatformMissing) -> None:
    loaded = sorted(name for name in sys.modules if _platform_package(name))
    report = {
        "attempted": finder.attempted,
        "loaded": loaded,
        "client": [name for name in CLIENT_MODULES if name in sys.modules],
    }
    with open(path, "w", encoding="utf-8") as out:
        json.dump(report, out)


def main(argv: Sequence[str]) -> int:
    """Refuse the platform, then run the command line."""
    already = [name for name in sys.modules if _platform_package(name)]
    assert not already, f"loaded before the finder was in place: {already}"
    finder = PlatformMissing()
    sys.meta_path.insert(0, finder)
    report = os.environ.get(REPORT_ENV)
    if report:
        atexit.register(_report, report, finder)
    from desktop.cli import main as cluedesk

    return cluedesk(list(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
