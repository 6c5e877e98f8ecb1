"""The trained engine: load a model directory and turn a document into attributions.

A model directory holds three crfsuite models and one JSON file (never pickle):
  quotes.crfsuite  where quotations begin and end, and their type (article-wide tagger)
  roles.crfsuite   frame, speaker, cue and addressee around one quotation (windowed tagger)
  medium.crfsuite  speech, writing, thought ... of a quotation (one-item CRF = maxent classifier)
  model.json       format version, the learned word lists and the training settings
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pycrfsuite

from quellenlage.errors import DataFormatError, InputError
from quellenlage.model import Attribution, Medium, QuoteType
from quellenlage.resources import data_path
from quellenlage.text import Document

from .features import ArticleFeatures, WordFeatures
from .labels import decode_quotes, decode_roles, part_from_tokens
from .vocabulary import Vocabulary

FORMAT_VERSION = 1
MODEL_FILES = ("quotes.crfsuite", "roles.crfsuite", "medium.crfsuite", "model.json")
FAR_SPEAKER_TYPES = frozenset({"FreeIndirect", "IndirectFreeIndirect", "Direct"})
SENTENCES_BEFORE_FAR = 3
SENTENCES_BEFORE_NEAR = 1
SENTENCES_AFTER = 1


def default_model_dir() -> Path:
    return data_path("models", "attribution")


def role_window(document: Document, quote_tokens: Sequence[int], quote_type: str) -> range:
    """The tokens searched for a quotation's roles: its sentences and a few around them."""
    sentence_of = document.sentence_of_token
    first_sentence = sentence_of[min(quote_tokens)]
    last_sentence = sentence_of[max(quote_tokens)]
    before = SENTENCES_BEFORE_FAR if quote_type in FAR_SPEAKER_TYPES else SENTENCES_BEFORE_NEAR
    low = max(0, first_sentence - before)
    high = min(len(document.sentences) - 1, last_sentence + SENTENCES_AFTER)
    return range(document.sentences[low].first, document.sentences[high].last)


def medium_features(
    document: Document, quote_type: str, roles: dict[str, list[int]], quote_tokens: Sequence[int]
) -> list[str]:
    """Features of one quotation for the medium classifier."""
    tokens = document.tokens
    features = ["t=" + quote_type]
    cue_words = [tokens[i].text.lower() for i in roles["cue"]]
    if cue_words:
        features.extend("c=" + word for word in cue_words)
        features.append("cue=" + " ".join(cue_words))
        features.append(f"tc={quote_type}|{cue_words[0]}")
    else:
        features.append("nocue")
    features.extend("f=" + tokens[i].text.lower() for i in roles["frame"][:8])
    features.extend("s=" + tokens[i].text.lower() for i in roles["speaker"][:6])
    if not roles["speaker"]:
        features.append("nospeaker")
    first = min(quote_tokens)
    if first > 0:
        features.append("before=" + tokens[first - 1].text.lower())
    features.append("q0=" + tokens[first].text.lower())
    return features


class TrainedModel:
    """A loaded model: call `extract(document)` for attributions."""

    def __init__(self, directory: Path, vocabulary: Vocabulary, settings: dict[str, Any]) -> None:
        self.directory = directory
        self.settings = settings
        self.words = WordFeatures(vocabulary)
        self._quotes = _open_tagger(directory / "quotes.crfsuite")
        self._roles = _open_tagger(directory / "roles.crfsuite")
        self._medium = _open_tagger(directory / "medium.crfsuite")

    @classmethod
    def load(cls, directory: str | Path) -> TrainedModel:
        directory = Path(directory)
        if not directory.is_dir():
            raise InputError(f"{directory}: no such model directory")
        missing = [name for name in MODEL_FILES if not (directory / name).is_file()]
        if missing:
            raise DataFormatError(
                f"{directory}: not a model directory (missing {', '.join(missing)})"
            )
        try:
            meta = json.loads((directory / "model.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise DataFormatError(f"{directory}/model.json: unreadable ({error})") from None
        if meta.get("format") != FORMAT_VERSION:
            raise DataFormatError(
                f"{directory}: model format {meta.get('format')!r}, this version reads "
                f"{FORMAT_VERSION}; retrain it with `quellenlage train`"
            )
        return cls(directory, Vocabulary.from_dict(meta["vocabulary"]), meta.get("settings", {}))

    def extract(self, document: Document) -> list[Attribution]:
        if not document.tokens:
            return []
        features = ArticleFeatures(document, self.words)
        labels = self._quotes.tag(features.quote_items())
        attributions: list[Attribution] = []
        previous_speaker: frozenset[int] = frozenset()
        for quote in decode_quotes(labels):
            quote_part = part_from_tokens(document, quote.tokens)
            if quote_part is None:
                continue
            window = role_window(document, quote.tokens, quote.type)
            items = features.role_items(
                window, frozenset(quote.tokens), quote.type, previous_speaker
            )
            roles = decode_roles(window, self._roles.tag(items))
            if roles["speaker"]:
                previous_speaker = frozenset(roles["speaker"])
            medium_items = [medium_features(document, quote.type, roles, quote.tokens)]
            medium = self._medium.tag(medium_items)[0]
            attributions.append(
                Attribution(
                    type=QuoteType(quote.type),
                    medium=Medium(medium),
                    quote=quote_part,
                    speaker=part_from_tokens(document, roles["speaker"]),
                    cue=part_from_tokens(document, roles["cue"]),
                    frame=part_from_tokens(document, roles["frame"]),
                    addressee=part_from_tokens(document, roles["addressee"]),
                )
            )
        return attributions


def _open_tagger(path: Path) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError) as error:
        raise DataFormatError(f"{path}: not a crfsuite model ({error})") from None
    return tagger


@cache
def load_model(directory: str | None = None) -> TrainedModel:
    """The model in `directory` (the shipped default when None), loaded once per process."""
    return TrainedModel.load(Path(directory) if directory else default_model_dir())


def extract_trained(document: Document, model_dir: str | Path | None = None) -> list[Attribution]:
    """Attributions found by the trained engine (the shipped model unless `model_dir` is given)."""
    return load_model(str(model_dir) if model_dir else None).extract(document)
