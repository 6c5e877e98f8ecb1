"""`quellenlage bench`: how fast the pipeline reads plain news articles."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from quellenlage.cli.common import EngineOption, console, progress_bar, user_errors
from quellenlage.errors import InputError
from quellenlage.evaluation.bench import BenchResult, run_benchmark
from quellenlage.evaluation.corpus import read_gnad_csv
from quellenlage.evaluation.runner import check_engine

DEFAULT_CORPUS = Path("..") / "shared" / "data" / "10kgnad" / "test.csv"


def bench_command(
    corpus: Annotated[
        Path,
        typer.Argument(help="10kGNAD-style CSV (category;'text'). Default: "
                       f"{DEFAULT_CORPUS} from the current directory."),
    ] = DEFAULT_CORPUS,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Use only the first N articles.")
    ] = None,
    engine: EngineOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Measure articles and words a second, attributions found and peak memory."""
    with user_errors():
        chosen = check_engine(engine)
        if not corpus.exists():
            raise InputError(
                f"{corpus}: no such file; give the path of a 10kGNAD-style CSV "
                "(category;'text') as the argument"
            )
        texts = [text for _, text in islice(read_gnad_csv(corpus), limit)]
        if not texts:
            raise InputError(f"{corpus}: no articles")
        progress = progress_bar("[bold]bench[/] {task.description}")
        with progress:
            task = progress.add_task(chosen, total=len(texts))
            result = run_benchmark(
                texts, chosen, on_progress=lambda done, _: progress.update(task, completed=done)
            )
    if as_json:
        typer.echo(json.dumps({"corpus": str(corpus), **result.to_dict()}, indent=2))
    else:
        console.print(bench_table(result, title=f"{corpus} – engine {result.engine}"))


def bench_table(result: BenchResult, title: str) -> Table:
    table = Table(title=title, show_header=False)
    table.add_column("figure", style="bold")
    table.add_column("value", justify="right")
    table.add_row("articles", f"{result.articles:,}")
    table.add_row("words (whitespace)", f"{result.words:,}")
    table.add_row("time", f"{result.seconds:.2f} s")
    table.add_row("articles/s", f"{result.articles_per_second:,.1f}")
    table.add_row("words/s (approx.)", f"{result.words_per_second:,.0f}")
    table.add_row("attributions found", f"{result.attributions:,}")
    table.add_row("load (first article)", f"{result.load_seconds:.3f} s")
    table.add_row("warm-up (next articles)", f"{result.warmup_seconds:.3f} s")
    table.add_row("peak memory (ru_maxrss)", f"{result.peak_memory_mb:.1f} MB")
    return table
