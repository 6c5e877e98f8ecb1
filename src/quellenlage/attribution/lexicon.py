"""The German lexicons of the rule engine, read from data/lexicons/ once.

Verb forms are built from the infinitive by the rules of German conjugation (weak verbs) or from
three principal parts given in the data (strong and mixed verbs), so a linguist adds a verb with
one line and every finite form, participle and Konjunktiv I form is found.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from quellenlage.resources import read_lines, read_table

INSEPARABLE_PREFIXES = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "wider", "hinter",
                        "unter", "über")
VOWELS = set("aeiouäöüy")


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    infinitive: str
    particle: str | None
    category: str
    medium: str
    takes_complement: bool
    # "act": the verb counts only as a speech act told without its words (reported_acts.tsv),
    # never as the cue of a message nor as the speaker of what follows ("sieht keine Gefahr")
    act_only: bool = False


@dataclass(frozen=True, slots=True)
class VerbForm:
    """A surface form of a speech verb; `needs_particle`: its particle stands apart."""

    verb: SpeechVerb
    needs_particle: bool
    participle: bool


@dataclass(frozen=True, slots=True)
class NounCue:
    lemma: str
    category: str
    medium: str


@dataclass(frozen=True, slots=True)
class PrepositionalCue:
    cue: str
    position: str  # before | after | alone
    needs_noun: bool
    medium: str


def _base(verb: SpeechVerb) -> str:
    """The verb without its separable particle: zurückweisen -> weisen, bekannt geben -> geben."""
    words = verb.infinitive.split()
    if len(words) > 1:
        return words[-1]
    if verb.particle and verb.infinitive.startswith(verb.particle):
        return verb.infinitive[len(verb.particle):]
    return verb.infinitive


def _stem(base: str) -> str:
    if base.endswith(("eln", "ern")):
        return base[:-1]
    return base[:-2] if base.endswith("en") else base[:-1]


def _needs_e(stem: str) -> bool:
    """Weak stems ending in -t, -d or a consonant plus m/n take -et, -ete: berichtet, entgegnete,
    bezeichnete (ch is a consonant; a silent h after a vowel is not: lehnte)."""
    if stem.endswith(("t", "d")):
        return True
    if stem.endswith(("chn", "chm")):
        return True
    return len(stem) > 2 and stem[-1] in "mn" and stem[-2] not in VOWELS | set("lrmnh")


def _participle_prefix(base: str) -> str:
    if base.endswith("ieren") or base.startswith(INSEPARABLE_PREFIXES):
        return ""
    return "ge"


def conjugate(verb: SpeechVerb, strong: str | None) -> tuple[set[str], set[str]]:
    """(finite forms, participles) of the verb without its particle."""
    base = _base(verb)
    stem = _stem(base)
    konjunktiv = stem + "e"
    if strong:
        present, preterite, participle = strong.split("|")
        preterite_plural = preterite + ("n" if preterite.endswith("e") else "en")
        finite = {present, base, preterite, preterite_plural, konjunktiv, stem + "en"}
        return finite, {participle}
    e = "e" if _needs_e(stem) else ""
    finite = {stem + e + "t", base, stem + e + "te", stem + e + "ten", konjunktiv}
    return finite, {_participle_prefix(base) + stem + e + "t"}


@cache
def speech_verbs() -> tuple[SpeechVerb, ...]:
    return tuple(entry for entry, _ in _verb_rows())


@cache
def _verb_rows() -> tuple[tuple[SpeechVerb, str | None], ...]:
    rows = []
    for infinitive, particle, category, medium, strong, complement in read_table(
        "lexicons", "speech_verbs.tsv"
    ):
        verb = SpeechVerb(
            infinitive=infinitive,
            particle=None if particle == "-" else particle,
            category=category,
            medium=medium,
            takes_complement=complement == "yes",
            act_only=complement == "act",
        )
        rows.append((verb, None if strong == "-" else strong))
    return tuple(rows)


@cache
def verb_forms() -> dict[str, tuple[VerbForm, ...]]:
    """Every surface form of every speech verb -> the readings it can have."""
    forms: dict[str, list[VerbForm]] = {}

    def add(form: str, reading: VerbForm) -> None:
        forms.setdefault(form.lower(), []).append(reading)

    for verb, strong in _verb_rows():
        finite, participles = conjugate(verb, strong)
        particle = verb.particle
        for form in finite:
            add(form, VerbForm(verb, needs_particle=particle is not None, participle=False))
            if particle and " " not in verb.infinitive:
                add(particle + form, VerbForm(verb, needs_particle=False, participle=False))
        for form in participles:
            if particle and " " not in verb.infinitive:
                prefix = particle
                add(prefix + form, VerbForm(verb, needs_particle=False, participle=True))
                add(particle + "zu" + _base(verb), VerbForm(verb, False, participle=True))
            else:
                add(form, VerbForm(verb, needs_particle=particle is not None, participle=True))
    return {form: tuple(readings) for form, readings in forms.items()}


def readings(word: str) -> tuple[VerbForm, ...]:
    return verb_forms().get(word.lower(), ())


@cache
def noun_cues() -> dict[str, NounCue]:
    table: dict[str, NounCue] = {}
    for forms, category, medium in read_table("lexicons", "noun_cues.tsv"):
        variants = forms.split(",")
        for form in variants:
            table.setdefault(form, NounCue(variants[0], category, medium))
    return table


COMPOUND_HEAD_MIN = 6


@lru_cache(maxsize=100_000)  # asked of every capitalised word; the compound search is the cost
def noun_cue(word: str) -> NounCue | None:
    """The noun cue of `word`, also as the head of a compound: "Unternehmensangaben" -> Angaben."""
    table = noun_cues()
    if word in table:
        return table[word]
    if len(word) <= COMPOUND_HEAD_MIN or not word[:1].isupper():
        return None
    for split in range(2, len(word) - COMPOUND_HEAD_MIN + 1):
        head = word[split].upper() + word[split + 1 :]
        if head in table:
            return table[head]
    return None


@cache
def prepositional_cues() -> dict[str, PrepositionalCue]:
    return {
        cue: PrepositionalCue(cue, position, nouns == "noun", medium)
        for cue, position, nouns, medium in read_table("lexicons", "prepositional_cues.tsv")
    }


@cache
def collocation_cues() -> dict[tuple[str, ...], str]:
    return {tuple(pattern.split()): medium
            for pattern, medium in read_table("lexicons", "collocation_cues.tsv")}


@cache
def function_words() -> dict[str, str]:
    table: dict[str, str] = {}
    for word, word_class in read_table("lexicons", "function_words.tsv"):
        table.setdefault(word, word_class)
    return table


@cache
def subjunctive_forms() -> frozenset[str]:
    """Konjunktiv I/II forms that mark reported speech, with those of the speech verbs."""
    forms = set(read_lines("lexicons", "subjunctive.txt"))
    forms.update(read_lines("lexicons", "subjunctive_forms.txt"))
    for verb, _ in _verb_rows():
        stem = _stem(_base(verb))
        if verb.particle is None and len(stem) > 2:
            forms.add(stem + "e")
    return frozenset(forms)


@cache
def subjunctive_homographs() -> frozenset[str]:
    """Konjunktiv I forms that are also adjectives ("reiche", "weise"): a subjunctive only as
    the finite verb after its subject (rules._finite_homograph)."""
    return frozenset(read_lines("lexicons", "subjunctive_homographs.txt"))


@cache
def reportative_modals() -> frozenset[str]:
    return frozenset(read_lines("lexicons", "reportative.txt"))


def cue_lemma(cue_text: str) -> str | None:
    """The lexicon lemma of a cue's text: "wies zurück" -> "zurückweisen", "laut" -> "laut"."""
    words = cue_text.lower().split()
    if not words:
        return None
    for word in words:
        if word in prepositional_cues():
            return word
    particles = set(words)
    joined = "".join(words)  # "in Frage" as well as "infrage"
    for word in words:
        for reading in readings(word):
            verb = reading.verb
            particle = verb.particle
            if verb.act_only:
                continue  # "sieht keine Gefahr": an act told without its words, no cue
            if (not reading.needs_particle or (particle and particle in particles)) and all(
                # the other words of a verb of several ("infrage stellen"): "stellte" alone is
                # no cue of it
                other in joined for other in verb.infinitive.split()[:-1]
            ):
                return verb.infinitive
    if words[0] in ("heißt", "hieß", "hiess") or words[-1] in ("heißt", "hieß"):
        return "heißen"
    for word in cue_text.split():
        noun = noun_cue(word)
        if noun is not None:
            return noun.lemma
    return None


