"""The archive: analysed articles stored in SQLite or PostgreSQL, searchable and exportable.

Names are imported on first use, so that worker processes, which only need
`quellenlage.archive.records`, do not load the database and Parquet libraries.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quellenlage.archive.archive import Archive
    from quellenlage.archive.database import DEFAULT_DB_URL
    from quellenlage.archive.export import StoredArticle
    from quellenlage.archive.records import ArticleMeta
    from quellenlage.archive.search import SearchHit
    from quellenlage.archive.writer import StoreResult

_WHERE = {
    "Archive": "quellenlage.archive.archive",
    "DEFAULT_DB_URL": "quellenlage.archive.database",
    "StoredArticle": "quellenlage.archive.export",
    "ArticleMeta": "quellenlage.archive.records",
    "SearchHit": "quellenlage.archive.search",
    "StoreResult": "quellenlage.archive.writer",
}

__all__ = ["DEFAULT_DB_URL", "Archive", "ArticleMeta", "SearchHit", "StoreResult", "StoredArticle"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'quellenlage.archive' has no attribute {name!r}")
