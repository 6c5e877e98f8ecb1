"""The rule engine on German constructions, one test per construction, on sentences of our own."""

from __future__ import annotations

import pytest

from quellenlage import Attribution, QuoteType, analyze


def statements(text: str) -> list[Attribution]:
    return analyze(text, engine="rules").attributions


def only(text: str) -> Attribution:
    found = statements(text)
    assert len(found) == 1, [a.to_dict() for a in found]
    return found[0]


def parts(attribution: Attribution) -> tuple[str, str | None, str | None]:
    return (
        attribution.quote.text,
        attribution.speaker.text if attribution.speaker else None,
        attribution.cue.text if attribution.cue else None,
    )


# --- direct quotations ---------------------------------------------------------------------------


def test_quote_before_speaker() -> None:
    found = only("„Wir werden die Ukraine weiter unterstützen“, sagte Nato-Generalsekretär "
                 "Mark Rutte am Montag.")
    assert found.type is QuoteType.DIRECT
    assert parts(found) == ("„Wir werden die Ukraine weiter unterstützen“",
                            "Nato-Generalsekretär Mark Rutte", "sagte")
    assert found.frame is not None and found.frame.text.startswith(", sagte")


def test_speaker_before_colon_and_quote() -> None:
    found = only("Der Kanzler sagte: „Das ist ein guter Tag für Europa.“")
    assert found.type is QuoteType.DIRECT
    assert parts(found) == ("„Das ist ein guter Tag für Europa.“", "Der Kanzler", "sagte")


def test_speaker_inside_a_split_quote() -> None:
    found = only("„Das ist falsch“, so die Sprecherin, „und wir werden dagegen klagen.“")
    assert found.type is QuoteType.DIRECT
    assert len(found.quote.spans) == 2
    assert found.speaker is not None and found.speaker.text == "die Sprecherin"
    assert found.cue is not None and found.cue.text == "so"


def test_quote_of_several_sentences() -> None:
    found = only("Die Ministerin erklärte: „Wir haben verstanden. Wir ändern den Kurs. "
                 "Und wir fangen heute an.“")
    assert found.quote.text.count(".") == 3
    assert found.speaker is not None and found.speaker.text == "Die Ministerin"


def test_quote_over_a_paragraph_break() -> None:
    text = ("Der Bürgermeister sagte: „Die Stadt hat getan, was sie konnte.\n\n"
            "„Jetzt sind Bund und Land am Zug.“")
    found = only(text)
    assert found.quote.text.startswith("„Die Stadt")
    assert found.quote.text.endswith("am Zug.“")


def test_standalone_quote_takes_the_speaker_in_context() -> None:
    found = statements("Der Trainer sagte, die Mannschaft sei müde. „Wir brauchen eine Pause, "
                       "und zwar dringend.“")
    direct = [a for a in found if a.type is QuoteType.DIRECT]
    assert direct and direct[0].speaker is not None
    assert direct[0].speaker.text == "Der Trainer"


def test_short_quoted_sentence_right_after_a_statement_is_its_speakers() -> None:
    found = statements("„Die Lage ist ernst“, sagte die Ärztin Maria Stein. „Wir sind erschöpft.“")
    assert [parts(a)[:2] for a in found] == [
        ("„Die Lage ist ernst“", "die Ärztin Maria Stein"),
        ("„Wir sind erschöpft.“", "die Ärztin Maria Stein"),
    ]


@pytest.mark.parametrize("text", [
    "Die Klinik hat neue Betten. „Wir sind erschöpft.“",  # no statement before it
    "„Die Lage ist ernst“, sagte die Ärztin. „Der letzte Walzer“ klang aus dem Saal.",  # a title
])
def test_short_quotation_without_a_statement_before_or_in_a_sentence_is_none(text: str) -> None:
    assert not any(a.quote.text.startswith(("„Wir", "„Der letzte")) for a in statements(text))


def test_short_scare_quotes_are_not_statements() -> None:
    assert statements("Die Band spielte ihren Hit „Sommerregen“ im Stadion.") == []


# --- verbs of saying -----------------------------------------------------------------------------


def test_separable_verb_with_main_clause_in_konjunktiv() -> None:
    found = only("Das Ministerium teilte am Dienstag mit, die Zahl der Toten sei auf 40 gestiegen.")
    assert found.type is QuoteType.INDIRECT
    assert parts(found) == ("die Zahl der Toten sei auf 40 gestiegen", "Das Ministerium",
                            "teilte mit")
    assert found.frame is not None
    assert found.frame.text == "Das Ministerium teilte am Dienstag mit,"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Die Regierung wies die Vorwürfe zurück, sie habe Truppen entsandt.", "wies zurück"),
        ("Die Opposition räumte ein, Fehler gemacht zu haben.", "räumte ein"),
        ("Der Konzern gab bekannt, dass das Werk geschlossen werde.", "gab bekannt"),
    ],
)
def test_separable_particles_join_the_cue(text: str, cue: str) -> None:
    found = only(text)
    assert found.cue is not None and found.cue.text == cue


def test_dass_clause() -> None:
    found = only("Die Gewerkschaft kritisierte, dass die Löhne zu niedrig seien.")
    assert parts(found) == ("dass die Löhne zu niedrig seien", "Die Gewerkschaft", "kritisierte")


def test_ob_clause() -> None:
    found = only("Der Abgeordnete fragte, ob die Regierung davon gewusst habe.")
    assert found.quote.text == "ob die Regierung davon gewusst habe"


def test_message_before_inverted_verb() -> None:
    found = only("Die Lage an der Grenze sei ernst, sagte ein Sprecher der Bundespolizei.")
    assert parts(found) == ("Die Lage an der Grenze sei ernst",
                            "ein Sprecher der Bundespolizei", "sagte")


def test_auxiliary_and_participle_form_the_cue() -> None:
    found = only("Die Firma hat angekündigt, dass sie 500 Stellen streichen werde.")
    assert found.cue is not None and found.cue.text == "hat angekündigt"
    assert found.speaker is not None and found.speaker.text == "Die Firma"


def test_governing_verb_wins_over_an_infinitive_in_the_message() -> None:
    found = only("Die Nato könne diese Angaben nicht bestätigen, sagte ein Sprecher.")
    assert parts(found) == ("Die Nato könne diese Angaben nicht bestätigen", "ein Sprecher",
                            "sagte")


def test_speaker_with_apposition() -> None:
    found = only("Karin Vogt, die Gründerin der Bürgerliste, sagte, dies sei keine "
                 "Lösung.")
    assert found.speaker is not None
    assert found.speaker.text == "Karin Vogt, die Gründerin der Bürgerliste"
    assert found.quote.text == "dies sei keine Lösung"


@pytest.mark.parametrize("text, speaker, message", [
    ("Der Sprecher der Kommission für Verkehr, Max Huber, sagte, die Brücke sei sicher.",
     "Der Sprecher der Kommission für Verkehr, Max Huber", "die Brücke sei sicher"),
    ("Die Botschafterin in Norwegen, Eva Brandt, erklärte: „Wir bleiben im Gespräch.“",
     "Die Botschafterin in Norwegen, Eva Brandt", "„Wir bleiben im Gespräch.“"),
])
def test_speaker_with_a_prepositional_attribute_and_an_apposition(text: str, speaker: str,
                                                                   message: str) -> None:
    found = only(text)
    assert found.speaker is not None and found.speaker.text == speaker, found.to_dict()
    assert found.quote.text == message


def test_relative_clause_is_not_a_message() -> None:
    found = only("Sie kritisierte den Plan, der im Mai beschlossen wurde.")
    assert found.type is QuoteType.REPORTED  # the criticism is told, its words are not
    assert found.quote.text == "Sie kritisierte den Plan, der im Mai beschlossen wurde."


# --- prepositional and adverbial cues ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "quote"),
    [
        ("Laut Polizei wurden drei Menschen verletzt.", "Polizei", "Laut",
         "wurden drei Menschen verletzt"),
        ("Medienberichten zufolge ist der Minister zurückgetreten.", "Medienberichten",
         "zufolge", "ist der Minister zurückgetreten"),
        ("Berichten einer Lokalzeitung zufolge ist der Minister zurückgetreten.",
         "Berichten einer Lokalzeitung", "zufolge", "ist der Minister zurückgetreten"),
        ("Experten der Universität zufolge steigt der Pegel weiter.",
         "Experten der Universität", "zufolge", "steigt der Pegel weiter"),
        ("Nach Angaben des Gesundheitsministeriums starben mindestens zwölf Menschen.",
         "Angaben des Gesundheitsministeriums", "Nach", "starben mindestens zwölf Menschen"),
        ("Gemäß einer Mitteilung der Stadt bleibt die Brücke gesperrt.",
         "Mitteilung der Stadt", "Gemäß", "bleibt die Brücke gesperrt"),
        ('Der „Abendpost“ zufolge wurden 500 Geräte bestellt.', "Der „Abendpost“",
         "zufolge", "wurden 500 Geräte bestellt"),
        ('Dem "Morgenkurier" zufolge habe der Minister davon gewusst.', 'Dem "Morgenkurier"',
         "zufolge", "habe der Minister davon gewusst"),
    ],
)
def test_prepositional_cues(text: str, speaker: str, cue: str, quote: str) -> None:
    found = only(text)
    assert found.type is QuoteType.INDIRECT
    assert parts(found) == (quote, speaker, cue)


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "frame"),
    [
        ("Die Truppen sollen laut Verteidigungsministerium bis Mai abziehen.",
         "Die Truppen sollen laut Verteidigungsministerium bis Mai abziehen",
         "Verteidigungsministerium", "laut Verteidigungsministerium"),
        ("Der Umsatz ist dem Bericht der Kammer zufolge um vier Prozent gestiegen.",
         "Der Umsatz ist dem Bericht der Kammer zufolge um vier Prozent gestiegen",
         "dem Bericht der Kammer", "dem Bericht der Kammer zufolge"),
        ("Das Hallenbad bleibt nach Angaben der Gemeinde bis Ostern geschlossen.",
         "Das Hallenbad bleibt nach Angaben der Gemeinde bis Ostern geschlossen",
         "Angaben der Gemeinde", "nach Angaben der Gemeinde"),
        ("Die Fähre hat, laut Reederei, den Hafen verlassen.",
         "Die Fähre hat, laut Reederei, den Hafen verlassen", "Reederei", "laut Reederei,"),
        # a bare noun before "einer Umfrage zufolge" is the object of the message, not the
        # start of the source
        ("Viele Pendler stehen E-Rollern einer Umfrage zufolge skeptisch gegenüber.",
         "Viele Pendler stehen E-Rollern einer Umfrage zufolge skeptisch gegenüber",
         "einer Umfrage", "einer Umfrage zufolge"),
        ("Junge Leute kaufen Schallplatten einer neuen Studie zufolge wieder öfter.",
         "Junge Leute kaufen Schallplatten einer neuen Studie zufolge wieder öfter",
         "einer neuen Studie", "einer neuen Studie zufolge"),
    ],
)
def test_a_prepositional_cue_inside_its_clause_is_part_of_the_message(
    text: str, quote: str, speaker: str, frame: str
) -> None:
    # news analysts mark the whole clause, cue and source included, as one message
    found = only(text)
    assert found.quote.text == quote
    assert len(found.quote.spans) == 1
    assert found.speaker is not None and found.speaker.text == speaker
    assert found.frame is not None and found.frame.text == frame


def test_a_prepositional_cue_after_its_clause_stays_outside_the_message() -> None:
    found = only("Die Fähre hat den Hafen verlassen, laut Reederei.")
    assert parts(found) == ("Die Fähre hat den Hafen verlassen", "Reederei", "laut")


def test_wie_clause() -> None:
    found = only("Wie ein Sprecher des Ministeriums mitteilte, wird die Straße gesperrt.")
    assert parts(found) == ("wird die Straße gesperrt", "ein Sprecher des Ministeriums",
                            "Wie mitteilte")


def test_so_after_indirect_message() -> None:
    found = only("Die Verhandlungen seien gescheitert, so der Vermittler.")
    assert parts(found) == ("Die Verhandlungen seien gescheitert", "der Vermittler", "so")


def test_demnach_points_back_to_a_source() -> None:
    found = only("Demnach hat der Angeklagte die Tat gestanden.")
    assert found.cue is not None and found.cue.text == "Demnach"
    assert found.quote.text == "hat der Angeklagte die Tat gestanden"


def test_heisst_es_has_no_speaker() -> None:
    found = only("In der Mitteilung heißt es, man werde die Lage prüfen.")
    assert found.speaker is None
    assert found.cue is not None and found.cue.text == "heißt es"
    assert found.quote.text == "man werde die Lage prüfen"


# --- noun cues -----------------------------------------------------------------------------------


