"""Token features for the two taggers: one over the whole article (where are quotations?) and one
over a window around each quotation (who said it, with which cue, in which frame?).

Features are strings, as crfsuite wants them. The per-word part (word, suffixes, shape, learned
cue and reported-speech leanings) depends on the word alone and is cached per vocabulary, so an
article costs little more than a list concatenation per token. The cached features, and the clause
features every token of a clause shares, are kept as UTF-8 bytes, which crfsuite takes as they are:
a str it encodes anew each time a token is tagged (in the article, and again in every quotation
window the token falls in).
"""

from __future__ import annotations

from dataclasses import dataclass

from quellenlage.model import Attribution
from quellenlage.text import Document, Sentence
from quellenlage.text.tokens import CLOSING_QUOTES, OPENING_QUOTES

from .labels import covered_tokens
from .vocabulary import Vocabulary

NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
# each offset's feature prefix, and whether it is a next neighbour (which also gets shape and tags)
_NEIGHBOUR_PREFIXES = tuple((str(offset), abs(offset) == 1) for offset in NEIGHBOUR_OFFSETS)
DOUBLE_OPENERS = frozenset('„»“"')
DOUBLE_CLOSERS = frozenset('“”«"')
GERMAN_OPENERS = frozenset("„»")
NEIGHBOUR_TAGS = frozenset({"sv", "nc", "subj", "rep", "svpt"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")"})
CLAUSE_OPENERS = {"dass": "D", "ob": "D", "wie": "W"}
_WORD_CACHE_LIMIT = 200_000
Feature = str | bytes  # crfsuite takes either (see above)


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


FAR = 12  # bucket() puts every distance beyond this into one bucket


def bucketed(prefix: str) -> tuple[str, ...]:
    """`prefix` + the bucket of each distance, to index with min(distance, FAR + 1): the
    feature strings of the loops that run for every token, built once."""
    return tuple(prefix + bucket(distance) for distance in range(FAR + 2))


BUCKETS = bucketed("")
_CUE_AFTER = bucketed("cd=+")
_CUE_BEFORE = bucketed("cd=-")
_CUE_LEFT = bucketed("cueL=")
_CUE_RIGHT = bucketed("cueR=")
_QUOTE_LENGTH = bucketed("qlen=")


@dataclass(slots=True, eq=False)
class WordEntry:
    """What one word contributes: its own features, those it lends each neighbour offset,
    and the flags the sentence and clause features are built from.

    Not frozen (a frozen dataclass pays for every field it sets, and an article brings dozens
    of new words); entries are shared through the cache and never changed."""

    lower: str
    shape: str
    own: tuple[bytes, ...]
    neighbour: tuple[tuple[bytes, ...], ...]
    cue: bool
    lean: bool
    preposition: bool


class WordFeatures:
    """Per-word features, cached: words repeat, so most tokens cost one dictionary lookup.

    `known`: the attributes the models have weights for (None while training). Tagging ignores
    all others, so they are dropped here once per word instead of being handed to the tagger
    with every token: a tenth of all features, mostly rare words and their neighbours."""

    def __init__(self, vocabulary: Vocabulary, known: frozenset[str] | None = None) -> None:
        self.vocabulary = vocabulary
        self.known = known
        self._cache: dict[str, WordEntry] = {}

    def entries(self, words: list[str]) -> list[WordEntry]:
        cache = self._cache
        return [cache.get(word) or self.entry(word) for word in words]

    def entry(self, word: str) -> WordEntry:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        vocabulary = self.vocabulary
        lower = word.lower()
        shape = word_shape(word)
        cue = vocabulary.cue_level(lower)
        lean = vocabulary.lean_level(lower)
        tags = vocabulary.lexicon_tags(lower)
        lent = []  # what the word lends every neighbour besides itself
        if cue:
            lent.append("cue=" + cue)
        if lean:
            lent.append("lean=" + lean)
        own = ["w=" + lower, "s3=" + lower[-3:], "sh=" + shape, *lent]
        near = ["sh=" + shape]  # what it lends its next neighbours besides
        if tags:
            own += ["lx=" + tag for tag in tags]
            near += [
                "lx=" + tag for tag in tags
                if tag in NEIGHBOUR_TAGS or tag.startswith(("fw=", "pc="))
            ]
        known = self.known
        per_offset = []
        for prefix, next_to in _NEIGHBOUR_PREFIXES:
            features = [prefix + "w=" + lower]
            if lent:
                features += [prefix + feature for feature in lent]
            if next_to:
                features += [prefix + feature for feature in near]
            per_offset.append(_encoded(features, known))
        preposition = "pc=before" in tags or "pc=after" in tags
        result = WordEntry(
            lower=lower,
            shape=shape,
            own=_encoded(own, known),
            neighbour=tuple(per_offset),
            cue=cue == "hi" or "sv" in tags or preposition,
            lean=lean == "hi" or "subj" in tags,
            preposition=preposition,
        )
        if len(self._cache) < _WORD_CACHE_LIMIT:
            self._cache[word] = result
        return result



