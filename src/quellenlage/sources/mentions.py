"""Reading one mention: what a speaker span (or a phrase found in the text) names.

A span such as "Der neue Nato-Generalsekretär Mark Rutte", "er", "Angaben der Polizei",
"aus Regierungskreisen" or "Moskau und Pjöngjang" becomes a `Mention`: its form (pronoun, named,
role, ...), the canonical name where the span gives one, its kind, role, gender and the agreement
features that pronoun resolution needs. Resolution across the article is done in resolve.py.
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass, field, replace
from functools import cache

from quellenlage.resources import read_lines, read_table
from quellenlage.sources.gazetteer import Entry, Gazetteer, RoleNoun, gazetteer, time_nouns
from quellenlage.sources.phrases import normalise_phrase, strong
from quellenlage.text import Document
from quellenlage.text.tokens import QUOTE_MARKS, Token


@cache
def _function_words() -> dict[str, frozenset[str]]:
    return {name: frozenset(words.split())
            for name, words in read_table("gazetteer", "function_words.tsv")}


_WORDS = _function_words()
DEFINITE = _WORDS["definite"]
INDEFINITE = _WORDS["indefinite"]
POSSESSIVE = _WORDS["possessive"]
QUANTIFIERS = _WORDS["quantifiers"]
LEADING_WORDS = _WORDS["leading"]
TRAILING_WORDS = _WORDS["trailing"]
NAME_PARTICLES = _WORDS["name_particles"]
REFLEXIVE = _WORDS["reflexive"]
COORDINATORS = _WORDS["coordinators"]
NOT_SPEAKERS = _WORDS["not_speakers"]
COMMON_NOUN_ENDINGS = tuple(_WORDS["common_noun_endings"])
REFERENCE_ADVERBS = _WORDS["reference_adverbs"]
QUANTITY_NOUNS = _WORDS["quantity_nouns"]
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
GENITIVE_ARTICLES = frozenset({"des", "eines"})
# possessives in the genitive: "seines Arztes", "ihrer Anwältin" after a noun like "Auskunft"
POSSESSIVE_GENITIVES = frozenset({"seines", "seiner", "ihres", "ihrer"})
DATIVE_ARTICLES = frozenset({"der", "dem", "den"})
CONTRACTED_PREPOSITIONS = frozenset({"am", "im", "beim", "vom", "zum", "zur", "ins", "ans"})
EMBEDDING_PREPOSITIONS = frozenset({"in", "im", "aus", "seit", "von", "vom", "mit", "für", "bei"})
NEUTER = frozenset({"das", "dieses"})
# after these a plural-looking weak noun is one person: "laut dem Journalisten"
SINGULAR_OBLIQUE = frozenset({"des", "dem", "eines", "einem", "dieses", "diesem"})
# Pronoun -> (grammatical gender or None for "f or plural", number or None).
PRONOUNS: dict[str, tuple[str | None, str | None]] = {
    "er": ("m", "sg"), "sie": (None, None), "es": ("n", "sg"),
    "der": ("m", "sg"), "die": (None, None), "dieser": ("m", "sg"), "diese": (None, None),
    "jener": ("m", "sg"), "jene": (None, None), "derjenige": ("m", "sg"),
    # a possessive alone is a speaker span of "seiner Einschätzung nach", "deren Angaben"
    "sein": ("m", "sg"), "seine": ("m", "sg"), "seiner": ("m", "sg"), "seinen": ("m", "sg"),
    "seinem": ("m", "sg"), "seines": ("m", "sg"), "dessen": ("m", "sg"),
    "ihre": (None, None), "ihrer": (None, None), "ihren": (None, None), "ihrem": (None, None),
    "ihres": (None, None), "deren": (None, None),
}
GENDER_OF_NATURAL = {"male": "m", "female": "f"}
ARABIC_ARTICLE = re.compile(r"(?:[Aa][lndsrt]|[Ee]l)-[A-ZÄÖÜ]")  # in a name: "al-Hussein"
NAMED_FORMS = frozenset({"named", "state", "organisation", "media"})


@dataclass
class Mention:
    """One mention of a source: a speaker span or a name, role or pronoun found in the text."""

    start: int
    end: int
    text: str
    # pronoun | reflexive | named | role | anonymous | collective | organisation | state | media
    # | none (a phrase that names nothing able to speak: "die Runde", "Ein Überblick", "wir")
    # | reference (a phrase that points back to a source: "Demnach", "den Angaben zufolge",
    #   "die Studie"; `head` holds its noun or adverb)
    form: str = "unknown"
    name: str | None = None
    kind: str = "unknown"
    role: str | None = None
    role_noun: RoleNoun | None = None
    gender: str | None = None  # natural gender of a person: female | male
    agreement: str | None = None  # grammatical gender or number: m | f | n | pl
    definite: bool = False
    state: str | None = None  # a state the mention is tied to ("der ukrainische Präsident")
    party: frozenset[str] | None = None  # the parties it names: "der SPD-Abgeordnete" -> SPD
    surname: str | None = None
    head: str | None = None  # an organisation's head noun ("ministerium"), a reference's word
    descriptive: bool = False  # an organisation named by its noun alone: "die Behörde"
    office: str | None = None  # the role noun as written, without adjectives: "Staatsanwalt"
    sentence: int = 0
    parts: list[Mention] = field(default_factory=list)
    genitive: bool = False  # a possessor ("Prigoschins Truppen"): never a clause's subject

    @property
    def is_named(self) -> bool:
        return self.form in NAMED_FORMS and self.name is not None


def span_tokens(document: Document, start: int, end: int) -> list[Token]:
    """The document's tokens inside [start, end); "58", "-", "Jährige" joined into one word."""
    first = document.token_at(start)
    if first is None:
        return []
    tokens: list[Token] = []
    # an index walk, not document.tokens[first:]: that copies the rest of the article per call
    all_tokens = document.tokens
    for index in range(first, len(all_tokens)):
        token = all_tokens[index]
        if token.start >= end:
            break
        if tokens and tokens[-1].end == token.start and (
            token.text.startswith("-") or tokens[-1].text.endswith("-")
        ):
            joined = tokens[-1].text + token.text
            tokens[-1] = Token(joined, tokens[-1].start, token.end, tokens[-1].index)
            continue
        tokens.append(token)
    return tokens


PARSE_CACHE_LIMIT = 100_000
_parsed: dict[str, Mention] = {}


def parse_mention(document: Document, start: int, end: int) -> Mention:
    """Read the span [start, end) of the document as a mention of a source.

    The reading depends on the span's text alone, so it is kept per text ("die Polizei" is read
    once per process) and handed out shifted to the span's offsets."""
    surface = document.text[start:end]
    template = _parsed.get(surface)
    if template is None:
        tokens = _trim(span_tokens(document, start, end))
        if not tokens:
            template = Mention(start, end, surface.strip())
        else:
            template = _parse_tokens(document.text, tokens, gazetteer())
        template = _shifted(template, -start)
        if len(_parsed) < PARSE_CACHE_LIMIT:
            _parsed[surface] = template
    return _shifted(template, start)


def _shifted(mention: Mention, offset: int) -> Mention:
    # a shallow copy with new offsets: dataclasses.replace() would run __init__ for every
    # field, several times per statement
    shifted = copy(mention)
    shifted.start += offset
    shifted.end += offset
    shifted.parts = [_shifted(part, offset) for part in mention.parts]
    return shifted


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].text.lower() in LEADING_WORDS or not _is_word(tokens[0])):
        if tokens[0].text == "(":
            break
        tokens = tokens[1:]
    while tokens and (tokens[-1].text.lower() in TRAILING_WORDS or not _is_word(tokens[-1])):
        if tokens[-1].text == ")":
            break
        tokens = tokens[:-1]
    return tokens


def _is_word(token: Token) -> bool:
    return token.text[:1].isalnum()


def _covering(text: str, tokens: list[Token]) -> tuple[int, int, str]:
    start, end = tokens[0].start, tokens[-1].end
    return start, end, text[start:end]


PERSONAL_PRONOUNS = frozenset({"er", "sie", "es"})


LONG_SPAN_TOKENS = 6


