"""The one way to open a raw SQLite connection to a store file, plain or SQLCipher-encrypted,
and where an encrypted store's key is kept (the system keyring).

How a store is known to be encrypted without its key: a marker file `cluedesk.encrypted`
beside it, and the file itself not starting with SQLite's magic header (an SQLCipher file
starts with its random salt). The marker says "this folder's store is meant to be
encrypted" before anything reads the file; the header decides when they disagree (an upgrade
interrupted before the encrypted file replaced the plain one leaves a marker beside a plain
file, which is then still the store and is opened as such).

The key: 32 random bytes, hex, in the keyring under the service `cluedesk-store` and the
store's own id (a random id kept in the file `store-id` beside it), so two data folders on
one PC have two keys.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import sqlite3
from pathlib import Path
from typing import Any

from desktop.domain.messages import Message
from desktop.store.errors import StoreUnusable

log = logging.getLogger("cluedesk.store")

KEYRING_SERVICE = "cluedesk-store"
STORE_ID_FILE = "store-id"
ENCRYPTED_MARKER = "cluedesk.encrypted"
SQLITE_MAGIC = b"SQLite format 3\x00"
KEY_BYTES = 32


class KeyringUnavailable(RuntimeError):
    """No usable system keyring: a store cannot be encrypted here (the text names the cause)."""


def connect(path: Path, key: bytes | None = None, **kwargs: Any) -> sqlite3.Connection:
    """A DB-API connection to a store file: plain sqlite3 without a key, SQLCipher with one.

    The key is the connection's first statement; a read of the schema proves it at once
    (SQLCipher only fails on the first read), raising the driver's DatabaseError ("file is
    not a database") for a wrong key. `kwargs` go to the driver's `connect`.
    """
    target = kwargs.pop("database", None) or str(path)
    if key is None:
        return sqlite3.connect(target, **kwargs)
    from sqlcipher3 import dbapi2

    connection = dbapi2.connect(target, **kwargs)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is ours to say
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("PRAGMA cipher_memory_security = OFF")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        connection.close()
        raise
    return connection


# -- whether a store is encrypted -------------------------------------------------------------


def marker_path(data_dir: Path) -> Path:
    """The file whose presence says the folder's store is meant to be encrypted."""
    return data_dir / ENCRYPTED_MARKER


def has_sqlite_header(db_path: Path) -> bool:
    """Whether the file starts with SQLite's magic header (a plain store); False if absent."""
    try:
        with db_path.open("rb") as data:
            return data.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def is_encrypted(db_path: Path) -> bool:
    """Whether the store file is an encrypted one: the marker beside it, no SQLite header."""
    if not marker_path(db_path.parent).is_file():
        return False
    try:
        if db_path.stat().st_size == 0:
            return False
    except OSError:
        return False
    return not has_sqlite_header(db_path)


# -- the key in the keyring -------------------------------------------------------------------


