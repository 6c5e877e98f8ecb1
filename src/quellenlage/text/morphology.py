"""Part of speech, case, mood and noun-phrase chunks of a document, computed once, on demand.

`document.morphology` is the annotation layer that readers share instead of re-deriving it:

    morphology = document.morphology          # nothing is tagged yet
    morphology.tag(i)                          # Tag(pos="NOUN", case="Dat", mood=None)
    morphology.is_subjunctive(i)               # a finite verb in Konjunktiv I or II
    morphology.chunks(sentence_index)          # [Chunk(start, end, head, case), ...]
    morphology.nominative_phrase_in(a, b)      # the subject-like chunk inside tokens [a, b)

A sentence is tagged the first time one of its tokens is asked about, so a reader that looks at
the sentences around three cues pays for three sentences, and one that never asks pays nothing.
Tags come from the CRF in text/tagger.py; chunks are derived from the tags by the rules below.

A chunk is a noun phrase: determiners, adjectives and numbers before one or more nouns or names
("der frühere Rapid-Stürmer René Wagner"), with what belongs to its head: a genitive attribute
("der Sprecher des Ministeriums"), a von-phrase ("die Bürgermeisterin von Lindenau"), a short
parenthesis ("Anna Weber (SPD)") and a quoted name after an article ('der „Abendpost“'). A
substantive pronoun ("er", "man", "die" as a relative pronoun) is a chunk of its own. The head
is the last noun ("Außenministerin Anna Weber"), the case that of the first noun, which the
tagger reads together with the determiner. Appositions set off by commas and coordinations are
chunks of their own; `phrase_with_appositions` joins them.

Offsets are token indices into `document.tokens`, `end` exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from quellenlage.text.tagger import (
    ADJ,
    ADP,
    ADV,
    DET,
    NOUN,
    NUM,
    PRON,
    PUNCT,
    REL,
    VFIN,
    Tag,
    Tagger,
    Vocabulary,
    default_tagger,
)

if TYPE_CHECKING:
    from quellenlage.text.document import Document

NOMINAL = frozenset({NOUN})
PRENOMINAL = frozenset({DET, ADJ, NUM})
SUBSTANTIVE = frozenset({PRON, REL})
CHUNK_STARTS = NOMINAL | PRENOMINAL | SUBSTANTIVE
SUBJUNCTIVE = frozenset({"Subj1", "Subj2"})
ATTRIBUTE_PREPOSITIONS = frozenset({"von"})
MAX_PARENTHESIS_TOKENS = 5
MAX_QUOTED_NAME_TOKENS = 5
COORDINATORS = frozenset({"und", "sowie", "oder"})
NOT_A_CHUNK = Tag(PUNCT)


@dataclass(frozen=True, slots=True)
class Chunk:
    """A noun phrase: tokens [start, end), its head noun (or pronoun) and the head's case."""

    start: int
    end: int
    head: int
    case: str | None


