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
Regierung vor, ...", the speaker inside the quote) takes its stance from the verb of that clause;
one without cue, speaker and source (only its message is marked: "Der Verlag dementierte")
from the verb of its first clause.
A continuation (a sentence that goes on from a statement of its source, stance/responses.py:
continues) is read by its own sentence, not by the one it continues; after a demand, its "sollen"
demands ("Pausen sollen bezahlt werden").
The rules are data: data/stance/rules.json.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import Literal

from quellenlage.model import Attribution, Part, QuoteType, SpanTuple
from quellenlage.stance.classifier import StanceClassifier, shipped_classifier
from quellenlage.stance.cues import (
    cue_lemma,
    lemma_stance,
    lexicon_form,
    lexicon_lemma,
    stance_lexicon,
    verb_lemma,
    word_set,
)
from quellenlage.stance.features import statement_features
from quellenlage.stance.responses import (
    Statements,
    continues,
    frame_tokens,
    inside,
    reacts,
    responds_to,
)
from quellenlage.text import Document
from quellenlage.text.tokens import QUOTE_MARKS, Token

CLAUSE_BOUNDARIES = frozenset({",", ".", ";", ":", "!", "?"}) | QUOTE_MARKS
# a negation before one of these belongs to another verb ("wollte sich nicht festlegen und
# warnte davor")
COORDINATORS = frozenset({"und", "oder", "aber", "sondern", "doch"})


@cache
def _contrast_pattern() -> re.Pattern[str]:
    return re.compile(stance_lexicon().rules["contrast_pattern"])


@cache
def _hearsay_pattern() -> re.Pattern[str]:
    return re.compile(stance_lexicon().rules["hearsay_pattern"])


@cache
def _quote_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The quote rules in order, each run of rules of one stance joined into one pattern (the
    first rule that matches decides; within a run any match gives the same stance). A rule whose
    pattern is the name of a pattern of rules.json stands for that pattern ("open_facts")."""
    rules = stance_lexicon().rules
    runs: list[tuple[str, list[str]]] = []
    for stance, named in rules["quote_rules"]:
        pattern = rules.get(named, named)
        if runs and runs[-1][0] == stance:
            runs[-1][1].append(pattern)
        else:
            runs.append((stance, [pattern]))
    return tuple((stance, re.compile(_joined(patterns))) for stance, patterns in runs)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (outside groups and classes)."""
    parts: list[str] = []
    current: list[str] = []
    depth, index, in_class = 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            current.append(pattern[index:index + 2])
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            index += 1
            continue
        current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def _joined(patterns: list[str]) -> str:
    """One pattern that matches where any of `patterns` does, with the word boundary that most
    alternatives open with checked once: Python's engine then skips an alternative by its first
    letter (about three times faster over a message than the alternatives side by side)."""
    alternatives = [a for pattern in patterns for a in _alternatives(pattern)]
    bounded = [a[2:] for a in alternatives if a.startswith(r"\b")]
    others = [f"(?:{a})" for a in alternatives if not a.startswith(r"\b")]
    if bounded:
        others.insert(0, r"\b(?:" + "|".join(f"(?:{a})" for a in bounded) + ")")
    return "|".join(others)


def _negates(tokens: list[Token], index: int, negation: set[str], exceptions: set[str],
             lower: bool = True) -> bool:
    """Whether token `index` is a negation ("nicht nur", "nicht zuletzt" negate nothing, nor
    does "als nicht hilfreich kritisiert": the negation belongs to the adjective). `lower`:
    compare the word in lower case (False: as written, so that a sentence-opening "Kaum hatte
    er ..., kam" is no hedge)."""
    text = tokens[index].text
    if (text.lower() if lower else text) not in negation:
        return False
    following = tokens[index + 1].text.lower() if index + 1 < len(tokens) else ""
    before = tokens[index - 1].text.lower() if index > 0 else ""
    return following not in exceptions and before not in _negation_after()


@cache
def _negation_after() -> frozenset[str]:
    return frozenset(stance_lexicon().rules["negation_after"])


