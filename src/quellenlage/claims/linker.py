"""Linking: every stored statement that is not linked yet joins the claim it makes, or founds one.

The linker is its own step after `ingest` and works incrementally: it reads unlinked statements
in id order, in batches, and commits each batch with its claims, links and counts in one
transaction; a second run finds nothing to do and changes nothing. For each statement:

1. a statement that answers another one of its article (`responds_to`, set by the stance step:
   "Der Kreml wies das zurück") joins that statement's claim when it has an answer's evidence
   for it (`response_threshold`, `response_min_shared`): the stance step may point at the wrong
   statement, and a trusted pointer joined answers to neighbouring claims of their story;
2. otherwise candidates come from an inverted index (table claim_terms) looked up with the
   statement's rarest terms only, so that work per statement stays bounded in an archive of
   millions; the most promising candidates are compared (profile.similarity) and the best one
   that passes takes the statement. An assertion must reach `threshold`, share `min_shared`
   terms (two when both are rare in the archive: `rare_pair_count`) and match the claim's
   core; a denial or confirmation answers a claim made before and
   needs less similarity (`response_threshold`, `response_min_shared`; a denial or
   non-confirmation with words of its own also `response_min_core`). Both must also share
   something specific and come from the same story, because on real news a phrase or a topic
   is shared far more often than a claim:
   - `min_specific` of the shared terms are specific: in at most `specific_share` of the linked
     statements (names, rare words), not "Entscheidung", "treffen", "Jahre";
   - a name of several words counts once, for `min_shared` and `min_specific` alike: "Champions
     League gewinnen" is one name and one verb (claims.terms.claim_terms_and_names);
   - a statement of another article joins only when its article is about what the claim's
     articles are about: their contexts (each article's most telling terms, claims.context)
     share `min_context` of their weight;
   - an assertion that gives figures joins a claim that gives figures only when they share one
     (`figures_must_agree`): 5,500 arrivals on Wednesday are not 7,300 on Sunday; "12.000",
     "12 000" and "zwölftausend" are one figure (claims.terms);
   - its article was published within `max_days` of the claim's first and last statement: the
     same words a year later report another event;
   - an assertion that names a report or claim ("Die Berichte sind falsch", "diese Angaben")
     answers it, whatever stance its cue gave: it joins with an answer's evidence
     (`report_answers`);
   - with semantic linking (`semantic`, the optional extra, claims.semantic) a statement whose
     sentence vector is close to the claim's (`semantic_threshold`) joins with fewer shared
     words (`semantic_min_specific` specific ones), all other rules still applying - the
     claim's core too: meaning stands in for shared words, not for what the claim's
     statements have in common (sentences of one story are close whatever they claim) - and
     the vector's locality-sensitive keys look up candidates in the same index as terms;
3. with no such claim the statement founds a claim of its own, which later statements may join.

Stance never splits a claim: a denial shares the claim's terms because stance words are no
terms (claims.terms). The thresholds were chosen on the labelled set in data/claims_testset/
(claims.evaluation; `sweep()` prints the trade-off) and on the multi-article claims of the
10kGNAD archive judged by hand (most shared claims there were look-alikes before these rules).
"""

from __future__ import annotations

import heapq
import math
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import Any, Protocol

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    distinct,
    exists,
    func,
    insert,
    select,
    tuple_,
)
from sqlalchemy.dialects import postgresql, sqlite

from quellenlage.archive.database import writing
from quellenlage.archive.schema import (
    articles,
    attributions,
    claim_statements,
    claim_term_counts,
    claim_terms,
    claims,
    spans,
)
from quellenlage.claims import semantic
from quellenlage.claims.context import (
    article_context,
    article_words,
    common_count,
    context_overlap,
)
from quellenlage.claims.profile import Match, Profile, similarity, term_weight
from quellenlage.claims.terms import claim_terms_and_names, message_without
from quellenlage.model import QuoteType
from quellenlage.stance.cues import stance_lexicon

THRESHOLD = 0.4
RESPONSE_THRESHOLD = 0.2
MIN_CORE = 0.7
TOTAL = ""  # the claim_term_counts row that holds the number of linked statements
CHUNK = 400
OWN_CONTENT = 3  # terms from which an answer says enough of its own to match a claim's core
ADVISORY_LOCK = 7_201_126  # PostgreSQL: one linker at a time per database


