"""The stance lexicon: which cue lemmas deny, confirm, demand ... and how to find a lemma.

The extraction lexicon (quellenlage.attribution.lexicon.cue_lemma) names a cue's lemma where it is
available; until then, and for cues it does not know, the word forms in data/stance/cues.tsv
identify the lemma.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from quellenlage.attribution.lexicon import readings as speech_verb_readings
from quellenlage.resources import read_json, read_table

try:  # the extraction engine's lexicon, where it exists
    from quellenlage.attribution.lexicon import cue_lemma as _engine_cue_lemma
    from quellenlage.attribution.lexicon import speech_verbs as _engine_speech_verbs
except ImportError:  # pragma: no cover - depends on the engine's progress
    _engine_cue_lemma = _engine_speech_verbs = None

engine_cue_lemma: Callable[[str], str | None] | None = _engine_cue_lemma
engine_speech_verbs = _engine_speech_verbs


# lemmas that carry no stance of their own: the stance lexicon reads the verb beside them
_AUXILIARIES = frozenset({"haben", "sein", "werden"})
# an engine lemma that is one verb ("betonen"), not a prepositional cue ("demnach", "laut")
ENGINE_VERB = re.compile(r"[a-zäöüß]+(?:en|ern|eln)")


@dataclass(frozen=True)
class StanceLexicon:
    stance_of_lemma: dict[str, str]
    forms: tuple[tuple[str, tuple[str, ...]], ...]  # (lemma, words that must all occur)
    rules: dict[str, Any]


@cache
def stance_lexicon() -> StanceLexicon:
    stance_of_lemma: dict[str, str] = {}
    forms: list[tuple[str, tuple[str, ...]]] = []
    for lemma, stance, surfaces in read_table("stance", "cues.tsv"):
        stance_of_lemma[lemma] = stance
        for surface in surfaces.split("|"):
            forms.append((lemma, tuple(word.lower() for word in surface.split("+"))))
    # Split forms ("wies+zurück") before single words, longer before shorter.
    forms.sort(key=lambda item: (-len(item[1]), -sum(len(w) for w in item[1])))
    return StanceLexicon(stance_of_lemma, tuple(forms), read_json("stance", "rules.json"))


@cache
def word_set(key: str) -> frozenset[str]:
    """A list of words of rules.json as a set: "determiners", "let_know", "report_cues" ..."""
    return frozenset(stance_lexicon().rules[key])


@cache
def _forms_by_word() -> dict[str, tuple[tuple[int, str, tuple[str, ...]], ...]]:
    """For each word of a form, the forms that contain it, in the lexicon's order."""
    index: dict[str, list[tuple[int, str, tuple[str, ...]]]] = {}
    for rank, (lemma, required) in enumerate(stance_lexicon().forms):
        for word in required:
            index.setdefault(word, []).append((rank, lemma, required))
    return {word: tuple(forms) for word, forms in index.items()}


@cache
def _category_stances() -> dict[str, str]:
    """Speech verbs of the extraction lexicon (data/lexicons/speech_verbs.tsv) whose category is
    a stance (rules.json, category_stance): "ablehnen" (deny), "empfehlen" (demand) ..."""
    if engine_speech_verbs is None:  # pragma: no cover - depends on the engine's progress
        return {}
    by_category = stance_lexicon().rules["category_stance"]
    return {verb.infinitive: by_category[verb.category] for verb in engine_speech_verbs()
            if verb.category in by_category}


def lemma_stance(lemma: str | None, cue_text: str) -> str | None:
    """The stance a cue's lemma gives: data/stance/cues.tsv, else the stance of its category in
    the speech-verb lexicon, else None (the cue only reports). A lemma of several words counts
    by its category only where the cue holds them ("stellte infrage", not "stellte")."""
    if lemma is None:
        return None
    stance = stance_lexicon().stance_of_lemma.get(lemma)
    if stance is not None:
        return stance
    words = cue_text.lower().split()
    if any(word not in words for word in lemma.split()[:-1]):
        return None
    return _category_stances().get(lemma)


def lexicon_form(cue_text: str) -> tuple[str, tuple[str, ...]] | None:
    """The stance lexicon's (lemma, form words) that a cue's words hold, longest form first."""
    words = {word.strip(".,;:!?„“\"»«").lower() for word in cue_text.split()}
    by_word = _forms_by_word()
    candidates = sorted({form for word in words for form in by_word.get(word, ())})
    for _, lemma, required in candidates:
        if all(word in words for word in required):
            return lemma, required
    return None


def lexicon_lemma(cue_text: str) -> str | None:
    """The lemma of a cue from the word forms of the stance lexicon."""
    form = lexicon_form(cue_text)
    return form[0] if form else None


def verb_lemma(word: str, clause: Sequence[str]) -> str | None:
    """The lemma of `word` read as the verb of a clause whose lower-case words are `clause`:
    with its separable particle or the other words of its form where the clause holds them
    ("wies" with "zurück" -> zurückweisen, "stellte" with "infrage" -> infrage stellen)."""
    word = word.lower()
    present = set(clause)
    others: list[str] = []
    for reading in speech_verb_readings(word):
        verb = reading.verb
        needed = [verb.particle] if reading.needs_particle and verb.particle else []
        others += [w for w in (*needed, *verb.infinitive.split()[:-1])
                   if w in present and w not in others]
    for _, _, required in _forms_by_word().get(word, ()):
        if all(w in present for w in required):
            others += [w for w in required if w != word and w not in others]
    return cue_lemma(" ".join([word, *others]))


@lru_cache(maxsize=20_000)
def cue_lemma(cue_text: str) -> str | None:
    """The lemma of a cue. A split form of the stance lexicon ("stellte ... in Abrede") is the
    most specific reading; otherwise the engine's answer where it has one (it reads the cue's
    verb, while a word form here may be an attributive participle: "betont in dem als echt
    bestätigten Schreiben" is no confirmation), else the stance lexicon's word form."""
    form = lexicon_form(cue_text)
    if form is not None and len(form[1]) > 1:
        return form[0]
    if engine_cue_lemma is not None:
        try:
            lemma = engine_cue_lemma(cue_text)
        except Exception:  # the engine's lexicon is still being written: never fail on it
            lemma = None
        if lemma is not None and (form is None or (
                ENGINE_VERB.fullmatch(lemma) and lemma not in _AUXILIARIES)):
            return lemma
    return form[0] if form else None
