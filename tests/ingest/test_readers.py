"""Readers: text, HTML, JSONL, CSV, WARC, feeds and URLs, with their metadata."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quellenlage.errors import InputError
from quellenlage.ingest.language import guess_language
from quellenlage.ingest.sources import (
    RawArticle,
    ReaderOptions,
    ReadProblem,
    count_articles,
    expand_inputs,
    parse_field_mapping,
    read_input,
)
from tests.archive.corpus import article_text

PAGE = """<!doctype html>
<html lang="de"><head>
<title>Streit um die Straßenbahn | Stadtanzeiger</title>
<meta name="author" content="Erika Beispiel">
<meta property="og:site_name" content="Stadtanzeiger">
<meta property="article:published_time" content="2024-05-06T08:15:00+02:00">
</head><body>
<nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<article><h1>Streit um die Straßenbahn</h1>
<p>{first}</p>
<p>Die Verkehrsbetriebe wollen im Sommer mit den Arbeiten beginnen, wenn der Stadtrat zustimmt.
Die Anwohner der Nordstadt fürchten monatelangen Lärm und fordern einen besseren Plan.</p>
</article>
<footer>Impressum · Datenschutz · Kontakt</footer>
</body></html>"""


def page(first: str) -> str:
    return PAGE.format(first=first)


def articles(items: list[RawArticle | ReadProblem]) -> list[RawArticle]:
    return [item for item in items if isinstance(item, RawArticle)]


def test_a_folder_is_read_recursively_and_unknown_files_are_left_out(tmp_path: Path) -> None:
    (tmp_path / "nord").mkdir()
    (tmp_path / "a.txt").write_text(article_text(1), encoding="utf-8")
    (tmp_path / "nord" / "b.txt").write_text(article_text(2), encoding="utf-8")
    (tmp_path / "notizen.docx").write_bytes(b"PK\x03\x04")
    inputs, unreadable = expand_inputs([str(tmp_path)])
    assert [Path(p).name for p in inputs] == ["a.txt", "b.txt"]
    assert unreadable == []
    [item] = read_input(inputs[0], ReaderOptions())
    assert isinstance(item, RawArticle)
    assert item.text == article_text(1)
    assert item.meta.origin == inputs[0]


def test_missing_inputs_and_unknown_file_kinds_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        expand_inputs([str(tmp_path / "fehlt.txt")])
    odd = tmp_path / "artikel.docx"
    odd.write_bytes(b"PK")
    with pytest.raises(InputError, match="unknown kind of file"):
        expand_inputs([str(odd)])


def test_html_files_give_the_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "artikel.html"
    path.write_text(page(article_text(3)), encoding="utf-8")
    [item] = read_input(str(path), ReaderOptions())
    assert isinstance(item, RawArticle)
    assert article_text(3).split("\n\n")[0] in item.text
    assert "Impressum" not in item.text and "Startseite" not in item.text
    assert item.meta.title == "Streit um die Straßenbahn"
    assert item.meta.author == "Erika Beispiel"
    assert item.meta.outlet == "Stadtanzeiger"
    assert item.meta.published is not None and item.meta.published.date().isoformat() == (
        "2024-05-06"
    )


def test_jsonl_with_a_field_mapping_and_a_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "korpus.jsonl"
    lines = [
        json.dumps({"inhalt": article_text(4), "zeitung": "Tagesbote", "datum": "2024-02-01",
                    "ueberschrift": "Demo in Kassel", "link": "https://tagesbote.example/4"}),
        "{kaputt",
        json.dumps({"zeitung": "Tagesbote"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mapping = parse_field_mapping(
        ["text=inhalt", "outlet=zeitung", "published=datum", "title=ueberschrift"]
    )
    items = list(read_input(str(path), ReaderOptions(fields=mapping)))
    first, broken, empty = items
    assert isinstance(first, RawArticle)
    assert first.meta.outlet == "Tagesbote" and first.meta.title == "Demo in Kassel"
    assert first.meta.url == "https://tagesbote.example/4"  # "link" is a usual key
    assert first.meta.published == datetime(2024, 2, 1)
    assert first.meta.origin == f"{path}:1"
    assert isinstance(broken, ReadProblem) and "not a JSON line" in broken.reason
    assert isinstance(empty, ReadProblem) and "no text" in empty.reason
    assert count_articles(str(path), ReaderOptions()) == 3
    with pytest.raises(InputError, match="unknown field"):
        parse_field_mapping(["body=inhalt"])


def test_csv_without_header_in_the_10kgnad_layout(tmp_path: Path) -> None:
    # category;'text' with ' as quote character, as 10kGNAD writes it.
    path = tmp_path / "artikel.csv"
    rows = [f"Inland;'{article_text(n)}'" for n in range(5)]
    rows.append("Sport;'Der Trainer sagte, man habe \"alles gegeben\"; das reichte nicht.'")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = articles(list(read_input(str(path), ReaderOptions(fields={"section": "0"}))))
    assert len(items) == 6
    assert items[0].text == article_text(0)
    assert items[0].meta.section == "Inland"
    assert items[5].text.endswith("das reichte nicht.")
    assert count_articles(str(path), ReaderOptions()) == 6


def test_csv_with_header_names_its_fields(tmp_path: Path) -> None:
    path = tmp_path / "artikel.csv"
    path.write_text(
        'title,text,published\n"Demo in Trier","' + article_text(6) + '",2024-01-15T10:00:00Z\n',
        encoding="utf-8",
    )
    [item] = read_input(str(path), ReaderOptions())
    assert isinstance(item, RawArticle)
    assert item.meta.title == "Demo in Trier"
    assert item.meta.published == datetime(2024, 1, 15, 10)


def test_warc_responses_and_text_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        html = page(article_text(7)).encode("utf-8")
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://stadtanzeiger.example/strassenbahn", "response",
                payload=io.BytesIO(html), http_headers=headers,
            )
        )
        missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], "HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://stadtanzeiger.example/fehlt", "response",
                payload=io.BytesIO(b"<html>weg</html>"), http_headers=missing,
            )
        )
        writer.write_record(
            writer.create_warc_record(
                "urn:text:8", "resource", payload=io.BytesIO(article_text(8).encode("utf-8")),
                warc_content_type="text/plain; charset=utf-8",
            )
        )
    items = list(read_input(str(path), ReaderOptions()))
    assert len(items) == 2
    html_article, text_article = articles(items)
    assert html_article.meta.url == "https://stadtanzeiger.example/strassenbahn"
    assert html_article.meta.title == "Streit um die Straßenbahn"
    assert text_article.text == article_text(8)


def test_language_check_tells_german_from_other_languages() -> None:
    assert guess_language(article_text(9)).language == "de"
    english = (
        "The city council said on Monday that the new tram line would be finished by the "
        "autumn, and that the residents of the north would be asked for their views."
    )
    assert guess_language(english).language == "en"
    assert not guess_language(english).is_german
    assert guess_language("Kurz notiert.").is_german  # too short to judge: kept