@dataclass(frozen=True, slots=True)
class LinkSettings:
    threshold: float = THRESHOLD
    # Denials and confirmations answer a claim made before: they need less evidence to join it.
    response_threshold: float = RESPONSE_THRESHOLD
    # Terms an assertion must share with a claim: one name is a topic, two everyday words
    # ("Entscheidung treffen", "ums Leben gekommen") are a phrase, not a claim. A name of
    # several words ("Champions League", "Bad Radkersburg") counts as one.
    min_shared: int = 3
    response_min_shared: int = 2
    # ... unless both shared things are rare: each in at most `rare_pair_count` (or, in a
    # large archive, `rare_pair_share`) of the linked statements. Two rare words together
    # ("Raketenangriff" and "Feldlager", "Radiotest" and "Erhebungsfehler") are a claim; two
    # everyday words are a phrase. Chosen on unseen news: 10kGNAD test (1,028 articles) and
    # WikiNews train (700), where 8 adds one shared claim, a right one, 12 five (one a
    # look-alike, one doubtful), 16-20 more look-alikes; news-claims link recall 0.040 -> 0.046
    # at precision 0.762 -> 0.787. None: always `min_shared`.
    rare_pair_count: int | None = 8
    rare_pair_share: float = 0.0005
    # ... and match less of the claim's core. A denial or non-confirmation with words of its
    # own (OWN_CONTENT terms or more) must match `response_min_core` of it: on real news it
    # often answers a neighbouring proposition of the same story ("who did it" beside "who
    # ordered it"); one that names the reports it answers ("wies Berichte über ... zurück"), a
    # confirmation, which restates the claim in its own words, and a short answer ("Das
    # stimmt nicht") need not. Chosen on the news-claims dev set and the
    # labelled set (precision 0.747 and 0.956, recall 0.035 and 0.644).
    response_min_core: float = 0.3
    core_stances: tuple[str, ...] = ("deny", "not_confirm")
    # Of the shared terms, this many must be specific - in at most `specific_share` of the
    # linked statements: names and rare words, not "Entscheidung", "treffen", "Jahre". A phrase
    # of everyday words is no claim. In a young archive term counts say little: up to
    # `specific_floor` statements a term is specific anyway.
    min_specific: int = 2
    specific_share: float = 0.003
    specific_floor: int = 20
    # A statement of another article joins a claim only when its article is about what the
    # claim's articles are about (claims.context): the share of context weight they share.
    min_context: float = 0.1
    # An assertion that gives figures, joining a claim that gives figures, must share one: 5,500
    # refugees arriving on Wednesday are another report than 7,300 on Sunday.
    figures_must_agree: bool = True
    # An assertion must match this share of what all statements of a claim have in common: the
    # hostages set free are not the ceasefire, though both name Israel, Hamas and Gaza.
    min_core: float = MIN_CORE
    # A statement joins a claim only when its article appeared within this many days of the
    # claim's first and last statement: news of one event is close in time, and the same words
    # a year later are another event. None: no limit.
    max_days: int | None = 60
    # An assertion that names a report or claim ("Berichte über ...", "diese Angaben") answers
    # it, whatever stance the cue gave it: it joins with the evidence a denial needs.
    report_answers: bool = True
    # Meaning (claims.semantic, the optional `semantic` extra): a statement whose sentence
    # vector is at least `semantic_threshold` similar to a claim's joins it with fewer shared
    # words - `semantic_min_specific` specific ones, in the same story, figures and dates
    # agreeing, the claim's core matched as by words - and vector neighbours are looked up as
    # candidates.
    semantic: bool = False
    # Chosen on the news-claims dev set (0.90-0.95, 1-2 specific terms): sentences of one
    # story score 0.88-0.92 whatever they claim, so lower thresholds merge claims of a story.
    semantic_threshold: float = 0.92
    semantic_min_specific: int = 2
    batch_size: int = 2000
    rare_terms: int = 6  # a statement's rarest terms that look up candidates
    rare_share: float = 0.002  # terms in more of the linked statements are not looked up ...
    rare_floor: int = 50  # ... unless in at most this many
    candidates: int = 20  # claims compared per statement, the most promising first


