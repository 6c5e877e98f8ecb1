"""The HTML pages: the search form and its hits (pages, facets, chart, highlights, downloads),
an article with its statements marked in the text, a source's page, who is quoted, German
labels, escaping, errors, and the API docs served from the package."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from quellenlage.archive import Archive
from quellenlage.web import pages
from tests.web.conftest import MARKUP_TITLE, article_id


def source_id(url: str, name: str) -> int:
    with Archive(url) as archive:
        (hit, *_) = archive.search(None, source=name)
    assert hit.source_id is not None
    return hit.source_id


def test_the_empty_search_page_shows_the_form_and_the_archive_size(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<form method="get" action="/" class="filters">' in page.text
    assert "Im Archiv: 20 Artikel" in page.text
    # drop-downs with German labels that send the stored values
    assert '<option value="deny">bestreitet</option>' in page.text
    assert '<option value="not_confirm">kann nicht bestätigen</option>' in page.text
    assert '<option value="Direct">direkt</option>' in page.text
    assert '<option value="anonymous">anonym</option>' in page.text
    assert '<option value="female">weiblich</option>' in page.text


def test_a_search_shows_the_hits_with_links_to_their_statements(
    client: TestClient, db_url: str
) -> None:
    page = client.get("/", params={"q": "Straßenbahn", "source": "Weber"})
    assert page.status_code == 200
    article = article_id(db_url, "Protest in der Stadt (0)")
    # the hit links to its statement in the article, with the words searched to highlight
    assert f'href="/articles/{article}?hl={quote("Straßenbahn")}#aussage-1"' in page.text
    assert "„Die <mark class=\"hit\">Straßenbahn</mark> muss bis zum Herbst fertig werden“" in (
        page.text
    )
    assert f'<a href="/sources/{source_id(db_url, "Anna Weber")}">Anna Weber</a>' in page.text
    assert "Jonas Brandt" not in page.text.split('class="hits"')[1]
    assert "2024-03-01 09:30" in page.text
    assert "Treffer 1–1 von 1" in page.text
    assert "<td data-label=\"Typ\">direkt</td>" in page.text
    assert 'value="Weber"' in page.text  # the form keeps what was asked

    none = client.get("/", params={"q": "Hochwasserschutz"})
    assert "Keine Treffer." in none.text
    assert "0 Treffer" in none.text


def test_pages_of_hits_with_the_total(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "PAGE_ROWS", 3)
    first = client.get("/", params={"q": "Kosten"}).text
    assert "Treffer 1–3 von 8" in first
    assert 'rel="next" href="/?q=Kosten&amp;page=2"' in first
    assert 'rel="prev"' not in first
    second = client.get("/", params={"q": "Kosten", "page": 2}).text
    assert "Treffer 4–6 von 8" in second
    assert 'rel="prev" href="/?q=Kosten&amp;page=1"' in second
    assert "Protest in der Stadt (4)" in second
    assert "Protest in der Stadt (5)" not in second
    last = client.get("/", params={"q": "Kosten", "offset": 6}).text
    assert "Treffer 7–8 von 8" in last
    assert 'rel="next"' not in last


def test_facets_beside_the_hits_add_their_filter(client: TestClient, db_url: str) -> None:
    page = client.get("/", params={"q": "Kosten"}).text
    facets = page.split('<aside class="facets">')[1].split("</aside>")[0]
    assert '<a href="/?q=Kosten&amp;outlet=Stadtanzeiger">Stadtanzeiger</a>' in facets
    assert '<span class="muted">4</span>' in facets
    assert '<a href="/?q=Kosten&amp;type=Indirect">indirekt</a>' in facets
    assert '<a href="/?q=Kosten&amp;kind=none">ohne Quelle</a>' in facets
    assert '<a href="/?q=Kosten&amp;gender=unknown">unbekannt</a>' in facets
    people = client.get("/", params={"q": "Straßenbahn"}).text
    weber = source_id(db_url, "Anna Weber")
    assert f'<a href="/?q=Stra%C3%9Fenbahn&amp;source_id={weber}">Anna Weber</a>' in people
    # the link narrows the hits, and the chosen source can be removed again
    narrowed = client.get("/", params={"q": "Straßenbahn", "source_id": weber}).text
    assert "Treffer 1–1 von 1" in narrowed
    assert f'Quelle: <a href="/sources/{weber}">Anna Weber</a>' in narrowed
    assert 'href="/?q=Stra%C3%9Fenbahn" title="Filter entfernen"' in narrowed


def test_a_chart_and_the_downloads_of_the_hits(client: TestClient) -> None:
    page = client.get("/", params={"q": "Kosten", "outlet": "Tagesbote"}).text
    assert '<svg class="chart"' in page
    assert "<title>2024-03-02: Anzahl 1</title>" in page
    assert 'href="/api/search?q=Kosten&amp;outlet=Tagesbote&amp;format=csv&amp;limit=10000"' in (
        page
    )
    assert 'href="/api/search?q=Kosten&amp;outlet=Tagesbote"' in page  # JSON, this page
    csv = client.get("/api/search?q=Kosten&outlet=Tagesbote&format=csv&limit=10000")
    assert csv.text.count("\n") == 5  # the header and 4 hits


def test_the_page_takes_scope_and_duplicates(client: TestClient) -> None:
    statements = client.get("/", params={"q": "Straßenbahn"}).text
    assert "Treffer 1–2 von 2" in statements
    with_copies = client.get("/", params={"q": "Straßenbahn", "duplicates": "true"}).text
    assert "Treffer 1–3 von 3" in with_copies
    assert "Wochenblatt" in with_copies
    assert 'name="duplicates" value="true" checked' in with_copies
    articles = client.get("/", params={"q": "Seilbahn", "scope": "articles"}).text
    assert '<option value="articles" selected>' in articles
    assert "<th>Artikel</th>" in articles
    assert "Treffer 1–3 von 3" in articles


def test_without_words_the_filters_choose(client: TestClient) -> None:
    page = client.get("/", params={"stance": "deny"}).text
    assert "Treffer 1–1 von 1" in page
    assert "Eine Erhöhung des Wasserpreises" in page


def test_a_bad_date_or_stance_is_shown_above_the_form(client: TestClient) -> None:
    page = client.get("/", params={"q": "Kosten", "since": "gestern", "type": ""})
    assert page.status_code == 400
    assert "&#39;gestern&#39; is not a date; write YYYY-MM-DD" in page.text
    assert 'name="q" value="Kosten"' in page.text
    stance = client.get("/", params={"q": "Kosten", "stance": "quatsch"})
    assert stance.status_code == 400
    assert "unknown stance &#39;quatsch&#39;; choose one of" in stance.text


def test_an_article_page_marks_its_statements_in_the_text(
    client: TestClient, db_url: str
) -> None:
    page = client.get(f"/articles/{article_id(db_url, 'Protest in der Stadt (0)')}")
    assert page.status_code == 200
    text = page.text
    assert "<h1>Protest in der Stadt (0)</h1>" in text
    assert "Stadtanzeiger" in text
    assert '<a href="https://zeitung.example/artikel/0"' in text
    assert "2 Aussagen" in text
    assert '<tr id="aussage-1">' in text
    assert f'<a href="/sources/{source_id(db_url, "Anna Weber")}">Anna Weber</a> (Person)' in text
    assert '<td data-label="Verb">sagte</td>' in text
    assert '<td data-label="Haltung">support</td>' in text  # no German label: as stored
    assert '<td data-label="Typ">indirekt</td>' in text
    marked = text.split('<p class="text">')[1]
    assert ('<span class="role-quote" data-statement="1">„Die Straßenbahn muss bis zum Herbst '
            "fertig werden“</span>") in marked
    assert '<span class="role-cue" data-statement="1">sagte</span>' in marked
    assert ('<span class="role-speaker" data-statement="1">Bürgermeisterin Anna Weber</span>'
            in marked)
    # the spokesman is inside the reported statement: both roles
    assert ('<span class="role-quote role-speaker" data-statement="2">Ein Sprecher der '
            "Verwaltung</span>") in marked


def test_the_words_searched_are_highlighted_in_the_article(
    client: TestClient, db_url: str
) -> None:
    page = client.get(
        f"/articles/{article_id(db_url, 'Protest in der Stadt (0)')}", params={"hl": "Kosten"}
    ).text
    marked = page.split('<p class="text">')[1]
    assert (
        '<span class="role-quote" data-statement="2"><mark class="hit">Kosten</mark></span>'
        in marked
    )
    assert '<td data-label="Aussage" class="quote">Ein Sprecher der Verwaltung erklärte, man ' \
           'prüfe die <mark class="hit">Kosten</mark>' in page


def test_a_source_page(client: TestClient, db_url: str) -> None:
    weber = source_id(db_url, "Anna Weber")
    page = client.get(f"/sources/{weber}")
    assert page.status_code == 200
    text = page.text
    assert "<h1>Anna Weber</h1>" in text
    assert "<dd>Person</dd>" in text
    assert "2 in 2 Artikeln" in text
    assert "<dt>Erster Tag</dt><dd>2024-03-01</dd>" in text
    assert "<dt>Letzter Tag</dt><dd>2024-03-08</dd>" in text
    assert f'<a href="/?source_id={weber}&amp;outlet=Tagesbote">Tagesbote</a> 1' in text
    assert '<svg class="chart"' in text
    assert "Aussagen 1–2 von 2" in text
    assert f'href="/api/search?source_id={weber}&amp;format=csv&amp;limit=10000"' in text
    assert "/claims/" in text  # her quote is made in two articles: a claim
    assert client.get("/sources/99999").status_code == 404


def test_who_is_quoted(client: TestClient) -> None:
    page = client.get("/quellen")
    assert page.status_code == 200
    assert "<h1>Wer kommt zu Wort</h1>" in page.text
    assert '<svg class="share"' in page.text
    assert '<a href="/?kind=person">Person</a>' in page.text
    assert '<a href="/?outlet=Stadtanzeiger">Stadtanzeiger</a>' in page.text
    assert '<svg class="chart"' in page.text
    assert "Aussagen stehen in undatierten Artikeln" in page.text
    bad = client.get("/quellen", params={"since": "gestern"})
    assert bad.status_code == 400


def test_stored_html_is_escaped_and_a_script_address_is_no_link(
    client: TestClient, db_url: str
) -> None:
    page = client.get(f"/articles/{article_id(db_url, MARKUP_TITLE)}").text
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#34;Seilbahn&#34;)&lt;/script&gt;" in page
    assert "„Wir sagen &lt;b&gt;Nein&lt;/b&gt; zur Seilbahn“" in page
    assert "<b>" not in page
    assert 'href="javascript:' not in page
    assert "javascript:alert(1)" in page  # shown as text

    hits = client.get("/", params={"q": "Seilbahn"}).text
    shown = html.unescape(re.sub(r"</?mark[^>]*>", "", hits))
    assert "„Wir sagen <b>Nein</b> zur Seilbahn“" in shown
    assert "„Wir sagen &lt;b&gt;Nein&lt;/b&gt; zur <mark" in hits
    assert "<script>" not in hits


def test_an_absent_article_is_a_404_page(client: TestClient) -> None:
    page = client.get("/articles/9999")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "no article with id 9999" in page.text


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_the_api_docs_need_nothing_from_elsewhere(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    assert "http://" not in page.text and "https://" not in page.text
    scripts = re.findall(r'<script src="([^"]+)"', page.text)
    assert scripts
    for script in scripts:
        assert script.startswith("/static/")
        served = client.get(script)
        assert served.status_code == 200
        assert len(served.content) > 100
    for sheet in re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.text):
        assert client.get(sheet).status_code == 200
