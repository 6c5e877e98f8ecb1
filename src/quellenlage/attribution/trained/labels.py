"""Label schemes of the two taggers: from gold attributions to token labels and back.

Quotation tagger, one label a token over the whole article: `B-<type>` starts a quotation,
`I-<type>` continues it, `C-<type>` resumes the previous quotation after a gap (a frame such as
"sagte er" inside a quotation), `O` is outside. Nested quotations (one inside another's quote) are
left to the outer one.

Role tagger, one label a token in a window around one quotation: the letters of the roles that
cover the token, `F` (frame), then one of `S` (speaker), `C` (cue), `A` (addressee); `O` for none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quellenlage.model import Attribution, Part
from quellenlage.text import Document

OUTSIDE = "O"
ROLE_LETTERS = (("speaker", "S"), ("cue", "C"), ("addressee", "A"))
MAX_RESUME_GAP = 40  # tokens: a `C-` label further away than this starts a new quotation


def covered_tokens(document: Document, part: Part | None) -> list[int]:
    """Indices of the tokens that overlap `part`, in order."""
    if part is None:
        return []
    indices: list[int] = []
    tokens = document.tokens
    for start, end in part.spans:
        first = document.token_at(start)
        if first is None:
            continue
        for index in range(first, len(tokens)):
            if tokens[index].start >= end:
                break
            indices.append(index)
    return indices


def token_runs(indices: Iterable[int]) -> list[list[int]]:
    """Consecutive runs of sorted token indices."""
    runs: list[list[int]] = []
    for index in sorted(set(indices)):
        if runs and runs[-1][-1] + 1 == index:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def part_from_tokens(document: Document, indices: Iterable[int]) -> Part | None:
    """A part covering the tokens, one span per consecutive run."""
    tokens = document.tokens
    spans = [(tokens[run[0]].start, tokens[run[-1]].end) for run in token_runs(indices)]
    return Part.from_spans(document.text, spans)


def quote_labels(document: Document, attributions: Sequence[Attribution]) -> list[str]:
    """Gold labels of the quotation tagger; inner (nested) quotations give way to outer ones."""
    labels = [OUTSIDE] * len(document.tokens)
    by_size = sorted(
        attributions, key=lambda a: (-sum(e - s for s, e in a.quote.spans), a.quote.start)
    )
    for attribution in by_size:
        runs = token_runs(covered_tokens(document, attribution.quote))
        if not runs or any(labels[i] != OUTSIDE for run in runs for i in run):
            continue
        kind = str(attribution.type)
        for number, run in enumerate(runs):
            labels[run[0]] = ("B-" if number == 0 else "C-") + kind
            for index in run[1:]:
                labels[index] = "I-" + kind
    return labels


@dataclass(slots=True)
class DecodedQuote:
    """A quotation found by the tagger: its tokens and its type."""

    tokens: list[int]
    type: str


def decode_quotes(labels: Sequence[str]) -> list[DecodedQuote]:
    """Quotations from a label sequence, discontinuous ones joined through their `C-` labels."""
    quotes: list[DecodedQuote] = []
    current: DecodedQuote | None = None
    for index, label in enumerate(labels):
        if label == OUTSIDE:
            current = None
            continue
        prefix, kind = label[0], label[2:]
        if prefix == "I" and current is not None:
            current.tokens.append(index)
        elif prefix == "C" and quotes and index - quotes[-1].tokens[-1] <= MAX_RESUME_GAP:
            current = quotes[-1]
            current.tokens.append(index)
        elif prefix == "I" or prefix == "C" or prefix == "B":
            current = DecodedQuote([index], kind)
            quotes.append(current)
    return quotes


def role_labels(document: Document, attribution: Attribution, window: range) -> list[str]:
    """Gold labels of the role tagger over `window` for one attribution."""
    frame = set(covered_tokens(document, attribution.frame))
    letters: dict[int, str] = {}
    for role, letter in ROLE_LETTERS:
        for index in covered_tokens(document, getattr(attribution, role)):
            letters.setdefault(index, letter)
    labels = []
    for index in window:
        label = ("F" if index in frame else "") + letters.get(index, "")
        labels.append(label or OUTSIDE)
    return labels


def decode_roles(window: range, labels: Sequence[str]) -> dict[str, list[int]]:
    """Token indices of frame, speaker, cue and addressee from role labels."""
    roles: dict[str, list[int]] = {"frame": [], "speaker": [], "cue": [], "addressee": []}
    for index, label in zip(window, labels, strict=True):
        if label == OUTSIDE:
            continue
        if label.startswith("F"):
            roles["frame"].append(index)
        for role, letter in ROLE_LETTERS:
            if letter in label[-1:]:
                roles[role].append(index)
    return roles
