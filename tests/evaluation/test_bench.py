"""The 10kGNAD CSV reader and the throughput benchmark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quellenlage.cli.main import app
from quellenlage.errors import DataFormatError, InputError
from quellenlage.evaluation.bench import run_benchmark
from quellenlage.evaluation.corpus import read_gnad_csv

ARTICLES = [
    ("Inland", "Der Kanzler sagte am Dienstag: „Wir halten Kurs.“ Die Opposition widersprach."),
    ("Sport", "Der Trainer erklärte, die Mannschaft sei gut vorbereitet; sie gewann 3:1."),
    ("Kultur", "Das Museum zeigt ab Mai Gemälde aus dem 19. Jahrhundert."),
    ("Web", "Laut dem Hersteller soll das Update ''bald'' erscheinen."),
]


def write_csv(path: Path) -> Path:
    lines = [f"{category};'{text}'" for category, text in ARTICLES]
    path.write_text("\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:]) + "\n", "utf-8")
    return path


def test_reads_category_and_text(tmp_path: Path) -> None:
    rows = list(read_gnad_csv(write_csv(tmp_path / "test.csv")))
    assert [category for category, _ in rows] == ["Inland", "Sport", "Kultur", "Web"]
    # A ";" inside the quoted text stays in the text, a doubled quote becomes one.
    assert rows[1][1].endswith("vorbereitet; sie gewann 3:1.")
    assert rows[3][1] == "Laut dem Hersteller soll das Update 'bald' erscheinen."


def test_row_with_wrong_field_count_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text("Inland;'Ein Satz.'\nSport;'Zwei';'Felder zu viel'\n", "utf-8")
    with pytest.raises(DataFormatError, match="line 2: expected category;'text', found 3"):
        list(read_gnad_csv(path))


def test_missing_csv_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_gnad_csv(tmp_path / "absent.csv"))


def test_benchmark_counts_articles_words_and_time(tmp_path: Path) -> None:
    texts = [text for _, text in read_gnad_csv(write_csv(tmp_path / "test.csv"))]
    result = run_benchmark(texts, warmup=2)
    assert result.articles == 4
    assert result.words == sum(len(text.split()) for text in texts)
    assert result.seconds > 0 and result.articles_per_second > 0
    assert result.attributions >= 0
    assert result.peak_memory_mb > 10


def test_bench_command_with_limit(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "test.csv")
    result = CliRunner().invoke(app, ["bench", str(path), "--limit", "3", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["articles"] == 3
    assert {"articles_per_second", "words_per_second", "load_seconds", "peak_memory_mb"} <= set(
        figures
    )


def test_bench_command_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", str(write_csv(tmp_path / "test.csv"))])
    assert result.exit_code == 0, result.output
    for label in ("articles/s", "words/s", "attributions found", "peak memory"):
        assert label in result.stdout


def test_bench_without_the_default_corpus_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["bench"])
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert "10kgnad/test.csv: no such file" in message


def test_reads_the_gnad_test_split(gnad_test: Path) -> None:
    rows = list(read_gnad_csv(gnad_test))
    assert len(rows) == 1028
    assert all(category and text for category, text in rows)