def _named_tail(tokens: list[Token], gaz: Gazetteer) -> list[Token]:
    """A long speaker span that ends in a first name and surname is read from its last role noun
    on: "Der beim Gipfel anwesende Außenminister des Königreichs Norwegen Lars Brekke"
    -> "Außenminister ... Lars Brekke" is hard to parse whole, "Außenminister Lars Brekke"
    is not."""
    words = {t.text for t in tokens}
    if len(tokens) < LONG_SPAN_TOKENS or "," in words or words & COORDINATORS:
        return tokens  # "Hofer und sein Wahlkampfleiter Herbert Kickl": two people
    first_name = next((i for i in range(len(tokens) - 2, 0, -1)
                       if gaz.first_name_gender(tokens[i].text)), None)
    if first_name is None or not all(t.text[:1].isupper() for t in tokens[first_name:]):
        return tokens
    while first_name > 1 and gaz.first_name_gender(tokens[first_name - 1].text):
        first_name -= 1  # "Luiz Inácio Lula": the first of several first names
    role = next((i for i in range(first_name - 1, -1, -1) if gaz.role(tokens[i].text)), None)
    if role is None:
        if any(gaz.organisation_nouns.match(t.text) for t in tokens[:first_name]):
            return tokens  # "Das Team des Kremlkritikers Alexej Nawalny": the team speaks
        return tokens[first_name:]
    state = role
    while state > 0 and gaz.state_of_adjective(tokens[state - 1].text):
        state -= 1  # "brasilianischen Amtskollegen": the state stays with the role
    return [*tokens[state : role + 1], *tokens[first_name:]]


def _parse_tokens(text: str, tokens: list[Token], gaz: Gazetteer) -> Mention:
    if len(tokens) > 1 and tokens[0].text.lower() in PERSONAL_PRONOUNS and (
        tokens[1].text.lower() not in ("selbst", "beide", "alle", "allein")
    ):
        # a personal pronoun opens no longer phrase: "Er dem Künstler ..." is a speaker span
        # that ran on, and "Er" is the speaker
        tokens = tokens[:1]
    if tokens[0].text.lower() in REFERENCE_ADVERBS:
        if len(tokens) == 1:  # "Demnach": the source of the statement before
            return Mention(tokens[0].start, tokens[0].end, tokens[0].text, form="reference",
                           head=tokens[0].text.lower())
        tokens = tokens[1:]  # "Danach Felderer": a speaker span that began too early
    tokens = _named_tail(tokens, gaz)
    start, end, surface = _covering(text, tokens)
    if len(tokens) == 1 and tokens[0].text.lower() in PRONOUNS:
        agreement, number = PRONOUNS[tokens[0].text.lower()]
        return Mention(start, end, surface, form="pronoun",
                       agreement=agreement if number else None)
    parts = _split_coordination(tokens)
    if len(parts) > 1:
        mentions = [_parse_tokens(text, part, gaz) for part in parts]
        *first, last = mentions
        if last.form == "named" and last.kind == "person" and all(
            m.form in {"role", "anonymous"} and m.office and m.office == m.text for m in first
        ):  # "ÖVP-Chef und Wirtschaftsminister Reinhold Mitterlehner": one person, two roles
            last.role = " und ".join([*(m.office or "" for m in first), last.role or ""]).strip()
            last.start, last.end, last.text = start, end, surface
            return last
        listed = _listed_bodies(text, [*_split_commas(parts[0]), *parts[1:]], gaz)
        if listed is not None:  # "ARD, SWR und die „Zeit“": several outlets together
            listed.start, listed.end, listed.text = start, end, surface
            return listed
        named = [m for m in mentions if m.is_named and m.kind != "unknown"]
        surnames = all(m.kind != "unknown" or m.text.istitle() for m in mentions)
        apposition = any(t.text == "," for t in parts[0])  # "Kline, ein Abgeordneter und ..."
        if named and surnames and not apposition and all(m.is_named for m in mentions):
            # "Hofer und Herbert Kickl": a surname named before and a full name
            kinds = {m.kind for m in named}
            kind = kinds.pop() if len(kinds) == 1 else "collective"
            names = list(dict.fromkeys(m.name for m in mentions if m.name))
            return Mention(start, end, surface, form="named",
                           name=" und ".join(names),
                           kind="collective" if kind == "person" else kind,  # people: a group
                           agreement="pl", definite=True, parts=mentions)
    segments = _split_commas(tokens)
    if not segments:  # punctuation only
        return _not_a_source(Mention(start, end, surface))
    mention = _parse_segment(text, segments[0], gaz)
    if mention.form == "none" and len(segments) > 1 and len(segments[0]) <= LONG_SPAN_TOKENS:
        # "Die frühere Sonderbeauftragte für den Balkan, Petra Lindner": the name right
        # after a short phrase that names nothing is the speaker
        extra = _parse_segment(text, segments[1], gaz)
        if extra.form == "named" and extra.kind == "person":
            mention = extra
    for apposition in segments[1:]:
        extra = _parse_segment(text, apposition, gaz)
        _merge_apposition(mention, extra)
    mention.start, mention.end, mention.text = start, end, surface
    return mention


def _listed_bodies(text: str, parts: list[list[Token]], gaz: Gazetteer) -> Mention | None:
    """Outlets or organisations named in a list ("NDR, WDR und SZ", "ARD, SWR und die
    „Zeit“"): one source that names them all, of their kind."""
    if len(parts) < 3:
        return None  # two are read as a coordination of any names
    words = [t.text for t in parts[0]]
    group = next((k for k, word in enumerate(words) if word in {"aus", "von"}), None)
    head = None
    if group is not None and 0 < group < len(words) - 1:
        # "der Rechercheverbund aus ARD, SWR und Zeit": a group of the bodies listed
        head = _parse_tokens(text, parts[0][:group], gaz)
        if head.form not in {"organisation", "media", "collective"} or not head.name:
            return None
        parts = [parts[0][group + 1 :], *parts[1:]]
    mentions = [_quoted_name(Mention(0, 0, ""), [t.text for t in part[1:]], gaz)
                if part[0].text in QUOTE_MARKS else _parse_tokens(text, part, gaz)
                for part in parts]  # '„Abendpost“' in a list of outlets is one more
    kinds = {m.kind for m in mentions}
    if not all(m.is_named for m in mentions) or not kinds <= {"media", "organisation"}:
        return None
    name = list_names([m.name for m in mentions if m.name])
    if head is not None and head.name:
        name = f"{head.name} {words[group]} {name}"  # type: ignore[index]
    return Mention(0, 0, "", form="named", name=name,
                   kind=kinds.pop() if len(kinds) == 1 else "organisation", agreement="pl",
                   definite=True, parts=mentions)


def list_names(names: list[str]) -> str:
    """Names joined as German lists them: "A", "A und B", "A, B und C"."""
    names = list(dict.fromkeys(names))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " und " + names[-1]


def _merge_apposition(mention: Mention, extra: Mention) -> None:
    """ "Karin Vogt, die Bürgermeisterin von Passau" and "Der Sprecher, Jonas Brandt"."""
    if mention.form == "named" and mention.kind == "person" and extra.form in {
        "role", "anonymous"
    } and extra.role_noun is not None:  # "Mao Ning, Sprecher des Außenministeriums"
        mention.role = mention.role or extra.role
        mention.gender = mention.gender or extra.gender
    elif mention.form == "role" and extra.form == "named" and extra.kind == "person":
        role, noun = mention.role, mention.role_noun
        gender = mention.gender
        for attribute in ("form", "name", "kind", "surname", "agreement"):
            setattr(mention, attribute, getattr(extra, attribute))
        mention.role = extra.role or role
        mention.role_noun = extra.role_noun or noun
        mention.gender = extra.gender or gender
        mention.agreement = GENDER_OF_NATURAL.get(mention.gender or "")
        mention.definite = True


def _split_at(tokens: list[Token], separators: frozenset[str] | set[str]) -> list[list[Token]]:
    """The runs of tokens between separators, outside parentheses: "Sonia und Willy Bogner"."""
    parts: list[list[Token]] = [[]]
    depth = 0
    for token in tokens:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        if depth == 0 and token.text in separators and parts[-1]:
            parts.append([])
            continue
        parts[-1].append(token)
    return [part for part in parts if part]


def _split_coordination(tokens: list[Token]) -> list[list[Token]]:
    return _split_at(tokens, COORDINATORS)


def _split_commas(tokens: list[Token]) -> list[list[Token]]:
    return [trimmed for part in _split_at(tokens, {","}) if (trimmed := _trim(part))]


