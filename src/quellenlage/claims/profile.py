"""How similar a statement is to a claim: weighted cosine between the statement's terms and the
claim's profile (its terms with the share of its statements that use each).

A term weighs ln(1 + N / df): N linked statements, df of them with the term, so names and rare
words count, everyday words little. German builds words from words, and the stemmer leaves
derivations apart ("Schließung" / "schließen", "Vertrag" / "Vertragsverlängerung",
"Angriff" / "Hackerangriff"): a term that starts or ends another one (both at least
AFFIX_MIN_LENGTH letters long) matches it at AFFIX_CREDIT.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

AFFIX_MIN_LENGTH = 5
AFFIX_CREDIT = 0.8
PROFILE_TERMS = 64  # the most frequent terms a claim keeps for matching
CONTEXT_TERMS = 60  # the terms of its articles' contexts a claim keeps
CORE_SHARE = 0.75  # of its statements use a core term of a claim

Weight = Callable[[str], float]


def term_weight(statements: int, document_frequency: int) -> float:
    return math.log(1.0 + statements / max(document_frequency, 1))


@lru_cache(maxsize=200_000)
def _affixes(term: str) -> tuple[str, ...]:
    """The proper prefixes and suffixes of `term` that are long enough to match on."""
    if len(term) <= AFFIX_MIN_LENGTH or term[0].isdigit():
        return ()
    return tuple(term[:k] for k in range(AFFIX_MIN_LENGTH, len(term))) + tuple(
        term[-k:] for k in range(AFFIX_MIN_LENGTH, len(term))
    )


@dataclass(frozen=True, slots=True)
class _Vector:
    version: int
    values: dict[str, float]
    norm: float
    core: dict[str, float]  # terms that CORE_SHARE of the statements use, and their weights


@dataclass(slots=True)
class Profile:
    """A claim's terms: how many of its `members` statements contain each."""

    members: int = 0
    terms: dict[str, int] = field(default_factory=dict)
    # What the claim's articles are about (claims.context): each term with the number of the
    # claim's articles whose context holds it; `articles` are those articles' ids.
    context: dict[str, int] = field(default_factory=dict)
    articles: list[int] = field(default_factory=list)
    # The sum of the members' sentence vectors (semantic linking only; claims.semantic).
    meaning: list[float] | None = None
    _affix_index: dict[str, list[str]] | None = None
    # The weighted vector and its norm, for the weights of one batch (`weights_version`).
    _vector: _Vector | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Profile:
        terms = data.get("terms", {})
        assert isinstance(terms, dict)
        members = data.get("members", 0)
        context = data.get("context", {})
        assert isinstance(context, dict)
        articles = data.get("articles", [])
        assert isinstance(articles, list)
        meaning = data.get("meaning")
        return cls(members=int(members) if isinstance(members, int | str) else 0,
                   terms={str(t): int(c) for t, c in terms.items()},
                   context={str(t): int(c) for t, c in context.items()},
                   articles=[int(a) for a in articles],
                   meaning=[float(v) for v in meaning] if isinstance(meaning, list) else None)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "members": self.members, "terms": dict(sorted(self.terms.items()))
        }
        if self.articles:
            data["context"] = dict(sorted(self.context.items()))
            data["articles"] = self.articles
        if self.meaning is not None:
            data["meaning"] = [round(value, 5) for value in self.meaning]
        return data

    def add_meaning(self, vector: Iterable[float]) -> None:
        """Add one member's sentence vector to the sum."""
        values = [float(value) for value in vector]
        if self.meaning is None:
            self.meaning = values
        else:
            self.meaning = [a + b for a, b in zip(self.meaning, values, strict=True)]

    def add_context(self, article_id: int, context: Iterable[str]) -> None:
        """Count the context of one more article of the claim (once per article)."""
        if article_id in self.articles:
            return
        self.articles.append(article_id)
        for term in context:
            self.context[term] = self.context.get(term, 0) + 1
        if len(self.context) > CONTEXT_TERMS:
            kept = sorted(self.context.items(), key=lambda item: (-item[1], item[0]))
            self.context = dict(kept[:CONTEXT_TERMS])

    def add(self, terms: Iterable[str]) -> list[str]:
        """Count one more statement; returns the terms that are new to the profile."""
        self.members += 1
        added = []
        for term in terms:
            if term in self.terms:
                self.terms[term] += 1
            else:
                self.terms[term] = 1
                added.append(term)
        if len(self.terms) > PROFILE_TERMS:
            kept = sorted(self.terms.items(), key=lambda item: (-item[1], item[0]))
            self.terms = dict(kept[:PROFILE_TERMS])
        self._affix_index = None
        self._vector = None
        return [term for term in added if term in self.terms]

    def vector(self, weight: Weight, weights_version: int) -> _Vector:
        """Each term's weight times the share of members with it, its norm, and the core."""
        if self._vector is None or self._vector.version != weights_version:
            members = self.members
            values = {term: weight(term) * count / members for term, count in self.terms.items()}
            core: dict[str, float] = {}
            if members >= 2:
                needed = CORE_SHARE * members
                core = {t: weight(t) for t, count in self.terms.items() if count >= needed}
            self._vector = _Vector(
                weights_version, values, math.sqrt(sum(v * v for v in values.values())), core
            )
        return self._vector

    def affix_index(self) -> dict[str, list[str]]:
        """For each proper prefix or suffix of a profile term, the terms it belongs to."""
        if self._affix_index is None:
            index: dict[str, list[str]] = {}
            for term in self.terms:
                for affix in _affixes(term):
                    index.setdefault(affix, []).append(term)
            self._affix_index = index
        return self._affix_index


