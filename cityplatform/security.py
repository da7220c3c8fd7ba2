"""Passwords (argon2), signed access tokens (JWT HS256) and opaque refresh tokens."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ALGORITHM = "HS256"
ISSUER = "cluedesk-platform"

DEFAULT_HASHER = PasswordHasher()
"""The production hasher (argon2id, library defaults)."""

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
"""A cheap hasher for tests and throwaway demo data only."""


@cache
def _dummy_hash() -> str:
    return DEFAULT_HASHER.hash("cluedesk-dummy-password")


def hash_password(password: str, hasher: PasswordHasher = DEFAULT_HASHER) -> str:
    """The argon2 hash of a password."""
    return hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether `password` matches; an unknown user is checked against a dummy hash."""
    try:
        return DEFAULT_HASHER.verify(stored_hash or _dummy_hash(), password) and bool(stored_hash)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class AccessClaims:
    """What an access token says: who, which login (family), which device, until when."""

    username: str
    family_id: int
    device_id: str
    expires: int
    jti: str = ""


class TokenExpired(Exception):
    """The access token's lifetime is over."""


class TokenInvalid(Exception):
    """The access token is malformed or not signed by this platform."""


def issue_access_token(
    secret: str,
    username: str,
    family_id: int,
    device_id: str,
    now: datetime,
    expires: datetime,
    jti: str | None = None,
) -> str:
    """A signed access token (`jti` identifies it; random when not given)."""
    claims = {
        "iss": ISSUER,
        "sub": username,
        "fam": family_id,
        "dev": device_id,
        "iat": int(now.timestamp()),
        "exp": int(expires.timestamp()),
        "jti": jti or secrets.token_hex(8),
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def read_access_token(
    secret: str, token: str, now: datetime, *, allow_expired: bool = False
) -> AccessClaims:
    """Check the signature and (against the platform clock) the expiry of an access token."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"verify_exp": False, "verify_iat": False, "require": ["exp", "sub"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenInvalid(str(exc)) from exc
    username, family, device, expires = (
        claims.get("sub"),
        claims.get("fam"),
        claims.get("dev"),
        claims.get("exp"),
    )
    if not (
        isinstance(username, str)
        and isinstance(family, int)
        and isinstance(device, str)
        and isinstance(expires, int)
    ):
        raise TokenInvalid("claims")
    if not allow_expired and now.timestamp() >= expires:
        raise TokenExpired()
    jti = claims.get("jti")
    return AccessClaims(username, family, device, expires, jti if isinstance(jti, str) else "")


def new_refresh_token() -> str:
    """A fresh opaque refresh token (256 random bits)."""
    return secrets.token_urlsafe(32)


def refresh_token_hash(token: str) -> str:
    """What the database keeps of a refresh token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