def _parse_segment(text: str, tokens: list[Token], gaz: Gazetteer) -> Mention:
    start, end, surface = _covering(text, tokens)
    mention = Mention(start, end, surface)
    words = [t.text for t in tokens]
    share = next((k for k in range(min(len(words) - 2, 3)) if words[k].lower() in QUANTITY_NOUNS
                  and words[k + 1] == "der"), None)
    if share is not None:  # "Drei Viertel der Befragten": the Befragte, a group
        article = tokens[share + 1]
        group = _parse_segment(text, [Token("die", article.start, article.end, article.index),
                                      *tokens[share + 2 :]], gaz)
        return _as_group(group, start, end, surface)
    i = 0
    determiner = None
    if words[0].lower() in DEFINITE | INDEFINITE | POSSESSIVE | QUANTIFIERS:
        determiner = words[0].lower()
        i = 1
    mention.definite = determiner is not None and determiner not in INDEFINITE | QUANTIFIERS
    if determiner in DEFINITE and i < len(words) and words[i] in QUOTE_MARKS:
        return _quoted_name(mention, words[i + 1 :], gaz)  # 'die „New York Times“'
    adjectives: list[str] = []
    attribute: list[str] = []  # "der Miliz nahestehende": how an unnamed source is described
    if determiner is not None and i < len(words) and (
        words[i] in EMBEDDING_PREPOSITIONS or words[i] in DATIVE_ARTICLES
    ):
        # "die in London ansässige Beobachtungsstelle", "eine der Miliz nahestehende Quelle":
        # the phrase up to the participle
        participle = next((k for k in range(i + 1, min(len(words) - 1, i + 5))
                           if _is_adjective_form(words[k])), None)
        if participle is not None:  # the participle describes, it does not name
            attribute = words[i : participle + 1]
            i = participle + 1
    known = _gazetteer_at(words, i, gaz)
    while (known is None or known[1] < 2) and i < len(words) - 1 and _is_adjective(
        words[i], words[i + 1], gaz
    ):  # "Die Deutsche Bahn" is a name, "Die russische Regierung" an adjective and a noun
        adjectives.append(words[i])
        i += 1
    if i >= len(words):
        return _not_a_source(mention)  # "die seine": no noun at all
    if known is not None and known[1] >= 2 and not adjectives:  # "Die Deutsche Bahn"
        return _from_entry(mention, known[0], words[i : i + known[1]], adjectives, gaz)
    if determiner in GENITIVE_ARTICLES and words[i][:1].isupper() and gaz.lookup(words[i]) is None:
        # "(nach Angaben) des Marktforschers Focus": the source is der Marktforscher
        tokens = [*tokens[:i], _nominative_token(tokens[i], gaz), *tokens[i + 1 :]]
        words = [t.text for t in tokens]
    head = words[i]
    if i == len(words) - 1 and gaz.lookup(head) is None and is_time_noun(head):
        return _not_a_source(mention)  # "dem Bericht vom Donnerstag zufolge": a date
    state = next((s for a in adjectives if (s := gaz.state_of_adjective(a))), None)
    mention.state = state

    if head.lower() in REFLEXIVE or any(a.lower() in REFLEXIVE for a in adjectives):
        mention.form = "reflexive"
        return mention
    # "Selenskyjs Worten zufolge", "nach Angaben der Polizei", "Polizeiangaben"
    wrapped = _unwrap(text, tokens, i, determiner, gaz)
    if wrapped is not None and state is not None and wrapped.form in {"reference", "none"}:
        # "nach israelischen Erkenntnissen", "russischen Angaben zufolge": the state's
        wrapped.form, wrapped.kind, wrapped.name, wrapped.state = "state", "state", state, state
        wrapped.agreement = gaz.state_genders.get(state)
    if wrapped is not None:
        return wrapped
    if i + 2 < len(words) and words[i + 1] in {"'", "’"} and gaz.wrappers.match(words[i + 2]):
        return _parse_tokens(text, [tokens[i]], gaz)  # "Nach Bas' Worten"
    if i + 1 < len(words) and head.endswith("s") and gaz.wrappers.match(words[i + 1]):
        return _parse_tokens(text, [_strip_genitive_token(tokens[i], gaz)], gaz)
    if (
        i + 1 < len(words) and head.endswith("s") and head[:1].isupper()
        and gaz.lookup(head) is None and gaz.role(head) is None and gaz.role(words[-1])
        and not gaz.first_name_gender(words[-1])
        and all(_is_adjective_form(word) for word in words[i + 1 : -1])
    ):  # "Nawalnys Sprecherin", "Mitterlehners früherer Chef", "Sorins Mitarbeiter": the
        # role of someone named, or the group of people someone named has
        inner = _parse_segment(text, tokens[i + 1 :], gaz)
        if inner.form in {"role", "anonymous", "collective"} and inner.name:
            inner.name = f"{inner.name} {head}"
            inner.start, inner.end, inner.text = start, end, surface
            return inner
    if (
        i + 1 < len(words) and head.endswith("s") and head[:1].isupper()
        and gaz.lookup(head) is None and gaz.role(head) is None
        and gaz.organisation_nouns.match(words[i + 1])
    ):  # "Schmidts Ministerium": the organisation speaks, not its head
        inner = _parse_segment(text, tokens[i + 1 :], gaz)
        inner.start, inner.end, inner.text = start, end, surface
        return inner

    if head in NAME_PARTICLES and i + 1 < len(words) and words[i + 1][:1].isupper():
        return _parse_name(text, tokens[i:], mention, gaz)  # "de Maizière", "von Notz"
    if not head[:1].isupper() and not (head[:1].isdigit() and gaz.role(head)):
        return _not_a_source(mention)  # "man gerne", "und eine Stagnation ...", "52,9 Prozent"
    if head.lower() in NOT_SPEAKERS:
        return _not_a_source(mention)  # "Wir", "Frage:" (an interview's label)
    before_name = i + 1 < len(words) and bool(gaz.first_name_gender(words[i + 1]))
    plural_source = _is_plural_source(head, determiner, gaz) and not before_name
    role = gaz.role(head) if not plural_source else None
    if role is not None and not before_name and _several(role, head, determiner):
        # "die Biochemiker", "Journalisten", "mehrere Abgeordnete": no one person
        mention.form = mention.kind = "collective"
        mention.agreement = "pl"
        named = tokens[i]
        if head.endswith("n") and head[:-1] == role.lemma and role.lemma.endswith(("er", "el")):
            named = Token(role.lemma, named.start, named.end - 1, named.index)  # "Ministern"
        mention.name = normalise_phrase(adjectives, [named], "pl")
        return mention
    if role is not None and role.plural:  # "laut dem Journalisten": one Journalist
        role = replace(role, plural=False)
        tokens = [*tokens[:i], Token(role.lemma, tokens[i].start, tokens[i].end,
                                     tokens[i].index), *tokens[i + 1 :]]
    if role is None:
        # "Human Rights Watch-Sprecher Malinowski": a role compound after a name of words
        for k in range(i + 1, min(len(words), i + 4)):
            if not words[k - 1][:1].isupper():
                break
            if "-" in words[k] and (compound := gaz.role(words[k])) is not None:
                merged = Token(text[tokens[i].start : tokens[k].end], tokens[i].start,
                               tokens[k].end, tokens[i].index)
                tokens = [*tokens[:i], merged, *tokens[k + 1 :]]
                words = [t.text for t in tokens]
                role = compound
                break
    if role is not None and determiner in NEUTER and role.gender is not None:
        # "Das bestätigte Clubmanager Gruber": a neuter "das" opens no phrase of a man or a
        # woman; it is the object, and the verb after it no adjective
        return _parse_segment(text, tokens[i:], gaz)
    if role is not None:
        return _parse_role(text, tokens, i, determiner, adjectives, role, mention, gaz)
    source_noun = gaz.source_nouns.match(head)
    if source_noun and determiner in INDEFINITE and source_noun[1][0] == "anonymous":  # type: ignore[index]
        mention.form = mention.kind = "anonymous"  # "ein Insider", "eine informierte Quelle"
        mention.name = " ".join([*attribute, *adjectives, head])
        return mention
    if source_noun and (determiner is None or determiner in {"die", "den"} | QUANTIFIERS):
        kind = source_noun[1][0]  # type: ignore[index]
        # "Experten", "Medienberichte": an unnamed group; "Regierungskreise": unnamed people
        mention.form = "anonymous" if kind == "anonymous" else "collective"
        mention.kind = mention.form
        mention.agreement = "pl"
        mention.name = normalise_phrase(adjectives, tokens[i:i + 1], "pl")
        stem = gaz.source_nouns.match(head[:-1]) if head.endswith("n") else None
        if stem is not None and stem[1][1] == "pl":  # type: ignore[index]
            # dative plural: "Regierungskreisen" -> "...kreise"; "Quellen" stays
            mention.name = mention.name[:-1]
        if kind == "media_reports" and i + 1 < len(words):
            inner = _parse_tokens(text, _trim(tokens[i + 1 :]), gaz)
            if inner.kind == "media":
                return inner
        return mention
    entry_match = _gazetteer_at(words, i, gaz)
    if entry_match is not None and entry_match[1] == 1 and i + 1 < len(words) and (
        gaz.first_name_before(words[i], words[i + 1])
    ):
        entry_match = None  # "Riad Haddad": a first name, not Saudi Arabia's capital
    if entry_match is not None:
        entry, length = entry_match
        if entry.kind == "state" and i + length < len(words) - 1 and (
            gaz.role(words[i + length]) or gaz.first_name_gender(words[-2])
        ):  # "Österreichs Energieregulator Walter Boltz", "Argentiniens Routinier Javier
            # Mascherano": the state's office holder or player
            inner = _parse_segment(text, tokens[i + length :], gaz)
            if inner.kind == "person":
                inner.state = inner.state or entry.name
                inner.start, inner.end, inner.text = start, end, surface
                return inner
        if entry.kind == "state" and i + length == len(words) - 1 and gaz.role(words[-1]) and (
            determiner is None
        ):  # "Frankreichs Innenminister", "Brasiliens Teamspieler": the state's office holder
            # or people, as "der französische Innenminister" would be
            adjective = gaz.adjective_of_state(entry.name)
            words_before = ["der", *([adjective] if adjective else [])]
            inner = _parse_segment(text, [*(Token(w, tokens[i].start, tokens[i].start,
                                                  tokens[i].index) for w in words_before),
                                          tokens[-1]], gaz)
            if inner.kind in {"person", "collective"}:
                inner.state = inner.state or entry.name
                inner.start, inner.end, inner.text = start, end, surface
                return inner
        body = gaz.organisation_nouns.match(words[i + length]) if (
            entry.kind == "state" and i + length < len(words)) else None
        if body is not None and body[1][0] not in {"state", "collective"}:  # type: ignore[index]
            # "Israels Armee", "Russlands Zentralbank": the state's body speaks, as "die
            # israelische Armee" does, not the state
            mention.state = entry.name
            return _parse_organisation(text, tokens, i + length, [], body, mention, gaz)
        _from_entry(mention, entry, words[i : i + length], adjectives, gaz)
        if body is not None and body[1][0] == "state":  # type: ignore[index]
            mention.role = "Regierung"  # "Israels Regierung"
        return mention
    organisation = gaz.organisation_nouns.match(head)
    if organisation is not None:
        return _parse_organisation(text, tokens, i, adjectives, organisation, mention, gaz)
    named = _parse_name(text, tokens[i:], mention, gaz)
    if determiner in DEFINITE and (named.kind == "unknown" or (
        named.kind == "person" and not named.gender
    )) and (proper := _proper_name(determiner, adjectives, words[i:], gaz)) is not None:
        named.form = named.kind = "organisation"  # "Der Islamische Dschihad"
        named.name, named.agreement = proper, ARTICLE_GENDERS.get(determiner, "m")
        named.surname = named.gender = None
        return named
    if (determiner is not None or adjectives) and (
        named.kind == "unknown" or (named.kind == "person" and not named.gender)
    ):
        # a noun with an article that is no role, organisation or vague source: "die Runde",
        # "Ein Überblick", "das Ergebnis"; a name needs a first name: "die Gruppe Idee" is none
        return _not_a_source(named)
    return named


