"""Bad inputs among good ones: each is reported once by its name and skipped, the rest is stored,
and the exit status says that some failed. Inputs are made here, on the fly."""

from __future__ import annotations

import gzip
import io
import json
import os
import pathlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quellenlage.archive import Archive
from quellenlage.cli.main import app
from quellenlage.ingest.sources import ReaderOptions, ReadProblem, expand_inputs, read_input
from tests.archive.corpus import article_text
from tests.ingest.test_readers import page

runner = CliRunner()


def warc(records: list[tuple[str, bytes]], *, compressed: bool = True) -> bytes:
    """A WARC file of HTML responses (url, body)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compressed)
    for url, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buffer.getvalue()


def ingest(tmp_path: Path, *inputs: str, more: tuple[str, ...] = ()) -> Result:
    db = f"sqlite:///{tmp_path / 'archiv.db'}"
    return runner.invoke(app, ["ingest", *inputs, "--db", db, "--workers", "1", "-q", *more])


def stored(tmp_path: Path) -> int:
    with Archive(f"sqlite:///{tmp_path / 'archiv.db'}") as archive:
        return archive.counts()["articles"]


def flat(output: str) -> str:
    """The output without white space: a long path may wrap anywhere."""
    return "".join(output.split())


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[str]]:
    """Paths that cannot be opened or listed, as without read permission (as root, chmod
    does not keep a process out)."""
    denied: set[str] = set()
    real_open, real_scandir = pathlib.Path.open, os.scandir

    def open_(path: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if str(path) in denied:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    def scandir(path: object = ".") -> object:
        if str(path) in denied:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(pathlib.Path, "open", open_)
    monkeypatch.setattr(pathlib.Path, "read_bytes",
                        lambda path: open_(path, "rb").read())  # type: ignore[no-untyped-call]
    monkeypatch.setattr(os, "scandir", scandir)
    yield denied


def test_bad_inputs_in_a_folder_are_reported_by_name_and_the_rest_is_stored(
    tmp_path: Path, unreadable: set[str]
) -> None:
    folder = tmp_path / "eingang"
    (folder / "gesperrt").mkdir(parents=True)
    (folder / "gesperrt" / "verborgen.txt").write_text(article_text(9), encoding="utf-8")
    for number in range(3):
        (folder / f"gut-{number}.txt").write_text(article_text(number), encoding="utf-8")
    (folder / "latin1.csv").write_bytes(
        "text\nDie Bürgermeisterin sagte, die Straßenbahn werde gebaut.\n".encode("latin-1"))
    (folder / "utf16.txt").write_bytes(article_text(5).encode("utf-16"))
    (folder / "kaputt.warc").write_bytes(b"\x00\x01GET / HTTP\x1b[31m\xff\xfe" * 50)
    cut = warc([(f"https://zeitung.example/{n}", page(article_text(n + 10)).encode())
                for n in range(2)])
    (folder / "abgeschnitten.warc.gz").write_bytes(cut[: len(cut) * 3 // 4])
    (folder / "leer.txt").write_text("", encoding="utf-8")
    (folder / "leerzeichen.txt").write_text("  \n\t \n", encoding="utf-8")
    (folder / "geheim.jsonl").write_text(json.dumps({"text": article_text(6)}) + "\n",
                                         encoding="utf-8")
    unreadable.update({str(folder / "geheim.jsonl"), str(folder / "gesperrt")})

    result = ingest(tmp_path, str(folder))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    output = flat(result.output)
    for name, reason in (
        ("latin1.csv", "notvalidUTF-8"), ("utf16.txt", "iconv-futf-16"),
        ("kaputt.warc", "notareadableWARCfile"), ("leer.txt", "emptytext"),
        ("leerzeichen.txt", "emptytext"), ("geheim.jsonl", "PermissionDenied"),
        ("gesperrt", "foldercannotberead"), ("zeitung.example/1", "cutshort"),
    ):
        assert output.count(name) == 1, (name, result.output)
        assert reason.lower() in output.lower(), (reason, result.output)
    assert "latin1" in output  # the hint for a file that is not UTF-16
    assert "\x1b" not in result.output and "\x00" not in result.output
    assert stored(tmp_path) == 4  # three texts and the whole record of the WARC file


def test_exit_status_is_1_when_every_input_failed(tmp_path: Path) -> None:
    (tmp_path / "leer.txt").write_text(" ", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Die Bürgerin sagte, es sei gut.".encode("latin-1"))
    result = ingest(tmp_path, str(tmp_path / "leer.txt"), str(tmp_path / "latin1.txt"))
    assert result.exit_code == 1, result.output
    assert "2 could not be read" in " ".join(result.output.split())


def test_a_nul_character_is_removed_so_sqlite_and_postgresql_store_the_same(
    archive_url: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "korpus.jsonl"
    lines = [{"text": article_text(n), "title": f"Meldung {n}"} for n in range(3)]
    lines[1]["text"] = lines[1]["text"].replace("Kundgebung", "Kund\x00gebung")
    lines[2]["title"] = "Mel\x00dung"
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with Archive(archive_url) as archive:
        summary = archive.ingest([str(corpus)], workers=1, engine="rules")
        assert (summary.added, summary.failed) == (3, 0)
        texts = {stored.meta.title: stored.article.text for stored in archive.articles()}
    assert "Kundgebung" in texts["Meldung 1"] and "\x00" not in texts["Meldung 1"]
    assert "Meldung" in texts


def test_an_unreadable_subfolder_is_reported(tmp_path: Path, unreadable: set[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(article_text(1), encoding="utf-8")
    (tmp_path / "b.txt").write_text(article_text(2), encoding="utf-8")
    unreadable.add(str(tmp_path / "a"))
    inputs, problems = expand_inputs([str(tmp_path)])
    assert [Path(p).name for p in inputs] == ["b.txt"]
    assert problems == [ReadProblem(str(tmp_path / "a"),
                                    "folder cannot be read (Permission denied)")]


def test_a_truncated_warc_record_is_reported_not_stored_cut(tmp_path: Path) -> None:
    body = page(" ".join(article_text(n) for n in range(20))).encode()
    for compressed in (True, False):
        data = warc([("https://zeitung.example/a", body), ("https://zeitung.example/b", body)],
                    compressed=compressed)
        first_record = len(warc([("https://zeitung.example/a", body)], compressed=compressed))
        path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
        path.write_bytes(data[: (first_record + len(data)) // 2])  # the second record half
        first, second = read_input(str(path), ReaderOptions())
        assert not isinstance(first, ReadProblem)
        assert second == ReadProblem("https://zeitung.example/b",
                                     "record cut short (the WARC file is truncated); skipped")


def test_a_warc_record_over_the_size_limit_is_skipped_unread(tmp_path: Path) -> None:
    # a small file that unpacks to 20 MB: read up to the limit, not into memory whole
    bomb = b"<html><body><p>" + b"Ja. " * 5_000_000 + b"</p></body></html>"
    path = tmp_path / "bombe.warc.gz"
    path.write_bytes(warc([("https://zeitung.example/bombe", bomb),
                           ("https://zeitung.example/gut", page(article_text(1)).encode())]))
    assert path.stat().st_size < 200_000
    options = ReaderOptions()
    big, good = read_input(str(path), options)
    assert big == ReadProblem("https://zeitung.example/bombe",
                              f"record over the limit of {options.fetch.max_bytes} bytes; "
                              "skipped")
    assert not isinstance(good, ReadProblem)


def test_a_text_over_the_size_limit_is_left_out_of_an_ingest(tmp_path: Path) -> None:
    (tmp_path / "kurz.txt").write_text(article_text(1), encoding="utf-8")
    (tmp_path / "lang.txt").write_text(article_text(2) * 20, encoding="utf-8")
    result = ingest(tmp_path, str(tmp_path), more=("--max-chars", "5000"))
    assert result.exit_code == 1, result.output
    assert "over the limit of 5,000 (--max-chars)" in " ".join(result.output.split())
    assert stored(tmp_path) == 1


def test_a_column_that_the_csv_does_not_have_is_one_error_for_the_file(tmp_path: Path) -> None:
    path = tmp_path / "artikel.csv"
    path.write_text("titel;inhalt\n" + "".join(f"T{n};'{article_text(n)}'\n" for n in range(5))
                    .replace("\n\n", " "), encoding="utf-8")
    for mapping, wanted in (("text=body", "--field text=body"),
                            ("section=9", "--field section=9")):
        result = ingest(tmp_path, str(path), more=("--field", "text=inhalt", "--field", mapping)
                        if mapping.startswith("section") else ("--field", mapping))
        assert result.exit_code == 1, result.output
        output = " ".join(result.output.split())
        assert "1 could not be read" in output
        assert f"{wanted}: this CSV has no such column" in output, output
    plain = tmp_path / "ohne-kopf.csv"
    plain.write_text("".join(f"Inland;'{article_text(n)}'\n".replace("\n\n", " ")
                             for n in range(3)), encoding="utf-8")
    result = ingest(tmp_path, str(plain), more=("--field", "section=9"))
    assert "--field section=9: this CSV has no such column (columns: 0, 1)" in " ".join(
        result.output.split())


def test_feed_entries_without_body_markup_keep_their_full_text(tmp_path: Path) -> None:
    paragraphs = [article_text(n).replace("\n\n", " ") for n in range(2)]
    content = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Stadtanzeiger</title>
<item><title>Eins</title><description><![CDATA[{content}]]></description></item>
<item><title>Zwei</title><content:encoded><![CDATA[{content}]]></content:encoded></item>
</channel></rss>"""
    path = tmp_path / "feed.xml"
    path.write_text(feed, encoding="utf-8")
    items = list(read_input(str(path), ReaderOptions(follow_feed_links=False)))
    assert [item.text for item in items] == ["\n\n".join(paragraphs)] * 2  # type: ignore[union-attr]


def test_a_gzip_member_of_garbage_is_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "muell.warc.gz"
    path.write_bytes(gzip.compress(b"kein WARC \x00\x1b[2J" * 100))
    result = ingest(tmp_path, str(path))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "\x1b" not in result.output


def test_a_warc_file_gzipped_whole_keeps_what_was_read_and_says_how_to_fix_it(
    tmp_path: Path,
) -> None:
    data = warc([(f"https://zeitung.example/{n}", page(article_text(n)).encode())
                 for n in range(3)], compressed=False)
    (tmp_path / "ganz.warc.gz").write_bytes(gzip.compress(data))
    result = ingest(tmp_path, str(tmp_path / "ganz.warc.gz"))
    assert result.exit_code == 1, result.output
    assert "warcio recompress" in " ".join(result.output.split())
    assert stored(tmp_path) == 1  # the record read before warcio gave up