def test_noun_cue_with_genitive_source_and_dass_clause() -> None:
    found = only("Die Forderung der Gewerkschaft, dass die Löhne steigen müssten, stieß auf "
                 "Widerstand.")
    assert parts(found) == ("dass die Löhne steigen müssten", "der Gewerkschaft", "Forderung")


def test_proposal_noun_with_its_source_and_zu_infinitive() -> None:
    found = only("Gut gefällt dem Stadtrat die Idee von Bürgermeisterin Eva Roth (SPÖ), die "
                 "Altstadt autofrei zu machen und die Parkgebühren abzuschaffen, wenn es "
                 "keine Einigung gibt.")
    assert parts(found) == (
        "die Altstadt autofrei zu machen und die Parkgebühren abzuschaffen",
        "von Bürgermeisterin Eva Roth (SPÖ)", "Idee")
    found = only("Der Vorschlag der Kammer, die Maut abzuschaffen, stößt auf Widerstand.")
    assert parts(found) == ("die Maut abzuschaffen", "der Kammer", "Vorschlag")


def test_proposal_noun_without_source_or_with_purpose_clause_is_no_statement() -> None:
    assert statements("Die Idee, das Haus zu verkaufen, kam spät.") == []
    assert statements("Der Vorschlag der Stadt, um Zeit zu sparen, kam spät.") == []


# --- continuation and hearsay --------------------------------------------------------------------


def test_konjunktiv_continues_the_statement_one_sentence_each() -> None:
    found = statements("Selenskyj sagte, er sei zu Gesprächen bereit. Die Ukraine werde aber "
                       "keine Gebiete abtreten. Man habe genug gelitten.")
    assert [a.type for a in found] == [QuoteType.INDIRECT, *[QuoteType.INDIRECT_FREE_INDIRECT] * 2]
    for continuation in found[1:]:
        assert continuation.speaker is not None and continuation.speaker.text == "Selenskyj"
        assert continuation.cue is None
    assert found[1].quote.text == "Die Ukraine werde aber keine Gebiete abtreten."
    assert found[2].quote.text == "Man habe genug gelitten."


def test_konjunktiv_ii_that_stands_for_konjunktiv_i_continues_the_statement() -> None:
    found = statements("Der Minister wies am Sonntag Vorwürfe der Zensur zurück. In seinem Land "
                       "säßen keine Journalisten wegen ihrer Meinung im Gefängnis.")
    assert [a.type for a in found] == [QuoteType.REPORTED, QuoteType.INDIRECT_FREE_INDIRECT]


@pytest.mark.parametrize("second", [
    "Die Antwort des Ministeriums reiche nicht aus.",
    "Der Streik schade dem Ansehen der Stadt.",
    "Er weise Verletzungen am Arm auf.",
])
def test_konjunktiv_that_looks_like_an_adjective_continues_as_finite_verb(second: str) -> None:
    found = statements("Die Sprecherin Eva Lind sagte, die Lage sei ernst. " + second)
    assert [a.type for a in found] == [QuoteType.INDIRECT, QuoteType.INDIRECT_FREE_INDIRECT]
    assert found[1].speaker is not None and found[1].speaker.text == "Die Sprecherin Eva Lind"


@pytest.mark.parametrize("second", [
    "Die reiche Gemeinde baut ein Bad.",
    "Gerade deshalb ist es schade, dass der Markt schließt.",
    "Der Rat sucht nun eine weise Lösung.",
])
def test_adjective_or_indicative_homograph_ends_the_continuation(second: str) -> None:
    found = statements("Die Sprecherin Eva Lind sagte, die Lage sei ernst. " + second)
    assert [a.type for a in found] == [QuoteType.INDIRECT]


def test_wollten_alone_narrates_and_does_not_continue_the_statement() -> None:
    found = statements("Die Bürgermeisterin sagte, der Hafen sei zu klein. Die Reeder wollten "
                       "sich auf einen neuen Standort nicht festlegen.")
    assert [a.quote.text for a in found] == ["der Hafen sei zu klein"]


def test_konjunktiv_continues_across_a_sentence_of_narration() -> None:
    found = statements("Die Ministerin Eva Lind sagte, der Haushalt sei solide. Die Sitzung im "
                       "Landtag dauerte drei Stunden. Die Rücklagen seien hoch genug.")
    assert [a.type for a in found][-1] is QuoteType.INDIRECT_FREE_INDIRECT
    assert found[-1].quote.text == "Die Rücklagen seien hoch genug."
    assert found[-1].speaker is not None and found[-1].speaker.text == "Die Ministerin Eva Lind"


def test_first_person_sentence_without_quotation_marks_continues_as_direct() -> None:
    found = statements("Wir werden nicht nachgeben, sagte Gewerkschaftschef Tom Berger. Unsere "
                       "Mitglieder stehen geschlossen hinter der Forderung.")
    assert [a.type for a in found] == [QuoteType.DIRECT, QuoteType.DIRECT]
    assert found[1].quote.text == "Unsere Mitglieder stehen geschlossen hinter der Forderung."
    assert found[1].speaker is not None and found[1].speaker.text == "Gewerkschaftschef Tom Berger"


@pytest.mark.parametrize(("text", "message", "kind"), [
    ("Die Preise steigen weiter, sagte die Bäckermeisterin Anna Roth. Und: Viele Kunden kaufen "
     "jetzt weniger Brot.", "Viele Kunden kaufen jetzt weniger Brot", QuoteType.DIRECT),
    ("„Die Preise steigen weiter“, sagte die Bäckermeisterin Anna Roth. Doch: „Aufgeben werden "
     "wir nicht.“", "„Aufgeben werden wir nicht.“", QuoteType.DIRECT),
    ("Die Bäckermeisterin Anna Roth sagte, die Preise stiegen weiter. Aber auch: Die Kunden "
     "seien treu geblieben.", "Die Kunden seien treu geblieben", QuoteType.INDIRECT_FREE_INDIRECT),
])
def test_connective_and_colon_continue_the_speaker_before(text: str, message: str,
                                                          kind: QuoteType) -> None:
    found = statements(text)
    assert len(found) == 2, [a.to_dict() for a in found]
    assert (found[1].quote.text, found[1].type) == (message, kind)
    assert found[1].speaker is not None
    assert found[1].speaker.text == "die Bäckermeisterin Anna Roth" or (
        found[1].speaker.text == "Die Bäckermeisterin Anna Roth")


def test_connective_and_colon_without_a_statement_before_are_no_statement() -> None:
    assert statements("Die Bäckerei öffnet um sieben Uhr. Und: Die Brötchen sind am Morgen "
                      "noch warm.") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Die Gewerkschaft sieht keinen Spielraum für längere Arbeitszeiten.", "Die Gewerkschaft"),
    ("Die Ministerin sieht den Streik als Warnsignal an die Regierung.", "Die Ministerin"),
    ("Der Verband sieht vor allem die kleinen Bäckereien gefährdet.", "Der Verband"),
])
def test_sehen_with_an_assessment_is_a_reported_opinion(text: str, speaker: str) -> None:
    found = only(text)
    assert found.type is QuoteType.REPORTED
    assert found.speaker is not None and found.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "Die Zeugen sahen den Wagen gegen Mitternacht.",
    "Der Plan sieht keine höheren Gebühren vor.",
    "Auf dem Foto ist der Bürgermeister neben dem Trainer zu sehen.",
])
def test_sehen_of_perception_or_plans_is_no_statement(text: str) -> None:
    assert statements(text) == []


def test_sehen_of_perception_names_no_speaker_for_the_quotation_after_it() -> None:
    found = statements("Die Nachbarin sah zwei Männer vor dem Haus. „Das Auto stand die ganze "
                       "Nacht dort und niemand hat sich darum gekümmert“, sagte ein Anwohner.")
    assert [parts(a)[1] for a in found] == ["ein Anwohner"]


def test_a_date_before_an_inverted_capitalised_subject_is_no_part_of_it() -> None:
    found = only("In der Stadt wird eine Sperrstunde nicht mehr ausgeschlossen. Das berichteten "
                 "am Montag Zeitungen in Graz.")
    assert found.type is QuoteType.INDIRECT
    assert parts(found) == ("In der Stadt wird eine Sperrstunde nicht mehr ausgeschlossen",
                            "Zeitungen", "berichteten")


@pytest.mark.parametrize("second", [
    "Erst danach könne man über Konsequenzen entscheiden, auch beim Personal.",
    "Man könne nicht mit Sicherheit sagen, ob der Fahrer dort gewesen sei.",
])
def test_an_infinitive_verb_of_saying_in_a_konjunktiv_sentence_continues(second: str) -> None:
    found = statements("Der Minister sagte, die Prüfung dauere an. " + second)
    assert [a.type for a in found] == [QuoteType.INDIRECT, QuoteType.INDIRECT_FREE_INDIRECT]
    assert found[1].quote.text == second
    assert found[1].speaker is not None and found[1].speaker.text == "Der Minister"


def test_the_konjunktiv_of_a_message_leaves_its_infinitive_cue_alone() -> None:
    found = only("Man könnte meinen, diese Geräte seien leicht zu ersetzen.")
    assert parts(found)[2] == "meinen"


def test_the_question_before_the_cue_is_answered_not_reported() -> None:
    found = only("Auf die Frage, ob sie bleiben wolle, antwortete die Trainerin, sie habe sich "
                 "noch nicht entschieden.")
    assert parts(found) == ("sie habe sich noch nicht entschieden", "die Trainerin",
                            "antwortete")


def test_a_circumstance_between_the_inverted_speaker_and_the_reported_clause() -> None:
    found = only("Auf die Frage, ob der Verein Schulden habe, erwiderte der Sprecher lediglich, "
                 "es handle sich um eine interne Angelegenheit.")
    assert parts(found) == ("es handle sich um eine interne Angelegenheit", "der Sprecher",
                            "erwiderte")


def test_first_person_words_before_the_cue_stay_the_message() -> None:
    found = statements("Unsere Spiele fördern den Zusammenhalt, sagt der Gründer Max Huber, "
                       "wodurch sie bei Firmen beliebt seien.")
    assert parts(found[0])[:2] == ("Unsere Spiele fördern den Zusammenhalt",
                                   "der Gründer Max Huber")


def test_konjunktiv_sentence_with_a_verb_of_saying_without_message_continues() -> None:
    found = statements("Die Sprecherin der Stadtwerke sagte, die Leitung sei repariert. Der "
                       "Bürgermeister sei über den Schaden informiert worden. Auch die Feuerwehr "
                       "habe davon gewusst.")
    assert [a.type for a in found] == [QuoteType.INDIRECT,
                                       *[QuoteType.INDIRECT_FREE_INDIRECT] * 2]
    for continuation in found[1:]:
        assert continuation.speaker is not None
        assert continuation.speaker.text == "Die Sprecherin der Stadtwerke"
    assert found[2].quote.text == "Auch die Feuerwehr habe davon gewusst."


def test_first_person_verb_of_saying_after_a_statement_stays_its_own_speaker() -> None:
    found = statements("Der Trainer sagte, die Mannschaft sei müde. Ich beharre darauf.")
    assert all(a.type is not QuoteType.INDIRECT_FREE_INDIRECT for a in found)


def test_indicative_sentence_ends_the_continuation() -> None:
    found = statements("Der Sprecher sagte, die Lage sei ruhig. Am Abend regnete es in Berlin.")
    assert [a.type for a in found] == [QuoteType.INDIRECT]


def test_reportative_sollen_is_hearsay() -> None:
    found = only("Nordkoreanische Soldaten sollen in Russland eingetroffen sein.")
    assert found.type is QuoteType.FREE_INDIRECT


# --- passive and impersonal ----------------------------------------------------------------------


def test_passive_attribution() -> None:
    found = only("Bereits am Morgen wurde mitgeteilt, dass der Flughafen geschlossen bleibt.")
    assert found.cue is not None and found.cue.text == "wurde mitgeteilt"
    assert found.speaker is None


def test_hiess_es_aus() -> None:
    found = only("Aus Regierungskreisen hieß es, eine Einigung sei nahe.")
    assert found.cue is not None and found.cue.text == "hieß es"
    assert found.quote.text == "eine Einigung sei nahe"


def test_heisst_without_its_es_explains_or_names() -> None:
    # "das heißt" and "Heißt:" explain, "Der Plan heißt ..." names: no impersonal cue
    assert not any(a.cue is not None and "heißt" in a.cue.text.lower() for a in statements(
        "Die Stadt sperrt die Brücke für ein Jahr. Heißt: Pendler müssen einen Umweg fahren. "
        "Das heißt, die Fahrt dauert länger. Der neue Plan heißt Ostring."))


def test_wie_berichtet_without_subject_is_the_outlets_back_reference() -> None:
    assert statements("Wie berichtet, hatte die Stadt den Park im Mai geschlossen.") == []
    assert statements("Der Park bleibt, wie bereits gemeldet, bis Juni geschlossen.") == []
    found = only("Wie die Zeitung berichtet, bleibt der Park geschlossen.")
    assert found.speaker is not None and found.speaker.text == "die Zeitung"


