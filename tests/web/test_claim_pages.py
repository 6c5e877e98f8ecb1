"""The claim pages: the list of claims with its filters and pages, one claim's timeline with its
chart of stances, the way from an article to its claim, undated statements, sources as links,
German labels, the not-linked-yet message, escaping and 404s."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from quellenlage.archive import Archive
from quellenlage.web import pages
from tests.web.conftest import MARKUP_OUTLET, article_id

WATER_LABEL = "Die Stadtwerke Kassel wollen den Wasserpreis im Sommer um 18 Prozent erhöhen"


def claim_id(url: str, words: str) -> int:
    with Archive(url) as archive:
        (found,) = archive.claims(words)
    return found.id


def table_rows(page: str) -> list[list[str]]:
    """The cells of the page's table body as plain text, row by row."""
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        [" ".join(html.unescape(re.sub(r"<[^>]+>", "", cell)).split())
         for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]
        for row in body.split("<tr")[1:]
    ]


def test_the_claims_page_lists_a_linked_claim_with_its_stances(
    client: TestClient, db_url: str
) -> None:
    page = client.get("/claims")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<form method="get" action="/claims" class="filters">' in page.text
    assert 'name="min_articles" type="number" min="1" required value="2"' in page.text
    water = claim_id(db_url, "Wasserpreis")
    assert f'<a href="/claims/{water}">{WATER_LABEL}</a>' in page.text
    (row,) = [cells for cells in table_rows(page.text) if cells[0] == WATER_LABEL]
    assert row == [
        WATER_LABEL, "5", "4",
        "Mieterbund Kassel, Aufsichtsrat der Stadtwerke Kassel, Oberbürgermeister Sven Krüger, "
        "Stadtwerke Kassel",
        "2025-03-03", "2025-04-10", "kritisiert 2, behauptet 1, bestätigt 1, bestreitet 1",
    ]
    assert '<span class="stance stance-deny">bestreitet</span> 1' in page.text
    assert '<span class="stance stance-confirm">bestätigt</span> 1' in page.text
    assert "Behauptungen 1–7 von 7" in page.text
    assert 'href="/api/claims?format=csv&amp;limit=10000"' in page.text
    # claims of one article are nobody else's claim yet
    assert "Ladesäulen" not in page.text
    assert '<a href="/claims">Behauptungen</a>' in page.text  # in the header of every page
    assert '<a href="/claims">Behauptungen</a>' in client.get("/").text


def test_a_claim_page_shows_its_statements_in_date_order_with_links(
    client: TestClient, db_url: str
) -> None:
    page = client.get(f"/claims/{claim_id(db_url, 'Wasserpreis')}")
    assert page.status_code == 200
    assert "5 Aussagen in 4 Artikeln von 4 Quellen;" in page.text
    rows = table_rows(page.text)
    assert [cells[:4] for cells in rows] == [
        ["2025-03-03", "Kasseler Anzeiger", "Mieterbund Kassel", "behauptet"],
        ["2025-03-04", "Nordhessen Online", "Stadtwerke Kassel", "bestreitet"],
        ["2025-03-05", "Hessenbote", "Oberbürgermeister Sven Krüger", "kritisiert"],
        ["2025-04-10", "Nordhessen Online", "Aufsichtsrat der Stadtwerke Kassel", "bestätigt"],
        ["2025-04-10", "Nordhessen Online", "Mieterbund Kassel", "kritisiert"],
    ]
    assert rows[1][5].startswith("Eine Erhöhung des Wasserpreises um 18 Prozent sei nicht")
    for report in ("n1", "n2", "n3", "n4"):
        assert f'href="/articles/{article_id(db_url, f"Bericht {report}")}#aussage-' in page.text
    assert '<td data-label="Haltung"><span class="stance stance-deny">bestreitet</span></td>' in (
        page.text
    )
    assert '<td data-label="Haltung">kritisiert</td>' in page.text  # a stance without a colour
    # sources link to their pages; statements to their place in the article
    assert re.search(r'<a href="/sources/\d+">Stadtwerke Kassel</a>', page.text)
    assert f'href="/articles/{article_id(db_url, "Bericht n4")}#aussage-2"' in page.text
    # the stances over time, and the timeline as CSV
    assert '<svg class="chart"' in page.text
    assert '<rect class="stance-deny"' in page.text
    assert "<title>2025-03-04: bestreitet 1</title>" in page.text
    assert "format=csv" in page.text


