"""Where a statement was made: "auf X", "in einem Interview mit der „Financial Times“",
"in einer Mitteilung", "gegenüber der dpa", "auf einer Pressekonferenz", "im Bundestag".

The patterns live in data/gazetteer/channels.tsv. They are tried on the sentence of the cue,
outside the quote and the speaker; the match nearest the cue gives the channel, its kind and,
where the text names one, its outlet (canonical name from media.tsv).
"""

from __future__ import annotations

import re
from functools import cache

from quellenlage.model import Attribution, Channel, SpanTuple
from quellenlage.resources import read_table
from quellenlage.sources.gazetteer import gazetteer, trie_pattern
from quellenlage.text import Document

QUOTE_CHARACTERS = "„“”»«\"‚‘’›‹"


@cache
def channel_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, compiled pattern) in the order of the data file, placeholders filled in."""
    gaz = gazetteer()
    rows = read_table("gazetteer", "channels.tsv")
    placeholders = {kind[1:]: pattern for kind, pattern in rows if kind.startswith("$")}

    quoted = r"[„»\"“‚][^“”«»\"„]{1,60}[“”«\"‘]"
    placeholders["outlet"] = (
        rf"(?P<outlet>{quoted}|(?-i:{trie_pattern(gaz.media_surfaces)})(?![\w]))"
    )
    placeholders["platform"] = (
        rf"(?P<outlet>(?-i:{trie_pattern(gaz.platform_surfaces)})(?![\w]))"
    )
    compiled = []
    for kind, pattern in rows:
        if kind.startswith("$"):
            continue
        for name, expansion in placeholders.items():
            pattern = pattern.replace("{" + name + "}", expansion)
        compiled.append((kind, re.compile(pattern, re.IGNORECASE)))
    return tuple(compiled)


@cache
def channel_trigger() -> re.Pattern[str]:
    """A cheap first test: a sentence that names no channel word and no outlet has no channel."""
    gaz = gazetteer()
    rows = dict(read_table("gazetteer", "channels.tsv"))
    words = rows["$trigger"].split("|")
    outlets = [*gaz.media_surfaces, *gaz.platform_surfaces]
    return re.compile(rf"(?i:{trie_pattern(words)})|(?<!\w){trie_pattern(outlets)}(?!\w)")


def _outlet_name(raw: str | None) -> str | None:
    if not raw:
        return None
    name = raw.strip(QUOTE_CHARACTERS + " ")
    entry = gazetteer().lookup(name)
    return entry.name if entry is not None else name


def _overlaps(start: int, end: int, spans: list[SpanTuple]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def find_channel(document: Document, attribution: Attribution) -> Channel | None:
    """The channel of one statement, or None when its sentence names none."""
    anchor_part = attribution.cue or attribution.speaker or attribution.quote
    anchor = anchor_part.start
    sentence = document.sentence_at(anchor)
    if sentence is None or sentence.start > anchor:
        return None
    start, end = sentence.start, sentence.end
    if attribution.cue is not None:  # a cue after a long quote: the frame may lie beyond it
        end = max(end, attribution.cue.end)
    excluded = list(attribution.quote.spans)
    if attribution.speaker is not None:
        excluded += list(attribution.speaker.spans)
    region = document.text[start:end]
    if channel_trigger().search(region) is None:
        return None
    best: tuple[int, int, Channel] | None = None
    for order, (kind, pattern) in enumerate(channel_patterns()):
        for match in pattern.finditer(region):
            match_start, match_end = start + match.start(), start + match.end()
            if _overlaps(match_start, match_end, excluded):
                continue
            distance = min(abs(match_start - anchor), abs(match_end - anchor))
            groups = match.groupdict()
            channel = Channel(
                text=match.group(), spans=((match_start, match_end),), kind=kind,
                outlet=_outlet_name(groups.get("outlet")),
            )
            key = (distance, order)
            if best is None or key < best[:2]:
                best = (distance, order, channel)
    return best[2] if best else None


def find_channels(document: Document, attributions: list[Attribution]) -> None:
    """Give each statement the channel its sentence names."""
    for attribution in attributions:
        attribution.channel = find_channel(document, attribution)