def test_heissen_means_or_names_and_geheissen_needs_its_es() -> None:
    assert statements("Die Devise kann nur heißen: sparen, sparen, sparen. Die Gäste wurden "
                      "am Eingang willkommen geheißen.") == []
    found = only("Aus dem Rathaus hatte es danach geheißen, die Brücke werde saniert.")
    assert found.quote.text == "die Brücke werde saniert"
    assert found.cue is not None and "geheißen" in found.cue.text


def test_heisst_with_es_earlier_in_its_wie_clause() -> None:
    found = only("Der Saal bleibt geschlossen, wie es in einem Schreiben der Stadt heißt.")
    assert found.quote.text == "Der Saal bleibt geschlossen"
    assert found.cue is not None and "heißt" in found.cue.text


# --- nesting -------------------------------------------------------------------------------------


def test_quotation_inside_indirect_speech_is_nested_direct() -> None:
    found = statements("Der Staatsanwalt sagte, der Mann habe „bewusst und gewollt“ gehandelt.")
    kinds = sorted(str(a.type) for a in found)
    assert kinds == ["Direct", "Indirect"]
    nested = next(a for a in found if a.type is QuoteType.DIRECT)
    assert nested.quote.text == "„bewusst und gewollt“"
    assert nested.speaker is not None and nested.speaker.text == "Der Staatsanwalt"


def test_speech_verb_without_message_names_the_speaker_of_what_follows() -> None:
    found = statements("Die Exil-Uiguren weisen die Anschuldigungen zurück. China habe die "
                       "Gefahr bewusst übertrieben.")
    assert [a.type for a in found] == [QuoteType.REPORTED, QuoteType.INDIRECT_FREE_INDIRECT]
    assert all(a.speaker is not None and a.speaker.text == "Die Exil-Uiguren" for a in found)


def test_reported_denial_without_its_words() -> None:
    found = only("Russland wies die Vorwürfe am Abend entschieden zurück.")
    assert found.type is QuoteType.REPORTED
    assert found.speaker is not None and found.speaker.text == "Russland"
    assert found.quote.text == "Russland wies die Vorwürfe am Abend entschieden zurück."


def test_compound_noun_cue_after_nach() -> None:
    found = only("Nach Unternehmensangaben arbeiten am Standort rund 8000 Menschen.")
    assert found.speaker is not None and found.speaker.text == "Unternehmensangaben"


def test_zu_infinitive_message() -> None:
    found = only("Er forderte die Verbündeten auf, mehr Luftabwehrsysteme zu liefern.")
    assert parts(found) == ("mehr Luftabwehrsysteme zu liefern", "Er", "forderte auf")


def test_coordinated_speakers_and_name_particles() -> None:
    found = only("Sonia und Willy Bogner teilten mit, sie seien tief erschüttert.")
    assert found.speaker is not None and found.speaker.text == "Sonia und Willy Bogner"
    found = only("Von der Leyen betonte, die Lage sei ernst.")
    assert found.speaker is not None and found.speaker.text == "Von der Leyen"


def test_sentence_adverb_is_not_the_speaker() -> None:
    found = only("Unterdessen verlangen die Grünen, dass der Ausschuss tagt.")
    assert found.speaker is not None and found.speaker.text == "die Grünen"


def test_shared_subject_of_coordinated_verbs() -> None:
    found = only("Er akzeptierte die Niederlage und kommentierte, dass der Gegner stark war.")
    assert found.speaker is not None and found.speaker.text == "Er"


def test_main_clause_message_after_a_noun_is_no_relative_clause() -> None:
    found = only("Zelensky sagte in seiner abendlichen Videoansprache, die Angriffe auf die "
                 "Energieversorgung hätten zugenommen.")
    assert found.quote.text == "die Angriffe auf die Energieversorgung hätten zugenommen"
    assert found.speaker is not None and found.speaker.text == "Zelensky"


def test_an_outlet_named_in_quotes_after_an_article_is_the_speaker_not_the_message() -> None:
    found = only("Wie die „Neue Rundschau“ berichtet, will die Reederei drei Schiffe verkaufen.")
    assert found.speaker is not None and found.speaker.text == "die „Neue Rundschau“"
    found = only("Die Reederei will drei Schiffe verkaufen. Das berichtete das „Tageblatt“ am "
                 "Montag.")
    assert found.quote.text == "Die Reederei will drei Schiffe verkaufen"
    assert found.speaker is not None and found.speaker.text == "das „Tageblatt“"


def test_outlets_named_in_quotes_after_laut_make_no_nested_statement() -> None:
    found = only("Laut „Nordkurier“ und „Neuer Nordischer Rundschau“ hat die Reederei drei "
                 "Schiffe verkauft.")
    assert found.type is QuoteType.INDIRECT


def test_quoted_outlets_in_a_list_after_laut_are_one_source_phrase() -> None:
    found = only('Laut "Nordkurier", "Tageblatt" und "Neue Rundschau" hat die Reederei drei '
                 "Schiffe verkauft.")
    assert found.speaker is not None
    assert found.speaker.text == '"Nordkurier", "Tageblatt" und "Neue Rundschau"'
    assert found.quote.text == "hat die Reederei drei Schiffe verkauft"


@pytest.mark.parametrize("text", [
    "Der Nordischen Rundschau sagte Anna Roth, sie rechne mit Widerstand.",
    "Der „Nordischen Rundschau“ sagte Anna Roth, sie rechne mit Widerstand.",
])
def test_der_with_an_adjective_in_en_before_the_verb_is_a_dative_not_the_speaker(
        text: str) -> None:
    found = only(text)
    assert found.speaker is not None and found.speaker.text == "Anna Roth"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Der Zeitung sagte Anna Roth, sie rechne mit Widerstand.", "Anna Roth"),
    ("Der Nachrichtenagentur dpa sagte ein Sprecher, die Zahlen stimmten.", "ein Sprecher"),
    ("Der Polizei erklärte der Fahrer, er habe nichts gesehen.", "der Fahrer"),
    ("Der Verband sagte am Montag, er plane keine Klage.", "Der Verband"),
])
def test_der_before_a_feminine_noun_is_a_dative_not_the_speaker(text: str, speaker: str) -> None:
    found = only(text)
    assert found.speaker is not None and found.speaker.text == speaker


def test_a_platform_named_in_quotes_after_a_channel_preposition_is_no_message() -> None:
    found = only('Die Sprecherin bestätigte den Rücktritt am Abend auf "X".')
    assert found.type is QuoteType.REPORTED and found.stance == "confirm"
    assert found.quote.text.startswith("Die Sprecherin bestätigte den Rücktritt")


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Das Beben habe die Stärke 6,1 gehabt, teilte die Erdbebenwarte in Denver mit.",
         "die Erdbebenwarte", "teilte mit"),
        ("Der Fernsehsender „Channel 10“ berichtete, die Armee sei vorgerückt.",
         "Der Fernsehsender „Channel 10“", "berichtete"),
        ("Der Seismologe Brian Baptie, der die Daten korrigiert hatte, sagte, dass das Beben "
         "schwächer gewesen sei.", "Der Seismologe Brian Baptie", "sagte"),
        ("Die Gewerkschaft sei bereit, so Müller wörtlich.", "Müller", "so"),
    ],
)
def test_speakers_around_inverted_verbs_relative_clauses_and_quoted_names(
    text: str, speaker: str, cue: str
) -> None:
    found = only(text)
    assert found.speaker is not None and found.speaker.text == speaker
    assert found.cue is not None and found.cue.text == cue


# --- addressees and the passive ------------------------------------------------------------------


def addressee(attribution: Attribution) -> str | None:
    return attribution.addressee.text if attribution.addressee else None


def test_dative_addressee_after_the_subject() -> None:
    found = only("Die Bürgermeisterin sagte der Lokalzeitung, der Haushalt sei ausgeglichen.")
    assert parts(found)[1:] == ("Die Bürgermeisterin", "sagte")
    assert addressee(found) == "der Lokalzeitung"


def test_dative_object_of_vorwerfen() -> None:
    found = only("Die Grünen warfen dem Verkehrsminister vor, die Bahn vernachlässigt zu haben.")
    assert parts(found)[1] == "Die Grünen"
    assert addressee(found) == "dem Verkehrsminister"


def test_accusative_object_of_auffordern() -> None:
    found = only("Der Landrat forderte die Bewohner auf, ihre Keller zu räumen.")
    assert parts(found)[1] == "Der Landrat"
    assert addressee(found) == "die Bewohner"


def test_a_direct_object_of_bestaetigen_is_no_addressee() -> None:
    found = only("Ein Sprecher bestätigte den Bericht, der Vertrag sei unterschrieben.")
    assert addressee(found) is None


def test_addressee_after_gegenueber_in_a_closing_frame() -> None:
    found = only("„Wir bauen keine Stellen ab“, sagte die Firmenchefin gegenüber dem Radiosender.")
    assert found.type is QuoteType.DIRECT
    assert parts(found)[1] == "die Firmenchefin"
    assert addressee(found) == "dem Radiosender"


def test_addressee_after_so_and_gegenueber() -> None:
    found = only("„Das Wasser ist wieder trinkbar“, so der Werkleiter gegenüber der Zeitung.")
    assert parts(found)[1:] == ("der Werkleiter", "so")
    assert addressee(found) == "der Zeitung"


def test_addressee_of_an_interview() -> None:
    found = only("In einem Interview mit dem Wochenblatt erklärte der Trainer, er bleibe.")
    assert parts(found)[1] == "der Trainer"
    assert addressee(found) == "dem Wochenblatt"


def test_warnen_vor_names_no_addressee() -> None:
    found = only("Der Wetterdienst warnte vor Glatteis auf den Straßen.")
    assert addressee(found) is None


def test_passive_subject_is_the_addressee_and_von_names_the_speaker() -> None:
    found = only("Die Stadt wurde vom Landesamt aufgefordert, den Spielplatz zu sperren.")
    assert parts(found)[1] == "Landesamt"
    assert addressee(found) == "Die Stadt"


def test_passive_dative_without_agent_has_no_speaker() -> None:
    found = only("Dem Bauunternehmer wird vorgeworfen, Schwarzarbeiter beschäftigt zu haben.")
    assert found.speaker is None
    assert addressee(found) == "Dem Bauunternehmer"


def test_impersonal_passive_has_no_speaker() -> None:
    found = only("Es wird erwartet, dass der Fluss am Abend über die Ufer tritt.")
    assert found.speaker is None and found.addressee is None


# --- speech acts without their words -------------------------------------------------------------


def test_sprechen_von_is_a_reported_statement() -> None:
    found = only("Die Veranstalter sprachen von einem gelungenen Fest.")
    assert found.type is QuoteType.REPORTED
    assert parts(found)[1] == "Die Veranstalter"


def test_berichten_von_is_a_reported_statement() -> None:
    found = only("Anwohner berichteten von lauten Knallgeräuschen in der Nacht.")
    assert found.type is QuoteType.REPORTED
    assert parts(found)[1] == "Anwohner"


def test_berichten_without_von_reports_nothing_on_its_own() -> None:
    assert statements("Der Kämmerer berichtete am Dienstag im Finanzausschuss.") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Die Behörde hat den Vorfall inzwischen bestätigt.", "Die Behörde"),
    ("Die Reederei und der Hafenbetreiber weisen die Berichte zurück.",
     "Die Reederei und der Hafenbetreiber"),
    ("Weder die Stadt noch der Betreiber wollten die Angaben bestätigen.",
     "die Stadt noch der Betreiber"),
    ("Die Gewerkschaft kündigte am Freitag Widerstand an.", "Die Gewerkschaft"),
    ("Der Messeverband rechnet mit 20.000 Besuchern.", "Der Messeverband"),
    ("Zuvor hatte sich das Amt noch gegen eine Veröffentlichung ausgesprochen.", "das Amt"),
    ("Die Ministerin räumte Fehler bei der Vergabe ein.", "Die Ministerin"),
    ("Das bestätigte Vereinssprecher Tim Kohl am Dienstag der Presseagentur.",
     "Vereinssprecher Tim Kohl"),
])
def test_speech_acts_without_their_words(text: str, speaker: str) -> None:
    found = only(text)
    assert found.type is QuoteType.REPORTED
    assert parts(found)[1] == speaker


def test_das_sagte_points_back_to_the_sentence_before() -> None:
    found = statements("Die Kosten würden sich verdoppeln. Das sagte Finanzministerin Eva Lind "
                       "am Montag.")
    assert [parts(a) for a in found] == [
        ("Die Kosten würden sich verdoppeln", "Finanzministerin Eva Lind", "sagte")
    ]