@dataclass(frozen=True, slots=True)
class AddresseeCues:
    """How verbs of saying name whom they address (data/lexicons/addressee_cues.tsv)."""

    verb_case: dict[str, str]  # infinitive -> dative | accusative
    pronoun_cases: dict[str, frozenset[str]]  # object pronoun -> its cases
    # preposition -> (verb categories it needs, nouns it must follow); "any" addresses always
    prepositions: dict[str, tuple[frozenset[str], frozenset[str]]]


@cache
def addressee_cues() -> AddresseeCues:
    verb_case: dict[str, str] = {}
    pronouns: dict[str, set[str]] = {}
    prepositions: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for word, kind, condition in read_table("lexicons", "addressee_cues.tsv"):
        if kind in ("dative", "accusative"):
            verb_case[word] = kind
        elif kind.startswith("pronoun-"):
            pronouns.setdefault(word, set()).add(kind.removeprefix("pronoun-"))
        elif kind == "preposition":
            items = condition.split(",")
            categories = frozenset(item for item in items if item.islower())
            nouns = frozenset(item for item in items if not item.islower())
            prepositions[word] = (categories, nouns)
    return AddresseeCues(
        verb_case, {word: frozenset(cases) for word, cases in pronouns.items()}, prepositions
    )


@cache
def reported_acts() -> dict[str, frozenset[str]]:
    """Categories and verbs whose statements count without their words -> the prepositions one
    of which must stand in the verb's clause (empty: none needed)."""
    return {
        cue: frozenset() if prepositions == "-" else frozenset(prepositions.split(","))
        for cue, prepositions in read_table("lexicons", "reported_acts.tsv")
    }


