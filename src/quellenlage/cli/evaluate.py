"""`quellenlage evaluate`: run the pipeline over a gold WikiNews corpus and score it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table

from quellenlage.cli.common import EngineOption, ModelOption, console, progress_bar, user_errors
from quellenlage.evaluation.dataset import read_gold
from quellenlage.evaluation.report import PRF, Report
from quellenlage.evaluation.runner import check_engine, evaluate_documents, write_predictions


def evaluate_command(
    data: Annotated[
        Path, typer.Argument(help="Gold corpus: WikiNews quotations, one JSON document a line.")
    ],
    predictions_out: Annotated[
        Path | None,
        typer.Option("--write-predictions", help="Write the predictions here (JSON lines)."),
    ] = None,
    engine: EngineOption = None,
    model: ModelOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as JSON instead of tables.")
    ] = False,
) -> None:
    """Score the pipeline against gold quotation annotations (the published WikiNews metric)."""
    with user_errors():
        chosen = check_engine(engine, model)
        documents = read_gold(data)
        progress = progress_bar("[bold]evaluating[/] {task.description}")
        with progress:
            task = progress.add_task(chosen, total=len(documents))
            evaluation = evaluate_documents(
                documents, chosen, model_dir=model,
                on_progress=lambda done, _: progress.update(task, completed=done),
            )
        if predictions_out is not None:
            write_predictions(evaluation.predictions, predictions_out)
    if as_json:
        payload = {"data": str(data), "engine": evaluation.engine, **evaluation.report.to_dict()}
        typer.echo(json.dumps(payload, indent=2))
        return
    title = f"{data.name}, engine {evaluation.engine}"
    console.print(headline_table(evaluation.report, title=title))
    console.print(type_table(evaluation.report))
    for line in type_confusion_lines(evaluation.report):
        console.print(line)
    console.print(role_table(evaluation.report))
    counts = evaluation.report.counts
    console.print(
        f"{counts.gold_docs} documents ({counts.pred_docs_found} predicted), "
        f"{counts.gold_quotations} gold and {counts.predicted_quotations} predicted quotations, "
        f"{counts.pairs_with_overlap} found (quotes overlap), {counts.unmatched_gold} gold and "
        f"{counts.unmatched_pred} predicted left unpaired"
    )
    if predictions_out is not None:
        console.print(f"predictions written to {predictions_out}")


def percent(value: float) -> str:
    return f"{100 * value:.2f}"


def headline_table(report: Report, title: str) -> Table:
    table = Table(title=title)
    table.add_column("figure", style="bold", no_wrap=True)
    for column in ("P", "R", "F1"):
        table.add_column(column, justify="right")
    for name, prf in report.headline().items():
        table.add_row(name, *_prf_cells(prf))
    return table


def _prf_cells(prf: PRF) -> tuple[str, str, str]:
    return percent(prf.precision), percent(prf.recall), percent(prf.f1)


def type_table(report: Report) -> Table:
    table = Table(
        title="by gold type",
        caption="found: the quotes share a token; ok: found with the right type",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("type", style="bold", no_wrap=True)
    for column in ("gold", "found", "ok", "pred", "p.found", "msg F1", "joint F1"):
        table.add_column(column, justify="right", no_wrap=True)
    for row in report.type_rows:
        table.add_row(
            row.type, str(row.gold), str(row.gold_found), str(row.type_correct),
            str(row.predicted), str(row.predicted_found),
            percent(row.message.f1) if row.gold else "–",
            percent(row.joint.f1) if row.gold else "–",
        )
    return table


def type_confusion_lines(report: Report) -> list[str]:
    """For each gold type, the predicted types of its found quotations, where any differ."""
    lines = []
    for row in report.type_rows:
        if row.gold_found > row.type_correct:
            found_as = ", ".join(f"{name} {count}" for name, count in row.predicted_as.items())
            lines.append(f"{row.type} found as: {found_as}")
    return lines


def role_table(report: Report) -> Table:
    table = Table(
        title="by role",
        caption="counts over found pairs; else: both given, no shared token",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("role", style="bold", no_wrap=True)
    for column in ("F1", "gold", "pred", "exact", "part", "miss", "spur", "else"):
        table.add_column(column, justify="right", no_wrap=True)
    for row in report.role_rows:
        table.add_row(
            row.role, percent(row.score.f1), str(row.gold_present), str(row.predicted_present),
            str(row.exact), str(row.partial), str(row.missed), str(row.spurious), str(row.disjoint),
        )
    return table
