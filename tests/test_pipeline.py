"""The pipeline's engine choice: named, default, or None for the default."""

from __future__ import annotations

from quellenlage import analyze
from quellenlage.pipeline import DEFAULT_ENGINE

TEXT = ("Laut Polizei wurde niemand verletzt. Der Sprecher sagte, man prüfe den Fall. "
        "Es gebe noch keine Spur.")


def test_no_engine_means_the_default_engine() -> None:
    default = analyze(TEXT, engine=None).to_dict()
    assert default == analyze(TEXT, engine=DEFAULT_ENGINE).to_dict()
    assert default == analyze(TEXT).to_dict()
