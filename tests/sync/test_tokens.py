"""Refresh tokens: in the keyring when a real one exists, else a file only the user can read."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from desktop.store.database import DB_FILE, open_store
from desktop.sync.tokens import TokenStore, keyring_usable

SERVER = "https://platform.example"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict (stands in for the desktop's keyring)."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A usable keyring for the duration of a test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_without_a_usable_keyring_tokens_go_to_a_private_file(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not keyring_usable()
        tokens = TokenStore(tmp_path, "device-1")
    finally:
        keyring.set_keyring(previous)
    assert tokens.backend == "file"
    expires = datetime(2027, 1, 20, 10, 0).astimezone()
    tokens.save(SERVER, "xinhai", "secret-refresh", expires)
    mode = stat.S_IMODE(tokens.file_path.stat().st_mode)
    assert mode == 0o600
    saved = tokens.load(SERVER, "xinhai")
    assert saved is not None and saved.token == "secret-refresh" and saved.expires_at == expires
    tokens.clear(SERVER, "xinhai")
    assert tokens.load(SERVER, "xinhai") is None


def test_a_loosened_token_file_is_made_private_again(tmp_path: Path) -> None:
    tokens = TokenStore(tmp_path, "device-1", use_keyring=False)
    tokens.save(SERVER, "xinhai", "t", None)
    tokens.file_path.chmod(0o644)
    assert tokens.load(SERVER, "xinhai") is not None
    assert stat.S_IMODE(tokens.file_path.stat().st_mode) == 0o600


def test_a_usable_keyring_is_used(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    assert keyring_usable()
    tokens = TokenStore(tmp_path, "device-1")
    assert tokens.backend == "keyring"
    tokens.save(SERVER, "xinhai", "secret-refresh", None)
    assert not tokens.file_path.exists()
    assert any("secret-refresh" in value for value in memory_keyring.passwords.values())
    saved = tokens.load(SERVER, "xinhai")
    assert saved is not None and saved.token == "secret-refresh"
    tokens.clear(SERVER, "xinhai")
    assert memory_keyring.passwords == {}


def test_tokens_are_per_device_and_user(tmp_path: Path) -> None:
    first = TokenStore(tmp_path, "device-1", use_keyring=False)
    second = TokenStore(tmp_path, "device-2", use_keyring=False)
    first.save(SERVER, "xinhai", "one", None)
    second.save(SERVER, "xinhai", "two", None)
    one, two = first.load(SERVER, "xinhai"), second.load(SERVER, "xinhai")
    assert one is not None and one.token == "one"
    assert two is not None and two.token == "two"
    assert first.load(SERVER, "haizhou") is None


def test_expiry_is_known(tmp_path: Path) -> None:
    tokens = TokenStore(tmp_path, "device-1", use_keyring=False)
    now = datetime(2026, 11, 27, 10, 0).astimezone()
    tokens.save(SERVER, "xinhai", "t", now - timedelta(seconds=1))
    saved = tokens.load(SERVER, "xinhai")
    assert saved is not None and not saved.usable(now)


def test_the_token_never_lands_in_the_clue_database(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.close()
    tokens = TokenStore(tmp_path, "device-1", use_keyring=False)
    tokens.save(SERVER, "xinhai", "very-secret-refresh-token", None)
    for path in tmp_path.iterdir():
        if path.name.startswith(DB_FILE):
            assert b"very-secret-refresh-token" not in path.read_bytes()


def test_a_token_saved_while_the_keyring_failed_beats_the_stale_keyring_copy(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """A rotated token that went to the file must never lose to the keyring's older one:
    presenting that one again would count as reuse and revoke the device."""
    first = TokenStore(tmp_path, "device-1")
    first.save(SERVER, "xinhai", "rotated-away", None)

    def broken(service: str, username: str, password: str) -> None:
        raise RuntimeError("keyring locked")

    memory_keyring.set_password = broken  # type: ignore[method-assign]
    first.save(SERVER, "xinhai", "current", None)
    assert first.backend == "file"
    del memory_keyring.set_password  # the keyring works again in the next run

    second = TokenStore(tmp_path, "device-1")
    assert second.backend == "keyring"
    saved = second.load(SERVER, "xinhai")
    assert saved is not None and saved.token == "current"
    second.save(SERVER, "xinhai", "next", None)  # back in the keyring; the file copy goes
    assert "xinhai" not in second.file_path.read_text(encoding="utf-8")
    saved = TokenStore(tmp_path, "device-1").load(SERVER, "xinhai")
    assert saved is not None and saved.token == "next"