@dataclass(frozen=True, slots=True)
class Match:
    similarity: float
    shared: int  # statement terms matched exactly or by affix
    core: float = 1.0  # the weighted share of the claim's core terms the statement matches
    # The statement's shared terms, and those of them that are at least `specific_weight`
    # heavy: names, rare words.
    terms: tuple[str, ...] = ()
    specific: tuple[str, ...] = ()


def similarity(
    terms: Iterable[str], profile: Profile, weight: Weight, weights_version: int = -1,
    specific_weight: float = 0.0,
) -> Match:
    """Cosine between the statement (term weights) and the claim (weight x share of members).
    Callers that compare many statements under unchanged weights pass a `weights_version`, so
    each claim's vector is computed once; -1 computes it afresh. A shared term counts as
    specific when both its own weight and the weight of the claim term it matches reach
    `specific_weight`."""
    if not profile.members or not profile.terms:
        return Match(0.0, 0)
    if weights_version == -1:
        profile._vector = None
    vector = profile.vector(weight, weights_version)
    claim_vector, claim_norm = vector.values, vector.norm
    affixes = profile.affix_index()
    dot = 0.0
    statement_norm = 0.0
    shared: list[str] = []
    specific: list[str] = []
    matched: set[str] = set()  # profile terms the statement matches
    for term in terms:
        own = weight(term)
        statement_norm += own * own
        exact = claim_vector.get(term)
        if exact is not None:
            dot += own * exact
            shared.append(term)
            if own >= specific_weight:
                specific.append(term)
            matched.add(term)
            continue
        # The term inside a longer profile term, or a profile term inside this one.
        related = list(affixes.get(term, ()))
        related.extend(affix for affix in _affixes(term) if affix in claim_vector)
        if related:
            dot += AFFIX_CREDIT * own * max(claim_vector[other] for other in related)
            shared.append(term)
            # "Hackerangriff" is specific, "Angriff" inside it is not: the lighter side counts.
            if min(own, *(weight(other) for other in related)) >= specific_weight:
                specific.append(term)
            matched.update(related)
    if not dot:
        return Match(0.0, len(shared), 0.0, tuple(shared), tuple(specific))
    return Match(
        dot / (math.sqrt(statement_norm) * claim_norm), len(shared),
        _core_share(vector.core, matched), tuple(shared), tuple(specific),
    )


def _core_share(core: dict[str, float], matched: set[str]) -> float:
    """How much of the claim's core - the terms most of its statements use, once it has two or
    more - the statement matches, by weight (1.0 without a core)."""
    total = sum(core.values())
    if not total:
        return 1.0
    return sum(value for term, value in core.items() if term in matched) / total
