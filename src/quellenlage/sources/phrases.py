"""Source names in their citation form: adjectives in the strong nominative ("ukrainischen" ->
"ukrainischer"), a genitive head noun in the nominative ("Außenministeriums" -> "Außenministerium").
"""

from __future__ import annotations

from quellenlage.text.tokens import Token

STRONG_ENDING = {"m": "er", "f": "e", "n": "es", "pl": "e"}


def strong(adjective: str, gender: str) -> str:
    """An adjective in its strong nominative form: "ukrainischen" -> "ukrainischer" (masculine)."""
    if not adjective[:1].islower() and not adjective[:1].isupper():
        return adjective
    if adjective[:1].isupper() and adjective.endswith("er"):
        return adjective  # "Wiener": a place adjective does not inflect
    base = adjective
    for ending in ("en", "em", "er", "es", "e"):
        if base.endswith(ending) and len(base) > len(ending) + 2:
            base = base[: -len(ending)]
            break
    else:
        return adjective
    return base + STRONG_ENDING.get(gender, "e")


def normalise_phrase(adjectives: list[str], tokens: list[Token], gender: str) -> str:
    words = [t.text for t in tokens]
    if words and words[0].endswith("s") and len(words[0]) > 4 and gender in {"n", "m"}:
        lowered = words[0].lower()
        if not lowered.endswith(("ss", "us", "is", "os")):
            words[0] = words[0][:-1]  # "Außenministeriums" -> "Außenministerium"
    adjective_words = [strong(a, gender).lower()
                       if a[:1].isupper() and not a.endswith("er") else strong(a, gender)
                       for a in adjectives]
    return " ".join([*adjective_words, *words])
