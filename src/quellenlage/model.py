"""The one data model: an analysed article and the statements attributed in it.

Every offset is a character offset into `Article.text`, end exclusive. `Article.to_dict()` is the
stable JSON output; fields may be added later, existing ones keep their meaning.

A source's mentions are listed once per article (`Article.to_dict()["sources"]`), and each
statement names its source by `id` into that list: copied into every statement, the mentions made
the output grow with the square of the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SpanTuple = tuple[int, int]


class QuoteType(StrEnum):
    """The five quotation types of the WikiNews annotation guidelines."""

    DIRECT = "Direct"
    INDIRECT = "Indirect"
    FREE_INDIRECT = "FreeIndirect"
    INDIRECT_FREE_INDIRECT = "IndirectFreeIndirect"
    REPORTED = "Reported"


class Medium(StrEnum):
    """How the statement was made: spoken, written, thought, or a mix of two."""

    SPEECH = "Speech"
    WRITING = "Writing"
    THOUGHT = "Thought"
    SPEECH_WRITING = "SW"
    SPEECH_THOUGHT = "ST"
    THOUGHT_WRITING = "TW"
    NONE = "none"


# The stances the analysis gives a statement (quellenlage.stance).
STANCES = (
    "assert", "deny", "confirm", "not_confirm", "unverified", "demand", "question", "criticise",
    "warn",
)


def normalise_spans(spans: Iterable[Sequence[int]]) -> tuple[SpanTuple, ...]:
    """Sort spans, drop empty ones and merge spans that overlap or touch."""
    merged: list[list[int]] = []
    for start, end in sorted((int(s), int(e)) for s, e in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def spans_without(
    spans: Iterable[Sequence[int]], holes: Iterable[Sequence[int]]
) -> tuple[SpanTuple, ...]:
    """The parts of `spans` that lie outside every hole, in order ("Der Zug hat laut Bahn
    Verspätung" without "laut Bahn": "Der Zug hat" and "Verspätung")."""
    cut = normalise_spans(holes)
    kept: list[SpanTuple] = []
    for start, end in sorted((int(s), int(e)) for s, e in spans):
        cursor = start
        for hole_start, hole_end in cut:
            if hole_end <= cursor or hole_start >= end:
                continue
            if hole_start > cursor:
                kept.append((cursor, hole_start))
            cursor = hole_end
        if cursor < end:
            kept.append((cursor, end))
    return tuple(kept)


@dataclass(frozen=True, slots=True)
class Part:
    """One role of a statement (quote, speaker, cue, frame, addressee): possibly discontinuous."""

    text: str
    spans: tuple[SpanTuple, ...]

    @classmethod
    def from_spans(cls, document: str, spans: Iterable[Sequence[int]]) -> Part | None:
        """The part covering `spans` of `document`, or None when nothing is covered."""
        clean = normalise_spans(spans)
        clean = tuple(_strip_span(document, s, e) for s, e in clean)
        clean = tuple(span for span in clean if span[1] > span[0])
        if not clean:
            return None
        return cls(text=" ".join(document[s:e] for s, e in clean), spans=clean)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "spans": [list(span) for span in self.spans]}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Part | None:
        if not data:
            return None
        return cls(text=data["text"], spans=normalise_spans(data["spans"]))


