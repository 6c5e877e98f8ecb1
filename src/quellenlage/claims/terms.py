"""The content terms of a statement: what two messages must share to make the same claim.

Terms are the archive's search terms (`text_search.search_terms`: lower case, Snowball German
stems, no stop words) after three normalisations that matter for claims in German news:

- names of states, their capitals, seats of government and nationality adjectives become the
  state ("Moskau", "Kreml", "russische" -> Russland), and known organisations and people their
  canonical name (data/gazetteer/), so "nordkoreanische Soldaten" meets "Soldaten aus Nordkorea";
- nationality nouns become the state too ("Iraner", "Ukrainerinnen", "Israelis" -> the state),
  built from the gazetteer's adjective stems (iranisch -> Iran-er), first names left alone;
- numbers keep their digits together ("10.000", "10 000" and "zehntausend" -> 10000, "2,0" ->
  2d0, "1,5 Millionen" -> 1500000), so a figure is one term whichever way it is written
  (number words: data/lexicons/number_words.tsv);
- words that say how a claim is treated rather than what it says are dropped: stance cues
  ("bestreiten", "bestätigt"), response nouns ("Berichte", "Angaben"), hearsay words
  ("angeblich") (data/stance/) and closed-class words such as auxiliaries and adverbs
  (data/lexicons/function_words.tsv). A denial and the claim it denies thus share their terms.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from quellenlage.archive.text_search import WORD, search_terms
from quellenlage.model import spans_without
from quellenlage.resources import read_table
from quellenlage.sources.gazetteer import gazetteer
from quellenlage.stance.cues import stance_lexicon

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Thousands set apart by a space ("12 000", also the no-break and narrow no-break spaces).
SPACED_THOUSANDS = re.compile(r"\b\d{1,3}(?:[ \u00a0\u202f]\d{3})+\b")
SCALE = re.compile(
    r"\b(\d+(?:[.,]\d+)?|[^\W\d_]+)\s+(Millionen|Million|Milliarden|Milliarde|Mio|Mrd)\b\.?"
)
# Endings of nationality nouns after the stem of the adjective without "isch" (iran-isch:
# Iran-er, Iran-erin; israel-isch: Israel-i, Israel-is; russ-isch: Russ-e, Russ-en).
NATIONALITY_ENDINGS = (
    "er", "ern", "erin", "erinnen", "ier", "iern", "ierin", "ierinnen", "i", "is", "e", "en",
    "in", "innen",
)
# Two or more capitalised words in a row, joined by spaces or hyphens: one name
# ("Champions League", "Ban Ki-moon", "Al-Nusra-Front", "Innenministerin Petra Lindner").
_CAPITALISED = r"[A-ZÄÖÜ][^\W_]*(?:-[^\W_]+)*"
CAPITALISED_RUN = re.compile(rf"{_CAPITALISED}(?: +{_CAPITALISED})*")
THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
NAMED_KINDS = frozenset({"state", "organisation", "person"})
MAX_TERM_LENGTH = 100  # the claim tables' term columns; longer "words" are debris (URLs, codes)


@cache
def ignored_terms() -> frozenset[str]:
    """Stems of words that carry stance, hearsay or grammar but no claim content."""
    lexicon = stance_lexicon()
    words: set[str] = set()
    for _lemma, forms in lexicon.forms:
        words.update(forms)
    words.update(lexicon.stance_of_lemma)
    rules = lexicon.rules
    for key in ("negation", "unverified_words", "reportative", "perfect", "response_nouns"):
        words.update(str(word) for word in rules[key])
    words.update(row[0] for row in read_table("lexicons", "function_words.tsv"))
    return frozenset(search_terms(" ".join(words)))


@cache
def _number_words() -> dict[str, tuple[int, str]]:
    return {word: (int(value), kind) for word, value, kind in read_table(
        "lexicons", "number_words.tsv")}


def _below_hundred(word: str) -> int | None:
    words = _number_words()
    found = words.get(word)
    if found is not None and found[1] in ("unit", "teen", "ten"):
        return found[0]
    unit, joined, ten = word.partition("und")
    if joined and words.get(unit, (0, ""))[1] == "unit" and words.get(ten, (0, ""))[1] == "ten":
        return words[unit][0] + words[ten][0]
    return None


def _below_thousand(word: str) -> int | None:
    hundreds, joined, rest = word.partition("hundert")
    if not joined:
        return _below_hundred(word)
    count = _below_hundred(hundreds) if hundreds else 1
    remainder = _below_hundred(rest) if rest else 0
    if count is None or remainder is None or count >= 10:
        return None
    return count * 100 + remainder


@lru_cache(maxsize=100_000)
def number_word_value(word: str) -> int | None:
    """The value of a German number word ("zwölftausend" -> 12000, "einundzwanzig" -> 21), or
    None. Units alone ("ein", "acht") are articles and other words more often than figures, and
    "hundert" and "tausend" alone are vague ("mehrere hundert")."""
    lower = word.lower()
    if lower in ("hundert", "tausend"):
        return None
    thousands, joined, rest = lower.partition("tausend")
    if joined:
        count = _below_thousand(thousands) if thousands else 1
        remainder = _below_thousand(rest) if rest else 0
        if count is None or remainder is None:
            return None
        return count * 1000 + remainder
    value = _below_thousand(lower)
    return value if value is not None and value >= 10 else None


def _scaled(match: re.Match[str]) -> str:
    """ "1,5 Millionen" -> 1500000, "zwei Milliarden" -> 2000000000."""
    amount, scale = match.group(1), match.group(2).lower()
    if amount[:1].isdigit():
        if THOUSANDS.match(amount):
            return match.group(0)
        value = float(amount.replace(",", "."))
    else:
        lower = amount.lower()
        unit = _number_words().get(lower)
        value = unit[0] if unit and unit[1] == "unit" else number_word_value(lower)
        if value is None:
            return match.group(0)
    return str(round(value * _number_words()[scale][0]))


def _numbers(text: str) -> str:
    text = SPACED_THOUSANDS.sub(lambda match: re.sub(r"\D", "", match.group(0)), text)
    text = SCALE.sub(_scaled, text)

    def spelled(match: re.Match[str]) -> str:
        value = number_word_value(match.group(0))
        return match.group(0) if value is None else str(value)

    return NUMBER.sub(_number, WORD.sub(spelled, text))


def _number(match: re.Match[str]) -> str:
    value = match.group(0)
    if THOUSANDS.match(value):
        return value.replace(".", "")
    # A decimal comma (or point) becomes a letter, so that "2,0" stays one word.
    return value.replace(",", "d").replace(".", "d")


def _canonical_names(text: str) -> str:
    places = gazetteer()

    def replace(match: re.Match[str]) -> str:
        entry = places.lookup(match.group(0))
        if entry is None or entry.kind not in NAMED_KINDS:
            return match.group(0)
        # One term per name: "Wladimir Putin" must not count as two shared words.
        return "".join(WORD.findall(entry.name))

    return places.surface_pattern.sub(replace, text)


@cache
def _nationality_nouns() -> dict[str, str]:
    """Nationality nouns built from the gazetteer's adjective stems -> their state."""
    places = gazetteer()
    nouns: dict[str, str] = {}
    for stem, state in places.adjective_states:
        if not stem.endswith("isch"):
            continue
        base = stem[: -len("isch")]
        endings = (*NATIONALITY_ENDINGS, "") if base.endswith("er") else NATIONALITY_ENDINGS
        for ending in endings:
            noun = base[:1].upper() + base[1:] + ending
            if places.first_name_gender(noun) is None:
                nouns.setdefault(noun, state)
    return nouns


