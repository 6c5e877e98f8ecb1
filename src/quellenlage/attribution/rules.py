"""Rule-based extraction of statements from a German document.

The cascade, in order:
1. Cues in each sentence, outside quotation marks: verbs of saying (with their separable particle
   and auxiliary: "teilte ... mit", "hat angekündigt"), prepositional cues ("laut X", "X zufolge",
   "nach Angaben von X"), "so X", "demnach", impersonal cues ("heißt es", "wurde mitgeteilt").
2. For a verb cue, the sentence's shape decides where the message is: after the cue's clause
   ("X sagte, ..."), before it ("..., sagte X"), or around a wie-clause ("Wie X mitteilte, ...").
   A wie-clause or prepositional cue inside its clause is part of the message, one span
   ("Die Brücke bleibt, wie die Stadt mitteilte, gesperrt", "Der Zug hat laut Bahn Verspätung").
   The message is Direct when it is a quotation (or, in a text without any quotation marks,
   a main clause in the indicative), else Indirect. The frame is the rest of the
   sentence, the speaker the subject phrase next to the verb.
3. Quotations that stand as sentences of their own are Direct, attributed to the speaker in context.
4. Sentences in Konjunktiv I after a statement continue it (IndirectFreeIndirect), one statement
   a sentence, across up to two sentences of narration; without quotation marks (archives,
   feeds), a sentence in the first person continues it as the speaker's own words (Direct).
   A sentence opened by a connective and a colon ("Und: ...") continues it as well.
5. Sentences with reportative "sollen" are hearsay (FreeIndirect); an intention declared with
   "will" or "wollen" and an infinitive is the subject's statement (Reported).
6. Quotations of three or more words inside an indirect message are Direct statements nested
   in it.
7. A sentence that opens with "Das" or "Dies" and a verb of saying without a message points
   back: the sentence before it is the message ("... Das sagte die Ministerin.").
8. "Lindqvist: ...": a surname (or a name of up to three words, or a bare role noun such as
   "Verfassungsrechtler") and a colon open a sentence and speak its rest; a bare topic word
   ("Bildung: ...") does not. "X schloss mit den Worten: „...“" makes the quotation X's, and
   "Kritik kam von X: ..." the words after the colon.
9. Views: "Seiner Einschätzung nach ..." (a possessive, a noun of opinion, postposed "nach") and
   "Für X ist klar, dass ..." name the holder of the view as the speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from math import inf

from quellenlage.attribution import addressees, lexicon
from quellenlage.attribution.phrases import (
    ADJECTIVE_ENDINGS,
    CLAUSE_BREAKS,
    COORDINATORS,
    DEMONSTRATIVE_OBJECTS,
    GENITIVE_ARTICLES,
    OBJECT_ARTICLES,
    RELATIVE_STARTS,
    apposition_end,
    fronted_object,
    is_adjective,
    is_zu_infinitive,
    noun_phrase_before,
    noun_phrase_end,
    phrase_span,
    speaker_after,
    speaker_in_clause,
    subject_before_relative_clause,
    subject_with_apposition,
    word_class,
)
from quellenlage.attribution.quotes import Quotation, find_quotations
from quellenlage.model import Attribution, Medium, Part, QuoteType, spans_without
from quellenlage.sources.gazetteer import gazetteer, time_nouns
from quellenlage.text import Document, Sentence
from quellenlage.text.interview import INTERVIEW_LABEL, INTERVIEWER_LABELS
from quellenlage.text.tokens import Token

SENTENCE_FINAL = frozenset({".", "!", "?", "…", "..."})
COMPLEMENTISERS = frozenset({"dass", "daß", "ob", "wie", "warum", "weshalb", "wann", "wer", "was",
                             "wo", "welche", "welcher", "welches", "inwieweit", "wieso"})
ADVERBIAL_SUBORDINATORS = frozenset({"während", "weil", "nachdem", "obwohl", "obgleich", "als",
                                     "wenn", "da", "bevor", "seit", "seitdem", "sobald",
                                     "indem", "falls"})
DATIVE_OPENERS = frozenset({"ihm", "ihr", "ihnen", "dem", "einem", "seinem", "ihrem", "diesem"})
MIN_STANDALONE_QUOTE_WORDS = 4
MIN_NESTED_WORDS = 3
MAX_QUOTED_NAME_WORDS = 3
DEFINITE_ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des"})
NAME_LIST_JOINS = frozenset({",", "und", "oder", "sowie"})
CONTEXT_SENTENCES = 4
# sentences without reported speech that may stand between a statement and its continuation
CONTINUATION_GAP = 3
# the label of a turn in an interview after a sentence: "Berger:", "Anna Berger:", "STANDARD:"
SPEAKER_LABEL = re.compile(r"(?<=[.?!…“”\n])\s*((?:[A-ZÄÖÜ][\w.-]+\s){0,2}[A-ZÄÖÜ][\w-]+):\s")


@dataclass(slots=True)
class Candidate:
    """A statement under construction, in token indices of the document (end exclusive)."""

    type: QuoteType
    medium: str
    quote: list[tuple[int, int]]
    sentence: int
    speaker: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    frame: list[tuple[int, int]] = field(default_factory=list)
    category: str = "say"
    addressee: list[tuple[int, int]] = field(default_factory=list)
    # a speech act worth recording without its words (reported_acts.tsv): "forderte Neuwahlen"
    act: bool = False
    # what the statement answers, named before its cue: "Den Einwand, dass ..., ließ er nicht
    # gelten: ..." (the object, a Reported statement of the same speaker beside the message)
    answers: list[tuple[int, int]] = field(default_factory=list)


class _Analysis:
    """What the rules share about one document: quotations and which tokens they cover."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.tokens = document.tokens
        self._name_ends: set[int] = set()  # the last token of each quoted name found so far
        self.quotations = [
            q for q in find_quotations(document.text)
            if q.depth == 0 and not self._is_name_after_noun(q)
        ]
        # sentences whose verb of saying has no message of its own ("X wies die Vorwürfe
        # zurück."): they name the speaker of the Konjunktiv I sentences that follow
        self.anchors: dict[int, Candidate] = {}
        self._word_positions: dict[str, list[int]] | None = None
        self.has_quotation_marks = any(token.is_quote for token in self.tokens)
        self.interviewer_turns = _interviewer_turns(document.text)
        self.quote_of: list[int] = [-1] * len(self.tokens)
        # clause bounds depend only on the tokens, the quotations and the sentence: many rules
        # ask for the same clause
        self.clause_bounds: dict[tuple[int, int, int], tuple[int, int]] = {}
        for number, quotation in enumerate(self.quotations):
            for start, end in quotation.spans:
                first = document.token_at(start)
                if first is None:
                    continue
                i = first
                while i < len(self.tokens) and self.tokens[i].start < end:
                    self.quote_of[i] = number
                    i += 1

    def _is_name_after_noun(self, quotation: Quotation) -> bool:
        """'der Fernsehsender „Channel 10“', 'die Zeitung „Die Welt“', 'ein Bericht der
        „Washington Post“', 'der „Times“ zufolge': a short capitalised quotation right after a
        noun or before a postposed cue, or a name of capitalised words after the genitive
        article of a noun (not 'des „Aufrufs zu Gewalt“'), is a name, part of its phrase, not a
        quotation."""
        first, last = self.token_span(quotation)
        inner = self.tokens[first + 1:last - 1]
        tokens = self.tokens
        # "teilte auf „X“ mit", "sagte gegenüber „Bild“": a platform or outlet named after the
        # preposition of a channel
        after_noun = first > 0 and (word_class(tokens[first - 1]) == "cap"
                                    or tokens[first - 1].text.lower() in CHANNEL_NAME_PREPOSITIONS)
        after_genitive = (
            first > 1 and tokens[first - 1].text in GENITIVE_ARTICLES
            and word_class(tokens[first - 2]) == "cap"
            and all(token.text[:1].isupper() for token in inner)
        )
        # 'Der „New York Times“ zufolge': the title a postposed cue governs
        before_postposition = last < len(tokens) and (
            lexicon.prepositional_cues().get(tokens[last].text.lower()) is not None
            and lexicon.prepositional_cues()[tokens[last].text.lower()].position == "after")
        # 'berichtet das „Handelsblatt“', 'laut „Bild“ und „Spiegel“': a title of capitalised
        # words after a definite article or a cue's preposition, or coordinated with one, names
        # the outlet
        titled = all(token.text[:1].isupper() for token in inner) and first > 0 and (
            tokens[first - 1].text.lower() in DEFINITE_ARTICLES
            or tokens[first - 1].text.lower() in lexicon.prepositional_cues()
            or (tokens[first - 1].text in NAME_LIST_JOINS and first - 2 in self._name_ends)
        )
        name = (
            0 < len(inner) <= MAX_QUOTED_NAME_WORDS
            and (after_noun or after_genitive or before_postposition or titled)
            and word_class(inner[0]) in ("cap", "det")
            and inner[0].text[0].isupper()
        )
        if name:
            self._name_ends.add(last - 1)
        return name

    def word_positions(self) -> dict[str, list[int]]:
        """Token indices of each word form, built on first use."""
        if self._word_positions is None:
            self._word_positions = {}
            for index, token in enumerate(self.tokens):
                self._word_positions.setdefault(token.text, []).append(index)
        return self._word_positions

    def token_span(self, quotation: Quotation) -> tuple[int, int]:
        first = self.document.token_at(quotation.start) or 0
        last = first
        while last < len(self.tokens) and self.tokens[last].start < quotation.end:
            last += 1
        return first, last

    def body_end(self, sentence: Sentence) -> int:
        """The sentence's last token index + 1, without its final punctuation."""
        end = sentence.last
        while end > sentence.first and self.tokens[end - 1].text in SENTENCE_FINAL and (
            self.quote_of[end - 1] < 0
        ):
            end -= 1
        return end


def extract_rules(document: Document) -> list[Attribution]:
    """All statements the rules find in `document`, in text order."""
    analysis = _Analysis(document)
    candidates: list[Candidate] = []
    for sentence in document.sentences:
        candidates.extend(_sentence_statements(analysis, sentence))
    candidates.extend(_cataphora(analysis, candidates))
    candidates.extend(_standalone_quotations(analysis, candidates))
    candidates.extend(_continuations(analysis, candidates))
    candidates.extend(_nested_quotations(analysis, candidates))
    candidates.extend(_reported(analysis))
    candidates.sort(key=lambda c: (c.quote[0][0], c.quote[-1][1]))
    candidates = [split for candidate in _unique(candidates)
                  for split in _correlative_speakers(analysis, candidate)
                  if not _interviewers_turn(analysis, split)]
    return [a for a in (_to_attribution(analysis, c) for c in candidates) if a]


def _interviewer_turns(text: str) -> list[tuple[int, int]]:
    """Character ranges of the interviewer's turns: from "STANDARD:" or "Frage:" to the next
    speaker label ("Berger: ...") or the end of the text."""
    turns = []
    for match in INTERVIEW_LABEL.finditer(text):
        if match.group(1).lower() in INTERVIEWER_LABELS:
            answer = SPEAKER_LABEL.search(text, match.end())
            turns.append((match.start(1), answer.start(1) if answer else len(text)))
    return turns


def _interviewers_turn(analysis: _Analysis, candidate: Candidate) -> bool:
    """A statement told in the interviewer's turn without a cue of its own there is the
    interviewer's question or comment ("STANDARD: Warum zögern Sie?"), no statement of the
    person asked; one with its cue in the turn ("Die Ministerin meint, ...") stays, and so does
    a reported act or intention that is no question ("Die Partei will die Steuer senken.")."""
    if not analysis.interviewer_turns:
        return False
    if candidate.type is QuoteType.REPORTED and analysis.tokens[
            candidate.quote[-1][1] - 1].text != "?":
        return False
    start = analysis.tokens[candidate.quote[0][0]].start
    # the turns follow each other without overlap: the last one opened before `start`, found by
    # bisection (a scan per statement would make a long interview quadratic)
    index = bisect_right(analysis.interviewer_turns, (start, inf)) - 1
    if index < 0 or not start < analysis.interviewer_turns[index][1]:
        return False
    turn = analysis.interviewer_turns[index]
    cue = [analysis.tokens[i].start for i, _ in candidate.cue]
    return not any(turn[0] <= offset < turn[1] for offset in cue)


CORRELATIVE_OPENERS = frozenset({"sowohl", "weder"})
CORRELATIVE_JOINS = (("als", "auch"), ("sowie", "auch"), ("sowie",), ("noch",))


def _correlative_speakers(analysis: _Analysis, candidate: Candidate) -> list[Candidate]:
    """"Sowohl Paris als auch Madrid wiesen die Berichte zurück", "weder die Stadt noch der
    Betreiber": speakers joined as a pair of their own each make the statement; one statement
    for each of them."""
    tokens = analysis.tokens
    if len(candidate.speaker) != 1 or (candidate.type is QuoteType.REPORTED and any(
        tokens[j].text in lexicon.subjunctive_forms() for s, e in candidate.quote
        for j in range(s, e)
    )):  # "Sowohl A als auch B hätten ihn gebeten": someone else's report of their act
        return [candidate]
    start, end = candidate.speaker[0]
    if tokens[start].text.lower() in CORRELATIVE_OPENERS:
        start += 1
    elif start == 0 or tokens[start - 1].text.lower() not in CORRELATIVE_OPENERS:
        return [candidate]
    for j in range(start + 1, end - 1):
        join = next((words for words in CORRELATIVE_JOINS
                     if tuple(t.text.lower() for t in tokens[j:j + len(words)]) == words), None)
        if join is not None and j + len(join) < end:
            return [replace(candidate, speaker=[(start, j)]),
                    replace(candidate, speaker=[(j + len(join), end)])]
    return [candidate]


# --- 1-2: statements with a cue in their sentence ------------------------------------------------


