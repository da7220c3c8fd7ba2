"""ASGI middleware in front of the routes: protocol version, body size, gzip bodies."""

from __future__ import annotations

import zlib
from typing import Any

from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cityplatform.config import Limits
from cityplatform.errors import error_response

PROTOCOL_HEADER = b"x-cluedesk-protocol"
SUPPORTED_PROTOCOLS = frozenset({"1"})
ATTACHMENTS_PREFIX = "/api/v1/attachments/"
SNAPSHOTS_PREFIX = "/api/v1/snapshots/"
"""Snapshot files are sent as they are (Range, already compact), never gzipped."""
BODYLESS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE"})


class BodyTooLarge(Exception):
    """The request body is over the limit."""


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


def _gunzip(data: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(wbits=47)  # gzip or zlib header, detected
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit or inflater.unconsumed_tail:
        raise BodyTooLarge()
    if not inflater.eof:
        raise zlib.error("truncated")
    return out


class RequestGate:
    """Refuses other protocol versions (426) and oversized bodies (413) before any route,
    and inflates gzip-compressed request bodies."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the request, then hand it on (with its whole body read)."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path.startswith("/api/"):
            version = _header(scope, PROTOCOL_HEADER)
            if version is not None and version.strip() not in SUPPORTED_PROTOCOLS:
                response = error_response(
                    426,
                    "upgrade_required",
                    f"平台不支持协议版本 {version.strip()}（支持 1），请升级客户端",
                )
                await response(scope, receive, send)
                return
        if scope["method"] in BODYLESS:
            await self.app(scope, receive, send)
            return
        limit = (
            self.limits.chunk_bytes
            if path.startswith(ATTACHMENTS_PREFIX)
            else self.limits.json_body_bytes
        )
        try:
            body = await self._read(scope, receive, limit)
        except BodyTooLarge:
            response = error_response(413, "too_large", f"请求内容超过上限（{limit // 1024} KiB）")
            await response(scope, receive, send)
            return
        encoding = (_header(scope, b"content-encoding") or "").strip().lower()
        if encoding in ("gzip", "x-gzip", "deflate"):
            try:
                body = _gunzip(body, limit)
            except BodyTooLarge:
                response = error_response(
                    413, "too_large", f"解压后的请求内容超过上限（{limit // 1024} KiB）"
                )
                await response(scope, receive, send)
                return
            except zlib.error:
                response = error_response(400, "bad_request", "请求内容的压缩数据无效")
                await response(scope, receive, send)
                return
        elif encoding not in ("", "identity"):
            response = error_response(400, "bad_request", f"不支持的内容编码：{encoding}")
            await response(scope, receive, send)
            return
        headers = [
            (k, v)
            for k, v in scope.get("headers", [])
            if k.lower() not in (b"content-encoding", b"content-length")
        ]
        headers.append((b"content-length", str(len(body)).encode()))
        inner: dict[str, Any] = dict(scope)
        inner["headers"] = headers
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(inner, replay, send)

    async def _read(self, scope: Scope, receive: Receive, limit: int) -> bytes:
        declared = _header(scope, b"content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > limit:
            raise BodyTooLarge()
        parts: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > limit:
                raise BodyTooLarge()
            parts.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(parts)


class SelectiveGZip:
    """Gzip answers for clients that accept it, except attachment and snapshot downloads
    (Range, binary)."""

    def __init__(self, app: ASGIApp, compresslevel: int = 5) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=1024, compresslevel=compresslevel)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Compress unless the path is an attachment."""
        if scope["type"] == "http" and not scope["path"].startswith(
            (ATTACHMENTS_PREFIX, SNAPSHOTS_PREFIX)
        ):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)
