"""`quellenlage ingest | search | export | batch | load`: thin commands over quellenlage.archive."""

from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from quellenlage.archive import DEFAULT_DB_URL, Archive, SearchHit
from quellenlage.cli.common import (
    EngineOption,
    MaxCharsOption,
    console,
    day,
    error_console,
    user_errors,
)
from quellenlage.errors import InputError
from quellenlage.ingest.fetch import CONNECT_TIMEOUT, MAX_BYTES, READ_TIMEOUT, FetchSettings
from quellenlage.ingest.runner import IngestSummary
from quellenlage.ingest.sources import ReaderOptions, parse_field_mapping
from quellenlage.pipeline import MAX_TEXT_CHARS, check_engine

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="QUELLENLAGE_DB",
        help="Database URL: sqlite:///file.db (a plain path works too) or postgresql://...",
    ),
]
WorkersOption = Annotated[
    int,
    typer.Option("--workers", "-w", help="Processes that analyse in parallel; 0 = all cores."),
]
FieldOption = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        help="Map a field to a JSONL key or CSV column (name or number from 0), e.g. "
        "--field text=body --field section=0. Fields: text title url outlet author published "
        "language section.",
    ),
]


def all_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class RateColumn(ProgressColumn):
    """Articles per second since the start."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.1f} articles/s", style="cyan")


class RichProgress:
    """The ingest's progress hook, drawn on standard error."""

    def __init__(self, progress: Progress, description: str) -> None:
        self.progress = progress
        self.description = description
        self.task_id: int | None = None

    def start(self, total: int | None) -> None:
        self.task_id = self.progress.add_task(self.description, total=total)

    def advance(self, count: int = 1) -> None:
        if self.task_id is not None:
            self.progress.advance(self.task_id, count)


def progress_display(quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        console=error_console,
        disable=quiet,
        transient=False,
    )


def print_summary(summary: IngestSummary, counts: dict[str, int]) -> None:
    for line in summary.lines():
        console.print(line)
    console.print(
        f"archive: {counts['articles']} articles ({counts['near_duplicates']} near-duplicates), "
        f"{counts['attributions']} statements, {counts['sources']} sources"
    )


def ingest_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt .html .jsonl .csv .warc(.gz) .rss .atom .xml), folders, page or "
            "feed URLs."
        ),
    ],
    db: DbOption = DEFAULT_DB_URL,
    workers: WorkersOption = 0,
    fields: FieldOption = None,
    delimiter: Annotated[str | None, typer.Option(help="CSV delimiter (sniffed if unset).")] = None,
    quotechar: Annotated[str | None, typer.Option(help="CSV quote character.")] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Outlet for articles that do not name one.")
    ] = None,
    follow_links: Annotated[
        bool, typer.Option(help="Fetch each feed entry's page for the full text.")
    ] = True,
    timeout: Annotated[
        float, typer.Option(help="Seconds a URL may take to answer and be read, in all.")
    ] = READ_TIMEOUT,
    max_bytes: Annotated[
        int, typer.Option(help="Largest page, feed or WARC record read, in bytes.")
    ] = MAX_BYTES,
    max_chars: MaxCharsOption = MAX_TEXT_CHARS,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    engine: EngineOption = None,
) -> None:
    """Read, analyse and store articles; German ones only, each text once. Exit status 1 when
    some input or article could not be read or analysed (the others are stored)."""
    with user_errors(db):
        check_engine(engine)
        options = ReaderOptions(
            fields=parse_field_mapping(fields or []),
            delimiter=delimiter,
            quotechar=quotechar,
            follow_feed_links=follow_links,
            outlet=outlet,
            fetch=FetchSettings(
                connect_timeout=min(CONNECT_TIMEOUT, timeout),
                read_timeout=timeout,
                max_bytes=max_bytes,
                deadline=timeout,
            ),
        )
        with Archive(db) as archive, progress_display(quiet) as progress:
            summary = archive.ingest(
                inputs,
                workers=workers or all_cores(),
                options=options,
                progress=RichProgress(progress, "ingest"),
                engine=engine,
                max_chars=max_chars,
            )
            counts = archive.counts()
    print_summary(summary, counts)
    if summary.failed:
        raise typer.Exit(1)


class SearchFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def search_command(
    query: Annotated[
        str, typer.Argument(help='Words (all must occur), "a phrase", x OR y, -excluded.')
    ],
    source: Annotated[str | None, typer.Option(help="Part of the source's name.")] = None,
    outlet: Annotated[str | None, typer.Option(help="The outlet, any case.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    quote_type: Annotated[
        str | None,
        typer.Option(
            "--type", help="Direct, Indirect, FreeIndirect, IndirectFreeIndirect or Reported."
        ),
    ] = None,
    stance: Annotated[str | None, typer.Option(help="The statement's stance label.")] = None,
    articles: Annotated[
        bool, typer.Option("--articles", help="Search article texts instead of statements.")
    ] = False,
    duplicates: Annotated[
        bool, typer.Option("--duplicates", help="Include near-duplicate copies.")
    ] = False,
    limit: Annotated[int, typer.Option(help="Most hits shown.")] = 20,
    output_format: Annotated[SearchFormat, typer.Option("--format", "-f")] = SearchFormat.table,
    db: DbOption = DEFAULT_DB_URL,
) -> None:
    """Find statements (or articles) by words, source, outlet, date, type and stance. A query
    that starts with "-" (an excluded word) goes in quotes: search "-Wetter Regen"."""
    with user_errors(db), existing_archive(db) as archive:
        hits = archive.search(
            query,
            source=source,
            outlet=outlet,
            since=since,
            until=until,
            type=quote_type,
            stance=stance,
            scope="articles" if articles else "quotes",
            include_duplicates=duplicates,
            limit=limit,
        )
    if output_format is SearchFormat.table:
        console.print(hits_table(hits, articles=articles))
    elif output_format is SearchFormat.json:
        typer.echo(json.dumps([hit.to_dict() for hit in hits], ensure_ascii=False, indent=2))
    else:
        for hit in hits:
            typer.echo(json.dumps(hit.to_dict(), ensure_ascii=False))


def hits_table(hits: list[SearchHit], *, articles: bool) -> Table:
    table = Table(show_lines=False)
    table.add_column("published", style="dim")
    table.add_column("outlet")
    if not articles:
        table.add_column("source", style="bold cyan")
        table.add_column("type", style="green")
    table.add_column("article" if articles else "quote")
    for hit in hits:
        shown = hit.text if len(hit.text) <= 160 else hit.text[:159] + "…"
        if articles:
            title = hit.title or hit.url or f"#{hit.article_id}"
            table.add_row(day(hit.published), hit.outlet or "–", f"[bold]{title}[/]\n{shown}")
        else:
            who = hit.source or hit.speaker or "–"
            table.add_row(day(hit.published), hit.outlet or "–", who, hit.type or "", shown)
    table.caption = f"{len(hits)} hits" if hits else "no hits"
    return table


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def export_command(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: one line per article; csv: one row per statement; parquet: per article.",
        ),
    ] = ExportFormat.jsonl,
    out: Annotated[
        str | None, typer.Option("--out", "-o", help="File to write; standard output if unset.")
    ] = None,
    db: DbOption = DEFAULT_DB_URL,
) -> None:
    """Write every stored article with its metadata and statements. A file is written whole
    or not at all: under a temporary name, renamed when complete."""
    with user_errors(db), existing_archive(db) as archive:
        count = archive.export(output_format.value, out)
    if out not in (None, "-"):
        error_console.print(f"{count} articles written to {out}")


class Engine(StrEnum):
    local = "local"
    spark = "spark"


def batch_command(
    source: Annotated[
        str, typer.Argument(help="A JSONL, WARC or Parquet file, or a folder of them.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the Parquet output.")],
    engine: Annotated[Engine, typer.Option(help="local: processes here; spark: a Spark job.")] = (
        Engine.local
    ),
    workers: WorkersOption = 0,
    fields: FieldOption = None,
    master: Annotated[
        str, typer.Option(help="Spark master URL (spark engine), e.g. local[4] or spark://host.")
    ] = "local[*]",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse a corpus into Parquet files (one row per article) for `quellenlage load`."""
    with user_errors():
        options = ReaderOptions(fields=parse_field_mapping(fields or []))
        if engine is Engine.spark:
            from quellenlage.batch.spark import run_spark

            report = run_spark(source, out, options=options, master=master)
        else:
            from quellenlage.batch.local import run_local

            with progress_display(quiet) as progress:
                report = run_local(
                    source,
                    out,
                    options=options,
                    workers=workers or all_cores(),
                    progress=RichProgress(progress, "batch"),
                )
    for line in report.lines():
        console.print(line)


def load_command(
    folder: Annotated[Path, typer.Argument(help="A folder of Parquet files written by batch.")],
    db: DbOption = DEFAULT_DB_URL,
    workers: WorkersOption = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Import analysed articles (Parquet from batch or export) into the archive. Exit status
    1 when some file or article could not be read (the others are stored)."""
    with user_errors(db), Archive(db) as archive, progress_display(quiet) as progress:
        summary = archive.load(
            folder, workers=workers or all_cores(), progress=RichProgress(progress, "load")
        )
        counts = archive.counts()
    print_summary(summary, counts)
    if summary.failed:
        raise typer.Exit(1)


def existing_archive(db: str) -> Archive:
    """The archive at `db`, opened for a command that reads it: a typo in the path must not
    create an empty archive."""
    if db.startswith("sqlite:") or "://" not in db:
        path = db.removeprefix("sqlite:///") if "://" in db else db
        if path.startswith("file:") and "uri=true" in path:  # sqlite:///file:x.db?mode=ro
            path = path.removeprefix("file:").split("?")[0]
        if path not in ("", ":memory:") and not Path(path).exists():
            raise InputError(f"{path}: no archive here; create one with `quellenlage ingest`")
    return Archive(db)
