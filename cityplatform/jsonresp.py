"""A fast JSON response: orjson when installed, else the standard library, UTF-8 kept."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any

from starlette.responses import Response


def _stdlib_dumps(content: Any) -> bytes:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _pick_dumps() -> Callable[[Any], bytes]:
    try:
        orjson: Any = importlib.import_module("orjson")
    except ImportError:
        return _stdlib_dumps
    option = orjson.OPT_NON_STR_KEYS
    dumps = orjson.dumps

    def fast(content: Any) -> bytes:
        return dumps(content, option=option)

    return fast


dumps_bytes = _pick_dumps()
"""Serialize plain data (dicts, lists, str, numbers, None) to compact UTF-8 JSON."""


class FastJSONResponse(Response):
    """application/json rendered with `dumps_bytes`; give it plain data, not models."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        """The body bytes."""
        return dumps_bytes(content)
