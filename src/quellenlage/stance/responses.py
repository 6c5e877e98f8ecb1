"""What a denial, confirmation or criticism answers: the earlier statement of the article whose
claim it takes up (`responds_to`).

In order: a claim it takes up in its own sentence ("wies Berichte zurück, wonach P": the statement
P); for a response that continues an answer of its source (`continues`: no cue, no speaker of its
own; a Konjunktiv sentence carries its opening's speaker), or one whose sentence opens with
"Auch" ("Auch die Kammer lehnte ab"), what that answer or the nearest answer of another source
answers; the statement introduced by the noun with which the response names what it answers
("das Urteil": "laut einem Urteil"; "den Bericht": "berichtete"; "diese Pressemitteilung": "In
einer Pressemitteilung hieß es"; a compound ending in such a noun: "der Statusmeldung": "In einer
Statusmeldung solidarisierte sich X"); the latest statement of a party the response names ("diese
Angaben aus Südkorea", "die Vorwürfe der Opposition", "ließ er den Minister wissen", "Müllers
Plan"); a relative "was ... bestreiten" answers the statement of its own sentence; for a proposal
("russische Vorschläge", "das Angebot") the offer shortly before ("sei bereit, ... zu helfen";
offers.tsv), of the state its adjective names; where a state's adjective names its source ("der
russische Vorschlag"), the nearest of the noun's kind by that state itself, else by one of its
people; else the nearest of the kind that noun names ("die Forderung": a demand); else what a
nearby answer of another source answers when the response repeats its words ("als wirkungslos
zurückgewiesen" ... "das ist wirkungslos"); else the statement whose message shares the most
content words with the response (stems; stance words such as "bestätigen", "Berichte" do not
count), the nearer on a tie; else, for a denial or (non-)confirmation that names no such noun
without an article ("dementierte Gerüchte um ..."), the nearest statement close before it, where
the response names what it answers with such a noun, points back ("Das bestätigte ...", "habe
damit nichts zu tun") or that statement is hearsay ("Medienberichten zufolge ..."). A
statement that only says a fact is not known yet ("Die Ursache ist noch unklar") answers only a
claim its sentence reports. A source never answers itself. Each response looks back over at most
MAX_CANDIDATES statements: linear in the article's statements.

Besides denials, (non-)confirmations and criticisms, a statement told as a reaction answers too
(`reacts`: "Diese Erklärung ist unhaltbar", "Die Kammer reagierte verschnupft. ..."), found
by what it names or takes up, never by nearness alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from itertools import pairwise

from quellenlage.archive.text_search import search_terms
from quellenlage.model import Attribution, SpanTuple
from quellenlage.resources import read_lines, read_table
from quellenlage.sources.gazetteer import gazetteer
from quellenlage.stance.cues import stance_lexicon, word_set
from quellenlage.text import Document
from quellenlage.text.tokens import Token

RESPONSE_REACH = 4  # sentences back that a response may answer without naming what it answers
MIN_SHARED_TERMS = 3  # content terms a response must share with the statement it takes up
MAX_CANDIDATES = 40  # earlier statements a response's shared terms are compared with
OPENING_WORDS = 3  # words of a statement without a cue that may name what introduces it


def inside(token: Token, spans: tuple[SpanTuple, ...]) -> bool:
    return any(start <= token.start < end for start, end in spans)


def frame_tokens(document: Document, attribution: Attribution, *,
                 own_sentence: bool = False) -> list[Token]:
    """The tokens of the cue's sentence outside the quote. `own_sentence`: for a statement
    without a cue, the sentence of its message, not the one of the speaker it carries over from
    the statement it continues."""
    speaker = None if own_sentence else attribution.speaker
    anchor = (attribution.cue or speaker or attribution.quote).start
    sentence = document.sentence_at(anchor)
    if sentence is None or sentence.start > anchor:
        return []
    tokens = document.tokens[sentence.first : sentence.last]
    spans = attribution.quote.spans
    if len(spans) == 1:  # the usual case, without a scan of the spans for every token
        start, end = spans[0]
        return [t for t in tokens if not start <= t.start < end]
    return [t for t in tokens if not inside(t, spans)]


def _sentence_index(document: Document, offset: int) -> int:
    sentence = document.sentence_at(offset)
    return sentence.index if sentence is not None else len(document.sentences) - 1


def _pointed_names(document: Document, attribution: Attribution) -> set[str]:
    """Names a response points at: "diese Angaben aus Südkorea" -> {Südkorea, Seoul ...}, "die
    Vorwürfe der Opposition" -> {Opposition}; in its own sentence also the party it addresses
    ("ließ er den Minister wissen", "in Richtung der Regierung") or whose words or deeds it
    judges ("Müllers Plan")."""
    nouns = _statement_nouns()
    first = document.token_at(max(0, attribution.quote.start - 200))
    last = document.token_at(attribution.quote.end + 1)
    tokens = document.tokens[first : last if last is not None else len(document.tokens)] if (
        first is not None) else []
    frame = frame_tokens(document, attribution)
    pool = {t.index: t for t in [*tokens, *frame]}
    ordered = [pool[k] for k in sorted(pool)]
    names: set[str] = set()
    for position, token in enumerate(ordered):
        if token.text not in nouns:
            continue
        for following in ordered[position + 1 : position + 5]:
            if following.text[:1].isupper():
                _add_name(names, following.text)
                break
    _addressed_names(document, attribution, names)
    return names


def _add_name(names: set[str], word: str) -> None:
    entry = gazetteer().lookup(word)
    names.add(entry.name if entry else word)
    names.add(word)
    if len(word) > 3 and word.endswith("s"):  # the genitive: "Müllers", "der Regierungs-"
        names.add(word[:-1])


def _addressed_names(document: Document, attribution: Attribution, names: set[str]) -> None:
    """Adds the party a response addresses in its own sentence (rules.json: address_markers,
    each followed by the addressee; "ließ ... wissen" with the addressee between) and the names
    in the genitive before a noun ("Müllers Plan")."""
    sentence = document.sentence_at(attribution.quote.start)
    if sentence is None:
        return
    speaker = attribution.speaker
    words = [t.text for t in document.tokens[sentence.first : sentence.last]
             if speaker is None or not speaker.start <= t.start < speaker.end]
    lowered = [w.lower() for w in words]
    markers = [tuple(m.split()) for m in stance_lexicon().rules["address_markers"]]
    for position in range(len(words)):
        after = None
        for marker in markers:
            if tuple(lowered[position : position + len(marker)]) == marker:
                after = position + len(marker)
        if (lowered[position] in word_set("let_know")
                and "wissen" in lowered[position + 1 : position + 8]):
            after = position + 1
        if after is not None:
            for word in words[after : after + 4]:
                if word[:1].isupper():
                    _add_name(names, word)
                    break
        word = words[position]
        if (word[:1].isupper() and word.endswith("s") and position + 1 < len(words)
                and words[position + 1][:1].isupper() and position > 0
                and lowered[position - 1] not in word_set("determiners")):
            names.add(word[:-1])  # "Müllers Plan"; not "des Landes Regierung"


def _source_names(attribution: Attribution) -> set[str]:
    """The names a response may point at to answer this statement."""
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
    return candidates


class Statements:
    """An article's statements indexed by the names that point at them and by their sentence,
    with their content terms and the stems of the words that introduce them as asked for, built
    once: a scan of every earlier statement for each response would make long texts quadratic."""

    def __init__(self, document: Document, attributions: list[Attribution]) -> None:
        self.attributions = attributions
        self.sentence = [_sentence_index(document, a.quote.start) for a in attributions]
        self.by_name: dict[str, list[int]] = {}
        self.by_sentence: dict[int, list[int]] = {}
        self._terms: dict[int, frozenset[str]] = {}
        # the earliest end of a quote among the statements before each one
        self.earliest_end: list[float] = [float("inf")]
        for i, attribution in enumerate(attributions):
            for name in _source_names(attribution):
                self.by_name.setdefault(name, []).append(i)
            self.by_sentence.setdefault(self.sentence[i], []).append(i)
            self.earliest_end.append(min(self.earliest_end[-1], attribution.quote.end))
        self._document = document
        self._frame_stems: dict[int, frozenset[str]] = {}
        self._cue_stems: dict[int, frozenset[str]] = {}

    def last_before(self, found: list[int], index: int, limit: int | None) -> int | None:
        """The last statement of `found` before `index` that ends by `limit` (None: any) and
        is not of the same source as statement `index`."""
        response = self.attributions[index]
        for position in range(bisect_left(found, index) - 1, -1, -1):
            i = found[position]
            if ((limit is None or self.attributions[i].quote.end <= limit)
                    and not _same_source(self.attributions[i], response)):
                return i
        return None

    def recent(self, name: str, index: int) -> list[int]:
        """The last MAX_CANDIDATES statements before `index` that `name` points at."""
        found = self.by_name.get(name, [])
        end = bisect_left(found, index)
        return found[max(0, end - MAX_CANDIDATES) : end]

    def terms(self, index: int) -> frozenset[str]:
        if index not in self._terms:
            self._terms[index] = content_terms(self.attributions[index].quote.text)
        return self._terms[index]

    def frame_stems(self, index: int) -> frozenset[str]:
        """The stems of the words that introduce statement `index` (its sentence outside the
        quote): "berichtete", "laut einem Urteil", "In einer Pressemitteilung hieß es"."""
        if index not in self._frame_stems:
            attribution = self.attributions[index]
            words = [t.text for t in frame_tokens(self._document, attribution)]
            if attribution.cue is None:
                # a statement recorded with its whole sentence is introduced by its opening
                # words ("In einer Statusmeldung solidarisierte sich ...")
                words += attribution.quote.text.split()[:OPENING_WORDS]
            # a cue inside its quote ("Die Seite kann laut einem Urteil ... bleiben") counts too
            self._frame_stems[index] = frozenset(search_terms(" ".join(words))) | (
                self.cue_stems(index))
        return self._frame_stems[index]

    def cue_stems(self, index: int) -> frozenset[str]:
        """The stems of statement `index`'s cue and speaker: "laut einem Urteil"."""
        if index not in self._cue_stems:
            attribution = self.attributions[index]
            words = [p.text for p in (attribution.cue, attribution.speaker) if p is not None]
            self._cue_stems[index] = frozenset(search_terms(" ".join(words)))
        return self._cue_stems[index]


