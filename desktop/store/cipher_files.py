"""Attachment files of an encrypted store: AES-256-GCM with a key derived from the store's.

An encrypted file is `MAGIC` (6 bytes), the format version (1 byte), a random 12-byte nonce,
the ciphertext (as long as the plain content) and GCM's 16-byte tag. The file key is derived
from the store key with HKDF-SHA256, so the store key itself never encrypts file content.
Plain and encrypted files are told apart by the magic: a store being upgraded holds both for
a while, and every reader here takes either. A file's name stays the SHA-256 of its PLAIN
content.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

MAGIC = b"CDSAF\x00"
VERSION = 1
NONCE_BYTES = 12
TAG_BYTES = 16
HEADER_BYTES = len(MAGIC) + 1 + NONCE_BYTES
CHUNK = 1 << 20
_INFO = b"cluedesk attachment files v1"


class AttachmentUnreadable(ValueError):
    """An encrypted attachment file that does not decrypt (another key, or damaged)."""


def file_key(store_key: bytes) -> bytes:
    """The attachment files' key, derived from the store key (HKDF-SHA256)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(store_key)


def is_encrypted_file(path: Path) -> bool:
    """Whether the file starts with the encrypted-attachment header (False if unreadable)."""
    try:
        with path.open("rb") as data:
            return data.read(len(MAGIC) + 1) == MAGIC + bytes([VERSION])
    except OSError:
        return False


def plain_size(path: Path) -> int:
    """The size of the plain content the file holds (its size when it is a plain file)."""
    size = path.stat().st_size
    if is_encrypted_file(path):
        return size - HEADER_BYTES - TAG_BYTES
    return size


class EncryptingWriter:
    """Writes plain chunks encrypted to an open binary file; `finish` adds the tag."""

    def __init__(self, out: IO[bytes], store_key: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        nonce = secrets.token_bytes(NONCE_BYTES)
        cipher = Cipher(algorithms.AES(file_key(store_key)), modes.GCM(nonce))
        self.encryptor = cipher.encryptor()
        self.encryptor.authenticate_additional_data(MAGIC + bytes([VERSION]))
        self.out = out
        out.write(MAGIC + bytes([VERSION]) + nonce)

    def write(self, chunk: bytes) -> None:
        """Encrypt and write one chunk."""
        self.out.write(self.encryptor.update(chunk))

    def finish(self) -> None:
        """Write what is left and the authentication tag."""
        self.out.write(self.encryptor.finalize())
        self.out.write(self.encryptor.tag)


def iter_plain(path: Path, store_key: bytes | None) -> Iterator[bytes]:
    """The file's plain content in chunks; AttachmentUnreadable if it does not decrypt.

    An encrypted file's chunks are only yielded once its tag has been checked (it is read
    twice), so nothing unauthenticated ever leaves here.
    """
    if not is_encrypted_file(path):
        with path.open("rb") as data:
            while chunk := data.read(CHUNK):
                yield chunk
        return
    if store_key is None:
        raise AttachmentUnreadable(path.name)
    with tempfile.TemporaryFile() as plain:
        _decrypt(path, store_key, plain)
        plain.seek(0)
        while chunk := plain.read(CHUNK):
            yield chunk


def _decrypt(path: Path, store_key: bytes, out: IO[bytes]) -> None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    size = path.stat().st_size
    if size < HEADER_BYTES + TAG_BYTES:
        raise AttachmentUnreadable(path.name)
    with path.open("rb") as data:
        header = data.read(HEADER_BYTES)
        data.seek(size - TAG_BYTES)
        tag = data.read(TAG_BYTES)
        data.seek(HEADER_BYTES)
        nonce = header[len(MAGIC) + 1 :]
        decryptor = Cipher(algorithms.AES(file_key(store_key)), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(header[: len(MAGIC) + 1])
        left = size - HEADER_BYTES - TAG_BYTES
        while left > 0:
            chunk = data.read(min(CHUNK, left))
            if not chunk:
                raise AttachmentUnreadable(path.name)
            left -= len(chunk)
            out.write(decryptor.update(chunk))
        try:
            out.write(decryptor.finalize())
        except InvalidTag:
            raise AttachmentUnreadable(path.name) from None


def decrypt_to(path: Path, store_key: bytes | None, target: Path) -> Path:
    """Write the file's plain content to `target` (nothing is left there if it fails)."""
    try:
        with target.open("wb") as out:
            if is_encrypted_file(path):
                if store_key is None:
                    raise AttachmentUnreadable(path.name)
                _decrypt(path, store_key, out)
            else:
                with path.open("rb") as data:
                    while chunk := data.read(CHUNK):
                        out.write(chunk)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


@contextmanager
def plain_copy(path: Path, store_key: bytes | None) -> Iterator[IO[bytes]]:
    """A readable, seekable binary file of the plain content (a temporary copy when the
    file is encrypted, deleted on leaving; the file itself when it is plain)."""
    if not is_encrypted_file(path):
        with path.open("rb") as data:
            yield data
        return
    if store_key is None:
        raise AttachmentUnreadable(path.name)
    with tempfile.TemporaryFile() as plain:
        _decrypt(path, store_key, plain)
        plain.seek(0)
        yield plain


def encrypt_in_place(path: Path, store_key: bytes) -> bool:
    """Encrypt a plain attachment file where it lies (atomically); False if it already was."""
    if is_encrypted_file(path):
        return False
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".encrypting-")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out, path.open("rb") as data:
            writer = EncryptingWriter(out, store_key)
            while chunk := data.read(CHUNK):
                writer.write(chunk)
            writer.finish()
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return True
