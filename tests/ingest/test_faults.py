"""Faults during an ingest with two workers: each one ends the run within 30 s with one line,
keeps what was committed, and the same ingest run again completes.

The full disk is a file size limit (RLIMIT_FSIZE) on the ingest process, the read-only archive
an SQLite URI with mode=ro: both work as root and on any file system. PostgreSQL going away is
the server ending the ingest's sessions.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import DBAPIError

from quellenlage.archive.database import parse_url
from tests.archive.corpus import article_text
from tests.archive.test_crash import check_whole_articles, committed_articles
from tests.conftest import fresh_postgres

CLI = "from quellenlage.cli.main import app; app()"
ARTICLES = 400
FAULT_SECONDS = 30  # the run must end this soon after the fault


def write_corpus(path: Path, count: int = ARTICLES) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            record = {"text": article_text(number), "url": f"https://zeitung.example/{number}"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def ingest_command(corpus: Path, db: str, *more: str) -> list[str]:
    return [sys.executable, "-c", CLI, "ingest", str(corpus), "--db", db, "--workers", "2",
            "--quiet", *more]


def workers_of(pid: int) -> list[int]:
    """The worker processes of an ingest: the children of its forkserver, a child of its own
    with "forkserver" in its command line (which the forked workers share)."""
    servers = [child for child in children(pid) if "forkserver" in _cmdline(child)]
    return [worker for server in servers for worker in children(server)]


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def ended_within(process: subprocess.Popen[bytes], seconds: float) -> tuple[int, str]:
    try:
        _, error = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(f"the command went on for {seconds} s after the fault") from None
    return process.returncode, error.decode()


def assert_one_line(error: str, *words: str) -> None:
    lines = error.strip().splitlines()
    assert len(lines) == 1, error
    assert "Traceback" not in error
    for word in words:
        assert word in lines[0], lines[0]


def test_a_killed_worker_ends_the_ingest_and_a_rerun_completes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    database = tmp_path / "archive.db"
    db = f"sqlite:///{database}"
    process = subprocess.Popen(ingest_command(corpus, db), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while committed_articles(database) < 30 or not workers_of(process.pid):
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        assert time.monotonic() < deadline, "the ingest stored nothing for two minutes"
        time.sleep(0.02)
    os.kill(workers_of(process.pid)[0], signal.SIGKILL)
    returncode, error = ended_within(process, FAULT_SECONDS)
    assert returncode == 2
    assert_one_line(error, "worker process", "run the same command again")
    stored = check_whole_articles(database)
    assert 30 <= stored < ARTICLES, "the kill came after the end: nothing was tested"

    again = subprocess.run(ingest_command(corpus, db), capture_output=True, timeout=300,
                           check=False)
    assert again.returncode == 0, again.stderr.decode()
    assert check_whole_articles(database) == ARTICLES


def test_a_read_only_archive_ends_a_parallel_ingest_at_once(tmp_path: Path) -> None:
    database = tmp_path / "archive.db"
    first = subprocess.run(ingest_command(write_corpus(tmp_path / "a.jsonl", 3),
                                          f"sqlite:///{database}"),
                           capture_output=True, timeout=120, check=False)
    assert first.returncode == 0, first.stderr.decode()
    read_only = f"sqlite:///file:{database}?mode=ro&uri=true"
    process = subprocess.Popen(ingest_command(write_corpus(tmp_path / "b.jsonl"), read_only),
                               start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    returncode, error = ended_within(process, FAULT_SECONDS + 20)  # the start included
    assert returncode == 2
    assert_one_line(error, "readonly", "0 articles were stored")
    assert check_whole_articles(database) == 3


def limit_file_size(size: int) -> None:
    """In the child before it runs: files it writes stop growing at `size` bytes (EFBIG,
    which SQLite reports as a full disk), instead of the signal that would kill it."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def test_a_full_disk_ends_a_parallel_ingest_and_a_rerun_completes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    database = tmp_path / "archive.db"
    db = f"sqlite:///{database}"
    process = subprocess.Popen(ingest_command(corpus, db), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               preexec_fn=lambda: limit_file_size(1_500_000))
    returncode, error = ended_within(process, 120 + FAULT_SECONDS)
    assert returncode == 2
    assert_one_line(error, "cannot be written", str(database))
    stored = check_whole_articles(database)
    assert stored < ARTICLES

    again = subprocess.run(ingest_command(corpus, db), capture_output=True, timeout=300,
                           check=False)
    assert again.returncode == 0, again.stderr.decode()
    assert check_whole_articles(database) == ARTICLES


def test_postgresql_going_away_ends_a_parallel_ingest_and_a_rerun_completes(
    tmp_path: Path,
) -> None:
    url = fresh_postgres()
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    process = subprocess.Popen(ingest_command(corpus, url), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    engine = create_engine(parse_url(url))
    try:
        deadline = time.monotonic() + 120
        while stored_in(engine) < 30:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, "the ingest stored nothing for two minutes"
            time.sleep(0.05)
        with engine.connect() as connection:  # the server ends every session of the ingest
            connection.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        returncode, error = ended_within(process, FAULT_SECONDS + 60)
        if returncode != 0:  # a session ended mid-write stops the run; between writes, a new
            assert returncode == 2  # session takes over
            assert_one_line(error, "cannot be written or read", "run the same command again")
        again = subprocess.run(ingest_command(corpus, url), capture_output=True, timeout=300,
                               check=False)
        assert again.returncode == 0, again.stderr.decode()
        assert stored_in(engine) == ARTICLES
    finally:
        engine.dispose()


def stored_in(engine: Engine) -> int:
    try:
        with engine.connect() as connection:
            return int(connection.exec_driver_sql("SELECT count(*) FROM articles").scalar() or 0)
    except DBAPIError:
        return 0  # the schema is being made


def test_a_killed_worker_ends_a_parallel_batch_in_one_line(tmp_path: Path) -> None:
    # enough articles that the rules engine, the default and fast, is still at work when the
    # worker is killed
    corpus = write_corpus(tmp_path / "corpus.jsonl", count=ARTICLES * 10)
    out = tmp_path / "teile"
    process = subprocess.Popen(
        [sys.executable, "-c", CLI, "batch", str(corpus), "--out", str(out), "--workers", "2",
         "--quiet"], start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(workers_of(process.pid)) < 2:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        assert time.monotonic() < deadline, "no worker started in two minutes"
        time.sleep(0.02)
    time.sleep(0.5)  # at work
    os.kill(workers_of(process.pid)[0], signal.SIGKILL)
    returncode, error = ended_within(process, FAULT_SECONDS)
    assert returncode == 2
    assert_one_line(error, "worker process")
