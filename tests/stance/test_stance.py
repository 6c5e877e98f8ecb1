import pytest

from quellenlage.sources import resolve_sources
from quellenlage.stance import assign_stance, cue_lemma
from tests.sources.helpers import document, statement


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue", "stance"),
    [
        ("Das Ministerium dementierte den Bericht.", "den Bericht", "Das Ministerium",
         "dementierte", "deny"),
        ("Peking wies die Vorwürfe zurück.", "die Vorwürfe", "Peking", "wies zurück", "deny"),
        ("Der Sprecher sagte, er könne diese Angaben nicht bestätigen.",
         "er könne diese Angaben nicht bestätigen", "Der Sprecher", "sagte", "not_confirm"),
        ("Die Bahn bestätigte den Bericht auf Anfrage nicht.", "den Bericht", "Die Bahn",
         "bestätigte", "not_confirm"),
        ("Ein Sprecher bestätigte, dass Gespräche laufen.", "dass Gespräche laufen",
         "Ein Sprecher", "bestätigte", "confirm"),
        ("Ungarn soll seine Blockade aufgegeben haben.", "seine Blockade", "Ungarn",
         "soll aufgegeben haben", "unverified"),
        ("Gerüchte kursieren, der Konzern wolle verkaufen.", "der Konzern wolle verkaufen",
         "Gerüchte", "kursieren", "unverified"),
        ("Die Nato forderte einen Waffenstillstand.", "einen Waffenstillstand", "Die Nato",
         "forderte", "demand"),
        ("Die Ökonomin bezweifelt, dass das hilft.", "dass das hilft", "Die Ökonomin",
         "bezweifelt", "question"),
        ("Kritiker bemängeln, das sei zu teuer.", "das sei zu teuer", "Kritiker", "bemängeln",
         "criticise"),
        ("Die UN warnten, die Lage verschlechtere sich.", "die Lage verschlechtere sich",
         "Die UN", "warnten", "warn"),
        ("Er sagte, die Lage sei ernst.", "die Lage sei ernst", "Er", "sagte", "assert"),
        ("Der Minister nannte das eine Lüge.", "das eine Lüge", "Der Minister", "nannte",
         "deny"),
    ],
)
def test_stance_from_cue_negation_and_modality(text, quote, speaker, cue, stance):
    attribution = statement(text, quote, speaker, cue)
    assign_stance(document(text), [attribution])
    assert attribution.stance == stance


def test_cue_lemmas_of_separable_verbs():
    assert cue_lemma("wies zurück") == "zurückweisen"
    assert cue_lemma("bestritt") == "bestreiten"


def test_relative_was_denial_answers_the_experts():
    text = ("Experten gehen davon aus, dass die Truppen an der Front kämpfen, was Moskau und "
            "Pjöngjang jedoch bestreiten.")
    attributions = [
        statement(text, "dass die Truppen an der Front kämpfen", "Experten", "gehen davon aus"),
        statement(text, "was", "Moskau und Pjöngjang", "bestreiten"),
    ]
    doc = document(text)
    resolve_sources(doc, attributions)
    assign_stance(doc, attributions)
    assert attributions[1].stance == "deny"
    assert attributions[1].responds_to == 0
    assert attributions[1].source.name == "Russland und Nordkorea"


def test_not_confirming_answers_the_statement_it_names():
    text = ("Der südkoreanische Geheimdienst berichtete, Hunderte Soldaten seien gefallen. "
            "Die Ukraine meldete neue Angriffe. Kremlsprecher Dmitri Peskow sagte, er könne "
            "diese Angaben aus Südkorea nicht bestätigen.")
    attributions = [
        statement(text, "Hunderte Soldaten seien gefallen", "Der südkoreanische Geheimdienst",
                  "berichtete"),
        statement(text, "neue Angriffe", "Die Ukraine", "meldete"),
        statement(text, "er könne diese Angaben aus Südkorea nicht bestätigen",
                  "Kremlsprecher Dmitri Peskow", "sagte"),
    ]
    doc = document(text)
    resolve_sources(doc, attributions)
    assign_stance(doc, attributions)
    assert attributions[2].stance == "not_confirm"
    assert attributions[2].responds_to == 0
