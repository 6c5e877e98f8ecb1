"""Token features for the two taggers: one over the whole article (where are quotations?) and one
over a window around each quotation (who said it, with which cue, in which frame?).

Features are plain strings, as crfsuite wants them. The per-word part (word, suffixes, shape,
learned cue and reported-speech leanings) depends on the word alone and is cached per vocabulary,
so an article costs little more than a list concatenation per token.
"""

from __future__ import annotations

from dataclasses import dataclass

from quellenlage.text import Document
from quellenlage.text.tokens import CLOSING_QUOTES, OPENING_QUOTES

from .vocabulary import Vocabulary

NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
DOUBLE_OPENERS = frozenset('„»“"')
DOUBLE_CLOSERS = frozenset('“”«"')
GERMAN_OPENERS = frozenset("„»")
NEIGHBOUR_TAGS = frozenset({"sv", "nc", "subj", "rep", "svpt"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")"})
CLAUSE_OPENERS = {"dass": "D", "ob": "D", "wie": "W"}
_WORD_CACHE_LIMIT = 200_000


def word_shape(word: str) -> str:
    """A coarse shape: Xx, x, X, d, q (quotation mark), or the punctuation itself."""
    if word in OPENING_QUOTES or word in CLOSING_QUOTES:
        return "q"
    if word.isdigit():
        return "d"
    if word.isalpha():
        if word.isupper() and len(word) > 1:
            return "X"
        return "Xx" if word[0].isupper() else "x"
    if any(char.isalnum() for char in word):
        return "Xx-" if word[0].isupper() else "x-"
    return word[:2]


def bucket(distance: int) -> str:
    if distance <= 3:
        return str(distance)
    if distance <= 6:
        return "4-6"
    if distance <= 12:
        return "7-12"
    return "13+"


