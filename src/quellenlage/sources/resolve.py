"""From speaker spans to sources: resolution of names, pronouns and role nouns across an article.

The article is scanned once for named mentions (gazetteer names, first name + surname, role +
name, "die Polizei"); they and the speaker spans, taken in text order, are linked into entities
(a surname alone joins the person first named in full). A pronoun then takes the nearest
plausible antecedent that agrees with it (er: a man or a masculine noun; sie: a woman, a feminine
noun or a plural; es: a neuter noun), with a bonus for earlier speakers and sentence subjects;
a definite role noun ("der ukrainische Präsident", "die Ministerin") takes the nearest person of
its gender whose role fits (or one of the same office, role_groups.txt: "der Staatschef" for
"Präsident Moreno"); a profession noun ("so der Wissenschafter") may also take a quoted person
described by a role that is no office. A span that names nothing able to speak ("Ein Überblick",
"die Runde", "Demnach", "wir") gives no source, unless a person is named inside it ("Nobel
laureate Jane Doe says"); "ich"/"wir" in an interview answer is the labelled interviewee. An
attribution without a speaker carries the source of the statement just before it ("Er sagte, ... .
Die Lage sei ernst."), unless the subject of its cue verb is named ("..., grinst Huber").

A definite description ("die Behörde", "das Ministerium", "das Blatt") takes the organisation or
outlet named before with that noun ("Sozialministerium", "die Gewerkschaft GPA-djp") or, for a
general noun, any named one nearby that no other noun describes; a reference ("Demnach", "den
Angaben zufolge", "die Studie", "dem Zeitungsbericht") takes the source of the statement before
or the author named before ("demnach" with no statement just before: the source named just
before it); a dateline ("WIEN (APA) -", "Peking:") is no speaker; an unnamed person whose role
noun finds no holder is anonymous.

A person named in full once is named by the surname alone elsewhere, before or after, in any
transliteration (name_key: Podoljak ~ Podolyak); such words are mentions too, which pronouns and
role nouns find. A speaker span that names nothing ("Der Ballon", "die Zahl") is treated as no
speaker span: the source is named in the cue ("Medienberichten zufolge") or beside an impersonal
one ("Vom Ministerium hieß es", "hieß es in einer Mitteilung der Polizei"), is the subject of the
cue verb (named after it, or the phrase that opens its clause), or goes on from the statement
before. Spans the extractor cut wrongly are read again: a possessor alone ("Mitterlehners" of
"Mitterlehners früherer Chef, X") stands for the person possessed, an outlet in the dative right
after the verb ("sagte der Agentur AFP") is spoken to, an adverb before the verb ("Darin
versprechen X und Y") gives way to the subject after it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate

from quellenlage.model import Attribution, Part, Source
from quellenlage.resources import read_lines
from quellenlage.sources.gazetteer import Gazetteer, gazetteer
from quellenlage.sources.mentions import (
    ARABIC_ARTICLE,
    DEFINITE,
    GENDER_OF_NATURAL,
    INDEFINITE,
    NEUTER,
    POSSESSIVE,
    Mention,
    _complement_end,
    _from_entry,
    _is_acronym,
    _is_adjective_form,
    is_time_noun,
    list_names,
    parse_mention,
    span_tokens,
)
from quellenlage.sources.phrases import strong
from quellenlage.text import Document
from quellenlage.text.interview import ANSWER_LABELS, INTERVIEW_LABEL, INTERVIEWER_LABELS
from quellenlage.text.tagger import default_tagger
from quellenlage.text.tokens import QUOTE_MARKS

PRONOUN_WINDOW = 8  # sentences back that a pronoun may reach
ROLE_WINDOW = 30  # sentences back that a role noun may reach
CARRY_WINDOW = 2  # sentences between a statement and a speakerless continuation
DESCRIPTION_WINDOW = 8  # sentences back that "die Organisation" may reach for any organisation
REFERENCE_WINDOW = 3  # sentences back that "Demnach", "den Angaben zufolge" may reach
DOCUMENT_WINDOW = 8  # sentences back to the author of "die Studie"
AUTHORS = {"document": {"organisation", "media"}, "media_reports": {"media"}}
PARTY_WEIGHT = 2.0  # a role noun of the same party as a person named before ("der SPD-Mann")
LAST_SPEAKER_BONUS = 1.0  # "er" after a statement: its speaker first
IN_QUOTE_PENALTY = 2.0  # a name inside what someone said is seldom the next "er"
# the highest score of an antecedent in the same sentence (see _best_antecedent)
BEST_ANTECEDENT_SCORE = 1.0 + 1.5 + LAST_SPEAKER_BONUS + 1.0 + 2.0
# "Präsident A empfing seinen Amtskollegen B. Der Staatschef sagte ...": of two who hold the
# office, the subject of the sentence just before
SUBJECT_TIE_WEIGHT = 0.5
FOCUS_WEIGHT = 2.0  # "X wollte ... . ..., sagte der 55-Jährige": the subject just before
SALIENCE_WEIGHT, SALIENCE_CAP = 0.3, 8  # mentions that make a protagonist of a person
# "WIEN (APA) -", "Berlin – ", "Brüssel/Wien – ": a dateline opens the article's text
DATELINE = re.compile(
    r"(?:^|(?<=[.!?…])\s+|\n)((?:[A-ZÄÖÜ][\w.]*(?:[ /-](?=[A-ZÄÖÜ]))?){1,4})"
    r"(?:\s*\([^()\n]{1,30}\))?\s+[–—-]\s"
)
ABBREVIATION = re.compile(r"\s*\(([^()\s]{2,12})\)")  # "(G29)" right after a name
DATELINE_REACH = 600  # characters from the start of the text where a dateline may stand
GOVERNING_WORDS = frozenset({"dem", "einem", "den", "des", "eines", "mit", "von", "vom", "für",
                             "gegen", "bei", "beim", "nach", "laut", "zu", "zum", "zur", "an",
                             "am", "auf", "über", "unter", "aus", "ohne", "um", "gegenüber"})
INVERTED_SUBJECT_WORDS = 5  # words from a cue verb to the name of its subject: "sagt die in
# Linz tätige Forscherin Eva Berger"
SENTENCE_OPENERS = frozenset('.!?:;"“”„«»–-')  # what may stand before a sentence's first word
INNER_NAME_REACH = 4  # tokens into a span that names nothing where a person's name may start
FIRST_PERSON = frozenset({"ich", "wir"})
# "man" in reported speech ("Man habe nichts gewusst") is the speaker's side as well
GOING_ON = FIRST_PERSON | {"man"}
# An interview's speaker labels: "Frage: ...", "Antwort: ...", "STANDARD: ...", "Berger: ..."
WORD_RUN = re.compile(r"\w+")
WORD_CHAR = re.compile(r"\w")
ADDRESSED = re.compile(r"Frage:\s+(?:Herr|Frau)\s+([A-ZÄÖÜ][\w-]+)")
APPOSITION_REACH = 4  # tokens of a role's phrase between a speaker span and ", Vorname Name"
APPOSITION_LINKS = frozenset({"des", "der", "in", "im", "von", "vom", "für", "aus", "am"})
APPOSITION_ENDS = frozenset({".", ",", "(", ":", ";", "!", "?"})  # after "Maria Berger"
INTERVIEW_REACH = 2000  # characters back to the label of the answer a statement is in
RELATIVE_PRONOUNS = frozenset({"der", "die", "das"})  # after a comma: "Meier, die ..."
RELATIVE_PREPOSITIONS = frozenset({"laut", "nach", "von", "bei", "gegenüber"})  # "Roth, laut der"
# adverbs that point back to a source ("demnach"), not only to the statement before ("zudem",
# "wörtlich")
POINTING_ADVERBS = frozenset({"demnach", "demzufolge"})
# auxiliaries in Konjunktiv: a clause of reported speech, whose subject is what is reported
REPORTED_AUXILIARIES = frozenset({"sei", "seien", "wäre", "wären", "würde", "würden"})
WRAPPED_PHRASE_TOKENS = 10  # "Angaben des von der Miliz kontrollierten Ministeriums"
SUBJECT_PHRASE_TOKENS = 10  # the longest phrase before a verb read as its subject
ADDRESSEE_ARTICLES = frozenset({"der", "dem", "einem", "einer"})  # "sagte der Agentur"
EMPLOYER_ARTICLES = frozenset({"des", "der"})  # "Sprecher des Gremiums", "der Behörde"
CUE_PREPOSITIONS = frozenset({"laut", "nach", "zufolge", "gemäß", "so", "wie"})
SOURCE_KINDS = frozenset({"organisation", "media", "state", "person", "collective"})
NOMINATIVE_OPENERS = frozenset({"der", "er", "sie", "ich", "wir", "man"})
# prepositions that name the source beside an impersonal cue: "Aus dem Ministerium hieß es"
SOURCE_PREPOSITIONS = frozenset({"von", "vom", "aus", "bei", "beim", "seitens", "vonseiten"})
PLACE_PREPOSITIONS = frozenset({"in", "im"})  # a source only as an organisation or a document
CLAUSE_END = frozenset({",", ".", ";", ":", "!", "?", "(", ")", "–", "-", *QUOTE_MARKS})
IMPERSONAL_CUE_WORDS = frozenset({"es", "wurde", "wird", "wurden", "werden", "worden"})
IMPERSONAL_VERBS = frozenset({"hieß", "heißt", "hiess", "heisst", "wurde", "wird", "wurden",
                              "werden", "war", "ist", "sei", "hatte", "hat"})


@dataclass
class Entity:
    """One source in the article, with every mention that refers to it."""

    name: str
    kind: str
    gender: str | None = None
    agreement: str | None = None
    role: str | None = None
    role_lemma: str | None = None
    state: str | None = None
    party: frozenset[str] | None = None
    surname: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    spoke: bool = False
    heads: set[str] = field(default_factory=set)  # nouns it was named by: "gewerkschaft"
    described: bool = False  # named only by a noun ("die Behörde"): no antecedent for "any"

    def to_source(self) -> Source:
        spans = sorted({(m.start, m.end) for m in self.mentions if m.end > m.start},
                       key=lambda span: (span[0], -span[1]))
        outer: list[tuple[int, int]] = []
        for span in spans:  # "Nato-Generalsekretär Mark Rutte" covers "Mark Rutte"
            if not outer or span[1] > outer[-1][1]:
                outer.append(span)
        spans = outer
        return Source(name=self.name, kind=self.kind, role=self.role, gender=self.gender,
                      mentions=tuple(spans))


@dataclass
class _Candidate:
    mention: Mention
    entity: Entity


def _candidate_start(candidate: _Candidate) -> int:
    return candidate.mention.start


class ArticleSources:
    """The entities of one article and the resolution of speaker spans against them."""

    def __init__(self, document: Document, gaz: Gazetteer | None = None) -> None:
        self.document = document
        self.gaz = gaz or gazetteer()
        self.sentence_starts = [s.start for s in document.sentences]
        self.entities: list[Entity] = []
        self.by_key: dict[tuple[str, str], Entity] = {}
        self.by_prefix: dict[str, Entity] = {}  # "BAT" -> "BAT-Stiftung für Zukunftsfragen"
        self.abbreviations: dict[str, Entity] = {}  # "G29" -> "Artikel-29-Datenschutzgruppe"
        self.candidates: list[_Candidate] = []
        self.datelines = _datelines(document.text)
        self.quotes: list[tuple[int, int]] = []  # what the statements say, in text order
        self.last_speaker: Entity | None = None
        # the last person entity with each surname (without diacritics), and its place in
        # self.entities: a scan of all entities per lookup would make long texts quadratic
        self._by_surname_index: dict[str, tuple[int, Entity]] = {}
        self._word_starts: dict[str, list[int]] | None = None  # see _occurs_inside_sentence
        self._inside_sentence: dict[str, bool] = {}
        self._addressed: list[re.Match[str] | None] = []  # ADDRESSED in the text, looked up once
        self._quote_end_max: list[int] | None = None  # see _overlaps_quote
        for mention in scan_mentions(document, self.gaz):
            if self._in_dateline(mention.start, mention.end):
                continue  # "Wiener Neustadt – Der Trainer ...": a place, no candidate
            mention.sentence = self.sentence_of(mention.start)
            entity = None
            if mention.descriptive and mention.definite:
                entity = self._description_antecedent(mention)  # "die Behörde" -> "Belga"
            entity = entity or self._link_named(mention)
            if entity is not None:
                self._add(mention, entity)
                if entity.kind in {"organisation", "media"}:
                    self._note_abbreviation(mention, entity)
        self._scan_surnames()

    # -- positions -------------------------------------------------------------------------
    def _overlaps_quote(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps what a statement says. The quotes are sorted by start;
        the running maximum of their ends answers by bisection: a scan of all quotes for every
        statement would make long texts quadratic."""
        if self._quote_end_max is None or len(self._quote_end_max) != len(self.quotes):
            self._quote_end_max = list(accumulate((b for _, b in self.quotes), max))
        before_end = bisect_left(self.quotes, (end,))  # the quotes that start before `end`
        return before_end > 0 and self._quote_end_max[before_end - 1] > start

    def sentence_of(self, offset: int) -> int:
        low, high = 0, len(self.sentence_starts)
        while low < high:
            middle = (low + high) // 2
            if self.sentence_starts[middle] <= offset:
                low = middle + 1
            else:
                high = middle
        return max(0, low - 1)

    def _add(self, mention: Mention, entity: Entity) -> None:
        mention.sentence = self.sentence_of(mention.start)
        entity.mentions.append(mention)
        # kept in text order, so that a search for antecedents looks only at a window
        insort(self.candidates, _Candidate(mention, entity), key=_candidate_start)

    def _earlier(self, mention: Mention, window: int | None) -> range:
        """Positions in self.candidates of the mentions before `mention` within `window`
        sentences (all of them when None): long texts must not make resolution quadratic."""
        high = bisect_left(self.candidates, mention.start, key=_candidate_start)
        low = 0
        if window is not None:
            first = self.sentence_starts[max(0, mention.sentence - window)] if (
                self.sentence_starts) else 0
            low = bisect_left(self.candidates, first, key=_candidate_start)
        return range(low, high)

    # -- linking named mentions --------------------------------------------------------------
    def _link_named(self, mention: Mention) -> Entity | None:
        if not mention.is_named and mention.form not in {"anonymous", "collective"}:
            return None
        if mention.form in {"anonymous", "collective"}:
            return self._entity(("anonymous", mention.name or mention.text), mention)
        if mention.kind == "person" and not mention.gender and mention.name and (
            body := self._body_named(mention.name)
        ) is not None:
            return body  # "Blue Falcon" and "das Unternehmen Blue Falcon": no first name
        if mention.kind == "person" and mention.surname:
            surface = mention.text.split()[-1] if mention.text else ""
            if surface != mention.surname and len(mention.text.split()) == 1:
                # "Medvedev" after "Daniil Medvedev": the article's own person beats a
                # namesake from the gazetteer
                own = self._by_surname(surface.removesuffix("s"))
                if own is not None:
                    return own
            return self._person(mention)
        if mention.kind == "unknown" and mention.name:
            person = self._by_surname(mention.surname or mention.name)  # "Van der Bellen"
            if person is not None:
                return person
        if mention.kind == "organisation" and mention.name and (mention.kind, mention.name) not in (
            self.by_key
        ):
            if mention.name in self.abbreviations:  # "G29" after "Datenschutzgruppe (G29)"
                return self.abbreviations[mention.name]
            if mention.name in self.by_prefix:  # "BAT" (-Analyse) is "BAT-Stiftung"
                return self.by_prefix[mention.name]
        return self._entity((mention.kind, mention.name or mention.text), mention)

    def _body_named(self, name: str) -> Entity | None:
        """The organisation or outlet the article names `name` with its noun before it ("die
        Firma Blue Falcon", "das taiwanische Unternehmen Blue Falcon")."""
        tail = f" {name}"
        return next((entity for entity in self.entities
                     if entity.kind in {"organisation", "media"} and entity.name.endswith(tail)
                     and self.gaz.organisation_nouns.match(
                         entity.name[: -len(tail)].rsplit(" ", 1)[-1]) is not None), None)

    def _scan_surnames(self) -> None:
        """A person named in full once ("Jewgeni Prigoschin") is named by the surname alone
        elsewhere, before or after ("Prigoschin sagte", "Prigoschins Truppen"): each such word
        becomes a mention of the person named in full nearest before it (else first after it),
        for pronouns and role nouns to find. One pass over the tokens, a lookup a word."""
        named: dict[str, list[tuple[int, Entity]]] = {}  # surname key -> full mentions
        for candidate in self.candidates:
            entity = candidate.entity
            if entity.kind == "person" and entity.surname and " " in entity.name:
                named.setdefault(name_key(entity.surname), []).append(
                    (candidate.mention.start, entity))
        if not named:
            return
        tokens = self.document.tokens
        starts = [candidate.mention.start for candidate in self.candidates]
        reach = list(accumulate((c.mention.end for c in self.candidates), max))
        lower_words: set[str] | None = None
        found: list[_Candidate] = []
        lengths = range(min(map(len, named)) - 2, max(map(len, named)) + 5)  # spellings vary
        for index, token in enumerate(tokens):
            word = token.text
            if not word[:1].isupper() or len(word) not in lengths:
                continue
            fulls = named.get(name_key(word))
            genitive = fulls is None and word.endswith("s")
            if genitive:
                fulls = named.get(name_key(word[:-1]))  # "Prigoschins"
            if fulls is None or not word.replace("-", "").isalpha():
                continue
            inside = bisect_right(starts, token.start) - 1
            if inside >= 0 and reach[inside] > token.start:
                continue  # part of a mention found already ("Jewgeni Prigoschin")
            if index == 0 or tokens[index - 1].text[-1:] in SENTENCE_OPENERS:
                if lower_words is None:
                    lower_words = {t.text for t in tokens if t.text[:1].islower()}
                if word.lower() in lower_words:
                    continue  # "Kurz danach ...": a word capitalised for its position
            position = bisect_right(fulls, token.start, key=lambda full: full[0])
            entity = fulls[max(0, position - 1)][1]
            begin = index
            inner = entity.name.split()[1:-1]  # "Van der" of "Alexander Van der Bellen"
            while begin > 0 and tokens[begin - 1].text in inner:
                begin -= 1
            start = tokens[begin].start
            mention = Mention(start, token.end, self.document.text[start : token.end],
                              form="named", name=entity.name, kind="person",
                              gender=entity.gender, agreement=entity.agreement,
                              definite=True, surname=entity.surname, genitive=genitive)
            mention.sentence = self.sentence_of(start)
            entity.mentions.append(mention)
            found.append(_Candidate(mention, entity))
        if found:
            self.candidates = sorted([*self.candidates, *found], key=_candidate_start)

    def _note_abbreviation(self, mention: Mention, entity: Entity) -> None:
        """ "der Artikel-29-Datenschutzgruppe (G29)": G29 names it from here on."""
        found = ABBREVIATION.match(self.document.text, mention.end)
        if found is not None and _is_acronym(found.group(1)) and found.group(1) != entity.name:
            self.abbreviations.setdefault(found.group(1), entity)

    def _by_surname(self, surname: str) -> Entity | None:
        """The person last added whose surname is `surname` or `surname` without its final s
        (a genitive: "Wałęsas"), also spelled without diacritics ("Davutoglu", "Davutoğlu")."""
        if not surname:
            return None
        base = surname[:-1] if surname.endswith("s") else surname
        found = [self._by_surname_index.get(name_key(name)) for name in {surname, base}]
        latest = max((entry for entry in found if entry is not None),
                     key=lambda entry: entry[0], default=None)
        return latest[1] if latest is not None else None

    def _append_entity(self, entity: Entity) -> None:
        self._append_entity_surname(entity)
        self.entities.append(entity)

    def _append_entity_surname(self, entity: Entity) -> None:
        # an unnamed person ("die Mandantin") has no surname and matches no name
        if entity.kind == "person" and entity.surname:
            self._by_surname_index[name_key(entity.surname)] = (len(self.entities), entity)

    def _person(self, mention: Mention) -> Entity:
        entity = self._by_surname(mention.surname or "")
        if entity is None or (
            mention.gender and entity.gender and mention.gender != entity.gender
        ):
            return self._entity(("person", mention.name or ""), mention)
        if len((mention.name or "").split()) > len(entity.name.split()):
            entity.name = mention.name or entity.name  # the fuller name is the canonical one
        self._enrich(entity, mention)
        return entity

    def _entity(self, key: tuple[str, str], mention: Mention) -> Entity:
        entity = self.by_key.get(key)
        if entity is None:
            entity = Entity(name=mention.name or mention.text, kind=mention.kind,
                            gender=mention.gender, agreement=mention.agreement,
                            surname=mention.surname if mention.kind == "person" else None,
                            described=mention.descriptive)
            if mention.kind in {"organisation", "media"} and entity.name:
                entity.heads.add(entity.name.split()[-1].lower())  # "Sozialministerium"
                if "-" in entity.name:
                    self.by_prefix.setdefault(entity.name.split("-", 1)[0], entity)
            self.by_key[key] = entity
            self._append_entity(entity)
        self._enrich(entity, mention)
        return entity

    def _enrich(self, entity: Entity, mention: Mention) -> None:
        entity.gender = entity.gender or mention.gender
        if entity.kind == "person":
            entity.agreement = GENDER_OF_NATURAL.get(entity.gender or "")
        else:
            entity.agreement = entity.agreement or mention.agreement
        if mention.role and (not entity.role or entity.role.lower() in mention.role.lower()):
            # "Vizekanzler" -> "Parteichef und Vizekanzler", "Kandidat" -> "Präsidentschafts-
            # kandidat": the fuller role
            entity.role = mention.role
        if mention.role_noun and not entity.role_lemma:
            entity.role_lemma = mention.role_noun.lemma
        if entity.role_lemma is None and mention.kind == "person" and mention.name:
            entry = self.gaz.lookup(mention.name) or self.gaz.lookup(mention.surname or "")
            if entry is not None and entry.detail:
                entity.role_lemma = entry.detail  # "Selenskyj" holds the office Präsident
        entity.state = entity.state or mention.state
        entity.party = entity.party or mention.party
        if mention.head and mention.form in {"organisation", "media", "state"}:
            entity.heads.add(mention.head)

    # -- speakers ----------------------------------------------------------------------------
    def resolve(
        self, start: int, end: int, cue_text: str | None = None,
        previous: tuple[int, Entity] | None = None, cue_start: int | None = None,
    ) -> Entity | None:
        """The entity a speaker span refers to; None when the span names nothing usable.
        `previous`: the sentence and source of the statement before, which "Demnach" or "den
        Angaben zufolge" point back to; `cue_start`: where the cue begins."""
        if self._in_dateline(start, end):
            return None  # "WIEN (APA) -" is where the article was written, not who spoke
        mention = parse_mention(self.document, start, end)
        mention.sentence = self.sentence_of(mention.start)
        if mention.form == "reference":
            return self._reference(mention, previous)
        if mention.form == "none" or self._stray_word(mention, cue_start) or (
            self._common_noun(mention, cue_text)
        ):
            # "Ein Überblick", "Nobel laureate Jane Doe says": the span names no source;
            # a person named inside it is the speaker
            inner = self._inner_person(start, end)
            if inner is None:
                # "der rehabilitierte Trumbo", "überglücklicher Thiem": a surname named before
                last = span_tokens(self.document, start, end)[-1:]
                capitalised = bool(last) and last[0].text[:1].isupper()
                person = self._by_surname(last[0].text) if capitalised else None
                if person is not None:
                    person.spoke = True
                    return person
                return None
            mention = inner
        if mention.form in {"role", "anonymous"} and self._plural_role(mention, cue_text):
            _make_collective(mention)  # "Reporter berichteten": several people
        bare = mention.form in {"role", "anonymous"} and mention.role_noun is not None and (
            not _has_determiner(mention))
        if mention.form in {"pronoun", "reflexive"}:
            entity = self._antecedent(mention, cue_text)
            if entity is not None and entity.kind == "unknown" and (
                mention.text.lower() == "er" and " " not in entity.name
                and self._surname_alone(entity.name, times=1)
            ):
                # "Prigoschin warf ... vor. Er sagte, ...": a bare name an "er" refers to is
                # a man's surname
                entity.kind, entity.gender, entity.agreement = "person", "male", "m"
                entity.surname = entity.surname or entity.name
                self._append_entity_surname(entity)
        elif (mention.form == "role" and mention.definite) or bare:
            # "der Minister", "so Bürgermeister": the person of that role named before, or
            # named just after ("Der Botschafter ... . Botschafter Riad Haddad sagte")
            entity = None
            if bare and " " not in mention.text and self.gaz.role_by_ending_only(mention.text):
                entity = self._by_surname(mention.text)  # "Lindqvist" after "Maria Lindqvist"
            entity = entity or self._role_antecedent(mention) or self._role_successor(mention)
            if entity is None:
                _make_anonymous(mention)
                self._name_body(mention)
        elif mention.descriptive and mention.definite:
            entity = self._description_antecedent(mention) or self._link_named(mention)
        else:
            if mention.form == "anonymous":
                self._name_body(mention)  # "ein Sprecher des Gremiums"
            if mention.parts and mention.form == "named":
                # "Hofer und Herbert Kickl": each named as fully as the article does
                linked = [self._link_named(part) for part in mention.parts]
                if mention.name == list_names([part.name or part.text for part in mention.parts]):
                    mention.name = list_names([
                        entity.name if entity is not None else part.name or part.text
                        for part, entity in zip(mention.parts, linked, strict=True)])
            entity = self._link_named(mention)
        if entity is None:
            if mention.form in {"pronoun", "reflexive"}:
                return None
            entity = Entity(name=mention.name or mention.text, kind=mention.kind,
                            gender=mention.gender, agreement=mention.agreement,
                            role=mention.role, state=mention.state,
                            role_lemma=mention.role_noun.lemma if mention.role_noun else None)
            self._append_entity(entity)
        for part in mention.parts:
            entity.mentions.append(part)
        if not mention.parts:
            self._add(mention, entity)
        entity.spoke = True
        if entity.kind == "unknown" and cue_text and cue_text[:1].islower() and (
            cue_text.split()[0] not in CUE_PREPOSITIONS
        ) and mention.form == "named" and mention.text[:1].isupper() and (
            " " not in mention.text
        ) and self._surname_alone(mention.text):
            # "..., schreibt Jarmysch": a surname the article gives alone, the subject of a
            # verb
            entity.kind = "person"
            entity.surname = entity.surname or entity.name
            self._append_entity_surname(entity)
        return entity

    def _in_dateline(self, start: int, end: int) -> bool:
        if start >= DATELINE_REACH:
            return False  # datelines open the text
        return any(first <= start and end <= last for first, last in self.datelines)

    def _in_quote(self, mention: Mention) -> bool:
        """Whether a mention stands inside what a statement says."""
        position = bisect_left(self.quotes, (mention.start + 1,)) - 1
        return position >= 0 and self.quotes[position][1] >= mention.end

    def _in_quotation_marks(self, mention: Mention) -> bool:
        """Whether a mention stands inside the quoted words of a statement, not in a message
        that names its own speaker ("Auch der Betriebsrat wies die Zahl zurück")."""
        position = bisect_left(self.quotes, (mention.start + 1,)) - 1
        return position >= 0 and self.quotes[position][1] >= mention.end and (
            self.document.text[self.quotes[position][0]] in QUOTE_MARKS)

    def _reference(self, mention: Mention, previous: tuple[int, Entity] | None) -> Entity | None:
        """ "Demnach", "den Angaben zufolge", "in der Erklärung": the source of the statement
        just before; "die Studie", "der Antisemitismusbericht": its author, the organisation
        named before; else the subject of a sentence just before."""
        wrapper = self.gaz.wrappers.match(mention.head or "")
        kind = wrapper[1][0] if wrapper is not None else None  # type: ignore[index]
        if kind in AUTHORS:  # "der Studie": its institute; "dem Bericht": its paper
            author = self._named_document_author(mention) or self._nearest(
                mention, DOCUMENT_WINDOW, AUTHORS[kind])
            if author is not None:
                return author
        if mention.head in POINTING_ADVERBS and (
            previous is None or mention.sentence - previous[0] > 1
            or self._opens_clause_after_colon(mention)
        ) and (source := self._source_just_before(mention)):
            # "Das erfuhr das Studio. Die Ermittlungen dauern demnach an."; "Die Polizei legte
            # Zahlen vor: Demnach ...", whatever statement came before
            return source
        if previous is not None and mention.sentence - previous[0] <= REFERENCE_WINDOW:
            return previous[1]
        return self._nearest(mention, REFERENCE_WINDOW, {"organisation", "media", "state",
                                                         "person"}, subjects_only=True)

    def _named_document_author(self, mention: Mention) -> Entity | None:
        """ "Eine IFES-Studie ergab ... Laut der Studie ...": the author in the compound that
        named the same document noun last, within DOCUMENT_WINDOW sentences."""
        head = mention.head or ""
        if not head.isalpha():
            return None
        first = self.sentence_starts[max(0, mention.sentence - DOCUMENT_WINDOW)] if (
            self.sentence_starts) else 0
        found = None
        for match in re.finditer(rf"\b[A-ZÄÖÜ]\w*-(?i:{head})",
                                 self.document.text[first : mention.start]):
            found = match
        if found is None:
            return None
        start = first + found.start()
        author = parse_mention(self.document, start, start + len(found.group(0)))
        if author.kind not in {"organisation", "media"} or not author.name:
            return None
        return self._link_named(author)

    def _opens_clause_after_colon(self, mention: Mention) -> bool:
        """Whether a mention opens the clause after a colon in its sentence ("...: Demnach")."""
        index = self.document.token_at(mention.start)
        return bool(index) and self.document.tokens[index - 1].text == ":" and (  # type: ignore[operator]
            self.sentence_of(self.document.tokens[index - 1].start) == mention.sentence)

    def _source_just_before(self, mention: Mention) -> Entity | None:
        """The source an adverb such as "demnach" points back to when no statement stands just
        before it: one named earlier in its own sentence ("Die Polizei legte Zahlen vor:
        Demnach ..."), else the last one named in the sentence before ("Das erfuhr das
        Hauptstadtstudio."); one no preposition or noun governs first."""
        for sentence in (mention.sentence, mention.sentence - 1):
            if sentence < 0:
                break
            first = bisect_left(self.candidates, self.sentence_starts[sentence],
                                key=_candidate_start)
            last = bisect_left(self.candidates, min(mention.start, self.sentence_starts[
                sentence + 1] if sentence + 1 < len(self.sentence_starts) else mention.start),
                key=_candidate_start)
            named = [c for c in self.candidates[first:last] if c.entity.kind in SOURCE_KINDS
                     and not self._in_quote(c.mention)]
            free = [c for c in named if not self._governed(c.mention)]
            if free or named:
                return (free or named)[0 if sentence == mention.sentence else -1].entity
        return None

    def _nearest(
        self, mention: Mention, window: int, kinds: set[str], subjects_only: bool = False
    ) -> Entity | None:
        """The entity of the nearest mention before `mention` (within `window` sentences) of
        one of `kinds`; one that spoke before the others."""
        best: tuple[float, int] | None = None
        chosen: Entity | None = None
        for position in self._earlier(mention, window):
            candidate = self.candidates[position]
            entity = candidate.entity
            if entity.kind not in kinds:
                continue
            if subjects_only and not self._is_sentence_subject(candidate.mention):
                continue
            score = -(mention.sentence - candidate.mention.sentence) + (1.0 if entity.spoke else 0)
            key = (score, position)
            if best is None or key > best:
                best, chosen = key, entity
        return chosen

    def _description_antecedent(self, mention: Mention, bodies: bool = False) -> Entity | None:
        """ "die Behörde", "das Ministerium", "das Blatt": the organisation (or outlet) named
        before with that noun ("Sozialministerium", "die Gewerkschaft GPA-djp"), or for a
        general noun ("die Organisation", "der Konzern", "das Blatt") any named one nearby;
        `bodies`: also one named by another noun alone ("des Gremiums" -> "der Betriebsrat")."""
        found = self.gaz.organisation_nouns.match(mention.head or "")
        if found is None:
            return None
        noun_kind, _, refers = found[1]  # type: ignore[misc]
        noun = mention.head or ""
        kinds = {"state"} if noun_kind == "state" else {mention.kind}
        best: tuple[float, int] | None = None
        chosen: Entity | None = None
        for position in self._earlier(mention, ROLE_WINDOW):
            candidate = self.candidates[position]
            entity = candidate.entity
            if entity.kind not in kinds:
                continue
            if mention.state and entity.state and mention.state != entity.state:
                continue  # "das russische Außenministerium" is not Kiev's
            if mention.state and not entity.state and entity.described:
                continue  # "die slowenische Polizei" says more than an earlier "die Polizei"
            distance = mention.sentence - candidate.mention.sentence
            if any(head.endswith(noun) for head in entity.heads):
                score = 4.0  # "das Ministerium" -> "Sozialministerium"
            elif refers == "any" and distance <= DESCRIPTION_WINDOW and (
                not entity.described or (bodies and entity.name.lower() != noun)
            ) and not self._named_otherwise(entity, found[0]):
                score = 1.0  # "die Organisation" -> "Ärzte ohne Grenzen"
            else:
                continue
            score -= 0.3 * distance
            if entity.spoke:
                score += 0.5
            if entity.described:
                score -= 1.5  # a name beats another bare "Behörde"
            if self._in_quotation_marks(candidate.mention):
                score -= IN_QUOTE_PENALTY  # "„... am ‚Kurier‘ ...“, schreibt das Blatt"
            key = (score, position)
            if best is None or key > best:
                best, chosen = key, entity
        return chosen

    def _name_body(self, mention: Mention) -> None:
        """An unnamed person of a body that a general noun describes ("ein Sprecher des Gremiums",
        "die Sprecherin der Firma") is named with the body that description refers back to:
        "Sprecher des Betriebsrats", "Sprecherin von Nordwerk"."""
        words = (mention.name or "").split()
        if len(words) < 3 or words[-2] not in EMPLOYER_ARTICLES:
            return
        noun = words[-1]
        found = None
        stems = [noun[:-cut] for cut, ending in ((2, "es"), (1, "s")) if noun.endswith(ending)]
        for form in (*stems, noun):  # "Gremiums" -> "Gremium"
            found = self.gaz.organisation_nouns.match(form)
            if found is not None and found[0] == form.lower():
                break  # the body is named by the bare noun, not by a compound of it
            found = None
        if found is None or found[1][0] not in {"organisation", "media"} or (  # type: ignore[index]
            found[1][2] != "any"  # type: ignore[index]
        ):
            return  # "der Sprecher des Ministeriums" says which body already
        description = Mention(mention.start, mention.end, " ".join(words[-2:]),
                              form="organisation", kind=found[1][0],  # type: ignore[index]
                              head=found[0], descriptive=True, definite=True,
                              sentence=mention.sentence)
        body = self._description_antecedent(description, bodies=True)
        if body is None or body.name.lower() == found[0]:
            return  # "die Sprecherin der Polizei" after "die Polizei": nothing more to say
        phrase = self._genitive(body.name)
        if phrase is not None:
            mention.name = " ".join([*words[:-2], phrase])

    def _genitive(self, name: str) -> str | None:
        """A body's name as the genitive after a role noun: "des Betriebsrats", "der Polizei",
        "des Verteidigungsministeriums"; "von Nordwerk" for a proper name; None for a name
        with words before its noun ("Russisches Außenministerium")."""
        words = name.split()
        found = self.gaz.organisation_nouns.match(words[0])
        if found is None:
            return None if len(words) > 1 and self.gaz.organisation_nouns.match(words[-1]) else (
                f"von {name}")
        if found[1][1] in {"f", "pl"}:  # type: ignore[index]
            return f"der {name}"
        head = words[0]
        head += "es" if head.endswith(("s", "ß", "x", "z")) else "s"
        return " ".join(["des", head, *words[1:]])

    def _named_otherwise(self, entity: Entity, noun_class: str) -> bool:
        """Whether an organisation is known by a noun of another class: the "Sonderausschuss"
        is no "Verband", the "Forum gegen Antisemitismus" no "Behörde"."""
        same_kind = {noun_class, *_organisation_noun_groups().get(noun_class, ())}
        for head in entity.heads:
            found = self.gaz.organisation_nouns.match(head)
            if found is not None and found[0] not in same_kind:
                return True
        return False

    def _plural_role(self, mention: Mention, cue_text: str | None) -> bool:
        """ "Reporter berichteten", "Betroffene erzählen": a role noun without article whose
        form may be plural, with a plural verb, names several people."""
        noun = mention.role_noun
        if noun is None or _has_determiner(mention) or noun.gender == "female":
            return False
        word = (mention.office or "").split()[-1] if mention.office else ""
        if not word.endswith(("er", "el", "e")):
            return False
        return _verb_number(self.document, mention, cue_text) == "pl"

    def _role_successor(self, mention: Mention) -> Entity | None:
        """An office named again with its holder's name just after: "Der syrische Botschafter
        gab ... die Schuld. Botschafter Riad Haddad sagte, ..." (cataphora)."""
        noun = mention.role_noun
        if noun is None or noun.role_class != "office":
            return None
        lemma = noun.lemma.lower()
        first = bisect_left(self.candidates, mention.end, key=_candidate_start)
        for candidate in self.candidates[first:]:
            other = candidate.mention
            if other.sentence - mention.sentence > CARRY_WINDOW:
                break
            entity = candidate.entity
            if entity.kind != "person" or not entity.surname:
                continue
            if mention.gender and entity.gender and mention.gender != entity.gender:
                continue
            role_text = f"{entity.role or ''} {entity.role_lemma or ''}".lower()
            if lemma in role_text:
                return entity
        return None

    def interviewee(self, offset: int) -> Entity | None:
        """Who says "ich" or "wir" in an interview: the person whose label opens the answer
        ("Berger: Wir ..."), or after "Antwort:" the person the questions address ("Frage:
        Herr Berger, ..."); nobody after the interviewer's label ("STANDARD:", "Frage:") or
        outside an interview."""
        text = self.document.text
        label = self.interview_label(offset)
        if label is None or label.lower() in INTERVIEWER_LABELS:
            return None
        if label.lower() in ANSWER_LABELS:
            if not self._addressed:
                self._addressed.append(ADDRESSED.search(text))
            addressed = self._addressed[0]
            label = addressed.group(1) if addressed else None
        person = self._by_surname(label) if label else None
        if person is not None:
            person.spoke = True
        return person

    def source_in_cue(self, cue: Part) -> Entity | None:
        """A source named by the cue itself: "Medienberichten zufolge", "Polizeiangaben
        zufolge"; none for verbs ("sagte", "hieß es")."""
        for start, end in cue.spans:
            mention = parse_mention(self.document, start, end)
            if mention.form in CUE_SOURCE_FORMS:
                return self.resolve(start, end)
        return None

    def subject_of_cue(self, cue: Part, loose: bool = False) -> Entity | None:
        """For a statement without speaker span: the source named as the subject of its cue
        verb, right after it ("..., grinst Van der Bellen"), a pronoun or a source opening its
        sentence ("Er schließt sich an, wonach ...", "Die Gewerkschaft GPA-djp lanciert einen
        Rechner und findet, dass ..."); `loose`: else the first source before the verb that no
        preposition or dative governs ("Der anwesende Außenminister Sergei Lawrow reagierte")."""
        word = self.document.text[cue.start : cue.spans[0][1]]
        if not word[:1].islower():
            return None  # "Laut", "Nach": no verb
        sentence = self.sentence_of(cue.start)
        position = bisect_left(self.candidates, cue.end, key=_candidate_start)
        if position < len(self.candidates):
            after = self.candidates[position]
            between = self.document.text[cue.end : after.mention.start]
            if after.mention.sentence == sentence and after.entity.kind != "state" and (
                not between.strip() or (  # "sagt die in Linz tätige Forscherin Eva Berger"
                    after.entity.kind == "person" and len(between.split()) <= INVERTED_SUBJECT_WORDS
                    and between.split()[0].lower() in DEFINITE and not self._governed(after.mention)
                    and not any(mark in between for mark in CLAUSE_END)
                )
            ) and not self._in_quote(after.mention):  # "hieß es, Nawalny sei": the message
                return after.entity
        sentence_start = self.sentence_starts[sentence] if self.sentence_starts else 0
        opener = self.document.token_at(sentence_start)
        tokens = self.document.tokens
        while opener is not None and opener < len(tokens) and not tokens[opener].text[:1].isalnum():
            opener += 1  # past a quotation mark or dash
        if opener is not None and opener < len(tokens) and tokens[opener].end <= cue.start and (
            tokens[opener].text.lower() in {"er", "sie"}
        ):  # "Er schließt sich dem Verdacht an, wonach ...": the pronoun is the subject
            return self.resolve(tokens[opener].start, tokens[opener].end, word)
        first = bisect_left(self.candidates, sentence_start, key=_candidate_start)
        for candidate in self.candidates[first:position]:
            if candidate.entity.kind == "state" or self._governed(candidate.mention) or (
                self._in_quote(candidate.mention)
            ):
                continue  # "mit Präsident X", "dem Minister", „Die Ärzte ...“, hieß es: no subject
            if loose or self._is_sentence_subject(candidate.mention):
                return candidate.entity  # the first source named in the clause before the verb
            break
        return None

    def speakerless_source(
        self, attribution: Attribution, previous: tuple[int, Entity] | None
    ) -> Entity | None:
        """The source of a statement without a speaker: one named in its cue ("Medienberichten
        zufolge") or beside an impersonal cue ("Vom Ministerium hieß es"), the subject of its cue
        verb, or the source of the statement just before, which it continues."""
        cue = attribution.cue
        if cue is not None and (source := self.source_in_cue(cue)):
            return source  # "Medienberichten zufolge" as the cue, no speaker of its own
        if cue is not None and (source := self.source_beside_cue(cue, previous)):
            return source
        if cue is not None and (source := self.subject_of_cue(cue)):
            return source  # "Die Gewerkschaft GPA-djp lanciert ... und findet, dass ..."
        if cue is not None and (phrase := self.phrase_before_verb(cue)) is not None:
            return self.resolve(*phrase, cue.text, previous)  # "Die ... BAC Consulting dementierte"
        sentence = self.sentence_of(attribution.quote.start)
        if previous is not None and sentence - previous[0] <= CARRY_WINDOW:
            return previous[1]
        if cue is not None:  # no statement before: any subject named
            return self.subject_of_cue(cue, loose=True)
        return None

    def name_after(self, start: int, end: int) -> tuple[int, int]:
        """A span cut before the role and name that follow it ("meinte Puls" | "4-Info-
        Direktorin Corinna Milborn"): the role and the name."""
        tokens = self.document.tokens
        index = self.document.token_at(end - 1)
        if index is None or index + 3 >= len(tokens):
            return start, end
        role = index + 1
        while role < index + 3 and (tokens[role].text.isdigit() or tokens[role].text == "-"):
            role += 1  # "Puls 4-Info-Direktorin": the name of a channel runs on
        if role + 2 >= len(tokens) or self.gaz.role(tokens[role].text) is None or (
            tokens[index + 1].start > tokens[index].end + 1
        ):
            return start, end
        first_name, surname = tokens[role + 1], tokens[role + 2]
        if not self.gaz.first_name_gender(first_name.text) or not surname.text[:1].isupper():
            return start, end
        return tokens[role].start, surname.end

    def apposed_name(self, start: int, end: int) -> tuple[int, int]:
        """A role span cut before the rest of its phrase and the name set off after it ("so die
        Leiterin des Amts" | "in Graz, Maria Berger."): the whole, role and name."""
        tokens = self.document.tokens
        index = self.document.token_at(end - 1)
        if index is None:
            return start, end
        comma = index + 1
        while comma < min(len(tokens), index + 1 + APPOSITION_REACH) and (
            tokens[comma].text[:1].isupper() or tokens[comma].text in APPOSITION_LINKS
        ):
            comma += 1  # "des Amts in Graz": the rest of the role's phrase
        if comma + 3 > len(tokens) or tokens[comma].text != ",":
            return start, end
        first_name, surname = tokens[comma + 1], tokens[comma + 2]
        after = tokens[comma + 3].text if comma + 3 < len(tokens) else "."
        if not (first_name.text[:1].isupper() and surname.text[:1].isupper()
                and after in APPOSITION_ENDS):
            return start, end
        if not self.gaz.first_name_gender(first_name.text) and _is_adjective_form(
            first_name.text.lower()
        ):
            return start, end  # "Neue Aufträge": an adjective, no first name
        if parse_mention(self.document, start, end).form not in {"role", "anonymous"}:
            return start, end  # only a role without a name takes one
        whole = parse_mention(self.document, start, surname.end)
        if whole.form != "named" or whole.kind != "person" or not (whole.name or "").endswith(
            surname.text
        ):  # "Sakura Atsumi" is a name, "Neue Aufträge" none
            return start, end
        return start, surname.end

    def one_of_two_names(self, start: int, end: int, cue_text: str | None) -> tuple[int, int]:
        """Two names side by side, each a source of its own ("Zuvor hatte Prigoschin Schoigu
        vorgeworfen", "zitierte NBC Barsony-Arcidiacono"): the subject speaks, the first; after
        a verb of quoting, the one quoted, the second."""
        tokens = self.document.tokens
        index = self.document.token_at(start)
        if index is None or index + 1 >= len(tokens) or tokens[index + 1].end != end:
            return start, end
        first, second = tokens[index], tokens[index + 1]
        if not all(self._names_a_source(token.text) for token in (first, second)):
            return start, end
        if cue_text and cue_text.lower().startswith("zitier"):
            return second.start, second.end
        return first.start, first.end

    def _names_a_source(self, word: str) -> bool:
        """A capitalised word that alone names a person of the article or a known source (not
        a first name, which begins a name)."""
        if not word[:1].isupper() or self.gaz.first_name_gender(word):
            return False
        entry = self.gaz.lookup(word)
        return self._by_surname(word) is not None or (
            entry is not None and entry.kind in {"person", "media", "organisation"})

    def completed_wrapper(self, start: int, end: int) -> tuple[int, int]:
        """A speaker span that is only a noun such as "Angaben" takes the words that say whose
        they are: a possessive or article right before it ("nach ihren Angaben") or the genitive,
        von- or aus-phrase after it ("nach Angaben des von der Miliz kontrollierten
        Ministeriums", "nach Angaben aus Moskau")."""
        tokens = self.document.tokens
        index = self.document.token_at(start)
        if index is None or tokens[index].end != end or not tokens[index].text[:1].isupper() or (
            self.gaz.wrappers.match(tokens[index].text) is None
        ):
            return start, end
        if index > 0 and tokens[index - 1].text.lower() in POSSESSIVE:
            return tokens[index - 1].start, end
        sentence = self.document.sentences[self.document.sentence_of_token[index]]
        if index + 1 < sentence.last and (tokens[index + 1].text in {"des", "der", "von", "vom"}
                                          or self._source_after_aus(index + 1)):
            stop = min(sentence.last, index + WRAPPED_PHRASE_TOKENS)
            words = [token.text for token in tokens[index:stop]]
            last = index + _complement_end(words, 1) - 1
            if tokens[index + 1].text in {"von", "vom"} and is_time_noun(tokens[last].text):
                return start, end  # "Polizeiangaben vom Sonntag": a date, no author
            if last > index:
                return start, tokens[last].end
        return start, end

    def _source_after_aus(self, index: int) -> bool:
        """Whether "aus" at `index` opens the phrase of a source ("Angaben aus Moskau", "aus
        Justizkreisen", "aus dem Ministerium"), not a verb's particle ("weitet ... aus") or
        another phrase ("aus jenen Produkten", "aus Apples Zulieferkette")."""
        tokens = self.document.tokens
        if tokens[index].text != "aus" or index + 1 >= len(tokens):
            return False
        noun = index + 2 if tokens[index + 1].text.lower() in DEFINITE else index + 1
        if noun >= len(tokens) or not tokens[noun].text[:1].isupper():
            return False
        word = tokens[noun].text
        following = tokens[noun + 1].text if noun + 1 < len(tokens) else ""
        entry = self.gaz.lookup(word)
        return (entry is not None and entry.kind in {"state", "organisation"}
                and not following[:1].isupper()) or bool(
            self.gaz.source_nouns.match(word) or self.gaz.organisation_nouns.match(word))

    def possessed_phrase(self, start: int, end: int) -> tuple[int, int]:
        """A speaker span that is only a possessor ("Mitterlehners" of "deponierte
        Mitterlehners früherer Chef, Wirtschaftskammerpräsident Christoph Leitl") stands for
        the person it possesses: the name in the apposition after that person's role noun, or
        the role phrase itself."""
        tokens = self.document.tokens
        index = self.document.token_at(start)
        if index is None or index + 2 >= len(tokens) or tokens[index].end != end:
            return start, end
        word = tokens[index].text
        if not (word[:1].isupper() and word.endswith("s") and word.isalpha()):
            return start, end
        noun = index + 1
        while noun < len(tokens) and noun - index <= 3 and _is_adjective_form(tokens[noun].text):
            noun += 1
        if noun >= len(tokens) or (role := self.gaz.role(tokens[noun].text)) is None or (
            role.plural
        ):
            return start, end
        if noun + 2 < len(tokens) and tokens[noun + 1].text == ",":
            close = noun + 2
            while close < len(tokens) and close - noun <= 8 and tokens[close].text not in (
                CLAUSE_END
            ):
                close += 1
            if close < len(tokens) and tokens[close].text == ",":
                apposition = parse_mention(self.document, tokens[noun + 2].start,
                                           tokens[close - 1].end)
                if apposition.form == "named" and apposition.kind == "person":
                    return apposition.start, apposition.end
        return start, tokens[noun].end

    def phrase_before_verb(self, cue: Part) -> tuple[int, int] | None:
        """The phrase that opens the clause of a verb cue and ends right before the verb, when
        it names a source: the verb's subject ("Die aus Taiwan benannte BAC Consulting
        dementierte")."""
        words = cue.text.split()
        if not words or not words[0][:1].islower() or IMPERSONAL_CUE_WORDS.intersection(
            word.lower() for word in words
        ) or words[0] in REPORTED_AUXILIARIES:
            return None  # "Die USA seien informiert worden": the message, not its speaker
        tokens = self.document.tokens
        verb = self.document.token_at(cue.start)
        if verb is None:
            return None
        sentence = self.document.sentences[self.document.sentence_of_token[verb]]
        first = verb
        while first > sentence.first and tokens[first - 1].text not in CLAUSE_END:
            first -= 1
        if first == verb or verb - first > SUBJECT_PHRASE_TOKENS or (
            tokens[first].text.lower() in GOVERNING_WORDS | {"am", "im", "beim"}
        ):
            return None  # "Einem Anwalt sei gesagt worden", "Am Tag danach behauptete ..."
        start, end = tokens[first].start, tokens[verb - 1].end
        if self._overlaps_quote(start, end):
            return None
        subject = parse_mention(self.document, start, end)
        if subject.form in {"none", "reference", "pronoun", "reflexive"} or (
            subject.kind == "unknown"
        ):
            return None
        return subject.start, subject.end

    def subject_for_addressee(self, start: int, end: int, cue: Part) -> tuple[int, int]:
        """An outlet in the dative right after the verb is spoken to, not the speaker ("Eine
        der Miliz nahestehende Quelle sagte der Nachrichtenagentur AFP, ..."): the phrase
        before the verb in its clause speaks, when it names a source."""
        tokens = self.document.tokens
        index = self.document.token_at(start)
        verb = self.document.token_at(cue.start)
        if index is None or verb is None or index != verb + 1 or (
            tokens[index].text.lower() not in ADDRESSEE_ARTICLES
        ) or parse_mention(self.document, start, end).kind != "media":
            return start, end
        return self.phrase_before_verb(cue) or (start, end)

    def inverted_subject(self, start: int, end: int, cue: Part,
                         previous: tuple[int, Entity] | None) -> Entity | None:
        """The subject after the verb when the word read as the speaker is an adverb that
        opens the clause before it ("Darin versprechen Strache und Gudenus ...", "Wörtlich
        sprach er von ...", "Unmittelbar zuvor hatte der Pressedienst ... mitgeteilt"): the
        first nominative phrase after the verb in its clause (the text layer's case tags)."""
        tokens = self.document.tokens
        index = self.document.token_at(start)
        verb = self.document.token_at(cue.start)
        if index is None or verb is None or not 0 < verb - index <= 2 or tokens[index].end != end:
            return None  # one word right before the verb
        mention = parse_mention(self.document, start, end)
        mention.sentence = self.sentence_of(start)
        if not (mention.form in {"reference", "none"} or (
            mention.kind == "unknown" and self._stray_word(mention, cue.start)
        )) or mention.head in POINTING_ADVERBS or (mention.head and (
            self.gaz.wrappers.match(mention.head)
        )):
            return None
        sentence = self.document.sentences[self.document.sentence_of_token[verb]]
        stop = verb + 1
        while stop < sentence.last and tokens[stop].text not in CLAUSE_END:
            stop += 1
        chunk = self.document.morphology.nominative_phrase_in(verb + 1, stop)
        if chunk is None:
            return None
        begin, finish = tokens[chunk.start].start, tokens[chunk.end - 1].end
        if parse_mention(self.document, begin, finish).form in {"none", "reference"}:
            return None
        return self.resolve(begin, finish, cue.text, previous)

    def new_subject_between(self, previous: tuple[int, Entity], start: int) -> Entity | None:
        """A person who opens the sentence just before `start`, after the statement before
        ended, and is not its source: the one whose words "man", "wir" or "ich" go on with."""
        sentence = self.sentence_of(start)
        if sentence - 1 <= previous[0]:
            return None
        first = bisect_left(self.candidates, self.sentence_starts[sentence - 1],
                            key=_candidate_start)
        for candidate in self.candidates[first:]:
            if candidate.mention.sentence != sentence - 1:
                break
            if candidate.entity.kind == "person" and candidate.entity is not previous[1] and (
                self._is_sentence_subject(candidate.mention)
            ):
                return candidate.entity
        return None

    def names_nothing(self, start: int, end: int) -> bool:
        """Whether a speaker span names no source at all ("Der Ballon", "Unmittelbar"), as
        opposed to one that names a source the article does not resolve (a pronoun)."""
        if self._in_dateline(start, end):
            return False
        mention = parse_mention(self.document, start, end)
        return mention.form == "none" and mention.head is None and (
            mention.text.lower() not in INTERVIEWER_LABELS | ANSWER_LABELS)

    def source_beside_cue(
        self, cue: Part, previous: tuple[int, Entity] | None
    ) -> Entity | None:
        """The source in a phrase with "von", "aus", "bei", "seitens" or "in" (an organisation
        or a document noun) right before or after an impersonal cue: "Vom Außenministerium
        hieß es", "hieß es am Abend aus dem Ministerium", "hieß es in einer Mitteilung der
        Polizei", "Im Innenministerium hieß es", "wurde von der Behörde mitgeteilt"; none across
        a comma or a quotation mark."""
        if not IMPERSONAL_CUE_WORDS.intersection(cue.text.lower().split()):
            return None  # "nach Vorwürfen aus Moskau": a verb with a subject of its own
        first = self.document.token_at(cue.start)
        last = self.document.token_at(cue.end - 1)
        if first is None or last is None:
            return None
        return self.source_beside(first, last, previous)

    def source_beside(self, first: int, last: int,
                      previous: tuple[int, Entity] | None) -> Entity | None:
        """The source phrase beside the words of tokens [first, last] (an impersonal cue, or
        "man": "bezifferte man die Kosten im Finanzministerium"), as source_beside_cue reads
        it."""
        tokens = self.document.tokens
        sentence = self.document.sentences[self.document.sentence_of_token[first]]
        # after the cue: "hieß es (am frühen Morgen) von der Botschaft"
        index = last + 1
        while index < sentence.last and tokens[index].text not in CLAUSE_END:
            if tokens[index].text.lower() in SOURCE_PREPOSITIONS | PLACE_PREPOSITIONS:
                end = index + 1
                while end < sentence.last and tokens[end].text not in CLAUSE_END:
                    end += 1
                source = self._source_phrase(index, end, previous)
                if source is not None:
                    return source
            index += 1
        # before the cue: "Vom Außenministerium in Moskau hieß es", "Von der Polizei wurde
        # mitgeteilt", "Im Innenministerium hieß es"
        index = first - 1
        while index >= sentence.first and tokens[index].text not in CLAUSE_END:
            index -= 1
        index += 1
        if index < first and tokens[index].text.lower() in SOURCE_PREPOSITIONS | (
            PLACE_PREPOSITIONS
        ):
            end = index + 1
            while end < first and tokens[end].text.lower() not in IMPERSONAL_VERBS:
                end += 1
            return self._source_phrase(index, end, previous)
        if index == first and first - 1 > sentence.first and tokens[first - 1].text == ",":
            return self._relative_author(first - 1, sentence.first, previous)
        return None

    def _relative_author(self, comma: int, sentence_first: int,
                         previous: tuple[int, Entity] | None) -> Entity | None:
        """The subject of a relative clause that ends at `comma` right before an impersonal cue
        and describes the document the cue's sentence opens with: "In einer Mitteilung, die
        ihr Büro am Abend verbreitete, hieß es" -> ihr Büro."""
        tokens = self.document.tokens
        opener = comma - 1
        while opener > sentence_first and tokens[opener].text not in CLAUSE_END:
            opener -= 1
        if (tokens[opener].text != "," or opener + 2 >= comma
                or tokens[opener + 1].text.lower() not in RELATIVE_PRONOUNS):
            return None
        phrase = opener - 1
        while phrase > sentence_first and tokens[phrase - 1].text not in CLAUSE_END:
            phrase -= 1
        if phrase >= opener or tokens[phrase].text.lower() not in PLACE_PREPOSITIONS:
            return None  # "In einer Mitteilung, die ...": the document phrase opens the sentence
        start = end = opener + 2
        first_word = tokens[start].text
        if not first_word[:1].isupper() and (
                first_word.lower() not in DEFINITE | INDEFINITE | POSSESSIVE
                or first_word.endswith(("em", "en"))):
            return None  # "der vielen Anrainern Sorgen machte": a dative, no subject
        while end < comma and (tokens[end].text.lower() in DEFINITE | INDEFINITE | POSSESSIVE
                               or _is_adjective_form(tokens[end].text)):
            end += 1
        if end >= comma or not tokens[end].text[:1].isupper():
            return None
        return self.resolve(tokens[start].start, tokens[end].end, None, previous)

    def _source_phrase(self, preposition: int, end: int,
                       previous: tuple[int, Entity] | None) -> Entity | None:
        """The source a prepositional phrase names ("von der Botschaft", "in einer Mitteilung
        der Polizei", "in der Erklärung"), if it names one."""
        tokens = self.document.tokens
        if end <= preposition + 1:
            return None
        start, stop = tokens[preposition + 1].start, tokens[end - 1].end
        if tokens[preposition].text.lower() in PLACE_PREPOSITIONS:
            mention = parse_mention(self.document, start, stop)
            if mention.form != "reference" and not (mention.parts or mention.is_named) and (
                mention.form not in {"anonymous", "collective"}
            ):
                return None
            head = self.document.text[start:stop].split()
            if mention.kind != "organisation" and not any(
                self.gaz.wrappers.match(word) for word in head[:3]
            ):
                return None  # "in Moskau", "im Weißen Haus": a place, no source
        elif parse_mention(self.document, start, stop).form in {"none", "pronoun"}:
            return None
        return self.resolve(start, stop, None, previous)

    def _governed(self, mention: Mention) -> bool:
        """Whether a mention follows a preposition or a dative or genitive article, which
        makes it no subject: "mit Ministerin Roth", "sagte dem Sender"."""
        if mention.genitive:
            return True  # "Nawalnys Mitarbeiter sprachen ...": the possessor is no subject
        if mention.text.split(maxsplit=1)[0].lower() in OBLIQUE_OPENERS:
            return True  # "Einem Anwalt sei gesagt worden": a dative
        index = self.document.token_at(mention.start)
        if not index:
            return False
        previous = self.document.tokens[index - 1].text.lower()
        return previous in GOVERNING_WORDS

    def interview_label(self, offset: int) -> str | None:
        """The label of the interview turn that `offset` is in ("Holm", "Frage"), if any."""
        label = None
        start = max(0, offset - INTERVIEW_REACH)
        for match in INTERVIEW_LABEL.finditer(self.document.text, start, offset):
            entry = self.gaz.lookup(match.group(1))
            if entry is None or entry.kind != "state":  # "Peking: Nach der Festnahme ...": a
                label = match.group(1)  # dateline, no interview
        return label

    def _stray_word(self, mention: Mention, cue_start: int | None = None) -> bool:
        """A lone unknown capitalised word that opens its sentence and never occurs inside a
        sentence of the article ("Demnach", "Realpolitik") is capitalised for its position,
        not a name; a surname of a person named before is a name."""
        if mention.form != "named" or mention.kind != "unknown" or not mention.name:
            return False
        if " " in mention.name:
            return False
        sentence = self.document.sentences[mention.sentence]
        before = span_tokens(self.document, sentence.start, mention.start)
        if any(t.text[:1].isalnum() for t in before):
            return False
        if self._by_surname(mention.name) is not None:
            return False
        if cue_start is not None and " " not in mention.text and not (
            self.document.text[mention.end : cue_start].strip()
        ) and not self._subject_after_verb(cue_start):
            return False  # "Prigoschin hatte Schoigu vorgeworfen": the subject of its cue verb
        inside = self._inside_sentence.get(mention.name)
        if inside is None:
            inside = self._inside_sentence[mention.name] = self._occurs_inside_sentence(
                mention.name)
        return not inside  # inside a sentence it is a name ("laut Hofmann")

    def _common_noun(self, mention: Mention, cue_text: str | None) -> bool:
        """A lone capitalised word of unknown kind, with no article, that German writes as a
        common noun ("Kritik", "Strafen", "Vorteile": a noun form the tagger learned, not a
        first name nor a surname named before) names no source: "wies Kritik zurück" was read
        as a source "Kritik"; better no source than a wrong one. After "laut" or "zufolge" it
        names a document or a body ("laut Entwurf", "laut Stadt") and stays."""
        if cue_text and cue_text.split()[0].lower() in CUE_PREPOSITIONS:
            return False
        if mention.form != "named" or mention.kind != "unknown" or not mention.name or (
            " " in mention.text or mention.text != mention.name
        ):
            return False
        word = mention.name
        return (word.isalpha() and word.lower() in noun_forms()
                and self.gaz.first_name_gender(word) is None and self._by_surname(word) is None
                and not self._surname_alone(word))  # "Müller sagte ... Müller" is a surname

    def _subject_after_verb(self, verb_start: int) -> bool:
        """Whether a nominative opens the phrase right after the finite verb at `verb_start`
        ("Intern gehe der Geheimdienst davon aus"): then it, not the word before, is the
        subject."""
        index = self.document.token_at(verb_start)
        tokens = self.document.tokens
        return index is not None and index + 1 < len(tokens) and (
            tokens[index + 1].text.lower() in NOMINATIVE_OPENERS)

    def _surname_alone(self, word: str, times: int = 2) -> bool:
        """Whether a capitalised word reads as a surname the article gives alone: named at
        least `times` times ("Prigoschin sagte ... Prigoschin kündigte an"), never right after
        an article as a common noun is ("das Budget")."""
        tokens = self.document.tokens
        positions = [position for position in self._word_positions(word)
                     if self.document.text.startswith(word, position)]
        for position in positions:
            index = self.document.token_at(position)
            if index and tokens[index - 1].text.lower() in DEFINITE | INDEFINITE:
                return False
        return len(positions) >= times

    def _word_positions(self, word: str) -> Iterable[int]:
        """Where words that start with `word` begin in the text (an index built once)."""
        if self._word_starts is None:
            self._word_starts = {}
            for match in WORD_RUN.finditer(self.document.text):
                self._word_starts.setdefault(match.group(), []).append(match.start())
        leading = WORD_RUN.match(word)
        return self._word_starts.get(leading.group(), ()) if leading else ()

    def _occurs_inside_sentence(self, name: str) -> bool:
        r"""Whether `name` occurs as a whole word after a character that cannot open a sentence.

        Its occurrences are those of re.finditer(r"(?<!\w)NAME(?!\w)"), found through an index
        of where each word of the text starts, built once: a scan of the whole text for every
        name would make long texts quadratic."""
        text = self.document.text
        if WORD_RUN.match(name) is None:  # cannot happen for a capitalised name; kept exact
            positions: Iterable[int] = (
                match.start()
                for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text))
        else:
            positions = self._word_positions(name)
        matched_until = 0  # finditer's matches do not overlap
        for position in positions:
            end = position + len(name)
            if position < matched_until or not text.startswith(name, position) or (
                WORD_CHAR.match(text, end)
            ):
                continue
            matched_until = end
            before = position - 1  # the last character before it that is no white space
            while before >= 0 and text[before].isspace():
                before -= 1
            if before >= 0 and text[before] not in SENTENCE_OPENERS:
                return True
        return False

    def _inner_person(self, start: int, end: int) -> Mention | None:
        """A person named by first name and surname inside a span that names nothing else,
        with the role noun before it; none after a colon ("Frage: ...")."""
        tokens = span_tokens(self.document, start, end)
        for k in range(min(len(tokens) - 1, INNER_NAME_REACH)):
            if tokens[k].text == ":":
                return None
            if not (self.gaz.first_name_gender(tokens[k].text)
                    and tokens[k + 1].text[:1].isupper() and tokens[k + 1].text.isalpha()):
                continue
            first = k - 1 if k > 0 and self.gaz.role(tokens[k - 1].text) else k
            last = k + 1
            while last + 1 < len(tokens) and self.gaz.first_name_gender(tokens[last].text) and (
                tokens[last + 1].text[:1].isupper()
            ):
                last += 1
            inner = parse_mention(self.document, tokens[first].start, tokens[last].end)
            if inner.kind == "person" and inner.form == "named":
                inner.sentence = self.sentence_of(inner.start)
                return inner
        return None

    def _antecedent(self, mention: Mention, cue_text: str | None) -> Entity | None:
        index = self.document.token_at(mention.start)
        if mention.text.lower() in RELATIVE_PRONOUNS and index and (
            self.document.tokens[index - 1].text == ","
        ):
            return self._relative_antecedent(self.document.tokens[index - 1].start)
        if mention.text.lower() in RELATIVE_PRONOUNS | {"dem", "denen"} and index and (
            index > 1 and self.document.tokens[index - 1].text.lower() in RELATIVE_PREPOSITIONS
            and self.document.tokens[index - 2].text == ","
        ) and (before := self._relative_antecedent(self.document.tokens[index - 2].start)):
            return before  # "schrieb die Studentin, laut der ...": the phrase before the comma
        if mention.form == "reflexive" and (subject := self._clause_subject(mention)):
            return subject  # "hatte Israel nach eigenen Angaben Beweise vorgelegt"
        wanted = self._pronoun_agreement(mention, cue_text)
        chosen = self._best_antecedent(mention, wanted, PRONOUN_WINDOW)
        if chosen is None and wanted & {"m", "f"}:
            # an article about one protagonist names them once, far above: take the last
            # person of that gender named anywhere before
            chosen = self._best_antecedent(mention, wanted & {"m", "f"}, None)
        return chosen

    def _clause_subject(self, mention: Mention) -> Entity | None:
        """The source a reflexive ("nach eigenen Angaben") refers to: named before it in its
        sentence, the one opening the sentence first, else the nearest that no preposition or
        noun governs."""
        sentence_start = self.sentence_starts[mention.sentence] if self.sentence_starts else 0
        first = bisect_left(self.candidates, sentence_start, key=_candidate_start)
        before = [c for c in self.candidates[first : bisect_left(
            self.candidates, mention.start, key=_candidate_start)]
            if not self._governed(c.mention)]
        for candidate in before:
            if self._is_sentence_subject(candidate.mention):
                return candidate.entity
        return before[-1].entity if before else None

    def _relative_antecedent(self, comma: int) -> Entity | None:
        """ "Meier, die ...": a relative pronoun refers to the phrase just before its comma;
        when that phrase is no source ("eines Filmemachers, der ..."), there is none."""
        position = bisect_left(self.candidates, comma, key=_candidate_start)
        for candidate in reversed(self.candidates[max(0, position - 3) : position]):
            gap = self.document.text[candidate.mention.end : comma]
            if not gap.strip(" )"):
                return candidate.entity
        return None

    def _best_antecedent(
        self, mention: Mention, wanted: set[str], window: int | None
    ) -> Entity | None:
        best: tuple[float, int] | None = None
        chosen: Entity | None = None
        # nearest first: once no candidate so far back can score more than the best one found,
        # the rest is left unread (without a window it would be the whole article, per pronoun)
        for position in reversed(self._earlier(mention, window)):
            candidate = self.candidates[position]
            other = candidate.mention
            distance = mention.sentence - other.sentence
            if best is not None and BEST_ANTECEDENT_SCORE - distance <= best[0]:
                break
            if window is not None and distance > window:
                continue
            if window is None and candidate.entity.kind != "person":
                continue
            entity = candidate.entity
            if entity.kind == "media" and not entity.spoke:
                continue  # "sagte sie der Nachrichtenagentur AFP": an outlet addressed
            fit = self._agrees(entity, wanted)
            if fit is None:
                continue
            score = fit - distance
            if entity.kind != "person" and wanted & {"m", "f"}:
                score -= 1.0 if entity.kind != "media" else 2.0  # er/sie: people first
            if entity.spoke:
                score += 1.5
            if entity is self.last_speaker:
                score += LAST_SPEAKER_BONUS
            if self._in_quote(other):
                score -= IN_QUOTE_PENALTY
            if self._is_sentence_subject(other):
                score += 1.0
            if mention.form == "reflexive" and distance == 0:
                score += 2.0  # BEST_ANTECEDENT_SCORE: the highest fit plus all bonuses
            key = (score, position)
            if best is None or key > best:
                best, chosen = key, entity
        return chosen

    def _pronoun_agreement(self, mention: Mention, cue_text: str | None) -> set[str]:
        if mention.form == "reflexive":
            return {"m", "f", "n", "pl"}
        if mention.agreement is not None:
            return {mention.agreement}
        number = _verb_number(self.document, mention, cue_text)
        if number == "sg":
            return {"f"}
        if number == "pl":
            return {"pl"}
        return {"f", "pl"}

    @staticmethod
    def _agrees(entity: Entity, wanted: set[str]) -> float | None:
        """How well an entity fits a pronoun's agreement: None when it cannot."""
        if entity.kind == "person":
            if entity.agreement in wanted:
                return 1.0
            if entity.agreement is None and wanted & {"m", "f"}:
                return 0.0
            return None
        if entity.kind == "media" and entity.agreement in {"m", "n"}:
            return None  # "der Kurier" is no "sie"; an "er" nearby means a person
        if entity.kind in {"collective", "anonymous"} and "pl" in wanted:
            return 0.0 if entity.agreement == "pl" else None
        if entity.agreement in wanted:
            return 0.0
        if entity.kind == "unknown" and entity.spoke and wanted & {"m", "f"}:
            return 0.0  # "..., sagte Prigoschin. Er warf ...": a surname the article gives alone
        return None

    def _is_sentence_subject(self, mention: Mention) -> bool:
        """A mention that opens its sentence (after an article) is most often its subject."""
        if mention.genitive:
            return False
        sentence = self.document.sentences[mention.sentence]
        tokens = self.document.tokens
        words: list[str] = []  # at most two: an article, then anything else ends the check
        for index in range(sentence.first, sentence.last):
            token = tokens[index]
            if token.start >= mention.start:
                break
            if index > sentence.first and token.start == tokens[index - 1].end and (
                token.text.startswith("-") or tokens[index - 1].text.endswith("-")
            ):
                continue  # "58-Jährige": one word
            if token.text[:1].isalnum():
                words.append(token.text)
                if len(words) > 2:
                    return False
        # "Der Minister X", "US-Präsident Biden": an article, a title, or both before the name
        if len(words) == 2:
            return words[0].lower() in DEFINITE and self.gaz.role(words[1]) is not None
        return not words or words[0].lower() in DEFINITE or self.gaz.role(words[0]) is not None

    def _role_antecedent(self, mention: Mention) -> Entity | None:
        noun = mention.role_noun
        if noun is None:
            return None
        lemma = noun.lemma.lower().removesuffix("er") if noun.role_class == "adjectival" else (
            noun.lemma.lower())
        word = (mention.office or "").split()[-1].lower() if mention.office else ""
        # "der Fraktionschef" is "Klubobmann Schieder": the group of the whole word as well
        same_office = (lemma, *_role_groups().get(lemma, ()), *_role_groups().get(word, ()))
        prefix = self._role_prefix((mention.office or "").split()[-1] if mention.office else "")
        employer = _employer(mention)
        if employer and self.gaz.organisation_nouns.match(employer):
            employer = None  # "der Chef des Konzerns" refers back like "der Konzern" does
        best: tuple[float, int] | None = None
        chosen: Entity | None = None
        unranked: set[int] = set()  # people just before whom the article gives no office
        fallback: Entity | None = None
        for position in self._earlier(mention, ROLE_WINDOW):
            candidate = self.candidates[position]
            other, entity = candidate.mention, candidate.entity
            if entity.kind not in {"person", "anonymous"}:
                continue
            distance = mention.sentence - other.sentence
            if distance > ROLE_WINDOW:
                continue
            if mention.gender and entity.gender and mention.gender != entity.gender:
                continue
            role_text = f"{entity.role or ''} {entity.role_lemma or ''}".lower()
            described_as = role_text
            if entity.kind == "anonymous":  # "Sprecher des Krisenstabes": the name says more
                described_as = f"{role_text} {entity.name.lower()}"
            if employer and employer not in described_as:
                continue  # "der Sprecher des Krisenstabes" is not the Polizeisprecher
            other_prefix = self._role_prefix((entity.role or "").split(" ", 1)[0])
            if prefix and other_prefix and prefix != other_prefix:
                continue  # "der Volkswagen-Chef" is not "Tesla-Chef Musk"
            party_fits = bool(mention.party and entity.party and mention.party & entity.party)
            if mention.party and entity.party and not party_fits:
                continue  # "der SPD-Politiker" is not "Franz Maier (CDU)"
            role_fits = (bool(lemma) and any(word in role_text for word in same_office)) or (
                bool(mention.state) and mention.state == entity.state
                and any(word in role_text for word in _role_groups().get("*", ()))
            )
            score = -0.3 * distance
            if role_fits:
                score += 4.0
                if distance <= 1 and self._is_sentence_subject(other):
                    score += SUBJECT_TIE_WEIGHT  # of two presidents, the one who opened it
            elif party_fits:  # "der freiheitliche Klubobmann" after "FPÖ-Chef Max Huber"
                score += PARTY_WEIGHT
            elif entity.kind == "anonymous":
                continue
            elif noun.role_class == "office" and not (
                mention.state and mention.state == entity.state and not role_text.strip()
            ):  # "der ecuadorianische Präsident" may be "Rafael Correa (Ecuador)"
                if entity.kind == "person" and distance <= 1 and not role_text.strip() and (
                    mention.gender and mention.gender == entity.gender
                ) and not noun.lemma.lower().endswith(self.gaz.role_others):
                    unranked.add(id(entity))
                    fallback = entity
                continue  # "der Staatsanwalt" is nobody named before who holds no such office
            elif noun.role_class == "profession" and not self._may_be_called(entity):
                continue
            if mention.state and entity.state:
                if mention.state != entity.state:
                    continue  # "der brasilianische Präsident" is not Venezuela's
                score += 2.0
            if entity.spoke:
                score += 0.5
            if not role_fits and noun.role_class in {"generic", "adjectival", "relation"}:
                # "der 72-Jährige", "der Mann": the article's protagonist, named most often
                score += SALIENCE_WEIGHT * min(len(entity.mentions), SALIENCE_CAP)
                if distance <= 1 and self._is_sentence_subject(other):
                    score += FOCUS_WEIGHT  # or the person who opened the sentence just before
            key = (score, position)
            if best is None or key > best:
                best, chosen = key, entity
        if chosen is None and len(unranked) == 1:
            # "Max Huber lehnte ab. Der Vizekanzler sagte ...": the one person of that gender
            # named in this or the sentence before, given no other office, holds it
            self._enrich(fallback, mention)  # type: ignore[arg-type]
            return fallback
        return chosen

    def _role_prefix(self, word: str) -> str | None:
        """The known body whose office a compound role names: "Volkswagen-Chef" and "VW-Chef"
        -> Volkswagen; None for a prefix the gazetteer does not know ("UNMISS-Vertreter")."""
        if "-" not in word:
            return None
        entry = self.gaz.lookup(word.rsplit("-", 1)[0])
        return entry.name if entry is not None else None

    def _may_be_called(self, entity: Entity) -> bool:
        """Whether a profession noun that names no role of the entity may still refer to it:
        "so der Wissenschafter" after a Nobel laureate who spoke; never "die Biologin" for a
        minister, for someone the article has not quoted, or for someone it gives no role."""
        if entity.kind != "person" or not entity.spoke:
            return False
        described = False
        for title in (entity.role_lemma, (entity.role or "").rsplit(" ", 1)[-1]):
            held = self.gaz.role(title) if title else None
            if held is not None and held.role_class == "office":
                return False
            described = described or held is not None
        return described


