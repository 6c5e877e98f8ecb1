"""The shipped test set: its targets hold with gold spans, and it covers the issue's phenomena."""

from quellenlage.evaluation.sources_testset import load_testset, score_gold

TARGETS = {"name": 0.90, "kind": 0.90, "stance": 0.90, "channel": 0.85}


def test_the_test_set_is_large_enough():
    paragraphs = load_testset()
    assert len(paragraphs) >= 40
    assert any(s["responds_to"] is not None for p in paragraphs for s in p.expected)


def test_targets_hold_with_gold_spans():
    score = score_gold(load_testset())
    for field, target in TARGETS.items():
        assert score.accuracy(field) >= target, (field, score.mismatches)
