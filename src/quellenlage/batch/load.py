"""`load`: import analysed-article Parquet (from batch or export) into an archive."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.parquet as pq

from quellenlage.archive.records import ArticleMeta
from quellenlage.errors import InputError
from quellenlage.ingest.runner import IngestSummary, ProgressHook, run_tasks
from quellenlage.ingest.worker import PrepareTask, Skipped

if TYPE_CHECKING:
    from quellenlage.archive.archive import Archive

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
    archive: Archive, folder: Path, *, workers: int = 1, progress: ProgressHook | None = None
) -> IngestSummary:
    files = parquet_files(folder)
    total = sum(pq.ParquetFile(path).metadata.num_rows for path in files)
    return run_tasks(archive, _tasks(files), total=total, workers=workers, progress=progress)


def _tasks(files: list[Path]) -> Iterator[PrepareTask | Skipped]:
    for path in files:
        parquet = pq.ParquetFile(path)
        if "text" not in parquet.schema_arrow.names:
            yield Skipped("failed", str(path), "no text column: not written by quellenlage batch")
            continue
        number = 0
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
            for row in batch.to_pylist():
                number += 1
                meta = ArticleMeta.from_dict(row)
                if not meta.origin:
                    meta.origin = f"{path}#{number}"
                yield PrepareTask(row["text"], row.get("attributions") or "[]", meta)
