"""Administration: user accounts and the published rules and calendar."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import delete

from cityplatform import audit
from cityplatform.audit import CLI_ACTOR, AuditActor
from cityplatform.auth import revoke_user
from cityplatform.db import Database
from cityplatform.domainmap import RULES_NAME
from cityplatform.models import CalendarYear, LoginFailure, RuleSet, Unit, User
from cityplatform.security import DEFAULT_HASHER, hash_password
from cityplatform.state import RULES_VERSION, get_setting, put_setting
from desktop.domain.calendar import YearCalendar
from desktop.domain.codes import Role
from desktop.domain.rules import Rules
from desktop.domain.timeutil import china_now


class UserError(ValueError):
    """An administrative request that cannot be done, explained in Chinese."""


def _admin(details: dict[str, Any]) -> dict[str, Any]:
    """Details of an administrative entry, with the operating-system account that ran it."""
    return {**details, "os_user": audit.os_user()}


def _role(text: str) -> Role:
    try:
        return Role.from_text(text)
    except ValueError:
        options = "、".join(f"{r.value}（{r.label}）" for r in Role)
        raise UserError(f"角色「{text}」无效，可选：{options}") from None


def add_user(
    db: Database,
    *,
    username: str,
    unit_code: str,
    role: str,
    password: str,
    display_name: str = "",
    hasher: PasswordHasher = DEFAULT_HASHER,
    actor: AuditActor = CLI_ACTOR,
) -> None:
    """Create an account."""
    name = username.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise UserError("用户名应为 1 到 64 个字符且不含空白")
    parsed = _role(role)
    with db.write() as session:
        if session.get(Unit, unit_code) is None:
            raise UserError(f"单位编码「{unit_code}」不存在")
        if session.get(User, name) is not None:
            raise UserError(f"用户 {name} 已存在")
        session.add(
            User(
                username=name,
                display_name=(display_name or name)[:50],
                password_hash=hash_password(password, hasher),
                role=parsed.value,
                unit_code=unit_code,
                phone="",
                disabled=False,
                scope_epoch=1,
                created_at=china_now(),
            )
        )
        details = {"target": name, "unit_code": unit_code, "role": parsed.value}
        audit.append(session, audit.USER_ADD, actor, _admin(details), china_now())
        session.commit()


def _user(session: Any, username: str) -> User:
    user = session.get(User, username)
    if user is None:
        raise UserError(f"用户 {username} 不存在")
    assert isinstance(user, User)
    return user


def set_password(
    db: Database,
    username: str,
    password: str,
    *,
    hasher: PasswordHasher = DEFAULT_HASHER,
    actor: AuditActor = CLI_ACTOR,
) -> None:
    """Set a new password (and clear the failed-login record)."""
    with db.write() as session:
        user = _user(session, username)
        user.password_hash = hash_password(password, hasher)
        session.execute(delete(LoginFailure).where(LoginFailure.username == username))
        audit.append(session, audit.USER_PASSWD, actor, _admin({"target": username}), china_now())
        session.commit()


def disable_user(db: Database, username: str, *, actor: AuditActor = CLI_ACTOR) -> None:
    """Disable an account and revoke all its tokens."""
    now = china_now()
    with db.write() as session:
        user = _user(session, username)
        user.disabled = True
        revoked = revoke_user(session, username, now, "disabled")
        details = {"target": username, "revoked_logins": revoked}
        audit.append(session, audit.USER_DISABLE, actor, _admin(details), now)
        session.commit()


def move_user(
    db: Database,
    username: str,
    unit_code: str,
    *,
    role: str | None = None,
    actor: AuditActor = CLI_ACTOR,
) -> int:
    """Move a user to another unit (and role); their scope epoch changes. Returns the epoch."""
    with db.write() as session:
        user = _user(session, username)
        if session.get(Unit, unit_code) is None:
            raise UserError(f"单位编码「{unit_code}」不存在")
        new_role = _role(role).value if role else user.role
        if user.unit_code == unit_code and user.role == new_role:
            raise UserError(f"用户 {username} 已在单位 {unit_code}，角色未变")
        details = {
            "target": username,
            "from_unit": user.unit_code,
            "to_unit": unit_code,
            "from_role": user.role,
            "to_role": new_role,
            "scope_epoch": user.scope_epoch + 1,
        }
        user.unit_code = unit_code
        user.role = new_role
        user.scope_epoch += 1
        epoch = user.scope_epoch
        audit.append(session, audit.USER_MOVE, actor, _admin(details), china_now())
        session.commit()
    return epoch


def parse_calendar_file(data: Any) -> tuple[Rules | None, list[YearCalendar]]:
    """Validate {"rules": {...}, "calendar": [...]}; UserError names the bad entry."""
    if not isinstance(data, Mapping):
        raise UserError('文件内容应为对象：{"rules": {...}, "calendar": [...]}')
    unknown = sorted(set(data) - {"rules", "calendar"})
    if unknown:
        raise UserError(f"文件中有不认识的字段：{'、'.join(unknown)}")
    if "rules" not in data and "calendar" not in data:
        raise UserError("文件中既没有 rules 也没有 calendar")
    rules = None
    if "rules" in data:
        try:
            rules = Rules.from_dict(data["rules"])
        except ValueError as exc:
            raise UserError(f"rules 无效：{exc}") from exc
    raw_years = data.get("calendar", [])
    if not isinstance(raw_years, list):
        raise UserError("calendar 应为年度日历的列表")
    years: list[YearCalendar] = []
    seen: set[int] = set()
    for index, raw in enumerate(raw_years):
        try:
            year = YearCalendar.from_dict(raw)
        except ValueError as exc:
            raise UserError(f"calendar 第 {index + 1} 项无效：{exc}") from exc
        if year.year in seen:
            raise UserError(f"calendar 第 {index + 1} 项：{year.year} 年重复")
        seen.add(year.year)
        years.append(year)
    return rules, years


def import_calendar(
    db: Database, data: Any, *, actor: AuditActor = CLI_ACTOR
) -> tuple[int, list[int]]:
    """Store the rules and calendar years of a calendar file; returns the new rules version."""
    rules, years = parse_calendar_file(data)
    with db.write() as session:
        if rules is not None:
            row = session.get(RuleSet, RULES_NAME)
            if row is None:
                session.add(RuleSet(name=RULES_NAME, data=rules.to_dict()))
            else:
                row.data = rules.to_dict()
        for year in years:
            existing = session.get(CalendarYear, year.year)
            if existing is None:
                session.add(CalendarYear(year=year.year, data=year.to_dict()))
            else:
                existing.data = year.to_dict()
        version = int(get_setting(session, RULES_VERSION, "1") or 1) + 1
        put_setting(session, RULES_VERSION, str(version))
        details = {
            "rules_changed": rules is not None,
            "calendar_years": sorted(year.year for year in years),
            "rules_version": version,
            "content_sha256": hashlib.sha256(audit.canonical(data).encode()).hexdigest(),
        }
        audit.append(session, audit.RULES_IMPORT, actor, _admin(details), china_now())
        session.commit()
    known = sorted(year.year for year in years)
    return version, known
