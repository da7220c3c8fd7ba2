"""Uploading attachment files before the actions that cite them: chunked and resumable."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from desktop.store.attachments import attachment_path, open_plain, stored_size
from desktop.store.cipher_files import AttachmentUnreadable
from desktop.store.database import Store
from desktop.sync.api import Limits, PlatformApi, UploadState
from desktop.sync.errors import Cancelled, MalformedAnswer, OffsetMismatch, RequestRejected

log = logging.getLogger("cluedesk.sync")


@dataclass
class UploadTally:
    """What an upload pass did: files sent, already there, and ones that failed (why)."""

    uploaded: int = 0
    present: int = 0
    failed: dict[str, str] = field(default_factory=dict)


def _status(api: PlatformApi, sha256: str) -> UploadState:
    try:
        return api.upload_status(sha256)
    except RequestRejected as exc:
        if exc.status == 404:
            return UploadState(received=0, size=None, complete=False)
        raise


def upload_file(
    api: PlatformApi,
    store: Store,
    sha256: str,
    limits: Limits,
    cancelled: Callable[[], bool] = lambda: False,
) -> bool:
    """Make sure this device may cite one stored file; True if it had to be sent.

    The platform answers complete only when this device may cite the file already (it
    uploaded it, or the user sees a clue citing it); otherwise every byte is sent, also when
    the platform holds the file (proof of possession). Resumes where this device's own upload
    stands; a 409 offset_mismatch moves to the offset the platform has. Raises
    RequestRejected (e.g. 422 digest_mismatch) and transport errors. The plain content is
    sent (an encrypted store's file is decrypted to a temporary copy first).
    """
    size = stored_size(store, sha256)
    state = _status(api, sha256)
    if state.complete:
        return False
    # The platform answers only about this device's own upload; one of another size (not
    # this file) is restarted at 0, which the platform allows.
    same = state.size in (None, size) and state.received <= size
    offset = state.received if same else 0
    steps = 2 * (size // max(limits.chunk_bytes, 1)) + 10
    with open_plain(store, sha256) as data:
        for _ in range(steps):
            if cancelled():
                raise Cancelled("同步已取消")
            data.seek(offset)
            chunk = data.read(limits.chunk_bytes)
            try:
                state = api.upload_chunk(sha256, offset, size, chunk)
            except OffsetMismatch as exc:
                if not 0 <= exc.received <= size:
                    raise MalformedAnswer("PUT /attachments", "received 超出文件大小") from exc
                offset = exc.received
                continue
            if state.complete:
                return True
            if state.received <= offset and chunk:
                raise MalformedAnswer("PUT /attachments", "服务器没有接收数据")
            offset = state.received
    raise MalformedAnswer("PUT /attachments", f"附件 {sha256[:12]}… 上传未能完成")


def upload_files(
    api: PlatformApi,
    store: Store,
    files: Sequence[tuple[str, str]],
    limits: Limits,
    *,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] | None = None,
) -> UploadTally:
    """Upload every file pending actions cite; a file missing here or refused is noted."""
    tally = UploadTally()
    for done, (sha256, name) in enumerate(files, 1):
        if cancelled():
            raise Cancelled("同步已取消")
        path = attachment_path(store, sha256)
        if not path.exists():
            tally.failed[sha256] = f"本机没有附件文件 {name or sha256[:12]}"
        elif stored_size(store, sha256) > limits.attachment_bytes:
            tally.failed[sha256] = f"附件 {name or sha256[:12]} 超过大小上限"
        else:
            try:
                if upload_file(api, store, sha256, limits, cancelled):
                    tally.uploaded += 1
                else:
                    tally.present += 1
            except RequestRejected as exc:
                tally.failed[sha256] = f"附件 {name or sha256[:12]} 上传被拒绝：{exc.message}"
            except AttachmentUnreadable:
                tally.failed[sha256] = f"附件 {name or sha256[:12]} 无法用本机线索库的密钥解密"
        if sha256 in tally.failed:
            log.warning("attachment %s not uploaded: %s", sha256, tally.failed[sha256])
        if progress is not None:
            progress(done, len(files))
    return tally
