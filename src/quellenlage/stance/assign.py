"""The stance of each statement, and the earlier statement a denial or confirmation answers.

Stance comes from the cue's lemma (data/stance/cues.tsv, else the stance of the verb's category
in data/lexicons/speech_verbs.tsv: "lehnte ab" denies, "empfahl" demands), turned by a negation
near the cue (of some lemmas to a stance of their own: "wollte nicht kommentieren" ->
not_confirm, "ließ nicht gelten" -> deny; a reply told as reserved, "reagierte zurückhaltend",
does not confirm)
("bestätigte die Berichte nicht" -> not_confirm; "weder bestätigen noch dementieren" ->
not_confirm; "nicht nur" negates nothing), by what an asserted quote says about another claim
("..., man könne diese Angaben nicht bestätigen" -> not_confirm; "das sei frei erfunden" -> deny;
a quote that asks -> question; "muss sich erst zeigen" -> not_confirm; "könne das bestätigen" ->
confirm) and by hearsay markers ("soll ... gesagt haben", "angeblich", "Gerüchten zufolge",
reports that name no one: "laut Medienberichten" -> unverified; "solle", "sollte" report a
demand or a wish, not hearsay).
A statement without a cue whose quote holds its own reporting clause ("Die Opposition wirft der
Regierung vor, ...", the speaker inside the quote) takes its stance from the verb of that clause.
The rules are data: data/stance/rules.json.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from quellenlage.model import Attribution, Part, SpanTuple
from quellenlage.sources.gazetteer import gazetteer
from quellenlage.stance.cues import (
    cue_lemma,
    lemma_stance,
    lexicon_form,
    lexicon_lemma,
    stance_lexicon,
)
from quellenlage.text import Document
from quellenlage.text.tokens import QUOTE_MARKS, Token

CLAUSE_BOUNDARIES = frozenset({",", ".", ";", ":", "!", "?"}) | QUOTE_MARKS
RESPONSE_REACH = 4  # sentences back that a response may answer without naming what it answers
RELATIVE_OPENERS = frozenset({"was", "dies", "das", "dem", "welche", "welches"})


@cache
def _hearsay_pattern() -> re.Pattern[str]:
    return re.compile(stance_lexicon().rules["hearsay_pattern"])


@cache
def _quote_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rules = stance_lexicon().rules
    return tuple((stance, re.compile(pattern)) for stance, pattern in rules["quote_rules"])


def _inside(token: Token, spans: tuple[SpanTuple, ...]) -> bool:
    return any(start <= token.start < end for start, end in spans)


def _frame_tokens(document: Document, attribution: Attribution) -> list[Token]:
    """The tokens of the cue's sentence outside the quote."""
    anchor = (attribution.cue or attribution.speaker or attribution.quote).start
    sentence = document.sentence_at(anchor)
    if sentence is None or sentence.start > anchor:
        return []
    tokens = document.tokens[sentence.first : sentence.last]
    return [t for t in tokens if not _inside(t, attribution.quote.spans)]


def _negates(tokens: list[Token], index: int, negation: set[str], exceptions: set[str]) -> bool:
    """Whether token `index` is a negation ("nicht nur", "nicht zuletzt" negate nothing, nor
    does "als nicht hilfreich kritisiert": the negation belongs to the adjective)."""
    if tokens[index].text.lower() not in negation:
        return False
    following = tokens[index + 1].text.lower() if index + 1 < len(tokens) else ""
    before = tokens[index - 1].text.lower() if index > 0 else ""
    return following not in exceptions and before not in _negation_after()


@cache
def _negation_after() -> frozenset[str]:
    return frozenset(stance_lexicon().rules["negation_after"])