def test_das_sagte_with_a_name_after_the_speaker_still_points_back() -> None:
    found = statements("Die Kosten würden sich verdoppeln. Das sagte die Sprecherin des Verbands "
                       "für Handwerk, Eva Lind, am Montag der Zeitung.")
    assert [parts(a)[0] for a in found] == ["Die Kosten würden sich verdoppeln"]


def test_das_with_a_second_verb_of_saying_keeps_its_message() -> None:
    found = statements("Die Brücke ist gesperrt. Das teilte die Stadt am Montag mit und "
                       "erklärte, die Reparatur dauere zwei Wochen.")
    assert "die Reparatur dauere zwei Wochen" in [a.quote.text for a in found]


def test_das_bestaetigte_is_also_a_reported_confirmation() -> None:
    found = statements("Der Stürmer wechselt zum Stadtrivalen. Das bestätigte der Klub am Abend.")
    assert [a.type for a in found] == [QuoteType.INDIRECT, QuoteType.REPORTED]
    assert [a.stance for a in found] == ["confirm", "confirm"]


def test_unmarked_indicative_message_is_direct_in_a_text_without_quotation_marks() -> None:
    found = statements("Wir sanieren die Stadt, sagte Bürgermeister Klaus Berg. Er sagte, die "
                       "Schulden seien hoch. Laut Kämmerei ist der Haushalt ausgeglichen.")
    assert [a.type for a in found] == [QuoteType.DIRECT, QuoteType.INDIRECT, QuoteType.INDIRECT]


def test_unmarked_indicative_message_stays_indirect_where_the_text_has_quotation_marks() -> None:
    found = statements("„Wir kommen wieder“, sagte der Trainer. Der Kader ist komplett, sagte er.")
    assert [a.type for a in found] == [QuoteType.DIRECT, QuoteType.INDIRECT]


def test_colon_after_a_surname_attributes_the_sentence() -> None:
    found = statements("Marta Lindqvist leitet den Verband. Lindqvist: Die Forderung entbehrt "
                       "jeder Grundlage.")
    assert [parts(a)[:2] for a in found] == [
        ("Die Forderung entbehrt jeder Grundlage", "Lindqvist")
    ]
    assert found[0].type is QuoteType.DIRECT


def test_colon_after_a_topic_word_attributes_nothing() -> None:
    assert statements("Bildung: Die Partei gab mehr Geld für Schulen aus.") == []


def test_colon_after_a_bare_role_noun_attributes_the_headline() -> None:
    found = only("Umweltrechtlerin: Das neue Gesetz greift zu kurz")
    assert parts(found)[:2] == ("Das neue Gesetz greift zu kurz", "Umweltrechtlerin")


def test_colon_after_an_adjective_in_ant_attributes_nothing() -> None:
    assert statements("Brisant: Die Partei gab mehr Geld für Schulen aus.") == []


def test_reports_named_before_wonach_are_the_speaker() -> None:
    found = only("Der Sender verbreitete Berichte, wonach der Konzern Stellen streichen wolle.")
    assert parts(found) == ("der Konzern Stellen streichen wolle", "Berichte", "wonach")


def test_vermuten_with_an_object_is_a_reported_statement() -> None:
    found = only("Die Ermittler vermuten einen technischen Defekt.")
    assert found.type is QuoteType.REPORTED


def test_message_after_an_inverted_speaker_when_a_circumstance_comes_first() -> None:
    found = only("Angesprochen auf die Ausschreitungen, sagte der Bürgermeister, diese seien "
                 "unerträglich.")
    assert parts(found) == ("diese seien unerträglich", "der Bürgermeister", "sagte")


def test_message_before_the_cue_when_it_is_reported_itself() -> None:
    found = only("Die Lage sei ernst, sagte der Minister, man werde handeln.")
    assert parts(found)[0] == "Die Lage sei ernst"


def test_apposition_opened_by_an_adverb() -> None:
    found = only("Maria Weiß, selbst Ärztin, sagt, die Stationen seien überlastet.")
    assert parts(found)[:2] == ("die Stationen seien überlastet", "Maria Weiß, selbst Ärztin")


def test_demnach_inside_its_clause() -> None:
    found = only("Die Ermittlungen dauern demnach noch an.")
    assert found.quote.text == "Die Ermittlungen dauern noch an"


def test_a_correlate_opens_a_message_after_a_verb_without_a_clause_of_its_own() -> None:
    found = only("Er sprach wiederholt davon, man wolle die Opposition einbinden.")
    assert parts(found)[0] == "man wolle die Opposition einbinden"


def test_a_participle_phrase_between_commas_does_not_end_the_subjects_clause() -> None:
    found = only("Schon im Mai haben Grüne und Neos, unterstützt von zwei Bürgerlisten, den "
                 "Bau einer Seilbahn vorgeschlagen.")
    assert found.type is QuoteType.REPORTED
    assert parts(found)[1] == "Grüne und Neos"
    assert statements("Die Gäste, begleitet von zwei Musikern, haben den Saal verlassen.") == []


@pytest.mark.parametrize(("text", "answered"), [
    ("Den Einwand, dass die Stadt zu viel ausgebe, ließ der Bürgermeister nicht gelten: Wir "
     "haben jeden Euro zweimal umgedreht.", "Den Einwand, dass die Stadt zu viel ausgebe"),
    ("Den Vorwurf der Verschwendung wies der Bürgermeister zurück: Wir haben jeden Euro "
     "zweimal umgedreht.", "Den Vorwurf der Verschwendung"),
    ("Den Vorwurf der Verschwendung, wonach die Stadt nur Geschenke verteile, will der "
     "Bürgermeister so nicht stehen lassen: Wir haben jeden Euro zweimal umgedreht.",
     "Den Vorwurf der Verschwendung, wonach die Stadt nur Geschenke verteile"),
])
def test_an_object_before_an_answer_with_a_colon_is_what_it_answers(text: str, answered: str
                                                                    ) -> None:
    found = statements(text)
    act = next(a for a in found if a.type is QuoteType.REPORTED)
    assert act.quote.text == answered
    message = next(a for a in found if a.quote.text == "Wir haben jeden Euro zweimal umgedreht")
    assert act.speaker is not None and message.speaker is not None
    assert act.speaker.text == message.speaker.text == "der Bürgermeister"
    assert act.stance == message.stance == "deny"


def test_a_circumstance_before_the_cue_or_an_unnegated_answer_is_no_answered_object() -> None:
    assert [a.type for a in statements(
        "Angesprochen auf die Lage, sagte der Minister: Wir tun alles.")] == [QuoteType.DIRECT]
    assert [a.type for a in statements(
        "Die Frage, ob die Stadt spare, beantwortete der Minister so: Wir tun alles.")] == [
        QuoteType.DIRECT]


def test_a_verb_in_a_reported_clause_governs_no_statement() -> None:
    found = statements("Die Kritik, wonach die Kammer nur Entlastungen fordere, will der "
                       "Präsident nicht gelten lassen: Wir denken an alle.")
    assert {a.cue.text for a in found if a.cue} >= {"gelten lassen"}
    assert "fordere" not in {a.cue.text for a in found if a.cue}


def test_stripped_words_before_an_inverted_verb_of_saying_without_comma() -> None:
    found = only("Wenn die Stadt das beschließt, dann ist das Gesetz wirkungslos, das ist "
                 "Wahlkampf sagte der Jurist Hans Maier am Wochenende im Radio.")
    assert parts(found) == (
        "Wenn die Stadt das beschließt, dann ist das Gesetz wirkungslos, das ist Wahlkampf",
        "der Jurist Hans Maier", "sagte")
    assert statements("Am späten Montag sagte der Minister nichts.") == []
    assert statements("Der Verdächtige sei 43 Jahre alt und heiße Jan K.") == []


def test_ist_ueberzeugt_dass() -> None:
    found = only("Die Forscherin ist überzeugt, dass der Impfstoff wirkt.")
    assert parts(found) == ("dass der Impfstoff wirkt", "Die Forscherin", "ist überzeugt")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Die Miliz machte die Armee für den Angriff verantwortlich.", "Die Miliz"),
    ("Der Präsident hat die Regierung für den Tod verantwortlich gemacht.", "Der Präsident"),
    ("Zum Inhalt des Treffens machte er keine Angaben.", "er"),
    ("Parallel dazu erhob Russland schwere Vorwürfe gegen Deutschland.", "Russland"),
    ("Die Grünen üben Kritik an der Prüfung.", "Die Grünen"),
    ("Die Opposition pocht auf Aufklärung.", "Die Opposition"),
    ("In einem Posting solidarisierte sich die Parteichefin mit den Lehrern.", "die Parteichefin"),
    ("Die Regierung in Oslo dementierte inzwischen.", "Die Regierung in Oslo"),
    ("Der Konzern hat sich bislang nicht zu den Vorwürfen geäußert.", "Der Konzern"),
    ("Zuvor hatte die Lokalzeitung über den Unfall berichtet.", "die Lokalzeitung"),
    ("Auch die Radiosender berichteten darüber.", "die Radiosender"),
    ("Ähnlich äußerte sich die Bürgermeisterin der Nachbarstadt.",
     "die Bürgermeisterin der Nachbarstadt"),
    ("Die Stadt hat ihr Bedauern über den Vorfall geäußert.", "Die Stadt"),
    ("Mehrere Ärzte äußerten Zweifel an der Studie.", "Mehrere Ärzte"),
    ("Während die Stadt eine Beteiligung abstreitet, rückt ein Schiff in den Fokus.",
     "die Stadt"),
])
def test_more_speech_acts_without_their_words(text: str, speaker: str) -> None:
    found = only(text)
    assert found.type is QuoteType.REPORTED
    assert parts(found)[1] == speaker


def test_wahrend_as_a_preposition_before_a_verb_of_saying() -> None:
    found = only("Während des Spiels sagte der Trainer, man sei zufrieden.")
    assert parts(found) == ("man sei zufrieden", "der Trainer", "sagte")


def test_the_closing_verb_of_saying_governs_over_verbs_inside_the_message() -> None:
    found = only("Wir helfen Menschen, die Vorfälle melden möchten, sagte Anna Weber vom Forum.")
    assert parts(found) == ("Wir helfen Menschen, die Vorfälle melden möchten", "Anna Weber",
                            "sagte")


def test_dies_before_the_verb_is_its_object() -> None:
    found = statements("Die Bank sei solvent. Dies erklärte der Minister am Abend.")
    assert [parts(a)[:2] for a in found] == [("Die Bank sei solvent", "der Minister")]


def test_sentence_adverb_is_no_speaker() -> None:
    found = only("Ähnlich äußerte sich die Ministerin, man werde das prüfen.")
    assert parts(found)[1] == "die Ministerin"


@pytest.mark.parametrize(("second", "message", "possessive"), [
    ("Seiner Einschätzung nach werden die Mieten weiter steigen.",
     "werden die Mieten weiter steigen", "Seiner"),
    ("Die Mieten werden seiner Ansicht nach weiter steigen.",
     "Die Mieten werden seiner Ansicht nach weiter steigen", "seiner"),
])
def test_possessive_and_opinion_noun_before_nach_name_the_speaker(second: str, message: str,
                                                                   possessive: str) -> None:
    found = statements("Der Ökonom Karl Berg stellte die Studie vor. " + second)
    assert len(found) == 1, [a.to_dict() for a in found]
    assert parts(found[0])[:2] == (message, possessive)
    assert found[0].source is not None and found[0].source.name == "Karl Berg"


@pytest.mark.parametrize("second", [
    "Die Partei betonte die Dringlichkeit ihrer Forderung nach Neuwahlen.",  # "nach" governed
    "Er lobte das seiner Meinung nach gelungene Konzept.",  # inside a noun phrase
    "Wer hat Ihrer Meinung nach recht?",  # the polite form asks the reader
])
def test_nach_after_a_possessive_that_reports_no_view(second: str) -> None:
    found = statements("Der Ökonom Karl Berg stellte die Studie vor. " + second)
    assert not any(a.cue is not None and a.cue.text == "nach" for a in found)


@pytest.mark.parametrize(("text", "message", "speaker"), [
    ("Für die Ärztin ist klar, dass die Klinik mehr Personal braucht.",
     "dass die Klinik mehr Personal braucht", "die Ärztin"),
    ("Für den Verband war es wichtig, dass die Preise stabil bleiben.",
     "dass die Preise stabil bleiben", "den Verband"),
    ("Für ihn steht fest: Die Steuern bleiben.", "Die Steuern bleiben", "ihn"),
])
def test_fuer_x_ist_klar_states_the_view_of_x(text: str, message: str, speaker: str) -> None:
    assert parts(only(text))[:2] == (message, speaker)


@pytest.mark.parametrize("text", [
    "Für die Kinder ist das Bad am Sonntag geöffnet.",  # no predicate of view
    "Für die Kinder ist klar die Sonne das Wichtigste.",  # no clause after a comma or colon
])
def test_fuer_x_without_a_view_is_no_statement(text: str) -> None:
    assert statements(text) == []


