"""The running platform and the client devices of the end-to-end sync tests (imported by
conftest and the tests; a conftest module is never imported by name)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from desktop.demo.city import DEMO_PASSWORD
from desktop.domain.workflow import Action
from desktop.store.database import Store, open_store
from desktop.store.local_actions import LocalAction, take_action
from desktop.store.sync_apply import device_id
from desktop.sync.api import PlatformApi
from desktop.sync.auth import login, open_client
from desktop.sync.engine import SyncSummary, run_sync
from desktop.sync.http import PlatformHttp, RetryPolicy

PLATFORM_CLI = Path(sys.executable).parent / "cluedesk-platform"
FAST_RETRY = RetryPolicy(total=2, backoff_factor=0.05, backoff_max=0.2)


@dataclass
class Platform:
    """A running platform: its URL, database, demo accounts and server log."""

    url: str
    db_url: str
    accounts: dict[str, dict[str, Any]]
    log_path: Path

    def username(self, key: str) -> str:
        """The user name of a demo account ("township", "county", "supervisor", …)."""
        return str(self.accounts[key]["username"])

    def unit(self, key: str) -> str:
        """The unit code of a demo account."""
        return str(self.accounts[key]["unit_code"])

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """Run a `cluedesk-platform` admin command on this platform's database."""
        command, *rest = args
        if command == "user":
            argv = [str(PLATFORM_CLI), "user", rest[0], "--db", self.db_url, *rest[1:]]
        else:
            argv = [str(PLATFORM_CLI), command, "--db", self.db_url, *rest]
        result = subprocess.run(
            argv, input=stdin, capture_output=True, text=True, timeout=120, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    def session(self, key: str, device: str | None = None) -> requests.Session:
        """A plain HTTP session logged in as a demo account on an inspector device."""
        http = requests.Session()
        http.headers["X-Cluedesk-Protocol"] = "1"
        answer = http.post(
            f"{self.url}/api/v1/auth/login",
            json={
                "username": self.username(key),
                "password": DEMO_PASSWORD,
                "device_id": device or f"inspector-{key}-{time.monotonic_ns()}",
                "device_name": "test inspector",
            },
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        http.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
        return http

    def view(self, key: str) -> dict[str, dict[str, Any]]:
        """Every clue the account sees, by code: a full pull from scratch on a new device."""
        http = self.session(key)
        clues: dict[str, dict[str, Any]] = {}
        cursor: str | None = None
        for _ in range(1000):
            params: dict[str, Any] = {"limit": 500}
            if cursor:
                params["cursor"] = cursor
            page = http.get(f"{self.url}/api/v1/pull", params=params, timeout=60)
            assert page.status_code == 200, page.text
            data = page.json()
            for change in data["changes"]:
                if change["kind"] == "clue":
                    clues[change["clue"]["code"]] = change["clue"]
                else:
                    clues.pop(change["clue_code"], None)
            cursor = data["cursor"]
            if not data["more"]:
                return clues
        raise AssertionError("the pull never ended")


@dataclass
class Device:
    """A client device: its own data directory, store and HTTP client, for one account."""

    platform: Platform
    key: str
    data_dir: Path
    store: Store = field(init=False)
    http: PlatformHttp = field(init=False)

    def __post_init__(self) -> None:
        self.store = open_store(self.data_dir)
        self.http = open_client(
            self.store,
            self.platform.url,
            self.username,
            retry=FAST_RETRY,
            use_keyring=False,
        )

    @property
    def username(self) -> str:
        """The account's user name."""
        return self.platform.username(self.key)

    @property
    def device_id(self) -> str:
        """This device's id."""
        return device_id(self.store)

    def login(self) -> None:
        """Log in with the demo password."""
        login(self.store, self.http, self.username, DEMO_PASSWORD, f"test-{self.key}")

    def sync(self, **options: Any) -> SyncSummary:
        """One sync run (logs in first if this device never did)."""
        if self.http.access_token is None and self.http.tokens is not None:
            if self.http.tokens.load(self.http.server_url, self.username) is None:
                self.login()
        return run_sync(self.store, PlatformApi(self.http), **options)

    def act(
        self, action: Action, code: str | None, payload: Mapping[str, Any] | None = None
    ) -> LocalAction:
        """Take an action offline on this device."""
        return take_action(
            self.store, self.username, self.device_id, action, code, dict(payload or {})
        )

    def close(self) -> None:
        """Close the client and the store."""
        self.http.close()
        self.store.close()
