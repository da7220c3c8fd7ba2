"""A fast JSON response: orjson when installed, else the standard library, UTF-8 kept."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel
from starlette.responses import JSONResponse, Response


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


class FastJSONResponse(JSONResponse):
    """application/json rendered with `dumps_bytes`; give it plain data, not models.

    A JSONResponse, so that FastAPI documents each operation's `response_model` as its body.
    """

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        """The body bytes."""
        return dumps_bytes(content)


def wire_response(model: type[BaseModel], data: Any, status_code: int = 200) -> Response:
    """An answer checked against its wire model and serialized by it (keys it was not given
    stay out, as optional keys of the protocol do)."""
    body = model.model_validate(data, strict=False).model_dump_json(exclude_unset=True)
    return Response(body, status_code=status_code, media_type="application/json")


def columns(table: Any, model: type[BaseModel]) -> list[Any]:
    """The columns of `table` that carry the fields of `model`, named as the model names them."""
    return [getattr(table, name) for name in model.model_fields if hasattr(table, name)]


def rows_of(rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Result rows as mappings of their column names."""
    return [dict(row._mapping) for row in rows]
