"""Evaluation: the published WikiNews quotation metric, running the pipeline over a gold corpus,
throughput benchmarks on plain news articles, and the sources, channels and stance of statements
(sources_testset; anaphora: pronoun and role-noun speakers on WikiNews)."""

from quellenlage.evaluation.convert import article_to_prediction
from quellenlage.evaluation.corpus import read_gnad_csv
from quellenlage.evaluation.dataset import (
    PART_NAMES,
    Quotation,
    QuoteDocument,
    parse_document,
    read_gold,
    read_predictions,
)
from quellenlage.evaluation.report import PRF, Report
from quellenlage.evaluation.runner import Evaluation, run_evaluation, write_predictions
from quellenlage.evaluation.scoring import score

__all__ = [
    "PART_NAMES",
    "PRF",
    "Evaluation",
    "Quotation",
    "QuoteDocument",
    "Report",
    "article_to_prediction",
    "parse_document",
    "read_gnad_csv",
    "read_gold",
    "read_predictions",
    "run_evaluation",
    "score",
    "write_predictions",
]
