"""Errors of the archive commands are one line on standard error with exit status 2, naming the
file or setting, and no traceback: bad URLs and numbers, full disks, read-only archives, files
that are no Parquet."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quellenlage.archive import Archive
from quellenlage.cli.main import app
from tests.archive.corpus import article_text
from tests.conftest import REPO

CLI = "from quellenlage.cli.main import app; app()"
EXAMPLES = REPO / "examples" / "nordkorea-verlauf.jsonl"
SECRET = "geheim99"


def run(*args: str, limit_bytes: int | None = None,
        user: int | None = None) -> subprocess.CompletedProcess[str]:
    """The command in this process (quick), or in a process of its own where it needs a file
    size limit (a full disk) or another user."""
    if limit_bytes is None and user is None:
        result = CliRunner().invoke(app, list(args), env={"COLUMNS": "300"})
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)

    def before() -> None:
        if limit_bytes is not None:  # a full disk: files stop growing at this size
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))
        if user is not None:
            os.setgid(user)
            os.setuid(user)

    return subprocess.run([sys.executable, "-c", CLI, *args], capture_output=True, text=True,
                          timeout=300, check=False, preexec_fn=before, env=dict(
                              os.environ, COLUMNS="300"))


def one_line(result: subprocess.CompletedProcess[str], *words: str, status: int = 2) -> str:
    assert result.returncode == status, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive of the four example articles with their claims linked."""
    database = tmp_path_factory.mktemp("linked") / "archiv.db"
    assert run("ingest", str(EXAMPLES), "--db", str(database), "-q", "--workers", "1"
               ).returncode == 0
    assert run("link-claims", "--db", str(database), "-q").returncode == 0
    return database


def copy_of(database: Path, folder: Path) -> Path:
    copy = folder / database.name
    shutil.copy(database, copy)
    return copy


@pytest.mark.parametrize("limit", ["99999999999999999999", "-1", "0"])
def test_a_limit_out_of_range_is_one_line_on_both_databases(
    linked: Path, limit: str, archive_url: str
) -> None:
    with Archive(archive_url):
        pass  # an empty archive of each kind
    for db in (str(linked), archive_url):
        one_line(run("search", "Soldaten", "--limit", limit, "--db", db), f"limit {limit}",
                 "1 to 1,000,000")
    one_line(run("claims", "--limit", limit, "--db", str(linked)), f"limit {limit}")
    one_line(run("claims", "--min-articles", limit, "--db", str(linked)), "min-articles")


def test_a_claim_id_beyond_64_bits_is_not_found(linked: Path) -> None:
    one_line(run("claim", "99999999999999999999", "--db", str(linked)),
             "no claim with id 99999999999999999999")


def test_a_query_may_start_with_an_excluded_word(linked: Path) -> None:
    result = run("search", "-Propaganda Soldaten", "--db", str(linked), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)


@pytest.mark.parametrize("url", [
    "postgresql://redaktion:geheim99@host:keinport/archiv",
    "postgresql+psycopg2://redaktion:geheim99@127.0.0.1/archiv",
    "postgresql+asyncpg://redaktion:geheim99@127.0.0.1/archiv",
    "postgres://redaktion:geheim99@127.0.0.1/archiv",
    "mysql://redaktion:geheim99@127.0.0.1/archiv",
    "postgresql://redaktion:geheim99@127.0.0.1:1/archiv",
])
def test_a_bad_database_url_is_one_line_without_the_password(url: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article_text(1), encoding="utf-8")
    line = one_line(run("ingest", str(tmp_path / "a.txt"), "-q", "--db", url))
    assert SECRET not in line and "***" in line, line
    if ":1/" not in url:  # that one is a valid URL of a server that is not there
        assert "postgresql://USER:PASSWORD@HOST:PORT/DATABASE" in line


def test_a_csv_delimiter_of_two_characters_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f"text\n{article_text(1)}\n", encoding="utf-8")
    one_line(run("ingest", str(path), "--delimiter", ";;", "--db", str(tmp_path / "a.db")),
             "--delimiter ';;'")


def test_export_to_a_folder_or_a_full_device_is_one_line(linked: Path, tmp_path: Path) -> None:
    one_line(run("export", "--out", str(tmp_path), "--db", str(linked)), str(tmp_path),
             "is a folder")
    one_line(run("export", "--out", "/dev/full", "--db", str(linked)), "/dev/full",
             "No space left on device")
    one_line(run("export", "--out", "/dev/full", "--format", "parquet", "--db", str(linked)),
             "/dev/full")


