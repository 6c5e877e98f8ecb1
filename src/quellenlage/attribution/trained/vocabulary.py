"""Word lists learned from the training annotations and stored with the model.

Two lists make the features sharp where the CRF would otherwise need to see each word many times
next to each label: how often a word is (part of) a cue, and how strongly a word leans towards
reported speech (Konjunktiv I forms such as "sei", "habe", "könne" lean hard). Both are counted
over the training articles only, so the model carries everything it needs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from quellenlage.model import QuoteType
from quellenlage.text import Document

from .corpus import GoldArticle

MIN_COUNT = 3
CUE_HIGH = 0.3
CUE_LOW = 0.05
LEAN_HIGH = 1.5
LEAN_LOW = 0.7
REPORTED_SPEECH_TYPES = frozenset(
    {QuoteType.INDIRECT, QuoteType.INDIRECT_FREE_INDIRECT, QuoteType.FREE_INDIRECT}
)


@dataclass(slots=True)
class Vocabulary:
    """`cue`: P(cue | word); `lean`: log-odds of the word inside reported speech vs outside."""

    cue: dict[str, float] = field(default_factory=dict)
    lean: dict[str, float] = field(default_factory=dict)

    def cue_level(self, lower: str) -> str | None:
        score = self.cue.get(lower, 0.0)
        if score >= CUE_HIGH:
            return "hi"
        if score >= CUE_LOW:
            return "lo"
        return None

    def lean_level(self, lower: str) -> str | None:
        score = self.lean.get(lower, 0.0)
        if score >= LEAN_HIGH:
            return "hi"
        if score >= LEAN_LOW:
            return "lo"
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "cue": {word: round(score, 4) for word, score in sorted(self.cue.items())},
            "lean": {word: round(score, 4) for word, score in sorted(self.lean.items())},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Vocabulary:
        return cls(cue=dict(data.get("cue", {})), lean=dict(data.get("lean", {})))


def _covered(document: Document, spans: Iterable[tuple[int, int]]) -> list[int]:
    indices: list[int] = []
    for start, end in spans:
        first = document.token_at(start)
        if first is None:
            continue
        for index in range(first, len(document.tokens)):
            if document.tokens[index].start >= end:
                break
            indices.append(index)
    return indices


def learn_vocabulary(articles: Iterable[tuple[GoldArticle, Document]]) -> Vocabulary:
    """Count cue and reported-speech words over annotated articles."""
    seen: Counter[str] = Counter()
    as_cue: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for article, document in articles:
        lowers = [token.text.lower() for token in document.tokens]
        seen.update(lowers)
        cue_tokens: set[int] = set()
        speech_tokens: set[int] = set()
        for attribution in article.attributions:
            if attribution.cue is not None:
                cue_tokens.update(_covered(document, attribution.cue.spans))
            if attribution.type in REPORTED_SPEECH_TYPES:
                speech_tokens.update(_covered(document, attribution.quote.spans))
        as_cue.update(lowers[i] for i in sorted(cue_tokens))
        inside.update(lowers[i] for i in sorted(speech_tokens))
    total_inside = max(1, sum(inside.values()))
    total_outside = max(1, sum(seen.values()) - total_inside)
    cue: dict[str, float] = {}
    lean: dict[str, float] = {}
    for word, count in sorted(seen.items()):
        if count < MIN_COUNT:
            continue
        if as_cue[word]:
            cue[word] = as_cue[word] / count
        outside = count - inside[word]
        odds = ((inside[word] + 0.5) / total_inside) / ((outside + 0.5) / total_outside)
        if odds > 1.5 and inside[word] >= MIN_COUNT:
            lean[word] = math.log(odds)
    return Vocabulary(cue=cue, lean=lean)
