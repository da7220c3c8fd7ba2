"""The detail of one clue: every field, its history in order, attachments and unsent actions."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.domain.codes import Status
from desktop.domain.workflow import Action
from desktop.store.attachments import attachment_path, store_file
from desktop.store.clue_detail import load_clue_detail
from desktop.store.clue_rows import clue_state
from desktop.store.database import DB_FILE, Store, open_store
from desktop.store.local_actions import take_action
from desktop.store.models import Attachment, Clue, ClueAttachment, ClueEvent


@pytest.fixture
def store_copy(demo_store_dir: Path, tmp_path: Path) -> Iterator[Store]:
    """A writable copy of the demo store."""
    target = tmp_path / "copy"
    target.mkdir()
    shutil.copyfile(demo_store_dir / DB_FILE, target / DB_FILE)
    store = open_store(target)
    yield store
    store.close()


def _clue_id(store: Store, where: str) -> int:
    with store.engine.connect() as connection:
        found = connection.execute(text(f"SELECT id FROM clues WHERE {where} ORDER BY id LIMIT 1"))
        return int(found.scalar_one())


def test_every_field_of_the_clue_is_read(demo_store: Store) -> None:
    clue_id = _clue_id(
        demo_store,
        "status = 'handling' AND reporter_phone <> '' AND subject_credit_code <> '' "
        "AND id IN (SELECT clue_id FROM clue_assisting_units)",
    )
    detail = load_clue_detail(demo_store, clue_id)
    assert detail is not None
    with demo_store.session() as session:
        row = session.get(Clue, clue_id)
        assert row is not None
        state = clue_state(session, row)
    plain = (
        "code channel channel_ref category priority received_at reporter_name reporter_phone "
        "address latitude longitude subject_name subject_credit_code description registered_at "
        "dispatched_at signed_at reported_at closed_at deadline handle_deadline "
        "extension_requested_days extended_days server_version updated_at"
    ).split()
    for name in plain:
        assert getattr(detail, name) == getattr(row, name), name
    assert detail.status is Status.HANDLING and detail.state == state
    assert detail.county.code == row.county_code and detail.county.name.endswith("攻坚办")
    assert detail.township is not None and detail.township.code == row.township_code
    assert detail.township.name
    assert detail.lead_unit is not None and detail.lead_unit.code == row.lead_unit
    assert [u.code for u in detail.assisting_units] == list(state.assisting_units)
    assert all(u.name for u in detail.assisting_units)
    assert not detail.provisional
    # The demo's clues carry the evidence of earlier reports and notices: every file linked
    # to the clue is listed, in the order it was added, and nothing waits to be sent.
    with demo_store.session() as session:
        linked = session.execute(
            select(ClueAttachment.sha256, ClueAttachment.name, Attachment.size)
            .join(Attachment, Attachment.sha256 == ClueAttachment.sha256)
            .where(ClueAttachment.clue_id == clue_id)
            .order_by(ClueAttachment.added_at, ClueAttachment.name)
        ).all()
    assert [(a.sha256, a.name, a.size) for a in detail.attachments] == [tuple(r) for r in linked]
    assert detail.outbox == ()
    # Handling again after a report was sent back: no result or measures stand.
    assert detail.result == "" and detail.measures == ""


def test_the_reporter_is_shown_as_the_store_holds_it(demo_store: Store) -> None:
    """The platform masks the reporter for whom it must; the client neither masks nor
    unmasks: the detail holds what the store received, in the fields and the history."""
    clue_id = _clue_id(
        demo_store,
        "reporter_phone LIKE '1%' AND length(reporter_phone) = 11 AND length(reporter_name) >= 2",
    )
    with demo_store.session() as session:
        row = session.get(Clue, clue_id)
        assert row is not None
        name, phone = row.reporter_name, row.reporter_phone
    detail = load_clue_detail(demo_store, clue_id)
    assert detail is not None
    assert (detail.reporter_name, detail.reporter_phone) == (name, phone)
    (registered,) = [e for e in detail.timeline if e.action == "register"]
    assert (registered.details["reporter_name"], registered.details["reporter_phone"]) == (
        name,
        phone,
    )


def test_timeline_is_in_time_order_with_names(demo_store: Store) -> None:
    clue_id = _clue_id(demo_store, "status = 'closed'")
    detail = load_clue_detail(demo_store, clue_id)
    assert detail is not None
    with demo_store.session() as session:
        count = len(session.scalars(select(ClueEvent).where(ClueEvent.clue_id == clue_id)).all())
    assert len(detail.timeline) == count >= 4
    times = [entry.at for entry in detail.timeline]
    assert times == sorted(times)
    assert detail.timeline[0].action == "register" and detail.timeline[-1].action == "approve"
    assert detail.timeline[-1].to_status == "closed"
    assert all(entry.user_name and entry.unit.name for entry in detail.timeline)
    assert not any(entry.pending for entry in detail.timeline)
    reports = [entry for entry in detail.timeline if entry.action == "report"]
    assert detail.result == reports[-1].note != ""
    assert detail.measures == reports[-1].details["measures"] != ""


def test_a_local_action_shows_as_pending_with_its_file(
    store_copy: Store, now: datetime, tmp_path: Path
) -> None:
    clue_id = _clue_id(store_copy, "status = 'handling' AND lead_unit = '320706001'")
    before = load_clue_detail(store_copy, clue_id)
    assert before is not None
    photo = tmp_path / "整改后.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 500)
    stored = store_file(store_copy, photo)
    take_action(
        store_copy,
        "xinhai",
        "laptop-1",
        Action.REPORT,
        before.code,
        {
            "result": "已整改完毕",
            "finding": "属实",
            "measures": "责令停产整改，清运污泥",
            "attachments": [{"sha256": stored.sha256, "name": photo.name}],
        },
        now=now,
    )
    detail = load_clue_detail(store_copy, clue_id)
    assert detail is not None
    assert detail.status is Status.REVIEWING and detail.result == "已整改完毕"
    assert detail.measures == "责令停产整改，清运污泥"
    last = detail.timeline[-1]
    assert last.pending and last.action == "report" and last.device_id == "laptop-1"
    assert (last.from_status, last.to_status) == ("handling", "reviewing")
    assert [e.pending for e in detail.timeline[:-1]] == [False] * (len(detail.timeline) - 1)
    assert len(detail.pending_actions) == 1 and detail.rejected_actions == ()
    assert detail.pending_actions[0].action == "report"
    *earlier, info = detail.attachments  # the clue's earlier files, then the new one
    assert tuple(earlier) == before.attachments
    assert (info.name, info.sha256, info.size) == ("整改后.png", stored.sha256, stored.size)
    assert info.media_type == "image/png" and info.is_image and info.present
    assert info.added_by == "xinhai" and info.added_at == now
    attachment_path(store_copy, stored.sha256).unlink()
    again = load_clue_detail(store_copy, clue_id)
    assert again is not None and not again.attachments[-1].present


def test_unknown_clue_is_none(demo_store: Store) -> None:
    assert load_clue_detail(demo_store, 10_000_000) is None
