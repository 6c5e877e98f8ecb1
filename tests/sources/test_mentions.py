from quellenlage.sources.mentions import parse_mention
from quellenlage.text import Document


def read(span: str):
    text = f"Gestern {span} sagte etwas."
    start = text.index(span)
    return parse_mention(Document(text), start, start + len(span))


def test_title_and_name_give_name_and_role():
    mention = read("der neue Nato-Generalsekretär Mark Rutte")
    assert (mention.name, mention.kind, mention.role, mention.gender) == (
        "Mark Rutte", "person", "Nato-Generalsekretär", "male")


def test_transliterations_map_to_one_canonical_name():
    for variant in ("Selenskyj", "Selenskij", "Zelensky"):
        assert read(variant).name == "Wolodymyr Selenskyj"


def test_capitals_stand_for_their_states():
    assert read("Moskau").name == "Russland"
    assert read("Kyjiw").name == "Ukraine"
    assert read("Pjöngjang").kind == "state"


def test_coordinated_capitals_become_one_source_of_both_states():
    mention = read("Moskau und Pjöngjang")
    assert (mention.name, mention.kind) == ("Russland und Nordkorea", "state")
    assert mention.agreement == "pl"


def test_vague_and_collective_sources():
    assert (read("aus Regierungskreisen").kind, read("aus Regierungskreisen").name) == (
        "anonymous", "Regierungskreise")
    # reports of nobody named are a group, as the annotation guide has it
    assert (read("Medienberichten zufolge").kind, read("Medienberichten zufolge").name) == (
        "collective", "Medienberichte")
    assert read("Berichten zufolge").kind == "collective"
    spokesman = read("ein Sprecher des Ministeriums")
    assert (spokesman.kind, spokesman.role) == ("anonymous", "Sprecher")
    assert read("Experten").kind == "collective"
    assert read("Anwohner").kind == "collective"
    assert read("Insider").kind == "anonymous"


def test_wrapped_sources_are_unwrapped():
    assert read("Angaben der Polizei").name == "Polizei"
    assert read("Polizeiangaben").name == "Polizei"
    assert read("Berichten der New York Times").kind == "media"
    assert read("Selenskyjs Worten").name == "Wolodymyr Selenskyj"


def test_gender_from_first_name_and_role_noun():
    assert read("Gülsen Yilmaz").gender == "female"
    assert read("die Sprecherin").gender == "female"
    assert read("Der 58-Jährige").gender == "male"


def test_surnames_ending_in_mann_are_not_the_role_noun_mann():
    assert read("Die Virologin Melanie Brinkmann").name == "Melanie Brinkmann"


def test_government_of_a_state_is_the_state():
    mention = read("Die russische Regierung")
    assert (mention.name, mention.kind, mention.role) == ("Russland", "state", "Regierung")


def test_named_outlet_after_a_generic_noun():
    assert read("die Nachrichtenagentur Reuters").name == "Reuters"
    assert read("Der Fernsehsender „Silverbird“").name == "Silverbird"


def test_a_place_adjective_before_a_known_outlet_or_body_is_no_part_of_its_name():
    # "Berliner" never inflects; the outlet keeps its name, in the genitive too
    assert (read("des Berliner Tagesspiegels").name, read("des Berliner Tagesspiegels").kind) == (
        "Tagesspiegel", "media")
    assert read("der Londoner Times").name == "Times"
    assert read("des Münchner Ifo-Instituts").name == "Ifo-Institut"
    # a name that holds the place adjective stays whole
    assert read("der Berliner Zeitung").name == "Berliner Zeitung"
    assert read("die Wiener Polizei").kind == "organisation"


