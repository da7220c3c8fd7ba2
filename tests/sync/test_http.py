"""The HTTP transport's failure handling, against a scripted loopback HTTP server.

These check transport behaviour the real platform cannot be made to show on demand (a 503
burst, garbage bodies, a dead port); the protocol itself is tested end to end against the
real platform in test_end_to_end.py.
"""

from __future__ import annotations

import gzip
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.codes import Role
from desktop.sync.api import PlatformApi
from desktop.sync.errors import (
    LoginFailed,
    LoginRequired,
    MalformedAnswer,
    Offline,
    RequestRejected,
    ResetRequired,
    ServerError,
    TlsError,
    TooManyAttempts,
    UpgradeRequired,
)
from desktop.sync.http import PlatformHttp, RetryPolicy
from desktop.sync.tokens import TokenStore
from desktop.wire.reference import Limits, Meta, TokenPair, UserOut

FAST = RetryPolicy(total=3, backoff_factor=0.01, backoff_max=0.05)
Reply = tuple[int, Any, dict[str, str]]


@dataclass
class Script:
    """What the stub answers, per path, in order (the last answer repeats)."""

    answers: dict[str, list[Reply]] = field(default_factory=dict)
    seen: list[tuple[str, str, dict[str, str], bytes]] = field(default_factory=list)

    def on(self, method: str, path: str, *replies: Reply) -> None:
        """Script the replies to `method path`."""
        self.answers[f"{method} {path}"] = list(replies)

    def calls(self, method: str, path: str) -> int:
        """How many times `method path` was requested."""
        return sum(1 for m, p, _, _ in self.seen if (m, p) == (method, path))


def _handler(script: Script) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            path = self.path.split("?")[0]
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            script.seen.append((self.command, path, dict(self.headers), body))
            replies = script.answers.get(f"{self.command} {path}") or [(404, {"error": {}}, {})]
            status, payload, headers = replies.pop(0) if len(replies) > 1 else replies[0]
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = _serve

        def log_message(self, *_: Any) -> None:
            pass

    return Handler


@pytest.fixture
def stub() -> Iterator[tuple[str, Script]]:
    """A scripted HTTP server on a loopback port."""
    script = Script()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(script))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", script
    server.shutdown()
    server.server_close()


def _tokens(tmp_path: Path) -> TokenStore:
    return TokenStore(tmp_path, "device-1", use_keyring=False)


def _client(url: str, tmp_path: Path) -> PlatformHttp:
    http = PlatformHttp(url, "device-1", tokens=_tokens(tmp_path), username="xinhai", retry=FAST)
    http.access_token = "access-1"
    return http


def _error(code: str, message: str = "") -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


USER = UserOut(username="xinhai", display_name="新海街道", role=Role.HANDLER, unit_code="320706001")
META = Meta(
    server_time=datetime.fromisoformat("2026-11-27T10:00:00+08:00"),
    protocol_versions=[1],
    action_types=["clue.sign.v1"],
    scope_epoch=1,
    user=USER,
    limits=Limits(push_batch=2, pull_page=10, attachment_bytes=100, chunk_bytes=10),
).model_dump(mode="json")
"""A /meta answer, built on the wire format's model like the platform's."""


def _pair(access: str, refresh: str) -> dict[str, Any]:
    expires = datetime.fromisoformat("2026-11-27T11:00:00+08:00")
    return TokenPair(
        access_token=access,
        access_expires_at=expires,
        refresh_token=refresh,
        refresh_expires_at=expires,
        user=USER,
    ).model_dump(mode="json")


def test_every_call_carries_protocol_header_token_and_gzip(
    stub: tuple[str, Script], tmp_path: Path
) -> None:
    url, script = stub
    script.on("GET", "/api/v1/meta", (200, META, {}))
    meta = PlatformApi(_client(url, tmp_path)).meta()
    assert meta.limits.push_batch == 2 and meta.scope_epoch == 1
    _, _, headers, _ = script.seen[0]
    assert headers["X-Cluedesk-Protocol"] == "1"
    assert headers["Authorization"] == "Bearer access-1"
    assert "gzip" in headers["Accept-Encoding"]