@lru_cache(maxsize=65_536)
@cache
def noun_forms() -> frozenset[str]:
    """The noun forms (lower case) the shipped tagger learned from its training corpus, common
    nouns and place names ("kritik", "strafen", "wien"); personal names are not among them."""
    return frozenset(form for form in default_tagger().features.vocabulary.genders
                     if not form.startswith("~"))


def fold(word: str) -> str:
    """A name without diacritics, for comparing spellings: "Davutoğlu" -> "Davutoglu"."""
    decomposed = unicodedata.normalize("NFKD", word.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# German and English transliterations of the same Cyrillic (or other) letters, longest first:
# Prigoschin ~ Prigozhin, Podoljak ~ Podolyak, Selenskyj ~ Zelensky, Sacharowa ~ Zakharova
TRANSLITERATIONS = (("tsch", "c"), ("sch", "s"), ("zh", "s"), ("sh", "s"), ("kh", "h"),
                    ("ch", "h"), ("ts", "s"), ("z", "s"), ("j", "y"), ("w", "v"), ("ck", "k"))
DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65_536)
def name_key(word: str) -> str:
    """A surname as a spelling-free key: without diacritics, case, doubled letters and the
    differences of German and English transliteration ("Selenskyj", "Zelenskyy" -> "selensky")."""
    key = (word if word.isascii() else fold(word)).lower()
    for written, sound in TRANSLITERATIONS:
        key = key.replace(written, sound)
    key = DOUBLED.sub(r"\1", key)
    return key.removesuffix("iy") + "y" if key.endswith("iy") else key