def _sentence_statements(analysis: _Analysis, sentence: Sentence) -> list[Candidate]:
    """Prepositional and noun cues each give a statement; of the clausal cues (verbs, "heißt
    es") the one that governs the sentence does: a finite verb before an infinitive that a modal
    governs ("Die Nato könne das nicht bestätigen, sagte ein Sprecher")."""
    tokens = analysis.tokens
    found: list[Candidate] = []
    clausal: list[tuple[int, int, Candidate]] = []
    anchor: Candidate | None = None
    acts: list[Candidate] = []  # speech acts without a message, beside the sentence's statement
    relatives: list[Candidate] = []  # acts in relative clauses: "die Kammer, die ... ablehnt"
    for i in range(sentence.first, sentence.last):
        if analysis.quote_of[i] >= 0:
            continue
        token = tokens[i]
        lower = token.text.lower()
        prepositional = lexicon.prepositional_cues().get(lower)
        if prepositional is not None:
            found.append(_possessive_view(analysis, sentence, i)
                         or _prepositional(analysis, sentence, i, prepositional))
        elif lower == "so" and _after_comma(tokens, i, sentence):
            found.append(_so_cue(analysis, sentence, i))
        elif token.text[:1].isupper() and lexicon.noun_cue(token.text) is not None:
            statement = _noun_cue(analysis, sentence, i)
            found.append(statement)
            act = _noun_act(analysis, sentence, i) if statement is None else None
            if act is not None:
                acts.append(act)
                if anchor is None or not anchor.act:
                    anchor = act
        elif lower in ("heißt", "hieß", "hiess", "geheißen") or (
            lower == "es" and i + 1 < sentence.last and tokens[i + 1].text in ("heißt", "hieß")
        ):
            candidate = _impersonal(analysis, sentence, i)
            if candidate is not None:
                clausal.append((1, i, candidate))
        elif lexicon.readings(token.text) and token.text[0].islower() and not (
            _attributive(tokens, i, sentence)
        ):
            candidate = _verb_cue(analysis, sentence, i)
            if candidate is not None and _infinitive_in_reported_sentence(
                analysis, sentence, i, candidate
            ):
                continue
            if candidate is not None:
                subordinate = _governed_infinitive(analysis, sentence, i) or (
                    _in_relative_clause(analysis, sentence, i)
                )
                rank = 3 if _in_reported_clause(analysis, sentence, i) else (
                    2 if subordinate else 1)
                if _closes_sentence(analysis, sentence, i):
                    rank = 0  # "..., sagte X (dem Sender).": the main clause that governs
                clausal.append((rank, i, candidate))
            else:
                current = _anchor(analysis, sentence, i)
                relative = _relative_act(analysis, sentence, i, current)
                if relative is not None:
                    relatives.append(relative)
                    continue
                if current is not None and current.act:
                    acts.append(current)
                # the sentence's speaker: its first speech act, or its first verb of saying
                if anchor is None or (current is not None and current.act and not anchor.act):
                    anchor = current or anchor
    if not any(found) and not clausal:
        found.append(_colon_attribution(analysis, sentence) or _with_the_words(analysis, sentence)
                     or _for_view(analysis, sentence) or _came_from(analysis, sentence))
    if clausal:
        rank, verb, chosen = min(clausal, key=lambda item: item[:2])
        inner = _statement_inside(analysis, sentence, chosen)
        outer = _anchor(analysis, sentence, verb) if inner is not None else None
        if inner is not None and outer is not None and outer.act:
            # "Die Stadt dementierte, ein Sprecher schrieb auf X, man habe ...": the first verb
            # is a speech act of its own, the second speaker's words the message
            chosen = inner
            acts.append(outer)
        found.append(chosen)
    elif len(acts) > 1 and not any(found):
        # "Er bestritt die Existenz der Unterlagen und sprach von einer Fälschung": two speech
        # acts of one subject, each a statement of its own
        found.extend(_coordinated_acts(analysis, sentence, acts))
        analysis.anchors[sentence.index] = acts[0]
        acts[0].act = False
    elif anchor is not None and not any(found):
        # a sentence with a statement of its own ("Demnach hat er gestanden") tells no other
        analysis.anchors[sentence.index] = anchor
    kept = [candidate for candidate in found if candidate is not None]
    if kept:
        kept.extend(_acts_beside(analysis, sentence, acts, kept))
    kept.extend(Candidate(QuoteType.REPORTED, candidate.medium, candidate.answers,
                          sentence.index, candidate.speaker, candidate.cue,
                          category=candidate.category)
                for candidate in list(kept) if candidate.answers)
    for relative in relatives:
        start, end = relative.quote[0]
        if tokens[start].text.lower() == "was":
            # "..., dass die Truppen kämpfen, was Moskau bestreitet": the answer ends the
            # message it answers
            for other in kept:
                other.quote = [(s, min(e, start - 1)) if s < start - 1 else (s, e)
                               for s, e in other.quote]
        if not any(s < end and start < e for other in kept for s, e in other.quote):
            kept.append(relative)
    # "..., so der Präsident laut der BBC": a source named after the cue of another statement,
    # in its frame, reports that statement; it is none of its own. "Es könne sich Experten
    # zufolge um eine Finte handeln, betonte er": a source cited inside the message of a verb
    # of saying is the speaker's reference, part of what the speaker says
    return [
        candidate for candidate in kept
        if candidate.category != "prepositional" or not any(
            other is not candidate and other.category != "prepositional" and (
                (any(s <= c < e for c, _ in candidate.cue for s, e in other.frame)
                 and candidate.cue[0][0] > other.cue[0][0])
                or (other.type is QuoteType.INDIRECT and _names_its_source(tokens, candidate)
                    and any(s <= c < e for c, _ in candidate.cue for s, e in other.quote)))
            for other in kept
        )
    ]


def _statement_inside(analysis: _Analysis, sentence: Sentence, outer: Candidate
                      ) -> Candidate | None:
    """"Die Stadt dementierte, ein Sprecher, Jonas Berglund, schrieb auf X, man habe ...": the
    message of `outer` opens with a subject of its own (with an apposition) whose verb of saying
    follows after a comma and has its own message: that speaker's statement."""
    tokens = analysis.tokens
    if len(outer.quote) != 1 or not outer.speaker:
        return None
    start, end = outer.quote[0]
    for j in range(start + 2, end):
        if tokens[j - 1].text != "," or analysis.quote_of[j] >= 0 or not tokens[j].text.islower():
            continue
        group = _verb_group(analysis, sentence, j) if lexicon.readings(tokens[j].text) else None
        subject = subject_with_apposition(tokens, start, j) if group else None
        if group is None or subject is None:
            continue
        verb, cue = group
        right = _clause_bounds(analysis, sentence, cue[-1])[1]
        if right + 1 >= end or tokens[right].text != "," or not (
            _is_complement(analysis, right + 1, end, verb.category, right)
        ):
            return None
        return _build(analysis, sentence, [(right + 1, end)], [subject],
                      [(c, c + 1) for c in cue], [(start, right + 1)], verb.category, verb.medium)
    return None


def _names_its_source(tokens: list[Token], candidate: Candidate) -> bool:
    """Whether a prepositional statement names its source beside its cue ("Fachleuten
    zufolge", "laut Polizei"), unlike "wonach" or "demnach", which point back."""
    for start, end in candidate.cue:
        for index in range(start, end):
            cue = lexicon.prepositional_cues().get(tokens[index].text.lower())
            if cue is not None:
                return cue.position != "alone"
    return False


EXTENDED_ATTRIBUTE_TOKENS = 4  # "seinem seit Stunden erwarteten": preposition to participle


def _attributive(tokens: list[Token], i: int, sentence: Sentence) -> bool:
    """"des erwarteten Wachstums", "die angekündigten Reformen", "in seinem seit Stunden
    erwarteten Auftritt": an inflected participle between an article and its noun, or after an
    article and a prepositional phrase (an extended attribute), describes the noun; it is no
    verb of saying."""
    if not (sentence.first < i < sentence.last - 1 and word_class(tokens[i + 1]) == "cap"
            and tokens[i].text.endswith(("e", "en", "er", "es", "em"))):
        return False
    if word_class(tokens[i - 1]) == "det":
        return tokens[i - 1].text.lower() not in DEMONSTRATIVE_OBJECTS  # "Das bestätigte X"
    for article in range(i - 3, max(sentence.first, i - 2 - EXTENDED_ATTRIBUTE_TOKENS) - 1, -1):
        if tokens[article + 1].text in CLAUSE_BREAKS or tokens[article + 1].is_quote:
            return False
        if word_class(tokens[article]) == "det" and word_class(tokens[article + 1]) == "prep":
            # "Das in den Berichten erwähnte Modell": a verb of saying stands second in its
            # clause, never after a prepositional phrase that follows a demonstrative
            return True
    return False


ANTECEDENT_PREPOSITIONS = frozenset({"zu", "von", "vom", "mit", "aus", "in", "im", "für", "bei"})


def _relative_act(analysis: _Analysis, sentence: Sentence, i: int, act: Candidate | None
                  ) -> Candidate | None:
    """"die Kammer, die ein neues Modell ablehnt": a speech act in a relative clause is the
    antecedent's, a statement of its own that spans the clause; after "was" it is its own
    subject's ("..., was die Stadt bestreitet")."""
    left, right = _clause_bounds(analysis, sentence, i)
    tokens = analysis.tokens
    if left > sentence.first and tokens[left - 1].text == "," and (
        tokens[left].text.lower() == "was"
    ):
        # "..., was selbst der Rechnungshof bestätigt hat": what the sentence said, answered by
        # the clause's own subject
        group = _verb_group(analysis, sentence, i)
        if group is None or not _tells_act(analysis, sentence, *group):
            return None
        verb, cue = group
        speaker = speaker_after(tokens, left + 1, cue[0])
        return Candidate(QuoteType.REPORTED, verb.medium, [(left, right)], sentence.index,
                         speaker, [(j, j + 1) for j in cue],
                         category=verb.category) if speaker else None
    if act is None or not act.act:
        return None
    if not _in_relative_clause(analysis, sentence, i) or word_class(tokens[left]) == "prep":
        return None  # "..., von denen ... forderte": the clause's subject is another
    antecedent = noun_phrase_before(tokens, left - 1, sentence.first)
    if antecedent >= left - 1 or tokens[left].text.lower() not in ("der", "die", "das"):
        return None
    # "die Grenze zu Nordland, das ... ablehnt": the noun right before the pronoun, past the
    # last preposition, is what the clause describes
    antecedent = max([antecedent] + [j + 1 for j in range(antecedent, left - 2)
                                      if tokens[j].text.lower() in ANTECEDENT_PREPOSITIONS])
    return Candidate(QuoteType.REPORTED, act.medium, [(left, right)], sentence.index,
                     [(antecedent, left - 1)], act.cue, category=act.category)


def _coordinated_acts(analysis: _Analysis, sentence: Sentence, acts: list[Candidate]
                      ) -> list[Candidate]:
    """Speech acts joined by "und" (or a comma) in one sentence, each from its verb's clause to
    the coordinator before the next one; the first from the sentence start."""
    tokens = analysis.tokens
    end = analysis.body_end(sentence)
    statements = []
    start = sentence.first
    for number, act in enumerate(acts):
        stop = end
        if number + 1 < len(acts):
            following = acts[number + 1].cue[0][0]
            stop = next((j for j in range(following - 1, act.cue[-1][0], -1)
                         if tokens[j].text in ("und", ",", "sowie")), following)
        if stop > start:
            statements.append(Candidate(QuoteType.REPORTED, act.medium, [(start, stop)],
                                        sentence.index, act.speaker, category=act.category,
                                        addressee=act.addressee))
        start = stop + 1 if stop < end and tokens[stop].text in ("und", ",", "sowie") else stop
    return statements


def _acts_beside(analysis: _Analysis, sentence: Sentence, acts: list[Candidate],
                 statements: list[Candidate]) -> list[Candidate]:
    """"Die Stadt dementierte, ein Sprecher schrieb auf X, ...", "Er nannte das „Betrug“ und
    warf ihm vor, ...": a speech act in a clause of its own beside the sentence's statement is
    a Reported statement too; its clause, from its subject on, is the message."""
    reported = []
    for act in acts:
        first = min(act.speaker[0][0], act.cue[0][0])
        last = _clause_bounds(analysis, sentence, act.cue[-1][0])[1]
        span = (first, max(last, act.cue[-1][0] + 1))
        if analysis.tokens[act.cue[0][0]].text[:1].isupper():
            span = act.quote[0]  # a noun's act: "ein Dementi des Herstellers"
        else:
            # "wies die Vorwürfe zurück und beschuldigte X, ...": up to the coordinator before
            # the other statement's cue
            span = (span[0], _before_coordinated_cue(analysis, act, span, statements))
        if any(s < span[1] and span[0] < e for other in statements for s, e in other.quote) or (
            any(span[0] <= c < span[1] for other in statements for c, _ in other.cue)
        ):
            continue
        reported.append(Candidate(QuoteType.REPORTED, act.medium, [span], sentence.index,
                                  act.speaker, _noun_of_act(analysis, act),
                                  category=act.category, addressee=act.addressee))
    return reported


def _before_coordinated_cue(analysis: _Analysis, act: Candidate, span: tuple[int, int],
                            statements: list[Candidate]) -> int:
    """The end of an act's span: before "und" (or "sowie", a comma) that joins the cue of another
    statement to it in one clause; else the span's own end."""
    tokens = analysis.tokens
    act_end = act.cue[-1][0]
    cues = [c for other in statements for c, _ in other.cue if act_end < c < span[1]]
    if not cues:
        return span[1]
    for j in range(min(cues) - 1, act_end, -1):
        if tokens[j].text in ("und", "sowie", ","):
            return j
    return span[1]


MAX_COLON_SPEAKER_TOKENS = 3


def _colon_attribution(analysis: _Analysis, sentence: Sentence) -> Candidate | None:
    """"Lindqvist: Die Forderung ist unbegründet.", "– Berglund: „Ich bin glücklich“": a
    name or bare role noun and a colon open the sentence (or the part after a dash) and speak
    the rest. A phrase with an article ("Der Verdacht: ...") names a topic, not a speaker."""
    tokens = analysis.tokens
    end = analysis.body_end(sentence)
    start = sentence.first
    for j in range(sentence.first, min(end, sentence.first + 12)):
        if tokens[j].text in ("–", "—") and analysis.quote_of[j] < 0:
            start = j + 1
    colon = start
    while colon < end and colon - start <= MAX_COLON_SPEAKER_TOKENS and (
        word_class(tokens[colon]) == "cap"
    ):
        colon += 1
    if colon == start or colon + 1 >= end or tokens[colon].text != ":":
        return None
    if colon - start == 1 and not _is_surname(analysis, colon - 1) and (
        # "Verfassungsrechtler: ...", "Expertin: ..." speak; "Brisant:", "Pikant:" read as
        # role nouns in -ant (Praktikant) but are adjectives that open a remark
        gazetteer().role(tokens[start].text) is None or tokens[start].text.endswith("ant")
    ):
        return None  # "Bildung: Die Partei will ...": a topic, not a speaker
    return _build(analysis, sentence, [(colon + 1, end)], [(start, colon)], [],
                  [(start, colon + 1)], "say", "Speech")


