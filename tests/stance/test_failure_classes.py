"""Issue #10, failure class 1: the stance does not come from the cue verb alone. Sentences we
wrote, one group a stance: the message's words, the negated or reserved reply, the category of a
speech verb that the stance lexicon lacks, reports that name no source."""

from __future__ import annotations

import pytest

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
    # confirm: a modal that does not negate, "es stimmt"
    ("Das Ministerium könne den Vorfall bestätigen, so die Sprecherin.",
     "Das Ministerium könne den Vorfall bestätigen", "die Sprecherin", "so", "confirm"),
    ("Es stimmt, dass wir mit dem Investor verhandeln, sagte die Managerin.",
     "Es stimmt, dass wir mit dem Investor verhandeln", "die Managerin", "sagte", "confirm"),
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
        # "unwahrscheinlich" is no "unwahr"
        ("Ein Stromausfall sei unwahrscheinlich, sagte der Netzbetreiber.",
         "Ein Stromausfall sei unwahrscheinlich", "der Netzbetreiber", "sagte"),
    ],
)
def test_plain_assertions_stay_assertions(text, quote, speaker, cue):
    attribution = statement(text, quote, speaker, cue)
    assign_stance(document(text), [attribution])
    assert attribution.stance == "assert"
