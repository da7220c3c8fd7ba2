"""The benchmarks' load generator: keep-alive clients count answers, time them, and report
the first failure; answers of either framing (Content-Length, chunked) are read whole."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.http_load import closed_loop, percentile, request_bytes


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        body = b'{"status":"ok"}'
        if self.path.startswith("/missing"):
            self.send_response(404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(200)
        if self.path.startswith("/chunked"):
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for part in (body[:5], body[5:]):
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
            return
        assert self.headers["Authorization"] == "Bearer t"
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet."""


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_clients_are_counted_and_timed(server: str) -> None:
    clients = [({"cursor": "abc"}, {"Authorization": "Bearer t"})] * 3
    result = closed_loop(server, "/health", clients, seconds=0.5, warmup=0.1)
    assert result.errors == 0 and result.first_error == ""
    assert result.requests > 3 and result.per_second > 0
    assert 0 < result.p50_ms <= result.p99_ms
    chunked = closed_loop(server, "/chunked", [(None, {})] * 2, seconds=0.3, warmup=0.0)
    assert chunked.errors == 0 and chunked.requests > 2


def test_a_failing_answer_is_reported(server: str) -> None:
    result = closed_loop(server, "/missing", [(None, {})] * 2, seconds=0.3, warmup=0.0)
    assert result.errors == 2 and result.first_error.startswith("404 ")


def test_requests_and_percentiles() -> None:
    host, port, payload = request_bytes(
        "http://127.0.0.1:8080", "/api/v1/pull", {"cursor": "a b"}, {"X-Test": "1"}
    )
    assert (host, port) == ("127.0.0.1", 8080)
    assert payload.startswith(b"GET /api/v1/pull?cursor=a+b HTTP/1.1\r\n")
    assert b"Connection: keep-alive\r\n" in payload and payload.endswith(b"X-Test: 1\r\n\r\n")
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.99) == 99.0 and percentile(values, 0.5) == 50.0
    assert percentile([], 0.99) == 0.0
