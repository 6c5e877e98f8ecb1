"""A small noun-phrase chunker for speaker spans, built on closed-class word lists.

No tagger is needed for the phrases that name speakers in news: an optional determiner,
adjectives (lower case, inflected), nouns and names (capitalised), a parenthesis such as "(CDU)",
and a genitive or von-phrase ("ein Sprecher des Innenministeriums", "Angaben von Augenzeugen").
It also finds the subject of a verb of saying in its clause: before the verb, after it when the
clause is inverted ("sagte der Minister"), past an apposition or a relative clause.
"""

from __future__ import annotations

from quellenlage.attribution.lexicon import (
    cardinal_words,
    fronted_objects,
    function_words,
    readings,
)
from quellenlage.sources.gazetteer import gazetteer, time_nouns
from quellenlage.text.tokens import Token

GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer", "dieses", "dieser", "seines",
                               "seiner", "ihres", "ihrer", "unseres", "vieler", "mehrerer",
                               "einiger", "zahlreicher", "aller", "beider", "anderer", "weiterer"})
NAME_PARTICLES = frozenset({"von", "van", "de", "del", "da", "di", "al", "el", "bin", "ibn", "zu",
                            "ten", "ter", "la", "le", "dos", "du"})
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
COORDINATORS = frozenset({"und", "sowie", "oder", "noch"})  # "noch" after "weder"
MAX_PHRASE_TOKENS = 14
MAX_QUOTED_NAME_TOKENS = 4
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "-", "(", ")"})
RELATIVE_STARTS = frozenset({"der", "die", "das", "dem", "den", "deren", "dessen", "denen",
                             "welche", "welcher", "welches", "wo", "was"})
# relative pronouns that can be a clause's subject, articles that cannot open one
NOMINATIVE_RELATIVES = frozenset({"der", "die", "das", "welcher", "welche", "welches"})
OBJECT_ARTICLES = frozenset({"den", "dem", "einen", "einem", "diesen", "diesem"})
DEMONSTRATIVE_OBJECTS = frozenset({"das", "dies", "dieses", "dem", "diesem"})
# a clause opening with these is in the nominative itself: "Der Minister lobte der ..." is no
# inversion
NOMINATIVE_OPENERS = frozenset({"der", "ein", "er", "ich", "wir", "sie", "man", "dieser",
                                "jener", "kein"})
SENTENCE_ENDS = frozenset({".", "!", "?"})
COORDINATED_CLAUSES = frozenset({"und", "sondern", "aber", "oder"})
QUANTIFIERS_AFTER_ARTICLE = frozenset({"beiden", "vielen", "anderen", "mehreren", "meisten",
                                       "wenigen", "übrigen"})


def word_class(token: Token) -> str:
    """det, pron, prep, conj, sub, rel, adv, aux, punct, quote, num, cap (noun or name), low."""
    text = token.text
    if token.is_quote:
        return "quote"
    if not text[0].isalnum():
        return "punct"
    lower = text.lower()
    if text[0].isdigit() or lower in cardinal_words():
        return "num"  # "12", "zwei Radiosender"
    # capitalised function words open sentences and headlines: "Der", "Laut", "Am"
    known = function_words().get(text) or function_words().get(lower)
    if known:
        return known
    if text[0].isupper() or (text[0].isalpha() and any(c.isupper() for c in text[1:3])):
        return "cap"
    return "low"


def is_adjective(token: Token) -> bool:
    text = token.text
    return text.isalpha() and text.islower() and text.endswith(ADJECTIVE_ENDINGS)