def test_big_push_bodies_are_gzipped_and_push_is_retried(
    stub: tuple[str, Script], tmp_path: Path
) -> None:
    url, script = stub
    actions = [{"action_id": "a1", "payload": {"note": "x" * 100_000}}]
    ok = (200, {"results": [{"action_id": "a1", "status": "retry"}]}, {})
    script.on("POST", "/api/v1/push", (503, _error("busy"), {}), ok)
    results = PlatformApi(_client(url, tmp_path)).push(actions)
    assert [r.model_dump(exclude_unset=True) for r in results] == [
        {"action_id": "a1", "status": "retry"}
    ]
    assert script.calls("POST", "/api/v1/push") == 2
    _, _, headers, body = script.seen[-1]
    assert headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(body))["actions"][0]["action_id"] == "a1"


def test_gets_are_retried_on_502_503_504_and_429(stub: tuple[str, Script], tmp_path: Path) -> None:
    url, script = stub
    script.on(
        "GET",
        "/api/v1/meta",
        (502, b"bad gateway", {}),
        (504, b"", {}),
        (429, _error("slow_down"), {"Retry-After": "0"}),
        (200, META, {}),
    )
    PlatformApi(_client(url, tmp_path)).meta()
    assert script.calls("GET", "/api/v1/meta") == 4


def test_login_is_never_resent(stub: tuple[str, Script], tmp_path: Path) -> None:
    url, script = stub
    script.on("POST", "/api/v1/auth/login", (503, b"", {}))
    http = PlatformHttp(url, "device-1", tokens=_tokens(tmp_path), retry=FAST)
    with pytest.raises(ServerError):
        http.login("xinhai", "secret", "laptop")
    assert script.calls("POST", "/api/v1/auth/login") == 1


def test_persistent_server_error_is_a_server_error(
    stub: tuple[str, Script], tmp_path: Path
) -> None:
    url, script = stub
    script.on("GET", "/api/v1/meta", (500, b"boom", {}))
    with pytest.raises(ServerError) as error:
        PlatformApi(_client(url, tmp_path)).meta()
    assert error.value.status == 500
    assert script.calls("GET", "/api/v1/meta") == 1  # 500 is not in the retry list


def test_expired_access_token_is_refreshed_once_and_the_call_repeated(
    stub: tuple[str, Script], tmp_path: Path
) -> None:
    url, script = stub
    tokens = _tokens(tmp_path)
    tokens.save(url, "xinhai", "refresh-1", None)
    script.on("GET", "/api/v1/meta", (401, _error("token_expired"), {}), (200, META, {}))
    pair = _pair("access-2", "refresh-2")
    script.on("POST", "/api/v1/auth/refresh", (200, pair, {}))
    http = _client(url, tmp_path)
    PlatformApi(http).meta()
    assert http.access_token == "access-2"
    saved = tokens.load(url, "xinhai")
    assert saved is not None and saved.token == "refresh-2"
    refresh_body = json.loads(script.seen[1][3])
    assert refresh_body == {"refresh_token": "refresh-1", "device_id": "device-1"}
    assert script.seen[2][2]["Authorization"] == "Bearer access-2"


@pytest.mark.parametrize(
    "code", ["refresh_expired", "refresh_revoked", "refresh_reused", "user_disabled"]
)
def test_refused_refresh_means_login_again_and_forgets_the_token(
    stub: tuple[str, Script], tmp_path: Path, code: str
) -> None:
    url, script = stub
    tokens = _tokens(tmp_path)
    tokens.save(url, "xinhai", "refresh-1", None)
    script.on("GET", "/api/v1/meta", (401, _error("token_expired"), {}))
    script.on("POST", "/api/v1/auth/refresh", (401, _error(code), {}))
    with pytest.raises(LoginRequired) as error:
        PlatformApi(_client(url, tmp_path)).meta()
    assert error.value.code == code
    assert tokens.load(url, "xinhai") is None


def test_no_saved_token_means_login_required(stub: tuple[str, Script], tmp_path: Path) -> None:
    url, _ = stub
    http = PlatformHttp(url, "device-1", tokens=_tokens(tmp_path), username="xinhai", retry=FAST)
    with pytest.raises(LoginRequired):
        PlatformApi(http).meta()


