"""The stance classifier: a one-item CRF (python-crfsuite; with one item it is a maximum-entropy
classifier) over the features of a statement (quellenlage.stance.features), shipped as
data/stance/stance.crfsuite with its settings and provenance in data/stance/model.json (model
card and licence beside them).

It is a second opinion, not the first: the rules (quellenlage.stance.assign.stance_of) decide
wherever they find a sign (a cue that denies, a negated confirmation, hearsay ...); where they
find none and say "assert", the classifier may name another stance, if it is one of its
`targets` and its probability reaches `threshold` (model.json; both chosen by cross-validation,
see the model card).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pycrfsuite

from quellenlage.errors import DataFormatError
from quellenlage.resources import data_path

MODEL_FILE = "stance.crfsuite"
SETTINGS_FILE = "model.json"
FORMAT_VERSION = 1
STANCES = ("assert", "deny", "confirm", "not_confirm", "unverified", "demand", "question",
           "criticise", "warn")


@dataclass(frozen=True)
class Settings:
    # since the rules read demands in the message ("müsse", "es brauche", "notwendig"), the
    # classifier's demands below 0.8 lost statements to the rules on the folds (model card)
    threshold: float = 0.8
    overrides: tuple[str, ...] = ("assert",)  # the rule stances the classifier may change
    # the stances it may give instead: those whose changes were right more often than wrong
    # on the cross-validated folds; the others stay with the rules (see the model card)
    targets: tuple[str, ...] = ("demand",)
    c1: float = 0.1
    c2: float = 0.01
    iterations: int = 200

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        return cls(threshold=float(data["threshold"]), overrides=tuple(data["overrides"]),
                   targets=tuple(data["targets"]), c1=float(data["c1"]), c2=float(data["c2"]),
                   iterations=int(data["iterations"]))


@dataclass
class StanceClassifier:
    tagger: pycrfsuite.Tagger
    settings: Settings = field(default_factory=Settings)
    trained_on: dict[str, Any] = field(default_factory=dict)  # data files and figures

    @classmethod
    def load(cls, directory: Path) -> StanceClassifier:
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(directory / MODEL_FILE))
            meta = json.loads((directory / SETTINGS_FILE).read_text(encoding="utf-8"))
            if meta.get("format_version") != FORMAT_VERSION:
                raise ValueError(f"format {meta.get('format_version')}, not {FORMAT_VERSION}")
            settings = Settings.from_dict(meta["settings"])
        except (OSError, ValueError, KeyError) as error:
            raise DataFormatError(f"{directory}: not a stance model ({error})") from None
        return cls(tagger, settings, meta.get("trained_on") or {})

    def trained_on_digest(self, digest: str) -> bool:
        """Whether a data file with this sha256 was among the training data."""
        return any(entry.get("sha256") == digest
                   for entry in self.trained_on.get("data", {}).values())

    def best(self, features: list[str]) -> tuple[str, float]:
        """The likeliest stance and its probability."""
        label = self.tagger.tag([features])[0]
        return label, self.tagger.marginal(label, 0)

    def decide(self, features: list[str], rule: str) -> str:
        """The stance of a statement whose rule stance is `rule`."""
        settings = self.settings
        if rule not in settings.overrides:
            return rule
        label, probability = self.best(features)
        if label in settings.targets and probability >= settings.threshold:
            return label
        return rule


def default_model_dir() -> Path:
    return data_path("stance")


@cache
def shipped_classifier() -> StanceClassifier | None:
    """The shipped classifier, loaded once per process; None where no model is shipped."""
    directory = default_model_dir()
    if not (directory / MODEL_FILE).exists():
        return None
    return StanceClassifier.load(directory)
