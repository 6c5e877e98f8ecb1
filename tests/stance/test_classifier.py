"""The stance classifier: the shipped model (safe format, provenance), how it may overrule the
rules, what it reads in a message the rules call a plain assertion, and deterministic training.
Sentences we wrote; none of them is in the training data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellenlage.resources import data_path
from quellenlage.sources import resolve_sources
from quellenlage.stance import assign_stance
from quellenlage.stance.assign import stance_inputs, stance_of
from quellenlage.stance.classifier import (
    STANCES,
    Settings,
    StanceClassifier,
    shipped_classifier,
)
from quellenlage.stance.training import train_classifier
from tests.sources.helpers import document, statement


def test_the_shipped_model_is_a_crfsuite_file_with_its_provenance_and_licence() -> None:
    directory = data_path("stance")
    assert (directory / "stance.crfsuite").read_bytes()[:4] == b"lCRF"  # no pickle
    assert (directory / "LICENSE.md").exists() and (directory / "MODEL_CARD.md").exists()
    meta = json.loads((directory / "model.json").read_text("utf-8"))
    settings = Settings.from_dict(meta["settings"])
    assert set(settings.targets) <= set(STANCES) and "criticise" not in settings.targets
    assert settings.overrides == ("assert",)
    assert all(entry["sha256"] for entry in meta["trained_on"]["data"].values())
    assert shipped_classifier() is not None


def tiny_model(directory: Path, settings: Settings) -> StanceClassifier:
    examples = [(["bias", "modal=müssen"], "demand")] * 5 + [(["bias"], "assert")] * 5
    return train_classifier(examples, directory, settings)


def test_the_classifier_only_changes_a_plain_assertion(tmp_path: Path) -> None:
    model = tiny_model(tmp_path, Settings())
    assert model.best(["bias", "modal=müssen"])[0] == "demand"
    assert model.decide(["bias", "modal=müssen"], "assert") == "demand"
    # a stance the rules found a sign for stays
    assert model.decide(["bias", "modal=müssen"], "deny") == "deny"
    assert model.decide(["bias"], "assert") == "assert"


def test_below_its_threshold_or_outside_its_targets_the_rule_stands(tmp_path: Path) -> None:
    unsure = tiny_model(tmp_path / "unsure", Settings(threshold=1.01))
    assert unsure.decide(["bias", "modal=müssen"], "assert") == "assert"
    narrow = tiny_model(tmp_path / "narrow", Settings(targets=("deny",)))
    assert narrow.decide(["bias", "modal=müssen"], "assert") == "assert"


def test_training_is_deterministic(tmp_path: Path) -> None:
    tiny_model(tmp_path / "a", Settings())
    tiny_model(tmp_path / "b", Settings())
    assert (tmp_path / "a" / "stance.crfsuite").read_bytes() == (
        tmp_path / "b" / "stance.crfsuite").read_bytes()


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue", "stance"),
    [
        ("Das Land muss die Schulen endlich sanieren, sagte die Sprecherin der Eltern.",
         "Das Land muss die Schulen endlich sanieren", "die Sprecherin der Eltern", "sagte",
         "demand"),
        # plain assertions stay plain
        ("Die neue Halle sei pünktlich fertig geworden, sagte der Architekt.",
         "Die neue Halle sei pünktlich fertig geworden", "der Architekt", "sagte", "assert"),
        ("Der Umsatz werde im nächsten Jahr wohl sinken, sagte der Finanzchef.",
         "Der Umsatz werde im nächsten Jahr wohl sinken", "der Finanzchef", "sagte", "assert"),
    ],
)
def test_the_message_decides_where_the_cue_only_reports(text, quote, speaker, cue, stance):
    attribution = statement(text, quote, speaker, cue)
    doc = document(text)
    resolve_sources(doc, [attribution])
    assert stance_of(doc, attribution) == "assert"  # the rules see no sign
    assign_stance(doc, [attribution])
    assert attribution.stance == stance


def test_a_continuation_carries_on_a_demand() -> None:
    text = ("Der Verband verlangt ein Verbot von Feuerwerk. Es müsse auch strengere Kontrollen "
            "geben.")
    attributions = [statement(text, "ein Verbot von Feuerwerk", "Der Verband", "verlangt"),
                    statement(text, "Es müsse auch strengere Kontrollen geben")]
    doc = document(text)
    resolve_sources(doc, attributions)
    assign_stance(doc, attributions)
    assert [a.stance for a in attributions] == ["demand", "demand"]


def test_without_a_classifier_the_rules_decide() -> None:
    text = "Die Kommune sollte die Gebühren senken, sagte der Sprecher der Bürgerinitiative."
    attribution = statement(text, "Die Kommune sollte die Gebühren senken",
                            "der Sprecher der Bürgerinitiative", "sagte")
    doc = document(text)
    assign_stance(doc, [attribution], classifier=None)
    assert attribution.stance == "assert"
    rules, features = stance_inputs(doc, [attribution], None)
    assert rules == ["assert"] and features[0] is not None and "modal=sollen_k2" in features[0]