def cue_negation(document: Document, attribution: Attribution,
                 words: str = "negation") -> str | None:
    """The word that negates the cue ("nicht", "weder" ...), or None. `words`: the rules.json
    list of negating words (default "negation"; "hedges": "ließ sich kaum bestätigen")."""
    cue = attribution.cue
    if cue is None:
        return None
    rules = stance_lexicon().rules
    negation = set(rules[words])
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
            _negates(tokens, index, negation, exceptions, words == "negation")
            and not inside(token, attribution.quote.spans)
            and (index >= first or not any(t.text in CLAUSE_BOUNDARIES
                                           or t.text in COORDINATORS
                                           for t in tokens[index:first]))
        ):
            return token.text.lower()
    # after the cue up to the end of its clause ("bestätigte die Berichte nicht"); a speech act
    # told by a noun holds its clause in its quote ("Eine Stellungnahme gab es nicht.")
    told = attribution.type == QuoteType.REPORTED
    index = document.token_at(cue.end)
    while index is not None and index < len(tokens):
        token = tokens[index]
        if token.text in CLAUSE_BOUNDARIES:
            break
        if not told and inside(token, attribution.quote.spans):  # "bestätigte ... nicht"
            index += 1
            continue
        if _negates(tokens, index, negation, exceptions, words == "negation"):
            return token.text.lower()
        index += 1
    return None


def _reserved(document: Document, attribution: Attribution) -> bool:
    """A reply told as reserved: "reagierte zurückhaltend", "hielt sich bedeckt"."""
    words = set(stance_lexicon().rules["reserved_words"])
    return any(t.text.lower() in words
               for t in frame_tokens(document, attribution, own_sentence=True))


def _bare_report_speaker(attribution: Attribution) -> bool:
    """A speaker that is only reports, with no one named: "laut Medienberichten", "Berichten
    zufolge" (not "Berichten der Zeitung", nor "den Berichten", which were named before)."""
    speaker = attribution.speaker
    if speaker is None:
        return False
    nouns = set(stance_lexicon().rules["bare_report_nouns"])
    words = [w.strip(",.;:") for w in speaker.text.split()]
    return len(words) == 1 and words[0] in nouns  # "den Berichten": reports named before


def _bare_report_cue(attribution: Attribution) -> bool:
    """A cue without a speaker that names only reports or figures, none of them named before:
    "Medienberichten zufolge", "nach jüngsten Angaben", "war von ... die Rede" (not "den
    Angaben zufolge", whose reports were named before)."""
    if attribution.speaker is not None or attribution.cue is None:
        return False
    rules = stance_lexicon().rules
    words = [w.strip(",.;:") for w in attribution.cue.text.split()]
    return (any(w in rules["bare_report_nouns"] or w in rules["bare_report_cue_nouns"]
                for w in words)
            and not any(w.lower() in rules["named_before"] for w in words))


def _named_account(attribution: Attribution) -> bool:
    """A statement told with a cue that names its source ("laut Anklage", "sagte die
    Ministerin", "den Angaben zufolge": reports named before): a reportative "soll" in it is
    that source's claim or plan, not the author's hearsay. A cue that is itself "soll" or a
    report that names no one ("Berichten zufolge") names no source."""
    cue = attribution.cue
    if cue is None or _bare_report_speaker(attribution):
        return False
    rules = stance_lexicon().rules
    cue_words = [w.strip(",.;:") for w in cue.text.split()]
    if any(w in rules["reportative"] or w in rules["bare_report_nouns"] for w in cue_words):
        return False
    return attribution.speaker is not None or cue_words[0].lower() in rules["named_before"]