def _source_name(attribution: Attribution) -> str | None:
    return attribution.source.name if attribution.source is not None else None


def _same_source(first: Attribution, second: Attribution) -> bool:
    """Whether both statements come from one source. Hearsay without a speaker has none of its
    own ("X soll ... haben. X bestritt das": X answers what is said about X)."""
    if any(a.speaker is None and a.stance == "unverified" for a in (first, second)):
        return False
    if first.source is not None and second.source is not None:
        return first.source.name == second.source.name
    return False


def _response_text(document: Document, response: Attribution) -> str:
    """The response's message with the rest of its sentence: "Die Firma wies die Berichte über
    Mängel am Beton zurück" names what it answers outside the object "die Berichte"."""
    sentence = document.sentence_at(response.quote.start)
    start = min(response.quote.start, sentence.start if sentence is not None else 0)
    end = max(response.quote.end, sentence.end if sentence is not None else 0)
    text = document.text[start:end]
    speaker = response.speaker
    if speaker is None or not start <= speaker.start < speaker.end <= end:
        return text
    # without the speaker: "Der Chef von Gold Apollo sagte ..." takes up no claim about Gold Apollo
    return text[: speaker.start - start] + text[speaker.end - start :]


@cache
def _ignored_terms() -> frozenset[str]:
    """Stems of words that say how a claim is treated, not what it says."""
    lexicon = stance_lexicon()
    words: set[str] = set(lexicon.stance_of_lemma)
    for _lemma, forms in lexicon.forms:
        words.update(forms)
    rules = lexicon.rules
    for key in ("negation", "unverified_words", "response_nouns"):
        words.update(str(word) for word in rules[key])
    return frozenset(search_terms(" ".join(words)))


