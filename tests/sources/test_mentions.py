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
    assert read("Medienberichten zufolge").kind == "anonymous"
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
    assert read("Gülsen Celebi").gender == "female"
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

    text = "Der auf der Konferenz anwesende Außenminister der Russischen Föderation Sergei Lawrow"
    mention = parse_mention(Document(text), 0, len(text))
    assert mention.kind == "person"
    assert mention.name.endswith("Lawrow")
    assert mention.role == "Außenminister"
