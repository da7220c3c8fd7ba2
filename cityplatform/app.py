"""The FastAPI application of the city platform."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from sqlalchemy import text
from starlette.responses import Response

from cityplatform import (
    attachments,
    auth,
    devices,
    intake,
    numbers,
    pull,
    push,
    reference,
    reveal,
    snapshot,
    supervision,
    verification,
)
from cityplatform.config import DATA_DIR_ENV, DB_ENV, PlatformSettings, settings_from_env
from cityplatform.context import Platform, platform_of
from cityplatform.db import Database, default_data_dir, open_database
from cityplatform.errors import error_response, error_responses, install_error_handlers
from cityplatform.gate import RequestGate, SelectiveGZip
from cityplatform.jsonresp import FastJSONResponse
from cityplatform.migrate import upgrade_if_needed
from cityplatform.serving import limit_worker_threads
from cityplatform.state import bootstrap
from cityplatform.warning_job import WarningJobThread
from desktop.wire.reference import HealthOut

VERSION = "1.0"


def prepare_database(database_url: str, *, migrate: bool = True) -> Database:
    """Open the database, bring its schema to the newest revision and bootstrap its settings."""
    db = open_database(database_url)
    if migrate:
        upgrade_if_needed(db.engine)
    with db.write() as session:
        bootstrap(session)
        session.commit()
    return db


def resolve_data_dir(db: Database, data_dir: Path | None) -> Path:
    """The attachments folder: the one given, else beside the SQLite file."""
    folder = data_dir if data_dir is not None else default_data_dir(db)
    if folder is None:
        raise ValueError("使用 PostgreSQL 时必须指定附件存放目录（--data-dir）")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def start_warning_job(platform: Platform) -> WarningJobThread | None:
    """Start this process's warning job thread when the settings ask for one."""
    interval = platform.settings.warning_job_seconds
    if interval <= 0:
        return None
    job = WarningJobThread(platform.db, platform.now, interval, platform.rulebook)
    job.start()
    return job


def create_app(
    database_url: str,
    *,
    data_dir: Path | None = None,
    settings: PlatformSettings | None = None,
    migrate: bool = True,
) -> FastAPI:
    """The platform app on `database_url` (SQLite file or PostgreSQL), migrated and ready."""
    db = prepare_database(database_url, migrate=migrate)
    try:
        folder = resolve_data_dir(db, data_dir)
    except ValueError:
        db.dispose()
        raise
    platform = Platform(db, settings or PlatformSettings(), folder)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        limit_worker_threads()
        job = start_warning_job(platform)
        yield
        if job is not None:
            job.stop()
        db.dispose()

    app = FastAPI(
        title="cluedesk 市级平台同步服务",
        version=VERSION,
        description="县区线索办理客户端与市级平台之间的同步协议（docs/sync-protocol.md）。",
        docs_url=None,
        redoc_url=None,
        default_response_class=FastJSONResponse,
        lifespan=lifespan,
    )
    app.state.platform = platform
    install_error_handlers(app)
    for module in (
        auth,
        reference,
        push,
        pull,
        supervision,
        attachments,
        numbers,
        intake,
        reveal,
        verification,
        devices,
        snapshot,
    ):
        app.include_router(module.router)

    @app.get(
        "/health",
        tags=["health"],
        response_model=HealthOut,
        responses=error_responses(503),
        summary="健康检查",
    )
    def health(request: Request) -> Response:
        """{"status": "ok"} when the database answers (no token)."""
        try:
            with platform_of(request).db.read() as session:
                session.execute(text("SELECT 1"))
        except Exception:  # noqa: BLE001 - any database failure means unhealthy
            return error_response(503, "unavailable", "数据库不可用")
        return FastJSONResponse({"status": "ok"})

    app.add_middleware(SelectiveGZip)
    app.add_middleware(RequestGate, limits=platform.settings.limits)
    return app


def app_from_env() -> FastAPI:
    """The app of a served worker (uvicorn factory): database and folder from the environment."""
    url = os.environ.get(DB_ENV, "")
    if not url:
        raise RuntimeError(f"环境变量 {DB_ENV} 未设置")
    folder = os.environ.get(DATA_DIR_ENV, "")
    return create_app(
        url,
        data_dir=Path(folder) if folder else None,
        settings=settings_from_env(),
        migrate=False,
    )
