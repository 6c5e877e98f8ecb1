"""Running the pipeline over an annotated corpus and scoring what it found.

Only a document's `originalText` reaches the pipeline; its gold annotations are used for nothing
but the scoring (and its tokens to write the predictions in the published format).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quellenlage import pipeline
from quellenlage.errors import QuellenlageError
from quellenlage.evaluation.convert import article_to_prediction
from quellenlage.evaluation.dataset import QuoteDocument, parse_document, read_gold
from quellenlage.evaluation.report import Report
from quellenlage.evaluation.scoring import score
from quellenlage.pipeline import check_engine

ProgressCallback = Callable[[int, int], None]
"""Called with (documents done, documents in all) after each document."""


__all__ = [
    "check_engine", "evaluate_documents", "predict", "run_evaluation", "write_predictions",
]


def predict(
    documents: Sequence[QuoteDocument], engine: str, model_dir: Path | str | None = None
) -> Iterator[dict[str, Any]]:
    """One prediction record a document, in the published format, in corpus order."""
    for document in documents:
        article = pipeline.analyze(document.text, engine=engine, model_dir=model_dir)
        yield article_to_prediction(document, article)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The report, the engine that was measured, and the predictions it was computed from."""

    engine: str
    report: Report
    predictions: list[dict[str, Any]]


def evaluate_documents(
    documents: Sequence[QuoteDocument],
    engine: str | None = None,
    *,
    model_dir: Path | str | None = None,
    on_progress: ProgressCallback | None = None,
) -> Evaluation:
    """Analyse `documents` (with the model in `model_dir`, for the trained engine) and score."""
    chosen = check_engine(engine)
    records: list[dict[str, Any]] = []
    for done, record in enumerate(predict(documents, chosen, model_dir), start=1):
        records.append(record)
        if on_progress:
            on_progress(done, len(documents))
    # Score the records as they will be written, so the file and the figures cannot disagree.
    predicted = {r["documentName"]: parse_document(r, gold=False) for r in records}
    return Evaluation(engine=chosen, report=score(documents, predicted), predictions=records)


def run_evaluation(
    path: Path | str,
    engine: str | None = None,
    *,
    on_progress: ProgressCallback | None = None,
) -> Evaluation:
    """Analyse every document of the gold file at `path` and score the result against it."""
    chosen = check_engine(engine)
    return evaluate_documents(read_gold(path), chosen, on_progress=on_progress)


def write_predictions(records: Sequence[dict[str, Any]], path: Path | str) -> None:
    """One JSON line a document, as `quote_score.py` and `read_predictions` read them."""
    try:
        with Path(path).open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    except OSError as error:
        raise QuellenlageError(f"{path}: cannot write ({error.strerror})") from None
