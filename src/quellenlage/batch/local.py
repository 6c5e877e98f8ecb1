"""The local batch engine: all cores of this machine analyse, one process writes Parquet parts."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from itertools import chain
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from quellenlage.archive.parquet import ARTICLE_SCHEMA
from quellenlage.batch.records import BatchReport, analyse_record, batch_files, read_batch_file
from quellenlage.errors import InputError
from quellenlage.ingest.parallel import map_in_order
from quellenlage.ingest.runner import ProgressHook
from quellenlage.ingest.sources import (
    RawArticle,
    ReaderOptions,
    ReadProblem,
    count_articles,
    input_problem,
)
from quellenlage.ingest.worker import Skipped
from quellenlage.pipeline import many_articles, many_articles_in_this_process

PART_ROWS = 5000
WRITE_ROWS = 500
CHUNK_SIZE = 4


class PartWriter:
    """Parquet parts of at most PART_ROWS rows; a part gets its final name only when complete."""

    def __init__(self, folder: Path, part_rows: int = PART_ROWS) -> None:
        self.folder = folder
        self.part_rows = part_rows
        self.part = 0
        self.rows_in_part = 0
        self.buffer: list[dict[str, Any]] = []
        self.writer: pq.ParquetWriter | None = None
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("part-*.parquet"):
            old.unlink()

    def _temporary(self) -> Path:
        return self.folder / f".part-{self.part:05d}.parquet.tmp"

    def add(self, row: dict[str, Any]) -> None:
        self.buffer.append(row)
        if len(self.buffer) >= WRITE_ROWS:
            self._write()

    def _write(self) -> None:
        if not self.buffer:
            return
        if self.writer is None:
            self.writer = pq.ParquetWriter(self._temporary(), ARTICLE_SCHEMA)
        self.writer.write_table(pa.Table.from_pylist(self.buffer, schema=ARTICLE_SCHEMA))
        self.rows_in_part += len(self.buffer)
        self.buffer = []
        if self.rows_in_part >= self.part_rows:
            self._finish_part()

    def _finish_part(self) -> None:
        if self.writer is None:
            return
        self.writer.close()
        self._temporary().rename(self.folder / f"part-{self.part:05d}.parquet")
        self.writer = None
        self.part += 1
        self.rows_in_part = 0

    def close(self) -> None:
        self._write()
        self._finish_part()


def run_local(
    source: str | Path,
    out: str | Path,
    *,
    options: ReaderOptions | None = None,
    workers: int = 1,
    progress: ProgressHook | None = None,
) -> BatchReport:
    options = options or ReaderOptions()
    files = batch_files(source)
    report = BatchReport(out=str(out))
    started = time.perf_counter()
    if progress is not None:
        progress.start(_total(files, options))
    items = chain.from_iterable(_read(path, options) for path in files)
    writer = PartWriter(Path(out))
    results = _analysed(items, workers)
    try:
        with closing(results):
            for result in results:
                report.read += 1
                if isinstance(result, Skipped):
                    report.note(result)
                else:
                    writer.add(result)
                    report.written += 1
                if progress is not None:
                    progress.advance()
    except BrokenProcessPool:
        raise InputError(f"a worker process ended unexpectedly (killed, or out of memory); "
                         f"{report.written} articles were written to {out}") from None
    writer.close()
    report.seconds = time.perf_counter() - started
    return report


def _read(path: Path, options: ReaderOptions) -> Iterator[RawArticle | ReadProblem]:
    """The records of one file; a file that cannot be read (or stops being readable half-way)
    is reported by name and the others are read."""
    try:
        yield from read_batch_file(path, options)
    except Exception as error:  # one bad file must not stop the batch
        yield ReadProblem(str(path), input_problem(str(path), error))


def _analysed(
    items: Iterator[RawArticle | ReadProblem], workers: int
) -> Iterator[dict[str, Any] | Skipped]:
    if workers <= 1:
        with many_articles():
            yield from map(analyse_record, items)
        return
    yield from map_in_order(analyse_record, items, workers=workers,
                            preload="quellenlage.batch.records",
                            initializer=many_articles_in_this_process, chunk_size=CHUNK_SIZE)


def _total(files: list[Path], options: ReaderOptions) -> int | None:
    total = 0
    for path in files:
        try:
            if path.name.lower().endswith(".parquet"):
                total += pq.ParquetFile(path).metadata.num_rows
                continue
            count = count_articles(str(path), options)
        except Exception:  # reading the file reports it, by name
            count = 1
        if count is None:
            return None
        total += count
    return total
