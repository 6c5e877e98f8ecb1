"""The dev criterion for pronoun and role-noun resolution on the WikiNews quotation corpus.

Which gold quotations count: those whose gold speaker is one contiguous span that is either
  - a pronoun: er, sie, es, der, die, dieser, diese (any case), or
  - a definite role noun phrase without a name: an article, demonstrative or possessive, then
    only lower-case words or numbers (adjectives), then one word that the role-noun lexicon knows
    (data/gazetteer/role_nouns.tsv), and nothing else ("Der GdP-Vorsitzende",
    "der venezolanische Präsident", "Die Ministerin").
How (check_end_to_end, the criterion as the issue states it): the pipeline runs on the article;
each counted gold quotation that it found gets judged by the source of the found statement.
How (check_resolution, the resolver alone): every gold quotation with a speaker of the article
becomes an attribution (gold speaker,
cue and quote spans); resolve_sources runs over the article; a counted quotation is resolved
when its source is another mention's entity (not the anaphor itself), a person, organisation,
state or outlet (not an unnamed "Armeesprecherin" or a collective), whose name, or the name's
last word, occurs in the article text outside the anaphor's span.
The corpus is read where it lies and never copied into the repository.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quellenlage.model import Attribution, Medium, Part, QuoteType
from quellenlage.sources.gazetteer import gazetteer
from quellenlage.sources.mentions import DEFINITE, POSSESSIVE
from quellenlage.sources.resolve import resolve_sources
from quellenlage.text import Document

PRONOUN_SPEAKERS = frozenset(["er", "sie", "es", "der", "die", "dieser", "diese"])
NAMED_KINDS = frozenset({"person", "organisation", "state", "media"})
MEDIA = {"Speech", "Writing", "Thought", "SW", "ST", "TW", "none"}


def anaphor_class(speaker: str) -> str | None:
    """ "pronoun", "role" or None: whether a gold speaker text counts for the criterion."""
    words = speaker.split()
    if len(words) == 1 and words[0].lower() in PRONOUN_SPEAKERS:
        return "pronoun"
    if len(words) < 2 or words[0].lower() not in DEFINITE | POSSESSIVE:
        return None
    *modifiers, head = words[1:]
    if not all(w[:1].islower() or w[:1].isdigit() for w in modifiers):
        return None
    if gazetteer().lookup(head) is not None:
        return None  # "die Grünen": a party's name, not a role
    role = gazetteer().role(head)
    if role is None or role.plural or (role.gender == "male" and words[0].lower() == "die"):
        return None  # "die Polizisten", "die Minister": several people, no one antecedent
    return "role"


@dataclass
class DevCase:
    document: str
    speaker: str
    anaphor: str
    resolved: str | None
    ok: bool


@dataclass
class DevResult:
    cases: list[DevCase] = field(default_factory=list)

    def rate(self, anaphor: str | None = None) -> tuple[int, int]:
        chosen = [c for c in self.cases if anaphor is None or c.anaphor == anaphor]
        return sum(c.ok for c in chosen), len(chosen)


def _part(text: str, data: dict[str, Any]) -> Part | None:
    spans = [(s["charBegin"], s["charEnd"]) for s in data.get("spans", [])]
    return Part.from_spans(text, spans) if spans else None


def _attribution(text: str, annotation: dict[str, Any]) -> Attribution | None:
    quote = _part(text, annotation["quote"])
    if quote is None:
        return None
    try:
        quote_type = QuoteType(annotation.get("type", "Indirect"))
    except ValueError:
        quote_type = QuoteType.INDIRECT
    medium = Medium(annotation["medium"]) if annotation.get("medium") in MEDIA else Medium.NONE
    return Attribution(quote_type, medium, quote, speaker=_part(text, annotation["speaker"]),
                       cue=_part(text, annotation["cue"]))


def _occurs_elsewhere(text: str, name: str, span: tuple[int, int]) -> bool:
    outside = text[: span[0]] + " " + text[span[1] :]
    for candidate in (name, name.split()[-1]):
        if re.search(r"(?<!\w)" + re.escape(candidate), outside):
            return True
    return False


def check_end_to_end(path: str | Path) -> tuple[DevResult, int]:
    """The criterion as a user meets it: run the whole pipeline on each article; for each gold
    quotation with a counted speaker whose quotation the pipeline found (the found statement
    whose quote overlaps it most), judge the source the pipeline gave that statement. Returns
    the judged cases and how many counted quotations there were in all, found or not."""
    from quellenlage.pipeline import analyze

    result = DevResult()
    counted = 0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text = record["originalText"]
        found: list[Attribution] | None = None
        for annotation in record["annotations"]:
            speaker = _part(text, annotation["speaker"])
            gold_quote = _part(text, annotation["quote"])
            if speaker is None or gold_quote is None or len(speaker.spans) != 1:
                continue
            kind = anaphor_class(speaker.text)
            if kind is None:
                continue
            counted += 1
            if found is None:
                found = analyze(text).attributions
            match = max(found, default=None, key=lambda a: _overlap(a.quote, gold_quote))
            if match is None or _overlap(match.quote, gold_quote) == 0:
                continue
            source = match.source
            span = (speaker.start, speaker.end)
            ok = bool(source and source.kind in NAMED_KINDS
                      and _occurs_elsewhere(text, source.name, span))
            result.cases.append(DevCase(record["documentName"], speaker.text, kind,
                                        source.name if source else None, ok))
    return result, counted


def _overlap(first: Part, second: Part) -> int:
    return sum(max(0, min(a[1], b[1]) - max(a[0], b[0]))
               for a in first.spans for b in second.spans)


def check_resolution(path: str | Path) -> DevResult:
    """Resolve every counted gold speaker of the corpus file and judge the result."""
    result = DevResult()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text = record["originalText"]
        pairs = []
        for annotation in record["annotations"]:
            speaker = annotation["speaker"]
            if not speaker.get("spans"):
                continue
            attribution = _attribution(text, annotation)
            if attribution is not None and attribution.speaker is not None:
                pairs.append((attribution, len(speaker["spans"]) == 1))
        attributions = [a for a, _ in pairs]
        if not attributions:
            continue
        resolve_sources(Document(text), attributions)
        for attribution, contiguous in pairs:
            speaker_part = attribution.speaker
            assert speaker_part is not None
            kind = anaphor_class(speaker_part.text) if contiguous else None
            if kind is None:
                continue
            source = attribution.source
            span = (speaker_part.start, speaker_part.end)
            linked = source is not None and any(m != span for m in source.mentions)
            ok = bool(source and linked and source.kind in NAMED_KINDS
                      and _occurs_elsewhere(text, source.name, span))
            result.cases.append(DevCase(record["documentName"], speaker_part.text, kind,
                                        source.name if source else None, ok))
    return result
