"""The embedded demo: a reference platform in a child process, seeded once in the data folder."""

from __future__ import annotations

import atexit
import logging
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from cityplatform.demo_site import ensure_demo_platform
from cityplatform.launcher import start_platform, stop_platform
from desktop.store.database import Store
from desktop.store.sync_apply import read_state, write_state

log = logging.getLogger("cluedesk.ui.demo")

DEMO_ACCOUNT_KEYS = ("township", "department", "county", "supervisor")
"""The demo accounts offered at start, in the order shown."""


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

    def start(self) -> str:
        """Seed the platform if needed and start it on a free loopback port (blocking)."""
        url = ensure_demo_platform(self.platform_dir)
        self.base_url, self.process = start_platform(url, self.platform_dir, testing=False)
        atexit.register(self.stop)  # even when the window does not close normally
        log.info("demo platform at %s", self.base_url)
        return self.base_url

    def stop(self) -> None:
        """Stop the server process (its data stays for the next run)."""
        if self.process is not None:
            stop_platform(self.process)
            self.process = None


def follow_demo_port(store: Store, base_url: str) -> None:
    """Point a demo client store at the platform's new port (the same platform, moved).

    The demo platform takes a free port on every start; its clients keep their data.
    """
    bound = read_state(store, "server_url")
    if bound is not None and bound != base_url and bound.startswith("http://127.0.0.1:"):
        write_state(store, server_url=base_url)
