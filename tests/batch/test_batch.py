"""Batch analysis to Parquet (local processes and Spark in local mode) and `load`."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quellenlage.archive import Archive
from quellenlage.archive.parquet import ARTICLE_SCHEMA
from quellenlage.batch.local import run_local
from quellenlage.errors import InputError
from quellenlage.pipeline import analyze
from tests.archive.corpus import article_text
from tests.ingest.test_cli import ENGLISH
from tests.ingest.test_readers import page


def make_corpus(folder: Path) -> int:
    """JSONL, Parquet and WARC inputs with 9 German articles and one English one."""
    folder.mkdir()
    with (folder / "a.jsonl").open("w", encoding="utf-8") as handle:
        for number in range(4):
            record = {"text": article_text(number), "outlet": "Tagesbote",
                      "published": f"2024-04-0{number + 1}T12:00:00Z"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        handle.write(json.dumps({"text": ENGLISH}) + "\n")
    table = pa.Table.from_pylist(
        [{"body": article_text(n), "headline": f"Meldung {n}"} for n in range(4, 7)]
    )
    pq.write_table(table, folder / "b.parquet")
    with (folder / "c.warc").open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for number in (7, 8):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://stadtanzeiger.example/{number}", "response",
                    payload=io.BytesIO(page(article_text(number)).encode("utf-8")),
                    http_headers=headers,
                )
            )
    return 9


def rows_by_hash(folder: Path) -> dict[str, dict[str, object]]:
    files = sorted(p for p in folder.rglob("*.parquet"))
    rows = [row for path in files for row in pq.read_table(path).to_pylist()]
    return {str(row["content_hash"]): row for row in rows}


def test_local_batch_writes_parquet_that_load_imports_once(tmp_path: Path) -> None:
    expected = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    report = run_local(tmp_path / "in", out, workers=2)
    assert (report.read, report.written, report.skipped_language) == (expected + 1, expected, 1)
    [part] = sorted(out.glob("*.parquet"))
    assert pq.read_schema(part).equals(ARTICLE_SCHEMA)
    rows = rows_by_hash(out)
    assert len(rows) == expected
    first = next(r for r in rows.values() if r["text"] == article_text(0))
    assert first["outlet"] == "Tagesbote" and first["language"] == "de"
    expected_json = [a.to_dict() for a in analyze(article_text(0)).attributions]
    assert json.loads(str(first["attributions"])) == expected_json
    assert any(r["title"] == "Meldung 5" for r in rows.values())

    with Archive(f"sqlite:///{tmp_path / 'archive.db'}") as archive:
        loaded = archive.load(out, workers=1)
        assert (loaded.added, loaded.already_stored) == (expected, 0)
        again = archive.load(out, workers=1)
        assert (again.added, again.already_stored) == (0, expected)
        stored = {a.content_hash: a for a in archive.articles()}
        assert stored.keys() == rows.keys()
        article = stored[str(first["content_hash"])]
        assert [a.to_dict() for a in article.article.attributions] == expected_json


def test_exported_parquet_loads_into_another_archive(tmp_path: Path) -> None:
    source = tmp_path / "quelle.db"
    with Archive(f"sqlite:///{source}") as archive:
        archive.ingest([str(_text_folder(tmp_path / "texte", 5))], workers=1)
        archive.export("parquet", tmp_path / "export" / "alles.parquet")
        original = [a.to_dict() for a in archive.articles()]
    with Archive(f"sqlite:///{tmp_path / 'ziel.db'}") as target:
        target.load(tmp_path / "export")
        copied = [a.to_dict() for a in target.articles()]
    assert copied == original


def _text_folder(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"{number}.txt").write_text(article_text(number + 20), encoding="utf-8")
    return folder


def test_batch_refuses_inputs_it_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "leer").mkdir()
    with pytest.raises(InputError, match=r"no \.jsonl"):
        run_local(tmp_path / "leer", tmp_path / "out")
    with pytest.raises(InputError, match="no such file"):
        run_local(tmp_path / "fehlt.jsonl", tmp_path / "out")


@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java 17+ (java not found)")
def test_spark_batch_in_local_mode_gives_the_same_rows_as_the_local_engine(
    tmp_path: Path,
) -> None:
    pytest.importorskip("pyspark", reason="the spark extra is not installed")
    from quellenlage.batch.spark import run_spark

    expected = make_corpus(tmp_path / "in")
    report = run_spark(tmp_path / "in", tmp_path / "spark", master="local[2]")
    assert (report.read, report.written, report.skipped_language) == (expected + 1, expected, 1)
    run_local(tmp_path / "in", tmp_path / "local", workers=1)
    spark_rows = rows_by_hash(tmp_path / "spark")
    local_rows = rows_by_hash(tmp_path / "local")
    assert spark_rows.keys() == local_rows.keys()
    for digest, row in local_rows.items():
        other = spark_rows[digest]
        for column in ("text", "attributions", "outlet", "title", "url", "published", "language"):
            assert other[column] == row[column], column
    with Archive(f"sqlite:///{tmp_path / 'archive.db'}") as archive:
        assert archive.load(tmp_path / "spark").added == expected
