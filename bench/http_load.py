"""A cheap HTTP/1.1 load generator: keep-alive clients on one asyncio loop, latencies kept.

Each client holds one connection and sends the same GET again as soon as the answer is in
(a closed loop, as a syncing office PC does). Requests are pre-encoded bytes and answers are
read by their Content-Length, so the generator spends a few tens of microseconds a request:
on a 2-core machine that shares its cores with the server it is not what limits the figure.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit


@dataclass(frozen=True)
class LoadResult:
    """What a run gave: answers counted, the rate, latency percentiles, failures."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    first_error: str = ""

    @property
    def per_second(self) -> float:
        """Answers a second over the measured window."""
        return self.requests / self.seconds if self.seconds > 0 else 0.0


def percentile(values: list[float], share: float) -> float:
    """The `share` percentile (0–1) of `values`, nearest rank (0.0 when there are none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(int(len(ordered) * share + 0.999999) - 1, 0)
    return ordered[min(rank, len(ordered) - 1)]


def request_bytes(
    base_url: str, path: str, params: dict[str, str] | None, headers: dict[str, str]
) -> tuple[str, int, bytes]:
    """(host, port, the encoded GET request) for `base_url` + `path`."""
    parts = urlsplit(base_url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    target = path + ("?" + urlencode(params) if params else "")
    lines = [f"GET {target} HTTP/1.1", f"Host: {host}:{port}", "Connection: keep-alive"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return host, port, ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def _read_answer(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """Status and body of one HTTP/1.1 answer (Content-Length or chunked)."""
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, _, rest = head.partition(b"\r\n")
    status = int(status_line.split(b" ", 2)[1])
    length = -1
    chunked = False
    for line in rest.split(b"\r\n"):
        name, _, value = line.partition(b":")
        lowered = name.strip().lower()
        if lowered == b"content-length":
            length = int(value.strip())
        elif lowered == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if not chunked:
        return status, await reader.readexactly(max(length, 0))
    body = bytearray()
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        chunk = await reader.readexactly(size + 2)
        if size == 0:
            return status, bytes(body)
        body += chunk[:-2]


async def _client(
    host: str,
    port: int,
    payload: bytes,
    warm_until: float,
    stop_at: float,
    latencies: list[float],
    failures: list[str],
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    clock = time.perf_counter
    try:
        while True:
            begin = clock()
            if begin >= stop_at:
                return
            writer.write(payload)
            status, body = await _read_answer(reader)
            end = clock()
            if status != 200:
                failures.append(f"{status} {body[:200].decode('utf-8', 'replace')}")
                return
            if begin >= warm_until:
                latencies.append((end - begin) * 1000)
    finally:
        writer.close()


async def _run(
    base_url: str,
    path: str,
    requests_params: Sequence[tuple[dict[str, str] | None, dict[str, str]]],
    seconds: float,
    warmup: float,
) -> LoadResult:
    clock = time.perf_counter
    start = clock()
    warm_until = start + warmup
    stop_at = warm_until + seconds
    latencies: list[float] = []
    failures: list[str] = []
    tasks = []
    for params, headers in requests_params:
        host, port, payload = request_bytes(base_url, path, params, headers)
        tasks.append(_client(host, port, payload, warm_until, stop_at, latencies, failures))
    await asyncio.gather(*tasks)
    measured = max(clock() - warm_until, 1e-9)
    return LoadResult(
        requests=len(latencies),
        seconds=measured,
        p50_ms=percentile(latencies, 0.50),
        p99_ms=percentile(latencies, 0.99),
        errors=len(failures),
        first_error=failures[0] if failures else "",
    )


def closed_loop(
    base_url: str,
    path: str,
    clients: Sequence[tuple[dict[str, str] | None, dict[str, str]]],
    seconds: float,
    warmup: float = 1.0,
) -> LoadResult:
    """Run one keep-alive client per (query parameters, headers) against `path` for `seconds`
    after `warmup` seconds whose answers are not counted."""
    return asyncio.run(_run(base_url, path, clients, seconds, warmup))