def cue_negation(document: Document, attribution: Attribution) -> str | None:
    """The word that negates the cue ("nicht", "weder" ...), or None."""
    cue = attribution.cue
    if cue is None:
        return None
    rules = stance_lexicon().rules
    negation = set(rules["negation"])
    exceptions = set(rules["negation_exceptions"])
    window = int(rules["negation_window"])
    first = document.token_at(cue.start)
    if first is None:
        return None
    tokens = document.tokens
    # inside a split cue ("wies ... nicht zurück") and a few words before it
    for index in range(max(0, first - window), len(tokens)):
        token = tokens[index]
        if token.start >= cue.end:
            break
        if (
            _negates(tokens, index, negation, exceptions)
            and not _inside(token, attribution.quote.spans)
            and (index >= first or not any(t.text in CLAUSE_BOUNDARIES
                                           for t in tokens[index:first]))
        ):
            return token.text.lower()
    # after the cue up to the end of its clause ("bestätigte die Berichte nicht")
    index = document.token_at(cue.end)
    while index is not None and index < len(tokens):
        token = tokens[index]
        if token.text in CLAUSE_BOUNDARIES:
            break
        if _inside(token, attribution.quote.spans):  # "bestätigte den Bericht nicht"
            index += 1
            continue
        if _negates(tokens, index, negation, exceptions):
            return token.text.lower()
        index += 1
    return None


def _reserved(document: Document, attribution: Attribution) -> bool:
    """A reply told as reserved: "reagierte zurückhaltend", "hielt sich bedeckt"."""
    words = set(stance_lexicon().rules["reserved_words"])
    return any(t.text.lower() in words for t in _frame_tokens(document, attribution))


def _bare_report_speaker(attribution: Attribution) -> bool:
    """A speaker that is only reports, with no one named: "laut Medienberichten", "Berichten
    zufolge" (not "Berichten der Zeitung", nor "den Berichten", which were named before)."""
    speaker = attribution.speaker
    if speaker is None:
        return False
    nouns = set(stance_lexicon().rules["bare_report_nouns"])
    words = [w.strip(",.;:") for w in speaker.text.split()]
    return len(words) == 1 and words[0] in nouns  # "den Berichten": reports named before


def _is_hearsay(document: Document, attribution: Attribution) -> bool:
    rules = stance_lexicon().rules
    if _bare_report_speaker(attribution):
        return True
    markers = set(rules["unverified_words"])
    quote_markers = set(rules["unverified_words_in_quote"])
    reportative = set(rules["reportative"])
    perfect = set(rules["perfect"])
    words = [t.text for t in _frame_tokens(document, attribution)]
    if attribution.speaker is not None:
        words += attribution.speaker.text.split()
    if any(word.strip(",.;:") in markers for word in words):
        return True
    if any(word.strip(",.;:") in quote_markers for word in attribution.quote.text.split()):
        return True
    cue_words = attribution.cue.text.split() if attribution.cue else []
    if any(w in reportative for w in cue_words) and any(w in perfect for w in words):
        return True
    # "soll ... gebracht haben", "sollen ... geschleust worden sein" in the frame or the quote
    hearsay = _hearsay_pattern()
    return bool(hearsay.search(" ".join(words)) or hearsay.search(attribution.quote.text))


def _stance_of_own_clause(document: Document, attribution: Attribution) -> str | None:
    """For a statement without a cue whose quote holds the speaker ("Sie fordert daher ..."),
    the stance of the verb in the quote's first clause; None where there is none."""
    speaker, quote = attribution.speaker, attribution.quote
    if attribution.cue is not None or speaker is None or not all(
        any(q_start <= start and end <= q_end for q_start, q_end in quote.spans)
        for start, end in speaker.spans
    ):
        return None
    first = document.token_at(quote.start)
    if first is None:
        return None
    rules = stance_lexicon().rules
    negation, exceptions = set(rules["negation"]), set(rules["negation_exceptions"])
    tokens = document.tokens
    words: list[str] = []
    negated: str | None = None
    for index in range(first, len(tokens)):
        token = tokens[index]
        if token.start >= quote.end or token.text in CLAUSE_BOUNDARIES:
            break
        if _negates(tokens, index, negation, exceptions):
            negated = token.text.lower()
        if index == first or not token.text[:1].isupper():  # nouns (Kritik, Forderung) are no cue
            words.append(token.text)
    lexicon = stance_lexicon()
    lemma = lexicon_lemma(" ".join(words))
    stance = lexicon.stance_of_lemma.get(lemma or "")
    if stance is None or lemma in rules["own_clause_excluded"]:
        return None
    return _negated_stance(stance, negated) if negated else stance


INVERTED_SUBJECT_STARTS = frozenset({"der", "die", "das", "den", "dem", "ein", "eine", "einer",
                                     "er", "sie", "es", "man"})


