"""Small timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


def median_ms(work: Callable[[], object], repeat: int, warmup: int = 2) -> float:
    """The median wall time of `work` in milliseconds, after a few warm-up runs."""
    for _ in range(warmup):
        work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


@dataclass
class Measure:
    """One benchmark line: our figure beside its floor and its target."""

    name: str
    ours_ms: float
    floor_ms: float
    target_ms: float
    rows: int = 0
    unit: str = "ms"
    """What ours, floor and target count: "ms" (milliseconds), "MB" (memory) or "req/s" (a rate)."""
    better: str = "lower"
    """"lower" for a time or memory (the target is a ceiling), "higher" for a rate (a floor)."""

    @property
    def higher_is_better(self) -> bool:
        """Whether the figure is a rate: more is better, the target is a minimum."""
        return self.better == "higher"

    @property
    def ratio(self) -> float:
        """How many times the floor ours takes (for a rate: the floor's rate over ours)."""
        if self.higher_is_better:
            return self.floor_ms / self.ours_ms if self.ours_ms > 0 else float("inf")
        return self.ours_ms / self.floor_ms if self.floor_ms > 0 else float("inf")

    @property
    def ok(self) -> bool:
        """Whether the target is met."""
        if self.higher_is_better:
            return self.ours_ms >= self.target_ms
        return self.ours_ms <= self.target_ms

    def line(self) -> str:
        """A table line for the report."""
        mark = "ok" if self.ok else "MISSED"
        return (
            f"{self.name:<44} {self.rows:>6} {self.ours_ms:>9.2f} {self.floor_ms:>9.2f} "
            f"{self.ratio:>6.2f} {self.target_ms:>7.0f}  {mark}"
        )


HEADER = f"{'what':<44} {'rows':>6} {'ours ms':>9} {'floor ms':>9} {'ratio':>6} {'target':>7}"
