"""Storage, search and export, each on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from datasketch import MinHash
from sqlalchemy import func, select

from quellenlage.archive import Archive, neardup
from quellenlage.archive.records import content_hash
from quellenlage.archive.schema import articles, include_in_autogenerate, metadata, sources
from quellenlage.archive.text_search import WORD
from quellenlage.errors import InputError, NotFoundError
from quellenlage.model import Article
from tests.archive.corpus import analysed_article, article_text, fill, meta
from tests.conftest import fresh_postgres

# A word of each topic's quote (tests/archive/corpus.py TOPICS).
ANY_CLAIM = "Straßenbahn OR Fachkräfte OR Wald OR Rad OR Schulgebäude OR Mieten"


def test_schema_after_migrations_matches_the_table_definitions(archive: Archive) -> None:
    with archive.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": include_in_autogenerate}
        )
        assert compare_metadata(context, metadata) == []


def test_reopening_an_archive_keeps_its_content(archive_url: str) -> None:
    with Archive(archive_url) as first:
        first.add(analysed_article(1), meta(1))
    with Archive(archive_url) as again:
        assert again.counts()["articles"] == 1


def test_storing_the_same_text_again_adds_nothing(archive: Archive) -> None:
    first = archive.add(analysed_article(4), meta(4))
    again = archive.add(analysed_article(4), meta(4, outlet="Anderes Blatt"))
    assert first.status == "added"
    assert again.status == "exists"
    assert again.article_id == first.article_id
    # one source: the spokesman's statement has a speaker but no resolved source
    assert archive.counts() == {
        "articles": 1, "near_duplicates": 0, "attributions": 2, "sources": 1
    }


def test_an_ingested_text_is_known_by_its_content_hash(archive: Archive, tmp_path: Path) -> None:
    # ingest hands the hash it looked the text up by to the worker, which stores it: it must
    # be the text's own hash, or adding the same text another way would store it twice
    (tmp_path / "meldung.txt").write_text(article_text(3), encoding="utf-8")
    assert archive.ingest([str(tmp_path / "meldung.txt")], engine="rules").added == 1
    with archive.engine.connect() as connection:
        stored = connection.execute(select(articles.c.content_hash)).scalar_one()
    assert stored == content_hash(article_text(3))
    assert archive.add(Article(text=article_text(3)), meta(3)).status == "exists"


def test_the_same_person_in_two_articles_is_one_source(archive: Archive) -> None:
    # Articles 0 and 7 quote Anna Weber; both statements point to one source row.
    archive.add(analysed_article(0), meta(0))
    archive.add(analysed_article(7), meta(7))
    with archive.engine.connect() as connection:
        weber = connection.execute(
            select(sources.c.name, sources.c.kind).where(sources.c.key == "anna weber")
        ).all()
    assert weber == [("Anna Weber", "person")]
    hits = archive.search("demonstriert OR Kundgebung OR Stadt", source="weber", limit=50)
    assert hits == []  # the quotes do not contain these words
    hits = archive.search("Straßenbahn OR Innenstadt", source="Anna Weber")
    assert {hit.article_id for hit in hits} == {1, 2}
    assert {hit.source for hit in hits} == {"Anna Weber"}


def test_a_statement_without_resolved_source_counts_its_speaker_as_source(
    archive: Archive,
) -> None:
    archive.add(analysed_article(2), meta(2))
    hits = archive.search("Kosten", source="Sprecher der Verwaltung")
    assert [hit.type for hit in hits] == ["Indirect"]
    assert hits[0].speaker == "Ein Sprecher der Verwaltung"


def test_wire_copy_in_another_outlet_is_linked_and_not_counted_twice(archive: Archive) -> None:
    original = archive.add(analysed_article(5), meta(5, outlet="Agenturdienst"))
    text = article_text(5).replace("Anwohnerinnen berichteten", "Anwohner berichteten")
    copy = archive.add(Article(text=text + " (dpa)"), meta(5, outlet="Kreisblatt"))
    assert copy.status == "added"
    assert copy.duplicate_of == original.article_id
    assert copy.similarity is not None and copy.similarity >= 0.8
    assert archive.counts()["near_duplicates"] == 1
    found = archive.search("Vororten", scope="articles")
    assert [hit.article_id for hit in found] == [original.article_id]
    with_copies = archive.search("Vororten", scope="articles", include_duplicates=True)
    assert {hit.article_id for hit in with_copies} == {original.article_id, copy.article_id}


def test_different_articles_are_not_near_duplicates(archive: Archive) -> None:
    fill(archive, 12)
    assert archive.counts()["near_duplicates"] == 0


def test_signatures_keep_the_values_stored_archives_hold() -> None:
    # signatures are stored: however they are computed, the values must stay those of
    # datasketch's default hash, or new articles stop matching the archive's wire copy
    text = article_text(5)
    words = WORD.findall(text.lower())
    shingles = {
        " ".join(words[i : i + neardup.SHINGLE_WORDS]).encode()
        for i in range(len(words) - neardup.SHINGLE_WORDS + 1)
    }
    plain = MinHash(num_perm=neardup.NUM_PERM, seed=neardup.SEED)
    plain.update_batch(list(shingles))
    signature = neardup.signature(text)
    assert signature == plain.hashvalues.astype("<u4").tobytes()
    assert signature is not None and signature[:16].hex() == "8107aa0222f30c00b9b242048168ee05"


def test_near_duplicates_within_one_write_group_are_linked(archive: Archive) -> None:
    from quellenlage.archive.records import prepare

    first = prepare(analysed_article(6), meta(6))
    copy = prepare(Article(text=article_text(6) + " Mit Material von Agenturen."), meta(6))
    results = archive.writer.store_many([first, copy, first])
    assert [r.status for r in results] == ["added", "added", "exists"]
    assert results[1].duplicate_of == results[0].article_id
    assert results[2].article_id == results[0].article_id


def test_search_understands_german_inflection_phrases_or_and_exclusion(archive: Archive) -> None:
    fill(archive)
    # "Fachkräfte" in the quotes of articles 2 and 3 (TOPICS[1]); "Fachkraft" finds them.
    assert {h.article_id for h in archive.search("Fachkraft")} == {3, 4}
    assert {h.article_id for h in archive.search('"verlieren wir die Fachkräfte"')} == {3, 4}
    assert archive.search('"Fachkräfte verlieren"') == []
    assert {h.article_id for h in archive.search("Wald OR Rad")} == {5, 6, 7, 8}
    assert {h.article_id for h in archive.search("Wald OR Rad -fährt")} == {5, 6}
    assert archive.search("Trockenheit -Sommer") == []


def test_search_filters_by_outlet_dates_type_and_stance(archive: Archive) -> None:
    fill(archive)
    everything = {h.article_id for h in archive.search(ANY_CLAIM, type="Direct")}
    assert len(everything) == 8
    outlet = archive.search("Kosten", outlet="stadtanzeiger", limit=50)
    assert {h.outlet for h in outlet} == {"Stadtanzeiger"} and len(outlet) == 4
    since = archive.search("Kosten", since="2024-03-05", limit=50)
    assert {h.published.day for h in since if h.published} == {5, 6, 7, 8}
    until = archive.search("Kosten", until="2024-03-02", limit=50)
    assert {h.published.day for h in until if h.published} == {1, 2}
    direct = archive.search(ANY_CLAIM, type="direct", limit=50)
    assert {h.type for h in direct} == {"Direct"}
    stance = archive.search(ANY_CLAIM, stance="oppose", limit=50)
    assert {h.stance for h in stance} == {"oppose"} and len(stance) == 4
    articles_with_direct = archive.search("Rathaus", scope="articles", type="Direct", limit=50)
    assert len(articles_with_direct) == 8
    newest_first = [h.published for h in archive.search("Rathaus", scope="articles")]
    assert newest_first == sorted(newest_first, reverse=True)


def test_search_rejects_queries_that_cannot_find_anything(archive: Archive) -> None:
    fill(archive, 2)
    with pytest.raises(InputError, match="no searchable words"):
        archive.search("und die")
    with pytest.raises(InputError, match="unknown quote type"):
        archive.search("Kosten", type="Zitat")


def test_export_jsonl_has_one_line_per_article_in_the_model_json(
    archive: Archive, tmp_path: Path
) -> None:
    fill(archive, 5)
    archive.add(Article(text=article_text(40)), meta(40))  # no statements: still one line
    out = tmp_path / "archive.jsonl"
    assert archive.export("jsonl", out) == 6
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6
    first = json.loads(lines[0])
    assert first["outlet"] == "Stadtanzeiger"
    assert first["published"] == "2024-03-01T09:30:00"
    assert Article.from_dict(first).to_dict() == analysed_article(0).to_dict()
    assert json.loads(lines[-1])["attributions"] == []


def test_one_article_by_id_is_its_export_line(archive: Archive, tmp_path: Path) -> None:
    fill(archive, 3)
    exported = [stored.to_dict() for stored in archive.articles()]
    second = archive.article(exported[1]["id"])
    assert second.to_dict() == exported[1]
    assert second.meta.title == "Protest in der Stadt (1)"
    assert len(second.article.attributions) == 2
    with pytest.raises(NotFoundError, match="no article with id 999"):
        archive.article(999)


def test_export_csv_has_a_row_per_statement_and_parquet_a_row_per_article(
    archive: Archive, tmp_path: Path
) -> None:
    fill(archive, 3)
    csv_path = tmp_path / "statements.csv"
    archive.export("csv", csv_path)
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6
    assert rows[0]["source"] == "Anna Weber" and rows[0]["type"] == "Direct"
    parquet_path = tmp_path / "articles.parquet"
    archive.export("parquet", parquet_path)
    table = pq.read_table(parquet_path)
    assert table.num_rows == 3
    assert json.loads(table.column("attributions")[0].as_py())[0]["cue"]["text"] == "sagte"


def test_a_failed_write_leaves_no_part_of_the_articles(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quellenlage.archive import writer as writer_module
    from quellenlage.archive.records import prepare

    def broken(self: object, items: object, ids: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer_module._GroupWrite, "_index_articles", broken)
    with pytest.raises(RuntimeError):
        archive.writer.store_many([prepare(analysed_article(n), meta(n)) for n in range(3)])
    assert archive.counts() == {
        "articles": 0, "near_duplicates": 0, "attributions": 0, "sources": 0
    }
    monkeypatch.undo()
    archive.add(analysed_article(1), meta(1))  # the writer's caches were not poisoned
    assert archive.counts()["sources"] == 1


QUERIES = [
    ("Fachkraft", {}),
    ("Wald OR Rad -fährt", {}),
    ('"sichere Wege"', {}),
    ("Kosten", {"source": "verwaltung"}),
    (ANY_CLAIM, {"stance": "support", "type": "Direct"}),
    ("Kosten", {"outlet": "Tagesbote", "since": "2024-03-03"}),
]


def test_sqlite_and_postgresql_give_the_same_answers(tmp_path: Path) -> None:
    answers = []
    for url in (f"sqlite:///{tmp_path / 'same.db'}", fresh_postgres()):
        with Archive(url) as archive:
            fill(archive, 14)
            result = []
            for query, filters in QUERIES:
                for scope in ("quotes", "articles"):
                    hits = archive.search(query, scope=scope, limit=100, **filters)  # type: ignore[arg-type]
                    result.append([hit.to_dict() for hit in hits])
            with archive.engine.connect() as connection:
                result.append(connection.scalar(select(func.count()).select_from(articles)))
            answers.append(result)
    assert answers[0] == answers[1]
    assert any(answers[0][:-1])