@pytest.mark.parametrize(("text", "message", "speaker"), [
    ("Scharfe Kritik kam prompt vom Koalitionspartner: „So geht das nicht.“",
     "„So geht das nicht.“", "Koalitionspartner"),
    ("Lob kam am Montag auch von den Grünen: Endlich bewege sich etwas.",
     "Endlich bewege sich etwas", "den Grünen"),
])
def test_speech_act_noun_came_from_x_before_a_colon(text: str, message: str,
                                                     speaker: str) -> None:
    assert parts(only(text))[:2] == (message, speaker)


def test_something_else_that_came_from_x_is_no_statement() -> None:
    assert statements("Hilfe kam von der Feuerwehr: Sie pumpte den Keller aus.") == []


def test_laut_in_the_frame_of_another_statement_is_none_of_its_own() -> None:
    found = only("Das Problem sei die Armut, so der Präsident laut dem Sender.")
    assert parts(found) == ("Das Problem sei die Armut", "der Präsident", "so")


def test_laut_before_a_verb_of_saying_is_no_subject() -> None:
    found = statements("Laut Polizei sagte der Fahrer, er habe nichts gesehen.")
    assert parts(found[-1]) == ("er habe nichts gesehen", "der Fahrer", "sagte")


@pytest.mark.parametrize("text", [
    "Die Festnahme wurde international begrüßt.",
    "Ihnen drohen lange Haftstrafen.",
])
def test_no_speech_act_without_someone_who_acts(text: str) -> None:
    assert statements(text) == []


def test_laut_with_a_quoted_name() -> None:
    found = only("Laut „Radio Nord“ liefen hunderte Menschen durch die Stadt.")
    assert parts(found) == ("liefen hunderte Menschen durch die Stadt", "„Radio Nord“", "Laut")


def test_mit_den_worten_introduces_a_quotation() -> None:
    found = only("Die Sprecherin versuchte mit den Worten zu beruhigen: „Die Kasse ist voll.“")
    assert parts(found) == ("„Die Kasse ist voll.“", "Die Sprecherin", "mit den Worten")
    assert found.type is QuoteType.DIRECT


@pytest.mark.parametrize(("text", "speaker"), [
    ("Die Partei will die Proteste noch ausweiten.", "Die Partei"),
    ("Trotz des Verbots will Norwegen den Walfang fortsetzen.", "Norwegen"),
])
def test_declared_intention_is_a_reported_statement(text: str, speaker: str) -> None:
    found = only(text)
    assert found.type is QuoteType.REPORTED
    assert parts(found)[1] == speaker


def test_wollen_with_a_perfect_infinitive_is_hearsay_not_intention() -> None:
    assert only("Er will den Täter gesehen haben.").type is QuoteType.FREE_INDIRECT


def test_subject_after_the_auxiliary_when_a_prepositional_phrase_opens_the_clause() -> None:
    found = only("Auf Nachfrage aus dem Publikum musste er betonen, dass es kaum Daten gebe.")
    assert parts(found)[:2] == ("dass es kaum Daten gebe", "er")


def test_name_before_an_apposition_without_its_closing_comma() -> None:
    found = only("Jonas Berglund, der Sekretär des Vereins sagte dem Sender, es sei schwierig.")
    assert parts(found)[1] == "Jonas Berglund, der Sekretär des Vereins"


def test_a_time_phrase_after_the_verb_is_no_speaker() -> None:
    found = only("Dass Kritik gelöscht werde, enthüllte vergangenes Jahr die Initiative Netzwache.")
    assert parts(found)[1] == "die Initiative Netzwache"


def test_an_accusation_named_before_wonach_is_no_speaker() -> None:
    found = statements("Den Vorwurf, wonach die Firma Steuern spare, will der Chef so nicht "
                       "stehen lassen.")
    assert all(parts(a)[1] != "Den Vorwurf" for a in found)


def test_particle_after_a_quoted_word() -> None:
    found = only("Der Geschäftsführer wies alle Vorwürfe als „haltlos“ zurück.")
    assert found.type is QuoteType.REPORTED and found.stance == "deny"


def test_fortfahren_introduces_a_quotation() -> None:
    found = only("Er fuhr fort: „Das ist wirklich ein Skandal.“")
    assert parts(found) == ("„Das ist wirklich ein Skandal.“", "Er", "fuhr fort")


def test_subject_and_auxiliary_before_short_quotations() -> None:
    found = only('Der Sprecher hat die Reaktionen als "überzogen" und "unpassend" bezeichnet.')
    assert found.type is QuoteType.REPORTED and parts(found)[1] == "Der Sprecher"


def test_adverb_between_subject_and_verb() -> None:
    found = only("Die Miliz selbst sprach später von mehr als 50 Toten.")
    assert parts(found)[1] == "Die Miliz"


def test_a_speech_act_in_a_clause_beside_a_statement_is_reported_too() -> None:
    found = statements("Die Stadt bestritt das am Montag, während der Betreiber sagte, er "
                       "prüfe die Vorwürfe noch.")
    assert sorted(a.type for a in found) == [QuoteType.INDIRECT, QuoteType.REPORTED]


def test_the_speech_act_among_verbs_of_saying_makes_the_reported_statement() -> None:
    found = only("Kirchen aus dem ganzen Land bekunden ihre Trauer und fordern Hilfe.")
    assert found.type is QuoteType.REPORTED and found.stance == "demand"


def test_coordinated_speech_acts_are_statements_each() -> None:
    found = statements("Die Gewerkschaft kritisierte den Plan und forderte Neuwahlen.")
    assert [(a.type, a.quote.text, parts(a)[1]) for a in found] == [
        (QuoteType.REPORTED, "Die Gewerkschaft kritisierte den Plan", "Die Gewerkschaft"),
        (QuoteType.REPORTED, "forderte Neuwahlen", "Die Gewerkschaft"),
    ]


def test_an_attributive_participle_is_no_verb_of_saying() -> None:
    assert all(a.type is not QuoteType.REPORTED for a in statements(
        "Ein Großteil des erwarteten Wachstums findet in Afrika statt."))


def test_sich_optimistisch_zeigen_dass() -> None:
    found = only("In der Pressekonferenz zeigte sich der Minister optimistisch, dass die "
                 "Gespräche gelingen würden.")
    assert parts(found) == ("dass die Gespräche gelingen würden", "der Minister",
                            "zeigte optimistisch")


def test_skeptisch_sein_dass_reports_a_doubt() -> None:
    found = only("Die Ärztin ist skeptisch, dass die neue Salbe wirklich hilft.")
    assert parts(found) == ("dass die neue Salbe wirklich hilft", "Die Ärztin",
                            "ist skeptisch")


def test_zeigen_alone_is_no_verb_of_saying() -> None:
    assert statements("Die Ausstellung zeigt Bilder aus Wien.") == []


@pytest.mark.parametrize("text", [
    "Ein Bäckermeister ist am Freitag zu zehn Monaten verurteilt worden.",
    "Ein Sondergericht sprach ihn vor 15 Jahren von allen Vorwürfen frei.",
    "Am Morgen befanden sich rund 200 Gäste im Saal.",
    "Dem Fahrer drohen bis zu drei Jahre Haft.",
    "Bei Verstößen drohen Bußgelder bis zu 500 Euro.",
    "Der Läuferin droht eine Sperre von zwei Jahren.",
    "Der Umbau des Hallenbads droht an den Kosten zu scheitern.",
    "Die Brauerei ist durch billige Importe unter Druck geraten.",
    "Kleine Vermieter geraten ins Visier der Finanzämter.",
    "Bei dem Fahrer bestätigte sich der Verdacht auf Trunkenheit nicht.",
    "Am Samstag verteidigt die Boxerin in Linz ihren WM-Titel.",
    "Der Tabellenführer hat seinen Vorsprung auf fünf Punkte verteidigt.",
    "Bei Glätte empfiehlt es sich, früher loszufahren.",
    "Für Anfänger empfiehlt sich ein leichtes Rad.",
])
def test_verbs_of_saying_that_mean_something_else_beside_certain_words(text: str) -> None:
    assert statements(text) == []


def test_empfehlen_with_sich_after_a_comma_stays_a_recommendation() -> None:
    found = only("Die Behörde empfiehlt, sich vor der Reise impfen zu lassen.")
    assert found.quote.text == "sich vor der Reise impfen zu lassen"


def test_verteidigen_of_a_policy_is_a_speech_act() -> None:
    found = only("Die Ministerin verteidigte ihren Kurs in der Asylpolitik.")
    assert found.type is QuoteType.REPORTED


def test_drohen_mit_is_a_threat() -> None:
    found = only("Die Gewerkschaft drohte mit Streiks.")
    assert found.type is QuoteType.REPORTED


def test_drohen_with_a_zu_infinitive_after_a_comma_is_a_threat() -> None:
    found = only("Die Gewerkschaft drohte am Montag, das Werk zu bestreiken.")
    assert found.quote.text == "das Werk zu bestreiken"
    assert found.speaker is not None and found.speaker.text == "Die Gewerkschaft"


@pytest.mark.parametrize("text", [
    "Dem Klub droht nach der Niederlage der Abstieg.",
    "Nun droht ein monatelanger Streit um das Erbe.",
    "Der Gemeinde droht eine Klage des Nachbarorts.",
    "Mit der neuen Regel droht ein Chaos an den Grenzen.",
    "Ohne Einigung droht ein Prozess an einem Gericht in Graz.",
    "Damit droht dem Land wohl auch eine Strafzahlung.",
    "Zwei Zelte drohten am Abend wegzufliegen.",
])
def test_drohen_with_a_thing_as_subject_tells_what_looms(text: str) -> None:
    assert statements(text) == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Der Bürgermeister drohte dem Verein mit einer Räumung.", "Der Bürgermeister"),
    ("Die Gemeinde drohte mit dem Abriss der Hütte.", "Die Gemeinde"),
    ("Nun droht der Konzern seinen Lieferanten.", "der Konzern"),
    ("Huber drohte den Behörden.", "Huber"),
])
def test_drohen_with_a_person_or_a_body_as_subject_is_a_threat(text: str, speaker: str) -> None:
    found = only(text)
    assert found.type is QuoteType.REPORTED
    assert found.speaker is not None and found.speaker.text == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("Dem Bürgermeister warf die Opposition Versagen vor.", "die Opposition"),
    ("Am Dienstag forderte die Partei Neuwahlen.", "die Partei"),
    ("Daraufhin kündigte der Konzern Kündigungen in Linz an.", "der Konzern"),
    ("Erneut lehnte die Gewerkschaft Verhandlungen ab.", "die Gewerkschaft"),
])
def test_a_bare_object_after_an_inverted_subject_is_no_part_of_it(text: str,
                                                                   speaker: str) -> None:
    found = only(text)
    assert found.speaker is not None and found.speaker.text == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("Am Abend teilte die Polizei Wien mit, der Täter sei gefasst.", "die Polizei Wien"),
    ("Noch am Abend wies die Agentur Zeng die Vorwürfe zurück.", "die Agentur Zeng"),
    ("Am Montag bestätigte der Sprecher Jonas Weber den Rücktritt.", "der Sprecher Jonas Weber"),
])
def test_a_name_after_the_head_of_an_inverted_subject_stays(text: str, speaker: str) -> None:
    found = only(text)
    assert found.speaker is not None and found.speaker.text == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("Beide verlangen eine Entschuldigung des Trainers.", "Beide"),
    ("Viele fürchten, dass die Mieten weiter steigen.", "Viele"),
    ("Alle wiesen den Vorwurf zurück.", "Alle"),
])
def test_a_quantifier_without_its_noun_before_the_verb_is_the_subject(text: str,
                                                                      speaker: str) -> None:
    found = only(text)
    assert found.speaker is not None and found.speaker.text == speaker


def test_geraten_of_raten_stays_a_cue_in_the_passive() -> None:
    found = only("Den Kunden wird geraten, ihre Passwörter zu ändern.")
    assert found.quote.text == "ihre Passwörter zu ändern"


def test_in_einen_hinterhalt_geraten_does_not_take_the_speaker_of_a_report() -> None:
    found = statements("Zwei Wanderer seien verletzt, berichtete die Bergrettung am Montag. Die "
                       "Wanderer seien in ein Unwetter geraten.")
    assert [a.speaker.text if a.speaker else None for a in found] == ["die Bergrettung"] * 2


def test_sich_befinden_is_no_cue_beside_wie_x_mitteilte() -> None:
    found = only("Am Morgen befanden sich rund 200 Gäste im Saal, wie die Veranstalterin "
                 "mitteilte.")
    assert parts(found) == ("Am Morgen befanden sich rund 200 Gäste im Saal", "die Veranstalterin",
                            "wie mitteilte")


