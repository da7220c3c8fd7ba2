"""The store side of sync, fed protocol-shaped JSON: pages, push results, reset, problems."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from desktop.domain.calendar import default_calendar
from desktop.domain.clue import ClueState, state_record
from desktop.domain.rules import Rules
from desktop.domain.workflow import Action, apply_action
from desktop.store import sync_apply
from desktop.store.database import Store
from desktop.store.local_actions import take_action
from desktop.store.models import Clue, ClueEvent, OutboxAction, RuleSet, SyncState, Unit, User
from desktop.store.search import match_expression
from desktop.store.sync_apply import (
    SyncDataError,
    UnknownUnitsError,
    apply_pull_page,
    device_id,
    discard_problem,
    export_clue,
    next_push_batch,
    pending_files,
    read_state,
    record_push_results,
    resend_problem,
    reset_server_data,
    save_directory,
    save_platform_rules,
    sync_problems,
    sync_status,
)
from desktop.wire.base import build
from desktop.wire.records import ClueOut

DEVICE = "laptop-1"
PLATFORM = "platform"


class Platform:
    """A tiny stand-in for the platform's *data*: clues built with the real workflow rules,
    written as the wire format's clue objects."""

    def __init__(self, city: Any, now: datetime) -> None:
        self.city = city
        self.now = now
        self.version = 0
        self.states: dict[str, tuple[ClueState, dict[str, Any], list[dict[str, Any]]]] = {}
        self.calendar = default_calendar()
        self.rules = Rules()

    def act(
        self,
        username: str,
        action: Action,
        code: str,
        payload: dict[str, Any],
        *,
        minutes: int = 10,
        action_id: str | None = None,
    ) -> dict[str, Any]:
        """Take an action on the platform's copy; returns the clue JSON at its new version."""
        at = self.now + timedelta(minutes=minutes)
        actor = self.city.actor(username, PLATFORM)
        old = self.states.get(code)
        outcome = apply_action(
            action,
            actor,
            old[0] if old else None,
            payload,
            at,
            self.calendar,
            self.rules,
            self.city.directory(),
            code=code,
        )
        draft = outcome.draft.to_payload() if outcome.draft else old[1] if old else {}
        events = list(old[2]) if old else []
        events.append(
            {
                "action_id": action_id or str(uuid.uuid4()),
                "action": action.value,
                "username": username,
                "unit_code": actor.unit.code,
                "device_id": PLATFORM,
                "at": at.isoformat(),
                "from_status": outcome.from_status.value if outcome.from_status else None,
                "to_status": outcome.state.status.value,
                "note": outcome.note,
                "details": dict(outcome.details),
            }
        )
        self.states[code] = (outcome.state, draft, events)
        self.version += 1
        return self.clue(code)

    def clue(self, code: str, **overrides: Any) -> dict[str, Any]:
        """The protocol clue object of a clue at the current version."""
        state, draft, events = self.states[code]

        record = {
            **draft,
            **state_record(state),
            "code": code,
            "version": self.version,
            "assisting_units": list(state.assisting_units),
            "registered_by_unit": events[0]["unit_code"],
            "events": events,
            "attachments": [],
        }
        data = build(ClueOut, record).model_dump(mode="json")
        data.update(overrides)
        return data

    def register(
        self, code: str, subject: str = "某化工有限公司", **changes: Any
    ) -> dict[str, Any]:
        """Register a clue in 海州区 as the county dispatcher."""
        township = self.city.unit(self.city.demo_accounts()["township"].unit_code)
        draft = {
            "channel": "hotline_12345",
            "received_at": (self.now - timedelta(hours=2)).isoformat(),
            "category": "air",
            "priority": "normal",
            "description": "夜间偷排废气，气味刺鼻",
            "address": "海州区新海街道某路1号",
            "county_code": township.county_code,
            "township_code": township.code,
            "subject_name": subject,
            **changes,
        }
        return self.act(self.username("county"), Action.REGISTER, code, draft, minutes=0)

    def username(self, key: str) -> str:
        """The demo account's user name."""
        return str(self.city.demo_accounts()[key].username)


@pytest.fixture
def platform(demo_city: Any, now: datetime) -> Platform:
    """Platform-side clue data built with the real rules."""
    return Platform(demo_city, now)


def _page(*clues: dict[str, Any], tombstones: Sequence[str] = ()) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = [
        {"kind": "clue", "seq": 100 + i, "clue": c} for i, c in enumerate(clues)
    ]
    changes += [
        {"kind": "tombstone", "seq": 10_000 + i, "clue_code": c} for i, c in enumerate(tombstones)
    ]
    return changes


def _tables(store: Store) -> dict[str, Any]:
    with store.engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")).fetchall()
            for table in (
                "clues",
                "clue_events",
                "outbox",
                "clue_assisting_units",
                "clue_attachments",
                "sync_state",
                "clue_search_docsize",
            )
        }


