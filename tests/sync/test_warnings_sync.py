"""The warning record syncs: a client's store holds the episodes the platform keeps for the
clues in its scope, and a clue the job turns red with nobody pushing comes in the next pull."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sync_testkit import Device, Platform

from cityplatform.db import open_database
from cityplatform.models import Clue, WarningEpisodeRow
from cityplatform.warning_job import run_warning_job
from desktop.domain.timeutil import china_now
from desktop.store.models import Clue as StoreClue
from desktop.store.models import WarningEpisode as StoreEpisode
from desktop.store.warnings import open_red_keys

Episode = tuple[Any, ...]


def _platform_record(platform: Platform, codes: set[str]) -> set[Episode]:
    db = open_database(platform.db_url)
    try:
        with db.read() as session:
            rows = session.execute(
                select(
                    Clue.code,
                    WarningEpisodeRow.stage,
                    WarningEpisodeRow.level,
                    WarningEpisodeRow.reached_at,
                    WarningEpisodeRow.cleared_at,
                    WarningEpisodeRow.cleared_by,
                    WarningEpisodeRow.unit_code,
                ).join(Clue, Clue.id == WarningEpisodeRow.clue_id)
            )
            return {tuple(r) for r in rows if r.code in codes}
    finally:
        db.dispose()


def _store_record(device: Device) -> set[Episode]:
    with device.store.session() as session:
        rows = session.execute(
            select(
                StoreClue.code,
                StoreEpisode.stage,
                StoreEpisode.level,
                StoreEpisode.reached_at,
                StoreEpisode.cleared_at,
                StoreEpisode.cleared_by,
                StoreEpisode.unit_code,
            ).join(StoreClue, StoreClue.id == StoreEpisode.clue_id)
        )
        return {tuple(r) for r in rows}


def _store_codes(device: Device) -> set[str]:
    with device.store.session() as session:
        return set(session.scalars(select(StoreClue.code)))


def _job(platform: Platform, days: float) -> int:
    db = open_database(platform.db_url)
    try:
        run = run_warning_job(db, china_now() + timedelta(days=days))
    finally:
        db.dispose()
    assert run.ran
    return run.changed


def test_the_record_syncs_and_the_job_reaches_clients_without_a_push(
    platform: Platform, device: Callable[[str], Device]
) -> None:
    _job(platform, 0)  # up to now: the seed holds the record of the demo's whole history
    county = device("county")
    county.sync()
    codes = _store_codes(county)
    first = _store_record(county)
    assert first and first == _platform_record(platform, codes)
    red_before = open_red_keys(county.store)

    # Nobody pushes; the job alone moves clues on (ten days later many more are red).
    assert _job(platform, 10) > 0
    summary = county.sync()
    assert summary.pulled_clues > 0
    after = _store_record(county)
    assert after == _platform_record(platform, _store_codes(county))
    new_red = open_red_keys(county.store) - red_before
    assert new_red, "the job turned clues red and the pull brought them"
    assert {level for _, _, level, _ in new_red} == {3}
