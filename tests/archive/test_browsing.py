"""Browsing the archive: pages of hits with their total, facets and days, searches without
words, the kind and gender filters, an unknown stance, AND and NOT, sources with their mentions
from the mentions table, a source's profile and who the archive quotes."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, update

from quellenlage.archive import Archive
from quellenlage.archive.schema import attributions
from quellenlage.archive.search import search_filters
from quellenlage.archive.text_search import parse_query
from quellenlage.errors import InputError, NotFoundError
from quellenlage.model import Article
from tests.archive.corpus import analysed_article, meta

GENDERS = ("female", "male", "female", "male", "female", "male", "female")


def gendered(number: int) -> Article:
    article = analysed_article(number)
    source = article.attributions[0].source
    assert source is not None
    source.gender = GENDERS[number]
    return article


@pytest.fixture
def browsed(archive: Archive) -> Archive:
    """Seven articles with a quoted woman or man each and a spokesman resolved to no source;
    the last one undated."""
    for number in range(6):
        archive.add(gendered(number), meta(number))
    archive.add(gendered(6), meta(6, published=None))
    return archive


def source_id(archive: Archive, name: str) -> int:
    (hit,) = archive.search(None, source=name)
    assert hit.source_id is not None
    return hit.source_id


def test_a_page_of_hits_and_the_total_by_facet_and_day(browsed: Archive) -> None:
    newest = [hit.title for hit in browsed.search("Kosten", limit=7)]
    assert newest[:6] == [f"Protest in der Stadt ({n})" for n in (5, 4, 3, 2, 1, 0)]
    assert newest[6] == "Protest in der Stadt (6)"  # undated last
    page = browsed.search("Kosten", limit=2, offset=2)
    assert [hit.title for hit in page] == newest[2:4]

    summary = browsed.search_summary("Kosten", search_filters())
    assert summary.total == 7
    assert summary.undated == 1
    assert [(day.isoformat(), count) for day, count in summary.days] == [
        (f"2024-03-0{n + 1}", 1) for n in range(6)
    ]
    facets = {name: [(v.value, v.name, v.count) for v in values]
              for name, values in summary.facets.items()}
    assert facets["outlet"] == [
        ("Stadtanzeiger", "Stadtanzeiger", 4), ("Tagesbote", "Tagesbote", 3)
    ]
    assert facets["kind"] == [("none", "none", 7)]
    assert facets["gender"] == [("unknown", "unknown", 7)]
    assert facets["type"] == [("Indirect", "Indirect", 7)]


def test_without_words_the_filters_choose(browsed: Archive) -> None:
    everything = browsed.search_summary(None, search_filters())
    assert everything.total == 14
    facets = {name: {v.name: v.count for v in values}
              for name, values in everything.facets.items()}
    assert facets["gender"] == {"unknown": 7, "female": 4, "male": 3}
    assert facets["kind"] == {"none": 7, "person": 7}
    assert facets["source"]["Anna Weber"] == 1
    assert facets["stance"] == {"support": 4, "oppose": 3}

    women = browsed.search(None, gender="female", limit=20)
    assert {hit.source for hit in women} == {"Anna Weber", "Petra Kühn", "Lea Sommer",
                                              "Miriam Yilmaz"}
    assert {hit.source_gender for hit in women} == {"female"}
    assert len(browsed.search(None, kind="none", limit=20)) == 7
    assert browsed.search(None, kind="organisation") == []

    weber = source_id(browsed, "Weber")
    (hit,) = browsed.search(None, source_id=weber)
    assert (hit.source, hit.position, hit.type) == ("Anna Weber", 0, "Direct")
    articles = browsed.search_summary(None, search_filters(outlet="tagesbote"), scope="articles")
    assert articles.total == 3
    with pytest.raises(InputError, match="unknown gender 'divers'"):
        browsed.search(None, gender="divers")


def test_an_unknown_stance_is_an_error_naming_the_stances(browsed: Archive) -> None:
    with pytest.raises(InputError) as raised:
        browsed.search("Straßenbahn", stance="quatsch")
    message = str(raised.value)
    assert message.startswith("unknown stance 'quatsch'; choose one of assert, confirm")
    assert "not_confirm" in message
    assert "support" in message  # the archive's own labels count too
    assert [hit.stance for hit in browsed.search("Straßenbahn", stance="SUPPORT")] == ["support"]
    assert browsed.search("Straßenbahn", stance="deny") == []  # known, just not found


def test_and_and_not_are_operators_in_capitals() -> None:
    assert parse_query("Straßenbahn AND Herbst") == parse_query("Straßenbahn Herbst")
    assert parse_query("Straßenbahn NOT Herbst") == parse_query("Straßenbahn -Herbst")
    assert parse_query('Wald NOT "letzten Sommer"') == parse_query('Wald -"letzten Sommer"')
    # in lower case they are words ("Not" is one in German)
    assert parse_query("Straßenbahn not") != parse_query("Straßenbahn")


def test_not_excludes_in_a_search(browsed: Archive) -> None:
    assert len(browsed.search("Fachkräfte")) == 2
    assert browsed.search("Fachkräfte NOT Bezahlung") == []
    assert len(browsed.search("Fachkräfte AND Bezahlung")) == 2


def test_an_article_has_its_sources_once_with_mentions_from_the_table(browsed: Archive) -> None:
    with browsed.engine.connect() as connection:
        stored = [json.loads(d) if isinstance(d, str) else d
                  for d in connection.scalars(select(attributions.c.data))]
    assert all("mentions" not in (data["source"] or {}) for data in stored)

    weber = source_id(browsed, "Weber")
    (hit,) = browsed.search(None, source_id=weber)
    article = browsed.article(hit.article_id)
    text = article.article.text
    (listed,) = article.to_dict()["sources"]
    start = text.index("Bürgermeisterin Anna Weber")
    assert listed == {
        "id": 0, "name": "Anna Weber", "kind": "person", "role": None, "gender": "female",
        "mentions": [[start, start + len("Bürgermeisterin Anna Weber")]], "source_id": weber,
    }
    assert article.source_ids == [weber, None]
    assert article.article.attributions[0].source is not None
    assert article.article.attributions[0].source.mentions == ((start, start + 26),)

    # An older row carried the mentions in the statement: the table's are used, once.
    assert hit.article_id == 1
    with browsed.engine.begin() as connection:
        old = dict(stored[0])
        old["source"] = {**old["source"], "mentions": [[0, 5], [start, start + 26]]}
        connection.execute(
            update(attributions).where(attributions.c.id == 1).values(data=old)
        )
    assert browsed.article(1).to_dict()["sources"] == [listed]


def test_a_source_profile(browsed: Archive) -> None:
    weber = source_id(browsed, "Weber")
    profile = browsed.source(weber)
    assert (profile.name, profile.kind, profile.gender) == ("Anna Weber", "person", "female")
    assert (profile.statements, profile.articles) == (1, 1)
    assert profile.outlets == {"Stadtanzeiger": 1}
    assert profile.stances == {"support": 1}
    assert profile.first_seen is not None and profile.first_seen.day == 1
    assert profile.undated == 0
    assert profile.claims == []
    undated = browsed.source(source_id(browsed, "Yilmaz"))
    assert (undated.first_seen, undated.last_seen, undated.undated) == (None, None, 1)
    with pytest.raises(NotFoundError, match="no source with id 9999"):
        browsed.source(9999)


def test_who_the_archive_quotes(browsed: Archive) -> None:
    overview = browsed.quoted()
    total = overview.total
    assert (total.statements, total.female, total.male, total.anonymous) == (14, 4, 3, 0)
    assert total.women_share == pytest.approx(4 / 7)
    assert dict(total.kinds) == {"person": 7, "none": 7}
    assert list(overview.by_outlet) == ["Stadtanzeiger", "Tagesbote"]
    assert overview.by_outlet["Stadtanzeiger"].female == 4
    assert overview.by_outlet["Tagesbote"].male == 3
    assert list(overview.by_month) == ["2024-03"]
    assert overview.by_month["2024-03"].statements == 12
    assert overview.undated == 2
    only = browsed.quoted(outlet="Tagesbote", until="2024-03-02")
    assert only.total.statements == 2
