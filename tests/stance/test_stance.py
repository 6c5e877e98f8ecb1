import pytest

from quellenlage import analyze
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
        # doubting a claim rejects it (the annotation guides: "question" asks, "fragte, ob")
        ("Die Ökonomin bezweifelt, dass das hilft.", "dass das hilft", "Die Ökonomin",
         "bezweifelt", "deny"),
        ("Der Trainer zweifelt an, dass der Platz bespielbar ist.",
         "dass der Platz bespielbar ist", "Der Trainer", "zweifelt an", "deny"),
        ("Die Ärztin ist skeptisch, dass die Salbe wirkt.", "dass die Salbe wirkt",
         "Die Ärztin", "ist skeptisch", "deny"),
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


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue", "stance"),
    [
        ("Die Sprecherin wollte den Bericht weder bestätigen noch dementieren.", "den Bericht",
         "Die Sprecherin", "wollte bestätigen dementieren", "not_confirm"),
        ("Der Verband kritisierte nicht nur die Kosten, sondern auch die Planung.",
         "die Kosten, sondern auch die Planung", "Der Verband", "kritisierte", "criticise"),
        ("Die Firma bestätigte nicht nur den Verkauf, sondern auch den Preis.",
         "den Verkauf, sondern auch den Preis", "Die Firma", "bestätigte", "confirm"),
        ("Der Minister räumte Fehler bei der Planung ein.", "Fehler bei der Planung",
         "Der Minister", "räumte ein", "confirm"),
        ("Die Partei stellte in Abrede, dass sie Spenden erhalten habe.",
         "dass sie Spenden erhalten habe", "Die Partei", "stellte in Abrede", "deny"),
        ("Die Ärztin plädierte für eine Impfpflicht.", "für eine Impfpflicht", "Die Ärztin",
         "plädierte", "demand"),
        ("Ökonomen fürchten, dass die Preise weiter steigen.", "dass die Preise weiter steigen",
         "Ökonomen", "fürchten", "warn"),
        ("Wer soll das bezahlen?, sagte die Rentnerin.", "Wer soll das bezahlen?",
         "die Rentnerin", "sagte", "question"),
        # solle, sollte report a demand or a wish, not hearsay
        ("Die Wahl solle fair ablaufen, sagte die Kandidatin.", "Die Wahl solle fair ablaufen",
         "die Kandidatin", "sagte", "demand"),
        ("Man sollte nicht enttäuscht sein, sagte der Forscher, wir wussten es.",
         "wir wussten es", "der Forscher", "sagte", "assert"),
        # soll/sollen with a perfect infinitive: hearsay where no source is named (the
        # annotation guide's FreeIndirect), the named source's claim where one is
        ("Soldaten sollen das Dorf angegriffen haben, hieß es.",
         "Soldaten sollen das Dorf angegriffen haben", None, "hieß es", "unverified"),
        ("Nach Angaben von Aktivisten sollen Soldaten das Dorf angegriffen haben.",
         "sollen Soldaten das Dorf angegriffen haben", "Angaben von Aktivisten", "Nach",
         "assert"),
        ("Das Geld soll über Zypern geflossen sein, berichtete die Zeitung.",
         "Das Geld soll über Zypern geflossen sein", "die Zeitung", "berichtete", "assert"),
        # "mutmaßlich" hedges a suspect's guilt, not the statement
        ("Der mutmaßliche Täter sei gefasst, sagte die Polizei.",
         "Der mutmaßliche Täter sei gefasst", "die Polizei", "sagte", "assert"),
        # an attributive participle is not the cue's verb
        ("Der Konzernchef betonte in dem als echt bestätigten Schreiben, die Cloud sei wichtig.",
         "die Cloud sei wichtig", "Der Konzernchef", "betonte bestätigten", "assert"),
    ],
)
def test_negation_modality_and_new_cues(text, quote, speaker, cue, stance):
    attribution = statement(text, quote, speaker, cue)
    assign_stance(document(text), [attribution])
    assert attribution.stance == stance


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "stance"),
    [
        # the quote holds its own reporting clause, the speaker inside it
        ("Die Opposition wirft der Regierung Versagen vor, die Lage sei ernst.",
         "Die Opposition wirft der Regierung Versagen vor,", "Die Opposition", "criticise"),
        ("Die Grünen fordern einen Stopp der Bauarbeiten.",
         "Die Grünen fordern einen Stopp der Bauarbeiten.", "Die Grünen", "demand"),
        # a reporting verb right after the quote, before its subject
        ("Wir sind uns in allen Punkten einig, bestätigte die Versicherung.",
         "Wir sind uns in allen Punkten einig", "die Versicherung", "confirm"),
        ("Die Reform komme zu spät, kritisieren die Anwälte.", "Die Reform komme zu spät",
         None, "criticise"),
        # a verb that continues the sentence is no cue
        ("Die Grünen haben das Gesetz begrüßt, fordern aber weitere Schritte.",
         "Die Grünen haben das Gesetz begrüßt", None, "assert"),
    ],
)
def test_statements_without_a_cue(text, quote, speaker, stance):
    attribution = statement(text, quote, speaker)
    assign_stance(document(text), [attribution])
    assert attribution.stance == stance


