"""Migration 0002: an archive made before claims upgrades without losing data, and back."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from quellenlage.archive import Archive
from quellenlage.archive.database import MIGRATIONS, create_archive_engine, writing
from tests.claims.conftest import CLAIM, store

CLAIM_TABLES = {"claims", "claim_statements", "claim_terms", "claim_term_counts"}


def migrate_to(url: str, revision: str, *, down: bool = False) -> None:
    engine = create_archive_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with writing(engine).begin() as connection:
        config.attributes["connection"] = connection
        if down:
            command.downgrade(config, revision)
        else:
            command.upgrade(config, revision)
    engine.dispose()


def tables(url: str) -> set[str]:
    engine = create_archive_engine(url)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    return names


def test_an_archive_of_revision_0001_upgrades_keeping_its_articles(archive_url: str) -> None:
    with Archive(archive_url) as archive:
        store(archive, CLAIM)
        archive.link_claims()
        counts = archive.counts()
    migrate_to(archive_url, "0001", down=True)
    assert not CLAIM_TABLES & tables(archive_url)
    with Archive(archive_url) as reopened:  # opening migrates to the newest schema
        assert tables(archive_url) >= CLAIM_TABLES
        assert reopened.counts() == counts
        assert reopened.link_claims().statements == 3  # claims are rebuilt from the statements
        assert reopened.claims()[0].statements == 3