def noun_phrase_end(tokens: list[Token], start: int, stop: int, depth: int = 0) -> int:
    """The end (exclusive) of the noun phrase that begins at `start`, or `start` if none does."""
    if start >= stop:
        return start
    first = word_class(tokens[start])
    if first == "pron":
        return start + 1
    if first == "quote":  # a quoted name on its own: 'laut „BBC News“'
        quoted_end = _quoted_name_end(tokens, start, stop)
        if quoted_end == start:
            return start
        return _quoted_names_end(tokens, _parenthesis_end(tokens, quoted_end, stop), stop)
    if (first == "prep" and tokens[start].text in ("Von", "Van", "De", "Al", "El")
            and start + 1 < stop and word_class(tokens[start + 1]) in ("det", "cap")):
        # a name that opens with its particle: "Von der Leyen", "De Maizière"
        end = noun_phrase_end(tokens, start + 1, stop, depth)
        if end > start + 1 and tokens[end - 1].text[:1].isupper():
            return end
    i = start
    if first == "det":
        i += 1
        if i < stop and tokens[i].text in QUANTIFIERS_AFTER_ARTICLE:
            i += 1  # an inflected quantifier after the article: "die beiden Minister"
    while i < stop and (is_adjective(tokens[i]) or word_class(tokens[i]) == "num") and (
        word_class(tokens[i]) not in ("prep", "conj", "sub", "adv", "aux", "det")
    ):
        i += 1
        if _hyphen_compound(tokens, i, stop):
            i += 1  # "der 23-jährige Sportler": the tokens are 23, -, jährige
    nouns = i
    if first == "det" and i < stop and tokens[i].is_quote:
        # a quoted name right after the article: 'des „Spiegel“', 'der „Washington Post“'
        quoted_end = _quoted_name_end(tokens, i, stop)
        if quoted_end > i:
            return _parenthesis_end(tokens, quoted_end, stop)
    while i < stop and i - start < MAX_PHRASE_TOKENS:
        kind = word_class(tokens[i])
        if kind == "cap" or (
            tokens[i].text in NAME_PARTICLES
            and i > nouns
            and i + 1 < stop
            and word_class(tokens[i + 1]) == "cap"
        ):
            i += 1
        else:
            break
    if i == nouns and not (
        # "Drei der Männer", "Drei von 15 Kindergärten": a number word heads its phrase
        i == start + 1 and first == "num" and tokens[start].text.isalpha() and i + 1 < stop
        and (tokens[i].text in GENITIVE_ARTICLES or tokens[i].text == "von")
    ):
        return start
    i = _quoted_name_end(tokens, i, stop)
    i = _parenthesis_end(tokens, i, stop)
    if depth < 2 and i < stop:
        following = tokens[i].text
        if following in GENITIVE_ARTICLES or following == "von":
            end = _quoted_name_end(tokens, i + 1, stop)  # 'des „Spiegel“'
            if end == i + 1:
                end = noun_phrase_end(tokens, i + 1, stop, depth + 1)
            if end > i + 1:
                i = end
    if depth < 2 and i + 1 < stop and (tokens[i].text in COORDINATORS or (
        tokens[i].text == "als" and tokens[i + 1].text == "auch"
    )):
        # "Sonia und Willy Bogner", "Angaben von AFP und Reuters", "weder die Stadt noch der
        # Betreiber", "sowohl die Stadt als auch der Betreiber"
        second = i + 2 if tokens[i].text == "als" or (
            tokens[i].text == "sowie" and tokens[i + 1].text == "auch") else i + 1
        end = noun_phrase_end(tokens, second, stop, depth + 1)
        if end > second and word_class(tokens[second]) != "pron":
            return end
    return i


def _quoted_names_end(tokens: list[Token], end: int, stop: int) -> int:
    """'laut „Bild“ und „Spiegel“', 'laut „Bild“, „Spiegel“ und „Zeit“': quoted names in a list
    that a coordinator closes; `end` is the end of the first."""
    last = end
    while last + 1 < stop and tokens[last].text in COORDINATORS | {","} and (
        tokens[last + 1].is_quote
    ):
        following = _quoted_name_end(tokens, last + 1, stop)
        if following == last + 1:
            break
        if tokens[last].text in COORDINATORS:
            return following
        last = following
    return end


