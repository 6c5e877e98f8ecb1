"""The morphology layer: part of speech, case, mood and noun-phrase chunks on sentences we wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from quellenlage.resources import data_path
from quellenlage.text import Document
from quellenlage.text.morphology import Chunk, Morphology
from quellenlage.text.tagger import MODEL_DIR, MODEL_FILE, VOCABULARY_FILE, Tag, Tagger
from quellenlage.text.tagger_training import check_sentences

NEWS_SENTENCES = Path(__file__).parent / "news_sentences.jsonl"


def words_of(document: Document, chunk: Chunk | None) -> str | None:
    if chunk is None:
        return None
    return document.text[document.tokens[chunk.start].start : document.tokens[chunk.end - 1].end]


def chunk_texts(text: str) -> list[tuple[str, str | None]]:
    document = Document(text)
    morphology = document.morphology
    return [(words_of(document, c), c.case) for s in document.sentences
            for c in morphology.chunks(s.index)]


def index_of(document: Document, word: str, occurrence: int = 0) -> int:
    return [t.index for t in document.tokens if t.text == word][occurrence]


# --- the model file ------------------------------------------------------------------------------


def test_model_is_a_crfsuite_file_with_json_beside_it_and_no_pickle() -> None:
    folder = data_path(*MODEL_DIR)
    assert (folder / MODEL_FILE).read_bytes()[:4] == b"lCRF"
    assert (folder / VOCABULARY_FILE).read_text(encoding="utf-8").startswith("{")
    for path in folder.iterdir():
        assert not path.read_bytes().startswith(b"\x80"), f"{path.name} looks like a pickle"
    assert "CC BY-NC-SA 4.0" in (folder / "LICENSE.md").read_text(encoding="utf-8")
    assert (folder / "MODEL_CARD.md").is_file()


def test_model_loads_and_tags_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the tagger must not reach the network")

    monkeypatch.setattr(socket, "socket", no_network)
    tags = Tagger(data_path(*MODEL_DIR)).tag(["Der", "Minister", "sagte", "das", "."])
    assert tags[1] == Tag("NOUN", "Nom")


# --- case ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "subject", "dative"), [
    ("Der Sprecher des Ministeriums sagte der Zeitung, die Lage sei ernst.",
     "Der Sprecher des Ministeriums", "der Zeitung"),
    ("Die Bürgermeisterin von Talheim teilte dem Sender mit, die Straße bleibe gesperrt.",
     "Die Bürgermeisterin von Talheim", "dem Sender"),
    ("Der Veranstalter versicherte den Besuchern, das Konzert finde statt.",
     "Der Veranstalter", "den Besuchern"),
])
def test_subject_and_dative_addressee(text: str, subject: str, dative: str) -> None:
    chunks = chunk_texts(text)
    assert (subject, "Nom") in chunks
    assert (dative, "Dat") in chunks


def test_the_same_article_in_nominative_and_dative() -> None:
    nominative = Document("Danach sagte der Trainer, das Spiel sei verloren.")
    dative = Document("Danach sagte der Mannschaft, das Spiel sei verloren, niemand.")
    assert nominative.morphology.case(index_of(nominative, "der")) == "Nom"
    assert dative.morphology.case(index_of(dative, "Mannschaft")) == "Dat"


def test_genitive_and_accusative() -> None:
    document = Document("Die Kommission lobte den Plan der Regierung.")
    morphology = document.morphology
    assert morphology.case(index_of(document, "Plan")) == "Acc"
    assert morphology.case(index_of(document, "Regierung")) == "Gen"


# --- mood ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "verb", "mood"), [
    ("Der Kapitän sagte, das Schiff sei sicher.", "sei", "Subj1"),
    ("Die Firma erklärte, sie habe keine Kenntnis davon.", "habe", "Subj1"),
    ("Ich habe keine Kenntnis davon.", "habe", "Ind"),
    ("Die Händlerin sagte, die Ware komme erst im Mai.", "komme", "Subj1"),
    ("Ich komme erst im Mai.", "komme", "Ind"),
    ("Ohne Hilfe wäre das Dorf verloren gewesen.", "wäre", "Subj2"),
    ("Das Dorf ist verloren.", "ist", "Ind"),
    ("Die Partei würde einer Koalition zustimmen, sagte der Vorsitzende.", "würde", "Subj2"),
])
def test_mood_of_finite_verbs(text: str, verb: str, mood: str) -> None:
    document = Document(text)
    index = index_of(document, verb)
    assert document.morphology.mood(index) == mood
    assert document.morphology.is_subjunctive(index) == (mood != "Ind")


def test_words_that_are_not_finite_verbs_have_no_mood() -> None:
    document = Document("Die alte Brücke wird morgen gesperrt.")
    morphology = document.morphology
    assert morphology.mood(index_of(document, "alte")) is None
    assert morphology.mood(index_of(document, "gesperrt")) is None
    assert morphology.is_finite_verb(index_of(document, "wird"))


def test_subjunctive_in_a_span() -> None:
    document = Document("Die Ärztin sagte, der Patient sei stabil und könne bald gehen.")
    found = document.morphology.subjunctive_in(0, len(document.tokens))
    assert [document.tokens[i].text for i in found] == ["sei", "könne"]


# --- chunks --------------------------------------------------------------------------------------


def test_chunk_keeps_genitive_attribute_and_parenthesis() -> None:
    assert chunk_texts("Ein Sprecher des Verbands der Landwirte (DBV) widersprach.") == [
        ("Ein Sprecher des Verbands der Landwirte (DBV)", "Nom")]


def test_apposition_is_a_chunk_of_its_own_and_joins_on_request() -> None:
    document = Document("Der Chef der Feuerwehr, Markus Lenz, lobte den Einsatz.")
    morphology = document.morphology
    chunks = morphology.chunks(0)
    assert [(words_of(document, c), c.case) for c in chunks] == [
        ("Der Chef der Feuerwehr", "Nom"), ("Markus Lenz", "Nom"), ("den Einsatz", "Acc")]
    assert words_of(document, morphology.phrase_with_appositions(chunks[0])) == (
        "Der Chef der Feuerwehr, Markus Lenz")


def test_nouns_in_different_cases_part() -> None:
    document = Document("Gestern sagte der Sprecher der Feuerwehr Markus Lenz, es brenne.")
    texts = [words_of(document, c) for c in document.morphology.chunks(0)]
    assert "der Sprecher der Feuerwehr" in texts
    assert "Markus Lenz" in texts


def test_quoted_name_after_an_article() -> None:
    assert chunk_texts("Das sagte die Ministerin dem „Abendblatt“.") == [
        ("Das", "Nom"), ("die Ministerin", "Nom"), ("dem „Abendblatt“", "Dat")]


def test_nominative_phrase_in_a_span_that_ran_on() -> None:
    document = Document("Eine Sprecherin des Konzerns sagte der Zeitung am Montag, man prüfe das.")
    morphology = document.morphology
    cue = index_of(document, "sagte")
    assert words_of(document, morphology.nominative_phrase_in(0, cue)) == (
        "Eine Sprecherin des Konzerns")
    # the span "sagte der Zeitung am Montag" holds no nominative phrase
    comma = index_of(document, ",")
    assert morphology.nominative_phrase_in(cue, comma) is None


def test_pronouns_are_chunks() -> None:
    assert ("Sie", "Nom") in chunk_texts("Sie sagte ihm, man werde sehen.")


# --- laziness ------------------------------------------------------------------------------------


class CountingTagger:
    """A stand-in tagger that counts the sentences it tags."""

    def __init__(self) -> None:
        self.sentences: list[list[str]] = []
        self.real = Tagger(data_path(*MODEL_DIR))
        self.features = self.real.features

    def tag(self, words: list[str]) -> list[Tag]:
        self.sentences.append(words)
        return self.real.tag(words)


def test_a_document_is_tagged_only_where_asked_and_only_once() -> None:
    document = Document("Erster Satz hier. Die Ministerin sagte, es sei spät. Dritter Satz.")
    counting = CountingTagger()
    morphology = Morphology(document, counting)  # type: ignore[arg-type]
    assert counting.sentences == []
    verb = index_of(document, "sei")
    assert morphology.is_subjunctive(verb)
    morphology.chunks(1)
    morphology.case(index_of(document, "Ministerin"))
    assert counting.sentences == [[t.text for t in document.sentence_tokens(document.sentences[1])]]


def test_morphology_is_made_once_per_document() -> None:
    document = Document("Der Rat tagte.")
    assert document.morphology is document.morphology


# --- modern news sentences -----------------------------------------------------------------------


def test_accuracy_on_handwritten_news_sentences() -> None:
    """~30 news sentences we wrote, with the case of subject and addressee phrases and the mood
    of finite verbs labelled by hand (floors a little below the shipped model's figures)."""
    result = check_sentences(NEWS_SENTENCES.read_text(encoding="utf-8").splitlines())
    print(result.summary())
    assert result.phrases >= 90 and result.verbs >= 50
    assert result.head_case_right >= 0.9 * result.phrases, result.errors
    assert result.mood_right >= 0.95 * result.verbs, result.errors
