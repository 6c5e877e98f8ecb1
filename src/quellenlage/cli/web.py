"""`quellenlage serve`: the read-only web API and search page (quellenlage.web) over uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from quellenlage.archive import DEFAULT_DB_URL
from quellenlage.cli.archive import DbOption, existing_archive
from quellenlage.cli.common import error_console, user_errors

# Addresses that stand for every interface: not a name a browser sends as Host.
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


def serve_command(
    db: DbOption = DEFAULT_DB_URL,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 for every one.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="A host name (or address) that browsers may reach this server by, besides "
            "localhost and the --host address; repeat for more. Other Host headers are refused "
            "(DNS rebinding).",
        ),
    ] = None,
    analyze_workers: Annotated[
        int, typer.Option(min=1, max=64, help="Processes that run POST /api/analyze at once.")
    ] = 1,
    analyze_timeout: Annotated[
        float, typer.Option(min=1, max=3600, help="Seconds one analysis may take (then 504).")
    ] = 60.0,
) -> None:
    """Serve the archive read-only: JSON under /api (docs at /docs), a search page at /."""
    with user_errors():
        # Opened once here so that an unreachable database is one clear line, not a traceback.
        existing_archive(db).close()
    # Imported here: the other commands need not load the web stack.
    import uvicorn

    from quellenlage.web import create_app
    from quellenlage.web.analysis import PoolSettings

    hosts = list(allow_host or [])
    if host not in WILDCARD_ADDRESSES:
        hosts.append(host)
    settings = PoolSettings(workers=analyze_workers, timeout=analyze_timeout)
    app = create_app(db, allowed_hosts=hosts, analysis=settings)
    error_console.print(f"serving {db} at http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run(app, host=host, port=port)
