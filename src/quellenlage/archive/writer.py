"""The single writer: stores prepared articles in transactions that hold whole articles only.

`store_many` writes a group of articles with one statement per table (executemany) and commits
them together: a crash loses at most the uncommitted group, never part of an article, and storing
the same text again changes nothing (content hash). Grouping is what makes a single writer fast
enough to keep several analysing workers busy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, Engine, func, insert, select, text, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from quellenlage.archive import neardup
from quellenlage.archive.database import EncodedJSON, writing
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

HASH_CHUNK = 500
KEY_CHUNK = 400


@dataclass(frozen=True, slots=True)
class StoreResult:
    status: Literal["added", "exists"]
    article_id: int
    duplicate_of: int | None = None
    similarity: float | None = None


class ArchiveWriter:
    """Writes prepared articles. Caches ids of sources and channels that are committed."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._source_ids: dict[tuple[str, str], int] = {}
        self._channel_ids: dict[tuple[str, str], int] = {}

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored already."""
        wanted = list(dict.fromkeys(hashes))
        with self.engine.connect() as connection:
            return _existing(connection, wanted).keys() & set(wanted)

    def store(self, item: PreparedArticle) -> StoreResult:
        """Store one article and everything found in it, atomically; idempotent by content hash."""
        return self.store_many([item])[0]

    def store_many(self, items: Sequence[PreparedArticle]) -> list[StoreResult]:
        """Store articles in one transaction; results in the order of `items`."""
        if not items:
            return []
        new_sources: dict[tuple[str, str], int] = {}
        new_channels: dict[tuple[str, str], int] = {}
        try:
            with writing(self.engine).begin() as connection:
                results = _GroupWrite(self, connection, new_sources, new_channels).run(items)
        except IntegrityError:
            if len(items) == 1:
                # Another writer stored the same text at the same moment (PostgreSQL only).
                with self.engine.connect() as connection:
                    found = _existing(connection, [items[0].content_hash])
                if items[0].content_hash not in found:
                    raise
                return [StoreResult("exists", found[items[0].content_hash])]
            return [self.store(item) for item in items]
        # Only ids from committed transactions may be reused.
        self._source_ids.update(new_sources)
        self._channel_ids.update(new_channels)
        return results


def _existing(connection: Connection, hashes: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(hashes), HASH_CHUNK):
        chunk = hashes[start : start + HASH_CHUNK]
        query = select(articles.c.content_hash, articles.c.id).where(
            articles.c.content_hash.in_(chunk)
        )
        found.update({digest: article_id for digest, article_id in connection.execute(query)})
    return found


class _GroupWrite:
    """One transaction's work: a group of articles written table by table."""

    def __init__(
        self,
        writer: ArchiveWriter,
        connection: Connection,
        new_sources: dict[tuple[str, str], int],
        new_channels: dict[tuple[str, str], int],
    ) -> None:
        self.writer = writer
        self.connection = connection
        self.new_sources = new_sources
        self.new_channels = new_channels

    def run(self, items: Sequence[PreparedArticle]) -> list[StoreResult]:
        existing = _existing(self.connection, [item.content_hash for item in items])
        results: list[StoreResult | None] = [None] * len(items)
        fresh: list[int] = []  # indexes into items, first copy of each new text
        first_of: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.content_hash in existing:
                results[index] = StoreResult("exists", existing[item.content_hash])
            elif item.content_hash in first_of:
                continue  # the same text twice in one group: resolved after the insert
            else:
                first_of[item.content_hash] = index
                fresh.append(index)
        if fresh:
            added = self._insert([items[i] for i in fresh])
            for index, result in zip(fresh, added, strict=True):
                results[index] = result
        for index, item in enumerate(items):
            if results[index] is None:
                first = results[first_of[item.content_hash]]
                assert first is not None
                results[index] = StoreResult("exists", first.article_id)
        return [result for result in results if result is not None]

    def _insert(self, items: list[PreparedArticle]) -> list[StoreResult]:
        links = self._near_duplicates(items)
        now = datetime.now(UTC).replace(tzinfo=None)
        article_rows = []
        for item, (duplicate_of, similarity) in zip(items, links, strict=True):
            row: dict[str, Any] = {
                name: getattr(item.meta, name)
                for name in ("url", "outlet", "title", "author", "published", "language")
            }
            row.update(
                section=item.meta.section,
                origin=item.meta.origin,
                content_hash=item.content_hash,
                text=item.text,
                attribution_count=len(item.attributions),
                # A link to an article of this group is set once that one has an id.
                duplicate_of=duplicate_of if duplicate_of and duplicate_of > 0 else None,
                similarity=similarity,
                signature=item.signature,
                ingested_at=now,
            )
            article_rows.append(row)
        ids = self._insert_returning_ids(articles, article_rows)
        # Near-duplicates of articles earlier in this group were marked by position; now by id.
        for position, (duplicate_of, _) in enumerate(links):
            if duplicate_of is not None and duplicate_of < 0:
                original = ids[-duplicate_of - 1]
                links[position] = (original, links[position][1])
                self.connection.execute(
                    articles.update().where(articles.c.id == ids[position]),
                    {"duplicate_of": original},
                )
        band_rows = [
            {"band_key": key, "article_id": article_id}
            for item, article_id in zip(items, ids, strict=True)
            for key in set(item.band_keys)
        ]
        if band_rows:
            self._insert_plain(article_bands, band_rows)
        self._insert_statements(items, ids)
        self._index_articles(items, ids)
        return [
            StoreResult("added", article_id, duplicate_of, similarity)
            for article_id, (duplicate_of, similarity) in zip(ids, links, strict=True)
        ]

    def _insert_plain(self, table: Any, rows: list[dict[str, Any]]) -> None:
        """Rows of numbers and short strings, many of them (spans, mentions, band keys). SQLite
        takes them as tuples in one executemany: SQLAlchemy's processing of each row's
        parameters costs more than SQLite's own work on rows this simple."""
        if self.writer.dialect != "sqlite":
            self.connection.execute(insert(table), rows)
            return
        names = list(rows[0])
        columns = ", ".join(f'"{name}"' for name in names)
        marks = ", ".join("?" for _ in names)
        self.connection.exec_driver_sql(
            f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})',
            [tuple(row[name] for name in names) for row in rows],
        )

    def _insert_returning_ids(self, table: Any, rows: list[dict[str, Any]]) -> list[int]:
        if self.writer.dialect == "sqlite":
            # The writer holds SQLite's write lock since BEGIN IMMEDIATE, so nobody else takes
            # ids meanwhile: numbering the rows here sends them in one executemany, where
            # RETURNING in parameter order would send one statement a row.
            last = self.connection.execute(select(func.max(table.c.id))).scalar()
            first = (last or 0) + 1
            ids = list(range(first, first + len(rows)))
            numbered = [{**row, "id": row_id} for row, row_id in zip(rows, ids, strict=True)]
            self.connection.execute(insert(table), numbered)
            return ids
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return [row[0] for row in self.connection.execute(statement, rows)]

    def _near_duplicates(
        self, items: list[PreparedArticle]
    ) -> list[tuple[int | None, float | None]]:
        """For each item, the stored (id > 0) or earlier-in-group (-(position + 1)) article it
        nearly repeats, with the similarity; the most similar wins, among equals the oldest."""
        keys = sorted({key for item in items for key in item.band_keys})
        stored: dict[int, tuple[bytes, int | None]] = {}
        by_key: dict[int, set[int]] = {}
        for start in range(0, len(keys), KEY_CHUNK):
            chunk = keys[start : start + KEY_CHUNK]
            rows = self.connection.execute(
                select(
                    article_bands.c.band_key,
                    articles.c.id,
                    articles.c.signature,
                    articles.c.duplicate_of,
                )
                .join(articles, articles.c.id == article_bands.c.article_id)
                .where(article_bands.c.band_key.in_(chunk))
            )
            for key, article_id, signature, duplicate_of in rows:
                by_key.setdefault(key, set()).add(article_id)
                if signature:
                    stored[article_id] = (signature, duplicate_of)
        links: list[tuple[int | None, float | None]] = []
        group_keys: dict[int, list[int]] = {}
        for position, item in enumerate(items):
            best: tuple[float, int] | None = None  # (similarity, -order) to pick max
            target: int | None = None
            if item.signature:
                for key in item.band_keys:
                    for article_id in by_key.get(key, ()):
                        signature, duplicate_of = stored[article_id]
                        score = neardup.similarity(item.signature, signature)
                        original = duplicate_of or article_id
                        if score >= neardup.THRESHOLD and (
                            best is None or (score, -original) > best
                        ):
                            best, target = (score, -original), original
                    for earlier in group_keys.get(key, ()):
                        earlier_item = items[earlier]
                        assert earlier_item.signature is not None
                        score = neardup.similarity(item.signature, earlier_item.signature)
                        earlier_link = links[earlier][0]
                        # Stored articles are older than any in this group.
                        if score >= neardup.THRESHOLD and (best is None or score > best[0]):
                            best = (score, -(1 << 62))
                            target = earlier_link if earlier_link is not None else -(earlier + 1)
                for key in item.band_keys:
                    group_keys.setdefault(key, []).append(position)
            links.append((target, best[0] if best else None))
        return links

    def _insert_statements(self, items: list[PreparedArticle], ids: list[int]) -> None:
        self._resolve_sources(items)
        self._resolve_channels(items)
        rows: list[dict[str, Any]] = []
        owners: list[tuple[PreparedArticle, int]] = []
        for item, article_id in zip(items, ids, strict=True):
            for attribution in item.attributions:
                row = dict(attribution.columns)
                row["data"] = EncodedJSON(row["data"])
                row["article_id"] = article_id
                row["source_id"] = self._source_id(attribution.source)
                row["channel_id"] = (
                    self._channel_id(attribution.channel) if attribution.channel else None
                )
                rows.append(row)
                owners.append((item, attribution.position))
        attribution_ids = self._insert_returning_ids(attributions, rows) if rows else []
        span_rows = []
        quote_rows = []
        for (item, position), attribution_id in zip(owners, attribution_ids, strict=True):
            attribution = item.attributions[position]
            span_rows.extend(
                {"attribution_id": attribution_id, "role": role, "ordinal": n, "start": s, "end": e}
                for role, n, s, e in attribution.spans
            )
            quote_rows.append({"id": attribution_id, "terms": attribution.search_text})
        if span_rows:
            self._insert_plain(spans, span_rows)
        mention_rows = [
            {
                "article_id": article_id,
                "source_id": self._source_id(source),
                "start": start,
                "end": end,
            }
            for item, article_id in zip(items, ids, strict=True)
            for source, start, end in item.mentions
        ]
        if mention_rows:
            self._insert_plain(mentions, mention_rows)
        if quote_rows:
            self._index_quotes(quote_rows)

    def _source_id(self, source: PreparedSource | None) -> int | None:
        if source is None:
            return None
        key = (source.key, source.kind)
        return self.writer._source_ids.get(key) or self.new_sources[key]

    def _channel_id(self, channel: tuple[str, str]) -> int:
        return self.writer._channel_ids.get(channel) or self.new_channels[channel]

    def _resolve_sources(self, items: list[PreparedArticle]) -> None:
        """Ids of every source in the group: known, found, or inserted (one row per name+kind)."""
        wanted: dict[tuple[str, str], str] = {}
        for item in items:
            found = [a.source for a in item.attributions] + [m[0] for m in item.mentions]
            for source in found:
                if source is not None and (source.key, source.kind) not in self.writer._source_ids:
                    wanted.setdefault((source.key, source.kind), source.name)
        self._resolve(
            sources,
            [{"key": k, "kind": kind, "name": name} for (k, kind), name in wanted.items()],
            ("key", "kind"),
            self.new_sources,
        )

    def _resolve_channels(self, items: list[PreparedArticle]) -> None:
        wanted = {
            a.channel
            for item in items
            for a in item.attributions
            if a.channel is not None and a.channel not in self.writer._channel_ids
        }
        self._resolve(
            channels,
            [{"kind": kind, "outlet": outlet} for kind, outlet in sorted(wanted)],
            ("kind", "outlet"),
            self.new_channels,
        )

    def _resolve(
        self,
        table: Any,
        rows: list[dict[str, Any]],
        key_columns: tuple[str, str],
        into: dict[tuple[str, str], int],
    ) -> None:
        if not rows:
            return
        dialect_insert = postgresql.insert if self.writer.dialect == "postgresql" else sqlite.insert
        self.connection.execute(
            dialect_insert(table).on_conflict_do_nothing(index_elements=list(key_columns)), rows
        )
        first, second = (table.c[name] for name in key_columns)
        pairs = [(row[key_columns[0]], row[key_columns[1]]) for row in rows]
        for start in range(0, len(pairs), KEY_CHUNK):
            chunk = pairs[start : start + KEY_CHUNK]
            query = select(first, second, table.c.id).where(tuple_(first, second).in_(chunk))
            for a, b, row_id in self.connection.execute(query):
                into[(a, b)] = row_id

    def _index_articles(self, items: list[PreparedArticle], ids: list[int]) -> None:
        """Full-text rows in the same transaction as the articles."""
        rows = [
            {"id": article_id, "title": item.search_title, "body": item.search_body}
            for item, article_id in zip(items, ids, strict=True)
        ]
        if self.writer.dialect == "sqlite":
            sql = "INSERT INTO article_fts(rowid, title, body) VALUES (:id, :title, :body)"
        else:
            sql = (
                "UPDATE articles SET search_vector = setweight(to_tsvector('simple', :title), 'A')"
                " || to_tsvector('simple', :body) WHERE id = :id"
            )
        self.connection.execute(text(sql), rows)

    def _index_quotes(self, rows: list[dict[str, Any]]) -> None:
        if self.writer.dialect == "sqlite":
            sql = "INSERT INTO quote_fts(rowid, quote) VALUES (:id, :terms)"
        else:
            sql = (
                "UPDATE attributions SET quote_vector = to_tsvector('simple', :terms)"
                " WHERE id = :id"
            )
        self.connection.execute(text(sql), rows)