def _hyphen_compound(tokens: list[Token], i: int, stop: int) -> bool:
    """Token i is the hyphen of a number compound: "23-jährige", "der 58-Jährige"."""
    return (i + 1 < stop and tokens[i].text == "-" and tokens[i - 1].text[0].isdigit()
            and tokens[i + 1].text.isalpha())


def _quoted_name_end(tokens: list[Token], i: int, stop: int) -> int:
    """Include a quoted name right after the noun: 'der Fernsehsender „Channel 10“'."""
    if i < stop and tokens[i].is_quote:
        for j in range(i + 1, min(stop, i + MAX_QUOTED_NAME_TOKENS + 2)):
            if tokens[j].is_quote:
                inner = tokens[i + 1:j]
                if inner and word_class(inner[0]) in ("cap", "det") and inner[0].text[0].isupper():
                    return j + 1
                return i
    return i


def _parenthesis_end(tokens: list[Token], i: int, stop: int) -> int:
    """Include a short parenthesis right after the phrase: "Franz Müller (SPD)"."""
    if i < stop and tokens[i].text == "(":
        for j in range(i + 1, min(stop, i + 6)):
            if tokens[j].text == ")":
                return j + 1
    return i


def noun_phrase_before(tokens: list[Token], end: int, stop: int) -> int:
    """The start of the noun phrase that ends right before `end` ("Zeitungsberichten zufolge",
    'der „Times“ zufolge')."""
    start = end
    while start > stop and end - start < MAX_PHRASE_TOKENS:
        previous = tokens[start - 1]
        kind = word_class(previous)
        if kind in ("cap", "num", "quote") or previous.text in ("(", ")") or (
            kind == "det" or is_adjective(previous) or previous.text in NAME_PARTICLES
        ) or (previous.text == "-" and start - 2 >= stop and _hyphen_compound(
            tokens, start - 1, end
        )):
            start -= 1
        else:
            break
    # the phrase starts at its determiner or its first noun, never at a dangling article
    while start < end and word_class(tokens[start]) not in ("det", "cap", "pron"):
        start += 1
    if start < end and noun_phrase_end(tokens, start, end) != end:
        # keep the longest suffix that is a phrase of its own
        for candidate in range(start + 1, end):
            if word_class(tokens[candidate]) not in ("det", "cap", "pron"):
                continue  # "verbreitete Berichte": a verb ending like an adjective opens none
            if noun_phrase_end(tokens, candidate, end) == end:
                return candidate
        return end
    return start


# --- the subject of a verb of saying -------------------------------------------------------------


def apposition_end(tokens: list[Token], comma: int, end: int) -> int | None:
    """The closing comma of an apposition that opens at `comma`: ", der Gründer der Partei,"."""
    if comma < end and tokens[comma].text == ",":
        first = comma + 1
        while first < end and first - comma <= 2 and word_class(tokens[first]) == "adv":
            first += 1  # ", selbst Flüchtling,", ", ebenfalls Ärztin,"
        phrase_end = noun_phrase_end(tokens, first, end)
        if first < phrase_end < end and tokens[phrase_end].text == ",":
            return phrase_end
    return None

def subject_with_apposition(tokens: list[Token], start: int, verb: int) -> tuple[int, int] | None:
    """Tokens [start, verb - 1) as "Name, apposition" when the verb follows its second comma."""
    first = start
    while first < verb and word_class(tokens[first]) in ("conj", "adv"):  # "Auch Eva Muster, ..."
        first += 1
    phrase_end = noun_phrase_end(tokens, first, verb)
    if phrase_end == first or verb - 1 <= phrase_end:
        return None
    if phrase_end + 1 < verb and word_class(tokens[phrase_end]) == "prep":
        # "Der Sprecher der Kommission für Verkehr, Max Huber, sagte": one prepositional
        # attribute after the noun, then the apposition
        attribute_end = noun_phrase_end(tokens, phrase_end + 1, verb)
        if attribute_end > phrase_end + 1:
            phrase_end = attribute_end
    if apposition_end(tokens, phrase_end, verb) == verb - 1:
        return first, verb - 1
    return None