VIEW_COPULAS = frozenset({"ist", "war", "sei", "steht", "stand"})
FIRST_PERSON_OBJECTS = frozenset({"mich", "uns"})


def _for_view(analysis: _Analysis, sentence: Sentence) -> Candidate | None:
    """"Für die Ärztin ist klar, dass ...", "Für ihn steht fest: ...": "Für", a noun phrase, a
    copula, "es" perhaps and a predicate of view (view_predicates.txt) open the sentence; the
    phrase names the speaker, the clause after the comma or colon is the message."""
    tokens = analysis.tokens
    end = analysis.body_end(sentence)
    first = sentence.first
    if tokens[first].text != "Für" or analysis.quote_of[first] >= 0:
        return None
    phrase_end = first + 2 if tokens[first + 1].text in ("ihn", "sie") else (
        noun_phrase_end(tokens, first + 1, end))
    if phrase_end == first + 1 or tokens[first + 1].text.lower() in FIRST_PERSON_OBJECTS:
        return None
    j = phrase_end
    if j >= end or tokens[j].text not in VIEW_COPULAS:
        return None
    j += 1
    if j < end and tokens[j].text == "es":
        j += 1
    if j + 2 >= end or tokens[j].text not in lexicon.view_predicates() or (
        tokens[j + 1].text not in (",", ":")
    ):
        return None
    return _build(analysis, sentence, [(j + 2, end)], [(first + 1, phrase_end)],
                  [(phrase_end, j + 1)], [(first, j + 2)], "believe", "ST")


CAME = frozenset({"kam", "kommt", "kamen", "kommen"})
FROM = frozenset({"von", "vom", "aus"})


def _came_from(analysis: _Analysis, sentence: Sentence) -> Candidate | None:
    """"Scharfe Kritik kam von der Opposition: ...", "Lob kam auch aus der Wissenschaft: ...": a
    speech act without an article (fronted_objects.txt), "kam", adverbs, "von" or "aus" and a
    noun phrase before a colon: the phrase speaks what follows the colon."""
    tokens = analysis.tokens
    end = analysis.body_end(sentence)
    first = sentence.first
    came = next((j for j in range(first + 1, min(end, first + 8))
                 if tokens[j].text in CAME and analysis.quote_of[j] < 0), None)
    if came is None or not fronted_object(tokens, first, came - 1):
        return None
    # adverbs before the source: "kam auch", "kam prompt", "kam am Montag"
    j = next((k for k in range(came + 1, min(end, came + 5)) if tokens[k].text in FROM), None)
    if j is None or any(not tokens[k].text[0].isalnum() for k in range(came + 1, j)):
        return None
    phrase_end = noun_phrase_end(tokens, j + 1, end)
    if phrase_end == j + 1 or phrase_end + 1 >= end or tokens[phrase_end].text != ":":
        return None
    return _build(analysis, sentence, [(phrase_end + 1, end)], [(j + 1, phrase_end)],
                  [(first, came + 1)], [(first, phrase_end + 1)], "say", "Speech")


WORDS_NOUNS = frozenset({"Worten", "Satz", "Sätzen"})


def _with_the_words(analysis: _Analysis, sentence: Sentence) -> Candidate | None:
    """"X schloss sich mit den Worten an: „...“": the quotation after "mit den Worten" (or "mit
    dem Satz") is the words of the clause's subject."""
    tokens = analysis.tokens
    end = analysis.body_end(sentence)
    for j in range(sentence.first + 2, end):
        if tokens[j].text not in WORDS_NOUNS or tokens[j - 2].text.lower() != "mit" or (
            analysis.quote_of[j] >= 0
        ):
            continue
        following = next((k for k in range(j + 1, end) if analysis.quote_of[k] >= 0), None)
        if following is None or any(
            tokens[k].text in SENTENCE_FINAL for k in range(j + 1, following)
        ):
            return None
        first, last = analysis.token_span(analysis.quotations[analysis.quote_of[following]])
        left = _clause_bounds(analysis, sentence, j)[0]
        speaker = phrase_span(tokens, left, j - 2)  # the subject opens the clause
        if not speaker and last + 1 < end and tokens[last].text == ",":
            # "Mit den Worten „...“, richtete er den Blick ...": inverted after the verb
            speaker = speaker_after(tokens, last + 2, end)
        return _build(analysis, sentence, [(first, last)], speaker, [(j - 2, j + 1)],
                      _minus(sentence.first, end, [(first, last)]), "say", "Speech")
    return None


def _is_surname(analysis: _Analysis, index: int) -> bool:
    """The word at `index` follows a capitalised word elsewhere in the text ("Marta Lindqvist"),
    as a surname does after a first name."""
    word = analysis.tokens[index].text
    occurrences = analysis.word_positions().get(word, ())
    return any(
        j != index and j > 0 and word_class(analysis.tokens[j - 1]) == "cap"
        for j in occurrences
    )


def _closes_sentence(analysis: _Analysis, sentence: Sentence, i: int) -> bool:
    """Token i opens the sentence's last clause after a comma ("..., sagte X dem Sender.")."""
    tokens = analysis.tokens
    if i == sentence.first or tokens[i - 1].text != "," or analysis.quote_of[i - 1] >= 0:
        return False
    return _clause_bounds(analysis, sentence, i)[1] >= analysis.body_end(sentence)


def _anchor(analysis: _Analysis, sentence: Sentence, i: int) -> Candidate | None:
    """A speech verb without a message, with its subject: a speaker for what follows."""
    group = _verb_group(analysis, sentence, i)
    if group is None:
        return None
    verb, cue = group
    left = _before_short_quotations(analysis, sentence,
                                    _clause_bounds(analysis, sentence, cue[0])[0])
    subject = subject_with_apposition(analysis.tokens, sentence.first, left) if (
        cue[0] == left) else None
    # "Die Anwältin des Klägers, Eva Muster, sieht keinen Grund ...": name and apposition
    speaker = [subject] if subject else speaker_in_clause(analysis.tokens, left, cue[0],
                                                           analysis.body_end(sentence))
    if not speaker or analysis.tokens[speaker[0][0]].text.lower() == "es":
        return None  # "Es gab eine Premiere zu feiern": an expletive speaks for no one
    speaker = _without_object(analysis, sentence, speaker, cue)
    anchor = Candidate(QuoteType.INDIRECT, verb.medium, [(sentence.first, sentence.last)],
                       sentence.index, speaker, [(j, j + 1) for j in cue],
                       category=verb.category)
    _addressee_and_passive(analysis, sentence, anchor, verb, cue, i)
    tokens = analysis.tokens
    without_agent = addressees.is_passive(tokens, cue, i) and anchor.speaker == speaker
    dative_subject = tokens[anchor.speaker[0][0]].text.lower() in DATIVE_OPENERS if (
        anchor.speaker) else False
    # "Die Festnahme wurde begrüßt" names no one who spoke; "Ihm drohen zehn Jahre Haft" is
    # no threat anyone made
    anchor.act = _tells_act(analysis, sentence, verb, cue) and not (
        without_agent or dative_subject
        or (verb.infinitive in lexicon.agent_verbs()
            and _tells_what_looms(analysis, sentence, cue, anchor.speaker))
    )
    if verb.act_only and not anchor.act:
        return None  # "Die Zeugen sahen den Wagen": no speech act, no speaker for what follows
    return anchor if anchor.speaker else None


def _without_object(analysis: _Analysis, sentence: Sentence, speaker: list[tuple[int, int]],
                    cue: list[int]) -> list[tuple[int, int]]:
    """The subject after the verb without the bare noun that follows its head and closes the
    clause: the verb's object, not a name. It stands right before the verb's particle ("Der
    Regierung warf die Opposition Versagen vor") or, before a prepositional phrase or the
    clause end, is a common noun by its ending or a noun of time ("Am Montag forderte die
    Partei Neuwahlen"); a name after the head stays ("teilte die Polizei Wien mit", "sagte die
    Nachrichtenagentur Xinhua", "der Minister Hans Huber")."""
    tokens = analysis.tokens
    if len(speaker) != 1:
        return speaker
    start, end = speaker[0]
    right = _clause_bounds(analysis, sentence, cue[0])[1]
    last = end - 1
    if start < cue[0] or end - start < 3 or word_class(tokens[start]) != "det" or not (
        word_class(tokens[last]) == word_class(tokens[last - 1]) == "cap"
    ):
        return speaker
    text, head = tokens[last].text, tokens[last - 1].text
    lower = text.lower()
    common = any(lower.endswith(noun.lower()) for noun in time_nouns()) or any(
        lower.endswith(ending) and (len(lower) >= len(ending) + 3 or len(ending) > 4)
        for ending in lexicon.common_noun_endings()
    )
    if not (end in cue or (common and (end == right or word_class(tokens[end]) == "prep"))):
        return speaker  # "kritisierte die Gewerkschaft Verdi die Pläne"
    places = gazetteer()
    if not text.isalpha() or (text.endswith("s") and not text.endswith("ss")) or (
        (head.endswith(ADJECTIVE_ENDINGS) and places.organisation_nouns.match(head) is None
         and places.role(head) is None and places.lookup(head) is None)
        or places.first_name_gender(head) is not None
        or places.lookup(text) is not None or places.first_name_gender(text) is not None
        or places.role(text) is not None or places.organisation_nouns.match(text)
    ):
        # "die Zeitung Bild", "der Sprecher Merkels", "das Deutsche Zentrum", "Anna Huber"
        return speaker
    return [(start, last)]


def _tells_act(analysis: _Analysis, sentence: Sentence, verb: lexicon.SpeechVerb | lexicon.NounCue,
               cue: list[int]) -> bool:
    """Whether the verb (or noun) reports a speech act on its own: by its category ("forderte",
    "wies zurück", "das Dementi") or with a word of its clause ("sprach von", "berichtete von",
    "kommentierte nicht")."""
    acts = lexicon.reported_acts()
    name = verb.infinitive if isinstance(verb, lexicon.SpeechVerb) else verb.lemma
    for key in (verb.category, name):
        prepositions = acts.get(key)
        if prepositions is None:
            continue
        if not prepositions:
            return True
        left, right = (_clause_bounds(analysis, sentence, cue[0])[0],
                       _clause_bounds(analysis, sentence, cue[-1])[1])
        if any(analysis.tokens[j].text.lower() in prepositions for j in range(left, right)):
            return True
    return False


CHANNEL_PREPOSITIONS = frozenset({"in", "im", "mit", "per"})
CHANNEL_NAME_PREPOSITIONS = frozenset({"auf", "im", "gegenüber", "via"})
NOUN_SOURCE_PREPOSITIONS = frozenset({"aus", "von", "vom", "durch", "seitens"})


def _noun_act(analysis: _Analysis, sentence: Sentence, i: int) -> Candidate | None:
    """"Das Dementi aus Rom kam umgehend", "verwies auf ein Dementi des Herstellers", "Eine
    Stellungnahme der Reederei gab es nicht": a noun that names an answer worth recording
    (reported_acts.tsv: by its category, or by its lemma with a word of its clause), with its
    source after it (a genitive, or aus, von, durch), tells the act without its words. After a
    prepositional cue ("nach Bestätigung der Polizei") it is that cue's head instead."""
    tokens = analysis.tokens
    noun = lexicon.noun_cue(tokens[i].text)
    if noun is None or not (noun.category in OBJECT_ANSWERS
                            or noun.lemma in lexicon.reported_acts()):
        return None  # "Vorwürfe der Untreue": the genitive is what is said, not who said it
    if not _tells_act(analysis, sentence, noun, [i]):
        return None
    end = analysis.body_end(sentence)
    first = i - 1 if i > sentence.first and word_class(tokens[i - 1]) == "det" else i
    while first > sentence.first and is_adjective(tokens[first - 1]):
        first -= 1
    if first > sentence.first and word_class(tokens[first - 1]) == "det":
        first -= 1
    if first > sentence.first and tokens[first - 1].text.lower() in (
        lexicon.prepositional_cues()
    ):
        return None
    if i + 2 >= end or analysis.quote_of[i + 1] >= 0:
        return None
    following = tokens[i + 1].text.lower()
    if following in GENITIVE_ARTICLES:
        source = (i + 1, noun_phrase_end(tokens, i + 1, end))
    elif following in NOUN_SOURCE_PREPOSITIONS:
        source = (i + 2, noun_phrase_end(tokens, i + 2, end))
    else:
        return None
    if source[1] <= source[0] + (1 if following in GENITIVE_ARTICLES else 0):
        return None
    act = Candidate(QuoteType.REPORTED, noun.medium, [(first, source[1])], sentence.index,
                    [source], [(i, i + 1)], category=noun.category)
    act.act = True
    return act


def _noun_of_act(analysis: _Analysis, act: Candidate) -> list[tuple[int, int]]:
    """The cue of a statement told by a noun ("das Dementi"): the noun, which gives its stance;
    a verb's act has none (its clause, inside the statement, tells the stance)."""
    if act.cue and analysis.tokens[act.cue[0][0]].text[:1].isupper():
        return act.cue
    return []


def _governed_infinitive(analysis: _Analysis, sentence: Sentence, i: int) -> bool:
    """Token i is an infinitive after a modal or auxiliary of its clause: "könne ... bestätigen"."""
    tokens = analysis.tokens
    word = tokens[i].text.lower()
    if not any(word == r.verb.infinitive.split()[-1] for r in lexicon.readings(word)):
        return False
    left, _ = _clause_bounds(analysis, sentence, i)
    return any(word_class(tokens[j]) == "aux" for j in range(left, i))


def _infinitive_in_reported_sentence(analysis: _Analysis, sentence: Sentence, i: int,
                                     candidate: Candidate) -> bool:
    """"Erst dann könne man über Konsequenzen entscheiden", "Es müsse möglich sein, seine
    Meinung zu äußern": a verb of saying as an infinitive after a modal, in a sentence whose
    verb outside the message is an unmistakable Konjunktiv I, speaks for no one of its own; the
    sentence is someone's report, continuing the statement before it. ("Man könnte meinen, die
    Ware sei billig": the Konjunktiv of the message is its own.)"""
    tokens = analysis.tokens
    if not _governed_infinitive(analysis, sentence, i):
        return False
    return any(tokens[j].text in REPORTED_SUBJUNCTIVE and analysis.quote_of[j] < 0
               and not any(s <= j < e for s, e in candidate.quote)
               for j in range(sentence.first, sentence.last))


