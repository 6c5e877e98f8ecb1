"""What a denial, confirmation or criticism answers: the earlier statement of the article whose
claim it takes up (`responds_to`).

In order: a claim it takes up in its own sentence ("wies Berichte zurück, wonach P": the
statement P); the statement of a source the response names ("diese Angaben aus Südkorea"); the one
made "nach Angaben" of someone where the response says "diese Angaben"; a relative "was ...
bestreiten" answers the statement of its own sentence; else the statement whose message shares
the most content words with the response (stems; stance words such as "bestätigen", "Berichte"
do not count), the nearer on a tie; else, for a denial or (non-)confirmation, the nearest
statement close before it. A source never answers itself.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from itertools import pairwise

from quellenlage.archive.text_search import search_terms
from quellenlage.model import Attribution, SpanTuple
from quellenlage.sources.gazetteer import gazetteer
from quellenlage.stance.cues import stance_lexicon
from quellenlage.text import Document
from quellenlage.text.tokens import Token

RESPONSE_REACH = 4  # sentences back that a response may answer without naming what it answers
RELATIVE_OPENERS = frozenset({"was", "dies", "das", "dem", "welche", "welches"})
MIN_SHARED_TERMS = 3  # content terms a response must share with the statement it takes up
MAX_CANDIDATES = 40  # earlier statements a response's shared terms are compared with
REPORT_CUES = frozenset({"wonach", "demzufolge", "denen zufolge", "dem zufolge"})


def inside(token: Token, spans: tuple[SpanTuple, ...]) -> bool:
    return any(start <= token.start < end for start, end in spans)


def frame_tokens(document: Document, attribution: Attribution) -> list[Token]:
    """The tokens of the cue's sentence outside the quote."""
    anchor = (attribution.cue or attribution.speaker or attribution.quote).start
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
    """Names a response points at: "diese Angaben aus Südkorea" -> {Südkorea, Seoul ...}."""
    rules = stance_lexicon().rules
    nouns = set(rules["response_nouns"])
    first = document.token_at(max(0, attribution.quote.start - 200))
    last = document.token_at(attribution.quote.end + 1)
    tokens = document.tokens[first : last if last is not None else len(document.tokens)] if (
        first is not None) else []
    frame = frame_tokens(document, attribution)
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
    """An article's statements indexed by the names that point at them, the words of their
    frame and speaker and their sentence, with their content terms as asked for, built once:
    a scan of every earlier statement for each response would make long texts quadratic."""

    def __init__(self, document: Document, attributions: list[Attribution]) -> None:
        self.attributions = attributions
        self.sentence = [_sentence_index(document, a.quote.start) for a in attributions]
        self.by_name: dict[str, list[int]] = {}
        self.by_framing_word: dict[str, list[int]] = {}
        self.by_sentence: dict[int, list[int]] = {}
        self._terms: dict[int, frozenset[str]] = {}
        # the earliest end of a quote among the statements before each one
        self.earliest_end: list[float] = [float("inf")]
        for i, attribution in enumerate(attributions):
            for name in _source_names(attribution):
                self.by_name.setdefault(name, []).append(i)
            framing = " ".join(p.text for p in (attribution.frame, attribution.speaker)
                               if p is not None)
            for word in set(framing.split()):
                self.by_framing_word.setdefault(word, []).append(i)
            self.by_sentence.setdefault(self.sentence[i], []).append(i)
            self.earliest_end.append(min(self.earliest_end[-1], attribution.quote.end))

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

    def terms(self, index: int) -> frozenset[str]:
        if index not in self._terms:
            self._terms[index] = content_terms(self.attributions[index].quote.text)
        return self._terms[index]


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
    article's statements indexed (built here when not given)."""
    statements = statements or Statements(document, attributions)
    response = attributions[index]
    sentence = _sentence_index(document, (response.cue or response.quote).start)
    reported = _reported_claim(statements, index, sentence)
    if reported is None and statements.sentence[index] != sentence:
        reported = _reported_claim(statements, index, statements.sentence[index])
    if reported is not None:
        return reported
    # the earlier statements: those before it that end before it starts, or all before it
    limit: int | None = (response.cue or response.speaker or response.quote).start
    if statements.earliest_end[index] > limit:
        limit = None
    if index == 0:
        return None
    names = _pointed_names(document, response)
    if names:
        matches = [statements.last_before(statements.by_name[name], index, limit)
                   for name in names if name in statements.by_name]
        if any(i is not None for i in matches):
            return max(i for i in matches if i is not None)
    noun = _demonstrative_noun(response)
    if noun is not None:
        # "diese Angaben nicht bestätigen" answers the statement made "nach Angaben" of someone
        i = statements.last_before(statements.by_framing_word.get(noun, []), index, limit)
        if i is not None:
            return i
    opener = response.quote.text.split()[0].lower() if response.quote.text.split() else ""
    if opener in RELATIVE_OPENERS:
        i = statements.last_before(statements.by_sentence.get(sentence, []), index, limit)
        if i is not None:
            return i
    earlier = [i for i in range(index - 1, max(-1, index - 1 - MAX_CANDIDATES), -1)
               if (limit is None or attributions[i].quote.end <= limit)
               and not _same_source(attributions[i], response)]
    shared = _most_shared(document, statements, index, earlier)
    if shared is not None:
        return shared
    kind = _named_kind(document, response)
    if kind is not None:  # "die Forderung ... entbehre jeder Grundlage": the demand before it
        for i in earlier:
            if attributions[i].stance == kind:
                return _head_of_chain(attributions, i)
    if response.stance not in stance_lexicon().rules["responding"]:
        return None  # a criticism answers a statement only where it takes it up
    for i in earlier:
        if sentence - statements.sentence[i] > RESPONSE_REACH:
            break
        return _head_of_chain(attributions, i)
    return None


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
        if cue in REPORT_CUES and (other.speaker is None or not _same_source(other, response)):
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


DEMONSTRATIVES = frozenset({"diese", "dieser", "diesen", "diesem", "solche", "solchen", "jene"})


def _demonstrative_noun(response: Attribution) -> str | None:
    """The response noun after a demonstrative in the response: "diese Angaben" -> Angaben."""
    nouns = set(stance_lexicon().rules["response_nouns"])
    words = response.quote.text.split()
    for before, word in pairwise(words):
        if before.lower() in DEMONSTRATIVES and word.strip(",.") in nouns:
            return word.strip(",.")
    return None


def _named_kind(document: Document, response: Attribution) -> str | None:
    """The stance of the statement a response names by its kind in its sentence: "die
    Aufforderung" a demand, "die Vorwürfe" a criticism (rules.json, claim_nouns)."""
    nouns: dict[str, str] = stance_lexicon().rules["claim_nouns"]
    for word in _response_text(document, response).split():
        kind = nouns.get(word.strip(".,;:!?„“\"»«()"))
        if kind is not None:
            return kind
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