def subject_before_relative_clause(tokens: list[Token], start: int, verb: int
                                    ) -> tuple[int, int] | None:
    """The subject of "Brian Baptie, die Forscherin, die ... korrigiert hatte, sagte, ...": the
    noun phrase that opens the sentence, then a relative clause set off by commas before the
    verb. The clause ends in its verb (lower case) and holds no quotation marks."""
    first = start
    while first < verb and word_class(tokens[first]) == "conj":
        first += 1
    phrase_end = noun_phrase_end(tokens, first, verb)
    if phrase_end == first or phrase_end + 2 >= verb - 1 or tokens[phrase_end].text != ",":
        return None
    opener = phrase_end + 1
    if word_class(tokens[opener]) == "prep":
        opener += 1
    if tokens[opener].text not in RELATIVE_STARTS or tokens[verb - 1].text != ",":
        return None
    if not tokens[verb - 2].text.islower() or any(
        tokens[j].is_quote for j in range(phrase_end, verb)
    ):
        return None
    return first, phrase_end

def is_zu_infinitive(tokens: list[Token], end: int) -> bool:
    """The clause ends in an infinitive with zu: "zu liefern", "mitzuteilen", "anzuprangern"."""
    last = tokens[end - 1].text
    if end >= 2 and tokens[end - 2].text == "zu" and last.islower() and last.endswith("n"):
        return True
    return "zu" in last[2:-3] and last.islower() and last.endswith(("en", "ern", "eln")) and (
        len(last) > 8)


SUBSTANTIVE_QUANTIFIERS = frozenset({"beide", "alle", "viele", "einige", "manche", "mehrere",
                                     "wenige"})


