"""The end-to-end figures of who said what: hand-counted cases on an article we wrote, and the
reference scorer (../shared/tools/e2e_score.py, run as its own process) on the same predictions:
on that article and on news-sources dev through `quellenlage evaluate-sources`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quellenlage.cli.main import app
from quellenlage.evaluation.end_to_end import (
    EndToEndCounts,
    locate_quotes,
    pair_statements,
    same_entity,
    score_article,
)
from quellenlage.model import Article, Attribution, Medium, Part, QuoteType, Source
from tests.conftest import SHARED_DATA, shared_file
from tests.evaluation.test_crosscheck import reference_figures

REFERENCE = SHARED_DATA.parent / "tools" / "e2e_score.py"

TEXT = ("Der Bürgermeister von Kleinfeld, Jonas Berger, sagte, die neue Brücke werde im Mai "
        "fertig. Die Baufirma Hollmann wies die Berichte über Mängel am Beton zurück. „Alles "
        "läuft nach Plan“, sagte eine Sprecherin der Firma. Anwohner fordern eine Prüfung.")
GOLD = [
    {"speaker": "Jonas Berger", "cue": "sagte", "quote": "die neue Brücke werde im Mai fertig",
     "type": "Indirect", "stance": "assert", "responds_to": None,
     "source": {"name": "Jonas Berger", "kind": "person", "aliases": ["Berger"]}},
    {"speaker": "Die Baufirma Hollmann", "cue": "wies zurück",
     "quote": "die Berichte über Mängel am Beton", "type": "Reported", "stance": "deny",
     "responds_to": 0, "source": {"name": "Hollmann", "kind": "organisation"}},
    {"speaker": "eine Sprecherin der Firma", "cue": "sagte", "quote": "„Alles läuft nach Plan“",
     "type": "Direct", "stance": "assert", "stance_alt": ["deny"], "responds_to": 1,
     "source": {"name": "Sprecherin der Firma", "kind": "anonymous"}},
    {"speaker": "Anwohner", "cue": "fordern", "quote": "eine Prüfung", "type": "Reported",
     "stance": "demand", "responds_to": None,
     "source": {"name": "Anwohner", "kind": "collective"}},
]


def predicted(phrase: str, source: Source | None, stance: str, responds_to: int | None = None,
              speaker: str | None = None) -> Attribution:
    start = TEXT.index(phrase)
    quote = Part.from_spans(TEXT, [(start, start + len(phrase))])
    assert quote is not None
    speaker_part = None
    if speaker is not None:
        at = TEXT.index(speaker)
        speaker_part = Part.from_spans(TEXT, [(at, at + len(speaker))])
    return Attribution(QuoteType.INDIRECT, Medium.SPEECH, quote, speaker=speaker_part,
                       source=source, stance=stance, responds_to=responds_to)


def predictions() -> list[Attribution]:
    return [
        # the quote without "neue ... fertig": still over half of the shorter quote
        predicted("Brücke werde im Mai", Source("Berger", "person"), "assert"),
        # a statement the gold does not have
        predicted("Der Bürgermeister von Kleinfeld", None, "assert"),
        predicted("die Berichte über Mängel am Beton", Source("Baufirma Hollmann", "organisation"),
                  "deny", responds_to=0),
        # no source: the speaker's words are compared; the stance is an accepted alternative;
        # it answers the mayor (predicted #0), not the denial (#2)
        predicted("Alles läuft nach Plan", None, "deny", responds_to=0,
                  speaker="eine Sprecherin der Firma"),
        # overlaps the gold quote by "eine", under half of the shorter quote: not found
        predicted("Anwohner fordern eine", Source("Anwohner", "collective"), "demand"),
    ]


def test_counts_of_an_article_by_hand() -> None:
    spans = locate_quotes(TEXT, GOLD)
    found = predictions()
    assert pair_statements(spans, found) == [0, 2, 3, None]
    counts = score_article(GOLD, spans, found)
    assert counts == EndToEndCounts(
        gold=4, predicted=5, found=3, source=3, kind=2, stance=3, full=3, responses=1,
        responses_right=1, responds_to=2, responds_to_right=1,
    )
    figures = counts.figures()
    assert figures["statement_p"] == pytest.approx(3 / 5)
    assert figures["statement_r"] == pytest.approx(3 / 4)
    # the denial's target is right, the spokeswoman's is not
    assert figures["responds_to_acc"] == pytest.approx(1 / 2)


def test_names_match_as_word_sets_with_aliases() -> None:
    gold = {"name": "Polizei Wien", "kind": "organisation", "aliases": ["Wiener Polizei"]}
    assert same_entity(["die Polizei"], gold)  # {polizei} within {polizei, wien}
    assert same_entity(["Wiener Polizei"], gold)
    assert not same_entity(["Feuerwehr Wien"], gold)
    assert same_entity(["irgendwer"], {"name": None, "kind": "unknown"})
    assert not same_entity(["irgendwer"], {"name": None, "kind": "person"})


def test_an_assert_is_no_response_even_where_accepted() -> None:
    gold = [dict(GOLD[1], stance_alt=["assert"])]
    found = [predicted("die Berichte über Mängel am Beton", Source("Hollmann", "organisation"),
                       "assert")]
    counts = score_article(gold, locate_quotes(TEXT, gold), found)
    assert (counts.stance, counts.responses, counts.responses_right) == (1, 1, 0)


@pytest.fixture
def reference_scorer() -> Path:
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE} is absent: the cross-check needs ../shared/tools")
    return REFERENCE


def assert_same_figures(ours: dict[str, Any], reference: dict[str, Any]) -> None:
    names = {"gold": "gold", "pred": "predicted", "found": "found", "src": "source",
             "kind": "kind", "stance": "stance", "full": "full", "resp": "responses",
             "resp_ok": "responses_right", "rto": "responds_to", "rto_ok": "responds_to_right"}
    for theirs, mine in names.items():
        assert ours["counts"][mine] == reference["counts"][theirs], theirs
    for figure, value in reference.items():
        if figure != "counts":
            assert ours[figure] == pytest.approx(value, abs=1e-12), figure


def test_agrees_with_the_reference_on_an_article_we_wrote(reference_scorer: Path,
                                                         tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps({"id": "bruecke", "text": TEXT, "statements": GOLD},
                                    ensure_ascii=False) + "\n", "utf-8")
    (tmp_path / "pred").mkdir()
    (tmp_path / "pred" / "bruecke.json").write_text(
        Article(TEXT, predictions()).to_json(), "utf-8")
    ours = score_article(GOLD, locate_quotes(TEXT, GOLD), predictions()).to_dict()
    assert_same_figures(ours, reference_figures(reference_scorer, gold_path, tmp_path / "pred"))


def test_evaluate_sources_agrees_with_the_reference_on_news_sources_dev(
    reference_scorer: Path, tmp_path: Path
) -> None:
    """The command's figures and the reference scorer's on the predictions the command wrote
    (default engine)."""
    gold = shared_file("news-sources", "dev.jsonl")
    result = CliRunner().invoke(app, ["evaluate-sources", str(gold), "--json",
                                      "--write-predictions", str(tmp_path / "pred")])
    assert result.exit_code == 0, result.output
    ours = json.loads(result.stdout)["end_to_end"]
    assert ours["counts"]["gold"] == 584
    assert_same_figures(ours, reference_figures(reference_scorer, gold, tmp_path / "pred"))
