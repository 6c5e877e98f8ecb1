"""A speaker the resolver left unresolved is no source, but a source search still finds it."""

from __future__ import annotations

from sqlalchemy import literal, select, update

from quellenlage.archive import Archive
from quellenlage.archive.database import casefold
from quellenlage.archive.schema import attributions, sources
from tests.archive.corpus import analysed_article
from tests.archive.test_storage import meta
from tests.claims.test_migration import migrate_to

SPOKESMAN = "Ein Sprecher der Verwaltung"  # every corpus article has him, never resolved


def test_an_unresolved_speaker_is_no_source_shared_by_articles(archive: Archive) -> None:
    for number in (1, 2):
        archive.add(analysed_article(number), meta(number))
    with archive.engine.connect() as connection:
        names = set(connection.execute(select(sources.c.name)).scalars())
        speakers = connection.execute(
            select(attributions.c.speaker_text).where(attributions.c.source_id.is_(None))
        ).scalars().all()
    assert names == {"Jonas Brandt", "Petra Kühn"}
    assert speakers == [SPOKESMAN, SPOKESMAN]


def test_a_source_search_finds_an_unresolved_speaker_by_his_words(archive: Archive) -> None:
    for number in (1, 2):
        archive.add(analysed_article(number), meta(number))
    found = archive.search("Kosten", source="sprecher der VERWALTUNG")
    assert [hit.speaker for hit in found] == [SPOKESMAN, SPOKESMAN]
    assert all(hit.source is None for hit in found)
    assert [hit.source for hit in archive.search("Fachkräfte OR Kosten", source="Kühn")] == [
        "Petra Kühn"
    ]


def test_names_are_compared_case_folded_on_both_databases(archive: Archive) -> None:
    # SQLite's own lower() leaves "Ä" alone; both databases must fold it as Python does
    with archive.engine.connect() as connection:
        folded = connection.execute(select(casefold(literal("Ärztekammer Weißenfels")))).scalar()
    assert folded == "ärztekammer weissenfels"


def test_migration_0003_unlinks_sources_made_of_unresolved_speakers(archive_url: str) -> None:
    with Archive(archive_url) as archive:
        archive.add(analysed_article(1), meta(1))
        # what revisions before 0003 stored: the speaker's words as a source of kind "unknown"
        with archive.engine.begin() as connection:
            old_source = connection.execute(
                sources.insert().values(key=SPOKESMAN.casefold(), kind="unknown", name=SPOKESMAN)
                .returning(sources.c.id)
            ).scalar_one()
            connection.execute(
                update(attributions).where(attributions.c.speaker_text == SPOKESMAN)
                .values(source_id=old_source)
            )
        archive.link_claims()
        assert sum(claim.source_count for claim in archive.claims(min_articles=1)) == 2
    migrate_to(archive_url, "0002", down=True)
    with Archive(archive_url) as reopened:  # opening migrates to the newest schema
        with reopened.engine.connect() as connection:
            names = connection.execute(select(sources.c.name)).scalars().all()
            unlinked = connection.execute(
                select(attributions.c.source_id).where(attributions.c.speaker_text == SPOKESMAN)
            ).scalar_one()
        assert names == ["Jonas Brandt"]
        assert unlinked is None
        assert reopened.counts()["attributions"] == 2
        assert sum(claim.source_count for claim in reopened.claims(min_articles=1)) == 1