def speaker_in_clause(tokens: list[Token], left: int, cue: int, end: int) -> list[tuple[int, int]]:
    """The subject of a clause whose verb is at `cue`: before it, or after it when inverted."""
    if left > 0 and tokens[left - 1].text == "," and (
        tokens[cue].text == "zu" or is_zu_infinitive(tokens, cue + 1)
    ) and all(
        word_class(tokens[j]) != "aux" for j in range(left, cue)
    ):
        # ", viele Dinge zu sagen": an infinitive clause has no subject of its own, the phrase
        # before the infinitive is its object (", die nicht müde wird zu betonen" has one)
        return []
    if _ends_enumeration(tokens, left, cue):
        # "Neben Anna Roth, Paul Berg und Max Kohl kritisierte auch die Opposition, ...": the
        # last members of a list in the prepositional phrase that opens the sentence; the
        # subject follows the verb
        return speaker_after(tokens, cue + 1, end)
    if left + 1 == cue and left > 0 and tokens[left - 1].text == "," and (
        tokens[left].text in COORDINATED_CLAUSES
    ):
        # ", sondern lobt die Arbeit der Regierung": the coordinated verb shares the subject of
        # the clause before, the phrase after it is its object
        return _subject_of_clause_before(tokens, left - 1)
    start = left
    while start < cue and (word_class(tokens[start]) in ("conj", "adv")
                           or _is_participle(tokens[start])):
        start += 1  # "Gefordert sieht sich der Minister": a participle that opens is no subject
    if cue + 2 < end and readings(tokens[cue + 1].text) and fronted_object(tokens, start, cue):
        # "Scharfe Kritik übte die Gewerkschaft": the noun of a collocation ("Kritik üben")
        # fronted with its adjectives is the object, the speaker follows the verb
        found = speaker_after(tokens, cue + 2, end)
        if found:
            return found
    if cue + 1 < end and _dative_with_adjective(tokens, start, cue):
        found = speaker_after(tokens, cue + 1, end)
        if found:
            return found
    verb_final = cue + 1 >= end or tokens[cue + 1].text in CLAUSE_BREAKS
    if start < cue and (word_class(tokens[start]) == "sub" or (
        tokens[start].text.lower() == "während" and verb_final
    )):  # "während" opens a clause when its verb comes last, else it is a preposition
        if (tokens[start].text.lower() == "als" and cue + 1 < end
                and noun_phrase_end(tokens, start + 1, cue) == cue
                and tokens[cue + 1].text not in CLAUSE_BREAKS
                and word_class(tokens[cue + 1]) != "aux"):
            # "Als Grund nannte der Verband ...": a predicative phrase before a verb in second
            # place; the subject follows the verb
            return speaker_after(tokens, cue + 1, end)
        # "Nachdem die Anwältin dem Richter mitgeteilt hatte, ...": the subject comes first,
        # objects after it, the verb last
        start += 1
        phrase_end = noun_phrase_end(tokens, start, cue)
        if phrase_end > start and tokens[start].text.lower() not in OBJECT_ARTICLES:
            return [(start, phrase_end)]
    elif (start + 1 < cue and word_class(tokens[start]) == "prep"
          and tokens[start + 1].text in RELATIVE_STARTS
          and left > 0 and tokens[left - 1].text == ","):
        # ", bei dem sie gesagt hatte, ...": past the relative pronoun's preposition
        start += 2
    if (start < cue and start == left and left > 0 and tokens[left - 1].text == ","
            and tokens[start].text in NOMINATIVE_RELATIVES
            and noun_phrase_end(tokens, start, cue) == start):
        # "..., so Meier, die auch angab, dass ...": the relative pronoun is the subject
        return [(start, start + 1)]
    if start + 1 == cue and tokens[start].text.lower() in SUBSTANTIVE_QUANTIFIERS:
        # "Beide fordern mehr Autonomie", "Viele forderten den Rücktritt": a quantifier without
        # its noun is the subject; the phrase after the verb is the object
        return [(start, cue)]
    if start + 1 == cue and tokens[start].text.lower() in DEMONSTRATIVE_OBJECTS:
        # "Dies teilte der Hersteller mit": the demonstrative is the object, the subject follows
        return speaker_after(tokens, cue + 1, end)
    if start < cue and tokens[start].text.lower() not in OBJECT_ARTICLES:
        phrase_end = noun_phrase_end(tokens, start, cue)
        if phrase_end > start and phrase_end + 1 < cue and tokens[phrase_end].text == "wie":
            # "Agenturen wie Reuters oder AFP konnten ... nicht bestätigen": examples of the head,
            # names (also lower-case short ones: "dpa") joined by "oder", "und" or commas
            example = phrase_end + 1
            while example < cue and (
                tokens[example].text in ("oder", "und", ",")
                or word_class(tokens[example]) == "cap"
                or (tokens[example].text.isalpha() and len(tokens[example].text) <= 4
                    and word_class(tokens[example]) == "low")
            ):
                example += 1
            if example > phrase_end + 1 and word_class(tokens[example - 1]) in ("cap", "low"):
                phrase_end = example
        if phrase_end == cue and tokens[start].text.lower() not in NOMINATIVE_OPENERS and (
            masculine_role_after(tokens, cue + 1, end)
        ):
            # "Strengere Regeln fordert auch der Verbandschef": "der" with a masculine role noun
            # after the verb is the subject, the phrase before the verb its object
            return speaker_after(tokens, cue + 1, end)
        if (phrase_end == cue and tokens[cue - 1].text in fronted_objects()
                and word_class(tokens[start]) != "det"
                and tokens[start].text.lower() not in NOMINATIVE_OPENERS):
            # "Scharfe Kritik übte die Gewerkschaft", "Deutliche Worte fand auch Anna Huber":
            # a speech act without an article before the verb is its object, the speaker
            # follows the verb
            found = speaker_after(tokens, cue + 1, end)
            if found:
                return found
        if phrase_end == cue or (phrase_end > start and all(
            word_class(tokens[j]) in ("aux", "adv") for j in range(phrase_end, cue)
        )):  # "Die Miliz selbst sprach von ...", "Er hatte zuvor gesagt"
            return [(start, phrase_end)]
        if phrase_end > start and tokens[cue - 1].text in ("und", "sowie", "aber"):
            # "Er akzeptierte die Niederlage und kommentierte, ...": the shared subject
            return [(start, phrase_end)]
        if (phrase_end > start and phrase_end + 2 <= cue
                and tokens[phrase_end].text in ("in", "aus")
                and word_class(tokens[phrase_end + 1]) == "cap"
                and (phrase_end + 2 == cue or word_class(tokens[phrase_end + 2]) == "aux")):
            # "Die Regierung in Bern dementierte": a place belongs to the subject
            phrase_end += 2
            if phrase_end == cue:
                return [(start, phrase_end)]
        if phrase_end > start and phrase_end < cue and word_class(tokens[phrase_end]) == "aux":
            # "Die Stadt wollte die Angaben nicht bestätigen": the phrase before the finite
            # auxiliary or modal of a main clause is its subject
            return [(start, phrase_end)]
        if phrase_end == start and word_class(tokens[start]) == "aux":
            # "Zuvor hatte sich das Amt dagegen ausgesprochen": inverted after the auxiliary
            return speaker_after(tokens, start + 1, cue)
        if phrase_end == start and word_class(tokens[start]) == "prep":
            # "Auf Nachfrage aus dem Publikum musste er betonen, ...": a prepositional phrase
            # opens the clause, the subject follows the finite auxiliary
            auxiliary = next((j for j in range(start + 1, cue) if word_class(tokens[j]) == "aux"),
                             None)
            if auxiliary is not None:
                found = speaker_after(tokens, auxiliary + 1, cue)
                if found:
                    return found
    return speaker_after(tokens, cue + 1, end)


