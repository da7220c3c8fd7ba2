"""What every view of the window shares: the open store, who is signed in, rules and clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from sqlalchemy import select

from desktop.domain.calendar import WorkCalendar
from desktop.domain.deadlines import WarningBounds, warning_bounds
from desktop.domain.rules import Rules
from desktop.domain.timeutil import china_now
from desktop.domain.units import Actor, UnitInfo
from desktop.store.clue_rows import load_actor, load_calendar, load_directory, load_rules
from desktop.store.database import Store
from desktop.store.models import User
from desktop.store.queues import Viewer
from desktop.store.sync_apply import device_id

Clock = Callable[[], datetime]
"""Now, in China time; tests inject a clock of their own."""


class StoreEvents(QObject):
    """Tells every view that the store changed (a local action, a sync) so it re-queries."""

    clues_changed = Signal()
    """Clue rows changed: queues and counts re-query, the detail reloads."""
    reference_changed = Signal()
    """The directory, rules or calendar changed (after a sync)."""


@dataclass
class Workspace:
    """The open store and the signed-in user; the window's views read everything from here."""

    store: Store
    username: str
    server_url: str | None = None
    clock: Clock = china_now
    events: StoreEvents = field(default_factory=StoreEvents)
    device_id: str = ""
    print_font_choice: tuple[tuple[str, ...], bool] = ((), True)
    """Where to look for the official fonts, and whether to prefer them (from the settings)."""
    actor: Actor = field(init=False)
    rules: Rules = field(init=False)
    calendar: WorkCalendar = field(init=False)
    units: dict[str, UnitInfo] = field(init=False)
    _people: dict[str, str] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self.device_id:
            self.device_id = device_id(self.store)
        self.reload_reference()

    def reload_reference(self) -> None:
        """Read the user, the unit directory, the rules and the calendar from the store again."""
        self._people = {}
        with self.store.session() as session:
            self.actor = load_actor(session, self.username, self.device_id)
            self.units = load_directory(session)
            self.rules = load_rules(session)
            self.calendar = load_calendar(session, self.rules)

    @property
    def viewer(self) -> Viewer:
        """Whose queues the window shows."""
        return Viewer(self.actor.unit)

    def now(self) -> datetime:
        """The current time by the workspace's clock."""
        return self.clock()

    def bounds(self, now: datetime | None = None) -> WarningBounds:
        """The warning-level deadline bounds at `now` (default: the clock's now)."""
        moment = now if now is not None else self.clock()
        return warning_bounds(moment, self.calendar, self.rules.warnings)

    def person_name(self, username: str) -> str:
        """A user's name for display (the username itself when this store has no such user)."""
        if username not in self._people:
            with self.store.session() as session:
                name = session.scalar(select(User.display_name).where(User.username == username))
            self._people[username] = name or username
        return self._people[username]

    def unit_name(self, code: str | None) -> str:
        """A unit's name for display ('' for none, the code itself when unknown)."""
        if not code:
            return ""
        unit = self.units.get(code)
        return unit.name if unit is not None else code