def _in_reported_clause(analysis: _Analysis, sentence: Sentence, i: int) -> bool:
    """Token i stands in a clause that another cue reports ("den Vorwurf, wonach die Kammer nur
    Entlastungen fordere, will er nicht stehen lassen"): its verb governs no statement while
    another verb of the sentence can."""
    left, _ = _clause_bounds(analysis, sentence, i)
    return left > sentence.first and analysis.tokens[left - 1].text == "," and (
        analysis.tokens[left].text.lower() in REPORTED_CLAUSE_OPENERS
    )


REPORTED_CLAUSE_OPENERS = frozenset({"wonach", "dass", "daß"})


def _in_relative_clause(analysis: _Analysis, sentence: Sentence, i: int) -> bool:
    """Token i stands in a relative clause (", die ... angegeben hatte,"): its verb describes
    a noun, the main clause's verb governs the sentence."""
    tokens = analysis.tokens
    left, _ = _clause_bounds(analysis, sentence, i)
    if left == sentence.first or tokens[left - 1].text != ",":
        return False
    if word_class(tokens[left]) == "prep" and left + 1 < i:
        left += 1
    return tokens[left].text in RELATIVE_STARTS and noun_phrase_end(tokens, left, i) == left


def _noun_cue(analysis: _Analysis, sentence: Sentence, i: int) -> Candidate | None:
    """"Die Forderung der Gewerkschaft, dass ...": the noun's dass-clause is the message and
    its genitive or von-phrase the speaker."""
    tokens = analysis.tokens
    end = analysis.body_end(sentence)
    cue = lexicon.noun_cue(tokens[i].text)
    assert cue is not None
    phrase_end = _parenthesis_free_end(tokens, i, end)
    comma = phrase_end
    if comma + 1 >= end or tokens[comma].text != ",":
        return None
    message_end = comma + 2
    while message_end < end and tokens[message_end].text not in (",", ";", ":") and (
        analysis.quote_of[message_end] < 0
    ):
        message_end += 1
    if tokens[comma + 1].text not in ("dass", "daß", "ob") and not (
        cue.category in PROPOSAL_CATEGORIES and phrase_end > i + 2
        and _zu_infinitive(tokens, comma + 1, message_end)
    ):
        return None
    frame_start = i
    if i > sentence.first and word_class(tokens[i - 1]) == "det":
        frame_start = i - 1
    if frame_start > sentence.first and (
        tokens[frame_start - 1].text.lower() in CHANNEL_PREPOSITIONS
    ):
        return None  # "erklärte in einer Stellungnahme, dass ...": the verb's channel
    speaker = [(i + 1, phrase_end)] if phrase_end > i + 2 else []
    return _build(analysis, sentence, [(comma + 1, message_end)], speaker, [(i, i + 1)],
                  [(frame_start, comma + 1)], cue.category, cue.medium)


PROPOSAL_CATEGORIES = frozenset({"demand"})  # "die Idee des Ministers, ... zu ...": a proposal
NOT_INFINITIVE_CLAUSES = frozenset({"um", "ohne", "statt", "anstatt", "anstelle"})


def _zu_infinitive(tokens: list[Token], start: int, end: int) -> bool:
    """Tokens [start, end) are an infinitive clause with zu that a proposal's noun governs
    ("..., die Innenstadt autofrei zu machen", "..., die Maut abzuschaffen"); not one of purpose
    ("um ... zu")."""
    return end - start >= 2 and tokens[start].text.lower() not in NOT_INFINITIVE_CLAUSES and (
        is_zu_infinitive(tokens, end))


def _parenthesis_free_end(tokens: list[Token], noun: int, end: int) -> int:
    """The end of the noun's genitive or von-phrase, or the token after the noun."""
    following = noun + 1
    if following < end and (tokens[following].text in ("des", "der", "eines", "einer", "von")):
        phrase_end = noun_phrase_end(tokens, following + 1, end)
        if phrase_end > following + 1:
            return phrase_end
    return following


def _after_comma(tokens: list[Token], i: int, sentence: Sentence) -> bool:
    return i > sentence.first and tokens[i - 1].text == ","


def _clause_bounds(analysis: _Analysis, sentence: Sentence, i: int) -> tuple[int, int]:
    """Token range [left, right) of the clause around token i, between commas, colons, quotes."""
    key = (sentence.first, sentence.last, i)
    bounds = analysis.clause_bounds.get(key)
    if bounds is None:
        bounds = analysis.clause_bounds[key] = _find_clause_bounds(analysis, sentence, i)
    return bounds


def _find_clause_bounds(analysis: _Analysis, sentence: Sentence, i: int) -> tuple[int, int]:
    tokens = analysis.tokens
    left = i
    while left > sentence.first and analysis.quote_of[left - 1] < 0:
        if tokens[left - 1].text == ")":
            opening = _short_parenthesis(tokens, left - 1, -1, sentence.first, sentence.last)
            if opening is not None:
                left = opening  # "Kristina Schröder (CDU) sagte": the party is no clause
                continue
        if tokens[left - 1].text == ",":
            opening = _participial_insertion(tokens, left - 1, sentence.first)
            if opening is not None:
                left = opening  # "haben SPÖ und Grüne, gestützt von den Neos, ... vorgeschlagen"
                continue
        if _breaks_clause(tokens, left - 1):
            break
        left -= 1
    right = i + 1
    end = analysis.body_end(sentence)
    while right < end and analysis.quote_of[right] < 0:
        if tokens[right].text == "(":
            closing = _short_parenthesis(tokens, right, 1, sentence.first, end)
            if closing is not None:
                right = closing + 1
                continue
        if _breaks_clause(tokens, right):
            break
        right += 1
    return left, right


MAX_PARENTHESIS_TOKENS = 6
INSERTION_PREPOSITIONS = frozenset({"von", "vom", "durch", "auf", "mit"})
PARTICIPLE_ENDINGS = ("t", "en")
MAX_INSERTION_TOKENS = 8


def _participial_insertion(tokens: list[Token], comma: int, first: int) -> int | None:
    """The comma that opens a short participle phrase closed by the comma at `comma`
    ("SPÖ und Grüne, unterstützt von den Neos, haben ... vorgeschlagen"): the phrase describes
    the subject and the clause goes on past it. None when there is no such phrase."""
    j = comma - 1
    while j > first and comma - j <= MAX_INSERTION_TOKENS:
        if tokens[j].text == ",":
            break
        if tokens[j].text in CLAUSE_BREAKS:
            return None
        j -= 1
    else:
        return None
    if comma - j < 3 or j <= first:
        return None
    participle, preposition = tokens[j + 1], tokens[j + 2]
    if not (participle.text.isalpha() and participle.text.islower()
            and participle.text.endswith(PARTICIPLE_ENDINGS)
            and word_class(participle) == "low"
            and preposition.text in INSERTION_PREPOSITIONS):
        return None
    following = tokens[comma + 1].text.lower() if comma + 1 < len(tokens) else ""
    if following in COMPLEMENTISERS or following in RELATIVE_STARTS - {"die", "der", "das", "den"}:
        return None
    return j


def _short_parenthesis(tokens: list[Token], bracket: int, step: int, first: int, end: int
                       ) -> int | None:
    """The matching bracket of a short parenthesis after a name ("(CDU)", "(48)") without
    commas, or None."""
    j = bracket + step
    while first <= j < end and abs(j - bracket) <= MAX_PARENTHESIS_TOKENS:
        text = tokens[j].text
        if text in (",", ";", ":", "(", ")"):
            return j if text == ("(" if step < 0 else ")") else None
        j += step
    return None


def _breaks_clause(tokens: list[Token], j: int) -> bool:
    """A comma, colon, dash or bracket; not the hyphen inside a word ("23-jährige")."""
    if tokens[j].text not in CLAUSE_BREAKS:
        return False
    return not (tokens[j].text == "-" and 0 < j < len(tokens) - 1
                and tokens[j - 1].end == tokens[j].start and tokens[j].end == tokens[j + 1].start)


def _verb_group(analysis: _Analysis, sentence: Sentence, i: int
                ) -> tuple[lexicon.SpeechVerb, list[int]] | None:
    """The speech verb read at token i with the tokens of its cue (particle, auxiliary)."""
    tokens = analysis.tokens
    left, right = _clause_bounds(analysis, sentence, i)
    left = _before_short_quotations(analysis, sentence, left)
    right = _past_short_quotations(analysis, sentence, right)
    words_after = {tokens[j].text: j for j in range(i + 1, right)}
    best: tuple[lexicon.SpeechVerb, list[int]] | None = None
    clause_words = {tokens[j].text.lower() for j in range(left, right)}
    last = next((j for j in range(right - 1, i, -1) if tokens[j].text[0].isalnum()), None)
    if last is not None:
        clause_words.add("-" + tokens[last].text.lower())  # the particle that closes the clause
    for reading in lexicon.readings(tokens[i].text):
        verb = reading.verb
        if lexicon.cue_exclusions().get(verb.infinitive, frozenset()) & clause_words:
            continue  # "zu zwei Jahren verurteilt", "sprach ihn frei"
        cue = [i]
        if reading.needs_particle:
            particle = (verb.particle or "").split()[0]
            if particle in words_after:
                cue.append(words_after[particle])
            elif i > left and tokens[i - 1].text == particle and (
                reading.participle or verb.infinitive.endswith(tokens[i].text.lower())
            ):
                # a particle written apart stands before the participle or the infinitive
                # ("hat ... gelten gelassen", "will ... gelten lassen")
                cue.insert(0, i - 1)
            elif i > left and tokens[i - 1].text == particle and fronted_object(tokens, left,
                                                                                i - 1):
                # the noun of "Kritik üben" fronted before the verb ("Scharfe Kritik übte ...")
                cue.insert(0, i - 1)
            else:
                continue
        if reading.participle:
            auxiliaries = [j for j in range(left, i) if word_class(tokens[j]) == "aux"]
            if auxiliaries:
                cue.insert(0, auxiliaries[-1])
            elif i + 1 < right and word_class(tokens[i + 1]) == "aux":
                cue.append(i + 1)  # verb-final clause: "..., nachdem er mitgeteilt hatte"
        if best is None or len(cue) > len(best[1]):
            best = (verb, sorted(cue))
    return best


def _past_short_quotations(analysis: _Analysis, sentence: Sentence, right: int) -> int:
    """The clause end past quoted words inside it ("wies die Vorwürfe als „absurd“ zurück"),
    where the particle of the verb may stand."""
    tokens = analysis.tokens
    end = analysis.body_end(sentence)
    while right < end and analysis.quote_of[right] >= 0:
        first, last = analysis.token_span(analysis.quotations[analysis.quote_of[right]])
        if last - first > MAX_QUOTED_NAME_WORDS + 2 or last >= end:
            return right
        right = last
        while right < end and analysis.quote_of[right] < 0 and not _breaks_clause(tokens, right):
            right += 1
    return right


def _before_short_quotations(analysis: _Analysis, sentence: Sentence, left: int) -> int:
    """The clause start before quoted words inside it ("hat die Kritik als „überzogen“ und
    „unpassend“ bezeichnet"), where the verb's subject and auxiliary stand."""
    tokens = analysis.tokens
    while left > sentence.first and analysis.quote_of[left - 1] >= 0:
        first, last = analysis.token_span(analysis.quotations[analysis.quote_of[left - 1]])
        if last - first > MAX_QUOTED_NAME_WORDS + 2 or first <= sentence.first:
            return left
        left = first
        while left > sentence.first and analysis.quote_of[left - 1] < 0 and not _breaks_clause(
            tokens, left - 1
        ):
            left -= 1
    return left


def _verb_cue(analysis: _Analysis, sentence: Sentence, i: int) -> Candidate | None:
    group = _verb_group(analysis, sentence, i)
    if group is None:
        return None
    verb, cue = group
    if verb.act_only or _outlets_back_reference(analysis.tokens, sentence, i, verb):
        return None
    candidate = _statement_around(analysis, sentence, cue, verb.category, verb.medium,
                                  verb.takes_complement, speaker=True)
    if candidate is not None:
        _addressee_and_passive(analysis, sentence, candidate, verb, cue, i)
        preposition = lexicon.source_prepositions().get(verb.infinitive)
        if preposition is not None:
            candidate.speaker = _source_phrase(analysis, sentence, cue, preposition)
    return candidate


BACK_REFERENCE_VERBS = frozenset({"berichten", "melden"})


def _outlets_back_reference(tokens: list[Token], sentence: Sentence, i: int,
                            verb: lexicon.SpeechVerb) -> bool:
    """"Wie berichtet, ...", "wie bereits gemeldet": a wie-clause of a bare participle, with no
    subject, is the outlet pointing to its own reporting, not a statement."""
    if verb.infinitive not in BACK_REFERENCE_VERBS or not tokens[i].text.startswith(("be", "ge")):
        return False
    j = i - 1
    while j > sentence.first and i - j <= 3 and word_class(tokens[j]) in ("adv", "low"):
        j -= 1  # "bereits", "ausführlich", "mehrfach"
    return j >= sentence.first and tokens[j].text.lower() == "wie"


def _source_phrase(analysis: _Analysis, sentence: Sentence, cue: list[int], preposition: str
                   ) -> list[tuple[int, int]]:
    """The phrase after `preposition` in the cue's clause: "aus einer Mitteilung des Konzerns"."""
    tokens = analysis.tokens
    left = _clause_bounds(analysis, sentence, cue[0])[0]
    right = _clause_bounds(analysis, sentence, cue[-1])[1]
    for j in range(left, right - 1):
        if tokens[j].text.lower() == preposition and analysis.quote_of[j] < 0:
            return phrase_span(tokens, j + 1, right)
    return []


def _addressee_and_passive(analysis: _Analysis, sentence: Sentence, candidate: Candidate,
                           verb: lexicon.SpeechVerb, cue: list[int], i: int) -> None:
    """Find whom the cue's clause addresses; in the passive ("Israel wurde aufgefordert") the
    subject is the addressee and the agent after von/seitens the speaker."""
    tokens = analysis.tokens
    region = (_clause_bounds(analysis, sentence, cue[0])[0],
              _clause_bounds(analysis, sentence, cue[-1])[1])
    if addressees.is_passive(tokens, cue, i):
        subject = candidate.speaker
        if subject and tokens[subject[0][0]].text.lower() in addressees.NOT_ADDRESSEES:
            subject = []  # "Es wird erwartet, ..."
        agent = addressees.passive_agent(tokens, region, analysis.quote_of)
        if verb.infinitive in lexicon.addressee_cues().verb_case:
            candidate.speaker = agent
            if subject and subject != agent:
                candidate.addressee = subject
                return
        elif verb.infinitive in lexicon.passive_speakers():
            candidate.speaker = agent or subject  # "Der Minister wird zitiert, ..."
        else:
            # "Die Vorwürfe wurden bestritten": the passive subject is what was said, the
            # speaker only the agent after von/seitens
            candidate.speaker = agent
    skip = {j for s, e in candidate.speaker for j in range(s, e)} | set(cue)
    candidate.addressee = addressees.find_addressee(
        tokens, region, skip, verb.infinitive, verb.category, analysis.quote_of
    )