# endings of nouns that are feminine ("die Zeitung", "die Agentur", "die Polizei")
FEMININE_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tät", "agentur", "polizei")


def _dative_with_adjective(tokens: list[Token], start: int, cue: int) -> bool:
    """"Der Süddeutschen Zeitung sagte Bas", "Der neuen Ministerin erklärte er": "der" with an
    adjective in -en and a noun, right before the verb, is a dative (or genitive), no subject;
    the nominative reads "Die Süddeutsche Zeitung". So is "der" with a feminine noun ("Der
    Zeitung sagte Huber")."""
    if start + 1 >= cue or tokens[start].text.lower() != "der":
        return False
    adjective = start + 2 if tokens[start + 1].is_quote else start + 1
    if tokens[adjective].text.lower().endswith(FEMININE_NOUN_ENDINGS) and word_class(
        tokens[adjective]
    ) == "cap" and noun_phrase_end(tokens, start, cue) == cue:
        return True  # "Der Zeitung sagte Huber": "der" before a feminine noun is no nominative
    return (adjective + 1 < cue and tokens[adjective].text.endswith("en")
            and tokens[adjective].text.isalpha() and word_class(tokens[adjective]) in ("cap", "low")
            and word_class(tokens[adjective + 1]) == "cap"
            and noun_phrase_end(tokens, start, cue) == cue)


def fronted_object(tokens: list[Token], start: int, noun: int) -> bool:
    """The clause opens with a speech act without an article, its adjectives and the noun at
    `noun` ("Scharfe Kritik", "Deutliche Worte"): the object of the verb after it."""
    return tokens[noun].text in fronted_objects() and all(
        tokens[j].text.isalpha() and tokens[j].text[1:].islower()
        and tokens[j].text.endswith(ADJECTIVE_ENDINGS) for j in range(start, noun))


