"""The labelled set (data/claims_testset/) and pairwise precision and recall of claim linking.

Each labelled statement becomes an attribution of a hand-made article (one article per
`article` value, its statements in file order), so that linking runs exactly as on ingested
news: stored, then linked by `link_claims`. Pairwise scores count pairs of statements: a pair
linked into one claim is right when both carry the same gold claim.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from quellenlage.archive import Archive, ArticleMeta
from quellenlage.archive.records import content_hash, parse_datetime
from quellenlage.archive.schema import articles, attributions, claim_statements
from quellenlage.claims.linker import LinkSettings, link_claims
from quellenlage.model import Article, Attribution, Medium, Part, QuoteType, Source
from quellenlage.resources import data_path

TESTSET = ("claims_testset", "statements.jsonl")


@dataclass(frozen=True, slots=True)
class LabelledStatement:
    id: str
    claim: str
    article: str
    outlet: str
    published: str
    source: str
    kind: str
    stance: str
    quote: str
    responds_to: str | None = None


@dataclass(frozen=True, slots=True)
class PairScores:
    precision: float
    recall: float
    true_pairs: int  # gold pairs
    linked_pairs: int
    correct_pairs: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_testset() -> list[LabelledStatement]:
    text = data_path(*TESTSET).read_text(encoding="utf-8")
    return [LabelledStatement(**json.loads(line)) for line in text.splitlines() if line.strip()]


def build_articles(
    statements: Sequence[LabelledStatement],
) -> list[tuple[Article, ArticleMeta, list[str]]]:
    """One analysed article per `article` id: its text, its metadata, its statement ids."""
    grouped: dict[str, list[LabelledStatement]] = {}
    for statement in statements:
        grouped.setdefault(statement.article, []).append(statement)
    built = []
    for article_id, members in grouped.items():
        text = ""
        made: list[Attribution] = []
        positions = {member.id: index for index, member in enumerate(members)}
        for member in members:
            sentence_start = len(text) + (1 if text else 0)
            text += (" " if text else "") + f"{member.source} sagte, {member.quote}."
            speaker_end = sentence_start + len(member.source)
            cue_start = speaker_end + 1
            quote_start = cue_start + len("sagte, ")
            quote = Part.from_spans(text, [(quote_start, quote_start + len(member.quote))])
            assert quote is not None
            made.append(
                Attribution(
                    type=QuoteType.INDIRECT,
                    medium=Medium.SPEECH,
                    quote=quote,
                    speaker=Part.from_spans(text, [(sentence_start, speaker_end)]),
                    cue=Part.from_spans(text, [(cue_start, cue_start + len("sagte"))]),
                    source=Source(name=member.source, kind=member.kind,
                                  mentions=((sentence_start, speaker_end),)),
                    stance=member.stance,
                    responds_to=positions[member.responds_to] if member.responds_to else None,
                )
            )
        first = members[0]
        meta = ArticleMeta(
            url=f"https://nachrichten.example/{article_id}",
            outlet=first.outlet,
            title=f"Bericht {article_id}",
            published=parse_datetime(first.published),
            language="de",
        )
        built.append((Article(text=text, attributions=made), meta, [m.id for m in members]))
    return built


def pair_scores(gold: Mapping[str, str], predicted: Mapping[str, int]) -> PairScores:
    """Pairwise precision and recall of a clustering against gold labels."""
    true_pairs = linked_pairs = correct_pairs = 0
    for first, second in itertools.combinations(sorted(gold), 2):
        same_gold = gold[first] == gold[second]
        same_claim = predicted[first] == predicted[second]
        true_pairs += same_gold
        linked_pairs += same_claim
        correct_pairs += same_gold and same_claim
    return PairScores(
        precision=correct_pairs / linked_pairs if linked_pairs else 1.0,
        recall=correct_pairs / true_pairs if true_pairs else 1.0,
        true_pairs=true_pairs,
        linked_pairs=linked_pairs,
        correct_pairs=correct_pairs,
    )


def store_testset(archive: Archive, statements: Sequence[LabelledStatement]) -> dict[int, str]:
    """Store the labelled articles; returns the labelled id of each stored attribution id."""
    by_attribution: dict[int, str] = {}
    built = build_articles(statements)
    for article, meta, _ids in built:
        archive.add(article, meta)
    hashes = {content_hash(article.text): ids for article, _, ids in built}
    with archive.engine.connect() as connection:
        rows = connection.execute(
            select(attributions.c.id, attributions.c.position, articles.c.content_hash).join(
                articles, articles.c.id == attributions.c.article_id
            )
        )
        for attribution_id, position, digest in rows:
            if digest in hashes:
                by_attribution[int(attribution_id)] = hashes[digest][position]
    return by_attribution


def evaluate(archive: Archive, settings: LinkSettings | None = None) -> PairScores:
    """Store the labelled set in an empty archive, link it and score the claims."""
    statements = load_testset()
    labelled = store_testset(archive, statements)
    link_claims(archive.engine, settings)
    with archive.engine.connect() as connection:
        links = {
            int(attribution): int(claim)
            for attribution, claim in connection.execute(
                select(claim_statements.c.attribution_id, claim_statements.c.claim_id)
            )
        }
    gold = {statement.id: statement.claim for statement in statements}
    predicted = {labelled[attribution]: int(claim) for attribution, claim in links.items()}
    return pair_scores(gold, predicted)


def sweep(thresholds: Iterable[float]) -> list[tuple[float, PairScores]]:
    """Scores at each threshold, each on a fresh in-memory archive (for choosing THRESHOLD)."""
    results = []
    for threshold in thresholds:
        with Archive("sqlite://") as archive:
            results.append((threshold, evaluate(archive, LinkSettings(threshold=threshold))))
    return results
