"""Where the refresh token lives: the system keyring when one is usable, else a 0600 file.

The refresh token never goes into the clue database or a log; the access token only ever
lives in memory (in the HTTP client). Tokens are kept per server, user and device, so two
data directories of the same user on one computer (two devices) do not share one.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.domain.timeutil import china_now

log = logging.getLogger("cluedesk.sync")

SERVICE = "cluedesk"
TOKEN_FILE = "refresh-token.json"


@dataclass(frozen=True)
class SavedToken:
    """A refresh token and when it stops working (None: unknown)."""

    token: str
    expires_at: datetime | None

    def usable(self, now: datetime | None = None) -> bool:
        """Whether the token has not expired yet (as far as we know)."""
        return self.expires_at is None or self.expires_at > (now or china_now())


def keyring_usable() -> bool:
    """Whether a real keyring backend is available (not the fail/null ones)."""
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring installation must not stop sync
        return False
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    chained = getattr(backend, "backends", None)
    if chained is not None and not chained:
        return False
    return float(getattr(backend, "priority", 0) or 0) > 0


def _account(server_url: str, username: str, device_id: str) -> str:
    return f"{server_url.rstrip('/')}|{username}|{device_id}"


def _parse(raw: Any) -> tuple[int, SavedToken] | None:
    """(when saved, the token) of a stored value; None when empty or unreadable."""
    if not raw:
        return None
    try:
        data = json.loads(raw) if isinstance(raw, str) else raw
        expires = data.get("expires_at")
        saved_at = data.get("saved_at")
        token = SavedToken(str(data["token"]), datetime.fromisoformat(expires) if expires else None)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return (saved_at if isinstance(saved_at, int) else 0), token


class TokenStore:
    """Saves, loads and forgets refresh tokens of one data directory."""

    def __init__(self, data_dir: Path, device_id: str, *, use_keyring: bool | None = None):
        self.data_dir = Path(data_dir)
        self.device_id = device_id
        self.use_keyring = keyring_usable() if use_keyring is None else use_keyring

    @property
    def backend(self) -> str:
        """Where tokens go: "keyring" or "file"."""
        return "keyring" if self.use_keyring else "file"

    @property
    def file_path(self) -> Path:
        """The token file used when there is no keyring."""
        return self.data_dir / TOKEN_FILE

    def load(self, server_url: str, username: str) -> SavedToken | None:
        """The saved refresh token for this server, user and device, if any.

        With a keyring, a token the file holds too (written while the keyring failed) wins
        when it was saved later: a stale keyring copy must never be presented again.
        """
        account = _account(server_url, username, self.device_id)
        candidates: list[Any] = []
        if self.use_keyring:
            try:
                import keyring

                candidates.append(keyring.get_password(SERVICE, account))
            except Exception as exc:
                log.warning("keyring unavailable (%s); using the token file", type(exc).__name__)
                self.use_keyring = False
        candidates.append(self._read_file().get(account))
        found = [entry for entry in (_parse(raw) for raw in candidates) if entry is not None]
        if not found:
            return None
        return max(found, key=lambda entry: entry[0])[1]

    def save(self, server_url: str, username: str, token: str, expires_at: datetime | None) -> None:
        """Keep a (rotated) refresh token, replacing the previous one (durably, at once)."""
        account = _account(server_url, username, self.device_id)
        value = json.dumps(
            {
                "token": token,
                "expires_at": expires_at.isoformat() if expires_at else None,
                "saved_at": time.time_ns(),
            }
        )
        if self.use_keyring:
            try:
                import keyring

                keyring.set_password(SERVICE, account, value)
            except Exception as exc:
                log.warning("keyring unavailable (%s); using the token file", type(exc).__name__)
                self.use_keyring = False
            else:
                entries = self._read_file()
                if entries.pop(account, None) is not None:  # an older copy from a fallback
                    self._write_file(entries)
                return
        entries = self._read_file()
        entries[account] = value
        self._write_file(entries)

    def clear(self, server_url: str, username: str) -> None:
        """Forget the refresh token (logout, or the platform revoked it)."""
        account = _account(server_url, username, self.device_id)
        if self.use_keyring:
            try:
                import keyring
                from keyring.errors import PasswordDeleteError

                try:
                    keyring.delete_password(SERVICE, account)
                except PasswordDeleteError:
                    pass
            except Exception as exc:
                log.warning("keyring unavailable (%s)", type(exc).__name__)
        entries = self._read_file()
        if entries.pop(account, None) is not None:
            self._write_file(entries)

    def _read_file(self) -> dict[str, Any]:
        path = self.file_path
        if not path.exists():
            return {}
        if os.name == "posix" and path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_file(self, entries: dict[str, Any]) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.data_dir, prefix=".token-")
        try:
            os.chmod(temporary, 0o600)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(entries, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.file_path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        if os.name == "posix":  # the rename itself survives a power cut
            folder = os.open(self.data_dir, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)


def has_saved_session(tokens: TokenStore, server_url: str, username: str) -> bool:
    """Whether a usable refresh token is saved for `username` on `server_url` (no login
    needed); reads the keyring or the token file, loads no HTTP client."""
    if not username:
        return False
    saved = tokens.load(server_url, username)
    return saved is not None and saved.usable()
