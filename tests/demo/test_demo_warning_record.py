"""The demo platform holds the warning record of the demo's whole history, the same as a
client's demo store: what the statistics, the dashboard and the circular count."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from cityplatform import models as platform
from cityplatform.security import FAST_HASHER
from cityplatform.seed import seed_demo
from desktop.domain.timeutil import to_china
from desktop.store.database import Store, open_store
from desktop.store.models import Clue, WarningEpisode
from tests.conftest import NOW, TEST_BACKLOG


@pytest.fixture(scope="module")
def demo(demo_store_dir: Path) -> Iterator[Store]:
    store = open_store(demo_store_dir)
    yield store
    store.close()


def _when(value: object) -> object:
    return to_china(value) if value is not None else None  # type: ignore[arg-type]


def test_the_platform_seed_holds_the_history_warning_record(demo: Store, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'platform.sqlite3'}"
    seed_demo(url, 3000, seed=7, now=NOW, hasher=FAST_HASHER, backlog=TEST_BACKLOG)
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(
                    platform.Clue.code,
                    platform.WarningEpisodeRow.stage,
                    platform.WarningEpisodeRow.level,
                    platform.WarningEpisodeRow.reached_at,
                    platform.WarningEpisodeRow.cleared_at,
                    platform.WarningEpisodeRow.unit_code,
                    platform.WarningEpisodeRow.county_code,
                    platform.Clue.county_code,
                ).join(platform.Clue, platform.Clue.id == platform.WarningEpisodeRow.clue_id)
            ).all()
    finally:
        engine.dispose()
    assert all(r[6] == r[7] for r in rows)  # each episode carries its clue's county
    seeded = {(r[0], r[1], r[2], _when(r[3]), _when(r[4]), r[5]) for r in rows}
    with demo.session() as session:
        stored = {
            (code, stage, level, _when(reached), _when(cleared), unit)
            for code, stage, level, reached, cleared, unit in session.execute(
                select(
                    Clue.code,
                    WarningEpisode.stage,
                    WarningEpisode.level,
                    WarningEpisode.reached_at,
                    WarningEpisode.cleared_at,
                    WarningEpisode.unit_code,
                ).join(Clue, Clue.id == WarningEpisode.clue_id)
            )
        }
    closed_red = {e for e in seeded if e[2] == 3 and e[4] is not None}
    assert closed_red, "red warnings of the past, long cleared, are in the record"
    assert seeded == stored