def _is_hearsay(document: Document, attribution: Attribution) -> bool:
    rules = stance_lexicon().rules
    if _bare_report_speaker(attribution) or _bare_report_cue(attribution):
        return True
    markers = set(rules["unverified_words"])
    quote_markers = set(rules["unverified_words_in_quote"])
    reportative = set(rules["reportative"])
    perfect = set(rules["perfect"])
    # a continuation's own sentence: "laut Medienberichten" or "angeblich" in the sentence it
    # continues does not make each of its sentences hearsay (its speaker's words still count)
    words = [t.text for t in frame_tokens(document, attribution, own_sentence=True)]
    if attribution.speaker is not None:
        words += attribution.speaker.text.split()
    if any(word.strip(",.;:") in markers for word in words):
        return True
    if any(word.strip(",.;:") in quote_markers for word in attribution.quote.text.split()):
        return True
    if _named_account(attribution):
        return False  # "soll laut Anklage ... betrogen haben": the named source's claim
    cue_words = attribution.cue.text.split() if attribution.cue else []
    if any(w in reportative for w in cue_words) and any(w in perfect for w in words):
        return True
    if attribution.type == QuoteType.FREE_INDIRECT and any(
            w in reportative for w in attribution.quote.text.split()):
        return True  # hearsay by the extraction's own reading: "Der Preis soll bald sinken."
    # "soll ... gebracht haben", "sollen ... geschleust worden sein" in the frame or the quote
    hearsay = _hearsay_pattern()
    return bool(hearsay.search(" ".join(words)) or hearsay.search(attribution.quote.text))


def _speaker_in_quote(document: Document, attribution: Attribution) -> SpanTuple | None:
    """Where the speaker stands inside the quote: its own span, or for a statement without a
    speaker there, the first mention in the quote of its source's or speaker's name ("Den
    Einwand ... ließ Kickl nicht gelten", Kickl named before); None where neither is inside."""
    speaker, quote = attribution.speaker, attribution.quote
    if speaker is not None and all(
        any(q_start <= start and end <= q_end for q_start, q_end in quote.spans)
        for start, end in speaker.spans
    ):
        return speaker.start, speaker.end
    names = {word for part in (speaker.text if speaker else "",
                               attribution.source.name if attribution.source else "")
             for word in part.split() if word[:1].isupper() and len(word) > 2}
    first = document.token_at(quote.start)
    if not names or first is None:
        return None
    for token in document.tokens[first : first + SPEAKER_SEARCH_TOKENS]:
        if token.start >= quote.end:
            break
        if token.text in names:
            return token.start, token.end
    return None


# How far into a quote the subject of an act told without its words is looked for: it opens its
# sentence ("Die Reederei wies ... zurück"); a name deep inside a long quote is someone it
# mentions, and a search to the end of every quote would make long texts quadratic.
SPEAKER_SEARCH_TOKENS = 60


def _clauses_to_speaker(document: Document, quote: Part,
                        speaker: SpanTuple) -> list[list[Token]]:
    """The quote's clauses from its start up to the one that holds the speaker ("Peking: Nach
    der Festnahme hat China den Vorwurf zurückgewiesen" -> "Peking", the clause after the
    colon)."""
    first = document.token_at(quote.start)
    if first is None:
        return []
    clauses: list[list[Token]] = [[]]
    held = False
    for token in document.tokens[first : first + 2 * SPEAKER_SEARCH_TOKENS]:
        if token.start >= quote.end:
            break
        if token.text in QUOTE_MARKS and _in_quoted_name(document, token):
            continue  # 'einen Bericht der „Zeitung“ dementiert': a name, no clause boundary
        if token.text in CLAUSE_BOUNDARIES:
            if held:
                break
            clauses.append([])
            continue
        held = held or token.start >= speaker[0]
        clauses[-1].append(token)
    return [clause for clause in clauses if clause] if held else []


MAX_QUOTED_NAME_WORDS = 4


def _in_quoted_name(document: Document, mark: Token) -> bool:
    """A quote mark of a short quoted name of capitalised words ('der „New York Times“')."""
    tokens = document.tokens
    index = mark.index
    for step in (1, -1):
        words = 0
        j = index + step
        while 0 <= j < len(tokens) and words <= MAX_QUOTED_NAME_WORDS:
            if tokens[j].text in QUOTE_MARKS:
                return 0 < words <= MAX_QUOTED_NAME_WORDS
            if not tokens[j].text[:1].isupper():
                break
            words += 1
            j += step
    return False