def _strip_span(document: str, start: int, end: int) -> SpanTuple:
    while start < end and document[start].isspace():
        start += 1
    while end > start and document[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(slots=True)
class Source:
    """Who a speaker span refers to, resolved across the article."""

    name: str
    kind: str = "unknown"  # person|organisation|state|media|collective|anonymous|unknown
    role: str | None = None
    gender: str | None = None  # female|male
    mentions: tuple[SpanTuple, ...] = ()

    def to_dict(self, source_id: int | None = None) -> dict[str, Any]:
        """The source with its mentions (the article's `sources` list), or, given the id it has
        there, the reference a statement carries: the same fields without the mentions."""
        data: dict[str, Any] = {} if source_id is None else {"id": source_id}
        data.update(name=self.name, kind=self.kind, role=self.role, gender=self.gender)
        if source_id is None:
            data["mentions"] = [list(span) for span in self.mentions]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Source | None:
        if not data:
            return None
        return cls(
            name=data["name"],
            kind=data.get("kind", "unknown"),
            role=data.get("role"),
            gender=data.get("gender"),
            mentions=normalise_spans(data.get("mentions", [])),
        )


@dataclass(slots=True)
class Channel:
    """Where the statement was made: on X, in an interview, in a press release ..."""

    text: str
    spans: tuple[SpanTuple, ...]
    kind: str = "other"
    outlet: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "spans": [list(span) for span in self.spans],
            "kind": self.kind,
            "outlet": self.outlet,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Channel | None:
        if not data:
            return None
        return cls(
            text=data["text"],
            spans=normalise_spans(data["spans"]),
            kind=data.get("kind", "other"),
            outlet=data.get("outlet"),
        )


ROLE_NAMES = ("speaker", "cue", "frame", "addressee")


@dataclass(slots=True)
class Attribution:
    """One statement: what was said (quote), by whom, signalled how."""

    type: QuoteType
    medium: Medium
    quote: Part
    speaker: Part | None = None
    cue: Part | None = None
    frame: Part | None = None
    addressee: Part | None = None
    source: Source | None = None
    channel: Channel | None = None
    stance: str | None = None
    responds_to: int | None = None

    def to_dict(self, source_id: int | None = None) -> dict[str, Any]:
        """The statement; `source_id`, its source's id in the article's `sources` list, makes the
        source a reference without mentions (see the module docstring)."""
        data: dict[str, Any] = {
            "type": str(self.type),
            "medium": str(self.medium),
            "quote": self.quote.to_dict(),
        }
        for role in ROLE_NAMES:
            part = getattr(self, role)
            data[role] = part.to_dict() if part else None
        data["source"] = self.source.to_dict(source_id) if self.source else None
        data["channel"] = self.channel.to_dict() if self.channel else None
        data["stance"] = self.stance
        data["responds_to"] = self.responds_to
        return data

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], sources: Sequence[Source] = ()
    ) -> Attribution:
        """`sources`: the article's sources, which a source with an `id` refers to; a source
        without one (older output) stands for itself, mentions included."""
        quote = Part.from_dict(data["quote"])
        if quote is None:
            raise ValueError("an attribution needs a quote")
        return cls(
            type=QuoteType(data["type"]),
            medium=Medium(data["medium"]),
            quote=quote,
            speaker=Part.from_dict(data.get("speaker")),
            cue=Part.from_dict(data.get("cue")),
            frame=Part.from_dict(data.get("frame")),
            addressee=Part.from_dict(data.get("addressee")),
            source=_source_reference(data.get("source"), sources),
            channel=Channel.from_dict(data.get("channel")),
            stance=data.get("stance"),
            responds_to=data.get("responds_to"),
        )


@dataclass(slots=True)
class Article:
    """An analysed text and the statements found in it, in text order."""

    text: str
    attributions: list[Attribution] = field(default_factory=list)

    def sources(self) -> list[Source]:
        """The distinct sources of the statements, in the order of their first statement."""
        seen: dict[int, Source] = {}
        for attribution in self.attributions:
            if attribution.source is not None:
                seen.setdefault(id(attribution.source), attribution.source)
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        sources = self.sources()
        ids = {id(source): number for number, source in enumerate(sources)}
        return {
            "text": self.text,
            "sources": [
                {"id": number, **source.to_dict()} for number, source in enumerate(sources)
            ],
            "attributions": [
                attribution.to_dict(
                    ids[id(attribution.source)] if attribution.source is not None else None
                )
                for attribution in self.attributions
            ],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        sources = [Source.from_dict(item) for item in data.get("sources") or []]
        return cls(
            text=data["text"],
            attributions=[
                Attribution.from_dict(item, [s for s in sources if s is not None])
                for item in data.get("attributions", [])
            ],
        )


def _source_reference(data: dict[str, Any] | None, sources: Sequence[Source]) -> Source | None:
    """The article's source that a statement's `source` names by id, or the source written out
    in full where it has no id or the id is not among `sources`."""
    if data and isinstance(data.get("id"), int) and 0 <= data["id"] < len(sources):
        return sources[data["id"]]
    return Source.from_dict(data)
