"""Training the three taggers of the trained engine from annotated articles.

Everything is deterministic: articles are read in file order, features and labels are built in
token order (never from set iteration), and crfsuite's L-BFGS has no random state, so the same data
and settings give the same model files, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from quellenlage.attribution.rules import extract_rules
from quellenlage.errors import InputError
from quellenlage.text import Document
from quellenlage.text.crf_training import Progress, ProgressTrainer

from .corpus import GoldArticle, read_corpus
from .engine import FORMAT_VERSION, medium_features, role_window
from .features import ArticleFeatures, WordFeatures
from .labels import covered_tokens, quote_labels, role_labels
from .vocabulary import learn_vocabulary


@dataclass(frozen=True, slots=True)
class TrainingSettings:
    """Regularisation and iteration budget of each tagger."""

    quotes_c1: float = 0.05
    quotes_c2: float = 0.01
    quotes_iterations: int = 150
    roles_c1: float = 0.05
    roles_c2: float = 0.01
    roles_iterations: int = 150
    medium_c1: float = 0.1
    medium_c2: float = 0.01
    medium_iterations: int = 100
    min_feature_count: int = 1


def _train(
    stage: str,
    sequences: Sequence[tuple[list[list[str]], list[str]]],
    path: Path,
    c1: float,
    c2: float,
    iterations: int,
    min_count: int,
    progress: Progress | None,
) -> None:
    trainer = ProgressTrainer(stage, iterations, progress)
    for items, labels in sequences:
        trainer.append(items, labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": min_count,
        }
    )
    trainer.train(str(path))
    if progress is not None:
        progress(stage, iterations, iterations)


def _gold_in_order(article: GoldArticle) -> list[int]:
    return sorted(
        range(len(article.attributions)),
        key=lambda i: (article.attributions[i].quote.start, article.attributions[i].quote.end),
    )


def build_training_sets(
    articles: Sequence[GoldArticle], progress: Progress | None = None
) -> tuple[dict[str, object], list, list, list]:
    """Vocabulary, and the (items, labels) sequences of the three taggers."""
    documents = [Document(article.text) for article in articles]
    vocabulary = learn_vocabulary(zip(articles, documents, strict=True))
    words = WordFeatures(vocabulary)
    quote_set: list[tuple[list[list[str]], list[str]]] = []
    role_set: list[tuple[list[list[str]], list[str]]] = []
    medium_set: list[tuple[list[list[str]], list[str]]] = []
    for number, (article, document) in enumerate(zip(articles, documents, strict=True), 1):
        if not document.tokens:
            continue
        features = ArticleFeatures(document, words, extract_rules(document))
        quote_set.append((features.quote_items(), quote_labels(document, article.attributions)))
        previous_speaker: frozenset[int] = frozenset()
        for index in _gold_in_order(article):
            attribution = article.attributions[index]
            quote_tokens = covered_tokens(document, attribution.quote)
            if not quote_tokens:
                continue
            kind = str(attribution.type)
            window = role_window(document, quote_tokens, kind)
            items = features.role_items(window, frozenset(quote_tokens), kind, previous_speaker)
            role_set.append((items, role_labels(document, attribution, window)))
            roles = {
                role: covered_tokens(document, getattr(attribution, role))
                for role in ("frame", "speaker", "cue", "addressee")
            }
            rule = features.best_rule(frozenset(quote_tokens))
            medium_set.append(
                (
                    [medium_features(document, kind, roles, quote_tokens, rule)],
                    [str(attribution.medium)],
                )
            )
            if roles["speaker"]:
                previous_speaker = frozenset(roles["speaker"])
        if progress is not None:
            progress("features", number, len(articles))
    return vocabulary.to_dict(), quote_set, role_set, medium_set


def train_model(
    data: str | Path,
    out_dir: str | Path,
    settings: TrainingSettings | None = None,
    progress: Progress | None = None,
) -> Path:
    """Train a model on a JSON-lines file of annotated articles and write it to `out_dir`."""
    settings = settings or TrainingSettings()
    data = Path(data)
    articles = list(read_corpus(data))
    if not any(article.attributions for article in articles):
        raise InputError(f"{data}: no annotated quotations to learn from")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    vocabulary, quote_set, role_set, medium_set = build_training_sets(articles, progress)
    s = settings
    _train("quotes", quote_set, out / "quotes.crfsuite", s.quotes_c1, s.quotes_c2,
           s.quotes_iterations, s.min_feature_count, progress)
    _train("roles", role_set, out / "roles.crfsuite", s.roles_c1, s.roles_c2,
           s.roles_iterations, s.min_feature_count, progress)
    _train("medium", medium_set, out / "medium.crfsuite", s.medium_c1, s.medium_c2,
           s.medium_iterations, s.min_feature_count, progress)
    meta = {
        "format": FORMAT_VERSION,
        "trained_on": {
            "file": data.name,
            "sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
            "articles": len(articles),
            "quotations": sum(len(a.attributions) for a in articles),
        },
        "settings": asdict(settings),
        "vocabulary": vocabulary,
    }
    (out / "model.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return out