def content_terms(text: str) -> frozenset[str]:
    ignored = _ignored_terms()
    return frozenset(term for term in search_terms(text) if term not in ignored)


def responds_to(
    document: Document, attributions: list[Attribution], index: int,
    statements: Statements | None = None,
) -> int | None:
    """The index of the statement that statement `index` answers, or None. `statements`: the
    article's statements indexed (built here when not given). The statements before `index`
    must have their own `responds_to` set: a response may answer what the one before answered."""
    statements = statements or Statements(document, attributions)
    response = attributions[index]
    sentence = _sentence_index(document, (response.cue or response.quote).start)
    reported = _reported_claim(statements, index, sentence)
    if reported is None and statements.sentence[index] != sentence:
        reported = _reported_claim(statements, index, statements.sentence[index])
    if reported is not None:
        return reported
    if _open_facts().search(response.quote.text):
        # "Die Ursache ist noch unklar" tells what is not known, not which claim it leaves open
        return None
    # the earlier statements: those before it that end before it starts, or all before it
    limit: int | None = (response.cue or response.speaker or response.quote).start
    if statements.earliest_end[index] > limit:
        limit = None
    if index == 0:
        return None
    continued = _continued_response(statements, index)
    if continued is None:
        continued = _parallel_response(document, statements, index, sentence)
    if continued is not None:
        return continued
    earlier = [i for i in range(index - 1, max(-1, index - 1 - MAX_CANDIDATES), -1)
               if (limit is None or attributions[i].quote.end <= limit)
               and not _same_source(attributions[i], response)]
    named = _named_statement_noun(document, statements, index)
    noun, state = named if named is not None else (None, None)
    if noun is not None:
        # "bedauerte das Urteil" answers the statement made "laut einem Urteil"
        i = _introduced_by(statements, earlier, noun)
        if i is not None:
            return i
    names = _pointed_names(document, response)
    if names:
        # the party named ("den Minister") stands for its source: its latest statement
        parties = {name for name in names if name in statements.by_name}
        parties |= {source for name in parties for i in statements.recent(name, index)
                    if (source := _source_name(attributions[i])) in statements.by_name}
        matches = [statements.last_before(statements.by_name[name], index, limit)
                   for name in parties]
        if any(i is not None for i in matches):
            return max(i for i in matches if i is not None)
    opener = response.quote.text.split()[0].lower() if response.quote.text.split() else ""
    if opener in word_set("relative_openers"):
        i = statements.last_before(statements.by_sentence.get(sentence, []), index, limit)
        if i is not None:
            return i
    if noun is not None:
        i = _offered(statements, earlier, noun, state, sentence)
        if i is not None:
            return i
        kind = stance_lexicon().rules["claim_nouns"].get(noun)
        if kind is not None and state is not None:
            # "der russische Vorschlag": the state's own statement of that kind, else one of its
            # people's, though the response only asserts
            i = _of_state(statements, earlier, kind, state)
            if i is not None:
                return i
        if kind is not None and response.stance != "assert":
            # "die Forderung ... entbehre jeder Grundlage": the demand before; a statement that
            # only asserts in reaction ("Der Vorschlag stieß auf Ablehnung. Er bedeute ...")
            # may mean another than the nearest
            for i in earlier:
                if attributions[i].stance == kind:
                    return _head_of_chain(attributions, i)
    echoed = _echoed_response(document, statements, index, sentence)
    if echoed is not None:
        return echoed
    shared = _most_shared(document, statements, index, earlier)
    if shared is not None:
        return shared
    if response.stance not in stance_lexicon().rules["responding"]:
        return None  # a criticism answers a statement only where it takes it up
    if noun is not None and _words(response.quote.text)[:1] == [noun]:
        # "dementierte Gerüchte um ...": what it names without an article may be unreported
        return None
    for i in earlier:
        if sentence - statements.sentence[i] > RESPONSE_REACH:
            break
        if (noun is not None or attributions[i].stance == "unverified"
                or _points_back(document, response)):
            return _head_of_chain(attributions, i)
        # "bestätigte den Eingang der Klage" may take up nothing the article reports
        return None
    return None


