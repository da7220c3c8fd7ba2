"""A per-process cache of verified access-token claims: a token's signature is checked once.

What a token says (user, login, device, expiry) is a pure function of the token and the
signing secret, so it may be kept for the token's lifetime. What may change meanwhile (a
revoked login or device, a disabled user, a moved unit) is never cached: every request still
reads it from the database, so a refusal takes effect at once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import UTC, datetime

from cityplatform.security import AccessClaims, read_access_token

DEFAULT_SIZE = 4096
"""How many tokens a process remembers (the least recently used are forgotten)."""


class ClaimsCache:
    """Verified claims by (secret, token), least recently used dropped past `size`."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self._known: OrderedDict[tuple[str, str], AccessClaims] = OrderedDict()
        self._lock = threading.Lock()

    def claims(self, secret: str, token: str) -> AccessClaims:
        """The token's claims, expired or not (TokenInvalid when it is not one of ours)."""
        key = (secret, token)
        with self._lock:
            found = self._known.get(key)
            if found is not None:
                self._known.move_to_end(key)
                return found
        claims = read_access_token(secret, token, _EPOCH, allow_expired=True)
        with self._lock:
            self._known[key] = claims
            while len(self._known) > self.size:
                self._known.popitem(last=False)
        return claims

    def __len__(self) -> int:
        return len(self._known)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
"""A stand-in clock: the claims are read without judging their expiry (done per request)."""
