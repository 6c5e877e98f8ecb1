"""Reading claims: days are days of publication (an undated article has none, not the day it was
read in), the date filters keep what the search's keep, pages of claims and of a timeline with
their total, and an unknown stance is an error."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from quellenlage.archive import Archive
from quellenlage.claims.queries import claim_filters
from quellenlage.errors import InputError
from tests.claims.conftest import CLAIM, LATER, OTHER, store

# The water-price story with its denial in an article without a date.
UNDATED_DENIAL = [replace(CLAIM[1], published="")]


@pytest.fixture
def linked(archive: Archive) -> Archive:
    store(archive, [CLAIM[0], *UNDATED_DENIAL, CLAIM[2], *LATER, *OTHER])
    archive.link_claims()
    return archive


def test_an_undated_statement_has_no_day_but_the_day_it_was_read(linked: Archive) -> None:
    (claim,) = linked.claims("Wasserpreis")
    assert (claim.first_seen, claim.last_seen) == (datetime(2025, 3, 3), datetime(2025, 4, 10))
    assert claim.undated == 1
    assert claim.ingested is not None and claim.ingested.year >= 2025
    timeline = linked.claim(claim.id)
    dates = [entry.date for entry in timeline.entries]
    assert dates == [datetime(2025, 3, 3), datetime(2025, 3, 5), datetime(2025, 4, 10),
                     datetime(2025, 4, 10), None]  # the undated one last
    undated = timeline.entries[-1]
    assert undated.stance == "deny"
    assert undated.ingested >= claim.ingested
    assert timeline.to_dict()["timeline"][-1]["date"] is None
    assert timeline.to_dict()["undated"] == 1


def test_the_date_filters_keep_claims_with_a_statement_published_then(linked: Archive) -> None:
    # The denial was read in today, but it has no date: no date filter finds it.
    today = datetime.now().date().isoformat()
    assert linked.claims(since=today) == []
    (water,) = linked.claims(since="2025-04-01")
    assert water.label.startswith("Die Stadtwerke Kassel wollen den Wasserpreis")
    assert linked.claims(until="2025-03-02") == []
    assert len(linked.claims(until="2025-03-03")) == 1  # the end of that day
    # as the search: the same days keep the same statements
    assert {hit.text for hit in linked.search("Wasserpreis", since="2025-04-01")} == {
        statement.quote for statement in LATER
    }


def test_pages_of_claims_and_of_a_timeline_with_their_total(linked: Archive) -> None:
    every = linked.claims(min_articles=1, limit=50)
    assert len(every) == linked.count_claims(claim_filters(min_articles=1)) == 3
    assert linked.claims(min_articles=1, limit=1, offset=1) == every[1:2]
    assert linked.count_claims(claim_filters("Ladesäulen", min_articles=1)) == 1
    water = every[0]
    page = linked.claim(water.id, offset=1, limit=2)
    assert [entry.date for entry in page.entries] == [datetime(2025, 3, 5), datetime(2025, 4, 10)]
    assert page.claim.statements == 5
    assert [entry.position for entry in linked.claim(water.id).entries] == [0, 0, 0, 1, 0]


def test_an_unknown_stance_is_an_error(linked: Archive) -> None:
    with pytest.raises(InputError, match="unknown stance 'dementi'; choose one of assert"):
        linked.claims(stance="dementi")
    assert len(linked.claims(stance="DENY")) == 1
