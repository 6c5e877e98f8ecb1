"""Reading annotated articles for training: the WikiNews quotation format (JSON lines).

Each line is one article: `originalText` and `annotations`, where every annotation has a `type`,
a `medium`, and the parts `quote`, `speaker`, `cue`, `frame`, `addressee`, each with `spans` that
carry character offsets (`charBegin`, `charEnd`). Token ids of the release are ignored: the engine
uses its own tokens and maps the gold parts onto them by character overlap.

The same reader accepts `quellenlage extract --format jsonl` output with an `attributions` list
(the stable JSON of `Article.to_dict()`), so users can train on corrected engine output.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quellenlage.errors import DataFormatError, InputError
from quellenlage.model import ROLE_NAMES, Attribution, Medium, Part, QuoteType


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One annotated article: its text and its gold attributions (nested ones marked)."""

    name: str
    text: str
    attributions: tuple[Attribution, ...]
    nested: tuple[bool, ...]


def _part(text: str, data: dict[str, Any] | None) -> Part | None:
    if not data:
        return None
    spans = []
    for span in data.get("spans") or []:
        if "charBegin" in span:
            spans.append((int(span["charBegin"]), int(span["charEnd"])))
        else:
            spans.append((int(span[0]), int(span[1])))
    return Part.from_spans(text, spans)


def _attribution(text: str, data: dict[str, Any]) -> Attribution | None:
    quote = _part(text, data.get("quote"))
    if quote is None:
        return None
    roles = {role: _part(text, data.get(role)) for role in ROLE_NAMES}
    return Attribution(
        type=QuoteType(data["type"]),
        medium=Medium(data.get("medium") or "none"),
        quote=quote,
        **roles,
    )


def parse_article(data: dict[str, Any], fallback_name: str) -> GoldArticle:
    """One article from a decoded JSON line, in the WikiNews or the quellenlage format."""
    text = data.get("originalText", data.get("text"))
    if not isinstance(text, str):
        raise DataFormatError(f"{fallback_name}: no `originalText` or `text` string")
    raw = data.get("annotations", data.get("attributions")) or []
    attributions: list[Attribution] = []
    nested: list[bool] = []
    for item in raw:
        try:
            attribution = _attribution(text, item)
        except (KeyError, TypeError, ValueError) as error:
            raise DataFormatError(f"{fallback_name}: bad annotation ({error})") from None
        if attribution is not None:
            attributions.append(attribution)
            nested.append(bool(item.get("isNested", False)))
    name = str(data.get("documentName") or data.get("name") or fallback_name)
    return GoldArticle(name, text, tuple(attributions), tuple(nested))


def read_corpus(path: str | Path) -> Iterator[GoldArticle]:
    """The articles of a JSON-lines file, in file order."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                raise DataFormatError(f"{path}:{number}: not JSON ({error.msg})") from None
            if not isinstance(data, dict):
                raise DataFormatError(f"{path}:{number}: expected a JSON object")
            yield parse_article(data, f"{path.name}:{number}")
