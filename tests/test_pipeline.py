"""The pipeline's engine choice, and its garbage-collector setting for long runs."""

from __future__ import annotations

import gc

import pytest

from quellenlage import analyze
from quellenlage.errors import InputError
from quellenlage.pipeline import (
    DEFAULT_ENGINE,
    MANY_ARTICLES_GC_THRESHOLDS,
    check_engine,
    many_articles,
)

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
