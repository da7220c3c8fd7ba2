"""What the client does when the platform says this device is revoked: close the store, wipe
the data folder (`desktop.store.wipe`), forget the refresh token (keyring and file) and the
store's encryption key, then tell the platform (best effort). Nothing is pushed: the outbox
goes with the store."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import event

from desktop.domain.messages import N_, Message
from desktop.store.database import Store
from desktop.store.errors import StoreUnusable
from desktop.store.sqlite_files import forget_store_key
from desktop.store.sync_apply import device_id, read_state
from desktop.store.wipe import WipeReport, wipe_data_dir
from desktop.sync.http import PlatformHttp, RetryPolicy
from desktop.sync.tokens import TokenStore

log = logging.getLogger("cluedesk.sync")

WIPED_TEXT = N_("本机已被平台停用，本机上的线索数据和登录信息已清除。如有疑问请联系本单位管理员。")
"""What the user is told after the wipe (the window and `cluedesk sync`)."""


def wiped_message() -> str:
    """The sentence for the user, in the installed language."""
    return Message(WIPED_TEXT)


@dataclass(frozen=True)
class WipeOutcome:
    """What the wipe did: the data folder's report and whether the platform took note."""

    report: WipeReport
    device_id: str
    confirmed: bool


def _binding(store: Store) -> tuple[str | None, str | None, str]:
    """(server, user name, device id) the store knows; what it cannot tell is None/""."""
    try:
        server = read_state(store, "server_url")
        user = (read_state(store, "user") or {}).get("username")
        device = device_id(store)
    except Exception as exc:  # a damaged store is wiped all the same
        log.warning("wipe: the store could not be read (%s)", type(exc).__name__)
        return None, None, ""
    return (str(server) if server else None), (str(user) if user else None), device


def _seal(store: Store) -> None:
    """Refuse every new connection of the wiped store's engine: a view still holding the
    store must not bring an empty file back into the wiped folder."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise StoreUnusable(Message("本机线索库已清除"), store.db_path)

    event.listen(store.engine, "do_connect", refuse)


def wipe_revoked_device(
    store: Store,
    server_url: str | None = None,
    username: str | None = None,
    *,
    ca_bundle: str | None = None,
    use_keyring: bool | None = None,
    confirm: bool = True,
) -> WipeOutcome:
    """Wipe this revoked device: the store (closed here first), attachments, backups, every
    file of clue data in the data folder, the refresh tokens and the store's key; then
    confirm the wipe to the platform at `server_url` (or the store's own, best effort)."""
    folder = store.data_dir
    bound_server, bound_user, device = _binding(store)
    store.record_close = False  # the file is about to go: no clean-close note on it
    store.close()
    _seal(store)
    accounts = {(s, u) for s, u in ((server_url, username), (bound_server, bound_user)) if s and u}
    if device:
        tokens = TokenStore(folder, device, use_keyring=use_keyring)
        for account_server, account_user in sorted(accounts):
            tokens.clear(account_server, account_user)
    forget_store_key(folder)
    report = wipe_data_dir(folder)
    confirmed = False
    platform = server_url or bound_server
    if confirm and platform and device:
        retry = RetryPolicy(total=1, backoff_factor=0.2, backoff_max=1.0)
        with PlatformHttp(platform, device, ca_bundle=ca_bundle, retry=retry) as http:
            confirmed = http.confirm_wipe()
    log.warning("device revoked by the platform: data folder wiped (confirmed: %s)", confirmed)
    return WipeOutcome(report, device, confirmed)


def report_unsent(store: Store, http: PlatformHttp, token: str | None, limit: int = 500) -> int:
    """List this revoked device's unsent actions on the platform (which refuses them and
    applies nothing), with the access token the revocation answered; how many were sent.

    Only when a token is at hand (a device revoked at login has none): the actions go in
    one push per queue, at most `limit` each, and nothing of their answers is recorded.
    """
    if not token:
        return 0
    from desktop.store.sync_apply import next_push_batch
    from desktop.store.sync_apply.supervision import next_supervision_batch
    from desktop.store.sync_apply.verification import next_verification_batch

    sent = 0
    try:
        batches = (
            next_verification_batch(store, limit),
            next_push_batch(store, limit),
            next_supervision_batch(store, limit),
        )
    except Exception as exc:  # a store that cannot be read lists nothing; the wipe goes on
        log.warning("unsent actions not listed on the platform (%s)", type(exc).__name__)
        return 0
    for batch in batches:
        if batch:
            http.report_refused(token, list(batch))
            sent += len(batch)
    return sent
