"""The pipeline's engine choice, its garbage-collector setting for long runs, and its
determinism."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quellenlage import analyze
from quellenlage.errors import InputError
from quellenlage.pipeline import (
    DEFAULT_ENGINE,
    MANY_ARTICLES_GC_THRESHOLDS,
    check_engine,
    many_articles,
)

EXAMPLES = Path(__file__).parent.parent / "examples"
TEXT = ("Laut Polizei wurde niemand verletzt. Der Sprecher sagte, man prüfe den Fall. "
        "Es gebe noch keine Spur.")


def test_no_engine_means_the_default_engine() -> None:
    default = analyze(TEXT, engine=None).to_dict()
    assert default == analyze(TEXT, engine=DEFAULT_ENGINE).to_dict()
    assert default == analyze(TEXT).to_dict()


def test_many_articles_tunes_the_collector_and_restores_it() -> None:
    before = gc.get_threshold()
    with many_articles():
        assert gc.get_threshold() == MANY_ARTICLES_GC_THRESHOLDS
        assert gc.get_freeze_count() > 0
        inside = analyze(TEXT).to_dict()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    assert inside == analyze(TEXT).to_dict()


def test_a_model_directory_means_the_trained_engine() -> None:
    assert check_engine(None, "any/model/dir") == "trained"
    assert check_engine("trained", "any/model/dir") == "trained"
    with pytest.raises(InputError, match="trained engine"):
        check_engine("rules", "any/model/dir")


def test_stance_by_the_rules_alone_without_the_shipped_classifier() -> None:
    text = "Die Stadt muss endlich mehr Lehrer einstellen, sagte die Elternsprecherin."
    # the rules read no demand in an indicative "muss" after a neutral cue (they do read the
    # subjunctive "müsse"); the shipped classifier does
    assert analyze(text).attributions[0].stance == "demand"
    assert analyze(text, stance_classifier=False).attributions[0].stance == "assert"


# The same text gives the same record whatever the hash seed of the process and whatever was
# analysed before it in that process (sets and caches must not leak into the output).
ANALYSE_IN_ORDER = """
import json, sys
from quellenlage import analyze
texts = json.load(sys.stdin)
order = range(len(texts)) if sys.argv[1] == "forward" else reversed(range(len(texts)))
records = {index: analyze(texts[index]).to_dict() for index in order}
print(json.dumps([records[index] for index in range(len(texts))], sort_keys=True))
"""


def test_the_record_does_not_depend_on_hash_seed_or_order() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    texts.append("Sowohl die Ministerin als auch der Landrat wiesen die Vorwürfe zurück. "
                 "Sie sagte, man habe alles geprüft. Er erklärte: „Das stimmt so nicht.“")
    outputs = set()
    for seed, order in (("0", "forward"), ("1", "reverse"), ("2", "forward")):
        run = subprocess.run([sys.executable, "-c", ANALYSE_IN_ORDER, order],
                             input=json.dumps(texts), capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, timeout=300,
                             check=True)
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())[-1]["attributions"]