@dataclass(slots=True)
class LinkSummary:
    statements: int = 0  # linked in this run
    new_claims: int = 0
    joined: int = 0  # joined a claim by similarity
    responses: int = 0  # joined the claim of the statement they answer
    compared: int = 0  # statement-to-claim comparisons (at most `candidates` a statement)
    seconds: float = 0.0
    claims_total: int = 0
    shared_claims: int = 0  # claims made in at least two articles

    @property
    def rate(self) -> float:
        return self.statements / self.seconds if self.seconds > 0 else 0.0

    def lines(self) -> list[str]:
        if not self.statements:
            return ["nothing to link: every statement belongs to a claim already"]
        return [
            f"{self.statements} statements linked in {self.seconds:.1f} s "
            f"({self.rate:,.0f} statements/s)",
            f"{self.joined} joined a claim by their words, {self.responses} as responses, "
            f"{self.new_claims} made a new claim",
            f"archive: {self.claims_total} claims, {self.shared_claims} of them in two or more "
            "articles",
        ]


class Progress(Protocol):
    """What the linker reports to (the ingest's progress hook fits)."""

    def start(self, total: int | None) -> None: ...

    def advance(self, count: int = 1) -> None: ...


@cache
def responding_stances() -> frozenset[str]:
    return frozenset(stance_lexicon().rules["responding"])


def count_unlinked(connection: Connection) -> int:
    linked = exists().where(claim_statements.c.attribution_id == attributions.c.id)
    query = select(func.count()).select_from(attributions).where(~linked)
    return int(connection.scalar(query) or 0)


def link_claims(
    engine: Engine, settings: LinkSettings | None = None, progress: Progress | None = None
) -> LinkSummary:
    """Link every unlinked statement; returns what was done."""
    settings = settings or LinkSettings()
    summary = LinkSummary()
    started = time.perf_counter()
    with engine.connect() as connection:
        total = count_unlinked(connection)
    if progress is not None:
        progress.start(total)
    cursor = 0
    while True:
        with writing(engine).begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(select(func.pg_advisory_xact_lock(ADVISORY_LOCK)))
            rows = _unlinked(connection, cursor, settings.batch_size)
            if not rows:
                break
            _Batch(connection, settings, rows, summary).run()
        cursor = rows[-1]["id"]
        if progress is not None:
            progress.advance(len(rows))
    summary.seconds = time.perf_counter() - started
    with engine.connect() as connection:
        summary.claims_total = int(connection.scalar(select(func.count()).select_from(claims)) or 0)
        summary.shared_claims = int(
            connection.scalar(select(func.count()).where(claims.c.article_count >= 2)) or 0
        )
    return summary


def _unlinked(connection: Connection, cursor: int, limit: int) -> list[Any]:
    linked = exists().where(claim_statements.c.attribution_id == attributions.c.id)
    query = (
        select(
            attributions.c.id,
            attributions.c.article_id,
            attributions.c.position,
            attributions.c.type,
            attributions.c.quote_text,
            attributions.c.stance,
            attributions.c.responds_to,
        )
        .where(attributions.c.id > cursor, ~linked)
        .order_by(attributions.c.id)
        .limit(limit)
    )
    return list(connection.execute(query).mappings())


def _messages(connection: Connection, rows: Sequence[Any]) -> dict[int, str]:
    """The message of each statement whose speaker, cue or frame stands inside its quote
    ("Der Zug hat laut Bahn Verspätung", "Die Schule bleibt, wie die Direktorin mitteilte,
    geschlossen"), without them: the source's name is not part of what it claims. An act told
    without its words (Reported: "Die Bahn wies Berichte über ihre Pläne zurück") keeps its
    speaker: the whole sentence is what is told, and its speaker is often what it is about."""
    wanted = {row["id"] for row in rows if row["type"] != QuoteType.REPORTED}
    if not wanted:
        return {}
    found: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    query = (
        select(spans.c.attribution_id, spans.c.role, spans.c.start, spans.c.end)
        .where(
            spans.c.attribution_id >= rows[0]["id"],
            spans.c.attribution_id <= rows[-1]["id"],
            spans.c.role.in_(("quote", "speaker", "cue", "frame")),
        )
    )
    for attribution_id, role, start, end in connection.execute(query):
        if attribution_id not in wanted:
            continue
        quote_spans, holes = found.setdefault(attribution_id, ([], []))
        (quote_spans if role == "quote" else holes).append((start, end))
    messages = {}
    for row in rows:
        quote_spans, holes = found.get(row["id"], ([], []))
        if quote_spans and holes:
            messages[row["id"]] = message_without(row["quote_text"], quote_spans, holes)
    return messages


