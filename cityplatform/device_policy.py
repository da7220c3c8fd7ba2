"""The platform's policy on devices' stores: which must be encrypted at rest.

The setting `store_encryption` (in the settings table): `field` (the default: field laptops
only), `all` or `none`. A login keeps the device's kind (`office` | `field`); the answers of
login and refresh carry `encrypt_store` for it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from cityplatform import audit
from cityplatform.audit import CLI_ACTOR, AuditActor
from cityplatform.db import Database
from cityplatform.state import get_setting, put_setting

STORE_ENCRYPTION = "store_encryption"
CHOICES = ("field", "all", "none")
DEFAULT = "field"
DEVICE_KINDS = ("office", "field")


class PolicyError(ValueError):
    """A policy value the platform does not know."""


def store_encryption(session: Session) -> str:
    """The current setting (the default when none was set, or an unknown one is stored)."""
    value = get_setting(session, STORE_ENCRYPTION, DEFAULT)
    return value if value in CHOICES else DEFAULT


def encrypt_store(session: Session, device_kind: str) -> bool:
    """Whether a device of this kind must keep its store encrypted."""
    policy = store_encryption(session)
    return policy == "all" or (policy == "field" and device_kind == "field")


def set_store_encryption(
    db: Database, value: str, *, actor: AuditActor = CLI_ACTOR, now: datetime
) -> str:
    """Set the policy (audited, with the value it replaced); returns the previous one."""
    if value not in CHOICES:
        raise PolicyError(f"未知的加密策略「{value}」，应为 field、all 或 none")
    with db.write() as session:
        previous = store_encryption(session)
        put_setting(session, STORE_ENCRYPTION, value)
        details = {"store_encryption": value, "previous": previous, "os_user": audit.os_user()}
        audit.append(session, audit.POLICY_STORE_ENCRYPTION, actor, details, now)
        session.commit()
    return previous