def _found(store: Store, query: str) -> list[str]:
    with store.engine.connect() as connection:
        return [
            row[0]
            for row in connection.execute(
                text(
                    "SELECT code FROM clues WHERE id IN "
                    "(SELECT rowid FROM clue_search WHERE clue_search MATCH :q) ORDER BY code"
                ),
                {"q": match_expression(query)},
            )
        ]


def _clue(store: Store, code: str) -> Clue:
    with store.session() as session:
        return session.scalars(select(Clue).where(Clue.code == code)).one()


def _events(store: Store, code: str) -> list[tuple[str, bool]]:
    with store.session() as session:
        rows = session.execute(
            select(ClueEvent.action, ClueEvent.pending)
            .join(Clue, Clue.id == ClueEvent.clue_id)
            .where(Clue.code == code)
            .order_by(ClueEvent.id)
        ).all()
    return [(r.action, r.pending) for r in rows]


def _outbox(store: Store) -> list[OutboxAction]:
    with store.session() as session:
        return list(session.scalars(select(OutboxAction).order_by(OutboxAction.seq)))


def _dispatched(platform: Platform, code: str, lead_key: str = "township") -> dict[str, Any]:
    platform.register(code)
    lead = platform.city.demo_accounts()[lead_key].unit_code
    return platform.act(
        platform.username("county"), Action.DISPATCH, code, {"lead_unit": lead}, minutes=5
    )


# ---------------------------------------------------------------- pages


def test_page_writes_clues_history_search_and_cursor(
    fresh_store: Store, platform: Platform
) -> None:
    first = _dispatched(platform, "LYG2026000001")
    second = platform.register("LYG2026000002", subject="某印染厂", latitude=34.6, longitude=119.2)
    result = apply_pull_page(fresh_store, _page(first, second), "c1")
    assert (result.clues, result.skipped, result.tombstones) == (2, 0, 0)
    assert read_state(fresh_store, "cursor") == "c1"
    row = _clue(fresh_store, "LYG2026000001")
    assert row.status == "dispatched" and row.lead_unit == "320706001"
    assert row.server_version == first["version"] and not row.provisional
    assert row.server_state["status"] == "dispatched"
    assert row.registered_by_unit == "320706"
    assert _events(fresh_store, "LYG2026000001") == [("register", False), ("dispatch", False)]
    assert _found(fresh_store, "印染") == ["LYG2026000002"]
    exported = export_clue(fresh_store, "LYG2026000002")
    assert exported is not None and exported["latitude"] == 34.6
    assert exported["received_at"] == second["received_at"]


def test_reapplying_a_page_is_harmless(fresh_store: Store, platform: Platform) -> None:
    page = _page(_dispatched(platform, "LYG2026000001"), platform.register("LYG2026000002"))
    apply_pull_page(fresh_store, page, "c1")
    before = _tables(fresh_store)
    result = apply_pull_page(fresh_store, page, "c1")
    assert (result.clues, result.skipped) == (0, 2)
    assert _tables(fresh_store) == before


def test_an_older_version_never_overwrites_a_newer_one(
    fresh_store: Store, platform: Platform
) -> None:
    old = platform.register("LYG2026000001")
    new = platform.act(
        platform.username("county"),
        Action.DISPATCH,
        "LYG2026000001",
        {"lead_unit": "320706001"},
    )
    apply_pull_page(fresh_store, _page(new), "c2")
    apply_pull_page(fresh_store, _page(old), "c1")
    assert _clue(fresh_store, "LYG2026000001").status == "dispatched"


