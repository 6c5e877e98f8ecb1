"""Issue #10, failure class 1: the stance does not come from the cue verb alone. Sentences we
wrote, one group a stance: the message's words, the negated or reserved reply, the category of a
speech verb that the stance lexicon lacks, reports that name no source."""

from __future__ import annotations

import pytest

from quellenlage.model import QuoteType
from quellenlage.sources import resolve_sources
from quellenlage.stance import assign_stance
from tests.sources.helpers import document, statement

CASES = [
    # deny: the message rejects a claim
    ("„Das ist eine frei erfundene Geschichte“, sagte der Sprecher.",
     "„Das ist eine frei erfundene Geschichte“", "der Sprecher", "sagte", "deny"),
    ("Das stimmt so nicht, sagte der Präsident des Vereins.", "Das stimmt so nicht",
     "der Präsident des Vereins", "sagte", "deny"),
    ("Die Brauerei habe mit dem Fischsterben nichts zu tun, erklärte eine Sprecherin.",
     "Die Brauerei habe mit dem Fischsterben nichts zu tun", "eine Sprecherin", "erklärte",
     "deny"),
    ("Die Landrätin sprach von einer Falschmeldung.", "einer Falschmeldung", "Die Landrätin",
     "sprach von", "deny"),
    ("Der Trainer ließ den Einwand nicht gelten.", "den Einwand", "Der Trainer", "ließ gelten",
     "deny"),
    ("Die Stadtwerke lehnten die Darstellung der Mieter ab.", "die Darstellung der Mieter",
     "Die Stadtwerke", "lehnten ab", "deny"),
    # not_confirm: leaves the claim open
    ("Ob das stimmt, muss sich erst zeigen, sagte ein Sprecher der Polizei.",
     "Ob das stimmt, muss sich erst zeigen", "ein Sprecher der Polizei", "sagte",
     "not_confirm"),
    ("Die Kommission reagierte zurückhaltend auf die Forderung.", "auf die Forderung",
     "Die Kommission", "reagierte", "not_confirm"),
    ("Der Verband wollte den Bericht nicht kommentieren.", "den Bericht", "Der Verband",
     "wollte kommentieren", "not_confirm"),
    ("Es gebe bislang keine belastbaren Hinweise auf einen Anschlag, sagte die Staatsanwältin.",
     "Es gebe bislang keine belastbaren Hinweise auf einen Anschlag", "die Staatsanwältin",
     "sagte", "not_confirm"),
    ("Ob der Zeitplan hält, bleibt abzuwarten, so der Bauleiter.",
     "Ob der Zeitplan hält, bleibt abzuwarten", "der Bauleiter", "so", "not_confirm"),
    ("Man prüfe die Berichte über den Unfall, sagte ein Sprecher des Ministeriums.",
     "Man prüfe die Berichte über den Unfall", "ein Sprecher des Ministeriums", "sagte",
     "not_confirm"),
    ("Zu laufenden Ermittlungen äußere sich die Behörde nicht, sagte eine Sprecherin.",
     "Zu laufenden Ermittlungen äußere sich die Behörde nicht", "eine Sprecherin", "sagte",
     "not_confirm"),
    # deny: the message says a claim is untrue
    ("Die Darstellung entspreche nicht der Wahrheit, erklärte die Anwältin des Klubs.",
     "Die Darstellung entspreche nicht der Wahrheit", "die Anwältin des Klubs", "erklärte",
     "deny"),
    ("Die Vorwürfe der Opposition seien völlig unbegründet, sagte der Sprecher.",
     "Die Vorwürfe der Opposition seien völlig unbegründet", "der Sprecher", "sagte", "deny"),
    ("Der Klub sei an dem Wettbetrug nicht beteiligt gewesen, sagte sein Anwalt.",
     "Der Klub sei an dem Wettbetrug nicht beteiligt gewesen", "sein Anwalt", "sagte", "deny"),
    # deny: emphatic negations, "nichts mit ... zu tun", "kein Thema", "weder ... beteiligt"
    ("Der Verein habe mit dem Verkauf der Tickets an Händler nichts zu tun, sagte der Präsident.",
     "Der Verein habe mit dem Verkauf der Tickets an Händler nichts zu tun", "der Präsident",
     "sagte", "deny"),
    ("„Eine Schließung des Werks in Oberau ist kein Thema“, sagte der Sprecher.",
     "„Eine Schließung des Werks in Oberau ist kein Thema“", "der Sprecher", "sagte", "deny"),
    ("Die Firma sei weder an der Planung noch am Bau der Halle beteiligt gewesen, hieß es.",
     "Die Firma sei weder an der Planung noch am Bau der Halle beteiligt gewesen", None,
     "hieß es", "deny"),
    ("Die Schuhe seien „zu 100 Prozent“ nicht in Europa genäht worden, erklärte der Händler.",
     "Die Schuhe seien „zu 100 Prozent“ nicht in Europa genäht worden", "der Händler",
     "erklärte", "deny"),
    ("Der Stadtrat habe zu keinem Zeitpunkt Geld von dem Bauträger erhalten, sagte sein Anwalt.",
     "Der Stadtrat habe zu keinem Zeitpunkt Geld von dem Bauträger erhalten", "sein Anwalt",
     "sagte", "deny"),
    ("„Die Kritik des Landrats entbehrt daher jeder Grundlage“, sagte die Bürgermeisterin.",
     "„Die Kritik des Landrats entbehrt daher jeder Grundlage“", "die Bürgermeisterin", "sagte",
     "deny"),
    # a denial outweighs what the same message leaves open
    ("„Die Stadt hat mit dem Unfall nichts zu tun und hat keine Angaben zu den Ursachen“, "
     "sagte die Sprecherin.", "„Die Stadt hat mit dem Unfall nichts zu tun und hat keine "
     "Angaben zu den Ursachen“", "die Sprecherin", "sagte", "deny"),
    # not_confirm: nothing can be said yet
    ("Verlässliche Aussagen zur Ursache könnten derzeit nicht getroffen werden, sagte die "
     "Sprecherin der Feuerwehr.", "Verlässliche Aussagen zur Ursache könnten derzeit nicht "
     "getroffen werden", "die Sprecherin der Feuerwehr", "sagte", "not_confirm"),
    ("Ob die Daten verändert wurden, könne man noch nicht gesichert sagen, so der Sprecher.",
     "Ob die Daten verändert wurden, könne man noch nicht gesichert sagen", "der Sprecher", "so",
     "not_confirm"),
    ("Es gebe noch keine genauen Informationen über die Zahl der Verletzten, sagte der Landrat.",
     "Es gebe noch keine genauen Informationen über die Zahl der Verletzten", "der Landrat",
     "sagte", "not_confirm"),
    ("„Wir müssen jetzt abwarten, was die Untersuchung ergibt“, sagte die Ministerin.",
     "„Wir müssen jetzt abwarten, was die Untersuchung ergibt“", "die Ministerin", "sagte",
     "not_confirm"),
    ("Zu den Hintergründen machte die Polizei keine näheren Angaben, sagte ein Reporter.",
     "Zu den Hintergründen machte die Polizei keine näheren Angaben", "ein Reporter", "sagte",
     "not_confirm"),
    # confirm: a modal that does not negate, "es stimmt"
    ("Das Ministerium könne den Vorfall bestätigen, so die Sprecherin.",
     "Das Ministerium könne den Vorfall bestätigen", "die Sprecherin", "so", "confirm"),
    ("Es stimmt, dass wir mit dem Investor verhandeln, sagte die Managerin.",
     "Es stimmt, dass wir mit dem Investor verhandeln", "die Managerin", "sagte", "confirm"),
    # criticise: a negative judgement in the message, whatever the cue
    ("Der Fahrplan sei schlicht absurd, sagte der Sprecher der Pendlerinitiative.",
     "Der Fahrplan sei schlicht absurd", "der Sprecher der Pendlerinitiative", "sagte",
     "criticise"),
    ("Die Planung der Stadt sei viel zu optimistisch, meinen die Rechnungsprüfer.",
     "Die Planung der Stadt sei viel zu optimistisch", "die Rechnungsprüfer", "meinen",
     "criticise"),
    ("Warum die Halle noch immer gesperrt sei, sei kaum nachvollziehbar, sagte die Trainerin.",
     "Warum die Halle noch immer gesperrt sei, sei kaum nachvollziehbar", "die Trainerin",
     "sagte", "criticise"),
    ("Die neue Gebührenordnung sei nichts weiter als Augenauswischerei, sagte der Sprecher.",
     "Die neue Gebührenordnung sei nichts weiter als Augenauswischerei", "der Sprecher",
     "sagte", "criticise"),
    ("Es mache kein gutes Bild, wenn der Vorstand sich die Boni selbst genehmige, sagte sie.",
     "Es mache kein gutes Bild, wenn der Vorstand sich die Boni selbst genehmige", "sie",
     "sagte", "criticise"),
    # warn: "zu bedenken geben" is no "zugeben"
    ("Ein Neubau sei teurer als gedacht, gab die Architektin zu bedenken.",
     "Ein Neubau sei teurer als gedacht", "die Architektin", "gab zu", "warn"),
    # demand: the message asks for something in so many words
    ("Man erwarte, dass die Stadt die Pläne offenlege, erklärte die Fraktion.",
     "Man erwarte, dass die Stadt die Pläne offenlege", "die Fraktion", "erklärte", "demand"),
    ("„Wir fordern eine Entschuldigung des Trainers“, sagte die Kapitänin.",
     "„Wir fordern eine Entschuldigung des Trainers“", "die Kapitänin", "sagte", "demand"),
    # warn: a threat or a consequence held out
    ("Ohne neue Deiche könnten ganze Dörfer überflutet werden, sagte die Hydrologin.",
     "Ohne neue Deiche könnten ganze Dörfer überflutet werden", "die Hydrologin", "sagte",
     "warn"),
    ("Wer die Sperrzone betrete, werde bestraft, sagte der Kommandant.",
     "Wer die Sperrzone betrete, werde bestraft", "der Kommandant", "sagte", "warn"),
    ("Den Bäckern der Region drohe eine Pleitewelle, sagte der Innungsmeister.",
     "Den Bäckern der Region drohe eine Pleitewelle", "der Innungsmeister", "sagte", "warn"),
    ("Der Minister wollte sich nicht festlegen und warnte davor, voreilig zu urteilen.",
     "voreilig zu urteilen", "Der Minister", "warnte", "warn"),
    # unverified: reports that name no one
    ("Laut Medienberichten will der Hersteller das Werk in Kaltenbach schließen.",
     "will der Hersteller das Werk in Kaltenbach schließen", "Medienberichten", "Laut",
     "unverified"),
    # speech verbs whose category the stance lexicon did not list
    ("Die Ärztekammer empfahl eine Maskenpflicht in Kliniken.", "eine Maskenpflicht in Kliniken",
     "Die Ärztekammer", "empfahl", "demand"),
    ("Der Sportverein machte sich für einen neuen Kunstrasen stark.",
     "für einen neuen Kunstrasen", "Der Sportverein", "machte stark", "demand"),
    ("Die Opposition protestierte gegen die Kürzungen beim Nahverkehr.",
     "gegen die Kürzungen beim Nahverkehr", "Die Opposition", "protestierte", "criticise"),
    ("Die Eltern machten die Schulleitung für den Unterrichtsausfall verantwortlich.",
     "die Schulleitung für den Unterrichtsausfall", "Die Eltern", "machten verantwortlich",
     "criticise"),
    ("Der Förster machte auf die hohe Brandgefahr aufmerksam.", "auf die hohe Brandgefahr",
     "Der Förster", "machte aufmerksam", "warn"),
    ("Der Abgeordnete stellte die Zahlen des Amtes infrage.", "die Zahlen des Amtes",
     "Der Abgeordnete", "stellte infrage", "question"),
]


