"""Our Article, written in the published WikiNews format so the metric can read it.

Token positions (`begin`, `end`, `tokenIds`) refer to the gold document's tokens, so predictions
and gold share one tokenisation; character offsets are copied from the Article unchanged.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from quellenlage.evaluation.dataset import PART_NAMES, GoldToken, QuoteDocument
from quellenlage.model import Article, Attribution, Part


class GoldTokenIndex:
    """Finds the gold tokens a character span overlaps (tokens sorted by their offsets)."""

    def __init__(self, tokens: Sequence[GoldToken]) -> None:
        self._tokens = sorted(tokens, key=lambda t: (t.char_begin, t.char_end))
        self._begins = [t.char_begin for t in self._tokens]
        self._ends = [t.char_end for t in self._tokens]

    def positions(self, begin: int, end: int) -> range:
        """Positions (indices into the sorted tokens) of the tokens overlapping [begin, end)."""
        first = bisect_right(self._ends, begin)  # first token ending after `begin`
        last = bisect_left(self._begins, end)  # first token starting at or after `end`
        return range(first, max(first, last))

    def token_id(self, position: int) -> int:
        return self._tokens[position].id


def part_record(part: Part | None, index: GoldTokenIndex) -> dict[str, Any]:
    """A part as `{"spans": [...], "tokenIds": [...], "text": ...}`; None gives an empty part."""
    if part is None:
        return {"spans": [], "tokenIds": [], "text": ""}
    spans = []
    token_ids: set[int] = set()
    for begin, end in part.spans:
        positions = index.positions(begin, end)
        spans.append(
            {"charBegin": begin, "charEnd": end, "begin": positions.start, "end": positions.stop}
        )
        token_ids.update(index.token_id(p) for p in positions)
    return {"spans": spans, "tokenIds": sorted(token_ids), "text": part.text}


def attribution_record(
    attribution: Attribution, index: GoldTokenIndex, number: int
) -> dict[str, Any]:
    record: dict[str, Any] = {
        name: part_record(getattr(attribution, name), index) for name in PART_NAMES
    }
    record["type"] = str(attribution.type)
    record["medium"] = str(attribution.medium)
    record["id"] = number
    return record


def article_to_prediction(gold: QuoteDocument, article: Article) -> dict[str, Any]:
    """`{"documentName": ..., "annotations": [...]}` for `article`, located on `gold`'s tokens."""
    index = GoldTokenIndex(gold.tokens)
    return {
        "documentName": gold.name,
        "annotations": [
            attribution_record(attribution, index, number)
            for number, attribution in enumerate(article.attributions)
        ],
    }
