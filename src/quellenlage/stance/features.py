"""Features of one statement for the stance classifier (quellenlage.stance.classifier).

What a reader weighs: the cue (its lemma and its category in the speech-verb lexicon,
data/lexicons/speech_verbs.tsv, or as a noun or prepositional cue), a negation at the cue, the
modal verbs and the words of the message by class (data/stance/words.tsv: "müsse" demands,
"Falschmeldung" denies, "unklar" leaves open, "angeblich" is hearsay ...) and by phrase
(data/stance/phrases.tsv: "stimmt nicht", "muss sich zeigen"), the message's words themselves
(their first letters, for what no class lists), the statement's type, whether it
has a speaker, the rule's decision (quellenlage.stance.assign.stance_of), and its place among
the statements: whether an earlier statement of another source stands close before it (a
response answers one), and the rule's stance of the statement before (a continuation carries on
its speaker's stance).

Features are strings, as crfsuite wants them; every one is cheap to compute (set and dict
look-ups over the statement's tokens, a few regular expressions over its message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from quellenlage.attribution.lexicon import noun_cue, prepositional_cues, speech_verbs
from quellenlage.model import Attribution
from quellenlage.resources import read_table
from quellenlage.stance.cues import cue_lemma
from quellenlage.text import Document
from quellenlage.text.tokens import QUOTE_MARKS

CONTEXT_SENTENCES = 3  # how far back an earlier statement counts as close
WORD_PREFIX = 6  # the message's words are features by their first letters ("gefordert" -> geford)
MIN_WORD_LENGTH = 3  # shorter words (der, und, nie) say little as words of their own
MODAL_FORMS = {
    "muss": "müssen", "müsse": "müssen", "müssen": "müssen", "müsste": "müssen_k2",
    "müssten": "müssen_k2", "solle": "sollen_k1", "sollen": "sollen", "soll": "sollen",
    "sollte": "sollen_k2", "sollten": "sollen_k2", "könne": "können_k1", "können": "können",
    "kann": "können", "könnte": "können_k2", "könnten": "können_k2", "dürfe": "dürfen_k1",
    "darf": "dürfen", "dürfen": "dürfen", "dürfte": "dürfen_k2", "dürften": "dürfen_k2",
    "wolle": "wollen_k1", "will": "wollen", "wollen": "wollen", "würde": "werden_k2",
    "würden": "werden_k2",
}
REFERENCE_DEMONSTRATIVES = frozenset({"diese", "dieser", "diesen", "diesem", "solche",
                                      "solchen", "die", "den", "derartige", "jene"})
REPLY_CLASSES = frozenset({"negation", "deny", "not_confirm", "confirm", "first_person"})
PRONOUN_MESSAGES = frozenset({"das", "dies", "was", "dem", "es", "dieses", "darauf"})


@dataclass(frozen=True)
class WordClasses:
    exact: dict[str, tuple[str, ...]]
    prefixes: tuple[tuple[str, str], ...]  # (prefix, class)

    @cached_property
    def by_prefix(self) -> dict[str, tuple[tuple[int, str], ...]]:
        """Each prefix with its (rank, class) entries: a word's prefixes are looked up by length
        instead of trying every prefix of the lexicon against every new word."""
        index: dict[str, list[tuple[int, str]]] = {}
        for rank, (prefix, name) in enumerate(self.prefixes):
            index.setdefault(prefix, []).append((rank, name))
        return {prefix: tuple(entries) for prefix, entries in index.items()}

    @cached_property
    def prefix_lengths(self) -> tuple[int, ...]:
        return tuple(sorted({len(prefix) for prefix, _ in self.prefixes}))


@cache
def word_classes() -> WordClasses:
    exact: dict[str, list[str]] = {}
    prefixes: list[tuple[str, str]] = []
    for name, words in read_table("stance", "words.tsv"):
        for word in words.split("|"):
            if word.endswith("*"):
                prefixes.append((word[:-1], name))
            else:
                exact.setdefault(word, []).append(name)
    return WordClasses({w: tuple(c) for w, c in exact.items()}, tuple(prefixes))


@lru_cache(maxsize=50_000)
def classes_of(word: str) -> tuple[str, ...]:
    """The classes of a lower-case word: exact entries and the entries it starts with."""
    lexicon = word_classes()
    found = list(lexicon.exact.get(word, ()))
    matched = sorted(entry for length in lexicon.prefix_lengths if length <= len(word)
                     for entry in lexicon.by_prefix.get(word[:length], ()))
    found += [name for _, name in matched if name not in found]
    return tuple(found)


@cache
def phrase_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern a class: its phrases joined (a feature says that one of them occurs)."""
    by_class: dict[str, list[str]] = {}
    for name, pattern in read_table("stance", "phrases.tsv"):
        by_class.setdefault(name, []).append(pattern)
    return tuple((name, re.compile("|".join(f"(?:{p})" for p in patterns)))
                 for name, patterns in by_class.items())