def _zu_infinitive(cue_text: str | None) -> bool:
    """A cue that is an infinitive with zu ("anzuprangern", "zu fordern")."""
    words = (cue_text or "").split()
    if len(words) == 2 and words[0] == "zu":
        return words[1][:1].islower() and words[1].endswith("n")
    return len(words) == 1 and words[0].islower() and len(words[0]) > 7 and (
        "zu" in words[0][2:-3]) and words[0].endswith("n")


def _has_determiner(mention: Mention) -> bool:
    """Whether the role noun of a mention has an article: "der Minister", "(Angaben) eines
    Anrainers"; not "so Bürgermeister"."""
    words = mention.text.split()
    office = (mention.office or "").split()
    at = next((k for k, word in enumerate(words) if office and word.startswith(office[0])), None)
    if at is None:
        return bool(words) and words[0].lower() in DEFINITE | INDEFINITE | POSSESSIVE
    return any(word.lower() in DEFINITE | INDEFINITE | POSSESSIVE for word in words[:at])


def _make_collective(mention: Mention) -> None:
    mention.form = mention.kind = "collective"
    mention.name = mention.name or mention.office
    if mention.name:  # "amerikanische Regierungsvertreter berichten": plural adjectives
        words = mention.name.split()
        noun = next((k for k, word in enumerate(words) if not word[:1].islower()), 0)
        mention.name = " ".join([*(strong(word, "pl") for word in words[:noun]), *words[noun:]])
    mention.role = mention.gender = None
    mention.agreement = "pl"
    mention.role_noun = None