@pytest.mark.parametrize(("text", "quote", "speaker", "cue", "stance"), CASES)
def test_stance_beyond_the_cue_verb(text, quote, speaker, cue, stance):
    attribution = statement(text, quote, speaker, cue)
    doc = document(text)
    resolve_sources(doc, [attribution])
    assign_stance(doc, [attribution])
    assert attribution.stance == stance


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue"),
    [
        # a verb of a multi-word cue alone is not that cue: "stellte" is no "stellte infrage"
        ("Die Fraktion stellte einen Antrag auf Vertagung.", "einen Antrag auf Vertagung",
         "Die Fraktion", "stellte"),
        # a cancelled meeting is no denial
        ("Der Minister sagte den Besuch in Lindau ab.", "den Besuch in Lindau", "Der Minister",
         "sagte ab"),
        # reports named before are no hearsay of unknown origin
        ("Den Berichten zufolge wurde die Brücke gesperrt.", "wurde die Brücke gesperrt",
         "Den Berichten", "zufolge"),
        # a relative clause that is not involved denies nothing; a check done is no doubt
        ("Spieler, die an der Feier nicht beteiligt waren, bleiben straffrei, sagte der Trainer.",
         "Spieler, die an der Feier nicht beteiligt waren, bleiben straffrei", "der Trainer",
         "sagte"),
        ("Das Labor hat die Angaben überprüft und Spuren gefunden, sagte der Ermittler.",
         "Das Labor hat die Angaben überprüft und Spuren gefunden", "der Ermittler", "sagte"),
        # a judgement that is denied is none
        ("Die Kalkulation sei nicht unseriös, sagte der Kämmerer.",
         "Die Kalkulation sei nicht unseriös", "der Kämmerer", "sagte"),
        # an expectation is no demand
        ("Es sei zu erwarten, dass die Preise weiter steigen, sagte der Ökonom.",
         "Es sei zu erwarten, dass die Preise weiter steigen", "der Ökonom", "sagte"),
        # "unwahrscheinlich" is no "unwahr"
        ("Ein Stromausfall sei unwahrscheinlich, sagte der Netzbetreiber.",
         "Ein Stromausfall sei unwahrscheinlich", "der Netzbetreiber", "sagte"),
    ],
)
def test_plain_assertions_stay_assertions(text, quote, speaker, cue):
    attribution = statement(text, quote, speaker, cue)
    assign_stance(document(text), [attribution])
    assert attribution.stance == "assert"