def test_a_konjunktiv_sentence_before_the_first_statement_is_its() -> None:
    found = statements("Das Abkommen sei zu komplex. Es sei zudem widersprüchlich, sagte die "
                       "Vorsitzende der Gruppe am Mittwoch.")
    assert [(a.type, parts(a)[1]) for a in found] == [
        (QuoteType.INDIRECT_FREE_INDIRECT, "die Vorsitzende der Gruppe"),
        (QuoteType.INDIRECT, "die Vorsitzende der Gruppe"),
    ]


def test_das_sagte_leaves_a_sentence_with_its_own_statement_alone() -> None:
    found = statements("Laut Polizei ist die Straße gesperrt. Das sagte ein Anwohner.")
    assert [parts(a)[1] for a in found] == ["Polizei"]


def test_subject_after_a_predicative_als_phrase() -> None:
    found = only("Als Ursache nannte die Feuerwehr einen defekten Heizlüfter.")
    assert found.type is QuoteType.REPORTED
    assert parts(found)[1] == "die Feuerwehr"


# --- speaker phrases -----------------------------------------------------------------------------


def test_speaker_with_a_number_compound() -> None:
    found = only("Der 45-jährige Fahrer sagte, er habe das Stoppschild übersehen.")
    assert parts(found)[1] == "Der 45-jährige Fahrer"


def test_genitive_plural_determiner_belongs_to_the_speaker() -> None:
    found = only("Nach Angaben mehrerer Anwohner brannte die Scheune bis zum Morgen.")
    assert parts(found)[1:] == ("Angaben mehrerer Anwohner", "Nach")


def test_quoted_newspaper_name_after_a_genitive_article() -> None:
    found = only("Laut einem Bericht der „Rheinischen Post“ wird das Stadion im Herbst verkauft.")
    assert found.type is QuoteType.INDIRECT
    assert parts(found)[1] == "einem Bericht der „Rheinischen Post“"


def test_party_in_brackets_does_not_end_the_speakers_clause() -> None:
    found = only("Landrat Peter Huber (SPD) sagte dazu dem Lokalsender, die Straße sei zu.")
    assert parts(found)[1:] == ("Landrat Peter Huber (SPD)", "sagte")
    assert addressee(found) == "dem Lokalsender"


def test_subject_of_a_verb_final_clause_comes_before_its_objects() -> None:
    found = statements("Nachdem der Verteidiger der Angeklagten dem Gericht mitgeteilt hatte, "
                       "dass sie krank sei, wurde die Verhandlung vertagt.")[0]
    assert parts(found)[1:] == ("der Verteidiger der Angeklagten", "mitgeteilt hatte")
    assert addressee(found) == "dem Gericht"


def test_speaker_with_a_capitalised_number_compound() -> None:
    found = only("Der 61-Jährige gab an, er habe den Unfall nicht bemerkt.")
    assert parts(found)[1] == "Der 61-Jährige"


def test_quoted_phrase_after_a_genitive_article_stays_a_quotation() -> None:
    found = statements("Laut der Anklage machte er sich des „Verrats von Geheimnissen“ schuldig.")
    assert any(a.type is QuoteType.DIRECT and a.quote.text == "„Verrats von Geheimnissen“"
               for a in found)


# --- verbs of saying -----------------------------------------------------------------------------


def test_bezeichnen_with_a_quoted_judgement() -> None:
    found = only("Die Senatorin bezeichnete den Entwurf als „schlicht unbezahlbar“.")
    assert found.type is QuoteType.DIRECT
    assert parts(found) == ("„schlicht unbezahlbar“", "Die Senatorin", "bezeichnete")


def test_bezeichnen_als_is_a_reported_statement() -> None:
    found = only("Der Verband bezeichnete die neue Abgabe als Belastung für das Handwerk.")
    assert found.type is QuoteType.REPORTED
    assert parts(found)[1] == "Der Verband"


def test_a_wie_clause_inside_its_clause_is_part_of_the_message() -> None:
    found = only("Die Brücke bleibt, wie die Stadtverwaltung mitteilte, bis Freitag gesperrt.")
    assert found.quote.text == (
        "Die Brücke bleibt, wie die Stadtverwaltung mitteilte, bis Freitag gesperrt")
    assert parts(found)[1:] == ("die Stadtverwaltung", "wie mitteilte")


def test_a_wie_clause_after_its_clause_stays_outside_the_message() -> None:
    found = only("Die Brücke bleibt bis Freitag gesperrt, wie die Stadtverwaltung mitteilte.")
    assert parts(found) == ("Die Brücke bleibt bis Freitag gesperrt", "die Stadtverwaltung",
                            "wie mitteilte")


def test_argumentieren_introduces_indirect_speech() -> None:
    found = only("Die Klägerin argumentierte, der Vertrag sei nie gültig gewesen.")
    assert parts(found) == ("der Vertrag sei nie gültig gewesen", "Die Klägerin", "argumentierte")


def test_wie_verlautete_frames_the_sentence() -> None:
    found = only("Wie aus Kreisen der Feuerwehr verlautete, ist der Brand gelöscht.")
    assert found.quote.text == "ist der Brand gelöscht"
    assert parts(found)[1:] == ("Kreisen der Feuerwehr", "Wie verlautete")


def test_source_of_hervorgehen_is_the_aus_phrase() -> None:
    found = only("Aus einem Gutachten des Landesamts geht hervor, dass die Brücke marode ist.")
    assert parts(found) == ("dass die Brücke marode ist", "einem Gutachten des Landesamts",
                            "geht hervor")


def test_participle_of_an_inseparable_unter_verb() -> None:
    found = only("Die Schule hat die Eltern unterrichtet, dass der Unterricht ausfalle.")
    assert parts(found)[1:] == ("Die Schule", "hat unterrichtet")


# --- answers told without their words ------------------------------------------------------------


@pytest.mark.parametrize(("text", "speaker", "stance"), [
    ("Ein Sprecher wollte sich dazu nicht äußern.", "Ein Sprecher", "not_confirm"),
    ("Das Pentagon kommentierte den Bericht nicht.", "Das Pentagon", "not_confirm"),
    ("Das Ministerium ließ eine Anfrage unbeantwortet.", "Das Ministerium", "not_confirm"),
    ("Die Armee hatte die Verantwortung von sich gewiesen.", "Die Armee", "deny"),
    ("Als Eigentümer erteilt die Stadt solchen Plänen nun eine Absage.", "die Stadt", "deny"),
    ("Einen Rücktritt hatte die Ministerin zuvor ausgeschlossen.", "die Ministerin", "deny"),
])
def test_answers_without_their_words(text: str, speaker: str, stance: str) -> None:
    found = only(text)
    assert found.type is QuoteType.REPORTED
    assert (parts(found)[1], found.stance) == (speaker, stance)


def test_a_verb_that_leaves_a_question_open_takes_it_as_its_message() -> None:
    found = only("Ob die Zahl genannt wurde, ließ der Sprecher offen.")
    assert parts(found) == ("Ob die Zahl genannt wurde", "der Sprecher", "ließ offen")
    assert found.stance == "not_confirm"


def test_commenting_without_a_negation_tells_no_act() -> None:
    assert statements("Das Pentagon kommentierte den Bericht am Abend.") == []


@pytest.mark.parametrize(("text", "quote", "speaker", "stance"), [
    ("Das Dementi aus Lissabon kam umgehend.", "Das Dementi aus Lissabon kam umgehend.",
     "Lissabon", "deny"),
    ("Eine Stellungnahme der Reederei gab es dazu nicht.",
     "Eine Stellungnahme der Reederei gab es dazu nicht.", "der Reederei", "not_confirm"),
])
def test_a_noun_with_its_source_tells_an_answer(text: str, quote: str, speaker: str,
                                                stance: str) -> None:
    found = only(text)
    assert found.type is QuoteType.REPORTED
    assert (parts(found)[:2], found.stance) == ((quote, speaker), stance)


def test_a_noun_act_beside_a_statement_keeps_its_own_phrase() -> None:
    found = statements("Der Verband verwies auf ein Dementi des Herstellers und sagte: „Das "
                       "ist erledigt.“")
    acts = [a for a in found if a.type is QuoteType.REPORTED]
    assert [(a.quote.text, parts(a)[1], a.stance) for a in acts] == [
        ("ein Dementi des Herstellers", "des Herstellers", "deny")]


@pytest.mark.parametrize("text", [
    "Nach Bestätigung der Polizei gab es zwei Tote.",
    "Der Verein wies Vorwürfe der Untreue zurück.",
])
def test_a_noun_after_a_prepositional_cue_or_naming_the_content_tells_no_act(text: str) -> None:
    assert all(parts(a)[1] not in ("der Polizei", "der Untreue") for a in statements(text))


def test_a_noun_that_names_the_channel_is_no_cue() -> None:
    found = only("Der Hersteller erklärte in einer Stellungnahme, dass er die Geräte nicht baue.")
    assert parts(found) == ("dass er die Geräte nicht baue", "Der Hersteller", "erklärte")


def test_a_confirmation_of_an_object_takes_no_main_clause_as_its_message() -> None:
    found = only("Die Behörde bestätigte einen Einbruch im Archiv, die Polizei leitete eine "
                 "Untersuchung ein.")
    assert found.type is QuoteType.REPORTED and found.stance == "confirm"
    assert parts(found)[1] == "Die Behörde"


def test_a_denial_of_an_object_with_a_konjunktiv_clause_keeps_its_message() -> None:
    found = only("Die Regierung wies den Vorwurf zurück, sie habe Truppen entsandt.")
    assert parts(found)[0] == "sie habe Truppen entsandt"


def test_a_speaker_with_an_apposition_inside_a_message_speaks_it() -> None:
    found = statements("Lissabon dementierte inzwischen, ein Berater des Ministers, Paulo Sousa, "
                       "schrieb auf X, Portugal habe nichts mit dem Vorfall zu tun.")
    assert [(a.type, a.quote.text, parts(a)[1]) for a in found] == [
        (QuoteType.REPORTED, "Lissabon dementierte inzwischen", "Lissabon"),
        (QuoteType.INDIRECT, "Portugal habe nichts mit dem Vorfall zu tun",
         "ein Berater des Ministers, Paulo Sousa"),
    ]
    assert [a.stance for a in found] == ["deny", "deny"]


def test_a_speech_act_in_a_relative_clause_is_the_antecedents() -> None:
    # the main clause is an opinion of its own (sehen with an assessment), the relative clause
    # the act of its antecedent
    opinion, found = statements("Gefordert sieht der Chef vor allem die Kammer, die ein neues "
                                "Modell ablehnt.")
    assert opinion.type is QuoteType.REPORTED
    assert (found.type, found.quote.text, parts(found)[1], found.stance) == (
        QuoteType.REPORTED, "die ein neues Modell ablehnt", "die Kammer", "deny")


def test_the_antecedent_of_a_relative_act_is_the_noun_past_the_last_preposition() -> None:
    found = statements("Die Grenze zu Nordland, das jede Beteiligung ablehnt, bleibt zu.")
    assert [parts(a)[1] for a in found if a.type is QuoteType.REPORTED] == ["Nordland"]


def test_the_words_after_the_colon_of_an_inverted_reply_are_its_message() -> None:
    act, found = statements("Den Einwand, dass der Chef die Gruppe unterstütze, ließ Berger "
                            "nicht gelten: Jetzt geht es um die Wahl.")
    assert parts(found) == ("Jetzt geht es um die Wahl", "Berger", "ließ gelten")
    assert found.stance == "deny"
    # the object before the cue is what the reply answers, a Reported denial beside it
    assert act.type is QuoteType.REPORTED and act.stance == "deny"


def test_wissen_lassen_is_a_verb_of_saying() -> None:
    found = only("Wir sind Teil der Lösung, ließ er den Minister wissen.")
    assert parts(found) == ("Wir sind Teil der Lösung", "er", "ließ wissen")


def test_examples_after_wie_belong_to_the_subject() -> None:
    found = only("Agenturen wie Reuters oder AFP konnten die Zahlen bisher nicht bestätigen.")
    assert (parts(found)[1], found.stance) == ("Agenturen wie Reuters oder AFP", "not_confirm")


def test_an_act_coordinated_with_a_statement_ends_before_its_coordinator() -> None:
    found = statements("Der Verein wies Anschuldigungen der Stadt zurück und beschuldigte die "
                       "Regierung, den Brand gelegt zu haben.")
    assert [(a.type, a.quote.text, a.stance) for a in found] == [
        (QuoteType.REPORTED, "Der Verein wies Anschuldigungen der Stadt zurück", "deny"),
        (QuoteType.INDIRECT, "den Brand gelegt zu haben", "criticise"),
    ]


def test_an_adverbial_clause_before_an_inverted_verb_is_no_message() -> None:
    found = only("Während es von der Opposition Kritik hagelt, dementieren die Firmen jede "
                 "Spende an die Partei.")
    assert found.type is QuoteType.REPORTED and found.stance == "deny"