def test_page_and_cursor_are_one_transaction(
    fresh_store: Store, platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    apply_pull_page(fresh_store, _page(platform.register("LYG2026000001")), "c1")
    before = _tables(fresh_store)

    def crash(*_: Any) -> None:
        raise OSError("power cut between page and cursor")

    monkeypatch.setattr(sync_apply.pull, "save_cursor", crash)
    page = _page(_dispatched(platform, "LYG2026000002"), platform.clue("LYG2026000001"))
    with pytest.raises(OSError):
        apply_pull_page(fresh_store, page, "c2")
    assert _tables(fresh_store) == before
    assert read_state(fresh_store, "cursor") == "c1"


def test_tombstone_removes_clue_history_units_and_search(
    fresh_store: Store, platform: Platform, demo_city: Any
) -> None:
    helper = demo_city.handling_units("320706")[3].code
    platform.register("LYG2026000001", subject="独一无二的被反映对象")
    clue = platform.act(
        platform.username("county"),
        Action.DISPATCH,
        "LYG2026000001",
        {"lead_unit": "320706001", "assisting_units": [helper]},
    )
    apply_pull_page(fresh_store, _page(clue, platform.register("LYG2026000002")), "c1")
    assert _found(fresh_store, "独一无二") == ["LYG2026000001"]
    result = apply_pull_page(fresh_store, _page(tombstones=["LYG2026000001", "LYG-UNKNOWN"]), "c2")
    assert result.tombstones == 1
    with fresh_store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM clues")).scalar() == 1
        assert connection.execute(text("SELECT count(*) FROM clue_assisting_units")).scalar() == 0
        events = connection.execute(text("SELECT count(*) FROM clue_events")).scalar()
        assert events == 1
    assert _found(fresh_store, "独一无二") == []
    assert _found(fresh_store, "化工") == ["LYG2026000002"]


def test_updated_searched_fields_are_reindexed(fresh_store: Store, platform: Platform) -> None:
    first = platform.register("LYG2026000001", subject="旧名称化工厂")
    apply_pull_page(fresh_store, _page(first), "c1")
    platform.version += 1
    renamed = platform.clue("LYG2026000001", subject_name="新名称钢铁厂")
    apply_pull_page(fresh_store, _page(renamed), "c2")
    assert _found(fresh_store, "旧名称") == []
    assert _found(fresh_store, "新名称") == ["LYG2026000001"]


def test_attachments_metadata_is_kept(fresh_store: Store, platform: Platform) -> None:
    platform.register("LYG2026000001")
    sha = "ab" * 32
    clue = platform.clue(
        "LYG2026000001",
        attachments=[
            {
                "sha256": sha,
                "name": "现场照片.jpg",
                "size": 2048,
                "media_type": "image/jpeg",
                "added_at": platform.now.isoformat(),
                "added_by": "haizhou",
            }
        ],
    )
    apply_pull_page(fresh_store, _page(clue), "c1")
    exported = export_clue(fresh_store, "LYG2026000001")
    assert exported is not None
    assert exported["attachments"] == clue["attachments"]


@pytest.mark.parametrize(
    ("damage", "path"),
    [
        (lambda c: c.pop("status"), "changes[1].clue.status"),
        (lambda c: c.update(status="lost"), "changes[1].clue.status"),
        (lambda c: c.update(received_at="yesterday"), "changes[1].clue.received_at"),
        (lambda c: c.update(received_at="2026-11-27T10:00:00"), "changes[1].clue.received_at"),
        (lambda c: c.update(version="7"), "changes[1].clue.version"),
        (lambda c: c["events"][0].pop("action_id"), "changes[1].clue.events[0].action_id"),
        (lambda c: c.update(assisting_units="320706001"), "changes[1].clue.assisting_units"),
    ],
)
def test_a_malformed_page_changes_nothing_and_names_the_field(
    fresh_store: Store, platform: Platform, damage: Any, path: str
) -> None:
    good = platform.register("LYG2026000001")
    bad = platform.register("LYG2026000002")
    damage(bad)
    before = _tables(fresh_store)
    with pytest.raises(SyncDataError) as error:
        apply_pull_page(fresh_store, _page(good, bad), "c1")
    assert error.value.path == path
    assert _tables(fresh_store) == before


def test_unknown_units_are_refused_before_anything_is_written(
    fresh_store: Store, platform: Platform
) -> None:
    clue = platform.register("LYG2026000001")
    clue["lead_unit"] = "999999999"
    before = _tables(fresh_store)
    with pytest.raises(UnknownUnitsError) as error:
        apply_pull_page(fresh_store, _page(clue), "c1")
    assert error.value.codes == ["999999999"]
    assert _tables(fresh_store) == before


# ---------------------------------------------------------------- the view: replays


def test_pending_actions_are_replayed_over_a_newer_server_state(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(_dispatched(platform, code)), "c1")
    township = platform.username("township")
    sign = take_action(
        fresh_store, township, DEVICE, Action.SIGN, code, {}, now=now + timedelta(hours=1)
    )
    assert _clue(fresh_store, code).status == "handling"
    # Meanwhile the county urged the clue on the platform: a newer server state arrives.
    urged = platform.act(
        platform.username("county"), Action.URGE, code, {"note": "请尽快签收"}, minutes=20
    )
    apply_pull_page(fresh_store, _page(urged), "c2")
    row = _clue(fresh_store, code)
    assert row.status == "handling" and row.signed_at == now + timedelta(hours=1)
    assert row.server_state["status"] == "dispatched"
    assert row.server_version == urged["version"]
    assert _events(fresh_store, code) == [
        ("register", False),
        ("dispatch", False),
        ("urge", False),
        ("sign", True),
    ]
    assert [a.action_id for a in _outbox(fresh_store)] == [sign.action_id]


def test_an_action_the_rules_now_refuse_stays_queued_but_leaves_the_view(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(_dispatched(platform, code)), "c1")
    take_action(fresh_store, platform.username("township"), DEVICE, Action.SIGN, code, {}, now=now)
    # The county re-dispatched the clue to the department: our sign no longer applies.
    moved = platform.act(
        platform.username("county"),
        Action.DISPATCH,
        code,
        {"lead_unit": platform.city.demo_accounts()["department"].unit_code},
        minutes=30,
    )
    apply_pull_page(fresh_store, _page(moved), "c2")
    row = _clue(fresh_store, code)
    assert row.status == "dispatched" and row.lead_unit == "320706901"
    assert [e for e in _events(fresh_store, code) if e[1]] == []
    assert [o.state for o in _outbox(fresh_store)] == ["pending"]


def test_a_lost_push_answer_is_settled_by_the_pull(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(_dispatched(platform, code)), "c1")
    sign = take_action(
        fresh_store, platform.username("township"), DEVICE, Action.SIGN, code, {}, now=now
    )
    signed = platform.act(
        platform.username("township"), Action.SIGN, code, {}, action_id=sign.action_id
    )
    apply_pull_page(fresh_store, _page(signed), "c2")
    assert _outbox(fresh_store) == []
    assert _events(fresh_store, code)[-1] == ("sign", False)
    assert _clue(fresh_store, code).status == "handling"


# ---------------------------------------------------------------- push results


def test_applied_results_confirm_and_leave_the_outbox(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(_dispatched(platform, code)), "c1")
    sign = take_action(
        fresh_store, platform.username("township"), DEVICE, Action.SIGN, code, {}, now=now
    )
    signed = platform.act(
        platform.username("township"), Action.SIGN, code, {}, action_id=sign.action_id
    )
    tally = record_push_results(
        fresh_store,
        [
            {
                "action_id": sign.action_id,
                "status": "applied",
                "clue_code": code,
                "seq": signed["version"],
                "clue": signed,
            }
        ],
    )
    assert (tally.applied, tally.rejected) == (1, 0)
    assert _outbox(fresh_store) == []
    assert _events(fresh_store, code)[-1] == ("sign", False)
    with fresh_store.session() as session:
        event = session.scalars(
            select(ClueEvent).where(ClueEvent.action_id == sign.action_id)
        ).one()
    # The platform's record of the action (its clock) replaces what this device wrote.
    assert event.at == datetime.fromisoformat(signed["events"][-1]["at"]) != now
    assert event.device_id == PLATFORM
    row = _clue(fresh_store, code)
    assert row.server_version == signed["version"] and row.server_state["status"] == "handling"


def _state(clue: dict[str, Any]) -> dict[str, Any]:
    """The `state` of an applied push result: the workflow fields of the clue object."""
    names = (*sync_apply.parse.STATE_COLUMNS, "assisting_units")
    return {name: clue[name] for name in names}


def test_an_applied_state_confirms_without_a_rebuild_and_the_pull_brings_the_record(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    dispatched = _dispatched(platform, code)
    apply_pull_page(fresh_store, _page(dispatched), "c1")
    county = platform.username("county")
    urge = take_action(fresh_store, county, DEVICE, Action.URGE, code, {"note": "快"}, now=now)
    urged = platform.act(county, Action.URGE, code, {"note": "快"}, action_id=urge.action_id)
    answer = {"action_id": urge.action_id, "status": "applied", "clue_code": code}
    tally = record_push_results(
        fresh_store, [{**answer, "seq": urged["version"], "state": _state(urged)}]
    )
    assert (tally.applied, _outbox(fresh_store)) == (1, [])
    assert _events(fresh_store, code)[-1] == ("urge", False)
    row = _clue(fresh_store, code)
    # The snapshot is the answered state; the version stays, so the pull brings the clue.
    assert row.server_state == _state(urged)
    assert row.server_version == dispatched["version"] and row.status == "dispatched"
    apply_pull_page(fresh_store, _page(urged), "c2")
    with fresh_store.session() as session:
        event = session.scalars(
            select(ClueEvent).where(ClueEvent.action_id == urge.action_id)
        ).one()
    # The platform's record of the action (its clock, its device) replaces this device's copy.
    assert event.at == datetime.fromisoformat(urged["events"][-1]["at"]) != now
    assert event.device_id == PLATFORM and not event.pending
    assert _clue(fresh_store, code).server_version == urged["version"]


def test_an_applied_state_the_view_does_not_show_rebuilds_it(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(_dispatched(platform, code)), "c1")
    township = platform.username("township")
    sign = take_action(fresh_store, township, DEVICE, Action.SIGN, code, {}, now=now)
    untrue = {"result": "现场核查", "finding": "untrue", "measures": "未发现排放"}
    report = take_action(fresh_store, township, DEVICE, Action.REPORT, code, untrue, now=now)
    assert _clue(fresh_store, code).signed_at == now
    # The platform signed it at its own clock; the report is answered retry.
    signed = platform.act(township, Action.SIGN, code, {}, minutes=30, action_id=sign.action_id)
    record_push_results(
        fresh_store,
        [
            {
                "action_id": sign.action_id,
                "status": "applied",
                "clue_code": code,
                "seq": signed["version"],
                "state": _state(signed),
            },
            {"action_id": report.action_id, "status": "retry"},
        ],
    )
    row = _clue(fresh_store, code)
    assert row.signed_at == datetime.fromisoformat(signed["signed_at"]) != now
    assert row.server_state["status"] == "handling"
    assert row.status == "reviewing"  # the report, still pending, replayed on the new state
    assert _events(fresh_store, code)[-2:] == [("sign", False), ("report", True)]
    # Recording the same answer again changes nothing.
    before = _tables(fresh_store)
    record_push_results(
        fresh_store,
        [
            {
                "action_id": sign.action_id,
                "status": "applied",
                "clue_code": code,
                "seq": signed["version"],
                "state": _state(signed),
            }
        ],
    )
    assert _tables(fresh_store)["clues"] == before["clues"]


def test_an_older_applied_state_never_replaces_a_newer_snapshot(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(_dispatched(platform, code)), "c1")
    county = platform.username("county")
    urge = take_action(fresh_store, county, DEVICE, Action.URGE, code, {"note": "快"}, now=now)
    urged = platform.act(county, Action.URGE, code, {"note": "快"}, action_id=urge.action_id)
    moved = platform.act(county, Action.DISPATCH, code, {"lead_unit": "320706901"}, minutes=40)
    apply_pull_page(fresh_store, _page(moved), "c2")  # a newer state came first
    record_push_results(
        fresh_store,
        [
            {
                "action_id": urge.action_id,
                "status": "applied",
                "clue_code": code,
                "seq": urged["version"],
                "state": _state(urged),
            }
        ],
    )
    row = _clue(fresh_store, code)
    assert row.lead_unit == row.server_state["lead_unit"] == "320706901"


def test_a_rejection_rebuilds_the_view_even_when_the_clue_did_not_change(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    dispatched = _dispatched(platform, code)
    apply_pull_page(fresh_store, _page(dispatched), "c1")
    sign = take_action(
        fresh_store, platform.username("township"), DEVICE, Action.SIGN, code, {}, now=now
    )
    assert _clue(fresh_store, code).status == "handling"
    record_push_results(
        fresh_store,
        [
            {
                "action_id": sign.action_id,
                "status": "rejected",
                "code": "refused",
                "reason": "规则不允许签收",
                "clue_code": code,
                "clue": dispatched,  # the version this store already has
            }
        ],
    )
    row = _clue(fresh_store, code)
    assert (row.status, row.signed_at) == ("dispatched", None)
    assert [e for e in _events(fresh_store, code) if e[0] == "sign"] == []


def test_a_malformed_state_records_nothing(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    dispatched = _dispatched(platform, code)
    apply_pull_page(fresh_store, _page(dispatched), "c1")
    urge = take_action(
        fresh_store, platform.username("county"), DEVICE, Action.URGE, code, {"note": "催"}, now=now
    )
    before = _tables(fresh_store)
    base = {"action_id": urge.action_id, "status": "applied", "clue_code": code, "seq": 9}
    for bad in (
        {**_state(dispatched), "status": "flying"},
        {**_state(dispatched), "signed_at": "yesterday"},
        {**_state(dispatched), "assisting_units": "320706901"},
    ):
        with pytest.raises(SyncDataError):
            record_push_results(fresh_store, [{**base, "state": bad}])
    with pytest.raises(SyncDataError):
        record_push_results(fresh_store, [{**base, "seq": None, "state": _state(dispatched)}])
    with pytest.raises(UnknownUnitsError):
        state = {**_state(dispatched), "lead_unit": "999999999"}
        record_push_results(fresh_store, [{**base, "state": state}])
    assert _tables(fresh_store) == before


def test_rejected_action_rebuilds_the_view_without_it(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(platform.register(code)), "c1")
    county = platform.username("county")
    dispatch = take_action(
        fresh_store, county, DEVICE, Action.DISPATCH, code, {"lead_unit": "320706001"}, now=now
    )
    urge = take_action(
        fresh_store, county, DEVICE, Action.URGE, code, {"note": "请加快办理"}, now=now
    )
    assert _events(fresh_store, code)[-2:] == [("dispatch", True), ("urge", True)]
    server_now = platform.clue(code)
    record_push_results(
        fresh_store,
        [
            {"action_id": dispatch.action_id, "status": "retry"},
            {
                "action_id": urge.action_id,
                "status": "rejected",
                "code": "refused",
                "reason": "督办意见不能为空",
                "clue_code": code,
                "clue": server_now,
            },
        ],
    )
    # The view: server state + the dispatch (still pending), without the rejected urge.
    row = _clue(fresh_store, code)
    assert row.status == "dispatched"
    assert _events(fresh_store, code) == [("register", False), ("dispatch", True)]
    outbox = {o.action_id: o for o in _outbox(fresh_store)}
    assert outbox[dispatch.action_id].state == "pending"
    assert outbox[dispatch.action_id].attempts == 1
    assert outbox[urge.action_id].state == "rejected"
    problems = sync_problems(fresh_store)
    assert [(p.action_id, p.code, p.reason, p.action_label) for p in problems] == [
        (urge.action_id, "refused", "督办意见不能为空", "督办")
    ]
    assert sync_status(fresh_store).problems == 1
    assert sync_status(fresh_store).pending == 1


def test_discard_and_resend_a_problem(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(platform.register(code)), "c1")
    county = platform.username("county")
    urge = take_action(fresh_store, county, DEVICE, Action.URGE, code, {"note": "加快"}, now=now)
    urge2 = take_action(fresh_store, county, DEVICE, Action.URGE, code, {"note": "再催"}, now=now)
    first_batch = next_push_batch(fresh_store, 10)
    rejected = {
        "status": "rejected",
        "code": "refused",
        "reason": "暂不能督办",
        "clue": platform.clue(code),
    }
    record_push_results(
        fresh_store,
        [{"action_id": urge.action_id, **rejected}, {"action_id": urge2.action_id, **rejected}],
    )
    assert _events(fresh_store, code) == [("register", False)]
    discard_problem(fresh_store, urge.action_id)
    resend_problem(fresh_store, urge2.action_id)
    assert [p.action_id for p in sync_problems(fresh_store)] == []
    assert _events(fresh_store, code) == [("register", False), ("urge", True)]
    again = next_push_batch(fresh_store, 10)
    assert [a["action_id"] for a in again] == [urge2.action_id]
    assert again[0]["device_seq"] > max(a["device_seq"] for a in first_batch)
    with pytest.raises(LookupError):
        discard_problem(fresh_store, urge2.action_id)


def test_register_offline_gets_the_real_code_everywhere(
    fresh_store: Store, platform: Platform, demo_city: Any, now: datetime
) -> None:
    county = platform.username("county")
    draft = {
        "channel": "日常检查",
        "received_at": (now - timedelta(hours=1)).isoformat(),
        "category": "水",
        "priority": "一般",
        "description": "离线登记的线索，河面漂浮油污",
        "address": "海州区某河道",
        "county_code": "320706",
        "township_code": "320706001",
        "subject_name": "离线登记的对象",
    }
    register = take_action(fresh_store, county, DEVICE, Action.REGISTER, None, draft, now=now)
    provisional = register.clue_code
    dispatch = take_action(
        fresh_store,
        county,
        DEVICE,
        Action.DISPATCH,
        provisional,
        {"lead_unit": "320706001"},
        now=now + timedelta(minutes=1),
    )
    batch = next_push_batch(fresh_store, 500)
    assert [a["type"] for a in batch] == ["clue.register.v1", "clue.dispatch.v1"]
    assert batch[0]["clue_code"] == provisional and batch[0]["payload"]["county_code"] == "320706"
    real = "LYG2026000777"
    registered = platform.act(
        county, Action.REGISTER, real, register.outcome.details, action_id=register.action_id
    )
    record_push_results(
        fresh_store,
        [
            {
                "action_id": register.action_id,
                "status": "applied",
                "clue_code": real,
                "provisional_code": provisional,
                "seq": registered["version"],
                "clue": registered,
            },
            {"action_id": dispatch.action_id, "status": "retry"},
        ],
    )
    row = _clue(fresh_store, real)
    assert not row.provisional and row.status == "dispatched"  # the dispatch replayed on top
    assert row.server_state["status"] == "registered"
    assert [(o.clue_code, o.action_id) for o in _outbox(fresh_store)] == [
        (real, dispatch.action_id)
    ]
    assert _events(fresh_store, real) == [("register", False), ("dispatch", True)]
    assert _found(fresh_store, real) == [real]
    assert _found(fresh_store, "离线登记") == [real]
    with fresh_store.session() as session:
        assert session.scalars(select(Clue).where(Clue.code == provisional)).all() == []
    [again] = next_push_batch(fresh_store, 500)
    assert again["clue_code"] == real and again["device_seq"] == batch[1]["device_seq"]


def test_rejected_register_removes_the_provisional_clue_until_resent(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    draft = {
        "channel": "日常检查",
        "received_at": (now - timedelta(hours=1)).isoformat(),
        "category": "水",
        "description": "被退回的登记",
        "address": "海州区某处",
        "county_code": "320706",
    }
    register = take_action(
        fresh_store, platform.username("county"), DEVICE, Action.REGISTER, None, draft, now=now
    )
    record_push_results(
        fresh_store,
        [
            {
                "action_id": register.action_id,
                "status": "rejected",
                "code": "invalid",
                "reason": "地址不完整",
                "field": "address",
                "clue_code": register.clue_code,
                "clue": None,
            }
        ],
    )
    with fresh_store.session() as session:
        assert session.scalars(select(Clue)).all() == []
    assert _found(fresh_store, "被退回") == []
    [problem] = sync_problems(fresh_store)
    assert problem.reason == "地址不完整（address）" and problem.clue_code == register.clue_code
    resend_problem(fresh_store, register.action_id)
    row = _clue(fresh_store, register.clue_code)
    assert row.provisional and row.status == "registered"
    assert _found(fresh_store, "被退回") == [register.clue_code]


def test_malformed_push_answer_records_nothing(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(platform.register(code)), "c1")
    urge = take_action(
        fresh_store, platform.username("county"), DEVICE, Action.URGE, code, {"note": "催"}, now=now
    )
    before = _tables(fresh_store)
    for answer in (
        [{"action_id": urge.action_id, "status": "maybe"}],
        [{"action_id": urge.action_id, "status": "applied"}],
        [{"action_id": urge.action_id, "status": "rejected", "reason": "x"}],
        {"results": []},
    ):
        with pytest.raises(SyncDataError):
            record_push_results(fresh_store, answer)
        assert _tables(fresh_store) == before


# ---------------------------------------------------------------- reset


def test_reset_keeps_the_outbox_and_the_clues_pending_actions_need(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    kept, gone, back = "LYG2026000001", "LYG2026000002", "LYG2026000003"
    page = _page(_dispatched(platform, kept), platform.register(gone), platform.register(back))
    apply_pull_page(fresh_store, page, "c9")
    township, county = platform.username("township"), platform.username("county")
    sign = take_action(fresh_store, township, DEVICE, Action.SIGN, kept, {}, now=now)
    draft = {
        "channel": "日常检查",
        "received_at": (now - timedelta(hours=1)).isoformat(),
        "category": "噪声",
        "description": "离线登记，尚未同步",
        "address": "海州区某工地",
        "county_code": "320706",
    }
    register = take_action(fresh_store, county, DEVICE, Action.REGISTER, None, draft, now=now)
    outbox_before = [(o.action_id, o.state, o.clue_code) for o in _outbox(fresh_store)]

    marked = reset_server_data(fresh_store)
    assert marked == 3
    assert read_state(fresh_store, "cursor") is None
    # The full pull brings back only `back` (the other two left the scope).
    platform.version += 1
    apply_pull_page(fresh_store, _page(platform.clue(back)), "r1", more=True)
    with fresh_store.session() as session:
        assert len(session.scalars(select(Clue)).all()) == 4  # nothing swept before the end
    apply_pull_page(fresh_store, [], "r2", more=False)
    with fresh_store.session() as session:
        codes = sorted(session.scalars(select(Clue.code)))
    assert codes == sorted([kept, back, register.clue_code])
    assert [(o.action_id, o.state, o.clue_code) for o in _outbox(fresh_store)] == outbox_before
    assert _clue(fresh_store, kept).status == "handling"  # the pending sign still shows
    assert sign.action_id in {o.action_id for o in _outbox(fresh_store)}
    assert _found(fresh_store, "离线登记") == [register.clue_code]
    assert read_state(fresh_store, "cursor") == "r2"
    assert read_state(fresh_store, "full_resync") is None


# ---------------------------------------------------------------- outbox, state, reference data


def test_device_id_is_generated_once(fresh_store: Store) -> None:
    first = device_id(fresh_store)
    assert first == device_id(fresh_store)
    assert uuid.UUID(first)


def test_push_batches_number_actions_once_in_device_order(
    fresh_store: Store, platform: Platform, now: datetime, tmp_path: Any
) -> None:
    from desktop.store.attachments import store_file

    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(platform.register(code)), "c1")
    county = platform.username("county")
    shas = []
    for i in range(5):
        (tmp_path / f"{i}.jpg").write_bytes(f"photo {i}".encode())
        shas.append(store_file(fresh_store, tmp_path / f"{i}.jpg").sha256)
    taken = [
        take_action(
            fresh_store,
            county,
            DEVICE,
            Action.URGE,
            code,
            {"note": f"第{i}次", "attachments": [{"sha256": shas[i], "name": f"{i}.jpg"}]},
            now=now + timedelta(minutes=i),
        )
        for i in range(5)
    ]
    first = next_push_batch(fresh_store, 2)
    assert [a["action_id"] for a in first] == [t.action_id for t in taken[:2]]
    everything = next_push_batch(fresh_store, 10)
    seqs = [a["device_seq"] for a in everything]
    assert seqs == sorted(seqs) and len(set(seqs)) == 5
    assert everything[:2] == first
    rest = next_push_batch(fresh_store, 10, skip=[t.action_id for t in taken[:2]])
    assert [a["action_id"] for a in rest] == [t.action_id for t in taken[2:]]
    assert rest[0]["client_time"] == (now + timedelta(minutes=2)).isoformat()
    assert [sha for sha, _ in pending_files(fresh_store)] == shas


def test_directory_and_rules_are_stored(fresh_store: Store, demo_city: Any) -> None:
    units = [
        {
            "code": "990000",
            "name": "测试市攻坚办",
            "kind": "city_office",
            "parent_code": None,
            "county_code": None,
        },
        {
            "code": "990100",
            "name": "测试区攻坚办",
            "kind": "county_office",
            "parent_code": "990000",
            "county_code": "990100",
        },
    ]
    users = [
        {
            "username": "tester",
            "display_name": "测试员",
            "role": "dispatcher",
            "unit_code": "990100",
        }
    ]
    # Children before parents in the answer: the store orders them.
    assert save_directory(fresh_store, {"units": units[::-1], "users": users}) == (2, 1)
    rules = Rules().to_dict()
    rules["limits"]["sign_days"] = 2
    calendar = [{"year": 2030, "holidays": ["2030-01-01"], "workdays": [], "source": "test"}]
    assert save_platform_rules(fresh_store, {"rules": rules, "calendar": calendar, "version": 4})
    with fresh_store.session() as session:
        assert session.get(Unit, "990100") is not None
        user = session.get(User, "tester")
        assert user is not None and user.unit_code == "990100"
        stored = session.get(RuleSet, "rules")
        assert stored is not None and stored.data["limits"]["sign_days"] == 2
        assert session.get(SyncState, "rules_version") is not None
    with pytest.raises(SyncDataError):
        save_platform_rules(fresh_store, {"rules": {"limits": {"sign_days": 0}}, "calendar": []})
    with pytest.raises(SyncDataError):
        save_directory(fresh_store, {"units": [{"code": "x"}], "users": []})


def test_rejection_without_a_clue_drops_a_clue_the_user_may_no_longer_see(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(_dispatched(platform, code)), "c1")
    sign = take_action(
        fresh_store, platform.username("township"), DEVICE, Action.SIGN, code, {}, now=now
    )
    record_push_results(
        fresh_store,
        [
            {
                "action_id": sign.action_id,
                "status": "rejected",
                "code": "out_of_scope",
                "reason": "该线索已不在您的办理范围内",
                "clue_code": code,
                "clue": None,
            }
        ],
    )
    with fresh_store.session() as session:
        assert session.scalars(select(Clue)).all() == []
    assert [p.code for p in sync_problems(fresh_store)] == ["out_of_scope"]


def test_duplicate_answer_is_recorded_like_applied(
    fresh_store: Store, platform: Platform, now: datetime
) -> None:
    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(platform.register(code)), "c1")
    urge = take_action(
        fresh_store, platform.username("county"), DEVICE, Action.URGE, code, {"note": "催"}, now=now
    )
    urged = platform.act(
        platform.username("county"), Action.URGE, code, {"note": "催"}, action_id=urge.action_id
    )
    answer = {"action_id": urge.action_id, "status": "duplicate", "clue_code": code, "seq": 2}
    tally = record_push_results(fresh_store, [{**answer, "clue": urged}])
    assert tally.duplicate == 1 and _outbox(fresh_store) == []
    assert _events(fresh_store, code) == [("register", False), ("urge", False)]
    # The same answer again (a retried request) changes nothing.
    before = _tables(fresh_store)
    record_push_results(fresh_store, [{**answer, "clue": urged}])
    assert _tables(fresh_store) == before


def test_attachment_missing_is_retried_while_the_file_is_here(
    fresh_store: Store, platform: Platform, now: datetime, tmp_path: Any
) -> None:
    from desktop.store.attachments import attachment_path, store_file

    code = "LYG2026000001"
    apply_pull_page(fresh_store, _page(platform.register(code)), "c1")
    photo, lost = tmp_path / "photo.jpg", tmp_path / "lost.jpg"
    photo.write_bytes(b"jpeg bytes")
    lost.write_bytes(b"deleted from the store later")
    stored, deleted = store_file(fresh_store, photo), store_file(fresh_store, lost)
    county = platform.username("county")
    here = {"note": "附照片", "attachments": [{"sha256": stored.sha256, "name": "photo.jpg"}]}
    gone = {"note": "附照片", "attachments": [{"sha256": deleted.sha256, "name": "lost.jpg"}]}
    with_file = take_action(fresh_store, county, DEVICE, Action.URGE, code, here, now=now)
    without = take_action(fresh_store, county, DEVICE, Action.URGE, code, gone, now=now)
    attachment_path(fresh_store, deleted.sha256).unlink()
    missing = {"status": "rejected", "code": "attachment_missing", "reason": "附件未上传"}
    tally = record_push_results(
        fresh_store,
        [
            {"action_id": with_file.action_id, **missing},
            {"action_id": without.action_id, **missing},
        ],
    )
    assert (tally.retry, tally.rejected) == (1, 1)
    states = {o.action_id: (o.state, o.attempts) for o in _outbox(fresh_store)}
    assert states == {with_file.action_id: ("pending", 1), without.action_id: ("rejected", 1)}
    assert pending_files(fresh_store) == [(stored.sha256, "photo.jpg")]


def test_assisting_units_keep_the_dispatchers_order(
    fresh_store: Store, platform: Platform, demo_city: Any
) -> None:
    """The platform's order (the dispatcher's), not code order, in the store and its view."""
    units = demo_city.handling_units("320706")
    helpers = sorted(u.code for u in units[3:6])[::-1]  # reverse code order
    platform.register("LYG2026000001")
    clue = platform.act(
        platform.username("county"),
        Action.DISPATCH,
        "LYG2026000001",
        {"lead_unit": "320706001", "assisting_units": helpers},
    )
    assert clue["assisting_units"] == helpers
    apply_pull_page(fresh_store, _page(clue), "c1")
    exported = sync_apply.export_clue(fresh_store, "LYG2026000001")
    assert exported is not None and exported["assisting_units"] == helpers
    snapshot = _clue(fresh_store, "LYG2026000001").server_state
    assert snapshot["assisting_units"] == helpers
