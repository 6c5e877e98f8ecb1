"""The JSON output: its fields, their meaning, and a lossless round trip through the model."""

from __future__ import annotations

import json

from quellenlage import Article, Part, analyze
from quellenlage.model import spans_without

TEXT = ("„Wir kommen wieder“, sagte der Trainer. Laut Verein ist das Stadion ausverkauft. "
        "Die Polizei teilte mit, es habe keine Zwischenfälle gegeben.")
ROLE_KEYS = {"speaker", "cue", "frame", "addressee"}
TYPES = {"Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported"}
MEDIA = {"Speech", "Writing", "Thought", "SW", "ST", "TW", "none"}


def assert_part(part: dict, text: str) -> None:
    assert set(part) == {"text", "spans"}
    assert part["spans"], "a part has at least one span"
    pieces = []
    for start, end in part["spans"]:
        assert 0 <= start < end <= len(text)
        pieces.append(text[start:end])
    assert part["text"] == " ".join(pieces)


def test_json_has_the_documented_fields() -> None:
    data = json.loads(analyze(TEXT).to_json())
    assert data["text"] == TEXT
    assert len(data["attributions"]) == 3
    for item in data["attributions"]:
        assert {"type", "medium", "quote", *ROLE_KEYS} <= set(item)
        assert item["type"] in TYPES
        assert item["medium"] in MEDIA
        assert_part(item["quote"], TEXT)
        for role in ROLE_KEYS:
            if item[role] is not None:
                assert_part(item[role], TEXT)


def test_round_trip_through_the_model() -> None:
    article = analyze(TEXT)
    again = Article.from_dict(json.loads(article.to_json()))
    assert again.to_dict() == article.to_dict()


def test_parts_merge_touching_spans_and_trim_whitespace() -> None:
    text = "eins zwei drei"
    part = Part.from_spans(text, [(5, 10), (0, 5)])
    assert part is not None
    assert part.spans == ((0, 9),)
    assert part.text == "eins zwei"
    assert Part.from_spans(text, [(4, 5)]) is None


def test_spans_without_cut_holes_out_of_each_span() -> None:
    text = "Der Zug hat laut Bahn Verspätung"
    hole = (text.index("laut"), text.index(" Verspätung"))
    kept = spans_without([(0, len(text))], [hole])
    assert [text[start:end].strip() for start, end in kept] == ["Der Zug hat", "Verspätung"]
    assert spans_without([(0, 5), (10, 20)], [(3, 12), (18, 30)]) == ((0, 3), (12, 18))
    assert spans_without([(0, 5)], []) == ((0, 5),)
    assert spans_without([(0, 5)], [(0, 5)]) == ()


def test_each_source_lists_its_mentions_once_per_article() -> None:
    text = ("Die Ministerin Eva Lind sagte, der Plan sei fertig. Sie sagte auch, er koste wenig. "
            "Lind betonte, man werde ihn bald vorlegen.")
    data = json.loads(analyze(text).to_json())
    sources = data["sources"]
    assert [s["id"] for s in sources] == list(range(len(sources)))
    linked = [a["source"] for a in data["attributions"] if a["source"]]
    assert len(linked) >= 2
    for reference in linked:
        assert "mentions" not in reference
        full = sources[reference["id"]]
        assert full["name"] == reference["name"] == "Eva Lind"
        assert len(full["mentions"]) >= 2


def test_output_grows_linearly_with_repeated_statements() -> None:
    paragraph = "Die Ministerin Eva Lind sagte, der Plan sei fertig. Sie sagte, er koste wenig. "
    small = len(analyze(paragraph * 20).to_json(indent=None))
    large = len(analyze(paragraph * 80).to_json(indent=None))
    assert large < 4.5 * small