def _stance_of_own_clause(document: Document, attribution: Attribution) -> str | None:
    """For a statement without a cue whose quote holds the speaker (a speech act told without
    its words: "Die Reederei wies die Berichte zurück"), the stance of the first verb that gives
    one in the clauses up to the speaker's, turned by a negation in its clause ("wollte die
    Angaben nicht bestätigen" -> not_confirm); None where there is none. A clause with a verb in
    the subjunctive beside it ("Die Firma habe ... gebeten", document.morphology) reports
    someone else's words: no act of its own."""
    if attribution.cue is not None:
        return None
    speaker = _speaker_in_quote(document, attribution)
    if speaker is None and attribution.speaker is None and attribution.source is None:
        speaker = (attribution.quote.start, attribution.quote.start)  # its first clause
    if speaker is None:
        return None
    rules = stance_lexicon().rules
    negation, exceptions = set(rules["negation"]), set(rules["negation_exceptions"])
    hedges = set(rules["hedges"])
    negated_lemmas = rules["negated_lemmas"]
    tokens = document.tokens
    for clause in _clauses_to_speaker(document, attribution.quote, speaker):
        words = [t.text.lower() for t in clause]
        subjunctive = {i for i in document.morphology.subjunctive_in(clause[0].index,
                                                                     clause[-1].index + 1)
                       if tokens[i].text.islower()}  # a capitalised word is a noun ("Presse")
        negated = next((t.text.lower() for t in clause
                        if _negates(tokens, t.index, negation, exceptions)), None)
        text = " ".join(words)
        for position, token in enumerate(clause):
            if ((position > 0 and token.text[:1].isupper())
                    or speaker[0] <= token.start < speaker[1]):
                continue  # nouns (Kritik, Forderung) and the speaker's words are no verb
            lemma = verb_lemma(token.text, words)
            if lemma is None or lemma in rules["own_clause_excluded"] or subjunctive - {
                    token.index}:  # "hätten ihn um Rat gebeten": a Konjunktiv beside the verb
                continue
            if negated and lemma in negated_lemmas:
                return str(negated_lemmas[lemma])
            stance = lemma_stance(lemma, text)
            if stance == "confirm" and not negated and hedges & {t.text for t in clause}:
                return "not_confirm"  # "konnte das kaum bestätigen"
            if stance is not None:
                return _negated_stance(stance, negated) if negated else stance
    return None


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


def _cue_completion(document: Document, cue: Part) -> str:
    """" bedenken" where the cue "gab zu" goes on "zu bedenken"; else ""."""
    index = document.token_at(cue.spans[-1][1])
    tokens = document.tokens
    if index is None or index >= len(tokens) or tokens[index].start < cue.end:
        return ""
    word = tokens[index].text.lower()
    return f" {word}" if word in stance_lexicon().rules["cue_completions"] else ""


def _cue_lemma_in_context(document: Document, cue: Part) -> str | None:
    """The cue's lemma. Where the engine names one verb of a cue and the stance lexicon another
    ("begrüßte ..., monierte aber" -> monieren), the lexicon's word is the cue's verb unless
    the text uses it as an attributive participle before a noun ("in dem als echt bestätigten
    Schreiben") or it is a noun beside the engine's verb ("mit ihrer Forderung ..., sagt er").
    A word right after the cue that completes it (rules.json, cue_completions: "gab zu" +
    "bedenken") counts as the cue's."""
    text = cue.text + _cue_completion(document, cue)
    lemma = cue_lemma(text)
    form = lexicon_form(text)
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


def _not_asking(document: Document, cue: Part) -> bool:
    """A cue "gefragt" that asks nothing: in demand, with a form of "sein" and no "worden"
    ("Erfahrung ist gefragt", not "Er ist gefragt worden"), or a participle opening the sentence
    of the answer ("Danach gefragt, sagte er ...", not "Er wurde danach gefragt").
    rules.json not_asking."""
    rules = stance_lexicon().rules["not_asking"]
    words = [w.strip(",.;:").lower() for w in cue.text.split()]
    if rules["participle"] not in words:
        return False
    tokens = document.tokens
    index = next((i for i in range(*document.token_span(cue.start, cue.end))
                  if tokens[i].text.lower() == rules["participle"]), None)
    if index is None:
        return False
    following = tokens[index + 1].text.lower() if index + 1 < len(tokens) else ""
    if set(words) & set(rules["copulas"]):
        return following not in rules["passive"]
    sentence = document.sentences[document.sentence_of_token[index]]
    before = [t.text.lower() for t in tokens[sentence.first:index]]
    return (len(words) == 1 and len(before) <= int(rules["opening_words"])
            and not set(before) & set(rules["auxiliaries"]))


