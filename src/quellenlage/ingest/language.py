"""A light language check: the share of a language's function words among the first words.

German news text has about a third of its words from a short list of German function words;
another language scores higher on its own list. No model, no download, microseconds per article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from quellenlage.resources import read_table

WORD = re.compile(r"[^\W\d_]+")
SAMPLE_WORDS = 400
MIN_WORDS = 12  # fewer words cannot be judged; such texts are kept
MIN_SHARE = 0.08


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str | None  # an ISO 639-1 code, "unknown", or None when too short to tell
    share: float  # share of the sample that are function words of `language`

    @property
    def is_german(self) -> bool:
        return self.language in ("de", None)


@cache
def _function_words() -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = defaultdict(set)
    for language, word in read_table("archive", "function_words.tsv"):
        words[language].add(word)
    return {language: frozenset(found) for language, found in words.items()}


def guess_language(text: str) -> LanguageGuess:
    words = WORD.findall(text[: SAMPLE_WORDS * 12].lower())[:SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return LanguageGuess(None, 0.0)
    shares = {
        language: sum(word in vocabulary for word in words) / len(words)
        for language, vocabulary in _function_words().items()
    }
    language, share = max(shares.items(), key=lambda item: item[1])
    if share < MIN_SHARE:
        return LanguageGuess("unknown", share)
    return LanguageGuess(language, share)