def _impersonal(analysis: _Analysis, sentence: Sentence, i: int) -> Candidate | None:
    tokens = analysis.tokens
    cue = [i, i + 1] if i + 1 < sentence.last and tokens[i + 1].text.lower() == "es" else [i]
    if tokens[i].text.lower() == "es":
        cue = [i, i + 1]
    if len(cue) == 1 and i > sentence.first and tokens[i - 1].text.lower() == "es":
        cue = [i - 1, i]
    if len(cue) == 1 and not any(
        tokens[j].text.lower() == "es" for j in range(_clause_bounds(analysis, sentence, i)[0], i)
    ):
        # impersonal only with its "es" ("heißt es", "wie es in dem Brief heißt"); "Das heißt,
        # ..." and "Heißt: ..." explain, "Der Plan heißt ..." names
        return None
    candidate = _statement_around(analysis, sentence, cue, "say", "SW", True, speaker=False)
    if candidate is not None and not candidate.speaker:
        # "Seitens der Stadt hieß es, ...", "Von Seiten des Ministeriums hieß es": the phrase
        # after seitens is the source
        candidate.speaker = _agent_of_impersonal(analysis, sentence, cue)
    return candidate


def _agent_of_impersonal(analysis: _Analysis, sentence: Sentence, cue: list[int]
                         ) -> list[tuple[int, int]]:
    tokens = analysis.tokens
    left = _clause_bounds(analysis, sentence, cue[0])[0]
    for j in range(left, cue[0]):
        word = tokens[j].text.lower()
        if word in ("seitens", "vonseiten") or (
            word == "seiten" and j > left and tokens[j - 1].text.lower() == "von"
        ):
            return phrase_span(tokens, j + 1, cue[0])
    return []


def _statement_around(
    analysis: _Analysis,
    sentence: Sentence,
    cue: list[int],
    category: str,
    medium: str,
    takes_complement: bool,
    speaker: bool,
) -> Candidate | None:
    """Decide where the message of a verb cue lies and build the statement."""
    tokens = analysis.tokens
    first_cue, last_cue = cue[0], cue[-1]
    left, right = _clause_bounds(analysis, sentence, first_cue)
    right = max(right, _clause_bounds(analysis, sentence, last_cue)[1])
    end = analysis.body_end(sentence)
    start = sentence.first
    cue_spans = [(j, j + 1) for j in cue]

    # "Wie X mitteilte, ...": the wie-clause is the frame, the rest of the sentence the message
    if tokens[left].text.lower() == "wie" and analysis.quote_of[left] < 0:
        frame = _with_adjacent_commas(tokens, left, right, start, end)
        # "Die Schule bleibt, wie die Direktorin mitteilte, geschlossen": inside its clause the
        # report is part of the message
        quote = ([(start, end)] if _inside_clause(tokens, frame, start, end)
                 else _minus(start, end, [frame]))
        if not quote:
            return None
        who = phrase_span(tokens, left + 1, first_cue) if speaker else []
        return _build(analysis, sentence, quote, who, [(left, left + 1), *cue_spans], [frame],
                      category, medium)

    # "..., sagte X" / "„...“, hatte X gesagt": the cue opens its clause after a comma
    opens_clause = first_cue == left or (
        first_cue == left + 1 and word_class(tokens[left]) == "aux"
    ) or (
        # "..., will der Bürgermeister so nicht stehen lassen: ...": a modal opens the clause,
        # the verb of saying closes it
        word_class(tokens[left]) == "aux" and last_cue == right - 1 and right < end
        and tokens[right].text == ":"
    )
    subject = subject_with_apposition(tokens, start, left) if opens_clause else None
    if subject is not None:
        # "Karin Vogt, die Gründerin der Partei, sagte, ...": the commas set off an apposition
        left, opens_clause = subject[0], False
    elif opens_clause and (subject := subject_before_relative_clause(tokens, start, left)):
        left, opens_clause = subject[0], False
    if opens_clause and left > start and tokens[left - 1].text in (",", ":") and (
        analysis.quote_of[left - 1] < 0 or tokens[left - 1].text == ","
    ):
        shared = _second_verb_of_subject(analysis, sentence, cue, left, right) if speaker else None
        if shared is not None and _is_complement(analysis, right + 1, end, category, right):
            # "Anna Weber, Sprecherin des Vereins, begrüßte den Plan, kritisierte aber, dass
            # ...": a second verb shares the subject of the main clause before it; what
            # follows its clause is its message, the first clause no message of it
            return _build(analysis, sentence, [(right + 1, end)], [shared], cue_spans,
                          [(start, right + 1)], category, medium)
        quote_end = left - 1
        if quote_end <= start:
            return None
        frame = (quote_end, end)
        # "..., teilte der Sprecher mit" / "..., hatte X erklärt": the subject follows the
        # finite verb; a separable particle or a participle closes the clause after it
        after_verb = left + 1
        while after_verb < end and after_verb in cue:
            after_verb += 1
        who = speaker_after(tokens, after_verb, end) if speaker else []
        following = _message_after_inverted_speaker(analysis, start, quote_end, who, end,
                                                    category)
        if following is None and right + 1 < end and tokens[right].text == ":" and (
            analysis.quote_of[start] < 0
        ):
            # "Den Einwand, dass ..., ließ er nicht gelten: Es gehe um ...": what follows the
            # colon is the message, the part before the comma what it answers
            following = right + 1
        if following is None and tokens[start].text.lower() in ADVERBIAL_SUBORDINATORS and (
            not any(tokens[j].text in lexicon.subjunctive_forms() or analysis.quote_of[j] >= 0
                    or tokens[j].text in CLAUSE_BREAKS for j in range(start, quote_end))
        ):
            # "Während es Kritik hagelt, dementieren die Firmen ...": an adverbial clause alone
            # is no message
            return None
        if following is not None:
            # "Angesprochen auf die Lage, sagte der Minister, sie sei ernst": the reported
            # clause follows the speaker, the part before the cue is a circumstance
            built = _build(analysis, sentence, [(following, end)], who, cue_spans,
                           [(start, following)], category, medium)
            if built is not None and following == right + 1 and _answers_object(
                tokens, start, category, range(left, right)
            ):
                built.answers = [(start, quote_end)]
            return built
        return _build(analysis, sentence, [(start, quote_end)], who, cue_spans, [frame],
                      category, medium)

    if first_cue == left + 1 and left == sentence.first and (
        tokens[left].text in CATAPHORIC_OPENERS
    ) and right < end and tokens[right].text == "," and not any(
        # "Das teilte X mit und erklärte, ...": a second verb has a message of its own
        tokens[j].text in COORDINATORS and tokens[j + 1].text[:1].islower()
        for j in range(last_cue + 1, right)
    ) and speaker_after(tokens, last_cue + 1, right):
        # "Das sagte der Sprecher der Kommission für X, Y, am Montag.": the demonstrative is
        # the object of the verb, its subject follows it, and what follows the comma is no
        # message ("Das zeigt, dass ...", "Das heißt, ..." have no subject after the verb)
        return None
    # "X sagte, ..." / "X sagte: „...“": the message follows the cue's clause; a verb that
    # takes no clause of its own does with a correlate ("sprach davon, man wolle ...")
    takes_complement = takes_complement or (
        right < end and tokens[right - 1].text.lower() in CORRELATES
    )
    if (right < end and tokens[right].text in (",", ":") and takes_complement) or (
        right < end and analysis.quote_of[right] >= 0
    ):
        message_start = right + 1 if tokens[right].text in (",", ":") else right
        if message_start >= end:
            return None
        who = []
        if speaker:
            who = [subject] if subject else speaker_in_clause(tokens, left, first_cue, end)
            who = _with_name_before_apposition(analysis, sentence, who)
        apposition = apposition_end(tokens, right, end) if who and who[-1][1] == right else None
        if apposition is not None:
            # "Dabei sagte Li Fei, der Vorsitzende des Ausschusses, dass ..."
            who = [(who[-1][0], apposition)]
            right = apposition + 1
            while right < end and tokens[right].text not in CLAUSE_BREAKS:
                right += 1
            if right >= end or tokens[right].text not in (",", ":"):
                return None
            message_start = right + 1
            if message_start >= end:
                return None
        if not _is_complement(analysis, message_start, end, category, right):
            return None
        if tokens[right].text == ":" and left == start and who and who[0][0] > first_cue and (
            _answers_object(tokens, start, category, range(left, right))
        ):
            # "Den Vorwurf wies er zurück: Wir haben ...": the object before the inverted verb
            # is what the message answers
            built = _build(analysis, sentence, [(message_start, end)], who, cue_spans,
                           [(start, message_start)], category, medium)
            if built is not None:
                built.answers = [(start, first_cue)]
            return built
        answered = _answered_object(analysis, left, cue, right, message_start, end, category)
        if answered is not None and tokens[message_start].text.lower() == "wonach":
            # "dementierte einen Bericht der Zeitung, wonach ...": the report with what it says
            # is the message
            report = _build(analysis, sentence, _minus(answered, end, cue_spans), who,
                            cue_spans, [(start, answered)], category, medium)
            if report is not None and not _is_quotation(analysis, report.quote):
                report.type = QuoteType.INDIRECT  # a report of what was said, not its words
            return report
        subjunctive = lexicon.subjunctive_forms()
        if answered is not None and not any(
            tokens[j].text in subjunctive or analysis.quote_of[j] >= 0
            for j in range(message_start, end)
        ):
            return None
        subjunctive = lexicon.subjunctive_forms()
        if tokens[left].text.lower() in ADVERBIAL_SUBORDINATORS and last_cue == right - 1 and (
            tokens[message_start].text.lower() not in COMPLEMENTISERS
            and analysis.quote_of[message_start] < 0
            and not any(tokens[j].text in subjunctive for j in range(message_start, end))
        ):
            # "Während die Stadt jede Beteiligung abstreitet, rückt ...": the main clause after an
            # adverbial clause is no message of its verb
            return None
        frame = (start, message_start)
        return _build(analysis, sentence, [(message_start, end)], who, cue_spans, [frame],
                      category, medium)

    # '„...“ sagte X.' without a comma, or 'X sagte „...“.'
    quoted = [q for q in {analysis.quote_of[j] for j in range(start, end)} if q >= 0]
    if len(quoted) == 1:
        q_first, q_last = analysis.token_span(analysis.quotations[quoted[0]])
        if q_last <= first_cue or q_first > last_cue:
            who = speaker_in_clause(tokens, left, first_cue, end) if speaker else []
            if not who and speaker:
                who = speaker_after(tokens, last_cue + 1, end)
            frame_spans = _minus(start, end, [(q_first, q_last)])
            return _build(analysis, sentence, [(q_first, q_last)], who, cue_spans, frame_spans,
                          category, medium)
    if speaker and not quoted and not analysis.has_quotation_marks and category == "say":
        return _stripped_quotation_before(analysis, sentence, cue, category, medium)
    return None


def _second_verb_of_subject(analysis: _Analysis, sentence: Sentence, cue: list[int], left: int,
                            right: int) -> tuple[int, int] | None:
    """The subject of "X begrüßte den Plan, kritisierte aber, dass ...": the cue opens the
    clause after the comma with no subject of its own (only adverbs such as "aber", "jedoch"
    follow it before the comma or colon of its message), and the sentence opens with a main
    clause: a subject (with an apposition set off by commas), then its finite verb in the
    indicative, no quotation."""
    tokens = analysis.tokens
    start, end = sentence.first, analysis.body_end(sentence)
    comma = left - 1
    if tokens[comma].text != "," or cue[0] != left or right + 1 >= end or (
        tokens[right].text not in (",", ":")
    ) or any(j not in cue and word_class(tokens[j]) not in ("adv", "conj")
             for j in range(left + 1, right)):
        return None
    if any(analysis.quote_of[j] >= 0 for j in range(start, right)):
        return None
    first = start
    while first < comma and word_class(tokens[first]) in ("conj", "adv"):
        first += 1
    phrase_end = noun_phrase_end(tokens, first, comma)
    if phrase_end == first or phrase_end >= comma:
        return None
    subject_end = phrase_end
    if tokens[phrase_end].text == ",":
        closing = apposition_end(tokens, phrase_end, comma)
        if closing is None:
            return None
        subject_end, phrase_end = closing, closing + 1
    verb = tokens[phrase_end]
    if word_class(verb) not in ("low", "aux") or verb.text in lexicon.subjunctive_forms() or any(
        tokens[j].text in CLAUSE_BREAKS for j in range(phrase_end, comma)
    ):
        return None
    return first, subject_end


MIN_STRIPPED_WORDS = 3
NAMING_VERBS = frozenset({"heiße", "heißt", "hieß", "hießen", "heißen"})  # "heiße Jian G."


def _stripped_quotation_before(analysis: _Analysis, sentence: Sentence, cue: list[int],
                               category: str, medium: str) -> Candidate | None:
    """"Das ist Wahlkampf sagte der Jurist X am Montag": a text without quotation marks (archives
    and feeds lose them, often with the comma) where an inverted verb of saying and its subject
    close the sentence; the words before, a clause with a finite verb, are the message."""
    tokens = analysis.tokens
    start, end = sentence.first, analysis.body_end(sentence)
    first_cue = cue[0]
    if first_cue - start < MIN_STRIPPED_WORDS or not tokens[first_cue - 1].text.isalnum() or (
        tokens[first_cue].text.lower() in NAMING_VERBS
    ):
        return None
    who = speaker_after(tokens, cue[-1] + 1, end)
    if not who or _clause_bounds(analysis, sentence, first_cue)[1] < end:
        return None
    subjunctive = lexicon.subjunctive_forms()
    if not any(word_class(tokens[j]) == "aux" or tokens[j].text in subjunctive
               for j in range(start, first_cue)):
        return None
    return _build(analysis, sentence, [(start, first_cue)], who, [(j, j + 1) for j in cue],
                  [(first_cue, end)], category, medium)








NEGATIONS = frozenset({"nicht", "kein", "keine", "keinen", "nie", "niemals"})