@dataclass(slots=True)
class _Claim:
    key: int  # the claim's id; negative for a claim made in this batch
    profile: Profile
    label: str
    label_id: int
    label_is_response: bool
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    changed: bool = False

    def near(self, moment: datetime | None, days: int | None) -> bool:
        """Whether `moment` lies within `days` of the claim's first and last statement."""
        if days is None or moment is None or self.first_seen is None or self.last_seen is None:
            return True
        return _within(moment, self.first_seen, self.last_seen, days)

    def seen(self, moment: datetime | None) -> None:
        if moment is None:
            return
        self.first_seen = moment if self.first_seen is None else min(self.first_seen, moment)
        self.last_seen = moment if self.last_seen is None else max(self.last_seen, moment)


@dataclass(slots=True)
class _Statement:
    id: int
    article_id: int
    position: int
    quote: str
    message: str  # the quote without the speaker and cue inside it ("hat laut X ...")
    stance: str | None
    responds_to: int | None
    terms: frozenset[str]
    names: tuple[frozenset[str], ...]  # groups of terms that form one name of several words
    names_report: bool = False  # "Berichte über ...", "diese Angaben": it answers a claim
    # Its article's publication date; unknown (None) for an article without one: the day it
    # was ingested says nothing about the event.
    seen: datetime | None = None
    rare: list[str] = field(default_factory=list)  # what it looks candidates up with
    vector: Any = None  # its sentence vector (semantic linking only)
    band_keys: list[str] = field(default_factory=list)

    def units(self, terms: Iterable[str]) -> int:
        """How many things these terms of the statement name: a name of several words is one."""
        left = set(terms)
        units = 0
        for name in self.names:
            if left & name:
                units += 1
                left -= name
        return units + len(left)


