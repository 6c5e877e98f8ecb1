"""The Parquet layout of analysed articles, shared by `export --format parquet`, `batch` and `load`.

One row per article: its metadata, its text and its attributions as the model's JSON (a string, so
the layout does not change when the model gains fields).
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from quellenlage.archive.records import META_FIELDS, ArticleMeta
from quellenlage.model import Article

ARTICLE_SCHEMA = pa.schema(
    [
        pa.field("content_hash", pa.string()),
        pa.field("url", pa.string()),
        pa.field("outlet", pa.string()),
        pa.field("title", pa.string()),
        pa.field("author", pa.string()),
        pa.field("published", pa.timestamp("us")),
        pa.field("language", pa.string()),
        pa.field("section", pa.string()),
        pa.field("origin", pa.string()),
        pa.field("text", pa.string()),
        pa.field("attributions", pa.string()),  # JSON list of Attribution.to_dict()
    ]
)
# `export` adds the archive's own columns.
EXPORT_SCHEMA = pa.schema(
    [
        pa.field("id", pa.int64()),
        *ARTICLE_SCHEMA,
        pa.field("duplicate_of", pa.int64()),
        pa.field("similarity", pa.float64()),
    ]
)


def article_row(article: Article, meta: ArticleMeta, content_hash: str) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(meta, name) for name in META_FIELDS}
    row["content_hash"] = content_hash
    row["text"] = article.text
    row["attributions"] = json.dumps(
        [attribution.to_dict() for attribution in article.attributions], ensure_ascii=False
    )
    return row


def row_article(row: dict[str, Any]) -> tuple[Article, ArticleMeta]:
    """The article and metadata of a row written by `article_row` (or by `export`)."""
    attributions = json.loads(row.get("attributions") or "[]")
    article = Article.from_dict({"text": row["text"], "attributions": attributions})
    return article, ArticleMeta.from_dict(row)