def _make_anonymous(mention: Mention) -> None:
    """An unnamed person the article never names: kind anonymous, the role noun as role ("der
    Staatsanwalt des Distrikts Nord" -> role Staatsanwalt)."""
    mention.form = mention.kind = "anonymous"
    mention.role = mention.office or mention.role


def _datelines(text: str) -> list[tuple[int, int]]:
    """The place and agency of datelines near the start of the text: "WIEN (APA) -"."""
    return [(match.start(1), match.end() - 2)
            for match in DATELINE.finditer(text, 0, min(len(text), DATELINE_REACH))]


def _employer(mention: Mention) -> str | None:
    """The body a role phrase names after its noun, as a lower-case stem that a fitting
    antecedent's role must contain: "der Sprecher des Flüchtlings-Krisenstabes" -> krisenstab."""
    role = mention.role or ""
    words = role.split()
    if len(words) < 3 or words[1].lower() not in {"des", "der"}:
        return None
    last = words[-1]
    if not last[:1].isupper():
        return None
    stem = last.rsplit("-", 1)[-1].lower()
    for ending in ("es", "s"):
        if stem.endswith(ending) and len(stem) > len(ending) + 3:
            return stem[: -len(ending)]
    return stem


@cache
def _role_groups() -> dict[str, tuple[str, ...]]:
    """Each role lemma (lower case) -> the other lemmas of its group in role_groups.txt."""
    groups: dict[str, tuple[str, ...]] = {}
    for line in read_lines("gazetteer", "role_groups.txt"):
        members = [word.lower() for word in line.split()]
        if members[0] == "*":  # nouns that fit any office of the same state
            groups["*"] = tuple(members[1:])
            continue
        for member in members:
            groups[member] = tuple(m for m in members if m != member)
    return groups


