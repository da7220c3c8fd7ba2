"""A stateful property test of sync against the real city platform (hypothesis).

Two client devices — the township handler (新海街道) and the county dispatcher (海州区) —
take random actions the rules allow on clues of their scope, a third account (the city
dispatcher) changes clues on the server directly over HTTP (taking a county's clue over
first where it re-dispatches one), and either device syncs, with server restarts, dropped
connections and lost push answers mixed in. After every sync that completes,
`check_invariants` holds for that device: its store equals the server's view, nothing was
applied twice, nothing was lost.

One server serves the whole run; every example gets two new devices.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from random import Random
from typing import Any, ClassVar

import pytest
from faultkit import (
    COUNTY,
    DISPATCH_TARGETS,
    TOWNSHIP_UNIT,
    Device,
    Rig,
    build_sqlite_template,
    check_invariants,
    open_rig,
    original_for,
    payload_for,
)
from hypothesis import HealthCheck, seed, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from cityplatform.domainmap import assisting_codes, clue_state, load_directory, load_rulebook
from cityplatform.models import Clue as ServerClue
from cityplatform.models import Notice as ServerNotice
from desktop.demo.city import load_city
from desktop.domain.clue import ClueState
from desktop.domain.notice_actions import UNCLOSED_STATUSES, unclosed_notice
from desktop.domain.notices import NoticeState
from desktop.domain.timeutil import china_now
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import (
    NO_CONTEXT,
    Action,
    ActionRefused,
    Context,
    allowed_actions,
    apply_action,
)
from desktop.store.sync_apply import reset_server_data
from desktop.store.sync_apply.snapshot_load import fits
from desktop.sync.errors import Offline

pytestmark = pytest.mark.slow

DEVICES = ("township", "county")
WHO = st.sampled_from(DEVICES)
PICK = st.integers(min_value=0, max_value=2**32 - 1)
MAX_RESTARTS = 2
"""Server restarts per example (each costs about a second)."""


def _choose(options: list[tuple[str, Action]], rng: Random) -> tuple[str, Action] | None:
    """An action type first (so frequent ones do not crowd out the others), then a clue."""
    by_action: dict[Action, list[str]] = {}
    for code, action in options:
        by_action.setdefault(action, []).append(code)
    if not by_action:
        return None
    action = rng.choice(sorted(by_action, key=lambda a: a.value))
    return rng.choice(sorted(by_action[action])), action


def _server_context(
    session: Session, action: Action, row: ServerClue, states: dict[str, ClueState]
) -> Context:
    """What the platform gives the rules beyond the clue: the other clues (a duplicate's
    original), the clue's rectification notices that keep it from closing."""
    if action is Action.MARK_DUPLICATE:
        return Context(lookup=states.get)
    if action is not Action.APPROVE:
        return NO_CONTEXT
    now = china_now()
    unclosed = session.scalars(
        select(ServerNotice.state).where(
            ServerNotice.clue_id == row.id,
            ServerNotice.status.in_([s.value for s in UNCLOSED_STATUSES]),
        )
    )
    found = (unclosed_notice(NoticeState.from_dict(data), now) for data in unclosed)
    return Context(open_notices=[text for text in found if text is not None])


@pytest.fixture(scope="module")
def machine_rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    """One seeded platform, server and proxy for the whole state machine run."""
    folder = tmp_path_factory.mktemp("stateful")
    (folder / "template").mkdir()
    template = build_sqlite_template(folder / "template")
    with open_rig("sqlite", template, folder / "rig") as rig:
        yield rig


