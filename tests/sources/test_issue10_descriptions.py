"""Definite descriptions, spokespeople of a body named before and reports as sources on real
news from many outlets (issue #10). Sentences written for these tests; names are invented."""

from tests.sources.helpers import names, sources, statement


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


def test_a_spokesman_of_the_gremium_speaks_for_the_council_named_before():
    text = ("Auch der Betriebsrat lehnte den Plan ab. „Das ist absurd“, sagte ein Sprecher des "
            "Gremiums.")
    assert names(text, statement(text, "Das ist absurd", "ein Sprecher des Gremiums",
                                 "sagte")) == ["Sprecher des Betriebsrats"]


def test_a_spokeswoman_of_the_company_is_named_with_the_company_named_before():
    text = ("Die Firma Nordtek bestreitet alles. „Wir haben nichts geliefert“, sagte eine "
            "Sprecherin des Unternehmens.")
    assert names(text, statement(text, "Wir haben nichts geliefert",
                                 "eine Sprecherin des Unternehmens", "sagte")) == [
        "Sprecherin der Firma Nordtek"]


def test_a_body_named_only_inside_the_quoted_words_is_not_the_one_described():
    text = ("Der Betriebsrat wies die Zahl zurück. „Das wäre bei der Nordtek AG jede vierte "
            "Stelle“, sagte ein Sprecher des Gremiums.")
    assert names(text, statement(text, "Das wäre bei der Nordtek AG jede vierte Stelle",
                                 "ein Sprecher des Gremiums", "sagte")) == [
        "Sprecher des Betriebsrats"]


def test_the_spokesman_of_the_ministry_keeps_its_own_noun():
    text = ("Das Verteidigungsministerium prüft den Fall. „Wir prüfen alles“, sagte ein Sprecher "
            "des Ministeriums.")
    assert names(text, statement(text, "Wir prüfen alles", "ein Sprecher des Ministeriums",
                                 "sagte")) == ["Sprecher des Ministeriums"]


def test_a_group_named_by_a_plural_role_keeps_its_plural_adjectives():
    text = ("Die Armee soll die Geräte manipuliert haben. Das berichten französische "
            "Regierungsvertreter.")
    source = sources(text, statement(text, "Die Armee soll die Geräte manipuliert haben",
                                     "französische Regierungsvertreter", "berichten"))[0]
    assert (source.name, source.kind) == ("französische Regierungsvertreter", "collective")


def test_a_report_of_a_title_in_quotation_marks_is_the_publication_s():
    text = ("Die Firma hatte einen Bericht der „Abendpost“ dementiert, wonach die Geräte bei "
            "ihr bestellt worden seien.")
    source = sources(text, statement(text, "die Geräte bei ihr bestellt worden seien",
                                     "Bericht der „Abendpost“", "wonach"))[0]
    assert (source.name, source.kind) == ("Abendpost", "media")


def test_demnach_after_a_colon_points_to_the_source_before_the_colon():
    text = ("Die Zeitung „Abendpost“ meldete, der Minister trete zurück. Die Polizei legte am "
            "Abend Zahlen vor: Demnach wurden drei Menschen verletzt.")
    assert names(
        text,
        statement(text, "der Minister trete zurück", "Die Zeitung „Abendpost“", "meldete"),
        statement(text, "wurden drei Menschen verletzt", "Demnach", "Demnach"),
    ) == ["Abendpost", "Polizei"]
