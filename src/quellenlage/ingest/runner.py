"""The ingest pipeline: read -> skip what is stored -> analyse (N workers) -> write (one writer).

Workers only compute; the main process is the single writer and commits each article in its own
transaction. Killed at any moment, the archive holds whole articles only, and running the same
ingest again skips what is stored (by content hash, before analysis) and finishes the rest.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from quellenlage.archive.records import PreparedArticle, content_hash
from quellenlage.errors import QuellenlageError
from quellenlage.ingest.sources import (
    RawArticle,
    ReaderOptions,
    ReadProblem,
    count_articles,
    expand_inputs,
    read_input,
)
from quellenlage.ingest.worker import AnalyseTask, Result, Skipped, Task, work
from quellenlage.pipeline import DEFAULT_ENGINE, many_articles, many_articles_in_this_process

if TYPE_CHECKING:
    from quellenlage.archive.archive import Archive

HASH_BATCH = 64
GROUP_SIZE = 64
GROUP_SECONDS = 0.5
CHUNK_SIZE = 16
IN_FLIGHT_PER_WORKER = 32
EXAMPLES = 10


class ProgressHook(Protocol):
    def start(self, total: int | None) -> None: ...

    def advance(self, count: int = 1) -> None: ...


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    added: int = 0
    already_stored: int = 0
    near_duplicates: int = 0
    skipped_language: int = 0
    failed: int = 0
    attributions: int = 0
    seconds: float = 0.0
    languages: Counter[str] = field(default_factory=Counter)
    examples: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def note(self, skipped: Skipped) -> None:
        if skipped.kind == "stored":
            self.already_stored += 1
            return
        if skipped.kind == "language":
            self.skipped_language += 1
            self.languages[skipped.language or "unknown"] += 1
        else:
            self.failed += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append((skipped.origin, skipped.reason))

    def lines(self) -> list[str]:
        """The summary a person reads at the end of an ingest."""
        lines = [
            f"{self.read} articles read in {self.seconds:.1f} s ({self.rate:.1f} articles/s)",
            f"{self.added} stored with {self.attributions} statements; "
            f"{self.near_duplicates} of them near-duplicates of stored articles (linked)",
            f"{self.already_stored} already in the archive (skipped)",
        ]
        if self.skipped_language:
            languages = ", ".join(f"{lang} {n}" for lang, n in self.languages.most_common())
            lines.append(f"{self.skipped_language} skipped as not German ({languages})")
        if self.failed:
            lines.append(f"{self.failed} could not be read or analysed")
        lines.extend(f"  {origin}: {reason}" for origin, reason in self.examples)
        return lines


def ingest(
    archive: Archive,
    specs: list[str],
    *,
    workers: int = 1,
    options: ReaderOptions | None = None,
    progress: ProgressHook | None = None,
    engine: str = DEFAULT_ENGINE,
) -> IngestSummary:
    """Read `specs` (files, folders, URLs, feeds), analyse and store every German article."""
    options = options or ReaderOptions()
    inputs = expand_inputs(specs)

    def total() -> int | None:
        counts = [count_articles(spec, options) for spec in inputs]
        return None if any(c is None for c in counts) else sum(c or 0 for c in counts)

    raw = _read_all(inputs, options)
    return run_tasks(archive, raw, total=total, workers=workers, progress=progress,
                     engine=engine)


def _read_all(inputs: list[str], options: ReaderOptions) -> Iterator[RawArticle | Skipped]:
    for spec in inputs:
        try:
            for item in read_input(spec, options):
                if isinstance(item, ReadProblem):
                    yield Skipped("failed", item.origin, item.reason)
                else:
                    yield item
        except (QuellenlageError, OSError) as error:
            yield Skipped("failed", spec, str(error))


def run_tasks(
    archive: Archive,
    items: Iterable[RawArticle | Skipped | Task],
    *,
    total: int | Callable[[], int | None] | None,
    workers: int = 1,
    progress: ProgressHook | None = None,
    engine: str = DEFAULT_ENGINE,
) -> IngestSummary:
    """Skip stored texts, analyse or prepare the rest on `workers` processes, store each one.

    `total` (for the progress bar) may be a function: it is then called once the worker
    processes are starting, so that counting the input overlaps with their start.
    """
    summary = IngestSummary()
    started = time.perf_counter()
    store = _GroupStore(archive, summary, progress)
    with ExitStack() as stack:
        stack.enter_context(many_articles())
        pool = None
        if workers > 1:
            context = multiprocessing.get_context("forkserver")
            # Workers fork from a clean server that has the pipeline imported: no database
            # connection is ever inherited, and each worker starts in milliseconds.
            context.set_forkserver_preload(["quellenlage.ingest.worker"])
            pool = stack.enter_context(
                context.Pool(workers, initializer=many_articles_in_this_process)
            )
        if progress is not None:
            progress.start(total() if callable(total) else total)
        tasks = _unstored(archive, items, engine)
        if pool is None:
            for result in map(work, tasks):
                store.add(result)
        else:
            in_flight = threading.BoundedSemaphore(workers * IN_FLIGHT_PER_WORKER)
            for result in pool.imap(work, _bounded(tasks, in_flight.acquire), CHUNK_SIZE):
                in_flight.release()
                store.add(result)
    store.flush()
    summary.seconds = time.perf_counter() - started
    return summary


def _bounded(tasks: Iterator[Task], acquire: Callable[[], bool]) -> Iterator[Task]:
    """Hand tasks to the pool only while few enough are in flight (memory stays flat)."""
    for task in tasks:
        acquire()
        yield task


def _unstored(
    archive: Archive, items: Iterable[RawArticle | Skipped | Task], engine: str
) -> Iterator[Task]:
    """Tasks for texts not stored yet; stored or repeated ones become Skipped("stored")."""
    seen: set[str] = set()
    pending: list[tuple[str, Task]] = []

    def flush() -> Iterator[Task]:
        known = archive.writer.known_hashes(h for h, _ in pending)
        for digest, task in pending:
            if digest in known or digest in seen:
                origin = task.meta.origin if not isinstance(task, Skipped) else task.origin
                yield Skipped("stored", origin or "?", "already in the archive")
            else:
                seen.add(digest)
                yield task
        pending.clear()

    for item in items:
        if isinstance(item, Skipped):
            yield from flush()
            yield item
            continue
        digest = content_hash(item.text)
        task: Task = (
            AnalyseTask(item.text, item.meta, engine, digest) if isinstance(item, RawArticle)
            else replace(item, content_hash=digest)
        )
        pending.append((digest, task))
        if len(pending) >= HASH_BATCH:
            yield from flush()
    yield from flush()


class _GroupStore:
    """Collects prepared articles and stores them in groups: one transaction per group of up to
    GROUP_SIZE articles or GROUP_SECONDS of work, whichever comes first."""

    def __init__(
        self, archive: Archive, summary: IngestSummary, progress: ProgressHook | None
    ) -> None:
        self.archive = archive
        self.summary = summary
        self.progress = progress
        self.pending: list[PreparedArticle] = []
        self.since = time.perf_counter()

    def add(self, result: Result) -> None:
        self.summary.read += 1
        if isinstance(result, Skipped):
            self.summary.note(result)
            if self.progress is not None:
                self.progress.advance()
            return
        if not self.pending:
            self.since = time.perf_counter()
        self.pending.append(result)
        if len(self.pending) >= GROUP_SIZE or time.perf_counter() - self.since > GROUP_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            stored = self.archive.writer.store_many(self.pending)
            for prepared, result in zip(self.pending, stored, strict=True):
                if result.status == "exists":
                    self.summary.already_stored += 1
                    continue
                self.summary.added += 1
                self.summary.attributions += len(prepared.attributions)
                if result.duplicate_of is not None:
                    self.summary.near_duplicates += 1
        if self.progress is not None and self.pending:
            self.progress.advance(len(self.pending))
        self.pending = []
