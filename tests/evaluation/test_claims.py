"""Claim scores (quellenlage.evaluation.claims) against the reference scorer
(../shared/tools/claims_score.py), run as a separate process on the same files: a hand-made
export of articles we wrote, and the archive's real export of the news-claims dev set. Skips
where ../shared is absent."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quellenlage.archive import Archive
from quellenlage.cli.main import app
from quellenlage.evaluation.claims import (
    evaluate_claims,
    match_statements,
    read_jsonl,
    score_claims,
)
from tests.conftest import SHARED_DATA, shared_file

REFERENCE = SHARED_DATA.parent / "tools" / "claims_score.py"
BASELINE = Path(__file__).with_name("eval_baseline.json")  # floors of lexical linking
COMPARED = (
    "pairs_tp", "pairs_fp", "pairs_fn", "precision", "recall", "coverage_3plus", "claims_3plus",
    "answers_found", "answers_in_claim", "statements", "found", "unmatched_articles",
)

TEXTS = {
    "a1": "Die Polizei teilte mit, die Brücke in Talstadt sei gesperrt. Der Bürgermeister "
          "sagte, die Sperrung dauere zwei Wochen.",
    "a2": "Laut Polizei ist die Brücke in Talstadt gesperrt. Die Stadt bestreitet, dass die "
          "Sperrung zwei Wochen dauert.",
    "a3": "Die Brücke sei gesperrt, hieß es. Ein Sprecher konnte nicht bestätigen, dass die "
          "Sperrung zwei Wochen dauere. Der Bäcker sagte, er verkaufe mehr Brot.",
    "a4": "Ein Artikel, den die Auswertung nicht findet.",
}
GOLD = {
    "a1": [("die Brücke in Talstadt sei gesperrt", "BRIDGE", "assert"),
           ("die Sperrung dauere zwei Wochen", "WEEKS", "assert")],
    "a2": [("ist die Brücke in Talstadt gesperrt", "BRIDGE", "assert"),
           ("dass die Sperrung zwei Wochen dauert", "WEEKS", "deny")],
    "a3": [("Die Brücke sei gesperrt", "BRIDGE", "assert"),
           ("dass die Sperrung zwei Wochen dauere", "WEEKS", "not_confirm"),
           ("er verkaufe mehr Brot", "BREAD", "assert")],
    "a4": [("den die Auswertung nicht findet", "LOST", "assert")],
}
# Predicted quotes (a phrase of the text) with their claim ids: the bridge claim found whole,
# the weeks claim split, the denial joined to the bridge by mistake, one gold statement missed.
PREDICTED = {
    "a1": [("die Brücke in Talstadt sei gesperrt", 7), ("die Sperrung dauere zwei Wochen", 8)],
    "a2": [("Polizei ist die Brücke in Talstadt gesperrt", 7),
           ("die Sperrung zwei Wochen dauert", 7)],
    "a3": [("Die Brücke sei gesperrt", 7), ("dass die Sperrung zwei Wochen dauere", 8),
           ("Der Bäcker sagte", None)],
}


def written_files(folder: Path) -> tuple[Path, Path, Path]:
    articles = [
        {"id": key, "url": f"https://zeitung.example/{key}", "outlet": "Talbote",
         "date": "2025-05-01", "title": key, "text": text}
        for key, text in TEXTS.items()
    ]
    gold = [
        {"id": key, "statements": [
            {"msg": msg, "claim": claim, "stance": stance} for msg, claim, stance in found
        ]}
        for key, found in GOLD.items()
    ]
    exported = []
    for key, quotes in PREDICTED.items():
        text = TEXTS[key]
        attributions = []
        for quote, claim in quotes:
            start = text.index(quote)
            attributions.append({"quote": {"text": quote, "spans": [[start, start + len(quote)]]},
                                 "claim_id": claim})
        exported.append({"url": f"https://zeitung.example/{key}", "text": text,
                         "attributions": attributions})
    paths = []
    for name, records in (("articles", articles), ("gold", gold), ("export", exported)):
        path = folder / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                        encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1], paths[2]


@pytest.fixture
def reference_scorer() -> Path:
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE} is absent: the cross-check needs ../shared/tools")
    return REFERENCE


def reference_figures(scorer: Path, articles: Path, gold: Path, export: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(scorer), str(articles), str(gold), str(export), "--json"],
        capture_output=True, text=True, check=True, timeout=300,
    )
    figures = json.loads(done.stdout[: done.stdout.rindex("}") + 1])
    figures["summary"] = done.stdout.strip().splitlines()[-1]
    return figures


def assert_agree(ours: dict[str, Any], summary: str, reference: dict[str, Any]) -> None:
    for name in COMPARED:
        assert ours[name] == pytest.approx(reference[name], abs=1e-12), name
    assert summary == reference["summary"]


def test_overlap_of_half_the_shorter_one_to_one() -> None:
    text = "Er sagte, die Brücke sei gesperrt und bleibe es."
    message = "die Brücke sei gesperrt"
    start = text.index(message)
    # the longer overlap wins; a quote covering less than half of the shorter is no match
    quotes = [[(start, start + 10)], [(start - 10, len(text))], [(0, 5)]]
    assert match_statements(text, [message, "nicht im Text"], quotes) == {0: 1}


def test_hand_made_export_scores_as_written(tmp_path: Path) -> None:
    articles, gold, export = written_files(tmp_path)
    scores = score_claims(read_jsonl(articles), read_jsonl(gold), read_jsonl(export))
    # gold pairs across articles: bridge 3, weeks 3; a2's denial is linked to the bridge claim
    assert (scores.pairs_tp, scores.pairs_fp, scores.pairs_fn) == (4, 2, 2)
    assert scores.found == 6 and scores.statements == 8  # "Der Bäcker sagte" misses its message
    assert scores.pairs_both_found == 6 and scores.ceiling == 1.0
    bridge = next(c for c in scores.claims if c.claim == "BRIDGE")
    weeks = next(c for c in scores.claims if c.claim == "WEEKS")
    assert (bridge.coverage, bridge.purity) == (1.0, 0.75)
    assert (weeks.best, weeks.coverage, weeks.purity) == (8, 2 / 3, 1.0)
    assert (weeks.answers, weeks.answers_in_claim) == (2, 1)


def test_agrees_with_the_reference_on_a_hand_made_export(
    tmp_path: Path, reference_scorer: Path
) -> None:
    articles, gold, export = written_files(tmp_path)
    scores = score_claims(read_jsonl(articles), read_jsonl(gold), read_jsonl(export))
    reference = reference_figures(reference_scorer, articles, gold, export)
    assert_agree(scores.to_dict(), scores.summary(), reference)


def test_agrees_with_the_reference_on_the_news_claims_export(
    tmp_path: Path, reference_scorer: Path
) -> None:
    """The archive's own export after ingest and link-claims, scored by both."""
    articles = shared_file("news-claims", "articles.jsonl")
    gold = shared_file("news-claims", "gold.jsonl")
    with Archive(f"sqlite:///{tmp_path / 'news.db'}") as archive:
        archive.ingest([str(articles)])
        archive.link_claims()
        exported = [stored.to_dict() for stored in archive.articles()]
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in exported),
                      encoding="utf-8")
    scores = score_claims(read_jsonl(articles), read_jsonl(gold), exported)
    reference = reference_figures(reference_scorer, articles, gold, export)
    assert_agree(scores.to_dict(), scores.summary(), reference)
    print(f"\nnews-claims: {scores.summary()}; recall ceiling {scores.ceiling:.3f}")
    floors = json.loads(BASELINE.read_text("utf-8"))["news_claims_linking"]
    assert scores.precision >= floors["precision"]
    assert scores.recall >= floors["recall"]
    assert scores.answers_in_claim >= floors["answers_in_claim"]


