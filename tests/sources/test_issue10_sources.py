"""Source resolution on the constructions of issue #10, point 3: definite descriptions,
datelines, speaker spans that run into the addressee or an adjunct, pronouns after a quotation,
cataphora, spans that name no source, canonical names and kinds. Sentences written for these
tests; names and events are invented."""

from quellenlage import analyze
from quellenlage.model import Part, QuoteType
from quellenlage.sources import resolve_sources
from tests.sources.helpers import document, find, names, sources, statement

# -- definite descriptions by head-noun class -------------------------------------------------

def test_ministry_refers_to_the_ministry_named_before():
    text = ("Das Sozialministerium in Graz legte den Bericht vor. Die Zahl der Anträge sei "
            "gestiegen, hatte das Ministerium schon im Mai erklärt.")
    assert names(text, statement(text, "Die Zahl der Anträge sei gestiegen", "das Ministerium",
                                 "hatte erklärt")) == ["Sozialministerium"]


def test_general_organisation_noun_refers_to_a_named_organisation():
    text = ("Die Klinik wird von der Hilfsorganisation Ärzte ohne Grenzen unterstützt. Drei "
            "Helfer seien verletzt worden, erklärte die Organisation.")
    assert names(text, statement(text, "Drei Helfer seien verletzt worden", "die Organisation",
                                 "erklärte")) == ["Ärzte ohne Grenzen"]


def test_union_noun_refers_to_the_union_named_with_it():
    text = ("Die Gewerkschaft GPA-djp verlangt mehr Transparenz. Vor allem junge Angestellte "
            "seien betroffen, heißt es bei der Gewerkschaft.")
    result = names(text, statement(text, "Vor allem junge Angestellte seien betroffen",
                                   "der Gewerkschaft", "heißt es"))
    assert result == ["GPA-djp"]


def test_party_noun_refers_to_the_compound_party_name():
    text = ("Die Fortschrittspartei stellt den Regierungschef. Die Partei hatte Neuwahlen "
            "angekündigt.")
    source = sources(text, statement(text, "Neuwahlen", "Die Partei", "hatte angekündigt",
                                     quote_type=QuoteType.REPORTED))[0]
    assert (source.name, source.kind) == ("Fortschrittspartei", "organisation")


def test_newspaper_noun_refers_to_the_outlet_named_before():
    text = ("Der „Kurier“ berichtete über die Pläne der Stadtwerke. Die Preise sollen im Herbst "
            "steigen, schreibt das Blatt.")
    source = sources(text, statement(text, "Die Preise sollen im Herbst steigen", "das Blatt",
                                     "schreibt"))[0]
    assert (source.name, source.kind) == ("Kurier", "media")


def test_authority_noun_does_not_take_an_organisation_of_another_state():
    text = ("Das ukrainische Außenministerium protestierte. Das russische Außenministerium "
            "teilte mit, man sehe keinen Anlass zur Sorge.")
    source = sources(text, statement(text, "man sehe keinen Anlass zur Sorge",
                                     "Das russische Außenministerium", "teilte mit"))[0]
    assert source.name == "russisches Außenministerium"


def test_ministry_in_a_capital_is_named_with_the_state_adjective():
    text = "Das Außenministerium in Moskau teilte mit, die Gespräche würden fortgesetzt."
    source = sources(text, statement(text, "die Gespräche würden fortgesetzt",
                                     "Das Außenministerium in Moskau", "teilte mit"))[0]
    assert (source.name, source.kind) == ("russisches Außenministerium", "organisation")


def test_government_in_a_capital_is_the_state():
    text = "Die Regierung in Ankara wies die Vorwürfe zurück."
    source = sources(text, statement(text, "die Vorwürfe", "Die Regierung in Ankara",
                                     "wies zurück", quote_type=QuoteType.REPORTED))[0]
    assert (source.name, source.kind) == ("Türkei", "state")


def test_study_is_its_author_organisation():
    text = ("Das Wirtschaftsforschungsinstitut Wifo hat die Folgen untersucht. Die Studie "
            "rechnet mit 20.000 zusätzlichen Arbeitskräften.")
    assert names(text, statement(text, "mit 20.000 zusätzlichen Arbeitskräften", "Die Studie",
                                 "rechnet")) == ["Wifo"]


