"""Attachment files, content-addressed by SHA-256 and stored once beside the database.

A store that is encrypted keeps its files encrypted too (desktop.store.cipher_files): they
are still named by the digest of their plain content, and every reader here takes a plain
or an encrypted file alike.
"""

from __future__ import annotations

import atexit
import errno
import hashlib
import mimetypes
import os
import shutil
import tempfile
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.messages import Message
from desktop.domain.validators import ValidationError
from desktop.store import cipher_files
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
    disk is raised as StoreUnusable. An encrypted store's copy is written encrypted.
    """
    digest = hashlib.sha256()
    private_dir(store.attachments_dir)
    handle, temporary = tempfile.mkstemp(dir=store.attachments_dir, prefix=".incoming-")
    size = 0
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as data:
            writer: Any = (
                out if store.key is None else cipher_files.EncryptingWriter(out, store.key)
            )
            while chunk := data.read(CHUNK):
                digest.update(chunk)
                writer.write(chunk)
                size += len(chunk)
            if store.key is not None:
                writer.finish()
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
    try:
        for chunk in cipher_files.iter_plain(path, store.key):
            digest.update(chunk)
    except cipher_files.AttachmentUnreadable:
        return False
    return digest.hexdigest() == sha256


def copy_out(store: Store, sha256: str, target: Path) -> Path:
    """Copy a stored file's plain content out (to open or save it under its own name)."""
    path = attachment_path(store, sha256)
    if store.key is None and not cipher_files.is_encrypted_file(path):
        shutil.copyfile(path, target)
        return target
    return cipher_files.decrypt_to(path, store.key, target)


def stored_size(store: Store, sha256: str) -> int:
    """The size of a stored file's plain content (OSError when it is missing)."""
    return cipher_files.plain_size(attachment_path(store, sha256))


def read_plain(store: Store, sha256: str) -> bytes:
    """A stored file's whole plain content (for small reads such as a thumbnail)."""
    return b"".join(cipher_files.iter_plain(attachment_path(store, sha256), store.key))


def open_plain(store: Store, sha256: str) -> AbstractContextManager[IO[bytes]]:
    """A context manager giving a seekable binary file of a stored file's plain content."""
    return cipher_files.plain_copy(attachment_path(store, sha256), store.key)


_viewer_folder: list[Path] = []


def viewer_folder() -> Path:
    """A private temporary folder for plain copies of an encrypted store's files handed to
    the system's viewer; removed when the program ends (a file a viewer still holds open
    on Windows is left to the system's temp cleaner)."""
    if not _viewer_folder:
        folder = Path(tempfile.mkdtemp(prefix="cluedesk-open-"))
        _viewer_folder.append(folder)
        atexit.register(shutil.rmtree, folder, True)
    return _viewer_folder[0]


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
        found.append((StoredFile(sha256, cipher_files.plain_size(path), media_type), name))
    return found
