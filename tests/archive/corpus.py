"""German test articles written for these tests (no corpus text), and hand-made analyses."""

from __future__ import annotations

from datetime import datetime

from quellenlage.archive import Archive, ArticleMeta
from quellenlage.model import Article, Attribution, Medium, Part, QuoteType, Source

PEOPLE = (
    ("Bürgermeisterin Anna Weber", "Anna Weber"),
    ("Verkehrsminister Jonas Brandt", "Jonas Brandt"),
    ("Gewerkschaftschefin Petra Kühn", "Petra Kühn"),
    ("Polizeisprecher Martin Ott", "Martin Ott"),
    ("Klimaforscherin Lea Sommer", "Lea Sommer"),
    ("Landrat Felix Hoffmann", "Felix Hoffmann"),
    ("Ärztin Miriam Yilmaz", "Miriam Yilmaz"),
)
PLACES = ("Hamburg", "Leipzig", "Freiburg", "Kassel", "Rostock", "Passau", "Bielefeld", "Trier")
TOPICS = (
    ("den Ausbau der Straßenbahn", "Die Straßenbahn muss bis zum Herbst fertig werden"),
    ("höhere Löhne in der Pflege", "Ohne bessere Bezahlung verlieren wir die Fachkräfte"),
    ("den Schutz der Wälder", "Der Wald leidet unter der Trockenheit der letzten Sommer"),
    ("neue Radwege", "Wer Rad fährt, braucht sichere Wege durch die Innenstadt"),
    ("die Sanierung der Schulen", "Viele Schulgebäude sind seit Jahren in schlechtem Zustand"),
    ("günstigere Wohnungen", "Die Mieten steigen schneller als die Einkommen"),
)
DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")


def article_text(number: int) -> str:
    """A distinct German news article of about 120 words for each number."""
    speaker, _ = PEOPLE[number % len(PEOPLE)]
    place = PLACES[(number // 3) % len(PLACES)]
    topic, claim = TOPICS[(number // 2) % len(TOPICS)]
    day = DAYS[number % len(DAYS)]
    return (
        f"In {place} haben am {day} mehrere hundert Menschen für {topic} demonstriert. "
        f"Die Veranstalter zählten {120 + number * 7} Teilnehmende, die Polizei etwas weniger. "
        f"„{claim}“, sagte {speaker} bei der Kundgebung vor dem Rathaus.\n\n"
        f"Der Stadtrat will sich in der Sitzung Nummer {number} mit dem Antrag befassen. "
        f"Ein Sprecher der Verwaltung erklärte, man prüfe die Kosten von rund {number + 3} "
        f"Millionen Euro sorgfältig. Die Opposition warf der Stadt vor, das Thema seit "
        f"{number % 9 + 2} Jahren zu verschleppen, und kündigte weitere Proteste an. "
        f"Anwohnerinnen berichteten von langen Wegen, vollen Bussen und fehlenden Angeboten "
        f"am Abend, besonders in den Vororten von {place}."
    )


def analysed_article(number: int, *, source_name: str | None = None) -> Article:
    """The article with its direct quote attributed by hand (independent of the engine)."""
    text = article_text(number)
    speaker_text, name = PEOPLE[number % len(PEOPLE)]
    quote_start = text.index("„")
    quote_end = text.index("“") + 1
    cue_start = text.index("sagte", quote_end)
    speaker_start = text.index(speaker_text)
    speaker_spans = [(speaker_start, speaker_start + len(speaker_text))]
    quote = Part.from_spans(text, [(quote_start, quote_end)])
    assert quote is not None
    attribution = Attribution(
        type=QuoteType.DIRECT,
        medium=Medium.SPEECH,
        quote=quote,
        speaker=Part.from_spans(text, speaker_spans),
        cue=Part.from_spans(text, [(cue_start, cue_start + len("sagte"))]),
        source=Source(
            name=source_name or name, kind="person", mentions=tuple(speaker_spans)
        ),
        stance="support" if number % 2 == 0 else "oppose",
    )
    reported_start = text.index("Ein Sprecher")
    reported_end = text.index(".", text.index("sorgfältig")) + 1
    reported = Part.from_spans(text, [(reported_start, reported_end)])
    assert reported is not None
    spokesman = "Ein Sprecher der Verwaltung"
    spokesman_start = text.index(spokesman)
    indirect = Attribution(
        type=QuoteType.INDIRECT,
        medium=Medium.SPEECH,
        quote=reported,
        speaker=Part.from_spans(text, [(spokesman_start, spokesman_start + len(spokesman))]),
    )
    return Article(text=text, attributions=[attribution, indirect])


def meta(number: int, **changes: object) -> ArticleMeta:
    """Metadata of article `number`: two outlets in turn, one day apart."""
    values: dict[str, object] = {
        "url": f"https://zeitung.example/artikel/{number}",
        "outlet": "Stadtanzeiger" if number % 2 == 0 else "Tagesbote",
        "title": f"Protest in der Stadt ({number})",
        "author": "Redaktion",
        "published": datetime(2024, 3, 1 + number % 28, 9, 30),
        "language": "de",
    }
    values.update(changes)
    return ArticleMeta(**values)  # type: ignore[arg-type]


def fill(archive: Archive, count: int = 8) -> None:
    """Store articles 0 to count - 1 with their hand-made analyses."""
    for number in range(count):
        archive.add(analysed_article(number), meta(number))