def test_the_claims_filters(client: TestClient, db_url: str) -> None:
    water = f'href="/claims/{claim_id(db_url, "Wasserpreis")}"'
    by_mayor = client.get("/claims", params={"source": "Krüger", "q": "", "stance": ""})
    assert water in by_mayor.text
    assert len(table_rows(by_mayor.text)) == 1
    assert "Behauptungen 1–1 von 1" in by_mayor.text
    assert 'name="source" value="Krüger"' in by_mayor.text  # the form keeps what was asked

    nobody = client.get("/claims", params={"source": "Landesamt"})
    assert nobody.status_code == 200
    assert "Keine Behauptungen für diese Filter." in nobody.text
    assert "<table" not in nobody.text

    doubted = client.get("/claims", params={"stance": "not_confirm"}).text
    assert [row[0] for row in table_rows(doubted)] == [
        "Die <b>Seilbahn</b> auf den Hohen Meißner soll 40 Millionen Euro verschlingen"
    ]
    assert water not in client.get("/claims", params={"until": "2024-12-31"}).text
    assert "Ladesäulen" in client.get("/claims", params={"min_articles": 1}).text

    bad_date = client.get("/claims", params={"since": "gestern"})
    assert bad_date.status_code == 400
    assert "&#39;gestern&#39; is not a date; write YYYY-MM-DD" in bad_date.text


def test_an_article_statement_links_to_its_claim(client: TestClient, db_url: str) -> None:
    denial = client.get(f"/articles/{article_id(db_url, 'Bericht n2')}").text
    water = claim_id(db_url, "Wasserpreis")
    assert f'<a href="/claims/{water}">Behauptung {water}</a>' in denial
    assert '<span class="stance stance-deny">bestreitet</span>' in denial
    # the only article with this claim: no claim page to go to
    alone = client.get(f"/articles/{article_id(db_url, 'Bericht n5')}").text
    assert 'href="/claims/' not in alone.replace('href="/claims">', "")


def test_without_linked_claims_the_page_names_the_command(unlinked_client: TestClient) -> None:
    page = unlinked_client.get("/claims")
    assert page.status_code == 200
    assert "Noch keine Behauptungen verknüpft" in page.text
    assert "<code>quellenlage link-claims --db …</code>" in page.text
    assert "<table" not in page.text


def test_an_unknown_claim_is_a_404_page(client: TestClient) -> None:
    page = client.get("/claims/9999")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "no claim with id 9999" in page.text
    assert client.get("/claims/neun").status_code == 422


def test_html_in_claims_is_escaped(client: TestClient, db_url: str) -> None:
    listed = client.get("/claims", params={"q": "Seilbahn"}).text
    assert "Die &lt;b&gt;Seilbahn&lt;/b&gt; auf den Hohen Meißner" in listed
    assert "<b>" not in listed

    page = client.get(f"/claims/{claim_id(db_url, 'Seilbahn')}").text
    assert "<b>" not in page
    assert "<i>" not in page
    assert html.escape(MARKUP_OUTLET, quote=False) in page
    assert "Dass die &lt;b&gt;Seilbahn&lt;/b&gt;" in page
    assert '<span class="stance stance-not_confirm">kann nicht bestätigen</span>' in page


def test_pages_of_claims_and_of_a_timeline(
    client: TestClient, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "PAGE_ROWS", 2)
    listed = client.get("/claims", params={"min_articles": 1}).text
    assert "Behauptungen 1–2 von" in listed
    assert 'rel="next" href="/claims?min_articles=1&amp;page=2"' in listed
    water = claim_id(db_url, "Wasserpreis")
    second = client.get(f"/claims/{water}", params={"page": 2}).text
    assert "Aussagen 3–4 von 5" in second
    assert [cells[3] for cells in table_rows(second)] == ["kritisiert", "bestätigt"]


def test_an_undated_statement_shows_undated_and_when_it_was_read(
    client: TestClient, db_url: str
) -> None:
    fire = claim_id(db_url, "Löschfahrzeuge")
    listed = client.get("/claims", params={"q": "Löschfahrzeuge"}).text
    (row,) = table_rows(listed)
    assert row[4:6] == ["2024-06-01", "2024-06-01 (+1 undatiert)"]
    page = client.get(f"/claims/{fire}").text
    rows = table_rows(page)
    assert rows[0][0] == "2024-06-01"
    today = datetime.now(UTC).date().isoformat()
    assert rows[1][0] == f"undatiert (eingelesen {today})"
    assert "1 Aussage undatiert" in page
    # the search, too, has no day for it
    found = client.get("/", params={"q": "Löschfahrzeuge", "stance": "confirm"}).text
    assert '<td data-label="Datum">undatiert</td>' in found
