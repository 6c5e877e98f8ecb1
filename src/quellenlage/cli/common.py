"""What every command shares: one console each for output and errors, and error reporting."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import DBAPIError

from quellenlage.archive.database import database_reason, shown_url
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

MaxCharsOption = Annotated[
    int,
    typer.Option("--max-chars", help="Longest text analysed, in characters (the default takes "
                 "about a minute and 1 GB of memory); a longer one is an error."),
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
def user_errors(archive: str | None = None) -> Iterator[None]:
    """Report a QuellenlageError as one clear line and exit with status 2, without a traceback;
    so too a file that cannot be written (a full disk) and a database that fails (`archive`:
    the URL of the archive the command uses, named in the message)."""
    try:
        yield
    except QuellenlageError as error:
        fail(str(error))
    except DBAPIError as error:
        where = f"the archive {shown_url(archive)}" if archive else "the archive"
        fail(f"{where}: {database_reason(error)}")
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        fail(f"{where}{error.strerror or error}")


def fail(message: str) -> NoReturn:
    """The one line of an error, and exit status 2."""
    # One line however long the path in it; brackets in it are text, not rich markup.
    line = " ".join(message.split())
    error_console.print(f"[bold red]error:[/] {escape(line)}", soft_wrap=True)
    raise typer.Exit(2)


def day(moment: datetime | None) -> str:
    """A date as tables show it: YYYY-MM-DD, or a dash when unknown."""
    return moment.date().isoformat() if moment else "–"
