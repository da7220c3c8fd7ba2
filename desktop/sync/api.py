"""The platform's endpoints as typed calls; every answer's shape is checked before use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.sync.errors import MalformedAnswer
from desktop.sync.http import API, PlatformHttp, UserInfo, parse_user


def _object(body: Any, endpoint: str) -> Mapping[str, Any]:
    if not isinstance(body, Mapping):
        raise MalformedAnswer(endpoint, "应为 JSON 对象")
    return body


def _count(data: Mapping[str, Any], key: str, endpoint: str, *, default: int | None = None) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise MalformedAnswer(endpoint, f"{key} 应为非负整数，而不是 {value!r}")
    return value


@dataclass(frozen=True)
class Limits:
    """The platform's size limits."""

    push_batch: int = 500
    pull_page: int = 1000
    attachment_bytes: int = 50 * 1024 * 1024
    chunk_bytes: int = 1024 * 1024


@dataclass(frozen=True)
class Meta:
    """GET /meta: the platform's clock, versions, the user's scope epoch and limits."""

    server_time: datetime
    protocol_versions: tuple[int, ...]
    action_types: tuple[str, ...]
    scope_epoch: Any
    user: UserInfo | None
    limits: Limits


@dataclass(frozen=True)
class PullPage:
    """GET /pull: raw changes (checked by the store when applied), next cursor, more flag."""

    changes: list[Any]
    cursor: str
    more: bool


@dataclass(frozen=True)
class UploadState:
    """How much of an attachment the platform has."""

    received: int
    size: int | None
    complete: bool