class WordFeatures:
    """Cached per-word features: the token's own, and the ones it gives its neighbours."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self._own: dict[str, tuple[str, ...]] = {}
        self._neighbour: dict[str, tuple[tuple[str, ...], ...]] = {}

    def own(self, word: str) -> tuple[str, ...]:
        cached = self._own.get(word)
        if cached is not None:
            return cached
        lower = word.lower()
        shape = word_shape(word)
        features = ["w=" + lower, "s3=" + lower[-3:], "s2=" + lower[-2:], "sh=" + shape]
        if len(lower) > 4:
            features.append("p4=" + lower[:4])
        cue = self.vocabulary.cue_level(lower)
        if cue:
            features.append("cue=" + cue)
        lean = self.vocabulary.lean_level(lower)
        if lean:
            features.append("lean=" + lean)
        features.extend("lx=" + tag for tag in self.vocabulary.lexicon_tags(lower))
        result = tuple(features)
        if len(self._own) < _WORD_CACHE_LIMIT:
            self._own[word] = result
        return result

    def neighbour(self, word: str) -> tuple[tuple[str, ...], ...]:
        """For each offset in NEIGHBOUR_OFFSETS, the features `word` gives a token there."""
        cached = self._neighbour.get(word)
        if cached is not None:
            return cached
        lower = word.lower()
        shape = word_shape(word)
        cue = self.vocabulary.cue_level(lower)
        lean = self.vocabulary.lean_level(lower)
        tags = [tag for tag in self.vocabulary.lexicon_tags(lower) if tag in NEIGHBOUR_TAGS
                or tag.startswith(("fw=", "pc="))]
        per_offset = []
        for offset in NEIGHBOUR_OFFSETS:
            features = [f"{offset}w={lower}", f"{offset}sh={shape}"]
            if cue:
                features.append(f"{offset}cue={cue}")
            if lean:
                features.append(f"{offset}lean={lean}")
            features.extend(f"{offset}lx={tag}" for tag in tags)
            per_offset.append(tuple(features))
        result = tuple(per_offset)
        if len(self._neighbour) < _WORD_CACHE_LIMIT:
            self._neighbour[word] = result
        return result


@dataclass(slots=True)
class QuoteMarks:
    """Where quotation marks open and close, and which tokens they enclose."""

    inside: list[bool]
    segment_length: list[int]  # tokens in the enclosing quoted segment, 0 outside


def quote_marks(document: Document) -> QuoteMarks:
    """Pair opening and closing double quotation marks; an unclosed one ends at a paragraph."""
    tokens = document.tokens
    count = len(tokens)
    inside = [False] * count
    length = [0] * count
    paragraph_of = [document.sentences[s].paragraph for s in document.sentence_of_token]
    open_at: int | None = None
    for index, token in enumerate(tokens):
        text = token.text
        if open_at is not None and paragraph_of[open_at] != paragraph_of[index]:
            open_at = None
        if open_at is None:
            if text in DOUBLE_OPENERS:
                open_at = index
        elif text in DOUBLE_CLOSERS:
            for inner in range(open_at, index + 1):
                inside[inner] = True
                length[inner] = index - open_at - 1
            open_at = None
        elif text in GERMAN_OPENERS:
            open_at = index
    return QuoteMarks(inside, length)


class ArticleFeatures:
    """The features of one article's tokens, computed once and shared by both taggers."""

    def __init__(self, document: Document, words: WordFeatures) -> None:
        self.document = document
        tokens = document.tokens
        self.count = len(tokens)
        texts = [token.text for token in tokens]
        vocabulary = words.vocabulary
        lowers = [text.lower() for text in texts]
        tags = [vocabulary.lexicon_tags(lower) for lower in lowers]
        self.preposition = ["pc=before" in t or "pc=after" in t for t in tags]
        self.cue = [
            vocabulary.cue_level(lower) == "hi" or "sv" in t or self.preposition[i]
            for i, (lower, t) in enumerate(zip(lowers, tags, strict=True))
        ]
        self.lean = [
            vocabulary.lean_level(lower) == "hi" or "subj" in t
            for lower, t in zip(lowers, tags, strict=True)
        ]
        self.marks = quote_marks(document)
        self.sentence_of = document.sentence_of_token
        self.clause = self._clause_features(lowers)
        self.base = [self._token_features(index, texts, words) for index in range(self.count)]

    def _clause_features(self, lowers: list[str]) -> list[tuple[str, ...]]:
        """Each token's clause (between commas, colons, brackets) and its neighbours' flags:
        C a cue, P a prepositional cue, K a subjunctive, D opens with dass/ob, W with wie,
        Q quotation marks. "X sagte, dass ..." and "..., sagte X" differ right here."""
        result: list[tuple[str, ...]] = [()] * self.count
        for sentence in self.document.sentences:
            clauses: list[tuple[int, int]] = []
            start = sentence.first
            for index in range(sentence.first, sentence.last):
                if lowers[index] in CLAUSE_BREAKS:
                    if index > start:
                        clauses.append((start, index))
                    start = index + 1
            if start < sentence.last:
                clauses.append((start, sentence.last))
            flags = [self._clause_flags(first, last, lowers) for first, last in clauses]
            for number, (first, last) in enumerate(clauses):
                before = flags[number - 1] if number > 0 else "^"
                after = flags[number + 1] if number + 1 < len(clauses) else "$"
                own = flags[number]
                position = "last" if number == len(clauses) - 1 else str(min(number, 2))
                features = (
                    "cl=" + own, "clp=" + before, "cln=" + after,
                    f"clx={before}|{own}|{after}", "clpos=" + position,
                )
                for index in range(first, last):
                    result[index] = features
            for index in range(sentence.first, sentence.last):
                if not result[index]:
                    result[index] = ("cl=break",)
        return result

    def _clause_flags(self, first: int, last: int, lowers: list[str]) -> str:
        flags = ""
        if any(self.cue[first:last]):
            flags += "C"
        if any(self.preposition[first:last]):
            flags += "P"
        if any(self.lean[first:last]):
            flags += "K"
        opener = CLAUSE_OPENERS.get(lowers[first])
        if opener:
            flags += opener
        if any(self.marks.inside[first:last]):
            flags += "Q"
        return flags or "-"

    def _token_features(self, index: int, texts: list[str], words: WordFeatures) -> list[str]:
        features = list(words.own(texts[index]))
        features.extend(self.clause[index])
        for slot, offset in enumerate(NEIGHBOUR_OFFSETS):
            other = index + offset
            if 0 <= other < self.count:
                features.extend(words.neighbour(texts[other])[slot])
            else:
                features.append(f"{offset}w=<pad>")
        return features

    def quote_items(self) -> list[list[str]]:
        """Features for the article-wide quotation tagger."""
        document = self.document
        items: list[list[str]] = []
        previous_summary: list[str] = ["ps=none"]
        marks = self.marks
        for sentence in document.sentences:
            first, last = sentence.first, sentence.last
            cues = [i for i in range(first, last) if self.cue[i]]
            lean = any(self.lean[first:last])
            has_marks = any(marks.inside[first:last])
            summary = []
            summary.append("scue" if cues else "snocue")
            if lean:
                summary.append("slean")
            if has_marks:
                summary.append("smarks")
            if marks.inside[first]:
                summary.append("sstartq")
            if first > 0 and document.sentences[sentence.index - 1].paragraph != sentence.paragraph:
                summary.append("parstart")
            combined = "|".join(summary)
            for index in range(first, last):
                features = list(self.base[index])
                features.extend(summary)
                features.append("sc=" + combined)
                features.extend(previous_summary)
                position = index - first
                if position < 2:
                    features.append(f"spos={position}")
                if index == last - 1:
                    features.append("slast")
                if marks.inside[index]:
                    features.append("inq")
                    features.append("qlen=" + bucket(marks.segment_length[index]))
                left = [c for c in cues if c < index]
                right = [c for c in cues if c > index]
                if left:
                    features.append("cueL=" + bucket(index - left[-1]))
                    if any(document.tokens[j].text == "," for j in range(left[-1], index)):
                        features.append("cueL,")
                if right:
                    features.append("cueR=" + bucket(right[0] - index))
                if self.cue[index]:
                    features.append("iscue")
                items.append(features)
            previous_summary = ["p" + feature for feature in summary]
        return items

    def role_items(
        self,
        window: range,
        quote_tokens: frozenset[int],
        quote_type: str,
        previous_speaker: frozenset[int],
    ) -> list[list[str]]:
        """Features for the role tagger over `window`, relative to one quotation."""
        first_quote = min(quote_tokens)
        last_quote = max(quote_tokens)
        quote_sentence = self.sentence_of[first_quote]
        last_sentence = self.sentence_of[last_quote]
        items: list[list[str]] = []
        marks = self.marks
        for index in window:
            features = list(self.base[index])
            sentence = self.sentence_of[index]
            if index in quote_tokens:
                relation = "in"
            elif index < first_quote:
                relation = "before"
            elif index > last_quote:
                relation = "after"
            else:
                relation = "gap"
            if sentence < quote_sentence:
                sentence_relation = f"s-{min(quote_sentence - sentence, 4)}"
            elif sentence > last_sentence:
                sentence_relation = f"s+{min(sentence - last_sentence, 4)}"
            else:
                sentence_relation = "s0"
            distance = (
                first_quote - index if index < first_quote
                else index - last_quote if index > last_quote else 0
            )
            features.append("rel=" + relation)
            features.append("srel=" + sentence_relation)
            features.append("d=" + bucket(distance))
            features.append(f"t={quote_type}|{relation}")
            features.append(f"ts={quote_type}|{sentence_relation}")
            features.append(f"rd={relation}|{bucket(distance)}")
            if marks.inside[index]:
                features.append("inq")
            if self.cue[index]:
                features.append("iscue|" + relation + "|" + sentence_relation)
            if index in previous_speaker:
                features.append("prevspk")
                features.append("prevspk|" + quote_type)
            items.append(features)
        return items