def test_a_full_disk_is_one_line_for_export_link_claims_and_load(
    linked: Path, tmp_path: Path
) -> None:
    database = copy_of(linked, tmp_path)
    corpus = tmp_path / "korpus.jsonl"
    corpus.write_text("".join(json.dumps({"text": article_text(n)}) + "\n" for n in range(40)),
                      encoding="utf-8")
    assert run("ingest", str(corpus), "--db", str(database), "-q", "--workers", "1",
               "--engine", "rules").returncode == 0
    out = tmp_path / "alles.jsonl"
    assert run("export", "--out", str(out), "--db", str(database)).returncode == 0
    before = out.read_bytes()
    assert len(before) > 100_000
    # SQLite's shared memory file takes 32 KB: the limit leaves room for it, not the export
    one_line(run("export", "--format", "jsonl", "--out", str(out), "--db", str(database),
                 limit_bytes=40_000), str(out), "File too large")
    assert out.read_bytes() == before  # the earlier export is whole
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []

    assert run("export", "--format", "parquet", "--out", str(tmp_path / "p" / "a.parquet"),
               "--db", str(database)).returncode == 0
    size = database.stat().st_size
    empty = tmp_path / "leer.db"
    assert run("search", "x", "--db", str(empty)).returncode == 2  # not created by a reader
    Archive(str(empty)).close()
    one_line(run("load", str(tmp_path / "p"), "--db", str(empty), "-q", "--workers", "1",
                 limit_bytes=empty.stat().st_size + 4096), str(empty), "cannot be written")
    assert database.stat().st_size == size
    # writes past the limit fail, in the database file as in its write-ahead log
    one_line(run("link-claims", "--db", str(database), "-q", limit_bytes=33_000),
             str(database))


def test_load_reports_files_that_are_no_parquet_and_loads_the_rest(
    linked: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "teile"
    assert run("export", "--format", "parquet", "--out", str(folder / "gut.parquet"),
               "--db", str(linked)).returncode == 0
    good = (folder / "gut.parquet").read_bytes()
    (folder / "kaputt.parquet").write_bytes(good[: len(good) // 2])
    (folder / "text.parquet").write_text("kein Parquet", encoding="utf-8")
    result = run("load", str(folder), "--db", str(tmp_path / "neu.db"), "-q", "--workers", "1")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    output = " ".join(result.stdout.split())
    assert "4 stored" in output
    for name in ("kaputt.parquet", "text.parquet"):
        assert f"{folder / name}: not a readable Parquet file" in output, output


def test_a_read_only_archive_can_be_searched_and_exported(linked: Path, tmp_path: Path) -> None:
    read_only = f"sqlite:///file:{linked}?mode=ro&uri=true"
    found = run("search", "Soldaten", "--db", read_only, "--format", "jsonl")
    assert found.returncode == 0 and found.stdout.strip(), found.stderr
    assert run("export", "--db", read_only).stdout.count("\n") == 4
    text = tmp_path / "neu.txt"
    text.write_text(article_text(1), encoding="utf-8")
    one_line(run("ingest", str(text), "--db", read_only, "-q"), "readonly")


def test_an_archive_without_write_permission_can_be_searched(linked: Path, tmp_path: Path) -> None:
    """As a user who may read the archive but not write it or its folder."""
    if os.getuid() != 0:
        folder = tmp_path / "nur-lesen"
        folder.mkdir()
        database = copy_of(linked, folder)
        database.chmod(0o444)
        folder.chmod(0o555)
        user = None
    else:
        nobody = 65534
        folder = Path("/tmp") / f"quellenlage-nur-lesen-{os.getpid()}"
        folder.mkdir(mode=0o755, exist_ok=True)
        database = copy_of(linked, folder)
        database.chmod(0o644)
        try:
            works = run("--version", user=nobody).returncode == 0
        except OSError:
            works = False
        if not works:
            shutil.rmtree(folder)
            pytest.skip("this Python cannot run as user nobody (its files are not readable)")
        user = nobody
    try:
        found = run("search", "Soldaten", "--db", str(database), "--format", "jsonl", user=user)
        assert found.returncode == 0 and found.stdout.strip(), found.stderr
        text = folder / "neu.txt"
        text.write_text(article_text(1), encoding="utf-8")
        one_line(run("ingest", str(text), "--db", str(database), "-q", "--workers", "1",
                     user=user), "readonly")
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def test_extract_refuses_a_text_over_the_size_limit_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "lang.txt"
    path.write_text(article_text(1) * 3, encoding="utf-8")
    one_line(run("extract", str(path), "--max-chars", "1000"), str(path),
             "over the limit of 1,000 (--max-chars)")


def test_a_utf16_file_gets_the_utf16_hint_and_its_name_once(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(article_text(1).encode("utf-16"))
    line = one_line(run("extract", str(path)), "iconv -f utf-16 -t utf-8")
    assert line.count(str(path)) == 1