def test_author_named_in_the_compound_of_a_document_noun():
    text = ("Der Abgeordnete Paul Mitterbauer kritisierte den Plan. Laut einer FPÖ-Aussendung "
            "sei das Projekt zu teuer. Die Mitterbauer-Aussage sorgte für Unmut.")
    result = names(
        text,
        statement(text, "sei das Projekt zu teuer", "FPÖ-Aussendung", "Laut"),
        statement(text, "sorgte für Unmut", "Die Mitterbauer-Aussage"),
    )
    assert result == ["FPÖ", "Paul Mitterbauer"]


def test_calculations_of_a_market_researcher_and_justice_figures():
    text = ("Laut Berechnungen des Marktforschers Focus fließen 80 Millionen Euro in Inserate. "
            "Nach US-Justizangaben wurde der Mann im März festgenommen.")
    result = sources(
        text,
        statement(text, "fließen 80 Millionen Euro in Inserate", "des Marktforschers Focus",
                  "Laut Berechnungen"),
        statement(text, "wurde der Mann im März festgenommen", "US-Justizangaben", "Nach"),
    )
    assert "Focus" in result[0].name
    assert (result[1].name, result[1].kind) == ("US-Justiz", "organisation")


# -- datelines ---------------------------------------------------------------------------------

def test_dateline_is_no_speaker():
    text = ("Streik bei der Bahn. WIEN (APA) - Die Gewerkschaft kündigte am Montag weitere "
            "Warnstreiks an. Brüssel/Wien – Die Kommission prüfe den Fall, hieß es.")
    result = sources(
        text,
        statement(text, "weitere Warnstreiks", "WIEN (APA)", "kündigte an",
                  quote_type=QuoteType.REPORTED),
        statement(text, "Die Kommission prüfe den Fall", "Brüssel/Wien", "hieß es"),
    )
    assert result == [None, None]


def test_agency_named_as_source_outside_a_dateline_is_media():
    text = "Berlin – Der Zug sei entgleist, berichtete die Nachrichtenagentur dpa."
    result = sources(
        text,
        statement(text, "Der Zug sei entgleist", "die Nachrichtenagentur dpa", "berichtete"),
        statement(text, "Der Zug sei entgleist", "Berlin"),
    )
    assert (result[0].name, result[0].kind) == ("dpa", "media")
    assert result[1] is None


# -- spans that swallow the addressee or an adjunct ---------------------------------------------

def test_addressee_after_the_verb_is_cut_off():
    text = ("Ein Sprecher des Imkerverbands sagte der Deutschen Presse-Agentur, die Ernte sei "
            "gut gewesen.")
    source = sources(text, statement(
        text, "die Ernte sei gut gewesen",
        "Ein Sprecher des Imkerverbands sagte der Deutschen Presse-Agentur", "sagte"))[0]
    assert (source.name, source.kind, source.role) == (
        "Sprecher des Imkerverbands", "anonymous", "Sprecher")


def test_zufolge_adjunct_inside_the_span_is_not_the_speaker():
    text = ("Der Konzern will einem Bericht des „Handelsblatts“ zufolge 3000 Stellen "
            "streichen.")
    source = sources(text, statement(
        text, "3000 Stellen streichen",
        "Der Konzern will einem Bericht des „Handelsblatts“ zufolge"))[0]
    assert (source.name, source.kind) == ("Konzern", "organisation")


def test_discontinuous_speaker_takes_the_subject_part():
    text = "Anna Keller leitet die Firma. Dem Bericht zufolge erklärte Keller, es gebe Verluste."
    attribution = statement(text, "es gebe Verluste", "Keller", "erklärte", speaker_occurrence=1)
    attribution.speaker = Part.from_spans(
        text, [find(text, "Dem Bericht"), *attribution.speaker.spans])
    resolve_sources(document(text), [attribution])
    assert attribution.speaker.text == "Dem Bericht Keller"
    assert attribution.source.name == "Anna Keller"


# -- pronouns and cataphora ---------------------------------------------------------------------

def test_er_after_a_quotation_naming_another_man_is_the_speaker():
    text = ("„Mit Bürgermeister Franz Huber habe ich nie gesprochen“, sagte der Unternehmer "
            "Karl Moser. Er wies alle Vorwürfe zurück.")
    result = names(
        text,
        statement(text, "Mit Bürgermeister Franz Huber habe ich nie gesprochen",
                  "der Unternehmer Karl Moser", "sagte", quote_type=QuoteType.DIRECT),
        statement(text, "alle Vorwürfe", "Er", "wies zurück", quote_type=QuoteType.REPORTED),
    )
    assert result == ["Karl Moser", "Karl Moser"]