@cache
def _organisation_noun_groups() -> dict[str, tuple[str, ...]]:
    """Each organisation head noun -> the others of its group in organisation_noun_groups.txt
    ("zeitung" -> "blatt", "blätter")."""
    groups: dict[str, tuple[str, ...]] = {}
    for line in read_lines("gazetteer", "organisation_noun_groups.txt"):
        members = line.lower().split()
        for member in members:
            groups[member] = tuple(m for m in members if m != member)
    return groups


def _verb_number(document: Document, mention: Mention, cue_text: str | None) -> str | None:
    """Singular or plural from the finite verb beside "sie": "sie sagte" vs. "sie sagten"."""
    words: list[str] = []
    if cue_text:
        words.append(cue_text.split()[0])
    index = document.token_at(mention.start)
    if index is not None and index > 0 and document.tokens[index - 1].text == ",":
        index = None  # a relative "die": its verb closes the clause, far from the pronoun
    if index is not None:
        for neighbour in (index + 1, index - 1):
            if 0 <= neighbour < len(document.tokens):
                words.append(document.tokens[neighbour].text)
    for word in words:
        if not word[:1].islower() or len(word) < 3:
            continue
        if word in {"ist", "war", "hat", "wird", "sei", "habe", "werde", "kann", "will"}:
            return "sg"
        if word in {"sind", "waren", "haben", "werden", "seien", "können", "wollen"}:
            return "pl"
        if word.endswith(("en", "ern", "eln")):
            return "pl"
        if word.endswith(("te", "t", "e")):
            return "sg"
    return None


