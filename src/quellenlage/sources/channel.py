"""Where a statement was made: "auf X", "in einem Interview mit der „Financial Times“",
"in einer Mitteilung", "gegenüber der dpa", "auf einer Pressekonferenz", "im Bundestag".

The patterns live in data/gazetteer/channels.tsv. They are tried on the sentence of the cue,
outside the quote and the speaker; the match nearest the cue gives the channel, its kind and,
where the text names one, its outlet (canonical name from media.tsv, or the name after an outlet
noun: "dem Fernsehsender Rossija 24"). A match must belong to the clause of the cue: one separated
from the cue (or the speaker) by a comma or a colon is about something else ("Sollte das Gesetz im
Parlament scheitern, ..."). Inside the speaker span only a prepositional channel counts ("so
Rossmann in einer Aussendung", or a speaker span that is itself the phrase: "heißt es in einer
Aussendung"): an outlet there names who speaks, not where.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

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
    known = rf"(?-i:{trie_pattern(gaz.media_surfaces)})(?![\w])"
    plain = [s for s in gaz.media_surfaces if s not in _common_media_words()]
    known_plain = rf"(?-i:{trie_pattern(plain)})(?![\w])"
    # the name after an outlet noun: "dem Sender Sky News", "dem Magazin F1 Racing"
    name_run = r"(?-i:[A-ZÄÖÜ][\w.&-]*(?: (?:[A-ZÄÖÜ][\w.&-]*|\d+)){0,2})(?![\w-])"
    medium = placeholders["medium"]
    placeholders["outlet"] = rf"(?P<outlet>{quoted}|{known})"
    placeholders["press"] = (
        rf"(?:(?-i:{medium}) (?P<named>{quoted}|{known}|{name_run})|(?P<outlet>{quoted}|{known}))"
    )
    # without an outlet noun, a name that is also a word (Krone, Welt) is no outlet
    placeholders["press_strict"] = (
        rf"(?:(?-i:{medium}) (?P<named>{quoted}|{known}|{name_run})"
        rf"|(?P<outlet>{quoted}|{known_plain}))"
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
def _common_media_words() -> frozenset[str]:
    """Outlet names that are also everyday words (media.tsv, common_word yes)."""
    rows = read_table("gazetteer", "media.tsv")
    return frozenset(surface for surface, _, _, common, _ in rows if common == "yes")


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


def _overlaps(start: int, end: int, spans: list[SpanTuple] | tuple[SpanTuple, ...]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


CLAUSE_BREAK = re.compile(r"[,;:!?]|(?<!\d)[.]|\s[–—-]\s")
PREPOSITION = re.compile(
    r"(?i:in|im|auf|bei|beim|via|per|über|laut|gegenüber|während|vor|zum|zur|zu|am)\b"
)
# lower-case words an apposition may hold ("Oskar Deutsch, Präsident der Kultusgemeinde Wien,");
# any other lower-case word (a verb: "nachdem er im Bundestag gescheitert war") makes a clause
APPOSITION_WORDS = frozenset({
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "von", "vom", "aus", "für", "im", "in", "am", "an", "und", "bei", "beim", "zur", "zum", "mit",
    "of", "the",
})
ADJECTIVE = re.compile(r"[a-zäöüß][\w-]{3,}(?:e|en|er|es|em)")
VERB_LIKE = frozenset({
    "werden", "wurden", "haben", "hatten", "waren", "seien", "sollen", "wollen", "können", "müssen",
})


CLAUSE_REACH = 200  # characters from a match that _clause_stretch looks at
IMPERSONAL_REPORT = re.compile(r"\b(?:heißt|hieß|hieße|hiess) es\b")


def _is_apposition(segment: str) -> bool:
    words = re.findall(r"[\w-]+", segment)
    return all(
        word[:1].isupper() or word[:1].isdigit() or word in APPOSITION_WORDS
        or (ADJECTIVE.fullmatch(word) is not None and word not in VERB_LIKE)
        for word in words
    )


def _gap_breaks_clause(text: str, start: int, end: int, anchors: list[SpanTuple],
                       quote: tuple[SpanTuple, ...]) -> bool:
    """Whether a clause boundary outside the quote separates [start, end) from every anchor
    span (cue and speaker). Commas that only set off an apposition are no boundary ("sagte
    Oskar Brandt, Präsident der Gemeinde, am Mittwoch bei ..."); nor is the comma that closes
    a quote before its reporting clause ("..., heißt es in dem Schreiben"), the colon that
    opens one, or the comma after "heißt es" ("In dem Bericht hieß es, ...")."""
    for anchor_start, anchor_end in anchors:
        if start < anchor_end and anchor_start < end:
            return False
        match_first = end <= anchor_start
        gap_start, gap_end = (end, anchor_start) if match_first else (anchor_end, start)
        gap = "".join(
            " " if _overlaps(i, i + 1, quote) else text[i] for i in range(gap_start, gap_end)
        )
        if any(quote_end == gap_start for _, quote_end in quote):
            gap = gap.lstrip(" ,:" + QUOTE_CHARACTERS)
        if any(quote_start == gap_end for quote_start, _ in quote):
            stripped = gap.rstrip(" :" + QUOTE_CHARACTERS)
            if stripped.endswith(",") and IMPERSONAL_REPORT.search(stripped):
                stripped = stripped[:-1]
            gap = stripped
        breaks = list(CLAUSE_BREAK.finditer(gap))
        if not breaks:
            return False
        segments = [gap[a.end() : b.start()] for a, b in pairwise(breaks)]
        segments.append(gap[breaks[-1].end() :] if match_first else gap[: breaks[0].start()])
        # the clause of the match runs on beyond it: "..., das der APA vorliegt" is no apposition
        if match_first:
            # only the CLAUSE_REACH characters it reads are cut out: not the whole text
            before = _clause_stretch(text[max(0, start - CLAUSE_REACH) : start], backwards=True)
            segments.append(before + gap[: breaks[0].start()])
        else:
            segments.append(
                gap[breaks[-1].end() :] + _clause_stretch(text[end : end + CLAUSE_REACH]))
        if all(b.group() == "," for b in breaks) and all(map(_is_apposition, segments)):
            return False
    return True


def _clause_stretch(text: str, backwards: bool = False) -> str:
    """The text from the match to the nearest clause boundary (forwards or backwards)."""
    window = text[-CLAUSE_REACH:][::-1] if backwards else text[:CLAUSE_REACH]
    found = CLAUSE_BREAK.search(window)
    stretch = window[: found.start()] if found else window
    return stretch[::-1] if backwards else stretch


def find_channel(
    document: Document, attribution: Attribution,
    cache: dict[tuple[int, int], list[Candidate]] | None = None,
) -> Channel | None:
    """The channel of one statement, or None when its sentence names none. `cache` keeps the
    pattern matches of a sentence for the other statements of the same document."""
    anchor_part = attribution.cue or attribution.speaker or attribution.quote
    anchor = anchor_part.start
    sentence = document.sentence_at(anchor)
    if sentence is None or sentence.start > anchor:
        return None
    start, end = sentence.start, sentence.end
    if attribution.cue is not None:  # a cue after a long quote: the frame may lie beyond it
        end = max(end, attribution.cue.end)
    quote = attribution.quote.spans
    speaker = attribution.speaker.spans if attribution.speaker is not None else ()
    anchors = [*(attribution.cue.spans if attribution.cue is not None else ()), *speaker]
    if not anchors:
        anchors = list(quote)
    # "heißt es in einer Aussendung der Unternehmen": the speaker span is the channel phrase
    speaker_is_phrase = bool(attribution.speaker and PREPOSITION.match(attribution.speaker.text))
    best: tuple[int, int, Channel] | None = None
    for order, kind, match_start, match_end, outlet in _candidates(document, start, end, cache):
        if _overlaps(match_start, match_end, quote):
            continue
        text = document.text[match_start:match_end]
        if _overlaps(match_start, match_end, speaker) and not (
            kind != "parliament" and PREPOSITION.match(text)
            and all(match_start > span_start or speaker_is_phrase for span_start, _ in speaker)
            and ((match_start, match_end),) != speaker  # "heißt es im ORF": the source
        ):
            continue
        if _gap_breaks_clause(document.text, match_start, match_end, anchors, quote):
            continue
        distance = min(abs(match_start - anchor), abs(match_end - anchor))
        key = (distance, order)
        if best is None or key < best[:2]:
            channel = Channel(text=text, spans=((match_start, match_end),), kind=kind,
                              outlet=outlet)
            best = (distance, order, channel)
    return best[2] if best else None


Candidate = tuple[int, str, int, int, str | None]  # order, kind, start, end, outlet


def _candidates(document: Document, start: int, end: int,
                cache: dict[tuple[int, int], list[Candidate]] | None) -> list[Candidate]:
    """Every pattern match in [start, end): statements of one sentence share them."""
    if cache is not None and (start, end) in cache:
        return cache[(start, end)]
    found: list[Candidate] = []
    region = document.text[start:end]
    if channel_trigger().search(region) is not None:
        for order, (kind, pattern) in enumerate(channel_patterns()):
            for match in pattern.finditer(region):
                groups = match.groupdict()
                found.append((order, kind, start + match.start(), start + match.end(),
                               _outlet_name(groups.get("outlet") or groups.get("named"))))
    if cache is not None:
        cache[(start, end)] = found
    return found


def find_channels(document: Document, attributions: list[Attribution]) -> None:
    """Give each statement the channel its sentence names."""
    cache: dict[tuple[int, int], list[Candidate]] = {}
    for attribution in attributions:
        attribution.channel = find_channel(document, attribution, cache)
