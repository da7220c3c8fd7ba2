"""What can go wrong talking to the platform, one exception class per kind of failure.

Every message is Chinese, for the clerk; `code` is the platform's machine code when it gave
one.
"""

from __future__ import annotations

from desktop.domain.messages import Message


class SyncError(Exception):
    """Base of every sync failure; `str()` is a sentence for the user."""

    code = "sync_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class Offline(SyncError):
    """The platform could not be reached (no network, refused, timed out)."""

    code = "offline"


class TlsError(Offline):
    """The TLS connection failed: certificate not trusted or wrong host."""

    code = "tls"


class ServerError(SyncError):
    """The platform answered 5xx (after the retries), or something it should not have."""

    code = "server_error"

    def __init__(self, message: str, *, status: int, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.status = status


class UpgradeRequired(SyncError):
    """The platform no longer speaks this client's protocol version (426)."""

    code = "upgrade_required"


class MalformedAnswer(SyncError):
    """An answer that is not the JSON the protocol promises; nothing of it was applied."""

    code = "malformed_answer"

    def __init__(self, endpoint: str, problem: str) -> None:
        super().__init__(
            Message(
                "服务器应答格式错误（{endpoint}）：{problem}", endpoint=endpoint, problem=problem
            )
        )
        self.endpoint = endpoint
        self.problem = problem


class LoginRequired(SyncError):
    """The session cannot be renewed (expired, revoked, reused, user disabled): log in again.

    The outbox is untouched; it is pushed after the next login.
    """

    code = "login_required"


class LoginFailed(SyncError):
    """A login attempt was refused (wrong user name or password, user disabled)."""

    code = "bad_credentials"


class TooManyAttempts(LoginFailed):
    """Login throttled (429); `retry_after` seconds to wait, when the platform said."""

    code = "too_many_attempts"

    def __init__(self, message: str, *, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RequestRejected(SyncError):
    """Any other 4xx answer: `status`, `code`, `field` as the platform gave them."""

    def __init__(self, message: str, *, status: int, code: str, field: str | None = None) -> None:
        super().__init__(message, code=code)
        self.status = status
        self.field = field


class ResetRequired(RequestRejected):
    """410: the pull cursor can no longer be served; push, then resync from scratch."""


class OffsetMismatch(RequestRejected):
    """409 on an attachment chunk: the platform has `received` bytes; resume there."""

    def __init__(self, message: str, *, received: int) -> None:
        super().__init__(message, status=409, code="offset_mismatch")
        self.received = received


class SyncBusy(SyncError):
    """Another sync of the same data folder is running (another window or `cluedesk sync`)."""

    code = "sync_busy"


class Cancelled(SyncError):
    """The user cancelled the sync run (the store is consistent)."""

    code = "cancelled"


class DeviceRevoked(SyncError):
    """The platform revoked this device (lost or stolen): stop everything and wipe the data
    folder (`desktop.sync.revocation`); nothing more is pushed."""

    code = "device_revoked"

    def __init__(self, message: str, *, access_token: str | None = None) -> None:
        super().__init__(message)
        self.access_token = access_token
        """The access token the refused call carried (maybe expired): the one last push
        that lists the unsent actions for the office is sent with it."""
