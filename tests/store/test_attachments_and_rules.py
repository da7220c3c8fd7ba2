"""Attachments are stored once by digest; published rules and calendar years replace defaults."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.domain.calendar import OfficeHours, YearCalendar
from desktop.domain.codes import Priority
from desktop.domain.rules import Rules, TimeLimits
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action
from desktop.store.attachments import attach, attachment_path, copy_out, store_file, verify
from desktop.store.clue_rows import load_calendar, load_rules, save_calendar_year, save_rules
from desktop.store.database import Store
from desktop.store.local_actions import take_action
from desktop.store.models import Attachment, ClueAttachment, OutboxAction


def _register(store: Store, city: Any, now: datetime) -> str:
    township = city.unit(city.demo_accounts()["township"].unit_code)
    payload = {
        "channel": "hotline_12345",
        "received_at": now.isoformat(),
        "category": "noise",
        "description": "夜间施工噪声扰民",
        "address": "幸福路 12 号",
        "county_code": township.county_code,
    }
    username = city.demo_accounts()["township"].username
    return take_action(store, username, "dev", Action.REGISTER, None, payload, now=now).clue_code


def test_same_file_is_stored_once(
    fresh_store: Store, demo_city: Any, now: datetime, tmp_path: Path
) -> None:
    code = _register(fresh_store, demo_city, now)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 5000)
    again = tmp_path / "copy.jpg"
    again.write_bytes(photo.read_bytes())
    first, second = store_file(fresh_store, photo), store_file(fresh_store, again)
    assert first == second
    assert first.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert first.size == photo.stat().st_size and first.media_type == "image/jpeg"
    stored = attachment_path(fresh_store, first.sha256)
    assert stored.read_bytes() == photo.read_bytes()
    assert [p.name for p in fresh_store.attachments_dir.rglob("*") if p.is_file()] == [stored.name]
    with fresh_store.session() as session, session.begin():
        attach(session, code, first, photo.name, "xinhai", now)
        attach(session, code, second, again.name, "xinhai", now)
    with fresh_store.session() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 1
        assert session.scalar(select(ClueAttachment.name)) == "现场照片.jpg"
    assert verify(fresh_store, first.sha256)
    stored.write_bytes(b"tampered")
    assert not verify(fresh_store, first.sha256)
    assert copy_out(fresh_store, first.sha256, tmp_path / "out.bin").read_bytes() == b"tampered"


def test_an_action_attaches_the_files_it_cites_or_refuses_missing_ones(
    fresh_store: Store, demo_city: Any, now: datetime, tmp_path: Path
) -> None:
    photo = tmp_path / "整改前.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 1000)
    stored = store_file(fresh_store, photo)
    cited = [{"sha256": stored.sha256, "name": photo.name}]
    township = demo_city.demo_accounts()["township"]
    payload = {
        "channel": "hotline_12345",
        "received_at": now.isoformat(),
        "category": "noise",
        "description": "夜间施工噪声扰民",
        "address": "幸福路 12 号",
        "county_code": demo_city.unit(township.unit_code).county_code,
    }
    missing = [{"sha256": "0" * 64, "name": "丢失.jpg"}]
    with pytest.raises(ValidationError) as refused:
        take_action(
            fresh_store,
            township.username,
            "dev",
            Action.REGISTER,
            None,
            {**payload, "attachments": missing},
            now=now,
        )
    assert refused.value.field == "attachments" and "丢失.jpg" in str(refused.value)
    with fresh_store.session() as session:
        assert session.scalar(select(func.count()).select_from(OutboxAction)) == 0
    code = take_action(
        fresh_store,
        township.username,
        "dev",
        Action.REGISTER,
        None,
        {**payload, "attachments": cited},
        now=now,
    ).clue_code
    with fresh_store.session() as session:
        assert session.scalars(select(ClueAttachment.name)).all() == ["整改前.jpg"]
        queued = session.scalars(select(OutboxAction.payload)).one()
    assert queued["attachments"] == cited and queued["description"] == "夜间施工噪声扰民"
    assert code.startswith("临")


def test_published_rules_and_calendar_replace_the_defaults(fresh_store: Store) -> None:
    with fresh_store.session() as session:
        assert load_rules(session) == Rules()
        default = load_calendar(session)
        assert not default.is_confirmed(2027)
        assert default.is_working_day(date(2027, 1, 1))
    published = Rules(
        limits=TimeLimits(
            handle_days={Priority.NORMAL: 15, Priority.URGENT: 5, Priority.CRITICAL: 2}
        ),
        office_hours=OfficeHours(((time(9), time(12)), (time(13), time(17)))),
    )
    year = YearCalendar(2027, holidays=frozenset({date(2027, 1, 1)}), source="平台发布")
    with fresh_store.session() as session, session.begin():
        save_rules(session, published)
        save_calendar_year(session, year)
    with fresh_store.session() as session:
        rules = load_rules(session)
        calendar = load_calendar(session)
    assert rules.limits.handle_days_for(Priority.NORMAL) == 15
    assert calendar.is_confirmed(2027) and not calendar.is_working_day(date(2027, 1, 1))
    assert calendar.office_hours.closing == time(17)
    start = datetime(2026, 12, 31, 10, 0, tzinfo=CHINA_TZ)
    assert calendar.deadline_after(start, 1) == datetime(2027, 1, 4, 17, 0, tzinfo=CHINA_TZ)


def test_local_office_hours_apply_until_the_platform_publishes_rules(fresh_store: Store) -> None:
    from desktop.store.sync_apply import apply_local_office_hours, save_platform_rules

    late = OfficeHours(((time(9, 0), time(12, 0)), (time(14, 0), time(18, 0))))
    assert apply_local_office_hours(fresh_store, late)
    with fresh_store.session() as session:
        assert load_rules(session).office_hours == late
        assert load_calendar(session).office_hours == late
    save_platform_rules(fresh_store, {"version": 3, "rules": Rules().to_dict(), "calendar": []})
    assert not apply_local_office_hours(fresh_store, late)  # the platform's rules win
    with fresh_store.session() as session:
        assert load_rules(session).office_hours == Rules().office_hours
