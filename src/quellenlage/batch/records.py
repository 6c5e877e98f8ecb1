"""Batch inputs (JSONL, WARC, Parquet) as raw articles, and one article's analysis as a row."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from quellenlage.archive.parquet import article_row
from quellenlage.archive.records import content_hash
from quellenlage.errors import InputError
from quellenlage.ingest.sources import (
    RawArticle,
    ReaderOptions,
    ReadProblem,
    read_input,
    read_warc_stream,
    record_article,
)
from quellenlage.ingest.worker import Skipped, german_meta
from quellenlage.pipeline import analyze

PARQUET_BATCH_ROWS = 256
BATCH_SUFFIXES = (".jsonl", ".ndjson", ".warc", ".warc.gz", ".parquet")


@dataclass(slots=True)
class BatchReport:
    read: int = 0
    written: int = 0
    skipped_language: int = 0
    failed: int = 0
    seconds: float = 0.0
    out: str = ""
    examples: list[tuple[str, str]] = field(default_factory=list)

    def note(self, skipped: Skipped) -> None:
        if skipped.kind == "language":
            self.skipped_language += 1
        else:
            self.failed += 1
        if len(self.examples) < 10:
            self.examples.append((skipped.origin, skipped.reason))

    def lines(self) -> list[str]:
        rate = self.read / self.seconds if self.seconds > 0 else 0.0
        lines = [
            f"{self.read} articles read in {self.seconds:.1f} s ({rate:.1f} articles/s)",
            f"{self.written} analysed articles written to {self.out}",
        ]
        if self.skipped_language:
            lines.append(f"{self.skipped_language} skipped as not German")
        if self.failed:
            lines.append(f"{self.failed} could not be read or analysed")
        lines.extend(f"  {origin}: {reason}" for origin, reason in self.examples)
        return lines


def batch_files(source: str | Path) -> list[Path]:
    """The input files: `source` itself, or the JSONL, WARC and Parquet files in the folder."""
    path = Path(source)
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(BATCH_SUFFIXES)
        )
        if not files:
            raise InputError(f"{source}: no .jsonl, .warc(.gz) or .parquet files in this folder")
        return files
    if not path.is_file():
        raise InputError(f"{source}: no such file or folder")
    if not path.name.lower().endswith(BATCH_SUFFIXES):
        raise InputError(f"{source}: batch reads .jsonl, .warc(.gz) or .parquet files")
    return [path]


def read_batch_file(path: Path, options: ReaderOptions) -> Iterator[RawArticle | ReadProblem]:
    if path.name.lower().endswith(".parquet"):
        yield from read_parquet_records(path, options)
    else:
        yield from read_input(str(path), options)


def read_parquet_records(
    path: Path, options: ReaderOptions
) -> Iterator[RawArticle | ReadProblem]:
    """Rows of a Parquet corpus; columns found like JSONL keys (see --field)."""
    parquet = pq.ParquetFile(path)
    number = 0
    for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS):
        for record in batch.to_pylist():
            number += 1
            yield record_article(record, f"{path}#{number}", options.fields)


def read_warc_bytes(name: str, content: bytes) -> Iterator[RawArticle | ReadProblem]:
    """Articles of a WARC file held in memory (Spark hands over whole files)."""
    yield from read_warc_stream(io.BytesIO(content), name)


def analyse_record(item: RawArticle | ReadProblem) -> dict[str, Any] | Skipped:
    """One input record as a row of analysed-article Parquet, or why it has none."""
    if isinstance(item, ReadProblem):
        return Skipped("failed", item.origin, item.reason)
    meta = german_meta(item.text, item.meta)
    if isinstance(meta, Skipped):
        return meta
    try:
        article = analyze(item.text)
    except Exception as error:  # one bad article must not stop a batch of millions
        return Skipped("failed", meta.origin or "?", f"{type(error).__name__}: {error}")
    return article_row(article, meta, content_hash(item.text))
