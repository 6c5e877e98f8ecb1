"""`quellenlage train-stance`: train the stance classifier, with cross-validated figures."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from quellenlage.cli.common import EngineOption, console, user_errors
from quellenlage.errors import InputError
from quellenlage.pipeline import analyze, check_engine
from quellenlage.resources import data_path

# Our own sentences, always trained on: the sources test set and the stance examples.
OWN_DATA = (data_path("sources_testset", "sources_testset.jsonl"),
            data_path("stance", "examples.jsonl"))


def _name(path: Path) -> str:
    """A data file's name for the model's provenance: the package's own files from the package
    root, others as given."""
    try:
        return str(path.resolve().relative_to(data_path().parent.parent))
    except ValueError:
        return str(path)


def train_stance_command(
    annotated: Annotated[
        list[Path] | None,
        typer.Argument(help="Annotated articles (the sources test set's format, e.g. "
                       "../shared/data/news-sources/dev.jsonl): cross-validated by article, "
                       "then trained on with our own sentences."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the model here (e.g. "
                                  "src/quellenlage/data/stance); without it, only measure."),
    ] = None,
    folds: Annotated[int, typer.Option("--folds", min=2, help="Cross-validation folds.")] = 5,
    held_out: Annotated[
        list[Path] | None,
        typer.Option("--held-out", help="Annotated articles never trained on, judged by the "
                     "final model (e.g. ../shared/data/news-claims/statements.jsonl)."),
    ] = None,
    threshold: Annotated[
        float | None, typer.Option("--threshold", help="Probability the classifier needs to "
                                   "overrule the rules (default: the model's setting).")
    ] = None,
    engine: EngineOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Train the stance classifier on annotated statements (gold spans and the pipeline's own
    statements), report its cross-validated and held-out figures beside the rules'."""
    from quellenlage.evaluation.stance_training import (
        cross_validate,
        examples_of,
        file_digest,
        judge,
        load_examples,
    )
    from quellenlage.stance.classifier import Settings
    from quellenlage.stance.training import train_classifier, write_settings

    def read(path: Path) -> list:
        if not path.exists():
            raise InputError(f"{path}: no such file")
        return load_examples(path, lambda text: analyze(text, engine=chosen))

    with user_errors():
        chosen = check_engine(engine)
        settings = Settings() if threshold is None else Settings(threshold=threshold)
        annotated_articles = [a for path in annotated or [] for a in read(path)]
        fixed = examples_of([a for path in OWN_DATA for a in read(path)])
        report: dict = {"engine": chosen, "data": {
            _name(path): {"sha256": file_digest(path)} for path in [*(annotated or []), *OWN_DATA]
        }}
        if annotated_articles:
            figures = cross_validate(annotated_articles, fixed, folds, settings)
            report["cross_validation"] = {"folds": folds, **figures.to_dict()}
        if out is not None or held_out:
            with tempfile.TemporaryDirectory() as work:
                target = out if out is not None else Path(work)
                classifier = train_classifier([*examples_of(annotated_articles), *fixed],
                                              target, settings, report)
                for path in held_out or []:
                    report.setdefault("held_out", {})[_name(path)] = judge(
                        classifier, read(path)).to_dict()
            if out is not None:  # the provenance with the held-out figures
                write_settings(out, settings, report)
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"Stance, classifier / rules alone (engine {chosen}, threshold "
                  f"{settings.threshold})")
    for column in ("measured on", "statements", "gold spans", "end to end: of found",
                   "with stance F1"):
        table.add_column(column, justify="left" if column == "measured on" else "right")
    rows = []
    if "cross_validation" in report:
        rows.append((f"{folds}-fold CV", report["cross_validation"]))
    rows += [(f"held out: {Path(p).name}", f) for p, f in report.get("held_out", {}).items()]
    for label, f in rows:
        table.add_row(label, str(f["statements"]), *(
            f"{100 * f[key]:.1f} / {100 * f[key + '_rules']:.1f}"
            for key in ("gold_spans_stance", "end_to_end_stance_of_found", "end_to_end_full_f1")
        ))
    console.print(table)
    if out is not None:
        console.print(f"model written to {out}")
