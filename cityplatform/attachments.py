"""Attachments: content-addressed by SHA-256, uploaded in resumable chunks, stored once on disk."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.responses import FileResponse, MalformedRangeHeader, RangeNotSatisfiable, Response
from starlette.types import Receive, Scope, Send

from cityplatform.attachment_rights import citable, readable
from cityplatform.auth import Caller, CallerDep
from cityplatform.context import Platform, platform_of
from cityplatform.errors import (
    AUTHENTICATED_ERRORS,
    ApiError,
    bad_request,
    error_response,
    error_responses,
    invalid,
    not_found,
    too_large,
)
from cityplatform.jsonresp import wire_response
from cityplatform.models import Attachment, AttachmentHolder, AttachmentUpload
from desktop.wire.reference import ChunkAnswer, UploadState

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


DigestPath = Annotated[
    str,
    PathParam(description="附件的 SHA-256（64 位十六进制）", pattern=r"^[0-9a-fA-F]{64}$"),
]
OffsetQuery = Annotated[int, Query(ge=0, description="本块在文件中的起始字节位置")]
SizeQuery = Annotated[int, Query(ge=0, description="整个文件的字节数")]
FILE_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "整个文件",
        "content": {OCTET: {"schema": {"type": "string", "format": "binary"}}},
    },
    206: {
        "description": "Range 请求的部分",
        "content": {OCTET: {"schema": {"type": "string", "format": "binary"}}},
    },
}


def _digest(sha256: str) -> str:
    value = sha256.strip().lower()
    if not SHA256.fullmatch(value):
        raise bad_request("附件标识应为 64 位十六进制 SHA-256", "sha256")
    return value


def final_path(platform: Platform, sha256: str) -> Path:
    """Where a complete attachment lives."""
    return platform.attachments_dir / sha256[:2] / sha256


def _part_path(platform: Platform, sha256: str, caller: Caller) -> Path:
    """The part file of the caller's own upload (one per file, user and device)."""
    owner = hashlib.sha256(f"{caller.username}\0{caller.device_id}".encode()).hexdigest()
    return platform.partial_dir / f"{sha256}.{owner[:32]}.part"


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
    """Cut the file at `offset` and write `data` there (created if new; binary on Windows too,
    which has no os.pwrite)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags, 0o640), "r+b") as handle:
        handle.truncate(offset)
        if data:
            handle.seek(offset)
            handle.write(data)


def _mismatch(received: int) -> ApiError:
    return ApiError(
        409,
        "offset_mismatch",
        f"上传位置不一致，平台已收到 {received} 字节，请从该位置继续",
        field="offset",
        extra={"received": received},
    )


def _publish(part: Path, target: Path) -> None:
    """Put a checked part file's content at `target` (kept if already there); the part
    stays until the upload's commit, so a failed commit can be retried."""
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(part, target)
    except FileExistsError:
        pass
    except OSError:  # no hard links here: copy beside the target, then rename
        descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        os.close(descriptor)
        shutil.copyfile(part, name)
        os.replace(name, target)


def _drop_upload(session: Session, caller: Caller, sha256: str) -> bool:
    """Forget the caller's own upload row of a file; whether there was one."""
    result = session.execute(
        delete(AttachmentUpload).where(
            AttachmentUpload.sha256 == sha256,
            AttachmentUpload.device_id == caller.device_id,
            AttachmentUpload.username == caller.username,
        )
    )
    return bool(getattr(result, "rowcount", 0))


def _digest_mismatch() -> ApiError:
    return ApiError(
        422,
        "digest_mismatch",
        "附件内容与 SHA-256 不符，已丢弃，请重新上传",
        field="sha256",
    )