def _points_back(document: Document, response: Attribution) -> bool:
    """Whether a response's sentence points back with a pronoun or a determiner of what was said
    before (rules.json: pointing_back): "Das bestätigte die Polizei", "wies dies zurück", "habe
    damit nichts zu tun", "bestritt die Existenz derartiger Unterlagen"."""
    words = word_set("pointing_back")
    return any(word.lower() in words for word in _words(_response_text(document, response)))


@cache
def _open_facts() -> re.Pattern[str]:
    """A message that says a fact is not known yet (rules.json: open_facts)."""
    return re.compile(stance_lexicon().rules["open_facts"])


@cache
def _reaction_words() -> frozenset[str]:
    return frozenset(read_lines("stance", "reactions.txt"))


def reacts(document: Document, statements: Statements, index: int) -> bool:
    """Whether statement `index` is told as a reaction although its stance only asserts: it names
    what it answers with a demonstrative ("Diese Erklärung ist unhaltbar"), or its sentence,
    or the sentence before it when that holds no statement, tells a reaction (reactions.txt:
    "Die Kammer reagierte verschnupft. Wir sind ..., ließ er wissen")."""
    response = statements.attributions[index]
    sentence = document.sentence_at((response.cue or response.quote).start)
    if sentence is None:
        return False
    if _demonstrative_noun(document, response) is not None:
        return True
    tokens = document.tokens
    reactions = _reaction_words()
    if any(t.text in reactions for t in tokens[sentence.first : sentence.last]):
        return True
    if sentence.index == 0 or statements.by_sentence.get(sentence.index - 1):
        return False
    before = document.sentences[sentence.index - 1]
    return any(t.text in reactions for t in tokens[before.first : before.last])