class _Batch:
    """One transaction: link a batch of statements and write what changed."""

    def __init__(
        self, connection: Connection, settings: LinkSettings, rows: Sequence[Any],
        summary: LinkSummary,
    ) -> None:
        self.connection = connection
        self.settings = settings
        self.summary = summary
        self.statements = []
        messages = _messages(connection, rows)
        for row in rows:
            message = messages.get(row["id"], row["quote_text"])
            terms, names = claim_terms_and_names(message)
            self.statements.append(_Statement(
                id=row["id"], article_id=row["article_id"], position=row["position"],
                quote=row["quote_text"], message=message, stance=row["stance"],
                responds_to=row["responds_to"], terms=terms, names=names,
                names_report=names_report(message),
            ))
        if settings.semantic:
            vectors = semantic.embed([statement.message for statement in self.statements])
            for statement, vector in zip(self.statements, vectors, strict=True):
                statement.vector = vector
                statement.band_keys = semantic.band_keys(vector)
        self.contexts: dict[int, frozenset[str]] = {}  # article id -> its context
        self.article_dates: dict[int, datetime | None] = {}
        # First and last seen of the stored claims in the index's answers (the time window).
        self.claim_dates: dict[int, tuple[datetime | None, datetime | None]] = {}
        self.df: dict[str, int] = {}
        self.weights: dict[str, float] = {}  # fixed within a batch
        self.linked_total = 0
        self._specific_weight = 0.0
        self._rare_pair_cap: float | None = None
        self.claims: dict[int, _Claim] = {}
        self.batch_postings: dict[str, set[int]] = {}  # terms new to claims in this batch
        self.new_postings: set[tuple[str, int]] = set()
        self.links: list[tuple[int, int, float]] = []  # (attribution, claim key, similarity)
        self.claim_of_position: dict[tuple[int, int], int] = {}

    def weight(self, term: str) -> float:
        value = self.weights.get(term)
        if value is None:
            value = self.weights[term] = term_weight(self.linked_total, self.df.get(term, 1))
        return value

    @property
    def specific_weight(self) -> float:
        settings = self.settings
        cutoff = max(settings.specific_floor, settings.specific_share * self.linked_total)
        return term_weight(self.linked_total, math.floor(cutoff))

    def match(self, statement: _Statement, claim: _Claim) -> Match:
        return similarity(
            statement.terms, claim.profile, self.weight, self.linked_total, self._specific_weight
        )

    def run(self) -> None:
        self._count_terms()
        self._load_contexts()
        db_candidates = self._candidates_from_index()
        answered = self._answered_claims()
        self._load_claims(
            {key for ranked in db_candidates for key, _ in ranked} | set(answered.values())
        )
        for statement, candidates in zip(self.statements, db_candidates, strict=True):
            self._link(statement, candidates, answered)
        self._write()

    # Term statistics

    def _count_terms(self) -> None:
        counts = Counter(term for statement in self.statements for term in statement.terms)
        counts[TOTAL] = len(self.statements)
        table = claim_term_counts
        dialect_insert = postgresql.insert if self.connection.dialect.name == "postgresql" else (
            sqlite.insert
        )
        upsert = dialect_insert(table)
        upsert = upsert.on_conflict_do_update(
            index_elements=[table.c.term],
            set_={"statements": table.c.statements + upsert.excluded.statements},
        )
        rows = [{"term": term, "statements": count} for term, count in sorted(counts.items())]
        self.connection.execute(upsert, rows)
        self._load_df(counts)
        self.linked_total = self.df[TOTAL]
        self._specific_weight = self.specific_weight
        settings = self.settings
        self._rare_pair_cap = (
            None if settings.rare_pair_count is None
            else max(settings.rare_pair_count, settings.rare_pair_share * self.linked_total)
        )

    def _load_df(self, terms: Iterable[str]) -> None:
        wanted = sorted(set(terms) - self.df.keys())
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            query = select(claim_term_counts.c.term, claim_term_counts.c.statements).where(
                claim_term_counts.c.term.in_(chunk)
            )
            self.df.update({term: int(count) for term, count in self.connection.execute(query)})

    def _load_contexts(self) -> None:
        """The context of each article of the batch (claims.context)."""
        wanted = sorted({statement.article_id for statement in self.statements})
        words: dict[int, Any] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            query = select(
                articles.c.id, articles.c.title, articles.c.text, articles.c.published
            ).where(articles.c.id.in_(chunk))
            for article_id, title, text, seen in self.connection.execute(query):
                words[int(article_id)] = article_words(f"{title or ''}\n{text}")
                self.article_dates[int(article_id)] = seen
        self._load_df({term for counts in words.values() for term in counts})
        common = common_count(self.linked_total)

        def is_common(term: str) -> bool:
            return self.df.get(term, 0) > common

        self.contexts = {
            article_id: article_context(counts, self.weight, is_common)
            for article_id, counts in words.items()
        }
        for statement in self.statements:
            statement.seen = self.article_dates.get(statement.article_id)

    # Candidates

    def _candidates_from_index(self) -> list[list[tuple[int, float]]]:
        """For each statement, the stored claims most likely to be its claim."""
        settings = self.settings
        cap = max(settings.rare_floor, int(settings.rare_share * self.linked_total))
        for statement in self.statements:
            rare = sorted(
                (term for term in statement.terms if self.df.get(term, 1) <= cap),
                key=lambda term: (self.df.get(term, 1), term),
            )
            statement.rare = rare[: settings.rare_terms] + statement.band_keys
        wanted = sorted({term for statement in self.statements for term in statement.rare})
        postings: dict[str, list[int]] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            query = (
                select(claim_terms.c.term, claim_terms.c.claim_id, claims.c.first_seen,
                       claims.c.last_seen)
                .join(claims, claims.c.id == claim_terms.c.claim_id)
                .where(claim_terms.c.term.in_(chunk))
            )
            for term, claim_id, first_seen, last_seen in self.connection.execute(query):
                postings.setdefault(term, []).append(int(claim_id))
                self.claim_dates[int(claim_id)] = (first_seen, last_seen)
        return [
            self._ranked(statement.rare, postings, statement.seen)
            for statement in self.statements
        ]

    def _ranked(
        self, terms: Iterable[str], postings: dict[str, Any], seen: datetime | None = None
    ) -> list[tuple[int, float]]:
        """The claims posted under these terms with the weight of the terms they share, the
        heaviest first; a claim outside the time window of a statement seen then is no
        candidate (its profile is not even read)."""
        scores: Counter[int] = Counter()
        days = self.settings.max_days
        for term in terms:
            weight = self.weight(term)
            for key in postings.get(term, ()):
                if seen is not None and days is not None and not self._near(key, seen, days):
                    continue
                scores[key] += weight
        return _top(scores, self.settings.candidates)

    def _near(self, key: int, seen: datetime, days: int) -> bool:
        claim = self.claims.get(key)
        if claim is not None:
            return claim.near(seen, days)
        first_seen, last_seen = self.claim_dates.get(key, (None, None))
        if first_seen is None or last_seen is None:
            return True
        return _within(seen, first_seen, last_seen, days)

    def _answered_claims(self) -> dict[tuple[int, int], int]:
        """Claims of stored statements that statements of this batch answer."""
        wanted = sorted({
            (statement.article_id, statement.responds_to)
            for statement in self.statements
            if statement.responds_to is not None
        })
        found: dict[tuple[int, int], int] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            query = (
                select(attributions.c.article_id, attributions.c.position,
                       claim_statements.c.claim_id)
                .join(claim_statements,
                      claim_statements.c.attribution_id == attributions.c.id)
                .where(tuple_(attributions.c.article_id, attributions.c.position).in_(chunk))
            )
            for article_id, position, claim_id in self.connection.execute(query):
                found[(int(article_id), int(position))] = int(claim_id)
        return found

    def _load_claims(self, keys: set[int]) -> None:
        wanted = sorted(keys - self.claims.keys())
        profile_terms: set[str] = set()
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            query = (
                select(claims.c.id, claims.c.profile, claims.c.label,
                       claims.c.label_attribution_id, attributions.c.stance,
                       claims.c.first_seen, claims.c.last_seen)
                .join(attributions, attributions.c.id == claims.c.label_attribution_id)
                .where(claims.c.id.in_(chunk))
            )
            for row in self.connection.execute(query):
                profile = Profile.from_json(row.profile)
                profile_terms.update(profile.terms)
                profile_terms.update(profile.context)
                self.claims[int(row.id)] = _Claim(
                    key=int(row.id), profile=profile, label=row.label,
                    label_id=int(row.label_attribution_id),
                    label_is_response=row.stance in responding_stances(),
                    first_seen=row.first_seen, last_seen=row.last_seen,
                )
        self._load_df(profile_terms)

    # Linking

    def _link(
        self, statement: _Statement, candidates: list[tuple[int, float]],
        answered: dict[tuple[int, int], int],
    ) -> None:
        chosen: _Claim | None = None
        score = 0.0
        if statement.responds_to is not None:
            place = (statement.article_id, statement.responds_to)
            key = self.claim_of_position.get(place, answered.get(place))
            if key is not None and key in self.claims:
                match = self.match(statement, self.claims[key])
                # "Das ist falsch" joins what it answers; a statement with words of its own
                # must share one of them (the stance step may point at the wrong statement).
                # The answered statement's claim comes first, with the evidence any answer needs:
                # the stance step may point at the wrong statement, and trusting it for answers
                # without words of their own ("Das ist falsch") joined answers to neighbouring
                # claims of their story on news-claims (link precision 0.747 -> 0.720).
                if (match.shared >= self.settings.response_min_shared
                        and match.similarity >= self.settings.response_threshold):
                    chosen, score = self.claims[key], match.similarity
                    self.summary.responses += 1
        if chosen is None:
            chosen, score = self._best(statement, candidates)
            if chosen is not None:
                self.summary.joined += 1
        if chosen is None:
            key = -(len(self.claims) + 1)
            chosen = _Claim(key, Profile(), statement.quote, statement.id,
                            statement.stance in responding_stances())
            self.claims[key] = chosen
            score = 1.0
            self.summary.new_claims += 1
        self._join(chosen, statement, score)

    def _best(
        self, statement: _Statement, candidates: list[tuple[int, float]]
    ) -> tuple[_Claim | None, float]:
        # Stored claims from the index and claims of this batch, ranked together: at most
        # `candidates` comparisons a statement, however large the archive.
        scores: Counter[int] = Counter(dict(candidates))
        for key, score in self._ranked(statement.rare, self.batch_postings, statement.seen):
            scores[key] += score
        keys = [key for key, _ in _top(scores, self.settings.candidates)]
        self.summary.compared += len(keys)
        best: _Claim | None = None
        best_score = 0.0
        responding = statement.stance in responding_stances() or (
            self.settings.report_answers and statement.names_report
        )
        threshold = (
            self.settings.response_threshold if responding else self.settings.threshold
        )
        min_shared = (
            self.settings.response_min_shared if responding else self.settings.min_shared
        )
        settings = self.settings
        # The share of the claim's core the statement must match, by its words or its meaning
        # alike: meaning stands in for shared words, not for the core.
        min_core = (
            settings.min_core if not responding
            else settings.response_min_core if (
                len(statement.terms) >= OWN_CONTENT
                and statement.stance in settings.core_stances
                and not statement.names_report
            )
            else 0.0
        )
        for key in keys:
            claim = self.claims[key]
            if not claim.near(statement.seen, settings.max_days):
                continue
            match = self.match(statement, claim)
            meaning = (
                semantic.cosine(statement.vector, claim.profile.meaning)
                if statement.vector is not None else 0.0
            )
            needed = min(min_shared, 2) if self._rare_pair(statement, match) else min_shared
            by_words = (
                match.shared >= needed
                and match.similarity >= threshold
                and match.core >= min_core
                and statement.units(match.terms) >= needed
                and statement.units(match.specific) >= settings.min_specific
            )
            by_meaning = (
                meaning >= settings.semantic_threshold
                and statement.units(match.specific) >= settings.semantic_min_specific
                and match.core >= min_core
            )
            score = match.similarity + meaning
            if (
                (by_words or by_meaning)
                and score > best_score
                and (
                    responding or not settings.figures_must_agree
                    or not _other_figures(statement.terms, claim.profile)
                )
                and self._same_story(statement, claim)
            ):
                best, best_score = claim, score
        return best, best_score

    def _rare_pair(self, statement: _Statement, match: Match) -> bool:
        """Whether the statement shares two things with the claim, both rare in the archive."""
        cap = self._rare_pair_cap
        return (
            cap is not None
            and statement.units(match.terms) == 2
            and all(self.df.get(term, 1) <= cap for term in match.terms)
        )

    def _same_story(self, statement: _Statement, claim: _Claim) -> bool:
        """Whether the statement's article is about what the claim's articles are about."""
        profile = claim.profile
        if not profile.articles or statement.article_id in profile.articles:
            return True
        context = self.contexts.get(statement.article_id, frozenset())
        overlap = context_overlap(context, profile.context.keys(), self.weight)
        return overlap >= self.settings.min_context

    def _join(self, claim: _Claim, statement: _Statement, score: float) -> None:
        claim.profile.add_context(
            statement.article_id, self.contexts.get(statement.article_id, frozenset())
        )
        new_terms = claim.profile.add(statement.terms)
        if statement.vector is not None:
            claim.profile.add_meaning(statement.vector)
            new_terms.extend(statement.band_keys)
        for term in new_terms:
            self.batch_postings.setdefault(term, set()).add(claim.key)
            self.new_postings.add((term, claim.key))
        claim.changed = True
        claim.seen(statement.seen)
        statement_is_response = statement.stance in responding_stances()
        if claim.label_is_response and not statement_is_response:
            # A claim is best named by someone making it, not by a denial of it.
            claim.label, claim.label_id = statement.quote, statement.id
            claim.label_is_response = False
        self.links.append((statement.id, claim.key, round(score, 4)))
        self.claim_of_position[(statement.article_id, statement.position)] = claim.key
        self.summary.statements += 1

    # Writing

    def _write(self) -> None:
        connection = self.connection
        new = [claim for claim in self.claims.values() if claim.key < 0]
        ids: dict[int, int] = {}
        if new:
            rows = [
                {
                    "label": claim.label,
                    "label_attribution_id": claim.label_id,
                    "statement_count": 0,
                    "article_count": 0,
                    "source_count": 0,
                    "profile": claim.profile.to_json(),
                }
                for claim in new
            ]
            returned = _insert_returning_ids(connection, rows)
            ids = {claim.key: int(claim_id) for claim, claim_id in zip(new, returned, strict=True)}
        changed = [claim for claim in self.claims.values() if claim.key > 0 and claim.changed]
        if changed:
            connection.execute(
                claims.update()
                .where(claims.c.id == bindparam("claim_key"))
                .values(
                    profile=bindparam("new_profile"),
                    label=bindparam("new_label"),
                    label_attribution_id=bindparam("new_label_id"),
                ),
                [
                    {
                        "claim_key": claim.key,
                        "new_profile": claim.profile.to_json(),
                        "new_label": claim.label,
                        "new_label_id": claim.label_id,
                    }
                    for claim in changed
                ],
            )

        def claim_id(key: int) -> int:
            return ids[key] if key < 0 else key

        connection.execute(
            insert(claim_statements),
            [
                {"attribution_id": attribution, "claim_id": claim_id(key), "similarity": score}
                for attribution, key, score in self.links
            ],
        )
        if self.new_postings:
            dialect_insert = (
                postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
            )
            connection.execute(
                dialect_insert(claim_terms).on_conflict_do_nothing(),
                [
                    {"term": term, "claim_id": claim_id(key)}
                    for term, key in sorted(self.new_postings)
                ],
            )
        touched = sorted({claim_id(key) for _, key, _ in self.links})
        refresh_counts(connection, touched)


