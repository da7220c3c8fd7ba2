"""Taking actions locally: one transaction for validation, history, view and outbox."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from desktop.domain.codes import Status
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action, ActionRefused
from desktop.store import local_actions
from desktop.store.attachments import store_file
from desktop.store.database import Store
from desktop.store.local_actions import take_action
from desktop.store.models import AssistingUnit, Clue, ClueAttachment, ClueEvent, OutboxAction
from desktop.store.search import match_expression

DEVICE = "laptop-7"


def _draft(city: Any, now: datetime) -> dict[str, Any]:
    township = city.unit(city.user(city.demo_accounts()["township"].username).unit_code)
    return {
        "channel": "日常检查",
        "received_at": (now - timedelta(hours=1)).isoformat(),
        "category": "水",
        "priority": "紧急",
        "description": "巡查发现某养殖场尾水直排入蔷薇河支流，水面有明显泡沫",
        "address": "新海街道通灌北路88号东侧",
        "county_code": township.county_code,
        "township_code": township.code,
        "subject_name": "连云港市某水产养殖有限公司",
        "reporter_name": "",
        "reporter_phone": "",
    }


def _snapshot(store: Store) -> dict[str, Any]:
    with store.engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")).fetchall()
            for table in (
                "clues",
                "clue_events",
                "outbox",
                "clue_assisting_units",
                "clue_search_docsize",
            )
        }


def _accounts(city: Any) -> dict[str, str]:
    return {key: user.username for key, user in city.demo_accounts().items()}


def test_register_offline_gets_provisional_code_history_outbox_and_search(
    fresh_store: Store, demo_city: Any, now: datetime
) -> None:
    who = _accounts(demo_city)
    done = take_action(
        fresh_store, who["township"], DEVICE, Action.REGISTER, None, _draft(demo_city, now), now=now
    )
    assert done.clue_code.startswith("临20261127-")
    with fresh_store.session() as session:
        clue = session.scalars(select(Clue)).one()
        assert clue.code == done.clue_code and clue.provisional
        assert clue.status == Status.REGISTERED.value
        assert clue.priority == "urgent" and clue.channel == "daily_inspection"
        assert clue.deadline == datetime(2026, 11, 30, 17, 30, tzinfo=now.tzinfo)
        event = session.scalars(select(ClueEvent)).one()
        assert event.pending and event.action_id == done.action_id
        assert event.device_id == DEVICE and event.username == who["township"]
        outbox = session.scalars(select(OutboxAction)).one()
        assert outbox.command_type == "clue.register.v1"
        assert outbox.payload["description"].startswith("巡查发现")
        assert outbox.state == "pending"
        hits = session.execute(
            text("SELECT rowid FROM clue_search WHERE clue_search MATCH :q"),
            {"q": match_expression("尾水直排")},
        ).fetchall()
        assert hits == [(clue.id,)]


def _evidence(store: Store, folder: Path, name: str) -> dict[str, str]:
    """A photo stored in the attachment store, cited as an action payload cites it."""
    photo = folder / name
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + name.encode() * 40)
    return {"sha256": store_file(store, photo).sha256, "name": name}


def test_closed_loop_locally_records_every_step_in_order(
    fresh_store: Store, demo_city: Any, now: datetime, tmp_path: Path
) -> None:
    who = _accounts(demo_city)
    before = _evidence(fresh_store, tmp_path, "整改前.png")
    after = _evidence(fresh_store, tmp_path, "整改后.png")
    township = demo_city.user(who["township"]).unit_code
    helper = next(
        u.code
        for u in demo_city.handling_units(demo_city.unit(township).county_code)
        if u.code != township
    )
    code = take_action(
        fresh_store, who["county"], DEVICE, Action.REGISTER, None, _draft(demo_city, now), now=now
    ).clue_code
    steps: list[tuple[str, Action, dict[str, Any]]] = [
        ("county", Action.DISPATCH, {"lead_unit": township, "assisting_units": [helper]}),
        ("township", Action.SIGN, {}),
        (
            "township",
            Action.REPORT,
            {
                "result": "已责令停止排放并清理河道",
                "finding": "属实",
                "measures": "责令停止排放，清理河道",
                "attachments": [before],
            },
        ),
        ("county", Action.REJECT, {"reason": "缺少整改前后照片"}),
        (
            "township",
            Action.REPORT,
            {
                "result": "已补充整改照片",
                "finding": "属实",
                "measures": "责令停止排放，清理河道，补拍整改后照片",
                "attachments": [before, after],
            },
        ),
        ("county", Action.APPROVE, {}),
    ]
    moment = now
    for who_key, action, payload in steps:
        moment += timedelta(minutes=30)
        take_action(fresh_store, who[who_key], DEVICE, action, code, payload, now=moment)
    with fresh_store.session() as session:
        clue = session.scalars(select(Clue)).one()
        assert clue.status == Status.CLOSED.value and clue.deadline is None
        assert clue.lead_unit == township
        assert session.scalars(select(AssistingUnit.unit_code)).all() == [helper]
        events = session.scalars(select(ClueEvent).order_by(ClueEvent.id)).all()
        assert [e.action for e in events] == ["register"] + [a.value for _, a, _ in steps]
        assert [e.to_status for e in events][-3:] == ["handling", "reviewing", "closed"]
        assert events[4].note == "缺少整改前后照片"
        assert clue.finding == "true"
        assert [(e.details or {}).get("finding") for e in events if e.action == "report"] == [
            "true",
            "true",
        ]
        assert events[5].details["measures"] == "责令停止排放，清理河道，补拍整改后照片"
        files = session.scalars(select(ClueAttachment.name).order_by(ClueAttachment.name)).all()
        assert sorted(files) == ["整改前.png", "整改后.png"]
        outbox = session.scalars(select(OutboxAction).order_by(OutboxAction.seq)).all()
        assert [o.command_type for o in outbox] == [f"clue.{e.action}.v1" for e in events]
        assert [o.action_id for o in outbox] == [e.action_id for e in events]


def test_refused_action_changes_nothing(fresh_store: Store, demo_city: Any, now: datetime) -> None:
    who = _accounts(demo_city)
    code = take_action(
        fresh_store, who["township"], DEVICE, Action.REGISTER, None, _draft(demo_city, now), now=now
    ).clue_code
    before = _snapshot(fresh_store)
    with pytest.raises(ActionRefused) as refused:
        take_action(fresh_store, who["township"], DEVICE, Action.APPROVE, code, {}, now=now)
    assert refused.value.reason == "线索当前为「已登记」，不能审核通过"
    with pytest.raises(ValidationError) as invalid:
        take_action(
            fresh_store,
            who["county"],
            DEVICE,
            Action.DISPATCH,
            code,
            {"lead_unit": "nowhere"},
            now=now,
        )
    assert invalid.value.field == "lead_unit"  # the payload key; the window shows its label
    assert invalid.value.label == "主办单位"
    with pytest.raises(LookupError):
        take_action(fresh_store, who["county"], DEVICE, Action.SIGN, "LYG-NONE", {}, now=now)
    assert _snapshot(fresh_store) == before


def test_failure_in_the_middle_leaves_nothing_half_written(
    fresh_store: Store, demo_city: Any, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    who = _accounts(demo_city)
    before = _snapshot(fresh_store)

    def broken_index(*_: Any) -> None:
        raise OSError("disk full")

    # The clue row is already flushed when the search index is written: the failure must
    # take it back with everything else.
    monkeypatch.setattr(local_actions, "index_clues", broken_index)
    with pytest.raises(OSError):
        take_action(
            fresh_store,
            who["township"],
            DEVICE,
            Action.REGISTER,
            None,
            _draft(demo_city, now),
            now=now,
        )
    assert _snapshot(fresh_store) == before


def test_duplicate_action_id_rolls_back_the_view_update(
    fresh_store: Store, demo_city: Any, now: datetime
) -> None:
    who = _accounts(demo_city)
    township = demo_city.user(who["township"]).unit_code
    code = take_action(
        fresh_store, who["county"], DEVICE, Action.REGISTER, None, _draft(demo_city, now), now=now
    ).clue_code
    first = take_action(
        fresh_store,
        who["county"],
        DEVICE,
        Action.DISPATCH,
        code,
        {"lead_unit": township},
        now=now,
    )
    before = _snapshot(fresh_store)
    with pytest.raises(IntegrityError):
        take_action(
            fresh_store,
            who["township"],
            DEVICE,
            Action.SIGN,
            code,
            {},
            now=now,
            action_id=first.action_id,
        )
    assert _snapshot(fresh_store) == before
    with fresh_store.session() as session:
        assert session.scalar(select(Clue.status)) == Status.DISPATCHED.value
        assert session.scalar(select(func.count()).select_from(OutboxAction)) == 2


def test_history_is_append_only(fresh_store: Store, demo_city: Any, now: datetime) -> None:
    who = _accounts(demo_city)
    take_action(
        fresh_store, who["township"], DEVICE, Action.REGISTER, None, _draft(demo_city, now), now=now
    )
    with pytest.raises(Exception, match="append-only"):
        with fresh_store.engine.begin() as connection:
            connection.execute(text("UPDATE clue_events SET note = 'rewritten'"))
    with fresh_store.engine.begin() as connection:
        connection.execute(text("UPDATE clue_events SET pending = 0"))
        assert connection.execute(text("SELECT note FROM clue_events")).scalar() == ""