def _complete_upload(
    session: Session, platform: Platform, caller: Caller, upload: AttachmentUpload, part: Path
) -> None:
    """The caller sent every byte and they match the digest: store the file once, record
    the caller's device as a holder, and drop the upload (the caller commits)."""
    sha256, now = upload.sha256, platform.now()
    row = session.get(Attachment, sha256)
    if row is None:
        media = upload.media_type if upload.media_type != OCTET else _sniff(part)
        session.add(
            Attachment(
                sha256=sha256,
                size=upload.size,
                received=upload.size,
                complete=True,
                media_type=media,
                uploaded_by=caller.username,
                created_at=upload.created_at,
                completed_at=now,
            )
        )
    if session.get(AttachmentHolder, (sha256, caller.username, caller.device_id)) is None:
        session.add(
            AttachmentHolder(
                sha256=sha256,
                username=caller.username,
                device_id=caller.device_id,
                proved_at=now,
            )
        )
    session.delete(upload)
    session.flush()  # a racing completion of the same file fails here, before any file moves
    _publish(part, final_path(platform, sha256))


def _store_chunk(
    platform: Platform,
    caller: Caller,
    sha256: str,
    offset: int,
    size: int,
    data: bytes,
    media_type: str,
) -> dict[str, Any]:
    now = platform.now()
    part = _part_path(platform, sha256, caller)
    with platform.db.write() as session:
        if citable(session, caller.viewer, caller.device_id, (sha256,)):
            row = session.get(Attachment, sha256)
            assert row is not None
            if _drop_upload(session, caller, sha256):  # an upload it no longer needs
                session.commit()
                part.unlink(missing_ok=True)
            return {"received": row.size, "complete": True}
        upload = session.execute(
            select(AttachmentUpload)
            .where(
                AttachmentUpload.sha256 == sha256,
                AttachmentUpload.device_id == caller.device_id,
                AttachmentUpload.username == caller.username,
            )
            .with_for_update()
        ).scalar_one_or_none()
        if upload is None:
            if offset != 0:
                raise _mismatch(0)
            upload = AttachmentUpload(
                sha256=sha256,
                device_id=caller.device_id,
                username=caller.username,
                size=size,
                received=0,
                media_type=media_type,
                created_at=now,
                updated_at=now,
            )
            session.add(upload)
            session.flush()  # a racing first chunk of the same device fails here
        elif upload.size != size:
            if offset != 0:
                raise invalid(f"声明的大小 {size} 与上传开始时的 {upload.size} 不一致", "size")
            upload.size, upload.received = size, 0
        if offset != upload.received:
            raise _mismatch(upload.received)
        if offset + len(data) > size:
            raise invalid("数据超出了声明的附件大小", "offset")
        _write_at(part, offset, data)
        upload.received = offset + len(data)
        upload.updated_at = now
        if upload.received == size:
            if _file_digest(part) != sha256:
                session.delete(upload)
                session.commit()
                part.unlink(missing_ok=True)
                raise _digest_mismatch()
            _complete_upload(session, platform, caller, upload, part)
            session.commit()
            part.unlink(missing_ok=True)
            return {"received": size, "complete": True}
        session.commit()
        return {"received": upload.received, "complete": False}


def store_chunk(
    platform: Platform,
    caller: Caller,
    sha256: str,
    offset: int,
    size: int,
    data: bytes,
    media_type: str,
) -> dict[str, Any]:
    """Write one chunk of the caller device's own upload at `offset`; the last one is
    checked against the digest. A file this device may already cite answers complete at
    once; anyone else must send all of it (proof of possession), even if it is stored."""
    try:
        return _store_chunk(platform, caller, sha256, offset, size, data, media_type)
    except IntegrityError:
        # A request of the same device, or another completing the same file, committed
        # first: the answer is the state it left.
        return _store_chunk(platform, caller, sha256, offset, size, data, media_type)