def test_a_main_clause_after_an_adverbial_one_still_is_a_message() -> None:
    found = only("Wenn er nicht auf uns hören will, soll er selber Pläne machen, sagte der "
                 "Präsident.")
    assert parts(found) == ("Wenn er nicht auf uns hören will, soll er selber Pläne machen",
                            "der Präsident", "sagte")


def test_defending_oneself_against_accusations_denies_them() -> None:
    found = only("Die Botschaft hat sich gegen Vorwürfe gewehrt.")
    assert found.type is QuoteType.REPORTED and found.stance == "deny"


@pytest.mark.parametrize("text", [
    "Die Polizei wehrte den Angriff ab.",
    "Ein Unfall war nicht auszuschließen.",
    "Vor Ort schlossen einen Anschlag alle aus.",
])
def test_no_answer_in_other_senses_or_with_an_object_as_speaker(text: str) -> None:
    assert all(parts(a)[1] not in ("Die Polizei", "Ein Unfall", "einen Anschlag")
               for a in statements(text))


@pytest.mark.parametrize(("text", "speakers"), [
    ("Sowohl Paris als auch Madrid wiesen die Behauptungen zurück.", ["Paris", "Madrid"]),
    ("Sowohl die Stadt als auch der Betreiber wiesen die Vorwürfe zurück.",
     ["die Stadt", "der Betreiber"]),
])
def test_speakers_paired_by_sowohl_als_auch_make_a_statement_each(text: str,
                                                                 speakers: list[str]) -> None:
    found = statements(text)
    assert [(parts(a)[1], a.stance) for a in found] == [(s, "deny") for s in speakers]


def test_a_pair_after_an_inverted_auxiliary_is_split_too() -> None:
    found = statements("Nach der Explosion haben sowohl die Firma Alpha sowie auch ihr Partner "
                       "Beta abgestritten, die Geräte gebaut zu haben.")
    assert [parts(a)[1] for a in found] == ["die Firma Alpha", "ihr Partner Beta"]


def test_a_pair_in_someone_elses_konjunktiv_report_stays_one_statement() -> None:
    found = statements("Der Präsident sagte, er sei zufrieden. Sowohl Anna als auch Bernd "
                       "hätten ihn um Rat gebeten.")
    assert len(found) == 2


def test_a_denied_report_with_wonach_is_the_message_with_what_the_report_says() -> None:
    found = statements('Die Firma hatte zuvor einen Bericht der "Tagespost" dementiert, wonach '
                       "die Geräte aus ihrem Werk stammten.")
    assert [(a.type, parts(a)[1:], a.stance) for a in found] == [
        (QuoteType.INDIRECT, ("Die Firma", "hatte dementiert"), "deny"),
        (QuoteType.INDIRECT, ('Bericht der "Tagespost"', "wonach"), "assert"),
    ]
    assert found[0].quote.text.startswith("einen Bericht")
    assert found[0].quote.text.endswith("aus ihrem Werk stammten")


def test_an_answer_in_a_was_clause_is_its_subjects_and_ends_the_message_before_it() -> None:
    found = statements("Experten gehen davon aus, dass die Truppen an der Front kämpfen, was "
                       "Nordland und Südland jedoch bestreiten.")
    assert [(a.quote.text, parts(a)[1], a.stance) for a in found] == [
        ("dass die Truppen an der Front kämpfen", "Experten", "assert"),
        ("was Nordland und Südland jedoch bestreiten", "Nordland und Südland", "deny"),
    ]
    assert found[1].responds_to == 0


def test_an_answer_in_a_was_clause_after_a_narrated_sentence() -> None:
    found = only("Die Stadt wäre im Frühjahr pleite gewesen, was selbst der Rechnungshof "
                 "bestätigt hat.")
    assert (found.type, parts(found)[1], found.stance) == (
        QuoteType.REPORTED, "der Rechnungshof", "confirm")


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "quote"),
    [
        ("Die Firma hatte einen Bericht der „Abendpost“ dementiert, wonach die Geräte bei ihr "
         "bestellt worden seien.", "Bericht der „Abendpost“", "wonach",
         "die Geräte bei ihr bestellt worden seien"),
        ("Anlass ist ein Bericht des „Tagesboten“, nach dem 3000 Stellen wegfallen könnten.",
         "Bericht des „Tagesboten“", "nach dem", "3000 Stellen wegfallen könnten"),
        ("Es gibt eine Studie des Instituts, der zufolge die Preise weiter steigen.",
         "Studie des Instituts", "der zufolge", "die Preise weiter steigen"),
        ("Der Kreml lobte einen Bericht des Reporters Tom Miller, demzufolge die Leitung "
         "gesprengt wurde.", "Bericht des Reporters Tom Miller", "demzufolge",
         "die Leitung gesprengt wurde"),
    ],
)
def test_a_relative_clause_after_a_report_is_the_report_s_message(
    text: str, speaker: str, cue: str, quote: str
) -> None:
    reported = [a for a in statements(text) if a.cue is not None and a.cue.text == cue]
    assert len(reported) == 1
    assert parts(reported[0]) == (quote, speaker, cue)


def test_a_report_named_before_a_comma_gives_nach_dem_no_other_meaning() -> None:
    found = statements("Er kam, nach dem Essen ging er.")
    assert not any(a.cue is not None and a.cue.text == "nach dem" for a in found)


def test_a_source_cited_inside_the_message_of_a_verb_of_saying_is_no_statement_of_its_own() -> None:
    found = only("Es könne sich Fachleuten zufolge um eine Finte gehandelt haben, betonte er im "
                 "Radio.")
    assert (found.speaker.text if found.speaker else None, found.cue.text if found.cue else None
            ) == ("er", "betonte")


def test_a_verb_of_saying_without_a_message_names_the_speaker_of_the_quotation_after_it() -> None:
    found = statements("Der Minister bremst. Ähnlich äußerte sich Außenministerin Eva Berger "
                       "(42, Grüne). „Natürlich verfolgen wir alle Berichte ganz genau.“")
    quoted = [a for a in found if a.quote.text.startswith("„Natürlich")]
    assert len(quoted) == 1 and quoted[0].speaker is not None
    assert quoted[0].speaker.text.startswith("Außenministerin Eva Berger")


def test_an_infinitive_with_zu_gives_no_speaker_to_the_quotation_after_it() -> None:
    found = statements("Die Haft sei willkürlich, sagte die Ministerin. Nichts habe ihn davon "
                       "abgehalten, Lügen anzuprangern, sogar in Haft. „Er war eine mutige "
                       "Stimme für die Wahrheit.“")
    quoted = [a for a in found if a.quote.text.startswith("„Er war")]
    assert len(quoted) == 1 and quoted[0].speaker is not None
    assert quoted[0].speaker.text == "die Ministerin"


def test_after_a_colon_a_prepositional_cue_reports_only_what_follows_the_colon() -> None:
    found = only("Die Polizei legte am Abend Zahlen vor: Demnach wurden drei Menschen verletzt.")
    assert parts(found) == ("wurden drei Menschen verletzt", "Demnach", "Demnach")
    found = only("Recherchen der Zeitung zeichnen ein anderes Bild: Dem Blatt zufolge habe die "
                 "Armee die Geräte abgefangen.")
    assert parts(found) == ("habe die Armee die Geräte abgefangen", "Dem Blatt", "zufolge")


def test_a_one_word_title_in_quotation_marks_after_a_genitive_article_is_part_of_the_phrase(
) -> None:
    found = only("Huber stellte laut einem Bericht des „Morgenkuriers“ den Abbau von 3000 "
                 "Stellen in Aussicht.")
    assert parts(found) == (
        "Huber stellte laut einem Bericht des „Morgenkuriers“ den Abbau von 3000 Stellen in "
        "Aussicht", "einem Bericht des „Morgenkuriers“", "laut")
    assert found.type is QuoteType.INDIRECT  # the title's marks do not make it a quotation


def test_a_participle_in_an_extended_attribute_is_no_verb_of_saying() -> None:
    found = only("Huber lobte in seinem seit Stunden erwarteten Auftritt die Arbeit der "
                 "Regierung, viele Versprechen seien umgesetzt worden.")
    assert found.speaker is not None and found.speaker.text == "Huber"
    assert found.cue is None or "erwarteten" not in found.cue.text
    assert only("Die Firma erklärte Journalisten, sie sei unschuldig.").cue.text == "erklärte"


# --- speaker spans: what is no speaker -----------------------------------------------------------


@pytest.mark.parametrize("text, speaker", [
    ("Darin kündigen die Ministerinnen an, dass die Gebühren sinken würden.", "die Ministerinnen"),
    ("Unmittelbar zuvor hatte die Sprecherin der Stadt mitgeteilt, dass die Brücke gesperrt "
     "bleibe.", "die Sprecherin der Stadt"),
    ("Zwar sagte der Bürgermeister, dass die Schule saniert werde.", "der Bürgermeister"),
    ("Vorab hatte der Konzern mitgeteilt, dass die Zahlen schlechter würden.", "der Konzern"),
])
def test_an_adverb_opening_the_sentence_is_no_speaker(text: str, speaker: str) -> None:
    attribution = only(text)
    assert attribution.speaker is not None and attribution.speaker.text == speaker


def test_a_quantifier_after_the_article_belongs_to_the_speaker() -> None:
    attribution = only("Die beiden Gutachter berichteten, dass die Mauer einsturzgefährdet sei.")
    assert attribution.speaker is not None and attribution.speaker.text == "Die beiden Gutachter"


@pytest.mark.parametrize("text", [
    "Er habe sich hinreißen lassen, viele Dinge zu sagen, die nicht stimmten.",
    "Nichts habe die Sängerin davon abgehalten, Missstände anzuprangern, die sie gesehen habe.",
])
def test_the_object_of_an_infinitive_clause_is_no_speaker(text: str) -> None:
    for attribution in statements(text):
        assert attribution.speaker is None or attribution.speaker.text not in (
            "viele Dinge", "Missstände"), attribution.to_dict()


def test_a_relative_clause_with_an_infinitive_keeps_its_subject() -> None:
    found = statements("Die Ärztin, die nicht müde wird zu betonen, dass Impfen schützt, "
                       "lobte die Kampagne.")
    assert any(a.speaker is not None and a.speaker.text == "die" for a in found), [
        a.to_dict() for a in found]


def test_a_participle_opening_the_sentence_is_no_speaker() -> None:
    attribution = only("Gefordert sieht sich nun die Bürgermeisterin.")
    assert attribution.speaker is not None
    assert attribution.speaker.text == "die Bürgermeisterin"


@pytest.mark.parametrize("text", [
    "„Sie schüre Hass und Angst unter den Menschen“, wird die Partei im Bericht bezeichnet.",
    "Auch andere Mängel werden erwähnt, etwa dass die Heizung seit Jahren defekt sei.",
])
def test_the_subject_of_a_passive_is_no_speaker(text: str) -> None:
    attribution = only(text)
    assert attribution.speaker is None, attribution.to_dict()


def test_the_subject_of_a_passive_quotation_is_its_speaker() -> None:
    attribution = only("Der Trainer wird auf der Homepage des Vereins zitiert, dass er "
                       "zufrieden sei.")
    assert attribution.speaker is not None and attribution.speaker.text == "Der Trainer"


def test_the_agent_of_a_passive_is_its_speaker() -> None:
    attribution = only("„Das ist ein Skandal“, wurde die Entscheidung von der Opposition "
                       "kritisiert.")
    assert attribution.speaker is not None and attribution.speaker.text == "der Opposition"


@pytest.mark.parametrize("text", [
    "Die Anwältin des Klägers, Eva Muster, sieht keinen Grund für eine Strafe.",
    "Auch die Anwältin des Klägers, Eva Muster, sieht keinen Grund für eine Strafe.",
])
def test_a_speech_act_of_a_name_with_apposition(text: str) -> None:
    attribution = only(text)
    assert attribution.speaker is not None
    assert attribution.speaker.text.lower() == "die anwältin des klägers, eva muster", (
        attribution.to_dict())


def test_an_object_with_keinen_after_the_verb_is_no_speaker() -> None:
    for attribution in statements("Nun sieht in der Stadt keinen Grund zur Sorge, wer die "
                                  "Zahlen kennt."):
        assert attribution.speaker is None or "Grund" not in attribution.speaker.text


@pytest.mark.parametrize("text, speaker", [
    ("Sie sieht darin kein Problem, sondern lobt die Arbeit der Regierung.", "Sie"),
    ("Die Firma Muster setzt nicht nur auf Freiwillige, sondern schließt auch Kündigungen "
     "nicht aus.", "Die Firma Muster"),
])
def test_a_coordinated_verb_shares_the_subject_of_the_clause_before(text: str,
                                                                    speaker: str) -> None:
    found = statements(text)
    assert found and all(a.speaker is not None and a.speaker.text == speaker for a in found), [
        a.to_dict() for a in found]


