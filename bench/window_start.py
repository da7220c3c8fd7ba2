"""A window's cold start in a fresh interpreter, and the bare Qt window that is its floor.

`python -m bench.window_start MODULE:FUNCTION DATA_DIR` imports only this module (Qt and the
standard library) before the factory's own module, builds FUNCTION(DATA_DIR), shows it, and
prints as JSON when it became usable (wall clock) and the process's memory then.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

COLD_START_TARGET_S = 1.0
RSS_TARGET_MB = 200.0
BARE_ROWS, BARE_COLUMNS = 40, 10
_keep: list[QApplication] = []


@dataclass
class WindowFigures:
    """How long a window took to become usable, and the process's memory then."""

    seconds: float
    rss_mb: float

    @property
    def ok(self) -> bool:
        """Whether both targets are met."""
        return self.seconds <= COLD_START_TARGET_S and self.rss_mb <= RSS_TARGET_MB


def rss_mb() -> float:
    """The resident memory of this process in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    if sys.platform == "win32":
        return _windows_rss_mb()
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _windows_rss_mb() -> float:
    """The working set of this process on Windows, in MB."""
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    counters = Counters()
    counters.cb = ctypes.sizeof(Counters)
    windll = getattr(ctypes, "windll")  # noqa: B009 - absent from ctypes on other systems
    process = windll.kernel32.GetCurrentProcess()
    windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb)
    return int(counters.WorkingSetSize) / (1024 * 1024)


def app() -> QApplication:
    """The application object (created once)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    _keep.append(QApplication(sys.argv[:1]))
    return _keep[-1]


def measure_window(
    build: Callable[[], QWidget],
    usable: Callable[[QWidget], bool] | None = None,
    timeout_s: float = 30.0,
) -> WindowFigures:
    """Time `build()` until the window is shown and `usable` says so; RSS at that moment.

    For a true cold start call it first thing in a fresh process (see `cold_start`).
    """
    application = app()
    start = time.perf_counter()
    window = build()
    window.show()
    deadline = start + timeout_s
    while True:
        application.processEvents()
        ready = window.isVisible() and (usable is None or usable(window))
        if ready or time.perf_counter() > deadline:
            break
    seconds = time.perf_counter() - start
    return WindowFigures(seconds, rss_mb())


def seconds_of(figures: WindowFigures) -> float:
    """The start-up time of a measured window (a sort key)."""
    return figures.seconds


def cold_start(spec: str, data_dir: Path) -> WindowFigures:
    """Start a fresh interpreter that builds the window `spec` (MODULE:FUNCTION) over
    `data_dir`; the time runs from launching the process until the window is usable."""
    command = [sys.executable, "-m", "bench.window_start", spec, str(data_dir)]
    launched = time.time()  # wall clock: the child reports when it became usable on it
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    child = json.loads(done.stdout.strip().splitlines()[-1])
    return WindowFigures(float(child["usable_at"]) - launched, float(child["rss_mb"]))


def median_start(spec: str, data_dir: Path, runs: int) -> WindowFigures:
    """The median cold start of `runs` fresh processes building the window `spec`."""
    starts = sorted((cold_start(spec, data_dir) for _ in range(runs)), key=seconds_of)
    return starts[len(starts) // 2]


def window_child(spec: str, data_dir: Path) -> None:
    """In the fresh process: build the window, then print when it became usable.

    Usable: shown, the event loop run once (input is taken), and, when the factory's module
    has a `usable(window) -> bool` (the main window's: its first rows were read to be
    painted), that says so too.
    """
    module_name, _, name = spec.partition(":")
    module = importlib.import_module(module_name)
    factory = getattr(module, name)
    figures = measure_window(lambda: factory(data_dir), getattr(module, "usable", None))
    usable_at = time.time()  # the interpreter's exit after this is not part of the start
    print(json.dumps({**asdict(figures), "usable_at": usable_at}))


def bare_window(data_dir: Path) -> QWidget:
    """The cold start's floor: a plain Qt window the main window's size, with a filled
    table of about as many cells as the queue shows; no store (`data_dir` is not read)."""
    app()
    window = QMainWindow()
    table = QTableWidget(BARE_ROWS, BARE_COLUMNS, window)
    for row in range(BARE_ROWS):
        for column in range(BARE_COLUMNS):
            table.setItem(row, column, QTableWidgetItem(f"线索 {row}-{column}"))
    window.setCentralWidget(table)
    window.resize(1440, 860)
    return window


if __name__ == "__main__":
    window_child(sys.argv[1], Path(sys.argv[2]))
