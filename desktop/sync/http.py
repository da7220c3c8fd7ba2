"""The HTTP transport: one requests.Session per client, retries, timeouts, tokens, errors.

- Connection reuse, a (connect 5 s, read 60 s) timeout on every call, gzip both ways,
  `X-Cluedesk-Protocol: 1`, TLS verification (optionally against a CA bundle).
- urllib3 `Retry` with exponential backoff on connection errors, 429 and 502/503/504 for
  idempotent calls only: GET and PUT (attachment chunks are offset-addressed) everywhere, and
  POST for push (idempotent by action_id). Login and refresh are never re-sent automatically
  once they may have reached the server: a refresh whose answer was lost is recovered by the
  next run, which presents the same token again within the platform's grace window (only
  once: a third presentation counts as reuse and revokes the device).
- Bearer access token (memory only); on 401 `token_expired`/`token_invalid` the refresh
  token is used once and the call repeated once. A refresh the platform refuses raises
  `LoginRequired`; nothing here ever touches the outbox.
- Every failure is one of the classes in `desktop.sync.errors`; an answer that is not JSON
  raises `MalformedAnswer`. A 403 `device_revoked` answer to anything (login and refresh
  included) raises `DeviceRevoked` at once, in `_send`: the caller wipes the data folder.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import requests
import urllib3
from pydantic import BaseModel
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from desktop import __version__
from desktop.domain.messages import N_, Message
from desktop.sync.errors import (
    DeviceRevoked,
    LoginFailed,
    LoginRequired,
    MalformedAnswer,
    Offline,
    OffsetMismatch,
    RequestRejected,
    ResetRequired,
    ServerError,
    TlsError,
    TooManyAttempts,
    UpgradeRequired,
)
from desktop.sync.tokens import TokenStore
from desktop.wire.base import WireError, localized, parse_wire
from desktop.wire.devices import DEVICE_REVOKED
from desktop.wire.reference import ErrorBody, TokenPair, UserOut

log = logging.getLogger("cluedesk.sync")

PROTOCOL_VERSION = 1
API = "/api/v1"
TIMEOUT = (5.0, 60.0)
"""(connect, read) seconds, on every call."""
REFRESHABLE = frozenset({"token_expired", "token_invalid"})
COMPRESS_FROM = 64 * 1024
"""Request bodies from this size on are sent gzip-compressed."""
DOWNLOAD_BLOCK = 64 * 1024
"""Bytes read at a time by `download` (what a dropped connection can lose of a part)."""


class Hasher(Protocol):
    """What `download` feeds the bytes to: a hashlib object."""

    def update(self, data: bytes, /) -> None:
        """Add bytes."""


@dataclass(frozen=True)
class RetryPolicy:
    """How idempotent calls are retried (urllib3 Retry settings)."""

    total: int = 4
    backoff_factor: float = 0.5
    backoff_max: float = 10.0
    statuses: tuple[int, ...] = (429, 502, 503, 504)

    def retry(self, methods: frozenset[str]) -> Retry:
        """The urllib3 Retry for calls with these methods."""
        return Retry(
            total=self.total,
            connect=self.total,
            read=self.total,
            status=self.total,
            other=0,
            backoff_factor=self.backoff_factor,
            backoff_max=self.backoff_max,
            status_forcelist=self.statuses,
            allowed_methods=methods,
            respect_retry_after_header=True,
            raise_on_status=False,
        )


@dataclass(frozen=True)
class Answer:
    """A successful answer: status, body bytes and headers; `parse` checks the body against
    its wire model."""

    status: int
    content: bytes
    headers: Mapping[str, str]
    endpoint: str = ""

    @property
    def body(self) -> Any:
        """The body as decoded JSON (None when empty)."""
        if not self.content or self.status == 304:
            return None
        try:
            return json.loads(self.content)
        except ValueError:
            raise MalformedAnswer(self.endpoint, Message("不是有效的 JSON")) from None

    def parse(self, kind: type[M]) -> M:
        """The body checked as the wire model `kind`; MalformedAnswer names the bad part."""
        return parse_answer(kind, self.content, self.endpoint)


M = TypeVar("M", bound=BaseModel)

UserInfo = UserOut
"""The logged-in user as the platform describes them."""


def parse_answer(kind: type[M], data: Any, endpoint: str) -> M:
    """`data` (body bytes or decoded JSON) checked as the wire model `kind`."""
    try:
        return cast(M, parse_wire(kind, data))
    except WireError as exc:
        raise MalformedAnswer(endpoint, str(exc)) from None


def parse_user(data: Any, endpoint: str) -> UserInfo:
    """Check a `user` object of the protocol."""
    return parse_answer(UserOut, data, endpoint)


def parse_tokens(data: Any, endpoint: str) -> TokenPair:
    """Check a login or refresh answer."""
    return parse_answer(TokenPair, data, endpoint)


def _error_of(response: requests.Response) -> tuple[str, str, str | None, Mapping[str, Any]]:
    """(code, message, field, error object) of an error answer, as far as it has them (a
    proxy's or a crashed server's answer need not be in the protocol's shape)."""
    try:
        error = parse_wire(ErrorBody, response.content).error
    except WireError:
        return f"http_{response.status_code}", "", None, {}
    message = localized(error.message, error.template)
    return error.code, message, error.field or None, error.model_dump()


class PlatformHttp:
    """The connection to one platform, for one device and (once logged in) one user."""

    def __init__(
        self,
        server_url: str,
        device_id: str,
        *,
        tokens: TokenStore | None = None,
        username: str | None = None,
        ca_bundle: str | None = None,
        retry: RetryPolicy | None = None,
        timeout: tuple[float, float] = TIMEOUT,
    ) -> None:
        self.server_url = server_url.rstrip("/")
        self.device_id = device_id
        self.tokens = tokens
        self.username = username
        self.timeout = timeout
        self.access_token: str | None = None
        self.device_kind = "office"
        """Sent at login when it is not the default (an office PC): see LoginRequest."""
        self.encrypt_store: bool | None = None
        """What the last login or refresh answer said of encrypting the store (None: none yet)."""
        self.session = requests.Session()
        self.verify: str | bool = ca_bundle or True
        self.session.verify = self.verify
        self.session.headers.update(
            {
                "X-Cluedesk-Protocol": str(PROTOCOL_VERSION),
                "Accept": "application/json",
                "Accept-Encoding": "gzip",
                "User-Agent": f"cluedesk/{__version__}",
            }
        )
        policy = retry or RetryPolicy()
        safe = frozenset({"GET", "HEAD", "PUT"})
        self.session.mount(self.server_url + "/", HTTPAdapter(max_retries=policy.retry(safe)))
        self.session.mount(
            self.server_url + API + "/push",
            HTTPAdapter(max_retries=policy.retry(safe | {"POST"})),
        )

    def close(self) -> None:
        """Close the pooled connections."""
        self.session.close()

    def __enter__(self) -> PlatformHttp:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ------------------------------------------------------------ sending

    def _send(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        data: bytes | None = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        bearer: bool,
        stream: bool = False,
    ) -> requests.Response:
        url = self.server_url + path
        extra = dict(headers or {})
        if bearer and self.access_token:
            extra["Authorization"] = f"Bearer {self.access_token}"
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            extra["Content-Type"] = "application/json"
            if len(data) >= COMPRESS_FROM:
                data = gzip.compress(data, compresslevel=5)
                extra["Content-Encoding"] = "gzip"
        try:
            response = self.session.request(
                method,
                url,
                data=data,
                params=params,
                headers=extra,
                timeout=self.timeout,
                stream=stream,
                verify=self.verify,  # per call: REQUESTS_CA_BUNDLE must not override our bundle
            )
        except requests.exceptions.SSLError as exc:
            raise TlsError(
                Message(
                    "与服务器 {server} 的安全连接失败（证书不受信任？）", server=self.server_url
                )
            ) from exc
        except requests.exceptions.Timeout as exc:
            raise Offline(Message("服务器 {server} 响应超时", server=self.server_url)) from exc
        except requests.exceptions.ConnectionError as exc:
            reason = getattr(exc.args[0] if exc.args else None, "reason", None)
            if isinstance(reason, urllib3.exceptions.TimeoutError) and not isinstance(
                reason, urllib3.exceptions.NewConnectionError
            ):
                raise Offline(Message("服务器 {server} 响应超时", server=self.server_url)) from exc
            raise Offline(
                Message("无法连接到服务器 {server}，请检查网络", server=self.server_url)
            ) from exc
        except requests.exceptions.RequestException as exc:
            raise Offline(
                Message(
                    "与服务器 {server} 的连接中断：{error}",
                    server=self.server_url,
                    error=type(exc).__name__,
                )
            ) from exc
        if response.status_code == 403 and _error_of(response)[0] == DEVICE_REVOKED:
            log.warning("the platform revoked this device (%s)", path)
            token, self.access_token = self.access_token, None
            raise DeviceRevoked(Message("本设备已被平台停用"), access_token=token)
        return response

    def call(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        data: bytes | None = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        authenticated: bool = True,
        endpoint: str | None = None,
    ) -> Answer:
        """Call the platform; returns the answer or raises the matching SyncError."""
        endpoint = endpoint or f"{method} {path}"
        if authenticated and self.access_token is None:
            self.refresh()
        response = self._send(
            method, path, body=body, data=data, params=params, headers=headers, bearer=authenticated
        )
        if authenticated and response.status_code == 401:
            code, message, _, _ = _error_of(response)
            if code not in REFRESHABLE:
                raise self._login_required(code, message)
            self.refresh()
            response = self._send(
                method,
                path,
                body=body,
                data=data,
                params=params,
                headers=headers,
                bearer=True,
            )
        return self._answer(response, endpoint)

    def download(
        self,
        path: str,
        target: Path,
        *,
        endpoint: str,
        on_block: Callable[[int], None] | None = None,
        digest: Hasher | None = None,
    ) -> int:
        """GET a file into `target`, continuing what `target` already holds with a Range
        request (the whole file again when the platform ignores it); the bytes `target`
        holds at the end. `on_block(size_so_far)` runs after every block written (it may
        raise to stop: the part written stays for the next time). `digest` (a new hashlib
        object) is fed the whole file as it is written, the part held before included. A
        dropped connection raises Offline and keeps the part."""
        if self.access_token is None:
            self.refresh()
        for attempt in (1, 2):
            offset = target.stat().st_size if target.exists() else 0
            headers = {"Accept-Encoding": "identity", "Accept": "*/*"}
            if offset:
                headers["Range"] = f"bytes={offset}-"
            response = self._send("GET", path, headers=headers, bearer=True, stream=True)
            status = response.status_code
            if status == 401 and attempt == 1:
                code, message, _, _ = _error_of(response)
                if code not in REFRESHABLE:
                    raise self._login_required(code, message)
                response.close()
                self.refresh()
                continue
            if status == 416 and offset and attempt == 1:  # longer than the file: start over
                response.close()
                target.unlink()
                continue
            break
        if status not in (200, 206):
            self._answer(response, endpoint)  # raises the matching SyncError
            raise MalformedAnswer(
                endpoint, Message("意外的 HTTP 状态 {status}", status=str(status))
            )
        resumed = status == 206 and response.headers.get("Content-Range", "").startswith(
            f"bytes {offset}-"
        )
        written = offset if resumed else 0
        if digest is not None and resumed:
            with open(target, "rb") as held:
                while chunk := held.read(DOWNLOAD_BLOCK):
                    digest.update(chunk)
        try:
            with response, open(target, "ab" if resumed else "wb") as file:
                for block in response.iter_content(DOWNLOAD_BLOCK):
                    file.write(block)
                    if digest is not None:
                        digest.update(block)
                    written += len(block)
                    if on_block is not None:
                        on_block(written)
        except requests.exceptions.RequestException as exc:
            raise Offline(
                Message(
                    "与服务器 {server} 的连接中断：{error}",
                    server=self.server_url,
                    error=type(exc).__name__,
                )
            ) from exc
        return written

    def _answer(self, response: requests.Response, endpoint: str) -> Answer:
        status = response.status_code
        if status < 300 or status == 304:
            return Answer(status, response.content, response.headers, endpoint)
        code, message, field, error = _error_of(response)
        where = Message("（{endpoint}，HTTP {status}）", endpoint=endpoint, status=str(status))
        if status == 426:
            upgrade = Message("服务器要求升级客户端：请安装新版 cluedesk 后再同步")
            if message:
                upgrade = Message("{problem}（{detail}）", problem=upgrade, detail=message)
            raise UpgradeRequired(upgrade, code=code)
        if status == 401:
            raise self._login_required(code, message)
        if status == 410:
            raise ResetRequired(message or Message("需要重新完整同步"), status=410, code=code)
        if status == 409 and code == "offset_mismatch":
            received = error.get("received")
            if isinstance(received, bool) or not isinstance(received, int):
                raise MalformedAnswer(endpoint, "offset_mismatch 缺少 received")
            raise OffsetMismatch(message or Message("上传位置不一致"), received=received)
        if status == 429:
            retry_after = response.headers.get("Retry-After")
            seconds = float(retry_after) if retry_after and retry_after.isdigit() else None
            raise TooManyAttempts(
                message or Message("尝试次数过多，请稍后再试"), retry_after=seconds
            )
        if status >= 500:
            raise ServerError(
                Message("服务器内部错误{where}，请稍后再试", where=where), status=status, code=code
            )
        raise RequestRejected(
            (message or Message("服务器拒绝了请求")) + where, status=status, code=code, field=field
        )

    # ------------------------------------------------------------ tokens

    def _login_required(self, code: str, message: str) -> LoginRequired:
        if code in ("refresh_expired", "refresh_revoked", "refresh_reused", "user_disabled"):
            self._forget_refresh_token()
        texts = {
            "token_expired": N_("登录已过期，请重新登录"),
            "token_invalid": N_("登录已失效，请重新登录"),
            "refresh_expired": N_("登录已过期（长时间未同步），请重新登录"),
            "refresh_revoked": N_("本设备的登录已被注销，请重新登录"),
            "refresh_reused": N_("检测到登录凭据被重复使用，本设备已被注销，请重新登录"),
            "user_disabled": N_("账号已停用，请联系管理员"),
        }
        if code in texts:
            return LoginRequired(Message(texts[code]), code=code)
        return LoginRequired(message or Message("需要重新登录"), code=code)

    def _forget_refresh_token(self) -> None:
        self.access_token = None
        if self.tokens is not None and self.username:
            self.tokens.clear(self.server_url, self.username)

    def accept_tokens(self, pair: TokenPair) -> None:
        """Keep the (rotated) refresh token first, then use the new access token.

        The refresh token is saved before anything else happens: the old one is spent the
        moment the platform answered. Should saving fail, the access token is not used
        either, so the platform sees the answer as lost and accepts the old token once more
        within its grace window.
        """
        username = pair.user.username if pair.user is not None else self.username
        if self.tokens is not None and username:
            self.tokens.save(self.server_url, username, pair.refresh_token, pair.refresh_expires_at)
        self.username = username
        self.access_token = pair.access_token
        self.encrypt_store = pair.encrypt_store

    def refresh(self) -> None:
        """Trade the saved refresh token for a new pair; LoginRequired when that fails."""
        saved = None
        if self.tokens is not None and self.username:
            saved = self.tokens.load(self.server_url, self.username)
        if saved is None:
            raise LoginRequired(Message("尚未登录，请先登录"), code="not_logged_in")
        if not saved.usable():
            self._forget_refresh_token()
            raise LoginRequired(
                Message("登录已过期（长时间未同步），请重新登录"), code="refresh_expired"
            )
        endpoint = "POST /auth/refresh"
        response = self._send(
            "POST",
            API + "/auth/refresh",
            body={"refresh_token": saved.token, "device_id": self.device_id},
            bearer=False,
        )
        if response.status_code in (400, 401, 403):
            code, message, _, _ = _error_of(response)
            raise self._login_required(code, message)
        pair = parse_tokens(self._answer(response, endpoint).body, endpoint)
        self.accept_tokens(pair)  # saved at once: nothing may come between answer and save
        log.info("access token refreshed for %s", self.username)

    def login(self, username: str, password: str, device_name: str) -> TokenPair:
        """POST auth/login with this device; keeps the tokens. LoginFailed when refused."""
        endpoint = "POST /auth/login"
        response = self._send(
            "POST",
            API + "/auth/login",
            body={
                "username": username,
                "password": password,
                "device_id": self.device_id,
                "device_name": device_name,
                **({"device_kind": self.device_kind} if self.device_kind != "office" else {}),
            },
            bearer=False,
        )
        if response.status_code in (401, 403):
            code, message, _, _ = _error_of(response)
            texts = {
                "bad_credentials": N_("用户名或密码错误"),
                "user_disabled": N_("账号已停用，请联系管理员"),
            }
            if code in texts:
                raise LoginFailed(Message(texts[code]), code=code)
            raise LoginFailed(message or Message("登录失败"), code=code)
        pair = parse_tokens(self._answer(response, endpoint).body, endpoint)
        self.username = pair.user.username if pair.user is not None else username
        self.accept_tokens(pair)
        return pair

    def confirm_wipe(self) -> bool:
        """Tell the platform this revoked device wiped its data (no token; best effort):
        whether it took note."""
        try:
            response = self._send(
                "POST", API + "/devices/wiped", body={"device_id": self.device_id}, bearer=False
            )
        except (Offline, DeviceRevoked) as exc:
            log.warning("wipe not confirmed to the platform: %s", exc.code)
            return False
        return response.status_code == 200

    def report_refused(self, token: str, actions: list[Mapping[str, Any]]) -> None:
        """Send a revoked device's unsent actions once with its last access token: the
        platform refuses them (applies nothing) and lists them for the office. Whatever it
        answers is ignored (best effort)."""
        body = {"device_id": self.device_id, "actions": actions}
        saved, self.access_token = self.access_token, token
        try:
            self._send("POST", API + "/push", body=body, bearer=True)
        except (DeviceRevoked, Offline):
            pass
        finally:
            self.access_token = saved

    def logout(self) -> None:
        """Revoke this device's tokens on the platform and forget them here."""
        body: dict[str, Any] = {"device_id": self.device_id}
        if self.tokens is not None and self.username:
            saved = self.tokens.load(self.server_url, self.username)
            if saved is not None:
                body["refresh_token"] = saved.token
        try:
            response = self._send("POST", API + "/auth/logout", body=body, bearer=True)
            if response.status_code not in (200, 204, 401):
                self._answer(response, "POST /auth/logout")
        finally:
            self._forget_refresh_token()
