"""The JSON API: the CLI's JSON shapes, filters, 404s and one-line errors."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from quellenlage.archive import Archive
from quellenlage.cli.main import app as cli
from tests.web.conftest import article_id


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
    everyone = client.get("/api/search", params={"q": "Straßenbahn"}).json()
    assert sorted(hit["source"] for hit in everyone) == ["Anna Weber", "Jonas Brandt"]

    answer = client.get("/api/search", params={"q": "Straßenbahn", "source": "weber"})
    assert answer.status_code == 200
    (hit,) = answer.json()
    assert hit["source"] == "Anna Weber"
    assert hit["text"] == "„Die Straßenbahn muss bis zum Herbst fertig werden“"
    assert hit["title"] == "Protest in der Stadt (0)"
    # the same JSON as `quellenlage search --format json`
    assert answer.json() == cli_json("search", "Straßenbahn", "--source", "weber", "--db", db_url)


def test_search_filters_type_outlet_dates_and_scope(client: TestClient) -> None:
    indirect = client.get("/api/search", params={"q": "Kosten", "type": "indirect"}).json()
    assert len(indirect) == 8
    assert {hit["type"] for hit in indirect} == {"Indirect"}
    assert client.get("/api/search", params={"q": "Kosten", "type": "Direct"}).json() == []

    one_outlet = client.get(
        "/api/search", params={"q": "Kosten", "outlet": "tagesbote", "since": "2024-03-04",
                               "until": "2024-03-06"},
    ).json()
    assert [hit["title"] for hit in one_outlet] == ["Protest in der Stadt (5)",
                                                    "Protest in der Stadt (3)"]
    articles = client.get(
        "/api/search", params={"q": "Seilbahn", "scope": "articles", "limit": 1}
    ).json()
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
    assert too_many.json() == {"detail": "query limit: Input should be less than or equal to 200"}
    assert client.get("/api/search").json() == {"detail": "query q: Field required"}


def test_an_article_is_its_export_line(client: TestClient, db_url: str) -> None:
    wanted = article_id(db_url, "Protest in der Stadt (2)")
    answer = client.get(f"/api/articles/{wanted}")
    assert answer.status_code == 200
    body = answer.json()
    with Archive(db_url) as archive:
        assert body == next(s.to_dict() for s in archive.articles() if s.id == wanted)
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
    listed = client.get("/api/claims", params={"q": "Wasserpreis"}).json()
    assert listed == cli_json("claims", "Wasserpreis", "--db", db_url)
    (claim,) = listed
    assert claim["statements"] == 5
    assert claim["stances"] == {"criticise": 2, "assert": 1, "confirm": 1, "deny": 1}

    assert len(client.get("/api/claims", params={"stance": "deny"}).json()) == 1
    assert client.get("/api/claims", params={"source": "Landesamt"}).json() == []
    assert client.get("/api/claims", params={"since": "2025-13-01"}).status_code == 400

    timeline = client.get(f"/api/claims/{claim['id']}").json()
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
