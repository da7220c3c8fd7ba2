"""Reference data from the platform: the directory (units and users), rules and calendar."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import select

from desktop.domain.calendar import OfficeHours, YearCalendar
from desktop.domain.codes import Role, UnitKind
from desktop.domain.rules import Rules
from desktop.store.clue_rows import load_rules, save_calendar_year, save_rules
from desktop.store.database import Store
from desktop.store.models import Unit, User
from desktop.store.sync_apply.parse import (
    SyncDataError,
    as_list,
    as_mapping,
    field,
    text_field,
)
from desktop.store.sync_apply.state import get_value, put_value


def _unit_rows(units: Any) -> list[dict[str, Any]]:
    kinds = {k.value for k in UnitKind}
    rows = []
    for i, item in enumerate(as_list(units, "units")):
        where = f"units[{i}]"
        item = as_mapping(item, where)
        kind = text_field(item, "kind", where)
        if kind not in kinds:
            raise SyncDataError(f"{where}.kind", f"不是有效的单位类型：{kind!r}")
        rows.append(
            {
                "code": text_field(item, "code", where),
                "name": text_field(item, "name", where),
                "kind": kind,
                "parent_code": text_field(item, "parent_code", where, optional=True) or None,
                "county_code": text_field(item, "county_code", where, optional=True) or None,
            }
        )
    return rows


def _user_rows(users: Any) -> list[dict[str, Any]]:
    roles = {r.value for r in Role}
    rows = []
    for i, item in enumerate(as_list(users, "users")):
        where = f"users[{i}]"
        item = as_mapping(item, where)
        role = text_field(item, "role", where)
        if role not in roles:
            raise SyncDataError(f"{where}.role", f"不是有效的角色：{role!r}")
        rows.append(
            {
                "username": text_field(item, "username", where),
                "display_name": text_field(item, "display_name", where),
                "role": role,
                "unit_code": text_field(item, "unit_code", where),
            }
        )
    return rows


def save_directory(store: Store, data: Any) -> tuple[int, int]:
    """Keep the platform's units and users (parents first); returns (units, users) written."""
    data = as_mapping(data, "directory")
    units = _unit_rows(field(data, "units", "directory"))
    users = _user_rows(field(data, "users", "directory"))
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
    data = as_mapping(data, "rules")
    try:
        rules = Rules.from_dict(as_mapping(field(data, "rules", "rules"), "rules.rules"))
        years = [
            YearCalendar.from_dict(as_mapping(y, f"rules.calendar[{i}]"))
            for i, y in enumerate(as_list(field(data, "calendar", "rules"), "rules.calendar"))
        ]
    except SyncDataError:
        raise
    except ValueError as exc:
        raise SyncDataError("rules", str(exc)) from exc
    version = data.get("version")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        raise SyncDataError("rules.version", f"应为整数，而不是 {version!r}")
    with store.session() as session, session.begin():
        save_rules(session, rules)
        for year in years:
            save_calendar_year(session, year)
        put_value(session, "rules_version", version)
    return version


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