def test_er_after_a_reported_statement_takes_its_speaker():
    text = ("Landesrat Georg Pichler traf Minister Stefan Auer in Linz. Auer habe Hilfe "
            "zugesagt, sagte Pichler. Er hoffe auf eine rasche Lösung.")
    result = names(
        text,
        statement(text, "Auer habe Hilfe zugesagt", "Pichler", "sagte"),
        statement(text, "hoffe auf eine rasche Lösung", "Er"),
    )
    assert result == ["Georg Pichler", "Georg Pichler"]


def test_cataphora_the_first_sentence_is_the_named_speakers():
    text = ("Die Kosten würden sich verdoppeln. Das sagte Finanzministerin Maria Lindner am "
            "Dienstag in Wien.")
    source = sources(text, statement(text, "Die Kosten würden sich verdoppeln",
                                     "Finanzministerin Maria Lindner", "Das sagte"))[0]
    assert (source.name, source.role, source.gender) == (
        "Maria Lindner", "Finanzministerin", "female")


def test_office_named_again_with_its_holder_just_after():
    text = ("Der Botschafter in Berlin gab der Opposition die Schuld. Botschafter Omar Farid "
            "sagte, man habe keine Beweise gesehen.")
    result = names(
        text,
        statement(text, "der Opposition die Schuld", "Der Botschafter in Berlin", "gab",
                  quote_type=QuoteType.REPORTED),
        statement(text, "man habe keine Beweise gesehen", "Botschafter Omar Farid", "sagte"),
    )
    assert result == ["Omar Farid", "Omar Farid"]


# -- spans that are no source of their own ------------------------------------------------------

def test_angaben_with_an_article_take_the_source_before_and_bare_angaben_none():
    text = ("Die Feuerwehr rückte mit 40 Mann aus, teilte die Feuerwehr Linz mit. Den Angaben "
            "zufolge wurde niemand verletzt. In der Nacht soll Angaben zufolge ein Lager "
            "gebrannt haben.")
    result = names(
        text,
        statement(text, "Die Feuerwehr rückte mit 40 Mann aus", "die Feuerwehr Linz",
                  "teilte mit"),
        statement(text, "wurde niemand verletzt", "Den Angaben zufolge"),
        statement(text, "ein Lager gebrannt haben", "Angaben zufolge"),
    )
    assert result == ["Feuerwehr Linz", "Feuerwehr Linz", None]


def test_media_reports_are_a_collective():
    text = "Medienberichten zufolge soll der Trainer gehen. Berichten zufolge ist er krank."
    result = sources(
        text,
        statement(text, "soll der Trainer gehen", "Medienberichten", "zufolge"),
        statement(text, "ist er krank", "Berichten", "zufolge"),
    )
    assert [(s.name, s.kind) for s in result] == [
        ("Medienberichte", "collective"), ("Berichte", "collective")]


def test_span_beginning_with_an_adverb_is_read_after_it():
    text = "Die Ökonomin Eva Brandl sprach. Danach Brandl warnte vor einer Rezession."
    assert names(text, statement(text, "vor einer Rezession", "Danach Brandl", "warnte",
                                 quote_type=QuoteType.REPORTED)) == ["Eva Brandl"]


# -- canonical names, kinds, roles ---------------------------------------------------------------

def test_full_name_with_particles_and_a_role_before_it():
    text = ("Präsident Alexander Van der Bellen und Ministerin Maggie De Block trafen sich. "
            "Van der Bellen sagte, das Treffen sei gut gewesen. Das bestätigte "
            "Verfassungsrechtler Heinz Mayer.")
    result = sources(
        text,
        statement(text, "das Treffen sei gut gewesen", "Van der Bellen", "sagte"),
        statement(text, "Das", "Verfassungsrechtler Heinz Mayer", "bestätigte",
                  quote_type=QuoteType.REPORTED),
    )
    assert (result[0].name, result[0].role) == ("Alexander Van der Bellen", "Präsident")
    assert (result[1].name, result[1].role) == ("Heinz Mayer", "Verfassungsrechtler")


def test_acronym_after_an_organisation_noun_is_its_name():
    text = "Das Marktforschungsinstitut GfK teilte mit, die Reichweiten seien gesunken."
    source = sources(text, statement(text, "die Reichweiten seien gesunken",
                                     "Das Marktforschungsinstitut GfK", "teilte mit"))[0]
    assert (source.name, source.kind) == ("GfK", "organisation")