def store_id(data_dir: Path, *, create: bool = False) -> str | None:
    """The store's own random id (the keyring's user name for its key); made when asked."""
    path = data_dir / STORE_ID_FILE
    try:
        found = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        found = ""
    if found or not create:
        return found or None
    made = secrets.token_hex(16)
    temporary = path.with_name(f".{STORE_ID_FILE}-{made[:8]}")
    with open(temporary, "w", encoding="ascii") as out:
        out.write(made + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
    return made


def keyring_problem() -> str | None:
    """Why no usable system keyring is available here (None: one is)."""
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - a broken keyring installation
        return f"{type(exc).__name__}: {exc}"
    if isinstance(backend, fail.Keyring | null.Keyring):
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        return Message("本机没有可用的系统密钥环（{backend}）", backend=name)
    chained = getattr(backend, "backends", None)
    if chained is not None and not chained:
        return Message("本机没有可用的系统密钥环")
    return None


def wrong_key(data_dir: Path) -> StoreUnusable:
    """The store's key in the keyring does not open it."""
    return StoreUnusable(
        Message(
            "线索库已加密，但本机密钥环中保存的密钥打不开 {folder} 中的线索库（密钥不符，"
            "或文件已损坏）。请用 --data-dir 指定一个新的数据目录并登录同步，从平台重新取回"
            "数据；如有备份，也可以从备份恢复。",
            folder=str(data_dir),
        ),
        data_dir,
    )


def _missing_key(data_dir: Path, cause: str = "") -> StoreUnusable:
    extra = f"（{cause}）" if cause else ""
    return StoreUnusable(
        Message(
            "线索库已加密，但本机密钥环中没有它的密钥{extra}，无法打开 {folder} 中的线索库。"
            "如果这台电脑的系统账户或密钥环被重置过，密钥已无法找回：请用 --data-dir 指定一个"
            "新的数据目录并登录同步，从平台重新取回数据（尚未上传的操作无法恢复）。",
            extra=extra,
            folder=str(data_dir),
        ),
        data_dir,
    )


def _read_key(identity: str) -> bytes | None:
    import keyring

    text = keyring.get_password(KEYRING_SERVICE, identity)
    if not text:
        return None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def store_key(data_dir: Path) -> bytes | None:
    """The store's key from the keyring; None for a plain store.

    StoreUnusable (with what to do) when the store is encrypted and its key cannot be had.
    """
    from desktop.store.database import DB_FILE

    if not is_encrypted(data_dir / DB_FILE):
        return None
    return folder_key(data_dir)


def folder_key(data_dir: Path) -> bytes:
    """The key of the data folder's store (and of its backups) from the keyring.

    StoreUnusable (with what to do) when the folder has no key or the keyring cannot give it.
    """
    identity = store_id(data_dir)
    if identity is None:
        raise _missing_key(data_dir, Message("缺少文件 {name}", name=STORE_ID_FILE))
    try:
        key = _read_key(identity)
    except Exception as exc:  # noqa: BLE001 - no backend, locked, D-Bus gone…
        raise _missing_key(data_dir, f"{type(exc).__name__}: {exc}") from None
    if key is None:
        raise _missing_key(data_dir)
    return key


def file_key(path: Path, data_dir: Path | None = None) -> bytes | None:
    """The key a store file of a data folder is encrypted with: None for a plain (or empty,
    or missing) file and for any file of a folder that never had a key (a damaged plain store
    then reads as damaged), else the folder's key (`data_dir`, by default the folder the file
    lies in, or the one above for a file in its backups folder). StoreUnusable when that key
    cannot be had."""
    from desktop.store.errors import BACKUP_DIR

    try:
        if path.stat().st_size == 0 or has_sqlite_header(path):
            return None
    except OSError:
        return None
    if data_dir is None:
        data_dir = path.parent.parent if path.parent.name == BACKUP_DIR else path.parent
    if store_id(data_dir) is None:  # a folder that never had a key: no file of it is encrypted
        return None
    return folder_key(data_dir)


def ensure_store_key(data_dir: Path) -> bytes:
    """The store's key, made and put into the keyring first when it has none yet.

    KeyringUnavailable (naming the cause) when no usable keyring can keep it. The key is read
    back before it is returned, so a keyring that silently drops it is caught here.
    """
    problem = keyring_problem()
    if problem is not None:
        raise KeyringUnavailable(problem)
    import keyring

    identity = store_id(data_dir, create=True)
    assert identity is not None
    try:
        key = _read_key(identity)
        if key is None:
            key = secrets.token_bytes(KEY_BYTES)
            keyring.set_password(KEYRING_SERVICE, identity, key.hex())
            if _read_key(identity) != key:
                raise KeyringUnavailable(Message("系统密钥环没有保存线索库的密钥"))
    except KeyringUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - locked keyring, D-Bus gone…
        raise KeyringUnavailable(f"{type(exc).__name__}: {exc}") from exc
    return key


def forget_store_key(data_dir: Path) -> None:
    """Remove the store's key from the keyring (a wiped store); quiet when there is none."""
    identity = store_id(data_dir)
    if identity is None:
        return
    with contextlib.suppress(Exception):
        import keyring

        keyring.delete_password(KEYRING_SERVICE, identity)