@pytest.mark.parametrize(
    ("text", "speaker", "stance"),
    [
        ("Die Reederei und der Hafenbetreiber weisen die Berichte zurück.",
         "Die Reederei und der Hafenbetreiber", "deny"),
        ("Brüssel: Nach dem Treffen hat die Kommission den Vorwurf der Einflussnahme "
         "zurückgewiesen.", "die Kommission", "deny"),
        ("Die Behörde hat den Vorfall inzwischen bestätigt.", "Die Behörde", "confirm"),
        ("Weder die Stadt noch der Betreiber wollten die Angaben bestätigen.",
         "Weder die Stadt noch der Betreiber", "not_confirm"),
        ("Die Werft hat sich bislang nicht zu dem Unfall geäußert.", "Die Werft",
         "not_confirm"),
        ("Der Mieterverein lehnte die Vorschläge der Stadt ab.", "Der Mieterverein", "deny"),
        ("Der Verband zeigte sich enttäuscht über die Entscheidung des Gerichts.", "Der Verband",
         "criticise"),
        ("Das bestätigte Vereinssprecherin Anna Berg am Montag der Austria Presse Agentur.",
         "Vereinssprecherin Anna Berg", "confirm"),
        # a clause in the subjunctive reports someone's words: no act of its speaker
        ("Beide Ministerinnen hätten ihn um Rat gebeten.", "Beide Ministerinnen", "assert"),
        ("Der Zug sei versehentlich auf das falsche Gleis geraten.", "Der Zug", "assert"),
    ],
)
def test_speech_acts_without_their_words_take_the_stance_of_their_verb(text, speaker, stance):
    """Failure class 2: a Reported statement has no cue span; its verb is found in the
    speaker's clause of the sentence."""
    attribution = statement(text, text.rstrip("."), speaker,
                            quote_type=QuoteType.REPORTED)
    assign_stance(document(text), [attribution])
    assert attribution.stance == stance