def _knew_not(attribution: Attribution, lemma: str | None) -> bool:
    """A negated "wissen" that tells what someone did not know, not what they cannot confirm:
    in the past ("Man wusste nicht, wie es weitergeht", "Wenn er nicht weiter gewusst habe")
    or with a dass-clause, whose fact the text gives ("weiß nicht, dass der Vertrag verlängert
    wurde"). rules.json knew_not."""
    rules = stance_lexicon().rules["knew_not"]
    if lemma not in rules["lemmas"] or attribution.cue is None:
        return False
    cue_words = {w.strip(",.;:").lower() for w in attribution.cue.text.split()}
    first = attribution.quote.text.lstrip("".join(QUOTE_MARKS) + " ").split(" ", 1)[0]
    return bool(cue_words & set(rules["past_forms"])) or (
        first.strip(",").lower() in rules["factive_openers"])


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
            stance = (negated_lemmas[lemma]
                      if lemma in negated_lemmas and not _knew_not(attribution, lemma)
                      else _negated_stance(stance, negation))
        elif stance == "assert" and _reserved(document, attribution):
            stance = "not_confirm"  # "reagierte zurückhaltend auf die Forderung"
        elif stance == "question" and _not_asking(document, attribution.cue):
            stance = "assert"  # "Danach gefragt, sagte er ...", "Erfahrung ist gefragt"
        elif stance == "confirm" and cue_negation(document, attribution, "hedges"):
            stance = "not_confirm"  # "ließ sich kaum bestätigen"
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


def stance_inputs(
    document: Document, attributions: list[Attribution], classifier: StanceClassifier | None
) -> tuple[list[str], list[list[str] | None]]:
    """The rule's stance of every statement, and the classifier's features of each statement
    whose rule stance it may change (of every statement where `classifier` is None)."""
    rules = [stance_of(document, attribution) for attribution in attributions]
    features: list[list[str] | None] = []
    for index, attribution in enumerate(attributions):
        if classifier is not None and rules[index] not in classifier.settings.overrides:
            features.append(None)
            continue
        negated = cue_negation(document, attribution) is not None
        features.append(statement_features(document, attributions, index, rules, negated))
    return rules, features


def assign_stance(
    document: Document,
    attributions: list[Attribution],
    classifier: StanceClassifier | Literal["shipped"] | None = "shipped",
) -> None:
    """Set `stance` on every statement and `responds_to` on denials and (non-)confirmations.
    `attributions` must be in the article's order: responds_to indexes into it. `classifier`:
    the one that may overrule the rules (default: the shipped one; None: the rules alone)."""
    if classifier == "shipped":
        classifier = shipped_classifier()
    responding = set(stance_lexicon().rules["responding"])
    if classifier is None:
        for attribution in attributions:
            attribution.stance = stance_of(document, attribution)
    else:
        rules, features = stance_inputs(document, attributions, classifier)
        for attribution, rule, statement in zip(attributions, rules, features, strict=True):
            attribution.stance = rule if statement is None else classifier.decide(statement, rule)
    _extend_stances(attributions)
    _continue_demands(attributions)
    _continue_denials(document, attributions)
    _contests(document, attributions)
    _looming(document, attributions)
    statements = Statements(document, attributions)
    _rejecting_reactions(document, statements)
    for attribution in attributions:
        attribution.responds_to = None
    for index, attribution in enumerate(attributions):
        if attribution.stance in responding or attribution.stance == "criticise" or (
            reacts(document, statements, index)
        ):
            attribution.responds_to = responds_to(document, attributions, index, statements)


EXTENDING_OPENERS = frozenset({"das", "dies", "gleiches", "dasselbe", "selbiges", "ähnliches"})
SAME_OPENERS = frozenset({"gleiches", "dasselbe", "selbiges", "ähnliches"})
EXTENDING_VERBS = frozenset({"gelte", "gelten", "gilt", "galt"})
EXTENDING_ADVERBS = frozenset({"auch", "ebenso", "gleichermaßen", "ebenfalls"})


