"""The content terms of a statement: what two messages must share to make the same claim.

Terms are the archive's search terms (`text_search.search_terms`: lower case, Snowball German
stems, no stop words) after three normalisations that matter for claims in German news:

- names of states, their capitals, seats of government and nationality adjectives become the
  state ("Moskau", "Kreml", "russische" -> Russland), and known organisations and people their
  canonical name (data/gazetteer/), so "nordkoreanische Soldaten" meets "Soldaten aus Nordkorea";
- numbers keep their digits together ("10.000" -> 10000, "2,0" -> 2d0), so a figure is one term;
- words that say how a claim is treated rather than what it says are dropped: stance cues
  ("bestreiten", "bestätigt"), response nouns ("Berichte", "Angaben"), hearsay words
  ("angeblich") (data/stance/) and closed-class words such as auxiliaries and adverbs
  (data/lexicons/function_words.tsv). A denial and the claim it denies thus share their terms.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from quellenlage.archive.text_search import WORD, search_terms
from quellenlage.resources import read_table
from quellenlage.sources.gazetteer import gazetteer
from quellenlage.stance.cues import stance_lexicon

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
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


@lru_cache(maxsize=200_000)
def _state_of_adjective(word: str) -> str | None:
    return gazetteer().state_of_adjective(word)


def _states_of_adjectives(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        state = _state_of_adjective(word) if word[:1].isalpha() else None
        return state or word

    return WORD.sub(replace, text)


def _normalised(text: str) -> str:
    return _states_of_adjectives(_canonical_names(NUMBER.sub(_number, text)))


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
    normalised = _normalised(text)
    names = []
    for run in CAPITALISED_RUN.finditer(normalised):
        if " " not in run.group(0) and "-" not in run.group(0):
            continue  # one word
        group = _name_terms(run.group(0))
        if len(group) >= 2:
            names.append(group)
    return _content(normalised), tuple(names)
