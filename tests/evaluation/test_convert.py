"""Writing our Article in the published format, on the gold document's tokens."""

from __future__ import annotations

from pathlib import Path

from quellenlage.evaluation.convert import article_to_prediction
from quellenlage.evaluation.dataset import QuoteDocument, parse_document, read_gold
from quellenlage.evaluation.scoring import score
from quellenlage.model import Article, Attribution, Medium, Part, QuoteType
from tests.evaluation.minidocs import MINISTER_TEXT, minister_document


def span_of(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def minister_article() -> Article:
    text = MINISTER_TEXT
    quote = Part.from_spans(text, [span_of(text, "Wir bauen"), span_of(text, "Brücken.")])
    assert quote is not None
    attribution = Attribution(
        type=QuoteType.DIRECT,
        medium=Medium.SPEECH,
        quote=quote,
        speaker=Part.from_spans(text, [span_of(text, "Die Ministerin")]),
        cue=Part.from_spans(text, [span_of(text, "sagte")]),
    )
    return Article(text=text, attributions=[attribution])


def test_parts_carry_char_offsets_token_spans_and_ids() -> None:
    gold = parse_document(minister_document())
    record = article_to_prediction(gold, minister_article())
    assert record["documentName"] == "minister"
    [annotation] = record["annotations"]
    assert annotation["type"] == "Direct" and annotation["medium"] == "Speech"
    assert annotation["id"] == 0
    quote = annotation["quote"]
    # "Wir bauen" is tokens 7-8, "Brücken." tokens 10-11 of the gold tokenisation.
    assert [(s["begin"], s["end"]) for s in quote["spans"]] == [(7, 9), (10, 12)]
    assert quote["tokenIds"] == [7, 8, 10, 11]
    assert quote["spans"][0]["charBegin"] == MINISTER_TEXT.index("Wir")
    assert quote["text"] == "Wir bauen Brücken."
    assert annotation["speaker"]["tokenIds"] == [0, 1]
    assert annotation["frame"] == {"spans": [], "tokenIds": [], "text": ""}
    assert annotation["addressee"] == {"spans": [], "tokenIds": [], "text": ""}


def test_span_inside_a_word_takes_the_whole_gold_token() -> None:
    gold = parse_document(minister_document())
    text = MINISTER_TEXT
    quote = Part.from_spans(text, [span_of(text, "ürgermeister erkl")])
    assert quote is not None
    article = Article(text, [Attribution(QuoteType.REPORTED, Medium.NONE, quote)])
    [annotation] = article_to_prediction(gold, article)["annotations"]
    assert annotation["quote"]["tokenIds"] == [14, 15]
    assert annotation["quote"]["spans"][0]["begin"] == 14


def test_article_without_attributions_gives_an_empty_list() -> None:
    gold = parse_document(minister_document())
    record = article_to_prediction(gold, Article(MINISTER_TEXT))
    assert record == {"documentName": "minister", "annotations": []}


def article_from_gold(document: QuoteDocument) -> Article:
    """An Article holding the gold quotations, as the pipeline would return them."""
    attributions = []
    for quotation in document.quotations:
        parts = {}
        for name in ("quote", "speaker", "cue", "frame", "addressee"):
            spans = quotation.part(name).char_spans or ()
            parts[name] = Part.from_spans(document.text, [(s.begin, s.end) for s in spans])
        if parts["quote"] is None:
            continue
        attributions.append(
            Attribution(
                type=QuoteType(quotation.type),
                medium=Medium(quotation.medium),
                **parts,  # type: ignore[arg-type]
            )
        )
    return Article(document.text, attributions)


def test_gold_through_the_model_and_back_scores_perfectly(wikinews_dev: Path) -> None:
    documents = read_gold(wikinews_dev)[:25]
    predictions = {}
    for document in documents:
        record = article_to_prediction(document, article_from_gold(document))
        predictions[document.name] = parse_document(record, gold=False)
    report = score(documents, predictions)
    assert report.joint.f1 == 1.0
    assert report.type.f1 == 1.0