def test_evaluate_claims_command(tmp_path: Path) -> None:
    articles, gold, _ = written_files(tmp_path)
    result = CliRunner().invoke(app, ["evaluate-claims", str(articles), str(gold), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["statements"] == 8 and figures["unmatched_articles"] == 0
    assert figures == evaluate_claims(articles, gold).to_dict()
    result = CliRunner().invoke(app, ["evaluate-claims", str(articles), str(tmp_path / "no")])
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def test_a_file_without_the_fields_of_claims_gold_is_one_line(tmp_path: Path) -> None:
    """A statements file given as gold (statements without msg or claim) was a KeyError."""
    articles, _, _ = written_files(tmp_path)
    statements = tmp_path / "statements.jsonl"
    statements.write_text(json.dumps({"id": "a1", "statements": [
        {"quote": "Das ist falsch.", "stance": "deny"}]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate-claims", str(articles), str(statements)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {statements}: record 1 has no 'statements[0].msg'; gold records of claims "
        "have id, statements (each with msg, claim, stance)"]
    no_text = tmp_path / "articles.jsonl"
    no_text.write_text(json.dumps({"id": "a1", "url": "https://zeitung.example/1"}) + "\n",
                       encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate-claims", str(no_text), str(statements)])
    assert result.exit_code == 2
    assert "record 1 has no 'text'" in result.stderr
