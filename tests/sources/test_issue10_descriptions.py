"""Definite descriptions, spokespeople of a body named before and reports as sources on real
news from many outlets (issue #10). Sentences written for these tests; names are invented."""

from tests.sources.helpers import names, statement


def test_die_zeitung_refers_back_to_a_paper_named_with_blatt():
    text = ("Der Konzernchef soll den Abbau von Stellen angekündigt haben, berichtet das "
            "„Morgenblatt“. Weiter berichtete die Zeitung, dass der Vorstand gespalten sei.")
    assert names(
        text,
        statement(text, "den Abbau von Stellen angekündigt haben", "das „Morgenblatt“",
                  "berichtet"),
        statement(text, "dass der Vorstand gespalten sei", "die Zeitung", "berichtete"),
    ) == ["Morgenblatt", "Morgenblatt"]


def test_das_blatt_refers_back_to_the_zeitung_named_before_not_to_a_paper_in_the_quote():
    text = ("Die österreichische Zeitung „Der Abendbote“ berichtet, dass der Investor gute "
            "Kontakte habe. „Sein Anteil am ‚Tagblatt‘ schadet ihm nicht“, schreibt das Blatt.")
    assert names(
        text,
        statement(text, "dass der Investor gute Kontakte habe",
                  "Die österreichische Zeitung „Der Abendbote“", "berichtet"),
        statement(text, "Sein Anteil am ‚Tagblatt‘ schadet ihm nicht", "das Blatt",
                  "schreibt"),
    )[1] == "Der Abendbote"
