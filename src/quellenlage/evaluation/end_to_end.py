"""End-to-end figures of who said what, defined as ../shared/tools/e2e_score.py defines them (the
scorer the project is judged with on real articles it never sees; a test holds both to the same
figures on the same predictions).

Gold statements are located in the text in order: each quote is searched from the start of the
previous one, else anywhere. Pairing: each gold statement, in order, takes the unused predicted
statement whose quote overlaps it most; it counts as found when the overlap covers at least half
of the shorter of the two quotes. A found statement's source is right when the words of its
source name (or, without a source, of its speaker) and of the gold name or an alias (articles and
a few prepositions dropped, case-folded) are one a subset of the other; the stance is right when
it is the gold stance or one of `stance_alt`. A response (gold stance deny, confirm or
not_confirm) is right when it is found with the right source and stance, and that stance is not
assert; responds_to is right when it names the predicted statement paired with the gold target.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any

from quellenlage.model import Attribution, SpanTuple

NAME_STOPWORDS = frozenset({
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "von", "vom", "zu", "zur", "zum", "in", "im", "am", "an", "und", "laut", "nach",
})
RESPONSES = frozenset({"deny", "confirm", "not_confirm"})
WORD = re.compile(r"\w+")


def name_words(name: str | None) -> set[str]:
    return {w for w in WORD.findall((name or "").casefold()) if w not in NAME_STOPWORDS}


def same_entity(predicted_names: Sequence[str], gold_source: dict[str, Any]) -> bool:
    """Whether a predicted name and the gold name or an alias have word sets one within the
    other. A gold source without any name matches only where its kind is unknown."""
    golds = [name for name in [gold_source.get("name"), *(gold_source.get("aliases") or [])]
             if name]
    if not golds:
        return gold_source.get("kind") == "unknown"
    for predicted in predicted_names:
        words = name_words(predicted)
        if not words:
            continue
        for gold in golds:
            gold_words = name_words(gold)
            if gold_words and (gold_words <= words or words <= gold_words):
                return True
    return False


def locate_quote(text: str, phrase: str | None, start: int) -> SpanTuple | None:
    """Where a gold quote stands: its first occurrence from `start` on, else its first anywhere."""
    if not phrase:
        return None
    index = text.find(phrase, start)
    if index < 0:
        index = text.find(phrase)
    return (index, index + len(phrase)) if index >= 0 else None


def locate_quotes(text: str, statements: Sequence[dict[str, Any]]) -> list[SpanTuple | None]:
    """The spans of the gold quotes of an article, each searched from the previous one's start."""
    spans: list[SpanTuple | None] = []
    position = 0
    for statement in statements:
        span = locate_quote(text, statement.get("quote"), position)
        spans.append(span)
        if span is not None:
            position = span[0]
    return spans


def _overlap(span: SpanTuple, others: Sequence[SpanTuple]) -> int:
    return sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in others)


def pair_statements(
    gold_spans: Sequence[SpanTuple | None], found: Sequence[Attribution]
) -> list[int | None]:
    """For each gold quote, the index of the predicted statement paired with it, or None."""
    used: set[int] = set()
    pairs: list[int | None] = []
    for span in gold_spans:
        best, best_overlap = None, 0
        if span is not None:
            for index, candidate in enumerate(found):
                if index in used:
                    continue
                spans = candidate.quote.spans
                overlap = _overlap(span, spans)
                length = sum(end - start for start, end in spans) or 1
                if overlap > best_overlap and overlap >= 0.5 * min(span[1] - span[0], length):
                    best, best_overlap = index, overlap
        if best is not None:
            used.add(best)
        pairs.append(best)
    return pairs


def source_right(found: Attribution, gold_source: dict[str, Any]) -> bool:
    """The predicted source's name, or without one the speaker's words, names the gold entity."""
    if found.source is not None and found.source.name:
        return same_entity([found.source.name], gold_source)
    return same_entity([found.speaker.text if found.speaker else ""], gold_source)


def stance_right(found: Attribution, statement: dict[str, Any]) -> bool:
    return found.stance in [statement.get("stance"), *(statement.get("stance_alt") or [])]


@dataclass
class EndToEndCounts:
    """Counts of one or more articles; the figures are ratios of them."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    source: int = 0
    kind: int = 0
    stance: int = 0
    full: int = 0  # found with the right source and stance
    responses: int = 0
    responses_right: int = 0
    responds_to: int = 0
    responds_to_right: int = 0

    def add(self, other: EndToEndCounts) -> None:
        for field in fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))

    def figures(self) -> dict[str, float]:
        """The figures under the names e2e_score.py --json gives them."""
        precision, recall = _ratio(self.found, self.predicted), _ratio(self.found, self.gold)
        return {
            "statement_p": precision,
            "statement_r": recall,
            "statement_f1": _f1(precision, recall),
            "who_f1": _f1(_ratio(self.source, self.predicted), _ratio(self.source, self.gold)),
            "full_f1": _f1(_ratio(self.full, self.predicted), _ratio(self.full, self.gold)),
            "source_acc": _ratio(self.source, self.found),
            "kind_acc": _ratio(self.kind, self.found),
            "stance_acc": _ratio(self.stance, self.found),
            "response_recall": _ratio(self.responses_right, self.responses),
            "responds_to_acc": _ratio(self.responds_to_right, self.responds_to),
        }

    def to_dict(self) -> dict[str, Any]:
        return {"counts": asdict(self), **self.figures()}

    def summary(self) -> str:
        """One line, as e2e_score.py's last line."""
        f = {name: 100 * value for name, value in self.figures().items()}
        return (
            f"statements P {f['statement_p']:.1f} R {f['statement_r']:.1f} "
            f"F1 {f['statement_f1']:.1f}; who-said-what F1 {f['who_f1']:.1f}; "
            f"with stance F1 {f['full_f1']:.1f}; source {f['source_acc']:.1f}% "
            f"kind {f['kind_acc']:.1f}% stance {f['stance_acc']:.1f}% of found; "
            f"responses {self.responses_right}/{self.responses}; "
            f"responds_to {self.responds_to_right}/{self.responds_to}; "
            f"gold {self.gold} pred {self.predicted}"
        )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_article(
    statements: Sequence[dict[str, Any]],
    gold_spans: Sequence[SpanTuple | None],
    found: Sequence[Attribution],
    pairs: Sequence[int | None] | None = None,
) -> EndToEndCounts:
    """The counts of one article: its gold statements (with their located quotes) against the
    statements predicted for it. `pairs`: pair_statements(gold_spans, found), where known."""
    if pairs is None:
        pairs = pair_statements(gold_spans, found)
    counts = EndToEndCounts(gold=len(statements), predicted=len(found))
    for statement, paired in zip(statements, pairs, strict=True):
        gold_source = statement.get("source") or {}
        response = statement.get("stance") in RESPONSES
        counts.responses += response
        if paired is None:
            continue
        attribution = found[paired]
        counts.found += 1
        source_ok = source_right(attribution, gold_source)
        stance_ok = stance_right(attribution, statement)
        predicted_kind = attribution.source.kind if attribution.source else None
        counts.source += source_ok
        counts.kind += (predicted_kind or "unknown") == (gold_source.get("kind") or "unknown")
        counts.stance += stance_ok
        counts.full += source_ok and stance_ok
        counts.responses_right += (response and source_ok and stance_ok
                                   and attribution.stance != "assert")
        target = statement.get("responds_to")
        if target is not None:
            counts.responds_to += 1
            paired_target = pairs[target] if target < len(pairs) else None
            counts.responds_to_right += (paired_target is not None
                                         and attribution.responds_to == paired_target)
    return counts
