"""Sentences and paragraphs over the tokens of a text.

A sentence ends at `.`, `!`, `?` or `…` (with any closing quotation marks and brackets that follow),
unless the full stop belongs to an abbreviation or an ordinal number ("am 3. Oktober"), or the next
word starts in lower case. A line break always ends a sentence, so headlines without a full stop
stand alone, and an empty line starts a new paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from quellenlage.resources import read_lines
from quellenlage.text.morphology import Morphology
from quellenlage.text.tokens import CLOSING_QUOTES, OPENING_QUOTES, Token, tokenize

SENTENCE_FINAL = frozenset({".", "!", "?", "…", "..."})
_CLOSERS = CLOSING_QUOTES | frozenset(")]")
MONTHS = frozenset(read_lines("lexicons", "months.txt"))


@dataclass(frozen=True, slots=True)
class Sentence:
    """Tokens [first, last) of the document; `paragraph` counts the paragraphs from 0."""

    first: int
    last: int
    start: int
    end: int
    paragraph: int
    index: int


@dataclass
class Document:
    """A text with its tokens, sentences and paragraphs; built once per article."""

    text: str
    tokens: list[Token] = field(init=False)
    sentences: list[Sentence] = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = tokenize(self.text)
        self.sentences = split_sentences(self.text, self.tokens)

    @cached_property
    def sentence_of_token(self) -> list[int]:
        """For each token, the index of its sentence."""
        owner = [0] * len(self.tokens)
        for sentence in self.sentences:
            for i in range(sentence.first, sentence.last):
                owner[i] = sentence.index
        return owner

    @cached_property
    def morphology(self) -> Morphology:
        """Part of speech, case, mood and noun-phrase chunks (text/morphology.py); each sentence
        is tagged the first time it is asked about, so a reader that never asks pays nothing."""
        return Morphology(self)

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first : sentence.last]

    def sentence_at(self, char: int) -> Sentence | None:
        """The sentence that covers character offset `char`, or the next one after it."""
        token = self.token_at(char)
        return None if token is None else self.sentences[self.sentence_of_token[token]]

    def token_span(self, start: int, end: int) -> tuple[int, int]:
        """The tokens [first, last) that overlap characters [start, end) (first == last: none)."""
        first = self.token_at(start)
        if first is None:
            return len(self.tokens), len(self.tokens)
        last = first
        while last < len(self.tokens) and self.tokens[last].start < end:
            last += 1
        return first, last

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        """The characters [start, end) of tokens [first, last), last > first."""
        return self.tokens[first].start, self.tokens[last - 1].end

    def token_at(self, char: int) -> int | None:
        """The index of the token that covers or follows character offset `char`."""
        low, high = 0, len(self.tokens)
        while low < high:
            middle = (low + high) // 2
            if self.tokens[middle].end <= char:
                low = middle + 1
            else:
                high = middle
        return low if low < len(self.tokens) else None


def _is_ordinal(tokens: list[Token], i: int) -> bool:
    """`tokens[i]` is a full stop right after a day or list number: "am 3. Oktober", "2. Liga"."""
    if i == 0 or i + 1 >= len(tokens):
        return False
    number, following = tokens[i - 1], tokens[i + 1]
    if number.end != tokens[i].start or not number.text.isdigit() or len(number.text) > 2:
        return False
    return (following.text.rstrip(".") in MONTHS or following.text[:1].islower()
            or following.text.isdigit())


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    sentences: list[Sentence] = []
    paragraph = 0
    first = 0
    count = len(tokens)

    def close(last: int) -> None:
        nonlocal first
        if last > first:
            sentences.append(
                Sentence(first, last, tokens[first].start, tokens[last - 1].end, paragraph,
                         len(sentences))
            )
        first = last

    i = 0
    while i < count:
        token = tokens[i]
        if i > 0:
            gap = text[tokens[i - 1].end : token.start]
            if "\n" in gap:
                close(i)
                if gap.count("\n") > 1:
                    paragraph += 1
        if token.text in GLUED_OPENERS and i > first and tokens[i - 1].text.isalpha() and (
            tokens[i - 1].text.islower() and tokens[i - 1].text not in NOUN_DETERMINERS
        ):
            close(i)  # "Minister weist Vorwürfe zurück Es sei ...": a heading without its stop
        if token.text in SENTENCE_FINAL and not _is_ordinal(tokens, i):
            j = i + 1
            while j < count and tokens[j].text in _CLOSERS and "\n" not in text[
                tokens[j - 1].end : tokens[j].start
            ] and not _opens_after_space(text, tokens, j):
                j += 1
            if j >= count or _starts_sentence(tokens[j], text[tokens[j - 1].end : tokens[j].start]):
                close(j)
                i = j
                continue
        i += 1
    close(count)
    return sentences


# Pronouns that, capitalised, only open a sentence: after a lower-case word they begin a new one
# whose heading before lost its stop (archives and feeds flatten headings into the text).
GLUED_OPENERS = frozenset({"Es", "Er", "Wir", "Ich"})
# after an article or possessive they are nouns: "das Ich", "ein Wir-Gefühl", "sein Es"
NOUN_DETERMINERS = frozenset({"das", "des", "dem", "ein", "eines", "einem", "kein", "sein",
                              "mein", "dein", "unser", "euer", "ihr", "jedes", "dieses"})


def _opens_after_space(text: str, tokens: list[Token], j: int) -> bool:
    """A straight quote mark after a space and before a word opens a quotation ('zurück. "Das
    ist ...'): it begins the next sentence rather than closing this one."""
    mark = tokens[j]
    return (
        mark.text in OPENING_QUOTES and mark.text in CLOSING_QUOTES
        and text[tokens[j - 1].end : mark.start] != ""
        and j + 1 < len(tokens) and tokens[j + 1].start == mark.end
    )


def _starts_sentence(token: Token, gap: str) -> bool:
    """Whether `token`, after the whitespace `gap`, can open a new sentence."""
    if "\n" in gap:
        return True
    if not gap:
        return False  # "ndr.de", "3.5": no space after the stop
    first = token.text[:1]
    return not first.islower() and first not in ",;:)"
