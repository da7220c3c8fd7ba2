"""The protocol's error shape: {"error": {"code", "message", "field"?}} with a 4xx status."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from cityplatform.jsonresp import FastJSONResponse
from desktop.domain.messages import N_, Message, chinese_text, message_data
from desktop.wire.reference import ErrorBody

log = logging.getLogger("cityplatform")


class ApiError(Exception):
    """An error answered to the client in the protocol's shape."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


def error_body(
    code: str, message: str, field: str | None = None, extra: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The JSON body of an error."""
    error: dict[str, Any] = {"code": code, "message": chinese_text(message)}
    template = message_data(message)
    if template is not None:
        error["template"] = template
    if field is not None:
        error["field"] = field
    if extra:
        error.update(extra)
    body: dict[str, Any] = {"error": error}
    if extra:
        body.update(extra)
    return body


def error_response(
    status: int,
    code: str,
    message: str,
    field: str | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Response:
    """An error response in the protocol's shape."""
    return FastJSONResponse(
        error_body(code, message, field, extra), status_code=status, headers=headers
    )


ERROR_STATUSES: Mapping[int, str] = {
    400: "请求格式错误（参数、JSON 或压缩数据无效）：bad_request",
    401: "未登录、令牌无效或已过期：token_invalid / token_expired / refresh_reused …",
    403: "角色或范围不允许：forbidden；本设备已被平台停用：device_revoked",
    404: "不存在：not_found",
    409: "与平台已有的数据冲突：conflict / offset_mismatch",
    410: "同步位置失效，需先推送再完整同步：reset_required",
    413: "请求内容、批量或附件超过上限：too_large",
    416: "请求的范围无法满足：range_not_satisfiable",
    422: "内容校验未通过：invalid / digest_mismatch（field 指明字段）",
    426: "协议版本不受支持，请升级客户端：upgrade_required",
    429: "尝试过于频繁，请稍后再试：too_many_requests",
    503: "平台或数据库暂时不可用，请稍后重试：unavailable",
}
"""Every error status the protocol answers, with what it means."""

COMMON_ERRORS = (400, 413, 426, 503)
"""Statuses any API operation may answer (the request gate and the database)."""

AUTHENTICATED_ERRORS = (*COMMON_ERRORS, 401, 403, 422)
"""Statuses any operation behind a bearer token may answer (403: a revoked device)."""


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` of error statuses, each with the protocol's error body."""
    return {
        status: {"model": ErrorBody, "description": ERROR_STATUSES[status]}
        for status in sorted(set(statuses))
    }


def bad_request(message: str, field: str | None = None) -> ApiError:
    """400 bad_request: malformed JSON or parameters."""
    return ApiError(400, "bad_request", message, field=field)


def invalid(message: str, field: str | None = None) -> ApiError:
    """422 invalid: validation failed (`field` names it)."""
    return ApiError(422, "invalid", message, field=field)


def forbidden(message: str) -> ApiError:
    """403 forbidden: the role or scope does not allow it."""
    return ApiError(403, "forbidden", message)


def not_found(message: str | None = None) -> ApiError:
    """404 not_found."""
    return ApiError(404, "not_found", message if message is not None else Message("未找到"))


def too_large(message: str) -> ApiError:
    """413 too_large: body, batch or attachment over the limit."""
    return ApiError(413, "too_large", message)


_STATUS_CODES = {
    400: "bad_request",
    401: "token_invalid",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "bad_request",
}

_STATUS_MESSAGES = {
    404: N_("请求的地址不存在"),
    405: N_("不支持该请求方法"),
}


def _field_of(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    return ".".join(parts)


_PYDANTIC_MESSAGES = {
    "missing": N_("缺少必填字段"),
    "extra_forbidden": N_("不认识的字段"),
    "string_type": N_("应为字符串"),
    "int_type": N_("应为整数"),
    "int_parsing": N_("应为整数"),
    "bool_type": N_("应为布尔值"),
    "float_type": N_("应为数字"),
    "list_type": N_("应为列表"),
    "dict_type": N_("应为对象"),
    "model_type": N_("应为对象"),
    "model_attributes_type": N_("应为对象"),
    "string_too_long": N_("太长"),
    "string_too_short": N_("不能为空"),
    "string_pattern_mismatch": N_("格式不对"),
    "greater_than_equal": N_("太小"),
    "less_than_equal": N_("太大"),
    "greater_than": N_("太小"),
    "less_than": N_("太大"),
}


def _validation_response(exc: RequestValidationError) -> Response:
    errors = list(exc.errors())
    if not errors:
        return error_response(422, "invalid", Message("请求内容无效"))
    first = errors[0]
    kind = str(first.get("type", ""))
    loc = tuple(first.get("loc", ()))
    if kind == "json_invalid":
        return error_response(400, "bad_request", Message("请求内容不是有效的 JSON"))
    field = _field_of(loc)
    known = _PYDANTIC_MESSAGES.get(kind)
    reason: str = Message(known) if known is not None else str(first.get("msg", "无效"))
    if kind == "value_error":  # our validators' own words (e.g. refuse_nul)
        error = first.get("ctx", {}).get("error", reason)
        reason = error.args[0] if isinstance(error, ValueError) and error.args else str(error)
    message = (
        Message("{field}：{reason}", field=field, reason=reason)
        if field
        else Message("请求内容{reason}", reason=reason)
    )
    if loc and loc[0] in ("query", "path", "header"):
        return error_response(400, "bad_request", message, field or None)
    if not field:
        return error_response(422, "invalid", Message("请求内容应为 JSON 对象"), None)
    return error_response(422, "invalid", message, field)


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error in the protocol's shape; never a bare 500 for bad input."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(
            exc.status, exc.code, exc.message, exc.field, headers=exc.headers, extra=exc.extra
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return _validation_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = _STATUS_CODES.get(exc.status_code, "bad_request")
        known = _STATUS_MESSAGES.get(exc.status_code)
        message = Message(known) if known is not None else str(exc.detail or "请求无效")
        return error_response(exc.status_code, code, message, headers=exc.headers)

    @app.exception_handler(OperationalError)
    async def _operational(request: Request, exc: OperationalError) -> Response:
        log.warning("database busy: %s", exc)
        return error_response(
            503, "unavailable", Message("数据库繁忙，请稍后重试"), headers={"Retry-After": "2"}
        )

    @app.exception_handler(DBAPIError)
    async def _dbapi(request: Request, exc: DBAPIError) -> Response:
        if exc.connection_invalidated:
            return error_response(
                503,
                "unavailable",
                Message("数据库暂时不可用，请稍后重试"),
                headers={"Retry-After": "2"},
            )
        log.exception("database error", exc_info=exc)
        return error_response(500, "internal", Message("服务器内部错误"))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error", exc_info=exc)
        return error_response(500, "internal", Message("服务器内部错误"))
