"""A small hand-written news story told by several outlets, for the claim tests (their archives
come from tests/conftest.py, on SQLite and PostgreSQL like the storage tests)."""

from __future__ import annotations

from collections.abc import Sequence

from quellenlage.archive import Archive
from quellenlage.claims.evaluation import LabelledStatement, build_articles


def said(
    statement_id: str, article: str, published: str, source: str, stance: str, quote: str,
    *, outlet: str = "Kasseler Anzeiger", kind: str = "organisation",
    responds_to: str | None = None, claim: str = "",
) -> LabelledStatement:
    return LabelledStatement(
        id=statement_id, claim=claim, article=article, outlet=outlet, published=published,
        source=source, kind=kind, stance=stance, quote=quote, responds_to=responds_to,
    )


# A water-price story: the claim, a paraphrase, a denial, a confirmation, and news on the same
# utility that is a different claim.
CLAIM = [
    said("s1", "n1", "2025-03-03", "Mieterbund Kassel", "assert",
         "Die Stadtwerke Kassel wollen den Wasserpreis im Sommer um 18 Prozent erhöhen"),
    said("s2", "n2", "2025-03-04", "Stadtwerke Kassel", "deny",
         "Eine Erhöhung des Wasserpreises um 18 Prozent sei nicht beschlossen",
         outlet="Nordhessen Online"),
    said("s3", "n3", "2025-03-05", "Oberbürgermeister Sven Krüger", "criticise",
         "Eine Erhöhung der Wasserpreise um 18 Prozent durch die Stadtwerke Kassel wäre "
         "unzumutbar", kind="person", outlet="Hessenbote"),
]
LATER = [
    said("s4", "n4", "2025-04-10", "Aufsichtsrat der Stadtwerke Kassel", "confirm",
         "Der Wasserpreis der Stadtwerke Kassel steigt zum Juli um 18 Prozent",
         outlet="Nordhessen Online"),
    said("s5", "n4", "2025-04-10", "Mieterbund Kassel", "criticise",
         "Dass der Wasserpreis um 18 Prozent steigt, ist unverschämt", responds_to="s4",
         outlet="Nordhessen Online"),
]
OTHER = [
    said("o1", "n5", "2025-03-06", "Stadtwerke Kassel", "assert",
         "Die Stadtwerke Kassel bauen bis 2027 in allen Stadtteilen 300 neue Ladesäulen für "
         "Elektroautos", outlet="Hessenbote"),
    said("o2", "n6", "2025-03-07", "Landesamt für Statistik", "assert",
         "Die Zahl der Einwohner Kassels ist im vergangenen Jahr leicht gesunken"),
]


def store(archive: Archive, statements: Sequence[LabelledStatement]) -> None:
    for article, meta, _ids in build_articles(statements):
        archive.add(article, meta)
