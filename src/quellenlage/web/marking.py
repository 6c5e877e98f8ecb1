"""An article's text with its statements marked in it (quote, speaker and cue, each in its
colour) and the words of a search highlighted, as escaped HTML.

Spans of several statements may nest (a quotation inside an indirect statement) or touch; the
text is cut at every span's edge and each piece gets the roles that cover it, found by one sweep
over the edges, so a long article costs no more than its spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from markupsafe import Markup, escape

from quellenlage.archive.text_search import WORD, parse_query, search_terms
from quellenlage.errors import InputError
from quellenlage.model import Attribution

MARKED_ROLES = ("quote", "speaker", "cue")


def query_terms(query: str | None) -> frozenset[str]:
    """The stems a search for `query` looks for (not those it excludes); none for a query
    that the search refuses."""
    if not query or not query.strip():
        return frozenset()
    try:
        parsed = parse_query(query)
    except InputError:
        return frozenset()
    return frozenset(term for clause in parsed.clauses for phrase in clause for term in phrase)


@lru_cache(maxsize=50_000)
def _term(word: str) -> str | None:
    terms = search_terms(word)
    return terms[0] if terms else None


def hit_spans(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    """Where the words of `text` whose stem is one of `terms` are."""
    if not terms:
        return []
    return [match.span() for match in WORD.finditer(text) if _term(match.group()) in terms]


def highlighted(text: str, terms: frozenset[str]) -> Markup:
    """`text` escaped, the words of the search in <mark>."""
    return _render(text, [(start, end, "hit", 0) for start, end in hit_spans(text, terms)])


def marked_text(
    text: str, statements: Sequence[Attribution], terms: frozenset[str] = frozenset()
) -> Markup:
    """The article's text with each statement's quote, speaker and cue marked (numbered as on
    the page, from 1) and the words of the search highlighted."""
    edges: list[tuple[int, int, str, int]] = []
    for number, statement in enumerate(statements, start=1):
        for role in MARKED_ROLES:
            part = getattr(statement, role)
            if part is not None:
                edges.extend((start, end, role, number) for start, end in part.spans)
    edges.extend((start, end, "hit", 0) for start, end in hit_spans(text, terms))
    return _render(text, edges)


def _render(text: str, spans: Iterable[tuple[int, int, str, int]]) -> Markup:
    events: dict[int, list[tuple[int, str, int]]] = {}
    for start, end, role, number in spans:
        start, end = max(0, start), min(len(text), end)
        if start < end:
            events.setdefault(start, []).append((1, role, number))
            events.setdefault(end, []).append((-1, role, number))
    active: dict[tuple[str, int], int] = {}
    pieces: list[str] = []
    position = 0
    for edge in sorted(events):
        pieces.append(_piece(text[position:edge], active))
        for step, role, number in events[edge]:
            key = (role, number)
            active[key] = active.get(key, 0) + step
            if not active[key]:
                del active[key]
        position = edge
    pieces.append(_piece(text[position:], active))
    return Markup("".join(pieces))


def _piece(text: str, active: dict[tuple[str, int], int]) -> str:
    if not text:
        return ""
    shown = str(escape(text))
    if any(role == "hit" for role, _ in active):
        shown = f'<mark class="hit">{shown}</mark>'
    roles = sorted({(role, number) for role, number in active if role != "hit"},
                   key=lambda item: (MARKED_ROLES.index(item[0]), item[1]))
    if not roles:
        return shown
    # Where statements nest, the piece names the one listed last (data-statement).
    classes = " ".join(sorted({f"role-{role}" for role, _ in roles}))
    number = max(number for _, number in roles)
    return f'<span class="{classes}" data-statement="{number}">{shown}</span>'
