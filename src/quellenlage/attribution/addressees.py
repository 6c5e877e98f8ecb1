"""Whom a statement addresses, and who speaks in a passive cue.

The addressee is the object of a verb of saying in the case the verb gives it ("sagte er der
Zeitung", "warf der Regierung vor", "forderte die Bürger auf"), or the phrase after an addressing
preposition ("gegenüber dem Sender", "in einem Interview mit der Zeitung", "vor Journalisten").
In the passive the verb's object becomes the subject ("Israel wurde aufgefordert", "Dem Minister
wird vorgeworfen"): that subject is the addressee, and the speaker, if named, is the agent after
von or seitens ("von der Opposition wurde gefordert").
Which verbs, pronouns and prepositions address whom is data: data/lexicons/addressee_cues.tsv.
"""

from __future__ import annotations

from collections.abc import Collection

from quellenlage.attribution import lexicon
from quellenlage.attribution.phrases import noun_phrase_end, word_class
from quellenlage.text.tokens import Token

# articles and pronouns that mark a noun phrase's case (closed classes of German grammar)
DATIVE_ARTICLES = frozenset({"dem", "einem", "diesem", "jenem", "jedem", "keinem", "seinem",
                             "ihrem", "unserem", "eurem", "allen", "beiden"})
# feminine dative (der Zeitung); genitives attach to the noun before them, so a phrase of its
# own that opens with these is dative
FEMININE_DATIVE_ARTICLES = frozenset({"der", "einer", "dieser", "jener", "jeder", "keiner",
                                      "seiner", "ihrer", "unserer"})
# plural dative: "den Journalisten", "seinen Anhängern" (the noun ends in -n)
PLURAL_DATIVE_ARTICLES = frozenset({"den", "diesen", "seinen", "ihren", "unseren", "keinen"})
ACCUSATIVE_ARTICLES = frozenset({"den", "einen", "diesen", "jeden", "keinen", "seinen", "ihren",
                                 "unseren", "die", "das", "eine", "diese", "dieses", "jede",
                                 "keine", "seine", "ihre", "unsere", "alle", "beide"})
WERDEN_FORMS = frozenset({"wird", "wurde", "wurden", "werden", "worden", "würde", "würden",
                          "werde"})
AGENT_PREPOSITIONS = frozenset({"von", "vom", "seitens"})
NOT_ADDRESSEES = frozenset({"es", "sich", "man"})


def find_addressee(
    tokens: list[Token],
    region: tuple[int, int],
    skip: Collection[int],
    infinitive: str | None,
    category: str,
    quoted: list[int],
) -> list[tuple[int, int]]:
    """The addressee in tokens [region) of a cue's clause, or none. `skip`: tokens of the
    speaker and the cue; `quoted`: per token, the quotation it stands in (-1 outside)."""
    cues = lexicon.addressee_cues()
    case = cues.verb_case.get(infinitive) if infinitive else None
    left, right = region
    j = left
    while j < right:
        token = tokens[j]
        if j in skip or quoted[j] >= 0:
            j += 1
            continue
        kind = word_class(token)
        if kind == "prep":
            phrase_end = noun_phrase_end(tokens, j + 1, right)
            if phrase_end > j + 1 and not _touches(skip, j + 1, phrase_end) and _addresses(
                tokens, j, category, cues.prepositions.get(token.text.lower())
            ):
                return [(j + 1, phrase_end)]
            j = max(phrase_end, j + 1)
            continue
        if case is not None:
            lower = token.text.lower()
            if case in cues.pronoun_cases.get(token.text, cues.pronoun_cases.get(lower, ())):
                return [(j, j + 1)]
            phrase_end = noun_phrase_end(tokens, j, right)
            if phrase_end > j:
                if not _touches(skip, j, phrase_end) and _fits_case(tokens, j, phrase_end, case):
                    return [(j, phrase_end)]
                j = phrase_end
                continue
        j += 1
    return []


def _touches(skip: Collection[int], start: int, end: int) -> bool:
    return any(index in skip for index in range(start, end))


def _addresses(tokens: list[Token], preposition: int, category: str,
               condition: tuple[frozenset[str], frozenset[str]] | None) -> bool:
    if condition is None:
        return False
    categories, nouns = condition
    if "any" in categories or category in categories:
        return True
    return preposition > 0 and tokens[preposition - 1].text in nouns


def _fits_case(tokens: list[Token], start: int, end: int, case: str) -> bool:
    """Whether the noun phrase [start, end) can be an object in `case`, by its article."""
    first = tokens[start].text
    lower = first.lower()
    if lower in NOT_ADDRESSEES or word_class(tokens[start]) == "pron":
        return False
    if word_class(tokens[start]) != "det":
        return first[:1].isupper()  # a name or a bare plural: "Reportern", "Obama"
    if case == "dative":
        if lower in DATIVE_ARTICLES or lower in FEMININE_DATIVE_ARTICLES:
            return True
        return lower in PLURAL_DATIVE_ARTICLES and tokens[end - 1].text.endswith("n")
    return lower in ACCUSATIVE_ARTICLES


def is_passive(tokens: list[Token], cue: list[int], verb: int) -> bool:
    """The cue is a passive: a form of werden with the verb's participle ("wurde aufgefordert",
    "war vorgeworfen worden")."""
    if not any(reading.participle for reading in lexicon.readings(tokens[verb].text)):
        return False
    return any(tokens[j].text.lower() in WERDEN_FORMS for j in cue) or (
        verb + 1 < len(tokens) and tokens[verb + 1].text == "worden"
    )


def passive_agent(tokens: list[Token], region: tuple[int, int], quoted: list[int]
                  ) -> list[tuple[int, int]]:
    """The agent of a passive, "von der Opposition" / "seitens der Regierung": its phrase."""
    left, right = region
    for j in range(left, right):
        if tokens[j].text.lower() in AGENT_PREPOSITIONS and quoted[j] < 0:
            phrase_end = noun_phrase_end(tokens, j + 1, right)
            if phrase_end > j + 1:
                return [(j + 1, phrase_end)]
    return []
