"""Authentication: login with throttling, rotating device-bound refresh tokens, logout,
and the dependency that turns a bearer token into the calling user."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from cityplatform.context import Platform, platform_of
from cityplatform.domainmap import unit_info
from cityplatform.errors import ApiError
from cityplatform.jsonresp import FastJSONResponse
from cityplatform.models import LoginFailure, RefreshToken, TokenFamily, Unit, User
from cityplatform.scope import Viewer
from cityplatform.security import (
    TokenExpired,
    TokenInvalid,
    issue_access_token,
    new_refresh_token,
    read_access_token,
    refresh_token_hash,
    verify_password,
)
from desktop.domain.codes import Role
from desktop.domain.units import UnitInfo

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])

BEARER = {"WWW-Authenticate": "Bearer"}


class StrictModel(BaseModel):
    """A request body: strict types, unknown fields refused."""

    model_config = ConfigDict(strict=True, extra="forbid")


class LoginBody(StrictModel):
    """POST /auth/login."""

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    device_id: str = Field(min_length=1, max_length=64)
    device_name: str = Field(default="", max_length=100)


class RefreshBody(StrictModel):
    """POST /auth/refresh."""

    refresh_token: str = Field(min_length=1, max_length=200)
    device_id: str = Field(min_length=1, max_length=64)


class LogoutBody(StrictModel):
    """POST /auth/logout (optional when a bearer token is sent)."""

    refresh_token: str | None = Field(default=None, max_length=200)
    device_id: str | None = Field(default=None, max_length=64)


class UserOut(BaseModel):
    """A user as the protocol shows them."""

    username: str
    display_name: str
    role: str
    unit_code: str


class TokenPair(BaseModel):
    """The answer of login and refresh."""

    access_token: str
    access_expires_at: str
    refresh_token: str
    refresh_expires_at: str
    user: UserOut


def _unauthorized(code: str, message: str) -> ApiError:
    return ApiError(401, code, message, headers=BEARER)


def user_json(user: User) -> dict[str, Any]:
    """The protocol's user object."""
    return {
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "unit_code": user.unit_code,
    }


def _issue_pair(
    session: Session, platform: Platform, user: User, family: TokenFamily, now: datetime
) -> dict[str, Any]:
    settings = platform.settings
    refresh = new_refresh_token()
    refresh_expires = now + settings.refresh_ttl
    session.add(
        RefreshToken(
            token_hash=refresh_token_hash(refresh),
            family_id=family.id,
            created_at=now,
            expires_at=refresh_expires,
            used_at=None,
        )
    )
    access_expires = now + settings.access_ttl
    access = issue_access_token(
        platform.secret(), user.username, family.id, family.device_id, now, access_expires
    )
    return {
        "access_token": access,
        "access_expires_at": access_expires.isoformat(),
        "refresh_token": refresh,
        "refresh_expires_at": refresh_expires.isoformat(),
        "user": user_json(user),
    }


def revoke_device(session: Session, username: str, device_id: str, now: datetime, why: str) -> None:
    """Revoke every live token family of a user on a device; caller commits."""
    session.execute(
        update(TokenFamily)
        .where(
            TokenFamily.username == username,
            TokenFamily.device_id == device_id,
            TokenFamily.revoked_at.is_(None),
        )
        .values(revoked_at=now, revoked_reason=why)
    )


def revoke_user(session: Session, username: str, now: datetime, why: str) -> None:
    """Revoke every live token family of a user; caller commits."""
    session.execute(
        update(TokenFamily)
        .where(TokenFamily.username == username, TokenFamily.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason=why)
    )


def _throttle(session: Session, platform: Platform, username: str, now: datetime) -> None:
    settings = platform.settings
    since = now - settings.login_window
    count, oldest = session.execute(
        select(func.count(), func.min(LoginFailure.at)).where(
            LoginFailure.username == username, LoginFailure.at > since
        )
    ).one()
    if count >= settings.login_failures and oldest is not None:
        wait = (oldest + settings.login_window - now).total_seconds()
        seconds = max(1, math.ceil(wait))
        minutes = max(1, math.ceil(seconds / 60))
        raise ApiError(
            429,
            "too_many_attempts",
            f"登录失败次数过多，请 {minutes} 分钟后再试",
            headers={"Retry-After": str(seconds)},
        )


@router.post("/login", response_model=TokenPair, summary="登录")
def login(body: LoginBody, request: Request) -> FastJSONResponse:
    """Log in on a device; 5 failures in 15 minutes per user name answer 429."""
    platform = platform_of(request)
    now = platform.now()
    username = body.username.strip()
    with platform.db.read() as session:
        _throttle(session, platform, username, now)
        user = session.get(User, username)
        stored = user.password_hash if user is not None else None
    if not verify_password(stored, body.password) or user is None:
        with platform.db.write() as session:
            session.execute(
                delete(LoginFailure).where(
                    LoginFailure.username == username,
                    LoginFailure.at <= now - platform.settings.login_window,
                )
            )
            session.add(LoginFailure(username=username, at=now))
            session.commit()
        raise _unauthorized("bad_credentials", "用户名或密码错误")
    if user.disabled:
        raise _unauthorized("user_disabled", "该账号已停用，请联系管理员")
    with platform.db.write() as session:
        session.execute(delete(LoginFailure).where(LoginFailure.username == username))
        revoke_device(session, username, body.device_id, now, "relogin")
        family = TokenFamily(
            username=username,
            device_id=body.device_id,
            device_name=body.device_name,
            created_at=now,
            last_used_at=now,
            revoked_at=None,
            revoked_reason="",
        )
        session.add(family)
        session.flush()
        pair = _issue_pair(session, platform, user, family, now)
        session.commit()
    return FastJSONResponse(pair)


