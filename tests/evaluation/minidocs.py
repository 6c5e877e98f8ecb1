"""Small invented documents in the published WikiNews format, for hand-computed metric tests.

Parts are given as text: a string (its first occurrence in the document), a list of strings for a
discontinuous part, or (string, n) for the n-th occurrence. Tokens are words and punctuation marks.
"""

from __future__ import annotations

import re
from typing import Any

PartSpec = str | tuple[str, int] | list[str | tuple[str, int]] | None

_TOKEN = re.compile(r"\w+|[^\w\s]")

MINISTER_TEXT = (
    "Die Ministerin sagte am Montag: „Wir bauen neue Brücken.“ "
    "Der Bürgermeister erklärte, die Stadt habe kein Geld."
)


def tokens_of(text: str) -> list[dict[str, Any]]:
    return [
        {"id": i, "charBegin": m.start(), "charEnd": m.end(), "text": m.group(), "sentence": 1}
        for i, m in enumerate(_TOKEN.finditer(text))
    ]


def _locate(text: str, spec: str | tuple[str, int]) -> tuple[int, int]:
    needle, occurrence = (spec, 1) if isinstance(spec, str) else spec
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def part(text: str, spec: PartSpec) -> dict[str, Any]:
    """A part record with char spans, token spans and token ids on `text`'s tokens."""
    if spec is None:
        return {"spans": [], "tokenIds": [], "text": ""}
    specs = spec if isinstance(spec, list) else [spec]
    tokens = tokens_of(text)
    spans, ids, texts = [], [], []
    for item in specs:
        begin, end = _locate(text, item)
        covered = [t["id"] for t in tokens if t["charBegin"] < end and begin < t["charEnd"]]
        spans.append(
            {"charBegin": begin, "charEnd": end, "begin": covered[0], "end": covered[-1] + 1}
        )
        ids += covered
        texts.append(text[begin:end])
    return {"spans": spans, "tokenIds": ids, "text": " ".join(texts)}


def quotation(
    text: str,
    quote: PartSpec,
    *,
    speaker: PartSpec = None,
    cue: PartSpec = None,
    frame: PartSpec = None,
    addressee: PartSpec = None,
    type: str = "Direct",
    medium: str = "Speech",
) -> dict[str, Any]:
    return {
        "quote": part(text, quote),
        "speaker": part(text, speaker),
        "cue": part(text, cue),
        "frame": part(text, frame),
        "addressee": part(text, addressee),
        "type": type,
        "medium": medium,
    }


def document(name: str, text: str, annotations: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "documentName": name,
        "originalText": text,
        "sentences": [],
        "tokens": tokens_of(text),
        "annotations": annotations,
    }


def minister_quote(**changes: Any) -> dict[str, Any]:
    """The direct quote of the minister document; keyword arguments replace parts."""
    parts: dict[str, Any] = {
        "quote": "Wir bauen neue Brücken.",
        "speaker": "Die Ministerin",
        "cue": "sagte",
        "type": "Direct",
    }
    parts.update(changes)
    quote = parts.pop("quote")
    return quotation(MINISTER_TEXT, quote, **parts)


def mayor_quote(**changes: Any) -> dict[str, Any]:
    """The indirect quote of the minister document; keyword arguments replace parts."""
    parts: dict[str, Any] = {
        "quote": "die Stadt habe kein Geld",
        "speaker": "Der Bürgermeister",
        "cue": "erklärte",
        "type": "Indirect",
    }
    parts.update(changes)
    quote = parts.pop("quote")
    return quotation(MINISTER_TEXT, quote, **parts)


def minister_document(annotations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    if annotations is None:
        annotations = [minister_quote(), mayor_quote()]
    return document("minister", MINISTER_TEXT, annotations)
