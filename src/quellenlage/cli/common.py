"""What every command shares: one console each for output and errors, and error reporting."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from quellenlage.errors import QuellenlageError

console = Console(highlight=False)
error_console = Console(stderr=True, highlight=False)


@contextmanager
def user_errors() -> Iterator[None]:
    """Report a QuellenlageError as one clear line and exit with status 2, without a traceback."""
    try:
        yield
    except QuellenlageError as error:
        error_console.print(f"[bold red]error:[/] {error}")
        raise typer.Exit(2) from None