def test_name_of_an_organisation_keeps_its_fuer_phrase_and_proper_adjectives():
    text = ("Nach Erkenntnissen der oppositionsnahen Syrischen Beobachtungsstelle für "
            "Menschenrechte starben zwei Helfer.")
    source = sources(text, statement(
        text, "starben zwei Helfer",
        "der oppositionsnahen Syrischen Beobachtungsstelle für Menschenrechte",
        "Nach Erkenntnissen"))[0]
    assert source.name.lower() == "syrische beobachtungsstelle für menschenrechte"


def test_unnamed_people_are_anonymous_and_groups_collective():
    text = ("Der Verteidiger kündigte Berufung an. Reporter berichteten von langen Schlangen. "
            "Betroffene erzählen von Drohungen.")
    result = sources(
        text,
        statement(text, "Berufung", "Der Verteidiger", "kündigte an",
                  quote_type=QuoteType.REPORTED),
        statement(text, "von langen Schlangen", "Reporter", "berichteten",
                  quote_type=QuoteType.REPORTED),
        statement(text, "von Drohungen", "Betroffene", "erzählen",
                  quote_type=QuoteType.REPORTED),
    )
    assert [(s.name, s.kind) for s in result] == [
        ("Verteidiger", "anonymous"), ("Reporter", "collective"), ("Betroffene", "collective")]


def test_bare_office_noun_takes_the_office_holder_named_before():
    text = ("Bürgermeister Klaus Berger eröffnete das Bad. Es sei ein guter Tag, so "
            "Bürgermeister.")
    assert names(text, statement(text, "Es sei ein guter Tag", "Bürgermeister", "so",
                                 speaker_occurrence=1)) == ["Klaus Berger"]


def test_person_with_a_capital_as_first_name_is_no_state():
    text = "Botschafter Riad Haddad sagte, die Waffen seien nicht geliefert worden."
    source = sources(text, statement(text, "die Waffen seien nicht geliefert worden",
                                     "Riad Haddad", "sagte"))[0]
    assert (source.name, source.kind) == ("Riad Haddad", "person")


def test_coordinated_people_are_a_group_named_in_full_and_two_roles_one_person():
    text = ("Norbert Auer ist Kandidat. Auer und sein Berater Peter Lutz reisten ab. "
            "Parteichef und Vizekanzler Martin Egger widersprach.")
    result = sources(
        text,
        statement(text, "reisten ab", "Auer und sein Berater Peter Lutz",
                  quote_type=QuoteType.REPORTED),
        statement(text, "widersprach", "Parteichef und Vizekanzler Martin Egger",
                  quote_type=QuoteType.REPORTED),
    )
    assert (result[0].name, result[0].kind) == ("Norbert Auer und Peter Lutz", "collective")
    assert (result[1].name, result[1].role) == ("Martin Egger", "Parteichef und Vizekanzler")


def test_share_of_a_group_is_the_group():
    text = "Rund 60 Prozent der Befragten gaben an, zu wenig zu schlafen. Tausende protestierten."
    result = sources(
        text,
        statement(text, "zu wenig zu schlafen", "Rund 60 Prozent der Befragten", "gaben an"),
        statement(text, "protestierten", "Tausende", quote_type=QuoteType.REPORTED),
    )
    assert [(s.name, s.kind) for s in result] == [
        ("Befragte", "collective"), ("Tausende", "collective")]


def test_possessive_speaker_and_surname_spelled_without_diacritics():
    text = ("Der Ökonom Jan Dvořák legte Zahlen vor. Seiner Einschätzung nach steigen die "
            "Preise. Dvorak sagte, der Winter werde teuer.")
    result = names(
        text,
        statement(text, "steigen die Preise", "Seiner", "Einschätzung nach"),
        statement(text, "der Winter werde teuer", "Dvorak", "sagte"),
    )
    assert result == ["Jan Dvořák", "Jan Dvořák"]


def test_plural_sie_takes_a_group_named_with_die():
    text = ("Die Ermittler haben noch keine Gewissheit. Sie baten um Hinweise aus der "
            "Bevölkerung.")
    source = sources(text, statement(text, "um Hinweise aus der Bevölkerung", "Sie", "baten",
                                     quote_type=QuoteType.REPORTED))[0]
    assert (source.name, source.kind) == ("Ermittler", "collective")


