import pytest

from quellenlage.sources import find_channel
from tests.sources.helpers import document, statement


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue", "kind", "outlet"),
    [
        ("Auf dem Kurznachrichtendienst X schrieb Lindner, die Regeln würden ausgehöhlt.",
         "die Regeln würden ausgehöhlt", "Lindner", "schrieb", "social_media", "X"),
        ("Selenskyj sagte in einem Interview mit der britischen „Financial Times“, "
         "die Lage sei ernst.",
         "die Lage sei ernst", "Selenskyj", "sagte", "interview", "Financial Times"),
        ("Ein Sprecher sagte gegenüber der dpa, man sei zuversichtlich.",
         "man sei zuversichtlich", "Ein Sprecher", "sagte", "interview", "dpa"),
        ("Die Polizei teilte in einer Mitteilung mit, der Mann sei gefasst.",
         "der Mann sei gefasst", "Die Polizei", "teilte mit", "press_release", None),
        ("Auf einer Pressekonferenz sagte der Minister, die Zahlen stimmten.",
         "die Zahlen stimmten", "der Minister", "sagte", "press_conference", None),
        ("Im Bundestag sagte die Abgeordnete, das Gesetz komme zu spät.",
         "das Gesetz komme zu spät", "die Abgeordnete", "sagte", "parliament", None),
        ("Sie schrieb auf Twitter, die Täter würden gefasst.",
         "die Täter würden gefasst", "Sie", "schrieb", "social_media", "X"),
    ],
)
def test_channel_patterns(text, quote, speaker, cue, kind, outlet):
    channel = find_channel(document(text), statement(text, quote, speaker, cue))
    assert channel is not None
    assert (channel.kind, channel.outlet) == (kind, outlet)


def test_no_channel_when_the_sentence_names_none():
    text = "Rutte sagte in Brüssel, Europa müsse mehr tun."
    assert find_channel(document(text), statement(text, "Europa müsse mehr tun", "Rutte",
                                                  "sagte")) is None


