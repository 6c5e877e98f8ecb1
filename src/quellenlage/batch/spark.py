"""The Spark batch engine: the same per-record analysis, run per partition on a Spark cluster.

`master` is any Spark master URL: `local[*]` uses this machine (CI runs that on a small corpus),
`spark://host:7077` or `yarn` a cluster; every executor needs this package installed. The output
is a folder of Parquet parts in the layout `quellenlage load` reads.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from quellenlage.archive.parquet import ARTICLE_SCHEMA
from quellenlage.batch.records import (
    BatchReport,
    analyse_record,
    batch_files,
    read_warc_bytes,
)
from quellenlage.errors import InputError
from quellenlage.ingest.sources import ReaderOptions, ReadProblem, record_article
from quellenlage.ingest.worker import Skipped
from quellenlage.pipeline import many_articles

COLUMNS = tuple(ARTICLE_SCHEMA.names)


def run_spark(
    source: str | Path,
    out: str | Path,
    *,
    options: ReaderOptions | None = None,
    master: str = "local[*]",
) -> BatchReport:
    options = options or ReaderOptions()
    files = batch_files(source)
    # Executors run the interpreter that runs this (with this package), unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # keep a local job on loopback
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise InputError(
            "the spark engine needs pyspark: pip install 'quellenlage[spark]' (and Java 17+)"
        ) from None
    started = time.perf_counter()
    spark = (
        SparkSession.builder.master(master)
        .appName("quellenlage-batch")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    report = BatchReport(out=str(out))
    try:
        context = spark.sparkContext
        context.setLogLevel("ERROR")
        counters = {name: context.accumulator(0) for name in ("read", "language", "failed")}
        records = _records(spark, files, dict(options.fields))
        rows = records.mapPartitions(partial(_analyse_partition, counters))
        frame = spark.createDataFrame(rows, schema=_spark_schema())
        frame.write.mode("overwrite").parquet(str(out))
        report.read = counters["read"].value
        report.skipped_language = counters["language"].value
        report.failed = counters["failed"].value
        report.written = report.read - report.skipped_language - report.failed
    finally:
        spark.stop()
    report.seconds = time.perf_counter() - started
    return report


def _records(spark: Any, files: list[Path], fields: dict[str, str]) -> Any:
    """One RDD of raw articles (or read problems) from all input files."""
    context = spark.sparkContext
    parts = []
    jsonl = [str(p) for p in files if p.name.lower().endswith((".jsonl", ".ndjson"))]
    warc = [str(p) for p in files if p.name.lower().endswith((".warc", ".warc.gz"))]
    parquet = [str(p) for p in files if p.name.lower().endswith(".parquet")]
    for path in jsonl:
        parts.append(context.textFile(path).mapPartitions(partial(_jsonl_lines, path, fields)))
    if warc:
        parts.append(context.binaryFiles(",".join(warc)).flatMap(_warc_file))
    if parquet:
        rows = spark.read.parquet(*parquet).rdd.map(lambda row: row.asDict())
        parts.append(rows.mapPartitions(partial(_parquet_rows, ",".join(parquet), fields)))
    return parts[0] if len(parts) == 1 else context.union(parts)


def _jsonl_lines(path: str, fields: dict[str, str], lines: Iterable[str]) -> Iterator[Any]:
    import json

    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadProblem(path, f"not a JSON line ({error})")
            continue
        if not isinstance(record, dict):
            yield ReadProblem(path, "a JSON line must hold an object")
            continue
        yield record_article(record, path, fields)


def _parquet_rows(
    origin: str, fields: dict[str, str], rows: Iterable[dict[str, Any]]
) -> Iterator[Any]:
    for row in rows:
        yield record_article(row, origin, fields)


def _warc_file(named_content: tuple[str, bytes]) -> Iterator[Any]:
    name, content = named_content
    yield from read_warc_bytes(name, content)


def _analyse_partition(counters: dict[str, Any], items: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    with many_articles():
        for item in items:
            counters["read"].add(1)
            result = analyse_record(item)
            if isinstance(result, Skipped):
                counters["language" if result.kind == "language" else "failed"].add(1)
                continue
            yield tuple(result[name] for name in COLUMNS)


def _spark_schema() -> Any:
    from pyspark.sql.types import StringType, StructField, StructType, TimestampNTZType

    return StructType(
        [
            StructField(name, TimestampNTZType() if name == "published" else StringType(), True)
            for name in COLUMNS
        ]
    )
