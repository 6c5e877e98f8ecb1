"""The text layer: tokens and sentences with offsets into the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quellenlage.text import Document, tokenize


def sentence_texts(text: str) -> list[str]:
    document = Document(text)
    return [text[s.start : s.end] for s in document.sentences]


def test_offsets_point_into_the_original_text() -> None:
    text = "Dr. Müller sagte: „Wir zahlen 10 000 Euro.“"
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_quotation_marks_are_tokens_of_their_own() -> None:
    words = [t.text for t in tokenize("„Ja“, »nein« und ‚vielleicht‘ sagte er \"dazu\".")]
    for mark in ["„", "“", "»", "«", "‚", "‘", '"']:
        assert mark in words


def test_abbreviations_numbers_and_compounds_stay_whole() -> None:
    words = [t.text for t in tokenize("Dr. Schmidt zahlte z. B. 10 000 Euro, d.h. 1.000,50 "
                                      "pro Nato-Mitglied, Ein- und Ausfuhr, 3 Mio. Dollar.")]
    for word in ["Dr.", "z.", "B.", "10 000", "1.000,50", "Nato-Mitglied", "Ein-", "Mio."]:
        assert word in words


def test_abbreviations_and_ordinals_do_not_end_sentences() -> None:
    text = "Prof. Dr. Weber kam am 3. Okt. nach Berlin. Er blieb bis zum 5. Oktober."
    assert sentence_texts(text) == ["Prof. Dr. Weber kam am 3. Okt. nach Berlin.",
                                    "Er blieb bis zum 5. Oktober."]


def test_a_noun_that_abbreviates_only_before_a_number_ends_a_sentence_otherwise() -> None:
    doc = Document("Der Verband warnte vor dem Aussterben der Art. Die Zählung beginnt im Mai.")
    assert len(doc.sentences) == 2
    assert len(Document("Nach Art. 7 der Satzung ist das erlaubt.").sentences) == 1


def test_an_initial_before_a_name_stays_in_its_sentence() -> None:
    text = "Der Vorsitzende Paul W. Brenner und Anna K. Lorenz sprachen in Frankfurt a. M. vor."
    assert sentence_texts(text) == [text]


def test_a_capital_letter_before_a_function_word_ends_the_sentence() -> None:
    text = ("Das schrieb die Sprecherin Jana Wolf auf der Plattform Y. Die Vorwürfe seien haltlos. "
            "Die Mannschaft steht nun in Gruppe B. Sie spielt am Montag gegen Gruppe C. "
            "In der Gruppe C. Meier ist Torwart.")
    assert sentence_texts(text) == [
        "Das schrieb die Sprecherin Jana Wolf auf der Plattform Y.",
        "Die Vorwürfe seien haltlos.",
        "Die Mannschaft steht nun in Gruppe B.",
        "Sie spielt am Montag gegen Gruppe C.",
        "In der Gruppe C. Meier ist Torwart.",
    ]


def test_a_heading_that_lost_its_stop_ends_before_a_capitalised_pronoun() -> None:
    text = "Die Stadt baut. Bürgermeister weist Kritik zurück Es sei alles genehmigt, sagte er."
    assert sentence_texts(text) == ["Die Stadt baut.", "Bürgermeister weist Kritik zurück",
                                    "Es sei alles genehmigt, sagte er."]
    # after a name or a capitalised noun the pronoun may be a title's first word
    assert len(sentence_texts("Er las Kafkas Es war einmal im Zug.")) == 1


def test_a_pronoun_after_an_article_is_a_noun_not_a_new_sentence() -> None:
    assert len(sentence_texts("Der Philosoph sprach über das Ich und die Welt.")) == 1
    assert len(sentence_texts("Die Partei beschwor ihr Wir in der Krise.")) == 1


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "Er sagte: „Wir kommen.“ Dann ging er."
    assert sentence_texts(text) == ["Er sagte: „Wir kommen.“", "Dann ging er."]


def test_a_straight_quote_after_a_space_opens_the_next_sentence() -> None:
    text = ('Der Rat wies das zurück. "Das ist absurd", sagte er. Sie sagte: "Wir gehen." '
            "Dann ging sie.")
    assert sentence_texts(text) == ["Der Rat wies das zurück.", '"Das ist absurd", sagte er.',
                                    'Sie sagte: "Wir gehen."', "Dann ging sie."]


def test_headlines_and_paragraphs() -> None:
    document = Document("Streit um Haushalt\nDie Koalition ringt um Geld.\n\nNeuer Absatz hier.")
    assert [document.text[s.start : s.end] for s in document.sentences] == [
        "Streit um Haushalt", "Die Koalition ringt um Geld.", "Neuer Absatz hier."]
    assert [s.paragraph for s in document.sentences] == [0, 0, 1]


def test_token_span_and_char_span_convert_offsets() -> None:
    document = Document("Die Ministerin sagte am Montag, es sei spät.")
    start = document.text.index("Ministerin")
    first, last = document.token_span(start, start + len("Ministerin sagte"))
    assert [t.text for t in document.tokens[first:last]] == ["Ministerin", "sagte"]
    assert document.char_span(first, last) == (start, start + len("Ministerin sagte"))
    count = len(document.tokens)
    assert document.token_span(len(document.text), len(document.text)) == (count, count)


def test_lowercase_after_full_stop_continues_the_sentence() -> None:
    assert len(sentence_texts("Das kostet ca. fünf Euro und mehr.")) == 1


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_gives_consistent_offsets(text: str) -> None:
    document = Document(text)
    previous_end = 0
    for token in document.tokens:
        assert text[token.start : token.end] == token.text
        assert token.start >= previous_end
        previous_end = token.end
    for sentence in document.sentences:
        assert sentence.first < sentence.last
