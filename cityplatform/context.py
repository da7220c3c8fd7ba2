"""The platform a request runs against: database, settings, file folder and small caches."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from fastapi import Request
from sqlalchemy.orm import Session

from cityplatform.config import DELAY_HEADER, PlatformSettings
from cityplatform.db import Database
from cityplatform.domainmap import RuleBook, load_rulebook
from cityplatform.state import JWT_SECRET, RULES_VERSION, get_setting


@dataclass
class Platform:
    """One process's handle on the platform; everything that matters lives in the database."""

    db: Database
    settings: PlatformSettings
    data_dir: Path
    _secret: str | None = field(default=None, repr=False)
    _rulebook: RuleBook | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def now(self) -> datetime:
        """The platform clock, in China time."""
        return self.settings.now()

    @property
    def attachments_dir(self) -> Path:
        """Where complete attachment files live."""
        return self.data_dir / "attachments"

    @property
    def partial_dir(self) -> Path:
        """Where attachment uploads in progress live."""
        return self.data_dir / "attachments" / "partial"

    def secret(self) -> str:
        """The token signing secret, stored in the database and shared by every worker."""
        if self._secret is None:
            with self.db.read() as session:
                value = get_setting(session, JWT_SECRET)
            if not value:
                raise RuntimeError("数据库中没有令牌签名密钥（未初始化）")
            self._secret = value
        return self._secret

    def rulebook(self, session: Session) -> RuleBook:
        """The current rules and calendar (re-read when the stored version changes)."""
        version = int(get_setting(session, RULES_VERSION, "1") or 1)
        with self._lock:
            cached = self._rulebook
        if cached is not None and cached.version == version:
            return cached
        book = load_rulebook(session, version)
        with self._lock:
            self._rulebook = book
        return book

    def hold_after_seq(self, request: Request | None) -> None:
        """Test hook: sleep while holding a freshly taken change seq (test mode only)."""
        if not self.settings.testing:
            return
        delay = self.settings.test_delay_after_seq
        if request is not None:
            header = request.headers.get(DELAY_HEADER)
            if header:
                try:
                    delay = float(header)
                except ValueError:
                    delay = 0.0
        if delay > 0:
            time.sleep(min(delay, 30.0))


def platform_of(request: Request) -> Platform:
    """The platform of the app serving `request`."""
    platform: Platform = request.app.state.platform
    return platform
