"""Role nouns that name a party refer back only to a person of that party."""

from quellenlage.sources.gazetteer import gazetteer
from tests.sources.helpers import names, statement


def test_party_words_name_their_parties():
    gaz = gazetteer()
    assert gaz.parties_of("SPD") == frozenset({"SPD"})
    assert gaz.parties_of("Grünen") == frozenset({"Grüne"})
    assert gaz.parties_of("freiheitlichen") == frozenset({"FPÖ"})
    assert gaz.parties_of("Sozialdemokratin") == frozenset({"SPD", "SPÖ"})
    assert gaz.parties_of("Polizei") is None
    assert gaz.parties_of("Präsident") is None


def test_party_in_brackets_keeps_the_role_noun_from_another_party():
    text = ("Karl Huber (SPD) lobte den Plan. Franz Maier (CDU) widersprach. "
            "Der SPD-Politiker sagte, die Reform komme zu spät.")
    said = statement(text, "die Reform komme zu spät", "Der SPD-Politiker", "sagte")
    assert names(text, said) == ["Karl Huber"]


def test_member_noun_refers_to_the_person_of_its_party():
    text = ("Die SPD-Chefin Anna Roth lobte den Plan. Die CDU-Abgeordnete Lisa Maier widersprach "
            "heftig. Die Sozialdemokratin sagte, die Reform komme zu spät.")
    said = statement(text, "die Reform komme zu spät", "Die Sozialdemokratin", "sagte")
    assert names(text, said) == ["Anna Roth"]


def test_party_adjective_lets_another_office_refer_to_the_party_leader():
    text = ("Der FPÖ-Chef Michael Berger hat mit einem Posting viele Leser verärgert. In dem "
            "Eintrag solidarisierte sich der freiheitliche Klubobmann mit den streikenden Lehrern.")
    said = statement(text, "mit den streikenden Lehrern", "der freiheitliche Klubobmann",
                     "solidarisierte sich")
    assert names(text, said) == ["Michael Berger"]


def test_office_noun_of_another_party_stays_unnamed():
    text = ("Der FPÖ-Chef Michael Berger hat mit einem Posting viele Leser verärgert. Der "
            "sozialdemokratische Klubobmann sagte, das sei ein Skandal.")
    said = statement(text, "das sei ein Skandal", "Der sozialdemokratische Klubobmann", "sagte")
    assert names(text, said) != ["Michael Berger"]
