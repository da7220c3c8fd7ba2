"""A client that lost the answer to its own refresh recovers without a password.

Against the real platform (`cluedesk-platform serve` behind the fault proxy, nothing mocked):
the client process is SIGKILLed between the platform's refresh answer and saving the new
token, or the answer is dropped on the way; the next run presents the previous token, the
platform accepts it once within its grace window, and the sync completes with no login and
nothing lost. The audit chain records the grace.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from faultkit import (
    PG_ENV,
    Device,
    Rig,
    build_sqlite_template,
    open_rig,
    postgres_base_url,
)
from sqlalchemy import select

from cityplatform import audit
from cityplatform.db import open_database
from cityplatform.models import AuditEntry
from desktop.domain.workflow import Action
from desktop.sync.errors import LoginRequired, Offline
from desktop.sync.tokens import TokenStore

pytestmark = pytest.mark.slow

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(postgres_base_url() is None, reason=f"{PG_ENV} 未设置"),
    ),
]
REFRESH = "/api/v1/auth/refresh"
LOGIN = "/api/v1/auth/login"

KILLED_CLIENT = r"""
import json, os, signal, sys
from pathlib import Path
from desktop.store.database import open_store
from desktop.sync.api import PlatformApi
from desktop.sync.auth import open_client
from desktop.sync.engine import run_sync
from desktop.sync.http import RetryPolicy
from desktop.sync.tokens import TokenStore

args = json.loads(sys.argv[1])
store = open_store(Path(args["data_dir"]))
http = open_client(
    store, args["url"], args["username"], use_keyring=False,
    retry=RetryPolicy(total=2, backoff_factor=0.05, backoff_max=0.2),
)


def killed_before_saving(self, server_url, username, token, expires_at):
    # The platform's refresh answer has arrived and been read; the new token is not saved.
    print("ANSWER ARRIVED", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


TokenStore.save = killed_before_saving
run_sync(store, PlatformApi(http))
print("NOT KILLED", flush=True)
"""


@pytest.fixture(scope="module")
def crash_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded, prepared SQLite platform database every SQLite test copies."""
    return build_sqlite_template(tmp_path_factory.mktemp("crash-template"))


@pytest.fixture(params=BACKENDS)
def rig(request: pytest.FixtureRequest, crash_template: Path, tmp_path: Path) -> Iterator[Rig]:
    """Database, server and fault proxy of one test."""
    with open_rig(request.param, crash_template, tmp_path) as made:
        yield made


def _saved(device: Device) -> str:
    tokens = TokenStore(device.data_dir, device.device_id, use_keyring=False)
    saved = tokens.load(device.url, device.username)
    assert saved is not None
    return saved.token


def _graces(rig: Rig) -> list[dict[str, object]]:
    db = open_database(rig.db.url)
    try:
        verdict = audit.verify_database(db)
        assert verdict.intact, verdict.summary()
        with db.read() as session:
            rows = session.scalars(
                select(AuditEntry.details).where(AuditEntry.kind == audit.REFRESH_GRACE)
            )
            return [json.loads(row) for row in rows]
    finally:
        db.dispose()


def _offline_work(device: Device) -> str:
    """One action taken offline (it must reach the platform after the crash)."""
    code, action = next((c, a) for c, a in device.allowed() if a is Action.URGE)  # dispatcher
    return device.act(action, code).action_id


def test_a_client_killed_between_the_refresh_answer_and_saving_recovers(rig: Rig) -> None:
    county = rig.device("county")
    county.login()
    county.sync()
    taken = _offline_work(county)
    old = _saved(county)
    county.close()  # the next run starts without an access token: it refreshes first

    mark = rig.proxy.mark()
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_CLIENT,
            json.dumps(
                {"data_dir": str(county.data_dir), "url": county.url, "username": county.username}
            ),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr
    assert child.stdout.splitlines() == ["ANSWER ARRIVED"]
    refreshes = rig.proxy.since(mark, "POST", REFRESH)
    assert [s.status for s in refreshes] == [200]  # the platform rotated the token
    assert rig.proxy.since(mark, "POST", "/api/v1/push") == []  # killed before pushing

    county.open()  # the restarted client: it still holds the rotated (previous) token
    assert _saved(county) == old
    mark = rig.proxy.mark()
    summary = county.sync()
    assert rig.proxy.since(mark, "POST", LOGIN) == []  # no password asked
    assert [s.status for s in rig.proxy.since(mark, "POST", REFRESH)] == [200]
    assert summary.applied == 1 and not summary.problems
    assert _saved(county) != old
    rig.check(county)
    assert rig.db.history().events[taken][1] == county.device_id

    county.reopen()  # the token the grace answered is a normal one from now on
    mark = rig.proxy.mark()
    assert county.sync().pulled_clues >= 0
    assert rig.proxy.since(mark, "POST", LOGIN) == []
    assert len(_graces(rig)) == 1


def test_a_refresh_answer_lost_on_the_network_is_recovered_without_a_password(rig: Rig) -> None:
    county = rig.device("county")
    county.login()
    county.sync()
    taken = _offline_work(county)
    county.reopen()
    rig.proxy.arm("drop_response", "POST", REFRESH)
    mark = rig.proxy.mark()
    with pytest.raises(Offline):
        county.sync()
    refreshes = rig.proxy.since(mark, "POST", REFRESH)
    assert [(s.status, s.fault) for s in refreshes] == [(200, "drop_response")]  # not re-sent

    mark = rig.proxy.mark()
    summary = county.sync()
    assert rig.proxy.since(mark, "POST", LOGIN) == []
    assert summary.applied == 1
    rig.check(county)
    assert taken in rig.db.history().events
    [grace] = _graces(rig)
    assert grace["family_id"]


def test_presenting_the_previous_token_a_third_time_still_revokes(rig: Rig) -> None:
    """The grace is no loophole: a token lost twice in a row ends in a new login."""
    county = rig.device("county")
    county.login()
    county.reopen()
    rig.proxy.arm("drop_response", "POST", REFRESH, times=2)
    for _ in range(2):
        with pytest.raises(Offline):
            county.sync()
    with pytest.raises(LoginRequired) as refused:
        county.sync()
    assert refused.value.code == "refresh_reused"