@cache
def cue_exclusions() -> dict[str, frozenset[str]]:
    """Verbs of saying -> words that, in the verb's clause, make it mean something else."""
    return {
        infinitive: frozenset(words.split(","))
        for infinitive, words in read_table("lexicons", "cue_exclusions.tsv")
    }


NUMERAL_KINDS = frozenset({"unit", "teen", "ten", "hundred", "thousand"})


@cache
def cardinal_words() -> frozenset[str]:
    """Number words that count a noun ("zwei Radiosender", "zwölf Ärzte"), articles aside."""
    return frozenset(word for word, _, kind in read_table("lexicons", "number_words.tsv")
                     if kind in NUMERAL_KINDS and not word.startswith("ein"))


@cache
def agent_verbs() -> frozenset[str]:
    """Verbs that tell a speech act only with a person or a body as subject ("Der Minister
    drohte mit Rücktritt", not "Dem Verein droht der Abstieg")."""
    return frozenset(read_lines("lexicons", "agent_verbs.txt"))


@cache
def common_noun_endings() -> tuple[str, ...]:
    """Endings of capitalised words that are common nouns, not names ("Neuwahlen",
    "Untätigkeit")."""
    return tuple(read_lines("lexicons", "common_noun_endings.txt"))


@cache
def passive_speakers() -> frozenset[str]:
    """Verbs whose passive subject is the speaker ("wird zitiert"); in the passive of all
    others the subject is what was said or whom it concerns."""
    return frozenset(read_lines("lexicons", "passive_speakers.txt"))


@cache
def fronted_objects() -> frozenset[str]:
    """Nouns that, without an article before a verb of saying, are its object: the speaker
    follows the verb ("Scharfe Kritik übte die Gewerkschaft: ...")."""
    return frozenset(read_lines("lexicons", "fronted_objects.txt"))


@cache
def colon_connectives() -> frozenset[tuple[str, ...]]:
    """Connectives that, with a colon, open a sentence continuing the speaker before it
    ("Und: ...", "Aber auch: ..."), as word tuples."""
    lines = read_lines("lexicons", "colon_connectives.txt")
    return frozenset(tuple(line.split()) for line in lines)


@cache
def view_predicates() -> frozenset[str]:
    """Predicates of "Für X ist klar, dass ...": X's view (rules._for_view)."""
    return frozenset(read_lines("lexicons", "view_predicates.txt"))


@cache
def source_prepositions() -> dict[str, str]:
    """Verbs whose source stands in a prepositional phrase ("geht aus X hervor") -> preposition."""
    return dict(read_table("lexicons", "source_prepositions.tsv"))
