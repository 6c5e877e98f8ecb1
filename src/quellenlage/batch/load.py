"""`load`: import analysed-article Parquet (from batch or export) into an archive."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq

from quellenlage.archive.records import ArticleMeta
from quellenlage.archive.writer import ArchiveWriter
from quellenlage.errors import InputError
from quellenlage.ingest.runner import IngestSummary, ProgressHook, run_tasks
from quellenlage.ingest.worker import PrepareTask, Skipped

BATCH_ROWS = 256


def parquet_files(folder: Path) -> list[Path]:
    if folder.is_file() and folder.suffix == ".parquet":
        return [folder]
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    files = sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith("."))
    if not files:
        raise InputError(f"{folder}: no .parquet files; write some with `quellenlage batch`")
    return files


def load(
    writer: ArchiveWriter, folder: Path, *, workers: int = 1,
    progress: ProgressHook | None = None,
) -> IngestSummary:
    files = parquet_files(folder)
    total = sum(_rows(path) for path in files)
    return run_tasks(writer, _tasks(files), total=total, workers=workers, progress=progress)


def _rows(path: Path) -> int:
    """The rows of a Parquet file for the progress bar (one for a file that cannot be read:
    reading it reports it)."""
    try:
        return int(pq.ParquetFile(path).metadata.num_rows)
    except Exception:  # reported with its name when it is read
        return 1


def _tasks(files: list[Path]) -> Iterator[PrepareTask | Skipped]:
    """The rows of each file; a file that cannot be read (truncated, not Parquet) is
    reported by name, and the rows read from it before the fault are kept."""
    for path in files:
        try:
            yield from _file_tasks(path)
        except Exception as error:  # one bad file must not stop the others
            reason = str(error).strip().splitlines()[0] if str(error).strip() else (
                type(error).__name__)
            yield Skipped("failed", str(path), f"not a readable Parquet file ({reason})")


def _file_tasks(path: Path) -> Iterator[PrepareTask | Skipped]:
    parquet = pq.ParquetFile(path)
    if "text" not in parquet.schema_arrow.names:
        yield Skipped("failed", str(path), "no text column: not written by quellenlage batch")
        return
    number = 0
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
        for row in batch.to_pylist():
            number += 1
            meta = ArticleMeta.from_dict(row)
            if not meta.origin:
                meta.origin = f"{path}#{number}"
            yield PrepareTask(row["text"], row.get("attributions") or "[]", meta)
