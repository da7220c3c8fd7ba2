"""The embedded demo: a reference platform in a child process, seeded once in the data folder.

The platform is another distribution (cluedesk-platform): the client runs without it, so it is
imported here only when a demo starts, never when this module is imported.
"""

from __future__ import annotations

import atexit
import importlib
import json
import logging
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from desktop.store.database import Store
from desktop.store.sync_apply import read_state, write_state

log = logging.getLogger("cluedesk.ui.demo")

DEMO_ACCOUNT_KEYS = ("township", "department", "county", "supervisor")
"""The demo accounts offered at start, in the order shown."""
RECORD_FILE = "serving.json"
"""In the demo platform's folder while its server runs: the server's process id and address."""
LEFTOVER_WAIT_SECONDS = 10.0
PLATFORM_MODULES = ("cityplatform.demo_site", "cityplatform.launcher", "cityplatform.processes")
"""What the demo needs of the reference platform."""


def missing_platform_module() -> str | None:
    """The module the demo needs that cannot be imported (the platform is not installed,
    or one of its dependencies is missing), or None when the demo can start."""
    for name in PLATFORM_MODULES:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            return exc.name or name
    return None


@dataclass
class DemoPlatform:
    """The demo's platform: its folder, and the server process while it runs."""

    folder: Path
    base_url: str = ""
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def platform_dir(self) -> Path:
        """Where the platform keeps its database, attachments and log."""
        return self.folder / "platform"

    def client_dir(self, username: str) -> Path:
        """The data folder of one demo account's client store."""
        return self.folder / "clients" / username

    @property
    def record_path(self) -> Path:
        """The record of the running server (process id, address) in the platform's folder."""
        return self.platform_dir / RECORD_FILE

    def start(self) -> str:
        """Seed the platform if needed and start it on a free loopback port (blocking).

        A server an earlier start left running on this folder is stopped first, so that one
        platform serves the demo database. The server stops with this process, even when
        this process is killed (it watches a pipe from us).
        """
        from cityplatform.demo_site import ensure_demo_platform
        from cityplatform.launcher import start_platform

        self.stop_leftover()
        url = ensure_demo_platform(self.platform_dir)
        self.base_url, self.process = start_platform(
            url, self.platform_dir, testing=False, stop_with_parent=True
        )
        self._write_record()
        atexit.register(self.stop)  # even when the window does not close normally
        log.info("demo platform at %s (process %d)", self.base_url, self.process.pid)
        return self.base_url

    def stop(self) -> None:
        """Stop the server process (its data stays for the next run)."""
        if self.process is not None:
            from cityplatform.launcher import stop_platform

            stop_platform(self.process)
            self.process = None
            self.record_path.unlink(missing_ok=True)

    def stop_leftover(self) -> int | None:
        """Stop a server an earlier start left running on this folder; its process id, if any.

        The record names its process and address; the process is stopped only when it still
        runs and a platform answers at that address (a process id alone may have been reused).
        """
        record = self._read_record()
        if record is None:
            return None
        from cityplatform.launcher import platform_answers
        from cityplatform.processes import pid_alive, terminate_tree, wait_gone

        pid, base_url = record
        self.record_path.unlink(missing_ok=True)
        if pid == os.getpid() or not pid_alive(pid):
            return None
        if platform_answers(base_url):
            log.warning(
                "stopping the demo platform an earlier start left running (process %d)", pid
            )
            if not terminate_tree(pid):
                log.error("the demo platform left running (process %d) did not stop", pid)
            return pid
        # it may be shutting down after its window ended: let it finish with the database
        if wait_gone(pid, LEFTOVER_WAIT_SECONDS):
            return pid
        return None

    def _write_record(self) -> None:
        assert self.process is not None
        record = {"pid": self.process.pid, "base_url": self.base_url}
        self.record_path.write_text(json.dumps(record), encoding="utf-8")

    def _read_record(self) -> tuple[int, str] | None:
        try:
            record = json.loads(self.record_path.read_text(encoding="utf-8"))
            return int(record["pid"]), str(record["base_url"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("the demo platform's record is unreadable; ignored")
            self.record_path.unlink(missing_ok=True)
            return None


def follow_demo_port(store: Store, base_url: str) -> None:
    """Point a demo client store at the platform's new port (the same platform, moved).

    The demo platform takes a free port on every start; its clients keep their data.
    """
    bound = read_state(store, "server_url")
    if bound is not None and bound != base_url and bound.startswith("http://127.0.0.1:"):
        write_state(store, server_url=base_url)
