"""The app factory: one Archive and one pool of analysis workers per app, opened at startup and
closed at shutdown; every request passes the Guard (host, body size, security headers); errors
are answered as one clear line (JSON under /api, an HTML page elsewhere), never as a bare 500."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Any

from anyio import to_thread
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from quellenlage import __version__
from quellenlage.archive import Archive
from quellenlage.errors import NotFoundError, QuellenlageError
from quellenlage.web import api, pages
from quellenlage.web.analysis import AnalysisPool, AnalyzeFunction, PoolSettings, analyze_article
from quellenlage.web.api import ANALYZE_PATH, MAX_ANALYZE_BYTES
from quellenlage.web.guard import Guard

log = logging.getLogger(__name__)

# Threads that run the reads (every plain `def` endpoint). More only contend for the GIL and,
# past the archive's pool of 5 connections, open and close a connection per request: 20 clients
# searching had a p95 of 167 ms on anyio's default 40 threads and of 81 ms on 4.
READ_THREADS = 4


def create_app(
    db_url: str,
    *,
    allowed_hosts: Iterable[str] = (),
    analysis: PoolSettings | None = None,
    analyze_function: AnalyzeFunction = analyze_article,
) -> FastAPI:
    """The web app over the archive at `db_url`; it reads the archive and never writes to it.
    It answers requests for localhost and the `allowed_hosts` only."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        to_thread.current_default_thread_limiter().total_tokens = READ_THREADS
        pool = AnalysisPool(analysis, analyze_function)
        try:
            with Archive(db_url) as archive:
                app.state.archive = archive
                app.state.analysis = pool
                yield
        finally:
            pool.close()

    app = FastAPI(
        title="Quellenlage",
        version=__version__,
        description="Who said what in German news: search an archive of analysed articles.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.include_router(api.router)
    app.include_router(pages.router)
    # The API docs' scripts come from the package fastapi-offline: nothing from a CDN.
    app.mount("/static/docs", StaticFiles(directory=str(files("fastapi_offline") / "static")),
              name="docs-assets")
    app.mount("/static", StaticFiles(packages=[("quellenlage.web", "static")]), name="static")
    app.add_api_route("/docs", _swagger_ui, include_in_schema=False)
    app.add_api_route("/redoc", _redoc, include_in_schema=False)
    app.add_exception_handler(QuellenlageError, _quellenlage_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
    app.add_middleware(
        Guard, allowed_hosts=allowed_hosts, body_limits={ANALYZE_PATH: MAX_ANALYZE_BYTES}
    )
    return app


def _docs_page(title: str, body: str) -> HTMLResponse:
    return HTMLResponse(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
        f"{body}</html>"
    )


def _swagger_ui() -> HTMLResponse:
    return _docs_page(
        "Quellenlage API – Swagger UI",
        '<link rel="stylesheet" href="/static/docs/swagger-ui.css"></head><body>'
        '<div id="swagger-ui"></div><script src="/static/docs/swagger-ui-bundle.js"></script>'
        '<script src="/static/swagger-init.js"></script></body>',
    )


def _redoc() -> HTMLResponse:
    return _docs_page(
        "Quellenlage API – ReDoc",
        '</head><body><redoc spec-url="/openapi.json"></redoc>'
        '<script src="/static/docs/redoc.standalone.js"></script></body>',
    )


def _one_line(detail: str) -> str:
    """A message as one line of valid Unicode (a lone surrogate from the input would make the
    answer itself fail to encode)."""
    return " ".join(detail.encode("utf-8", "replace").decode("utf-8").split())


def _error(
    request: Request, status: int, detail: str, headers: Mapping[str, str] | None = None
) -> Response:
    detail = _one_line(detail)
    if request.url.path.startswith("/api/") or request.method not in ("GET", "HEAD"):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    return pages.error_page(request, status, detail)


async def _quellenlage_error(request: Request, error: Exception) -> Response:
    status = 404 if isinstance(error, NotFoundError) else 400
    return _error(request, status, str(error))


async def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    return _error(request, 422, _validation_message(error.errors()))


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    return _error(request, error.status_code, str(error.detail), error.headers)


async def _unexpected_error(request: Request, error: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path, exc_info=error)
    return _error(request, 500, f"internal error: {type(error).__name__}")


def _validation_message(errors: Any) -> str:
    """FastAPI's list of validation errors as one line: `query limit: Input should be ...`."""
    parts = []
    for item in errors:
        where = " ".join(str(step) for step in item.get("loc", ()))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else item.get("msg", ""))
    return "; ".join(parts) or "invalid request"
