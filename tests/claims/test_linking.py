"""Linking stored statements into claims, incrementally, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from quellenlage.archive import Archive, ArticleMeta
from quellenlage.archive.schema import (
    attributions,
    claim_statements,
    claim_term_counts,
    claim_terms,
    claims,
)
from quellenlage.claims import LinkSettings
from quellenlage.claims.evaluation import build_articles
from quellenlage.errors import InputError
from quellenlage.model import Article, QuoteType
from quellenlage.pipeline import analyze
from tests.claims.conftest import CLAIM, LATER, OTHER, said, store


def claim_of(archive: Archive) -> dict[str, int]:
    """The claim id of each statement, by its quote's first words."""
    with archive.engine.connect() as connection:
        rows = connection.execute(
            select(attributions.c.quote_text, claim_statements.c.claim_id).join(
                claim_statements, claim_statements.c.attribution_id == attributions.c.id
            )
        ).all()
    return {quote[:30]: claim_id for quote, claim_id in rows}


def snapshot(archive: Archive) -> list[list[tuple[object, ...]]]:
    with archive.engine.connect() as connection:
        return [
            sorted(tuple(row) for row in connection.execute(select(table)))
            for table in (claims, claim_statements, claim_terms, claim_term_counts)
        ]


def test_a_claim_its_denial_and_criticism_are_one_claim_and_other_news_is_not(
    archive: Archive,
) -> None:
    store(archive, CLAIM + OTHER)
    summary = archive.link_claims()
    assert summary.statements == 5
    found = claim_of(archive)
    water = {found[s.quote[:30]] for s in CLAIM}
    assert len(water) == 1
    assert found[OTHER[0].quote[:30]] not in water
    assert found[OTHER[1].quote[:30]] not in water
    listed = archive.claims()
    assert [claim.id for claim in listed] == list(water)
    claim = listed[0]
    assert claim.label == CLAIM[0].quote  # the assertion names the claim, not the denial
    assert (claim.statements, claim.articles, claim.source_count) == (3, 3, 3)
    assert claim.stances == {"assert": 1, "criticise": 1, "deny": 1}
    assert claim.first_seen == datetime(2025, 3, 3)
    assert claim.last_seen == datetime(2025, 3, 5)
    assert set(claim.sources) == {"Mieterbund Kassel", "Stadtwerke Kassel",
                                  "Oberbürgermeister Sven Krüger"}


class Counted:
    """A progress hook that remembers what it was told."""

    def __init__(self) -> None:
        self.total: int | None = None
        self.done = 0

    def start(self, total: int | None) -> None:
        self.total = total

    def advance(self, count: int = 1) -> None:
        self.done += count


def test_linking_is_incremental_and_a_second_run_changes_nothing(archive: Archive) -> None:
    store(archive, CLAIM + OTHER)
    progress = Counted()
    archive.link_claims(progress=progress)
    assert (progress.total, progress.done) == (5, 5)
    before = snapshot(archive)
    assert archive.link_claims().statements == 0
    assert snapshot(archive) == before

    store(archive, LATER)
    progress = Counted()
    summary = archive.link_claims(progress=progress)
    assert (progress.total, progress.done) == (2, 2)
    assert summary.statements == 2  # only the new ones
    assert summary.new_claims == 0
    assert summary.responses == 1  # the criticism answers the confirmation
    claim = archive.claims()[0]
    assert (claim.statements, claim.articles) == (5, 4)
    assert claim.last_seen == datetime(2025, 4, 10)
    assert claim.stances["confirm"] == 1
    timeline = archive.claim(claim.id)
    assert [entry.stance for entry in timeline.entries] == [
        "assert", "deny", "criticise", "confirm", "criticise"
    ]
    assert timeline.entries[1].outlet == "Nordhessen Online"
    assert timeline.entries[1].source == "Stadtwerke Kassel"
    assert timeline.entries[-1].quote.endswith("ist unverschämt")
    after = snapshot(archive)
    assert archive.link_claims().statements == 0
    assert snapshot(archive) == after


