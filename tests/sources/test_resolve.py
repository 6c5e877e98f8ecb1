from quellenlage.sources import resolve_sources
from tests.sources.helpers import document, statement

TEXT = (
    "Die Landrätin Sabine Krüger und Bürgermeister Stefan Weber eröffneten den Radweg. "
    "Krüger lobte die kurze Bauzeit. Sie sagte, der Weg schließe eine Lücke. "
    "Er kündigte an, im Herbst folge der zweite Abschnitt.\n\n"
    "Die Ministerin habe das Projekt gefördert, sagte Weber."
)


def test_pronouns_agree_with_the_gender_of_their_antecedent():
    attributions = [
        statement(TEXT, "der Weg schließe eine Lücke", "Sie", "sagte"),
        statement(TEXT, "im Herbst folge der zweite Abschnitt", "Er", "kündigte an"),
    ]
    resolve_sources(document(TEXT), attributions)
    assert attributions[0].source.name == "Sabine Krüger"
    assert attributions[0].source.role == "Landrätin"
    assert attributions[1].source.name == "Stefan Weber"


def test_surname_alone_joins_the_full_name():
    attributions = [statement(TEXT, "die kurze Bauzeit", "Krüger", "lobte", speaker_occurrence=1)]
    resolve_sources(document(TEXT), attributions)
    source = attributions[0].source
    assert (source.name, source.gender, source.kind) == ("Sabine Krüger", "female", "person")
    assert len(source.mentions) >= 2


def test_role_noun_across_paragraphs_resolves_to_the_named_office_holder():
    text = (
        "Bundesfamilienministerin Karin Prien legte einen Entwurf vor.\n\n"
        "Im Bundestag sagte die Ministerin, Kinder müssten besser geschützt werden."
    )
    attributions = [statement(text, "Kinder müssten besser geschützt werden",
                              "die Ministerin", "sagte")]
    resolve_sources(document(text), attributions)
    assert attributions[0].source.name == "Karin Prien"


def test_office_noun_without_holder_stays_an_unnamed_person():
    text = "Die Polizei fasste den Täter. Der Einsatzleiter sagte, es habe keine Gefahr bestanden."
    attributions = [statement(text, "es habe keine Gefahr bestanden", "Der Einsatzleiter", "sagte")]
    resolve_sources(document(text), attributions)
    assert (attributions[0].source.name, attributions[0].source.kind) == ("Einsatzleiter", "person")


def test_plural_sie_takes_the_collective_and_es_the_ministry():
    text = ("Kritiker bemängeln, das Projekt sei zu teuer. Sie verlangen eine Prüfung. "
            "Das Finanzministerium widersprach. Es erklärte, die Kosten seien gedeckt.")
    attributions = [
        statement(text, "das Projekt sei zu teuer", "Kritiker", "bemängeln"),
        statement(text, "eine Prüfung", "Sie", "verlangen"),
        statement(text, "die Kosten seien gedeckt", "Es", "erklärte"),
    ]
    resolve_sources(document(text), attributions)
    assert attributions[1].source.name == "Kritiker"
    assert attributions[1].source.kind == "collective"
    assert attributions[2].source.kind == "organisation"
    assert attributions[2].source.name == "Finanzministerium"


def test_continuation_without_speaker_carries_the_source_over():
    text = ("Die Grünen-Politikerin Katharina Dröge sagte, die Koalition habe kein Konzept. "
            "Die Unternehmen bräuchten Planungssicherheit.")
    attributions = [
        statement(text, "die Koalition habe kein Konzept", "Die Grünen-Politikerin Katharina Dröge",
                  "sagte"),
        statement(text, "Die Unternehmen bräuchten Planungssicherheit"),
    ]
    resolve_sources(document(text), attributions)
    assert attributions[1].source.name == "Katharina Dröge"
