"""Authentication: login with throttling, rotating device-bound refresh tokens, logout,
and the dependency that turns a bearer token into the calling user."""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Row, Select, bindparam, delete, func, select, update
from sqlalchemy.orm import Session
from starlette.responses import Response

from cityplatform import audit
from cityplatform.audit import AuditActor
from cityplatform.context import Platform, platform_of
from cityplatform.device_policy import encrypt_store
from cityplatform.errors import COMMON_ERRORS, ApiError, error_responses
from cityplatform.jsonresp import wire_response
from cityplatform.models import (
    LoginFailure,
    RefreshToken,
    RevokedDevice,
    TokenFamily,
    Unit,
    User,
)
from cityplatform.scope import Viewer
from cityplatform.security import (
    AccessClaims,
    TokenInvalid,
    issue_access_token,
    new_refresh_token,
    read_access_token,
    refresh_token_hash,
    verify_password,
)
from cityplatform.token_cache import ClaimsCache
from desktop.domain.codes import Post, Role, UnitKind
from desktop.domain.units import UnitInfo
from desktop.wire.devices import DEVICE_REVOKED
from desktop.wire.reference import LoginRequest as LoginBody
from desktop.wire.reference import LogoutAnswer, TokenPair, UserOut
from desktop.wire.reference import LogoutRequest as LogoutBody
from desktop.wire.reference import RefreshRequest as RefreshBody

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])

BEARER = {"WWW-Authenticate": "Bearer"}


def _unauthorized(code: str, message: str) -> ApiError:
    return ApiError(401, code, message, headers=BEARER)


REVOKED_MESSAGE = "本设备已被平台停用，请联系本单位管理员"


class DeviceRevoked(ApiError):
    """403 device_revoked: the answer to every contact of a revoked device."""

    def __init__(self, device_id: str, username: str = "") -> None:
        super().__init__(403, DEVICE_REVOKED, REVOKED_MESSAGE)
        self.device_id = device_id
        self.username = username


def device_is_revoked(session: Session, device_id: str) -> bool:
    """Whether the platform's administrators revoked this device."""
    return session.get(RevokedDevice, device_id) is not None


def note_told(session: Session, device_id: str, now: datetime) -> None:
    """Note that a contact of a revoked device was answered `device_revoked`; caller commits."""
    session.execute(
        update(RevokedDevice).where(RevokedDevice.device_id == device_id).values(last_told_at=now)
    )


def user_json(user: User) -> dict[str, Any]:
    """The protocol's user object."""
    return {name: getattr(user, name) for name in UserOut.model_fields}


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
    jti = secrets.token_hex(8)
    access = issue_access_token(
        platform.secret(), user.username, family.id, family.device_id, now, access_expires, jti
    )
    family.fresh_jti = jti  # until this access token is first used (see authenticate)
    return {
        "access_token": access,
        "access_expires_at": access_expires.isoformat(),
        "refresh_token": refresh,
        "refresh_expires_at": refresh_expires.isoformat(),
        "user": user_json(user),
        "encrypt_store": encrypt_store(session, family.device_kind),
    }