def test_a_frame_with_a_place_adjective_gives_its_source_to_what_follows():
    import quellenlage

    article = quellenlage.analyze(
        "Im vergangenen Jahr ist die Zahl der Fahrraddiebstähle nach Angaben des Berliner "
        "Tagesspiegels stark gestiegen. Die Polizei habe demnach mehr als 5000 Fälle registriert."
    )
    assert [(a.speaker.text if a.speaker else None, a.source.name if a.source else None)
            for a in article.attributions] == [
        ("Angaben des Berliner Tagesspiegels", "Tagesspiegel"), ("demnach", "Tagesspiegel")]


def test_personal_pronoun_that_opens_a_run_on_span_is_the_speaker() -> None:
    from quellenlage.sources.mentions import parse_mention
    from quellenlage.text import Document

    text = "Er dem Künstler Betriebsblindheit vor."
    mention = parse_mention(Document(text), 0, len("Er dem Künstler"))
    assert mention.form == "pronoun"
    assert mention.text == "Er"


def test_genitive_after_a_statement_noun_gives_the_nominative_source() -> None:
    from quellenlage.sources.mentions import parse_mention
    from quellenlage.text import Document

    text = "Angaben des südkoreanischen Geheimdienstes"
    mention = parse_mention(Document(text), 0, len(text))
    assert mention.name == "südkoreanischer Geheimdienst"
    assert mention.kind == "organisation"


def test_long_speaker_span_ending_in_a_name_gives_the_name() -> None:
    from quellenlage.sources.mentions import parse_mention
    from quellenlage.text import Document

    text = "Der beim Gipfel anwesende Außenminister des Königreichs Norwegen Lars Brekke"
    mention = parse_mention(Document(text), 0, len(text))
    assert mention.kind == "person"
    assert mention.name.endswith("Brekke")
    assert mention.role == "Außenminister"


def test_person_nouns_known_by_their_ending():
    mention = read("die Archäologin Petra Lindner")
    assert (mention.name, mention.role, mention.gender) == ("Petra Lindner", "Archäologin",
                                                             "female")
    assert (read("der Biochemiker").kind, read("der Biochemiker").gender) == ("person", "male")
    assert read("die Kolumnistin").role == "Kolumnistin"
    assert read("der Wissenschafter").kind == "person"  # Austrian and Swiss spelling
    assert read("die Psychotherapeutin").gender == "female"
    boss = read("Lehrergewerkschafter Paul Brenner")
    assert (boss.name, boss.kind, boss.role) == ("Paul Brenner", "person", "Lehrergewerkschafter")


def test_false_friends_of_person_endings_are_no_roles():
    from quellenlage.sources.gazetteer import gazetteer

    for word in ("Abgabefrist", "Zeitgeist", "Moment", "Parlament", "Restaurant", "Prozent",
                 "Generator", "Talent", "Hinterlist"):
        assert gazetteer().role(word) is None, word


def test_plural_role_nouns_are_collectives_and_oblique_singulars_one_person():
    assert (read("die Biochemiker").kind, read("die Biochemiker").name) == (
        "collective", "Biochemiker")
    assert read("Journalisten").kind == "collective"
    assert read("mehrere Abgeordnete").kind == "collective"
    assert read("die Wiener Forscher").name == "Wiener Forscher"
    one = read("laut dem Journalisten")
    assert (one.kind, one.role, one.gender) == ("person", "Journalist", "male")


def test_phrases_that_cannot_speak_are_no_source():
    for span in ("Ein Überblick", "die Runde", "Der Schlüssel zu einer guten Ernte", "Wir",
                 "ich", "man gerne", "die seine", "Die Frage", "Frage", "Die Abbildung"):
        assert read(span).form == "none", span
    assert read("das Rathaus").kind == "organisation"
    assert read("die Gruppe Klangwerk").form == "none"  # no first name: no person


def test_genitive_state_before_an_office_holder_gives_the_person():
    mention = read("Frankreichs Energieregulator Michel Dubois")
    assert (mention.name, mention.kind, mention.state) == ("Michel Dubois", "person",
                                                           "Frankreich")