def test_a_channel_inside_the_quote_is_not_the_statements_channel():
    text = "Er sagte, er habe in einem Interview nichts verraten."
    attribution = statement(text, "er habe in einem Interview nichts verraten", "Er", "sagte")
    assert find_channel(document(text), attribution) is None


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue", "kind", "outlet"),
    [
        ("Die Lage sei ernst, so der Landesrat in einer Aussendung am Montag.",
         "Die Lage sei ernst", "der Landesrat in einer Aussendung", "so", "press_release", None),
        ("Laut einer Pressemitteilung sagte der Landrat, die Brücke werde gesperrt.",
         "die Brücke werde gesperrt", "der Landrat", "sagte", "press_release", None),
        ("Den Vorwurf wies die Ministerin bei einem Mediengespräch am Dienstag zurück.",
         "Den Vorwurf", "die Ministerin", "wies zurück", "press_conference", None),
        ("Die Sanktionen wirkten, sagte der Minister dem Fernsehsender Rossija 24.",
         "Die Sanktionen wirkten", "der Minister", "sagte", "interview", "Rossija 24"),
        ("Europa sei eine Geisel seiner Politik, sagte er dem US-Magazin Time.",
         "Europa sei eine Geisel seiner Politik", "er", "sagte", "interview", "Time"),
        ("Man arbeite daran, sagte eine Sprecherin zur APA.", "Man arbeite daran",
         "eine Sprecherin", "sagte", "interview", "APA"),
        ("Ein Sprecher sagte auf Anfrage der dpa, man prüfe den Fall.", "man prüfe den Fall",
         "Ein Sprecher", "sagte", "interview", "dpa"),
        ("Bei einer Kundgebung in Dresden sagte die Politikerin, die Löhne seien zu niedrig.",
         "die Löhne seien zu niedrig", "die Politikerin", "sagte", "speech", None),
        ("Vor Tausenden Anhängern sagte der Kandidat, er werde gewinnen.", "er werde gewinnen",
         "der Kandidat", "sagte", "speech", None),
        ("Es sei eine Ehre, sagte der Kanzler zu Beginn seiner Rede.",
         "Es sei eine Ehre", "der Kanzler", "sagte", "speech", None),
        ("In einem Video sagte die Sängerin, sie sage die Tour ab.", "sie sage die Tour ab",
         "die Sängerin", "sagte", "other", None),
        ("Die Grenzen blieben offen, sagte er am Montag im deutschen RBB-Inforadio.",
         "Die Grenzen blieben offen", "er", "sagte", "other", "RBB"),
        ("Der Minister schrieb per Twitter, der Streik sei beendet.", "der Streik sei beendet",
         "Der Minister", "schrieb", "social_media", "X"),
        ("Die Abgeordnete sagte in einer Nationalratssitzung, das Budget reiche nicht.",
         "das Budget reiche nicht", "Die Abgeordnete", "sagte", "parliament", None),
        ("Der Trainer sagte im Gespräch mit dem Magazin Kicker Sportmagazin, er bleibe.",
         "er bleibe", "Der Trainer", "sagte", "interview", "Kicker Sportmagazin"),
    ],
)
def test_more_channel_forms(text, quote, speaker, cue, kind, outlet):
    channel = find_channel(document(text), statement(text, quote, speaker, cue))
    assert channel is not None
    assert (channel.kind, channel.outlet) == (kind, outlet)


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue"),
    [
        # the parliament belongs to a conditional clause, not to the statement
        ("Sollte das Gesetz im Parlament scheitern, drohe ein Chaos, sagte die Ministerin.",
         "drohe ein Chaos", "die Ministerin", "sagte"),
        # "der Krone" is a genitive here, not the Kronen Zeitung
        ("Im Streit um die Rechte der Krone sagte der Historiker, die Verfassung gelte.",
         "die Verfassung gelte", "der Historiker", "sagte"),
        # "auf Anfrage" alone names no outlet and no channel
        ("Die Bahn bestätigte den Bericht auf Anfrage nicht.", "den Bericht", "Die Bahn",
         "bestätigte"),
        # an outlet inside the speaker names who speaks, not where
        ("Ein Sprecher der Zeitung „Kurier“ sagte, man prüfe den Fall.", "man prüfe den Fall",
         "Ein Sprecher der Zeitung „Kurier“", "sagte"),
    ],
)
def test_no_channel(text, quote, speaker, cue):
    assert find_channel(document(text), statement(text, quote, speaker, cue)) is None


def test_a_speaker_span_that_is_the_channel_phrase():
    text = "Die Lieferung komme schneller, heißt es in einer Aussendung der Stadtwerke."
    attribution = statement(text, "Die Lieferung komme schneller",
                            "in einer Aussendung der Stadtwerke", "heißt es")
    channel = find_channel(document(text), attribution)
    assert channel is not None and channel.kind == "press_release"
    text = "Das Haus werde verkauft, heißt es im ORF."
    assert find_channel(document(text), statement(text, "Das Haus werde verkauft", "im ORF",
                                                  "heißt es")) is None


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue", "kind"),
    [
        # commas around an apposition do not end the clause of the cue
        ("Die Drohungen häuften sich, sagte Oskar Brandt, Präsident der Jüdischen Gemeinde "
         "Linz, am Mittwoch bei einem Pressegespräch.", "Die Drohungen häuften sich",
         "Oskar Brandt", "sagte", "press_conference"),
        # a statement whose cue was missed: the comma closing the quote is no boundary
        ("Die Bank habe Rucksäcke verteilt, heißt es in dem Schreiben.",
         "Die Bank habe Rucksäcke verteilt", None, None, "statement"),
    ],
)
def test_channel_beyond_an_apposition_or_a_quote(text, quote, speaker, cue, kind):
    channel = find_channel(document(text), statement(text, quote, speaker, cue))
    assert channel is not None and channel.kind == kind