def revoke_device(session: Session, username: str, device_id: str, now: datetime, why: str) -> int:
    """Revoke every live token family of a user on a device; how many. Caller commits."""
    result = session.execute(
        update(TokenFamily)
        .where(
            TokenFamily.username == username,
            TokenFamily.device_id == device_id,
            TokenFamily.revoked_at.is_(None),
        )
        .values(revoked_at=now, revoked_reason=why)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def revoke_user(session: Session, username: str, now: datetime, why: str) -> int:
    """Revoke every live token family of a user; how many. Caller commits."""
    result = session.execute(
        update(TokenFamily)
        .where(TokenFamily.username == username, TokenFamily.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason=why)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _login_refused(
    session: Session, body: LoginBody, username: str, known: bool, result: str, now: datetime
) -> None:
    """Audit a refused login (the user name only when it is an account's); caller commits."""
    details: dict[str, Any] = {"result": result, "device_name": body.device_name}
    if not known:
        details["unknown_user"] = True
    actor = AuditActor(username if known else "", body.device_id)
    audit.append(session, audit.LOGIN_FAILED, actor, details, now)


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


@router.post(
    "/login",
    response_model=TokenPair,
    responses=error_responses(*COMMON_ERRORS, 401, 403, 422, 429),
    summary="登录",
)
def login(body: LoginBody, request: Request) -> Response:
    """Log in on a device; 5 failures in 15 minutes per user name answer 429."""
    platform = platform_of(request)
    now = platform.now()
    username = body.username.strip()
    with platform.db.read() as session:
        device_revoked = device_is_revoked(session, body.device_id)
        user = session.get(User, username)
        stored = user.password_hash if user is not None else None
        try:
            _throttle(session, platform, username, now)
        except ApiError as exc:
            throttled: ApiError | None = exc
        else:
            throttled = None
    if device_revoked:  # before the password: a revoked device never logs in again
        with platform.db.write() as session:
            note_told(session, body.device_id, now)
            _login_refused(session, body, username, user is not None, DEVICE_REVOKED, now)
            session.commit()
        raise DeviceRevoked(body.device_id)
    if throttled is not None:
        with platform.db.write() as session:
            _login_refused(session, body, username, user is not None, "too_many_attempts", now)
            session.commit()
        raise throttled
    if not verify_password(stored, body.password) or user is None:
        with platform.db.write() as session:
            session.execute(
                delete(LoginFailure).where(
                    LoginFailure.username == username,
                    LoginFailure.at <= now - platform.settings.login_window,
                )
            )
            session.add(LoginFailure(username=username, at=now))
            _login_refused(session, body, username, user is not None, "bad_credentials", now)
            session.commit()
        raise _unauthorized("bad_credentials", "用户名或密码错误")
    if user.disabled:
        with platform.db.write() as session:
            _login_refused(session, body, username, True, "user_disabled", now)
            session.commit()
        raise _unauthorized("user_disabled", "该账号已停用，请联系管理员")
    with platform.db.write() as session:
        session.execute(delete(LoginFailure).where(LoginFailure.username == username))
        revoked = revoke_device(session, username, body.device_id, now, "relogin")
        family = TokenFamily(
            username=username,
            device_id=body.device_id,
            device_name=body.device_name,
            device_kind=body.device_kind,
            created_at=now,
            last_used_at=now,
            revoked_at=None,
            revoked_reason="",
        )
        session.add(family)
        session.flush()
        pair = _issue_pair(session, platform, user, family, now)
        audit.append(
            session,
            audit.LOGIN,
            AuditActor(username, body.device_id),
            {
                "device_name": body.device_name,
                "device_kind": body.device_kind,
                "family_id": family.id,
                "revoked_logins": revoked,
            },
            now,
        )
        session.commit()
    return wire_response(TokenPair, pair)


@router.post(
    "/refresh",
    response_model=TokenPair,
    responses=error_responses(*COMMON_ERRORS, 401, 403, 422),
    summary="刷新令牌",
)
def refresh(body: RefreshBody, request: Request) -> Response:
    """Exchange a refresh token for a new pair; a reused one revokes the device's tokens."""
    platform = platform_of(request)
    now = platform.now()
    with platform.db.write() as session:
        if device_is_revoked(session, body.device_id):
            note_told(session, body.device_id, now)
            audit.append(
                session,
                audit.REFRESH_REFUSED,
                AuditActor("", body.device_id),
                {"why": DEVICE_REVOKED, "result": DEVICE_REVOKED},
                now,
            )
            session.commit()
            raise DeviceRevoked(body.device_id)
        token = session.execute(
            select(RefreshToken)
            .where(RefreshToken.token_hash == refresh_token_hash(body.refresh_token))
            .with_for_update()
        ).scalar_one_or_none()
        if token is None:
            raise _refresh_refused(
                session,
                AuditActor("", body.device_id),
                now,
                ("refresh_revoked", "刷新令牌无效，请重新登录"),
                {"why": "unknown_token"},
            )
        family = session.get(TokenFamily, token.family_id, with_for_update=True)
        assert family is not None  # foreign key
        actor = AuditActor(family.username, body.device_id)
        known = {"family_id": family.id}
        if family.device_id != body.device_id:
            raise _refresh_refused(
                session,
                actor,
                now,
                ("refresh_revoked", "刷新令牌不属于此设备，请重新登录"),
                {**known, "why": "other_device", "token_device": family.device_id},
            )
        user = session.get(User, family.username)
        assert user is not None  # foreign key
        if user.disabled:
            raise _refresh_refused(
                session,
                actor,
                now,
                ("user_disabled", "该账号已停用，请联系管理员"),
                {**known, "why": "user_disabled"},
            )
        if family.revoked_at is not None:
            raise _refresh_refused(
                session,
                actor,
                now,
                ("refresh_revoked", "登录已失效，请重新登录"),
                {**known, "why": family.revoked_reason or "revoked"},
            )
        if token.used_at is not None:
            successor = (
                session.get(RefreshToken, token.replaced_by, with_for_update=True)
                if token.replaced_by
                else None
            )
            theft = _reuse_is_theft(platform, family, token, successor, now)
            if theft or successor is None:
                revoked = revoke_device(session, family.username, family.device_id, now, "reused")
                details = {**known, "why": theft or "no_successor", "revoked_logins": revoked}
                audit.append(session, audit.REFRESH_REUSED, actor, details, now)
                session.commit()
                raise _unauthorized("refresh_reused", "刷新令牌已被使用过，为安全起见请重新登录")
            # The answer of the last rotation was lost: answer a fresh pair once, and
            # discard the successor nobody ever used (presenting it later is reuse).
            rotated_at = token.used_at
            successor.used_at = now
            token.grace_used_at = now
            family.last_used_at = now
            pair = _issue_pair(session, platform, user, family, now)
            token.replaced_by = refresh_token_hash(pair["refresh_token"])
            details = {**known, "rotated_at": audit.time_text(rotated_at)}
            audit.append(session, audit.REFRESH_GRACE, actor, details, now)
            session.commit()
            return wire_response(TokenPair, pair)
        if token.expires_at <= now:
            raise _refresh_refused(
                session,
                actor,
                now,
                ("refresh_expired", "登录已过期，请重新登录"),
                {**known, "why": "expired"},
            )
        token.used_at = now
        family.last_used_at = now
        pair = _issue_pair(session, platform, user, family, now)
        token.replaced_by = refresh_token_hash(pair["refresh_token"])
        audit.append(session, audit.REFRESH, actor, known, now)
        session.commit()
    return wire_response(TokenPair, pair)


def _refresh_refused(
    session: Session,
    actor: AuditActor,
    now: datetime,
    answer: tuple[str, str],
    details: dict[str, Any],
) -> ApiError:
    """Audit a refused refresh and commit; the 401 (code, message) to raise."""
    code, message = answer
    audit.append(session, audit.REFRESH_REFUSED, actor, {**details, "result": code}, now)
    session.commit()
    return _unauthorized(code, message)


def _reuse_is_theft(
    platform: Platform,
    family: TokenFamily,
    token: RefreshToken,
    successor: RefreshToken | None,
    now: datetime,
) -> str:
    """Why presenting an already rotated token is theft ("" when the grace applies).

    The grace: within `refresh_grace` of its rotation, once, while neither the refresh
    token it was rotated into nor the access token issued with it was ever used.
    """
    if token.grace_used_at is not None:
        return "presented_again"
    if successor is None:
        return "successor_discarded"
    if successor.used_at is not None:
        return "successor_used"
    if family.fresh_jti is None:
        return "successor_access_used"
    assert token.used_at is not None
    if now - token.used_at > platform.settings.refresh_grace:
        return "outside_grace_window"
    return ""


@router.post(
    "/logout",
    response_model=LogoutAnswer,
    responses=error_responses(*COMMON_ERRORS, 401, 422),
    summary="注销本设备",
)
def logout(request: Request, body: LogoutBody | None = None) -> Response:
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
        revoked = revoke_device(session, family.username, family.device_id, now, "logout")
        audit.append(
            session,
            audit.LOGOUT,
            AuditActor(family.username, family.device_id),
            {"family_id": family.id, "revoked_logins": revoked},
            now,
        )
        session.commit()
    return wire_response(LogoutAnswer, {"status": "ok"})


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
    post: Post = Post.HEAD

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
            "post": self.post.value,
        }


def _access_token_used(platform: Platform, family_id: int, jti: str) -> None:
    """Note the first use of a login's newest access token: its answer was not lost, so the
    refresh grace no longer applies (one small write per access token)."""
    with platform.db.write() as session:
        session.execute(
            update(TokenFamily)
            .where(TokenFamily.id == family_id, TokenFamily.fresh_jti == jti)
            .values(fresh_jti=None)
        )
        session.commit()


BEARER_SCHEME = HTTPBearer(
    auto_error=False,
    scheme_name="accessToken",
    description="登录或刷新得到的访问令牌（access_token），放在 Authorization: Bearer 中",
)
"""The access token as OpenAPI declares it (checked by `authenticate`, not by FastAPI)."""


CLAIMS = ClaimsCache()
"""This process's verified access-token claims (what may change is read on every request)."""


def access_claims(platform: Platform, token: str) -> AccessClaims:
    """The claims of a bearer access token, signature checked (once per token and process)
    and expiry checked against the platform clock (on every request); 401 otherwise."""
    if not token:
        raise _unauthorized("token_invalid", "缺少访问令牌，请先登录")
    try:
        claims = CLAIMS.claims(platform.secret(), token)
    except TokenInvalid:
        raise _unauthorized("token_invalid", "访问令牌无效") from None
    if platform.now().timestamp() >= claims.expires:
        raise _unauthorized("token_expired", "访问令牌已过期，请刷新")
    return claims


def caller_select(*extra: Any) -> Select[*tuple[Any, ...]]:
    """One SELECT of what a request's caller is now: user, unit, login and device state (bind
    `username`, `family_id`, `device_id`), with `extra` columns read in the same round trip."""
    return (
        select(
            User.username,
            User.display_name,
            User.role,
            User.post,
            User.disabled,
            User.scope_epoch,
            Unit.code.label("unit_code"),
            Unit.name.label("unit_name"),
            Unit.kind.label("unit_kind"),
            Unit.parent_code,
            Unit.county_code,
            Unit.legal_name,
            Unit.review_body,
            Unit.court,
            TokenFamily.revoked_at,
            TokenFamily.username.label("family_user"),
            TokenFamily.device_id.label("family_device"),
            TokenFamily.fresh_jti,
            RevokedDevice.device_id.label("revoked_device"),
            *extra,
        )
        .join(Unit, Unit.code == User.unit_code)
        .join(TokenFamily, TokenFamily.id == bindparam("family_id"))
        .outerjoin(RevokedDevice, RevokedDevice.device_id == bindparam("device_id"))
        .where(User.username == bindparam("username"))
    )


_CALLER = caller_select()


def caller_params(claims: AccessClaims) -> dict[str, Any]:
    """The parameters of `caller_select` for a token's claims."""
    return {
        "username": claims.username,
        "family_id": claims.family_id,
        "device_id": claims.device_id,
    }


def caller_from_row(platform: Platform, claims: AccessClaims, row: Row[Any] | None) -> Caller:
    """The caller a row of `caller_select` describes, or the refusal it calls for (401, or
    403 device_revoked, noted as told); notes the first use of a fresh access token."""
    if row is None:
        raise _unauthorized("token_invalid", "访问令牌无效")
    if row.family_user != claims.username or row.family_device != claims.device_id:
        raise _unauthorized("token_invalid", "访问令牌无效")
    if row.revoked_device is not None:
        with platform.db.write() as session:
            note_told(session, claims.device_id, platform.now())
            session.commit()
        raise DeviceRevoked(claims.device_id, claims.username)
    if row.disabled:
        raise _unauthorized("user_disabled", "该账号已停用，请联系管理员")
    if row.revoked_at is not None:
        raise _unauthorized("token_invalid", "登录已注销，请重新登录")
    if claims.jti and claims.jti == row.fresh_jti:
        _access_token_used(platform, claims.family_id, claims.jti)
    unit = UnitInfo(
        code=row.unit_code,
        name=row.unit_name,
        kind=UnitKind(row.unit_kind),
        parent_code=row.parent_code,
        county_code=row.county_code,
        legal_name=row.legal_name or "",
        review_body=row.review_body or "",
        court=row.court or "",
    )
    return Caller(
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        unit=unit,
        device_id=claims.device_id,
        family_id=claims.family_id,
        scope_epoch=row.scope_epoch,
        post=Post(row.post),
    )


def authenticate(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER_SCHEME)],
) -> Caller:
    """The caller of a request, from its bearer access token (dependency of /api/v1).

    A revoked device's every call is answered 403 `device_revoked` (DeviceRevoked)."""
    platform = platform_of(request)
    token = credentials.credentials.strip() if credentials is not None else ""
    claims = access_claims(platform, token)
    with platform.db.read() as session:
        row = session.execute(_CALLER, caller_params(claims)).one_or_none()
    return caller_from_row(platform, claims, row)


async def bearer_claims(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER_SCHEME)],
) -> AccessClaims:
    """The verified claims of a request's bearer token (a dependency that reads no database
    row: the route reads its caller with `caller_select`, in its own transaction)."""
    token = credentials.credentials.strip() if credentials is not None else ""
    return access_claims(platform_of(request), token)


CallerDep = Annotated[Caller, Depends(authenticate)]
"""A route parameter receiving the authenticated caller."""

ClaimsDep = Annotated[AccessClaims, Depends(bearer_claims)]
"""A route parameter receiving the bearer token's verified claims (the caller not yet read)."""