def test_short_phrase_that_names_nothing_yields_to_the_name_after_the_comma():
    mention = read("Der frühere Hohe Kommissar für Flüchtlinge, Anton Berger, lobte das")
    assert (mention.name, mention.kind) == ("Anton Berger", "person")


def test_genitive_name_after_a_wrapper_and_a_known_acronym():
    assert read("Nach Ansicht Moskaus").name == "Russland"
    assert read("Angaben des UN-Flüchtlingshilfswerkes UNHCR").name == "UNHCR"
    assert read("Und Karla Meister").name == "Karla Meister"  # a leading "Und" is no name


def test_plurals_of_listed_roles_and_single_vague_sources():
    assert (read("die Kandidaten").kind, read("die Kandidaten").name) == ("collective",
                                                                         "Kandidaten")
    assert read("des Kandidaten").role == "Kandidat"
    assert read("den Ministern").name == "Minister"
    insider = read("ein Insider")
    assert (insider.kind, insider.name) == ("anonymous", "Insider")
    assert read("eine Stadtverordnete").kind == "anonymous"
    assert read("Juli 2015").form == "none"  # a date never speaks
    assert read("52,9 Prozent der Stimmen").form == "none"
    assert read("August Brenner").kind == "person"  # August is also a first name


def test_role_compound_after_a_place_adjective_and_an_unknown_first_name():
    mention = read("der Grazer Kommunikationsberater Yannik Pohl")
    assert (mention.name, mention.kind, mention.role) == ("Yannik Pohl", "person",
                                                          "Grazer Kommunikationsberater")


def test_a_report_of_a_title_in_quotation_marks_names_a_publication():
    assert (read("ein Bericht der „Abendpost“").name, read("ein Bericht der „Abendpost“").kind) == (
        "Abendpost", "media")
    assert read("ein Bericht des „Aufrufs zu Gewalt“").kind != "media"  # a quoted phrase


def test_a_report_of_a_title_in_the_genitive_names_the_title_in_the_nominative():
    assert read("ein Bericht des „Morgenkuriers“").name == "Morgenkurier"


def test_the_people_of_someone_named_are_a_group_of_theirs():
    mention = read("Sorins Mitarbeiter")
    assert (mention.name, mention.kind) == ("Mitarbeiter Sorins", "collective")


def test_a_nationality_adjective_before_an_office_and_a_name_is_the_state_not_the_role():
    mention = read("der schwedische Finanzminister Lars Berglund")
    assert (mention.name, mention.role, mention.state) == (
        "Lars Berglund", "Finanzminister", "Schweden")
    # an adjective of the office itself stays; only the nationality leaves the role
    deputy = read("die stellvertretende polnische Außenministerin Kowalska")
    assert (deputy.role, deputy.gender, deputy.state) == (
        "stellvertretende Außenministerin", "female", "Polen")


def test_a_states_genitive_before_one_of_its_bodies_is_that_body_not_the_state():
    army = read("Norwegens Armee")
    assert (army.name, army.kind, army.state) == ("norwegische Armee", "organisation", "Norwegen")
    ministry = read("Spaniens Innenministerium")
    assert (ministry.name, ministry.kind) == ("spanisches Innenministerium", "organisation")
    # its government is still the state
    government = read("Spaniens Regierung")
    assert (government.name, government.kind, government.role) == ("Spanien", "state", "Regierung")


def test_a_role_declined_as_an_adjective_takes_its_gender_from_the_article():
    assert read("der Sondergesandte").gender == "male"
    assert read("die Sondergesandte").gender == "female"
    assert read("ein Sondergesandter").gender == "male"


def test_a_family_is_a_group_not_the_person_it_belongs_to():
    for span in ("die Familie Brandts", "Brandts Familie", "seine Familie"):
        mention = read(span)
        assert (mention.name, mention.kind) == ("Familie", "collective"), span
    assert read("Familienministerin Maria Huber").kind == "person"


