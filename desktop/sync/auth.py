"""Connecting a store to the platform: its HTTP client, logging in, and who it belongs to."""

from __future__ import annotations

import logging
import socket

from desktop.domain.messages import Message
from desktop.store.cipher_requests import request_encryption
from desktop.store.database import Store
from desktop.store.sync_apply import device_id, read_state, reset_server_data, sync_status
from desktop.store.sync_apply import write_state as write_sync_state
from desktop.store.sync_apply.supervision import drop_supervision_records, supervision_counts
from desktop.store.sync_apply.verification import drop_verification
from desktop.sync.device_kind import device_kind as get_device_kind
from desktop.sync.device_kind import set_device_kind
from desktop.sync.errors import SyncError
from desktop.sync.http import PlatformHttp, RetryPolicy, UserInfo
from desktop.sync.tokens import TokenStore, has_saved_session

log = logging.getLogger("cluedesk.sync")


def open_client(
    store: Store,
    server_url: str,
    username: str,
    *,
    ca_bundle: str | None = None,
    retry: RetryPolicy | None = None,
    use_keyring: bool | None = None,
) -> PlatformHttp:
    """An HTTP client for this store's device and `username` (tokens from the token store)."""
    device = device_id(store)
    tokens = TokenStore(store.data_dir, device, use_keyring=use_keyring)
    return PlatformHttp(
        server_url, device, tokens=tokens, username=username, ca_bundle=ca_bundle, retry=retry
    )


def has_session(http: PlatformHttp) -> bool:
    """Whether a usable refresh token is saved for the client's user (no login needed)."""
    if http.tokens is None:
        return False
    return has_saved_session(http.tokens, http.server_url, http.username or "")


def check_binding(store: Store, server_url: str, username: str) -> bool:
    """Whether logging in as `username` rebinds the store to another account.

    Refuses (SyncError) to mix two accounts' data while the other's actions are unsent.
    Changes nothing: `login` does the rebinding once the login succeeded.
    """
    bound_server = read_state(store, "server_url")
    bound_user = (read_state(store, "user") or {}).get("username")
    if bound_server is None or (bound_server, bound_user) == (server_url.rstrip("/"), username):
        return False
    status = sync_status(store)
    waiting, refused = supervision_counts(store)
    pending, problems = status.pending + waiting, status.problems + refused
    if pending or problems:
        raise SyncError(
            Message(
                "此数据目录属于 {account}，且有 {pending} 个未同步操作、{problems} 个同步问题；"
                "请换一个数据目录",
                account=f"{bound_user}@{bound_server}",
                pending=pending,
                problems=problems,
            )
        )
    return True


def login(
    store: Store,
    http: PlatformHttp,
    username: str,
    password: str,
    device_name: str | None = None,
    device_kind: str | None = None,
) -> UserInfo:
    """POST auth/login for this device; keeps the tokens and binds the store to the user.

    A store that belonged to another account (with nothing unsent) drops that account's
    platform data first. The device's kind (office PC or field laptop; remembered, detected
    the first time) goes with the login; when the platform's answer asks for an encrypted
    store, that is noted for the store's next open (see note_store_policy). Raises
    LoginFailed (wrong password, disabled user), TooManyAttempts, SyncError (another
    account's unsent work) and transport errors.
    """
    rebind = check_binding(store, http.server_url, username)
    if device_kind is not None:
        set_device_kind(store, device_kind)
    http.device_kind = get_device_kind(store)
    pair = http.login(username, password, device_name or socket.gethostname() or "cluedesk")
    if rebind:
        reset_server_data(store, drop=True)
        drop_supervision_records(store)
        drop_verification(store)
    write_sync_state(store, server_url=http.server_url, user=pair.user.model_dump(mode="json"))
    note_store_policy(store, pair.encrypt_store)
    return pair.user


def note_store_policy(store: Store, encrypt: bool | None) -> bool:
    """Note the platform's wish for an encrypted store, met at the store's next open (when no
    connection to it is open). True when a plain store was newly asked to be encrypted."""
    if not encrypt or store.key is not None:
        return False
    noted = request_encryption(store.data_dir)
    if noted:
        log.info("the platform asks for this store to be encrypted: done at the next start")
    return noted
