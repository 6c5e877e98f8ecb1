"""Crash safety for real: an ingest process is killed with SIGKILL in the middle of its work."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.archive.corpus import article_text

ARTICLES = 700
CLI = "from quellenlage.cli.main import app; app()"


def committed_articles(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the schema is being created


def check_whole_articles(database: Path) -> int:
    """Every stored article has all its rows: statements, search entry, bands. Returns count."""
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        partial = connection.execute(
            "SELECT count(*) FROM articles a WHERE a.attribution_count != "
            "(SELECT count(*) FROM attributions t WHERE t.article_id = a.id)"
        ).fetchone()[0]
        assert partial == 0
        assert connection.execute("SELECT count(*) FROM article_fts").fetchone()[0] == articles
        unbanded = connection.execute(
            "SELECT count(*) FROM articles a WHERE a.signature IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM article_bands b WHERE b.article_id = a.id)"
        ).fetchone()[0]
        assert unbanded == 0
        hashes = connection.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()
        assert hashes[0] == articles
        return int(articles)


def test_sigkill_mid_ingest_leaves_whole_articles_and_a_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for number in range(ARTICLES):
            record = {"text": article_text(number), "url": f"https://zeitung.example/{number}"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    database = tmp_path / "archive.db"
    command = [
        sys.executable, "-c", CLI, "ingest", str(corpus),
        "--db", f"sqlite:///{database}", "--workers", "2", "--quiet",
    ]
    # A session of its own: the kill reaches the writer and its worker processes together.
    process = subprocess.Popen(
        command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 120
        while committed_articles(database) < 100:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, "the ingest stored nothing for two minutes"
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL

    stored_before = check_whole_articles(database)
    assert 100 <= stored_before < ARTICLES, "the kill came after the end: nothing was tested"

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert check_whole_articles(database) == ARTICLES
    assert f"{stored_before} already in the archive" in rerun.stdout
    assert f"{ARTICLES - stored_before} stored" in rerun.stdout