def test_organisation_named_with_a_purpose_phrase():
    text = "Die Initiative Stadt ohne Lärm und das Forum gegen Rassismus widersprachen."
    result = sources(
        text,
        statement(text, "widersprachen", "Die Initiative Stadt ohne Lärm",
                  quote_type=QuoteType.REPORTED),
    )
    assert result[0].name == "Stadt ohne Lärm"


def test_surname_after_an_adjective_is_the_person_named_before():
    text = "Die Tennisspielerin Lisa Moor gewann. Eine überglückliche Moor erklärte, sie sei müde."
    assert names(text, statement(text, "sie sei müde", "Eine überglückliche Moor",
                                 "erklärte")) == ["Lisa Moor"]


def test_first_person_outside_an_interview_goes_on_with_the_speaker_before():
    text = ("Der Umbau beginne im Mai, sagte Direktorin Petra Wallner. Ich rechne nicht mit "
            "Verzögerungen.")
    result = names(
        text,
        statement(text, "Der Umbau beginne im Mai", "Direktorin Petra Wallner", "sagte"),
        statement(text, "Ich rechne nicht mit Verzögerungen", "Ich", quote_type=QuoteType.DIRECT),
    )
    assert result == ["Petra Wallner", "Petra Wallner"]


def test_role_from_an_apposition_lets_a_compound_office_refer_back():
    text = ("Das sei bedenklich, sagte Hanna Roth, Präsidentin der Ärztekammer Tirol, am "
            "Montag. Die Kammer-Präsidentin forderte mehr Personal.")
    result = sources(
        text,
        statement(text, "mehr Personal", "Die Kammer-Präsidentin", "forderte",
                  quote_type=QuoteType.REPORTED),
    )
    assert (result[0].name, result[0].role) == ("Hanna Roth", "Präsidentin der Ärztekammer Tirol")


def test_office_noun_with_a_genitive_owner_and_the_bare_noun_after_it():
    text = ("Das Büro des Bürgermeisters verbreitete eine Erklärung. Man prüfe die Vorwürfe, "
            "hieß es aus dem Büro.")
    result = sources(
        text,
        statement(text, "Man prüfe die Vorwürfe", "dem Büro", "hieß es"),
    )
    assert result[0].name == "Büro des Bürgermeisters"


def test_general_noun_does_not_take_an_organisation_known_by_another_noun():
    text = ("Er sprach im Sonderausschuss des Landtags. Der Verband begrüßte die Reform. "
            "Laut dem Forum gegen Lärm sei das zu wenig. Für die Behörde war das nachvollziehbar.")
    result = names(
        text,
        statement(text, "die Reform", "Der Verband", "begrüßte", quote_type=QuoteType.REPORTED),
        statement(text, "war das nachvollziehbar", "die Behörde"),
    )
    assert result == ["Verband", "Behörde"]


def test_abbreviation_in_parentheses_names_the_organisation_after():
    text = ("Das sei zu kompliziert, sagte Lea Brunner, Vorsitzende der "
            "Verbraucherschutzgruppe (VSG9), am Mittwoch. VSG9 fordert mehr Klarheit.")
    source = sources(text, statement(text, "mehr Klarheit", "VSG9", "fordert",
                                     quote_type=QuoteType.REPORTED))[0]
    assert (source.name, source.kind) == ("Verbraucherschutzgruppe", "organisation")


def test_source_named_in_the_cue_of_a_statement_without_speaker():
    text = "Medienberichten zufolge soll der Minister zurücktreten."
    attribution = statement(text, "soll der Minister zurücktreten", cue="Medienberichten zufolge")
    resolve_sources(document(text), [attribution])
    assert (attribution.source.name, attribution.source.kind) == ("Medienberichte", "collective")


def test_impersonal_man_and_adverb_spans_go_on_with_the_speaker_before():
    text = ("Die Lage sei ernst, sagte Ministerin Ulrike Sommer. Man werde aber helfen. "
            "Ähnlich äußerte sich der Rest des Kabinetts.")
    result = names(
        text,
        statement(text, "Die Lage sei ernst", "Ministerin Ulrike Sommer", "sagte"),
        statement(text, "werde aber helfen", "Man"),
        statement(text, "äußerte sich der Rest des Kabinetts", "Ähnlich"),
    )
    assert result == ["Ulrike Sommer"] * 3


