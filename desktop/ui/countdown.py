"""The live countdown: a timer that moves the queue model's clock on, without touching the store."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.ui.workspace import Workspace

DEFAULT_INTERVAL_MS = 30_000


class Ticking(Protocol):
    """A model whose rows count down: the queue, the case list."""

    def tick(self, now: datetime) -> int:
        """Move the model's clock to `now`; how many rows changed."""
        ...


class CountdownTicker(QObject):
    """Every `interval_ms`, tells the model the time (the workspace clock, or `clock`)."""

    ticked = Signal(object, int)
    """(now: datetime, rows changed) after every tick."""

    def __init__(
        self,
        model: Ticking,
        workspace: Workspace,
        parent: QObject | None = None,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.workspace = workspace
        self._clock = clock
        self.last_tick_ms = 0.0
        """How long the last tick took, in milliseconds."""
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)

    def now(self) -> datetime:
        """The current time: the injected clock, else the workspace's."""
        return self._clock() if self._clock is not None else self.workspace.now()

    def start(self) -> None:
        """Start ticking every interval (the first tick comes after one interval)."""
        self._timer.start()

    def stop(self) -> None:
        """Stop ticking."""
        self._timer.stop()

    def is_active(self) -> bool:
        """Whether the timer runs."""
        return self._timer.isActive()

    def interval(self) -> int:
        """The interval in milliseconds."""
        return self._timer.interval()

    def set_interval(self, interval_ms: int) -> None:
        """Change the interval (takes effect at once if running)."""
        self._timer.setInterval(interval_ms)

    def tick(self) -> int:
        """Update the visible rows to the clock's now; returns how many rows changed."""
        start = time.perf_counter()
        now = self.now()
        changed = self.model.tick(now)
        self.last_tick_ms = (time.perf_counter() - start) * 1000
        self.ticked.emit(now, changed)
        return changed
