"""`quellenlage train`: learn the trained engine's model from annotated articles."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    TaskID,
)

from quellenlage.attribution.trained import train_model
from quellenlage.cli.common import console, progress_bar, user_errors

STAGES = {
    "features": "reading articles",
    "quotes": "quotation tagger",
    "roles": "role tagger",
    "medium": "medium classifier",
}


def train_command(
    data: Annotated[
        Path,
        typer.Argument(help="Annotated articles, one JSON object a line (WikiNews quotation "
                       "format, or `extract --format jsonl` output with corrected attributions)."),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write the model to.")],
) -> None:
    """Train the trained engine on your annotations; use it with `extract --model DIR`."""
    progress = progress_bar("[bold]{task.description:<18}", transient=False)
    tasks: dict[str, TaskID] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(STAGES.get(stage, stage), total=total)
        progress.update(tasks[stage], completed=done, total=total)

    started = time.perf_counter()
    with user_errors(), progress:
        model_dir = train_model(data, out, progress=report)
    elapsed = time.perf_counter() - started
    console.print(f"model written to {model_dir} in {elapsed:.0f} s; "
                  f"use it with `quellenlage extract --model {model_dir} FILE`")