def test_side_of_a_state_is_the_state_and_a_spokeswoman_of_someone_named():
    text = ("Die chinesische Seite wies das zurück. Nach Angaben von Kellers Sprecherin war "
            "er nie dort.")
    result = sources(
        text,
        statement(text, "das", "Die chinesische Seite", "wies zurück",
                  quote_type=QuoteType.REPORTED),
        statement(text, "war er nie dort", "Kellers Sprecherin", "Nach Angaben von"),
    )
    assert (result[0].name, result[0].kind) == ("China", "state")
    assert (result[1].name, result[1].kind) == ("Sprecherin Kellers", "anonymous")


def test_office_with_a_particle_name_and_a_team_of_someone():
    text = ("Der stellvertretende Fraktionsvorsitzende von Brandt forderte Aufklärung. Das Team "
            "des Kremlkritikers Pawel Orlow sprach von Mord.")
    result = sources(
        text,
        statement(text, "Aufklärung", "Der stellvertretende Fraktionsvorsitzende von Brandt",
                  "forderte", quote_type=QuoteType.REPORTED),
        statement(text, "von Mord", "Das Team des Kremlkritikers Pawel Orlow", "sprach",
                  quote_type=QuoteType.REPORTED),
    )
    assert (result[0].name, result[0].kind) == ("von Brandt", "person")
    assert (result[1].name, result[1].kind) == (
        "Team des Kremlkritikers Pawel Orlow", "organisation")


def test_the_pentagon_is_an_organisation_and_the_newspaper_report_its_paper():
    text = ("Das „Handelsblatt“ berichtete über den Plan. Dem Zeitungsbericht zufolge sollen "
            "3000 Stellen wegfallen. Das Pentagon teilte mit, der Ballon sei abgeschossen.")
    result = sources(
        text,
        statement(text, "sollen 3000 Stellen wegfallen", "Dem Zeitungsbericht", "zufolge"),
        statement(text, "der Ballon sei abgeschossen", "Das Pentagon", "teilte mit"),
    )
    assert (result[0].name, result[0].kind) == ("Handelsblatt", "media")
    assert (result[1].name, result[1].kind) == ("Pentagon", "organisation")


def test_us_office_is_tied_to_its_state_and_a_reproach_of_a_policy_names_nobody():
    text = ("Präsident Juri Markow wies das zurück. US-Präsident Tom Harlan reagierte. Der "
            "US-Präsident sagte, Markow trage die Verantwortung. Den Vorwurf der Klientelpolitik "
            "wies er zurück.")
    reproach = statement(text, "Den Vorwurf der Klientelpolitik", "Den Vorwurf der "
                         "Klientelpolitik", quote_type=QuoteType.REPORTED)
    reproach.cue = Part.from_spans(text, [find(text, "wies", 1), find(text, "zurück", 1)])
    result = sources(
        text,
        statement(text, "Markow trage die Verantwortung", "Der US-Präsident", "sagte"),
        reproach,
    )
    assert result[0].name == "Tom Harlan"
    # the phrase read as the speaker names nobody: the speaker of the sentence before goes on
    assert result[1].name == "Tom Harlan"


def test_statement_without_speaker_takes_the_subject_of_its_cue_verb():
    text = ("Die Gewerkschaft Kom-Bau stellt einen Rechner vor und findet, dass die Verträge "
            "zu lang seien. Das habe ich so nicht gesagt, grinst Bürgermeisterin Eva Hollerer.")
    result = names(
        text,
        statement(text, "dass die Verträge zu lang seien", cue="findet"),
        statement(text, "Das habe ich so nicht gesagt", cue="grinst",
                  quote_type=QuoteType.DIRECT),
    )
    assert result == ["Gewerkschaft Kom-Bau", "Eva Hollerer"]


def test_company_prefix_of_an_office_must_match_and_an_indefinite_role_is_nobody_named():
    text = ("Tesla-Chef Elon Mask lobte das Werk. Volkswagen-Chef Kurt Brenner war zu Gast. "
            "Der Volkswagen-Chef sagte, man werde kommen. Nach Angaben eines Anrainers war es "
            "laut.")
    result = names(
        text,
        statement(text, "man werde kommen", "Der Volkswagen-Chef", "sagte"),
        statement(text, "war es laut", "Angaben eines Anrainers", "Nach"),
    )
    assert result == ["Kurt Brenner", "Anrainer"]


