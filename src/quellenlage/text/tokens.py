"""Tokens with character offsets into the original text.

A single compiled regular expression does the work, so tokenising costs little on every article.
The alternatives are tried in order; what they keep together is what a German reader keeps together:
URLs, numbers written with spaces or dots ("10 000", "1.000,50"), known abbreviations ("Dr.",
"z.B."), hyphenated compounds and truncations ("Ein- und Ausfuhr"), and every quotation mark as a
token of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from quellenlage.resources import read_lines, read_table

OPENING_QUOTES = frozenset("„»‚\"'“‘«‹›")
CLOSING_QUOTES = frozenset("“«‘\"'”’»‹›")
QUOTE_MARKS = OPENING_QUOTES | CLOSING_QUOTES

_TOKEN_PATTERN = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s"“”„»«<>]+[^\s"“”„»«<>.,;:!?)])
  | (?P<number>(?<![\d])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d])   # 10 000 / 1 000,5
       | \d+(?:[.,:/]\d+)*)                                                 # 1.000,50 10:30 2/3
  | (?P<word>\w+(?:\.\w+)+\.?                                               # z.B. ndr.de
       | \w+(?:[-‐‑'’]\w+)*-?)                                              # Nato-Chef Ein-
  | (?P<ellipsis>\.\.\.|…)
  | (?P<dash>--+|[–—])
  | (?P<punct>\S)
    """,
    re.VERBOSE,
)


@dataclass(slots=True, eq=False)
class Token:
    """A token: its text, its character offsets [start, end) and its position in the text.

    Not frozen: an article makes hundreds of tokens, and a frozen dataclass pays for every field
    it sets; nothing changes a token after the tokenizer made it."""

    text: str
    start: int
    end: int
    index: int

    @property
    def is_quote(self) -> bool:
        return self.text in QUOTE_MARKS

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


@cache
def abbreviations() -> frozenset[str]:
    return frozenset(read_lines("lexicons", "abbreviations.txt"))


@cache
def number_abbreviations() -> frozenset[str]:
    return frozenset(read_lines("lexicons", "number_abbreviations.txt"))


@cache
def sentence_openers() -> frozenset[str]:
    """Closed-class words (data/lexicons/function_words.tsv) capitalised: after "X." they open a
    sentence; an initial is followed by a name ("Franz J. Huber"), not by "Die", "Er" or "Und"."""
    return frozenset(word[:1].upper() + word[1:] for word, _ in read_table("lexicons",
                                                                         "function_words.tsv"))


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _is_initial(word: str, text: str, end: int) -> bool:
    """Whether the single letter `word`, its full stop at text[end], is an initial or a letter
    abbreviation ("Max J. Huber", "a. M."), not a letter that ends a sentence ("im Dienst X. Die
    Geräte ..."): a capital letter followed by a capitalised function word ends the sentence."""
    if not word.isupper():
        return True
    following = _NEXT_WORD.match(text, end + 1)
    return following is None or following.group(1) not in sentence_openers()


def _abbreviates(word: str, text: str, end: int, abbreviation_set: frozenset[str]) -> bool:
    """Whether `word`, its full stop at text[end], is an abbreviation: "Art. 5", not "der Art."
    (a noun that abbreviates only before a number)."""
    if word not in abbreviation_set:
        return False
    if word not in number_abbreviations():
        return True
    rest = text[end + 1:end + 3].lstrip()
    return rest[:1].isdigit()


def is_abbreviation(word: str) -> bool:
    """Whether `word` followed by a full stop is an abbreviation (initials included)."""
    if len(word) == 1 and word.isalpha():
        return True
    return word in abbreviations() or word.rstrip(".") in abbreviations()


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens; a full stop after an abbreviation stays with its word."""
    tokens: list[Token] = []
    abbreviation_set = abbreviations()
    length = len(text)
    for match in _TOKEN_PATTERN.finditer(text):
        start, end = match.span()
        kind = match.lastgroup
        if kind == "word" and end < length and text[end] == ".":
            word = match.group()
            if (len(word) == 1 and word.isalpha() and _is_initial(word, text, end)) or (
                    _abbreviates(word, text, end, abbreviation_set)):
                end += 1
        tokens.append(Token(text[start:end], start, end, len(tokens)))
    return _merge_abbreviation_dots(tokens)


def _merge_abbreviation_dots(tokens: list[Token]) -> list[Token]:
    """Drop the stand-alone full stop that the regex also matched after an extended abbreviation."""
    cleaned: list[Token] = []
    for token in tokens:
        if cleaned and token.start < cleaned[-1].end:
            continue
        cleaned.append(token if token.index == len(cleaned) else
                       Token(token.text, token.start, token.end, len(cleaned)))
    return cleaned