def test_wrong_password_and_throttling(stub: tuple[str, Script], tmp_path: Path) -> None:
    url, script = stub
    http = PlatformHttp(url, "device-1", tokens=_tokens(tmp_path), retry=FAST)
    script.on("POST", "/api/v1/auth/login", (401, _error("bad_credentials"), {}))
    with pytest.raises(LoginFailed, match="用户名或密码错误"):
        http.login("xinhai", "wrong", "laptop")
    script.on(
        "POST", "/api/v1/auth/login", (429, _error("too_many_attempts"), {"Retry-After": "900"})
    )
    with pytest.raises(TooManyAttempts) as throttled:
        http.login("xinhai", "wrong", "laptop")
    assert throttled.value.retry_after == 900


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        ((426, _error("upgrade_required", "请升级"), {}), UpgradeRequired),
        ((410, _error("reset_required"), {}), ResetRequired),
        ((403, _error("forbidden", "无权访问"), {}), RequestRejected),
        ((200, b"<html>proxy login</html>", {"Content-Type": "text/html"}), MalformedAnswer),
        ((200, {"changes": {}, "cursor": "c", "more": False}, {}), MalformedAnswer),
        ((200, {"changes": [], "cursor": "", "more": False}, {}), MalformedAnswer),
        ((200, {"changes": [], "cursor": "c", "more": "no"}, {}), MalformedAnswer),
    ],
)
def test_each_failure_has_its_class(
    stub: tuple[str, Script], tmp_path: Path, reply: Reply, error: type[Exception]
) -> None:
    url, script = stub
    script.on("GET", "/api/v1/pull", reply)
    with pytest.raises(error):
        PlatformApi(_client(url, tmp_path)).pull(None, 10)


def test_push_answer_must_match_what_was_sent(stub: tuple[str, Script], tmp_path: Path) -> None:
    url, script = stub
    actions = [{"action_id": "a1"}, {"action_id": "a2"}]
    api = PlatformApi(_client(url, tmp_path))
    for results in (
        [{"action_id": "a1", "status": "applied"}],
        [{"action_id": "a2", "status": "applied"}, {"action_id": "a1", "status": "applied"}],
    ):
        script.on("POST", "/api/v1/push", (200, {"results": results}, {}))
        with pytest.raises(MalformedAnswer):
            api.push(actions)


def _dead_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_unreachable_server_is_offline(tmp_path: Path) -> None:
    http = _client(f"http://127.0.0.1:{_dead_port()}", tmp_path)
    with pytest.raises(Offline, match="无法连接"):
        PlatformApi(http).meta()


def test_timeouts_are_offline(stub: tuple[str, Script], tmp_path: Path) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        http = PlatformHttp(
            f"http://127.0.0.1:{port}",
            "device-1",
            tokens=_tokens(tmp_path),
            username="xinhai",
            retry=RetryPolicy(total=0),
            timeout=(0.5, 0.5),
        )
        http.access_token = "a"
        with pytest.raises(Offline, match="超时"):
            PlatformApi(http).meta()


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by itself, and its key."""
    crypto = pytest.importorskip("cryptography")
    del crypto
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "cluedesk test platform")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "platform.pem", folder / "platform.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_tls_is_verified_and_a_ca_bundle_can_be_given(tmp_path: Path) -> None:
    import ssl

    cert_path, key_path = _self_signed(tmp_path)
    script = Script()
    script.on("GET", "/api/v1/meta", (200, META, {}))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(script))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    url = f"https://127.0.0.1:{server.server_address[1]}"
    try:
        untrusted = PlatformHttp(url, "d", tokens=_tokens(tmp_path), username="x", retry=FAST)
        untrusted.access_token = "a"
        with pytest.raises(TlsError):
            PlatformApi(untrusted).meta()
        trusted = PlatformHttp(
            url, "d", tokens=_tokens(tmp_path), username="x", retry=FAST, ca_bundle=str(cert_path)
        )
        trusted.access_token = "a"
        assert PlatformApi(trusted).meta().scope_epoch == 1
    finally:
        server.shutdown()
        server.server_close()