@router.post("/refresh", response_model=TokenPair, summary="刷新令牌")
def refresh(body: RefreshBody, request: Request) -> FastJSONResponse:
    """Exchange a refresh token for a new pair; a reused one revokes the device's tokens."""
    platform = platform_of(request)
    now = platform.now()
    with platform.db.write() as session:
        token = session.execute(
            select(RefreshToken)
            .where(RefreshToken.token_hash == refresh_token_hash(body.refresh_token))
            .with_for_update()
        ).scalar_one_or_none()
        if token is None:
            raise _unauthorized("refresh_revoked", "刷新令牌无效，请重新登录")
        family = session.get(TokenFamily, token.family_id, with_for_update=True)
        assert family is not None  # foreign key
        if family.device_id != body.device_id:
            raise _unauthorized("refresh_revoked", "刷新令牌不属于此设备，请重新登录")
        user = session.get(User, family.username)
        assert user is not None  # foreign key
        if user.disabled:
            raise _unauthorized("user_disabled", "该账号已停用，请联系管理员")
        if family.revoked_at is not None:
            raise _unauthorized("refresh_revoked", "登录已失效，请重新登录")
        if token.used_at is not None:
            revoke_device(session, family.username, family.device_id, now, "reused")
            session.commit()
            raise _unauthorized("refresh_reused", "刷新令牌已被使用过，为安全起见请重新登录")
        if token.expires_at <= now:
            raise _unauthorized("refresh_expired", "登录已过期，请重新登录")
        token.used_at = now
        family.last_used_at = now
        pair = _issue_pair(session, platform, user, family, now)
        session.commit()
    return FastJSONResponse(pair)


@router.post("/logout", summary="注销本设备")
def logout(request: Request, body: LogoutBody | None = None) -> FastJSONResponse:
    """Revoke the device's tokens (by bearer token, even expired, or by refresh token)."""
    platform = platform_of(request)
    now = platform.now()
    token = _bearer(request)
    with platform.db.write() as session:
        family: TokenFamily | None = None
        if token:
            try:
                claims = read_access_token(platform.secret(), token, now, allow_expired=True)
            except TokenInvalid:
                raise _unauthorized("token_invalid", "访问令牌无效") from None
            family = session.get(TokenFamily, claims.family_id)
        elif body is not None and body.refresh_token:
            row = session.get(RefreshToken, refresh_token_hash(body.refresh_token))
            family = session.get(TokenFamily, row.family_id) if row is not None else None
            if family is not None and body.device_id and family.device_id != body.device_id:
                family = None
        if family is None:
            raise _unauthorized("token_invalid", "无法识别要注销的登录")
        revoke_device(session, family.username, family.device_id, now, "logout")
        session.commit()
    return FastJSONResponse({"status": "ok"})


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return ""
    return token.strip()


@dataclass(frozen=True)
class Caller:
    """The authenticated user of a request, with their unit, device and scope."""

    username: str
    display_name: str
    role: Role
    unit: UnitInfo
    device_id: str
    family_id: int
    scope_epoch: int

    @property
    def viewer(self) -> Viewer:
        """The user as scope sees them."""
        return Viewer(self.username, self.role, self.unit)

    def user_json(self) -> dict[str, Any]:
        """The protocol's user object."""
        return {
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role.value,
            "unit_code": self.unit.code,
        }


def authenticate(request: Request) -> Caller:
    """The caller of a request, from its bearer access token (dependency of /api/v1)."""
    platform = platform_of(request)
    token = _bearer(request)
    if not token:
        raise _unauthorized("token_invalid", "缺少访问令牌，请先登录")
    try:
        claims = read_access_token(platform.secret(), token, platform.now())
    except TokenExpired:
        raise _unauthorized("token_expired", "访问令牌已过期，请刷新") from None
    except TokenInvalid:
        raise _unauthorized("token_invalid", "访问令牌无效") from None
    with platform.db.read() as session:
        found = session.execute(
            select(User, Unit, TokenFamily.revoked_at, TokenFamily.username, TokenFamily.device_id)
            .join(Unit, Unit.code == User.unit_code)
            .join(TokenFamily, TokenFamily.id == claims.family_id)
            .where(User.username == claims.username)
        ).one_or_none()
    if found is None:
        raise _unauthorized("token_invalid", "访问令牌无效")
    user, unit, revoked_at, family_user, family_device = found
    if family_user != claims.username or family_device != claims.device_id:
        raise _unauthorized("token_invalid", "访问令牌无效")
    if user.disabled:
        raise _unauthorized("user_disabled", "该账号已停用，请联系管理员")
    if revoked_at is not None:
        raise _unauthorized("token_invalid", "登录已注销，请重新登录")
    return Caller(
        username=user.username,
        display_name=user.display_name,
        role=Role(user.role),
        unit=unit_info(unit),
        device_id=claims.device_id,
        family_id=claims.family_id,
        scope_epoch=user.scope_epoch,
    )


CallerDep = Annotated[Caller, Depends(authenticate)]
"""A route parameter receiving the authenticated caller."""