ARTICLE_GENDERS = {"der": "m", "die": "f", "das": "n", "den": "m", "dem": "m", "des": "m"}
# how the stems of adjectives (and participles) end: "Vereinigt-e", "Islamisch-e", "National-e"
ADJECTIVE_STEM_ENDINGS = ("ig", "isch", "lich", "t", "al", "ar", "nd", "iv", "ell", "ös")
ADJECTIVE_STEMS = frozenset({"Rot", "Grün", "Blau", "Schwarz", "Weiß", "Jung", "Alt", "Neu",
                             "Frei", "Groß", "Hoh", "Ober"})


def _proper_name(determiner: str, adjectives: list[str], words: list[str],
                 gaz: Gazetteer) -> str | None:
    """The name of a body that a capitalised adjective makes a proper name after an article:
    "Der Islamische Dschihad", "die Vereinigte Front", "das Rote Kreuz" (in the nominative:
    "Islamischer Dschihad")."""
    if not adjectives and len(words) == 2 and _capitalised_adjective(words[0], gaz):
        adjectives, words = words[:1], words[1:]
    if len(words) != 1 or not adjectives or not adjectives[-1][:1].isupper():
        return None
    gender = ARTICLE_GENDERS.get(determiner, "m")
    return " ".join([*(strong(a, gender) for a in adjectives), words[0]])


def _capitalised_adjective(word: str, gaz: Gazetteer) -> bool:
    """ "Vereinigte", "Rote": a capitalised word with an adjective's ending that is no name,
    role or organisation noun the gazetteer knows."""
    stem = next((word[: -len(e)] for e in ("en", "er", "es", "e") if word.endswith(e)), "")
    return len(stem) >= 3 and word.isalpha() and (
        stem.endswith(ADJECTIVE_STEM_ENDINGS) or stem in ADJECTIVE_STEMS) and not (
        gaz.lookup(word) or gaz.role(word) or gaz.first_name_gender(word)
        or gaz.organisation_nouns.match(word) or gaz.source_nouns.match(word))


def _quoted_name(mention: Mention, words: list[str], gaz: Gazetteer) -> Mention:
    """A name in quotation marks after an article ('die „New York Times“', 'das „Blatt“'): the
    outlet the gazetteer knows by it, else an outlet of that name (newsrooms quote the names
    of papers and programmes)."""
    closing = next((k for k, word in enumerate(words) if word in QUOTE_MARKS), len(words))
    name = " ".join(words[:closing])
    if not name[:1].isupper():
        return _not_a_source(mention)
    entry = gaz.lookup(name)
    if entry is not None:
        return _from_entry(mention, entry, words[:closing], [], gaz)
    mention.form = mention.kind = "media"
    mention.name, mention.definite = name, True
    return mention


def _as_group(mention: Mention, start: int, end: int, surface: str) -> Mention:
    """A role or vague source read as several people: "(60 Prozent) der Befragten"."""
    if mention.form in {"role", "anonymous", "collective"}:
        noun = mention.role_noun
        if noun is not None and noun.role_class == "adjectival":
            mention.name = noun.lemma.removesuffix("r")  # Befragter -> "Befragte"
        mention.form = mention.kind = "collective"
        mention.role = mention.gender = mention.role_noun = None
        mention.agreement = "pl"
    mention.start, mention.end, mention.text = start, end, surface
    return mention


@cache
def _parts_of_day() -> frozenset[str]:
    return time_nouns() | {"Früh"}


def is_time_noun(word: str) -> bool:
    """A noun of time ("Donnerstag", "Woche") or a day with its part ("Sonntagfrüh",
    "Samstagvormittag", "Montagabend"): it dates a statement and never names its source."""
    if word in time_nouns():
        return True
    return any(word.startswith(day) and word[len(day):].capitalize() in _parts_of_day()
               for day in time_nouns() if len(word) > len(day))


def _not_a_source(mention: Mention) -> Mention:
    mention.form, mention.kind, mention.name = "none", "unknown", None
    mention.role = mention.surname = None
    return mention


def _several(role: RoleNoun, head: str, determiner: str | None) -> bool:
    """Whether a role noun names several people: a plural form ("Journalisten") unless a
    singular article asks for one ("des Journalisten"), a masculine form after "die" ("die
    Politiker"), any role after a quantifier ("mehrere Abgeordnete")."""
    if determiner in QUANTIFIERS:
        return True
    if role.plural:
        return determiner not in SINGULAR_OBLIQUE
    return determiner == "die" and role.gender == "male" and head[:1].isupper()


