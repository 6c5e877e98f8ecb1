"""Training the stance classifier from labelled statements (features and stance).

Deterministic: crfsuite's L-BFGS has no random state, and the examples come in the order given,
so the same examples and settings give the same model file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycrfsuite

from quellenlage.stance.classifier import (
    FORMAT_VERSION,
    MODEL_FILE,
    SETTINGS_FILE,
    Settings,
    StanceClassifier,
)

Example = tuple[list[str], str]  # the statement's features, its stance


def train_classifier(examples: Sequence[Example], directory: Path, settings: Settings,
                     provenance: dict[str, Any] | None = None) -> StanceClassifier:
    """Train on `examples`, write the model and its settings to `directory`, and open it."""
    directory.mkdir(parents=True, exist_ok=True)
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, stance in examples:
        trainer.append([features], [stance])
    trainer.set_params({
        "c1": settings.c1,
        "c2": settings.c2,
        "max_iterations": settings.iterations,
        "feature.possible_states": False,
    })
    trainer.train(str(directory / MODEL_FILE))
    write_settings(directory, settings, provenance)
    return StanceClassifier.load(directory)


def write_settings(directory: Path, settings: Settings,
                   provenance: dict[str, Any] | None = None) -> None:
    """The model's settings and where it comes from (data, figures), beside the model."""
    meta = {"format_version": FORMAT_VERSION, "settings": settings.to_dict(),
            "trained_on": provenance or {}}
    (directory / SETTINGS_FILE).write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
