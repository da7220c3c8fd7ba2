"""A file-based keyring backend for the tests: the CI machine has no system keyring.

Selected with keyring's own `PYTHON_KEYRING_BACKEND=keyring_backend.FolderKeyring` (the
tests' folder is on sys.path; subprocesses get it through PYTHONPATH), it keeps each secret
in a file of the folder named by `CLUEDESK_TEST_KEYRING_DIR`.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FOLDER_ENV = "CLUEDESK_TEST_KEYRING_DIR"
BACKEND = "keyring_backend.FolderKeyring"


class FolderKeyring(KeyringBackend):
    """Secrets as files in a folder (one file per service and user name)."""

    priority = 1

    def _path(self, service: str, username: str) -> Path:
        folder = Path(os.environ[FOLDER_ENV])
        folder.mkdir(parents=True, exist_ok=True)
        return folder / hashlib.sha256(f"{service}\0{username}".encode()).hexdigest()

    def get_password(self, service: str, username: str) -> str | None:
        """The secret, or None."""
        path = self._path(service, username)
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def set_password(self, service: str, username: str, password: str) -> None:
        """Keep the secret."""
        self._path(service, username).write_text(password, encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        """Forget the secret (PasswordDeleteError when there is none)."""
        path = self._path(service, username)
        if not path.is_file():
            raise PasswordDeleteError(username)
        path.unlink()
