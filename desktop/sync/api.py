"""The platform's endpoints as typed calls; every answer is checked against its wire model
(`desktop.wire`) before use."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from desktop.sync.errors import MalformedAnswer
from desktop.sync.http import API, Hasher, PlatformHttp
from desktop.wire.records import PullPage
from desktop.wire.reference import (
    BlockOut,
    ChunkAnswer,
    Directory,
    Limits,
    Meta,
    RulesOut,
    UploadState,
)
from desktop.wire.reporter import RevealOut
from desktop.wire.snapshot import SnapshotOffer
from desktop.wire.supervision import SupervisionPage
from desktop.wire.sync import PushAnswer, PushResult
from desktop.wire.verification import VerificationPage

__all__ = ["Limits", "Meta", "PlatformApi", "PullPage", "UploadState"]


class PlatformApi:
    """Typed calls on a `PlatformHttp`."""

    def __init__(self, http: PlatformHttp) -> None:
        self.http = http

    def meta(self) -> Meta:
        """GET /meta: the platform's clock, versions, the user's scope epoch and limits."""
        return self.http.call("GET", API + "/meta", endpoint="GET /meta").parse(Meta)

    def directory(self) -> Directory:
        """GET /directory (units and users)."""
        endpoint = "GET /directory"
        return self.http.call("GET", API + "/directory", endpoint=endpoint).parse(Directory)

    def rules(self) -> RulesOut:
        """GET /rules (rules, calendar years, version)."""
        return self.http.call("GET", API + "/rules", endpoint="GET /rules").parse(RulesOut)

    def push(self, actions: Sequence[Mapping[str, Any]]) -> list[PushResult]:
        """POST /push; the results, one per action and in order (checked here)."""
        endpoint = "POST /push"
        body = {"device_id": self.http.device_id, "actions": list(actions)}
        answer = self.http.call("POST", API + "/push", body=body, endpoint=endpoint)
        results = answer.parse(PushAnswer).results
        if len(results) != len(actions):
            raise MalformedAnswer(
                endpoint, f"发送 {len(actions)} 个操作，却收到 {len(results)} 个结果"
            )
        for i, (sent, result) in enumerate(zip(actions, results, strict=True)):
            if result.action_id != sent["action_id"]:
                raise MalformedAnswer(endpoint, f"results[{i}] 与所发送的操作不对应")
        return results

    def number_block(
        self, unit_code: str, year: int, size: int, series: str = "notice"
    ) -> dict[str, Any]:
        """POST /number-blocks: reserve `size` document numbers of `unit_code`, `year` and
        `series` (notice, case or decision) for this device; the block {"block_id",
        "unit_code", "year", "first", "last", "series"}."""
        endpoint = "POST /number-blocks"
        body: dict[str, Any] = {
            "device_id": self.http.device_id,
            "unit_code": unit_code,
            "year": year,
            "size": size,
        }
        if series != "notice":  # a platform of before penalty cases knows notice numbers only
            body["series"] = series
        answer = self.http.call("POST", API + "/number-blocks", body=body, endpoint=endpoint)
        block = answer.parse(BlockOut)
        if block.unit_code != unit_code or block.year != year or block.series != series:
            raise MalformedAnswer(endpoint, "编号段的单位、年份或种类与申请的不符")
        if block.first > block.last:
            raise MalformedAnswer(endpoint, "编号段的起止号无效")
        return block.model_dump()

    def pull(self, cursor: str | None, limit: int) -> PullPage:
        """GET /pull from `cursor` (None: from the beginning)."""
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        answer = self.http.call("GET", API + "/pull", params=params, endpoint="GET /pull")
        return answer.parse(PullPage)

    def snapshot_offer(self, min_clues: int) -> SnapshotOffer:
        """GET /snapshot: the platform's snapshot of the user's scope, if it holds at least
        `min_clues` clues (RequestRejected 404 from a platform without snapshots)."""
        endpoint = "GET /snapshot"
        answer = self.http.call(
            "GET", API + "/snapshot", params={"min_clues": min_clues}, endpoint=endpoint
        )
        offer = answer.parse(SnapshotOffer)
        if offer.available and (
            offer.id is None or offer.cursor is None or offer.size is None or offer.sha256 is None
        ):
            raise MalformedAnswer(endpoint, "快照缺少标识、位置、大小或摘要")
        return offer

    def snapshot_download(
        self,
        snapshot_id: str,
        target: Path,
        on_block: Callable[[int], None] | None = None,
        digest: Hasher | None = None,
    ) -> int:
        """GET /snapshots/{id} into `target`, continuing a partial `target` (Range); the
        bytes it holds at the end (`digest` is fed the whole file, see `download`)."""
        path = f"{API}/snapshots/{quote(snapshot_id, safe='')}"
        return self.http.download(
            path, target, endpoint="GET /snapshots", on_block=on_block, digest=digest
        )

    def reveal_reporter(self, clue_code: str, reason: str) -> RevealOut:
        """POST /clues/{code}/reporter-reveal: the unmasked reporter of a clue, for a
        commission user who records `reason` (the platform audits it); keep it nowhere."""
        endpoint = "POST /clues/reporter-reveal"
        path = f"{API}/clues/{quote(clue_code, safe='')}/reporter-reveal"
        answer = self.http.call("POST", path, body={"reason": reason}, endpoint=endpoint)
        revealed = answer.parse(RevealOut)
        if revealed.clue_code != clue_code:
            raise MalformedAnswer(endpoint, "答复的线索编号与请求的不符")
        return revealed

    def upload_status(self, sha256: str) -> UploadState:
        """GET /attachments/{sha256}/status."""
        endpoint = "GET /attachments/status"
        path = f"{API}/attachments/{sha256}/status"
        return self.http.call("GET", path, endpoint=endpoint).parse(UploadState)

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
        chunk_answer = answer.parse(ChunkAnswer)
        return UploadState(
            received=chunk_answer.received, size=size, complete=chunk_answer.complete
        )

    def supervision(self, cursor: str | None, limit: int) -> SupervisionPage:
        """GET /supervision from `cursor` (None: every record the user sees)."""
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        endpoint = "GET /supervision"
        answer = self.http.call("GET", API + "/supervision", params=params, endpoint=endpoint)
        return answer.parse(SupervisionPage)

    def verification(self, cursor: str | None, limit: int) -> VerificationPage:
        """GET /verification from `cursor` (None: every batch of the user's office)."""
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        endpoint = "GET /verification"
        answer = self.http.call("GET", API + "/verification", params=params, endpoint=endpoint)
        return answer.parse(VerificationPage)