def test_hearsay_read_by_the_extraction_is_unverified():
    """A statement the extraction reads as hearsay without a cue (FreeIndirect: "soll")
    is unverified, as the guide has it, also where "soll" carries no perfect infinitive."""
    text = "Die Mieten in Falkenau sollen im Herbst um zehn Prozent steigen."
    attribution = statement(text, text.rstrip("."), quote_type=QuoteType.FREE_INDIRECT)
    assign_stance(document(text), [attribution], classifier=None)
    assert attribution.stance == "unverified"


def test_a_speech_act_in_a_continuation_names_its_source_inside() -> None:
    """A continuation without a speaker of its own whose sentence holds the act of its source
    by name: "Den Vorwurf ... ließ Roth nicht gelten" denies."""
    text = ("Bürgermeisterin Eva Roth stellte am Montag den Haushalt vor. Den Vorwurf, die Stadt "
            "spare bei den Schulen, ließ Roth nicht gelten.")
    first = statement(text, "den Haushalt", "Bürgermeisterin Eva Roth", "stellte vor",
                      quote_type=QuoteType.REPORTED)
    second = statement(text, "Den Vorwurf, die Stadt spare bei den Schulen, ließ Roth nicht "
                       "gelten", quote_type=QuoteType.INDIRECT_FREE_INDIRECT)
    doc = document(text)
    resolve_sources(doc, [first, second])
    assert second.source is not None and second.source.name == "Eva Roth"
    assign_stance(doc, [first, second])
    assert second.stance == "deny"
