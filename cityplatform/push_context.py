"""A pushed action as the request carries it, and what every action of one push shares,
loaded once per request: caller, unit directory, rulebook, the device's provisional codes and
one writer connection."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from cityplatform.auth import Caller
from cityplatform.context import Platform
from cityplatform.documents import clue_document
from cityplatform.domainmap import RuleBook, assisting_codes
from cityplatform.models import Clue, ProvisionalCode
from desktop.domain.units import Actor, UnitInfo


@dataclass
class PushContext:
    """What every action of one push shares, loaded once per request."""

    platform: Platform
    caller: Caller
    units: Mapping[str, UnitInfo]
    book: RuleBook
    request: Request | None = None
    codes: dict[str, str] = field(default_factory=dict)
    """The device's provisional codes the batch names → the platform's codes."""

    def __post_init__(self) -> None:
        caller = self.caller
        self.actor = Actor(
            username=caller.username,
            role=caller.role,
            unit=caller.unit,
            display_name=caller.display_name,
            device_id=caller.device_id,
            post=caller.post,
        )
        self.viewer = caller.viewer
        self.sqlite = self.platform.db.is_sqlite
        self._connection: Connection | None = None

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold one writer connection for the request's actions (each its own transaction)."""
        with self.platform.db.writer() as connection:
            self._connection = connection
            try:
                yield
            finally:
                self._connection = None

    def session(self) -> Session:
        """A session for one action's transaction (on the request's writer connection)."""
        if self._connection is None:
            return self.platform.db.write()
        return Session(self._connection, expire_on_commit=False)

    def load_codes(self, session: Session, named: Iterable[str]) -> None:
        """Remember which of the named codes are this device's mapped provisional codes."""
        wanted = sorted(set(named))
        for start in range(0, len(wanted), 500):
            self.codes.update(
                session.execute(
                    select(ProvisionalCode.provisional_code, ProvisionalCode.code).where(
                        ProvisionalCode.device_id == self.caller.device_id,
                        ProvisionalCode.provisional_code.in_(wanted[start : start + 500]),
                    )
                ).all()
            )

    def resolve(self, session: Session | Connection, named: str) -> str:
        """The platform's code for a code an action names (mapped from a provisional one)."""
        known = self.codes.get(named)
        if known is not None:
            return known
        mapped = session.scalar(
            select(ProvisionalCode.code).where(
                ProvisionalCode.device_id == self.caller.device_id,
                ProvisionalCode.provisional_code == named,
            )
        )
        if mapped:
            self.codes[named] = mapped
        return mapped or named

    def remember(self, result: Mapping[str, Any]) -> None:
        """After a commit: a register's provisional code now maps to its real code."""
        provisional = result.get("provisional_code")
        if provisional:
            self.codes[str(provisional)] = str(result["clue_code"])

    def document(self, session: Session, code: str) -> dict[str, Any] | None:
        """The clue object as it now stands, or None when the caller may not see it."""
        row = session.scalar(select(Clue).where(Clue.code == code))
        if row is None or not self.viewer.sees_row(row, assisting_codes(session, row.id)):
            return None
        return clue_document(session, code, self.viewer)
