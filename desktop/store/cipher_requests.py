"""The platform's request to encrypt this device's store, kept beside it until it is met.

The sync notes the request (`request_encryption`) when a login or refresh answer says
`encrypt_store`; the store is encrypted at its next open (desktop.store.cipher_upgrade),
when no other part of the program holds a connection to it. A file rather than a row: it
is read before the store is opened, without loading anything.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store.database import Store

REQUEST_FILE = "cluedesk.encrypt-requested"
ATTACHMENTS_PENDING = "cluedesk.encrypting-attachments"
"""Present while the files of a newly encrypted store are still being encrypted."""


def request_encryption(data_dir: Path) -> bool:
    """Note that the store must be encrypted; True when the note is new."""
    path = data_dir / REQUEST_FILE
    if path.exists():
        return False
    with open(path, "w", encoding="ascii") as out:
        out.write("store_encryption\n")
        out.flush()
        os.fsync(out.fileno())
    return True


def encryption_requested(data_dir: Path) -> bool:
    """Whether the platform asked for this store to be encrypted (and it is not yet)."""
    return (data_dir / REQUEST_FILE).exists()


def encryption_pending(store: Store) -> bool:
    """Whether opening `store` has encrypting left to do: the file, or its attachments."""
    if store.key is None:
        return encryption_requested(store.data_dir)
    return (store.data_dir / ATTACHMENTS_PENDING).exists()
