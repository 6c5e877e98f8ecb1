"""Fetching from servers that misbehave, on 127.0.0.1 (no traffic leaves the machine): an error
page, a trickle of bytes, a feed whose body names a local file."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from quellenlage.archive import Archive
from quellenlage.ingest.fetch import FetchError, FetchSettings, fetch
from quellenlage.ingest.sources import ReaderOptions, ReadProblem, read_input
from tests.archive.corpus import article_text
from tests.ingest.test_readers import page
from tests.ingest.test_web import Site, serve


class Server(Site):
    protocol_version = "HTTP/1.1"  # connections are kept and reused, as by real servers
    local_path: ClassVar[str] = ""

    def do_GET(self) -> None:
        if self.path.startswith("/fehler"):
            self.reply("<html><body>" + "Nicht gefunden. " * 400 + "</body></html>",
                       "text/html", status=404)
        elif self.path.startswith("/artikel"):
            self.reply(page(article_text(7)), "text/html")
        elif self.path == "/pfad":
            self.reply(Server.local_path, "application/rss+xml")
        elif self.path == "/tropfen":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(40):  # a line every 0.25 s: no read waits long, the page never ends
                self.wfile.write(b"<p>Noch ein Satz.</p>\n")
                self.wfile.flush()
                time.sleep(0.25)
        else:
            self.reply("", "text/html", status=404)


@pytest.fixture
def server() -> Iterator[str]:
    yield from serve(Server)


def test_an_error_page_left_unread_does_not_spoil_the_next_fetch(server: str) -> None:
    for number in range(10):
        with pytest.raises(FetchError, match="HTTP 404"):
            fetch(f"{server}/fehler/{number}")
        assert b"Kundgebung" in fetch(f"{server}/artikel/{number}").content


def test_a_page_that_trickles_in_is_given_up_at_the_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="not read completely within 2 s"):
        fetch(f"{server}/tropfen", FetchSettings(read_timeout=2, deadline=2))
    assert time.monotonic() - started < 5
    assert b"Kundgebung" in fetch(f"{server}/artikel/1").content


def test_a_feed_whose_body_is_a_local_path_reads_no_local_file(
    server: str, tmp_path: Path
) -> None:
    secret = tmp_path / "geheim.xml"
    secret.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Intern</title>
<item><title>Intern</title><description>{article_text(2) * 3}</description></item>
</channel></rss>""", encoding="utf-8")
    Server.local_path = str(secret)
    items = list(read_input(f"{server}/pfad", ReaderOptions(follow_feed_links=False)))
    assert len(items) == 1 and isinstance(items[0], ReadProblem), items
    assert "not a readable RSS/Atom feed" in items[0].reason
    with Archive(f"sqlite:///{tmp_path / 'a.db'}") as archive:
        summary = archive.ingest([f"{server}/pfad"], workers=1)
        assert summary.added == 0 and summary.failed == 1
