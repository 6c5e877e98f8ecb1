"""Building attributions by hand from German sentences written for these tests."""

from __future__ import annotations

from quellenlage.model import Attribution, Medium, Part, QuoteType, Source
from quellenlage.sources import resolve_sources
from quellenlage.text import Document


def find(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def statement(
    text: str,
    quote: str,
    speaker: str | None = None,
    cue: str | None = None,
    speaker_occurrence: int = 0,
    quote_type: QuoteType = QuoteType.INDIRECT,
) -> Attribution:
    quote_part = Part.from_spans(text, [find(text, quote)])
    assert quote_part is not None
    speaker_part = (
        Part.from_spans(text, [find(text, speaker, speaker_occurrence)]) if speaker else None
    )
    cue_part = None
    if cue:
        cue_part = Part.from_spans(text, [find(text, word) for word in cue.split()])
    return Attribution(quote_type, Medium.SPEECH, quote_part, speaker=speaker_part, cue=cue_part)


def document(text: str) -> Document:
    return Document(text)


def sources(text: str, *statements: Attribution) -> list[Source | None]:
    """The sources resolve_sources gives the statements, in their order."""
    attributions = list(statements)
    resolve_sources(document(text), attributions)
    return [a.source for a in attributions]


def names(text: str, *statements: Attribution) -> list[str | None]:
    return [s.name if s is not None else None for s in sources(text, *statements)]