# Words before a response noun that point back to a report made before ("diese Angaben", "die
# Berichte"; a singular "der Bericht" is more often a source), and words after it that say what
# the report is about ("Berichte über ...", "Meldungen, wonach").
POINTING_BACK = (
    "die", "den", "diese", "dieser", "diesen", "solche", "solchen", "derartige", "derartigen",
    "jene", "jenen", "entsprechende", "entsprechenden", "angebliche", "angeblichen",
)
ABOUT = ("über", "zu", "von", "wonach", "dass")


@cache
def _report_pattern() -> re.Pattern[str]:
    nouns = sorted(stance_lexicon().rules["response_nouns"], key=len, reverse=True)
    noun = "|".join(re.escape(word) for word in nouns)
    before = "|".join(POINTING_BACK)
    after = "|".join(ABOUT)
    return re.compile(
        rf"\b(?:(?i:{before})\s+(?:{noun})\b|(?:{noun}),?\s+(?:{after})\b)"
    )


def names_report(quote: str) -> bool:
    """Whether a message names a report or claim it answers: a response noun of the stance
    lexicon pointed back to ("die Berichte", "solche Behauptungen") or with what it is about
    ("Die Berichte über ... sind falsch", "Meldungen, wonach ..."); "der Bericht zeige" is a
    source, not an answer."""
    return _report_pattern().search(quote) is not None


