"""The JSON API: the CLI's JSON shapes, pages with their total, facets, CSV, sources, filters,
404s and one-line errors (never a 500)."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from quellenlage.archive import Archive
from quellenlage.cli.main import app as cli
from tests.web.conftest import MARKUP_TITLE, SERVER_PATH, article_id


def items(answer: object) -> list[dict[str, object]]:
    """The rows of a page of the API, checked to be one."""
    assert isinstance(answer, dict), answer
    assert set(answer) >= {"total", "offset", "limit", "items"}
    found: list[dict[str, object]] = answer["items"]
    return found


def cli_json(*arguments: str) -> object:
    result = CliRunner().invoke(cli, [*arguments, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_health_reports_the_version_and_counts(client: TestClient, db_url: str) -> None:
    answer = client.get("/api/health")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ok"
    assert body["version"] == "0.1.0"
    with Archive(db_url) as archive:
        assert body["counts"] == archive.counts()


def test_search_with_a_source_finds_that_statement_only(client: TestClient, db_url: str) -> None:
    everyone = items(client.get("/api/search", params={"q": "Straßenbahn"}).json())
    assert sorted(hit["source"] for hit in everyone) == ["Anna Weber", "Jonas Brandt"]

    answer = client.get("/api/search", params={"q": "Straßenbahn", "source": "weber"})
    assert answer.status_code == 200
    (hit,) = items(answer.json())
    assert hit["source"] == "Anna Weber"
    assert hit["text"] == "„Die Straßenbahn muss bis zum Herbst fertig werden“"
    assert hit["title"] == "Protest in der Stadt (0)"
    assert hit["position"] == 0
    assert isinstance(hit["source_id"], int)
    # the same hits as `quellenlage search --format json`
    assert items(answer.json()) == cli_json(
        "search", "Straßenbahn", "--source", "weber", "--db", db_url
    )


def test_search_filters_type_outlet_dates_and_scope(client: TestClient) -> None:
    indirect = items(client.get("/api/search", params={"q": "Kosten", "type": "indirect"}).json())
    assert len(indirect) == 8
    assert {hit["type"] for hit in indirect} == {"Indirect"}
    assert items(client.get("/api/search", params={"q": "Kosten", "type": "Direct"}).json()) == []

    one_outlet = items(client.get(
        "/api/search", params={"q": "Kosten", "outlet": "tagesbote", "since": "2024-03-04",
                               "until": "2024-03-06"},
    ).json())
    assert [hit["title"] for hit in one_outlet] == ["Protest in der Stadt (5)",
                                                    "Protest in der Stadt (3)"]
    articles = items(client.get(
        "/api/search", params={"q": "Seilbahn", "scope": "articles", "limit": 1}
    ).json())
    assert len(articles) == 1
    assert articles[0]["attribution_id"] is None
    assert articles[0]["outlet"] == "Bergbote"


def test_bad_input_is_a_400_or_422_with_one_clear_line(client: TestClient) -> None:
    bad_date = client.get("/api/search", params={"q": "Kosten", "since": "gestern"})
    assert bad_date.status_code == 400
    assert bad_date.json() == {"detail": "'gestern' is not a date; write YYYY-MM-DD"}

    bad_type = client.get("/api/search", params={"q": "Kosten", "type": "Zitat"})
    assert bad_type.status_code == 400
    assert bad_type.json()["detail"].startswith("unknown quote type 'Zitat'")

    no_words = client.get("/api/search", params={"q": "und die"})
    assert no_words.status_code == 400
    assert "no searchable words" in no_words.json()["detail"]

    too_many = client.get("/api/search", params={"q": "Kosten", "limit": 1000})
    assert too_many.status_code == 422
    assert too_many.json() == {
        "detail": "query limit: at most 200 in JSON (10,000 with format=csv)"
    }
    way_too_many = client.get("/api/search", params={"q": "Kosten", "limit": 10_001})
    assert way_too_many.json() == {
        "detail": "query limit: Input should be less than or equal to 10000"
    }


def test_an_article_is_its_export_line(client: TestClient, db_url: str) -> None:
    wanted = article_id(db_url, "Protest in der Stadt (2)")
    answer = client.get(f"/api/articles/{wanted}")
    assert answer.status_code == 200
    body = answer.json()
    with Archive(db_url) as archive:
        exported = next(s.to_dict() for s in archive.articles() if s.id == wanted)
    assert body == {key: value for key, value in exported.items() if key != "origin"}
    assert body["outlet"] == "Stadtanzeiger"
    assert [statement["type"] for statement in body["attributions"]] == ["Direct", "Indirect"]
    assert body["attributions"][0]["source"]["name"] == "Petra Kühn"


def test_absent_articles_and_claims_are_404(client: TestClient) -> None:
    assert client.get("/api/articles/9999").status_code == 404
    assert client.get("/api/articles/9999").json() == {"detail": "no article with id 9999"}
    missing_claim = client.get("/api/claims/9999")
    assert missing_claim.status_code == 404
    assert missing_claim.json()["detail"].startswith("no claim with id 9999")
    assert client.get("/api/articles/zwei").status_code == 422


def test_claims_and_a_timeline_as_the_cli_prints_them(client: TestClient, db_url: str) -> None:
    listed = items(client.get("/api/claims", params={"q": "Wasserpreis"}).json())
    assert listed == cli_json("claims", "Wasserpreis", "--db", db_url)
    (claim,) = listed
    assert claim["statements"] == 5
    assert claim["stances"] == {"criticise": 2, "assert": 1, "confirm": 1, "deny": 1}

    assert len(items(client.get("/api/claims", params={"stance": "deny"}).json())) == 1
    assert items(client.get("/api/claims", params={"source": "Landesamt"}).json()) == []
    assert client.get("/api/claims", params={"since": "2025-13-01"}).status_code == 400

    timeline = client.get(f"/api/claims/{claim['id']}").json()
    assert (timeline.pop("total"), timeline.pop("offset"), timeline.pop("limit")) == (5, 0, 200)
    assert timeline == cli_json("claim", str(claim["id"]), "--db", db_url)
    assert [entry["date"][:10] for entry in timeline["timeline"]] == [
        "2025-03-03", "2025-03-04", "2025-03-05", "2025-04-10", "2025-04-10"
    ]


SENTENCE = "„Wir bauen die Brücke neu“, sagte Bürgermeisterin Petra Lindner."


def test_analyze_answers_who_said_what_and_stores_nothing(client: TestClient) -> None:
    before = client.get("/api/health").json()["counts"]
    answer = client.post("/api/analyze", json={"text": SENTENCE})
    assert answer.status_code == 200
    body = answer.json()
    assert body["text"] == SENTENCE
    (statement,) = body["attributions"]
    assert statement["quote"]["text"] == "„Wir bauen die Brücke neu“"
    assert statement["speaker"]["text"] == "Bürgermeisterin Petra Lindner"
    assert statement["source"]["name"] == "Petra Lindner"
    rules = client.post("/api/analyze", json={"text": SENTENCE, "engine": "rules"}).json()
    assert rules["attributions"][0]["speaker"]["text"] == "Bürgermeisterin Petra Lindner"
    assert client.get("/api/health").json()["counts"] == before


def test_analyze_refuses_empty_huge_and_unknown_engine(client: TestClient) -> None:
    empty = client.post("/api/analyze", json={"text": "  \n"})
    assert empty.status_code == 422
    assert empty.json() == {"detail": "text is empty"}
    assert client.post("/api/analyze", json={}).json() == {"detail": "body text: Field required"}

    too_long = client.post("/api/analyze", json={"text": "Wort " * 200_001})
    assert too_long.status_code == 413
    assert too_long.json() == {"detail": "text is longer than 1,000,000 characters"}
    huge_body = client.post(
        "/api/analyze", content=b'{"text": "' + b"a" * 7_000_000 + b'"}',
        headers={"content-type": "application/json"},
    )
    assert huge_body.status_code == 413

    unknown = client.post("/api/analyze", json={"text": SENTENCE, "engine": "orakel"})
    assert unknown.status_code == 400
    assert unknown.json() == {"detail": "unknown engine 'orakel'; choose one of rules, trained"}


def test_the_openapi_docs_are_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/search", "/api/articles/{article_id}", "/api/analyze"} <= set(paths)
    assert "/" not in paths


def test_a_page_of_hits_with_the_total_facets_and_days(client: TestClient) -> None:
    page = client.get("/api/search", params={"q": "Kosten", "limit": 3, "offset": 2}).json()
    assert (page["total"], page["offset"], page["limit"]) == (8, 2, 3)
    assert [hit["title"] for hit in page["items"]] == [
        f"Protest in der Stadt ({n})" for n in (5, 4, 3)
    ]
    assert "facets" not in page
    counted = client.get("/api/search", params={"q": "Kosten", "facets": "true"}).json()
    assert counted["facets"]["outlet"] == [
        {"value": "Stadtanzeiger", "name": "Stadtanzeiger", "count": 4},
        {"value": "Tagesbote", "name": "Tagesbote", "count": 4},
    ]
    assert counted["days"][0] == ["2024-03-01", 1]
    assert counted["undated"] == 0
    # without words, the filters choose
    everything = client.get("/api/search", params={"outlet": "Bergbote"}).json()
    assert everything["total"] == 1
    assert items(everything)[0]["source"] == "Jana Roth"


def test_a_source_and_its_statements(client: TestClient) -> None:
    (hit,) = items(
        client.get("/api/search", params={"q": "Straßenbahn", "source": "Weber"}).json()
    )
    source = client.get(f"/api/sources/{hit['source_id']}").json()
    assert source["name"] == "Anna Weber"
    assert (source["statements"], source["articles"]) == (2, 2)  # articles 0 and 7
    assert source["outlets"] == {"Stadtanzeiger": 1, "Tagesbote": 1}
    assert (source["first_seen"], source["last_seen"]) == ("2024-03-01T09:30:00",
                                                           "2024-03-08T09:30:00")
    statements = client.get("/api/search", params={"source_id": hit["source_id"]}).json()
    assert statements["total"] == 2
    assert client.get("/api/sources/99999").json() == {"detail": "no source with id 99999"}


def test_who_is_quoted(client: TestClient) -> None:
    quoted = client.get("/api/quoted").json()
    assert quoted["total"]["statements"] == 28  # the near-duplicate counts once
    assert quoted["total"]["kinds"]["person"] >= 9
    assert list(quoted["by_outlet"])[:2] == ["Stadtanzeiger", "Tagesbote"]
    assert quoted["by_month"]["2024-03"]["statements"] == 16
    only = client.get("/api/quoted", params={"outlet": "Bergbote"}).json()
    assert only["total"]["statements"] == 1


def test_tables_as_csv(client: TestClient, db_url: str) -> None:
    answer = client.get("/api/search", params={"q": "Straßenbahn", "format": "csv"})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert 'filename="quellenlage-suche.csv"' in answer.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert sorted(row["source"] for row in rows) == ["Anna Weber", "Jonas Brandt"]
    assert rows[0]["text"] == "„Die Straßenbahn muss bis zum Herbst fertig werden“"

    claims = list(csv.DictReader(io.StringIO(
        client.get("/api/claims", params={"q": "Wasserpreis", "format": "csv"}).text
    )))
    assert claims[0]["stances"] == "criticise 2; assert 1; confirm 1; deny 1"
    timeline = list(csv.DictReader(io.StringIO(
        client.get(f"/api/claims/{claims[0]['id']}", params={"format": "csv"}).text
    )))
    assert [row["stance"] for row in timeline] == [
        "assert", "deny", "criticise", "confirm", "criticise"
    ]
    # up to 10,000 rows in CSV, 200 in JSON
    assert client.get("/api/search", params={"q": "Kosten", "format": "csv",
                                             "limit": 5000}).status_code == 200


def test_a_cell_a_spreadsheet_would_run_is_text() -> None:
    from quellenlage.web.api import csv_response

    answer = csv_response([{"text": "=HYPERLINK(1)", "n": 3}], ["text", "n"], "probe")
    assert bytes(answer.body).decode().splitlines()[1] == "'=HYPERLINK(1),3"


def test_an_unknown_stance_is_a_400_as_an_unknown_type_is(client: TestClient) -> None:
    unknown = client.get("/api/search", params={"q": "Kosten", "stance": "quatsch"})
    assert unknown.status_code == 400
    assert unknown.json()["detail"].startswith("unknown stance 'quatsch'; choose one of assert")
    assert client.get("/api/claims", params={"stance": "quatsch"}).status_code == 400
    assert client.get("/api/search", params={"q": "Kosten", "stance": "DENY"}).status_code == 200


def test_and_and_not_are_operators(client: TestClient) -> None:
    def total(query: str) -> int:
        answer = client.get("/api/search", params={"q": query})
        assert answer.status_code == 200, answer.text
        return int(answer.json()["total"])

    assert total("Straßenbahn") == 2
    assert total("Straßenbahn AND Herbst") == 2
    assert total("Straßenbahn NOT Herbst") == 0
    assert total("Kosten NOT Straßenbahn") == 8


def test_where_an_article_was_read_from_is_not_shown(client: TestClient, db_url: str) -> None:
    answer = client.get(f"/api/articles/{article_id(db_url, MARKUP_TITLE)}")
    assert answer.status_code == 200
    assert "origin" not in answer.json()
    assert SERVER_PATH not in answer.text


def test_an_article_names_its_sources_by_their_archive_id(
    client: TestClient, db_url: str
) -> None:
    body = client.get(f"/api/articles/{article_id(db_url, 'Protest in der Stadt (2)')}").json()
    (kuehn,) = [source for source in body["sources"] if source["name"] == "Petra Kühn"]
    assert client.get(f"/api/sources/{kuehn['source_id']}").json()["name"] == "Petra Kühn"
    assert kuehn["mentions"] == [[body["text"].index("Gewerkschaftschefin"),
                                  body["text"].index(" bei der Kundgebung")]]


OUT_OF_RANGE = "9223372036854775808"  # one past the largest id a database holds


def test_out_of_range_numbers_are_one_json_line_not_a_500(db_url: str) -> None:
    from quellenlage.web import create_app

    with TestClient(create_app(db_url), base_url="http://localhost",
                    raise_server_exceptions=False) as client:
        for path in (f"/api/articles/{OUT_OF_RANGE}", f"/api/claims/{OUT_OF_RANGE}",
                     f"/api/sources/{OUT_OF_RANGE}",
                     "/api/claims?min_articles=99999999999999999999",
                     f"/api/search?q=Kosten&source_id={OUT_OF_RANGE}",
                     "/api/search?q=Kosten&offset=99999999999999999999"):
            answer = client.get(path)
            assert answer.status_code == 422, path
            assert answer.headers["content-type"] == "application/json", path
            (detail,) = answer.json().values()
            assert "\n" not in detail and "less than or equal to" in detail, path
        for path in (f"/articles/{OUT_OF_RANGE}", f"/claims/{OUT_OF_RANGE}",
                     f"/sources/{OUT_OF_RANGE}", "/claims?min_articles=99999999999999999999",
                     "/?q=Kosten&page=99999999999999999999"):
            page = client.get(path)
            assert page.status_code == 422, path
            assert page.headers["content-type"].startswith("text/html"), path
            assert "less than or equal to" in page.text, path


def test_a_lone_surrogate_is_a_422_in_one_line(client: TestClient) -> None:
    answer = client.post(
        "/api/analyze", content=b'{"text": "\\ud800 sagte er."}',
        headers={"content-type": "application/json"},
    )
    assert answer.status_code == 422
    assert answer.json() == {
        "detail": "text holds a lone surrogate at character 0, which is not Unicode text; "
        "send UTF-8"
    }
    engine = client.post(
        "/api/analyze", content=b'{"text": "Er sagte das.", "engine": "\\udfff"}',
        headers={"content-type": "application/json"},
    )
    assert engine.status_code == 400
    assert engine.json()["detail"].startswith("unknown engine")


def statement_paragraph(number: int) -> str:
    return (f"„Wir bauen die Brücke Nummer {number} neu“, sagte Bürgermeisterin Petra Lindner. "
            f"Lindner kündigte außerdem an, die Straße {number} werde saniert.\n\n")


def test_analyze_output_grows_with_the_text_not_its_square(client: TestClient) -> None:
    """Each source's mentions are listed once per article, not in every statement."""
    sizes = {}
    for paragraphs in (40, 80):
        text = "".join(statement_paragraph(n) for n in range(paragraphs))
        answer = client.post("/api/analyze", json={"text": text, "engine": "rules"})
        assert answer.status_code == 200
        body = answer.json()
        lindner = [source for source in body["sources"] if source["name"] == "Petra Lindner"]
        assert len(lindner) == 1
        assert len(lindner[0]["mentions"]) >= paragraphs
        assert len(body["attributions"]) >= paragraphs
        assert all("mentions" not in (s["source"] or {}) for s in body["attributions"])
        sizes[paragraphs] = len(answer.content)
    assert sizes[80] < 2.2 * sizes[40]


def test_reads_run_on_no_more_threads_than_the_archive_keeps_connections(
    client: TestClient,
) -> None:
    # anyio's default of 40 threads made 20 searching clients contend for the GIL and open and
    # close a connection per request past the pool's 5 (search p95 167 ms against 81 ms).
    from anyio import to_thread

    from quellenlage.web.app import READ_THREADS

    assert client.portal is not None
    threads = client.portal.call(
        lambda: to_thread.current_default_thread_limiter().total_tokens
    )
    archive: Archive = client.app.state.archive  # type: ignore[attr-defined]
    assert threads == READ_THREADS
    assert archive.engine.pool.size() >= READ_THREADS  # type: ignore[attr-defined]
    assert client.get("/api/search", params={"q": "Regierung"}).status_code == 200