def _demonstrative_noun(document: Document, response: Attribution) -> str | None:
    """The noun with which the message or its sentence opens after a demonstrative ("Diese
    Erklärung ist unhaltbar"), also where the extraction took that noun group for the
    speaker."""
    sentence = document.sentence_at((response.cue or response.quote).start)
    if sentence is None:
        return None
    tokens = document.tokens
    for first in (document.token_at(response.quote.start), sentence.first):
        if first is not None and first + 1 < sentence.last and (
            tokens[first].text.lower() in word_set("demonstratives")
            and tokens[first + 1].text in _statement_nouns()
        ):
            return tokens[first + 1].text
    return None


def _continued_response(statements: Statements, index: int) -> int | None:
    """A response that continues one of its source (`continues`) answers what that one answers
    ("Er wies die Vorwürfe zurück. Sie seien haltlos.")."""
    response, before = statements.attributions[index], statements.attributions[index - 1]
    if before.responds_to is None or before.responds_to == index:
        return None  # "Den Vorwurf, wonach P, wies er zurück": P itself continues nothing
    return before.responds_to if continues(before, response) else None


def _parallel_response(document: Document, statements: Statements, index: int,
                       sentence: int) -> int | None:
    """A response whose sentence opens with "Auch" ("Auch die Kammer lehnte ab", "Auch für die
    Grünen ist das Unsinn") answers what the nearest answer of another source before it answers,
    within RESPONSE_REACH sentences."""
    opening = document.sentences[sentence]
    first = document.tokens[opening.first].text.lower() if opening.last > opening.first else ""
    if first not in word_set("parallel_openers"):
        return None
    response = statements.attributions[index]
    for i in range(index - 1, max(-1, index - 1 - MAX_CANDIDATES), -1):
        if sentence - statements.sentence[i] > RESPONSE_REACH:
            break
        other = statements.attributions[i]
        target = other.responds_to
        if target is not None and target < i and not _same_source(other, response) and (
                not _same_source(statements.attributions[target], response)):
            return target
    return None


ECHO_SHARED_TERMS = 2  # content terms a response shares with the nearby answer it echoes


def _echoed_response(document: Document, statements: Statements, index: int,
                     sentence: int) -> int | None:
    """A criticism that repeats the judgement of a nearby answer of another source ("Die Partei
    wies das als wirkungslos zurück. ... Das ist völlig wirkungslos, sagte ein Jurist") answers
    what that answer answers: the nearest answer within RESPONSE_REACH sentences whose message
    shares at least ECHO_SHARED_TERMS content terms with the response."""
    response = statements.attributions[index]
    own = content_terms(_response_text(document, response))
    for i in range(index - 1, max(-1, index - 1 - MAX_CANDIDATES), -1):
        if sentence - statements.sentence[i] > RESPONSE_REACH:
            break
        other = statements.attributions[i]
        target = other.responds_to
        if (target is not None and target < i and not _same_source(other, response)
                and not _same_source(statements.attributions[target], response)
                and len(own & statements.terms(i)) >= ECHO_SHARED_TERMS):
            return target
    return None


@cache
def _statement_nouns() -> frozenset[str]:
    """Nouns by which a response names what it answers (rules.json: response_nouns, claim_nouns,
    statement_nouns)."""
    rules = stance_lexicon().rules
    return frozenset([*rules["response_nouns"], *rules["claim_nouns"], *rules["statement_nouns"]])