def _is_adjective(word: str, following: str, gaz: Gazetteer) -> bool:
    if word[:1].islower() and word.replace("-", "").isalpha():  # "öffentlich-rechtliche"
        return word not in NAME_PARTICLES and word not in COORDINATORS and (
            word not in EMBEDDING_PREPOSITIONS)
    if word[:1].isdigit() or not word[:1].isupper() or not following[:1].isupper():
        return False
    if _is_place_adjective(word, following, gaz):
        return True
    # "Politische Beobachter", "Chinesische Politiker": a capitalised adjective opens the span
    return (
        word.lower().endswith(("ische", "ischen", "ischer", "liche", "lichen", "licher"))
        or (gaz.state_of_adjective(word) is not None and not gaz.lookup(word))
        # "das Nationale Anti-Terror-Komitee", "der Oberste Gerichtshof": a name's adjective
        or (word.endswith(ADJECTIVE_ENDINGS) and gaz.organisation_nouns.match(following)
            and gaz.lookup(word) is None and gaz.role(word) is None)
    ) and word not in gaz.first_names


def _is_place_adjective(word: str, following: str, gaz: Gazetteer) -> bool:
    """ "Die Wiener Forscher", "der Berliner Bürgermeister": a place adjective in -er, which
    never inflects, before a role, a vague source or an organisation (not before a name:
    "Peter Müller")."""
    return (
        word.endswith("er") and len(word) > 4 and word.isalpha()
        and word not in gaz.first_names and gaz.role(word) is None
        and gaz.lookup(word) is None
        and bool(gaz.role(following) or gaz.source_nouns.match(following)
                 or gaz.organisation_nouns.match(following)  # "die Brüsseler Staatsanwaltschaft"
                 or _is_named_body(following, gaz))  # "des Berliner Tagesspiegels"
    )


def _is_named_body(word: str, gaz: Gazetteer) -> bool:
    """Whether a word names an outlet or organisation the gazetteer knows, also in the genitive
    ("Tagesspiegels")."""
    entry = gaz.lookup(word) or (gaz.lookup(word[:-1]) if word.endswith("s") else None)
    return entry is not None and entry.kind in {"media", "organisation"}


def _is_plural_source(word: str, determiner: str | None, gaz: Gazetteer) -> bool:
    found = gaz.source_nouns.match(word)
    if not found:
        return False
    role = gaz.roles.match(word)
    if role and len(role[0]) > len(found[0]):
        return False  # "Mitarbeiterin": the role form is the longer, truer match
    return determiner is None or determiner in {"die", "den"} | QUANTIFIERS


def _strip_genitive_token(token: Token, gaz: Gazetteer) -> Token:
    word = token.text
    if word.endswith("s") and (gaz.lookup(word) or word[:-1][:1].isupper()):
        return Token(word[:-1], token.start, token.end - 1, token.index)
    return token


def _role_stem(token: Token, gaz: Gazetteer) -> Token:
    """A role noun in the genitive without its ending where the role lexicon knows the stem
    ("Arztes" -> Arzt, "Anwalts" -> Anwalt); any other word as it is ("Anwältin")."""
    word = token.text
    for cut in (2, 1):
        if word.endswith("es"[2 - cut :]) and (role := gaz.role(word[:-cut])) is not None and (
            role.form == word[:-cut]
        ):
            return Token(word[:-cut], token.start, token.end - cut, token.index)
    return token


GENITIVE_ES_STEMS = ("st", "nd", "ld", "rd", "ft", "cht", "nt", "kt", "rt", "s", "ß", "z", "x")


def _nominative_token(token: Token, gaz: Gazetteer) -> Token:
    """A masculine or neuter noun after "des" without its genitive ending: Geheimdienstes ->
    Geheimdienst, Landes -> Land, Ministeriums -> Ministerium."""
    word = token.text
    if gaz.lookup(word):
        return token
    if word.endswith("es") and word[:-2].endswith(GENITIVE_ES_STEMS) and len(word) > 5:
        return Token(word[:-2], token.start, token.end - 2, token.index)
    if word.endswith("s") and not word.endswith("ss"):
        return Token(word[:-1], token.start, token.end - 1, token.index)
    return token


def _unwrap(
    text: str, tokens: list[Token], i: int, determiner: str | None, gaz: Gazetteer
) -> Mention | None:
    head = tokens[i].text
    found = gaz.wrappers.match(head)
    if not found or not head[:1].isupper():
        return None
    form, (kind,) = found  # type: ignore[misc]
    prefix = head[: len(head) - len(form)].rstrip("-")
    following = tokens[i + 1 :]
    if len(following) > 1 and following[0].text.lower() in {"vom", "von"} and is_time_noun(
        following[-1].text
    ):
        following = []  # "Polizeiangaben vom Sonntag": the date of the words, not their author
    rest = _trim(following)
    if len(rest) == 1 and rest[0].text.endswith("s") and gaz.lookup(rest[0].text):
        return _parse_tokens(text, rest, gaz)  # "Nach Ansicht Roms"
    if following and following[0].text.lower() in POSSESSIVE_GENITIVES and len(following) > 1:
        # "nach Auskunft seines Arztes", "laut Aussage ihrer Anwältin": the possessed person
        # (the doctor), not the possessor, is the source
        inner = _parse_tokens(text, [following[0], _role_stem(following[1], gaz),
                                     *following[2:]], gaz)
        if inner.form in {"role", "anonymous", "named"}:
            return inner
    if following and following[0].text.lower() in {"des", "der", "eines", "einer", "von", "vom",
                                                    "aus", "seitens"}:
        rest = following  # "Angaben von Brandners Ministerium": "von" is no edge word here
        inner_tokens = _trim(rest[1:]) or rest
        if rest[0].text.lower() in {"des", "der", "eines", "einer"} and inner_tokens:
            # "Angaben des Geheimdienstes", "einer Mitteilung des Präsidialamts der ...": the
            # genitive article makes the segment parser read the head in the nominative, and
            # "den Vorwurf der Klientelpolitik" names no source
            inner_tokens = [rest[0], *inner_tokens]
        inner = _parse_tokens(text, inner_tokens, gaz)
        title = _quoted_title(rest[1:]) if kind == "media_reports" else None
        if inner.form in {"unknown", "none"} and not inner.name and title:
            # 'ein Bericht der „Abendpost“': a title in quotation marks is a publication
            entry = gaz.lookup(title)
            if entry is None and rest[0].text.lower() in GENITIVE_ARTICLES and (
                title.endswith("s") and not title.endswith("ss")
            ):
                title = title[:-1]  # 'des „Morgenkuriers“' is the „Morgenkurier“
            return Mention(tokens[0].start, tokens[-1].end, head, form="media",
                           name=entry.name if entry else title, kind="media", definite=True)
        if inner.form != "unknown" or inner.name:
            return inner
    if prefix:
        if kind == "media_reports" and prefix.lower() in {
            "medien", "presse", "zeitungs", "korrespondenten"}:  # not "Pressemitteilung"
            if determiner in DEFINITE:  # "dem Zeitungsbericht": the paper named before
                return Mention(tokens[0].start, tokens[-1].end, head, form="reference", head=form)
            return _vague_reports(tokens, head, gaz)
        word = prefix[:-1] if prefix.endswith("s") and not gaz.lookup(prefix) else prefix
        inner = _parse_word(word, gaz, hyphenated=head[len(prefix)] == "-")
        if inner is not None and inner.kind == "unknown" and kind == "document":
            # "einer Gallup-Umfrage", "die Prognos-Studie": the author of a study, a poll or
            # an expert opinion named before its noun is an institute
            inner.form = inner.kind = "organisation"
            inner.surname, inner.agreement = None, "n"
        if inner is not None:
            inner.start, inner.end, inner.text = tokens[0].start, tokens[-1].end, head
            return inner
    # no author named in the phrase: "den Angaben zufolge", "die Studie", "dem Bericht", or a
    # compound that names none ("der Antisemitismusbericht")
    if kind == "media_reports" and (determiner is None or determiner in INDEFINITE):
        return _vague_reports(tokens, head[:1].upper() + head[1:], gaz)  # "Berichten zufolge"
    if kind == "anonymous" and determiner is None and head.endswith("n"):
        # "Angaben zufolge": nobody named, on purpose (the head says so to resolution)
        return _not_a_source(Mention(tokens[0].start, tokens[-1].end, head, head=form))
    if determiner in POSSESSIVE and determiner in PRONOUNS:
        # "nach ihren Angaben", "deren Angaben zufolge": whoever the possessive refers to
        agreement, number = PRONOUNS[determiner]
        return Mention(tokens[0].start, tokens[0].end, tokens[0].text, form="pronoun",
                       agreement=agreement if number else None)
    return Mention(tokens[0].start, tokens[-1].end, head, form="reference", head=form)