def scan_mentions(document: Document, gaz: Gazetteer) -> list[Mention]:
    """Named mentions anywhere in the article: gazetteer names, person names, named offices,
    and organisations with an article ("die Polizei"), in text order."""
    text = document.text
    found: list[Mention] = []  # the gazetteer's names: in text order, not overlapping
    taken: set[int] = set()
    matches = [*gaz.surface_pattern.finditer(text), *gaz.quoted_media_pattern.finditer(text)]
    matches.sort(key=lambda match: match.start())  # in text order: found_ends is bisected
    for match in matches:
        entry = gaz.lookup(match.group())
        if entry is None:
            continue
        following = text[match.end() + 1 : match.end() + 40].split(maxsplit=1)
        if following and gaz.first_name_before(match.group(), following[0].rstrip(".,;:")):
            continue  # "Riad Haddad" is a man, not Saudi Arabia's capital
        mention = _from_entry(Mention(match.start(), match.end(), match.group()), entry,
                              [match.group()], [], gaz)
        found.append(mention)
        taken.update(range(match.start(), match.end()))
    named_at = {mention.start: mention for mention in found}
    found_ends = [mention.end for mention in found]
    scanned: list[Mention] = []  # what the token scan below finds, in the order found
    scanned_reach: list[int] = []  # the furthest end among scanned[: k + 1]
    replaced: set[int] = set()  # ids of the mentions a person's longer phrase replaced
    tokens = document.tokens
    count = len(tokens)
    index = 0
    while index < count:
        token = tokens[index]
        word = token.text
        if token.start in taken or not word[:1].isupper():
            index += 1
            continue
        following = tokens[index + 1].text if index + 1 < count else ""
        previous = tokens[index - 1].text.lower() if index > 0 else ""
        starts_person = following[:1].isupper() and (
            gaz.first_name_gender(word) or gaz.family_name_first([word, following])
            or ((role := gaz.role(word))
                # a role known only by its ending needs a first name: "ihre Mandantin Angst"
                and (role.role_class != "profession" or gaz.first_name_gender(following))
                and not gaz.organisation_nouns.match(following)
                and gaz.lookup(following) is None
                and following.lower() not in DEFINITE)
        )
        if not starts_person and previous == "," and following[:1].isupper():
            starts_person = _name_after_role(document, tokens, index, gaz)
        if starts_person:
            end_index = _name_end(tokens, index)
            begin = _phrase_start(tokens, index, gaz)
            mention = parse_mention(document, tokens[begin].start, tokens[end_index - 1].end)
            if mention.is_named and mention.kind == "person":
                if end_index + 2 < count and tokens[end_index].text == "(" and (
                    tokens[end_index + 2].text == ")"
                ):
                    inside = tokens[end_index + 1].text
                    if (entry := gaz.lookup(inside)) and entry.kind == "state":
                        mention.state = entry.name  # "Rafael Correa (Ecuador)"
                    mention.party = mention.party or gaz.parties_of(inside)  # "Eva Roth (SPD)"
                if not mention.role:
                    _apposition_role(document, tokens, end_index, mention)
                if not mention.role:
                    _predicative_role(tokens, end_index, mention, gaz)
                if not mention.role:
                    _preceding_apposition_role(document, tokens, begin, mention)
                if tokens[begin].text.lower() in POSSESSIVE:
                    _colleague_role(scanned, mention, tokens[begin].text.lower())
                # "Nato-Generalsekretär Mark Rutte" replaces the bare gazetteer "Mark Rutte";
                # only the mentions near it are looked at, or long texts become quadratic
                position = bisect_right(found_ends, mention.start)
                while position < len(found) and found[position].start < mention.end:
                    replaced.add(id(found[position]))
                    position += 1
                for position in range(len(scanned) - 1, -1, -1):
                    if scanned_reach[position] <= mention.start:
                        break
                    other = scanned[position]
                    if other.end > mention.start and other.start < mention.end:
                        replaced.add(id(other))
                _add_scanned(scanned, scanned_reach, mention)
                index = end_index
                continue
        if previous in INDEFINITE and gaz.role(word):
            # "von einer Polizeisprecherin bestätigt. Sie sagte, ...": an unnamed antecedent
            mention = parse_mention(document, tokens[index - 1].start, token.end)
            if mention.form == "anonymous":
                _add_scanned(scanned, scanned_reach, mention)
        if (previous == "die" and gaz.source_nouns.match(word)) or (
            previous == "die" and (role := gaz.role(word)) is not None and role.gender != "female"
            and role.role_class != "adjectival"
        ):  # "die Ermittler": the group a later "sie" may mean
            mention = parse_mention(document, tokens[index - 1].start, token.end)
            if mention.form == "collective":
                _add_scanned(scanned, scanned_reach, mention)
        article = _article_before(tokens, index)
        if article is not None and gaz.organisation_nouns.match(word) is not None:
            following = tokens[index + 1] if index + 1 < count else None
            named = named_at.get(following.start) if following is not None else None
            if named is not None:  # "der Hilfsorganisation Ärzte ohne Grenzen": its noun
                named.head = named.head or word.lower()
            else:  # "die Gewerkschaft GPA-djp", "der BAT-Stiftung für Zukunftsfragen"
                end = _organisation_end(tokens, index, gaz)
                mention = parse_mention(document, tokens[article].start, tokens[end].end)
                if mention.form in {"organisation", "state", "media"} and mention.name and (
                    end > index or not _genitive_noun(word, gaz)
                ):  # "des Konzerns Blue Falcon" names one; "die Beschäftigten des Konzerns"
                    # none, "des Bildungsministeriums" does
                    _add_scanned(scanned, scanned_reach, mention)
        index += 1
    found = [m for m in [*found, *scanned] if id(m) not in replaced]
    found.sort(key=lambda m: m.start)
    return found


