"""The demo city's weekly verification: each dispatching office has batches for the weeks of
the demo year, each reproducible from its recorded seed over the clues the office had closed
that week; results are mostly 合格; and the batches agree with the histories — every failed
item is a 核查不合格 step of its clue (same action, time, person and reason), and every such
step on a clue closed in a verified week is a failed item of that week. The platform's seed
holds the same batches as the client's demo store."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, or_, select

from cityplatform import models as platform
from cityplatform.security import FAST_HASHER
from cityplatform.seed import seed_demo
from desktop.domain.timeutil import to_china
from desktop.domain.verification import (
    Candidate,
    SamplePlan,
    VerificationResult,
    draw_sample,
    failure_reason,
    last_week,
    week_key,
)
from desktop.store.database import Store
from desktop.store.models import (
    Clue,
    ClueEvent,
    VerificationBatch,
    VerificationItem,
    VerificationResultRow,
)
from tests.conftest import NOW, TEST_BACKLOG

Closed = dict[str, list[tuple[datetime, str, str, str, str]]]
"""Per clue code, its closings: (when, owning office, lead unit, channel, code)."""


def closings(store: Store) -> Closed:
    found: Closed = defaultdict(list)
    with store.session() as session:
        rows = session.execute(
            select(
                Clue.code, Clue.owner_unit, Clue.county_code, Clue.lead_unit, Clue.channel,
                ClueEvent.at,
            )
            .join(ClueEvent, ClueEvent.clue_id == Clue.id)
            .where(
                ClueEvent.to_status == "closed",
                or_(ClueEvent.from_status.is_(None), ClueEvent.from_status != "closed"),
            )
        )  # fmt: skip
        for code, owner, county, lead, channel, at in rows:
            if lead:
                found[code].append((to_china(at), owner or county, lead, channel, code))
    for listed in found.values():
        listed.sort()
    return found


@pytest.fixture(scope="module")
def demo(demo_store_dir: Path) -> Iterator[Store]:
    from desktop.store.database import open_store

    store = open_store(demo_store_dir)
    yield store
    store.close()


def test_batches_are_drawn_from_their_seed_over_the_week_closed_clues(demo: Store) -> None:
    closed = closings(demo)
    with demo.session() as session:
        batches = list(
            session.scalars(
                select(VerificationBatch).order_by(
                    VerificationBatch.week, VerificationBatch.drawn_at
                )
            )
        )
        items = defaultdict(list)
        for item in session.scalars(select(VerificationItem).order_by(VerificationItem.position)):
            items[item.batch_id].append(item)
    assert len(batches) > 100
    year = NOW.isocalendar()[0]
    weeks = {b.week for b in batches}
    assert f"{year}-W01" in weeks and last_week(NOW) in weeks
    assert all(w.startswith(f"{year}-W") for w in weeks)
    assert len({b.office for b in batches}) >= 5  # the city and the counties
    taken: dict[tuple[str, str], set[str]] = defaultdict(set)
    for batch in batches:
        drawn_at = to_china(batch.drawn_at)
        assert drawn_at < NOW
        pool = [
            Candidate(code, lead, channel, at)
            for listed in closed.values()
            for at, office, lead, channel, code in listed
            if office == batch.office
            and week_key(at.date()) == batch.week
            and at < drawn_at
            and code not in taken[(batch.office, batch.week)]
        ]
        first: dict[str, Candidate] = {}
        for candidate in sorted(pool, key=lambda c: c.closed_at or NOW):
            first.setdefault(candidate.code, candidate)
        drawn = draw_sample(first.values(), SamplePlan.from_dict(batch.plan), batch.seed)
        codes = [i.clue_code for i in items[batch.batch_id]]
        assert codes == [c.code for c in drawn], batch.batch_id
        taken[(batch.office, batch.week)].update(codes)


def test_results_are_mostly_passed_and_match_the_histories(demo: Store) -> None:
    closed = closings(demo)
    with demo.session() as session:
        batches = {b.batch_id: b for b in session.scalars(select(VerificationBatch))}
        results = list(session.scalars(select(VerificationResultRow)))
        failures: list[tuple[str, ClueEvent]] = [
            (code, event)
            for code, event in session.execute(
                select(Clue.code, ClueEvent)
                .join(ClueEvent, ClueEvent.clue_id == Clue.id)
                .where(ClueEvent.action == "verification_fail")
            )
        ]
    verdicts = Counter(VerificationResult(r.verdict) for r in results)
    assert verdicts[VerificationResult.PASSED] > 0.8 * len(results)
    assert verdicts[VerificationResult.IRREGULAR] and verdicts[VerificationResult.INCOMPLETE]
    steps = {event.action_id: (code, event) for code, event in failures}
    failed = [r for r in results if VerificationResult(r.verdict).failed]
    for result in failed:  # every failed item is a 核查不合格 step of its clue
        code, event = steps[result.action_id]
        assert code == result.clue_code and result.round == 1
        assert to_china(event.at) == to_china(result.verified_at)
        assert event.username == result.verified_by
        assert event.note == failure_reason(VerificationResult(result.verdict), result.note)
        batch = batches[result.batch_id]
        assert batch.office == event.unit_code  # the office that owns the clue verified it
    verified_weeks = {(b.office, b.week) for b in batches.values()}
    recorded = {r.action_id for r in failed}
    missing = []
    for code, event in failures:  # and every step on a clue closed in a verified week is one
        before = [c for c in closed[code] if c[0] < to_china(event.at)]
        at, office, *_ = before[-1]
        if (office, week_key(at.date())) in verified_weeks and event.action_id not in recorded:
            missing.append(code)
    assert not missing
    assert len(failed) > 20


def test_the_platform_seed_holds_the_same_batches(demo: Store, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'platform.sqlite3'}"
    seed_demo(url, 3000, seed=7, now=NOW, hasher=FAST_HASHER, backlog=TEST_BACKLOG)
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            shown = {
                (b.batch_id, b.office, b.week, b.seed, b.drawn_at)
                for b in connection.execute(select(platform.VerificationBatch))
            }
            platform_items = sorted(
                (i.batch_id, i.position, i.clue_code)
                for i in connection.execute(select(platform.VerificationItem))
            )
            claims = connection.execute(select(platform.VerificationClaim)).all()
            platform_results = sorted(
                (r.batch_id, r.clue_code, r.round, r.verdict)
                for r in connection.execute(select(platform.VerificationResultRow))
            )
    finally:
        engine.dispose()
    with demo.session() as session:
        mine = {
            (b.batch_id, b.office, b.week, b.seed, to_china(b.drawn_at))
            for b in session.scalars(select(VerificationBatch))
        }
        my_items = sorted(
            (i.batch_id, i.position, i.clue_code) for i in session.scalars(select(VerificationItem))
        )
        my_results = sorted(
            (r.batch_id, r.clue_code, r.round, r.verdict)
            for r in session.scalars(select(VerificationResultRow))
        )
    assert {(b[0], b[1], b[2], b[3], to_china(b[4])) for b in shown} == mine
    assert platform_items == my_items
    assert platform_results == my_results
    assert len(claims) == len(my_items)  # one claim per office, week and clue