class SyncMachine(RuleBasedStateMachine):
    """Devices, a third account, syncs, restarts and faults, in any order."""

    rig: ClassVar[Rig]
    examples: ClassVar[Iterator[int]] = itertools.count(1)
    tally: ClassVar[Counter[str]] = Counter()
    """What the whole run did (steps, answers, tombstones), to see it covered something."""

    def __init__(self) -> None:
        super().__init__()
        number = next(SyncMachine.examples)
        folder = self.rig.folder / f"example-{number}"
        self.devices = {key: Device(self.rig.proxy.url, key, folder / key) for key in DEVICES}
        self.restarts = 0
        self.city = self.rig.server.client("city")
        self.city_actor = load_city().actor(self.city.username, self.city.device_id)

    def _check(self, device: Device) -> None:
        check_invariants(device, self.rig.server)

    @initialize(by_snapshot=st.booleans())
    def first_syncs(self, by_snapshot: bool) -> None:
        """Each device's first sync: by the platform's snapshot, or by pages."""
        for device in self.devices.values():
            summary = device.sync(snapshot_min_clues=1 if by_snapshot else None)
            assert (summary.snapshot_bytes > 0) == by_snapshot
            self._check(device)
        self.tally["first sync by snapshot" if by_snapshot else "first sync by pages"] += 1

    @rule(who=WHO)
    def start_over_by_snapshot(self, who: str) -> None:
        """A device starts over (its cursor dropped, as after a reset): the run pushes what
        waits, then loads a snapshot and pulls on from its position; the invariants."""
        device = self.devices[who]
        local_work = not fits(device.store)  # pushed first; a provisional clue may stay
        reset_server_data(device.store)
        summary = device.sync(snapshot_min_clues=1)
        assert not summary.cancelled and summary.pending == 0
        assert summary.snapshot_bytes > 0 or local_work
        self._check(device)
        self.tally["snapshot" if summary.snapshot_bytes else "start over by pages"] += 1

    @rule(who=WHO)
    def snapshot_download_cut(self, who: str) -> None:
        """A device starting over loses the connection halfway through the snapshot: the run
        fails and keeps the part; the next run continues it (Range) and checks it."""
        device = self.devices[who]
        if not fits(device.store):
            return  # local work: a start over would pull pages
        reset_server_data(device.store)
        self.rig.proxy.arm("cut_response", "GET", "/api/v1/snapshots/")
        try:
            with pytest.raises(Offline):
                device.sync(snapshot_min_clues=1)
        finally:
            self.rig.proxy.clear()
        assert device.cursor() is None
        summary = device.sync(snapshot_min_clues=1)
        assert summary.snapshot_bytes > 0 and summary.pending == 0
        self._check(device)
        self.tally["snapshot cut and resumed"] += 1

    @rule(who=WHO, pick=PICK, count=st.integers(min_value=1, max_value=3))
    def take_actions(self, who: str, pick: int, count: int) -> None:
        """A device takes actions the rules allow on clues of its store (offline)."""
        device = self.devices[who]
        rng = Random(pick)
        for _ in range(count):
            chosen = _choose(device.allowed(), rng)
            if chosen is None:
                return
            code, action = chosen
            device.act(action, code, device.payload(action, code, rng))
            self.tally[f"{who} {action.value}"] += 1

    @rule(pick=PICK)
    def city_changes_a_clue(self, pick: int) -> None:
        """The city dispatcher changes a clue of the county on the server (plain HTTP)."""
        now = china_now()
        options: list[tuple[str, Action]] = []
        payloads: dict[tuple[str, Action], dict[str, Any]] = {}
        ours: set[str] = set()
        with Session(self.rig.db.engine()) as session:
            book = load_rulebook(session, 1)
            units = load_directory(session)
            rows = list(
                session.scalars(
                    select(ServerClue)
                    .where(ServerClue.county_code == COUNTY)
                    .order_by(ServerClue.code)
                )
            )
            states = {row.code: clue_state(row, assisting_codes(session, row.id)) for row in rows}
            for row in rows:
                state = states[row.code]
                for action in allowed_actions(
                    self.city_actor, state, now, book.calendar, book.rules, units
                ):
                    original = None
                    if action is Action.MARK_DUPLICATE:
                        original = original_for(state, states.values())
                        if original is None:
                            continue
                    payload = payload_for(action, original=original)
                    try:  # a dry run: the payload passes too (e.g. a callback before closing)
                        apply_action(
                            action,
                            self.city_actor,
                            state,
                            payload,
                            now,
                            book.calendar,
                            book.rules,
                            units,
                            context=_server_context(session, action, row, states),
                        )
                    except (ActionRefused, ValidationError):
                        continue
                    options.append((row.code, action))
                    payloads[row.code, action] = payload
                    if action is Action.DISPATCH and row.lead_unit == TOWNSHIP_UNIT:
                        if row.status == "dispatched":
                            ours.add(row.code)  # the city owns it (took it over)
        rng = Random(pick)
        chosen = _choose(options, rng)
        assert chosen is not None
        code, action = chosen
        payload = payloads[code, action]
        if action is Action.DISPATCH:
            payload = payload_for(action, rng)
            if ours and rng.random() < 0.7:
                # Take a clue away from the township, preferably one it is working on offline.
                working = {o.clue_code for o in self.devices["township"].outbox("pending")}
                code = rng.choice(sorted(ours & working) or sorted(ours))
        result = self.city.do(action, code, payload, expect=None)
        assert result["status"] == "applied", result
        self.tally[f"city {action.value}"] += 1

    @rule(pick=PICK)
    def city_takes_a_clue_from_the_township(self, pick: int) -> None:
        """The city takes over (提级办理, unless it owns it already) a clue the township leads
        (preferably one it is working on offline) and re-dispatches it to another unit: the
        township's pending actions there will be refused."""
        rng = Random(pick)
        led = set(self.devices["township"].codes("dispatched", lead=TOWNSHIP_UNIT))
        working = {o.clue_code for o in self.devices["township"].outbox("pending")}
        view = self.rig.server.view("city")
        candidates = sorted(
            code
            for code in (led & working or led)
            if code in view
            and view[code]["status"] == "dispatched"
            and view[code]["lead_unit"] == TOWNSHIP_UNIT
        )
        if not candidates:
            return
        code = rng.choice(candidates)
        lead = rng.choice([u for u in DISPATCH_TARGETS if u != TOWNSHIP_UNIT])
        actions = []
        if view[code]["owner_unit"] != self.city_actor.unit.code:
            actions.append(self.city.action(Action.TAKE_OVER, code, payload_for(Action.TAKE_OVER)))
        actions.append(self.city.action(Action.DISPATCH, code, {"lead_unit": lead}))
        results = self.city.push(*actions)
        assert [r["status"] for r in results] == ["applied"] * len(actions), results
        self.tally["city takes a clue away"] += 1

    @rule(who=WHO)
    def sync(self, who: str) -> None:
        """A fault-free sync; then the invariants."""
        device = self.devices[who]
        summary = device.sync()
        assert not summary.cancelled and summary.pending == 0
        self._check(device)
        self.tally["sync"] += 1
        for name in ("applied", "duplicate", "rejected", "tombstones", "pulled_clues"):
            self.tally[name] += getattr(summary, name)

    @precondition(lambda self: self.restarts < MAX_RESTARTS)
    @rule()
    def restart_server(self) -> None:
        """Stop the server and start it again on the same database and port."""
        self.rig.server.restart()
        self.restarts += 1
        self.tally["restart"] += 1

    @rule(who=WHO)
    def sync_with_a_dropped_connection(self, who: str) -> None:
        """The first pull page is cut halfway: the run fails, the cursor stays; then a
        fault-free sync and the invariants."""
        device = self.devices[who]
        cursor = device.cursor()
        self.rig.proxy.arm("cut_response", "GET", "/api/v1/pull")
        try:
            with pytest.raises(Offline):
                device.sync()
        finally:
            self.rig.proxy.clear()
        assert device.cursor() == cursor
        self.tally["dropped connection"] += 1
        self.sync(who)

    @rule(who=WHO)
    def sync_with_lost_push_answers(self, who: str) -> None:
        """Every push answer of the run is lost after the server applied the actions: the
        run fails, they stay pending; then a fault-free sync (duplicates) and the invariants."""
        device = self.devices[who]
        pending = len(device.outbox("pending"))
        if not pending:
            return  # nothing to push: no answer to lose
        self.rig.proxy.arm("drop_response", "POST", "/api/v1/push", times=None)
        try:
            with pytest.raises(Offline):
                device.sync()
        finally:
            self.rig.proxy.clear()
        assert len(device.outbox("pending")) == pending  # not lost, not settled yet
        self.tally["lost push answers"] += 1
        self.sync(who)

    def teardown(self) -> None:
        """Every example ends like a fault test: a fault-free sync of each device, checked."""
        try:
            for who in DEVICES:
                self.sync(who)
        finally:
            for device in self.devices.values():
                device.close()


def test_sync_state_machine(machine_rig: Rig) -> None:
    SyncMachine.rig = machine_rig
    SyncMachine.tally.clear()
    run_state_machine_as_test(
        seed(20261127)(SyncMachine),  # a fixed seed: the same examples every run
        settings=settings(
            max_examples=15,
            stateful_step_count=25,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        ),
    )
    tally = SyncMachine.tally
    print("state machine run:", dict(sorted(tally.items())))
    # The exact mix depends on the day (deadlines, working days); these always happen.
    for what in ("sync", "applied", "pulled_clues", "snapshot"):
        assert tally[what] > 0, f"the run never saw {what}: {dict(tally)}"
