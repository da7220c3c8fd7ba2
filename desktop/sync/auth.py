"""Connecting a store to the platform: its HTTP client, logging in, and who it belongs to."""

from __future__ import annotations

import socket

from desktop.domain.messages import Message
from desktop.store.database import Store
from desktop.store.sync_apply import device_id, read_state, reset_server_data, sync_status
from desktop.store.sync_apply import write_state as write_sync_state
from desktop.store.sync_apply.supervision import drop_supervision_records, supervision_counts
from desktop.store.sync_apply.verification import drop_verification
from desktop.sync.errors import SyncError
from desktop.sync.http import PlatformHttp, RetryPolicy, UserInfo
from desktop.sync.tokens import TokenStore


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
    if http.tokens is None or not http.username:
        return False
    saved = http.tokens.load(http.server_url, http.username)
    return saved is not None and saved.usable()


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
    store: Store, http: PlatformHttp, username: str, password: str, device_name: str | None = None
) -> UserInfo:
    """POST auth/login for this device; keeps the tokens and binds the store to the user.

    A store that belonged to another account (with nothing unsent) drops that account's
    platform data first. Raises LoginFailed (wrong password, disabled user),
    TooManyAttempts, SyncError (another account's unsent work) and transport errors.
    """
    rebind = check_binding(store, http.server_url, username)
    pair = http.login(username, password, device_name or socket.gethostname() or "cluedesk")
    if rebind:
        reset_server_data(store, drop=True)
        drop_supervision_records(store)
        drop_verification(store)
    write_sync_state(store, server_url=http.server_url, user=pair.user.model_dump(mode="json"))
    return pair.user
