"""The HTML pages: the search form and its hits, an article's statements, escaping, errors."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import MARKUP_TITLE, article_id


def test_the_empty_search_page_shows_the_form_and_the_archive_size(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<form method="get" action="/">' in page.text
    assert 'name="stance"' in page.text
    assert "Im Archiv: 17 Artikel" in page.text


def test_a_search_shows_the_hits_with_links_to_their_articles(
    client: TestClient, db_url: str
) -> None:
    page = client.get("/", params={"q": "Straßenbahn", "source": "Weber"})
    assert page.status_code == 200
    assert "„Die Straßenbahn muss bis zum Herbst fertig werden“" in page.text
    assert "Anna Weber" in page.text
    assert "Jonas Brandt" not in page.text
    assert f'href="/articles/{article_id(db_url, "Protest in der Stadt (0)")}"' in page.text
    assert "2024-03-01 09:30" in page.text
    assert "1 Treffer" in page.text
    assert 'value="Weber"' in page.text  # the form keeps what was asked

    none = client.get("/", params={"q": "Hochwasserschutz"})
    assert "Keine Treffer." in none.text


def test_a_bad_date_is_shown_above_the_form(client: TestClient) -> None:
    page = client.get("/", params={"q": "Kosten", "since": "gestern", "type": ""})
    assert page.status_code == 400
    assert "&#39;gestern&#39; is not a date; write YYYY-MM-DD" in page.text
    assert 'name="q" value="Kosten"' in page.text


def test_an_article_page_shows_its_statements(client: TestClient, db_url: str) -> None:
    page = client.get(f"/articles/{article_id(db_url, 'Protest in der Stadt (0)')}")
    assert page.status_code == 200
    text = page.text
    assert "<h1>Protest in der Stadt (0)</h1>" in text
    assert "Stadtanzeiger" in text
    assert '<a href="https://zeitung.example/artikel/0"' in text
    assert "2 Aussagen" in text
    assert "Bürgermeisterin Anna Weber" in text
    assert "Anna Weber (person)" in text
    assert "<td>sagte</td>" in text
    assert "<td>support</td>" in text
    assert "„Die Straßenbahn muss bis zum Herbst fertig werden“" in text
    assert "man prüfe die Kosten von rund 3 Millionen Euro sorgfältig" in text


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
    assert "„Wir sagen &lt;b&gt;Nein&lt;/b&gt; zur Seilbahn“" in hits
    assert "<script>" not in hits


def test_an_absent_article_is_a_404_page(client: TestClient) -> None:
    page = client.get("/articles/9999")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "no article with id 9999" in page.text
