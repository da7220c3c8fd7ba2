"""Attachments: content-addressed by SHA-256, uploaded in resumable chunks, stored once on disk."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy import and_, exists, select
from starlette.concurrency import run_in_threadpool
from starlette.responses import FileResponse, Response

from cityplatform.auth import Caller, CallerDep
from cityplatform.context import Platform, platform_of
from cityplatform.errors import ApiError, bad_request, invalid, not_found, too_large
from cityplatform.jsonresp import FastJSONResponse
from cityplatform.models import Attachment, Clue, ClueAttachment

router = APIRouter(prefix="/api/v1/attachments", tags=["attachments"])

SHA256 = re.compile(r"[0-9a-f]{64}")
OCTET = "application/octet-stream"
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"PK\x03\x04", "application/zip"),
)


class AttachmentStatus(BaseModel):
    """How much of an attachment the platform has."""

    received: int
    size: int | None
    complete: bool


class ChunkResult(BaseModel):
    """The answer to an uploaded chunk."""

    received: int
    complete: bool


def _digest(sha256: str) -> str:
    value = sha256.strip().lower()
    if not SHA256.fullmatch(value):
        raise bad_request("附件标识应为 64 位十六进制 SHA-256", "sha256")
    return value


def final_path(platform: Platform, sha256: str) -> Path:
    """Where a complete attachment lives."""
    return platform.attachments_dir / sha256[:2] / sha256


def _part_path(platform: Platform, sha256: str) -> Path:
    return platform.partial_dir / f"{sha256}.part"


def _sniff(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(16)
    for magic, media in MAGIC:
        if head.startswith(magic):
            return media
    return OCTET


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def _write_at(path: Path, offset: int, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o640)
    try:
        os.ftruncate(descriptor, offset)
        if data:
            os.pwrite(descriptor, data, offset)
    finally:
        os.close(descriptor)


def _params(request: Request, limit: int) -> tuple[int, int]:
    values = []
    for name in ("offset", "size"):
        raw = request.query_params.get(name)
        if raw is None:
            raise bad_request(f"缺少参数 {name}", name)
        try:
            value = int(raw)
        except ValueError:
            raise bad_request(f"{name} 应为非负整数", name) from None
        if value < 0:
            raise bad_request(f"{name} 应为非负整数", name)
        values.append(value)
    offset, size = values
    if size > limit:
        raise too_large(f"附件不能超过 {limit // (1024 * 1024)} MiB")
    return offset, size


def _mismatch(received: int) -> ApiError:
    return ApiError(
        409,
        "offset_mismatch",
        f"上传位置不一致，平台已收到 {received} 字节，请从该位置继续",
        field="offset",
        extra={"received": received},
    )


def store_chunk(
    platform: Platform,
    caller: Caller,
    sha256: str,
    offset: int,
    size: int,
    data: bytes,
    media_type: str,
) -> dict[str, Any]:
    """Write one chunk at `offset`; the last one is checked against the digest."""
    now = platform.now()
    part = _part_path(platform, sha256)
    with platform.db.write() as session:
        row = session.execute(
            select(Attachment).where(Attachment.sha256 == sha256).with_for_update()
        ).scalar_one_or_none()
        if row is not None and row.complete:
            return {"received": row.size, "complete": True}
        if row is None:
            if offset != 0:
                raise _mismatch(0)
            row = Attachment(
                sha256=sha256,
                size=size,
                received=0,
                complete=False,
                media_type=media_type,
                uploaded_by=caller.username,
                created_at=now,
                completed_at=None,
            )
            session.add(row)
        elif row.size != size:
            if offset != 0:
                raise invalid(f"声明的大小 {size} 与上传开始时的 {row.size} 不一致", "size")
            row.size, row.received = size, 0
        if offset != row.received:
            raise _mismatch(row.received)
        if offset + len(data) > size:
            raise invalid("数据超出了声明的附件大小", "offset")
        _write_at(part, offset, data)
        row.received = offset + len(data)
        if row.received == size:
            if _file_digest(part) != sha256:
                part.unlink(missing_ok=True)
                session.delete(row)
                session.commit()
                raise ApiError(
                    422,
                    "digest_mismatch",
                    "附件内容与 SHA-256 不符，已丢弃，请重新上传",
                    field="sha256",
                )
            target = final_path(platform, sha256)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(part, target)
            row.complete = True
            row.completed_at = now
            if row.media_type == OCTET:
                row.media_type = _sniff(target)
        session.commit()
        return {"received": row.received, "complete": row.complete}


@router.get("/{sha256}/status", response_model=AttachmentStatus, summary="附件上传状态")
def status(sha256: str, request: Request, caller: CallerDep) -> FastJSONResponse:
    """How many bytes the platform has of an attachment."""
    platform = platform_of(request)
    digest = _digest(sha256)
    with platform.db.read() as session:
        row = session.get(Attachment, digest)
    if row is None:
        return FastJSONResponse({"received": 0, "size": None, "complete": False})
    return FastJSONResponse(
        {
            "received": row.size if row.complete else row.received,
            "size": row.size,
            "complete": row.complete,
        }
    )


@router.put("/{sha256}", response_model=ChunkResult, summary="上传附件分块")
async def upload(sha256: str, request: Request, caller: CallerDep) -> FastJSONResponse:
    """Upload the chunk at ?offset=N of a file of ?size=TOTAL bytes (body ≤ 1 MiB)."""
    platform = platform_of(request)
    digest = _digest(sha256)
    limits = platform.settings.limits
    offset, size = _params(request, limits.attachment_bytes)
    data = await request.body()
    if len(data) > limits.chunk_bytes:
        raise too_large(f"每块不能超过 {limits.chunk_bytes // 1024} KiB")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    media = content_type if content_type and "/" in content_type else OCTET
    result = await run_in_threadpool(
        store_chunk, platform, caller, digest, offset, size, data, media
    )
    return FastJSONResponse(result)


def _may_download(platform: Platform, caller: Caller, row: Attachment) -> bool:
    if row.uploaded_by == caller.username:
        return True
    viewer = caller.viewer
    linked = exists(
        select(ClueAttachment.clue_id)
        .join(Clue, Clue.id == ClueAttachment.clue_id)
        .where(and_(ClueAttachment.sha256 == row.sha256, viewer.clue_filter()))
    )
    with platform.db.read() as session:
        return bool(session.scalar(select(linked)))


@router.get("/{sha256}", summary="下载附件（支持 Range）")
def download(sha256: str, request: Request, caller: CallerDep) -> Response:
    """The complete file; a Range header answers 206 with the part asked for."""
    platform = platform_of(request)
    digest = _digest(sha256)
    with platform.db.read() as session:
        row = session.get(Attachment, digest)
    if row is None or not row.complete:
        raise not_found("附件不存在或尚未上传完成")
    if not _may_download(platform, caller, row):
        raise ApiError(403, "forbidden", "该附件不在您的查看范围内")
    path = final_path(platform, digest)
    if not path.exists():
        raise not_found("附件文件已丢失")
    return FileResponse(path, media_type=row.media_type, headers={"ETag": f'"{digest}"'})
