"""One small SQLite archive for the web tests, filled once per module (the app only reads it):
the hand-made articles of tests/archive/corpus.py and a near-duplicate of the first, a linked
claim story from tests/claims, an article whose title, address and quote hold HTML that the
pages must escape, a claim made in two articles whose outlet and quotes hold HTML, and a claim
whose confirmation stands in an undated article. A second archive has statements not linked
yet."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from fastapi.testclient import TestClient

from quellenlage.archive import Archive, ArticleMeta
from quellenlage.model import Article, Attribution, Medium, Part, QuoteType, Source
from quellenlage.web import create_app
from tests.archive.corpus import analysed_article, fill, meta
from tests.claims.conftest import CLAIM, LATER, OTHER, said, store

MARKUP_TITLE = '<script>alert("Seilbahn")</script> Streit um die Seilbahn'
MARKUP_URL = "javascript:alert(1)"
MARKUP_OUTLET = "<i>Meißner Bote</i>"
SERVER_PATH = "/srv/redaktion/eingang/bergbote-0502.html"  # where an article was read from
# The same claim told twice, with markup in the outlet and in the quotes.
MARKUP_CLAIM = [
    said("m1", "m1", "2024-04-02", "Bürgerinitiative Hoher Meißner", "assert",
         "Die <b>Seilbahn</b> auf den Hohen Meißner soll 40 Millionen Euro verschlingen",
         outlet=MARKUP_OUTLET),
    said("m2", "m2", "2024-04-03", "Landrat Tobias Grün", "not_confirm",
         "Dass die <b>Seilbahn</b> auf den Hohen Meißner 40 Millionen Euro verschlingen soll, "
         "könne er nicht bestätigen", kind="person", outlet="Werra-Rundschau"),
]

# A claim confirmed in an article without a date.
FIRE_TRUCKS = "Die Feuerwehr Göttingen bekommt im Herbst zwei neue Löschfahrzeuge für 900.000 Euro"
UNDATED_CLAIM = [
    said("u1", "u1", "2024-06-01", "Feuerwehr Göttingen", "assert", FIRE_TRUCKS,
         outlet="Göttinger Bote"),
    said("u2", "u2", "", "Stadtkämmerer Bernd Vogt", "confirm", FIRE_TRUCKS, kind="person",
         outlet="Leinetal Online"),
]


def near_duplicate() -> Article:
    """Article 0 as another outlet printed it: one word more at the end."""
    article = analysed_article(0)
    return Article(text=article.text + " Mehr dazu morgen.", attributions=article.attributions)


def markup_article() -> Article:
    text = "„Wir sagen <b>Nein</b> zur Seilbahn“, sagte Stadträtin Jana Roth am Abend."
    quote_end = text.index("“") + 1
    speaker = "Stadträtin Jana Roth"
    speaker_start = text.index(speaker)
    speaker_spans = [(speaker_start, speaker_start + len(speaker))]
    cue_start = text.index("sagte")
    quote = Part.from_spans(text, [(0, quote_end)])
    assert quote is not None
    statement = Attribution(
        type=QuoteType.DIRECT,
        medium=Medium.SPEECH,
        quote=quote,
        speaker=Part.from_spans(text, speaker_spans),
        cue=Part.from_spans(text, [(cue_start, cue_start + len("sagte"))]),
        source=Source(name="Jana Roth", kind="person", mentions=tuple(speaker_spans)),
        stance="oppose",
    )
    return Article(text=text, attributions=[statement])


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'archive.db'}"
    with Archive(url) as archive:
        fill(archive, 8)
        archive.add(near_duplicate(), meta(0, outlet="Wochenblatt", url=None,
                                           title="Protest in der Stadt (Kopie)"))
        store(archive, CLAIM + LATER + OTHER + MARKUP_CLAIM + UNDATED_CLAIM)
        archive.add(
            markup_article(),
            ArticleMeta(
                url=MARKUP_URL, outlet="Bergbote", title=MARKUP_TITLE,
                published=datetime(2024, 5, 2, 8, 0), origin=SERVER_PATH,
            ),
        )
        archive.link_claims()
    return url


@pytest.fixture(scope="module")
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url), base_url="http://localhost") as opened:
        yield opened


def article_id(url: str, title: str) -> int:
    """The id of the stored article with this title."""
    with Archive(url) as archive:
        return next(stored.id for stored in archive.articles() if stored.meta.title == title)


@pytest.fixture(scope="module")
def unlinked_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The app over an archive whose statements `link-claims` has not linked yet."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web-unlinked') / 'archive.db'}"
    with Archive(url) as archive:
        store(archive, CLAIM)
    with TestClient(create_app(url), base_url="http://localhost") as opened:
        yield opened
