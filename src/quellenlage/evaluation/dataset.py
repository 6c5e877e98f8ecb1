"""Reading quotation annotations in the published German WikiNews format.

One JSON object a line: `documentName`, `originalText`, `tokens`, `sentences` and `annotations`.
Each annotation has the parts quote, speaker, cue, frame and addressee, each
`{"spans": [{"charBegin", "charEnd", "begin", "end"}], "tokenIds": [...], "text": ...}`, plus
`type` and `medium`. Prediction files use the same format; they need only `documentName` and
`annotations`. Anything malformed raises DataFormatError naming the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quellenlage.errors import DataFormatError, InputError

PART_NAMES = ("quote", "addressee", "cue", "frame", "speaker")
ROLE_PARTS = PART_NAMES[1:]


@dataclass(frozen=True, slots=True)
class CharSpan:
    """A character span [begin, end) of the original text."""

    begin: int
    end: int


@dataclass(frozen=True, slots=True)
class PartAnnotation:
    """One part of a quotation. `char_spans` is None when a span lacks character offsets;
    then `token_ids` is what locates the part."""

    char_spans: tuple[CharSpan, ...] | None
    token_ids: tuple[int, ...]
    text: str

    @property
    def is_empty(self) -> bool:
        return not self.char_spans and not self.token_ids


EMPTY_PART = PartAnnotation(char_spans=(), token_ids=(), text="")


@dataclass(frozen=True, slots=True)
class Quotation:
    """One annotated (or predicted) quotation with its five parts."""

    parts: Mapping[str, PartAnnotation]
    type: str | None
    medium: str | None

    def part(self, name: str) -> PartAnnotation:
        return self.parts.get(name, EMPTY_PART)


@dataclass(frozen=True, slots=True)
class GoldToken:
    id: int
    char_begin: int
    char_end: int
    text: str


@dataclass(frozen=True, slots=True)
class QuoteDocument:
    """A document of the corpus (gold) or of a prediction file (then `text` is "" and `tokens`
    empty)."""

    name: str
    text: str
    tokens: tuple[GoldToken, ...]
    quotations: tuple[Quotation, ...]


class _Where:
    """The place in a file that an error message names."""

    def __init__(self, path: Path | str, line: int) -> None:
        self.prefix = f"{path}, line {line}"

    def error(self, message: str) -> DataFormatError:
        return DataFormatError(f"{self.prefix}: {message}")


def _require(obj: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: _Where,
             context: str) -> Any:
    if key not in obj:
        raise where.error(f"{context} lacks the field {key!r}")
    value = obj[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise where.error(f"{context}: {key!r} has the wrong type ({type(value).__name__})")
    return value


def _parse_part(raw: Any, where: _Where, context: str) -> PartAnnotation:
    if raw is None:
        return EMPTY_PART
    if not isinstance(raw, dict):
        raise where.error(f"{context} is not an object")
    raw_spans = raw.get("spans") or []
    raw_ids = raw.get("tokenIds") or []
    if not isinstance(raw_spans, list) or not isinstance(raw_ids, list):
        raise where.error(f"{context}: 'spans' and 'tokenIds' must be lists")
    spans: list[CharSpan] = []
    has_char_offsets = True
    for number, span in enumerate(raw_spans):
        if not isinstance(span, dict):
            raise where.error(f"{context}, span {number} is not an object")
        if "charBegin" not in span or "charEnd" not in span:
            has_char_offsets = False
            continue
        begin = _require(span, "charBegin", int, where, f"{context}, span {number}")
        end = _require(span, "charEnd", int, where, f"{context}, span {number}")
        spans.append(CharSpan(begin, end))
    if any(not isinstance(i, int) or isinstance(i, bool) for i in raw_ids):
        raise where.error(f"{context}: 'tokenIds' must hold integers")
    text = raw.get("text") or ""
    if not isinstance(text, str):
        raise where.error(f"{context}: 'text' must be a string")
    # A part is located by its character spans only when every span has them (the metric's rule).
    char_spans = tuple(spans) if has_char_offsets else None
    return PartAnnotation(char_spans=char_spans, token_ids=tuple(raw_ids), text=text)


def _optional_str(raw: Mapping[str, Any], key: str, where: _Where, context: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise where.error(f"{context}: {key!r} must be a string")
    return value


def _parse_quotation(raw: Any, where: _Where, number: int) -> Quotation:
    context = f"annotation {number}"
    if not isinstance(raw, dict):
        raise where.error(f"{context} is not an object")
    parts = {name: _parse_part(raw.get(name), where, f"{context}, {name}") for name in PART_NAMES}
    return Quotation(
        parts=parts,
        type=_optional_str(raw, "type", where, context),
        medium=_optional_str(raw, "medium", where, context),
    )


def _parse_token(raw: Any, where: _Where, number: int) -> GoldToken:
    context = f"token {number}"
    if not isinstance(raw, dict):
        raise where.error(f"{context} is not an object")
    return GoldToken(
        id=_require(raw, "id", int, where, context),
        char_begin=_require(raw, "charBegin", int, where, context),
        char_end=_require(raw, "charEnd", int, where, context),
        text=_require(raw, "text", str, where, context),
    )


def parse_document(raw: Any, where: _Where | None = None, *, gold: bool = True) -> QuoteDocument:
    """A document from its decoded JSON object; `gold` documents also need text and tokens."""
    where = where or _Where("<document>", 1)
    if not isinstance(raw, dict):
        raise where.error("expected a JSON object")
    name = _require(raw, "documentName", str, where, "the document")
    annotations = raw.get("annotations")
    if annotations is None:
        annotations = []
    if not isinstance(annotations, list):
        raise where.error("'annotations' must be a list")
    quotations = tuple(_parse_quotation(a, where, i) for i, a in enumerate(annotations))
    if not gold:
        return QuoteDocument(name=name, text="", tokens=(), quotations=quotations)
    text = _require(raw, "originalText", str, where, "the document")
    raw_tokens = _require(raw, "tokens", list, where, "the document")
    tokens = tuple(_parse_token(t, where, i) for i, t in enumerate(raw_tokens))
    return QuoteDocument(name=name, text=text, tokens=tokens, quotations=quotations)


def iter_json_lines(path: Path) -> Iterator[tuple[_Where, Any]]:
    """Each non-blank line of a JSON-lines file, decoded, with its place for error messages."""
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = _Where(path, number)
                try:
                    yield where, json.loads(line)
                except json.JSONDecodeError as error:
                    raise where.error(f"not valid JSON ({error.msg})") from None
        except UnicodeDecodeError:
            raise DataFormatError(f"{path}: not UTF-8 text") from None


def _read(path: Path | str, *, gold: bool) -> list[QuoteDocument]:
    path = Path(path)
    documents: list[QuoteDocument] = []
    seen: set[str] = set()
    if path.is_dir():
        # A folder of one JSON file a document, as the released per-document files.
        entries = [
            (_Where(file, 1), _load_json_file(file))
            for file in sorted(path.iterdir())
            if file.suffix == ".json"
        ]
    else:
        entries = list(iter_json_lines(path))
    for where, raw in entries:
        document = parse_document(raw, where, gold=gold)
        if document.name in seen:
            raise where.error(f"document {document.name!r} appears twice")
        seen.add(document.name)
        documents.append(document)
    return documents


def _load_json_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DataFormatError(f"{path}: not valid UTF-8 JSON ({error})") from None


def read_gold(path: Path | str) -> list[QuoteDocument]:
    """The gold documents of a JSON-lines file (or folder of .json files), in file order."""
    return _read(path, gold=True)


def read_predictions(path: Path | str) -> dict[str, QuoteDocument]:
    """Predicted documents by name, from a JSON-lines file or a folder of .json files."""
    return {document.name: document for document in _read(path, gold=False)}
