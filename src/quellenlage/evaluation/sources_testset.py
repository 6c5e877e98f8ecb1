"""The sources test set: hand-written German paragraphs with the expected source, channel and
stance of each statement, and the accuracy of the pipeline on them.

Each line of data/sources_testset/sources_testset.jsonl is one paragraph: `text` and its
`statements` in text order, each with `speaker`, `cue` and `quote` given as text (found in the
paragraph: the quote from the previous statement's quote on, speaker and cue nearest the quote;
a phrase not found verbatim is found word by word, "wies zurück" -> "wies" ... "zurück"), and the
expected `source` (name, kind, role, gender), `channel` (kind, outlet or null), `stance` and
`responds_to` (index of the answered statement in the same list).

Two measurements: "gold" feeds the gold speaker, cue and quote spans to the source, channel and
stance stages; "end-to-end" runs analyze() and pairs each expected statement with the extracted
statement whose quote (and speaker) overlaps it most.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quellenlage.errors import DataFormatError
from quellenlage.model import Attribution, Medium, Part, QuoteType, SpanTuple
from quellenlage.resources import data_path
from quellenlage.sources.channel import find_channels
from quellenlage.sources.resolve import resolve_sources
from quellenlage.stance.assign import assign_stance
from quellenlage.text import Document

FIELDS = ("name", "kind", "role", "gender", "channel", "outlet", "stance", "responds_to")


def default_testset() -> Path:
    return data_path("sources_testset", "sources_testset.jsonl")


@dataclass
class Paragraph:
    id: str
    text: str
    gold: list[Attribution]
    expected: list[dict[str, Any]]
    phenomena: list[str] = field(default_factory=list)


def _occurrences(text: str, phrase: str) -> list[SpanTuple]:
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
    return [match.span() for match in pattern.finditer(text)]


def _distance(span: SpanTuple, anchor: SpanTuple) -> int:
    if span[1] <= anchor[0]:
        return anchor[0] - span[1]
    if span[0] >= anchor[1]:
        return span[0] - anchor[1]
    return 0


def _nearest(text: str, phrase: str, anchor: SpanTuple) -> list[SpanTuple]:
    found = _occurrences(text, phrase)
    if found:
        return [min(found, key=lambda span: _distance(span, anchor))]
    spans = []
    for word in phrase.split():
        occurrences = _occurrences(text, word)
        if not occurrences:
            raise DataFormatError(f"{phrase!r} is not in the paragraph")
        spans.append(min(occurrences, key=lambda span: _distance(span, anchor)))
    return spans


def load_testset(path: str | Path | None = None) -> list[Paragraph]:
    """The paragraphs of the test set, with gold attributions built from the given phrases."""
    source = Path(path) if path is not None else default_testset()
    paragraphs = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            paragraphs.append(_paragraph(item))
        except (json.JSONDecodeError, KeyError, DataFormatError) as error:
            raise DataFormatError(f"{source}:{number}: {error}") from error
    return paragraphs


def _paragraph(item: dict[str, Any]) -> Paragraph:
    text = item["text"]
    gold: list[Attribution] = []
    cursor = 0
    for statement in item["statements"]:
        quote_spans = [s for s in _occurrences(text, statement["quote"]) if s[0] >= cursor]
        if not quote_spans:
            quote_spans = _occurrences(text, statement["quote"])
        if not quote_spans:
            raise DataFormatError(f"quote {statement['quote']!r} is not in the paragraph")
        quote_span = quote_spans[0]
        cursor = quote_span[0]
        quote = Part.from_spans(text, [quote_span])
        if quote is None:
            raise DataFormatError(f"empty quote in {item['id']}")
        speaker = cue = None
        if statement.get("speaker"):
            speaker = Part.from_spans(text, _nearest(text, statement["speaker"], quote_span))
        if statement.get("cue"):
            cue = Part.from_spans(text, _nearest(text, statement["cue"], quote_span))
        gold.append(Attribution(QuoteType(statement.get("type", "Indirect")), Medium.SPEECH,
                                quote, speaker=speaker, cue=cue))
    return Paragraph(item["id"], text, gold, item["statements"], item.get("phenomena", []))


def _norm(value: Any) -> Any:
    return " ".join(value.split()).lower() if isinstance(value, str) else value


def _observed(attribution: Attribution | None, responds_to: int | None) -> dict[str, Any]:
    if attribution is None:
        return {}
    source = attribution.source
    channel = attribution.channel
    return {
        "name": source.name if source else None,
        "kind": source.kind if source else None,
        "role": source.role if source else None,
        "gender": source.gender if source else None,
        "channel": channel.kind if channel else None,
        "outlet": channel.outlet if channel else None,
        "stance": attribution.stance,
        "responds_to": responds_to,
    }


def _expected(statement: dict[str, Any]) -> dict[str, Any]:
    source = statement.get("source") or {}
    channel = statement.get("channel") or {}
    return {
        "name": source.get("name"),
        "kind": source.get("kind"),
        "role": source.get("role"),
        "gender": source.get("gender"),
        "channel": channel.get("kind"),
        "outlet": channel.get("outlet"),
        "stance": statement.get("stance"),
        "responds_to": statement.get("responds_to"),
    }


@dataclass
class Mismatch:
    paragraph: str
    statement: int
    field: str
    expected: Any
    observed: Any


@dataclass
class Score:
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    mismatches: list[Mismatch] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.total[name] if self.total[name] else 0.0

    def add(self, paragraph: str, index: int, expected: dict[str, Any],
            observed: dict[str, Any]) -> None:
        missing = not observed  # an expected statement the extractor did not find
        for name in FIELDS:
            wanted, got = expected.get(name), observed.get(name)
            if name == "responds_to" and wanted is None and got is None:
                continue  # counted only where a response is expected or claimed
            self.total[name] += 1
            if not missing and _norm(wanted) == _norm(got):
                self.correct[name] += 1
            else:
                self.mismatches.append(Mismatch(paragraph, index, name, wanted, got))


def run_stages(document: Document, attributions: list[Attribution]) -> None:
    resolve_sources(document, attributions)
    find_channels(document, attributions)
    assign_stance(document, attributions)


def score_gold(paragraphs: Iterable[Paragraph]) -> Score:
    """Accuracy with the gold speaker, cue and quote spans fed to the stages."""
    score = Score()
    for paragraph in paragraphs:
        attributions = [Attribution.from_dict(a.to_dict()) for a in paragraph.gold]
        run_stages(Document(paragraph.text), attributions)
        for index, (attribution, statement) in enumerate(
            zip(attributions, paragraph.expected, strict=True)
        ):
            observed = _observed(attribution, attribution.responds_to)
            score.add(paragraph.id, index, _expected(statement), observed)
    return score


def _overlap(first: tuple[SpanTuple, ...], second: tuple[SpanTuple, ...]) -> int:
    return sum(max(0, min(a[1], b[1]) - max(a[0], b[0])) for a in first for b in second)


def _pair(gold: list[Attribution], found: list[Attribution]) -> list[int | None]:
    """For each gold statement, the index of the extracted statement that overlaps it most."""
    pairs: list[int | None] = []
    used: set[int] = set()
    for attribution in gold:
        best, best_score = None, 0
        for index, candidate in enumerate(found):
            if index in used:
                continue
            score = 2 * _overlap(attribution.quote.spans, candidate.quote.spans)
            if attribution.speaker and candidate.speaker:
                score += _overlap(attribution.speaker.spans, candidate.speaker.spans)
            if score > best_score:
                best, best_score = index, score
        if best is not None:
            used.add(best)
        pairs.append(best)
    return pairs


def score_end_to_end(
    paragraphs: Iterable[Paragraph], analyze: Callable[[str], Any] | None = None
) -> tuple[Score, int, int]:
    """Accuracy of analyze() itself; also how many expected statements it found, of all."""
    if analyze is None:
        from quellenlage.pipeline import analyze as pipeline_analyze

        analyze = pipeline_analyze
    score = Score()
    found_count = total = 0
    for paragraph in paragraphs:
        found = analyze(paragraph.text).attributions
        pairs = _pair(paragraph.gold, found)
        back = {extracted: gold for gold, extracted in enumerate(pairs) if extracted is not None}
        for index, statement in enumerate(paragraph.expected):
            total += 1
            extracted = pairs[index]
            attribution = found[extracted] if extracted is not None else None
            found_count += attribution is not None
            responds = None
            if attribution is not None and attribution.responds_to is not None:
                responds = back.get(attribution.responds_to, -1)
            score.add(paragraph.id, index, _expected(statement), _observed(attribution, responds))
    return score, found_count, total