def _within(moment: datetime, first: datetime, last: datetime, days: int) -> bool:
    """Whether `moment` lies within `days` before `first` to `days` after `last`. Differences of
    dates, not dates moved by the window: a bogus date (year 1 or 9999 from a broken feed) is
    far from every claim, not an overflow."""
    window = timedelta(days=days)
    return first - moment <= window and moment - last <= window


def _top(scores: Counter[int], count: int) -> list[tuple[int, float]]:
    return heapq.nsmallest(count, scores.items(), key=lambda item: (-item[1], item[0]))


def _figures(terms: Iterable[str]) -> set[str]:
    return {term for term in terms if term[:1].isdigit()}


def _other_figures(terms: Iterable[str], profile: Profile) -> bool:
    """Whether statement and claim both give figures but none the same."""
    own = _figures(terms)
    if not own:
        return False
    claimed = _figures(profile.terms)
    return bool(claimed) and not own & claimed


def _insert_returning_ids(connection: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Insert claims, returning their ids in the order of `rows`."""
    if connection.dialect.name == "sqlite":
        # The linker holds SQLite's write lock since BEGIN IMMEDIATE: numbering the rows here
        # sends them in one executemany (RETURNING in parameter order sends one statement a row).
        first = (connection.execute(select(func.max(claims.c.id))).scalar() or 0) + 1
        ids = list(range(first, first + len(rows)))
        connection.execute(
            insert(claims), [{**row, "id": row_id} for row, row_id in zip(rows, ids, strict=True)]
        )
        return ids
    statement = insert(claims).returning(claims.c.id, sort_by_parameter_order=True)
    return [int(row[0]) for row in connection.execute(statement, rows)]


def refresh_counts(connection: Connection, claim_ids: Sequence[int]) -> None:
    """Recount statements, articles, sources and the first and last day of these claims, in one
    UPDATE ... FROM per chunk of claims."""
    seen = func.coalesce(articles.c.published, articles.c.ingested_at)
    for start in range(0, len(claim_ids), CHUNK):
        chunk = claim_ids[start : start + CHUNK]
        counted = (
            select(
                claim_statements.c.claim_id,
                func.count().label("statements"),
                # A wire copy printed by several outlets counts as one article.
                func.count(
                    distinct(func.coalesce(articles.c.duplicate_of, articles.c.id))
                ).label("articles"),
                func.count(distinct(attributions.c.source_id)).label("sources"),
                func.min(seen).label("first_seen"),
                func.max(seen).label("last_seen"),
            )
            .select_from(
                claim_statements.join(
                    attributions, attributions.c.id == claim_statements.c.attribution_id
                ).join(articles, articles.c.id == attributions.c.article_id)
            )
            .where(claim_statements.c.claim_id.in_(chunk))
            .group_by(claim_statements.c.claim_id)
            .subquery()
        )
        connection.execute(
            claims.update()
            .where(claims.c.id == counted.c.claim_id)
            .values(
                statement_count=counted.c.statements,
                article_count=counted.c.articles,
                source_count=counted.c.sources,
                first_seen=counted.c.first_seen,
                last_seen=counted.c.last_seen,
            )
        )
