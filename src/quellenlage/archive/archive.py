"""`Archive`: the library entry point that the CLI commands are thin wrappers over."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from quellenlage.archive import export as exporting
from quellenlage.archive.database import DEFAULT_DB_URL, create_archive_engine, migrate
from quellenlage.archive.records import ArticleMeta, PreparedArticle, prepare
from quellenlage.archive.schema import articles, attributions, sources
from quellenlage.archive.search import (
    Scope,
    SearchFilters,
    SearchHit,
    SearchSummary,
    parse_day,
    search_filters,
    search_page,
    summarise,
)
from quellenlage.archive.writer import ArchiveWriter, StoreResult
from quellenlage.errors import InputError, NotFoundError
from quellenlage.model import Article

if TYPE_CHECKING:
    from quellenlage.archive.quoted import QuotedOverview, SourceProfile
    from quellenlage.claims import (
        ClaimFilters,
        ClaimSummary,
        ClaimTimeline,
        LinkSettings,
        LinkSummary,
    )
    from quellenlage.ingest.runner import IngestSummary, ProgressHook
    from quellenlage.ingest.sources import ReaderOptions

MAX_LIMIT = 1_000_000  # results a query returns at most (a count the databases agree on)
MAX_ID = 2**63 - 1  # ids are 64-bit integers: a larger one names nothing


def check_count(value: int, name: str) -> int:
    """A limit or least number given by a user: 1 to MAX_LIMIT, on SQLite as on PostgreSQL."""
    if not 1 <= value <= MAX_LIMIT:
        raise InputError(f"{name} {value}: give a number from 1 to {MAX_LIMIT:,}")
    return value


class Archive:
    """An archive of analysed articles in SQLite or PostgreSQL, migrated to the newest schema.

    >>> with Archive("sqlite:///news.db") as archive:           # doctest: +SKIP
    ...     archive.ingest(["feeds/", "https://example.org/rss"], workers=2)
    ...     hits = archive.search("Klimaschutz", source="Merkel")
    """

    def __init__(self, url: str = DEFAULT_DB_URL) -> None:
        self.url = url
        self.engine = create_archive_engine(url)
        try:
            migrate(self.engine)
        except OperationalError as error:
            self.engine.dispose()
            shown = self.engine.url.render_as_string(hide_password=True)
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise InputError(f"cannot open the archive {shown}: {reason}") from None
        self.writer = ArchiveWriter(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # Writing

    def add(self, article: Article, meta: ArticleMeta | None = None) -> StoreResult:
        """Store one analysed article (idempotent: the same text is stored once)."""
        return self.writer.store(prepare(article, meta or ArticleMeta()))

    def store(self, prepared: PreparedArticle) -> StoreResult:
        return self.writer.store(prepared)

    def ingest(
        self,
        inputs: Iterable[str],
        *,
        workers: int = 1,
        options: ReaderOptions | None = None,
        progress: ProgressHook | None = None,
        engine: str | None = None,
        max_chars: int | None = None,
    ) -> IngestSummary:
        """Read, analyse and store articles from files, folders, URLs and feeds; `engine`
        names the extraction engine (default: the pipeline's); a text longer than
        `max_chars` (default: pipeline.MAX_TEXT_CHARS) is reported and left out."""
        from quellenlage.ingest.runner import ingest
        from quellenlage.pipeline import DEFAULT_ENGINE, MAX_TEXT_CHARS

        return ingest(self.writer, list(inputs), workers=workers, options=options,
                      progress=progress, engine=engine or DEFAULT_ENGINE,
                      max_chars=max_chars or MAX_TEXT_CHARS)

    def load(
        self, folder: str | Path, *, workers: int = 1, progress: ProgressHook | None = None
    ) -> IngestSummary:
        """Import the Parquet files that `batch` (or `export --format parquet`) wrote."""
        from quellenlage.batch.load import load

        return load(self.writer, Path(folder), workers=workers, progress=progress)

    # Reading

    def search(
        self,
        query: str | None,
        *,
        source: str | None = None,
        source_id: int | None = None,
        outlet: str | None = None,
        since: str | date | datetime | None = None,
        until: str | date | datetime | None = None,
        type: str | None = None,
        stance: str | None = None,
        kind: str | None = None,
        gender: str | None = None,
        scope: Scope = "quotes",
        include_duplicates: bool = False,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Statements (or articles, with scope="articles") matching `query` and the filters,
        newest first, from `offset` on; without words, all that the filters let through."""
        check_count(limit, "limit")
        filters = search_filters(
            source=source, source_id=source_id, outlet=outlet, since=since, until=until,
            type=type, stance=stance, kind=kind, gender=gender,
            include_duplicates=include_duplicates,
        )
        with self.engine.connect() as connection:
            return search_page(
                connection, query, filters, scope=scope, limit=limit, offset=offset
            )[0]

    def search_page(
        self,
        query: str | None,
        filters: SearchFilters,
        *,
        scope: Scope = "quotes",
        limit: int = 20,
        offset: int = 0,
    ) -> tuple[list[SearchHit], int]:
        """The hits of `search` from `offset` on, and how many there are in all; `filters` as
        `search_filters(...)` makes them from the keywords `search` takes."""
        with self.engine.connect() as connection:
            return search_page(
                connection, query, filters, scope=scope, limit=limit, offset=offset
            )

    def search_summary(
        self,
        query: str | None,
        filters: SearchFilters,
        *,
        scope: Scope = "quotes",
        facets: bool = True,
    ) -> SearchSummary:
        """What `search` finds, counted: in all, and with `facets` by facet and by day.
        `filters`: as `search_filters(...)` makes them from the keywords `search` takes."""
        with self.engine.connect() as connection:
            return summarise(connection, query, filters, scope=scope, facets=facets)

    def source(self, source_id: int) -> SourceProfile:
        """One source: its statements, stances, outlets, days and claims, counted."""
        from quellenlage.archive.quoted import source_profile

        with self.engine.connect() as connection:
            return source_profile(connection, source_id)

    def quoted(
        self,
        *,
        since: str | date | datetime | None = None,
        until: str | date | datetime | None = None,
        outlet: str | None = None,
    ) -> QuotedOverview:
        """Who the archive quotes: women and men, anonymous sources, kinds of source, in all,
        by outlet and by month."""
        from quellenlage.archive.quoted import quoted_overview

        with self.engine.connect() as connection:
            return quoted_overview(
                connection, since=parse_day(since), until=parse_day(until, end=True),
                outlet=outlet,
            )

    def articles(self) -> Iterator[exporting.StoredArticle]:
        return exporting.iter_stored(self.engine)

    def article(self, article_id: int) -> exporting.StoredArticle:
        """One stored article with its metadata and statements (the export's JSONL shape)."""
        found = exporting.read_stored(self.engine, article_id) if 0 < article_id <= MAX_ID else (
            None)
        if found is None:
            raise NotFoundError(f"no article with id {article_id}")
        return found

    def export(self, format: str, out: str | Path | None = None) -> int:
        """Write every stored article as jsonl, csv or parquet to `out` (stdout: None or "-")."""
        if format not in exporting.FORMATS:
            raise InputError(f"unknown export format {format!r}; use jsonl, csv or parquet")
        target = None if out in (None, "-") else Path(str(out))
        if format == "parquet":
            if target is None:
                raise InputError("parquet export needs a file: --out archive.parquet")
            with exporting.written_whole(target) as path:
                return exporting.write_parquet(self.articles(), str(path))
        writer = exporting.write_jsonl if format == "jsonl" else exporting.write_csv
        if target is None:
            return writer(self.articles(), sys.stdout)
        with (exporting.written_whole(target) as path,
              path.open("w", encoding="utf-8", newline="") as handle):
            return writer(self.articles(), handle)

    # Claims (quellenlage.claims)

    def link_claims(
        self, *, settings: LinkSettings | None = None, progress: ProgressHook | None = None
    ) -> LinkSummary:
        """Link the statements not yet linked into claims (incremental; a rerun changes nothing)."""
        from quellenlage.claims import link_claims

        return link_claims(self.engine, settings, progress)

    def claims(
        self,
        query: str | None = None,
        *,
        source: str | None = None,
        since: str | date | datetime | None = None,
        until: str | date | datetime | None = None,
        stance: str | None = None,
        min_articles: int = 2,
        limit: int = 20,
        offset: int = 0,
    ) -> list[ClaimSummary]:
        """Claims made in at least `min_articles` articles, the most widely reported first;
        `since`/`until`: with a statement published then."""
        from quellenlage.claims import list_claims
        from quellenlage.claims.queries import claim_filters

        check_count(limit, "limit")
        check_count(min_articles, "min-articles")
        filters = claim_filters(
            query, source=source, since=since, until=until, stance=stance,
            min_articles=min_articles,
        )
        with self.engine.connect() as connection:
            return list_claims(connection, filters, limit, offset)

    def count_claims(self, filters: ClaimFilters) -> int:
        """How many claims `claims` finds in all; `filters` as `claim_filters(...)` makes them
        from the keywords `claims` takes."""
        from quellenlage.claims.queries import count_claims

        with self.engine.connect() as connection:
            return count_claims(connection, filters)

    def claim(self, claim_id: int, *, offset: int = 0, limit: int | None = None) -> ClaimTimeline:
        """One claim with its statements in the order they were published (undated last)."""
        from quellenlage.claims import claim_timeline

        if not 0 < claim_id <= MAX_ID:
            raise NotFoundError(f"no claim with id {claim_id}; `quellenlage claims` lists them")
        with self.engine.connect() as connection:
            return claim_timeline(connection, claim_id, offset=offset, limit=limit)

    def article_claims(self, article_id: int, min_articles: int = 2) -> dict[int, int]:
        """The claims (made in at least `min_articles` articles) that an article's statements
        belong to: the statement's position in the article -> the claim's id."""
        from quellenlage.claims.queries import article_claims

        with self.engine.connect() as connection:
            return article_claims(connection, article_id, min_articles)

    def claims_linked(self) -> tuple[int, int]:
        """How many statements the archive has, and how many of them are linked to claims."""
        from quellenlage.claims.queries import claims_exist

        with self.engine.connect() as connection:
            return claims_exist(connection)

    def counts(self) -> dict[str, int]:
        """How many articles (and near-duplicates among them), statements and sources."""
        with self.engine.connect() as connection:
            values: dict[str, Any] = {
                "articles": connection.scalar(select(func.count()).select_from(articles)),
                "near_duplicates": connection.scalar(
                    select(func.count()).where(articles.c.duplicate_of.is_not(None))
                ),
                "attributions": connection.scalar(select(func.count()).select_from(attributions)),
                "sources": connection.scalar(select(func.count()).select_from(sources)),
            }
        return {name: int(value or 0) for name, value in values.items()}