MAX_TITLE_WORDS = 3


def _quoted_title(tokens: list[Token]) -> str | None:
    """The capitalised words in quotation marks that open `tokens` ('„Abendpost“', '"Die
    Woche"'), as far as the closing mark or the end; None for a quoted phrase ('„Aufrufs zu
    Gewalt“')."""
    if len(tokens) < 2 or tokens[0].text not in QUOTE_MARKS:
        return None
    words: list[str] = []
    for token in tokens[1:]:
        if token.text in QUOTE_MARKS:
            break
        if not token.text[:1].isupper() or len(words) == MAX_TITLE_WORDS:
            return None
        words.append(token.text)
    return " ".join(words) or None


def _vague_reports(tokens: list[Token], head: str, gaz: Gazetteer) -> Mention:
    """ "Medienberichten zufolge": reports of nobody named, a group in the nominative plural."""
    name = head[:-1] if head.endswith("n") and gaz.wrappers.match(head[:-1]) else head
    return Mention(tokens[0].start, tokens[-1].end, head, form="collective", kind="collective",
                   name=name, agreement="pl")


def _parse_word(word: str, gaz: Gazetteer, hyphenated: bool = False) -> Mention | None:
    """A compound's first part: "Polizei" (angaben), "NASA" (-Angaben), "Regierung" (s),
    "US-Justiz" (angaben); before a hyphen a name too: "Mitterlehner" (-Aussage)."""
    entry = gaz.lookup(word)
    if entry is not None and (hyphenated or word not in gaz.common_words):
        # "Welt-Bericht" names the paper, "Pressemitteilung" none
        return _from_entry(Mention(0, 0, word), entry, [word], [], gaz)
    organisation = gaz.organisation_nouns.match(word)
    if organisation is not None:
        kind, gender, _ = organisation[1]  # type: ignore[misc]
        return Mention(0, 0, word, form="organisation", name=word,
                       kind="organisation" if kind == "state" else kind, agreement=gender,
                       head=word.lower(), descriptive=True, definite=True)  # "Polizei" (-statistik)
    if _is_acronym(word):
        return Mention(0, 0, word, form="organisation", name=word, kind="organisation",
                       agreement="f")
    if hyphenated and word[:1].isupper() and word.isalpha() and not gaz.role(word):
        return Mention(0, 0, word, form="named", name=word, surname=word, definite=True)
    return None


def _gazetteer_at(words: list[str], i: int, gaz: Gazetteer) -> tuple[Entry, int] | None:
    for length in (4, 3, 2, 1):
        if i + length <= len(words):
            entry = gaz.lookup(" ".join(words[i : i + length]))
            if entry is not None:
                return entry, length
    return None


def _from_entry(
    mention: Mention, entry: Entry, words: list[str], adjectives: list[str], gaz: Gazetteer
) -> Mention:
    mention.name = entry.name
    mention.kind = entry.kind
    mention.definite = True
    if entry.kind == "person":
        mention.form = "named"
        mention.gender = entry.gender
        mention.agreement = GENDER_OF_NATURAL.get(entry.gender or "")
        parts = entry.name.split()
        mention.surname = parts[0] if gaz.family_name_first(parts) else parts[-1]
        mention.state = entry.state
        mention.role = None
    elif entry.kind == "state":
        mention.form = "state"
        mention.agreement = entry.gender
    else:
        mention.form = entry.kind if entry.kind == "media" else "organisation"
        mention.agreement = entry.gender or "f"
        if entry.kind == "media" and entry.detail == "platform":
            mention.kind = "media"
    return mention


def _role_party(adjectives: list[str], role_words: list[str],
                gaz: Gazetteer) -> frozenset[str] | None:
    """The parties a role phrase names: by an adjective ("der freiheitliche Klubobmann"), the
    prefix of a compound ("die SPD-Abgeordnete") or a member noun ("der Sozialdemokrat")."""
    for word in [*adjectives, *role_words]:
        parties = gaz.parties_of(word.rsplit("-", 1)[0])
        if parties is not None:
            return parties
    return None


def _parse_role(
    text: str,
    tokens: list[Token],
    i: int,
    determiner: str | None,
    adjectives: list[str],
    role: RoleNoun,
    mention: Mention,
    gaz: Gazetteer,
) -> Mention:
    words = [t.text for t in tokens]
    j = i + 1
    while j < len(words) and gaz.role(words[j]) and not gaz.first_name_gender(words[j]):
        role = gaz.role(words[j]) or role  # "Vorsitzende Richter": the last noun heads
        j += 1
    gender = role.gender
    if gender is None:  # adjectival: "der Vorsitzende", "die 58-Jährige"
        gender = {"der": "male", "die": "female", "ein": "male", "eine": "female"}.get(
            determiner or "", "male" if words[i].endswith("r") else None
        )
    role_words = [*adjectives, *words[i:j]]
    prefix = gaz.lookup(words[i].split("-", 1)[0]) if "-" in words[i] else None
    if prefix is not None and prefix.kind == "state":
        mention.state = mention.state or prefix.name  # "der US-Präsident", "Kreml-Sprecher"
    complement: list[str] = []
    name_tokens: list[Token] = []
    k = j
    if k < len(words) and _starts_name(words, k, gaz):
        name_tokens = _name_run(tokens, k, gaz)
        k += len(name_tokens)
    end = _complement_end(words, k)
    while k < end and words[k] != "(":
        complement.append(words[k])
        k += 1
    if complement and not name_tokens:
        # "Der Sprecher des Welternährungsprogramms" or "Der Innenminister Frankreichs"
        for word in complement:
            entry = gaz.lookup(word)
            if entry is not None and entry.kind == "state":
                mention.state = entry.name
    adjectives = [a for a in adjectives if a.lower() not in _dropped_adjectives()]
    # "der deutsche Innenminister Thomas Weber": the nationality is the source's state, not
    # part of its office (role Innenminister, state Deutschland)
    office_adjectives = [a for a in adjectives if gaz.state_of_adjective(a) is None]
    role_text = " ".join([*(strong(a, "m" if gender != "female" else "f") for a in adjectives),
                          *words[i:j], *complement])
    mention.role = role_text if not name_tokens else " ".join([*words[i:j]])
    if name_tokens and role.role_class == "relation":
        mention.role = None  # "Sein Kollege Igor Wolkow": a relation, no role
    mention.role_noun = role
    mention.party = _role_party(adjectives, words[i:j], gaz)
    mention.office = " ".join(words[i:j])
    mention.gender = gender
    mention.agreement = GENDER_OF_NATURAL.get(gender or "")
    mention.kind = "person"
    if name_tokens:
        named = _parse_name(text, name_tokens, Mention(0, 0, ""), gaz)
        mention.form = "named"
        mention.name = named.name
        mention.surname = named.surname
        mention.gender = named.gender or gender
        mention.agreement = GENDER_OF_NATURAL.get(mention.gender or "")
        mention.state = mention.state or named.state
        if office_adjectives and mention.role:
            mention.role = " ".join([*(strong(a, "m" if gender != "female" else "f")
                                       for a in office_adjectives), *words[i:j]])
        return mention
    mention.form = "role"
    mention.name = role_text
    if determiner in INDEFINITE or (determiner is None and role.role_class == "office"
                                    and role_words == words[i:j]):
        mention.form = "anonymous"  # "ein Sprecher", "ein hochrangiger Regierungsbeamter"
        mention.kind = "anonymous"
        mention.name = " ".join([*adjectives, *words[i:j], *complement]).strip()
        mention.role = " ".join(words[i:j])
    return mention


