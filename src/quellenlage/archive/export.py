"""Reading stored articles back, and exporting them as JSONL, CSV or Parquet.

JSONL has exactly one line per stored article: its metadata, its text and its attributions in the
model's JSON (`Article.to_dict()`), plus the archive's id and near-duplicate link. Each source is
the archive's source, with its id there (`source_id`) and its mentions from the mentions table:
a statement's stored JSON need not carry them (older rows did, once per statement). Each
attribution carries its `claim_id` (the claim `link-claims` put it in; null while not linked).
CSV has one row per statement. Parquet has one row per article in the layout `quellenlage load`
reads.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import ColumnElement, Connection, Engine, select

from quellenlage.archive.parquet import EXPORT_SCHEMA
from quellenlage.archive.records import META_FIELDS, ArticleMeta
from quellenlage.archive.schema import articles, attributions, claim_statements, mentions
from quellenlage.errors import InputError
from quellenlage.model import Article

PAGE = 500
FORMATS = ("jsonl", "csv", "parquet")
CSV_COLUMNS = (
    "article_id", "url", "outlet", "title", "published", "position", "type", "medium", "source",
    "source_kind", "speaker", "cue", "quote", "stance", "channel", "duplicate_of",
)


@dataclass(slots=True)
class StoredArticle:
    id: int
    content_hash: str
    meta: ArticleMeta
    article: Article
    duplicate_of: int | None
    similarity: float | None
    source_ids: list[int | None] = field(default_factory=list)  # each statement's, or None
    # The claim of each attribution, in the article's order (None: not linked yet).
    claim_ids: list[int | None] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "content_hash": self.content_hash}
        data.update(self.meta.to_dict())
        data["duplicate_of"] = self.duplicate_of
        data["similarity"] = self.similarity
        data.update(self.article.to_dict())
        archive_ids: dict[int, int | None] = {}
        for attribution, source_id in zip(self.article.attributions, self.source_ids, strict=False):
            if attribution.source is not None:
                archive_ids.setdefault(id(attribution.source), source_id)
        for listed, source in zip(data["sources"], self.article.sources(), strict=True):
            listed["source_id"] = archive_ids.get(id(source))
        claim_ids = self.claim_ids or [None] * len(data["attributions"])
        for attribution, claim_id in zip(data["attributions"], claim_ids, strict=True):
            attribution["claim_id"] = claim_id
        return data


def iter_stored(engine: Engine, *, page: int = PAGE) -> Iterator[StoredArticle]:
    """Every stored article in id order, read page by page (memory stays flat)."""
    last_id = 0
    while True:
        with engine.connect() as connection:
            found = _read_stored(connection, articles.c.id > last_id, limit=page)
        if not found:
            return
        yield from found
        last_id = found[-1].id


def read_stored(engine: Engine, article_id: int) -> StoredArticle | None:
    """One stored article by its id, or None."""
    with engine.connect() as connection:
        found = _read_stored(connection, articles.c.id == article_id, limit=1)
    return found[0] if found else None


def _read_stored(
    connection: Connection, condition: ColumnElement[bool], *, limit: int
) -> list[StoredArticle]:
    """The articles meeting `condition` in id order, at most `limit`, with their statements."""
    columns = [articles.c[name] for name in ("id", "content_hash", *META_FIELDS, "text")]
    columns += [articles.c.duplicate_of, articles.c.similarity]
    rows = connection.execute(
        select(*columns).where(condition).order_by(articles.c.id).limit(limit)
    ).mappings().all()
    ids = [row["id"] for row in rows]
    found: dict[int, list[tuple[dict[str, Any], int | None]]] = {i: [] for i in ids}
    mentioned: dict[tuple[int, int], list[list[int]]] = {}
    claim_ids: dict[int, list[int | None]] = {i: [] for i in ids}
    if ids:
        for article_id, data, source_id, claim_id in connection.execute(
            select(attributions.c.article_id, attributions.c.data, attributions.c.source_id,
                   claim_statements.c.claim_id)
            .outerjoin(claim_statements, claim_statements.c.attribution_id == attributions.c.id)
            .where(attributions.c.article_id.in_(ids))
            .order_by(attributions.c.article_id, attributions.c.position)
        ):
            found[article_id].append((data, source_id))
            claim_ids[article_id].append(None if claim_id is None else int(claim_id))
        for article_id, source_id, start, end in connection.execute(
            select(mentions.c.article_id, mentions.c.source_id, mentions.c.start, mentions.c.end)
            .where(mentions.c.article_id.in_(ids))
            .order_by(mentions.c.article_id, mentions.c.start)
        ):
            mentioned.setdefault((article_id, source_id), []).append([start, end])
    return [
        StoredArticle(
            id=row["id"],
            content_hash=row["content_hash"],
            meta=ArticleMeta(**{name: row[name] for name in META_FIELDS}),
            article=Article.from_dict(_article_data(row["id"], row["text"], found, mentioned)),
            duplicate_of=row["duplicate_of"],
            similarity=row["similarity"],
            source_ids=[source_id for _, source_id in found[row["id"]]],
            claim_ids=claim_ids[row["id"]],
        )
        for row in rows
    ]


def _article_data(
    article_id: int,
    text: str,
    found: dict[int, list[tuple[dict[str, Any], int | None]]],
    mentioned: dict[tuple[int, int], list[list[int]]],
) -> dict[str, Any]:
    """The article's JSON with one entry in `sources` per archive source, its mentions read from
    the mentions table, and statements that refer to it by its number there."""
    listed: list[dict[str, Any]] = []
    number_of: dict[int, int] = {}
    statements = []
    for data, source_id in found[article_id]:
        source = data.get("source")
        if source is not None and source_id is not None:
            if source_id not in number_of:
                number_of[source_id] = len(listed)
                fields = {k: v for k, v in source.items() if k not in ("id", "mentions")}
                listed.append({**fields, "mentions": mentioned.get((article_id, source_id), [])})
            data = {**data, "source": {"id": number_of[source_id], "name": source["name"]}}
        statements.append(data)
    return {"text": text, "sources": listed, "attributions": statements}


def write_jsonl(stored: Iterator[StoredArticle], out: IO[str]) -> int:
    count = 0
    for item in stored:
        out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(stored: Iterator[StoredArticle], out: IO[str]) -> int:
    """One row per statement; returns the number of articles read."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    count = 0
    for item in stored:
        count += 1
        for position, attribution in enumerate(item.article.attributions):
            source = attribution.source
            writer.writerow(
                {
                    "article_id": item.id,
                    "url": item.meta.url,
                    "outlet": item.meta.outlet,
                    "title": item.meta.title,
                    "published": item.meta.published.isoformat() if item.meta.published else "",
                    "position": position,
                    "type": str(attribution.type),
                    "medium": str(attribution.medium),
                    "source": source.name if source else "",
                    "source_kind": source.kind if source else "",
                    "speaker": attribution.speaker.text if attribution.speaker else "",
                    "cue": attribution.cue.text if attribution.cue else "",
                    "quote": attribution.quote.text,
                    "stance": attribution.stance or "",
                    "channel": attribution.channel.text if attribution.channel else "",
                    "duplicate_of": item.duplicate_of or "",
                }
            )
    return count


