"""The machine a benchmark run measured: processor, memory, system and library versions."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def cpu_model() -> str:
    """The processor's model name, as the system reports it."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown processor"


def memory_gb() -> float | None:
    """The machine's physical memory in GB (None when the system does not say)."""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / (1024 * 1024)
    except OSError:
        pass
    if sys.platform == "win32":
        import ctypes

        class Status(ctypes.Structure):
            _fields_ = [
                ("length", ctypes.c_ulong),
                ("load", ctypes.c_ulong),
                ("total", ctypes.c_ulonglong),
                ("available", ctypes.c_ulonglong),
                ("total_page", ctypes.c_ulonglong),
                ("available_page", ctypes.c_ulonglong),
                ("total_virtual", ctypes.c_ulonglong),
                ("available_virtual", ctypes.c_ulonglong),
                ("available_extended", ctypes.c_ulonglong),
            ]

        status = Status()
        status.length = ctypes.sizeof(Status)
        windll = getattr(ctypes, "windll")  # noqa: B009 - absent from ctypes on other systems
        if windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
            return int(status.total) / 1024**3
        return None
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None
    return pages * size / 1024**3


def system_name() -> str:
    """The operating system and, on Linux, its distribution."""
    name = platform.platform(terse=True)
    try:
        release = platform.freedesktop_os_release()
    except (AttributeError, OSError):
        return name
    return f"{release.get('PRETTY_NAME', release.get('NAME', ''))} ({name})"


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


def qt_versions() -> str:
    """PySide6's version and the Qt it runs on (without starting Qt)."""
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError:
        return "not installed"
    return f"{PySide6.__version__} (Qt {qVersion()})"


def load_average() -> str | None:
    """The 1, 5 and 15 minute load averages, where the system has them (not on Windows)."""
    if not hasattr(os, "getloadavg"):
        return None
    try:
        return " ".join(f"{load:.2f}" for load in os.getloadavg())
    except OSError:
        return None


def describe(now: datetime | None = None) -> dict[str, str]:
    """Every fact of the machine and the run's moment, by name (in the order they print)."""
    memory = memory_gb()
    facts = {
        "cpu": f"{cpu_model()} × {os.cpu_count() or '?'}",
        "memory": f"{memory:.1f} GB" if memory is not None else "unknown",
        "os": system_name(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "pyside6": qt_versions(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": _version("SQLAlchemy"),
        "date": (now or datetime.now().astimezone()).isoformat(timespec="seconds"),
    }
    load = load_average()
    if load is not None:
        facts["load average"] = load
    return facts
