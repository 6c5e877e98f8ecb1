"""Pairing quotation marks into quoted spans.

German typography opens with „ and closes with “ (or »…«, ‚…‘ inside); English-style “…” and
straight "…" occur too. A “ closes an open „ and otherwise opens an English-style quote. A quote
that runs over a paragraph break reopens the next paragraph with „ without closing the last one:
such paragraphs are joined into one quote. Marks that never close are dropped, so a stray mark
cannot swallow the rest of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

# opening mark -> the marks that close it
PAIRS: dict[str, tuple[str, ...]] = {
    "„": ("“", "”", '"'),
    "»": ("«",),
    "«": ("»",),
    "“": ("”",),
    "‚": ("‘", "’"),
    "›": ("‹",),
    '"': ('"',),
}
DOUBLE_OPENERS = frozenset("„»“\"")
MAX_QUOTE_CHARS = 4000


@dataclass(frozen=True, slots=True)
class Quotation:
    """Quoted text including its marks: [start, end); `spans` has one span per paragraph part."""

    start: int
    end: int
    spans: tuple[tuple[int, int], ...]
    depth: int  # 0 for outer quotes, 1 for quotes inside quotes


def find_quotations(text: str) -> list[Quotation]:
    """All balanced quotations of `text`, outer and nested, in text order."""
    found: list[Quotation] = []
    stack: list[tuple[str, int, list[tuple[int, int]]]] = []  # (mark, start, earlier parts)
    for position, char in enumerate(text):
        if char not in PAIRS and char not in "“”«‘’‹":
            if char == "\n" and stack and _paragraph_break(text, position):
                stack = _carry_over_paragraph(text, position, stack)
            continue
        if stack and stack[-1][1] == position:
            continue  # the „ that reopened a quote carried over a paragraph break
        if stack and char in PAIRS[stack[-1][0]] and _can_close(text, position, stack[-1][1]):
            _, start, parts = stack.pop()
            spans = (*parts, (start, position + 1))
            if position + 1 - spans[0][0] <= MAX_QUOTE_CHARS:
                found.append(Quotation(spans[0][0], position + 1, spans, len(stack)))
            continue
        if char in PAIRS and _can_open(text, position):
            if char in DOUBLE_OPENERS and any(m in DOUBLE_OPENERS for m, _, _ in stack):
                # a second double opener while one is open: the first one was never closed
                while stack and stack[-1][0] in DOUBLE_OPENERS | {"‚", "›"}:
                    stack.pop()
            stack.append((char, position, []))
    found.sort(key=lambda q: (q.start, -q.end))
    return found


def _can_open(text: str, position: int) -> bool:
    """A mark opens where no letter or digit stands right before it (not an apostrophe)."""
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if text[position] in "‚'":
        return not before.isalnum() and not after.isspace()
    return not after.isspace() or text[position] == "„"


def _can_close(text: str, position: int, start: int) -> bool:
    if text[position] in "‘’" and position + 1 < len(text) and text[position + 1].isalpha():
        return False  # an apostrophe inside a word: geht’s, Kinder‘ is rare
    return position > start + 1


def _paragraph_break(text: str, position: int) -> bool:
    """`position` holds the first line break of a run of whitespace with an empty line in it."""
    if position and text[position - 1] == "\n":
        return False
    end = position + 1
    while end < len(text) and text[end].isspace():
        if text[end] == "\n":
            return True
        end += 1
    return False


def _carry_over_paragraph(
    text: str, position: int, stack: list[tuple[str, int, list[tuple[int, int]]]]
) -> list[tuple[str, int, list[tuple[int, int]]]]:
    """At an empty line: an open double quote whose next paragraph reopens with „ continues there;
    any other open quote was never closed and is dropped."""
    next_start = position + 1
    while next_start < len(text) and text[next_start].isspace():
        next_start += 1
    if next_start >= len(text) or text[next_start] not in "„»":
        return []
    mark, start, parts = stack[0]
    if mark not in DOUBLE_OPENERS:
        return []
    paragraph_end = position
    while paragraph_end > start and text[paragraph_end - 1].isspace():
        paragraph_end -= 1
    return [(mark, next_start, [*parts, (start, paragraph_end)])]
