"""The app factory: one Archive per app, opened at startup and closed at shutdown, and errors
answered as one clear line (JSON under /api, an HTML page elsewhere)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from quellenlage import __version__
from quellenlage.archive import Archive
from quellenlage.errors import NotFoundError, QuellenlageError
from quellenlage.web import api, pages
from quellenlage.web.api import ANALYZE_PATH, MAX_ANALYZE_BYTES


def create_app(db_url: str) -> FastAPI:
    """The web app over the archive at `db_url`; it reads the archive and never writes to it."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with Archive(db_url) as archive:
            app.state.archive = archive
            yield

    app = FastAPI(
        title="Quellenlage",
        version=__version__,
        description="Who said what in German news: search an archive of analysed articles.",
        lifespan=lifespan,
    )
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(QuellenlageError, _quellenlage_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.middleware("http")(_limit_analyze_body)
    return app


async def _limit_analyze_body(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    # Refused before the body is read, so a huge upload costs no memory.
    if request.url.path == ANALYZE_PATH:
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_ANALYZE_BYTES:
            return JSONResponse(
                {"detail": f"the request is larger than {MAX_ANALYZE_BYTES:,} bytes"},
                status_code=413,
            )
    return await call_next(request)


def _error(request: Request, status: int, detail: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": detail}, status_code=status)
    return pages.error_page(request, status, detail)


async def _quellenlage_error(request: Request, error: Exception) -> Response:
    status = 404 if isinstance(error, NotFoundError) else 400
    return _error(request, status, str(error))


async def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    return _error(request, 422, _validation_message(error.errors()))


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    return _error(request, error.status_code, str(error.detail))


def _validation_message(errors: Any) -> str:
    """FastAPI's list of validation errors as one line: `query limit: Input should be ...`."""
    parts = []
    for item in errors:
        where = " ".join(str(step) for step in item.get("loc", ()))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else item.get("msg", ""))
    return "; ".join(parts) or "invalid request"
