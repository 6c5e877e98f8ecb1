"""URLs and feeds, served by a local HTTP server on 127.0.0.1 (no traffic leaves the machine)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from quellenlage.archive import Archive
from quellenlage.ingest.fetch import FetchError, FetchSettings, fetch
from quellenlage.ingest.sources import RawArticle, ReaderOptions, ReadProblem, read_input
from tests.archive.corpus import article_text
from tests.ingest.test_readers import page

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Stadtanzeiger</title><link>{base}/</link><language>de</language>
<item><title>Streit um die Straßenbahn</title><link>{base}/artikel/1</link>
<pubDate>Mon, 06 May 2024 08:15:00 +0200</pubDate><author>redaktion@stadtanzeiger.example
 (Erika Beispiel)</author><description>Kurzer Anriss.</description></item>
<item><title>Proteste in Kassel</title><link>{base}/artikel/2</link>
<pubDate>Tue, 07 May 2024 10:00:00 +0200</pubDate><description>Auch kurz.</description></item>
<item><title>Verschwunden</title><link>{base}/fehlt</link>
<description>Nur ein Anriss ohne Artikel.</description></item>
</channel></rss>"""


class Site(BaseHTTPRequestHandler):
    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Site.agents.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/feed.xml":
            self.reply(FEED.format(base=base), "application/rss+xml")
        elif self.path.startswith("/artikel/"):
            self.reply(page(article_text(int(self.path.rsplit("/", 1)[1]))), "text/html")
        elif self.path == "/gross":
            self.reply("<p>" + "Sehr lang. " * 5000 + "</p>", "text/html")
        elif self.path == "/langsam":
            time.sleep(2)
            self.reply(page(article_text(3)), "text/html")
        else:
            self.send_error(404)

    def reply(self, body: str, content_type: str, status: int = 200) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A server on 127.0.0.1 with `handler` while the fixture lasts; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site() -> Iterator[str]:
    yield from serve(Site)


def test_fetch_sends_a_clear_user_agent_and_enforces_size_and_time_limits(site: str) -> None:
    fetched = fetch(f"{site}/artikel/1")
    assert b"Stra\xc3\x9fenbahn" in fetched.content
    assert Site.agents[-1].startswith("quellenlage/")
    with pytest.raises(FetchError, match="over the limit"):
        fetch(f"{site}/gross", FetchSettings(max_bytes=10_000))
    with pytest.raises(FetchError, match=r"cannot be fetched|reading failed"):
        fetch(f"{site}/langsam", FetchSettings(read_timeout=0.3))
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{site}/nirgends")


def test_a_page_url_gives_its_article(site: str) -> None:
    [item] = read_input(f"{site}/artikel/5", ReaderOptions())
    assert isinstance(item, RawArticle)
    assert item.meta.url == f"{site}/artikel/5"
    assert item.meta.title == "Streit um die Straßenbahn"
    assert "Anwohner der Nordstadt" in item.text


def test_a_feed_gives_the_full_article_of_each_entry(site: str) -> None:
    items = list(read_input(f"{site}/feed.xml", ReaderOptions()))
    first, second, missing = items
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert first.meta.outlet == "Stadtanzeiger"
    assert first.meta.title == "Streit um die Straßenbahn"
    assert first.meta.published is not None and first.meta.published.isoformat() == (
        "2024-05-06T06:15:00"
    )
    assert article_text(2).split(".")[0] in second.text
    assert isinstance(missing, ReadProblem) and "404" in missing.reason


def test_ingest_of_a_feed_url_stores_its_articles_with_metadata(
    site: str, tmp_path: Path
) -> None:
    with Archive(f"sqlite:///{tmp_path / 'feed.db'}") as archive:
        summary = archive.ingest([f"{site}/feed.xml"])
        assert (summary.read, summary.added, summary.failed) == (3, 2, 1)
        stored = list(archive.articles())
        assert [a.meta.outlet for a in stored] == ["Stadtanzeiger", "Stadtanzeiger"]
        assert stored[0].meta.url == f"{site}/artikel/1"
        again = archive.ingest([f"{site}/feed.xml"])
        assert (again.added, again.already_stored) == (0, 2)