COMPLEMENT_WORDS = DEFINITE | {"von", "vom", "für", "in", "im", "aus", "bei", "beim", "am", "an",
                                "zu", "zur", "zum", "unter", "gegen", "über", "auf", "und", "a.",
                                "D.", "-", "'", "’"}


def _complement_end(words: list[str], k: int) -> int:
    """Where the genitive or prepositional phrase after a role noun ends: "Sprecher des
    Verbands" | "sagte der Deutschen Presse-Agentur"; "Vertreter der unter dem Banner der FSA
    kämpfenden Gruppen" goes on. A lower-case word that is no article, preposition or adjective
    before a noun is the verb; "dem" or "einem" right after a noun begins an addressee."""
    while k < len(words):
        word = words[k]
        following = words[k + 1] if k + 1 < len(words) else ""
        if word in {"dem", "einem"} and k > 0 and words[k - 1][:1].isupper():
            return k  # "Sprecher des Verbands dem Sender": the addressee
        if not (
            word[:1].isupper() or word[:1].isdigit() or word in COMPLEMENT_WORDS
            or word in QUOTE_MARKS or word in {"(", ")"} or word in NAME_PARTICLES
            or word.rsplit("-", 1)[-1][:1].isupper()  # "Fursan al-Hak"
            or (_is_adjective_form(word) and (following[:1].isupper()
                                              or _is_adjective_form(following)))
        ):
            return k
        k += 1
    return k


def _is_adjective_form(word: str) -> bool:
    return word.isalpha() and word[:1].islower() and word.endswith(ADJECTIVE_ENDINGS) and (
        word not in DEFINITE | INDEFINITE | POSSESSIVE
    )


@cache
def _dropped_adjectives() -> frozenset[str]:
    return frozenset(read_lines("gazetteer", "role_adjectives_dropped.txt"))


def _starts_name(words: list[str], k: int, gaz: Gazetteer) -> bool:
    word = words[k]
    if word in NAME_PARTICLES and k + 1 < len(words) and words[k + 1][:1].isupper() and (
        word not in DEFINITE
    ):
        return True  # "der Fraktionsvorsitzende von Notz"
    if not word[:1].isupper() or word.lower() in DEFINITE:
        return False
    entry = gaz.lookup(word)
    if entry is not None and entry.kind != "person":
        return False  # "Innenminister Frankreichs": a genitive, not a name
    return not (gaz.role(word) or gaz.organisation_nouns.match(word) or gaz.wrappers.match(word))


def _name_run(tokens: list[Token], k: int, gaz: Gazetteer) -> list[Token]:
    run: list[Token] = []
    while k < len(tokens):
        word = tokens[k].text
        capitalised = (word[:1].isupper() or (
            bool(run) and ARABIC_ARTICLE.match(word) is not None  # "Said Raad al-Hussein"
        )) and not gaz.organisation_nouns.match(word) and (not run or not gaz.role(word) or (
            gaz.role_by_ending_only(word)  # "Maria Lindqvist": a surname after first names
            and all(gaz.first_name_gender(token.text) for token in run)
        ))
        before_name = k + 1 < len(tokens) and (tokens[k + 1].text[:1].isupper() or (
            word in {"von", "van"} and tokens[k + 1].text in {"der", "den"}
            and k + 2 < len(tokens) and tokens[k + 2].text[:1].isupper()
        ))  # "Ministerin Ursula von der Leyen"
        particle = before_name and (
            (word in NAME_PARTICLES and word not in {"der", "den"})  # "de Maizière"
            or (word in {"der", "den"} and bool(run) and run[-1].text.lower() in {"von", "van"})
        )
        if capitalised or particle:
            run.append(tokens[k])
        else:
            break
        k += 1
    while run and run[-1].text in NAME_PARTICLES:
        run.pop()
    return _limit_name(run, gaz)


def _limit_name(run: list[Token], gaz: Gazetteer) -> list[Token]:
    """German capitalises every noun: "Thomas Berger Betrug" is a name and a noun. A name is its
    first names, then one surname (with particles: "Ursula von der Leyen"); without a known first
    name, at most two words."""
    if not run:
        return run
    position = 0
    while position < len(run) and gaz.first_name_gender(run[position].text):
        position += 1
    if position == 0:
        if len(run) > 2 and gaz.first_name_gender(run[1].text):
            return run[:1] + _limit_name(run[1:], gaz)  # "Verfassungsrechtler Heinz Mayer"
        end = 0
        while end < len(run) - 1 and _is_particle(run[end].text):
            end += 1  # "Van der Bellen", "de Maizière"
        if len(run) > 2 and ARABIC_ARTICLE.match(run[2].text):
            return run[:3]  # "Said Raad al-Hussein": the surname with its article
        return run[: max(end + 1, 2)]
    if position == len(run):
        return run
    end = position
    while end < len(run) - 1 and _is_particle(run[end].text):
        end += 1  # "Alexander Van der Bellen", "Maggie De Block"
    return run[: end + 1]


def _is_particle(word: str) -> bool:
    """A name particle, also capitalised as some names write it ("Van der Bellen", "De Block")."""
    return word in NAME_PARTICLES or (word.lower() in NAME_PARTICLES and len(word) <= 3)


def _parse_name(text: str, tokens: list[Token], mention: Mention, gaz: Gazetteer) -> Mention:
    """A capitalised name: a person (known first name or gazetteer), an acronym, or unknown."""
    run = _name_run(tokens, 0, gaz) if tokens else []
    if not run:
        run = tokens[:1]
    words = [t.text for t in run]
    if not words:
        return mention
    if words[0].lower() in CONTRACTED_PREPOSITIONS:
        return _not_a_source(mention)  # "Am Montag", "Beim Treffen": no name
    entry_match = _gazetteer_at(words, 0, gaz)
    if entry_match is not None and entry_match[1] == len(words):
        return _from_entry(mention, entry_match[0], words, [], gaz)
    if gaz.family_name_first(words):  # "Wang Wenbin": the family name opens it
        mention.form, mention.kind, mention.definite = "named", "person", True
        mention.name, mention.surname = " ".join(words), words[0]
        return mention
    first_name_at = next((k for k, w in enumerate(words) if gaz.first_name_gender(w)), 0)
    if first_name_at == 0 and not gaz.first_name_gender(words[0]):
        for word in words[1:]:  # "UN-Flüchtlingshilfswerkes UNHCR": the known name
            entry = gaz.lookup(word)
            if entry is not None and entry.kind == "organisation" and word.isupper():
                return _from_entry(mention, entry, [word], [], gaz)
    if 0 < first_name_at < len(words) - 1:
        # "Virologin Melanie Brinkmann": the words before the first name are a role
        mention.role = " ".join(words[:first_name_at])
        words = words[first_name_at:]
    last = words[-1]
    if last.endswith("s") and len(words) >= 1 and gaz.lookup(last) is not None:
        words[-1] = last[:-1]
    mention.name = " ".join(words)
    mention.surname = words[-1]
    mention.definite = True
    first_gender = gaz.first_name_gender(words[0]) if len(words) > 1 else None
    common_noun = any(w.lower().endswith(COMMON_NOUN_ENDINGS) for w in words)
    if _is_acronym(words[0]) and not first_gender:
        mention.form = mention.kind = "organisation"  # "AK Oberösterreich", "GfK"
        mention.agreement = "f"
        return mention
    if first_gender or (len(words) >= 2 and all(w[:1].isupper() or ARABIC_ARTICLE.match(w)
                                                for w in words)
                        and not common_noun):
        mention.form = "named"
        mention.kind = "person"
        mention.gender = first_gender
        mention.agreement = GENDER_OF_NATURAL.get(first_gender or "")
        return mention
    if common_noun:
        return _not_a_source(mention)  # "Mitteilung", "Realpolitik und ..."
    mention.form = "named"  # a lone capitalised word: a surname, resolved against the article
    mention.kind = "unknown"
    return mention


