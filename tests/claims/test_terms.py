"""The content terms that claims are matched on."""

from __future__ import annotations

from quellenlage.claims import claim_terms
from quellenlage.claims.profile import Profile, similarity
from quellenlage.claims.terms import claim_terms_and_names, message_without, number_word_value


def test_a_nationality_adjective_and_a_capital_are_their_state() -> None:
    adjective = claim_terms("Nordkoreanische Soldaten kämpfen für Russland")
    capital = claim_terms("Soldaten aus Nordkorea seien in Moskau eingetroffen")
    assert {"nordkorea", "russland", "soldat"} <= adjective
    assert {"nordkorea", "russland", "soldat"} <= capital


def test_stance_words_and_response_nouns_are_no_content() -> None:
    denial = claim_terms("Berichte über Soldaten aus Nordkorea könne man nicht bestätigen")
    assert denial == {"soldat", "nordkorea"}
    assert claim_terms("Das sei frei erfunden, angeblich, bestreitet") == {"frei", "erfund"}


def test_numbers_stay_whole() -> None:
    assert {"10000", "2d5"} <= claim_terms("Rund 10.000 Menschen, also 2,5 Prozent der Stadt")


def test_overlong_words_are_no_terms() -> None:
    terms = claim_terms("Der Code " + "x" * 150 + " wurde veröffentlicht")
    assert terms == {"cod", "veroffentlicht"}


def test_a_known_person_is_one_term() -> None:
    terms = claim_terms("Olaf Scholz habe den Finanzminister entlassen")
    assert "olafscholz" in terms
    assert "olaf" not in terms


def test_a_derived_word_matches_at_a_discount() -> None:
    profile = Profile()
    profile.add(claim_terms("Die Stadt will das Hallenbad schließen"))

    def weight(_term: str) -> float:
        return 1.0

    exact = similarity(claim_terms("Die Stadt will das Hallenbad schließen"), profile, weight)
    derived = similarity(claim_terms("Die Schließung des Hallenbads der Stadt"), profile, weight)
    assert exact.similarity > derived.similarity > 0.5
    assert derived.shared == 3


def test_a_figure_is_one_term_however_it_is_written() -> None:
    written = ["12.000 Helfer", "12 000 Helfer", "12\u202f000 Helfer", "zwölftausend Helfer"]
    assert {claim_terms(text) for text in written} == {frozenset({"12000", "helf"})}
    assert claim_terms("1,5 Millionen Besucher") == claim_terms("1.500.000 Besucher")
    assert "2000000" in claim_terms("zwei Millionen Euro")
    assert number_word_value("dreihunderteinundzwanzig") == 321
    assert number_word_value("zweitausendvierundzwanzig") == 2024
    # vague or no figure: "mehrere hundert", "Tausende", articles and "acht" stay words
    assert {number_word_value(w) for w in ("hundert", "Tausende", "ein", "acht")} == {None}
    assert "2023" in claim_terms("Im Jahr 2023 100 Tage")  # a year before a figure is no thousand


def test_nationality_nouns_are_their_state() -> None:
    assert claim_terms("Iraner") == claim_terms("Iran") == claim_terms("iranische")
    assert claim_terms("zwei Ukrainerinnen") - {"zwei"} == claim_terms("Ukraine")
    assert claim_terms("Israelis") == claim_terms("Israel")
    assert claim_terms("Russen") == claim_terms("Moskau")
    assert claim_terms("George") != claim_terms("Georgien")  # a first name stays a name


def test_a_nationality_adjective_before_a_noun_is_no_name_of_two_words() -> None:
    terms, names = claim_terms_and_names("Die Behörde zählte 300 nordkoreanische Soldaten")
    assert {"nordkorea", "soldat"} <= terms
    assert names == ()
    _, names = claim_terms_and_names("Verteidigungsminister Boris Kellermann sagte das")
    assert names  # a real run of capitalised words stays one name


def test_a_message_without_the_speaker_and_cue_inside_it() -> None:
    text = "Der Zug hat laut Bahn am Morgen Verspätung gehabt"
    cue, speaker = (12, 16), (17, 21)
    assert text[cue[0]:cue[1]] == "laut" and text[speaker[0]:speaker[1]] == "Bahn"
    expected = "Der Zug hat am Morgen Verspätung gehabt"
    assert message_without(text, [(0, len(text))], [cue, speaker]) == expected
    # a message of two spans, stored joined by one space
    joined = "Der Zug hat am Morgen Verspätung gehabt"
    assert message_without(joined, [(0, 11), (22, 49)], [(12, 21)]) == expected
    # a speaker outside the message changes nothing
    assert message_without(joined, [(0, 11), (22, 49)], [(50, 60)]) == joined