@lru_cache(maxsize=200_000)
def _state_of_adjective(word: str) -> str | None:
    return gazetteer().state_of_adjective(word) or _nationality_nouns().get(word)


def _states_of_adjectives(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        state = _state_of_adjective(word) if word[:1].isalpha() else None
        return state or word

    return WORD.sub(replace, text)


def _normalised(text: str) -> str:
    return _states_of_adjectives(_canonical_names(_numbers(text)))


def _content(text: str) -> frozenset[str]:
    ignored = ignored_terms()
    return frozenset(
        term for term in search_terms(text)
        if term not in ignored and len(term) <= MAX_TERM_LENGTH
    )


def claim_terms(text: str) -> frozenset[str]:
    """The content terms of a statement's message, as a set."""
    return _content(_normalised(text))


@lru_cache(maxsize=100_000)
def _name_terms(run: str) -> frozenset[str]:
    return _content(run)


def claim_terms_and_names(text: str) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """The content terms, and the groups of them that form one name of several words: sharing
    "Champions League" is sharing one name, not two words."""
    names = []
    # Runs are found in the text as written, before adjectives become states:
    # "nordkoreanische Soldaten" is two things, not the name "Nordkorea Soldaten".
    for run in CAPITALISED_RUN.finditer(text):
        if " " not in run.group(0) and "-" not in run.group(0):
            continue  # one word
        group = _name_terms(_normalised(run.group(0)))
        if len(group) >= 2:
            names.append(group)
    return _content(_normalised(text)), tuple(names)


def message_without(
    quote: str,
    quote_spans: Sequence[tuple[int, int]],
    holes: Iterable[tuple[int, int]],
) -> str:
    """The words of a message without the speaker and cue that stand inside it: "Der Zug hat
    laut Bahn Verspätung" makes the claim "Der Zug hat Verspätung", not one about the Bahn.

    `quote` is the message as stored (its spans' texts joined by one space, model.Part);
    `quote_spans` and `holes` are character spans of the article. A quote whose text does not
    fit its spans is returned as it is."""
    ordered = sorted(quote_spans)
    if sum(end - start for start, end in ordered) + len(ordered) - 1 != len(quote):
        return quote
    kept = spans_without(ordered, holes)
    if kept == tuple(ordered):
        return quote
    offsets = []  # where each quote span's text begins in `quote`
    offset = 0
    for start, end in ordered:
        offsets.append(offset - start)
        offset += end - start + 1
    starts = [start for start, _ in ordered]
    pieces = []
    for start, end in kept:
        shift = offsets[bisect_right(starts, start) - 1]
        pieces.append(quote[shift + start : shift + end].strip())
    return " ".join(piece for piece in pieces if piece)
