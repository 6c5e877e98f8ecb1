"""A small noun-phrase chunker for speaker spans, built on closed-class word lists.

No tagger is needed for the phrases that name speakers in news: an optional determiner,
adjectives (lower case, inflected), nouns and names (capitalised), a parenthesis such as "(CDU)",
and a genitive or von-phrase ("ein Sprecher des Innenministeriums", "Angaben von Augenzeugen").
"""

from __future__ import annotations

from quellenlage.attribution.lexicon import function_words
from quellenlage.text.tokens import Token

GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer", "dieses", "dieser", "seines",
                               "seiner", "ihres", "ihrer", "unseres", "vieler", "mehrerer",
                               "einiger", "zahlreicher", "aller", "beider", "anderer", "weiterer"})
NAME_PARTICLES = frozenset({"von", "van", "de", "del", "da", "di", "al", "el", "bin", "ibn", "zu",
                            "ten", "ter", "la", "le", "dos", "du"})
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
COORDINATORS = frozenset({"und", "sowie", "oder"})
MAX_PHRASE_TOKENS = 14
MAX_QUOTED_NAME_TOKENS = 4


def word_class(token: Token, sentence_initial: bool = False) -> str:
    """det, pron, prep, conj, sub, rel, adv, aux, punct, quote, num, cap (noun or name), low."""
    text = token.text
    if token.is_quote:
        return "quote"
    if not text[0].isalnum():
        return "punct"
    lower = text.lower()
    if text[0].isdigit():
        return "num"
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
    first = word_class(tokens[start], sentence_initial=start == 0)
    if first == "pron":
        return start + 1
    if (first == "prep" and tokens[start].text in ("Von", "Van", "De", "Al", "El")
            and start + 1 < stop and word_class(tokens[start + 1]) in ("det", "cap")):
        # a name that opens with its particle: "Von der Leyen", "De Maizière"
        end = noun_phrase_end(tokens, start + 1, stop, depth)
        if end > start + 1 and tokens[end - 1].text[:1].isupper():
            return end
    i = start
    if first == "det":
        i += 1
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
        kind = word_class(tokens[i], sentence_initial=i == 0)
        if kind == "cap" or (
            tokens[i].text in NAME_PARTICLES
            and i > nouns
            and i + 1 < stop
            and word_class(tokens[i + 1]) == "cap"
        ):
            i += 1
        else:
            break
    if i == nouns:
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
    if depth < 2 and i + 1 < stop and tokens[i].text in COORDINATORS:
        # "Sonia und Willy Bogner", "Angaben von AFP und Reuters"
        end = noun_phrase_end(tokens, i + 1, stop, depth + 1)
        if end > i + 1 and word_class(tokens[i + 1]) != "pron":
            return end
    return i


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
    """The start of the noun phrase that ends right before `end` ("Zeitungsberichten zufolge")."""
    start = end
    while start > stop and end - start < MAX_PHRASE_TOKENS:
        previous = tokens[start - 1]
        kind = word_class(previous, sentence_initial=start - 1 == 0)
        if kind in ("cap", "num") or previous.text in ("(", ")") or (
            kind == "det" or is_adjective(previous) or previous.text in NAME_PARTICLES
        ) or (previous.text == "-" and start - 2 >= stop and _hyphen_compound(
            tokens, start - 1, end
        )):
            start -= 1
        else:
            break
    # the phrase starts at its determiner or its first noun, never at a dangling article
    while start < end and word_class(tokens[start], start == 0) not in ("det", "cap", "pron"):
        start += 1
    if start < end and noun_phrase_end(tokens, start, end) != end:
        # keep the longest suffix that is a phrase of its own
        for candidate in range(start + 1, end):
            if noun_phrase_end(tokens, candidate, end) == end:
                return candidate
        return end
    return start
