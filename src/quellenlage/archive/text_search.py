"""German full-text search, the same on SQLite and PostgreSQL.

Text is reduced to search terms in Python - lower-cased words, Snowball German stems, without the
Snowball German stop words - and both databases index those terms: SQLite in FTS5 tables,
PostgreSQL in `tsvector` columns built with the 'simple' configuration over the same terms.
PostgreSQL's own 'german' configuration uses an older Snowball release whose stems differ for about
3 % of words; stemming in one place keeps the answers of both databases identical.

Queries follow web-search conventions: words are ANDed, `"..."` is a phrase, `OR` between two
items offers alternatives, `-word` excludes. The operators of other search tools mean the same:
`AND` between two items (what words do anyway) and `NOT word` (as `-word`); only in capitals,
since "Not" is a German word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import Stemmer

from quellenlage.errors import InputError
from quellenlage.resources import read_lines

WORD = re.compile(r"[^\W_]+")
QUERY_ITEM = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("german")


@cache
def stop_words() -> frozenset[str]:
    return frozenset(read_lines("archive", "german_stopwords.txt"))


def search_terms(text: str) -> list[str]:
    """The terms of `text` in order: lower-cased, stop words dropped, stemmed."""
    stops = stop_words()
    words = [word for word in WORD.findall(text.lower()) if word not in stops]
    return _stemmer().stemWords(words)


def index_text(text: str | None) -> str:
    """What the search index stores for `text`: its terms separated by spaces."""
    return " ".join(search_terms(text)) if text else ""


@dataclass(frozen=True, slots=True)
class TextQuery:
    """A parsed query: every clause must match (one of its phrases), no excluded phrase may."""

    clauses: tuple[tuple[tuple[str, ...], ...], ...]
    excluded: tuple[tuple[str, ...], ...]

    def to_fts5(self) -> str:
        """An FTS5 MATCH expression."""
        def phrase(terms: tuple[str, ...]) -> str:
            return '"' + " ".join(terms) + '"'

        parts = []
        for alternatives in self.clauses:
            if len(alternatives) == 1:
                parts.append(phrase(alternatives[0]))
            else:
                parts.append("(" + " OR ".join(phrase(a) for a in alternatives) + ")")
        expression = " AND ".join(parts)
        for terms in self.excluded:
            expression += f" NOT {phrase(terms)}"
        return expression

    def to_tsquery(self) -> str:
        """A PostgreSQL to_tsquery('simple', ...) expression."""
        def phrase(terms: tuple[str, ...]) -> str:
            inner = " <-> ".join(f"'{term}'" for term in terms)
            return f"({inner})" if len(terms) > 1 else inner

        parts = []
        for alternatives in self.clauses:
            if len(alternatives) == 1:
                parts.append(phrase(alternatives[0]))
            else:
                parts.append("(" + " | ".join(phrase(a) for a in alternatives) + ")")
        parts.extend(f"!{phrase(terms)}" for terms in self.excluded)
        return " & ".join(parts)


def parse_query(query: str) -> TextQuery:
    """Parse a web-search style query into stemmed terms, or explain why it finds nothing."""
    clauses: list[list[tuple[str, ...]]] = []
    excluded: list[tuple[str, ...]] = []
    join_next = False
    negate_next = False
    for match in QUERY_ITEM.finditer(query):
        negated_phrase, phrase_text, word = match.groups()
        if word == "OR":
            join_next = bool(clauses)
            continue
        if word == "AND":
            continue
        if word == "NOT":
            negate_next = True
            continue
        negated = bool(negated_phrase) if word is None else word.startswith("-")
        negated, negate_next = negated or negate_next, False
        raw = phrase_text if word is None else word.lstrip("-")
        terms = tuple(search_terms(raw or ""))
        if not terms:
            join_next = False
            continue
        if negated:
            excluded.append(terms)
        elif join_next:
            clauses[-1].append(terms)
        else:
            clauses.append([terms])
        join_next = False
    if not clauses:
        raise InputError(
            f"the query {query!r} has no searchable words (stop words such as 'und' or 'die' "
            "and pure exclusions find nothing)"
        )
    return TextQuery(tuple(tuple(c) for c in clauses), tuple(excluded))