class Morphology:
    """The tags and chunks of one document, sentence by sentence as they are asked for."""

    def __init__(self, document: Document, tagger: Tagger | None = None) -> None:
        self.document = document
        self._tagger = tagger
        self._tags: list[Tag | None] = [None] * len(document.tokens)
        self._chunks: dict[int, list[Chunk]] = {}

    @property
    def tagger(self) -> Tagger:
        if self._tagger is None:
            self._tagger = default_tagger()
        return self._tagger

    # --- tags ---------------------------------------------------------------------------------

    def sentence_tags(self, sentence_index: int) -> list[Tag]:
        """The tags of one sentence's tokens (tagged on first use)."""
        sentence = self.document.sentences[sentence_index]
        first, last = sentence.first, sentence.last
        if self._tags[first] is None:
            words = [token.text for token in self.document.tokens[first:last]]
            self._tags[first:last] = self.tagger.tag(words)
        return self._tags[first:last]  # type: ignore[return-value]

    def tag(self, index: int) -> Tag:
        """The tag of token `index`."""
        tag = self._tags[index]
        if tag is None:
            self.sentence_tags(self.document.sentence_of_token[index])
            tag = self._tags[index]
        return tag  # type: ignore[return-value]

    def tags(self) -> list[Tag]:
        """The tags of every token (tags all sentences not tagged yet)."""
        for sentence in self.document.sentences:
            self.sentence_tags(sentence.index)
        return self._tags  # type: ignore[return-value]

    def case(self, index: int) -> str | None:
        return self.tag(index).case

    def mood(self, index: int) -> str | None:
        return self.tag(index).mood

    def is_finite_verb(self, index: int) -> bool:
        return self.tag(index).pos == VFIN

    def is_subjunctive(self, index: int) -> bool:
        """Token `index` is a finite verb in Konjunktiv I ("sei", "habe", "gebe") or II ("wäre",
        "hätte", "würde"), read in its context: "er habe" is, "ich habe" is not."""
        return self.tag(index).mood in SUBJUNCTIVE

    def subjunctive_in(self, first: int, last: int) -> list[int]:
        """The finite verbs in Konjunktiv I or II among tokens [first, last)."""
        return [i for i in range(first, last) if self.is_subjunctive(i)]

    # --- chunks -------------------------------------------------------------------------------

    def chunks(self, sentence_index: int) -> list[Chunk]:
        """The noun-phrase chunks of one sentence, in text order."""
        found = self._chunks.get(sentence_index)
        if found is None:
            sentence = self.document.sentences[sentence_index]
            found = find_chunks(self.document, self.sentence_tags(sentence_index),
                                sentence.first, sentence.last,
                                self.tagger.features.vocabulary)
            self._chunks[sentence_index] = found
        return found

    def chunks_in(self, first: int, last: int) -> list[Chunk]:
        """The chunks that lie wholly inside tokens [first, last)."""
        if first >= last:
            return []
        owner = self.document.sentence_of_token
        result = []
        for sentence_index in range(owner[first], owner[last - 1] + 1):
            result += [c for c in self.chunks(sentence_index) if first <= c.start and c.end <= last]
        return result

    def chunk_at(self, index: int) -> Chunk | None:
        """The chunk that covers token `index`, if any."""
        for chunk in self.chunks(self.document.sentence_of_token[index]):
            if chunk.start <= index < chunk.end:
                return chunk
        return None

    def nominative_phrase_in(self, first: int, last: int) -> Chunk | None:
        """The first nominative chunk inside tokens [first, last), with its appositions: in a
        span that ran on past the subject ("Ein Sprecher des Verbands sagte der Agentur"), the
        subject alone ("Ein Sprecher des Verbands")."""
        for chunk in self.chunks_in(first, last):
            if chunk.case == "Nom" and not self._after_preposition(chunk):
                return self.phrase_with_appositions(chunk, last)
        return None

    def phrase_with_appositions(self, chunk: Chunk, last: int | None = None) -> Chunk:
        """`chunk` widened over the chunks in the same case that follow it after a comma or a
        coordinator, up to token `last`: "Der Chef der Feuerwehr, Markus Lenz", "Polizei und
        Feuerwehr"."""
        tokens = self.document.tokens
        sentence = self.document.sentences[self.document.sentence_of_token[chunk.start]]
        stop = sentence.last if last is None else min(last, sentence.last)
        following = {c.start: c for c in self.chunks(sentence.index)}
        end = chunk.end
        while end + 1 < stop:
            joiner = tokens[end].text
            if joiner != "," and joiner not in COORDINATORS:
                break
            extra = following.get(end + 1)
            if extra is None or extra.end > stop or extra.case != chunk.case:
                break
            if self.tag(extra.head).pos in SUBSTANTIVE:
                break  # ", die ...": a relative clause, not an apposition
            end = extra.end
        if end == chunk.end:
            return chunk
        return Chunk(chunk.start, end, chunk.head, chunk.case)

    def _after_preposition(self, chunk: Chunk) -> bool:
        """The chunk is the object of a preposition ("zur APA", "laut der Polizei")."""
        before = chunk.start - 1
        sentence = self.document.sentences[self.document.sentence_of_token[chunk.start]]
        return before >= sentence.first and self.tag(before).pos == ADP


def find_chunks(document: Document, tags: list[Tag], first: int, last: int,
                vocabulary: Vocabulary) -> list[Chunk]:
    """The noun-phrase chunks of tokens [first, last), whose tags are `tags` (from `first`);
    `vocabulary`: the tagger's, for the forms of determiners and the words it knows."""
    finder = _ChunkFinder(document, tags, first, last, vocabulary)
    chunks = []
    i = first
    while i < last:
        if tags[i - first].pos not in CHUNK_STARTS:
            i += 1
            continue
        chunk = finder.chunk_at(i, depth=0)
        if chunk is None:
            i += 1
            continue
        chunks.append(chunk)
        i = chunk.end
    return chunks


