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

from quellenlage.attribution.rules import extract_rules
from quellenlage.errors import DataFormatError, InputError
from quellenlage.model import ROLE_NAMES, Attribution, Medium, QuoteType
from quellenlage.resources import data_path
from quellenlage.text import Document

from .features import ArticleFeatures, RuleTokens, WordFeatures
from .labels import decode_quotes, decode_roles, part_from_tokens, token_runs
from .model_file import attribute_names
from .vocabulary import Vocabulary

FORMAT_VERSION = 1
MODEL_FILES = ("quotes.crfsuite", "roles.crfsuite", "medium.crfsuite", "model.json")
FAR_SPEAKER_TYPES = frozenset({"FreeIndirect", "IndirectFreeIndirect", "Direct"})
CONTINUATION_TYPES = frozenset({"FreeIndirect", "IndirectFreeIndirect"})
SENTENCES_BEFORE_FAR = 3
SENTENCES_BEFORE_NEAR = 1
SENTENCES_AFTER = 1
MIN_NESTED_WORDS = 3
# Reported speech is a clause: a lone "seien", "soll" or comma is a fragment of the tagger's,
# never a statement (a Direct quotation may be one word: „Nein.“).
MIN_REPORTED_WORDS = 2
SINGLE_RUN_ROLES = (("speaker", "S"),)
RUN_THRESHOLD = 0.3
OUTSIDE_THRESHOLD = 0.8
# The quotation tagger takes a text longer than this (four times the longest article of the
# evaluation data) in parts of whole paragraphs: crfsuite's copy of a sequence's features needs
# about 1.5 KB a token, 1.3 GB for a text of 5 MB in one piece.
QUOTE_TAGGING_TOKENS = 20_000


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


def tagging_parts(document: Document, size: int = QUOTE_TAGGING_TOKENS) -> list[range]:
    """The text in parts for the quotation tagger, as runs of sentence numbers: the whole text
    when it has at most `size` tokens, else parts of at least `size` tokens that end with a
    paragraph (or, in a paragraph of more than twice `size` tokens, with a sentence)."""
    sentences = document.sentences
    parts: list[range] = []
    first = 0
    for sentence in sentences[1:]:
        tokens = sentence.first - sentences[first].first
        if tokens >= 2 * size or (
            tokens >= size and sentence.paragraph != sentences[sentence.index - 1].paragraph
        ):
            parts.append(range(first, sentence.index))
            first = sentence.index
    parts.append(range(first, len(sentences)))
    return parts


def medium_features(
    document: Document,
    quote_type: str,
    roles: dict[str, list[int]],
    quote_tokens: Sequence[int],
    rule: RuleTokens | None,
) -> list[str]:
    """Features of one quotation for the medium classifier."""
    tokens = document.tokens
    features = ["t=" + quote_type]
    if rule is not None:
        features.append("rm=" + rule.medium)
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
        self._quotes = _open_tagger(directory / "quotes.crfsuite")
        self._roles = _open_tagger(directory / "roles.crfsuite")
        # word features are shared by the quotation and the role tagger: keep what either knows
        known = attribute_names(directory / "quotes.crfsuite")
        self.words = WordFeatures(vocabulary, known | attribute_names(directory / "roles.crfsuite"))
        self._medium = _open_tagger(directory / "medium.crfsuite")
        self._quote_labels_inside = [label for label in self._quotes.labels() if label != "O"]
        role_labels = self._roles.labels()
        self._role_labels_with = {
            letter: [label for label in role_labels if label.endswith(letter)]
            for _, letter in SINGLE_RUN_ROLES
        }

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
        features = ArticleFeatures(document, self.words, extract_rules(document))
        labels: list[str] = []
        for sentences in tagging_parts(document):
            labels += self._recall_boost(self._quotes.tag(features.quote_items(sentences)))
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
            for role, letter in SINGLE_RUN_ROLES:
                if not roles[role]:
                    roles[role] = self._best_run(window, letter)
            if not roles["speaker"] and quote.type in CONTINUATION_TYPES:
                # Free indirect speech goes on in the voice of the statement before it.
                roles["speaker"] = sorted(previous_speaker)
            if roles["speaker"]:
                previous_speaker = frozenset(roles["speaker"])
            if is_fragment(document, quote.tokens, quote.type):
                continue  # not output, but its speaker still carries over (tagged above)
            rule = features.best_rule(frozenset(quote.tokens))
            medium_items = [medium_features(document, quote.type, roles, quote.tokens, rule)]
            medium = Medium(self._medium.tag(medium_items)[0])
            parts = {role: part_from_tokens(document, roles[role]) for role in ROLE_NAMES}
            attributions.append(
                Attribution(type=QuoteType(quote.type), medium=medium, quote=quote_part, **parts)
            )
            if quote.type != QuoteType.DIRECT:
                for inner in nested_direct_quotes(features.marks.inside, quote.tokens):
                    inner_part = part_from_tokens(document, inner)
                    if inner_part is not None:
                        attributions.append(
                            Attribution(QuoteType.DIRECT, medium, inner_part, **parts)
                        )
        return attributions


    def _recall_boost(self, labels: list[str]) -> list[str]:
        """Viterbi's best path leaves out quotations the tagger is unsure of; the metric pays
        for recall, so a token outside whose posterior says "inside" with enough mass joins a
        quotation, with its likeliest label."""
        marginal = self._quotes.marginal
        inside_labels = self._quote_labels_inside
        boosted = list(labels)
        for position, label in enumerate(labels):
            if label == "O" and marginal("O", position) < OUTSIDE_THRESHOLD:
                boosted[position] = max(
                    inside_labels, key=lambda name: marginal(name, position)
                )
        return boosted

    def _best_run(self, window: range, letter: str) -> list[int]:
        """The one run of tokens most likely to fill a role, from the tagger's marginals of
        the sequence just tagged: a speaker is one phrase, and Viterbi alone sometimes adds
        a second one (an object, a date) or, unsure, none at all."""
        labels = self._role_labels_with[letter]
        marginal = self._roles.marginal
        runs: list[tuple[float, list[int]]] = []
        current: list[int] = []
        mass = 0.0
        for position, index in enumerate(window):
            probability = 0.0
            for label in labels:
                probability += marginal(label, position)
            if probability >= RUN_THRESHOLD:
                current.append(index)
                mass += probability
                continue
            if current:
                runs.append((mass, current))
            current, mass = [], 0.0
        if current:
            runs.append((mass, current))
        return max(runs, key=lambda run: run[0])[1] if runs else []


def is_fragment(document: Document, quote_tokens: Sequence[int], quote_type: str) -> bool:
    """Whether a quotation other than a Direct one has too few words to be a statement."""
    if quote_type == QuoteType.DIRECT:
        return False
    tokens = document.tokens
    words = sum(1 for index in quote_tokens if tokens[index].text[:1].isalnum())
    return words < MIN_REPORTED_WORDS


def nested_direct_quotes(
    inside_marks: Sequence[bool], quote_tokens: Sequence[int]
) -> list[list[int]]:
    """Quoted passages inside reported speech ("habe sich „bewusst und gewollt“ ..."): the
    annotation guidelines make each one a Direct quotation of its own, with the same roles.
    Passages of one or two words are mostly names and scare quotes, so they are left out."""
    runs = token_runs(index for index in quote_tokens if inside_marks[index])
    whole = len(quote_tokens)
    return [run for run in runs if len(run) - 2 >= MIN_NESTED_WORDS and len(run) < whole]


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