def _stance_of_inverted_verb(document: Document, attribution: Attribution) -> str | None:
    """For a statement without a cue, the verb of a reporting clause right after its quote,
    before its subject: "..., kritisieren die Anwälte." -> criticise. A verb followed by
    anything else ("..., fordern aber weiterhin") continues the sentence and is no cue."""
    tokens = document.tokens
    index = document.token_at(attribution.quote.end)
    while index is not None and index < len(tokens) and (
        tokens[index].text in QUOTE_MARKS or tokens[index].text == ","
        or tokens[index].start < attribution.quote.end
    ):
        index += 1
    if index is None or index + 1 >= len(tokens):
        return None
    verb, subject = tokens[index], tokens[index + 1]
    before = tokens[index - 1].text
    if not verb.text.islower() or (before != "," and before not in QUOTE_MARKS):
        return None
    speaker = attribution.speaker
    if not (subject.text.lower() in INVERTED_SUBJECT_STARTS
            or (speaker is not None and speaker.start == subject.start)):
        return None
    lemma = lexicon_lemma(verb.text)
    if lemma is None or lemma in stance_lexicon().rules["own_clause_excluded"]:
        return None
    return stance_lexicon().stance_of_lemma.get(lemma)


def _negated_stance(stance: str, negation: str) -> str:
    rules = stance_lexicon().rules
    if negation in rules["neither"] and stance in ("confirm", "deny"):
        return "not_confirm"  # "weder bestätigen noch dementieren"
    return str(rules["negated"].get(stance, stance))


ATTRIBUTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _cue_lemma_in_context(document: Document, cue: Part) -> str | None:
    """The cue's lemma. Where the engine names one verb of a cue and the stance lexicon another
    ("begrüßte ..., monierte aber" -> monieren), the lexicon's word is the cue's verb unless
    the text uses it as an attributive participle before a noun ("in dem als echt bestätigten
    Schreiben") or it is a noun beside the engine's verb ("mit ihrer Forderung ..., sagt er")."""
    lemma = cue_lemma(cue.text)
    form = lexicon_form(cue.text)
    if form is None or len(form[1]) > 1 or lemma == form[0]:
        return lemma
    word = form[1][0]
    for start, end in cue.spans:
        first = document.token_at(start)
        if first is None:
            continue
        for index in range(first, len(document.tokens)):
            token = document.tokens[index]
            if token.start >= end:
                break
            if token.text.lower() != word:
                continue
            following = document.tokens[index + 1] if index + 1 < len(document.tokens) else None
            attributive = (word.endswith(ATTRIBUTIVE_ENDINGS) and following is not None
                           and following.text[:1].isupper())
            noun = token.text[:1].isupper()  # "mit ihrer Forderung ..., sagt er": sagen
            return lemma if attributive or (noun and lemma is not None) else form[0]
    return lemma


def stance_of(document: Document, attribution: Attribution) -> str:
    """One statement's stance: assert, deny, confirm, not_confirm, unverified, demand ..."""
    lexicon = stance_lexicon()
    stance = "assert"
    if attribution.cue is not None:
        lemma = _cue_lemma_in_context(document, attribution.cue)
        stance = lemma_stance(lemma, attribution.cue.text) or "assert"
        negation = cue_negation(document, attribution)
        if negation is not None:
            negated_lemmas = lexicon.rules["negated_lemmas"]
            stance = (negated_lemmas[lemma] if lemma in negated_lemmas
                      else _negated_stance(stance, negation))
        elif stance == "assert" and _reserved(document, attribution):
            stance = "not_confirm"  # "reagierte zurückhaltend auf die Forderung"
    else:
        stance = (_stance_of_own_clause(document, attribution)
                  or _stance_of_inverted_verb(document, attribution) or stance)
    if stance == "assert":
        for target, pattern in _quote_rules():
            if pattern.search(attribution.quote.text):
                stance = target
                break
    if stance == "assert" and _is_hearsay(document, attribution):
        stance = "unverified"
    return stance


def _sentence_index(document: Document, offset: int) -> int:
    sentence = document.sentence_at(offset)
    return sentence.index if sentence is not None else len(document.sentences) - 1