def _extend_stances(attributions: list[Attribution]) -> None:
    """A continuation that extends what its source just said to another case ("Das gelte auch
    für ...", "Gleiches gilt für ...") says it with that statement's stance: a denial or a
    non-confirmation goes on."""
    for before, attribution in pairwise(attributions):
        words = attribution.quote.text.lower().split()
        if (attribution.cue is None and len(words) > 2 and words[0] in EXTENDING_OPENERS
                and words[1] in EXTENDING_VERBS
                and (words[0] in SAME_OPENERS or words[2] in EXTENDING_ADVERBS)
                and before.source is not None
                and attribution.source is not None
                and before.source.name == attribution.source.name):
            attribution.stance = before.stance



def _continue_demands(attributions: list[Attribution]) -> None:
    """A continuation that carries the speaker of a demand and says "soll"/"sollen" without a
    stance of its own (assert, or hearsay by the "sollen" alone) goes on demanding: "Die
    Gewerkschaft fordert kürzere Schichten. Pausen sollen bezahlt werden." "soll ... getan
    haben" tells a past deed: hearsay, never a demand. A sentence without a speaker may be the
    author's ("Im Herbst soll das Gesetz kommen")."""
    reportative = set(stance_lexicon().rules["reportative"])
    hearsay = _hearsay_pattern()
    for before, attribution in pairwise(attributions):
        if (before.stance == "demand" and attribution.stance in ("assert", "unverified")
                and attribution.speaker is not None and continues(before, attribution)
                and any(w.strip(",.;:") in reportative for w in attribution.quote.text.split())
                and not hearsay.search(attribution.quote.text)):
            attribution.stance = "demand"


def _first_clause_negated(document: Document, attribution: Attribution) -> bool:
    """Whether the first clause of a statement's message negates a claim ("In der Stadt gebe es
    keine Zensur, sondern ..."; not "Der Richter sei krank, deshalb könne er nicht ..."). What
    is not there yet ("noch keine Einigung") and what the speaker does not know or has not seen
    ("die Gründe kenne ich nicht", "Ich habe die Szene nicht gesehen"; rules.json:
    unknowing_words) negate none."""
    rules = stance_lexicon().rules
    negation, exceptions = set(rules["negation"]), set(rules["negation_exceptions"])
    first = document.token_at(attribution.quote.start)
    if first is None:
        return False
    tokens = document.tokens
    negated = False
    for index in range(first, len(tokens)):
        token = tokens[index]
        if token.start >= attribution.quote.end or (
                token.text in CLAUSE_BOUNDARIES and index > first):
            break
        if token.text.lower() in word_set("unknowing_words"):
            return False
        if _negates(tokens, index, negation, exceptions):
            if index > 0 and tokens[index - 1].text.lower() == "noch":
                return False
            negated = True
    return negated


def _continue_denials(document: Document, attributions: list[Attribution]) -> None:
    """A continuation without a cue of its own that goes on from a denial of its source and
    negates in its first clause tells what is denied ("Der Minister wies die Vorwürfe zurück. In
    seinem Land säßen keine Journalisten im Gefängnis"): it denies too."""
    for before, attribution in pairwise(attributions):
        if (attribution.cue is None and attribution.stance == "assert"
                and before.stance == "deny"
                and before.source is not None and attribution.source is not None
                and before.source.name == attribution.source.name
                and _first_clause_negated(document, attribution)):
            attribution.stance = "deny"


def _contests(document: Document, attributions: list[Attribution]) -> None:
    """"bestreiten" of a contest or a living plays or funds it, it denies nothing ("Er bestritt
    67 Länderspiele", "hat kein Pflichtspiel mehr bestritten", "bestreiten ihr Leben damit,
    ..."): a denial or confirmation whose sentence has a clause with a form of "bestreiten" and
    such a noun (rules.json: contest_nouns, ending a compound: "Profikämpfe") asserts."""
    rules = stance_lexicon().rules
    forms = word_set("contest_verb_forms")
    nouns = tuple(rules["contest_nouns"])
    for attribution in attributions:
        if attribution.stance not in ("deny", "confirm"):
            continue
        sentence = document.sentence_at((attribution.cue or attribution.quote).start)
        if sentence is None:
            continue
        verb = noun = False
        for token in document.tokens[sentence.first : sentence.last]:
            if token.text in CLAUSE_BOUNDARIES:
                verb = noun = False
                continue
            verb = verb or token.text.lower() in forms
            noun = noun or (token.text[:1].isupper() and token.text.lower().endswith(nouns))
            if verb and noun:
                attribution.stance = "assert"
                break


