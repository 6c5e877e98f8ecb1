"""The trained engine: training on a tiny corpus of our own sentences, model IO, the shipped model.

Training here uses a handful of articles written for these tests (never dataset text) and few
iterations, so it takes a second or two.
"""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path
from typing import Any

import pycrfsuite
import pytest
from typer.testing import CliRunner

from quellenlage.attribution.rules import extract_rules
from quellenlage.attribution.trained import (
    TrainedModel,
    TrainingSettings,
    default_model_dir,
    train_model,
)
from quellenlage.attribution.trained.corpus import read_corpus
from quellenlage.attribution.trained.engine import QUOTE_TAGGING_TOKENS, tagging_parts
from quellenlage.attribution.trained.features import (
    BUCKETS,
    FAR,
    ArticleFeatures,
    WordFeatures,
    bucket,
)
from quellenlage.attribution.trained.model_file import attribute_names
from quellenlage.cli.main import app
from quellenlage.errors import DataFormatError, InputError
from quellenlage.pipeline import analyze
from quellenlage.text import Document

QUICK = TrainingSettings(quotes_iterations=40, roles_iterations=40, medium_iterations=20)


def span(text: str, piece: str, after: int = 0) -> dict[str, int]:
    start = text.index(piece, after)
    return {"charBegin": start, "charEnd": start + len(piece)}


def annotation(text: str, kind: str, medium: str, **parts: str) -> dict[str, Any]:
    """An annotation in the WikiNews format; each part is given by its text."""
    record: dict[str, Any] = {"type": kind, "medium": medium, "isNested": False}
    for role in ("quote", "speaker", "cue", "frame", "addressee"):
        piece = parts.get(role)
        record[role] = {"spans": [span(text, piece)] if piece else [], "text": piece or ""}
    return record


def indirect(speaker: str, verb: str, message: str) -> tuple[str, dict[str, Any]]:
    text = f"{speaker} {verb}, {message}. Das Wetter blieb am Abend trocken."
    frame = f"{speaker} {verb},"
    return text, annotation(text, "Indirect", "Speech", quote=message, speaker=speaker,
                            cue=verb, frame=frame)


def direct(speaker: str, verb: str, message: str) -> tuple[str, dict[str, Any]]:
    text = f"Am Montag gab es eine Sitzung. {speaker} {verb}: „{message}“"
    quote = f"„{message}“"
    return text, annotation(text, "Direct", "Speech", quote=quote, speaker=speaker, cue=verb,
                            frame=f"{speaker} {verb}:")