class _ChunkFinder:
    def __init__(self, document: Document, tags: list[Tag], first: int, last: int,
                 vocabulary: Vocabulary) -> None:
        self.tokens = document.tokens
        self.determiners = vocabulary.determiners
        self.words = vocabulary.words
        self.tags = tags
        self.first = first
        self.last = last

    def tag(self, i: int) -> Tag:
        return self.tags[i - self.first] if self.first <= i < self.last else NOT_A_CHUNK

    def chunk_at(self, start: int, depth: int) -> Chunk | None:
        tag = self.tag(start)
        if tag.pos in SUBSTANTIVE and not self._opens_phrase(start):
            return Chunk(start, start + 1, start, tag.case)
        i = start
        while i < self.last:
            pos = self.tag(i).pos
            if pos in PRENOMINAL or (i == start and pos in SUBSTANTIVE):
                i += 1
                if pos == NUM and self._number_compound(i):
                    i += 2  # "der 55-Jährige": 55, -, Jährige
            elif pos == ADV and i > start and self.tag(i + 1).pos == ADJ:
                i += 1  # "die sehr alte Brücke"
            else:
                break
        if i > start and i < self.last and self.tokens[i].is_quote:
            quoted = self._quoted_name_end(i)
            if quoted > i:
                chunk = Chunk(start, quoted, quoted - 2, self._case(start, i))
                return self._attributes(chunk, depth)
        nouns = i
        while self.tag(i).pos in NOMINAL and (i == nouns or not self._new_phrase(i, nouns)):
            i += 1
        if i == nouns:
            if i > start and self.tag(i - 1).pos == NOUN:
                nouns = i - 1  # the compound's last part: "55-Jährige"
            else:
                return None
        # the case of the noun next to the determiner: the tagger reads it together with the
        # determiner, while a name after it ("der Bank Austria") often gets a case of its own
        case = self.tag(nouns).case or self._case(start, nouns) or self.tag(i - 1).case
        return self._attributes(Chunk(start, i, i - 1, case), depth)

    def _new_phrase(self, i: int, nouns: int) -> bool:
        """Noun i, after the nouns from `nouns`, opens a phrase of its own: its case differs and
        it is a common word ("dem Manager | Betrug"), not a name whose case the tagger guesses
        from its neighbours ("der Bank Austria")."""
        case = self.tag(i).case
        return (case is not None and case != self.tag(nouns).case
                and self.tokens[i].text.lower() in self.words)

    def _opens_phrase(self, i: int) -> bool:
        """A pronoun tag on a determiner's form right before a noun: "Die USA"."""
        return (self.tokens[i].text.lower() in self.determiners
                and self.tag(i + 1).pos in NOMINAL)

    def _number_compound(self, i: int) -> bool:
        """Tokens i, i + 1 are the hyphen and word of a number compound ("55-Jährige")."""
        return (i + 1 < self.last and self.tokens[i].text == "-"
                and self.tokens[i - 1].end == self.tokens[i].start
                and self.tokens[i].end == self.tokens[i + 1].start)

    def _case(self, start: int, stop: int) -> str | None:
        """The case of the determiners and adjectives before a head without one."""
        return next((self.tag(j).case for j in range(start, stop) if self.tag(j).case), None)

    def _attributes(self, chunk: Chunk, depth: int) -> Chunk:
        end = self._parenthesis_end(chunk.end)
        if depth < 2 and end < self.last:
            following = self.tokens[end].text
            if following in ATTRIBUTE_PREPOSITIONS:
                inner = self.chunk_at(end + 1, depth + 1)
                if inner is not None and self.tag(inner.head).pos in NOMINAL:
                    end = inner.end
            else:
                inner = self.chunk_at(end, depth + 1)
                if (inner is not None and inner.case == "Gen"
                        and self.tag(inner.head).pos in NOMINAL):
                    end = inner.end
        return Chunk(chunk.start, end, chunk.head, chunk.case)

    def _parenthesis_end(self, i: int) -> int:
        """Past a short parenthesis right after the phrase: "Anna Weber (SPD)"."""
        if i < self.last and self.tokens[i].text == "(":
            for j in range(i + 1, min(self.last, i + MAX_PARENTHESIS_TOKENS + 1)):
                if self.tokens[j].text == ")":
                    return j + 1
        return i

    def _quoted_name_end(self, i: int) -> int:
        """Past a quoted name that opens at `i`: 'der „Abendpost“'."""
        for j in range(i + 1, min(self.last, i + MAX_QUOTED_NAME_TOKENS + 2)):
            if self.tokens[j].is_quote:
                inner = range(i + 1, j)
                if inner and self.tokens[i + 1].text[:1].isupper():
                    return j + 1
                return i
        return i
