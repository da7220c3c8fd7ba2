"""A served worker runs its blocking routes in a small thread pool (`serve --threads`)."""

from __future__ import annotations

import anyio
import anyio.to_thread
import pytest

from cityplatform.serving import (
    DEFAULT_WORKER_THREADS,
    WORKER_THREADS_ENV,
    limit_worker_threads,
    worker_threads,
)


def test_the_pool_size_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WORKER_THREADS_ENV, raising=False)
    assert worker_threads() == DEFAULT_WORKER_THREADS
    monkeypatch.setenv(WORKER_THREADS_ENV, "5")
    assert worker_threads() == 5
    for wrong in ("0", "-3"):
        monkeypatch.setenv(WORKER_THREADS_ENV, wrong)
        assert worker_threads() == 1
    monkeypatch.setenv(WORKER_THREADS_ENV, "many")
    assert worker_threads() == DEFAULT_WORKER_THREADS


def test_the_running_loop_gets_the_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKER_THREADS_ENV, "3")

    async def main() -> tuple[int, float]:
        count = limit_worker_threads()
        return count, anyio.to_thread.current_default_thread_limiter().total_tokens

    assert anyio.run(main) == (3, 3)
