"""Reference data from the platform: the directory (units and users), rules and calendar."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import select

from desktop.domain.calendar import OfficeHours, YearCalendar
from desktop.domain.rules import Rules
from desktop.store.clue_rows import load_rules, save_calendar_year, save_rules
from desktop.store.database import Store
from desktop.store.models import Unit, User
from desktop.store.sync_apply.state import get_value, put_value


def save_directory(store: Store, data: Any) -> tuple[int, int]:
    """Keep the platform's units and users (parents first); returns (units, users) written."""
    from desktop.store.sync_apply.parse import SyncDataError, checked  # the sync's parsers
    from desktop.wire.reference import Directory

    directory = checked(Directory, data, "directory")
    units = [unit.model_dump(mode="json") for unit in directory.units]
    users = [user.model_dump(mode="json") for user in directory.users]
    with store.session() as session, session.begin():
        placed = set(session.scalars(select(Unit.code)))
        pending = list(units)
        while pending:
            ready = [u for u in pending if u["parent_code"] is None or u["parent_code"] in placed]
            if not ready:
                raise SyncDataError("directory.units", f"上级单位不存在：{pending[0]['code']}")
            for unit in ready:
                session.merge(Unit(**unit))
            session.flush()
            placed.update(u["code"] for u in ready)
            pending = [u for u in pending if u["code"] not in placed]
        for user in users:
            if user["unit_code"] not in placed:
                raise SyncDataError("directory.users", f"用户 {user['username']} 的单位不存在")
            existing = session.get(User, user["username"])
            if existing is None:
                session.add(User(phone="", **user))
            else:
                for name, value in user.items():
                    setattr(existing, name, value)
    return len(units), len(users)


def save_platform_rules(store: Store, data: Any) -> int | None:
    """Keep the platform's rules and calendar years; returns the rules' version."""
    from desktop.store.sync_apply.parse import SyncDataError, checked  # the sync's parsers
    from desktop.wire.reference import RulesOut

    published = checked(RulesOut, data, "rules")
    try:
        rules = Rules.from_dict(published.rules)
        years = [YearCalendar.from_dict(year) for year in published.calendar]
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncDataError("rules", str(exc)) from exc
    version = published.version
    with store.session() as session, session.begin():
        save_rules(session, rules)
        for year in years:
            save_calendar_year(session, year)
        put_value(session, "rules_version", version)
    return version


def platform_office_hours(store: Store) -> OfficeHours | None:
    """The office hours of the platform's published rules once the store keeps them (they
    win over the settings' office hours), else None (the settings' hours apply)."""
    with store.session() as session:
        if get_value(session, "rules_version") is None:
            return None
        return load_rules(session).office_hours


def apply_local_office_hours(store: Store, hours: OfficeHours) -> bool:
    """Use the office hours from the settings until the platform publishes its rules.

    Returns whether they apply (False once the platform's rules are kept: those win, so
    that deadlines here and on the platform agree).
    """
    with store.session() as session, session.begin():
        if get_value(session, "rules_version") is not None:
            return False
        rules = load_rules(session)
        if rules.office_hours != hours:
            save_rules(session, replace(rules, office_hours=hours))
        return True