def write_parquet(stored: Iterator[StoredArticle], path: str, *, batch_rows: int = 2000) -> int:
    count = 0
    with pq.ParquetWriter(path, EXPORT_SCHEMA) as writer:
        batch: list[dict[str, Any]] = []
        for item in stored:
            row: dict[str, Any] = {name: getattr(item.meta, name) for name in META_FIELDS}
            row.update(
                id=item.id,
                content_hash=item.content_hash,
                text=item.article.text,
                attributions=json.dumps(
                    [a.to_dict() for a in item.article.attributions], ensure_ascii=False
                ),
                duplicate_of=item.duplicate_of,
                similarity=item.similarity,
            )
            batch.append(row)
            count += 1
            if len(batch) >= batch_rows:
                writer.write_table(pa.Table.from_pylist(batch, schema=EXPORT_SCHEMA))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=EXPORT_SCHEMA))
    return count


@contextmanager
def written_whole(target: Path) -> Iterator[Path]:
    """The path to write `target` under: a temporary file beside it, renamed to `target` once
    written (an export killed half-way, or a full disk, leaves an earlier `target` whole and
    no part under its name). A target that is no regular file (/dev/stdout, a pipe) is
    written directly."""
    if target.is_dir():
        raise InputError(f"{target}: is a folder; name a file, e.g. --out {target}/archive.jsonl")
    if target.exists() and not target.is_file():
        with _named(target):
            yield target
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(handle)
    temporary = Path(name)
    try:
        with _named(target):
            yield temporary
            with temporary.open("rb") as written:
                os.fsync(written.fileno())
            os.chmod(temporary, _mode_for(target))
            os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise


@contextmanager
def _named(target: Path) -> Iterator[None]:
    """A write error that names no file (a full disk) names the target."""
    try:
        yield
    except OSError as error:
        if not error.filename:
            error.filename = str(target)
        raise


def _mode_for(target: Path) -> int:
    """The mode of the file being replaced, or what a new file gets under the umask."""
    if target.exists():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
