"""Throughput of the pipeline on plain articles: articles and words a second, peak memory.

The first articles are analysed once before the clock starts, so lexicons and models that load on
first use are timed apart (`load_seconds`) from the steady-state pass over all articles.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from quellenlage import pipeline
from quellenlage.evaluation.runner import check_engine

WARMUP_ARTICLES = 3


@dataclass(frozen=True, slots=True)
class BenchResult:
    engine: str
    articles: int
    words: int
    attributions: int
    seconds: float
    load_seconds: float
    warmup_seconds: float
    peak_memory_mb: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "articles": self.articles,
            "words": self.words,
            "attributions": self.attributions,
            "seconds": self.seconds,
            "articles_per_second": self.articles_per_second,
            "words_per_second": self.words_per_second,
            "load_seconds": self.load_seconds,
            "warmup_seconds": self.warmup_seconds,
            "peak_memory_mb": self.peak_memory_mb,
        }


def peak_memory_mb() -> float:
    """The process's peak resident memory so far, in MB (ru_maxrss is KiB on Linux, bytes on
    macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_benchmark(
    texts: Sequence[str],
    engine: str | None = None,
    *,
    warmup: int = WARMUP_ARTICLES,
    on_progress: Callable[[int, int], None] | None = None,
) -> BenchResult:
    """Analyse every text once, timed, after analysing the first `warmup` texts untimed."""
    chosen = check_engine(engine)
    warmup_texts = texts[:warmup]
    load_seconds = warmup_seconds = 0.0
    for number, text in enumerate(warmup_texts):
        start = time.perf_counter()
        pipeline.analyze(text, engine=chosen)
        elapsed = time.perf_counter() - start
        # The first call pays for whatever loads on first use (lexicons, models).
        if number == 0:
            load_seconds = elapsed
        else:
            warmup_seconds += elapsed
    words = sum(len(text.split()) for text in texts)
    attributions = 0
    with pipeline.many_articles():
        start = time.perf_counter()
        for done, text in enumerate(texts, start=1):
            attributions += len(pipeline.analyze(text, engine=chosen).attributions)
            if on_progress:
                on_progress(done, len(texts))
        seconds = time.perf_counter() - start
    return BenchResult(
        engine=chosen,
        articles=len(texts),
        words=words,
        attributions=attributions,
        seconds=seconds,
        load_seconds=load_seconds,
        warmup_seconds=warmup_seconds,
        peak_memory_mb=peak_memory_mb(),
    )
