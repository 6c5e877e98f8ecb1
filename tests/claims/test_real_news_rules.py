"""The rules that keep look-alikes out of claims on real news: shared terms must be specific, a
name of several words counts once, the articles must tell the same story, figures must agree.

Each rule is shown twice: the look-alike does not link, and (where a setting switches the rule
off) it would have linked without the rule, so the test shows the rule at work.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from quellenlage.archive import Archive, ArticleMeta
from quellenlage.archive.records import parse_datetime
from quellenlage.archive.schema import attributions, claim_statements
from quellenlage.claims import LinkSettings, link_claims
from quellenlage.claims.context import article_context, article_words, context_overlap
from quellenlage.claims.evaluation import LabelledStatement
from quellenlage.claims.linker import names_report
from quellenlage.claims.profile import Profile
from quellenlage.claims.terms import claim_terms_and_names
from quellenlage.model import Article, Attribution, Medium, Part, QuoteType, Source
from tests.claims.conftest import said, store

# Everyday words in many statements of unrelated news, so that the archive's own counts make
# them unspecific: "Entscheidung", "treffen", "kommende Woche", "im kommenden Jahr", "Preise",
# "erhöhen".
TOPICS = [
    "den Haushalt", "die Kandidatur", "den Neubau der Grundschule", "die Fusion der Sparkassen",
    "den Umzug des Rathauses", "die Sperrung der Brücke",
]
THINGS = ["Strom", "Brot", "Eintrittskarten", "Busfahrten", "Mieten"]


def _background(prefix: str, template: str, fillers: Sequence[str]) -> list[LabelledStatement]:
    return [
        said(f"{prefix}{index}", f"{prefix}-artikel{index}", "2025-01-10",
             f"Sprecherin {prefix}{index}", "assert", template.format(filler))
        for index, filler in enumerate(fillers)
    ]


BACKGROUND = (
    _background("e", "Die Entscheidung über {} werde man in der kommenden Woche treffen", TOPICS)
    + _background("j", "Im kommenden Jahr feiere der Verein {} ein Jubiläum",
                  ["Eintracht", "Germania", "Viktoria", "Concordia", "Borussia"])
    + _background("g", "Die Gemeinde werde die Gebühren für {} erhöhen", THINGS)
    + _background("p", "Die Preise für {} seien zuletzt stark gestiegen", THINGS)
)
# In an archive of a few dozen statements every term is rare; these settings let the archive's
# counts decide, as in an archive of thousands.
COUNTED = LinkSettings(specific_floor=3)


def claims_of(archive: Archive) -> dict[str, int]:
    with archive.engine.connect() as connection:
        rows = connection.execute(
            select(attributions.c.quote_text, claim_statements.c.claim_id).join(
                claim_statements, claim_statements.c.attribution_id == attributions.c.id
            )
        ).all()
    return {quote: claim_id for quote, claim_id in rows}


def linked(
    statements: Sequence[LabelledStatement], settings: LinkSettings, *,
    background: bool = True,
) -> bool:
    """Whether the first two of `statements` end up in one claim."""
    with Archive("sqlite://") as archive:
        store(archive, (BACKGROUND if background else []) + list(statements))
        link_claims(archive.engine, settings)
        found = claims_of(archive)
    return found[statements[0].quote] == found[statements[1].quote]


# Specific terms


PHRASE = [
    said("h1", "rat", "2025-02-03", "Stadtrat Wetzlar", "assert",
         "Der Stadtrat werde die Entscheidung über das Hallenbad in der kommenden Woche treffen"),
    said("h2", "sport", "2025-02-04", "SG Lahnau", "assert",
         "Die Trainerin werde die Entscheidung über die Aufstellung in der kommenden Woche "
         "treffen", outlet="Mittelhessen Sport"),
]


def test_statements_sharing_only_an_everyday_phrase_do_not_make_one_claim() -> None:
    assert not linked(PHRASE, COUNTED)
    # The phrase alone would pass every other rule: specific terms are what keeps them apart.
    assert linked(PHRASE, LinkSettings(specific_floor=3, min_specific=0, min_context=0.0,
                                       threshold=0.2))


SAME_EVENT = [
    said("f1", "brand1", "2025-02-05", "Feuerwehr Ahlten", "assert",
         "Die Feuerwehr hat den Brand in der Lagerhalle der Spedition Krumbach in Ahlten nach "
         "sechs Stunden gelöscht"),
    said("f2", "brand2", "2025-02-05", "Polizei Hannover", "assert",
         "Erst nach sechs Stunden war das Feuer in der Lagerhalle der Spedition Krumbach in "
         "Ahlten gelöscht", outlet="Calenberger Zeitung"),
]


def test_two_reports_of_one_event_in_other_words_make_one_claim() -> None:
    assert linked(SAME_EVENT, COUNTED)
    assert linked(SAME_EVENT, LinkSettings())


RESPONSE = [
    said("w1", "wasser", "2025-03-03", "Mieterbund Kassel", "assert",
         "Die Stadtwerke Kassel wollen den Wasserpreis im kommenden Jahr um 18 Prozent erhöhen"),
    said("w2", "kino", "2025-03-04", "Kinobetreiber Rüdiger Albers", "confirm",
         "Man werde die Preise im kommenden Jahr erhöhen", outlet="Hessenbote"),
]


def test_a_confirmation_sharing_only_everyday_words_does_not_join_a_claim() -> None:
    assert not linked(RESPONSE, COUNTED)
    # At the response threshold alone it would have joined.
    assert linked(RESPONSE, LinkSettings(specific_floor=3, min_specific=0, min_context=0.0))


# A name of several words counts once


def test_a_name_of_several_capitalised_words_is_one_group_of_terms() -> None:
    terms, names = claim_terms_and_names(
        "UNO-Generalsekretär Ban Ki-moon sagte, der FC Hafenstadt wolle die Champions League "
        "gewinnen"
    )
    assert {"champion", "leagu", "gewinn", "ban", "moon"} <= terms
    assert frozenset({"champion", "leagu"}) in names
    assert any({"uno", "ban", "ki", "moon"} <= name for name in names)
    assert all("gewinn" not in name for name in names)


LEAGUE = [
    said("c1", "fussball1", "2025-04-01", "Trainer Holger Brandt", "assert",
         "Der FC Hafenstadt wolle in dieser Saison die Champions League gewinnen",
         kind="person"),
    said("c2", "fussball2", "2025-04-02", "Kapitänin Mara Olsen", "assert",
         "Die Frauen von Eintracht Talheim könnten die Champions League gewinnen",
         kind="person", outlet="Sportbote"),
]


def test_statements_sharing_one_name_of_two_words_and_a_verb_do_not_make_one_claim() -> None:
    # "Champions League" and "gewinnen" are two things shared, not the three a claim needs
    # (unless both are rare, see below: in an archive of two statements they are, and only the
    # threshold keeps these two apart).
    assert not linked(LEAGUE, LinkSettings(min_context=0.0, rare_pair_count=None),
                      background=False)
    assert not linked(LEAGUE, LinkSettings(min_context=0.0), background=False)


# Two rare things shared are enough


STORM = [
    said("st1", "sturm1", "2025-06-02", "Polizei Sonneberg", "assert",
         "Der Hagelsturm habe die Sternwarte schwer beschädigt"),
    said("st2", "sturm2", "2025-06-02", "Landratsamt Sonneberg", "assert",
         "Die Sternwarte sei bei einem Hagelsturm getroffen worden", outlet="Thüringer Bote"),
]
JUBILEE = [
    said("v1", "fest1", "2025-06-03", "Bürgermeisterin Anke Wolf", "assert",
         "Der Verein habe das Jubiläum mit einem Festumzug begangen"),
    said("v2", "fest2", "2025-06-04", "Kassenwart Uwe Ries", "assert",
         "Zum Jubiläum lade der Verein alle Mitglieder zu einem Ball ein",
         outlet="Thüringer Bote"),
]


def test_two_rare_words_shared_make_one_claim() -> None:
    # "Hagelsturm" and "Sternwarte": two things, both in no other statement of the archive.
    assert linked(STORM, LinkSettings(rare_pair_count=3))
    assert not linked(STORM, LinkSettings(rare_pair_count=None))


def test_two_words_many_statements_use_are_not_enough() -> None:
    # "Verein" and "Jubiläum" are in five more statements of the archive: specific still (the
    # specific floor is 20), but no rare pair when rare means in at most three statements. At a
    # low threshold the pair is all that keeps them apart.
    assert not linked(JUBILEE, LinkSettings(min_context=0.0, threshold=0.1, rare_pair_count=3))
    assert linked(JUBILEE, LinkSettings(min_context=0.0, threshold=0.1, rare_pair_count=12))


# Article context


def article(url: str, story: str, source: str, quote: str) -> tuple[Article, ArticleMeta]:
    """An article: a story of its own, then a source who says `quote`."""
    text = f"{story} {source} sagte, {quote}."
    speaker_start = len(story) + 1
    speaker_end = speaker_start + len(source)
    quote_start = speaker_end + len(" sagte, ")
    quote_part = Part.from_spans(text, [(quote_start, quote_start + len(quote))])
    assert quote_part is not None
    made = Attribution(
        type=QuoteType.INDIRECT, medium=Medium.SPEECH, quote=quote_part,
        speaker=Part.from_spans(text, [(speaker_start, speaker_end)]),
        cue=Part.from_spans(text, [(speaker_end + 1, speaker_end + 6)]),
        source=Source(name=source, kind="person", mentions=((speaker_start, speaker_end),)),
        stance="assert",
    )
    meta = ArticleMeta(url=url, outlet="Rheinpfalz Online", title=None,
                       published=parse_datetime("2025-05-06"), language="de")
    return Article(text=text, attributions=[made]), meta


HARBOUR = (
    "Der Hafen von Ludwigshafen meldet einen Rekord beim Umschlag von Containern. Die "
    "Hafenverwaltung will das Containerterminal am Rheinufer erweitern, die Reedereien begrüßen "
    "den Ausbau des Containerterminals. Am Containerterminal arbeiten Hafenarbeiter in drei "
    "Schichten, Kräne entladen Binnenschiffe aus Rotterdam und Antwerpen. Der Güterverkehr auf "
    "der Schiene wächst mit, täglich verlassen Güterzüge den Hafen Richtung Basel. Die "
    "Chemieindustrie der Region verschifft Kunststoffe und Düngemittel, der Hafen lagert "
    "Getreide in Silos. Hafenarbeiter und Spediteure klagen über Staus an der Zufahrt."
)
THEATRE = (
    "Das Pfalztheater in Kaiserslautern eröffnet die Spielzeit mit einer Premiere von Verdis "
    "Oper Nabucco. Das Ensemble des Pfalztheaters probt seit Wochen, die Premiere ist "
    "ausverkauft. Der Chor singt mit dem Orchester, Bühnenbildner bauten eine Kulisse aus "
    "Holz. Die Sopranistin gastiert aus Wien, der Dirigent stammt aus Mailand. Im Foyer "
    "zeigt eine Ausstellung Kostüme früherer Inszenierungen, Abonnenten erhalten Rabatt. Die "
    "Kritiker loben Ensemble, Chor und Orchester des Pfalztheaters."
)
QUOTE_HARBOUR = "Der Vertrag mit Geschäftsführerin Ilka Brenner werde bis 2031 verlängert"
QUOTE_THEATRE = "Der Vertrag mit Intendantin Ilka Brenner werde bis 2031 verlängert"


def context_linked(settings: LinkSettings) -> bool:
    with Archive("sqlite://") as archive:
        archive.add(*article("https://rheinpfalz.example/hafen", HARBOUR, "Ein Sprecher",
                             QUOTE_HARBOUR))
        archive.add(*article("https://rheinpfalz.example/theater", THEATRE, "Eine Sprecherin",
                             QUOTE_THEATRE))
        link_claims(archive.engine, settings)
        found = claims_of(archive)
    return found[QUOTE_HARBOUR] == found[QUOTE_THEATRE]


def test_statements_of_articles_about_different_things_do_not_make_one_claim() -> None:
    # Same name, same date, same verb: but one article is about a harbour, the other about a
    # theatre, and nothing they are about is shared.
    assert not context_linked(LinkSettings())
    assert context_linked(LinkSettings(min_context=0.0))


def test_the_context_of_an_article_is_what_it_keeps_returning_to() -> None:
    words = article_words(HARBOUR)
    context = article_context(words, lambda term: 1.0, lambda term: False)
    assert "containerterminal" in context
    theatre = article_context(article_words(THEATRE), lambda term: 1.0, lambda term: False)
    assert context_overlap(context, theatre, lambda term: 1.0) == 0.0
    other_harbour = article_context(
        article_words("Am Containerterminal in Ludwigshafen stauen sich die Container."),
        lambda term: 1.0, lambda term: False,
    )
    assert context_overlap(other_harbour, context, lambda term: 1.0) > 0.5
    # An article without telling terms does not block anything.
    assert context_overlap(frozenset(), context, lambda term: 1.0) == 1.0


# Figures


ARRIVALS = [
    said("a1", "grenze1", "2025-06-04", "Polizei Spielfeld", "assert",
         "Am Mittwoch erreichten bis zum Mittag mehr als 4.200 Reisende aus Ungarn den "
         "Grenzübergang Nickelsdorf im Burgenland"),
    said("a2", "grenze2", "2025-06-08", "Innenministerium Zagreb", "assert",
         "Am Sonntag erreichten bis zum Abend mehr als 6.100 Reisende aus Ungarn den "
         "Grenzübergang Nickelsdorf im Burgenland",
         outlet="Grenzland Kurier"),
]


def test_reports_with_other_figures_are_other_claims() -> None:
    assert not linked(ARRIVALS, LinkSettings(), background=False)
    assert linked(ARRIVALS, LinkSettings(figures_must_agree=False), background=False)


def test_reports_with_the_same_figure_make_one_claim() -> None:
    same = [
        ARRIVALS[0],
        said("a3", "grenze3", "2025-06-05", "UNHCR", "assert",
             "Mehr als 4.200 Reisende aus Ungarn hätten am Mittwoch den Grenzübergang "
             "Nickelsdorf im Burgenland erreicht",
             outlet="Grenzland Kurier"),
    ]
    assert linked(same, LinkSettings(), background=False)


def test_a_claim_stored_before_article_contexts_keeps_working() -> None:
    # Profiles written before contexts existed have none: the context rule does not apply to
    # them, and the first article that joins starts their context.
    profile = Profile.from_json({"members": 1, "terms": {"wasserpreis": 1, "kassel": 1}})
    assert profile.to_json() == {"members": 1, "terms": {"kassel": 1, "wasserpreis": 1}}
    profile.add_context(7, {"stadtwerk", "kassel"})
    profile.add_context(7, {"stadtwerk", "kassel"})  # once per article
    again = Profile.from_json(profile.to_json())
    assert again.articles == [7]
    assert again.context == {"kassel": 1, "stadtwerk": 1}


# Close in time


YEAR_LATER = [
    said("t1", "bus2025", "2025-03-03", "Verkehrsverbund Nordhessen", "assert",
         "Der Verkehrsverbund Nordhessen streicht im Landkreis Waldeck 14 Buslinien"),
    said("t2", "bus2026", "2026-03-20", "Landrat Jürgen Pfeil", "assert",
         "Im Landkreis Waldeck streicht der Verkehrsverbund Nordhessen 14 Buslinien",
         outlet="Waldecker Bote"),
]


def test_the_same_words_a_year_later_are_another_claim() -> None:
    assert not linked(YEAR_LATER, COUNTED)
    # one statement a batch: the earlier claim is stored and must come from the index, whose
    # answers the window filters before the claim is read
    assert not linked(YEAR_LATER, LinkSettings(specific_floor=3, batch_size=1))
    assert linked(YEAR_LATER, LinkSettings(specific_floor=3, batch_size=1, max_days=None))
    assert linked(YEAR_LATER, LinkSettings(specific_floor=3, max_days=None))
    weeks_later = [YEAR_LATER[0], said(
        "t3", "bus2025b", "2025-04-20", "Landrat Jürgen Pfeil", "assert", YEAR_LATER[1].quote,
        outlet="Waldecker Bote")]
    assert linked(weeks_later, COUNTED)


def test_a_bogus_date_is_far_from_every_claim_not_an_error() -> None:
    # A broken feed dates an article in the year 1 (or 9999): moving it by the window would
    # leave the calendar.
    for bogus in ("0001-01-01", "9999-12-31"):
        statements = [YEAR_LATER[0], said(
            "t4", "bus-ohne-datum", bogus, "Landrat Jürgen Pfeil", "assert",
            YEAR_LATER[1].quote, outlet="Waldecker Bote")]
        assert not linked(statements, COUNTED)
        assert not linked(statements, LinkSettings(specific_floor=3, batch_size=1))
        assert not linked(statements[::-1], LinkSettings(specific_floor=3, batch_size=1))


# An answer that names the report


REPORT_ANSWER = [
    said("r1", "fähre1", "2025-06-02", "Gewerkschaft Verdi", "assert",
         "Die Reederei Nordlicht will die Fährverbindung nach Hiddensee im Winter einstellen"),
    # the cue gave no stance ("erklärte"); the answer is in the words "Berichte ... falsch"
    said("r2", "fähre2", "2025-06-03", "Reederei Nordlicht", "assert",
         "Die Berichte über das Aus der Fährverbindung nach Hiddensee seien falsch",
         outlet="Ostseezeitung"),
]


def test_an_assertion_naming_the_report_answers_its_claim() -> None:
    assert linked(REPORT_ANSWER, COUNTED)
    assert not linked(REPORT_ANSWER, LinkSettings(specific_floor=3, report_answers=False))


def test_a_report_named_as_what_is_answered_not_as_a_source() -> None:
    answers = ["Die Berichte sind falsch", "Diese Angaben könne man nicht bestätigen",
               "Meldungen, wonach die Fähre eingestellt werde, seien falsch",
               "Die Berichte über das Aus der Fährverbindung seien falsch"]
    sources = ["Der Bericht zeige, dass die Fähre im Winter leer fahre",
               "Die Fähre fahre im Winter nicht"]
    assert all(names_report(text) for text in answers)
    assert not any(names_report(text) for text in sources)
