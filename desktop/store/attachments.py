"""Attachment files, content-addressed by SHA-256 and stored once beside the database."""

from __future__ import annotations

import errno
import hashlib
import mimetypes
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.messages import Message
from desktop.domain.validators import ValidationError
from desktop.store.database import Store
from desktop.store.errors import disk_full
from desktop.store.health import private_dir
from desktop.store.models import Attachment, Clue, ClueAttachment

CHUNK = 1 << 20
MAX_NAME = 255


@dataclass(frozen=True)
class StoredFile:
    """A file in the attachment store."""

    sha256: str
    size: int
    media_type: str


def attachment_path(store: Store, sha256: str) -> Path:
    """Where the file with this digest lives: attachments/ab/abcdef…"""
    return store.attachments_dir / sha256[:2] / sha256


def store_file(store: Store, source: Path) -> StoredFile:
    """Copy `source` into the attachment store under its digest (once, however often added).

    The copy is written to a temporary file and renamed into place, so a crash never leaves
    a partial file under a digest. Folders and files are readable by the user only; a full
    disk is raised as StoreUnusable.
    """
    digest = hashlib.sha256()
    private_dir(store.attachments_dir)
    handle, temporary = tempfile.mkstemp(dir=store.attachments_dir, prefix=".incoming-")
    size = 0
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as data:
            while chunk := data.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha256 = digest.hexdigest()
        target = attachment_path(store, sha256)
        if target.exists():
            os.unlink(temporary)
        else:
            private_dir(target.parent)
            os.replace(temporary, target)
    except BaseException as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", 0)):
            raise disk_full(store.attachments_dir) from exc
        raise
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    return StoredFile(sha256, size, media_type)


def attach(
    session: Session, clue_code: str, stored: StoredFile, name: str, username: str, at: datetime
) -> None:
    """Record `stored` as an attachment of a clue (in the caller's transaction)."""
    clue_id = session.scalar(select(Clue.id).where(Clue.code == clue_code))
    if clue_id is None:
        raise LookupError(Message("本机没有编号为 {code} 的线索", code=clue_code))
    if session.get(Attachment, stored.sha256) is None:
        session.add(
            Attachment(
                sha256=stored.sha256, size=stored.size, media_type=stored.media_type, created_at=at
            )
        )
    if session.get(ClueAttachment, (clue_id, stored.sha256)) is None:
        session.add(
            ClueAttachment(
                clue_id=clue_id,
                sha256=stored.sha256,
                name=name[:MAX_NAME],
                added_at=at,
                added_by=username,
            )
        )


def verify(store: Store, sha256: str) -> bool:
    """Whether the stored file still has the digest it is filed under."""
    path = attachment_path(store, sha256)
    if not path.exists():
        return False
    digest = hashlib.sha256()
    with path.open("rb") as data:
        while chunk := data.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest() == sha256


def copy_out(store: Store, sha256: str, target: Path) -> Path:
    """Copy a stored file out (to open or save it under its own name)."""
    shutil.copyfile(attachment_path(store, sha256), target)
    return target


def payload_files(payload: Any) -> list[tuple[str, str]]:
    """The (sha256, name) pairs an action payload cites under "attachments"."""
    if not isinstance(payload, Mapping):
        return []
    found = []
    for item in payload.get("attachments") or []:
        if isinstance(item, Mapping) and isinstance(item.get("sha256"), str):
            found.append((str(item["sha256"]), str(item.get("name") or "")))
    return found


def cited_files(store: Store, payload: Any) -> list[tuple[StoredFile, str]]:
    """The stored files an action payload cites, with their names.

    ValidationError (field `attachments`) when a cited file is not in this store.
    """
    found = []
    for sha256, name in payload_files(payload):
        path = attachment_path(store, sha256)
        if len(sha256) != 64 or not path.is_file():
            raise ValidationError(
                "attachments",
                Message("附件“{name}”不在本机附件库中", name=name or sha256[:12]),
            )
        media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        found.append((StoredFile(sha256, path.stat().st_size, media_type), name))
    return found