class PlatformApi:
    """Typed calls on a `PlatformHttp`."""

    def __init__(self, http: PlatformHttp) -> None:
        self.http = http

    def meta(self) -> Meta:
        """GET /meta."""
        endpoint = "GET /meta"
        data = _object(self.http.call("GET", API + "/meta", endpoint=endpoint).body, endpoint)
        raw_time = data.get("server_time")
        try:
            server_time = datetime.fromisoformat(str(raw_time))
        except ValueError:
            raise MalformedAnswer(endpoint, f"server_time 不是时间：{raw_time!r}") from None
        if server_time.tzinfo is None:
            raise MalformedAnswer(endpoint, "server_time 缺少时区")
        versions = data.get("protocol_versions")
        if not isinstance(versions, list) or not all(isinstance(v, int) for v in versions):
            raise MalformedAnswer(endpoint, "protocol_versions 应为整数数组")
        types = data.get("action_types", [])
        if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
            raise MalformedAnswer(endpoint, "action_types 应为字符串数组")
        raw_limits = data.get("limits", {})
        if not isinstance(raw_limits, Mapping):
            raise MalformedAnswer(endpoint, "limits 应为对象")
        base = Limits()
        limits = Limits(
            **{
                name: _count(raw_limits, name, endpoint, default=getattr(base, name))
                for name in ("push_batch", "pull_page", "attachment_bytes", "chunk_bytes")
            }
        )
        if min(limits.push_batch, limits.pull_page, limits.chunk_bytes) < 1:
            raise MalformedAnswer(endpoint, "limits 中的值应大于 0")
        user = data.get("user")
        return Meta(
            server_time=server_time,
            protocol_versions=tuple(versions),
            action_types=tuple(types),
            scope_epoch=data.get("scope_epoch"),
            user=parse_user(user, endpoint) if user is not None else None,
            limits=limits,
        )

    def directory(self) -> Mapping[str, Any]:
        """GET /directory (units and users; their fields are checked when stored)."""
        endpoint = "GET /directory"
        data = _object(self.http.call("GET", API + "/directory", endpoint=endpoint).body, endpoint)
        for key in ("units", "users"):
            if not isinstance(data.get(key), list):
                raise MalformedAnswer(endpoint, f"{key} 应为数组")
        return data

    def rules(self) -> Mapping[str, Any]:
        """GET /rules (rules, calendar years, version; checked when stored)."""
        endpoint = "GET /rules"
        data = _object(self.http.call("GET", API + "/rules", endpoint=endpoint).body, endpoint)
        if not isinstance(data.get("rules"), Mapping) or not isinstance(data.get("calendar"), list):
            raise MalformedAnswer(endpoint, "应含 rules（对象）与 calendar（数组）")
        return data

    def push(self, actions: Sequence[Mapping[str, Any]]) -> list[Any]:
        """POST /push; the results, one per action and in order (checked here)."""
        endpoint = "POST /push"
        body = {"device_id": self.http.device_id, "actions": list(actions)}
        data = _object(
            self.http.call("POST", API + "/push", body=body, endpoint=endpoint).body, endpoint
        )
        results = data.get("results")
        if not isinstance(results, list):
            raise MalformedAnswer(endpoint, "results 应为数组")
        if len(results) != len(actions):
            raise MalformedAnswer(
                endpoint, f"发送 {len(actions)} 个操作，却收到 {len(results)} 个结果"
            )
        for i, (sent, result) in enumerate(zip(actions, results, strict=True)):
            if not isinstance(result, Mapping) or result.get("action_id") != sent["action_id"]:
                raise MalformedAnswer(endpoint, f"results[{i}] 与所发送的操作不对应")
        return results

    def number_block(self, unit_code: str, year: int, size: int) -> dict[str, Any]:
        """POST /number-blocks: reserve `size` document numbers of `unit_code` and `year`
        for this device; the block {"block_id", "unit_code", "year", "first", "last"}."""
        endpoint = "POST /number-blocks"
        body = {
            "device_id": self.http.device_id,
            "unit_code": unit_code,
            "year": year,
            "size": size,
        }
        data = _object(
            self.http.call("POST", API + "/number-blocks", body=body, endpoint=endpoint).body,
            endpoint,
        )
        block = {key: _count(data, key, endpoint) for key in ("block_id", "year", "first", "last")}
        if data.get("unit_code") != unit_code or block["year"] != year:
            raise MalformedAnswer(endpoint, "编号段的单位或年份与申请的不符")
        if not 1 <= block["first"] <= block["last"]:
            raise MalformedAnswer(endpoint, "编号段的起止号无效")
        return {**block, "unit_code": unit_code}

    def pull(self, cursor: str | None, limit: int) -> PullPage:
        """GET /pull from `cursor` (None: from the beginning)."""
        endpoint = "GET /pull"
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        data = _object(
            self.http.call("GET", API + "/pull", params=params, endpoint=endpoint).body, endpoint
        )
        changes, next_cursor, more = data.get("changes"), data.get("cursor"), data.get("more")
        if not isinstance(changes, list):
            raise MalformedAnswer(endpoint, "changes 应为数组")
        if not isinstance(next_cursor, str) or not next_cursor:
            raise MalformedAnswer(endpoint, "cursor 应为非空字符串")
        if not isinstance(more, bool):
            raise MalformedAnswer(endpoint, "more 应为 true 或 false")
        return PullPage(changes, next_cursor, more)

    def upload_status(self, sha256: str) -> UploadState:
        """GET /attachments/{sha256}/status."""
        endpoint = "GET /attachments/status"
        path = f"{API}/attachments/{sha256}/status"
        data = _object(self.http.call("GET", path, endpoint=endpoint).body, endpoint)
        size = data.get("size")
        if size is not None and (isinstance(size, bool) or not isinstance(size, int)):
            raise MalformedAnswer(endpoint, "size 应为整数或 null")
        complete = data.get("complete")
        if not isinstance(complete, bool):
            raise MalformedAnswer(endpoint, "complete 应为 true 或 false")
        return UploadState(_count(data, "received", endpoint), size, complete)

    def upload_chunk(self, sha256: str, offset: int, size: int, chunk: bytes) -> UploadState:
        """PUT one chunk of an attachment at `offset` (OffsetMismatch tells where to resume)."""
        endpoint = "PUT /attachments"
        answer = self.http.call(
            "PUT",
            f"{API}/attachments/{sha256}",
            params={"offset": offset, "size": size},
            data=chunk,
            headers={"Content-Type": "application/octet-stream"},
            endpoint=endpoint,
        )
        data = _object(answer.body, endpoint)
        complete = data.get("complete")
        if not isinstance(complete, bool):
            raise MalformedAnswer(endpoint, "complete 应为 true 或 false")
        return UploadState(_count(data, "received", endpoint), size, complete)
