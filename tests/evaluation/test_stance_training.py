"""Training data and cross-validation of the stance classifier, and `quellenlage train-stance`:
on our own sentences, and on news-sources dev where ../shared is present."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from quellenlage.cli.main import app
from quellenlage.evaluation.sources_testset import load_testset, score_end_to_end, score_gold
from quellenlage.evaluation.stance_training import (
    cross_validate,
    examples_of,
    judge,
    load_examples,
)
from quellenlage.pipeline import analyze
from quellenlage.resources import data_path
from quellenlage.stance.classifier import Settings, StanceClassifier
from tests.conftest import shared_file


def test_examples_from_gold_spans_and_from_the_pipelines_statements() -> None:
    articles = load_examples(data_path("stance", "examples.jsonl"), analyze)
    gold = [item for article in articles for item in article.gold]
    predicted = [item for article in articles for item in article.predicted]
    assert len(gold) == sum(len(article.expected) for article in articles) >= 120
    assert 0 < len(predicted) <= len(gold)  # the pipeline's statements paired with gold ones
    assert {item.stance for item in gold} >= {"deny", "confirm", "not_confirm", "demand", "warn"}
    assert all(item.features[0] == "bias" and item.rule for item in gold)
    assert len(examples_of(articles)) == len(gold) + len(predicted)


def test_cross_validation_judges_every_statement_once_and_held_out() -> None:
    articles = load_examples(None, analyze)  # the sources test set
    figures = cross_validate(articles, [], 3, Settings())
    assert figures.gold_total == sum(len(a.gold) for a in articles)
    assert figures.end_to_end.gold == figures.gold_total
    # the rules were written with this set: alone they miss only one statement (a denial told
    # by its content), which the held-out classifier need not get
    assert figures.gold_rule_right == figures.gold_total - 1
    assert figures.gold_right >= figures.gold_total - 4


def test_judge_measures_the_pipelines_own_stance_step() -> None:
    """With the shipped model, judge gives the stance figures evaluate-sources gives (gold spans
    and end to end): the classifier is judged through the whole stance step, continuation passes
    included, not by its first decision alone (on news-sources dev, where those passes change
    stances)."""
    path = shared_file("news-sources", "dev.jsonl")
    figures = judge(StanceClassifier.load(data_path("stance")), load_examples(path, analyze))
    paragraphs = load_testset(path)
    gold = score_gold(paragraphs)
    assert figures.gold_right == gold.correct["stance"]
    assert figures.gold_total == gold.total["stance"]
    assert figures.end_to_end.figures() == score_end_to_end(paragraphs).counts.figures()


def test_news_sources_dev_cross_validated(tmp_path: Path) -> None:
    """The held-out folds: the classifier does not lose to the rules alone end to end, and with
    gold spans by no more than one statement of 584 (measured through the whole stance step
    87.8 % against 87.8 %, and with-stance F1 69.8 against 69.6: the rules now read most
    demands, which were the classifier's gain; it changes a statement or two either way)."""
    dev = load_examples(shared_file("news-sources", "dev.jsonl"), analyze)
    own = [*load_examples(None, analyze),
           *load_examples(data_path("stance", "examples.jsonl"), analyze)]
    figures = cross_validate(dev, examples_of(own), 5, Settings()).to_dict()
    assert figures["statements"] == 584
    assert figures["gold_spans_stance"] >= 0.85
    right, right_by_rules = (round(figures[key] * figures["statements"])
                             for key in ("gold_spans_stance", "gold_spans_stance_rules"))
    assert right >= right_by_rules - 1
    assert figures["end_to_end_full_f1"] >= figures["end_to_end_full_f1_rules"]


def test_the_shipped_model_on_the_held_out_news_claims() -> None:
    """Never trained on: end to end, the shipped classifier must not lose to the rules alone
    there (measured with-stance F1 55.3 against 55.0, stance of found 82.4 % against 82.0 %;
    with the gold message span alone, no speaker and no cue, 73.4 % against 72.1 %)."""
    claims = load_examples(shared_file("news-claims", "statements.jsonl"), analyze)
    figures = judge(StanceClassifier.load(data_path("stance")), claims).to_dict()
    assert figures["end_to_end_full_f1"] >= figures["end_to_end_full_f1_rules"]
    assert figures["end_to_end_stance_of_found"] >= figures["end_to_end_stance_of_found_rules"]


def test_train_stance_command_writes_a_model_with_its_figures(tmp_path: Path) -> None:
    out = tmp_path / "model"
    annotated = data_path("sources_testset", "sources_testset.jsonl")
    result = CliRunner().invoke(app, ["train-stance", str(annotated), "--out", str(out),
                                      "--folds", "2", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["cross_validation"]["statements"] == 143
    meta = json.loads((out / "model.json").read_text("utf-8"))
    assert meta["trained_on"]["cross_validation"] == report["cross_validation"]
    assert "quellenlage/data/stance/examples.jsonl" in meta["trained_on"]["data"]
    assert StanceClassifier.load(out).settings == Settings()


def test_train_stance_command_reports_a_missing_file_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train-stance", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output
