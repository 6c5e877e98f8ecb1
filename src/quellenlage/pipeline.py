"""The pipeline: text -> Document -> attributions -> (sources, stance) -> Article.

Each stage is a function over the document and the attributions found so far; `analyze` runs them
in order. Stages are added here, in one place, so that the order is visible.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from quellenlage.attribution import extract_rules
from quellenlage.attribution.trained import extract_trained
from quellenlage.errors import InputError
from quellenlage.model import Article
from quellenlage.sources import find_channels, resolve_sources
from quellenlage.stance import assign_stance
from quellenlage.text import Document

ENGINES = ("rules", "trained")
# Chosen on real news end to end (news-sources dev, who-said-what F1: rules 60.3, the trained
# engine retrained on today's rules 52.2; news-claims 52.7 against 52.4), with WikiNews dev held
# above its floor (rules joint 68.4); the rules are also three times as fast.
DEFAULT_ENGINE = "rules"
# The longest text the command line and ingest analyse unless told otherwise (--max-chars):
# time and memory grow linearly, about a minute and 1 GB at this length
# (benchmarks/extract_bench.py). analyze() itself takes any length.
MAX_TEXT_CHARS = 5_000_000
# Young-generation collections this rarely, for long runs (see `many_articles`).
MANY_ARTICLES_GC_THRESHOLDS = (10_000, 50, 100)


def check_engine(engine: str | None, model_dir: str | Path | None = None) -> str:
    """The engine to use: `engine`, or else "trained" when a model directory is given, or else
    the default. An unknown name, or a model directory for another engine, is an InputError."""
    chosen = engine or ("trained" if model_dir is not None else DEFAULT_ENGINE)
    if chosen not in ENGINES:
        raise InputError(f"unknown engine {chosen!r}; choose one of {', '.join(ENGINES)}")
    if model_dir is not None and chosen != "trained":
        raise InputError(f"a model directory is for the trained engine, not {chosen!r}")
    return chosen


def too_long(text: str, max_chars: int = MAX_TEXT_CHARS) -> str | None:
    """Why `text` is not analysed by the command line or ingest: longer than `max_chars`."""
    if max_chars < 1:
        raise InputError(f"--max-chars {max_chars}: give a number of characters above 0")
    if len(text) <= max_chars:
        return None
    return f"{len(text):,} characters, over the limit of {max_chars:,} (--max-chars)"


def analyze(
    text: str, *, engine: str | None = DEFAULT_ENGINE, model_dir: str | Path | None = None,
    stance_classifier: bool = True,
) -> Article:
    """Find who said what in a German text. Offsets in the result refer to `text` as given.

    `model_dir`: for engine "trained", a model directory from `quellenlage train` (default: the
    shipped model). `stance_classifier=False` gives the stance by the rules alone, without the
    shipped classifier (its files are CC BY-NC-SA: data/stance/LICENSE.md)."""
    if not isinstance(text, str):
        raise InputError(f"analyze() needs a str, not {type(text).__name__}")
    engine = check_engine(engine, model_dir)
    document = Document(text)
    if engine == "trained":
        attributions = extract_trained(document, model_dir)
    else:
        attributions = extract_rules(document)
    attributions.sort(key=lambda a: (a.quote.start, a.quote.end))
    resolve_sources(document, attributions)
    find_channels(document, attributions)
    assign_stance(document, attributions,
                  classifier="shipped" if stance_classifier else None)
    return Article(text=text, attributions=attributions)


@contextmanager
def many_articles() -> Iterator[None]:
    """Tune the garbage collector while analysing many articles in a row; restored on exit.

    An article allocates hundreds of thousands of short-lived strings and lists. At CPython's
    default thresholds the collector then runs constantly, and its full collections walk the
    lexicons, the model and everything a long job keeps (pending rows, caches) again and again:
    about a sixth of an ingest's time. Objects that exist on entry are frozen out of collection
    and young ones are collected less often; objects without reference cycles (nearly all) are
    freed at once either way, so memory stays flat."""
    previous = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*MANY_ARTICLES_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.unfreeze()


_PROCESS_WIDE = ExitStack()


def many_articles_in_this_process() -> None:
    """`many_articles` until the process ends: the initializer of worker processes that do
    nothing else."""
    _PROCESS_WIDE.enter_context(many_articles())