def test_a_coordinated_verb_after_an_inverted_clause_takes_no_object_as_speaker() -> None:
    for attribution in statements("Konkreter wird er dabei nicht, sondern lobt die Arbeit der "
                                  "Regierung."):
        assert attribution.speaker is None or "Arbeit" not in attribution.speaker.text


def test_a_participle_after_a_demonstrative_and_a_preposition_is_an_attribute() -> None:
    found = statements("Bereits am Montag war das mit Spannung erwartete Urteil vertagt worden.")
    assert not any(a.speaker is not None and a.speaker.text == "Urteil" for a in found), [
        a.to_dict() for a in found]
    found = statements("Das in den Zeitungen erwähnte Gerät werde von einer anderen Firma "
                       "hergestellt, sagte der Sprecher.")
    assert found and all(a.speaker is not None and a.speaker.text == "der Sprecher"
                         for a in found), [a.to_dict() for a in found]


@pytest.mark.parametrize("text", [
    "Es bestehe der Verdacht, dass der Mann für einen fremden Staat spioniert habe.",
    "Dabei besteht keine Gefahr, dass das Wasser verunreinigt wird.",
])
def test_bestehen_with_an_expletive_or_a_negated_noun_is_no_speech_act(text: str) -> None:
    assert statements(text) == []


def test_bestehen_darauf_is_a_speech_act() -> None:
    attribution = only("Der Anwalt bestand darauf, dass sein Mandant unschuldig sei.")
    assert attribution.speaker is not None and attribution.speaker.text == "Der Anwalt"


@pytest.mark.parametrize("text, speaker", [
    ("Dass der Bürgermeister zurücktrete, berichteten zwei Radiosender am Montag.",
     "zwei Radiosender"),
    ("In ihrem Urteil erklärten die fünf Richterinnen, dass das Gesetz gelte.",
     "die fünf Richterinnen"),
    ("Drei der Zeugen sagten, dass sie nichts gesehen hätten.", "Drei der Zeugen"),
])
def test_a_number_word_counts_the_speakers(text: str, speaker: str) -> None:
    attribution = only(text)
    assert attribution.speaker is not None and attribution.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "Er will nun rasch ein neues Gesetz vorlegen.",
    "Die Ministerin will die Schulen früher öffnen.",
    "Nächste Woche will der Kandidat seine Pläne vorstellen.",
])
def test_a_persons_intention_is_no_statement(text: str) -> None:
    assert statements(text) == []


def test_an_organisations_intention_is_its_announcement() -> None:
    attribution = only("Die Gewerkschaft will ihre Mitglieder zu Streiks aufrufen.")
    assert attribution.speaker is not None and attribution.speaker.text == "Die Gewerkschaft"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Strengere Regeln fordert auch der Verbandspräsident: Wir brauchen endlich Klarheit.",
     "der Verbandspräsident"),
    ("Eine rasche Einigung forderte dagegen der Gewerkschaftschef, er sehe sonst schwarz.",
     "der Gewerkschaftschef"),
    ("Die neue Ministerin lobte der Bürgermeister für ihren Einsatz.", "der Bürgermeister"),
])
def test_der_with_a_masculine_role_after_the_verb_is_the_subject(text: str, speaker: str
                                                                 ) -> None:
    found = only(text)
    assert found.speaker is not None and found.speaker.text == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("Deutliche Worte fand auch die Bürgermeisterin: „So kann es nicht weitergehen.“",
     "die Bürgermeisterin"),
    ("Umfassende Aufklärung fordert auch Lena Brandt vom Elternverein: „Wir wollen alles "
     "wissen.“", "Lena Brandt"),
    ("Scharfe Kritik äußerte der Betriebsrat: „Das ist ein Schlag ins Gesicht.“",
     "der Betriebsrat"),
])
def test_a_fronted_speech_act_without_article_is_the_object(text: str, speaker: str) -> None:
    found = only(text)
    assert found.speaker is not None and found.speaker.text == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("Scharfe Kritik übte die Gewerkschaft: „Das ist ein Skandal.“", "die Gewerkschaft"),
    ("Schwere Vorwürfe erhob die Anwältin: „Mein Mandant wurde getäuscht.“", "die Anwältin"),
])
def test_the_noun_of_a_collocation_fronted_before_the_verb(text: str, speaker: str) -> None:
    found = only(text)
    assert found.cue is not None and found.cue.text.startswith(("Kritik", "Vorwürfe"))
    assert found.speaker is not None and found.speaker.text == speaker


def test_the_noun_of_a_collocation_before_a_verb_in_last_place_is_no_cue() -> None:
    found = statements("Die Partei, die ständig Forderungen erhebt, ist in der Defensive.")
    assert all(a.cue is None or "Forderungen" not in a.cue.text for a in found)


def test_a_fronted_noun_outside_the_list_stays_the_subject() -> None:
    found = only("Viele Eltern fordern: „Die Schule muss sicherer werden.“")
    assert found.speaker is not None and found.speaker.text == "Viele Eltern"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Die Polizei bestätigte der Zeitung, dass zwei Männer festgenommen wurden.", "Die Polizei"),
    ("Die Opposition warf der Ministerin vor, das Parlament getäuscht zu haben.",
     "Die Opposition"),
])
def test_a_dative_after_the_verb_leaves_the_subject_before_it(text: str, speaker: str) -> None:
    found = only(text)
    assert found.speaker is not None and found.speaker.text == speaker


def test_a_hearsay_lead_takes_the_speaker_of_the_statement_after_it() -> None:
    found = statements("Der Konzern soll bis zu 800 Stellen streichen. Wie die Gewerkschaft am "
                       "Montag mitteilte, sind vor allem zwei Werke betroffen.")
    lead = next(a for a in found if a.type is QuoteType.FREE_INDIRECT)
    assert lead.quote.text.startswith("Der Konzern soll")
    assert lead.speaker is not None and lead.speaker.text == "die Gewerkschaft"


def test_a_hearsay_lead_takes_no_pronoun_speaker_from_ahead() -> None:
    found = statements("Die Brücke soll im Herbst gesperrt werden. Wir haben keine Wahl, sagte "
                       "er am Montag.")
    lead = next(a for a in found if a.type is QuoteType.FREE_INDIRECT)
    assert lead.speaker is None


@pytest.mark.parametrize("text", [
    "Neben Anna Roth, Paul Berg und Max Kohl kritisierte auch die Opposition, der Plan sei zu "
    "teuer.",
    "Im Kreis von Ministerin Anna Roth, Stadträtin Eva Berg und Kämmerer Max Kohl (beide SPD) "
    "kritisierte auch die Opposition, der Plan sei zu teuer.",
])
def test_a_list_in_an_opening_prepositional_phrase_is_no_subject(text: str) -> None:
    found = only(text)
    assert parts(found) == ("der Plan sei zu teuer", "die Opposition", "kritisierte")


def test_a_listed_subject_after_a_main_clause_stays_the_subject() -> None:
    found = only("Der Plan sei zu teuer, sagten Anna Roth, Paul Berg und Max Kohl.")
    assert found.speaker is not None and found.speaker.text.startswith("Anna Roth")


def test_an_adverbial_clause_opens_a_message_in_konjunktiv() -> None:
    found = only("Aus dem Ministerium hieß es, obwohl noch ermittelt werde, stehe das Ergebnis "
                 "schon fest.")
    assert found.type is QuoteType.INDIRECT
    assert found.quote.text == "obwohl noch ermittelt werde, stehe das Ergebnis schon fest"


def test_an_adverbial_clause_without_konjunktiv_after_it_is_no_message() -> None:
    assert not [a for a in statements("Die Stadt sagte die Feier ab, obwohl das Wetter gut war.")
                if a.quote.text.startswith("obwohl")]


def test_the_interviewers_questions_are_no_statements() -> None:
    found = statements(
        "Die Ministerin spricht über die Reform. STANDARD: Warum zögern Sie so lange? "
        "Das wäre doch ein wichtiges Zeichen. Anna Berger: Wir zögern nicht. Die Reform kommt "
        "im Herbst. STANDARD: Sie sollen schon im Frühling gewarnt worden sein. Berger: Das "
        "stimmt nicht.")
    assert found
    assert not any("zögern Sie" in a.quote.text or "wichtiges Zeichen" in a.quote.text
                   or "gewarnt worden" in a.quote.text for a in found)


def test_a_statement_with_its_cue_in_the_interviewers_turn_stays() -> None:
    found = statements("STANDARD: Die Opposition meint, die Reform komme zu spät. Stimmt das? "
                       "Berger: Nein, sie kommt rechtzeitig.")
    assert any(a.quote.text == "die Reform komme zu spät" and a.speaker is not None
               and a.speaker.text == "Die Opposition" for a in found)


def test_an_intention_told_in_the_interviewers_turn_stays() -> None:
    found = statements("STANDARD: Die Partei will die Steuer senken. Berger: Das ist Unsinn.")
    assert any("Die Partei will" in a.quote.text for a in found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Seitens der Stadtwerke hieß es, man prüfe alle Möglichkeiten.", "der Stadtwerke"),
    ("Von Seiten des Ministeriums hieß es am Montag, die Zahlen seien korrekt.",
     "des Ministeriums"),
])
def test_the_phrase_after_seitens_speaks_an_impersonal_cue(text: str, speaker: str) -> None:
    found = only(text)
    assert found.speaker is not None and found.speaker.text == speaker


def test_an_impersonal_cue_without_seitens_keeps_no_speaker() -> None:
    found = only("Auf beiden Seiten hieß es, man wolle weiter verhandeln.")
    assert found.speaker is None


@pytest.mark.parametrize(("text", "message"), [
    ("Während die Reederei jede Beteiligung bestreitet, rückt ein Frachter in den Fokus.",
     "Während die Reederei jede Beteiligung bestreitet"),
    ("Nachdem der Minister den Bericht bestätigt hatte, trat der Ausschuss zusammen.",
     "Nachdem der Minister den Bericht bestätigt hatte"),
])
def test_a_speech_act_in_an_opening_adverbial_clause_spans_that_clause(text: str,
                                                                       message: str) -> None:
    found = only(text)
    assert found.type is QuoteType.REPORTED
    assert found.quote.text == message


def test_als_with_a_noun_opens_a_main_clause_whose_act_spans_the_sentence() -> None:
    text = "Als Beispiel nannte die Ärztin den Hafen, der seit Jahren verfällt."
    assert only(text).quote.text == text


@pytest.mark.parametrize(("text", "speaker"), [
    ("Zumindest gaben die Behörden an, dass niemand verletzt worden sei.", "die Behörden"),
    ("Kritisch äußerte sich der Stadtrat: Der Plan sei nicht durchdacht.", "der Stadtrat"),
    ("Insofern hoffen die Veranstalter, dass viele Freiwillige mitmachen.",
     "die Veranstalter"),
    ("Konkret forderte die Partei, die Gebühren zu senken.", "die Partei"),
    ("Davor hatte die Feuerwehr gewarnt, das Eis sei zu dünn.", "die Feuerwehr"),
    ("Eine Sanierung sei nötig. Das berichtet zumindest das Fachmagazin.", "das Fachmagazin"),
])
def test_a_sentence_adverb_before_the_verb_is_no_speaker(text: str, speaker: str) -> None:
    # capitalised where it opens the sentence, the adverb reads like a name; the subject
    # follows the verb
    found = statements(text)[-1]
    assert found.speaker is not None and found.speaker.text == speaker


def test_a_capitalised_surname_before_the_verb_stays_the_speaker() -> None:
    found = only("Hanisch sagte, er sei zufrieden.")
    assert found.speaker is not None and found.speaker.text == "Hanisch"


@pytest.mark.parametrize(("text", "speaker", "message"), [
    ("Anna Weber, Sprecherin des Vereins, begrüßte den Plan, kritisierte aber, dass die "
     "Finanzierung fehle.", "Anna Weber, Sprecherin des Vereins", "dass die Finanzierung fehle"),
    ("Der Verband lobte das Gesetz, bemängelte jedoch, es sei zu kompliziert.", "Der Verband",
     "es sei zu kompliziert"),
    ("Er lobte die Einigung, warnte aber: Die Umsetzung werde schwierig.", "Er",
     "Die Umsetzung werde schwierig"),
])
def test_a_second_verb_after_a_comma_shares_the_subject_of_the_first(
    text: str, speaker: str, message: str
) -> None:
    found = next(a for a in statements(text) if a.cue is not None)
    assert found.speaker is not None and found.speaker.text == speaker
    assert found.quote.text == message


def test_a_verb_after_a_comma_with_its_own_subject_keeps_the_clause_before_as_message() -> None:
    found = only("Die Lage sei ernst, warnte der Minister.")
    assert found.speaker is not None and found.speaker.text == "der Minister"
    assert found.quote.text == "Die Lage sei ernst"