def _encoded(features: list[str], known: frozenset[str] | None) -> tuple[bytes, ...]:
    """The features the models know (all of them while training), as UTF-8."""
    return tuple([feature.encode() for feature in features if known is None or feature in known])


_PAD_ENTRY = WordEntry(
    lower="",
    shape="",
    own=(),
    neighbour=tuple((f"{offset}w=<pad>".encode(),) for offset in NEIGHBOUR_OFFSETS),
    cue=False,
    lean=False,
    preposition=False,
)


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


@dataclass(slots=True)
class RuleTokens:
    """The tokens of one rule-engine attribution, by role."""

    type: str
    medium: str
    quote: list[int]
    roles: dict[int, str]  # token -> letters of its roles: F frame, S speaker, C cue, A addressee


def rule_tokens(document: Document, attribution: Attribution) -> RuleTokens:
    roles: dict[int, str] = {}
    for role, letter in (("frame", "F"), ("speaker", "S"), ("cue", "C"), ("addressee", "A")):
        for index in covered_tokens(document, getattr(attribution, role)):
            roles[index] = roles.get(index, "") + letter
    return RuleTokens(
        str(attribution.type), str(attribution.medium),
        covered_tokens(document, attribution.quote), roles,
    )


class ArticleFeatures:
    """The features of one article's tokens, computed once and shared by both taggers.

    `rules`: what the rule engine found in the article; its quotations and roles are features
    (stacking), so the taggers learn where to trust the rules and where to overrule them."""

    def __init__(
        self, document: Document, words: WordFeatures, rules: list[Attribution] | None = None
    ) -> None:
        self.document = document
        self.rules = [rule_tokens(document, attribution) for attribution in rules or []]
        tokens = document.tokens
        self.count = len(tokens)
        entries = words.entries([token.text for token in tokens])
        self.lowers = lowers = [entry.lower for entry in entries]
        self.preposition = [entry.preposition for entry in entries]
        self.cue = [entry.cue for entry in entries]
        self.shapes = [entry.shape for entry in entries]
        self.lean = [entry.lean for entry in entries]
        self.marks = quote_marks(document)
        self.sentence_of = document.sentence_of_token
        self.clause = self._clause_features(lowers)
        self.base = self._base_features(entries)
        self.cue_distance = self._cue_distances()
        self.cue_shape = [
            f"cds={distance}|{shape}"
            for distance, shape in zip(self.cue_distance, self.shapes, strict=True)
        ]
        self.rule_quote, self.rule_roles = self._rule_features()
        # which rule attributions quote each token: best_rule looks only at those
        self.rules_at: dict[int, list[int]] = {}
        for number, found in enumerate(self.rules):
            for index in found.quote:
                self.rules_at.setdefault(index, []).append(number)

    def _rule_features(self) -> tuple[list[str], list[str]]:
        """Per token: the rule engine's quotation label (B-/I-type), and its role letters."""
        quote = [""] * self.count
        roles = [""] * self.count
        for found in self.rules:
            for number, index in enumerate(found.quote):
                if not quote[index]:
                    quote[index] = ("B-" if number == 0 else "I-") + found.type
            for index, letters in found.roles.items():
                roles[index] = "".join(sorted(set(roles[index] + letters)))
        return quote, roles

    def best_rule(self, quote_tokens: frozenset[int]) -> RuleTokens | None:
        """The rule-engine attribution whose quotation overlaps `quote_tokens` most."""
        overlaps: dict[int, int] = {}
        for index in quote_tokens:
            for number in self.rules_at.get(index, ()):
                overlaps[number] = overlaps.get(number, 0) + 1
        if not overlaps:
            return None
        # the most overlap, and of equals the earliest, as a scan in text order would pick
        number = max(sorted(overlaps), key=lambda n: overlaps[n])
        return self.rules[number]

    def _clause_features(self, lowers: list[str]) -> list[tuple[bytes, ...]]:
        """Each token's clause (between commas, colons, brackets) and its neighbours' flags:
        C a cue, P a prepositional cue, K a subjunctive, D opens with dass/ob, W with wie,
        Q quotation marks. "X sagte, dass ..." and "..., sagte X" differ right here."""
        result: list[tuple[bytes, ...]] = [()] * self.count
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
                    f"cl={own}".encode(),
                    f"clx={before}|{own}|{after}".encode(),
                    f"clpos={position}".encode(),
                )
                for index in range(first, last):
                    result[index] = features
            for index in range(sentence.first, sentence.last):
                if not result[index]:
                    result[index] = (b"cl=break",)
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

    def _cue_distances(self) -> list[str]:
        """Each token's signed distance to the nearest cue of its sentence ("X sagte": -1)."""
        result = ["cd=none"] * self.count
        cue = self.cue
        for sentence in self.document.sentences:
            first, last = sentence.first, sentence.last
            # the nearest cue at or after each token; of two equally near, the earlier one wins
            after: list[int | None] = [None] * (last - first)
            following: int | None = None
            for index in range(last - 1, first - 1, -1):
                if cue[index]:
                    following = index
                after[index - first] = following
            preceding: int | None = None
            for index in range(first, last):
                if cue[index]:
                    preceding = index
                following = after[index - first]
                if preceding is not None and (
                    following is None or index - preceding <= following - index
                ):
                    result[index] = _CUE_AFTER[min(index - preceding, FAR + 1)]
                elif following is not None:
                    result[index] = _CUE_BEFORE[min(following - index, FAR + 1)]
        return result

    def _base_features(self, entries: list[WordEntry]) -> list[list[Feature]]:
        """Each token's own, clause and neighbour features (two pad entries at either end)."""
        padded = [_PAD_ENTRY, _PAD_ENTRY, *entries, _PAD_ENTRY, _PAD_ENTRY]
        clause = self.clause
        return [
            [
                *entry.own,
                *clause[index],
                *padded[index].neighbour[0],
                *padded[index + 1].neighbour[1],
                *padded[index + 3].neighbour[2],
                *padded[index + 4].neighbour[3],
            ]
            for index, entry in enumerate(entries)
        ]

    def _sentence_summary(self, sentence: Sentence) -> str:
        """What a sentence holds (a cue, subjunctive, quotation marks, a rule's quotation)."""
        first, last = sentence.first, sentence.last
        marks = self.marks
        summary = ["scue" if any(self.cue[first:last]) else "snocue"]
        if any(self.lean[first:last]):
            summary.append("slean")
        if any(marks.inside[first:last]):
            summary.append("smarks")
        if marks.inside[first]:
            summary.append("sstartq")
        sentences = self.document.sentences
        if first > 0 and sentences[sentence.index - 1].paragraph != sentence.paragraph:
            summary.append("parstart")
        if any(self.rule_quote[first:last]):
            summary.append("srq")
        return "|".join(summary)

    def quote_items(self, sentences: range | None = None) -> list[list[Feature]]:
        """Features for the article-wide quotation tagger: of the tokens of `sentences`
        (sentence numbers; all by default)."""
        document = self.document
        tokens = document.tokens
        items: list[list[Feature]] = []
        if sentences is None:
            sentences = range(len(document.sentences))
        previous = "psc=none"
        if sentences.start > 0:
            previous = "psc=" + self._sentence_summary(document.sentences[sentences.start - 1])
        marks = self.marks
        cue_flags = self.cue
        rule_quote = self.rule_quote
        rule_roles = self.rule_roles
        for sentence in document.sentences[sentences.start : sentences.stop]:
            first, last = sentence.first, sentence.last
            combined = self._sentence_summary(sentence)
            shared = ("sc=" + combined, previous)
            # distance to the nearest cue on the right, filled from the sentence end
            right: list[str | None] = [None] * (last - first)
            next_cue: int | None = None
            for index in range(last - 1, first - 1, -1):
                if next_cue is not None:
                    right[index - first] = _CUE_RIGHT[min(next_cue - index, FAR + 1)]
                if cue_flags[index]:
                    next_cue = index
            last_cue: int | None = None
            comma_since_cue = False
            for index in range(first, last):
                features = self.base[index] + list(shared)
                position = index - first
                if position < 2:
                    features.append(f"spos={position}")
                if index == last - 1:
                    features.append("slast")
                if marks.inside[index]:
                    features.append("inq")
                    features.append(_QUOTE_LENGTH[min(marks.segment_length[index], FAR + 1)])
                if last_cue is not None:
                    features.append(_CUE_LEFT[min(index - last_cue, FAR + 1)])
                    if comma_since_cue:
                        features.append("cueL,")
                cue_right = right[position]
                if cue_right is not None:
                    features.append(cue_right)
                if cue_flags[index]:
                    features.append("iscue")
                    last_cue = index
                    comma_since_cue = False
                elif tokens[index].text == ",":
                    comma_since_cue = True
                if rule_quote[index]:
                    features.append("rq=" + rule_quote[index])
                    features.append("rqt=" + rule_quote[index][2:])
                if rule_roles[index]:
                    features.append("rr=" + rule_roles[index])
                items.append(features)
            previous = "psc=" + combined
        return items

    def role_items(
        self,
        window: range,
        quote_tokens: frozenset[int],
        quote_type: str,
        previous_speaker: frozenset[int],
    ) -> list[list[Feature]]:
        """Features for the role tagger over `window`, relative to one quotation."""
        first_quote = min(quote_tokens)
        last_quote = max(quote_tokens)
        quote_sentence = self.sentence_of[first_quote]
        last_sentence = self.sentence_of[last_quote]
        items: list[list[Feature]] = []
        rule = self.best_rule(quote_tokens)
        rule_roles = rule.roles if rule is not None else {}
        # bound once: this loop runs for every token of every window
        base, sentence_of, other_roles = self.base, self.sentence_of, self.rule_roles
        cue_distance, cue_shape, lowers = self.cue_distance, self.cue_shape, self.lowers
        inside, cue = self.marks.inside, self.cue
        # the features of a token's place relative to the quotation repeat along the window:
        # built once per combination
        sentence_relations: dict[int, str] = {}
        placed: dict[tuple[str, str, str], tuple[str, ...]] = {}
        cue_relations: dict[tuple[str, str], str] = {}
        for index in window:
            features = list(base[index])
            letters = rule_roles.get(index)
            if letters:
                features.append("r=" + letters)
                features.extend("r" + letter for letter in letters)
            elif other_roles[index]:
                features.append("ro=" + other_roles[index])
            sentence = sentence_of[index]
            if index in quote_tokens:
                relation = "in"
            elif index < first_quote:
                relation = "before"
            elif index > last_quote:
                relation = "after"
            else:
                relation = "gap"
            sentence_relation = sentence_relations.get(sentence)
            if sentence_relation is None:
                if sentence < quote_sentence:
                    sentence_relation = f"s-{min(quote_sentence - sentence, 4)}"
                elif sentence > last_sentence:
                    sentence_relation = f"s+{min(sentence - last_sentence, 4)}"
                else:
                    sentence_relation = "s0"
                sentence_relations[sentence] = sentence_relation
            distance = (
                first_quote - index if index < first_quote
                else index - last_quote if index > last_quote else 0
            )
            distance_bucket = BUCKETS[min(distance, FAR + 1)]
            to_cue = cue_distance[index]
            cue_relation = cue_relations.get((to_cue, relation))
            if cue_relation is None:
                cue_relation = cue_relations[to_cue, relation] = f"cdr={to_cue}|{relation}"
            features.append(to_cue)
            features.append(cue_relation)
            features.append(cue_shape[index])
            features.append("rel=" + relation)
            if relation != "in" and distance <= 6:
                # the words right next to a quotation: "sagte er", "so die Polizei"
                features.append(f"near={relation}|{lowers[index]}")
            key = (relation, sentence_relation, distance_bucket)
            place = placed.get(key)
            if place is None:
                place = placed[key] = (
                    "srel=" + sentence_relation,
                    "d=" + distance_bucket,
                    f"t={quote_type}|{relation}",
                    f"ts={quote_type}|{sentence_relation}",
                    f"rd={relation}|{distance_bucket}",
                )
            features.extend(place)
            if inside[index]:
                features.append("inq")
            if cue[index]:
                features.append("iscue|" + relation + "|" + sentence_relation)
            if index in previous_speaker:
                features.append("prevspk")
                features.append("prevspk|" + quote_type)
            items.append(features)
        return items