TINY_ARTICLES = [
    indirect("Der Bürgermeister", "sagte", "die Brücke werde im Mai eröffnet"),
    indirect("Die Ministerin", "erklärte", "der Haushalt sei ausgeglichen"),
    indirect("Ein Sprecher der Polizei", "sagte", "der Fahrer sei leicht verletzt worden"),
    indirect("Die Gewerkschaft", "betonte", "die Löhne müssten steigen"),
    indirect("Der Trainer", "sagte", "die Mannschaft habe gut gespielt"),
    indirect("Die Richterin", "erklärte", "das Verfahren werde eingestellt"),
    direct("Die Kanzlerin", "sagte", "Wir schaffen das gemeinsam."),
    direct("Der Vorsitzende", "erklärte", "Die Lage ist ernst, aber lösbar."),
    direct("Die Schulleiterin", "sagte", "Unsere Kinder verdienen bessere Räume."),
]


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "tiny.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number, (text, record) in enumerate(TINY_ARTICLES):
            line = {"documentName": f"tiny-{number}", "originalText": text,
                    "annotations": [record]}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def tiny_model(tiny_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return train_model(tiny_corpus, tmp_path_factory.mktemp("model"), QUICK)


def test_the_corpus_reader_maps_gold_parts_to_text(tiny_corpus: Path) -> None:
    articles = list(read_corpus(tiny_corpus))
    assert len(articles) == len(TINY_ARTICLES)
    first = articles[0].attributions[0]
    assert first.quote.text == "die Brücke werde im Mai eröffnet"
    assert first.speaker is not None and first.speaker.text == "Der Bürgermeister"
    assert str(first.type) == "Indirect"


def test_the_corpus_reader_rejects_lines_that_are_not_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"originalText": "Text"}\n{kaputt\n', encoding="utf-8")
    with pytest.raises(DataFormatError, match=r"broken\.jsonl:2"):
        list(read_corpus(path))


def test_training_without_any_quotation_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text('{"originalText": "Es regnet.", "annotations": []}\n', encoding="utf-8")
    with pytest.raises(InputError, match="no annotated quotations"):
        train_model(path, tmp_path / "model", QUICK)


def test_a_tiny_model_finds_what_it_was_taught(tiny_model: Path) -> None:
    model = TrainedModel.load(tiny_model)
    text = "Der Bürgermeister sagte, die Brücke werde im Mai eröffnet. Das Wetter blieb trocken."
    found = model.extract(Document(text))
    assert found, "the tiny model should find the statement it was trained on"
    statement = found[0]
    assert "Brücke werde im Mai eröffnet" in statement.quote.text
    assert statement.cue is not None and statement.cue.text == "sagte"


def test_training_is_reproducible(tiny_corpus: Path, tiny_model: Path, tmp_path: Path) -> None:
    again = train_model(tiny_corpus, tmp_path / "again", QUICK)
    for name in ("quotes.crfsuite", "roles.crfsuite", "medium.crfsuite", "model.json"):
        assert (again / name).read_bytes() == (tiny_model / name).read_bytes(), name


def test_a_model_directory_is_checked_when_loaded(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such model directory"):
        TrainedModel.load(tmp_path / "missing")
    with pytest.raises(DataFormatError, match="not a model directory"):
        TrainedModel.load(tmp_path)


def test_a_model_of_another_format_is_refused(tiny_model: Path, tmp_path: Path) -> None:
    copy = tmp_path / "old"
    copy.mkdir()
    for path in tiny_model.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    meta = json.loads((copy / "model.json").read_text(encoding="utf-8"))
    meta["format"] = 0
    (copy / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(DataFormatError, match="retrain"):
        TrainedModel.load(copy)


def test_the_shipped_model_is_small_and_loads_fast() -> None:
    directory = default_model_dir()
    size = sum(path.stat().st_size for path in directory.iterdir())
    assert size <= 30 * 1024 * 1024
    start = time.perf_counter()
    TrainedModel.load(directory)
    assert time.perf_counter() - start <= 1.0
    card = (directory / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "CC BY-NC-SA 4.0" in card
    assert (directory / "LICENSE.md").is_file()


def test_the_shipped_model_finds_speaker_cue_and_message() -> None:
    text = (
        "Die Stadt plant eine neue Brücke über den Fluss. Der Sprecher der Stadtverwaltung "
        "sagte am Dienstag, die Bauarbeiten würden im Frühjahr beginnen."
    )
    article = analyze(text, engine="trained")
    assert article.attributions
    statement = article.attributions[0]
    assert "Bauarbeiten würden im Frühjahr beginnen" in statement.quote.text
    assert statement.speaker is not None
    assert "Sprecher der Stadtverwaltung" in statement.speaker.text
    assert statement.cue is not None and statement.cue.text == "sagte"
    assert str(statement.type) == "Indirect"


def test_the_shipped_model_takes_direct_quotations() -> None:
    text = "Die Ministerin sagte: „Wir werden die Schulen nicht schließen.“"
    statement = analyze(text, engine="trained").attributions[0]
    assert str(statement.type) == "Direct"
    assert statement.quote.text.startswith("„Wir werden")
    assert statement.speaker is not None and statement.speaker.text == "Die Ministerin"


@pytest.mark.parametrize("name", ["quotes.crfsuite", "roles.crfsuite", "medium.crfsuite"])
def test_the_attribute_dictionary_is_read_from_the_model_file(name: str) -> None:
    path = default_model_dir() / name
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    assert attribute_names(path) == set(tagger.info().attributes)


def test_a_damaged_model_file_is_a_clear_error(tmp_path: Path) -> None:
    data = (default_model_dir() / "medium.crfsuite").read_bytes()
    for damaged in (b"not a model", data[:5000]):
        path = tmp_path / "damaged.crfsuite"
        path.write_bytes(damaged)
        with pytest.raises(DataFormatError, match=r"damaged\.crfsuite"):
            attribute_names(path)


def test_distance_feature_tables_agree_with_the_buckets() -> None:
    # the per-token loops index tables instead of calling bucket(); they must say the same
    for distance in range(0, 60):
        assert BUCKETS[min(distance, FAR + 1)] == bucket(distance)
    assert [bucket(d) for d in (0, 3, 4, 6, 7, 12, 13, 40)] == [
        "0", "3", "4-6", "4-6", "7-12", "7-12", "13+", "13+"
    ]


def test_features_the_models_never_learned_are_dropped_without_changing_a_tag() -> None:
    # rare words (and their neighbours' features) are unknown to the model; leaving them out
    # before tagging must give the very labels and marginals that tagging all features gives
    text = (
        "Die Quellwasserbeauftragte Zwirnbichler-Hasenöhrl sagte am Dienstag, die "
        "Trinkbrunnenverordnung werde nachgebessert. „Wir prüfen alles“, erklärte sie."
    )
    model = TrainedModel.load(default_model_dir())
    document = Document(text)
    rules = extract_rules(document)
    everything = ArticleFeatures(document, WordFeatures(model.words.vocabulary), rules)
    known = ArticleFeatures(document, model.words, rules)
    full_items, kept_items = everything.quote_items(), known.quote_items()
    assert sum(map(len, kept_items)) < sum(map(len, full_items))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(default_model_dir() / "quotes.crfsuite"))
    labels = tagger.tag(full_items)
    marginals = [tagger.marginal(label, i) for i, label in enumerate(labels)]
    assert tagger.tag(kept_items) == labels
    assert [tagger.marginal(label, i) for i, label in enumerate(labels)] == marginals


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "„", "“ sagte er „", "sagte, sagte, sagte", "\u00a0\u202f\t", "a" * 5000],
)
def test_odd_input_gives_no_error(text: str) -> None:
    article = analyze(text, engine="trained")
    for statement in article.attributions:
        for start, end in statement.quote.spans:
            assert 0 <= start < end <= len(text)


def test_a_model_directory_is_only_for_the_trained_engine(tiny_model: Path) -> None:
    with pytest.raises(InputError, match="trained engine"):
        analyze("Er sagte, es regne.", engine="rules", model_dir=tiny_model)


def test_train_and_extract_commands(tiny_corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "cli-model"
    result = runner.invoke(app, ["train", str(tiny_corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "quotes.crfsuite").is_file()
    text_file = tmp_path / "artikel.txt"
    text_file.write_text("Die Richterin erklärte, das Verfahren werde eingestellt.\n",
                         encoding="utf-8")
    result = runner.invoke(app, ["extract", str(text_file), "--model", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["text"].startswith("Die Richterin")


def test_train_command_reports_a_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", str(tmp_path / "none.jsonl"), "--out",
                                      str(tmp_path / "m")])
    assert result.exit_code == 2


def test_the_corpus_reader_takes_extract_output(tmp_path: Path) -> None:
    text = "Die Ministerin sagte, der Haushalt sei ausgeglichen."
    article = analyze(text, engine="trained")
    path = tmp_path / "corrected.jsonl"
    path.write_text(article.to_json(indent=None) + "\n", encoding="utf-8")
    (read,) = list(read_corpus(path))
    assert read.text == text
    assert [a.quote.spans for a in read.attributions] == [
        a.quote.spans for a in article.attributions
    ]


def test_a_long_text_is_tagged_in_parts_of_whole_paragraphs() -> None:
    paragraph = ("Die Bürgermeisterin Lena Fuchs sagte, der Haushalt von Kleinwerden sei "
                 "ausgeglichen. „Wir sparen weiter“, erklärte sie am Montag.\n\n")
    assert tagging_parts(Document(paragraph)) == [range(0, 2)]
    document = Document(paragraph * (2 * QUOTE_TAGGING_TOKENS // 20))
    parts = tagging_parts(document)
    sentences = document.sentences
    assert len(parts) > 1
    assert parts[0].start == 0 and parts[-1].stop == len(sentences)
    for part, following in itertools.pairwise(parts):
        assert part.stop == following.start
        assert sentences[part.stop].paragraph != sentences[part.stop - 1].paragraph
        assert sentences[part.stop].first - sentences[part.start].first >= QUOTE_TAGGING_TOKENS
    # a part's features are those the tokens have in the whole text
    features = ArticleFeatures(document, TrainedModel.load(default_model_dir()).words,
                               extract_rules(document))
    assert [item for part in parts for item in features.quote_items(part)] == (
        features.quote_items())


def test_a_paragraph_longer_than_two_parts_is_cut_between_sentences() -> None:
    sentence = "Der Sprecher der Stadtwerke sagte, die Leitungen würden erneuert. "
    document = Document(sentence * (3 * QUOTE_TAGGING_TOKENS // 10))
    parts = tagging_parts(document)
    assert len(parts) > 1
    for part in parts[:-1]:
        tokens = document.sentences[part.stop].first - document.sentences[part.start].first
        assert 2 * QUOTE_TAGGING_TOKENS <= tokens < 2 * QUOTE_TAGGING_TOKENS + 20
