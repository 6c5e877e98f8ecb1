"""The single writer: stores one prepared article per transaction, so a crash never leaves half
an article behind, and re-storing the same text changes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, Engine, bindparam, insert, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from quellenlage.archive import neardup
from quellenlage.archive.records import PreparedArticle, PreparedSource
from quellenlage.archive.schema import (
    article_bands,
    articles,
    attributions,
    channels,
    mentions,
    sources,
    spans,
)

MAX_CANDIDATES = 50
HASH_CHUNK = 500


@dataclass(frozen=True, slots=True)
class StoreResult:
    status: Literal["added", "exists"]
    article_id: int
    duplicate_of: int | None = None
    similarity: float | None = None


class ArchiveWriter:
    """Writes prepared articles. Caches ids of sources and channels it has seen committed."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._source_ids: dict[tuple[str, str], int] = {}
        self._channel_ids: dict[tuple[str, str], int] = {}

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored already."""
        wanted = list(dict.fromkeys(hashes))
        found: set[str] = set()
        with self.engine.connect() as connection:
            for start in range(0, len(wanted), HASH_CHUNK):
                chunk = wanted[start : start + HASH_CHUNK]
                query = select(articles.c.content_hash).where(articles.c.content_hash.in_(chunk))
                found.update(connection.scalars(query))
        return found

    def store(self, item: PreparedArticle) -> StoreResult:
        """Store one article and everything found in it, atomically; idempotent by content hash."""
        new_sources: dict[tuple[str, str], int] = {}
        new_channels: dict[tuple[str, str], int] = {}
        try:
            with self.engine.begin() as connection:
                existing = connection.scalar(
                    select(articles.c.id).where(articles.c.content_hash == item.content_hash)
                )
                if existing is not None:
                    return StoreResult("exists", existing)
                result = self._insert(connection, item, new_sources, new_channels)
        except IntegrityError:
            # Another writer stored the same text at the same moment (PostgreSQL only).
            with self.engine.connect() as connection:
                existing = connection.scalar(
                    select(articles.c.id).where(articles.c.content_hash == item.content_hash)
                )
            if existing is None:
                raise
            return StoreResult("exists", existing)
        # Only ids from committed transactions may be reused.
        self._source_ids.update(new_sources)
        self._channel_ids.update(new_channels)
        return result

    def _insert(
        self,
        connection: Connection,
        item: PreparedArticle,
        new_sources: dict[tuple[str, str], int],
        new_channels: dict[tuple[str, str], int],
    ) -> StoreResult:
        duplicate_of, similarity = self._near_duplicate(connection, item)
        meta = item.meta
        article_id = connection.execute(
            insert(articles).returning(articles.c.id),
            {
                "content_hash": item.content_hash,
                "url": meta.url,
                "outlet": meta.outlet,
                "title": meta.title,
                "author": meta.author,
                "published": meta.published,
                "language": meta.language,
                "section": meta.section,
                "origin": meta.origin,
                "text": item.text,
                "attribution_count": len(item.attributions),
                "duplicate_of": duplicate_of,
                "similarity": similarity,
                "signature": item.signature,
                "ingested_at": datetime.now(UTC).replace(tzinfo=None),
            },
        ).scalar_one()
        if item.band_keys:
            connection.execute(
                insert(article_bands),
                [{"band_key": key, "article_id": article_id} for key in set(item.band_keys)],
            )
        quote_rows: list[tuple[int, str]] = []
        span_rows: list[dict[str, Any]] = []
        for attribution in item.attributions:
            row = dict(attribution.columns)
            row["article_id"] = article_id
            row["source_id"] = (
                self._source_id(connection, attribution.source, new_sources)
                if attribution.source
                else None
            )
            row["channel_id"] = (
                self._channel_id(connection, attribution.channel, new_channels)
                if attribution.channel
                else None
            )
            attribution_id = connection.execute(
                insert(attributions).returning(attributions.c.id), row
            ).scalar_one()
            quote_rows.append((attribution_id, attribution.search_text))
            span_rows.extend(
                {"attribution_id": attribution_id, "role": role, "ordinal": n, "start": s, "end": e}
                for role, n, s, e in attribution.spans
            )
        if span_rows:
            connection.execute(insert(spans), span_rows)
        mention_rows = [
            {
                "article_id": article_id,
                "source_id": self._source_id(connection, source, new_sources),
                "start": start,
                "end": end,
            }
            for source, start, end in item.mentions
        ]
        if mention_rows:
            connection.execute(insert(mentions), mention_rows)
        self._index(connection, article_id, item, quote_rows)
        return StoreResult("added", article_id, duplicate_of, similarity)

    def _near_duplicate(
        self, connection: Connection, item: PreparedArticle
    ) -> tuple[int | None, float | None]:
        """The first stored copy this article nearly repeats, with the estimated similarity."""
        if not item.signature or not item.band_keys:
            return None, None
        candidates = (
            select(article_bands.c.article_id)
            .where(article_bands.c.band_key.in_(item.band_keys))
            .distinct()
            .limit(MAX_CANDIDATES)
            .subquery()
        )
        rows = connection.execute(
            select(articles.c.id, articles.c.signature, articles.c.duplicate_of).where(
                articles.c.id.in_(select(candidates.c.article_id))
            )
        ).all()
        best: tuple[float, int] | None = None
        for candidate_id, candidate_signature, candidate_duplicate_of in rows:
            if not candidate_signature:
                continue
            score = neardup.similarity(item.signature, candidate_signature)
            original = candidate_duplicate_of or candidate_id
            if score < neardup.THRESHOLD:
                continue
            # The most similar copy wins; among equals the oldest, so links stay stable.
            if best is None or (score, -original) > (best[0], -best[1]):
                best = (score, original)
        return (best[1], best[0]) if best else (None, None)

    def _source_id(
        self, connection: Connection, source: PreparedSource, new: dict[tuple[str, str], int]
    ) -> int:
        key = (source.key, source.kind)
        known = self._source_ids.get(key) or new.get(key)
        if known is not None:
            return known
        connection.execute(
            self._insert_ignoring_conflict(sources, ["key", "kind"]),
            {"key": source.key, "kind": source.kind, "name": source.name},
        )
        found = connection.scalar(
            select(sources.c.id).where(sources.c.key == source.key, sources.c.kind == source.kind)
        )
        assert found is not None
        new[key] = found
        return found

    def _channel_id(
        self, connection: Connection, channel: tuple[str, str], new: dict[tuple[str, str], int]
    ) -> int:
        known = self._channel_ids.get(channel) or new.get(channel)
        if known is not None:
            return known
        kind, outlet = channel
        connection.execute(
            self._insert_ignoring_conflict(channels, ["kind", "outlet"]),
            {"kind": kind, "outlet": outlet},
        )
        found = connection.scalar(
            select(channels.c.id).where(channels.c.kind == kind, channels.c.outlet == outlet)
        )
        assert found is not None
        new[channel] = found
        return found

    def _insert_ignoring_conflict(self, table: Any, columns: list[str]) -> Any:
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        return dialect_insert(table).on_conflict_do_nothing(index_elements=columns)

    def _index(
        self,
        connection: Connection,
        article_id: int,
        item: PreparedArticle,
        quote_rows: list[tuple[int, str]],
    ) -> None:
        """Full-text rows in the same transaction as the article."""
        if self.dialect == "sqlite":
            connection.execute(
                text("INSERT INTO article_fts(rowid, title, body) VALUES (:id, :title, :body)"),
                {"id": article_id, "title": item.search_title, "body": item.search_body},
            )
            if quote_rows:
                connection.execute(
                    text("INSERT INTO quote_fts(rowid, quote) VALUES (:id, :quote)"),
                    [{"id": i, "quote": q} for i, q in quote_rows],
                )
            return
        connection.execute(
            text(
                "UPDATE articles SET search_vector = "
                "setweight(to_tsvector('simple', :title), 'A') || to_tsvector('simple', :body) "
                "WHERE id = :id"
            ),
            {"id": article_id, "title": item.search_title, "body": item.search_body},
        )
        if quote_rows:
            connection.execute(
                text(
                    "UPDATE attributions SET quote_vector = to_tsvector('simple', :quote) "
                    "WHERE id = :id"
                ).bindparams(bindparam("id"), bindparam("quote")),
                [{"id": i, "quote": q} for i, q in quote_rows],
            )