def _answers_object(tokens: list[Token], start: int, category: str, clause: range) -> bool:
    """A statement whose object stands before its cue answers that object: the words at `start`
    open a noun phrase with its article ("Den Einwand", "Die Kritik der Opposition"), not a
    circumstance ("Angesprochen auf ...", "Am Montag"), and the verb confirms or denies, or is
    negated in its clause ("ließ ... nicht gelten")."""
    names = word_class(tokens[start]) == "det" and start + 2 < len(tokens) and (
        word_class(tokens[start + 1]) == "cap"
        or (is_adjective(tokens[start + 1]) and word_class(tokens[start + 2]) == "cap")
    )
    return names and (category in OBJECT_ANSWERS
                      or any(tokens[j].text.lower() in NEGATIONS for j in clause))


def _with_name_before_apposition(
    analysis: _Analysis, sentence: Sentence, who: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """"Jonas Berglund, der Sekretär des Vereins sagte, ...": an apposition whose closing comma
    is missing; the name that opens the sentence before its comma belongs to the speaker."""
    tokens = analysis.tokens
    if len(who) != 1:
        return who
    first, last = who[0]
    comma = first - 1
    if comma <= sentence.first or tokens[comma].text != "," or (
        word_class(tokens[first]) != "det"
    ):
        return who
    start = sentence.first
    if (
        noun_phrase_end(tokens, start, comma) == comma
        and word_class(tokens[start]) == "cap"
        and comma - start <= 4
    ):
        return [(start, last)]
    return who


def _message_after_inverted_speaker(
    analysis: _Analysis, start: int, before_end: int, who: list[tuple[int, int]], end: int,
    category: str,
) -> int | None:
    """Where "..., sagte X, P" reports P rather than the part before the cue: P reads as a
    message in Konjunktiv or with a complementiser and the part before holds neither a
    quotation nor a Konjunktiv. The first token of P, or None."""
    if not who or analysis.quote_of[start] >= 0:
        return None
    # "..., sagte X am Montag in Berlin, P": a circumstance may stand between speaker and comma
    comma = next((j for j in range(who[-1][1], min(end, who[-1][1] + SPEAKER_TAIL + 1))
                  if analysis.tokens[j].text in CLAUSE_BREAKS or analysis.quote_of[j] >= 0),
                 end)
    if comma + 1 >= end or analysis.tokens[comma].text != "," or any(
        analysis.tokens[j].text.lower() in TAIL_BREAKS for j in range(who[-1][1], comma)
    ):  # "..., sagt X und erklärt, was ...": a second verb of its own, no circumstance
        return None
    subjunctive = lexicon.subjunctive_forms()
    tokens = analysis.tokens
    before = range(start, before_end)
    opening = tuple(t.text.lower() for t in tokens[start:start + 3])
    # "Auf die Frage, ob er bleibe, sagte sie, ...": the question answered, its Konjunktiv
    # that of an indirect question, not of a message
    asked = any(opening[:len(words)] == words for words in QUESTION_OPENERS)
    if any(analysis.quote_of[j] >= 0 or (tokens[j].text in subjunctive and not asked)
           for j in before) or _speaks_in_first_person(tokens, list(before)):
        return None  # "Ich gebe nicht auf, sagte sie, ...": the words before are her own
    after = range(comma + 1, end)
    opener = tokens[comma + 1].text.lower()
    if opener in COMPLEMENTISERS or any(tokens[j].text in subjunctive for j in after):
        return comma + 1 if _is_complement(analysis, comma + 1, end, category, comma) else None
    return None


SPEAKER_TAIL = 6  # tokens of circumstance between an inverted speaker and the comma after it
TAIL_BREAKS = COORDINATORS | {"aber", "doch", "jedoch"}
QUESTION_OPENERS = (("auf", "die", "frage"), ("auf", "nachfrage"), ("gefragt", ","))
CORRELATES = frozenset({"davon", "darauf", "dafür", "darüber", "dazu", "damit", "daran"})
# categories whose object is what they answer: "bestätigte den Vorfall", "wies die Berichte zurück"
OBJECT_ANSWERS = frozenset({"confirm", "deny", "not_confirm"})
OBJECT_DETERMINERS = frozenset({"den", "die", "das", "einen", "eine", "ein", "diesen", "diese",
                                "jede", "jeden", "jegliche", "jeglichen", "alle"})


def _answered_object(analysis: _Analysis, left: int, cue: list[int], comma: int, first: int,
                     end: int, category: str) -> int | None:
    """"Die Behörde bestätigte einen Einbruch, die Polizei ermittelt": a confirmation or denial
    whose subject opens its clause and whose object follows the verb answers that object; the
    object's first token, or None. What follows its comma is then no message of the verb when it
    is a main clause in the indicative (a Konjunktiv, a complementiser or a quotation there still
    is one: "wies den Vorwurf zurück, er habe gelogen")."""
    tokens = analysis.tokens
    if category not in OBJECT_ANSWERS or tokens[comma].text != "," or (
        tokens[first].text.lower() in COMPLEMENTISERS
    ):
        return None
    opener = tokens[left]
    if word_class(opener) not in ("det", "cap", "pron") or (
        opener.text.lower() in DEMONSTRATIVE_OBJECTS and left + 1 == cue[0]
    ):
        return None  # "Am Montag bestätigte die Polizei, ...": the subject follows the verb
    return next((j for j in range(cue[0] + 1, comma - 1)
                 if j not in cue and tokens[j].text.lower() in OBJECT_DETERMINERS
                 and word_class(tokens[j + 1]) in ("cap", "low")), None)


def _is_complement(analysis: _Analysis, first: int, end: int, category: str, comma: int) -> bool:
    """Whether tokens [first, end) read as the message of a verb of saying."""
    tokens = analysis.tokens
    opener = tokens[first].text.lower()
    if analysis.quote_of[first] >= 0 or tokens[comma].text == ":":
        return True
    subjunctive = lexicon.subjunctive_forms()
    has_subjunctive = any(tokens[j].text in subjunctive for j in range(first, end))
    if (opener in RELATIVE_STARTS and comma > 0 and tokens[comma - 1].text[:1].isupper()
            and not has_subjunctive and noun_phrase_end(tokens, first, end) <= first + 1):
        return False  # "den Plan, der im Mai ...": a relative clause; "..., die Lage sei" is not
    if opener in COMPLEMENTISERS:
        return True
    if opener in ADVERBIAL_SUBORDINATORS and any(
        tokens[j].text == "," and tokens[j + 1].text in subjunctive
        for j in range(first + 1, end - 1)
    ):
        # "hieß es, obwohl noch ermittelt werde, stehe das Ergebnis fest": the adverbial clause
        # opens the message, its main clause follows in Konjunktiv with the verb first
        return True
    if opener in ("um", "und", "aber", "sondern", "zumal", "wobei") or (
        opener in ADVERBIAL_SUBORDINATORS
    ):
        return False  # "..., während der Betreiber sagte": an adverbial clause, no message
    if is_zu_infinitive(tokens, end):
        return True  # "forderte die Verbündeten auf, mehr Waffen zu liefern"
    if category in ("believe", "question"):
        return has_subjunctive or any(analysis.quote_of[j] >= 0 for j in range(first, end))
    return has_subjunctive or end - first >= 3










def _with_adjacent_commas(tokens: list[Token], left: int, right: int, start: int, end: int
                          ) -> tuple[int, int]:
    """Widen [left, right) over the comma that follows it, or else over the one before it."""
    if right < end and tokens[right].text == ",":
        return left, right + 1
    if left > start and tokens[left - 1].text == ",":
        return left - 1, right
    return left, right


NOT_WORDS = frozenset({"punct", "quote"})


def _inside_clause(tokens: list[Token], frame: tuple[int, int], start: int, end: int) -> bool:
    """Whether words of the message stand both before and after the frame of a cue that names
    its source ("Der Zug hat laut Bahn Verspätung", "Die Schule bleibt, wie die Direktorin
    mitteilte, geschlossen"): the message is then one span, cue and source included, as news
    analysts mark it; before or after its clause ("Laut Bahn hat der Zug Verspätung") it is not."""
    return any(word_class(tokens[j]) not in NOT_WORDS for j in range(start, frame[0])) and any(
        word_class(tokens[j]) not in NOT_WORDS for j in range(frame[1], end)
    )


def _minus(start: int, end: int, holes: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """[start, end) without the given token ranges."""
    return list(spans_without([(start, end)], holes))


def _prepositional(analysis: _Analysis, sentence: Sentence, i: int,
                   cue: lexicon.PrepositionalCue) -> Candidate | None:
    """"laut X", "X zufolge", "nach Angaben von X", "demnach": the rest is the message; after
    a colon, the rest of what follows it ("Die Polizei legte Zahlen vor: Demnach ...")."""
    tokens = analysis.tokens
    start, end = sentence.first, analysis.body_end(sentence)
    start = max((j + 1 for j in range(start, i) if tokens[j].text == ":"
                 and analysis.quote_of[j] < 0), default=start)
    if cue.position == "alone":
        at_clause_start = i == start or tokens[i - 1].text == ","
        # "demnach" may stand anywhere in its clause ("Die Ermittlungen dauern demnach an");
        # "wonach" opens the clause it reports, as "demzufolge" does after a comma
        if (not at_clause_start and cue.cue == "wonach") or i + 1 >= end:
            return None
        if cue.cue == "wonach" or (cue.cue == "demzufolge" and i > start):
            # "die Berichte, wonach ...", "Angaben des Ministeriums, wonach ...": the noun that
            # names the report before the comma is the speaker
            speaker: list[tuple[int, int]] = []
            if i > start and tokens[i - 1].text == ",":
                phrase_start = noun_phrase_before(tokens, i - 1, start)
                if phrase_start < i - 1 and _names_reports(tokens, phrase_start, i - 1):
                    speaker = [(phrase_start, i - 1)]
                else:
                    speaker = _authored_report_before(tokens, i - 1, start)
            return _build(analysis, sentence, [(i + 1, end)], speaker, [(i, i + 1)],
                          [(i, i + 1)], "prepositional", cue.medium)
        return _build(analysis, sentence, _minus(start, end, [(i, i + 1)]), [(i, i + 1)],
                      [(i, i + 1)], [(i, i + 1)], "prepositional", cue.medium)
    if start < i < end - 2 and (relative := _relative_cue(tokens, i, cue)) is not None:
        # "ein Bericht der Zeitung, nach dem ...", "eine Studie des Instituts, der zufolge ...":
        # the report before the comma speaks the clause
        report = _authored_report_before(tokens, relative[0] - 1, start)
        if report:
            return _build(analysis, sentence, [(relative[1], end)], report,
                          [(relative[0], relative[1])], [(relative[0], relative[1])],
                          "prepositional", cue.medium)
    if cue.position == "before":
        phrase_start = i + 1
        phrase_end = noun_phrase_end(tokens, phrase_start, end)
        if phrase_end == phrase_start:
            return None
        if cue.needs_noun and not _has_noun_cue(tokens, phrase_start, phrase_end):
            return None
        speaker = (phrase_start, phrase_end)
        if cue.needs_noun and word_class(tokens[phrase_start]) == "det":
            speaker = (phrase_start + 1, phrase_end)
        frame = (i, phrase_end)
    else:
        phrase_start = _statement_phrase_start(tokens, noun_phrase_before(tokens, i, start), i)
        if phrase_start == i:
            return None
        speaker = (phrase_start, i)
        frame = (phrase_start, i + 1)
    if frame[1] < end and tokens[frame[1]].text == ",":
        frame = (frame[0], frame[1] + 1)
    holes = [frame]
    if frame[0] > start and tokens[frame[0] - 1].text == "," and frame[1] >= end:
        holes.append((frame[0] - 1, frame[0]))
    # "Der Zug hat laut Bahn Verspätung": inside its clause the source is part of the message
    quote = [(start, end)] if _inside_clause(tokens, frame, start, end) else _minus(start, end,
                                                                                   holes)
    if sum(e - s for s, e in quote) < 3:
        return None
    return _build(analysis, sentence, quote, [speaker], [(i, i + 1)], [frame], "prepositional",
                  cue.medium)


POSSESSIVES = frozenset({"seiner", "ihrer", "dessen", "deren"})
VIEW_CATEGORIES = frozenset({"say", "believe"})  # Angaben, Darstellung, Meinung, Ansicht ...
POSTPOSED_NACH = lexicon.PrepositionalCue("nach", "after", False, "SW")


def _possessive_view(analysis: _Analysis, sentence: Sentence, i: int) -> Candidate | None:
    """"Seiner Einschätzung nach werden die Kosten steigen", "Ihrer Meinung nach ...": "nach"
    after a possessive and a noun of saying or opinion; the possessive stands for the speaker
    (resolved as a pronoun is), the rest of the sentence is the message. Not inside a noun
    phrase ("das seiner Meinung nach verfehlte Konzept"), not after a noun that governs "nach"
    ("ihrer Forderung nach Neuwahlen"), not the polite "Ihrer" that asks the reader."""
    tokens = analysis.tokens
    if tokens[i].text.lower() != "nach" or i < sentence.first + 2 or (
        tokens[i - 2].text.lower() not in POSSESSIVES
    ) or (tokens[i - 2].text[0].isupper() and i - 2 > sentence.first):
        return None
    noun = lexicon.noun_cue(tokens[i - 1].text)
    if noun is None or noun.category not in VIEW_CATEGORIES:
        return None
    if i - 3 >= sentence.first and (word_class(tokens[i - 3]) == "det"
                                    or tokens[i - 3].text == "als"):
        return None
    candidate = _prepositional(analysis, sentence, i, replace(POSTPOSED_NACH, medium=noun.medium))
    if candidate is not None:
        candidate.speaker = [(i - 2, i - 1)]
    return candidate


REPORT_CATEGORIES = frozenset({"report", "say", "claim"})
REPORT_REACH = 12  # tokens back from a comma to the report a "wonach" clause belongs to
RELATIVE_OBJECTS = frozenset({"dem", "der", "denen"})  # "nach dem", "der zufolge"


def _relative_cue(tokens: list[Token], i: int, cue: lexicon.PrepositionalCue
                  ) -> tuple[int, int] | None:
    """The tokens of a cue that opens a relative clause right after a comma: "nach dem",
    "laut der", or "dem zufolge"; None for any other use of the cue."""
    if cue.position == "before" and tokens[i + 1].text in RELATIVE_OBJECTS and (
        tokens[i - 1].text == ","
    ):
        return i, i + 2
    if cue.position == "after" and i > 1 and tokens[i - 1].text in RELATIVE_OBJECTS and (
        tokens[i - 2].text == ","
    ):
        return i - 1, i + 1
    return None


def _authored_report_before(tokens: list[Token], comma: int, start: int
                            ) -> list[tuple[int, int]]:
    """A report with its author in the clause that ends at `comma`, which a relative "wonach"
    or "nach dem" clause after the comma belongs to even when a verb stands between ("X hatte
    einen Bericht der Zeitung dementiert, wonach ..."): the report and its genitive or von
    phrase, as the speaker."""
    j = comma - 1
    while j >= max(start, comma - REPORT_REACH) and tokens[j].text not in CLAUSE_BREAKS:
        cue = lexicon.noun_cue(tokens[j].text)
        if cue is not None and cue.category in REPORT_CATEGORIES and j + 1 < comma and (
            tokens[j + 1].text in GENITIVE_ARTICLES | {"von", "vom"}
        ):
            end = noun_phrase_end(tokens, j + 2, comma) if tokens[j + 1].text in {
                "von", "vom"} else noun_phrase_end(tokens, j + 1, comma)
            if end > j + 1:
                return [(j, end)]
        j -= 1
    return []


def _names_reports(tokens: list[Token], start: int, end: int) -> bool:
    """"die Berichte", "Angaben des Ministeriums": a noun that names reports, not an act of a
    person ("den Vorwurf", "die Forderung": their speaker is named elsewhere)."""
    if tokens[start].text.lower() in OBJECT_ARTICLES:
        return False
    for j in range(start, min(end, start + 3)):
        cue = lexicon.noun_cue(tokens[j].text)
        if cue is not None:
            return cue.category in REPORT_CATEGORIES
    return False


def _statement_phrase_start(tokens: list[Token], start: int, end: int) -> int:
    """Where the phrase before "zufolge" starts: at the determiner of a statement noun that it
    ends with, not at a bare noun before it that belongs to the message ("Die Leute mögen
    Elektroautos einer Umfrage zufolge": the poll speaks, not "Elektroautos einer Umfrage");
    a bare statement noun keeps its genitive ("Berichten einer Zeitung zufolge")."""
    if word_class(tokens[start]) == "det" or lexicon.noun_cue(tokens[start].text):
        return start
    for j in range(start + 1, end - 1):
        if word_class(tokens[j]) == "det":
            noun = j + 1
            while noun < end - 1 and is_adjective(tokens[noun]):
                noun += 1  # "einer neuen Umfrage"
            return j if lexicon.noun_cue(tokens[noun].text) else start
    return start


def _has_noun_cue(tokens: list[Token], start: int, end: int) -> bool:
    return any(lexicon.noun_cue(tokens[j].text) for j in range(start, min(end, start + 3)))


def _so_cue(analysis: _Analysis, sentence: Sentence, i: int) -> Candidate | None:
    """"„...“, so der Minister." / "..., so X weiter.": so + speaker closes or interrupts."""
    tokens = analysis.tokens
    start, end = sentence.first, analysis.body_end(sentence)
    phrase_end = noun_phrase_end(tokens, i + 1, end)
    if phrase_end == i + 1:
        return None
    after = phrase_end
    while after < end:
        # "so X weiter", "so X wörtlich", "so X gegenüber der Zeitung", "so X zu den Gründen"
        if tokens[after].text in ("weiter", "abschließend", "wörtlich") or (
            word_class(tokens[after]) == "adv"
        ):
            after += 1
        elif word_class(tokens[after]) == "prep" and (
            noun_phrase_end(tokens, after + 1, end) > after + 1
        ):
            after = noun_phrase_end(tokens, after + 1, end)
        else:
            break
    if after < end and tokens[after].text not in (",", ";") and analysis.quote_of[after] < 0:
        return None
    frame_end = after + 1 if after < end and tokens[after].text == "," else after
    frame = (i - 1, frame_end)
    quote = _minus(start, end, [frame])
    if not quote:
        return None
    candidate = _build(analysis, sentence, quote, [(i + 1, phrase_end)], [(i, i + 1)], [frame],
                       "say", "Speech")
    if candidate is not None:
        # "so X gegenüber der Zeitung": only a preposition addresses, there is no verb
        candidate.addressee = addressees.find_addressee(
            tokens, (phrase_end, after), (), None, "say", analysis.quote_of
        )
    return candidate


def _build(
    analysis: _Analysis,
    sentence: Sentence,
    quote: list[tuple[int, int]],
    speaker: list[tuple[int, int]],
    cue: list[tuple[int, int]],
    frame: list[tuple[int, int]],
    category: str,
    medium: str,
) -> Candidate | None:
    quote = [_over_quotations(analysis, s, e) for s, e in quote if e > s]
    if not quote:
        return None
    quote_type = QuoteType.DIRECT if (
        _is_quotation(analysis, quote)
        or (category != "prepositional" and _is_unmarked_direct(analysis, quote))
    ) else QuoteType.INDIRECT
    if quote_type is QuoteType.DIRECT and medium == "SW":
        medium = "Speech"
    return Candidate(quote_type, medium, quote, sentence.index, speaker, cue, frame, category)


def _is_unmarked_direct(analysis: _Analysis, spans: list[tuple[int, int]]) -> bool:
    """In a text without any quotation marks (archives and feeds lose them), a message that is
    a main clause in the indicative is the speaker's own words: "Wir sanieren, sagte X"."""
    if analysis.has_quotation_marks:
        return False
    tokens = analysis.tokens
    first = spans[0][0]
    if tokens[first].text.lower() in COMPLEMENTISERS or is_zu_infinitive(tokens, spans[-1][1]):
        return False
    subjunctive = lexicon.subjunctive_forms()
    return not any(tokens[j].text in subjunctive for s, e in spans for j in range(s, e))


def _over_quotations(analysis: _Analysis, start: int, end: int) -> tuple[int, int]:
    """Widen a message that begins or ends inside a quotation to the whole quotation, which can
    run over several sentences and paragraphs."""
    first = analysis.quote_of[start]
    if first >= 0:
        start = min(start, analysis.token_span(analysis.quotations[first])[0])
    last = analysis.quote_of[end - 1]
    if last >= 0:
        end = max(end, analysis.token_span(analysis.quotations[last])[1])
    return start, end


def _is_quotation(analysis: _Analysis, spans: list[tuple[int, int]]) -> bool:
    """The message is (nearly) all inside quotation marks."""
    words = [j for s, e in spans for j in range(s, e) if analysis.tokens[j].text[0].isalnum()]
    if not words:
        return False
    quoted = sum(analysis.quote_of[j] >= 0 for j in words)
    return quoted / len(words) >= 0.9


CATAPHORIC_OPENERS = frozenset({"Das", "Dies"})


def _cataphora(analysis: _Analysis, found: list[Candidate]) -> list[Candidate]:
    """"Die Kosten würden sich verdoppeln. Das sagte die Ministerin.": a sentence that opens with
    "Das" or "Dies" and a verb of saying without a message of its own points back; the sentence
    before it, if it is no statement yet, is the message and the verb's subject its speaker."""
    document = analysis.document
    stated = {candidate.sentence for candidate in found}
    statements = []
    for index, anchor in analysis.anchors.items():
        sentence = document.sentences[index]
        if index == 0 or index - 1 in stated or not anchor.cue or not anchor.speaker:
            continue
        if analysis.tokens[sentence.first].text not in CATAPHORIC_OPENERS or (
            anchor.cue[0][0] != sentence.first + 1
        ) or analysis.tokens[sentence.first + 1].text[:1].isupper():  # "Das Dementi kam"
            continue
        previous = document.sentences[index - 1]
        if previous.paragraph != sentence.paragraph:
            continue
        candidate = _build(analysis, previous, [(previous.first, analysis.body_end(previous))],
                           anchor.speaker, anchor.cue, [(sentence.first, sentence.last)],
                           anchor.category, anchor.medium)
        if candidate is not None:
            if not _is_quotation(analysis, candidate.quote):
                candidate.type = QuoteType.INDIRECT  # a report of what was said, not its words
            statements.append(candidate)
    return statements


# --- 3: quotations standing on their own ---------------------------------------------------------


def _standalone_quotations(analysis: _Analysis, found: list[Candidate]) -> list[Candidate]:
    """Quotations that are sentences of their own, attributed to the speaker in context."""
    used = {analysis.quote_of[s] for c in found for s, _ in c.quote}
    used |= {analysis.quote_of[e - 1] for c in found for _, e in c.quote}
    # "Ähnlich äußerte sich die Ministerin. „...“": a verb of saying without a message of its
    # own names the speaker of the quotation after it
    speakers = _speakers_by_sentence([
        candidate for candidate in [*found, *analysis.anchors.values()]
        if not (candidate.cue and is_zu_infinitive(analysis.tokens, candidate.cue[-1][1]))
    ])  # "..., Lügen anzuprangern": an infinitive with zu has no subject of its own
    statements = []
    for number, quotation in enumerate(analysis.quotations):
        if number in used:
            continue
        first, last = analysis.token_span(quotation)
        words = sum(analysis.tokens[j].text[0].isalnum() for j in range(first, last))
        if words < MIN_STANDALONE_QUOTE_WORDS - 1:
            continue
        sentence_index = analysis.document.sentence_of_token[first]
        sentence = analysis.document.sentences[sentence_index]
        if first != sentence.first:
            continue
        if words < MIN_STANDALONE_QUOTE_WORDS and not (
            last >= analysis.body_end(sentence) and sentence_index - 1 in speakers
        ):
            # "..., sagte die Ärztin. „Wir sind erschöpft.“": a short quotation is a statement
            # only as a whole sentence right after a statement with a speaker
            continue
        speaker = _context_speaker(speakers, sentence_index)
        statements.append(Candidate(QuoteType.DIRECT, "Speech", [(first, last)], sentence_index,
                                    speaker))
    return statements


def _speakers_by_sentence(found: list[Candidate]) -> dict[int, list[Candidate]]:
    """The statements with a speaker, by sentence, in the order found: looked up by
    _context_speaker instead of a scan of all statements per sentence (quadratic)."""
    by_sentence: dict[int, list[Candidate]] = {}
    for candidate in found:
        if candidate.speaker:
            by_sentence.setdefault(candidate.sentence, []).append(candidate)
    return by_sentence


def _context_speaker(speakers: dict[int, list[Candidate]], sentence_index: int
                     ) -> list[tuple[int, int]]:
    """The speaker of the nearest earlier statement in the last few sentences, if any
    (`speakers`: from _speakers_by_sentence)."""
    for sentence in range(sentence_index, sentence_index - CONTEXT_SENTENCES - 1, -1):
        earlier = speakers.get(sentence)
        if earlier:
            return max(earlier, key=lambda c: c.quote[0][0]).speaker
    return []


# --- 4-5: continuation in Konjunktiv I, and hearsay ---------------------------------------------


def _continuations(analysis: _Analysis, found: list[Candidate]) -> list[Candidate]:
    """Konjunktiv I sentences after a statement continue it; reportative sollen is hearsay."""
    document = analysis.document
    tokens = analysis.tokens
    subjunctive = lexicon.subjunctive_forms()
    modals = lexicon.reportative_modals()
    by_sentence: dict[int, Candidate] = {}
    for candidate in found:
        by_sentence.setdefault(candidate.sentence, candidate)
    speakers = _speakers_by_sentence(found)
    statements: list[Candidate] = []
    source: Candidate | None = None
    last_reported = -1  # the last sentence that was a statement or continued one
    for sentence in document.sentences:
        words = [j for j in range(sentence.first, sentence.last) if analysis.quote_of[j] < 0]
        previous = document.sentences[sentence.index - 1] if sentence.index else None
        near = source is not None and previous is not None and (
            sentence.index - last_reported <= CONTINUATION_GAP
        ) and sentence.paragraph - previous.paragraph <= 1
        own = by_sentence.get(sentence.index) or analysis.anchors.get(sentence.index)
        if own is not None and not (
            near and sentence.index not in by_sentence and not own.act
            and any(tokens[s].text in subjunctive for s, _ in own.cue)
            and not _speaks_in_first_person(tokens, words)
        ):
            source, last_reported = own, sentence.index
            continue
        # "Der Minister sei informiert worden", "Auch die Stadt habe das gewusst": a verb of
        # saying in Konjunktiv I without a message, telling no act, continues the statement
        # before it as any Konjunktiv sentence does
        if not words:
            continue
        if near and (message := _after_connective_colon(analysis, sentence)) is not None:
            assert source is not None
            statements.append(_continued(analysis, sentence, message, source))
            last_reported = sentence.index
            continue
        if near and (any(tokens[j].text in subjunctive
                             and tokens[j].text not in NARRATED_PAST for j in words)
                     or _finite_homograph(tokens, words)):
            # one statement a sentence: each continuation sentence is a statement of its own
            assert source is not None
            statements.append(Candidate(
                QuoteType.INDIRECT_FREE_INDIRECT, _medium_of(source),
                [(sentence.first, sentence.last)], sentence.index, source.speaker,
            ))
            last_reported = sentence.index
            continue
        if near and _speaks_in_first_person(tokens, words):
            # quotation marks lost (archives, feeds): the speaker's own words continue
            assert source is not None
            statements.append(Candidate(
                QuoteType.DIRECT, "Speech", [(sentence.first, sentence.last)], sentence.index,
                source.speaker,
            ))
            last_reported = sentence.index
            continue
        if source is None and _reports_ahead(analysis, sentence, words, by_sentence):
            # "„Das Abkommen sei zu komplex.“ ... sagte die Vorsitzende": a Konjunktiv sentence
            # before the first statement (a headline, a lead) is that statement's
            ahead = next(by_sentence[k] for k in range(sentence.index + 1, sentence.index + 3)
                         if k in by_sentence)
            statements.append(Candidate(
                QuoteType.INDIRECT_FREE_INDIRECT, _medium_of(ahead),
                [(sentence.first, sentence.last)], sentence.index, ahead.speaker,
            ))
            continue
        if _is_hearsay(tokens, words, modals, sentence):
            speaker = _context_speaker(speakers, sentence.index)
            if not speaker and source is None and sentence.index < LEAD_SENTENCES:
                # "Der Konzern soll Stellen streichen. Laut der Zeitung sind 500 betroffen.": a
                # hearsay headline or lead before the first statement is the report of the
                # statement right after it, when that names its speaker (a name or a noun with
                # its article; no pronoun, no "demnach")
                ahead = next((by_sentence[k].speaker
                              for k in range(sentence.index + 1, sentence.index + 3)
                              if k in by_sentence and by_sentence[k].speaker), [])
                if ahead and word_class(tokens[ahead[0][0]]) in ("cap", "det"):
                    speaker = ahead
            statements.append(Candidate(QuoteType.FREE_INDIRECT, "SW",
                                        [(sentence.first, sentence.last)], sentence.index, speaker))
        elif (intender := _intention_subject(analysis, sentence)) is not None:
            statements.append(Candidate(QuoteType.REPORTED, "SW",
                                        [(sentence.first, sentence.last)], sentence.index,
                                        intender, category="announce"))
    return statements


def _after_connective_colon(analysis: _Analysis, sentence: Sentence
                            ) -> tuple[int, int] | None:
    """"Und: Wir bleiben dabei.", "Doch: „Pläne gibt es keine.“": a connective and a colon open
    the sentence; the rest, of a few words at least, is the message (tokens)."""
    tokens = analysis.tokens
    end = analysis.body_end(sentence)
    for connective in lexicon.colon_connectives():
        colon = sentence.first + len(connective)
        if colon + 1 >= end or tokens[colon].text != ":" or any(
            tokens[sentence.first + k].text != word for k, word in enumerate(connective)
        ):
            continue
        start, end = _over_quotations(analysis, colon + 1, end)
        words = sum(tokens[j].text[0].isalnum() for j in range(start, end))
        return (start, end) if words >= MIN_STANDALONE_QUOTE_WORDS - 1 else None
    return None


def _continued(analysis: _Analysis, sentence: Sentence, message: tuple[int, int],
               source: Candidate) -> Candidate:
    """The message of a sentence that goes on with `source`'s words: Direct when quoted or, in
    a text without quotation marks, in the indicative; else in Konjunktiv I."""
    if _is_quotation(analysis, [message]) or _is_unmarked_direct(analysis, [message]):
        return Candidate(QuoteType.DIRECT, "Speech", [message], sentence.index, source.speaker)
    return Candidate(QuoteType.INDIRECT_FREE_INDIRECT, _medium_of(source), [message],
                     sentence.index, source.speaker)


NOMINATIVE_PRONOUNS = frozenset({"er", "man"})  # "es", "sie" may be objects: "ist es schade"


def _finite_homograph(tokens: list[Token], words: list[int]) -> bool:
    """A Konjunktiv I form that is also an adjective ("reiche", "schade", "weise") as the
    finite verb: after "er" or "man", or after a noun or name and before neither a noun nor
    "ich" ("Die Reaktion reiche nicht aus", "Er weise Verletzungen auf"; not "die reiche
    Stadt", "ist es schade", "Im Prinzip teile ich")."""
    homographs = lexicon.subjunctive_homographs()
    for j in words:
        if j == 0 or j + 1 >= len(tokens) or tokens[j].text not in homographs:
            continue
        after = tokens[j + 1]
        if tokens[j - 1].text.lower() in NOMINATIVE_PRONOUNS or (
            word_class(tokens[j - 1]) == "cap" and word_class(after) not in ("cap", "pron")
        ):
            return True
    return False


# Konjunktiv II forms that read as the past indicative in narration ("Die Bauern wollten nicht
# verkaufen."): alone they do not continue a statement; the reported intention is "wolle"
NARRATED_PAST = frozenset({"wollten"})
LEAD_SENTENCES = 3  # a headline, a teaser and the first sentence of the body
REPORTED_SUBJUNCTIVE = frozenset({"sei", "seien", "habe", "werde", "könne", "müsse", "solle",
                                  "wolle", "dürfe", "gebe", "gehe", "liege", "stehe"})


def _reports_ahead(analysis: _Analysis, sentence: Sentence, words: list[int],
                   by_sentence: dict[int, Candidate]) -> bool:
    """A sentence with an unmistakable Konjunktiv I form ("sei", "habe", "könne"), one of the
    next two sentences a statement with a speaker."""
    tokens = analysis.tokens
    if not any(tokens[j].text in REPORTED_SUBJUNCTIVE for j in words):
        return False
    return any(k in by_sentence and by_sentence[k].speaker
               for k in range(sentence.index + 1, sentence.index + 3))


INTENTION_MODALS = frozenset({"will", "wollen"})  # declared now; "wollte" narrates


def _intention_subject(analysis: _Analysis, sentence: Sentence) -> list[tuple[int, int]] | None:
    """"Die Partei will die Proteste ausweiten.": an intention declared by the subject of wollen
    with an infinitive at the clause end is a statement of the subject (Reported); the subject
    stands before the modal or, inverted, right after it."""
    tokens = analysis.tokens
    end = analysis.body_end(sentence)
    modal = next((j for j in range(sentence.first, min(end, sentence.first + 8))
                  if tokens[j].text in INTENTION_MODALS and analysis.quote_of[j] < 0), None)
    if modal is None or modal + 2 >= end:
        return None
    last = tokens[end - 1].text
    if not (last.islower() and last.endswith(("en", "ern", "eln"))) or last in ("haben", "sein"):
        return None
    left = _clause_bounds(analysis, sentence, modal)[0]
    if _clause_bounds(analysis, sentence, end - 1)[0] != left:
        return None  # the infinitive closes another clause
    speaker = phrase_span(tokens, left, modal)
    if speaker and speaker[0][1] == modal and tokens[modal - 1].text not in (
        time_nouns()  # "Nächste Woche will der Kandidat ...": a date, then the subject
    ):
        if tokens[left].text.lower() in OBJECT_ARTICLES:
            return None
    else:
        speaker = speaker_after(tokens, modal + 1, end)
    if not speaker or _names_a_person(tokens, speaker[0]):
        return None  # "Er will zurücktreten": a person's plan is told, not declared
    return speaker


PERSON_PRONOUNS = frozenset({"er", "ich", "du"})  # "sie" also stands for a party or a firm


def _names_a_person(tokens: list[Token], span: tuple[int, int]) -> bool:
    """The phrase names one or more persons: a personal pronoun, a role noun ("der Kandidat"),
    a known person or a first name."""
    places = gazetteer()
    for j in range(*span):
        text = tokens[j].text
        if text.lower() in PERSON_PRONOUNS and span[1] - span[0] == 1:
            return True
        if not text[:1].isupper():
            continue
        entry = places.lookup(text)
        if (entry is not None and entry.kind == "person") or places.role(text) is not None or (
            places.first_name_gender(text) is not None
        ):
            return True
    return False


def _tells_what_looms(analysis: _Analysis, sentence: Sentence, cue: list[int],
                      speaker: list[tuple[int, int]]) -> bool:
    """A verb of agent_verbs.txt ("drohen") that tells what looms, not a threat: its subject is
    a thing ("Dem Klub droht der Abstieg", "Der Gemeinde droht eine Klage") or a zu-infinitive
    closes its clause ("Die Boote drohten abzutreiben"); "drohte mit ..." after the verb is a
    threat whatever its subject ("Die Stadt drohte mit Abriss")."""
    tokens = analysis.tokens
    right = _clause_bounds(analysis, sentence, cue[0])[1]
    after = range(cue[-1] + 1, right)
    if any(tokens[j].text.lower() == "mit" for j in after):
        return False
    if after and is_zu_infinitive(tokens, right):
        return True
    return _names_a_thing(tokens, speaker) or (
        len(cue) == 1 and _names_a_thing(tokens, _nominative_after(tokens, cue[0], right))
    )


NOMINATIVE_ARTICLES = frozenset({"ein", "eine", "kein", "keine", "das"})


def _nominative_after(tokens: list[Token], verb: int, right: int) -> list[tuple[int, int]]:
    """The first noun phrase after a verb without an accusative object, in its clause, that
    opens with a nominative article and follows no preposition: the verb's subject ("Der
    Gemeinde droht nun eine Klage", not "droht den Kurden mit einer Offensive")."""
    for j in range(verb + 1, right):
        if tokens[j].text.lower() in NOMINATIVE_ARTICLES:
            if word_class(tokens[j - 1]) == "prep":
                return []
            return [(j, noun_phrase_end(tokens, j, right))]
    return []


SUBJECT_ARTICLES = frozenset({"der", "die", "das", "dem", "den", "ein", "eine", "einem", "einer",
                              "kein", "keine", "keinem", "keiner", "dieser", "diese", "dieses"})


def _names_a_thing(tokens: list[Token], speaker: list[tuple[int, int]]) -> bool:
    """The speaker opens with an article and none of its words names a person, a role, an
    organisation or a place ("der Abstieg", "ein langer Streit"; not "die Gewerkschaft", "der
    Minister", "die Türkei")."""
    if not speaker or tokens[speaker[0][0]].text.lower() not in SUBJECT_ARTICLES:
        return False
    places = gazetteer()
    for start, end in speaker:
        if _names_a_person(tokens, (start, end)):
            return False
        for j in range(start, end):
            text = tokens[j].text
            if text[:1].isupper() and j > start and (
                places.lookup(text) is not None or places.organisation_nouns.match(text)
            ):
                return False
    return True


FIRST_PERSON = frozenset({"ich", "wir", "mir", "mich", "uns", "unser", "unsere", "unserer",
                          "unseren", "unserem", "unseres", "mein", "meine", "meiner", "meinen",
                          "meinem", "meines"})


def _speaks_in_first_person(tokens: list[Token], words: list[int]) -> bool:
    return any(tokens[j].text.lower() in FIRST_PERSON for j in words)


def _medium_of(candidate: Candidate) -> str:
    return "SW" if candidate.medium == "none" else candidate.medium


def _is_hearsay(tokens: list[Token], words: list[int], modals: frozenset[str],
               sentence: Sentence) -> bool:
    """Reportative sollen governs an infinitive at the clause end ("soll ... gewesen sein");
    wollen is hearsay only with a perfect infinitive ("will ihn gesehen haben"), else intent."""
    # the modal is the finite verb of a main clause, in second place: one that closes its clause
    # stands in a relative or subordinate clause ("Busse, die dort gebaut werden sollen")
    modal = next((tokens[j].text for j in words if tokens[j].text in modals
                  and j + 1 < sentence.last and not tokens[j + 1].is_quote
                  and tokens[j + 1].text not in CLAUSE_BREAKS | SENTENCE_FINAL), None)
    if modal is None:
        return False
    end = sentence.last
    while end > sentence.first and not tokens[end - 1].text[0].isalnum():
        end -= 1
    if end <= sentence.first:
        return False
    last = tokens[end - 1].text
    if not (last.islower() and last.endswith(("en", "ern", "eln", "sein", "tun"))):
        return False
    if modal.startswith("w"):
        return last in ("haben", "sein") and end - 2 > sentence.first and (
            tokens[end - 2].text.startswith("ge") or tokens[end - 2].text.endswith(("t", "en"))
        )
    return True


def _reported(analysis: _Analysis) -> list[Candidate]:
    """A speech act told without its words ("Russland wies die Vorwürfe zurück."): the whole
    sentence is the statement, its subject the speaker; in a fronted adverbial clause ("Während
    die Stadt jede Beteiligung bestreitet, rückt ...") the clause alone."""
    statements = []
    for anchor in analysis.anchors.values():
        if not anchor.act:
            continue
        sentence = analysis.document.sentences[anchor.sentence]
        statements.append(Candidate(QuoteType.REPORTED, anchor.medium,
                                    [_reported_span(analysis, sentence, anchor)], anchor.sentence,
                                    anchor.speaker, _noun_of_act(analysis, anchor),
                                    category=anchor.category, addressee=anchor.addressee))
    return statements


def _reported_span(analysis: _Analysis, sentence: Sentence, act: Candidate) -> tuple[int, int]:
    """The sentence, or the adverbial clause that opens it when the act's verb stands there: the
    main clause after it tells something else ("Nachdem der Minister den Bericht bestätigt
    hatte, trat der Ausschuss zusammen")."""
    whole = (sentence.first, sentence.last)
    if not act.cue or analysis.tokens[sentence.first].text.lower() not in ADVERBIAL_SUBORDINATORS:
        return whole
    tokens = analysis.tokens
    last_cue = act.cue[-1][0]
    left, right = _clause_bounds(analysis, sentence, last_cue)
    if left != sentence.first or right >= analysis.body_end(sentence) or any(
        word_class(tokens[j]) != "aux" for j in range(last_cue + 1, right)
    ):
        # the verb must close the clause, as in a subordinate clause: "Als Beispiel nannte er
        # X, ..." is a main clause whose message goes on past the comma
        return whole
    return (sentence.first, right)


# --- 6: quotations inside indirect messages ------------------------------------------------------


def _nested_quotations(analysis: _Analysis, found: list[Candidate]) -> list[Candidate]:
    nested = []
    for candidate in found:
        if candidate.type is QuoteType.DIRECT:
            continue
        inside = {analysis.quote_of[j] for s, e in candidate.quote for j in range(s, e)}
        for number in sorted(q for q in inside if q >= 0):
            first, last = analysis.token_span(analysis.quotations[number])
            if not any(s <= first and last <= e for s, e in candidate.quote):
                continue
            words = sum(analysis.tokens[j].text[0].isalnum() for j in range(first, last))
            if words < MIN_NESTED_WORDS:
                continue  # „zivil“, „Überreaktion“: a term the message quotes, no statement
            nested.append(Candidate(QuoteType.DIRECT, _medium_of(candidate), [(first, last)],
                                    candidate.sentence, candidate.speaker, candidate.cue,
                                    candidate.frame, candidate.category, candidate.addressee))
    return nested


# --- output --------------------------------------------------------------------------------------


def _unique(candidates: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[str, tuple[tuple[int, int], ...]]] = set()
    kept = []
    for candidate in candidates:
        key = (str(candidate.type), tuple(candidate.quote))
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


def _char_spans(analysis: _Analysis, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    tokens = analysis.tokens
    return [(tokens[s].start, tokens[e - 1].end) for s, e in spans if e > s]


def _to_attribution(analysis: _Analysis, candidate: Candidate) -> Attribution | None:
    text = analysis.document.text
    quote = Part.from_spans(text, _char_spans(analysis, candidate.quote))
    if quote is None:
        return None

    def part(spans: list[tuple[int, int]]) -> Part | None:
        return Part.from_spans(text, _char_spans(analysis, spans)) if spans else None

    medium = candidate.medium if candidate.medium in Medium._value2member_map_ else "SW"
    return Attribution(
        type=candidate.type,
        medium=Medium(medium),
        quote=quote,
        speaker=part(candidate.speaker),
        cue=part(candidate.cue),
        frame=part(candidate.frame),
        addressee=part(candidate.addressee),
    )