def test_a_subordinate_clause_is_not_an_apposition():
    text = ("Die Reform sei gescheitert, sagte die Ministerin, nachdem sie im Bundestag "
            "gesprochen hatte.")
    attribution = statement(text, "Die Reform sei gescheitert", "die Ministerin", "sagte")
    assert find_channel(document(text), attribution) is None


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue", "kind", "outlet"),
    [
        ("Er habe kein System erfunden, sagte der Minister im Sonderausschuss des Parlaments.",
         "Er habe kein System erfunden", "der Minister", "sagte", "parliament", None),
        ("Frauen gehörten in die Forschung, sagte die Biologin auf einer Fachkonferenz.",
         "Frauen gehörten in die Forschung", "die Biologin", "sagte", "speech", None),
        ("Die Schulen brauchten mehr Personal, sagte der Gewerkschafter im Ö1-Mittagsjournal.",
         "Die Schulen brauchten mehr Personal", "der Gewerkschafter", "sagte", "interview",
         "ORF"),
        ("Der Händler sei der größte Kunde, schreiben die Anwälte in ihrem Antrag.",
         "Der Händler sei der größte Kunde", "die Anwälte", "schreiben", "statement", None),
    ],
)
def test_compound_heads_and_documents(text, quote, speaker, cue, kind, outlet):
    channel = find_channel(document(text), statement(text, quote, speaker, cue))
    assert channel is not None
    assert (channel.kind, channel.outlet) == (kind, outlet)


def test_vor_before_an_event_is_a_time_not_a_channel():
    text = "Am Tag vor ihrer Kandidatur-Pressekonferenz sagte die Kandidatin, sie sei bereit."
    attribution = statement(text, "sie sei bereit", "die Kandidatin", "sagte")
    assert find_channel(document(text), attribution) is None


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue"),
    [
        # "zur Welt kommen" names no outlet
        ("Da ließ der Autor Kinder mit einem Syndrom zur Welt kommen, sagte die Kritikerin.",
         "Da ließ der Autor Kinder mit einem Syndrom zur Welt kommen", "die Kritikerin",
         "sagte"),
        # talks are no interview
        ("Die Lage sei ernst, sagte der Gesandte bei den Gesprächen in Genf.",
         "Die Lage sei ernst", "der Gesandte", "sagte"),
    ],
)
def test_no_channel_in_relative_clauses_idioms_and_talks(text, quote, speaker, cue):
    assert find_channel(document(text), statement(text, quote, speaker, cue)) is None


def test_an_apposition_not_closed_by_a_comma():
    text = ("Ohne Netz gehe nichts, sagte Alexander Brandt, Österreich-Chef des Ausrüsters "
            "ZTX am Montag vor Journalisten.")
    attribution = statement(text, "Ohne Netz gehe nichts", "Alexander Brandt", "sagte")
    channel = find_channel(document(text), attribution)
    assert channel is not None and channel.kind == "press_conference"


def test_a_relative_clause_is_no_apposition():
    # the outlet only has the document: the channel is the letter, not an APA interview
    text = "Es gebe keinen Anlass, heißt es in einem Schreiben, das der APA vorliegt."
    channel = find_channel(document(text), statement(text, "Es gebe keinen Anlass", None,
                                                     "heißt es"))
    assert channel is not None and (channel.kind, channel.outlet) == ("statement", None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Die Verhandlung werde verschoben, sagte ein Richter bei der Anhörung.", "other"),
        ("Die Verhandlung werde verschoben, sagte die Ministerin in der Fragestunde.",
         "parliament"),
    ],
)
def test_a_hearing_is_not_always_parliament(text, kind):
    speaker = "ein Richter" if "Richter" in text else "die Ministerin"
    channel = find_channel(document(text), statement(text, "Die Verhandlung werde verschoben",
                                                     speaker, "sagte"))
    assert channel is not None and channel.kind == kind