def _parse_organisation(
    text: str,
    tokens: list[Token],
    i: int,
    adjectives: list[str],
    organisation: tuple[str, object],
    mention: Mention,
    gaz: Gazetteer,
) -> Mention:
    kind, gender, refers = organisation[1]  # type: ignore[misc]
    determined = i > len(adjectives)  # an article before the adjectives
    words = [t.text for t in tokens]
    mention.agreement = gender
    # "Einige russische Blätter", "eine Zeitung": not the one named before
    mention.definite = not (determined and words[0].lower() in INDEFINITE | QUANTIFIERS)
    rest = words[i + 1 :]
    state = mention.state
    for position, word in enumerate(rest):
        entry = gaz.lookup(word)
        if entry is not None and entry.kind == "state" and (
            position == 0 or rest[position - 1] in {"in", "von", "aus", "der", "des"}
        ):
            state = state or entry.name
    if kind == "state":
        head = words[i]
        if state is not None or head.startswith(("Bundes", "US-")):
            entry = gaz.lookup(head)
            mention.form = "state"
            mention.kind = "state"
            mention.name = state or (entry.name if entry else head)
            mention.role = "Regierung"
            return mention
        if refers == "state":
            return _not_a_source(mention)  # "die andere Seite"
        kind = "organisation"
    if kind == "media":
        named = _outlet_after(tokens[i + 1 :], gaz)
        mention.form = "media"
        mention.kind = "media"
        mention.name = named or normalise_phrase(adjectives, tokens[i : i + 1], gender)
        mention.head = words[i].lower()
        owner = gaz.lookup(words[i].split("-", 1)[0]) if "-" in words[i] else None
        # "das Blatt", "die Zeitung": which one? "das ARD-Hauptstadtstudio" says
        mention.descriptive = named is None and (owner is None or owner.kind == "state")
        return mention
    if kind == "collective":  # "die Behörden": several, none named
        mention.form = mention.kind = "collective"
        mention.name = normalise_phrase(_name_adjectives(adjectives, determined, gaz),
                                        tokens[i : i + 1], gender)
        return mention
    mention.form = "organisation"
    mention.kind = "organisation"
    name_tokens = tokens[i : i + 1]
    following = tokens[i + 1 :]
    known = _gazetteer_at([t.text for t in following], 0, gaz) if following else None
    mention.head = words[i].lower()  # "regulierungsbehörde": its class by organisation_nouns
    if known is not None and known[0].kind in {"organisation", "media"}:
        return _from_entry(mention, known[0], [], adjectives, gaz)  # "die Gewerkschaft Verdi"
    if following and _is_acronym(following[0].text) and not gaz.role(following[0].text):
        mention.name = following[0].text  # "die Gewerkschaft GPA-djp": the name, not the noun
        return mention
    role_after = gaz.role(following[0].text) if following else None
    if following and following[0].text[:1].isupper() and (
        role_after is None or role_after.role_class == "adjectival"  # "Verband Deutscher Imker"
    ):
        name_tokens = [*name_tokens, *_name_run(following, 0, gaz)]  # "Staatsanwaltschaft Krefeld"
    kept = _name_adjectives(adjectives, determined, gaz)
    named_state = any((e := gaz.lookup(t.text)) is not None and e.kind == "state"
                      for t in name_tokens[1:])  # "die Kirche Kubas" names it already
    if state is not None and not named_state and not any(gaz.state_of_adjective(a) for a in kept):
        # "das Außenministerium in Moskau" -> "russisches Außenministerium"
        kept = [*(a for a in [gaz.adjective_of_state(state)] if a), *kept]
    name = normalise_phrase(kept, name_tokens, gender)
    purpose = _purpose(tokens[i + len(name_tokens) :])
    if len(name_tokens) == 1 and not purpose:
        purpose = _genitive_owner(tokens[i + 1 :], gaz)  # "das Büro des Ministerpräsidenten"
    mention.name = " ".join([name, *purpose])
    if len(name_tokens) > 1 and purpose and refers == "any":
        # "die Initiative Heimat ohne Hass": a general noun before the name is no part of it
        mention.name = " ".join([*(t.text for t in name_tokens[1:]), *purpose])
    # no name of its own ("die Behörde", "die Karlsruher Behörde"): a description to resolve
    mention.descriptive = len(name_tokens) == 1 and not purpose and all(
        a[:1].islower() or _is_place_adjective(a, name_tokens[0].text, gaz) for a in kept)
    return mention


def _genitive_owner(tokens: list[Token], gaz: Gazetteer) -> list[str]:
    """A genitive after an organisation noun that says whose it is: "Büro des
    Ministerpräsidenten", "Ministerium des Innern"; not an outlet addressed in the dative
    ("teilte das Ministerium der APA mit") and not a state (handled as the state's body)."""
    if len(tokens) < 2 or tokens[0].text not in {"des", "der"}:
        return []
    position = 1
    while position < len(tokens) - 1 and _is_adjective_form(tokens[position].text):
        position += 1
    noun = tokens[position].text
    if not noun[:1].isupper() or not noun.replace("-", "").isalpha() or (
        gaz.lookup(noun) is not None
        or ((owner := gaz.organisation_nouns.match(noun)) is not None and owner[1][0] == "media")
    ):
        return []
    end = position + 1
    if end < len(tokens) and gaz.first_name_gender(tokens[end].text):
        end += 1  # "des Putin-Gegners Alexej Nawalny": the owner's name after the noun
        while end < len(tokens) and end - position <= 3 and tokens[end].text[:1].isupper():
            end += 1
    return [t.text for t in tokens[:end]]


def _is_acronym(word: str) -> bool:
    """ "GPA-djp", "GfK", "WWF", "G29": a name written with capitals or digits inside (not
    "Mikl-Leitner": the first part of a hyphenated word decides; not "BIP-Anstieg" or
    "ATP-Titel": an abbreviation before a common noun is a compound noun)."""
    first, _, rest = word.partition("-")
    if rest[:1].isupper() and not (_is_acronym(rest) or gazetteer().organisation_nouns.match(rest)):
        return False
    return first[:1].isupper() and (
        sum(c.isupper() for c in first) >= 2 or any(c.isdigit() for c in first)
    )


def _name_adjectives(adjectives: list[str], determined: bool, gaz: Gazetteer) -> list[str]:
    """The adjectives an organisation's name keeps: a capitalised one after an article or
    adjective begins a proper name ("der oppositionsnahen Syrischen Beobachtungsstelle");
    otherwise all but those of the moment or of no identity ("der staatliche
    Sicherheitsausschuss", "die zuständige Behörde"; role_adjectives_dropped.txt)."""
    for position, adjective in enumerate(adjectives):
        if adjective[:1].isupper() and (position > 0 or determined):
            return adjectives[position:]
    return [a for a in adjectives if a.lower() not in _dropped_adjectives()]


PURPOSE_WORDS = 4
PURPOSE_PREPOSITIONS = frozenset({"für", "gegen", "ohne"})


def _purpose(tokens: list[Token]) -> list[str]:
    """The "für" phrase that is part of an organisation's name: "Institut für Nationales
    Gedenken", "Komitee für unamerikanische Umtriebe"; adjectives, then capitalised nouns."""
    if len(tokens) < 2 or tokens[0].text not in PURPOSE_PREPOSITIONS:
        return []
    words: list[str] = []
    for token in tokens[1 : 1 + PURPOSE_WORDS]:
        word = token.text
        noun = word[:1].isupper() and word.replace("-", "").isalpha()
        if not (noun or (_is_adjective_form(word) and not (words and words[-1][:1].isupper()))):
            break
        words.append(word)
    while words and not words[-1][:1].isupper():
        words.pop()
    return [tokens[0].text, *words] if words else []


def _outlet_after(tokens: list[Token], gaz: Gazetteer) -> str | None:
    """The outlet named after a generic noun: "die Nachrichtenagentur Reuters", "„Silverbird“"."""
    words = [t.text for t in tokens]
    if words and words[0] in QUOTE_MARKS:
        closing = next((k for k in range(1, len(words)) if words[k] in QUOTE_MARKS), None)
        if closing:
            name = " ".join(words[1:closing])
            entry = gaz.lookup(name)
            return entry.name if entry else name
        words = words[1:]  # 'die Zeitung „New York Times': the span lost its closing mark
        run = [w for w in words if w[:1].isupper()]
        if run and len(run) == len(words) and len(run) <= MAX_TITLE_WORDS:
            entry = gaz.lookup(" ".join(run))
            return entry.name if entry else " ".join(run)
    found = _gazetteer_at(words, 0, gaz) if words else None
    if found is not None:
        return found[0].name
    run = [w for w in words[:3] if w[:1].isupper()]
    return " ".join(run) if run and len(run) == len(words[: len(run)]) else None