def test_groups_of_residents_fighters_and_experts_are_collectives():
    for span, name in (("Anrainer", "Anrainer"), ("die Rebellen", "Rebellen"),
                       ("Fachleuten zufolge", "Fachleute"), ("IS-Kämpfer", "IS-Kämpfer"),
                       ("die Aufständischen", "Aufständische")):
        mention = read(span)
        assert (mention.name, mention.kind) == (name, "collective"), span
    assert read("ein Anrainer").kind == "anonymous"  # one of them, unnamed
    assert read("Wissenschafter Hans Huber").kind == "person"


def test_an_outlets_title_in_quotation_marks_after_its_noun_is_read_whole():
    # the span ends before the closing mark; the title is still the whole name
    assert read("die Zeitung „Neue Kärntner Rundschau“").name == "Neue Kärntner Rundschau"
    assert read("die Wochenzeitung „Die Furche“").name == "Die Furche"


def test_the_unknown_author_before_a_studys_noun_is_an_institute():
    for span in ("einer Kantar-Umfrage", "der Boku-Studie"):
        mention = read(span)
        assert mention.kind == "organisation", span
    # a person's words stay a person's
    assert read("Selenskyjs Worten").kind == "person"


def test_plural_statements_wrap_their_author_or_name_nobody():
    assert read("Mitteilungen der Polizei").name == "Polizei"
    assert read("Aussendungen der Partei").name == "Partei"
    nobody = read("Erklärungen")  # "nach Erklärungen suchen": no source named
    assert (nobody.name, nobody.form) == (None, "none")


def test_dative_plural_keeps_a_plural_in_en_and_drops_only_the_dative_n():
    assert read("Den ungenannten Quellen").name == "ungenannte Quellen"
    assert read("aus Regierungsquellen").name == "Regierungsquellen"
    assert read("informierten Kreisen").name == "informierte Kreise"
    assert read("den Beobachtern").name == "Beobachter"


def test_an_arabic_article_belongs_to_the_surname():
    # "al-"/"Al-" opens a surname; the first name need not be known
    for text, name, surname in [("Said Tawfik al-Sharif", "Said Tawfik al-Sharif", "al-Sharif"),
                                ("Nasir Al-Mahdi", "Nasir Al-Mahdi", "Al-Mahdi"),
                                ("Mona el-Rashidi", "Mona el-Rashidi", "el-Rashidi")]:
        mention = parse_mention(Document(text), 0, len(text))
        assert (mention.kind, mention.name, mention.surname) == ("person", name, surname)


def test_a_name_with_von_der_after_an_office_keeps_its_surname():
    mention = read("die Ministerin Karoline von der Au")
    assert (mention.name, mention.kind, mention.role) == (
        "Karoline von der Au", "person", "Ministerin")
    mention = read("der Abgeordnete Felix van den Berg")
    assert (mention.name, mention.role) == ("Felix van den Berg", "Abgeordnete")
    # the speaker's organisation after the name stays out of it
    assert read("der Sprecher Max Huber von der Polizei").name == "Max Huber"


def test_first_names_that_end_like_a_person_noun_are_no_office():
    mention = read("der Bürgermeister Konstantin Reiter")
    assert (mention.name, mention.kind, mention.role) == (
        "Konstantin Reiter", "person", "Bürgermeister")
    assert read("Valentin Moser").name == "Valentin Moser"
    assert read("Konstantin Reiter").role is None
    assert read("ein Demonstrant").kind == "anonymous"  # the ending still makes person nouns


def test_a_surname_that_ends_like_a_person_noun_after_a_first_name():
    mention = read("die Ökonomin Maria Lindqvist")
    assert (mention.name, mention.kind, mention.role) == (
        "Maria Lindqvist", "person", "Ökonomin")
    assert read("Kevin Durant").name == "Kevin Durant"
    pianist = read("der Pianist")  # alone the ending still makes a role
    assert (pianist.form, pianist.role) == ("role", "Pianist")
