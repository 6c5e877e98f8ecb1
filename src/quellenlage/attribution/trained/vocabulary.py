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
    lexicon: dict[str, str] = field(default_factory=dict)

    def lexicon_tags(self, lower: str) -> tuple[str, ...]:
        """The lexicon classes of a word: sv (speech verb), pc (prepositional cue), subj ..."""
        tags = self.lexicon.get(lower)
        return tuple(tags.split()) if tags else ()

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
            "lexicon": dict(sorted(self.lexicon.items())),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Vocabulary:
        return cls(
            cue=dict(data.get("cue", {})),
            lean=dict(data.get("lean", {})),
            lexicon=dict(data.get("lexicon", {})),
        )


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
    return Vocabulary(cue=cue, lean=lean, lexicon=lexicon_snapshot())


def lexicon_snapshot() -> dict[str, str]:
    """The rule engine's lexicons as word -> class tags, frozen into the model at training time,
    so that a shipped model sees the same features whatever later edits the lexicon files get."""
    from quellenlage.attribution import lexicon

    tags: dict[str, list[str]] = {}

    def add(word: str, tag: str) -> None:
        entry = tags.setdefault(word.lower(), [])
        if tag not in entry:
            entry.append(tag)

    for form, readings in sorted(lexicon.verb_forms().items()):
        first = readings[0]
        add(form, "sv")
        add(form, "svc=" + first.verb.category)
        add(form, "svm=" + first.verb.medium)
        if all(reading.participle for reading in readings):
            add(form, "svpart")
        if all(reading.needs_particle for reading in readings):
            add(form, "svneedspt")
    for verb in lexicon.speech_verbs():
        if verb.particle:
            add(verb.particle, "svpt")
    for noun, cue in sorted(lexicon.noun_cues().items()):
        add(noun, "nc")
        add(noun, "ncc=" + cue.category)
    for word, cue in sorted(lexicon.prepositional_cues().items()):
        add(word, "pc=" + cue.position)
    for word, word_class in sorted(lexicon.function_words().items()):
        add(word, "fw=" + word_class)
    for form in sorted(lexicon.subjunctive_forms()):
        add(form, "subj")
    for form in sorted(lexicon.reportative_modals()):
        add(form, "rep")
    for pattern in sorted(lexicon.collocation_cues()):
        add(pattern[0], "coll")
    return {word: " ".join(entry) for word, entry in sorted(tags.items())}
