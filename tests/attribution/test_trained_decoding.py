"""Decoding of the trained engine's labels: what is kept as a statement."""

from __future__ import annotations

import pytest

from quellenlage.attribution.trained.engine import is_fragment
from quellenlage.text import Document

TEXT = "Der Minister sagte, die Verhandlungen seien gescheitert. Er antwortete: „Nein.“"


def tokens_of(document: Document, words: str) -> list[int]:
    start = document.text.index(words)
    end = start + len(words)
    return [t.index for t in document.tokens if start <= t.start and t.end <= end]


@pytest.mark.parametrize(
    ("words", "quote_type", "fragment"),
    [
        ("seien", "Indirect", True),  # a verb alone, cut from its clause
        (",", "Indirect", True),
        ("seien gescheitert", "IndirectFreeIndirect", False),
        ("die Verhandlungen seien gescheitert", "Indirect", False),
        ("„Nein.“", "Direct", False),  # a quotation may be one word
    ],
)
def test_a_lone_word_of_reported_speech_is_a_fragment(
    words: str, quote_type: str, fragment: bool
) -> None:
    document = Document(TEXT)
    assert is_fragment(document, tokens_of(document, words), quote_type) is fragment
