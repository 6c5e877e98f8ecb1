"""`quellenlage train-tagger`: learn the part-of-speech, case and mood tagger of the text layer."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from quellenlage.cli.common import console, progress_bar, user_errors
from quellenlage.resources import data_path
from quellenlage.text.reading import read_text
from quellenlage.text.tagger import MODEL_DIR, Tagger
from quellenlage.text.tagger_training import TaggerSettings, check_sentences, train_tagger

DEFAULT_CORPUS = Path("..") / "shared" / "data" / "redewiedergabe" / "tsv"
DEFAULT_ITERATIONS = TaggerSettings().iterations


def train_tagger_command(
    corpus: Annotated[Path, typer.Argument(
        help="The tsv folder of the Redewiedergabe corpus (with metadata.tsv).")] = DEFAULT_CORPUS,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Directory to write the model to (default: the shipped model's).")
    ] = None,
    check: Annotated[Path | None, typer.Option(
        help="Hand-labelled sentences (JSON lines) to score the new model on as well.")] = None,
    iterations: Annotated[int, typer.Option(help="L-BFGS iterations.")] = DEFAULT_ITERATIONS,
) -> None:
    """Train the case and mood tagger on Redewiedergabe; print held-out accuracy."""
    target = out or data_path(*MODEL_DIR)
    progress = progress_bar("[bold]{task.description:<18}", transient=False)
    started = time.perf_counter()
    with user_errors(), progress:
        task = progress.add_task("tagger", total=iterations)
        meta = train_tagger(corpus, target, TaggerSettings(iterations=iterations),
                            progress=lambda _, done, total: progress.update(task, completed=done))
    table = Table(title=f"held-out samples of {corpus}")
    table.add_column("accuracy (%)")
    table.add_column("all held-out", justify="right")
    table.add_column("non-fiction", justify="right")
    held_out: dict[str, float] = meta["held_out"]  # type: ignore[assignment]
    nonfiction: dict[str, float] = meta["held_out_nonfiction"]  # type: ignore[assignment]
    for key, value in held_out.items():
        table.add_row(key, f"{value:.2f}", f"{nonfiction.get(key, 0):.2f}")
    console.print(table)
    if check is not None:
        with user_errors():
            result = check_sentences(read_text(str(check)).splitlines(), Tagger(target))
        console.print(f"{check}: {result.summary()}")
    console.print(f"model written to {target} in {time.perf_counter() - started:.0f} s")