def masculine_role_after(tokens: list[Token], start: int, end: int) -> bool:
    """Past adverbs, "der", adjectives and a masculine role noun in the singular ("der neue
    Sprecher"): a phrase in the nominative, the subject of the verb before it."""
    i = start
    while i < end and word_class(tokens[i]) == "adv":
        i += 1
    if i >= end or tokens[i].text != "der":
        return False
    i += 1
    while i < end and is_adjective(tokens[i]):
        i += 1
    if i >= end:
        return False
    role = gazetteer().role(tokens[i].text)
    return role is not None and role.gender == "male" and not role.plural


def _ends_enumeration(tokens: list[Token], left: int, cue: int) -> bool:
    """The words from `left` to the verb at `cue` close a list ("..., Paul Berg und Max Kohl")
    whose first member stands in a prepositional phrase that opens the sentence: before the
    comma only the preposition, articles, nouns, names, adjectives and commas."""
    if left == 0 or tokens[left - 1].text != "," or not any(
        tokens[j].text in COORDINATORS for j in range(left, cue)
    ) or noun_phrase_end(tokens, left, cue) != cue:
        return False
    j = left - 1
    while j > 0 and tokens[j - 1].text not in SENTENCE_ENDS:
        j -= 1
    if word_class(tokens[j]) != "prep":
        return False
    return all(
        tokens[k].text == "," or tokens[k].text in COORDINATORS or is_adjective(tokens[k])
        or word_class(tokens[k]) in ("cap", "det", "prep")
        for k in range(j + 1, left - 1)
    )


def _subject_of_clause_before(tokens: list[Token], comma: int) -> list[tuple[int, int]]:
    """The subject that opens the clause ending at `comma`: a pronoun or a phrase with an
    article before the finite verb ("Sie sieht darin nichts Neues, sondern ..."), or a name
    before a full verb ("Air France setzt ..."; "Konkreter wird er" opens with no subject)."""
    first = comma
    while first > 0 and tokens[first - 1].text not in CLAUSE_BREAKS | SENTENCE_ENDS:
        first -= 1
    kind = word_class(tokens[first])
    end = noun_phrase_end(tokens, first, comma)
    if end == first or end >= comma:
        return []
    verb = word_class(tokens[end])
    if verb == "low" or (verb == "aux" and kind in ("pron", "det")):
        return [(first, end)]
    return []


def _is_participle(token: Token) -> bool:
    """A participle of a verb of saying, capitalised where it opens the sentence: "Gefordert"."""
    found = readings(token.text)
    return bool(found) and all(reading.participle for reading in found)


def speaker_after(tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """The subject right after an inverted verb, past adverbs and one prepositional phrase."""
    i = start
    skipped_phrase = False
    while i < end:
        kind = word_class(tokens[i])
        if kind in ("adv", "aux") or tokens[i].text in ("sich", "uns", "nicht", "sowohl", "weder"):
            i += 1
            continue
        if kind == "prep" and not skipped_phrase:
            phrase_end = noun_phrase_end(tokens, i + 1, end)
            if phrase_end == i + 1:
                return []
            # "berichteten am Montag Medien in Skopje": a date ends at its noun of time, the
            # capitalised subject after it is no part of it
            phrase_end = next((j + 1 for j in range(i + 1, phrase_end - 1)
                               if tokens[j].text in time_nouns()
                               and word_class(tokens[j + 1]) == "cap"), phrase_end)
            i = phrase_end
            skipped_phrase = True
            continue
        break
    if i < end and tokens[i].text.lower() in ("einen", "keinen"):
        return []  # "schlossen einen Anschlag aus": an accusative object, no subject
    phrase_end = noun_phrase_end(tokens, i, end)
    if phrase_end > i and tokens[phrase_end - 1].text in time_nouns():
        # "enthüllte vergangenes Jahr die Initiative": a time, then the subject
        return speaker_after(tokens, phrase_end, end) if phrase_end < end else []
    return [(i, phrase_end)] if phrase_end > i else []

def phrase_span(tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    phrase_end = noun_phrase_end(tokens, start, end)
    return [(start, phrase_end)] if phrase_end > start else []
