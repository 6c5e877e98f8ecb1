"""The claim pages: the list of claims with its filters, one claim's timeline, the way from an
article to its claim, the not-linked-yet message, escaping and 404s."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from quellenlage.archive import Archive
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
    assert '<form method="get" action="/claims">' in page.text
    assert 'name="min_articles" type="number" min="1" required value="2"' in page.text
    water = claim_id(db_url, "Wasserpreis")
    assert f'<a href="/claims/{water}">{WATER_LABEL}</a>' in page.text
    (row,) = [cells for cells in table_rows(page.text) if cells[0] == WATER_LABEL]
    assert row == [
        WATER_LABEL, "5", "4",
        "Mieterbund Kassel, Aufsichtsrat der Stadtwerke Kassel, Oberbürgermeister Sven Krüger, "
        "Stadtwerke Kassel",
        "2025-03-03", "2025-04-10", "criticise 2, assert 1, confirm 1, deny 1",
    ]
    assert '<span class="stance stance-deny">deny</span> 1' in page.text
    assert '<span class="stance stance-confirm">confirm</span> 1' in page.text
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
        ["2025-03-03", "Kasseler Anzeiger", "Mieterbund Kassel", "assert"],
        ["2025-03-04", "Nordhessen Online", "Stadtwerke Kassel", "deny"],
        ["2025-03-05", "Hessenbote", "Oberbürgermeister Sven Krüger", "criticise"],
        ["2025-04-10", "Nordhessen Online", "Aufsichtsrat der Stadtwerke Kassel", "confirm"],
        ["2025-04-10", "Nordhessen Online", "Mieterbund Kassel", "criticise"],
    ]
    assert rows[1][5].startswith("Eine Erhöhung des Wasserpreises um 18 Prozent sei nicht")
    for report in ("n1", "n2", "n3", "n4"):
        assert f'href="/articles/{article_id(db_url, f"Bericht {report}")}"' in page.text
    assert '<td><span class="stance stance-deny">deny</span></td>' in page.text
    assert "<td>criticise</td>" in page.text  # a stance without a colour is shown as it is


def test_the_claims_filters(client: TestClient, db_url: str) -> None:
    water = f'href="/claims/{claim_id(db_url, "Wasserpreis")}"'
    by_mayor = client.get("/claims", params={"source": "Krüger", "q": "", "stance": ""})
    assert water in by_mayor.text
    assert len(table_rows(by_mayor.text)) == 1
    assert "1 Behauptung<" in by_mayor.text
    assert 'name="source" value="Krüger"' in by_mayor.text  # the form keeps what was asked

    nobody = client.get("/claims", params={"source": "Landesamt"})
    assert nobody.status_code == 200
    assert "Keine Behauptungen für diese Filter." in nobody.text
    assert "<table>" not in nobody.text

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
    assert '<span class="stance stance-deny">deny</span>' in denial
    # the only article with this claim: no claim page to go to
    alone = client.get(f"/articles/{article_id(db_url, 'Bericht n5')}").text
    assert 'href="/claims/' not in alone.replace('href="/claims">', "")


def test_without_linked_claims_the_page_names_the_command(unlinked_client: TestClient) -> None:
    page = unlinked_client.get("/claims")
    assert page.status_code == 200
    assert "Noch keine Behauptungen verknüpft" in page.text
    assert "<code>quellenlage link-claims --db …</code>" in page.text
    assert "<table>" not in page.text


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
    assert '<span class="stance stance-not_confirm">not_confirm</span>' in page
