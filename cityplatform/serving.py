"""How a served worker runs its blocking routes: a few threads, each with a pooled connection.

FastAPI runs every plain `def` route in a thread of one pool per worker process. Threads that
wait on the database let the others run, but beyond a handful on a small machine they only
fight for the GIL (and each holds a database connection): so the pool is small, and requests
beyond it wait their turn in the event loop, which costs nothing.
"""

from __future__ import annotations

import os

WORKER_THREADS_ENV = "CLUEDESK_PLATFORM_THREADS"
"""How many threads a worker runs its blocking routes in (`serve --threads`)."""

DEFAULT_WORKER_THREADS = 4
"""The default: a few requests waiting on the database while others run. Measured with 50
clients pulling on 2 workers and 2 cores (bench/sync_bench.py): 4 threads gave the highest
rate and a p99 a third of 12 threads' (more threads only queue for the GIL)."""


def worker_threads() -> int:
    """The threads of this worker's pool: the environment's number, else the default."""
    raw = os.environ.get(WORKER_THREADS_ENV, "").strip()
    try:
        value = int(raw) if raw else DEFAULT_WORKER_THREADS
    except ValueError:
        value = DEFAULT_WORKER_THREADS
    return max(value, 1)


def limit_worker_threads(threads: int | None = None) -> int:
    """Set the running event loop's thread pool for blocking routes to `threads` (default:
    `worker_threads()`); the number set. Call it from the app's lifespan."""
    import anyio.to_thread

    count = threads if threads is not None else worker_threads()
    anyio.to_thread.current_default_thread_limiter().total_tokens = count
    return count
