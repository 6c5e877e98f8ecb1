"""The shipped test set: its targets hold with gold spans, and it covers the issue's phenomena."""

import json

import pytest

from quellenlage.errors import DataFormatError
from quellenlage.evaluation.sources_testset import load_testset, score_gold
from quellenlage.model import QuoteType

TARGETS = {"name": 0.90, "kind": 0.90, "stance": 0.90, "channel": 0.85}


def test_the_test_set_is_large_enough():
    paragraphs = load_testset()
    assert len(paragraphs) >= 40
    assert any(s["responds_to"] is not None for p in paragraphs for s in p.expected)


def test_targets_hold_with_gold_spans():
    score = score_gold(load_testset())
    for field, target in TARGETS.items():
        assert score.accuracy(field) >= target, (field, score.mismatches)


def test_reads_the_news_claims_statement_format(tmp_path):
    """quote = the message, no speaker, cue or type; stance_alt names other right stances."""
    text = ("Die Reederei Nordlicht soll Ladung verloren haben. Das Unternehmen wies die "
            "Berichte zurück.")
    statements = [
        {"speaker": None, "cue": None, "quote": "Die Reederei Nordlicht soll Ladung verloren "
         "haben", "type": None, "source": {"name": "unbekannt", "kind": "unknown"},
         "stance": "assert", "stance_alt": ["unverified"], "responds_to": None},
        {"speaker": None, "cue": None, "quote": "wies die Berichte zurück", "type": None,
         "source": {"name": "Reederei Nordlicht", "kind": "organisation"},
         "stance": "deny", "stance_alt": [], "responds_to": None},
    ]
    path = tmp_path / "statements.jsonl"
    path.write_text(json.dumps({"id": "n1", "text": text, "statements": statements},
                               ensure_ascii=False) + "\n", "utf-8")
    [paragraph] = load_testset(path)
    assert [a.quote.text for a in paragraph.gold] == [s["quote"] for s in statements]
    assert all(a.type == QuoteType.INDIRECT and a.speaker is None for a in paragraph.gold)
    score = score_gold([paragraph])
    assert score.total["stance"] == 2
    # the hearsay is unverified: not the gold stance, an accepted one
    assert not [m for m in score.mismatches if m.field == "stance" and m.statement == 0]


def test_a_file_that_is_no_statement_file_names_the_field_it_lacks(tmp_path):
    """An articles file given as statements said only "'statements'"."""
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": "Der Bürgermeister sagte, alles sei gut."})
                    + "\n", "utf-8")
    with pytest.raises(DataFormatError) as raised:
        load_testset(path)
    assert str(raised.value) == (f"{path}:1: no field 'statements'; statement records have id, "
                                 "text and statements (each with a quote)")
