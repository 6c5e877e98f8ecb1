"""The sources test set: German paragraphs with the expected source, channel and stance of each
statement, and the accuracy of the pipeline on them.

Each line of data/sources_testset/sources_testset.jsonl is one paragraph: `text` and its
`statements` in text order, each with `speaker`, `cue` and `quote` given as text (the quote
located as the end-to-end scorer locates it, from the previous statement's quote on; speaker and
cue nearest the quote; a phrase not found verbatim is found word by word, "wies zurück" ->
"wies" ... "zurück"), and the expected `source` (name, kind, role, gender, aliases), `channel`
(kind, outlet or null), `stance` (and `stance_alt`, other acceptable stances) and `responds_to`
(index of the answered statement in the same list). The same format holds real articles
(../shared/data/news-sources/dev.jsonl); the news-claims statements (quote = the message, no
speaker, cue or type) read as well: a statement without a type is taken as Indirect.

Two measurements: "gold" feeds the gold speaker, cue and quote spans to the source, channel and
stance stages; "end-to-end" runs analyze() and pairs each expected statement with an extracted
one as ../shared/tools/e2e_score.py does (evaluation.end_to_end), giving per-field accuracy over
all expected statements and the scorer's figures.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quellenlage.errors import DataFormatError
from quellenlage.evaluation.end_to_end import (
    EndToEndCounts,
    locate_quotes,
    pair_statements,
    score_article,
)
from quellenlage.model import Article, Attribution, Medium, Part, QuoteType, SpanTuple
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
    quote_spans: list[SpanTuple | None]
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
        except KeyError as error:
            raise DataFormatError(
                f"{source}:{number}: no field {error.args[0]!r}; statement records have id, text "
                "and statements (each with a quote)") from error
        except (json.JSONDecodeError, DataFormatError) as error:
            raise DataFormatError(f"{source}:{number}: {error}") from error
    return paragraphs


def _paragraph(item: dict[str, Any]) -> Paragraph:
    text = item["text"]
    statements = item["statements"]
    quote_spans = locate_quotes(text, statements)
    gold: list[Attribution] = []
    for statement, quote_span in zip(statements, quote_spans, strict=True):
        if quote_span is None:
            raise DataFormatError(f"quote {statement['quote']!r} is not in the paragraph")
        quote = Part.from_spans(text, [quote_span])
        if quote is None:
            raise DataFormatError(f"empty quote in {item['id']}")
        speaker = cue = None
        if statement.get("speaker"):
            speaker = Part.from_spans(text, _nearest(text, statement["speaker"], quote_span))
        if statement.get("cue"):
            cue = Part.from_spans(text, _nearest(text, statement["cue"], quote_span))
        gold.append(Attribution(QuoteType(statement.get("type") or "Indirect"), Medium.SPEECH,
                                quote, speaker=speaker, cue=cue))
    return Paragraph(item["id"], text, gold, statements, quote_spans, item.get("phenomena", []))


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
        "stance_alt": statement.get("stance_alt") or [],
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
            accepted = [wanted, *expected["stance_alt"]] if name == "stance" else [wanted]
            if not missing and _norm(got) in [_norm(value) for value in accepted]:
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


@dataclass
class EndToEnd:
    """The pipeline on the paragraphs: per-field accuracy over all expected statements (a missed
    one counts wrong) and the end-to-end scorer's counts."""

    fields: Score
    counts: EndToEndCounts
    articles: list[Article] = field(default_factory=list)  # the pipeline's, one a paragraph


def score_end_to_end(
    paragraphs: Iterable[Paragraph], analyze: Callable[[str], Article] | None = None
) -> EndToEnd:
    """Run analyze() (default: the pipeline with its default engine) on each paragraph."""
    if analyze is None:
        from quellenlage.pipeline import analyze as pipeline_analyze

        analyze = pipeline_analyze
    result = EndToEnd(Score(), EndToEndCounts())
    for paragraph in paragraphs:
        article = analyze(paragraph.text)
        result.articles.append(article)
        found = article.attributions
        pairs = pair_statements(paragraph.quote_spans, found)
        result.counts.add(score_article(paragraph.expected, paragraph.quote_spans, found, pairs))
        back = {extracted: gold for gold, extracted in enumerate(pairs) if extracted is not None}
        for index, (statement, extracted) in enumerate(
            zip(paragraph.expected, pairs, strict=True)
        ):
            attribution = found[extracted] if extracted is not None else None
            responds = None
            if attribution is not None and attribution.responds_to is not None:
                responds = back.get(attribution.responds_to, -1)
            result.fields.add(paragraph.id, index, _expected(statement),
                              _observed(attribution, responds))
    return result