def test_filters_narrow_the_claims(archive: Archive) -> None:
    store(archive, CLAIM + LATER + OTHER)
    archive.link_claims()
    water = archive.claims()[0].id
    assert [c.id for c in archive.claims("Wasserpreis")] == [water]
    assert archive.claims("Ladesäulen") == []  # a claim of one article is not listed ...
    assert len(archive.claims("Ladesäulen", min_articles=1)) == 1  # ... unless asked for
    assert [c.id for c in archive.claims(source="krüger")] == [water]
    assert [c.id for c in archive.claims(stance="deny")] == [water]
    assert archive.claims(stance="question") == []
    assert [c.id for c in archive.claims(since="2025-04-01")] == [water]
    assert archive.claims(until="2025-03-01") == []
    assert archive.claims(since="2025-05-01") == []


def test_an_unknown_claim_is_a_clear_error(archive: Archive) -> None:
    with pytest.raises(InputError, match="no claim with id 4711"):
        archive.claim(4711)


def test_small_batches_link_like_one_batch(archive: Archive) -> None:
    # Batches of two statements take the stored-claim paths: the inverted index, the claims
    # of answered statements, profiles read back from the database.
    store(archive, CLAIM + LATER + OTHER)
    summary = archive.link_claims(settings=LinkSettings(batch_size=2))
    assert summary.statements == 7
    assert summary.responses == 1
    found = claim_of(archive)
    assert len({found[s.quote[:30]] for s in CLAIM + LATER}) == 1
    assert len(set(found.values())) == 3
    assert archive.claims()[0].statements == 5


def test_a_wire_copy_in_another_outlet_is_one_article_of_the_claim(archive: Archive) -> None:
    report = said(
        "w1", "n9", "2025-05-02", "Stadtwerke Kassel", "assert",
        "Wegen eines Rohrbruchs unter der Kölnischen Straße bleibt das Trinkwasser in den "
        "Stadtteilen Wehlheiden und Kirchditmold bis Sonntagabend abgestellt, Tankwagen stehen "
        "an drei Schulen bereit",
    )
    ((article, meta, _ids),) = build_articles([report])
    archive.add(article, meta)
    copy = Article(text=article.text + " Die Polizei bittet um Geduld.",
                   attributions=article.attributions)
    stored = archive.add(copy, ArticleMeta(outlet="Kreisblatt"))
    assert stored.duplicate_of is not None
    archive.link_claims()
    (claim,) = archive.claims(min_articles=1)
    assert (claim.statements, claim.articles) == (2, 1)
    assert archive.claims() == []


def stored_terms(archive: Archive) -> set[str]:
    with archive.engine.connect() as connection:
        return {row.term for row in connection.execute(select(claim_terms.c.term))}


def test_a_source_named_inside_the_message_is_no_term_of_the_claim(archive: Archive) -> None:
    # "laut X" inside its clause is part of the message's span, not of what it claims
    text = "Der Wasserpreis steigt laut Mieterbund im Sommer um 18 Prozent."
    analysed = analyze(text)
    assert analysed.attributions[0].quote.text == text[:-1]
    archive.add(analysed, ArticleMeta(url="https://nachrichten.example/laut", outlet="Hessenbote",
                                      title="Wasser", published=datetime(2025, 3, 3)))
    archive.link_claims()
    terms = stored_terms(archive)
    assert {"wasserpreis", "somm", "18"} <= terms
    assert "mieterbund" not in terms


def test_an_act_told_without_its_words_keeps_its_speaker(archive: Archive) -> None:
    # the speaker of "X wies Berichte über ... zurück" is often what the claim is about
    analysed = analyze("Die Stadtwerke wiesen Berichte über ihre Pleite zurück.")
    assert analysed.attributions[0].type is QuoteType.REPORTED
    archive.add(analysed, ArticleMeta(url="https://nachrichten.example/told", outlet="Hessenbote",
                                      title="Wasser", published=datetime(2025, 3, 3)))
    archive.link_claims()
    assert {"stadtwerk", "pleit"} <= stored_terms(archive)
