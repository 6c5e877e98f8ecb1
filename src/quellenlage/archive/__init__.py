"""The archive: analysed articles stored in SQLite or PostgreSQL, searchable and exportable."""

from quellenlage.archive.archive import Archive
from quellenlage.archive.database import DEFAULT_DB_URL
from quellenlage.archive.export import StoredArticle
from quellenlage.archive.records import ArticleMeta
from quellenlage.archive.search import SearchHit
from quellenlage.archive.writer import StoreResult

__all__ = ["DEFAULT_DB_URL", "Archive", "ArticleMeta", "SearchHit", "StoreResult", "StoredArticle"]
