"""UI fixtures: workspaces over a writable copy of the demo store, seen at the tests' `now`."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from desktop.store.database import DB_FILE, Store, open_store
from desktop.ui.workspace import Workspace

MakeWorkspace = Callable[[str], Workspace]


@pytest.fixture
def demo_copy(demo_store_dir: Path, tmp_path: Path) -> Iterator[Store]:
    """A writable copy of the 3,000-clue demo store."""
    target = tmp_path / "demo-copy"
    target.mkdir()
    shutil.copyfile(demo_store_dir / DB_FILE, target / DB_FILE)
    store = open_store(target)
    yield store
    store.close()


@pytest.fixture
def make_workspace(demo_copy: Store, now: datetime) -> MakeWorkspace:
    """make_workspace(username): that demo user's workspace over the demo copy, clock at `now`."""

    def make(username: str) -> Workspace:
        return Workspace(demo_copy, username, clock=lambda: now)

    return make