def _name_end(tokens: list, index: int) -> int:
    """The token after a person's name opening at `index`: capitalised words and the particles
    inside names ("Ursula von der Leyen"), five words at most."""
    end_index = index + 1
    count = len(tokens)
    while end_index < count and (
        tokens[end_index].text[:1].isupper()
        or ARABIC_ARTICLE.match(tokens[end_index].text) is not None  # "al-Hussein", "el-Sisi"
        or (tokens[end_index].text in {"von", "van", "de", "der", "al"}
        and end_index + 1 < count and tokens[end_index + 1].text[:1].isupper()
        # "der" only inside "von der Leyen", never "Samira Nouri der Agentur AFP"
        and (tokens[end_index].text != "der"
             or tokens[end_index - 1].text.lower() in {"von", "van"}))
    ) and end_index - index < 5:
        end_index += 1
    return end_index


def _name_after_role(document: Document, tokens: list, index: int, gaz: Gazetteer) -> bool:
    """ "..., sagte der Sprecher der Behörde, Said Omar Kadri.": two to four capitalised words
    set off by commas after a role's phrase name its holder, first name known or not."""
    word = tokens[index].text
    end_index = _name_end(tokens, index)
    if not 2 <= end_index - index <= 4 or (
        end_index < len(tokens) and tokens[end_index].text not in APPOSITION_ENDS
    ):
        return False
    if _is_adjective_form(word.lower()) or gaz.lookup(word) is not None or (
        gaz.organisation_nouns.match(word) or gaz.role(word)
        or any(gaz.lookup(tokens[k].text) is not None for k in range(index + 1, end_index))
    ):
        return False  # "Neue Wege", "Deutsche Bank": no name
    probe = Mention(tokens[index].start, tokens[end_index - 1].end, "")
    _preceding_apposition_role(document, tokens, index, probe)
    return probe.role is not None


def _add_scanned(scanned: list[Mention], reach: list[int], mention: Mention) -> None:
    reach.append(max(reach[-1], mention.end) if reach else mention.end)
    scanned.append(mention)