def _pointed_names(document: Document, attribution: Attribution) -> set[str]:
    """Names a response points at: "diese Angaben aus Südkorea" -> {Südkorea, Seoul ...}."""
    rules = stance_lexicon().rules
    nouns = set(rules["response_nouns"])
    first = document.token_at(max(0, attribution.quote.start - 200))
    last = document.token_at(attribution.quote.end + 1)
    tokens = document.tokens[first : last if last is not None else len(document.tokens)] if (
        first is not None) else []
    frame = _frame_tokens(document, attribution)
    pool = {t.index: t for t in [*tokens, *frame]}
    ordered = [pool[k] for k in sorted(pool)]
    names: set[str] = set()
    gaz = gazetteer()
    for position, token in enumerate(ordered):
        if token.text not in nouns:
            continue
        for following in ordered[position + 1 : position + 5]:
            if following.text[:1].isupper():
                entry = gaz.lookup(following.text)
                names.add(entry.name if entry else following.text)
                names.add(following.text)
                break
    return names


def _source_matches(attribution: Attribution, names: set[str]) -> bool:
    candidates = set()
    if attribution.source is not None:
        candidates.add(attribution.source.name)
        candidates.update(attribution.source.name.split())
    if attribution.speaker is not None:
        candidates.update(attribution.speaker.text.split())
    gaz = gazetteer()
    for word in list(candidates):
        entry = gaz.lookup(word)
        if entry is not None:
            candidates.add(entry.name)
            if entry.state:
                candidates.add(entry.state)  # "Angaben aus Moskau" answer Putin's statement
        state = gaz.state_of_adjective(word)
        if state:
            candidates.add(state)  # "der südkoreanische Geheimdienst" speaks for Südkorea
    return bool(candidates & names)


def responds_to(document: Document, attributions: list[Attribution], index: int) -> int | None:
    """The index of the earlier statement that statement `index` denies or (not) confirms."""
    response = attributions[index]
    sentence = _sentence_index(document, (response.cue or response.quote).start)
    earlier = [i for i in range(index) if attributions[i].quote.end <= (
        (response.cue or response.speaker or response.quote).start)]
    if not earlier:
        earlier = list(range(index))
    if not earlier:
        return None
    names = _pointed_names(document, response)
    if names:
        for i in reversed(earlier):
            if _source_matches(attributions[i], names):
                return i
    noun = _demonstrative_noun(response)
    if noun is not None:
        # "diese Angaben nicht bestätigen" answers the statement made "nach Angaben" of someone
        for i in reversed(earlier):
            framing = " ".join(p.text for p in (attributions[i].frame, attributions[i].speaker)
                               if p is not None)
            if noun in framing.split():
                return i
    opener = response.quote.text.split()[0].lower() if response.quote.text.split() else ""
    if opener in RELATIVE_OPENERS:
        same_sentence = [i for i in earlier
                         if _sentence_index(document, attributions[i].quote.start) == sentence]
        if same_sentence:
            return same_sentence[-1]
    own = response.source.name if response.source else None
    for i in reversed(earlier):
        other = attributions[i]
        if sentence - _sentence_index(document, other.quote.start) > RESPONSE_REACH:
            break
        if other.source is None or other.source.name != own:
            return _head_of_chain(attributions, i)
    return None


DEMONSTRATIVES = frozenset({"diese", "dieser", "diesen", "diesem", "solche", "solchen", "jene"})


def _demonstrative_noun(response: Attribution) -> str | None:
    """The response noun after a demonstrative in the response: "diese Angaben" -> Angaben."""
    nouns = set(stance_lexicon().rules["response_nouns"])
    words = response.quote.text.split()
    for before, word in pairwise(words):
        if before.lower() in DEMONSTRATIVES and word.strip(",.") in nouns:
            return word.strip(",.")
    return None


def _head_of_chain(attributions: list[Attribution], index: int) -> int:
    """A continuation without a speaker answers for the statement that opened it."""
    while index > 0 and attributions[index].speaker is None and (
        attributions[index - 1].source is not None
        and attributions[index].source is not None
        and attributions[index - 1].source.name == attributions[index].source.name
    ):
        index -= 1
    return index


def assign_stance(document: Document, attributions: list[Attribution]) -> None:
    """Set `stance` on every statement and `responds_to` on denials and (non-)confirmations.
    `attributions` must be in the article's order: responds_to indexes into it."""
    responding = set(stance_lexicon().rules["responding"])
    for attribution in attributions:
        attribution.stance = stance_of(document, attribution)
        attribution.responds_to = None
    for index, attribution in enumerate(attributions):
        if attribution.stance in responding:
            attribution.responds_to = responds_to(document, attributions, index)
