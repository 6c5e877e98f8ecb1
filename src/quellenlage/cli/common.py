"""What every command shares: one console each for output and errors, and error reporting."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from quellenlage.errors import QuellenlageError

EngineOption = Annotated[
    str | None,
    typer.Option(
        "--engine",
        help="Extraction engine: rules (default) or trained (CRFs stacked on the rules).",
    ),
]
ModelOption = Annotated[
    Path | None,
    typer.Option("--model", help="Model directory from `quellenlage train` (implies "
                 "--engine trained); default: the shipped model."),
]

console = Console(highlight=False)
error_console = Console(stderr=True, highlight=False)


def progress_bar(label: str, *, transient: bool = True) -> Progress:
    """The progress bar of the long commands: on standard error, so that output stays clean."""
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=error_console,
        transient=transient,
    )


@contextmanager
def user_errors() -> Iterator[None]:
    """Report a QuellenlageError as one clear line and exit with status 2, without a traceback."""
    try:
        yield
    except QuellenlageError as error:
        # One line however long the path in it; brackets in it are text, not rich markup.
        error_console.print(f"[bold red]error:[/] {escape(str(error))}", soft_wrap=True)
        raise typer.Exit(2) from None


def day(moment: datetime | None) -> str:
    """A date as tables show it: YYYY-MM-DD, or a dash when unknown."""
    return moment.date().isoformat() if moment else "–"