def _named_statement_noun(document: Document, statements: Statements,
                          index: int) -> tuple[str, str | None] | None:
    """The noun, after a determiner (up to two words between), by which a response names the
    statement it answers: "bedauerte das Urteil", "Diese Erklärung ist unhaltbar", "die
    jüngsten Berichte"; or the response's object when it opens with such a noun ("wies Vorwürfe
    zurück", "dementierte Gerüchte um ..."); else such a noun in the sentence before when that
    holds no statement ("Die Kritik kam bei der Kammer nicht gut an. ..."). With the noun the
    state whose adjective stands right before it ("der russische Vorschlag": Russland), or None."""
    nouns = _statement_nouns()
    response = statements.attributions[index]
    words = _words(response.quote.text)
    if words and words[0] in nouns:
        return words[0], None
    text_words = _words(_response_text(document, response))
    noun = _demonstrative_noun(document, response) or _determined_noun(text_words, nouns) or (
        _source_modified_noun(text_words, nouns))
    if noun is not None:
        return noun, _state_before(text_words, noun)
    sentence = document.sentence_at(response.quote.start)
    if sentence is None or sentence.index == 0 or statements.by_sentence.get(sentence.index - 1):
        return None
    before = document.sentences[sentence.index - 1]
    before_words = _words(document.text[before.start : before.end])
    noun = _determined_noun(before_words, nouns)
    return (noun, _state_before(before_words, noun)) if noun is not None else None


@cache
def _compound_heads() -> tuple[str, ...]:
    """Statement nouns that end a compound naming a statement ("Statusmeldung", "Regierungs-
    erklärung"), lower-case; short ones ("Plan", "Idee") would end too many other words."""
    return tuple(sorted({n.lower() for n in _statement_nouns() if len(n) >= MIN_COMPOUND_HEAD}))


MIN_COMPOUND_HEAD = 7


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?„“\"»«()'") for w in text.split()]


def _determined_noun(words: list[str], nouns: frozenset[str]) -> str | None:
    """The first of `nouns`, or a compound that ends in a long one ("der Statusmeldung"), within
    three words after a determiner."""
    for position, word in enumerate(words):
        if word.lower() not in word_set("determiners"):
            continue
        for following in words[position + 1 : position + 4]:
            if following in nouns or (following[:1].isupper()
                                      and following.lower().endswith(_compound_heads())):
                return following
            if following[:1].isupper():
                break
    return None


def _source_modified_noun(words: list[str], nouns: frozenset[str]) -> str | None:
    """A statement noun right after the adjective of a state that names its source, without an
    article ("lehnten russische Vorschläge ab")."""
    gaz = gazetteer()
    for before, word in pairwise(words):
        if word in nouns and before[:1].islower() and gaz.state_of_adjective(before):
            return word
    return None


def _state_before(words: list[str], noun: str) -> str | None:
    """The state whose adjective stands right before `noun` ("russische Vorschläge")."""
    gaz = gazetteer()
    for before, word in pairwise(words):
        if word == noun and before[:1].islower():
            return gaz.state_of_adjective(before)
    return None


def _of_state(statements: Statements, earlier: list[int], kind: str, state: str) -> int | None:
    """Of `earlier` (nearest first), the statement of stance `kind` made by `state` itself, else
    the nearest of that stance by one of its people (by_name)."""
    of_state = set(statements.by_name.get(state, ()))
    member = None
    for i in earlier:
        attribution = statements.attributions[i]
        if i not in of_state or attribution.stance != kind:
            continue
        if _source_name(attribution) == state:
            return _head_of_chain(statements.attributions, i)
        if member is None:
            member = i
    return _head_of_chain(statements.attributions, member) if member is not None else None


@cache
def _offers() -> tuple[frozenset[str], frozenset[str]]:
    """The nouns that name a proposal and the words that tell an offer (offers.tsv)."""
    rows = read_table("stance", "offers.tsv")
    return (frozenset(w for part, w in rows if part == "noun"),
            frozenset(w for part, w in rows if part == "word"))


def _offered(statements: Statements, earlier: list[int], noun: str, state: str | None,
             sentence: int) -> int | None:
    """For a response that names a proposal ("lehnten russische Vorschläge ab", "das Angebot"),
    the nearest of `earlier` within RESPONSE_REACH sentences whose message tells an offer ("X sei
    bereit, ... zu helfen"); where a state's adjective names the proposal's source, only a
    statement of that state counts."""
    offer_nouns, offer_words = _offers()
    if noun not in offer_nouns:
        return None
    allowed = set(statements.by_name.get(state, ())) if state is not None else None
    for i in earlier:
        if sentence - statements.sentence[i] > RESPONSE_REACH:
            break
        if allowed is not None and i not in allowed:
            continue
        if any(word in offer_words for word in _words(statements.attributions[i].quote.text)):
            return _head_of_chain(statements.attributions, i)
    return None


