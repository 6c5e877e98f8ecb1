"""Article context: what an article is about, as its most telling terms, so that statements of
unrelated articles do not make one claim because they share a phrase ("Entscheidung treffen",
"drei Jahre Haft") or a topic word.

An article's context is its CONTEXT_SIZE terms by term frequency times inverse statement
frequency (the weights of the linker; words in more than COMMON_SHARE of the linked statements,
and in more than COMMON_FLOOR, are left out): the names, places and things the article keeps
returning to. Two reports of one event share several of them ("Schettino", "Costa Concordia",
"Kapitän"); a football report and a court report that both quote "drei Jahre" share none.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Collection, Mapping

from quellenlage.archive.text_search import search_terms
from quellenlage.claims.terms import MAX_TERM_LENGTH, ignored_terms

CONTEXT_SIZE = 30
COMMON_SHARE = 0.01
COMMON_FLOOR = 20  # in a young archive counts say little: no word is common before this


def common_count(statements: int) -> float:
    """In how many of the linked statements a word is too common to tell articles apart."""
    return max(COMMON_FLOOR, COMMON_SHARE * statements)
MIN_LETTERS = 3

Weight = Callable[[str], float]


def article_words(text: str) -> Counter[str]:
    """Content terms of an article's text with their counts (numbers and short words left out)."""
    ignored = ignored_terms()
    return Counter(
        term for term in search_terms(text)
        if len(term) >= MIN_LETTERS and term not in ignored and not term[0].isdigit()
        and len(term) <= MAX_TERM_LENGTH
    )


def article_context(
    words: Mapping[str, int], weight: Weight, is_common: Callable[[str], bool]
) -> frozenset[str]:
    """The article's CONTEXT_SIZE most telling terms."""
    scored = heapq.nsmallest(
        CONTEXT_SIZE,
        ((-count * weight(term), term) for term, count in words.items() if not is_common(term)),
    )
    return frozenset(term for _, term in scored)


def context_overlap(first: Collection[str], second: Collection[str], weight: Weight) -> float:
    """The weight of the terms both contexts hold, as a share of the lighter context."""
    if not first or not second:
        return 1.0  # nothing to compare: the rule does not apply
    shared = sum(weight(term) for term in first if term in second)
    lighter = min(sum(weight(term) for term in first), sum(weight(term) for term in second))
    return shared / lighter if lighter else 0.0
