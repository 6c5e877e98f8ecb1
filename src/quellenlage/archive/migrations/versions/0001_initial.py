"""The first archive schema: articles, sources, channels, attributions, spans, mentions, search.

Revision ID: 0001
Revises:
Create Date: 2025-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IdType = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", IdType, primary_key=True, autoincrement=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.String(200)),
        sa.Column("title", sa.Text()),
        sa.Column("author", sa.Text()),
        sa.Column("published", sa.DateTime()),
        sa.Column("language", sa.String(16)),
        sa.Column("section", sa.String(200)),
        sa.Column("origin", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("attribution_count", sa.Integer(), nullable=False),
        sa.Column(
            "duplicate_of",
            IdType,
            sa.ForeignKey("articles.id", name="fk_articles_duplicate_of_articles"),
        ),
        sa.Column("similarity", sa.Float()),
        sa.Column("signature", sa.LargeBinary()),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"])

    op.create_table(
        "article_bands",
        sa.Column("band_key", sa.BigInteger(), nullable=False),
        sa.Column(
            "article_id",
            IdType,
            sa.ForeignKey("articles.id", name="fk_article_bands_article_id_articles"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("band_key", "article_id", name="pk_article_bands"),
    )

    op.create_table(
        "sources",
        sa.Column("id", IdType, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
        sa.UniqueConstraint("key", "kind", name="uq_sources_key_kind"),
    )

    op.create_table(
        "channels",
        sa.Column("id", IdType, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("outlet", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_channels"),
        sa.UniqueConstraint("kind", "outlet", name="uq_channels_kind_outlet"),
    )

    op.create_table(
        "attributions",
        sa.Column("id", IdType, primary_key=True, autoincrement=True),
        sa.Column(
            "article_id",
            IdType,
            sa.ForeignKey("articles.id", name="fk_attributions_article_id_articles"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("medium", sa.String(16), nullable=False),
        sa.Column("stance", sa.String(32)),
        sa.Column("responds_to", sa.Integer()),
        sa.Column("quote_text", sa.Text(), nullable=False),
        sa.Column("quote_start", sa.Integer(), nullable=False),
        sa.Column("quote_end", sa.Integer(), nullable=False),
        sa.Column("speaker_text", sa.Text()),
        sa.Column("cue_text", sa.Text()),
        sa.Column("frame_text", sa.Text()),
        sa.Column("addressee_text", sa.Text()),
        sa.Column(
            "source_id",
            IdType,
            sa.ForeignKey("sources.id", name="fk_attributions_source_id_sources"),
        ),
        sa.Column(
            "channel_id",
            IdType,
            sa.ForeignKey("channels.id", name="fk_attributions_channel_id_channels"),
        ),
        sa.Column("channel_text", sa.Text()),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attributions"),
        sa.UniqueConstraint("article_id", "position", name="uq_attributions_article_id_position"),
    )
    op.create_index("ix_attributions_type", "attributions", ["type"])
    op.create_index("ix_attributions_stance", "attributions", ["stance"])
    op.create_index("ix_attributions_source_id", "attributions", ["source_id"])

    op.create_table(
        "spans",
        sa.Column(
            "attribution_id",
            IdType,
            sa.ForeignKey("attributions.id", name="fk_spans_attribution_id_attributions"),
            nullable=False,
        ),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("attribution_id", "role", "ordinal", name="pk_spans"),
    )

    op.create_table(
        "mentions",
        sa.Column(
            "article_id",
            IdType,
            sa.ForeignKey("articles.id", name="fk_mentions_article_id_articles"),
            nullable=False,
        ),
        sa.Column(
            "source_id",
            IdType,
            sa.ForeignKey("sources.id", name="fk_mentions_source_id_sources"),
            nullable=False,
        ),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "source_id", "start", name="pk_mentions"),
    )
    op.create_index("ix_mentions_source_id", "mentions", ["source_id"])

    if op.get_bind().dialect.name == "postgresql":
        _create_postgres_search()
    else:
        _create_sqlite_search()


def _create_sqlite_search() -> None:
    # Contentless FTS5 tables over text stemmed in Python (Snowball German, as PostgreSQL's
    # 'german' configuration does), rowid = articles.id / attributions.id.
    op.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5("
        "title, body, content='', tokenize='unicode61 remove_diacritics 0')"
    )
    op.execute(
        "CREATE VIRTUAL TABLE quote_fts USING fts5("
        "quote, content='', tokenize='unicode61 remove_diacritics 0')"
    )


def _create_postgres_search() -> None:
    # Filled by the writer with to_tsvector('simple', <the same stemmed terms as SQLite>).
    op.execute("ALTER TABLE articles ADD COLUMN search_vector tsvector")
    op.execute("CREATE INDEX ix_articles_search_vector ON articles USING gin (search_vector)")
    op.execute("ALTER TABLE attributions ADD COLUMN quote_vector tsvector")
    op.execute("CREATE INDEX ix_attributions_quote_vector ON attributions USING gin (quote_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS quote_fts")
        op.execute("DROP TABLE IF EXISTS article_fts")
    for table in ("mentions", "spans", "attributions", "channels", "sources", "article_bands"):
        op.drop_table(table)
    op.drop_table("articles")