PHRASE_OPENERS = DEFINITE | POSSESSIVE
COPULAS = frozenset({"ist", "war", "bleibt", "blieb", "wird", "wurde"})
PREDICATE_REACH = 4  # tokens from "ist" to the office it names ("ist nicht mehr Trainer")
COLLEAGUE_NOUNS = frozenset({"Kollege", "Amtskollege"})  # masculine lemmas, both genders
COLLEAGUE_REACH = 300  # characters back to the person whose colleague is named
CONTRACTED_ARTICLES = frozenset({"am", "im", "beim", "vom", "zum", "zur"})
NAME_ADJECTIVE = re.compile(r"[A-ZÄÖÜ]\w+(?:isch|lich|er)(?:e|en|er|es)?$")  # "Israelitischen"
ARTICLE_LESS_STARTS = frozenset(',.;:!?()"„“”«»–-0123456789')
ORGANISATION_NAME_REACH = 5  # tokens after an organisation noun that may still name it
LINKING_WORDS = frozenset({"für", "gegen", "ohne", "des", "der"})  # within such a name


def _article_before(tokens: list, index: int) -> int | None:
    """The article (or "am", "im" ...) that opens the phrase of the noun at `index`, over up
    to two adjectives: "der Israelitischen Kultusgemeinde", "am Landesgericht"."""
    position = index - 1
    if position < 0 or tokens[position].text[:1] in ARTICLE_LESS_STARTS:
        return None  # a comma, a quotation mark, a number: no article before the noun
    while position >= 0 and index - position <= 3:
        word = tokens[position].text
        if word.lower() in DEFINITE or word.lower() in CONTRACTED_ARTICLES:
            return position
        if not (_is_adjective_form(word) or (word[:1].isupper() and NAME_ADJECTIVE.match(word))):
            return None
        position -= 1
    return None


def _genitive_noun(word: str, gaz: Gazetteer) -> bool:
    """Whether a word is the bare genitive of an organisation noun the table also lists in
    the nominative ("Konzerns", "Verbandes"; "Bildungsministeriums" is more than the noun)."""
    lower = word.lower()
    return any(lower.endswith(ending) and (found := gaz.organisation_nouns.match(
        lower[: -len(ending)])) is not None and found[0] == lower[: -len(ending)]
        for ending in ("es", "s"))


def _organisation_end(tokens: list, index: int, gaz: Gazetteer) -> int:
    """The last token that still names the organisation whose noun is at `index`: an acronym
    or a name after it ("Gewerkschaft GPA-djp", "Landesgericht Linz"), a purpose phrase ("für
    Zukunftsfragen") or a genitive ("Büro des Ministerpräsidenten")."""
    end = index
    limit = min(len(tokens) - 1, index + ORGANISATION_NAME_REACH)
    while end < limit:
        word = tokens[end + 1].text
        if word in LINKING_WORDS or (
            word[:1].isupper() and word.replace("-", "").isalnum() and (
                gaz.role(word) is None or tokens[end].text in {"des", "der"})  # "Büro des Chefs"
        ) or (_is_adjective_form(word) and tokens[end].text in LINKING_WORDS):
            end += 1
            continue
        break
    while end > index and tokens[end].text[:1].islower():
        end -= 1  # no article or preposition at the end
    return end


def _apposition_role(document: Document, tokens: list, index: int, mention: Mention) -> None:
    """ "Oskar Deutsch, Präsident der Israelitischen Kultusgemeinde Wien, sagte": the role
    that follows a name between commas."""
    if index + 1 >= len(tokens) or tokens[index].text != ",":
        return
    end = index + 1
    while end < len(tokens) and end - index <= 8 and tokens[end].text not in {",", ".", "(", ";"}:
        end += 1
    if end >= len(tokens) or tokens[end].text not in {",", ".", "("}:
        return  # "(": "Vorsitzende der Datenschutzgruppe (G29)", its abbreviation
    apposition = parse_mention(document, tokens[index + 1].start, tokens[end - 1].end)
    if apposition.form in {"role", "anonymous"} and apposition.role_noun is not None:
        mention.role = apposition.office if apposition.form == "anonymous" and (
            apposition.office == apposition.text) else (apposition.name or apposition.role)
        mention.role_noun = apposition.role_noun


def _predicative_role(tokens: list, index: int, mention: Mention, gaz: Gazetteer) -> None:
    """ "Karl Weber ist seit 2019 Trainer des Vereins", "Anna Berg war Ministerin": the office
    a name is said to hold, the noun after "ist" or "war" and at most a few lower-case words
    or a year (no article: "ist ein Freund" says no office)."""
    if index >= len(tokens) or tokens[index].text not in COPULAS:
        return
    for position in range(index + 1, min(len(tokens), index + 1 + PREDICATE_REACH)):
        word = tokens[position].text
        role = gaz.role(word) if word[:1].isupper() else None
        if role is not None and role.role_class in {"office", "profession"} and not role.plural:
            mention.role, mention.role_noun = word, role
            return
        if not (word.islower() and word.isalpha() and word not in INDEFINITE | DEFINITE) and (
            not word.isdigit()
        ):
            return


def _preceding_apposition_role(document: Document, tokens: list, index: int,
                               mention: Mention) -> None:
    """ "Der Geschäftsführer der Firma, Gerd Berger, hatte ...": the role before a name set
    off by a comma, where the role opens the sentence or a clause."""
    comma = index - 1
    if comma < 1 or tokens[comma].text != ",":
        return
    start = comma
    while start > 0 and comma - start < 8 and tokens[start - 1].text not in {
        ",", ".", "!", "?", ";", ":", "(", ")", "–", "—"
    }:
        start -= 1
    cue_word = next((k for k in range(comma - 1, start - 1, -1)
                     if tokens[k].text.lower() in CUE_PREPOSITIONS), None)
    if cue_word is not None:
        start = cue_word + 1  # "sollen laut Generalinspekteur der Behörde, Karl Berg": the
        # role's phrase begins after the cue's preposition
    # the phrase from its first article ("anders der Kommissar, ..."), else from the clause's
    # start ("Landesrätin der Grünen, ...")
    article = next((k for k in range(start, comma - 1) if tokens[k].text.lower() in DEFINITE),
                   None)
    for opener in ([article] if article is not None and article != start else []) + [start]:
        apposition = parse_mention(document, tokens[opener].start, tokens[comma - 1].end)
        if apposition.form in {"role", "anonymous"} and apposition.role_noun is not None:
            mention.role = apposition.office if apposition.form == "anonymous" and (
                apposition.office == apposition.text) else (apposition.name or apposition.role)
            mention.role_noun = apposition.role_noun
            if mention.gender is None and apposition.gender is not None:
                # "der Kommissar, Said Kadri": a first name the gazetteer lacks, the role's
                # gender
                mention.gender = apposition.gender
                mention.agreement = GENDER_OF_NATURAL.get(apposition.gender)
            return


def _colleague_role(scanned: list[Mention], mention: Mention, possessive: str) -> None:
    """ "Ökonom Karl Weber ..., sein Kollege Jan Ott": a colleague holds the role of the person
    named just before whose colleague he is ("seinem ägyptischen Amtskollegen" too); "sein"
    is a man's, "ihr" a woman's."""
    noun = mention.role_noun
    if noun is None or noun.lemma not in COLLEAGUE_NOUNS:
        return
    owner = "male" if possessive.startswith("sein") else "female" if possessive.startswith(
        "ihr") else None
    for other in reversed(scanned):
        if mention.start - other.end > COLLEAGUE_REACH:
            return
        if other.kind == "person" and other.role and other.role_noun is not None and (
            other.role_noun.lemma not in COLLEAGUE_NOUNS
        ):
            if owner is not None and other.gender == owner:
                mention.role = other.role
            return  # the person named just before is the owner, or no one is


def _phrase_start(tokens: list, index: int, gaz: Gazetteer) -> int:
    """Where the noun phrase of a role word begins: "der ukrainische Präsident" from
    "Präsident"; only an article or a possessive opens it ("fragte die Sprecherin" starts at
    "die", "seinen argentinischen Amtskollegen" at "seinen")."""
    begin = index
    while begin > 0 and index - begin < 4 and tokens[begin - 1].text.isalpha() and (
        tokens[begin - 1].text[:1].islower() or tokens[begin - 1].text.lower() in PHRASE_OPENERS
    ):
        begin -= 1
        opener = tokens[begin].text.lower()
        if opener in NEUTER and (role := gaz.role(tokens[index].text)) and role.gender:
            return index  # "Das sagte Bundespräsident Fischer": "das" is the object
        if opener in PHRASE_OPENERS:  # "dessen brasilianischer Amtskollege"
            return begin
    if index > 0 and tokens[index - 1].text.endswith("s") and (
        (entry := gaz.lookup(tokens[index - 1].text)) is not None and entry.kind == "state"
    ):
        return index - 1  # "Venezuelas Präsident Luis Moreno": the state's office holder
    return index


CUE_SOURCE_FORMS = frozenset({"collective", "organisation", "media", "state"})
OBLIQUE_OPENERS = frozenset({"dem", "einem", "des", "eines", "den"})


def _speaker_span(article: ArticleSources, speaker: Part) -> tuple[int, int]:
    """The part of a discontinuous speaker span that names the speaker ("dem Bericht" |
    "Cavallo", "Gudenus" | "der Kleinen Zeitung"): the first that reads as a subject (no
    dative or genitive article, a name, a role or a pronoun), else the whole."""
    if len(speaker.spans) == 1:
        return speaker.start, speaker.end
    ranked: list[tuple[int, int, tuple[int, int]]] = []
    for order, (start, end) in enumerate(speaker.spans):
        mention = parse_mention(article.document, start, end)
        first = article.document.text[start:end].split(maxsplit=1)[0].lower()
        rank = SPEAKER_FORM_RANK.get(mention.form, 3) + (2 if first in OBLIQUE_OPENERS else 0)
        if mention.text.lower() in FIRST_PERSON | {"man"}:
            rank = 9
        ranked.append((rank, order, (start, end)))
    return min(ranked)[2]


# an outlet in a discontinuous speaker span is mostly the one spoken to ("NBC" | "Barsony")
SPEAKER_FORM_RANK = {"named": 0, "pronoun": 0, "organisation": 0, "state": 0, "media": 1,
                     "role": 1, "anonymous": 1, "collective": 1, "reference": 2}


def resolve_sources(document: Document, attributions: list[Attribution]) -> ArticleSources:
    """Give every attribution with a speaker its source; carry sources over to continuations."""
    article = ArticleSources(document)
    article.quotes = sorted(span for a in attributions for span in a.quote.spans)
    speaking: list[tuple[Attribution, Entity]] = []
    previous: tuple[int, Entity] | None = None
    for attribution in sorted(attributions, key=lambda a: a.quote.start):
        speaker = attribution.speaker
        entity: Entity | None = None
        if speaker is not None and speaker.text.strip().lower() in GOING_ON:
            entity = article.interviewee(speaker.start)  # "Antwort: Wir sind noch dabei, ..."
            if entity is None and speaker.text.strip().lower() == "man" and (
                (token := document.token_at(speaker.start)) is not None
            ):  # "bezifferte man die Kosten im Finanzministerium"
                entity = article.source_beside(token, token, previous)
            if entity is None and previous is not None and (
                article.sentence_of(attribution.quote.start) - previous[0] <= CARRY_WINDOW
            ) and article.interview_label(speaker.start) is None:
                # "Ich glaube nicht, dass ...": the speaker of the words just before goes on,
                # or one who took the floor in the sentence between ("Biden wählte scharfe
                # Worte. Man wisse nicht, ...")
                entity = article.new_subject_between(previous, speaker.start) or previous[1]
        elif speaker is not None:
            cue_text = attribution.cue.text if attribution.cue else None
            start, end = article.completed_wrapper(*_speaker_span(article, speaker))
            start, end = article.possessed_phrase(start, end)
            start, end = article.name_after(start, end)
            start, end = article.apposed_name(start, end)
            start, end = article.one_of_two_names(start, end, cue_text)
            if attribution.cue is not None:
                start, end = article.subject_for_addressee(start, end, attribution.cue)
            cue_start = attribution.cue.start if attribution.cue else None
            if attribution.cue is not None:  # "Darin versprechen X und Y ...": X and Y speak
                entity = article.inverted_subject(start, end, attribution.cue, previous)
            if entity is None and not _zu_infinitive(cue_text):
                # "Lügen anzuprangern": an infinitive with zu has no subject of its own
                entity = article.resolve(start, end, cue_text, previous, cue_start)
            if entity is None and (article.names_nothing(start, end) or _zu_infinitive(cue_text)):
                # "Von dem Ballon sei nie eine Gefahr ausgegangen", "Lügen anzuprangern": a
                # phrase read as the speaker that names none; the statement's source is found
                # as for a statement without a speaker
                entity = article.speakerless_source(attribution, previous)
        else:
            entity = article.speakerless_source(attribution, previous)
        if entity is not None:
            speaking.append((attribution, entity))
            previous = (article.sentence_of(attribution.quote.end - 1), entity)
            article.last_speaker = entity
    # Built once per entity at the end, so that mentions found later (a pronoun resolved
    # further down) belong to every statement's source.
    sources: dict[int, Source] = {}
    for attribution, entity in speaking:
        if id(entity) not in sources:
            sources[id(entity)] = entity.to_source()
        attribution.source = sources[id(entity)]
    return article
