"""The one helper for work off the UI thread: run a function in the pool, get the result back.

Every network call and every slow query of the window goes through `run_task`. The worker
never touches a widget: it returns plain data, which `on_done` receives on the UI thread
(or `on_error` the exception). Progress reported from the worker arrives on the UI thread too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

log = logging.getLogger("cluedesk.ui.tasks")

T = TypeVar("T")


class _Channel(QObject):
    """Carries a task's signals from the worker thread to the UI thread."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(str, int, int)


class Task(QRunnable, Generic[T]):
    """A function run in the thread pool; see `run_task`."""

    def __init__(self, func: Callable[[Task[T]], T]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.func = func
        self.channel = _Channel()
        self.cancel_event = threading.Event()
        self.finished = threading.Event()

    def report(self, phase: str, done: int, total: int | None) -> None:
        """Report progress from the worker (total None or 0: unknown)."""
        self.channel.progress.emit(phase, done, total or 0)

    def cancel(self) -> None:
        """Ask the worker to stop; it checks `cancel_event` where it can."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel was asked for."""
        return self.cancel_event.is_set()

    def run(self) -> None:  # noqa: D102 - QRunnable entry point, runs in the worker thread
        try:
            try:
                result = self.func(self)
            except BaseException as exc:  # handed to the UI thread, never lost
                log.debug("task failed", exc_info=True)
                self.channel.failed.emit(exc)
            else:
                self.channel.done.emit(result)
        except RuntimeError:  # the application is gone (quit while the task ran)
            log.debug("task result dropped: its channel was deleted")
        finally:
            self.finished.set()


_running: set[Task[Any]] = set()


def run_task(
    func: Callable[[Task[T]], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[str, int, int], None] | None = None,
    *,
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
) -> Task[T]:
    """Run `func(task)` in the thread pool; its result or exception comes back on the UI thread.

    An exception with no `on_error` is logged, so a failure is never silent. With `owner`,
    the callbacks are skipped once the owner was deleted (a window closed during the work).
    """
    task: Task[T] = Task(func)

    def finish() -> bool:
        _running.discard(task)
        if owner is not None and not isValid(owner):
            log.debug("task finished after its owner was deleted")
            return False
        return True

    def done(result: object) -> None:
        if finish() and on_done is not None:
            on_done(result)  # type: ignore[arg-type]

    def failed(exc: object) -> None:
        assert isinstance(exc, BaseException)
        if not finish():
            log.debug("orphaned task failed", exc_info=exc)
            return
        if on_error is not None:
            on_error(exc)
        else:
            log.error("background task failed", exc_info=exc)

    task.channel.done.connect(done)
    task.channel.failed.connect(failed)
    if on_progress is not None:
        report = on_progress

        def progress(phase: str, done: int, total: int) -> None:
            if owner is None or isValid(owner):
                report(phase, done, total)

        task.channel.progress.connect(progress)
    _running.add(task)  # keeps the task and its channel alive until its result arrived
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def running_tasks() -> int:
    """How many tasks have not delivered their result yet (for tests and shutdown)."""
    return len(_running)


def wait_for_tasks(timeout_ms: int = 30000) -> bool:
    """Block until the pool's workers are idle (at shutdown); False on timeout."""
    return bool(QThreadPool.globalInstance().waitForDone(timeout_ms))
