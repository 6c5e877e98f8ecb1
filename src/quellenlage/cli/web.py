"""`quellenlage serve`: the read-only web API and search page (quellenlage.web) over uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from quellenlage.archive import DEFAULT_DB_URL
from quellenlage.cli.archive import DbOption, existing_archive
from quellenlage.cli.common import error_console, user_errors


def serve_command(
    db: DbOption = DEFAULT_DB_URL,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 for every one.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the archive read-only: JSON under /api (docs at /docs), a search page at /."""
    with user_errors():
        # Opened once here so that an unreachable database is one clear line, not a traceback.
        existing_archive(db).close()
    # Imported here: the other commands need not load the web stack.
    import uvicorn

    from quellenlage.web import create_app

    error_console.print(f"serving {db} at http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run(create_app(db), host=host, port=port)