@router.get(
    "/{sha256}/status",
    response_model=UploadState,
    responses=error_responses(*AUTHENTICATED_ERRORS),
    summary="附件上传状态",
)
def status(sha256: DigestPath, request: Request, caller: CallerDep) -> Response:
    """How many bytes of the caller device's own upload the platform has (complete: the
    caller may cite the file); nothing is told about anyone else's upload or file."""
    platform = platform_of(request)
    digest = _digest(sha256)
    with platform.db.read() as session:
        if citable(session, caller.viewer, caller.device_id, (digest,)):
            row = session.get(Attachment, digest)
            assert row is not None
            answer = {"received": row.size, "size": row.size, "complete": True}
            return wire_response(UploadState, answer)
        upload = session.get(AttachmentUpload, (digest, caller.device_id, caller.username))
    if upload is None:
        return wire_response(UploadState, {"received": 0, "size": None, "complete": False})
    answer = {"received": upload.received, "size": upload.size, "complete": False}
    return wire_response(UploadState, answer)


@router.put(
    "/{sha256}",
    response_model=ChunkAnswer,
    responses=error_responses(*AUTHENTICATED_ERRORS, 409),
    summary="上传附件分块",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {OCTET: {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
async def upload(
    sha256: DigestPath, offset: OffsetQuery, size: SizeQuery, request: Request, caller: CallerDep
) -> Response:
    """Upload the chunk at ?offset=N of a file of ?size=TOTAL bytes (body ≤ 1 MiB)."""
    platform = platform_of(request)
    digest = _digest(sha256)
    limits = platform.settings.limits
    if size > limits.attachment_bytes:
        raise too_large(f"附件不能超过 {limits.attachment_bytes // (1024 * 1024)} MiB")
    data = await request.body()
    if len(data) > limits.chunk_bytes:
        raise too_large(f"每块不能超过 {limits.chunk_bytes // 1024} KiB")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    media = content_type if content_type and "/" in content_type else OCTET
    result = await run_in_threadpool(
        store_chunk, platform, caller, digest, offset, size, data, media
    )
    return wire_response(ChunkAnswer, result)


class _CheckedRangeFile(FileResponse):
    """A FileResponse whose refusals of a Range header are in the protocol's JSON shape
    (starlette answers them in plain text): 400 malformed, 416 beyond the file."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse a bad Range in JSON, else send the file (or its range) as starlette does."""
        refusal = self._range_refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    def _range_refusal(self, scope: Scope) -> Response | None:
        """The JSON refusal of a Range header starlette would refuse (same conditions)."""
        headers = Headers(scope=scope)
        http_range = headers.get("range")
        if_range = headers.get("if-range")
        if (
            http_range is None
            or self.status_code != 200
            or self.stat_result is None
            or scope["method"].upper() not in ("GET", "HEAD")
            or (if_range is not None and not self._should_use_range(if_range))
        ):
            return None
        size = self.stat_result.st_size
        try:
            self._parse_range_header(http_range, size)
        except MalformedRangeHeader:
            return error_response(
                400, "bad_request", "Range 请求头格式无效，应为 bytes=起始-结束", "Range"
            )
        except RangeNotSatisfiable:
            return error_response(
                416,
                "range_not_satisfiable",
                f"请求的范围超出附件大小（{size} 字节）",
                "Range",
                headers={"Content-Range": f"bytes */{size}"},
            )
        return None


@router.get(
    "/{sha256}",
    response_class=Response,
    responses={**FILE_ANSWERS, **error_responses(*AUTHENTICATED_ERRORS, 404, 416)},
    summary="下载附件（支持 Range）",
)
def download(sha256: DigestPath, request: Request, caller: CallerDep) -> Response:
    """The complete file; a Range header answers 206 with the part asked for."""
    platform = platform_of(request)
    digest = _digest(sha256)
    with platform.db.read() as session:
        row = session.get(Attachment, digest) if readable(session, caller.viewer, digest) else None
    if row is None:
        # the same answer for an unknown, unfinished or someone else's file: no existence leak
        raise not_found("附件不存在、尚未上传完成或不在您的查看范围内")
    path = final_path(platform, digest)
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        raise not_found("附件文件已丢失") from None
    return _CheckedRangeFile(
        path, media_type=row.media_type, headers={"ETag": f'"{digest}"'}, stat_result=stat
    )
