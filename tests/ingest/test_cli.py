"""The archive commands end to end: ingest (parallel), search, export."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from quellenlage.cli.main import app
from quellenlage.ingest.sources import RawArticle, ReaderOptions, read_input
from tests.archive.corpus import article_text

runner = CliRunner()
ENGLISH = (
    "The mayor said on Monday that the city would build a new tram line, and that the work "
    "would start in the summer if the council agrees with the plan of the transport company."
)


def write_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        (folder / f"artikel-{number:03d}.txt").write_text(article_text(number), encoding="utf-8")
    (folder / "english.txt").write_text(ENGLISH, encoding="utf-8")


def test_ingest_search_and_export_from_the_command_line(tmp_path: Path) -> None:
    corpus = tmp_path / "korpus"
    write_corpus(corpus, 30)
    db = f"sqlite:///{tmp_path / 'archiv.db'}"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--workers", "2", "-q"])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "31 articles read" in output
    assert "30 stored" in output
    assert "1 skipped as not German (en 1)" in output
    assert "english.txt:notGerman" in "".join(output.split())  # a path may wrap anywhere

    again = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--workers", "1", "-q"])
    assert "30 already in the archive" in " ".join(again.output.split())

    found = runner.invoke(
        app, ["search", "Kundgebung", "--articles", "--db", db, "--format", "jsonl"]
    )
    assert found.exit_code == 0, found.output
    hits = [json.loads(line) for line in found.output.splitlines()]
    assert len(hits) == 20  # the default limit
    table = runner.invoke(app, ["search", "Kundgebung Rathaus", "--articles", "--db", db])
    assert "hits" in table.output

    exported = runner.invoke(app, ["export", "--format", "jsonl", "--db", db])
    lines = exported.output.splitlines()
    assert len(lines) == 30
    assert {json.loads(line)["language"] for line in lines} == {"de"}


def test_commands_that_read_refuse_a_missing_archive(tmp_path: Path) -> None:
    result = runner.invoke(app, ["search", "Kosten", "--db", str(tmp_path / "nichts.db")])
    assert result.exit_code == 2
    assert "no archive here" in result.output
    assert not (tmp_path / "nichts.db").exists()


def test_bad_options_are_clear_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "fehlt"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "no such file" in " ".join(result.output.split())
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", "mysql://host/db"])
    assert result.exit_code == 2 and "unsupported database" in " ".join(result.output.split())


def test_the_10kgnad_test_set_is_read_as_1028_articles(gnad_test: Path) -> None:
    items = list(read_input(str(gnad_test), ReaderOptions(fields={"section": "0"})))
    assert len(items) == 1028
    assert all(isinstance(item, RawArticle) for item in items)
    assert all(item.meta.section and len(item.text) > 50 for item in items)  # type: ignore[union-attr]


def test_an_unreachable_database_is_a_clear_error_without_the_password(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article_text(1), encoding="utf-8")
    url = "postgresql://redaktion:geheim@127.0.0.1:1/archiv"
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", url, "-q"])
    assert result.exit_code == 2
    assert "cannot open the archive" in " ".join(result.output.split())
    assert "geheim" not in result.output


def test_ingest_with_the_rules_engine_and_an_unknown_engine(tmp_path: Path) -> None:
    corpus = tmp_path / "korpus"
    write_corpus(corpus, 3)
    db = f"sqlite:///{tmp_path / 'archiv.db'}"
    result = runner.invoke(
        app, ["ingest", str(corpus), "--db", db, "--workers", "1", "--engine", "rules", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert "3 stored" in " ".join(result.output.split())
    wrong = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--engine", "magic", "-q"])
    assert wrong.exit_code == 2
    assert "unknown engine 'magic'" in wrong.output