MIN_STEM = 4  # letters of the shorter stem when one stem is taken to begin the other


@cache
def _separable_prefixes() -> tuple[str, ...]:
    """Separable prefixes whose participle puts "ge" after them (rules.json: separable_prefixes):
    "vorgeschlagen" -> "vorschlag...", in the file's order."""
    return tuple(stance_lexicon().rules["separable_prefixes"])


def _without_participle_ge(stem: str) -> str:
    """A participle's stem without the "ge" after its separable prefix, so that it begins like
    the noun: "vorgeschlag" -> "vorschlag" (Vorschlag), "angekundigt" -> "ankundigt"
    (Ankündigung)."""
    for prefix in _separable_prefixes():
        if stem.startswith(prefix + "ge") and len(stem) > len(prefix) + 4:
            return prefix + stem[len(prefix) + 2 :]
    return stem


def _introduced_by(statements: Statements, earlier: list[int], noun: str) -> int | None:
    """Of `earlier` (nearest first), the statement whose cue or speaker has the noun's stem
    ("den Bericht": "berichtete", "Berichten zufolge"; "das Urteil": "laut einem Urteil"), else
    the nearest whose sentence has it outside the quote ("In einer Mitteilung hieß es")."""
    stems = search_terms(noun)
    if not stems or len(stems[0]) < MIN_STEM:
        return None
    stem = stems[0]

    def named(words: frozenset[str]) -> bool:
        return any(len(other) >= MIN_STEM and (other.startswith(stem) or stem.startswith(other))
                   for other in map(_without_participle_ge, words))

    weak = None
    for i in earlier:
        if named(statements.cue_stems(i)):
            return _head_of_chain(statements.attributions, i)
        if weak is None and named(statements.frame_stems(i)):
            weak = i
    return _head_of_chain(statements.attributions, weak) if weak is not None else None


def _reported_claim(statements: Statements, index: int, sentence: int) -> int | None:
    """The claim a response takes up in its own sentence, recorded as a statement of its own:
    "wies Berichte zurück, wonach P" answers the statement P (hearsay, or cued by "wonach")."""
    response = statements.attributions[index]
    start = (response.cue or response.quote).start
    for i in statements.by_sentence.get(sentence, []):
        other = statements.attributions[i]
        if i == index:
            continue
        cue = other.cue.text.lower() if other.cue is not None else ""
        # "den Vorwurf, wonach P, ließ er nicht gelten": a claim cued by "wonach" may come first,
        # and without a speaker of its own its source is the one the response's was taken from
        if cue in word_set("report_cues") and (
                other.speaker is None or not _same_source(other, response)):
            return i
        if (other.stance == "unverified" and other.quote.start >= start
                and not _same_source(other, response)):
            return i
    return None


def _most_shared(document: Document, statements: Statements, index: int,
                 earlier: list[int]) -> int | None:
    """Of `earlier` (nearest first), the statement whose message shares the most content terms
    with the response (at least MIN_SHARED_TERMS; the nearer on a tie), or None."""
    own = content_terms(_response_text(document, statements.attributions[index]))
    best, best_shared = None, MIN_SHARED_TERMS - 1
    for i in earlier:
        shared = len(own & statements.terms(i))
        if shared > best_shared:
            best, best_shared = i, shared
    return best


def continues(before: Attribution, after: Attribution) -> bool:
    """Whether statement `after` continues statement `before`: no cue of its own, the same
    source, and no speaker of its own (none, or the one it carries over from `before`: a
    Konjunktiv sentence after a statement is recorded with that statement's speaker). One with a
    cue ("In einer Mitteilung hieß es: ...") or a speaker of its own opens a statement itself."""
    if after.cue is not None or before.source is None or after.source is None:
        return False
    if before.source.name != after.source.name:
        return False
    return after.speaker is None or (
        before.speaker is not None and after.speaker.spans == before.speaker.spans)


def _head_of_chain(attributions: list[Attribution], index: int) -> int:
    """A continuation without a speaker answers for the statement that opened it. One that
    carries its opening's speaker is a sentence of its own, often the one with the claim
    answered ("Die Unterschrift sei echt"): it stands for itself."""
    while index > 0 and attributions[index].speaker is None and continues(
            attributions[index - 1], attributions[index]):
        index -= 1
    return index