def _looming(document: Document, attributions: list[Attribution]) -> None:
    """A sentence that is a statement only by an indicative "drohen" of what looms, a penalty
    or a risk ("Den Tätern drohen Haftstrafen.", "Die Waffenruhe droht zu scheitern."), warns
    of nothing: assert. A threat names what with "mit" or a comma-clause after the verb ("Die
    Stadt drohte mit dem Abriss", "drohte, ... anzugreifen"), a reported "drohe" is someone's
    warning, a sentence with a word of warning ("warnt", "Gefahr") keeps it, and so does a
    threat to someone ("Die Türkei droht den Kurden"): what looms is a penalty (looming_nouns)
    or told with a zu-infinitive (rules.json looming)."""
    rules = stance_lexicon().rules["looming"]
    forms, threat_words = set(rules["forms"]), set(rules["threat_words"])
    stems, nouns = tuple(rules["warning_stems"]), tuple(rules["looming_nouns"])
    for attribution in attributions:
        if attribution.stance != "warn" or attribution.type is not QuoteType.REPORTED:
            continue
        if attribution.cue is not None and not (
                {w.lower() for w in attribution.cue.text.split()} & forms):
            continue
        sentence = document.sentence_at((attribution.cue or attribution.quote).start)
        if sentence is None:
            continue
        tokens = document.tokens[sentence.first : sentence.last]
        if any(t.text.lower().startswith(stems) or t.text.lower() == "drohe" for t in tokens):
            continue
        looms = False
        for position, token in enumerate(tokens):
            if token.text.lower() not in forms:
                continue
            after = tokens[position + 1 :]
            if after and after[0].text == ",":
                looms = False
                break
            following = []
            for other in after:
                if other.text in CLAUSE_BOUNDARIES:
                    break
                following.append(other.text)
            clause = following[:]
            for other in reversed(tokens[:position]):
                if other.text in CLAUSE_BOUNDARIES:
                    break
                clause.insert(0, other.text)
            if threat_words & {w.lower() for w in clause} or (
                    following and following[-1] == rules["threat_particle"]):
                # "drohte mit ...", "dass er mit der Kündigung drohte", "droht Strafen an"
                looms = False
                break
            looms = looms or _looming_clause(clause, nouns)
        if looms:
            attribution.stance = "assert"


def _looming_clause(clause: list[str], nouns: tuple[str, ...]) -> bool:
    """Whether the words of a "drohen" clause name what looms: a penalty noun ending a
    capitalised word ("Haftstrafen", "Staatspleite") or a zu-infinitive ("zu scheitern",
    "abzutreiben")."""
    prefixes = tuple(f"{prefix}zu" for prefix in stance_lexicon().rules["separable_prefixes"])
    for index, word in enumerate(clause):
        lower = word.lower()
        if word[:1].isupper() and lower.endswith(nouns):
            return True
        if lower == "zu" and index + 1 < len(clause) and clause[index + 1].endswith("n") and (
                clause[index + 1][:1].islower()):
            return True  # "droht zu scheitern", "zu fallen drohen"
        if lower.startswith(prefixes) and lower.endswith("n") and word[:1].islower():
            return True
    return False


def _rejecting_reactions(document: Document, statements: Statements) -> None:
    """A reaction (stance/responses.py: reacts) whose message sets what is against what is not
    ("Die Kammer reagierte verschnupft: Man sei Teil der Lösung, nicht Teil des Problems")
    rejects what it answers: deny."""
    contrast = _contrast_pattern()
    for index, attribution in enumerate(statements.attributions):
        if (attribution.stance == "assert" and contrast.search(attribution.quote.text)
                and reacts(document, statements, index)):
            attribution.stance = "deny"
