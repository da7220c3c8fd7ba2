"""Settings of a platform process: token lifetimes, throttling, limits, clock, test hooks.

Everything here is configuration, the same in every worker; state shared between workers
(the signing secret, counters, throttling records) lives in the database.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desktop.domain.timeutil import CHINA_TZ, china_now
from desktop.domain.validators import ValidationError, parse_datetime

Clock = Callable[[], datetime]
"""Returns the current instant (aware)."""

MIB = 1024 * 1024

TESTING_ENV = "CLUEDESK_PLATFORM_TESTING"
SNAPSHOT_WAIT_ENV = "CLUEDESK_PLATFORM_SNAPSHOT_WAIT"
"""Seconds a snapshot offer waits for a build under way (default `snapshot_wait`)."""
DELAY_ENV = "CLUEDESK_PLATFORM_TEST_DELAY_AFTER_SEQ"
FAKE_NOW_ENV = "CLUEDESK_PLATFORM_FAKE_NOW"
DB_ENV = "CLUEDESK_PLATFORM_DB"
DATA_DIR_ENV = "CLUEDESK_PLATFORM_DATA_DIR"
DELAY_HEADER = "x-cluedesk-test-delay-after-seq"
WARNING_JOB_ENV = "CLUEDESK_PLATFORM_WARNING_JOB_SECONDS"
DEFAULT_WARNING_JOB_SECONDS = 60.0
"""How often a served worker runs the warning job unless told otherwise."""


@dataclass(frozen=True)
class Limits:
    """Sizes the platform accepts, as published in /meta."""

    push_batch: int = 500
    pull_page: int = 1000
    pull_default: int = 500
    attachment_bytes: int = 50 * MIB
    chunk_bytes: int = MIB
    json_body_bytes: int = 5 * MIB
    number_block: int = 50

    def to_meta(self) -> dict[str, int]:
        """The limits as /meta publishes them."""
        return {
            "push_batch": self.push_batch,
            "pull_page": self.pull_page,
            "attachment_bytes": self.attachment_bytes,
            "chunk_bytes": self.chunk_bytes,
        }


@dataclass(frozen=True)
class PlatformSettings:
    """How a platform process behaves; tests shorten lifetimes or inject a clock."""

    access_ttl: timedelta = timedelta(minutes=15)
    refresh_ttl: timedelta = timedelta(days=60)
    refresh_grace: timedelta = timedelta(minutes=15)
    """How long after a rotation the previous refresh token is accepted once more, while
    the pair it was rotated into has never been used (the answer was lost): it covers a
    client restarted after a crash and its next background sync (every 10 minutes by
    default) after a dropped connection, and is no longer than an access token lives."""
    login_failures: int = 5
    login_window: timedelta = timedelta(minutes=15)
    limits: Limits = field(default_factory=Limits)
    clock: Clock = china_now
    testing: bool = False
    test_delay_after_seq: float = 0.0
    snapshot_wait: float = 10.0
    """How long an offer waits for a snapshot being built before it answers "preparing"."""
    warning_job_seconds: float = 0.0
    """How often this process runs the warning job in a background thread (0: never; the
    served workers run it every `DEFAULT_WARNING_JOB_SECONDS` unless told otherwise, and not
    at all in test mode unless the environment asks)."""

    def now(self) -> datetime:
        """The current instant in China time."""
        return self.clock().astimezone(CHINA_TZ)


def offset_clock(start: datetime) -> Clock:
    """A clock that starts at `start` now and runs forward in real time."""
    origin = china_now()

    def clock() -> datetime:
        return start + (china_now() - origin)

    return clock


def settings_from_env() -> PlatformSettings:
    """Settings for a served worker: test hooks only when CLUEDESK_PLATFORM_TESTING=1."""
    testing = os.environ.get(TESTING_ENV, "") == "1"
    delay = 0.0
    clock: Clock = china_now
    if testing:
        try:
            delay = float(os.environ.get(DELAY_ENV, "0") or 0)
        except ValueError as exc:
            raise ValueError(f"{DELAY_ENV} 应为秒数") from exc
        fake = os.environ.get(FAKE_NOW_ENV, "")
        if fake:
            try:
                clock = offset_clock(parse_datetime(fake, FAKE_NOW_ENV))
            except ValidationError as exc:
                raise ValueError(str(exc)) from exc
    interval = 0.0 if testing else DEFAULT_WARNING_JOB_SECONDS
    raw = os.environ.get(WARNING_JOB_ENV, "")
    if raw:
        try:
            interval = float(raw)
        except ValueError as exc:
            raise ValueError(f"{WARNING_JOB_ENV} 应为秒数") from exc
    wait = os.environ.get(SNAPSHOT_WAIT_ENV, "")
    try:
        snapshot_wait = float(wait) if wait else PlatformSettings.snapshot_wait
    except ValueError as exc:
        raise ValueError(f"{SNAPSHOT_WAIT_ENV} 应为秒数") from exc
    return PlatformSettings(
        clock=clock,
        testing=testing,
        test_delay_after_seq=delay,
        warning_job_seconds=interval,
        snapshot_wait=snapshot_wait,
    )
