"""The floor gate: the default engine must not fall below the floors pinned in
eval_baseline.json. The flat figures are WikiNews dev (150 documents, one pass: the one test that
runs the pipeline over all of it); the nested ones are end to end on real news, as
../shared/tools/e2e_score.py measures them: news-sources dev (40 articles, with the stance and
responds_to of gold spans too; the stance classifier was trained on that file, so its stance
figures are in-sample there: tests/evaluation/test_stance_training.py holds the cross-validated
ones) and the news-claims statements (70 articles, never trained on). Raising a floor is a
commit of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellenlage.evaluation.runner import run_evaluation
from quellenlage.evaluation.sources_testset import load_testset, score_end_to_end, score_gold
from tests.conftest import shared_file

BASELINE = Path(__file__).with_name("eval_baseline.json")
REAL_NEWS = {
    "news_sources_dev": ("news-sources", "dev.jsonl"),
    "news_claims": ("news-claims", "statements.jsonl"),
}


def floors() -> dict:
    return json.loads(BASELINE.read_text("utf-8"))


def assert_above(measured: dict[str, float], pinned: dict[str, float], label: str) -> None:
    assert set(pinned) <= set(measured), f"unknown figures for {label} in {BASELINE.name}"
    below = {
        name: f"{measured[name]:.4f} < floor {floor:.4f}"
        for name, floor in pinned.items()
        if measured[name] < floor
    }
    assert not below, f"{label} figures fell below the floors in {BASELINE.name}: {below}"


def test_dev_figures_stay_above_their_floors(wikinews_dev: Path) -> None:
    pinned = {name: value for name, value in floors().items() if not isinstance(value, dict)}
    report = run_evaluation(wikinews_dev).report
    measured = {"joint_f1": report.joint.f1, "message_f1": report.message.f1}
    assert_above(measured, pinned, "WikiNews dev")


@pytest.mark.parametrize("corpus", sorted(REAL_NEWS))
def test_real_news_figures_stay_above_their_floors(corpus: str) -> None:
    paragraphs = load_testset(shared_file(*REAL_NEWS[corpus]))
    measured = score_end_to_end(paragraphs).counts.figures()
    gold = score_gold(paragraphs)
    measured["gold_spans_stance"] = gold.accuracy("stance")
    measured["gold_spans_responds_to"] = gold.accuracy("responds_to")
    assert_above(measured, floors()[corpus], corpus)