def test_negation_bound_to_an_adjective_does_not_negate_the_cue():
    text = "Die Kanzlerin hat die Regierung als nicht hilfreich kritisiert."
    attribution = statement(text, "die Regierung", "Die Kanzlerin",
                            "als nicht hilfreich kritisiert")
    assign_stance(document(text), [attribution])
    assert attribution.stance == "criticise"


def test_hearsay_across_a_date():
    text = "Es gebe eine Fabrik, soll einer der Männer am 13. August gesagt haben."
    attribution = statement(text, "Es gebe eine Fabrik", "einer der Männer",
                            "soll gesagt haben")
    assign_stance(document(text), [attribution])
    assert attribution.stance == "unverified"


def test_the_stance_verb_of_a_two_verb_cue():
    text = "Der Diplomat begrüßte den Vorschlag, kritisierte aber, dass das Geld nicht reiche."
    attribution = statement(text, "dass das Geld nicht reiche", "Der Diplomat",
                            "begrüßte kritisierte")
    assign_stance(document(text), [attribution])
    assert attribution.stance == "criticise"


def test_a_stance_noun_beside_the_verb_of_the_cue():
    text = "Die Populisten sind mit ihrer Forderung, die Grenzen zu schließen, lauter, sagt er."
    attribution = statement(text, "die Grenzen zu schließen", "er", "Forderung sagt")
    assign_stance(document(text), [attribution])
    assert attribution.stance == "assert"


def test_neither_confirm_nor_deny_in_the_quote():
    text = "Aus dem Ministerium hieß es, man könne den Bericht weder bestätigen noch dementieren."
    attribution = statement(text, "man könne den Bericht weder bestätigen noch dementieren",
                            "dem Ministerium", "hieß es")
    assign_stance(document(text), [attribution])
    assert attribution.stance == "not_confirm"


@pytest.mark.parametrize(("text", "stance"), [
    ("Der Minister sagte, man wisse zwar nicht genau, was passiert sei.", "not_confirm"),
    ("Zwar wisse man nicht genau, was passiert sei.", "not_confirm"),
    ("Die Polizei weiß nicht, wer der Täter ist.", "not_confirm"),
    ("Er sagte, er wisse, was zu tun sei.", "assert"),
])
def test_not_knowing_what_happened_does_not_confirm(text: str, stance: str) -> None:
    assert [a.stance for a in analyze(text, engine="rules").attributions] == [stance]


def test_a_doubt_told_without_its_words_denies_the_claim_before() -> None:
    """"X bezweifelt das": a doubt is a denial (cues.tsv and the extraction lexicon agree), told
    as a speech act of its own that answers the claim it takes up."""
    text = ("Der Verkehrsminister sagte, die neue Brücke werde im Mai fertig. "
            "Die Bürgermeisterin bezweifelt das.")
    attributions = analyze(text).attributions
    doubt = next(a for a in attributions if "bezweifelt" in text[a.quote.start : a.quote.end]
                 or (a.cue is not None and a.cue.text == "bezweifelt"))
    claim = next(i for i, a in enumerate(attributions) if "Mai" in a.quote.text)
    assert doubt.stance == "deny"
    assert doubt.source is not None and doubt.source.name == "Bürgermeisterin"
    assert doubt.responds_to == claim