def test_capitalised_adjective_of_a_name_before_an_organisation_noun():
    text = "Das Nationale Sicherheitskomitee teilte mit, die Lage sei unter Kontrolle."
    source = sources(text, statement(text, "die Lage sei unter Kontrolle",
                                     "Das Nationale Sicherheitskomitee", "teilte mit"))[0]
    assert (source.name.lower(), source.kind) == ("nationales sicherheitskomitee", "organisation")


def test_subject_of_the_cue_verb_may_be_a_pronoun_or_stand_after_an_attribute():
    text = ("Landesrat Peter Moll kritisierte die Pläne. Er schließt sich dem Verdacht an, "
            "wonach die Stelle politisch besetzt werde.")
    assert names(text, statement(text, "die Stelle politisch besetzt werde",
                                 cue="wonach")) == ["Peter Moll"]
    text = ("Der beim Treffen anwesende Minister Georg Albrecht reagierte mit Ministerin Ida "
            "Lenz gelassen: Alles sei im Plan.")
    assert names(text, statement(text, "Alles sei im Plan", cue="reagierte")) == [
        "Georg Albrecht"]


def test_role_before_a_name_set_off_by_commas_is_its_role() -> None:
    text = ("Der Geschäftsführer der Entsorgungsfirma, Gerd-Jürgen Bruckner, hatte stets "
            "erklärt, alles sei abgesprochen. Im Gespräch mit dem Minister wies der "
            "Geschäftsführer alle Vorwürfe zurück.")
    article = analyze(text)
    assert [a.source.name for a in article.attributions if a.source] == [
        "Gerd-Jürgen Bruckner", "Gerd-Jürgen Bruckner"
    ]


def test_a_name_set_off_after_a_role_is_a_person_without_a_known_first_name():
    # "Said" is no first name the gazetteer knows; the role before the comma makes the words
    # after it a name, which a later "Er" refers to rather than the person named before
    text = ("Bedenken sieht der Minister Karl Brandt nicht – anders der Kommissar für "
            "Flüchtlinge, Said Kadri. Er warnte davor, dass das Recht umgangen werde.")
    result = sources(
        text,
        statement(text, "dass das Recht umgangen werde", "Er", "warnte"),
    )
    assert (result[0].name, result[0].kind) == ("Said Kadri", "person")
    assert result[0].role == "Kommissar für Flüchtlinge"


def test_capitalised_words_after_a_role_and_a_comma_that_are_no_name():
    # "Neue Regeln" after the comma opens the next clause: no person, the role speaks
    text = ("Das sei zu spät, sagte der Sprecher der Kammer, Neue Regeln brauche es sofort. "
            "Er forderte Gespräche.")
    result = sources(text, statement(text, "Gespräche", "Er", "forderte"))
    assert result[0] is None or result[0].kind != "person" or result[0].name != "Neue Regeln"


def test_a_role_set_off_before_a_name_after_an_adverb():
    # the role's phrase begins at its article, not at "anders"
    text = ("Das Land sieht keine Gefahr, anders die Direktorin des Instituts, Jana Weiss. "
            "Sie sagte, die Lage sei ernst.")
    result = sources(text, statement(text, "die Lage sei ernst", "Sie", "sagte"))
    assert (result[0].name, result[0].role) == ("Jana Weiss", "Direktorin des Instituts")


def test_sie_does_not_refer_to_an_outlet_with_a_masculine_name():
    # "der Kurier" is masculine: the later "Sie" means the government, not the paper
    text = ("Wie der Kurier berichtet, plant die Regierung eine Reform. Sie sagte, die Reform "
            "komme im Mai.")
    result = sources(
        text,
        statement(text, "plant die Regierung eine Reform", "der Kurier", "berichtet"),
        statement(text, "die Reform komme im Mai", "Sie", "sagte"),
    )
    assert result[0].name == "Kurier"
    assert result[1].name == "Regierung"


def test_sie_still_refers_to_an_outlet_with_a_feminine_name():
    text = ("Wie die Kronen Zeitung berichtet, plant der Minister eine Reform. Sie schrieb, die "
            "Reform komme im Mai.")
    result = sources(
        text,
        statement(text, "plant der Minister eine Reform", "die Kronen Zeitung", "berichtet"),
        statement(text, "die Reform komme im Mai", "Sie", "schrieb"),
    )
    assert result[1].name == "Kronen Zeitung"
