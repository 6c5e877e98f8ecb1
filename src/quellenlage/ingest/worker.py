"""What a worker process does with one task: check the language, analyse, prepare for the writer.

Tasks and results are plain dataclasses of strings, numbers and bytes. The writer (the main
process) does only database work, so analysis scales with the number of workers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Literal

from quellenlage.archive.records import ArticleMeta, PreparedArticle, prepare
from quellenlage.errors import QuellenlageError
from quellenlage.ingest.language import guess_language
from quellenlage.model import Article
from quellenlage.pipeline import DEFAULT_ENGINE, analyze

SkipKind = Literal["stored", "language", "failed"]


@dataclass(frozen=True, slots=True)
class AnalyseTask:
    """A raw text to analyse, with the extraction engine to use."""

    text: str
    meta: ArticleMeta
    engine: str = DEFAULT_ENGINE
    content_hash: str | None = None  # as the reader computed it to look the text up


@dataclass(frozen=True, slots=True)
class PrepareTask:
    """An article analysed elsewhere (by `batch`): attributions as the model's JSON."""

    text: str
    attributions_json: str
    meta: ArticleMeta
    content_hash: str | None = None  # as the reader computed it to look the text up


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that is not stored, and why; passes through the workers unchanged."""

    kind: SkipKind
    origin: str
    reason: str
    language: str | None = None  # for kind "language": what the text looks like instead


Task = AnalyseTask | PrepareTask | Skipped
Result = PreparedArticle | Skipped


def german_meta(text: str, meta: ArticleMeta) -> ArticleMeta | Skipped:
    """The metadata with the language set, or a Skipped for a text that is not German."""
    guess = guess_language(text)
    if not guess.is_german:
        return Skipped(
            "language",
            meta.origin or meta.url or "?",
            f"not German (looks like {guess.language}, {guess.share:.0%} function words)",
            language=guess.language,
        )
    return replace(meta, language=guess.language or meta.language)


def work(task: Task) -> Result:
    if isinstance(task, Skipped):
        return task
    origin = task.meta.origin or task.meta.url or "?"
    try:
        if isinstance(task, AnalyseTask):
            meta = german_meta(task.text, task.meta)
            if isinstance(meta, Skipped):
                return meta
            article = analyze(task.text, engine=task.engine)
            return prepare(article, meta, known_hash=task.content_hash)
        article = Article.from_dict(
            {"text": task.text, "attributions": json.loads(task.attributions_json or "[]")}
        )
        return prepare(article, task.meta, known_hash=task.content_hash)
    except QuellenlageError as error:
        return Skipped("failed", origin, str(error))
    except Exception as error:  # one bad article must not stop an ingest of thousands
        return Skipped("failed", origin, f"{type(error).__name__}: {error}")
