"""The archive's tables (SQLAlchemy Core). Alembic migrations in `migrations/` create them.

Full-text search lives outside these definitions because it differs per database: SQLite keeps
FTS5 tables `article_fts` and `quote_fts` (rowid = articles.id / attributions.id), PostgreSQL keeps
generated `tsvector` columns with GIN indexes. Both are created by the migrations.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# SQLite only makes INTEGER PRIMARY KEY an alias of the rowid (which FTS5 rows point to).
IdType = BigInteger().with_variant(Integer(), "sqlite")

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

articles = Table(
    "articles",
    metadata,
    Column("id", IdType, primary_key=True, autoincrement=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("url", Text),
    Column("outlet", String(200), index=True),
    Column("title", Text),
    Column("author", Text),
    Column("published", DateTime(), index=True),  # naive UTC
    Column("language", String(16)),
    Column("section", String(200)),
    Column("origin", Text),  # where it was read from: a path, path:line, a URL
    Column("text", Text, nullable=False),
    # Written with the article in one transaction; a reader can check completeness against it.
    Column("attribution_count", Integer, nullable=False),
    # Near-duplicates (wire copy printed by several outlets) point to the first copy stored.
    Column("duplicate_of", IdType, ForeignKey("articles.id"), index=True),
    Column("similarity", Float),
    Column("signature", LargeBinary),  # MinHash values, little-endian uint32
    Column("ingested_at", DateTime(), nullable=False),
)

# Locality-sensitive hashing bands of each article's MinHash signature: candidate near-duplicates
# share at least one band key.
article_bands = Table(
    "article_bands",
    metadata,
    Column("band_key", BigInteger, primary_key=True),
    Column("article_id", IdType, ForeignKey("articles.id"), primary_key=True),
)

sources = Table(
    "sources",
    metadata,
    Column("id", IdType, primary_key=True, autoincrement=True),
    Column("key", String(300), nullable=False),  # canonical name: case-folded, spaces collapsed
    Column("kind", String(32), nullable=False),
    Column("name", Text, nullable=False),  # the name as first seen
    UniqueConstraint("key", "kind"),
)

channels = Table(
    "channels",
    metadata,
    Column("id", IdType, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("outlet", String(200), nullable=False),  # "" when unknown, so the pair stays unique
    UniqueConstraint("kind", "outlet"),
)

attributions = Table(
    "attributions",
    metadata,
    Column("id", IdType, primary_key=True, autoincrement=True),
    Column("article_id", IdType, ForeignKey("articles.id"), nullable=False),
    Column("position", Integer, nullable=False),  # index in Article.attributions
    Column("type", String(32), nullable=False, index=True),
    Column("medium", String(16), nullable=False),
    Column("stance", String(32), index=True),
    Column("responds_to", Integer),
    Column("quote_text", Text, nullable=False),
    Column("quote_start", Integer, nullable=False),
    Column("quote_end", Integer, nullable=False),
    Column("speaker_text", Text),
    Column("cue_text", Text),
    Column("frame_text", Text),
    Column("addressee_text", Text),
    Column("source_id", IdType, ForeignKey("sources.id"), index=True),
    Column("channel_id", IdType, ForeignKey("channels.id")),
    Column("channel_text", Text),
    # The attribution exactly as the model wrote it (Attribution.to_dict()): exports stay lossless
    # when the model gains fields; the columns above are what queries use.
    Column("data", JSON, nullable=False),
    UniqueConstraint("article_id", "position"),
)

# Every span of every role (quote, speaker, cue, frame, addressee, channel), one row each.
spans = Table(
    "spans",
    metadata,
    Column("attribution_id", IdType, ForeignKey("attributions.id"), primary_key=True),
    Column("role", String(16), primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

# Where a source is mentioned in an article (Source.mentions).
mentions = Table(
    "mentions",
    metadata,
    Column("article_id", IdType, ForeignKey("articles.id"), primary_key=True),
    Column("source_id", IdType, ForeignKey("sources.id"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Index("ix_mentions_source_id", "source_id"),
)

# Claims: statements of different articles whose messages make the same claim, responses included
# (quellenlage.claims links them). Every linked statement belongs to exactly one claim; a claim of
# one statement is a claim nobody else has made (yet). Counts and dates are kept up to date by the
# linker so that listing claims needs no aggregation over statements.
claims = Table(
    "claims",
    metadata,
    Column("id", IdType, primary_key=True, autoincrement=True),
    Column("label", Text, nullable=False),  # the message of a representative statement
    Column("label_attribution_id", IdType, ForeignKey("attributions.id"), nullable=False),
    Column("first_seen", DateTime()),  # published (else ingested) of the earliest statement
    Column("last_seen", DateTime()),
    Column("statement_count", Integer, nullable=False),
    Column("article_count", Integer, nullable=False, index=True),  # near-duplicates once
    Column("source_count", Integer, nullable=False),
    # The claim's terms for matching: {"members": n, "terms": {term: statements with it}}.
    Column("profile", JSON, nullable=False),
)

claim_statements = Table(
    "claim_statements",
    metadata,
    Column("attribution_id", IdType, ForeignKey("attributions.id"), primary_key=True),
    Column("claim_id", IdType, ForeignKey("claims.id"), nullable=False, index=True),
    Column("similarity", Float, nullable=False),  # to the claim when it joined (1.0: founded it)
)

# Inverted index: the claims whose profile holds a term (candidates for a new statement).
claim_terms = Table(
    "claim_terms",
    metadata,
    Column("term", String(100), primary_key=True),
    Column("claim_id", IdType, ForeignKey("claims.id"), primary_key=True),
)

# In how many linked statements each term occurs (for its weight); the row with term "" holds
# the number of linked statements.
claim_term_counts = Table(
    "claim_term_counts",
    metadata,
    Column("term", String(100), primary_key=True),
    Column("statements", BigInteger, nullable=False),
)

TABLES = (
    articles, article_bands, sources, channels, attributions, spans, mentions,
    claims, claim_statements, claim_terms, claim_term_counts,
)

# Full-text search objects that the migrations create per database, outside `metadata`.
SEARCH_OBJECT_PREFIXES = ("article_fts", "quote_fts", "search_vector", "quote_vector",
                          "ix_articles_search_vector", "ix_attributions_quote_vector")


def include_in_autogenerate(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic's include_name hook: leave the per-database search objects alone."""
    return not (name and name.startswith(SEARCH_OBJECT_PREFIXES))
