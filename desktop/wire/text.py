"""What the stores on both sides share of the wire without needing pydantic (so that opening
the client's store stays light): the longest action id and the canonical JSON text."""

from __future__ import annotations

import json
from typing import Any

ACTION_ID_LENGTH = 36
"""The longest action id: the text of a UUID, which clients generate."""


def canonical_json(value: Any) -> str:
    """The one text of a JSON value both sides store and hash: compact, keys sorted, Chinese
    kept readable, no NaN."""
    return json.dumps(
        value, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False
    )