@cache
def cue_categories() -> dict[str, str]:
    """Lemma -> category: the speech verbs, the noun cues and the prepositional cues."""
    categories = {verb.infinitive: verb.category for verb in speech_verbs()}
    for cue in prepositional_cues():
        categories.setdefault(cue, "preposition")
    return categories


def cue_category(lemma: str | None, cue_text: str) -> str:
    if lemma is not None and lemma in cue_categories():
        return cue_categories()[lemma]
    for word in cue_text.split():
        noun = noun_cue(word)
        if noun is not None:
            return noun.category
    return "unknown"


def _tokens_in(document: Document, spans: tuple[tuple[int, int], ...]) -> list[str]:
    words: list[str] = []
    tokens = document.tokens
    for start, end in spans:
        index = document.token_at(start)
        while index is not None and index < len(tokens) and tokens[index].start < end:
            text = tokens[index].text
            if text not in QUOTE_MARKS:
                words.append(text)
            index += 1
    return words


def _sentence(document: Document, offset: int) -> int:
    sentence = document.sentence_at(offset)
    return sentence.index if sentence is not None else len(document.sentences)


def statement_features(
    document: Document,
    attributions: list[Attribution],
    index: int,
    rule_stances: list[str],
    negated: bool,
) -> list[str]:
    """The features of statement `index`. `rule_stances`: the rule's stance of every statement;
    `negated`: whether a negation governs the statement's cue."""
    attribution = attributions[index]
    rule = rule_stances[index]
    features = ["bias", f"rule={rule}", f"type={attribution.type}"]
    cue = attribution.cue
    if cue is None:
        features.append("cue=none")
    else:
        lemma = cue_lemma(cue.text)
        category = cue_category(lemma, cue.text)
        features += [f"cat={category}", f"rule={rule}&cat={category}", f"cue={lemma}"]
        if negated:
            features += ["cue_negated", f"cat={category}&negated"]
    if attribution.speaker is None:
        features.append("no_speaker")
    if attribution.source is not None:
        features.append(f"kind={attribution.source.kind}")

    words = _tokens_in(document, attribution.quote.spans)
    lowered = [w.lower() for w in words]
    if len(lowered) <= 2:
        features.append("short")
        if len(lowered) == 1 and lowered[0] in PRONOUN_MESSAGES:
            features.append("pronoun_message")
    elif len(lowered) > 12:
        features.append("long")
    classes: set[str] = set()
    for position, word in enumerate(lowered):
        classes.update(classes_of(word))
        modal = MODAL_FORMS.get(word)
        if modal is not None:
            features.append(f"modal={modal}")
        if (position > 0 and lowered[position - 1] in REFERENCE_DEMONSTRATIVES
                and "reference" in classes_of(word)):
            features.append("names_earlier_claim")
    # the message's words, cut to a stem-like prefix: what no class lists ("bewahren", "gestoppt")
    features += sorted({f"w={w[:WORD_PREFIX]}" for w in lowered
                        if w.isalpha() and len(w) > MIN_WORD_LENGTH})
    negation = "negation" in classes
    features += [f"c={name}" for name in sorted(classes)]
    if negation:
        features += [f"c={name}&negation" for name in sorted(classes) if name != "negation"]
    message = attribution.quote.text.lower()
    for name, pattern in phrase_patterns():
        if pattern.search(message):
            features.append(f"p={name}")
    if words and words[0][:1].isupper() and attribution.type.value != "Direct":
        features.append("starts_upper")
    context = _context_features(document, attributions, index, rule_stances)
    if "other_source_before" in context:  # a reply: what it says about the claim before it
        features += [f"reply&c={name}" for name in sorted(classes & REPLY_CLASSES)]
    return features + context


def _context_features(document: Document, attributions: list[Attribution], index: int,
                      rule_stances: list[str]) -> list[str]:
    attribution = attributions[index]
    if index == 0:
        return ["first"]
    features = []
    previous = attributions[index - 1]
    own = attribution.source.name if attribution.source is not None else None
    same = previous.source is not None and previous.source.name == own
    features.append(f"prev={rule_stances[index - 1]}&{'same' if same else 'other'}")
    here = _sentence(document, attribution.quote.start)
    for earlier in range(index - 1, -1, -1):
        other = attributions[earlier]
        if here - _sentence(document, other.quote.start) > CONTEXT_SENTENCES:
            break
        if other.source is None or other.source.name != own:
            features.append("other_source_before")
            break
    return features
